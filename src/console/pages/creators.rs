//! Creators: per creator, the connection (status, token expiry, granted scopes; never the tokens)
//! with a connect/reconnect button that runs the OAuth flow from the browser, the mode and where
//! it comes from, pause/resume, the rate budget (configured, used in the last minute, what is
//! left) and the last errors. Every action is recorded with who did it, in the transaction that
//! makes its change.
//!
//! A mode chosen here is kept in the store (`creator_modes`) and wins over the config file's
//! `creators.<h>.mode` and `agent.mode`, after a reload and after a restart, until someone picks
//! "as configured" again (see `config::LiveConfig`).

use crate::{
    console::{ConsoleError, ConsoleState, Posted, Viewer},
    domain::Mode,
    store::{actions::NewAction, CreatorRow, CreatorStatus},
};
use axum::{
    extract::{Path, Query, State},
    http::{header, uri::Authority, HeaderMap},
    response::{Html, Redirect},
    routing::{get, post},
    Router,
};
use minijinja::{context, Value};
use serde::{Deserialize, Serialize};

pub const TEMPLATES: &[(&str, &str)] =
    &[("creators.html", include_str!("../templates/creators.html"))];

pub fn routes() -> Router<ConsoleState> {
    Router::new()
        .route("/creators", get(page))
        .route("/creators/{creator}/mode", post(mode))
        .route("/creators/{creator}/pause", post(pause))
        .route("/creators/{creator}/connect", post(connect))
}

/// How many errors of each kind a creator's row shows.
const LAST_ERRORS: usize = 5;

#[derive(Deserialize, Default)]
pub struct Shown {
    /// The `state` of a connect flow the OAuth callback just finished (its outcome is shown).
    connect: Option<String>,
    /// What an action just did.
    done: Option<String>,
}

async fn page(
    viewer: Viewer,
    State(st): State<ConsoleState>,
    Query(q): Query<Shown>,
) -> Result<Html<String>, ConsoleError> {
    let mut rows = Vec::new();
    for handle in viewer.creators(&st.cfg.get()) {
        rows.push(row(&st, &handle).await?);
    }
    let connect = match q.connect.as_deref() {
        Some(state) => connect_result(&st, &viewer, state).await?,
        None => None,
    };
    st.page(
        &viewer,
        "creators",
        "creators.html",
        context! {
            rows => rows,
            connect => connect,
            done => q.done,
            modes => Mode::ALL.iter().map(|m| m.as_str()).collect::<Vec<_>>(),
        },
    )
}

/// The outcome of the connect flow `state`, when it is the viewer's to see.
async fn connect_result(
    st: &ConsoleState,
    viewer: &Viewer,
    state: &str,
) -> Result<Option<Value>, ConsoleError> {
    Ok(st
        .store
        .pending_result(state)
        .await?
        .filter(|(h, _)| viewer.may_see(h))
        .map(|(handle, outcome)| {
            let ok = outcome == "connected";
            let text = outcome.trim_start_matches("failed: ").to_string();
            context! { creator => handle, ok => ok, text => text }
        }))
}

/// One error shown on a creator's row.
#[derive(Serialize)]
struct ErrorLine {
    at: i64,
    what: &'static str,
    text: String,
}

/// Everything a creator's row shows.
async fn row(st: &ConsoleState, handle: &str) -> Result<Value, ConsoleError> {
    let c = st.store.creator(handle).await?.unwrap_or(CreatorRow {
        handle: handle.into(),
        uuid: None,
        display_name: None,
        status: CreatorStatus::Pending,
        status_reason: None,
    });
    let grant = st.store.token_grant(handle).await?;
    let connection = match (c.status, &grant) {
        (CreatorStatus::NeedsReconnect, _) => "needs reconnect",
        (_, None) => "never connected",
        (CreatorStatus::Pending, Some(_)) => "not connected",
        _ => "connected",
    };
    Ok(context! {
        handle => handle,
        name => c.display_name,
        uuid => c.uuid,
        status => c.status.as_str(),
        paused => c.status == CreatorStatus::Paused,
        pausable => matches!(c.status, CreatorStatus::Active | CreatorStatus::Paused),
        reason => c.status_reason,
        connection => connection,
        expires_at => grant.as_ref().map(|g| g.0 * 1000),
        scopes => grant.and_then(|g| g.1).unwrap_or_default(),
        mode => mode_of(st, handle).await?,
        budget => budget(st, handle),
        errors => Value::from(minijinja::value::Serde(last_errors(st, handle).await?)),
    })
}

/// The creator's mode in force and where it comes from.
async fn mode_of(st: &ConsoleState, handle: &str) -> Result<Value, ConsoleError> {
    let effective = st.cfg.get().creator_mode(handle);
    let file = st.cfg.file();
    let chosen = st
        .store
        .console_modes()
        .await?
        .into_iter()
        .find(|m| m.creator == handle);
    let source = match (&chosen, file.creators.get(handle).and_then(|c| c.mode)) {
        (Some(_), _) => {
            "chosen in the console (kept over the config file's until set back to “as configured”)"
                .to_string()
        }
        (None, Some(_)) => format!("config file: creators.{handle}.mode"),
        (None, None) => "config file: agent.mode (the default for every creator)".to_string(),
    };
    Ok(context! {
        now => effective.as_str(),
        source => source,
        console => chosen.is_some(),
        set_by => chosen.as_ref().map(|m| m.set_by.clone()),
        set_at => chosen.as_ref().map(|m| m.set_at),
        file => file.creator_mode(handle).as_str(),
    })
}

/// The creator's rate budget: configured, enforced, used in the last 60 s, what is left.
fn budget(st: &ConsoleState, handle: &str) -> Value {
    let configured = st.cfg.get().creator_rate_limit(handle);
    let api = st.apis.get(handle);
    let limiter = api.limiter();
    let used = limiter.used_last_minute();
    let enforced = limiter.limit();
    context! {
        configured => configured,
        enforced => enforced,
        used => used,
        left => enforced.saturating_sub(used),
        fanvue_left => limiter.fanvue_left().map(|(left, reset)| context! { left => left, reset => reset * 1000 }),
        blocked_secs => limiter.blocked_for().map(|d| d.as_secs().max(1)),
    }
}

/// The newest failed sends and failed decisions (API, auth, LLM errors), newest first.
async fn last_errors(st: &ConsoleState, handle: &str) -> Result<Vec<ErrorLine>, ConsoleError> {
    let sends = st.store.failed_sends(Some(handle)).await?;
    let decisions = st
        .store
        .failed_decisions(handle, LAST_ERRORS as i64)
        .await?;
    let mut out: Vec<ErrorLine> = sends
        .into_iter()
        .take(LAST_ERRORS)
        .map(|s| ErrorLine {
            at: s.updated_at,
            what: "send failed",
            text: s.last_error.unwrap_or_else(|| "no reason recorded".into()),
        })
        .chain(decisions.into_iter().map(|d| ErrorLine {
            at: d.decided_at,
            what: "decision failed",
            text: d.reason,
        }))
        .collect();
    out.sort_by_key(|e| std::cmp::Reverse(e.at));
    Ok(out)
}

/// `creator` when configured and the viewer may act on it, else 404.
fn configured(st: &ConsoleState, viewer: &Viewer, creator: &str) -> Result<(), ConsoleError> {
    viewer.check(creator)?;
    if !st.cfg.get().creators.contains_key(creator) {
        return Err(ConsoleError::NotFound);
    }
    Ok(())
}

/// Back to the page, saying what was done.
fn done(text: &str) -> Redirect {
    Redirect::to(&format!(
        "/creators?done={}",
        crate::console::views::url_escape(text)
    ))
}

#[derive(Deserialize)]
pub struct ModeForm {
    /// `live`, `shadow`, `approve`, or `config` (as the config file says).
    mode: String,
}

async fn mode(
    State(st): State<ConsoleState>,
    Path(creator): Path<String>,
    Posted { viewer, form }: Posted<ModeForm>,
) -> Result<Redirect, ConsoleError> {
    configured(&st, &viewer, &creator)?;
    let chosen = match form.mode.as_str() {
        "config" => None,
        m => Some(
            Mode::ALL
                .into_iter()
                .find(|x| x.as_str() == m)
                .ok_or_else(|| {
                    ConsoleError::Refused(format!(
                        "unknown mode `{m}`: choose live, shadow, approve or config"
                    ))
                })?,
        ),
    };
    let detail = match chosen {
        Some(m) => format!("mode {}", m.as_str()),
        None => format!(
            "mode as configured ({})",
            st.cfg.file().creator_mode(&creator).as_str()
        ),
    };
    let actor = viewer.actor();
    let action = NewAction {
        actor: &actor,
        action: "creator_mode",
        creator: Some(&creator),
        detail: &detail,
        ..Default::default()
    };
    st.store.set_console_mode(&creator, chosen, &action).await?;
    // The next job of this creator starts with it.
    st.cfg.set_console_modes(st.store.console_mode_map().await?);
    Ok(done(&format!("{creator}: {detail}")))
}

#[derive(Deserialize)]
pub struct PauseForm {
    /// `pause` or `resume`.
    to: String,
}

async fn pause(
    State(st): State<ConsoleState>,
    Path(creator): Path<String>,
    Posted { viewer, form }: Posted<PauseForm>,
) -> Result<Redirect, ConsoleError> {
    configured(&st, &viewer, &creator)?;
    let on = match form.to.as_str() {
        "pause" => true,
        "resume" => false,
        other => {
            return Err(ConsoleError::Refused(format!(
                "`{other}`: choose pause or resume"
            )))
        }
    };
    let actor = viewer.actor();
    let action = NewAction {
        actor: &actor,
        action: if on {
            "creator_pause"
        } else {
            "creator_resume"
        },
        creator: Some(&creator),
        detail: if on {
            "fans' messages are kept and answered after resume"
        } else {
            "answering again"
        },
        ..Default::default()
    };
    st.store.pause_creator_by(&creator, on, &action).await?;
    st.touch();
    Ok(done(&format!(
        "{creator} {}",
        if on { "paused" } else { "resumed" }
    )))
}

/// Starts the OAuth flow as `fanvue-agent connect` does and sends the browser to Fanvue's
/// authorize page; the daemon's callback finishes it and sends the browser back here.
async fn connect(
    State(st): State<ConsoleState>,
    Path(creator): Path<String>,
    headers: HeaderMap,
    Posted { viewer, form: _ }: Posted<Empty>,
) -> Result<Redirect, ConsoleError> {
    configured(&st, &viewer, &creator)?;
    let back = console_base(&st, &headers)?;
    let actor = viewer.actor();
    let action = NewAction {
        actor: &actor,
        action: "creator_connect",
        creator: Some(&creator),
        detail: "sent to Fanvue to authorize",
        ..Default::default()
    };
    let start = st
        .connector
        .begin_from_console(&creator, &back, &action)
        .await
        .map_err(|e| ConsoleError::Internal(format!("starting the connect of {creator}: {e}")))?;
    Ok(Redirect::to(&start.url))
}

/// A form with no field but its CSRF token.
#[derive(Deserialize)]
pub struct Empty {}

/// The console's base URL for the callback to send the browser back to: `console.public_url`,
/// else the `Host` this browser reached the console at.
fn console_base(st: &ConsoleState, headers: &HeaderMap) -> Result<String, ConsoleError> {
    let public = st
        .cfg
        .get()
        .console
        .public_url
        .trim()
        .trim_end_matches('/')
        .to_string();
    if !public.is_empty() {
        return Ok(public);
    }
    let host = headers
        .get(header::HOST)
        .and_then(|h| h.to_str().ok())
        .and_then(|h| h.parse::<Authority>().ok())
        .ok_or_else(|| {
            ConsoleError::Refused(
                "no usable Host header: set console.public_url to the console's address".into(),
            )
        })?;
    Ok(format!("http://{host}"))
}
