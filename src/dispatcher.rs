//! The dispatcher: one job per (creator, fan) at a time, bursts coalesced by a debounce, bounded
//! concurrency per creator and overall, round-robin across creators. Wakes carry ids only: the
//! inbox is the truth, rescanned on start and periodically.

use crate::{
    agent::{Agent, AgentError, JobOutcome},
    config::LiveConfig,
    sender::SenderHandle,
};
use std::{
    collections::{BTreeMap, HashMap, VecDeque},
    time::Duration,
};
use tokio::{sync::mpsc, task::JoinSet, time::Instant};
use tokio_util::sync::CancellationToken;
use tracing::{debug, info, warn};

/// A nudge that a chat has new inbox events.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Wake {
    pub creator: String,
    pub fan: String,
    /// A fan message (debounced and may extend the wait) rather than another event.
    pub fan_message: bool,
}

/// The sending side of the dispatcher's wake channel. Never blocks: when the channel is full the
/// periodic rescan finds the events.
#[derive(Clone, Debug)]
pub struct DispatcherHandle {
    tx: mpsc::Sender<Wake>,
}

impl DispatcherHandle {
    pub fn wake(&self, w: Wake) {
        if self.tx.try_send(w).is_err() {
            debug!("dispatcher wake channel full; the rescan will pick it up");
        }
    }
}

/// A bounded wake channel.
pub fn channel() -> (DispatcherHandle, mpsc::Receiver<Wake>) {
    let (tx, rx) = mpsc::channel(4096);
    (DispatcherHandle { tx }, rx)
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum State {
    Waiting,
    Ready,
    Running,
}

#[derive(Debug)]
struct Slot {
    state: State,
    first_at: Instant,
    deadline: Instant,
    extended: bool,
    restarts: u32,
    /// New events arrived while the job ran: run again afterwards.
    dirty: bool,
}

pub type Key = (String, String);

/// How many times a draft may be dropped for newer messages before one is committed anyway.
const MAX_RESTARTS: u32 = 2;

struct Dispatcher {
    agent: Agent,
    /// The config in force: read when a job starts (see [`run_job`]).
    live: LiveConfig,
    sender: SenderHandle,
    debounce: Duration,
    cap: Duration,
    max_jobs: usize,
    max_per_creator: usize,
    slots: HashMap<Key, Slot>,
    ready: BTreeMap<String, VecDeque<String>>,
    cursor: Option<String>,
    running: usize,
    running_by_creator: HashMap<String, usize>,
    jobs: JoinSet<(Key, Result<JobOutcome, String>)>,
}

/// Runs until `shutdown`; then waits up to `deadline` for running jobs and abandons the rest (their
/// events stay pending in the inbox and are picked up on the next start).
pub async fn run(
    agent: Agent,
    live: LiveConfig,
    sender: SenderHandle,
    mut rx: mpsc::Receiver<Wake>,
    shutdown: CancellationToken,
    deadline: Duration,
) {
    let cfg = live.get();
    let a = &cfg.agent;
    let rescan_every = Duration::from_secs(a.rescan_secs);
    let mut d = Dispatcher {
        debounce: Duration::from_millis(a.debounce_ms),
        cap: Duration::from_millis(a.debounce_cap_ms),
        max_jobs: a.max_jobs,
        max_per_creator: a.max_jobs_per_creator,
        agent,
        live,
        sender,
        slots: HashMap::new(),
        ready: BTreeMap::new(),
        cursor: None,
        running: 0,
        running_by_creator: HashMap::new(),
        jobs: JoinSet::new(),
    };
    let recovered = d.rescan().await;
    if recovered > 0 {
        info!(chats = recovered, "recovered pending inbox events");
    }
    let mut next_rescan = Instant::now() + rescan_every;
    loop {
        d.promote_due();
        d.launch();
        let wake_at = d.next_deadline().unwrap_or(next_rescan).min(next_rescan);
        tokio::select! {
            _ = shutdown.cancelled() => break,
            w = rx.recv() => match w {
                Some(w) => d.on_wake(w),
                None => break,
            },
            Some(done) = d.jobs.join_next(), if !d.jobs.is_empty() => match done {
                Ok((key, res)) => d.on_done(key, res),
                Err(e) => warn!(error = %e, "a job panicked"),
            },
            _ = tokio::time::sleep_until(wake_at) => {
                if Instant::now() >= next_rescan {
                    d.rescan().await;
                    next_rescan = Instant::now() + rescan_every;
                }
            }
        }
    }
    let running = d.jobs.len();
    if running > 0 {
        info!(running, "waiting for running jobs");
        let drained = tokio::time::timeout(deadline, async {
            while let Some(done) = d.jobs.join_next().await {
                if let Ok((key, res)) = done {
                    d.on_done(key, res);
                }
            }
        })
        .await;
        if drained.is_err() {
            warn!(
                parked = d.jobs.len(),
                "shutdown deadline reached: parking unfinished jobs (their events stay pending)"
            );
            d.jobs.abort_all();
            while d.jobs.join_next().await.is_some() {}
        }
    }
}

/// One job: the creator's settings are resolved now, from the config in force and the creator's
/// active hours, and serve the whole job (a reload while it runs applies from the next job on).
pub async fn run_job(
    agent: Agent,
    live: LiveConfig,
    creator: String,
    fan: String,
    may_restart: bool,
) -> (Key, Result<JobOutcome, String>) {
    // Active hours are judged once, when the job starts, like every other setting.
    let settings = live
        .get()
        .creator_settings(&creator)
        .on_shift(jiff::Timestamp::now());
    let res: Result<JobOutcome, AgentError> = agent
        .process_chat(&settings, &creator, &fan, may_restart)
        .await;
    ((creator, fan), res.map_err(|e| e.to_string()))
}

impl Dispatcher {
    fn on_wake(&mut self, w: Wake) {
        let now = Instant::now();
        let delay = if w.fan_message {
            self.debounce
        } else {
            Duration::from_millis(200).min(self.debounce)
        };
        let key = (w.creator, w.fan);
        match self.slots.get_mut(&key) {
            None => {
                self.slots.insert(
                    key,
                    Slot {
                        state: State::Waiting,
                        first_at: now,
                        deadline: now + delay,
                        extended: false,
                        restarts: 0,
                        dirty: false,
                    },
                );
            }
            Some(s) => match s.state {
                State::Waiting if w.fan_message && !s.extended => {
                    s.deadline = (now + self.debounce).min(s.first_at + self.cap);
                    s.extended = true;
                }
                State::Waiting | State::Ready => {}
                State::Running => s.dirty = true,
            },
        }
    }

    fn on_done(&mut self, key: Key, res: Result<JobOutcome, String>) {
        self.running -= 1;
        if let Some(n) = self.running_by_creator.get_mut(&key.0) {
            *n -= 1;
        }
        let now = Instant::now();
        let Some(slot) = self.slots.get_mut(&key) else {
            return;
        };
        let again = |slot: &mut Slot, after: Duration| {
            slot.state = State::Waiting;
            slot.first_at = now;
            slot.deadline = now + after;
            slot.extended = false;
            slot.dirty = false;
        };
        match res {
            Ok(JobOutcome::Done { queued }) => {
                if queued {
                    self.sender.wake(&key.0);
                }
                if slot.dirty {
                    again(slot, self.debounce);
                } else {
                    self.slots.remove(&key);
                }
            }
            Ok(JobOutcome::Retry(after)) => again(slot, after),
            Ok(JobOutcome::Restart) => {
                slot.restarts += 1;
                let restarts = slot.restarts;
                again(slot, self.debounce);
                slot.restarts = restarts;
            }
            Err(e) => {
                warn!(creator = %key.0, fan = %key.1, error = %e, "job failed; retrying");
                again(slot, Duration::from_secs(2));
            }
        }
    }

    fn next_deadline(&self) -> Option<Instant> {
        self.slots
            .values()
            .filter(|s| s.state == State::Waiting)
            .map(|s| s.deadline)
            .min()
    }

    fn promote_due(&mut self) {
        let now = Instant::now();
        for (key, s) in self.slots.iter_mut() {
            if s.state == State::Waiting && s.deadline <= now {
                s.state = State::Ready;
                self.ready
                    .entry(key.0.clone())
                    .or_default()
                    .push_back(key.1.clone());
            }
        }
    }

    /// Starts ready jobs while there is room, taking creators in turn.
    fn launch(&mut self) {
        while self.running < self.max_jobs {
            let Some(creator) = next_creator(
                &self.ready,
                self.cursor.as_deref(),
                &self.running_by_creator,
                self.max_per_creator,
            ) else {
                return;
            };
            let queue = self.ready.get_mut(&creator).expect("listed");
            let fan = queue.pop_front().expect("non-empty");
            if queue.is_empty() {
                self.ready.remove(&creator);
            }
            self.cursor = Some(creator.clone());
            let key = (creator.clone(), fan.clone());
            let may_restart = match self.slots.get_mut(&key) {
                Some(s) => {
                    s.state = State::Running;
                    s.restarts < MAX_RESTARTS
                }
                None => continue,
            };
            self.running += 1;
            *self.running_by_creator.entry(creator.clone()).or_default() += 1;
            let job = run_job(
                self.agent.clone(),
                self.live.clone(),
                creator,
                fan,
                may_restart,
            );
            self.jobs.spawn(job);
        }
    }

    /// Schedules every chat with pending events that has no slot. Returns how many it added.
    async fn rescan(&mut self) -> usize {
        let chats = match self.agent.store.pending_chats().await {
            Ok(c) => c,
            Err(e) => {
                warn!(error = %e, "cannot scan the inbox");
                return 0;
            }
        };
        let mut added = 0;
        for (creator, fan) in chats {
            if !self.slots.contains_key(&(creator.clone(), fan.clone())) {
                added += 1;
                self.on_wake(Wake {
                    creator,
                    fan,
                    fan_message: true,
                });
            }
        }
        added
    }
}

/// The creator whose ready chat runs next: the first after `cursor` (in name order, wrapping) that
/// has a ready chat and fewer than `max_per_creator` jobs running.
fn next_creator(
    ready: &BTreeMap<String, VecDeque<String>>,
    cursor: Option<&str>,
    running: &HashMap<String, usize>,
    max_per_creator: usize,
) -> Option<String> {
    let creators: Vec<&String> = ready.keys().collect();
    if creators.is_empty() {
        return None;
    }
    let start = cursor
        .and_then(|c| creators.iter().position(|x| x.as_str() > c))
        .unwrap_or(0);
    (0..creators.len())
        .map(|i| creators[(start + i) % creators.len()])
        .find(|c| running.get(*c).copied().unwrap_or(0) < max_per_creator)
        .cloned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn creators_take_turns_and_none_exceeds_its_share() {
        let mut ready: BTreeMap<String, VecDeque<String>> = BTreeMap::new();
        ready.insert("a".into(), (0..10).map(|i| format!("fan{i}")).collect());
        ready.insert("b".into(), VecDeque::from(["x".to_string()]));
        ready.insert("c".into(), VecDeque::from(["y".to_string()]));
        let mut running: HashMap<String, usize> = HashMap::new();
        let mut cursor: Option<String> = None;
        let mut order = Vec::new();
        // Launch as a dispatcher with max 2 per creator and 5 overall would.
        for _ in 0..5 {
            let Some(c) = next_creator(&ready, cursor.as_deref(), &running, 2) else {
                break;
            };
            let q = ready.get_mut(&c).unwrap();
            q.pop_front();
            if q.is_empty() {
                ready.remove(&c);
            }
            *running.entry(c.clone()).or_default() += 1;
            cursor = Some(c.clone());
            order.push(c);
        }
        // a's ten chats do not starve b and c, and a never runs more than 2 at once.
        assert_eq!(order, ["a", "b", "c", "a"]);
        assert_eq!(next_creator(&ready, cursor.as_deref(), &running, 2), None);
        *running.get_mut("a").unwrap() -= 1;
        assert_eq!(
            next_creator(&ready, cursor.as_deref(), &running, 2).as_deref(),
            Some("a")
        );
    }
}
