//! The polling fallback: per creator, list the chats whose last message is the fan's
//! (`not_answered`) and take in the fan messages the inbox lacks (missed or late webhooks). Reads
//! never mark a chat read; polling spends at most a share of the creator's rate budget and slows
//! down while webhooks are flowing. Its batch read doubles as the chats' history.

use crate::{
    agent::history,
    config::{Config, LiveConfig},
    dispatcher::{DispatcherHandle, Wake},
    domain::time::now_ms,
    domain::Party,
    fanvue::{client::ChatQuery, ApiError, Apis},
    store::{inbox::Accepted, CreatorStatus, Store},
};
use std::{
    collections::HashMap,
    sync::{Arc, Mutex},
    time::{Duration, Instant},
};
use tokio_util::sync::CancellationToken;
use tracing::{debug, info, warn};

/// When each creator's last webhook arrived (the poller backs off while they flow).
#[derive(Clone, Debug, Default)]
pub struct WebhookSeen(Arc<Mutex<HashMap<String, Instant>>>);

impl WebhookSeen {
    pub fn saw(&self, creator: &str) {
        self.0
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .insert(creator.to_string(), Instant::now());
    }

    pub fn since(&self, creator: &str) -> Option<Duration> {
        self.0
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .get(creator)
            .map(|t| t.elapsed())
    }
}

/// Calls one poll makes at most: the chat list and one batch read.
const CALLS_PER_POLL: f64 = 2.0;

/// The poll interval for a creator: the configured one, stretched so polling stays within
/// `budget_share` of `limit_per_minute`, and four times longer while webhooks are flowing.
pub fn interval(cfg: &Config, limit_per_minute: u32, webhooks_recent: bool) -> Duration {
    let budget = (limit_per_minute as f64 * cfg.poller.budget_share).max(0.01);
    let min_secs = CALLS_PER_POLL * 60.0 / budget;
    let secs = (cfg.poller.interval_secs as f64).max(min_secs);
    Duration::from_secs_f64(if webhooks_recent { secs * 4.0 } else { secs })
}

#[derive(Clone)]
pub struct Poller {
    pub store: Store,
    pub cfg: LiveConfig,
    pub apis: Arc<Apis>,
    pub dispatcher: DispatcherHandle,
    pub seen: WebhookSeen,
}

impl Poller {
    /// Polls `creator` until shutdown. The first poll comes one interval after start.
    pub async fn run(self, creator: String, shutdown: CancellationToken) {
        loop {
            // A round's config: a reload applies from the next round on.
            let cfg = self.cfg.get();
            let limit = self.apis.get(&creator).limiter().limit();
            let recent = self
                .seen
                .since(&creator)
                .is_some_and(|d| d.as_secs() < cfg.poller.webhook_quiet_secs);
            let wait = interval(&cfg, limit, recent);
            tokio::select! {
                _ = shutdown.cancelled() => return,
                _ = tokio::time::sleep(wait) => {},
            }
            match self.store.creator(&creator).await {
                Ok(Some(c)) if c.status == CreatorStatus::Active => {}
                _ => continue,
            }
            // A page as long as the agent's history: a job that starts before it needs no read
            // of its own.
            let size = cfg.agent.history_messages.clamp(1, 50);
            match self.poll_once(&creator, size).await {
                Ok(0) => debug!(creator = %creator, "poll: nothing new"),
                Ok(n) => {
                    info!(creator = %creator, found = n, "poll found messages the webhooks missed")
                }
                Err(e) => warn!(creator = %creator, error = %e, "poll failed"),
            }
        }
    }

    /// One poll: the chats Fanvue lists as not answered whose last message is the fan's and
    /// unknown here, read in one batch of `size` messages each. Returns how many new fan messages
    /// went into the inbox.
    pub async fn poll_once(&self, creator: &str, size: u32) -> Result<usize, ApiError> {
        let api = self.apis.get(creator);
        let creator_uuid = match self.store.creator(creator).await {
            Ok(Some(c)) => c.uuid,
            _ => None,
        };
        let chats = api
            .list_chats(&ChatQuery {
                page: Some(1),
                size: Some(50),
                // Not `unread`: marking a chat read after our reply also marks a fan message that
                // arrived meanwhile, which an unread-only poll would then never see.
                filters: vec!["not_answered".into()],
                ..Default::default()
            })
            .await?;
        let people = self.candidates(&chats.data).await;
        if people.is_empty() {
            return Ok(0);
        }
        let candidates: Vec<String> = people.iter().map(|(fan, _)| fan.clone()).collect();
        let people: HashMap<String, Party> = people.into_iter().collect();
        let read_at = now_ms();
        let batch = api.batch_messages(&candidates, Some(size), None).await?;
        let mut found = 0;
        for (fan, chat) in batch.by_chat {
            let fan = fan.to_ascii_lowercase();
            if let Some(err) = chat.error {
                debug!(fan = %fan, error = %err, "batch could not read a chat");
                continue;
            }
            let party = people.get(&fan).cloned().unwrap_or(Party {
                uuid: Some(fan.as_str().into()),
                ..Default::default()
            });
            let messages = chat.messages;
            found += self
                .take_in(
                    creator,
                    creator_uuid.as_deref(),
                    &fan,
                    party,
                    messages,
                    read_at,
                )
                .await;
        }
        Ok(found)
    }

    /// The fans of `chats` whose last message is theirs and not known here, in the list's order,
    /// with what the list tells about them.
    async fn candidates(&self, chats: &[crate::fanvue::types::Chat]) -> Vec<(String, Party)> {
        let mut people = vec![];
        for c in chats {
            let fan = c.user.uuid.to_ascii_lowercase();
            let Some(last) = &c.last_message else {
                continue;
            };
            let from_fan = last
                .sender_uuid
                .as_deref()
                .is_none_or(|s| s.eq_ignore_ascii_case(&fan));
            let known = match &last.uuid {
                Some(u) => self.store.knows_message(u).await.unwrap_or(true),
                None => false,
            };
            if from_fan && !known {
                let party = Party {
                    uuid: Some(fan.as_str().into()),
                    handle: c.user.handle.clone(),
                    display_name: c.user.display_name.clone(),
                };
                people.push((fan, party));
            }
        }
        people
    }

    /// Stores one chat's polled page and takes its unanswered fan messages into the inbox,
    /// waking the chat. Returns how many were new.
    async fn take_in(
        &self,
        creator: &str,
        creator_uuid: Option<&str>,
        fan: &str,
        party: Party,
        mut msgs: Vec<crate::fanvue::types::Message>,
        read_at: i64,
    ) -> usize {
        // Fanvue lists newest first; reversed before the stable sort, messages of the same
        // millisecond (a burst) keep the order they were written in, and are stored in it.
        msgs.reverse();
        msgs.sort_by_key(|m| m.sent_at.as_deref().and_then(crate::domain::time::parse_ms));
        let page = crate::fanvue::types::Message::stored_page(&msgs, fan);
        if let Err(e) = self
            .store
            .keep_history(creator, fan, &page, "poll", read_at)
            .await
        {
            warn!(error = %e, "cannot store the polled messages");
        }
        let mut found = 0;
        for m in history::unanswered(&msgs, fan) {
            let event = history::read_event(creator_uuid, party.clone(), m);
            let accepted = self.store.accept_event(&event, Some(creator), "poll").await;
            if let Ok(a) = &accepted {
                let m = crate::metrics::metrics();
                m.accepted(event.kind.name(), "poll", a.as_str(), Some(creator));
            }
            match accepted {
                Ok(Accepted::New { .. }) => {
                    found += 1;
                    self.dispatcher.wake(Wake {
                        creator: creator.to_string(),
                        fan: fan.to_string(),
                        fan_message: true,
                    });
                }
                Ok(_) => {}
                Err(e) => warn!(error = %e, "cannot store a polled event"),
            }
        }
        found
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn polling_stays_within_its_share_of_the_budget_and_slows_while_webhooks_flow() {
        let mut cfg = Config::default();
        cfg.poller.interval_secs = 5;
        cfg.poller.budget_share = 0.2;
        // 100/min, 20 % = 20 calls/min = 2 calls every 6 s: 5 s would overspend.
        assert_eq!(interval(&cfg, 100, false), Duration::from_secs(6));
        assert_eq!(interval(&cfg, 100, true), Duration::from_secs(24));
        cfg.poller.interval_secs = 30;
        assert_eq!(interval(&cfg, 100, false), Duration::from_secs(30));
    }
}
