//! The Fanvue HTTP client: version header, bearer auth, per-creator limiter, typed errors.

use super::{error::ApiError, oauth::TokenManager, types::*};
use crate::{
    config::{Config, Secret},
    ratelimit::{CreatorLimiter, Limiters, RateLimitInfo},
};
use reqwest::{header::HeaderMap, Method, StatusCode};
use serde::{de::DeserializeOwned, Serialize};
use std::{sync::Arc, time::Duration};

/// Makes ring the process's TLS provider (once; later calls are no-ops). Every HTTP client of the
/// daemon (Fanvue, OAuth, the LLM) uses rustls without a built-in provider.
pub fn install_tls_provider() {
    let _ = rustls::crypto::ring::default_provider().install_default();
}

/// Shared by all creators: one connection pool, the base URL, the API version.
#[derive(Clone, Debug)]
pub struct FanvueClient {
    inner: Arc<Shared>,
}

#[derive(Debug)]
struct Shared {
    http: reqwest::Client,
    base: String,
    version: String,
    limiters: Limiters,
    default_limit: u32,
    min_price_cents: i64,
}

/// Where a creator's access token comes from.
#[derive(Clone, Debug)]
pub enum Tokens {
    /// A fixed token (contract tests, tools).
    Static(Secret),
    /// Stored tokens with refresh-ahead and single-flight refresh.
    Managed(Arc<TokenManager>),
}

impl Tokens {
    async fn current(&self) -> Result<Secret, ApiError> {
        match self {
            Tokens::Static(s) => Ok(s.clone()),
            Tokens::Managed(m) => m.access_token().await,
        }
    }
    /// After a 401: a fresh token, or the error that says the creator must reconnect.
    async fn after_401(&self, rejected: &Secret) -> Result<Option<Secret>, ApiError> {
        match self {
            Tokens::Static(_) => Ok(None),
            Tokens::Managed(m) => m.refresh_after_rejection(rejected).await.map(Some),
        }
    }
    /// The limiter state an earlier process saved for this creator (stored tokens only).
    async fn saved_rate(&self) -> Option<crate::ratelimit::SavedState> {
        match self {
            Tokens::Static(_) => None,
            Tokens::Managed(m) => m.saved_rate().await,
        }
    }
    async fn save_rate(&self, state: crate::ratelimit::SavedState) {
        if let Tokens::Managed(m) = self {
            m.save_rate(state).await;
        }
    }
    /// After a 403: the creator is marked as needing a reconnect (stored tokens only).
    async fn forbidden(&self, reason: &str) -> Result<(), ApiError> {
        match self {
            Tokens::Static(_) => Ok(()),
            Tokens::Managed(m) => m.forbidden(reason).await,
        }
    }
}

impl FanvueClient {
    pub fn new(cfg: &Config) -> Result<FanvueClient, reqwest::Error> {
        Self::with_options(
            &cfg.fanvue.api_base,
            &cfg.fanvue.api_version,
            Duration::from_secs(cfg.fanvue.request_timeout_secs),
            cfg.fanvue.rate_limit_per_minute,
            cfg.fanvue.min_price_cents,
        )
    }

    pub fn with_options(
        base: &str,
        version: &str,
        timeout: Duration,
        default_limit: u32,
        min_price_cents: i64,
    ) -> Result<FanvueClient, reqwest::Error> {
        install_tls_provider();
        let http = reqwest::Client::builder()
            .timeout(timeout)
            .connect_timeout(Duration::from_secs(5))
            .user_agent(concat!("fanvue-agent/", env!("CARGO_PKG_VERSION")))
            .redirect(reqwest::redirect::Policy::none())
            .build()?;
        Ok(FanvueClient {
            inner: Arc::new(Shared {
                http,
                base: base.trim_end_matches('/').to_string(),
                version: version.to_string(),
                limiters: Limiters::default(),
                default_limit,
                min_price_cents,
            }),
        })
    }

    /// The API of one creator. Every call through it passes that creator's limiter.
    pub fn creator(&self, handle: &str, rate_limit: u32, tokens: Tokens) -> CreatorApi {
        CreatorApi {
            client: self.clone(),
            handle: handle.to_string(),
            limiter: self.inner.limiters.get(handle, rate_limit),
            tokens,
        }
    }

    pub fn limiter(&self, handle: &str) -> Arc<CreatorLimiter> {
        self.inner.limiters.get(handle, self.inner.default_limit)
    }

    pub fn http(&self) -> &reqwest::Client {
        &self.inner.http
    }
}

/// Query of `GET /chats`.
#[derive(Clone, Debug, Default)]
pub struct ChatQuery {
    pub page: Option<u32>,
    pub size: Option<u32>,
    /// e.g. `unread`, `not_answered` (repeatable).
    pub filters: Vec<String>,
    pub sort_by: Option<String>,
    pub search: Option<String>,
}

/// Query of `GET /media`.
#[derive(Clone, Debug, Default)]
pub struct MediaQuery {
    pub page: Option<u32>,
    pub size: Option<u32>,
    /// `subscribers`, `followers`, `ppv`, `mass_messages`.
    pub usage: Option<String>,
    /// e.g. `ready`.
    pub status: Option<String>,
    pub purchased_by: Option<String>,
    pub media_type: Option<String>,
    /// Only the items of this vault folder.
    pub folder_name: Option<String>,
}

/// Fanvue's smart lists (their ids are fixed names, not uuids).
pub const SMART_LISTS: [&str; 7] = [
    "subscribers",
    "auto_renewing",
    "non_renewing",
    "followers",
    "free_trial_subscribers",
    "expired_subscribers",
    "spent_more_than_50",
];

/// At most this many fans per `GET /insights/fans` (the spec's limit).
pub const BULK_INSIGHTS_MAX: usize = 20;

/// Body of `PATCH /chats/{fan}`.
#[derive(Clone, Debug, Default, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ChatUpdate {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub is_read: Option<bool>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub is_muted: Option<bool>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub nickname: Option<String>,
}

/// Body of `POST /chats/{fan}/message`. Price in cents.
#[derive(Clone, Debug, Default, Serialize, PartialEq)]
#[serde(rename_all = "camelCase")]
pub struct SendMessage {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub text: Option<String>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub media_uuids: Vec<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub price: Option<i64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub template_uuid: Option<String>,
}

impl SendMessage {
    pub fn text(t: impl Into<String>) -> Self {
        SendMessage {
            text: Some(t.into()),
            ..Default::default()
        }
    }

    /// Fanvue's send rules: text 1..5000 characters and never blank; a price only with media and
    /// at least `min_price_cents`; something to send at all; ids that are uuids.
    pub fn validate(&self, min_price_cents: i64) -> Result<(), ApiError> {
        if let Some(t) = &self.text {
            if t.trim().is_empty() {
                return Err(ApiError::Invalid("message text is empty".into()));
            }
            let n = t.chars().count();
            if n > 5000 {
                return Err(ApiError::Invalid(format!(
                    "message text is {n} characters; the maximum is 5000"
                )));
            }
        }
        if self.text.is_none() && self.media_uuids.is_empty() && self.template_uuid.is_none() {
            return Err(ApiError::Invalid(
                "a message needs text, media or a template".into(),
            ));
        }
        if let Some(p) = self.price {
            if self.media_uuids.is_empty() {
                return Err(ApiError::Invalid(
                    "a priced (PPV) message needs media".into(),
                ));
            }
            if p < min_price_cents {
                return Err(ApiError::Invalid(format!(
                    "price {p} cents is below the minimum of {min_price_cents}"
                )));
            }
        }
        for id in self.media_uuids.iter().chain(self.template_uuid.iter()) {
            check_uuid(id)?;
        }
        Ok(())
    }
}

fn check_uuid(s: &str) -> Result<&str, ApiError> {
    uuid::Uuid::parse_str(s).map(|_| s).map_err(|_| {
        ApiError::Invalid(format!(
            "`{}` is not a uuid",
            s.chars().take(60).collect::<String>()
        ))
    })
}

/// The API of one creator.
#[derive(Clone, Debug)]
pub struct CreatorApi {
    client: FanvueClient,
    handle: String,
    limiter: Arc<CreatorLimiter>,
    tokens: Tokens,
}

impl CreatorApi {
    pub fn handle(&self) -> &str {
        &self.handle
    }

    pub fn limiter(&self) -> &Arc<CreatorLimiter> {
        &self.limiter
    }

    /// What the last response's rate-limit headers said.
    pub fn rate_limit(&self) -> RateLimitInfo {
        self.limiter.last_info()
    }

    pub async fn me(&self) -> Result<CurrentUser, ApiError> {
        self.get("/users/me", &[]).await
    }

    pub async fn list_chats(&self, q: &ChatQuery) -> Result<Page<Chat>, ApiError> {
        let mut query = page_query(q.page, q.size);
        for f in &q.filters {
            query.push(("filter", f.clone()));
        }
        if let Some(s) = &q.sort_by {
            query.push(("sortBy", s.clone()));
        }
        if let Some(s) = &q.search {
            query.push(("search", s.clone()));
        }
        self.get("/chats", &query).await
    }

    pub async fn unread_counts(&self) -> Result<UnreadCounts, ApiError> {
        self.get("/chats/unread", &[]).await
    }

    /// Newest first. Pass `mark_as_read: false` to read without marking the chat read (Fanvue marks
    /// it read by default).
    pub async fn list_messages(
        &self,
        fan: &str,
        page: Option<u32>,
        size: Option<u32>,
        mark_as_read: bool,
    ) -> Result<Page<Message>, ApiError> {
        let mut query = page_query(page, size);
        query.push(("markAsRead", mark_as_read.to_string()));
        self.get(&format!("/chats/{}/messages", check_uuid(fan)?), &query)
            .await
    }

    /// Latest messages of up to 50 chats in one call.
    pub async fn batch_messages(
        &self,
        chat_uuids: &[String],
        limit: Option<u32>,
        since_message_uuid: Option<&str>,
    ) -> Result<BatchMessages, ApiError> {
        if chat_uuids.is_empty() || chat_uuids.len() > 50 {
            return Err(ApiError::Invalid(format!(
                "batch reads 1..50 chats, got {}",
                chat_uuids.len()
            )));
        }
        for c in chat_uuids {
            check_uuid(c)?;
        }
        let mut body = serde_json::json!({ "chatUuids": chat_uuids });
        if let Some(l) = limit {
            body["limit"] = l.clamp(1, 50).into();
        }
        if let Some(s) = since_message_uuid {
            body["sinceMessageUuid"] = check_uuid(s)?.into();
        }
        self.call(Method::POST, "/chats/messages/batch", &[], Some(&body))
            .await
    }

    pub async fn update_chat(&self, fan: &str, update: &ChatUpdate) -> Result<(), ApiError> {
        if let Some(n) = &update.nickname {
            if n.chars().count() > 30 {
                return Err(ApiError::Invalid(
                    "a nickname has at most 30 characters".into(),
                ));
            }
        }
        let path = format!("/chats/{}", check_uuid(fan)?);
        self.call_empty(Method::PATCH, &path, Some(update)).await
    }

    pub async fn mark_read(&self, fan: &str) -> Result<(), ApiError> {
        self.update_chat(
            fan,
            &ChatUpdate {
                is_read: Some(true),
                ..Default::default()
            },
        )
        .await
    }

    /// Sends one message. Validated first: nothing invalid leaves the process.
    pub async fn send_message(
        &self,
        fan: &str,
        msg: &SendMessage,
    ) -> Result<SentMessage, ApiError> {
        msg.validate(self.client.inner.min_price_cents)?;
        let path = format!("/chats/{}/message", check_uuid(fan)?);
        let (_, text, requested_at) = self.send(Method::POST, &path, &[], Some(msg)).await?;
        let mut sent: SentMessage =
            serde_json::from_str(&text).map_err(|e| ApiError::Transient {
                reason: format!("unreadable POST {path} response: {e}"),
                maybe_processed: true,
            })?;
        sent.requested_at_ms = requested_at;
        Ok(sent)
    }

    pub async fn list_templates(
        &self,
        page: Option<u32>,
        size: Option<u32>,
        folder: Option<&str>,
    ) -> Result<Page<Template>, ApiError> {
        let mut query = page_query(page, size);
        if let Some(f) = folder {
            query.push(("folderName", f.to_string()));
        }
        self.get("/chats/templates", &query).await
    }

    pub async fn get_template(&self, uuid: &str) -> Result<Template, ApiError> {
        self.get(&format!("/chats/templates/{}", check_uuid(uuid)?), &[])
            .await
    }

    pub async fn list_media(&self, q: &MediaQuery) -> Result<Page<MediaItem>, ApiError> {
        let mut query = page_query(q.page, q.size);
        for (k, v) in [
            ("usage", &q.usage),
            ("status", &q.status),
            ("mediaType", &q.media_type),
            ("folderName", &q.folder_name),
        ] {
            if let Some(v) = v {
                query.push((k, v.clone()));
            }
        }
        if let Some(f) = &q.purchased_by {
            query.push(("purchasedBy", check_uuid(f)?.to_string()));
        }
        self.get("/media", &query).await
    }

    /// One page of a vault folder's media (`GET /vault/folders/{folderName}/media`).
    pub async fn list_vault_folder(
        &self,
        folder: &str,
        page: Option<u32>,
        size: Option<u32>,
    ) -> Result<Page<MediaItem>, ApiError> {
        if folder.is_empty() || folder.len() > 255 {
            return Err(ApiError::Invalid(
                "a folder name has 1..=255 characters".into(),
            ));
        }
        // The name is one path segment, percent-encoded whatever it holds.
        let mut url = url::Url::parse("http://vault.invalid/").expect("static url");
        url.path_segments_mut()
            .expect("a base url")
            .extend(["vault", "folders", folder, "media"]);
        self.get(url.path(), &page_query(page, size)).await
    }

    /// One page of a smart list's members (`GET /chats/lists/smart/{uuid}`, scopes `read:chat`
    /// and `read:fan`): `list` is one of Fanvue's fixed ids (`non_renewing`,
    /// `expired_subscribers`, `subscribers`, ...).
    pub async fn smart_list_members(
        &self,
        list: &str,
        page: Option<u32>,
        size: Option<u32>,
    ) -> Result<Page<ListMember>, ApiError> {
        if !SMART_LISTS.contains(&list) {
            return Err(ApiError::Invalid(format!("`{list}` is not a smart list")));
        }
        self.get(
            &format!("/chats/lists/smart/{list}"),
            &page_query(page, size),
        )
        .await
    }

    pub async fn fan_insights(&self, fan: &str) -> Result<FanInsights, ApiError> {
        self.get(&format!("/insights/fans/{}", check_uuid(fan)?), &[])
            .await
    }

    /// The insights of up to [`BULK_INSIGHTS_MAX`] fans in one call (`GET /insights/fans`): a fan
    /// Fanvue cannot answer for is `None` in `results` and named in `errors`.
    pub async fn bulk_fan_insights(&self, fans: &[&str]) -> Result<BulkInsights, ApiError> {
        if fans.is_empty() || fans.len() > BULK_INSIGHTS_MAX {
            return Err(ApiError::Invalid(format!(
                "bulk insights take 1..={BULK_INSIGHTS_MAX} fans, not {}",
                fans.len()
            )));
        }
        let ids = fans
            .iter()
            .map(|f| check_uuid(f))
            .collect::<Result<Vec<_>, _>>()?;
        self.get("/insights/fans", &[("fanUuids", ids.join(","))])
            .await
    }

    async fn get<T: DeserializeOwned>(
        &self,
        path: &str,
        query: &[(&str, String)],
    ) -> Result<T, ApiError> {
        self.call::<T, ()>(Method::GET, path, query, None).await
    }

    async fn call<T: DeserializeOwned, B: Serialize>(
        &self,
        method: Method,
        path: &str,
        query: &[(&str, String)],
        body: Option<&B>,
    ) -> Result<T, ApiError> {
        let (_, text, _) = self.send(method.clone(), path, query, body).await?;
        serde_json::from_str(&text).map_err(|e| ApiError::Transient {
            reason: format!("unreadable {method} {path} response: {e}"),
            maybe_processed: method != Method::GET,
        })
    }

    async fn call_empty<B: Serialize>(
        &self,
        method: Method,
        path: &str,
        body: Option<&B>,
    ) -> Result<(), ApiError> {
        self.send(method, path, &[], body).await.map(|_| ())
    }

    /// One request: limiter, token, headers; a 401 is retried once with a refreshed token. Also
    /// returns when (unix ms, after the limiter) the request that succeeded went out.
    #[tracing::instrument(level = "debug", skip_all, fields(creator = %self.handle, %method, path))]
    async fn send<B: Serialize>(
        &self,
        method: Method,
        path: &str,
        query: &[(&str, String)],
        body: Option<&B>,
    ) -> Result<(StatusCode, String, i64), ApiError> {
        let mut token = self.tokens.current().await?;
        self.restore_saved_rate().await;
        let mut retried = false;
        loop {
            self.limiter.acquire().await;
            let req = self.request(&method, path, query, body, &token);
            let requested_at = crate::domain::time::now_ms();
            let resp = match req.send().await {
                Ok(r) => r,
                Err(e) => {
                    crate::metrics::metrics().fanvue_call(&self.handle, None);
                    return Err(transport_error(&e, &method));
                }
            };
            let (status, headers) = (resp.status(), resp.headers().clone());
            self.observe_response(status, &headers, path).await;
            let text = match resp.text().await {
                Ok(t) => t,
                Err(e) => return Err(transport_error(&e, &method)),
            };
            if status.is_success() {
                return Ok((status, text, requested_at));
            }
            let err = api_error(status, &headers, &text, &method);
            if let ApiError::Unauthorized { .. } = &err {
                if !retried {
                    if let Some(fresh) = self.tokens.after_401(&token).await? {
                        token = fresh;
                        retried = true;
                        continue;
                    }
                }
            }
            return Err(self.after_error(err, &method, path).await?);
        }
    }

    /// A restarted process starts from what the last one knew of Fanvue's bucket.
    async fn restore_saved_rate(&self) {
        if self.limiter.first_use() {
            if let Some(saved) = self.tokens.saved_rate().await {
                self.limiter.restore(saved);
            }
        }
    }

    fn request<B: Serialize>(
        &self,
        method: &Method,
        path: &str,
        query: &[(&str, String)],
        body: Option<&B>,
        token: &Secret,
    ) -> reqwest::RequestBuilder {
        let inner = &self.client.inner;
        let mut req = inner
            .http
            .request(method.clone(), format!("{}{}", inner.base, path))
            .bearer_auth(token.expose())
            .header("X-Fanvue-API-Version", &inner.version)
            .header("Accept", "application/json");
        if !query.is_empty() {
            req = req.query(query);
        }
        if let Some(b) = body {
            req = req.json(b);
        }
        req
    }

    /// What every answer teaches: the call's metric, the rate budget left, a 429's pause, and a
    /// deprecation warning.
    async fn observe_response(&self, status: StatusCode, headers: &HeaderMap, path: &str) {
        let m = crate::metrics::metrics();
        m.fanvue_call(&self.handle, Some(status.as_u16()));
        let info = rate_limit_info(headers);
        if let Some(left) = info.remaining {
            m.rate_budget
                .get_or_create(&crate::metrics::CreatorLabels {
                    creator: self.handle.clone(),
                })
                .set(left as i64);
        }
        self.limiter.observe(info);
        if status == StatusCode::TOO_MANY_REQUESTS {
            self.limiter
                .retry_after(retry_after(headers).unwrap_or(Duration::from_secs(60)));
        }
        if let Some(state) = self.limiter.to_save() {
            self.tokens.save_rate(state).await;
        }
        warn_deprecation(headers, path);
    }

    /// Logs a 429 and pauses the creator on a 403 that says so; returns the error to give back.
    async fn after_error(
        &self,
        err: ApiError,
        method: &Method,
        path: &str,
    ) -> Result<ApiError, ApiError> {
        match &err {
            // (The limiter is already held back: see `observe_response`.)
            ApiError::RateLimited { retry_after } => {
                tracing::warn!(creator = %self.handle, path, retry_after_s = retry_after.as_secs(), "429 from Fanvue");
            }
            ApiError::PauseCreator { reason } => {
                self.tokens
                    .forbidden(&format!("{method} {path}: {reason}"))
                    .await?;
            }
            _ => {}
        }
        Ok(err)
    }
}

/// The error a failed answer means. A read that failed changed nothing, whatever the status.
fn api_error(status: StatusCode, headers: &HeaderMap, text: &str, method: &Method) -> ApiError {
    let mut err = ApiError::from_response(status.as_u16(), retry_after(headers), text);
    if let ApiError::Transient {
        maybe_processed, ..
    } = &mut err
    {
        *maybe_processed &= *method != Method::GET;
    }
    err
}

fn page_query(page: Option<u32>, size: Option<u32>) -> Vec<(&'static str, String)> {
    let mut q = vec![];
    if let Some(p) = page {
        q.push(("page", p.max(1).to_string()));
    }
    if let Some(s) = size {
        q.push(("size", s.clamp(1, 50).to_string()));
    }
    q
}

fn transport_error(e: &reqwest::Error, method: &Method) -> ApiError {
    // A request that never connected cannot have been processed; anything later might have been.
    let maybe_processed = !e.is_connect() && !e.is_builder() && *method != Method::GET;
    let kind = if e.is_timeout() {
        "timeout"
    } else if e.is_connect() {
        "connection failed"
    } else {
        "transport error"
    };
    ApiError::Transient {
        reason: format!("{kind}: {}", without_url(e)),
        maybe_processed,
    }
}

/// reqwest errors print the URL; ours carry no secrets, but keep messages short and stable.
fn without_url(e: &reqwest::Error) -> String {
    let mut s = e.to_string();
    if let Some(u) = e.url() {
        s = s.replace(u.as_str(), u.path());
    }
    s
}

fn header_num<T: std::str::FromStr>(h: &HeaderMap, name: &str) -> Option<T> {
    h.get(name)?.to_str().ok()?.trim().parse().ok()
}

pub fn rate_limit_info(h: &HeaderMap) -> RateLimitInfo {
    RateLimitInfo {
        limit: header_num(h, "x-ratelimit-limit"),
        remaining: header_num(h, "x-ratelimit-remaining"),
        reset: header_num(h, "x-ratelimit-reset"),
    }
}

fn retry_after(h: &HeaderMap) -> Option<Duration> {
    header_num::<f64>(h, "retry-after")
        .filter(|s| s.is_finite() && *s >= 0.0)
        .map(|s| Duration::from_secs_f64(s.min(3600.0)))
}

fn warn_deprecation(h: &HeaderMap, path: &str) {
    if h.contains_key("deprecation") || h.contains_key("sunset") {
        let sunset = h
            .get("sunset")
            .and_then(|v| v.to_str().ok())
            .unwrap_or("unknown");
        tracing::warn!(
            path,
            sunset,
            "Fanvue marks this API version deprecated; plan an upgrade"
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const U: &str = "5939ae62-3eb5-4433-954f-f78c7b4282f3";

    #[test]
    fn the_send_rules_are_enforced_before_sending() {
        let ok = |m: &SendMessage| m.validate(300).is_ok();
        assert!(ok(&SendMessage::text("hi")));
        assert!(!ok(&SendMessage::text("")));
        assert!(!ok(&SendMessage::text("   \n")));
        assert!(ok(&SendMessage::text("é".repeat(5000))));
        assert!(!ok(&SendMessage::text("x".repeat(5001))));
        assert!(!ok(&SendMessage::default()), "nothing to send");
        let ppv = |price| SendMessage {
            text: Some("look".into()),
            media_uuids: vec![U.into()],
            price: Some(price),
            template_uuid: None,
        };
        assert!(ok(&ppv(300)));
        assert!(!ok(&ppv(299)));
        assert!(
            !ok(&SendMessage {
                media_uuids: vec![],
                ..ppv(500)
            }),
            "price without media"
        );
        assert!(!ok(&SendMessage {
            media_uuids: vec!["../etc".into()],
            ..ppv(500)
        }));
        assert!(ok(&SendMessage {
            text: None,
            media_uuids: vec![U.into()],
            price: None,
            template_uuid: None
        }));
    }

    #[test]
    fn a_send_body_omits_what_is_not_set() {
        let b = serde_json::to_value(SendMessage::text("hi")).unwrap();
        assert_eq!(b, serde_json::json!({"text": "hi"}));
    }

    #[test]
    fn rate_limit_headers_are_read() {
        let mut h = HeaderMap::new();
        h.insert("X-RateLimit-Limit", "200".parse().unwrap());
        h.insert("X-RateLimit-Remaining", "17".parse().unwrap());
        h.insert("X-RateLimit-Reset", "1700000060".parse().unwrap());
        h.insert("Retry-After", "12".parse().unwrap());
        assert_eq!(
            rate_limit_info(&h),
            RateLimitInfo {
                limit: Some(200),
                remaining: Some(17),
                reset: Some(1_700_000_060)
            }
        );
        assert_eq!(retry_after(&h), Some(Duration::from_secs(12)));
    }
}
