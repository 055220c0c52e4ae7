//! Steering one fan from the command line, against the sandbox: a fan whose AI replies are
//! switched off is skipped with that reason (and `decisions` shows it), notes for humans never
//! reach the model while instructions do, facts are edited and forgotten, the model-written
//! summary is refreshed in the background every N fan messages (the sandbox's scripted LLM, and
//! once the real local LLM), and the prompt version a decision used can be printed by its hash.

mod common;

use common::*;
use fanvue_agent::config::Config;
use std::time::Duration;

fn quick(c: &mut Config) {
    scripted_config(c);
    c.agent.reply_delay_min_ms = 0;
    c.agent.reply_delay_max_ms = 0;
    c.agent.reply_delay_per_char_ms = 0;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_fan_whose_ai_is_switched_off_is_skipped_with_that_reason_until_switched_on() {
    let app = spawn_app(args(1, 1), quick).await;
    app.serve(app.parts.llm());
    let fan = app.fan_of("creator1").await;
    app.fan_says(&fan, "hey there, first time here").await;
    assert_eq!(app.decision(&fan, 1).await.outcome, "replied");

    let (code, out) = app.cli(&["fan", "set", "creator1", &fan, "--ai", "off"]);
    assert_eq!(code, Some(0), "{out}");
    assert!(
        out.contains("AI replies off · offers on · follow-ups on"),
        "{out}"
    );
    app.fan_says(&fan, "are you still there?").await;
    let second = app.decision(&fan, 2).await;
    assert_eq!(second.outcome, "skipped");
    assert!(
        second
            .reason
            .starts_with("AI replies are switched off for this fan (by cli:"),
        "{}",
        second.reason
    );
    let (_, log) = app.cli(&["decisions", "--creator", "creator1"]);
    assert!(
        log.contains("skipped: AI replies are switched off"),
        "{log}"
    );
    app.settle().await;
    assert_eq!(
        app.sent_to(&fan).await.len(),
        1,
        "only the first message was answered"
    );

    app.cli(&["fan", "set", "creator1", &fan, "--ai", "on"]);
    app.fan_says(&fan, "hello again").await;
    assert_eq!(app.decision(&fan, 3).await.outcome, "replied");
    app.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_fan_command_refuses_unknown_fans_and_bad_input_and_edits_what_is_remembered() {
    let app = spawn_app(args(1, 1), quick).await;
    app.serve(app.parts.llm());
    let fan = app.fan_of("creator1").await;
    app.fan_says(&fan, "hi! I'm from Denver and I love hiking")
        .await;
    app.decision(&fan, 1).await;

    let nobody = "00000000-0000-4000-8000-000000000000";
    let (code, out) = app.cli(&["fan", "show", "creator1", nobody]);
    assert_eq!(code, Some(2), "{out}");
    assert!(out.contains("has no fan"), "{out}");
    let (code, out) = app.cli(&["fan", "set", "creator1", &fan, "--ai", "maybe"]);
    assert_eq!(code, Some(2), "{out}");
    let (code, out) = app.cli(&["fan", "fact", "creator1", &fan, "shoe", "42"]);
    assert_eq!(code, Some(2), "{out}");

    let (code, out) = app.cli(&["fan", "show", "creator1", &fan]);
    assert_eq!(code, Some(0), "{out}");
    assert!(out.contains("remembers from: denver"), "{out}");
    let fixed = [
        "fan", "fact", "creator1", &fan, "from", "boulder", "--was", "denver",
    ];
    assert_eq!(app.cli(&fixed).0, Some(0));
    let forget = ["fan", "forget", "creator1", &fan, "likes", "hiking"];
    assert_eq!(app.cli(&forget).0, Some(0));
    assert_eq!(app.cli(&forget).0, Some(1), "nothing left to forget");
    let memory = app.parts.store.memory("creator1", &fan).await.unwrap();
    assert_eq!(memory, [("from".to_string(), "boulder".to_string())]);

    let (code, out) = app.cli(&["fan", "summary", "creator1", &fan, "--set", "A hiker."]);
    assert_eq!(code, Some(0), "{out}");
    assert!(out.contains("A hiker. (by cli:"), "{out}");
    assert_eq!(
        app.cli(&["fan", "summary", "creator1", &fan, "--erase"]).0,
        Some(0)
    );
    let (_, out) = app.cli(&["fan", "summary", "creator1", &fan]);
    assert!(out.contains("no summary yet"), "{out}");
    app.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_prompt_version_a_decision_used_is_printed_by_its_hash() {
    let app = spawn_app(args(1, 1), quick).await;
    app.serve(app.parts.llm());
    let fan = app.fan_of("creator1").await;
    app.fan_says(&fan, "hey you").await;
    app.decision(&fan, 1).await;
    let version: String = sqlx::query_scalar(
        "SELECT prompt_version FROM decisions WHERE prompt_version IS NOT NULL LIMIT 1",
    )
    .fetch_one(app.parts.store.reader())
    .await
    .unwrap();
    let (code, out) = app.cli(&["prompts", "version", &version]);
    assert_eq!(code, Some(0), "{out}");
    assert!(out.contains("--- default/persona.md"), "{out}");
    assert!(out.contains("{{ creator.display_name }}"), "{out}");
    let (code, _) = app.cli(&["prompts", "version", "000000000000"]);
    assert_eq!(code, Some(1));
    app.stop().await;
}

/// The summary the model wrote for `fan`, once there is one (waiting up to `limit`).
async fn model_summary(app: &TestApp, fan: &str, limit: Duration) -> String {
    let store = app.parts.store.clone();
    eventually_within("a model-written summary", limit, || {
        let store = store.clone();
        async move {
            match store.fan_summary("creator1", fan).await.unwrap() {
                Some(s) if s.by_model() => Ok(s.summary),
                other => Err(format!("{other:?}")),
            }
        }
    })
    .await
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_bounded_summary_is_written_in_the_background_once_the_fan_wrote_n_messages() {
    let app = spawn_app(args(1, 1), |c| {
        quick(c);
        c.memory.summary_every = 2;
        c.memory.summary_max_chars = 120;
        c.memory.check_every_secs = 1;
    })
    .await;
    app.serve(app.parts.llm());
    let fan = app.fan_of("creator1").await;
    app.fan_says(&fan, "hi, I'm a nurse from Ohio").await;
    app.decision(&fan, 1).await;
    app.fan_says(&fan, "I love jazz, do you?").await;
    app.decision(&fan, 2).await;
    let summary = model_summary(&app, &fan, Duration::from_secs(30)).await;
    assert!(
        !summary.is_empty() && summary.chars().count() <= 120,
        "{summary}"
    );
    let replied =
        app.count("SELECT count(*) FROM decisions WHERE outcome IN ('replied', 'offered')");
    assert_eq!(
        replied.await,
        2,
        "both messages answered as usual: {:?}",
        app.decision_summary().await
    );
    app.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_real_local_llm_writes_a_bounded_summary_of_a_fan() {
    let Some(llm) = local_llm() else { return };
    let app = spawn_app(args(1, 1), |c| {
        quick(c);
        llm.configure(c);
        c.llm.max_tokens = 40;
        c.llm.timeout_secs = 120;
        c.memory.summary_every = 2;
        c.memory.summary_max_chars = 200;
        c.memory.check_every_secs = 1;
    })
    .await;
    app.serve(app.parts.llm());
    let fan = app.fan_of("creator1").await;
    // Due once both messages are stored, whether or not the (slow) replies are out yet.
    app.fan_says(&fan, "hi, my name is Jake and I work as a nurse in Ohio")
        .await;
    app.fan_says(&fan, "I love jazz and hiking on weekends")
        .await;
    let summary = model_summary(&app, &fan, Duration::from_secs(420)).await;
    eprintln!("local LLM summary: {summary}");
    assert!(summary.chars().count() <= 200, "{summary}");
    app.stop().await;
}
