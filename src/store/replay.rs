//! Preparing a throw-away copy of the database for `fanvue-agent replay`: the chat is rewound to
//! just after the fan's last message, which is queued again, so the agent answers it anew.

use super::{Store, StoreError};
use crate::domain::Outcome;

/// What the agent decided on a replayed event.
#[derive(Clone, Debug, PartialEq, Eq, sqlx::FromRow)]
pub struct ReplayDecision {
    pub outcome: Outcome,
    pub reason: String,
    /// The drafted text (replay runs in shadow mode).
    pub reply: Option<String>,
    pub llm_ms: Option<i64>,
    /// The guardrail (and judge) verdicts as recorded, JSON.
    pub guardrails: Option<String>,
    /// The offer the rules attached to the draft: the vault item and its price.
    pub offer_item: Option<String>,
    pub price_cents: Option<i64>,
}

impl Store {
    /// Rewinds the chat (in this copy!) and queues the fan's last message again. Returns the new
    /// inbox id and the message's text.
    pub async fn prepare_replay(
        &self,
        creator: &str,
        fan: &str,
    ) -> Result<(i64, Option<String>), StoreError> {
        let mut tx = self.begin_write().await?;
        let last: Option<(String, String, Option<String>)> = sqlx::query_as(
            "SELECT uuid, sent_at, text FROM messages
             WHERE creator_handle = ? AND fan_uuid = ? AND from_creator = 0 AND sent_at IS NOT NULL
             ORDER BY sent_at DESC LIMIT 1",
        )
        .bind(creator)
        .bind(fan)
        .fetch_optional(&mut *tx)
        .await?;
        let Some((uuid, sent_at, text)) = last else {
            return Err(StoreError::NotFound(format!(
                "a message from fan {fan} to {creator}"
            )));
        };
        for sql in [
            "DELETE FROM messages WHERE creator_handle = ?1 AND fan_uuid = ?2 AND sent_at > ?3",
            "UPDATE outbox SET state = 'failed' WHERE creator_handle = ?1 AND fan_uuid = ?2
               AND state IN ('pending', 'sending', 'in_doubt')",
            "UPDATE drafts SET state = 'dropped' WHERE creator_handle = ?1 AND fan_uuid = ?2
               AND state = 'awaiting'",
        ] {
            sqlx::query(sql)
                .bind(creator)
                .bind(fan)
                .bind(&sent_at)
                .execute(&mut *tx)
                .await?;
        }
        let row: Option<(i64, i64)> = sqlx::query_as(
            "INSERT INTO inbox (dedupe_key, source, creator_handle, creator_uuid, fan_uuid, kind,
                                message_uuid, from_fan, event, received_at)
             SELECT 'replay:' || dedupe_key, 'replay', creator_handle, creator_uuid, fan_uuid, kind,
                    message_uuid, 1, event, received_at
             FROM inbox WHERE creator_handle = ? AND message_uuid = ? ORDER BY id LIMIT 1
             RETURNING id, received_at",
        )
        .bind(creator)
        .bind(&uuid)
        .fetch_optional(&mut *tx)
        .await?;
        let (id, received_at) = row.ok_or_else(|| {
            StoreError::NotFound(format!("the inbox event of the fan's last message {uuid}"))
        })?;
        // The replies sent to it are rewound too: else the agent sees the message answered.
        sqlx::query(
            "UPDATE outbox SET state = 'dropped', last_error = 'rewound for a replay'
             WHERE creator_handle = ?1 AND fan_uuid = ?2 AND state = 'sent' AND purpose = 'reply'
               AND coalesce(context_at, created_at) >= ?3",
        )
        .bind(creator)
        .bind(fan)
        .bind(received_at)
        .execute(&mut *tx)
        .await?;
        tx.commit().await?;
        // Answer from the rewound history: no fetch that would bring the later replies back (the
        // history counts as read at the end of time, so no job of this copy reads it again).
        self.mark_history_synced(creator, fan, i64::MAX).await?;
        Ok((id, text))
    }

    /// The decision on a replayed event.
    pub async fn replay_decision(
        &self,
        inbox_id: i64,
    ) -> Result<Option<ReplayDecision>, StoreError> {
        Ok(sqlx::query_as(
            "SELECT d.outcome, d.reason, json_extract(dr.plan, '$.text') AS reply, d.llm_ms,
                    d.guardrails, json_extract(dr.plan, '$.offer_item') AS offer_item,
                    json_extract(dr.plan, '$.price_cents') AS price_cents
             FROM decisions d LEFT JOIN drafts dr ON dr.id = d.draft_id WHERE d.inbox_id = ?",
        )
        .bind(inbox_id)
        .fetch_optional(self.reader())
        .await?)
    }

    /// The chats (creator handles) of fans whose uuid starts with `fan`, as `(creator, fan)`.
    pub async fn find_chats(&self, fan: &str) -> Result<Vec<(String, String)>, StoreError> {
        Ok(sqlx::query_as(
            "SELECT DISTINCT creator_handle, fan_uuid FROM messages WHERE fan_uuid LIKE ? || '%'
             ORDER BY creator_handle, fan_uuid",
        )
        .bind(fan.to_ascii_lowercase())
        .fetch_all(self.reader())
        .await?)
    }

    /// Copies the whole database, consistently, to `path` (`VACUUM INTO`).
    pub async fn copy_to(&self, path: &std::path::Path) -> Result<(), StoreError> {
        sqlx::query("VACUUM INTO ?")
            .bind(path.display().to_string())
            .execute(self.writer())
            .await?;
        Ok(())
    }
}
