//! What humans did (the decision log's human half): one `human_actions` row per action, with who
//! did it. Fan events keep exactly one decision row each; a human action is its own row here,
//! written in the same transaction as the change it made where the store makes that change.

use super::{now_ms, Store, StoreError};
use serde::Serialize;
use sqlx::{Sqlite, Transaction};

/// A human action to record. `actor` is `console:<user>` or `cli:<unix user>`.
#[derive(Clone, Debug, Default)]
pub struct NewAction<'a> {
    pub actor: &'a str,
    /// What was done: `approve`, `edit_send`, `reject`, `hand_reply`, `resume`, `clear_mark`...
    pub action: &'a str,
    pub creator: Option<&'a str>,
    pub fan: Option<&'a str>,
    pub draft_id: Option<i64>,
    pub outbox_id: Option<i64>,
    /// The reason, note or text given.
    pub detail: &'a str,
}

/// A recorded human action.
#[derive(Clone, Debug, Serialize, sqlx::FromRow)]
pub struct ActionRow {
    pub id: i64,
    pub at: i64,
    pub actor: String,
    pub action: String,
    #[sqlx(rename = "creator_handle")]
    pub creator: Option<String>,
    #[sqlx(rename = "fan_uuid")]
    pub fan: Option<String>,
    pub draft_id: Option<i64>,
    pub outbox_id: Option<i64>,
    pub detail: String,
}

const COLUMNS: &str =
    "id, at, actor, action, creator_handle, fan_uuid, draft_id, outbox_id, detail";

impl Store {
    /// Records one human action on its own.
    pub async fn record_action(&self, a: &NewAction<'_>) -> Result<i64, StoreError> {
        let mut tx = self.begin_write().await?;
        let id = insert_action(&mut tx, a).await?;
        tx.commit().await?;
        Ok(id)
    }

    /// The actions taken on one chat, oldest first.
    pub async fn chat_actions(
        &self,
        creator: &str,
        fan: &str,
    ) -> Result<Vec<ActionRow>, StoreError> {
        Ok(sqlx::query_as(&format!(
            "SELECT {COLUMNS} FROM human_actions WHERE creator_handle = ? AND fan_uuid = ? ORDER BY id"
        ))
        .bind(creator)
        .bind(fan)
        .fetch_all(self.reader())
        .await?)
    }

    /// The newest actions (of one creator when given), newest first.
    pub async fn recent_actions(
        &self,
        creator: Option<&str>,
        limit: i64,
    ) -> Result<Vec<ActionRow>, StoreError> {
        Ok(sqlx::query_as(&format!(
            "SELECT {COLUMNS} FROM human_actions WHERE ?1 IS NULL OR creator_handle = ?1
             ORDER BY id DESC LIMIT ?2"
        ))
        .bind(creator)
        .bind(limit)
        .fetch_all(self.reader())
        .await?)
    }
}

/// Records `a` inside the caller's transaction (commits with the change it describes).
pub(crate) async fn insert_action(
    tx: &mut Transaction<'static, Sqlite>,
    a: &NewAction<'_>,
) -> Result<i64, StoreError> {
    Ok(sqlx::query(
        "INSERT INTO human_actions (at, actor, action, creator_handle, fan_uuid, draft_id, outbox_id, detail)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
    )
    .bind(now_ms())
    .bind(a.actor)
    .bind(a.action)
    .bind(a.creator)
    .bind(a.fan)
    .bind(a.draft_id)
    .bind(a.outbox_id)
    .bind(a.detail)
    .execute(&mut **tx)
    .await?
    .last_insert_rowid())
}
