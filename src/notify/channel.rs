//! One delivery attempt to one channel: the generic signed webhook, Slack, Discord, Telegram's
//! `sendMessage` or SMTP. Errors never carry a secret (URLs, tokens and passwords are scrubbed).

use super::render::{self, Outgoing};
use crate::config::{ChannelConfig, ChannelKind, SmtpTls};
use hmac::{Hmac, Mac};
use serde_json::json;
use sha2::Sha256;
use std::time::Duration;

/// The header of the generic webhook's signature: `t=<unix seconds>,v1=<hex HMAC-SHA256>`.
pub const SIGNATURE_HEADER: &str = "X-Fanvue-Agent-Signature";

/// Why an attempt failed; the worker retries after `retry_after` when the channel said so.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("{message}")]
pub struct SendError {
    pub message: String,
    pub retry_after: Option<Duration>,
}

impl SendError {
    fn new(message: impl Into<String>) -> SendError {
        SendError {
            message: message.into(),
            retry_after: None,
        }
    }
}

/// `hex(HMAC-SHA256(secret, "{t}.{body}"))`: what follows `v1=`, as Fanvue signs its webhooks.
pub fn sign(secret: &[u8], t: i64, body: &[u8]) -> String {
    let mut m = Hmac::<Sha256>::new_from_slice(secret).expect("HMAC takes keys of any length");
    m.update(t.to_string().as_bytes());
    m.update(b".");
    m.update(body);
    hex::encode(m.finalize().into_bytes())
}

/// The HTTP client of every HTTP channel: no redirects (a webhook URL is exact), short timeouts.
pub fn http_client(timeout: Duration) -> reqwest::Client {
    crate::fanvue::client::install_tls_provider();
    reqwest::Client::builder()
        .timeout(timeout)
        .connect_timeout(Duration::from_secs(5).min(timeout))
        .user_agent(concat!("fanvue-agent/", env!("CARGO_PKG_VERSION")))
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .unwrap_or_default()
}

/// Sends `out` to channel `c` once. `max_chars` limits were applied by the caller where needed.
pub async fn send(
    c: &ChannelConfig,
    http: &reqwest::Client,
    timeout: Duration,
    out: &Outgoing,
) -> Result<(), SendError> {
    let res = match c.kind {
        ChannelKind::Webhook => webhook(c, http, out).await,
        ChannelKind::Slack => {
            let text = render::cut(render::slack(&out.text), 3_500);
            post(http, c.url.expose(), &json!({ "text": text })).await
        }
        ChannelKind::Discord => {
            let content = render::cut(render::discord(&out.text), 2_000);
            let body = json!({ "content": content, "allowed_mentions": { "parse": [] } });
            post(http, c.url.expose(), &body).await
        }
        ChannelKind::Telegram => telegram(c, http, out).await,
        ChannelKind::Email => email(c, timeout, out).await,
    };
    res.map_err(|e| SendError {
        message: scrub(c, &e.message),
        retry_after: e.retry_after,
    })
}

/// The most characters one message to this kind of channel may hold (a digest is cut to it).
pub fn max_chars(kind: ChannelKind) -> usize {
    match kind {
        ChannelKind::Discord => 2_000,
        ChannelKind::Slack => 3_500,
        ChannelKind::Telegram => 4_000,
        ChannelKind::Webhook | ChannelKind::Email => 20_000,
    }
}

async fn webhook(
    c: &ChannelConfig,
    http: &reqwest::Client,
    out: &Outgoing,
) -> Result<(), SendError> {
    let body = serde_json::to_vec(&out.payload).map_err(|e| SendError::new(e.to_string()))?;
    let t = crate::domain::time::now_secs();
    let sig = format!("t={t},v1={}", sign(c.secret.expose().as_bytes(), t, &body));
    let req = http
        .post(c.url.expose())
        .header(reqwest::header::CONTENT_TYPE, "application/json")
        .header(SIGNATURE_HEADER, sig)
        .body(body);
    answer(req.send().await).await
}

async fn post(
    http: &reqwest::Client,
    url: &str,
    body: &serde_json::Value,
) -> Result<(), SendError> {
    answer(http.post(url).json(body).send().await).await
}

/// Telegram's `sendMessage`, plain text (no `parse_mode`: nothing in it is interpreted) and no
/// link previews (a fan's link is never fetched).
async fn telegram(
    c: &ChannelConfig,
    http: &reqwest::Client,
    out: &Outgoing,
) -> Result<(), SendError> {
    let url = format!(
        "{}/bot{}/sendMessage",
        c.telegram_api().trim_end_matches('/'),
        c.bot_token.expose()
    );
    let body = json!({
        "chat_id": c.chat_id,
        "text": render::cut(render::plain(&out.text), 4_000),
        "link_preview_options": { "is_disabled": true },
    });
    answer(http.post(url).json(&body).send().await).await
}

/// 2xx is delivered; 429 says when to retry (`Retry-After`, or Telegram's `retry_after`).
async fn answer(res: reqwest::Result<reqwest::Response>) -> Result<(), SendError> {
    // `without_url`: a Telegram URL holds the bot token, a Slack or Discord URL is a credential.
    let resp = res.map_err(|e| SendError::new(format!("request failed: {}", e.without_url())))?;
    let status = resp.status();
    if status.is_success() {
        return Ok(());
    }
    let header_wait = resp
        .headers()
        .get(reqwest::header::RETRY_AFTER)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.trim().parse::<u64>().ok());
    let body = resp.text().await.unwrap_or_default();
    let told = serde_json::from_str::<serde_json::Value>(&body)
        .ok()
        .and_then(|v| v["parameters"]["retry_after"].as_u64());
    Err(SendError {
        message: format!(
            "HTTP {}: {}",
            status.as_u16(),
            crate::domain::display::one_line(&body, 200)
        ),
        retry_after: header_wait.or(told).map(Duration::from_secs),
    })
}

/// One message over SMTP: plain UTF-8 text, the notice's id as its Message-ID.
async fn email(c: &ChannelConfig, timeout: Duration, out: &Outgoing) -> Result<(), SendError> {
    use lettre::{
        message::header::ContentType, transport::smtp::authentication::Credentials,
        AsyncSmtpTransport, AsyncTransport, Message, Tokio1Executor,
    };
    crate::fanvue::client::install_tls_provider();
    let err = |e: &dyn std::fmt::Display| SendError::new(e.to_string());
    let mut b = Message::builder()
        .from(c.from.parse().map_err(|e| err(&e))?)
        .subject(out.text.subject.clone())
        .message_id(Some(format!("<{}@fanvue-agent>", message_id(&out.id))))
        .header(ContentType::TEXT_PLAIN);
    for to in &c.to {
        b = b.to(to.parse().map_err(|e| err(&e))?);
    }
    let msg = b.body(render::plain(&out.text)).map_err(|e| err(&e))?;
    let host = c.smtp_host.as_str();
    let builder = match c.tls.unwrap_or_default() {
        SmtpTls::Starttls => {
            AsyncSmtpTransport::<Tokio1Executor>::starttls_relay(host).map_err(|e| err(&e))?
        }
        SmtpTls::Tls => AsyncSmtpTransport::<Tokio1Executor>::relay(host).map_err(|e| err(&e))?,
        SmtpTls::None => AsyncSmtpTransport::<Tokio1Executor>::builder_dangerous(host),
    };
    let mut builder = builder.port(c.port()).timeout(Some(timeout));
    if !c.username.is_empty() {
        builder = builder.credentials(Credentials::new(
            c.username.clone(),
            c.password.expose().to_string(),
        ));
    }
    builder
        .build()
        .send(msg)
        .await
        .map(|_| ())
        .map_err(|e| SendError::new(format!("SMTP {host}:{}: {e}", c.port())))
}

/// A notice id as the left part of a Message-ID (`escalation:42` → `escalation.42`).
fn message_id(id: &str) -> String {
    id.chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || "-_.".contains(c) {
                c
            } else {
                '.'
            }
        })
        .collect()
}

/// `msg` with every secret of the channel replaced, whatever echoed it.
fn scrub(c: &ChannelConfig, msg: &str) -> String {
    let mut out = msg.to_string();
    for s in [&c.url, &c.secret, &c.bot_token, &c.password] {
        if s.expose().len() >= 4 {
            out = out.replace(s.expose(), "[redacted]");
        }
    }
    out
}

/// Where a channel delivers, for `doctor` and logs: its kind and host, never a secret.
pub fn describe(c: &ChannelConfig) -> String {
    let host = |u: &str| {
        url::Url::parse(u)
            .ok()
            .and_then(|u| u.host_str().map(String::from))
            .unwrap_or_else(|| "?".into())
    };
    match c.kind {
        ChannelKind::Webhook | ChannelKind::Slack | ChannelKind::Discord => {
            format!("{} to {}", c.kind.as_str(), host(c.url.expose()))
        }
        ChannelKind::Telegram => {
            format!("telegram chat {} via {}", c.chat_id, host(c.telegram_api()))
        }
        ChannelKind::Email => format!(
            "email to {} via {}:{}",
            c.to.join(", "),
            c.smtp_host,
            c.port()
        ),
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn a_signature_is_hmac_sha256_over_the_timestamp_a_dot_and_the_body() {
        // The inbound verifier (v0) computes the same MAC: one scheme both ways.
        let ours = super::sign(b"k", 1700000000, b"{}");
        let theirs = crate::fanvue::webhook::sign(b"k", 1700000000, b"{}");
        assert_eq!(ours, theirs);
        assert_eq!(super::message_id("escalation:42"), "escalation.42");
    }
}
