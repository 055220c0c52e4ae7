//! Confidence intervals for the A/B stats: Wilson score intervals for rates (conversion), normal
//! intervals of a mean (revenue per fan). Both at 95% (z = 1.96).
//!
//! Why these: the Wilson interval stays inside 0–1 and keeps its coverage with small counts and
//! rates near 0 or 1, where the textbook Wald interval (p ± z·√(p(1−p)/n)) collapses to zero
//! width (0 purchases of 5 offers would read "0%, certain"). Revenue per fan is a mean of skewed
//! per-fan sums; its interval is mean ± z·s/√n, which the central limit theorem makes fair from a
//! few dozen fans per variant ([`MIN_FANS_FOR_MEAN`]); below that the stats flag it.

use serde::Serialize;

/// z for a two-sided 95% interval.
pub const Z95: f64 = 1.959_963_984_540_054;

/// Fans per variant below which the normal interval of a mean is only indicative.
pub const MIN_FANS_FOR_MEAN: usize = 30;

/// A two-sided interval around an estimate.
#[derive(Clone, Copy, Debug, PartialEq, Serialize)]
pub struct Interval {
    pub estimate: f64,
    pub low: f64,
    pub high: f64,
}

impl Interval {
    /// Whether two intervals do not overlap (a difference the data clearly shows).
    pub fn apart_from(&self, other: &Interval) -> bool {
        self.high < other.low || other.high < self.low
    }
}

/// The Wilson score interval of `successes` out of `n` at `z`; `None` for n = 0.
pub fn wilson(successes: u64, n: u64, z: f64) -> Option<Interval> {
    if n == 0 {
        return None;
    }
    let n_f = n as f64;
    let p = successes.min(n) as f64 / n_f;
    let z2 = z * z;
    let denom = 1.0 + z2 / n_f;
    let centre = (p + z2 / (2.0 * n_f)) / denom;
    let half = z * (p * (1.0 - p) / n_f + z2 / (4.0 * n_f * n_f)).sqrt() / denom;
    Some(Interval {
        estimate: p,
        low: (centre - half).max(0.0),
        high: (centre + half).min(1.0),
    })
}

/// The mean of `values` ± z standard errors (sample standard deviation, n − 1); `None` for
/// fewer than two values.
pub fn mean_interval(values: &[f64], z: f64) -> Option<Interval> {
    if values.len() < 2 {
        return None;
    }
    let n = values.len() as f64;
    let mean = values.iter().sum::<f64>() / n;
    let var = values.iter().map(|v| (v - mean).powi(2)).sum::<f64>() / (n - 1.0);
    let half = z * (var / n).sqrt();
    Some(Interval {
        estimate: mean,
        low: mean - half,
        high: mean + half,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn close(a: f64, b: f64) -> bool {
        (a - b).abs() < 5e-4
    }

    #[test]
    fn wilson_matches_the_published_values() {
        // 81 of 263 at 95%: 0.2553–0.3662 (Wilson 1927, as tabulated by Newcombe 1998).
        let i = wilson(81, 263, Z95).unwrap();
        assert!(close(i.low, 0.2553) && close(i.high, 0.3662), "{i:?}");
        // 0 of 10: 0–0.2775, not the Wald interval's 0–0.
        let z = wilson(0, 10, Z95).unwrap();
        assert!(close(z.low, 0.0) && close(z.high, 0.2775), "{z:?}");
        // 10 of 10: 0.7225–1.
        let all = wilson(10, 10, Z95).unwrap();
        assert!(close(all.low, 0.7225) && close(all.high, 1.0), "{all:?}");
        assert_eq!(wilson(0, 0, Z95), None);
    }

    #[test]
    fn a_means_interval_is_the_mean_plus_minus_z_standard_errors() {
        // 2, 4, 4, 4, 5, 5, 7, 9: mean 5, sample sd 2.138, se 0.7559, half-width 1.4815.
        let v = [2.0, 4.0, 4.0, 4.0, 5.0, 5.0, 7.0, 9.0];
        let i = mean_interval(&v, Z95).unwrap();
        assert!(close(i.estimate, 5.0), "{i:?}");
        assert!(close(i.low, 3.5185) && close(i.high, 6.4815), "{i:?}");
        assert_eq!(mean_interval(&[3.0], Z95), None);
        let same = mean_interval(&[1.0, 1.0, 1.0], Z95).unwrap();
        assert_eq!((same.low, same.high), (1.0, 1.0));
    }

    #[test]
    fn intervals_that_do_not_overlap_are_apart() {
        let a = wilson(10, 100, Z95).unwrap();
        let b = wilson(60, 100, Z95).unwrap();
        let c = wilson(14, 100, Z95).unwrap();
        assert!(a.apart_from(&b) && !a.apart_from(&c));
    }
}
