//! The console's pages, one file each: every file exposes `TEMPLATES` (its templates, embedded)
//! and `routes()`. A page listed here is served and its templates are loaded; see the module doc
//! of `console` for how to add one.

pub mod conversations;
pub mod creators;
pub mod fans;
pub mod prompts;
pub mod queue;
pub mod stats;

use super::ConsoleState;
use axum::Router;

/// Every page's routes.
pub fn routes() -> Router<ConsoleState> {
    Router::new()
        .merge(queue::routes())
        .merge(conversations::routes())
        .merge(fans::routes())
        .merge(creators::routes())
        .merge(prompts::routes())
        .merge(stats::routes())
}

/// The layout's templates, then every page's.
pub fn templates() -> impl Iterator<Item = &'static (&'static str, &'static str)> {
    LAYOUT
        .iter()
        .chain(queue::TEMPLATES)
        .chain(conversations::TEMPLATES)
        .chain(fans::TEMPLATES)
        .chain(creators::TEMPLATES)
        .chain(prompts::TEMPLATES)
        .chain(stats::TEMPLATES)
}

/// The layout every page extends, and the login page.
const LAYOUT: &[(&str, &str)] = &[
    ("base.html", include_str!("../templates/base.html")),
    ("login.html", include_str!("../templates/login.html")),
];
