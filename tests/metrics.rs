//! `/metrics`: every documented metric is exposed, and each moves when its event happens. Its own
//! test binary, so no other test's daemon bumps the process-wide counters meanwhile.

mod common;

use common::*;
use serde_json::json;

/// The value of the sample `name{labels}` (labels as printed, in order), 0 when absent.
fn sample(text: &str, name: &str, labels: &str) -> f64 {
    let key = if labels.is_empty() {
        name.to_string()
    } else {
        format!("{name}{{{labels}}}")
    };
    text.lines()
        .find_map(|l| l.strip_prefix(&key).and_then(|v| v.trim().parse().ok()))
        .unwrap_or(0.0)
}

async fn scrape(url: &str) -> String {
    let r = reqwest::get(format!("{url}/metrics")).await.unwrap();
    assert_eq!(r.status(), 200);
    assert!(r.headers()["content-type"]
        .to_str()
        .unwrap()
        .contains("openmetrics"));
    r.text().await.unwrap()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn metrics_are_exposed_and_count_what_happens() {
    let app = spawn_app(args(1, 2), |c| {
        c.agent.debounce_ms = 200;
        c.agent.debounce_cap_ms = 600;
        c.agent.mark_read_after_reply = false;
        c.followup.enabled = false;
    })
    .await;
    app.serve(canned());
    let before = scrape(&app.url).await;
    for name in [
        "events",
        "decisions",
        "reply_latency_seconds",
        "llm_latency_seconds",
        "llm_tokens",
        "fanvue_calls",
        "fanvue_rate_limited",
        "fanvue_rate_budget_remaining",
        "sends",
        "inbox_pending",
        "outbox_open",
        "drafts_awaiting",
        "offers",
        "offer_revenue_cents",
    ] {
        assert!(
            before.contains(&format!("# TYPE fanvue_agent_{name} ")),
            "{name} missing:\n{before}"
        );
    }
    assert!(before.trim_end().ends_with("# EOF"));

    let fan = app.fan_of("creator1").await;
    app.fan_says(&fan, "hello there").await;
    app.wait_for_stats("the reply", |s| s["creator_messages"] == 1)
        .await;
    app.settle().await;
    // A 429 from Fanvue is counted per creator.
    app.faults(json!({"rate_limit_storm": 1.0, "storm_secs": 1}))
        .await;
    let _ = app.parts.creator_api("creator1").me().await;
    app.faults(json!({"rate_limit_storm": 0.0})).await;
    // The 429's Retry-After (1 s) blocks the creator's budget until it has passed.
    let budget = |text: &str| {
        sample(
            text,
            "fanvue_agent_fanvue_rate_budget_remaining",
            r#"creator="creator1""#,
        )
    };
    let after = eventually("the rate budget back after the storm", || async {
        let text = scrape(&app.url).await;
        if budget(&text) > 0.0 {
            Ok(text)
        } else {
            Err(text)
        }
    })
    .await;

    let delta =
        |name: &str, labels: &str| sample(&after, name, labels) - sample(&before, name, labels);
    assert_eq!(
        delta(
            "fanvue_agent_events_total",
            r#"kind="message_received",source="webhook",result="new""#
        ),
        1.0,
        "{after}"
    );
    assert_eq!(
        delta(
            "fanvue_agent_decisions_total",
            r#"creator="creator1",outcome="replied""#
        ),
        1.0,
        "{after}"
    );
    assert_eq!(
        delta(
            "fanvue_agent_sends_total",
            r#"creator="creator1",outcome="sent""#
        ),
        1.0,
        "{after}"
    );
    assert_eq!(
        delta("fanvue_agent_reply_latency_seconds_count", ""),
        1.0,
        "{after}"
    );
    assert_eq!(
        delta("fanvue_agent_llm_latency_seconds_count", ""),
        1.0,
        "{after}"
    );
    assert_eq!(
        delta("fanvue_agent_llm_tokens_total", r#"kind="prompt""#),
        100.0,
        "{after}"
    );
    assert_eq!(
        delta("fanvue_agent_llm_tokens_total", r#"kind="completion""#),
        12.0,
        "{after}"
    );
    let calls = |status: &str| {
        delta(
            "fanvue_agent_fanvue_calls_total",
            &format!(r#"creator="creator1",status="{status}""#),
        )
    };
    assert!(calls("200") >= 1.0, "the history read: {after}");
    assert_eq!(calls("201"), 1.0, "the send: {after}");
    assert!(
        delta(
            "fanvue_agent_fanvue_rate_limited_total",
            r#"creator="creator1""#
        ) >= 1.0,
        "{after}"
    );
    assert!(budget(&after) > 0.0, "{after}");
    assert_eq!(
        sample(
            &after,
            "fanvue_agent_inbox_pending",
            r#"creator="creator1""#
        ),
        0.0
    );
    app.stop().await;
}
