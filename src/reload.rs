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
