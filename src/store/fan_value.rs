//! What Fanvue says each fan is worth (`fan_value`): status, lifetime spend, subscription, read
//! from the insights with a TTL and topped up by the payments the daemon accepts. Replies, offers,
//! follow-ups, sequences and stats read it here; [`Store::contactable`] is the one question every
//! sender of messages asks.

use super::{Store, StoreError};
use crate::domain::{FanStatus, FanValue};
use sqlx::{Sqlite, Transaction};

/// A `fan_value` row with the chat list's top-spender flag beside it.
#[derive(sqlx::FromRow)]
struct ValueRow {
    status: String,
    lifetime_spend_cents: i64,
    max_single_payment_cents: i64,
    last_purchase_at: Option<String>,
    renews_at: Option<String>,
    auto_renew: Option<bool>,
    expired_at: Option<i64>,
    fetched_at: i64,
    top_spender: Option<bool>,
}

impl From<ValueRow> for FanValue {
    fn from(r: ValueRow) -> FanValue {
        FanValue {
            status: FanStatus::parse(&r.status),
            lifetime_spend_cents: r.lifetime_spend_cents,
            max_single_payment_cents: r.max_single_payment_cents,
            last_purchase_at: r.last_purchase_at,
            renews_at: r.renews_at,
            auto_renew: r.auto_renew,
            expired_at_ms: r.expired_at,
            top_spender: r.top_spender.unwrap_or(false),
            fetched_at_ms: r.fetched_at,
        }
    }
}

impl Store {
    /// What the store knows of a fan's value (never read: the default, `fetched_at_ms` 0, with
    /// the chat list's top-spender flag when the chat is known).
    pub async fn fan_value(&self, creator: &str, fan: &str) -> Result<FanValue, StoreError> {
        const SQL: &str = "SELECT coalesce(v.status, 'unknown') AS status,
                coalesce(v.lifetime_spend_cents, 0) AS lifetime_spend_cents,
                coalesce(v.max_single_payment_cents, 0) AS max_single_payment_cents,
                v.last_purchase_at, v.renews_at, v.auto_renew, v.expired_at,
                coalesce(v.fetched_at, 0) AS fetched_at,
                c.is_top_spender AS top_spender
            FROM (SELECT ?1 AS creator_handle, ?2 AS fan_uuid) k
            LEFT JOIN fan_value v ON v.creator_handle = k.creator_handle AND v.fan_uuid = k.fan_uuid
            LEFT JOIN chats c ON c.creator_handle = k.creator_handle AND c.fan_uuid = k.fan_uuid";
        let row: ValueRow = sqlx::query_as(SQL)
            .bind(creator)
            .bind(fan)
            .fetch_one(self.reader())
            .await?;
        Ok(row.into())
    }

    /// Whether anything may be sent to `fan`: false once Fanvue said the fan is not contactable
    /// (insights, or a send refused for it), until a later read says otherwise. Reads only the
    /// store: asking costs no API call.
    pub async fn contactable(&self, creator: &str, fan: &str) -> Result<bool, StoreError> {
        const SQL: &str = "SELECT NOT EXISTS (SELECT 1 FROM fan_value WHERE creator_handle = ?1
             AND fan_uuid = ?2 AND status = 'not_contactable')";
        Ok(super::chat_query(SQL, creator, fan)
            .fetch_one(self.reader())
            .await?)
    }

    /// Records values read from Fanvue at `fetched_at_ms` (the payments seen since are in them).
    pub async fn put_fan_values(
        &self,
        creator: &str,
        values: &[(String, FanValue)],
    ) -> Result<(), StoreError> {
        let mut tx = self.begin_write().await?;
        for (fan, v) in values {
            sqlx::query(
                "INSERT INTO fan_value (creator_handle, fan_uuid, status, lifetime_spend_cents,
                    max_single_payment_cents, last_purchase_at, renews_at, auto_renew, expired_at,
                    fetched_at)
                 VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                 ON CONFLICT(creator_handle, fan_uuid) DO UPDATE SET status = excluded.status,
                    lifetime_spend_cents = excluded.lifetime_spend_cents,
                    max_single_payment_cents = excluded.max_single_payment_cents,
                    last_purchase_at = excluded.last_purchase_at,
                    -- An expired read keeps the end date a subscriber read gave, when it has none.
                    renews_at = CASE WHEN excluded.status = 'expired'
                        THEN coalesce(excluded.renews_at, fan_value.renews_at)
                        ELSE excluded.renews_at END,
                    auto_renew = excluded.auto_renew,
                    -- When it ended: kept once known; else its end date; else, for a fan this
                    -- daemon saw subscribed, the end date that read gave (or now, if later or
                    -- none); else unknown (never just expired).
                    expired_at = CASE WHEN excluded.status != 'expired' THEN NULL
                        ELSE coalesce(fan_value.expired_at, excluded.expired_at,
                            CASE WHEN fan_value.status = 'subscriber' THEN min(excluded.fetched_at,
                                coalesce(CAST(strftime('%s', fan_value.renews_at) AS INTEGER) * 1000,
                                         excluded.fetched_at)) END)
                        END,
                    fetched_at = excluded.fetched_at",
            )
            .bind(creator)
            .bind(fan)
            .bind(v.status.as_str())
            .bind(v.lifetime_spend_cents)
            .bind(v.max_single_payment_cents)
            .bind(&v.last_purchase_at)
            .bind(&v.renews_at)
            .bind(v.auto_renew)
            .bind(v.expired_at_ms)
            .bind(v.fetched_at_ms)
            .execute(&mut *tx)
            .await?;
        }
        tx.commit().await?;
        Ok(())
    }

    /// Fanvue refused a message to `fan` as not contactable: nothing more is sent to them until
    /// a read of their insights says otherwise.
    pub async fn mark_not_contactable(&self, creator: &str, fan: &str) -> Result<(), StoreError> {
        sqlx::query(
            "INSERT INTO fan_value (creator_handle, fan_uuid, status) VALUES (?, ?, 'not_contactable')
             ON CONFLICT(creator_handle, fan_uuid) DO UPDATE SET status = 'not_contactable'",
        )
        .bind(creator)
        .bind(fan)
        .execute(self.writer())
        .await?;
        Ok(())
    }

    /// Up to `limit` fans of `creator` (other than `except`) with events waiting whose value was
    /// not read since `fresh_after_ms`: read in the same bulk call as `except`'s.
    pub async fn fans_to_value(
        &self,
        creator: &str,
        except: &str,
        fresh_after_ms: i64,
        limit: i64,
    ) -> Result<Vec<String>, StoreError> {
        Ok(sqlx::query_scalar(
            "SELECT i.fan_uuid FROM inbox i WHERE i.creator_handle = ?1 AND i.state = 'pending'
               AND i.fan_uuid <> ?2
               AND NOT EXISTS (SELECT 1 FROM fan_value v WHERE v.creator_handle = ?1
                               AND v.fan_uuid = i.fan_uuid AND v.fetched_at > ?3)
             GROUP BY i.fan_uuid ORDER BY min(i.id) LIMIT ?4",
        )
        .bind(creator)
        .bind(except)
        .bind(fresh_after_ms)
        .bind(limit)
        .fetch_all(self.reader())
        .await?)
    }
}

/// The fan paid `cents` (a purchase or tip just accepted): their lifetime spend grows at once, so
/// prices and tiers see it before the next read. Part of the transaction that accepts the event.
pub(crate) async fn add_payment(
    tx: &mut Transaction<'static, Sqlite>,
    creator: &str,
    fan: &str,
    cents: i64,
) -> Result<(), StoreError> {
    if cents <= 0 {
        return Ok(());
    }
    sqlx::query(
        "UPDATE fan_value SET lifetime_spend_cents = lifetime_spend_cents + ?3,
            max_single_payment_cents = max(max_single_payment_cents, ?3)
         WHERE creator_handle = ?1 AND fan_uuid = ?2",
    )
    .bind(creator)
    .bind(fan)
    .bind(cents)
    .execute(&mut **tx)
    .await?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::test_store;

    fn value(status: FanStatus, spend: i64) -> FanValue {
        FanValue {
            status,
            lifetime_spend_cents: spend,
            fetched_at_ms: 1_000,
            ..Default::default()
        }
    }

    #[tokio::test]
    async fn a_fan_never_read_is_unknown_and_contactable() {
        let (s, _d) = test_store().await;
        assert_eq!(s.fan_value("c1", "f1").await.unwrap(), FanValue::default());
        assert!(s.contactable("c1", "f1").await.unwrap());
    }

    #[tokio::test]
    async fn values_read_from_fanvue_are_kept_and_a_not_contactable_fan_is_refused_until_read_again(
    ) {
        let (s, _d) = test_store().await;
        let read = vec![
            ("f1".to_string(), value(FanStatus::Expired, 25_000)),
            ("f2".to_string(), value(FanStatus::NotContactable, 0)),
        ];
        s.put_fan_values("c1", &read).await.unwrap();
        let f1 = s.fan_value("c1", "f1").await.unwrap();
        assert_eq!(
            (f1.status, f1.lifetime_spend_cents),
            (FanStatus::Expired, 25_000)
        );
        assert!(s.contactable("c1", "f1").await.unwrap());
        assert!(!s.contactable("c1", "f2").await.unwrap());
        assert!(s.contactable("c2", "f2").await.unwrap(), "per creator");
        s.put_fan_values("c1", &[("f2".into(), value(FanStatus::Follower, 0))])
            .await
            .unwrap();
        assert!(s.contactable("c1", "f2").await.unwrap());
        s.mark_not_contactable("c1", "f1").await.unwrap();
        assert!(!s.contactable("c1", "f1").await.unwrap());
        assert_eq!(
            s.fan_value("c1", "f1").await.unwrap().lifetime_spend_cents,
            25_000,
            "a refused send keeps what was known"
        );
    }

    #[tokio::test]
    async fn a_payment_grows_the_lifetime_spend_before_the_next_read() {
        let (s, _d) = test_store().await;
        s.put_fan_values("c1", &[("f1".into(), value(FanStatus::Subscriber, 1_000))])
            .await
            .unwrap();
        let mut tx = s.begin_write().await.unwrap();
        add_payment(&mut tx, "c1", "f1", 2_500).await.unwrap();
        add_payment(&mut tx, "c1", "nobody", 2_500).await.unwrap();
        tx.commit().await.unwrap();
        let v = s.fan_value("c1", "f1").await.unwrap();
        assert_eq!(
            (v.lifetime_spend_cents, v.max_single_payment_cents),
            (3_500, 2_500)
        );
        assert_eq!(s.fan_value("c1", "nobody").await.unwrap().fetched_at_ms, 0);
    }
}
