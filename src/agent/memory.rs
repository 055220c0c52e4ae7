//! Fan memory: durable facts a fan tells about themselves (name, where they are from, what they like,
//! their work), extracted by plain rules, kept in SQLite and summarised into the prompt.

use super::normalize::normalize;
use regex::Regex;
use std::sync::LazyLock;

pub use crate::domain::Fact;

static RULES: LazyLock<Vec<(&'static str, Regex)>> = LazyLock::new(|| {
    let r = |p: &str| Regex::new(p).expect("memory pattern");
    vec![
        ("name", r(r"\bmy name is ([a-z]{2,20})\b")),
        ("name", r(r"\bcall me ([a-z]{2,20})\b")),
        (
            "from",
            r(r"\bi (?:m|am) from ([a-z]{2,20}(?: [a-z]{2,20})?)\b"),
        ),
        ("from", r(r"\bi live in ([a-z]{2,20}(?: [a-z]{2,20})?)\b")),
        (
            "likes",
            r(
                r"\bi (?:really )?(?:love|like|enjoy|m into|am into) ([a-z]{3,20}(?: [a-z]{3,20})?)\b",
            ),
        ),
        (
            "work",
            r(r"\bi work (?:as|at|in) (?:a |an |the )?([a-z]{3,20}(?: [a-z]{3,20})?)\b"),
        ),
    ]
});

/// Words that end a captured phrase or make it meaningless as a fact.
const STOP: &[&str] = &[
    "you", "your", "it", "that", "this", "them", "to", "the", "and", "but", "so", "when", "how",
    "what", "me", "my", "a", "an", "too", "very", "much", "lot", "talking", "chatting", "here",
];

/// Facts stated in a fan's message.
pub fn extract(text: &str) -> Vec<Fact> {
    let words = normalize(text).digits;
    let mut out: Vec<Fact> = Vec::new();
    for (kind, re) in RULES.iter() {
        for c in re.captures_iter(&words) {
            let phrase: Vec<&str> = c[1].split(' ').take_while(|w| !STOP.contains(w)).collect();
            if phrase.is_empty() {
                continue;
            }
            let value = phrase.join(" ");
            if !out.iter().any(|f| f.kind == *kind && f.value == value) {
                out.push(Fact { kind, value });
            }
        }
    }
    out
}

/// A short summary of stored facts for the prompt, newest first, within `max_chars`.
pub fn summarise(facts: &[(String, String)], max_chars: usize) -> Vec<String> {
    let mut out = Vec::new();
    let mut used = 0;
    for (kind, value) in facts {
        let line = match kind.as_str() {
            "name" => format!("their name is {value}"),
            "from" => format!("they are from {value}"),
            "likes" => format!("they like {value}"),
            "work" => format!("they work as/at {value}"),
            "declined" => format!("they declined {value}"),
            "bought" => format!("they bought {value}"),
            _ => continue,
        };
        if used + line.len() > max_chars {
            break;
        }
        used += line.len() + 2;
        out.push(line);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn facts(t: &str) -> Vec<(&'static str, String)> {
        extract(t).into_iter().map(|f| (f.kind, f.value)).collect()
    }

    #[test]
    fn plain_statements_become_facts_and_chatter_does_not() {
        assert_eq!(
            facts("Hi! My name is Jake, I'm from Texas and I love hiking. I work as a nurse"),
            [
                ("name", "jake".to_string()),
                ("from", "texas".to_string()),
                ("likes", "hiking".to_string()),
                ("work", "nurse".to_string())
            ]
        );
        assert_eq!(
            facts("I really like jazz music"),
            [("likes", "jazz music".to_string())]
        );
        assert!(facts("i love you so much").is_empty());
        assert!(facts("how was your day?").is_empty());
    }

    #[test]
    fn the_summary_stays_within_its_budget() {
        let stored: Vec<(String, String)> = (0..50)
            .map(|i| ("likes".to_string(), format!("thing {i}")))
            .collect();
        let s = summarise(&stored, 120);
        assert!(s.join("; ").len() <= 120, "{s:?}");
        assert!(!s.is_empty());
    }
}
