//! Signed webhook delivery: both body families, at-least-once with retries, and injected faults.

use super::{
    world::{new_uuid, Delivery, Shared, World},
    Family,
};
use rand::Rng;
use serde_json::{json, Value};
use std::{
    sync::Arc,
    time::{Duration, Instant},
};
use tokio_util::sync::CancellationToken;

/// Something that happened which Fanvue would announce by webhook.
pub enum Hook {
    Message {
        fan: usize,
        uuid: String,
        text: Option<String>,
        sent_at: String,
    },
    /// A message the creator wrote by hand in the app (envelope family only).
    CreatorMessage {
        fan: usize,
        uuid: String,
        sent_at: String,
    },
    Read {
        fan: usize,
        count: i64,
    },
    Subscriber {
        fan: usize,
        price: i64,
    },
    Follower {
        fan: usize,
    },
    Purchase {
        fan: usize,
        message_uuid: String,
        price: i64,
    },
    Tip {
        fan: usize,
        message_uuid: Option<String>,
        price: i64,
    },
}

fn sender(w: &World, fan: usize) -> Value {
    let f = &w.fans[fan];
    json!({"uuid": f.uuid, "handle": f.handle, "displayName": f.display_name, "avatarUrl": null})
}

/// The flat platform body and the path it is posted to.
fn flat(w: &World, hook: &Hook, ts: &str) -> (&'static str, Value) {
    let recipient = |fan: usize| w.creators[w.fans[fan].creator].uuid.clone();
    match hook {
        Hook::Message {
            fan,
            uuid,
            text,
            sent_at,
        } => (
            "message",
            json!({"message": {"uuid": uuid, "text": text, "hasMedia": false, "createdAt": sent_at},
                   "messageUuid": uuid, "sender": sender(w, *fan), "recipientUuid": recipient(*fan),
                   "isMuted": false, "timestamp": ts}),
        ),
        // Never posted: the flat family has no body for a creator's own message (see enqueue).
        Hook::CreatorMessage { .. } => ("message", Value::Null),
        Hook::Read { fan, count } => (
            "read",
            json!({"counterpartUuid": w.fans[*fan].uuid, "readMessagesCount": count, "recipientUuid": recipient(*fan), "timestamp": ts}),
        ),
        Hook::Subscriber { fan, price } => (
            "subscriber",
            json!({"price": price, "recipientUuid": recipient(*fan), "sender": sender(w, *fan), "timestamp": ts}),
        ),
        Hook::Follower { fan } => (
            "follower",
            json!({"recipientUuid": recipient(*fan), "sender": sender(w, *fan), "timestamp": ts}),
        ),
        Hook::Purchase {
            fan,
            message_uuid,
            price,
        } => (
            "purchase",
            json!({"routeUuid": message_uuid, "price": price, "recipientUuid": recipient(*fan), "sender": sender(w, *fan), "timestamp": ts}),
        ),
        Hook::Tip {
            fan,
            message_uuid,
            price,
        } => (
            "tip",
            json!({"context": if message_uuid.is_some() { "message" } else { "post" }, "messageUuid": message_uuid,
                   "price": price, "recipientUuid": recipient(*fan), "sender": sender(w, *fan),
                   "senderUuid": w.fans[*fan].uuid, "timestamp": ts}),
        ),
    }
}

impl Hook {
    /// The fan the event is about (every event is one fan's, with their creator).
    fn fan(&self) -> usize {
        match self {
            Hook::Message { fan, .. }
            | Hook::CreatorMessage { fan, .. }
            | Hook::Read { fan, .. }
            | Hook::Subscriber { fan, .. }
            | Hook::Follower { fan }
            | Hook::Purchase { fan, .. }
            | Hook::Tip { fan, .. } => *fan,
        }
    }
}

/// The `{id,type,timestamp,data}` envelope with snake_case data (message events carry no text);
/// every `data` names the fan and the creator.
fn envelope(w: &mut World, hook: &Hook, ts: &str) -> Value {
    let message = |uuid: &str, sender: &str, sent_at: &str| json!({"uuid": uuid, "sender": sender, "is_automated": false, "created_at": sent_at});
    let (kind, mut data) = match hook {
        Hook::Message { uuid, sent_at, .. } => {
            ("creator.message.received", message(uuid, "fan", sent_at))
        }
        Hook::CreatorMessage { uuid, sent_at, .. } => (
            "creator.message.received",
            message(uuid, "creator", sent_at),
        ),
        Hook::Read { count, .. } => (
            "creator.message.read",
            json!({ "read_messages_count": count }),
        ),
        Hook::Subscriber { price, .. } => ("creator.subscriber.created", json!({ "price": price })),
        Hook::Follower { .. } => ("creator.follower.created", json!({})),
        Hook::Purchase {
            message_uuid,
            price,
            ..
        } => (
            "creator.purchase.created",
            json!({"message_uuid": message_uuid, "price": price}),
        ),
        Hook::Tip {
            message_uuid,
            price,
            ..
        } => (
            "creator.tip.received",
            json!({"message_uuid": message_uuid, "price": price}),
        ),
    };
    let f = &w.fans[hook.fan()];
    data["fan"] = json!({"uuid": f.uuid, "handle": f.handle, "display_name": f.display_name});
    data["creator"] = json!({"uuid": w.creators[f.creator].uuid});
    let id = format!("evt_{}", new_uuid(&mut w.rng).replace('-', ""));
    json!({"id": id, "type": kind, "timestamp": ts, "data": data})
}

/// Queues a webhook, applying the drop/duplicate/delay/reorder faults.
pub fn enqueue(st: &Shared, w: &mut World, hook: Hook) {
    if let Hook::Tip { fan, .. } | Hook::Subscriber { fan, .. } = &hook {
        w.chats.entry(*fan).or_default().acks_due += 1;
    }
    if st.args.webhook_url.is_none()
        || (matches!(hook, Hook::CreatorMessage { .. }) && st.args.family == Family::Flat)
    {
        return;
    }
    let ts = st.now_rfc3339();
    let (path, body) = match st.args.family {
        Family::Flat => {
            let (p, b) = flat(w, &hook, &ts);
            (format!("/{p}"), b)
        }
        Family::Envelope => (String::new(), envelope(w, &hook, &ts)),
    };
    let f = st.faults();
    if f.drop_webhooks > 0.0 && w.rng.gen_bool(f.drop_webhooks.min(1.0)) {
        w.stats.webhooks_dropped += 1;
        return;
    }
    let copies = if f.duplicate_webhooks > 0.0 && w.rng.gen_bool(f.duplicate_webhooks.min(1.0)) {
        w.stats.webhooks_duplicated += 1;
        2
    } else {
        1
    };
    let body = body.to_string();
    let message = match &hook {
        Hook::Message { fan, uuid, .. } => Some((*fan, uuid.clone())),
        _ => None,
    };
    for _ in 0..copies {
        let mut delay = if f.delay_webhooks_ms > 0 {
            w.rng.gen_range(0..=f.delay_webhooks_ms)
        } else {
            0
        };
        if f.reorder_webhooks > 0.0 && w.rng.gen_bool(f.reorder_webhooks.min(1.0)) {
            delay += w.rng.gen_range(500..2000);
        }
        let id = w.next_delivery;
        w.next_delivery += 1;
        w.queue.push(Delivery {
            id,
            path: path.clone(),
            body: body.clone(),
            due: Instant::now() + Duration::from_millis(delay),
            attempt: 0,
            message: message.clone(),
        });
        w.stats.webhooks_queued += 1;
    }
    st.webhook_wake.notify_one();
}

/// Delivers due webhooks until shutdown; failed deliveries are retried with backoff.
pub async fn deliver(st: Arc<Shared>, shutdown: CancellationToken) {
    let Some(base) = st.args.webhook_url.clone() else {
        return;
    };
    let base = base.trim_end_matches('/').to_string();
    let http = reqwest::Client::builder()
        .timeout(Duration::from_secs(10))
        .build()
        .expect("http client");
    let in_flight = Arc::new(tokio::sync::Semaphore::new(16));
    loop {
        let (due, next_wake) = {
            let mut w = st.lock();
            let now = Instant::now();
            let (due, rest): (Vec<Delivery>, Vec<Delivery>) = std::mem::take(&mut w.queue)
                .into_iter()
                .partition(|d| d.due <= now);
            w.queue = rest;
            (due, w.queue.iter().map(|d| d.due).min())
        };
        for d in due {
            let permit = in_flight
                .clone()
                .acquire_owned()
                .await
                .expect("semaphore open");
            let (st, http, url) = (st.clone(), http.clone(), format!("{base}{}", d.path));
            tokio::spawn(async move {
                let _permit = permit;
                post(&st, &http, &url, d).await;
            });
        }
        let sleep = next_wake
            .map(|t| t.saturating_duration_since(Instant::now()))
            .unwrap_or(Duration::from_secs(3600));
        tokio::select! {
            _ = shutdown.cancelled() => return,
            _ = st.webhook_wake.notified() => {},
            _ = tokio::time::sleep(sleep) => {},
        }
    }
}

/// One delivery attempt, signed at the moment it is sent: a 2xx delivers it (a message webhook's
/// message is then seen by the daemon); anything else queues a retry after a backoff, up to
/// `--webhook-attempts`.
async fn post(st: &Shared, http: &reqwest::Client, url: &str, d: Delivery) {
    let t = super::world::unix_now();
    let res = http
        .post(url)
        .header("content-type", "application/json")
        .header(
            "x-fanvue-signature",
            super::signature::header_value(&st.args.webhook_secret, t, d.body.as_bytes()),
        )
        .body(d.body.clone())
        .send()
        .await;
    let ok = matches!(&res, Ok(r) if r.status().is_success());
    let mut w = st.lock();
    if ok {
        w.stats.webhooks_delivered += 1;
        if let Some((fan, uuid)) = &d.message {
            if let Some(chat) = w.chats.get_mut(fan) {
                chat.saw([uuid.as_str()]);
            }
        }
    } else if d.attempt + 1 >= st.args.webhook_attempts {
        w.stats.webhooks_given_up += 1;
    } else {
        w.stats.webhooks_attempts_failed += 1;
        let backoff = Duration::from_millis(500u64 << d.attempt.min(6));
        w.queue.push(Delivery {
            attempt: d.attempt + 1,
            due: Instant::now() + backoff,
            ..d
        });
        st.webhook_wake.notify_one();
    }
}
