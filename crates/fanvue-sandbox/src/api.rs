//! The sandbox's Fanvue REST surface: auth, version check, per-creator bucket, the chat operations.

// Handlers return `Result<_, Reply>` where the error *is* the HTTP response; its size is irrelevant.
#![allow(clippy::result_large_err)]

use super::{
    webhooks::{enqueue, Hook},
    world::{Chat, Msg, Shared, World},
};
use axum::{
    body::Bytes,
    extract::{Path, RawQuery, State},
    http::{HeaderMap, HeaderValue, StatusCode},
    response::{IntoResponse, Response},
    routing::{get, patch, post},
    Json, Router,
};
use rand::Rng;
use serde_json::{json, Value};
use std::{
    sync::Arc,
    time::{Duration, Instant},
};

pub fn routes() -> Router<Arc<Shared>> {
    Router::new()
        .route("/users/me", get(me))
        .route("/chats", get(list_chats))
        .route("/chats/unread", get(unread))
        .route("/chats/messages/batch", post(batch))
        .route("/chats/templates", get(templates))
        .route("/chats/templates/{uuid}", get(template))
        .route("/chats/{fan}", patch(update_chat))
        .route("/chats/{fan}/messages", get(list_messages))
        .route("/chats/{fan}/message", post(send_message))
        .route("/media", get(media))
        .route("/insights/fans/{fan}", get(insights))
}

/// `Ok(v)` → `v`; `Err(reply)` → return the reply (handlers answer errors as ordinary responses).
macro_rules! early {
    ($e:expr) => {
        match $e {
            Ok(v) => v,
            Err(r) => return r,
        }
    };
}

/// A response with the rate-limit headers of the caller's bucket.
struct Reply {
    status: StatusCode,
    body: Option<Value>,
    headers: HeaderMap,
}

impl IntoResponse for Reply {
    fn into_response(self) -> Response {
        let mut r = match self.body {
            Some(b) => (self.status, Json(b)).into_response(),
            None => self.status.into_response(),
        };
        r.headers_mut().extend(self.headers);
        r
    }
}

fn err(status: StatusCode, body: Value) -> Reply {
    Reply {
        status,
        body: Some(body),
        headers: HeaderMap::new(),
    }
}

/// The authenticated caller of one request.
struct Caller {
    creator: usize,
    headers: HeaderMap,
}

impl Caller {
    fn ok(&self, body: Value) -> Reply {
        Reply {
            status: StatusCode::OK,
            body: Some(body),
            headers: self.headers.clone(),
        }
    }
    fn status(&self, status: StatusCode, body: Option<Value>) -> Reply {
        Reply {
            status,
            body,
            headers: self.headers.clone(),
        }
    }
}

fn hv(n: impl ToString) -> HeaderValue {
    HeaderValue::from_str(&n.to_string()).expect("numeric header")
}

/// Auth, version, rate limit, scope, route accounting: what every API call passes first.
fn admit(
    st: &Shared,
    w: &mut World,
    headers: &HeaderMap,
    route: &str,
    scopes: &[&str],
) -> Result<Caller, Reply> {
    let token = headers
        .get("authorization")
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.strip_prefix("Bearer "))
        .unwrap_or("");
    let now = st.now_unix();
    let Some(grant) = w
        .access
        .get(token)
        .filter(|g| g.expires_at > now && !w.revoked_families.contains(&g.family))
    else {
        w.stats.unauthorized += 1;
        return Err(err(
            StatusCode::UNAUTHORIZED,
            json!({"error": "Unauthorized"}),
        ));
    };
    let (creator, granted) = (grant.creator, grant.scopes.clone());
    match headers
        .get("x-fanvue-api-version")
        .and_then(|v| v.to_str().ok())
    {
        Some(v) if v == st.args.api_version => {}
        Some(v) if v < "2025-01-01" => {
            return Err(err(
                StatusCode::GONE,
                json!({"error": "Gone", "message": format!("API version {v} is sunset"), "nextVersion": st.args.api_version}),
            ))
        }
        Some(v) => {
            return Err(err(
                StatusCode::BAD_REQUEST,
                json!({"error": format!("Unsupported API version: {v}")}),
            ))
        }
        None => {
            return Err(err(
                StatusCode::BAD_REQUEST,
                json!({"error": "Missing X-Fanvue-API-Version header"}),
            ))
        }
    }
    // The bucket: `rate_limit` requests per window, refilled to full 60 s after the window opened.
    let limit = st.args.rate_limit;
    let now_i = Instant::now();
    let faults = st.faults();
    let storm_until = w.storms.get(&creator).copied().filter(|u| *u > now_i);
    let storm_until = storm_until.or_else(|| {
        (faults.rate_limit_storm > 0.0 && w.rng.gen_bool(faults.rate_limit_storm.min(1.0))).then(
            || {
                let u = now_i + Duration::from_secs(faults.storm_secs.max(1));
                w.storms.insert(creator, u);
                u
            },
        )
    });
    let bucket = w.buckets.entry(creator).or_insert((now_i, 0));
    if now_i.duration_since(bucket.0) >= Duration::from_secs(60) {
        *bucket = (now_i, 0);
    }
    let reset_in = Duration::from_secs(60).saturating_sub(now_i.duration_since(bucket.0));
    let reset_at = super::world::unix_now() + reset_in.as_secs_f64().ceil() as i64;
    let mut h = HeaderMap::new();
    h.insert("x-ratelimit-limit", hv(limit));
    h.insert("x-ratelimit-reset", hv(reset_at));
    if let Some(until) = storm_until {
        let wait = until
            .saturating_duration_since(now_i)
            .as_secs_f64()
            .ceil()
            .max(1.0) as u64;
        h.insert("x-ratelimit-remaining", hv(limit.saturating_sub(bucket.1)));
        h.insert("retry-after", hv(wait));
        w.stats.rate_limited += 1;
        w.stats.rate_limited_injected += 1;
        return Err(Reply {
            status: StatusCode::TOO_MANY_REQUESTS,
            body: Some(json!({"error": "Too many requests"})),
            headers: h,
        });
    }
    if bucket.1 >= limit {
        h.insert("x-ratelimit-remaining", hv(0));
        h.insert(
            "retry-after",
            hv(reset_in.as_secs_f64().ceil().max(1.0) as u64),
        );
        w.stats.rate_limited += 1;
        return Err(Reply {
            status: StatusCode::TOO_MANY_REQUESTS,
            body: Some(json!({"error": "Too many requests"})),
            headers: h,
        });
    }
    bucket.1 += 1;
    h.insert("x-ratelimit-remaining", hv(limit - bucket.1));
    *w.stats.api_calls.entry(route.to_string()).or_default() += 1;
    w.stats.api_calls_total += 1;
    let removed = &w.creators[creator].removed_scopes;
    if scopes
        .iter()
        .any(|s| !granted.iter().any(|g| g == s) || removed.contains(*s))
    {
        return Err(Reply {
            status: StatusCode::FORBIDDEN,
            body: Some(json!({"error": "Insufficient scopes"})),
            headers: h,
        });
    }
    if faults.api_5xx > 0.0 && w.rng.gen_bool(faults.api_5xx.min(1.0)) {
        return Err(Reply {
            status: StatusCode::INTERNAL_SERVER_ERROR,
            body: Some(json!({"error": "Internal Server Error"})),
            headers: h,
        });
    }
    Ok(Caller {
        creator,
        headers: h,
    })
}

fn query_pairs(q: &Option<String>) -> Vec<(String, String)> {
    url::form_urlencoded::parse(q.as_deref().unwrap_or("").as_bytes())
        .into_owned()
        .collect()
}

fn q_get<'a>(q: &'a [(String, String)], k: &str) -> Option<&'a str> {
    q.iter().find(|(key, _)| key == k).map(|(_, v)| v.as_str())
}

/// `page` (from 1) and `size` (1..50, default 15); a value out of range is a 400.
fn paging(q: &[(String, String)]) -> Result<(usize, usize), Reply> {
    let num = |k: &str, d: f64| -> Result<f64, Reply> {
        match q_get(q, k) {
            None => Ok(d),
            Some(v) => v
                .parse::<f64>()
                .ok()
                .filter(|n| n.fract() == 0.0)
                .ok_or_else(|| err(StatusCode::BAD_REQUEST, json!({"error": "Bad Request", "message": format!("`{k}` must be a whole number")}))),
        }
    };
    let page = num("page", 1.0)?;
    let size = num("size", 15.0)?;
    if page < 1.0 || !(1.0..=50.0).contains(&size) {
        return Err(err(
            StatusCode::BAD_REQUEST,
            json!({"error": "Bad Request", "message": "page must be >= 1 and size 1..50"}),
        ));
    }
    Ok((page as usize, size as usize))
}

fn paginate(items: Vec<Value>, page: usize, size: usize) -> Value {
    let start = (page - 1) * size;
    let has_more = items.len() > start + size;
    let data: Vec<Value> = items.into_iter().skip(start).take(size).collect();
    json!({"data": data, "pagination": {"page": page, "size": data.len(), "hasMore": has_more}})
}

fn msg_json(w: &World, fan: usize, m: &Msg) -> Value {
    let f = &w.fans[fan];
    let c = &w.creators[f.creator];
    let (s, r) = if m.from_creator {
        ((&c.uuid, &c.handle), (&f.uuid, &f.handle))
    } else {
        ((&f.uuid, &f.handle), (&c.uuid, &c.handle))
    };
    json!({
        "uuid": m.uuid,
        "text": m.text,
        "sentAt": m.sent_at,
        "sender": {"uuid": s.0, "handle": s.1},
        "recipient": {"uuid": r.0, "handle": r.1},
        "hasMedia": !m.media_uuids.is_empty(),
        "mediaType": if m.media_uuids.is_empty() { Value::Null } else { "image".into() },
        "mediaUuids": m.media_uuids,
        "type": m.msg_type,
        "isRead": m.read,
        "pricing": m.price.map(|p| json!({"price": p, "currency": "USD"})),
        "purchasedAt": if m.purchased { Value::String(m.sent_at.clone()) } else { Value::Null },
    })
}

fn chat_json(w: &World, fan: usize, chat: &Chat) -> Value {
    let f = &w.fans[fan];
    let last = chat.messages.last();
    json!({
        "createdAt": chat.messages.first().map(|m| m.sent_at.clone()),
        "lastMessageAt": last.map(|m| m.sent_at.clone()),
        "isRead": chat.creator_unread() == 0,
        "isMuted": chat.is_muted,
        "unreadMessagesCount": chat.creator_unread(),
        "user": {
            "uuid": f.uuid, "handle": f.handle, "displayName": f.display_name, "nickname": chat.nickname,
            "isTopSpender": f.spend_cents >= 5000, "avatarUrl": null, "registeredAt": f.registered_at,
        },
        "lastMessage": last.map(|m| {
            let sender = if m.from_creator { w.creators[f.creator].uuid.clone() } else { f.uuid.clone() };
            json!({"text": m.text, "type": m.msg_type, "uuid": m.uuid, "sentAt": m.sent_at,
                   "hasMedia": !m.media_uuids.is_empty(), "mediaType": null, "senderUuid": sender})
        }),
    })
}

async fn me(State(st): State<Arc<Shared>>, h: HeaderMap) -> Reply {
    let mut w = st.lock();
    let c = early!(admit(&st, &mut w, &h, "GET /users/me", &["read:self"]));
    let cr = &w.creators[c.creator];
    let fans = w.fans.iter().filter(|f| f.creator == c.creator).count();
    c.ok(json!({
        "uuid": cr.uuid, "email": format!("{}@sandbox.invalid", cr.handle), "handle": cr.handle, "bio": "",
        "displayName": cr.display_name, "isCreator": true, "createdAt": "2024-01-01", "updatedAt": "2024-01-01",
        "avatarUrl": null, "fanCounts": {"followersCount": 0, "subscribersCount": fans},
    }))
}

async fn list_chats(State(st): State<Arc<Shared>>, h: HeaderMap, RawQuery(q): RawQuery) -> Reply {
    let q = query_pairs(&q);
    let mut w = st.lock();
    let c = early!(admit(&st, &mut w, &h, "GET /chats", &["read:chat"]));
    let (page, size) = early!(paging(&q));
    let filters: Vec<&str> = q
        .iter()
        .filter(|(k, _)| k == "filter")
        .map(|(_, v)| v.as_str())
        .collect();
    let mut chats: Vec<(u64, usize, Value)> = w
        .chats
        .iter()
        .filter(|(fan, _)| w.fans[**fan].creator == c.creator)
        .filter(|(_, chat)| {
            filters.iter().all(|f| match *f {
                "unread" => chat.creator_unread() > 0,
                "not_answered" => chat.messages.last().is_some_and(|m| !m.from_creator),
                "not_muted" => !chat.is_muted,
                _ => true,
            })
        })
        .map(|(fan, chat)| {
            (
                chat.messages.last().map(|m| m.seq).unwrap_or(0),
                *fan,
                chat_json(&w, *fan, chat),
            )
        })
        .collect();
    chats.sort_by_key(|c| std::cmp::Reverse(c.0));
    // The page's `lastMessage`s are what the daemon sees of these chats.
    for (_, fan, v) in chats.iter().skip((page - 1) * size).take(size) {
        let last = v["lastMessage"]["uuid"].as_str().unwrap_or_default();
        if let Some(chat) = w.chats.get_mut(fan) {
            chat.saw([last]);
        }
    }
    c.ok(paginate(
        chats.into_iter().map(|(_, _, v)| v).collect(),
        page,
        size,
    ))
}

async fn unread(State(st): State<Arc<Shared>>, h: HeaderMap) -> Reply {
    let mut w = st.lock();
    let c = early!(admit(&st, &mut w, &h, "GET /chats/unread", &["read:chat"]));
    let (mut chats, mut msgs) = (0, 0);
    for (fan, chat) in &w.chats {
        if w.fans[*fan].creator == c.creator && chat.creator_unread() > 0 {
            chats += 1;
            msgs += chat.creator_unread();
        }
    }
    c.ok(json!({"unreadChatsCount": chats, "unreadMessagesCount": msgs, "unreadNotifications": {
        "newFollower": 0, "newPostComment": 0, "newPostLike": 0, "newPromotion": 0, "newPurchase": 0, "newSubscriber": 0, "newTip": 0}}))
}

fn mark_read(st: &Shared, w: &mut World, fan: usize) {
    let Some(chat) = w.chats.get_mut(&fan) else {
        return;
    };
    let unread = chat.creator_unread();
    chat.creator_read_seq = chat.messages.last().map(|m| m.seq).unwrap_or(0);
    if unread > 0 {
        enqueue(
            st,
            w,
            Hook::Read {
                fan,
                count: unread as i64,
            },
        );
    }
}

async fn list_messages(
    State(st): State<Arc<Shared>>,
    h: HeaderMap,
    Path(fan): Path<String>,
    RawQuery(q): RawQuery,
) -> Reply {
    let q = query_pairs(&q);
    let mut w = st.lock();
    let c = early!(admit(
        &st,
        &mut w,
        &h,
        "GET /chats/{fan}/messages",
        &["read:chat"]
    ));
    let (page, size) = early!(paging(&q));
    let Some(f) = w.fan_of(c.creator, &fan) else {
        return c.status(
            StatusCode::NOT_FOUND,
            Some(json!({"message": "No conversation found with the given user"})),
        );
    };
    let items: Vec<Value> = w
        .chats
        .get(&f)
        .map(|chat| {
            chat.messages
                .iter()
                .rev()
                .map(|m| msg_json(&w, f, m))
                .collect()
        })
        .unwrap_or_default();
    let shown: Vec<String> = items
        .iter()
        .skip((page - 1) * size)
        .take(size)
        .filter_map(|m| m["uuid"].as_str().map(str::to_string))
        .collect();
    if let Some(chat) = w.chats.get_mut(&f) {
        chat.saw(shown.iter().map(String::as_str));
    }
    if q_get(&q, "markAsRead") != Some("false") {
        mark_read(&st, &mut w, f);
    }
    c.ok(paginate(items, page, size))
}

fn parse_body(body: &Bytes) -> Result<Value, Reply> {
    serde_json::from_slice::<Value>(body)
        .ok()
        .filter(|v| v.is_object())
        .ok_or_else(|| {
            err(
                StatusCode::BAD_REQUEST,
                json!({"error": "Bad Request", "message": "body must be a JSON object"}),
            )
        })
}

async fn batch(State(st): State<Arc<Shared>>, h: HeaderMap, body: Bytes) -> Reply {
    let mut w = st.lock();
    let c = early!(admit(
        &st,
        &mut w,
        &h,
        "POST /chats/messages/batch",
        &["read:chat"],
    ));
    let b = early!(parse_body(&body));
    let Some(ids) = b["chatUuids"]
        .as_array()
        .filter(|a| (1..=50).contains(&a.len()))
    else {
        return c.status(
            StatusCode::BAD_REQUEST,
            Some(json!({"error": "Bad Request", "message": "chatUuids must hold 1..50 uuids"})),
        );
    };
    let limit = b["limit"].as_u64().unwrap_or(20).clamp(1, 50) as usize;
    let since = b["sinceMessageUuid"]
        .as_str()
        .map(|s| s.to_ascii_lowercase());
    let mut by_chat = serde_json::Map::new();
    for id in ids.iter().filter_map(|v| v.as_str()) {
        let entry = match w.fan_of(c.creator, id) {
            None => json!({"error": "not_found"}),
            Some(f) => {
                let msgs: Vec<&Msg> = w
                    .chats
                    .get(&f)
                    .map(|ch| ch.messages.iter().collect())
                    .unwrap_or_default();
                let since_seq = since
                    .as_ref()
                    .and_then(|s| msgs.iter().find(|m| &m.uuid == s))
                    .map(|m| m.seq)
                    .unwrap_or(0);
                let newer: Vec<&&Msg> = msgs.iter().rev().filter(|m| m.seq > since_seq).collect();
                let page: Vec<Value> = newer
                    .iter()
                    .take(limit)
                    .map(|m| msg_json(&w, f, m))
                    .collect();
                let entry = json!({"messages": page, "hasMore": newer.len() > limit,
                       "oldestMessageUuid": newer.get(limit.min(newer.len()).saturating_sub(1)).map(|m| m.uuid.clone())});
                if let Some(chat) = w.chats.get_mut(&f) {
                    chat.saw(page.iter().filter_map(|m| m["uuid"].as_str()));
                }
                entry
            }
        };
        by_chat.insert(id.to_string(), entry);
    }
    c.ok(json!({"byChat": by_chat}))
}

async fn update_chat(
    State(st): State<Arc<Shared>>,
    h: HeaderMap,
    Path(fan): Path<String>,
    body: Bytes,
) -> Reply {
    let mut w = st.lock();
    let c = early!(admit(
        &st,
        &mut w,
        &h,
        "PATCH /chats/{fan}",
        &["write:chat"]
    ));
    let b = early!(parse_body(&body));
    let Some(f) = w.fan_of(c.creator, &fan) else {
        return c.status(
            StatusCode::BAD_REQUEST,
            Some(json!({"error": "Bad Request", "message": "invalid user uuid"})),
        );
    };
    if let Some(n) = b.get("nickname") {
        if n.as_str().is_none_or(|s| s.chars().count() > 30) {
            return c.status(
                StatusCode::BAD_REQUEST,
                Some(json!({"error": "Bad Request", "message": "nickname: at most 30 characters"})),
            );
        }
    }
    if b.get("isRead").and_then(|v| v.as_bool()) == Some(true) {
        mark_read(&st, &mut w, f);
    }
    let chat = w.chats.entry(f).or_default();
    if let Some(m) = b.get("isMuted").and_then(|v| v.as_bool()) {
        chat.is_muted = m;
    }
    if let Some(n) = b.get("nickname").and_then(|v| v.as_str()) {
        chat.nickname = Some(n.to_string());
    }
    if b.get("isRead").and_then(|v| v.as_bool()) == Some(false) {
        chat.creator_read_seq = 0;
    }
    c.status(StatusCode::NO_CONTENT, None)
}

/// What a send asks for, once validated.
struct SendReq {
    text: Option<String>,
    media: Vec<String>,
    price: Option<i64>,
}

fn validate_send(st: &Shared, w: &World, creator: usize, b: &Value) -> Result<SendReq, String> {
    let text = match b.get("text") {
        None | Some(Value::Null) => None,
        Some(Value::String(s)) => {
            let n = s.chars().count();
            if n == 0 || n > 5000 || s.trim().is_empty() {
                return Err("text must be 1..5000 characters".into());
            }
            Some(s.clone())
        }
        _ => return Err("text must be a string or null".into()),
    };
    let media: Vec<String> = match b.get("mediaUuids") {
        None | Some(Value::Null) => vec![],
        Some(Value::Array(a)) => a
            .iter()
            .map(|v| {
                v.as_str()
                    .map(str::to_ascii_lowercase)
                    .ok_or("mediaUuids must be uuids")
            })
            .collect::<Result<_, _>>()?,
        _ => return Err("mediaUuids must be an array".into()),
    };
    let vault = &w.creators[creator].media;
    if let Some(bad) = media.iter().find(|m| !vault.iter().any(|v| &v.uuid == *m)) {
        return Err(format!("media {bad} is not in the creator's vault"));
    }
    let price = match b.get("price") {
        None | Some(Value::Null) => None,
        Some(Value::Number(n)) => Some(n.as_f64().unwrap_or(0.0).round() as i64),
        _ => return Err("price must be a number or null".into()),
    };
    if let Some(p) = price {
        if p < st.args.min_price_cents {
            return Err(format!(
                "price must be at least {} cents",
                st.args.min_price_cents
            ));
        }
        if media.is_empty() {
            return Err("a priced message needs media".into());
        }
    }
    let template = b.get("templateUuid").and_then(|v| v.as_str());
    if text.is_none() && media.is_empty() && template.is_none() {
        return Err("a message needs text, media or a template".into());
    }
    Ok(SendReq { text, media, price })
}

async fn send_message(
    State(st): State<Arc<Shared>>,
    h: HeaderMap,
    Path(fan): Path<String>,
    body: Bytes,
) -> Reply {
    let faults = st.faults();
    let (c, f, req, fault) = {
        let mut w = st.lock();
        let c = early!(admit(
            &st,
            &mut w,
            &h,
            "POST /chats/{fan}/message",
            &["write:chat"],
        ));
        let b = early!(parse_body(&body));
        let Some(f) = w.fan_of(c.creator, &fan) else {
            w.stats.sends_rejected += 1;
            return c.status(
                StatusCode::BAD_REQUEST,
                Some(json!({"message": "User is not contactable"})),
            );
        };
        if !w.fans[f].contactable {
            w.stats.sends_rejected += 1;
            return c.status(
                StatusCode::BAD_REQUEST,
                Some(json!({"message": "User is not contactable"})),
            );
        }
        let req = match validate_send(&st, &w, c.creator, &b) {
            Ok(r) => r,
            Err(m) => {
                w.stats.sends_rejected += 1;
                return c.status(
                    StatusCode::BAD_REQUEST,
                    Some(json!({"error": "Bad Request", "message": m})),
                );
            }
        };
        let roll: f64 = w.rng.gen();
        let fault = if roll < faults.send_5xx {
            w.stats.sends_5xx += 1;
            Some(SendFault::Error)
        } else if roll < faults.send_5xx + faults.send_timeout {
            w.stats.sends_timed_out += 1;
            Some(SendFault::Timeout)
        } else if roll < faults.send_5xx + faults.send_timeout + faults.send_lost_response {
            w.stats.sends_lost_response += 1;
            Some(SendFault::Lost)
        } else {
            None
        };
        (c, f, req, fault)
    };
    match fault {
        Some(SendFault::Error) => {
            return c.status(
                StatusCode::BAD_GATEWAY,
                Some(json!({"error": "Bad Gateway"})),
            );
        }
        Some(SendFault::Timeout) => {
            tokio::time::sleep(Duration::from_millis(faults.timeout_ms)).await;
            return c.status(
                StatusCode::GATEWAY_TIMEOUT,
                Some(json!({"error": "Gateway Timeout"})),
            );
        }
        _ => {}
    }
    let drafted_from = req.text.as_deref().and_then(|t| st.llm.drafted_from(t));
    let msg = {
        let mut w = st.lock();
        let now = st.now_rfc3339();
        let msg = w.creator_writes(f, req.text, req.media, req.price, now, drafted_from);
        if let Some(chat) = w.chats.get_mut(&f) {
            chat.creator_read_seq = msg.seq;
        }
        super::fans::on_creator_message(&mut w, f);
        msg
    };
    st.fans_wake.notify_one();
    if faults.send_response_delay_ms > 0 {
        st.lock().stats.sends_awaiting_response += 1;
        tokio::time::sleep(Duration::from_millis(faults.send_response_delay_ms)).await;
        st.lock().stats.sends_awaiting_response -= 1;
    }
    if let Some(SendFault::Lost) = fault {
        return c.status(
            StatusCode::INTERNAL_SERVER_ERROR,
            Some(json!({"error": "Internal Server Error"})),
        );
    }
    c.status(StatusCode::CREATED, Some(json!({"messageUuid": msg.uuid})))
}

enum SendFault {
    Error,
    Timeout,
    Lost,
}

async fn templates(State(st): State<Arc<Shared>>, h: HeaderMap, RawQuery(q): RawQuery) -> Reply {
    let q = query_pairs(&q);
    let mut w = st.lock();
    let c = early!(admit(
        &st,
        &mut w,
        &h,
        "GET /chats/templates",
        &["read:chat"]
    ));
    let (page, size) = early!(paging(&q));
    let folder = q_get(&q, "folderName").map(str::to_ascii_lowercase);
    let items = w.creators[c.creator]
        .templates
        .iter()
        .filter(|t| {
            folder
                .as_ref()
                .is_none_or(|f| t.folder_name.to_ascii_lowercase().contains(f))
        })
        .map(template_json)
        .collect();
    c.ok(paginate(items, page, size))
}

fn template_json(t: &super::world::Template) -> Value {
    json!({"uuid": t.uuid, "text": t.text, "price": t.price, "mediaUuids": t.media_uuids, "folderName": t.folder_name})
}

async fn template(State(st): State<Arc<Shared>>, h: HeaderMap, Path(uuid): Path<String>) -> Reply {
    let mut w = st.lock();
    let c = early!(admit(
        &st,
        &mut w,
        &h,
        "GET /chats/templates/{uuid}",
        &["read:chat"],
    ));
    match w.creators[c.creator]
        .templates
        .iter()
        .find(|t| t.uuid == uuid.to_ascii_lowercase())
    {
        Some(t) => c.ok(template_json(t)),
        None => c.status(
            StatusCode::NOT_FOUND,
            Some(json!({"message": "Template message not found"})),
        ),
    }
}

async fn media(State(st): State<Arc<Shared>>, h: HeaderMap, RawQuery(q): RawQuery) -> Reply {
    let q = query_pairs(&q);
    let mut w = st.lock();
    let c = early!(admit(&st, &mut w, &h, "GET /media", &["read:media"]));
    let (page, size) = early!(paging(&q));
    let buyer = q_get(&q, "purchasedBy").and_then(|u| w.fan_of(c.creator, u));
    let items = w.creators[c.creator]
        .media
        .iter()
        .map(|m| {
            let mut v = json!({"uuid": m.uuid, "status": "ready", "createdAt": m.created_at, "url": null,
                "caption": m.caption, "description": null, "name": m.name, "mediaType": m.media_type,
                "recommendedPrice": m.recommended_price, "variants": [], "tags": null});
            if let Some(b) = buyer {
                v["purchasedByFan"] = w.fans[b].purchased_media.contains(&m.uuid).into();
            }
            v
        })
        .collect();
    c.ok(paginate(items, page, size))
}

async fn insights(State(st): State<Arc<Shared>>, h: HeaderMap, Path(fan): Path<String>) -> Reply {
    let mut w = st.lock();
    let c = early!(admit(
        &st,
        &mut w,
        &h,
        "GET /insights/fans/{fan}",
        &["read:insights", "read:fan"],
    ));
    let Some(f) = w.fan_of(c.creator, &fan) else {
        return c.status(StatusCode::NOT_FOUND, Some(json!({"message": "Not found"})));
    };
    let fan = &w.fans[f];
    let status = if !fan.contactable {
        "not_contactable"
    } else if fan.subscribed {
        "subscriber"
    } else {
        "follower"
    };
    c.ok(json!({
        "status": status,
        "spending": {"lastPurchaseAt": null, "total": {"gross": fan.spend_cents, "total": fan.spend_cents},
                     "maxSinglePayment": {"gross": 0, "total": 0}, "sources": {}},
        "subscription": {"createdAt": fan.registered_at, "renewsAt": null, "autoRenewalEnabled": true},
    }))
}
