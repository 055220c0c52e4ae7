//! The console's queue over HTTP against the real daemon and the sandbox: drafts of `approve` mode
//! approved, edited and sent, or rejected from the browser's forms; every action CSRF-checked,
//! access-checked (another creator's draft is 404) and recorded with who did it.

mod common;

use common::*;
use fanvue_agent::domain::Mode;
use reqwest::StatusCode;

const AWAITING: &str = "SELECT count(*) FROM drafts WHERE state = 'awaiting'";

/// Two creators in approve mode with one fan each, the console on; one draft awaiting for
/// creator1's fan. Returns the app, that fan and the draft's id.
async fn a_draft_awaiting() -> (TestApp, String, i64) {
    let app = spawn_app(args(2, 1), |c| {
        scripted_config(c);
        console_on(c);
        c.agent.mode = Mode::Approve;
        c.agent.reply_delay_min_ms = 0;
        c.agent.reply_delay_max_ms = 0;
    })
    .await;
    app.serve(canned());
    let fan = app.fan_of("creator1").await;
    app.fan_says(&fan, "hey there, how are you?").await;
    app.wait_for_count("a draft awaiting approval", AWAITING, |n| n == 1)
        .await;
    let id = app
        .count("SELECT id FROM drafts WHERE state = 'awaiting'")
        .await;
    (app, fan, id)
}

async fn actions(app: &TestApp) -> Vec<(String, String, Option<i64>)> {
    sqlx::query_as(
        "SELECT actor, action, draft_id FROM human_actions WHERE action <> 'login' ORDER BY id",
    )
    .fetch_all(app.parts.store.reader())
    .await
    .unwrap()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_approved_draft_reaches_the_fan_and_the_action_is_recorded_with_who() {
    let (app, fan, id) = a_draft_awaiting().await;
    let c = app.console_user("ann", None).await;
    let queue = c.html("/").await;
    assert!(queue.contains(&format!("/drafts/{id}/approve")), "{queue}");
    let draft_text: String = sqlx::query_scalar("SELECT json_extract(plan, '$.text') FROM drafts")
        .fetch_one(app.parts.store.reader())
        .await
        .unwrap();
    let r = c
        .post(&format!("/drafts/{id}/approve"), &[("text", &draft_text)])
        .await;
    assert_eq!(r.status(), StatusCode::SEE_OTHER);
    wait_until("the sandbox receives the approved draft", || async {
        app.sent_to(&fan).await.contains(&draft_text)
    })
    .await;
    assert_eq!(
        actions(&app).await,
        vec![("console:ann".into(), "approve".into(), Some(id))]
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_edited_draft_is_sent_as_edited_and_a_refused_edit_sends_nothing() {
    let (app, fan, id) = a_draft_awaiting().await;
    let c = app.console_user("ann", None).await;
    let refused = c
        .post(
            &format!("/drafts/{id}/approve"),
            &[("text", "add me on snapchat at ann.secret, cheaper there")],
        )
        .await;
    assert_eq!(refused.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(app.count(AWAITING).await, 1, "the draft still waits");
    let edit = "hi! all good here, and you? tell me about your day";
    let r = c
        .post(&format!("/drafts/{id}/approve"), &[("text", edit)])
        .await;
    assert_eq!(r.status(), StatusCode::SEE_OTHER);
    wait_until("the edit reaches the fan", || async {
        app.sent_to(&fan).await.iter().any(|t| t == edit)
    })
    .await;
    assert_eq!(
        actions(&app).await,
        vec![("console:ann".into(), "edit_send".into(), Some(id))]
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_rejected_draft_is_never_sent() {
    let (app, fan, id) = a_draft_awaiting().await;
    let c = app.console_user("ann", None).await;
    let r = c
        .post(&format!("/drafts/{id}/reject"), &[("note", "off tone")])
        .await;
    assert_eq!(r.status(), StatusCode::SEE_OTHER);
    assert_eq!(
        app.count("SELECT count(*) FROM drafts WHERE state = 'rejected'")
            .await,
        1
    );
    assert!(app.sent_to(&fan).await.is_empty());
    assert_eq!(
        actions(&app).await,
        vec![("console:ann".into(), "reject".into(), Some(id))]
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_creator_user_gets_404_for_another_creators_draft_and_chat() {
    let (app, fan, id) = a_draft_awaiting().await;
    let other = app.console_user("bea", Some("creator2")).await;
    let queue = other.html("/").await;
    assert!(
        !queue.contains(&format!("/drafts/{id}/")),
        "creator1's draft hidden"
    );
    for path in [
        format!("/drafts/{id}/approve"),
        format!("/drafts/{id}/reject"),
        format!("/chats/creator1/{fan}/resume"),
        format!("/chats/creator1/{fan}/clear"),
    ] {
        let r = other.post(&path, &[("text", "x"), ("reason", "x")]).await;
        assert_eq!(r.status(), StatusCode::NOT_FOUND, "{path}");
    }
    assert_eq!(app.count(AWAITING).await, 1, "nothing changed");
    assert!(actions(&app).await.is_empty());
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_action_without_the_csrf_token_changes_nothing() {
    let (app, fan, id) = a_draft_awaiting().await;
    let c = app.console_user("ann", None).await;
    let r = c
        .post_raw(&format!("/drafts/{id}/approve"), &[("text", "hello")])
        .await;
    assert_eq!(r.status(), StatusCode::FORBIDDEN);
    let r = c
        .post_raw(&format!("/drafts/{id}/reject"), &[("csrf", "forged")])
        .await;
    assert_eq!(r.status(), StatusCode::FORBIDDEN);
    assert_eq!(app.count(AWAITING).await, 1);
    assert!(app.sent_to(&fan).await.is_empty());
    assert!(actions(&app).await.is_empty());
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_queue_counts_arrive_as_server_sent_events() {
    let (app, _fan, _id) = a_draft_awaiting().await;
    let c = app.console_user("ann", None).await;
    let mut r = c.get("/events").await;
    assert_eq!(r.status(), StatusCode::OK);
    assert_eq!(r.headers()["content-type"], "text/event-stream");
    let mut got = String::new();
    while !got.contains("\n\n") {
        let chunk = r.chunk().await.unwrap().expect("an event");
        got.push_str(&String::from_utf8_lossy(&chunk));
    }
    assert!(got.contains("event: counts"), "{got}");
    assert!(got.contains("\"drafts\":1"), "{got}");
}

/// One creator in live mode with one fan, the console on; the fan wrote and the AI answered.
async fn a_chat_the_ai_answered() -> (TestApp, String) {
    let app = spawn_app(args(2, 1), |c| {
        scripted_config(c);
        console_on(c);
        c.agent.reply_delay_min_ms = 0;
        c.agent.reply_delay_max_ms = 0;
    })
    .await;
    app.serve(canned());
    let fan = app.fan_of("creator1").await;
    app.fan_says(&fan, "hey there, how are you?").await;
    assert_eq!(app.decision(&fan, 1).await.outcome, "replied");
    wait_until("the AI's reply reaches the fan", || async {
        app.sent_to(&fan).await.len() == 1
    })
    .await;
    (app, fan)
}

const BY_HAND: &str = "SELECT count(*) FROM outbox WHERE purpose = 'by_hand'";

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_reply_by_hand_reaches_the_fan_once_and_the_ai_stands_back_until_resumed() {
    let (app, fan) = a_chat_the_ai_answered().await;
    let c = app.console_user("ann", None).await;
    let chat = format!("/conversations/creator1/{fan}");
    assert!(c.html(&chat).await.contains(&format!("{chat}/reply")));
    let hand = "it's me for real this time, give me a sec to read all this";
    let r = c.post(&format!("{chat}/reply"), &[("text", hand)]).await;
    assert_eq!(r.status(), StatusCode::SEE_OTHER);
    wait_until("the sandbox receives the reply by hand", || async {
        app.sent_to(&fan).await.iter().any(|t| t == hand)
    })
    .await;
    app.wait_for_count(
        "the reply by hand recorded as sent",
        "SELECT count(*) FROM outbox WHERE purpose = 'by_hand' AND state = 'sent'",
        |n| n == 1,
    )
    .await;
    let page = c.html(&chat).await;
    assert!(page.contains("Taken over"), "{page}");
    assert_eq!(
        actions(&app).await,
        vec![("console:ann".into(), "hand_reply".into(), None)]
    );

    app.fan_says(&fan, "ok cool, so what are you up to tonight?")
        .await;
    let skipped = app.decision(&fan, 2).await;
    assert_eq!(skipped.outcome, "skipped");
    assert!(
        skipped.reason.contains("took this chat over by hand"),
        "{}",
        skipped.reason
    );
    app.settle().await;
    let sent = app.sent_to(&fan).await;
    assert_eq!(sent.len(), 2, "no AI reply while taken over: {sent:?}");
    assert_eq!(sent.iter().filter(|t| *t == hand).count(), 1, "{sent:?}");

    let r = c.post(&format!("/chats/creator1/{fan}/resume"), &[]).await;
    assert_eq!(r.status(), StatusCode::SEE_OTHER);
    app.fan_says(&fan, "hello again, still there?").await;
    assert_eq!(app.decision(&fan, 3).await.outcome, "replied");
    wait_until("the AI answers again after resume", || async {
        app.sent_to(&fan).await.len() == 3
    })
    .await;
    assert_eq!(
        app.count(BY_HAND).await,
        1,
        "the reply by hand was queued once"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_reply_by_hand_empty_too_long_forged_or_to_another_creators_chat_queues_nothing() {
    let (app, fan) = a_chat_the_ai_answered().await;
    let path = format!("/conversations/creator1/{fan}/reply");
    let ann = app.console_user("ann", None).await;
    let empty = ann.post(&path, &[("text", "  \n ")]).await;
    assert_eq!(empty.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert!(empty.text().await.unwrap().contains("the message is empty"));
    let long = "x".repeat(5001);
    let r = ann.post(&path, &[("text", &long)]).await;
    assert_eq!(r.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert!(r.text().await.unwrap().contains("5001 characters"));
    let forged = ann
        .post_raw(&path, &[("text", "hi"), ("csrf", "forged")])
        .await;
    assert_eq!(forged.status(), StatusCode::FORBIDDEN);
    let bea = app.console_user("bea", Some("creator2")).await;
    let r = bea
        .post(&path, &[("text", "hi from creator2's user")])
        .await;
    assert_eq!(r.status(), StatusCode::NOT_FOUND);
    let (s, _) = bea.page(&format!("/conversations/creator1/{fan}")).await;
    assert_eq!(s, StatusCode::NOT_FOUND);
    assert_eq!(app.count(BY_HAND).await, 0);
    assert_eq!(
        app.count("SELECT count(*) FROM fan_facts WHERE paused_until IS NOT NULL")
            .await,
        0,
        "no chat paused"
    );
    assert!(actions(&app).await.is_empty());
    assert_eq!(app.sent_to(&fan).await.len(), 1);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_cli_replies_by_hand_as_the_console_does() {
    let (app, fan) = a_chat_the_ai_answered().await;
    let hand = "typed in a terminal, sent as me";
    let (code, out) = app.cli(&["reply", "creator1", &fan, hand]);
    assert_eq!(code, Some(0), "{out}");
    assert!(out.contains("queued as outbox"), "{out}");
    wait_until("the sandbox receives the CLI's reply by hand", || async {
        app.sent_to(&fan).await.iter().any(|t| t == hand)
    })
    .await;
    let acts: Vec<(String, String)> =
        sqlx::query_as("SELECT actor, action FROM human_actions WHERE action = 'hand_reply'")
            .fetch_all(app.parts.store.reader())
            .await
            .unwrap();
    assert_eq!(acts.len(), 1);
    assert!(acts[0].0.starts_with("cli:"), "{acts:?}");
    let (code, out) = app.cli(&["reply", "creator1", &fan, " "]);
    assert_eq!(code, Some(1), "{out}");
    assert!(out.contains("the message is empty"), "{out}");
    let (code, _) = app.cli(&[
        "reply",
        "creator1",
        "0b9f3c1e-0000-4000-8000-00000000dead",
        "hi",
    ]);
    assert_eq!(code, Some(2));
    assert_eq!(app.count(BY_HAND).await, 1);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_reply_by_hand_drops_the_ais_reply_still_waiting_to_go() {
    let app = spawn_app(args(2, 1), |c| {
        scripted_config(c);
        console_on(c);
        // The AI's reply waits 4 s before it may leave: the human replies meanwhile.
        c.agent.reply_delay_min_ms = 4000;
        c.agent.reply_delay_max_ms = 4000;
        c.agent.reply_delay_per_char_ms = 0;
    })
    .await;
    app.serve(canned());
    let fan = app.fan_of("creator1").await;
    app.fan_says(&fan, "hey there, how are you?").await;
    app.wait_for_count(
        "the AI's reply waiting in the outbox",
        "SELECT count(*) FROM outbox WHERE purpose = 'reply' AND state = 'pending'",
        |n| n == 1,
    )
    .await;
    let c = app.console_user("ann", None).await;
    let hand = "hey you! it's me, not the bot";
    let r = c
        .post(
            &format!("/conversations/creator1/{fan}/reply"),
            &[("text", hand)],
        )
        .await;
    assert_eq!(r.status(), StatusCode::SEE_OTHER);
    app.wait_for_count(
        "the AI's reply dropped at its time",
        "SELECT count(*) FROM outbox WHERE purpose = 'reply' AND state = 'dropped'
         AND last_error LIKE 'a human replied by hand%'",
        |n| n == 1,
    )
    .await;
    assert_eq!(app.sent_to(&fan).await, vec![hand.to_string()]);
    let d = app.decision(&fan, 1).await;
    assert!(
        d.reason.contains("not sent: a human replied by hand"),
        "{}",
        d.reason
    );
}
