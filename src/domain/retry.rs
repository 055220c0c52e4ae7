//! The one retry policy type: exponential backoff, capped, with a named kind of jitter. Each
//! caller (LLM drafts, notification deliveries, sends, store writes) names its own instance, so
//! the waits are read in one place. (A few lines rather than the unmaintained `backoff` crate.)

use rand::Rng;
use std::time::Duration;

/// How a wait is spread so that callers that failed together do not retry together.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Jitter {
    /// The wait as computed.
    None,
    /// Drawn in [half, whole] of the wait ("equal jitter").
    Equal,
    /// The wait plus up to (not including) this much.
    Added(Duration),
}

/// Waits double from `first` after each failed attempt, up to `max`, spread by `jitter`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct RetryPolicy {
    pub first: Duration,
    pub max: Duration,
    pub jitter: Jitter,
}

/// Store writes that must happen (a send's or a delivery's outcome, recorded once the store is
/// writable again): from 250 ms up to 5 s.
pub const STORE_WRITE: RetryPolicy = RetryPolicy {
    first: Duration::from_millis(250),
    max: Duration::from_secs(5),
    jitter: Jitter::None,
};

impl RetryPolicy {
    /// From 1 s (or `max` if smaller) up to `max`, with equal jitter.
    pub fn new(max: Duration) -> RetryPolicy {
        RetryPolicy {
            first: Duration::from_secs(1).min(max),
            max,
            jitter: Jitter::Equal,
        }
    }

    /// The wait after the `failures`-th failed attempt in a row (1 for the first).
    pub fn delay(&self, failures: u32) -> Duration {
        let doubled = self
            .first
            .saturating_mul(1u32 << failures.saturating_sub(1).min(20));
        let whole = doubled.min(self.max);
        match self.jitter {
            Jitter::None => whole,
            Jitter::Equal => {
                let half = whole / 2;
                half + rand::thread_rng().gen_range(Duration::ZERO..=whole - half)
            }
            Jitter::Added(d) if d.is_zero() => whole,
            Jitter::Added(d) => whole + rand::thread_rng().gen_range(Duration::ZERO..d),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn waits_double_with_jitter_and_never_pass_the_cap() {
        let p = RetryPolicy::new(Duration::from_secs(60));
        for failures in 1..40 {
            let whole = Duration::from_secs(1u64 << (failures - 1).min(20)).min(p.max);
            let d = p.delay(failures);
            assert!(
                d >= whole / 2 && d <= whole,
                "{failures}: {d:?} not in [{:?}, {whole:?}]",
                whole / 2
            );
        }
        let draws: std::collections::HashSet<Duration> = (0..20).map(|_| p.delay(6)).collect();
        assert!(draws.len() > 1, "jittered");
    }

    #[test]
    fn without_jitter_the_waits_are_exact_doublings_up_to_the_cap() {
        let waits: Vec<u128> = (1..=7).map(|f| STORE_WRITE.delay(f).as_millis()).collect();
        assert_eq!(waits, [250, 500, 1000, 2000, 4000, 5000, 5000]);
    }

    #[test]
    fn added_jitter_stays_below_the_wait_plus_its_bound() {
        let p = RetryPolicy {
            first: Duration::from_secs(1),
            max: Duration::from_secs(60),
            jitter: Jitter::Added(Duration::from_millis(250)),
        };
        for failures in 1..10 {
            let whole = Duration::from_secs(1u64 << (failures - 1)).min(p.max);
            let d = p.delay(failures);
            assert!(
                d >= whole && d < whole + Duration::from_millis(250),
                "{d:?}"
            );
        }
    }
}
