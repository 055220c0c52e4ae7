//! Humans in the loop, against the sandbox and its scripted LLM: a creator who answers by hand
//! (with no webhook) is never talked over, a fan who writes while a reply waits out its delay gets
//! one reply drafted with everything they wrote, and a seeded run with both behaviours keeps the
//! ledger's `replies_over_creator` and `turns_answered_by_a_reply_drafted_before_them` at 0.

mod common;

use common::*;
use fanvue_agent::config::Config;
use serde_json::json;
use std::time::{Duration, Instant};

fn quick(c: &mut Config) {
    scripted_config(c);
    c.agent.reply_delay_min_ms = 2500;
    c.agent.reply_delay_max_ms = 2500;
}

async fn creator_writes_by_hand(env: &Env, fan: &str, text: &str) {
    let r = post(
        env,
        &format!("/_sandbox/fans/{fan}/creator-by-hand"),
        json!({ "text": text }),
    )
    .await;
    assert!(r.status().is_success());
}

/// Waits until the SQL count reaches at least `n`.
async fn wait_count(env: &Env, what: &str, sql: &str, n: i64) {
    let start = Instant::now();
    while count(env, sql).await < n {
        assert!(
            start.elapsed() < Duration::from_secs(60),
            "timed out waiting for {what}"
        );
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
}

async fn outbox_reasons(env: &Env) -> Vec<(String, Option<String>)> {
    sqlx::query_as("SELECT state, last_error FROM outbox ORDER BY id")
        .fetch_all(env.parts.store.reader())
        .await
        .unwrap()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_creator_who_answers_by_hand_while_a_reply_waits_is_not_talked_over() {
    let mut d = daemon_env(args(1, 1), quick).await;
    connect(&d.env, "creator1").await;
    let run = serve(&d.env, d.listener.take().unwrap(), d.env.parts.llm());
    let fan = fans_of(&d.env, "creator1").await[0].clone();
    fan_says(&d.env, &fan, "hey, first time here").await;
    wait_for(&d.env, "the first reply", |s| s["creator_messages"] == 1).await;
    settle(&d.env).await;
    // The chat is known now: the next reply is drafted without reading it first.
    fan_says(&d.env, &fan, "so what are you up to tonight?").await;
    wait_count(
        &d.env,
        "the second reply waiting out its delay",
        "SELECT count(*) FROM outbox WHERE state = 'pending'",
        1,
    )
    .await;
    // The creator opens the app and answers herself: no webhook tells the daemon.
    creator_writes_by_hand(&d.env, &fan, "it's me! chilling at home, you?").await;
    wait_count(
        &d.env,
        "the reply dropped",
        "SELECT count(*) FROM outbox WHERE state = 'dropped'",
        1,
    )
    .await;
    // The fan answers the creator: the AI stays out (the chat is paused for the takeover time).
    fan_says(&d.env, &fan, "nice, same here haha").await;
    wait_count(
        &d.env,
        "the fan's answer decided",
        "SELECT count(*) FROM decisions",
        3,
    )
    .await;
    settle(&d.env).await;
    let st = stats(&d.env).await;
    assert_eq!(st["replies_over_creator"], 0, "{st}");
    assert_eq!(st["creator_messages"], 1, "only the first AI reply: {st}");
    assert_eq!(st["hand_written_messages"], 1, "{st}");
    let reasons = outbox_reasons(&d.env).await;
    assert!(
        reasons[1]
            .1
            .as_deref()
            .is_some_and(|r| r.contains("by hand")),
        "{reasons:?}"
    );
    let last: String = sqlx::query_scalar("SELECT reason FROM decisions ORDER BY id DESC LIMIT 1")
        .fetch_one(d.env.parts.store.reader())
        .await
        .unwrap();
    assert!(last.contains("took this chat over"), "{last}");
    let paused = d.env.parts.store.fan_facts("creator1", &fan).await.unwrap();
    assert!(
        paused
            .paused_until
            .is_some_and(|p| p > fanvue_agent::domain::time::now_ms() + 1_000_000),
        "paused for the takeover time: {paused:?}"
    );
    stop(run).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_fan_who_writes_during_the_reply_delay_gets_one_reply_drafted_with_everything() {
    let mut d = daemon_env(args(1, 1), quick).await;
    connect(&d.env, "creator1").await;
    let run = serve(&d.env, d.listener.take().unwrap(), d.env.parts.llm());
    let fan = fans_of(&d.env, "creator1").await[0].clone();
    fan_says(&d.env, &fan, "hi there").await;
    wait_count(
        &d.env,
        "a reply waiting out its delay",
        "SELECT count(*) FROM outbox WHERE state = 'pending'",
        1,
    )
    .await;
    fan_says(&d.env, &fan, "also, do you do custom videos?").await;
    wait_for(&d.env, "one answer", |s| {
        s["creator_messages"] == 1 && s["unanswered_turns"] == 0
    })
    .await;
    settle(&d.env).await;
    let st = stats(&d.env).await;
    assert_eq!(
        st["turns_answered_by_a_reply_drafted_before_them"], 0,
        "{st}"
    );
    assert_eq!(st["duplicate_replies"], 0, "{st}");
    assert_eq!(st["creator_messages"], 1, "{st}");
    let reasons = outbox_reasons(&d.env).await;
    assert_eq!(reasons.len(), 2, "{reasons:?}");
    assert_eq!(reasons[0].0, "dropped", "{reasons:?}");
    assert_eq!(reasons[1].0, "sent", "{reasons:?}");
    let first: String = sqlx::query_scalar("SELECT reason FROM decisions ORDER BY id LIMIT 1")
        .fetch_one(d.env.parts.store.reader())
        .await
        .unwrap();
    assert!(first.contains("folded into a new reply"), "{first}");
    stop(run).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn with_creators_writing_by_hand_and_fans_writing_during_delays_no_turn_is_lost_or_talked_over(
) {
    let mut a = args(2, 12);
    a.quiet_fans = false;
    a.max_turns = 3;
    a.start_window_secs = 3.0;
    a.fan_pace = 0.5;
    // The creator often answers before the delayed AI reply would: a short window, a fair share.
    a.creator_by_hand = 0.35;
    a.by_hand_within_secs = 2.0;
    a.write_during_delays = 0.5;
    a.extra_message_within_secs = 3.0;
    a.rate_limit = 600;
    a.seed = 7;
    let mut d = daemon_env(a, |c| {
        scripted_config(c);
        c.fanvue.rate_limit_per_minute = 600;
        c.agent.reply_delay_min_ms = 500;
        c.agent.reply_delay_max_ms = 2500;
    })
    .await;
    connect(&d.env, "creator1").await;
    connect(&d.env, "creator2").await;
    let run = serve(&d.env, d.listener.take().unwrap(), d.env.parts.llm());
    // Done when every fan is quiet or waiting on a human, and the daemon is idle.
    let start = Instant::now();
    loop {
        let w = world(&d.env).await;
        let talking = w["fans"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|f| f["state"] != "Quiet")
            .count();
        if talking == 0 {
            break;
        }
        if start.elapsed() > Duration::from_secs(150) {
            let st = stats(&d.env).await;
            panic!(
                "{talking} fans still talking: {st}\n{}",
                troubled_chats(&d.env).await
            );
        }
        tokio::time::sleep(Duration::from_millis(250)).await;
    }
    settle(&d.env).await;
    let st = stats(&d.env).await;
    let chats = troubled_chats(&d.env).await;
    assert!(st["hand_written_messages"].as_u64() > Some(0), "{st}");
    assert!(st["fan_messages_during_delays"].as_u64() > Some(0), "{st}");
    assert_eq!(st["replies_over_creator"], 0, "{st}\n{chats}");
    assert_eq!(
        st["turns_answered_by_a_reply_drafted_before_them"], 0,
        "{st}\n{chats}"
    );
    assert_eq!(st["duplicate_replies"], 0, "{st}\n{chats}");
    assert_eq!(st["unanswered_turns"], 0, "{st}\n{chats}");
    assert_eq!(st["rate_limited"], 0, "{st}");
    stop(run).await;
}
