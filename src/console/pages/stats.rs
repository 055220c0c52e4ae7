//! Stats: replies per hour, time to reply, offers and purchases (conversion) and revenue per
//! creator and per item, conversion per spend tier and persona version, escalations by rule, LLM
//! tokens and cost, and each creator's persona A/B test. Server-rendered SVG charts; the numbers
//! come from the same store queries as `fanvue-agent stats` (`store::money`). A creator user sees
//! only their own handle; naming another creator answers 404.

use crate::console::{charts, ConsoleError, ConsoleState, Viewer};
use crate::store::money::{Activity, Conversion, MoneyFilter, MoneyReport, VariantReport};
use axum::{
    extract::{Query, State},
    response::Html,
    routing::get,
    Router,
};
use minijinja::{context, value::Serde, Value};
use serde::{Deserialize, Serialize};

pub const TEMPLATES: &[(&str, &str)] = &[("stats.html", include_str!("../templates/stats.html"))];

pub fn routes() -> Router<ConsoleState> {
    Router::new().route("/stats", get(page))
}

/// `?creator=H&since=24h|7d|30d`.
#[derive(Debug, Default, Deserialize)]
struct StatsQuery {
    creator: Option<String>,
    since: Option<String>,
}

/// The periods the page offers, as `--since` ages.
const PERIODS: [&str; 3] = ["24h", "7d", "30d"];

async fn page(
    viewer: Viewer,
    State(st): State<ConsoleState>,
    Query(q): Query<StatsQuery>,
) -> Result<Html<String>, ConsoleError> {
    let creator = which_creator(&viewer, q.creator.filter(|c| !c.is_empty()))?;
    let since = q
        .since
        .filter(|s| PERIODS.contains(&s.as_str()))
        .unwrap_or_else(|| "7d".into());
    let now = crate::domain::time::now_ms();
    let since_ms = now - period_ms(&since);
    let cfg = st.cfg.get();
    let filter = MoneyFilter::from_config(&cfg, creator.clone(), since_ms);
    let report = st.store.money_report(&filter).await?;
    let activity = st.store.activity(creator.as_deref(), since_ms).await?;
    let variants = st.store.experiment_reports(&cfg, &filter).await?;
    let charts = Charts::of(&report, &activity);
    st.page(
        &viewer,
        "stats",
        "stats.html",
        context! {
            creator => creator,
            since => since,
            periods => PERIODS,
            creators_money => Value::from(Serde(
                report.creators.iter().map(CreatorRow::of).collect::<Vec<_>>()
            )),
            items => Value::from(Serde(rows(&report.items))),
            tiers => Value::from(Serde(rows(&report.tiers))),
            personas => Value::from(Serde(rows(&report.personas))),
            unpriced => report.unpriced_models,
            reply_p50 => activity.reply_p50_ms.map(seconds),
            reply_p90 => activity.reply_p90_ms.map(seconds),
            variants => Value::from(Serde(variants.iter().map(VariantRow::of).collect::<Vec<_>>())),
            charts => Value::from(Serde(&charts)),
        },
    )
}

/// The creator the page is about: the one asked for (404 unless the viewer may see it), else a
/// creator user's own, else every creator (an operator).
fn which_creator(viewer: &Viewer, asked: Option<String>) -> Result<Option<String>, ConsoleError> {
    match asked {
        Some(c) => {
            viewer.check(&c)?;
            Ok(Some(c))
        }
        None => Ok(viewer.only_creator().map(str::to_string)),
    }
}

fn period_ms(since: &str) -> i64 {
    match since {
        "24h" => 86_400_000,
        "30d" => 30 * 86_400_000,
        _ => 7 * 86_400_000,
    }
}

fn seconds(ms: i64) -> String {
    format!("{:.1} s", ms as f64 / 1000.0)
}

fn dollars(cents: i64) -> String {
    format!("${}.{:02}", cents / 100, (cents % 100).abs())
}

fn micro_dollars(micros: i64) -> String {
    format!("${:.4}", micros as f64 / 1e6)
}

fn rate(i: Option<&crate::domain::interval::Interval>) -> String {
    i.map(|i| {
        format!(
            "{:.0}% [{:.0}–{:.0}]",
            i.estimate * 100.0,
            i.low * 100.0,
            i.high * 100.0
        )
    })
    .unwrap_or_else(|| "–".into())
}

/// One creator's line of the money table, as shown.
#[derive(Serialize)]
struct CreatorRow {
    creator: String,
    replies: i64,
    offers: i64,
    purchases: i64,
    conversion: String,
    ppv: String,
    tips: String,
    attributed: String,
    tokens: i64,
    cost: String,
    cost_per_reply: String,
}

impl CreatorRow {
    fn of(c: &crate::store::money::CreatorMoney) -> CreatorRow {
        let conv = crate::domain::interval::wilson(
            c.purchases as u64,
            c.offers as u64,
            crate::domain::interval::Z95,
        );
        CreatorRow {
            creator: c.creator.clone(),
            replies: c.replies,
            offers: c.offers,
            purchases: c.purchases,
            conversion: rate(conv.as_ref()),
            ppv: dollars(c.ppv_cents),
            tips: format!(
                "{} of {}",
                dollars(c.tip_cents_attributed),
                dollars(c.tip_cents_all)
            ),
            attributed: dollars(c.attributed_cents()),
            tokens: c.prompt_tokens + c.completion_tokens,
            cost: micro_dollars(c.cost_micros),
            cost_per_reply: if c.replies > 0 {
                micro_dollars(c.cost_micros / c.replies)
            } else {
                "–".into()
            },
        }
    }
}

/// A conversion line (item, tier or persona version), as shown.
#[derive(Serialize)]
struct ConversionRow {
    creator: String,
    key: String,
    replies: i64,
    offers: i64,
    purchases: i64,
    conversion: String,
    revenue: String,
}

fn rows(c: &[Conversion]) -> Vec<ConversionRow> {
    c.iter()
        .map(|c| ConversionRow {
            creator: c.creator.clone(),
            key: c.key.clone(),
            replies: c.replies,
            offers: c.offers,
            purchases: c.purchases,
            conversion: rate(c.rate.as_ref()),
            revenue: dollars(c.revenue_cents),
        })
        .collect()
}

/// One variant of an A/B test, as shown.
#[derive(Serialize)]
struct VariantRow {
    creator: String,
    experiment: String,
    variant: String,
    fans: i64,
    replies: i64,
    conversion: String,
    revenue: String,
    per_fan: String,
    cost: String,
    few_fans: bool,
}

impl VariantRow {
    fn of(v: &VariantReport) -> VariantRow {
        VariantRow {
            creator: v.creator.clone(),
            experiment: v.experiment.clone(),
            variant: v.variant.clone(),
            fans: v.fans,
            replies: v.replies,
            conversion: rate(v.conversion.as_ref()),
            revenue: dollars(v.revenue_cents),
            per_fan: v
                .revenue_per_fan
                .map(|i| {
                    format!(
                        "{} [{}–{}]",
                        dollars(i.estimate.round() as i64),
                        dollars(i.low.round() as i64),
                        dollars(i.high.round() as i64)
                    )
                })
                .unwrap_or_else(|| "–".into()),
            cost: micro_dollars(v.cost_micros),
            few_fans: v.few_fans,
        }
    }
}

/// The page's charts as SVG text (labels escaped by [`charts`]).
#[derive(Serialize)]
struct Charts {
    replies_per_hour: String,
    tokens_per_hour: String,
    reply_time: String,
    revenue_per_creator: String,
    revenue_per_item: String,
    conversion_per_item: String,
    escalations: String,
}

impl Charts {
    fn of(r: &MoneyReport, a: &Activity) -> Charts {
        let hour = |ms: i64| crate::domain::time::rfc3339_ms(ms)[5..13].replace('T', " ") + "h";
        let per_hour = |pick: fn(&(i64, i64, i64)) -> i64| {
            a.hours
                .iter()
                .map(|h| (hour(h.0), pick(h) as f64))
                .collect::<Vec<_>>()
        };
        let money = |label: String, cents: i64| (label, cents as f64, dollars(cents));
        let times: Vec<(String, f64, String)> = [("p50", a.reply_p50_ms), ("p90", a.reply_p90_ms)]
            .into_iter()
            .filter_map(|(k, v)| v.map(|ms| (k.to_string(), ms as f64, seconds(ms))))
            .collect();
        Charts {
            replies_per_hour: charts::columns("replies per hour", &per_hour(|h| h.1)),
            tokens_per_hour: charts::columns("LLM tokens per hour", &per_hour(|h| h.2)),
            reply_time: charts::bars("time to reply", &times),
            revenue_per_creator: charts::bars(
                "attributed revenue per creator",
                &r.creators
                    .iter()
                    .map(|c| money(c.creator.clone(), c.attributed_cents()))
                    .collect::<Vec<_>>(),
            ),
            revenue_per_item: charts::bars(
                "PPV revenue per item",
                &r.items
                    .iter()
                    .take(15)
                    .map(|i| money(format!("{} · {}", i.creator, i.key), i.revenue_cents))
                    .collect::<Vec<_>>(),
            ),
            conversion_per_item: charts::bars(
                "conversion per item",
                &r.items
                    .iter()
                    .take(15)
                    .map(|i| {
                        let p = i.rate.map(|r| r.estimate).unwrap_or(0.0);
                        (
                            format!("{} · {}", i.creator, i.key),
                            p,
                            format!("{:.0}% of {}", p * 100.0, i.offers),
                        )
                    })
                    .collect::<Vec<_>>(),
            ),
            escalations: charts::bars(
                "escalations by rule",
                &a.escalations
                    .iter()
                    .map(|(why, n)| (why.clone(), *n as f64, n.to_string()))
                    .collect::<Vec<_>>(),
            ),
        }
    }
}
