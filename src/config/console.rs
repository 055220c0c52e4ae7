//! The `[console]` section: the operator console's listener, its public URL (Secure cookies when
//! https), how long a login lasts and how many login attempts are allowed. Off until `listen` is set.

use serde::{Deserialize, Serialize};
use std::net::SocketAddr;

/// The web console (see `console` in the crate): off unless `listen` is set.
#[derive(Clone, Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ConsoleConfig {
    /// Where the console listens: `127.0.0.1:8090`, or a bare port (`8090`, loopback). Empty: off.
    pub listen: String,
    /// The URL browsers reach the console at (through a TLS proxy in production). `https://...`
    /// makes the session cookie `Secure`. Empty: `http://<listen>`.
    pub public_url: String,
    /// A login lasts this long (seconds from logging in), then the user logs in again.
    pub session_ttl_secs: u64,
    /// Login attempts allowed per minute for one user name, and (times 4) for one client address.
    pub login_attempts_per_minute: u32,
    /// Take the client's address from the last `X-Forwarded-For` entry (set by your reverse proxy)
    /// for the per-address login limit. Only when a proxy you run always sets it.
    pub trust_forwarded_for: bool,
}

impl Default for ConsoleConfig {
    fn default() -> Self {
        ConsoleConfig {
            listen: String::new(),
            public_url: String::new(),
            session_ttl_secs: 12 * 3600,
            login_attempts_per_minute: 5,
            trust_forwarded_for: false,
        }
    }
}

/// The longest login allowed (30 days).
const MAX_SESSION_TTL_SECS: u64 = 30 * 86_400;

impl ConsoleConfig {
    /// The address to bind, or `None` when the console is off. A bare port means loopback.
    pub fn address(&self) -> Option<String> {
        let l = self.listen.trim();
        match l {
            "" => None,
            p if p.parse::<u16>().is_ok() => Some(format!("127.0.0.1:{p}")),
            a => Some(a.to_string()),
        }
    }

    /// The console's URL as browsers see it (no trailing slash).
    pub fn url(&self) -> String {
        match (self.public_url.trim(), self.address()) {
            ("", Some(a)) => format!("http://{a}"),
            ("", None) => String::new(),
            (u, _) => u.trim_end_matches('/').to_string(),
        }
    }

    /// Whether cookies must be `Secure` (the console is reached over https).
    pub fn secure_cookies(&self) -> bool {
        self.public_url.trim().starts_with("https://")
    }

    /// Every invalid key, as `(key, message)`; `taken` are the daemon's other listen addresses.
    pub(super) fn problems(&self, taken: &[&str]) -> Vec<(String, String)> {
        let mut out = Vec::new();
        let mut bad = |k: &str, m: String| out.push((format!("console.{k}"), m));
        if let Some(a) = self.address() {
            if a.parse::<SocketAddr>().is_err() {
                bad(
                    "listen",
                    format!(
                        "`{}` is not an address like 127.0.0.1:8090 or a port",
                        self.listen
                    ),
                );
            } else if taken.contains(&a.as_str()) && !a.ends_with(":0") {
                bad(
                    "listen",
                    format!("`{a}` is already daemon.listen or daemon.admin_listen"),
                );
            }
        }
        let url = self.public_url.trim();
        if !url.is_empty()
            && !url::Url::parse(url).is_ok_and(|u| u.scheme() == "http" || u.scheme() == "https")
        {
            bad("public_url", format!("`{url}` is not an http(s) URL"));
        }
        if !(60..=MAX_SESSION_TTL_SECS).contains(&self.session_ttl_secs) {
            bad(
                "session_ttl_secs",
                "must be between 60 and 2592000 (30 days)".into(),
            );
        }
        if !(1..=1000).contains(&self.login_attempts_per_minute) {
            bad(
                "login_attempts_per_minute",
                "must be between 1 and 1000".into(),
            );
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_bare_port_listens_on_loopback_and_empty_is_off() {
        let mut c = ConsoleConfig::default();
        assert_eq!(c.address(), None);
        c.listen = "8090".into();
        assert_eq!(c.address().as_deref(), Some("127.0.0.1:8090"));
        assert_eq!(c.url(), "http://127.0.0.1:8090");
        assert!(!c.secure_cookies());
        c.public_url = "https://console.example.com/".into();
        assert_eq!(c.url(), "https://console.example.com");
        assert!(c.secure_cookies());
    }

    #[test]
    fn bad_values_are_named() {
        let c = ConsoleConfig {
            listen: "127.0.0.1:8080".into(),
            public_url: "ftp://x".into(),
            session_ttl_secs: 5,
            login_attempts_per_minute: 0,
            trust_forwarded_for: false,
        };
        let keys: Vec<String> = c
            .problems(&["127.0.0.1:8080"])
            .into_iter()
            .map(|p| p.0)
            .collect();
        assert_eq!(
            keys,
            [
                "console.listen",
                "console.public_url",
                "console.session_ttl_secs",
                "console.login_attempts_per_minute"
            ]
        );
        let nonsense = ConsoleConfig {
            listen: "nowhere".into(),
            ..ConsoleConfig::default()
        };
        assert!(nonsense.problems(&[])[0].1.contains("not an address"));
    }
}
