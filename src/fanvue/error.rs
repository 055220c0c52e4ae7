//! One typed error for every Fanvue call, whose variant says what the caller should do.

use std::time::Duration;

#[derive(Debug, Clone, thiserror::Error, PartialEq, Eq)]
pub enum ApiError {
    /// 429: wait `retry_after`, then try again (the creator's limiter is already blocked until then).
    #[error("rate limited by Fanvue; retry after {}s", retry_after.as_secs())]
    RateLimited { retry_after: Duration },
    /// 401: the access token was refused; refresh it and retry once.
    #[error("access token refused (401): {message}")]
    Unauthorized { message: String },
    /// The creator cannot be served until a human acts: missing scope (403), `invalid_grant`, no
    /// tokens. Pause this creator only.
    #[error("creator paused: {reason}")]
    PauseCreator { reason: String },
    /// 400/404/409/422 or a request we refused to send: retrying the same request cannot succeed.
    #[error("rejected by Fanvue ({status}): {message}")]
    Permanent { status: u16, message: String },
    /// A request this client refused to send because it breaks Fanvue's rules.
    #[error("invalid request: {0}")]
    Invalid(String),
    /// 5xx, timeout, connection failure, unreadable success body. `maybe_processed` is true when
    /// the request may have reached Fanvue (a send must then be reconciled, never blindly resent).
    #[error("transient failure: {reason}")]
    Transient {
        reason: String,
        maybe_processed: bool,
    },
    /// 410: this API version is sunset; the daemon must be upgraded.
    #[error("Fanvue API version sunset; next version {}", next_version.as_deref().unwrap_or("unknown"))]
    VersionSunset { next_version: Option<String> },
}

impl ApiError {
    /// Whether retrying later (without human action) can succeed.
    pub fn is_retryable(&self) -> bool {
        matches!(
            self,
            ApiError::RateLimited { .. }
                | ApiError::Transient { .. }
                | ApiError::Unauthorized { .. }
        )
    }

    /// Classifies a non-2xx response. `body` is the raw response text.
    pub fn from_response(status: u16, retry_after: Option<Duration>, body: &str) -> ApiError {
        let json: Option<serde_json::Value> = serde_json::from_str(body).ok();
        let message = json
            .as_ref()
            .map(error_message)
            .unwrap_or_else(|| truncate(body.trim(), 300));
        match status {
            429 => ApiError::RateLimited {
                retry_after: retry_after.unwrap_or(Duration::from_secs(60)),
            },
            401 => ApiError::Unauthorized { message },
            403 => ApiError::PauseCreator {
                reason: format!("forbidden (403): {message}"),
            },
            410 => ApiError::VersionSunset {
                next_version: json
                    .as_ref()
                    .and_then(|j| j.get("nextVersion"))
                    .and_then(|v| v.as_str())
                    .map(String::from),
            },
            408 | 425 | 500..=599 => ApiError::Transient {
                reason: format!("HTTP {status}: {message}"),
                maybe_processed: status != 503,
            },
            _ => ApiError::Permanent { status, message },
        }
    }
}

/// The human message of any of Fanvue's error shapes: `{error}`, `{error,message}`, `{errors:[..]}`,
/// `{message}`.
pub fn error_message(j: &serde_json::Value) -> String {
    let s = |v: &serde_json::Value| -> Option<String> {
        match v {
            serde_json::Value::String(s) => Some(s.clone()),
            serde_json::Value::Object(o) => o
                .get("message")
                .or_else(|| o.get("error"))
                .or_else(|| o.get("detail"))
                .and_then(|m| m.as_str().map(String::from)),
            serde_json::Value::Null => None,
            other => Some(other.to_string()),
        }
    };
    let mut parts = vec![];
    if let Some(e) = j.get("error").and_then(s) {
        parts.push(e);
    }
    if let Some(m) = j.get("message").and_then(s) {
        if !parts.contains(&m) {
            parts.push(m);
        }
    }
    if let Some(errs) = j.get("errors").and_then(|e| e.as_array()) {
        parts.extend(errs.iter().filter_map(s));
    }
    if parts.is_empty() {
        truncate(&j.to_string(), 300)
    } else {
        truncate(&parts.join(": "), 300)
    }
}

fn truncate(s: &str, max: usize) -> String {
    if s.chars().count() <= max {
        s.to_string()
    } else {
        format!("{}…", s.chars().take(max).collect::<String>())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_error_shape_yields_its_message() {
        let cases = [
            (r#"{"error":"Insufficient scopes"}"#, "Insufficient scopes"),
            (
                r#"{"error":"Bad Request","message":"User is not contactable"}"#,
                "Bad Request: User is not contactable",
            ),
            (
                r#"{"errors":[{"message":"text too long"},"price below minimum"]}"#,
                "text too long: price below minimum",
            ),
            (r#"{"message":"Not found"}"#, "Not found"),
            (r#"{"weird":1}"#, r#"{"weird":1}"#),
        ];
        for (body, want) in cases {
            assert_eq!(
                error_message(&serde_json::from_str(body).unwrap()),
                want,
                "{body}"
            );
        }
    }

    #[test]
    fn statuses_map_to_what_the_caller_must_do() {
        assert_eq!(
            ApiError::from_response(429, Some(Duration::from_secs(9)), r#"{"error":"Too many"}"#),
            ApiError::RateLimited {
                retry_after: Duration::from_secs(9)
            }
        );
        assert_eq!(
            ApiError::from_response(429, None, ""),
            ApiError::RateLimited {
                retry_after: Duration::from_secs(60)
            }
        );
        assert!(matches!(
            ApiError::from_response(401, None, r#"{"error":"x"}"#),
            ApiError::Unauthorized { .. }
        ));
        match ApiError::from_response(403, None, r#"{"error":"Insufficient scopes"}"#) {
            ApiError::PauseCreator { reason } => assert!(reason.contains("Insufficient scopes")),
            e => panic!("{e:?}"),
        }
        assert_eq!(
            ApiError::from_response(400, None, r#"{"message":"User is not contactable"}"#),
            ApiError::Permanent {
                status: 400,
                message: "User is not contactable".into()
            }
        );
        assert!(matches!(
            ApiError::from_response(404, None, "nope"),
            ApiError::Permanent { status: 404, .. }
        ));
        assert_eq!(
            ApiError::from_response(
                410,
                None,
                r#"{"error":"Gone","message":"sunset","nextVersion":"2026-01-01"}"#
            ),
            ApiError::VersionSunset {
                next_version: Some("2026-01-01".into())
            }
        );
        assert!(matches!(
            ApiError::from_response(502, None, "<html>bad gateway</html>"),
            ApiError::Transient {
                maybe_processed: true,
                ..
            }
        ));
        assert!(matches!(
            ApiError::from_response(503, None, ""),
            ApiError::Transient {
                maybe_processed: false,
                ..
            }
        ));
        assert!(ApiError::from_response(500, None, "").is_retryable());
        assert!(!ApiError::from_response(400, None, "").is_retryable());
    }
}
