//! Sequences (`[sequences]`): scheduled messages to fans who did not just write: welcome steps for
//! new subscribers and followers, and win-back steps for fans quiet for a while, by segment. All
//! of a creator's sequence messages share a daily cap, a per-fan gap, quiet hours and a share of
//! the rate budget, so a campaign never crowds out replies.

use serde::{Deserialize, Serialize};

/// What starts a sequence for a fan.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Trigger {
    /// A new-subscriber webhook.
    NewSubscriber,
    /// A new-follower webhook.
    NewFollower,
    /// The fan has not written for `quiet_secs` (win-back).
    Quiet,
    /// The fan's subscription ends within `before_secs` and does not renew by itself (Fanvue's
    /// `non_renewing` list and the fan's insights: renewal date, auto-renew off).
    Expiring,
    /// The fan's subscription just ended (Fanvue's `expired_subscribers` list and insights).
    Expired,
}

impl Trigger {
    /// The inbox event kind that starts it (`None`: found from the fan's silence or
    /// subscription).
    pub fn event_kind(self) -> Option<&'static str> {
        match self {
            Trigger::NewSubscriber => Some("new_subscriber"),
            Trigger::NewFollower => Some("new_follower"),
            Trigger::Quiet | Trigger::Expiring | Trigger::Expired => None,
        }
    }

    /// Whether it is found from what Fanvue says of the fan's subscription (read on the
    /// scheduler's check).
    pub fn reads_subscriptions(self) -> bool {
        matches!(self, Trigger::Expiring | Trigger::Expired)
    }
}

/// Which fans a sequence is for, by what they spent and their subscription.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Segment {
    #[default]
    All,
    /// Fans who paid anything (PPV, tips, subscription price).
    Spenders,
    /// Fans who never paid.
    NeverBought,
    /// Fans whose subscription is known to have lapsed.
    Expired,
}

impl Segment {
    /// Whether a fan with `spend_cents` and subscription state `subscribed` belongs.
    pub fn contains(self, spend_cents: i64, subscribed: Option<bool>) -> bool {
        match self {
            Segment::All => true,
            Segment::Spenders => spend_cents > 0,
            Segment::NeverBought => spend_cents == 0,
            Segment::Expired => subscribed == Some(false),
        }
    }
}

/// One message of a sequence.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Step {
    /// Seconds after the trigger (for `quiet`: after the fan's silence reached `quiet_secs`).
    pub after_secs: u64,
    /// Variants (minijinja templates: `{{ fan_name }}`, `{{ creator_name }}`); each fan always
    /// gets the same one, chosen from their id.
    pub texts: Vec<String>,
}

/// One sequence (`[[sequences.list]]`).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SequenceConfig {
    /// Unique per config: part of each step's dedupe key (renaming restarts the sequence).
    pub name: String,
    pub trigger: Trigger,
    #[serde(default)]
    pub segment: Segment,
    /// For `trigger = "quiet"`: seconds since the fan last wrote.
    #[serde(default)]
    pub quiet_secs: u64,
    /// For `trigger = "expiring"`: how long before the subscription ends the sequence starts
    /// (its steps' `after_secs` count from then, and none is sent once it has ended).
    #[serde(default)]
    pub before_secs: u64,
    /// The model rewrites each step's text for the fan (from the persona prompt and what is
    /// known of them), checked by the draft guardrails; the text itself is sent when the model
    /// fails or is blocked. Off: the text is sent as written.
    #[serde(default)]
    pub personalise: bool,
    pub steps: Vec<Step>,
}

/// `[sequences]`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SequencesConfig {
    pub enabled: bool,
    /// How often each creator's sequences are checked, in seconds.
    pub check_every_secs: u64,
    /// Sequence messages per creator per 24 hours, all sequences together.
    pub max_per_day: u32,
    /// At most one sequence message per fan within this many hours.
    pub fan_gap_hours: u64,
    /// Share of the creator's rate budget (requests per minute) sequence messages may use; each
    /// costs up to two requests (the check before sending and the send).
    pub budget_share: f64,
    /// No sequence messages between these hours of the creator's local time (the time zone of
    /// its active hours; equal: no quiet hours).
    pub quiet_hours_start: u32,
    pub quiet_hours_end: u32,
    pub list: Vec<SequenceConfig>,
}

impl Default for SequencesConfig {
    fn default() -> Self {
        SequencesConfig {
            enabled: false,
            check_every_secs: 300,
            max_per_day: 200,
            fan_gap_hours: 20,
            budget_share: 0.2,
            quiet_hours_start: 22,
            quiet_hours_end: 9,
            list: vec![],
        }
    }
}

/// One creator's sequences as a job and the scheduler use them.
#[derive(Clone, Debug, PartialEq)]
pub struct SequenceSettings {
    pub enabled: bool,
    pub max_per_day: u32,
    pub fan_gap_ms: i64,
    pub budget_share: f64,
    pub quiet_hours_start: u32,
    pub quiet_hours_end: u32,
    pub list: Vec<SequenceConfig>,
}

impl Default for SequenceSettings {
    fn default() -> Self {
        super::Config::default().creator_sequences("")
    }
}

impl super::Config {
    /// The sequences of one creator: `[sequences]`, unless `creators.<h>.sequences_enabled` says
    /// otherwise.
    pub fn creator_sequences(&self, handle: &str) -> SequenceSettings {
        let s = &self.sequences;
        let own = self.creators.get(handle).and_then(|c| c.sequences_enabled);
        SequenceSettings {
            enabled: own.unwrap_or(s.enabled),
            max_per_day: s.max_per_day,
            fan_gap_ms: s.fan_gap_hours as i64 * 3_600_000,
            budget_share: s.budget_share,
            quiet_hours_start: s.quiet_hours_start,
            quiet_hours_end: s.quiet_hours_end,
            list: s.list.clone(),
        }
    }
}

/// What is wrong with `[sequences]`, as (key, message) pairs.
pub fn problems(
    s: &SequencesConfig,
    template_error: fn(&str) -> Option<String>,
) -> Vec<(String, String)> {
    let mut found = vec![];
    let mut bad = |k: String, m: String| found.push((k, m));
    if !(s.budget_share > 0.0 && s.budget_share <= 0.5) {
        bad(
            "sequences.budget_share".into(),
            "must be above 0 and at most 0.5 (replies need the rest)".into(),
        );
    }
    if s.quiet_hours_start > 23 || s.quiet_hours_end > 23 {
        bad(
            "sequences.quiet_hours_start".into(),
            "hours are 0..23".into(),
        );
    }
    if s.check_every_secs == 0 {
        bad(
            "sequences.check_every_secs".into(),
            "must be at least 1".into(),
        );
    }
    let mut names = std::collections::BTreeSet::new();
    for (i, q) in s.list.iter().enumerate() {
        let key = |k: &str| format!("sequences.list[{i}].{k}");
        if q.name.trim().is_empty() || !names.insert(q.name.clone()) {
            bad(key("name"), "needs a name no other sequence has".into());
        }
        if q.steps.is_empty() {
            bad(key("steps"), "needs at least one step".into());
        }
        if q.trigger == Trigger::Quiet && q.quiet_secs == 0 {
            bad(
                key("quiet_secs"),
                "a win-back needs the silence it waits for".into(),
            );
        }
        if q.trigger == Trigger::Expiring
            && (q.before_secs == 0 || q.steps.iter().any(|s| s.after_secs >= q.before_secs))
        {
            bad(
                key("before_secs"),
                "an expiring sequence starts before_secs (> 0) before the end, and every step's \
                 after_secs is less than it (nothing is sent once the subscription has ended)"
                    .into(),
            );
        }
        for (j, step) in q.steps.iter().enumerate() {
            if step.texts.iter().all(|t| t.trim().is_empty()) {
                bad(
                    key(&format!("steps[{j}].texts")),
                    "needs at least one text".into(),
                );
            }
            for t in &step.texts {
                if let Some(e) = template_error(t) {
                    bad(key(&format!("steps[{j}].texts")), e);
                }
            }
        }
    }
    found
}

/// The variant of a step's texts a fan gets: always the same one for the same fan (FNV-1a of
/// their id and the sequence), so a dry run shows what is sent and a split stays put.
pub fn variant(fan: &str, sequence: &str, variants: usize) -> usize {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in fan.bytes().chain([0]).chain(sequence.bytes()) {
        h = (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3);
    }
    (h % variants.max(1) as u64) as usize
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn segments_split_fans_by_spend_and_subscription() {
        assert!(Segment::Spenders.contains(500, Some(true)));
        assert!(!Segment::Spenders.contains(0, None));
        assert!(Segment::NeverBought.contains(0, Some(true)));
        assert!(!Segment::NeverBought.contains(1, None));
        assert!(Segment::Expired.contains(900, Some(false)));
        assert!(
            !Segment::Expired.contains(0, None),
            "unknown is not expired"
        );
        assert!(Segment::All.contains(0, None));
    }

    #[test]
    fn a_sequence_without_steps_texts_or_a_silence_is_refused() {
        let mut s = SequencesConfig {
            budget_share: 0.9,
            ..Default::default()
        };
        s.list.push(SequenceConfig {
            name: "w".into(),
            trigger: Trigger::Quiet,
            segment: Segment::All,
            quiet_secs: 0,
            before_secs: 0,
            personalise: false,
            steps: vec![Step {
                after_secs: 0,
                texts: vec![" ".into()],
            }],
        });
        let keys: Vec<String> = problems(&s, |_| None).into_iter().map(|(k, _)| k).collect();
        assert_eq!(
            keys,
            [
                "sequences.budget_share",
                "sequences.list[0].quiet_secs",
                "sequences.list[0].steps[0].texts"
            ]
        );
    }

    #[test]
    fn an_expiring_sequence_needs_a_lead_time_longer_than_its_steps() {
        let expiring = |before_secs, after_secs| SequencesConfig {
            list: vec![SequenceConfig {
                name: "ending".into(),
                trigger: Trigger::Expiring,
                segment: Segment::All,
                quiet_secs: 0,
                before_secs,
                personalise: false,
                steps: vec![Step {
                    after_secs,
                    texts: vec!["stay?".into()],
                }],
            }],
            ..Default::default()
        };
        assert!(problems(&expiring(86_400, 0), |_| None).is_empty());
        for bad in [expiring(0, 0), expiring(86_400, 86_400)] {
            let keys: Vec<String> = problems(&bad, |_| None)
                .into_iter()
                .map(|(k, _)| k)
                .collect();
            assert_eq!(keys, ["sequences.list[0].before_secs"]);
        }
    }
}
