//! Creators and their connection status (`pending → active ⇄ needs_reconnect | paused`).

use super::{actions::NewAction, now_ms, now_secs, Store, StoreError};
use crate::domain::Mode;
use serde::Serialize;
use std::collections::BTreeMap;

/// How long a webhook route (creator uuid → handle) is remembered.
pub const ROUTE_TTL: std::time::Duration = std::time::Duration::from_secs(30);

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum CreatorStatus {
    Pending,
    Active,
    NeedsReconnect,
    Paused,
}

impl CreatorStatus {
    pub const ALL: [CreatorStatus; 4] = [
        CreatorStatus::Pending,
        CreatorStatus::Active,
        CreatorStatus::NeedsReconnect,
        CreatorStatus::Paused,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            CreatorStatus::Pending => "pending",
            CreatorStatus::Active => "active",
            CreatorStatus::NeedsReconnect => "needs_reconnect",
            CreatorStatus::Paused => "paused",
        }
    }
}

#[derive(Clone, Debug, Serialize, sqlx::FromRow)]
pub struct CreatorRow {
    pub handle: String,
    pub uuid: Option<String>,
    pub display_name: Option<String>,
    pub status: CreatorStatus,
    pub status_reason: Option<String>,
}

const SELECT: &str = "SELECT handle, uuid, display_name, status, status_reason FROM creators";

impl Store {
    /// Makes sure a row exists for a configured creator.
    pub async fn ensure_creator(&self, handle: &str) -> Result<(), StoreError> {
        let now = now_secs();
        sqlx::query("INSERT INTO creators (handle, created_at, updated_at) VALUES (?, ?, ?) ON CONFLICT(handle) DO NOTHING")
            .bind(handle)
            .bind(now)
            .bind(now)
            .execute(self.writer())
            .await?;
        Ok(())
    }

    pub async fn creator(&self, handle: &str) -> Result<Option<CreatorRow>, StoreError> {
        Ok(sqlx::query_as(&format!("{SELECT} WHERE handle = ?"))
            .bind(handle)
            .fetch_optional(self.reader())
            .await?)
    }

    pub async fn creator_by_uuid(&self, uuid: &str) -> Result<Option<CreatorRow>, StoreError> {
        Ok(sqlx::query_as(&format!("{SELECT} WHERE uuid = ?"))
            .bind(uuid.to_ascii_lowercase())
            .fetch_optional(self.reader())
            .await?)
    }

    /// The handle of the creator bound to `uuid`: what a webhook is routed by. Found handles are
    /// remembered for [`ROUTE_TTL`], so a webhook storm does not look each one up again.
    pub async fn route(&self, uuid: &str) -> Result<Option<String>, StoreError> {
        let key = uuid.to_ascii_lowercase();
        if let Some((handle, at)) = self.routes().get(&key) {
            if at.elapsed() < ROUTE_TTL {
                return Ok(Some(handle.clone()));
            }
        }
        let handle = self.creator_by_uuid(&key).await?.map(|c| c.handle);
        if let Some(h) = &handle {
            self.routes()
                .insert(key, (h.clone(), std::time::Instant::now()));
        }
        Ok(handle)
    }

    fn routes(&self) -> std::sync::MutexGuard<'_, super::Routes> {
        self.routes.lock().unwrap_or_else(|p| p.into_inner())
    }

    pub async fn creators(&self) -> Result<Vec<CreatorRow>, StoreError> {
        Ok(sqlx::query_as(&format!("{SELECT} ORDER BY handle"))
            .fetch_all(self.reader())
            .await?)
    }

    /// Sets a creator's status. Becoming `needs_reconnect` (from any other status) writes a
    /// notice in the same transaction: someone must run `fanvue-agent connect`.
    pub async fn set_creator_status(
        &self,
        handle: &str,
        status: CreatorStatus,
        reason: Option<&str>,
    ) -> Result<(), StoreError> {
        let mut tx = self.begin_write().await?;
        let before: Option<CreatorStatus> =
            sqlx::query_scalar("SELECT status FROM creators WHERE handle = ?")
                .bind(handle)
                .fetch_optional(&mut *tx)
                .await?;
        let Some(before) = before else {
            return Err(StoreError::NotFound(format!("creator {handle}")));
        };
        sqlx::query(
            "UPDATE creators SET status = ?, status_reason = ?, updated_at = ? WHERE handle = ?",
        )
        .bind(status)
        .bind(reason)
        .bind(now_secs())
        .bind(handle)
        .execute(&mut *tx)
        .await?;
        let became =
            status == CreatorStatus::NeedsReconnect && before != CreatorStatus::NeedsReconnect;
        if became {
            let now = super::now_ms();
            let notice = crate::domain::Notice::reconnect(handle, reason, now);
            super::notify::insert_notice(&mut tx, &format!("reconnect:{handle}:{now}"), &notice)
                .await?;
        }
        tx.commit().await?;
        if became {
            self.wake_notifier();
        }
        Ok(())
    }
}

/// A mode chosen in the console (it wins over the config file's until cleared).
#[derive(Clone, Debug, Serialize, sqlx::FromRow)]
pub struct ConsoleMode {
    #[sqlx(rename = "creator_handle")]
    pub creator: String,
    pub mode: String,
    pub set_by: String,
    pub set_at: i64,
}

/// A decision that failed (an API, auth or LLM error), for the Creators page.
#[derive(Clone, Debug, Serialize, sqlx::FromRow)]
pub struct FailedDecision {
    #[sqlx(rename = "fan_uuid")]
    pub fan: Option<String>,
    pub reason: String,
    pub decided_at: i64,
}

impl Store {
    /// Every mode chosen in the console, by creator.
    pub async fn console_modes(&self) -> Result<Vec<ConsoleMode>, StoreError> {
        Ok(sqlx::query_as(
            "SELECT creator_handle, mode, set_by, set_at FROM creator_modes ORDER BY creator_handle",
        )
        .fetch_all(self.reader())
        .await?)
    }

    /// The modes chosen in the console, as the live config applies them.
    pub async fn console_mode_map(&self) -> Result<BTreeMap<String, Mode>, StoreError> {
        Ok(self
            .console_modes()
            .await?
            .into_iter()
            .filter_map(|m| {
                let mode = Mode::ALL.into_iter().find(|x| x.as_str() == m.mode)?;
                Some((m.creator, mode))
            })
            .collect())
    }

    /// Sets (`Some`) or clears (`None`: the config file decides again) a creator's console mode,
    /// and records who did it, in one transaction.
    pub async fn set_console_mode(
        &self,
        handle: &str,
        mode: Option<Mode>,
        action: &NewAction<'_>,
    ) -> Result<(), StoreError> {
        let mut tx = self.begin_write().await?;
        match mode {
            Some(m) => {
                sqlx::query(
                    "INSERT INTO creator_modes (creator_handle, mode, set_by, set_at) VALUES (?1, ?2, ?3, ?4)
                     ON CONFLICT(creator_handle) DO UPDATE SET mode = ?2, set_by = ?3, set_at = ?4",
                )
                .bind(handle)
                .bind(m.as_str())
                .bind(action.actor)
                .bind(now_ms())
                .execute(&mut *tx)
                .await?;
            }
            None => {
                sqlx::query("DELETE FROM creator_modes WHERE creator_handle = ?")
                    .bind(handle)
                    .execute(&mut *tx)
                    .await?;
            }
        }
        super::actions::insert_action(&mut tx, action).await?;
        tx.commit().await?;
        Ok(())
    }

    /// Pauses (`on`) an active creator or resumes a paused one, and records who did it, in one
    /// transaction. Any other status is refused ([`StoreError::Conflict`]) and nothing changes.
    pub async fn pause_creator_by(
        &self,
        handle: &str,
        on: bool,
        action: &NewAction<'_>,
    ) -> Result<(), StoreError> {
        let mut tx = self.begin_write().await?;
        let status: Option<CreatorStatus> =
            sqlx::query_scalar("SELECT status FROM creators WHERE handle = ?")
                .bind(handle)
                .fetch_optional(&mut *tx)
                .await?;
        let status = status.ok_or_else(|| StoreError::NotFound(format!("creator {handle}")))?;
        let (to, reason) = match (on, status) {
            (true, CreatorStatus::Active) => (
                CreatorStatus::Paused,
                Some(format!("paused by {}", action.actor)),
            ),
            (false, CreatorStatus::Paused) => (CreatorStatus::Active, None),
            (true, s) => {
                return Err(StoreError::Conflict(format!(
                    "{handle} is {}: only an active creator can be paused",
                    s.as_str()
                )))
            }
            (false, s) => {
                return Err(StoreError::Conflict(format!(
                    "{handle} is {}, not paused",
                    s.as_str()
                )))
            }
        };
        sqlx::query(
            "UPDATE creators SET status = ?, status_reason = ?, updated_at = ? WHERE handle = ?",
        )
        .bind(to)
        .bind(reason)
        .bind(now_secs())
        .bind(handle)
        .execute(&mut *tx)
        .await?;
        super::actions::insert_action(&mut tx, action).await?;
        tx.commit().await?;
        Ok(())
    }

    /// The creator's newest failed decisions (API, auth or LLM errors), newest first.
    pub async fn failed_decisions(
        &self,
        handle: &str,
        limit: i64,
    ) -> Result<Vec<FailedDecision>, StoreError> {
        Ok(sqlx::query_as(
            "SELECT fan_uuid, reason, decided_at FROM decisions
             WHERE creator_handle = ? AND outcome = 'failed' ORDER BY id DESC LIMIT ?",
        )
        .bind(handle)
        .bind(limit)
        .fetch_all(self.reader())
        .await?)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::test_store;

    #[tokio::test]
    async fn a_creator_moves_between_statuses() {
        let (s, _d) = test_store().await;
        s.ensure_creator("alice").await.unwrap();
        s.ensure_creator("alice").await.unwrap();
        assert_eq!(
            s.creator("alice").await.unwrap().unwrap().status,
            CreatorStatus::Pending
        );
        s.set_creator_status(
            "alice",
            CreatorStatus::NeedsReconnect,
            Some("invalid_grant"),
        )
        .await
        .unwrap();
        let c = s.creator("alice").await.unwrap().unwrap();
        assert_eq!(c.status, CreatorStatus::NeedsReconnect);
        assert_eq!(c.status_reason.as_deref(), Some("invalid_grant"));
        assert!(s
            .set_creator_status("nobody", CreatorStatus::Active, None)
            .await
            .is_err());
        assert_eq!(s.creators().await.unwrap().len(), 1);
    }
}
