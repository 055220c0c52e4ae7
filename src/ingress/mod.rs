//! The daemon's HTTP server: signed webhooks into the inbox, the OAuth callback, health and
//! metrics (on their own address when `daemon.admin_listen` is set).

pub mod admin;
mod oauth;
pub mod serve;
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
    /// `/readyz` and `/metrics` on this server (else only `/healthz`).
    pub admin: Option<admin::AdminState>,
}

pub fn router(state: IngressState) -> Router {
    let admin = state.admin.clone();
    let main = Router::new()
        .route("/webhooks/fanvue", post(webhooks::receive_any))
        .route("/webhooks/fanvue/{event}", post(webhooks::receive_event))
        .route("/oauth/callback", get(oauth::callback))
        .with_state(state);
    match admin {
        Some(a) => main.merge(admin::router(a)),
        None => main.route("/healthz", get(|| async { "ok\n" })),
    }
}

/// Serves only the monitoring endpoints until `shutdown` (for `daemon.admin_listen`).
pub async fn run_admin(
    listener: TcpListener,
    state: admin::AdminState,
    shutdown: CancellationToken,
) -> std::io::Result<()> {
    serve::serve(listener, admin::router(state), ADMIN_CONNECTIONS, shutdown).await
}

/// Open connections on the monitoring listener (scrapers and probes, never a crowd).
const ADMIN_CONNECTIONS: usize = 64;

/// Serves until `shutdown` is cancelled, at most `max_connections` at once. Takes its listener so
/// tests can bind port 0.
pub async fn run(
    listener: TcpListener,
    state: IngressState,
    max_connections: usize,
    shutdown: CancellationToken,
) -> std::io::Result<()> {
    serve::serve(listener, router(state), max_connections, shutdown).await
}
