//! Holding replies: which kind of escalation a fan message is, so the agent can choose what (if
//! anything) the fan is told while a human takes over.

use super::MarkCategory;

/// The escalations that can carry a holding reply, most serious first: when one message falls in
/// several, the first decides (so a minor's silence wins over everything else).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum HoldingCategory {
    /// Said they are under 18: nothing is ever sent.
    Minor,
    Crisis,
    Threat,
    Dispute,
    Meeting,
    /// A custom-content request above `guardrails.custom_request_escalate_cents`.
    CustomRequest,
    /// "Are you a bot?" under `guardrails.disclosure = "escalate"`.
    AiQuestion,
}

impl HoldingCategory {
    pub const ALL: [HoldingCategory; 7] = [
        HoldingCategory::Minor,
        HoldingCategory::Crisis,
        HoldingCategory::Threat,
        HoldingCategory::Dispute,
        HoldingCategory::Meeting,
        HoldingCategory::CustomRequest,
        HoldingCategory::AiQuestion,
    ];

    /// The config key (`guardrails.holding_replies.<key>`).
    pub fn as_str(self) -> &'static str {
        match self {
            HoldingCategory::Minor => "minor",
            HoldingCategory::Crisis => "crisis",
            HoldingCategory::Threat => "threat",
            HoldingCategory::Dispute => "dispute",
            HoldingCategory::Meeting => "meeting",
            HoldingCategory::CustomRequest => "custom_request",
            HoldingCategory::AiQuestion => "ai_question",
        }
    }

    /// The category of an escalating input rule (or of the judge finding named like it).
    pub fn of_rule(rule: &str) -> Option<HoldingCategory> {
        match rule {
            "custom_request" => Some(HoldingCategory::CustomRequest),
            "ai_question" => Some(HoldingCategory::AiQuestion),
            _ => MarkCategory::of_rule(rule).map(HoldingCategory::from),
        }
    }

    /// The safety mark this escalation leaves, if any: its episode lasts as long as the mark, and
    /// the holding reply is sent once per episode.
    pub fn mark(self) -> Option<MarkCategory> {
        match self {
            HoldingCategory::Minor => Some(MarkCategory::Minor),
            HoldingCategory::Crisis => Some(MarkCategory::Crisis),
            HoldingCategory::Threat => Some(MarkCategory::Threat),
            HoldingCategory::Dispute => Some(MarkCategory::Dispute),
            HoldingCategory::Meeting => Some(MarkCategory::Meeting),
            HoldingCategory::CustomRequest | HoldingCategory::AiQuestion => None,
        }
    }
}

impl From<MarkCategory> for HoldingCategory {
    fn from(m: MarkCategory) -> Self {
        match m {
            MarkCategory::Minor => HoldingCategory::Minor,
            MarkCategory::Crisis => HoldingCategory::Crisis,
            MarkCategory::Threat => HoldingCategory::Threat,
            MarkCategory::Dispute => HoldingCategory::Dispute,
            MarkCategory::Meeting => HoldingCategory::Meeting,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_escalating_rule_has_a_category_and_minor_comes_first() {
        for (rule, c) in [
            ("underage", HoldingCategory::Minor),
            ("crisis", HoldingCategory::Crisis),
            ("threat", HoldingCategory::Threat),
            ("meeting_request", HoldingCategory::Meeting),
            ("payment_dispute", HoldingCategory::Dispute),
            ("custom_request", HoldingCategory::CustomRequest),
            ("ai_question", HoldingCategory::AiQuestion),
        ] {
            assert_eq!(HoldingCategory::of_rule(rule), Some(c), "{rule}");
        }
        assert_eq!(HoldingCategory::of_rule("link"), None);
        assert!(HoldingCategory::ALL.windows(2).all(|w| w[0] < w[1]));
        assert_eq!(HoldingCategory::ALL[0], HoldingCategory::Minor);
        for m in MarkCategory::ALL {
            assert_eq!(HoldingCategory::from(m).mark(), Some(m));
        }
    }
}
