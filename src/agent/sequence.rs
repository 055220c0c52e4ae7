//! A due sequence step (queued by `sequences::Scheduler`): sent unless something stops it now:
//! the operator switched the fan's AI or follow-ups off, the fan wrote since the sequence
//! started, the chat is paused (by the operator or a takeover),
//! Fanvue refused the fan as not contactable, an `expiring` or `expired` step no longer fits the
//! fan's subscription (it renews, or the fan subscribed again), sequences are off, or the step is
//! no longer configured. Safety marks are checked with every other automatic message (`events`).

use super::{events::Action, Agent, AgentError, Job};
use crate::{
    config::Trigger,
    domain::{time::now_ms, FanStatus, Purpose},
};

/// What a `sequence_step` event says.
pub struct StepEvent<'a> {
    pub sequence: &'a str,
    pub step: u32,
    pub trigger_at: i64,
    pub send_at: i64,
}

impl Agent {
    /// The message of step `e`, or why none is sent.
    pub(super) async fn sequence_step(
        &self,
        job: &Job<'_>,
        e: &StepEvent<'_>,
        fan_wrote: bool,
    ) -> Result<(Option<Action>, String), AgentError> {
        let name = format!("sequence {} step {}", e.sequence, e.step + 1);
        let q = &job.settings.sequences;
        let seq = q.list.iter().find(|s| s.name == e.sequence);
        let step = seq.and_then(|s| s.steps.get(e.step as usize));
        let texts: Vec<&String> = step
            .map(|s| s.texts.iter().filter(|t| !t.trim().is_empty()).collect())
            .unwrap_or_default();
        let controls = self.store.fan_controls(job.creator, job.fan).await?;
        let why = if controls.ai_off || controls.followups_off {
            Some("the operator switched automatic messages to this fan off".to_string())
        } else if fan_wrote
            || self
                .store
                .fan_wrote_since(job.creator, job.fan, e.trigger_at)
                .await?
        {
            Some("the fan wrote since it started".to_string())
        } else if let Some(p) = super::context::paused(
            self.store
                .fan_facts(job.creator, job.fan)
                .await?
                .paused_until,
            now_ms(),
        ) {
            Some(p)
        } else if !self.store.contactable(job.creator, job.fan).await?
            || self
                .store
                .refused_as_not_contactable(job.creator, job.fan)
                .await?
        {
            Some("Fanvue refused this fan as not contactable".into())
        } else if let Some(w) = self.subscription_moved(job, seq, now_ms()).await? {
            Some(w)
        } else if !q.enabled {
            Some("sequences are off".into())
        } else if texts.is_empty() {
            Some("the step is no longer configured".into())
        } else {
            None
        };
        if let Some(w) = why {
            return Ok((None, format!("{name} not sent: {w}")));
        }
        let n = crate::config::variant(job.fan, e.sequence, texts.len());
        let action = Action {
            purpose: Purpose::Sequence,
            template: texts[n].clone(),
            amount: String::new(),
            send_at: Some(e.send_at),
            personalise: seq.is_some_and(|s| s.personalise),
        };
        let of = seq.map_or(0, |s| s.steps.len());
        Ok((Some(action), format!("{name} of {of} (variant {})", n + 1)))
    }

    /// Why an `expiring` or `expired` step no longer fits what Fanvue last said of the fan's
    /// subscription: it renews after all, or already ended; the fan subscribed again.
    async fn subscription_moved(
        &self,
        job: &Job<'_>,
        seq: Option<&crate::config::SequenceConfig>,
        now: i64,
    ) -> Result<Option<String>, AgentError> {
        let Some(trigger) = seq.map(|q| q.trigger).filter(|t| t.reads_subscriptions()) else {
            return Ok(None);
        };
        let v = self.store.fan_value(job.creator, job.fan).await?;
        let ends = v
            .renews_at
            .as_deref()
            .and_then(crate::store::sequences::unix_ms);
        Ok(match trigger {
            Trigger::Expiring if v.auto_renew == Some(true) => {
                Some("the subscription renews by itself now".into())
            }
            Trigger::Expiring
                if v.status != FanStatus::Subscriber || ends.is_none_or(|e| e <= now) =>
            {
                Some("the subscription is no longer about to end".into())
            }
            Trigger::Expired if v.status == FanStatus::Subscriber => {
                Some("the fan subscribed again".into())
            }
            _ => None,
        })
    }
}
