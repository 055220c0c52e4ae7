//! A chat's history is read from Fanvue once; chats of one creator waiting for theirs share one call.
//!
//! After the first read, webhooks (and the poller) keep the message store current, so each chat
//! costs one read in its life. When several of a creator's chats need their first read at once (a
//! burst of new fans), one `POST /chats/messages/batch` serves up to 50 of them, and a per-creator
//! lock makes the others wait for it instead of reading again.

use crate::fanvue::{client::CreatorApi, error::ApiError, types::Message};
use crate::store::Store;
use std::{collections::HashMap, sync::Arc};
use tracing::warn;

/// The per-creator locks around first reads.
#[derive(Debug, Default)]
pub struct HistorySync {
    locks: std::sync::Mutex<HashMap<String, Arc<tokio::sync::Mutex<()>>>>,
}

impl HistorySync {
    /// Makes sure `fan`'s chat has been read once (`force`: read it again even so, e.g. when an
    /// event lacks the message text). Other unread chats of `creator` with pending events ride along.
    pub async fn ensure(
        &self,
        store: &Store,
        api: &CreatorApi,
        creator: &str,
        fan: &str,
        size: u32,
        force: bool,
    ) -> Result<(), ApiError> {
        let lock = self
            .locks
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .entry(creator.to_string())
            .or_default()
            .clone();
        let _one_at_a_time = lock.lock().await;
        if !force && store.history_synced(creator, fan).await.unwrap_or(false) {
            return Ok(()); // a batch read for another chat brought it meanwhile
        }
        let others = store
            .chats_awaiting_history(creator, fan, 49)
            .await
            .unwrap_or_default();
        let others: Vec<String> = others
            .into_iter()
            .filter(|f| uuid::Uuid::parse_str(f).is_ok())
            .collect();
        // One chat alone (or ours when the batch could not read it, so its error is the answer).
        let alone = || async {
            let page = api.list_messages(fan, Some(1), Some(size), false).await?;
            keep(store, creator, fan, &page.data).await;
            Ok(())
        };
        if others.is_empty() || uuid::Uuid::parse_str(fan).is_err() {
            return alone().await;
        }
        let mut chats = vec![fan.to_string()];
        chats.extend(others);
        let batch = api.batch_messages(&chats, Some(size), None).await?;
        let mut got_ours = false;
        for (chat, page) in &batch.by_chat {
            let chat = chat.to_ascii_lowercase();
            if let Some(err) = &page.error {
                warn!(fan = %chat, error = %err, "the batch could not read a chat's history");
                continue;
            }
            got_ours |= chat.eq_ignore_ascii_case(fan);
            keep(store, creator, &chat, &page.messages).await;
        }
        if !got_ours {
            return alone().await;
        }
        Ok(())
    }
}

/// Stores a chat's messages and marks its history read.
async fn keep(store: &Store, creator: &str, fan: &str, messages: &[Message]) {
    if let Err(e) = store.keep_history(creator, fan, messages, "api").await {
        warn!(error = %e, "cannot store a chat's history");
    }
}
