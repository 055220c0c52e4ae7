//! A scripted OpenAI-compatible LLM (`/llm/v1/chat/completions`, `/llm/v1/models`): instant, varied
//! small-talk replies, with faults on demand (slow, garbage bodies, empty text, llama-server's
//! numeric-`code` errors) for reliability tests and benchmarks. Not a language model.

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
    /// `code_error` (503 with llama-server's `{"error":{"code":503,…}}`).
    pub kinds: Vec<String>,
}

/// The scripted LLM's state: its faults and counters.
#[derive(Default)]
pub struct ScriptedLlm {
    pub faults: Mutex<LlmFaults>,
    pub calls: AtomicU64,
    pub faulty: AtomicU64,
    pub prompt_chars: AtomicU64,
}

impl ScriptedLlm {
    pub fn stats(&self) -> Value {
        json!({
            "calls": self.calls.load(Ordering::Relaxed),
            "faulty": self.faulty.load(Ordering::Relaxed),
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
    content: Value,
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
    if faults.delay_ms > 0 {
        tokio::time::sleep(Duration::from_millis(faults.delay_ms)).await;
    }
    let fault = (faults.fault_every > 0 && !faults.kinds.is_empty() && n % faults.fault_every == 0)
        .then(|| {
            let k = llm.faulty.fetch_add(1, Ordering::Relaxed);
            faults.kinds[(k as usize) % faults.kinds.len()].clone()
        });
    let text = match fault.as_deref() {
        Some("garbage") => {
            return (
                StatusCode::OK,
                [(header::CONTENT_TYPE, "application/json")],
                "<html>upstream hiccup \u{0}\u{1}",
            )
                .into_response()
        }
        Some("code_error") => {
            return (
                StatusCode::SERVICE_UNAVAILABLE,
                Json(json!({"error": {"code": 503, "message": "Loading model", "type": "unavailable_error"}})),
            )
                .into_response()
        }
        Some("empty") => String::new(),
        _ => line(n),
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
}
