//! Persona A/B tests: which variant of a creator's experiment a fan gets. The split is a stable
//! hash (SHA-256 of creator, experiment and fan) over the configured weights, so it is the same
//! on every machine, restart and Rust version; the first draw is stored, so a reload that changes
//! the weights moves nobody. A stopped experiment gives everyone the control (the first variant),
//! a promoted one the winner.

use super::{Agent, AgentError};
use crate::config::{Arm, CreatorSettings, ExperimentConfig};
use crate::store::experiments::Ended;
use sha2::{Digest, Sha256};

/// The variant a fan draws: a point in `0..total weight` from the hash, and the variant whose
/// share holds it.
pub fn draw<'a>(e: &'a ExperimentConfig, creator: &str, fan: &str) -> Option<&'a str> {
    let total: u64 = e.variants.iter().map(|v| u64::from(v.weight)).sum();
    if total == 0 {
        return None;
    }
    let mut point = bucket(creator, &e.name, fan) % total;
    for v in &e.variants {
        let w = u64::from(v.weight);
        if point < w {
            return Some(&v.name);
        }
        point -= w;
    }
    None
}

/// A uniform 64-bit number of (creator, experiment, fan). The parts are separated by a NUL
/// (which no handle, name or uuid holds) so ("ab", "c") and ("a", "bc") differ.
fn bucket(creator: &str, experiment: &str, fan: &str) -> u64 {
    let mut h = Sha256::new();
    for part in [creator, experiment, fan] {
        h.update(part.as_bytes());
        h.update([0]);
    }
    let d = h.finalize();
    u64::from_be_bytes(d[..8].try_into().unwrap_or([0; 8]))
}

impl Agent {
    /// `settings` with the persona of the fan's variant when the creator runs an experiment (and
    /// the arm noted for the decision log); unchanged otherwise.
    pub(super) async fn with_variant(
        &self,
        settings: &CreatorSettings,
        creator: &str,
        fan: &str,
    ) -> Result<Option<CreatorSettings>, AgentError> {
        let Some(e) = &settings.money.experiment else {
            return Ok(None);
        };
        // An ended experiment answers everyone alike and is no longer measured: no arm.
        let (variant, running) = match self.store.experiment_end(creator, &e.name).await? {
            Some(Ended::Stopped) => (e.variants.first().map(|v| v.name.clone()), false),
            Some(Ended::Promoted(v)) => (Some(v), false),
            None => (self.assigned(e, creator, fan).await?, true),
        };
        let Some(v) = variant.and_then(|name| e.variant(&name)) else {
            return Ok(None);
        };
        let mut s = settings.clone();
        s.persona = v.persona.clone();
        s.money.arm = running.then(|| Arm {
            experiment: e.name.clone(),
            variant: v.name.clone(),
        });
        Ok(Some(s))
    }

    /// The fan's stored variant, or a fresh draw stored now. A stored variant the config no
    /// longer has is drawn again among the configured ones.
    async fn assigned(
        &self,
        e: &ExperimentConfig,
        creator: &str,
        fan: &str,
    ) -> Result<Option<String>, AgentError> {
        let kept = self.store.experiment_variant(creator, &e.name, fan).await?;
        if let Some(v) = kept.filter(|v| e.variant(v).is_some()) {
            return Ok(Some(v));
        }
        let Some(v) = draw(e, creator, fan) else {
            return Ok(None);
        };
        Ok(Some(
            self.store.assign_variant(creator, &e.name, fan, v).await?,
        ))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::VariantConfig;

    fn experiment(weights: &[u32]) -> ExperimentConfig {
        ExperimentConfig {
            name: "warm".into(),
            variants: weights
                .iter()
                .enumerate()
                .map(|(i, w)| VariantConfig {
                    name: format!("v{i}"),
                    persona: format!("p{i}"),
                    weight: *w,
                })
                .collect(),
        }
    }

    #[test]
    fn the_same_fan_always_draws_the_same_variant() {
        let e = experiment(&[1, 1]);
        let first = draw(&e, "ana", "fan-1").unwrap().to_string();
        for _ in 0..100 {
            assert_eq!(draw(&e, "ana", "fan-1").unwrap(), first);
        }
        // Known value: the hash is SHA-256, the same on every machine and Rust version.
        assert_eq!(
            bucket("ana", "warm", "fan-1"),
            bucket("ana", "warm", "fan-1")
        );
        assert_ne!(bucket("ab", "c", "f"), bucket("a", "bc", "f"));
    }

    #[test]
    fn shares_follow_the_weights_within_a_percent_over_many_fans() {
        let e = experiment(&[1, 3]);
        let n = 40_000;
        let v1 = (0..n)
            .filter(|i| draw(&e, "ana", &format!("fan-{i}")) == Some("v1"))
            .count();
        let share = v1 as f64 / n as f64;
        assert!((share - 0.75).abs() < 0.01, "share of v1: {share}");
        let even = experiment(&[1, 1, 1]);
        for name in ["v0", "v1", "v2"] {
            let k = (0..30_000)
                .filter(|i| draw(&even, "bob", &format!("{i}")) == Some(name))
                .count();
            assert!((9_500..=10_500).contains(&k), "{name}: {k} of 30000");
        }
    }

    /// `cfg` with creator1 testing personas `p0`.. with `weights`.
    fn config(weights: &[u32]) -> crate::config::Config {
        let mut cfg = crate::config::Config::default();
        cfg.creators.insert(
            super::super::testing::CREATOR.into(),
            crate::config::CreatorConfig {
                experiment: Some(experiment(weights)),
                ..Default::default()
            },
        );
        cfg
    }

    async fn variant_of(agent: &Agent, cfg: &crate::config::Config, fan: &str) -> (String, bool) {
        let s = cfg.creator_settings(super::super::testing::CREATOR);
        let v = agent
            .with_variant(&s, super::super::testing::CREATOR, fan)
            .await
            .unwrap()
            .expect("an experiment runs");
        (v.persona, v.money.arm.is_some())
    }

    #[tokio::test]
    async fn a_fan_keeps_their_variant_across_restarts_and_a_reload_of_the_weights() {
        use super::super::testing::{agent, Scripted, CREATOR};
        let cfg = config(&[1, 1]);
        let (mut a, dir) = agent(cfg.clone(), Scripted::new(vec![])).await;
        let fans: Vec<String> = (0..200).map(|i| format!("fan-{i}")).collect();
        let mut before = vec![];
        for f in &fans {
            before.push(variant_of(&a, &cfg, f).await.0);
        }
        let p1 = before.iter().filter(|p| *p == "p1").count();
        assert!((70..=130).contains(&p1), "{p1} of 200 drew p1");
        // A restart: the same database file opened again; a reload: weights 1:9.
        a.store.close().await;
        a.store = crate::store::Store::open(&dir.path().join("t.db"))
            .await
            .unwrap();
        let reloaded = config(&[1, 9]);
        for (f, was) in fans.iter().zip(&before) {
            assert_eq!(&variant_of(&a, &reloaded, f).await.0, was, "{f} moved");
        }
        // New fans follow the new weights.
        let mut new_p1 = 0;
        for i in 0..200 {
            new_p1 += (variant_of(&a, &reloaded, &format!("new-{i}")).await.0 == "p1") as u32;
        }
        assert!(new_p1 > 150, "{new_p1} of 200 new fans drew p1 at 1:9");
        // Stopped: everyone gets the control, unmeasured; promoted: the winner; resumed: as before.
        let name = &reloaded.creators[CREATOR].experiment.as_ref().unwrap().name;
        a.store
            .end_experiment(CREATOR, name, None, "test")
            .await
            .unwrap();
        assert_eq!(
            variant_of(&a, &reloaded, "new-1").await,
            ("p0".into(), false)
        );
        a.store
            .end_experiment(CREATOR, name, Some("v1"), "test")
            .await
            .unwrap();
        assert_eq!(
            variant_of(&a, &reloaded, "fan-0").await,
            ("p1".into(), false)
        );
        a.store.resume_experiment(CREATOR, name).await.unwrap();
        assert_eq!(
            variant_of(&a, &reloaded, "fan-0").await,
            (before[0].clone(), true)
        );
    }

    #[test]
    fn another_experiment_name_splits_the_fans_anew() {
        let a = experiment(&[1, 1]);
        let mut b = a.clone();
        b.name = "playful".into();
        let moved = (0..2_000)
            .filter(|i| {
                let f = format!("fan-{i}");
                draw(&a, "ana", &f) != draw(&b, "ana", &f)
            })
            .count();
        assert!((800..=1_200).contains(&moved), "{moved} of 2000 moved");
    }
}
