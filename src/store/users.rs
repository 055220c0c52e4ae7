//! The console's people and their logins: users with a role and an argon2 password hash, and
//! server-side sessions kept by the SHA-256 of their cookie token (a copy of the database logs
//! nobody in). Changing a password or removing a user ends their sessions in the same transaction.

use super::{now_ms, Store, StoreError};
use serde::Serialize;

/// What a console user may see: every creator, or one.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum UserRole {
    /// Every creator.
    Operator,
    /// Only the creator named in the user's row.
    Creator,
}

impl UserRole {
    pub const ALL: [UserRole; 2] = [UserRole::Operator, UserRole::Creator];

    pub fn as_str(self) -> &'static str {
        match self {
            UserRole::Operator => "operator",
            UserRole::Creator => "creator",
        }
    }

    pub fn parse(s: &str) -> Option<UserRole> {
        UserRole::ALL.into_iter().find(|r| r.as_str() == s)
    }
}

/// A console user (the hash only where a login checks it).
#[derive(Clone, Debug, Serialize, sqlx::FromRow)]
pub struct UserRow {
    pub id: i64,
    pub name: String,
    pub role: UserRole,
    /// The creator a `creator` user sees.
    #[sqlx(rename = "creator_handle")]
    pub creator: Option<String>,
    pub created_at: i64,
    pub updated_at: i64,
}

/// A session in force, with its user.
#[derive(Clone, Debug, sqlx::FromRow)]
pub struct SessionRow {
    pub user_id: i64,
    pub name: String,
    pub role: UserRole,
    #[sqlx(rename = "creator_handle")]
    pub creator: Option<String>,
    pub csrf: String,
    pub expires_at: i64,
}

/// A new session: the token's hash, its CSRF token and when it ends (unix ms).
pub struct NewSession<'a> {
    pub token_hash: &'a str,
    pub user_id: i64,
    pub csrf: &'a str,
    pub expires_at: i64,
}

impl Store {
    /// Adds a user; `Conflict` when the name is taken.
    pub async fn add_user(
        &self,
        name: &str,
        role: UserRole,
        creator: Option<&str>,
        password_hash: &str,
    ) -> Result<i64, StoreError> {
        let now = now_ms();
        let res = sqlx::query(
            "INSERT INTO console_users (name, role, creator_handle, password_hash, created_at, updated_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?5) ON CONFLICT (name) DO NOTHING",
        )
        .bind(name)
        .bind(role)
        .bind(creator)
        .bind(password_hash)
        .bind(now)
        .execute(self.writer())
        .await?;
        if res.rows_affected() == 0 {
            return Err(StoreError::Conflict(format!(
                "user `{name}` already exists"
            )));
        }
        Ok(res.last_insert_rowid())
    }

    /// Every user, by name.
    pub async fn users(&self) -> Result<Vec<UserRow>, StoreError> {
        Ok(sqlx::query_as(
            "SELECT id, name, role, creator_handle, created_at, updated_at FROM console_users ORDER BY name",
        )
        .fetch_all(self.reader())
        .await?)
    }

    /// A user's id and password hash, for a login.
    pub async fn user_credentials(&self, name: &str) -> Result<Option<(i64, String)>, StoreError> {
        Ok(
            sqlx::query_as("SELECT id, password_hash FROM console_users WHERE name = ?")
                .bind(name)
                .fetch_optional(self.reader())
                .await?,
        )
    }

    /// Replaces a user's password hash and ends their sessions. Returns the sessions ended.
    pub async fn set_user_password(&self, name: &str, hash: &str) -> Result<u64, StoreError> {
        let mut tx = self.begin_write().await?;
        let id: Option<i64> = sqlx::query_scalar(
            "UPDATE console_users SET password_hash = ?2, updated_at = ?3 WHERE name = ?1 RETURNING id",
        )
        .bind(name)
        .bind(hash)
        .bind(now_ms())
        .fetch_optional(&mut *tx)
        .await?;
        let id = id.ok_or_else(|| StoreError::NotFound(format!("user `{name}`")))?;
        let ended = sqlx::query("DELETE FROM console_sessions WHERE user_id = ?")
            .bind(id)
            .execute(&mut *tx)
            .await?
            .rows_affected();
        tx.commit().await?;
        Ok(ended)
    }

    /// Removes a user and ends their sessions. Returns the sessions ended.
    pub async fn remove_user(&self, name: &str) -> Result<u64, StoreError> {
        let mut tx = self.begin_write().await?;
        let ended = sqlx::query(
            "DELETE FROM console_sessions WHERE user_id IN (SELECT id FROM console_users WHERE name = ?)",
        )
        .bind(name)
        .execute(&mut *tx)
        .await?
        .rows_affected();
        let gone = sqlx::query("DELETE FROM console_users WHERE name = ?")
            .bind(name)
            .execute(&mut *tx)
            .await?
            .rows_affected();
        if gone == 0 {
            return Err(StoreError::NotFound(format!("user `{name}`")));
        }
        tx.commit().await?;
        Ok(ended)
    }

    /// Starts a session (and drops every expired one, so the table stays small).
    pub async fn create_session(&self, s: &NewSession<'_>) -> Result<(), StoreError> {
        let now = now_ms();
        let mut tx = self.begin_write().await?;
        sqlx::query("DELETE FROM console_sessions WHERE expires_at <= ?")
            .bind(now)
            .execute(&mut *tx)
            .await?;
        sqlx::query(
            "INSERT INTO console_sessions (token_hash, user_id, csrf, created_at, expires_at)
             VALUES (?, ?, ?, ?, ?)",
        )
        .bind(s.token_hash)
        .bind(s.user_id)
        .bind(s.csrf)
        .bind(now)
        .bind(s.expires_at)
        .execute(&mut *tx)
        .await?;
        tx.commit().await?;
        Ok(())
    }

    /// The session with this token hash and its user, if it is still in force at `now`.
    pub async fn session(
        &self,
        token_hash: &str,
        now: i64,
    ) -> Result<Option<SessionRow>, StoreError> {
        Ok(sqlx::query_as(
            "SELECT s.user_id, u.name, u.role, u.creator_handle, s.csrf, s.expires_at
             FROM console_sessions s JOIN console_users u ON u.id = s.user_id
             WHERE s.token_hash = ? AND s.expires_at > ?",
        )
        .bind(token_hash)
        .bind(now)
        .fetch_optional(self.reader())
        .await?)
    }

    /// Ends one session (logout).
    pub async fn end_session(&self, token_hash: &str) -> Result<(), StoreError> {
        sqlx::query("DELETE FROM console_sessions WHERE token_hash = ?")
            .bind(token_hash)
            .execute(self.writer())
            .await?;
        Ok(())
    }
}
