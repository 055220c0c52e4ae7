//! The whole daemon against the sandbox and the real local LLM: ≥ 5 creators, ≥ 50 simulated fans,
//! with and without faults. Asserted from the sandbox's own accounting and the daemon's database.
//! Skipped without the local LLM (see tests/common/peers.rs).

mod common;

use common::*;
use fanvue_agent::config::Config;
use std::time::Duration;

fn tune(c: &mut Config) {
    c.llm.temperature = 0.5;
    c.llm.max_tokens = 40;
    c.llm.timeout_secs = 60;
    c.agent.debounce_ms = 1500;
    c.agent.debounce_cap_ms = 4000;
    c.agent.max_jobs = 4;
    c.poller.interval_secs = 2;
    c.daemon.shutdown_deadline_secs = 10;
}

fn fans_args(faults: bool) -> SandboxArgs {
    let mut a = args(5, 50);
    a.max_turns = 2;
    a.start_window_secs = 8.0;
    a.fan_pace = 0.5;
    a.seed = if faults { 11 } else { 7 };
    if faults {
        a.faults.drop_webhooks = 0.2;
        a.faults.duplicate_webhooks = 0.2;
        a.faults.reorder_webhooks = 0.3;
        a.faults.delay_webhooks_ms = 1500;
        a.faults.send_5xx = 0.1;
        a.faults.send_lost_response = 0.05;
        // People: creators who answer some turns by hand (no webhook), fans who add a message
        // while a reply waits out its delay (see `tune_faults`).
        a.creator_by_hand = 0.1;
        a.by_hand_within_secs = 5.0;
        a.write_during_delays = 0.3;
        a.extra_message_within_secs = 4.0;
    }
    a
}

/// With the people faults, replies wait a human-like delay (a window for the fan to write again
/// and for the creator to answer by hand before the reply leaves).
fn tune_faults(c: &mut Config) {
    tune(c);
    c.agent.reply_delay_min_ms = 500;
    c.agent.reply_delay_max_ms = 2500;
}

/// Runs the daemon until every fan is done (or `limit`), then stops it. Returns the sandbox stats.
async fn run_until_settled(app: &TestApp, limit: Duration) -> serde_json::Value {
    app.serve(app.parts.llm());
    app.post_ok("/_sandbox/fans/resume", serde_json::json!({}))
        .await;
    eventually_within("every fan done", limit, || async {
        let w = app.world().await;
        let st = app.stats().await;
        // A fan whose message the guardrails escalated waits for a human: that is settled too.
        let escalated = app
            .count("SELECT count(DISTINCT fan_uuid) FROM decisions WHERE outcome = 'escalated'")
            .await;
        let fans = w["fans"].as_array().unwrap();
        let busy: Vec<_> = fans.iter().filter(|f| f["state"] != "Quiet").collect();
        let all_quiet =
            busy.iter().all(|f| f["state"] == "AwaitingReply") && busy.len() as i64 <= escalated;
        let open = app.open_work().await;
        if all_quiet && webhooks_out(&st) && open == 0 {
            return Ok(());
        }
        Err(format!(
            "{st}\nfans not done: {busy:?}\ndecisions: {:?}",
            app.decision_summary().await
        ))
    })
    .await;
    // Stop like systemd would.
    app.stop().await;
    app.stats().await
}

async fn assert_exactly_once(env: &TestApp, st: &serde_json::Value) {
    assert!(st["fan_turns"].as_u64().unwrap() >= 50, "{st}");
    // Every turn is answered, except those the guardrails handed to a human (SmolLM now and then
    // drafts something that is blocked twice); those must stay rare.
    let escalated = env
        .count("SELECT count(DISTINCT fan_uuid) FROM decisions WHERE outcome = 'escalated'")
        .await;
    let unanswered = st["unanswered_turns"].as_i64().unwrap();
    assert!(
        unanswered <= escalated && escalated * 20 <= st["fan_turns"].as_i64().unwrap(),
        "every fan turn is answered or escalated: {st}\n{:?}",
        env.decision_summary().await
    );
    assert_eq!(st["duplicate_replies"], 0, "no turn gets two replies: {st}");
    assert_eq!(st["rate_limited"], 0, "no 429 ever: {st}");
    let events = env.count("SELECT count(*) FROM inbox").await;
    assert!(events >= st["fan_turns"].as_i64().unwrap(), "{events}");
    assert_eq!(
        env.count("SELECT count(*) FROM inbox i WHERE (SELECT count(*) FROM decisions d WHERE d.inbox_id = i.id) != 1").await,
        0,
        "every inbox event has exactly one decision"
    );
    assert_eq!(
        env.count("SELECT count(*) FROM inbox WHERE state != 'decided'")
            .await,
        0
    );
    assert_eq!(
        env.count("SELECT count(*) FROM outbox WHERE state NOT IN ('sent', 'dropped')")
            .await,
        0,
        "every queued message was sent, or dropped by the check before sending"
    );
    assert_eq!(
        env.count("SELECT count(*) FROM outbox WHERE state = 'dropped'
             AND last_error NOT LIKE 'the fan wrote again%' AND last_error NOT LIKE 'the creator wrote by hand%'"
        )
        .await,
        0,
        "a message is dropped only because the fan wrote again or the creator took over"
    );
    assert_people_respected(st, "");
    assert_eq!(
        env.count("SELECT count(*) FROM decisions WHERE outcome = 'failed'")
            .await,
        0
    );
    let why: Vec<String> = sqlx::query_scalar(
        "SELECT reason || ' ' || coalesce(guardrails, '') FROM decisions WHERE outcome = 'escalated'",
    )
    .fetch_all(env.parts.store.reader())
    .await
    .unwrap();
    for w in &why {
        eprintln!("escalated: {}", w.chars().take(600).collect::<String>());
    }
    let other = env.count("SELECT count(*) FROM decisions WHERE outcome = 'escalated' AND reason NOT LIKE '%blocked twice%'",
    )
    .await;
    assert_eq!(other, 0, "simulated fans say nothing a human must see");
    // What the note reports: latency without LLM time, and API calls per reply.
    let lat: Vec<i64> = sqlx::query_scalar(
        "SELECT d.e2e_ms - coalesce(d.llm_ms, 0) FROM decisions d JOIN outbox o ON o.id = d.outbox_id
         WHERE o.purpose = 'reply' AND d.e2e_ms IS NOT NULL ORDER BY 1",
    )
    .fetch_all(env.parts.store.reader())
    .await
    .unwrap();
    let replies = env
        .count("SELECT count(*) FROM outbox WHERE state = 'sent'")
        .await;
    let median = |sql: &str| {
        let sql = sql.to_string();
        async move {
            let v: Vec<i64> = sqlx::query_scalar(&sql)
                .fetch_all(env.parts.store.reader())
                .await
                .unwrap();
            v.get(v.len() / 2).copied().unwrap_or(-1)
        }
    };
    let to_decision = median(
        "SELECT d.decided_at - i.received_at FROM decisions d JOIN inbox i ON i.id = d.inbox_id
         JOIN outbox o ON o.id = d.outbox_id WHERE o.purpose = 'reply' ORDER BY 1",
    )
    .await;
    let to_send = median(
        "SELECT o.sent_at - d.decided_at FROM decisions d JOIN outbox o ON o.id = d.outbox_id
         WHERE o.purpose = 'reply' ORDER BY 1",
    )
    .await;
    let llm = median("SELECT llm_ms FROM decisions WHERE llm_ms IS NOT NULL ORDER BY 1").await;
    eprintln!("breakdown (medians, ms): event→decision {to_decision} (LLM {llm}), decision→sent {to_send}");
    eprintln!(
        "summary: turns={} replies={replies} escalated_chats={escalated} median_latency_minus_llm_ms={} api_calls_total={} api_calls_per_reply={:.2}",
        st["fan_turns"],
        lat.get(lat.len() / 2).copied().unwrap_or(-1),
        st["api_calls_total"],
        st["api_calls_total"].as_f64().unwrap() / replies.max(1) as f64
    );
}

/// The daemon on the local LLM with five creators' fifty fans (`faults`: and the faults and
/// people of [`fans_args`]), run until settled; `None` when the test is skipped.
async fn fifty_fans(faults: bool) -> Option<(TestApp, serde_json::Value)> {
    let llm = local_llm()?;
    let app = spawn_app(fans_args(faults), |c| {
        match faults {
            true => tune_faults(c),
            false => tune(c),
        }
        llm.configure(c)
    })
    .await;
    let st = run_until_settled(&app, Duration::from_secs(300)).await;
    Some((app, st))
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn fifty_fans_of_five_creators_each_get_every_turn_answered_exactly_once() {
    let Some((app, st)) = fifty_fans(false).await else {
        return;
    };
    assert_exactly_once(&app, &st).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn with_dropped_duplicated_reordered_webhooks_failing_sends_and_people_still_exactly_once() {
    let Some((app, st)) = fifty_fans(true).await else {
        return;
    };
    assert!(st["webhooks_dropped"].as_u64().unwrap() > 0, "{st}");
    assert!(st["webhooks_duplicated"].as_u64().unwrap() > 0, "{st}");
    assert!(st["hand_written_messages"].as_u64().unwrap() > 0, "{st}");
    assert!(
        st["fan_messages_during_delays"].as_u64().unwrap() > 0,
        "{st}"
    );
    assert!(
        st["sends_5xx"].as_u64().unwrap() + st["sends_lost_response"].as_u64().unwrap() > 0,
        "{st}"
    );
    assert_exactly_once(&app, &st).await;
}
