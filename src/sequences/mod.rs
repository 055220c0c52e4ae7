//! Messages on a schedule, one loop per creator: welcome sequences (new subscribers, new
//! followers), win-back sequences (fans quiet for a while, by segment) and the one follow-up
//! after our own message ([`followup`]).
//!
//! A due step becomes an inbox event (`sequence_step`, its dedupe key naming creator, sequence,
//! what started it and the step), so it is queued once ever, survives restarts, and is decided by
//! the agent like any event: one decision row, the outbox, the check before sending. The
//! scheduler only admits what the creator's caps allow: a daily cap, one message per fan per
//! gap, none in the quiet hours, and a pace within `budget_share` of the rate budget (each
//! message costs up to two requests: the check before sending and the send), so replies keep the
//! rest. The agent re-checks the fan (wrote since, paused, marked, refused as not contactable)
//! when it decides.
//!
//! Sends are individual (`POST /chats/{fan}/message`), not Fanvue's mass message
//! (`POST /chats/mass-messages`): a mass message goes to whole lists, so it cannot leave out a
//! paused or marked fan, stop for a fan who just wrote, carry a decision row per fan, or be
//! reconciled per fan after a timeout.

pub mod followup;
pub mod subscriptions;

use crate::{
    config::{CreatorSettings, LiveConfig, SequenceConfig, Trigger},
    dispatcher::{DispatcherHandle, Wake},
    domain::time::now_ms,
    domain::{Event, EventKind, Party},
    fanvue::Apis,
    store::{inbox::Accepted, sequences::Start, Store, StoreError},
};
use followup::{in_quiet_hours, FollowUps};
use std::{collections::HashMap, sync::Arc, time::Duration};
use tokio_util::sync::CancellationToken;
use tracing::{info, warn};

const DAY_MS: i64 = 86_400_000;
/// The shortest time between two subscription reads of a creator.
const READ_EVERY_SECS: u64 = 10;
/// A welcome step this late (the daemon was down) is no longer sent.
const STALE_MS: i64 = 3 * DAY_MS;
/// How far back queued steps are remembered (the longest gap between two steps it supports).
const MEMORY_MS: i64 = 180 * DAY_MS;

/// One step due for one fan.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Due {
    pub fan: String,
    pub sequence: String,
    pub step: u32,
    /// A fan message after this (unix ms) stops the sequence.
    pub trigger_at: i64,
    pub due_at: i64,
    pub dedupe_key: String,
}

/// A due step admitted now, leaving no earlier than `send_at`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Admitted {
    pub due: Due,
    pub send_at: i64,
}

#[derive(Clone)]
pub struct Scheduler {
    pub store: Store,
    pub cfg: LiveConfig,
    pub dispatcher: DispatcherHandle,
    /// For the subscription reads of the `expiring` and `expired` sequences.
    pub apis: Arc<Apis>,
}

impl Scheduler {
    /// Checks `creator`'s follow-ups and sequences until shutdown, at the shorter of their
    /// intervals (read at start); each check reads the config in force.
    pub async fn run(self, creator: String, shutdown: CancellationToken) {
        let every = {
            let cfg = self.cfg.get();
            cfg.followup
                .check_every_secs
                .min(cfg.sequences.check_every_secs)
                .max(1)
        };
        let mut last_read: Option<std::time::Instant> = None;
        loop {
            tokio::select! {
                _ = shutdown.cancelled() => return,
                _ = tokio::time::sleep(Duration::from_secs(every)) => {},
            }
            let settings = self.cfg.get().creator_settings(&creator);
            // Subscriptions are read at most every READ_EVERY_SECS (or the check, if longer):
            // two list reads a second would eat the budget the steps need.
            let read_every = every.max(READ_EVERY_SECS);
            if subscriptions::wanted(&settings)
                && last_read.is_none_or(|t| t.elapsed() >= Duration::from_secs(read_every))
            {
                last_read = Some(std::time::Instant::now());
                self.read_subscriptions(&settings, read_every).await;
            }
            self.check(&settings, every).await;
        }
    }

    /// One check of both kinds; failures are logged and retried at the next check.
    async fn check(&self, s: &CreatorSettings, every_secs: u64) {
        let follow = FollowUps {
            store: self.store.clone(),
            dispatcher: self.dispatcher.clone(),
        };
        match follow.check_once(s).await {
            Ok(0) => {}
            Ok(n) => info!(creator = %s.handle, fans = n, "follow-ups queued"),
            Err(e) => warn!(creator = %s.handle, error = %e, "follow-up check failed"),
        }
        match self.queue_due(s, now_ms(), every_secs).await {
            Ok(0) => {}
            Ok(n) => info!(creator = %s.handle, steps = n, "sequence steps queued"),
            Err(e) => warn!(creator = %s.handle, error = %e, "sequence check failed"),
        }
    }

    /// Reads the subscriptions the `expiring` and `expired` sequences start from, spending at
    /// most half of the sequences' share of the rate budget over `every_secs` (the steps need
    /// the rest); a failure is logged and the check goes on with what the store knows.
    async fn read_subscriptions(&self, s: &CreatorSettings, every_secs: u64) {
        let share = s.rate_limit_per_minute as f64 * s.sequences.budget_share;
        let max_calls = ((share * every_secs as f64 / 60.0 / 2.0).floor() as usize).max(3);
        let api = self.apis.get(&s.handle);
        match subscriptions::refresh(&self.store, &api, s, now_ms(), max_calls).await {
            Ok(r) if r.fans_read > 0 => {
                info!(creator = %s.handle, fans = r.fans_read, calls = r.calls, "subscriptions read")
            }
            Ok(_) => {}
            Err(e) => warn!(creator = %s.handle, error = %e, "cannot read subscriptions"),
        }
    }

    /// Queues the steps the caps admit at `now` as inbox events and wakes their chats. Returns
    /// how many were new.
    pub async fn queue_due(
        &self,
        s: &CreatorSettings,
        now: i64,
        every_secs: u64,
    ) -> Result<usize, StoreError> {
        let Some(uuid) = self.store.creator(&s.handle).await?.and_then(|c| c.uuid) else {
            return Ok(0);
        };
        let mut queued = 0;
        for a in admitted(&self.store, s, now, every_secs).await? {
            let event = step_event(&a, uuid.as_str());
            let accepted = self
                .store
                .accept_event(&event, Some(&s.handle), "schedule")
                .await?;
            let m = crate::metrics::metrics();
            m.accepted(
                event.kind.name(),
                "schedule",
                accepted.as_str(),
                Some(&s.handle),
            );
            if let Accepted::New { .. } = accepted {
                queued += 1;
                self.dispatcher.wake(Wake {
                    creator: s.handle.clone(),
                    fan: a.due.fan,
                    fan_message: false,
                });
            }
        }
        Ok(queued)
    }
}

/// What a check at `now` would queue: the due steps the caps admit, paced (the dry run prints
/// exactly this).
pub async fn admitted(
    store: &Store,
    s: &CreatorSettings,
    now: i64,
    every_secs: u64,
) -> Result<Vec<Admitted>, StoreError> {
    let q = &s.sequences;
    let hour = s
        .active_hours
        .local_hour(jiff::Timestamp::from_millisecond(now).unwrap_or_default());
    if !q.enabled || !s.enabled || in_quiet_hours(hour, q.quiet_hours_start, q.quiet_hours_end) {
        return Ok(vec![]);
    }
    let queued = store.queued_steps(&s.handle, now - MEMORY_MS).await?;
    let due = due_steps(store, s, now, &queued).await?;
    Ok(admit(due, &queued, s, now, every_secs))
}

/// Every step due at `now` for which nothing stops it yet, oldest first.
async fn due_steps(
    store: &Store,
    s: &CreatorSettings,
    now: i64,
    queued: &HashMap<String, (String, i64)>,
) -> Result<Vec<Due>, StoreError> {
    let mut due = vec![];
    for seq in &s.sequences.list {
        for start in starts(store, &s.handle, seq, now).await? {
            if !seq.segment.contains(start.spend_cents, start.subscribed) {
                continue;
            }
            let Some(d) = next_step(&s.handle, seq, &start, queued, now) else {
                continue;
            };
            // A welcome stops when the fan writes (a win-back's silence ends by itself).
            let stopped = seq.trigger != Trigger::Quiet
                && store
                    .fan_wrote_since(&s.handle, &start.fan, d.trigger_at)
                    .await?;
            if !stopped {
                due.push(d);
            }
        }
    }
    due.sort_by_key(|d| (d.due_at, d.fan.clone()));
    Ok(due)
}

/// What may start `seq` at `now`: its webhook events (recent enough), fans' silences, or
/// subscriptions about to end or just ended (as the last subscription read found them).
async fn starts(
    store: &Store,
    creator: &str,
    seq: &SequenceConfig,
    now: i64,
) -> Result<Vec<Start>, StoreError> {
    let longest = seq.steps.iter().map(|s| s.after_secs).max().unwrap_or(0);
    let recent = now - longest as i64 * 1000 - STALE_MS;
    match (seq.trigger, seq.trigger.event_kind()) {
        (_, Some(kind)) => store.sequence_starts(creator, kind, recent).await,
        (Trigger::Expiring, None) => {
            store
                .expiring_subscriptions(creator, now, seq.before_secs as i64 * 1000)
                .await
        }
        (Trigger::Expired, None) => store.expired_subscriptions(creator, recent).await,
        _ => {
            store
                .fan_silences(creator, now - seq.quiet_secs as i64 * 1000)
                .await
        }
    }
}

/// The first step of `seq` not yet queued for `start`, if it is due at `now`. Step k is due
/// `after_secs` after the trigger, and never sooner after step k-1 than their `after_secs` apart
/// (a win-back found late still spaces its steps).
fn next_step(
    creator: &str,
    seq: &SequenceConfig,
    start: &Start,
    queued: &HashMap<String, (String, i64)>,
    now: i64,
) -> Option<Due> {
    let key = |k: usize| format!("seq:{creator}:{}:{}:{k}", seq.name, start.anchor);
    let k = (0..seq.steps.len()).find(|k| !queued.contains_key(&key(*k)))?;
    let begins = start.at + seq.quiet_secs as i64 * 1000 * i64::from(seq.trigger == Trigger::Quiet);
    let after = |k: usize| seq.steps[k].after_secs as i64 * 1000;
    let mut due_at = begins + after(k);
    if k > 0 {
        let previous = queued.get(&key(k - 1)).map(|(_, at)| *at).unwrap_or(begins);
        due_at = due_at.max(previous + after(k) - after(k - 1));
    }
    let stale = seq.trigger != Trigger::Quiet && now - due_at > STALE_MS;
    // A fan message in the very millisecond a webhook arrived may be after it: it stops a welcome
    // (the safe side). A silence starts with the fan's own message, which must not stop it.
    let trigger_at = match seq.trigger {
        Trigger::Quiet => start.at,
        _ => start.at - 1,
    };
    (due_at <= now && !stale).then(|| Due {
        fan: start.fan.clone(),
        sequence: seq.name.clone(),
        step: k as u32,
        trigger_at,
        due_at,
        dedupe_key: key(k),
    })
}

/// The due steps the caps admit now, each with the time it may leave: under the daily cap, one
/// per fan per gap (and per check), at most a check's share of the rate budget, spaced evenly.
pub fn admit(
    due: Vec<Due>,
    queued: &HashMap<String, (String, i64)>,
    s: &CreatorSettings,
    now: i64,
    every_secs: u64,
) -> Vec<Admitted> {
    let q = &s.sequences;
    let today = queued.values().filter(|(_, at)| *at > now - DAY_MS).count();
    let room = (q.max_per_day as usize).saturating_sub(today);
    // Each message costs up to two requests (the check before sending, the send).
    let per_minute = (s.rate_limit_per_minute as f64 * q.budget_share / 2.0).max(0.01);
    let per_check = ((per_minute * every_secs as f64 / 60.0).floor() as usize).max(1);
    let spacing = (60_000.0 / per_minute) as i64;
    let mut last: HashMap<&str, i64> = HashMap::new();
    for (fan, at) in queued.values() {
        let e = last.entry(fan.as_str()).or_insert(*at);
        *e = (*e).max(*at);
    }
    let mut out: Vec<Admitted> = vec![];
    for d in due {
        if out.len() >= room.min(per_check) {
            break;
        }
        let gap_ok = last
            .get(d.fan.as_str())
            .is_none_or(|t| now - t >= q.fan_gap_ms);
        if !gap_ok || out.iter().any(|a| a.due.fan == d.fan) {
            continue;
        }
        let send_at = now + spacing * out.len() as i64;
        out.push(Admitted { due: d, send_at });
    }
    out
}

/// The inbox event of an admitted step.
fn step_event(a: &Admitted, creator_uuid: &str) -> Event {
    Event {
        dedupe_key: a.due.dedupe_key.clone(),
        creator: Some(creator_uuid.into()),
        fan: Party {
            uuid: Some(a.due.fan.as_str().into()),
            ..Default::default()
        },
        timestamp: None,
        kind: EventKind::SequenceStep {
            sequence: a.due.sequence.clone(),
            step: a.due.step,
            trigger_at: a.due.trigger_at,
            send_at: a.send_at,
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{
        agent::testing::{self, CREATOR, FAN},
        agent::Agent,
        config::{Config, CreatorConfig, Segment, SequenceConfig, Step},
        store::testing::event,
    };

    const HOUR: i64 = 3_600_000;

    fn welcome(trigger: Trigger, steps: &[u64]) -> SequenceConfig {
        SequenceConfig {
            name: "welcome".into(),
            trigger,
            segment: Segment::All,
            quiet_secs: 0,
            before_secs: 0,
            personalise: false,
            steps: steps
                .iter()
                .map(|s| Step {
                    after_secs: *s,
                    texts: vec!["Hi {{ fan_name }}!".into(), "Hey {{ fan_name }}!".into()],
                })
                .collect(),
        }
    }

    fn config(list: Vec<SequenceConfig>) -> Config {
        let mut cfg = Config::default();
        cfg.creators
            .insert(CREATOR.into(), CreatorConfig::default());
        cfg.sequences.enabled = true;
        cfg.sequences.quiet_hours_start = 0;
        cfg.sequences.quiet_hours_end = 0;
        cfg.sequences.list = list;
        cfg
    }

    async fn setup(cfg: &Config) -> (Agent, Scheduler, tempfile::TempDir) {
        let (agent, dir) = testing::agent(cfg.clone(), testing::Scripted::new(vec![])).await;
        sqlx::query("UPDATE creators SET uuid = 'c-uuid', status = 'active' WHERE handle = ?")
            .bind(CREATOR)
            .execute(agent.store.writer())
            .await
            .unwrap();
        let (dispatcher, rx) = crate::dispatcher::channel();
        std::mem::forget(rx);
        let scheduler = Scheduler {
            store: agent.store.clone(),
            cfg: LiveConfig::new(std::sync::Arc::new(cfg.clone())),
            dispatcher,
            apis: agent.apis.clone(),
        };
        (agent, scheduler, dir)
    }

    async fn subscribes(agent: &Agent, fan: &str) {
        let e = event(
            &format!("sub-{fan}"),
            fan,
            EventKind::NewSubscriber { price_cents: None },
        );
        agent
            .store
            .accept_event(&e, Some(CREATOR), "test")
            .await
            .unwrap();
    }

    async fn steps_queued(agent: &Agent) -> Vec<(String, String)> {
        sqlx::query_as(
            "SELECT fan_uuid, dedupe_key FROM inbox WHERE kind = 'sequence_step' ORDER BY id",
        )
        .fetch_all(agent.store.reader())
        .await
        .unwrap()
    }

    #[tokio::test]
    async fn a_welcome_step_is_queued_once_when_due_even_across_a_restart() {
        let cfg = config(vec![welcome(Trigger::NewSubscriber, &[3600, 86_400])]);
        let (agent, scheduler, dir) = setup(&cfg).await;
        subscribes(&agent, FAN).await;
        let s = cfg.creator_settings(CREATOR);
        let now = now_ms();
        assert_eq!(
            scheduler.queue_due(&s, now, 300).await.unwrap(),
            0,
            "not due yet"
        );
        assert_eq!(
            scheduler.queue_due(&s, now + HOUR + 1, 300).await.unwrap(),
            1
        );
        assert_eq!(
            scheduler.queue_due(&s, now + HOUR + 2, 300).await.unwrap(),
            0
        );
        // A restart: a new store over the same file finds the step queued already.
        let reopened = Store::open(&dir.path().join("t.db")).await.unwrap();
        let again = Scheduler {
            store: reopened,
            ..scheduler.clone()
        };
        assert_eq!(again.queue_due(&s, now + HOUR + 3, 300).await.unwrap(), 0);
        let queued = steps_queued(&agent).await;
        assert_eq!(queued.len(), 1);
        assert!(queued[0].1.ends_with(":0"), "{queued:?}");
    }

    #[tokio::test]
    async fn a_welcome_stops_when_the_fan_writes() {
        let cfg = config(vec![welcome(Trigger::NewSubscriber, &[60])]);
        let (agent, scheduler, _dir) = setup(&cfg).await;
        subscribes(&agent, FAN).await;
        testing::fan_writes(&agent.store, "m1", "hi!", "2026-12-01T10:00:00Z").await;
        let s = cfg.creator_settings(CREATOR);
        let later = now_ms() + HOUR;
        assert_eq!(scheduler.queue_due(&s, later, 300).await.unwrap(), 0);
        assert!(steps_queued(&agent).await.is_empty());
    }

    #[tokio::test]
    async fn a_queued_step_is_decided_once_and_queued_to_leave_at_its_paced_time() {
        let cfg = config(vec![welcome(Trigger::NewFollower, &[0])]);
        let (agent, scheduler, _dir) = setup(&cfg).await;
        let e = event("follow-1", FAN, EventKind::NewFollower);
        agent
            .store
            .accept_event(&e, Some(CREATOR), "test")
            .await
            .unwrap();
        let s = cfg.creator_settings(CREATOR);
        assert_eq!(
            scheduler.queue_due(&s, now_ms() + 1000, 300).await.unwrap(),
            1
        );
        agent.process_chat(&s, CREATOR, FAN, true).await.unwrap();
        let open = agent.store.open_outbox(CREATOR).await.unwrap();
        assert_eq!(open.len(), 1);
        assert_eq!(open[0].purpose, crate::domain::Purpose::Sequence);
        assert!(
            open[0].text.as_deref().unwrap().ends_with("there!"),
            "{:?}",
            open[0].text
        );
        let decided = testing::decisions(&agent.store).await;
        let replied: Vec<_> = decided.iter().filter(|d| d.0 == "replied").collect();
        assert_eq!(replied.len(), 1, "{decided:?}");
        assert!(replied[0]
            .1
            .starts_with("sequence welcome step 1 of 1 (variant "));
    }

    #[tokio::test]
    async fn a_paused_fan_gets_no_sequence_message_and_the_step_is_decided_skipped() {
        let cfg = config(vec![welcome(Trigger::NewFollower, &[0])]);
        let (agent, scheduler, _dir) = setup(&cfg).await;
        let e = event("follow-1", FAN, EventKind::NewFollower);
        agent
            .store
            .accept_event(&e, Some(CREATOR), "test")
            .await
            .unwrap();
        agent.store.pause_fan(CREATOR, FAN, i64::MAX).await.unwrap();
        let s = cfg.creator_settings(CREATOR);
        scheduler.queue_due(&s, now_ms() + 1000, 300).await.unwrap();
        agent.process_chat(&s, CREATOR, FAN, true).await.unwrap();
        assert!(agent.store.open_outbox(CREATOR).await.unwrap().is_empty());
        let decided = testing::decisions(&agent.store).await;
        assert!(
            decided.iter().any(|(o, r)| o == "skipped"
                && r.starts_with("sequence welcome step 1 not sent: the chat is paused")),
            "{decided:?}"
        );
    }

    #[tokio::test]
    async fn a_fan_the_operator_switched_off_gets_no_sequence_message() {
        let cfg = config(vec![welcome(Trigger::NewFollower, &[0])]);
        let (agent, scheduler, _dir) = setup(&cfg).await;
        let e = event("follow-1", FAN, EventKind::NewFollower);
        agent
            .store
            .accept_event(&e, Some(CREATOR), "test")
            .await
            .unwrap();
        let off = crate::store::fans::Switch::Followups;
        agent
            .store
            .set_fan_switch(CREATOR, FAN, off, false, "cli:test")
            .await
            .unwrap();
        let s = cfg.creator_settings(CREATOR);
        scheduler.queue_due(&s, now_ms() + 1000, 300).await.unwrap();
        agent.process_chat(&s, CREATOR, FAN, true).await.unwrap();
        assert!(agent.store.open_outbox(CREATOR).await.unwrap().is_empty());
        let decided = testing::decisions(&agent.store).await;
        assert!(
            decided
                .iter()
                .any(|(o, r)| o == "skipped" && r.contains("switched automatic messages")),
            "{decided:?}"
        );
    }

    #[tokio::test]
    async fn the_daily_cap_the_rate_budget_share_and_the_fan_gap_bound_what_is_queued() {
        let mut cfg = config(vec![welcome(Trigger::NewSubscriber, &[0, 60])]);
        cfg.sequences.max_per_day = 5;
        cfg.sequences.budget_share = 0.2;
        cfg.fanvue.rate_limit_per_minute = 100; // 10 messages a minute: 6 s apart
        let (agent, scheduler, _dir) = setup(&cfg).await;
        for i in 0..8 {
            subscribes(&agent, &format!("fan-{i}")).await;
        }
        let s = cfg.creator_settings(CREATOR);
        let now = now_ms() + 1000;
        // A 30 s check may use 5 messages of budget; all 8 fans are due.
        let first = admitted(&agent.store, &s, now, 30).await.unwrap();
        let gaps: Vec<i64> = first
            .windows(2)
            .map(|w| w[1].send_at - w[0].send_at)
            .collect();
        assert_eq!(first.len(), 5);
        assert!(gaps.iter().all(|g| *g == 6000), "{gaps:?}");
        assert_eq!(scheduler.queue_due(&s, now, 30).await.unwrap(), 5);
        // The daily cap (5) is used up: nothing more today, not even the other fans' first step.
        assert_eq!(scheduler.queue_due(&s, now + 120_000, 30).await.unwrap(), 0);
        // A day later the cap has room; the fans who had step 1 are within their gap (20 h) no
        // more, so step 2 and the other fans' step 1 compete for it.
        let next_day = now + 25 * HOUR;
        let later = admitted(&agent.store, &s, next_day, 30).await.unwrap();
        assert_eq!(later.len(), 5);
    }

    #[tokio::test]
    async fn nothing_is_queued_in_the_quiet_hours_of_the_creators_time_zone() {
        let mut cfg = config(vec![welcome(Trigger::NewSubscriber, &[0])]);
        cfg.sequences.quiet_hours_start = 22;
        cfg.sequences.quiet_hours_end = 9;
        cfg.active_hours.time_zone = "Asia/Tokyo".into(); // UTC+9, no DST
        let (agent, _scheduler, _dir) = setup(&cfg).await;
        subscribes(&agent, FAN).await;
        let s = cfg.creator_settings(CREATOR);
        let base = now_ms();
        // 14:00 UTC is 23:00 in Tokyo: quiet. 03:00 UTC is 12:00 there. Tomorrow's 14:00, so the
        // test holds on any day (a fixed date turned into "now" once it had passed).
        let quiet = (base / DAY_MS + 1) * DAY_MS + 14 * HOUR;
        let day = quiet + 13 * HOUR;
        assert!(admitted(&agent.store, &s, quiet, 300)
            .await
            .unwrap()
            .is_empty());
        assert_eq!(admitted(&agent.store, &s, day, 300).await.unwrap().len(), 1);
    }

    #[tokio::test]
    async fn a_win_back_reaches_only_its_segment_of_quiet_fans() {
        let mut seq = welcome(Trigger::Quiet, &[0]);
        seq.name = "winback-spenders".into();
        seq.segment = Segment::Spenders;
        seq.quiet_secs = 14 * 86_400;
        let cfg = config(vec![seq]);
        let (agent, _scheduler, _dir) = setup(&cfg).await;
        for fan in ["big", "none"] {
            let e = crate::store::testing::fan_message(&format!("hello-{fan}"), fan, "hi");
            agent
                .store
                .accept_event(&e, Some(CREATOR), "test")
                .await
                .unwrap();
        }
        let tip = EventKind::Tip {
            context: None,
            post_uuid: None,
            message_uuid: None,
            price_cents: Some(2000),
        };
        agent
            .store
            .accept_event(&event("tip-big", "big", tip), Some(CREATOR), "test")
            .await
            .unwrap();
        let s = cfg.creator_settings(CREATOR);
        let soon = now_ms() + 13 * 24 * HOUR;
        assert!(admitted(&agent.store, &s, soon, 300)
            .await
            .unwrap()
            .is_empty());
        let quiet = now_ms() + 15 * 24 * HOUR;
        let due = admitted(&agent.store, &s, quiet, 300).await.unwrap();
        let fans: Vec<&str> = due.iter().map(|a| a.due.fan.as_str()).collect();
        assert_eq!(fans, ["big"]);
    }

    #[tokio::test]
    async fn expiring_and_just_expired_subscriptions_are_due_from_what_the_store_read() {
        let mut ending = welcome(Trigger::Expiring, &[0]);
        ending.name = "ending".into();
        ending.before_secs = 3 * 86_400;
        let mut lapsed = welcome(Trigger::Expired, &[0]);
        lapsed.name = "lapsed".into();
        let cfg = config(vec![ending, lapsed]);
        let (agent, _scheduler, _dir) = setup(&cfg).await;
        let now = now_ms();
        let rfc = |ms: i64| jiff::Timestamp::from_millisecond(ms).unwrap().to_string();
        let sub = |renews: i64, auto: Option<bool>| crate::domain::FanValue {
            status: crate::domain::FanStatus::Subscriber,
            renews_at: Some(rfc(renews)),
            auto_renew: auto,
            fetched_at_ms: now,
            ..Default::default()
        };
        let values = vec![
            ("ends-in-2d".to_string(), sub(now + 48 * HOUR, Some(false))),
            ("unknown-auto".to_string(), sub(now + 48 * HOUR, None)),
            ("renews".to_string(), sub(now + 48 * HOUR, Some(true))),
            (
                "ends-in-10d".to_string(),
                sub(now + 240 * HOUR, Some(false)),
            ),
            ("lapses".to_string(), sub(now - HOUR, Some(false))),
        ];
        agent.store.put_fan_values(CREATOR, &values).await.unwrap();
        // A read after the end: expired since its end date (known from the subscriber read).
        let ended = crate::domain::FanValue {
            status: crate::domain::FanStatus::Expired,
            renews_at: None,
            fetched_at_ms: now,
            ..Default::default()
        };
        let long_ago = crate::domain::FanValue {
            expired_at_ms: Some(now - 30 * 24 * HOUR),
            ..ended.clone()
        };
        agent
            .store
            .put_fan_values(
                CREATOR,
                &[
                    ("lapses".into(), ended.clone()),
                    ("long-ago".into(), long_ago),
                    ("never-seen".into(), ended),
                ],
            )
            .await
            .unwrap();
        let s = cfg.creator_settings(CREATOR);
        let mut due: Vec<(String, String)> = admitted(&agent.store, &s, now, 3600)
            .await
            .unwrap()
            .into_iter()
            .map(|a| (a.due.fan, a.due.sequence))
            .collect();
        due.sort();
        // The lapsed fan's end is the date the subscriber read gave, not when it was read.
        let v = agent.store.fan_value(CREATOR, "lapses").await.unwrap();
        assert_eq!(
            v.expired_at_ms.map(|at| at / 1000),
            Some((now - HOUR) / 1000)
        );
        let pair = |f: &str, q: &str| (f.to_string(), q.to_string());
        assert_eq!(
            due,
            [
                pair("ends-in-2d", "ending"),
                pair("lapses", "lapsed"),
                pair("unknown-auto", "ending")
            ]
        );
    }
}
