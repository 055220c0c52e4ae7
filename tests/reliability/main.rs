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
use fanvue_agent::{agent::llm::Llm, config::Config};
use std::sync::Arc;

/// Points the daemon at the sandbox's scripted LLM and makes it quick.
pub use common::scripted_config as scripted;

/// A daemon in this process on the scripted LLM, every creator connected, fans talking.
pub async fn start(a: SandboxArgs, tweak: impl FnOnce(&mut Config)) -> TestApp {
    start_with(a, tweak, |app| app.parts.llm()).await
}

/// [`start`] drafting with the LLM `llm` makes of the app.
pub async fn start_with(
    a: SandboxArgs,
    tweak: impl FnOnce(&mut Config),
    llm: impl FnOnce(&TestApp) -> Arc<dyn Llm>,
) -> TestApp {
    if let Ok(filter) = std::env::var("TEST_LOG") {
        // TEST_LOG=info (or a tracing filter) shows the daemon's log when debugging a scenario.
        let _ = tracing_subscriber::fmt()
            .with_env_filter(tracing_subscriber::EnvFilter::new(filter))
            .with_test_writer()
            .try_init();
    }
    let quiet = a.quiet_fans;
    let app = spawn_app(a, |c| {
        scripted(c);
        tweak(c)
    })
    .await;
    app.serve(llm(&app));
    if !quiet {
        // Quiet fans only speak when a test makes them.
        app.post_ok("/_sandbox/fans/resume", serde_json::json!({}))
            .await;
    }
    app
}

/// Every inbox event has exactly one decision, and within a chat decisions follow the events'
/// order.
pub async fn assert_one_decision_each_in_order(app: &TestApp) {
    assert_eq!(
        app.count("SELECT count(*) FROM inbox i WHERE (SELECT count(*) FROM decisions d WHERE d.inbox_id = i.id) != 1").await,
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
    .fetch_all(app.parts.store.reader())
    .await
    .unwrap();
    assert!(
        out_of_order.is_empty(),
        "within a chat, fan messages are decided in the order they arrived: {out_of_order:?}"
    );
}
