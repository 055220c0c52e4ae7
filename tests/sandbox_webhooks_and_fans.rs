//! The sandbox's webhooks (signed as FACTS.md says, both families, retried until accepted, faults)
//! and its seeded simulated fans, checked with the daemon's own verifier and parser.

mod common;

use axum::{
    body::Bytes, extract::State, http::HeaderMap, http::StatusCode, routing::post as post_route,
    Router,
};
use common::*;
use fanvue_agent::fanvue::webhook::{parse, verify, PathHint};
use fanvue_sandbox::Family;
use serde_json::json;
use std::{
    sync::{Arc, Mutex},
    time::Duration,
};

/// (path, parsed kind name, dedupe key, creator uuid)
type Seen = (String, String, String, String);

#[derive(Clone, Default)]
struct Received {
    events: Arc<Mutex<Vec<Seen>>>,
    /// Answer 500 to this many deliveries first.
    fail_first: Arc<Mutex<u32>>,
}

async fn receive(
    State(r): State<Received>,
    uri: axum::http::Uri,
    h: HeaderMap,
    body: Bytes,
) -> StatusCode {
    {
        let mut f = r.fail_first.lock().unwrap();
        if *f > 0 {
            *f -= 1;
            return StatusCode::INTERNAL_SERVER_ERROR;
        }
    }
    let sig = h.get("x-fanvue-signature").and_then(|v| v.to_str().ok());
    if verify(
        sig,
        &body,
        b"sandbox-webhook-secret",
        fanvue_agent::store::now_secs(),
        300,
    )
    .is_err()
    {
        return StatusCode::UNAUTHORIZED;
    }
    let path = uri.path().to_string();
    let hint = path.rsplit('/').next().and_then(PathHint::parse);
    let Ok(ev) = parse(&body, hint) else {
        return StatusCode::BAD_REQUEST;
    };
    r.events.lock().unwrap().push((
        path,
        ev.kind.name().into(),
        ev.dedupe_key,
        ev.creator.map(|c| c.to_string()).unwrap_or_default(),
    ));
    StatusCode::OK
}

async fn receiver(r: Received) -> String {
    let l = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let url = format!("http://{}/webhooks/fanvue", l.local_addr().unwrap());
    let app = Router::new()
        .route("/webhooks/fanvue", post_route(receive))
        .route("/webhooks/fanvue/{kind}", post_route(receive))
        .with_state(r);
    tokio::spawn(async move { axum::serve(l, app).await });
    url
}

async fn wait_for(r: &Received, n: usize) -> Vec<Seen> {
    for _ in 0..100 {
        if r.events.lock().unwrap().len() >= n {
            break;
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    r.events.lock().unwrap().clone()
}

async fn run_family(
    family: Family,
) -> (
    Vec<(String, String, String, String)>,
    String,
    serde_json::Value,
) {
    let r = Received::default();
    let mut a = args(1, 1);
    a.webhook_url = Some(receiver(r.clone()).await);
    a.family = family;
    let env = env_with(a, |_| {}).await;
    let fan = fans_of(&env, "creator1").await[0].clone();
    post(
        &env,
        &format!("/_sandbox/fans/{fan}/messages"),
        json!({"text": "hello"}),
    )
    .await;
    post(
        &env,
        &format!("/_sandbox/fans/{fan}/events"),
        json!({"kind": "tip", "price": 500}),
    )
    .await;
    post(
        &env,
        &format!("/_sandbox/fans/{fan}/events"),
        json!({"kind": "subscriber", "price": 999}),
    )
    .await;
    let got = wait_for(&r, 3).await;
    let creator = world(&env).await["creators"][0]["uuid"]
        .as_str()
        .unwrap()
        .to_string();
    (got, creator, stats(&env).await)
}

#[tokio::test]
async fn flat_webhooks_are_signed_posted_per_event_path_and_parse() {
    let (got, creator, _) = run_family(Family::Flat).await;
    let paths: Vec<&str> = got.iter().map(|e| e.0.as_str()).collect();
    assert_eq!(
        paths,
        [
            "/webhooks/fanvue/message",
            "/webhooks/fanvue/tip",
            "/webhooks/fanvue/subscriber"
        ]
    );
    let kinds: Vec<&str> = got.iter().map(|e| e.1.as_str()).collect();
    assert_eq!(kinds, ["message_received", "tip", "new_subscriber"]);
    assert!(
        got.iter().all(|e| e.3 == creator),
        "recipientUuid routes to the creator"
    );
}

#[tokio::test]
async fn envelope_webhooks_are_signed_and_parse() {
    let (got, creator, _) = run_family(Family::Envelope).await;
    assert!(got.iter().all(|e| e.0 == "/webhooks/fanvue"));
    let kinds: Vec<&str> = got.iter().map(|e| e.1.as_str()).collect();
    assert_eq!(kinds, ["message_received", "tip", "new_subscriber"]);
    assert!(got[0].2.starts_with("msg:"));
    assert!(got.iter().all(|e| e.3 == creator));
}

#[tokio::test]
async fn a_refused_delivery_is_retried_until_accepted() {
    let r = Received::default();
    *r.fail_first.lock().unwrap() = 2;
    let mut a = args(1, 1);
    a.webhook_url = Some(receiver(r.clone()).await);
    let env = env_with(a, |_| {}).await;
    let fan = fans_of(&env, "creator1").await[0].clone();
    post(
        &env,
        &format!("/_sandbox/fans/{fan}/messages"),
        json!({"text": "retry me"}),
    )
    .await;
    let got = wait_for(&r, 1).await;
    assert_eq!(got.len(), 1);
    let s = stats(&env).await;
    assert_eq!(
        (
            s["webhooks_attempts_failed"].as_u64(),
            s["webhooks_delivered"].as_u64()
        ),
        (Some(2), Some(1))
    );
}

#[tokio::test]
async fn dropped_and_duplicated_webhooks_happen_as_configured() {
    let r = Received::default();
    let mut a = args(1, 1);
    a.webhook_url = Some(receiver(r.clone()).await);
    a.faults.duplicate_webhooks = 1.0;
    let env = env_with(a, |_| {}).await;
    let fan = fans_of(&env, "creator1").await[0].clone();
    post(
        &env,
        &format!("/_sandbox/fans/{fan}/messages"),
        json!({"text": "twice"}),
    )
    .await;
    let got = wait_for(&r, 2).await;
    assert_eq!(got.len(), 2);
    assert_eq!(
        got[0].2, got[1].2,
        "a duplicate carries the same dedupe key"
    );
    post(&env, "/_sandbox/faults", json!({"drop_webhooks": 1.0})).await;
    post(
        &env,
        &format!("/_sandbox/fans/{fan}/messages"),
        json!({"text": "lost"}),
    )
    .await;
    tokio::time::sleep(Duration::from_millis(300)).await;
    assert_eq!(r.events.lock().unwrap().len(), 2);
    let s = stats(&env).await;
    assert_eq!(s["webhooks_dropped"], 1);
    assert_eq!(
        s["fan_messages"], 2,
        "a dropped webhook's message still exists in the chat"
    );
}

#[tokio::test]
async fn the_same_seed_builds_the_same_world_and_fans_start_talking_on_their_own() {
    let mut a = args(2, 6);
    a.quiet_fans = false;
    a.start_window_secs = 0.2;
    let one = env_with(a.clone(), |_| {}).await;
    let two = env_with(a.clone(), |_| {}).await;
    let (w1, w2) = (world(&one).await, world(&two).await);
    assert_eq!(w1["creators"], w2["creators"]);
    assert_eq!(
        w1["fans"]
            .as_array()
            .unwrap()
            .iter()
            .map(|f| &f["uuid"])
            .collect::<Vec<_>>(),
        w2["fans"]
            .as_array()
            .unwrap()
            .iter()
            .map(|f| &f["uuid"])
            .collect::<Vec<_>>()
    );
    a.seed = 2;
    let other = env_with(a, |_| {}).await;
    assert_ne!(world(&other).await["creators"], w1["creators"]);
    tokio::time::sleep(Duration::from_millis(800)).await;
    let s = stats(&one).await;
    assert!(
        s["fan_messages"].as_u64().unwrap() >= 6,
        "every fan opened a chat: {s}"
    );
    assert_eq!(s["fan_turns"], 6);
    assert_eq!(s["unanswered_turns"], 6, "nobody answered yet");
    // The creator reads one fan's chat and answers twice: one duplicate reply, one turn answered.
    connect(&one, "creator1").await;
    let api = one.parts.creator_api("creator1");
    let fans = fans_of(&one, "creator1").await;
    let say = |t: &str| fanvue_agent::fanvue::client::SendMessage::text(t);
    api.list_messages(&fans[0], Some(1), Some(50), false)
        .await
        .unwrap();
    for t in ["one", "two"] {
        api.send_message(&fans[0], &say(t)).await.unwrap();
    }
    let s = stats(&one).await;
    assert_eq!(
        (
            s["unanswered_turns"].as_u64(),
            s["duplicate_replies"].as_u64(),
            s["fan_messages_never_seen_by_the_agent"].as_u64()
        ),
        (Some(5), Some(1), Some(0))
    );
    // Another fan is answered without a read (no webhook reaches anyone here): that reply was
    // drafted blind, so the turn stays unanswered and its messages count as never seen.
    let written = reqwest::get(format!("{}/_sandbox/chats/{}", one.sandbox.url(), fans[1]))
        .await
        .unwrap()
        .json::<serde_json::Value>()
        .await
        .unwrap()["messages"]
        .as_array()
        .unwrap()
        .len() as u64;
    api.send_message(&fans[1], &say("hi!")).await.unwrap();
    let s = stats(&one).await;
    assert_eq!(
        (
            s["unanswered_turns"].as_u64(),
            s["fan_messages_never_seen_by_the_agent"].as_u64()
        ),
        (Some(5), Some(written))
    );
}
