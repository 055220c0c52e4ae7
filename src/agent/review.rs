//! The seam between the LLM's draft and the outbox: cleans the draft and refuses unusable ones.
//! Guardrails and offer rules plug in here.

/// Longest reply the agent sends (Fanvue allows 5000 characters; chat replies are short).
pub const MAX_REPLY_CHARS: usize = 1000;

/// A draft that must not be sent, and why.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum DraftRejected {
    #[error("the draft is empty")]
    Empty,
}

/// Cleans a model's draft for sending: drops a speaker label the model may prepend
/// (`Assistant:`, `Ana:`), surrounding quotes and extra blank lines, and cuts an overlong draft at a
/// sentence end.
pub fn clean_draft(raw: &str, speaker_names: &[&str]) -> Result<String, DraftRejected> {
    let mut s = raw.trim();
    for _ in 0..2 {
        for label in ["assistant", "creator"]
            .iter()
            .copied()
            .chain(speaker_names.iter().copied())
        {
            if label.is_empty() {
                continue;
            }
            if let Some(head) = s.get(..label.len() + 1) {
                if head.eq_ignore_ascii_case(&format!("{label}:")) {
                    s = s[label.len() + 1..].trim_start();
                }
            }
        }
    }
    let s = s.trim_matches(|c: char| c == '"' || c == '“' || c == '”' || c.is_whitespace());
    let mut lines: Vec<&str> = Vec::new();
    for l in s.lines().map(str::trim_end) {
        if l.trim().is_empty() && lines.last().is_some_and(|p| p.trim().is_empty()) {
            continue;
        }
        lines.push(l);
    }
    let mut out = lines.join("\n").trim().to_string();
    // A draft cut off by the token limit ends mid-sentence: end it at its last complete sentence.
    let complete = |s: &str| {
        s.ends_with(['.', '!', '?', '…', ')', '"', '~']) || s.ends_with(|c: char| !c.is_ascii())
    };
    if !complete(&out) {
        if let Some(i) = out.rfind(['.', '!', '?', '…']) {
            if i + 1 >= out.len() / 3 {
                out.truncate(i + out[i..].chars().next().map_or(1, char::len_utf8));
            }
        }
    }
    if out.chars().count() > MAX_REPLY_CHARS {
        let cut: String = out.chars().take(MAX_REPLY_CHARS).collect();
        let end = cut
            .rfind(['.', '!', '?', '\n'])
            .filter(|i| *i > MAX_REPLY_CHARS / 2)
            .map(|i| i + 1)
            .unwrap_or(cut.len());
        out = cut[..end].trim().to_string();
    }
    if out.is_empty() {
        return Err(DraftRejected::Empty);
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn speaker_labels_quotes_and_blank_runs_are_removed() {
        assert_eq!(
            clean_draft("  Assistant: \"hey you!\"  ", &[]).unwrap(),
            "hey you!"
        );
        assert_eq!(
            clean_draft("Ana: hi\n\n\n\nbye", &["Ana"]).unwrap(),
            "hi\n\nbye"
        );
        assert_eq!(clean_draft(" \n \"\" ", &[]), Err(DraftRejected::Empty));
    }

    #[test]
    fn a_draft_cut_off_mid_sentence_ends_at_its_last_full_sentence() {
        assert_eq!(
            clean_draft("Hey you! I loved it. And then we could go and", &[]).unwrap(),
            "Hey you! I loved it."
        );
        // Too little would remain: keep it as it is.
        assert_eq!(
            clean_draft("Hi. what a long day it has been for me and", &[]).unwrap(),
            "Hi. what a long day it has been for me and"
        );
        assert_eq!(clean_draft("so happy 😊", &[]).unwrap(), "so happy 😊");
    }

    #[test]
    fn an_overlong_draft_is_cut_at_a_sentence_end() {
        let raw = "Hello there. ".repeat(200);
        let out = clean_draft(&raw, &[]).unwrap();
        assert!(out.chars().count() <= MAX_REPLY_CHARS);
        assert!(out.ends_with('.'));
    }
}
