//! Humans in the loop, against the sandbox and its scripted LLM: a creator who answers by hand
//! (with no webhook) is never talked over, a fan who writes while a reply waits out its delay gets
//! one reply drafted with everything they wrote, and a seeded run with both behaviours keeps the
//! ledger's `replies_over_creator` and `turns_answered_by_a_reply_drafted_before_them` at 0.

mod common;

use common::*;
use fanvue_agent::config::Config;
use std::time::Duration;

fn quick(c: &mut Config) {
    scripted_config(c);
    c.agent.reply_delay_min_ms = 2500;
    c.agent.reply_delay_max_ms = 2500;
}

/// A quick daemon on the scripted LLM with one fan; returns it and the fan.
async fn one_fan() -> (TestApp, String) {
    let app = spawn_app(args(1, 1), quick).await;
    app.serve(app.parts.llm());
    let fan = app.fan_of("creator1").await;
    (app, fan)
}

async fn outbox_reasons(app: &TestApp) -> Vec<(String, Option<String>)> {
    sqlx::query_as("SELECT state, last_error FROM outbox ORDER BY id")
        .fetch_all(app.parts.store.reader())
        .await
        .unwrap()
}

const PENDING: &str = "SELECT count(*) FROM outbox WHERE state = 'pending'";

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_creator_who_answers_by_hand_while_a_reply_waits_is_not_talked_over() {
    let (app, fan) = one_fan().await;
    app.fan_says(&fan, "hey, first time here").await;
    app.wait_for_stats("the first reply", |s| s["creator_messages"] == 1)
        .await;
    app.settle().await;
    // The chat is known now: the next reply is drafted without reading it first.
    app.fan_says(&fan, "so what are you up to tonight?").await;
    app.wait_for_count("the second reply waiting out its delay", PENDING, |n| {
        n >= 1
    })
    .await;
    // The creator opens the app and answers herself: no webhook tells the daemon.
    app.creator_writes_by_hand(&fan, "it's me! chilling at home, you?")
        .await;
    app.wait_for_count(
        "the reply dropped",
        "SELECT count(*) FROM outbox WHERE state = 'dropped'",
        |n| n >= 1,
    )
    .await;
    // The fan answers the creator: the AI stays out (the chat is paused for the takeover time).
    app.fan_says(&fan, "nice, same here haha").await;
    app.wait_for_count(
        "the fan's answer decided",
        "SELECT count(*) FROM decisions",
        |n| n >= 3,
    )
    .await;
    app.settle().await;
    let st = app.stats().await;
    assert_eq!(st["replies_over_creator"], 0, "{st}");
    assert_eq!(st["creator_messages"], 1, "only the first AI reply: {st}");
    assert_eq!(st["hand_written_messages"], 1, "{st}");
    let reasons = outbox_reasons(&app).await;
    assert!(
        reasons[1]
            .1
            .as_deref()
            .is_some_and(|r| r.contains("by hand")),
        "{reasons:?}"
    );
    let last: String = sqlx::query_scalar("SELECT reason FROM decisions ORDER BY id DESC LIMIT 1")
        .fetch_one(app.parts.store.reader())
        .await
        .unwrap();
    assert!(last.contains("took this chat over"), "{last}");
    let paused = app.parts.store.fan_facts("creator1", &fan).await.unwrap();
    assert!(
        paused
            .paused_until
            .is_some_and(|p| p > fanvue_agent::domain::time::now_ms() + 1_000_000),
        "paused for the takeover time: {paused:?}"
    );
    app.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_fan_who_writes_during_the_reply_delay_gets_one_reply_drafted_with_everything() {
    let (app, fan) = one_fan().await;
    app.fan_says(&fan, "hi there").await;
    app.wait_for_count("a reply waiting out its delay", PENDING, |n| n >= 1)
        .await;
    app.fan_says(&fan, "also, do you do custom videos?").await;
    app.wait_for_stats("one answer", |s| {
        s["creator_messages"] == 1 && s["unanswered_turns"] == 0
    })
    .await;
    app.settle().await;
    let st = app.stats().await;
    assert_eq!(
        st["turns_answered_by_a_reply_drafted_before_them"], 0,
        "{st}"
    );
    assert_eq!(st["duplicate_replies"], 0, "{st}");
    assert_eq!(st["creator_messages"], 1, "{st}");
    let reasons = outbox_reasons(&app).await;
    assert_eq!(reasons.len(), 2, "{reasons:?}");
    assert_eq!(reasons[0].0, "dropped", "{reasons:?}");
    assert_eq!(reasons[1].0, "sent", "{reasons:?}");
    let first: String = sqlx::query_scalar("SELECT reason FROM decisions ORDER BY id LIMIT 1")
        .fetch_one(app.parts.store.reader())
        .await
        .unwrap();
    assert!(first.contains("folded into a new reply"), "{first}");
    app.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn with_creators_writing_by_hand_and_fans_writing_during_delays_no_turn_is_lost_or_talked_over(
) {
    let mut a = talking_fans(2, 12, 7);
    a.start_window_secs = 3.0;
    a.fan_pace = 0.5;
    // The creator often answers before the delayed AI reply would: a short window, a fair share.
    a.creator_by_hand = 0.35;
    a.by_hand_within_secs = 2.0;
    a.write_during_delays = 0.5;
    a.extra_message_within_secs = 3.0;
    a.rate_limit = 600;
    let app = spawn_app(a, |c| {
        scripted_config(c);
        c.fanvue.rate_limit_per_minute = 600;
        c.agent.reply_delay_min_ms = 500;
        c.agent.reply_delay_max_ms = 2500;
    })
    .await;
    app.serve(app.parts.llm());
    // Done when every fan is quiet or waiting on a human, and the daemon is idle.
    eventually_within(
        "every fan to be done talking",
        Duration::from_secs(150),
        || async {
            if app.fans_done() {
                Ok(())
            } else {
                Err(format!(
                    "{}\n{}",
                    app.stats().await,
                    app.troubled_chats().await
                ))
            }
        },
    )
    .await;
    app.settle().await;
    let st = app.stats().await;
    let chats = app.troubled_chats().await;
    assert!(st["hand_written_messages"].as_u64() > Some(0), "{st}");
    assert!(st["fan_messages_during_delays"].as_u64() > Some(0), "{st}");
    assert_people_respected(&st, &chats);
    assert_eq!(st["duplicate_replies"], 0, "{st}\n{chats}");
    assert_eq!(st["unanswered_turns"], 0, "{st}\n{chats}");
    assert_eq!(st["rate_limited"], 0, "{st}");
    app.stop().await;
}
