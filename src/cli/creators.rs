//! `fanvue-agent creators | pause | resume`: the creators' connection status, and stopping or
//! resuming the answers to a creator or to one fan of theirs.

use super::CliError;
use crate::store::{CreatorStatus, Store};
use std::process::ExitCode;

/// One line per creator: handle, status, Fanvue uuid, why (when paused or failing).
pub async fn list(store: &Store) -> Result<ExitCode, CliError> {
    for c in store.creators().await? {
        println!(
            "{:<24} {:<16} {:<38} {}",
            c.handle,
            c.status.as_str(),
            c.uuid.as_deref().unwrap_or("-"),
            c.status_reason.as_deref().unwrap_or("")
        );
    }
    Ok(ExitCode::SUCCESS)
}

/// `pause` (`on`) or `resume` a creator, or only one fan's chat of theirs.
pub async fn pause(
    store: &Store,
    creator: &str,
    fan: Option<&str>,
    on: bool,
) -> Result<ExitCode, CliError> {
    let Some(row) = store.creator(creator).await? else {
        eprintln!("`{creator}` is not a configured creator");
        return Ok(ExitCode::from(2));
    };
    match fan {
        Some(fan) => pause_fan(store, creator, fan, on).await,
        None => pause_creator(store, creator, row.status, on).await,
    }
}

async fn pause_fan(
    store: &Store,
    creator: &str,
    fan: &str,
    on: bool,
) -> Result<ExitCode, CliError> {
    let fan = fan.trim().to_ascii_lowercase();
    if uuid::Uuid::parse_str(&fan).is_err() {
        eprintln!("`{fan}` is not a fan uuid");
        return Ok(ExitCode::from(2));
    }
    if on {
        store.pause_fan(creator, &fan, i64::MAX).await?;
        println!("paused {creator} ← fan {fan}: their messages are not answered until `resume`");
    } else {
        store.resume_fan(creator, &fan).await?;
        println!("resumed {creator} ← fan {fan}");
    }
    Ok(ExitCode::SUCCESS)
}

/// Only an active creator can be paused and only a paused one resumed (exit code 1 otherwise).
async fn pause_creator(
    store: &Store,
    creator: &str,
    status: CreatorStatus,
    on: bool,
) -> Result<ExitCode, CliError> {
    if on {
        if status != CreatorStatus::Active && status != CreatorStatus::Paused {
            eprintln!("{creator} is {}: nothing to pause", status.as_str());
            return Ok(ExitCode::from(1));
        }
        store
            .set_creator_status(
                creator,
                CreatorStatus::Paused,
                Some("paused by the operator"),
            )
            .await?;
        println!("paused {creator}: fans' messages are kept and answered after `resume`");
    } else {
        if status != CreatorStatus::Paused {
            eprintln!("{creator} is {}, not paused", status.as_str());
            return Ok(ExitCode::from(1));
        }
        store
            .set_creator_status(creator, CreatorStatus::Active, None)
            .await?;
        println!("resumed {creator}");
    }
    Ok(ExitCode::SUCCESS)
}
