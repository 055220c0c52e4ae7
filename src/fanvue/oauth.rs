//! OAuth 2.0 + PKCE: authorization URL, code exchange, and per-creator single-flight token refresh.

use super::error::ApiError;
use crate::{
    config::{Config, Secret},
    crypto::TokenCipher,
    store::{now_secs, oauth::TokenSet, CreatorStatus, Store},
};
use base64::{engine::general_purpose::URL_SAFE_NO_PAD as B64URL, Engine};
use rand::{distributions::Alphanumeric, Rng, RngCore};
use serde::Deserialize;
use sha2::{Digest, Sha256};
use std::{
    sync::atomic::{AtomicU64, Ordering},
    time::Duration,
};

/// How long a started authorization may take before its `state` expires.
pub const PENDING_TTL_SECS: i64 = 15 * 60;

#[derive(Debug, Clone, thiserror::Error, PartialEq, Eq)]
pub enum OAuthError {
    /// The refresh token or code is dead (revoked, reused, expired): the creator must reconnect.
    #[error("invalid_grant: {0}")]
    InvalidGrant(String),
    /// The client is misconfigured (wrong id/secret, redirect URI): an operator must fix config.
    #[error("OAuth client rejected ({status}): {error}")]
    Rejected { status: u16, error: String },
    #[error("OAuth server unreachable or failing: {0}")]
    Transient(String),
}

/// The token endpoint's answer.
#[derive(Deserialize)]
pub struct TokenResponse {
    pub access_token: String,
    pub refresh_token: Option<String>,
    pub expires_in: Option<i64>,
    pub scope: Option<String>,
}

impl std::fmt::Debug for TokenResponse {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("TokenResponse")
            .field("expires_in", &self.expires_in)
            .field("scope", &self.scope)
            .finish_non_exhaustive()
    }
}

/// A started authorization: send the user to `url`; keep `state` and `verifier`.
pub struct AuthStart {
    pub state: String,
    pub verifier: Secret,
    pub url: String,
}

/// A PKCE verifier: 64 characters of the unreserved set (RFC 7636 allows 43..128).
pub fn pkce_verifier() -> String {
    rand::thread_rng()
        .sample_iter(&Alphanumeric)
        .take(64)
        .map(char::from)
        .collect()
}

/// `S256` challenge of a verifier.
pub fn pkce_challenge(verifier: &str) -> String {
    B64URL.encode(Sha256::digest(verifier.as_bytes()))
}

/// 43 url-safe characters from 32 random bytes.
pub fn random_state() -> String {
    let mut b = [0u8; 32];
    rand::thread_rng().fill_bytes(&mut b);
    B64URL.encode(b)
}

#[derive(Clone, Debug)]
pub struct OAuthClient {
    http: reqwest::Client,
    authorize_url: String,
    token_url: String,
    client_id: String,
    client_secret: Secret,
    redirect_uri: String,
    scopes: Vec<String>,
}

impl OAuthClient {
    pub fn new(cfg: &Config, http: reqwest::Client) -> Self {
        OAuthClient {
            http,
            authorize_url: cfg.fanvue.authorize_url.clone(),
            token_url: cfg.fanvue.token_url.clone(),
            client_id: cfg.fanvue.client_id.clone(),
            client_secret: cfg.fanvue.client_secret.clone(),
            redirect_uri: cfg.redirect_uri(),
            scopes: cfg.fanvue.scopes.clone(),
        }
    }

    pub fn start(&self) -> AuthStart {
        let state = random_state();
        let verifier = pkce_verifier();
        let mut url = url::Url::parse(&self.authorize_url).expect("validated at config load");
        url.query_pairs_mut()
            .append_pair("response_type", "code")
            .append_pair("client_id", &self.client_id)
            .append_pair("redirect_uri", &self.redirect_uri)
            .append_pair("scope", &self.scopes.join(" "))
            .append_pair("state", &state)
            .append_pair("code_challenge", &pkce_challenge(&verifier))
            .append_pair("code_challenge_method", "S256");
        AuthStart {
            state,
            verifier: Secret::new(verifier),
            url: url.to_string(),
        }
    }

    pub async fn exchange_code(
        &self,
        code: &str,
        verifier: &Secret,
    ) -> Result<TokenResponse, OAuthError> {
        self.token_request(&[
            ("grant_type", "authorization_code"),
            ("code", code),
            ("redirect_uri", &self.redirect_uri),
            ("code_verifier", verifier.expose()),
        ])
        .await
    }

    pub async fn refresh(&self, refresh_token: &Secret) -> Result<TokenResponse, OAuthError> {
        self.token_request(&[
            ("grant_type", "refresh_token"),
            ("refresh_token", refresh_token.expose()),
        ])
        .await
    }

    /// Form-encoded, client authenticated with HTTP Basic (`client_secret_basic`).
    async fn token_request(&self, form: &[(&str, &str)]) -> Result<TokenResponse, OAuthError> {
        let resp = self
            .http
            .post(&self.token_url)
            .basic_auth(&self.client_id, Some(self.client_secret.expose()))
            .form(form)
            .send()
            .await
            .map_err(|e| {
                OAuthError::Transient(if e.is_timeout() {
                    "timeout".into()
                } else {
                    "connection failed".into()
                })
            })?;
        let status = resp.status().as_u16();
        let text = resp
            .text()
            .await
            .map_err(|_| OAuthError::Transient("body unreadable".into()))?;
        if (200..300).contains(&status) {
            return serde_json::from_str(&text)
                .map_err(|_| OAuthError::Transient("token response unreadable".into()));
        }
        let j: serde_json::Value = serde_json::from_str(&text).unwrap_or_default();
        let error = j
            .get("error")
            .and_then(|v| v.as_str())
            .unwrap_or("unknown_error")
            .to_string();
        let desc = j
            .get("error_description")
            .and_then(|v| v.as_str())
            .unwrap_or("")
            .to_string();
        match (status, error.as_str()) {
            (_, "invalid_grant") => Err(OAuthError::InvalidGrant(desc)),
            (500..=599, _) | (429, _) => Err(OAuthError::Transient(format!("HTTP {status}"))),
            _ => Err(OAuthError::Rejected { status, error }),
        }
    }
}

fn token_set(r: TokenResponse, previous_refresh: Option<&Secret>) -> Result<TokenSet, OAuthError> {
    let refresh = match (r.refresh_token, previous_refresh) {
        (Some(t), _) => Secret::new(t),
        (None, Some(p)) => p.clone(),
        (None, None) => {
            return Err(OAuthError::Rejected {
                status: 200,
                error: "no refresh_token granted: the `offline_access` scope is required".into(),
            })
        }
    };
    Ok(TokenSet {
        access_token: Secret::new(r.access_token),
        refresh_token: refresh,
        expires_at: now_secs() + r.expires_in.unwrap_or(3600).max(1),
        scope: r.scope,
    })
}

/// Where a creator's rate-limit state survives restarts (`api_cache`).
const RATE_STATE_KEY: &str = "rate_limit_state";

/// A creator's tokens: cached, refreshed ahead of expiry, one refresh at a time.
pub struct TokenManager {
    handle: String,
    store: Store,
    cipher: TokenCipher,
    oauth: OAuthClient,
    refresh_ahead: Duration,
    /// Holding this lock is what serialises refreshes (single flight).
    cache: tokio::sync::Mutex<Option<TokenSet>>,
    refreshes: AtomicU64,
}

impl std::fmt::Debug for TokenManager {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("TokenManager")
            .field("handle", &self.handle)
            .finish_non_exhaustive()
    }
}

impl TokenManager {
    pub fn new(
        handle: &str,
        store: Store,
        cipher: TokenCipher,
        oauth: OAuthClient,
        refresh_ahead: Duration,
    ) -> Self {
        TokenManager {
            handle: handle.to_string(),
            store,
            cipher,
            oauth,
            refresh_ahead,
            cache: tokio::sync::Mutex::new(None),
            refreshes: AtomicU64::new(0),
        }
    }

    /// How many refresh requests this manager has made.
    pub fn refresh_count(&self) -> u64 {
        self.refreshes.load(Ordering::Relaxed)
    }

    /// A valid access token, refreshed first if it expires within `refresh_ahead`.
    pub async fn access_token(&self) -> Result<Secret, ApiError> {
        let mut cache = self.cache.lock().await;
        let current = self.loaded(&mut cache).await?;
        if current.expires_at - now_secs() > self.refresh_ahead.as_secs() as i64 {
            return Ok(current.access_token);
        }
        match self.refresh_locked(&mut cache, current.clone()).await {
            Ok(t) => Ok(t),
            // Refresh failed for a passing reason but the old token still works: use it.
            Err(ApiError::Transient { .. }) if current.expires_at > now_secs() + 5 => {
                Ok(current.access_token)
            }
            Err(e) => Err(e),
        }
    }

    /// After Fanvue refused `rejected` with 401: refresh, unless another caller already did.
    pub async fn refresh_after_rejection(&self, rejected: &Secret) -> Result<Secret, ApiError> {
        let mut cache = self.cache.lock().await;
        let current = self.loaded(&mut cache).await?;
        if current.access_token != *rejected {
            return Ok(current.access_token);
        }
        self.refresh_locked(&mut cache, current).await
    }

    /// What an earlier process saved of this creator's rate-limit state (none if unreadable).
    pub async fn saved_rate(&self) -> Option<crate::ratelimit::SavedState> {
        let v = self
            .store
            .cache_get(&self.handle, RATE_STATE_KEY, 180)
            .await
            .ok()??;
        serde_json::from_value(v).ok()
    }

    /// Saves this creator's rate-limit state for a restarted process (best effort).
    pub async fn save_rate(&self, state: crate::ratelimit::SavedState) {
        let v = serde_json::to_value(state).unwrap_or_default();
        if let Err(e) = self.store.cache_put(&self.handle, RATE_STATE_KEY, &v).await {
            tracing::debug!(error = %e, "cannot save the rate-limit state");
        }
    }

    /// After Fanvue refused a call with 403 (a scope the app was not granted): the creator waits
    /// for a human to reconnect, instead of every chat asking Fanvue again and again.
    pub async fn forbidden(&self, reason: &str) -> Result<(), ApiError> {
        let mut cache = self.cache.lock().await;
        let reason = format!(
            "{reason}; reconnect granting the missing scope with `fanvue-agent connect {}`",
            self.handle
        );
        tracing::error!(creator = %self.handle, "{reason}");
        self.store
            .set_creator_status(&self.handle, CreatorStatus::NeedsReconnect, Some(&reason))
            .await
            .map_err(store_err)?;
        *cache = None;
        Ok(())
    }

    async fn loaded(&self, cache: &mut Option<TokenSet>) -> Result<TokenSet, ApiError> {
        if let Some(t) = cache.as_ref() {
            return Ok(t.clone());
        }
        let creator = self.store.creator(&self.handle).await.map_err(store_err)?;
        if let Some(c) = &creator {
            if matches!(
                c.status,
                CreatorStatus::NeedsReconnect | CreatorStatus::Paused
            ) {
                return Err(ApiError::PauseCreator {
                    reason: format!("creator {} is {}", self.handle, c.status.as_str()),
                });
            }
        }
        let t = self
            .store
            .load_tokens(&self.cipher, &self.handle)
            .await
            .map_err(store_err)?
            .ok_or_else(|| ApiError::PauseCreator {
                reason: format!(
                    "creator {} is not connected: run `fanvue-agent connect {}`",
                    self.handle, self.handle
                ),
            })?;
        *cache = Some(t.clone());
        Ok(t)
    }

    async fn refresh_locked(
        &self,
        cache: &mut Option<TokenSet>,
        current: TokenSet,
    ) -> Result<Secret, ApiError> {
        self.refreshes.fetch_add(1, Ordering::Relaxed);
        match self.oauth.refresh(&current.refresh_token).await {
            Ok(resp) => {
                let fresh = token_set(resp, Some(&current.refresh_token)).map_err(|e| ApiError::PauseCreator { reason: e.to_string() })?;
                // Persist the rotated refresh token before anything uses the new access token:
                // the old refresh token is now dead at Fanvue.
                self.store.save_tokens(&self.cipher, &self.handle, &fresh).await.map_err(store_err)?;
                tracing::info!(creator = %self.handle, expires_in_s = fresh.expires_at - now_secs(), "access token refreshed");
                let token = fresh.access_token.clone();
                *cache = Some(fresh);
                Ok(token)
            }
            Err(OAuthError::InvalidGrant(desc)) => {
                let reason = format!("refresh token rejected (invalid_grant{}{desc}); reconnect with `fanvue-agent connect {}`",
                    if desc.is_empty() { "" } else { ": " }, self.handle);
                tracing::error!(creator = %self.handle, "{reason}");
                self.store
                    .set_creator_status(&self.handle, CreatorStatus::NeedsReconnect, Some(&reason))
                    .await
                    .map_err(store_err)?;
                *cache = None;
                Err(ApiError::PauseCreator { reason })
            }
            Err(OAuthError::Rejected { status, error }) => Err(ApiError::PauseCreator {
                reason: format!("token refresh refused ({status} {error}): check fanvue.client_id and client_secret"),
            }),
            Err(OAuthError::Transient(e)) => Err(ApiError::Transient {
                reason: format!("token refresh failed: {e}"),
                maybe_processed: false,
            }),
        }
    }
}

fn store_err(e: crate::store::StoreError) -> ApiError {
    ApiError::Transient {
        reason: format!("store: {e}"),
        maybe_processed: false,
    }
}

/// Why finishing a connect failed; shown to the person in the browser and in the log.
#[derive(Debug, thiserror::Error)]
pub enum ConnectError {
    #[error(transparent)]
    State(#[from] crate::store::oauth::StateError),
    #[error("authorization failed: {0}")]
    OAuth(#[from] OAuthError),
    #[error("could not read the creator's profile: {0}")]
    Profile(#[from] ApiError),
    #[error("this account is `{got}`, not the configured creator `{want}`")]
    WrongAccount { want: String, got: String },
    #[error("store error: {0}")]
    Store(#[from] crate::store::StoreError),
}

/// Everything needed to start and finish a connect flow.
#[derive(Clone, Debug)]
pub struct Connector {
    pub store: Store,
    pub cipher: TokenCipher,
    pub oauth: OAuthClient,
    pub api: super::FanvueClient,
    pub rate_limit: u32,
}

impl Connector {
    /// Records a pending authorization for `handle` and returns it (the URL to open).
    pub async fn begin(&self, handle: &str) -> Result<AuthStart, ConnectError> {
        let start = self.oauth.start();
        self.store.ensure_creator(handle).await?;
        self.store
            .insert_pending_auth(
                &self.cipher,
                &start.state,
                handle,
                start.verifier.expose(),
                PENDING_TTL_SECS,
            )
            .await?;
        Ok(start)
    }

    /// [`Connector::begin`] for the console's connect button: the callback sends the browser back
    /// to `return_to` (the console's base URL), and `action` (who pressed it) is recorded in the
    /// transaction that records the pending authorization.
    pub async fn begin_from_console(
        &self,
        handle: &str,
        return_to: &str,
        action: &crate::store::actions::NewAction<'_>,
    ) -> Result<AuthStart, ConnectError> {
        let start = self.oauth.start();
        self.store.ensure_creator(handle).await?;
        let pending = crate::store::oauth::Pending {
            state: &start.state,
            handle,
            verifier: start.verifier.expose(),
            ttl_secs: PENDING_TTL_SECS,
            return_to: Some(return_to),
        };
        self.store
            .insert_console_pending_auth(&self.cipher, &pending, action)
            .await?;
        Ok(start)
    }

    /// The OAuth callback: checks `state` (once), exchanges the code with the PKCE verifier,
    /// reads `/users/me` to bind the creator's uuid, stores the tokens encrypted.
    pub async fn finish(&self, state: &str, code: &str) -> Result<String, ConnectError> {
        let (handle, verifier) = self.store.take_pending_auth(&self.cipher, state).await??;
        let result = self.finish_for(&handle, code, &verifier).await;
        let outcome = match &result {
            Ok(_) => "connected".to_string(),
            Err(e) => format!("failed: {e}"),
        };
        self.store.set_pending_outcome(state, &outcome).await?;
        result.map(|_| handle)
    }

    async fn finish_for(
        &self,
        handle: &str,
        code: &str,
        verifier: &Secret,
    ) -> Result<(), ConnectError> {
        let tokens = token_set(self.oauth.exchange_code(code, verifier).await?, None)?;
        let api = self.api.creator(
            handle,
            self.rate_limit,
            super::client::Tokens::Static(tokens.access_token.clone()),
        );
        let me = api.me().await?;
        if let Some(h) = &me.handle {
            if !h.eq_ignore_ascii_case(handle) {
                return Err(ConnectError::WrongAccount {
                    want: handle.into(),
                    got: h.clone(),
                });
            }
        }
        let released = self
            .store
            .complete_connect(
                &self.cipher,
                handle,
                &me.uuid,
                me.display_name.as_deref(),
                &tokens,
            )
            .await?;
        tracing::info!(creator = handle, creator_uuid = %me.uuid, released, "creator connected");
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pkce_matches_the_rfc_7636_example() {
        assert_eq!(
            pkce_challenge("dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk"),
            "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM"
        );
    }

    #[test]
    fn verifiers_and_states_are_long_random_and_url_safe() {
        let v = pkce_verifier();
        assert!((43..=128).contains(&v.len()));
        let s = random_state();
        assert!(
            s.len() >= 32
                && s.chars()
                    .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
        );
        assert_ne!(random_state(), s);
        assert_ne!(pkce_verifier(), v);
    }

    #[test]
    fn the_authorize_url_carries_pkce_state_and_scopes() {
        let cfg = Config::default();
        crate::fanvue::client::install_tls_provider();
        let o = OAuthClient::new(&cfg, reqwest::Client::new());
        let a = o.start();
        let u = url::Url::parse(&a.url).unwrap();
        let q: std::collections::HashMap<_, _> = u.query_pairs().into_owned().collect();
        assert_eq!(q["code_challenge_method"], "S256");
        assert_eq!(q["code_challenge"], pkce_challenge(a.verifier.expose()));
        assert_eq!(q["state"], a.state);
        assert!(q["scope"].contains("offline_access"));
        assert_eq!(q["redirect_uri"], "http://127.0.0.1:8080/oauth/callback");
        assert!(
            !a.url.contains(a.verifier.expose()),
            "the verifier must never leave the daemon"
        );
    }

    #[test]
    fn a_token_response_without_refresh_keeps_the_previous_one() {
        let r = TokenResponse {
            access_token: "a".into(),
            refresh_token: None,
            expires_in: Some(60),
            scope: None,
        };
        let t = token_set(r, Some(&Secret::new("old"))).unwrap();
        assert_eq!(t.refresh_token.expose(), "old");
        let r = TokenResponse {
            access_token: "a".into(),
            refresh_token: None,
            expires_in: None,
            scope: None,
        };
        assert!(token_set(r, None).is_err());
    }
}
