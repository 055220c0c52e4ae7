//! Safety escalations that stick, against the sandbox: a fan who says they are a minor is never
//! answered, offered or thanked by the AI again until a human clears the mark (the sandbox's
//! ledger proves nothing reached them); a crisis pauses the chat's AI the same way.

mod common;

use common::*;
use fanvue_agent::config::Config;
use serde_json::json;
use std::{sync::Arc, time::Duration};

fn quick(c: &mut Config) {
    c.agent.debounce_ms = 100;
    c.agent.debounce_cap_ms = 300;
}

/// A quick daemon on `llm`, every creator connected.
async fn serving(
    args: SandboxArgs,
    llm: Arc<dyn fanvue_agent::agent::llm::Llm>,
    tweak: impl FnOnce(&mut Config),
) -> TestApp {
    spawn_serving(args, llm, |c| {
        quick(c);
        tweak(c)
    })
    .await
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_fan_who_says_they_are_a_minor_is_never_answered_offered_or_thanked_until_cleared() {
    let app = serving(args(1, 1), canned(), |c| {
        c.offers.min_fan_messages = 0;
        c.offers.cooldown_secs = 0;
    })
    .await;
    let fan = app.fan_of("creator1").await;
    app.fan_says(&fan, "hey, I am 16 lol").await;
    let d = app.decision(&fan, 1).await;
    assert_eq!(d.outcome, "escalated", "{}", d.reason);
    // Later messages, a content request and a tip: none gets anything back.
    app.fan_says(&fan, "anyway what's new? show me your new pics, how much?")
        .await;
    let d = app.decision(&fan, 2).await;
    assert_eq!(d.outcome, "escalated", "{}", d.reason);
    assert!(d.reason.contains("still marked minor"), "{}", d.reason);
    app.fan_event(&fan, json!({"kind": "tip", "price": 500}))
        .await;
    app.wait_for_count(
        "the tip decided",
        "SELECT count(*) FROM decisions WHERE reason LIKE 'tip%'",
        |n| n > 0,
    )
    .await;
    app.settle().await;
    assert!(
        app.sent_to(&fan).await.is_empty(),
        "nothing reached the fan"
    );
    assert_eq!(app.stats().await["ppv_offers"], 0);
    let (_, chats) = app.cli(&["chats", "creator1"]);
    assert!(chats.contains("MARKED minor"), "{chats}");
    let (_, marks) = app.cli(&["marks"]);
    assert!(
        marks.contains("[minor]") && marks.contains("until a human"),
        "{marks}"
    );
    let metrics = reqwest::get(format!("{}/metrics", app.url))
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(
        metrics.contains("fanvue_agent_safety_marks{creator=\"creator1\",state=\"minor\"} 1"),
        "{metrics}"
    );

    // A human checked (say, an adult's ID) and clears the mark: the agent answers again.
    let (code, out) = app.cli(&[
        "clear",
        "creator1",
        &fan,
        "--reason",
        "checked: a typo, fan is 61",
    ]);
    assert_eq!(code, Some(0), "{out}");
    app.fan_says(&fan, "hello again!").await;
    let d = app.decision(&fan, 3).await;
    assert_eq!(d.outcome, "replied", "{}", d.reason);
    app.settle().await;
    assert_eq!(app.sent_to(&fan).await.len(), 1);
    let (_, marks) = app.cli(&["marks", "--all"]);
    assert!(
        marks.contains("cleared") && marks.contains("a typo"),
        "{marks}"
    );
    app.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_crisis_pauses_the_chats_ai_and_jokes_do_not() {
    let app = serving(args(1, 2), canned(), |_| {}).await;
    let fans = app.fans_of("creator1").await;
    let (sad, joker) = (&fans[0], &fans[1]);
    app.fan_says(joker, "lol you're killing me with these pics 😂")
        .await;
    app.fan_says(sad, "i just want to end it all tonight").await;
    assert_eq!(app.decision(joker, 1).await.outcome, "replied");
    assert_eq!(app.decision(sad, 1).await.outcome, "escalated");
    app.fan_says(sad, "sorry. how was your day?").await;
    let d = app.decision(sad, 2).await;
    assert_eq!(d.outcome, "escalated", "{}", d.reason);
    assert!(d.reason.contains("still marked crisis"), "{}", d.reason);
    app.settle().await;
    assert_eq!(
        app.sent_to(sad).await.len(),
        1,
        "only the holding reply, once"
    );
    app.stop().await;
}

/// Simulated fans who talk on their own, fast, writing in six languages in turn (fan i writes
/// languages[i % 6]).
fn six_languages(fans: usize, seed: u64, start_window_secs: f64) -> SandboxArgs {
    let mut a = talking_fans(1, fans, seed);
    a.start_window_secs = start_window_secs;
    a.languages = ["en", "es", "pt", "fr", "de", "it"]
        .map(String::from)
        .to_vec();
    a
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_fan_in_crisis_gets_one_holding_reply_with_the_helpline_in_their_language_and_a_minor_nothing(
) {
    use fanvue_agent::domain::HoldingCategory;
    let mut a = six_languages(8, 21, 2.0);
    // The six fans in crisis come first, one per language.
    a.crisis_fans = 6;
    a.minors = 0;
    let app = spawn_app(a, scripted_config).await;
    app.serve(app.parts.llm());
    app.settle_all(Duration::from_secs(120)).await;
    app.stop().await;
    let st = app.stats().await;
    assert_eq!(st["messages_to_fans_in_crisis"], 6, "one each: {st}");
    assert_eq!(st["duplicate_replies"], 0, "{st}");
    let defaults = Config::default().creator_holding("creator1");
    let world = app.world().await;
    let in_crisis: Vec<&serde_json::Value> = world["fans"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["kind"] == "crisis")
        .collect();
    assert_eq!(in_crisis.len(), 6);
    for f in in_crisis {
        let lang = f["language"].as_str().unwrap();
        let sent = app.sent_to(f["uuid"].as_str().unwrap()).await;
        let want = defaults.text(HoldingCategory::Crisis, Some(lang));
        assert_eq!(sent, [want], "the {lang} fan in crisis");
    }
    let helplines = app
        .count(
            "SELECT count(DISTINCT outbox_id) FROM decisions
             WHERE reason LIKE '%holding reply (crisis, %) queued%'",
        )
        .await;
    assert_eq!(helplines, 6, "each decision says which reply went out");

    // A minor: nothing at all, even when a crisis text is configured for minors' neighbours.
    let app = serving(args(1, 1), canned(), |c| {
        c.guardrails.holding_replies.meeting =
            fanvue_agent::config::HoldingText::All("I only chat here 😊".into());
    })
    .await;
    let fan = app.fan_of("creator1").await;
    app.fan_says(&fan, "im 15 and i dont want to live anymore")
        .await;
    let d = app.decision(&fan, 1).await;
    assert_eq!(d.outcome, "escalated", "{}", d.reason);
    assert!(
        d.reason
            .contains("no holding reply: nothing is ever sent to a fan who said they are under 18"),
        "{}",
        d.reason
    );
    app.fan_says(&fan, "can we meet up this weekend?").await;
    app.decision(&fan, 2).await;
    app.settle().await;
    assert!(
        app.sent_to(&fan).await.is_empty(),
        "nothing reached the minor"
    );
    assert_eq!(app.count("SELECT count(*) FROM outbox").await, 0);
    app.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn in_six_languages_minors_and_fans_in_crisis_get_nothing_from_the_ai_and_jokers_get_answers()
{
    let mut a = six_languages(18, 15, 3.0);
    a.minors = 6;
    a.crisis_fans = 3;
    a.jokers = 3;
    a.faults.drop_webhooks = 0.1;
    let app = spawn_app(a, |c| {
        scripted_config(c);
        c.offers.min_fan_messages = 0;
        c.offers.cooldown_secs = 0;
    })
    .await;
    app.serve(app.parts.llm());
    app.settle_all(Duration::from_secs(120)).await;
    app.stop().await;
    let st = app.stats().await;
    assert_eq!(st["messages_to_minors"], 0, "{st}");
    assert_eq!(st["offers_to_minors"], 0, "{st}");
    assert_eq!(
        st["messages_to_fans_in_crisis"], 3,
        "the holding reply with the helpline, once each: {st}"
    );
    assert!(st["turns_needing_a_human"].as_u64().unwrap() >= 9, "{st}");
    assert_eq!(
        st["unanswered_turns"], 0,
        "every other fan, jokers included: {st}"
    );
    assert_eq!(st["duplicate_replies"], 0, "{st}");
    assert_eq!(st["fan_messages_never_seen_by_the_agent"], 0, "{st}");
    assert_eq!(st["rate_limited"], 0, "{st}");
    let marked = app
        .count("SELECT count(DISTINCT fan_uuid) FROM safety_marks WHERE category = 'minor'")
        .await;
    assert_eq!(marked, 6, "each minor is marked");
}

/// Keeps every system prompt it is given; answers like [`Canned`].
#[derive(Default)]
struct Recorder {
    systems: std::sync::Mutex<Vec<String>>,
    canned: Canned,
}

impl fanvue_agent::agent::llm::Llm for Recorder {
    fn complete<'a>(
        &'a self,
        req: &'a fanvue_agent::agent::llm::LlmRequest,
    ) -> fanvue_agent::agent::llm::LlmFuture<'a> {
        if let Some(t) = req.messages.first() {
            self.systems.lock().unwrap().push(t.content.clone());
        }
        self.canned.complete(req)
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_fans_language_is_recorded_and_the_prompt_asks_for_answers_in_it() {
    let rec = Arc::new(Recorder::default());
    let app = serving(args(1, 2), rec.clone(), |_| {}).await;
    let fans = app.fans_of("creator1").await;
    app.fan_says(
        &fans[0],
        "hola guapa! que tal tu dia? yo acabo de salir del trabajo",
    )
    .await;
    app.fan_says(
        &fans[1],
        "coucou ! ta journée s'est bien passée ? moi je rentre du boulot",
    )
    .await;
    assert_eq!(app.decision(&fans[0], 1).await.outcome, "replied");
    assert_eq!(app.decision(&fans[1], 1).await.outcome, "replied");
    app.stop().await;
    let lang = |fan: &str| {
        let fan = fan.to_string();
        let app = &app;
        async move {
            sqlx::query_scalar::<_, Option<String>>(
                "SELECT language FROM fan_facts WHERE fan_uuid = ?",
            )
            .bind(fan)
            .fetch_one(app.parts.store.reader())
            .await
            .unwrap()
        }
    };
    assert_eq!(lang(&fans[0]).await.as_deref(), Some("es"));
    assert_eq!(lang(&fans[1]).await.as_deref(), Some("fr"));
    let systems = rec.systems.lock().unwrap().clone();
    assert!(
        systems
            .iter()
            .any(|s| s.contains("always answer in Spanish")),
        "{systems:?}"
    );
    assert!(
        systems
            .iter()
            .any(|s| s.contains("always answer in French")),
        "{systems:?}"
    );
}
