//! Builds the daemon's parts from config and runs the server until shutdown.

use crate::{
    agent::{
        llm::{Llm, OpenAiLlm},
        Agent,
    },
    config::{Config, LiveConfig},
    crypto::TokenCipher,
    dispatcher,
    fanvue::{
        client::Tokens,
        oauth::{Connector, OAuthClient, TokenManager},
        Apis, CreatorApi, FanvueClient,
    },
    ingress::{self, admin::AdminState, IngressState, WebhookIngress},
    poller::{Poller, WebhookSeen},
    sender::{Sender, SenderHandle},
    store::Store,
};
use std::{sync::Arc, time::Duration};
use tokio::net::TcpListener;
use tokio_util::{sync::CancellationToken, task::TaskTracker};

#[derive(Debug, thiserror::Error)]
pub enum AppError {
    #[error(transparent)]
    Config(#[from] crate::config::ConfigError),
    #[error(transparent)]
    Crypto(#[from] crate::crypto::CryptoError),
    #[error("cannot open the database: {0}")]
    Store(#[from] crate::store::StoreError),
    #[error("cannot build the HTTP client: {0}")]
    Http(#[from] reqwest::Error),
    #[error("cannot listen on {addr}: {source}")]
    Bind {
        addr: String,
        source: std::io::Error,
    },
}

/// The long-lived parts every command shares.
#[derive(Clone, Debug)]
pub struct Parts {
    /// The config at start (listeners, database, clients are built from it).
    pub cfg: Arc<Config>,
    /// The config in force: replaced on reload (SIGHUP); what the pipeline reads.
    pub live: LiveConfig,
    /// The file a reload re-reads (`--config`), if any.
    pub config_path: Option<std::path::PathBuf>,
    pub store: Store,
    pub cipher: TokenCipher,
    pub api: FanvueClient,
    pub oauth: OAuthClient,
}

impl Parts {
    pub async fn build(cfg: Config) -> Result<Parts, AppError> {
        let cipher = TokenCipher::from_base64(cfg.token_key()?.expose())?;
        let store = Store::open(&cfg.daemon.database).await?;
        for handle in cfg.creators.keys() {
            store.ensure_creator(handle).await?;
        }
        let api = FanvueClient::new(&cfg)?;
        let oauth = OAuthClient::new(&cfg, api.http().clone());
        let cfg = Arc::new(cfg);
        // Modes chosen in the console win over the file's, across restarts and reloads.
        let live = LiveConfig::new(cfg.clone());
        live.set_console_modes(store.console_mode_map().await?);
        Ok(Parts {
            live,
            config_path: None,
            cfg,
            store,
            cipher,
            api,
            oauth,
        })
    }

    pub fn connector(&self) -> Connector {
        Connector {
            store: self.store.clone(),
            cipher: self.cipher.clone(),
            oauth: self.oauth.clone(),
            api: self.api.clone(),
            rate_limit: self.cfg.fanvue.rate_limit_per_minute,
        }
    }

    /// A creator's API handle with managed (refreshing) tokens.
    pub fn creator_api(&self, handle: &str) -> CreatorApi {
        let tm = TokenManager::new(
            handle,
            self.store.clone(),
            self.cipher.clone(),
            self.oauth.clone(),
            Duration::from_secs(self.cfg.fanvue.refresh_ahead_secs),
        );
        self.api.creator(
            handle,
            self.cfg.creator_rate_limit(handle),
            Tokens::Managed(Arc::new(tm)),
        )
    }

    pub async fn bind(&self) -> Result<TcpListener, AppError> {
        let addr = self.cfg.daemon.listen.clone();
        TcpListener::bind(&addr)
            .await
            .map_err(|source| AppError::Bind { addr, source })
    }

    /// Serves only the OAuth callback and health (what `connect` needs when no daemon runs).
    pub async fn serve_callback(
        &self,
        listener: TcpListener,
        shutdown: CancellationToken,
    ) -> std::io::Result<()> {
        let state = IngressState {
            connector: Arc::new(self.connector()),
            store: self.store.clone(),
            webhooks: None,
            admin: None,
        };
        ingress::run(listener, state, self.cfg.daemon.max_connections, shutdown).await
    }

    /// The LLM configured in `[llm]`.
    pub fn llm(&self) -> Arc<dyn Llm> {
        Arc::new(OpenAiLlm::new(
            &self.cfg.llm.base_url,
            self.cfg.llm.api_key.expose(),
        ))
    }

    /// The safety judge's endpoint (`[judge]`), built whether or not it is enabled, so a reload
    /// can turn it on.
    pub fn judge(&self) -> crate::agent::judge::Judge {
        crate::agent::judge::Judge::new(Arc::new(OpenAiLlm::new(
            &self.cfg.judge.base_url,
            self.cfg.judge.api_key.expose(),
        )))
    }

    /// Runs the daemon until `shutdown`: webhooks and OAuth callback on `listener`, the dispatcher
    /// and agent, one sender and one poller per configured creator. On shutdown intake stops first,
    /// running jobs get `daemon.shutdown_deadline_secs` to finish (the rest stay pending), and every
    /// task is drained before this returns. The store stays open: the caller closes it.
    pub async fn serve(
        &self,
        listener: TcpListener,
        shutdown: CancellationToken,
        llm: Arc<dyn Llm>,
    ) -> std::io::Result<()> {
        self.serve_with(listener, None, shutdown, llm).await
    }

    /// [`Parts::serve`] with the console on `console` (tests bind port 0) instead of the address
    /// `console.listen` names; the console stays off when neither is given.
    pub async fn serve_with(
        &self,
        listener: TcpListener,
        console: Option<TcpListener>,
        shutdown: CancellationToken,
        llm: Arc<dyn Llm>,
    ) -> std::io::Result<()> {
        let console = match console {
            Some(l) => Some(l),
            None => self.bind_console().await?,
        };
        self.recover_in_doubt_sends().await?;
        warm_guardrails();
        // Every configured creator's series exist from the first scrape (the admin listener
        // answers before the per-creator tasks start).
        for creator in self.cfg.creators.keys() {
            crate::metrics::metrics().init_creator(creator);
        }
        let deadline = Duration::from_secs(self.cfg.daemon.shutdown_deadline_secs);
        let (dispatch, wakes) = dispatcher::channel();
        let run = Running {
            apis: self.apis(),
            dispatch,
            senders: SenderHandle::default(),
            seen: WebhookSeen::default(),
            tracker: TaskTracker::new(),
            shutdown,
        };
        let admin_on_main = self.spawn_admin(&run).await?;
        let server = run.tracker.spawn(ingress::run(
            listener,
            self.ingress_state(&run, admin_on_main),
            self.cfg.daemon.max_connections,
            run.shutdown.clone(),
        ));
        if let Some(l) = console {
            self.spawn_console(&run, l, llm.clone());
        }
        self.spawn_pipeline(&run, llm, wakes, deadline);
        self.spawn_per_creator(&run).await;
        run.tracker.close();
        #[cfg(unix)]
        crate::reload::on_sighup(
            self.config_path.clone(),
            self.live.clone(),
            run.shutdown.clone(),
        );
        tell_systemd(&run.shutdown);
        let res = server
            .await
            .unwrap_or_else(|e| Err(std::io::Error::other(e)));
        if tokio::time::timeout(deadline + Duration::from_secs(5), run.tracker.wait())
            .await
            .is_err()
        {
            tracing::warn!("some tasks did not stop within the shutdown deadline");
        }
        res
    }

    /// Marks the sends a crash interrupted `in_doubt`: the sender reads the chat before any resend.
    async fn recover_in_doubt_sends(&self) -> std::io::Result<()> {
        let recovered = self
            .store
            .recover_sending()
            .await
            .map_err(std::io::Error::other)?;
        if recovered > 0 {
            tracing::warn!(
                rows = recovered,
                "sends interrupted by the last stop are in doubt; reconciling before any resend"
            );
        }
        Ok(())
    }

    /// One API handle per creator, shared by the agent, the senders and the pollers.
    pub fn apis(&self) -> Arc<Apis> {
        let parts = self.clone();
        Arc::new(Apis::new(move |h| parts.creator_api(h)))
    }

    /// Health and metrics: on their own address (spawned here), or handed back to be served on
    /// the webhook port when `daemon.admin_listen = "public"`.
    async fn spawn_admin(&self, run: &Running) -> std::io::Result<Option<AdminState>> {
        let admin = AdminState::new(
            self.store.clone(),
            self.live.clone(),
            self.api.http().clone(),
        );
        run.tracker
            .spawn(admin.clone().probe_store(run.shutdown.clone()));
        let Some(addr) = self.cfg.daemon.admin_address() else {
            tracing::warn!("health and metrics are served on the webhook port (daemon.admin_listen = \"public\"): anyone who reaches it reads creator handles and revenue");
            return Ok(Some(admin));
        };
        let l = TcpListener::bind(addr).await.map_err(|e| {
            std::io::Error::new(
                e.kind(),
                format!("cannot listen on {addr} (daemon.admin_listen): {e}"),
            )
        })?;
        let bound = l.local_addr().map(|a| a.to_string()).unwrap_or_default();
        tracing::info!(addr = %bound, "health and metrics listening on http://{bound}");
        run.tracker
            .spawn(ingress::run_admin(l, admin, run.shutdown.clone()));
        Ok(None)
    }

    /// The console's listener, when `console.listen` is set.
    async fn bind_console(&self) -> std::io::Result<Option<TcpListener>> {
        let Some(addr) = self.cfg.console.address() else {
            return Ok(None);
        };
        let l = TcpListener::bind(&addr).await.map_err(|e| {
            std::io::Error::new(
                e.kind(),
                format!("cannot listen on {addr} (console.listen): {e}"),
            )
        })?;
        Ok(Some(l))
    }

    /// The console on `listener`, driving this daemon's store, senders and OAuth flow.
    fn spawn_console(&self, run: &Running, listener: TcpListener, llm: Arc<dyn Llm>) {
        let state = crate::console::ConsoleState::new(crate::console::ConsoleDeps {
            store: self.store.clone(),
            cfg: self.live.clone(),
            connector: Arc::new(self.connector()),
            senders: run.senders.clone(),
            apis: run.apis.clone(),
            llm,
            judge: self.judge(),
        });
        let bound = listener
            .local_addr()
            .map(|a| a.to_string())
            .unwrap_or_default();
        tracing::info!(addr = %bound, url = %self.cfg.console.url(), "console listening on http://{bound}");
        run.tracker
            .spawn(crate::console::run(listener, state, run.shutdown.clone()));
    }

    /// What the public listener serves: webhooks, the OAuth callback, and maybe health/metrics.
    fn ingress_state(&self, run: &Running, admin: Option<AdminState>) -> IngressState {
        let w = &self.cfg.webhook;
        IngressState {
            connector: Arc::new(self.connector()),
            store: self.store.clone(),
            webhooks: Some(Arc::new(WebhookIngress {
                secret: w.secret.clone(),
                tolerance_secs: w.tolerance_secs,
                max_body_bytes: w.max_body_bytes,
                buffered: ingress::webhooks::BodyBudget::new(w.max_buffered_bytes),
                dispatcher: run.dispatch.clone(),
                seen: run.seen.clone(),
            })),
            admin,
        }
    }

    /// The agent behind the dispatcher, the draft expiry and the operator notifications.
    fn spawn_pipeline(
        &self,
        run: &Running,
        llm: Arc<dyn Llm>,
        wakes: tokio::sync::mpsc::Receiver<dispatcher::Wake>,
        deadline: Duration,
    ) {
        // Watched at its seam: an outage past `notify.llm_down_after_secs` notifies operators.
        let llm: Arc<dyn Llm> = Arc::new(crate::notify::WatchedLlm::new(
            llm,
            self.store.clone(),
            self.live.clone(),
        ));
        let summaries = crate::fan_summary::FanSummaries {
            store: self.store.clone(),
            cfg: self.live.clone(),
            llm: llm.clone(),
        };
        run.tracker.spawn(summaries.run(run.shutdown.clone()));
        let agent = Agent {
            store: self.store.clone(),
            llm,
            apis: run.apis.clone(),
            prompts: Default::default(),
            history: Default::default(),
            values: Default::default(),
            judge: self.judge(),
        };
        let expiry = crate::draft_expiry::DraftExpiry {
            store: self.store.clone(),
            cfg: self.live.clone(),
        };
        let stop = &run.shutdown;
        run.tracker.spawn(expiry.run(stop.clone()));
        run.tracker.spawn(dispatcher::run(
            agent,
            self.live.clone(),
            run.senders.clone(),
            wakes,
            stop.clone(),
            deadline,
        ));
        // Operator notifications: their own task and store reads, so a channel that is down
        // never slows a reply.
        let notifier = crate::notify::Notifier::new(self.store.clone(), self.live.clone());
        run.tracker.spawn(notifier.run(stop.clone()));
    }

    /// A sender for each configured creator and each one with messages still to send, and a
    /// poller and follow-ups for each enabled creator.
    async fn spawn_per_creator(&self, run: &Running) {
        let sender = Sender {
            store: self.store.clone(),
            cfg: self.live.clone(),
            apis: run.apis.clone(),
            wake_chat: wake_chat(run.dispatch.clone()),
        };
        let mut creators: Vec<String> = self.cfg.creators.keys().cloned().collect();
        if let Ok(open) = self.store.creators_with_open_outbox().await {
            creators.extend(open);
        }
        creators.sort();
        creators.dedup();
        let stop = &run.shutdown;
        for creator in &creators {
            crate::metrics::metrics().init_creator(creator);
            let wake = run.senders.notify_for(creator);
            run.tracker
                .spawn(sender.clone().run(creator.clone(), wake, stop.clone()));
            if !self.cfg.creator_enabled(creator) {
                continue;
            }
            if self.cfg.poller.enabled {
                let poller = Poller {
                    store: self.store.clone(),
                    cfg: self.live.clone(),
                    apis: run.apis.clone(),
                    dispatcher: run.dispatch.clone(),
                    seen: run.seen.clone(),
                };
                run.tracker.spawn(poller.run(creator.clone(), stop.clone()));
            }
            // Follow-ups and sequences: the scheduler reads whether each is on at every check.
            let scheduler = crate::sequences::Scheduler {
                store: self.store.clone(),
                cfg: self.live.clone(),
                dispatcher: run.dispatch.clone(),
                apis: run.apis.clone(),
            };
            run.tracker
                .spawn(scheduler.run(creator.clone(), stop.clone()));
        }
    }
}

/// What the tasks of a running daemon share, built once by [`Parts::serve`].
struct Running {
    apis: Arc<Apis>,
    dispatch: dispatcher::DispatcherHandle,
    senders: SenderHandle,
    seen: WebhookSeen,
    tracker: TaskTracker,
    shutdown: CancellationToken,
}

/// The guardrails' patterns are compiled on first use (about half a second): do it now, off the
/// async threads, rather than in the first fan's reply.
fn warm_guardrails() {
    tokio::task::spawn_blocking(|| {
        let g = crate::agent::guardrails::Guardrails::default();
        let warm = "hey 16 ans tengo meet me at 7 snap @x.com $5";
        std::hint::black_box((g.check_input(warm), g.check_draft(warm, &[], warm)));
        std::hint::black_box(crate::agent::guardrails::detect_language(warm));
    });
}

/// How the sender asks for a chat to be answered again (a fan wrote while a reply waited).
fn wake_chat(dispatch: dispatcher::DispatcherHandle) -> crate::sender::WakeChat {
    Arc::new(move |creator: &str, fan: &str| {
        dispatch.wake(dispatcher::Wake {
            creator: creator.to_string(),
            fan: fan.to_string(),
            fan_message: true,
        })
    })
}

/// Tells systemd the daemon is ready, pets its watchdog if one is set, and says when it stops.
fn tell_systemd(shutdown: &CancellationToken) {
    crate::systemd::notify("READY=1\nSTATUS=answering fans");
    if let Some(every) = crate::systemd::watchdog_interval() {
        let stop = shutdown.clone();
        tokio::spawn(async move {
            let mut tick = tokio::time::interval(every);
            loop {
                tokio::select! {
                    _ = stop.cancelled() => return,
                    _ = tick.tick() => { crate::systemd::notify("WATCHDOG=1"); }
                }
            }
        });
    }
    let stopping = shutdown.clone();
    tokio::spawn(async move {
        stopping.cancelled().await;
        crate::systemd::notify("STOPPING=1\nSTATUS=draining in-flight work");
    });
}

/// Cancels `token` on SIGINT or SIGTERM.
pub fn cancel_on_signals(token: CancellationToken) {
    tokio::spawn(async move {
        let ctrl_c = tokio::signal::ctrl_c();
        #[cfg(unix)]
        {
            let mut term =
                tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate())
                    .expect("SIGTERM handler");
            tokio::select! {
                _ = ctrl_c => {},
                _ = term.recv() => {},
            }
        }
        #[cfg(not(unix))]
        let _ = ctrl_c.await;
        tracing::info!("shutdown requested");
        token.cancel();
    });
}
