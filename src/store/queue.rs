//! What waits for a human (the console's queue): chats whose AI is paused, sends given up on,
//! and the counts the queue shows live. Drafts, marks and creators have their own files.

use super::{now_ms, Store, StoreError};
use serde::Serialize;

/// A chat whose AI is paused (the creator or a console user took it over, or an operator paused it).
#[derive(Clone, Debug, Serialize, sqlx::FromRow)]
pub struct PausedChat {
    #[sqlx(rename = "creator_handle")]
    pub creator: String,
    #[sqlx(rename = "fan_uuid")]
    pub fan: String,
    pub paused_until: i64,
}

/// A message the sender gave up on.
#[derive(Clone, Debug, Serialize, sqlx::FromRow)]
pub struct FailedSend {
    pub id: i64,
    #[sqlx(rename = "creator_handle")]
    pub creator: String,
    #[sqlx(rename = "fan_uuid")]
    pub fan: String,
    pub text: Option<String>,
    pub last_error: Option<String>,
    pub updated_at: i64,
}

/// How far back failed sends stay in the queue.
pub const FAILED_SENDS_FOR_MS: i64 = 7 * 86_400_000;

impl Store {
    /// Chats paused now (of `creator` when given), the longest pauses first.
    pub async fn paused_chats(&self, creator: Option<&str>) -> Result<Vec<PausedChat>, StoreError> {
        Ok(sqlx::query_as(
            "SELECT creator_handle, fan_uuid, paused_until FROM fan_facts
             WHERE paused_until > ?1 AND (?2 IS NULL OR creator_handle = ?2)
             ORDER BY paused_until DESC LIMIT 200",
        )
        .bind(now_ms())
        .bind(creator)
        .fetch_all(self.reader())
        .await?)
    }

    /// Sends that failed in the last week (of `creator` when given), newest first.
    pub async fn failed_sends(&self, creator: Option<&str>) -> Result<Vec<FailedSend>, StoreError> {
        Ok(sqlx::query_as(
            "SELECT id, creator_handle, fan_uuid, text, last_error, updated_at FROM outbox
             WHERE state = 'failed' AND updated_at > ?1 AND (?2 IS NULL OR creator_handle = ?2)
             ORDER BY id DESC LIMIT 200",
        )
        .bind(now_ms() - FAILED_SENDS_FOR_MS)
        .bind(creator)
        .fetch_all(self.reader())
        .await?)
    }
}
