//! Fans: find a fan (by name, handle or what they wrote), then steer them: the switches for AI
//! replies, offers and follow-ups; notes for humans only (never shown to the model); instructions
//! for the model (added to this fan's prompt); the memory facts (view, edit, forget); the summary
//! (view, edit, erase); spend, purchases, language and marks. Every change is recorded with who
//! made it.

use crate::{
    console::{ConsoleError, ConsoleState, Posted, Viewer},
    store::{
        actions::NewAction,
        fans::{Switch, FACT_KINDS},
    },
};
use axum::{
    extract::{Path, Query, State},
    response::{Html, Redirect},
    routing::{get, post},
    Router,
};
use minijinja::{context, Value};
use serde::Deserialize;

pub const TEMPLATES: &[(&str, &str)] = &[
    ("fans.html", include_str!("../templates/fans.html")),
    ("fan.html", include_str!("../templates/fan.html")),
];

pub fn routes() -> Router<ConsoleState> {
    Router::new()
        .route("/fans", get(list))
        .route("/fans/{creator}/{fan}", get(page))
        .route("/fans/{creator}/{fan}/switches", post(switches))
        .route("/fans/{creator}/{fan}/words", post(words))
        .route("/fans/{creator}/{fan}/fact", post(fact))
        .route("/fans/{creator}/{fan}/forget", post(forget))
        .route("/fans/{creator}/{fan}/summary", post(summary))
}

#[derive(Deserialize, Default)]
pub struct Search {
    #[serde(default)]
    pub q: String,
}

/// The viewer's fans: the newest chats, or those matching `q`.
async fn list(
    viewer: Viewer,
    State(st): State<ConsoleState>,
    Query(s): Query<Search>,
) -> Result<Html<String>, ConsoleError> {
    let hits = super::conversations::find_chats(&st, &viewer, &s.q).await?;
    st.page(
        &viewer,
        "fans",
        "fans.html",
        context! { hits => Value::from(minijinja::value::Serde(&hits)), q => s.q.trim() },
    )
}

/// `creator`'s fan `fan` when the viewer may see them and the store knows them, else 404.
pub(crate) async fn known_fan(
    st: &ConsoleState,
    viewer: &Viewer,
    creator: &str,
    fan: &str,
) -> Result<String, ConsoleError> {
    viewer.check(creator)?;
    let fan = fan.to_ascii_lowercase();
    if !st.store.fan_known(creator, &fan).await? {
        return Err(ConsoleError::NotFound);
    }
    Ok(fan)
}

async fn page(
    viewer: Viewer,
    State(st): State<ConsoleState>,
    Path((creator, fan)): Path<(String, String)>,
) -> Result<Html<String>, ConsoleError> {
    let fan = known_fan(&st, &viewer, &creator, &fan).await?;
    let profile = st.store.fan_profile(&creator, &fan).await?;
    st.page(
        &viewer,
        "fans",
        "fan.html",
        context! { spent => dollars(profile.facts.spend_cents), p => Value::from(minijinja::value::Serde(&profile)), kinds => Value::from(minijinja::value::Serde(FACT_KINDS)) },
    )
}

/// Records a human's change to a fan and goes back to the fan's page.
async fn done(
    st: &ConsoleState,
    viewer: &Viewer,
    creator: &str,
    fan: &str,
    action: &str,
    detail: &str,
) -> Result<Redirect, ConsoleError> {
    let actor = viewer.actor();
    st.store
        .record_action(&NewAction {
            actor: &actor,
            action,
            creator: Some(creator),
            fan: Some(fan),
            detail,
            ..Default::default()
        })
        .await?;
    Ok(Redirect::to(&format!("/fans/{creator}/{fan}")))
}

/// The three switches as a form sends them: a checked box is present, an unchecked one absent.
#[derive(Deserialize)]
pub struct Switches {
    ai: Option<String>,
    offers: Option<String>,
    followups: Option<String>,
}

async fn switches(
    State(st): State<ConsoleState>,
    Path((creator, fan)): Path<(String, String)>,
    Posted { viewer, form }: Posted<Switches>,
) -> Result<Redirect, ConsoleError> {
    let fan = known_fan(&st, &viewer, &creator, &fan).await?;
    let by = viewer.actor();
    let wanted = [
        (Switch::Ai, form.ai.is_some()),
        (Switch::Offers, form.offers.is_some()),
        (Switch::Followups, form.followups.is_some()),
    ];
    let now = st.store.fan_controls(&creator, &fan).await?;
    let was = [!now.ai_off, !now.offers_off, !now.followups_off];
    let mut changed = Vec::new();
    for ((switch, on), before) in wanted.into_iter().zip(was) {
        if on != before {
            st.store
                .set_fan_switch(&creator, &fan, switch, on, &by)
                .await?;
            changed.push(format!(
                "{} {}",
                switch.name(),
                if on { "on" } else { "off" }
            ));
        }
    }
    if changed.is_empty() {
        return Ok(Redirect::to(&format!("/fans/{creator}/{fan}")));
    }
    done(
        &st,
        &viewer,
        &creator,
        &fan,
        "fan_switches",
        &changed.join(", "),
    )
    .await
}

#[derive(Deserialize)]
pub struct Words {
    notes: String,
    instructions: String,
}

/// Notes for humans and instructions for the model, each bounded.
async fn words(
    State(st): State<ConsoleState>,
    Path((creator, fan)): Path<(String, String)>,
    Posted { viewer, form }: Posted<Words>,
) -> Result<Redirect, ConsoleError> {
    let fan = known_fan(&st, &viewer, &creator, &fan).await?;
    for (what, text) in [("notes", &form.notes), ("instructions", &form.instructions)] {
        if text.chars().count() > 2000 {
            return Err(ConsoleError::Refused(format!(
                "the {what} are longer than 2000 characters: nothing was changed"
            )));
        }
    }
    let by = viewer.actor();
    let now = st.store.fan_controls(&creator, &fan).await?;
    let mut changed = Vec::new();
    if now.notes != form.notes.trim() {
        st.store
            .set_fan_notes(&creator, &fan, &form.notes, &by)
            .await?;
        changed.push("notes");
    }
    if now.instructions != form.instructions.trim() {
        st.store
            .set_fan_instructions(&creator, &fan, &form.instructions, &by)
            .await?;
        changed.push("instructions");
    }
    let detail = format!("changed {}", changed.join(" and "));
    done(&st, &viewer, &creator, &fan, "fan_words", &detail).await
}

#[derive(Deserialize)]
pub struct Fact {
    kind: String,
    value: String,
    /// The value it replaces (editing a fact), empty when adding one.
    #[serde(default)]
    was: String,
}

async fn fact(
    State(st): State<ConsoleState>,
    Path((creator, fan)): Path<(String, String)>,
    Posted { viewer, form }: Posted<Fact>,
) -> Result<Redirect, ConsoleError> {
    let fan = known_fan(&st, &viewer, &creator, &fan).await?;
    let value = form.value.trim();
    if !FACT_KINDS.contains(&form.kind.as_str()) || value.is_empty() || value.len() > 200 {
        return Err(ConsoleError::Refused(format!(
            "a fact needs a kind ({}) and a value of at most 200 characters",
            FACT_KINDS.join(", ")
        )));
    }
    let was = Some(form.was.trim()).filter(|w| !w.is_empty());
    st.store
        .edit_fact(&creator, &fan, &form.kind, was, value)
        .await?;
    let detail = match was {
        Some(w) => format!("{}: {w} → {value}", form.kind),
        None => format!("{}: {value}", form.kind),
    };
    done(&st, &viewer, &creator, &fan, "fan_fact", &detail).await
}

#[derive(Deserialize)]
pub struct Forget {
    kind: String,
    value: String,
}

async fn forget(
    State(st): State<ConsoleState>,
    Path((creator, fan)): Path<(String, String)>,
    Posted { viewer, form }: Posted<Forget>,
) -> Result<Redirect, ConsoleError> {
    let fan = known_fan(&st, &viewer, &creator, &fan).await?;
    if !st
        .store
        .forget_fact(&creator, &fan, &form.kind, &form.value)
        .await?
    {
        return Err(ConsoleError::NotFound);
    }
    let detail = format!("{}: {}", form.kind, form.value);
    done(&st, &viewer, &creator, &fan, "fan_forget", &detail).await
}

#[derive(Deserialize)]
pub struct SummaryForm {
    #[serde(default)]
    summary: String,
    /// Present when the erase button was pressed.
    erase: Option<String>,
}

async fn summary(
    State(st): State<ConsoleState>,
    Path((creator, fan)): Path<(String, String)>,
    Posted { viewer, form }: Posted<SummaryForm>,
) -> Result<Redirect, ConsoleError> {
    let fan = known_fan(&st, &viewer, &creator, &fan).await?;
    if form.erase.is_some() {
        st.store.erase_fan_summary(&creator, &fan).await?;
        return done(&st, &viewer, &creator, &fan, "fan_summary_erase", "").await;
    }
    let text = form.summary.trim();
    if text.is_empty() || text.chars().count() > 2000 {
        return Err(ConsoleError::Refused(
            "a summary needs 1 to 2000 characters (erase it to remove it)".into(),
        ));
    }
    st.store
        .set_fan_summary(&creator, &fan, text, &viewer.actor())
        .await?;
    done(&st, &viewer, &creator, &fan, "fan_summary", text).await
}

/// `$12.34` of an amount in cents.
pub(crate) fn dollars(cents: i64) -> String {
    format!("${}.{:02}", cents / 100, cents.abs() % 100)
}
