//! Configuration: built-in defaults ← `config.toml` ← `FANVUE_AGENT_*` env, validated, secrets redacted.
//!
//! One job per file: `schema` (the serde types), `defaults` (the first layer), `load` (layering
//! and errors that say where a value came from), `validate` (one check per section), `creator`
//! (a creator's settings over the global ones), `settings` (one creator's settings resolved once
//! per job, and the settings types the agent builds its engines from), `live` (the config in force and what a reload
//! cannot change), `secret` (redaction and credentials); `holding`, `notify`, `console` and `money`
//! (prices, tip attribution, persona experiments) are sections with logic of their own. Every public
//! type is re-exported here: callers name `config::X`.

mod console;
mod creator;
mod defaults;
pub mod holding;
mod live;
mod load;
mod money;
pub mod notify;
mod schedule;
mod schema;
mod secret;
mod sequences;
mod settings;
mod validate;

pub use console::ConsoleConfig;
pub use creator::CreatorLlm;
pub use holding::{CreatorHolding, CreatorHoldingReplies, HoldingReplies, HoldingText};
pub use live::LiveConfig;
pub use load::{ConfigError, Problem};
pub use money::{Arm, ExperimentConfig, ModelPrice, MoneyConfig, MoneySettings, VariantConfig};
pub use notify::{ChannelConfig, ChannelKind, NotifyConfig, SmtpTls};
pub use schedule::{ActiveHours, ActiveHoursConfig, OutsideHours};
pub use schema::{
    ActionsConfig, AgentConfig, Config, CreatorConfig, CreatorOffers, DaemonConfig, FanvueConfig,
    FollowupConfig, GuardrailsConfig, JudgeConfig, LlmConfig, LogConfig, MemoryConfig, PauseHours,
    PollerConfig, SecurityConfig, WebhookConfig, ADMIN_ON_LISTEN, DEFAULT_ADMIN_LISTEN,
};
pub use secret::Secret;
pub use sequences::{
    variant, Segment, SequenceConfig, SequenceSettings, SequencesConfig, Step, Trigger,
};
pub use settings::{
    CreatorSettings, Disclosure, FanValueSettings, FollowupSettings, GuardrailSettings, OfferRules,
};
pub use validate::is_valid_handle;

/// What the config's tests share: loading a file written in a `figment::Jail`.
#[cfg(test)]
#[allow(clippy::result_large_err)] // figment::Jail's closures return figment::Error
mod testing {
    use super::Config;
    use figment::Jail;
    use std::path::Path;

    /// Writes `text` to `name` in the jail and loads it (a load error fails the test).
    pub fn load_file(jail: &mut Jail, name: &str, text: &str) -> figment::error::Result<Config> {
        jail.create_file(name, text)?;
        Ok(Config::load(Some(Path::new(name))).map_err(|e| e.to_string())?)
    }

    /// Writes `text` to `name` in the jail and returns why it does not load (loading fails the test).
    pub fn load_error(jail: &mut Jail, name: &str, text: &str) -> figment::error::Result<String> {
        jail.create_file(name, text)?;
        Ok(Config::load(Some(Path::new(name))).unwrap_err().to_string())
    }
}
