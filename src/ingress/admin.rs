//! Monitoring endpoints: `/healthz` (the process answers), `/readyz` (store writable and its file
//! the one opened, prompts load, creators connected, LLM reachable; 503 otherwise) and `/metrics`
//! (Prometheus text format). `/readyz` never writes: a background probe writes the heartbeat and
//! the endpoint reads its last result, and the whole answer is reused for a second, so a flood of
//! probes costs neither writes nor webhook latency.

use crate::{
    config::LiveConfig,
    health::{self, Check},
    metrics::Gauges,
    store::{Store, StoreError},
};
use axum::{
    extract::State,
    http::{header, StatusCode},
    response::{IntoResponse, Response},
    routing::get,
    Json, Router,
};
use serde_json::Value;
use std::{
    sync::{Arc, Mutex},
    time::{Duration, Instant},
};
use tokio_util::sync::CancellationToken;

/// How often the background probe writes the heartbeat.
const STORE_PROBE_EVERY: Duration = Duration::from_secs(2);
/// How long one `/readyz` answer is reused.
const READY_CACHE: Duration = Duration::from_secs(1);

type Cached<T> = Arc<Mutex<Option<(Instant, T)>>>;

/// What the monitoring endpoints read.
#[derive(Clone)]
pub struct AdminState {
    pub store: Store,
    pub cfg: LiveConfig,
    pub http: reqwest::Client,
    /// The LLM check is reused for 10 s, so frequent probes do not hammer the LLM server.
    llm: Cached<Check>,
    /// The last heartbeat write's result (see [`AdminState::probe_store`]).
    store_probe: Cached<Check>,
    /// The last `/readyz` answer; one computation at a time.
    ready: Arc<tokio::sync::Mutex<Option<(Instant, bool, Value)>>>,
}

impl AdminState {
    pub fn new(store: Store, cfg: LiveConfig, http: reqwest::Client) -> AdminState {
        AdminState {
            store,
            cfg,
            http,
            llm: Default::default(),
            store_probe: Default::default(),
            ready: Default::default(),
        }
    }

    /// Writes the heartbeat every 2 s until `shutdown` and keeps the result for `/readyz`.
    pub async fn probe_store(self, shutdown: CancellationToken) {
        loop {
            let check = health::store_writable(&self.store).await;
            *self.store_probe.lock().unwrap_or_else(|e| e.into_inner()) =
                Some((Instant::now(), check));
            tokio::select! {
                _ = shutdown.cancelled() => return,
                _ = tokio::time::sleep(STORE_PROBE_EVERY) => {}
            }
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
    let mut cached = st.ready.lock().await;
    let (ready, body) = match cached.as_ref() {
        Some((at, ready, body)) if at.elapsed() < READY_CACHE => (*ready, body.clone()),
        _ => {
            let checks = checks(&st).await;
            let ready = checks.iter().all(|c| c.ok);
            let body = serde_json::json!({ "ready": ready, "checks": checks });
            *cached = Some((Instant::now(), ready, body.clone()));
            (ready, body)
        }
    };
    drop(cached);
    let status = if ready {
        StatusCode::OK
    } else {
        StatusCode::SERVICE_UNAVAILABLE
    };
    (status, Json(body)).into_response()
}

/// Every readiness check, without writing anything.
async fn checks(st: &AdminState) -> Vec<Check> {
    let cfg = st.cfg.get();
    let file = health::store_file(&st.store);
    let store = if file.ok {
        last_store_probe(st)
    } else {
        Check::fail(
            "store",
            "the database file is gone",
            "see the database file check",
        )
    };
    let mut checks = vec![store, file];
    checks.extend(health::prompts(&cfg));
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
    checks
}

fn last_store_probe(st: &AdminState) -> Check {
    let last = st
        .store_probe
        .lock()
        .unwrap_or_else(|e| e.into_inner())
        .clone();
    match last {
        Some((at, c)) if at.elapsed() < STORE_PROBE_EVERY * 5 => c,
        Some(_) => Check::fail(
            "store",
            "no heartbeat write finished in the last 10 s",
            "find the process holding the database file (fuser/lsof) and check free disk space",
        ),
        None => Check::fail(
            "store",
            "not probed yet",
            "wait a moment: the daemon is starting",
        ),
    }
}

/// The `/metrics` exposition: the process's counters, and gauges of what the store holds now.
pub async fn scrape_metrics(store: &Store) -> Result<String, StoreError> {
    let gauges = Gauges {
        creators: store
            .creators()
            .await?
            .into_iter()
            .map(|c| c.handle)
            .collect(),
        notify_queue: store.notify_queue().await?,
        safety_marks: store.active_mark_counts().await?,
        inbox_pending: store.gauge_inbox_pending().await?,
        outbox_open: store.gauge_outbox_open().await?,
        drafts_awaiting: store.gauge_drafts_awaiting().await?,
        offers: store.gauge_offers().await?,
    };
    Ok(crate::metrics::render(&gauges))
}

async fn metrics(State(st): State<AdminState>) -> Response {
    match scrape_metrics(&st.store).await {
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
