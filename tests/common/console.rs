//! The console in tests: turn it on ([`console_on`], port 0), add users, and log in with a
//! cookie-jar HTTP client ([`ConsoleClient`]) that sends each form's CSRF token, so a page's tests
//! need no browser. Redirects are not followed: a test sees the 303 and where it goes.

use super::TestApp;
use fanvue_agent::{config::Config, crypto::password::hash_password, store::users::UserRole};
use reqwest::StatusCode;
use tokio::net::TcpListener;

/// A config tweak: the console on (port 0, bound by the test app) with a generous login limit.
pub fn console_on(c: &mut Config) {
    c.console.listen = "127.0.0.1:0".into();
    c.console.login_attempts_per_minute = 100;
}

/// The password every test user gets unless a test says otherwise.
pub const TEST_PASSWORD: &str = "correct horse battery staple";

impl TestApp {
    /// The console's socket for the daemon served in process (when the console is on).
    pub fn console_listener(&self) -> Option<TcpListener> {
        self.console_socket()
            .map(|s| TcpListener::from_std(s.try_clone().unwrap()).unwrap())
    }

    fn console_socket(&self) -> Option<&std::net::TcpListener> {
        self.console.as_ref()
    }

    /// The console's base URL (no trailing slash). Fails when the console is off.
    pub fn console_url(&self) -> String {
        let s = self
            .console_socket()
            .expect("the console is on (tweak the config with console_on)");
        format!("http://{}", s.local_addr().unwrap())
    }

    /// Adds a console user: an operator (`creator` None) or a creator user of `creator`.
    pub async fn add_user(&self, name: &str, creator: Option<&str>, password: &str) {
        let role = if creator.is_some() {
            UserRole::Creator
        } else {
            UserRole::Operator
        };
        let p = password.to_string();
        let hash = tokio::task::spawn_blocking(move || hash_password(&p))
            .await
            .unwrap();
        self.parts
            .store
            .add_user(name, role, creator, &hash)
            .await
            .unwrap();
    }

    /// A client with no session.
    pub fn console_anonymous(&self) -> ConsoleClient {
        ConsoleClient::new(self.console_url())
    }

    /// Adds user `name` (see [`TestApp::add_user`]) and logs in as them.
    pub async fn console_user(&self, name: &str, creator: Option<&str>) -> ConsoleClient {
        self.add_user(name, creator, TEST_PASSWORD).await;
        self.console_login(name, TEST_PASSWORD).await
    }

    /// Logs in as an existing user; fails unless the login succeeds.
    pub async fn console_login(&self, name: &str, password: &str) -> ConsoleClient {
        let c = self.console_anonymous();
        let res = c.login(name, password).await;
        assert_eq!(
            res.status(),
            StatusCode::SEE_OTHER,
            "login as {name}: {}",
            res.text().await.unwrap_or_default()
        );
        c
    }
}

/// A browser-like HTTP client of the console: a cookie jar, no redirects followed.
pub struct ConsoleClient {
    pub http: reqwest::Client,
    pub base: String,
}

impl ConsoleClient {
    pub fn new(base: String) -> ConsoleClient {
        let http = reqwest::Client::builder()
            .cookie_store(true)
            .redirect(reqwest::redirect::Policy::none())
            .build()
            .unwrap();
        ConsoleClient { http, base }
    }

    /// GETs `path` (e.g. `/fans?q=x`).
    pub async fn get(&self, path: &str) -> reqwest::Response {
        self.http
            .get(format!("{}{path}", self.base))
            .send()
            .await
            .unwrap()
    }

    /// GETs `path` and returns its status and body.
    pub async fn page(&self, path: &str) -> (StatusCode, String) {
        let r = self.get(path).await;
        (r.status(), r.text().await.unwrap())
    }

    /// GETs `path` and fails unless it answers 200; returns the HTML.
    pub async fn html(&self, path: &str) -> String {
        let (status, body) = self.page(path).await;
        assert_eq!(status, StatusCode::OK, "GET {path}: {body}");
        body
    }

    /// The session's CSRF token, read from a page's `<meta name="csrf-token">`.
    pub async fn csrf(&self) -> String {
        let html = self.html("/").await;
        meta_csrf(&html).expect("the layout carries the CSRF token")
    }

    /// POSTs a form to `path` with the session's CSRF token added.
    pub async fn post(&self, path: &str, fields: &[(&str, &str)]) -> reqwest::Response {
        let csrf = self.csrf().await;
        let mut all: Vec<(&str, &str)> = fields.to_vec();
        all.push(("csrf", &csrf));
        self.post_raw(path, &all).await
    }

    /// POSTs exactly `fields` (no token added: for CSRF tests).
    pub async fn post_raw(&self, path: &str, fields: &[(&str, &str)]) -> reqwest::Response {
        self.http
            .post(format!("{}{path}", self.base))
            .form(fields)
            .send()
            .await
            .unwrap()
    }

    /// Fills and sends the login form as a browser would (GET sets the form's token cookie).
    pub async fn login(&self, name: &str, password: &str) -> reqwest::Response {
        let form = self.html("/login").await;
        let token = hidden_value(&form, "login_csrf").expect("the login form has a token");
        self.post_raw(
            "/login",
            &[
                ("name", name),
                ("password", password),
                ("login_csrf", &token),
                ("next", "/"),
            ],
        )
        .await
    }
}

/// The CSRF token in a page's `<meta name="csrf-token" content="...">`.
pub fn meta_csrf(html: &str) -> Option<String> {
    let key = "name=\"csrf-token\" content=\"";
    let at = html.find(key)? + key.len();
    Some(html[at..].split('"').next()?.to_string())
}

/// The value of the hidden input `name` in `html`.
pub fn hidden_value(html: &str, name: &str) -> Option<String> {
    let key = format!("name=\"{name}\" value=\"");
    let at = html.find(&key)? + key.len();
    Some(html[at..].split('"').next()?.to_string())
}
