//! Conversations: the chats (newest first) and a search over them by fan name, handle or what
//! was written (SQLite FTS5, see `store::conversation`); a chat's page shows its messages with our
//! decisions in between: why each was replied, skipped or escalated, the guardrail verdicts, the
//! offer and its price, the prompt version, model, tokens and latency, and what humans did.

use super::fans::{dollars, known_fan};
use crate::{
    console::{ConsoleError, ConsoleState, Viewer},
    store::conversation::{ChatEntry, ChatHit},
};
use axum::{
    extract::{Path, Query, State},
    response::Html,
    routing::get,
    Router,
};
use minijinja::{context, Value};
use serde::Serialize;

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
    st.page(
        &viewer,
        "conversations",
        "chat.html",
        context! { lines => Value::from(minijinja::value::Serde(&lines)), p => Value::from(minijinja::value::Serde(&profile)) },
    )
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
