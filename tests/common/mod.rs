//! Test helpers: an in-process sandbox on port 0, a config pointing at it, connected creators.
#![allow(dead_code)]

use fanvue_agent::agent::llm::{Completion, Llm, LlmFuture, LlmRequest};
use fanvue_agent::{
    app::Parts,
    config::{Config, CreatorConfig, Secret},
    crypto::TokenCipher,
};
use fanvue_sandbox::{Sandbox, SandboxArgs};
use serde_json::json;
use std::{
    sync::Arc,
    time::{Duration, Instant},
};
use tokio::net::TcpListener;
use tokio_util::sync::CancellationToken;

pub struct Env {
    pub sandbox: Sandbox,
    pub parts: Parts,
    pub shutdown: CancellationToken,
    pub dir: tempfile::TempDir,
}

impl Drop for Env {
    fn drop(&mut self) {
        self.shutdown.cancel();
    }
}

/// Sandbox args for tests: quiet fans (tests drive them), no webhooks unless set.
pub fn args(creators: usize, fans: usize) -> SandboxArgs {
    let mut a = SandboxArgs::defaults();
    a.listen = "127.0.0.1:0".into();
    a.creators = creators;
    a.fans = fans;
    a.quiet_fans = true;
    a
}

pub fn config(sandbox_url: &str, dir: &std::path::Path, creators: usize) -> Config {
    let mut c = Config::default();
    c.daemon.listen = "127.0.0.1:0".into();
    c.daemon.database = dir.join("agent.db");
    // In-process tests read /metrics and /readyz where webhooks arrive.
    c.daemon.admin_listen = "public".into();
    c.fanvue.api_base = sandbox_url.into();
    c.fanvue.authorize_url = format!("{sandbox_url}/oauth2/auth");
    c.fanvue.token_url = format!("{sandbox_url}/oauth2/token");
    c.fanvue.client_id = "sandbox-client".into();
    c.fanvue.client_secret = Secret::new("sandbox-secret");
    c.fanvue.request_timeout_secs = 3;
    c.security.token_key = Secret::new(TokenCipher::generate_key());
    for i in 1..=creators {
        c.creators
            .insert(format!("creator{i}"), CreatorConfig::default());
    }
    c
}

pub async fn env_with(args: SandboxArgs, tweak: impl FnOnce(&mut Config)) -> Env {
    let shutdown = CancellationToken::new();
    let creators = args.creators;
    let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
    let sandbox = fanvue_sandbox::start(args, listener, shutdown.clone())
        .await
        .unwrap();
    let dir = tempfile::tempdir().unwrap();
    let mut cfg = config(&sandbox.url(), dir.path(), creators);
    tweak(&mut cfg);
    let parts = Parts::build(cfg).await.unwrap();
    Env {
        sandbox,
        parts,
        shutdown,
        dir,
    }
}

pub async fn env(creators: usize, fans: usize) -> Env {
    env_with(args(creators, fans), |_| {}).await
}

/// Runs the authorization as a browser would with the sandbox auto-approving, and returns the
/// `(code, state)` the callback would receive.
pub async fn authorize(env: &Env, handle: &str) -> (String, String) {
    let start = env.parts.connector().begin(handle).await.unwrap();
    let url = format!("{}&sandbox_auto_approve={handle}", start.url);
    let resp = env.parts.api.http().get(&url).send().await.unwrap();
    assert_eq!(resp.status(), 303, "the sandbox redirects to the callback");
    let loc = url::Url::parse(resp.headers()["location"].to_str().unwrap()).unwrap();
    let q: std::collections::HashMap<_, _> = loc.query_pairs().into_owned().collect();
    (q["code"].clone(), q["state"].clone())
}

/// Connects `handle` through the full PKCE flow (without the HTTP callback hop).
pub async fn connect(env: &Env, handle: &str) {
    let (code, state) = authorize(env, handle).await;
    env.parts.connector().finish(&state, &code).await.unwrap();
}

pub async fn stats(env: &Env) -> serde_json::Value {
    reqwest::get(format!("{}/_sandbox/stats", env.sandbox.url()))
        .await
        .unwrap()
        .json()
        .await
        .unwrap()
}

pub async fn world(env: &Env) -> serde_json::Value {
    reqwest::get(format!("{}/_sandbox/world", env.sandbox.url()))
        .await
        .unwrap()
        .json()
        .await
        .unwrap()
}

pub async fn post(env: &Env, path: &str, body: serde_json::Value) -> reqwest::Response {
    reqwest::Client::new()
        .post(format!("{}{path}", env.sandbox.url()))
        .json(&body)
        .send()
        .await
        .unwrap()
}

/// The Fanvue uuid of a connected creator.
pub async fn creator_uuid(env: &Env, handle: &str) -> String {
    env.parts
        .store
        .creator(handle)
        .await
        .unwrap()
        .and_then(|c| c.uuid)
        .expect("a connected creator")
}

/// The uuids of the fans of `creator`.
pub async fn fans_of(env: &Env, creator: &str) -> Vec<String> {
    world(env).await["fans"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["creator"] == creator)
        .map(|f| f["uuid"].as_str().unwrap().to_string())
        .collect()
}

/// The real local LLM (llama-server + SmolLM2) the end-to-end tests talk to: `LOCAL_LLM_BASE_URL`
/// when set (scripts/test starts it), else started here with `scripts/local-llm start`.
pub fn local_llm() -> (String, String) {
    static LLM: std::sync::OnceLock<(String, String)> = std::sync::OnceLock::new();
    LLM.get_or_init(|| {
        let key = std::env::var("LOCAL_LLM_API_KEY").unwrap_or_else(|_| "local-llm-key".into());
        if let Ok(url) = std::env::var("LOCAL_LLM_BASE_URL") {
            return (url, key);
        }
        let root = env!("CARGO_MANIFEST_DIR");
        let out = std::process::Command::new(format!("{root}/scripts/local-llm"))
            .arg("start")
            .output()
            .expect("run scripts/local-llm");
        assert!(
            out.status.success(),
            "the end-to-end tests need the local LLM; `scripts/local-llm start` failed:\n{}",
            String::from_utf8_lossy(&out.stderr)
        );
        let line = String::from_utf8_lossy(&out.stdout).to_string();
        let url = line
            .split_whitespace()
            .find_map(|w| w.strip_prefix("base_url="))
            .expect("base_url in the output")
            .to_string();
        (url, key)
    })
    .clone()
}

/// A sandbox whose webhooks go to a daemon listener bound first, the daemon's parts, and the
/// listener itself (hand it to [`Parts::serve`]).
pub struct DaemonEnv {
    pub env: Env,
    pub listener: Option<TcpListener>,
    pub url: String,
}

pub async fn daemon_env(mut args: SandboxArgs, tweak: impl FnOnce(&mut Config)) -> DaemonEnv {
    let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
    let url = format!("http://{}", listener.local_addr().unwrap());
    args.webhook_url = Some(format!("{url}/webhooks/fanvue"));
    let secret = args.webhook_secret.clone();
    let env = env_with(args, |c| {
        c.webhook.secret = Secret::new(secret);
        c.daemon.prompts_dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("prompts");
        tweak(c)
    })
    .await;
    DaemonEnv {
        env,
        listener: Some(listener),
        url,
    }
}

/// One SQL count on the daemon's database.
pub async fn count(env: &Env, sql: &str) -> i64 {
    sqlx::query_scalar(sql)
        .fetch_one(env.parts.store.reader())
        .await
        .unwrap()
}

/// A daemon served in this process.
pub struct Running {
    pub stop: CancellationToken,
    pub handle: tokio::task::JoinHandle<std::io::Result<()>>,
}

pub fn serve(env: &Env, listener: TcpListener, llm: Arc<dyn Llm>) -> Running {
    let stop = CancellationToken::new();
    let parts = env.parts.clone();
    let s = stop.clone();
    Running {
        stop,
        handle: tokio::spawn(async move { parts.serve(listener, s, llm).await }),
    }
}

pub async fn stop(r: Running) {
    r.stop.cancel();
    tokio::time::timeout(Duration::from_secs(15), r.handle)
        .await
        .expect("stops within its deadline")
        .unwrap()
        .unwrap();
}

/// Waits until `check` holds on the sandbox stats, or fails with them.
pub async fn wait_for(env: &Env, what: &str, check: impl Fn(&serde_json::Value) -> bool) {
    let start = Instant::now();
    loop {
        let st = stats(env).await;
        if check(&st) {
            return;
        }
        assert!(
            start.elapsed() < Duration::from_secs(90),
            "timed out waiting for {what}: {st}"
        );
        tokio::time::sleep(Duration::from_millis(200)).await;
    }
}

pub async fn fan_says(env: &Env, fan: &str, text: &str) {
    let r = post(
        env,
        &format!("/_sandbox/fans/{fan}/messages"),
        json!({ "text": text }),
    )
    .await;
    assert!(r.status().is_success());
}

pub async fn settle(env: &Env) {
    let start = Instant::now();
    while count(env, "SELECT count(*) FROM inbox WHERE state = 'pending'").await
        + count(
            env,
            "SELECT count(*) FROM outbox WHERE state NOT IN ('sent', 'failed', 'dropped')",
        )
        .await
        > 0
    {
        assert!(
            start.elapsed() < Duration::from_secs(90),
            "the daemon did not settle"
        );
        tokio::time::sleep(Duration::from_millis(200)).await;
    }
}

/// A fast, predictable LLM: these tests are about what happens to drafts, not their words. The
/// first draft is always the same; later ones differ (the guardrails refuse repeats).
#[derive(Default)]
pub struct Canned(std::sync::atomic::AtomicUsize);

const LINES: [&str; 4] = [
    "so nice to hear from you, how is your day going?",
    "haha I love that, tell me more about your plans",
    "aww you are sweet, what are you doing tonight?",
    "I was just thinking about you, what is new?",
];

impl Llm for Canned {
    fn complete<'a>(&'a self, req: &'a LlmRequest) -> LlmFuture<'a> {
        Box::pin(async move {
            let n = self.0.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
            Ok(Completion {
                text: LINES[n % LINES.len()].into(),
                model: req.model.clone(),
                prompt_tokens: Some(100),
                completion_tokens: Some(12),
                latency: Duration::from_millis(5),
            })
        })
    }
}

/// Runs the `fanvue-agent` binary on the test's database (a config naming creator1 and the
/// test's token key) and returns (exit code, stdout + stderr).
pub fn cli(env: &Env, args: &[&str]) -> (Option<i32>, String) {
    let cfg = env.dir.path().join("cli.toml");
    if !cfg.exists() {
        std::fs::write(
            &cfg,
            format!(
                "[daemon]\ndatabase = {:?}\n[security]\ntoken_key = {:?}\n[creators.creator1]\n",
                env.parts.cfg.daemon.database.display().to_string(),
                env.parts.cfg.security.token_key.expose()
            ),
        )
        .unwrap();
    }
    // (option_env!: the bench example shares this module and has no binary to point at.)
    let bin = option_env!("CARGO_BIN_EXE_fanvue-agent").unwrap_or("fanvue-agent");
    let out = std::process::Command::new(bin)
        .arg("--config")
        .arg(&cfg)
        .args(args)
        .env("FANVUE_AGENT_LOG__LEVEL", "error")
        .output()
        .unwrap();
    (
        out.status.code(),
        String::from_utf8_lossy(&out.stdout).to_string() + &String::from_utf8_lossy(&out.stderr),
    )
}

/// The config file of a `fanvue-agent serve` child process on `env`'s database and sandbox, with
/// `extra` sections (`[llm]`, `[agent]`…) and every configured creator.
pub fn daemon_toml(env: &Env, listen: &str, log_level: &str, extra: &str) -> String {
    let c = &env.parts.cfg;
    let mut text = format!(
        "[daemon]\nlisten = \"{listen}\"\npublic_url = \"http://{listen}\"\ndatabase = {db:?}\n\
         admin_listen = \"public\"\n\
         prompts_dir = {prompts:?}\nshutdown_deadline_secs = 5\n\
         [log]\nformat = \"json\"\nlevel = \"{log_level}\"\n\
         [fanvue]\napi_base = \"{api}\"\nauthorize_url = \"{api}/oauth2/auth\"\n\
         token_url = \"{api}/oauth2/token\"\nclient_id = \"sandbox-client\"\nclient_secret = {cs:?}\n\
         request_timeout_secs = 5\n\
         [webhook]\nsecret = {secret:?}\n[security]\ntoken_key = {key:?}\n{extra}",
        db = c.daemon.database.display().to_string(),
        prompts = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("prompts")
            .display()
            .to_string(),
        api = c.fanvue.api_base,
        cs = c.fanvue.client_secret.expose(),
        secret = c.webhook.secret.expose(),
        key = c.security.token_key.expose(),
    );
    for h in c.creators.keys() {
        text.push_str(&format!("[creators.{h}]\n"));
    }
    text
}

/// Waits until every fan is done talking, every turn is answered and nothing is open. Returns how
/// long that took, or after `limit` what is still open.
pub async fn settle_within(env: &Env, limit: Duration) -> Result<Duration, String> {
    let started = Instant::now();
    loop {
        let st = stats(env).await;
        let talking = {
            let w = env.sandbox.world.lock();
            !env.sandbox
                .world
                .fans_paused
                .load(std::sync::atomic::Ordering::Relaxed)
                && w.fans
                    .iter()
                    .any(|f| f.state != fanvue_sandbox::world::FanState::Quiet)
        };
        let open = count(env, "SELECT count(*) FROM inbox WHERE state = 'pending'").await
            + count(
                env,
                "SELECT count(*) FROM outbox WHERE state NOT IN ('sent', 'failed', 'dropped')",
            )
            .await;
        if !talking && st["webhooks_pending"] == 0 && st["unanswered_turns"] == 0 && open == 0 {
            return Ok(started.elapsed());
        }
        if started.elapsed() > limit {
            return Err(format!(
                "not settled after {limit:?}: open={open} talking={talking} {st}"
            ));
        }
        tokio::time::sleep(Duration::from_millis(250)).await;
    }
}

/// Points the daemon at the sandbox's scripted LLM and makes it quick.
pub fn scripted_config(c: &mut Config) {
    c.llm.base_url = format!("{}/llm/v1", c.fanvue.api_base);
    c.llm.api_key = fanvue_agent::config::Secret::new("scripted-llm-key");
    c.llm.model = "scripted".into();
    c.llm.timeout_secs = 2;
    c.agent.debounce_ms = 200;
    c.agent.debounce_cap_ms = 800;
    c.agent.rescan_secs = 2;
    c.poller.interval_secs = 2;
    c.followup.enabled = false;
    c.daemon.shutdown_deadline_secs = 5;
}

/// The chats whose turns went wrong (unanswered, answered twice, answered early) or where the
/// creator wrote by hand, message by
/// message with the outbox rows of each (for failure messages).
pub async fn troubled_chats(env: &Env) -> String {
    let outbox: Vec<(String, String)> = sqlx::query_as(
        "SELECT fan_uuid, id || ' ' || state || ' context_at=' || coalesce(context_at, '-') ||
                ' created_at=' || created_at || ' sent_at=' || coalesce(sent_at, '-') || ' ' ||
                coalesce(last_error, '') FROM outbox ORDER BY id",
    )
    .fetch_all(env.parts.store.reader())
    .await
    .unwrap();
    let w = env.sandbox.world.lock();
    let mut out = String::new();
    for (fan, chat) in &w.chats {
        let troubled = chat.messages.iter().any(|m| m.by_hand)
            || chat.turns.iter().any(|t| {
                t.answers() > 1
                    || (t.creator_replies == 0 && t.human_replies == 0 && !t.needs_human)
            });
        if !troubled {
            continue;
        }
        let uuid = &w.fans[*fan].uuid;
        out.push_str(&format!("== fan {uuid} {:?}\n", chat.turns));
        for m in &chat.messages {
            let who = match (m.from_creator, m.by_hand) {
                (false, _) => "fan",
                (true, true) => "creator by hand",
                (true, false) => "api",
            };
            out.push_str(&format!("   {} {} {who}: {:?}\n", m.at_ms, m.uuid, m.text));
        }
        for (_, line) in outbox.iter().filter(|(f, _)| f == uuid) {
            out.push_str(&format!("   outbox {line}\n"));
        }
    }
    out
}
