//! Trains the guardrails' statistical layer (src/agent/guardrails/model.bin) from the tuning sets
//! and reports how it generalises: each tuning set is held out in turn (leave-one-set-out: every
//! set was written blind by different people, so a held-out set stands for unseen writers), the
//! model is trained on the others, and rules OR model is scored on it. The thresholds (one per
//! category) are lowered greedily while the model's own flags on held-out near-misses and ordinary
//! chat stay within the budget (`Params`); then the model is trained on every set and written.
//!
//!   cargo run --example guardrail_model            # cross-validated report only
//!   cargo run --example guardrail_model -- --write # …and regenerate model.bin
//!
//! Deterministic: fixed seed, fixed order, no threads; the same sets give the same bytes.

use fanvue_agent::agent::guardrails::model::{self, Kind, Weights, BUCKETS};
use fanvue_agent::agent::guardrails::{stopping, Action, Guardrails, Text};
use serde_json::Value;
use std::collections::{BTreeMap, HashMap};

const SETS: [&str; 39] = [
    "tuning", "tuning2", "tuning3", "tuning4", "tuning5", "tuning6", "tuning7", "tuning8",
    "tuning9", "tuning10", "tuning11", "tuning12", "tuning13", "tuning14", "tuning15", "tuning16",
    "tuning17", "tuning18", "tuning19", "tuning20", "tuning21", "tuning22", "tuning23", "tuning24",
    "tuning25", "tuning26", "tuning27", "tuning28", "tuning29", "tuning30", "tuning31", "tuning32",
    "tuning33", "tuning34", "tuning35", "tuning36", "tuning37", "everyday", "short",
];
const SEED: u64 = 15;

/// A feature must occur in this many training texts to get a weight.
const MIN_COUNT: u32 = 2;
const LANGS: [&str; 6] = ["en", "es", "pt", "fr", "de", "it"];

/// Training settings (defaults are the committed model's; `GM_*` variables override them for
/// experiments).
struct Params {
    epochs: usize,
    rate: f32,
    l2: f32,
    /// Weight of a positive example's loss (categories are rare against the rest).
    positive: f32,
    /// Share of held-out near-misses (and ordinary chat) the model may stop beyond the rules.
    budget: f64,
    /// No category stops a text on less than this probability: the corpus holds few short
    /// everyday messages, so a threshold tuned lower on it would stop "how much?" in real chat.
    lowest: f32,
}

fn params() -> Params {
    let get = |k: &str, d: f32| {
        std::env::var(k)
            .ok()
            .and_then(|v| v.parse().ok())
            .unwrap_or(d)
    };
    Params {
        epochs: get("GM_EPOCHS", 12.0) as usize,
        rate: get("GM_RATE", 0.5),
        l2: get("GM_L2", 1e-4),
        positive: get("GM_POSITIVE", 1.0),
        budget: f64::from(get("GM_BUDGET", 0.005)),
        lowest: get("GM_LOWEST", 0.6),
    }
}

/// One corpus case, featurised, with what the rules alone decide.
struct Case {
    kind: Kind,
    fold: usize,
    lang: String,
    /// The category column of an unsafe case; `None` for near-misses and ordinary chat.
    label: Option<usize>,
    near_miss: bool,
    buckets: Vec<u32>,
    /// Unsafe: the category's rule caught it. Otherwise: some rule stopped it.
    rules: bool,
}

fn main() {
    let write = std::env::args().any(|a| a == "--write");
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/guardrails");
    let cases = load(&root);
    eprintln!("{} cases from {}", cases.len(), SETS.join(", "));
    let mut out = Vec::new();
    for kind in [Kind::Input, Kind::Draft] {
        let mine: Vec<&Case> = cases.iter().filter(|c| c.kind == kind).collect();
        let oof = out_of_fold(&mine);
        let threshold = choose_thresholds(kind, &mine, &oof);
        report(kind, &mine, &oof, &threshold);
        let mut w = train(kind, &mine, usize::MAX);
        w.threshold = threshold;
        w.to_bytes(&mut out);
    }
    if write {
        let path = concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/src/agent/guardrails/model.bin"
        );
        std::fs::write(path, &out).expect("write model.bin");
        eprintln!("wrote {path} ({} bytes)", out.len());
    }
}

fn load(root: &std::path::Path) -> Vec<Case> {
    let rules_only = Guardrails {
        statistical: false,
        ..Default::default()
    };
    let mut cases = Vec::new();
    for (fold, set) in SETS.iter().enumerate() {
        for lang in LANGS {
            let path = root.join(set).join(format!("{lang}.json"));
            let Ok(text) = std::fs::read_to_string(&path) else {
                continue;
            };
            let rows: Vec<Value> = serde_json::from_str(&text).expect("corpus json");
            cases.extend(rows.iter().map(|r| case(&rules_only, fold, r)));
        }
    }
    cases
}

fn case(g: &Guardrails, fold: usize, r: &Value) -> Case {
    let s = |k: &str| r[k].as_str().unwrap_or_default().to_string();
    let (text, kind_name, expect, class) = (s("text"), s("kind"), s("expect"), s("class"));
    let kind = if kind_name == "input" {
        Kind::Input
    } else {
        Kind::Draft
    };
    let findings = match kind {
        Kind::Input => g.check_input(&text),
        Kind::Draft => g.check_draft(&text, &[], "You are Ana, a creator on Fanvue."),
    };
    let cats = model::categories(kind);
    let label = (class == "unsafe")
        .then(|| cats.iter().position(|(c, _)| *c == expect))
        .flatten();
    let rules = match label {
        Some(i) => findings
            .iter()
            .any(|f| f.rule == cats[i].1 && (f.action != Action::Flag || f.rule == "ai_question")),
        None => !stopping(&findings).is_empty(),
    };
    Case {
        kind,
        fold,
        lang: s("lang"),
        label,
        near_miss: class != "unsafe",
        buckets: model::features(&Text::new(&text))
            .iter()
            .map(|f| f.bucket)
            .collect(),
        rules,
    }
}

/// xorshift64*: a tiny fixed generator so the shuffle (and so the weights) never change.
struct Rng(u64);
impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }
}

/// One-vs-rest logistic regression by AdaGrad over every case not in `held_out`.
fn train(kind: Kind, cases: &[&Case], held_out: usize) -> Weights {
    let k = model::categories(kind).len();
    let train: Vec<&Case> = cases
        .iter()
        .copied()
        .filter(|c| c.fold != held_out)
        .collect();
    let mut count: HashMap<u32, u32> = HashMap::new();
    for c in &train {
        for b in &c.buckets {
            *count.entry(*b).or_default() += 1;
        }
    }
    let mut w = vec![0f32; BUCKETS as usize * k];
    let mut g2 = vec![1e-8f32; BUCKETS as usize * k];
    let (mut bias, mut bias_g2) = (vec![0f32; k], vec![1e-8f32; k]);
    let mut order: Vec<usize> = (0..train.len()).collect();
    let mut rng = Rng(SEED);
    let Params {
        epochs,
        rate,
        l2,
        positive,
        ..
    } = params();
    for _ in 0..epochs {
        for i in (1..order.len()).rev() {
            order.swap(i, (rng.next() % (i as u64 + 1)) as usize);
        }
        for &i in &order {
            let c = train[i];
            let feats: Vec<usize> = c
                .buckets
                .iter()
                .filter(|b| count[b] >= MIN_COUNT)
                .map(|b| *b as usize)
                .collect();
            let x = model::feature_value(c.buckets.len());
            for col in 0..k {
                let z = bias[col] + feats.iter().map(|f| w[f * k + col]).sum::<f32>() * x;
                let (y, weight) = if c.label == Some(col) {
                    (1.0, positive)
                } else {
                    (0.0, 1.0)
                };
                let grad = weight * (1.0 / (1.0 + (-z).exp()) - y);
                bias_g2[col] += grad * grad;
                bias[col] -= rate * grad / bias_g2[col].sqrt();
                for f in &feats {
                    let j = f * k + col;
                    let g = grad * x + l2 * w[j];
                    g2[j] += g * g;
                    w[j] -= rate * g / g2[j].sqrt();
                }
            }
        }
    }
    quantise(&w, bias, k)
}

/// Keeps the buckets with any weight, as 16-bit integers on one scale.
fn quantise(w: &[f32], bias: Vec<f32>, k: usize) -> Weights {
    let max = w.iter().fold(0f32, |m, v| m.max(v.abs())).max(1e-6);
    let scale = max / f32::from(i16::MAX);
    let (mut buckets, mut rows) = (Vec::new(), Vec::new());
    for b in 0..BUCKETS as usize {
        let row: Vec<i16> = w[b * k..(b + 1) * k]
            .iter()
            .map(|v| (v / scale).round() as i16)
            .collect();
        if row.iter().any(|q| *q != 0) {
            buckets.push(b as u32);
            rows.extend(row);
        }
    }
    Weights {
        bias,
        threshold: vec![1.0; k],
        buckets,
        rows,
        scale,
    }
}

/// Each case's probabilities from the model trained without its set.
fn out_of_fold(cases: &[&Case]) -> Vec<Vec<f32>> {
    let kind = cases[0].kind;
    let mut scores = vec![Vec::new(); cases.len()];
    for fold in 0..SETS.len() {
        let w = train(kind, cases, fold);
        for (i, c) in cases.iter().enumerate().filter(|(_, c)| c.fold == fold) {
            scores[i] = w.score(&feats(c)).p;
        }
    }
    scores
}

fn feats(c: &Case) -> Vec<model::Feature> {
    c.buckets
        .iter()
        .map(|b| model::Feature {
            bucket: *b,
            name: String::new(),
        })
        .collect()
}

/// Whether rules OR model stop/catch a case at thresholds `t` (an AI question only flags, so it
/// never stops a near-miss).
fn decided(kind: Kind, c: &Case, p: &[f32], t: &[f32]) -> bool {
    let cats = model::categories(kind);
    match c.label {
        Some(i) => c.rules || p[i] >= t[i],
        None => c.rules || (0..cats.len()).any(|j| p[j] >= t[j] && cats[j].1 != "ai_question"),
    }
}

/// Per-category thresholds, greedily: start every category at 0.99 and keep lowering the one
/// whose next step catches the most unsafe cases the rules missed per benign case it flags
/// (any flag counts, even an AI question's), while all the flags stay within the budget.
fn choose_thresholds(kind: Kind, cases: &[&Case], oof: &[Vec<f32>]) -> Vec<f32> {
    let k = model::categories(kind).len();
    let n = cases.iter().filter(|c| c.near_miss).count() as f64;
    let allowed = (params().budget * n).floor() as usize;
    let benign_flags = |t: &[f32]| {
        cases
            .iter()
            .zip(oof)
            .filter(|(c, p)| c.near_miss && !c.rules && (0..k).any(|j| p[j] >= t[j]))
            .count()
    };
    let caught = |t: &[f32], col: usize| {
        cases
            .iter()
            .zip(oof)
            .filter(|(c, p)| c.label == Some(col) && !c.rules && p[col] >= t[col])
            .count()
    };
    let mut t = vec![0.99f32; k];
    loop {
        let (flags, mut best) = (benign_flags(&t), None::<(f64, usize, f32)>);
        for col in 0..k {
            let now = caught(&t, col);
            for step in 1..=((t[col] - params().lowest) / 0.01).round() as usize {
                let mut trial = t.clone();
                trial[col] = t[col] - step as f32 * 0.01;
                let (gain, cost) = (caught(&trial, col) - now, benign_flags(&trial) - flags);
                if gain == 0 || flags + cost > allowed {
                    continue;
                }
                let ratio = gain as f64 / (cost as f64 + 0.5);
                if best.is_none_or(|(r, _, _)| ratio > r) {
                    best = Some((ratio, col, trial[col]));
                }
            }
        }
        let Some((_, col, v)) = best else {
            return t;
        };
        t[col] = v;
    }
}

/// Cross-validated figures: per category and language, rules alone and rules OR model.
fn report(kind: Kind, cases: &[&Case], oof: &[Vec<f32>], t: &[f32]) {
    let cats = model::categories(kind);
    let mut cells: BTreeMap<(String, String), [usize; 3]> = BTreeMap::new();
    for (c, p) in cases.iter().zip(oof) {
        let row = match c.label {
            Some(i) => cats[i].0.to_string(),
            None => "~near-miss/ordinary stopped".to_string(),
        };
        for lang in [c.lang.as_str(), "all"] {
            let cell = cells.entry((row.clone(), lang.to_string())).or_default();
            cell[0] += usize::from(c.rules);
            cell[1] += usize::from(decided(kind, c, p, t));
            cell[2] += 1;
        }
    }
    let shown: Vec<String> = cats
        .iter()
        .zip(t)
        .map(|((c, _), t)| format!("{c} {t:.2}"))
        .collect();
    eprintln!(
        "\n{kind:?}: thresholds {}; leave-one-set-out, % rules alone → rules OR model",
        shown.join(", ")
    );
    let rows: std::collections::BTreeSet<&String> = cells.keys().map(|(r, _)| r).collect();
    for row in rows {
        let line: Vec<String> = LANGS
            .iter()
            .chain(&["all"])
            .map(|l| match cells.get(&(row.clone(), l.to_string())) {
                Some([r, m, n]) => format!(
                    "{l} {:.0}→{:.0}",
                    100.0 * *r as f64 / *n as f64,
                    100.0 * *m as f64 / *n as f64
                ),
                None => format!("{l} -"),
            })
            .collect();
        eprintln!("  {row:<28}{}", line.join("  "));
    }
    let pooled = |f: fn(&[usize; 3]) -> usize| {
        let (h, n) = cells
            .iter()
            .filter(|((r, l), _)| l == "all" && !r.starts_with('~'))
            .fold((0, 0), |(h, n), (_, v)| (h + f(v), n + v[2]));
        100.0 * h as f64 / n.max(1) as f64
    };
    eprintln!(
        "  pooled unsafe caught: rules {:.1} % → rules OR model {:.1} %",
        pooled(|v| v[0]),
        pooled(|v| v[1])
    );
    per_set(kind, cases, oof, t);
}

/// Each held-out set on its own: caught (rules → rules OR model) and benign stopped.
fn per_set(kind: Kind, cases: &[&Case], oof: &[Vec<f32>], t: &[f32]) {
    for (fold, set) in SETS.iter().enumerate() {
        let mut n = [0usize; 6];
        for (c, p) in cases.iter().zip(oof).filter(|(c, _)| c.fold == fold) {
            let base = if c.near_miss { 3 } else { 0 };
            n[base] += usize::from(c.rules);
            n[base + 1] += usize::from(decided(kind, c, p, t));
            n[base + 2] += 1;
        }
        let pc = |a: usize, b: usize| 100.0 * a as f64 / b.max(1) as f64;
        eprintln!(
            "  held out {set:<8} caught {:.1} → {:.1} %   benign stopped {:.1} → {:.1} %",
            pc(n[0], n[2]),
            pc(n[1], n[2]),
            pc(n[3], n[5]),
            pc(n[4], n[5])
        );
    }
}
