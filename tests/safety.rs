//! Safety escalations that stick, against the sandbox: a fan who says they are a minor is never
//! answered, offered or thanked by the AI again until a human clears the mark (the sandbox's
//! ledger proves nothing reached them); a crisis pauses the chat's AI the same way.

mod common;

use common::*;
use serde_json::json;
use std::{
    sync::Arc,
    time::{Duration, Instant},
};

/// Waits until the fan's `n`-th message has a decision; returns the newest decision's
/// (outcome, reason).
async fn decided(env: &Env, fan: &str, n: i64) -> (String, String) {
    let start = Instant::now();
    loop {
        let rows: Vec<(String, String)> = sqlx::query_as(
            "SELECT d.outcome, d.reason FROM decisions d JOIN inbox i ON i.id = d.inbox_id
             WHERE d.fan_uuid = ? AND i.kind = 'message_received' ORDER BY d.id",
        )
        .bind(fan)
        .fetch_all(env.parts.store.reader())
        .await
        .unwrap();
        if rows.len() as i64 >= n {
            return rows.last().unwrap().clone();
        }
        assert!(
            start.elapsed() < Duration::from_secs(60),
            "no decision {n}: {rows:?}"
        );
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}

/// Messages the sandbox's chat with `fan` holds from the creator's side (what reached the fan).
async fn creator_messages_to(env: &Env, fan: &str) -> usize {
    let chat: serde_json::Value =
        reqwest::get(format!("{}/_sandbox/chats/{fan}", env.sandbox.url()))
            .await
            .unwrap()
            .json()
            .await
            .unwrap();
    chat["messages"]
        .as_array()
        .map(|m| m.iter().filter(|m| m["from_creator"] == true).count())
        .unwrap_or_else(|| panic!("no chat for {fan}: {chat}"))
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_fan_who_says_they_are_a_minor_is_never_answered_offered_or_thanked_until_cleared() {
    let mut d = daemon_env(args(1, 1), |c| {
        c.agent.debounce_ms = 100;
        c.agent.debounce_cap_ms = 300;
        c.offers.min_fan_messages = 0;
        c.offers.cooldown_secs = 0;
    })
    .await;
    connect(&d.env, "creator1").await;
    let run = serve(
        &d.env,
        d.listener.take().unwrap(),
        Arc::new(Canned::default()),
    );
    let fan = fans_of(&d.env, "creator1").await[0].clone();
    fan_says(&d.env, &fan, "hey, I am 16 lol").await;
    let (outcome, reason) = decided(&d.env, &fan, 1).await;
    assert_eq!(outcome, "escalated", "{reason}");
    // Later messages, a content request and a tip: none gets anything back.
    fan_says(
        &d.env,
        &fan,
        "anyway what's new? show me your new pics, how much?",
    )
    .await;
    let (outcome, reason) = decided(&d.env, &fan, 2).await;
    assert_eq!(outcome, "escalated", "{reason}");
    assert!(reason.contains("still marked minor"), "{reason}");
    post(
        &d.env,
        &format!("/_sandbox/fans/{fan}/events"),
        json!({"kind": "tip", "price": 500}),
    )
    .await;
    let start = Instant::now();
    while count(
        &d.env,
        "SELECT count(*) FROM decisions WHERE reason LIKE 'tip%'",
    )
    .await
        == 0
    {
        assert!(start.elapsed() < Duration::from_secs(30), "tip undecided");
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    settle(&d.env).await;
    assert_eq!(
        creator_messages_to(&d.env, &fan).await,
        0,
        "nothing reached the fan"
    );
    assert_eq!(stats(&d.env).await["ppv_offers"], 0);
    let (_, chats) = cli(&d.env, &["chats", "creator1"]);
    assert!(chats.contains("MARKED minor"), "{chats}");
    let (_, marks) = cli(&d.env, &["marks"]);
    assert!(
        marks.contains("[minor]") && marks.contains("until a human"),
        "{marks}"
    );
    let metrics = reqwest::get(format!("{}/metrics", d.url))
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
    let (code, out) = cli(
        &d.env,
        &[
            "clear",
            "creator1",
            &fan,
            "--reason",
            "checked: a typo, fan is 61",
        ],
    );
    assert_eq!(code, Some(0), "{out}");
    fan_says(&d.env, &fan, "hello again!").await;
    let (outcome, reason) = decided(&d.env, &fan, 3).await;
    assert_eq!(outcome, "replied", "{reason}");
    settle(&d.env).await;
    assert_eq!(creator_messages_to(&d.env, &fan).await, 1);
    let (_, marks) = cli(&d.env, &["marks", "--all"]);
    assert!(
        marks.contains("cleared") && marks.contains("a typo"),
        "{marks}"
    );
    stop(run).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_crisis_pauses_the_chats_ai_and_jokes_do_not() {
    let mut d = daemon_env(args(1, 2), |c| {
        c.agent.debounce_ms = 100;
        c.agent.debounce_cap_ms = 300;
    })
    .await;
    connect(&d.env, "creator1").await;
    let run = serve(
        &d.env,
        d.listener.take().unwrap(),
        Arc::new(Canned::default()),
    );
    let fans = fans_of(&d.env, "creator1").await;
    let (sad, joker) = (&fans[0], &fans[1]);
    fan_says(&d.env, joker, "lol you're killing me with these pics 😂").await;
    fan_says(&d.env, sad, "i just want to end it all tonight").await;
    assert_eq!(decided(&d.env, joker, 1).await.0, "replied");
    assert_eq!(decided(&d.env, sad, 1).await.0, "escalated");
    fan_says(&d.env, sad, "sorry. how was your day?").await;
    let (outcome, reason) = decided(&d.env, sad, 2).await;
    assert_eq!(outcome, "escalated", "{reason}");
    assert!(reason.contains("still marked crisis"), "{reason}");
    settle(&d.env).await;
    assert_eq!(
        creator_messages_to(&d.env, sad).await,
        1,
        "only the holding reply, once"
    );
    stop(run).await;
}

/// What the creator's side of the sandbox chat with `fan` says (what reached the fan).
async fn creator_texts_to(env: &Env, fan: &str) -> Vec<String> {
    let chat: serde_json::Value =
        reqwest::get(format!("{}/_sandbox/chats/{fan}", env.sandbox.url()))
            .await
            .unwrap()
            .json()
            .await
            .unwrap();
    chat["messages"]
        .as_array()
        .unwrap_or_else(|| panic!("no chat for {fan}: {chat}"))
        .iter()
        .filter(|m| m["from_creator"] == true)
        .map(|m| m["text"].as_str().unwrap_or_default().to_string())
        .collect()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_fan_in_crisis_gets_one_holding_reply_with_the_helpline_in_their_language_and_a_minor_nothing(
) {
    use fanvue_agent::{config::Config, domain::HoldingCategory};
    let mut a = args(1, 8);
    a.quiet_fans = false;
    a.seed = 21;
    a.max_turns = 3;
    a.start_window_secs = 2.0;
    a.fan_pace = 0.15;
    // Fan i writes languages[i % 6]: the six fans in crisis come first, one per language.
    a.languages = ["en", "es", "pt", "fr", "de", "it"]
        .map(String::from)
        .to_vec();
    a.crisis_fans = 6;
    a.minors = 0;
    let mut d = daemon_env(a, scripted_config).await;
    connect(&d.env, "creator1").await;
    let llm = d.env.parts.llm();
    let run = serve(&d.env, d.listener.take().unwrap(), llm);
    settle_within(&d.env, Duration::from_secs(120))
        .await
        .unwrap_or_else(|e| panic!("{e}"));
    stop(run).await;
    let st = stats(&d.env).await;
    assert_eq!(st["messages_to_fans_in_crisis"], 6, "one each: {st}");
    assert_eq!(st["duplicate_replies"], 0, "{st}");
    let defaults = Config::default().creator_holding("creator1");
    let world = world(&d.env).await;
    let in_crisis: Vec<&serde_json::Value> = world["fans"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["kind"] == "crisis")
        .collect();
    assert_eq!(in_crisis.len(), 6);
    for f in in_crisis {
        let lang = f["language"].as_str().unwrap();
        let sent = creator_texts_to(&d.env, f["uuid"].as_str().unwrap()).await;
        let want = defaults.text(HoldingCategory::Crisis, Some(lang));
        assert_eq!(sent, [want], "the {lang} fan in crisis");
    }
    let helplines = count(
        &d.env,
        "SELECT count(DISTINCT outbox_id) FROM decisions
         WHERE reason LIKE '%holding reply (crisis, %) queued%'",
    )
    .await;
    assert_eq!(helplines, 6, "each decision says which reply went out");

    // A minor: nothing at all, even when a crisis text is configured for minors' neighbours.
    let mut d = daemon_env(args(1, 1), |c| {
        c.agent.debounce_ms = 100;
        c.agent.debounce_cap_ms = 300;
        c.guardrails.holding_replies.meeting =
            fanvue_agent::config::HoldingText::All("I only chat here 😊".into());
    })
    .await;
    connect(&d.env, "creator1").await;
    let run = serve(
        &d.env,
        d.listener.take().unwrap(),
        Arc::new(Canned::default()),
    );
    let fan = fans_of(&d.env, "creator1").await[0].clone();
    fan_says(&d.env, &fan, "im 15 and i dont want to live anymore").await;
    let (outcome, reason) = decided(&d.env, &fan, 1).await;
    assert_eq!(outcome, "escalated", "{reason}");
    assert!(
        reason
            .contains("no holding reply: nothing is ever sent to a fan who said they are under 18"),
        "{reason}"
    );
    fan_says(&d.env, &fan, "can we meet up this weekend?").await;
    decided(&d.env, &fan, 2).await;
    settle(&d.env).await;
    assert_eq!(
        creator_messages_to(&d.env, &fan).await,
        0,
        "nothing reached the minor"
    );
    assert_eq!(count(&d.env, "SELECT count(*) FROM outbox").await, 0);
    stop(run).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn in_six_languages_minors_and_fans_in_crisis_get_nothing_from_the_ai_and_jokers_get_answers()
{
    let mut a = args(1, 18);
    a.quiet_fans = false;
    a.seed = 15;
    a.max_turns = 3;
    a.start_window_secs = 3.0;
    a.fan_pace = 0.15;
    a.languages = ["en", "es", "pt", "fr", "de", "it"]
        .map(String::from)
        .to_vec();
    a.minors = 6;
    a.crisis_fans = 3;
    a.jokers = 3;
    a.faults.drop_webhooks = 0.1;
    let mut d = daemon_env(a, |c| {
        scripted_config(c);
        c.offers.min_fan_messages = 0;
        c.offers.cooldown_secs = 0;
    })
    .await;
    connect(&d.env, "creator1").await;
    let llm = d.env.parts.llm();
    let run = serve(&d.env, d.listener.take().unwrap(), llm);
    settle_within(&d.env, Duration::from_secs(120))
        .await
        .unwrap_or_else(|e| panic!("{e}"));
    stop(run).await;
    let st = stats(&d.env).await;
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
    let marked = count(
        &d.env,
        "SELECT count(DISTINCT fan_uuid) FROM safety_marks WHERE category = 'minor'",
    )
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
    let mut d = daemon_env(args(1, 2), |c| {
        c.agent.debounce_ms = 100;
        c.agent.debounce_cap_ms = 300;
    })
    .await;
    connect(&d.env, "creator1").await;
    let rec = Arc::new(Recorder::default());
    let run = serve(&d.env, d.listener.take().unwrap(), rec.clone());
    let fans = fans_of(&d.env, "creator1").await;
    fan_says(
        &d.env,
        &fans[0],
        "hola guapa! que tal tu dia? yo acabo de salir del trabajo",
    )
    .await;
    fan_says(
        &d.env,
        &fans[1],
        "coucou ! ta journée s'est bien passée ? moi je rentre du boulot",
    )
    .await;
    assert_eq!(decided(&d.env, &fans[0], 1).await.0, "replied");
    assert_eq!(decided(&d.env, &fans[1], 1).await.0, "replied");
    stop(run).await;
    let lang = |fan: &str| {
        let env = &d.env;
        let fan = fan.to_string();
        async move {
            sqlx::query_scalar::<_, Option<String>>(
                "SELECT language FROM fan_facts WHERE fan_uuid = ?",
            )
            .bind(fan)
            .fetch_one(env.parts.store.reader())
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
