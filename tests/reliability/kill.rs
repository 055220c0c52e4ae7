//! Crash safety: the `fanvue-agent` binary is killed with SIGKILL at seeded random moments (some
//! while a send is at Fanvue and its response not yet recorded) under steady fan traffic with
//! bursts, and restarted each time. At the end the sandbox's ledger and the decisions table agree:
//! no event lost, no turn answered twice or never.

use crate::{common::*, report::Row, *};
use rand::{Rng, SeedableRng};
use std::{
    process::{Child, Command, Stdio},
    time::{Duration, Instant},
};

fn config_text(env: &Env, listen: &str) -> String {
    let extra = format!(
        "[llm]\nbase_url = \"{}/llm/v1\"\napi_key = \"scripted-llm-key\"\nmodel = \"scripted\"\n\
         timeout_secs = 2\n[agent]\ndebounce_ms = 200\ndebounce_cap_ms = 800\nrescan_secs = 2\n\
         [poller]\ninterval_secs = 2\n[followup]\nenabled = false\n",
        env.parts.cfg.fanvue.api_base
    );
    daemon_toml(env, listen, "info", &extra)
}

struct Daemon {
    cfg: std::path::PathBuf,
    log: std::path::PathBuf,
    url: String,
    child: Option<Child>,
}

impl Daemon {
    /// Starts the binary and waits until it answers /healthz.
    async fn start(&mut self) {
        let log = std::fs::OpenOptions::new()
            .create(true)
            .append(true)
            .open(&self.log)
            .unwrap();
        let child = Command::new(env!("CARGO_BIN_EXE_fanvue-agent"))
            .arg("--config")
            .arg(&self.cfg)
            .arg("serve")
            .stdout(Stdio::null())
            .stderr(log)
            .spawn()
            .unwrap();
        self.child = Some(child);
        let started = Instant::now();
        loop {
            let up = reqwest::get(format!("{}/healthz", self.url))
                .await
                .is_ok_and(|r| r.status().is_success());
            if up {
                return;
            }
            if let Some(status) = self.child.as_mut().unwrap().try_wait().unwrap() {
                panic!(
                    "the daemon exited ({status}):\n{}",
                    std::fs::read_to_string(&self.log).unwrap_or_default()
                );
            }
            assert!(started.elapsed() < Duration::from_secs(30), "no /healthz");
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
    }

    fn kill9(&mut self) {
        if let Some(mut c) = self.child.take() {
            c.kill().unwrap(); // SIGKILL
            c.wait().unwrap();
        }
    }

    fn sigterm(&mut self) {
        if let Some(mut c) = self.child.take() {
            let ok = Command::new("kill")
                .args(["-TERM", &c.id().to_string()])
                .status()
                .unwrap()
                .success();
            assert!(ok);
            assert!(c.wait().unwrap().success(), "clean exit on SIGTERM");
        }
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn kill_9_at_random_moments_loses_and_repeats_nothing() {
    let kills = if crate::report::full() { 25 } else { 8 };
    let seed = std::env::var("RELIABILITY_SEED")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(51u64);
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let listen = format!("127.0.0.1:{port}");
    let mut a = talking_fans(2, 20, seed);
    a.max_turns = if crate::report::full() { 6 } else { 4 };
    a.start_window_secs = 6.0;
    a.webhook_url = Some(format!("http://{listen}/webhooks/fanvue"));
    // Every send is processed at once but answered 500 ms later: kills land in that window.
    a.faults.send_response_delay_ms = 500;
    let secret = a.webhook_secret.clone();
    let env = env_with(a, |c| {
        c.webhook.secret = fanvue_agent::config::Secret::new(secret);
        c.daemon.prompts_dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("prompts");
    })
    .await;
    connect(&env, "creator1").await;
    connect(&env, "creator2").await;
    let cfg = env.dir.path().join("config.toml");
    std::fs::write(&cfg, config_text(&env, &listen)).unwrap();
    let mut daemon = Daemon {
        cfg,
        log: env.dir.path().join("daemon.log"),
        url: format!("http://{listen}"),
        child: None,
    };
    daemon.start().await;
    post(&env, "/_sandbox/fans/resume", serde_json::json!({})).await;
    let mut rng = rand::rngs::StdRng::seed_from_u64(seed);
    let fans: Vec<String> = world(&env).await["fans"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["uuid"].as_str().unwrap().to_string())
        .collect();
    let mut mid_send = 0;
    for k in 0..kills {
        // Bursts: now and then several fans at once, on top of the simulated fans' own pace.
        if k % 3 == 0 {
            for _ in 0..rng.gen_range(3..8) {
                let f = &fans[rng.gen_range(0..fans.len())];
                fan_says(&env, f, "quick question for you").await;
            }
        }
        let wait = Duration::from_millis(rng.gen_range(300..2000));
        if rng.gen_bool(0.5) {
            // Kill while a send is at Fanvue and its response not yet back.
            let until = Instant::now() + wait + Duration::from_secs(6);
            tokio::time::sleep(wait / 2).await;
            let f = &fans[rng.gen_range(0..fans.len())];
            fan_says(&env, f, "are you there?").await;
            while Instant::now() < until {
                if stats(&env).await["sends_awaiting_response"].as_u64() > Some(0) {
                    mid_send += 1;
                    break;
                }
                tokio::time::sleep(Duration::from_millis(10)).await;
            }
        } else {
            tokio::time::sleep(wait).await;
        }
        daemon.kill9();
        tokio::time::sleep(Duration::from_millis(rng.gen_range(0..800))).await;
        daemon.start().await;
    }
    settle_all(&env, Duration::from_secs(180)).await;
    daemon.sigterm();
    assert!(
        mid_send >= kills / 4,
        "kills between send and response: {mid_send}"
    );
    assert_one_decision_each_in_order(&env).await;
    let log = std::fs::read_to_string(env.dir.path().join("daemon.log")).unwrap();
    assert!(!log.contains("panicked"), "no panic in the daemon's log");
    Row::measure(&env, "kill -9 under load")
        .await
        .note(format!(
            "{kills} kills (seed {seed}), {mid_send} of them between send and response; at most one 429 per restart tolerated"
        ))
        .tolerate_rate_limited(kills as u64)
        .check_and_record();
}
