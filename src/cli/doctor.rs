//! `fanvue-agent doctor`: checks everything the daemon needs, one line per check with a fix.

use crate::{
    agent::llm::{Llm, LlmRequest, Role, Turn},
    app::Parts,
    config::Config,
    health::{self, Check},
    store::CreatorStatus,
};
use std::{io::Write, process::ExitCode, time::Duration};

/// `doctor [--no-notify-test]` on stdout: exit code 1 when any check fails.
pub async fn command(parts: &Parts, notify_test: bool) -> ExitCode {
    let llm = parts.llm();
    if run(parts, llm.as_ref(), notify_test, &mut std::io::stdout()).await {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    }
}

/// Runs every check, printing each as it completes, and (unless `notify_test` is false) sends a
/// test notification to each configured channel. Returns whether all passed.
pub async fn run(parts: &Parts, llm: &dyn Llm, notify_test: bool, out: &mut dyn Write) -> bool {
    let cfg = parts.live.get();
    let mut all_ok = true;
    let mut print = |c: &Check| {
        all_ok &= c.ok;
        let mark = if c.ok { "ok  " } else { "FAIL" };
        let _ = writeln!(out, "{mark} {:<22} {}", c.name, super::visible(&c.detail));
        if let Some(fix) = &c.fix {
            let _ = writeln!(out, "     {:<22} fix: {}", "", super::visible(fix));
        }
        let _ = out.flush();
    };
    let source = parts
        .config_path
        .as_ref()
        .map(|p| p.display().to_string())
        .unwrap_or_else(|| "defaults and environment".into());
    print(&Check::ok("config", format!("valid ({source})")));
    print(&store_check(parts, &cfg).await);
    print(&webhook_secret_check(&cfg));
    for h in cfg.creators.keys() {
        print(&prompts_check(&cfg, h));
    }
    let states = health::creators(&parts.store, &cfg).await;
    for st in states {
        let handle = st.name.trim_start_matches("creator ").to_string();
        if !st.ok {
            print(&st);
            continue;
        }
        print(&creator_api_check(parts, &handle, st).await);
    }
    print(&llm_check(&cfg, llm).await);
    print(&clock_check(parts, &cfg).await);
    for c in notify_checks(&cfg, notify_test).await {
        print(&c);
    }
    all_ok
}

/// The database: writable, and at which schema version.
async fn store_check(parts: &Parts, cfg: &Config) -> Check {
    let mut store = health::store_writable(&parts.store).await;
    if store.ok {
        let version = parts.store.schema_version().await.unwrap_or(0);
        store.detail = format!(
            "{} writable (schema {version})",
            cfg.daemon.database.display()
        );
    }
    store
}

/// `serve` refuses to start without a webhook secret; with one, where to register the webhook.
fn webhook_secret_check(cfg: &Config) -> Check {
    if cfg.webhook.secret.is_empty() {
        Check::fail(
            "webhook secret",
            "not set: `serve` refuses to start",
            "set webhook.secret (or FANVUE_AGENT_WEBHOOK__SECRET) to the signing secret from the Fanvue developer portal",
        )
    } else {
        Check::ok(
            "webhook secret",
            format!(
                "set; register {}/webhooks/fanvue in the developer portal",
                cfg.daemon.public_url.trim_end_matches('/')
            ),
        )
    }
}

/// Whether creator `h`'s persona renders.
fn prompts_check(cfg: &Config, h: &str) -> Check {
    match crate::agent::prompt::check_persona(cfg, h) {
        Ok((src, _)) => Check::ok(
            format!("prompts {h}"),
            format!(
                "persona `{}` renders (version {})",
                cfg.creator_persona(h),
                src.version
            ),
        ),
        Err(e) => Check::fail(
            format!("prompts {h}"),
            e.to_string(),
            format!("fix the file, then `fanvue-agent prompts check --creator {h}`"),
        ),
    }
}

/// One line per notification channel: a test message sent now, or why none was.
async fn notify_checks(cfg: &Config, send: bool) -> Vec<Check> {
    if cfg.notify.channels.is_empty() {
        return vec![Check::ok(
            "notify",
            "no channels configured: escalations reach only the log (README: Notifications)",
        )];
    }
    if !send {
        return vec![Check::ok(
            "notify",
            format!(
                "{} channels; test messages skipped (--no-notify-test)",
                cfg.notify.channels.len()
            ),
        )];
    }
    crate::notify::test_channels(cfg)
        .await
        .into_iter()
        .map(|(c, res)| {
            let name = format!("notify {}", c.name);
            let to = crate::notify::channel::describe(c);
            match res {
                Ok(()) => Check::ok(name, format!("test message delivered ({to})")),
                Err(e) => Check::fail(
                    name,
                    format!("{to}: {e}"),
                    format!("check [[notify.channels]] `{}` (url, token, chat, SMTP settings) and that it is reachable", c.name),
                ),
            }
        })
        .collect()
}

/// `/users/me` with the creator's token (refreshed if needed), and the granted scopes.
async fn creator_api_check(parts: &Parts, handle: &str, state: Check) -> Check {
    let row = parts.store.creator(handle).await.ok().flatten();
    if row.as_ref().map(|r| r.status) == Some(CreatorStatus::Paused) {
        return state;
    }
    let name = format!("creator {handle}");
    let reconnect = format!("run `fanvue-agent connect {handle}`");
    let me = match parts.creator_api(handle).me().await {
        Ok(me) => me,
        Err(e) => return Check::fail(name, format!("GET /users/me failed: {e}"), reconnect),
    };
    if let Some(bound) = row.and_then(|r| r.uuid) {
        if !bound.eq_ignore_ascii_case(&me.uuid) {
            return Check::fail(
                name,
                format!(
                    "the token belongs to {} but {handle} was connected as {bound}",
                    me.uuid
                ),
                reconnect,
            );
        }
    }
    let granted: Vec<String> = parts
        .store
        .load_tokens(&parts.cipher, handle)
        .await
        .ok()
        .flatten()
        .and_then(|t| t.scope)
        .map(|s| s.split_whitespace().map(String::from).collect())
        .unwrap_or_default();
    let needed = ["read:chat", "write:chat", "read:self", "read:media"];
    let missing: Vec<&str> = needed
        .iter()
        .copied()
        .filter(|s| !granted.is_empty() && !granted.iter().any(|g| g == s))
        .collect();
    if !missing.is_empty() {
        return Check::fail(
            name,
            format!("token lacks scopes {}", missing.join(", ")),
            format!(
                "add them to fanvue.scopes and the app in the developer portal, then {reconnect}"
            ),
        );
    }
    let who = me.handle.or(me.display_name).unwrap_or(me.uuid);
    Check::ok(name, format!("token works as {who}; {}", state.detail))
}

/// A one-token completion with the default model.
async fn llm_check(cfg: &Config, llm: &dyn Llm) -> Check {
    let req = LlmRequest {
        model: cfg.llm.model.clone(),
        messages: vec![Turn {
            role: Role::User,
            content: "Say hi.".into(),
        }],
        temperature: 0.0,
        max_tokens: 1,
        timeout: Duration::from_secs(cfg.llm.timeout_secs.min(20)),
        json: false,
    };
    match llm.complete(&req).await {
        Ok(c) => Check::ok(
            "llm",
            format!(
                "{} answered with model {} in {} ms",
                cfg.llm.base_url,
                c.model,
                c.latency.as_millis()
            ),
        ),
        Err(e) => Check::fail(
            "llm",
            format!("{}: {e}", cfg.llm.base_url),
            "start the LLM server, or fix llm.base_url / llm.api_key / llm.model",
        ),
    }
}

/// Our clock against Fanvue's `Date` header: webhook signatures carry a timestamp checked
/// within `webhook.tolerance_secs`, so skew beyond a fraction of it rejects real webhooks.
async fn clock_check(parts: &Parts, cfg: &Config) -> Check {
    let url = format!("{}/users/me", cfg.fanvue.api_base.trim_end_matches('/'));
    let resp = match parts
        .api
        .http()
        .get(&url)
        .timeout(Duration::from_secs(10))
        .send()
        .await
    {
        Ok(r) => r,
        Err(e) => {
            return Check::fail(
                "clock",
                format!(
                    "cannot reach {}: {}",
                    cfg.fanvue.api_base,
                    if e.is_timeout() {
                        "timeout"
                    } else {
                        "connection failed"
                    }
                ),
                "check fanvue.api_base and the network",
            )
        }
    };
    let Some(date) = resp
        .headers()
        .get("date")
        .and_then(|d| d.to_str().ok())
        .and_then(parse_http_date)
    else {
        return Check::ok("clock", "Fanvue sent no Date header: skew not measured");
    };
    let skew = crate::domain::time::now_secs() - date;
    let limit = (cfg.webhook.tolerance_secs / 4).max(5) as i64;
    if skew.abs() > limit {
        Check::fail(
            "clock",
            format!("{skew:+} s against Fanvue (limit ±{limit} s)"),
            "enable time sync (timedatectl set-ntp true)",
        )
    } else {
        Check::ok("clock", format!("{skew:+} s against Fanvue"))
    }
}

/// Unix seconds of an HTTP date (`Sun, 06 Nov 1994 08:49:37 GMT`).
fn parse_http_date(s: &str) -> Option<i64> {
    let fmt = time::macros::format_description!(
        "[weekday repr:short], [day] [month repr:short] [year] [hour]:[minute]:[second] GMT"
    );
    time::PrimitiveDateTime::parse(s.trim(), fmt)
        .ok()
        .map(|t| t.assume_utc().unix_timestamp())
}

#[cfg(test)]
mod tests {
    #[test]
    fn http_dates_parse() {
        assert_eq!(
            super::parse_http_date("Sun, 06 Nov 1994 08:49:37 GMT"),
            Some(784_111_777)
        );
        assert_eq!(super::parse_http_date("yesterday"), None);
    }
}
