//! The operator commands, one file each; `args` is the command line's shape. `main.rs` parses the
//! arguments, loads the config and hands each command to its function here, which prints its
//! output and returns the exit code (2: bad input, 1: could not be done).

pub mod args;
pub mod chats;
pub mod check_config;
pub mod connect;
pub mod creators;
pub mod decisions;
pub mod doctor;
pub mod drafts;
pub mod fans;
pub mod marks;
pub mod prompts;
pub mod replay;
pub mod sequences;
pub mod serve;
pub mod stats;
pub mod users;

use crate::{app::AppError, fanvue::oauth::ConnectError, store::StoreError};

/// Why a command stopped; `main` prints it as `error: ...` followed by its causes, exit code 1.
#[derive(Debug, thiserror::Error)]
pub enum CliError {
    /// A refusal that says what to do (an unset secret, an unknown creator, a failed connect).
    #[error("{0}")]
    Refused(String),
    #[error(transparent)]
    Store(#[from] StoreError),
    #[error(transparent)]
    App(#[from] AppError),
    #[error(transparent)]
    Connect(#[from] ConnectError),
    #[error(transparent)]
    Io(#[from] std::io::Error),
}

/// Who runs the command (recorded with a clear or an edit).
pub fn operator() -> String {
    std::env::var("SUDO_USER")
        .or_else(|_| std::env::var("USER"))
        .unwrap_or_else(|_| "operator".into())
}

pub use crate::domain::display::visible;

/// Fan-controlled text on one line for a terminal: escapes shown, cut at 160 characters.
pub fn one_line(s: &str) -> String {
    crate::domain::display::one_line(s, 160)
}

/// A JSON line for a terminal: serde_json's text with bidi controls and C1 codes escaped too.
pub fn json_line(v: &impl serde::Serialize) -> String {
    crate::domain::display::json_for_terminal(&serde_json::to_string(v).unwrap_or_default())
}

/// Prints `rows` one JSON line each with `json`, else each as `text` writes it, and `none` when
/// there are no rows (in text only). Returns how many rows there were.
pub fn print_rows<T: serde::Serialize>(
    out: &mut dyn std::io::Write,
    rows: &[T],
    json: bool,
    none: &str,
    text: impl Fn(&mut dyn std::io::Write, &T),
) -> usize {
    for row in rows {
        if json {
            let _ = writeln!(out, "{}", json_line(row));
        } else {
            text(out, row);
        }
    }
    if rows.is_empty() && !json {
        let _ = writeln!(out, "{none}");
    }
    rows.len()
}

/// The first 8 characters of a uuid, as printed in listings.
pub fn short(id: &str) -> &str {
    &id[..id.len().min(8)]
}

/// `HH:MM:SS` (UTC) of a unix ms time, or the full date when it is not today.
pub fn clock(ms: i64) -> String {
    let t = crate::domain::time::rfc3339_ms(ms);
    let today = crate::domain::time::rfc3339_ms(crate::domain::time::now_ms());
    if t[..10] == today[..10] {
        t[11..19].to_string()
    } else {
        format!("{} {}", &t[..10], &t[11..19])
    }
}

/// A time given on the command line: RFC 3339 (`2026-11-23T10:00:00Z`), a date (`2026-11-23`),
/// or an age (`90s`, `15m`, `2h`, `7d`) meaning that long ago. Returns unix ms.
pub fn parse_since(s: &str, now_ms: i64) -> Result<i64, String> {
    let s = s.trim();
    if let Some(ms) = crate::domain::time::parse_ms(s) {
        return Ok(ms);
    }
    if let Some(ms) = crate::domain::time::parse_ms(&format!("{s}T00:00:00Z")) {
        return Ok(ms);
    }
    let (num, unit) = s.split_at(s.find(|c: char| !c.is_ascii_digit()).unwrap_or(s.len()));
    let n: i64 = num.parse().map_err(|_| {
        format!(
            "`{s}` is not a time: use 2026-11-23, 2026-11-23T10:00:00Z, or an age like 15m, 2h, 7d"
        )
    })?;
    let secs = match unit {
        "s" => 1,
        "m" | "" => 60,
        "h" => 3600,
        "d" => 86_400,
        _ => return Err(format!("`{s}`: the unit must be s, m, h or d")),
    };
    Ok(now_ms - n * secs * 1000)
}

/// A fan uuid or a prefix of one (hex digits and dashes), lowercased.
pub fn parse_fan(s: &str) -> Result<String, String> {
    let f = s.trim().to_ascii_lowercase();
    if f.is_empty() || !f.chars().all(|c| c.is_ascii_hexdigit() || c == '-') {
        return Err(format!("`{s}` is not a fan uuid (or the start of one)"));
    }
    Ok(f)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn since_accepts_dates_times_and_ages() {
        let now = 1_800_000_000_000;
        assert_eq!(parse_since("15m", now), Ok(now - 900_000));
        assert_eq!(parse_since("2h", now), Ok(now - 7_200_000));
        assert_eq!(parse_since("7d", now), Ok(now - 604_800_000));
        assert_eq!(parse_since("1970-01-02", now), Ok(86_400_000));
        assert_eq!(parse_since("1970-01-01T00:00:10Z", now), Ok(10_000));
        assert!(parse_since("yesterday", now)
            .unwrap_err()
            .contains("not a time"));
        assert!(parse_since("5w", now).unwrap_err().contains("unit"));
    }

    #[test]
    fn fan_filters_are_hex() {
        assert_eq!(parse_fan(" 0A1b-"), Ok("0a1b-".to_string()));
        assert!(parse_fan("x%").is_err());
        assert!(parse_fan("").is_err());
    }
}
