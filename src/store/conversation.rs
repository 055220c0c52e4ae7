//! A chat read as a story: its messages and our decisions in time order (why each event was
//! answered, skipped or escalated, with the guardrail verdicts, the offer, the prompt version, the
//! model, tokens and latency), the persona prompt versions by hash, and the search over chats by
//! fan name, handle or what was written (SQLite FTS5 over `messages`; names with LIKE over the
//! small `chats` table).

use super::{chats::StoredMessage, codec::JsonText, now_ms, Store, StoreError};
use crate::domain::{time::parse_ms, Outcome};
use serde::Serialize;

/// One decision of a chat with everything that explains it.
#[derive(Clone, Debug, PartialEq, Serialize, sqlx::FromRow)]
pub struct ChatDecision {
    pub id: i64,
    pub decided_at: i64,
    /// The event's kind (`message_received`, `tip`, `follow_up`...).
    pub kind: String,
    /// The fan message it decided, for a message event.
    pub message_uuid: Option<String>,
    pub outcome: Outcome,
    pub reason: String,
    pub model: Option<String>,
    pub prompt_version: Option<String>,
    pub prompt_tokens: Option<i64>,
    pub completion_tokens: Option<i64>,
    pub llm_ms: Option<i64>,
    pub e2e_ms: Option<i64>,
    /// The guardrail verdicts (`input`, `draft`) and the judge's, as recorded.
    #[sqlx(try_from = "JsonText")]
    pub guardrails: Option<serde_json::Value>,
    /// What was queued or drafted for the fan.
    pub reply: Option<String>,
    /// The offer's price on that reply.
    pub price_cents: Option<i64>,
    /// The outbox state, or `draft:<state>`.
    pub send_state: Option<String>,
    pub draft_id: Option<i64>,
}

/// One line of a chat's story.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum ChatEntry {
    Message {
        /// When it was sent (unix ms), if known.
        at: Option<i64>,
        #[serde(flatten)]
        message: StoredMessage,
    },
    Decision {
        at: i64,
        #[serde(flatten)]
        decision: ChatDecision,
    },
}

impl ChatEntry {
    /// Where it goes in time (a message without a time sorts first).
    pub fn at(&self) -> i64 {
        match self {
            ChatEntry::Message { at, .. } => at.unwrap_or(0),
            ChatEntry::Decision { at, .. } => *at,
        }
    }
}

/// A chat found by [`Store::search_chats`] or listed by [`Store::chat_list`].
#[derive(Clone, Debug, PartialEq, Eq, Serialize, sqlx::FromRow)]
pub struct ChatHit {
    pub creator: String,
    pub fan: String,
    pub display_name: Option<String>,
    pub handle: Option<String>,
    pub nickname: Option<String>,
    /// Around the matching words of the best matching message (none for a match on the name).
    pub snippet: Option<String>,
    /// When the newest message was sent, as Fanvue writes it.
    pub last_at: Option<String>,
}

/// The files of one persona prompt version.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct PromptVersion {
    pub version: String,
    pub persona: String,
    /// `(file name, text)` in prompt order.
    pub files: Vec<(String, String)>,
    pub first_used_at: i64,
}

/// A prompt version with how many decisions used it (see [`Store::prompt_versions`]).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, sqlx::FromRow)]
pub struct PromptUse {
    pub version: String,
    pub persona: String,
    pub first_used_at: i64,
    pub decisions: i64,
    pub last_used_at: Option<i64>,
}

impl Store {
    /// The chat's newest `limit` messages and the decisions made meanwhile, oldest first.
    pub async fn conversation(
        &self,
        creator: &str,
        fan: &str,
        limit: i64,
    ) -> Result<Vec<ChatEntry>, StoreError> {
        let fan = fan.to_ascii_lowercase();
        let messages = self.history(creator, &fan, limit).await?;
        let since = messages
            .first()
            .and_then(|m| m.sent_at.as_deref().and_then(parse_ms))
            .unwrap_or(0);
        let decisions = self.chat_decisions(creator, &fan, since).await?;
        let mut entries: Vec<ChatEntry> = messages
            .into_iter()
            .map(|m| ChatEntry::Message {
                at: m.sent_at.as_deref().and_then(parse_ms),
                message: m,
            })
            .chain(decisions.into_iter().map(|d| ChatEntry::Decision {
                at: d.decided_at,
                decision: d,
            }))
            .collect();
        // Stable: a decision made in the same millisecond as a message stays after it.
        entries.sort_by_key(ChatEntry::at);
        Ok(entries)
    }

    /// The chat's decisions made at or after `since_ms`, oldest first.
    pub async fn chat_decisions(
        &self,
        creator: &str,
        fan: &str,
        since_ms: i64,
    ) -> Result<Vec<ChatDecision>, StoreError> {
        Ok(sqlx::query_as(
            "SELECT d.id, d.decided_at, i.kind, i.message_uuid, d.outcome, d.reason, d.model, d.prompt_version,
                    d.prompt_tokens, d.completion_tokens, d.llm_ms, d.e2e_ms, d.guardrails, d.draft_id,
                    coalesce(o.text, json_extract(dr.plan, '$.text')) AS reply,
                    coalesce(o.price_cents, json_extract(dr.plan, '$.price_cents')) AS price_cents,
                    coalesce(o.state, 'draft:' || dr.state) AS send_state
             FROM decisions d
             JOIN inbox i ON i.id = d.inbox_id
             LEFT JOIN outbox o ON o.id = d.outbox_id
             LEFT JOIN drafts dr ON dr.id = d.draft_id
             WHERE d.creator_handle = ? AND d.fan_uuid = ? AND d.decided_at >= ?
             ORDER BY d.id",
        )
        .bind(creator)
        .bind(fan.to_ascii_lowercase())
        .bind(since_ms)
        .fetch_all(self.reader())
        .await?)
    }

    /// Chats (of `creator`, or of every creator) whose fan's name, nickname or handle contains
    /// `query`, then those whose messages contain its words (each word, or a word starting with
    /// it), best match first, one hit per chat.
    pub async fn search_chats(
        &self,
        creator: Option<&str>,
        query: &str,
        limit: i64,
    ) -> Result<Vec<ChatHit>, StoreError> {
        let Some(words) = fts_query(query) else {
            return Ok(vec![]);
        };
        Ok(sqlx::query_as(
            "WITH hits AS (
                SELECT m.creator_handle, m.fan_uuid, snippet(messages_fts, 0, '', '', '…', 12) AS snippet,
                       messages_fts.rank AS rank
                FROM messages_fts JOIN messages m ON m.rowid = messages_fts.rowid
                WHERE messages_fts MATCH ?2 AND (?1 IS NULL OR m.creator_handle = ?1)
                UNION ALL
                SELECT creator_handle, fan_uuid, NULL, -1e300 FROM chats
                WHERE (?1 IS NULL OR creator_handle = ?1)
                  AND (display_name LIKE ?3 ESCAPE '\\' OR nickname LIKE ?3 ESCAPE '\\'
                       OR fan_handle LIKE ?3 ESCAPE '\\')
             ), best AS (
                SELECT creator_handle, fan_uuid, snippet, min(rank) AS rank FROM hits
                GROUP BY creator_handle, fan_uuid
             )
             SELECT b.creator_handle AS creator, b.fan_uuid AS fan, c.display_name, c.fan_handle AS handle,
                    c.nickname, b.snippet,
                    (SELECT max(sent_at) FROM messages x
                     WHERE x.creator_handle = b.creator_handle AND x.fan_uuid = b.fan_uuid) AS last_at
             FROM best b
             LEFT JOIN chats c ON c.creator_handle = b.creator_handle AND c.fan_uuid = b.fan_uuid
             ORDER BY b.rank, b.creator_handle, b.fan_uuid LIMIT ?4",
        )
        .bind(creator)
        .bind(words)
        .bind(format!("%{}%", like_escape(query.trim())))
        .bind(limit)
        .fetch_all(self.reader())
        .await?)
    }

    /// The chats (of `creator`, or of every creator) with the newest messages first.
    pub async fn chat_list(
        &self,
        creator: Option<&str>,
        limit: i64,
    ) -> Result<Vec<ChatHit>, StoreError> {
        Ok(sqlx::query_as(
            "SELECT m.creator_handle AS creator, m.fan_uuid AS fan, c.display_name, c.fan_handle AS handle,
                    c.nickname, NULL AS snippet, max(m.sent_at) AS last_at
             FROM messages m
             LEFT JOIN chats c ON c.creator_handle = m.creator_handle AND c.fan_uuid = m.fan_uuid
             WHERE ?1 IS NULL OR m.creator_handle = ?1
             GROUP BY m.creator_handle, m.fan_uuid ORDER BY max(m.sent_at) DESC LIMIT ?2",
        )
        .bind(creator)
        .bind(limit)
        .fetch_all(self.reader())
        .await?)
    }

    /// Keeps the files of a persona prompt version (once per version).
    pub async fn save_prompt_version(
        &self,
        version: &str,
        persona: &str,
        files: &[(String, String)],
    ) -> Result<(), StoreError> {
        let json = serde_json::to_string(files).unwrap_or_else(|_| "[]".into());
        sqlx::query(
            "INSERT INTO prompt_versions (version, persona, files, first_used_at) VALUES (?, ?, ?, ?)
             ON CONFLICT(version) DO NOTHING",
        )
        .bind(version)
        .bind(persona)
        .bind(json)
        .bind(now_ms())
        .execute(self.writer())
        .await?;
        Ok(())
    }

    /// The files of a prompt version, if it was kept.
    pub async fn prompt_version(&self, version: &str) -> Result<Option<PromptVersion>, StoreError> {
        let row: Option<(String, String, String, i64)> = sqlx::query_as(
            "SELECT version, persona, files, first_used_at FROM prompt_versions WHERE version = ?",
        )
        .bind(version)
        .fetch_optional(self.reader())
        .await?;
        Ok(
            row.map(|(version, persona, files, first_used_at)| PromptVersion {
                version,
                persona,
                files: serde_json::from_str(&files).unwrap_or_default(),
                first_used_at,
            }),
        )
    }

    /// The creators whose decisions used prompt version `version` (who may read its text).
    pub async fn prompt_version_creators(&self, version: &str) -> Result<Vec<String>, StoreError> {
        Ok(sqlx::query_scalar(
            "SELECT DISTINCT creator_handle FROM decisions
             WHERE prompt_version = ? AND creator_handle IS NOT NULL ORDER BY 1",
        )
        .bind(version)
        .fetch_all(self.reader())
        .await?)
    }

    /// The kept versions of `persona`'s prompt, newest first, with how many of `creator`'s
    /// decisions used each.
    pub async fn prompt_versions(
        &self,
        creator: &str,
        persona: &str,
    ) -> Result<Vec<PromptUse>, StoreError> {
        Ok(sqlx::query_as(
            "SELECT p.version, p.persona, p.first_used_at, count(d.id) AS decisions,
                    max(d.decided_at) AS last_used_at
             FROM prompt_versions p
             LEFT JOIN decisions d ON d.prompt_version = p.version AND d.creator_handle = ?
             WHERE p.persona = ?
             GROUP BY p.version ORDER BY p.first_used_at DESC, p.version",
        )
        .bind(creator)
        .bind(persona)
        .fetch_all(self.reader())
        .await?)
    }
}

/// An FTS5 query matching every word of `q` (each also as the start of a longer word), each
/// quoted so nothing a user types is query syntax; `None` when `q` has no word.
pub fn fts_query(q: &str) -> Option<String> {
    let words: Vec<String> = q
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .take(8)
        .map(|w| format!("\"{w}\"*"))
        .collect();
    (!words.is_empty()).then(|| words.join(" "))
}

/// `s` with LIKE's wildcards escaped (`\` is the escape character).
fn like_escape(s: &str) -> String {
    s.replace('\\', "\\\\")
        .replace('%', "\\%")
        .replace('_', "\\_")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::{chats::ChatInfo, test_store};

    fn said(uuid: &str, fan: &str, text: &str, at: &str) -> StoredMessage {
        StoredMessage {
            uuid: uuid.into(),
            fan_uuid: fan.into(),
            from_creator: false,
            text: Some(text.into()),
            msg_type: None,
            sent_at: Some(at.into()),
            has_media: false,
            media_uuids: vec![],
            price_cents: None,
        }
    }

    #[test]
    fn a_search_query_quotes_every_word_so_nothing_typed_is_fts_syntax() {
        assert_eq!(
            fts_query("hiking \"OR\" NEAR(x"),
            Some("\"hiking\"* \"OR\"* \"NEAR\"* \"x\"*".into())
        );
        assert_eq!(fts_query("  ?! "), None);
        assert_eq!(like_escape("50%_off\\"), "50\\%\\_off\\\\");
    }

    #[tokio::test]
    async fn chats_are_found_by_the_fans_name_handle_or_words_and_only_the_creators_own() {
        let (store, _dir) = test_store().await;
        let a = said(
            "m1",
            "f1",
            "I went hiking in the Alps",
            "2024-01-01T00:00:00Z",
        );
        let b = said("m2", "f2", "Do you like jazz?", "2024-01-01T00:01:00Z");
        store.insert_message("mia", &a, "test").await.unwrap();
        store.insert_message("mia", &b, "test").await.unwrap();
        let other = said("m3", "f3", "hiking is life", "2024-01-01T00:02:00Z");
        store.insert_message("zoe", &other, "test").await.unwrap();
        let info = ChatInfo {
            fan_uuid: "f2".into(),
            fan_handle: Some("jazzcat_99".into()),
            display_name: Some("Róisín Dubh".into()),
            ..Default::default()
        };
        store.upsert_chat("mia", &info).await.unwrap();

        let hike = store.search_chats(Some("mia"), "hik", 10).await.unwrap();
        assert_eq!(hike.len(), 1, "{hike:?}");
        assert_eq!(hike[0].fan, "f1");
        assert!(hike[0].snippet.as_deref().unwrap().contains("hiking"));
        let all = store.search_chats(None, "hiking", 10).await.unwrap();
        assert_eq!(all.len(), 2, "every creator's chats for an operator");
        let by_handle = store
            .search_chats(Some("mia"), "jazzcat", 10)
            .await
            .unwrap();
        assert_eq!(by_handle[0].fan, "f2");
        assert_eq!(by_handle[0].snippet, None, "a match on the name");
        let by_name = store.search_chats(Some("mia"), "róisín", 10).await.unwrap();
        assert_eq!(by_name.len(), 1);
        assert!(store
            .search_chats(Some("mia"), "%", 10)
            .await
            .unwrap()
            .is_empty());
        assert!(store
            .search_chats(Some("zoe"), "jazz", 10)
            .await
            .unwrap()
            .is_empty());
    }

    #[tokio::test]
    async fn a_chat_reads_as_its_messages_and_decisions_in_time_order_with_what_explains_them() {
        use crate::domain::{DecisionInfo, EventKind, Outcome};
        use crate::store::testing::{accept_new, fan_message};
        let (store, _dir) = test_store().await;
        store.ensure_creator("c").await.unwrap();
        let mut first = fan_message("k1", "f1", "hi there");
        if let EventKind::MessageReceived(m) = &mut first.kind {
            m.created_at = Some("2024-01-01T00:00:00Z".into());
        }
        let id = accept_new(&store, &first).await;
        let info = DecisionInfo {
            reason: "the fan is marked minor".into(),
            model: Some("m1".into()),
            prompt_version: Some("abc123".into()),
            prompt_tokens: Some(120),
            completion_tokens: Some(9),
            llm_ms: Some(340),
            guardrails: Some(serde_json::json!({"input": [{"rule": "minor"}]})),
            ..Default::default()
        };
        store
            .decide("c", "f1", &[id], Outcome::Escalated, &info)
            .await
            .unwrap();
        let story = store.conversation("c", "F1", 50).await.unwrap();
        assert_eq!(story.len(), 2, "{story:?}");
        let ChatEntry::Message { message, at } = &story[0] else {
            panic!("the message comes first: {story:?}");
        };
        assert_eq!(message.text.as_deref(), Some("hi there"));
        assert_eq!(*at, parse_ms("2024-01-01T00:00:00Z"));
        let ChatEntry::Decision { decision: d, .. } = &story[1] else {
            panic!("then the decision: {story:?}");
        };
        assert_eq!(
            (d.outcome, d.reason.as_str()),
            (Outcome::Escalated, "the fan is marked minor")
        );
        assert_eq!(d.message_uuid.as_deref(), Some("m-k1"));
        assert_eq!(
            (d.model.as_deref(), d.prompt_version.as_deref()),
            (Some("m1"), Some("abc123"))
        );
        assert_eq!(
            (d.prompt_tokens, d.completion_tokens, d.llm_ms),
            (Some(120), Some(9), Some(340))
        );
        assert_eq!(d.guardrails.as_ref().unwrap()["input"][0]["rule"], "minor");
        assert!(store.conversation("c", "f2", 50).await.unwrap().is_empty());
    }

    #[tokio::test]
    async fn a_prompt_version_is_kept_once_with_its_files() {
        let (store, _dir) = test_store().await;
        let files = vec![("persona.md".to_string(), "You are {{ x }}".to_string())];
        store
            .save_prompt_version("abc", "mia", &files)
            .await
            .unwrap();
        let other = vec![("persona.md".to_string(), "changed".to_string())];
        store
            .save_prompt_version("abc", "mia", &other)
            .await
            .unwrap();
        let v = store.prompt_version("abc").await.unwrap().unwrap();
        assert_eq!(v.files, files, "the first text of a version is kept");
        assert_eq!(store.prompt_version("nope").await.unwrap(), None);
        let uses = store.prompt_versions("mia", "mia").await.unwrap();
        assert_eq!((uses.len(), uses[0].decisions), (1, 0));
    }
}
