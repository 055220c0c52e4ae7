//! `fanvue-agent decisions`: the decision log, like `tail [-f]`, as text or JSON lines.

use super::{args::DecisionsArgs, clock, json_line, one_line, short, visible};
use crate::store::{
    decisions::{DecisionFilter, DecisionLine},
    Store, StoreError,
};
use std::{io::Write, process::ExitCode, time::Duration};
use tokio_util::sync::CancellationToken;

/// `decisions [--follow] [--last N] [--creator H] [--fan F] [--since T] [--json]` on stdout until
/// Ctrl-C; a bad `--fan` or `--since` is exit code 2.
pub async fn command(store: &Store, args: DecisionsArgs) -> Result<ExitCode, StoreError> {
    let now = crate::domain::time::now_ms();
    let filter = match filter(
        args.creator,
        args.fan.as_deref(),
        args.since.as_deref(),
        now,
    ) {
        Ok(f) => f,
        Err(e) => {
            eprintln!("error: {e}");
            return Ok(ExitCode::from(2));
        }
    };
    let stop = CancellationToken::new();
    crate::app::cancel_on_signals(stop.clone());
    let out = &mut std::io::stdout();
    run(store, &filter, args.last, args.follow, args.json, out, stop).await?;
    Ok(ExitCode::SUCCESS)
}

/// The filter the options ask for: `fan` a uuid or its start, `since` a time or an age.
fn filter(
    creator: Option<String>,
    fan: Option<&str>,
    since: Option<&str>,
    now: i64,
) -> Result<DecisionFilter, String> {
    Ok(DecisionFilter {
        creator,
        fan: fan.map(super::parse_fan).transpose()?,
        since_ms: since.map(|s| super::parse_since(s, now)).transpose()?,
    })
}

/// Prints the `last` newest matching decisions, then (with `follow`) new ones until `stop`.
pub async fn run(
    store: &Store,
    filter: &DecisionFilter,
    last: i64,
    follow: bool,
    json: bool,
    out: &mut (dyn Write + Send),
    stop: CancellationToken,
) -> Result<(), StoreError> {
    let mut after = store.decision_start(filter, last).await?;
    loop {
        let batch = store.decision_log(filter, after, 500).await?;
        for (k, d) in batch.iter().enumerate() {
            after = d.id;
            if json {
                let _ = writeln!(out, "{}", json_line(&d));
                continue;
            }
            print_text(out, &batch, k);
        }
        let _ = out.flush();
        if !follow || stop.is_cancelled() {
            return Ok(());
        }
        tokio::select! {
            _ = stop.cancelled() => return Ok(()),
            _ = tokio::time::sleep(Duration::from_millis(500)) => {}
        }
    }
}

/// Decision `k` of `batch` as text. A burst answered by one reply: its messages are listed, the
/// reply shown once (after the last of them).
fn print_text(out: &mut (dyn Write + Send), batch: &[DecisionLine], k: usize) {
    let d = &batch[k];
    let same = |o: &DecisionLine| o.reply == d.reply && o.fan == d.fan && o.creator == d.creator;
    let same_reply_next = d.reply.is_some() && batch.get(k + 1).is_some_and(same);
    let same_reply_prev = k > 0 && d.reply.is_some() && same(&batch[k - 1]);
    if !same_reply_prev {
        let who = format!(
            "{} ← fan {}",
            visible(d.creator.as_deref().unwrap_or("?")),
            visible(d.fan.as_deref().map(short).unwrap_or("?"))
        );
        let _ = writeln!(
            out,
            "{} {who} [{}] {}: {}",
            clock(d.decided_at),
            d.kind,
            d.outcome,
            one_line(&d.reason)
        );
    }
    if let Some(text) = &d.fan_text {
        let _ = writeln!(out, "    fan:   {}", one_line(text));
    }
    if let (Some(reply), false) = (&d.reply, same_reply_next) {
        let timing = d
            .llm_ms
            .map(|l| format!(" (LLM {l} ms)"))
            .unwrap_or_default();
        let _ = writeln!(
            out,
            "    reply: {}{timing}{}",
            one_line(reply),
            send_state(d)
        );
        if let Some(draft) = &d.draft_text {
            let _ = writeln!(
                out,
                "    draft: {} (edited before sending)",
                one_line(draft)
            );
        }
    }
}

/// Where a reply stands: ` [sent]`, or its draft's state with how to approve it.
fn send_state(d: &DecisionLine) -> String {
    match (&d.send_state, d.draft_id) {
        (Some(s), Some(id)) if s == "draft:awaiting" => {
            format!(" [draft {id}: `fanvue-agent approve {id}`]")
        }
        (Some(s), Some(id)) if s.starts_with("draft:") => {
            format!(" [draft {id}: {}]", visible(&s[6..]))
        }
        (Some(s), _) => format!(" [{}]", visible(s)),
        _ => String::new(),
    }
}
