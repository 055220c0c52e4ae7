//! Stage 7, commit: the reply plan (with its human-like delay and what it was drafted from), the
//! offer on it, and the decision with the outbox row (or, outside live mode, the draft) in one
//! transaction. The sender confirms before sending that nobody but the fan wrote after the
//! message the plan answers.

use super::{context::Context, offer::OfferDecision, Agent, AgentError, Job, JobOutcome};
use crate::{
    config::AgentConfig,
    domain::{DecisionInfo, Mode, Outcome, Purpose, ReplyPlan},
    store::chats::StoredMessage,
};
use rand::Rng;
use tracing::{info, warn};

impl Agent {
    /// Whether a fan message arrived after the ones this job answers (the draft is then dropped
    /// and the job restarted, so one reply covers everything).
    pub(super) async fn fan_wrote_meanwhile(
        &self,
        job: &Job<'_>,
        ids: &[i64],
    ) -> Result<bool, AgentError> {
        let newest = self
            .store
            .newest_pending_fan_message(job.creator, job.fan)
            .await?;
        Ok(newest > ids.iter().copied().max())
    }

    /// The reply's plan, anchored to the chat as the job read it. A reply that replaces one the
    /// fan already waited for goes out without a second delay.
    pub(super) async fn reply_plan(
        &self,
        job: &Job<'_>,
        ctx: &Context,
        text: String,
    ) -> Result<ReplyPlan, AgentError> {
        let plan = plan(&job.settings.agent, Purpose::Reply, text);
        let mut plan = anchored(plan, ctx.now, ctx.history.last());
        if self
            .store
            .folded_since(job.creator, job.fan, ctx.now - 600_000)
            .await?
        {
            plan.delay_ms = 0; // the fan already waited out the delay of the reply it replaces
        }
        Ok(plan)
    }

    /// Commits the reply with its offer: the decision and the outbox row (the draft outside live
    /// mode) in one transaction. An offer whose rules could not run is left out.
    pub(super) async fn commit_reply(
        &self,
        job: &Job<'_>,
        ctx: &Context,
        mut plan: ReplyPlan,
        offer: Result<OfferDecision, AgentError>,
        model_reason: Option<&str>,
        info: DecisionInfo,
    ) -> Result<JobOutcome, AgentError> {
        let mut reason = reply_reason(ctx.ids.len());
        let outcome = match offer {
            Ok(offer) => with_offer(&mut plan, &mut reason, offer, model_reason),
            Err(e) => {
                warn!(error = %e, "offer rules could not run; replying without an offer");
                Outcome::Replied
            }
        };
        let mode = job.settings.mode;
        reason.push_str(&mode_note(mode));
        let info = DecisionInfo {
            reason,
            spend_tier: Some(super::prompt::spend_tier(ctx.facts.spend_cents).to_string()),
            ..info
        };
        let id = self
            .commit_plan(job.creator, job.fan, &ctx.ids, &plan, outcome, &info, mode)
            .await?;
        let llm_ms = info.llm_ms.unwrap_or_default();
        match mode {
            Mode::Live => info!(outbox = id, llm_ms, "reply queued"),
            Mode::Shadow => info!(draft = id, llm_ms, "shadow mode: reply drafted, not sent"),
            Mode::Approve => info!(
                draft = id,
                llm_ms, "reply drafted; waiting for `fanvue-agent approve {id}`"
            ),
        }
        Ok(JobOutcome::Done { queued: true })
    }
}

/// A plan with the configured human-like delay: a random base plus a little per character.
pub fn plan(a: &AgentConfig, purpose: Purpose, text: String) -> ReplyPlan {
    let base = if a.reply_delay_max_ms > a.reply_delay_min_ms {
        rand::thread_rng().gen_range(a.reply_delay_min_ms..=a.reply_delay_max_ms)
    } else {
        a.reply_delay_min_ms
    };
    ReplyPlan {
        purpose,
        delay_ms: base + a.reply_delay_per_char_ms * text.chars().count() as u64,
        text,
        media_uuids: vec![],
        price_cents: None,
        offer_item: None,
        context_at: None,
        answers_uuid: None,
        answers_sent_at: None,
    }
}

/// `plan` with what it was drafted from: the chat as read at `context_at`, whose newest message
/// was `newest`. The sender confirms before sending that nobody wrote after it but the fan, and
/// that the fan did not write again.
pub fn anchored(mut plan: ReplyPlan, context_at: i64, newest: Option<&StoredMessage>) -> ReplyPlan {
    plan.context_at = Some(context_at);
    plan.answers_uuid = newest.map(|m| m.uuid.to_ascii_lowercase());
    plan.answers_sent_at = newest.and_then(|m| m.sent_at.clone());
    plan
}

/// The decision's reason for a reply to `messages` fan messages.
pub fn reply_reason(messages: usize) -> String {
    if messages == 1 {
        "answered the fan's message".to_string()
    } else {
        format!("answered {messages} fan messages with one reply")
    }
}

/// The offer put on the plan (media, price, item) and noted in the reason; the decision's
/// outcome (offered, or replied).
pub fn with_offer(
    plan: &mut ReplyPlan,
    reason: &mut String,
    offer: OfferDecision,
    model_reason: Option<&str>,
) -> Outcome {
    reason.push_str(&offer.note(model_reason));
    let OfferDecision::Offer {
        item, price_cents, ..
    } = offer
    else {
        return Outcome::Replied;
    };
    plan.media_uuids = vec![item.media_uuid];
    plan.price_cents = Some(price_cents);
    plan.offer_item = Some(item.name);
    Outcome::Offered
}

/// What the reason adds outside live mode (nothing in live mode).
pub fn mode_note(mode: Mode) -> String {
    match mode {
        Mode::Live => String::new(),
        m => format!(" ({} mode: drafted, not sent)", m.as_str()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{
        agent::{offers::CatalogItem, testing},
        config::Config,
    };

    #[test]
    fn a_plans_delay_is_a_random_base_in_range_plus_a_little_per_character() {
        let mut a = Config::default().agent;
        (
            a.reply_delay_min_ms,
            a.reply_delay_max_ms,
            a.reply_delay_per_char_ms,
        ) = (100, 200, 10);
        for _ in 0..20 {
            let p = plan(&a, Purpose::Reply, "hello".into());
            assert!((150..=250).contains(&p.delay_ms), "{}", p.delay_ms);
        }
        a.reply_delay_max_ms = 0;
        assert_eq!(plan(&a, Purpose::Reply, "".into()).delay_ms, 100);
    }

    #[test]
    fn an_anchored_plan_answers_the_newest_message_it_was_drafted_from() {
        let newest = testing::message("ABC", false, "hi", "2024-01-01T00:00:00Z");
        let p = anchored(
            plan(&Config::default().agent, Purpose::Reply, "x".into()),
            7,
            Some(&newest),
        );
        assert_eq!(p.context_at, Some(7));
        assert_eq!(p.answers_uuid.as_deref(), Some("abc"));
        assert_eq!(p.answers_sent_at.as_deref(), Some("2024-01-01T00:00:00Z"));
    }

    #[test]
    fn an_offer_puts_its_item_and_price_on_the_plan_and_makes_the_outcome_offered() {
        let mut p = plan(&Config::default().agent, Purpose::Reply, "x".into());
        let mut reason = reply_reason(1);
        let item = CatalogItem {
            name: "set".into(),
            description: None,
            base_price_cents: 1000,
            media_uuid: "m1".into(),
            ..Default::default()
        };
        let offer = OfferDecision::Offer {
            item,
            price_cents: 1200,
            counter: None,
        };
        assert_eq!(
            with_offer(&mut p, &mut reason, offer, None),
            Outcome::Offered
        );
        assert_eq!(
            (p.media_uuids, p.price_cents),
            (vec!["m1".to_string()], Some(1200))
        );
        assert_eq!(reason, "answered the fan's message; offered set at $12.00");
        let mut p = plan(&Config::default().agent, Purpose::Reply, "x".into());
        let mut reason = reply_reason(3);
        let none = with_offer(&mut p, &mut reason, OfferDecision::NotAsked, None);
        assert_eq!((none, p.price_cents), (Outcome::Replied, None));
        assert_eq!(reason, "answered 3 fan messages with one reply");
    }

    #[test]
    fn outside_live_mode_the_reason_says_the_reply_was_only_drafted() {
        assert_eq!(mode_note(Mode::Live), "");
        assert_eq!(mode_note(Mode::Shadow), " (shadow mode: drafted, not sent)");
        assert_eq!(
            mode_note(Mode::Approve),
            " (approve mode: drafted, not sent)"
        );
    }

    #[tokio::test]
    async fn a_committed_reply_decides_every_message_and_queues_one_outbox_row() {
        let cfg = Config::default();
        let (agent, _dir) = testing::agent(cfg.clone(), testing::Scripted::new(vec![])).await;
        let a = testing::fan_writes(&agent.store, "m1", "hi", "2024-01-01T00:00:00Z").await;
        let b = testing::fan_writes(&agent.store, "m2", "there?", "2024-01-01T00:00:01Z").await;
        let job = testing::job(&cfg);
        let std::ops::ControlFlow::Continue(ctx) = agent.load_context(&job, &[a, b]).await.unwrap()
        else {
            panic!("decided early");
        };
        let plan = agent.reply_plan(&job, &ctx, "hey!".into()).await.unwrap();
        assert_eq!(plan.answers_uuid.as_deref(), Some("m2"));
        let info = DecisionInfo::reason("");
        let done = agent
            .commit_reply(&job, &ctx, plan, Ok(OfferDecision::NotAsked), None, info)
            .await
            .unwrap();
        assert_eq!(done, JobOutcome::Done { queued: true });
        let decided = testing::decisions(&agent.store).await;
        assert_eq!(decided.len(), 2);
        assert!(decided.iter().all(|d| d.0 == "replied"), "{decided:?}");
        assert_eq!(decided[0].1, "answered 2 fan messages with one reply");
        let open = agent.store.open_outbox(testing::CREATOR).await.unwrap();
        assert_eq!(open.len(), 1);
        assert_eq!(open[0].text.as_deref(), Some("hey!"));
    }
}
