//! The reliability suite: crash safety (kill -9), Fanvue, LLM and store faults, hostile HTTP input,
//! secrets and creator isolation. Each scenario asserts the invariants of ARCHITECTURE.md (no event
//! lost, no reply twice, every turn answered) from the sandbox's ledger and the daemon's database,
//! and records a table row; `scripts/reliability` prints the table (`--full` for the long run).

#[path = "../common/mod.rs"]
mod common;
mod report;

mod fanvue_faults;
mod flood;
mod hardening;
mod hostile;
mod isolation;
mod kill;
mod llm_faults;
mod secrets;
mod store_faults;

use common::*;
use fanvue_agent::config::Config;
use fanvue_sandbox::SandboxArgs;
use std::time::Duration;

/// Points the daemon at the sandbox's scripted LLM and makes it quick.
pub use common::scripted_config as scripted;

/// Simulated fans that talk on their own, fast, for `creators` creators.
pub fn talking_fans(creators: usize, fans: usize, seed: u64) -> SandboxArgs {
    let mut a = args(creators, fans);
    a.quiet_fans = false;
    a.seed = seed;
    a.max_turns = 3;
    a.start_window_secs = 4.0;
    a.fan_pace = 0.15;
    a
}

/// A daemon in this process on the scripted LLM, every creator connected, fans talking.
pub async fn start(a: SandboxArgs, tweak: impl FnOnce(&mut Config)) -> (DaemonEnv, Running) {
    if let Ok(filter) = std::env::var("TEST_LOG") {
        // TEST_LOG=info (or a tracing filter) shows the daemon's log when debugging a scenario.
        let _ = tracing_subscriber::fmt()
            .with_env_filter(tracing_subscriber::EnvFilter::new(filter))
            .with_test_writer()
            .try_init();
    }
    let quiet = a.quiet_fans;
    let mut d = daemon_env(a, |c| {
        scripted(c);
        tweak(c)
    })
    .await;
    for handle in d.env.parts.cfg.creators.keys() {
        connect(&d.env, handle).await;
    }
    let llm = d.env.parts.llm();
    let r = serve(&d.env, d.listener.take().unwrap(), llm);
    if quiet {
        // Quiet fans only speak when a test makes them.
    } else {
        post(&d.env, "/_sandbox/fans/resume", serde_json::json!({})).await;
    }
    (d, r)
}

/// Waits until everything is settled, or fails after `limit` with what is still open.
pub async fn settle_all(env: &Env, limit: Duration) {
    if let Err(why) = settle_within(env, limit).await {
        panic!("{why}\n{:?}", decisions(env).await);
    }
}

/// The decision log summarised (for failure messages).
pub async fn decisions(env: &Env) -> Vec<(String, String, i64)> {
    sqlx::query_as(
        "SELECT outcome, substr(reason, 1, 60), count(*) FROM decisions GROUP BY 1, 2 ORDER BY 3 DESC",
    )
    .fetch_all(env.parts.store.reader())
    .await
    .unwrap()
}

/// Every inbox event has exactly one decision, and within a chat decisions follow the events'
/// order.
pub async fn assert_one_decision_each_in_order(env: &Env) {
    assert_eq!(
        count(env, "SELECT count(*) FROM inbox i WHERE (SELECT count(*) FROM decisions d WHERE d.inbox_id = i.id) != 1").await,
        0,
        "every inbox event has exactly one decision"
    );
    let out_of_order: Vec<(i64, i64, String, String, i64, i64)> = sqlx::query_as(
        "SELECT a.inbox_id, b.inbox_id, ia.kind || '/' || ia.source, ib.kind || '/' || ib.source,
                a.decided_at, b.decided_at
           FROM decisions a JOIN decisions b
             ON a.creator_handle = b.creator_handle AND a.fan_uuid = b.fan_uuid
           JOIN inbox ia ON ia.id = a.inbox_id JOIN inbox ib ON ib.id = b.inbox_id
          WHERE a.id < b.id AND a.inbox_id > b.inbox_id AND ia.from_fan = 1 AND ib.from_fan = 1",
    )
    .fetch_all(env.parts.store.reader())
    .await
    .unwrap();
    assert!(
        out_of_order.is_empty(),
        "within a chat, fan messages are decided in the order they arrived: {out_of_order:?}"
    );
}

/// Sets the sandbox's Fanvue faults.
pub async fn faults(env: &Env, f: serde_json::Value) {
    let r = post(env, "/_sandbox/faults", f).await;
    assert!(r.status().is_success(), "{}", r.text().await.unwrap());
}

/// Sets the scripted LLM's faults.
pub async fn llm_faults(env: &Env, f: serde_json::Value) {
    let r = post(env, "/_sandbox/llm", f).await;
    assert!(r.status().is_success(), "{}", r.text().await.unwrap());
}
