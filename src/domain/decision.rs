//! What the agent decided for an event (`Outcome`) and what it wants sent (`ReplyPlan`).

use serde::{Deserialize, Serialize};

/// The outcome column of the decision log.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Outcome {
    /// A message was queued for the fan (a reply, a welcome, a thank-you).
    Replied,
    /// A reply that carries a paid (PPV) offer.
    Offered,
    /// Deliberately not answered; the reason says why.
    Skipped,
    /// Needs a human (the reason says why); nothing was sent.
    Escalated,
    /// The daemon tried and could not (LLM down, send rejected).
    Failed,
}

impl Outcome {
    pub const ALL: [Outcome; 5] = [
        Outcome::Replied,
        Outcome::Offered,
        Outcome::Skipped,
        Outcome::Escalated,
        Outcome::Failed,
    ];

    pub fn as_str(&self) -> &'static str {
        match self {
            Outcome::Replied => "replied",
            Outcome::Offered => "offered",
            Outcome::Skipped => "skipped",
            Outcome::Escalated => "escalated",
            Outcome::Failed => "failed",
        }
    }
}

impl std::fmt::Display for Outcome {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// What the agent does with what it drafts, per creator (`agent.mode`, `creators.<h>.mode`).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Mode {
    /// Queue it for sending.
    #[default]
    Live,
    /// Log it as a draft; never send.
    Shadow,
    /// Keep it as a draft until a human approves (then it is sent) or rejects it.
    Approve,
}

impl Mode {
    pub const ALL: [Mode; 3] = [Mode::Live, Mode::Shadow, Mode::Approve];

    pub fn as_str(&self) -> &'static str {
        match self {
            Mode::Live => "live",
            Mode::Shadow => "shadow",
            Mode::Approve => "approve",
        }
    }
}

/// Why a message is being sent.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Purpose {
    Reply,
    Welcome,
    Thanks,
    /// A safe holding message while a human takes over.
    Holding,
    /// One nudge after the fan went quiet.
    FollowUp,
    /// A step of a welcome or win-back sequence.
    Sequence,
    /// Written by a human as the creator (the console's or the CLI's reply by hand): sent as it
    /// is, never folded or dropped as a takeover, and the AI stands back from the chat.
    ByHand,
}

impl Purpose {
    pub const ALL: [Purpose; 7] = [
        Purpose::Reply,
        Purpose::Welcome,
        Purpose::Thanks,
        Purpose::Holding,
        Purpose::FollowUp,
        Purpose::Sequence,
        Purpose::ByHand,
    ];

    pub fn as_str(&self) -> &'static str {
        match self {
            Purpose::Reply => "reply",
            Purpose::Welcome => "welcome",
            Purpose::Thanks => "thanks",
            Purpose::Holding => "holding",
            Purpose::FollowUp => "followup",
            Purpose::Sequence => "sequence",
            Purpose::ByHand => "by_hand",
        }
    }
}

/// One message the agent wants sent: text, and optionally media with a price (a PPV offer).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReplyPlan {
    pub purpose: Purpose,
    pub text: String,
    pub media_uuids: Vec<String>,
    pub price_cents: Option<i64>,
    /// Wait this long before sending (human-like pacing).
    pub delay_ms: u64,
    /// The catalog item's name when this message is a PPV offer (media + price).
    pub offer_item: Option<String>,
    /// What the draft was made from, for the check before sending: when the job read the chat
    /// (our clock), and the newest message it saw (uuid, Fanvue `sentAt`). `None`: no check of
    /// the fan's later messages (an approved draft: a human chose to send it).
    #[serde(default)]
    pub context_at: Option<i64>,
    #[serde(default)]
    pub answers_uuid: Option<String>,
    #[serde(default)]
    pub answers_sent_at: Option<String>,
}

impl ReplyPlan {
    /// A plain text message: no media, no price, no delay, no pre-send check.
    pub fn new(purpose: Purpose, text: impl Into<String>) -> ReplyPlan {
        ReplyPlan {
            purpose,
            text: text.into(),
            media_uuids: vec![],
            price_cents: None,
            delay_ms: 0,
            offer_item: None,
            context_at: None,
            answers_uuid: None,
            answers_sent_at: None,
        }
    }
}

/// The decision-log fields of one decision, shared by every event it covers.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct DecisionInfo {
    pub reason: String,
    pub model: Option<String>,
    pub prompt_version: Option<String>,
    pub prompt_tokens: Option<i64>,
    pub completion_tokens: Option<i64>,
    pub llm_ms: Option<i64>,
    pub guardrails: Option<serde_json::Value>,
    /// Safety marks this decision sets on the fan, stored in the same transaction.
    pub marks: Vec<super::marks::NewMark>,
    /// The persona folder the reply was written with, and the experiment and variant that chose
    /// it (when the fan is in a persona A/B test).
    pub persona: Option<String>,
    pub experiment: Option<String>,
    pub variant: Option<String>,
    /// The fan's spend tier when the reply was written (conversion per tier).
    pub spend_tier: Option<String>,
    /// The LLM call's cost in micro-dollars (tokens × the model's configured price).
    pub cost_micros: Option<i64>,
}

impl DecisionInfo {
    pub fn reason(r: impl Into<String>) -> Self {
        DecisionInfo {
            reason: r.into(),
            ..Default::default()
        }
    }
}
