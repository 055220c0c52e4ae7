//! Findings of the independent red team, each as a regression test: fan text and request text
//! never reach the operator's terminal or log as control sequences; the database file is private
//! and its deletion is noticed; admin endpoints stay off the webhook port by default; a missing
//! persona stops `serve` with a clear message; JSON log lines have one `message` key each.

use crate::{common::*, report};
use fanvue_agent::domain::display::is_dangerous;
use serde_json::json;
use std::{os::unix::fs::PermissionsExt, time::Duration};

/// What a hostile fan writes: a clear-screen, a window title, BEL, NUL, a C1 CSI, a bidi
/// override, and a CR/LF followed by a forged line starting at column 0.
const HOSTILE: &str = "hi\u{1b}[2J\u{1b}]0;pwned\u{7}\u{0}\u{9b}31m\u{202e}txt.exe\r\nFORGED 12:00:00 creator1 ← fan 00000000 [message] replied: ok";

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
    let app = spawn_app(args(1, 1), |_| {}).await;
    app.serve(canned());
    let fan = app.fan_of("creator1").await;
    let body = json!({
        "message": {"uuid": "7c9e6679-7425-40de-944b-e07fc1f90ae7", "text": HOSTILE, "hasMedia": false},
        "messageUuid": "7c9e6679-7425-40de-944b-e07fc1f90ae7",
        "sender": {"uuid": fan, "handle": "eve\u{1b}[31m", "displayName": HOSTILE},
        "recipientUuid": app.creator_uuid("creator1").await,
        "timestamp": "2026-11-23T10:00:00.000Z"
    })
    .to_string();
    let r = app.post_webhook(body).await;
    assert_eq!(r.status(), 200);
    app.wait_for_count("a decision", "SELECT count(*) FROM decisions", |n| n > 0)
        .await;
    app.stop().await;
    let commands = [
        &["decisions"][..],
        &["decisions", "--json"],
        &["chats", "creator1"],
        &["chats", "creator1", "--json"],
    ];
    for args in commands {
        let (code, out) = app.cli(args);
        assert_eq!(code, Some(0), "{args:?}: {out}");
        assert!(
            out.contains("\\u{1b}") || out.contains("\\u001b"),
            "{args:?} shows the escape visibly:\n{out}"
        );
        assert_terminal_safe(&format!("{args:?}"), &out);
    }
    let (_, json) = app.cli(&["decisions", "--json"]);
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

/// A `fanvue-agent serve` process on `app`'s database with `edit` applied to its config text,
/// not yet listening.
fn spawn_daemon(app: &TestApp, edit: impl Fn(String) -> String) -> DaemonProcess {
    let cfg = app.write_file("serve.toml", &edit(app.process_config("info", "")));
    app.spawn_process(&cfg, &[])
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_hostile_oauth_callback_error_is_logged_escaped_in_the_pretty_log() {
    let app = spawn_unconnected_app(args(1, 1), |_| {}).await;
    let mut daemon = spawn_daemon(&app, |t| {
        t.replace("format = \"json\"", "format = \"pretty\"")
    });
    daemon.listening().await;
    let hostile = "%1b%5b2J%1b%5d0%3bpwned%07%0d%0aFORGED%20line%c2%9b%e2%80%ae";
    let r = reqwest::get(format!("{}/oauth/callback?error={hostile}", daemon.url))
        .await
        .unwrap();
    assert_eq!(r.status(), 400);
    wait_until("the refusal logged", || async {
        daemon.log_text().contains("authorization was not granted")
    })
    .await;
    daemon.terminate().await;
    let text = daemon.log_text();
    assert_terminal_safe("the pretty log", &text);
    assert!(text.contains("\\u{1b}"), "shown visibly: {text}");
    report::record(
        "pretty_log",
        "log: hostile OAuth callback query, pretty format\t1\t-\t0\t0\t0\t0\tESC, OSC, BEL, C1, RLO and CR/LF + forged line: 0 raw in the log, shown as \\u{..}",
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn serve_refuses_to_start_without_persona_prompts_and_says_where_it_looked() {
    let app = spawn_unconnected_app(args(1, 1), |_| {}).await;
    let empty = app.dir.path().join("no-prompts");
    std::fs::create_dir_all(&empty).unwrap();
    let mut daemon = spawn_daemon(&app, |t| {
        t.replace(
            &format!("prompts_dir = {:?}", prompts_dir().display().to_string()),
            "prompts_dir = \"no-prompts\"",
        )
    });
    let status = daemon.exit_status(Duration::from_secs(20)).await;
    assert!(!status.success(), "serve must not start");
    let err = daemon.log_text();
    assert!(
        err.contains("persona") && err.contains(&empty.display().to_string()),
        "names the folder, resolved beside the config file: {err}"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn monitoring_is_off_the_webhook_port_by_default_and_on_its_own_loopback_listener() {
    let app = spawn_unconnected_app(args(1, 1), |_| {}).await;
    // Both on port 0; `check-config` wants the two addresses to differ, so webhooks go to
    // another loopback address.
    let mut daemon = spawn_daemon(&app, |t| {
        t.replace("\nlisten = \"127.0.0.1:0\"", "\nlisten = \"127.0.0.2:0\"")
            .replace(
                "admin_listen = \"public\"",
                "admin_listen = \"127.0.0.1:0\"",
            )
    });
    daemon.listening().await;
    for path in ["/metrics", "/readyz"] {
        let r = reqwest::get(format!("{}{path}", daemon.url)).await.unwrap();
        assert_eq!(r.status(), 404, "{path} is not on the webhook port");
    }
    let admin = eventually("the monitoring listener's address in the log", || async {
        let text = daemon.log_text();
        let at = "health and metrics listening on http://";
        match text.find(at) {
            Some(i) => {
                let rest = &text[i + at.len()..];
                Ok(rest[..rest.find(|c: char| c == '"' || c.is_whitespace()).unwrap()].to_string())
            }
            None => Err(text),
        }
    })
    .await;
    assert!(admin.starts_with("127.0.0.1:"), "{admin}");
    let r = reqwest::get(format!("http://{admin}/metrics"))
        .await
        .unwrap();
    assert_eq!(r.status(), 200);
    daemon.terminate().await;
    let default = fanvue_agent::config::Config::default();
    assert_eq!(default.daemon.admin_address(), Some("127.0.0.1:9464"));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_database_is_private_and_its_deletion_turns_the_daemon_unready_and_refusing() {
    let app = spawn_app(args(1, 1), |_| {}).await;
    app.serve(canned());
    let db = app.parts.cfg.daemon.database.clone();
    let mode = |p: &std::path::Path| std::fs::metadata(p).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode(&db), 0o600, "the database");
    let wal = std::path::PathBuf::from(format!("{}-wal", db.display()));
    wait_until("the WAL", || async { wal.exists() }).await;
    assert_eq!(mode(&wal), 0o600, "the WAL");
    let ready = || async {
        reqwest::get(format!("{}/readyz", app.url))
            .await
            .unwrap()
            .json::<serde_json::Value>()
            .await
            .unwrap()
    };
    let check = |body: &serde_json::Value, name: &str| {
        body["checks"]
            .as_array()
            .unwrap()
            .iter()
            .find(|c| c["name"] == name)
            .cloned()
    };
    wait_until("the store probe to pass", || async {
        check(&ready().await, "store").is_none_or(|c| c["ok"] == true)
    })
    .await;
    for f in ["", "-wal", "-shm"] {
        let _ = std::fs::remove_file(format!("{}{f}", db.display()));
    }
    let fan = app.fan_of("creator1").await;
    let body = json!({
        "message": {"uuid": "1c9e6679-7425-40de-944b-e07fc1f90ae7", "text": "hi", "hasMedia": false},
        "messageUuid": "1c9e6679-7425-40de-944b-e07fc1f90ae7",
        "sender": {"uuid": fan},
        "recipientUuid": app.creator_uuid("creator1").await,
        "timestamp": "2026-11-23T10:00:00.000Z"
    })
    .to_string();
    let r = app.post_webhook(body).await;
    assert_eq!(r.status(), 503, "not acknowledged into an unlinked file");
    let body = eventually("the database file check to fail", || async {
        let body = ready().await;
        if check(&body, "database file").unwrap()["ok"] == false {
            Ok(body)
        } else {
            Err(body)
        }
    })
    .await;
    assert_eq!(body["ready"], false, "{body}");
    let file = check(&body, "database file").unwrap();
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
    app.stop().await;
}
