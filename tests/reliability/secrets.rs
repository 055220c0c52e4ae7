//! Secrets: a whole session of the `fanvue-agent` binary (debug logging, connect through its own
//! OAuth callback, fans answered) with distinctive secret values; none of them, nor the OAuth
//! tokens Fanvue issued, appears in the logs, in any response body, in `check-config`, `doctor`
//! or `decisions` output, or anywhere in the database file in clear. The callback refuses a wrong
//! or reused `state`.

use crate::{common::*, report::Row};
use fanvue_agent::config::Secret;
use std::{process::Command, time::Duration};

const WEBHOOK_SECRET: &str = "whsec-DISTINCT-5ecre7-9c1f2e";
const CLIENT_SECRET: &str = "client-DISTINCT-5ecre7-4b7a0d";
const LLM_KEY: &str = "llm-DISTINCT-5ecre7-e3d8a1";

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn no_secret_leaks_anywhere_and_the_callback_state_is_single_use() {
    let mut a = talking_fans(1, 6, 71);
    // The fans wait for the connect below: a message written before it names a creator the
    // daemon does not know yet and is (rightly) held, leaving its turn unanswered.
    a.quiet_fans = true;
    a.webhook_secret = WEBHOOK_SECRET.into();
    a.client_secret = CLIENT_SECRET.into();
    let env = spawn_unconnected_app(a, |c| {
        c.webhook.secret = Secret::new(WEBHOOK_SECRET);
        c.fanvue.client_secret = Secret::new(CLIENT_SECRET);
    })
    .await;
    // The daemon is reached at the app's address (its public URL), relayed to the process.
    let base = env.url.clone();
    let token_key = env.parts.cfg.security.token_key.expose().to_string();
    let api = env.parts.cfg.fanvue.api_base.clone();
    let extra = format!(
        "[llm]\nbase_url = \"{api}/llm/v1\"\napi_key = \"{LLM_KEY}\"\nmodel = \"scripted\"\n\
         [agent]\ndebounce_ms = 200\ndebounce_cap_ms = 800\n[followup]\nenabled = false\n"
    );
    let cfg = env.write_file("config.toml", &env.process_config("debug", &extra));
    let mut daemon = env.start_process(&cfg, &[]).await;
    let mut bodies = vec![];
    // Connect through the daemon's own callback; then replay it and try a wrong state.
    let (code, state) = env.authorize("creator1").await;
    let callback = |q: String| {
        let base = base.clone();
        async move {
            let r = reqwest::get(format!("{base}/oauth/callback?{q}"))
                .await
                .unwrap();
            (r.status().as_u16(), r.text().await.unwrap())
        }
    };
    let ok = callback(format!("code={code}&state={state}")).await;
    assert_eq!(ok.0, 200, "{ok:?}");
    let reused = callback(format!("code={code}&state={state}")).await;
    assert_eq!(reused.0, 400, "a used state is refused: {reused:?}");
    let (code2, state2) = env.authorize("creator1").await;
    let wrong = callback(format!("code={code2}&state={state2}x")).await;
    assert_eq!(wrong.0, 400, "an unknown state is refused: {wrong:?}");
    bodies.extend([ok.1, reused.1, wrong.1]);
    // Refusals with secret-bearing input: a forged webhook, a bad signature.
    for sig in ["t=1,v0=00", &format!("t=1,v0={WEBHOOK_SECRET}")] {
        let r = reqwest::Client::new()
            .post(format!("{base}/webhooks/fanvue"))
            .header("content-type", "application/json")
            .header("x-fanvue-signature", sig)
            .body("{}")
            .send()
            .await
            .unwrap();
        bodies.push(r.text().await.unwrap());
    }
    bodies.push(
        reqwest::get(format!("{base}/metrics"))
            .await
            .unwrap()
            .text()
            .await
            .unwrap(),
    );
    bodies.push(
        reqwest::get(format!("{base}/readyz"))
            .await
            .unwrap()
            .text()
            .await
            .unwrap(),
    );
    // A session: the fans talk and are answered.
    env.post("/_sandbox/fans/resume", serde_json::json!({}))
        .await;
    env.settle_all(Duration::from_secs(120)).await;
    assert!(daemon.terminate().await.success());
    // What the operator commands print.
    let mut outputs = vec![];
    for args in [
        vec!["check-config"],
        vec!["doctor"],
        vec!["decisions", "--json", "--last", "100"],
        vec!["creators"],
    ] {
        let out = Command::new(env!("CARGO_BIN_EXE_fanvue-agent"))
            .args(["--config", cfg.to_str().unwrap()])
            .args(&args)
            .output()
            .unwrap();
        outputs.push(
            String::from_utf8_lossy(&out.stdout).to_string()
                + &String::from_utf8_lossy(&out.stderr),
        );
    }
    // The tokens Fanvue issued during the session.
    let tokens: Vec<String> = {
        let w = env.sandbox.world.lock();
        w.access.keys().chain(w.refresh.keys()).cloned().collect()
    };
    assert!(tokens.len() >= 2, "the sandbox issued tokens");
    let mut secrets: Vec<(&str, String)> = vec![
        ("webhook secret", WEBHOOK_SECRET.into()),
        ("client secret", CLIENT_SECRET.into()),
        ("LLM key", LLM_KEY.into()),
        ("token key", token_key.clone()),
    ];
    secrets.extend(tokens.iter().map(|t| ("OAuth token", t.clone())));
    let log = daemon.log_text();
    assert!(log.lines().count() > 50, "the debug log has content");
    // Each JSON line has one `message` key: a field of that name would shadow the event's text.
    // (Inside JSON strings quotes are escaped, so a fan's `"message":` cannot count here.)
    let sent = log.lines().filter(|l| l.contains("\"sent\"")).count();
    assert!(sent > 0, "the session sent replies");
    for line in log.lines() {
        assert!(
            line.matches("\"message\":").count() <= 1,
            "two message keys: {line}"
        );
    }
    let db = env.parts.cfg.daemon.database.clone();
    let mut files = vec![];
    for suffix in ["", "-wal"] {
        let p = std::path::PathBuf::from(format!("{}{suffix}", db.display()));
        if p.exists() {
            files.push(std::fs::read(&p).unwrap());
        }
    }
    let decisions: Vec<String> = sqlx::query_scalar(
        "SELECT coalesce(reason, '') || coalesce(guardrails, '') || coalesce(model, '') FROM decisions",
    )
    .fetch_all(env.parts.store.reader())
    .await
    .unwrap();
    let mut places = 0;
    for (what, s) in &secrets {
        let mut check = |place: &str, hay: &[u8]| {
            places += 1;
            assert!(
                !hay.windows(s.len()).any(|w| w == s.as_bytes()),
                "the {what} appears in {place}"
            );
        };
        check("the daemon's log", log.as_bytes());
        for b in &bodies {
            check("a response body", b.as_bytes());
        }
        for o in &outputs {
            check("a command's output", o.as_bytes());
        }
        for f in &files {
            check("the database file", f);
        }
        check("the decisions table", decisions.join("\n").as_bytes());
    }
    // The tokens are stored, as ciphertext that decrypts to what Fanvue issued.
    let stored = env.tokens("creator1").await;
    assert!(tokens.contains(&stored.access_token.expose().to_string()));
    Row::measure(&env, "secrets: a session with distinctive secrets")
        .await
        .note(format!(
            "{} secrets x {} places: 0 found; tokens stored as ciphertext; wrong and reused OAuth state refused",
            secrets.len(),
            places / secrets.len()
        ))
        .check_and_record();
}
