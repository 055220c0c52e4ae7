//! The outbox: replies committed before any network call, and their send states
//! `pending → sending → sent | failed | in_doubt`.

use super::drafts::insert_draft;
use super::{
    chats::{insert_message_with, StoredMessage},
    inbox::insert_decisions,
    now_ms, Store, StoreError,
};
use crate::domain::{DecisionInfo, Mode, Outcome, ReplyPlan};
use sqlx::{Sqlite, Transaction};

/// One outbox row.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct OutboxRow {
    pub id: i64,
    pub creator: String,
    pub fan: String,
    pub purpose: String,
    pub text: Option<String>,
    pub media_uuids: Vec<String>,
    pub price_cents: Option<i64>,
    pub state: String,
    pub attempts: i64,
    pub not_before: i64,
    pub created_at: i64,
    /// When the drafting job read the chat (our clock); `None` for approved drafts and rows
    /// older than the pre-send check.
    pub context_at: Option<i64>,
    /// The newest message of the chat the draft saw, and its Fanvue `sentAt`.
    pub answers_uuid: Option<String>,
    pub answers_sent_at: Option<String>,
}

/// The row as SQLite holds it (media as a JSON array), decoded by column name.
#[derive(sqlx::FromRow)]
struct RawRow {
    id: i64,
    creator_handle: String,
    fan_uuid: String,
    purpose: String,
    text: Option<String>,
    media_uuids: String,
    price_cents: Option<i64>,
    state: String,
    attempts: i64,
    not_before: i64,
    created_at: i64,
    context_at: Option<i64>,
    answers_uuid: Option<String>,
    answers_sent_at: Option<String>,
}

const COLUMNS: &str =
    "id, creator_handle, fan_uuid, purpose, text, media_uuids, price_cents, state, attempts, \
     not_before, created_at, context_at, answers_uuid, answers_sent_at";

fn row(r: RawRow) -> OutboxRow {
    OutboxRow {
        id: r.id,
        creator: r.creator_handle,
        fan: r.fan_uuid,
        purpose: r.purpose,
        text: r.text,
        media_uuids: serde_json::from_str(&r.media_uuids).unwrap_or_default(),
        price_cents: r.price_cents,
        state: r.state,
        attempts: r.attempts,
        not_before: r.not_before,
        created_at: r.created_at,
        context_at: r.context_at,
        answers_uuid: r.answers_uuid,
        answers_sent_at: r.answers_sent_at,
    }
}

impl Store {
    /// Commits a plan and the decisions of the events it answers in one transaction, so an event is
    /// either still pending or decided with its message queued: never half of it. In `live` mode the
    /// message goes to the outbox; in `shadow` and `approve` modes it becomes a draft (see drafts.rs).
    /// Returns the outbox row's id (live) or the draft's id.
    #[allow(clippy::too_many_arguments)]
    pub async fn commit_plan(
        &self,
        creator: &str,
        fan: &str,
        inbox_ids: &[i64],
        plan: &ReplyPlan,
        outcome: Outcome,
        info: &DecisionInfo,
        mode: Mode,
    ) -> Result<i64, StoreError> {
        let mut tx = self.begin_write().await?;
        let (id, outbox_id) = if mode == Mode::Live {
            let id =
                insert_outbox(&mut tx, creator, fan, plan, now_ms() + plan.delay_ms as i64).await?;
            (id, Some(id))
        } else {
            (insert_draft(&mut tx, creator, fan, plan, mode).await?, None)
        };
        insert_decisions(
            &mut tx,
            inbox_ids,
            Some(creator),
            Some(fan),
            outcome,
            info,
            outbox_id,
        )
        .await?;
        if outbox_id.is_none() {
            for inbox_id in inbox_ids {
                sqlx::query("UPDATE decisions SET draft_id = ? WHERE inbox_id = ?")
                    .bind(id)
                    .bind(inbox_id)
                    .execute(&mut *tx)
                    .await?;
            }
        }
        if mode == Mode::Approve {
            // A human must approve it: they hear of it with the draft, in one commit.
            super::notify::notice_draft(&mut tx, creator, fan, id, &plan.text, inbox_ids).await?;
        }
        tx.commit().await?;
        self.wake_notifier();
        super::inbox::decided(Some(creator), Some(fan), inbox_ids, outcome, &info.reason);
        Ok(id)
    }

    /// After a crash, a row left `sending` may or may not have reached Fanvue: reconcile it.
    pub async fn recover_sending(&self) -> Result<u64, StoreError> {
        Ok(sqlx::query(
            "UPDATE outbox SET state = 'in_doubt', last_error = 'interrupted while sending' WHERE state = 'sending'",
        )
        .execute(self.writer())
        .await?
        .rows_affected())
    }

    /// Creators with open (pending or in-doubt) rows.
    pub async fn creators_with_open_outbox(&self) -> Result<Vec<String>, StoreError> {
        Ok(sqlx::query_scalar(
            "SELECT DISTINCT creator_handle FROM outbox WHERE state IN ('pending', 'sending', 'in_doubt')",
        )
        .fetch_all(self.reader())
        .await?)
    }

    /// The creator's open rows, soonest first.
    pub async fn open_outbox(&self, creator: &str) -> Result<Vec<OutboxRow>, StoreError> {
        let rows: Vec<RawRow> = sqlx::query_as(&format!(
            "SELECT {COLUMNS} FROM outbox WHERE creator_handle = ? AND state IN ('pending', 'in_doubt')
             ORDER BY not_before, id LIMIT 100"
        ))
        .bind(creator)
        .fetch_all(self.reader())
        .await?;
        Ok(rows.into_iter().map(row).collect())
    }

    pub async fn outbox_row(&self, id: i64) -> Result<Option<OutboxRow>, StoreError> {
        let r: Option<RawRow> =
            sqlx::query_as(&format!("SELECT {COLUMNS} FROM outbox WHERE id = ?"))
                .bind(id)
                .fetch_optional(self.reader())
                .await?;
        Ok(r.map(row))
    }

    /// Takes a row for sending; false when it is not open any more.
    pub async fn claim_outbox(&self, id: i64) -> Result<bool, StoreError> {
        let n = sqlx::query(
            "UPDATE outbox SET state = 'sending', attempts = attempts + 1, updated_at = ?
             WHERE id = ? AND state IN ('pending', 'in_doubt')",
        )
        .bind(now_ms())
        .bind(id)
        .execute(self.writer())
        .await?
        .rows_affected();
        Ok(n == 1)
    }

    /// The send landed (or reconciling found it): record Fanvue's id, keep the message in the local
    /// history, and stamp the end-to-end latency on the decisions it answered (returned, in ms).
    /// `sent_at` is Fanvue's own timestamp when known (a reconciled send), else when the request
    /// went out (else now): the agent
    /// compares it with fan messages' times to tell which messages a reply already covered.
    pub async fn mark_sent(
        &self,
        row: &OutboxRow,
        message_uuid: &str,
        sent_at: Option<String>,
        api_calls: i64,
    ) -> Result<Vec<i64>, StoreError> {
        let now = now_ms();
        let mut tx = self.begin_write().await?;
        sqlx::query(
            "UPDATE outbox SET state = 'sent', message_uuid = ?, sent_at = ?, updated_at = ?,
                               api_calls = api_calls + ?, last_error = NULL WHERE id = ?",
        )
        .bind(message_uuid.to_ascii_lowercase())
        .bind(now)
        .bind(now)
        .bind(api_calls)
        .bind(row.id)
        .execute(&mut *tx)
        .await?;
        let msg = StoredMessage {
            uuid: message_uuid.to_string(),
            fan_uuid: row.fan.clone(),
            from_creator: true,
            text: row.text.clone(),
            msg_type: Some("SINGLE_RECIPIENT".into()),
            sent_at: Some(sent_at.unwrap_or_else(|| rfc3339_ms(now))),
            has_media: !row.media_uuids.is_empty(),
            media_uuids: row.media_uuids.clone(),
            price_cents: row.price_cents,
        };
        insert_message_with(&mut *tx, &row.creator, &msg, "send").await?;
        sqlx::query(
            "UPDATE decisions SET e2e_ms = ?1 - (SELECT received_at FROM inbox WHERE inbox.id = decisions.inbox_id)
             WHERE outbox_id = ?2",
        )
        .bind(now)
        .bind(row.id)
        .execute(&mut *tx)
        .await?;
        let e2e: Vec<i64> = sqlx::query_scalar(
            "SELECT e2e_ms FROM decisions WHERE outbox_id = ? AND e2e_ms IS NOT NULL",
        )
        .bind(row.id)
        .fetch_all(&mut *tx)
        .await?;
        tx.commit().await?;
        Ok(e2e)
    }

    /// Puts a row back to `state` (`pending` or `in_doubt`) until `not_before`.
    pub async fn reschedule_outbox(
        &self,
        id: i64,
        state: &str,
        not_before: i64,
        error: &str,
        api_calls: i64,
    ) -> Result<(), StoreError> {
        sqlx::query(
            "UPDATE outbox SET state = ?, not_before = ?, last_error = ?, updated_at = ?, api_calls = api_calls + ?
             WHERE id = ?",
        )
        .bind(state)
        .bind(not_before)
        .bind(error)
        .bind(now_ms())
        .bind(api_calls)
        .bind(id)
        .execute(self.writer())
        .await?;
        Ok(())
    }

    /// Counts Fanvue calls spent on a row after it was sent (marking the chat read).
    pub async fn add_outbox_calls(&self, id: i64, api_calls: i64) -> Result<(), StoreError> {
        sqlx::query("UPDATE outbox SET api_calls = api_calls + ? WHERE id = ?")
            .bind(api_calls)
            .bind(id)
            .execute(self.writer())
            .await?;
        Ok(())
    }

    /// Gives up on a row; its decisions become `failed` with the reason.
    pub async fn mark_failed(
        &self,
        id: i64,
        error: &str,
        api_calls: i64,
    ) -> Result<(), StoreError> {
        let now = now_ms();
        let mut tx = self.begin_write().await?;
        sqlx::query(
            "UPDATE outbox SET state = 'failed', last_error = ?, updated_at = ?, api_calls = api_calls + ? WHERE id = ?",
        )
        .bind(error)
        .bind(now)
        .bind(api_calls)
        .bind(id)
        .execute(&mut *tx)
        .await?;
        sqlx::query(
            "UPDATE decisions SET outcome = 'failed', reason = reason || '; send failed: ' || ? WHERE outbox_id = ?",
        )
        .bind(error)
        .bind(id)
        .execute(&mut *tx)
        .await?;
        super::notify::notice_send_failed(&mut tx, id, error).await?;
        tx.commit().await?;
        self.wake_notifier();
        Ok(())
    }

    /// Fanvue ids of what this daemon sent to a chat: everything (to tell our messages from the
    /// creator's), or only the replies (what counts as having answered a fan's messages; not
    /// thank-yous, welcomes or follow-ups).
    pub async fn sent_message_uuids(
        &self,
        creator: &str,
        fan: &str,
        replies_only: bool,
    ) -> Result<Vec<String>, StoreError> {
        Ok(sqlx::query_scalar(
            "SELECT message_uuid FROM outbox WHERE creator_handle = ? AND fan_uuid = ? AND message_uuid IS NOT NULL
             AND (? = 0 OR purpose = 'reply')",
        )
        .bind(creator)
        .bind(fan)
        .bind(replies_only)
        .fetch_all(self.reader())
        .await?)
    }

    /// Drops the chat's replies and follow-ups still waiting to go (not yet being sent): the fan
    /// wrote again, so the job now running drafts one reply that covers everything. Their decisions
    /// say so. Returns how many were dropped.
    pub async fn fold_waiting_replies(&self, creator: &str, fan: &str) -> Result<u64, StoreError> {
        let ids: Vec<i64> = sqlx::query_scalar(
            "SELECT id FROM outbox WHERE creator_handle = ? AND fan_uuid = ? AND state = 'pending'
             AND purpose IN ('reply', 'followup')",
        )
        .bind(creator)
        .bind(fan)
        .fetch_all(self.reader())
        .await?;
        let mut n = 0;
        for id in ids {
            n += self.drop_outbox(id, FOLDED).await? as u64;
        }
        Ok(n)
    }

    /// Drops a row that has not gone out (pending or in doubt, never `sending`): it will never be
    /// sent. Its decisions keep their outcome and get the reason appended. Returns whether it was
    /// dropped (false: it was taken meanwhile).
    pub async fn drop_outbox(&self, id: i64, why: &str) -> Result<bool, StoreError> {
        let mut tx = self.begin_write().await?;
        let n = sqlx::query(
            "UPDATE outbox SET state = 'dropped', last_error = ?, updated_at = ?
             WHERE id = ? AND state IN ('pending', 'in_doubt')",
        )
        .bind(why)
        .bind(now_ms())
        .bind(id)
        .execute(&mut *tx)
        .await?
        .rows_affected();
        if n == 1 {
            sqlx::query(
                "UPDATE decisions SET reason = reason || '; not sent: ' || ? WHERE outbox_id = ?",
            )
            .bind(why)
            .bind(id)
            .execute(&mut *tx)
            .await?;
        }
        tx.commit().await?;
        Ok(n == 1)
    }

    /// When the newest reply sent to this chat read the conversation (our clock): a fan message
    /// the inbox received before then was in that reply's context, so it is answered. Rows from
    /// before the pre-send check count from their creation.
    pub async fn last_reply_context(
        &self,
        creator: &str,
        fan: &str,
    ) -> Result<Option<i64>, StoreError> {
        Ok(sqlx::query_scalar(
            "SELECT max(coalesce(context_at, created_at)) FROM outbox
             WHERE creator_handle = ? AND fan_uuid = ? AND state = 'sent' AND purpose = 'reply'",
        )
        .bind(creator)
        .bind(fan)
        .fetch_one(self.reader())
        .await?)
    }

    /// Whether a reply to this chat was folded since `since_ms` and since the chat's last sent
    /// message (the fan has waited once already: the reply that replaces it goes without a new
    /// human-like delay).
    pub async fn folded_since(
        &self,
        creator: &str,
        fan: &str,
        since_ms: i64,
    ) -> Result<bool, StoreError> {
        let n: i64 = sqlx::query_scalar(
            "SELECT count(*) FROM outbox WHERE creator_handle = ?1 AND fan_uuid = ?2
             AND state = 'dropped' AND last_error = ?3 AND updated_at >= ?4
             AND updated_at > coalesce((SELECT max(sent_at) FROM outbox
                                        WHERE creator_handle = ?1 AND fan_uuid = ?2 AND state = 'sent'), 0)",
        )
        .bind(creator)
        .bind(fan)
        .bind(FOLDED)
        .bind(since_ms)
        .fetch_one(self.reader())
        .await?;
        Ok(n > 0)
    }

    /// Whether a message to this chat is queued or in flight: a new job waits for it, so it can
    /// tell which fan messages it covered and never mistakes it for the creator typing by hand.
    pub async fn has_open_reply(&self, creator: &str, fan: &str) -> Result<bool, StoreError> {
        let n: i64 = sqlx::query_scalar(
            "SELECT count(*) FROM outbox WHERE creator_handle = ? AND fan_uuid = ?
             AND state IN ('pending', 'sending', 'in_doubt')",
        )
        .bind(creator)
        .bind(fan)
        .fetch_one(self.reader())
        .await?;
        Ok(n > 0)
    }
}

impl Store {
    /// Past offers to a fan, newest first (the offer rules' ledger). An offer whose message was
    /// never sent does not count.
    pub async fn offer_ledger(
        &self,
        creator: &str,
        fan: &str,
    ) -> Result<crate::agent::offers::Ledger, StoreError> {
        let offers: Vec<(String, i64, String)> = sqlx::query_as(
            "SELECT f.media_uuid, f.offered_at, f.status FROM offers f JOIN outbox o ON o.id = f.outbox_id
             WHERE f.creator_handle = ? AND f.fan_uuid = ? AND o.state NOT IN ('failed', 'dropped')
             ORDER BY f.offered_at DESC, f.id DESC",
        )
        .bind(creator)
        .bind(fan)
        .fetch_all(self.reader())
        .await?;
        let marked = self
            .active_marks(creator, fan, super::now_ms())
            .await?
            .first()
            .map(|m| m.category.as_str().to_string());
        Ok(crate::agent::offers::Ledger { offers, marked })
    }

    /// The fan turned the last open offer down.
    pub async fn decline_last_offer(
        &self,
        creator: &str,
        fan: &str,
    ) -> Result<Option<String>, StoreError> {
        Ok(sqlx::query_scalar(
            "UPDATE offers SET status = 'declined', resolved_at = ?1 WHERE id = (
                SELECT id FROM offers WHERE creator_handle = ?2 AND fan_uuid = ?3 AND status = 'offered'
                ORDER BY offered_at DESC LIMIT 1) RETURNING coalesce(item_name, media_uuid)",
        )
        .bind(now_ms())
        .bind(creator)
        .bind(fan)
        .fetch_optional(self.writer())
        .await?)
    }
}

/// Why a waiting reply was dropped when the fan wrote again (also how the replacement finds it).
pub const FOLDED: &str = "the fan wrote again before it left: folded into a new reply";

pub use crate::domain::time::rfc3339_ms;

/// Queues `plan` (and records its offer in the ledger when it carries one). Part of the caller's
/// transaction.
pub(crate) async fn insert_outbox(
    tx: &mut Transaction<'static, Sqlite>,
    creator: &str,
    fan: &str,
    plan: &ReplyPlan,
    not_before: i64,
) -> Result<i64, StoreError> {
    let now = now_ms();
    let id: i64 = sqlx::query_scalar(
        "INSERT INTO outbox (creator_handle, fan_uuid, purpose, text, media_uuids, price_cents, state,
                             not_before, created_at, updated_at, context_at, answers_uuid,
                             answers_sent_at)
         VALUES (?, ?, ?, ?, ?, ?, 'pending', ?, ?, ?, ?, ?, ?) RETURNING id",
    )
    .bind(creator)
    .bind(fan)
    .bind(plan.purpose.as_str())
    .bind(&plan.text)
    .bind(serde_json::to_string(&plan.media_uuids).unwrap_or_else(|_| "[]".into()))
    .bind(plan.price_cents)
    .bind(not_before)
    .bind(now)
    .bind(now)
    .bind(plan.context_at)
    .bind(&plan.answers_uuid)
    .bind(&plan.answers_sent_at)
    .fetch_one(&mut **tx)
    .await?;
    if let (Some(price), Some(media)) = (plan.price_cents, plan.media_uuids.first()) {
        sqlx::query(
            "INSERT INTO offers (creator_handle, fan_uuid, media_uuid, item_name, price_cents, outbox_id, offered_at)
             VALUES (?, ?, ?, ?, ?, ?, ?)",
        )
        .bind(creator)
        .bind(fan)
        .bind(media)
        .bind(&plan.offer_item)
        .bind(price)
        .bind(id)
        .bind(now)
        .execute(&mut **tx)
        .await?;
    }
    Ok(id)
}
