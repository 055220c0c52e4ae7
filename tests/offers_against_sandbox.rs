//! PPV offers against the sandbox's simulated fans (who ask for content and buy with their own
//! seeded odds): nobody is offered what they bought, offers respect the cooldown, prices stay in
//! bounds, and conversion and revenue show in the decision log.

mod common;

use common::*;
use fanvue_agent::agent::llm::{Completion, Llm, LlmFuture, LlmRequest};
use std::{collections::HashMap, sync::Arc, time::Duration};

/// A fast stand-in writer: the offer rules, not the wording, are under test here.
struct Friendly;

impl Llm for Friendly {
    fn complete<'a>(&'a self, req: &'a LlmRequest) -> LlmFuture<'a> {
        Box::pin(async move {
            Ok(Completion {
                text: format!("aww you're sweet! ({} lines so far)", req.messages.len()),
                model: "friendly".into(),
                prompt_tokens: None,
                completion_tokens: None,
                latency: Duration::from_millis(1),
            })
        })
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn offers_follow_the_rules_and_conversions_are_attributed() {
    let mut a = talking_fans(1, 8, 5);
    a.max_turns = 8;
    a.fan_pace = 0.4;
    a.start_window_secs = 1.0;
    a.rate_limit = 1000;
    let env = spawn_app(a, |c| {
        c.fanvue.rate_limit_per_minute = 1000;
        c.agent.debounce_ms = 150;
        c.agent.debounce_cap_ms = 300;
        c.offers.min_fan_messages = 1;
        c.offers.cooldown_secs = 3;
        c.offers.max_per_day = 4;
        c.offers.floor_cents = 600;
        c.offers.ceiling_cents = 1200;
    })
    .await;
    env.serve(Arc::new(Friendly));
    eventually_within(
        "every fan done and the daemon idle",
        Duration::from_secs(120),
        || async {
            let (st, open) = (env.stats().await, env.open_work().await);
            if env.fans_done() && open == 0 && webhooks_out(&st) {
                Ok(())
            } else {
                Err(format!("open={open} {st}"))
            }
        },
    )
    .await;
    env.stop().await;

    let st = env.stats().await;
    assert_eq!(st["unanswered_turns"], 0, "{st}");
    assert_eq!(st["duplicate_replies"], 0, "{st}");
    // Never an item the fan already bought.
    for fan in env.fans_of("creator1").await {
        let t = env.chat(&fan).await;
        let mut owned: Vec<String> = Vec::new();
        for m in t["messages"].as_array().unwrap() {
            if m["price"].is_null() {
                continue;
            }
            for media in m["media_uuids"].as_array().unwrap() {
                let media = media.as_str().unwrap().to_string();
                assert!(
                    !owned.contains(&media),
                    "fan {fan} was offered {media} after buying it"
                );
                if m["purchased"] == true {
                    owned.push(media);
                }
            }
        }
    }
    // Cooldown, bounds, attribution.
    let offers: Vec<(String, i64, i64, String)> = sqlx::query_as(
        "SELECT fan_uuid, offered_at, price_cents, status FROM offers ORDER BY fan_uuid, offered_at",
    )
    .fetch_all(env.parts.store.reader())
    .await
    .unwrap();
    assert!(
        !offers.is_empty(),
        "fans asked for content and got offers: {st}"
    );
    let mut last: HashMap<&str, i64> = HashMap::new();
    for (fan, at, price, _) in &offers {
        if let Some(prev) = last.insert(fan, *at) {
            assert!(at - prev >= 3000, "offers to {fan} {} ms apart", at - prev);
        }
        assert!(
            (600..=1200).contains(price) && *price >= 300,
            "price {price}"
        );
    }
    let purchased = offers.iter().filter(|o| o.3 == "purchased").count() as u64;
    assert_eq!(
        purchased,
        st["ppv_purchases"].as_u64().unwrap(),
        "every purchase attributed to its offer: {st}"
    );
    assert!(purchased > 0, "some fans bought: {st}");
    assert_eq!(
        env.count("SELECT count(*) FROM decisions WHERE outcome = 'offered'").await as usize,
        env.count("SELECT count(DISTINCT d.inbox_id) FROM decisions d JOIN offers f ON f.outbox_id = d.outbox_id").await as usize,
        "every offered decision points at its offer"
    );
    let revenue: i64 = sqlx::query_scalar(
        "SELECT coalesce(sum(f.price_cents), 0) FROM offers f WHERE f.status = 'purchased'",
    )
    .fetch_one(env.parts.store.reader())
    .await
    .unwrap();
    let refused = env
        .count("SELECT count(*) FROM decisions WHERE reason LIKE '%no offer: last offer%'")
        .await;
    eprintln!(
        "offers: {} made, {purchased} bought ({:.0} % conversion), revenue ${:.2}, {refused} refused by the cooldown",
        offers.len(),
        100.0 * purchased as f64 / offers.len() as f64,
        revenue as f64 / 100.0
    );
    assert!(revenue > 0);
}
