//! Persona prompts: the creator's `persona.md` (minijinja), its version, and the conversation
//! trimmed oldest-first to fit the model's context.

use super::llm::{Role, Turn};
use crate::store::{chats::StoredMessage, facts::FanFacts};
use serde::Serialize;
use sha2::{Digest, Sha256};
use std::path::{Path, PathBuf};

#[derive(Debug, thiserror::Error)]
pub enum PromptError {
    #[error("no persona prompt: neither {tried} nor the default exists")]
    Missing { tried: String },
    #[error("cannot read {path}: {source}")]
    Read {
        path: String,
        source: std::io::Error,
    },
    #[error("persona {path} does not render: {message}")]
    Render { path: String, message: String },
}

/// A persona file as read from disk. Read on every job, so edits apply to the next reply.
#[derive(Clone, Debug)]
pub struct PersonaSource {
    pub path: PathBuf,
    pub text: String,
    /// First 12 hex digits of the file's sha256: recorded with each decision.
    pub version: String,
}

/// Reads `<prompts_dir>/<persona>/persona.md`, falling back to `<prompts_dir>/default/persona.md`.
pub fn load_persona(prompts_dir: &Path, persona: &str) -> Result<PersonaSource, PromptError> {
    let own = prompts_dir.join(persona).join("persona.md");
    let default = prompts_dir.join("default").join("persona.md");
    let path = if own.is_file() {
        own
    } else if default.is_file() {
        default
    } else {
        return Err(PromptError::Missing {
            tried: own.display().to_string(),
        });
    };
    let text = std::fs::read_to_string(&path).map_err(|source| PromptError::Read {
        path: path.display().to_string(),
        source,
    })?;
    let version = hex::encode(Sha256::digest(text.as_bytes()))[..12].to_string();
    Ok(PersonaSource {
        path,
        text,
        version,
    })
}

/// The variables a persona template can use.
#[derive(Clone, Debug, Serialize)]
pub struct PromptVars {
    pub creator: CreatorVars,
    pub fan: FanVars,
}

#[derive(Clone, Debug, Serialize)]
pub struct CreatorVars {
    pub handle: String,
    pub display_name: String,
}

#[derive(Clone, Debug, Serialize)]
pub struct FanVars {
    pub name: String,
    pub handle: Option<String>,
    pub subscribed: bool,
    pub spend_cents: i64,
    pub purchases: i64,
    pub tips: i64,
}

impl FanVars {
    pub fn new(name: String, handle: Option<String>, f: &FanFacts) -> FanVars {
        FanVars {
            name,
            handle,
            subscribed: f.subscribed.unwrap_or(false),
            spend_cents: f.spend_cents,
            purchases: f.purchases,
            tips: f.tips,
        }
    }
}

/// Renders a template string with strict undefined variables, so a typo in a prompt is an error
/// with the file's name rather than a silently empty value.
pub fn render(path: &str, template: &str, vars: &impl Serialize) -> Result<String, PromptError> {
    let mut env = minijinja::Environment::new();
    env.set_undefined_behavior(minijinja::UndefinedBehavior::Strict);
    env.render_str(
        template,
        minijinja::Value::from(minijinja::value::Serde(vars)),
    )
    .map(|s| s.trim().to_string())
    .map_err(|e| PromptError::Render {
        path: path.to_string(),
        message: e.to_string(),
    })
}

/// A rough token count (about four characters per token) used only to trim history.
pub fn estimate_tokens(s: &str) -> u32 {
    (s.chars().count() as u32).div_ceil(4) + 4
}

/// How a message reads in the prompt (media and paid messages become short notes).
fn line(m: &StoredMessage) -> String {
    let text = m.text.as_deref().map(str::trim).unwrap_or("");
    let mut s = text.to_string();
    if m.has_media || !m.media_uuids.is_empty() {
        let note = match m.price_cents {
            Some(p) => format!("[sent paid media for ${}.{:02}]", p / 100, p % 100),
            None => "[sent media]".to_string(),
        };
        s = if s.is_empty() {
            note
        } else {
            format!("{s} {note}")
        };
    }
    s
}

/// System prompt plus the conversation, trimmed oldest-first so the whole prompt and the answer
/// (`reserve` tokens) fit in `context_tokens`. The newest message is always kept. Consecutive
/// messages of one side are joined into one turn.
pub fn conversation(
    system: &str,
    history: &[StoredMessage],
    context_tokens: u32,
    reserve: u32,
) -> Vec<Turn> {
    let mut turns: Vec<Turn> = Vec::new();
    for m in history {
        let content = line(m);
        if content.is_empty() {
            continue;
        }
        let role = if m.from_creator {
            Role::Assistant
        } else {
            Role::User
        };
        match turns.last_mut() {
            Some(t) if t.role == role => {
                t.content.push('\n');
                t.content.push_str(&content);
            }
            _ => turns.push(Turn { role, content }),
        }
    }
    let budget = context_tokens.saturating_sub(reserve);
    let mut used = estimate_tokens(system);
    let mut keep = 0;
    for t in turns.iter().rev() {
        let cost = estimate_tokens(&t.content);
        if keep > 0 && used + cost > budget {
            break;
        }
        used += cost;
        keep += 1;
    }
    let mut out = vec![Turn {
        role: Role::System,
        content: system.to_string(),
    }];
    let mut kept: Vec<Turn> = turns.split_off(turns.len() - keep);
    // A chat model expects the conversation to open with the user: drop a leading creator turn.
    if kept.first().is_some_and(|t| t.role == Role::Assistant) && kept.len() > 1 {
        kept.remove(0);
    }
    out.extend(kept);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn m(from_creator: bool, text: &str) -> StoredMessage {
        StoredMessage {
            uuid: text.into(),
            fan_uuid: "f".into(),
            from_creator,
            text: Some(text.into()),
            msg_type: None,
            sent_at: None,
            has_media: false,
            media_uuids: vec![],
            price_cents: None,
        }
    }

    #[test]
    fn history_is_trimmed_oldest_first_and_keeps_the_newest_message() {
        let long = "x".repeat(400); // ~104 tokens each
        let h: Vec<_> = (0..10)
            .map(|i| m(i % 2 == 1, &format!("{i}{long}")))
            .collect();
        let turns = conversation("sys", &h, 600, 160);
        assert_eq!(turns[0].role, Role::System);
        let total: u32 = turns.iter().map(|t| estimate_tokens(&t.content)).sum();
        assert!(total <= 600 - 160, "{total}");
        assert!(turns.last().unwrap().content.starts_with('9'));
        assert!(turns.len() < 11 && turns.len() > 2);
        assert_eq!(turns[1].role, Role::User, "opens with the fan");
        // A tiny budget still keeps the newest message.
        let turns = conversation("sys", &h, 10, 5);
        assert_eq!(turns.len(), 2);
    }

    #[test]
    fn consecutive_fan_messages_become_one_turn_and_media_is_described() {
        let mut paid = m(true, "");
        paid.has_media = true;
        paid.price_cents = Some(1250);
        let turns = conversation(
            "s",
            &[m(false, "hi"), m(false, "you there?"), paid],
            2000,
            100,
        );
        assert_eq!(turns[1].content, "hi\nyou there?");
        assert_eq!(turns[2].content, "[sent paid media for $12.50]");
    }

    #[test]
    fn a_typo_in_a_persona_is_an_error_naming_the_file() {
        let vars = serde_json::json!({"creator": {"display_name": "Ana"}});
        assert_eq!(
            render("p.md", "Hi {{ creator.display_name }}", &vars).unwrap(),
            "Hi Ana"
        );
        let err = render("p.md", "Hi {{ creator.nmae }}", &vars).unwrap_err();
        assert!(err.to_string().contains("p.md"), "{err}");
    }

    #[test]
    fn a_creator_folder_overrides_the_default_persona() {
        let d = tempfile::tempdir().unwrap();
        std::fs::create_dir_all(d.path().join("default")).unwrap();
        std::fs::create_dir_all(d.path().join("ana")).unwrap();
        std::fs::write(d.path().join("default/persona.md"), "default").unwrap();
        std::fs::write(d.path().join("ana/persona.md"), "ana's").unwrap();
        assert_eq!(load_persona(d.path(), "ana").unwrap().text, "ana's");
        let other = load_persona(d.path(), "bob").unwrap();
        assert_eq!(other.text, "default");
        assert_eq!(other.version.len(), 12);
        assert!(load_persona(&d.path().join("nope"), "ana").is_err());
    }
}
