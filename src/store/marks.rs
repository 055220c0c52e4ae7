//! Safety marks on fans (see `domain::marks`): set with the decision that escalated, read before
//! any message to the fan is drafted or sent, cleared only by a human (or a pause's time).

use super::{now_ms, Store, StoreError};
use crate::domain::{MarkCategory, NewMark, SafetyMark};
use sqlx::{Sqlite, Transaction};

/// A `safety_marks` row, decoded by column name.
#[derive(sqlx::FromRow)]
struct MarkRow {
    id: i64,
    creator_handle: String,
    fan_uuid: String,
    category: MarkCategory,
    rule: String,
    reason: String,
    set_at: i64,
    until: Option<i64>,
    cleared_at: Option<i64>,
    cleared_by: Option<String>,
    clear_reason: Option<String>,
}

const COLUMNS: &str = "id, creator_handle, fan_uuid, category, rule, reason, set_at, until, \
                       cleared_at, cleared_by, clear_reason";

impl From<MarkRow> for SafetyMark {
    fn from(r: MarkRow) -> SafetyMark {
        SafetyMark {
            id: r.id,
            creator: r.creator_handle,
            fan: r.fan_uuid,
            category: r.category,
            rule: r.rule,
            reason: r.reason,
            set_at: r.set_at,
            until: r.until,
            cleared_at: r.cleared_at,
            cleared_by: r.cleared_by,
            clear_reason: r.clear_reason,
        }
    }
}

/// Inserts `marks` for one fan inside the caller's transaction (the escalating decision's).
pub(crate) async fn insert_marks(
    tx: &mut Transaction<'static, Sqlite>,
    creator: &str,
    fan: &str,
    marks: &[NewMark],
) -> Result<(), StoreError> {
    let now = now_ms();
    for m in marks {
        sqlx::query(
            "INSERT INTO safety_marks (creator_handle, fan_uuid, category, rule, reason, set_at, until)
             VALUES (?, ?, ?, ?, ?, ?, ?)",
        )
        .bind(creator)
        .bind(fan)
        .bind(m.category)
        .bind(&m.rule)
        .bind(&m.reason)
        .bind(now)
        .bind(m.until)
        .execute(&mut **tx)
        .await?;
    }
    Ok(())
}

impl Store {
    /// The marks in force on a fan at `now`, a minor mark first, then the newest.
    pub async fn active_marks(
        &self,
        creator: &str,
        fan: &str,
        now: i64,
    ) -> Result<Vec<SafetyMark>, StoreError> {
        let rows: Vec<MarkRow> = sqlx::query_as(&format!(
            "SELECT {COLUMNS} FROM safety_marks
             WHERE creator_handle = ? AND fan_uuid = ? AND cleared_at IS NULL
               AND (until IS NULL OR until > ?)
             ORDER BY category = 'minor' DESC, set_at DESC"
        ))
        .bind(creator)
        .bind(fan.to_ascii_lowercase())
        .bind(now)
        .fetch_all(self.reader())
        .await?;
        Ok(rows.into_iter().map(SafetyMark::from).collect())
    }

    /// Marks, newest first: those in force unless `all`, of one creator or every creator.
    pub async fn marks(
        &self,
        creator: Option<&str>,
        all: bool,
        limit: i64,
    ) -> Result<Vec<SafetyMark>, StoreError> {
        let rows: Vec<MarkRow> = sqlx::query_as(&format!(
            "SELECT {COLUMNS} FROM safety_marks
             WHERE (?1 IS NULL OR creator_handle = ?1)
               AND (?2 OR (cleared_at IS NULL AND (until IS NULL OR until > ?3)))
             ORDER BY set_at DESC LIMIT ?4"
        ))
        .bind(creator)
        .bind(all)
        .bind(now_ms())
        .bind(limit)
        .fetch_all(self.reader())
        .await?;
        Ok(rows.into_iter().map(SafetyMark::from).collect())
    }

    /// Clears every mark in force on a fan, saying who and why. Returns how many were cleared.
    pub async fn clear_marks(
        &self,
        creator: &str,
        fan: &str,
        by: &str,
        reason: &str,
    ) -> Result<u64, StoreError> {
        let mut tx = self.begin_write().await?;
        let n = sqlx::query(
            "UPDATE safety_marks SET cleared_at = ?, cleared_by = ?, clear_reason = ?
             WHERE creator_handle = ? AND fan_uuid = ? AND cleared_at IS NULL",
        )
        .bind(now_ms())
        .bind(by)
        .bind(reason)
        .bind(creator)
        .bind(fan.to_ascii_lowercase())
        .execute(&mut *tx)
        .await?
        .rows_affected();
        tx.commit().await?;
        Ok(n)
    }

    /// Marks in force per (creator, category), for the metrics.
    pub async fn active_mark_counts(&self) -> Result<Vec<(String, String, i64)>, StoreError> {
        Ok(sqlx::query_as(
            "SELECT creator_handle, category, count(*) FROM safety_marks
             WHERE cleared_at IS NULL AND (until IS NULL OR until > ?)
             GROUP BY creator_handle, category",
        )
        .bind(now_ms())
        .fetch_all(self.reader())
        .await?)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::{DecisionInfo, EventKind, Outcome};
    use crate::store::testing;

    fn new(category: MarkCategory, until: Option<i64>) -> NewMark {
        NewMark {
            category,
            rule: "r".into(),
            reason: format!("for a human: {}", category.as_str()),
            until,
        }
    }

    #[tokio::test]
    async fn a_mark_set_with_an_escalation_holds_until_cleared_and_a_pause_until_its_time() {
        let (store, _dir) = super::super::test_store().await;
        let followed = testing::event("follow-1", "f", EventKind::NewFollower);
        let ids = vec![testing::accept_new(&store, &followed).await];
        let info = DecisionInfo {
            marks: vec![
                new(MarkCategory::Crisis, Some(now_ms() + 60_000)),
                new(MarkCategory::Minor, None),
            ],
            ..DecisionInfo::reason("escalated")
        };
        store
            .decide("c", "f", &ids, Outcome::Escalated, &info)
            .await
            .unwrap();
        let now = now_ms();
        let active = store.active_marks("c", "f", now).await.unwrap();
        assert_eq!(active.len(), 2);
        assert_eq!(active[0].category, MarkCategory::Minor, "minor first");
        let later = store.active_marks("c", "f", now + 120_000).await.unwrap();
        assert_eq!(
            later.len(),
            1,
            "the crisis pause ran out, the minor mark did not"
        );
        assert_eq!(
            store
                .clear_marks("c", "f", "ops", "checked ID")
                .await
                .unwrap(),
            2
        );
        assert!(store.active_marks("c", "f", now).await.unwrap().is_empty());
        let history = store.marks(Some("c"), true, 10).await.unwrap();
        assert_eq!(history[0].cleared_by.as_deref(), Some("ops"));
        assert_eq!(history[0].clear_reason.as_deref(), Some("checked ID"));
    }
}
