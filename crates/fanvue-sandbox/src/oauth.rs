//! The sandbox's OAuth server: authorize (PKCE S256, state), token (Basic auth, rotating refresh).

use super::world::{new_uuid, AccessGrant, AuthCode, RefreshGrant, Shared};
use axum::{
    extract::{Form, Query, State},
    http::{header, HeaderMap, StatusCode},
    response::{Html, IntoResponse, Redirect, Response},
    routing::{get, post},
    Json, Router,
};
use base64::{
    engine::general_purpose::STANDARD as B64, engine::general_purpose::URL_SAFE_NO_PAD as B64URL,
    Engine,
};
use ring::digest;
use std::{collections::HashMap, sync::Arc};

pub fn routes() -> Router<Arc<Shared>> {
    Router::new()
        .route("/oauth2/auth", get(authorize))
        .route("/oauth2/auth/approve", post(approve))
        .route("/oauth2/token", post(token))
}

fn oauth_error(status: StatusCode, error: &str, desc: &str) -> Response {
    (
        status,
        Json(serde_json::json!({"error": error, "error_description": desc})),
    )
        .into_response()
}

/// Checks an authorization request; returns the error to show if it is not acceptable.
fn check_authorize(st: &Shared, q: &HashMap<String, String>) -> Result<(), String> {
    let get = |k: &str| q.get(k).map(|s| s.as_str()).unwrap_or("");
    if get("response_type") != "code" {
        return Err("response_type must be `code`".into());
    }
    if get("client_id") != st.args.client_id {
        return Err("unknown client_id".into());
    }
    if url::Url::parse(get("redirect_uri")).is_err() {
        return Err("redirect_uri is missing or not a URL".into());
    }
    if get("code_challenge_method") != "S256" || get("code_challenge").len() != 43 {
        return Err(
            "PKCE is required: code_challenge (S256, 43 characters) and code_challenge_method=S256"
                .into(),
        );
    }
    if get("state").len() < 32 {
        return Err("state must be at least 32 characters".into());
    }
    let scopes: Vec<&str> = get("scope").split_whitespace().collect();
    for s in ["openid", "offline_access", "offline"] {
        if !scopes.contains(&s) {
            return Err(format!("scope must include `{s}`"));
        }
    }
    Ok(())
}

/// Issues a code for `handle` and redirects to the client's redirect URI.
fn issue_code(st: &Shared, q: &HashMap<String, String>, handle: &str) -> Response {
    let mut w = st.lock();
    let Some(creator) = w.creator_by_handle(handle) else {
        return (
            StatusCode::BAD_REQUEST,
            Html(format!("<p>No creator `{handle}` in this sandbox.</p>")),
        )
            .into_response();
    };
    let code = new_uuid(&mut w.rng);
    let get = |k: &str| q.get(k).cloned().unwrap_or_default();
    w.codes.insert(
        code.clone(),
        AuthCode {
            creator,
            client_id: get("client_id"),
            redirect_uri: get("redirect_uri"),
            challenge: get("code_challenge"),
            scopes: get("scope").split_whitespace().map(String::from).collect(),
            expires_at: st.now_unix() + 120,
        },
    );
    let mut url = url::Url::parse(&get("redirect_uri")).expect("checked");
    url.query_pairs_mut()
        .append_pair("code", &code)
        .append_pair("state", &get("state"));
    Redirect::to(url.as_str()).into_response()
}

async fn authorize(
    State(st): State<Arc<Shared>>,
    Query(q): Query<HashMap<String, String>>,
) -> Response {
    if let Err(e) = check_authorize(&st, &q) {
        return (
            StatusCode::BAD_REQUEST,
            Html(format!("<h1>Invalid authorization request</h1><p>{e}</p>")),
        )
            .into_response();
    }
    if let Some(handle) = q.get("sandbox_auto_approve") {
        return issue_code(&st, &q, handle);
    }
    // A login page: pick the creator to log in as.
    let options: String = st
        .lock()
        .creators
        .iter()
        .map(|c| {
            format!(
                "<option value=\"{0}\">{0} ({1})</option>",
                c.handle, c.display_name
            )
        })
        .collect();
    let hidden: String = q
        .iter()
        .map(|(k, v)| {
            format!(
                "<input type=hidden name=\"{}\" value=\"{}\">",
                html_escape(k),
                html_escape(v)
            )
        })
        .collect();
    Html(format!(
        "<!doctype html><title>Fanvue sandbox login</title><h1>Fanvue sandbox</h1>\
         <form method=post action=/oauth2/auth/approve>{hidden}<label>Log in as <select name=login>{options}</select></label> \
         <button>Allow access</button></form>"
    ))
    .into_response()
}

fn html_escape(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('"', "&quot;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

async fn approve(
    State(st): State<Arc<Shared>>,
    Form(q): Form<HashMap<String, String>>,
) -> Response {
    if let Err(e) = check_authorize(&st, &q) {
        return (StatusCode::BAD_REQUEST, Html(format!("<p>{e}</p>"))).into_response();
    }
    let login = q.get("login").cloned().unwrap_or_default();
    issue_code(&st, &q, &login)
}

fn client_ok(st: &Shared, headers: &HeaderMap) -> bool {
    let Some(v) = headers
        .get(header::AUTHORIZATION)
        .and_then(|v| v.to_str().ok())
    else {
        return false;
    };
    let Some(b) = v.strip_prefix("Basic ") else {
        return false;
    };
    let Ok(raw) = B64.decode(b.trim()) else {
        return false;
    };
    let expected = format!("{}:{}", st.args.client_id, st.args.client_secret);
    raw == expected.as_bytes()
}

fn grant(
    st: &Shared,
    w: &mut super::world::World,
    creator: usize,
    family: u64,
    scopes: Vec<String>,
) -> serde_json::Value {
    let access = format!("sbx_at_{}", new_uuid(&mut w.rng).replace('-', ""));
    let refresh = format!("sbx_rt_{}", new_uuid(&mut w.rng).replace('-', ""));
    let ttl = st.args.access_token_ttl.max(1);
    w.access.insert(
        access.clone(),
        AccessGrant {
            creator,
            family,
            scopes: scopes.clone(),
            expires_at: st.now_unix() + ttl,
        },
    );
    w.refresh.insert(
        refresh.clone(),
        RefreshGrant {
            creator,
            family,
            scopes: scopes.clone(),
            used: false,
        },
    );
    serde_json::json!({
        "access_token": access,
        "refresh_token": refresh,
        "expires_in": ttl,
        "token_type": "bearer",
        "scope": scopes.join(" "),
        "id_token": "sandbox.id.token",
    })
}

async fn token(
    State(st): State<Arc<Shared>>,
    headers: HeaderMap,
    Form(f): Form<HashMap<String, String>>,
) -> Response {
    if !client_ok(&st, &headers) {
        return oauth_error(
            StatusCode::UNAUTHORIZED,
            "invalid_client",
            "client authentication (HTTP Basic) failed",
        );
    }
    let get = |k: &str| f.get(k).cloned().unwrap_or_default();
    let result = match get("grant_type").as_str() {
        "authorization_code" => exchange_code(
            &st,
            &get("code"),
            &get("redirect_uri"),
            &get("code_verifier"),
        ),
        "refresh_token" => refresh(&st, &get("refresh_token")),
        other => Err(oauth_error(
            StatusCode::BAD_REQUEST,
            "unsupported_grant_type",
            &format!("grant_type `{other}`"),
        )),
    };
    result.map_or_else(|e| e, |body| Json(body).into_response())
}

fn invalid_grant(desc: &str) -> Response {
    oauth_error(StatusCode::BAD_REQUEST, "invalid_grant", desc)
}

/// `grant_type=authorization_code`: a single-use code, its redirect URI and its PKCE verifier
/// open a new token family.
fn exchange_code(
    st: &Shared,
    code: &str,
    redirect_uri: &str,
    verifier: &str,
) -> Result<serde_json::Value, Response> {
    let mut w = st.lock();
    let code = w
        .codes
        .remove(code)
        .ok_or_else(|| invalid_grant("unknown or used code"))?;
    if code.expires_at < st.now_unix()
        || code.client_id != st.args.client_id
        || code.redirect_uri != redirect_uri
    {
        return Err(invalid_grant("code expired or redirect_uri mismatch"));
    }
    let challenge = B64URL.encode(digest::digest(&digest::SHA256, verifier.as_bytes()));
    if !(43..=128).contains(&verifier.len()) || challenge != code.challenge {
        return Err(invalid_grant("PKCE verification failed"));
    }
    let family = w.next_family;
    w.next_family += 1;
    Ok(grant(st, &mut w, code.creator, family, code.scopes))
}

/// `grant_type=refresh_token`: refresh tokens rotate and are single-use; a reused one kills its
/// whole family (reuse detection), as does a revocation.
fn refresh(st: &Shared, token: &str) -> Result<serde_json::Value, Response> {
    let mut w = st.lock();
    let Some(g) = w.refresh.get_mut(token) else {
        w.stats.invalid_grants += 1;
        return Err(invalid_grant("unknown refresh token"));
    };
    let (creator, family, scopes, reused) = (g.creator, g.family, g.scopes.clone(), g.used);
    g.used = true;
    if reused || w.revoked_families.contains(&family) {
        w.revoked_families.insert(family);
        w.access.retain(|_, a| a.family != family);
        w.stats.invalid_grants += 1;
        return Err(invalid_grant("refresh token reused or revoked"));
    }
    w.stats.token_refreshes += 1;
    Ok(grant(st, &mut w, creator, family, scopes))
}
