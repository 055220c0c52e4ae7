//! Watches the LLM's answers for outages: when every call has failed for
//! `notify.llm_down_after_secs`, one `llm_down` notice (per outage, even across restarts); when it
//! answers again, one `llm_up`. It wraps the LLM at its seam, so the agent needs no change: it
//! sees the same errors the agent treats as "LLM unavailable, the fan's messages wait".

use crate::{
    agent::llm::{Completion, Llm, LlmError, LlmFuture, LlmRequest},
    config::LiveConfig,
    store::{now_ms, Store},
};
use std::sync::{Arc, Mutex};

/// The LLM, watched.
pub struct WatchedLlm {
    inner: Arc<dyn Llm>,
    store: Store,
    cfg: LiveConfig,
    state: Arc<Mutex<Outage>>,
}

#[derive(Default)]
struct Outage {
    /// When calls began failing (unix ms), while they do.
    failing_since: Option<i64>,
    /// Whether an `llm_down` notice is open: `None` until known (after a start).
    notified: Option<bool>,
}

impl WatchedLlm {
    pub fn new(inner: Arc<dyn Llm>, store: Store, cfg: LiveConfig) -> WatchedLlm {
        WatchedLlm {
            inner,
            store,
            cfg,
            state: Arc::new(Mutex::new(Outage::default())),
        }
    }

    fn state(&self) -> std::sync::MutexGuard<'_, Outage> {
        self.state.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// Notes a call's result. Any store write runs in a task of its own: a completion is never
    /// held up by notifications.
    fn observe(&self, res: &Result<Completion, LlmError>) {
        match res {
            // An answer, or a refusal of the request: the LLM is up either way.
            Ok(_) | Err(LlmError::Rejected(_)) => self.answered(),
            Err(e @ LlmError::Unavailable(_)) => self.failed(e.to_string()),
        }
    }

    fn answered(&self) {
        {
            let mut st = self.state();
            st.failing_since = None;
            if st.notified == Some(false) {
                return;
            }
            st.notified = Some(false);
        }
        let (store, state) = (self.store.clone(), self.state.clone());
        tokio::spawn(async move {
            match store.record_llm_up().await {
                Ok(true) => tracing::info!("the LLM answers again; its outage notice is closed"),
                Ok(false) => {}
                Err(e) => {
                    tracing::warn!(error = %e, "cannot record that the LLM is back");
                    lock(&state).notified = None;
                }
            }
        });
    }

    fn failed(&self, error: String) {
        let now = now_ms();
        let threshold = self.cfg.get().notify.llm_down_after_secs as i64 * 1000;
        let since = {
            let mut st = self.state();
            let since = *st.failing_since.get_or_insert(now);
            if st.notified == Some(true) || now - since < threshold {
                return;
            }
            st.notified = Some(true);
            since
        };
        let (store, state) = (self.store.clone(), self.state.clone());
        tokio::spawn(async move {
            match store.record_llm_down(since, &error).await {
                Ok(true) => tracing::error!(
                    since_ms = since,
                    "the LLM has been unavailable too long; operators notified"
                ),
                Ok(false) => {}
                Err(e) => {
                    tracing::warn!(error = %e, "cannot record the LLM outage");
                    lock(&state).notified = None;
                }
            }
        });
    }
}

fn lock(m: &Mutex<Outage>) -> std::sync::MutexGuard<'_, Outage> {
    m.lock().unwrap_or_else(|e| e.into_inner())
}

impl Llm for WatchedLlm {
    fn complete<'a>(&'a self, req: &'a LlmRequest) -> LlmFuture<'a> {
        Box::pin(async move {
            let res = self.inner.complete(req).await;
            self.observe(&res);
            res
        })
    }
}
