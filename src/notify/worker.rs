//! One channel's delivery loop: its due notices in order, at most `max_per_minute` messages a
//! minute (the rest in one digest), retries with backoff. Each channel has its own task, so a
//! channel that is down only delays its own notices.

use super::{
    channel::{self, SendError},
    render,
};
use crate::{
    config::{ChannelConfig, Config, LiveConfig},
    domain::retry::RetryPolicy,
    store::{notify::Delivery, now_ms, Store, StoreError},
};
use std::{
    collections::VecDeque,
    sync::Arc,
    time::{Duration, Instant},
};
use tokio::sync::Notify;
use tokio_util::sync::CancellationToken;
use tracing::{info, warn};

const MINUTE: Duration = Duration::from_secs(60);

pub(crate) struct Worker {
    pub store: Store,
    pub cfg: LiveConfig,
    pub name: String,
    pub http: reqwest::Client,
    pub wake: Arc<Notify>,
    /// When this channel's last messages went out (the rate cap's window).
    sent: VecDeque<Instant>,
    /// Failed attempts in a row (the backoff's exponent) and until when the channel rests.
    failures: u32,
    resting_until: Option<Instant>,
}

impl Worker {
    pub fn new(store: Store, cfg: LiveConfig, name: String, wake: Arc<Notify>) -> Worker {
        let timeout = Duration::from_secs(cfg.get().notify.timeout_secs);
        Worker {
            store,
            cfg,
            name,
            http: channel::http_client(timeout),
            wake,
            sent: VecDeque::new(),
            failures: 0,
            resting_until: None,
        }
    }

    /// Delivers until `shutdown`, or until its channel leaves the configuration.
    pub async fn run(mut self, shutdown: CancellationToken) {
        loop {
            let cfg = self.cfg.get();
            let Some(ch) = cfg.notify.channels.iter().find(|c| c.name == self.name) else {
                return;
            };
            let wait = tokio::select! {
                _ = shutdown.cancelled() => return,
                w = self.step(&cfg, ch) => w.unwrap_or_else(|e| {
                    warn!(channel = %self.name, error = %e, "cannot read the notification queue");
                    Duration::from_secs(1)
                }),
            };
            if wait.is_zero() {
                continue;
            }
            tokio::select! {
                _ = shutdown.cancelled() => return,
                _ = self.wake.notified() => {},
                _ = tokio::time::sleep(wait) => {},
            }
        }
    }

    /// One round: sends one message if one is due and allowed; returns how long to wait before
    /// the next round (zero: at once).
    async fn step(&mut self, cfg: &Config, ch: &ChannelConfig) -> Result<Duration, StoreError> {
        if let Some(until) = self.resting_until.filter(|u| *u > Instant::now()) {
            return Ok(until - Instant::now());
        }
        let now = now_ms();
        let due = self.store.due_deliveries(&self.name, now, 500).await?;
        if due.is_empty() {
            let next = self.store.next_delivery_due(&self.name).await?;
            let ms = next.map(|t| (t - now).clamp(10, 1000)).unwrap_or(1000);
            return Ok(Duration::from_millis(ms as u64));
        }
        while self.sent.front().is_some_and(|t| t.elapsed() >= MINUTE) {
            self.sent.pop_front();
        }
        let cap = cfg.notify.cap(ch) as usize;
        if self.sent.len() >= cap {
            let oldest = *self.sent.front().expect("the window is full");
            return Ok(MINUTE
                .saturating_sub(oldest.elapsed())
                .max(Duration::from_millis(10)));
        }
        // A digest formed earlier goes out as it was (its receivers may have seen its id).
        if let Some(batch) = due.iter().find_map(|d| d.batch) {
            let items: Vec<&Delivery> = due.iter().filter(|d| d.batch == Some(batch)).collect();
            return Ok(self.digest(cfg, ch, batch, &items).await);
        }
        let budget = cap - self.sent.len();
        if due.len() <= budget || budget > 1 {
            return Ok(self.single(cfg, ch, &due[0]).await);
        }
        // Over the cap: everything due goes out as one message.
        let ids: Vec<i64> = due.iter().map(|d| d.id).collect();
        self.store.batch_deliveries(&ids, ids[0]).await?;
        let items: Vec<&Delivery> = due.iter().collect();
        Ok(self.digest(cfg, ch, ids[0], &items).await)
    }

    async fn single(&mut self, cfg: &Config, ch: &ChannelConfig, d: &Delivery) -> Duration {
        let notice = scoped(cfg, ch, d);
        let out = render::outgoing(&d.key, &notice, cfg.log.message_text);
        let res = self.send(cfg, ch, &out).await;
        info!(channel = %self.name, notice = %d.key, what = %render::label(&notice), ok = res.is_ok(), "notification");
        self.record(cfg, &[d], res, d.attempts).await
    }

    async fn digest(
        &mut self,
        cfg: &Config,
        ch: &ChannelConfig,
        batch: i64,
        items: &[&Delivery],
    ) -> Duration {
        let list: Vec<(String, crate::domain::Notice)> = items
            .iter()
            .map(|d| (d.key.clone(), scoped(cfg, ch, d)))
            .collect();
        let out = render::digest(
            batch,
            &list,
            cfg.log.message_text,
            cfg.notify.cap(ch),
            channel::max_chars(ch.kind),
        );
        let res = self.send(cfg, ch, &out).await;
        info!(channel = %self.name, digest = batch, notices = items.len(), ok = res.is_ok(), "notification digest");
        if res.is_ok() {
            crate::metrics::metrics().notification(&self.name, "digested", items.len() as u64);
        }
        let attempts = items.iter().map(|d| d.attempts).max().unwrap_or(0);
        self.record(cfg, items, res, attempts).await
    }

    async fn send(
        &self,
        cfg: &Config,
        ch: &ChannelConfig,
        out: &render::Outgoing,
    ) -> Result<(), SendError> {
        let timeout = Duration::from_secs(cfg.notify.timeout_secs);
        match tokio::time::timeout(
            timeout + Duration::from_secs(1),
            channel::send(ch, &self.http, timeout, out),
        )
        .await
        {
            Ok(r) => r,
            Err(_) => Err(SendError {
                message: format!("no answer within {} s", timeout.as_secs()),
                retry_after: None,
            }),
        }
    }

    /// Records an attempt's outcome (until the store takes it: a delivered notice left pending
    /// would be sent again) and returns the wait before the next round.
    async fn record(
        &mut self,
        cfg: &Config,
        items: &[&Delivery],
        res: Result<(), SendError>,
        attempts: i64,
    ) -> Duration {
        let ids: Vec<i64> = items.iter().map(|d| d.id).collect();
        let m = crate::metrics::metrics();
        match res {
            Ok(()) => {
                m.notification(&self.name, "sent", 1);
                self.sent.push_back(Instant::now());
                self.failures = 0;
                until_recorded(|| self.store.deliveries_sent(&ids)).await;
                Duration::ZERO
            }
            Err(e) => {
                m.notification(&self.name, "failed", 1);
                self.failures = self.failures.max(attempts as u32) + 1;
                let policy = RetryPolicy::new(Duration::from_secs(cfg.notify.retry_max_secs));
                let wait = policy
                    .delay(self.failures)
                    .max(e.retry_after.unwrap_or_default());
                warn!(channel = %self.name, error = %e, attempt = self.failures, retry_in_ms = wait.as_millis() as u64, "notification not delivered; retrying");
                let at = now_ms() + wait.as_millis() as i64;
                until_recorded(|| self.store.delivery_retry(&ids, at, &e.message)).await;
                self.resting_until = Some(Instant::now() + wait);
                wait
            }
        }
    }
}

/// The notice as this channel sees it: a daily summary keeps only the creators it covers.
fn scoped(cfg: &Config, ch: &ChannelConfig, d: &Delivery) -> crate::domain::Notice {
    let mut n = d.notice.clone();
    if !n.summary.is_empty() {
        let notify = cfg.creator_notify();
        n.summary
            .retain(|l| cfg.notify.covers(ch, &l.creator, &notify));
    }
    n
}

/// Runs a store write until it succeeds (a full disk, a lock held by the CLI), backing off.
async fn until_recorded<F, Fut>(mut write: F)
where
    F: FnMut() -> Fut,
    Fut: std::future::Future<Output = Result<(), StoreError>>,
{
    let mut failures = 0;
    while let Err(e) = write().await {
        failures += 1;
        let delay = crate::domain::retry::STORE_WRITE.delay(failures);
        warn!(error = %e, retry_in_ms = delay.as_millis() as u64, "cannot record a notification's delivery yet");
        tokio::time::sleep(delay).await;
    }
}
