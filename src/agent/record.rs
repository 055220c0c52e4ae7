//! Committing the agent's decisions: the store writes each one (with its log line), and this
//! counts it in the metrics, which the store does not know about.

use super::Agent;
use crate::domain::{DecisionInfo, Mode, Outcome, ReplyPlan};
use crate::store::StoreError;

impl Agent {
    /// Decides `inbox_ids` without sending anything (see [`crate::store::Store::decide`]).
    pub(crate) async fn decide(
        &self,
        creator: &str,
        fan: &str,
        inbox_ids: &[i64],
        outcome: Outcome,
        info: &DecisionInfo,
    ) -> Result<(), StoreError> {
        self.store
            .decide(creator, fan, inbox_ids, outcome, info)
            .await?;
        counted(creator, outcome, inbox_ids);
        Ok(())
    }

    /// Commits `plan` with the decisions of `inbox_ids` (see
    /// [`crate::store::Store::commit_plan`]): the outbox row's id, or the draft's.
    #[allow(clippy::too_many_arguments)]
    pub(crate) async fn commit_plan(
        &self,
        creator: &str,
        fan: &str,
        inbox_ids: &[i64],
        plan: &ReplyPlan,
        outcome: Outcome,
        info: &DecisionInfo,
        mode: Mode,
    ) -> Result<i64, StoreError> {
        let id = self
            .store
            .commit_plan(creator, fan, inbox_ids, plan, outcome, info, mode)
            .await?;
        counted(creator, outcome, inbox_ids);
        Ok(id)
    }
}

/// One decision per event it covers.
fn counted(creator: &str, outcome: Outcome, inbox_ids: &[i64]) {
    crate::metrics::metrics().decision(creator, outcome.as_str(), inbox_ids.len() as u64);
}
