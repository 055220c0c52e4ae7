//! The client against Prism mocking Fanvue's published OpenAPI document: any request that breaks
//! the spec is answered with an error (`--errors`), so every call must succeed. A negative test
//! proves the check can fail. Prism is installed by `scripts/install-peers`; the tests run when
//! FANVUE_PRISM names it (scripts/test sets it) and are skipped otherwise (tests/common/peers.rs).

mod common;

use common::{peer, PRISM};
use fanvue_agent::{
    config::Secret,
    fanvue::{
        client::{ChatQuery, ChatUpdate, SendMessage, Tokens},
        CreatorApi, FanvueClient,
    },
};
use std::{
    io::{BufRead, BufReader},
    process::{Child, Command, Stdio},
    time::Duration,
};

const SPEC: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/tests/fixtures/fanvue-openapi.yaml"
);
const FAN: &str = "5939ae62-3eb5-4433-954f-f78c7b4282f3";

struct Prism {
    child: Child,
    url: String,
}

impl Drop for Prism {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// Starts Prism on a port of its choosing and reads the address it prints once it has loaded
/// the document (`… Prism is listening on http://ADDR`), or `None` when FANVUE_PRISM is not set.
async fn start_prism() -> Option<Prism> {
    fanvue_agent::fanvue::client::install_tls_provider();
    let bin = peer(&PRISM)?;
    let mut child = Command::new(&bin)
        .args(["mock", "-h", "127.0.0.1", "-p", "0", "--errors", SPEC])
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap_or_else(|e| panic!("cannot run Prism at {bin}: {e}"));
    let stdout = child.stdout.take().unwrap();
    let (tx, rx) = tokio::sync::oneshot::channel();
    // Its own thread reads the lines until the address, then drains the rest (a full pipe would
    // block Prism).
    std::thread::spawn(move || {
        let mut lines = BufReader::new(stdout).lines().map_while(Result::ok);
        let url = lines.find_map(|l| {
            l.split_once("Prism is listening on ")
                .map(|(_, url)| url.trim().to_string())
        });
        let _ = tx.send(url);
        lines.for_each(drop);
    });
    let url = tokio::time::timeout(Duration::from_secs(90), rx)
        .await
        .expect("Prism says where it listens within 90 s")
        .unwrap()
        .expect("Prism exited without listening");
    Some(Prism { child, url })
}

fn api(url: &str) -> CreatorApi {
    FanvueClient::with_options(url, "2025-06-26", Duration::from_secs(10), 1000, 300)
        .unwrap()
        .creator("creator1", 1000, Tokens::Static(Secret::new("prism-token")))
}

#[tokio::test]
async fn every_client_call_in_the_published_spec_passes_prism_validation() {
    let Some(prism) = start_prism().await else {
        return;
    };
    let api = api(&prism.url);
    let ctx = |what: &str, e: &dyn std::fmt::Debug| {
        format!("{what} violates the spec (or cannot read Prism's answer): {e:?}")
    };
    api.me()
        .await
        .unwrap_or_else(|e| panic!("{}", ctx("GET /users/me", &e)));
    let q = ChatQuery {
        page: Some(1),
        size: Some(50),
        filters: vec!["unread".into(), "not_answered".into()],
        sort_by: Some("most_recent_messages".into()),
        search: None,
    };
    api.list_chats(&q)
        .await
        .unwrap_or_else(|e| panic!("{}", ctx("GET /chats", &e)));
    api.unread_counts()
        .await
        .unwrap_or_else(|e| panic!("{}", ctx("GET /chats/unread", &e)));
    api.list_messages(FAN, Some(1), Some(20), false)
        .await
        .unwrap_or_else(|e| panic!("{}", ctx("GET /chats/{uuid}/messages", &e)));
    api.mark_read(FAN)
        .await
        .unwrap_or_else(|e| panic!("{}", ctx("PATCH /chats/{uuid}", &e)));
    api.update_chat(
        FAN,
        &ChatUpdate {
            is_muted: Some(false),
            nickname: Some("vip".into()),
            ..Default::default()
        },
    )
    .await
    .unwrap_or_else(|e| panic!("{}", ctx("PATCH /chats/{uuid} nickname", &e)));
    api.send_message(FAN, &SendMessage::text("hello from the contract test"))
        .await
        .unwrap_or_else(|e| panic!("{}", ctx("POST /chats/{uuid}/message", &e)));
    let ppv = SendMessage {
        text: Some("a set for you".into()),
        media_uuids: vec![FAN.into()],
        price: Some(999),
        template_uuid: None,
    };
    api.send_message(FAN, &ppv)
        .await
        .unwrap_or_else(|e| panic!("{}", ctx("POST /chats/{uuid}/message (PPV)", &e)));
    api.list_templates(Some(1), Some(10), Some("welcome"))
        .await
        .unwrap_or_else(|e| panic!("{}", ctx("GET /chats/templates", &e)));
    api.get_template(FAN)
        .await
        .unwrap_or_else(|e| panic!("{}", ctx("GET /chats/templates/{uuid}", &e)));
}

#[tokio::test]
async fn the_contract_check_can_fail_a_request_that_breaks_the_spec() {
    let Some(prism) = start_prism().await else {
        return;
    };
    let resp = reqwest::Client::new()
        .post(format!("{}/chats/{FAN}/message", prism.url))
        .header("Authorization", "Bearer x")
        .json(&serde_json::json!({"text": 42, "mediaUuids": "not-an-array"}))
        .send()
        .await
        .unwrap();
    assert!(
        resp.status().is_client_error(),
        "Prism accepted a bad request: {}",
        resp.status()
    );
    let violations = resp
        .headers()
        .get("sl-violations")
        .map(|v| v.to_str().unwrap_or("").to_string());
    let body = resp.text().await.unwrap_or_default();
    assert!(
        violations.is_some() || body.contains("violation") || body.contains("UNPROCESSABLE"),
        "no violation reported: {body}"
    );
}
