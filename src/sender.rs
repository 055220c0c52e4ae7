//! The sender: one task per creator drains that creator's outbox through its rate limiter.
//! A send whose outcome is unknown (timeout, 5xx, crash) becomes `in_doubt` and is reconciled by
//! reading the chat before anything is resent: never a blind retry.

use crate::{
    app::Apis,
    config::LiveConfig,
    fanvue::{client::SendMessage, ApiError},
    store::{now_ms, outbox::OutboxRow, Store},
};
use rand::Rng;
use std::{
    collections::HashMap,
    sync::{Arc, Mutex},
    time::Duration,
};
use tokio::sync::Notify;
use tokio_util::sync::CancellationToken;
use tracing::{info, warn};

/// Wakes a creator's sender when its outbox gets a row.
#[derive(Clone, Debug, Default)]
pub struct SenderHandle {
    map: Arc<Mutex<HashMap<String, Arc<Notify>>>>,
}

impl SenderHandle {
    pub fn notify_for(&self, creator: &str) -> Arc<Notify> {
        self.map
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .entry(creator.to_string())
            .or_default()
            .clone()
    }

    pub fn wake(&self, creator: &str) {
        self.notify_for(creator).notify_one();
    }
}

/// What one creator's sender needs.
#[derive(Clone)]
pub struct Sender {
    pub store: Store,
    pub cfg: LiveConfig,
    pub apis: Arc<Apis>,
}

/// How a delivery attempt ended.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Delivery {
    Sent {
        message_uuid: String,
        reconciled: bool,
    },
    Rescheduled {
        state: &'static str,
        after: Duration,
        error: String,
    },
    Failed(String),
    /// Not open any more (another task took it).
    Skipped,
}

impl Sender {
    /// Drains `creator`'s outbox until `shutdown`: due rows in order, then sleeps until the next
    /// row is due or it is woken.
    pub async fn run(self, creator: String, wake: Arc<Notify>, shutdown: CancellationToken) {
        loop {
            let mut next_due: Option<i64> = None;
            match self.store.open_outbox(&creator).await {
                Ok(rows) => {
                    for row in rows {
                        if shutdown.is_cancelled() {
                            return;
                        }
                        if row.not_before > now_ms() {
                            next_due = Some(row.not_before);
                            break;
                        }
                        // A send interrupted by shutdown stays `sending` and is reconciled on start.
                        tokio::select! {
                            _ = shutdown.cancelled() => return,
                            _ = self.deliver(&row) => {},
                        }
                    }
                }
                Err(e) => {
                    warn!(creator = %creator, error = %e, "cannot read the outbox");
                    next_due = Some(now_ms() + 1000);
                }
            }
            let wait = next_due
                .map(|t| Duration::from_millis((t - now_ms()).clamp(0, 5000) as u64))
                .unwrap_or(Duration::from_secs(5));
            tokio::select! {
                _ = shutdown.cancelled() => return,
                _ = wake.notified() => {},
                _ = tokio::time::sleep(wait) => {},
            }
        }
    }

    /// One delivery attempt of one row, recorded in the store.
    #[tracing::instrument(skip(self, row), fields(creator = %row.creator, fan = %row.fan, outbox = row.id))]
    pub async fn deliver(&self, row: &OutboxRow) -> Delivery {
        let res = self.attempt(row).await;
        match &res {
            Delivery::Sent { .. } | Delivery::Skipped => {}
            Delivery::Rescheduled {
                state,
                after,
                error,
            } => {
                warn!(error = %error, state, retry_in_ms = after.as_millis() as u64, "send not done");
                let at = now_ms() + after.as_millis() as i64;
                until_recorded(|| self.store.reschedule_outbox(row.id, state, at, error, 0)).await;
            }
            Delivery::Failed(e) => {
                warn!(error = %e, "send failed for good");
                crate::metrics::metrics()
                    .sends
                    .get_or_create(&crate::metrics::DecisionLabels {
                        creator: row.creator.clone(),
                        outcome: "failed".into(),
                    })
                    .inc();
                until_recorded(|| self.store.mark_failed(row.id, e, 0)).await;
            }
        }
        res
    }

    async fn attempt(&self, row: &OutboxRow) -> Delivery {
        let api = self.apis.get(&row.creator);
        if row.state == "in_doubt" {
            match self.reconcile(row).await {
                Ok(Some((uuid, sent_at))) => {
                    info!(message_uuid = %uuid, "in-doubt send found in the chat: not resending");
                    return self.sent(row, uuid, sent_at, 1, true).await;
                }
                Ok(None) => {
                    let _ = self.store.add_outbox_calls(row.id, 1).await;
                }
                Err(e) => return reschedule(row, &e, "in_doubt"),
            }
        }
        if row.attempts >= self.cfg.get().agent.send_attempts as i64 {
            return Delivery::Failed(format!("gave up after {} attempts", row.attempts));
        }
        match self.store.claim_outbox(row.id).await {
            Ok(true) => {}
            Ok(false) => return Delivery::Skipped,
            Err(e) => {
                return Delivery::Rescheduled {
                    state: "pending",
                    after: Duration::from_secs(1),
                    error: e.to_string(),
                }
            }
        }
        let msg = SendMessage {
            text: row.text.clone(),
            media_uuids: row.media_uuids.clone(),
            price: row.price_cents,
            template_uuid: None,
        };
        match api.send_message(&row.fan, &msg).await {
            // The message's time is taken as when the request went out: a fan message written
            // while it was in flight was not seen by this reply, so it is answered, not skipped.
            Ok(sent) => {
                let at = crate::store::outbox::rfc3339_ms(sent.requested_at_ms);
                self.sent(row, sent.message_uuid, Some(at), 1, false).await
            }
            Err(e) => {
                let _ = self.store.add_outbox_calls(row.id, 1).await;
                let state = match &e {
                    ApiError::Transient {
                        maybe_processed: true,
                        ..
                    } => "in_doubt",
                    _ => "pending",
                };
                reschedule(row, &e, state)
            }
        }
    }

    /// `sent_at` is Fanvue's timestamp when known (reconciled), else when the request went out.
    async fn sent(
        &self,
        row: &OutboxRow,
        uuid: String,
        sent_at: Option<String>,
        calls: i64,
        reconciled: bool,
    ) -> Delivery {
        let m = crate::metrics::metrics();
        // The message is out: its row is `sending` until this is recorded (a crash meanwhile is
        // reconciled on the next start).
        let e2e = until_recorded(|| self.store.mark_sent(row, &uuid, sent_at.clone(), calls)).await;
        for ms in &e2e {
            m.reply_latency.observe(*ms as f64 / 1000.0);
        }
        let result = if reconciled { "reconciled" } else { "sent" };
        m.sends
            .get_or_create(&crate::metrics::DecisionLabels {
                creator: row.creator.clone(),
                outcome: result.into(),
            })
            .inc();
        info!(message_uuid = %uuid, purpose = %row.purpose, "sent");
        if self.cfg.get().agent.mark_read_after_reply {
            match self.apis.get(&row.creator).mark_read(&row.fan).await {
                Ok(()) => {
                    let _ = self.store.add_outbox_calls(row.id, 1).await;
                }
                Err(e) => warn!(error = %e, "cannot mark the chat read"),
            }
        }
        Delivery::Sent {
            message_uuid: uuid,
            reconciled,
        }
    }

    /// Looks for our text among the chat's newest messages (without marking it read). Returns the
    /// message's uuid and Fanvue's `sentAt`.
    async fn reconcile(
        &self,
        row: &OutboxRow,
    ) -> Result<Option<(String, Option<String>)>, ApiError> {
        let api = self.apis.get(&row.creator);
        let page = api
            .list_messages(&row.fan, Some(1), Some(20), false)
            .await?;
        let ours = self
            .store
            .sent_message_uuids(&row.creator, &row.fan, false)
            .await
            .unwrap_or_default();
        let want = row.text.as_deref().map(str::trim).unwrap_or("");
        let since = row.created_at - 60_000;
        Ok(page
            .data
            .iter()
            .filter(|m| !m.sender.uuid.eq_ignore_ascii_case(&row.fan))
            .filter(|m| !ours.contains(&m.uuid.to_ascii_lowercase()))
            .filter(|m| m.text.as_deref().map(str::trim).unwrap_or("") == want)
            .filter(|m| m.media_uuids.len() == row.media_uuids.len())
            .find(|m| {
                m.sent_at
                    .as_deref()
                    .and_then(crate::agent::parse_ms)
                    .is_none_or(|t| t >= since)
            })
            .map(|m| (m.uuid.clone(), m.sent_at.clone())))
    }
}

fn reschedule(row: &OutboxRow, e: &ApiError, state: &'static str) -> Delivery {
    let backoff = || {
        let base = 1000u64 << (row.attempts.clamp(0, 6) as u32);
        Duration::from_millis(base.min(60_000) + rand::thread_rng().gen_range(0..250))
    };
    let (state, after) = match e {
        ApiError::RateLimited { retry_after } => (state, *retry_after),
        ApiError::Transient { .. } | ApiError::Unauthorized { .. } => (state, backoff()),
        // A paused creator is checked locally (no API call) until reconnected.
        ApiError::PauseCreator { .. } => (state, Duration::from_secs(10)),
        ApiError::VersionSunset { .. } => (state, Duration::from_secs(300)),
        ApiError::Permanent { .. } | ApiError::Invalid(_) if state == "pending" => {
            return Delivery::Failed(e.to_string())
        }
        // A read for reconciling was refused: keep the row in doubt and try again later.
        ApiError::Permanent { .. } | ApiError::Invalid(_) => (state, Duration::from_secs(30)),
    };
    Delivery::Rescheduled {
        state,
        after,
        error: e.to_string(),
    }
}

/// Runs a store write until it succeeds: a row left `sending` in a running daemon would never be
/// picked up again (only a restart reconciles those), so the outcome of a send must be recorded
/// once the store is writable again (full disk, lock held elsewhere). Cancelled with the sender
/// on shutdown.
async fn until_recorded<T, F, Fut>(mut write: F) -> T
where
    F: FnMut() -> Fut,
    Fut: std::future::Future<Output = Result<T, crate::store::StoreError>>,
{
    let mut delay = Duration::from_millis(250);
    loop {
        match write().await {
            Ok(v) => return v,
            Err(e) => {
                warn!(error = %e, retry_in_ms = delay.as_millis() as u64, "cannot record the send's outcome yet");
                tokio::time::sleep(delay).await;
                delay = (delay * 2).min(Duration::from_secs(5));
            }
        }
    }
}
