//! Lenient serde models of Fanvue responses: `null` where the spec says required, open enums.

use serde::{Deserialize, Deserializer, Serialize};

/// Deserializes `null` as the type's default (the real API sends `null` for "required" fields).
fn null_default<'de, D, T>(d: D) -> Result<T, D::Error>
where
    D: Deserializer<'de>,
    T: Default + Deserialize<'de>,
{
    Ok(Option::<T>::deserialize(d)?.unwrap_or_default())
}

/// A number Fanvue may send as an integer, a float (`300.0`) or a string.
fn lenient_i64<'de, D: Deserializer<'de>>(d: D) -> Result<Option<i64>, D::Error> {
    let v = Option::<serde_json::Value>::deserialize(d)?;
    Ok(match v {
        Some(serde_json::Value::Number(n)) => {
            n.as_i64().or_else(|| n.as_f64().map(|f| f.round() as i64))
        }
        Some(serde_json::Value::String(s)) => {
            s.trim().parse::<f64>().ok().map(|f| f.round() as i64)
        }
        _ => None,
    })
}

#[derive(Clone, Debug, Default, Deserialize, Serialize, PartialEq)]
#[serde(rename_all = "camelCase", default)]
pub struct Pagination {
    #[serde(deserialize_with = "lenient_i64")]
    pub page: Option<i64>,
    #[serde(deserialize_with = "lenient_i64")]
    pub size: Option<i64>,
    #[serde(deserialize_with = "null_default")]
    pub has_more: bool,
}

/// `{data, pagination}` as every list endpoint returns it.
#[derive(Clone, Debug, Deserialize, Serialize, PartialEq)]
#[serde(rename_all = "camelCase", bound(deserialize = "T: Deserialize<'de>"))]
pub struct Page<T> {
    #[serde(default = "Vec::new", deserialize_with = "null_default")]
    pub data: Vec<T>,
    #[serde(default, deserialize_with = "null_default")]
    pub pagination: Pagination,
}

#[derive(Clone, Debug, Default, Deserialize, Serialize, PartialEq)]
#[serde(rename_all = "camelCase", default)]
pub struct CurrentUser {
    pub uuid: String,
    pub handle: Option<String>,
    pub display_name: Option<String>,
    pub email: Option<String>,
    pub is_creator: Option<bool>,
    pub avatar_url: Option<String>,
}

/// Message types Fanvue knows today; anything new lands in `Unknown` instead of failing.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub enum MessageType {
    SingleRecipient,
    Broadcast,
    Tip,
    VoiceCall,
    GhostPromotion,
    LockedMessageUnlocked,
    /// `AUTOMATED_*`, `MARKETING_*` and `CHAT_TEXT_*` families, kept verbatim.
    Automated(String),
    Marketing(String),
    ChatText(String),
    Unknown(String),
}

impl MessageType {
    pub fn parse(s: &str) -> MessageType {
        match s {
            "SINGLE_RECIPIENT" => MessageType::SingleRecipient,
            "BROADCAST" => MessageType::Broadcast,
            "TIP" => MessageType::Tip,
            "VOICE_CALL" => MessageType::VoiceCall,
            "GHOST_PROMOTION" => MessageType::GhostPromotion,
            "LOCKED_MESSAGE_UNLOCKED" => MessageType::LockedMessageUnlocked,
            s if s.starts_with("AUTOMATED_") => MessageType::Automated(s.into()),
            s if s.starts_with("MARKETING_") => MessageType::Marketing(s.into()),
            s if s.starts_with("CHAT_TEXT_") => MessageType::ChatText(s.into()),
            s => MessageType::Unknown(s.into()),
        }
    }

    pub fn as_str(&self) -> &str {
        match self {
            MessageType::SingleRecipient => "SINGLE_RECIPIENT",
            MessageType::Broadcast => "BROADCAST",
            MessageType::Tip => "TIP",
            MessageType::VoiceCall => "VOICE_CALL",
            MessageType::GhostPromotion => "GHOST_PROMOTION",
            MessageType::LockedMessageUnlocked => "LOCKED_MESSAGE_UNLOCKED",
            MessageType::Automated(s)
            | MessageType::Marketing(s)
            | MessageType::ChatText(s)
            | MessageType::Unknown(s) => s,
        }
    }

    /// Whether a fan message of this type is one a person wrote and expects an answer to.
    /// Automated, broadcast, tip, call, promotion and marketing messages are not answered.
    pub fn is_answerable(&self) -> bool {
        matches!(
            self,
            MessageType::SingleRecipient | MessageType::ChatText(_) | MessageType::Unknown(_)
        )
    }
}

impl<'de> Deserialize<'de> for MessageType {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        Ok(MessageType::parse(&String::deserialize(d)?))
    }
}

#[derive(Clone, Debug, Default, Deserialize, Serialize, PartialEq)]
#[serde(rename_all = "camelCase", default)]
pub struct ChatUser {
    pub uuid: String,
    pub handle: Option<String>,
    pub display_name: Option<String>,
    pub nickname: Option<String>,
    pub is_top_spender: Option<bool>,
    pub avatar_url: Option<String>,
    pub registered_at: Option<String>,
}

#[derive(Clone, Debug, Default, Deserialize, Serialize, PartialEq)]
#[serde(rename_all = "camelCase", default)]
pub struct LastMessage {
    pub uuid: Option<String>,
    pub text: Option<String>,
    #[serde(rename = "type")]
    pub msg_type: Option<MessageType>,
    pub sent_at: Option<String>,
    pub has_media: Option<bool>,
    pub media_type: Option<String>,
    pub sender_uuid: Option<String>,
    pub sent_by_user_id: Option<String>,
}

#[derive(Clone, Debug, Default, Deserialize, Serialize, PartialEq)]
#[serde(rename_all = "camelCase", default)]
pub struct Chat {
    pub created_at: Option<String>,
    pub last_message_at: Option<String>,
    #[serde(deserialize_with = "null_default")]
    pub is_read: bool,
    #[serde(deserialize_with = "null_default")]
    pub is_muted: bool,
    #[serde(deserialize_with = "lenient_i64")]
    pub unread_messages_count: Option<i64>,
    #[serde(deserialize_with = "null_default")]
    pub user: ChatUser,
    pub last_message: Option<LastMessage>,
}

#[derive(Clone, Debug, Default, Deserialize, Serialize, PartialEq)]
#[serde(rename_all = "camelCase", default)]
pub struct UnreadCounts {
    #[serde(deserialize_with = "lenient_i64")]
    pub unread_chats_count: Option<i64>,
    #[serde(deserialize_with = "lenient_i64")]
    pub unread_messages_count: Option<i64>,
    pub unread_notifications: Option<serde_json::Value>,
}

#[derive(Clone, Debug, Default, Deserialize, Serialize, PartialEq)]
#[serde(rename_all = "camelCase", default)]
pub struct UserRef {
    pub uuid: String,
    pub handle: Option<String>,
}

#[derive(Clone, Debug, Default, Deserialize, Serialize, PartialEq)]
#[serde(rename_all = "camelCase", default)]
pub struct Pricing {
    #[serde(deserialize_with = "lenient_i64")]
    pub price: Option<i64>,
    pub currency: Option<String>,
}

#[derive(Clone, Debug, Default, Deserialize, Serialize, PartialEq)]
#[serde(rename_all = "camelCase", default)]
pub struct Message {
    pub uuid: String,
    pub text: Option<String>,
    pub sent_at: Option<String>,
    #[serde(deserialize_with = "null_default")]
    pub sender: UserRef,
    pub recipient: Option<UserRef>,
    pub has_media: Option<bool>,
    pub media_type: Option<String>,
    #[serde(deserialize_with = "null_default")]
    pub media_uuids: Vec<String>,
    #[serde(rename = "type")]
    pub msg_type: Option<MessageType>,
    pub is_read: Option<bool>,
    /// PPV price; the newer spec nests it in `pricing`, older bodies flatten it as `price`.
    pub pricing: Option<Pricing>,
    #[serde(deserialize_with = "lenient_i64")]
    pub price: Option<i64>,
    pub purchased_at: Option<String>,
}

impl Message {
    pub fn price_cents(&self) -> Option<i64> {
        self.price
            .or_else(|| self.pricing.as_ref().and_then(|p| p.price))
    }

    /// The message as the local message store keeps it, in the chat with `fan`: anything the
    /// fan did not send is the creator's side.
    pub fn stored(&self, fan: &str) -> crate::store::chats::StoredMessage {
        crate::store::chats::StoredMessage {
            uuid: self.uuid.clone(),
            fan_uuid: fan.to_string(),
            from_creator: !self.sender.uuid.eq_ignore_ascii_case(fan),
            text: self.text.clone(),
            msg_type: self.msg_type.as_ref().map(|t| t.as_str().to_string()),
            sent_at: self.sent_at.clone(),
            has_media: self.has_media.unwrap_or(false) || !self.media_uuids.is_empty(),
            media_uuids: self.media_uuids.clone(),
            price_cents: self.price_cents(),
        }
    }

    /// A page of one chat's messages as the message store keeps them.
    pub fn stored_page(page: &[Message], fan: &str) -> Vec<crate::store::chats::StoredMessage> {
        page.iter().map(|m| m.stored(fan)).collect()
    }
}

/// `POST /chats/messages/batch` response: per chat either messages or an error.
#[derive(Clone, Debug, Default, Deserialize, Serialize, PartialEq)]
#[serde(rename_all = "camelCase", default)]
pub struct BatchMessages {
    #[serde(deserialize_with = "null_default")]
    pub by_chat: std::collections::BTreeMap<String, BatchChat>,
}

#[derive(Clone, Debug, Default, Deserialize, Serialize, PartialEq)]
#[serde(rename_all = "camelCase", default)]
pub struct BatchChat {
    #[serde(deserialize_with = "null_default")]
    pub messages: Vec<Message>,
    #[serde(deserialize_with = "null_default")]
    pub has_more: bool,
    pub oldest_message_uuid: Option<String>,
    /// `forbidden`, `not_found` or `internal` for a chat that could not be read.
    pub error: Option<String>,
}

#[derive(Clone, Debug, Default, Deserialize, Serialize, PartialEq)]
#[serde(rename_all = "camelCase", default)]
pub struct SentMessage {
    pub message_uuid: String,
    /// When the request went out (unix ms, our clock): the message was created no earlier.
    #[serde(skip)]
    pub requested_at_ms: i64,
}

#[derive(Clone, Debug, Default, Deserialize, Serialize, PartialEq)]
#[serde(rename_all = "camelCase", default)]
pub struct Template {
    pub uuid: String,
    pub text: Option<String>,
    #[serde(deserialize_with = "lenient_i64")]
    pub price: Option<i64>,
    #[serde(deserialize_with = "null_default")]
    pub media_uuids: Vec<String>,
    pub folder_name: Option<String>,
}

#[derive(Clone, Debug, Default, Deserialize, Serialize, PartialEq)]
#[serde(rename_all = "camelCase", default)]
pub struct MediaItem {
    pub uuid: String,
    pub status: Option<String>,
    pub created_at: Option<String>,
    pub url: Option<String>,
    pub caption: Option<String>,
    pub description: Option<String>,
    pub name: Option<String>,
    pub media_type: Option<String>,
    #[serde(deserialize_with = "lenient_i64")]
    pub recommended_price: Option<i64>,
    pub purchased_by_fan: Option<bool>,
    pub tags: Option<Vec<String>>,
}

#[derive(Clone, Debug, Default, Deserialize, Serialize, PartialEq)]
#[serde(rename_all = "camelCase", default)]
pub struct Money {
    #[serde(deserialize_with = "lenient_i64")]
    pub total: Option<i64>,
    #[serde(deserialize_with = "lenient_i64")]
    pub gross: Option<i64>,
}

#[derive(Clone, Debug, Default, Deserialize, Serialize, PartialEq)]
#[serde(rename_all = "camelCase", default)]
pub struct Spending {
    pub last_purchase_at: Option<String>,
    pub total: Option<Money>,
    pub max_single_payment: Option<Money>,
}

#[derive(Clone, Debug, Default, Deserialize, Serialize, PartialEq)]
#[serde(rename_all = "camelCase", default)]
pub struct Subscription {
    pub created_at: Option<String>,
    pub renews_at: Option<String>,
    pub auto_renewal_enabled: Option<bool>,
}

/// `GET /insights/fans/{uuid}`: spend and subscription status (all amounts in USD cents).
#[derive(Clone, Debug, Default, Deserialize, Serialize, PartialEq)]
#[serde(rename_all = "camelCase", default)]
pub struct FanInsights {
    /// `subscriber`, `expired`, `follower` or `not_contactable`.
    pub status: Option<String>,
    pub spending: Option<Spending>,
    pub subscription: Option<Subscription>,
}

/// A member of a smart list (`GET /chats/lists/smart/{uuid}`).
#[derive(Clone, Debug, Default, Deserialize, Serialize, PartialEq)]
#[serde(rename_all = "camelCase", default)]
pub struct ListMember {
    pub uuid: String,
    pub handle: Option<String>,
    pub display_name: Option<String>,
}

/// `GET /insights/fans?fanUuids=…`: insights per fan (`null` for a fan Fanvue cannot answer
/// for), and why not.
#[derive(Clone, Debug, Default, Deserialize, Serialize, PartialEq)]
#[serde(rename_all = "camelCase", default)]
pub struct BulkInsights {
    pub results: std::collections::BTreeMap<String, Option<FanInsights>>,
    #[serde(deserialize_with = "null_default")]
    pub errors: Vec<BulkInsightsError>,
}

#[derive(Clone, Debug, Default, Deserialize, Serialize, PartialEq)]
#[serde(rename_all = "camelCase", default)]
pub struct BulkInsightsError {
    pub fan_uuid: String,
    /// `NOT_FOUND` or `INTERNAL`.
    pub code: Option<String>,
    pub message: Option<String>,
}

impl FanInsights {
    /// The fan's largest single payment (USD cents).
    pub fn max_single_payment_cents(&self) -> i64 {
        self.spending
            .as_ref()
            .and_then(|s| s.max_single_payment.as_ref())
            .and_then(|m| m.total.or(m.gross))
            .unwrap_or(0)
    }

    pub fn total_spend_cents(&self) -> i64 {
        self.spending
            .as_ref()
            .and_then(|s| s.total.as_ref())
            .and_then(|m| m.total.or(m.gross))
            .unwrap_or(0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nulls_where_the_spec_says_required_do_not_fail() {
        let body = r#"{"data":[{"createdAt":null,"lastMessageAt":null,"isRead":null,"isMuted":false,
            "unreadMessagesCount":2.0,"user":{"uuid":"U1","handle":"h","displayName":null,"nickname":null,
            "isTopSpender":null,"avatarUrl":null,"registeredAt":"2025-01-01T00:00:00Z"},
            "lastMessage":{"text":null,"type":"SOMETHING_NEW","uuid":"m","sentAt":"2025-01-01T00:00:00.123Z",
            "hasMedia":null,"mediaType":null,"senderUuid":"U1","extraField":1}}],
            "pagination":{"page":1,"size":15,"hasMore":null}}"#;
        let p: Page<Chat> = serde_json::from_str(body).unwrap();
        assert_eq!(p.data[0].unread_messages_count, Some(2));
        assert_eq!(
            p.data[0].last_message.as_ref().unwrap().msg_type,
            Some(MessageType::Unknown("SOMETHING_NEW".into()))
        );
        assert!(!p.pagination.has_more);
    }

    #[test]
    fn message_types_that_must_not_be_answered_are_recognised() {
        for t in [
            "AUTOMATED_NEW_SUBSCRIBER",
            "BROADCAST",
            "TIP",
            "VOICE_CALL",
            "GHOST_PROMOTION",
            "MARKETING_KYC",
        ] {
            assert!(!MessageType::parse(t).is_answerable(), "{t}");
        }
        for t in ["SINGLE_RECIPIENT", "CHAT_TEXT_REPLY", "BRAND_NEW_TYPE"] {
            assert!(MessageType::parse(t).is_answerable(), "{t}");
        }
        assert_eq!(
            MessageType::parse("AUTOMATED_RENEWED").as_str(),
            "AUTOMATED_RENEWED"
        );
    }

    #[test]
    fn prices_come_from_either_shape() {
        let m: Message = serde_json::from_str(r#"{"uuid":"a","pricing":{"price":999.0}}"#).unwrap();
        assert_eq!(m.price_cents(), Some(999));
        let m: Message = serde_json::from_str(r#"{"uuid":"a","price":"500"}"#).unwrap();
        assert_eq!(m.price_cents(), Some(500));
    }
}
