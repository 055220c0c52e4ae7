//! Operator notices: what a notification says about an event a human must know of (an escalation,
//! a draft awaiting approval, a creator to reconnect, an LLM outage, a failed send, the daily
//! summary) and the exact command that acts on it. Pure data, stored with the decision that causes
//! it and rendered per channel by `notify`.

use serde::{Deserialize, Serialize};

/// What a notice is about; also the names `notify.channels[].events` filters by.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum NoticeKind {
    Escalation,
    Draft,
    Reconnect,
    LlmDown,
    LlmUp,
    SendFailed,
    Summary,
    /// `fanvue-agent doctor`'s test message (sent directly, never stored).
    Test,
}

impl NoticeKind {
    /// The kinds a channel may subscribe to (the test message reaches every channel).
    pub const ROUTED: [NoticeKind; 7] = [
        NoticeKind::Escalation,
        NoticeKind::Draft,
        NoticeKind::Reconnect,
        NoticeKind::LlmDown,
        NoticeKind::LlmUp,
        NoticeKind::SendFailed,
        NoticeKind::Summary,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            NoticeKind::Escalation => "escalation",
            NoticeKind::Draft => "draft",
            NoticeKind::Reconnect => "reconnect",
            NoticeKind::LlmDown => "llm_down",
            NoticeKind::LlmUp => "llm_up",
            NoticeKind::SendFailed => "send_failed",
            NoticeKind::Summary => "summary",
            NoticeKind::Test => "test",
        }
    }

    pub fn parse(s: &str) -> Option<NoticeKind> {
        NoticeKind::ROUTED.into_iter().find(|k| k.as_str() == s)
    }
}

/// One creator's line of the daily summary.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct SummaryLine {
    pub creator: String,
    pub replies: i64,
    pub offers: i64,
    pub purchases: i64,
    pub revenue_cents: i64,
    pub escalations: i64,
    pub failed: i64,
}

/// What one notification says. Fields a fan (or the model) wrote are kept apart (`fan_words`,
/// `draft`) so every format can escape or redact them; everything else is the daemon's own text.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Notice {
    pub kind: NoticeKind,
    pub creator: Option<String>,
    pub fan: Option<String>,
    /// One line in the daemon's words (safe for an email subject: no fan text).
    pub title: String,
    /// The decision's reason or the error, as the decision log shows it.
    pub reason: Option<String>,
    /// The safety category and guardrail rule of an escalation, when one applies.
    pub category: Option<String>,
    pub rule: Option<String>,
    /// What the fan wrote: data, escaped wherever shown, redacted unless `log.message_text`.
    pub fan_words: Option<String>,
    /// The drafted reply waiting for approval.
    pub draft: Option<String>,
    pub draft_id: Option<i64>,
    /// The exact commands that act on it, most useful first.
    pub commands: Vec<String>,
    /// The daily summary's lines, one per creator.
    pub summary: Vec<SummaryLine>,
    /// When it happened (unix ms).
    pub at_ms: i64,
}

/// The first characters of a fan uuid, as listings show it.
pub fn short_fan(fan: &str) -> &str {
    fan.get(..8).unwrap_or(fan)
}

impl Notice {
    fn new(kind: NoticeKind, title: String, at_ms: i64) -> Notice {
        Notice {
            kind,
            creator: None,
            fan: None,
            title,
            reason: None,
            category: None,
            rule: None,
            fan_words: None,
            draft: None,
            draft_id: None,
            commands: vec![],
            summary: vec![],
            at_ms,
        }
    }

    /// A fan message went to a human. `marked`: a safety mark keeps the AI away from the fan
    /// until a human clears it; otherwise the human answers and may pause the chat meanwhile.
    pub fn escalation(
        creator: &str,
        fan: &str,
        reason: &str,
        category_rule: Option<(String, String)>,
        fan_words: Option<String>,
        marked: bool,
        at_ms: i64,
    ) -> Notice {
        let what = category_rule
            .as_ref()
            .map(|(c, _)| c.clone())
            .unwrap_or_else(|| "needs a human".into());
        let title = format!("Escalation ({what}): {creator}, fan {}", short_fan(fan));
        let mut n = Notice::new(NoticeKind::Escalation, title, at_ms);
        n.commands = if marked {
            vec![
                format!("fanvue-agent clear {creator} {fan} --reason \"what you checked\""),
                format!("fanvue-agent marks --creator {creator}"),
            ]
        } else {
            vec![
                format!("fanvue-agent chats {creator}"),
                format!("fanvue-agent pause {creator} {fan}"),
            ]
        };
        if let Some((c, r)) = category_rule {
            n.category = Some(c);
            n.rule = Some(r);
        }
        n.creator = Some(creator.into());
        n.fan = Some(fan.into());
        n.reason = Some(reason.into());
        n.fan_words = fan_words;
        n
    }

    /// A draft waits for `fanvue-agent approve ID` (approve mode).
    pub fn draft(
        creator: &str,
        fan: &str,
        draft_id: i64,
        draft: &str,
        fan_words: Option<String>,
        at_ms: i64,
    ) -> Notice {
        let title = format!(
            "Draft {draft_id} awaits approval: {creator}, fan {}",
            short_fan(fan)
        );
        let mut n = Notice::new(NoticeKind::Draft, title, at_ms);
        n.creator = Some(creator.into());
        n.fan = Some(fan.into());
        n.draft = Some(draft.into());
        n.draft_id = Some(draft_id);
        n.fan_words = fan_words;
        n.commands = vec![
            format!("fanvue-agent approve {draft_id}"),
            format!("fanvue-agent reject {draft_id}"),
        ];
        n
    }

    /// The creator's grant was revoked or lacks a scope: nothing of theirs is answered until
    /// they are connected again.
    pub fn reconnect(creator: &str, reason: Option<&str>, at_ms: i64) -> Notice {
        let title = format!("{creator} needs to be reconnected: their fans wait");
        let mut n = Notice::new(NoticeKind::Reconnect, title, at_ms);
        n.creator = Some(creator.into());
        n.reason = reason.map(String::from);
        n.commands = vec![format!("fanvue-agent connect {creator}")];
        n
    }

    /// The LLM has failed every call since `since_ms`.
    pub fn llm_down(since_ms: i64, error: &str, at_ms: i64) -> Notice {
        let mins = (at_ms - since_ms).max(0) / 60_000;
        let title = format!("The LLM has been unavailable for {mins} min: fans' messages wait");
        let mut n = Notice::new(NoticeKind::LlmDown, title, at_ms);
        n.reason = Some(error.into());
        n.commands = vec!["fanvue-agent doctor".into()];
        n
    }

    /// The LLM answers again after an outage that was notified.
    pub fn llm_up(since_ms: i64, at_ms: i64) -> Notice {
        let mins = (at_ms - since_ms).max(0) / 60_000;
        let title =
            format!("The LLM answers again after {mins} min: waiting messages are answered");
        Notice::new(NoticeKind::LlmUp, title, at_ms)
    }

    /// A message to a fan was given up on for good.
    pub fn send_failed(
        creator: &str,
        fan: &str,
        outbox_id: i64,
        purpose: &str,
        error: &str,
        at_ms: i64,
    ) -> Notice {
        let title = format!(
            "A {purpose} to a fan could not be sent (outbox {outbox_id}): {creator}, fan {}",
            short_fan(fan)
        );
        let mut n = Notice::new(NoticeKind::SendFailed, title, at_ms);
        n.creator = Some(creator.into());
        n.fan = Some(fan.into());
        n.reason = Some(error.into());
        n.commands = vec![format!(
            "fanvue-agent decisions --creator {creator} --fan {fan}"
        )];
        n
    }

    /// The day's figures per creator (`date` is the local date the summary is for).
    pub fn summary(date: &str, lines: Vec<SummaryLine>, at_ms: i64) -> Notice {
        let mut n = Notice::new(NoticeKind::Summary, format!("Daily summary {date}"), at_ms);
        n.summary = lines;
        n.commands = vec!["fanvue-agent decisions --since 24h".into()];
        n
    }

    /// `fanvue-agent doctor`'s test message.
    pub fn test(channel: &str, at_ms: i64) -> Notice {
        let title = format!("Test notification to channel {channel}: notifications reach you");
        let mut n = Notice::new(NoticeKind::Test, title, at_ms);
        n.commands = vec!["fanvue-agent doctor".into()];
        n
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_marked_escalation_says_how_to_clear_the_mark_and_an_unmarked_one_how_to_take_over() {
        let fan = "3f2a1b2c-0000-4000-8000-000000000001";
        let marked = Notice::escalation(
            "alice",
            fan,
            "for a human: minor_age (said 16)",
            Some(("minor".into(), "minor_age".into())),
            Some("i am 16".into()),
            true,
            0,
        );
        assert_eq!(marked.title, "Escalation (minor): alice, fan 3f2a1b2c");
        assert_eq!(
            marked.commands[0],
            format!("fanvue-agent clear alice {fan} --reason \"what you checked\"")
        );
        let open = Notice::escalation("alice", fan, "custom request", None, None, false, 0);
        assert_eq!(open.commands[1], format!("fanvue-agent pause alice {fan}"));
        assert_eq!(NoticeKind::parse("llm_down"), Some(NoticeKind::LlmDown));
        assert_eq!(NoticeKind::parse("test"), None, "not a subscribable kind");
    }
}
