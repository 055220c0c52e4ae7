//! Prompts: persona prompts: edit, check, preview, history. Not built yet: this placeholder answers until its page lands.

use crate::console::{ConsoleError, ConsoleState, Viewer};
use axum::{extract::State, response::Html, routing::get, Router};

/// This page's templates (none of its own yet).
pub const TEMPLATES: &[(&str, &str)] = &[];

pub fn routes() -> Router<ConsoleState> {
    Router::new().route("/prompts", get(page))
}

async fn page(
    viewer: Viewer,
    State(st): State<ConsoleState>,
) -> Result<Html<String>, ConsoleError> {
    super::placeholder(&st, &viewer, "prompts", "Prompts").await
}
