//! SIGHUP: re-read the config file and check every creator's prompts, then switch to the new
//! config without stopping anything. Jobs already running finish with the config they started
//! with; a config that does not validate is refused and the old one stays in force.

use crate::config::{Config, ConfigError, LiveConfig};
use std::path::{Path, PathBuf};
use tokio_util::sync::CancellationToken;

/// What a reload did.
#[derive(Debug)]
pub struct Reloaded {
    /// Keys that changed but need a restart to take effect.
    pub needs_restart: Vec<&'static str>,
    /// Creators whose prompts do not render (the last good version stays in use).
    pub broken_prompts: Vec<String>,
}

/// Loads `path` and, if it validates, makes it the live config.
pub fn reload(path: Option<&Path>, live: &LiveConfig) -> Result<Reloaded, ConfigError> {
    let new = Config::load(path)?;
    if let Some(e) = ConfigError::from_problems(path, crate::agent::holding::check_texts(&new)) {
        return Err(e);
    }
    let old = live.get();
    let needs_restart = old.restart_only_changes(&new);
    let broken_prompts = new
        .creators
        .keys()
        .filter_map(|h| {
            crate::agent::prompt::check_persona(&new, h)
                .err()
                .map(|e| format!("{h}: {e}"))
        })
        .collect();
    live.set(std::sync::Arc::new(new));
    Ok(Reloaded {
        needs_restart,
        broken_prompts,
    })
}

/// Reloads on every SIGHUP until `shutdown`, telling systemd (RELOADING=1, then READY=1).
pub fn on_sighup(path: Option<PathBuf>, live: LiveConfig, shutdown: CancellationToken) {
    use tokio::signal::unix::{signal, SignalKind};
    let Ok(mut hup) = signal(SignalKind::hangup()) else {
        tracing::warn!("cannot listen for SIGHUP: reload by restarting");
        return;
    };
    tokio::spawn(async move {
        loop {
            tokio::select! {
                _ = shutdown.cancelled() => return,
                got = hup.recv() => if got.is_none() { return },
            }
            crate::systemd::notify("RELOADING=1");
            match reload(path.as_deref(), &live) {
                Ok(r) => {
                    tracing::info!(needs_restart = ?r.needs_restart, "configuration reloaded");
                    if !r.needs_restart.is_empty() {
                        tracing::warn!(keys = ?r.needs_restart, "changed keys take effect only after a restart");
                    }
                    for p in &r.broken_prompts {
                        tracing::error!(prompt = %p, "prompt does not render; its last good version stays in use");
                    }
                    crate::systemd::notify("READY=1\nSTATUS=configuration reloaded");
                }
                Err(e) => {
                    tracing::error!(error = %e, "reload refused: the configuration in force is unchanged");
                    crate::systemd::notify("READY=1\nSTATUS=reload refused: invalid configuration");
                }
            }
        }
    });
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{
        agent::{
            llm::{Completion, Llm, LlmFuture, LlmRequest},
            testing::{self, CREATOR, FAN},
            JobOutcome,
        },
        domain::time::now_ms,
        store::CreatorStatus,
    };
    use std::{
        sync::{Arc, Mutex},
        time::Duration,
    };
    use tokio::sync::Notify;

    /// An LLM that tells when a draft is asked for and answers only once released.
    #[derive(Default)]
    struct Gate {
        asked: Notify,
        release: Notify,
        requests: Mutex<Vec<LlmRequest>>,
    }

    impl Llm for Gate {
        fn complete<'a>(&'a self, req: &'a LlmRequest) -> LlmFuture<'a> {
            self.requests.lock().unwrap().push(req.clone());
            Box::pin(async move {
                self.asked.notify_one();
                self.release.notified().await;
                Ok(Completion {
                    text: "sure, see you soon".into(),
                    model: req.model.clone(),
                    prompt_tokens: None,
                    completion_tokens: None,
                    latency: Duration::from_millis(1),
                })
            })
        }
    }

    /// A config file for the test creator: `mode`, `model`, the banned words and the delay.
    fn config_file(dir: &Path, mode: &str, model: &str, banned: &str, delay_ms: u64) -> PathBuf {
        let prompts = Path::new(env!("CARGO_MANIFEST_DIR")).join("prompts");
        let text = format!(
            r#"
[daemon]
prompts_dir = "{prompts}"
database = "{db}"

[security]
token_key = "{key}"

[llm]
model = "{model}"

[agent]
mode = "{mode}"
reply_delay_min_ms = {delay_ms}
reply_delay_max_ms = {delay_ms}
reply_delay_per_char_ms = 0

[guardrails]
banned_words = [{banned}]

[creators.{CREATOR}]
"#,
            prompts = prompts.display(),
            db = dir.join("unused.db").display(),
            key = "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=",
        );
        let path = dir.join(format!("{mode}.toml"));
        std::fs::write(&path, text).unwrap();
        path
    }

    #[tokio::test]
    async fn a_reload_in_the_middle_of_a_job_does_not_change_that_jobs_decision() {
        let dir = tempfile::tempdir().unwrap();
        let before = config_file(dir.path(), "live", "model-before", "", 1000);
        let after = config_file(dir.path(), "shadow", "model-after", r#""soon""#, 600_000);
        let live = LiveConfig::new(Arc::new(Config::load(Some(&before)).unwrap()));
        let gate = Arc::new(Gate::default());
        let (agent, _db) = testing::agent((*live.get()).clone(), gate.clone()).await;
        let store = agent.store.clone();
        store
            .set_creator_status(CREATOR, CreatorStatus::Active, None)
            .await
            .unwrap();
        // The chat was read before (the catch-up read is the check before sending's).
        store
            .mark_history_synced(CREATOR, FAN, now_ms())
            .await
            .unwrap();
        testing::fan_writes(
            &store,
            "m1",
            "hey, what are you up to?",
            "2024-01-01T00:00:00Z",
        )
        .await;

        let job = tokio::spawn(crate::dispatcher::run_job(
            agent,
            live.clone(),
            CREATOR.into(),
            FAN.into(),
            false,
        ));
        gate.asked.notified().await;
        let reloaded = reload(Some(&after), &live).unwrap();
        assert!(reloaded.broken_prompts.is_empty(), "{reloaded:?}");
        let now_in_force = live.get().creator_settings(CREATOR);
        assert_eq!(
            now_in_force.mode,
            crate::domain::Mode::Shadow,
            "the reload took"
        );
        gate.release.notify_one();
        let (_, outcome) = job.await.unwrap();

        // Everything the job decided came from the config it started with: the model it asked
        // and recorded, live mode (an outbox row, not a shadow draft), the banned words (the new
        // ones would block this draft) and the delay.
        assert_eq!(outcome, Ok(JobOutcome::Done { queued: true }));
        assert_eq!(gate.requests.lock().unwrap()[0].model, "model-before");
        let (outcome, reason, model): (String, String, Option<String>) =
            sqlx::query_as("SELECT outcome, reason, model FROM decisions")
                .fetch_one(store.reader())
                .await
                .unwrap();
        assert_eq!(outcome, "replied", "{reason}");
        assert_eq!(reason, "answered the fan's message");
        assert_eq!(model.as_deref(), Some("model-before"));
        let open = store.open_outbox(CREATOR).await.unwrap();
        assert_eq!(open.len(), 1, "queued to send, as in live mode");
        assert_eq!(open[0].text.as_deref(), Some("sure, see you soon"));
        let delay = open[0].not_before - now_ms();
        assert!(
            delay < 60_000,
            "the old delay, not the new ten minutes: {delay} ms"
        );
    }
}
