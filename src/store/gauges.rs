//! Counts for the metrics' gauges, read at scrape time, and the heartbeat write that proves the
//! store is writable.

use super::{Store, StoreError};

impl Store {
    /// Pending inbox events per creator.
    pub async fn gauge_inbox_pending(&self) -> Result<Vec<(String, i64)>, StoreError> {
        Ok(sqlx::query_as(
            "SELECT coalesce(creator_handle, '(unknown)'), count(*) FROM inbox
             WHERE state = 'pending' GROUP BY creator_handle",
        )
        .fetch_all(self.reader())
        .await?)
    }

    /// Open outbox rows per creator and state.
    pub async fn gauge_outbox_open(&self) -> Result<Vec<(String, String, i64)>, StoreError> {
        Ok(sqlx::query_as(
            "SELECT creator_handle, state, count(*) FROM outbox
             WHERE state IN ('pending', 'sending', 'in_doubt') GROUP BY creator_handle, state",
        )
        .fetch_all(self.reader())
        .await?)
    }

    /// Drafts awaiting approval per creator.
    pub async fn gauge_drafts_awaiting(&self) -> Result<Vec<(String, i64)>, StoreError> {
        Ok(sqlx::query_as(
            "SELECT creator_handle, count(*) FROM drafts WHERE state = 'awaiting' GROUP BY creator_handle",
        )
        .fetch_all(self.reader())
        .await?)
    }

    /// Offers per creator and status, with their total price in cents.
    pub async fn gauge_offers(&self) -> Result<Vec<(String, String, i64, i64)>, StoreError> {
        Ok(sqlx::query_as(
            "SELECT creator_handle, status, count(*), coalesce(sum(price_cents), 0) FROM offers
             GROUP BY creator_handle, status",
        )
        .fetch_all(self.reader())
        .await?)
    }
}

impl Store {
    /// Proves the store takes writes: one small write transaction on the writer connection.
    pub async fn heartbeat(&self) -> Result<(), StoreError> {
        let mut tx = self.begin_write().await?;
        sqlx::query(
            "INSERT INTO heartbeat (id, at, pid) VALUES (1, ?1, ?2)
             ON CONFLICT(id) DO UPDATE SET at = ?1, pid = ?2",
        )
        .bind(super::now_ms())
        .bind(std::process::id() as i64)
        .execute(&mut *tx)
        .await?;
        tx.commit().await?;
        Ok(())
    }
}
