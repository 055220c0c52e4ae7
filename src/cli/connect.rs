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
