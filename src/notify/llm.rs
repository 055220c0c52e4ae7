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
    state: Mutex<Outage>,
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
            state: Mutex::new(Outage::default()),
        }
    }

    fn state(&self) -> std::sync::MutexGuard<'_, Outage> {
        self.state.lock().unwrap_or_else(|e| e.into_inner())
    }

    async fn observe(&self, res: &Result<Completion, LlmError>) {
        match res {
            Ok(_) => self.answered().await,
            // The LLM answered and refused the request: it is up.
            Err(LlmError::Rejected(_)) => self.answered().await,
            Err(e @ LlmError::Unavailable(_)) => self.failed(&e.to_string()).await,
        }
    }

    async fn answered(&self) {
        let was = {
            let mut st = self.state();
            st.failing_since = None;
            st.notified
        };
        if was == Some(false) {
            return;
        }
        match self.store.record_llm_up().await {
            Ok(true) => tracing::info!("the LLM answers again; its outage notice is closed"),
            Ok(false) => {}
            Err(e) => {
                tracing::warn!(error = %e, "cannot record that the LLM is back");
                return;
            }
        }
        self.state().notified = Some(false);
    }

    async fn failed(&self, error: &str) {
        let now = now_ms();
        let threshold = self.cfg.get().notify.llm_down_after_secs as i64 * 1000;
        let since = {
            let mut st = self.state();
            let since = *st.failing_since.get_or_insert(now);
            if st.notified == Some(true) || now - since < threshold {
                return;
            }
            since
        };
        match self.store.record_llm_down(since, error).await {
            Ok(new) => {
                if new {
                    tracing::error!(
                        since_ms = since,
                        "the LLM has been unavailable too long; operators notified"
                    );
                }
                self.state().notified = Some(true);
            }
            Err(e) => tracing::warn!(error = %e, "cannot record the LLM outage"),
        }
    }
}

impl Llm for WatchedLlm {
    fn complete<'a>(&'a self, req: &'a LlmRequest) -> LlmFuture<'a> {
        Box::pin(async move {
            let res = self.inner.complete(req).await;
            self.observe(&res).await;
            res
        })
    }
}
