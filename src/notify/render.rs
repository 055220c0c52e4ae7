//! What a notification says, per format. Text a fan (or the model) wrote is data: made visible
//! (no control characters or forged lines), redacted unless `log.message_text`, and neutralised for
//! each format (Slack's `<!channel>` and links, Discord's `@everyone`, mentions and Markdown);
//! Telegram and email get plain text, and the generic webhook gets JSON.

use crate::domain::{display::visible, notice::short_fan, Notice};
use serde_json::{json, Value};

/// Longest fan text quoted in one notification, in characters.
const WORDS_MAX: usize = 300;

/// A piece of a message: the daemon's own words, or text someone else chose.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Part {
    Ours(String),
    Theirs(String),
}

/// One message, before a format is applied.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Text {
    /// One line in the daemon's words only (an email subject).
    pub subject: String,
    pub parts: Vec<Part>,
}

/// A message ready for any channel: its id (what receivers dedupe by), the text, and the JSON the
/// generic webhook posts.
#[derive(Clone, Debug, PartialEq)]
pub struct Outgoing {
    pub id: String,
    pub text: Text,
    pub payload: Value,
}

/// How fan words are shown: themselves (`log.message_text = true`) or only their length.
fn words(s: &str, show: bool) -> String {
    if !show {
        return format!("[{} chars]", s.chars().count());
    }
    let cut: String = s.chars().take(WORDS_MAX).collect();
    if cut.len() < s.len() {
        format!("{cut}…")
    } else {
        cut
    }
}

fn dollars(cents: i64) -> String {
    format!("${}.{:02}", cents / 100, cents % 100)
}

/// The lines of one notice.
pub fn text(n: &Notice, show: bool) -> Text {
    let mut parts = vec![Part::Ours(n.title.clone())];
    let mut line = |label: &str, value: Part| {
        parts.push(Part::Ours(format!("\n{label}: ")));
        parts.push(value);
    };
    if let Some(r) = &n.reason {
        line("Why", Part::Theirs(r.clone()));
    }
    if let (Some(c), Some(r)) = (&n.category, &n.rule) {
        line("Rule", Part::Ours(format!("{r} ({c})")));
    }
    if let Some(w) = &n.fan_words {
        line("Fan wrote", Part::Theirs(words(w, show)));
    }
    if let Some(d) = &n.draft {
        line("Draft", Part::Theirs(words(d, show)));
    }
    for l in &n.summary {
        parts.push(Part::Ours(format!(
            "\n{}: {} replies, {} offers, {} purchases ({}), {} escalations, {} failed",
            l.creator,
            l.replies,
            l.offers,
            l.purchases,
            dollars(l.revenue_cents),
            l.escalations,
            l.failed
        )));
    }
    for c in &n.commands {
        parts.push(Part::Ours(format!("\n$ {c}")));
    }
    Text {
        subject: format!("[fanvue-agent] {}", n.title),
        parts,
    }
}

/// One notice as an outgoing message.
pub fn outgoing(key: &str, n: &Notice, show: bool) -> Outgoing {
    let text = text(n, show);
    let payload = payload(key, n, show, &plain(&text));
    Outgoing {
        id: key.to_string(),
        text,
        payload,
    }
}

/// The generic webhook's JSON of one notice: every field, fan words redacted as in the text.
fn payload(key: &str, n: &Notice, show: bool, text: &str) -> Value {
    json!({
        "id": key,
        "type": n.kind.as_str(),
        "created_at": crate::domain::time::rfc3339_ms(n.at_ms),
        "creator": n.creator,
        "fan": n.fan,
        "title": n.title,
        "reason": n.reason,
        "category": n.category,
        "rule": n.rule,
        "fan_words": n.fan_words.as_deref().map(|w| words(w, show)),
        "draft": n.draft.as_deref().map(|d| words(d, show)),
        "draft_id": n.draft_id,
        "commands": n.commands,
        "summary": n.summary,
        "text": text,
    })
}

/// Many notices as one message (the rate cap was reached): one line each, with the command that
/// acts on it, cut to `max_chars` with a pointer to the CLI for the rest.
pub fn digest(
    batch: i64,
    items: &[(String, Notice)],
    show: bool,
    cap: u32,
    max_chars: usize,
) -> Outgoing {
    let head = format!(
        "fanvue-agent: {} notifications in one digest (this channel gets at most {cap} messages a minute)",
        items.len()
    );
    let mut body = head.clone();
    let mut shown = 0;
    for (_, n) in items {
        let cmd = n
            .commands
            .first()
            .map(|c| format!(" · $ {c}"))
            .unwrap_or_default();
        let line = format!("\n• {}{cmd}", n.title);
        // Room is kept for the closing line.
        if body.chars().count() + line.chars().count() + 120 > max_chars {
            break;
        }
        body.push_str(&line);
        shown += 1;
    }
    if shown < items.len() {
        body.push_str(&format!(
            "\n… and {} more: $ fanvue-agent decisions --since 1h · $ fanvue-agent drafts · $ fanvue-agent marks",
            items.len() - shown
        ));
    }
    let id = format!("digest:{batch}");
    let notifications: Vec<Value> = items
        .iter()
        .map(|(k, n)| payload(k, n, show, &plain(&text(n, show))))
        .collect();
    Outgoing {
        id: id.clone(),
        payload: json!({
            "id": id,
            "type": "digest",
            "created_at": crate::domain::time::rfc3339_ms(crate::domain::time::now_ms()),
            "text": body,
            "notifications": notifications,
        }),
        text: Text {
            subject: format!("[fanvue-agent] {head}"),
            parts: vec![Part::Ours(body)],
        },
    }
}

/// Plain text (Telegram without parse_mode, email, the webhook's `text`): others' words made
/// visible, nothing else to interpret.
pub fn plain(t: &Text) -> String {
    t.parts
        .iter()
        .map(|p| match p {
            Part::Ours(s) => s.clone(),
            Part::Theirs(s) => visible(s),
        })
        .collect()
}

/// Slack's `text`: `&`, `<` and `>` escaped as Slack documents, so no `<!channel>`, `<@U…>` or
/// `<url|label>` in anyone's words is a control sequence.
pub fn slack(t: &Text) -> String {
    plain(t)
        .replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

/// Discord's `content`: others' words with Markdown and mention syntax escaped and `@` broken by
/// a zero-width space (the request's `allowed_mentions` pings no one either way).
pub fn discord(t: &Text) -> String {
    t.parts
        .iter()
        .map(|p| match p {
            Part::Ours(s) => s.clone(),
            Part::Theirs(s) => discord_escape(&visible(s)),
        })
        .collect()
}

fn discord_escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 8);
    for c in s.chars() {
        match c {
            '*' | '_' | '~' | '`' | '|' | '>' | '<' | '#' | '[' | ']' | '(' | ')' | ':' | '-' => {
                out.push('\\');
                out.push(c);
            }
            '@' => out.push_str("@\u{200b}"),
            c => out.push(c),
        }
    }
    out
}

/// `s` cut to `max` characters (platform limits: Discord 2,000, Telegram 4,096).
pub fn cut(s: String, max: usize) -> String {
    if s.chars().count() <= max {
        return s;
    }
    let mut t: String = s.chars().take(max.saturating_sub(1)).collect();
    t.push('…');
    t
}

/// What a notice's kind is called in a log line.
pub fn what(n: &Notice) -> &'static str {
    n.kind.as_str()
}

/// A short label of a notice for logs: kind, creator and fan prefix (no fan text).
pub fn label(n: &Notice) -> String {
    match (&n.creator, &n.fan) {
        (Some(c), Some(f)) => format!("{} {c}/{}", what(n), short_fan(f)),
        (Some(c), None) => format!("{} {c}", what(n)),
        _ => what(n).to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn hostile() -> Notice {
        Notice::escalation(
            "alice",
            "3f2a1b2c-0000-4000-8000-000000000001",
            "for a human: threat",
            None,
            Some("<!channel> @everyone **now** [x](http://evil) \u{1b}[2J\nforged".into()),
            false,
            0,
        )
    }

    #[test]
    fn fan_words_are_redacted_unless_message_text_is_on() {
        let shown = plain(&text(&hostile(), false));
        assert!(shown.contains("Fan wrote: [57 chars]"), "{shown}");
        assert!(!shown.contains("everyone"), "{shown}");
    }

    #[test]
    fn slack_gets_no_control_sequence_and_discord_no_mention_or_markdown() {
        let t = text(&hostile(), true);
        let s = slack(&t);
        assert!(
            !s.contains("<!channel>") && s.contains("&lt;!channel&gt;"),
            "{s}"
        );
        assert!(!s.contains('\u{1b}') && !s.contains("\nforged"), "{s}");
        let d = discord(&t);
        assert!(
            !d.contains("@everyone") && d.contains("@\u{200b}everyone"),
            "{d}"
        );
        assert!(
            d.contains("\\*\\*now\\*\\*") && d.contains("\\[x\\]\\(http\\:"),
            "{d}"
        );
        assert!(
            d.contains("$ fanvue-agent pause alice 3f2a1b2c-0000-4000-8000-000000000001"),
            "{d}"
        );
    }

    #[test]
    fn a_digest_fits_its_limit_and_points_at_the_cli_for_the_rest() {
        let items: Vec<(String, Notice)> = (0..200)
            .map(|i| (format!("escalation:{i}"), hostile()))
            .collect();
        let d = digest(1, &items, false, 5, 2000);
        let body = d.payload["text"].as_str().unwrap();
        assert!(body.chars().count() <= 2000, "{}", body.len());
        assert!(
            body.starts_with("fanvue-agent: 200 notifications in one digest"),
            "{body}"
        );
        assert!(
            body.contains("more: $ fanvue-agent decisions --since 1h"),
            "{body}"
        );
        assert_eq!(d.payload["notifications"].as_array().unwrap().len(), 200);
    }
}
