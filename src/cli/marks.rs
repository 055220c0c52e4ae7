//! `fanvue-agent marks` and `fanvue-agent clear`: the safety marks that keep the AI away from a
//! fan (a minor, a crisis, a threat, a meeting request, a payment dispute) and lifting them.

use super::{
    args::{ClearArgs, MarksArgs},
    clock, one_line, print_rows, short, CliError,
};
use crate::{
    app::Parts,
    domain::marks::SafetyMark,
    store::{now_ms, Store, StoreError},
};
use std::{io::Write, process::ExitCode};

/// Lists marks, newest first: those in force unless `--all`. Returns how many were listed.
pub async fn list(
    store: &Store,
    args: &MarksArgs,
    out: &mut dyn Write,
) -> Result<usize, StoreError> {
    let marks = store.marks(args.creator.as_deref(), args.all, 500).await?;
    let now = now_ms();
    let none = format!("no safety marks{}", if args.all { "" } else { " in force" });
    Ok(print_rows(out, &marks, args.json, &none, |out, m| {
        print_mark(out, m, now)
    }))
}

/// One mark: when, whose chat, its category, whether it is in force, and why it was set.
fn print_mark(out: &mut dyn Write, m: &SafetyMark, now: i64) {
    let state = if let Some(at) = m.cleared_at {
        format!(
            "cleared {} by {}: {}",
            clock(at),
            one_line(m.cleared_by.as_deref().unwrap_or("?")),
            one_line(m.clear_reason.as_deref().unwrap_or(""))
        )
    } else if !m.active(now) {
        "lapsed".to_string()
    } else {
        match m.until {
            Some(u) => format!("AI paused until {}", clock(u)),
            None => "AI off until a human clears it".to_string(),
        }
    };
    let _ = writeln!(
        out,
        "{} {} ← fan {} [{}] {} · {}",
        clock(m.set_at),
        one_line(&m.creator),
        one_line(short(&m.fan)),
        m.category.as_str(),
        state,
        one_line(&m.reason)
    );
}

/// `clear <creator> <fan> --reason R`: exit code 2 for an unknown creator, a partial uuid or no
/// reason; 1 when the fan had no mark in force.
pub async fn clear_command(parts: &Parts, args: &ClearArgs) -> Result<ExitCode, CliError> {
    let (creator, fan) = (&args.creator, args.fan.trim().to_ascii_lowercase());
    if !parts.cfg.creators.contains_key(creator) {
        eprintln!("`{creator}` is not a configured creator");
        return Ok(ExitCode::from(2));
    }
    if uuid::Uuid::parse_str(&fan).is_err() || args.reason.trim().is_empty() {
        eprintln!("give the fan's full uuid and a --reason");
        return Ok(ExitCode::from(2));
    }
    let by = format!("cli:{}", super::operator());
    let out = &mut std::io::stdout();
    let n = clear(&parts.store, creator, &fan, &by, args.reason.trim(), out).await?;
    Ok(if n == 0 {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}

/// Clears the marks in force on one fan. `by` says who (the operator's user name).
pub async fn clear(
    store: &Store,
    creator: &str,
    fan: &str,
    by: &str,
    reason: &str,
    out: &mut dyn Write,
) -> Result<u64, StoreError> {
    let n = store.clear_marks(creator, fan, by, reason).await?;
    let _ = if n == 0 {
        writeln!(out, "{creator} ← fan {fan}: no safety mark in force")
    } else {
        writeln!(
            out,
            "cleared {n} mark(s) on {creator} ← fan {fan}: the agent answers this fan again"
        )
    };
    Ok(n)
}
