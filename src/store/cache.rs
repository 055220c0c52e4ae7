//! Answers read from Fanvue, kept for a while (`api_cache`): the catalog, what a fan owns, the
//! rate-limit state across restarts.

use super::{now_secs, Store, StoreError};
use sqlx::{Sqlite, Transaction};

/// The `api_cache` key of what a fan owns (dropped when the fan buys something).
pub fn owned_media_key(fan: &str) -> String {
    format!("owned:{}", fan.to_ascii_lowercase())
}

impl Store {
    pub async fn cache_put(
        &self,
        creator: &str,
        key: &str,
        value: &serde_json::Value,
    ) -> Result<(), StoreError> {
        sqlx::query(
            "INSERT INTO api_cache (creator_handle, key, value, fetched_at) VALUES (?1, ?2, ?3, ?4)
             ON CONFLICT(creator_handle, key) DO UPDATE SET value = ?3, fetched_at = ?4",
        )
        .bind(creator)
        .bind(key)
        .bind(value.to_string())
        .bind(now_secs())
        .execute(self.writer())
        .await?;
        Ok(())
    }

    /// A cached value no older than `max_age_secs`.
    pub async fn cache_get(
        &self,
        creator: &str,
        key: &str,
        max_age_secs: i64,
    ) -> Result<Option<serde_json::Value>, StoreError> {
        let r: Option<String> = sqlx::query_scalar(
            "SELECT value FROM api_cache WHERE creator_handle = ? AND key = ? AND fetched_at >= ?",
        )
        .bind(creator)
        .bind(key)
        .bind(now_secs() - max_age_secs)
        .fetch_optional(self.reader())
        .await?;
        Ok(r.and_then(|s| serde_json::from_str(&s).ok()))
    }
}

/// The fan bought something: what they own is read afresh by the next offer. Part of the
/// transaction that accepts the purchase.
pub(crate) async fn forget_owned(
    tx: &mut Transaction<'static, Sqlite>,
    creator: &str,
    fan: &str,
) -> Result<(), StoreError> {
    sqlx::query("DELETE FROM api_cache WHERE creator_handle = ? AND key = ?")
        .bind(creator)
        .bind(owned_media_key(fan))
        .execute(&mut **tx)
        .await?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use crate::store::test_store;

    #[tokio::test]
    async fn the_cache_expires_by_age() {
        let (s, _d) = test_store().await;
        s.cache_put("alice", "media", &serde_json::json!([1]))
            .await
            .unwrap();
        assert!(s.cache_get("alice", "media", 60).await.unwrap().is_some());
        assert!(s.cache_get("alice", "media", -5).await.unwrap().is_none());
    }
}
