//! Stage 1, load context: what a job knows before it reads what the fan wrote. A chat's first job
//! reads it from Fanvue ([`super::history`]); then the checks that end a job early: the chat is
//! paused or was answered by hand, a reply is still waiting or going out, the messages were
//! already answered or are of a type never answered.

use super::{Agent, AgentError, Job, JobOutcome, Stage};
use crate::{
    domain::time::now_ms,
    domain::{time::parse_ms, Event, EventKind},
    fanvue::{types::MessageType, ApiError},
    store::{chats::StoredMessage, facts::FanFacts, fans::FanControls, inbox::InboxRow},
};
use std::{ops::ControlFlow, time::Duration};
use tracing::{info, warn};

/// The chat as the job answers it.
#[derive(Debug)]
pub struct Context {
    /// The inbox rows the job decides.
    pub ids: Vec<i64>,
    /// When the job read the chat (the reply's `context_at`).
    pub now: i64,
    pub facts: FanFacts,
    /// What Fanvue says the fan is worth (read by the fan-value stage; the stored value before).
    pub value: crate::domain::FanValue,
    /// What humans set for this fan (switches, instructions for the model).
    pub controls: FanControls,
    /// The stored conversation, oldest first.
    pub history: Vec<StoredMessage>,
    /// The uuids of the fan messages the job answers.
    pub pending: Vec<String>,
    /// When the oldest of them was sent.
    pub oldest_pending: Option<i64>,
    /// What the fan wrote in them, a message a line.
    pub fan_text: String,
    /// The first row's event (the fan's name as the webhook gave it).
    pub first: Event,
}

impl Agent {
    /// The chat as the job answers it, unless an early check decides the job.
    pub(super) async fn load_context(
        &self,
        job: &Job<'_>,
        rows: &[InboxRow],
    ) -> Result<Stage<Context>, AgentError> {
        let ids: Vec<i64> = rows.iter().map(|r| r.id).collect();
        let now = now_ms();
        let facts = self.store.fan_facts(job.creator, job.fan).await?;
        if let Some(why) = paused(facts.paused_until, now) {
            return self.skip(job, &ids, why).await.map(ControlFlow::Break);
        }
        let controls = self.store.fan_controls(job.creator, job.fan).await?;
        if let Some(why) = ai_switched_off(&controls) {
            return self.skip(job, &ids, why).await.map(ControlFlow::Break);
        }
        if let ControlFlow::Break(wait) = self.fold_waiting_replies(job).await? {
            return Ok(ControlFlow::Break(wait));
        }
        let limit = job.settings.agent.history_messages as i64;
        let history = self.store.history(job.creator, job.fan, limit).await?;
        let pending = pending_uuids(rows);
        let oldest_pending = oldest_sent(&history, &pending);
        if let Some(why) = self.taken_over(job, &history, oldest_pending, now).await? {
            return self.skip(job, &ids, why).await.map(ControlFlow::Break);
        }
        let newest_received = rows.iter().map(|r| r.received_at).max().unwrap_or(now);
        let context = self.store.last_reply_context(job.creator, job.fan).await?;
        if context.is_some_and(|c| c >= newest_received) {
            let why = "already answered: a reply drafted after these messages arrived was sent";
            return self.skip(job, &ids, why).await.map(ControlFlow::Break);
        }
        if let Some(why) = unanswerable(&history, &pending) {
            return self.skip(job, &ids, why).await.map(ControlFlow::Break);
        }
        Ok(ControlFlow::Continue(Context {
            ids,
            now,
            facts,
            value: Default::default(),
            controls,
            fan_text: fan_text(&history, &pending),
            history,
            pending,
            oldest_pending,
            first: rows[0].event.clone(),
        }))
    }

    /// A reply still waiting out its delay was drafted before these messages: it is dropped, and
    /// this job drafts one reply for everything the fan wrote. One already going out is waited
    /// for; these messages are then answered right after it.
    async fn fold_waiting_replies(&self, job: &Job<'_>) -> Result<Stage<()>, AgentError> {
        if !self.store.has_open_reply(job.creator, job.fan).await? {
            return Ok(ControlFlow::Continue(()));
        }
        let folded = self
            .store
            .fold_waiting_replies(job.creator, job.fan)
            .await?;
        if folded > 0 {
            info!(
                folded,
                "the fan wrote again while a reply waited: folding it into a new one"
            );
        }
        if self.store.has_open_reply(job.creator, job.fan).await? {
            return Ok(ControlFlow::Break(JobOutcome::Retry(Duration::from_secs(
                1,
            ))));
        }
        Ok(ControlFlow::Continue(()))
    }

    /// Why the job is skipped when the creator answered by hand (see [`by_hand`]): the chat is
    /// then paused for the takeover time, counted from the creator's message.
    async fn taken_over(
        &self,
        job: &Job<'_>,
        history: &[StoredMessage],
        oldest_pending: Option<i64>,
        now: i64,
    ) -> Result<Option<String>, AgentError> {
        let ours = self
            .store
            .sent_message_uuids(job.creator, job.fan, false)
            .await?;
        let takeover_ms = job.settings.agent.human_takeover_secs as i64 * 1000;
        let Some(m) = by_hand(history, &ours, oldest_pending, now, takeover_ms) else {
            return Ok(None);
        };
        let from = m
            .sent_at
            .as_deref()
            .and_then(parse_ms)
            .unwrap_or(now)
            .min(now);
        let until = from + takeover_ms;
        self.store.pause_fan(job.creator, job.fan, until).await?;
        let why = format!(
            "the creator answered by hand (message {}); chat paused for {} s",
            m.uuid,
            (until - now) / 1000
        );
        info!("{why}");
        Ok(Some(why))
    }

    /// Whether this job reads the chat before deciding: it will answer the fan or send something
    /// (a thank-you, a welcome, a follow-up), and is not about to wait (a reply still in flight)
    /// or be skipped (the chat is paused).
    pub(super) async fn reads_first(
        &self,
        job: &Job<'_>,
        rows: &[InboxRow],
    ) -> Result<bool, AgentError> {
        if !rows.iter().any(sends_something)
            || self.store.has_open_reply(job.creator, job.fan).await?
        {
            return Ok(false);
        }
        // With the check before sending, a chat already read is read again only then (one read
        // per reply, shared per creator): the read before drafting is for a chat's first time.
        if job.settings.agent.confirm_before_send
            && self
                .store
                .history_read_at(job.creator, job.fan)
                .await?
                .is_some()
        {
            return Ok(false);
        }
        let paused = self
            .store
            .fan_facts(job.creator, job.fan)
            .await?
            .paused_until;
        Ok(paused.is_none_or(|u| u <= now_ms()))
    }

    /// Reads the chat before the job decides, so it knows every fan message up to the newest one
    /// (see [`super::history`]). Breaks with the job's outcome when the read must be tried again.
    pub(super) async fn catch_up(&self, job: &Job<'_>, started: i64) -> Stage<()> {
        let size = job.settings.agent.history_messages.clamp(1, 50);
        let api = self.apis.get(job.creator);
        let read = self
            .history
            .catch_up(&self.store, &api, job.creator, job.fan, size, started);
        match read.await {
            Ok(0) => {}
            Ok(n) => info!(found = n, "the chat held fan messages no webhook brought"),
            Err(e) if e.is_retryable() || matches!(e, ApiError::PauseCreator { .. }) => {
                warn!(error = %e, "cannot read the chat; retrying later");
                return ControlFlow::Break(JobOutcome::Retry(super::retry_after(&e)));
            }
            Err(e) => warn!(error = %e, "cannot read the chat; answering from what is stored"),
        }
        ControlFlow::Continue(())
    }
}

/// Whether answering this row may send something (so the chat is read first).
fn sends_something(r: &InboxRow) -> bool {
    r.from_fan
        || matches!(
            r.event.kind,
            EventKind::Tip { .. }
                | EventKind::NewSubscriber { .. }
                | EventKind::FollowUp { .. }
                | EventKind::SequenceStep { .. }
        )
}

/// Why a paused chat is not answered (`None`: not paused at `now`).
pub fn paused(paused_until: Option<i64>, now: i64) -> Option<String> {
    let until = paused_until.filter(|u| *u > now)?;
    Some(if until == i64::MAX {
        "the chat is paused by the operator (`fanvue-agent resume`)".to_string()
    } else {
        format!(
            "the creator took this chat over by hand; the agent is paused for {} more s",
            (until - now) / 1000
        )
    })
}

/// Why a fan whose AI replies a human switched off is not answered (`None`: switched on).
pub fn ai_switched_off(c: &FanControls) -> Option<String> {
    c.ai_off.then(|| {
        let by = c.updated_by.as_deref().unwrap_or("a human");
        format!("AI replies are switched off for this fan (by {by}); a human answers them")
    })
}

/// The uuids of the fan messages among `rows`.
fn pending_uuids(rows: &[InboxRow]) -> Vec<String> {
    rows.iter()
        .filter_map(|r| match &r.event.kind {
            EventKind::MessageReceived(m) => Some(m.message_uuid.as_str().to_string()),
            _ => None,
        })
        .collect()
}

/// The stored messages among `pending`.
fn pending_in<'a>(
    history: &'a [StoredMessage],
    pending: &'a [String],
) -> impl Iterator<Item = &'a StoredMessage> {
    history.iter().filter(|m| pending.contains(&m.uuid))
}

/// When the oldest of the `pending` messages was sent.
fn oldest_sent(history: &[StoredMessage], pending: &[String]) -> Option<i64> {
    pending_in(history, pending)
        .filter_map(|m| m.sent_at.as_deref().and_then(parse_ms))
        .min()
}

/// What the fan wrote in the `pending` messages, a message a line.
fn fan_text(history: &[StoredMessage], pending: &[String]) -> String {
    pending_in(history, pending)
        .filter_map(|m| m.text.as_deref())
        .collect::<Vec<_>>()
        .join("\n")
}

/// Why the job is skipped when every pending message is of a type never answered (a tip
/// message, a PPV purchase notice...).
pub fn unanswerable(history: &[StoredMessage], pending: &[String]) -> Option<String> {
    let found: Vec<&StoredMessage> = pending_in(history, pending)
        .filter(|m| {
            m.msg_type
                .as_deref()
                .is_some_and(|t| !MessageType::parse(t).is_answerable())
        })
        .collect();
    (!found.is_empty() && found.len() == pending.len()).then(|| {
        format!(
            "message type {} is not answered",
            found[0].msg_type.as_deref().unwrap_or("?")
        )
    })
}

/// The creator's newest message written by hand (not one we sent, not an automation) that means
/// a human has this chat: written after the oldest fan message the job answers, or less than the
/// takeover time ago (a creator who answered by hand is not talked over on the fan's next message).
pub fn by_hand<'a>(
    history: &'a [StoredMessage],
    ours: &[String],
    oldest_pending: Option<i64>,
    now: i64,
    takeover_ms: i64,
) -> Option<&'a StoredMessage> {
    history.iter().rev().find(|m| {
        let at = m.sent_at.as_deref().and_then(parse_ms);
        m.from_creator
            && !ours.iter().any(|u| u.eq_ignore_ascii_case(&m.uuid))
            && m.msg_type
                .as_deref()
                .is_none_or(|t| MessageType::parse(t).is_answerable())
            && (at >= oldest_pending.or(Some(i64::MAX))
                || at.is_some_and(|t| t + takeover_ms > now))
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{
        agent::testing::{self, fan_writes, message, CREATOR, FAN},
        config::Config,
    };

    #[test]
    fn a_chat_paused_by_the_operator_says_how_to_resume_and_a_takeover_how_long_is_left() {
        assert_eq!(paused(None, 1000), None);
        assert_eq!(paused(Some(999), 1000), None, "a pause that ended");
        assert!(paused(Some(i64::MAX), 0)
            .unwrap()
            .contains("`fanvue-agent resume`"));
        let left = paused(Some(61_000), 1000).unwrap();
        assert!(left.contains("paused for 60 more s"), "{left}");
    }

    #[test]
    fn a_creator_message_after_the_fans_is_by_hand_but_one_we_sent_is_not() {
        let fan = message("f1", false, "hi", "2024-01-01T00:00:00Z");
        let ours = message("c1", true, "hey you", "2024-01-01T00:01:00Z");
        let theirs = message("c2", true, "it's me", "2024-01-01T00:02:00Z");
        let oldest = parse_ms("2024-01-01T00:00:00Z");
        let now = parse_ms("2024-01-02T00:00:00Z").unwrap();
        let history = vec![fan.clone(), ours.clone()];
        assert_eq!(by_hand(&history, &["C1".into()], oldest, now, 1000), None);
        let history = vec![fan, ours, theirs];
        let found = by_hand(&history, &["c1".into()], oldest, now, 1000);
        assert_eq!(found.map(|m| m.uuid.as_str()), Some("c2"));
    }

    #[test]
    fn a_creator_message_before_the_fans_is_by_hand_only_within_the_takeover_time() {
        let theirs = message("c1", true, "brb", "2024-01-01T00:00:00Z");
        let fan = message("f1", false, "ok", "2024-01-01T00:05:00Z");
        let oldest = parse_ms("2024-01-01T00:05:00Z");
        let sent = parse_ms("2024-01-01T00:00:00Z").unwrap();
        let history = vec![theirs, fan];
        let within = by_hand(&history, &[], oldest, sent + 10_000, 60_000);
        assert!(within.is_some());
        assert_eq!(by_hand(&history, &[], oldest, sent + 120_000, 60_000), None);
    }

    #[test]
    fn only_a_job_whose_every_message_is_of_an_unanswered_type_is_unanswerable() {
        let mut tip = message("f1", false, "", "2024-01-01T00:00:00Z");
        tip.msg_type = Some("TIP".into());
        let text = message("f2", false, "hi", "2024-01-01T00:00:01Z");
        let both: Vec<String> = vec!["f1".into(), "f2".into()];
        assert_eq!(unanswerable(&[tip.clone(), text.clone()], &both), None);
        let why = unanswerable(&[tip, text], &["f1".into()]).unwrap();
        assert_eq!(why, "message type TIP is not answered");
    }

    #[test]
    fn what_the_fan_wrote_is_their_pending_messages_a_line_each_and_dated_by_the_oldest() {
        let history = vec![
            message("f0", false, "earlier", "2024-01-01T00:00:00Z"),
            message("c0", true, "reply", "2024-01-01T00:00:30Z"),
            message("f1", false, "hi", "2024-01-01T00:01:00Z"),
            message("f2", false, "you there?", "2024-01-01T00:02:00Z"),
        ];
        let pending: Vec<String> = vec!["f2".into(), "f1".into()];
        assert_eq!(fan_text(&history, &pending), "hi\nyou there?");
        assert_eq!(
            oldest_sent(&history, &pending),
            parse_ms("2024-01-01T00:01:00Z")
        );
    }

    #[tokio::test]
    async fn the_context_holds_what_the_fan_wrote_and_the_rows_it_decides() {
        let cfg = Config::default();
        let (agent, _dir) = testing::agent(cfg.clone(), testing::Scripted::new(vec![])).await;
        let a = fan_writes(&agent.store, "m1", "hi there", "2024-01-01T00:00:00Z").await;
        let b = fan_writes(&agent.store, "m2", "how are you", "2024-01-01T00:00:05Z").await;
        let job = testing::job(&cfg);
        let ctx = match agent
            .load_context(&job, &[a.clone(), b.clone()])
            .await
            .unwrap()
        {
            ControlFlow::Continue(ctx) => ctx,
            ControlFlow::Break(o) => panic!("decided early: {o:?}"),
        };
        assert_eq!(ctx.ids, vec![a.id, b.id]);
        assert_eq!(ctx.fan_text, "hi there\nhow are you");
        assert_eq!(ctx.oldest_pending, parse_ms("2024-01-01T00:00:00Z"));
        assert_eq!(ctx.history.len(), 2);
        assert!(
            testing::decisions(&agent.store).await.is_empty(),
            "nothing decided"
        );
    }

    #[tokio::test]
    async fn a_chat_paused_by_the_operator_is_skipped_before_its_history_is_read() {
        let cfg = Config::default();
        let (agent, _dir) = testing::agent(cfg.clone(), testing::Scripted::new(vec![])).await;
        let row = fan_writes(&agent.store, "m1", "hi", "2024-01-01T00:00:00Z").await;
        agent.store.pause_fan(CREATOR, FAN, i64::MAX).await.unwrap();
        let step = agent
            .load_context(&testing::job(&cfg), &[row])
            .await
            .unwrap();
        assert!(matches!(
            step,
            ControlFlow::Break(JobOutcome::Done { queued: false })
        ));
        let decided = testing::decisions(&agent.store).await;
        assert_eq!(decided.len(), 1);
        assert_eq!(decided[0].0, "skipped");
        assert!(
            decided[0].1.contains("paused by the operator"),
            "{decided:?}"
        );
    }

    #[tokio::test]
    async fn a_fan_whose_ai_a_human_switched_off_is_skipped_with_that_reason() {
        let cfg = Config::default();
        let (agent, _dir) = testing::agent(cfg.clone(), testing::Scripted::new(vec![])).await;
        let row = fan_writes(&agent.store, "m1", "hi", "2024-01-01T00:00:00Z").await;
        let ai = crate::store::fans::Switch::Ai;
        agent
            .store
            .set_fan_switch(CREATOR, FAN, ai, false, "console:ann")
            .await
            .unwrap();
        let step = agent
            .load_context(&testing::job(&cfg), &[row])
            .await
            .unwrap();
        assert!(matches!(
            step,
            ControlFlow::Break(JobOutcome::Done { queued: false })
        ));
        let decided = testing::decisions(&agent.store).await;
        assert_eq!(decided[0].0, "skipped");
        assert_eq!(
            decided[0].1,
            "AI replies are switched off for this fan (by console:ann); a human answers them"
        );
    }

    #[tokio::test]
    async fn a_creator_who_wrote_by_hand_after_the_fan_pauses_the_chat_and_the_job_is_skipped() {
        let cfg = Config::default();
        let (agent, _dir) = testing::agent(cfg.clone(), testing::Scripted::new(vec![])).await;
        let row = fan_writes(&agent.store, "m1", "hi", "2024-01-01T00:00:00Z").await;
        let by_hand = message("c1", true, "it's me!", "2024-01-01T00:00:10Z");
        agent
            .store
            .insert_message(CREATOR, &by_hand, "test")
            .await
            .unwrap();
        let step = agent
            .load_context(&testing::job(&cfg), &[row])
            .await
            .unwrap();
        assert!(matches!(
            step,
            ControlFlow::Break(JobOutcome::Done { queued: false })
        ));
        let decided = testing::decisions(&agent.store).await;
        assert!(
            decided[0].1.contains("answered by hand (message c1)"),
            "{decided:?}"
        );
        let facts = agent.store.fan_facts(CREATOR, FAN).await.unwrap();
        assert!(facts.paused_until.is_some(), "the chat is paused");
    }
}
