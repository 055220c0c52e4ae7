//! `GET /oauth/callback`: finishes a connect flow (state checked once, code exchanged with PKCE).
//! A flow started from the console's Creators page sends the browser back there, where the
//! outcome is shown; one started by `fanvue-agent connect` answers a small page.

use super::IngressState;
use crate::fanvue::oauth::ConnectError;
use axum::{
    extract::{Query, State},
    http::StatusCode,
    response::{Html, IntoResponse, Redirect, Response},
};
use serde::Deserialize;

#[derive(Deserialize)]
pub struct CallbackQuery {
    code: Option<String>,
    state: Option<String>,
    error: Option<String>,
    error_description: Option<String>,
}

fn page(status: StatusCode, title: &str, text: &str) -> Response {
    let esc = |s: &str| {
        s.replace('&', "&amp;")
            .replace('<', "&lt;")
            .replace('>', "&gt;")
    };
    let body = format!(
        "<!doctype html><meta charset=utf-8><title>fanvue-agent</title><h1>{}</h1><p>{}</p>\n",
        esc(title),
        esc(text)
    );
    (status, Html(body)).into_response()
}

pub async fn callback(State(st): State<IngressState>, Query(q): Query<CallbackQuery>) -> Response {
    // Read before the flow finishes: the console's address stays with the state once it is used.
    let back = match &q.state {
        Some(state) => st
            .store
            .pending_return_to(state)
            .await
            .ok()
            .flatten()
            .map(|base| (base, state.clone())),
        None => None,
    };
    let answer = finish(&st, q).await;
    match back {
        // The outcome is in the store (by state): the Creators page shows it.
        Some((base, state)) => Redirect::to(&format!(
            "{base}/creators?connect={}",
            url::form_urlencoded::byte_serialize(state.as_bytes()).collect::<String>()
        ))
        .into_response(),
        None => answer,
    }
}

async fn finish(st: &IngressState, q: CallbackQuery) -> Response {
    if let Some(err) = q.error {
        let desc = q.error_description.unwrap_or_default();
        tracing::warn!(
            error = %crate::domain::display::visible(&err),
            "authorization was not granted"
        );
        if let Some(state) = &q.state {
            if let Ok(Ok(_)) = st
                .connector
                .store
                .take_pending_auth(&st.connector.cipher, state)
                .await
            {
                let _ = st
                    .connector
                    .store
                    .set_pending_outcome(state, &format!("failed: {err}"))
                    .await;
            }
        }
        return page(
            StatusCode::BAD_REQUEST,
            "Not connected",
            &format!("Fanvue said: {err} {desc}"),
        );
    }
    let (Some(code), Some(state)) = (q.code, q.state) else {
        return page(
            StatusCode::BAD_REQUEST,
            "Not connected",
            "The callback lacks `code` or `state`.",
        );
    };
    match st.connector.finish(&state, &code).await {
        Ok(handle) => page(
            StatusCode::OK,
            "Connected",
            &format!("Creator {handle} is connected. You can close this tab."),
        ),
        Err(e) => {
            tracing::warn!(error = %e, "OAuth callback refused");
            let status = match e {
                ConnectError::State(_) | ConnectError::WrongAccount { .. } => {
                    StatusCode::BAD_REQUEST
                }
                ConnectError::OAuth(_) | ConnectError::Profile(_) => StatusCode::BAD_GATEWAY,
                ConnectError::Store(_) => StatusCode::SERVICE_UNAVAILABLE,
            };
            page(status, "Not connected", &e.to_string())
        }
    }
}
