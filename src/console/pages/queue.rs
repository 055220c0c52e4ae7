//! The queue, the console's landing page: escalations, drafts awaiting approval, failed sends and
//! creators needing a reconnect, with their actions.

use crate::console::{ConsoleError, ConsoleState, Viewer};
use axum::{extract::State, response::Html, routing::get, Router};

pub const TEMPLATES: &[(&str, &str)] = &[];

pub fn routes() -> Router<ConsoleState> {
    Router::new().route("/", get(page))
}

async fn page(
    viewer: Viewer,
    State(st): State<ConsoleState>,
) -> Result<Html<String>, ConsoleError> {
    super::placeholder(&st, &viewer, "queue", "Queue").await
}
