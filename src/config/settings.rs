//! One creator's settings for one job: everything a job needs (mode, persona, LLM, guardrails,
//! offers, follow-ups, limits, holding replies, delays, takeover), resolved once from the config
//! in force when the job starts and passed down. A reload (SIGHUP) swaps the live config; jobs
//! already running keep the settings they started with, so no decision mixes two configs.
//!
//! The settings types the agent's engines are built from live here too ([`OfferRules`],
//! [`Disclosure`], [`GuardrailSettings`]): config owns what is configured, the agent what it does
//! with it.

use super::{
    ActionsConfig, AgentConfig, Config, CreatorHolding, CreatorLlm, JudgeConfig, PauseHours,
};
use crate::domain::Mode;
use serde::{Deserialize, Serialize};
use std::{path::PathBuf, time::Duration};

/// What to do when a fan asks whether they talk to a bot or an AI.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Disclosure {
    /// Say honestly that an AI assistant helps the creator (the draft may never claim to be human).
    #[default]
    Disclose,
    /// Answer lightly without claiming to be human either way.
    Deflect,
    /// Leave the question to a human.
    Escalate,
}

/// The offer rules of one creator (`[offers]` in config).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct OfferRules {
    pub enabled: bool,
    /// Fan messages in the conversation before a first offer.
    pub min_fan_messages: u32,
    /// Seconds between two offers to one fan.
    pub cooldown_secs: u64,
    /// Offers per fan per 24 hours.
    pub max_per_day: u32,
    pub floor_cents: i64,
    pub ceiling_cents: i64,
    /// Price multiplier by spend tier (new, fan, supporter, top).
    pub tier_multiplier_supporter: f64,
    pub tier_multiplier_top: f64,
    /// Negotiation (off by default): a fan who haggles over an open offer gets a lower price,
    /// step by step, never under the negotiation floor.
    pub negotiate: bool,
    /// Counter-offers per item at most.
    pub negotiate_max_steps: u32,
    /// Each counter-offer lowers the start price by this percent of it.
    pub negotiate_step_percent: u32,
    /// Counter-offers never go under this percent of the start price (nor under `floor_cents`,
    /// the item's own `floor_cents` in catalog.toml, or Fanvue's minimum).
    pub negotiate_floor_percent: u32,
    /// Vault folders whose names become tags of their items (`GET /vault/folders/{name}/media`);
    /// the whole vault is read either way.
    pub vault_folders: Vec<String>,
}

impl Default for OfferRules {
    fn default() -> Self {
        OfferRules {
            enabled: true,
            min_fan_messages: 3,
            cooldown_secs: 1800,
            max_per_day: 2,
            floor_cents: 500,
            ceiling_cents: 5000,
            tier_multiplier_supporter: 1.15,
            tier_multiplier_top: 1.3,
            negotiate: false,
            negotiate_max_steps: 2,
            negotiate_step_percent: 10,
            negotiate_floor_percent: 75,
            vault_folders: vec![],
        }
    }
}

/// The guardrail settings of one creator (per-creator keys over `[guardrails]`); the agent builds
/// its rule engine from them.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct GuardrailSettings {
    pub disclosure: Disclosure,
    /// Words a reply must never contain, as configured (global ones, then the creator's).
    pub banned_words: Vec<String>,
    /// Custom-content requests offering at least this much (cents) go to a human.
    pub custom_request_escalate_cents: i64,
    /// Domains a draft may name although links are blocked (the helplines of holding replies).
    pub allowed_links: Vec<String>,
}

impl Default for GuardrailSettings {
    fn default() -> Self {
        GuardrailSettings {
            disclosure: Disclosure::Disclose,
            banned_words: vec![],
            custom_request_escalate_cents: 10_000,
            allowed_links: super::holding::default_allowed_links(),
        }
    }
}

/// Real fan value from Fanvue (`[fan_value]` in config): lifetime spend, subscription status and
/// whether the fan may be messaged, read from the insights and kept `ttl_secs`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FanValueSettings {
    /// Read the insights (`read:insights`, `read:fan`); off: tiers use only what the daemon saw.
    pub insights: bool,
    /// How long a fan's insights are used before they are read again (payments the daemon sees
    /// are added meanwhile).
    pub ttl_secs: u64,
}

impl Default for FanValueSettings {
    fn default() -> Self {
        FanValueSettings {
            insights: true,
            ttl_secs: 6 * 3600,
        }
    }
}

/// The follow-ups of one creator.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FollowupSettings {
    pub enabled: bool,
    /// Seconds of silence after our message before the nudge.
    pub after_secs: u64,
    /// The nudge's template.
    pub text: String,
    /// No nudges between these hours of the creator's local time (equal: no quiet hours).
    pub quiet_hours_start: u32,
    pub quiet_hours_end: u32,
}

/// Everything a job of one creator needs, resolved once when the job starts.
#[derive(Clone, Debug)]
pub struct CreatorSettings {
    pub handle: String,
    /// Configured and not disabled.
    pub enabled: bool,
    pub mode: Mode,
    /// The persona folder under `prompts_dir`.
    pub persona: String,
    pub prompts_dir: PathBuf,
    /// The creator's time zone as minutes from UTC.
    pub utc_offset_minutes: i32,
    pub llm: CreatorLlm,
    pub judge: JudgeConfig,
    pub guardrails: GuardrailSettings,
    /// How long a safety escalation pauses the chat's AI, per category.
    pub pause_hours: PauseHours,
    pub holding: CreatorHolding,
    pub offers: OfferRules,
    /// Whether and how long fans' insights are read.
    pub fan_value: FanValueSettings,
    /// Fanvue's lowest price for a PPV message.
    pub min_price_cents: i64,
    pub followup: FollowupSettings,
    /// Thank-you and welcome templates.
    pub actions: ActionsConfig,
    /// The agent's limits, delays, takeover time and attempts.
    pub agent: AgentConfig,
    /// How long an `approve` draft may wait; `None`: forever.
    pub draft_ttl: Option<Duration>,
    /// Requests per minute to Fanvue.
    pub rate_limit_per_minute: u32,
    /// LLM prices, the tip attribution window and the persona experiment.
    pub money: super::MoneySettings,
    /// When the AI answers this creator's fans.
    pub active_hours: super::ActiveHours,
    /// Set by [`CreatorSettings::on_shift`] outside the active hours when a human answers then:
    /// fan messages are escalated, not answered.
    pub left_to_human: bool,
    /// The creator's sequences, caps and quiet hours.
    pub sequences: super::SequenceSettings,
    /// The fan summaries.
    pub memory: super::MemoryConfig,
}

impl CreatorSettings {
    /// These settings at `at`: outside the creator's active hours, the other persona answers,
    /// or the job leaves fan messages to a human ([`CreatorSettings::left_to_human`]).
    pub fn on_shift(mut self, at: jiff::Timestamp) -> Self {
        if self.active_hours.on_duty(at) {
            return self;
        }
        match self.active_hours.outside {
            super::OutsideHours::Persona => {
                self.persona = self.active_hours.outside_persona.clone();
                // The night persona is not part of a persona A/B test: it answers everyone.
                self.money.experiment = None;
            }
            super::OutsideHours::Human => self.left_to_human = true,
        }
        self
    }
}

impl Config {
    /// The settings of `handle` as this config resolves them (see [`CreatorSettings`]).
    pub fn creator_settings(&self, handle: &str) -> CreatorSettings {
        let (text, quiet_hours_start, quiet_hours_end) =
            self.creator_followup_text_and_hours(handle);
        let (enabled, after_secs) = self.creator_followup(handle);
        CreatorSettings {
            handle: handle.to_string(),
            enabled: self.creator_enabled(handle),
            mode: self.creator_mode(handle),
            persona: self.creator_persona(handle),
            prompts_dir: self.daemon.prompts_dir.clone(),
            utc_offset_minutes: self.creator_utc_offset(handle),
            llm: self.creator_llm(handle),
            judge: self.judge.clone(),
            guardrails: self.creator_guardrails(handle),
            pause_hours: self.guardrails.pause_hours.clone(),
            holding: self.creator_holding(handle),
            offers: self.creator_offers(handle),
            fan_value: self.fan_value.clone(),
            min_price_cents: self.fanvue.min_price_cents,
            followup: FollowupSettings {
                enabled,
                after_secs,
                text,
                quiet_hours_start,
                quiet_hours_end,
            },
            actions: self.actions.clone(),
            agent: self.agent.clone(),
            draft_ttl: self.creator_draft_ttl(handle),
            rate_limit_per_minute: self.creator_rate_limit(handle),
            money: self.creator_money(handle),
            active_hours: self.creator_active_hours(handle),
            left_to_human: false,
            sequences: self.creator_sequences(handle),
            memory: self.memory.clone(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::CreatorConfig;

    #[test]
    fn a_creators_settings_are_its_own_keys_over_the_global_sections() {
        let mut cfg = Config::default();
        cfg.guardrails.banned_words = vec!["global".into()];
        cfg.creators.insert(
            "mia".into(),
            CreatorConfig {
                mode: Some(Mode::Shadow),
                persona: Some("warm".into()),
                model: Some("big".into()),
                banned_words: vec!["own".into()],
                followup_enabled: Some(false),
                offers_enabled: Some(false),
                ..Default::default()
            },
        );
        let s = cfg.creator_settings("mia");
        assert!(s.enabled);
        assert_eq!(s.mode, Mode::Shadow);
        assert_eq!(s.persona, "warm");
        assert_eq!(s.llm.model, "big");
        assert_eq!(s.guardrails.banned_words, ["global", "own"]);
        assert!(!s.followup.enabled && !s.offers.enabled);
        let other = cfg.creator_settings("unknown");
        assert!(!other.enabled, "an unconfigured creator is not answered");
        assert_eq!(
            (other.mode, other.persona.as_str()),
            (cfg.agent.mode, "unknown")
        );
    }
}
