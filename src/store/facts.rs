//! Per-fan facts (spend, purchases, subscription) and the human-takeover pause of a chat.

use super::{now_ms, Store, StoreError};
use serde::Serialize;

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
        let mut tx = self.begin_write().await?;
        sqlx::query(
            "INSERT INTO fan_facts (creator_handle, fan_uuid, language, updated_at) VALUES (?1, ?2, ?3, ?4)
             ON CONFLICT(creator_handle, fan_uuid) DO UPDATE SET language = ?3, updated_at = ?4",
        )
        .bind(creator)
        .bind(fan)
        .bind(language)
        .bind(now_ms())
        .execute(&mut *tx)
        .await?;
        tx.commit().await?;
        Ok(())
    }

    /// Leaves the chat to the creator until `until_ms` (they answered by hand).
    pub async fn pause_fan(
        &self,
        creator: &str,
        fan: &str,
        until_ms: i64,
    ) -> Result<(), StoreError> {
        sqlx::query(
            "INSERT INTO fan_facts (creator_handle, fan_uuid, paused_until, updated_at) VALUES (?1, ?2, ?3, ?4)
             ON CONFLICT(creator_handle, fan_uuid) DO UPDATE SET paused_until = ?3, updated_at = ?4",
        )
        .bind(creator)
        .bind(fan)
        .bind(until_ms)
        .bind(now_ms())
        .execute(self.writer())
        .await?;
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

    /// Items a fan bought from our offers, newest first.
    pub async fn purchased_items(
        &self,
        creator: &str,
        fan: &str,
    ) -> Result<Vec<String>, StoreError> {
        Ok(sqlx::query_scalar(
            "SELECT coalesce(item_name, media_uuid) FROM offers WHERE creator_handle = ? AND fan_uuid = ?
             AND status = 'purchased' ORDER BY resolved_at DESC LIMIT 10",
        )
        .bind(creator)
        .bind(fan)
        .fetch_all(self.reader())
        .await?)
    }

    /// Handles and display names of the creator's other fans (a reply must never name them).
    pub async fn other_fans(&self, creator: &str, fan: &str) -> Result<Vec<String>, StoreError> {
        let rows: Vec<(Option<String>, Option<String>)> = sqlx::query_as(
            "SELECT fan_handle, display_name FROM chats WHERE creator_handle = ? AND fan_uuid != ?
             ORDER BY updated_at DESC LIMIT 500",
        )
        .bind(creator)
        .bind(fan)
        .fetch_all(self.reader())
        .await?;
        Ok(rows
            .into_iter()
            .flat_map(|(h, d)| [h, d])
            .flatten()
            .filter(|s| s.chars().count() >= 4)
            .collect())
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

    /// Records that the chat's history was read from the API by a request sent at `at_ms` (the
    /// newest read wins: a slow read never moves the mark back).
    pub async fn mark_history_synced(
        &self,
        creator: &str,
        fan: &str,
        at_ms: i64,
    ) -> Result<(), StoreError> {
        sqlx::query(
            "INSERT INTO chats (creator_handle, fan_uuid, updated_at, history_synced_at) VALUES (?1, ?2, ?3, ?4)
             ON CONFLICT(creator_handle, fan_uuid)
             DO UPDATE SET history_synced_at = max(coalesce(history_synced_at, 0), ?4)",
        )
        .bind(creator)
        .bind(fan)
        .bind(super::now_secs())
        .bind(at_ms)
        .execute(self.writer())
        .await?;
        Ok(())
    }

    /// Whether another chat of `creator` has events waiting (its job will want a read soon).
    pub async fn others_pending(&self, creator: &str, fan: &str) -> Result<bool, StoreError> {
        Ok(sqlx::query_scalar(
            "SELECT EXISTS (SELECT 1 FROM inbox WHERE creator_handle = ? AND fan_uuid != ? AND state = 'pending')",
        )
        .bind(creator)
        .bind(fan)
        .fetch_one(self.reader())
        .await?)
    }

    /// When the chat's history was last read from the API (unix ms the request was sent), if ever.
    pub async fn history_read_at(
        &self,
        creator: &str,
        fan: &str,
    ) -> Result<Option<i64>, StoreError> {
        let r: Option<Option<i64>> = sqlx::query_scalar(
            "SELECT history_synced_at FROM chats WHERE creator_handle = ? AND fan_uuid = ?",
        )
        .bind(creator)
        .bind(fan)
        .fetch_optional(self.reader())
        .await?;
        Ok(r.flatten())
    }
}
