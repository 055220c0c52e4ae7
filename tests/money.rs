//! Money against the sandbox and its scripted LLM: every reply's decision carries its cost, its
//! persona and the fan's A/B variant (one per fan, kept across a restart); `fanvue-agent stats`
//! counts the PPV revenue the sandbox's ledger shows and `experiment promote` moves every fan.

mod common;

use common::*;
use fanvue_agent::config::{Config, ExperimentConfig, ModelPrice, VariantConfig};
use std::{collections::HashMap, time::Duration};

fn money_config(c: &mut Config) {
    scripted_config(c);
    c.offers.min_fan_messages = 1;
    c.offers.cooldown_secs = 2;
    c.offers.max_per_day = 10;
    c.money.prices.insert(
        "scripted".into(),
        ModelPrice {
            prompt_per_million: 1.0,
            completion_per_million: 2.0,
        },
    );
    let variant = |name: &str, persona: &str| VariantConfig {
        name: name.into(),
        persona: persona.into(),
        weight: 1,
    };
    c.creators.get_mut("creator1").unwrap().experiment = Some(ExperimentConfig {
        name: "warm".into(),
        variants: vec![variant("control", "default"), variant("b", "creator1")],
    });
}

/// `(fan, variant, persona, cost)` of every reply the model wrote (thanks and welcomes are
/// templates).
async fn replies(app: &TestApp) -> Vec<(String, Option<String>, Option<String>, Option<i64>)> {
    sqlx::query_as(
        "SELECT fan_uuid, variant, persona, cost_micros FROM decisions
         WHERE outcome IN ('replied', 'offered') AND model IS NOT NULL ORDER BY id",
    )
    .fetch_all(app.parts.store.reader())
    .await
    .unwrap()
}

/// The config `app.cli` runs with: the app's database and key, and creator1's experiment.
fn write_cli_config(app: &TestApp) {
    let text = format!(
        "[daemon]\ndatabase = {:?}\n[security]\ntoken_key = {:?}\n[money.prices.scripted]\n\
         prompt_per_million = 1.0\n[creators.creator1.experiment]\nname = \"warm\"\n\
         variants = [{{ name = \"control\", persona = \"default\" }}, {{ name = \"b\", persona = \"creator1\" }}]\n",
        app.parts.cfg.daemon.database.display().to_string(),
        app.parts.cfg.security.token_key.expose()
    );
    std::fs::write(app.dir.path().join("cli.toml"), text).unwrap();
}

/// PPV revenue in the sandbox's chats: the prices of the creator's messages fans bought.
async fn ledger_ppv_cents(app: &TestApp) -> i64 {
    let mut cents = 0;
    for fan in app.fans_of("creator1").await {
        for m in app.chat(&fan).await["messages"].as_array().unwrap() {
            if m["purchased"] == true {
                cents += m["price"].as_i64().unwrap_or(0);
            }
        }
    }
    cents
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn replies_carry_cost_persona_and_a_stable_variant_and_stats_match_the_ledger() {
    let mut a = talking_fans(1, 12, 23);
    a.max_turns = 5;
    a.fan_pace = 0.3;
    a.rate_limit = 1000;
    let app = spawn_app(a, |c| {
        money_config(c);
        c.fanvue.rate_limit_per_minute = 1000;
    })
    .await;
    app.serve(app.parts.llm());
    app.wait_until_idle(Duration::from_secs(180)).await;
    app.stop().await;

    let rows = replies(&app).await;
    assert!(rows.len() >= 12, "{rows:?}");
    let mut variant_of: HashMap<String, String> = HashMap::new();
    for (fan, variant, persona, cost) in &rows {
        let v = variant.clone().expect("every reply names its variant");
        let want = if v == "control" {
            "default"
        } else {
            "creator1"
        };
        assert_eq!(persona.as_deref(), Some(want), "{v}");
        assert!(
            cost.is_some_and(|c| c > 0),
            "a priced model costs: {cost:?}"
        );
        let kept = variant_of.entry(fan.clone()).or_insert(v.clone());
        assert_eq!(kept, &v, "fan {fan} changed variant");
    }
    let both = variant_of
        .values()
        .collect::<std::collections::HashSet<_>>();
    assert_eq!(
        both.len(),
        2,
        "12 fans split over both variants: {variant_of:?}"
    );

    // The CLI reads the same report: PPV revenue is what the sandbox's fans paid for our offers.
    write_cli_config(&app);
    let (code, out) = app.cli(&["stats", "--json", "--since", "1d"]);
    assert_eq!(code, Some(0), "{out}");
    let v: serde_json::Value = serde_json::from_str(out.trim()).unwrap();
    let c = &v["money"]["creators"][0];
    assert_eq!(
        c["ppv_cents"].as_i64().unwrap(),
        ledger_ppv_cents(&app).await,
        "{c}"
    );
    assert!(c["cost_micros"].as_i64().unwrap() > 0, "{c}");

    // A restart keeps every fan's variant; a promotion gives everyone the winner, unmeasured.
    app.serve(app.parts.llm());
    let fan = variant_of.keys().next().unwrap().clone();
    app.fan_says(&fan, "still here, how was your day?").await;
    app.settle().await;
    let after = replies(&app).await;
    assert_eq!(after.last().unwrap().1.as_ref(), variant_of.get(&fan));
    let (code, out) = app.cli(&["experiment", "promote", "creator1", "b"]);
    assert_eq!(code, Some(0), "{out}");
    let other = variant_of
        .iter()
        .find(|(_, v)| *v == "control")
        .map(|(f, _)| f.clone())
        .unwrap();
    app.fan_says(&other, "you there?").await;
    app.settle().await;
    let last = replies(&app).await.pop().unwrap();
    assert_eq!(
        (last.0.as_str(), last.2.as_deref()),
        (other.as_str(), Some("creator1"))
    );
    assert_eq!(last.1, None, "a promoted experiment is no longer measured");
    app.stop().await;
}

#[test]
fn stats_refuses_an_unknown_creator_and_a_bad_since() {
    let dir = tempfile::tempdir().unwrap();
    let cfg = dir.path().join("c.toml");
    std::fs::write(
        &cfg,
        format!(
            "[daemon]\ndatabase = {:?}\n[creators.ana]\n",
            dir.path().join("a.db").display().to_string()
        ),
    )
    .unwrap();
    let bin = env!("CARGO_BIN_EXE_fanvue-agent");
    let key = std::process::Command::new(bin)
        .arg("gen-key")
        .output()
        .unwrap();
    let key = String::from_utf8(key.stdout).unwrap();
    let run = |args: &[&str]| {
        std::process::Command::new(bin)
            .arg("--config")
            .arg(&cfg)
            .args(args)
            .env("FANVUE_AGENT_SECURITY__TOKEN_KEY", key.trim())
            .output()
            .unwrap()
    };
    assert_eq!(run(&["stats", "--creator", "bob"]).status.code(), Some(2));
    assert_eq!(
        run(&["stats", "--since", "yesterday"]).status.code(),
        Some(2)
    );
    assert_eq!(run(&["experiment", "stop", "ana"]).status.code(), Some(2));
    let ok = run(&["stats"]);
    let text = String::from_utf8_lossy(&ok.stdout);
    assert!(
        ok.status.success() && text.contains("ana: 0 replies"),
        "{text}"
    );
}
