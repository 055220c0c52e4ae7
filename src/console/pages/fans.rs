//! Fans: per-fan switches, notes, instructions and memory. Not built yet: this placeholder answers until its page lands.

use crate::console::{ConsoleError, ConsoleState, Viewer};
use axum::{extract::State, response::Html, routing::get, Router};

/// This page's templates (none of its own yet).
pub const TEMPLATES: &[(&str, &str)] = &[];

pub fn routes() -> Router<ConsoleState> {
    Router::new().route("/fans", get(page))
}

async fn page(
    viewer: Viewer,
    State(st): State<ConsoleState>,
) -> Result<Html<String>, ConsoleError> {
    super::placeholder(&st, &viewer, "fans", "Fans").await
}
