//! `/_sandbox/*`: stats, the world, and levers for tests (inject messages, faults, clock, revocation).

use super::{
    fans::fan_message,
    webhooks::{enqueue, Hook},
    world::{Shared, World},
    Faults,
};
use axum::{
    extract::{Path, State},
    http::StatusCode,
    response::{IntoResponse, Response},
    routing::{get, post},
    Json, Router,
};
use serde::Deserialize;
use serde_json::{json, Value};
use std::sync::{atomic::Ordering, Arc};

pub fn routes() -> Router<Arc<Shared>> {
    Router::new()
        .route("/_sandbox/stats", get(stats))
        .route("/_sandbox/world", get(world))
        .route("/_sandbox/faults", get(get_faults).post(set_faults))
        .route("/_sandbox/clock/advance", post(advance_clock))
        .route("/_sandbox/fans/pause", post(pause))
        .route("/_sandbox/fans/resume", post(resume))
        .route("/_sandbox/fans/{uuid}/messages", post(fan_says))
        .route("/_sandbox/fans/{uuid}/events", post(fan_event))
        .route("/_sandbox/fans/{uuid}/subscription", post(subscription))
        .route(
            "/_sandbox/fans/{uuid}/creator-by-hand",
            post(creator_by_hand),
        )
        .route("/_sandbox/fans/{uuid}/profile", post(rename_fan))
        .route("/_sandbox/chats/{uuid}", get(transcript))
        .route("/_sandbox/creators/{handle}/revoke", post(revoke))
        .route("/_sandbox/creators/{handle}/scopes", post(scopes))
        .route("/_sandbox/llm", get(llm_stats).post(set_llm_faults))
}

fn bad(msg: &str) -> Response {
    (StatusCode::BAD_REQUEST, Json(json!({"error": msg}))).into_response()
}

async fn stats(State(st): State<Arc<Shared>>) -> Json<Value> {
    Json(st.lock().stats_json())
}

async fn world(State(st): State<Arc<Shared>>) -> Json<Value> {
    let w = st.lock();
    let creators: Vec<Value> = w
        .creators
        .iter()
        .map(|c| json!({"handle": c.handle, "uuid": c.uuid, "display_name": c.display_name, "media": c.media}))
        .collect();
    let fans: Vec<Value> = w
        .fans
        .iter()
        .map(|f| json!({"uuid": f.uuid, "handle": f.handle, "display_name": f.display_name,
            "creator": w.creators[f.creator].handle, "contactable": f.contactable, "turns_done": f.turns_done,
            "behaviour": f.behaviour, "state": format!("{:?}", f.state).split('(').next().unwrap_or("").to_string(),
            "language": f.language, "kind": format!("{:?}", f.kind).to_ascii_lowercase(),
            "spend_cents": f.spend_cents, "expired": f.expired, "reservation_cents": f.reservation_cents}))
        .collect();
    Json(json!({"creators": creators, "fans": fans, "family": st.args.family}))
}

async fn get_faults(State(st): State<Arc<Shared>>) -> Json<Faults> {
    Json(st.faults())
}

async fn set_faults(State(st): State<Arc<Shared>>, Json(f): Json<Faults>) -> Json<Faults> {
    *st.faults.lock().unwrap_or_else(|e| e.into_inner()) = f.clone();
    Json(f)
}

#[derive(Deserialize)]
struct Advance {
    seconds: i64,
}

async fn advance_clock(State(st): State<Arc<Shared>>, Json(a): Json<Advance>) -> Json<Value> {
    let now = st.clock_offset.fetch_add(a.seconds, Ordering::Relaxed) + a.seconds;
    Json(json!({"offset_seconds": now}))
}

async fn pause(State(st): State<Arc<Shared>>) -> StatusCode {
    st.fans_paused.store(true, Ordering::Relaxed);
    StatusCode::NO_CONTENT
}

async fn resume(State(st): State<Arc<Shared>>) -> StatusCode {
    st.fans_paused.store(false, Ordering::Relaxed);
    st.fans_wake.notify_one();
    StatusCode::NO_CONTENT
}

/// A fan of the sandbox by uuid (any case), or the 400 naming it unknown.
fn known_fan(w: &World, uuid: &str) -> Result<usize, Response> {
    w.fan_by_uuid
        .get(&uuid.to_ascii_lowercase())
        .copied()
        .ok_or_else(|| bad("unknown fan"))
}

/// A fan's new profile (`{display_name}`): what they call themselves on Fanvue from now on, in
/// the API's answers and the webhooks alike (anything a fan may type: tests put markup in it).
#[derive(Deserialize)]
struct Profile {
    display_name: String,
}

async fn rename_fan(
    State(st): State<Arc<Shared>>,
    Path(uuid): Path<String>,
    Json(p): Json<Profile>,
) -> Response {
    let mut w = st.lock();
    match known_fan(&w, &uuid) {
        Ok(fan) => {
            w.fans[fan].display_name = p.display_name;
            StatusCode::NO_CONTENT.into_response()
        }
        Err(r) => r,
    }
}

/// A message someone writes in a chat (`{text}`, not empty).
#[derive(Deserialize)]
struct Say {
    text: String,
}

/// Who writes a message in a chat, and how: returns its uuid.
type Writer = fn(&Shared, &mut World, usize, String) -> String;

/// `say` written in the chat of the fan `uuid` by `write`: 201 with the message's uuid.
fn write_in_chat(st: &Shared, uuid: &str, say: Say, write: Writer) -> Result<Response, Response> {
    let mut w = st.lock();
    let fan = known_fan(&w, uuid)?;
    if say.text.is_empty() {
        return Err(bad("text is empty"));
    }
    let id = write(st, &mut w, fan, say.text);
    Ok((StatusCode::CREATED, Json(json!({ "messageUuid": id }))).into_response())
}

/// The fan writes `text` (announced by webhook, like any fan message).
async fn fan_says(
    State(st): State<Arc<Shared>>,
    Path(uuid): Path<String>,
    Json(s): Json<Say>,
) -> Result<Response, Response> {
    write_in_chat(&st, &uuid, s, fan_message)
}

/// The creator writes to this fan by hand in the app (a webhook only with --by-hand-webhooks).
async fn creator_by_hand(
    State(st): State<Arc<Shared>>,
    Path(uuid): Path<String>,
    Json(s): Json<Say>,
) -> Result<Response, Response> {
    write_in_chat(&st, &uuid, s, |st, w, fan, text| {
        super::fans::creator_answers_by_hand(st, w, fan, Some(text))
    })
}

#[derive(Deserialize)]
struct FanEvent {
    /// `subscriber`, `follower` or `tip`.
    kind: String,
    #[serde(default)]
    price: i64,
}

/// The fan subscribes, follows or tips (outside any chat), announced by webhook.
async fn fan_event(
    State(st): State<Arc<Shared>>,
    Path(uuid): Path<String>,
    Json(e): Json<FanEvent>,
) -> Result<StatusCode, Response> {
    let mut w = st.lock();
    let fan = known_fan(&w, &uuid)?;
    let hook = match e.kind.as_str() {
        "subscriber" => Hook::Subscriber {
            fan,
            price: e.price,
        },
        "follower" => Hook::Follower { fan },
        "tip" => {
            w.earn(fan, "tip", e.price);
            w.stats.tips += 1;
            Hook::Tip {
                fan,
                message_uuid: None,
                price: e.price,
            }
        }
        _ => return Err(bad("kind must be subscriber, follower or tip")),
    };
    enqueue(&st, &mut w, hook);
    Ok(StatusCode::ACCEPTED)
}

#[derive(serde::Deserialize)]
struct SubscriptionBody {
    /// Seconds from now (the sandbox's clock) until it renews or ends; negative: in the past.
    renews_in_secs: i64,
    auto_renew: bool,
}

/// Makes the fan a subscriber whose subscription renews or ends `renews_in_secs` from now, with
/// auto-renew on or off (a date already past with auto-renew off: the fan is expired since).
async fn subscription(
    State(st): State<Arc<Shared>>,
    Path(uuid): Path<String>,
    Json(b): Json<SubscriptionBody>,
) -> Result<StatusCode, Response> {
    let now = st.now_unix();
    let mut w = st.lock();
    let fan = known_fan(&w, &uuid)?;
    let f = &mut w.fans[fan];
    f.subscribed = true;
    f.expired = false;
    f.renews_at = Some(now + b.renews_in_secs);
    f.auto_renew = b.auto_renew;
    w.settle_subscriptions(now);
    Ok(StatusCode::NO_CONTENT)
}

async fn transcript(
    State(st): State<Arc<Shared>>,
    Path(uuid): Path<String>,
) -> Result<Json<Value>, Response> {
    let w = st.lock();
    let fan = known_fan(&w, &uuid)?;
    let (msgs, turns) = w
        .chats
        .get(&fan)
        .map(|c| (c.messages.clone(), c.turns.clone()))
        .unwrap_or_default();
    Ok(Json(json!({"messages": msgs, "turns": turns})))
}

/// A creator of the sandbox by handle, or the 400 naming it unknown.
fn known_creator(w: &World, handle: &str) -> Result<usize, Response> {
    w.creator_by_handle(handle)
        .ok_or_else(|| bad("unknown creator"))
}

/// Revokes every grant of the creator (as if they removed the app): their calls answer 401 and
/// their refresh tokens `invalid_grant`.
async fn revoke(
    State(st): State<Arc<Shared>>,
    Path(handle): Path<String>,
) -> Result<StatusCode, Response> {
    let mut w = st.lock();
    let c = known_creator(&w, &handle)?;
    let families: Vec<u64> = w
        .refresh
        .values()
        .filter(|g| g.creator == c)
        .map(|g| g.family)
        .collect();
    w.revoked_families.extend(families);
    w.access.retain(|_, a| a.creator != c);
    Ok(StatusCode::NO_CONTENT)
}

#[derive(Deserialize)]
struct Scopes {
    #[serde(default)]
    remove: Vec<String>,
    #[serde(default)]
    restore: bool,
}

/// Takes scopes away from the creator's grants (or gives them all back): calls needing them
/// answer 403.
async fn scopes(
    State(st): State<Arc<Shared>>,
    Path(handle): Path<String>,
    Json(s): Json<Scopes>,
) -> Result<Json<Value>, Response> {
    let mut w = st.lock();
    let c = known_creator(&w, &handle)?;
    let cr = &mut w.creators[c];
    if s.restore {
        cr.removed_scopes.clear();
    }
    cr.removed_scopes.extend(s.remove);
    Ok(Json(json!({ "removed": cr.removed_scopes })))
}

async fn llm_stats(State(st): State<Arc<Shared>>) -> Json<Value> {
    Json(st.llm.stats())
}

async fn set_llm_faults(
    State(st): State<Arc<Shared>>,
    Json(f): Json<super::llm::LlmFaults>,
) -> Response {
    if let Some(k) = f
        .kinds
        .iter()
        .find(|k| !["garbage", "empty", "code_error", "bad_verdict"].contains(&k.as_str()))
    {
        return bad(&format!(
            "unknown LLM fault `{k}` (garbage, empty, code_error, bad_verdict)"
        ));
    }
    *st.llm.faults.lock().unwrap_or_else(|e| e.into_inner()) = f.clone();
    Json(f).into_response()
}
