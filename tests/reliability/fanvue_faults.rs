//! Fanvue misbehaving: 5xx bursts, hanging sends, sends processed whose response is lost, 429
//! storms with Retry-After, every access token expiring mid-burst, one creator's refresh token
//! revoked and another's scope removed (the others unaffected, their backlog answered after
//! reconnecting).

use crate::{common::*, report::Row, *};
use serde_json::json;
use std::time::Duration;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn server_errors_timeouts_and_lost_responses() {
    let mut a = talking_fans(2, 16, 21);
    a.faults.send_5xx = 0.2;
    a.faults.send_timeout = 0.05;
    a.faults.timeout_ms = 4_000;
    a.faults.send_lost_response = 0.15;
    a.faults.api_5xx = 0.05;
    let app = start(a, |_| {}).await;
    app.settle_all(Duration::from_secs(150)).await;
    let st = app.stats().await;
    app.stop().await;
    assert!(st["sends_5xx"].as_u64().unwrap() > 0, "{st}");
    assert!(st["sends_lost_response"].as_u64().unwrap() > 0, "{st}");
    assert_one_decision_each_in_order(&app).await;
    Row::measure(&app, "fanvue: 5xx, timeouts, lost responses")
        .await
        .note(format!(
            "{} sends 5xx, {} hung, {} processed but answered 500",
            st["sends_5xx"], st["sends_timed_out"], st["sends_lost_response"]
        ))
        .check_and_record();
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn creators_answering_by_hand_and_fans_writing_during_delays_with_failing_sends() {
    let mut a = talking_fans(2, 16, 26);
    // Windows short enough that the creator and the fans often come before the delayed reply.
    a.creator_by_hand = 0.35;
    a.by_hand_within_secs = 1.5;
    a.write_during_delays = 0.5;
    a.extra_message_within_secs = 1.5;
    a.faults.send_5xx = 0.1;
    a.faults.send_lost_response = 0.1;
    let app = start(a, |c| {
        c.agent.reply_delay_min_ms = 300;
        c.agent.reply_delay_max_ms = 1500;
    })
    .await;
    if let Err(why) = app.settle_within(Duration::from_secs(150)).await {
        panic!("{why}\n{}", app.troubled_chats().await);
    }
    let st = app.stats().await;
    app.stop().await;
    assert!(st["hand_written_messages"].as_u64().unwrap() > 0, "{st}");
    assert!(
        st["fan_messages_during_delays"].as_u64().unwrap() > 0,
        "{st}"
    );
    assert_people_respected(&st, "");
    assert_one_decision_each_in_order(&app).await;
    let dropped = app
        .count("SELECT count(*) FROM outbox WHERE state = 'dropped'")
        .await;
    Row::measure(&app, "people: creators by hand, fans during delays")
        .await
        .note(format!(
            "{} messages by hand, {} fan messages during delays, {dropped} replies dropped before sending; \
             0 over the creator, 0 turns answered by a reply drafted before them",
            st["hand_written_messages"], st["fan_messages_during_delays"]
        ))
        .check_and_record();
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn rate_limit_storms_with_retry_after() {
    let mut a = talking_fans(2, 16, 22);
    // Each call starts a storm with this chance; at 0.05 a full parallel run once drew none in
    // about a hundred calls (the draws interleave with the fans' own), leaving nothing to test.
    a.faults.rate_limit_storm = 0.1;
    a.faults.storm_secs = 3;
    let app = start(a, |_| {}).await;
    app.settle_all(Duration::from_secs(150)).await;
    app.stop().await;
    let row = Row::measure(&app, "fanvue: 429 storms (Retry-After)").await;
    assert!(row.rate_limited_injected > 0, "a storm happened: {row:?}");
    assert_one_decision_each_in_order(&app).await;
    row.note("429s only while a storm lasted; none from our own pace")
        .check_and_record();
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn tokens_expire_mid_burst_one_creator_revoked_one_missing_a_scope() {
    let mut a = args(3, 9);
    a.seed = 23;
    let app = start(a, |_| {}).await;
    let env = &app;
    let fans: Vec<Vec<String>> = vec![
        env.fans_of("creator1").await,
        env.fans_of("creator2").await,
        env.fans_of("creator3").await,
    ];
    // A burst; halfway, every access token expires (the sandbox's clock jumps past their lifetime),
    // creator2's grant is revoked and creator3 loses write:chat.
    for (i, f) in fans[0].iter().chain(&fans[1]).chain(&fans[2]).enumerate() {
        env.fan_says(
            f,
            &format!("hey there, message {}", ["one", "two", "three"][i % 3]),
        )
        .await;
    }
    // The scenario: the faults land while the burst is being answered, not before it starts.
    tokio::time::sleep(Duration::from_millis(150)).await;
    assert!(env
        .post("/_sandbox/creators/creator2/revoke", json!({}))
        .await
        .status()
        .is_success());
    assert!(env
        .post(
            "/_sandbox/creators/creator3/scopes",
            json!({"remove": ["write:chat"]})
        )
        .await
        .status()
        .is_success());
    env.post("/_sandbox/clock/advance", json!({"seconds": 3700}))
        .await;
    for f in fans[0].iter().chain(&fans[1]).chain(&fans[2]) {
        env.fan_says(f, "are you still there?").await;
    }
    // creator1 is unaffected: every turn of its fans is answered.
    wait_for_turns(env, &fans[0]).await;
    // The other two wait for a human, with the reason on record, and lose nothing.
    env.wait_for_count(
        "creator2 and creator3 waiting for a reconnect",
        "SELECT count(*) FROM creators WHERE handle IN ('creator2', 'creator3') AND status = 'needs_reconnect'",
        |n| n == 2,
    )
    .await;
    let st = env.stats().await;
    assert!(st["token_refreshes"].as_u64().unwrap() >= 1, "{st}");
    assert!(st["invalid_grants"].as_u64().unwrap() >= 1, "{st}");
    // The operator reconnects both (creator3 with its scope back): their backlog is answered.
    env.post(
        "/_sandbox/creators/creator3/scopes",
        json!({"restore": true}),
    )
    .await;
    env.connect("creator2").await;
    env.connect("creator3").await;
    env.settle_all(Duration::from_secs(90)).await;
    app.stop().await;
    assert_one_decision_each_in_order(env).await;
    Row::measure(env, "fanvue: token expiry, revoked grant, 403 scope")
        .await
        .note(format!(
            "{} refreshes; creator2 and creator3 paused until reconnected, creator1 unaffected",
            st["token_refreshes"]
        ))
        .check_and_record();
}

/// Waits until every turn of these fans has been answered.
async fn wait_for_turns(env: &TestApp, fans: &[String]) {
    eventually("every turn of an unaffected creator answered", || async {
        let open = {
            let w = env.sandbox.world.lock();
            fans.iter()
                .filter_map(|f| w.fan_by_uuid.get(f))
                .filter_map(|i| w.chats.get(i))
                .flat_map(|c| &c.turns)
                .filter(|t| t.creator_replies == 0)
                .count()
        };
        match open {
            0 => Ok(()),
            _ => Err(format!(
                "{open} turns unanswered: {:?}",
                env.decision_summary().await
            )),
        }
    })
    .await
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn polling_only_a_fan_message_written_while_our_reply_is_in_flight_is_answered() {
    // Every webhook is lost: the poller is all there is. Each send's response comes 1.5 s late,
    // and the fan writes again in that window; the chat is then marked read (after our reply),
    // which marks the fan's new message read too.
    let mut a = args(1, 3);
    a.seed = 24;
    a.faults.drop_webhooks = 1.0;
    a.faults.send_response_delay_ms = 1500;
    let app = start(a, |_| {}).await;
    let env = &app;
    let mut raced = 0;
    for f in env.fans_of("creator1").await {
        env.fan_says(&f, "hi there, how are you?").await;
        env.wait_for_stats("our reply in flight", |s| s["sends_awaiting_response"] != 0)
            .await;
        env.fan_says(&f, "oh and one more thing").await;
        raced += 1;
    }
    env.settle_all(Duration::from_secs(60)).await;
    app.stop().await;
    let st = env.stats().await;
    assert_eq!(st["webhooks_delivered"], 0, "{st}");
    assert_one_decision_each_in_order(env).await;
    Row::measure(env, "fanvue: polling only, fan writes mid-send")
        .await
        .note(format!(
            "all webhooks lost; {raced} fan messages written while our reply was in flight, then marked read"
        ))
        .check_and_record();
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn dropped_webhooks_hide_no_fan_message_from_the_agent_and_an_unsafe_one_is_escalated() {
    // Bursts of up to three messages with 15 % of webhooks lost: a lost message inside a burst is
    // found only by the agent's reads of the chat (before drafting for a new chat, and right
    // before a reply leaves: a reply drafted without it is then folded into a new one).
    let mut a = talking_fans(2, 16, 25);
    a.faults.drop_webhooks = 0.15;
    let app = start(a, |_| {}).await;
    let env = &app;
    env.wait_until_idle(Duration::from_secs(150)).await;
    let st = env.stats().await;
    assert!(st["webhooks_dropped"].as_u64().unwrap() > 0, "{st}");
    assert_eq!(
        st["fan_messages_never_seen_by_the_agent"], 0,
        "every fan message was seen before a reply went out: {st}"
    );
    let found = env
        .count("SELECT count(*) FROM inbox WHERE source = 'read'")
        .await;
    let replies = st["creator_messages"].as_f64().unwrap().max(1.0);
    Row::measure(env, "fanvue: 15 % webhooks lost inside bursts")
        .await
        .note(format!(
            "{} webhooks lost, {found} fan messages found by a read (first read or check before sending), 0 never seen; \
             {:.2} calls/reply ({} batch reads)",
            st["webhooks_dropped"],
            st["api_calls_total"].as_f64().unwrap() / replies,
            st["api_calls"]["POST /chats/messages/batch"]
        ))
        .check_and_record();

    // A fan says they are a minor and that webhook is lost; the next message's arrives. The check
    // before sending brings the first one in: the reply drafted without it is dropped, the
    // guardrails escalate, nothing is answered.
    let fan = env.fans_of("creator1").await[0].clone();
    let replies_before = env.stats().await["creator_messages"].clone();
    env.faults(json!({"drop_webhooks": 1.0})).await;
    env.fan_says(&fan, "I'm 15 btw").await;
    env.faults(json!({"drop_webhooks": 0.0})).await;
    env.fan_says(&fan, "so what are you up to tonight?").await;
    let decided = || async {
        sqlx::query_as::<_, (String, String)>(
            "SELECT m.text, d.outcome FROM inbox i JOIN decisions d ON d.inbox_id = i.id
               JOIN messages m ON m.creator_handle = i.creator_handle AND m.uuid = i.message_uuid
              WHERE i.fan_uuid = ? AND m.text IN ('I''m 15 btw', 'so what are you up to tonight?')
              ORDER BY i.id",
        )
        .bind(&fan)
        .fetch_all(env.parts.store.reader())
        .await
        .unwrap()
    };
    wait_until("the second message decided", || async {
        decided()
            .await
            .iter()
            .any(|(t, _)| t.starts_with("so what"))
    })
    .await;
    env.wait_until_idle(Duration::from_secs(60)).await;
    let decided = decided().await;
    let st = env.stats().await;
    app.stop().await;
    assert_eq!(
        st["creator_messages"], replies_before,
        "no reply to a fan who said they are a minor: {decided:?} {st}"
    );
    assert_eq!(st["fan_messages_never_seen_by_the_agent"], 0, "{st}");
    assert!(
        decided
            .iter()
            .any(|(t, o)| t.starts_with("I'm 15") && o == "escalated"),
        "the minor's message was read and escalated: {decided:?}"
    );
}
