//! The operator console: a web page served by the daemon on its own listener (`console.listen`)
//! where people work the queue, read conversations with every decision explained, and steer
//! creators and fans. Server-rendered HTML (minijinja templates embedded in the binary, auto-escape
//! on for every template), one small script of our own, live counts by server-sent events.
//!
//! # The parts
//! - [`auth`]: log in (argon2 hashes, per-user and per-address rate limits), log out, the session
//!   cookie (HttpOnly, SameSite=Strict, Secure when `console.public_url` is https).
//! - [`viewer`]: the [`Viewer`] extractor (the logged-in user; every page takes one) with
//!   [`Viewer::may_see`], and [`Posted`] (a form whose CSRF token was checked).
//! - [`views`]: the template environment and the page layout; [`ConsoleError`] (404, 403, ...).
//! - [`pages`]: one file per page, each exposing `routes()` and `TEMPLATES`; [`charts`]: the
//!   server-rendered SVG charts of the Stats page.
//!
//! # How to add a page
//! 1. **Template**: `src/console/templates/<name>.html`, starting with
//!    `{% extends "base.html" %}` and filling `{% block content %}`. Everything printed with
//!    `{{ }}` is HTML-escaped and control characters (ANSI escapes...) are shown as `\u{1b}`:
//!    never mark fan-provided text `|safe`. No inline `<script>` (the Content-Security-Policy
//!    refuses it); behaviour goes in `assets/console.js`, keyed on `data-` attributes.
//! 2. **Route**: `src/console/pages/<name>.rs` with `pub const TEMPLATES` (its templates, by
//!    `include_str!`) and `pub fn routes() -> Router<ConsoleState>`; list the module in
//!    `pages/mod.rs` (`routes()` and `templates()`), and its nav entry in `templates/base.html`.
//! 3. **Access**: every handler takes a [`Viewer`] (no session: a GET is sent to the login page,
//!    anything else gets 401). Anything about a creator, fan, chat, draft... checks
//!    `viewer.check(creator)?` (or filters lists with [`Viewer::may_see`]): another creator's
//!    things answer 404, exactly like things that do not exist.
//! 4. **Forms**: every POST handler takes [`Posted<T>`] instead of `Form<T>`; templates put
//!    `<input type="hidden" name="csrf" value="{{ csrf }}">` in every form. A wrong or missing
//!    token is refused with 403 before the handler runs, so nothing changes.
//! 5. **Record**: every action writes a `human_actions` row with `viewer.actor()` (see
//!    `store::actions`), in the store transaction that makes the change where there is one.
//! 6. **Test**: `tests/common/console.rs` starts the daemon with the console on port 0
//!    ([`crate::config::ConsoleConfig`] via `common::console_on`), adds users and logs in with a
//!    cookie-jar HTTP client (`app.console_login(...)`); browser flows go in
//!    `tests/console_browser.rs`.

pub mod auth;
pub mod charts;
pub mod pages;
pub mod viewer;
pub mod views;

pub use viewer::{Posted, Viewer};
pub use views::ConsoleError;

use crate::{
    agent::{judge::Judge, llm::Llm},
    config::LiveConfig,
    fanvue::{oauth::Connector, Apis},
    sender::SenderHandle,
    store::Store,
};
use axum::{
    extract::Request,
    http::{header, HeaderValue},
    middleware::{self, Next},
    response::{IntoResponse, Response},
    routing::get,
    Router,
};
use std::sync::Arc;
use tokio::{net::TcpListener, sync::broadcast};
use tokio_util::sync::CancellationToken;

/// What the console's handlers share (cheap to clone).
#[derive(Clone)]
pub struct ConsoleState {
    pub store: Store,
    /// The config in force (creators, modes...); the console's own listener is fixed at start.
    pub cfg: LiveConfig,
    pub views: Arc<views::Views>,
    pub logins: Arc<auth::LoginLimiter>,
    /// Runs the OAuth flow for the connect/reconnect button.
    pub connector: Arc<Connector>,
    /// Wakes a creator's sender after an approval or a reply by hand is queued.
    pub senders: SenderHandle,
    /// The creators' API handles (read a chat, fetch what the store lacks).
    pub apis: Arc<Apis>,
    /// The reply model (prompt previews).
    pub llm: Arc<dyn Llm>,
    /// The safety judge as configured (prompt previews decide as the daemon would).
    pub judge: Judge,
    /// Pinged after anything that changes what the queue counts; live pages listen.
    pub changed: broadcast::Sender<()>,
    /// Cancelled when the daemon stops: long-lived answers (server-sent events) end with it.
    pub stop: CancellationToken,
}

/// The parts of a running daemon the console drives.
pub struct ConsoleDeps {
    pub store: Store,
    pub cfg: LiveConfig,
    pub connector: Arc<Connector>,
    pub senders: SenderHandle,
    pub apis: Arc<Apis>,
    pub llm: Arc<dyn Llm>,
    pub judge: Judge,
}

impl ConsoleState {
    pub fn new(d: ConsoleDeps) -> ConsoleState {
        let per_minute = d.cfg.get().console.login_attempts_per_minute;
        ConsoleState {
            store: d.store,
            cfg: d.cfg,
            views: Arc::new(views::Views::new()),
            logins: Arc::new(auth::LoginLimiter::new(per_minute)),
            connector: d.connector,
            senders: d.senders,
            apis: d.apis,
            llm: d.llm,
            judge: d.judge,
            changed: broadcast::channel(16).0,
            stop: CancellationToken::new(),
        }
    }

    /// Tells live pages that what the queue shows changed.
    pub fn touch(&self) {
        let _ = self.changed.send(());
    }
}

/// Open connections on the console's listener (a few people's browsers, not a crowd).
const CONSOLE_CONNECTIONS: usize = 256;

/// Every console route, with the security headers on every answer.
pub fn router(state: ConsoleState) -> Router {
    Router::new()
        .merge(auth::routes())
        .merge(pages::routes())
        .route("/static/console.css", get(css))
        .route("/static/console.js", get(js))
        .fallback(|| async { ConsoleError::NotFound })
        .layer(middleware::from_fn(security_headers))
        .with_state(state)
}

/// Serves the console on `listener` until `shutdown`.
pub async fn run(
    listener: TcpListener,
    mut state: ConsoleState,
    shutdown: CancellationToken,
) -> std::io::Result<()> {
    state.stop = shutdown.clone();
    crate::ingress::serve::serve(listener, router(state), CONSOLE_CONNECTIONS, shutdown).await
}

/// No framing, no sniffing, no referrer to other sites, no inline or foreign script; pages are
/// never cached (they show fans' words).
async fn security_headers(req: Request, next: Next) -> Response {
    let mut res = next.run(req).await;
    let h = res.headers_mut();
    let set = |h: &mut axum::http::HeaderMap, k: header::HeaderName, v: &'static str| {
        h.entry(k).or_insert(HeaderValue::from_static(v));
    };
    set(
        h,
        header::CONTENT_SECURITY_POLICY,
        "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; \
         connect-src 'self'; frame-ancestors 'none'; form-action 'self'; base-uri 'none'; object-src 'none'",
    );
    set(h, header::X_CONTENT_TYPE_OPTIONS, "nosniff");
    set(h, header::X_FRAME_OPTIONS, "DENY");
    set(h, header::REFERRER_POLICY, "same-origin");
    set(h, header::CACHE_CONTROL, "no-store");
    res
}

async fn css() -> impl IntoResponse {
    (
        [
            (header::CONTENT_TYPE, "text/css; charset=utf-8"),
            (header::CACHE_CONTROL, "max-age=300"),
        ],
        include_str!("assets/console.css"),
    )
}

async fn js() -> impl IntoResponse {
    (
        [
            (header::CONTENT_TYPE, "text/javascript; charset=utf-8"),
            (header::CACHE_CONTROL, "max-age=300"),
        ],
        include_str!("assets/console.js"),
    )
}
