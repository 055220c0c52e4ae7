//! The adversarial corpus (tests/fixtures/guardrail-corpus.json) against the guardrails: every unsafe
//! fan message is escalated or flagged by its rule, every unsafe draft is blocked by its rule, and the
//! false-positive rate on ordinary chat is reported (and must stay at zero on this set).

use fanvue_agent::agent::guardrails::{stopping, Action, Guardrails};
use serde_json::Value;

fn corpus() -> Value {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/guardrail-corpus.json"
    );
    serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap()
}

fn cases(v: &Value, key: &str) -> Vec<(String, String)> {
    v[key]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| {
            (
                c[0].as_str().unwrap().to_string(),
                c[1].as_str().unwrap().to_string(),
            )
        })
        .collect()
}

#[test]
fn every_unsafe_fan_message_is_caught_by_its_rule() {
    let g = Guardrails::default();
    let mut missed = Vec::new();
    let all = cases(&corpus(), "unsafe_input");
    for (text, rule) in &all {
        let f = g.check_input(text);
        let hit = f.iter().find(|f| f.rule == rule);
        let expected_action = match rule.as_str() {
            "ai_question" | "injection_attempt" | "custom_request" => None,
            _ => Some(Action::Escalate),
        };
        match hit {
            Some(h) if expected_action.is_none_or(|a| a == h.action) => {}
            _ => missed.push(format!("{text:?} expected {rule}, got {f:?}")),
        }
    }
    assert!(
        missed.is_empty(),
        "{} of {} missed:\n{}",
        missed.len(),
        all.len(),
        missed.join("\n")
    );
}

#[test]
fn every_unsafe_draft_is_blocked_by_its_rule() {
    let g = Guardrails::default();
    let mut missed = Vec::new();
    let all = cases(&corpus(), "unsafe_draft");
    for (text, rule) in &all {
        let f = g.check_draft(text, &[], "You are Ana, a creator on Fanvue.");
        if !f
            .iter()
            .any(|f| f.rule == rule && f.action == Action::Block)
        {
            missed.push(format!("{text:?} expected {rule}, got {f:?}"));
        }
    }
    assert!(
        missed.is_empty(),
        "{} of {} sent:\n{}",
        missed.len(),
        all.len(),
        missed.join("\n")
    );
}

#[test]
fn ordinary_chat_passes_and_the_false_positive_rate_is_reported() {
    let v = corpus();
    let g = Guardrails::default();
    let mut false_positives = Vec::new();
    let inputs: Vec<&str> = v["legit_input"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s.as_str().unwrap())
        .collect();
    let drafts: Vec<&str> = v["legit_draft"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s.as_str().unwrap())
        .collect();
    for t in &inputs {
        let f = g.check_input(t);
        if !stopping(&f).is_empty() {
            false_positives.push(format!("input {t:?}: {f:?}"));
        }
    }
    for t in &drafts {
        let f = g.check_draft(t, &[], "You are Ana, a creator on Fanvue.");
        if !stopping(&f).is_empty() {
            false_positives.push(format!("draft {t:?}: {f:?}"));
        }
    }
    let total = inputs.len() + drafts.len();
    eprintln!(
        "guardrail false positives: {} of {} legitimate messages ({:.1} %)",
        false_positives.len(),
        total,
        100.0 * false_positives.len() as f64 / total as f64
    );
    assert!(false_positives.is_empty(), "{}", false_positives.join("\n"));
}
