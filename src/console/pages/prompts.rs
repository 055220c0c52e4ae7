//! Prompts: a creator's persona files edited in the browser. A save is checked first by rendering
//! the persona with a sample fan, as `prompts check` does: a broken template is refused with its
//! file and line and nothing is written. The page shows the prompt rendered for the sample fan
//! and the history of every version a decision used (kept by hash, see `store::conversation`).
//!
//! The preview renders the persona for a chosen fan of the creator with the editor's texts (saved
//! or not) and drafts a reply in shadow with the `replay` machinery (`agent::replay`: the real LLM
//! client, guardrails and offer rules, on a throw-away copy of the database): nothing is sent or
//! queued, nothing changes in the fan's state, nothing is written to the prompt files.

use crate::{
    agent::{
        prompt::{self, PersonaSource, PROMPT_FILES},
        replay::{ReplayError, ReplayOutcome, Replayed, Replayer},
    },
    console::{ConsoleError, ConsoleState, Posted, Viewer},
    store::actions::NewAction,
};
use axum::{
    extract::{Path, State},
    response::{Html, IntoResponse, Redirect, Response},
    routing::get,
    Router,
};
use minijinja::{context, Value};
use serde::Deserialize;
use std::collections::HashMap;

pub const TEMPLATES: &[(&str, &str)] = &[
    ("prompts.html", include_str!("../templates/prompts.html")),
    (
        "prompt_edit.html",
        include_str!("../templates/prompt_edit.html"),
    ),
];

pub fn routes() -> Router<ConsoleState> {
    Router::new()
        .route("/prompts", get(list))
        .route("/prompts/{creator}", get(edit).post(save))
        .route("/prompts/{creator}/preview", axum::routing::post(preview))
}

/// The creators the viewer may see, with their persona and its current version.
async fn list(
    viewer: Viewer,
    State(st): State<ConsoleState>,
) -> Result<Html<String>, ConsoleError> {
    let cfg = st.cfg.get();
    let rows: Vec<Value> = viewer
        .creators(&cfg)
        .into_iter()
        .map(|h| {
            let persona = cfg.creator_persona(&h);
            let version = prompt::check_persona(&cfg, &h)
                .map(|(src, _)| src.version)
                .unwrap_or_else(|e| format!("broken: {e}"));
            context! { creator => h, persona => persona, version => version }
        })
        .collect();
    st.page(
        &viewer,
        "prompts",
        "prompts.html",
        context! { rows => rows },
    )
}

async fn edit(
    viewer: Viewer,
    State(st): State<ConsoleState>,
    Path(creator): Path<String>,
) -> Result<Html<String>, ConsoleError> {
    viewer.check(&creator)?;
    render_edit(&st, &viewer, &creator, Shown::default()).await
}

/// What the edit page shows beyond the saved files.
#[derive(Default)]
struct Shown {
    /// Texts from the browser that were not saved (a refused save, a preview), by file name.
    edited: HashMap<String, String>,
    /// Why a save or a preview was refused.
    error: Option<String>,
    /// A preview's result.
    preview: Option<Value>,
    /// The fan the preview was for.
    fan: Option<String>,
}

/// The edit page of `creator`'s persona, with what `shown` adds.
async fn render_edit(
    st: &ConsoleState,
    viewer: &Viewer,
    creator: &str,
    shown: Shown,
) -> Result<Html<String>, ConsoleError> {
    let cfg = st.cfg.get();
    if !cfg.creators.contains_key(creator) {
        return Err(ConsoleError::NotFound);
    }
    let persona = cfg.creator_persona(creator);
    let src = prompt::load_persona(&cfg.daemon.prompts_dir, &persona);
    let files: Vec<Value> = PROMPT_FILES
        .iter()
        .map(|name| {
            let text = match shown.edited.get(*name) {
                Some(t) => t.clone(),
                None => src
                    .as_ref()
                    .ok()
                    .and_then(|s| s.files.iter().find(|(p, _)| p.ends_with(name)))
                    .map(|(_, t)| t.clone())
                    .unwrap_or_default(),
            };
            context! { name => *name, text => text }
        })
        .collect();
    let rendered = prompt::check_persona(&cfg, creator).map(|(_, t)| t);
    let versions = st.store.prompt_versions(creator, &persona).await?;
    let fans = st.store.chat_list(Some(creator), 200).await?;
    st.page(
        viewer,
        "prompts",
        "prompt_edit.html",
        context! {
            creator => creator,
            persona => persona,
            files => files,
            error => shown.error,
            sample => rendered.as_ref().ok(),
            broken => rendered.as_ref().err().map(|e| e.to_string()),
            versions => Value::from(minijinja::value::Serde(&versions)),
            fans => Value::from(minijinja::value::Serde(&fans)),
            chosen => shown.fan,
            result => shown.preview,
        },
    )
}

#[derive(Deserialize)]
pub struct Save {
    file: String,
    text: String,
}

/// Checks the edited file by rendering the whole persona with it; writes it only when it renders.
async fn save(
    State(st): State<ConsoleState>,
    Path(creator): Path<String>,
    Posted { viewer, form }: Posted<Save>,
) -> Result<Response, ConsoleError> {
    viewer.check(&creator)?;
    let cfg = st.cfg.get();
    if !cfg.creators.contains_key(&creator) {
        return Err(ConsoleError::NotFound);
    }
    let Some(name) = PROMPT_FILES.iter().find(|n| **n == form.file) else {
        return Err(ConsoleError::Refused(format!(
            "unknown prompt file: {}",
            form.file
        )));
    };
    let persona = cfg.creator_persona(&creator);
    let dir = &cfg.daemon.prompts_dir;
    let text = form.text.replace("\r\n", "\n");
    let src = prompt::load_persona(dir, &persona)
        .map_err(|e| ConsoleError::Refused(e.to_string()))?
        .with_file(dir, &persona, name, &text);
    if let Err(e) = src.render(&prompt::sample_vars(&cfg, &creator)) {
        let shown = Shown {
            edited: HashMap::from([(name.to_string(), text)]),
            error: Some(format!("Refused, nothing was saved: {e}")),
            ..Default::default()
        };
        let page = render_edit(&st, &viewer, &creator, shown).await?;
        return Ok((axum::http::StatusCode::UNPROCESSABLE_ENTITY, page).into_response());
    }
    write_file(&dir.join(&persona), name, &text)
        .map_err(|e| ConsoleError::Internal(format!("writing {persona}/{name}: {e}")))?;
    let detail = format!("{persona}/{name} (version {})", src.version);
    st.store
        .record_action(&NewAction {
            actor: &viewer.actor(),
            action: "prompt_edit",
            creator: Some(&creator),
            detail: &detail,
            ..Default::default()
        })
        .await?;
    Ok(Redirect::to(&format!("/prompts/{creator}")).into_response())
}

/// The preview form: the fan, and the editor's text of each file as `text:<file>` (missing
/// files: the saved text).
#[derive(Deserialize)]
pub struct PreviewForm {
    fan: String,
    #[serde(flatten)]
    texts: HashMap<String, String>,
}

/// Renders the persona with the editor's texts for the chosen fan and drafts a reply in shadow.
async fn preview(
    State(st): State<ConsoleState>,
    Path(creator): Path<String>,
    Posted { viewer, form }: Posted<PreviewForm>,
) -> Result<Response, ConsoleError> {
    viewer.check(&creator)?;
    let fan = super::fans::known_fan(&st, &viewer, &creator, form.fan.trim()).await?;
    let cfg = st.cfg.get();
    if !cfg.creators.contains_key(&creator) {
        return Err(ConsoleError::NotFound);
    }
    let edited: HashMap<String, String> = form
        .texts
        .iter()
        .filter_map(|(k, v)| {
            let name = k.strip_prefix("text:")?;
            PROMPT_FILES
                .contains(&name)
                .then(|| (name.to_string(), v.replace("\r\n", "\n")))
        })
        .collect();
    let persona = cfg.creator_persona(&creator);
    let dir = &cfg.daemon.prompts_dir;
    let mut src =
        prompt::load_persona(dir, &persona).map_err(|e| ConsoleError::Refused(e.to_string()))?;
    for (name, text) in &edited {
        src = src.with_file(dir, &persona, name, text);
    }
    // A broken template is refused with its line, as a save is; nothing is drafted.
    if let Err(e) = src.render(&prompt::sample_vars(&cfg, &creator)) {
        let shown = Shown {
            edited,
            error: Some(format!("Refused, nothing was previewed: {e}")),
            fan: Some(fan),
            ..Default::default()
        };
        let page = render_edit(&st, &viewer, &creator, shown).await?;
        return Ok((axum::http::StatusCode::UNPROCESSABLE_ENTITY, page).into_response());
    }
    let replayed = draft_in_shadow(&st, &creator, &fan, &persona, &src).await?;
    let shown = Shown {
        edited,
        preview: Some(preview_view(&replayed)),
        fan: Some(fan),
        ..Default::default()
    };
    Ok(render_edit(&st, &viewer, &creator, shown)
        .await?
        .into_response())
}

/// Writes `src` as persona `persona` of a throw-away prompts folder and replays the fan's last
/// message with it, in shadow.
async fn draft_in_shadow(
    st: &ConsoleState,
    creator: &str,
    fan: &str,
    persona: &str,
    src: &PersonaSource,
) -> Result<Replayed, ConsoleError> {
    let tmp =
        tempfile::tempdir().map_err(|e| ConsoleError::Internal(format!("preview folder: {e}")))?;
    let folder = tmp.path().join(persona);
    for (path, text) in &src.files {
        let name = path
            .file_name()
            .and_then(|n| n.to_str())
            .unwrap_or_default();
        write_file(&folder, name, text)
            .map_err(|e| ConsoleError::Internal(format!("preview folder: {e}")))?;
    }
    let replayer = Replayer {
        store: st.store.clone(),
        cfg: st.cfg.get(),
        llm: st.llm.clone(),
        apis: st.apis.clone(),
        judge: st.judge.clone(),
    };
    replayer
        .replay(creator, fan, Some(tmp.path().to_path_buf()))
        .await
        .map_err(|e| match e {
            ReplayError::Input(m) => ConsoleError::Refused(m),
            ReplayError::Store(crate::store::StoreError::NotFound(what)) => {
                ConsoleError::Refused(format!("nothing to preview: {what} was not found"))
            }
            e => ConsoleError::Internal(format!("preview of {creator}: {e}")),
        })
}

/// What the page shows of a preview: the prompt as the model got it, the draft, the verdicts and
/// the offer decision.
fn preview_view(r: &Replayed) -> Value {
    let (outcome, reason, draft, guardrails, offer) = match &r.outcome {
        ReplayOutcome::Decided(Some(d)) => (
            d.outcome.as_str().to_string(),
            d.reason.clone(),
            d.reply.clone(),
            d.guardrails.as_deref().map(pretty_json),
            match (&d.offer_item, d.price_cents) {
                (Some(item), Some(cents)) => {
                    format!("offer {item} at {}", super::fans::dollars(cents))
                }
                _ => "no offer".to_string(),
            },
        ),
        ReplayOutcome::Decided(None) => (
            "none".into(),
            "no decision was made".into(),
            None,
            None,
            "no offer".into(),
        ),
        ReplayOutcome::Retry(after) => (
            "not decided".into(),
            format!(
                "the agent would retry in {} s (creator not active or the LLM unavailable)",
                after.as_secs()
            ),
            None,
            None,
            "no offer".into(),
        ),
    };
    context! {
        fan_text => &r.fan_text,
        version => &r.version,
        prompt => &r.system_prompt,
        outcome => outcome,
        reason => reason,
        draft => draft,
        guardrails => guardrails,
        offer => offer,
    }
}

/// Recorded JSON, indented for reading (as stored when it does not parse).
fn pretty_json(s: &str) -> String {
    serde_json::from_str::<serde_json::Value>(s)
        .and_then(|v| serde_json::to_string_pretty(&v))
        .unwrap_or_else(|_| s.to_string())
}

/// Writes `dir/name` through a temporary file and a rename (a reader never sees half a file).
fn write_file(dir: &std::path::Path, name: &str, text: &str) -> std::io::Result<()> {
    std::fs::create_dir_all(dir)?;
    let tmp = dir.join(format!(".{name}.tmp"));
    std::fs::write(&tmp, text)?;
    std::fs::rename(&tmp, dir.join(name))
}
