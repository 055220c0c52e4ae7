//! The daemon's HTTP server: signed webhooks into the inbox, the OAuth callback, health.

mod oauth;
pub mod webhooks;

use crate::{fanvue::oauth::Connector, store::Store};
use axum::{
    routing::{get, post},
    Router,
};
use std::sync::Arc;
use tokio::net::TcpListener;
use tokio_util::sync::CancellationToken;

pub use webhooks::WebhookIngress;

/// What the handlers share.
#[derive(Clone)]
pub struct IngressState {
    pub connector: Arc<Connector>,
    pub store: Store,
    /// `None` in processes that only finish OAuth flows (`connect`): webhooks get 503 there.
    pub webhooks: Option<Arc<WebhookIngress>>,
}

pub fn router(state: IngressState) -> Router {
    Router::new()
        .route("/webhooks/fanvue", post(webhooks::receive_any))
        .route("/webhooks/fanvue/{event}", post(webhooks::receive_event))
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
