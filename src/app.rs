//! Builds the daemon's parts from config and runs the server until shutdown.

use crate::{
    config::Config,
    crypto::TokenCipher,
    fanvue::{
        client::Tokens,
        oauth::{Connector, OAuthClient, TokenManager},
        CreatorApi, FanvueClient,
    },
    ingress::{self, IngressState},
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
    pub cfg: Arc<Config>,
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
        Ok(Parts {
            cfg: Arc::new(cfg),
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

    /// Runs the HTTP server on `listener` until `shutdown`; tasks are drained before returning.
    /// The store stays open: the caller closes it.
    pub async fn serve(
        &self,
        listener: TcpListener,
        shutdown: CancellationToken,
    ) -> std::io::Result<()> {
        let tracker = TaskTracker::new();
        let state = IngressState {
            connector: Arc::new(self.connector()),
        };
        let server = tracker.spawn(ingress::run(listener, state, shutdown.clone()));
        tracker.close();
        let res = server
            .await
            .unwrap_or_else(|e| Err(std::io::Error::other(e)));
        tracker.wait().await;
        res
    }
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
