//! A real browser for the console's tests: chromedriver on a port it picks itself (port 0, read
//! back from what it prints), driving headless chromium with a fresh profile. Both run in a
//! process group of their own, killed whole when the [`Browser`] is dropped, so a test that fails
//! leaves nothing running; tests in parallel each have their own. The steps the flows need (go to
//! a page, fill a field, click, wait for a selector or some text) wait for conditions as the other
//! tests do (`common::wait`), and [`Browser::shoot`] saves the page as PNGs at desktop (1280×800)
//! and phone (390×844) width under `target/screenshots/` for people to look at.
//!
//! Not part of `common` itself: only `tests/console_browser.rs` links the WebDriver client.

use crate::common::{chromium, eventually};
use std::{
    io::{BufRead, BufReader},
    path::{Path, PathBuf},
    process::{Child, Command, Stdio},
};
use thirtyfour::prelude::*;

/// The switches that make chromium quiet on a closed network: no background fetches, updates or
/// sync (without them this machine refuses many of its connections), no first-run screens.
const CHROMIUM_ARGS: &[&str] = &[
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    // Screenshots show the page as a phone would: no classic scroll bars taking width.
    "--hide-scrollbars",
];

/// The widths screenshots are taken at, with the height of the screen at each.
const SCREENS: &[(&str, u32, u32)] = &[("desktop", 1280, 800), ("phone", 390, 844)];

/// The tallest screenshot (a long page is cut there).
const MAX_SHOT_HEIGHT: i64 = 6000;

/// chromedriver and the chromium it starts, as one process group.
struct DriverProcess {
    child: Child,
}

impl DriverProcess {
    /// Starts chromedriver on port 0 and returns it with its URL.
    async fn start(driver: &Path) -> (DriverProcess, String) {
        use std::os::unix::process::CommandExt;
        let mut child = Command::new(driver)
            .arg("--port=0")
            .process_group(0)
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .unwrap_or_else(|e| panic!("start {}: {e}", driver.display()));
        let out = child.stdout.take().expect("piped stdout");
        let process = DriverProcess { child };
        let (tx, rx) = tokio::sync::oneshot::channel();
        // chromedriver prints its port once, then little: the rest is drained so it never blocks.
        std::thread::spawn(move || {
            let mut tx = Some(tx);
            for line in BufReader::new(out).lines().map_while(Result::ok) {
                if let Some(port) = started_on_port(&line) {
                    if let Some(tx) = tx.take() {
                        let _ = tx.send(port);
                    }
                }
            }
        });
        let port = tokio::time::timeout(crate::common::PATIENCE, rx)
            .await
            .expect("chromedriver says which port it listens on")
            .expect("chromedriver started (it exited before saying its port)");
        (process, format!("http://127.0.0.1:{port}"))
    }
}

/// The port in chromedriver's "ChromeDriver was started successfully on port 40123." line.
fn started_on_port(line: &str) -> Option<u16> {
    let rest = line.split("started successfully on port ").nth(1)?;
    rest.trim_end_matches('.').trim().parse().ok()
}

impl Drop for DriverProcess {
    /// Kills chromedriver and every chromium process under it (they share its process group).
    fn drop(&mut self) {
        let group = format!("-{}", self.child.id());
        let _ = Command::new("kill")
            .args(["-KILL", "--", &group])
            .stderr(Stdio::null())
            .status();
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// One headless chromium, logged in as nobody yet, pointed at the console at `base`.
pub struct Browser {
    // Fields drop in order: the processes die before the session's own drop tries to close it,
    // and before the profile folder is removed.
    process: DriverProcess,
    pub driver: WebDriver,
    base: String,
    /// The prefix of this test's screenshots, and how many it took.
    name: String,
    shots: usize,
    _profile: tempfile::TempDir,
}

impl Browser {
    /// A fresh browser for the console at `base`, or `None` when chromium is not installed and the
    /// test is skipped (see `common::chromium`). `name` prefixes the test's screenshots.
    pub async fn start(base: &str, name: &str) -> Option<Browser> {
        let found = chromium()?;
        // The WebDriver client is reqwest with no TLS provider of its own: use the product's.
        let _ = rustls::crypto::ring::default_provider().install_default();
        let profile = tempfile::tempdir().unwrap();
        let (process, url) = DriverProcess::start(&found.driver).await;
        let mut caps = DesiredCapabilities::chrome();
        caps.set_binary(&found.browser.to_string_lossy()).unwrap();
        for arg in CHROMIUM_ARGS {
            caps.add_arg(arg).unwrap();
        }
        caps.add_arg(&format!("--user-data-dir={}", profile.path().display()))
            .unwrap();
        let driver = WebDriver::new(url, caps)
            .await
            .expect("chromedriver starts a chromium session");
        let browser = Browser {
            process,
            driver,
            base: base.trim_end_matches('/').to_string(),
            name: name.to_string(),
            shots: 0,
            _profile: profile,
        };
        browser.screen(SCREENS[0].1, SCREENS[0].2).await;
        Some(browser)
    }

    /// Opens `path` of the console.
    pub async fn open(&self, path: &str) {
        self.driver
            .goto(format!("{}{path}", self.base))
            .await
            .unwrap_or_else(|e| panic!("open {path}: {e}"));
    }

    /// The path of the page shown (without its query).
    pub async fn path(&self) -> String {
        let url = self.driver.current_url().await.unwrap();
        url.path().to_string()
    }

    /// Waits for an element matching `css` and returns it.
    pub async fn find(&self, css: &str) -> WebElement {
        eventually(&format!("an element {css}"), || async {
            self.driver.find(By::Css(css)).await
        })
        .await
    }

    /// Every element matching `css` on the page now (maybe none).
    pub async fn all(&self, css: &str) -> Vec<WebElement> {
        self.driver.find_all(By::Css(css)).await.unwrap()
    }

    /// Waits until the element matching `css` shows `text` (as a person reads it), and returns
    /// all it shows.
    pub async fn wait_for_text(&self, css: &str, text: &str) -> String {
        eventually(&format!("{css} to show {text:?}"), || async {
            let shown = match self.driver.find(By::Css(css)).await {
                Ok(el) => el.text().await.map_err(|e| e.to_string())?,
                Err(e) => return Err(e.to_string()),
            };
            if shown.contains(text) {
                Ok(shown)
            } else {
                Err(format!("it shows {shown:?}"))
            }
        })
        .await
    }

    /// Waits until the browser is on `path` (after a form was sent and answered with a redirect).
    pub async fn wait_for_path(&self, path: &str) {
        eventually(&format!("the browser to be on {path}"), || async {
            let now = self.path().await;
            if now == path {
                Ok(())
            } else {
                Err(format!("it is on {now}"))
            }
        })
        .await
    }

    /// Replaces what the field `css` holds with `text`, typed as a person would.
    pub async fn fill(&self, css: &str, text: &str) {
        let field = self.find(css).await;
        field.clear().await.unwrap();
        field
            .send_keys(text)
            .await
            .unwrap_or_else(|e| panic!("type into {css}: {e}"));
    }

    /// Clicks the element matching `css`.
    pub async fn click(&self, css: &str) {
        self.find(css)
            .await
            .click()
            .await
            .unwrap_or_else(|e| panic!("click {css}: {e}"));
    }

    /// Waits for the page to ask a confirmation (`window.confirm`) containing `question`, and
    /// answers OK as a person would.
    pub async fn accept_confirm(&self, question: &str) {
        eventually(&format!("a confirmation asking {question:?}"), || async {
            let asked = self
                .driver
                .get_alert_text()
                .await
                .map_err(|e| e.to_string())?;
            if asked.contains(question) {
                Ok(())
            } else {
                Err(format!("it asks {asked:?}"))
            }
        })
        .await;
        self.driver.accept_alert().await.unwrap();
    }

    /// Logs in through the login page as `name` with `password` (where the browser lands is the
    /// caller's to check).
    pub async fn log_in(&self, name: &str, password: &str) {
        self.open("/login").await;
        self.fill("#login input[name=name]", name).await;
        self.fill("#login input[name=password]", password).await;
        self.click("#login button[type=submit]").await;
    }

    /// Saves the page shown as `target/screenshots/<test>-<n>-<what>-<desktop|phone>.png`, the
    /// whole page (up to a tall limit) at each screen width, then goes back to desktop width.
    pub async fn shoot(&mut self, what: &str) {
        self.shots += 1;
        let dir = screenshots_dir();
        std::fs::create_dir_all(&dir).unwrap();
        for (screen, width, height) in SCREENS {
            self.screen(*width, *height).await;
            let tall = self
                .page_height()
                .await
                .clamp(i64::from(*height), MAX_SHOT_HEIGHT);
            self.screen(*width, tall as u32).await;
            let file = dir.join(format!(
                "{}-{:02}-{what}-{screen}.png",
                self.name, self.shots
            ));
            let png = self.driver.screenshot_as_png().await.unwrap();
            std::fs::write(&file, png).unwrap();
        }
        self.screen(SCREENS[0].1, SCREENS[0].2).await;
    }

    /// Sizes the window so the page itself (its viewport) is `width`×`height`. Headless chromium
    /// gives the page the window's width but takes its frame off the height (and reports an outer
    /// width of at least 500 px): only the height is corrected.
    async fn screen(&self, width: u32, height: u32) {
        self.driver
            .set_window_rect(0, 0, width, height)
            .await
            .unwrap();
        let frame: i64 = self
            .script("return window.outerHeight - window.innerHeight")
            .await;
        if frame > 0 {
            self.driver
                .set_window_rect(0, 0, width, height + frame as u32)
                .await
                .unwrap();
        }
    }

    /// How tall the page's content is, in CSS pixels.
    async fn page_height(&self) -> i64 {
        self.script("return document.documentElement.scrollHeight")
            .await
    }

    /// Runs `js` in the page and returns its value.
    async fn script<T: serde::de::DeserializeOwned>(&self, js: &str) -> T {
        self.driver
            .execute(js, Vec::new())
            .await
            .unwrap_or_else(|e| panic!("run {js}: {e}"))
            .convert()
            .unwrap()
    }

    /// Ends the session and the processes (dropping does the same, more abruptly).
    pub async fn close(self) {
        let Browser {
            process, driver, ..
        } = self;
        let _ = driver.quit().await;
        drop(process);
    }
}

/// Where screenshots go: `target/screenshots/` (git-ignored), or under `CARGO_TARGET_DIR`.
pub fn screenshots_dir() -> PathBuf {
    let target = std::env::var_os("CARGO_TARGET_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| Path::new(env!("CARGO_MANIFEST_DIR")).join("target"));
    target.join("screenshots")
}
