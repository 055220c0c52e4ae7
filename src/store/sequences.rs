//! What the sequence scheduler reads: the events that start a sequence, fans' silences, the steps
//! already queued (sequence steps are inbox events, so each is queued once, ever), and the counts
//! its caps are checked against.

use super::{Store, StoreError};
use std::collections::HashMap;

/// An RFC 3339 time as unix ms (`None` when it is not one).
pub fn unix_ms(rfc3339: &str) -> Option<i64> {
    rfc3339
        .parse::<jiff::Timestamp>()
        .ok()
        .map(|t| t.as_millisecond())
}

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
    /// that message: a new message ends the silence and its sequence. Its time is the later of
    /// the end of the second the message store stamped it with and the inbox's arrival of the
    /// fan's last message (ms): none of the fan's messages so far is after it (the agent stops
    /// a sequence for a fan who wrote after its start), a burst in one second included.
    pub async fn fan_silences(&self, creator: &str, before: i64) -> Result<Vec<Start>, StoreError> {
        Ok(sqlx::query_as(
            "SELECT m.fan_uuid AS fan, max(m.uuid) AS anchor,
                    max(m.inserted_at * 1000 + 999,
                        coalesce((SELECT max(i.received_at) FROM inbox i
                                  WHERE i.creator_handle = ?1 AND i.fan_uuid = m.fan_uuid
                                    AND i.from_fan = 1), 0)) AS at,
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

    /// Fans of `creator` whose subscription ends after `now` (unix ms) and within `within_ms`,
    /// and does not renew by itself (auto-renew off, or Fanvue did not say), anchored on the end
    /// date (a renewed and again expiring subscription is a new start) and starting `within_ms`
    /// before it.
    pub async fn expiring_subscriptions(
        &self,
        creator: &str,
        now: i64,
        within_ms: i64,
    ) -> Result<Vec<Start>, StoreError> {
        let rows: Vec<(String, String, i64, Option<bool>)> = sqlx::query_as(
            "SELECT v.fan_uuid, v.renews_at, coalesce(f.spend_cents, 0), f.subscribed
             FROM fan_value v LEFT JOIN fan_facts f
               ON f.creator_handle = v.creator_handle AND f.fan_uuid = v.fan_uuid
             WHERE v.creator_handle = ? AND v.status = 'subscriber' AND v.renews_at IS NOT NULL
               AND coalesce(v.auto_renew, 0) = 0
             ORDER BY v.fan_uuid",
        )
        .bind(creator)
        .fetch_all(self.reader())
        .await?;
        Ok(rows
            .into_iter()
            .filter_map(|(fan, renews_at, spend_cents, subscribed)| {
                let ends = unix_ms(&renews_at)?;
                (ends > now && ends - within_ms <= now).then(|| Start {
                    fan,
                    anchor: format!("ends-{ends}"),
                    at: ends - within_ms,
                    spend_cents,
                    subscribed,
                })
            })
            .collect())
    }

    /// Fans of `creator` whose subscription ended since `since` (unix ms), anchored on when it
    /// ended. A fan whose end is unknown is never among them (see `fan_value.expired_at`).
    pub async fn expired_subscriptions(
        &self,
        creator: &str,
        since: i64,
    ) -> Result<Vec<Start>, StoreError> {
        Ok(sqlx::query_as(
            "SELECT v.fan_uuid AS fan, 'ended-' || v.expired_at AS anchor, v.expired_at AS at,
                    coalesce(f.spend_cents, 0) AS spend_cents, f.subscribed
             FROM fan_value v LEFT JOIN fan_facts f
               ON f.creator_handle = v.creator_handle AND f.fan_uuid = v.fan_uuid
             WHERE v.creator_handle = ? AND v.status = 'expired' AND v.expired_at >= ?
             ORDER BY v.expired_at, v.fan_uuid",
        )
        .bind(creator)
        .bind(since)
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
