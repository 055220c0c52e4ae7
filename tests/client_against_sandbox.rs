//! The Fanvue client against the real sandbox over HTTP: every call, every error variant, the headers.

mod common;

use common::*;
use fanvue_agent::fanvue::{
    client::{ChatQuery, ChatUpdate, MediaQuery, SendMessage, Tokens},
    ApiError, FanvueClient,
};
use serde_json::json;
use std::time::Duration;

#[tokio::test]
async fn every_client_call_works_against_the_sandbox() {
    let env = spawn_sandbox(args(1, 2), |_| {}).await;
    env.connect("creator1").await;
    let api = env.parts.creator_api("creator1");
    let fan = env.fan_of("creator1").await;
    for text in ["hi there", "are you around?"] {
        assert_eq!(
            env.post(
                &format!("/_sandbox/fans/{fan}/messages"),
                json!({"text": text})
            )
            .await
            .status(),
            201
        );
    }

    let me = api.me().await.unwrap();
    assert_eq!(me.handle.as_deref(), Some("creator1"));
    assert_eq!(
        env.creator_row("creator1").await.uuid.as_deref(),
        Some(me.uuid.as_str())
    );

    let unread = api
        .list_chats(&ChatQuery {
            filters: vec!["unread".into()],
            ..Default::default()
        })
        .await
        .unwrap();
    assert_eq!(unread.data.len(), 1);
    assert_eq!(unread.data[0].user.uuid, fan);
    assert_eq!(unread.data[0].unread_messages_count, Some(2));
    let counts = api.unread_counts().await.unwrap();
    assert_eq!(
        (counts.unread_chats_count, counts.unread_messages_count),
        (Some(1), Some(2))
    );

    let msgs = api
        .list_messages(&fan, None, Some(10), false)
        .await
        .unwrap();
    assert_eq!(
        msgs.data
            .iter()
            .map(|m| m.text.as_deref().unwrap())
            .collect::<Vec<_>>(),
        ["are you around?", "hi there"]
    );
    assert_eq!(msgs.data[0].sender.uuid, fan);
    let still = api
        .list_chats(&ChatQuery {
            filters: vec!["unread".into()],
            ..Default::default()
        })
        .await
        .unwrap();
    assert_eq!(
        still.data.len(),
        1,
        "markAsRead=false must leave the chat unread"
    );

    let batch = api
        .batch_messages(std::slice::from_ref(&fan), Some(1), None)
        .await
        .unwrap();
    assert_eq!(batch.by_chat[&fan].messages.len(), 1);
    assert!(batch.by_chat[&fan].has_more);

    let sent = api
        .send_message(&fan, &SendMessage::text("hello you"))
        .await
        .unwrap();
    assert!(uuid::Uuid::parse_str(&sent.message_uuid).is_ok());
    let after = api
        .list_messages(&fan, Some(1), Some(1), false)
        .await
        .unwrap();
    assert_eq!(after.data[0].uuid, sent.message_uuid);
    assert_eq!(after.data[0].text.as_deref(), Some("hello you"));

    api.mark_read(&fan).await.unwrap();
    api.update_chat(
        &fan,
        &ChatUpdate {
            nickname: Some("Big fan".into()),
            ..Default::default()
        },
    )
    .await
    .unwrap();
    let chats = api.list_chats(&ChatQuery::default()).await.unwrap();
    assert!(chats.data[0].is_read);
    assert_eq!(chats.data[0].user.nickname.as_deref(), Some("Big fan"));
    assert!(api
        .list_chats(&ChatQuery {
            filters: vec!["unread".into()],
            ..Default::default()
        })
        .await
        .unwrap()
        .data
        .is_empty());

    let templates = api.list_templates(None, None, Some("WELC")).await.unwrap();
    assert_eq!(templates.data.len(), 1);
    assert_eq!(
        api.get_template(&templates.data[0].uuid)
            .await
            .unwrap()
            .text,
        templates.data[0].text
    );

    let media = api
        .list_media(&MediaQuery {
            usage: Some("ppv".into()),
            status: Some("ready".into()),
            ..Default::default()
        })
        .await
        .unwrap();
    assert_eq!(media.data.len(), 4);
    let item = media.data[0].clone();
    let ppv = SendMessage {
        text: Some("just for you".into()),
        media_uuids: vec![item.uuid.clone()],
        price: Some(800),
        template_uuid: None,
    };
    api.send_message(&fan, &ppv).await.unwrap();
    let owned = api
        .list_media(&MediaQuery {
            purchased_by: Some(fan.clone()),
            ..Default::default()
        })
        .await
        .unwrap();
    assert_eq!(owned.data[0].purchased_by_fan, Some(false));

    let insights = api.fan_insights(&fan).await.unwrap();
    assert_eq!(insights.status.as_deref(), Some("subscriber"));
    assert_eq!(insights.total_spend_cents(), 0);

    let s = env.stats().await;
    assert_eq!(s["creator_messages"], 2);
    assert_eq!(s["ppv_offers"], 1);
    for route in [
        "GET /users/me",
        "GET /chats",
        "GET /chats/unread",
        "GET /chats/{fan}/messages",
        "POST /chats/messages/batch",
        "POST /chats/{fan}/message",
        "PATCH /chats/{fan}",
        "GET /chats/templates",
        "GET /chats/templates/{uuid}",
        "GET /media",
        "GET /insights/fans/{fan}",
    ] {
        assert!(
            s["api_calls"][route].as_u64().unwrap_or(0) >= 1,
            "{route} not called: {s}"
        );
    }
}

#[tokio::test]
async fn rate_limit_headers_are_read_and_correct_the_configured_limit() {
    let env = spawn_sandbox(args(1, 1), |c| c.fanvue.rate_limit_per_minute = 1000).await;
    env.connect("creator1").await; // one GET /users/me already spent
    let api = env.parts.creator_api("creator1");
    assert_eq!(
        api.limiter().limit(),
        100,
        "the sandbox's X-RateLimit-Limit (100) replaced the configured 1000"
    );
    api.me().await.unwrap();
    let info = api.rate_limit();
    assert_eq!(info.limit, Some(100));
    assert_eq!(info.remaining, Some(98));
    assert!(info.reset.unwrap() > fanvue_agent::store::now_secs());
}

#[tokio::test]
async fn a_429_becomes_rate_limited_and_blocks_the_creator_for_retry_after() {
    let env = spawn_sandbox(args(1, 1), |_| {}).await;
    env.connect("creator1").await;
    let api = env.parts.creator_api("creator1");
    env.faults(json!({"rate_limit_storm": 1.0, "storm_secs": 3}))
        .await;
    match api.me().await {
        Err(ApiError::RateLimited { retry_after }) => {
            assert_eq!(retry_after, Duration::from_secs(3))
        }
        other => panic!("{other:?}"),
    }
    let blocked = api
        .limiter()
        .blocked_for()
        .expect("the limiter obeys Retry-After");
    assert!(blocked > Duration::from_secs(2));
    assert!(!api.limiter().try_acquire());
    assert_eq!(env.stats().await["rate_limited"], 1);
}

#[tokio::test]
async fn an_expired_token_is_refreshed_once_after_a_401_and_the_call_retried() {
    let env = spawn_sandbox(args(1, 1), |_| {}).await;
    env.connect("creator1").await;
    let api = env.parts.creator_api("creator1");
    api.me().await.unwrap();
    // The sandbox's clock jumps two hours: the token we hold is dead there, alive in our books.
    env.post("/_sandbox/clock/advance", json!({"seconds": 7200}))
        .await;
    api.me().await.expect("401 → refresh → retry succeeds");
    let s = env.stats().await;
    assert_eq!(s["unauthorized"], 1);
    assert_eq!(s["token_refreshes"], 1);
    assert_eq!(
        env.parts.store.token_generation("creator1").await.unwrap(),
        2,
        "the rotated tokens were persisted"
    );
}

#[tokio::test]
async fn a_missing_scope_pauses_the_creator() {
    let env = spawn_sandbox(args(1, 1), |_| {}).await;
    env.connect("creator1").await;
    let api = env.parts.creator_api("creator1");
    let fan = env.fan_of("creator1").await;
    env.post(
        "/_sandbox/creators/creator1/scopes",
        json!({"remove": ["write:chat"]}),
    )
    .await;
    match api.send_message(&fan, &SendMessage::text("hi")).await {
        Err(ApiError::PauseCreator { reason }) => {
            assert!(reason.contains("Insufficient scopes"), "{reason}")
        }
        other => panic!("{other:?}"),
    }
    // The creator now waits for a reconnect, with the reason on record, and Fanvue is not asked
    // again and again in the meantime.
    let c = env.creator_row("creator1").await;
    assert_eq!(c.status.as_str(), "needs_reconnect");
    let why = c.status_reason.unwrap_or_default();
    assert!(
        why.contains("403") && why.contains("fanvue-agent connect creator1"),
        "{why}"
    );
    let calls = env.stats().await["api_calls_total"].clone();
    assert!(matches!(api.me().await, Err(ApiError::PauseCreator { .. })));
    assert_eq!(
        env.stats().await["api_calls_total"],
        calls,
        "refused locally"
    );
    // Reconnecting (with the scope granted again) serves the creator again.
    env.post(
        "/_sandbox/creators/creator1/scopes",
        json!({"restore": true}),
    )
    .await;
    env.connect("creator1").await;
    api.send_message(&fan, &SendMessage::text("hi again"))
        .await
        .expect("sends work after the reconnect");
}

#[tokio::test]
async fn permanent_errors_are_not_retryable() {
    let mut a = args(1, 1);
    a.uncontactable = 1.0;
    let env = spawn_sandbox(a, |_| {}).await;
    env.connect("creator1").await;
    let api = env.parts.creator_api("creator1");
    let fan = env.fan_of("creator1").await;
    let e = api
        .send_message(&fan, &SendMessage::text("hi"))
        .await
        .unwrap_err();
    assert_eq!(
        e,
        ApiError::Permanent {
            status: 400,
            message: "User is not contactable".into()
        }
    );
    assert!(!e.is_retryable());
    let stranger = uuid::Uuid::new_v4().to_string();
    assert!(matches!(
        api.list_messages(&stranger, None, None, false).await,
        Err(ApiError::Permanent { status: 404, .. })
    ));
    let vault_free = SendMessage {
        text: Some("x".into()),
        media_uuids: vec![stranger.clone()],
        price: Some(500),
        template_uuid: None,
    };
    match api.send_message(&fan, &vault_free).await {
        Err(ApiError::Permanent { status: 400, .. }) => {}
        other => panic!("{other:?}"),
    }
}

#[tokio::test]
async fn invalid_messages_never_leave_the_process() {
    let env = spawn_sandbox(args(1, 1), |_| {}).await;
    env.connect("creator1").await;
    let api = env.parts.creator_api("creator1");
    let fan = env.fan_of("creator1").await;
    let before = env.stats().await["api_calls_total"].clone();
    assert!(matches!(
        api.send_message(&fan, &SendMessage::text("")).await,
        Err(ApiError::Invalid(_))
    ));
    let cheap = SendMessage {
        text: Some("x".into()),
        media_uuids: vec![fan.clone()],
        price: Some(299),
        template_uuid: None,
    };
    assert!(matches!(
        api.send_message(&fan, &cheap).await,
        Err(ApiError::Invalid(_))
    ));
    assert!(matches!(
        api.send_message("../users/me", &SendMessage::text("x"))
            .await,
        Err(ApiError::Invalid(_))
    ));
    assert_eq!(env.stats().await["api_calls_total"], before);
}

#[tokio::test]
async fn send_failures_say_whether_the_message_may_have_gone_out() {
    let env = spawn_sandbox(args(1, 1), |c| c.fanvue.request_timeout_secs = 1).await;
    env.connect("creator1").await;
    let api = env.parts.creator_api("creator1");
    let fan = env.fan_of("creator1").await;

    // A send that fails but may have gone out.
    let maybe_sent = |text: &'static str| {
        let (api, fan) = (&api, &fan);
        async move {
            let e = api
                .send_message(fan, &SendMessage::text(text))
                .await
                .unwrap_err();
            assert!(
                matches!(
                    e,
                    ApiError::Transient {
                        maybe_processed: true,
                        ..
                    }
                ),
                "{e:?}"
            );
        }
    };
    env.faults(json!({"send_5xx": 1.0})).await;
    maybe_sent("a").await;
    assert_eq!(env.stats().await["creator_messages"], 0);

    env.faults(json!({"send_lost_response": 1.0})).await;
    maybe_sent("b").await;
    assert_eq!(
        env.stats().await["creator_messages"],
        1,
        "processed although the response was lost"
    );

    env.faults(json!({"send_timeout": 1.0, "timeout_ms": 3000}))
        .await;
    match api
        .send_message(&fan, &SendMessage::text("c"))
        .await
        .unwrap_err()
    {
        ApiError::Transient {
            maybe_processed: true,
            reason,
        } => assert!(reason.contains("timeout"), "{reason}"),
        e => panic!("{e:?}"),
    }

    env.faults(json!({"api_5xx": 1.0})).await;
    let e = api.me().await.unwrap_err();
    assert!(
        matches!(
            e,
            ApiError::Transient {
                maybe_processed: false,
                ..
            }
        ),
        "a failed read changed nothing: {e:?}"
    );
}

#[tokio::test]
async fn version_errors_and_unreachable_servers_are_classified() {
    let env = spawn_sandbox(args(1, 1), |_| {}).await;
    env.connect("creator1").await;
    let token = env.tokens("creator1").await.access_token;
    let client = |version: &str, base: &str| {
        FanvueClient::with_options(base, version, Duration::from_secs(2), 100, 300)
            .unwrap()
            .creator("creator1", 100, Tokens::Static(token.clone()))
    };
    let url = env.sandbox.url();
    match client("2024-01-01", &url).me().await {
        Err(ApiError::VersionSunset { next_version }) => {
            assert_eq!(next_version.as_deref(), Some("2025-06-26"))
        }
        other => panic!("{other:?}"),
    }
    assert!(matches!(
        client("2099-01-01", &url).me().await,
        Err(ApiError::Permanent { status: 400, .. })
    ));
    // Nothing listens there for the test's whole length (bound, not listening).
    let held = unopened_port();
    let closed = held.local_addr().unwrap();
    match client("2025-06-26", &format!("http://{closed}")).me().await {
        Err(ApiError::Transient {
            maybe_processed: false,
            reason,
        }) => assert!(reason.contains("connection"), "{reason}"),
        other => panic!("{other:?}"),
    }
}
