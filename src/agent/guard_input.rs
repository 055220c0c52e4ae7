//! Stage 2, check input: the guardrails over what the fan wrote. Some messages are for a human
//! only: they escalate, leave a safety mark and, when one is owed, a holding reply; a fan still
//! under a mark is escalated again with the mark's reason. The optional judge is asked alongside
//! drafting and heard once drafting is done ([`Agent::heed_input_judge`]).

use super::{
    commit::plan,
    context::Context,
    describe,
    guardrails::{self, Finding, Guardrails},
    holding, judge, Agent, AgentError, Job, JobOutcome, Stage,
};
use crate::{
    config::PauseHours,
    domain::{DecisionInfo, MarkCategory, Mode, NewMark, Outcome, Purpose, SafetyMark},
};
use serde_json::{json, Map, Value};
use std::ops::ControlFlow;
use tracing::{debug, warn};

/// What the drafting stages need from the check.
#[derive(Debug)]
pub struct Input {
    pub guard: Guardrails,
    /// What the rules (and then the judge) found that does not stop the reply.
    pub findings: Vec<Finding>,
    /// The safety marks in force on the fan.
    pub marked: Vec<SafetyMark>,
}

/// What the rules' findings over the fan's text call for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum InputCall {
    /// Nothing stops a reply.
    Clear,
    /// Nothing new, but the fan is under a safety mark: a human still has this chat.
    StillMarked,
    /// A rule stops the reply: escalated.
    Stop,
}

/// The draft written beside the input judge and dropped when it stopped the reply: the model
/// asked, its tokens and latency (billed with the escalation).
#[derive(Clone, Copy, Debug)]
pub struct Spent<'a> {
    pub model: &'a str,
    pub tokens: (Option<i64>, Option<i64>),
    pub llm_ms: i64,
}

/// What the rules' `findings` call for, with the `marked` safety marks in force.
pub fn input_call(findings: &[Finding], marked: &[SafetyMark]) -> InputCall {
    match (guardrails::stopping(findings).is_empty(), marked.is_empty()) {
        (false, _) => InputCall::Stop,
        (true, false) => InputCall::StillMarked,
        (true, true) => InputCall::Clear,
    }
}

impl Agent {
    /// The guardrails over what the fan wrote: the job goes on to drafting, or is escalated.
    pub(super) async fn check_input(
        &self,
        job: &Job<'_>,
        ctx: &Context,
    ) -> Result<Stage<Input>, AgentError> {
        let guard = Guardrails::new(&job.settings.guardrails);
        debug!(text = %crate::telemetry::text(&ctx.fan_text), "the fan wrote");
        let findings = guard.check_input(&ctx.fan_text);
        let marked = self
            .store
            .active_marks(job.creator, job.fan, ctx.now)
            .await?;
        let outcome = match input_call(&findings, &marked) {
            InputCall::Clear => {
                return Ok(ControlFlow::Continue(Input {
                    guard,
                    findings,
                    marked,
                }))
            }
            InputCall::StillMarked => {
                self.escalate_marked(job, &ctx.ids, &marked, &findings)
                    .await?
            }
            InputCall::Stop => {
                let stops: Vec<Finding> = guardrails::stopping(&findings)
                    .into_iter()
                    .cloned()
                    .collect();
                let mut verdicts = json!({ "input": findings });
                if job.settings.judge.enabled {
                    // The rules decide; the judge is still asked so the decision shows whether
                    // it agreed (a broken judge changes nothing here).
                    let asked = self.judge.input(&job.settings.judge, &ctx.fan_text).await;
                    verdicts["judge"] = json!({ "input": asked.record(&judge::Call::Rules) });
                }
                self.escalate_input(job, ctx, &stops, verdicts, &marked, None)
                    .await?
            }
        };
        Ok(ControlFlow::Break(outcome))
    }

    /// The input judge's verdict on what the fan wrote, when `judge.enabled`.
    pub(super) async fn judge_input(&self, job: &Job<'_>, fan_text: &str) -> Option<judge::Asked> {
        match job.settings.judge.enabled {
            true => Some(self.judge.input(&job.settings.judge, fan_text).await),
            false => None,
        }
    }

    /// Hears the input judge once drafting is done: a confident stop escalates as the rule it
    /// names would (so the same safety mark follows; the draft is dropped, its call billed with
    /// the escalation), a flag joins the findings. Goes on with the judge's record for the
    /// decision.
    pub(super) async fn heed_input_judge(
        &self,
        job: &Job<'_>,
        ctx: &Context,
        input: &mut Input,
        judged: Option<judge::Asked>,
        dropped: Spent<'_>,
    ) -> Result<Stage<Map<String, Value>>, AgentError> {
        let mut record = Map::new();
        let Some(judged) = judged else {
            return Ok(ControlFlow::Continue(record));
        };
        let call = judge::combine_input(false, &judged.judged, job.settings.judge.min_confidence);
        record.insert("input".into(), judged.record(&call));
        match call {
            judge::Call::Stop(f) => {
                let mut all = input.findings.clone();
                all.push(f.clone());
                let verdicts = json!({ "input": all, "judge": record });
                let outcome = self
                    .escalate_input(job, ctx, &[f], verdicts, &input.marked, Some(dropped))
                    .await?;
                return Ok(ControlFlow::Break(outcome));
            }
            judge::Call::Flag(f) => input.findings.push(f),
            _ => {}
        }
        Ok(ControlFlow::Continue(record))
    }

    /// A fan under a safety mark wrote again: no AI reply, the original reason repeated.
    async fn escalate_marked(
        &self,
        job: &Job<'_>,
        ids: &[i64],
        marked: &[SafetyMark],
        findings: &[Finding],
    ) -> Result<JobOutcome, AgentError> {
        let m = &marked[0];
        let why = format!(
            "for a human: still marked {} since {} ({}); `fanvue-agent clear {} {} --reason \"...\"` lifts it",
            m.category.as_str(),
            crate::domain::time::rfc3339_ms(m.set_at),
            m.reason,
            job.creator,
            job.fan,
        );
        let info = DecisionInfo {
            guardrails: (!findings.is_empty()).then(|| json!({ "input": findings })),
            ..DecisionInfo::reason(why.clone())
        };
        warn!(reason = %why, "escalated");
        self.decide(job.creator, job.fan, ids, Outcome::Escalated, &info)
            .await?;
        Ok(JobOutcome::Done { queued: false })
    }

    /// Escalates a fan message the rules (or a confident judge) stopped: the decision with its
    /// verdicts, the safety marks the stopping rules leave, and the holding reply if one is owed.
    async fn escalate_input(
        &self,
        job: &Job<'_>,
        ctx: &Context,
        stops: &[Finding],
        verdicts: Value,
        marked: &[SafetyMark],
        dropped: Option<Spent<'_>>,
    ) -> Result<JobOutcome, AgentError> {
        let stops: Vec<&Finding> = stops.iter().collect();
        let why = format!("for a human: {}", describe(&stops));
        let pause = &job.settings.pause_hours;
        let money = &job.settings.money;
        let draft_cost = dropped.and_then(|d| money.cost_micros(d.model, d.tokens.0, d.tokens.1));
        let mut info = DecisionInfo {
            // The judge may have been asked (to record whether it agreed), and a draft written
            // beside it dropped: both calls are billed.
            cost_micros: judge::with_judge_cost(money, draft_cost, Some(&verdicts)),
            model: dropped.map(|d| d.model.to_string()),
            prompt_tokens: dropped.and_then(|d| d.tokens.0),
            completion_tokens: dropped.and_then(|d| d.tokens.1),
            llm_ms: dropped.map(|d| d.llm_ms),
            guardrails: Some(verdicts),
            // The mark keeps the escalation's own reason (repeated on the fan's later messages).
            marks: new_marks(&stops, marked, &why, ctx.now, pause),
            ..DecisionInfo::reason(why.clone())
        };
        warn!(reason = %why, "escalated");
        let holding = self
            .holding_reply(job, &stops, marked, &ctx.fan_text, &mut info)
            .await?;
        let Some(text) = holding else {
            self.decide(job.creator, job.fan, &ctx.ids, Outcome::Escalated, &info)
                .await?;
            return Ok(JobOutcome::Done { queued: false });
        };
        let plan = plan(&job.settings.agent, Purpose::Holding, text);
        let mode = job.settings.mode;
        self.commit_plan(
            job.creator,
            job.fan,
            &ctx.ids,
            &plan,
            Outcome::Escalated,
            &info,
            mode,
        )
        .await?;
        Ok(JobOutcome::Done { queued: true })
    }

    /// The holding reply an escalation sends (see [`holding`]), in the language of what the fan
    /// wrote (recorded now, so it is known even on their first message). The decision's reason
    /// says what was chosen; a text the draft guardrails block is not sent and its findings join
    /// the verdicts under `holding`.
    async fn holding_reply(
        &self,
        job: &Job<'_>,
        stops: &[&Finding],
        marked: &[SafetyMark],
        fan_text: &str,
        info: &mut DecisionInfo,
    ) -> Result<Option<String>, AgentError> {
        let facts = self.store.fan_facts(job.creator, job.fan).await?;
        let facts = self.fan_language(job, fan_text, facts).await?;
        let rules: Vec<&str> = stops.iter().map(|f| f.rule).collect();
        let in_force: Vec<MarkCategory> = marked.iter().map(|m| m.category).collect();
        let set = &job.settings.holding;
        let (category, lang, text) =
            match holding::choose(set, &rules, &in_force, facts.language.as_deref()) {
                holding::Holding::Nothing(why) => {
                    info.reason.push_str(&format!("; no holding reply: {why}"));
                    return Ok(None);
                }
                holding::Holding::Send {
                    category,
                    lang,
                    text,
                } => (category, lang, text),
            };
        let what = format!("holding reply ({}, {lang})", category.as_str());
        let blocked = holding::blocked(&Guardrails::new(&job.settings.guardrails), &text);
        if blocked.is_empty() {
            let done = match job.settings.mode {
                Mode::Live => "queued".to_string(),
                m => format!("drafted, not sent ({} mode)", m.as_str()),
            };
            info.reason.push_str(&format!("; {what} {done}"));
            return Ok(Some(text));
        }
        let why = describe(&blocked.iter().collect::<Vec<_>>());
        warn!(reason = %why, "{what} blocked by the draft guardrails; not sent");
        info.reason.push_str(&format!(
            "; {what} not sent: the draft guardrails block it: {why}"
        ));
        if let Some(v) = info.guardrails.as_mut() {
            v["holding"] = json!(blocked);
        }
        Ok(None)
    }
}

/// The safety marks an escalation leaves: one per safety category not already in force, each
/// lasting what `pause` says for its category.
pub fn new_marks(
    stops: &[&Finding],
    marked: &[SafetyMark],
    why: &str,
    now: i64,
    pause: &PauseHours,
) -> Vec<NewMark> {
    let mut out: Vec<NewMark> = vec![];
    for f in stops {
        let Some(category) = MarkCategory::of_rule(f.rule) else {
            continue;
        };
        if marked.iter().any(|m| m.category == category)
            || out.iter().any(|m| m.category == category)
        {
            continue;
        }
        out.push(NewMark {
            category,
            rule: f.rule.to_string(),
            reason: why.to_string(),
            until: pause.until(category, now),
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{
        agent::testing::{self, fan_writes, CREATOR, FAN},
        config::Config,
    };

    fn finding(rule: &'static str, action: guardrails::Action) -> Finding {
        Finding {
            rule,
            action,
            detail: "d".into(),
        }
    }

    fn mark(category: MarkCategory) -> SafetyMark {
        SafetyMark {
            id: 1,
            creator: CREATOR.into(),
            fan: FAN.into(),
            category,
            rule: "underage".into(),
            reason: "said 15".into(),
            set_at: 0,
            until: None,
            cleared_at: None,
            cleared_by: None,
            clear_reason: None,
        }
    }

    #[test]
    fn a_stopping_rule_escalates_a_mark_alone_keeps_a_human_on_the_chat_and_a_flag_does_neither() {
        let flag = finding("ai_question", guardrails::Action::Flag);
        let stop = finding("underage", guardrails::Action::Escalate);
        let marked = [mark(MarkCategory::Minor)];
        assert_eq!(
            input_call(std::slice::from_ref(&flag), &[]),
            InputCall::Clear
        );
        assert_eq!(
            input_call(std::slice::from_ref(&flag), &marked),
            InputCall::StillMarked
        );
        assert_eq!(input_call(&[flag, stop], &marked), InputCall::Stop);
    }

    #[test]
    fn an_escalation_marks_each_safety_category_once_and_not_one_already_in_force() {
        let minor = finding("underage", guardrails::Action::Escalate);
        let again = finding("underage", guardrails::Action::Escalate);
        let crisis = finding("crisis", guardrails::Action::Escalate);
        let other = finding("spam_link", guardrails::Action::Escalate);
        let pause = Config::default().guardrails.pause_hours;
        let marks = new_marks(&[&minor, &again, &crisis, &other], &[], "why", 0, &pause);
        let cats: Vec<MarkCategory> = marks.iter().map(|m| m.category).collect();
        assert_eq!(cats, vec![MarkCategory::Minor, MarkCategory::Crisis]);
        assert!(marks.iter().all(|m| m.reason == "why"));
        let in_force = [mark(MarkCategory::Minor)];
        let marks = new_marks(&[&minor, &crisis], &in_force, "why", 0, &pause);
        assert_eq!(marks.len(), 1);
        assert_eq!(marks[0].category, MarkCategory::Crisis);
    }

    async fn checked(agent: &Agent, cfg: &Config, text: &str) -> Stage<Input> {
        let row = fan_writes(&agent.store, "m1", text, "2024-01-01T00:00:00Z").await;
        let job = testing::job(cfg);
        let ctx = match agent.load_context(&job, &[row]).await.unwrap() {
            ControlFlow::Continue(ctx) => ctx,
            ControlFlow::Break(o) => panic!("decided early: {o:?}"),
        };
        agent.check_input(&job, &ctx).await.unwrap()
    }

    #[tokio::test]
    async fn a_fan_who_says_they_are_a_minor_is_escalated_and_marked() {
        let cfg = Config::default();
        let (agent, _dir) = testing::agent(cfg.clone(), testing::Scripted::new(vec![])).await;
        let step = checked(&agent, &cfg, "i am 15 years old").await;
        assert!(matches!(step, ControlFlow::Break(JobOutcome::Done { .. })));
        let decided = testing::decisions(&agent.store).await;
        assert_eq!(decided[0].0, "escalated");
        assert!(
            decided[0].1.starts_with("for a human: underage"),
            "{decided:?}"
        );
        let marks = agent.store.active_marks(CREATOR, FAN, 1).await.unwrap();
        assert_eq!(marks[0].category, MarkCategory::Minor);
    }

    #[tokio::test]
    async fn an_ordinary_message_goes_on_to_drafting_with_its_flags() {
        let cfg = Config::default();
        let (agent, _dir) = testing::agent(cfg.clone(), testing::Scripted::new(vec![])).await;
        let step = checked(&agent, &cfg, "are you a bot?").await;
        let ControlFlow::Continue(input) = step else {
            panic!("escalated: {step:?}");
        };
        assert!(
            input.findings.iter().any(|f| f.rule == "ai_question"),
            "{input:?}"
        );
        assert!(input.marked.is_empty());
        assert!(testing::decisions(&agent.store).await.is_empty());
    }
}
