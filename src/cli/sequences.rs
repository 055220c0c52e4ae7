//! `fanvue-agent sequences --dry-run`: what a sequence check would queue now, per creator: the
//! fan, the sequence and step, when it would leave (the pacing within the rate budget) and the
//! text as it would be rendered. Reads the database only; nothing is queued or sent. The agent
//! still re-checks each fan when it decides (a fan who writes meanwhile gets nothing).

use super::{args::SequencesArgs, CliError};
use crate::{
    app::Parts,
    config::{variant, CreatorSettings},
    domain::{display::one_line, time::now_ms},
    sequences::{admitted, Admitted},
};
use std::{io::Write, process::ExitCode};

/// Prints each creator's admitted steps, one line each (`--dry-run` is required: the daemon is
/// what queues them for real).
pub async fn dry_run(
    parts: &Parts,
    args: &SequencesArgs,
    out: &mut impl Write,
) -> Result<ExitCode, CliError> {
    if !args.dry_run {
        return Err(CliError::Refused(
            "the daemon runs sequences; `sequences --dry-run` shows what it would send now".into(),
        ));
    }
    let cfg = parts.live.get();
    let every = cfg.sequences.check_every_secs;
    let now = now_ms();
    let mut lines = 0;
    for handle in cfg.creators.keys() {
        if args.creator.as_deref().is_some_and(|c| c != handle) {
            continue;
        }
        let s = cfg.creator_settings(handle);
        for a in admitted(&parts.store, &s, now, every).await? {
            let text = rendered(parts, &s, &a).await?;
            writeln!(out, "{}", line(handle, &a, now, &text))?;
            lines += 1;
        }
    }
    if lines == 0 {
        writeln!(out, "no sequence message is due now")?;
    }
    Ok(ExitCode::SUCCESS)
}

/// One admitted step as the dry run prints it.
fn line(creator: &str, a: &Admitted, now: i64, text: &str) -> String {
    format!(
        "{creator:<16} {:<38} {} step {} in {:>4}s  {}",
        a.due.fan,
        a.due.sequence,
        a.due.step + 1,
        (a.send_at - now).max(0) / 1000,
        one_line(text, 100)
    )
}

/// The step's text for this fan, rendered as the agent would.
async fn rendered(parts: &Parts, s: &CreatorSettings, a: &Admitted) -> Result<String, CliError> {
    let seq = s.sequences.list.iter().find(|q| q.name == a.due.sequence);
    let texts: Vec<&String> = seq
        .and_then(|q| q.steps.get(a.due.step as usize))
        .map(|st| st.texts.iter().filter(|t| !t.trim().is_empty()).collect())
        .unwrap_or_default();
    let Some(tpl) = texts.get(variant(&a.due.fan, &a.due.sequence, texts.len())) else {
        return Ok(String::new());
    };
    let chat = parts.store.chat(&s.handle, &a.due.fan).await?;
    let name = chat
        .and_then(|c| c.nickname.or(c.display_name).or(c.fan_handle))
        .and_then(|n| n.split_whitespace().next().map(String::from))
        .unwrap_or_else(|| "there".into());
    let creator = parts.store.creator(&s.handle).await?;
    let creator_name = creator
        .and_then(|c| c.display_name)
        .unwrap_or_else(|| s.handle.clone());
    let vars = serde_json::json!({ "fan_name": name, "creator_name": creator_name });
    let text = crate::agent::prompt::render("sequence", tpl, &vars)
        .unwrap_or_else(|e| format!("(does not render: {e})"));
    // The model's words are only known when it writes them: the dry run shows its brief.
    Ok(if seq.is_some_and(|q| q.personalise) {
        format!("(the model rewrites) {text}")
    } else {
        text
    })
}
