//! The optional safety judge against the sandbox's scripted LLM (its keyword judge): it catches a
//! message the rules pass and its escalation sticks like a rule's; a judge that times out or
//! answers garbage never holds back an ordinary reply and never lets a rule-stopped message
//! through; every decision records the judge's outcome in its guardrails JSON.

mod common;

use common::*;
use fanvue_agent::agent::guardrails::{stopping, Guardrails};
use serde_json::{json, Value};
use std::{
    sync::Arc,
    time::{Duration, Instant},
};

/// Waits until the fan's `n`-th message has a decision; returns the newest one's
/// (outcome, reason, guardrails JSON).
async fn decided(env: &Env, fan: &str, n: usize) -> (String, String, Value) {
    let start = Instant::now();
    loop {
        let rows: Vec<(String, String, Option<String>)> = sqlx::query_as(
            "SELECT d.outcome, d.reason, d.guardrails FROM decisions d JOIN inbox i ON i.id = d.inbox_id
             WHERE d.fan_uuid = ? AND i.kind = 'message_received' ORDER BY d.id",
        )
        .bind(fan)
        .fetch_all(env.parts.store.reader())
        .await
        .unwrap();
        if rows.len() >= n {
            let (o, r, g) = rows[n - 1].clone();
            let g = g
                .map(|g| serde_json::from_str(&g).unwrap())
                .unwrap_or(Value::Null);
            return (o, r, g);
        }
        assert!(
            start.elapsed() < Duration::from_secs(60),
            "no decision {n}: {rows:?}"
        );
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}

/// A daemon with the judge on, pointed at the sandbox's scripted LLM; drafts come from [`Canned`].
async fn judged_daemon(fans: usize, timeout_ms: u64) -> (DaemonEnv, Running) {
    let mut d = daemon_env(args(1, fans), |c| {
        c.agent.debounce_ms = 100;
        c.agent.debounce_cap_ms = 300;
        c.judge.enabled = true;
        c.judge.base_url = format!("{}/llm/v1", c.fanvue.api_base);
        c.judge.model = "sandbox-judge".into();
        c.judge.timeout_ms = timeout_ms;
    })
    .await;
    connect(&d.env, "creator1").await;
    let run = serve(
        &d.env,
        d.listener.take().unwrap(),
        Arc::new(Canned::default()),
    );
    (d, run)
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_judge_escalates_an_indirect_crisis_the_rules_pass_and_the_escalation_sticks() {
    let said = "i think it's time to say goodbye to everyone";
    assert!(
        stopping(&Guardrails::default().check_input(said)).is_empty(),
        "the premise: the rules alone pass this message (pick one they do not catch)"
    );
    let (d, run) = judged_daemon(2, 3000).await;
    let fans = fans_of(&d.env, "creator1").await;
    let (sad, chatty) = (&fans[0], &fans[1]);
    fan_says(&d.env, chatty, "hey, how was your weekend?").await;
    fan_says(&d.env, sad, said).await;

    let (outcome, reason, g) = decided(&d.env, chatty, 1).await;
    assert_eq!(outcome, "replied", "{reason}");
    assert_eq!(g["judge"]["input"]["category"], "none", "{g}");
    assert_eq!(g["judge"]["input"]["effect"], "no concern", "{g}");

    let (outcome, reason, g) = decided(&d.env, sad, 1).await;
    assert_eq!(outcome, "escalated", "{reason}");
    assert!(reason.contains("crisis (judge: cue: "), "{reason}");
    assert_eq!(g["judge"]["input"]["category"], "crisis", "{g}");
    assert_eq!(g["judge"]["input"]["effect"], "escalated", "{g}");
    assert!(g["input"]
        .as_array()
        .unwrap()
        .iter()
        .any(|f| f["rule"] == "crisis" && f["action"] == "escalate"));

    // The judge's escalation left the same mark a rule's would: the next message is escalated.
    fan_says(&d.env, sad, "sorry. anyway how was your day?").await;
    let (outcome, reason, _) = decided(&d.env, sad, 2).await;
    assert_eq!(outcome, "escalated", "{reason}");
    assert!(reason.contains("still marked crisis"), "{reason}");
    settle(&d.env).await;
    let (_, out) = cli(&d.env, &["decisions", "--json", "--fan", sad]);
    assert!(
        out.contains("\"judge\"") && out.contains("\"effect\":\"escalated\""),
        "{out}"
    );
    stop(run).await;
}

/// A broken judge (`faults` on judge calls only): an ordinary message is still answered, a
/// rule-caught one still escalated, and each decision says why the judge is missing.
async fn a_broken_judge_changes_nothing(faults: Value, timeout_ms: u64, why: &str) {
    let (d, run) = judged_daemon(2, timeout_ms).await;
    let r = post(&d.env, "/_sandbox/llm", faults).await;
    assert!(r.status().is_success(), "{}", r.text().await.unwrap());
    let fans = fans_of(&d.env, "creator1").await;
    let (young, chatty) = (&fans[0], &fans[1]);
    fan_says(&d.env, chatty, "hey, how was your weekend?").await;
    fan_says(&d.env, young, "I am 15").await;

    let (outcome, reason, g) = decided(&d.env, chatty, 1).await;
    assert_eq!(outcome, "replied", "{reason}");
    let judge = &g["judge"]["input"];
    assert!(
        judge["unavailable"]
            .as_str()
            .unwrap_or_default()
            .starts_with(why),
        "{g}"
    );
    assert_eq!(
        judge["effect"], "judge unavailable; the rules' decision stands",
        "{g}"
    );

    let (outcome, reason, g) = decided(&d.env, young, 1).await;
    assert_eq!(outcome, "escalated", "{reason}");
    assert!(reason.contains("underage"), "{reason}");
    let judge = &g["judge"]["input"];
    assert!(
        judge["unavailable"]
            .as_str()
            .unwrap_or_default()
            .starts_with(why),
        "{g}"
    );
    assert_eq!(
        judge["effect"], "the rules stopped it; the rules decide",
        "{g}"
    );
    settle(&d.env).await;
    let llm: Value = reqwest::get(format!("{}/_sandbox/llm", d.env.sandbox.url()))
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert!(llm["judge_calls"].as_u64().unwrap() >= 2, "{llm}");
    stop(run).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_judge_that_times_out_holds_no_reply_and_lets_no_rule_stopped_message_through() {
    a_broken_judge_changes_nothing(
        json!({"delay_ms": 2000, "judge_only": true}),
        300,
        "timeout after 300 ms",
    )
    .await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_judge_that_answers_garbage_holds_no_reply_and_lets_no_rule_stopped_message_through() {
    a_broken_judge_changes_nothing(
        json!({"fault_every": 1, "kinds": ["bad_verdict"], "judge_only": true}),
        3000,
        "garbage:",
    )
    .await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_judge_whose_server_errors_holds_no_reply_and_lets_no_rule_stopped_message_through() {
    a_broken_judge_changes_nothing(
        json!({"fault_every": 1, "kinds": ["code_error"], "judge_only": true}),
        3000,
        "HTTP 503",
    )
    .await;
}
