//! Configuration: built-in defaults ← `config.toml` ← `FANVUE_AGENT_*` env, validated, secrets redacted.

use figment::{
    providers::{Env, Format, Serialized, Toml},
    Figment,
};
use serde::{Deserialize, Serialize};
use std::{collections::BTreeMap, fmt, path::Path, path::PathBuf, sync::Arc};

pub mod notify;
pub use notify::{ChannelConfig, ChannelKind, NotifyConfig, SmtpTls};
pub mod holding;
pub use holding::{CreatorHolding, CreatorHoldingReplies, HoldingReplies, HoldingText};

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

#[derive(Clone, Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Config {
    pub daemon: DaemonConfig,
    pub log: LogConfig,
    pub fanvue: FanvueConfig,
    pub webhook: WebhookConfig,
    pub security: SecurityConfig,
    pub llm: LlmConfig,
    pub judge: JudgeConfig,
    pub agent: AgentConfig,
    pub poller: PollerConfig,
    pub actions: ActionsConfig,
    pub guardrails: GuardrailsConfig,
    pub offers: crate::agent::offers::OfferRules,
    pub followup: FollowupConfig,
    /// Operator notifications: channels, routing, rate cap, retries, daily summary.
    pub notify: NotifyConfig,
    /// Per-creator sections, keyed by the creator's Fanvue handle.
    pub creators: BTreeMap<String, CreatorConfig>,
}

/// Where monitoring is served unless configured: loopback, apart from the webhook port.
pub const DEFAULT_ADMIN_LISTEN: &str = "127.0.0.1:9464";
/// The `daemon.admin_listen` value that serves monitoring on the webhook port too.
pub const ADMIN_ON_LISTEN: &str = "public";

impl DaemonConfig {
    /// The separate address monitoring binds to, or `None` when it is served on `listen`.
    pub fn admin_address(&self) -> Option<&str> {
        match self.admin_listen.as_str() {
            ADMIN_ON_LISTEN => None,
            "" => Some(DEFAULT_ADMIN_LISTEN),
            a => Some(a),
        }
    }
}

#[derive(Clone, Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DaemonConfig {
    /// Address the HTTP server (webhooks, OAuth callback, health) binds to.
    pub listen: String,
    /// The address of `/healthz`, `/readyz` and `/metrics` (default 127.0.0.1:9464, loopback, apart
    /// from webhooks: they name creators and revenue). `public`: served on `listen` as well, for
    /// setups whose proxy keeps them private; empty means the default.
    pub admin_listen: String,
    /// The URL Fanvue and browsers reach this daemon at; the OAuth redirect URI is derived from it.
    pub public_url: String,
    /// Path of the SQLite database file (created if missing).
    pub database: PathBuf,
    /// Folder of persona prompts.
    pub prompts_dir: PathBuf,
    /// Seconds to drain in-flight work on shutdown.
    pub shutdown_deadline_secs: u64,
    /// Open connections served at once on `listen`; more are closed at once.
    pub max_connections: usize,
}

#[derive(Clone, Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LogConfig {
    /// `auto` (pretty on a terminal, JSON otherwise), `pretty` or `json`.
    pub format: String,
    /// A tracing filter, e.g. `info` or `fanvue_agent=debug,info`.
    pub level: String,
    /// Show message texts (what fans wrote, drafts) in debug lines. Off: they appear as
    /// `[N chars]`. Never at info, whatever this says.
    pub message_text: bool,
}

#[derive(Clone, Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FanvueConfig {
    pub api_base: String,
    pub authorize_url: String,
    pub token_url: String,
    pub api_version: String,
    pub client_id: String,
    pub client_secret: Secret,
    pub scopes: Vec<String>,
    pub request_timeout_secs: u64,
    /// Requests per 60 s per creator; corrected from `X-RateLimit-Limit` at run time.
    pub rate_limit_per_minute: u32,
    /// Fanvue's minimum PPV price in cents.
    pub min_price_cents: i64,
    /// Refresh an access token this many seconds before it expires.
    pub refresh_ahead_secs: u64,
}

#[derive(Clone, Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct WebhookConfig {
    pub secret: Secret,
    pub tolerance_secs: u64,
    /// Largest webhook body accepted (a message webhook with 5,000 characters of text is ~30 KB).
    pub max_body_bytes: usize,
    /// Bytes of not-yet-verified bodies held at once, across all connections; past it a webhook
    /// gets 503 + Retry-After instead of memory (an anonymous flood cannot pin RAM).
    pub max_buffered_bytes: usize,
}

#[derive(Clone, Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SecurityConfig {
    /// Base64 of 32 random bytes; encrypts OAuth tokens at rest.
    pub token_key: Secret,
    /// Alternative to `token_key`: a file holding it (e.g. a systemd credential,
    /// `$CREDENTIALS_DIRECTORY/token_key`).
    pub token_key_file: Option<PathBuf>,
}

#[derive(Clone, Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LlmConfig {
    pub base_url: String,
    pub api_key: Secret,
    pub model: String,
    pub temperature: f32,
    pub max_tokens: u32,
    pub timeout_secs: u64,
    /// The model's context window in tokens: history is trimmed oldest-first to fit it.
    pub context_tokens: u32,
    /// Ask the model for JSON (`{"reply", "offer": {"item", "reason"}}`) with
    /// `response_format: json_object`. For models that follow it (GPT-4o class); off for tiny models,
    /// which then signal an offer with an `OFFER: <item>` line or not at all.
    pub structured_output: bool,
}

/// The optional safety judge (`[judge]`): a second model beside the guardrails (see
/// `agent::judge` for how their verdicts combine). Off by default.
#[derive(Clone, Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct JudgeConfig {
    pub enabled: bool,
    /// Any OpenAI-compatible API; may be the same server as `[llm]` with a more capable model.
    pub base_url: String,
    pub api_key: Secret,
    pub model: String,
    /// A slow judge holds a reply at most this long; past it the rules' decision stands alone.
    pub timeout_ms: u64,
    /// A safety verdict below this confidence is recorded, never acted on.
    pub min_confidence: f64,
    /// Also judge each draft the rules passed (one more judge call after the draft, in series).
    pub check_drafts: bool,
}

/// How the dispatcher and the agent work.
#[derive(Clone, Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AgentConfig {
    /// Wait this long after a fan message so a burst gets one reply.
    pub debounce_ms: u64,
    /// A message during the wait extends it once, but never past this much after the first message.
    pub debounce_cap_ms: u64,
    /// Jobs (LLM calls) in flight at once, all creators together.
    pub max_jobs: usize,
    /// Jobs in flight at once per creator.
    pub max_jobs_per_creator: usize,
    /// At most this many past messages go into the prompt (before token trimming).
    pub history_messages: u32,
    /// When the creator answers a fan by hand, leave that chat alone this long.
    pub human_takeover_secs: u64,
    /// Read the chat right before a message leaves: drop it if the creator wrote by hand or the
    /// fan wrote again after it was drafted (one batch read per creator covers the messages due
    /// together). Off: the chat is read before drafting instead, and nothing checks after.
    pub confirm_before_send: bool,
    /// Messages due within this many ms of the first due one go out with it after one read.
    pub confirm_window_ms: u64,
    /// Mark the chat read after replying: one more API call per reply, so off by default (the
    /// poller looks for unanswered chats, not unread ones, and needs no read marks).
    pub mark_read_after_reply: bool,
    /// Human-like pause before sending: a random base in [min, max] ms plus ms per character.
    pub reply_delay_min_ms: u64,
    pub reply_delay_max_ms: u64,
    pub reply_delay_per_char_ms: u64,
    /// LLM attempts per job before its events are decided `failed`.
    pub llm_attempts: u32,
    /// How often the dispatcher rescans the inbox for pending events (a safety net for lost wakes).
    pub rescan_secs: u64,
    /// Send attempts per outbox row before it is `failed`.
    pub send_attempts: u32,
    /// `live` (send), `shadow` (draft and log, never send) or `approve` (drafts wait for
    /// `fanvue-agent approve <id>`).
    pub mode: crate::domain::Mode,
    /// An `approve` draft not approved within this many seconds expires and is never sent
    /// (0: drafts wait forever).
    pub draft_ttl_secs: u64,
}

/// The polling fallback for missed webhooks.
#[derive(Clone, Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PollerConfig {
    pub enabled: bool,
    /// Seconds between polls of one creator's unread chats.
    pub interval_secs: u64,
    /// At most this share of the creator's rate budget goes to polling.
    pub budget_share: f64,
    /// While webhooks arrived within this many seconds, poll four times less often.
    pub webhook_quiet_secs: u64,
}

/// Rules no draft or fan message gets around (see `agent::guardrails`).
#[derive(Clone, Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct GuardrailsConfig {
    /// When a fan asks "are you a bot/AI?": `disclose` (say an AI assistant helps the creator),
    /// `deflect` (answer lightly, never claiming to be human), or `escalate` (leave it to a human).
    pub disclosure: crate::agent::guardrails::Disclosure,
    /// Words a reply must never contain (matched after normalisation), for every creator.
    pub banned_words: Vec<String>,
    /// Custom-content requests offering at least this many cents go to a human.
    pub custom_request_escalate_cents: i64,
    /// Replaced by `holding_replies`; kept only to say so when a config still sets it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub holding_reply: Option<String>,
    /// Sent once when a fan message is escalated to a human, per category and language.
    pub holding_replies: HoldingReplies,
    /// Follows the crisis holding reply, in the fan's language: where to find help now.
    pub helplines: BTreeMap<String, String>,
    /// Domains a reply may name although links are blocked (the helplines').
    pub allowed_links: Vec<String>,
    /// How long a safety escalation pauses the chat's AI, per category, unless a human clears it
    /// first (0: until a human clears it). A minor's mark never lapses by itself.
    pub pause_hours: PauseHours,
}

/// Hours a safety escalation pauses the chat's AI (`[guardrails.pause_hours]`).
#[derive(Clone, Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PauseHours {
    pub crisis: u64,
    pub threat: u64,
    pub meeting: u64,
    pub dispute: u64,
}

impl PauseHours {
    /// When a new mark of `category` set at `now` (unix ms) lapses; `None`: only a human clears it.
    pub fn until(&self, category: crate::domain::MarkCategory, now: i64) -> Option<i64> {
        use crate::domain::MarkCategory as C;
        let hours = match category {
            C::Minor => 0,
            C::Crisis => self.crisis,
            C::Threat => self.threat,
            C::Meeting => self.meeting,
            C::Dispute => self.dispute,
        };
        (hours > 0).then(|| now.saturating_add(hours as i64 * 3_600_000))
    }
}

/// Per-creator overrides of the offer rules; unset keys come from `[offers]`.
#[derive(Clone, Debug, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct CreatorOffers {
    pub min_fan_messages: Option<u32>,
    pub cooldown_secs: Option<u64>,
    pub max_per_day: Option<u32>,
    pub floor_cents: Option<i64>,
    pub ceiling_cents: Option<i64>,
    pub tier_multiplier_supporter: Option<f64>,
    pub tier_multiplier_top: Option<f64>,
}

/// One nudge to a fan who went quiet after our last message.
#[derive(Clone, Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FollowupConfig {
    pub enabled: bool,
    /// Seconds of silence after our message before the nudge.
    pub after_secs: u64,
    /// The nudge (template: `{{ fan_name }}`, `{{ creator_name }}`).
    pub text: String,
    /// No nudges between these hours of the creator's local time (equal: no quiet hours).
    pub quiet_hours_start: u32,
    pub quiet_hours_end: u32,
    /// How often each creator's chats are checked, in seconds.
    pub check_every_secs: u64,
}

/// Messages sent on events other than fan messages. Empty text turns an action off. Templates may
/// use `{{ fan_name }}`, `{{ creator_name }}` and `{{ amount }}` (e.g. "5.00").
#[derive(Clone, Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ActionsConfig {
    pub welcome_subscriber: String,
    pub thank_tip: String,
}

#[derive(Clone, Debug, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct CreatorConfig {
    /// Persona folder under `prompts_dir` (defaults to the handle, falling back to `default`).
    pub persona: Option<String>,
    /// Overrides `fanvue.rate_limit_per_minute` for this creator.
    pub rate_limit_per_minute: Option<u32>,
    /// Overrides `llm.model` for this creator.
    pub model: Option<String>,
    /// Overrides `llm.temperature`.
    pub temperature: Option<f32>,
    /// Overrides `llm.max_tokens`.
    pub max_tokens: Option<u32>,
    /// Overrides `llm.timeout_secs`.
    pub llm_timeout_secs: Option<u64>,
    /// Overrides `llm.structured_output`.
    pub structured_output: Option<bool>,
    /// Set false to keep the creator configured but not answered.
    pub enabled: Option<bool>,
    /// Overrides `guardrails.disclosure`.
    pub disclosure: Option<crate::agent::guardrails::Disclosure>,
    /// Added to `guardrails.banned_words`.
    pub banned_words: Vec<String>,
    /// Overrides `offers.enabled`.
    pub offers_enabled: Option<bool>,
    /// Replaced by `holding_replies`; kept only to say so when a config still sets it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub holding_reply: Option<String>,
    /// Overrides categories of `[guardrails.holding_replies]` (`[creators.<h>.holding_replies]`).
    pub holding_replies: Option<CreatorHoldingReplies>,
    /// Overrides languages of `[guardrails.helplines]`.
    pub helplines: BTreeMap<String, String>,
    /// Overrides `agent.draft_ttl_secs`.
    pub draft_ttl_secs: Option<u64>,
    /// Overrides `guardrails.custom_request_escalate_cents`.
    pub custom_request_escalate_cents: Option<i64>,
    /// Overrides `followup.enabled`.
    pub followup_enabled: Option<bool>,
    /// Overrides `followup.after_secs`.
    pub followup_after_secs: Option<u64>,
    /// Overrides `followup.text`.
    pub followup_text: Option<String>,
    /// Override `followup.quiet_hours_start` / `quiet_hours_end` (creator's local hours).
    pub quiet_hours_start: Option<u32>,
    pub quiet_hours_end: Option<u32>,
    /// Overrides keys of `[offers]` for this creator (`[creators.<h>.offers]`).
    pub offers: Option<CreatorOffers>,
    /// The creator's time zone as minutes from UTC (e.g. -300 for New York in winter), for the
    /// prompts' `time_of_day` and `local_time`.
    pub utc_offset_minutes: Option<i32>,
    /// Overrides `agent.mode`.
    pub mode: Option<crate::domain::Mode>,
    /// `[[notify.channels]]` names that get this creator's events (besides agency-wide ones).
    pub notify: Vec<String>,
}

impl Default for Config {
    fn default() -> Self {
        Config {
            daemon: DaemonConfig {
                listen: "127.0.0.1:8080".into(),
                admin_listen: DEFAULT_ADMIN_LISTEN.into(),
                public_url: "http://127.0.0.1:8080".into(),
                database: "fanvue-agent.db".into(),
                prompts_dir: "prompts".into(),
                shutdown_deadline_secs: 20,
                max_connections: 1024,
            },
            log: LogConfig {
                format: "auto".into(),
                level: "info".into(),
                message_text: false,
            },
            fanvue: FanvueConfig {
                api_base: "https://api.fanvue.com".into(),
                authorize_url: "https://auth.fanvue.com/oauth2/auth".into(),
                token_url: "https://auth.fanvue.com/oauth2/token".into(),
                api_version: "2025-06-26".into(),
                client_id: String::new(),
                client_secret: Secret::default(),
                scopes: [
                    "openid",
                    "offline_access",
                    "offline",
                    "read:self",
                    "read:chat",
                    "write:chat",
                    "read:fan",
                    "read:media",
                    "read:insights",
                ]
                .map(String::from)
                .to_vec(),
                request_timeout_secs: 15,
                rate_limit_per_minute: 100,
                min_price_cents: 300,
                refresh_ahead_secs: 300,
            },
            webhook: WebhookConfig {
                secret: Secret::default(),
                tolerance_secs: 300,
                max_body_bytes: 64 * 1024,
                max_buffered_bytes: 8 * 1024 * 1024,
            },
            security: SecurityConfig {
                token_key: Secret::default(),
                token_key_file: None,
            },
            llm: LlmConfig {
                base_url: "http://127.0.0.1:8081/v1".into(),
                api_key: Secret::default(),
                model: "smollm2-135m".into(),
                temperature: 0.7,
                max_tokens: 160,
                timeout_secs: 30,
                context_tokens: 2048,
                structured_output: false,
            },
            judge: JudgeConfig {
                enabled: false,
                base_url: "http://127.0.0.1:8081/v1".into(),
                api_key: Secret::default(),
                model: "judge".into(),
                timeout_ms: 3000,
                min_confidence: 0.8,
                check_drafts: false,
            },
            agent: AgentConfig {
                debounce_ms: 4000,
                debounce_cap_ms: 12000,
                max_jobs: 8,
                max_jobs_per_creator: 2,
                history_messages: 30,
                human_takeover_secs: 1800,
                confirm_before_send: true,
                confirm_window_ms: 2000,
                mark_read_after_reply: false,
                reply_delay_min_ms: 0,
                reply_delay_max_ms: 0,
                reply_delay_per_char_ms: 0,
                llm_attempts: 3,
                rescan_secs: 5,
                send_attempts: 8,
                mode: crate::domain::Mode::Live,
                // Long enough for a human's working session, short enough that a reply is not
                // sent to a conversation that has gone cold.
                draft_ttl_secs: 6 * 3600,
            },
            poller: PollerConfig {
                enabled: true,
                interval_secs: 30,
                budget_share: 0.2,
                webhook_quiet_secs: 120,
            },
            offers: crate::agent::offers::OfferRules::default(),
            followup: FollowupConfig {
                enabled: true,
                after_secs: 86_400,
                text: "Hey {{ fan_name }}, been thinking about our chat. How's your week going?"
                    .into(),
                quiet_hours_start: 22,
                quiet_hours_end: 9,
                check_every_secs: 300,
            },
            guardrails: GuardrailsConfig {
                disclosure: crate::agent::guardrails::Disclosure::Disclose,
                banned_words: vec![],
                custom_request_escalate_cents: 10_000,
                holding_reply: None,
                holding_replies: HoldingReplies::default(),
                helplines: holding::default_helplines(),
                allowed_links: holding::default_allowed_links(),
                // Conservative: a human should look before the AI talks to this fan again.
                pause_hours: PauseHours {
                    crisis: 72,
                    threat: 0,
                    meeting: 24,
                    dispute: 72,
                },
            },
            actions: ActionsConfig {
                welcome_subscriber:
                    "Hey {{ fan_name }}, welcome! So happy you're here. How's your day going?"
                        .into(),
                thank_tip: "Thank you so much for the tip, {{ fan_name }}! That made my day."
                    .into(),
            },
            notify: NotifyConfig::default(),
            creators: BTreeMap::new(),
        }
    }
}

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
            found
                .into_iter()
                .map(|(key, message)| Problem {
                    source: source_of(&fig, &key),
                    key,
                    message,
                })
                .collect(),
        ))
    }
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
        let mut problems = self.problems(fig);
        let notify = notify::problems(&self.notify, &self.creator_notify());
        problems.extend(notify.into_iter().map(|(key, message)| {
            // `notify.channels[2].url` comes from where `notify.channels` was written.
            let at = key.split('[').next().unwrap_or(&key).to_string();
            Problem {
                source: source_of(fig, &at),
                key,
                message,
            }
        }));
        if problems.is_empty() {
            Ok(self)
        } else {
            Err(ConfigError::Invalid(problems))
        }
    }

    /// Each creator's `notify` list (channel names), for routing.
    pub fn creator_notify(&self) -> BTreeMap<String, Vec<String>> {
        self.creators
            .iter()
            .map(|(h, c)| (h.clone(), c.notify.clone()))
            .collect()
    }

    fn problems(&self, fig: &Figment) -> Vec<Problem> {
        let mut out = Vec::new();
        let mut bad = |key: &str, message: String| {
            out.push(Problem {
                key: key.to_string(),
                source: source_of(fig, key),
                message,
            })
        };
        if !matches!(self.daemon.admin_listen.as_str(), "" | ADMIN_ON_LISTEN)
            && (self
                .daemon
                .admin_listen
                .parse::<std::net::SocketAddr>()
                .is_err()
                || self.daemon.admin_listen == self.daemon.listen)
        {
            bad(
                "daemon.admin_listen",
                format!(
                    "`{}` is not an address like 127.0.0.1:9464 different from daemon.listen (or `public`: serve health and metrics on daemon.listen too)",
                    self.daemon.admin_listen
                ),
            );
        }
        if self.daemon.listen.parse::<std::net::SocketAddr>().is_err() {
            bad(
                "daemon.listen",
                format!(
                    "`{}` is not an address like 127.0.0.1:8080",
                    self.daemon.listen
                ),
            );
        }
        for (key, val) in [
            ("daemon.public_url", &self.daemon.public_url),
            ("fanvue.api_base", &self.fanvue.api_base),
            ("fanvue.authorize_url", &self.fanvue.authorize_url),
            ("fanvue.token_url", &self.fanvue.token_url),
            ("llm.base_url", &self.llm.base_url),
            ("judge.base_url", &self.judge.base_url),
        ] {
            match url::Url::parse(val) {
                Ok(u) if u.scheme() == "http" || u.scheme() == "https" => {}
                _ => bad(key, format!("`{val}` is not an http(s) URL")),
            }
        }
        if !["auto", "pretty", "json"].contains(&self.log.format.as_str()) {
            bad(
                "log.format",
                format!("`{}` must be one of auto, pretty, json", self.log.format),
            );
        }
        if tracing_subscriber::EnvFilter::try_new(&self.log.level).is_err() {
            bad(
                "log.level",
                format!("`{}` is not a valid tracing filter", self.log.level),
            );
        }
        if self.fanvue.api_version.trim().is_empty() {
            bad("fanvue.api_version", "must not be empty".into());
        }
        if !(1..=10_000).contains(&self.fanvue.rate_limit_per_minute) {
            bad(
                "fanvue.rate_limit_per_minute",
                "must be between 1 and 10000".into(),
            );
        }
        if self.fanvue.min_price_cents < 1 {
            bad("fanvue.min_price_cents", "must be at least 1 cent".into());
        }
        if self.fanvue.request_timeout_secs == 0 {
            bad("fanvue.request_timeout_secs", "must be at least 1".into());
        }
        for s in ["openid", "offline_access"] {
            if !self.fanvue.scopes.iter().any(|x| x == s) {
                bad(
                    "fanvue.scopes",
                    format!("must include `{s}` (Fanvue requires it for refresh tokens)"),
                );
            }
        }
        if self.webhook.max_body_bytes < 1024 {
            bad("webhook.max_body_bytes", "must be at least 1024".into());
        }
        if self.webhook.max_buffered_bytes < self.webhook.max_body_bytes
            || self.webhook.max_buffered_bytes > u32::MAX as usize
        {
            bad(
                "webhook.max_buffered_bytes",
                "must be at least webhook.max_body_bytes and under 4 GiB".into(),
            );
        }
        if self.daemon.max_connections == 0 {
            bad("daemon.max_connections", "must be at least 1".into());
        }
        if !self.security.token_key.is_empty() {
            if let Err(e) =
                crate::crypto::TokenCipher::from_base64(self.security.token_key.expose())
            {
                bad("security.token_key", e.to_string());
            }
        }
        if !(0.0..=2.0).contains(&self.llm.temperature) {
            bad("llm.temperature", "must be between 0 and 2".into());
        }
        if self.llm.max_tokens == 0 {
            bad("llm.max_tokens", "must be at least 1".into());
        }
        if !(0.0..=1.0).contains(&self.judge.min_confidence) {
            bad("judge.min_confidence", "must be between 0 and 1".into());
        }
        if !(100..=60_000).contains(&self.judge.timeout_ms) {
            bad(
                "judge.timeout_ms",
                "must be between 100 and 60000 (it bounds how long a reply waits)".into(),
            );
        }
        if self.llm.context_tokens < 256 {
            bad("llm.context_tokens", "must be at least 256".into());
        }
        if self.agent.debounce_cap_ms < self.agent.debounce_ms {
            bad(
                "agent.debounce_cap_ms",
                "must be at least agent.debounce_ms".into(),
            );
        }
        if self.offers.floor_cents < self.fanvue.min_price_cents {
            bad(
                "offers.floor_cents",
                format!(
                    "must be at least fanvue.min_price_cents ({})",
                    self.fanvue.min_price_cents
                ),
            );
        }
        if self.offers.ceiling_cents < self.offers.floor_cents {
            bad(
                "offers.ceiling_cents",
                "must be at least offers.floor_cents".into(),
            );
        }
        if self.agent.max_jobs == 0 {
            bad("agent.max_jobs", "must be at least 1".into());
        }
        if self.agent.max_jobs_per_creator == 0 {
            bad("agent.max_jobs_per_creator", "must be at least 1".into());
        }
        if self.agent.reply_delay_max_ms < self.agent.reply_delay_min_ms {
            bad(
                "agent.reply_delay_max_ms",
                "must be at least agent.reply_delay_min_ms".into(),
            );
        }
        if self.agent.confirm_window_ms > 10_000 {
            bad(
                "agent.confirm_window_ms",
                "must be at most 10000 (a message goes out at most this early)".into(),
            );
        }
        if self.agent.llm_attempts == 0 {
            bad("agent.llm_attempts", "must be at least 1".into());
        }
        if self.agent.send_attempts == 0 {
            bad("agent.send_attempts", "must be at least 1".into());
        }
        if self.agent.rescan_secs == 0 {
            bad("agent.rescan_secs", "must be at least 1".into());
        }
        if self.poller.interval_secs == 0 {
            bad("poller.interval_secs", "must be at least 1".into());
        }
        if !(self.poller.budget_share > 0.0 && self.poller.budget_share <= 1.0) {
            bad("poller.budget_share", "must be in (0, 1]".into());
        }
        for (key, tpl) in [
            (
                "actions.welcome_subscriber",
                &self.actions.welcome_subscriber,
            ),
            ("actions.thank_tip", &self.actions.thank_tip),
        ] {
            if let Err(e) = minijinja::Environment::new().template_from_str(tpl) {
                bad(key, format!("not a valid template: {e}"));
            }
        }
        for (key, message) in self.holding_problems() {
            bad(&key, message);
        }
        for (handle, c) in &self.creators {
            if !is_valid_handle(handle) {
                bad(
                    &format!("creators.{handle}"),
                    "a handle may hold only letters, digits, `-`, `_` and `.`".into(),
                );
            }
            if let Some(t) = c.temperature {
                if !(0.0..=2.0).contains(&t) {
                    bad(
                        &format!("creators.{handle}.temperature"),
                        "must be between 0 and 2".into(),
                    );
                }
            }
            if c.utc_offset_minutes
                .is_some_and(|m| !(-14 * 60..=14 * 60).contains(&m))
            {
                bad(
                    &format!("creators.{handle}.utc_offset_minutes"),
                    "must be between -840 and 840".into(),
                );
            }
            let offers = self.creator_offers(handle);
            if offers.floor_cents < self.fanvue.min_price_cents
                || offers.ceiling_cents < offers.floor_cents
            {
                bad(
                    &format!("creators.{handle}.offers"),
                    format!(
                        "floor must be at least fanvue.min_price_cents ({}) and the ceiling at least the floor",
                        self.fanvue.min_price_cents
                    ),
                );
            }
            if c.quiet_hours_start.is_some_and(|h| h > 23)
                || c.quiet_hours_end.is_some_and(|h| h > 23)
            {
                bad(
                    &format!("creators.{handle}.quiet_hours_start"),
                    "hours are 0..23".into(),
                );
            }
            if let Some(t) = &c.followup_text {
                if let Err(e) = minijinja::Environment::new().template_from_str(t) {
                    bad(
                        &format!("creators.{handle}.followup_text"),
                        format!("not a valid template: {e}"),
                    );
                }
            }
            if c.max_tokens == Some(0) {
                bad(
                    &format!("creators.{handle}.max_tokens"),
                    "must be at least 1".into(),
                );
            }
            if let Some(n) = c.rate_limit_per_minute {
                if !(1..=10_000).contains(&n) {
                    bad(
                        &format!("creators.{handle}.rate_limit_per_minute"),
                        "must be between 1 and 10000".into(),
                    );
                }
            }
        }
        out
    }

    /// Problems of the holding replies: a removed key still set, a text for minors, a language
    /// nobody writes in. (Whether each text passes the draft guardrails is checked by
    /// `agent::holding::check_texts`, at `check-config`, `serve` and reload.)
    fn holding_problems(&self) -> Vec<(String, String)> {
        let moved = "was replaced by [guardrails.holding_replies]: one text per category (crisis, threat, meeting, dispute, custom_request, ai_question; never minor) and language; see config.toml";
        let mut out = vec![];
        if self.guardrails.holding_reply.is_some() {
            out.push(("guardrails.holding_reply".to_string(), moved.to_string()));
        }
        let g = &self.guardrails.holding_replies;
        let all: Vec<_> = crate::domain::HoldingCategory::ALL
            .iter()
            .map(|c| (*c, g.get(*c)))
            .collect();
        out.extend(holding::problems(
            "guardrails",
            &all,
            &self.guardrails.helplines,
        ));
        for (handle, c) in &self.creators {
            if c.holding_reply.is_some() {
                out.push((
                    format!("creators.{handle}.holding_reply"),
                    moved.to_string(),
                ));
            }
            let own = c.holding_replies.clone().unwrap_or_default();
            let set: Vec<_> = crate::domain::HoldingCategory::ALL
                .iter()
                .filter_map(|k| own.get(*k).map(|t| (*k, t)))
                .collect();
            out.extend(holding::problems(
                &format!("creators.{handle}"),
                &set,
                &c.helplines,
            ));
        }
        out
    }

    /// The OAuth redirect URI registered with Fanvue.
    pub fn redirect_uri(&self) -> String {
        format!(
            "{}/oauth/callback",
            self.daemon.public_url.trim_end_matches('/')
        )
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

    /// The LLM settings of one creator: per-creator overrides over `[llm]`.
    pub fn creator_llm(&self, handle: &str) -> CreatorLlm {
        let c = self.creators.get(handle).cloned().unwrap_or_default();
        CreatorLlm {
            model: c.model.unwrap_or_else(|| self.llm.model.clone()),
            temperature: c.temperature.unwrap_or(self.llm.temperature),
            max_tokens: c.max_tokens.unwrap_or(self.llm.max_tokens),
            timeout: std::time::Duration::from_secs(
                c.llm_timeout_secs.unwrap_or(self.llm.timeout_secs),
            ),
            context_tokens: self.llm.context_tokens,
            structured_output: c.structured_output.unwrap_or(self.llm.structured_output),
        }
    }

    /// The guardrails of one creator: per-creator settings over `[guardrails]`.
    pub fn creator_guardrails(&self, handle: &str) -> crate::agent::guardrails::Guardrails {
        let c = self.creators.get(handle).cloned().unwrap_or_default();
        let banned = self
            .guardrails
            .banned_words
            .iter()
            .chain(c.banned_words.iter())
            .map(|w| crate::agent::normalize::normalize(w).words)
            .filter(|w| !w.is_empty())
            .collect();
        crate::agent::guardrails::Guardrails {
            disclosure: c.disclosure.unwrap_or(self.guardrails.disclosure),
            banned_words: banned,
            custom_request_escalate_cents: c
                .custom_request_escalate_cents
                .unwrap_or(self.guardrails.custom_request_escalate_cents),
            allowed_links: self.guardrails.allowed_links.clone(),
        }
    }

    /// The holding replies and helplines of one creator: per-creator settings over the global ones.
    pub fn creator_holding(&self, handle: &str) -> CreatorHolding {
        let c = self.creators.get(handle);
        let own = c.map(|c| {
            (
                c.holding_replies.as_ref().cloned().unwrap_or_default(),
                c.helplines.clone(),
            )
        });
        CreatorHolding::resolve(
            &self.guardrails.holding_replies,
            &self.guardrails.helplines,
            own.as_ref().map(|(r, h)| (r, h)),
        )
    }

    /// How long an `approve` draft of one creator may wait; `None`: forever.
    pub fn creator_draft_ttl(&self, handle: &str) -> Option<std::time::Duration> {
        let secs = self
            .creators
            .get(handle)
            .and_then(|c| c.draft_ttl_secs)
            .unwrap_or(self.agent.draft_ttl_secs);
        (secs > 0).then(|| std::time::Duration::from_secs(secs))
    }

    /// `(text, quiet_hours_start, quiet_hours_end)` of follow-ups for one creator.
    pub fn creator_followup_text_and_hours(&self, handle: &str) -> (String, u32, u32) {
        let c = self.creators.get(handle);
        (
            c.and_then(|c| c.followup_text.clone())
                .unwrap_or_else(|| self.followup.text.clone()),
            c.and_then(|c| c.quiet_hours_start)
                .unwrap_or(self.followup.quiet_hours_start),
            c.and_then(|c| c.quiet_hours_end)
                .unwrap_or(self.followup.quiet_hours_end),
        )
    }

    /// `(enabled, after_secs)` of follow-ups for one creator.
    pub fn creator_followup(&self, handle: &str) -> (bool, u64) {
        let c = self.creators.get(handle);
        (
            c.and_then(|c| c.followup_enabled)
                .unwrap_or(self.followup.enabled),
            c.and_then(|c| c.followup_after_secs)
                .unwrap_or(self.followup.after_secs),
        )
    }

    /// The offer rules of one creator.
    pub fn creator_offers(&self, handle: &str) -> crate::agent::offers::OfferRules {
        let mut r = self.offers.clone();
        let Some(c) = self.creators.get(handle) else {
            return r;
        };
        if let Some(e) = c.offers_enabled {
            r.enabled = e;
        }
        if let Some(o) = &c.offers {
            r.min_fan_messages = o.min_fan_messages.unwrap_or(r.min_fan_messages);
            r.cooldown_secs = o.cooldown_secs.unwrap_or(r.cooldown_secs);
            r.max_per_day = o.max_per_day.unwrap_or(r.max_per_day);
            r.floor_cents = o.floor_cents.unwrap_or(r.floor_cents);
            r.ceiling_cents = o.ceiling_cents.unwrap_or(r.ceiling_cents);
            r.tier_multiplier_supporter = o
                .tier_multiplier_supporter
                .unwrap_or(r.tier_multiplier_supporter);
            r.tier_multiplier_top = o.tier_multiplier_top.unwrap_or(r.tier_multiplier_top);
        }
        r
    }

    pub fn creator_utc_offset(&self, handle: &str) -> i32 {
        self.creators
            .get(handle)
            .and_then(|c| c.utc_offset_minutes)
            .unwrap_or(0)
    }

    /// The persona folder of a creator (under `daemon.prompts_dir`).
    pub fn creator_persona(&self, handle: &str) -> String {
        self.creators
            .get(handle)
            .and_then(|c| c.persona.clone())
            .unwrap_or_else(|| handle.to_string())
    }

    /// The creator's mode: `creators.<h>.mode`, else `agent.mode`.
    pub fn creator_mode(&self, handle: &str) -> crate::domain::Mode {
        self.creators
            .get(handle)
            .and_then(|c| c.mode)
            .unwrap_or(self.agent.mode)
    }

    /// Whether the daemon answers this creator's fans (configured and not disabled).
    pub fn creator_enabled(&self, handle: &str) -> bool {
        self.creators
            .get(handle)
            .is_some_and(|c| c.enabled.unwrap_or(true))
    }

    pub fn creator_rate_limit(&self, handle: &str) -> u32 {
        self.creators
            .get(handle)
            .and_then(|c| c.rate_limit_per_minute)
            .unwrap_or(self.fanvue.rate_limit_per_minute)
    }
}

/// Effective LLM settings for one creator.
#[derive(Clone, Debug, PartialEq)]
pub struct CreatorLlm {
    pub model: String,
    pub temperature: f32,
    pub max_tokens: u32,
    pub timeout: std::time::Duration,
    pub context_tokens: u32,
    pub structured_output: bool,
}

pub fn is_valid_handle(h: &str) -> bool {
    !h.is_empty()
        && h.len() <= 64
        && h.chars()
            .all(|c| c.is_ascii_alphanumeric() || "-_.".contains(c))
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
    fn defaults_are_valid() {
        Jail::expect_with(|_| {
            Config::load(None).map_err(|e| e.to_string())?;
            Ok(())
        });
    }

    #[test]
    fn admin_listen_must_be_another_address_and_mode_a_known_one() {
        Jail::expect_with(|jail| {
            jail.create_file(
                "c.toml",
                "[daemon]\nlisten = \"127.0.0.1:8080\"\nadmin_listen = \"127.0.0.1:8080\"\n",
            )?;
            let e = Config::load(Some(Path::new("c.toml")))
                .unwrap_err()
                .to_string();
            assert!(e.contains("daemon.admin_listen"), "{e}");
            jail.create_file(
                "d.toml",
                "[daemon]\nadmin_listen = \"127.0.0.1:9090\"\n[creators.a]\nmode = \"approve\"\n",
            )?;
            let c = Config::load(Some(Path::new("d.toml"))).map_err(|e| e.to_string())?;
            assert_eq!(c.creator_mode("a"), crate::domain::Mode::Approve);
            assert_eq!(c.creator_mode("b"), crate::domain::Mode::Live);
            jail.create_file("e.toml", "[agent]\nmode = \"loud\"\n")?;
            assert!(Config::load(Some(Path::new("e.toml"))).is_err());
            Ok(())
        });
    }

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
    fn a_bad_value_is_reported_with_its_key_and_file() {
        Jail::expect_with(|jail| {
            jail.create_file(
                "bad.toml",
                "[daemon]\nlisten = \"not-an-addr\"\n[log]\nformat = \"xml\"\n",
            )?;
            let err = Config::load(Some(Path::new("bad.toml")))
                .unwrap_err()
                .to_string();
            assert!(err.contains("`daemon.listen`"), "{err}");
            assert!(err.contains("bad.toml"), "{err}");
            assert!(err.contains("`log.format`"), "{err}");
            Ok(())
        });
    }

    #[test]
    fn a_wrong_type_or_unknown_key_names_the_key() {
        Jail::expect_with(|jail| {
            jail.create_file("t.toml", "[fanvue]\nrate_limit_per_minute = \"lots\"\n")?;
            let err = Config::load(Some(Path::new("t.toml")))
                .unwrap_err()
                .to_string();
            assert!(err.contains("fanvue.rate_limit_per_minute"), "{err}");
            jail.create_file("u.toml", "[fanvue]\nrate_limt = 5\n")?;
            let err = Config::load(Some(Path::new("u.toml")))
                .unwrap_err()
                .to_string();
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
    fn a_creator_overrides_single_offer_keys_and_keeps_the_rest() {
        Jail::expect_with(|jail| {
            jail.create_file(
                "o.toml",
                "[offers]\ncooldown_secs = 600\n[creators.ana.offers]\nfloor_cents = 900\nceiling_cents = 3000\n[creators.bob.offers]\nfloor_cents = 100\n",
            )?;
            let err = Config::load(Some(Path::new("o.toml")))
                .unwrap_err()
                .to_string();
            assert!(err.contains("creators.bob.offers"), "{err}");
            jail.create_file(
                "o.toml",
                "[offers]\ncooldown_secs = 600\n[creators.ana.offers]\nfloor_cents = 900\nceiling_cents = 3000\n",
            )?;
            let c = Config::load(Some(Path::new("o.toml"))).map_err(|e| e.to_string())?;
            let ana = c.creator_offers("ana");
            assert_eq!(
                (ana.floor_cents, ana.ceiling_cents, ana.cooldown_secs),
                (900, 3000, 600)
            );
            assert_eq!(c.creator_offers("zed").floor_cents, 500);
            Ok(())
        });
    }

    #[test]
    fn holding_replies_load_per_category_language_and_creator_and_a_minor_text_is_refused() {
        use crate::domain::HoldingCategory as C;
        Jail::expect_with(|jail| {
            jail.create_file(
                "h.toml",
                "[agent]\ndraft_ttl_secs = 600\n[guardrails.holding_replies]\ndispute = \"Got it, I'll look.\"\n\
                 [guardrails.holding_replies.crisis]\nes = \"Lo siento.\"\n[guardrails.helplines]\nen = \"Call 988.\"\n\
                 [creators.ana]\ndraft_ttl_secs = 0\n[creators.ana.holding_replies]\nmeeting = \"I only chat here.\"\n\
                 [creators.ana.holding_replies.crisis]\nde = \"Das tut mir leid.\"\n[creators.bo]\n",
            )?;
            let c = Config::load(Some(Path::new("h.toml"))).map_err(|e| e.to_string())?;
            let (ana, bo) = (c.creator_holding("ana"), c.creator_holding("bo"));
            assert_eq!(
                bo.text(C::Crisis, Some("es")),
                "Lo siento.\n\n".to_string() + &c.guardrails.helplines["es"]
            );
            assert_eq!(
                bo.text(C::Crisis, Some("en")),
                format!("{}\n\nCall 988.", ana.replies.crisis.get(Some("en")))
            );
            assert!(
                bo.text(C::Crisis, Some("fr"))
                    .starts_with("Je suis vraiment triste"),
                "untouched languages keep their default"
            );
            assert_eq!(
                ana.text(C::Crisis, Some("de")).split("\n\n").next(),
                Some("Das tut mir leid.")
            );
            assert_eq!(
                (ana.text(C::Meeting, None), bo.text(C::Meeting, None)),
                ("I only chat here.".into(), String::new())
            );
            assert_eq!(ana.text(C::Dispute, Some("it")), "Got it, I'll look.");
            assert_eq!(c.creator_draft_ttl("ana"), None, "0: forever");
            assert_eq!(
                c.creator_draft_ttl("bo"),
                Some(std::time::Duration::from_secs(600))
            );
            jail.create_file("m.toml", "[creators.ana.holding_replies]\nminor = \"hi\"\n")?;
            let err = Config::load(Some(Path::new("m.toml")))
                .unwrap_err()
                .to_string();
            assert!(
                err.contains("creators.ana.holding_replies.minor") && err.contains("under 18"),
                "{err}"
            );
            jail.create_file("o.toml", "[guardrails]\nholding_reply = \"brb\"\n")?;
            let err = Config::load(Some(Path::new("o.toml")))
                .unwrap_err()
                .to_string();
            assert!(
                err.contains("`guardrails.holding_reply` (in")
                    && err.contains("replaced by [guardrails.holding_replies]"),
                "{err}"
            );
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

/// The configuration in force, replaced as a whole on reload (SIGHUP). Readers take a snapshot
/// with [`LiveConfig::get`]; a reload never changes a snapshot already taken.
#[derive(Clone, Debug)]
pub struct LiveConfig(Arc<std::sync::RwLock<Arc<Config>>>);

impl LiveConfig {
    pub fn new(cfg: Arc<Config>) -> LiveConfig {
        LiveConfig(Arc::new(std::sync::RwLock::new(cfg)))
    }

    /// The configuration now.
    pub fn get(&self) -> Arc<Config> {
        self.0.read().unwrap_or_else(|e| e.into_inner()).clone()
    }

    pub fn set(&self, cfg: Arc<Config>) {
        *self.0.write().unwrap_or_else(|e| e.into_inner()) = cfg;
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
