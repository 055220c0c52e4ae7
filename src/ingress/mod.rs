//! The daemon's HTTP server: OAuth callback and health (webhooks join it in the agent daemon).

mod oauth;

use crate::fanvue::oauth::Connector;
use axum::{routing::get, Router};
use std::sync::Arc;
use tokio::net::TcpListener;
use tokio_util::sync::CancellationToken;

/// What the handlers share.
#[derive(Clone)]
pub struct IngressState {
    pub connector: Arc<Connector>,
}

pub fn router(state: IngressState) -> Router {
    Router::new()
        .route("/oauth/callback", get(oauth::callback))
        .route("/healthz", get(|| async { "ok\n" }))
        .with_state(state)
}

/// Serves until `shutdown` is cancelled. Takes its listener so tests can bind port 0.
pub async fn run(
    listener: TcpListener,
    state: IngressState,
    shutdown: CancellationToken,
) -> std::io::Result<()> {
    axum::serve(listener, router(state))
        .with_graceful_shutdown(async move { shutdown.cancelled().await })
        .await
}
