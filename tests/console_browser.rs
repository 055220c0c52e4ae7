//! The console driven through a real browser: headless chromium over WebDriver (chromedriver),
//! against the real daemon served in process with its console on, and the sandbox as Fanvue.
//! Each flow is what a person does: log in, approve or edit a draft and see the fan receive it,
//! reply by hand and see the AI stand back, switch a fan's AI off and see their next message
//! skipped, edit a prompt, preview it for a chosen fan, set a creator's mode and pause it on the
//! Creators page, open the stats, and
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
    console_app_with(mode, args(2, 1)).await
}

/// [`console_app`] over the sandbox `sandbox` describes.
async fn console_app_with(mode: Mode, sandbox: SandboxArgs) -> TestApp {
    let app = spawn_app(sandbox, move |c| {
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
async fn an_open_queue_shows_a_new_draft_by_itself_but_not_while_someone_is_typing() {
    let app = console_app_with(Mode::Approve, args(1, 2)).await;
    let Some(mut b) = operator_browser(&app, "live").await else {
        return;
    };
    // The page listens before anything changes, so only a reload by the page itself can show it.
    b.wait_for_text("html[data-live-seen] h1", "Queue").await;
    let (_, id, text) = a_draft_awaiting(&app).await;
    let card = format!("#draft-{id}");
    b.wait_for_text(&card, &text).await;
    b.shoot("queue-live-draft").await;

    // Someone starts editing the draft: the next change must not reload the page under them.
    b.fill(&format!("{card} textarea[name=text]"), "half-written edit")
        .await;
    let theirs = app.fans_of("creator1").await.swap_remove(1);
    app.fan_says(&theirs, "hello? anyone home").await;
    app.wait_for_count("a second draft awaiting approval", AWAITING, |n| n == 2)
        .await;
    b.wait_for_text("[data-live=drafts]", "2").await;
    let kept = b
        .find(&format!("{card} textarea[name=text]"))
        .await
        .prop("value")
        .await
        .unwrap()
        .unwrap_or_default();
    assert_eq!(
        kept, "half-written edit",
        "the typed text survives the change"
    );
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

/// Every row count the prompt preview must leave alone.
async fn footprint(app: &TestApp) -> Vec<i64> {
    let mut out = Vec::new();
    for table in [
        "decisions",
        "outbox",
        "drafts",
        "inbox",
        "messages",
        "fan_facts",
    ] {
        out.push(app.count(&format!("SELECT count(*) FROM {table}")).await);
    }
    out
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn previewing_a_prompt_for_a_chosen_fan_shows_it_rendered_for_them_and_a_draft_and_sends_nothing(
) {
    let app = spawn_app(args(2, 4), |c| {
        scripted_config(c);
        console_on(c);
        c.agent.reply_delay_min_ms = 0;
        c.agent.reply_delay_max_ms = 0;
        c.agent.reply_delay_per_char_ms = 0;
    })
    .await;
    app.serve(app.parts.llm());
    let fans = app.fans_of("creator1").await;
    for fan in &fans {
        app.fan_says(fan, "what are you up to tonight?").await;
        assert_eq!(app.decision(fan, 1).await.outcome, "replied");
    }
    assert!(fans.len() >= 2, "a fan to choose: {fans:?}");
    app.wait_for_stats("every reply reached its fan", |s| {
        s["creator_messages"].as_u64() >= Some(fans.len() as u64)
    })
    .await;
    let chosen = &fans[1];
    let on_disk = std::fs::read_to_string(prompts_dir().join("default/persona.md")).unwrap();
    let Some(mut b) = operator_browser(&app, "prompt-preview").await else {
        return;
    };
    b.open("/prompts/creator1").await;
    let option = format!("#prompt-preview select[name=fan] option[value='{chosen}']");
    // The prompt calls a fan by the first word of their name.
    let first_name = |shown: String| shown.split_whitespace().next().unwrap_or("").to_string();
    let shown = b.find(&option).await.text().await.unwrap();
    let name = first_name(shown.clone());
    let other = format!(
        "#prompt-preview select[name=fan] option[value='{}']",
        fans[0]
    );
    let other = first_name(b.find(&other).await.text().await.unwrap());
    assert!(
        !name.is_empty() && name != other,
        "fans told apart by name: {name:?}, {other:?}"
    );
    b.click(&option).await;
    let persona = "textarea[data-file='persona.md']";
    let saved = b.find(persona).await.value().await.unwrap().unwrap();
    b.fill(
        persona,
        &format!("{saved}\nUNSAVED-EDIT: talking to {{{{ fan.name }}}} right now."),
    )
    .await;
    let ledger = app.stats().await;
    let before = footprint(&app).await;
    b.click("#prompt-preview button#preview").await;
    let prompt = b.wait_for_text("#preview-prompt", "UNSAVED-EDIT").await;
    assert!(
        prompt.contains(&format!("UNSAVED-EDIT: talking to {name} right now.")),
        "the prompt names the chosen fan ({shown:?}): {prompt}"
    );
    assert!(
        !prompt.contains(&format!("named {other}")),
        "not the other fan: {prompt}"
    );
    let draft = b.find("#preview-draft").await.text().await.unwrap();
    assert!(
        !draft.trim().is_empty() && draft != "(no draft)",
        "a drafted reply: {draft:?}"
    );
    b.wait_for_text("#preview-offer", "Offer rules: ").await;
    b.shoot("prompt-preview").await;
    // Nothing sent, queued, recorded or saved.
    assert_eq!(footprint(&app).await, before);
    assert_eq!(
        app.stats().await["creator_messages"],
        ledger["creator_messages"]
    );
    for fan in &fans {
        assert_eq!(app.sent_to(fan).await.len(), 1, "only the real reply");
    }
    assert_eq!(
        std::fs::read_to_string(prompts_dir().join("default/persona.md")).unwrap(),
        on_disk,
        "the file is untouched"
    );
    b.close().await;
    app.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn setting_a_creators_mode_and_pausing_it_on_the_creators_page_holds_over_a_reload() {
    let app = console_app(Mode::Live).await;
    let Some(mut b) = operator_browser(&app, "creators").await else {
        return;
    };
    b.click("nav a[href='/creators']").await;
    b.wait_for_path("/creators").await;
    let row = "tr[data-creator='creator1']";
    b.find(&format!("{row} td[data-mode='live']")).await;
    b.shoot("creators").await;

    b.click("#mode-creator1 select[name=mode] option[value='approve']")
        .await;
    b.click("#mode-creator1 button[type=submit]").await;
    b.wait_for_text(".flash", "creator1: mode approve").await;
    b.click("#pause-creator1 button[type=submit]").await;
    b.accept_confirm("Pause creator1?").await;
    b.wait_for_text(".flash", "creator1 paused").await;
    b.open("/creators").await;
    b.wait_for_text(&format!("{row} td[data-mode='approve']"), "by console:ann")
        .await;
    b.wait_for_text(&format!("{row} td[data-status]"), "paused")
        .await;
    b.find("tr[data-creator='creator2'] td[data-mode='live']")
        .await;
    assert_eq!(app.parts.live.get().creator_mode("creator1"), Mode::Approve);
    b.shoot("creators-approve-paused").await;

    b.click("#pause-creator1 button[type=submit]").await;
    b.wait_for_text(".flash", "creator1 resumed").await;
    b.open("/creators").await;
    let answers = b.find(&format!("{row} td[data-status]")).await;
    assert!(
        !answers.text().await.unwrap().contains("paused"),
        "resumed after a reload"
    );
    b.shoot("creators-resumed").await;
    let recorded = app
        .count(
            "SELECT count(*) FROM human_actions WHERE actor = 'console:ann' \
             AND action IN ('creator_mode', 'creator_pause', 'creator_resume')",
        )
        .await;
    assert_eq!(recorded, 3);
    // In approve mode the next reply waits in the queue instead of reaching the fan.
    let fan = app.fan_of("creator1").await;
    app.fan_says(&fan, "are you there?").await;
    app.wait_for_count("a draft awaiting approval", AWAITING, |n| n == 1)
        .await;
    assert!(app.sent_to(&fan).await.is_empty(), "nothing sent");
    b.close().await;
    app.stop().await;
}
