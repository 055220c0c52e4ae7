//! One limiter per creator for every Fanvue call: no 60 s window exceeds the limit; headers correct it.
//!
//! Fanvue refills a token bucket of `n` requests to full every 60 s. governor's GCRA admits a burst
//! `b` and then one request per `period`, so its long-run rate is `60 s / period` per minute, and over
//! any half-open window of length `T` it admits at most `b + ceil(T / period) - 1`. With
//! `b = max(1, n / 10)` and `period = 60 s / (n - b)` that is at most `n - 1` per 60 s (one request of
//! margin for clock skew against Fanvue's window) while sustaining `n - b` (90 %) per minute.
//! `ratelimit::tests` checks both by simulation.

use governor::{
    clock::{Clock, DefaultClock},
    state::{InMemoryState, NotKeyed},
    Quota, RateLimiter,
};
use std::{
    collections::HashMap,
    num::NonZeroU32,
    sync::{Arc, Mutex},
    time::{Duration, SystemTime, UNIX_EPOCH},
};
use tokio::time::Instant;

type Direct = RateLimiter<NotKeyed, InMemoryState, DefaultClock>;

/// The burst allowed on top of the steady rate.
pub fn burst_for(limit: u32) -> u32 {
    (limit.max(1) / 10).max(1)
}

/// The governor quota that keeps every 60 s window within `limit` requests.
pub fn quota_for(limit: u32) -> Quota {
    let limit = limit.max(1);
    let burst = burst_for(limit);
    let rest = limit - burst;
    let period = if rest == 0 {
        Duration::from_secs(60)
    } else {
        Duration::from_secs(60) / rest
    };
    Quota::with_period(period)
        .expect("period is positive")
        .allow_burst(NonZeroU32::new(burst).expect("burst >= 1"))
}

/// What the last response said about the bucket.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct RateLimitInfo {
    pub limit: Option<u32>,
    pub remaining: Option<u32>,
    /// Unix seconds when the bucket is full again.
    pub reset: Option<i64>,
}

struct Inner {
    limit: u32,
    limiter: Arc<Direct>,
    blocked_until: Option<Instant>,
    last: RateLimitInfo,
    /// Fanvue's count of requests left in its window (counted down per request sent since) and
    /// when that window refills (unix seconds). After a restart our own limiter starts full while
    /// Fanvue's bucket may be nearly empty: this keeps us within what Fanvue says is left.
    known: Option<(u32, i64)>,
    /// Until a first response has told us the bucket's state, one request at a time (since when).
    probe: Option<Instant>,
    /// When the permits of the last 60 s were taken (what the console shows as used).
    spent: std::collections::VecDeque<Instant>,
}

impl Inner {
    /// Counts one permit taken now (against Fanvue's known count too).
    fn spend(&mut self) {
        if let Some((left, _)) = self.known.as_mut() {
            *left = left.saturating_sub(1);
        }
        let now = Instant::now();
        self.spent.push_back(now);
        self.forget_old_spends(now);
    }

    fn forget_old_spends(&mut self, now: Instant) {
        while self
            .spent
            .front()
            .is_some_and(|t| now.duration_since(*t) >= WINDOW)
        {
            self.spent.pop_front();
        }
    }
}

/// Fanvue's rate-limit window.
const WINDOW: Duration = Duration::from_secs(60);

/// What a limiter knows that a restarted process must not forget (kept in the store when the
/// bucket runs low or Fanvue holds us back).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct SavedState {
    /// Fanvue's requests left and when its window refills (unix seconds).
    pub known: Option<(u32, i64)>,
    /// No request before this (unix seconds): a 429's Retry-After or an empty bucket.
    pub blocked_until: Option<i64>,
}

/// The limiter every call of one creator passes, reads and sends alike.
pub struct CreatorLimiter {
    inner: Mutex<Inner>,
    /// Whether the saved state has been asked for (once per process).
    restored: std::sync::atomic::AtomicBool,
    /// Permits taken ahead by [`CreatorLimiter::reserve`], spent by the next calls.
    prepaid: std::sync::atomic::AtomicU32,
}

impl std::fmt::Debug for CreatorLimiter {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("CreatorLimiter")
            .field("limit", &self.limit())
            .finish()
    }
}

impl CreatorLimiter {
    pub fn new(limit: u32) -> Self {
        CreatorLimiter {
            inner: Mutex::new(Inner {
                limit,
                limiter: Arc::new(RateLimiter::direct(quota_for(limit))),
                blocked_until: None,
                last: RateLimitInfo::default(),
                known: None,
                probe: None,
                spent: Default::default(),
            }),
            restored: std::sync::atomic::AtomicBool::new(false),
            prepaid: std::sync::atomic::AtomicU32::new(0),
        }
    }

    /// Waits until `n` requests may be sent, taking their permits now: the next `n` calls go
    /// without waiting. The sender reserves a round's read and sends before the read, so the
    /// limiter's pacing falls before the check, not between the check and the sends. Every
    /// call still spends exactly one permit.
    pub async fn reserve(&self, n: u32) {
        for _ in 0..n {
            self.acquire_inner(false).await;
            self.prepaid
                .fetch_add(1, std::sync::atomic::Ordering::SeqCst);
        }
    }

    /// Spends a reserved permit, if any.
    fn take_prepaid(&self) -> bool {
        use std::sync::atomic::Ordering::SeqCst;
        self.prepaid
            .fetch_update(SeqCst, SeqCst, |n| n.checked_sub(1))
            .is_ok()
    }

    /// The limit (requests per 60 s) currently enforced.
    pub fn limit(&self) -> u32 {
        self.inner.lock().unwrap().limit
    }

    /// Permits taken in the last 60 s (Fanvue's window), reads and sends alike.
    pub fn used_last_minute(&self) -> u32 {
        let mut g = self.inner.lock().unwrap();
        g.forget_old_spends(Instant::now());
        g.spent.len() as u32
    }

    /// What Fanvue last said is left in its window and when it refills (unix seconds), while
    /// that window lasts.
    pub fn fanvue_left(&self) -> Option<(u32, i64)> {
        let g = self.inner.lock().unwrap();
        g.known.filter(|(_, reset)| *reset > unix_now())
    }

    pub fn last_info(&self) -> RateLimitInfo {
        self.inner.lock().unwrap().last
    }

    /// Waits until one request may be sent now.
    pub async fn acquire(&self) {
        self.acquire_inner(true).await
    }

    /// [`CreatorLimiter::acquire`]; `use_prepaid` false takes a fresh permit (to reserve it).
    async fn acquire_inner(&self, use_prepaid: bool) {
        loop {
            let (blocked, limiter) = {
                let g = self.inner.lock().unwrap();
                (g.blocked_until, g.limiter.clone())
            };
            if let Some(until) = blocked {
                if until > Instant::now() {
                    tokio::time::sleep_until(until).await;
                    continue;
                }
            }
            if use_prepaid && self.take_prepaid() {
                return;
            }
            let probing = {
                let mut g = self.inner.lock().unwrap();
                // Nothing heard from Fanvue yet: one probe in flight at a time (for at most 3 s, in
                // case it fails without headers).
                let probing = g.last == RateLimitInfo::default()
                    && g.probe
                        .is_some_and(|p| p.elapsed() < Duration::from_secs(3));
                if let Some((0, reset)) = g.known {
                    if reset > unix_now() {
                        let wait = (reset - unix_now()).clamp(1, 120) as u64;
                        block(&mut g, Duration::from_secs(wait));
                        continue;
                    }
                }
                probing
            };
            if probing {
                tokio::time::sleep(Duration::from_millis(20)).await;
                continue;
            }
            match limiter.check() {
                Ok(()) => {
                    // A block or a new limiter may have arrived while we waited; if the limiter was
                    // replaced, the token we took from the old one still counts (it was spent).
                    let mut g = self.inner.lock().unwrap();
                    if g.last == RateLimitInfo::default() {
                        g.probe = Some(Instant::now());
                    }
                    g.spend();
                    return;
                }
                Err(not_until) => {
                    let wait = not_until.wait_time_from(DefaultClock::default().now());
                    tokio::time::sleep(wait.max(Duration::from_millis(1))).await;
                }
            }
        }
    }

    /// Takes a permit if one is free right now (for callers that must not wait, e.g. polling).
    pub fn try_acquire(&self) -> bool {
        let mut g = self.inner.lock().unwrap();
        if g.blocked_until.is_some_and(|u| u > Instant::now()) {
            return false;
        }
        let unheard = g.last == RateLimitInfo::default();
        if unheard
            && g.probe
                .is_some_and(|p| p.elapsed() < Duration::from_secs(3))
        {
            return false;
        }
        if g.known
            .is_some_and(|(left, reset)| left == 0 && reset > unix_now())
        {
            return false;
        }
        if g.limiter.check().is_err() {
            return false;
        }
        if unheard {
            g.probe = Some(Instant::now());
        }
        g.spend();
        true
    }

    /// Reads the rate-limit headers of a response: adopts a different `X-RateLimit-Limit`, and stops
    /// all calls until `X-RateLimit-Reset` when `X-RateLimit-Remaining` reaches 0.
    pub fn observe(&self, info: RateLimitInfo) {
        let mut g = self.inner.lock().unwrap();
        g.last = info;
        if let (Some(left), Some(reset)) = (info.remaining, info.reset) {
            g.known = match g.known {
                // The same window: responses may arrive out of order, so keep the lower count.
                // (Fanvue rounds the reset time: within 2 s it is the same window.)
                Some((mine, r)) if (r - reset).abs() <= 2 => Some((mine.min(left), r.max(reset))),
                Some((_, r)) if r > reset => g.known,
                _ => Some((left, reset)),
            };
        }
        if let Some(limit) = info.limit.filter(|l| *l > 0 && *l != g.limit) {
            tracing::info!(
                old = g.limit,
                new = limit,
                "rate limit corrected from X-RateLimit-Limit"
            );
            let fresh = RateLimiter::direct(quota_for(limit));
            // Start the new limiter empty: its burst must not stack on what the old one admitted.
            let burst = burst_for(limit);
            let _ = fresh.check_n(NonZeroU32::new(burst).expect("burst >= 1"));
            g.limiter = Arc::new(fresh);
            g.limit = limit;
        }
        if info.remaining == Some(0) {
            if let Some(reset) = info.reset {
                let wait = (reset - unix_now()).clamp(0, 120) as u64;
                block(&mut g, Duration::from_secs(wait.max(1)));
            }
        }
    }

    /// A 429 arrived: nothing is sent for this creator until `retry_after` has passed.
    pub fn retry_after(&self, retry_after: Duration) {
        let mut g = self.inner.lock().unwrap();
        block(&mut g, retry_after);
    }

    /// True exactly once: the caller should then [`restore`](Self::restore) the saved state.
    pub fn first_use(&self) -> bool {
        !self
            .restored
            .swap(true, std::sync::atomic::Ordering::AcqRel)
    }

    /// What to save so a restarted process does not spend what Fanvue no longer has: `Some` when
    /// the bucket is low (at most a burst left) or calls are held back.
    pub fn to_save(&self) -> Option<SavedState> {
        let g = self.inner.lock().unwrap();
        let blocked_until = g
            .blocked_until
            .and_then(|u| u.checked_duration_since(Instant::now()))
            .map(|d| unix_now() + d.as_secs() as i64 + 1);
        let low = g
            .known
            .is_some_and(|(left, reset)| left <= burst_for(g.limit) && reset > unix_now());
        (low || blocked_until.is_some()).then_some(SavedState {
            known: g.known,
            blocked_until,
        })
    }

    /// Adopts what an earlier process saved (ignoring what has expired).
    pub fn restore(&self, saved: SavedState) {
        let mut g = self.inner.lock().unwrap();
        let now = unix_now();
        if let Some((left, reset)) = saved.known.filter(|(_, r)| *r > now) {
            g.known = Some((left, reset));
        }
        if let Some(until) = saved.blocked_until.filter(|u| *u > now) {
            block(&mut g, Duration::from_secs((until - now) as u64));
        }
    }

    /// When calls are blocked until, if they are.
    pub fn blocked_for(&self) -> Option<Duration> {
        let g = self.inner.lock().unwrap();
        g.blocked_until
            .and_then(|u| u.checked_duration_since(Instant::now()))
            .filter(|d| !d.is_zero())
    }
}

fn block(g: &mut Inner, d: Duration) {
    let until = Instant::now() + d;
    if g.blocked_until.is_none_or(|u| u < until) {
        g.blocked_until = Some(until);
    }
}

fn unix_now() -> i64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map(|d| d.as_secs() as i64)
        .unwrap_or(0)
}

/// The creators' limiters, created on first use with the configured size.
#[derive(Default, Debug)]
pub struct Limiters {
    map: Mutex<HashMap<String, Arc<CreatorLimiter>>>,
}

impl Limiters {
    pub fn get(&self, handle: &str, default_limit: u32) -> Arc<CreatorLimiter> {
        self.map
            .lock()
            .unwrap()
            .entry(handle.to_string())
            .or_insert_with(|| Arc::new(CreatorLimiter::new(default_limit)))
            .clone()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use governor::clock::FakeRelativeClock;

    /// Simulates a greedy caller against the quota on a fake clock for ten minutes, and returns the
    /// admission times in milliseconds.
    fn admissions(limit: u32, step_ms: u64, minutes: u64) -> Vec<u64> {
        let clock = FakeRelativeClock::default();
        let lim = RateLimiter::direct_with_clock(quota_for(limit), clock.clone());
        let mut out = vec![];
        let mut t = 0;
        while t < minutes * 60_000 {
            while lim.check().is_ok() {
                out.push(t);
            }
            clock.advance(Duration::from_millis(step_ms));
            t += step_ms;
        }
        out
    }

    fn max_in_any_window(times: &[u64], window_ms: u64) -> usize {
        let mut best = 0;
        let mut lo = 0;
        for hi in 0..times.len() {
            while times[hi] - times[lo] >= window_ms {
                lo += 1;
            }
            best = best.max(hi - lo + 1);
        }
        best
    }

    #[test]
    fn no_sixty_second_window_exceeds_the_limit_for_any_size() {
        for limit in [1, 2, 3, 7, 10, 99, 100, 200, 1000] {
            let times = admissions(limit, 7, 10);
            let max = max_in_any_window(&times, 60_000);
            assert!(
                max <= limit as usize,
                "limit {limit}: {max} requests in one 60 s window"
            );
            // and the limiter is not needlessly stingy: over 10 minutes it admits close to the limit
            let per_minute = times.len() as f64 / 10.0;
            assert!(
                per_minute >= (limit as f64 - 1.0) * 0.85,
                "limit {limit}: only {per_minute}/min"
            );
        }
    }

    #[test]
    fn a_burst_of_a_tenth_of_the_limit_is_available_at_once() {
        let times = admissions(100, 1, 1);
        assert_eq!(times.iter().filter(|t| **t == 0).count(), 10);
    }

    #[tokio::test]
    async fn a_different_limit_header_replaces_the_limit_without_a_new_burst() {
        let l = CreatorLimiter::new(100);
        assert!(l.try_acquire());
        l.observe(RateLimitInfo {
            limit: Some(200),
            remaining: Some(150),
            reset: None,
        });
        assert_eq!(l.limit(), 200);
        assert!(
            !l.try_acquire(),
            "the corrected limiter must not grant a fresh burst"
        );
        l.observe(RateLimitInfo {
            limit: Some(200),
            remaining: Some(149),
            reset: None,
        });
        assert_eq!(l.limit(), 200);
    }

    #[tokio::test]
    async fn remaining_zero_blocks_until_the_reset_time() {
        let l = CreatorLimiter::new(100);
        l.observe(RateLimitInfo {
            limit: Some(100),
            remaining: Some(0),
            reset: Some(unix_now() + 30),
        });
        assert!(!l.try_acquire());
        let d = l.blocked_for().expect("blocked");
        assert!(
            d > Duration::from_secs(25) && d <= Duration::from_secs(30),
            "{d:?}"
        );
    }

    #[tokio::test]
    async fn a_restarted_limiter_keeps_what_the_last_one_was_told() {
        let old = CreatorLimiter::new(100);
        assert_eq!(old.to_save(), None, "nothing worth saving yet");
        old.observe(RateLimitInfo {
            limit: Some(100),
            remaining: Some(2),
            reset: Some(unix_now() + 30),
        });
        old.retry_after(Duration::from_secs(20));
        let saved = old.to_save().expect("low and held back");
        let new = CreatorLimiter::new(100);
        assert!(new.first_use() && !new.first_use());
        new.restore(saved);
        let d = new.blocked_for().expect("still held back");
        assert!(d > Duration::from_secs(15), "{d:?}");
        assert!(!new.try_acquire());
        // Expired state is ignored.
        let fresh = CreatorLimiter::new(100);
        fresh.restore(SavedState {
            known: Some((0, unix_now() - 5)),
            blocked_until: Some(unix_now() - 1),
        });
        assert!(fresh.try_acquire());
    }

    #[tokio::test]
    async fn until_fanvue_answers_one_request_at_a_time() {
        let l = CreatorLimiter::new(100);
        assert!(l.try_acquire(), "the first request (the probe) goes");
        assert!(!l.try_acquire(), "the next waits for the probe's answer");
        l.observe(RateLimitInfo {
            limit: Some(100),
            remaining: Some(50),
            reset: Some(unix_now() + 30),
        });
        assert!(l.try_acquire());
        assert!(l.try_acquire());
    }

    #[tokio::test]
    async fn after_a_restart_fanvue_s_remaining_count_caps_our_burst() {
        // A fresh process (a full burst of 10 in our own limiter) meets a bucket with 3 left.
        let l = CreatorLimiter::new(100);
        l.observe(RateLimitInfo {
            limit: Some(100),
            remaining: Some(3),
            reset: Some(unix_now() + 30),
        });
        assert!(l.try_acquire() && l.try_acquire() && l.try_acquire());
        assert!(!l.try_acquire(), "Fanvue said 3 were left");
        // A late response of the same window with a higher count does not raise it again.
        l.observe(RateLimitInfo {
            limit: Some(100),
            remaining: Some(2),
            reset: Some(unix_now() + 30),
        });
        assert!(!l.try_acquire());
    }

    #[tokio::test(start_paused = true)]
    async fn retry_after_holds_every_caller_back() {
        let l = Arc::new(CreatorLimiter::new(100));
        l.retry_after(Duration::from_secs(7));
        let start = Instant::now();
        l.acquire().await;
        assert!(start.elapsed() >= Duration::from_secs(7));
        assert!(l.blocked_for().is_none());
    }
}
