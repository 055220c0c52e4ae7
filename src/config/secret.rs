//! Secrets: a value type that never shows itself (`Debug`, `Serialize`, so `check-config` and
//! logs cannot leak one), where secrets come from besides the config (systemd credentials, the
//! token key file), and the redacted rendering of the whole config.

use super::{Config, ConfigError};
use serde::{Deserialize, Serialize};
use std::{fmt, path::Path};

/// A secret value: never shown by `Debug`, `Display` or `Serialize` (so `check-config` and logs
/// cannot leak it). Read it with [`Secret::expose`] at the one place that needs it.
#[derive(Clone, Default, PartialEq, Eq, Deserialize)]
#[serde(transparent)]
pub struct Secret(String);

impl Secret {
    pub fn new(s: impl Into<String>) -> Self {
        Self(s.into())
    }
    pub fn expose(&self) -> &str {
        &self.0
    }
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

impl fmt::Debug for Secret {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(if self.0.is_empty() {
            "\"\""
        } else {
            "[redacted]"
        })
    }
}

impl Serialize for Secret {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(if self.0.is_empty() { "" } else { "[redacted]" })
    }
}

impl Config {
    /// Fills unset secrets from systemd credentials (`LoadCredential=`): files named
    /// `token_key`, `webhook_secret`, `client_secret`, `llm_api_key` and `judge_api_key` in `dir`.
    pub fn apply_credentials(&mut self, dir: &Path) -> Result<(), ConfigError> {
        for (name, secret) in [
            ("token_key", &mut self.security.token_key),
            ("webhook_secret", &mut self.webhook.secret),
            ("client_secret", &mut self.fanvue.client_secret),
            ("llm_api_key", &mut self.llm.api_key),
            ("judge_api_key", &mut self.judge.api_key),
        ] {
            let file = dir.join(name);
            if !secret.is_empty() || !file.exists() {
                continue;
            }
            let value = std::fs::read_to_string(&file).map_err(|e| {
                ConfigError::Parse(format!("credential {}: cannot read: {e}", file.display()))
            })?;
            *secret = Secret::new(value.trim().to_string());
        }
        self.notify
            .apply_credentials(dir)
            .map_err(ConfigError::Parse)
    }
    /// The effective config as TOML with every secret redacted (for `check-config`).
    pub fn to_redacted_toml(&self) -> String {
        toml::to_string_pretty(self).unwrap_or_else(|e| format!("# cannot render config: {e}\n"))
    }

    /// The token-encryption key: `security.token_key`, else the file `security.token_key_file`.
    pub fn token_key(&self) -> Result<Secret, ConfigError> {
        if !self.security.token_key.is_empty() {
            return Ok(self.security.token_key.clone());
        }
        match &self.security.token_key_file {
            Some(p) => std::fs::read_to_string(p)
                .map(|s| Secret::new(s.trim().to_string()))
                .map_err(|e| ConfigError::Parse(format!("`security.token_key_file` ({}): cannot read: {e}", p.display()))),
            None => Err(ConfigError::Parse(
                "`security.token_key` is not set: generate one with `fanvue-agent gen-key` and put it in config or FANVUE_AGENT_SECURITY__TOKEN_KEY".into(),
            )),
        }
    }
}

#[cfg(test)]
#[allow(clippy::result_large_err)] // figment::Jail's closures return figment::Error
mod tests {
    use super::*;
    use figment::Jail;

    #[test]
    fn systemd_credentials_fill_unset_secrets_only() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("webhook_secret"), "whsec-from-cred\n").unwrap();
        std::fs::write(dir.path().join("client_secret"), "cs-from-cred").unwrap();
        std::fs::write(dir.path().join("judge_api_key"), "judge-from-cred\n").unwrap();
        let mut c = Config::default();
        c.fanvue.client_secret = Secret::new("explicit");
        c.apply_credentials(dir.path()).unwrap();
        assert_eq!(c.webhook.secret.expose(), "whsec-from-cred");
        assert_eq!(c.fanvue.client_secret.expose(), "explicit", "config wins");
        assert!(c.llm.api_key.is_empty(), "no file, no value");
        assert_eq!(c.judge.api_key.expose(), "judge-from-cred");
    }

    #[test]
    fn secrets_never_appear_in_debug_or_rendered_config() {
        Jail::expect_with(|jail| {
            jail.set_env("FANVUE_AGENT_FANVUE__CLIENT_SECRET", "cs-SUPERSECRET-1");
            jail.set_env("FANVUE_AGENT_WEBHOOK__SECRET", "wh-SUPERSECRET-2");
            jail.set_env("FANVUE_AGENT_LLM__API_KEY", "llm-SUPERSECRET-3");
            jail.set_env("FANVUE_AGENT_JUDGE__API_KEY", "judge-SUPERSECRET-4");
            jail.set_env(
                "FANVUE_AGENT_SECURITY__TOKEN_KEY",
                "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=",
            );
            let c = Config::load(None).map_err(|e| e.to_string())?;
            assert_eq!(c.fanvue.client_secret.expose(), "cs-SUPERSECRET-1");
            let shown = format!("{c:?}\n{}", c.to_redacted_toml());
            for s in ["SUPERSECRET", "AAAAAAAAAAAAAAAAAAAAAAAA"] {
                assert!(!shown.contains(s), "secret leaked: {shown}");
            }
            assert!(shown.contains("[redacted]"));
            Ok(())
        });
    }

    #[test]
    fn a_short_token_key_is_rejected() {
        Jail::expect_with(|jail| {
            jail.set_env("FANVUE_AGENT_SECURITY__TOKEN_KEY", "c2hvcnQ=");
            let err = Config::load(None).unwrap_err().to_string();
            assert!(err.contains("security.token_key"), "{err}");
            assert!(
                !err.contains("c2hvcnQ"),
                "the key itself must not be echoed: {err}"
            );
            Ok(())
        });
    }
}
