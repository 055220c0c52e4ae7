//! The `fanvue-agent` binary as systemd runs it, against the sandbox and the real local LLM:
//! sd_notify (READY, WATCHDOG, RELOADING, STOPPING), SIGHUP reloading config without dropping
//! work (and refusing a broken one), and the operator commands `doctor`, `decisions` filters,
//! `chats` and `replay` with their output and exit codes.

mod common;

use common::*;
use std::{
    os::unix::net::UnixDatagram,
    path::Path,
    process::{Child, Command, Stdio},
    time::{Duration, Instant},
};

struct Daemon {
    child: Child,
    notify: UnixDatagram,
    cfg: std::path::PathBuf,
    seen: Vec<String>,
}

impl Daemon {
    /// Waits for a notification containing `want`, keeping every one received.
    fn expect(&mut self, want: &str) {
        let start = Instant::now();
        let mut buf = [0u8; 512];
        while !self.seen.iter().any(|m| m.contains(want)) {
            assert!(
                start.elapsed() < Duration::from_secs(60),
                "no {want} from the daemon; got {:?}",
                self.seen
            );
            if let Ok(n) = self.notify.recv(&mut buf) {
                self.seen
                    .push(String::from_utf8_lossy(&buf[..n]).to_string());
            }
        }
    }

    fn signal(&self, sig: &str) {
        let ok = Command::new("kill")
            .args([sig, &self.child.id().to_string()])
            .status()
            .unwrap()
            .success();
        assert!(ok, "kill {sig}");
    }
}

fn config_text(env: &Env, listen: &str, mode: &str, llm_url: &str, llm_key: &str) -> String {
    let c = &env.parts.cfg;
    format!(
        r#"[daemon]
listen = "{listen}"
public_url = "http://{listen}"
database = {db:?}
admin_listen = "public"
prompts_dir = {prompts:?}
shutdown_deadline_secs = 5
[log]
format = "json"
level = "info"
[fanvue]
api_base = "{api}"
authorize_url = "{api}/oauth2/auth"
token_url = "{api}/oauth2/token"
client_id = "sandbox-client"
client_secret = "sandbox-secret"
request_timeout_secs = 5
[webhook]
secret = {secret:?}
[security]
token_key = {key:?}
[llm]
base_url = "{llm_url}"
api_key = "{llm_key}"
max_tokens = 32
timeout_secs = 60
[agent]
debounce_ms = 300
debounce_cap_ms = 1000
mark_read_after_reply = false
mode = "{mode}"
[followup]
enabled = false
[creators.creator1]
"#,
        db = c.daemon.database.display().to_string(),
        prompts = Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("prompts")
            .display()
            .to_string(),
        api = c.fanvue.api_base,
        secret = c.webhook.secret.expose(),
        key = c.security.token_key.expose(),
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
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let listen = format!("127.0.0.1:{port}");
    let mut a = args(1, 2);
    a.webhook_url = Some(format!("http://{listen}/webhooks/fanvue"));
    let secret = a.webhook_secret.clone();
    let env = env_with(a, |c| {
        c.webhook.secret = fanvue_agent::config::Secret::new(secret)
    })
    .await;
    connect(&env, "creator1").await;
    let (llm_url, llm_key) = local_llm();
    let cfg = env.dir.path().join("config.toml");
    std::fs::write(&cfg, config_text(&env, &listen, "live", &llm_url, &llm_key)).unwrap();
    let sock = env.dir.path().join("notify.sock");
    let notify = UnixDatagram::bind(&sock).unwrap();
    notify
        .set_read_timeout(Some(Duration::from_millis(200)))
        .unwrap();
    let log = std::fs::File::create(env.dir.path().join("daemon.log")).unwrap();
    let child = Command::new(env!("CARGO_BIN_EXE_fanvue-agent"))
        .arg("--config")
        .arg(&cfg)
        .arg("serve")
        .env("NOTIFY_SOCKET", &sock)
        .env("WATCHDOG_USEC", "1000000")
        .stdout(Stdio::null())
        .stderr(log)
        .spawn()
        .unwrap();
    let mut d = Daemon {
        child,
        notify,
        cfg: cfg.clone(),
        seen: vec![],
    };
    d.expect("READY=1");
    d.expect("WATCHDOG=1");
    let fan = fans_of(&env, "creator1").await[0].clone();

    // Live: a reply reaches Fanvue.
    fan_says(&env, &fan, "hi, how is your day going?").await;
    wait_for(&env, "the live reply", |s| s["creator_messages"] == 1).await;

    // Reloaded to shadow mode without a restart: the next message is drafted, not sent.
    std::fs::write(
        &d.cfg,
        config_text(&env, &listen, "shadow", &llm_url, &llm_key),
    )
    .unwrap();
    d.seen.clear();
    d.signal("-HUP");
    d.expect("RELOADING=1");
    d.expect("READY=1");
    fan_says(&env, &fan, "what are you doing tonight?").await;
    let start = Instant::now();
    while count(&env, "SELECT count(*) FROM drafts WHERE state = 'shadow'").await < 1 {
        assert!(
            start.elapsed() < Duration::from_secs(60),
            "no shadow draft after reload"
        );
        tokio::time::sleep(Duration::from_millis(200)).await;
    }

    // A broken config is refused; the one in force stays.
    std::fs::write(&d.cfg, "[agent]\nmode = \"loud\"\n").unwrap();
    d.seen.clear();
    d.signal("-HUP");
    d.expect("reload refused");
    std::fs::write(
        &d.cfg,
        config_text(&env, &listen, "shadow", &llm_url, &llm_key),
    )
    .unwrap();
    assert_eq!(stats(&env).await["creator_messages"], 1, "still one sent");

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
    let alt = env.dir.path().join("alt-prompts/default");
    std::fs::create_dir_all(&alt).unwrap();
    std::fs::write(
        alt.join("persona.md"),
        "You are {{ creator.display_name }}, a cheerful baker. Keep replies short.\n",
    )
    .unwrap();
    let decisions_before = count(&env, "SELECT count(*) FROM decisions").await;
    let sent_before = stats(&env).await["creator_messages"].clone();
    let alt_dir = env.dir.path().join("alt-prompts");
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
        count(&env, "SELECT count(*) FROM decisions").await,
        decisions_before
    );
    assert_eq!(stats(&env).await["creator_messages"], sent_before);
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
    d.expect("STOPPING=1");
    let start = Instant::now();
    let status = loop {
        if let Some(s) = d.child.try_wait().unwrap() {
            break s;
        }
        assert!(start.elapsed() < Duration::from_secs(20), "did not stop");
        std::thread::sleep(Duration::from_millis(100));
    };
    assert!(status.success(), "{status}");
    let log = std::fs::read_to_string(env.dir.path().join("daemon.log")).unwrap();
    assert!(log.contains("configuration reloaded"), "{log}");
    assert!(
        log.contains("\"decision\":\"replied\""),
        "one JSON line per decision: {log}"
    );
    assert!(
        !log.contains(env.parts.cfg.webhook.secret.expose()),
        "no secret in logs"
    );
}
