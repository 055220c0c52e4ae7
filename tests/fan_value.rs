//! Real fan value, the whole vault and negotiation against the sandbox: its fans bring lifetime
//! spend and subscription status from before (insights), some are not contactable, some haggle
//! (each with a price they pay, from their own seed), and the vault holds hundreds of items in
//! folders, paged as the spec pages them.

mod common;

use common::*;
use fanvue_agent::{
    agent::llm::{Completion, Llm, LlmFuture, LlmRequest},
    domain::{fan::NOT_CONTACTABLE, FanStatus},
    fanvue::client::MediaQuery,
};
use std::{collections::HashMap, sync::Arc, time::Duration};

/// A fast stand-in writer (never the same words twice): the rules, not the wording, are under
/// test here.
#[derive(Default)]
struct Friendly(std::sync::atomic::AtomicUsize);

impl Llm for Friendly {
    fn complete<'a>(&'a self, req: &'a LlmRequest) -> LlmFuture<'a> {
        Box::pin(async move {
            Ok(Completion {
                text: format!(
                    "aww you're sweet! ({} lines so far, reply {})",
                    req.messages.len(),
                    self.0.fetch_add(1, std::sync::atomic::Ordering::Relaxed)
                ),
                model: "friendly".into(),
                prompt_tokens: None,
                completion_tokens: None,
                latency: Duration::from_millis(1),
            })
        })
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_client_reads_insights_in_bulk_and_pages_through_the_whole_vault_and_its_folders() {
    let mut a = args(1, 12);
    a.long_time_spenders = 0.5;
    a.expired = 0.3;
    a.uncontactable = 0.3;
    a.vault_items = 230;
    let env = spawn_sandbox(a, |_| {}).await;
    env.connect("creator1").await;
    let api = env.parts.creator_api("creator1");
    let fans = env.fans_of("creator1").await;
    let ids: Vec<&str> = fans.iter().map(String::as_str).collect();
    let bulk = api.bulk_fan_insights(&ids).await.unwrap();
    assert_eq!(bulk.results.len(), 12);
    let world = env.world().await;
    for f in world["fans"].as_array().unwrap() {
        let uuid = f["uuid"].as_str().unwrap();
        let got = bulk.results[uuid].as_ref().unwrap();
        let status = FanStatus::parse(got.status.as_deref().unwrap());
        assert_eq!(
            status == FanStatus::NotContactable,
            f["contactable"] == false,
            "{uuid}: {got:?}"
        );
        assert_eq!(got.total_spend_cents(), f["spend_cents"].as_i64().unwrap());
    }
    let too_many: Vec<&str> = std::iter::repeat_n(ids[0], 21).collect();
    assert!(
        api.bulk_fan_insights(&too_many).await.is_err(),
        "over 20 fans is refused before sending"
    );

    let (mut seen, mut page) = (0, 1);
    loop {
        let q = MediaQuery {
            page: Some(page),
            size: Some(50),
            usage: Some("ppv".into()),
            ..Default::default()
        };
        let got = api.list_media(&q).await.unwrap();
        seen += got.data.len();
        if !got.pagination.has_more {
            break;
        }
        page += 1;
    }
    assert_eq!((seen, page), (230, 5), "every page of the vault");
    let beach = api
        .list_vault_folder("beach", Some(1), Some(50))
        .await
        .unwrap();
    assert!(!beach.data.is_empty());
    let items = api
        .list_media(&MediaQuery {
            folder_name: Some("beach".into()),
            size: Some(50),
            ..Default::default()
        })
        .await
        .unwrap();
    assert!(items.data.iter().all(|m| m
        .tags
        .as_ref()
        .is_some_and(|t| t.contains(&"beach".to_string()))));
    let st = env.stats().await;
    assert_eq!(st["api_calls"]["GET /insights/fans"], 1, "{st}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_sandbox_run_prices_from_real_spend_negotiates_within_limits_and_never_messages_a_not_contactable_fan(
) {
    let mut a = talking_fans(1, 24, 11);
    a.max_turns = 10;
    a.fan_pace = 0.4;
    a.start_window_secs = 1.0;
    a.rate_limit = 1000;
    a.uncontactable = 0.25;
    a.long_time_spenders = 0.4;
    a.expired = 0.2;
    a.hagglers = 0.8;
    a.vault_items = 300;
    let env = spawn_app(a, |c| {
        c.fanvue.rate_limit_per_minute = 1000;
        c.agent.debounce_ms = 150;
        c.agent.debounce_cap_ms = 300;
        c.offers.min_fan_messages = 1;
        c.offers.cooldown_secs = 2;
        c.offers.max_per_day = 20;
        c.offers.floor_cents = 300;
        c.offers.ceiling_cents = 5000;
        c.offers.negotiate = true;
        c.offers.negotiate_max_steps = 2;
        c.offers.negotiate_step_percent = 10;
        c.offers.negotiate_floor_percent = 75;
        c.offers.vault_folders = vec!["beach".into(), "gym".into()];
    })
    .await;
    env.serve(Arc::new(Friendly::default()));
    env.wait_until_idle(Duration::from_secs(240)).await;
    env.stop().await;

    let st = env.stats().await;
    assert_eq!(st["messages_to_not_contactable"], 0, "{st}");
    // Long-time spenders own part of the vault: read page by page, never offered again.
    assert_eq!(st["ppv_offers_of_owned_media"], 0, "{st}");
    assert_eq!(st["duplicate_replies"], 0, "{st}");
    assert_eq!(st["rate_limited"], 0, "{st}");
    assert_eq!(st["unanswered_turns"], 0, "{st}");
    let world = env.world().await;
    let fans = world["fans"].as_array().unwrap();
    let unreachable: Vec<&str> = fans
        .iter()
        .filter(|f| f["contactable"] == false)
        .map(|f| f["uuid"].as_str().unwrap())
        .collect();
    assert!(!unreachable.is_empty(), "the seed has not-contactable fans");
    for fan in &unreachable {
        assert!(env.sent_to(fan).await.is_empty(), "{fan} got a message");
    }
    let skipped = env
        .count(&format!(
            "SELECT count(*) FROM decisions WHERE reason LIKE '%{NOT_CONTACTABLE}%'"
        ))
        .await;
    assert!(
        skipped > 0,
        "their messages are decided as skipped, with the reason"
    );

    // Fanvue's lifetime spend is what the store holds, read in bulk (not one call per reply).
    let stored: Vec<(String, i64, String)> =
        sqlx::query_as("SELECT fan_uuid, lifetime_spend_cents, status FROM fan_value")
            .fetch_all(env.parts.store.reader())
            .await
            .unwrap();
    assert!(!stored.is_empty());
    for (fan, spend, status) in &stored {
        let f = fans.iter().find(|f| f["uuid"] == fan.as_str()).unwrap();
        assert!(
            *spend <= f["spend_cents"].as_i64().unwrap(),
            "{fan}: {spend} > Fanvue's"
        );
        assert_eq!(
            status == "not_contactable",
            f["contactable"] == false,
            "{fan}"
        );
    }
    let insight_calls = st["api_calls"]["GET /insights/fans"].as_u64().unwrap_or(0);
    let replies = st["creator_messages"].as_u64().unwrap();
    assert!(
        insight_calls * 4 <= replies,
        "{insight_calls} insight calls for {replies} replies: {st}"
    );

    // Counter-offers: per fan and item, each step lower, at most two, never under 75 % of the
    // first price.
    let offers: Vec<(String, String, i64)> = sqlx::query_as(
        "SELECT fan_uuid, media_uuid, price_cents FROM offers ORDER BY fan_uuid, offered_at, id",
    )
    .fetch_all(env.parts.store.reader())
    .await
    .unwrap();
    let mut runs: HashMap<(String, String), Vec<i64>> = HashMap::new();
    for (fan, media, price) in offers {
        runs.entry((fan, media)).or_default().push(price);
    }
    let counters = env
        .count("SELECT count(*) FROM decisions WHERE reason LIKE '%counter-offer%'")
        .await;
    assert!(
        counters > 0,
        "hagglers were countered: {st}\n{:?}",
        env.decision_summary().await
    );
    for ((fan, media), prices) in &runs {
        let start = prices[0];
        for w in prices.windows(2).filter(|w| w[1] < w[0]) {
            assert!(
                w[1] * 100 >= start * 75,
                "{fan}/{media}: {prices:?} under the floor"
            );
        }
        let steps = prices.windows(2).filter(|w| w[1] < w[0]).count();
        assert!(steps <= 2, "{fan}/{media}: {prices:?}");
    }
    assert_eq!(
        env.count("SELECT count(*) FROM decisions WHERE guardrails LIKE '%injection_attempt%'")
            .await,
        0,
        "haggling is never taken for an injection"
    );
    eprintln!(
        "fan value run: {replies} replies, {insight_calls} insight calls, {counters} counter-offers, {} purchases, revenue ${:.2}, {} calls in all",
        st["ppv_purchases"],
        st["revenue_cents"].as_f64().unwrap() / 100.0,
        st["api_calls_total"]
    );
}
