//! Readiness checks shared by `GET /readyz` and `fanvue-agent doctor`: the store takes writes,
//! each creator's connection state, the LLM answers.

use crate::{
    config::Config,
    store::{CreatorStatus, Store},
};
use serde::Serialize;
use std::time::Duration;

/// One check's result, with a fix when it failed.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Check {
    pub name: String,
    pub ok: bool,
    pub detail: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub fix: Option<String>,
}

impl Check {
    pub fn ok(name: impl Into<String>, detail: impl Into<String>) -> Check {
        Check {
            name: name.into(),
            ok: true,
            detail: detail.into(),
            fix: None,
        }
    }

    pub fn fail(
        name: impl Into<String>,
        detail: impl Into<String>,
        fix: impl Into<String>,
    ) -> Check {
        Check {
            name: name.into(),
            ok: false,
            detail: detail.into(),
            fix: Some(fix.into()),
        }
    }
}

/// The store takes a write within 3 s.
pub async fn store_writable(store: &Store) -> Check {
    match tokio::time::timeout(Duration::from_secs(3), store.heartbeat()).await {
        Ok(Ok(())) => Check::ok("store", "writable"),
        Ok(Err(e)) => Check::fail(
            "store",
            format!("cannot write: {e}"),
            "check the database file's permissions and free disk space (daemon.database)",
        ),
        Err(_) => Check::fail(
            "store",
            "no write lock within 3 s: another process holds the database",
            "find the process holding the database file (fuser/lsof) and stop it",
        ),
    }
}

/// The database file is still the one opened (not deleted or replaced while running).
pub fn store_file(store: &Store) -> Check {
    match store.file_intact() {
        Ok(()) => Check::ok("database file", store.file_identity()),
        Err(e) => Check::fail(
            "database file",
            e,
            "restore the database file (or its backup) at daemon.database and restart the daemon",
        ),
    }
}

/// One check per enabled creator: its persona prompt loads from `daemon.prompts_dir`.
pub fn prompts(cfg: &Config) -> Vec<Check> {
    cfg.creators
        .keys()
        .filter(|h| cfg.creator_enabled(h))
        .map(|h| {
            let name = format!("prompts {h}");
            let persona = cfg.creator_persona(h);
            match crate::agent::prompt::load_persona(&cfg.daemon.prompts_dir, &persona) {
                Ok(p) => Check::ok(name, format!("{persona} (version {})", p.version)),
                Err(e) => Check::fail(
                    name,
                    e.to_string(),
                    format!(
                        "create {}/{persona}/persona.md (or {0}/default/persona.md), or fix daemon.prompts_dir",
                        cfg.daemon.prompts_dir.display()
                    ),
                ),
            }
        })
        .collect()
}

/// One check per configured, enabled creator: connected and not waiting for a reconnect.
pub async fn creators(store: &Store, cfg: &Config) -> Vec<Check> {
    let mut out = Vec::new();
    for handle in cfg.creators.keys().filter(|h| cfg.creator_enabled(h)) {
        let name = format!("creator {handle}");
        let connect = format!("run `fanvue-agent connect {handle}`");
        let row = match store.creator(handle).await {
            Ok(Some(r)) => r,
            Ok(None) => {
                out.push(Check::fail(name, "not in the database", connect));
                continue;
            }
            Err(e) => {
                out.push(Check::fail(
                    name,
                    format!("cannot read: {e}"),
                    "see the store check",
                ));
                continue;
            }
        };
        let reason = row.status_reason.clone().unwrap_or_default();
        out.push(match row.status {
            CreatorStatus::Active => {
                let expires = store.token_expiry(handle).await.ok().flatten();
                let detail = match expires {
                    Some(at) => {
                        let left = at - crate::domain::time::now_secs();
                        if left > 0 {
                            format!("connected; access token valid {} more min", left / 60)
                        } else {
                            "connected; access token expired, refreshed on next use".to_string()
                        }
                    }
                    None => "connected".to_string(),
                };
                Check::ok(name, detail)
            }
            CreatorStatus::Paused => Check::ok(name, format!("paused ({reason})")),
            CreatorStatus::Pending => Check::fail(name, "never connected", connect),
            CreatorStatus::NeedsReconnect => {
                Check::fail(name, format!("needs a reconnect: {reason}"), connect)
            }
        });
    }
    out
}

/// The LLM server answers `GET {base_url}/models` within 3 s (no tokens spent).
pub async fn llm_reachable(cfg: &Config, http: &reqwest::Client) -> Check {
    let url = format!("{}/models", cfg.llm.base_url.trim_end_matches('/'));
    let mut req = http.get(&url).timeout(Duration::from_secs(3));
    if !cfg.llm.api_key.is_empty() {
        req = req.bearer_auth(cfg.llm.api_key.expose());
    }
    match req.send().await {
        Ok(r) if r.status().is_success() => {
            Check::ok("llm", format!("{} answers", cfg.llm.base_url))
        }
        Ok(r) => Check::fail(
            "llm",
            format!("{} answered {}", cfg.llm.base_url, r.status()),
            "check llm.base_url and llm.api_key",
        ),
        Err(e) => Check::fail(
            "llm",
            format!(
                "{} unreachable ({})",
                cfg.llm.base_url,
                if e.is_timeout() {
                    "timeout"
                } else if e.is_connect() {
                    "connection failed"
                } else {
                    "request failed"
                }
            ),
            "start the LLM server or fix llm.base_url",
        ),
    }
}
