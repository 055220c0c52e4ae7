//! Operator notifications through real parts: a real HTTP receiver (axum on 127.0.0.1, port 0)
//! standing in for the generic webhook, Slack, Discord and Telegram, a real SMTP server (aiosmtpd,
//! `AIOSMTPD`), the real store and notifier, and the daemon against the sandbox. Exact bodies, an
//! independently checked signature, nothing lost while a channel is down, no duplicate across a
//! restart, a flood capped with a digest, and escalations notified exactly once per channel.

mod common;

use axum::{body::Bytes, http::HeaderMap, http::StatusCode, http::Uri, Router};
use common::*;
use fanvue_agent::{
    config::{ChannelConfig, ChannelKind, Config, LiveConfig, Secret, SmtpTls},
    domain::{DecisionInfo, Event, EventKind, MarkCategory, MessageEvent, NewMark, Outcome, Party},
    notify::Notifier,
    store::{inbox::Accepted, Store},
};
use hmac::{Hmac, Mac};
use serde_json::{json, Value};
use std::{
    sync::{
        atomic::{AtomicUsize, Ordering},
        Arc, Mutex,
    },
    time::Duration,
};
use tokio::net::TcpListener;
use tokio_util::sync::CancellationToken;

const FAN: &str = "3f2a1b2c-0000-4000-8000-000000000001";
const WEBHOOK_SECRET: &str = "whsec-notify-SUPERSECRET";
const BOT_TOKEN: &str = "123456:TOKEN-SUPERSECRET";

/// One request the receiver got.
#[derive(Clone, Debug)]
struct Got {
    path: String,
    headers: HeaderMap,
    body: Bytes,
}

impl Got {
    fn json(&self) -> Value {
        serde_json::from_slice(&self.body).unwrap()
    }
}

/// A real HTTP receiver on 127.0.0.1: keeps every request; answers 500 while `fail` > 0.
#[derive(Clone)]
struct Receiver {
    url: String,
    got: Arc<Mutex<Vec<Got>>>,
    fail: Arc<AtomicUsize>,
    stop: CancellationToken,
}

impl Receiver {
    async fn start() -> Receiver {
        Receiver::on(TcpListener::bind("127.0.0.1:0").await.unwrap())
    }

    fn on(listener: TcpListener) -> Receiver {
        let r = Receiver {
            url: format!("http://{}", listener.local_addr().unwrap()),
            got: Default::default(),
            fail: Default::default(),
            stop: CancellationToken::new(),
        };
        let (got, fail) = (r.got.clone(), r.fail.clone());
        let app = Router::new().fallback(move |uri: Uri, headers: HeaderMap, body: Bytes| {
            let (got, fail) = (got.clone(), fail.clone());
            async move {
                if fail.load(Ordering::SeqCst) > 0 {
                    fail.fetch_sub(1, Ordering::SeqCst);
                    return (StatusCode::INTERNAL_SERVER_ERROR, "down".to_string());
                }
                got.lock().unwrap().push(Got {
                    path: uri.path().to_string(),
                    headers,
                    body,
                });
                (StatusCode::OK, r#"{"ok":true}"#.to_string())
            }
        });
        let stop = r.stop.clone();
        tokio::spawn(async move {
            axum::serve(listener, app)
                .with_graceful_shutdown(async move { stop.cancelled().await })
                .await
                .unwrap()
        });
        r
    }

    fn at(&self, path: &str) -> Vec<Got> {
        let got = self.got.lock().unwrap();
        got.iter().filter(|g| g.path == path).cloned().collect()
    }

    fn all(&self) -> Vec<Got> {
        self.got.lock().unwrap().clone()
    }
}

/// The `id` of each JSON body, in order.
fn ids_of(got: &[Got]) -> Vec<String> {
    got.iter()
        .map(|g| g.json()["id"].as_str().unwrap().to_string())
        .collect()
}

/// Fails unless the metrics the admin side renders from `store` hold each sample line.
async fn assert_metrics(store: &Store, samples: &[&str]) {
    let m = fanvue_agent::ingress::admin::scrape_metrics(store)
        .await
        .unwrap();
    for sample in samples {
        assert!(m.contains(sample), "no {sample}:\n{m}");
    }
}

fn http_channel(name: &str, kind: ChannelKind, url: String) -> ChannelConfig {
    let mut c = ChannelConfig::new(name, kind);
    c.url = Secret::new(url);
    if kind == ChannelKind::Webhook {
        c.secret = Secret::new(WEBHOOK_SECRET);
    }
    c
}

fn telegram_channel(api: &str) -> ChannelConfig {
    let mut c = ChannelConfig::new("tg", ChannelKind::Telegram);
    c.bot_token = Secret::new(BOT_TOKEN);
    c.chat_id = "-10042".into();
    c.api_base = Some(api.to_string());
    c
}

/// Every HTTP channel at `r`: webhook `/hook`, Slack, Discord, Telegram.
fn all_http(r: &Receiver) -> Vec<ChannelConfig> {
    vec![
        http_channel("hook", ChannelKind::Webhook, format!("{}/hook", r.url)),
        http_channel(
            "slack",
            ChannelKind::Slack,
            format!("{}/services/T0/B0/SLACKSUPERSECRET", r.url),
        ),
        http_channel(
            "discord",
            ChannelKind::Discord,
            format!("{}/api/webhooks/1/DISCORDSUPERSECRET", r.url),
        ),
        telegram_channel(&r.url),
    ]
}

fn config(dir: &std::path::Path, channels: Vec<ChannelConfig>, message_text: bool) -> Config {
    let mut c = Config::default();
    c.daemon.database = dir.join("agent.db");
    c.log.message_text = message_text;
    c.notify.retry_max_secs = 1;
    c.notify.max_per_minute = 50;
    c.notify.channels = channels;
    c.creators.insert("creator1".into(), Default::default());
    c
}

/// The notifier on `store`, until the returned token is cancelled.
fn notifier(store: &Store, cfg: &Config) -> (CancellationToken, tokio::task::JoinHandle<()>) {
    let stop = CancellationToken::new();
    let n = Notifier::new(store.clone(), LiveConfig::new(Arc::new(cfg.clone())));
    (stop.clone(), tokio::spawn(n.run(stop)))
}

async fn stop_notifier((stop, handle): (CancellationToken, tokio::task::JoinHandle<()>)) {
    stop.cancel();
    tokio::time::timeout(Duration::from_secs(10), handle)
        .await
        .unwrap()
        .unwrap();
}

/// A fan message from FAN escalated as a minor (as the agent would); returns its inbox id.
async fn escalate(store: &Store, key: &str, words: &str) -> i64 {
    let event = Event {
        dedupe_key: key.into(),
        creator: Some("c-uuid".into()),
        fan: Party {
            uuid: Some(FAN.into()),
            ..Default::default()
        },
        timestamp: None,
        kind: EventKind::MessageReceived(MessageEvent {
            message_uuid: format!("m-{key}").as_str().into(),
            text: Some(words.into()),
            has_media: false,
            media_uuids: vec![],
            price_cents: None,
            from_creator: false,
            is_automated: false,
            created_at: None,
        }),
    };
    let Accepted::New { id } = store
        .accept_event(&event, Some("creator1"), "webhook")
        .await
        .unwrap()
    else {
        panic!("a new event")
    };
    let info = DecisionInfo {
        marks: vec![NewMark {
            category: MarkCategory::Minor,
            rule: "underage".into(),
            reason: "for a human: underage (said 16)".into(),
            until: None,
        }],
        ..DecisionInfo::reason("for a human: underage (said 16)")
    };
    store
        .decide("creator1", FAN, &[id], Outcome::Escalated, &info)
        .await
        .unwrap();
    id
}

async fn store_in(dir: &std::path::Path) -> Store {
    let store = Store::open(&dir.join("agent.db")).await.unwrap();
    store.ensure_creator("creator1").await.unwrap();
    store
}

async fn pending_deliveries(store: &Store) -> i64 {
    sqlx::query_scalar("SELECT count(*) FROM notify_deliveries WHERE state = 'pending'")
        .fetch_one(store.reader())
        .await
        .unwrap()
}

#[tokio::test]
async fn each_http_channel_gets_its_exact_body_and_the_webhook_signature_verifies_independently() {
    let dir = tempfile::tempdir().unwrap();
    let r = Receiver::start().await;
    let cfg = config(dir.path(), all_http(&r), true);
    let store = store_in(dir.path()).await;
    let words = "i am 16 <!channel> @everyone **now** [x](http://evil.example) \u{1b}[2J";
    let id = escalate(&store, "e1", words).await;
    let run = notifier(&store, &cfg);
    wait_until("four deliveries", || async { r.all().len() == 4 }).await;
    stop_notifier(run).await;

    let clear = format!("$ fanvue-agent clear creator1 {FAN} --reason \"what you checked\"");
    let plain = format!(
        "Escalation (minor): creator1, fan 3f2a1b2c\nWhy: for a human: underage (said 16)\n\
         Rule: underage (minor)\nFan wrote: i am 16 <!channel> @everyone **now** \
         [x](http://evil.example) \\u{{1b}}[2J\n{clear}\n$ fanvue-agent marks --creator creator1"
    );
    let slack = plain.replace('<', "&lt;").replace('>', "&gt;");
    assert_eq!(
        r.at("/services/T0/B0/SLACKSUPERSECRET")[0].json(),
        json!({ "text": slack })
    );
    let discord = format!(
        "Escalation (minor): creator1, fan 3f2a1b2c\nWhy: for a human\\: underage \\(said 16\\)\n\
         Rule: underage (minor)\nFan wrote: i am 16 \\<!channel\\> @\u{200b}everyone \\*\\*now\\*\\* \
         \\[x\\]\\(http\\://evil.example\\) \\u{{1b}}\\[2J\n{clear}\n$ fanvue-agent marks --creator creator1"
    );
    assert_eq!(
        r.at("/api/webhooks/1/DISCORDSUPERSECRET")[0].json(),
        json!({ "content": discord, "allowed_mentions": { "parse": [] } })
    );
    assert_eq!(
        r.at(&format!("/bot{BOT_TOKEN}/sendMessage"))[0].json(),
        json!({ "chat_id": "-10042", "text": plain, "link_preview_options": { "is_disabled": true } })
    );
    let hook = &r.at("/hook")[0];
    let body = hook.json();
    let expected = json!({
        "id": format!("escalation:{id}"), "type": "escalation", "creator": "creator1", "fan": FAN,
        "title": "Escalation (minor): creator1, fan 3f2a1b2c",
        "reason": "for a human: underage (said 16)", "category": "minor", "rule": "underage",
        "fan_words": words, "draft": null, "draft_id": null,
        "commands": [
            format!("fanvue-agent clear creator1 {FAN} --reason \"what you checked\""),
            "fanvue-agent marks --creator creator1",
        ],
        "summary": [], "text": plain, "created_at": body["created_at"],
    });
    assert_eq!(body, expected);
    assert!(body["created_at"].as_str().unwrap().ends_with('Z'));

    // The signature, computed here with hmac + sha2: HMAC-SHA256(secret, "{t}.{body}").
    let header = hook.headers["x-fanvue-agent-signature"].to_str().unwrap();
    let (t, v1) = header.split_once(",v1=").unwrap();
    let t = t.strip_prefix("t=").unwrap();
    let mut mac = Hmac::<sha2::Sha256>::new_from_slice(WEBHOOK_SECRET.as_bytes()).unwrap();
    mac.update(format!("{t}.").as_bytes());
    mac.update(&hook.body);
    assert_eq!(v1, hex::encode(mac.finalize().into_bytes()));
    let age = fanvue_agent::store::now_secs() - t.parse::<i64>().unwrap();
    assert!((0..60).contains(&age), "a current timestamp: {t}");

    for g in r.all() {
        let text = String::from_utf8_lossy(&g.body);
        for secret in ["SUPERSECRET", "TOKEN-"] {
            assert!(!text.contains(secret), "a secret in a notification: {text}");
        }
    }
}

#[tokio::test]
async fn a_channel_that_is_down_gets_every_notice_once_after_it_returns_and_others_are_not_held_up()
{
    let dir = tempfile::tempdir().unwrap();
    let up = Receiver::start().await;
    let flaky = Receiver::start().await;
    flaky.fail.store(3, Ordering::SeqCst);
    // A channel whose server is not even listening yet: its port is known (bound, not listening:
    // connections are refused), its listener comes later on the same socket.
    let gone = unopened_port();
    let gone_addr = gone.local_addr().unwrap();
    let cfg = config(
        dir.path(),
        vec![
            http_channel("up", ChannelKind::Webhook, format!("{}/up", up.url)),
            http_channel(
                "flaky",
                ChannelKind::Webhook,
                format!("{}/flaky", flaky.url),
            ),
            http_channel(
                "gone",
                ChannelKind::Slack,
                format!("http://{gone_addr}/gone"),
            ),
        ],
        false,
    );
    let store = store_in(dir.path()).await;
    let run = notifier(&store, &cfg);
    let mut ids = vec![];
    for i in 0..3 {
        ids.push(escalate(&store, &format!("e{i}"), "i am 16, keep this quiet").await);
    }
    wait_until("the healthy channel's three", || async {
        up.all().len() == 3
    })
    .await;
    let attempts = |ch: &'static str| {
        let store = store.clone();
        async move {
            sqlx::query_scalar::<_, i64>(
                "SELECT coalesce(max(attempts), 0) FROM notify_deliveries WHERE channel = ?",
            )
            .bind(ch)
            .fetch_one(store.reader())
            .await
            .unwrap()
        }
    };
    wait_until("retries to the missing server", || async {
        attempts("gone").await >= 2
    })
    .await;
    assert_metrics(
        &store,
        &[
            "fanvue_agent_notify_queue{channel=\"gone\"} 3",
            "fanvue_agent_notifications_total{channel=\"up\",result=\"sent\"} 3",
        ],
    )
    .await;
    let back = Receiver::on(gone.listen(1024).unwrap());
    wait_until("everything delivered", || async {
        pending_deliveries(&store).await == 0
    })
    .await;
    stop_notifier(run).await;

    let want: Vec<String> = ids.iter().map(|i| format!("escalation:{i}")).collect();
    for r in [&up, &flaky] {
        assert_eq!(ids_of(&r.all()), want, "each once, in order");
        assert_eq!(
            r.all()[0].json()["fan_words"],
            "[24 chars]",
            "log.message_text is off"
        );
    }
    // Slack bodies carry no id: three messages, each a different notice's text, none twice.
    let texts: Vec<String> = back
        .all()
        .iter()
        .map(|g| g.json()["text"].as_str().unwrap().to_string())
        .collect();
    assert_eq!(texts.len(), 3, "{texts:?}");
    assert!(
        texts.iter().all(|t| t.contains("Fan wrote: [24 chars]")),
        "{texts:?}"
    );
    assert_eq!(
        flaky.fail.load(Ordering::SeqCst),
        0,
        "the flaky channel was retried through its failures"
    );
    assert_metrics(
        &store,
        &[
            "fanvue_agent_notifications_total{channel=\"flaky\",result=\"failed\"} 3",
            "fanvue_agent_notify_queue{channel=\"gone\"} 0",
        ],
    )
    .await;
}

#[tokio::test]
async fn a_flood_goes_out_within_the_rate_cap_with_the_rest_in_one_digest() {
    let dir = tempfile::tempdir().unwrap();
    let r = Receiver::start().await;
    let mut cfg = config(
        dir.path(),
        vec![http_channel(
            "hook",
            ChannelKind::Webhook,
            format!("{}/hook", r.url),
        )],
        false,
    );
    cfg.notify.max_per_minute = 3;
    let store = store_in(dir.path()).await;
    let mut ids = vec![];
    for i in 0..10 {
        ids.push(escalate(&store, &format!("e{i}"), "i am 16").await);
    }
    let run = notifier(&store, &cfg);
    wait_until("everything delivered", || async {
        r.all().len() == 3 && pending_deliveries(&store).await == 0
    })
    .await;
    // One more within the minute waits: the cap holds (it goes out in the next minute).
    escalate(&store, "late", "i am 16").await;
    stop_notifier(run).await;
    let got: Vec<Value> = r.all().iter().map(Got::json).collect();
    assert_eq!(got.len(), 3, "{got:?}");
    assert_eq!(got[0]["id"], format!("escalation:{}", ids[0]));
    assert_eq!(got[1]["id"], format!("escalation:{}", ids[1]));
    let digest = &got[2];
    assert_eq!(digest["type"], "digest");
    let inside: Vec<&str> = digest["notifications"]
        .as_array()
        .unwrap()
        .iter()
        .map(|n| n["id"].as_str().unwrap())
        .collect();
    let rest: Vec<String> = ids[2..].iter().map(|i| format!("escalation:{i}")).collect();
    assert_eq!(inside, rest);
    let text = digest["text"].as_str().unwrap();
    assert!(text.starts_with("fanvue-agent: 8 notifications in one digest (this channel gets at most 3 messages a minute)"), "{text}");
    assert!(
        text.contains(&format!(
            "• Escalation (minor): creator1, fan 3f2a1b2c · $ fanvue-agent clear creator1 {FAN}"
        )),
        "{text}"
    );
}

#[tokio::test]
async fn a_restart_never_notifies_twice_and_delivers_what_was_left_pending() {
    let dir = tempfile::tempdir().unwrap();
    let r = Receiver::start().await;
    let cfg = config(
        dir.path(),
        vec![http_channel(
            "hook",
            ChannelKind::Webhook,
            format!("{}/hook", r.url),
        )],
        false,
    );
    let store = store_in(dir.path()).await;
    let first = escalate(&store, "e1", "i am 16").await;
    let run = notifier(&store, &cfg);
    wait_until("the first", || async { r.all().len() == 1 }).await;
    // The channel goes down: the second notice stays pending when the daemon stops.
    r.fail.store(usize::MAX, Ordering::SeqCst);
    let second = escalate(&store, "e2", "i am 16").await;
    wait_until("a failed attempt", || async {
        sqlx::query_scalar::<_, i64>("SELECT count(*) FROM notify_deliveries WHERE attempts > 0")
            .fetch_one(store.reader())
            .await
            .unwrap()
            > 0
    })
    .await;
    stop_notifier(run).await;
    store.close().await;

    // A new process: the same file, the channel back.
    r.fail.store(0, Ordering::SeqCst);
    let store = store_in(dir.path()).await;
    let run = notifier(&store, &cfg);
    let third = escalate(&store, "e3", "i am 16").await;
    wait_until("the second and third", || async {
        r.all().len() >= 3 && pending_deliveries(&store).await == 0
    })
    .await;
    stop_notifier(run).await;
    let mut got = ids_of(&r.all());
    got.sort();
    // Each once; the second (retried) may come after the third.
    assert_eq!(
        got,
        [first, second, third].map(|i| format!("escalation:{i}"))
    );
}

/// The aiosmtpd sink of tests/smtp_sink.py, stopped when dropped.
struct Smtp {
    child: std::process::Child,
    port: u16,
    dir: tempfile::TempDir,
}

impl Drop for Smtp {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// Starts the SMTP sink (it binds port 0 and prints the port), or `None` (and a message) when
/// `AIOSMTPD` (set by scripts/test) names no Python with aiosmtpd.
fn smtp_sink(login: Option<(&str, &str)>) -> Option<Smtp> {
    let python = peer(&AIOSMTPD)?;
    let dir = tempfile::tempdir().unwrap();
    let script = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/smtp_sink.py");
    let mut cmd = std::process::Command::new(python);
    cmd.args(["-W", "ignore"]).arg(script).arg(dir.path());
    if let Some((u, p)) = login {
        cmd.args([u, p]);
    }
    let mut child = cmd
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::null())
        .spawn()
        .expect("start the SMTP sink");
    let mut line = String::new();
    use std::io::BufRead;
    std::io::BufReader::new(child.stdout.take().unwrap())
        .read_line(&mut line)
        .unwrap();
    let port = line
        .trim()
        .parse()
        .unwrap_or_else(|_| panic!("the sink printed no port: {line:?}"));
    Some(Smtp { child, port, dir })
}

fn email_channel(port: u16, login: Option<(&str, &str)>) -> ChannelConfig {
    let mut c = ChannelConfig::new("mail", ChannelKind::Email);
    c.smtp_host = "127.0.0.1".into();
    c.smtp_port = Some(port);
    c.tls = Some(SmtpTls::None);
    c.from = "fanvue-agent <agent@example.com>".into();
    c.to = vec!["ops@example.com".into(), "Owner <owner@example.com>".into()];
    if let Some((u, p)) = login {
        c.username = u.into();
        c.password = Secret::new(p);
    }
    c
}

/// The messages the sink received: (raw message, envelope JSON).
fn mails(s: &Smtp) -> Vec<(String, Value)> {
    let mut out = vec![];
    for n in 1.. {
        let eml = s.dir.path().join(format!("{n}.eml"));
        let meta = s.dir.path().join(format!("{n}.json"));
        if !eml.exists() || !meta.exists() {
            break;
        }
        let meta: Value = serde_json::from_str(&std::fs::read_to_string(meta).unwrap()).unwrap();
        out.push((std::fs::read_to_string(eml).unwrap(), meta));
    }
    out
}

#[tokio::test]
async fn an_email_reaches_a_real_smtp_server_with_its_headers_and_no_secret() {
    let login = ("ops-login", "smtp-pass-SUPERSECRET");
    let Some(sink) = smtp_sink(Some(login)) else {
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let cfg = config(
        dir.path(),
        vec![email_channel(sink.port, Some(login))],
        true,
    );
    let store = store_in(dir.path()).await;
    let id = escalate(&store, "e1", "i am 16 \u{1b}[2J").await;
    let run = notifier(&store, &cfg);
    wait_until("one mail", || async {
        pending_deliveries(&store).await == 0 && mails(&sink).len() == 1
    })
    .await;
    stop_notifier(run).await;
    let (raw, meta) = &mails(&sink)[0];
    assert_eq!(meta["login"], "ops-login", "authenticated");
    assert_eq!(meta["mail_from"], "agent@example.com");
    assert_eq!(
        meta["rcpt_tos"],
        json!(["ops@example.com", "owner@example.com"])
    );
    let headers = raw.split("\r\n\r\n").next().unwrap();
    assert!(
        headers.contains("From: fanvue-agent <agent@example.com>"),
        "{headers}"
    );
    assert!(
        headers.contains("To: ops@example.com, Owner <owner@example.com>"),
        "{headers}"
    );
    assert!(
        headers.contains("Subject: [fanvue-agent] Escalation (minor): creator1, fan 3f2a1b2c"),
        "{headers}"
    );
    assert!(
        headers.contains(&format!("Message-ID: <escalation.{id}@fanvue-agent>")),
        "{headers}"
    );
    assert!(
        raw.contains("fanvue-agent marks --creator creator1"),
        "{raw}"
    );
    assert!(
        !raw.contains('\u{1b}'),
        "the fan's escape sequence is shown, not sent: {raw}"
    );
    assert!(!raw.contains("SUPERSECRET"), "{raw}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn escalations_against_the_sandbox_are_notified_exactly_once_on_each_channel() {
    let r = Receiver::start().await;
    let sink = smtp_sink(None);
    let mut a = talking_fans(1, 4, 7);
    a.start_window_secs = 2.0;
    a.minors = 2;
    a.crisis_fans = 1;
    let app = spawn_app(a, |c| {
        scripted_config(c);
        c.notify.max_per_minute = 100;
        c.notify.channels = all_http(&r);
        c.notify
            .channels
            .extend(sink.as_ref().map(|s| email_channel(s.port, None)));
        for ch in &mut c.notify.channels {
            ch.events = vec!["escalation".into()];
        }
    })
    .await;
    app.serve(app.parts.llm());
    app.settle_all(Duration::from_secs(120)).await;
    let channels = if sink.is_some() { 5 } else { 4 };
    // Every escalation decision (one per job: its events share their decision time) is a notice.
    let decisions = app.count("SELECT count(*) FROM (SELECT DISTINCT fan_uuid, decided_at FROM decisions WHERE outcome = 'escalated')").await;
    assert!(
        decisions >= 3,
        "each minor and the fan in crisis escalated: {decisions}"
    );
    app.wait_for_count(
        "every delivery",
        "SELECT count(*) FROM notify_deliveries WHERE state = 'sent'",
        |n| n == decisions * channels,
    )
    .await;
    app.stop().await;
    let keys: Vec<String> = sqlx::query_scalar(
        "SELECT dedupe_key FROM notify_events WHERE kind = 'escalation' ORDER BY id",
    )
    .fetch_all(app.parts.store.reader())
    .await
    .unwrap();
    assert_eq!(keys.len() as i64, decisions);
    assert_eq!(
        ids_of(&r.at("/hook")),
        keys,
        "the webhook got each escalation once"
    );
    for path in [
        "/services/T0/B0/SLACKSUPERSECRET",
        "/api/webhooks/1/DISCORDSUPERSECRET",
        &format!("/bot{BOT_TOKEN}/sendMessage"),
    ] {
        assert_eq!(
            r.at(path).len(),
            keys.len(),
            "{path}: one message per escalation"
        );
    }
    if let Some(s) = &sink {
        assert_eq!(mails(s).len(), keys.len(), "one mail per escalation");
    }
    let minors = app
        .count("SELECT count(DISTINCT fan_uuid) FROM safety_marks WHERE category = 'minor'")
        .await;
    assert_eq!(minors, 2);
}

/// An LLM that is down (every call "unavailable") until `up` is set, then answers like [`Canned`].
#[derive(Default)]
struct Switch {
    up: std::sync::atomic::AtomicBool,
    canned: Canned,
}

impl fanvue_agent::agent::llm::Llm for Switch {
    fn complete<'a>(
        &'a self,
        req: &'a fanvue_agent::agent::llm::LlmRequest,
    ) -> fanvue_agent::agent::llm::LlmFuture<'a> {
        if self.up.load(Ordering::SeqCst) {
            return self.canned.complete(req);
        }
        Box::pin(async {
            Err(fanvue_agent::agent::llm::LlmError::Unavailable(
                "connection refused".into(),
            ))
        })
    }
}

fn types(r: &Receiver) -> Vec<String> {
    r.all()
        .iter()
        .map(|g| g.json()["type"].as_str().unwrap().to_string())
        .collect()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_llm_outage_is_notified_once_past_its_threshold_and_its_end_once() {
    let r = Receiver::start().await;
    let app = spawn_app(args(1, 1), |c| {
        c.agent.debounce_ms = 100;
        c.agent.debounce_cap_ms = 300;
        c.agent.llm_attempts = 1;
        c.notify.llm_down_after_secs = 1;
        c.notify.channels = vec![http_channel(
            "hook",
            ChannelKind::Webhook,
            format!("{}/hook", r.url),
        )];
    })
    .await;
    let llm = Arc::new(Switch::default());
    app.serve(llm.clone());
    let fan = app.fan_of("creator1").await;
    app.fan_says(&fan, "hey, how are you?").await;
    wait_until("the outage notice", || async {
        types(&r).contains(&"llm_down".to_string())
    })
    .await;
    let down = r.all()[0].json();
    assert!(
        down["title"]
            .as_str()
            .unwrap()
            .starts_with("The LLM has been unavailable for"),
        "{down}"
    );
    assert_eq!(down["reason"], "LLM unavailable: connection refused");
    llm.up.store(true, Ordering::SeqCst);
    wait_until("the recovery notice", || async {
        types(&r).contains(&"llm_up".to_string())
    })
    .await;
    app.settle().await;
    assert_eq!(
        app.count("SELECT count(*) FROM decisions WHERE outcome = 'replied'")
            .await,
        1,
        "the fan's message waited and was answered"
    );
    // The fan writes again with the LLM up: nothing more to say about it (once its reply is out
    // and no notice is left to deliver).
    app.fan_says(&fan, "nice").await;
    app.decision(&fan, 2).await;
    app.settle().await;
    app.wait_for_count(
        "every notice delivered",
        "SELECT count(*) FROM notify_deliveries WHERE state = 'pending'",
        |n| n == 0,
    )
    .await;
    app.stop().await;
    assert_eq!(types(&r), ["llm_down", "llm_up"]);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_draft_in_approve_mode_is_notified_with_the_command_that_approves_it() {
    let r = Receiver::start().await;
    let app = spawn_app(args(1, 1), |c| {
        c.agent.debounce_ms = 100;
        c.agent.debounce_cap_ms = 300;
        c.agent.mode = fanvue_agent::domain::Mode::Approve;
        c.notify.channels = vec![http_channel(
            "hook",
            ChannelKind::Webhook,
            format!("{}/hook", r.url),
        )];
    })
    .await;
    app.serve(canned());
    let fan = app.fan_of("creator1").await;
    app.fan_says(&fan, "hey, how are you?").await;
    wait_until("the draft notice", || async { !r.all().is_empty() }).await;
    app.stop().await;
    let n = r.all()[0].json();
    let id: i64 = sqlx::query_scalar("SELECT id FROM drafts WHERE state = 'awaiting'")
        .fetch_one(app.parts.store.reader())
        .await
        .unwrap();
    assert_eq!(n["type"], "draft");
    assert_eq!(n["id"], format!("draft:{id}"));
    assert_eq!(
        n["commands"],
        json!([
            format!("fanvue-agent approve {id}"),
            format!("fanvue-agent reject {id}")
        ])
    );
    assert_eq!(
        n["draft"], "[48 chars]",
        "drafts are redacted like the log unless log.message_text"
    );
    let (code, out) = app.cli(&["approve", &id.to_string()]);
    assert_eq!(code, Some(0), "{out}");
}

#[tokio::test]
async fn doctor_sends_a_test_notification_to_each_channel_and_reports_each_result() {
    let r = Receiver::start().await;
    let dir = tempfile::tempdir().unwrap();
    // Nothing listens there for the test's whole length (bound, not listening).
    let held = unopened_port();
    let closed = held.local_addr().unwrap();
    let cfg = dir.path().join("doctor.toml");
    std::fs::write(
        &cfg,
        format!(
            "[daemon]\ndatabase = \"agent.db\"\n[security]\ntoken_key = {key:?}\n\
             [llm]\nbase_url = \"http://{closed}/v1\"\n[fanvue]\napi_base = \"http://{closed}\"\n\
             [[notify.channels]]\nname = \"ops\"\nkind = \"webhook\"\nurl = \"{url}/hook\"\nsecret = {secret:?}\n\
             [[notify.channels]]\nname = \"dead\"\nkind = \"slack\"\nurl = \"http://{closed}/services/DEADSUPERSECRET\"\n",
            key = fanvue_agent::crypto::TokenCipher::generate_key(),
            url = r.url,
            secret = WEBHOOK_SECRET,
        ),
    )
    .unwrap();
    let cfg1 = cfg.clone();
    let doctor = move |extra: &[&str]| {
        let out = std::process::Command::new(env!("CARGO_BIN_EXE_fanvue-agent"))
            .arg("--config")
            .arg(&cfg1)
            .arg("doctor")
            .args(extra)
            .env("FANVUE_AGENT_LOG__LEVEL", "error")
            .output()
            .unwrap();
        (
            out.status.code(),
            String::from_utf8_lossy(&out.stdout).to_string(),
        )
    };
    let (code, out) = tokio::task::spawn_blocking(move || doctor(&[]))
        .await
        .unwrap();
    assert_eq!(
        code,
        Some(1),
        "the LLM and Fanvue are unreachable here: {out}"
    );
    assert!(
        out.lines().any(|l| l.starts_with("ok")
            && l.contains("notify ops")
            && l.contains("test message delivered (webhook to 127.0.0.1)")),
        "{out}"
    );
    assert!(
        out.lines().any(|l| l.starts_with("FAIL")
            && l.contains("notify dead")
            && l.contains("slack to 127.0.0.1")),
        "{out}"
    );
    assert!(!out.contains("SUPERSECRET"), "{out}");
    let got = r.all();
    assert_eq!(got.len(), 1);
    assert_eq!(got[0].json()["type"], "test");
    assert!(got[0].headers.contains_key("x-fanvue-agent-signature"));
    let cfg2 = dir.path().join("doctor.toml");
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_fanvue-agent"))
        .arg("--config")
        .arg(&cfg2)
        .args(["doctor", "--no-notify-test"])
        .env("FANVUE_AGENT_LOG__LEVEL", "error")
        .output()
        .unwrap();
    let out = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.contains("2 channels; test messages skipped (--no-notify-test)"),
        "{out}"
    );
    assert_eq!(r.all().len(), 1, "no test message this time");
}
