//! `fanvue-agent chats <creator>`: recent conversations, their last messages and decisions;
//! `fanvue-agent reply <creator> <fan> <text>`: a reply by hand as the creator.

use super::{args::ChatsArgs, json_line, one_line, short};
use crate::{
    app::Parts,
    domain::marks::SafetyMark,
    store::{chats::ChatSummary, chats::StoredMessage, now_ms, Store, StoreError},
};
use std::{io::Write, process::ExitCode};

/// `chats <creator>` on stdout; exit code 2 when the creator is neither configured nor stored.
pub async fn command(parts: &Parts, args: &ChatsArgs) -> Result<ExitCode, StoreError> {
    let creator = args.creator.as_str();
    if !parts.cfg.creators.contains_key(creator) && parts.store.creator(creator).await?.is_none() {
        eprintln!("`{creator}` is not a configured creator");
        return Ok(ExitCode::from(2));
    }
    let out = &mut std::io::stdout();
    run(
        &parts.store,
        creator,
        args.limit,
        args.messages,
        args.json,
        out,
    )
    .await?;
    Ok(ExitCode::SUCCESS)
}

/// `reply <creator> <fan> <text>`: exit code 2 for an unknown creator or chat, 1 when the text
/// is refused (nothing is queued then).
pub async fn reply_command(
    parts: &Parts,
    creator: &str,
    fan: &str,
    text: &str,
) -> Result<ExitCode, StoreError> {
    use crate::agent::by_hand::{reply_by_hand, ByHandError};
    let fan = fan.trim().to_ascii_lowercase();
    if !parts.cfg.creators.contains_key(creator) {
        eprintln!("`{}` is not a configured creator", one_line(creator));
        return Ok(ExitCode::from(2));
    }
    if !parts.store.fan_known(creator, &fan).await? {
        eprintln!("{creator} has no chat with fan `{}`", one_line(&fan));
        return Ok(ExitCode::from(2));
    }
    let by = format!("cli:{}", super::operator());
    match reply_by_hand(&parts.store, &parts.cfg, creator, &fan, text, &by).await {
        Ok(outbox) => {
            println!("queued as outbox {outbox}: the daemon sends it within seconds; the AI stands back from this chat (`fanvue-agent resume {creator} {fan}` brings it back)");
            Ok(ExitCode::SUCCESS)
        }
        Err(ByHandError::Store(e)) => Err(e),
        Err(e) => {
            eprintln!("error: {e}");
            Ok(ExitCode::FAILURE)
        }
    }
}

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
        let marks = store.active_marks(creator, &c.fan, now_ms()).await?;
        let _ = writeln!(out, "{}", summary(c, &marks));
        for m in &history {
            let _ = writeln!(out, "{}", message(m));
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

/// A chat's first line: the fan, how many messages, the last one's time, what they spent, the
/// decisions taken, and whether the AI is paused or marked away from them.
fn summary(c: &ChatSummary, marks: &[SafetyMark]) -> String {
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
    let marks: String = marks
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
    format!(
        "fan {} {name} · {} messages · last {} · spent ${}.{:02} · {}{paused}{marks}",
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
    )
}

/// One message of the chat: who wrote it, its text (escaped, one line) and any PPV price.
fn message(m: &StoredMessage) -> String {
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
    format!("{who}: {text}{price}")
}
