//! Sequences end to end against the sandbox: new followers get a two-step welcome paced within
//! the rate budget share, a fan who writes gets no second step, a restart in the middle of the
//! campaign sends nothing twice, and the sandbox sees no 429 and no duplicate.

mod common;

use common::*;
use fanvue_agent::config::{SequenceConfig, Step, Trigger};
use serde_json::json;

fn welcome() -> SequenceConfig {
    let step = |after_secs, text: &str| Step {
        after_secs,
        texts: vec![text.into()],
    };
    SequenceConfig {
        name: "welcome-follower".into(),
        trigger: Trigger::NewFollower,
        segment: Default::default(),
        quiet_secs: 0,
        steps: vec![
            step(0, "thanks for the follow, {{ fan_name }}!"),
            step(6, "{{ fan_name }}, subscribe for the good stuff"),
        ],
    }
}

const SENT: &str = "SELECT count(*) FROM outbox WHERE purpose = 'sequence' AND state = 'sent'";

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_welcome_campaign_is_paced_stops_for_a_fan_who_writes_and_survives_a_restart() {
    let mut a = args(1, 6);
    a.rate_limit = 300;
    let env = spawn_app(a, |c| {
        c.fanvue.rate_limit_per_minute = 300;
        c.sequences.enabled = true;
        c.sequences.check_every_secs = 1;
        c.sequences.fan_gap_hours = 0;
        c.sequences.budget_share = 0.5; // 75 messages a minute: 0.8 s apart
        c.sequences.quiet_hours_start = 0;
        c.sequences.quiet_hours_end = 0;
        c.sequences.list = vec![welcome()];
    })
    .await;
    env.serve(canned());
    let fans = env.fans_of("creator1").await;
    for fan in &fans {
        env.fan_event(fan, json!({"kind": "follower"})).await;
    }
    env.wait_for_count("every fan welcomed once", SENT, |n| n == 6)
        .await;
    // One fan answers: their second step must not go. Then the daemon restarts mid-campaign.
    env.fan_says(&fans[0], "hey, thanks!").await;
    env.wait_for_count(
        "the fan's message is in the inbox",
        "SELECT count(*) FROM inbox WHERE from_fan = 1",
        |n| n == 1,
    )
    .await;
    env.stop().await;
    env.serve(canned());
    env.wait_for_count("the other fans' second steps sent", SENT, |n| n == 11)
        .await;
    env.wait_for_count(
        "the answering fan's second step decided",
        "SELECT count(*) FROM inbox i JOIN decisions d ON d.inbox_id = i.id
         WHERE i.kind = 'sequence_step'",
        |n| n >= 11,
    )
    .await;
    env.stop().await;
    let st = env.stats().await;
    assert_eq!(st["rate_limited"], 0, "{st}");
    for (i, fan) in fans.iter().enumerate() {
        let sent = env.sent_to(fan).await;
        let welcome = sent.iter().filter(|t| t.starts_with("thanks for")).count();
        let second = sent.iter().filter(|t| t.contains("subscribe for")).count();
        let expected_second = usize::from(i != 0);
        assert_eq!((welcome, second), (1, expected_second), "{fan}: {sent:?}");
    }
    // Paced: the sends of one step leave at least the budget's spacing apart on average.
    let spread: (i64, i64) = sqlx::query_as(
        "SELECT min(sent_at), max(sent_at) FROM outbox WHERE purpose = 'sequence' AND state = 'sent'",
    )
    .fetch_one(env.parts.store.reader())
    .await
    .unwrap();
    assert!(spread.1 - spread.0 >= 5 * 800, "{spread:?}");
}
