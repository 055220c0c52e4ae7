//! `fanvue-agent drafts | approve <id> [--text ...] | reject <id>`: the human side of `approve`
//! mode. An edited draft passes the same draft guardrails as the agent's own.

use super::{args::DraftsArgs, clock, one_line, print_rows, short};
pub use crate::agent::approval::{approve, ApproveError};
use crate::app::Parts;
use crate::store::{
    drafts::{Draft, DraftState},
    Store, StoreError,
};
use std::{io::Write, process::ExitCode};

/// `approve <id> [--text T]`: exit code 2 for an unknown draft, 1 when it cannot be sent.
pub async fn approve_command(parts: &Parts, id: i64, text: Option<&str>) -> ExitCode {
    let by = format!("cli:{}", super::operator());
    let edited = if text.is_some() {
        " with your edit"
    } else {
        ""
    };
    match approve(&parts.store, &parts.cfg, id, text, &by).await {
        Ok(outbox) => {
            println!("approved draft {id}{edited}: queued as outbox {outbox}; the daemon sends it within seconds");
            ExitCode::SUCCESS
        }
        Err(ApproveError::Store(e)) => draft_error(e),
        Err(e) => {
            eprintln!("error: {e}");
            ExitCode::FAILURE
        }
    }
}

/// `reject <id> [--note N]`: exit code 2 for an unknown draft, 1 when it cannot be rejected.
pub async fn reject_command(store: &Store, id: i64, note: Option<&str>) -> ExitCode {
    match store.reject_draft(id, note).await {
        Ok(()) => {
            println!("rejected draft {id}: it will not be sent");
            ExitCode::SUCCESS
        }
        Err(e) => draft_error(e),
    }
}

/// Exit codes of `approve`/`reject`: 2 for an unknown draft, 1 when it cannot be changed.
fn draft_error(e: StoreError) -> ExitCode {
    eprintln!("error: {e}");
    match e {
        StoreError::NotFound(_) => ExitCode::from(2),
        _ => ExitCode::FAILURE,
    }
}

/// Lists drafts (newest first): those awaiting approval unless `--all`.
pub async fn list(
    store: &Store,
    args: &DraftsArgs,
    out: &mut dyn Write,
) -> Result<usize, StoreError> {
    let state = (!args.all).then_some(DraftState::Awaiting);
    let drafts = store.drafts(args.creator.as_deref(), state, 200).await?;
    let none = format!(
        "no drafts{}",
        if args.all { "" } else { " awaiting approval" }
    );
    Ok(print_rows(out, &drafts, args.json, &none, print_draft))
}

/// One draft: id, when, whose chat, its state, purpose and text (and offer, sent text, note).
fn print_draft(out: &mut dyn Write, d: &Draft) {
    let offer = d
        .plan
        .price_cents
        .map(|p| {
            format!(
                " + PPV {} at ${}.{:02}",
                one_line(d.plan.offer_item.as_deref().unwrap_or("item")),
                p / 100,
                p % 100
            )
        })
        .unwrap_or_default();
    let _ = writeln!(
        out,
        "{:>6} {} {} ← fan {} [{}] {}: {}{offer}",
        d.id,
        clock(d.created_at),
        one_line(&d.creator),
        one_line(short(&d.fan)),
        d.state,
        d.plan.purpose.as_str(),
        one_line(&d.plan.text)
    );
    if let Some(sent) = &d.sent_text {
        let _ = writeln!(out, "       sent:  {}", one_line(sent));
    }
    if let Some(note) = &d.note {
        let _ = writeln!(out, "       note: {}", one_line(note));
    }
}
