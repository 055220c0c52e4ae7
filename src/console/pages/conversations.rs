//! Conversations: the chats (newest first) and a search over them by fan name, handle or what
//! was written (SQLite FTS5, see `store::conversation`); a chat's page shows its messages with our
//! decisions in between: why each was replied, skipped or escalated, the guardrail verdicts, the
//! offer and its price, the prompt version, model, tokens and latency, and what humans did. Its
//! form replies by hand as the creator (see [`crate::agent::by_hand`]): the AI stands back.

use super::fans::{dollars, known_fan};
use crate::{
    agent::by_hand::{reply_by_hand, ByHandError, MAX_CHARS},
    console::{views::url_escape, ConsoleError, ConsoleState, Posted, Viewer},
    store::conversation::{ChatEntry, ChatHit},
};
use axum::{
    extract::{Path, Query, State},
    response::{Html, IntoResponse, Redirect, Response},
    routing::{get, post},
    Router,
};
use minijinja::{context, Value};
use serde::{Deserialize, Serialize};

pub const TEMPLATES: &[(&str, &str)] = &[
    (
        "conversations.html",
        include_str!("../templates/conversations.html"),
    ),
    ("chat.html", include_str!("../templates/chat.html")),
    (
        "chat_hits.html",
        include_str!("../templates/chat_hits.html"),
    ),
    (
        "prompt_version.html",
        include_str!("../templates/prompt_version.html"),
    ),
];

pub fn routes() -> Router<ConsoleState> {
    Router::new()
        .route("/conversations", get(list))
        .route("/conversations/{creator}/{fan}", get(chat))
        .route("/conversations/{creator}/{fan}/reply", post(reply))
        .route("/prompts/versions/{version}", get(prompt_version))
}

/// How many chats a list or a search shows.
const LISTED: i64 = 100;
/// How many of a chat's newest messages its page shows.
const SHOWN: i64 = 200;

/// The chats the viewer may see: matching `q`, or the newest.
pub(crate) async fn find_chats(
    st: &ConsoleState,
    viewer: &Viewer,
    q: &str,
) -> Result<Vec<ChatHit>, ConsoleError> {
    let only = viewer.only_creator();
    let hits = match q.trim() {
        "" => st.store.chat_list(only, LISTED).await?,
        q => st.store.search_chats(only, q, LISTED).await?,
    };
    Ok(hits
        .into_iter()
        .filter(|h| viewer.may_see(&h.creator))
        .collect())
}

async fn list(
    viewer: Viewer,
    State(st): State<ConsoleState>,
    Query(s): Query<super::fans::Search>,
) -> Result<Html<String>, ConsoleError> {
    let hits = find_chats(&st, &viewer, &s.q).await?;
    st.page(
        &viewer,
        "conversations",
        "conversations.html",
        context! { hits => Value::from(minijinja::value::Serde(&hits)), q => s.q.trim() },
    )
}

/// One line of the chat's page.
#[derive(Serialize)]
struct Line {
    /// `fan`, `creator`, `decision` or `action`.
    kind: &'static str,
    at: Option<i64>,
    entry: serde_json::Value,
    /// The offer's price, as dollars.
    price: Option<String>,
    /// The guardrail verdicts, pretty-printed.
    guardrails: Option<String>,
}

async fn chat(
    viewer: Viewer,
    State(st): State<ConsoleState>,
    Path((creator, fan)): Path<(String, String)>,
    Query(q): Query<Done>,
) -> Result<Html<String>, ConsoleError> {
    let fan = known_fan(&st, &viewer, &creator, &fan).await?;
    let mut lines: Vec<Line> = st
        .store
        .conversation(&creator, &fan, SHOWN)
        .await?
        .into_iter()
        .map(line)
        .collect();
    let since = lines.first().and_then(|l| l.at).unwrap_or(0);
    for a in st.store.chat_actions(&creator, &fan).await? {
        if a.at >= since {
            lines.push(Line {
                kind: "action",
                at: Some(a.at),
                entry: serde_json::to_value(&a).unwrap_or_default(),
                price: None,
                guardrails: None,
            });
        }
    }
    lines.sort_by_key(|l| l.at.unwrap_or(0));
    let profile = st.store.fan_profile(&creator, &fan).await?;
    let paused_until = st.store.fan_facts(&creator, &fan).await?.paused_until;
    st.page(
        &viewer,
        "conversations",
        "chat.html",
        context! {
            lines => Value::from(minijinja::value::Serde(&lines)),
            p => Value::from(minijinja::value::Serde(&profile)),
            paused_until => paused_until.filter(|u| *u > crate::domain::time::now_ms()),
            done => q.done,
            max_chars => MAX_CHARS,
        },
    )
}

#[derive(Deserialize)]
struct Done {
    done: Option<String>,
}

#[derive(Deserialize)]
struct ReplyForm {
    #[serde(default)]
    text: String,
}

/// The reply by hand: queued for the creator's sender, the chat paused and the action recorded in
/// one commit; back to the chat's page, which shows it.
async fn reply(
    State(st): State<ConsoleState>,
    Path((creator, fan)): Path<(String, String)>,
    Posted { viewer, form }: Posted<ReplyForm>,
) -> Result<Response, ConsoleError> {
    let fan = known_fan(&st, &viewer, &creator, &fan).await?;
    let cfg = st.cfg.get();
    let outbox = reply_by_hand(&st.store, &cfg, &creator, &fan, &form.text, &viewer.actor())
        .await
        .map_err(|e| match e {
            ByHandError::Store(e) => ConsoleError::from(e),
            refused => ConsoleError::Refused(refused.to_string()),
        })?;
    tracing::info!(creator = %creator, fan = %fan, outbox, user = %viewer.name, "reply by hand queued");
    st.senders.wake(&creator);
    st.touch();
    let done = "your reply is being sent; the AI stands back from this chat until you resume it or the takeover time ends";
    Ok(Redirect::to(&format!(
        "/conversations/{creator}/{fan}?done={}",
        url_escape(done)
    ))
    .into_response())
}

fn line(e: ChatEntry) -> Line {
    let at = match &e {
        ChatEntry::Message { at, .. } => *at,
        ChatEntry::Decision { at, .. } => Some(*at),
    };
    match e {
        ChatEntry::Message { message, .. } => Line {
            kind: if message.from_creator {
                "creator"
            } else {
                "fan"
            },
            at,
            price: message.price_cents.map(dollars),
            entry: serde_json::to_value(&message).unwrap_or_default(),
            guardrails: None,
        },
        ChatEntry::Decision { decision, .. } => Line {
            kind: "decision",
            at,
            price: decision.price_cents.map(dollars),
            guardrails: decision
                .guardrails
                .as_ref()
                .filter(|g| !g.is_null())
                .map(|g| serde_json::to_string_pretty(g).unwrap_or_default()),
            entry: serde_json::to_value(&decision).unwrap_or_default(),
        },
    }
}

/// The files of a prompt version a decision used, for a viewer who may see one of the creators
/// whose decisions used it (else 404).
async fn prompt_version(
    viewer: Viewer,
    State(st): State<ConsoleState>,
    Path(version): Path<String>,
) -> Result<Html<String>, ConsoleError> {
    let users = st.store.prompt_version_creators(&version).await?;
    if !users.iter().any(|c| viewer.may_see(c)) {
        return Err(ConsoleError::NotFound);
    }
    let v = st
        .store
        .prompt_version(&version)
        .await?
        .ok_or(ConsoleError::NotFound)?;
    st.page(
        &viewer,
        "prompts",
        "prompt_version.html",
        context! { v => Value::from(minijinja::value::Serde(&v)) },
    )
}
