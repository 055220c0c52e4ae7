//! Crash safety: the `fanvue-agent` binary is killed with SIGKILL at seeded random moments (some
//! while a send is at Fanvue and its response not yet recorded) under steady fan traffic with
//! bursts, and restarted each time. At the end the sandbox's ledger and the decisions table agree:
//! no event lost, no turn answered twice or never.

use crate::{common::*, report::Row, *};
use rand::{Rng, SeedableRng};
use std::time::{Duration, Instant};

fn config_text(env: &TestApp) -> String {
    let extra = format!(
        "[llm]\nbase_url = \"{}/llm/v1\"\napi_key = \"scripted-llm-key\"\nmodel = \"scripted\"\n\
         timeout_secs = 2\n[agent]\ndebounce_ms = 200\ndebounce_cap_ms = 800\nrescan_secs = 2\n\
         [poller]\ninterval_secs = 2\n[followup]\nenabled = false\n",
        env.parts.cfg.fanvue.api_base
    );
    env.process_config("info", &extra)
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn kill_9_at_random_moments_loses_and_repeats_nothing() {
    let kills = if crate::report::full() { 25 } else { 8 };
    let seed = std::env::var("RELIABILITY_SEED")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(51u64);
    let mut a = talking_fans(2, 20, seed);
    a.max_turns = if crate::report::full() { 6 } else { 4 };
    a.start_window_secs = 6.0;
    // Every send is processed at once but answered 500 ms later: kills land in that window.
    a.faults.send_response_delay_ms = 500;
    // Webhooks reach the app's address, relayed to whichever daemon process is running (each
    // restart binds a port of its own).
    let env = spawn_app(a, |_| {}).await;
    let cfg = env.write_file("config.toml", &config_text(&env));
    let mut daemon = env.start_process(&cfg, &[]).await;
    env.post("/_sandbox/fans/resume", serde_json::json!({}))
        .await;
    let mut rng = rand::rngs::StdRng::seed_from_u64(seed);
    let fans: Vec<String> = env.world().await["fans"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["uuid"].as_str().unwrap().to_string())
        .collect();
    let mut mid_send = 0;
    for k in 0..kills {
        // Bursts: now and then several fans at once, on top of the simulated fans' own pace.
        if k % 3 == 0 {
            for _ in 0..rng.gen_range(3..8) {
                let f = &fans[rng.gen_range(0..fans.len())];
                env.fan_says(f, "quick question for you").await;
            }
        }
        let wait = Duration::from_millis(rng.gen_range(300..2000));
        if rng.gen_bool(0.5) {
            // Kill while a send is at Fanvue and its response not yet back: a fan writes at a
            // random moment, then the kill follows the first send seen in flight (if one comes
            // within the window; polled every 10 ms, the window being 500 ms).
            let until = Instant::now() + wait + Duration::from_secs(6);
            tokio::time::sleep(wait / 2).await;
            let f = &fans[rng.gen_range(0..fans.len())];
            env.fan_says(f, "are you there?").await;
            while Instant::now() < until {
                if env.stats().await["sends_awaiting_response"].as_u64() > Some(0) {
                    mid_send += 1;
                    break;
                }
                tokio::time::sleep(Duration::from_millis(10)).await;
            }
        } else {
            // The scenario: a kill at a random moment.
            tokio::time::sleep(wait).await;
        }
        daemon.kill9();
        // The scenario: down for a random while (webhooks meanwhile fail and are retried).
        tokio::time::sleep(Duration::from_millis(rng.gen_range(0..800))).await;
        daemon = env.start_process(&cfg, &[]).await;
    }
    env.settle_all(Duration::from_secs(180)).await;
    assert!(daemon.terminate().await.success(), "clean exit on SIGTERM");
    assert!(
        mid_send >= kills / 4,
        "kills between send and response: {mid_send}"
    );
    assert_one_decision_each_in_order(&env).await;
    let log = daemon.log_text();
    assert!(!log.contains("panicked"), "no panic in the daemon's log");
    Row::measure(&env, "kill -9 under load")
        .await
        .note(format!(
            "{kills} kills (seed {seed}), {mid_send} of them between send and response; at most one 429 per restart tolerated"
        ))
        .tolerate_rate_limited(kills as u64)
        .check_and_record();
}
