//! The console driven through a real browser: headless chromium over WebDriver (chromedriver),
//! against the real daemon served in process with its console on, and the sandbox as Fanvue.
//! Each flow is what a person does: log in, approve or edit a draft and see the fan receive it,
//! reply by hand and see the AI stand back, switch a fan's AI off and see their next message skipped, edit a prompt, open the stats, and
//! be refused another creator's chat. Every page visited is saved as screenshots at desktop and
//! phone width under `target/screenshots/` (see `common/browser.rs`).
//!
//! Needs Debian's `chromium` and `chromium-driver`: skipped with a message when they are missing,
//! failed instead under `FANVUE_REQUIRE_PEERS=1` (scripts/test).

#[path = "common/browser.rs"]
mod browser;
mod common;

use browser::Browser;
use common::*;
use fanvue_agent::domain::Mode;

const AWAITING: &str = "SELECT count(*) FROM drafts WHERE state = 'awaiting'";

/// A daemon with the console on in `mode`, two creators with one fan each, drafting with the
/// sandbox's scripted LLM, replies sent at once.
async fn console_app(mode: Mode) -> TestApp {
    let app = spawn_app(args(2, 1), move |c| {
        scripted_config(c);
        console_on(c);
        c.agent.mode = mode;
        c.agent.reply_delay_min_ms = 0;
        c.agent.reply_delay_max_ms = 0;
        c.agent.reply_delay_per_char_ms = 0;
    })
    .await;
    app.serve(app.parts.llm());
    app
}

/// A browser logged in as the operator `ann` (screenshots prefixed `name`), or `None` when the
/// test is skipped.
async fn operator_browser(app: &TestApp, name: &str) -> Option<Browser> {
    app.add_user("ann", None, TEST_PASSWORD).await;
    let b = Browser::start(&app.console_url(), name).await?;
    b.log_in("ann", TEST_PASSWORD).await;
    b.wait_for_text("h1", "Queue").await;
    Some(b)
}

/// A draft awaiting approval for creator1's fan: the fan, the draft's id and its text.
async fn a_draft_awaiting(app: &TestApp) -> (String, i64, String) {
    let fan = app.fan_of("creator1").await;
    app.fan_says(&fan, "hey there, how are you?").await;
    app.wait_for_count("a draft awaiting approval", AWAITING, |n| n == 1)
        .await;
    let (id, text): (i64, String) = sqlx::query_as(
        "SELECT id, json_extract(plan, '$.text') FROM drafts WHERE state = 'awaiting'",
    )
    .fetch_one(app.parts.store.reader())
    .await
    .unwrap();
    (fan, id, text)
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_person_logs_in_with_the_right_password_and_is_refused_with_a_wrong_one() {
    let app = console_app(Mode::Live).await;
    app.add_user("ann", None, TEST_PASSWORD).await;
    let Some(mut b) = Browser::start(&app.console_url(), "login").await else {
        return;
    };
    b.open("/fans").await;
    b.wait_for_path("/login").await;
    b.shoot("login").await;

    b.log_in("ann", "not the password").await;
    b.wait_for_text("p.error", "Wrong name or password.").await;
    b.shoot("login-refused").await;
    b.open("/").await;
    b.wait_for_path("/login").await;
    assert_eq!(
        app.count("SELECT count(*) FROM console_sessions").await,
        0,
        "no session for a wrong password"
    );

    b.log_in("ann", TEST_PASSWORD).await;
    b.wait_for_text("h1", "Queue").await;
    b.wait_for_text(".who", "ann").await;
    b.shoot("queue").await;
    assert_eq!(app.count("SELECT count(*) FROM console_sessions").await, 1);
    b.close().await;
    app.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn approving_a_draft_in_the_browser_sends_it_to_the_fan() {
    let app = console_app(Mode::Approve).await;
    let (fan, id, text) = a_draft_awaiting(&app).await;
    let Some(mut b) = operator_browser(&app, "approve").await else {
        return;
    };
    let card = format!("#draft-{id}");
    b.wait_for_text(&card, &text).await;
    b.shoot("queue-with-draft").await;
    b.click(&format!("{card} button[name=approve]")).await;
    b.wait_for_text(".flash", &format!("draft {id} approved"))
        .await;
    wait_until("the sandbox receives the approved draft", || async {
        app.sent_to(&fan).await == [text.clone()]
    })
    .await;
    assert!(b.all(&card).await.is_empty(), "the draft left the queue");
    b.shoot("queue-after-approve").await;
    let recorded = app
        .count(
            "SELECT count(*) FROM human_actions WHERE actor = 'console:ann' AND action = 'approve'",
        )
        .await;
    assert_eq!(recorded, 1);
    b.close().await;
    app.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn editing_a_draft_in_the_browser_sends_the_edited_text() {
    let app = console_app(Mode::Approve).await;
    let (fan, id, text) = a_draft_awaiting(&app).await;
    let Some(mut b) = operator_browser(&app, "edit").await else {
        return;
    };
    let card = format!("#draft-{id}");
    let edit = "hi! all good here, and you? tell me about your day";
    assert_ne!(edit, text);
    b.fill(&format!("{card} textarea[name=text]"), edit).await;
    b.shoot("draft-edited").await;
    b.click(&format!("{card} button[name=approve]")).await;
    b.wait_for_text(".flash", &format!("draft {id} edited and sent"))
        .await;
    wait_until("the sandbox receives the edited text", || async {
        app.sent_to(&fan).await == [edit.to_string()]
    })
    .await;
    b.shoot("queue-after-edit").await;
    b.close().await;
    app.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn switching_a_fans_ai_off_on_the_fan_page_skips_their_next_message_with_that_reason() {
    let app = console_app(Mode::Live).await;
    let fan = app.fan_of("creator1").await;
    app.fan_says(&fan, "hi there <b>bold</b>").await;
    assert_eq!(app.decision(&fan, 1).await.outcome, "replied");
    let Some(mut b) = operator_browser(&app, "fan-ai-off").await else {
        return;
    };
    b.open(&format!("/fans/creator1/{fan}")).await;
    let ai = b.find("input[name=ai]").await;
    assert!(ai.is_selected().await.unwrap(), "AI replies start on");
    b.shoot("fan").await;
    ai.click().await.unwrap();
    b.click("button[value=switches]").await;
    b.wait_for_text("main", "last changed by console:ann").await;
    assert!(!b.find("input[name=ai]").await.is_selected().await.unwrap());
    b.shoot("fan-ai-off").await;

    app.fan_says(&fan, "still there?").await;
    let second = app.decision(&fan, 2).await;
    assert_eq!(second.outcome, "skipped");
    assert!(
        second
            .reason
            .contains("AI replies are switched off for this fan (by console:ann)"),
        "{}",
        second.reason
    );
    b.open(&format!("/conversations/creator1/{fan}")).await;
    b.wait_for_text("main", "AI replies are switched off for this fan")
        .await;
    let shown = b.find("main").await.text().await.unwrap();
    assert!(
        shown.contains("hi there <b>bold</b>"),
        "the fan's words shown as written, not as markup: {shown}"
    );
    assert!(b.all("main b").await.is_empty(), "no fan markup rendered");
    b.shoot("conversation").await;
    b.close().await;
    app.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn replying_by_hand_in_the_browser_reaches_the_fan_and_the_ai_stands_back_until_resumed() {
    let app = console_app(Mode::Live).await;
    let fan = app.fan_of("creator1").await;
    app.fan_says(&fan, "hey, are you real?").await;
    assert_eq!(app.decision(&fan, 1).await.outcome, "replied");
    let Some(mut b) = operator_browser(&app, "hand").await else {
        return;
    };
    b.open(&format!("/conversations/creator1/{fan}")).await;
    let hand = "yes it's really me, typing this myself";
    b.fill("#reply-by-hand textarea[name=text]", hand).await;
    b.shoot("conversation-reply-by-hand").await;
    b.click("#reply-by-hand button[type=submit]").await;
    b.wait_for_text(".flash", "your reply is being sent").await;
    b.wait_for_text("#taken-over", "Taken over").await;
    wait_until("the sandbox receives the reply by hand", || async {
        app.sent_to(&fan)
            .await
            .iter()
            .filter(|t| *t == hand)
            .count()
            == 1
    })
    .await;
    b.open(&format!("/conversations/creator1/{fan}")).await;
    b.wait_for_text("main", hand).await;
    b.wait_for_text("main", "console:ann · hand_reply").await;
    b.shoot("conversation-taken-over").await;

    app.fan_says(&fan, "so what now?").await;
    let second = app.decision(&fan, 2).await;
    assert_eq!(second.outcome, "skipped");
    assert!(
        second.reason.contains("took this chat over by hand"),
        "{}",
        second.reason
    );
    b.open(&format!("/conversations/creator1/{fan}")).await;
    b.wait_for_text("main", "took this chat over by hand").await;
    b.click("#taken-over button[type=submit]").await;
    b.wait_for_text(".flash", "the AI answers this chat again")
        .await;
    b.shoot("queue-after-resume").await;
    app.fan_says(&fan, "hello again").await;
    assert_eq!(app.decision(&fan, 3).await.outcome, "replied");
    wait_until("the AI answers again", || async {
        app.sent_to(&fan).await.len() == 3
    })
    .await;
    b.close().await;
    app.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_broken_prompt_is_refused_with_its_line_and_a_good_one_is_saved_and_previewed() {
    let prompts = tempfile::tempdir().unwrap();
    let default = prompts.path().join("default");
    std::fs::create_dir_all(&default).unwrap();
    for f in ["persona.md", "style.md", "offers.md"] {
        std::fs::copy(prompts_dir().join("default").join(f), default.join(f)).unwrap();
    }
    let dir = prompts.path().to_path_buf();
    let app = spawn_app(args(2, 1), move |c| {
        scripted_config(c);
        console_on(c);
        c.daemon.prompts_dir = dir;
    })
    .await;
    app.serve(app.parts.llm());
    let Some(mut b) = operator_browser(&app, "prompt").await else {
        return;
    };
    b.open("/prompts").await;
    b.shoot("prompts").await;
    b.click("a[href='/prompts/creator1']").await;
    b.wait_for_path("/prompts/creator1").await;
    let persona = "form:has(input[name=file][value='persona.md'])";
    b.fill(
        &format!("{persona} textarea[name=text]"),
        "You are {{ creator.display_name }}.\nYou like {{ fan.nope }}.",
    )
    .await;
    b.click(&format!("{persona} button[type=submit]")).await;
    let refused = b
        .wait_for_text("p.error", "Refused, nothing was saved")
        .await;
    assert!(
        refused.contains("persona.md:2:"),
        "the line is named: {refused}"
    );
    assert!(
        !prompts.path().join("creator1/persona.md").exists(),
        "nothing written"
    );
    b.shoot("prompt-refused").await;

    let good = "You are {{ creator.display_name }}, sweet to {{ fan.name }}.";
    b.fill(&format!("{persona} textarea[name=text]"), good)
        .await;
    b.click(&format!("{persona} button[type=submit]")).await;
    b.wait_for_text("[data-preview]", "creator1 (sample), sweet to Sam.")
        .await;
    assert!(b.all("p.error").await.is_empty(), "no refusal shown");
    let written = std::fs::read_to_string(prompts.path().join("creator1/persona.md")).unwrap();
    assert_eq!(written, good);
    b.shoot("prompt-saved").await;
    b.close().await;
    app.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_stats_page_draws_its_charts() {
    let app = console_app(Mode::Live).await;
    let fan = app.fan_of("creator1").await;
    app.fan_says(&fan, "hello, how is your day going?").await;
    assert_eq!(app.decision(&fan, 1).await.outcome, "replied");
    let Some(mut b) = operator_browser(&app, "stats").await else {
        return;
    };
    b.click("nav a[href='/stats']").await;
    b.wait_for_path("/stats").await;
    b.wait_for_text("h1", "Stats").await;
    let charts = b.all("svg.chart").await;
    assert_eq!(charts.len(), 7, "one chart per section");
    let replies = b.all("svg.chart[aria-label='replies per hour'] rect").await;
    assert!(!replies.is_empty(), "the reply shows as a column");
    for chart in charts {
        let size = chart.rect().await.unwrap();
        assert!(size.width > 100.0 && size.height > 10.0, "drawn: {size:?}");
    }
    b.shoot("stats").await;
    b.close().await;
    app.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_creator_user_opening_another_creators_chat_gets_404() {
    let app = console_app(Mode::Live).await;
    let theirs = app.fan_of("creator1").await;
    app.fan_says(&theirs, "my secret plan for tonight").await;
    app.decision(&theirs, 1).await;
    app.add_user("mia", Some("creator2"), TEST_PASSWORD).await;
    let Some(mut b) = Browser::start(&app.console_url(), "denied").await else {
        return;
    };
    b.log_in("mia", TEST_PASSWORD).await;
    b.wait_for_text(".who", "mia · creator2").await;
    for path in [
        format!("/conversations/creator1/{theirs}"),
        format!("/fans/creator1/{theirs}"),
    ] {
        b.open(&path).await;
        b.wait_for_text("h1", "404").await;
        let page = b.driver.source().await.unwrap();
        assert!(!page.contains("secret plan"), "{path}: {page}");
    }
    b.shoot("another-creators-chat").await;
    b.open("/conversations?q=secret").await;
    let found = b.find("main").await.text().await.unwrap();
    assert!(!found.contains("secret plan"), "{found}");
    b.close().await;
    app.stop().await;
}
