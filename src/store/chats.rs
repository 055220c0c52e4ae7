//! The local copy of chats and messages, filled from webhooks, polling, API reads and our own
//! sends, with when each chat's history was last read from Fanvue and the names fans go by.

use super::codec::{media_json, JsonText};
use super::{now_secs, Store, StoreError};
use crate::domain::Outcome;
use serde::Serialize;
use sqlx::{Executor, Sqlite};

/// [`Store::insert_message`] on any connection or transaction.
pub(crate) async fn insert_message_with<'e, E: Executor<'e, Database = Sqlite>>(
    exec: E,
    creator: &str,
    m: &StoredMessage,
    source: &str,
) -> Result<bool, StoreError> {
    Ok(insert_messages(exec, &[(creator, m.clone())], source).await? == 1)
}

/// Stores messages (of any chats) in one statement; a known message only gains the fields it lacked.
/// Returns how many rows were added or completed.
pub(crate) async fn insert_messages<'e, E: Executor<'e, Database = Sqlite>>(
    exec: E,
    messages: &[(&str, StoredMessage)],
    source: &str,
) -> Result<u64, StoreError> {
    if messages.is_empty() {
        return Ok(0);
    }
    let now = now_secs();
    let mut q = sqlx::QueryBuilder::<Sqlite>::new(
        "INSERT INTO messages (creator_handle, fan_uuid, uuid, from_creator, text, type, sent_at, has_media,
                               media_uuids, price_cents, source, inserted_at) ",
    );
    q.push_values(messages, |mut row, (creator, m)| {
        row.push_bind(creator.to_string())
            .push_bind(m.fan_uuid.to_ascii_lowercase())
            .push_bind(m.uuid.to_ascii_lowercase())
            .push_bind(m.from_creator)
            .push_bind(m.text.clone())
            .push_bind(m.msg_type.clone())
            .push_bind(m.sent_at.clone())
            .push_bind(m.has_media)
            .push_bind(media_json(&m.media_uuids))
            .push_bind(m.price_cents)
            .push_bind(source.to_string())
            .push_bind(now);
    });
    q.push(
        " ON CONFLICT(creator_handle, uuid) DO UPDATE SET
            text = coalesce(messages.text, excluded.text), type = coalesce(messages.type, excluded.type),
            sent_at = coalesce(messages.sent_at, excluded.sent_at)
         WHERE messages.text IS NULL OR messages.type IS NULL OR messages.sent_at IS NULL",
    );
    Ok(q.build().execute(exec).await?.rows_affected())
}

/// One stored chat message.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, sqlx::FromRow)]
pub struct StoredMessage {
    pub uuid: String,
    pub fan_uuid: String,
    pub from_creator: bool,
    pub text: Option<String>,
    #[sqlx(rename = "type")]
    pub msg_type: Option<String>,
    pub sent_at: Option<String>,
    pub has_media: bool,
    #[sqlx(try_from = "JsonText")]
    pub media_uuids: Vec<String>,
    pub price_cents: Option<i64>,
}

/// The texts of our (the creator's) last `n` messages in `history` (oldest first), newest first:
/// what a draft is checked against so it does not repeat one.
pub fn our_recent_texts(history: &[StoredMessage], n: usize) -> Vec<String> {
    history
        .iter()
        .rev()
        .filter(|m| m.from_creator)
        .filter_map(|m| m.text.clone())
        .take(n)
        .collect()
}

/// One chat in `fanvue-agent chats`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, sqlx::FromRow)]
pub struct ChatSummary {
    pub fan: String,
    pub name: Option<String>,
    pub handle: Option<String>,
    pub messages: i64,
    pub last_at: Option<String>,
    pub paused_until: Option<i64>,
    pub spend_cents: i64,
    /// Decisions in this chat by outcome, most frequent first.
    #[sqlx(skip)]
    pub outcomes: Vec<(Outcome, i64)>,
    /// The newest decision's outcome and reason.
    #[sqlx(skip)]
    pub last_decision: Option<(Outcome, String)>,
}

/// Chat-level facts about a fan, as the chat list reports them.
#[derive(Clone, Debug, Default, PartialEq, Eq, sqlx::FromRow)]
pub struct ChatInfo {
    pub fan_uuid: String,
    pub fan_handle: Option<String>,
    pub display_name: Option<String>,
    pub nickname: Option<String>,
    pub is_top_spender: Option<bool>,
    pub last_message_at: Option<String>,
    pub unread_count: Option<i64>,
}

impl Store {
    pub async fn upsert_chat(&self, creator: &str, c: &ChatInfo) -> Result<(), StoreError> {
        sqlx::query(
            "INSERT INTO chats (creator_handle, fan_uuid, fan_handle, display_name, nickname, is_top_spender,
                                last_message_at, unread_count, updated_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)
             ON CONFLICT(creator_handle, fan_uuid) DO UPDATE SET
                fan_handle = coalesce(?3, fan_handle), display_name = coalesce(?4, display_name),
                nickname = coalesce(?5, nickname), is_top_spender = coalesce(?6, is_top_spender),
                last_message_at = coalesce(?7, last_message_at), unread_count = coalesce(?8, unread_count),
                updated_at = ?9",
        )
        .bind(creator)
        .bind(c.fan_uuid.to_ascii_lowercase())
        .bind(&c.fan_handle)
        .bind(&c.display_name)
        .bind(&c.nickname)
        .bind(c.is_top_spender)
        .bind(&c.last_message_at)
        .bind(c.unread_count)
        .bind(now_secs())
        .execute(self.writer())
        .await?;
        Ok(())
    }

    pub async fn chat(&self, creator: &str, fan: &str) -> Result<Option<ChatInfo>, StoreError> {
        Ok(sqlx::query_as(
            "SELECT fan_uuid, fan_handle, display_name, nickname, is_top_spender, last_message_at, unread_count
             FROM chats WHERE creator_handle = ? AND fan_uuid = ?",
        )
        .bind(creator)
        .bind(fan.to_ascii_lowercase())
        .fetch_optional(self.reader())
        .await?)
    }

    /// Stores a message once; a second copy (from another source) only fills in what the first
    /// lacked (an envelope webhook carries no text). Returns true when a row was added or completed.
    pub async fn insert_message(
        &self,
        creator: &str,
        m: &StoredMessage,
        source: &str,
    ) -> Result<bool, StoreError> {
        insert_message_with(self.writer(), creator, m, source).await
    }

    /// A page of a chat's messages read from Fanvue by a request sent at `read_at_ms`, stored in
    /// one statement; the chat's history then counts as read up to that moment.
    pub async fn keep_history(
        &self,
        creator: &str,
        fan: &str,
        page: &[StoredMessage],
        source: &str,
        read_at_ms: i64,
    ) -> Result<(), StoreError> {
        let msgs: Vec<(&str, StoredMessage)> = page.iter().map(|m| (creator, m.clone())).collect();
        insert_messages(self.writer(), &msgs, source).await?;
        self.mark_history_synced(creator, fan, read_at_ms).await
    }

    /// The last `limit` messages of a chat, oldest first (the order a conversation is read in;
    /// messages of the same time in the order they were stored, which is the order written).
    pub async fn history(
        &self,
        creator: &str,
        fan: &str,
        limit: i64,
    ) -> Result<Vec<StoredMessage>, StoreError> {
        let mut rows: Vec<StoredMessage> = sqlx::query_as(
            "SELECT uuid, fan_uuid, from_creator, text, type, sent_at, has_media, media_uuids, price_cents
             FROM messages WHERE creator_handle = ? AND fan_uuid = ?
             ORDER BY sent_at DESC, inserted_at DESC, rowid DESC LIMIT ?",
        )
        .bind(creator)
        .bind(fan.to_ascii_lowercase())
        .bind(limit)
        .fetch_all(self.reader())
        .await?;
        rows.reverse();
        Ok(rows)
    }

    /// Handles and display names of the creator's other fans (a reply must never name them).
    pub async fn other_fans(&self, creator: &str, fan: &str) -> Result<Vec<String>, StoreError> {
        let rows: Vec<(Option<String>, Option<String>)> = sqlx::query_as(
            "SELECT fan_handle, display_name FROM chats WHERE creator_handle = ? AND fan_uuid != ?
             ORDER BY updated_at DESC LIMIT 500",
        )
        .bind(creator)
        .bind(fan)
        .fetch_all(self.reader())
        .await?;
        Ok(rows
            .into_iter()
            .flat_map(|(h, d)| [h, d])
            .flatten()
            .filter(|s| s.chars().count() >= 4)
            .collect())
    }

    /// Records that the chat's history was read from the API by a request sent at `at_ms` (the
    /// newest read wins: a slow read never moves the mark back).
    pub async fn mark_history_synced(
        &self,
        creator: &str,
        fan: &str,
        at_ms: i64,
    ) -> Result<(), StoreError> {
        sqlx::query(
            "INSERT INTO chats (creator_handle, fan_uuid, updated_at, history_synced_at) VALUES (?1, ?2, ?3, ?4)
             ON CONFLICT(creator_handle, fan_uuid)
             DO UPDATE SET history_synced_at = max(coalesce(history_synced_at, 0), ?4)",
        )
        .bind(creator)
        .bind(fan)
        .bind(super::now_secs())
        .bind(at_ms)
        .execute(self.writer())
        .await?;
        Ok(())
    }

    /// When the chat's history was last read from the API (unix ms the request was sent), if ever.
    pub async fn history_read_at(
        &self,
        creator: &str,
        fan: &str,
    ) -> Result<Option<i64>, StoreError> {
        // One row per chat: `max` reads NULL when there is none.
        const SQL: &str =
            "SELECT max(history_synced_at) FROM chats WHERE creator_handle = ?1 AND fan_uuid = ?2";
        Ok(super::chat_query(SQL, creator, fan)
            .fetch_one(self.reader())
            .await?)
    }
    /// The `limit` chats of `creator` with the most recent messages, newest first.
    pub async fn recent_chats(
        &self,
        creator: &str,
        limit: i64,
    ) -> Result<Vec<ChatSummary>, StoreError> {
        let mut chats: Vec<ChatSummary> = sqlx::query_as(
            "SELECT m.fan_uuid AS fan, coalesce(c.nickname, c.display_name) AS name, c.fan_handle AS handle,
                    count(*) AS messages, max(m.sent_at) AS last_at, f.paused_until,
                    coalesce(f.spend_cents, 0) AS spend_cents
             FROM messages m
             LEFT JOIN chats c ON c.creator_handle = m.creator_handle AND c.fan_uuid = m.fan_uuid
             LEFT JOIN fan_facts f ON f.creator_handle = m.creator_handle AND f.fan_uuid = m.fan_uuid
             WHERE m.creator_handle = ?
             GROUP BY m.fan_uuid ORDER BY max(m.sent_at) DESC LIMIT ?",
        )
        .bind(creator)
        .bind(limit)
        .fetch_all(self.reader())
        .await?;
        for c in &mut chats {
            c.outcomes = sqlx::query_as(
                "SELECT outcome, count(*) FROM decisions WHERE creator_handle = ? AND fan_uuid = ?
                 GROUP BY outcome ORDER BY count(*) DESC",
            )
            .bind(creator)
            .bind(&c.fan)
            .fetch_all(self.reader())
            .await?;
            c.last_decision = sqlx::query_as(
                "SELECT outcome, reason FROM decisions WHERE creator_handle = ? AND fan_uuid = ?
                 ORDER BY id DESC LIMIT 1",
            )
            .bind(creator)
            .bind(&c.fan)
            .fetch_optional(self.reader())
            .await?;
        }
        Ok(chats)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::test_store;

    fn msg(uuid: &str, at: &str, from_creator: bool) -> StoredMessage {
        StoredMessage {
            uuid: uuid.into(),
            fan_uuid: "FAN-1".into(),
            from_creator,
            text: Some(format!("text {uuid}")),
            msg_type: Some("SINGLE_RECIPIENT".into()),
            sent_at: Some(at.into()),
            has_media: false,
            media_uuids: vec![],
            price_cents: None,
        }
    }

    #[tokio::test]
    async fn a_message_is_stored_once_and_history_reads_oldest_first() {
        let (s, _d) = test_store().await;
        assert!(s
            .insert_message("alice", &msg("m2", "2026-01-01T00:00:02Z", true), "send")
            .await
            .unwrap());
        assert!(s
            .insert_message(
                "alice",
                &msg("m1", "2026-01-01T00:00:01Z", false),
                "webhook"
            )
            .await
            .unwrap());
        assert!(!s
            .insert_message("alice", &msg("M1", "2026-01-01T00:00:01Z", false), "poll")
            .await
            .unwrap());
        assert!(s
            .insert_message("bob", &msg("m1", "2026-01-01T00:00:01Z", false), "poll")
            .await
            .unwrap());
        let h = s.history("alice", "fan-1", 10).await.unwrap();
        assert_eq!(
            h.iter().map(|m| m.uuid.as_str()).collect::<Vec<_>>(),
            ["m1", "m2"]
        );
        assert_eq!(s.history("alice", "fan-1", 1).await.unwrap()[0].uuid, "m2");
    }

    #[tokio::test]
    async fn messages_of_the_same_millisecond_are_read_in_the_order_they_were_stored() {
        let (s, _d) = test_store().await;
        let at = "2026-01-01T00:00:01.500Z";
        for uuid in ["zz", "aa", "mm", "bb"] {
            s.insert_message("alice", &msg(uuid, at, false), "webhook")
                .await
                .unwrap();
        }
        let h = s.history("alice", "fan-1", 10).await.unwrap();
        assert_eq!(
            h.iter().map(|m| m.uuid.as_str()).collect::<Vec<_>>(),
            ["zz", "aa", "mm", "bb"]
        );
    }

    #[tokio::test]
    async fn chat_facts_merge_without_erasing_known_values() {
        let (s, _d) = test_store().await;
        let mut c = ChatInfo {
            fan_uuid: "f".into(),
            display_name: Some("Dan".into()),
            ..Default::default()
        };
        s.upsert_chat("alice", &c).await.unwrap();
        c.display_name = None;
        c.unread_count = Some(3);
        s.upsert_chat("alice", &c).await.unwrap();
        let got = s.chat("alice", "f").await.unwrap().unwrap();
        assert_eq!(got.display_name.as_deref(), Some("Dan"));
        assert_eq!(got.unread_count, Some(3));
    }
}
