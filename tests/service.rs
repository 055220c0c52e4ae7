//! The `fanvue-agent` binary as systemd runs it, against the sandbox and the real local LLM:
//! sd_notify (READY, WATCHDOG, RELOADING, STOPPING), SIGHUP reloading config without dropping
//! work (and refusing a broken one), and the operator commands `doctor`, `decisions` filters,
//! `chats` and `replay` with their output and exit codes. Skipped without the local LLM (see
//! tests/common/peers.rs).

mod common;

use common::*;
use std::{
    os::unix::net::UnixDatagram,
    path::Path,
    process::Command,
    sync::{
        atomic::{AtomicBool, Ordering},
        Arc, Mutex,
    },
    time::Duration,
};

/// The systemd notifications a daemon process sends to its `NOTIFY_SOCKET`, read as they come
/// (as systemd does: a datagram socket holds only a few, and a full one blocks the sender).
struct Notifications {
    seen: Arc<Mutex<Vec<String>>>,
    stop: Arc<AtomicBool>,
}

impl Notifications {
    /// Binds the socket at `path` and reads it on a thread of its own.
    fn listen(path: &Path) -> Notifications {
        let socket = UnixDatagram::bind(path).unwrap();
        socket
            .set_read_timeout(Some(Duration::from_millis(200)))
            .unwrap();
        let (seen, stop) = (
            Arc::new(Mutex::new(vec![])),
            Arc::new(AtomicBool::new(false)),
        );
        let (s, st) = (seen.clone(), stop.clone());
        std::thread::spawn(move || {
            let mut buf = [0u8; 512];
            while !st.load(Ordering::Relaxed) {
                if let Ok(n) = socket.recv(&mut buf) {
                    s.lock()
                        .unwrap()
                        .push(String::from_utf8_lossy(&buf[..n]).to_string());
                }
            }
        });
        Notifications { seen, stop }
    }

    /// Waits for a notification containing `want`.
    async fn expect(&self, want: &str) {
        eventually(&format!("{want} from the daemon"), || async {
            let seen = self.seen.lock().unwrap();
            match seen.iter().any(|m| m.contains(want)) {
                true => Ok(()),
                false => Err(format!("{seen:?}")),
            }
        })
        .await
    }

    /// Forgets what was received so far.
    fn clear(&self) {
        self.seen.lock().unwrap().clear();
    }
}

impl Drop for Notifications {
    fn drop(&mut self) {
        self.stop.store(true, Ordering::Relaxed);
    }
}

/// The daemon's config in `mode`, on the local LLM.
fn config_text(app: &TestApp, mode: &str, llm: &LocalLlm) -> String {
    app.process_config(
        "info",
        &format!(
            "[llm]\nbase_url = \"{}\"\napi_key = \"{}\"\nmax_tokens = 32\ntimeout_secs = 60\n\
             [agent]\ndebounce_ms = 300\ndebounce_cap_ms = 1000\nmark_read_after_reply = false\n\
             mode = \"{mode}\"\n[followup]\nenabled = false\n",
            llm.url, llm.key
        ),
    )
}

fn run_cli(cfg: &Path, args: &[&str], envs: &[(&str, &str)]) -> (Option<i32>, String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_fanvue-agent"))
        .arg("--config")
        .arg(cfg)
        .args(args)
        .env("FANVUE_AGENT_LOG__LEVEL", "error")
        .envs(envs.iter().copied())
        .output()
        .unwrap();
    (
        out.status.code(),
        String::from_utf8_lossy(&out.stdout).to_string(),
        String::from_utf8_lossy(&out.stderr).to_string(),
    )
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn under_systemd_it_notifies_reloads_on_sighup_and_the_operator_commands_work() {
    let Some(llm) = local_llm() else { return };
    let app = spawn_app(args(1, 2), |_| {}).await;
    let cfg = app.write_file("config.toml", &config_text(&app, "live", &llm));
    let sock = app.dir.path().join("notify.sock");
    let notes = Notifications::listen(&sock);
    let mut d = app
        .start_process(
            &cfg,
            &[
                ("NOTIFY_SOCKET", sock.to_str().unwrap()),
                ("WATCHDOG_USEC", "1000000"),
            ],
        )
        .await;
    notes.expect("READY=1").await;
    notes.expect("WATCHDOG=1").await;
    let fan = app.fan_of("creator1").await;

    // Live: a reply reaches Fanvue.
    app.fan_says(&fan, "hi, how is your day going?").await;
    app.wait_for_stats("the live reply", |s| s["creator_messages"] == 1)
        .await;

    // Reloaded to shadow mode without a restart: the next message is drafted, not sent.
    std::fs::write(&cfg, config_text(&app, "shadow", &llm)).unwrap();
    notes.clear();
    d.signal("-HUP");
    notes.expect("RELOADING=1").await;
    notes.expect("READY=1").await;
    app.fan_says(&fan, "what are you doing tonight?").await;
    app.wait_for_count(
        "a shadow draft after the reload",
        "SELECT count(*) FROM drafts WHERE state = 'shadow'",
        |n| n >= 1,
    )
    .await;

    // A broken config is refused; the one in force stays.
    std::fs::write(&cfg, "[agent]\nmode = \"loud\"\n").unwrap();
    notes.clear();
    d.signal("-HUP");
    notes.expect("reload refused").await;
    std::fs::write(&cfg, config_text(&app, "shadow", &llm)).unwrap();
    assert_eq!(app.stats().await["creator_messages"], 1, "still one sent");

    // decisions: filters and formats.
    let short = &fan[..8];
    let (code, out, err) = run_cli(
        &cfg,
        &[
            "decisions",
            "--creator",
            "creator1",
            "--fan",
            short,
            "--since",
            "10m",
            "--json",
        ],
        &[],
    );
    assert_eq!(code, Some(0), "{err}");
    let lines: Vec<serde_json::Value> = out
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(lines.len(), 2, "{out}");
    assert!(lines.iter().all(|l| l["fan"] == fan.as_str()));
    assert_eq!(lines[1]["send_state"], "draft:shadow", "{out}");
    let (code, out, _) = run_cli(&cfg, &["decisions", "--fan", "ffffffff"], &[]);
    assert_eq!((code, out.trim()), (Some(0), ""), "no such fan: nothing");
    let (code, _, err) = run_cli(&cfg, &["decisions", "--since", "yesterday"], &[]);
    assert_eq!(code, Some(2), "bad input");
    assert!(err.contains("not a time"), "{err}");

    // chats: the conversation with its decisions.
    let (code, out, err) = run_cli(&cfg, &["chats", "creator1"], &[]);
    assert_eq!(code, Some(0), "{err}");
    assert!(out.contains(&format!("fan {short}")), "{out}");
    assert!(out.contains("fan: hi, how is your day going?"), "{out}");
    assert!(out.contains("  you: "), "{out}");
    assert!(out.contains("last decision: replied"), "{out}");
    let (code, _, err) = run_cli(&cfg, &["chats", "nobody"], &[]);
    assert_eq!(code, Some(2), "{err}");

    // replay: a dry run with another persona; nothing sent, nothing saved.
    let alt = app.dir.path().join("alt-prompts/default");
    std::fs::create_dir_all(&alt).unwrap();
    std::fs::write(
        alt.join("persona.md"),
        "You are {{ creator.display_name }}, a cheerful baker. Keep replies short.\n",
    )
    .unwrap();
    let decisions_before = app.count("SELECT count(*) FROM decisions").await;
    let sent_before = app.stats().await["creator_messages"].clone();
    let alt_dir = app.dir.path().join("alt-prompts");
    let (code, out, err) = run_cli(
        &cfg,
        &["replay", short, "--prompt-dir", alt_dir.to_str().unwrap()],
        &[],
    );
    assert_eq!(code, Some(0), "{out}{err}");
    assert!(
        out.contains("fan:      what are you doing tonight?"),
        "{out}"
    );
    assert!(out.contains("alt-prompts/default"), "{out}");
    assert!(
        out.contains("outcome:  replied") || out.contains("outcome:  escalated"),
        "{out}"
    );
    assert!(out.contains("dry run"), "{out}");
    assert_eq!(
        app.count("SELECT count(*) FROM decisions").await,
        decisions_before
    );
    assert_eq!(app.stats().await["creator_messages"], sent_before);
    let (code, _, err) = run_cli(&cfg, &["replay", "not-a-fan!"], &[]);
    assert_eq!(code, Some(2), "bad input");
    assert!(err.contains("not a fan uuid"), "{err}");

    // doctor: all green, then one line with a fix when the LLM is gone.
    let (code, out, err) = run_cli(&cfg, &["doctor"], &[]);
    assert_eq!(code, Some(0), "{out}{err}");
    for name in [
        "config",
        "store",
        "webhook secret",
        "prompts creator1",
        "creator creator1",
        "llm",
        "clock",
    ] {
        assert!(
            out.lines().any(|l| l.starts_with("ok") && l.contains(name)),
            "no ok line for {name}:\n{out}"
        );
    }
    let (code, out, _) = run_cli(
        &cfg,
        &["doctor"],
        &[("FANVUE_AGENT_LLM__BASE_URL", "http://127.0.0.1:9/v1")],
    );
    assert_eq!(code, Some(1), "{out}");
    assert!(
        out.lines()
            .any(|l| l.starts_with("FAIL") && l.contains("llm")),
        "{out}"
    );
    assert!(out.contains("fix: start the LLM server"), "{out}");

    // SIGTERM: STOPPING, then a clean exit.
    d.signal("-TERM");
    notes.expect("STOPPING=1").await;
    let status = d.exit_status(Duration::from_secs(20)).await;
    assert!(status.success(), "{status}");
    let log = d.log_text();
    assert!(log.contains("configuration reloaded"), "{log}");
    assert!(
        log.contains("\"decision\":\"replied\""),
        "one JSON line per decision: {log}"
    );
    assert!(
        !log.contains(app.parts.cfg.webhook.secret.expose()),
        "no secret in logs"
    );
}
