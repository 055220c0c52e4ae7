//! The optional safety judge against the sandbox's scripted LLM (its keyword judge): it catches a
//! message the rules pass and its escalation sticks like a rule's; a judge that times out or
//! answers garbage never holds back an ordinary reply and never lets a rule-stopped message
//! through; every decision records the judge's outcome in its guardrails JSON.

mod common;

use common::*;
use fanvue_agent::agent::guardrails::{stopping, Guardrails};
use serde_json::{json, Value};

/// A daemon with the judge on, pointed at the sandbox's scripted LLM; drafts come from [`Canned`].
async fn judged_daemon(fans: usize, timeout_ms: u64) -> TestApp {
    spawn_serving(args(1, fans), canned(), |c| {
        c.agent.debounce_ms = 100;
        c.agent.debounce_cap_ms = 300;
        c.judge.enabled = true;
        c.judge.base_url = format!("{}/llm/v1", c.fanvue.api_base);
        c.judge.model = "sandbox-judge".into();
        c.judge.timeout_ms = timeout_ms;
    })
    .await
}

/// The decision on the fan's `n`-th message: (outcome, reason, guardrails JSON).
async fn decided(app: &TestApp, fan: &str, n: usize) -> (String, String, Value) {
    let d = app.decision(fan, n).await;
    (d.outcome, d.reason, d.guardrails)
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_judge_escalates_an_indirect_crisis_the_rules_pass_and_the_escalation_sticks() {
    // The statistical layer now catches "time to say goodbye to everyone"; this passes it too.
    let said = "i cant go on like this";
    assert!(
        stopping(&Guardrails::default().check_input(said)).is_empty(),
        "the premise: the rules alone pass this message (pick one they do not catch)"
    );
    let app = judged_daemon(2, 3000).await;
    let fans = app.fans_of("creator1").await;
    let (sad, chatty) = (&fans[0], &fans[1]);
    app.fan_says(chatty, "hey, how was your weekend?").await;
    app.fan_says(sad, said).await;

    let (outcome, reason, g) = decided(&app, chatty, 1).await;
    assert_eq!(outcome, "replied", "{reason}");
    assert_eq!(g["judge"]["input"]["category"], "none", "{g}");
    assert_eq!(g["judge"]["input"]["effect"], "no concern", "{g}");

    let (outcome, reason, g) = decided(&app, sad, 1).await;
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
    app.fan_says(sad, "sorry. anyway how was your day?").await;
    let (outcome, reason, _) = decided(&app, sad, 2).await;
    assert_eq!(outcome, "escalated", "{reason}");
    assert!(reason.contains("still marked crisis"), "{reason}");
    app.settle().await;
    let (_, out) = app.cli(&["decisions", "--json", "--fan", sad]);
    assert!(
        out.contains("\"judge\"") && out.contains("\"effect\":\"escalated\""),
        "{out}"
    );
    app.stop().await;
}

/// A broken judge (`faults` on judge calls only): an ordinary message is still answered, a
/// rule-caught one still escalated, and each decision says why the judge is missing.
async fn a_broken_judge_changes_nothing(faults: Value, timeout_ms: u64, why: &str) {
    let app = judged_daemon(2, timeout_ms).await;
    app.llm_faults(faults).await;
    let fans = app.fans_of("creator1").await;
    let (young, chatty) = (&fans[0], &fans[1]);
    app.fan_says(chatty, "hey, how was your weekend?").await;
    app.fan_says(young, "I am 15").await;

    let (outcome, reason, g) = decided(&app, chatty, 1).await;
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

    let (outcome, reason, g) = decided(&app, young, 1).await;
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
    app.settle().await;
    let llm = app.llm_stats().await;
    assert!(llm["judge_calls"].as_u64().unwrap() >= 2, "{llm}");
    app.stop().await;
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
