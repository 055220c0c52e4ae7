//! One domain `Event` for both webhook families (flat platform events and `{id,type,data}` envelopes).

use super::ids::{CreatorUuid, FanUuid, MessageUuid};
use serde::{Deserialize, Serialize};

/// Someone on the other side of a chat, as much as the webhook told us.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Party {
    pub uuid: Option<FanUuid>,
    pub handle: Option<String>,
    pub display_name: Option<String>,
}

/// A chat message as carried by a webhook. Envelope events carry no text: `text` is then `None`
/// and the agent fetches it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct MessageEvent {
    pub message_uuid: MessageUuid,
    pub text: Option<String>,
    pub has_media: bool,
    pub media_uuids: Vec<String>,
    pub price_cents: Option<i64>,
    /// True when the creator (or an automation of the creator) sent it: never answered.
    pub from_creator: bool,
    pub is_automated: bool,
    pub created_at: Option<String>,
}

/// What happened, by kind.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum EventKind {
    MessageReceived(MessageEvent),
    /// The creator read messages of this fan (not the fan reading ours).
    MessageRead {
        read_messages_count: Option<i64>,
    },
    NewSubscriber {
        price_cents: Option<i64>,
    },
    NewFollower,
    Purchase {
        /// `postUuid` for a post purchase, the purchased message (`routeUuid`) for a PPV message.
        post_uuid: Option<String>,
        message_uuid: Option<String>,
        price_cents: Option<i64>,
    },
    Tip {
        context: Option<String>,
        post_uuid: Option<String>,
        message_uuid: Option<String>,
        price_cents: Option<i64>,
    },
    /// Made by the daemon itself: the fan went quiet after our message `after_message_uuid`; one
    /// follow-up may be sent.
    FollowUp {
        after_message_uuid: String,
        quiet_secs: i64,
    },
    /// Made by the daemon itself: step `step` (from 0) of the sequence `sequence` is due for the
    /// fan, started at `trigger_at` (unix ms: the webhook's arrival, or when the fan last wrote);
    /// it leaves no earlier than `send_at` (the campaign's pacing within its rate budget).
    SequenceStep {
        sequence: String,
        step: u32,
        trigger_at: i64,
        send_at: i64,
    },
    /// A well-signed event of a type we do not know yet: kept, never processed.
    Unknown {
        type_name: Option<String>,
    },
}

impl EventKind {
    /// Short stable name used in the inbox, logs and metrics.
    pub fn name(&self) -> &'static str {
        match self {
            EventKind::MessageReceived(_) => "message_received",
            EventKind::MessageRead { .. } => "message_read",
            EventKind::NewSubscriber { .. } => "new_subscriber",
            EventKind::NewFollower => "new_follower",
            EventKind::Purchase { .. } => "purchase",
            EventKind::Tip { .. } => "tip",
            EventKind::FollowUp { .. } => "follow_up",
            EventKind::SequenceStep { .. } => "sequence_step",
            EventKind::Unknown { .. } => "unknown",
        }
    }
}

/// A verified, parsed webhook event.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Event {
    /// Stable across Fanvue's retries of the same delivery: the inbox's unique key.
    pub dedupe_key: String,
    /// The routing key: which creator this event belongs to (`recipientUuid` / `data.creator.uuid`).
    pub creator: Option<CreatorUuid>,
    /// The fan on the other side, when the event has one.
    pub fan: Party,
    pub timestamp: Option<String>,
    pub kind: EventKind,
}
