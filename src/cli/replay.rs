//! `fanvue-agent replay <fan>`: what the agent would answer now to the fan's last message (with
//! another prompt folder, say), without sending anything. The real agent runs, in shadow mode, on
//! a throw-away copy of the database; Fanvue is only read (the vault, for offers).

use super::args::ReplayArgs;
pub use crate::agent::replay::ReplayError;
use crate::{
    agent::{
        llm::Llm,
        replay::{ReplayOutcome, Replayed, Replayer},
    },
    app::Parts,
    store::{replay::ReplayDecision, Store},
};
use std::{io::Write, path::PathBuf, process::ExitCode, sync::Arc};

/// `replay <fan> [--creator H] [--prompt-dir D]` on stdout: exit code 2 for bad input, 1 when
/// the replay failed underneath.
pub async fn command(parts: &Parts, args: ReplayArgs) -> ExitCode {
    let llm = parts.llm();
    let out = &mut std::io::stdout();
    let res = run(
        parts,
        llm,
        args.creator.as_deref(),
        &args.fan,
        args.prompt_dir,
        out,
    )
    .await;
    match res {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("error: {e}");
            match e {
                ReplayError::Input(_) => ExitCode::from(2),
                _ => ExitCode::FAILURE,
            }
        }
    }
}

/// Replays the chat of `fan` (a uuid or its start) with `creator` (needed only when the fan
/// wrote to several creators). Returns an error message for the operator on bad input.
pub async fn run(
    parts: &Parts,
    llm: Arc<dyn Llm>,
    creator: Option<&str>,
    fan: &str,
    prompt_dir: Option<PathBuf>,
    out: &mut dyn Write,
) -> Result<(), ReplayError> {
    let (creator, fan) = find_chat(&parts.store, fan, creator).await?;
    if let Some(d) = &prompt_dir {
        if !d.is_dir() {
            return Err(ReplayError::Input(format!(
                "--prompt-dir {}: not a folder",
                d.display()
            )));
        }
    }
    let replayer = Replayer {
        store: parts.store.clone(),
        cfg: parts.live.get(),
        llm,
        apis: parts.apis(),
        // The judge as configured: a replay shows what the daemon would decide now.
        judge: parts.judge(),
    };
    let r = replayer.replay(&creator, &fan, prompt_dir).await?;
    print_header(out, &creator, &fan, &r)?;
    match r.outcome {
        ReplayOutcome::Decided(d) => print_decision(out, d)?,
        ReplayOutcome::Retry(after) => {
            writeln!(
                out,
                "outcome:  not decided now (the agent would retry in {} s: creator not active or LLM unavailable; see the log lines above)",
                after.as_secs()
            )?;
            return Ok(());
        }
    }
    writeln!(out, "(dry run: nothing was sent or saved)")?;
    Ok(())
}

/// The one stored chat `fan` (a uuid or its start) names, with `creator` if given.
async fn find_chat(
    store: &Store,
    fan: &str,
    creator: Option<&str>,
) -> Result<(String, String), ReplayError> {
    let fan = super::parse_fan(fan).map_err(ReplayError::Input)?;
    let mut chats = store.find_chats(&fan).await?;
    if let Some(c) = creator {
        chats.retain(|(h, _)| h == c);
    }
    match chats.as_slice() {
        [one] => Ok(one.clone()),
        [] => Err(ReplayError::Input(format!(
            "no stored conversation with fan {fan}{}",
            creator.map(|c| format!(" for {c}")).unwrap_or_default()
        ))),
        many => Err(ReplayError::Input(format!(
            "{fan} matches several chats: {}; give --creator and/or the full fan uuid",
            many.iter()
                .map(|(h, f)| format!("{h} ← {f}"))
                .collect::<Vec<_>>()
                .join(", ")
        ))),
    }
}

/// Who, what the fan wrote, and which prompt files (and version) the replay used.
fn print_header(
    out: &mut dyn Write,
    creator: &str,
    fan: &str,
    r: &Replayed,
) -> Result<(), ReplayError> {
    writeln!(out, "{creator} ← fan {}", super::visible(fan))?;
    writeln!(
        out,
        "fan:      {}",
        r.fan_text
            .as_deref()
            .map(super::one_line)
            .unwrap_or_else(|| "(no text)".into())
    )?;
    writeln!(
        out,
        "prompts:  {} (version {})",
        r.persona_files.join(" + "),
        r.version
    )?;
    Ok(())
}

/// The decision the replay recorded: outcome, reason, and the reply it would have sent.
fn print_decision(out: &mut dyn Write, decision: Option<ReplayDecision>) -> std::io::Result<()> {
    let Some(d) = decision else {
        return writeln!(out, "outcome:  no decision was made");
    };
    let (outcome, llm_ms) = (d.outcome.as_str(), d.llm_ms);
    writeln!(out, "outcome:  {outcome}: {}", super::one_line(&d.reason))?;
    match d.reply {
        Some(r) => writeln!(
            out,
            "reply:    {}{}",
            super::visible(&r),
            llm_ms
                .map(|l| format!("  (LLM {l} ms)"))
                .unwrap_or_default()
        ),
        None => writeln!(out, "reply:    (none)"),
    }
}
