//! Tools from outside the repository that some tests need: the local LLM, Prism, Schemathesis
//! and aiosmtpd, each named by an environment variable that scripts/test sets, and chromium with
//! chromedriver (Debian's packages, found on the PATH). Under a plain
//! `cargo test` a test (or the part of one) whose tool is not set is skipped with one line saying
//! what to install or run. With `FANVUE_REQUIRE_PEERS=1` (scripts/test, and so .ci/run) a missing
//! tool fails the test instead: CI cannot pass without running them.

use fanvue_agent::config::{Config, Secret};
use std::io::Write;

/// A tool some tests need, and how to get it.
pub struct Peer {
    /// The environment variable naming it.
    pub var: &'static str,
    /// What it is, for the message.
    pub what: &'static str,
    /// How to set it up.
    pub how: &'static str,
}

pub const LOCAL_LLM: Peer = Peer {
    var: "LOCAL_LLM_BASE_URL",
    what: "the local LLM (llama-server + SmolLM2)",
    how:
        "`scripts/local-llm start` prints base_url and api_key: export them as LOCAL_LLM_BASE_URL \
          and LOCAL_LLM_API_KEY",
};

pub const PRISM: Peer = Peer {
    var: "FANVUE_PRISM",
    what: "Prism (the OpenAPI mock server)",
    how: "run scripts/install-peers, then export FANVUE_PRISM=$PWD/.peers/prism/node_modules/.bin/prism",
};

pub const SCHEMATHESIS: Peer = Peer {
    var: "SCHEMATHESIS",
    what: "Schemathesis",
    how: "run scripts/install-peers, then export SCHEMATHESIS=$PWD/.peers/schemathesis/bin/schemathesis",
};

pub const AIOSMTPD: Peer = Peer {
    var: "AIOSMTPD",
    what: "aiosmtpd (a real SMTP server)",
    how: "run scripts/install-peers, then export AIOSMTPD=$PWD/.peers/aiosmtpd/bin/python",
};

/// The value of `p`'s variable, or `None` after saying on the terminal what is skipped and why.
/// Panics instead when `FANVUE_REQUIRE_PEERS=1`.
pub fn peer(p: &Peer) -> Option<String> {
    if let Some(v) = std::env::var(p.var).ok().filter(|v| !v.is_empty()) {
        return Some(v);
    }
    missing(p.what, &format!("{} is not set", p.var), p.how)
}

/// A missing tool: `None` after one line on the terminal saying what is skipped and why, or a
/// panic when `FANVUE_REQUIRE_PEERS=1`.
fn missing<T>(what: &str, why: &str, how: &str) -> Option<T> {
    // The test harness names each test's thread after the test (and runs a tokio test's body on it).
    let test = std::thread::current()
        .name()
        .unwrap_or("a test")
        .to_string();
    if std::env::var("FANVUE_REQUIRE_PEERS").is_ok_and(|v| v == "1") {
        panic!(
            "{test} needs {what}, and FANVUE_REQUIRE_PEERS=1 forbids skipping it: {why} ({how})"
        );
    }
    // Straight to stderr: the harness captures `eprintln!` of passing tests, and a skip must show.
    let _ = writeln!(
        std::io::stderr(),
        "SKIPPED in {test}: what needs {what} ({why}; {how}). scripts/test runs every test."
    );
    None
}

/// Chromium and its WebDriver server, for the console's browser tests.
pub struct Chromium {
    pub browser: std::path::PathBuf,
    pub driver: std::path::PathBuf,
}

/// Chromium and chromedriver (`CHROMIUM` and `CHROMEDRIVER` name others), or `None` when the test
/// is skipped.
pub fn chromium() -> Option<Chromium> {
    let how = "apt-get install chromium chromium-driver (.ci/run does), or point CHROMIUM and \
               CHROMEDRIVER at them";
    let browser = program(
        "CHROMIUM",
        &["chromium", "chromium-browser", "google-chrome"],
    );
    let driver = program("CHROMEDRIVER", &["chromedriver"]);
    match (browser, driver) {
        (Some(browser), Some(driver)) => Some(Chromium { browser, driver }),
        (None, _) => missing("chromium", "no chromium on the PATH", how),
        (_, None) => missing("chromedriver", "no chromedriver on the PATH", how),
    }
}

/// The program `var` names, or the first of `names` found on the PATH.
fn program(var: &str, names: &[&str]) -> Option<std::path::PathBuf> {
    if let Some(v) = std::env::var_os(var).filter(|v| !v.is_empty()) {
        return Some(v.into());
    }
    let path = std::env::var_os("PATH")?;
    names.iter().find_map(|name| {
        std::env::split_paths(&path)
            .map(|dir| dir.join(name))
            .find(|p| p.is_file())
    })
}

/// The real local LLM the end-to-end tests talk to.
pub struct LocalLlm {
    pub url: String,
    pub key: String,
}

impl LocalLlm {
    /// Points the daemon's LLM at it.
    pub fn configure(&self, c: &mut Config) {
        c.llm.base_url = self.url.clone();
        c.llm.api_key = Secret::new(self.key.clone());
    }
}

/// The local LLM (`LOCAL_LLM_BASE_URL`, `LOCAL_LLM_API_KEY`), or `None` when the test is skipped.
pub fn local_llm() -> Option<LocalLlm> {
    let url = peer(&LOCAL_LLM)?;
    let key = std::env::var("LOCAL_LLM_API_KEY").unwrap_or_else(|_| "local-llm-key".into());
    Some(LocalLlm { url, key })
}
