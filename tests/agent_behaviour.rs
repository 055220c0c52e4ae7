//! The daemon's behaviour in specific situations, against the sandbox: bursts and tips, human
//! takeover and stopping mid-work with the real local LLM (skipped without it, see
//! tests/common/peers.rs); the poller alone, unsafe drafts, prompt edits, memory, follow-ups and
//! structured offers with stand-in LLMs.

mod common;

use common::*;
use fanvue_agent::{
    agent::llm::{Llm, LlmFuture, LlmRequest},
    config::Config,
    fanvue::client::SendMessage,
};
use serde_json::json;
use std::{
    sync::{
        atomic::{AtomicUsize, Ordering},
        Arc,
    },
    time::Duration,
};

fn tune(c: &mut Config) {
    c.llm.max_tokens = 32;
    c.llm.timeout_secs = 60;
    c.agent.debounce_ms = 1200;
    c.agent.debounce_cap_ms = 3000;
    c.agent.mark_read_after_reply = false;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_burst_gets_one_reply_and_a_tip_one_thank_you() {
    let Some(llm) = local_llm() else { return };
    let app = spawn_app(args(1, 2), |c| {
        tune(c);
        llm.configure(c)
    })
    .await;
    app.serve(app.parts.llm());
    let fan = app.fan_of("creator1").await;
    for text in ["hey!", "are you there?", "I have a question"] {
        app.fan_says(&fan, text).await;
    }
    app.fan_event(&fan, json!({"kind": "tip", "price": 500}))
        .await;
    app.wait_for_stats("a reply and a thank-you", |s| s["creator_messages"] == 2)
        .await;
    // Every webhook delivered, every event decided, nothing queued: no other message can follow.
    app.settle().await;
    let st = app.stats().await;
    assert_eq!(
        (st["fan_turns"].as_u64(), st["unanswered_turns"].as_u64()),
        (Some(1), Some(0)),
        "{st}"
    );
    assert_eq!(st["duplicate_replies"], 0, "{st}");
    assert_eq!(st["creator_messages"], 2, "one reply, one thank-you: {st}");
    assert_eq!(st["acknowledgements"], 1, "{st}");
    assert_eq!(
        app.count("SELECT count(DISTINCT outbox_id) FROM decisions WHERE outcome = 'replied'")
            .await,
        2
    );
    assert_eq!(
        app.count("SELECT count(*) FROM decisions d JOIN outbox o ON o.id = d.outbox_id WHERE o.purpose = 'reply'").await,
        3,
        "the three messages of the burst share one reply"
    );
    let thanks: String = sqlx::query_scalar("SELECT text FROM outbox WHERE purpose = 'thanks'")
        .fetch_one(app.parts.store.reader())
        .await
        .unwrap();
    assert!(thanks.contains("Thank you"), "{thanks}");
    let facts = app.parts.store.fan_facts("creator1", &fan).await.unwrap();
    assert_eq!((facts.tips, facts.spend_cents), (1, 500));
    app.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_creator_answering_by_hand_takes_the_chat_over() {
    let Some(llm) = local_llm() else { return };
    let app = spawn_app(args(1, 2), |c| {
        tune(c);
        llm.configure(c);
        c.agent.debounce_ms = 2000;
    })
    .await;
    app.serve(app.parts.llm());
    let fan = app.fan_of("creator1").await;
    app.fan_says(&fan, "hello, is this really you?").await;
    // The creator types an answer in the Fanvue app during the debounce.
    let by_hand = app.parts.creator_api("creator1");
    by_hand
        .send_message(&fan, &SendMessage::text("yes it's me, typing myself!"))
        .await
        .unwrap();
    // The fan's webhook may still be on its way: wait for its decision, not just an idle inbox.
    app.decision(&fan, 1).await;
    app.settle().await;
    let reason: String = sqlx::query_scalar("SELECT reason FROM decisions")
        .fetch_one(app.parts.store.reader())
        .await
        .unwrap();
    assert!(reason.contains("answered by hand"), "{reason}");
    let paused = app
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
    // While paused, the agent stays out of the chat: the message is decided without a reply.
    app.fan_says(&fan, "great, so what's new?").await;
    app.decision(&fan, 2).await;
    app.settle().await;
    let st = app.stats().await;
    assert_eq!(
        st["creator_messages"], 1,
        "only the creator's own message: {st}"
    );
    assert_eq!(
        app.count("SELECT count(*) FROM decisions WHERE reason LIKE '%took this chat over%'")
            .await,
        1
    );
    app.stop().await;
}

/// Serves with the canned LLM, has each of creator1's fans write `text` once and waits until
/// every turn is answered and the daemon is idle. Returns the stats.
async fn every_fan_answered(app: &TestApp, text: &str) -> serde_json::Value {
    app.serve(canned());
    let fans = app.fans_of("creator1").await;
    for f in &fans {
        app.fan_says(f, text).await;
    }
    let n = fans.len();
    app.wait_for_stats("every fan answered", |s| {
        s["fan_turns"] == n && s["unanswered_turns"] == 0
    })
    .await;
    app.settle().await;
    app.stats().await
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn when_every_webhook_is_lost_the_poller_finds_the_messages() {
    let mut a = args(1, 4);
    a.faults.drop_webhooks = 1.0;
    a.rate_limit = 600;
    let app = spawn_app(a, |c| {
        tune(c);
        c.fanvue.rate_limit_per_minute = 600;
        c.poller.interval_secs = 1;
        c.poller.budget_share = 0.5;
    })
    .await;
    // The scripted LLM: this is about the poller, and SmolLM now and then drafts something the
    // guardrails block twice (escalated, never answered), which made this test flaky.
    let st = every_fan_answered(&app, "anyone here?").await;
    assert_eq!(st["webhooks_delivered"], 0, "{st}");
    assert_eq!(st["duplicate_replies"], 0, "{st}");
    assert_eq!(
        app.count("SELECT count(*) FROM inbox WHERE source = 'poll'")
            .await,
        4
    );
    assert_eq!(
        st["api_calls"]["GET /chats/{fan}/messages"]
            .as_u64()
            .unwrap_or(0),
        0,
        "the poll's batch read is the chats' history: no read of their own: {st}"
    );
    app.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn new_chats_share_one_history_read_and_one_check_before_sending_and_mark_read_costs_a_call_only_when_asked(
) {
    for mark_read in [false, true] {
        let app = spawn_app(args(1, 4), |c| {
            tune(c);
            c.agent.mark_read_after_reply = mark_read;
            // This counts the chat reads alone: the insights read beside them (one bulk call,
            // tests/fan_value.rs) shifts when the replies fall due, and so the confirm rounds.
            c.fan_value.insights = false;
            // All four jobs at once, so their reads before drafting fall in one window.
            c.agent.max_jobs_per_creator = 4;
        })
        .await;
        let mut st = every_fan_answered(&app, "hi, new here").await;
        if mark_read {
            // A row is recorded sent before its PATCH goes out: the last one may still be on
            // its way when the daemon looks idle.
            st = app
                .wait_for_stats("every chat marked read", |s| {
                    s["api_calls"]["PATCH /chats/{fan}"].as_u64() >= Some(4)
                })
                .await;
        }
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
        let unread = app
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
        app.stop().await;
    }
}

/// The real LLM, slowed down so a shutdown catches a job mid-call; counts the calls it holds.
struct Slow(Arc<dyn Llm>, AtomicUsize);

impl Llm for Slow {
    fn complete<'a>(&'a self, req: &'a LlmRequest) -> LlmFuture<'a> {
        Box::pin(async move {
            self.1.fetch_add(1, Ordering::SeqCst);
            // The scenario: an LLM slower than the shutdown deadline (1 s).
            tokio::time::sleep(Duration::from_secs(5)).await;
            self.0.complete(req).await
        })
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_stop_mid_job_parks_the_events_and_the_next_start_answers_them_once() {
    let Some(llm) = local_llm() else { return };
    let app = spawn_app(args(1, 3), |c| {
        tune(c);
        llm.configure(c);
        c.agent.debounce_ms = 200;
        c.agent.debounce_cap_ms = 200;
        c.daemon.shutdown_deadline_secs = 1;
    })
    .await;
    let real = app.parts.llm();
    let slow = Arc::new(Slow(real.clone(), AtomicUsize::new(0)));
    app.serve(slow.clone());
    for f in &app.fans_of("creator1").await {
        app.fan_says(f, "quick question").await;
    }
    app.wait_for_count("the three events", "SELECT count(*) FROM inbox", |n| n >= 3)
        .await;
    wait_until("a job waiting on the slow LLM", || async {
        slow.1.load(Ordering::SeqCst) > 0
    })
    .await;
    app.stop().await;
    assert_eq!(
        app.count("SELECT count(*) FROM inbox WHERE state = 'pending'")
            .await,
        3,
        "parked, not lost"
    );
    assert_eq!(app.count("SELECT count(*) FROM decisions").await, 0);
    assert_eq!(app.stats().await["creator_messages"], 0);

    // The same address again (the app held it while the daemon was down).
    app.serve(real);
    app.wait_for_stats("every fan answered after restart", |s| {
        s["unanswered_turns"] == 0
    })
    .await;
    app.settle().await;
    let st = app.stats().await;
    assert_eq!(
        (
            st["creator_messages"].as_u64(),
            st["duplicate_replies"].as_u64()
        ),
        (Some(3), Some(0)),
        "{st}"
    );
    assert_eq!(app.count("SELECT count(*) FROM decisions").await, 3);
    app.stop().await;
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
    let app = spawn_app(args(1, 4), |c| {
        tune(c);
        c.agent.debounce_ms = 300;
        c.guardrails.holding_replies.crisis = fanvue_agent::config::HoldingText::All(
            "I'm here for you. Please reach out to someone you trust or a local helpline.".into(),
        );
    })
    .await;
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
    app.serve(Arc::new(llm));
    let fans = app.fans_of("creator1").await;
    for (fan, (text, _)) in fans.iter().zip(&scripts) {
        app.fan_says(fan, text).await;
    }
    app.fan_says(&fans[3], "honestly I want to kill myself")
        .await;
    app.wait_for_count("four decisions", "SELECT count(*) FROM decisions", |n| {
        n >= 4
    })
    .await;
    app.settle().await;
    let sent: Vec<String> =
        sqlx::query_scalar("SELECT text FROM outbox WHERE state = 'sent' ORDER BY id")
            .fetch_all(app.parts.store.reader())
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
            .fetch_all(app.parts.store.reader())
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
    let st = app.stats().await;
    assert_eq!(st["creator_messages"], 3, "{st}");
    app.stop().await;
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
    let app = spawn_app(args(1, 1), move |c| {
        tune(c);
        c.agent.debounce_ms = 200;
        c.daemon.prompts_dir = dir;
    })
    .await;
    let llm = Arc::new(Recording(Default::default()));
    app.serve(llm.clone());
    let fan = app.fan_of("creator1").await;
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
        app.fan_says(&fan, &format!("message {n}")).await;
        app.wait_for_stats("the reply", |s| s["creator_messages"] == n as u64 + 1)
            .await;
        app.settle().await;
        let v: String =
            sqlx::query_scalar("SELECT prompt_version FROM decisions ORDER BY id DESC LIMIT 1")
                .fetch_one(app.parts.store.reader())
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
    app.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn what_a_fan_tells_about_themselves_is_remembered_in_later_prompts() {
    let app = spawn_app(args(1, 1), |c| {
        tune(c);
        c.agent.debounce_ms = 200;
    })
    .await;
    let llm = Arc::new(Recording(Default::default()));
    app.serve(llm.clone());
    let fan = app.fan_of("creator1").await;
    app.fan_says(&fan, "hey! I'm from Denver and I love hiking")
        .await;
    app.wait_for_stats("the first reply", |s| s["creator_messages"] == 1)
        .await;
    app.fan_says(&fan, "what did you do today?").await;
    app.wait_for_stats("the second reply", |s| s["creator_messages"] == 2)
        .await;
    app.settle().await;
    let seen = llm.0.lock().unwrap().clone();
    assert!(
        seen[1].contains("they like hiking") && seen[1].contains("they are from denver"),
        "{}",
        seen[1]
    );
    let stored = app.parts.store.memory("creator1", &fan).await.unwrap();
    assert_eq!(stored.len(), 2, "{stored:?}");
    app.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_fan_who_goes_quiet_gets_exactly_one_follow_up() {
    let app = spawn_app(args(1, 3), |c| {
        tune(c);
        c.agent.debounce_ms = 200;
        c.followup.after_secs = 2;
        c.followup.check_every_secs = 1;
        c.followup.quiet_hours_start = 0;
        c.followup.quiet_hours_end = 0;
        c.followup.text = "still there, {{ fan_name }}?".into();
    })
    .await;
    let llm = Arc::new(Recording(Default::default()));
    app.serve(llm);
    let fans = app.fans_of("creator1").await;
    let (quiet, silent, later) = (&fans[0], &fans[1], &fans[2]);
    app.fan_says(quiet, "hi there").await;
    app.wait_for_stats("the reply", |s| s["creator_messages"] == 1)
        .await;
    app.wait_for_stats("the follow-up", |s| s["creator_messages"] == 2)
        .await;
    // Never a second nudge: one would be due before the follow-up of a fan who writes only now
    // (after_secs after their reply), so that follow-up is the signal to look.
    app.fan_says(later, "hi, me too").await;
    wait_until("the later fan's reply and follow-up", || async {
        app.sent_to(later).await.len() == 2
    })
    .await;
    app.settle().await;
    let t = app.chat(quiet).await;
    let texts: Vec<&str> = t["messages"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|m| m["text"].as_str())
        .collect();
    assert_eq!(texts.len(), 3, "{texts:?}");
    assert!(texts[2].starts_with("still there, "), "{texts:?}");
    assert!(
        app.sent_to(silent).await.is_empty(),
        "the fan who never wrote: no nudge"
    );
    assert_eq!(
        app.stats().await["creator_messages"],
        4,
        "a reply and one follow-up each for the two fans who wrote"
    );
    let reason: String = sqlx::query_scalar("SELECT reason FROM decisions d JOIN inbox i ON i.id = d.inbox_id WHERE i.kind = 'follow_up' AND d.fan_uuid = ?")
        .bind(quiet)
        .fetch_one(app.parts.store.reader())
        .await
        .unwrap();
    assert!(reason.contains("quiet"), "{reason}");
    app.stop().await;
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
    let app = spawn_app(args(1, 1), |c| {
        tune(c);
        c.agent.debounce_ms = 200;
        c.llm.structured_output = true;
        c.offers.min_fan_messages = 1;
    })
    .await;
    app.serve(Arc::new(Structured));
    let fan = app.fan_of("creator1").await;
    app.fan_says(&fan, "got anything new for me?").await;
    app.wait_for_stats("the offer", |s| s["ppv_offers"] == 1)
        .await;
    app.settle().await;
    let (text, price, media): (String, i64, String) =
        sqlx::query_as("SELECT text, price_cents, media_uuids FROM outbox")
            .fetch_one(app.parts.store.reader())
            .await
            .unwrap();
    assert_eq!(
        text, "yes! this one is my favourite",
        "only the reply text is sent"
    );
    assert!((500..=5000).contains(&price), "{price}");
    let (item, offered_media): (String, String) =
        sqlx::query_as("SELECT item_name, media_uuid FROM offers")
            .fetch_one(app.parts.store.reader())
            .await
            .unwrap();
    assert_eq!(item, "set 2", "the item the model asked for");
    assert!(media.contains(&offered_media), "{media}");
    let reason: String =
        sqlx::query_scalar("SELECT reason FROM decisions WHERE outcome = 'offered'")
            .fetch_one(app.parts.store.reader())
            .await
            .unwrap();
    assert!(
        reason.contains("offered set 2") && reason.contains("model: asked for something new"),
        "{reason}"
    );
    app.stop().await;
}
