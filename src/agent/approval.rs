//! Approving a draft of `approve` mode, with or without a human's edit: the edit passes the same
//! draft guardrails as the agent's own drafts. Shared by `fanvue-agent approve` and the console.

use crate::agent::guardrails;
use crate::config::Config;
use crate::store::{drafts::Approval, Store, StoreError};

/// Why `approve` sent nothing.
#[derive(Debug, thiserror::Error)]
pub enum ApproveError {
    #[error(transparent)]
    Store(#[from] StoreError),
    /// The edited text breaks a draft rule (named): the draft keeps waiting.
    #[error("draft {id}: the edited text is refused by the draft guardrails: {rules}; nothing was sent, the draft still waits")]
    Blocked { id: i64, rules: String },
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
