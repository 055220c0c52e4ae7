//! Text that fans or HTTP clients control, made safe to show on a terminal, in a log line or in
//! JSON: control characters, C1 codes and bidi overrides are written as visible escapes, never
//! interpreted (no cleared screens, forged lines, window titles or reversed text).

use std::fmt::Write;

/// Whether a character must not reach a terminal as itself: C0 and C1 controls, DEL, the bidi
/// embeddings, overrides and isolates, the line and paragraph separators, and the BOM / zero-width
/// no-break space. Zero-width joiners stay (emoji sequences need them).
pub fn is_dangerous(c: char) -> bool {
    matches!(c,
        '\u{0}'..='\u{1f}' | '\u{7f}'..='\u{9f}'
        | '\u{200e}' | '\u{200f}' | '\u{061c}'
        | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}'
        | '\u{2028}' | '\u{2029}' | '\u{feff}')
}

/// `s` with every dangerous character written as `\u{XX}`. A backslash is doubled, so a fan who
/// types `\u{1b}` cannot make their text look like one of our escapes.
pub fn visible(s: &str) -> String {
    if !s.chars().any(|c| is_dangerous(c) || c == '\\') {
        return s.to_string();
    }
    let mut out = String::with_capacity(s.len() + 8);
    for c in s.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            c if is_dangerous(c) => {
                let _ = write!(out, "\\u{{{:x}}}", c as u32);
            }
            c => out.push(c),
        }
    }
    out
}

/// `s` on one line for listings: runs of whitespace (newlines included) become one space, the
/// rest is made [`visible`], and the result is cut at `max` characters with an ellipsis.
pub fn one_line(s: &str, max: usize) -> String {
    let joined = s.split_whitespace().collect::<Vec<_>>().join(" ");
    let shown = visible(&joined);
    if shown.chars().count() > max {
        format!("{}…", shown.chars().take(max).collect::<String>())
    } else {
        shown
    }
}

/// A JSON text (as serde_json writes it) with the characters serde_json leaves raw but a terminal
/// would interpret (DEL, C1 codes, bidi controls, line separators) written as `\uXXXX` escapes.
/// The result parses to the same value; only characters inside strings can be affected, since
/// JSON's own syntax is ASCII.
pub fn json_for_terminal(json: &str) -> String {
    if !json.chars().any(is_dangerous) {
        return json.to_string();
    }
    let mut out = String::with_capacity(json.len() + 16);
    for c in json.chars() {
        if is_dangerous(c) {
            let _ = write!(out, "\\u{:04x}", c as u32);
        } else {
            out.push(c);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escape_sequences_controls_and_bidi_overrides_are_shown_not_interpreted() {
        let hostile = "hi\u{1b}[2J\u{1b}]0;pwned\u{7}\r\nFORGED line\u{0}\u{9b}31m\u{202e}gnp.exe";
        let v = visible(hostile);
        assert!(!v.chars().any(is_dangerous), "{v:?}");
        assert_eq!(
            v,
            "hi\\u{1b}[2J\\u{1b}]0;pwned\\u{7}\\u{d}\\u{a}FORGED line\\u{0}\\u{9b}31m\\u{202e}gnp.exe"
        );
    }

    #[test]
    fn ordinary_text_emoji_and_accents_are_unchanged() {
        for s in ["héllo 😊", "👨‍👩‍👧 family", "日本語", "tab-free text"] {
            assert_eq!(visible(s), s);
        }
    }

    #[test]
    fn a_fans_own_backslash_escape_cannot_pass_for_ours() {
        assert_eq!(visible("\\u{1b}\u{1b}"), "\\\\u{1b}\\u{1b}");
    }

    #[test]
    fn one_line_joins_lines_escapes_and_cuts() {
        assert_eq!(one_line("a\r\n b\u{2028}c", 100), "a b c");
        assert_eq!(one_line("x\u{1b}y", 100), "x\\u{1b}y");
        assert_eq!(one_line("abcdef", 3), "abc…");
    }

    #[test]
    fn terminal_json_escapes_what_serde_json_leaves_raw_and_still_parses() {
        let v = serde_json::json!({"t": "a\u{202e}b\u{9b}c\u{7f}d\u{1b}e"});
        let raw = serde_json::to_string(&v).unwrap();
        assert!(
            raw.contains('\u{202e}'),
            "serde_json leaves bidi raw: {raw}"
        );
        let safe = json_for_terminal(&raw);
        assert!(!safe.chars().any(is_dangerous), "{safe}");
        assert_eq!(serde_json::from_str::<serde_json::Value>(&safe).unwrap(), v);
    }
}
