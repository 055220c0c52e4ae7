//! The catch-up read: before the agent drafts for a chat, it reads the chat from Fanvue, so it
//! knows every fan message up to the newest one, and jobs of one creator share that call.
//!
//! Webhooks get lost: inside a burst one message can go missing while a later one arrives, and
//! the poller (which looks only at a chat's last message) never finds it. So each job reads its
//! chat's latest messages; the fan messages the creator has not answered that the inbox lacks are
//! committed to the inbox (as the poller does) and join the job, so the input guardrails read them
//! and the reply covers them. The read also fills the message store (a chat's first read is this
//! same read). Jobs of one creator that reach it within [`WINDOW`] share one
//! `POST /chats/messages/batch` (up to 50 chats), and a chat read after its job started (by
//! another job's read or by the poller) is not read again. A later pre-send read can use
//! [`HistorySync::catch_up`] as it is: it answers how many unseen fan messages it found.

use crate::{
    domain::time::now_ms,
    domain::{Event, EventKind, MessageEvent, MessageUuid, Party},
    fanvue::{client::CreatorApi, error::ApiError, types::Message},
    store::{inbox::Accepted, Store},
};
use std::{
    collections::HashMap,
    sync::{
        atomic::{AtomicU64, Ordering},
        Arc, Mutex,
    },
    time::Duration,
};
use tokio::sync::watch;
use tracing::{debug, warn};

/// How long the first job of a round waits for other chats of its creator to join its read.
pub const WINDOW: Duration = Duration::from_millis(100);

/// Chats one batch read takes at most (Fanvue's limit).
const BATCH_MAX: usize = 50;

/// Per chat of a round: how many fan messages the read added to the inbox.
type RoundResult = Result<HashMap<String, usize>, ApiError>;

/// The catch-up reads of every creator: the round now open to joiners, per creator.
#[derive(Debug, Default)]
pub struct HistorySync {
    open: Mutex<HashMap<String, Open>>,
    next_round: AtomicU64,
}

/// A round still taking chats: its leader reads them all when its window closes.
#[derive(Debug)]
struct Open {
    id: u64,
    chats: Arc<Mutex<Vec<String>>>,
    done: watch::Receiver<Option<RoundResult>>,
}

/// A job's place in a round.
enum Seat {
    Leader {
        id: u64,
        chats: Arc<Mutex<Vec<String>>>,
        done: watch::Sender<Option<RoundResult>>,
    },
    Rider(watch::Receiver<Option<RoundResult>>),
}

impl HistorySync {
    /// Reads `fan`'s chat (the latest `size` messages) unless it was read since `since_ms`, and
    /// commits the unanswered fan messages the inbox lacked. Returns how many it committed.
    pub async fn catch_up(
        &self,
        store: &Store,
        api: &CreatorApi,
        creator: &str,
        fan: &str,
        size: u32,
        since_ms: i64,
    ) -> Result<usize, ApiError> {
        let read_at = store.history_read_at(creator, fan).await.ok().flatten();
        if read_at.is_some_and(|t| t >= since_ms) {
            return Ok(0); // read after the job started: nothing older can be missing
        }
        let result = match self.seat(creator, fan) {
            Seat::Leader { id, chats, done } => {
                // Wait for riders only when other chats of the creator have work: a lone reply
                // (the common case at low traffic) reads at once and gains no latency.
                if store.others_pending(creator, fan).await.unwrap_or(true) {
                    tokio::time::sleep(WINDOW).await;
                }
                self.close(creator, id);
                let chats = std::mem::take(&mut *chats.lock().unwrap_or_else(|p| p.into_inner()));
                let result = read_round(store, api, creator, &chats, size).await;
                let _ = done.send(Some(result.clone()));
                result
            }
            Seat::Rider(mut done) => match done.wait_for(Option::is_some).await {
                Ok(r) => r.clone().unwrap_or_else(|| Ok(HashMap::new())),
                // The leader's job was cancelled mid-read: this chat is read alone below.
                Err(_) => Ok(HashMap::new()),
            },
        };
        match result?.get(fan) {
            Some(n) => Ok(*n),
            // The batch could not read this chat: read it alone, so its own error is the answer.
            None => read_alone(store, api, creator, fan, size).await,
        }
    }

    /// Joins the creator's open round, or opens one (a round whose leader is gone, or which is
    /// full, takes no one).
    fn seat(&self, creator: &str, fan: &str) -> Seat {
        let mut open = self.open.lock().unwrap_or_else(|p| p.into_inner());
        if let Some(o) = open.get(creator).filter(|o| o.done.has_changed().is_ok()) {
            let mut chats = o.chats.lock().unwrap_or_else(|p| p.into_inner());
            if chats.len() < BATCH_MAX {
                if !chats.iter().any(|c| c == fan) {
                    chats.push(fan.to_string());
                }
                return Seat::Rider(o.done.clone());
            }
        }
        let id = self.next_round.fetch_add(1, Ordering::Relaxed);
        let chats = Arc::new(Mutex::new(vec![fan.to_string()]));
        let (done, rx) = watch::channel(None);
        let round = Open {
            id,
            chats: chats.clone(),
            done: rx,
        };
        open.insert(creator.to_string(), round);
        Seat::Leader { id, chats, done }
    }

    /// Closes round `id` to joiners (unless a newer round already replaced it).
    fn close(&self, creator: &str, id: u64) {
        let mut open = self.open.lock().unwrap_or_else(|p| p.into_inner());
        if open.get(creator).is_some_and(|o| o.id == id) {
            open.remove(creator);
        }
    }
}

/// One batch read of `chats`; the chats it could read, with how many fan messages each added.
async fn read_round(
    store: &Store,
    api: &CreatorApi,
    creator: &str,
    chats: &[String],
    size: u32,
) -> RoundResult {
    // A chat id the batch would refuse is read alone (and fails alone).
    let chats: Vec<String> = chats
        .iter()
        .filter(|f| uuid::Uuid::parse_str(f).is_ok())
        .cloned()
        .collect();
    if chats.is_empty() {
        return Ok(HashMap::new());
    }
    let read_at = now_ms();
    let batch = api.batch_messages(&chats, Some(size), None).await?;
    let mut added = HashMap::new();
    for (chat, page) in batch.by_chat {
        let chat = chat.to_ascii_lowercase();
        if let Some(err) = &page.error {
            warn!(fan = %chat, error = %err, "the batch could not read a chat");
            continue;
        }
        let n = take_in(store, creator, &chat, page.messages, "read", read_at).await;
        added.insert(chat, n);
    }
    debug!(chats = chats.len(), "catch-up read");
    Ok(added)
}

/// One chat read on its own.
async fn read_alone(
    store: &Store,
    api: &CreatorApi,
    creator: &str,
    fan: &str,
    size: u32,
) -> Result<usize, ApiError> {
    let read_at = now_ms();
    let page = api.list_messages(fan, Some(1), Some(size), false).await?;
    Ok(take_in(store, creator, fan, page.data, "read", read_at).await)
}

/// Stores a page of `fan`'s chat read at `read_at` and commits to the inbox the fan messages the
/// creator has not answered that it lacks. Returns how many it committed.
pub async fn take_in(
    store: &Store,
    creator: &str,
    fan: &str,
    mut page: Vec<Message>,
    source: &str,
    read_at: i64,
) -> usize {
    // Fanvue lists newest first; reversed before the stable sort, messages of the same
    // millisecond (a burst) keep the order they were written in, and are stored in it.
    page.reverse();
    page.sort_by_key(|m| m.sent_at.as_deref().and_then(crate::domain::time::parse_ms));
    if let Err(e) = store
        .keep_history(
            creator,
            fan,
            &Message::stored_page(&page, fan),
            source,
            read_at,
        )
        .await
    {
        warn!(error = %e, "cannot store a chat's history");
    }
    let creator_uuid = match store.creator(creator).await {
        Ok(Some(c)) => c.uuid,
        _ => None,
    };
    let mut added = 0;
    for m in unanswered(&page, fan) {
        if !m.msg_type.as_ref().is_none_or(|t| t.is_answerable()) {
            continue; // automated messages stay in the history only
        }
        if store.knows_message(&m.uuid).await.unwrap_or(true) {
            continue;
        }
        let party = Party {
            uuid: Some(fan.into()),
            handle: m.sender.handle.clone(),
            display_name: None,
        };
        let event = read_event(creator_uuid.as_deref(), party, m);
        let accepted = store.accept_event(&event, Some(creator), source).await;
        if let Ok(a) = &accepted {
            let m = crate::metrics::metrics();
            m.accepted(event.kind.name(), source, a.as_str(), Some(creator));
        }
        match accepted {
            Ok(Accepted::New { .. }) => added += 1,
            Ok(_) => {}
            Err(e) => warn!(error = %e, "cannot store a fan message found by a read"),
        }
    }
    added
}

/// The messages of a page (oldest first) the creator has not answered: the fan's, after the
/// creator's last message.
pub fn unanswered<'a>(page: &'a [Message], fan: &str) -> &'a [Message] {
    let is_fan = |m: &Message| m.sender.uuid.eq_ignore_ascii_case(fan);
    let start = page.iter().rposition(|m| !is_fan(m)).map_or(0, |i| i + 1);
    &page[start..]
}

/// The inbox event of a fan message found by a read (the poller's or a catch-up).
pub fn read_event(creator_uuid: Option<&str>, fan: Party, m: &Message) -> Event {
    let answerable = m.msg_type.as_ref().is_none_or(|t| t.is_answerable());
    Event {
        dedupe_key: format!("msg:{}", m.uuid.to_ascii_lowercase()),
        creator: creator_uuid.map(Into::into),
        fan,
        timestamp: m.sent_at.clone(),
        kind: EventKind::MessageReceived(MessageEvent {
            message_uuid: MessageUuid::new(&m.uuid),
            text: m.text.clone(),
            has_media: m.has_media.unwrap_or(false),
            media_uuids: m.media_uuids.clone(),
            price_cents: m.price_cents(),
            from_creator: false,
            is_automated: !answerable,
            created_at: m.sent_at.clone(),
        }),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::fanvue::types::UserRef;
    use crate::store::test_store;

    const FAN: &str = "0b9f3c1e-0000-4000-8000-000000000001";

    fn fan_message(uuid: &str, sent_at: &str) -> Message {
        Message {
            uuid: uuid.into(),
            text: Some(format!("text of {uuid}")),
            sent_at: Some(sent_at.into()),
            sender: UserRef {
                uuid: FAN.into(),
                ..Default::default()
            },
            ..Default::default()
        }
    }

    #[tokio::test]
    async fn a_burst_read_newest_first_is_stored_in_the_order_the_fan_wrote_it() {
        let (store, _d) = test_store().await;
        let burst = "2026-01-01T00:00:01.500Z";
        // Newest first, as Fanvue lists a chat: the fan wrote "first", "second", "third".
        let page = vec![
            fan_message("third", burst),
            fan_message("second", burst),
            fan_message("first", burst),
            fan_message("earlier", "2026-01-01T00:00:00.100Z"),
        ];
        take_in(&store, "alice", FAN, page, "read", now_ms()).await;
        let history = store.history("alice", FAN, 10).await.unwrap();
        let order: Vec<&str> = history.iter().map(|m| m.uuid.as_str()).collect();
        assert_eq!(order, ["earlier", "first", "second", "third"]);
    }
}
