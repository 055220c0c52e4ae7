//! Safety marks: what a safety escalation leaves on a fan so that it sticks (no AI reply, offer,
//! follow-up or campaign) until a human clears it or, for pauses, its time passes.

use serde::{Deserialize, Serialize};

/// Why a fan is marked.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum MarkCategory {
    /// Said they are under 18: never answered by the AI until a human clears the mark.
    Minor,
    Crisis,
    Threat,
    Meeting,
    Dispute,
}

impl MarkCategory {
    pub const ALL: [MarkCategory; 5] = [
        MarkCategory::Minor,
        MarkCategory::Crisis,
        MarkCategory::Threat,
        MarkCategory::Meeting,
        MarkCategory::Dispute,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            MarkCategory::Minor => "minor",
            MarkCategory::Crisis => "crisis",
            MarkCategory::Threat => "threat",
            MarkCategory::Meeting => "meeting",
            MarkCategory::Dispute => "dispute",
        }
    }

    pub fn parse(s: &str) -> Option<MarkCategory> {
        Self::ALL.into_iter().find(|c| c.as_str() == s)
    }

    /// The mark an escalating input rule leaves, if it is a safety rule (custom requests and
    /// AI questions are business, not safety: they do not stick).
    pub fn of_rule(rule: &str) -> Option<MarkCategory> {
        match rule {
            "underage" => Some(MarkCategory::Minor),
            "crisis" => Some(MarkCategory::Crisis),
            "threat" => Some(MarkCategory::Threat),
            "meeting_request" => Some(MarkCategory::Meeting),
            "payment_dispute" => Some(MarkCategory::Dispute),
            _ => None,
        }
    }
}

/// A mark to set with a decision (in the same transaction).
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct NewMark {
    pub category: MarkCategory,
    pub rule: String,
    pub reason: String,
    /// Unix ms when the pause ends by itself; `None`: only a human clears it.
    pub until: Option<i64>,
}

/// A mark as stored.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct SafetyMark {
    pub id: i64,
    pub creator: String,
    pub fan: String,
    pub category: MarkCategory,
    pub rule: String,
    pub reason: String,
    pub set_at: i64,
    pub until: Option<i64>,
    pub cleared_at: Option<i64>,
    pub cleared_by: Option<String>,
    pub clear_reason: Option<String>,
}

impl SafetyMark {
    /// In force at `now`: not cleared, and not past its `until`.
    pub fn active(&self, now: i64) -> bool {
        self.cleared_at.is_none() && self.until.is_none_or(|u| u > now)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn safety_rules_leave_marks_and_business_rules_do_not() {
        assert_eq!(MarkCategory::of_rule("underage"), Some(MarkCategory::Minor));
        assert_eq!(
            MarkCategory::of_rule("payment_dispute"),
            Some(MarkCategory::Dispute)
        );
        assert_eq!(MarkCategory::of_rule("custom_request"), None);
        assert_eq!(MarkCategory::of_rule("ai_question"), None);
        for c in MarkCategory::ALL {
            assert_eq!(MarkCategory::parse(c.as_str()), Some(c));
        }
    }

    #[test]
    fn a_mark_is_active_until_cleared_or_past_its_time() {
        let mut m = SafetyMark {
            id: 1,
            creator: "c".into(),
            fan: "f".into(),
            category: MarkCategory::Crisis,
            rule: "crisis".into(),
            reason: "r".into(),
            set_at: 0,
            until: Some(100),
            cleared_at: None,
            cleared_by: None,
            clear_reason: None,
        };
        assert!(m.active(99));
        assert!(!m.active(100));
        m.until = None;
        assert!(m.active(i64::MAX - 1));
        m.cleared_at = Some(5);
        assert!(!m.active(6));
    }
}
