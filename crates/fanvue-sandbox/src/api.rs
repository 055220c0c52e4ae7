//! The sandbox's Fanvue REST surface: auth, version check, per-creator bucket, the chat operations.
//!
//! Every operation's handler takes a [`Caller`] (the admitted caller: token, API version, rate
//! limit, scopes, injected faults, all checked before the handler runs), and list operations a
//! [`Listing`] (the query with its paging checked), JSON bodies a [`JsonObject`].

use super::{
    webhooks::{enqueue, Hook},
    world::{Chat, Msg, Shared, World},
};
use axum::{
    body::Bytes,
    extract::{FromRequest, FromRequestParts, MatchedPath, Path, Request},
    http::{request::Parts, HeaderMap, HeaderValue, StatusCode},
    response::{IntoResponse, Response},
    routing::{get, patch, post},
    Json, Router,
};
use rand::Rng;
use serde_json::{json, Value};
use std::{
    marker::PhantomData,
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
        .route("/chats/lists/smart/{uuid}", get(smart_list))
        .route("/chats/templates/{uuid}", get(template))
        .route("/chats/{fan}", patch(update_chat))
        .route("/chats/{fan}/messages", get(list_messages))
        .route("/chats/{fan}/message", post(send_message))
        .route("/media", get(media))
        .route("/vault/folders/{folder}/media", get(vault_folder))
        .route("/insights/fans", get(bulk_insights))
        .route("/insights/fans/{fan}", get(insights))
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

fn bad_request_body(message: impl Into<Value>) -> Value {
    json!({"error": "Bad Request", "message": message.into()})
}

/// The scopes an operation needs: one marker type per set, named in the handler's signature.
trait Scopes: Send + Sync {
    const NEEDED: &'static [&'static str];
}

macro_rules! scopes {
    ($($name:ident => [$($scope:literal),+];)+) => {$(
        struct $name;
        impl Scopes for $name {
            const NEEDED: &'static [&'static str] = &[$($scope),+];
        }
    )+};
}

scopes! {
    ReadSelf => ["read:self"];
    ReadChat => ["read:chat"];
    WriteChat => ["write:chat"];
    ReadMedia => ["read:media"];
    ReadFanInsights => ["read:insights", "read:fan"];
    ReadChatFan => ["read:chat", "read:fan"];
}

/// The authenticated caller of one request, admitted with the scopes `S` (see [`admit`]); its
/// answers carry the caller's rate-limit headers.
struct Caller<S> {
    st: Arc<Shared>,
    creator: usize,
    headers: HeaderMap,
    scopes: PhantomData<S>,
}

impl<S: Scopes> FromRequestParts<Arc<Shared>> for Caller<S> {
    type Rejection = Reply;

    async fn from_request_parts(parts: &mut Parts, st: &Arc<Shared>) -> Result<Self, Reply> {
        // Calls are counted per operation: the method and the route's template.
        let template = parts.extensions.get::<MatchedPath>().map(|p| p.as_str());
        let route = format!("{} {}", parts.method, template.unwrap_or(parts.uri.path()));
        let (creator, headers) = admit(st, &parts.headers, &route, S::NEEDED)?;
        Ok(Caller {
            st: st.clone(),
            creator,
            headers,
            scopes: PhantomData,
        })
    }
}

impl<S> Caller<S> {
    fn ok(&self, body: Value) -> Reply {
        self.status(StatusCode::OK, Some(body))
    }
    fn status(&self, status: StatusCode, body: Option<Value>) -> Reply {
        Reply {
            status,
            body,
            headers: self.headers.clone(),
        }
    }
    fn bad_request(&self, message: impl Into<Value>) -> Reply {
        self.status(StatusCode::BAD_REQUEST, Some(bad_request_body(message)))
    }
    /// An answer of `status` with `{"message": message}` (Fanvue's shape for 404s and refusals).
    fn message(&self, status: StatusCode, message: &str) -> Reply {
        self.status(status, Some(json!({ "message": message })))
    }
}

fn hv(n: impl ToString) -> HeaderValue {
    HeaderValue::from_str(&n.to_string()).expect("numeric header")
}

/// What every API call passes first, in Fanvue's order: the bearer token, the API version, the
/// creator's bucket (and injected 429 storms), the call's accounting, the scopes, injected 500s.
/// Returns the creator and the rate-limit headers every answer carries.
fn admit(
    st: &Shared,
    headers: &HeaderMap,
    route: &str,
    scopes: &[&str],
) -> Result<(usize, HeaderMap), Reply> {
    let mut w = st.lock();
    let (creator, granted) = authenticate(st, &mut w, headers)?;
    check_version(st, headers)?;
    let h = take_from_bucket(st, &mut w, creator)?;
    *w.stats.api_calls.entry(route.to_string()).or_default() += 1;
    w.stats.api_calls_total += 1;
    let refuse = |status, error: &str| Reply {
        status,
        body: Some(json!({ "error": error })),
        headers: h.clone(),
    };
    let removed = &w.creators[creator].removed_scopes;
    if scopes
        .iter()
        .any(|s| !granted.iter().any(|g| g == s) || removed.contains(*s))
    {
        return Err(refuse(StatusCode::FORBIDDEN, "Insufficient scopes"));
    }
    let api_5xx = st.faults().api_5xx;
    if api_5xx > 0.0 && w.rng.gen_bool(api_5xx.min(1.0)) {
        return Err(refuse(
            StatusCode::INTERNAL_SERVER_ERROR,
            "Internal Server Error",
        ));
    }
    Ok((creator, h))
}

/// The bearer token's creator and granted scopes (401 unless live and not revoked).
fn authenticate(
    st: &Shared,
    w: &mut World,
    headers: &HeaderMap,
) -> Result<(usize, Vec<String>), Reply> {
    let token = headers
        .get("authorization")
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.strip_prefix("Bearer "))
        .unwrap_or("");
    let now = st.now_unix();
    match w
        .access
        .get(token)
        .filter(|g| g.expires_at > now && !w.revoked_families.contains(&g.family))
    {
        Some(grant) => Ok((grant.creator, grant.scopes.clone())),
        None => {
            w.stats.unauthorized += 1;
            Err(err(
                StatusCode::UNAUTHORIZED,
                json!({"error": "Unauthorized"}),
            ))
        }
    }
}

/// `X-Fanvue-API-Version`: the configured one passes; an old one is sunset (410), others 400.
fn check_version(st: &Shared, headers: &HeaderMap) -> Result<(), Reply> {
    match headers
        .get("x-fanvue-api-version")
        .and_then(|v| v.to_str().ok())
    {
        Some(v) if v == st.args.api_version => Ok(()),
        Some(v) if v < "2025-01-01" => Err(err(
            StatusCode::GONE,
            json!({"error": "Gone", "message": format!("API version {v} is sunset"), "nextVersion": st.args.api_version}),
        )),
        Some(v) => Err(err(
            StatusCode::BAD_REQUEST,
            json!({"error": format!("Unsupported API version: {v}")}),
        )),
        None => Err(err(
            StatusCode::BAD_REQUEST,
            json!({"error": "Missing X-Fanvue-API-Version header"}),
        )),
    }
}

/// The creator's bucket: `rate_limit` requests per window, refilled to full 60 s after the window
/// opened; during an injected storm every call is refused. Takes one request and returns the
/// `X-RateLimit-*` headers, or the 429 (with `Retry-After`).
fn take_from_bucket(st: &Shared, w: &mut World, creator: usize) -> Result<HeaderMap, Reply> {
    let limit = st.args.rate_limit;
    let now = Instant::now();
    let storm_until = storm(st, w, creator, now);
    let bucket = w.buckets.entry(creator).or_insert((now, 0));
    if now.duration_since(bucket.0) >= Duration::from_secs(60) {
        *bucket = (now, 0);
    }
    let reset_in = Duration::from_secs(60).saturating_sub(now.duration_since(bucket.0));
    let mut h = HeaderMap::new();
    h.insert("x-ratelimit-limit", hv(limit));
    h.insert(
        "x-ratelimit-reset",
        hv(super::world::unix_now() + reset_in.as_secs_f64().ceil() as i64),
    );
    let retry_after = match storm_until {
        Some(until) => Some((
            until.saturating_duration_since(now),
            limit.saturating_sub(bucket.1),
        )),
        None if bucket.1 >= limit => Some((reset_in, 0)),
        None => None,
    };
    let Some((wait, remaining)) = retry_after else {
        bucket.1 += 1;
        h.insert("x-ratelimit-remaining", hv(limit - bucket.1));
        return Ok(h);
    };
    h.insert("x-ratelimit-remaining", hv(remaining));
    h.insert("retry-after", hv(wait.as_secs_f64().ceil().max(1.0) as u64));
    w.stats.rate_limited += 1;
    w.stats.rate_limited_injected += storm_until.is_some() as u64;
    Err(Reply {
        status: StatusCode::TOO_MANY_REQUESTS,
        body: Some(json!({"error": "Too many requests"})),
        headers: h,
    })
}

/// When the creator's current 429 storm ends: one already raging, or one this call starts
/// (`--rate-limit-storm`).
fn storm(st: &Shared, w: &mut World, creator: usize, now: Instant) -> Option<Instant> {
    if let Some(until) = w.storms.get(&creator).copied().filter(|u| *u > now) {
        return Some(until);
    }
    let faults = st.faults();
    (faults.rate_limit_storm > 0.0 && w.rng.gen_bool(faults.rate_limit_storm.min(1.0))).then(|| {
        let until = now + Duration::from_secs(faults.storm_secs.max(1));
        w.storms.insert(creator, until);
        until
    })
}

/// A list call's query: every pair as sent, and its page: `page` (from 1) and `size` (1..50,
/// default 15), a value out of range being a 400.
struct Listing {
    pairs: Vec<(String, String)>,
    page: usize,
    size: usize,
}

impl<S: Send + Sync> FromRequestParts<S> for Listing {
    type Rejection = Reply;

    async fn from_request_parts(parts: &mut Parts, _: &S) -> Result<Self, Reply> {
        let query = parts.uri.query().unwrap_or("");
        let pairs: Vec<(String, String)> = url::form_urlencoded::parse(query.as_bytes())
            .into_owned()
            .collect();
        let num = |k: &str, default: f64| -> Result<f64, Reply> {
            match pairs.iter().find(|(key, _)| key == k) {
                None => Ok(default),
                Some((_, v)) => v
                    .parse::<f64>()
                    .ok()
                    .filter(|n| n.fract() == 0.0)
                    .ok_or_else(|| {
                        err(
                            StatusCode::BAD_REQUEST,
                            bad_request_body(format!("`{k}` must be a whole number")),
                        )
                    }),
            }
        };
        let page = num("page", 1.0)?;
        let size = num("size", 15.0)?;
        if page < 1.0 || !(1.0..=50.0).contains(&size) {
            return Err(err(
                StatusCode::BAD_REQUEST,
                bad_request_body("page must be >= 1 and size 1..50"),
            ));
        }
        Ok(Listing {
            pairs,
            page: page as usize,
            size: size as usize,
        })
    }
}

impl Listing {
    /// The first value of `key`.
    fn get<'a>(&'a self, key: &'a str) -> Option<&'a str> {
        self.all(key).next()
    }

    fn all<'a>(&'a self, key: &'a str) -> impl Iterator<Item = &'a str> {
        self.pairs
            .iter()
            .filter(move |(k, _)| k == key)
            .map(|(_, v)| v.as_str())
    }

    /// The items of this page.
    fn window<I: IntoIterator>(&self, items: I) -> std::iter::Take<std::iter::Skip<I::IntoIter>> {
        items
            .into_iter()
            .skip((self.page - 1) * self.size)
            .take(self.size)
    }

    /// `{data, pagination}`: this page of `items`.
    fn paginate(&self, items: Vec<Value>) -> Value {
        paginate(items, self.page, self.size)
    }
}

/// A request body that must be a JSON object (400 otherwise).
struct JsonObject(Value);

impl<S: Send + Sync> FromRequest<S> for JsonObject {
    type Rejection = Response;

    async fn from_request(req: Request, st: &S) -> Result<Self, Response> {
        let body = Bytes::from_request(req, st)
            .await
            .map_err(IntoResponse::into_response)?;
        serde_json::from_slice::<Value>(&body)
            .ok()
            .filter(|v| v.is_object())
            .map(JsonObject)
            .ok_or_else(|| {
                err(
                    StatusCode::BAD_REQUEST,
                    bad_request_body("body must be a JSON object"),
                )
                .into_response()
            })
    }
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

async fn me(c: Caller<ReadSelf>) -> Reply {
    let w = c.st.lock();
    let cr = &w.creators[c.creator];
    let fans = w.fans.iter().filter(|f| f.creator == c.creator).count();
    c.ok(json!({
        "uuid": cr.uuid, "email": format!("{}@sandbox.invalid", cr.handle), "handle": cr.handle, "bio": "",
        "displayName": cr.display_name, "isCreator": true, "createdAt": "2024-01-01", "updatedAt": "2024-01-01",
        "avatarUrl": null, "fanCounts": {"followersCount": 0, "subscribersCount": fans},
    }))
}

async fn list_chats(c: Caller<ReadChat>, list: Listing) -> Reply {
    let mut w = c.st.lock();
    let filters: Vec<&str> = list.all("filter").collect();
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
    for (_, fan, v) in list.window(&chats) {
        let last = v["lastMessage"]["uuid"].as_str().unwrap_or_default();
        if let Some(chat) = w.chats.get_mut(fan) {
            chat.saw([last]);
        }
    }
    c.ok(list.paginate(chats.into_iter().map(|(_, _, v)| v).collect()))
}

async fn unread(c: Caller<ReadChat>) -> Reply {
    let w = c.st.lock();
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

/// The creator read the chat: its unread fan messages are announced read by a webhook.
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

async fn list_messages(c: Caller<ReadChat>, Path(fan): Path<String>, list: Listing) -> Reply {
    let mut w = c.st.lock();
    let Some(f) = w.fan_of(c.creator, &fan) else {
        return c.message(
            StatusCode::NOT_FOUND,
            "No conversation found with the given user",
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
    let shown: Vec<&str> = list
        .window(&items)
        .filter_map(|m| m["uuid"].as_str())
        .collect();
    if let Some(chat) = w.chats.get_mut(&f) {
        chat.saw(shown);
    }
    if list.get("markAsRead") != Some("false") {
        mark_read(&c.st, &mut w, f);
    }
    c.ok(list.paginate(items))
}

async fn batch(c: Caller<ReadChat>, JsonObject(b): JsonObject) -> Reply {
    let mut w = c.st.lock();
    let Some(ids) = b["chatUuids"]
        .as_array()
        .filter(|a| (1..=50).contains(&a.len()))
    else {
        return c.bad_request("chatUuids must hold 1..50 uuids");
    };
    let limit = b["limit"].as_u64().unwrap_or(20).clamp(1, 50) as usize;
    let since = b["sinceMessageUuid"]
        .as_str()
        .map(|s| s.to_ascii_lowercase());
    let mut by_chat = serde_json::Map::new();
    for id in ids.iter().filter_map(|v| v.as_str()) {
        let entry = match w.fan_of(c.creator, id) {
            None => json!({"error": "not_found"}),
            Some(f) => batch_entry(&mut w, f, since.as_deref(), limit),
        };
        by_chat.insert(id.to_string(), entry);
    }
    c.ok(json!({ "byChat": by_chat }))
}

/// One chat of a batch read: up to `limit` of its messages after `since`, newest first.
fn batch_entry(w: &mut World, f: usize, since: Option<&str>, limit: usize) -> Value {
    let msgs: Vec<&Msg> = w
        .chats
        .get(&f)
        .map(|ch| ch.messages.iter().collect())
        .unwrap_or_default();
    let since_seq = since
        .and_then(|s| msgs.iter().find(|m| m.uuid == s))
        .map(|m| m.seq)
        .unwrap_or(0);
    let newer: Vec<&&Msg> = msgs.iter().rev().filter(|m| m.seq > since_seq).collect();
    let page: Vec<Value> = newer
        .iter()
        .take(limit)
        .map(|m| msg_json(w, f, m))
        .collect();
    let entry = json!({"messages": page, "hasMore": newer.len() > limit,
           "oldestMessageUuid": newer.get(limit.min(newer.len()).saturating_sub(1)).map(|m| m.uuid.clone())});
    if let Some(chat) = w.chats.get_mut(&f) {
        chat.saw(page.iter().filter_map(|m| m["uuid"].as_str()));
    }
    entry
}

async fn update_chat(
    c: Caller<WriteChat>,
    Path(fan): Path<String>,
    JsonObject(b): JsonObject,
) -> Reply {
    let mut w = c.st.lock();
    let Some(f) = w.fan_of(c.creator, &fan) else {
        return c.bad_request("invalid user uuid");
    };
    if let Some(n) = b.get("nickname") {
        if n.as_str().is_none_or(|s| s.chars().count() > 30) {
            return c.bad_request("nickname: at most 30 characters");
        }
    }
    if b.get("isRead").and_then(|v| v.as_bool()) == Some(true) {
        mark_read(&c.st, &mut w, f);
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

/// What a send's dice gave (`--send-5xx`, `--send-timeout`, `--send-lost-response`).
enum SendFault {
    Error,
    Timeout,
    Lost,
}

async fn send_message(
    c: Caller<WriteChat>,
    Path(fan): Path<String>,
    JsonObject(b): JsonObject,
) -> Reply {
    let faults = c.st.faults();
    let (f, req, fault) = match accept_send(&c, &fan, &b, &faults) {
        Ok(accepted) => accepted,
        Err(refusal) => return refusal,
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
    let msg = deliver_send(&c.st, f, req);
    if faults.send_response_delay_ms > 0 {
        c.st.lock().stats.sends_awaiting_response += 1;
        tokio::time::sleep(Duration::from_millis(faults.send_response_delay_ms)).await;
        c.st.lock().stats.sends_awaiting_response -= 1;
    }
    if let Some(SendFault::Lost) = fault {
        return c.status(
            StatusCode::INTERNAL_SERVER_ERROR,
            Some(json!({"error": "Internal Server Error"})),
        );
    }
    c.status(StatusCode::CREATED, Some(json!({"messageUuid": msg.uuid})))
}

/// Checks a send (the fan, contactable, the body) and rolls its fault dice: the fan, the send
/// and its fault, or the 400 refusing it (counted in `sends_rejected`).
fn accept_send(
    c: &Caller<WriteChat>,
    fan: &str,
    b: &Value,
    faults: &super::Faults,
) -> Result<(usize, SendReq, Option<SendFault>), Reply> {
    let mut w = c.st.lock();
    if w.fan_of(c.creator, fan)
        .is_some_and(|f| !w.fans[f].contactable)
    {
        // Fanvue refuses it; the ledger counts that the daemon even tried (must stay 0).
        w.stats.messages_to_not_contactable += 1;
    }
    let checked = match w.fan_of(c.creator, fan).filter(|f| w.fans[*f].contactable) {
        None => Err(c.message(StatusCode::BAD_REQUEST, "User is not contactable")),
        Some(f) => validate_send(&c.st, &w, c.creator, b)
            .map(|req| (f, req))
            .map_err(|m| c.bad_request(m)),
    };
    let (f, req) = checked.inspect_err(|_| w.stats.sends_rejected += 1)?;
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
    Ok((f, req, fault))
}

/// The fan gets the creator's message (the creator has read the chat up to it) and starts
/// thinking about it.
fn deliver_send(st: &Shared, f: usize, req: SendReq) -> Msg {
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
    msg
}

async fn templates(c: Caller<ReadChat>, list: Listing) -> Reply {
    let w = c.st.lock();
    let folder = list.get("folderName").map(str::to_ascii_lowercase);
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
    c.ok(list.paginate(items))
}

fn template_json(t: &super::world::Template) -> Value {
    json!({"uuid": t.uuid, "text": t.text, "price": t.price, "mediaUuids": t.media_uuids, "folderName": t.folder_name})
}

async fn template(c: Caller<ReadChat>, Path(uuid): Path<String>) -> Reply {
    let w = c.st.lock();
    match w.creators[c.creator]
        .templates
        .iter()
        .find(|t| t.uuid == uuid.to_ascii_lowercase())
    {
        Some(t) => c.ok(template_json(t)),
        None => c.message(StatusCode::NOT_FOUND, "Template message not found"),
    }
}

async fn media(c: Caller<ReadMedia>, list: Listing) -> Reply {
    let w = c.st.lock();
    let buyer = list.get("purchasedBy").and_then(|u| w.fan_of(c.creator, u));
    let folder = list.get("folderName").map(str::to_ascii_lowercase);
    let items = w.creators[c.creator]
        .media
        .iter()
        .filter(|m| folder.as_ref().is_none_or(|f| in_folder(m, f)))
        .map(|m| {
            let tags = (!m.tags.is_empty()).then(|| m.tags.clone());
            let mut v = json!({"uuid": m.uuid, "status": "ready", "createdAt": m.created_at, "url": null,
                "caption": m.caption, "description": m.description, "name": m.name, "mediaType": m.media_type,
                "recommendedPrice": m.recommended_price, "variants": [], "tags": tags});
            if let Some(b) = buyer {
                v["purchasedByFan"] = w.fans[b].purchased_media.contains(&m.uuid).into();
            }
            v
        })
        .collect();
    c.ok(list.paginate(items))
}

fn in_folder(m: &super::world::Media, lowercase_name: &str) -> bool {
    m.folder_name
        .as_deref()
        .is_some_and(|n| n.to_ascii_lowercase() == lowercase_name)
}

/// `GET /vault/folders/{folderName}/media`: the folder's media, paged (an unknown folder is
/// empty).
async fn vault_folder(c: Caller<ReadMedia>, Path(folder): Path<String>, list: Listing) -> Reply {
    if folder.is_empty() || folder.len() > 255 {
        return c.bad_request("folderName must have 1..255 characters");
    }
    let w = c.st.lock();
    let name = folder.to_ascii_lowercase();
    let items = w.creators[c.creator]
        .media
        .iter()
        .filter(|m| in_folder(m, &name))
        .map(|m| json!({"uuid": m.uuid, "name": m.name, "createdAt": m.created_at, "mediaType": m.media_type}))
        .collect();
    c.ok(list.paginate(items))
}

async fn insights(c: Caller<ReadFanInsights>, Path(fan): Path<String>) -> Reply {
    let mut w = c.st.lock();
    w.settle_subscriptions(c.st.now_unix());
    let Some(f) = w.fan_of(c.creator, &fan) else {
        return c.message(StatusCode::NOT_FOUND, "Not found");
    };
    c.ok(insights_json(&w.fans[f]))
}

/// `GET /insights/fans?fanUuids=a,b,…` (at most 20): every fan's insights, `null` with an error
/// for a fan the creator does not have; always 200 when the request itself is valid.
async fn bulk_insights(c: Caller<ReadFanInsights>, list: Listing) -> Reply {
    let ids: Vec<String> = list
        .get("fanUuids")
        .unwrap_or("")
        .split(',')
        .map(|s| s.trim().to_ascii_lowercase())
        .filter(|s| !s.is_empty())
        .collect();
    if ids.is_empty() || ids.len() > 20 || ids.iter().any(|u| uuid::Uuid::parse_str(u).is_err()) {
        return c.bad_request("fanUuids must list 1 to 20 fan uuids");
    }
    let mut w = c.st.lock();
    w.settle_subscriptions(c.st.now_unix());
    let mut results = serde_json::Map::new();
    let mut errors = vec![];
    for id in ids {
        match w.fan_of(c.creator, &id) {
            Some(f) => {
                results.insert(id, insights_json(&w.fans[f]));
            }
            None => {
                errors
                    .push(json!({"fanUuid": id, "code": "NOT_FOUND", "message": "Fan not found"}));
                results.insert(id, Value::Null);
            }
        }
    }
    c.ok(json!({"results": results, "errors": errors}))
}

/// One fan's insights as Fanvue words them (amounts in USD cents).
fn insights_json(fan: &super::world::Fan) -> Value {
    let status = if !fan.contactable {
        "not_contactable"
    } else if fan.subscribed {
        "subscriber"
    } else if fan.expired {
        "expired"
    } else {
        "follower"
    };
    let money = |c: i64| json!({"gross": c, "total": c});
    json!({
        "status": status,
        "spending": {"lastPurchaseAt": fan.last_paid_at, "total": money(fan.spend_cents),
                     "maxSinglePayment": money(fan.max_payment_cents), "sources": {}},
        "subscription": {"createdAt": fan.registered_at, "renewsAt": fan.renews_at.map(rfc3339),
                         "autoRenewalEnabled": fan.subscribed && fan.auto_renew},
    })
}

fn rfc3339(unix: i64) -> String {
    time::OffsetDateTime::from_unix_timestamp(unix)
        .ok()
        .and_then(|t| {
            t.format(&time::format_description::well_known::Rfc3339)
                .ok()
        })
        .unwrap_or_default()
}

/// `GET /chats/lists/smart/{uuid}`: the members of one of Fanvue's fixed smart lists, paged.
/// Subscriptions that ended are settled first, so a lapsed fan moves from `non_renewing` to
/// `expired_subscribers` at its end date, as on Fanvue.
async fn smart_list(c: Caller<ReadChatFan>, Path(id): Path<String>, list: Listing) -> Reply {
    let mut w = c.st.lock();
    w.settle_subscriptions(c.st.now_unix());
    let member = |f: &super::world::Fan| match id.as_str() {
        "subscribers" => Some(f.subscribed),
        "auto_renewing" => Some(f.subscribed && f.auto_renew),
        "non_renewing" => Some(f.subscribed && !f.auto_renew),
        "followers" => Some(!f.subscribed && !f.expired),
        "expired_subscribers" => Some(f.expired),
        "spent_more_than_50" => Some(f.spend_cents > 5_000),
        "free_trial_subscribers" => Some(false),
        _ => None,
    };
    if member_list_unknown(&id) {
        return c.bad_request("unknown smart list");
    }
    let items = w
        .fans
        .iter()
        .filter(|f| f.creator == c.creator && member(f) == Some(true))
        .map(|f| json!({"uuid": f.uuid, "displayName": f.display_name, "handle": f.handle, "isCreator": false}))
        .collect();
    c.ok(list.paginate(items))
}

fn member_list_unknown(id: &str) -> bool {
    ![
        "subscribers",
        "auto_renewing",
        "non_renewing",
        "followers",
        "expired_subscribers",
        "spent_more_than_50",
        "free_trial_subscribers",
    ]
    .contains(&id)
}
