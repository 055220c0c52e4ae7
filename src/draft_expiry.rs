//! Approve-mode drafts that waited too long: a periodic sweep expires them (never sent; their
//! decisions say so), so a reply is not sent hours after the conversation moved on. `approve`
//! enforces the same limit for a draft the sweep has not reached yet.

use crate::{
    config::LiveConfig,
    domain::time::now_ms,
    store::{Store, StoreError},
};
use std::time::Duration;
use tokio_util::sync::CancellationToken;
use tracing::{info, warn};

#[derive(Clone)]
pub struct DraftExpiry {
    pub store: Store,
    pub cfg: LiveConfig,
}

impl DraftExpiry {
    /// Sweeps until `shutdown`.
    pub async fn run(self, shutdown: CancellationToken) {
        loop {
            tokio::select! {
                _ = shutdown.cancelled() => return,
                _ = tokio::time::sleep(self.every()) => {},
            }
            match self.sweep(now_ms()).await {
                Ok(0) => {}
                Ok(n) => info!(drafts = n, "drafts expired without approval; not sent"),
                Err(e) => warn!(error = %e, "draft expiry sweep failed; retrying"),
            }
        }
    }

    /// A tenth of the shortest time to live, within 1 s and 60 s: a draft outlives its limit by
    /// at most that (and `approve` refuses it meanwhile anyway).
    fn every(&self) -> Duration {
        let cfg = self.cfg.get();
        let shortest = std::iter::once(cfg.agent.draft_ttl_secs)
            .chain(cfg.creators.values().filter_map(|c| c.draft_ttl_secs))
            .filter(|s| *s > 0)
            .min()
            .unwrap_or(600);
        Duration::from_millis((shortest * 100).clamp(1_000, 60_000))
    }

    /// Expires every draft past its creator's time to live at `now`. Returns how many.
    pub async fn sweep(&self, now: i64) -> Result<u64, StoreError> {
        let cfg = self.cfg.get();
        let mut n = 0;
        for creator in self.store.creators_with_awaiting_drafts().await? {
            if let Some(ttl) = cfg.creator_draft_ttl(&creator) {
                n += self.store.expire_drafts(&creator, ttl, now).await?;
            }
        }
        Ok(n)
    }
}
