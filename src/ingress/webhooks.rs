//! `POST /webhooks/fanvue[/{event}]`: verify the signature on the raw bytes, parse, commit to the
//! inbox, then answer. Bad input gets a JSON `{error, detail}` and changes nothing.

use super::IngressState;
use crate::{
    dispatcher::Wake,
    fanvue::webhook::{self, PathHint},
    store::{inbox::is_fan_message, inbox::Accepted, now_secs},
};
use axum::{
    body::Body,
    extract::{Path, State},
    http::{header, HeaderMap, StatusCode},
    response::{IntoResponse, Response},
    Json,
};
use serde_json::json;
use tracing::{info, warn};

/// The webhook settings and sinks the handler needs.
#[derive(Clone, Debug)]
pub struct WebhookIngress {
    pub secret: crate::config::Secret,
    pub tolerance_secs: u64,
    pub max_body_bytes: usize,
    pub dispatcher: crate::dispatcher::DispatcherHandle,
    pub seen: crate::poller::WebhookSeen,
    /// Bytes of bodies being read or checked at once (`webhook.max_buffered_bytes`).
    pub buffered: BodyBudget,
}

/// A byte budget shared by every request whose body is held before its signature is checked.
#[derive(Clone, Debug)]
pub struct BodyBudget(std::sync::Arc<tokio::sync::Semaphore>);

impl BodyBudget {
    pub fn new(bytes: usize) -> BodyBudget {
        BodyBudget(std::sync::Arc::new(tokio::sync::Semaphore::new(bytes)))
    }

    /// Reserves `bytes` (the declared length, else the largest allowed body) or says no at once.
    fn reserve(&self, bytes: usize) -> Option<tokio::sync::OwnedSemaphorePermit> {
        let n = u32::try_from(bytes.max(1)).unwrap_or(u32::MAX);
        self.0.clone().try_acquire_many_owned(n).ok()
    }
}

/// How long a client may take to send a webhook's body (slow senders hold no connection open).
pub const BODY_READ_TIMEOUT: std::time::Duration = std::time::Duration::from_secs(10);

fn error(status: StatusCode, code: &str, detail: impl Into<String>) -> Response {
    (
        status,
        Json(json!({"error": code, "detail": detail.into()})),
    )
        .into_response()
}

pub async fn receive_any(st: State<IngressState>, headers: HeaderMap, body: Body) -> Response {
    receive(st, None, headers, body).await
}

pub async fn receive_event(
    st: State<IngressState>,
    Path(event): Path<String>,
    headers: HeaderMap,
    body: Body,
) -> Response {
    match PathHint::parse(&event) {
        Some(h) => receive(st, Some(h), headers, body).await,
        None => error(
            StatusCode::NOT_FOUND,
            "unknown_event_path",
            format!("no webhook endpoint /webhooks/fanvue/{event}; use message, subscriber, tip, purchase, follower or read"),
        ),
    }
}

async fn receive(
    State(st): State<IngressState>,
    hint: Option<PathHint>,
    headers: HeaderMap,
    body: Body,
) -> Response {
    let Some(wh) = st.webhooks.as_ref() else {
        return error(
            StatusCode::SERVICE_UNAVAILABLE,
            "not_accepting_webhooks",
            "this process does not accept webhooks (run `fanvue-agent serve`)",
        );
    };
    if let Err(refused) = check_content_type(&headers) {
        return refused.into_response();
    }
    let declared = headers
        .get(header::CONTENT_LENGTH)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.parse::<usize>().ok());
    if declared.is_some_and(|n| n > wh.max_body_bytes) {
        return too_large(wh).into_response();
    }
    // Held until the answer: unverified bodies in memory never exceed the budget.
    let Some(_reserved) = wh.buffered.reserve(declared.unwrap_or(wh.max_body_bytes)) else {
        return busy();
    };
    let event = match read_body(wh, body).await {
        Ok(bytes) => verified_event(wh, &headers, &bytes, hint),
        Err(refused) => Err(refused),
    };
    let event = match event {
        Ok(event) => event,
        Err(refused) => return refused.into_response(),
    };
    commit(&st, wh, event).await
}

/// Why a webhook was refused, before anything was committed: becomes the `{error, detail}` answer.
struct Refusal(StatusCode, &'static str, String);

impl IntoResponse for Refusal {
    fn into_response(self) -> Response {
        error(self.0, self.1, self.2)
    }
}

fn check_content_type(headers: &HeaderMap) -> Result<(), Refusal> {
    let content_type = headers
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .unwrap_or("");
    let mime = content_type.split(';').next().unwrap_or("").trim();
    if mime.eq_ignore_ascii_case("application/json") {
        return Ok(());
    }
    Err(Refusal(
        StatusCode::UNSUPPORTED_MEDIA_TYPE,
        "unsupported_media_type",
        format!(
            "expected Content-Type application/json, got `{}`",
            mime.chars().take(80).collect::<String>()
        ),
    ))
}

fn too_large(wh: &WebhookIngress) -> Refusal {
    Refusal(
        StatusCode::PAYLOAD_TOO_LARGE,
        "body_too_large",
        format!("the body exceeds {} bytes", wh.max_body_bytes),
    )
}

/// The whole body, if it fits the limit and arrives within [`BODY_READ_TIMEOUT`].
async fn read_body(wh: &WebhookIngress, body: Body) -> Result<axum::body::Bytes, Refusal> {
    let read = axum::body::to_bytes(body, wh.max_body_bytes);
    match tokio::time::timeout(BODY_READ_TIMEOUT, read).await {
        Ok(Ok(b)) => Ok(b),
        Ok(Err(_)) => Err(too_large(wh)),
        Err(_) => {
            warn!("webhook refused: the body did not arrive in time");
            Err(Refusal(
                StatusCode::REQUEST_TIMEOUT,
                "body_timeout",
                format!(
                    "the body did not arrive within {}s",
                    BODY_READ_TIMEOUT.as_secs()
                ),
            ))
        }
    }
}

/// The event in `bytes`, once its signature is checked on the raw bytes.
fn verified_event(
    wh: &WebhookIngress,
    headers: &HeaderMap,
    bytes: &[u8],
    hint: Option<PathHint>,
) -> Result<crate::domain::Event, Refusal> {
    let sig = headers
        .get("x-fanvue-signature")
        .and_then(|v| v.to_str().ok());
    let secret = wh.secret.expose().as_bytes();
    if let Err(e) = webhook::verify(sig, bytes, secret, now_secs(), wh.tolerance_secs) {
        warn!(error = %e, "webhook refused: bad signature");
        return Err(Refusal(
            StatusCode::UNAUTHORIZED,
            "invalid_signature",
            e.to_string(),
        ));
    }
    webhook::parse(bytes, hint).map_err(|e| {
        warn!(error = %e, "webhook refused: cannot parse");
        Refusal(StatusCode::BAD_REQUEST, "malformed_event", e.to_string())
    })
}

/// Commits a verified event to the inbox, wakes its chat, and answers.
async fn commit(st: &IngressState, wh: &WebhookIngress, event: crate::domain::Event) -> Response {
    let creator = match &event.creator {
        Some(uuid) => match st.store.route(uuid.as_str()).await {
            Ok(handle) => handle,
            Err(e) => return unavailable(e),
        },
        None => None,
    };
    let result = st
        .store
        .accept_event(&event, creator.as_deref(), "webhook")
        .await;
    if let Ok(a) = &result {
        let m = crate::metrics::metrics();
        m.accepted(event.kind.name(), "webhook", a.as_str(), creator.as_deref());
    }
    match result {
        Ok(Accepted::New { id }) => accepted(wh, &event, creator.unwrap_or_default(), id),
        Ok(Accepted::Held { id }) => {
            warn!(
                inbox = id,
                creator_uuid = event.creator.as_ref().map(|c| c.as_str()).unwrap_or("-"),
                kind = event.kind.name(),
                "webhook kept but not processed (unknown creator or event type)"
            );
            (
                StatusCode::ACCEPTED,
                Json(json!({"status": "held", "id": id})),
            )
                .into_response()
        }
        Ok(Accepted::Duplicate) => {
            if let Some(c) = &creator {
                wh.seen.saw(c);
            }
            (StatusCode::OK, Json(json!({"status": "duplicate"}))).into_response()
        }
        Err(e) => unavailable(e),
    }
}

/// A new event: the poller hears webhooks arrive, and the chat's job wakes.
fn accepted(
    wh: &WebhookIngress,
    event: &crate::domain::Event,
    creator: String,
    id: i64,
) -> Response {
    let fan = event
        .fan
        .uuid
        .as_ref()
        .map(|f| f.as_str().to_string())
        .unwrap_or_default();
    wh.seen.saw(&creator);
    info!(inbox = id, creator = %creator, fan = %fan, kind = event.kind.name(), "webhook accepted");
    wh.dispatcher.wake(Wake {
        creator,
        fan,
        fan_message: is_fan_message(event),
    });
    (
        StatusCode::OK,
        Json(json!({"status": "accepted", "id": id})),
    )
        .into_response()
}

/// Too many bodies are being read at once: Fanvue retries later.
fn busy() -> Response {
    let mut r = error(
        StatusCode::SERVICE_UNAVAILABLE,
        "busy",
        "too many webhook bodies are being received at once; retry later",
    );
    r.headers_mut()
        .insert(header::RETRY_AFTER, header::HeaderValue::from_static("1"));
    r
}

fn unavailable(e: crate::store::StoreError) -> Response {
    warn!(error = %e, "webhook not stored: the store is unavailable");
    let mut r = error(
        StatusCode::SERVICE_UNAVAILABLE,
        "store_unavailable",
        "the event could not be stored; retry later",
    );
    r.headers_mut()
        .insert(header::RETRY_AFTER, header::HeaderValue::from_static("5"));
    r
}
