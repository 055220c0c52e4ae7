//! `fanvue-agent drafts | approve <id> [--text ...] | reject <id>`: the human side of `approve`
//! mode. An edited draft passes the same draft guardrails as the agent's own.

use super::{args::DraftsArgs, clock, one_line, print_rows, short};
use crate::agent::guardrails;
use crate::app::Parts;
use crate::config::Config;
use crate::store::{
    drafts::{Approval, Draft, DraftState},
    Store, StoreError,
};
use std::{io::Write, process::ExitCode};

/// Why `approve` sent nothing.
#[derive(Debug, thiserror::Error)]
pub enum ApproveError {
    #[error(transparent)]
    Store(#[from] StoreError),
    /// The edited text breaks a draft rule (named): the draft keeps waiting.
    #[error("draft {id}: the edited text is refused by the draft guardrails: {rules}; nothing was sent, the draft still waits")]
    Blocked { id: i64, rules: String },
}

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

/// Approves draft `id`, with `edited` text instead of the agent's when given (checked by the
/// creator's draft guardrails first, against the chat's recent messages and other fans' names).
/// Returns the outbox id it was queued as.
pub async fn approve(
    store: &Store,
    cfg: &Config,
    id: i64,
    edited: Option<&str>,
    by: &str,
) -> Result<i64, ApproveError> {
    let d = store
        .draft(id)
        .await?
        .ok_or_else(|| StoreError::NotFound(format!("draft {id}")))?;
    let edited = edited.map(str::trim);
    if let (Some(text), "awaiting") = (edited, d.state.as_str()) {
        let found = check_edit(store, cfg, &d.creator, &d.fan, text).await?;
        let stops = guardrails::stopping(&found);
        if !stops.is_empty() {
            let rules = stops
                .iter()
                .map(|f| format!("{} ({})", f.rule, f.detail))
                .collect::<Vec<_>>()
                .join("; ");
            return Err(ApproveError::Blocked { id, rules });
        }
    }
    let approval = Approval {
        edited,
        by,
        ttl: cfg.creator_draft_ttl(&d.creator),
    };
    Ok(store.approve_draft(id, &approval).await?)
}

/// The draft guardrails over a human's edit, with what the agent's drafts are checked against:
/// our recent messages in the chat (no repeats) and the creator's other fans (never named).
async fn check_edit(
    store: &Store,
    cfg: &Config,
    creator: &str,
    fan: &str,
    text: &str,
) -> Result<Vec<guardrails::Finding>, StoreError> {
    let history = store.history(creator, fan, 30).await?;
    let recent = crate::store::chats::our_recent_texts(&history, 5);
    let others = store.other_fans(creator, fan).await?;
    let guard = guardrails::Guardrails::new(&cfg.creator_guardrails(creator));
    let mut found = guard.check_draft(text, &recent, "");
    found.extend(guardrails::names_other_fans(text, &others));
    Ok(found)
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
