//! Events other than fan messages: their facts were recorded on arrival (see `store::inbox`);
//! some trigger a message of their own: a thank-you for a tip, a welcome for a new subscriber,
//! a follow-up to a fan gone quiet. Nothing automatic reaches a fan under a safety mark, or one
//! Fanvue marks not contactable.

use super::{
    commit::{anchored, plan},
    prompt, Agent, AgentError, Job,
};
use crate::{
    config::ActionsConfig,
    domain::time::now_ms,
    domain::{fan::NOT_CONTACTABLE, DecisionInfo, EventKind, Outcome, Purpose},
    store::inbox::InboxRow,
};
use tracing::warn;

/// A message an event calls for: its purpose, the configured template and the amount it names.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Action {
    pub purpose: Purpose,
    pub template: String,
    pub amount: String,
    /// Not sent before this (unix ms): a sequence's pacing.
    pub send_at: Option<i64>,
    /// The model rewrites the rendered text for the fan (a sequence with `personalise`).
    pub personalise: bool,
}

impl Agent {
    /// Decides one event that is not a fan message; true when a message was queued.
    /// `fan_wrote`: the job also answers fan messages (a follow-up is then moot).
    pub(super) async fn decide_other(
        &self,
        job: &Job<'_>,
        r: &InboxRow,
        fan_wrote: bool,
    ) -> Result<bool, AgentError> {
        let (action, reason) = match &r.event.kind {
            EventKind::FollowUp { quiet_secs, .. } => {
                self.follow_up(job, *quiet_secs, fan_wrote).await?
            }
            EventKind::SequenceStep {
                sequence,
                step,
                trigger_at,
                send_at,
            } => {
                let step = super::sequence::StepEvent {
                    sequence,
                    step: *step,
                    trigger_at: *trigger_at,
                    send_at: *send_at,
                };
                self.sequence_step(job, &step, fan_wrote).await?
            }
            kind => event_action(kind, &job.settings.actions),
        };
        let (action, reason) = self.unless_marked(job, action, reason).await?;
        if let Some(action) = action.filter(|a| !a.template.trim().is_empty()) {
            if self.send_action(job, r, &action, &reason).await? {
                return Ok(true);
            }
        }
        let info = DecisionInfo::reason(reason);
        self.decide(job.creator, job.fan, &[r.id], Outcome::Skipped, &info)
            .await?;
        Ok(false)
    }

    /// The follow-up a quiet fan gets, unless they wrote again, the chat is paused or
    /// follow-ups are off.
    async fn follow_up(
        &self,
        job: &Job<'_>,
        quiet_secs: i64,
        fan_wrote: bool,
    ) -> Result<(Option<Action>, String), AgentError> {
        let text = job.settings.followup.text.clone();
        let paused = self
            .store
            .fan_facts(job.creator, job.fan)
            .await?
            .paused_until
            .is_some_and(|u| u > now_ms());
        let switched_off = self
            .store
            .fan_controls(job.creator, job.fan)
            .await?
            .followups_off;
        let why = if fan_wrote {
            Some("the fan wrote again")
        } else if paused {
            Some("the creator took this chat over")
        } else if !job.settings.followup.enabled {
            Some("follow-ups are off")
        } else if switched_off {
            Some("follow-ups are switched off for this fan")
        } else {
            None
        };
        Ok(match why {
            Some(w) => (None, format!("follow-up not sent: {w}")),
            None => (
                Some(Action {
                    purpose: Purpose::FollowUp,
                    template: text,
                    amount: String::new(),
                    send_at: None,
                    personalise: false,
                }),
                format!("the fan has been quiet for {} min", quiet_secs / 60),
            ),
        })
    }

    /// `action`, unless Fanvue marks the fan not contactable or the fan is under a safety mark
    /// (the reason then says which).
    async fn unless_marked(
        &self,
        job: &Job<'_>,
        action: Option<Action>,
        reason: String,
    ) -> Result<(Option<Action>, String), AgentError> {
        if action.is_none() {
            return Ok((None, reason));
        }
        if !self.store.contactable(job.creator, job.fan).await? {
            let why = format!("{reason}; nothing sent: {NOT_CONTACTABLE}");
            return Ok((None, why));
        }
        let marks = self
            .store
            .active_marks(job.creator, job.fan, now_ms())
            .await?;
        Ok(match marks.first() {
            Some(m) => (
                None,
                format!(
                    "{reason}; nothing sent: the fan is marked {} ({})",
                    m.category.as_str(),
                    m.reason
                ),
            ),
            None => (action, reason),
        })
    }

    /// Renders and queues `action`; false when its template renders to nothing or not at all
    /// (the event is then skipped with `reason`).
    async fn send_action(
        &self,
        job: &Job<'_>,
        r: &InboxRow,
        action: &Action,
        reason: &str,
    ) -> Result<bool, AgentError> {
        let fan_name = self.fan_name(job, &r.event).await?;
        let vars = serde_json::json!({
            "fan_name": fan_name, "creator_name": job.creator_name, "amount": action.amount,
        });
        let path = format!("actions.{}", action.purpose.as_str());
        let text = match prompt::render(&path, &action.template, &vars) {
            Ok(text) if !text.is_empty() => text,
            Ok(_) => return Ok(false),
            Err(e) => {
                warn!(error = %e, "action template does not render; skipped");
                return Ok(false);
            }
        };
        let context_at = now_ms();
        let newest = self.store.history(job.creator, job.fan, 1).await?;
        let (text, info) = if action.personalise {
            let w = self.personalise(job, &fan_name, &text).await?;
            let reason = format!("{reason}; {}; {} queued", w.note, action.purpose.as_str());
            (w.text, DecisionInfo { reason, ..w.info })
        } else {
            let reason = format!("{reason}; {} queued", action.purpose.as_str());
            (text, DecisionInfo::reason(reason))
        };
        let mut plan = plan(&job.settings.agent, action.purpose, text);
        if let Some(at) = action.send_at {
            plan.delay_ms = plan.delay_ms.max((at - context_at).max(0) as u64);
        }
        let plan = anchored(plan, context_at, newest.last());
        let mode = job.settings.mode;
        self.commit_plan(
            job.creator,
            job.fan,
            &[r.id],
            &plan,
            Outcome::Replied,
            &info,
            mode,
        )
        .await?;
        Ok(true)
    }
}

/// What an event other than a fan message or a follow-up calls for, and the decision's reason.
pub fn event_action(kind: &EventKind, actions: &ActionsConfig) -> (Option<Action>, String) {
    let act = |purpose, template: &String, cents: &Option<i64>| {
        Some(Action {
            purpose,
            template: template.clone(),
            amount: money(cents),
            send_at: None,
            personalise: false,
        })
    };
    match kind {
        EventKind::Tip { price_cents, .. } => (
            act(Purpose::Thanks, &actions.thank_tip, price_cents),
            format!("tip of ${} recorded", money(price_cents)),
        ),
        EventKind::NewSubscriber { price_cents } => (
            act(Purpose::Welcome, &actions.welcome_subscriber, price_cents),
            "new subscriber recorded".to_string(),
        ),
        EventKind::Purchase { price_cents, .. } => (
            None,
            format!("purchase of ${} recorded", money(price_cents)),
        ),
        EventKind::NewFollower => (None, "new follower recorded".into()),
        EventKind::MessageRead { .. } => (None, "read receipt: nothing to answer".into()),
        EventKind::MessageReceived(m) if m.from_creator => (
            None,
            "the creator's own message: kept in history, never answered".into(),
        ),
        EventKind::MessageReceived(_) => (None, "automated message: not answered".into()),
        // Decided by `Agent::follow_up`; here for completeness.
        EventKind::FollowUp { .. } => (None, "follow-up: decided on its own".into()),
        EventKind::SequenceStep { .. } => (None, "sequence step: decided on its own".into()),
        EventKind::Unknown { .. } => (None, "unknown event type: not processed".into()),
    }
}

/// Dollars and cents of an amount in cents ("0.00" when unknown).
fn money(cents: &Option<i64>) -> String {
    cents
        .map(|c| format!("{}.{:02}", c / 100, c % 100))
        .unwrap_or_else(|| "0.00".into())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{
        agent::testing::{self, CREATOR, FAN},
        config::Config,
        domain::{Event, Party},
    };

    fn row(store_id: i64, kind: EventKind) -> InboxRow {
        InboxRow {
            id: store_id,
            event: Event {
                dedupe_key: format!("e{store_id}"),
                creator: None,
                fan: Party::default(),
                timestamp: None,
                kind,
            },
            from_fan: false,
            received_at: 0,
        }
    }

    async fn accepted(agent: &Agent, kind: EventKind) -> InboxRow {
        let mut e = row(0, kind).event;
        e.fan.uuid = Some(FAN.into());
        e.fan.display_name = Some("Sam Fan".into());
        agent
            .store
            .accept_event(&e, Some(CREATOR), "test")
            .await
            .unwrap();
        let rows = agent.store.pending_for_chat(CREATOR, FAN).await.unwrap();
        rows.into_iter().next().expect("pending")
    }

    #[test]
    fn a_tip_calls_for_a_thank_you_naming_the_amount_and_a_purchase_only_for_a_record() {
        let actions = Config::default().actions;
        let tip = EventKind::Tip {
            context: None,
            post_uuid: None,
            message_uuid: None,
            price_cents: Some(1250),
        };
        let (action, reason) = event_action(&tip, &actions);
        let action = action.expect("a thank-you");
        assert_eq!(
            (action.purpose, action.amount.as_str()),
            (Purpose::Thanks, "12.50")
        );
        assert_eq!(action.template, actions.thank_tip);
        assert_eq!(reason, "tip of $12.50 recorded");
        let purchase = EventKind::Purchase {
            post_uuid: None,
            message_uuid: None,
            price_cents: None,
        };
        assert_eq!(
            event_action(&purchase, &actions),
            (None, "purchase of $0.00 recorded".to_string())
        );
    }

    #[tokio::test]
    async fn a_tip_queues_a_thank_you_and_is_decided_as_replied() {
        let mut cfg = Config::default();
        cfg.actions.thank_tip = "Thank you {{ fan_name }} for ${{ amount }}!".into();
        let (agent, _dir) = testing::agent(cfg.clone(), testing::Scripted::new(vec![])).await;
        let tip = EventKind::Tip {
            context: None,
            post_uuid: None,
            message_uuid: None,
            price_cents: Some(500),
        };
        let r = accepted(&agent, tip).await;
        let queued = agent
            .decide_other(&testing::job(&cfg), &r, false)
            .await
            .unwrap();
        assert!(queued);
        let open = agent.store.open_outbox(CREATOR).await.unwrap();
        assert_eq!(open[0].text.as_deref(), Some("Thank you Sam for $5.00!"));
        let decided = testing::decisions(&agent.store).await;
        assert_eq!(
            decided[0],
            (
                "replied".into(),
                "tip of $5.00 recorded; thanks queued".into()
            )
        );
    }

    #[tokio::test]
    async fn a_follow_up_already_scheduled_is_not_sent_once_a_human_switched_them_off() {
        let cfg = Config::default();
        let (agent, _dir) = testing::agent(cfg.clone(), testing::Scripted::new(vec![])).await;
        let off = crate::store::fans::Switch::Followups;
        agent
            .store
            .set_fan_switch(CREATOR, testing::FAN, off, false, "cli:ann")
            .await
            .unwrap();
        let follow = EventKind::FollowUp {
            after_message_uuid: "c1".into(),
            quiet_secs: 7200,
        };
        let r = accepted(&agent, follow).await;
        let job = testing::job(&cfg);
        assert!(!agent.decide_other(&job, &r, false).await.unwrap());
        let decided = testing::decisions(&agent.store).await;
        assert_eq!(
            decided[0].1,
            "follow-up not sent: follow-ups are switched off for this fan"
        );
    }

    #[tokio::test]
    async fn a_follow_up_is_not_sent_when_the_fan_wrote_again() {
        let cfg = Config::default();
        let (agent, _dir) = testing::agent(cfg.clone(), testing::Scripted::new(vec![])).await;
        let follow = EventKind::FollowUp {
            after_message_uuid: "c1".into(),
            quiet_secs: 7200,
        };
        let r = accepted(&agent, follow).await;
        let queued = agent
            .decide_other(&testing::job(&cfg), &r, true)
            .await
            .unwrap();
        assert!(!queued);
        let decided = testing::decisions(&agent.store).await;
        assert_eq!(
            decided[0],
            (
                "skipped".into(),
                "follow-up not sent: the fan wrote again".into()
            )
        );
    }
}
