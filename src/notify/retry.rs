//! The retry policy of notification deliveries: exponential backoff with jitter, capped. (A named
//! policy of a few lines rather than the unmaintained `backoff` crate.)

use rand::Rng;
use std::time::Duration;

/// Waits double from `first` after each failed attempt, up to `max`; each wait is drawn in
/// [half, whole] of that ("equal jitter"), so channels that failed together do not retry together.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct RetryPolicy {
    pub first: Duration,
    pub max: Duration,
}

impl RetryPolicy {
    pub fn new(max: Duration) -> RetryPolicy {
        RetryPolicy {
            first: Duration::from_secs(1).min(max),
            max,
        }
    }

    /// The wait after the `failures`-th failed attempt in a row (1 for the first).
    pub fn delay(&self, failures: u32) -> Duration {
        let doubled = self
            .first
            .saturating_mul(1u32 << failures.saturating_sub(1).min(20));
        let whole = doubled.min(self.max);
        let half = whole / 2;
        half + rand::thread_rng().gen_range(Duration::ZERO..=whole - half)
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
}
