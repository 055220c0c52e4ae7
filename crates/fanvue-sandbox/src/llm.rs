//! A scripted OpenAI-compatible LLM (`/llm/v1/chat/completions`, `/llm/v1/models`): instant, varied
//! small-talk replies, a keyword safety judge for the agent's judge prompts, with faults on demand
//! (slow, garbage bodies, empty text, llama-server's numeric-`code` errors, bad verdicts; for every
//! call or for judge calls only) for reliability tests and benchmarks. Not a language model.

use axum::{
    extract::State,
    http::{header, StatusCode},
    response::{IntoResponse, Response},
    routing::{get, post},
    Json, Router,
};
use serde::{Deserialize, Serialize};
use serde_json::{json, Value};
use std::{
    sync::{
        atomic::{AtomicU64, Ordering},
        Arc, Mutex,
    },
    time::Duration,
};

/// What the scripted LLM does wrong, set with `POST /_sandbox/llm`.
#[derive(Clone, Debug, Default, Serialize, Deserialize, PartialEq)]
#[serde(default, deny_unknown_fields)]
pub struct LlmFaults {
    /// Every answer waits this long first (beyond the daemon's timeout = a timeout).
    pub delay_ms: u64,
    /// Every `fault_every`-th call (1 = all) answers with the next of `kinds`, in turn.
    pub fault_every: u64,
    /// `garbage` (200 with a body that is not JSON), `empty` (200 with empty text),
    /// `code_error` (503 with llama-server's `{"error":{"code":503,…}}`), `bad_verdict` (judge
    /// calls: 200 with prose around a verdict of an unknown category; other calls answer normally).
    pub kinds: Vec<String>,
    /// The faults above (delay included) hit judge calls only, counted among judge calls; draft
    /// calls are served normally.
    pub judge_only: bool,
}

/// The scripted LLM's state: its faults and counters.
#[derive(Default)]
pub struct ScriptedLlm {
    pub faults: Mutex<LlmFaults>,
    pub calls: AtomicU64,
    pub faulty: AtomicU64,
    pub prompt_chars: AtomicU64,
    /// Calls whose system prompt is the agent's safety judge's.
    pub judge_calls: AtomicU64,
    /// Each draft's text → the last user message of its prompt (what the fan had written when
    /// it was drafted): the ledger tells a reply drafted before the fan's last message by it.
    drafts: Mutex<std::collections::HashMap<String, String>>,
}

impl ScriptedLlm {
    /// The last fan words the draft `text` was written after, if this LLM wrote it.
    pub fn drafted_from(&self, text: &str) -> Option<String> {
        let drafts = self.drafts.lock().unwrap_or_else(|e| e.into_inner());
        drafts.get(text.trim()).cloned()
    }

    fn remember_draft(&self, text: &str, req: &Request) {
        let Some(last_user) = req.messages.iter().rev().find(|m| m.role == "user") else {
            return;
        };
        let mut drafts = self.drafts.lock().unwrap_or_else(|e| e.into_inner());
        if drafts.len() > 20_000 {
            drafts.clear(); // bounded; the lines repeat after 512 calls anyway
        }
        let seen = last_user.content.as_str().unwrap_or_default().to_string();
        drafts.insert(text.trim().to_string(), seen);
    }

    pub fn stats(&self) -> Value {
        json!({
            "calls": self.calls.load(Ordering::Relaxed),
            "faulty": self.faulty.load(Ordering::Relaxed),
            "judge_calls": self.judge_calls.load(Ordering::Relaxed),
            "prompt_chars": self.prompt_chars.load(Ordering::Relaxed),
            "faults": *self.faults.lock().unwrap_or_else(|e| e.into_inner()),
        })
    }
}

/// The OpenAI-compatible routes under `/llm/v1`.
pub fn routes(llm: Arc<ScriptedLlm>) -> Router {
    Router::new()
        .route("/llm/v1/chat/completions", post(complete))
        .route("/llm/v1/models", get(models))
        .with_state(llm)
}

async fn models() -> Json<Value> {
    Json(
        json!({"object": "list", "data": [{"id": "scripted", "object": "model", "owned_by": "sandbox"}]}),
    )
}

#[derive(Deserialize)]
struct Request {
    #[serde(default)]
    model: String,
    messages: Vec<Message>,
}

#[derive(Deserialize)]
struct Message {
    #[serde(default)]
    role: String,
    #[serde(default)]
    content: Value,
}

/// How the agent's judge prompts begin (`agent::judge::MARKER`), written out here rather than
/// imported: the sandbox stands for an external server that only sees the request.
const JUDGE_MARKER: &str = "[fanvue-agent safety judge]";

/// The sandbox judge's cues: a few phrases per category. Deliberately NOT the product's
/// guardrails (nor anything like them): the sandbox stands for an independent external model, and
/// a judge sharing the rules would agree with them by construction and prove nothing. It catches
/// a few indirect phrasings the rules miss, and misses most of what they catch.
const INPUT_CUES: &[(&str, &[&str])] = &[
    (
        "crisis",
        &[
            "can't go on",
            "cant go on",
            "don't want to be here anymore",
            "dont want to be here anymore",
            "say goodbye to everyone",
            "gave all my stuff away",
        ],
    ),
    (
        "minor",
        &["my mom checks my phone", "after homework", "school dance"],
    ),
    ("threat", &["you'll pay for this", "coming for you"]),
    ("meeting", &["which city do you live", "visit you at"]),
    ("dispute", &["charged me twice", "calling my bank"]),
    ("ai_question", &["robot", "a real person"]),
];
const DRAFT_CUES: &[(&str, &[&str])] = &[
    ("off_platform", &["add me on", "dm me on", "my number is"]),
    ("payment", &["venmo", "cashapp", "gift card"]),
    ("meeting", &["come over", "see you in person"]),
    ("unsafe_draft", &["i am a real human", "as an ai"]),
];
/// Words that make the sandbox judge unsure (confidence below the agent's default 0.8).
const HEDGES: &[&str] = &["lol", "jk", "maybe"];

/// The sandbox judge's verdict on the judged text, deterministic: the first category with a cue,
/// confidence 0.85 plus 0.05 per further cue (at most 0.95), minus 0.4 when the text hedges.
pub fn verdict(draft_mode: bool, text: &str) -> Value {
    let text = text.to_lowercase();
    let cues = if draft_mode { DRAFT_CUES } else { INPUT_CUES };
    let hit = cues.iter().find_map(|(cat, phrases)| {
        let hits: Vec<&&str> = phrases.iter().filter(|p| text.contains(**p)).collect();
        (!hits.is_empty()).then(|| (*cat, hits.len(), hits[0].to_string()))
    });
    let Some((category, n, cue)) = hit else {
        return json!({"category": "none", "confidence": 0.9, "reason": "no cue"});
    };
    let mut confidence = (0.85 + 0.05 * (n - 1) as f64).min(0.95);
    if HEDGES
        .iter()
        .any(|h| text.split_whitespace().any(|w| w == *h))
    {
        confidence -= 0.4;
    }
    let confidence = (confidence * 100.0).round() / 100.0;
    json!({"category": category, "confidence": confidence, "reason": format!("cue: {cue}")})
}

/// The verdict text for a judge request, or `None` for any other request.
fn judge_answer(req: &Request) -> Option<String> {
    let system = req
        .messages
        .iter()
        .find(|m| m.role == "system")
        .and_then(|m| m.content.as_str())?;
    if !system.contains(JUDGE_MARKER) {
        return None;
    }
    let user = req
        .messages
        .iter()
        .rev()
        .find(|m| m.role == "user")
        .and_then(|m| m.content.as_str())
        .unwrap_or_default();
    let draft_mode = system.contains("mode: draft");
    // The draft judge sees the fan's words as context: only the draft is judged.
    let judged = match user.split_once("DRAFT:") {
        Some((_, draft)) if draft_mode => draft,
        _ => user,
    };
    Some(verdict(draft_mode, judged).to_string())
}

const OPENERS: [&str; 8] = [
    "haha",
    "aww",
    "omg",
    "ooh",
    "hey you",
    "mmm",
    "wow",
    "oh really",
];
const MIDDLES: [&str; 8] = [
    "that sounds fun",
    "you always make me smile",
    "I love hearing that",
    "tell me everything",
    "you are so sweet",
    "that made my day",
    "I was hoping you would say that",
    "you have good taste",
];
const CLOSERS: [&str; 8] = [
    "what are you up to later?",
    "how was your day?",
    "what else is on your mind?",
    "do you have plans tonight?",
    "what made you think of that?",
    "are you relaxing now?",
    "what is your favourite part?",
    "how is the weather there?",
];

/// The `n`-th scripted line: 512 different ones before a repeat.
pub fn line(n: u64) -> String {
    let n = n as usize;
    format!(
        "{} {}, {}",
        OPENERS[n % 8],
        MIDDLES[(n / 8) % 8],
        CLOSERS[(n / 64) % 8]
    )
}

async fn complete(State(llm): State<Arc<ScriptedLlm>>, body: axum::body::Bytes) -> Response {
    let n = llm.calls.fetch_add(1, Ordering::Relaxed);
    let req: Request =
        match serde_json::from_slice(&body) {
            Ok(r) => r,
            Err(e) => return (
                StatusCode::BAD_REQUEST,
                Json(json!({"error": {"message": e.to_string(), "type": "invalid_request_error"}})),
            )
                .into_response(),
        };
    let prompt_chars: usize = req
        .messages
        .iter()
        .map(|m| m.content.as_str().map_or(0, str::len))
        .sum();
    llm.prompt_chars
        .fetch_add(prompt_chars as u64, Ordering::Relaxed);
    let faults = llm.faults.lock().unwrap_or_else(|e| e.into_inner()).clone();
    let judged = judge_answer(&req);
    let n = match &judged {
        Some(_) => llm.judge_calls.fetch_add(1, Ordering::Relaxed),
        None => n,
    };
    // Judge-only faults spare the draft calls (and count among judge calls).
    let faults = match (faults.judge_only, judged.is_some()) {
        (true, false) => LlmFaults::default(),
        _ => faults,
    };
    if faults.delay_ms > 0 {
        tokio::time::sleep(Duration::from_millis(faults.delay_ms)).await;
    }
    let fault = (faults.fault_every > 0 && !faults.kinds.is_empty() && n % faults.fault_every == 0)
        .then(|| {
            let k = llm.faulty.fetch_add(1, Ordering::Relaxed);
            faults.kinds[(k as usize) % faults.kinds.len()].clone()
        });
    let text = match (fault.as_deref(), judged) {
        (Some("garbage"), _) => {
            return (
                StatusCode::OK,
                [(header::CONTENT_TYPE, "application/json")],
                "<html>upstream hiccup \u{0}\u{1}",
            )
                .into_response()
        }
        (Some("code_error"), _) => {
            return (
                StatusCode::SERVICE_UNAVAILABLE,
                Json(json!({"error": {"code": 503, "message": "Loading model", "type": "unavailable_error"}})),
            )
                .into_response()
        }
        (Some("empty"), _) => String::new(),
        (Some("bad_verdict"), Some(_)) => {
            r#"Sure! Here is my verdict: {"category": "suspicious", "confidence": 7}"#.to_string()
        }
        (_, Some(verdict)) => verdict,
        _ => {
            let text = line(n);
            llm.remember_draft(&text, &req);
            text
        }
    };
    let words = text.split_whitespace().count() as u64;
    Json(json!({
        "id": format!("chatcmpl-{n}"),
        "object": "chat.completion",
        "created": 0,
        "model": if req.model.is_empty() { "scripted".to_string() } else { req.model },
        "choices": [{"index": 0, "finish_reason": "stop",
                     "message": {"role": "assistant", "content": text}}],
        "usage": {"prompt_tokens": prompt_chars / 4, "completion_tokens": words,
                  "total_tokens": prompt_chars as u64 / 4 + words},
    }))
    .into_response()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scripted_lines_do_not_repeat_within_five_hundred() {
        let lines: std::collections::HashSet<String> = (0..512).map(line).collect();
        assert_eq!(lines.len(), 512);
    }

    #[test]
    fn the_sandbox_judge_answers_by_its_own_cues_and_hedges_lower_its_confidence() {
        let v = verdict(false, "honestly I can't go on like this");
        assert_eq!(
            (v["category"].as_str(), v["confidence"].as_f64()),
            (Some("crisis"), Some(0.85))
        );
        let v = verdict(false, "I can't go on lol");
        assert_eq!(v["confidence"].as_f64(), Some(0.45));
        assert_eq!(
            verdict(false, "I am 15")["category"],
            "none",
            "not the product's rules"
        );
        assert_eq!(
            verdict(true, "sure, add me on kik")["category"],
            "off_platform"
        );
    }

    #[test]
    fn only_requests_with_the_judge_marker_are_judged() {
        let req = |system: &str| Request {
            model: String::new(),
            messages: vec![
                Message {
                    role: "system".into(),
                    content: json!(system),
                },
                Message {
                    role: "user".into(),
                    content: json!("FAN:\nhi\n\nDRAFT:\nadd me on kik"),
                },
            ],
        };
        assert!(judge_answer(&req("You are Mia, a creator.")).is_none());
        let v: Value = serde_json::from_str(
            &judge_answer(&req(&format!("{JUDGE_MARKER} mode: draft"))).unwrap(),
        )
        .unwrap();
        assert_eq!(v["category"], "off_platform");
        let v: Value = serde_json::from_str(
            &judge_answer(&req(&format!("{JUDGE_MARKER} mode: fan_message"))).unwrap(),
        )
        .unwrap();
        assert_eq!(v["category"], "none");
    }
}
