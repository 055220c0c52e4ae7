//! Validation: every key checked once after loading, one named check per section. A check
//! reports `(key, message)` pairs; the loader adds where each key's value came from.

use super::{holding, Config, CreatorConfig, ADMIN_ON_LISTEN};
use std::net::SocketAddr;

/// Whether `h` can be a creator's handle (it names config sections, folders and metric labels).
pub fn is_valid_handle(h: &str) -> bool {
    !h.is_empty()
        && h.len() <= 64
        && h.chars()
            .all(|c| c.is_ascii_alphanumeric() || "-_.".contains(c))
}

/// Problems found so far, as `(key, message)`.
#[derive(Default)]
struct Found(Vec<(String, String)>);

impl Found {
    fn bad(&mut self, key: impl Into<String>, message: impl Into<String>) {
        self.0.push((key.into(), message.into()));
    }

    /// Reports `message` on `key` unless `ok`.
    fn require(&mut self, ok: bool, key: impl Into<String>, message: impl Into<String>) {
        if !ok {
            self.bad(key, message);
        }
    }
}

/// One section's check. They run in this order, which is the order problems are listed in.
type Check = fn(&Config, &mut Found);

const CHECKS: &[Check] = &[
    daemon_addresses,
    urls,
    log,
    fanvue,
    intake_limits,
    security,
    models,
    debounce,
    offers,
    agent_limits,
    poller,
    actions,
    holding_replies,
    active_hours,
    sequences,
    creators,
    console,
    memory,
    money,
];

impl Config {
    /// Every invalid key of this config (notification channels are checked by `notify`).
    pub(super) fn problems(&self) -> Vec<(String, String)> {
        let mut found = Found::default();
        for check in CHECKS {
            check(self, &mut found);
        }
        found.0
    }
}

fn daemon_addresses(c: &Config, found: &mut Found) {
    let d = &c.daemon;
    let admin_ok = matches!(d.admin_listen.as_str(), "" | ADMIN_ON_LISTEN)
        || (d.admin_listen.parse::<SocketAddr>().is_ok() && d.admin_listen != d.listen);
    found.require(
        admin_ok,
        "daemon.admin_listen",
        format!(
            "`{}` is not an address like 127.0.0.1:9464 different from daemon.listen (or `public`: serve health and metrics on daemon.listen too)",
            d.admin_listen
        ),
    );
    found.require(
        d.listen.parse::<SocketAddr>().is_ok(),
        "daemon.listen",
        format!("`{}` is not an address like 127.0.0.1:8080", d.listen),
    );
}

/// The console's keys (its own file checks them), its address apart from the daemon's others.
fn console(c: &Config, found: &mut Found) {
    let admin = c.daemon.admin_address().unwrap_or_default();
    for (key, message) in c.console.problems(&[c.daemon.listen.as_str(), admin]) {
        found.bad(key, message);
    }
}

fn urls(c: &Config, found: &mut Found) {
    for (key, val) in [
        ("daemon.public_url", &c.daemon.public_url),
        ("fanvue.api_base", &c.fanvue.api_base),
        ("fanvue.authorize_url", &c.fanvue.authorize_url),
        ("fanvue.token_url", &c.fanvue.token_url),
        ("llm.base_url", &c.llm.base_url),
        ("judge.base_url", &c.judge.base_url),
    ] {
        let http =
            url::Url::parse(val).is_ok_and(|u| u.scheme() == "http" || u.scheme() == "https");
        found.require(http, key, format!("`{val}` is not an http(s) URL"));
    }
}

fn log(c: &Config, found: &mut Found) {
    found.require(
        ["auto", "pretty", "json"].contains(&c.log.format.as_str()),
        "log.format",
        format!("`{}` must be one of auto, pretty, json", c.log.format),
    );
    found.require(
        tracing_subscriber::EnvFilter::try_new(&c.log.level).is_ok(),
        "log.level",
        format!("`{}` is not a valid tracing filter", c.log.level),
    );
}

fn fanvue(c: &Config, found: &mut Found) {
    let f = &c.fanvue;
    found.require(
        !f.api_version.trim().is_empty(),
        "fanvue.api_version",
        "must not be empty",
    );
    found.require(
        (1..=10_000).contains(&f.rate_limit_per_minute),
        "fanvue.rate_limit_per_minute",
        "must be between 1 and 10000",
    );
    found.require(
        f.min_price_cents >= 1,
        "fanvue.min_price_cents",
        "must be at least 1 cent",
    );
    found.require(
        f.request_timeout_secs > 0,
        "fanvue.request_timeout_secs",
        "must be at least 1",
    );
    for s in ["openid", "offline_access"] {
        found.require(
            f.scopes.iter().any(|x| x == s),
            "fanvue.scopes",
            format!("must include `{s}` (Fanvue requires it for refresh tokens)"),
        );
    }
}

/// What the HTTP side accepts at once: body sizes and connections.
fn intake_limits(c: &Config, found: &mut Found) {
    let w = &c.webhook;
    found.require(
        w.max_body_bytes >= 1024,
        "webhook.max_body_bytes",
        "must be at least 1024",
    );
    found.require(
        w.max_buffered_bytes >= w.max_body_bytes && w.max_buffered_bytes <= u32::MAX as usize,
        "webhook.max_buffered_bytes",
        "must be at least webhook.max_body_bytes and under 4 GiB",
    );
    found.require(
        c.daemon.max_connections > 0,
        "daemon.max_connections",
        "must be at least 1",
    );
}

fn security(c: &Config, found: &mut Found) {
    let key = &c.security.token_key;
    if key.is_empty() {
        return;
    }
    if let Err(e) = crate::crypto::TokenCipher::from_base64(key.expose()) {
        found.bad("security.token_key", e.to_string());
    }
}

/// The reply model (`[llm]`) and the safety judge (`[judge]`).
fn models(c: &Config, found: &mut Found) {
    found.require(
        (0.0..=2.0).contains(&c.llm.temperature),
        "llm.temperature",
        "must be between 0 and 2",
    );
    found.require(c.llm.max_tokens > 0, "llm.max_tokens", "must be at least 1");
    found.require(
        (0.0..=1.0).contains(&c.judge.min_confidence),
        "judge.min_confidence",
        "must be between 0 and 1",
    );
    found.require(
        (100..=60_000).contains(&c.judge.timeout_ms),
        "judge.timeout_ms",
        "must be between 100 and 60000 (it bounds how long a reply waits)",
    );
    found.require(
        c.llm.context_tokens >= 256,
        "llm.context_tokens",
        "must be at least 256",
    );
}

fn debounce(c: &Config, found: &mut Found) {
    found.require(
        c.agent.debounce_cap_ms >= c.agent.debounce_ms,
        "agent.debounce_cap_ms",
        "must be at least agent.debounce_ms",
    );
}

fn offers(c: &Config, found: &mut Found) {
    found.require(
        c.offers.floor_cents >= c.fanvue.min_price_cents,
        "offers.floor_cents",
        format!(
            "must be at least fanvue.min_price_cents ({})",
            c.fanvue.min_price_cents
        ),
    );
    found.require(
        c.offers.ceiling_cents >= c.offers.floor_cents,
        "offers.ceiling_cents",
        "must be at least offers.floor_cents",
    );
    negotiation(&c.offers, "offers", found);
    found.require(
        c.fan_value.ttl_secs >= 60,
        "fan_value.ttl_secs",
        "must be at least 60 (insights cost a call each read)",
    );
}

/// The negotiation keys of `rules` (`at`: the section they were read from).
fn negotiation(rules: &super::OfferRules, at: &str, found: &mut Found) {
    found.require(
        rules.negotiate_max_steps <= 10,
        format!("{at}.negotiate_max_steps"),
        "must be at most 10",
    );
    found.require(
        (1..=50).contains(&rules.negotiate_step_percent),
        format!("{at}.negotiate_step_percent"),
        "must be between 1 and 50",
    );
    found.require(
        (1..=100).contains(&rules.negotiate_floor_percent),
        format!("{at}.negotiate_floor_percent"),
        "must be between 1 and 100",
    );
}

fn agent_limits(c: &Config, found: &mut Found) {
    let a = &c.agent;
    found.require(a.max_jobs > 0, "agent.max_jobs", "must be at least 1");
    found.require(
        a.max_jobs_per_creator > 0,
        "agent.max_jobs_per_creator",
        "must be at least 1",
    );
    found.require(
        a.reply_delay_max_ms >= a.reply_delay_min_ms,
        "agent.reply_delay_max_ms",
        "must be at least agent.reply_delay_min_ms",
    );
    found.require(
        a.confirm_window_ms <= 10_000,
        "agent.confirm_window_ms",
        "must be at most 10000 (a message goes out at most this early)",
    );
    for (key, n) in [
        ("agent.llm_attempts", a.llm_attempts),
        ("agent.send_attempts", a.send_attempts),
    ] {
        found.require(n > 0, key, "must be at least 1");
    }
    found.require(a.rescan_secs > 0, "agent.rescan_secs", "must be at least 1");
}

fn poller(c: &Config, found: &mut Found) {
    found.require(
        c.poller.interval_secs > 0,
        "poller.interval_secs",
        "must be at least 1",
    );
    found.require(
        c.poller.budget_share > 0.0 && c.poller.budget_share <= 1.0,
        "poller.budget_share",
        "must be in (0, 1]",
    );
}

fn actions(c: &Config, found: &mut Found) {
    for (key, tpl) in [
        ("actions.welcome_subscriber", &c.actions.welcome_subscriber),
        ("actions.thank_tip", &c.actions.thank_tip),
    ] {
        if let Some(e) = template_error(tpl) {
            found.bad(key, e);
        }
    }
}

/// The global active hours parse (a creator's own are checked with its keys).
fn active_hours(c: &Config, found: &mut Found) {
    if let Err(e) = super::ActiveHours::parse(&c.active_hours) {
        found.bad("active_hours", e);
    }
}

fn sequences(c: &Config, found: &mut Found) {
    for (k, m) in super::sequences::problems(&c.sequences, template_error) {
        found.bad(k, m);
    }
}

/// `Some("not a valid template: ...")` when `tpl` does not compile.
fn template_error(tpl: &str) -> Option<String> {
    minijinja::Environment::new()
        .template_from_str(tpl)
        .err()
        .map(|e| format!("not a valid template: {e}"))
}

/// Problems of the holding replies: a removed key still set, a text for minors, a language
/// nobody writes in. (Whether each text passes the draft guardrails is checked by
/// `agent::holding::check_texts`, at `check-config`, `serve` and reload.)
fn holding_replies(c: &Config, found: &mut Found) {
    let moved = "was replaced by [guardrails.holding_replies]: one text per category (crisis, threat, meeting, dispute, custom_request, ai_question; never minor) and language; see config.toml";
    if c.guardrails.holding_reply.is_some() {
        found.bad("guardrails.holding_reply", moved);
    }
    let g = &c.guardrails.holding_replies;
    let all: Vec<_> = crate::domain::HoldingCategory::ALL
        .iter()
        .map(|k| (*k, g.get(*k)))
        .collect();
    found.0.extend(holding::problems(
        "guardrails",
        &all,
        &c.guardrails.helplines,
    ));
    for (handle, creator) in &c.creators {
        if creator.holding_reply.is_some() {
            found.bad(format!("creators.{handle}.holding_reply"), moved);
        }
        let own = creator.holding_replies.clone().unwrap_or_default();
        let set: Vec<_> = crate::domain::HoldingCategory::ALL
            .iter()
            .filter_map(|k| own.get(*k).map(|t| (*k, t)))
            .collect();
        found.0.extend(holding::problems(
            &format!("creators.{handle}"),
            &set,
            &creator.helplines,
        ));
    }
}

/// Prices and experiments (see `config::money`).
fn money(c: &Config, found: &mut Found) {
    for (key, message) in c.money_problems() {
        found.bad(key, message);
    }
}

fn creators(c: &Config, found: &mut Found) {
    for (handle, creator) in &c.creators {
        creator_keys(c, handle, creator, found);
    }
}

/// One `[creators.<handle>]` section: its handle and the keys that override a global one.
fn creator_keys(cfg: &Config, handle: &str, c: &CreatorConfig, found: &mut Found) {
    let key = |k: &str| format!("creators.{handle}.{k}");
    found.require(
        is_valid_handle(handle),
        format!("creators.{handle}"),
        "a handle may hold only letters, digits, `-`, `_` and `.`",
    );
    found.require(
        c.temperature.is_none_or(|t| (0.0..=2.0).contains(&t)),
        key("temperature"),
        "must be between 0 and 2",
    );
    found.require(
        c.utc_offset_minutes
            .is_none_or(|m| (-14 * 60..=14 * 60).contains(&m)),
        key("utc_offset_minutes"),
        "must be between -840 and 840",
    );
    let offers = cfg.creator_offers(handle);
    negotiation(&offers, &key("offers"), found);
    found.require(
        offers.floor_cents >= cfg.fanvue.min_price_cents
            && offers.ceiling_cents >= offers.floor_cents,
        key("offers"),
        format!(
            "floor must be at least fanvue.min_price_cents ({}) and the ceiling at least the floor",
            cfg.fanvue.min_price_cents
        ),
    );
    found.require(
        c.quiet_hours_start.is_none_or(|h| h <= 23) && c.quiet_hours_end.is_none_or(|h| h <= 23),
        key("quiet_hours_start"),
        "hours are 0..23",
    );
    if let Some(Err(e)) = c.active_hours.as_ref().map(super::ActiveHours::parse) {
        found.bad(key("active_hours"), e);
    }
    if let Some(e) = c.followup_text.as_deref().and_then(template_error) {
        found.bad(key("followup_text"), e);
    }
    found.require(
        c.max_tokens != Some(0),
        key("max_tokens"),
        "must be at least 1",
    );
    found.require(
        c.rate_limit_per_minute
            .is_none_or(|n| (1..=10_000).contains(&n)),
        key("rate_limit_per_minute"),
        "must be between 1 and 10000",
    );
}

fn memory(c: &Config, found: &mut Found) {
    let m = &c.memory;
    found.require(
        (80..=2000).contains(&m.summary_max_chars),
        "memory.summary_max_chars",
        "must be between 80 and 2000",
    );
    found.require(
        m.check_every_secs >= 1,
        "memory.check_every_secs",
        "must be at least 1",
    );
}

#[cfg(test)]
#[allow(clippy::result_large_err)] // figment::Jail's closures return figment::Error
mod tests {
    use super::*;
    use crate::config::testing::{load_error, load_file};
    use figment::Jail;
    use std::path::Path;

    #[test]
    fn admin_listen_must_be_another_address_and_mode_a_known_one() {
        Jail::expect_with(|jail| {
            let e = load_error(
                jail,
                "c.toml",
                "[daemon]\nlisten = \"127.0.0.1:8080\"\nadmin_listen = \"127.0.0.1:8080\"\n",
            )?;
            assert!(e.contains("daemon.admin_listen"), "{e}");
            let c = load_file(
                jail,
                "d.toml",
                "[daemon]\nadmin_listen = \"127.0.0.1:9090\"\n[creators.a]\nmode = \"approve\"\n",
            )?;
            assert_eq!(c.creator_mode("a"), crate::domain::Mode::Approve);
            assert_eq!(c.creator_mode("b"), crate::domain::Mode::Live);
            jail.create_file("e.toml", "[agent]\nmode = \"loud\"\n")?;
            assert!(Config::load(Some(Path::new("e.toml"))).is_err());
            Ok(())
        });
    }

    #[test]
    fn a_bad_value_is_reported_with_its_key_and_file() {
        Jail::expect_with(|jail| {
            let err = load_error(
                jail,
                "bad.toml",
                "[daemon]\nlisten = \"not-an-addr\"\n[log]\nformat = \"xml\"\n",
            )?;
            assert!(err.contains("`daemon.listen`"), "{err}");
            assert!(err.contains("bad.toml"), "{err}");
            assert!(err.contains("`log.format`"), "{err}");
            Ok(())
        });
    }
}
