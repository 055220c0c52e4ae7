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

/// What the judge's calls recorded in `g` cost at `per_token` micro-dollars a prompt token and
/// three times that a completion token (checked to be more than nothing).
fn judge_calls_cost(g: &Value, per_token: i64) -> i64 {
    let drafts = g["judge"]["draft"].as_array().cloned().unwrap_or_default();
    let calls: Vec<&Value> = std::iter::once(&g["judge"]["input"])
        .chain(drafts.iter())
        .collect();
    let cost: i64 = calls
        .iter()
        .map(|c| {
            assert_eq!(c["model"], "sandbox-judge", "{g}");
            let t = |k: &str| c[k].as_i64().unwrap_or_else(|| panic!("no {k}: {g}"));
            t("prompt_tokens") * per_token + t("completion_tokens") * 3 * per_token
        })
        .sum();
    assert!(cost > 0, "the judge's calls reported tokens: {g}");
    cost
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_judges_tokens_are_in_the_cost_of_each_decision_at_the_judges_own_price() {
    use fanvue_agent::config::ModelPrice;
    let app = spawn_serving(args(1, 3), canned(), |c| {
        c.agent.debounce_ms = 100;
        c.agent.debounce_cap_ms = 300;
        c.judge.enabled = true;
        c.judge.check_drafts = true;
        c.judge.base_url = format!("{}/llm/v1", c.fanvue.api_base);
        c.judge.model = "sandbox-judge".into();
        // The drafting model: 1 µ$ a prompt token, 2 a completion token; the judge's: 1,000 and
        // 3,000, so a judge call left out (or priced as the drafting model) cannot go unseen.
        let price = |p: f64, c: f64| ModelPrice {
            prompt_per_million: p,
            completion_per_million: c,
        };
        c.money.prices.insert(c.llm.model.clone(), price(1.0, 2.0));
        c.money
            .prices
            .insert("sandbox-judge".into(), price(1000.0, 3000.0));
    })
    .await;
    let fans = app.fans_of("creator1").await;
    let (chatty, young, sad) = (&fans[0], &fans[1], &fans[2]);
    app.fan_says(chatty, "hey, how was your weekend?").await;
    app.fan_says(young, "I am 15").await;
    app.fan_says(sad, "i cant go on like this").await;
    let cost = |fan: &str| {
        format!(
            "SELECT coalesce((SELECT cost_micros FROM decisions d JOIN inbox i ON i.id = d.inbox_id \
             WHERE d.fan_uuid = '{fan}' AND i.kind = 'message_received' ORDER BY d.id LIMIT 1), -1)"
        )
    };

    // A reply: the draft (Canned: 100 prompt + 12 completion tokens = 124 µ$), the input judge
    // and the draft judge.
    let (outcome, reason, g) = decided(&app, chatty, 1).await;
    assert_eq!(outcome, "replied", "{reason}");
    assert!(
        g["judge"]["draft"]
            .as_array()
            .is_some_and(|d| !d.is_empty()),
        "{g}"
    );
    assert_eq!(
        app.count(&cost(chatty)).await,
        124 + judge_calls_cost(&g, 1000),
        "{g}"
    );

    // A rule escalation: no draft, but the judge was asked to record whether it agreed.
    let (outcome, reason, g) = decided(&app, young, 1).await;
    assert_eq!(outcome, "escalated", "{reason}");
    assert_eq!(
        app.count(&cost(young)).await,
        judge_calls_cost(&g, 1000),
        "{g}"
    );

    // A judge escalation of what the rules pass: the draft written beside the judge is dropped,
    // and still billed (124 µ$) with the judge's call.
    let (outcome, reason, g) = decided(&app, sad, 1).await;
    assert_eq!(outcome, "escalated", "{reason}");
    assert_eq!(g["judge"]["input"]["effect"], "escalated", "{g}");
    assert_eq!(
        app.count(&cost(sad)).await,
        124 + judge_calls_cost(&g, 1000),
        "{g}"
    );
    app.stop().await;
}
