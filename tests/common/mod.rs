//! The test app: one type for what the integration tests do. `spawn_app` starts the sandbox (the
//! local Fanvue emulator) on port 0, builds the daemon's parts on a fresh database in a temp dir,
//! binds the daemon's address (port 0, held for the app's life) with the sandbox's webhooks pointed
//! at it, and connects every creator. A test then serves the daemon in this process
//! ([`TestApp::serve`]) or runs the binary ([`TestApp::start_process`]), drives fans, and waits for
//! conditions (never a fixed sleep before a check). Shared by every test binary and examples/bench.rs.
#![allow(dead_code, unused_imports)]

mod console;
mod llms;
mod peers;
mod process;
mod wait;

pub use console::*;
pub use llms::*;
pub use peers::*;
pub use process::*;
pub use wait::*;

/// The emulator (its own crate), named here once for every test.
pub use fanvue_sandbox::{self as sandbox, Family, Sandbox, SandboxArgs};

use fanvue_agent::agent::llm::Llm;
use fanvue_agent::{
    app::Parts,
    config::{Config, CreatorConfig, Secret},
    crypto::TokenCipher,
};
use serde_json::{json, Value};
use std::{
    path::PathBuf,
    sync::{Arc, Mutex},
    time::{Duration, Instant},
};
use tokio::net::TcpListener;
use tokio_util::sync::CancellationToken;

/// Sandbox args for tests: quiet fans (tests drive them), no webhooks unless set.
pub fn args(creators: usize, fans: usize) -> SandboxArgs {
    let mut a = SandboxArgs::defaults();
    a.listen = "127.0.0.1:0".into();
    a.creators = creators;
    a.fans = fans;
    a.quiet_fans = true;
    a
}

/// Simulated fans that talk on their own, fast (three turns each, starting within 4 s), for
/// `creators` creators.
pub fn talking_fans(creators: usize, fans: usize, seed: u64) -> SandboxArgs {
    let mut a = args(creators, fans);
    a.quiet_fans = false;
    a.seed = seed;
    a.max_turns = 3;
    a.start_window_secs = 4.0;
    a.fan_pace = 0.15;
    a
}

/// A local address where nothing listens (connections are refused) and nothing else can bind
/// while the socket lives: bound, not listening. `listen()` on it brings a server up there later.
pub fn unopened_port() -> tokio::net::TcpSocket {
    let s = tokio::net::TcpSocket::new_v4().unwrap();
    s.bind("127.0.0.1:0".parse().unwrap()).unwrap();
    s
}

/// The repository's persona prompts.
pub fn prompts_dir() -> PathBuf {
    std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("prompts")
}

/// Points the daemon at the sandbox's scripted LLM and makes it quick.
pub fn scripted_config(c: &mut Config) {
    c.llm.base_url = format!("{}/llm/v1", c.fanvue.api_base);
    c.llm.api_key = Secret::new("scripted-llm-key");
    c.llm.model = "scripted".into();
    c.llm.timeout_secs = 2;
    c.agent.debounce_ms = 200;
    c.agent.debounce_cap_ms = 800;
    c.agent.rescan_secs = 2;
    c.poller.interval_secs = 2;
    c.followup.enabled = false;
    c.daemon.shutdown_deadline_secs = 5;
}

/// The daemon's config against the sandbox at `sandbox_url`, its database in `dir`.
fn config(sandbox_url: &str, dir: &std::path::Path, creators: usize) -> Config {
    let mut c = Config::default();
    c.daemon.listen = "127.0.0.1:0".into();
    c.daemon.database = dir.join("agent.db");
    c.daemon.prompts_dir = prompts_dir();
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

/// A daemon served in this process.
struct Running {
    stop: CancellationToken,
    handle: tokio::task::JoinHandle<std::io::Result<()>>,
}

/// A sandbox, the daemon's parts on a fresh database, and the daemon's address.
pub struct TestApp {
    pub sandbox: Sandbox,
    pub parts: Parts,
    pub dir: tempfile::TempDir,
    /// The daemon's public address: where the sandbox's webhooks go (when the app has a daemon)
    /// and what the OAuth callback names.
    pub url: String,
    /// The socket behind `url`: bound once (port 0) and held until the app is dropped, so a
    /// restarted daemon gets the same address without ever releasing it.
    front: std::net::TcpListener,
    /// The console's socket (port 0) when the config turns it on (see [`console_on`]).
    console: Option<std::net::TcpListener>,
    shutdown: CancellationToken,
    daemon: Mutex<Option<Running>>,
    relay: Mutex<Option<Relay>>,
}

impl Drop for TestApp {
    fn drop(&mut self) {
        if let Some(r) = self.daemon.lock().unwrap().take() {
            r.stop.cancel();
        }
        self.shutdown.cancel();
    }
}

/// What a test app is for.
#[derive(Clone, Copy, PartialEq)]
enum Role {
    /// The sandbox and the parts only: no webhooks unless the test sets a URL, nobody connected.
    Sandbox,
    /// Webhooks to the daemon's address; every creator connected when `connected`.
    Daemon { connected: bool },
}

/// A daemon's test app: the sandbox's webhooks go to `app.url`, every creator is connected.
/// `tweak` edits the daemon's config first. Serve it with [`TestApp::serve`] or run the binary
/// with [`TestApp::start_process`].
pub async fn spawn_app(args: SandboxArgs, tweak: impl FnOnce(&mut Config)) -> TestApp {
    TestApp::spawn(args, Role::Daemon { connected: true }, tweak).await
}

/// [`spawn_app`] with no creator connected (for tests of connecting, or of a daemon that never
/// reaches Fanvue).
pub async fn spawn_unconnected_app(args: SandboxArgs, tweak: impl FnOnce(&mut Config)) -> TestApp {
    TestApp::spawn(args, Role::Daemon { connected: false }, tweak).await
}

/// [`spawn_app`], served in this process drafting with `llm`.
pub async fn spawn_serving(
    args: SandboxArgs,
    llm: Arc<dyn Llm>,
    tweak: impl FnOnce(&mut Config),
) -> TestApp {
    let app = spawn_app(args, tweak).await;
    app.serve(llm);
    app
}

/// The sandbox and the daemon's parts, without a daemon: webhooks go only where `args` says,
/// nobody is connected.
pub async fn spawn_sandbox(args: SandboxArgs, tweak: impl FnOnce(&mut Config)) -> TestApp {
    TestApp::spawn(args, Role::Sandbox, tweak).await
}

impl TestApp {
    async fn spawn(mut args: SandboxArgs, role: Role, tweak: impl FnOnce(&mut Config)) -> TestApp {
        let front = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
        front.set_nonblocking(true).unwrap();
        let url = format!("http://{}", front.local_addr().unwrap());
        if role != Role::Sandbox {
            args.webhook_url = Some(format!("{url}/webhooks/fanvue"));
        }
        let secret = args.webhook_secret.clone();
        let creators = args.creators;
        let shutdown = CancellationToken::new();
        let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
        let sandbox = sandbox::start(args, listener, shutdown.clone())
            .await
            .unwrap();
        let dir = tempfile::tempdir().unwrap();
        let mut cfg = config(&sandbox.url(), dir.path(), creators);
        cfg.daemon.public_url = url.clone();
        cfg.webhook.secret = Secret::new(secret);
        tweak(&mut cfg);
        let console = cfg.console.address().map(|_| {
            let l = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
            l.set_nonblocking(true).unwrap();
            l
        });
        let app = TestApp {
            sandbox,
            parts: Parts::build(cfg).await.unwrap(),
            dir,
            url,
            front,
            console,
            shutdown,
            daemon: Mutex::new(None),
            relay: Mutex::new(None),
        };
        if role == (Role::Daemon { connected: true }) {
            app.connect_all().await;
        }
        app
    }

    /// Cancelled when the app is dropped: for a server of the test's own.
    pub fn shutdown_token(&self) -> CancellationToken {
        self.shutdown.clone()
    }

    /// A listener on the app's address (the one socket, shared): for a server of the test's own.
    pub fn listener(&self) -> TcpListener {
        TcpListener::from_std(self.front.try_clone().unwrap()).unwrap()
    }

    /// The relay in front of daemon processes, started on the app's address on first use.
    fn relay(&self) -> Relay {
        let mut relay = self.relay.lock().unwrap();
        assert!(
            self.daemon.lock().unwrap().is_none(),
            "a daemon is served in process on this app"
        );
        relay
            .get_or_insert_with(|| Relay::start(self.listener(), self.shutdown.clone()))
            .clone()
    }

    /// Serves the daemon in this process on the app's address, drafting with `llm`.
    pub fn serve(&self, llm: Arc<dyn Llm>) {
        assert!(
            self.relay.lock().unwrap().is_none(),
            "the app's address relays to a daemon process"
        );
        let listener = self.listener();
        let console = self.console_listener();
        let stop = CancellationToken::new();
        let (parts, s) = (self.parts.clone(), stop.clone());
        let handle = tokio::spawn(async move { parts.serve_with(listener, console, s, llm).await });
        let before = self
            .daemon
            .lock()
            .unwrap()
            .replace(Running { stop, handle });
        assert!(before.is_none(), "the daemon is already served");
    }

    /// Stops the daemon served in process, as SIGTERM would; fails unless it stops cleanly within
    /// 20 s. Events it did not finish stay pending; the address stays bound for a restart.
    pub async fn stop(&self) {
        let r = self.daemon.lock().unwrap().take().expect("a daemon served");
        r.stop.cancel();
        tokio::time::timeout(Duration::from_secs(20), r.handle)
            .await
            .expect("the daemon stops within its deadline")
            .unwrap()
            .unwrap();
    }

    /// Runs the authorization as a browser would with the sandbox auto-approving, and returns
    /// the callback URL the browser is sent to (the daemon's public URL with `code` and `state`).
    pub async fn authorize_redirect(&self, handle: &str) -> url::Url {
        let start = self.parts.connector().begin(handle).await.unwrap();
        let url = format!("{}&sandbox_auto_approve={handle}", start.url);
        let resp = self.parts.api.http().get(&url).send().await.unwrap();
        assert_eq!(resp.status(), 303, "the sandbox redirects to the callback");
        url::Url::parse(resp.headers()["location"].to_str().unwrap()).unwrap()
    }

    /// [`TestApp::authorize_redirect`]'s `(code, state)`.
    pub async fn authorize(&self, handle: &str) -> (String, String) {
        let loc = self.authorize_redirect(handle).await;
        let q: std::collections::HashMap<_, _> = loc.query_pairs().into_owned().collect();
        (q["code"].clone(), q["state"].clone())
    }

    /// Connects `handle` through the full PKCE flow (without the HTTP callback hop).
    pub async fn connect(&self, handle: &str) {
        let (code, state) = self.authorize(handle).await;
        self.parts.connector().finish(&state, &code).await.unwrap();
    }

    /// Connects every configured creator.
    pub async fn connect_all(&self) {
        for handle in self.parts.cfg.creators.keys() {
            self.connect(handle).await;
        }
    }

    /// The store's row of a configured creator.
    pub async fn creator_row(&self, handle: &str) -> fanvue_agent::store::CreatorRow {
        self.parts
            .store
            .creator(handle)
            .await
            .unwrap()
            .unwrap_or_else(|| panic!("no creator {handle} in the store"))
    }

    /// The stored (decrypted) tokens of a connected creator.
    pub async fn tokens(&self, handle: &str) -> fanvue_agent::store::oauth::TokenSet {
        self.parts
            .store
            .load_tokens(&self.parts.cipher, handle)
            .await
            .unwrap()
            .unwrap_or_else(|| panic!("no tokens for {handle}"))
    }

    /// The Fanvue uuid of a connected creator.
    pub async fn creator_uuid(&self, handle: &str) -> String {
        self.parts
            .store
            .creator(handle)
            .await
            .unwrap()
            .and_then(|c| c.uuid)
            .expect("a connected creator")
    }

    async fn get(&self, path: &str) -> Value {
        reqwest::get(format!("{}{path}", self.sandbox.url()))
            .await
            .unwrap()
            .json()
            .await
            .unwrap()
    }

    /// The sandbox's ledger: what Fanvue saw (`GET /_sandbox/stats`).
    pub async fn stats(&self) -> Value {
        self.get("/_sandbox/stats").await
    }

    /// The sandbox's creators and fans (`GET /_sandbox/world`).
    pub async fn world(&self) -> Value {
        self.get("/_sandbox/world").await
    }

    /// The sandbox's chat with `fan`, every message of both sides.
    pub async fn chat(&self, fan: &str) -> Value {
        self.get(&format!("/_sandbox/chats/{fan}")).await
    }

    /// What reached `fan` from the creator's side of the chat, in order.
    pub async fn sent_to(&self, fan: &str) -> Vec<String> {
        let chat = self.chat(fan).await;
        chat["messages"]
            .as_array()
            .unwrap_or_else(|| panic!("no chat for {fan}: {chat}"))
            .iter()
            .filter(|m| m["from_creator"] == true)
            .map(|m| m["text"].as_str().unwrap_or_default().to_string())
            .collect()
    }

    /// POSTs `body` to the sandbox at `path`.
    pub async fn post(&self, path: &str, body: Value) -> reqwest::Response {
        reqwest::Client::new()
            .post(format!("{}{path}", self.sandbox.url()))
            .json(&body)
            .send()
            .await
            .unwrap()
    }

    /// POSTs `body` to the sandbox at `path` and fails unless it is accepted.
    pub async fn post_ok(&self, path: &str, body: Value) {
        let r = self.post(path, body).await;
        let status = r.status();
        assert!(
            status.is_success(),
            "{path}: {status} {}",
            r.text().await.unwrap()
        );
    }

    /// Sets the sandbox's Fanvue faults.
    pub async fn faults(&self, f: Value) {
        self.post_ok("/_sandbox/faults", f).await;
    }

    /// The sandbox's scripted LLM: its calls and the faults it served (`GET /_sandbox/llm`).
    pub async fn llm_stats(&self) -> Value {
        self.get("/_sandbox/llm").await
    }

    /// Sets the sandbox's scripted LLM's faults.
    pub async fn llm_faults(&self, f: Value) {
        self.post_ok("/_sandbox/llm", f).await;
    }

    /// POSTs a webhook `body` to the daemon at `app.url`, signed with the configured secret.
    pub async fn post_webhook(&self, body: String) -> reqwest::Response {
        let sig = fanvue_agent::fanvue::webhook::signature_header(
            self.parts.cfg.webhook.secret.expose().as_bytes(),
            fanvue_agent::store::now_secs(),
            body.as_bytes(),
        );
        reqwest::Client::new()
            .post(format!("{}/webhooks/fanvue", self.url))
            .header("content-type", "application/json")
            .header("x-fanvue-signature", sig)
            .body(body)
            .send()
            .await
            .unwrap()
    }

    /// The fan `fan` writes `text` to their creator.
    pub async fn fan_says(&self, fan: &str, text: &str) {
        self.post_ok(
            &format!("/_sandbox/fans/{fan}/messages"),
            json!({ "text": text }),
        )
        .await;
    }

    /// The fan `fan` does something else (`{"kind": "tip", "price": 500}`…).
    pub async fn fan_event(&self, fan: &str, event: Value) {
        self.post_ok(&format!("/_sandbox/fans/{fan}/events"), event)
            .await;
    }

    /// The creator answers `fan` by hand in the Fanvue app (no webhook tells the daemon).
    pub async fn creator_writes_by_hand(&self, fan: &str, text: &str) {
        self.post_ok(
            &format!("/_sandbox/fans/{fan}/creator-by-hand"),
            json!({ "text": text }),
        )
        .await;
    }

    /// The uuids of the fans of `creator`.
    pub async fn fans_of(&self, creator: &str) -> Vec<String> {
        self.world().await["fans"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|f| f["creator"] == creator)
            .map(|f| f["uuid"].as_str().unwrap().to_string())
            .collect()
    }

    /// The first fan of `creator`.
    pub async fn fan_of(&self, creator: &str) -> String {
        self.fans_of(creator).await.swap_remove(0)
    }

    /// One SQL count on the daemon's database.
    pub async fn count(&self, sql: &str) -> i64 {
        sqlx::query_scalar(sql)
            .fetch_one(self.parts.store.reader())
            .await
            .unwrap()
    }

    /// The decision log summarised: (outcome, start of the reason, how many), for failure messages.
    pub async fn decision_summary(&self) -> Vec<(String, String, i64)> {
        sqlx::query_as(
            "SELECT outcome, substr(reason, 1, 60), count(*) FROM decisions GROUP BY 1, 2 ORDER BY 3 DESC",
        )
        .fetch_all(self.parts.store.reader())
        .await
        .unwrap()
    }

    /// Waits until the sandbox's ledger satisfies `check`; returns it.
    pub async fn wait_for_stats(&self, what: &str, check: impl Fn(&Value) -> bool) -> Value {
        eventually(what, || async {
            let st = self.stats().await;
            if check(&st) {
                Ok(st)
            } else {
                Err(st)
            }
        })
        .await
    }

    /// Waits until the SQL count satisfies `check`; returns it. A timeout shows the decision log.
    pub async fn wait_for_count(&self, what: &str, sql: &str, check: impl Fn(i64) -> bool) -> i64 {
        eventually(what, || async {
            let n = self.count(sql).await;
            if check(n) {
                Ok(n)
            } else {
                Err(format!(
                    "{sql} = {n}; decisions: {:?}",
                    self.decision_summary().await
                ))
            }
        })
        .await
    }

    /// Waits until the fan's `n`-th message (1-based) has a decision, and returns it.
    pub async fn decision(&self, fan: &str, n: usize) -> Decided {
        eventually(&format!("a decision on message {n} of fan {fan}"), || async {
            let rows: Vec<(String, String, Option<String>)> = sqlx::query_as(
                "SELECT d.outcome, d.reason, d.guardrails FROM decisions d JOIN inbox i ON i.id = d.inbox_id
                 WHERE d.fan_uuid = ? AND i.kind = 'message_received' ORDER BY d.id",
            )
            .bind(fan)
            .fetch_all(self.parts.store.reader())
            .await
            .unwrap();
            match rows.get(n - 1) {
                Some((outcome, reason, g)) => Ok(Decided {
                    outcome: outcome.clone(),
                    reason: reason.clone(),
                    guardrails: g
                        .as_deref()
                        .map(|g| serde_json::from_str(g).unwrap())
                        .unwrap_or(Value::Null),
                }),
                None => Err(format!("{rows:?}")),
            }
        })
        .await
    }

    /// Events not yet decided plus messages not yet sent (or dropped, or failed).
    pub async fn open_work(&self) -> i64 {
        self.count("SELECT count(*) FROM inbox WHERE state = 'pending'")
            .await
            + self
                .count(
                    "SELECT count(*) FROM outbox WHERE state NOT IN ('sent', 'failed', 'dropped')",
                )
                .await
    }

    /// Waits until every webhook the sandbox queued has been delivered (or given up), every event
    /// is decided and every queued message sent: after that nothing is on its way.
    pub async fn settle(&self) {
        eventually("the daemon to settle", || async {
            let (st, open) = (self.stats().await, self.open_work().await);
            if webhooks_out(&st) && open == 0 {
                Ok(())
            } else {
                Err(format!("open={open} {st}"))
            }
        })
        .await
    }

    /// Waits until the fans are done (quiet), every webhook is out and the daemon is idle,
    /// without judging the turns (the test does that).
    pub async fn wait_until_idle(&self, limit: Duration) {
        eventually_within("the fans to be done and the daemon idle", limit, || async {
            let st = self.stats().await;
            let quiet = self.fans_done();
            let open = self.open_work().await;
            if quiet && webhooks_out(&st) && open == 0 {
                Ok(())
            } else {
                Err(format!(
                    "open={open} quiet={quiet} {st}\n{:?}",
                    self.decision_summary().await
                ))
            }
        })
        .await
    }

    /// Whether every simulated fan is quiet (done talking, or not started).
    pub fn fans_done(&self) -> bool {
        self.sandbox
            .world
            .lock()
            .fans
            .iter()
            .all(|f| f.state == sandbox::world::FanState::Quiet)
    }

    /// Waits until every fan is done talking, every turn is answered and nothing is open. Returns
    /// how long that took, or after `limit` what is still open.
    pub async fn settle_within(&self, limit: Duration) -> Result<Duration, String> {
        let started = Instant::now();
        poll(limit, || async {
            let st = self.stats().await;
            let talking = !self
                .sandbox
                .world
                .fans_paused
                .load(std::sync::atomic::Ordering::Relaxed)
                && !self.fans_done();
            let open = self.open_work().await;
            if !talking && webhooks_out(&st) && st["unanswered_turns"] == 0 && open == 0 {
                Ok(started.elapsed())
            } else {
                Err(format!(
                    "not settled after {limit:?}: open={open} talking={talking} {st}"
                ))
            }
        })
        .await
    }

    /// [`TestApp::settle_within`], or fails with what is still open and the decision log.
    pub async fn settle_all(&self, limit: Duration) {
        if let Err(why) = self.settle_within(limit).await {
            panic!(
                "{why}\n{:?}\n{}",
                self.decision_summary().await,
                self.troubled_chats().await
            );
        }
    }

    /// Runs the `fanvue-agent` binary on the app's database (a config naming creator1 and the
    /// app's token key, unless the test wrote `cli.toml` itself) and returns (exit code, stdout +
    /// stderr).
    pub fn cli(&self, args: &[&str]) -> (Option<i32>, String) {
        let cfg = self.dir.path().join("cli.toml");
        if !cfg.exists() {
            std::fs::write(
                &cfg,
                format!(
                    "[daemon]\ndatabase = {:?}\n[security]\ntoken_key = {:?}\n[creators.creator1]\n",
                    self.parts.cfg.daemon.database.display().to_string(),
                    self.parts.cfg.security.token_key.expose()
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
            // `&*`: a binary linking thirtyfour (which adds `String + Key`) cannot infer `&Cow`.
            String::from_utf8_lossy(&out.stdout).to_string()
                + &*String::from_utf8_lossy(&out.stderr),
        )
    }

    /// The chats whose turns went wrong (unanswered, answered twice, answered early) or where the
    /// creator wrote by hand, message by message with the outbox rows of each (for failure
    /// messages).
    pub async fn troubled_chats(&self) -> String {
        let outbox: Vec<(String, String)> = sqlx::query_as(
            "SELECT fan_uuid, id || ' ' || state || ' context_at=' || coalesce(context_at, '-') ||
                    ' created_at=' || created_at || ' sent_at=' || coalesce(sent_at, '-') || ' ' ||
                    coalesce(last_error, '') FROM outbox ORDER BY id",
        )
        .fetch_all(self.parts.store.reader())
        .await
        .unwrap();
        let w = self.sandbox.world.lock();
        let mut out = String::new();
        let unanswered = |chat: &sandbox::world::Chat| {
            chat.turns.iter().any(|t| {
                t.creator_replies == 0 && t.human_replies == 0 && !t.needs_human && !t.unreachable
            })
        };
        // Unanswered chats first: a long report is cut short where it is shown.
        let mut chats: Vec<_> = w.chats.iter().collect();
        chats.sort_by_key(|(_, chat)| !unanswered(chat));
        for (fan, chat) in chats {
            let troubled = unanswered(chat)
                || chat.messages.iter().any(|m| m.by_hand)
                || chat.turns.iter().any(|t| t.answers() > 1);
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
}

/// A decision on one fan message.
#[derive(Debug, Clone)]
pub struct Decided {
    pub outcome: String,
    pub reason: String,
    /// The guardrails' verdicts (JSON), `Null` when none were recorded.
    pub guardrails: Value,
}

/// The ledger's invariants about people: no AI reply after the creator wrote by hand, and no
/// turn answered by a reply drafted before it. `context` goes into the failure message.
pub fn assert_people_respected(st: &Value, context: &str) {
    assert_eq!(
        st["replies_over_creator"], 0,
        "the creator is never talked over: {st}\n{context}"
    );
    assert_eq!(
        st["turns_answered_by_a_reply_drafted_before_them"], 0,
        "no turn answered by a reply drafted before it: {st}\n{context}"
    );
}

/// Whether every webhook the sandbox queued has been delivered or given up (none waiting, none
/// on the wire).
pub fn webhooks_out(st: &Value) -> bool {
    let n = |k: &str| st[k].as_u64().unwrap_or(0);
    n("webhooks_queued") == n("webhooks_delivered") + n("webhooks_given_up")
}
