//! The queue, the console's landing page: escalations (safety marks in force), chats whose AI is
//! paused, drafts awaiting approval, failed sends and creators needing a reconnect, with their
//! actions (approve, edit and send, reject, resume the AI, clear a mark with a reason). Its counts
//! update live over server-sent events (`/events`). Every action is CSRF-checked ([`Posted`]),
//! access-checked (another creator's ids answer 404) and recorded with who did it.

use crate::agent::approval::{approve, ApproveError};
use crate::console::{ConsoleError, ConsoleState, Posted, Viewer};
use crate::domain::marks::SafetyMark;
use crate::store::{
    actions::NewAction,
    drafts::{Draft, DraftState},
    queue::{FailedSend, PausedChat},
    CreatorRow, CreatorStatus,
};
use axum::{
    extract::{Path, Query, State},
    response::{
        sse::{Event, KeepAlive, Sse},
        Html, IntoResponse, Redirect, Response,
    },
    routing::{get, post},
    Router,
};
use minijinja::context;
use serde::Deserialize;
use serde_json::{json, Value};
use std::{collections::HashMap, convert::Infallible, time::Duration};

pub const TEMPLATES: &[(&str, &str)] = &[("queue.html", include_str!("../templates/queue.html"))];

pub fn routes() -> Router<ConsoleState> {
    Router::new()
        .route("/", get(page))
        .route("/events", get(events))
        .route("/drafts/{id}/approve", post(approve_draft))
        .route("/drafts/{id}/reject", post(reject_draft))
        .route("/chats/{creator}/{fan}/resume", post(resume_chat))
        .route("/chats/{creator}/{fan}/clear", post(clear_marks))
}

/// What waits for this viewer.
struct Queue {
    drafts: Vec<Draft>,
    marks: Vec<SafetyMark>,
    paused: Vec<PausedChat>,
    failed: Vec<FailedSend>,
    reconnect: Vec<CreatorRow>,
}

impl Queue {
    async fn load(st: &ConsoleState, v: &Viewer) -> Result<Queue, ConsoleError> {
        let only = v.only_creator();
        let s = &st.store;
        let mut q = Queue {
            drafts: s.drafts(only, Some(DraftState::Awaiting), 200).await?,
            marks: s.marks(only, false, 200).await?,
            paused: s.paused_chats(only).await?,
            failed: s.failed_sends(only).await?,
            reconnect: s.creators().await?,
        };
        q.drafts.retain(|d| v.may_see(&d.creator));
        q.marks.retain(|m| v.may_see(&m.creator));
        q.paused.retain(|p| v.may_see(&p.creator));
        q.failed.retain(|f| v.may_see(&f.creator));
        q.reconnect
            .retain(|c| v.may_see(&c.handle) && c.status == CreatorStatus::NeedsReconnect);
        Ok(q)
    }

    /// What each fan of the queue calls themselves (nickname, display name or handle), by
    /// `creator/fan`: the page names fans a person recognises (their own words, escaped).
    async fn fan_names(&self, st: &ConsoleState) -> Result<HashMap<String, String>, ConsoleError> {
        let chats = (self.drafts.iter().map(|d| (&d.creator, &d.fan)))
            .chain(self.marks.iter().map(|m| (&m.creator, &m.fan)))
            .chain(self.paused.iter().map(|p| (&p.creator, &p.fan)))
            .chain(self.failed.iter().map(|f| (&f.creator, &f.fan)));
        let mut names = HashMap::new();
        for (creator, fan) in chats {
            let key = format!("{creator}/{fan}");
            if names.contains_key(&key) {
                continue;
            }
            let name = st.store.chat(creator, fan).await?.and_then(|c| {
                [c.nickname, c.display_name, c.fan_handle]
                    .into_iter()
                    .flatten()
                    .find(|n| !n.trim().is_empty())
            });
            if let Some(name) = name {
                names.insert(key, name);
            }
        }
        Ok(names)
    }

    /// The counts the page and the nav badge show (`data-live` keys).
    fn counts(&self) -> Value {
        let n = [
            self.drafts.len(),
            self.marks.len(),
            self.paused.len(),
            self.failed.len(),
            self.reconnect.len(),
        ];
        json!({
            "drafts": n[0], "escalations": n[1], "paused": n[2], "failed": n[3],
            "reconnect": n[4], "queue-total": n[0] + n[1] + n[3] + n[4],
        })
    }
}

#[derive(Deserialize)]
struct Done {
    done: Option<String>,
}

async fn page(
    viewer: Viewer,
    State(st): State<ConsoleState>,
    Query(q): Query<Done>,
) -> Result<Html<String>, ConsoleError> {
    let queue = Queue::load(&st, &viewer).await?;
    let names = queue.fan_names(&st).await?;
    let drafts: Vec<Value> = queue
        .drafts
        .iter()
        .map(|d| {
            json!({
                "id": d.id, "creator": d.creator, "fan": d.fan, "text": d.plan.text,
                "created_at": d.created_at, "purpose": d.plan.purpose.as_str(),
                "price_cents": d.plan.price_cents, "offer_item": d.plan.offer_item,
            })
        })
        .collect();
    let marks: Vec<Value> = queue
        .marks
        .iter()
        .map(|m| {
            json!({
                "creator": m.creator, "fan": m.fan, "category": m.category.as_str(),
                "reason": m.reason, "set_at": m.set_at, "until": m.until,
            })
        })
        .collect();
    st.page(
        &viewer,
        "queue",
        "queue.html",
        context! {
            done => q.done,
            counts => ser(&queue.counts()),
            names => ser(&names),
            drafts => ser(&drafts),
            marks => ser(&marks),
            paused => ser(&queue.paused),
            failed => ser(&queue.failed),
            reconnect => ser(&queue.reconnect),
        },
    )
}

fn ser<T: serde::Serialize>(v: &T) -> minijinja::Value {
    minijinja::Value::from(minijinja::value::Serde(v))
}

/// The queue's counts as server-sent events: one at once, then one whenever they change (checked
/// after every console action and every 5 s). Ends when the session does or the daemon stops.
async fn events(viewer: Viewer, State(st): State<ConsoleState>) -> impl IntoResponse {
    let rx = st.changed.subscribe();
    let stream = futures_util::stream::unfold(
        (st, viewer, rx, None::<String>, true),
        |(st, viewer, mut rx, last, first)| async move {
            let mut first = first;
            loop {
                if !first {
                    tokio::select! {
                        _ = st.stop.cancelled() => return None,
                        _ = rx.recv() => {}
                        _ = tokio::time::sleep(Duration::from_secs(5)) => {}
                    }
                }
                first = false;
                let now = crate::domain::time::now_ms();
                if !matches!(st.store.session(&viewer.session, now).await, Ok(Some(_))) {
                    return None;
                }
                let Ok(q) = Queue::load(&st, &viewer).await else {
                    continue;
                };
                let text = q.counts().to_string();
                if last.as_deref() != Some(text.as_str()) {
                    let ev = Event::default().event("counts").data(&text);
                    return Some((Ok::<_, Infallible>(ev), (st, viewer, rx, Some(text), false)));
                }
            }
        },
    );
    Sse::new(stream).keep_alive(KeepAlive::default())
}

/// After an action: live pages refresh, and the browser goes back to the queue saying what was done.
fn done(st: &ConsoleState, what: &str) -> Response {
    st.touch();
    Redirect::to(&format!(
        "/?done={}",
        crate::console::views::url_escape(what)
    ))
    .into_response()
}

/// The draft `id`, if this viewer may see it (else 404, as for no draft).
async fn visible_draft(st: &ConsoleState, v: &Viewer, id: i64) -> Result<Draft, ConsoleError> {
    let d = st.store.draft(id).await?.ok_or(ConsoleError::NotFound)?;
    v.check(&d.creator)?;
    Ok(d)
}

#[derive(Deserialize)]
struct ApproveForm {
    /// The text to send: the draft's own (approve) or a human's edit (edit and send).
    #[serde(default)]
    text: String,
}

async fn approve_draft(
    State(st): State<ConsoleState>,
    Path(id): Path<i64>,
    Posted { viewer, form }: Posted<ApproveForm>,
) -> Result<Response, ConsoleError> {
    let d = visible_draft(&st, &viewer, id).await?;
    let text = form.text.trim();
    let edited = (!text.is_empty() && text != d.plan.text.trim()).then_some(text);
    let actor = viewer.actor();
    let cfg = st.cfg.get();
    let outbox = approve(&st.store, &cfg, id, edited, &actor)
        .await
        .map_err(|e| match e {
            ApproveError::Store(e) => ConsoleError::from(e),
            blocked => ConsoleError::Refused(blocked.to_string()),
        })?;
    let action = if edited.is_some() {
        "edit_send"
    } else {
        "approve"
    };
    st.store
        .record_action(&NewAction {
            actor: &actor,
            action,
            creator: Some(&d.creator),
            fan: Some(&d.fan),
            draft_id: Some(id),
            outbox_id: Some(outbox),
            detail: edited.unwrap_or(""),
        })
        .await?;
    st.senders.wake(&d.creator);
    let what = if edited.is_some() {
        format!("draft {id} edited and sent")
    } else {
        format!("draft {id} approved: it is being sent")
    };
    Ok(done(&st, &what))
}

#[derive(Deserialize)]
struct NoteForm {
    #[serde(default)]
    note: String,
}

async fn reject_draft(
    State(st): State<ConsoleState>,
    Path(id): Path<i64>,
    Posted { viewer, form }: Posted<NoteForm>,
) -> Result<Response, ConsoleError> {
    let d = visible_draft(&st, &viewer, id).await?;
    let note = form.note.trim();
    st.store
        .reject_draft(id, Some(note).filter(|n| !n.is_empty()))
        .await?;
    st.store
        .record_action(&NewAction {
            actor: &viewer.actor(),
            action: "reject",
            creator: Some(&d.creator),
            fan: Some(&d.fan),
            draft_id: Some(id),
            detail: note,
            ..Default::default()
        })
        .await?;
    Ok(done(&st, &format!("draft {id} rejected")))
}

/// A chat named in a URL: a creator this viewer may see and a fan's full uuid (else 404).
fn chat_of(v: &Viewer, creator: &str, fan: &str) -> Result<String, ConsoleError> {
    v.check(creator)?;
    let fan = fan.to_ascii_lowercase();
    uuid::Uuid::parse_str(&fan).map_err(|_| ConsoleError::NotFound)?;
    Ok(fan)
}

async fn resume_chat(
    State(st): State<ConsoleState>,
    Path((creator, fan)): Path<(String, String)>,
    Posted { viewer, .. }: Posted<serde::de::IgnoredAny>,
) -> Result<Response, ConsoleError> {
    let fan = chat_of(&viewer, &creator, &fan)?;
    st.store.resume_fan(&creator, &fan).await?;
    st.store
        .record_action(&NewAction {
            actor: &viewer.actor(),
            action: "resume",
            creator: Some(&creator),
            fan: Some(&fan),
            ..Default::default()
        })
        .await?;
    Ok(done(&st, "the AI answers this chat again"))
}

#[derive(Deserialize)]
struct ReasonForm {
    #[serde(default)]
    reason: String,
}

async fn clear_marks(
    State(st): State<ConsoleState>,
    Path((creator, fan)): Path<(String, String)>,
    Posted { viewer, form }: Posted<ReasonForm>,
) -> Result<Response, ConsoleError> {
    let fan = chat_of(&viewer, &creator, &fan)?;
    let reason = form.reason.trim();
    if reason.is_empty() {
        return Err(ConsoleError::Refused(
            "say why it is safe now: a reason is required to clear a safety mark".into(),
        ));
    }
    let actor = viewer.actor();
    let n = st.store.clear_marks(&creator, &fan, &actor, reason).await?;
    if n == 0 {
        return Err(ConsoleError::Refused(
            "this fan has no safety mark in force".into(),
        ));
    }
    st.store
        .record_action(&NewAction {
            actor: &actor,
            action: "clear_mark",
            creator: Some(&creator),
            fan: Some(&fan),
            detail: reason,
            ..Default::default()
        })
        .await?;
    Ok(done(&st, &format!("{n} safety mark(s) cleared")))
}
