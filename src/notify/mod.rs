//! Operator notifications: the notices the store writes with the decisions that cause them
//! (escalations, drafts awaiting approval, reconnects, failed sends), LLM outages and the daily
//! summary, delivered durably to the configured channels. A task of its own, with its own store
//! reads and writes: it never blocks the pipeline.
//!
//! - The notifier (here) routes each new notice to its channels (one delivery row per notice and
//!   channel: a restart or a second look never makes two), writes the daily summary and keeps
//!   one worker task per channel.
//! - [`worker`]: a channel's loop: at least once, in order, rate-capped with a digest, retried
//!   with backoff ([`crate::domain::retry`]); a channel that is down delays only its own notices.
//! - [`render`]: what a message says per format, fan text escaped and redacted; [`channel`]: one
//!   attempt over HTTP (signed webhook, Slack, Discord, Telegram) or SMTP.
//! - [`llm`]: watches the LLM's answers and notices outages.

pub mod channel;
pub mod llm;
pub mod render;
mod worker;

pub use llm::WatchedLlm;

use crate::{
    config::{ChannelConfig, Config, LiveConfig},
    domain::{Notice, NoticeKind},
    store::{now_ms, Store, StoreError},
};
use std::{collections::HashMap, sync::Arc, time::Duration};
use tokio::{sync::Notify, task::JoinHandle};
use tokio_util::sync::CancellationToken;
use tracing::{info, warn};

/// Delivered notices are kept this long (then pruned).
const KEEP_MS: i64 = 30 * 24 * 3_600_000;

/// The notification task: routes notices, runs one worker per configured channel.
pub struct Notifier {
    pub store: Store,
    pub cfg: LiveConfig,
    workers: HashMap<String, (Arc<Notify>, JoinHandle<()>)>,
    pruned_at: i64,
}

impl Notifier {
    pub fn new(store: Store, cfg: LiveConfig) -> Notifier {
        Notifier {
            store,
            cfg,
            workers: HashMap::new(),
            // The first prune an hour after the start: a starting daemon writes nothing it need not.
            pruned_at: now_ms(),
        }
    }

    /// Runs until `shutdown`, then waits for its workers (each stops at once; a notice being
    /// sent stays pending and goes out after the next start).
    pub async fn run(mut self, shutdown: CancellationToken) {
        let written = self.store.notices_written();
        let mut known: Vec<String> = vec![];
        loop {
            let cfg = self.cfg.get();
            let names: Vec<String> = cfg.notify.channels.iter().map(|c| c.name.clone()).collect();
            if names != known {
                match self.store.fail_unknown_channels(&names).await {
                    Ok(0) => {}
                    Ok(n) => warn!(
                        deliveries = n,
                        "notifications to channels no longer configured were given up"
                    ),
                    Err(e) => warn!(error = %e, "cannot tidy the notification queue"),
                }
                known = names;
            }
            self.workers_for(&cfg, &shutdown);
            if let Err(e) = self.tick(&cfg).await {
                warn!(error = %e, "notifications: cannot read or write the store; retrying");
            }
            tokio::select! {
                _ = shutdown.cancelled() => break,
                _ = written.notified() => {},
                _ = tokio::time::sleep(Duration::from_secs(1)) => {},
            }
        }
        for (_, (_, handle)) in self.workers.drain() {
            let _ = handle.await;
        }
    }

    /// Routes new notices, writes the daily summary when due, prunes old deliveries.
    async fn tick(&mut self, cfg: &Config) -> Result<(), StoreError> {
        self.route(cfg).await?;
        self.daily_summary(cfg).await?;
        let now = now_ms();
        if now - self.pruned_at > 3_600_000 {
            self.pruned_at = now;
            self.store.prune_notices(now - KEEP_MS).await?;
        }
        Ok(())
    }

    /// One worker per configured channel (a reload may add some; a removed one's worker ends).
    fn workers_for(&mut self, cfg: &Config, shutdown: &CancellationToken) {
        self.workers.retain(|_, (_, h)| !h.is_finished());
        for c in &cfg.notify.channels {
            if self.workers.contains_key(&c.name) {
                continue;
            }
            let wake = Arc::new(Notify::new());
            let w = worker::Worker::new(
                self.store.clone(),
                self.cfg.clone(),
                c.name.clone(),
                wake.clone(),
            );
            let handle = tokio::spawn(w.run(shutdown.clone()));
            crate::metrics::metrics().init_channel(&c.name);
            self.workers.insert(c.name.clone(), (wake, handle));
        }
    }

    /// Gives each new notice its deliveries, one per channel it goes to, and wakes those channels.
    async fn route(&self, cfg: &Config) -> Result<(), StoreError> {
        loop {
            let new = self.store.unrouted_notices(200).await?;
            if new.is_empty() {
                return Ok(());
            }
            let notify = cfg.creator_notify();
            let routes: Vec<(i64, Vec<String>)> = new
                .iter()
                .map(|u| {
                    let to = u.notice.as_ref().map(|n| channels_for(cfg, n, &notify));
                    (u.id, to.unwrap_or_default())
                })
                .collect();
            self.store.route_notices(&routes).await?;
            for name in routes.iter().flat_map(|(_, c)| c) {
                if let Some((wake, _)) = self.workers.get(name) {
                    wake.notify_one();
                }
            }
        }
    }

    /// Writes the summary of the last 24 hours once a day, at `notify.daily_summary_at` local
    /// time (its key is the local date: one per day, whatever restarts).
    async fn daily_summary(&self, cfg: &Config) -> Result<(), StoreError> {
        let Some((h, m)) = cfg.notify.summary_time() else {
            return Ok(());
        };
        if cfg.notify.channels.is_empty() {
            return Ok(());
        }
        let now = now_ms();
        let local = time::OffsetDateTime::from_unix_timestamp(now / 1000)
            .unwrap_or(time::OffsetDateTime::UNIX_EPOCH)
            + time::Duration::minutes(cfg.notify.summary_utc_offset_minutes as i64);
        if (local.hour() as u32, local.minute() as u32) < (h, m) {
            return Ok(());
        }
        let date = local.date().to_string();
        let key = format!("summary:{date}");
        if self.store.has_notice(&key).await? {
            return Ok(());
        }
        let lines = self.store.summary_lines(now - 24 * 3_600_000).await?;
        if self
            .store
            .record_notice(&key, &Notice::summary(&date, lines, now))
            .await?
        {
            info!(date = %date, "daily summary written");
        }
        Ok(())
    }
}

/// The names of the channels a notice goes to now (an `llm_up` nowhere unless
/// `notify.llm_recovered`).
fn channels_for(
    cfg: &Config,
    n: &Notice,
    notify: &std::collections::BTreeMap<String, Vec<String>>,
) -> Vec<String> {
    if n.kind == NoticeKind::LlmUp && !cfg.notify.llm_recovered {
        return vec![];
    }
    cfg.notify
        .route(n, notify)
        .into_iter()
        .map(|c| c.name.clone())
        .collect()
}

/// `doctor`: one test message to each channel, sent now; each channel's result.
pub async fn test_channels(cfg: &Config) -> Vec<(&ChannelConfig, Result<(), channel::SendError>)> {
    let timeout = Duration::from_secs(cfg.notify.timeout_secs);
    let http = channel::http_client(timeout);
    let mut out = vec![];
    for c in &cfg.notify.channels {
        let now = now_ms();
        let notice = Notice::test(&c.name, now);
        let msg = render::outgoing(&format!("test:{}:{now}", c.name), &notice, false);
        let res = match tokio::time::timeout(
            timeout + Duration::from_secs(1),
            channel::send(c, &http, timeout, &msg),
        )
        .await
        {
            Ok(r) => r,
            Err(_) => Err(channel::SendError {
                message: format!("no answer within {} s", timeout.as_secs()),
                retry_after: None,
            }),
        };
        out.push((c, res));
    }
    out
}
