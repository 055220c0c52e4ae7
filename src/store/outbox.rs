//! The outbox: replies committed before any network call, and their send states
//! `pending → sending → sent | failed | in_doubt`, or `dropped` when they must not leave.

use super::codec::{media_json, JsonText};
use super::drafts::insert_draft;
use super::{
    chats::{insert_message_with, StoredMessage},
    decisions::insert_decisions,
    now_ms, Store, StoreError,
};
use crate::domain::{DecisionInfo, Mode, Outcome, Purpose, ReplyPlan};
use serde::Serialize;
use sqlx::{Sqlite, Transaction};

/// Where an outbox row is on its way out.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum OutboxState {
    /// Queued, waiting for its time and its creator's rate budget.
    Pending,
    /// Taken by the sender; a crash leaves it here until recovery makes it `InDoubt`.
    Sending,
    Sent,
    /// Given up on; its decisions say why.
    Failed,
    /// May or may not have reached Fanvue: reconciled by reading the chat before any resend.
    InDoubt,
    /// Never sent, on purpose (folded into a newer reply, the creator took over...).
    Dropped,
}

impl OutboxState {
    pub const ALL: [OutboxState; 6] = [
        OutboxState::Pending,
        OutboxState::Sending,
        OutboxState::Sent,
        OutboxState::Failed,
        OutboxState::InDoubt,
        OutboxState::Dropped,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            OutboxState::Pending => "pending",
            OutboxState::Sending => "sending",
            OutboxState::Sent => "sent",
            OutboxState::Failed => "failed",
            OutboxState::InDoubt => "in_doubt",
            OutboxState::Dropped => "dropped",
        }
    }
}

impl std::fmt::Display for OutboxState {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// One outbox row.
#[derive(Clone, Debug, PartialEq, Eq, sqlx::FromRow)]
pub struct OutboxRow {
    pub id: i64,
    #[sqlx(rename = "creator_handle")]
    pub creator: String,
    #[sqlx(rename = "fan_uuid")]
    pub fan: String,
    pub purpose: Purpose,
    pub text: Option<String>,
    #[sqlx(try_from = "JsonText")]
    pub media_uuids: Vec<String>,
    pub price_cents: Option<i64>,
    pub state: OutboxState,
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

const COLUMNS: &str =
    "id, creator_handle, fan_uuid, purpose, text, media_uuids, price_cents, state, attempts, \
     not_before, created_at, context_at, answers_uuid, answers_sent_at";

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
        super::decisions::decided(Some(creator), Some(fan), inbox_ids, outcome, &info.reason);
        Ok(id)
    }

    /// Queues a message a human wrote as the creator (`by`: `console:<user>` or `cli:<user>`), in
    /// one transaction with what it means: the chat is paused until `paused_until` (as a takeover
    /// seen on Fanvue pauses it; a longer pause in force stays) and the action is recorded.
    /// Returns the outbox row's id.
    pub async fn queue_by_hand(
        &self,
        creator: &str,
        fan: &str,
        text: &str,
        by: &str,
        paused_until: i64,
    ) -> Result<i64, StoreError> {
        let now = now_ms();
        let mut tx = self.begin_write().await?;
        let plan = ReplyPlan::new(Purpose::ByHand, text);
        let id = insert_outbox(&mut tx, creator, fan, &plan, now).await?;
        sqlx::query(
            "INSERT INTO fan_facts (creator_handle, fan_uuid, paused_until, updated_at) VALUES (?1, ?2, ?3, ?4)
             ON CONFLICT(creator_handle, fan_uuid) DO UPDATE SET
                paused_until = max(coalesce(paused_until, 0), excluded.paused_until),
                updated_at = excluded.updated_at",
        )
        .bind(creator)
        .bind(fan)
        .bind(paused_until)
        .bind(now)
        .execute(&mut *tx)
        .await?;
        let action = super::actions::NewAction {
            actor: by,
            action: "hand_reply",
            creator: Some(creator),
            fan: Some(fan),
            outbox_id: Some(id),
            detail: text,
            ..Default::default()
        };
        super::actions::insert_action(&mut tx, &action).await?;
        tx.commit().await?;
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
        let rows: Vec<OutboxRow> = sqlx::query_as(&format!(
            "SELECT {COLUMNS} FROM outbox WHERE creator_handle = ? AND state IN ('pending', 'in_doubt')
             ORDER BY not_before, id LIMIT 100"
        ))
        .bind(creator)
        .fetch_all(self.reader())
        .await?;
        Ok(rows)
    }

    pub async fn outbox_row(&self, id: i64) -> Result<Option<OutboxRow>, StoreError> {
        let r: Option<OutboxRow> =
            sqlx::query_as(&format!("SELECT {COLUMNS} FROM outbox WHERE id = ?"))
                .bind(id)
                .fetch_optional(self.reader())
                .await?;
        Ok(r)
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

    /// Puts a row back to `state` (`Pending` or `InDoubt`) until `not_before`.
    pub async fn reschedule_outbox(
        &self,
        id: i64,
        state: OutboxState,
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
        let note = format!("; send failed: {error}");
        super::decisions::note_sent(&mut tx, id, &note, Some(Outcome::Failed)).await?;
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
        const SQL: &str =
            "SELECT message_uuid FROM outbox WHERE creator_handle = ?1 AND fan_uuid = ?2
            AND message_uuid IS NOT NULL AND (?3 = 0 OR purpose = 'reply')";
        Ok(super::chat_query(SQL, creator, fan)
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
             AND purpose IN ('reply', 'followup', 'sequence')",
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
            let note = format!("; not sent: {why}");
            super::decisions::note_sent(&mut tx, id, &note, None).await?;
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
        const SQL: &str = "SELECT max(coalesce(context_at, created_at)) FROM outbox
             WHERE creator_handle = ?1 AND fan_uuid = ?2 AND state = 'sent' AND purpose = 'reply'";
        Ok(super::chat_query(SQL, creator, fan)
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
        const SQL: &str = "SELECT EXISTS (SELECT 1 FROM outbox WHERE creator_handle = ?1 AND fan_uuid = ?2
            AND state = 'dropped' AND last_error = ?3 AND updated_at >= ?4
            AND updated_at > coalesce((SELECT max(sent_at) FROM outbox
                                       WHERE creator_handle = ?1 AND fan_uuid = ?2 AND state = 'sent'), 0))";
        Ok(super::chat_query(SQL, creator, fan)
            .bind(FOLDED)
            .bind(since_ms)
            .fetch_one(self.reader())
            .await?)
    }

    /// Whether a human replied by hand in this chat at or after `since_ms` (our clock): a message
    /// the agent drafted before then must not follow it (the chat is taken over).
    pub async fn by_hand_since(
        &self,
        creator: &str,
        fan: &str,
        since_ms: i64,
    ) -> Result<bool, StoreError> {
        const SQL: &str =
            "SELECT EXISTS (SELECT 1 FROM outbox WHERE creator_handle = ?1 AND fan_uuid = ?2
             AND purpose = 'by_hand' AND created_at >= ?3
             AND state IN ('pending', 'sending', 'sent', 'in_doubt'))";
        Ok(super::chat_query(SQL, creator, fan)
            .bind(since_ms)
            .fetch_one(self.reader())
            .await?)
    }

    /// Whether a message to this chat is queued or in flight: a new job waits for it, so it can
    /// tell which fan messages it covered and never mistakes it for the creator typing by hand.
    pub async fn has_open_reply(&self, creator: &str, fan: &str) -> Result<bool, StoreError> {
        const SQL: &str =
            "SELECT EXISTS (SELECT 1 FROM outbox WHERE creator_handle = ?1 AND fan_uuid = ?2
             AND state IN ('pending', 'sending', 'in_doubt'))";
        Ok(super::chat_query(SQL, creator, fan)
            .fetch_one(self.reader())
            .await?)
    }
}

/// Why a message the agent drafted was dropped when a human replied by hand after it was drafted.
pub const TAKEN_BY_HAND: &str =
    "a human replied by hand after it was drafted: the chat is taken over";

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
    .bind(media_json(&plan.media_uuids))
    .bind(plan.price_cents)
    .bind(not_before)
    .bind(now)
    .bind(now)
    .bind(plan.context_at)
    .bind(&plan.answers_uuid)
    .bind(&plan.answers_sent_at)
    .fetch_one(&mut **tx)
    .await?;
    super::offers::insert_offer(tx, creator, fan, plan, id, now).await?;
    Ok(id)
}
