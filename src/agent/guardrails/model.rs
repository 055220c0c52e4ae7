//! The statistical layer of the guardrails: a linear model (one-vs-rest logistic regression over
//! hashed word, word-pair, character n-gram and number-class features of the normalised text)
//! that catches unsafe wording the rule table has no phrase for. It is pure and deterministic: the
//! weights are embedded (`model.bin`), trained offline by
//! `cargo run --example guardrail_model -- --write` from the tuning sets with a fixed seed, and
//! its threshold was chosen by leave-one-set-out cross-validation to keep near-miss stops low.
//! Policy: a category stops the text when its rule fires OR the model's probability for it reaches
//! the threshold; a model finding names the category's rule and the words that weighed most.

use super::text::{sentences, Text};
use std::sync::LazyLock;

/// Size of the hashed feature space.
pub const BUCKETS: u32 = 1 << 18;

/// What a model reads: the fan's message or our draft.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    Input,
    Draft,
}

/// Corpus category and the rule a model finding is filed under, per kind (order = weight columns).
pub const INPUT_CATEGORIES: [(&str, &str); 6] = [
    ("minor", "underage"),
    ("crisis", "crisis"),
    ("threat", "threat"),
    ("meeting", "meeting_request"),
    ("dispute", "payment_dispute"),
    ("ai_question", "ai_question"),
];
pub const DRAFT_CATEGORIES: [(&str, &str); 10] = [
    ("off_platform", "off_platform"),
    ("payment", "off_platform_payment"),
    ("email", "email"),
    ("phone", "phone_number"),
    ("link", "link"),
    ("meeting", "meeting"),
    ("minor", "minor"),
    ("human_claim", "claims_human"),
    ("meta_leak", "instruction_leak"),
    ("price", "price_talk"),
];

/// The categories of one kind.
pub fn categories(kind: Kind) -> &'static [(&'static str, &'static str)] {
    match kind {
        Kind::Input => &INPUT_CATEGORIES,
        Kind::Draft => &DRAFT_CATEGORIES,
    }
}

/// One feature: its bucket and a readable name (for the decision log).
#[derive(Clone, Debug)]
pub struct Feature {
    pub bucket: u32,
    pub name: String,
}

/// Where featurisation writes: each feature arrives as the pieces of its name, so the hot path
/// can hash them without building the name.
trait Sink {
    fn feature(&mut self, parts: &[&str]);
}

/// Keeps readable names (the decision log's explanation and the trainer).
struct Named(Vec<String>);

impl Sink for Named {
    fn feature(&mut self, parts: &[&str]) {
        self.0.push(parts.concat());
    }
}

/// Keeps only buckets: what scoring needs, with no allocation per feature.
struct Hashed(Vec<u32>);

impl Sink for Hashed {
    fn feature(&mut self, parts: &[&str]) {
        self.0.push(hash_parts(parts));
    }
}

/// The distinct features of a text (each counted once), in first-seen order.
pub fn features(t: &Text) -> Vec<Feature> {
    let mut names = Named(Vec::with_capacity(256));
    featurise(t, &mut names);
    let mut seen = std::collections::HashSet::with_capacity(names.0.len());
    names
        .0
        .into_iter()
        .filter_map(|name| {
            let bucket = hash(&name);
            seen.insert(bucket).then_some(Feature { bucket, name })
        })
        .collect()
}

/// The distinct buckets of a text's features, sorted: the same set `features` names.
pub fn buckets(t: &Text) -> Vec<u32> {
    let mut out = Hashed(Vec::with_capacity(512));
    featurise(t, &mut out);
    out.0.sort_unstable();
    out.0.dedup();
    out.0
}

fn featurise(t: &Text, out: &mut impl Sink) {
    let words = t.words.first().map(String::as_str).unwrap_or_default();
    let mut bounds = Vec::with_capacity(32);
    for s in sentences(words) {
        word_features(s, &mut bounds, out);
    }
    let nums = t.nums.first().map(String::as_str).unwrap_or_default();
    for s in sentences(nums) {
        number_features(s, out);
    }
    symbol_features(&t.raw, out);
    // The rules' concept groups (crisis, threat, a child's life) in any of the six languages.
    for g in super::cues::concept_groups(t) {
        out.feature(&["g:", &g]);
    }
}

/// Words, pairs of neighbouring words and the 4- and 5-letter pieces of each word (which carry
/// inflections and spellings across the six languages).
fn word_features(sentence: &str, bounds: &mut Vec<usize>, out: &mut impl Sink) {
    let mut toks = sentence.split(' ').filter(|w| !w.is_empty()).peekable();
    let mut padded = String::with_capacity(32);
    while let Some(w) = toks.next() {
        out.feature(&["w:", w]);
        if let Some(next) = toks.peek() {
            out.feature(&["b:", w, " ", next]);
        }
        padded.clear();
        padded.push('<');
        padded.push_str(w);
        padded.push('>');
        bounds.clear();
        bounds.extend(padded.char_indices().map(|(i, _)| i));
        bounds.push(padded.len());
        for n in 4..=5 {
            for i in 0..bounds.len().saturating_sub(n) {
                out.feature(&["c:", &padded[bounds[i]..bounds[i + n]]]);
            }
        }
    }
}

/// Numbers as classes (a teenage number, an adult one, a birth year, a time…) with the words
/// beside them, so "15" after "turned" weighs like "16" after "turned".
fn number_features(sentence: &str, out: &mut impl Sink) {
    let toks: Vec<&str> = sentence.split(' ').filter(|w| !w.is_empty()).collect();
    for (i, w) in toks.iter().enumerate() {
        let Some(class) = number_class(w) else {
            continue;
        };
        out.feature(&["n:", class]);
        if let Some(prev) = i.checked_sub(1).and_then(|j| toks.get(j)) {
            out.feature(&["n:", prev, " ", class]);
        }
        if let Some(next) = toks.get(i + 1) {
            out.feature(&["n:", class, " ", next]);
        }
    }
}

fn number_class(tok: &str) -> Option<&'static str> {
    if tok.chars().any(|c| !c.is_ascii_digit()) {
        return (tok.chars().next()?.is_ascii_digit()).then_some("#mixed");
    }
    let v: u64 = tok.parse().ok()?;
    Some(match (tok.len(), v) {
        (_, 0..=9) => "#small",
        (_, 10..=17) => "#teen",
        (_, 18..=19) => "#eighteen",
        (_, 20..=99) => "#adult",
        (4, 1990..=2004) => "#adultyear",
        (4, 2005..=2025) => "#minoryear",
        (l, _) if l >= 7 => "#long",
        _ => "#number",
    })
}

/// Three-character pieces of the folded text that hold a symbol: `@`, `[.]`, `(at)`, `<think`,
/// `**`, a header's colon, a currency sign.
fn symbol_features(raw: &str, out: &mut impl Sink) {
    let chars: Vec<char> = raw.chars().collect();
    let mut buf = [0u8; 12];
    for g in chars.windows(3) {
        let symbol = g
            .iter()
            .any(|c| !c.is_alphanumeric() && !c.is_whitespace() && *c != '\'');
        if symbol {
            let mut len = 0;
            for c in g {
                let c = if c.is_ascii_digit() { '0' } else { *c };
                len += c.encode_utf8(&mut buf[len..]).len();
            }
            let piece = std::str::from_utf8(&buf[..len]).unwrap_or_default();
            out.feature(&["s:", piece]);
        }
    }
}

/// FNV-1a, folded to the bucket space: stable across builds and platforms.
fn hash(name: &str) -> u32 {
    hash_parts(&[name])
}

/// `hash` of the pieces joined, without joining them.
fn hash_parts(parts: &[&str]) -> u32 {
    let mut h: u32 = 0x811c_9dc5;
    for b in parts.iter().flat_map(|p| p.bytes()) {
        h ^= u32::from(b);
        h = h.wrapping_mul(0x0100_0193);
    }
    h % BUCKETS
}

/// The weights of one kind: per category a bias and a threshold, and the sparse rows.
#[derive(Clone, Debug, Default)]
pub struct Weights {
    pub bias: Vec<f32>,
    pub threshold: Vec<f32>,
    /// Sorted buckets, and for each `bias.len()` quantised weights (times `scale`).
    pub buckets: Vec<u32>,
    pub rows: Vec<i16>,
    pub scale: f32,
}

/// Probability per category of one text, and for each the features that weighed most.
#[derive(Clone, Debug)]
pub struct Scores {
    pub p: Vec<f32>,
    pub top: Vec<Vec<String>>,
}

impl Weights {
    fn row(&self, bucket: u32) -> Option<&[i16]> {
        let k = self.bias.len();
        let i = self.buckets.binary_search(&bucket).ok()?;
        Some(&self.rows[i * k..(i + 1) * k])
    }

    /// The probability per category of a text's distinct buckets (the hot path: no names).
    pub fn probabilities(&self, buckets: &[u32]) -> Vec<f32> {
        let x = feature_value(buckets.len());
        let mut z = self.bias.clone();
        for row in buckets.iter().filter_map(|b| self.row(*b)) {
            for (zc, w) in z.iter_mut().zip(row) {
                *zc += f32::from(*w) * self.scale * x;
            }
        }
        z.into_iter().map(sigmoid).collect()
    }

    /// Scores a featurised text, with the features that weighed most (for the explanation). The
    /// probabilities are summed in bucket order, as `probabilities` sums them, so both paths
    /// agree to the bit.
    pub fn score(&self, feats: &[Feature]) -> Scores {
        let mut sorted: Vec<u32> = feats.iter().map(|f| f.bucket).collect();
        sorted.sort_unstable();
        let x = feature_value(feats.len());
        let mut contrib: Vec<Vec<(f32, &str)>> = vec![Vec::new(); self.bias.len()];
        for f in feats {
            let Some(row) = self.row(f.bucket) else {
                continue;
            };
            for (c, w) in row.iter().enumerate() {
                let v = f32::from(*w) * self.scale * x;
                if v > 0.0 {
                    contrib[c].push((v, &f.name));
                }
            }
        }
        Scores {
            p: self.probabilities(&sorted),
            top: contrib.into_iter().map(top_names).collect(),
        }
    }

    /// Serialises as little-endian: categories, threshold, scale, biases, rows.
    pub fn to_bytes(&self, out: &mut Vec<u8>) {
        let k = self.bias.len();
        out.extend((k as u32).to_le_bytes());
        out.extend((self.buckets.len() as u32).to_le_bytes());
        out.extend(self.scale.to_le_bytes());
        self.bias.iter().for_each(|b| out.extend(b.to_le_bytes()));
        self.threshold
            .iter()
            .for_each(|b| out.extend(b.to_le_bytes()));
        self.buckets
            .iter()
            .for_each(|b| out.extend(b.to_le_bytes()));
        self.rows.iter().for_each(|w| out.extend(w.to_le_bytes()));
    }

    /// Reads what `to_bytes` wrote; `None` on a short or malformed file.
    pub fn from_bytes(bytes: &mut &[u8]) -> Option<Weights> {
        let k = read_u32(bytes)? as usize;
        let n = read_u32(bytes)? as usize;
        let scale = f32::from_bits(read_u32(bytes)?);
        let floats = |bytes: &mut &[u8]| {
            (0..k)
                .map(|_| read_u32(bytes).map(f32::from_bits))
                .collect::<Option<Vec<_>>>()
        };
        let bias = floats(bytes)?;
        let threshold = floats(bytes)?;
        let buckets = (0..n)
            .map(|_| read_u32(bytes))
            .collect::<Option<Vec<_>>>()?;
        let rows = (0..n * k)
            .map(|_| {
                let (h, rest) = bytes.split_first_chunk::<2>()?;
                *bytes = rest;
                Some(i16::from_le_bytes(*h))
            })
            .collect::<Option<Vec<_>>>()?;
        Some(Weights {
            bias,
            threshold,
            buckets,
            rows,
            scale,
        })
    }
}

/// The value of each feature of a text with `n` features: 1/√n, so long texts are not louder,
/// but never more than for `SHORT` features, so a two-word message cannot ride on one piece.
pub fn feature_value(n: usize) -> f32 {
    const SHORT: usize = 120;
    1.0 / (n.max(SHORT) as f32).sqrt()
}

fn read_u32(bytes: &mut &[u8]) -> Option<u32> {
    let (h, rest) = bytes.split_first_chunk::<4>()?;
    *bytes = rest;
    Some(u32::from_le_bytes(*h))
}

fn sigmoid(z: f32) -> f32 {
    1.0 / (1.0 + (-z).exp())
}

/// The three features that pushed a category up most, readable ("w:pills" → "pills"): words,
/// word pairs and numbers first, as a reader of the decision log understands them best.
fn top_names(mut c: Vec<(f32, &str)>) -> Vec<String> {
    let piece = |n: &str| n.starts_with("c:") || n.starts_with("s:") || n.starts_with("g:");
    c.sort_by(|a, b| piece(a.1).cmp(&piece(b.1)).then(b.0.total_cmp(&a.0)));
    c.into_iter()
        .take(3)
        .map(|(_, n)| n.split_once(':').map_or(n, |(_, v)| v).to_string())
        .collect()
}

/// The embedded model: input weights then draft weights. An empty or malformed file is no model
/// (the rules alone decide), which the trainer's first run relies on.
static EMBEDDED: LazyLock<Option<(Weights, Weights)>> = LazyLock::new(|| {
    let mut bytes: &[u8] = include_bytes!("model.bin");
    let input = Weights::from_bytes(&mut bytes)?;
    let draft = Weights::from_bytes(&mut bytes)?;
    Some((input, draft))
});

/// The embedded weights of one kind, if a model is embedded.
pub fn embedded(kind: Kind) -> Option<&'static Weights> {
    let (input, draft) = EMBEDDED.as_ref()?;
    Some(match kind {
        Kind::Input => input,
        Kind::Draft => draft,
    })
}

/// The model's findings for a text: each category at or above the threshold, as (rule, detail).
pub fn judge(kind: Kind, t: &Text) -> Vec<(&'static str, String)> {
    let Some(w) = embedded(kind) else {
        return Vec::new();
    };
    let p = w.probabilities(&buckets(t));
    if !p.iter().zip(&w.threshold).any(|(p, t)| p >= t) {
        return Vec::new();
    }
    // Only a finding needs the names of the features that made it.
    let s = w.score(&features(t));
    categories(kind)
        .iter()
        .zip(p.iter().zip(&s.top))
        .zip(&w.threshold)
        .filter(|((_, (p, _)), t)| *p >= *t)
        .map(|(((_, rule), (p, top)), _)| {
            let words = top.join("\", \"");
            (*rule, format!("statistical layer {p:.2}: \"{words}\""))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn weights_survive_a_round_trip_through_bytes() {
        let w = Weights {
            bias: vec![-1.0, 0.5],
            threshold: vec![0.8, 0.9],
            buckets: vec![3, 9],
            rows: vec![1, -2, 3, -4],
            scale: 0.01,
        };
        let mut bytes = Vec::new();
        w.to_bytes(&mut bytes);
        let back = Weights::from_bytes(&mut bytes.as_slice()).unwrap();
        assert_eq!((back.rows, back.buckets), (w.rows, w.buckets));
        assert_eq!((back.threshold, back.scale), (w.threshold, w.scale));
    }

    #[test]
    fn numbers_become_classes_with_their_neighbours() {
        let names: Vec<String> = features(&Text::new("just turned fifteen"))
            .into_iter()
            .map(|f| f.name)
            .collect();
        assert!(names.contains(&"n:turned #teen".to_string()), "{names:?}");
        assert!(names.contains(&"b:just turned".to_string()));
    }

    #[test]
    fn symbols_are_read_where_letters_would_lose_them() {
        let names: Vec<String> = features(&Text::new("ana[.]net"))
            .into_iter()
            .map(|f| f.name)
            .collect();
        assert!(names.contains(&"s:[.]".to_string()), "{names:?}");
    }

    #[test]
    fn the_same_text_always_gets_the_same_features() {
        let a: Vec<u32> = features(&Text::new("can we meet irl?"))
            .iter()
            .map(|f| f.bucket)
            .collect();
        let b: Vec<u32> = features(&Text::new("can we meet irl?"))
            .iter()
            .map(|f| f.bucket)
            .collect();
        assert_eq!(a, b);
    }

    #[test]
    fn the_hot_path_scores_the_same_features_as_the_named_path() {
        let texts = [
            "can we meet irl? i'm 16 btw 🙂",
            "<think>be flirty</think> téléphone: 06 12 34 56 78, ça coûte 12,99 €",
            "ich will nicht mehr aufwachen… für immer",
            "",
        ];
        let w = embedded(Kind::Input).expect("the model is embedded");
        for text in texts {
            let t = Text::new(text);
            let named = features(&t);
            let mut from_names: Vec<u32> = named.iter().map(|f| f.bucket).collect();
            from_names.sort_unstable();
            assert_eq!(buckets(&t), from_names, "{text}");
            assert_eq!(w.probabilities(&buckets(&t)), w.score(&named).p, "{text}");
        }
    }
}
