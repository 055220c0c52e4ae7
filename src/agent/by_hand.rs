//! A reply written by a human as the creator (the console's form, `fanvue-agent reply`): checked,
//! then queued in the outbox for the creator's rate-limited sender like the agent's replies, with
//! the chat paused as a takeover seen on Fanvue pauses it, so the AI stands back until the pause
//! ends or someone resumes it. Shared by the console and the CLI.

use crate::config::Config;
use crate::domain::time::now_ms;
use crate::store::{Store, StoreError};

/// The most characters one message may have (Fanvue refuses longer ones).
pub const MAX_CHARS: usize = 5000;

/// Why nothing was queued.
#[derive(Debug, thiserror::Error)]
pub enum ByHandError {
    #[error(transparent)]
    Store(#[from] StoreError),
    #[error("the message is empty: write something to send; nothing was sent")]
    Empty,
    #[error("the message has {0} characters, more than the {MAX_CHARS} a message may have; nothing was sent")]
    TooLong(usize),
}

/// Queues `text` to `fan` as `creator`, by `by` (`console:<user>` or `cli:<user>`), and pauses
/// the chat's AI for the creator's takeover time; returns the outbox id. The text is sent as
/// written (a human's words: no guardrails, no pre-send drop), exactly once.
pub async fn reply_by_hand(
    store: &Store,
    cfg: &Config,
    creator: &str,
    fan: &str,
    text: &str,
    by: &str,
) -> Result<i64, ByHandError> {
    let text = checked(text)?;
    let takeover_ms = cfg.creator_settings(creator).agent.human_takeover_secs as i64 * 1000;
    let until = now_ms().saturating_add(takeover_ms);
    Ok(store.queue_by_hand(creator, fan, text, by, until).await?)
}

/// The text to send (trimmed), or why it cannot be.
fn checked(text: &str) -> Result<&str, ByHandError> {
    let text = text.trim();
    let n = text.chars().count();
    match n {
        0 => Err(ByHandError::Empty),
        n if n > MAX_CHARS => Err(ByHandError::TooLong(n)),
        _ => Ok(text),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn blank_and_oversized_texts_are_refused_and_the_rest_is_trimmed() {
        assert!(matches!(checked(" \n\t "), Err(ByHandError::Empty)));
        let long = "é".repeat(MAX_CHARS + 1);
        assert!(matches!(checked(&long), Err(ByHandError::TooLong(n)) if n == MAX_CHARS + 1));
        assert_eq!(
            checked(&"é".repeat(MAX_CHARS)).unwrap().chars().count(),
            MAX_CHARS
        );
        assert_eq!(checked("  hi there \n").unwrap(), "hi there");
    }
}
