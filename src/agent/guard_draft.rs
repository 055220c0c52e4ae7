//! Stage 5, check draft: the guardrails over each draft (repeats, leaks of the system prompt,
//! other fans' names...) and, with `judge.check_drafts`, the judge; then the drafting's outcome
//! settled: the text to send with the decision's record, or the job decided without a reply.

use super::{
    compose::Prompt,
    context::Context,
    draft::Drafted,
    guard_input::Input,
    guardrails::{self, Action, Finding},
    judge, Agent, AgentError, Job, JobOutcome, Stage,
};
use crate::domain::{DecisionInfo, Outcome};
use serde_json::{json, Map, Value};
use std::{ops::ControlFlow, time::Duration};
use tracing::warn;

/// How long a chat waits before trying an unavailable LLM again.
const LLM_RETRY: Duration = Duration::from_secs(5);

impl Agent {
    /// The rules over a draft, then (with `judge.check_drafts`, only when the rules pass it) the
    /// judge, whose record is added to `judged`.
    pub(super) async fn check_draft(
        &self,
        job: &Job<'_>,
        input: &Input,
        prompt: &Prompt,
        fan_text: &str,
        text: &str,
        judged: &mut Vec<Value>,
    ) -> Vec<Finding> {
        let mut found = input
            .guard
            .check_draft(text, &prompt.recent, &prompt.system);
        found.extend(guardrails::names_other_fans(text, &prompt.others));
        let rules_stop = !guardrails::stopping(&found).is_empty();
        let j = &job.settings.judge;
        if rules_stop || !(j.enabled && j.check_drafts) {
            return found;
        }
        let asked = self.judge.draft(j, fan_text, text).await;
        let call = judge::combine_draft(rules_stop, &asked.judged, j.min_confidence);
        judged.push(asked.record(&call));
        if let judge::Call::Stop(f) = call {
            found.push(f);
        }
        found
    }

    /// The drafting's outcome: the draft that passed with the decision's record (model, prompt
    /// version, tokens, verdicts), or, with none, the job decided (escalated or failed) or retried
    /// later when the LLM was unreachable.
    pub(super) async fn settle_draft(
        &self,
        job: &Job<'_>,
        ctx: &Context,
        input: Input,
        prompt: &Prompt,
        drafted: Drafted,
        judged: Map<String, Value>,
    ) -> Result<Stage<(String, DecisionInfo)>, AgentError> {
        let guardrails = verdicts(input.findings, drafted.blocked, judged, drafted.judged);
        let money = &job.settings.money;
        let draft_cost =
            money.cost_micros(&prompt.request.model, drafted.tokens.0, drafted.tokens.1);
        let info = DecisionInfo {
            reason: String::new(),
            // The judge's calls are billed with the decision, each at its own model's price.
            cost_micros: judge::with_judge_cost(money, draft_cost, guardrails.as_ref()),
            model: Some(prompt.request.model.clone()),
            prompt_version: Some(prompt.version.clone()),
            prompt_tokens: drafted.tokens.0,
            completion_tokens: drafted.tokens.1,
            llm_ms: Some(drafted.llm_ms),
            guardrails,
            marks: vec![],
            persona: Some(job.settings.persona.clone()),
            experiment: job
                .settings
                .money
                .arm
                .as_ref()
                .map(|a| a.experiment.clone()),
            variant: job.settings.money.arm.as_ref().map(|a| a.variant.clone()),
            spend_tier: None,
        };
        if let Some(text) = drafted.text {
            return Ok(ControlFlow::Continue((text, info)));
        }
        if drafted.llm_unavailable {
            // The LLM is down or overloaded: nothing is decided, the fan's messages wait (in
            // the inbox, across restarts) and are answered once it is back.
            warn!(error = %drafted.last_err, "LLM unavailable; the fan's messages wait");
            return Ok(ControlFlow::Break(JobOutcome::Retry(LLM_RETRY)));
        }
        let info = DecisionInfo {
            reason: format!("no usable draft: {}", drafted.last_err),
            ..info
        };
        let outcome = no_draft_outcome(&drafted.last_err);
        self.decide(job.creator, job.fan, &ctx.ids, outcome, &info)
            .await?;
        Ok(ControlFlow::Break(JobOutcome::Done { queued: false }))
    }
}

/// How a job without a usable draft is decided: a model that keeps writing nothing or what the
/// rules block needs a human; anything else failed.
pub fn no_draft_outcome(last_err: &str) -> Outcome {
    if last_err.contains("empty") || last_err.contains("blocked") {
        Outcome::Escalated
    } else {
        Outcome::Failed
    }
}

/// The decision's guardrail record: the input findings that only flag, the blocked drafts'
/// findings and the judge's records (input and drafts); `None` when there is nothing to say.
pub fn verdicts(
    mut findings: Vec<Finding>,
    blocked: Vec<Finding>,
    mut judge: Map<String, Value>,
    draft_judged: Vec<Value>,
) -> Option<Value> {
    if !draft_judged.is_empty() {
        judge.insert("draft".into(), draft_judged.into());
    }
    findings.retain(|f| f.action == Action::Flag);
    if findings.is_empty() && blocked.is_empty() && judge.is_empty() {
        return None;
    }
    let mut v = json!({ "input": findings, "draft": blocked });
    if !judge.is_empty() {
        v["judge"] = judge.into();
    }
    Some(v)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn finding(rule: &'static str, action: Action) -> Finding {
        Finding {
            rule,
            action,
            detail: "d".into(),
        }
    }

    #[test]
    fn a_model_that_writes_nothing_or_only_blocked_drafts_needs_a_human_anything_else_failed() {
        assert_eq!(no_draft_outcome("the draft is empty"), Outcome::Escalated);
        assert_eq!(
            no_draft_outcome("the draft was blocked twice: x"),
            Outcome::Escalated
        );
        assert_eq!(
            no_draft_outcome("LLM rejected the request: bad model"),
            Outcome::Failed
        );
    }

    #[test]
    fn the_verdicts_keep_only_flags_of_the_input_and_are_none_when_nothing_was_found() {
        assert_eq!(verdicts(vec![], vec![], Map::new(), vec![]), None);
        let stop = finding("underage", Action::Escalate);
        assert_eq!(
            verdicts(vec![stop.clone()], vec![], Map::new(), vec![]),
            None
        );
        let flag = finding("ai_question", Action::Flag);
        let blocked = finding("private_data", Action::Block);
        let v = verdicts(vec![stop, flag], vec![blocked], Map::new(), vec![]).unwrap();
        assert_eq!(v["input"].as_array().unwrap().len(), 1);
        assert_eq!(v["input"][0]["rule"], "ai_question");
        assert_eq!(v["draft"][0]["rule"], "private_data");
        assert!(v.get("judge").is_none());
    }

    #[test]
    fn the_judges_records_of_drafts_join_its_record_of_the_input() {
        let mut judge = Map::new();
        judge.insert("input".into(), json!({"effect": "none"}));
        let v = verdicts(vec![], vec![], judge, vec![json!({"effect": "stop"})]).unwrap();
        assert_eq!(v["judge"]["input"]["effect"], "none");
        assert_eq!(v["judge"]["draft"][0]["effect"], "stop");
    }
}
