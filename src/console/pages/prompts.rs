//! Prompts: a creator's persona files edited in the browser. A save is checked first by rendering
//! the persona with a sample fan, as `prompts check` does: a broken template is refused with its
//! file and line and nothing is written. The page shows the prompt rendered for the sample fan
//! and the history of every version a decision used (kept by hash, see `store::conversation`).
//! Not built yet: the preview for a chosen fan with a shadow draft.

use crate::{
    agent::prompt::{self, PROMPT_FILES},
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
    render_edit(&st, &viewer, &creator, None, None).await
}

/// The edit page of `creator`'s persona; `refused` shows a save that was refused, with its text.
async fn render_edit(
    st: &ConsoleState,
    viewer: &Viewer,
    creator: &str,
    refused: Option<(&str, &str, String)>,
    saved: Option<&str>,
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
            let text = match &refused {
                Some((f, text, _)) if f == name => text.to_string(),
                _ => src
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
    st.page(
        viewer,
        "prompts",
        "prompt_edit.html",
        context! {
            creator => creator,
            persona => persona,
            files => files,
            error => refused.as_ref().map(|r| r.2.clone()),
            saved => saved,
            preview => rendered.as_ref().ok(),
            broken => rendered.as_ref().err().map(|e| e.to_string()),
            versions => Value::from(minijinja::value::Serde(&versions)),
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
        let page = render_edit(
            &st,
            &viewer,
            &creator,
            Some((name, &text, e.to_string())),
            None,
        )
        .await?;
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

/// Writes `dir/name` through a temporary file and a rename (a reader never sees half a file).
fn write_file(dir: &std::path::Path, name: &str, text: &str) -> std::io::Result<()> {
    std::fs::create_dir_all(dir)?;
    let tmp = dir.join(format!(".{name}.tmp"));
    std::fs::write(&tmp, text)?;
    std::fs::rename(&tmp, dir.join(name))
}
