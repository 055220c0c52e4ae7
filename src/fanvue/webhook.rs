//! Webhook verification (`X-Fanvue-Signature: t=…,v0=…` on the raw bytes) and parsing into `Event`.

use crate::domain::{CreatorUuid, Event, EventKind, FanUuid, MessageEvent, MessageUuid, Party};
use hmac::{Hmac, Mac};
use serde_json::{Map, Value};
use sha2::Sha256;
use subtle::ConstantTimeEq;

type HmacSha256 = Hmac<Sha256>;

/// Why a signature was refused. Every variant is answered with 401 and the same body.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum SignatureError {
    #[error("missing X-Fanvue-Signature header")]
    Missing,
    #[error("malformed X-Fanvue-Signature header")]
    Malformed,
    #[error("signature timestamp is {skew_secs}s away from now (allowed ±{tolerance_secs}s)")]
    OutsideTolerance { skew_secs: i64, tolerance_secs: u64 },
    #[error("signature does not match")]
    Mismatch,
}

/// `hex(HMAC-SHA256(secret, "{t}.{body}"))`, lowercase: what Fanvue puts after `v0=`.
pub fn sign(secret: &[u8], t: i64, body: &[u8]) -> String {
    hex::encode(mac(secret, t, body))
}

/// A whole header value for `body` signed at `t`.
pub fn signature_header(secret: &[u8], t: i64, body: &[u8]) -> String {
    format!("t={t},v0={}", sign(secret, t, body))
}

fn mac(secret: &[u8], t: i64, body: &[u8]) -> [u8; 32] {
    let mut m = HmacSha256::new_from_slice(secret).expect("HMAC takes keys of any length");
    m.update(t.to_string().as_bytes());
    m.update(b".");
    m.update(body);
    m.finalize().into_bytes().into()
}

/// Verifies the header against the raw body. Returns the signed timestamp.
/// Accepts several `v0=` entries (secret rotation): any one matching is enough.
pub fn verify(
    header: Option<&str>,
    body: &[u8],
    secret: &[u8],
    now: i64,
    tolerance_secs: u64,
) -> Result<i64, SignatureError> {
    let header = header.ok_or(SignatureError::Missing)?;
    if header.len() > 1024 {
        return Err(SignatureError::Malformed);
    }
    let mut t = None;
    let mut sigs = vec![];
    for part in header.split(',') {
        let (k, v) = part
            .trim()
            .split_once('=')
            .ok_or(SignatureError::Malformed)?;
        match k.trim() {
            "t" => {
                let v = v.trim();
                if v.is_empty() || v.len() > 12 || !v.bytes().all(|b| b.is_ascii_digit()) {
                    return Err(SignatureError::Malformed);
                }
                t = Some(v.parse::<i64>().map_err(|_| SignatureError::Malformed)?);
            }
            "v0" => sigs.push(v.trim()),
            _ => {} // other schemes are ignored, as Stripe-style verifiers do
        }
    }
    let t = t.ok_or(SignatureError::Malformed)?;
    if sigs.is_empty() {
        return Err(SignatureError::Malformed);
    }
    let skew = now - t;
    if skew.unsigned_abs() > tolerance_secs {
        return Err(SignatureError::OutsideTolerance {
            skew_secs: skew,
            tolerance_secs,
        });
    }
    let expected = mac(secret, t, body);
    let mut ok = subtle::Choice::from(0u8);
    for s in sigs {
        // Compare a fixed 32 bytes whatever the given length, so timing says nothing about it.
        let given = hex::decode(s).unwrap_or_default();
        let mut buf = [0u8; 32];
        let n = given.len().min(32);
        buf[..n].copy_from_slice(&given[..n]);
        let len_ok = subtle::Choice::from((given.len() == 32) as u8);
        ok |= buf.ct_eq(&expected) & len_ok;
    }
    if bool::from(ok) {
        Ok(t)
    } else {
        Err(SignatureError::Mismatch)
    }
}

/// Why a verified body could not be understood. Answered with 400.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ParseError {
    #[error("body is not valid JSON: {0}")]
    NotJson(String),
    #[error("body is not a JSON object")]
    NotObject,
    #[error("unrecognised event shape: {0}")]
    UnknownShape(String),
    #[error("field `{0}` is missing or has the wrong type")]
    Missing(&'static str),
}

/// The event family a URL path names (`/webhooks/fanvue/<hint>`), when it names one.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PathHint {
    Message,
    Read,
    Subscriber,
    Follower,
    Purchase,
    Tip,
}

impl PathHint {
    pub fn parse(s: &str) -> Option<PathHint> {
        Some(match s {
            "message" | "message-received" => PathHint::Message,
            "read" | "message-read" => PathHint::Read,
            "subscriber" | "new-subscriber" => PathHint::Subscriber,
            "follower" | "new-follower" => PathHint::Follower,
            "purchase" | "purchase-received" => PathHint::Purchase,
            "tip" | "tip-received" => PathHint::Tip,
            _ => return None,
        })
    }
}

const MAX_ID: usize = 128;

fn str_at<'a>(o: &'a Map<String, Value>, k: &str) -> Option<&'a str> {
    o.get(k)
        .and_then(|v| v.as_str())
        .filter(|s| !s.is_empty() && s.len() <= MAX_ID)
}

fn obj_at<'a>(o: &'a Map<String, Value>, k: &str) -> Option<&'a Map<String, Value>> {
    o.get(k).and_then(|v| v.as_object())
}

fn cents(o: &Map<String, Value>, k: &str) -> Option<i64> {
    match o.get(k)? {
        Value::Number(n) => n.as_i64().or_else(|| n.as_f64().map(|f| f.round() as i64)),
        Value::String(s) => s.parse::<f64>().ok().map(|f| f.round() as i64),
        _ => None,
    }
}

fn party(o: Option<&Map<String, Value>>) -> Party {
    match o {
        None => Party::default(),
        Some(s) => Party {
            uuid: str_at(s, "uuid").map(FanUuid::new),
            handle: str_at(s, "handle").map(String::from),
            display_name: s
                .get("displayName")
                .or_else(|| s.get("display_name"))
                .and_then(|v| v.as_str())
                .map(String::from),
        },
    }
}

/// Parses a verified body: `{id,type,timestamp,data}` envelopes, or flat platform events identified
/// by the URL path or, failing that, by shape.
pub fn parse(body: &[u8], hint: Option<PathHint>) -> Result<Event, ParseError> {
    let v: Value = serde_json::from_slice(body).map_err(|e| ParseError::NotJson(e.to_string()))?;
    let o = v.as_object().ok_or(ParseError::NotObject)?;
    if o.get("type").is_some_and(|t| t.is_string()) && o.get("data").is_some_and(|d| d.is_object())
    {
        return parse_envelope(o);
    }
    parse_flat(o, hint)
}

fn parse_envelope(o: &Map<String, Value>) -> Result<Event, ParseError> {
    let id = str_at(o, "id").ok_or(ParseError::Missing("id"))?;
    let type_name = o["type"].as_str().unwrap_or_default();
    let data = o["data"].as_object().expect("checked by caller");
    let timestamp = str_at(o, "timestamp").map(String::from);
    let creator = obj_at(data, "creator")
        .and_then(|c| str_at(c, "uuid"))
        .or_else(|| str_at(data, "creator_uuid"))
        .or_else(|| str_at(data, "recipient_uuid"))
        .map(CreatorUuid::new);
    let fan = party(
        obj_at(data, "fan")
            .or_else(|| obj_at(data, "user"))
            .or_else(|| obj_at(data, "purchaser")),
    );
    let price = cents(data, "price").or_else(|| cents(data, "amount"));
    let t = type_name.to_ascii_lowercase();
    let mut dedupe_key = format!("env:{id}");
    let kind = if t.ends_with("message.received") || t.ends_with("message.created") {
        let uuid = str_at(data, "uuid")
            .or_else(|| str_at(data, "message_uuid"))
            .ok_or(ParseError::Missing("data.uuid"))?;
        if fan.uuid.is_none() {
            return Err(ParseError::Missing("data.fan.uuid"));
        }
        dedupe_key = format!("msg:{}", uuid.to_ascii_lowercase());
        EventKind::MessageReceived(MessageEvent {
            message_uuid: MessageUuid::new(uuid),
            text: data.get("text").and_then(|v| v.as_str()).map(String::from),
            has_media: data
                .get("has_media")
                .and_then(|v| v.as_bool())
                .unwrap_or(false),
            media_uuids: vec![],
            price_cents: price,
            from_creator: data.get("sender").and_then(|v| v.as_str()) == Some("creator"),
            is_automated: data
                .get("is_automated")
                .and_then(|v| v.as_bool())
                .unwrap_or(false),
            created_at: str_at(data, "created_at")
                .map(String::from)
                .or_else(|| timestamp.clone()),
        })
    } else if t.ends_with("message.read") {
        EventKind::MessageRead {
            read_messages_count: cents(data, "read_messages_count"),
        }
    } else if t.contains("subscriber") || t.contains("subscription.created") {
        EventKind::NewSubscriber { price_cents: price }
    } else if t.contains("follower") {
        EventKind::NewFollower
    } else if t.contains("purchase") {
        EventKind::Purchase {
            post_uuid: str_at(data, "post_uuid").map(String::from),
            message_uuid: str_at(data, "message_uuid").map(String::from),
            price_cents: price,
        }
    } else if t.contains("tip") {
        EventKind::Tip {
            context: str_at(data, "context").map(String::from),
            post_uuid: str_at(data, "post_uuid").map(String::from),
            message_uuid: str_at(data, "message_uuid").map(String::from),
            price_cents: price,
        }
    } else {
        EventKind::Unknown {
            type_name: Some(type_name.chars().take(MAX_ID).collect()),
        }
    };
    Ok(Event {
        dedupe_key,
        creator,
        fan,
        timestamp,
        kind,
    })
}

fn parse_flat(o: &Map<String, Value>, hint: Option<PathHint>) -> Result<Event, ParseError> {
    let Some(shape) = hint.or_else(|| flat_shape(o)) else {
        let mut keys: Vec<&str> = o.keys().map(|k| k.as_str()).take(12).collect();
        keys.sort();
        return Err(ParseError::UnknownShape(format!(
            "keys [{}]",
            keys.join(", ")
        )));
    };
    let creator = str_at(o, "recipientUuid")
        .map(CreatorUuid::new)
        .ok_or(ParseError::Missing("recipientUuid"))?;
    let flat = Flat {
        o,
        ts: str_at(o, "timestamp").unwrap_or_default(),
        sender: party(obj_at(o, "sender")),
        creator: &creator,
    };
    let (dedupe_key, fan, kind) = match shape {
        PathHint::Message => flat.message()?,
        PathHint::Read => flat.read()?,
        PathHint::Subscriber => flat.subscriber(),
        PathHint::Follower => flat.follower(),
        PathHint::Purchase => flat.purchase(),
        PathHint::Tip => flat.tip(),
    };
    Ok(Event {
        dedupe_key,
        timestamp: str_at(o, "timestamp").map(String::from),
        creator: Some(creator),
        fan,
        kind,
    })
}

/// A flat event's fields every shape reads: its body, timestamp, sender and creator.
struct Flat<'a> {
    o: &'a Map<String, Value>,
    ts: &'a str,
    sender: Party,
    creator: &'a CreatorUuid,
}

/// A parsed event's dedupe key, its fan, and what happened.
type Parsed = (String, Party, EventKind);

impl Flat<'_> {
    fn sender_id(&self) -> String {
        self.sender
            .uuid
            .as_ref()
            .map(|u| u.to_string())
            .unwrap_or_default()
    }

    fn message(self) -> Result<Parsed, ParseError> {
        let o = self.o;
        let m = obj_at(o, "message").ok_or(ParseError::Missing("message"))?;
        let uuid = str_at(o, "messageUuid")
            .or_else(|| str_at(m, "uuid"))
            .ok_or(ParseError::Missing("messageUuid"))?;
        let Some(sender_uuid) = self.sender.uuid.as_ref() else {
            return Err(ParseError::Missing("sender.uuid"));
        };
        let ev = MessageEvent {
            message_uuid: MessageUuid::new(uuid),
            text: m.get("text").and_then(|v| v.as_str()).map(String::from),
            has_media: m.get("hasMedia").and_then(|v| v.as_bool()).unwrap_or(false),
            media_uuids: media_uuids(m),
            price_cents: cents(m, "price"),
            from_creator: sender_uuid.as_str() == self.creator.as_str(),
            is_automated: false,
            created_at: str_at(m, "createdAt").map(String::from),
        };
        Ok((
            format!("msg:{}", uuid.to_ascii_lowercase()),
            self.sender,
            EventKind::MessageReceived(ev),
        ))
    }

    fn read(self) -> Result<Parsed, ParseError> {
        let (o, c, ts) = (self.o, self.creator, self.ts);
        let fan = str_at(o, "counterpartUuid").ok_or(ParseError::Missing("counterpartUuid"))?;
        let count = cents(o, "readMessagesCount");
        Ok((
            format!(
                "read:{c}:{}:{ts}:{}",
                fan.to_ascii_lowercase(),
                count.unwrap_or(0)
            ),
            Party {
                uuid: Some(FanUuid::new(fan)),
                ..Default::default()
            },
            EventKind::MessageRead {
                read_messages_count: count,
            },
        ))
    }

    fn subscriber(self) -> Parsed {
        let (c, ts, sender_id) = (self.creator, self.ts, self.sender_id());
        (
            format!("sub:{c}:{sender_id}:{ts}"),
            self.sender,
            EventKind::NewSubscriber {
                price_cents: cents(self.o, "price"),
            },
        )
    }

    fn follower(self) -> Parsed {
        let (c, ts, sender_id) = (self.creator, self.ts, self.sender_id());
        (
            format!("follow:{c}:{sender_id}:{ts}"),
            self.sender,
            EventKind::NewFollower,
        )
    }

    fn purchase(self) -> Parsed {
        let (o, c, ts, sender_id) = (self.o, self.creator, self.ts, self.sender_id());
        let post = str_at(o, "postUuid").map(String::from);
        let msg = str_at(o, "routeUuid")
            .or_else(|| str_at(o, "messageUuid"))
            .map(String::from);
        let what = post.clone().or_else(|| msg.clone()).unwrap_or_default();
        (
            format!("purchase:{c}:{sender_id}:{what}:{ts}"),
            self.sender,
            EventKind::Purchase {
                post_uuid: post,
                message_uuid: msg,
                price_cents: cents(o, "price"),
            },
        )
    }

    fn tip(self) -> Parsed {
        let (o, c, ts) = (self.o, self.creator, self.ts);
        let post = str_at(o, "postUuid").map(String::from);
        let msg = str_at(o, "messageUuid").map(String::from);
        let mut fan = self.sender;
        if fan.uuid.is_none() {
            fan.uuid = str_at(o, "senderUuid").map(FanUuid::new);
        }
        let fan_id = fan.uuid.as_ref().map(|u| u.to_string()).unwrap_or_default();
        let what = post.clone().or_else(|| msg.clone()).unwrap_or_default();
        // A flat tip carries no id of its own, and one fan may tip the same post twice with
        // the same amount: the body's timestamp is what tells two real tips apart, so it stays
        // in the key. Fanvue's retries resend the same body (same timestamp) and dedupe. A
        // copy re-signed with another timestamp needs the signing secret, and whoever holds it
        // can forge any event with any amount anyway; the key is not the defence there.
        (
            format!("tip:{c}:{fan_id}:{what}:{ts}"),
            fan,
            EventKind::Tip {
                context: str_at(o, "context").map(String::from),
                post_uuid: post,
                message_uuid: msg,
                price_cents: cents(o, "price"),
            },
        )
    }
}

/// The media a message carries (at most 100 ids: a hostile body cannot make the list unbounded).
fn media_uuids(m: &Map<String, Value>) -> Vec<String> {
    m.get("mediaUuids")
        .and_then(|v| v.as_array())
        .map(|a| {
            a.iter()
                .filter_map(|x| x.as_str())
                .take(100)
                .map(String::from)
                .collect()
        })
        .unwrap_or_default()
}

/// Identifies a flat platform event by its fields.
fn flat_shape(o: &Map<String, Value>) -> Option<PathHint> {
    let has = |k: &str| o.contains_key(k);
    if has("message") && (has("messageUuid") || has("sender")) {
        Some(PathHint::Message)
    } else if has("counterpartUuid") && has("readMessagesCount") {
        Some(PathHint::Read)
    } else if has("context") && has("price") {
        Some(PathHint::Tip)
    } else if (has("routeUuid") || has("postUuid")) && has("price") {
        Some(PathHint::Purchase)
    } else if has("price") && has("sender") && has("recipientUuid") {
        Some(PathHint::Subscriber)
    } else if has("sender") && has("recipientUuid") && o.len() <= 4 {
        Some(PathHint::Follower)
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const SECRET: &[u8] = b"fv_test_signing_secret_123";
    const BODY: &[u8] = br#"{"type":"message.received","data":{"messageUuid":"9b2f6a52-3c1e-4a8e-9a55-2f1d3d1c0b7e","text":"hi"}}"#;
    const T: i64 = 1_700_000_000;
    const SIG: &str = "12a25ebb2523b35719b774b282916a885a4c03afe82f9e703b7db1544bfefc39";

    fn hdr(sig: &str) -> String {
        format!("t={T},v0={sig}")
    }

    #[test]
    fn the_facts_test_vector_signs_and_verifies() {
        assert_eq!(sign(SECRET, T, BODY), SIG);
        assert_eq!(verify(Some(&hdr(SIG)), BODY, SECRET, T, 300), Ok(T));
        assert_eq!(
            verify(
                Some(&format!(" v0={SIG} , t={T} ")),
                BODY,
                SECRET,
                T + 299,
                300
            ),
            Ok(T)
        );
    }

    #[test]
    fn every_bad_signature_is_refused_with_its_reason() {
        use SignatureError::*;
        let v = |h: Option<&str>, body: &[u8], secret: &[u8], now: i64| {
            verify(h, body, secret, now, 300)
        };
        assert_eq!(v(Some(&hdr(SIG)), BODY, b"wrong_secret", T), Err(Mismatch));
        let mut tampered = BODY.to_vec();
        tampered[10] ^= 1;
        assert_eq!(v(Some(&hdr(SIG)), &tampered, SECRET, T), Err(Mismatch));
        assert_eq!(
            v(Some(&hdr(SIG)), BODY, SECRET, T + 301),
            Err(OutsideTolerance {
                skew_secs: 301,
                tolerance_secs: 300
            })
        );
        assert_eq!(
            v(Some(&hdr(SIG)), BODY, SECRET, T - 301),
            Err(OutsideTolerance {
                skew_secs: -301,
                tolerance_secs: 300
            })
        );
        assert_eq!(v(None, BODY, SECRET, T), Err(Missing));
        for malformed in [
            "",
            "garbage",
            "t=abc,v0=00",
            "t=,v0=00",
            "v0=abc",
            &format!("t={T}"),
            "t=1,,v0=1",
            &format!("t={T};v0={SIG}"),
        ] {
            assert_eq!(
                v(Some(malformed), BODY, SECRET, T),
                Err(Malformed),
                "{malformed:?}"
            );
        }
        assert_eq!(
            v(Some(&hdr(&SIG[..63])), BODY, SECRET, T),
            Err(Mismatch),
            "truncated"
        );
        assert_eq!(
            v(Some(&hdr(&SIG[..32])), BODY, SECRET, T),
            Err(Mismatch),
            "half"
        );
        assert_eq!(
            v(Some(&hdr(&format!("{SIG}00"))), BODY, SECRET, T),
            Err(Mismatch),
            "over-long"
        );
        assert_eq!(
            v(
                Some(&hdr(&SIG.to_uppercase().replace('A', "Z"))),
                BODY,
                SECRET,
                T
            ),
            Err(Mismatch)
        );
        assert_eq!(
            v(Some(&format!("sha256={SIG}")), BODY, SECRET, T),
            Err(Malformed)
        );
        assert_eq!(v(Some(&"x".repeat(5000)), BODY, SECRET, T), Err(Malformed));
    }

    #[test]
    fn one_matching_signature_among_several_is_enough() {
        let h = format!("t={T},v0={},v0={SIG}", "0".repeat(64));
        assert_eq!(verify(Some(&h), BODY, SECRET, T, 300), Ok(T));
    }

    fn samples() -> Value {
        serde_json::from_str(include_str!("../../tests/fixtures/webhook-samples.json")).unwrap()
    }

    fn legacy(name: &str) -> Vec<u8> {
        serde_json::to_vec(&samples()["legacy_platform_events"][name]["payload"]).unwrap()
    }

    #[test]
    fn every_documented_flat_sample_parses_by_shape() {
        let creator = Some(CreatorUuid::new("f4b2a184-2b4a-4a04-9b70-3c0e0a1caa12"));
        let e = parse(&legacy("message_received__current_doc"), None).unwrap();
        assert_eq!(e.creator, creator);
        assert_eq!(e.dedupe_key, "msg:2f7c5e8a-6d36-4e3a-98d9-9f1b3b0a1a10");
        assert_eq!(
            e.fan.uuid,
            Some(FanUuid::new("5939ae62-3eb5-4433-954f-f78c7b4282f3"))
        );
        match &e.kind {
            EventKind::MessageReceived(m) => {
                assert_eq!(m.text.as_deref(), Some("Hey! Is this still available?"));
                assert_eq!(m.price_cents, Some(300));
                assert_eq!(m.media_uuids.len(), 1);
                assert!(!m.from_creator);
            }
            k => panic!("{k:?}"),
        }
        let kinds: Vec<&str> = [
            "message_received__older_doc",
            "message_read",
            "new_subscriber",
            "purchase_received__post",
            "purchase_received__message",
            "tip_received__post",
            "tip_received__message",
        ]
        .iter()
        .map(|n| {
            let e = parse(&legacy(n), None).unwrap_or_else(|err| panic!("{n}: {err}"));
            assert_eq!(e.creator, creator, "{n}");
            e.kind.name()
        })
        .collect();
        assert_eq!(
            kinds,
            [
                "message_received",
                "message_read",
                "new_subscriber",
                "purchase",
                "purchase",
                "tip",
                "tip"
            ]
        );
        match parse(&legacy("purchase_received__message"), None)
            .unwrap()
            .kind
        {
            EventKind::Purchase {
                message_uuid,
                price_cents,
                ..
            } => {
                assert_eq!(
                    message_uuid.as_deref(),
                    Some("a1b2c3d4-e5f6-7890-abcd-ef1234567890")
                );
                assert_eq!(price_cents, Some(1999));
            }
            k => panic!("{k:?}"),
        }
    }

    #[test]
    fn the_path_names_the_event_when_the_shape_is_ambiguous() {
        let follower = br#"{"recipientUuid":"c1","sender":{"uuid":"f1","handle":"h"},"timestamp":"2025-01-01T00:00:00Z"}"#;
        assert_eq!(parse(follower, None).unwrap().kind, EventKind::NewFollower);
        let sub = parse(follower, Some(PathHint::Subscriber)).unwrap();
        assert_eq!(sub.kind, EventKind::NewSubscriber { price_cents: None });
        assert!(
            parse(follower, Some(PathHint::Message)).is_err(),
            "a message path needs a message"
        );
    }

    #[test]
    fn envelopes_parse_with_stable_keys_and_unknown_types_are_kept() {
        let b = br#"{"id":"evt_1","type":"creator.message.received","timestamp":"2026-01-01T00:00:00Z",
            "data":{"uuid":"M-1","sender":"fan","is_automated":false,"fan":{"uuid":"F-1"},"creator":{"uuid":"C-1"}}}"#;
        let e = parse(b, None).unwrap();
        assert_eq!(
            e.dedupe_key, "msg:m-1",
            "the same message from any source dedupes"
        );
        assert_eq!(e.creator, Some(CreatorUuid::new("c-1")));
        match e.kind {
            EventKind::MessageReceived(m) => assert!(m.text.is_none() && !m.from_creator),
            k => panic!("{k:?}"),
        }
        let from_creator = br#"{"id":"evt_2","type":"creator.message.received","data":{"uuid":"M-2","sender":"creator","fan":{"uuid":"F-1"},"creator":{"uuid":"C-1"}}}"#;
        match parse(from_creator, None).unwrap().kind {
            EventKind::MessageReceived(m) => assert!(m.from_creator),
            k => panic!("{k:?}"),
        }
        let unknown = br#"{"id":"evt_3","type":"app.payment.succeeded","timestamp":"t","data":{"object":"payment"}}"#;
        let e = parse(unknown, None).unwrap();
        assert_eq!(e.dedupe_key, "env:evt_3");
        assert_eq!(
            e.kind,
            EventKind::Unknown {
                type_name: Some("app.payment.succeeded".into())
            }
        );
    }

    #[test]
    fn malformed_bodies_are_refused_with_a_reason() {
        assert!(matches!(
            parse(b"{not json", None),
            Err(ParseError::NotJson(_))
        ));
        assert_eq!(parse(b"[1,2]", None), Err(ParseError::NotObject));
        assert!(matches!(
            parse(br#"{"hello":"world"}"#, None),
            Err(ParseError::UnknownShape(_))
        ));
        assert_eq!(
            parse(
                br#"{"message":{"text":"x"},"sender":{"uuid":"f"},"recipientUuid":"c"}"#,
                None
            ),
            Err(ParseError::Missing("messageUuid"))
        );
        assert_eq!(
            parse(br#"{"message":{"uuid":"m"},"sender":{"uuid":"f"}}"#, None),
            Err(ParseError::Missing("recipientUuid"))
        );
        assert_eq!(
            parse(
                br#"{"id":"e","type":"creator.message.received","data":{"fan":{"uuid":"f"}}}"#,
                None
            ),
            Err(ParseError::Missing("data.uuid"))
        );
    }

    #[test]
    fn a_retried_tip_dedupes_and_a_second_tip_at_another_time_is_its_own_event() {
        let tip = |ts: &str| {
            format!(
                r#"{{"context":"post","postUuid":"p1","recipientUuid":"c1","senderUuid":"f1","price":500,"timestamp":"{ts}"}}"#
            )
        };
        let key = |b: &str| parse(b.as_bytes(), Some(PathHint::Tip)).unwrap().dedupe_key;
        let first = tip("2025-11-06T10:32:52.000Z");
        assert_eq!(key(&first), key(&first.clone()), "a retry is the same body");
        assert_ne!(
            key(&first),
            key(&tip("2025-11-06T10:40:00.000Z")),
            "two real tips of one fan on one post differ only by their time"
        );
    }
}
