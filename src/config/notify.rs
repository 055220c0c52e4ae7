//! `[notify]`: operator notification channels (generic signed webhook, Slack, Discord, Telegram,
//! email), which creators' events each gets, the rate cap, retries and the optional daily summary;
//! validated here with errors that name the key.

use super::Secret;
use crate::domain::{Notice, NoticeKind};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// Telegram's Bot API, unless a channel says otherwise.
pub const TELEGRAM_API: &str = "https://api.telegram.org";

#[derive(Clone, Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct NotifyConfig {
    /// Messages per channel per minute; past it, what waits goes out as one digest.
    pub max_per_minute: u32,
    /// Longest wait between two delivery attempts (the waits double from 1 s, with jitter).
    pub retry_max_secs: u64,
    /// Seconds one delivery attempt may take.
    pub timeout_secs: u64,
    /// Notify when the LLM has failed every call for this long (once per outage).
    pub llm_down_after_secs: u64,
    /// Also notify when it answers again after a notified outage.
    pub llm_recovered: bool,
    /// `HH:MM`: a summary of the last 24 hours once a day at this local time; "" turns it off.
    pub daily_summary_at: String,
    /// The summary's time zone, as minutes from UTC.
    pub summary_utc_offset_minutes: i32,
    pub channels: Vec<ChannelConfig>,
}

impl Default for NotifyConfig {
    fn default() -> Self {
        NotifyConfig {
            max_per_minute: 6,
            retry_max_secs: 300,
            timeout_secs: 10,
            llm_down_after_secs: 600,
            llm_recovered: true,
            daily_summary_at: String::new(),
            summary_utc_offset_minutes: 0,
            channels: vec![],
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ChannelKind {
    /// JSON POST signed like Fanvue's webhooks (`X-Fanvue-Agent-Signature: t=…,v1=…`).
    Webhook,
    /// A Slack incoming webhook (`{"text": …}`).
    Slack,
    /// A Discord webhook (`{"content": …}`).
    Discord,
    /// Telegram Bot API `sendMessage`.
    Telegram,
    /// SMTP (lettre).
    Email,
}

impl ChannelKind {
    pub fn as_str(self) -> &'static str {
        match self {
            ChannelKind::Webhook => "webhook",
            ChannelKind::Slack => "slack",
            ChannelKind::Discord => "discord",
            ChannelKind::Telegram => "telegram",
            ChannelKind::Email => "email",
        }
    }
}

/// How the SMTP connection is protected.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SmtpTls {
    /// Plain connection upgraded with STARTTLS (required), port 587 by default.
    #[default]
    Starttls,
    /// TLS from the first byte (SMTPS), port 465 by default.
    Tls,
    /// No encryption (a relay on this machine), port 25 by default.
    None,
}

/// One `[[notify.channels]]` entry. Keys of other kinds must stay unset.
#[derive(Clone, Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ChannelConfig {
    /// Names it in `creators.<h>.notify`, metrics, logs and credential files.
    pub name: String,
    pub kind: ChannelKind,
    /// The creators whose events it gets. Empty, and named in no creator's `notify`: every
    /// creator's (an agency-wide channel).
    #[serde(default)]
    pub creators: Vec<String>,
    /// The event kinds it gets (escalation, draft, reconnect, llm_down, llm_up, send_failed,
    /// summary); empty: all of them.
    #[serde(default)]
    pub events: Vec<String>,
    /// Overrides `notify.max_per_minute` for this channel.
    #[serde(default)]
    pub max_per_minute: Option<u32>,
    /// webhook, slack, discord: where to POST. A secret (Slack and Discord URLs are credentials).
    #[serde(default)]
    pub url: Secret,
    /// webhook: the signing secret.
    #[serde(default)]
    pub secret: Secret,
    /// telegram: the bot's token (a secret), the chat to write to, the API's address.
    #[serde(default)]
    pub bot_token: Secret,
    #[serde(default)]
    pub chat_id: String,
    #[serde(default)]
    pub api_base: Option<String>,
    /// email: the SMTP server, its port (587 starttls, 465 tls, 25 none unless set), how it is
    /// protected, the login, sender and recipients.
    #[serde(default)]
    pub smtp_host: String,
    #[serde(default)]
    pub smtp_port: Option<u16>,
    #[serde(default)]
    pub tls: Option<SmtpTls>,
    #[serde(default)]
    pub username: String,
    #[serde(default)]
    pub password: Secret,
    #[serde(default)]
    pub from: String,
    #[serde(default)]
    pub to: Vec<String>,
}

impl ChannelConfig {
    /// A channel with only its name and kind set (the rest to fill in).
    pub fn new(name: &str, kind: ChannelKind) -> ChannelConfig {
        ChannelConfig {
            name: name.into(),
            kind,
            creators: vec![],
            events: vec![],
            max_per_minute: None,
            url: Secret::default(),
            secret: Secret::default(),
            bot_token: Secret::default(),
            chat_id: String::new(),
            api_base: None,
            smtp_host: String::new(),
            smtp_port: None,
            tls: None,
            username: String::new(),
            password: Secret::default(),
            from: String::new(),
            to: vec![],
        }
    }

    /// The SMTP port: as set, else the usual one for `tls`.
    pub fn port(&self) -> u16 {
        self.smtp_port
            .unwrap_or(match self.tls.unwrap_or_default() {
                SmtpTls::Starttls => 587,
                SmtpTls::Tls => 465,
                SmtpTls::None => 25,
            })
    }

    /// Telegram's API address.
    pub fn telegram_api(&self) -> &str {
        self.api_base.as_deref().unwrap_or(TELEGRAM_API)
    }

    /// Whether it takes notices of `kind`.
    pub fn wants(&self, kind: NoticeKind) -> bool {
        kind == NoticeKind::Test
            || self.events.is_empty()
            || self.events.iter().any(|e| e == kind.as_str())
    }

    /// Its secrets by key, for systemd credentials (`notify_<name>_<key>`).
    fn secrets_mut(&mut self) -> [(&'static str, &mut Secret); 4] {
        [
            ("url", &mut self.url),
            ("secret", &mut self.secret),
            ("bot_token", &mut self.bot_token),
            ("password", &mut self.password),
        ]
    }
}

impl NotifyConfig {
    /// The channels a notice goes to: for an event of creator C, the agency-wide channels and
    /// those that name C (in `creators`, or in `creators.C.notify`); for an event of no creator
    /// (LLM, summary), every channel. Always filtered by each channel's `events`.
    pub fn route<'a>(
        &'a self,
        notice: &Notice,
        creator_notify: &'a BTreeMap<String, Vec<String>>,
    ) -> Vec<&'a ChannelConfig> {
        self.channels
            .iter()
            .filter(|c| c.wants(notice.kind))
            .filter(|c| match &notice.creator {
                None => true,
                Some(h) => self.covers(c, h, creator_notify),
            })
            .collect()
    }

    /// Whether channel `c` gets creator `handle`'s events.
    pub fn covers(
        &self,
        c: &ChannelConfig,
        handle: &str,
        creator_notify: &BTreeMap<String, Vec<String>>,
    ) -> bool {
        let named = |h: &str| creator_notify.get(h).is_some_and(|n| n.contains(&c.name));
        let agency = c.creators.is_empty() && !creator_notify.keys().any(|h| named(h));
        agency || c.creators.iter().any(|h| h == handle) || named(handle)
    }

    /// The rate cap of one channel.
    pub fn cap(&self, c: &ChannelConfig) -> u32 {
        c.max_per_minute.unwrap_or(self.max_per_minute)
    }

    /// The daily summary's local time as (hour, minute), when it is on.
    pub fn summary_time(&self) -> Option<(u32, u32)> {
        parse_hh_mm(&self.daily_summary_at)
    }

    /// Fills unset channel secrets from systemd credentials named `notify_<channel>_<key>`.
    pub fn apply_credentials(&mut self, dir: &std::path::Path) -> Result<(), String> {
        for c in &mut self.channels {
            let name = c.name.clone();
            for (key, secret) in c.secrets_mut() {
                let file = dir.join(format!("notify_{name}_{key}"));
                if !secret.is_empty() || !file.exists() {
                    continue;
                }
                let v = std::fs::read_to_string(&file)
                    .map_err(|e| format!("credential {}: cannot read: {e}", file.display()))?;
                *secret = Secret::new(v.trim().to_string());
            }
        }
        Ok(())
    }
}

fn parse_hh_mm(s: &str) -> Option<(u32, u32)> {
    let (h, m) = s.trim().split_once(':')?;
    let (h, m) = (h.parse::<u32>().ok()?, m.parse::<u32>().ok()?);
    (h < 24 && m < 60).then_some((h, m))
}

/// Everything wrong with `[notify]` and the creators' `notify` lists, as (key, message).
pub fn problems(
    n: &NotifyConfig,
    creators: &BTreeMap<String, Vec<String>>,
) -> Vec<(String, String)> {
    let mut out = Vec::new();
    let mut bad = |k: String, m: &str| out.push((k, m.to_string()));
    if n.max_per_minute == 0 {
        bad("notify.max_per_minute".into(), "must be at least 1");
    }
    if n.retry_max_secs == 0 {
        bad("notify.retry_max_secs".into(), "must be at least 1");
    }
    if !(1..=120).contains(&n.timeout_secs) {
        bad("notify.timeout_secs".into(), "must be between 1 and 120");
    }
    if !n.daily_summary_at.is_empty() && n.summary_time().is_none() {
        bad(
            "notify.daily_summary_at".into(),
            "must be \"HH:MM\" (e.g. \"08:30\") or \"\" (off)",
        );
    }
    if !(-14 * 60..=14 * 60).contains(&n.summary_utc_offset_minutes) {
        bad(
            "notify.summary_utc_offset_minutes".into(),
            "must be between -840 and 840",
        );
    }
    let mut seen = std::collections::HashSet::new();
    for (i, c) in n.channels.iter().enumerate() {
        let key = |k: &str| format!("notify.channels[{i}].{k}");
        if !super::is_valid_handle(&c.name) {
            bad(
                key("name"),
                "a channel needs a name of letters, digits, `-`, `_` and `.`",
            );
        } else if !seen.insert(c.name.clone()) {
            bad(key("name"), &format!("`{}` names two channels", c.name));
        }
        for h in &c.creators {
            if !creators.contains_key(h) {
                bad(
                    key("creators"),
                    &format!("`{h}` is not a configured creator ([creators.{h}])"),
                );
            }
        }
        for e in &c.events {
            if NoticeKind::parse(e).is_none() {
                let all: Vec<&str> = NoticeKind::ROUTED.iter().map(|k| k.as_str()).collect();
                bad(
                    key("events"),
                    &format!("`{e}` is not one of {}", all.join(", ")),
                );
            }
        }
        if c.max_per_minute == Some(0) {
            bad(key("max_per_minute"), "must be at least 1");
        }
        for (k, m) in kind_problems(c) {
            bad(
                key(k),
                &format!("{m} (channel `{}`, {})", c.name, c.kind.as_str()),
            );
        }
    }
    for (h, names) in creators {
        for name in names {
            if !n.channels.iter().any(|c| &c.name == name) {
                bad(
                    format!("creators.{h}.notify"),
                    &format!("`{name}` is not a [[notify.channels]] name"),
                );
            }
        }
    }
    out
}

/// What a channel of its kind lacks or has that belongs to another kind.
fn kind_problems(c: &ChannelConfig) -> Vec<(&'static str, String)> {
    let mut out = vec![];
    let secret_hint = |k: &str| {
        format!(
            "not set: put it here or in the systemd credential `notify_{}_{k}`",
            c.name
        )
    };
    let http = |u: &str| matches!(url::Url::parse(u), Ok(u) if u.scheme() == "http" || u.scheme() == "https");
    let uses_url = matches!(
        c.kind,
        ChannelKind::Webhook | ChannelKind::Slack | ChannelKind::Discord
    );
    if uses_url && c.url.is_empty() {
        out.push(("url", secret_hint("url")));
    } else if uses_url && !http(c.url.expose()) {
        out.push(("url", "is not an http(s) URL".to_string()));
    }
    if c.kind == ChannelKind::Webhook && c.secret.is_empty() {
        out.push(("secret", secret_hint("secret")));
    }
    if c.kind == ChannelKind::Telegram {
        if c.bot_token.is_empty() {
            out.push(("bot_token", secret_hint("bot_token")));
        }
        if c.chat_id.trim().is_empty() {
            out.push((
                "chat_id",
                "not set: the chat's id (e.g. -1001234567890) or @channel".into(),
            ));
        }
        if !http(c.telegram_api()) {
            out.push(("api_base", "is not an http(s) URL".into()));
        }
    }
    if c.kind == ChannelKind::Email {
        out.extend(email_problems(c));
    }
    out.extend(
        foreign_keys(c)
            .into_iter()
            .map(|k| (k, "is not a key of this kind of channel".into())),
    );
    out
}

fn email_problems(c: &ChannelConfig) -> Vec<(&'static str, String)> {
    let mut out = vec![];
    if c.smtp_host.trim().is_empty() {
        out.push(("smtp_host", "not set: the SMTP server's name".to_string()));
    }
    if c.from.parse::<lettre::message::Mailbox>().is_err() {
        out.push((
            "from",
            format!(
                "`{}` is not an address like \"fanvue-agent <agent@example.com>\"",
                c.from
            ),
        ));
    }
    if c.to.is_empty() {
        out.push(("to", "not set: at least one recipient".to_string()));
    }
    for t in &c.to {
        if t.parse::<lettre::message::Mailbox>().is_err() {
            out.push(("to", format!("`{t}` is not an email address")));
        }
    }
    if !c.username.is_empty() && c.password.is_empty() {
        out.push(("password", format!("not set while username is: put it here or in the systemd credential `notify_{}_password`", c.name)));
    }
    out
}

/// Keys set on a channel that its kind does not use (a likely mistake, e.g. a Slack `chat_id`).
fn foreign_keys(c: &ChannelConfig) -> Vec<&'static str> {
    let set: [(&'static str, bool, &[ChannelKind]); 11] = {
        use ChannelKind::*;
        [
            ("url", !c.url.is_empty(), &[Webhook, Slack, Discord]),
            ("secret", !c.secret.is_empty(), &[Webhook]),
            ("bot_token", !c.bot_token.is_empty(), &[Telegram]),
            ("chat_id", !c.chat_id.is_empty(), &[Telegram]),
            ("api_base", c.api_base.is_some(), &[Telegram]),
            ("smtp_host", !c.smtp_host.is_empty(), &[Email]),
            ("smtp_port", c.smtp_port.is_some(), &[Email]),
            ("tls", c.tls.is_some(), &[Email]),
            ("username", !c.username.is_empty(), &[Email]),
            ("from", !c.from.is_empty(), &[Email]),
            ("to", !c.to.is_empty(), &[Email]),
        ]
    };
    let mut out: Vec<&'static str> = set
        .into_iter()
        .filter(|(_, is_set, kinds)| *is_set && !kinds.contains(&c.kind))
        .map(|(k, _, _)| k)
        .collect();
    if !c.password.is_empty() && c.kind != ChannelKind::Email {
        out.push("password");
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn channel(name: &str, kind: ChannelKind) -> ChannelConfig {
        ChannelConfig {
            url: Secret::new("https://hooks.example.com/x"),
            ..ChannelConfig::new(name, kind)
        }
    }

    #[test]
    fn a_channel_named_by_no_creator_is_agency_wide_and_a_named_one_gets_only_its_creators() {
        let mut n = NotifyConfig {
            channels: vec![
                channel("ops", ChannelKind::Slack),
                channel("alice-only", ChannelKind::Discord),
                channel("bob-only", ChannelKind::Slack),
            ],
            ..Default::default()
        };
        n.channels[2].creators = vec!["bob".into()];
        n.channels[0].events = vec!["escalation".into()];
        let notify: BTreeMap<String, Vec<String>> =
            [("alice".to_string(), vec!["alice-only".to_string()])].into();
        let names = |notice: &Notice| -> Vec<String> {
            n.route(notice, &notify)
                .iter()
                .map(|c| c.name.clone())
                .collect()
        };
        let esc = |c: &str| Notice::escalation(c, "f", "r", None, None, false, 0);
        assert_eq!(names(&esc("alice")), ["ops", "alice-only"]);
        assert_eq!(names(&esc("bob")), ["ops", "bob-only"]);
        assert_eq!(names(&esc("carol")), ["ops"]);
        assert_eq!(
            names(&Notice::llm_down(0, "down", 0)),
            ["alice-only", "bob-only"],
            "no creator: every channel that takes llm_down"
        );
    }

    #[test]
    fn each_kind_names_what_it_lacks_and_what_does_not_belong_to_it() {
        let mut tg = channel("tg", ChannelKind::Telegram);
        tg.api_base = Some("ftp://x".into());
        let mut mail = channel("mail", ChannelKind::Email);
        mail.url = Secret::default();
        mail.from = "not an address".into();
        mail.username = "ops".into();
        let n = NotifyConfig {
            channels: vec![tg, mail, channel("tg", ChannelKind::Webhook)],
            ..Default::default()
        };
        let creators: BTreeMap<String, Vec<String>> =
            [("alice".to_string(), vec!["nope".to_string()])].into();
        let keys: Vec<String> = problems(&n, &creators)
            .into_iter()
            .map(|(k, _)| k)
            .collect();
        for k in [
            "notify.channels[0].bot_token",
            "notify.channels[0].chat_id",
            "notify.channels[0].api_base",
            "notify.channels[0].url",
            "notify.channels[1].smtp_host",
            "notify.channels[1].from",
            "notify.channels[1].to",
            "notify.channels[1].password",
            "notify.channels[2].name",
            "notify.channels[2].secret",
            "creators.alice.notify",
        ] {
            assert!(keys.iter().any(|x| x == k), "{k} missing from {keys:?}");
        }
        assert_eq!(parse_hh_mm("08:30"), Some((8, 30)));
        assert_eq!(parse_hh_mm("24:00"), None);
    }

    #[test]
    #[allow(clippy::result_large_err)] // figment::Jail's closures return figment::Error
    fn check_config_names_the_channel_key_and_its_file_and_takes_secrets_from_credentials() {
        figment::Jail::expect_with(|jail| {
            let err = crate::config::testing::load_error(
                jail,
                "c.toml",
                "[[notify.channels]]\nname = \"ops\"\nkind = \"telegram\"\nchat_id = \"-1\"\n\
                 [creators.alice]\nnotify = [\"ops\", \"nope\"]\n",
            )?;
            assert!(err.contains("`notify.channels[0].bot_token` (in "), "{err}");
            assert!(err.contains("c.toml"), "{err}");
            assert!(err.contains("notify_ops_bot_token"), "{err}");
            assert!(
                err.contains("`creators.alice.notify`") && err.contains("`nope`"),
                "{err}"
            );
            jail.create_file(
                "c.toml",
                "[[notify.channels]]\nname = \"ops\"\nkind = \"telegram\"\nchat_id = \"-1\"\n",
            )?;
            let creds = jail.directory().join("creds");
            std::fs::create_dir(&creds).unwrap();
            std::fs::write(creds.join("notify_ops_bot_token"), "42:from-credential\n").unwrap();
            jail.set_env("CREDENTIALS_DIRECTORY", creds.display());
            let c = crate::config::Config::load(Some(std::path::Path::new("c.toml")))
                .map_err(|e| e.to_string())?;
            assert_eq!(
                c.notify.channels[0].bot_token.expose(),
                "42:from-credential"
            );
            assert!(!c.to_redacted_toml().contains("from-credential"));
            Ok(())
        });
    }
}
