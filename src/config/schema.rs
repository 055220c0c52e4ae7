//! The configuration's shape: one serde type per `config.toml` section, each key documented where
//! it is declared. Unknown keys are refused (`deny_unknown_fields`) so a typo is an error, not a
//! silently ignored setting.

use super::{CreatorHoldingReplies, HoldingReplies, NotifyConfig, Secret};
use serde::{Deserialize, Serialize};
use std::{collections::BTreeMap, path::PathBuf};

/// The whole configuration; its defaults are in `defaults.rs`.
#[derive(Clone, Debug, Default, Serialize, Deserialize)]
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
    pub offers: super::OfferRules,
    /// Real fan value from Fanvue's insights.
    pub fan_value: super::FanValueSettings,
    pub followup: FollowupConfig,
    /// When the AI answers (every creator's, unless a creator has its own).
    pub active_hours: super::ActiveHoursConfig,
    /// Welcome, win-back and follow-up messages on a schedule (see `sequences`).
    pub sequences: super::SequencesConfig,
    /// The model-written summary of each fan.
    pub memory: MemoryConfig,
    /// Operator notifications: channels, routing, rate cap, retries, daily summary.
    pub notify: NotifyConfig,
    /// The web console (off until `console.listen` is set).
    pub console: super::ConsoleConfig,
    /// Money: LLM prices per model, the tip attribution window.
    pub money: super::MoneyConfig,
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

#[derive(Clone, Debug, Default, Serialize, Deserialize)]
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
    pub disclosure: super::Disclosure,
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
    pub negotiate: Option<bool>,
    pub negotiate_max_steps: Option<u32>,
    pub negotiate_step_percent: Option<u32>,
    pub negotiate_floor_percent: Option<u32>,
    pub vault_folders: Option<Vec<String>>,
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

/// A short summary of each fan written by the model from their chat (beside the facts the rules
/// extract), refreshed in the background, never on the way to a reply.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MemoryConfig {
    /// Write or refresh a fan's summary once they wrote this many messages since the last one;
    /// 0 turns summaries off.
    pub summary_every: u32,
    /// The longest summary kept, in characters (a longer answer is cut at a sentence).
    pub summary_max_chars: u32,
    /// How often the chats are checked for summaries due, in seconds.
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
    pub disclosure: Option<super::Disclosure>,
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
    /// Overrides `sequences.enabled`.
    pub sequences_enabled: Option<bool>,
    /// Replaces `[active_hours]` for this creator (`[creators.<h>.active_hours]`).
    pub active_hours: Option<super::ActiveHoursConfig>,
    /// `[[notify.channels]]` names that get this creator's events (besides agency-wide ones).
    pub notify: Vec<String>,
    /// Overrides `money.tip_window_secs`.
    pub tip_window_secs: Option<u64>,
    /// Prices of models over `[money.prices]` (`[creators.<h>.prices.<model>]`).
    pub prices: BTreeMap<String, super::ModelPrice>,
    /// A persona A/B test (`[creators.<h>.experiment]`).
    pub experiment: Option<super::ExperimentConfig>,
}

impl Config {
    /// The OAuth redirect URI registered with Fanvue.
    pub fn redirect_uri(&self) -> String {
        format!(
            "{}/oauth/callback",
            self.daemon.public_url.trim_end_matches('/')
        )
    }
}
