//! Agent offers (PPV messages with a price): recorded with their outbox row, converted when the
//! fan buys the message, declined when the fan says no. The offer rules read them as a ledger.

use super::{now_ms, Store, StoreError};
use crate::domain::{Ledger, ReplyPlan};
use sqlx::{Sqlite, Transaction};

impl Store {
    /// Past offers to a fan, newest first (the offer rules' ledger). An offer whose message was
    /// never sent does not count.
    pub async fn offer_ledger(&self, creator: &str, fan: &str) -> Result<Ledger, StoreError> {
        let offers: Vec<(String, i64, String)> = sqlx::query_as(
            "SELECT f.media_uuid, f.offered_at, f.status FROM offers f JOIN outbox o ON o.id = f.outbox_id
             WHERE f.creator_handle = ? AND f.fan_uuid = ? AND o.state NOT IN ('failed', 'dropped')
             ORDER BY f.offered_at DESC, f.id DESC",
        )
        .bind(creator)
        .bind(fan)
        .fetch_all(self.reader())
        .await?;
        let marked = self
            .active_marks(creator, fan, now_ms())
            .await?
            .first()
            .map(|m| m.category.as_str().to_string());
        Ok(Ledger { offers, marked })
    }

    /// The fan's offers as `(media, item name, price, status)`, newest first (the last 20): what
    /// a negotiation reads. An offer whose message was never sent does not count.
    pub async fn offer_prices(
        &self,
        creator: &str,
        fan: &str,
    ) -> Result<Vec<(String, Option<String>, i64, String)>, StoreError> {
        Ok(sqlx::query_as(
            "SELECT f.media_uuid, f.item_name, f.price_cents, f.status FROM offers f JOIN outbox o ON o.id = f.outbox_id
             WHERE f.creator_handle = ? AND f.fan_uuid = ? AND o.state NOT IN ('failed', 'dropped')
             ORDER BY f.offered_at DESC, f.id DESC LIMIT 20",
        )
        .bind(creator)
        .bind(fan)
        .fetch_all(self.reader())
        .await?)
    }

    /// The fan turned the last open offer down.
    pub async fn decline_last_offer(
        &self,
        creator: &str,
        fan: &str,
    ) -> Result<Option<String>, StoreError> {
        Ok(sqlx::query_scalar(
            "UPDATE offers SET status = 'declined', resolved_at = ?1 WHERE id = (
                SELECT id FROM offers WHERE creator_handle = ?2 AND fan_uuid = ?3 AND status = 'offered'
                ORDER BY offered_at DESC LIMIT 1) RETURNING coalesce(item_name, media_uuid)",
        )
        .bind(now_ms())
        .bind(creator)
        .bind(fan)
        .fetch_optional(self.writer())
        .await?)
    }

    /// Items a fan bought from our offers, newest first.
    pub async fn purchased_items(
        &self,
        creator: &str,
        fan: &str,
    ) -> Result<Vec<String>, StoreError> {
        const SQL: &str = "SELECT coalesce(item_name, media_uuid) FROM offers WHERE creator_handle = ?1 AND fan_uuid = ?2
             AND status = 'purchased' ORDER BY resolved_at DESC LIMIT 10";
        Ok(super::chat_query(SQL, creator, fan)
            .fetch_all(self.reader())
            .await?)
    }
}

/// Records the offer `plan` carries (media with a price), queued as outbox row `outbox_id`. Part
/// of the caller's transaction.
pub(crate) async fn insert_offer(
    tx: &mut Transaction<'static, Sqlite>,
    creator: &str,
    fan: &str,
    plan: &ReplyPlan,
    outbox_id: i64,
    now: i64,
) -> Result<(), StoreError> {
    let (Some(price), Some(media)) = (plan.price_cents, plan.media_uuids.first()) else {
        return Ok(());
    };
    sqlx::query(
        "INSERT INTO offers (creator_handle, fan_uuid, media_uuid, item_name, price_cents, outbox_id, offered_at)
         VALUES (?, ?, ?, ?, ?, ?, ?)",
    )
    .bind(creator)
    .bind(fan)
    .bind(media)
    .bind(&plan.offer_item)
    .bind(price)
    .bind(outbox_id)
    .bind(now)
    .execute(&mut **tx)
    .await?;
    Ok(())
}

/// A PPV message of ours (Fanvue's uuid `bought`) was bought: its offer converted (true when it
/// was one of ours). Part of the transaction that accepts the purchase.
pub(crate) async fn offer_bought(
    tx: &mut Transaction<'static, Sqlite>,
    creator: &str,
    bought: &str,
    now: i64,
) -> Result<bool, StoreError> {
    let done = sqlx::query(
        "UPDATE offers SET status = 'purchased', resolved_at = ?1 WHERE creator_handle = ?2
         AND outbox_id IN (SELECT id FROM outbox WHERE creator_handle = ?2 AND message_uuid = ?3)",
    )
    .bind(now)
    .bind(creator)
    .bind(bought.to_ascii_lowercase())
    .execute(&mut **tx)
    .await?;
    Ok(done.rows_affected() > 0)
}
