//! The daemon's behaviour in specific situations, against the sandbox and the real local LLM:
//! bursts and tips, human takeover, the poller alone, and stopping mid-work.

mod common;

use common::*;
use fanvue_agent::{
    agent::llm::{Llm, LlmFuture, LlmRequest},
    config::{Config, Secret},
    fanvue::client::SendMessage,
};
use serde_json::json;
use std::{
    sync::Arc,
    time::{Duration, Instant},
};
use tokio::net::TcpListener;

fn tune(c: &mut Config) {
    let (url, key) = local_llm();
    c.llm.base_url = url;
    c.llm.api_key = Secret::new(key);
    c.llm.max_tokens = 32;
    c.llm.timeout_secs = 60;
    c.agent.debounce_ms = 1200;
    c.agent.debounce_cap_ms = 3000;
    c.agent.mark_read_after_reply = false;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_burst_gets_one_reply_and_a_tip_one_thank_you() {
    let mut d = daemon_env(args(1, 2), tune).await;
    connect(&d.env, "creator1").await;
    let run = serve(&d.env, d.listener.take().unwrap(), d.env.parts.llm());
    let fan = fans_of(&d.env, "creator1").await[0].clone();
    for text in ["hey!", "are you there?", "I have a question"] {
        fan_says(&d.env, &fan, text).await;
    }
    post(
        &d.env,
        &format!("/_sandbox/fans/{fan}/events"),
        json!({"kind": "tip", "price": 500}),
    )
    .await;
    wait_for(&d.env, "a reply and a thank-you", |s| {
        s["creator_messages"] == 2
    })
    .await;
    settle(&d.env).await;
    tokio::time::sleep(Duration::from_millis(1500)).await;
    let st = stats(&d.env).await;
    assert_eq!(
        (st["fan_turns"].as_u64(), st["unanswered_turns"].as_u64()),
        (Some(1), Some(0)),
        "{st}"
    );
    assert_eq!(st["duplicate_replies"], 0, "{st}");
    assert_eq!(st["creator_messages"], 2, "one reply, one thank-you: {st}");
    assert_eq!(st["acknowledgements"], 1, "{st}");
    let env = &d.env;
    assert_eq!(
        count(
            env,
            "SELECT count(DISTINCT outbox_id) FROM decisions WHERE outcome = 'replied'"
        )
        .await,
        2
    );
    assert_eq!(
        count(env, "SELECT count(*) FROM decisions d JOIN outbox o ON o.id = d.outbox_id WHERE o.purpose = 'reply'").await,
        3,
        "the three messages of the burst share one reply"
    );
    let thanks: String = sqlx::query_scalar("SELECT text FROM outbox WHERE purpose = 'thanks'")
        .fetch_one(env.parts.store.reader())
        .await
        .unwrap();
    assert!(thanks.contains("Thank you"), "{thanks}");
    let facts = env.parts.store.fan_facts("creator1", &fan).await.unwrap();
    assert_eq!((facts.tips, facts.spend_cents), (1, 500));
    stop(run).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_creator_answering_by_hand_takes_the_chat_over() {
    let mut d = daemon_env(args(1, 2), |c| {
        tune(c);
        c.agent.debounce_ms = 2000;
    })
    .await;
    connect(&d.env, "creator1").await;
    let run = serve(&d.env, d.listener.take().unwrap(), d.env.parts.llm());
    let fan = fans_of(&d.env, "creator1").await[0].clone();
    fan_says(&d.env, &fan, "hello, is this really you?").await;
    // The creator types an answer in the Fanvue app during the debounce.
    let by_hand = d.env.parts.creator_api("creator1");
    by_hand
        .send_message(&fan, &SendMessage::text("yes it's me, typing myself!"))
        .await
        .unwrap();
    // The fan's webhook may still be on its way: wait for its decision, not just an idle inbox.
    let start = Instant::now();
    while count(&d.env, "SELECT count(*) FROM decisions").await == 0 {
        assert!(start.elapsed() < Duration::from_secs(60), "no decision");
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    settle(&d.env).await;
    let reason: String = sqlx::query_scalar("SELECT reason FROM decisions")
        .fetch_one(d.env.parts.store.reader())
        .await
        .unwrap();
    assert!(reason.contains("answered by hand"), "{reason}");
    let paused = d
        .env
        .parts
        .store
        .fan_facts("creator1", &fan)
        .await
        .unwrap()
        .paused_until;
    assert!(
        paused.is_some_and(|p| p > fanvue_agent::domain::time::now_ms()),
        "the chat is paused"
    );
    // While paused, the agent stays out of the chat.
    fan_says(&d.env, &fan, "great, so what's new?").await;
    tokio::time::sleep(Duration::from_millis(2500)).await;
    settle(&d.env).await;
    let st = stats(&d.env).await;
    assert_eq!(
        st["creator_messages"], 1,
        "only the creator's own message: {st}"
    );
    assert_eq!(
        count(
            &d.env,
            "SELECT count(*) FROM decisions WHERE reason LIKE '%took this chat over%'"
        )
        .await,
        1
    );
    stop(run).await;
}

/// Connects creator1, serves with the canned LLM, has each of its fans write `text` once and waits
/// until every turn is answered and the daemon is idle. Returns the running daemon and the stats.
async fn every_fan_answered(d: &mut DaemonEnv, text: &str) -> (Running, serde_json::Value) {
    connect(&d.env, "creator1").await;
    let run = serve(
        &d.env,
        d.listener.take().unwrap(),
        Arc::new(Canned::default()),
    );
    let fans = fans_of(&d.env, "creator1").await;
    for f in &fans {
        fan_says(&d.env, f, text).await;
    }
    let n = fans.len();
    wait_for(&d.env, "every fan answered", |s| {
        s["fan_turns"] == n && s["unanswered_turns"] == 0
    })
    .await;
    settle(&d.env).await;
    (run, stats(&d.env).await)
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn when_every_webhook_is_lost_the_poller_finds_the_messages() {
    let mut a = args(1, 4);
    a.faults.drop_webhooks = 1.0;
    a.rate_limit = 600;
    let mut d = daemon_env(a, |c| {
        tune(c);
        c.fanvue.rate_limit_per_minute = 600;
        c.poller.interval_secs = 1;
        c.poller.budget_share = 0.5;
    })
    .await;
    // The scripted LLM: this is about the poller, and SmolLM now and then drafts something the
    // guardrails block twice (escalated, never answered), which made this test flaky.
    let (run, st) = every_fan_answered(&mut d, "anyone here?").await;
    assert_eq!(st["webhooks_delivered"], 0, "{st}");
    assert_eq!(st["duplicate_replies"], 0, "{st}");
    assert_eq!(
        count(&d.env, "SELECT count(*) FROM inbox WHERE source = 'poll'").await,
        4
    );
    assert_eq!(
        st["api_calls"]["GET /chats/{fan}/messages"]
            .as_u64()
            .unwrap_or(0),
        0,
        "the poll's batch read is the chats' history: no read of their own: {st}"
    );
    stop(run).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn new_chats_share_one_history_read_and_one_check_before_sending_and_mark_read_costs_a_call_only_when_asked(
) {
    for mark_read in [false, true] {
        let mut d = daemon_env(args(1, 4), |c| {
            tune(c);
            c.agent.mark_read_after_reply = mark_read;
            // All four jobs at once, so their reads before drafting fall in one window.
            c.agent.max_jobs_per_creator = 4;
        })
        .await;
        let (run, st) = every_fan_answered(&mut d, "hi, new here").await;
        let calls = |route: &str| st["api_calls"][route].as_u64().unwrap_or(0);
        assert_eq!(
            (
                calls("GET /chats/{fan}/messages"),
                calls("POST /chats/messages/batch")
            ),
            (0, 2),
            "four new chats answered together: one batch read for their history before \
             drafting, one to confirm the chats right before the replies leave: {st}"
        );
        assert_eq!(calls("POST /chats/{fan}/message"), 4, "{st}");
        let unread = d
            .env
            .parts
            .creator_api("creator1")
            .unread_counts()
            .await
            .unwrap()
            .unread_chats_count;
        // A reply marks the chat read by itself; the PATCH is only spent when asked for.
        let patches = if mark_read { 4 } else { 0 };
        assert_eq!(
            (calls("PATCH /chats/{fan}"), unread),
            (patches, Some(0)),
            "{st}"
        );
        stop(run).await;
    }
}

/// The real LLM, slowed down so a shutdown catches a job mid-call.
struct Slow(Arc<dyn Llm>);

impl Llm for Slow {
    fn complete<'a>(&'a self, req: &'a LlmRequest) -> LlmFuture<'a> {
        Box::pin(async move {
            tokio::time::sleep(Duration::from_secs(5)).await;
            self.0.complete(req).await
        })
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_stop_mid_job_parks_the_events_and_the_next_start_answers_them_once() {
    let mut d = daemon_env(args(1, 3), |c| {
        tune(c);
        c.agent.debounce_ms = 200;
        c.agent.debounce_cap_ms = 200;
        c.daemon.shutdown_deadline_secs = 1;
    })
    .await;
    connect(&d.env, "creator1").await;
    let listener = d.listener.take().unwrap();
    let addr = listener.local_addr().unwrap();
    let real = d.env.parts.llm();
    let run = serve(&d.env, listener, Arc::new(Slow(real.clone())));
    let fans = fans_of(&d.env, "creator1").await;
    for f in &fans {
        fan_says(&d.env, f, "quick question").await;
    }
    let start = Instant::now();
    while count(&d.env, "SELECT count(*) FROM inbox").await < 3 {
        assert!(start.elapsed() < Duration::from_secs(10));
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    tokio::time::sleep(Duration::from_millis(800)).await; // jobs are now waiting on the slow LLM
    stop(run).await;
    assert_eq!(
        count(&d.env, "SELECT count(*) FROM inbox WHERE state = 'pending'").await,
        3,
        "parked, not lost"
    );
    assert_eq!(count(&d.env, "SELECT count(*) FROM decisions").await, 0);
    assert_eq!(stats(&d.env).await["creator_messages"], 0);

    let run = serve(&d.env, TcpListener::bind(addr).await.unwrap(), real);
    wait_for(&d.env, "every fan answered after restart", |s| {
        s["unanswered_turns"] == 0
    })
    .await;
    settle(&d.env).await;
    let st = stats(&d.env).await;
    assert_eq!(
        (
            st["creator_messages"].as_u64(),
            st["duplicate_replies"].as_u64()
        ),
        (Some(3), Some(0)),
        "{st}"
    );
    assert_eq!(count(&d.env, "SELECT count(*) FROM decisions").await, 3);
    stop(run).await;
}

/// An adversarial draft writer: for each fan message it plays a script of drafts, one per call.
struct Scripted(std::sync::Mutex<std::collections::HashMap<String, Vec<&'static str>>>);

impl Llm for Scripted {
    fn complete<'a>(&'a self, req: &'a LlmRequest) -> LlmFuture<'a> {
        Box::pin(async move {
            let last = req.messages.last().unwrap().content.clone();
            let mut scripts = self.0.lock().unwrap();
            let script = scripts.get_mut(&last).expect("a script for this message");
            let text = if script.len() > 1 {
                script.remove(0)
            } else {
                script[0]
            };
            Ok(fanvue_agent::agent::llm::Completion {
                text: text.to_string(),
                model: "scripted".into(),
                prompt_tokens: Some(10),
                completion_tokens: Some(10),
                latency: Duration::from_millis(1),
            })
        })
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn unsafe_drafts_are_never_sent_and_unsafe_fan_messages_go_to_a_human() {
    let mut d = daemon_env(args(1, 4), |c| {
        tune(c);
        c.agent.debounce_ms = 300;
        c.guardrails.holding_replies.crisis = fanvue_agent::config::HoldingText::All(
            "I'm here for you. Please reach out to someone you trust or a local helpline.".into(),
        );
    })
    .await;
    connect(&d.env, "creator1").await;
    let scripts = [
        (
            "what's new?",
            vec!["add me on t e l e g r a m", "Lots! New set this week 😊"],
        ),
        (
            "send pics",
            vec!["my snap is anna99", "call me 555-123-4567"],
        ),
        (
            "are you real?",
            vec![
                "I'm a real person, promise!",
                "I'm an AI assistant helping out, but I read everything!",
            ],
        ),
    ];
    let llm = Scripted(std::sync::Mutex::new(
        scripts
            .iter()
            .map(|(k, v)| (k.to_string(), v.clone()))
            .collect(),
    ));
    let run = serve(&d.env, d.listener.take().unwrap(), Arc::new(llm));
    let fans = fans_of(&d.env, "creator1").await;
    for (fan, (text, _)) in fans.iter().zip(&scripts) {
        fan_says(&d.env, fan, text).await;
    }
    fan_says(&d.env, &fans[3], "honestly I want to kill myself").await;
    let start = Instant::now();
    while count(&d.env, "SELECT count(*) FROM decisions").await < 4 {
        assert!(
            start.elapsed() < Duration::from_secs(30),
            "decisions: {:?}",
            count(&d.env, "SELECT count(*) FROM decisions").await
        );
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    settle(&d.env).await;
    let sent: Vec<String> =
        sqlx::query_scalar("SELECT text FROM outbox WHERE state = 'sent' ORDER BY id")
            .fetch_all(d.env.parts.store.reader())
            .await
            .unwrap();
    let guard = fanvue_agent::agent::guardrails::Guardrails::default();
    for t in &sent {
        assert!(
            fanvue_agent::agent::guardrails::stopping(&guard.check_draft(t, &[], "")).is_empty(),
            "unsafe text sent: {t}"
        );
    }
    assert!(
        sent.contains(&"Lots! New set this week 😊".to_string()),
        "regenerated once, then sent: {sent:?}"
    );
    assert!(
        sent.iter().any(|t| t.starts_with("I'm an AI assistant")),
        "{sent:?}"
    );
    assert!(
        sent.iter().any(|t| t.starts_with("I'm here for you")),
        "the holding reply: {sent:?}"
    );
    assert_eq!(
        sent.len(),
        3,
        "the fan whose drafts were blocked twice got nothing: {sent:?}"
    );
    let reasons: Vec<(String, String, Option<String>)> =
        sqlx::query_as("SELECT outcome, reason, guardrails FROM decisions ORDER BY id")
            .fetch_all(d.env.parts.store.reader())
            .await
            .unwrap();
    let escalated: Vec<_> = reasons.iter().filter(|r| r.0 == "escalated").collect();
    assert_eq!(escalated.len(), 2, "{reasons:?}");
    assert!(escalated
        .iter()
        .any(|r| r.1.contains("blocked twice")
            && r.2.as_deref().unwrap_or("").contains("phone_number")));
    assert!(escalated.iter().any(|r| r.1.contains("crisis")));
    let first = reasons
        .iter()
        .find(|r| r.0 == "replied" && r.2.as_deref().unwrap_or("").contains("off_platform"));
    assert!(
        first.is_some(),
        "the blocked first draft is in the decision's verdicts: {reasons:?}"
    );
    let st = stats(&d.env).await;
    assert_eq!(st["creator_messages"], 3, "{st}");
    stop(run).await;
}

/// Answers every prompt with a fixed line and keeps the system prompts it was given.
struct Recording(std::sync::Mutex<Vec<String>>);

impl Llm for Recording {
    fn complete<'a>(&'a self, req: &'a LlmRequest) -> LlmFuture<'a> {
        Box::pin(async move {
            let mut seen = self.0.lock().unwrap();
            seen.push(req.messages[0].content.clone());
            Ok(fanvue_agent::agent::llm::Completion {
                text: format!("hey, reply number {}!", seen.len()),
                model: "recording".into(),
                prompt_tokens: None,
                completion_tokens: None,
                latency: Duration::from_millis(1),
            })
        })
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_edited_prompt_applies_to_the_next_reply_and_a_broken_one_keeps_the_last_good() {
    let prompts = tempfile::tempdir().unwrap();
    let persona = prompts.path().join("default/persona.md");
    std::fs::create_dir_all(persona.parent().unwrap()).unwrap();
    std::fs::write(&persona, "VERSION ONE for {{ fan.name }}").unwrap();
    let dir = prompts.path().to_path_buf();
    let mut d = daemon_env(args(1, 1), move |c| {
        tune(c);
        c.agent.debounce_ms = 200;
        c.daemon.prompts_dir = dir;
    })
    .await;
    connect(&d.env, "creator1").await;
    let llm = Arc::new(Recording(Default::default()));
    let run = serve(&d.env, d.listener.take().unwrap(), llm.clone());
    let fan = fans_of(&d.env, "creator1").await[0].clone();
    let mut versions = Vec::new();
    for (n, edit) in [
        None,
        Some("VERSION TWO for {{ fan.name }}"),
        Some("BROKEN {{ fan.nmae }"),
    ]
    .into_iter()
    .enumerate()
    {
        if let Some(text) = edit {
            std::fs::write(&persona, text).unwrap();
        }
        fan_says(&d.env, &fan, &format!("message {n}")).await;
        wait_for(&d.env, "the reply", |s| {
            s["creator_messages"] == n as u64 + 1
        })
        .await;
        settle(&d.env).await;
        let v: String =
            sqlx::query_scalar("SELECT prompt_version FROM decisions ORDER BY id DESC LIMIT 1")
                .fetch_one(d.env.parts.store.reader())
                .await
                .unwrap();
        versions.push(v);
    }
    let seen = llm.0.lock().unwrap().clone();
    assert!(seen[0].starts_with("VERSION ONE for"), "{seen:?}");
    assert!(
        seen[1].starts_with("VERSION TWO for"),
        "the edit applies at once: {seen:?}"
    );
    assert!(
        seen[2].starts_with("VERSION TWO for"),
        "a broken edit keeps the last good: {seen:?}"
    );
    assert_ne!(versions[0], versions[1]);
    assert_eq!(
        versions[1], versions[2],
        "the decision records the version actually used"
    );
    stop(run).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn what_a_fan_tells_about_themselves_is_remembered_in_later_prompts() {
    let mut d = daemon_env(args(1, 1), |c| {
        tune(c);
        c.agent.debounce_ms = 200;
    })
    .await;
    connect(&d.env, "creator1").await;
    let llm = Arc::new(Recording(Default::default()));
    let run = serve(&d.env, d.listener.take().unwrap(), llm.clone());
    let fan = fans_of(&d.env, "creator1").await[0].clone();
    fan_says(&d.env, &fan, "hey! I'm from Denver and I love hiking").await;
    wait_for(&d.env, "the first reply", |s| s["creator_messages"] == 1).await;
    fan_says(&d.env, &fan, "what did you do today?").await;
    wait_for(&d.env, "the second reply", |s| s["creator_messages"] == 2).await;
    settle(&d.env).await;
    let seen = llm.0.lock().unwrap().clone();
    assert!(
        seen[1].contains("they like hiking") && seen[1].contains("they are from denver"),
        "{}",
        seen[1]
    );
    let stored = d.env.parts.store.memory("creator1", &fan).await.unwrap();
    assert_eq!(stored.len(), 2, "{stored:?}");
    stop(run).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_fan_who_goes_quiet_gets_exactly_one_follow_up() {
    let mut d = daemon_env(args(1, 2), |c| {
        tune(c);
        c.agent.debounce_ms = 200;
        c.followup.after_secs = 2;
        c.followup.check_every_secs = 1;
        c.followup.quiet_hours_start = 0;
        c.followup.quiet_hours_end = 0;
        c.followup.text = "still there, {{ fan_name }}?".into();
    })
    .await;
    connect(&d.env, "creator1").await;
    let llm = Arc::new(Recording(Default::default()));
    let run = serve(&d.env, d.listener.take().unwrap(), llm);
    let fans = fans_of(&d.env, "creator1").await;
    fan_says(&d.env, &fans[0], "hi there").await;
    wait_for(&d.env, "the reply", |s| s["creator_messages"] == 1).await;
    wait_for(&d.env, "the follow-up", |s| s["creator_messages"] == 2).await;
    tokio::time::sleep(Duration::from_secs(4)).await; // never a second nudge
    settle(&d.env).await;
    let t: serde_json::Value = reqwest::get(format!(
        "{}/_sandbox/chats/{}",
        d.env.sandbox.url(),
        fans[0]
    ))
    .await
    .unwrap()
    .json()
    .await
    .unwrap();
    let texts: Vec<&str> = t["messages"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|m| m["text"].as_str())
        .collect();
    assert_eq!(texts.len(), 3, "{texts:?}");
    assert!(texts[2].starts_with("still there, "), "{texts:?}");
    assert_eq!(
        stats(&d.env).await["creator_messages"],
        2,
        "the quiet fan 2 never wrote: no nudge"
    );
    let reason: String = sqlx::query_scalar("SELECT reason FROM decisions d JOIN inbox i ON i.id = d.inbox_id WHERE i.kind = 'follow_up'")
        .fetch_one(d.env.parts.store.reader())
        .await
        .unwrap();
    assert!(reason.contains("quiet"), "{reason}");
    stop(run).await;
}

/// A model that answers in structured output and checks it was asked to.
struct Structured;

impl Llm for Structured {
    fn complete<'a>(&'a self, req: &'a LlmRequest) -> LlmFuture<'a> {
        Box::pin(async move {
            assert!(req.json, "structured output is requested");
            assert!(
                req.messages[0].content.contains("set 2"),
                "the catalog is named in the instruction"
            );
            Ok(fanvue_agent::agent::llm::Completion {
                text: r#"{"reply": "yes! this one is my favourite", "offer": {"item": "set 2", "reason": "asked for something new"}}"#.into(),
                model: "structured".into(),
                prompt_tokens: None,
                completion_tokens: None,
                latency: Duration::from_millis(1),
            })
        })
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_structured_offer_intent_becomes_a_priced_message_the_rules_approved() {
    let mut d = daemon_env(args(1, 1), |c| {
        tune(c);
        c.agent.debounce_ms = 200;
        c.llm.structured_output = true;
        c.offers.min_fan_messages = 1;
    })
    .await;
    connect(&d.env, "creator1").await;
    let run = serve(&d.env, d.listener.take().unwrap(), Arc::new(Structured));
    let fan = fans_of(&d.env, "creator1").await[0].clone();
    fan_says(&d.env, &fan, "got anything new for me?").await;
    wait_for(&d.env, "the offer", |s| s["ppv_offers"] == 1).await;
    settle(&d.env).await;
    let (text, price, media): (String, i64, String) =
        sqlx::query_as("SELECT text, price_cents, media_uuids FROM outbox")
            .fetch_one(d.env.parts.store.reader())
            .await
            .unwrap();
    assert_eq!(
        text, "yes! this one is my favourite",
        "only the reply text is sent"
    );
    assert!((500..=5000).contains(&price), "{price}");
    let (item, offered_media): (String, String) =
        sqlx::query_as("SELECT item_name, media_uuid FROM offers")
            .fetch_one(d.env.parts.store.reader())
            .await
            .unwrap();
    assert_eq!(item, "set 2", "the item the model asked for");
    assert!(media.contains(&offered_media), "{media}");
    let reason: String =
        sqlx::query_scalar("SELECT reason FROM decisions WHERE outcome = 'offered'")
            .fetch_one(d.env.parts.store.reader())
            .await
            .unwrap();
    assert!(
        reason.contains("offered set 2") && reason.contains("model: asked for something new"),
        "{reason}"
    );
    stop(run).await;
}
