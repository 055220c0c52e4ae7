//! What the sequence scheduler reads: the events that start a sequence, fans' silences, the steps
//! already queued (sequence steps are inbox events, so each is queued once, ever), and the counts
//! its caps are checked against.

use super::{Store, StoreError};
use std::collections::HashMap;

/// Something that starts a sequence for one fan: `anchor` names it in each step's dedupe key.
#[derive(Clone, Debug, PartialEq, Eq, sqlx::FromRow)]
pub struct Start {
    pub fan: String,
    pub anchor: String,
    /// Unix ms (our clock).
    pub at: i64,
    pub spend_cents: i64,
    pub subscribed: Option<bool>,
}

impl Store {
    /// The inbox events of `kind` for `creator` received since `since` (unix ms), one per event.
    pub async fn sequence_starts(
        &self,
        creator: &str,
        kind: &str,
        since: i64,
    ) -> Result<Vec<Start>, StoreError> {
        Ok(sqlx::query_as(
            "SELECT i.fan_uuid AS fan, CAST(i.id AS TEXT) AS anchor, i.received_at AS at,
                    coalesce(f.spend_cents, 0) AS spend_cents, f.subscribed
             FROM inbox i LEFT JOIN fan_facts f
               ON f.creator_handle = i.creator_handle AND f.fan_uuid = i.fan_uuid
             WHERE i.creator_handle = ?1 AND i.kind = ?2 AND i.received_at >= ?3
               AND i.fan_uuid IS NOT NULL
             ORDER BY i.id",
        )
        .bind(creator)
        .bind(kind)
        .bind(since)
        .fetch_all(self.reader())
        .await?)
    }

    /// Each fan of `creator` whose last message was written before `before` (unix ms), anchored on
    /// that message: a new message ends the silence and its sequence. (Messages are stamped in
    /// unix seconds when stored: the time is returned in ms like the others.)
    pub async fn fan_silences(&self, creator: &str, before: i64) -> Result<Vec<Start>, StoreError> {
        Ok(sqlx::query_as(
            "SELECT m.fan_uuid AS fan, max(m.uuid) AS anchor, m.inserted_at * 1000 AS at,
                    coalesce(f.spend_cents, 0) AS spend_cents, f.subscribed
             FROM messages m LEFT JOIN fan_facts f
               ON f.creator_handle = m.creator_handle AND f.fan_uuid = m.fan_uuid
             WHERE m.creator_handle = ?1 AND m.from_creator = 0 AND m.inserted_at * 1000 < ?2
               AND m.inserted_at = (SELECT max(x.inserted_at) FROM messages x
                                    WHERE x.creator_handle = ?1 AND x.fan_uuid = m.fan_uuid
                                      AND x.from_creator = 0)
             GROUP BY m.fan_uuid, m.inserted_at",
        )
        .bind(creator)
        .bind(before)
        .fetch_all(self.reader())
        .await?)
    }

    /// The sequence steps of `creator` queued since `since` (unix ms): dedupe key to (fan, when).
    pub async fn queued_steps(
        &self,
        creator: &str,
        since: i64,
    ) -> Result<HashMap<String, (String, i64)>, StoreError> {
        let rows: Vec<(String, Option<String>, i64)> = sqlx::query_as(
            "SELECT dedupe_key, fan_uuid, received_at FROM inbox
             WHERE creator_handle = ? AND kind = 'sequence_step' AND received_at >= ?",
        )
        .bind(creator)
        .bind(since)
        .fetch_all(self.reader())
        .await?;
        Ok(rows
            .into_iter()
            .map(|(key, fan, at)| (key, (fan.unwrap_or_default(), at)))
            .collect())
    }

    /// Whether the fan wrote to `creator` after `since` (unix ms, our clock).
    pub async fn fan_wrote_since(
        &self,
        creator: &str,
        fan: &str,
        since: i64,
    ) -> Result<bool, StoreError> {
        let n: i64 = sqlx::query_scalar(
            "SELECT count(*) FROM inbox WHERE creator_handle = ? AND fan_uuid = ? AND from_fan = 1
               AND received_at > ?",
        )
        .bind(creator)
        .bind(fan)
        .bind(since)
        .fetch_one(self.reader())
        .await?;
        Ok(n > 0)
    }

    /// Whether Fanvue refused a message to this fan as not contactable (a permanent 400).
    pub async fn refused_as_not_contactable(
        &self,
        creator: &str,
        fan: &str,
    ) -> Result<bool, StoreError> {
        let n: i64 = sqlx::query_scalar(
            "SELECT count(*) FROM outbox WHERE creator_handle = ? AND fan_uuid = ?
               AND state = 'failed' AND lower(last_error) LIKE '%not contactable%'",
        )
        .bind(creator)
        .bind(fan)
        .fetch_one(self.reader())
        .await?;
        Ok(n > 0)
    }
}
