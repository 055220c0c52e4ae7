//! OAuth tokens (ciphertext at rest) and pending connect flows (single-use `state`).

use super::{now_secs, Store, StoreError};
use crate::{config::Secret, crypto::TokenCipher};

/// A creator's token pair as the daemon uses it.
#[derive(Clone, Debug)]
pub struct TokenSet {
    pub access_token: Secret,
    pub refresh_token: Secret,
    /// Unix seconds.
    pub expires_at: i64,
    pub scope: Option<String>,
}

/// Why a callback's `state` was refused.
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum StateError {
    #[error("unknown state: this authorization was not started here")]
    Unknown,
    #[error("state already used: an authorization code is accepted once")]
    Reused,
    #[error("state expired: start `fanvue-agent connect` again")]
    Expired,
}

/// A creator's stored tokens (ciphertext), decoded by column name.
#[derive(sqlx::FromRow)]
struct TokenRow {
    access_token: Vec<u8>,
    refresh_token: Vec<u8>,
    expires_at: i64,
    scope: Option<String>,
}

/// A connect flow started by `fanvue-agent connect` (the verifier is ciphertext).
#[derive(sqlx::FromRow)]
struct PendingRow {
    creator_handle: String,
    code_verifier: Vec<u8>,
    expires_at: i64,
    used_at: Option<i64>,
}

fn ctx(kind: &str, handle: &str) -> String {
    format!("{kind}:{handle}")
}

impl Store {
    /// Binds the creator's Fanvue identity and stores its first tokens, in one transaction, in
    /// which the events held for its uuid before it connected (within
    /// [`super::inbox::RELEASE_HELD_MS`]) are released to it. Returns how many were.
    pub async fn complete_connect(
        &self,
        cipher: &TokenCipher,
        handle: &str,
        uuid: &str,
        display_name: Option<&str>,
        tokens: &TokenSet,
    ) -> Result<usize, StoreError> {
        let now = now_secs();
        let mut tx = self.begin_write().await?;
        sqlx::query(
            "INSERT INTO creators (handle, uuid, display_name, status, created_at, updated_at)
             VALUES (?1, ?2, ?3, 'active', ?4, ?4)
             ON CONFLICT(handle) DO UPDATE SET uuid = ?2, display_name = ?3, status = 'active',
                 status_reason = NULL, updated_at = ?4",
        )
        .bind(handle)
        .bind(uuid.to_ascii_lowercase())
        .bind(display_name)
        .bind(now)
        .execute(&mut *tx)
        .await?;
        upsert_tokens(&mut tx, cipher, handle, tokens).await?;
        let since = super::now_ms() - super::inbox::RELEASE_HELD_MS;
        let released = super::inbox::release_held(&mut tx, handle, uuid, since).await?;
        tx.commit().await?;
        Ok(released)
    }

    /// Persists rotated tokens. Called before the new access token is used, so a crash can never
    /// leave us holding only a refresh token Fanvue has already retired.
    pub async fn save_tokens(
        &self,
        cipher: &TokenCipher,
        handle: &str,
        tokens: &TokenSet,
    ) -> Result<(), StoreError> {
        let mut tx = self.begin_write().await?;
        upsert_tokens(&mut tx, cipher, handle, tokens).await?;
        tx.commit().await?;
        Ok(())
    }

    pub async fn load_tokens(
        &self,
        cipher: &TokenCipher,
        handle: &str,
    ) -> Result<Option<TokenSet>, StoreError> {
        let r: Option<TokenRow> = sqlx::query_as(
            "SELECT access_token, refresh_token, expires_at, scope FROM oauth_tokens WHERE creator_handle = ?",
        )
        .bind(handle)
        .fetch_optional(self.reader())
        .await?;
        match r {
            None => Ok(None),
            Some(r) => Ok(Some(TokenSet {
                access_token: Secret::new(cipher.decrypt(&r.access_token, &ctx("access", handle))?),
                refresh_token: Secret::new(
                    cipher.decrypt(&r.refresh_token, &ctx("refresh", handle))?,
                ),
                expires_at: r.expires_at,
                scope: r.scope,
            })),
        }
    }

    /// When the creator's stored access token expires (unix seconds), if there is one.
    pub async fn token_expiry(&self, handle: &str) -> Result<Option<i64>, StoreError> {
        Ok(
            sqlx::query_scalar("SELECT expires_at FROM oauth_tokens WHERE creator_handle = ?")
                .bind(handle)
                .fetch_optional(self.reader())
                .await?,
        )
    }

    /// How many times the creator's tokens were written (1 on connect, +1 per refresh).
    pub async fn token_generation(&self, handle: &str) -> Result<i64, StoreError> {
        Ok(
            sqlx::query_scalar("SELECT generation FROM oauth_tokens WHERE creator_handle = ?")
                .bind(handle)
                .fetch_optional(self.reader())
                .await?
                .unwrap_or(0),
        )
    }

    pub async fn insert_pending_auth(
        &self,
        cipher: &TokenCipher,
        state: &str,
        handle: &str,
        verifier: &str,
        ttl_secs: i64,
    ) -> Result<(), StoreError> {
        let mut tx = self.begin_write().await?;
        let p = Pending {
            state,
            handle,
            verifier,
            ttl_secs,
            return_to: None,
        };
        insert_pending(&mut tx, cipher, &p).await?;
        tx.commit().await?;
        Ok(())
    }

    /// A connect started in the console: the pending authorization (the callback sends the
    /// browser back to `return_to`) and the human action that started it, in one transaction.
    pub async fn insert_console_pending_auth(
        &self,
        cipher: &TokenCipher,
        p: &Pending<'_>,
        action: &super::actions::NewAction<'_>,
    ) -> Result<(), StoreError> {
        let mut tx = self.begin_write().await?;
        insert_pending(&mut tx, cipher, p).await?;
        super::actions::insert_action(&mut tx, action).await?;
        tx.commit().await?;
        Ok(())
    }

    /// Where the callback of `state` sends the browser back to (a connect started in the console).
    pub async fn pending_return_to(&self, state: &str) -> Result<Option<String>, StoreError> {
        Ok(sqlx::query_scalar::<_, Option<String>>(
            "SELECT return_to FROM oauth_pending WHERE state = ?",
        )
        .bind(state)
        .fetch_optional(self.reader())
        .await?
        .flatten())
    }

    /// The creator and outcome (`connected` or `failed: why`) of a finished connect flow.
    pub async fn pending_result(
        &self,
        state: &str,
    ) -> Result<Option<(String, String)>, StoreError> {
        Ok(sqlx::query_as(
            "SELECT creator_handle, outcome FROM oauth_pending WHERE state = ? AND outcome IS NOT NULL",
        )
        .bind(state)
        .fetch_optional(self.reader())
        .await?)
    }

    /// When the creator's access token expires (unix seconds) and the scopes granted, if connected.
    /// The tokens themselves stay in the store.
    pub async fn token_grant(
        &self,
        handle: &str,
    ) -> Result<Option<(i64, Option<String>)>, StoreError> {
        Ok(
            sqlx::query_as("SELECT expires_at, scope FROM oauth_tokens WHERE creator_handle = ?")
                .bind(handle)
                .fetch_optional(self.reader())
                .await?,
        )
    }

    /// Consumes a `state` exactly once: returns the creator and PKCE verifier it was issued for.
    pub async fn take_pending_auth(
        &self,
        cipher: &TokenCipher,
        state: &str,
    ) -> Result<Result<(String, Secret), StateError>, StoreError> {
        let now = now_secs();
        let mut tx = self.begin_write().await?;
        let r: Option<PendingRow> = sqlx::query_as(
            "SELECT creator_handle, code_verifier, expires_at, used_at FROM oauth_pending WHERE state = ?",
        )
        .bind(state)
        .fetch_optional(&mut *tx)
        .await?;
        let out = match r {
            None => Err(StateError::Unknown),
            Some(p) if p.used_at.is_some() => Err(StateError::Reused),
            Some(p) if p.expires_at < now => Err(StateError::Expired),
            Some(p) => {
                sqlx::query("UPDATE oauth_pending SET used_at = ? WHERE state = ?")
                    .bind(now)
                    .bind(state)
                    .execute(&mut *tx)
                    .await?;
                Ok((
                    p.creator_handle,
                    Secret::new(cipher.decrypt(&p.code_verifier, &ctx("pkce", state))?),
                ))
            }
        };
        tx.commit().await?;
        Ok(out)
    }

    pub async fn set_pending_outcome(&self, state: &str, outcome: &str) -> Result<(), StoreError> {
        sqlx::query("UPDATE oauth_pending SET outcome = ? WHERE state = ?")
            .bind(outcome)
            .bind(state)
            .execute(self.writer())
            .await?;
        Ok(())
    }

    pub async fn pending_outcome(&self, state: &str) -> Result<Option<String>, StoreError> {
        Ok(sqlx::query_scalar::<_, Option<String>>(
            "SELECT outcome FROM oauth_pending WHERE state = ?",
        )
        .bind(state)
        .fetch_optional(self.reader())
        .await?
        .flatten())
    }
}

/// A connect flow to record: its single-use `state`, the creator, the PKCE verifier (stored
/// encrypted), how long it may wait for the callback, and where the browser goes back to.
pub struct Pending<'a> {
    pub state: &'a str,
    pub handle: &'a str,
    pub verifier: &'a str,
    pub ttl_secs: i64,
    pub return_to: Option<&'a str>,
}

async fn insert_pending(
    tx: &mut sqlx::Transaction<'static, sqlx::Sqlite>,
    cipher: &TokenCipher,
    p: &Pending<'_>,
) -> Result<(), StoreError> {
    let now = now_secs();
    sqlx::query(
        "INSERT INTO oauth_pending (state, creator_handle, code_verifier, created_at, expires_at, return_to)
         VALUES (?, ?, ?, ?, ?, ?)",
    )
    .bind(p.state)
    .bind(p.handle)
    .bind(cipher.encrypt(p.verifier, &ctx("pkce", p.state)))
    .bind(now)
    .bind(now + p.ttl_secs)
    .bind(p.return_to)
    .execute(&mut **tx)
    .await?;
    Ok(())
}

async fn upsert_tokens(
    tx: &mut sqlx::Transaction<'static, sqlx::Sqlite>,
    cipher: &TokenCipher,
    handle: &str,
    t: &TokenSet,
) -> Result<(), StoreError> {
    sqlx::query(
        "INSERT INTO oauth_tokens (creator_handle, access_token, refresh_token, expires_at, scope, generation, updated_at)
         VALUES (?1, ?2, ?3, ?4, ?5, 1, ?6)
         ON CONFLICT(creator_handle) DO UPDATE SET access_token = ?2, refresh_token = ?3, expires_at = ?4,
             scope = ?5, generation = generation + 1, updated_at = ?6",
    )
    .bind(handle)
    .bind(cipher.encrypt(t.access_token.expose(), &ctx("access", handle)))
    .bind(cipher.encrypt(t.refresh_token.expose(), &ctx("refresh", handle)))
    .bind(t.expires_at)
    .bind(&t.scope)
    .bind(now_secs())
    .execute(&mut **tx)
    .await?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::test_store;

    fn cipher() -> TokenCipher {
        TokenCipher::from_base64(&TokenCipher::generate_key()).unwrap()
    }

    #[tokio::test]
    async fn tokens_are_stored_as_ciphertext_and_read_back() {
        let (s, _d) = test_store().await;
        let c = cipher();
        let t = TokenSet {
            access_token: Secret::new("ACCESS-PLAINTEXT-123"),
            refresh_token: Secret::new("REFRESH-PLAINTEXT-456"),
            expires_at: 1234,
            scope: Some("read:chat".into()),
        };
        s.complete_connect(&c, "alice", "UUID-A", Some("Alice"), &t)
            .await
            .unwrap();
        let raw: Vec<(Vec<u8>, Vec<u8>)> =
            sqlx::query_as("SELECT access_token, refresh_token FROM oauth_tokens")
                .fetch_all(s.reader())
                .await
                .unwrap();
        for (a, r) in raw {
            assert!(!String::from_utf8_lossy(&a).contains("PLAINTEXT"));
            assert!(!String::from_utf8_lossy(&r).contains("PLAINTEXT"));
        }
        let back = s.load_tokens(&c, "alice").await.unwrap().unwrap();
        assert_eq!(back.refresh_token.expose(), "REFRESH-PLAINTEXT-456");
        assert_eq!(
            s.creator_by_uuid("uuid-a").await.unwrap().unwrap().handle,
            "alice"
        );
        s.save_tokens(&c, "alice", &t).await.unwrap();
        assert_eq!(s.token_generation("alice").await.unwrap(), 2);
    }

    #[tokio::test]
    async fn events_held_before_the_creator_connected_are_released_to_it_once() {
        use crate::store::{inbox::Accepted, testing};
        let (s, _d) = test_store().await;
        let fan = "3f2a1b2c-0000-4000-8000-000000000009";
        let held = |key: &str| {
            let e = testing::fan_message(key, fan, "hi, anyone there?");
            let s = s.clone();
            async move { s.accept_event(&e, None, "webhook").await.unwrap() }
        };
        let Accepted::Held { id: fresh } = held("fresh").await else {
            panic!("an unknown creator's event is held")
        };
        let Accepted::Held { id: old } = held("old").await else {
            panic!("held")
        };
        sqlx::query("UPDATE inbox SET received_at = received_at - 2 * 86400000 WHERE id = ?")
            .bind(old)
            .execute(s.writer())
            .await
            .unwrap();
        let t = TokenSet {
            access_token: Secret::new("a"),
            refresh_token: Secret::new("r"),
            expires_at: 1234,
            scope: None,
        };
        let released = s.complete_connect(&cipher(), "c", "C-UUID", None, &t).await;
        assert_eq!(released.unwrap(), 1, "the day-old one stays held");
        assert_eq!(s.pending_chats().await.unwrap(), [("c".into(), fan.into())]);
        let history = s.history("c", fan, 10).await.unwrap();
        assert_eq!(history.len(), 1, "the message is in the chat's history");
        let reason: String = sqlx::query_scalar("SELECT reason FROM decisions WHERE inbox_id = ?")
            .bind(fresh)
            .fetch_one(s.reader())
            .await
            .unwrap();
        assert!(
            reason.ends_with("released to c when it connected"),
            "{reason}"
        );
        // A redelivery is now a duplicate, and a second connect releases nothing again.
        let again = testing::fan_message("fresh", fan, "hi, anyone there?");
        let dup = s.accept_event(&again, Some("c"), "webhook").await.unwrap();
        assert_eq!(dup, Accepted::Duplicate);
        let twice = s.complete_connect(&cipher(), "c", "c-uuid", None, &t).await;
        assert_eq!(twice.unwrap(), 0);
    }

    #[tokio::test]
    async fn webhook_routes_find_a_creator_connected_after_a_miss_and_are_remembered() {
        let (s, _d) = test_store().await;
        let t = TokenSet {
            access_token: Secret::new("a"),
            refresh_token: Secret::new("r"),
            expires_at: 1234,
            scope: None,
        };
        assert_eq!(s.route("UUID-B").await.unwrap(), None);
        s.complete_connect(&cipher(), "bob", "uuid-b", None, &t)
            .await
            .unwrap();
        assert_eq!(
            s.route("UUID-B").await.unwrap().as_deref(),
            Some("bob"),
            "a miss is not remembered"
        );
        sqlx::query("UPDATE creators SET uuid = NULL WHERE handle = 'bob'")
            .execute(s.writer())
            .await
            .unwrap();
        assert_eq!(
            s.route("uuid-b").await.unwrap().as_deref(),
            Some("bob"),
            "a hit is"
        );
    }

    #[tokio::test]
    async fn a_state_is_accepted_once_and_unknown_or_expired_states_are_refused() {
        let (s, _d) = test_store().await;
        let c = cipher();
        s.insert_pending_auth(&c, "st-1", "alice", "verifier-1", 600)
            .await
            .unwrap();
        let (h, v) = s.take_pending_auth(&c, "st-1").await.unwrap().unwrap();
        assert_eq!((h.as_str(), v.expose()), ("alice", "verifier-1"));
        assert_eq!(
            s.take_pending_auth(&c, "st-1").await.unwrap().unwrap_err(),
            StateError::Reused
        );
        assert_eq!(
            s.take_pending_auth(&c, "nope").await.unwrap().unwrap_err(),
            StateError::Unknown
        );
        s.insert_pending_auth(&c, "st-2", "alice", "v", -1)
            .await
            .unwrap();
        assert_eq!(
            s.take_pending_auth(&c, "st-2").await.unwrap().unwrap_err(),
            StateError::Expired
        );
    }
}
