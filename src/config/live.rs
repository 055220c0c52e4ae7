//! The configuration in force and live reload: readers take whole snapshots, a reload swaps the
//! snapshot, and the keys a reload cannot change without a restart are named.

use super::Config;
use crate::domain::Mode;
use serde::Serialize;
use std::{collections::BTreeMap, sync::Arc};

/// The configuration in force, replaced as a whole on reload (SIGHUP). Readers take a snapshot
/// with [`LiveConfig::get`]; a reload never changes a snapshot already taken.
///
/// A creator's mode chosen in the console ([`LiveConfig::set_console_modes`], kept in the store)
/// wins over the file's `creators.<h>.mode` and `agent.mode`: it is applied to every config set
/// here, so it survives a reload (and, read from the store at start, a restart).
#[derive(Clone, Debug)]
pub struct LiveConfig(Arc<std::sync::RwLock<Live>>);

#[derive(Debug)]
struct Live {
    /// The config as the file (or the caller) gave it.
    file: Arc<Config>,
    /// Modes chosen in the console, by creator.
    modes: BTreeMap<String, Mode>,
    /// `file` with `modes` applied: what readers get.
    effective: Arc<Config>,
}

impl Live {
    fn apply(&mut self) {
        if self.modes.is_empty() {
            self.effective = self.file.clone();
            return;
        }
        let mut cfg = (*self.file).clone();
        for (handle, mode) in &self.modes {
            if let Some(c) = cfg.creators.get_mut(handle) {
                c.mode = Some(*mode);
            }
        }
        self.effective = Arc::new(cfg);
    }
}

impl LiveConfig {
    pub fn new(cfg: Arc<Config>) -> LiveConfig {
        LiveConfig(Arc::new(std::sync::RwLock::new(Live {
            file: cfg.clone(),
            modes: BTreeMap::new(),
            effective: cfg,
        })))
    }

    /// The configuration now (with the console's modes applied).
    pub fn get(&self) -> Arc<Config> {
        self.0
            .read()
            .unwrap_or_else(|e| e.into_inner())
            .effective
            .clone()
    }

    /// The configuration as the file gave it (without the console's modes).
    pub fn file(&self) -> Arc<Config> {
        self.0
            .read()
            .unwrap_or_else(|e| e.into_inner())
            .file
            .clone()
    }

    /// The mode chosen in the console for `handle`, if any.
    pub fn console_mode(&self, handle: &str) -> Option<Mode> {
        self.0
            .read()
            .unwrap_or_else(|e| e.into_inner())
            .modes
            .get(handle)
            .copied()
    }

    pub fn set(&self, cfg: Arc<Config>) {
        let mut g = self.0.write().unwrap_or_else(|e| e.into_inner());
        g.file = cfg;
        g.apply();
    }

    /// Replaces the modes chosen in the console (all of them, as the store holds them).
    pub fn set_console_modes(&self, modes: BTreeMap<String, Mode>) {
        let mut g = self.0.write().unwrap_or_else(|e| e.into_inner());
        g.modes = modes;
        g.apply();
    }
}

impl Config {
    /// The keys whose new values only take effect after a restart (listeners, database, HTTP
    /// clients, secrets, logging, the set of creators), named for the reload warning.
    pub fn restart_only_changes(&self, new: &Config) -> Vec<&'static str> {
        let mut out = Vec::new();
        let mut cmp = |key: &'static str, same: bool| {
            if !same {
                out.push(key);
            }
        };
        cmp("daemon.listen", self.daemon.listen == new.daemon.listen);
        cmp(
            "daemon.admin_listen",
            self.daemon.admin_listen == new.daemon.admin_listen,
        );
        cmp(
            "daemon.database",
            self.daemon.database == new.daemon.database,
        );
        cmp(
            "daemon.public_url",
            self.daemon.public_url == new.daemon.public_url,
        );
        cmp(
            "console.listen / console.public_url",
            (&self.console.listen, &self.console.public_url)
                == (&new.console.listen, &new.console.public_url),
        );
        cmp("log", same(&self.log, &new.log));
        cmp(
            "fanvue",
            same(&self.fanvue, &new.fanvue)
                && self.fanvue.client_secret == new.fanvue.client_secret,
        );
        cmp(
            "webhook",
            same(&self.webhook, &new.webhook) && self.webhook.secret == new.webhook.secret,
        );
        cmp(
            "security",
            self.security.token_key == new.security.token_key
                && self.security.token_key_file == new.security.token_key_file,
        );
        cmp(
            "llm.base_url / llm.api_key",
            self.llm.base_url == new.llm.base_url && self.llm.api_key == new.llm.api_key,
        );
        cmp(
            "judge.base_url / judge.api_key",
            self.judge.base_url == new.judge.base_url && self.judge.api_key == new.judge.api_key,
        );
        let a = (&self.agent, &new.agent);
        cmp(
            "agent.debounce_ms / debounce_cap_ms / max_jobs / max_jobs_per_creator / rescan_secs",
            (
                a.0.debounce_ms,
                a.0.debounce_cap_ms,
                a.0.max_jobs,
                a.0.max_jobs_per_creator,
                a.0.rescan_secs,
            ) == (
                a.1.debounce_ms,
                a.1.debounce_cap_ms,
                a.1.max_jobs,
                a.1.max_jobs_per_creator,
                a.1.rescan_secs,
            ),
        );
        cmp(
            "creators (added or removed)",
            self.creators.keys().eq(new.creators.keys()),
        );
        cmp(
            "creators.<h>.rate_limit_per_minute",
            self.creators
                .iter()
                .zip(new.creators.iter())
                .all(|(a, b)| a.1.rate_limit_per_minute == b.1.rate_limit_per_minute),
        );
        out
    }
}

/// Whether two config sections serialize alike (secrets compare separately: they serialize redacted).
fn same<T: Serialize>(a: &T, b: &T) -> bool {
    serde_json::to_value(a).ok() == serde_json::to_value(b).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_snapshot_taken_before_a_reload_keeps_the_old_values() {
        let live = LiveConfig::new(Arc::new(Config::default()));
        let before = live.get();
        let mut next = Config::default();
        next.agent.debounce_ms = 1;
        live.set(Arc::new(next));
        assert_eq!(
            before.agent.debounce_ms,
            Config::default().agent.debounce_ms
        );
        assert_eq!(live.get().agent.debounce_ms, 1);
    }

    #[test]
    fn a_mode_chosen_in_the_console_wins_over_the_file_and_survives_a_reload() {
        let mut file = Config::default();
        file.creators.insert("mia".into(), Default::default());
        file.creators.get_mut("mia").unwrap().mode = Some(Mode::Approve);
        let live = LiveConfig::new(Arc::new(file.clone()));
        assert_eq!(live.get().creator_mode("mia"), Mode::Approve);
        live.set_console_modes([("mia".to_string(), Mode::Shadow)].into());
        assert_eq!(live.get().creator_mode("mia"), Mode::Shadow);
        assert_eq!(live.file().creator_mode("mia"), Mode::Approve);
        live.set(Arc::new(file));
        assert_eq!(
            live.get().creator_mode("mia"),
            Mode::Shadow,
            "kept over a reload"
        );
        live.set_console_modes(BTreeMap::new());
        assert_eq!(
            live.get().creator_mode("mia"),
            Mode::Approve,
            "cleared: the file decides"
        );
    }

    #[test]
    fn only_keys_that_need_a_restart_are_named_and_secrets_compare_by_value() {
        let old = Config::default();
        let mut new = Config::default();
        new.agent.debounce_ms += 1;
        new.llm.model = "another".into();
        new.webhook.secret = super::super::Secret::new("changed");
        assert_eq!(
            old.restart_only_changes(&new),
            vec![
                "webhook",
                "agent.debounce_ms / debounce_cap_ms / max_jobs / max_jobs_per_creator / rescan_secs"
            ]
        );
    }
}
