//! Who is asking: the [`Viewer`] extractor (the session's user, or no page at all) with what they
//! may see, and [`Posted`], a form whose CSRF token matched the session's before the handler runs.

use super::{auth, ConsoleError, ConsoleState};
use crate::{config::Config, store::users::UserRole};
use axum::{
    body::Bytes,
    extract::{FromRequest, FromRequestParts, Request},
    http::{request::Parts, Method},
};
use serde::de::DeserializeOwned;
use subtle::ConstantTimeEq;

/// The logged-in user of this request. Every console handler takes one: without a session in
/// force a GET is sent to the login page and anything else gets 401.
#[derive(Clone, Debug)]
pub struct Viewer {
    pub user_id: i64,
    pub name: String,
    pub role: UserRole,
    /// The one creator a `creator` user sees.
    pub creator: Option<String>,
    /// The session's CSRF token (every form carries it).
    pub csrf: String,
    /// The session's token hash (logout ends it).
    pub(super) session: String,
}

impl Viewer {
    /// Whether this user may see and act on `creator`'s chats, fans, drafts and settings.
    pub fn may_see(&self, creator: &str) -> bool {
        match self.role {
            UserRole::Operator => true,
            UserRole::Creator => self.creator.as_deref() == Some(creator),
        }
    }

    /// `Ok` when [`Viewer::may_see`] `creator`, else [`ConsoleError::NotFound`] (404, the answer
    /// for what does not exist: another creator's ids tell nothing).
    pub fn check(&self, creator: &str) -> Result<(), ConsoleError> {
        if self.may_see(creator) {
            Ok(())
        } else {
            Err(ConsoleError::NotFound)
        }
    }

    /// The configured creators this user may see, by handle.
    pub fn creators(&self, cfg: &Config) -> Vec<String> {
        cfg.creators
            .keys()
            .filter(|h| self.may_see(h))
            .cloned()
            .collect()
    }

    /// The one creator to filter store reads by (`None`: an operator sees all).
    pub fn only_creator(&self) -> Option<&str> {
        match self.role {
            UserRole::Operator => None,
            UserRole::Creator => self.creator.as_deref(),
        }
    }

    /// Who did it, as recorded with an action (`console:<user>`).
    pub fn actor(&self) -> String {
        format!("console:{}", self.name)
    }

    pub fn is_operator(&self) -> bool {
        self.role == UserRole::Operator
    }
}

impl FromRequestParts<ConsoleState> for Viewer {
    type Rejection = ConsoleError;

    async fn from_request_parts(
        parts: &mut Parts,
        st: &ConsoleState,
    ) -> Result<Viewer, ConsoleError> {
        if let Some(v) = parts.extensions.get::<Viewer>() {
            return Ok(v.clone());
        }
        let login = || ConsoleError::LoginNeeded {
            get: parts.method == Method::GET,
            next: parts
                .uri
                .path_and_query()
                .map(|p| p.as_str().to_string())
                .unwrap_or_else(|| "/".into()),
        };
        let secure = st.cfg.get().console.secure_cookies();
        let Some(token) = auth::session_cookie(&parts.headers, secure) else {
            return Err(login());
        };
        let hash = crate::crypto::password::token_hash(&token);
        let now = crate::domain::time::now_ms();
        let Some(s) = st.store.session(&hash, now).await? else {
            return Err(login());
        };
        let v = Viewer {
            user_id: s.user_id,
            name: s.name,
            role: s.role,
            creator: s.creator,
            csrf: s.csrf,
            session: hash,
        };
        parts.extensions.insert(v.clone());
        Ok(v)
    }
}

/// A POSTed form (`application/x-www-form-urlencoded`) from a logged-in user whose `csrf` field
/// matched their session's token. Use it instead of `Form<T>` in every POST handler: a missing or
/// wrong token is refused (403) before the handler runs, so nothing changes.
pub struct Posted<T> {
    pub viewer: Viewer,
    pub form: T,
}

impl<T: DeserializeOwned> FromRequest<ConsoleState> for Posted<T> {
    type Rejection = ConsoleError;

    async fn from_request(req: Request, st: &ConsoleState) -> Result<Self, ConsoleError> {
        let (mut parts, body) = req.into_parts();
        let viewer = Viewer::from_request_parts(&mut parts, st).await?;
        let req = Request::from_parts(parts, body);
        let bytes = Bytes::from_request(req, st)
            .await
            .map_err(|e| ConsoleError::Refused(format!("cannot read the form: {e}")))?;
        let fields: Vec<(String, String)> = serde_urlencoded::from_bytes(&bytes)
            .map_err(|e| ConsoleError::Refused(format!("the form does not parse: {e}")))?;
        let sent = fields
            .iter()
            .find(|(k, _)| k == "csrf")
            .map(|(_, v)| v.as_str())
            .unwrap_or("");
        if !bool::from(sent.as_bytes().ct_eq(viewer.csrf.as_bytes())) {
            tracing::warn!(user = %viewer.name, "console form refused: wrong or missing CSRF token");
            return Err(ConsoleError::BadCsrf);
        }
        let form = serde_urlencoded::from_bytes(&bytes)
            .map_err(|e| ConsoleError::Refused(format!("the form is incomplete: {e}")))?;
        Ok(Posted { viewer, form })
    }
}
