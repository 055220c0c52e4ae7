//! Per-fan facts (spend, purchases, subscription, language), what a fan told about themselves
//! (memory), and the human-takeover pause of a chat.

use super::{now_ms, Store, StoreError};
use serde::Serialize;
use sqlx::{QueryBuilder, Sqlite, Transaction};

/// What the daemon knows about a fan of one creator.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, sqlx::FromRow)]
pub struct FanFacts {
    pub subscribed: Option<bool>,
    pub followed: Option<bool>,
    pub spend_cents: i64,
    pub purchases: i64,
    pub tips: i64,
    /// Unix ms until which the daemon leaves this chat to the creator.
    pub paused_until: Option<i64>,
    /// The language the fan last wrote in (ISO 639-1), when it was recognised.
    pub language: Option<String>,
}

impl Store {
    pub async fn fan_facts(&self, creator: &str, fan: &str) -> Result<FanFacts, StoreError> {
        let facts: Option<FanFacts> = sqlx::query_as(
            "SELECT subscribed, followed, spend_cents, purchases, tips, paused_until, language FROM fan_facts
             WHERE creator_handle = ? AND fan_uuid = ?",
        )
        .bind(creator)
        .bind(fan)
        .fetch_optional(self.reader())
        .await?;
        Ok(facts.unwrap_or_default())
    }

    /// Records the language a fan writes in (only when it changed: no write per message).
    pub async fn set_fan_language(
        &self,
        creator: &str,
        fan: &str,
        language: &str,
    ) -> Result<(), StoreError> {
        self.set_fan_fact(creator, fan, "language", language).await
    }

    /// Leaves the chat to the creator until `until_ms` (they answered by hand).
    pub async fn pause_fan(
        &self,
        creator: &str,
        fan: &str,
        until_ms: i64,
    ) -> Result<(), StoreError> {
        self.set_fan_fact(creator, fan, "paused_until", until_ms)
            .await
    }

    /// Sets one of a fan's facts (`column`: a name from this file, never input), creating the
    /// fan's row if needed.
    async fn set_fan_fact<'a, T>(
        &self,
        creator: &'a str,
        fan: &'a str,
        column: &str,
        value: T,
    ) -> Result<(), StoreError>
    where
        T: 'a + Send + sqlx::Encode<'a, Sqlite> + sqlx::Type<Sqlite>,
    {
        let mut q = QueryBuilder::<Sqlite>::new(format!(
            "INSERT INTO fan_facts (creator_handle, fan_uuid, {column}, updated_at) VALUES ("
        ));
        q.separated(", ")
            .push_bind(creator)
            .push_bind(fan)
            .push_bind(value)
            .push_bind(now_ms());
        q.push(format!(
            ") ON CONFLICT(creator_handle, fan_uuid) DO UPDATE SET
                {column} = excluded.{column}, updated_at = excluded.updated_at"
        ));
        q.build().execute(self.writer()).await?;
        Ok(())
    }

    /// Remembers facts a fan stated (each once).
    pub async fn remember(
        &self,
        creator: &str,
        fan: &str,
        facts: &[crate::domain::Fact],
    ) -> Result<(), StoreError> {
        for f in facts {
            sqlx::query(
                "INSERT INTO fan_memory (creator_handle, fan_uuid, kind, value, learned_at) VALUES (?, ?, ?, ?, ?)
                 ON CONFLICT DO NOTHING",
            )
            .bind(creator)
            .bind(fan)
            .bind(f.kind)
            .bind(&f.value)
            .bind(now_ms())
            .execute(self.writer())
            .await?;
        }
        Ok(())
    }

    /// What the agent remembers about a fan, newest first.
    pub async fn memory(
        &self,
        creator: &str,
        fan: &str,
    ) -> Result<Vec<(String, String)>, StoreError> {
        Ok(sqlx::query_as(
            "SELECT kind, value FROM fan_memory WHERE creator_handle = ? AND fan_uuid = ?
             ORDER BY learned_at DESC, rowid DESC LIMIT 50",
        )
        .bind(creator)
        .bind(fan)
        .fetch_all(self.reader())
        .await?)
    }

    /// Ends a chat's pause (manual takeover or operator pause).
    pub async fn resume_fan(&self, creator: &str, fan: &str) -> Result<(), StoreError> {
        sqlx::query("UPDATE fan_facts SET paused_until = NULL, updated_at = ? WHERE creator_handle = ? AND fan_uuid = ?")
            .bind(now_ms())
            .bind(creator)
            .bind(fan)
            .execute(self.writer())
            .await?;
        Ok(())
    }
}

/// What one accepted event adds to a fan's facts.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub(crate) struct Learned {
    pub spend_cents: i64,
    pub purchases: i64,
    pub tips: i64,
    pub subscribed: Option<bool>,
    pub followed: Option<bool>,
}

/// Adds `l` to the fan's facts (payments add up; a subscription or follow is remembered with
/// when). Part of the transaction that accepts the event, so a redelivery never counts twice.
pub(crate) async fn add_facts(
    tx: &mut Transaction<'static, Sqlite>,
    creator: &str,
    fan: &str,
    l: &Learned,
    now: i64,
) -> Result<(), StoreError> {
    sqlx::query(
        "INSERT INTO fan_facts (creator_handle, fan_uuid, subscribed, subscribed_at, followed, spend_cents,
                                purchases, tips, last_paid_at, updated_at)
         VALUES (?1, ?2, ?3, CASE WHEN ?3 THEN ?8 END, ?4, ?5, ?6, ?7, CASE WHEN ?5 > 0 THEN ?8 END, ?8)
         ON CONFLICT(creator_handle, fan_uuid) DO UPDATE SET
            subscribed = coalesce(?3, subscribed),
            subscribed_at = CASE WHEN ?3 THEN ?8 ELSE subscribed_at END,
            followed = coalesce(?4, followed),
            spend_cents = spend_cents + ?5, purchases = purchases + ?6, tips = tips + ?7,
            last_paid_at = CASE WHEN ?5 > 0 THEN ?8 ELSE last_paid_at END,
            updated_at = ?8",
    )
    .bind(creator)
    .bind(fan)
    .bind(l.subscribed)
    .bind(l.followed)
    .bind(l.spend_cents)
    .bind(l.purchases)
    .bind(l.tips)
    .bind(now)
    .execute(&mut **tx)
    .await?;
    Ok(())
}
