//! The `fanvue-agent` binary as a child process of a test app. The child binds port 0 and prints
//! `listening on http://ADDR`, which is read back: no port is ever reserved, released and bound
//! again (another process could take it in between). The app's own address relays every request
//! to the running child, a reverse proxy in front as in production, so the sandbox's webhooks and
//! the OAuth callback reach whichever process is up, across restarts.

use super::{eventually_within, TestApp};
use axum::{body::Body, extract::State, http::Request, response::Response, Router};
use std::{
    io::{BufRead, BufReader},
    path::{Path, PathBuf},
    process::{Child, ChildStdout, Command, ExitStatus, Stdio},
    sync::{Arc, RwLock},
    time::Duration,
};

/// Where the relay forwards to: the running child's address, or nobody (502).
#[derive(Clone, Default)]
pub struct Relay {
    target: Arc<RwLock<Option<String>>>,
    http: reqwest::Client,
}

impl Relay {
    /// Serves the relay on `listener` until `shutdown`.
    pub fn start(
        listener: tokio::net::TcpListener,
        shutdown: tokio_util::sync::CancellationToken,
    ) -> Relay {
        let relay = Relay {
            target: Default::default(),
            http: reqwest::Client::builder()
                .redirect(reqwest::redirect::Policy::none())
                .build()
                .unwrap(),
        };
        let app = Router::new().fallback(forward).with_state(relay.clone());
        tokio::spawn(async move {
            axum::serve(listener, app)
                .with_graceful_shutdown(async move { shutdown.cancelled().await })
                .await
        });
        relay
    }

    fn point_at(&self, target: Option<String>) {
        *self.target.write().unwrap() = target;
    }
}

/// Forwards one request as it came (method, path, headers, body) and its answer as it went.
async fn forward(State(relay): State<Relay>, req: Request<Body>) -> Response {
    let bad_gateway = |why: String| {
        Response::builder()
            .status(502)
            .body(Body::from(why))
            .unwrap()
    };
    let Some(target) = relay.target.read().unwrap().clone() else {
        return bad_gateway("no daemon process is running".into());
    };
    let (parts, body) = req.into_parts();
    let Ok(body) = axum::body::to_bytes(body, usize::MAX).await else {
        return bad_gateway("the request body was cut short".into());
    };
    let path = parts.uri.path_and_query().map_or("/", |p| p.as_str());
    let mut out = relay
        .http
        .request(parts.method, format!("{target}{path}"))
        .body(body);
    for (name, value) in parts.headers.iter().filter(|(n, _)| *n != "host") {
        out = out.header(name, value);
    }
    let answer = match out.send().await {
        Ok(a) => a,
        Err(e) => return bad_gateway(format!("the daemon process did not answer: {e}")),
    };
    let mut back = Response::builder().status(answer.status());
    for (name, value) in answer.headers() {
        if !["transfer-encoding", "connection", "content-length"].contains(&name.as_str()) {
            back = back.header(name, value);
        }
    }
    match answer.bytes().await {
        Ok(bytes) => back.body(Body::from(bytes)).unwrap(),
        Err(e) => bad_gateway(format!("the daemon process's answer was cut short: {e}")),
    }
}

/// A `fanvue-agent serve` child on a test app's database and sandbox. Killed when dropped.
pub struct DaemonProcess {
    child: Option<Child>,
    stdout: Option<ChildStdout>,
    /// Its own address (from its `listening on` line); empty until [`DaemonProcess::listening`].
    pub url: String,
    /// Where its stderr (the log) goes.
    pub log: PathBuf,
    relay: Relay,
}

impl TestApp {
    /// The config of a daemon process on this app: listens on port 0, `public_url` is the app's
    /// address (the relay in front), JSON log at `log_level`, `extra` sections (`[llm]`, `[agent]`…)
    /// and every configured creator.
    pub fn process_config(&self, log_level: &str, extra: &str) -> String {
        daemon_toml(self, "127.0.0.1:0", &self.url, log_level, extra)
    }

    /// Writes `text` to `name` in the app's folder; returns the path.
    pub fn write_file(&self, name: &str, text: &str) -> PathBuf {
        let path = self.dir.path().join(name);
        std::fs::write(&path, text).unwrap();
        path
    }

    /// Starts `fanvue-agent --config <cfg> serve` with `envs` (its log appended to `<cfg>.log`)
    /// without waiting for it to listen: see [`DaemonProcess::listening`].
    pub fn spawn_process(&self, cfg: &Path, envs: &[(&str, &str)]) -> DaemonProcess {
        let log = cfg.with_extension("log");
        let stderr = std::fs::OpenOptions::new()
            .create(true)
            .append(true)
            .open(&log)
            .unwrap();
        // (option_env!: the bench example shares this module and runs its own binary.)
        let bin = option_env!("CARGO_BIN_EXE_fanvue-agent").unwrap_or("fanvue-agent");
        let mut child = Command::new(bin)
            .arg("--config")
            .arg(cfg)
            .arg("serve")
            .envs(envs.iter().copied())
            .stdout(Stdio::piped())
            .stderr(stderr)
            .spawn()
            .unwrap();
        DaemonProcess {
            stdout: child.stdout.take(),
            child: Some(child),
            url: String::new(),
            log,
            relay: self.relay(),
        }
    }

    /// [`TestApp::spawn_process`], then waits until it listens.
    pub async fn start_process(&self, cfg: &Path, envs: &[(&str, &str)]) -> DaemonProcess {
        let mut p = self.spawn_process(cfg, envs);
        p.listening().await;
        p
    }
}

impl DaemonProcess {
    /// Waits for the child's `listening on http://ADDR` line (its listener is bound then), keeps
    /// the address and points the app's relay at it. Fails with the log if the child exits first.
    pub async fn listening(&mut self) {
        let stdout = self.stdout.take().expect("listening once per process");
        let (tx, rx) = tokio::sync::oneshot::channel();
        // A thread of its own reads the first line, then drains the rest so the child never
        // blocks on a full pipe.
        std::thread::spawn(move || {
            let mut lines = BufReader::new(stdout).lines();
            let _ = tx.send(lines.next().and_then(Result::ok).unwrap_or_default());
            lines.for_each(drop);
        });
        let line = rx.await.unwrap_or_default();
        let Some(addr) = line.trim().strip_prefix("listening on ") else {
            panic!(
                "the daemon process printed {line:?} instead of its address; its log:\n{}",
                self.log_text()
            );
        };
        self.url = addr.to_string();
        self.relay.point_at(Some(self.url.clone()));
    }

    pub fn pid(&self) -> u32 {
        self.child.as_ref().expect("running").id()
    }

    /// Sends `sig` (`-HUP`, `-TERM`…) with kill(1).
    pub fn signal(&self, sig: &str) {
        let ok = Command::new("kill")
            .args([sig, &self.pid().to_string()])
            .status()
            .unwrap()
            .success();
        assert!(ok, "kill {sig}");
    }

    /// SIGKILL, and waits for it to be gone.
    pub fn kill9(&mut self) {
        self.relay.point_at(None);
        if let Some(mut c) = self.child.take() {
            c.kill().unwrap();
            c.wait().unwrap();
        }
    }

    /// Waits (up to `limit`) for the child to exit on its own; returns how it exited.
    pub async fn exit_status(&mut self, limit: Duration) -> ExitStatus {
        let child = self.child.as_mut().expect("running");
        let status = eventually_within("the daemon process to exit", limit, || {
            let status = child.try_wait().unwrap();
            async move { status.ok_or("still running") }
        })
        .await;
        self.child = None;
        self.relay.point_at(None);
        status
    }

    /// SIGTERM, then waits for the exit; returns how it exited.
    pub async fn terminate(&mut self) -> ExitStatus {
        self.signal("-TERM");
        self.exit_status(Duration::from_secs(30)).await
    }

    /// What it has logged so far.
    pub fn log_text(&self) -> String {
        std::fs::read_to_string(&self.log).unwrap_or_default()
    }
}

impl Drop for DaemonProcess {
    fn drop(&mut self) {
        self.kill9();
    }
}

/// The config file of a `fanvue-agent serve` process on `app`'s database and sandbox, listening
/// on `listen`, with `extra` sections and every configured creator.
pub fn daemon_toml(
    app: &TestApp,
    listen: &str,
    public: &str,
    log_level: &str,
    extra: &str,
) -> String {
    let c = &app.parts.cfg;
    let mut text = format!(
        "[daemon]\nlisten = \"{listen}\"\npublic_url = \"{public}\"\ndatabase = {db:?}\n\
         admin_listen = \"public\"\n\
         prompts_dir = {prompts:?}\nshutdown_deadline_secs = 5\n\
         [log]\nformat = \"json\"\nlevel = \"{log_level}\"\n\
         [fanvue]\napi_base = \"{api}\"\nauthorize_url = \"{api}/oauth2/auth\"\n\
         token_url = \"{api}/oauth2/token\"\nclient_id = \"sandbox-client\"\nclient_secret = {cs:?}\n\
         request_timeout_secs = 5\n\
         [webhook]\nsecret = {secret:?}\n[security]\ntoken_key = {key:?}\n{extra}",
        db = c.daemon.database.display().to_string(),
        prompts = super::prompts_dir().display().to_string(),
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
