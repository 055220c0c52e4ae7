//! The client against Prism mocking Fanvue's published OpenAPI document: any request that breaks
//! the spec is answered with an error (`--errors`), so every call must succeed. A negative test
//! proves the check can fail. Prism is installed by `scripts/install-peers` (FANVUE_PRISM).

use fanvue_agent::{
    config::Secret,
    fanvue::{
        client::{ChatQuery, ChatUpdate, SendMessage, Tokens},
        CreatorApi, FanvueClient,
    },
};
use std::{
    process::{Child, Command, Stdio},
    time::{Duration, Instant},
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

fn prism_bin() -> String {
    std::env::var("FANVUE_PRISM").unwrap_or_else(|_| {
        concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/.peers/prism/node_modules/.bin/prism"
        )
        .into()
    })
}

async fn start_prism() -> Prism {
    fanvue_agent::fanvue::client::install_tls_provider();
    let bin = prism_bin();
    assert!(
        std::path::Path::new(&bin).exists(),
        "Prism is not installed at {bin}: run scripts/install-peers (scripts/test does) or set FANVUE_PRISM"
    );
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let child = Command::new(&bin)
        .args([
            "mock",
            "-h",
            "127.0.0.1",
            "-p",
            &port.to_string(),
            "--errors",
            SPEC,
        ])
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("spawn prism");
    let prism = Prism {
        child,
        url: format!("http://127.0.0.1:{port}"),
    };
    let deadline = Instant::now() + Duration::from_secs(60);
    let http = reqwest::Client::new();
    loop {
        // Any HTTP answer means Prism has loaded the document.
        if http
            .get(format!("{}/users/me", prism.url))
            .send()
            .await
            .is_ok()
        {
            return prism;
        }
        assert!(Instant::now() < deadline, "Prism did not start within 60 s");
        tokio::time::sleep(Duration::from_millis(200)).await;
    }
}

fn api(url: &str) -> CreatorApi {
    FanvueClient::with_options(url, "2025-06-26", Duration::from_secs(10), 1000, 300)
        .unwrap()
        .creator("creator1", 1000, Tokens::Static(Secret::new("prism-token")))
}

#[tokio::test]
async fn every_client_call_in_the_published_spec_passes_prism_validation() {
    let prism = start_prism().await;
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
    let prism = start_prism().await;
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
