//! `fanvue-agent chats <creator>`: recent conversations, their last messages and decisions.

use super::{json_line, one_line, short};
use crate::store::{now_ms, Store, StoreError};
use std::io::Write;

/// Prints the `limit` most recent chats with their last `messages` messages.
pub async fn run(
    store: &Store,
    creator: &str,
    limit: i64,
    messages: i64,
    json: bool,
    out: &mut dyn Write,
) -> Result<usize, StoreError> {
    let chats = store.recent_chats(creator, limit).await?;
    for c in &chats {
        let history = store.history(creator, &c.fan, messages).await?;
        if json {
            let v = serde_json::json!({ "chat": c, "messages": history });
            let _ = writeln!(out, "{}", json_line(&v));
            continue;
        }
        let name = c
            .name
            .as_deref()
            .or(c.handle.as_deref())
            .map(one_line)
            .unwrap_or_else(|| "(no name)".into());
        let outcomes: Vec<String> = c
            .outcomes
            .iter()
            .map(|(o, n)| format!("{} {n}", one_line(o.as_str())))
            .collect();
        let marks: Vec<String> = store
            .active_marks(creator, &c.fan, now_ms())
            .await?
            .iter()
            .map(|m| match m.until {
                Some(_) => format!(" · MARKED {} (AI paused)", m.category.as_str()),
                None => format!(" · MARKED {} (AI off until cleared)", m.category.as_str()),
            })
            .collect();
        let paused = match c.paused_until {
            Some(u) if u == i64::MAX => " · PAUSED (resume to answer)".to_string(),
            Some(u) if u > now_ms() => format!(" · paused {} more min", (u - now_ms()) / 60_000),
            _ => String::new(),
        };
        let _ = writeln!(
            out,
            "fan {} {name} · {} messages · last {} · spent ${}.{:02} · {}{paused}{}",
            one_line(short(&c.fan)),
            c.messages,
            c.last_at
                .as_deref()
                .map(|t| one_line(t.get(..t.len().min(19)).unwrap_or(t)))
                .unwrap_or_else(|| "-".into()),
            c.spend_cents / 100,
            c.spend_cents % 100,
            if outcomes.is_empty() {
                "no decisions".to_string()
            } else {
                outcomes.join(", ")
            },
            marks.concat()
        );
        for m in &history {
            let who = if m.from_creator { "  you" } else { "  fan" };
            let text = m.text.as_deref().map(one_line).unwrap_or_else(|| {
                if m.has_media {
                    "(media)".into()
                } else {
                    "(no text)".into()
                }
            });
            let price = m
                .price_cents
                .map(|p| format!(" [PPV ${}.{:02}]", p / 100, p % 100))
                .unwrap_or_default();
            let _ = writeln!(out, "{who}: {text}{price}");
        }
        if let Some((o, r)) = &c.last_decision {
            let _ = writeln!(out, "  last decision: {o}: {}", one_line(r));
        }
        let _ = writeln!(out);
    }
    if chats.is_empty() && !json {
        let _ = writeln!(out, "no conversations stored for {creator} yet");
    }
    Ok(chats.len())
}
