//! Monitoring endpoints: `/healthz` (the process answers), `/readyz` (store writable, creators
//! connected, LLM reachable; 503 otherwise) and `/metrics` (Prometheus text format).

use crate::{
    config::LiveConfig,
    health::{self, Check},
    store::Store,
};
use axum::{
    extract::State,
    http::{header, StatusCode},
    response::{IntoResponse, Response},
    routing::get,
    Json, Router,
};
use std::{
    sync::{Arc, Mutex},
    time::{Duration, Instant},
};

/// What the monitoring endpoints read.
#[derive(Clone)]
pub struct AdminState {
    pub store: Store,
    pub cfg: LiveConfig,
    pub http: reqwest::Client,
    /// The LLM check is reused for 10 s, so frequent probes do not hammer the LLM server.
    llm: Arc<Mutex<Option<(Instant, Check)>>>,
}

impl AdminState {
    pub fn new(store: Store, cfg: LiveConfig, http: reqwest::Client) -> AdminState {
        AdminState {
            store,
            cfg,
            http,
            llm: Default::default(),
        }
    }
}

pub fn router(state: AdminState) -> Router {
    Router::new()
        .route("/healthz", get(|| async { "ok\n" }))
        .route("/readyz", get(readyz))
        .route("/metrics", get(metrics))
        .with_state(state)
}

async fn readyz(State(st): State<AdminState>) -> Response {
    let cfg = st.cfg.get();
    let mut checks = vec![health::store_writable(&st.store).await];
    checks.extend(health::creators(&st.store, &cfg).await);
    let cached = st
        .llm
        .lock()
        .unwrap_or_else(|e| e.into_inner())
        .clone()
        .filter(|(at, _)| at.elapsed() < Duration::from_secs(10));
    let llm = match cached {
        Some((_, c)) => c,
        None => {
            let c = health::llm_reachable(&cfg, &st.http).await;
            *st.llm.lock().unwrap_or_else(|e| e.into_inner()) = Some((Instant::now(), c.clone()));
            c
        }
    };
    checks.push(llm);
    let ready = checks.iter().all(|c| c.ok);
    let status = if ready {
        StatusCode::OK
    } else {
        StatusCode::SERVICE_UNAVAILABLE
    };
    (
        status,
        Json(serde_json::json!({ "ready": ready, "checks": checks })),
    )
        .into_response()
}

async fn metrics(State(st): State<AdminState>) -> Response {
    match crate::metrics::render(&st.store).await {
        Ok(text) => (
            [(
                header::CONTENT_TYPE,
                "application/openmetrics-text; version=1.0.0; charset=utf-8",
            )],
            text,
        )
            .into_response(),
        Err(e) => (
            StatusCode::SERVICE_UNAVAILABLE,
            format!("cannot read the store: {e}\n"),
        )
            .into_response(),
    }
}
