//! The decision log: exactly one decision per event, written in the transaction that decides it
//! (with the safety marks and the escalation notice it causes), and read back with the fan's
//! words and the reply.

use super::{codec::JsonText, now_ms, Store, StoreError};
use crate::domain::{DecisionInfo, Outcome};
use serde::Serialize;
use sqlx::{Sqlite, Transaction};

/// One decision with what it was about.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, sqlx::FromRow)]
pub struct DecisionLine {
    pub id: i64,
    pub decided_at: i64,
    pub creator: Option<String>,
    pub fan: Option<String>,
    /// The event's kind (`message_received`, `tip`...).
    pub kind: String,
    pub outcome: Outcome,
    pub reason: String,
    pub fan_text: Option<String>,
    pub reply: Option<String>,
    /// The draft as the agent wrote it, when a human edited it before sending (`reply` is what
    /// was sent).
    pub draft_text: Option<String>,
    /// The outbox state (`pending`, `sent`, ...), or `draft:<state>` for a shadow/approve draft.
    pub send_state: Option<String>,
    /// The draft's id when the reply is a draft (`fanvue-agent approve <id>`).
    pub draft_id: Option<i64>,
    pub llm_ms: Option<i64>,
    pub e2e_ms: Option<i64>,
    /// The guardrail verdicts (`input`, `draft`) and the safety judge's (`judge`), as recorded.
    #[sqlx(try_from = "JsonText")]
    pub guardrails: Option<serde_json::Value>,
}

/// Which decisions to read.
#[derive(Clone, Debug, Default)]
pub struct DecisionFilter {
    pub creator: Option<String>,
    /// A fan uuid, or a prefix of one (as printed).
    pub fan: Option<String>,
    /// Only decisions made at or after this unix ms.
    pub since_ms: Option<i64>,
}

impl Store {
    /// The id just before the `last` newest matching decisions (where a `decisions` listing starts).
    pub async fn decision_start(
        &self,
        filter: &DecisionFilter,
        last: i64,
    ) -> Result<i64, StoreError> {
        let first: Option<i64> = sqlx::query_scalar(
            "SELECT min(id) FROM (SELECT d.id FROM decisions d
               WHERE (?1 IS NULL OR d.creator_handle = ?1) AND (?2 IS NULL OR d.fan_uuid LIKE ?2 || '%')
                 AND (?3 IS NULL OR d.decided_at >= ?3)
               ORDER BY d.id DESC LIMIT ?4)",
        )
        .bind(&filter.creator)
        .bind(filter.fan.as_ref().map(|f| f.to_ascii_lowercase()))
        .bind(filter.since_ms)
        .bind(last.max(0))
        .fetch_one(self.reader())
        .await?;
        match first {
            Some(id) => Ok(id - 1),
            None => Ok(
                sqlx::query_scalar("SELECT coalesce(max(id), 0) FROM decisions")
                    .fetch_one(self.reader())
                    .await?,
            ),
        }
    }

    /// Matching decisions with an id above `after_id`, oldest first, at most `limit`.
    pub async fn decision_log(
        &self,
        filter: &DecisionFilter,
        after_id: i64,
        limit: i64,
    ) -> Result<Vec<DecisionLine>, StoreError> {
        Ok(sqlx::query_as(
            "SELECT d.id, d.decided_at, d.creator_handle AS creator, d.fan_uuid AS fan, i.kind, d.outcome,
                    d.reason, m.text AS fan_text, coalesce(o.text, json_extract(dr.plan, '$.text')) AS reply,
                    coalesce(o.state, 'draft:' || dr.state) AS send_state, d.llm_ms, d.e2e_ms, d.draft_id,
                    d.guardrails,
                    CASE WHEN o.text <> json_extract(dr.plan, '$.text')
                         THEN json_extract(dr.plan, '$.text') END AS draft_text
             FROM decisions d
             JOIN inbox i ON i.id = d.inbox_id
             LEFT JOIN messages m ON m.creator_handle = i.creator_handle AND m.uuid = i.message_uuid
             LEFT JOIN outbox o ON o.id = d.outbox_id
             LEFT JOIN drafts dr ON dr.id = d.draft_id
             WHERE d.id > ?1 AND (?2 IS NULL OR d.creator_handle = ?2)
               AND (?3 IS NULL OR d.fan_uuid LIKE ?3 || '%') AND (?4 IS NULL OR d.decided_at >= ?4)
             ORDER BY d.id LIMIT ?5",
        )
        .bind(after_id)
        .bind(&filter.creator)
        .bind(filter.fan.as_ref().map(|f| f.to_ascii_lowercase()))
        .bind(filter.since_ms)
        .bind(limit)
        .fetch_all(self.reader())
        .await?)
    }
}

impl Store {
    /// Decides `inbox_ids` without sending anything (skipped, escalated, failed).
    pub async fn decide(
        &self,
        creator: &str,
        fan: &str,
        inbox_ids: &[i64],
        outcome: Outcome,
        info: &DecisionInfo,
    ) -> Result<(), StoreError> {
        let mut tx = self.begin_write().await?;
        insert_decisions(
            &mut tx,
            inbox_ids,
            Some(creator),
            Some(fan),
            outcome,
            info,
            None,
        )
        .await?;
        tx.commit().await?;
        self.wake_notifier();
        decided(Some(creator), Some(fan), inbox_ids, outcome, &info.reason);
        Ok(())
    }
}

/// After a decision committed: one info line (what operators tail). Callers count it in the
/// metrics (the store knows none).
pub(crate) fn decided(
    creator: Option<&str>,
    fan: Option<&str>,
    inbox_ids: &[i64],
    outcome: Outcome,
    reason: &str,
) {
    let creator = creator.unwrap_or("(unknown)");
    tracing::info!(
        creator,
        fan = fan.unwrap_or("-"),
        events = ?inbox_ids,
        decision = outcome.as_str(),
        reason,
        "decided"
    );
}

/// Writes one decision per inbox id and marks them decided. Fails (rolling back the caller's
/// transaction) if any of them was already decided: exactly one decision per event.
pub(crate) async fn insert_decisions(
    tx: &mut Transaction<'static, Sqlite>,
    inbox_ids: &[i64],
    creator: Option<&str>,
    fan: Option<&str>,
    outcome: Outcome,
    info: &DecisionInfo,
    outbox_id: Option<i64>,
) -> Result<(), StoreError> {
    let now = now_ms();
    for id in inbox_ids {
        let n =
            sqlx::query("UPDATE inbox SET state = 'decided' WHERE id = ? AND state = 'pending'")
                .bind(id)
                .execute(&mut **tx)
                .await?
                .rows_affected();
        if n != 1 {
            return Err(StoreError::Conflict(format!(
                "inbox event {id} is already decided"
            )));
        }
        sqlx::query(
            "INSERT INTO decisions (inbox_id, creator_handle, fan_uuid, outcome, reason, model, prompt_version,
                                    prompt_tokens, completion_tokens, llm_ms, guardrails, outbox_id, decided_at,
                                    persona, experiment, variant, spend_tier, cost_micros, bills_llm)
             VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        )
        .bind(id)
        .bind(creator)
        .bind(fan)
        .bind(outcome)
        .bind(&info.reason)
        .bind(&info.model)
        .bind(&info.prompt_version)
        .bind(info.prompt_tokens)
        .bind(info.completion_tokens)
        .bind(info.llm_ms)
        .bind(info.guardrails.as_ref().map(|g| g.to_string()))
        .bind(outbox_id)
        .bind(now)
        .bind(&info.persona)
        .bind(&info.experiment)
        .bind(&info.variant)
        .bind(&info.spend_tier)
        .bind(info.cost_micros)
        // One LLM call answers every event of a burst: its tokens and cost count once.
        .bind(bills_llm(info) && Some(id) == inbox_ids.first())
        .execute(&mut **tx)
        .await?;
    }
    if let (Some(c), Some(f), false) = (creator, fan, info.marks.is_empty()) {
        super::marks::insert_marks(tx, c, f, &info.marks).await?;
    }
    // Every escalation reaches a human: its notice commits with it, or neither does.
    if let (Some(c), Some(f), Outcome::Escalated) = (creator, fan, outcome) {
        super::notify::notice_escalation(tx, inbox_ids, c, f, info).await?;
    }
    Ok(())
}

/// Whether `info` carries an LLM call (tokens or a cost) to count in the money stats.
fn bills_llm(info: &DecisionInfo) -> bool {
    info.prompt_tokens.is_some() || info.completion_tokens.is_some() || info.cost_micros.is_some()
}

/// What became of the message of outbox row `outbox_id`: `note` is appended to the reasons of
/// the decisions that queued it, and their outcome becomes `outcome` when given.
pub(crate) async fn note_sent(
    tx: &mut Transaction<'static, Sqlite>,
    outbox_id: i64,
    note: &str,
    outcome: Option<Outcome>,
) -> Result<(), StoreError> {
    sqlx::query(
        "UPDATE decisions SET outcome = coalesce(?3, outcome), reason = reason || ?1
         WHERE outbox_id = ?2",
    )
    .bind(note)
    .bind(outbox_id)
    .bind(outcome)
    .execute(&mut **tx)
    .await?;
    Ok(())
}
