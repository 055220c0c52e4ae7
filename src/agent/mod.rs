//! The agent step: one chat's pending events in, decisions and queued messages out.
//!
//! A fan's messages go through named stages, each in its own file, each ending the job early when
//! it decides (a skip, an escalation, a retry later):
//! 1. [`context`]: load context: the chat's catch-up read, then the takeover, by-hand, open-reply
//!    and already-answered checks; what the fan wrote.
//! 2. [`guard_input`]: check input: guardrails (and the optional judge) on what the fan wrote;
//!    then [`value`]: what Fanvue says the fan is worth, and whether they may be messaged at all.
//! 3. [`compose`]: build prompt: the persona prompt with the fan's facts, the LLM request.
//! 4. [`draft`]: draft: the LLM call under one named retry policy ([`draft::DRAFT_RETRY`]).
//! 5. [`guard_draft`]: check draft: guardrails (and the judge) on each draft; no usable draft is
//!    decided there.
//! 6. [`offer`]: offer: deterministic rules decide whether the reply carries a PPV item
//!    ([`offer::OfferDecision`]).
//! 7. [`commit`]: commit: the decision and the outbox row in one transaction.
//!
//! Other events (tips, subscriptions, follow-ups) are decided in [`events`], sequence steps in
//! `sequence` (written for the fan by the model in `personalise` when the sequence asks). The agent never reads
//! the live config: the dispatcher resolves the creator's [`CreatorSettings`] when a job starts
//! and every stage reads those ([`Job`]), so a reload in the middle of a job never mixes two
//! configs in one decision. `process_chat` is steppable in tests: everything it touches is passed
//! in.

pub mod approval;
pub mod by_hand;
pub mod commit;
pub mod compose;
pub mod context;
pub mod draft;
pub mod events;
pub mod experiment;
pub mod guard_draft;
pub mod guard_input;
pub mod guardrails;
pub mod history;
pub mod holding;
pub mod judge;
pub mod llm;
pub mod memory;
pub mod normalize;
pub mod offer;
pub mod offers;
mod personalise;
pub mod prompt;
mod record;
pub mod replay;
pub mod review;
mod sequence;
pub mod value;

pub use offer::OfferDecision;

use crate::{
    config::CreatorSettings,
    domain::time::now_ms,
    domain::{DecisionInfo, Event, Outcome},
    fanvue::{ApiError, Apis},
    store::{inbox::InboxRow, CreatorStatus, Store, StoreError},
};
use llm::Llm;
use std::{ops::ControlFlow, sync::Arc, time::Duration};
use tracing::warn;

/// What the dispatcher does after a job.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum JobOutcome {
    /// Every event the job saw is decided. `queued` tells whether messages went to the outbox.
    Done { queued: bool },
    /// Nothing decided; run the job again after this long (creator paused, reply still in flight,
    /// API or store trouble).
    Retry(Duration),
    /// A fan message arrived while drafting: the draft was dropped; debounce and start over.
    Restart,
}

#[derive(Debug, thiserror::Error)]
pub enum AgentError {
    #[error(transparent)]
    Store(#[from] StoreError),
}

/// What a stage hands on: the next stage's input, or the job's outcome when the stage decided it.
pub type Stage<T> = ControlFlow<JobOutcome, T>;

/// The value of a stage that went on, or returns the job's outcome from the calling function.
macro_rules! proceed {
    ($stage:expr) => {
        match $stage {
            std::ops::ControlFlow::Continue(v) => v,
            std::ops::ControlFlow::Break(outcome) => return Ok(outcome),
        }
    };
}

/// Everything a job needs.
#[derive(Clone)]
pub struct Agent {
    pub store: Store,
    pub llm: Arc<dyn Llm>,
    pub apis: Arc<Apis>,
    /// Last good persona prompts (a broken edit never stops replies).
    pub prompts: Arc<prompt::PromptCache>,
    /// The catch-up reads before drafting, shared per creator.
    pub history: Arc<history::HistorySync>,
    /// Fan-value reads, one at a time per creator (jobs that start together share one).
    pub values: Arc<value::ValueReads>,
    /// The optional safety judge's endpoint (used while `judge.enabled`).
    pub judge: judge::Judge,
}

/// One job: whose chat, and the settings it started with.
pub struct Job<'a> {
    pub creator: &'a str,
    pub fan: &'a str,
    /// How the creator is named to the model (their display name, else the handle).
    pub creator_name: String,
    /// Resolved once when the job started and used by every stage.
    pub settings: &'a CreatorSettings,
}

impl Agent {
    /// Decides every pending event of one chat with the creator's `settings` (resolved when the
    /// job started). `may_restart` false means: commit even if newer fan messages arrived
    /// meanwhile (they get their own job).
    #[tracing::instrument(skip(self, settings), fields(creator = %creator, fan = %fan))]
    pub async fn process_chat(
        &self,
        settings: &CreatorSettings,
        creator: &str,
        fan: &str,
        may_restart: bool,
    ) -> Result<JobOutcome, AgentError> {
        let started = now_ms();
        let mut rows = self.store.pending_for_chat(creator, fan).await?;
        if rows.is_empty() {
            return Ok(JobOutcome::Done { queued: false });
        }
        // A fan in a persona A/B test is answered with their variant's persona.
        let varied = self.with_variant(settings, creator, fan).await?;
        let mut job = Job {
            creator,
            fan,
            creator_name: creator.to_string(),
            settings: varied.as_ref().unwrap_or(settings),
        };
        if !job.settings.enabled {
            let ids: Vec<i64> = rows.iter().map(|r| r.id).collect();
            let why = "creator is not enabled in config: not answered";
            return self.skip(&job, &ids, why).await;
        }
        let Some(row) = self.store.creator(creator).await? else {
            return Ok(JobOutcome::Retry(Duration::from_secs(60)));
        };
        if row.status != CreatorStatus::Active {
            // Kept pending: the events are answered once the creator is reconnected or resumed.
            tracing::debug!(status = ?row.status, "creator not active; events stay pending");
            return Ok(JobOutcome::Retry(Duration::from_secs(10)));
        }
        if let Some(name) = row.display_name {
            job.creator_name = name;
        }
        if job.settings.left_to_human && rows.iter().any(|r| r.from_fan) {
            return self.leave_to_human(&job, rows).await;
        }
        if self.reads_first(&job, &rows).await? {
            // The fan's value is read beside the chat (no extra wait before drafting).
            let (caught_up, _) = tokio::join!(
                self.catch_up(&job, started),
                self.prefetch_value(&job, &rows, started)
            );
            proceed!(caught_up);
            // The read may have committed fan messages the webhooks missed: they are this job's too.
            rows = self.store.pending_for_chat(creator, fan).await?;
        }
        let (fan_rows, other_rows): (Vec<InboxRow>, Vec<InboxRow>) =
            rows.into_iter().partition(|r| r.from_fan);
        let mut queued = false;
        for r in &other_rows {
            queued |= self.decide_other(&job, r, !fan_rows.is_empty()).await?;
        }
        if fan_rows.is_empty() {
            return Ok(JobOutcome::Done { queued });
        }
        Ok(match self.answer(&job, &fan_rows, may_restart).await? {
            JobOutcome::Done { queued: q } => JobOutcome::Done {
                queued: q || queued,
            },
            other => other,
        })
    }

    /// Outside the creator's active hours (when a human answers then): the fan's messages are
    /// escalated, so the operator is notified, and the job's other events decided as usual.
    async fn leave_to_human(
        &self,
        job: &Job<'_>,
        rows: Vec<InboxRow>,
    ) -> Result<JobOutcome, AgentError> {
        let (fan_rows, other_rows): (Vec<InboxRow>, Vec<InboxRow>) =
            rows.into_iter().partition(|r| r.from_fan);
        let mut queued = false;
        for r in &other_rows {
            queued |= self.decide_other(job, r, true).await?;
        }
        let ids: Vec<i64> = fan_rows.iter().map(|r| r.id).collect();
        let why = "outside the creator's active hours: left for a human".to_string();
        self.escalate(job, &ids, why).await?;
        Ok(JobOutcome::Done { queued })
    }

    /// Answers the fan's messages of one job, stage by stage (see the module doc).
    async fn answer(
        &self,
        job: &Job<'_>,
        rows: &[InboxRow],
        may_restart: bool,
    ) -> Result<JobOutcome, AgentError> {
        let mut ctx = proceed!(self.load_context(job, rows).await?);
        let mut input = proceed!(self.check_input(job, &ctx).await?);
        proceed!(self.weigh_fan(job, &mut ctx).await?);
        let prompt = proceed!(self.build_prompt(job, &mut ctx, &input).await?);
        // The input judge runs alongside drafting: a reply waits for the slower of the two, and
        // the judge's own timeout bounds its share.
        let (drafted, input_judged) = tokio::join!(
            self.draft(job, &ctx, &input, &prompt),
            self.judge_input(job, &ctx.fan_text)
        );
        let spent = guard_input::Spent {
            model: &prompt.request.model,
            tokens: drafted.tokens,
            llm_ms: drafted.llm_ms,
        };
        let judged = proceed!(
            self.heed_input_judge(job, &ctx, &mut input, input_judged, spent)
                .await?
        );
        let model_reason = drafted.offer_reason.clone();
        let wanted = drafted.wanted_item.clone();
        let (text, info) = proceed!(
            self.settle_draft(job, &ctx, input, &prompt, drafted, judged)
                .await?
        );
        if may_restart && self.fan_wrote_meanwhile(job, &ctx.ids).await? {
            tracing::debug!("a fan message arrived while drafting; starting over");
            return Ok(JobOutcome::Restart);
        }
        let plan = self.reply_plan(job, &ctx, text).await?;
        let offer = self.offer(job, &ctx, wanted.as_deref()).await;
        self.commit_reply(job, &ctx, plan, offer, model_reason.as_deref(), info)
            .await
    }

    /// Decides `ids` as skipped with `why`; the job is done.
    async fn skip(
        &self,
        job: &Job<'_>,
        ids: &[i64],
        why: impl Into<String>,
    ) -> Result<JobOutcome, AgentError> {
        self.decide(
            job.creator,
            job.fan,
            ids,
            Outcome::Skipped,
            &DecisionInfo::reason(why),
        )
        .await?;
        Ok(JobOutcome::Done { queued: false })
    }

    /// Decides `ids` as escalated with `why`; the job is done.
    async fn escalate(
        &self,
        job: &Job<'_>,
        ids: &[i64],
        why: String,
    ) -> Result<JobOutcome, AgentError> {
        warn!(reason = %why, "escalated");
        self.decide(
            job.creator,
            job.fan,
            ids,
            Outcome::Escalated,
            &DecisionInfo::reason(why),
        )
        .await?;
        Ok(JobOutcome::Done { queued: false })
    }

    /// The fan's first name as the event, the chat list or their handle tells it.
    async fn fan_name(&self, job: &Job<'_>, event: &Event) -> Result<String, AgentError> {
        if let Some(n) = event.fan.display_name.clone().filter(|n| !n.is_empty()) {
            return Ok(first_name(&n));
        }
        let chat = self.store.chat(job.creator, job.fan).await?;
        Ok(chat
            .and_then(|c| c.nickname.or(c.display_name).or(c.fan_handle))
            .or_else(|| event.fan.handle.clone())
            .map(|n| first_name(&n))
            .unwrap_or_else(|| "there".into()))
    }

    /// The fan's facts with the language of what they just wrote (recorded when it changed; a
    /// message too short to tell keeps the language seen before).
    async fn fan_language(
        &self,
        job: &Job<'_>,
        text: &str,
        mut facts: crate::store::facts::FanFacts,
    ) -> Result<crate::store::facts::FanFacts, AgentError> {
        if let Some(lang) = guardrails::detect_language(text) {
            if facts.language.as_deref() != Some(lang) {
                self.store
                    .set_fan_language(job.creator, job.fan, lang)
                    .await?;
                facts.language = Some(lang.to_string());
            }
        }
        Ok(facts)
    }
}

/// The findings as a decision's reason lists them.
fn describe(findings: &[&guardrails::Finding]) -> String {
    findings
        .iter()
        .map(|f| format!("{} ({})", f.rule, f.detail))
        .collect::<Vec<_>>()
        .join("; ")
}

fn first_name(n: &str) -> String {
    n.split_whitespace().next().unwrap_or(n).to_string()
}

/// How long a chat waits before reading Fanvue again after `e`.
fn retry_after(e: &ApiError) -> Duration {
    match e {
        ApiError::RateLimited { retry_after } => *retry_after,
        // A paused creator is checked locally (no API call) until reconnected.
        ApiError::PauseCreator { .. } => Duration::from_secs(10),
        _ => Duration::from_secs(5),
    }
}

#[cfg(test)]
pub(crate) mod testing;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_fans_first_name_is_the_first_word_of_their_name() {
        assert_eq!(first_name("Ada Lovelace"), "Ada");
        assert_eq!(first_name("  Grace  "), "Grace");
        assert_eq!(first_name(""), "");
    }

    #[test]
    fn a_rate_limited_read_waits_what_fanvue_asked_and_other_failures_a_few_seconds() {
        let limited = ApiError::RateLimited {
            retry_after: Duration::from_secs(42),
        };
        assert_eq!(retry_after(&limited), Duration::from_secs(42));
        assert_eq!(
            retry_after(&ApiError::Invalid("x".into())),
            Duration::from_secs(5)
        );
    }

    fn closed_all_week(outside: crate::config::OutsideHours) -> crate::config::Config {
        let mut cfg = crate::config::Config {
            active_hours: crate::config::ActiveHoursConfig {
                enabled: true,
                days: vec![],
                outside,
                outside_persona: "night".into(),
                ..Default::default()
            },
            ..Default::default()
        };
        cfg.creators
            .insert(testing::CREATOR.into(), Default::default());
        cfg
    }

    #[tokio::test]
    async fn outside_active_hours_a_fan_message_is_left_to_a_human_who_is_notified() {
        let cfg = closed_all_week(crate::config::OutsideHours::Human);
        let llm = testing::Scripted::new(vec![Ok("never drafted".into())]);
        let (agent, _dir) = testing::agent(cfg.clone(), llm.clone()).await;
        let active = crate::store::CreatorStatus::Active;
        agent
            .store
            .set_creator_status(testing::CREATOR, active, None)
            .await
            .unwrap();
        testing::fan_writes(&agent.store, "m1", "are you there?", "2026-12-01T03:00:00Z").await;
        let settings = cfg
            .creator_settings(testing::CREATOR)
            .on_shift(jiff::Timestamp::now());
        let out = agent
            .process_chat(&settings, testing::CREATOR, testing::FAN, true)
            .await
            .unwrap();
        assert_eq!(out, JobOutcome::Done { queued: false });
        let decided = testing::decisions(&agent.store).await;
        assert_eq!(
            decided,
            [(
                "escalated".to_string(),
                "outside the creator's active hours: left for a human".to_string()
            )]
        );
        assert!(llm.requests().is_empty(), "the model was not asked");
        assert!(agent
            .store
            .open_outbox(testing::CREATOR)
            .await
            .unwrap()
            .is_empty());
        let notices = agent.store.unrouted_notices(10).await.unwrap();
        assert_eq!(notices.len(), 1, "the operator is notified once");
    }

    #[test]
    fn outside_active_hours_the_other_persona_answers_and_inside_the_usual_one() {
        let cfg = closed_all_week(crate::config::OutsideHours::Persona);
        let now = jiff::Timestamp::now();
        let off = cfg.creator_settings("mia").on_shift(now);
        assert_eq!((off.persona.as_str(), off.left_to_human), ("night", false));
        let mut open = cfg.clone();
        open.active_hours.days = vec![
            "mon".into(),
            "tue".into(),
            "wed".into(),
            "thu".into(),
            "fri".into(),
            "sat".into(),
            "sun".into(),
        ];
        open.active_hours.start = "00:00".into();
        open.active_hours.end = "00:00".into();
        let on = open.creator_settings("mia").on_shift(now);
        assert_eq!((on.persona.as_str(), on.left_to_human), ("mia", false));
    }

    #[test]
    fn findings_are_described_by_rule_and_detail() {
        let f = |rule: &'static str, detail: &str| guardrails::Finding {
            rule,
            action: guardrails::Action::Escalate,
            detail: detail.into(),
        };
        let (a, b) = (f("minor", "says 15"), f("self_harm", "hurt"));
        assert_eq!(describe(&[&a, &b]), "minor (says 15); self_harm (hurt)");
    }
}
