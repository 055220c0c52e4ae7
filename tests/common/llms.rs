//! Stand-in LLMs for tests about what happens to drafts rather than their words.

use fanvue_agent::agent::llm::{Completion, Llm, LlmFuture, LlmRequest};
use std::{sync::Arc, time::Duration};

/// A fast, predictable LLM. The first draft is always the same; later ones differ (the guardrails
/// refuse repeats).
#[derive(Default)]
pub struct Canned(std::sync::atomic::AtomicUsize);

const LINES: [&str; 4] = [
    "so nice to hear from you, how is your day going?",
    "haha I love that, tell me more about your plans",
    "aww you are sweet, what are you doing tonight?",
    "I was just thinking about you, what is new?",
];

impl Llm for Canned {
    fn complete<'a>(&'a self, req: &'a LlmRequest) -> LlmFuture<'a> {
        Box::pin(async move {
            let n = self.0.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
            Ok(Completion {
                text: LINES[n % LINES.len()].into(),
                model: req.model.clone(),
                prompt_tokens: Some(100),
                completion_tokens: Some(12),
                latency: Duration::from_millis(5),
            })
        })
    }
}

/// A fresh [`Canned`], ready for [`super::TestApp::serve`].
pub fn canned() -> Arc<dyn Llm> {
    Arc::new(Canned::default())
}
