//! The durable inbox: every verified event, stored once per dedupe key, with the fan facts it
//! teaches; the pending rows a job reads; the chats that went quiet (follow-up candidates).

use super::{
    chats::insert_messages, chats::StoredMessage, facts::Learned, now_ms, Store, StoreError,
};
use crate::domain::{DecisionInfo, Event, EventKind, Outcome};
use sqlx::{QueryBuilder, Sqlite, Transaction};
use std::collections::HashMap;

/// What happened to an event offered to the inbox.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Accepted {
    /// Stored and waiting for the dispatcher.
    New { id: i64 },
    /// Stored, and decided at once (unknown creator, unknown event type): nothing to dispatch.
    Held { id: i64 },
    /// Seen before: nothing changed.
    Duplicate,
}

impl Accepted {
    /// `new`, `held` or `duplicate`: the `result` label the events counter uses.
    pub fn as_str(&self) -> &'static str {
        match self {
            Accepted::New { .. } => "new",
            Accepted::Held { .. } => "held",
            Accepted::Duplicate => "duplicate",
        }
    }
}

/// One pending inbox row, as the agent reads it.
#[derive(Clone, Debug)]
pub struct InboxRow {
    pub id: i64,
    pub event: Event,
    pub from_fan: bool,
    pub received_at: i64,
}

/// A pending row as SQLite holds it (the event as JSON), decoded by column name.
#[derive(sqlx::FromRow)]
struct PendingRow {
    id: i64,
    event: String,
    from_fan: bool,
    received_at: i64,
}

impl PendingRow {
    /// `None` when its event cannot be read.
    fn inbox_row(self) -> Option<InboxRow> {
        Some(InboxRow {
            id: self.id,
            event: serde_json::from_str(&self.event).ok()?,
            from_fan: self.from_fan,
            received_at: self.received_at,
        })
    }
}

/// A chat gone quiet after our last message (see [`Store::quiet_chats`]).
#[derive(Clone, Debug, PartialEq, Eq, sqlx::FromRow)]
pub struct QuietChat {
    #[sqlx(rename = "fan_uuid")]
    pub fan: String,
    /// Our last message in the chat.
    pub message_uuid: String,
    /// When it was sent (unix ms).
    pub sent_at: i64,
}

/// When the inbox received a message (see [`Store::inbox_arrival`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq, sqlx::FromRow)]
pub struct Arrival {
    /// Our clock, unix ms.
    pub received_at: i64,
    /// The outbox row of the decision that covered it, if it was decided with one.
    pub outbox_id: Option<i64>,
}

/// Whether `e` is a message a fan wrote (not the creator, not an automation).
pub fn is_fan_message(e: &Event) -> bool {
    matches!(&e.kind, EventKind::MessageReceived(m) if !m.from_creator && !m.is_automated)
}

impl Store {
    /// Commits `event` to the inbox unless its dedupe key is known. In the same transaction: the
    /// message goes to the message store and payments/subscriptions to the fan's facts, so a
    /// redelivery can never count twice. `creator` is the handle routed from the event, `None` when
    /// no connected creator has the event's uuid: such events are kept and decided as skipped.
    ///
    /// Events offered at the same moment (a webhook storm) share one transaction: see
    /// `group_commit`. The answer comes only after the commit.
    pub async fn accept_event(
        &self,
        event: &Event,
        creator: Option<&str>,
        source: &str,
    ) -> Result<Accepted, StoreError> {
        self.inbox_writer
            .accept(
                event.clone(),
                creator.map(str::to_string),
                source.to_string(),
            )
            .await
    }
}

/// A held event's `decided` log line, written once its commit is done.
pub(crate) struct Held {
    creator: Option<String>,
    fan: Option<String>,
    id: i64,
    reason: String,
}

impl Held {
    pub(crate) fn log(self) {
        super::decisions::decided(
            self.creator.as_deref(),
            self.fan.as_deref(),
            &[self.id],
            Outcome::Skipped,
            &self.reason,
        );
    }
}

/// One event offered to the inbox: what [`Store::accept_event`] takes.
pub(crate) struct Offer<'a> {
    pub event: &'a Event,
    pub creator: Option<&'a str>,
    pub source: &'a str,
}

/// The inbox writes of a batch of events inside the caller's transaction, in as few statements as
/// the batch allows (one multi-row insert per table), with one answer per event, in order; see
/// [`Store::accept_event`]. Of two events with the same dedupe key the first is new, the second a
/// duplicate.
pub(crate) async fn accept_batch(
    tx: &mut Transaction<'static, Sqlite>,
    offers: &[Offer<'_>],
) -> Result<Vec<(Accepted, Option<Held>)>, StoreError> {
    let now = now_ms();
    let ids = insert_rows(tx, offers, now).await?;
    let mut out = Vec::with_capacity(offers.len());
    let mut named = Vec::new();
    let mut messages = Vec::new();
    let mut fan_wrote = Vec::new();
    for (o, id) in offers.iter().zip(ids) {
        let event = o.event;
        let Some(id) = id else {
            out.push((Accepted::Duplicate, None));
            continue;
        };
        let fan = event.fan.uuid.as_ref().map(|f| f.as_str().to_string());
        if let Some(reason) = hold_reason(o.creator, fan.is_some(), event) {
            super::decisions::insert_decisions(
                tx,
                &[id],
                o.creator,
                fan.as_deref(),
                Outcome::Skipped,
                &DecisionInfo::reason(reason.clone()),
                None,
            )
            .await?;
            let held = Held {
                creator: o.creator.map(str::to_string),
                fan,
                id,
                reason,
            };
            out.push((Accepted::Held { id }, Some(held)));
            continue;
        }
        let (creator, fan) = (o.creator.unwrap_or_default(), fan.unwrap_or_default());
        if event.fan.handle.is_some() || event.fan.display_name.is_some() {
            named.push((creator, fan.clone(), &event.fan));
        }
        match &event.kind {
            EventKind::MessageReceived(m) => messages.push((creator, message_of(m, &fan, event))),
            _ => learn(tx, creator, &fan, event, now).await?,
        }
        if is_fan_message(event) {
            fan_wrote.push((creator, fan));
        }
        out.push((Accepted::New { id }, None));
    }
    upsert_chat_names(tx, &named, now / 1000).await?;
    insert_messages(&mut **tx, &messages, "webhook").await?;
    super::drafts::drop_awaiting_many(tx, &fan_wrote).await?;
    Ok(out)
}

/// How far back events held for an unknown creator are released when that creator connects:
/// older ones stay held (a day-old message is still worth an answer; a week-old one is a
/// human's to judge).
pub const RELEASE_HELD_MS: i64 = 24 * 3_600_000;

/// Offers again, for `handle`, the events held because no connected creator had their uuid
/// (`uuid`, received at or after `since_ms`), inside the connect's transaction: each held row
/// keeps its decision, with a note, under a renamed dedupe key, and its event is accepted anew
/// (the message stored, the facts learned, the chat pending) so the dispatcher answers it.
/// Returns how many were released.
pub(crate) async fn release_held(
    tx: &mut Transaction<'static, Sqlite>,
    handle: &str,
    uuid: &str,
    since_ms: i64,
) -> Result<usize, StoreError> {
    let rows: Vec<(i64, String, String)> = sqlx::query_as(
        "SELECT id, event, source FROM inbox WHERE creator_handle IS NULL
           AND creator_uuid = ?1 COLLATE NOCASE AND received_at >= ?2
           AND dedupe_key NOT LIKE '%:released:%' ORDER BY id",
    )
    .bind(uuid)
    .bind(since_ms)
    .fetch_all(&mut **tx)
    .await?;
    let held: Vec<(i64, Event, String)> = rows
        .into_iter()
        .filter_map(|(id, e, src)| Some((id, serde_json::from_str(&e).ok()?, src)))
        .collect();
    if held.is_empty() {
        return Ok(0);
    }
    let note = format!("; released to {handle} when it connected");
    for (id, ..) in &held {
        sqlx::query("UPDATE inbox SET dedupe_key = dedupe_key || ':released:' || id WHERE id = ?")
            .bind(id)
            .execute(&mut **tx)
            .await?;
        sqlx::query("UPDATE decisions SET reason = reason || ? WHERE inbox_id = ?")
            .bind(&note)
            .bind(id)
            .execute(&mut **tx)
            .await?;
    }
    let offers: Vec<Offer<'_>> = held
        .iter()
        .map(|(_, event, source)| Offer {
            event,
            creator: Some(handle),
            source,
        })
        .collect();
    let accepted = accept_batch(tx, &offers).await?;
    Ok(accepted
        .iter()
        .filter(|(a, _)| matches!(a, Accepted::New { .. }))
        .count())
}

/// Why an event is kept but not processed, if it is.
fn hold_reason(creator: Option<&str>, has_fan: bool, event: &Event) -> Option<String> {
    match (creator, has_fan, &event.kind) {
        (None, _, _) => Some(format!(
            "unknown creator {}: kept, not processed",
            event
                .creator
                .as_ref()
                .map(|c| c.as_str())
                .unwrap_or("(none)")
        )),
        (_, _, EventKind::Unknown { type_name }) => Some(format!(
            "unknown event type {}: kept, not processed",
            type_name.as_deref().unwrap_or("(none)")
        )),
        (_, false, _) => Some("event names no fan: kept, not processed".into()),
        _ => None,
    }
}

/// The inbox rows of `offers` in one statement: each offer's new id, `None` for a known key.
async fn insert_rows(
    tx: &mut Transaction<'static, Sqlite>,
    offers: &[Offer<'_>],
    now: i64,
) -> Result<Vec<Option<i64>>, StoreError> {
    let mut q = QueryBuilder::<Sqlite>::new(
        "INSERT INTO inbox (dedupe_key, source, creator_handle, creator_uuid, fan_uuid, kind,
                            message_uuid, from_fan, event, received_at) ",
    );
    q.push_values(offers, |mut row, o| {
        let e = o.event;
        row.push_bind(e.dedupe_key.clone())
            .push_bind(o.source.to_string())
            .push_bind(o.creator.map(str::to_string))
            .push_bind(e.creator.as_ref().map(|c| c.as_str().to_string()))
            .push_bind(e.fan.uuid.as_ref().map(|f| f.as_str().to_string()))
            .push_bind(e.kind.name())
            .push_bind(match &e.kind {
                EventKind::MessageReceived(m) => Some(m.message_uuid.as_str().to_string()),
                _ => None,
            })
            .push_bind(is_fan_message(e))
            .push_bind(serde_json::to_string(e).unwrap_or_default())
            .push_bind(now);
    });
    q.push(" ON CONFLICT(dedupe_key) DO NOTHING RETURNING id, dedupe_key");
    let rows: Vec<(i64, String)> = q.build_query_as().fetch_all(&mut **tx).await?;
    let mut new: HashMap<String, i64> = rows.into_iter().map(|(id, k)| (k, id)).collect();
    // The first offer of a key takes its id; a second offer of it in the batch is a duplicate.
    Ok(offers
        .iter()
        .map(|o| new.remove(&o.event.dedupe_key))
        .collect())
}

/// What the events teach about fans' names, in one statement (a known name is never erased).
async fn upsert_chat_names(
    tx: &mut Transaction<'static, Sqlite>,
    named: &[(&str, String, &crate::domain::Party)],
    now_secs: i64,
) -> Result<(), StoreError> {
    if named.is_empty() {
        return Ok(());
    }
    let mut q = QueryBuilder::<Sqlite>::new(
        "INSERT INTO chats (creator_handle, fan_uuid, fan_handle, display_name, updated_at) ",
    );
    q.push_values(named, |mut row, (creator, fan, party)| {
        row.push_bind(creator.to_string())
            .push_bind(fan.clone())
            .push_bind(party.handle.clone())
            .push_bind(party.display_name.clone())
            .push_bind(now_secs);
    });
    q.push(
        " ON CONFLICT(creator_handle, fan_uuid) DO UPDATE SET
            fan_handle = coalesce(excluded.fan_handle, fan_handle),
            display_name = coalesce(excluded.display_name, display_name)",
    );
    q.build().execute(&mut **tx).await?;
    Ok(())
}

/// A message event as the message store keeps it.
fn message_of(m: &crate::domain::MessageEvent, fan: &str, event: &Event) -> StoredMessage {
    StoredMessage {
        uuid: m.message_uuid.as_str().to_string(),
        fan_uuid: fan.to_string(),
        from_creator: m.from_creator,
        text: m.text.clone(),
        msg_type: m.is_automated.then(|| "AUTOMATED_MESSAGE".to_string()),
        sent_at: m.created_at.clone().or_else(|| event.timestamp.clone()),
        has_media: m.has_media,
        media_uuids: m.media_uuids.clone(),
        price_cents: m.price_cents,
    }
}

impl Store {
    /// The pending rows of one chat, oldest first.
    pub async fn pending_for_chat(
        &self,
        creator: &str,
        fan: &str,
    ) -> Result<Vec<InboxRow>, StoreError> {
        let rows: Vec<PendingRow> = sqlx::query_as(
            "SELECT id, event, from_fan, received_at FROM inbox
             WHERE state = 'pending' AND creator_handle = ? AND fan_uuid = ? ORDER BY id",
        )
        .bind(creator)
        .bind(fan)
        .fetch_all(self.reader())
        .await?;
        Ok(rows.into_iter().filter_map(PendingRow::inbox_row).collect())
    }

    /// Every chat with pending events: what the dispatcher recovers on start and on each rescan.
    pub async fn pending_chats(&self) -> Result<Vec<(String, String)>, StoreError> {
        Ok(sqlx::query_as(
            "SELECT DISTINCT creator_handle, fan_uuid FROM inbox
             WHERE state = 'pending' AND creator_handle IS NOT NULL AND fan_uuid IS NOT NULL",
        )
        .fetch_all(self.reader())
        .await?)
    }

    /// The newest pending fan-message inbox id of a chat (to notice messages that arrive mid-job).
    pub async fn newest_pending_fan_message(
        &self,
        creator: &str,
        fan: &str,
    ) -> Result<Option<i64>, StoreError> {
        const SQL: &str = "SELECT max(id) FROM inbox WHERE state = 'pending' AND from_fan = 1
             AND creator_handle = ?1 AND fan_uuid = ?2";
        Ok(super::chat_query(SQL, creator, fan)
            .fetch_one(self.reader())
            .await?)
    }

    /// Whether another chat of `creator` has events waiting (its job will want a read soon).
    pub async fn others_pending(&self, creator: &str, fan: &str) -> Result<bool, StoreError> {
        const SQL: &str = "SELECT EXISTS (SELECT 1 FROM inbox WHERE creator_handle = ?1 AND fan_uuid != ?2 AND state = 'pending')";
        Ok(super::chat_query(SQL, creator, fan)
            .fetch_one(self.reader())
            .await?)
    }

    /// Chats of `creator` whose last message is ours (a reply, not already a follow-up), sent before
    /// `before_ms`, with no fan message since.
    pub async fn quiet_chats(
        &self,
        creator: &str,
        before_ms: i64,
    ) -> Result<Vec<QuietChat>, StoreError> {
        Ok(sqlx::query_as(
            "SELECT o.fan_uuid, o.message_uuid, o.sent_at FROM outbox o
             WHERE o.creator_handle = ?1 AND o.state = 'sent' AND o.message_uuid IS NOT NULL
               AND o.purpose IN ('reply', 'welcome', 'thanks')
               AND o.sent_at < ?2
               AND o.sent_at = (SELECT max(sent_at) FROM outbox x WHERE x.creator_handle = ?1
                                AND x.fan_uuid = o.fan_uuid AND x.state = 'sent')
               AND NOT EXISTS (SELECT 1 FROM inbox i WHERE i.creator_handle = ?1 AND i.fan_uuid = o.fan_uuid
                               AND (i.from_fan = 1 AND i.received_at > o.sent_at OR i.state = 'pending'))
               AND NOT EXISTS (SELECT 1 FROM inbox i WHERE i.dedupe_key = 'followup:' || ?1 || ':' || o.message_uuid)
               AND NOT EXISTS (SELECT 1 FROM fan_controls c WHERE c.creator_handle = ?1
                               AND c.fan_uuid = o.fan_uuid AND c.followups_off = 1)",
        )
        .bind(creator)
        .bind(before_ms)
        .fetch_all(self.reader())
        .await?)
    }

    /// When the inbox received this message, and the outbox row its decision queued. `None`: the
    /// inbox does not hold it.
    pub async fn inbox_arrival(&self, message_uuid: &str) -> Result<Option<Arrival>, StoreError> {
        let key = format!("msg:{}", message_uuid.to_ascii_lowercase());
        Ok(sqlx::query_as(
            "SELECT i.received_at, d.outbox_id FROM inbox i LEFT JOIN decisions d ON d.inbox_id = i.id
             WHERE i.dedupe_key = ?",
        )
        .bind(key)
        .fetch_optional(self.reader())
        .await?)
    }

    /// Whether the inbox already holds this message (the poller's check before inserting).
    pub async fn knows_message(&self, message_uuid: &str) -> Result<bool, StoreError> {
        let key = format!("msg:{}", message_uuid.to_ascii_lowercase());
        let n: i64 = sqlx::query_scalar("SELECT count(*) FROM inbox WHERE dedupe_key = ?")
            .bind(key)
            .fetch_one(self.reader())
            .await?;
        Ok(n > 0)
    }
}

/// Whether the fan wrote in this chat (an accepted message) after `since_ms`.
pub(crate) async fn chat_fan_wrote(
    tx: &mut Transaction<'static, Sqlite>,
    creator: &str,
    fan: &str,
    since_ms: i64,
) -> Result<bool, StoreError> {
    const SQL: &str = "SELECT EXISTS (SELECT 1 FROM inbox
        WHERE creator_handle = ?1 AND fan_uuid = ?2 AND from_fan = 1 AND received_at > ?3)";
    Ok(super::chat_query(SQL, creator, fan)
        .bind(since_ms)
        .fetch_one(&mut **tx)
        .await?)
}

/// Records what an accepted event tells about its fan: payments, subscriptions and follows.
async fn learn(
    tx: &mut Transaction<'static, Sqlite>,
    creator: &str,
    fan: &str,
    event: &Event,
    now: i64,
) -> Result<(), StoreError> {
    let learned = match &event.kind {
        EventKind::Purchase {
            price_cents,
            message_uuid,
            ..
        } => {
            let ours = match message_uuid {
                Some(bought) => super::offers::offer_bought(tx, creator, bought, now).await?,
                None => false,
            };
            // One of our offers bought is in the ledger already; anything else is read afresh
            // (a whole vault's pages: kept for purchases we cannot place).
            if !ours {
                super::cache::forget_owned(tx, creator, fan).await?;
            }
            Learned {
                spend_cents: price_cents.unwrap_or(0),
                purchases: 1,
                ..Default::default()
            }
        }
        EventKind::Tip { price_cents, .. } => Learned {
            spend_cents: price_cents.unwrap_or(0),
            tips: 1,
            ..Default::default()
        },
        EventKind::NewSubscriber { .. } => Learned {
            subscribed: Some(true),
            ..Default::default()
        },
        EventKind::NewFollower => Learned {
            followed: Some(true),
            ..Default::default()
        },
        EventKind::MessageReceived(_)
        | EventKind::MessageRead { .. }
        | EventKind::FollowUp { .. }
        | EventKind::SequenceStep { .. }
        | EventKind::Unknown { .. } => return Ok(()),
    };
    super::fan_value::add_payment(tx, creator, fan, learned.spend_cents).await?;
    super::facts::add_facts(tx, creator, fan, &learned, now).await
}

#[cfg(test)]
mod tests {
    use crate::domain::EventKind;
    use crate::store::{owned_media_key, test_store, testing};

    #[tokio::test]
    async fn a_purchase_drops_the_cached_answer_of_what_the_fan_owns() {
        let (store, _dir) = test_store().await;
        for fan in ["fan-a", "fan-b"] {
            store
                .cache_put("c1", &owned_media_key(fan), &serde_json::json!([]))
                .await
                .unwrap();
        }
        let purchase = EventKind::Purchase {
            post_uuid: None,
            message_uuid: None,
            price_cents: Some(900),
        };
        let bought = testing::event("purchase-1", "fan-a", purchase);
        store
            .accept_event(&bought, Some("c1"), "webhook")
            .await
            .unwrap();
        let cached = |fan: &'static str| {
            let store = store.clone();
            async move {
                store
                    .cache_get("c1", &owned_media_key(fan), 600)
                    .await
                    .unwrap()
            }
        };
        assert_eq!(cached("fan-a").await, None, "fan-a bought: read afresh");
        assert!(cached("fan-b").await.is_some(), "fan-b's answer stays");
    }
}
