//! Stage 4, draft: the LLM call. Up to `agent.llm_attempts` calls, waiting between failed ones
//! under one named retry policy ([`DRAFT_RETRY`]); a draft the guardrails block (stage 5,
//! [`super::guard_draft`]) is regenerated once with the reason, then given up.

use super::{
    compose::Prompt,
    context::Context,
    describe,
    guard_input::Input,
    guardrails::{self, Finding},
    llm::{Completion, LlmError},
    offers, prompt, review, Agent, Job,
};
use crate::domain::retry::{Jitter, RetryPolicy};
use std::time::Duration;
use tracing::{debug, warn};

/// The wait before the next draft attempt after the LLM failed: 1 s, doubling up to 16 s. No
/// jitter: one chat's attempts follow each other, and the LLM watch sees outages as they are.
pub const DRAFT_RETRY: RetryPolicy = RetryPolicy {
    first: Duration::from_secs(1),
    max: Duration::from_secs(16),
    jitter: Jitter::None,
};

/// What drafting produced.
#[derive(Debug, Default)]
pub struct Drafted {
    /// The draft that passed, if any.
    pub text: Option<String>,
    pub last_err: String,
    /// The last attempt failed because the LLM was unreachable.
    pub llm_unavailable: bool,
    pub llm_ms: i64,
    pub tokens: (Option<i64>, Option<i64>),
    /// Findings of the drafts that were blocked.
    pub blocked: Vec<Finding>,
    /// The vault item the model wants to offer, if any.
    pub wanted_item: Option<String>,
    /// Why the model wants to offer it (structured output).
    pub offer_reason: Option<String>,
    /// The draft judge's records, one per draft it judged.
    pub judged: Vec<serde_json::Value>,
}

impl Agent {
    /// Drafts a reply: up to `agent.llm_attempts` LLM calls; a draft the guardrails (or, with
    /// `judge.check_drafts`, a confident judge) block is regenerated once with the reason, then
    /// given up.
    pub(super) async fn draft(
        &self,
        job: &Job<'_>,
        ctx: &Context,
        input: &Input,
        prompt: &Prompt,
    ) -> Drafted {
        let mut req = prompt.request.clone();
        let mut d = Drafted::default();
        let mut regenerated = false;
        let mut attempt = 0;
        while attempt < job.settings.agent.llm_attempts {
            if attempt > 0 && !d.last_err.is_empty() {
                tokio::time::sleep(DRAFT_RETRY.delay(attempt)).await;
            }
            attempt += 1;
            let mut this = req.clone();
            // A retry after an empty or blocked draft samples more freely, so it is not the same.
            if d.last_err.contains("empty") || regenerated {
                this.temperature = (this.temperature + 0.3).min(1.5);
            }
            let c = match self.llm.complete(&this).await {
                Ok(c) => c,
                Err(e @ LlmError::Rejected(_)) => {
                    d.last_err = e.to_string();
                    d.llm_unavailable = false;
                    break;
                }
                Err(e) => {
                    d.last_err = e.to_string();
                    // The last attempt failed because the LLM was unreachable (not its text).
                    d.llm_unavailable = true;
                    warn!(attempt, error = %d.last_err, "draft attempt failed");
                    continue;
                }
            };
            d.llm_unavailable = false;
            let text = match take_completion(job, &c, &mut d) {
                Ok(t) => t,
                Err(e) => {
                    d.last_err = e;
                    warn!(attempt, error = %d.last_err, "draft attempt failed");
                    continue;
                }
            };
            let found = self
                .check_draft(job, input, prompt, &ctx.fan_text, &text, &mut d.judged)
                .await;
            debug!(attempt, draft = %crate::telemetry::text(&text), "draft");
            if guardrails::stopping(&found).is_empty() {
                d.text = Some(text);
                break;
            }
            let why = describe(&guardrails::stopping(&found));
            warn!(reason = %why, "draft blocked by guardrails");
            d.blocked.extend(found);
            if regenerated {
                d.last_err = format!("the draft was blocked twice: {why}");
                break;
            }
            // Regenerate once, telling the model why (a regeneration is not a failed attempt).
            regenerated = true;
            d.last_err.clear();
            attempt -= 1;
            req.messages[0]
                .content
                .push_str(&prompt::regenerate_note(&why));
        }
        d
    }
}

/// Reads a completion into `d` (latency, tokens, offer intent) and returns its cleaned text.
fn take_completion(job: &Job<'_>, c: &Completion, d: &mut Drafted) -> Result<String, String> {
    d.llm_ms += c.latency.as_millis() as i64;
    crate::metrics::metrics().llm_completed(c.latency, c.prompt_tokens, c.completion_tokens);
    d.tokens = (c.prompt_tokens, c.completion_tokens);
    let (raw, wanted) = match offers::parse_structured(&c.text) {
        Some((reply, intent)) => {
            d.offer_reason = intent.as_ref().and_then(|i| i.reason.clone());
            (reply, intent.map(|i| i.item))
        }
        None => offers::take_offer_marker(&c.text),
    };
    d.wanted_item = wanted;
    review::clean_draft(&raw, &[&job.creator_name, job.creator]).map_err(|e| e.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{
        agent::{
            compose::Prompt,
            llm::{LlmRequest, Role, Turn},
            testing::{self, Scripted},
        },
        config::Config,
        store::facts::FanFacts,
    };
    use std::sync::Arc;

    /// A prompt, an input check and a context for drafting, without the stages before it.
    fn setup(cfg: &Config) -> (Context, Input, Prompt) {
        let ctx = Context {
            ids: vec![1],
            now: 0,
            facts: FanFacts::default(),
            value: Default::default(),
            controls: Default::default(),
            history: vec![],
            pending: vec!["m1".into()],
            oldest_pending: None,
            fan_text: "hi".into(),
            first: testing::event("m1", "hi"),
        };
        let input = Input {
            guard: crate::agent::guardrails::Guardrails::new(
                &cfg.creator_guardrails(testing::CREATOR),
            ),
            findings: vec![],
            marked: vec![],
        };
        let system = "You are Mia.".to_string();
        let prompt = Prompt {
            request: LlmRequest {
                model: "m".into(),
                messages: vec![Turn {
                    role: Role::System,
                    content: system.clone(),
                }],
                temperature: 0.7,
                max_tokens: 100,
                timeout: Duration::from_secs(5),
                json: false,
            },
            system,
            version: "v1".into(),
            recent: vec![],
            others: vec![],
        };
        (ctx, input, prompt)
    }

    async fn drafted(cfg: Config, llm: Arc<Scripted>) -> Drafted {
        drafted_timed(cfg, llm).await.0
    }

    /// The draft, and how long drafting took on a paused clock (only the policy's waits count).
    async fn drafted_timed(cfg: Config, llm: Arc<Scripted>) -> (Drafted, Duration) {
        let (agent, _dir) = testing::agent(cfg.clone(), llm).await;
        let (ctx, input, prompt) = setup(&cfg);
        tokio::time::pause();
        let started = tokio::time::Instant::now();
        let d = agent
            .draft(&testing::job(&cfg), &ctx, &input, &prompt)
            .await;
        (d, started.elapsed())
    }

    #[test]
    fn failed_draft_attempts_wait_one_second_doubling_up_to_sixteen() {
        let waits: Vec<u64> = (1..=7)
            .map(|a| DRAFT_RETRY.delay(a).as_millis() as u64)
            .collect();
        assert_eq!(waits, [1000, 2000, 4000, 8000, 16000, 16000, 16000]);
    }

    #[tokio::test]
    async fn an_unreachable_llm_is_tried_llm_attempts_times_with_the_policys_waits() {
        let mut cfg = Config::default();
        cfg.agent.llm_attempts = 3;
        let llm = Scripted::new(vec![]);
        let (d, took) = drafted_timed(cfg, llm.clone()).await;
        assert_eq!(llm.requests().len(), 3);
        assert!(d.llm_unavailable && d.text.is_none(), "{d:?}");
        assert_eq!(took.as_secs(), 3, "1 s, then 2 s");
    }

    #[tokio::test]
    async fn a_rejected_request_is_not_tried_again() {
        let llm = Scripted::new(vec![Err(LlmError::Rejected("bad model".into()))]);
        let d = drafted(Config::default(), llm.clone()).await;
        assert_eq!(llm.requests().len(), 1);
        assert!(!d.llm_unavailable);
        assert!(d.last_err.contains("bad model"), "{d:?}");
    }

    #[tokio::test]
    async fn a_blocked_draft_is_regenerated_once_with_the_reason_and_more_freely() {
        let leak = "your id is 123e4567-e89b-12d3-a456-426614174000".to_string();
        let llm = Scripted::new(vec![Ok(leak), Ok("hey you".into())]);
        let d = drafted(Config::default(), llm.clone()).await;
        assert_eq!(d.text.as_deref(), Some("hey you"));
        assert!(d.blocked.iter().any(|f| f.rule == "private_data"), "{d:?}");
        let reqs = llm.requests();
        assert_eq!(reqs.len(), 2);
        assert!(reqs[1].messages[0]
            .content
            .contains("Your previous draft was rejected (private_data"));
        assert!(reqs[1].temperature > reqs[0].temperature);
        assert_eq!((d.tokens, d.llm_ms), ((Some(10), Some(5)), 6));
    }

    #[tokio::test]
    async fn a_draft_blocked_twice_is_given_up() {
        let leak = "your id is 123e4567-e89b-12d3-a456-426614174000".to_string();
        let llm = Scripted::new(vec![Ok(leak.clone()), Ok(leak.clone()), Ok(leak)]);
        let d = drafted(Config::default(), llm.clone()).await;
        assert_eq!(d.text, None);
        assert!(
            d.last_err.starts_with("the draft was blocked twice"),
            "{d:?}"
        );
        assert_eq!(llm.requests().len(), 2);
    }
}
