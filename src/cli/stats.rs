//! `fanvue-agent stats` (money attributed: cost, revenue, conversion per creator, item, spend
//! tier and persona version, and each creator's A/B test) and `fanvue-agent experiment`
//! (show, stop, promote or resume a creator's persona A/B test).

use super::{
    args::{ExperimentCommand, StatsArgs},
    json_line, one_line, parse_since, CliError,
};
use crate::{
    app::Parts,
    domain::interval::Interval,
    store::money::{Conversion, CreatorMoney, MoneyFilter, MoneyReport, VariantReport},
    store::{experiments::Ended, now_ms},
};
use std::{io::Write, process::ExitCode};

/// `stats`: exit code 2 for an unknown creator or a bad `--since`.
pub async fn command(parts: &Parts, args: &StatsArgs) -> Result<ExitCode, CliError> {
    if let Some(c) = &args.creator {
        if !parts.cfg.creators.contains_key(c) {
            eprintln!("`{c}` is not a configured creator");
            return Ok(ExitCode::from(2));
        }
    }
    let since = match parse_since(&args.since, now_ms()) {
        Ok(ms) => ms,
        Err(e) => {
            eprintln!("--since: {e}");
            return Ok(ExitCode::from(2));
        }
    };
    let filter = MoneyFilter::from_config(&parts.cfg, args.creator.clone(), since);
    let report = parts.store.money_report(&filter).await?;
    let experiments = parts.store.experiment_reports(&parts.cfg, &filter).await?;
    let out = &mut std::io::stdout();
    if args.json {
        let v = serde_json::json!({ "money": report, "experiments": experiments });
        let _ = writeln!(out, "{}", json_line(&v));
    } else {
        print_report(out, &report, &experiments);
    }
    Ok(ExitCode::SUCCESS)
}

/// Dollars from cents: `$12.34`.
pub fn dollars(cents: i64) -> String {
    let sign = if cents < 0 { "-" } else { "" };
    format!("{sign}${}.{:02}", cents.abs() / 100, cents.abs() % 100)
}

/// Dollars from micro-dollars, to a hundredth of a cent: `$0.0123`.
pub fn micro_dollars(micros: i64) -> String {
    format!("${:.4}", micros as f64 / 1e6)
}

/// A rate with its interval: `12.5% [8.1–18.0]`.
pub fn rate(i: Option<&Interval>) -> String {
    match i {
        Some(i) => format!(
            "{:.1}% [{:.1}–{:.1}]",
            i.estimate * 100.0,
            i.low * 100.0,
            i.high * 100.0
        ),
        None => "-".into(),
    }
}

fn print_report(out: &mut dyn Write, r: &MoneyReport, experiments: &[VariantReport]) {
    let _ = writeln!(
        out,
        "since {} (revenue the agent brought: PPV bought from its offers, tips within the window after its messages)",
        crate::domain::time::rfc3339_ms(r.since_ms)
    );
    if r.creators.is_empty() {
        let _ = writeln!(out, "no creators");
    }
    for c in &r.creators {
        print_creator(out, c);
    }
    print_conversions(out, "by item", &r.items);
    print_conversions(out, "by spend tier", &r.tiers);
    print_conversions(out, "by persona version", &r.personas);
    if !r.unpriced_models.is_empty() {
        let _ = writeln!(
            out,
            "no price for model(s) {}: add them to [money.prices] to count their cost",
            one_line(&r.unpriced_models.join(", "))
        );
    }
    print_experiments(out, experiments);
}

fn print_creator(out: &mut dyn Write, c: &CreatorMoney) {
    let per_reply = if c.replies > 0 {
        micro_dollars(c.cost_micros / c.replies)
    } else {
        "-".into()
    };
    let _ = writeln!(
        out,
        "{}: {} replies, {} offers, {} bought ({}), {} tips attributed ({} of {} in tips); \
         attributed {}; LLM {} + {} tokens, cost {} ({} per reply)",
        one_line(&c.creator),
        c.replies,
        c.offers,
        c.purchases,
        dollars(c.ppv_cents),
        c.tips_attributed,
        dollars(c.tip_cents_attributed),
        dollars(c.tip_cents_all),
        dollars(c.attributed_cents()),
        c.prompt_tokens,
        c.completion_tokens,
        micro_dollars(c.cost_micros),
        per_reply,
    );
}

fn print_conversions(out: &mut dyn Write, title: &str, rows: &[Conversion]) {
    if rows.is_empty() {
        return;
    }
    let _ = writeln!(out, "conversion {title}:");
    for c in rows {
        let replies = if c.replies > 0 {
            format!("{} replies, ", c.replies)
        } else {
            String::new()
        };
        let _ = writeln!(
            out,
            "  {} {}: {replies}{} offers, {} bought, {} (conversion {})",
            one_line(&c.creator),
            one_line(&c.key),
            c.offers,
            c.purchases,
            dollars(c.revenue_cents),
            rate(c.rate.as_ref())
        );
    }
}

fn print_experiments(out: &mut dyn Write, rows: &[VariantReport]) {
    if rows.is_empty() {
        return;
    }
    let _ = writeln!(
        out,
        "A/B (95% intervals: Wilson for conversion, mean ± 1.96 SE for revenue per fan):"
    );
    for v in rows {
        let per_fan = match &v.revenue_per_fan {
            Some(i) => format!(
                "{} [{}–{}]",
                dollars(i.estimate.round() as i64),
                dollars(i.low.round() as i64),
                dollars(i.high.round() as i64)
            ),
            None => "-".into(),
        };
        let _ = writeln!(
            out,
            "  {} {}/{}: {} fans, {} replies, {} offers, {} bought, conversion {}, revenue {} ({} per fan{}), cost {}",
            one_line(&v.creator),
            one_line(&v.experiment),
            one_line(&v.variant),
            v.fans,
            v.replies,
            v.offers,
            v.purchases,
            rate(v.conversion.as_ref()),
            dollars(v.revenue_cents),
            per_fan,
            if v.few_fans { ", too few fans to trust" } else { "" },
            micro_dollars(v.cost_micros),
        );
    }
}

/// `experiment show|stop|promote|resume <creator>`: 2 for an unknown creator, a creator without
/// an experiment or an unknown variant.
pub async fn experiment_command(
    parts: &Parts,
    command: &ExperimentCommand,
) -> Result<ExitCode, CliError> {
    let creator = command.creator();
    let Some(e) = parts
        .cfg
        .creators
        .get(creator)
        .and_then(|c| c.experiment.clone())
    else {
        eprintln!(
            "`{creator}` is not a configured creator with an [creators.{creator}.experiment]"
        );
        return Ok(ExitCode::from(2));
    };
    let store = &parts.store;
    let out = &mut std::io::stdout();
    let by = format!("cli:{}", super::operator());
    match command {
        ExperimentCommand::Show { .. } => {
            let state = match store.experiment_end(creator, &e.name).await? {
                None => "running".to_string(),
                Some(Ended::Stopped) => "stopped: every fan gets the control".to_string(),
                Some(Ended::Promoted(v)) => format!("promoted: every fan gets {v}"),
            };
            let _ = writeln!(out, "{creator}/{}: {state}", e.name);
            let filter = MoneyFilter::from_config(&parts.cfg, Some(creator.into()), 0);
            let rows = store.experiment_report(&filter, creator, &e.name).await?;
            print_experiments(out, &rows);
        }
        ExperimentCommand::Stop { .. } => {
            store.end_experiment(creator, &e.name, None, &by).await?;
            let control = e.variants.first().map(|v| v.name.as_str()).unwrap_or("-");
            let _ = writeln!(
                out,
                "{creator}/{} stopped: every fan gets the control ({control}) from the next reply",
                e.name
            );
        }
        ExperimentCommand::Promote { variant, .. } => {
            if e.variant(variant).is_none() {
                eprintln!("`{variant}` is not a variant of {creator}/{}", e.name);
                return Ok(ExitCode::from(2));
            }
            store
                .end_experiment(creator, &e.name, Some(variant), &by)
                .await?;
            let _ = writeln!(
                out,
                "{creator}/{}: {variant} promoted: every fan gets it from the next reply \
                 (make it the creator's persona in config.toml to keep it after the experiment)",
                e.name
            );
        }
        ExperimentCommand::Resume { .. } => {
            let was = store.resume_experiment(creator, &e.name).await?;
            let _ = writeln!(
                out,
                "{creator}/{}: {}",
                e.name,
                if was {
                    "running again: each fan gets their variant"
                } else {
                    "was running"
                }
            );
        }
    }
    Ok(ExitCode::SUCCESS)
}
