//! Drafts of the `shadow` and `approve` modes: written by the agent, never sent (shadow) or sent
//! only after a human approves them (approve).

use super::{inbox::chat_fan_wrote, now_ms, outbox::insert_outbox, Store, StoreError};
use crate::domain::{Mode, ReplyPlan};
use serde::Serialize;
use sqlx::{Sqlite, Transaction};

/// One draft, for `fanvue-agent drafts`.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Draft {
    pub id: i64,
    pub creator: String,
    pub fan: String,
    pub mode: String,
    pub state: String,
    pub plan: ReplyPlan,
    pub outbox_id: Option<i64>,
    pub note: Option<String>,
    pub created_at: i64,
}

type Raw = (
    i64,
    String,
    String,
    String,
    String,
    String,
    Option<i64>,
    Option<String>,
    i64,
);

/// Stores a draft; part of the caller's transaction (the one deciding its events).
pub(crate) async fn insert_draft(
    tx: &mut Transaction<'static, Sqlite>,
    creator: &str,
    fan: &str,
    plan: &ReplyPlan,
    mode: Mode,
) -> Result<i64, StoreError> {
    let state = if mode == Mode::Approve {
        "awaiting"
    } else {
        "shadow"
    };
    let now = now_ms();
    let plan = serde_json::to_string(plan).map_err(|e| StoreError::Conflict(e.to_string()))?;
    Ok(sqlx::query_scalar(
        "INSERT INTO drafts (creator_handle, fan_uuid, mode, plan, state, created_at, updated_at)
         VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id",
    )
    .bind(creator)
    .bind(fan)
    .bind(mode.as_str())
    .bind(plan)
    .bind(state)
    .bind(now)
    .bind(now)
    .fetch_one(&mut **tx)
    .await?)
}

/// The fan wrote again: drafts waiting for approval in this chat are stale. Part of the
/// transaction that accepts the fan's message, so no human can approve a stale draft after it.
pub(crate) async fn drop_awaiting(
    tx: &mut Transaction<'static, Sqlite>,
    creator: &str,
    fan: &str,
) -> Result<u64, StoreError> {
    drop_awaiting_many(tx, &[(creator, fan.to_string())]).await
}

/// [`drop_awaiting`] for many chats in one statement.
pub(crate) async fn drop_awaiting_many(
    tx: &mut Transaction<'static, Sqlite>,
    chats: &[(&str, String)],
) -> Result<u64, StoreError> {
    if chats.is_empty() {
        return Ok(0);
    }
    let mut q = sqlx::QueryBuilder::<Sqlite>::new(
        "UPDATE drafts SET state = 'dropped', note = 'the fan wrote again before it was approved', updated_at = ",
    );
    q.push_bind(now_ms());
    q.push(" WHERE state = 'awaiting' AND (creator_handle, fan_uuid) IN (");
    q.push_values(chats, |mut row, (creator, fan)| {
        row.push_bind(creator.to_string()).push_bind(fan.clone());
    });
    q.push(")");
    Ok(q.build().execute(&mut **tx).await?.rows_affected())
}

impl Store {
    pub async fn draft(&self, id: i64) -> Result<Option<Draft>, StoreError> {
        let row: Option<Raw> = sqlx::query_as(&format!("{SELECT} WHERE id = ?"))
            .bind(id)
            .fetch_optional(self.reader())
            .await?;
        Ok(row.map(draft))
    }

    /// Drafts, newest first: of one creator and/or in one state when given.
    pub async fn drafts(
        &self,
        creator: Option<&str>,
        state: Option<&str>,
        limit: i64,
    ) -> Result<Vec<Draft>, StoreError> {
        let rows: Vec<Raw> = sqlx::query_as(&format!(
            "{SELECT} WHERE (?1 IS NULL OR creator_handle = ?1) AND (?2 IS NULL OR state = ?2)
             ORDER BY id DESC LIMIT ?3"
        ))
        .bind(creator)
        .bind(state)
        .bind(limit)
        .fetch_all(self.reader())
        .await?;
        Ok(rows.into_iter().map(draft).collect())
    }

    /// A human approved draft `id`: it goes to the outbox now (and its decisions point at it).
    /// Fails if it is not awaiting approval (already approved, rejected, dropped, or a shadow draft)
    /// or the fan wrote after it was drafted.
    pub async fn approve_draft(&self, id: i64) -> Result<i64, StoreError> {
        let mut tx = self.begin_write().await?;
        let row: Option<Raw> = sqlx::query_as(&format!("{SELECT} WHERE id = ?"))
            .bind(id)
            .fetch_optional(&mut *tx)
            .await?;
        let d = awaiting(row.map(draft), id)?;
        if chat_fan_wrote(&mut tx, &d.creator, &d.fan, d.created_at).await? {
            drop_awaiting(&mut tx, &d.creator, &d.fan).await?;
            tx.commit().await?;
            return Err(StoreError::Conflict(format!(
                "draft {id} was dropped: the fan wrote again after it was drafted"
            )));
        }
        let outbox = insert_outbox(&mut tx, &d.creator, &d.fan, &d.plan, now_ms()).await?;
        sqlx::query(
            "UPDATE drafts SET state = 'approved', outbox_id = ?, updated_at = ? WHERE id = ?",
        )
        .bind(outbox)
        .bind(now_ms())
        .bind(id)
        .execute(&mut *tx)
        .await?;
        sqlx::query("UPDATE decisions SET outbox_id = ? WHERE draft_id = ?")
            .bind(outbox)
            .bind(id)
            .execute(&mut *tx)
            .await?;
        tx.commit().await?;
        Ok(outbox)
    }

    /// A human rejected draft `id`: it is never sent.
    pub async fn reject_draft(&self, id: i64, note: Option<&str>) -> Result<(), StoreError> {
        let mut tx = self.begin_write().await?;
        let row: Option<Raw> = sqlx::query_as(&format!("{SELECT} WHERE id = ?"))
            .bind(id)
            .fetch_optional(&mut *tx)
            .await?;
        awaiting(row.map(draft), id)?;
        sqlx::query("UPDATE drafts SET state = 'rejected', note = ?, updated_at = ? WHERE id = ?")
            .bind(note.unwrap_or("rejected by the operator"))
            .bind(now_ms())
            .bind(id)
            .execute(&mut *tx)
            .await?;
        tx.commit().await?;
        Ok(())
    }
}

const SELECT: &str = "SELECT id, creator_handle, fan_uuid, mode, state, plan, outbox_id, note, created_at FROM drafts";

fn draft(r: Raw) -> Draft {
    Draft {
        id: r.0,
        creator: r.1,
        fan: r.2,
        mode: r.3,
        state: r.4,
        plan: serde_json::from_str(&r.5).unwrap_or(ReplyPlan {
            purpose: crate::domain::Purpose::Reply,
            text: r.5.clone(),
            media_uuids: vec![],
            price_cents: None,
            delay_ms: 0,
            offer_item: None,
            context_at: None,
            answers_uuid: None,
            answers_sent_at: None,
        }),
        outbox_id: r.6,
        note: r.7,
        created_at: r.8,
    }
}

/// The draft if it is awaiting approval, else an error saying what it is.
fn awaiting(d: Option<Draft>, id: i64) -> Result<Draft, StoreError> {
    let d = d.ok_or_else(|| StoreError::NotFound(format!("draft {id}")))?;
    if d.state != "awaiting" {
        let why = d
            .note
            .as_deref()
            .map(|n| format!(" ({n})"))
            .unwrap_or_default();
        return Err(StoreError::Conflict(format!(
            "draft {id} is {}{why}: only drafts awaiting approval can be approved or rejected",
            d.state
        )));
    }
    Ok(d)
}
