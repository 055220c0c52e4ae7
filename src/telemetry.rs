//! The tracing subscriber: pretty on a terminal, JSON for journald and files.

use crate::config::LogConfig;
use std::io::IsTerminal;
use tracing_subscriber::{fmt, EnvFilter};

static MESSAGE_TEXT: std::sync::atomic::AtomicBool = std::sync::atomic::AtomicBool::new(false);

/// A message's text as debug lines may show it: itself when `log.message_text` is on, else only
/// its length, so fans' words stay out of log files by default.
pub fn text(s: &str) -> String {
    if MESSAGE_TEXT.load(std::sync::atomic::Ordering::Relaxed) {
        s.to_string()
    } else {
        format!("[{} chars]", s.chars().count())
    }
}

/// Installs the global subscriber. `RUST_LOG` overrides the configured level when set.
pub fn init(cfg: &LogConfig) {
    MESSAGE_TEXT.store(cfg.message_text, std::sync::atomic::Ordering::Relaxed);
    let filter = EnvFilter::try_from_default_env()
        .or_else(|_| EnvFilter::try_new(&cfg.level))
        .unwrap_or_else(|_| EnvFilter::new("info"));
    let json = match cfg.format.as_str() {
        "json" => true,
        "pretty" => false,
        _ => !std::io::stderr().is_terminal(),
    };
    let builder = fmt()
        .with_env_filter(filter)
        .with_writer(std::io::stderr)
        .with_target(false);
    let _ = if json {
        builder
            .json()
            .flatten_event(true)
            .with_current_span(true)
            .try_init()
    } else {
        builder
            .with_ansi(std::io::stderr().is_terminal())
            .compact()
            .fmt_fields(visible_fields())
            .try_init()
    };
}

/// The pretty log's field formatter: every value, the event's message included, goes through
/// [`visible`](crate::domain::display::visible), so text a fan or an HTTP client chose (a CR/LF
/// and a forged line, escape sequences, bidi overrides) is shown escaped, never interpreted.
fn visible_fields() -> impl for<'w> tracing_subscriber::fmt::FormatFields<'w> + 'static {
    use tracing_subscriber::field::MakeExt;
    fmt::format::debug_fn(|w, field, value| {
        let v = crate::domain::display::visible(&format!("{value:?}"));
        if field.name() == "message" {
            write!(w, "{v}")
        } else {
            write!(w, "{}={v}", field.name())
        }
    })
    .delimited(" ")
}

#[cfg(test)]
mod tests {
    #[test]
    fn texts_are_redacted_unless_enabled() {
        assert_eq!(super::text("héllo there"), "[11 chars]");
    }
}
