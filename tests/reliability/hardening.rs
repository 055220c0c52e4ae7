//! Findings of the independent red team, each as a regression test: fan text and request text
//! never reach the operator's terminal or log as control sequences; the database file is private
//! and its deletion is noticed; admin endpoints stay off the webhook port by default; a missing
//! persona stops `serve` with a clear message; JSON log lines have one `message` key each.

use crate::{common::*, report};
use fanvue_agent::{domain::display::is_dangerous, fanvue::webhook::signature_header};
use serde_json::json;
use std::{
    io::{BufRead, BufReader},
    os::unix::fs::PermissionsExt,
    process::{Child, Command, Stdio},
    sync::Arc,
    time::{Duration, Instant},
};

/// What a hostile fan writes: a clear-screen, a window title, BEL, NUL, a C1 CSI, a bidi
/// override, and a CR/LF followed by a forged line starting at column 0.
const HOSTILE: &str = "hi\u{1b}[2J\u{1b}]0;pwned\u{7}\u{0}\u{9b}31m\u{202e}txt.exe\r\nFORGED 12:00:00 creator1 ← fan 00000000 [message] replied: ok";

/// Posts `body` to the daemon's webhook endpoint, signed with the daemon's secret.
async fn post_signed(d: &DaemonEnv, body: String) -> reqwest::Response {
    let secret = d.env.parts.cfg.webhook.secret.expose().to_string();
    let sig = signature_header(
        secret.as_bytes(),
        fanvue_agent::store::now_secs(),
        body.as_bytes(),
    );
    reqwest::Client::new()
        .post(format!("{}/webhooks/fanvue", d.url))
        .header("content-type", "application/json")
        .header("x-fanvue-signature", sig)
        .body(body)
        .send()
        .await
        .unwrap()
}

fn assert_terminal_safe(what: &str, out: &str) {
    let bad: Vec<String> = out
        .chars()
        .filter(|c| is_dangerous(*c) && *c != '\n')
        .map(|c| format!("U+{:04X}", c as u32))
        .collect();
    assert!(bad.is_empty(), "{what} printed raw {bad:?}:\n{out}");
    assert!(
        !out.lines().any(|l| l.starts_with("FORGED")),
        "{what} printed a forged line:\n{out}"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_fans_escape_sequences_reach_the_operators_terminal_only_as_visible_escapes() {
    let mut d = daemon_env(args(1, 1), |_| {}).await;
    connect(&d.env, "creator1").await;
    let run = serve(
        &d.env,
        d.listener.take().unwrap(),
        Arc::new(Canned::default()),
    );
    let fan = fans_of(&d.env, "creator1").await[0].clone();
    let body = json!({
        "message": {"uuid": "7c9e6679-7425-40de-944b-e07fc1f90ae7", "text": HOSTILE, "hasMedia": false},
        "messageUuid": "7c9e6679-7425-40de-944b-e07fc1f90ae7",
        "sender": {"uuid": fan, "handle": "eve\u{1b}[31m", "displayName": HOSTILE},
        "recipientUuid": creator_uuid(&d.env, "creator1").await,
        "timestamp": "2026-11-23T10:00:00.000Z"
    })
    .to_string();
    let r = post_signed(&d, body).await;
    assert_eq!(r.status(), 200);
    let start = Instant::now();
    while count(&d.env, "SELECT count(*) FROM decisions").await == 0 {
        assert!(start.elapsed() < Duration::from_secs(60), "no decision");
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    stop(run).await;
    let commands = [
        &["decisions"][..],
        &["decisions", "--json"],
        &["chats", "creator1"],
        &["chats", "creator1", "--json"],
    ];
    for args in commands {
        let (code, out) = cli(&d.env, args);
        assert_eq!(code, Some(0), "{args:?}: {out}");
        assert!(
            out.contains("\\u{1b}") || out.contains("\\u001b"),
            "{args:?} shows the escape visibly:\n{out}"
        );
        assert_terminal_safe(&format!("{args:?}"), &out);
    }
    let (_, json) = cli(&d.env, &["decisions", "--json"]);
    let line: serde_json::Value = serde_json::from_str(json.lines().next().unwrap()).unwrap();
    assert_eq!(
        line["fan_text"], HOSTILE,
        "--json still carries the exact text, escaped: {json}"
    );
    report::record(
        "terminal",
        &format!(
            "terminal: hostile fan name and text in the CLI\t1\t-\t0\t0\t0\t0\t{} commands printed ESC, OSC, BEL, NUL, C1, RLO and CR/LF: 0 raw, 0 forged lines",
            commands.len()
        ),
    );
}

/// A `fanvue-agent serve` child on `d`'s database with `edit` applied to its config text;
/// returns the child (stdout piped) and the path its stderr goes to.
fn spawn_daemon(d: &DaemonEnv, edit: impl Fn(String) -> String) -> (Child, std::path::PathBuf) {
    let listen = d.url.trim_start_matches("http://").to_string();
    let cfg = d.env.dir.path().join("serve.toml");
    std::fs::write(&cfg, edit(daemon_toml(&d.env, &listen, "info", ""))).unwrap();
    let log = d.env.dir.path().join("serve.log");
    let child = Command::new(env!("CARGO_BIN_EXE_fanvue-agent"))
        .arg("--config")
        .arg(&cfg)
        .arg("serve")
        .stdout(Stdio::piped())
        .stderr(std::fs::File::create(&log).unwrap())
        .spawn()
        .unwrap();
    (child, log)
}

/// Waits for the child's `listening on` line (its listener is bound then).
fn wait_listening(child: &mut Child) {
    let mut line = String::new();
    BufReader::new(child.stdout.as_mut().unwrap())
        .read_line(&mut line)
        .unwrap();
    assert!(line.starts_with("listening on"), "{line}");
}

fn terminate(mut child: Child) {
    let _ = Command::new("kill").arg(child.id().to_string()).status();
    let _ = child.wait();
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_hostile_oauth_callback_error_is_logged_escaped_in_the_pretty_log() {
    let mut d = daemon_env(args(1, 1), |_| {}).await;
    drop(d.listener.take()); // the child binds the address itself
    let (mut child, log) = spawn_daemon(&d, |t| {
        t.replace("format = \"json\"", "format = \"pretty\"")
    });
    wait_listening(&mut child);
    let hostile = "%1b%5b2J%1b%5d0%3bpwned%07%0d%0aFORGED%20line%c2%9b%e2%80%ae";
    let r = reqwest::get(format!("{}/oauth/callback?error={hostile}", d.url))
        .await
        .unwrap();
    assert_eq!(r.status(), 400);
    let start = Instant::now();
    while !std::fs::read_to_string(&log)
        .unwrap()
        .contains("authorization was not granted")
    {
        assert!(start.elapsed() < Duration::from_secs(10), "not logged");
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    terminate(child);
    let text = std::fs::read_to_string(&log).unwrap();
    assert_terminal_safe("the pretty log", &text);
    assert!(text.contains("\\u{1b}"), "shown visibly: {text}");
    report::record(
        "pretty_log",
        "log: hostile OAuth callback query, pretty format\t1\t-\t0\t0\t0\t0\tESC, OSC, BEL, C1, RLO and CR/LF + forged line: 0 raw in the log, shown as \\u{..}",
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn serve_refuses_to_start_without_persona_prompts_and_says_where_it_looked() {
    let mut d = daemon_env(args(1, 1), |_| {}).await;
    drop(d.listener.take());
    let empty = d.env.dir.path().join("no-prompts");
    std::fs::create_dir_all(&empty).unwrap();
    let (mut child, log) = spawn_daemon(&d, |t| {
        let prompts = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("prompts");
        t.replace(
            &format!("prompts_dir = {:?}", prompts.display().to_string()),
            "prompts_dir = \"no-prompts\"",
        )
    });
    let start = Instant::now();
    let status = loop {
        if let Some(s) = child.try_wait().unwrap() {
            break s;
        }
        if start.elapsed() > Duration::from_secs(20) {
            let _ = child.kill();
            panic!("serve started without persona prompts");
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    };
    assert!(!status.success(), "serve must not start");
    let err = std::fs::read_to_string(&log).unwrap();
    assert!(
        err.contains("persona") && err.contains(&empty.display().to_string()),
        "names the folder, resolved beside the config file: {err}"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn monitoring_is_off_the_webhook_port_by_default_and_on_its_own_loopback_listener() {
    let mut d = daemon_env(args(1, 1), |_| {}).await;
    drop(d.listener.take());
    let (mut child, log) = spawn_daemon(&d, |t| {
        t.replace(
            "admin_listen = \"public\"",
            "admin_listen = \"127.0.0.1:0\"",
        )
    });
    wait_listening(&mut child);
    for path in ["/metrics", "/readyz"] {
        let r = reqwest::get(format!("{}{path}", d.url)).await.unwrap();
        assert_eq!(r.status(), 404, "{path} is not on the webhook port");
    }
    let start = Instant::now();
    let admin = loop {
        let text = std::fs::read_to_string(&log).unwrap();
        if let Some(at) = text.find("health and metrics listening on http://") {
            let rest = &text[at + "health and metrics listening on http://".len()..];
            break rest[..rest.find(|c: char| c == '"' || c.is_whitespace()).unwrap()].to_string();
        }
        assert!(start.elapsed() < Duration::from_secs(10), "{text}");
        tokio::time::sleep(Duration::from_millis(50)).await;
    };
    assert!(admin.starts_with("127.0.0.1:"), "{admin}");
    let r = reqwest::get(format!("http://{admin}/metrics"))
        .await
        .unwrap();
    assert_eq!(r.status(), 200);
    terminate(child);
    let default = fanvue_agent::config::Config::default();
    assert_eq!(default.daemon.admin_address(), Some("127.0.0.1:9464"));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_database_is_private_and_its_deletion_turns_the_daemon_unready_and_refusing() {
    let mut d = daemon_env(args(1, 1), |_| {}).await;
    connect(&d.env, "creator1").await;
    let run = serve(
        &d.env,
        d.listener.take().unwrap(),
        Arc::new(Canned::default()),
    );
    let db = d.env.parts.cfg.daemon.database.clone();
    let mode = |p: &std::path::Path| std::fs::metadata(p).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode(&db), 0o600, "the database");
    let wal = std::path::PathBuf::from(format!("{}-wal", db.display()));
    let start = Instant::now();
    while !wal.exists() {
        assert!(start.elapsed() < Duration::from_secs(10), "no WAL");
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    assert_eq!(mode(&wal), 0o600, "the WAL");
    let ready = || async {
        reqwest::get(format!("{}/readyz", d.url))
            .await
            .unwrap()
            .json::<serde_json::Value>()
            .await
            .unwrap()
    };
    let start = Instant::now();
    while ready().await["checks"]
        .as_array()
        .unwrap()
        .iter()
        .any(|c| c["name"] == "store" && c["ok"] != true)
    {
        assert!(start.elapsed() < Duration::from_secs(10), "store probe");
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    for f in ["", "-wal", "-shm"] {
        let _ = std::fs::remove_file(format!("{}{f}", db.display()));
    }
    let fan = fans_of(&d.env, "creator1").await[0].clone();
    let body = json!({
        "message": {"uuid": "1c9e6679-7425-40de-944b-e07fc1f90ae7", "text": "hi", "hasMedia": false},
        "messageUuid": "1c9e6679-7425-40de-944b-e07fc1f90ae7",
        "sender": {"uuid": fan},
        "recipientUuid": creator_uuid(&d.env, "creator1").await,
        "timestamp": "2026-11-23T10:00:00.000Z"
    })
    .to_string();
    let r = post_signed(&d, body).await;
    assert_eq!(r.status(), 503, "not acknowledged into an unlinked file");
    let file_check = |body: &serde_json::Value| {
        body["checks"]
            .as_array()
            .unwrap()
            .iter()
            .find(|c| c["name"] == "database file")
            .unwrap()
            .clone()
    };
    let start = Instant::now();
    let body = loop {
        let body = ready().await;
        if file_check(&body)["ok"] == false {
            break body;
        }
        assert!(start.elapsed() < Duration::from_secs(10), "{body}");
        tokio::time::sleep(Duration::from_millis(100)).await;
    };
    assert_eq!(body["ready"], false, "{body}");
    let file = file_check(&body);
    assert!(
        file["detail"]
            .as_str()
            .unwrap()
            .contains("deleted or replaced"),
        "{body}"
    );
    assert!(
        !db.exists(),
        "nothing recreated the file behind the operator's back"
    );
    stop(run).await;
}
