//! Reading the decision log: what the daemon did with each event, with the fan's words and the reply.

use super::{codec::JsonText, Store, StoreError};
use crate::domain::Outcome;
use serde::Serialize;

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
