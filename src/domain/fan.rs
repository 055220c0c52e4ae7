//! What the daemon learns about a fan over time and hands from the store to the agent: facts the
//! fan stated, and the ledger of past offers.

/// One fact about a fan (`kind` is `name`, `from`, `likes`, `work` or `declined`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Fact {
    pub kind: &'static str,
    pub value: String,
}

/// Past offers to one fan, newest first.
#[derive(Clone, Debug, Default)]
pub struct Ledger {
    /// `(media_uuid, offered_at_ms, status)`.
    pub offers: Vec<(String, i64, String)>,
    /// A safety mark in force on the fan (its category), read with the ledger: a marked fan is
    /// never offered, whatever the rest of the agent decided.
    pub marked: Option<String>,
}

impl Ledger {
    pub fn bought(&self, media: &str) -> bool {
        self.offers
            .iter()
            .any(|o| o.0 == media && o.2 == "purchased")
    }
}

/// Why nothing is sent to a fan Fanvue refuses messages to (decisions and failed sends say it).
pub const NOT_CONTACTABLE: &str = "Fanvue marks the fan not contactable";

/// A fan's standing with a creator as Fanvue reports it (`GET /insights/fans`: `status`).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum FanStatus {
    Subscriber,
    /// Was a subscriber; the subscription ended.
    Expired,
    Follower,
    /// Fanvue refuses messages to this fan: nothing may be sent to them (replies, offers,
    /// follow-ups, sequences).
    NotContactable,
    /// Not read yet, or a value this daemon does not know.
    #[default]
    Unknown,
}

impl FanStatus {
    /// Reads Fanvue's status (unknown values are [`FanStatus::Unknown`], never an error).
    pub fn parse(s: &str) -> FanStatus {
        match s.to_ascii_lowercase().as_str() {
            "subscriber" => FanStatus::Subscriber,
            "expired" => FanStatus::Expired,
            "follower" => FanStatus::Follower,
            "not_contactable" => FanStatus::NotContactable,
            _ => FanStatus::Unknown,
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            FanStatus::Subscriber => "subscriber",
            FanStatus::Expired => "expired",
            FanStatus::Follower => "follower",
            FanStatus::NotContactable => "not_contactable",
            FanStatus::Unknown => "unknown",
        }
    }
}

/// What a fan is worth to a creator, from Fanvue's insights and chat list (lifetime figures, not
/// only what this daemon saw), kept in the store (`fan_value`) with when it was read. Anything
/// that prices for, segments or messages a fan reads it through `Store::fan_value`; whether a fan
/// may be messaged at all is `Store::contactable`.
#[derive(Clone, Debug, Default, PartialEq, Eq, serde::Serialize)]
pub struct FanValue {
    pub status: FanStatus,
    /// Everything the fan ever spent on the creator (USD cents), payments since the last read
    /// included.
    pub lifetime_spend_cents: i64,
    /// The fan's largest single payment (USD cents).
    pub max_single_payment_cents: i64,
    /// When the fan last paid (RFC 3339), per Fanvue.
    pub last_purchase_at: Option<String>,
    /// When the subscription renews or ends (RFC 3339), per Fanvue.
    pub renews_at: Option<String>,
    /// Whether the subscription renews by itself (`None`: Fanvue did not say).
    pub auto_renew: Option<bool>,
    /// When the subscription ended (unix ms): its end date once Fanvue says `expired`, or when
    /// the daemon first saw a subscriber as expired. `None`: not expired, or ended at a time
    /// nobody knows (such a fan is never "just expired").
    pub expired_at_ms: Option<i64>,
    /// The chat list's `isTopSpender`.
    pub top_spender: bool,
    /// When the insights were read (unix ms); 0: never.
    pub fetched_at_ms: i64,
}

impl FanValue {
    /// Whether anything may be sent to the fan (false only when Fanvue said so).
    pub fn contactable(&self) -> bool {
        self.status != FanStatus::NotContactable
    }

    /// The spend that prices and tiers use: Fanvue's lifetime figure, or what this daemon saw
    /// (`local_cents`) when that is more (a payment after the last read).
    pub fn spend_cents(&self, local_cents: i64) -> i64 {
        self.lifetime_spend_cents.max(local_cents)
    }

    /// Whether the value was read less than `ttl_ms` before `now_ms`.
    pub fn fresh(&self, now_ms: i64, ttl_ms: i64) -> bool {
        self.fetched_at_ms > 0 && now_ms - self.fetched_at_ms < ttl_ms
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn statuses_read_leniently_and_only_not_contactable_forbids_messages() {
        for s in [
            "subscriber",
            "EXPIRED",
            "follower",
            "not_contactable",
            "gone",
        ] {
            let v = FanValue {
                status: FanStatus::parse(s),
                ..Default::default()
            };
            assert_eq!(v.contactable(), s != "not_contactable", "{s}");
        }
        assert_eq!(FanStatus::parse("gone"), FanStatus::Unknown);
        assert_eq!(FanStatus::parse("expired").as_str(), "expired");
    }

    #[test]
    fn spend_is_the_larger_of_fanvues_lifetime_figure_and_what_the_daemon_saw() {
        let v = FanValue {
            lifetime_spend_cents: 30_000,
            fetched_at_ms: 1_000,
            ..Default::default()
        };
        assert_eq!(v.spend_cents(500), 30_000);
        assert_eq!(v.spend_cents(40_000), 40_000);
        assert!(v.fresh(2_000, 5_000) && !v.fresh(7_000, 5_000));
        assert!(
            !FanValue::default().fresh(1, i64::MAX),
            "never read is never fresh"
        );
    }
}
