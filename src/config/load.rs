//! Loading: the figment layering (built-in defaults, then the file, then `FANVUE_AGENT_*` env),
//! paths made relative to the file, and errors that name each bad key and where its value came from.

use super::{notify, Config};
use figment::{
    providers::{Env, Format, Serialized, Toml},
    Figment,
};
use std::{fmt, path::Path};

/// A configuration problem, naming the key and where its value came from.
#[derive(Debug, thiserror::Error)]
pub enum ConfigError {
    #[error("{0}")]
    Parse(String),
    #[error("invalid configuration:\n{}", .0.iter().map(|p| format!("  - {p}")).collect::<Vec<_>>().join("\n"))]
    Invalid(Vec<Problem>),
}

impl ConfigError {
    /// Problems found beside [`Config::load`] (e.g. holding texts the draft guardrails would
    /// block, checked by the agent), each with where its key's value came from; `None` if none.
    pub fn from_problems(path: Option<&Path>, found: Vec<(String, String)>) -> Option<ConfigError> {
        if found.is_empty() {
            return None;
        }
        let fig = Config::figment(path);
        Some(ConfigError::Invalid(
            located(&fig, found, |key| key).collect(),
        ))
    }
}

/// Problems found as `(key, message)`, each with where `source_key(key)`'s value came from.
fn located<'a>(
    fig: &'a Figment,
    found: Vec<(String, String)>,
    source_key: fn(&str) -> &str,
) -> impl Iterator<Item = Problem> + 'a {
    found.into_iter().map(move |(key, message)| Problem {
        source: source_of(fig, source_key(&key)),
        key,
        message,
    })
}

/// One invalid key.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    pub key: String,
    pub source: String,
    pub message: String,
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "`{}` ({}): {}", self.key, self.source, self.message)
    }
}

impl Config {
    /// The figment every load goes through: defaults, then the file (if given), then env.
    pub fn figment(path: Option<&Path>) -> Figment {
        let mut fig = Figment::from(Serialized::defaults(Config::default()));
        if let Some(p) = path {
            fig = fig.merge(Toml::file_exact(p));
        }
        fig.merge(Env::prefixed("FANVUE_AGENT_").split("__"))
    }

    /// Loads and validates. A missing file given explicitly is an error.
    pub fn load(path: Option<&Path>) -> Result<Config, ConfigError> {
        if let Some(p) = path {
            if !p.exists() {
                return Err(ConfigError::Parse(format!(
                    "config file {} does not exist",
                    p.display()
                )));
            }
        }
        let fig = Self::figment(path);
        let mut cfg = Self::extract(&fig)?;
        cfg.resolve_relative_paths(&fig);
        // Before validating: a notification channel's secret may come only from a credential.
        if let Some(dir) = std::env::var_os("CREDENTIALS_DIRECTORY") {
            cfg.apply_credentials(Path::new(&dir))?;
        }
        cfg.validated(&fig)
    }

    /// Makes relative paths written in a config file relative to that file's folder (so `serve`
    /// finds `prompts/` beside its config whatever the working directory). Paths from the
    /// environment or the defaults stay relative to the working directory, like any shell path.
    fn resolve_relative_paths(&mut self, fig: &Figment) {
        for (key, value) in [
            ("daemon.prompts_dir", &mut self.daemon.prompts_dir),
            ("daemon.database", &mut self.daemon.database),
        ] {
            if value.is_absolute() {
                continue;
            }
            let file_dir = fig.find_metadata(key).and_then(|md| match &md.source {
                Some(figment::Source::File(p)) => p.parent().map(Path::to_path_buf),
                _ => None,
            });
            if let Some(dir) = file_dir {
                *value = dir.join(&*value);
            }
        }
    }

    /// Extracts and validates an already layered figment.
    pub fn from_figment(fig: &Figment) -> Result<Config, ConfigError> {
        Self::extract(fig)?.validated(fig)
    }

    fn extract(fig: &Figment) -> Result<Config, ConfigError> {
        fig.extract().map_err(|e| {
            let msgs: Vec<String> = e.into_iter().map(|e| describe_figment_error(&e)).collect();
            ConfigError::Parse(format!(
                "invalid configuration:\n  - {}",
                msgs.join("\n  - ")
            ))
        })
    }

    fn validated(self, fig: &Figment) -> Result<Config, ConfigError> {
        let mut problems: Vec<Problem> = located(fig, self.problems(), |key| key).collect();
        let notify = notify::problems(&self.notify, &self.creator_notify());
        // `notify.channels[2].url` comes from where `notify.channels` was written.
        problems.extend(located(fig, notify, |key| {
            key.split('[').next().unwrap_or(key)
        }));
        if problems.is_empty() {
            Ok(self)
        } else {
            Err(ConfigError::Invalid(problems))
        }
    }
}

/// Where a key's value came from: the file path, the env var, or the built-in default.
fn source_of(fig: &Figment, key: &str) -> String {
    fig.find_metadata(key)
        .map(|md| describe_source(md, key))
        .unwrap_or_else(|| "default".into())
}

fn describe_source(md: &figment::Metadata, key: &str) -> String {
    match &md.source {
        Some(figment::Source::File(p)) => format!("in {}", p.display()),
        _ if md.name.contains("environment") => {
            format!(
                "from env FANVUE_AGENT_{}",
                key.to_ascii_uppercase().replace('.', "__")
            )
        }
        Some(other) => format!("from {} {}", md.name, other),
        None => format!("from {}", md.name),
    }
}

fn describe_figment_error(e: &figment::Error) -> String {
    let key = if e.path.is_empty() {
        "(top level)".to_string()
    } else {
        e.path.join(".")
    };
    let source = e
        .metadata
        .as_ref()
        .map(|md| describe_source(md, &key))
        .unwrap_or_else(|| "unknown source".into());
    format!("`{key}` ({source}): {}", e.kind)
}

#[cfg(test)]
#[allow(clippy::result_large_err)] // figment::Jail's closures return figment::Error
mod tests {
    use super::*;
    use crate::config::testing::load_error;
    use figment::Jail;

    #[test]
    fn env_overrides_file_and_nests_with_double_underscore() {
        Jail::expect_with(|jail| {
            jail.create_file(
                "c.toml",
                "[fanvue]\nrate_limit_per_minute = 50\n[creators.alice]\nmodel = \"m1\"\n",
            )?;
            jail.set_env("FANVUE_AGENT_FANVUE__RATE_LIMIT_PER_MINUTE", "70");
            jail.set_env("FANVUE_AGENT_CREATORS__ALICE__RATE_LIMIT_PER_MINUTE", "20");
            let c = Config::load(Some(Path::new("c.toml"))).map_err(|e| e.to_string())?;
            assert_eq!(c.fanvue.rate_limit_per_minute, 70);
            assert_eq!(c.creators["alice"].model.as_deref(), Some("m1"));
            assert_eq!(c.creator_rate_limit("alice"), 20);
            assert_eq!(c.creator_rate_limit("bob"), 70);
            Ok(())
        });
    }

    #[test]
    fn a_wrong_type_or_unknown_key_names_the_key() {
        Jail::expect_with(|jail| {
            let err = load_error(
                jail,
                "t.toml",
                "[fanvue]\nrate_limit_per_minute = \"lots\"\n",
            )?;
            assert!(err.contains("fanvue.rate_limit_per_minute"), "{err}");
            let err = load_error(jail, "u.toml", "[fanvue]\nrate_limt = 5\n")?;
            assert!(err.contains("rate_limt"), "{err}");
            Ok(())
        });
    }

    #[test]
    fn a_bad_env_value_names_the_variable() {
        Jail::expect_with(|jail| {
            jail.set_env("FANVUE_AGENT_LLM__TEMPERATURE", "9");
            let err = Config::load(None).unwrap_err().to_string();
            assert!(err.contains("llm.temperature"), "{err}");
            assert!(err.contains("FANVUE_AGENT_LLM__TEMPERATURE"), "{err}");
            Ok(())
        });
    }
}
