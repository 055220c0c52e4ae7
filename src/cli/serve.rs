//! `fanvue-agent serve`: refuses to start without what every reply needs (a webhook secret, the
//! persona prompts), then runs the daemon until SIGINT or SIGTERM.

use super::CliError;
use crate::{app::Parts, config::Config};
use std::process::ExitCode;
use tokio_util::sync::CancellationToken;

/// Runs the daemon; prints `listening on http://ADDR` once it accepts webhooks.
pub async fn run(parts: &Parts) -> Result<ExitCode, CliError> {
    preflight(&parts.cfg)?;
    let listener = parts.bind().await?;
    let llm = parts.llm();
    println!("listening on http://{}", listener.local_addr()?);
    let shutdown = CancellationToken::new();
    crate::app::cancel_on_signals(shutdown.clone());
    parts.serve(listener, shutdown, llm).await?;
    tracing::info!("stopped cleanly");
    Ok(ExitCode::SUCCESS)
}

/// What must be there before anything is accepted: a webhook secret (every webhook is verified)
/// and each creator's persona prompts.
fn preflight(cfg: &Config) -> Result<(), CliError> {
    if cfg.webhook.secret.is_empty() {
        return Err(CliError::Refused("`webhook.secret` is not set: every webhook must be verified. Set it (or FANVUE_AGENT_WEBHOOK__SECRET) to the signing secret from the Fanvue developer portal".into()));
    }
    let missing: Vec<String> = crate::health::prompts(cfg)
        .into_iter()
        .filter(|c| !c.ok)
        .map(|c| {
            format!(
                "{}: {} (fix: {})",
                c.name,
                c.detail,
                c.fix.unwrap_or_default()
            )
        })
        .collect();
    if !missing.is_empty() {
        return Err(CliError::Refused(format!(
            "cannot answer without persona prompts (daemon.prompts_dir = {}):\n  {}",
            cfg.daemon.prompts_dir.display(),
            missing.join("\n  ")
        )));
    }
    Ok(())
}
