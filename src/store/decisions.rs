//! Reading the decision log: what the daemon did with each event, with the fan's words and the reply.

use super::{Store, StoreError};
use serde::Serialize;

/// One decision with what it was about.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct DecisionLine {
    pub id: i64,
    pub decided_at: i64,
    pub creator: Option<String>,
    pub fan: Option<String>,
    pub kind: String,
    pub outcome: String,
    pub reason: String,
    pub fan_text: Option<String>,
    pub reply: Option<String>,
    pub send_state: Option<String>,
    pub llm_ms: Option<i64>,
    pub e2e_ms: Option<i64>,
}

type Raw = (
    i64,
    i64,
    Option<String>,
    Option<String>,
    String,
    String,
    String,
    Option<String>,
    Option<String>,
    Option<String>,
    Option<i64>,
    Option<i64>,
);

impl Store {
    /// Decisions with an id above `after_id`, oldest first, at most `limit`.
    pub async fn decision_log(
        &self,
        after_id: i64,
        limit: i64,
    ) -> Result<Vec<DecisionLine>, StoreError> {
        let rows: Vec<Raw> = sqlx::query_as(
            "SELECT d.id, d.decided_at, d.creator_handle, d.fan_uuid, i.kind, d.outcome, d.reason,
                    m.text, o.text, o.state, d.llm_ms, d.e2e_ms
             FROM decisions d
             JOIN inbox i ON i.id = d.inbox_id
             LEFT JOIN messages m ON m.creator_handle = i.creator_handle AND m.uuid = i.message_uuid
             LEFT JOIN outbox o ON o.id = d.outbox_id
             WHERE d.id > ? ORDER BY d.id LIMIT ?",
        )
        .bind(after_id)
        .bind(limit)
        .fetch_all(self.reader())
        .await?;
        Ok(rows
            .into_iter()
            .map(|r| DecisionLine {
                id: r.0,
                decided_at: r.1,
                creator: r.2,
                fan: r.3,
                kind: r.4,
                outcome: r.5,
                reason: r.6,
                fan_text: r.7,
                reply: r.8,
                send_state: r.9,
                llm_ms: r.10,
                e2e_ms: r.11,
            })
            .collect())
    }
}
