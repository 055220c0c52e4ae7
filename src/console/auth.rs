//! Logging in and out. A login checks the per-user and per-address attempt limits first, then
//! the argon2 hash (off the async threads; an unknown name costs the same time as a wrong
//! password), and starts a server-side session: the cookie holds a random token (HttpOnly,
//! SameSite=Strict, `Secure` when the console's public URL is https), the store only its hash.
//! The login form itself carries a token matched against a short-lived cookie (login CSRF).

use super::{views::url_escape, ConsoleError, ConsoleState, Posted};
use crate::crypto::password::{random_token, token_hash, verify_nobody, verify_password};
use crate::store::{actions::NewAction, users::NewSession};
use axum::{
    extract::{ConnectInfo, Query, State},
    http::{header, HeaderMap, HeaderValue},
    response::{IntoResponse, Redirect, Response},
    routing::{get, post},
    Form, Router,
};
use cookie::{Cookie, SameSite};
use governor::{clock::DefaultClock, state::keyed::DefaultKeyedStateStore, Quota, RateLimiter};
use minijinja::context;
use serde::Deserialize;
use std::{net::SocketAddr, num::NonZeroU32};
use subtle::ConstantTimeEq;

/// The session cookie's name (`__Host-` over https: the browser then refuses it from anything but
/// this exact origin over TLS).
fn session_name(secure: bool) -> &'static str {
    if secure {
        "__Host-fva_session"
    } else {
        "fva_session"
    }
}

/// The login form's token cookie.
fn login_name(secure: bool) -> &'static str {
    if secure {
        "__Host-fva_login"
    } else {
        "fva_login"
    }
}

pub fn routes() -> Router<ConsoleState> {
    Router::new()
        .route("/login", get(login_page).post(login))
        .route("/logout", post(logout))
}

/// The value of cookie `name` in the request's `Cookie` headers.
fn cookie_value(headers: &HeaderMap, name: &str) -> Option<String> {
    headers
        .get_all(header::COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(Cookie::split_parse)
        .filter_map(Result::ok)
        .find(|c| c.name() == name)
        .map(|c| c.value().to_string())
}

/// The session token the browser sent, if any.
pub fn session_cookie(headers: &HeaderMap, secure: bool) -> Option<String> {
    cookie_value(headers, session_name(secure)).filter(|t| !t.is_empty())
}

/// A `Set-Cookie` value: HttpOnly, SameSite=Strict, Path=/, Secure over https; `max_age` seconds
/// (0 deletes it).
fn set_cookie(name: &str, value: &str, max_age: i64, secure: bool) -> HeaderValue {
    let c = Cookie::build((name, value))
        .http_only(true)
        .same_site(SameSite::Strict)
        .path("/")
        .secure(secure)
        .max_age(cookie::time::Duration::seconds(max_age))
        .build();
    HeaderValue::from_str(&c.to_string()).expect("cookie values are base64url")
}

/// Login attempts allowed per user name and per client address.
pub struct LoginLimiter {
    per_user: Keyed,
    per_addr: Keyed,
}

type Keyed = RateLimiter<String, DefaultKeyedStateStore<String>, DefaultClock>;

/// Keys remembered before old ones are dropped (a flood of made-up names cannot grow memory).
const MAX_KEYS: usize = 10_000;

impl LoginLimiter {
    /// `per_minute` attempts per user name, four times that per address.
    pub fn new(per_minute: u32) -> LoginLimiter {
        let n = NonZeroU32::new(per_minute.max(1)).expect("at least 1");
        let addr = NonZeroU32::new(per_minute.max(1).saturating_mul(4)).expect("at least 4");
        LoginLimiter {
            per_user: RateLimiter::keyed(Quota::per_minute(n)),
            per_addr: RateLimiter::keyed(Quota::per_minute(addr)),
        }
    }

    /// Whether one more attempt for `user` from `addr` is allowed now (each call counts as one).
    pub fn allow(&self, user: &str, addr: &str) -> bool {
        for l in [&self.per_user, &self.per_addr] {
            if l.len() > MAX_KEYS {
                l.retain_recent();
            }
        }
        let user_ok = self.per_user.check_key(&user.to_lowercase()).is_ok();
        let addr_ok = self.per_addr.check_key(&addr.to_string()).is_ok();
        user_ok && addr_ok
    }
}

#[derive(Deserialize)]
struct LoginQuery {
    next: Option<String>,
}

/// Where to go after logging in: a path of this site only (never `//host` or a URL).
fn safe_next(next: Option<&str>) -> String {
    match next {
        Some(n) if n.starts_with('/') && !n.starts_with("//") && !n.contains('\\') => n.into(),
        _ => "/".into(),
    }
}

async fn login_page(
    State(st): State<ConsoleState>,
    headers: HeaderMap,
    Query(q): Query<LoginQuery>,
) -> Result<Response, ConsoleError> {
    let next = safe_next(q.next.as_deref());
    let secure = st.cfg.get().console.secure_cookies();
    if let Some(t) = session_cookie(&headers, secure) {
        let now = crate::domain::time::now_ms();
        if st.store.session(&token_hash(&t), now).await?.is_some() {
            return Ok(Redirect::to(&next).into_response());
        }
    }
    login_form(&st, &next, None, secure)
}

/// The login page with a fresh form token (also set as a cookie) and maybe an error.
fn login_form(
    st: &ConsoleState,
    next: &str,
    error: Option<&str>,
    secure: bool,
) -> Result<Response, ConsoleError> {
    let token = random_token();
    let html = st.views.render(
        "login.html",
        context! { next => next, login_csrf => &token, error => error },
    )?;
    let cookie = set_cookie(login_name(secure), &token, 3600, secure);
    Ok(([(header::SET_COOKIE, cookie)], html).into_response())
}

/// The client's socket address, when the server recorded it (`ingress::serve` does).
struct Peer(Option<SocketAddr>);

impl<S: Send + Sync> axum::extract::FromRequestParts<S> for Peer {
    type Rejection = std::convert::Infallible;

    async fn from_request_parts(
        parts: &mut axum::http::request::Parts,
        _: &S,
    ) -> Result<Peer, Self::Rejection> {
        Ok(Peer(
            parts
                .extensions
                .get::<ConnectInfo<SocketAddr>>()
                .map(|c| c.0),
        ))
    }
}

#[derive(Deserialize)]
struct LoginForm {
    name: String,
    password: String,
    #[serde(default)]
    next: String,
    #[serde(default)]
    login_csrf: String,
}

/// The client's address for the per-address limit: the peer, or the last `X-Forwarded-For`
/// entry when the config says a proxy sets it.
fn client_addr(headers: &HeaderMap, peer: Option<SocketAddr>, trust_forwarded: bool) -> String {
    let forwarded = trust_forwarded
        .then(|| headers.get("x-forwarded-for")?.to_str().ok())
        .flatten()
        .and_then(|v| v.rsplit(',').next())
        .map(|v| v.trim().to_string())
        .filter(|v| !v.is_empty());
    forwarded.unwrap_or_else(|| peer.map(|p| p.ip().to_string()).unwrap_or_default())
}

async fn login(
    State(st): State<ConsoleState>,
    Peer(peer): Peer,
    headers: HeaderMap,
    Form(f): Form<LoginForm>,
) -> Result<Response, ConsoleError> {
    let cfg = st.cfg.get().console.clone();
    let secure = cfg.secure_cookies();
    let next = safe_next(Some(&f.next));
    let expected = cookie_value(&headers, login_name(secure)).unwrap_or_default();
    if expected.is_empty() || !bool::from(expected.as_bytes().ct_eq(f.login_csrf.as_bytes())) {
        return login_form(&st, &next, Some("The form expired: log in again."), secure);
    }
    let addr = client_addr(&headers, peer, cfg.trust_forwarded_for);
    let name = f.name.trim().to_string();
    if !st.logins.allow(&name, &addr) {
        tracing::warn!(user = %crate::domain::display::visible(&name), %addr, "console login refused: too many attempts");
        return Err(ConsoleError::TooManyAttempts);
    }
    let creds = st.store.user_credentials(&name).await?;
    let password = f.password;
    let user = tokio::task::spawn_blocking(move || match creds {
        Some((id, hash)) => verify_password(&password, &hash).then_some(id),
        None => {
            verify_nobody(&password);
            None
        }
    })
    .await
    .map_err(|e| ConsoleError::Internal(e.to_string()))?;
    let Some(user_id) = user else {
        tracing::warn!(user = %crate::domain::display::visible(&name), %addr, "console login failed");
        return login_form(&st, &next, Some("Wrong name or password."), secure);
    };
    start_session(&st, user_id, &name, &next, cfg.session_ttl_secs, secure).await
}

/// Starts a session for `user_id` and sends the browser to `next` with its cookie.
async fn start_session(
    st: &ConsoleState,
    user_id: i64,
    name: &str,
    next: &str,
    ttl_secs: u64,
    secure: bool,
) -> Result<Response, ConsoleError> {
    let token = random_token();
    let csrf = random_token();
    let ttl_ms = i64::try_from(ttl_secs.saturating_mul(1000)).unwrap_or(i64::MAX);
    st.store
        .create_session(&NewSession {
            token_hash: &token_hash(&token),
            user_id,
            csrf: &csrf,
            expires_at: crate::domain::time::now_ms().saturating_add(ttl_ms),
        })
        .await?;
    let actor = format!("console:{name}");
    st.store
        .record_action(&NewAction {
            actor: &actor,
            action: "login",
            ..Default::default()
        })
        .await?;
    tracing::info!(user = %crate::domain::display::visible(name), "console login");
    let ttl = i64::try_from(ttl_secs).unwrap_or(i64::MAX);
    let mut res = Redirect::to(next).into_response();
    let h = res.headers_mut();
    h.append(
        header::SET_COOKIE,
        set_cookie(session_name(secure), &token, ttl, secure),
    );
    h.append(
        header::SET_COOKIE,
        set_cookie(login_name(secure), "", 0, secure),
    );
    Ok(res)
}

/// Ends the session (its row is deleted: the cookie is worthless after) and clears the cookie.
async fn logout(
    State(st): State<ConsoleState>,
    Posted { viewer, .. }: Posted<serde::de::IgnoredAny>,
) -> Result<Response, ConsoleError> {
    st.store.end_session(&viewer.session).await?;
    let secure = st.cfg.get().console.secure_cookies();
    let mut res = Redirect::to("/login").into_response();
    res.headers_mut().append(
        header::SET_COOKIE,
        set_cookie(session_name(secure), "", 0, secure),
    );
    Ok(res)
}

/// The login page's URL that comes back to `path` afterwards.
pub fn login_url(path: &str) -> String {
    format!("/login?next={}", url_escape(path))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_local_paths_are_followed_after_login() {
        assert_eq!(safe_next(Some("/fans?x=1")), "/fans?x=1");
        assert_eq!(safe_next(Some("//evil.example")), "/");
        assert_eq!(safe_next(Some("https://evil.example")), "/");
        assert_eq!(safe_next(Some("/\\evil.example")), "/");
        assert_eq!(safe_next(None), "/");
    }

    #[test]
    fn attempts_past_the_limit_are_refused_per_user_and_per_address() {
        let l = LoginLimiter::new(2);
        assert!(l.allow("ann", "10.0.0.1"));
        assert!(l.allow("Ann", "10.0.0.1"));
        assert!(!l.allow("ann", "10.0.0.2"), "a third try for one name");
        for i in 0..8 {
            assert!(
                l.allow(&format!("user{i}"), "10.0.0.9"),
                "four times the per-user limit"
            );
        }
        assert!(
            !l.allow("fresh", "10.0.0.9"),
            "one address trying many names"
        );
    }

    #[test]
    fn forwarded_addresses_are_used_only_when_trusted() {
        let mut h = HeaderMap::new();
        h.insert("x-forwarded-for", "1.2.3.4, 5.6.7.8".parse().unwrap());
        let peer = Some("127.0.0.1:9".parse().unwrap());
        assert_eq!(client_addr(&h, peer, false), "127.0.0.1");
        assert_eq!(client_addr(&h, peer, true), "5.6.7.8");
    }
}
