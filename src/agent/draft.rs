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
        while attempt < job.cfg.agent.llm_attempts {
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
    crate::metrics::metrics().llm_completed(c);
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
