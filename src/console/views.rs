//! Rendering: the minijinja environment with every page's templates (embedded in the binary),
//! HTML auto-escaping forced on for all of them and control characters shown as visible escapes;
//! the page layout's shared context; and [`ConsoleError`], the answers that are not a page.

use super::{ConsoleState, Viewer};
use crate::domain::display::is_dangerous;
use axum::{
    http::StatusCode,
    response::{Html, IntoResponse, Redirect, Response},
};
use minijinja::{context, AutoEscape, Environment, Value};
use std::fmt::Write;

/// The templates, ready to render.
pub struct Views {
    env: Environment<'static>,
}

impl Default for Views {
    fn default() -> Self {
        Views::new()
    }
}

impl Views {
    /// Every page's templates; a template that does not parse fails here, at start (and in the
    /// unit test below).
    pub fn new() -> Views {
        let mut env = Environment::new();
        // Every template escapes for HTML, whatever its name.
        env.set_auto_escape_callback(|_| AutoEscape::Html);
        env.set_formatter(visible_formatter);
        env.set_undefined_behavior(minijinja::UndefinedBehavior::Strict);
        env.add_filter("clock", clock);
        env.add_filter("short", |s: String| s.chars().take(8).collect::<String>());
        for (name, source) in super::pages::templates() {
            env.add_template(name, source)
                .unwrap_or_else(|e| panic!("console template {name}: {e:#}"));
        }
        Views { env }
    }

    /// Renders template `name` with `ctx`.
    pub fn render(&self, name: &str, ctx: Value) -> Result<Html<String>, ConsoleError> {
        let t = self
            .env
            .get_template(name)
            .map_err(|e| ConsoleError::Internal(format!("template {name}: {e:#}")))?;
        t.render(ctx)
            .map(Html)
            .map_err(|e| ConsoleError::Internal(format!("template {name}: {e:#}")))
    }
}

impl ConsoleState {
    /// Renders a page of the layout: `nav` names the menu entry shown as current; `ctx` adds the
    /// page's own values to the layout's (`viewer`, `csrf`, `nav`, `creators`).
    pub fn page(
        &self,
        viewer: &Viewer,
        nav: &str,
        template: &str,
        ctx: Value,
    ) -> Result<Html<String>, ConsoleError> {
        let cfg = self.cfg.get();
        let full = context! {
            viewer => context! {
                name => &viewer.name,
                role => viewer.role.as_str(),
                creator => &viewer.creator,
            },
            csrf => &viewer.csrf,
            nav => nav,
            creators => viewer.creators(&cfg),
            ..ctx
        };
        self.views.render(template, full)
    }
}

/// minijinja's escaping formatter, after showing control characters (ANSI escapes, bidi
/// overrides...) as visible `\u{1b}` text: a fan's words render inert, whatever they contain.
/// Newlines and tabs stay (the page's CSS keeps them).
fn visible_formatter(
    out: &mut minijinja::Output<'_>,
    state: &mut minijinja::State<'_, '_>,
    value: &Value,
) -> Result<(), minijinja::Error> {
    match value.as_str() {
        Some(s) if !value.is_safe() && s.chars().any(is_dangerous) => {
            minijinja::escape_formatter(out, state, &Value::from(shown(s)))
        }
        _ => minijinja::escape_formatter(out, state, value),
    }
}

/// `s` with every dangerous character but newline and tab written as `\u{XX}`.
pub fn shown(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 8);
    for c in s.chars() {
        if is_dangerous(c) && c != '\n' && c != '\t' {
            let _ = write!(out, "\\u{{{:x}}}", c as u32);
        } else {
            out.push(c);
        }
    }
    out
}

/// `{{ ms|clock }}`: a unix ms time as `YYYY-MM-DD HH:MM:SS` UTC.
fn clock(ms: i64) -> String {
    let t = crate::domain::time::rfc3339_ms(ms);
    format!("{} {}", &t[..10], t.get(11..19).unwrap_or(""))
}

/// What a console request answers when it is not a page.
#[derive(Debug, thiserror::Error)]
pub enum ConsoleError {
    /// Nothing here, or nothing this viewer may see (the same answer, so ids leak nothing).
    #[error("not found")]
    NotFound,
    /// No session in force: a GET goes to the login page (then back to `next`).
    #[error("log in first")]
    LoginNeeded { get: bool, next: String },
    /// The form's CSRF token is missing or wrong: nothing was changed.
    #[error("this form has expired: reload the page and try again")]
    BadCsrf,
    /// Input the action refuses, with the reason shown to the user (escaped).
    #[error("{0}")]
    Refused(String),
    #[error("too many login attempts: wait a minute and try again")]
    TooManyAttempts,
    /// Logged with its detail; the user sees a generic message.
    #[error("internal error: {0}")]
    Internal(String),
}

impl From<crate::store::StoreError> for ConsoleError {
    fn from(e: crate::store::StoreError) -> Self {
        match e {
            crate::store::StoreError::NotFound(_) => ConsoleError::NotFound,
            crate::store::StoreError::Conflict(m) => ConsoleError::Refused(m),
            e => ConsoleError::Internal(e.to_string()),
        }
    }
}

impl IntoResponse for ConsoleError {
    fn into_response(self) -> Response {
        let status = match &self {
            ConsoleError::NotFound => StatusCode::NOT_FOUND,
            ConsoleError::LoginNeeded { get: true, next } => {
                return Redirect::to(&format!("/login?next={}", url_escape(next))).into_response()
            }
            ConsoleError::LoginNeeded { .. } => StatusCode::UNAUTHORIZED,
            ConsoleError::BadCsrf => StatusCode::FORBIDDEN,
            ConsoleError::Refused(_) => StatusCode::UNPROCESSABLE_ENTITY,
            ConsoleError::TooManyAttempts => StatusCode::TOO_MANY_REQUESTS,
            ConsoleError::Internal(detail) => {
                tracing::error!(error = %detail, "console request failed");
                StatusCode::INTERNAL_SERVER_ERROR
            }
        };
        let message = match &self {
            ConsoleError::Internal(_) => "something went wrong; the daemon's log says what".into(),
            e => e.to_string(),
        };
        (status, Html(error_page(status, &message))).into_response()
    }
}

/// A plain page for an error (no layout: it may have no session to show one with).
fn error_page(status: StatusCode, message: &str) -> String {
    format!(
        "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\">\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\
         <title>{status}</title><link rel=\"stylesheet\" href=\"/static/console.css\"></head>\
         <body><main class=\"narrow\"><h1>{status}</h1><p class=\"error\">{}</p>\
         <p><a href=\"/\">Back to the queue</a></p></main></body></html>",
        html_escape(&shown(message))
    )
}

/// `s` escaped for HTML text and attribute values.
pub fn html_escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#x27;"),
            c => out.push(c),
        }
    }
    out
}

/// `s` as a URL query value.
pub fn url_escape(s: &str) -> String {
    url::form_urlencoded::byte_serialize(s.as_bytes()).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_template_parses_and_fan_text_renders_inert() {
        let views = Views::new();
        let mut env = Environment::new();
        env.set_auto_escape_callback(|_| AutoEscape::Html);
        env.set_formatter(visible_formatter);
        env.add_template("t.txt", "{{ name }}").unwrap();
        let out = env
            .get_template("t.txt")
            .unwrap()
            .render(context! { name => "<script>alert(1)</script>\u{1b}[2J\u{202e}x\ny" })
            .unwrap();
        assert_eq!(
            out,
            "&lt;script&gt;alert(1)&lt;&#x2f;script&gt;\\u{1b}[2J\\u{202e}x\ny"
        );
        drop(views);
    }

    #[test]
    fn error_pages_escape_their_message() {
        let page = error_page(StatusCode::UNPROCESSABLE_ENTITY, "<b>\u{7}");
        assert!(page.contains("&lt;b&gt;\\u{7}"), "{page}");
    }
}
