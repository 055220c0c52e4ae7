//! The webhook endpoint against bad input: every refusal has its status, a JSON `{error, detail}`,
//! and leaves the inbox unchanged. Good input lands in the inbox once.

mod common;

use common::*;
use fanvue_agent::{
    config::Secret,
    dispatcher,
    fanvue::webhook::signature_header,
    ingress::{self, IngressState, WebhookIngress},
    poller::WebhookSeen,
    store::{now_secs, Store},
};
use serde_json::{json, Value};
use std::sync::Arc;

const SECRET: &str = "ingress-test-secret";
const JSON: &str = "application/json";

/// The webhook ingress alone (no dispatcher behind it: its wakes are kept for the test) on the
/// app's address, with a connected creator and one of their fans.
struct Ingress {
    app: TestApp,
    wakes: tokio::sync::mpsc::Receiver<dispatcher::Wake>,
    creator_uuid: String,
    fan: String,
}

async fn start() -> Ingress {
    let app = spawn_sandbox(args(1, 2), |_| {}).await;
    app.connect("creator1").await;
    let creator_uuid = app.creator_uuid("creator1").await;
    let fan = app.fan_of("creator1").await;
    let (handle, wakes) = dispatcher::channel();
    let state = IngressState {
        connector: Arc::new(app.parts.connector()),
        store: app.parts.store.clone(),
        webhooks: Some(Arc::new(WebhookIngress {
            secret: Secret::new(SECRET),
            tolerance_secs: 300,
            max_body_bytes: 4096,
            buffered: fanvue_agent::ingress::webhooks::BodyBudget::new(64 * 4096),
            dispatcher: handle,
            seen: WebhookSeen::default(),
        })),
        admin: None,
    };
    tokio::spawn(ingress::run(
        app.listener(),
        state,
        1024,
        app.shutdown_token(),
    ));
    Ingress {
        app,
        wakes,
        creator_uuid,
        fan,
    }
}

fn message(creator: &str, fan: &str, uuid: &str) -> Value {
    json!({
        "message": {"uuid": uuid, "text": "hi there", "hasMedia": false, "createdAt": "2026-11-23T10:00:00.000Z"},
        "messageUuid": uuid,
        "sender": {"uuid": fan, "handle": "fan1", "displayName": "Alex 1"},
        "recipientUuid": creator,
        "timestamp": "2026-11-23T10:00:00.000Z"
    })
}

fn sign(body: &[u8]) -> Option<String> {
    Some(signature_header(SECRET.as_bytes(), now_secs(), body))
}

impl Ingress {
    /// A message webhook from the creator's fan with this message uuid.
    fn message(&self, uuid: &str) -> String {
        message(&self.creator_uuid, &self.fan, uuid).to_string()
    }

    /// POSTs `body` to `path` with the signature header `sig` (none when `None`); returns the
    /// status and the JSON answer.
    async fn send_raw(
        &self,
        path: &str,
        body: &[u8],
        sig: Option<String>,
        content_type: &str,
    ) -> (u16, Value) {
        let mut req = reqwest::Client::new()
            .post(format!("{}{path}", self.app.url))
            .header("content-type", content_type)
            .body(body.to_vec());
        if let Some(s) = sig {
            req = req.header("x-fanvue-signature", s);
        }
        let resp = req.send().await.unwrap();
        let status = resp.status().as_u16();
        (status, resp.json().await.unwrap_or(Value::Null))
    }

    /// POSTs `body` to `path`, signed with the right secret, as `content_type`.
    async fn send_as(&self, path: &str, body: &[u8], content_type: &str) -> (u16, Value) {
        self.send_raw(path, body, sign(body), content_type).await
    }

    /// POSTs `body` to `path` as signed JSON.
    async fn send(&self, path: &str, body: &[u8]) -> (u16, Value) {
        self.send_as(path, body, JSON).await
    }

    async fn inbox_rows(&self) -> i64 {
        inbox_rows(&self.app.parts.store).await
    }
}

async fn inbox_rows(store: &Store) -> i64 {
    sqlx::query_scalar("SELECT count(*) FROM inbox")
        .fetch_one(store.reader())
        .await
        .unwrap()
}

fn assert_error(got: &(u16, Value), status: u16, code: &str) {
    assert_eq!(got.0, status, "{got:?}");
    assert_eq!(got.1["error"], code, "{got:?}");
    assert!(
        got.1["detail"].as_str().is_some_and(|d| !d.is_empty()),
        "a detail says what is wrong: {got:?}"
    );
    assert!(
        !got.1.to_string().contains(SECRET),
        "the secret never appears in a response"
    );
}

#[tokio::test]
async fn a_signed_message_lands_in_the_inbox_once_and_a_redelivery_changes_nothing() {
    let mut i = start().await;
    let body = i.message("0b7e0000-0000-4000-8000-000000000001");
    let first = i.send("/webhooks/fanvue/message", body.as_bytes()).await;
    assert_eq!(first.0, 200, "{first:?}");
    assert_eq!(first.1["status"], "accepted");
    let wake = i.wakes.try_recv().expect("the dispatcher is woken");
    assert_eq!(
        (wake.creator.as_str(), wake.fan_message),
        ("creator1", true)
    );
    let again = i
        .send_as(
            "/webhooks/fanvue/message",
            body.as_bytes(),
            "application/json; charset=utf-8",
        )
        .await;
    assert_eq!(
        (again.0, again.1["status"].as_str()),
        (200, Some("duplicate"))
    );
    assert!(i.wakes.try_recv().is_err(), "a duplicate wakes nothing");
    assert_eq!(i.inbox_rows().await, 1);
    let text: Option<String> = sqlx::query_scalar("SELECT text FROM messages")
        .fetch_one(i.app.parts.store.reader())
        .await
        .unwrap();
    assert_eq!(
        text.as_deref(),
        Some("hi there"),
        "the message joins the local history"
    );
}

#[tokio::test]
async fn forged_stale_and_unsigned_webhooks_get_401_and_change_nothing() {
    let i = start().await;
    let body = i.message("0b7e0000-0000-4000-8000-000000000002");
    let forged = signature_header(b"not-the-secret", now_secs(), body.as_bytes());
    let stale = signature_header(SECRET.as_bytes(), now_secs() - 3600, body.as_bytes());
    // Signed, then altered by one byte.
    let altered = body.replace("hi there", "hi therf");
    for (body, sig) in [
        (&body, Some(forged)),
        (&body, Some(stale)),
        (&body, None),
        (&altered, sign(body.as_bytes())),
    ] {
        assert_error(
            &i.send_raw("/webhooks/fanvue", body.as_bytes(), sig, JSON)
                .await,
            401,
            "invalid_signature",
        );
    }
    assert_eq!(i.inbox_rows().await, 0);
}

#[tokio::test]
async fn malformed_or_unknown_bodies_get_400_oversized_413_wrong_type_415() {
    let i = start().await;
    for bad in [&b"{\"message\": "[..], br#"{"hello":"world"}"#, b"[1,2]"] {
        assert_error(
            &i.send("/webhooks/fanvue", bad).await,
            400,
            "malformed_event",
        );
    }
    let big = format!("{{\"pad\":\"{}\"}}", "x".repeat(5000));
    assert_error(
        &i.send("/webhooks/fanvue", big.as_bytes()).await,
        413,
        "body_too_large",
    );
    let body = i.message("0b7e0000-0000-4000-8000-000000000003");
    assert_error(
        &i.send_as("/webhooks/fanvue", body.as_bytes(), "text/plain")
            .await,
        415,
        "unsupported_media_type",
    );
    assert_error(
        &i.send("/webhooks/fanvue/nonsense", body.as_bytes()).await,
        404,
        "unknown_event_path",
    );
    assert_eq!(i.inbox_rows().await, 0);
}

#[tokio::test]
async fn an_unknown_creator_is_kept_with_a_skipped_decision_and_answered_202() {
    let mut i = start().await;
    let body = message(
        "7d0c7a43-0000-4000-8000-00000000abcd",
        &i.fan,
        "0b7e0000-0000-4000-8000-000000000004",
    )
    .to_string();
    let got = i.send("/webhooks/fanvue/message", body.as_bytes()).await;
    assert_eq!(
        (got.0, got.1["status"].as_str()),
        (202, Some("held")),
        "{got:?}"
    );
    assert!(i.wakes.try_recv().is_err(), "nothing to process");
    let (state, creator): (String, Option<String>) =
        sqlx::query_as("SELECT state, creator_handle FROM inbox")
            .fetch_one(i.app.parts.store.reader())
            .await
            .unwrap();
    assert_eq!((state.as_str(), creator), ("decided", None));
    let reason: String =
        sqlx::query_scalar("SELECT reason FROM decisions WHERE outcome = 'skipped'")
            .fetch_one(i.app.parts.store.reader())
            .await
            .unwrap();
    assert!(reason.contains("unknown creator"), "{reason}");
}

#[tokio::test]
async fn a_store_that_cannot_write_gets_503_so_fanvue_retries() {
    let i = start().await;
    i.app.parts.store.close().await;
    let body = i.message("0b7e0000-0000-4000-8000-000000000005");
    let got = i.send("/webhooks/fanvue", body.as_bytes()).await;
    assert_error(&got, 503, "store_unavailable");
    let reopened = Store::open(&i.app.dir.path().join("agent.db"))
        .await
        .unwrap();
    assert_eq!(inbox_rows(&reopened).await, 0);
}

#[tokio::test]
async fn payments_and_subscriptions_update_fan_facts_once() {
    let i = start().await;
    let tip = json!({
        "context": "message", "messageUuid": "0b7e0000-0000-4000-8000-000000000006", "price": 500,
        "recipientUuid": i.creator_uuid, "sender": {"uuid": i.fan, "handle": "fan1"}, "senderUuid": i.fan,
        "timestamp": "2026-11-23T10:00:00.000Z"
    })
    .to_string();
    for _ in 0..2 {
        let got = i.send("/webhooks/fanvue/tip", tip.as_bytes()).await;
        assert_eq!(got.0, 200, "{got:?}");
    }
    let sub = json!({"price": 999, "recipientUuid": i.creator_uuid, "sender": {"uuid": i.fan}, "timestamp": "2026-11-23T10:00:01.000Z"}).to_string();
    assert_eq!(
        i.send("/webhooks/fanvue/subscriber", sub.as_bytes())
            .await
            .0,
        200
    );
    let facts = i
        .app
        .parts
        .store
        .fan_facts("creator1", &i.fan)
        .await
        .unwrap();
    assert_eq!(
        (facts.spend_cents, facts.tips, facts.subscribed),
        (500, 1, Some(true))
    );
}
