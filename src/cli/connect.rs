//! `fanvue-agent connect <creator>`: OAuth for one configured creator. Prints the URL to open and
//! waits for the callback, served here unless a daemon on the same address receives it.

use super::{args::ConnectArgs, CliError};
use crate::{app::Parts, store::CreatorStatus};
use std::{process::ExitCode, time::Duration};
use tokio_util::sync::CancellationToken;

/// Connects `args.creator`; fails with why when the callback reports an error or never comes.
pub async fn run(parts: &Parts, args: &ConnectArgs) -> Result<ExitCode, CliError> {
    let handle = args.creator.as_str();
    if !parts.cfg.creators.contains_key(handle) {
        return Err(CliError::Refused(format!("`{handle}` is not a configured creator: add a [creators.{handle}] section to the config first")));
    }
    let start = parts.connector().begin(handle).await?;
    println!("Open this URL to connect {handle}:\n{}", start.url);
    let shutdown = CancellationToken::new();
    let server = serve_callback(parts, shutdown.clone()).await;
    if args.sandbox_auto_approve {
        auto_approve(parts, &start.url, handle).await?;
    }
    let outcome = wait_for_outcome(parts, &start.state, Duration::from_secs(args.timeout)).await?;
    shutdown.cancel();
    if let Some(s) = server {
        let _ = s.await;
    }
    if outcome != "connected" {
        return Err(CliError::Refused(format!(
            "{handle} not connected: {}",
            outcome.trim_start_matches("failed: ")
        )));
    }
    let c = parts
        .store
        .creator(handle)
        .await?
        .ok_or_else(|| CliError::Refused("creator row vanished".into()))?;
    debug_assert_eq!(c.status, CreatorStatus::Active);
    println!("connected {handle} ({})", c.uuid.unwrap_or_default());
    Ok(ExitCode::SUCCESS)
}

/// Serves the callback ourselves unless a daemon already listens on the address.
async fn serve_callback(
    parts: &Parts,
    shutdown: CancellationToken,
) -> Option<tokio::task::JoinHandle<std::io::Result<()>>> {
    match parts.bind().await {
        Ok(listener) => {
            let p = parts.clone();
            Some(tokio::spawn(async move {
                p.serve_callback(listener, shutdown).await
            }))
        }
        Err(_) => {
            println!(
                "(a daemon is listening on {}; it will receive the callback)",
                parts.cfg.daemon.listen
            );
            None
        }
    }
}

/// `--sandbox-auto-approve`: asks `fanvue-sandbox` to approve at once and follows its redirect
/// to the callback.
async fn auto_approve(parts: &Parts, auth_url: &str, handle: &str) -> Result<(), CliError> {
    let url = format!("{auth_url}&sandbox_auto_approve={}", urlencode(handle));
    let unreachable = |what| move |source| CliError::Unreachable { what, source };
    let resp = parts
        .api
        .http()
        .get(&url)
        .send()
        .await
        .map_err(unreachable("cannot reach the authorization server"))?;
    let Some(loc) = resp
        .headers()
        .get("location")
        .and_then(|l| l.to_str().ok())
        .map(String::from)
    else {
        return Err(CliError::Refused(format!("the authorization server did not auto-approve (HTTP {}): --sandbox-auto-approve only works against fanvue-sandbox", resp.status())));
    };
    let cb = parts
        .api
        .http()
        .get(&loc)
        .send()
        .await
        .map_err(unreachable("cannot reach the OAuth callback"))?;
    if !cb.status().is_success() {
        let status = cb.status();
        let body = cb.text().await.unwrap_or_default();
        return Err(CliError::Refused(format!(
            "the callback failed (HTTP {status}): {}",
            strip_tags(&body)
        )));
    }
    Ok(())
}

/// The outcome the callback recorded for `state` (`connected` or `failed: why`), or a timeout.
async fn wait_for_outcome(
    parts: &Parts,
    state: &str,
    timeout: Duration,
) -> Result<String, CliError> {
    let deadline = tokio::time::Instant::now() + timeout;
    loop {
        if let Some(o) = parts.store.pending_outcome(state).await? {
            return Ok(o);
        }
        if tokio::time::Instant::now() > deadline {
            return Ok("failed: timed out waiting for the callback".to_string());
        }
        tokio::time::sleep(Duration::from_millis(200)).await;
    }
}

fn urlencode(s: &str) -> String {
    url::form_urlencoded::byte_serialize(s.as_bytes()).collect()
}

/// The text of an HTML error page, on one line.
fn strip_tags(html: &str) -> String {
    let mut out = String::new();
    let mut in_tag = false;
    for c in html.chars() {
        match c {
            '<' => in_tag = true,
            '>' => {
                in_tag = false;
                out.push(' ');
            }
            c if !in_tag => out.push(c),
            _ => {}
        }
    }
    out.split_whitespace().collect::<Vec<_>>().join(" ")
}
