//! Money settings: what each model's tokens cost (`[money.prices]`), how long after an agent
//! message a tip counts as the agent's (`money.tip_window_secs`), and a creator's persona A/B test
//! (`[creators.<h>.experiment]`). Resolved per creator into [`MoneySettings`] with the rest of a
//! job's settings.

use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// `[money]`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct MoneyConfig {
    /// Dollars per million tokens, by model name as configured (`llm.model` or a creator's
    /// `model`). A model without a price has no cost recorded (stats say which).
    pub prices: BTreeMap<String, ModelPrice>,
    /// A tip within this many seconds after an agent message to that fan counts as revenue the
    /// agent brought (0: tips are never attributed).
    pub tip_window_secs: u64,
}

impl Default for MoneyConfig {
    fn default() -> Self {
        MoneyConfig {
            prices: BTreeMap::new(),
            tip_window_secs: 3600,
        }
    }
}

/// One model's price in dollars per million tokens.
#[derive(Clone, Copy, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct ModelPrice {
    pub prompt_per_million: f64,
    pub completion_per_million: f64,
}

impl ModelPrice {
    /// The cost of one call in micro-dollars (millionths of a dollar): dollars per million
    /// tokens are micro-dollars per token.
    pub fn cost_micros(&self, prompt_tokens: i64, completion_tokens: i64) -> i64 {
        let micros = prompt_tokens.max(0) as f64 * self.prompt_per_million
            + completion_tokens.max(0) as f64 * self.completion_per_million;
        micros.round() as i64
    }
}

/// A creator's persona A/B test (`[creators.<h>.experiment]`).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct ExperimentConfig {
    /// Names the experiment in the decision log and the stats; a new name is a new split.
    pub name: String,
    /// The variants; the first is the control (what every fan gets once the test is stopped).
    pub variants: Vec<VariantConfig>,
}

/// One arm of an experiment: a persona folder and its share of fans.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct VariantConfig {
    pub name: String,
    /// Persona folder under `daemon.prompts_dir`.
    pub persona: String,
    /// Relative share of new fans (default 1).
    #[serde(default = "one")]
    pub weight: u32,
}

fn one() -> u32 {
    1
}

impl ExperimentConfig {
    /// The variant named `name`.
    pub fn variant(&self, name: &str) -> Option<&VariantConfig> {
        self.variants.iter().find(|v| v.name == name)
    }

    /// Problems with this experiment, as `(key under the experiment, message)`.
    pub fn problems(&self) -> Vec<(String, String)> {
        let mut found = vec![];
        if self.name.trim().is_empty() {
            found.push(("name".into(), "an experiment needs a name".into()));
        }
        if self.variants.len() < 2 {
            found.push((
                "variants".into(),
                "an experiment needs two variants or more".into(),
            ));
        }
        for (i, v) in self.variants.iter().enumerate() {
            let key = |k: &str| format!("variants[{i}].{k}");
            if v.name.trim().is_empty() {
                found.push((key("name"), "a variant needs a name".into()));
            } else if self.variants[..i].iter().any(|o| o.name == v.name) {
                found.push((key("name"), format!("variant {:?} is named twice", v.name)));
            }
            if v.persona.trim().is_empty() || v.persona.contains(['/', '\\']) || v.persona == ".." {
                found.push((
                    key("persona"),
                    "a persona folder name under daemon.prompts_dir".into(),
                ));
            }
            if v.weight == 0 || v.weight > 1000 {
                found.push((key("weight"), "must be 1 to 1000".into()));
            }
        }
        found
    }
}

/// One creator's money settings, resolved per job.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct MoneySettings {
    pub prices: BTreeMap<String, ModelPrice>,
    pub tip_window_secs: u64,
    pub experiment: Option<ExperimentConfig>,
    /// The fan's arm of the experiment, set by the agent when the job's fan is in one (the
    /// persona of the job's settings is then the variant's).
    pub arm: Option<Arm>,
}

/// Which experiment and variant a job's persona came from (recorded with its decisions).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Arm {
    pub experiment: String,
    pub variant: String,
}

impl MoneySettings {
    /// The cost of a call to `model` in micro-dollars; `None` when the model has no price or the
    /// call reported no tokens.
    pub fn cost_micros(
        &self,
        model: &str,
        prompt_tokens: Option<i64>,
        completion_tokens: Option<i64>,
    ) -> Option<i64> {
        if prompt_tokens.is_none() && completion_tokens.is_none() {
            return None;
        }
        let price = self.prices.get(model)?;
        Some(price.cost_micros(prompt_tokens.unwrap_or(0), completion_tokens.unwrap_or(0)))
    }
}

impl super::Config {
    /// `handle`'s money settings: its own tip window and prices over `[money]`, its experiment.
    pub fn creator_money(&self, handle: &str) -> MoneySettings {
        let c = self.creators.get(handle);
        let mut prices = self.money.prices.clone();
        if let Some(own) = c.map(|c| &c.prices) {
            prices.extend(own.iter().map(|(k, v)| (k.clone(), *v)));
        }
        MoneySettings {
            prices,
            tip_window_secs: c
                .and_then(|c| c.tip_window_secs)
                .unwrap_or(self.money.tip_window_secs),
            experiment: c.and_then(|c| c.experiment.clone()),
            arm: None,
        }
    }

    /// Every invalid money key, as `(key, message)`.
    pub(super) fn money_problems(&self) -> Vec<(String, String)> {
        let mut found = vec![];
        let price_problems = |prefix: &str, prices: &BTreeMap<String, ModelPrice>| {
            prices
                .iter()
                .filter(|(_, p)| {
                    !(p.prompt_per_million.is_finite()
                        && p.completion_per_million.is_finite()
                        && p.prompt_per_million >= 0.0
                        && p.completion_per_million >= 0.0)
                })
                .map(|(m, _)| {
                    (
                        format!("{prefix}.prices.{m}"),
                        "prices are dollars per million tokens, 0 or more".to_string(),
                    )
                })
                .collect::<Vec<_>>()
        };
        found.extend(price_problems("money", &self.money.prices));
        for (h, c) in &self.creators {
            found.extend(price_problems(&format!("creators.{h}"), &c.prices));
            if let Some(e) = &c.experiment {
                found.extend(
                    e.problems()
                        .into_iter()
                        .map(|(k, m)| (format!("creators.{h}.experiment.{k}"), m)),
                );
            }
        }
        found
    }
}

#[cfg(test)]
#[allow(clippy::result_large_err)] // figment::Jail's closures return figment::Error
mod tests {
    use super::*;
    use crate::config::{testing::load_error, testing::load_file, Config};

    #[test]
    fn a_calls_cost_is_its_tokens_times_the_models_price_per_million() {
        let p = ModelPrice {
            prompt_per_million: 0.15,
            completion_per_million: 0.6,
        };
        // 1,000 prompt tokens at $0.15/M = 150 µ$; 200 completion tokens at $0.60/M = 120 µ$.
        assert_eq!(p.cost_micros(1000, 200), 270);
        let s = MoneySettings {
            prices: [("gpt".to_string(), p)].into(),
            ..Default::default()
        };
        assert_eq!(s.cost_micros("gpt", Some(1000), None), Some(150));
        assert_eq!(
            s.cost_micros("other", Some(1000), Some(1)),
            None,
            "no price"
        );
        assert_eq!(s.cost_micros("gpt", None, None), None, "no tokens reported");
    }

    #[test]
    fn a_creators_prices_and_tip_window_override_the_money_section() {
        figment::Jail::expect_with(|jail| {
            let c = load_file(
                jail,
                "c.toml",
                "[money]\ntip_window_secs = 600\n[money.prices.small]\nprompt_per_million = 1.0\n\
                 [money.prices.big]\nprompt_per_million = 5.0\ncompletion_per_million = 15.0\n\
                 [creators.ana]\ntip_window_secs = 60\n[creators.ana.prices.big]\nprompt_per_million = 4.0\n\
                 [creators.ana.experiment]\nname = \"warm\"\n\
                 variants = [{ name = \"control\", persona = \"ana\" }, { name = \"warm\", persona = \"ana-warm\", weight = 3 }]\n\
                 [creators.bob]\n",
            )?;
            let ana = c.creator_money("ana");
            assert_eq!(ana.tip_window_secs, 60);
            assert_eq!(ana.prices["big"].prompt_per_million, 4.0);
            assert_eq!(ana.prices["small"].prompt_per_million, 1.0);
            let e = ana.experiment.unwrap();
            assert_eq!((e.variants[0].weight, e.variants[1].weight), (1, 3));
            let bob = c.creator_money("bob");
            assert_eq!(bob.tip_window_secs, 600);
            assert!(bob.experiment.is_none());
            Ok(())
        });
    }

    #[test]
    fn a_broken_experiment_or_price_is_refused_naming_its_key() {
        figment::Jail::expect_with(|jail| {
            let err = load_error(
                jail,
                "c.toml",
                "[money.prices.m]\nprompt_per_million = -1.0\n[creators.ana]\n[creators.ana.experiment]\n\
                 name = \"x\"\nvariants = [{ name = \"a\", persona = \"ana\" }, { name = \"a\", persona = \"../etc\", weight = 0 }]\n",
            )?;
            for key in [
                "money.prices.m",
                "creators.ana.experiment.variants[1].name",
                "creators.ana.experiment.variants[1].persona",
                "creators.ana.experiment.variants[1].weight",
            ] {
                assert!(err.contains(key), "{key} missing from: {err}");
            }
            let one = Config::default();
            assert!(one.money_problems().is_empty());
            Ok(())
        });
    }
}
