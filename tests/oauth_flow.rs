//! OAuth against the sandbox: PKCE, single-use state, the HTTP callback, single-flight refresh,
//! rotation with reuse detection, invalid_grant pausing one creator only.

mod common;

use common::*;
use fanvue_agent::{
    fanvue::{oauth::OAuthError, ApiError},
    store::{oauth::StateError, CreatorStatus},
};
use serde_json::json;
use std::sync::Arc;

#[tokio::test]
async fn a_state_is_accepted_once_and_an_unknown_one_never() {
    let env = spawn_sandbox(args(1, 1), |_| {}).await;
    let (code, state) = env.authorize("creator1").await;
    let c = env.parts.connector();
    assert!(matches!(
        c.finish("forged-state-forged-state-forged-state", &code)
            .await,
        Err(fanvue_agent::fanvue::oauth::ConnectError::State(
            StateError::Unknown
        ))
    ));
    c.finish(&state, &code).await.unwrap();
    assert!(matches!(
        c.finish(&state, &code).await,
        Err(fanvue_agent::fanvue::oauth::ConnectError::State(
            StateError::Reused
        ))
    ));
    let t = env.tokens("creator1").await;
    assert!(t.access_token.expose().starts_with("sbx_at_"));
}

#[tokio::test]
async fn the_token_endpoint_refuses_a_wrong_pkce_verifier() {
    let env = spawn_sandbox(args(1, 1), |_| {}).await;
    let (code, _) = env.authorize("creator1").await;
    let wrong = fanvue_agent::config::Secret::new(fanvue_agent::fanvue::oauth::pkce_verifier());
    assert!(matches!(
        env.parts.oauth.exchange_code(&code, &wrong).await,
        Err(OAuthError::InvalidGrant(_))
    ));
}

#[tokio::test]
async fn the_http_callback_connects_and_refuses_a_replay() {
    let env = spawn_sandbox(args(1, 1), |_| {}).await;
    // The callback alone, on the app's address (the config's public URL).
    let daemon = env.url.clone();
    let parts = env.parts.clone();
    let (listener, s) = (env.listener(), env.shutdown_token());
    tokio::spawn(async move { parts.serve_callback(listener, s).await });
    let http = env.parts.api.http();
    let callback = env.authorize_redirect("creator1").await.to_string();
    assert!(callback.starts_with(&format!("{daemon}/oauth/callback?")));
    let ok = http.get(&callback).send().await.unwrap();
    assert_eq!(ok.status(), 200);
    assert!(ok
        .text()
        .await
        .unwrap()
        .contains("Creator creator1 is connected"));
    let replay = http.get(&callback).send().await.unwrap();
    assert_eq!(replay.status(), 400);
    assert!(replay.text().await.unwrap().contains("already used"));
    let missing = http
        .get(format!("{daemon}/oauth/callback?state=x"))
        .send()
        .await
        .unwrap();
    assert_eq!(missing.status(), 400);
    assert_eq!(
        env.creator_row("creator1").await.status,
        CreatorStatus::Active
    );
}

/// Rewrites the stored expiry so the next access wants a refresh (the token itself stays valid).
async fn expire_soon(env: &TestApp, handle: &str) {
    let mut t = env.tokens(handle).await;
    t.expires_at = fanvue_agent::store::now_secs() + 10;
    env.parts
        .store
        .save_tokens(&env.parts.cipher, handle, &t)
        .await
        .unwrap();
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn fifty_concurrent_callers_cause_exactly_one_refresh() {
    // A roomy bucket: this test is about refreshes, not the limiter's pace.
    let mut a = args(1, 1);
    a.rate_limit = 1000;
    let env = spawn_sandbox(a, |c| c.fanvue.rate_limit_per_minute = 1000).await;
    env.connect("creator1").await;
    expire_soon(&env, "creator1").await;
    let api = Arc::new(env.parts.creator_api("creator1"));
    let calls: Vec<_> = (0..50)
        .map(|_| {
            let api = api.clone();
            tokio::spawn(async move { api.me().await })
        })
        .collect();
    for c in calls {
        c.await.unwrap().expect("every caller gets a valid token");
    }
    assert_eq!(env.stats().await["token_refreshes"], 1);
}

#[tokio::test]
async fn a_rotated_refresh_token_is_persisted_and_reusing_the_old_one_is_detected() {
    let env = spawn_sandbox(args(1, 1), |_| {}).await;
    env.connect("creator1").await;
    let old = env.tokens("creator1").await;
    expire_soon(&env, "creator1").await;
    let api = env.parts.creator_api("creator1");
    api.me().await.unwrap();
    let new = env.tokens("creator1").await;
    assert_ne!(new.refresh_token, old.refresh_token, "rotated");
    assert_ne!(new.access_token, old.access_token);
    // Someone replays the retired refresh token: the sandbox (like Fanvue) kills the family.
    assert!(matches!(
        env.parts.oauth.refresh(&old.refresh_token).await,
        Err(OAuthError::InvalidGrant(_))
    ));
    // Our next call gets 401, tries the current refresh token, gets invalid_grant: creator paused.
    match api.me().await {
        Err(ApiError::PauseCreator { reason }) => {
            assert!(reason.contains("invalid_grant"), "{reason}")
        }
        other => panic!("{other:?}"),
    }
    let c = env.creator_row("creator1").await;
    assert_eq!(c.status, CreatorStatus::NeedsReconnect);
    assert!(c
        .status_reason
        .unwrap()
        .contains("fanvue-agent connect creator1"));
}

#[tokio::test]
async fn a_revoked_creator_is_paused_and_the_others_keep_working() {
    let env = spawn_sandbox(args(2, 2), |_| {}).await;
    env.connect("creator1").await;
    env.connect("creator2").await;
    env.post("/_sandbox/creators/creator1/revoke", json!({}))
        .await;
    let one = env.parts.creator_api("creator1");
    let two = env.parts.creator_api("creator2");
    assert!(matches!(one.me().await, Err(ApiError::PauseCreator { .. })));
    assert_eq!(
        env.creator_row("creator1").await.status,
        CreatorStatus::NeedsReconnect
    );
    assert!(
        matches!(one.me().await, Err(ApiError::PauseCreator { .. })),
        "stays paused without calling Fanvue"
    );
    two.me().await.expect("creator2 is unaffected");
    assert_eq!(
        env.creator_row("creator2").await.status,
        CreatorStatus::Active
    );
    // Reconnecting brings creator1 back.
    env.connect("creator1").await;
    env.parts.creator_api("creator1").me().await.unwrap();
}

#[tokio::test]
async fn pause_and_resume_a_creator_or_one_fan_from_the_command_line() {
    let env = spawn_sandbox(args(1, 2), |_| {}).await;
    env.connect("creator1").await;
    let fan = env.fan_of("creator1").await;
    let run = |args: &[&str]| env.cli(args);
    let store = &env.parts.store;
    let status = |s: &'static str| async move {
        store
            .creator("creator1")
            .await
            .unwrap()
            .unwrap()
            .status
            .as_str()
            == s
    };
    let (code, out) = run(&["pause", "creator1"]);
    assert_eq!(code, Some(0), "{out}");
    assert!(status("paused").await);
    let paused_until = || async {
        store
            .fan_facts("creator1", &fan)
            .await
            .unwrap()
            .paused_until
    };
    let (code, out) = run(&["pause", "creator1", &fan]);
    assert_eq!(code, Some(0), "{out}");
    assert_eq!(paused_until().await, Some(i64::MAX));
    let (code, _) = run(&["resume", "creator1", &fan]);
    assert_eq!(code, Some(0));
    assert_eq!(paused_until().await, None);
    let (code, _) = run(&["resume", "creator1"]);
    assert_eq!(code, Some(0));
    assert!(status("active").await);
    let (code, out) = run(&["resume", "creator1"]);
    assert_eq!(code, Some(1), "not paused: {out}");
    let (code, out) = run(&["pause", "nobody"]);
    assert_eq!(code, Some(2), "{out}");
    let (code, out) = run(&["pause", "creator1", "not-a-uuid"]);
    assert_eq!(code, Some(2), "{out}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_message_written_before_the_creator_connected_is_answered_once_it_connects() {
    let app = spawn_unconnected_app(args(1, 1), |_| {}).await;
    app.serve(canned());
    let fan = app.fan_of("creator1").await;
    app.fan_says(&fan, "hello? anyone home?").await;
    app.wait_for_count(
        "the message held for an unknown creator",
        "SELECT count(*) FROM inbox WHERE creator_handle IS NULL AND state = 'decided'",
        |n| n == 1,
    )
    .await;
    app.connect("creator1").await;
    app.wait_for_count(
        "the held message answered",
        "SELECT count(*) FROM outbox WHERE purpose = 'reply' AND state = 'sent'",
        |n| n == 1,
    )
    .await;
    app.settle().await;
    assert_eq!(app.sent_to(&fan).await.len(), 1, "answered once");
    let reason: String = sqlx::query_scalar(
        "SELECT reason FROM decisions d JOIN inbox i ON i.id = d.inbox_id
         WHERE i.creator_handle IS NULL",
    )
    .fetch_one(app.parts.store.reader())
    .await
    .unwrap();
    assert!(reason.contains("released to creator1"), "{reason}");
    app.stop().await;
}
