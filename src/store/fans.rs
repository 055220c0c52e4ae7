//! What humans set per fan (switches for AI replies, offers and follow-ups; notes for humans;
//! instructions for the model), the fan's memory facts as humans edit them, and the fan's
//! summary (written by the model in the background, or by a human).

use super::{now_ms, Store, StoreError};
use serde::Serialize;

/// The per-fan switches and words of humans. The default (no row) is every switch on, no words.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, sqlx::FromRow)]
pub struct FanControls {
    /// The AI does not answer this fan's messages (they are decided `skipped`).
    pub ai_off: bool,
    /// No PPV offer rides on replies to this fan.
    pub offers_off: bool,
    /// No follow-up is scheduled for this fan.
    pub followups_off: bool,
    /// For humans only: never part of a prompt.
    pub notes: String,
    /// Added to this fan's prompt.
    pub instructions: String,
    pub updated_by: Option<String>,
    pub updated_at: Option<i64>,
}

/// A per-fan switch (see [`FanControls`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Switch {
    Ai,
    Offers,
    Followups,
}

impl Switch {
    pub const ALL: [Switch; 3] = [Switch::Ai, Switch::Offers, Switch::Followups];

    /// The switch's name on the command line and in forms.
    pub fn name(self) -> &'static str {
        match self {
            Switch::Ai => "ai",
            Switch::Offers => "offers",
            Switch::Followups => "followups",
        }
    }

    pub fn parse(s: &str) -> Option<Switch> {
        Switch::ALL.into_iter().find(|w| w.name() == s)
    }

    /// Its column in `fan_controls` (a name from this file, never input).
    fn column(self) -> &'static str {
        match self {
            Switch::Ai => "ai_off",
            Switch::Offers => "offers_off",
            Switch::Followups => "followups_off",
        }
    }
}

/// A fan's summary and who wrote it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, sqlx::FromRow)]
pub struct FanSummary {
    pub summary: String,
    /// `model:<name>` for the model's, else the human who wrote it.
    pub written_by: String,
    /// How many messages the fan had written when it was written.
    pub fan_messages: i64,
    pub written_at: i64,
}

impl FanSummary {
    /// Whether the model wrote it (a human's summary is never overwritten by the model).
    pub fn by_model(&self) -> bool {
        self.written_by.starts_with("model:")
    }
}

/// A chat whose fan wrote enough since their summary was written (see [`Store::summaries_due`]).
#[derive(Clone, Debug, PartialEq, Eq, sqlx::FromRow)]
pub struct SummaryDue {
    pub fan_uuid: String,
    /// The fan's message count now.
    pub fan_messages: i64,
}

/// One fact the agent remembers about a fan.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, sqlx::FromRow)]
pub struct MemoryFact {
    pub kind: String,
    pub value: String,
    pub learned_at: i64,
}

/// Everything shown about one fan (the console's Fans page, `fanvue-agent fan show`).
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct FanProfile {
    pub creator: String,
    pub fan: String,
    pub display_name: Option<String>,
    pub nickname: Option<String>,
    pub handle: Option<String>,
    pub controls: FanControls,
    pub facts: super::facts::FanFacts,
    /// Items bought from our offers, newest first.
    pub purchased: Vec<String>,
    pub memory: Vec<MemoryFact>,
    pub summary: Option<FanSummary>,
    /// Safety marks in force.
    pub marks: Vec<crate::domain::marks::SafetyMark>,
    /// How many messages the fan wrote.
    pub fan_messages: i64,
}

/// The kinds of memory facts a human may write (those the prompt summarises).
pub const FACT_KINDS: [&str; 5] = ["name", "from", "likes", "work", "declined"];

impl Store {
    /// Whether the store knows this fan of `creator` (a chat, a message or a fact about them).
    pub async fn fan_known(&self, creator: &str, fan: &str) -> Result<bool, StoreError> {
        Ok(sqlx::query_scalar(
            "SELECT EXISTS (SELECT 1 FROM chats WHERE creator_handle = ?1 AND fan_uuid = ?2)
                 OR EXISTS (SELECT 1 FROM messages WHERE creator_handle = ?1 AND fan_uuid = ?2)
                 OR EXISTS (SELECT 1 FROM fan_facts WHERE creator_handle = ?1 AND fan_uuid = ?2)",
        )
        .bind(creator)
        .bind(fan.to_ascii_lowercase())
        .fetch_one(self.reader())
        .await?)
    }

    /// Everything shown about one fan.
    pub async fn fan_profile(&self, creator: &str, fan: &str) -> Result<FanProfile, StoreError> {
        let fan = fan.to_ascii_lowercase();
        let chat = self.chat(creator, &fan).await?.unwrap_or_default();
        Ok(FanProfile {
            creator: creator.to_string(),
            display_name: chat.display_name,
            nickname: chat.nickname,
            handle: chat.fan_handle,
            controls: self.fan_controls(creator, &fan).await?,
            facts: self.fan_facts(creator, &fan).await?,
            purchased: self.purchased_items(creator, &fan).await?,
            memory: self.memory_facts(creator, &fan).await?,
            summary: self.fan_summary(creator, &fan).await?,
            marks: self.active_marks(creator, &fan, now_ms()).await?,
            fan_messages: self.fan_message_count(creator, &fan).await?,
            fan,
        })
    }

    /// The fan's switches and humans' words (the defaults when nobody set any).
    pub async fn fan_controls(&self, creator: &str, fan: &str) -> Result<FanControls, StoreError> {
        let row: Option<FanControls> = sqlx::query_as(
            "SELECT ai_off, offers_off, followups_off, notes, instructions, updated_by, updated_at
             FROM fan_controls WHERE creator_handle = ? AND fan_uuid = ?",
        )
        .bind(creator)
        .bind(fan.to_ascii_lowercase())
        .fetch_optional(self.reader())
        .await?;
        Ok(row.unwrap_or_default())
    }

    /// Turns one of a fan's switches on or off, saying who did it.
    pub async fn set_fan_switch(
        &self,
        creator: &str,
        fan: &str,
        switch: Switch,
        on: bool,
        by: &str,
    ) -> Result<(), StoreError> {
        self.set_control(creator, fan, switch.column(), ControlValue::Flag(!on), by)
            .await
    }

    /// Replaces the fan's notes for humans (never shown to the model).
    pub async fn set_fan_notes(
        &self,
        creator: &str,
        fan: &str,
        notes: &str,
        by: &str,
    ) -> Result<(), StoreError> {
        let v = ControlValue::Text(notes.trim().to_string());
        self.set_control(creator, fan, "notes", v, by).await
    }

    /// Replaces the instructions added to this fan's prompt.
    pub async fn set_fan_instructions(
        &self,
        creator: &str,
        fan: &str,
        instructions: &str,
        by: &str,
    ) -> Result<(), StoreError> {
        let v = ControlValue::Text(instructions.trim().to_string());
        self.set_control(creator, fan, "instructions", v, by).await
    }

    /// Sets one column of the fan's controls (`column`: a name from this file, never input),
    /// creating the row if needed.
    async fn set_control(
        &self,
        creator: &str,
        fan: &str,
        column: &str,
        value: ControlValue,
        by: &str,
    ) -> Result<(), StoreError> {
        let sql = format!(
            "INSERT INTO fan_controls (creator_handle, fan_uuid, {column}, updated_by, updated_at)
             VALUES (?, ?, ?, ?, ?)
             ON CONFLICT(creator_handle, fan_uuid) DO UPDATE SET
                {column} = excluded.{column}, updated_by = excluded.updated_by,
                updated_at = excluded.updated_at"
        );
        let q = sqlx::query(&sql)
            .bind(creator)
            .bind(fan.to_ascii_lowercase());
        let q = match value {
            ControlValue::Flag(b) => q.bind(b),
            ControlValue::Text(t) => q.bind(t),
        };
        q.bind(by).bind(now_ms()).execute(self.writer()).await?;
        Ok(())
    }

    /// What the agent remembers about a fan, with when each was learned, newest first.
    pub async fn memory_facts(
        &self,
        creator: &str,
        fan: &str,
    ) -> Result<Vec<MemoryFact>, StoreError> {
        Ok(sqlx::query_as(
            "SELECT kind, value, learned_at FROM fan_memory WHERE creator_handle = ? AND fan_uuid = ?
             ORDER BY learned_at DESC, rowid DESC",
        )
        .bind(creator)
        .bind(fan.to_ascii_lowercase())
        .fetch_all(self.reader())
        .await?)
    }

    /// Forgets one fact. Returns whether it was known.
    pub async fn forget_fact(
        &self,
        creator: &str,
        fan: &str,
        kind: &str,
        value: &str,
    ) -> Result<bool, StoreError> {
        let n = sqlx::query(
            "DELETE FROM fan_memory WHERE creator_handle = ? AND fan_uuid = ? AND kind = ? AND value = ?",
        )
        .bind(creator)
        .bind(fan.to_ascii_lowercase())
        .bind(kind)
        .bind(value)
        .execute(self.writer())
        .await?
        .rows_affected();
        Ok(n > 0)
    }

    /// Replaces one fact's value (`old` forgotten, `new` remembered, in one transaction); with
    /// `old` unknown, `new` is simply remembered. `kind` must be one of [`FACT_KINDS`].
    pub async fn edit_fact(
        &self,
        creator: &str,
        fan: &str,
        kind: &str,
        old: Option<&str>,
        new: &str,
    ) -> Result<(), StoreError> {
        let fan = fan.to_ascii_lowercase();
        let mut tx = self.begin_write().await?;
        if let Some(old) = old {
            sqlx::query(
                "DELETE FROM fan_memory WHERE creator_handle = ? AND fan_uuid = ? AND kind = ? AND value = ?",
            )
            .bind(creator)
            .bind(&fan)
            .bind(kind)
            .bind(old)
            .execute(&mut *tx)
            .await?;
        }
        sqlx::query(
            "INSERT INTO fan_memory (creator_handle, fan_uuid, kind, value, learned_at) VALUES (?, ?, ?, ?, ?)
             ON CONFLICT DO UPDATE SET learned_at = excluded.learned_at",
        )
        .bind(creator)
        .bind(&fan)
        .bind(kind)
        .bind(new.trim())
        .bind(now_ms())
        .execute(&mut *tx)
        .await?;
        tx.commit().await?;
        Ok(())
    }

    /// The fan's summary, if one was written.
    pub async fn fan_summary(
        &self,
        creator: &str,
        fan: &str,
    ) -> Result<Option<FanSummary>, StoreError> {
        Ok(sqlx::query_as(
            "SELECT summary, written_by, fan_messages, written_at FROM fan_summaries
             WHERE creator_handle = ? AND fan_uuid = ?",
        )
        .bind(creator)
        .bind(fan.to_ascii_lowercase())
        .fetch_optional(self.reader())
        .await?)
    }

    /// Writes the fan's summary as a human (kept until a human changes or erases it).
    pub async fn set_fan_summary(
        &self,
        creator: &str,
        fan: &str,
        summary: &str,
        by: &str,
    ) -> Result<(), StoreError> {
        let fan = fan.to_ascii_lowercase();
        let count = self.fan_message_count(creator, &fan).await?;
        sqlx::query(
            "INSERT INTO fan_summaries (creator_handle, fan_uuid, summary, written_by, fan_messages, written_at)
             VALUES (?, ?, ?, ?, ?, ?)
             ON CONFLICT(creator_handle, fan_uuid) DO UPDATE SET summary = excluded.summary,
                written_by = excluded.written_by, fan_messages = excluded.fan_messages,
                written_at = excluded.written_at",
        )
        .bind(creator)
        .bind(&fan)
        .bind(summary.trim())
        .bind(by)
        .bind(count)
        .bind(now_ms())
        .execute(self.writer())
        .await?;
        Ok(())
    }

    /// Writes the model's summary written when the fan had `fan_messages` messages, unless a
    /// human wrote the summary meanwhile. Returns whether it was written.
    pub async fn put_model_summary(
        &self,
        creator: &str,
        fan: &str,
        summary: &str,
        model: &str,
        fan_messages: i64,
    ) -> Result<bool, StoreError> {
        let n = sqlx::query(
            "INSERT INTO fan_summaries (creator_handle, fan_uuid, summary, written_by, fan_messages, written_at)
             VALUES (?, ?, ?, 'model:' || ?, ?, ?)
             ON CONFLICT(creator_handle, fan_uuid) DO UPDATE SET summary = excluded.summary,
                written_by = excluded.written_by, fan_messages = excluded.fan_messages,
                written_at = excluded.written_at
             WHERE fan_summaries.written_by LIKE 'model:%'",
        )
        .bind(creator)
        .bind(fan.to_ascii_lowercase())
        .bind(summary.trim())
        .bind(model)
        .bind(fan_messages)
        .bind(now_ms())
        .execute(self.writer())
        .await?
        .rows_affected();
        Ok(n > 0)
    }

    /// Erases the fan's summary (the model writes a new one after `every` more fan messages).
    pub async fn erase_fan_summary(&self, creator: &str, fan: &str) -> Result<bool, StoreError> {
        let n = sqlx::query("DELETE FROM fan_summaries WHERE creator_handle = ? AND fan_uuid = ?")
            .bind(creator)
            .bind(fan.to_ascii_lowercase())
            .execute(self.writer())
            .await?
            .rows_affected();
        Ok(n > 0)
    }

    /// How many messages the fan wrote in the chat (as stored).
    pub async fn fan_message_count(&self, creator: &str, fan: &str) -> Result<i64, StoreError> {
        Ok(sqlx::query_scalar(
            "SELECT count(*) FROM messages WHERE creator_handle = ? AND fan_uuid = ? AND from_creator = 0",
        )
        .bind(creator)
        .bind(fan.to_ascii_lowercase())
        .fetch_one(self.reader())
        .await?)
    }

    /// The creator's chats whose fan wrote at least `every` messages since their summary (or since
    /// the start, without one), whose summary is the model's, and whose AI is on: at most `limit`,
    /// the most overdue first.
    pub async fn summaries_due(
        &self,
        creator: &str,
        every: i64,
        limit: i64,
    ) -> Result<Vec<SummaryDue>, StoreError> {
        Ok(sqlx::query_as(
            "SELECT m.fan_uuid, count(*) AS fan_messages FROM messages m
             LEFT JOIN fan_summaries s ON s.creator_handle = m.creator_handle AND s.fan_uuid = m.fan_uuid
             LEFT JOIN fan_controls c ON c.creator_handle = m.creator_handle AND c.fan_uuid = m.fan_uuid
             WHERE m.creator_handle = ?1 AND m.from_creator = 0
               AND (s.written_by IS NULL OR s.written_by LIKE 'model:%') AND coalesce(c.ai_off, 0) = 0
             GROUP BY m.fan_uuid
             HAVING count(*) - coalesce(max(s.fan_messages), 0) >= ?2
             ORDER BY count(*) - coalesce(max(s.fan_messages), 0) DESC, m.fan_uuid LIMIT ?3",
        )
        .bind(creator)
        .bind(every.max(1))
        .bind(limit)
        .fetch_all(self.reader())
        .await?)
    }
}

/// A value of a `fan_controls` column.
enum ControlValue {
    Flag(bool),
    Text(String),
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::{chats::StoredMessage, test_store};

    const C: &str = "mia";

    async fn fan_says(store: &Store, fan: &str, uuid: &str, text: &str) {
        let m = StoredMessage {
            uuid: uuid.into(),
            fan_uuid: fan.into(),
            from_creator: false,
            text: Some(text.into()),
            msg_type: None,
            sent_at: Some("2024-01-01T00:00:00Z".into()),
            has_media: false,
            media_uuids: vec![],
            price_cents: None,
        };
        store.insert_message(C, &m, "test").await.unwrap();
    }

    #[tokio::test]
    async fn a_fan_nobody_touched_has_every_switch_on_and_a_switch_turned_off_stays_off() {
        let (store, _dir) = test_store().await;
        assert_eq!(
            store.fan_controls(C, "f1").await.unwrap(),
            FanControls::default()
        );
        store
            .set_fan_switch(C, "F1", Switch::Ai, false, "cli:ann")
            .await
            .unwrap();
        store
            .set_fan_notes(C, "f1", " likes to be called Captain ", "cli:ann")
            .await
            .unwrap();
        let c = store.fan_controls(C, "f1").await.unwrap();
        assert!(c.ai_off && !c.offers_off && !c.followups_off);
        assert_eq!(c.notes, "likes to be called Captain");
        assert_eq!(c.updated_by.as_deref(), Some("cli:ann"));
        store
            .set_fan_switch(C, "f1", Switch::Ai, true, "cli:bob")
            .await
            .unwrap();
        let c = store.fan_controls(C, "f1").await.unwrap();
        assert!(!c.ai_off, "switched back on");
        assert_eq!(c.notes, "likes to be called Captain", "other fields kept");
        assert_eq!(
            store.fan_controls(C, "f2").await.unwrap(),
            FanControls::default()
        );
    }

    #[tokio::test]
    async fn a_fan_whose_follow_ups_are_switched_off_is_never_scheduled_one() {
        let (store, _dir) = test_store().await;
        sqlx::query(
            "INSERT INTO outbox (creator_handle, fan_uuid, purpose, text, state, not_before, message_uuid,
                                 created_at, updated_at, sent_at)
             VALUES ('mia', 'f1', 'reply', 'hi', 'sent', 0, 'c1', 0, 0, 1000)",
        )
        .execute(store.writer())
        .await
        .unwrap();
        let quiet = store.quiet_chats(C, 5000).await.unwrap();
        assert_eq!(quiet.len(), 1, "quiet since our reply");
        store
            .set_fan_switch(C, "f1", Switch::Followups, false, "cli:ann")
            .await
            .unwrap();
        assert!(store.quiet_chats(C, 5000).await.unwrap().is_empty());
        store
            .set_fan_switch(C, "f1", Switch::Followups, true, "cli:ann")
            .await
            .unwrap();
        assert_eq!(store.quiet_chats(C, 5000).await.unwrap().len(), 1);
    }

    #[tokio::test]
    async fn a_fact_can_be_edited_and_forgotten() {
        let (store, _dir) = test_store().await;
        let fact = crate::domain::Fact {
            kind: "from",
            value: "texas".into(),
        };
        store.remember(C, "f1", &[fact]).await.unwrap();
        store
            .edit_fact(C, "f1", "from", Some("texas"), "austin, texas")
            .await
            .unwrap();
        let facts = store.memory_facts(C, "f1").await.unwrap();
        assert_eq!(facts.len(), 1);
        assert_eq!(
            (facts[0].kind.as_str(), facts[0].value.as_str()),
            ("from", "austin, texas")
        );
        assert!(store
            .forget_fact(C, "f1", "from", "austin, texas")
            .await
            .unwrap());
        assert!(!store.forget_fact(C, "f1", "from", "texas").await.unwrap());
        assert!(store.memory(C, "f1").await.unwrap().is_empty());
    }

    #[tokio::test]
    async fn a_summary_is_due_every_n_fan_messages_and_a_humans_summary_is_never_overwritten() {
        let (store, _dir) = test_store().await;
        for i in 0..3 {
            fan_says(&store, "f1", &format!("m{i}"), "hello").await;
        }
        fan_says(&store, "f2", "x0", "hi").await;
        let due = store.summaries_due(C, 3, 10).await.unwrap();
        assert_eq!(
            due,
            [SummaryDue {
                fan_uuid: "f1".into(),
                fan_messages: 3
            }]
        );
        assert!(store
            .put_model_summary(C, "f1", "likes hellos", "m", 3)
            .await
            .unwrap());
        assert!(store.summaries_due(C, 3, 10).await.unwrap().is_empty());
        for i in 3..6 {
            fan_says(&store, "f1", &format!("m{i}"), "hello").await;
        }
        assert_eq!(store.summaries_due(C, 3, 10).await.unwrap().len(), 1);
        store
            .set_fan_summary(C, "f1", "a regular, says hello a lot", "cli:ann")
            .await
            .unwrap();
        assert!(!store
            .put_model_summary(C, "f1", "overwrite", "m", 6)
            .await
            .unwrap());
        let s = store.fan_summary(C, "f1").await.unwrap().unwrap();
        assert_eq!(s.summary, "a regular, says hello a lot");
        assert!(!s.by_model());
        assert!(
            store
                .summaries_due(C, 1, 10)
                .await
                .unwrap()
                .iter()
                .all(|d| d.fan_uuid != "f1"),
            "a human's summary is not refreshed by the model"
        );
        assert!(store.erase_fan_summary(C, "f1").await.unwrap());
        assert_eq!(store.fan_summary(C, "f1").await.unwrap(), None);
    }
}
