//! `fanvue-agent fan`: one fan as humans steer them, without the console: the switches for AI
//! replies, offers and follow-ups, notes for humans, instructions for the model, the memory facts
//! and the summary. Every change is recorded with who made it (`cli:<unix user>`).

use super::{args::FanCommand, args::FanRef, clock, json_line, one_line, CliError};
use crate::{
    app::Parts,
    store::{
        fans::{FanProfile, Switch, FACT_KINDS},
        Store,
    },
};
use std::{io::Write, process::ExitCode};

/// Runs one `fan` subcommand; exit code 2 for an unknown creator or fan or a bad fact kind, 1
/// when there was nothing to forget or erase.
pub async fn command(parts: &Parts, command: FanCommand) -> Result<ExitCode, CliError> {
    let out = &mut std::io::stdout();
    let by = format!("cli:{}", super::operator());
    let store = &parts.store;
    let fan_ref = match &command {
        FanCommand::Show { fan, .. }
        | FanCommand::Set { fan, .. }
        | FanCommand::Fact { fan, .. }
        | FanCommand::Forget { fan, .. }
        | FanCommand::Summary { fan, .. } => fan,
    };
    let (creator, fan) = match known(parts, fan_ref).await? {
        Ok(k) => k,
        Err(why) => {
            eprintln!("error: {why}");
            return Ok(ExitCode::from(2));
        }
    };
    let (c, f) = (creator.as_str(), fan.as_str());
    let code = match command {
        FanCommand::Show { json, .. } => {
            show(&store.fan_profile(c, f).await?, json, out);
            ExitCode::SUCCESS
        }
        FanCommand::Set {
            ai,
            offers,
            followups,
            notes,
            instructions,
            ..
        } => {
            let switches = [(Switch::Ai, ai), (Switch::Offers, offers)];
            for (s, on) in switches.into_iter().chain([(Switch::Followups, followups)]) {
                if let Some(on) = on {
                    store.set_fan_switch(c, f, s, on, &by).await?;
                }
            }
            if let Some(n) = notes {
                store.set_fan_notes(c, f, &n, &by).await?;
            }
            if let Some(i) = instructions {
                store.set_fan_instructions(c, f, &i, &by).await?;
            }
            show(&store.fan_profile(c, f).await?, false, out);
            ExitCode::SUCCESS
        }
        FanCommand::Fact {
            kind, value, was, ..
        } => fact(store, c, f, &kind, &value, was.as_deref(), out).await?,
        FanCommand::Forget { kind, value, .. } => {
            let forgot = store.forget_fact(c, f, &kind, &value).await?;
            let _ = match forgot {
                true => writeln!(out, "forgot {kind}: {}", one_line(&value)),
                false => writeln!(out, "no fact {kind}: {} was remembered", one_line(&value)),
            };
            if forgot {
                ExitCode::SUCCESS
            } else {
                ExitCode::from(1)
            }
        }
        FanCommand::Summary { set, erase, .. } => {
            summary(store, c, f, set.as_deref(), erase, &by, out).await?
        }
    };
    Ok(code)
}

/// The creator (configured) and the fan (a full uuid the store knows), or why not.
async fn known(parts: &Parts, r: &FanRef) -> Result<Result<(String, String), String>, CliError> {
    let fan = r.fan.trim().to_ascii_lowercase();
    if !parts.cfg.creators.contains_key(&r.creator) {
        return Ok(Err(format!(
            "`{}` is not a configured creator",
            super::visible(&r.creator)
        )));
    }
    if uuid::Uuid::parse_str(&fan).is_err() {
        return Ok(Err(format!(
            "`{}` is not a fan's full uuid",
            super::visible(&r.fan)
        )));
    }
    if !parts.store.fan_known(&r.creator, &fan).await? {
        return Ok(Err(format!("{} has no fan {fan}", r.creator)));
    }
    Ok(Ok((r.creator.clone(), fan)))
}

/// `fan fact`: remembers (or corrects) one fact of a known kind.
async fn fact(
    store: &Store,
    c: &str,
    f: &str,
    kind: &str,
    value: &str,
    was: Option<&str>,
    out: &mut dyn Write,
) -> Result<ExitCode, CliError> {
    if !FACT_KINDS.contains(&kind) || value.trim().is_empty() {
        eprintln!("error: give a KIND ({}) and a value", FACT_KINDS.join(", "));
        return Ok(ExitCode::from(2));
    }
    store.edit_fact(c, f, kind, was, value).await?;
    let _ = writeln!(out, "remembered {kind}: {}", one_line(value.trim()));
    Ok(ExitCode::SUCCESS)
}

/// `fan summary`: shows, sets or erases the summary.
async fn summary(
    store: &Store,
    c: &str,
    f: &str,
    set: Option<&str>,
    erase: bool,
    by: &str,
    out: &mut dyn Write,
) -> Result<ExitCode, CliError> {
    if erase {
        let erased = store.erase_fan_summary(c, f).await?;
        let _ = writeln!(
            out,
            "{}",
            if erased {
                "summary erased"
            } else {
                "no summary to erase"
            }
        );
        return Ok(if erased {
            ExitCode::SUCCESS
        } else {
            ExitCode::from(1)
        });
    }
    if let Some(text) = set {
        if text.trim().is_empty() {
            eprintln!("error: an empty summary: use --erase to remove it");
            return Ok(ExitCode::from(2));
        }
        store.set_fan_summary(c, f, text, by).await?;
    }
    match store.fan_summary(c, f).await? {
        Some(s) => {
            let when = clock(s.written_at);
            let _ = writeln!(
                out,
                "{} (by {}, {when})",
                one_line(&s.summary),
                one_line(&s.written_by)
            );
        }
        None => {
            let _ = writeln!(out, "no summary yet");
        }
    }
    Ok(ExitCode::SUCCESS)
}

/// The fan's profile as text (fan-written text escaped, one line each) or one JSON line.
fn show(p: &FanProfile, json: bool, out: &mut dyn Write) {
    if json {
        let _ = writeln!(out, "{}", json_line(p));
        return;
    }
    let name = p
        .nickname
        .as_deref()
        .or(p.display_name.as_deref())
        .or(p.handle.as_deref())
        .unwrap_or("(no name)");
    let onoff = |off: bool| if off { "off" } else { "on" };
    let c = &p.controls;
    let lines = [
        format!(
            "fan {} {} · {} messages",
            p.fan,
            one_line(name),
            p.fan_messages
        ),
        format!(
            "  AI replies {} · offers {} · follow-ups {}{}",
            onoff(c.ai_off),
            onoff(c.offers_off),
            onoff(c.followups_off),
            c.updated_by
                .as_deref()
                .map(|b| format!(" (last changed by {})", one_line(b)))
                .unwrap_or_default()
        ),
        format!(
            "  spent ${}.{:02} · {} purchases · {} tips · language {}",
            p.facts.spend_cents / 100,
            p.facts.spend_cents % 100,
            p.facts.purchases,
            p.facts.tips,
            p.facts.language.as_deref().unwrap_or("-")
        ),
        format!("  notes (humans only): {}", one_line(&c.notes)),
        format!(
            "  instructions (to the model): {}",
            one_line(&c.instructions)
        ),
        format!(
            "  summary: {}",
            p.summary
                .as_ref()
                .map(|s| format!("{} (by {})", one_line(&s.summary), one_line(&s.written_by)))
                .unwrap_or_else(|| "-".into())
        ),
    ];
    for l in lines {
        let _ = writeln!(out, "{l}");
    }
    for m in &p.memory {
        let _ = writeln!(out, "  remembers {}: {}", m.kind, one_line(&m.value));
    }
    for m in &p.marks {
        let _ = writeln!(
            out,
            "  MARKED {}: {}",
            m.category.as_str(),
            one_line(&m.reason)
        );
    }
}
