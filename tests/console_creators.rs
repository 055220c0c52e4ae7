//! The Creators page and the prompt preview over HTTP against the real daemon (in process, the
//! sandbox behind it as Fanvue and as the scripted LLM): connection status without tokens, a
//! reconnect through the sandbox's authorize endpoint that lands back on the page, the mode (and
//! where it comes from) kept over a reload and a restart, pause/resume, the rate budget, every
//! action recorded with who did it, a creator user denied another creator; the preview drafts in
//! shadow with the editor's unsaved text and sends, queues and saves nothing.

mod common;

use common::*;
use fanvue_agent::{domain::Mode, store::CreatorStatus};
use reqwest::StatusCode;

/// A daemon with the console on, two creators with one fan each, on the sandbox's scripted LLM.
async fn console_app() -> TestApp {
    let app = spawn_app(args(2, 1), |c| {
        scripted_config(c);
        console_on(c);
        c.agent.reply_delay_min_ms = 0;
        c.agent.reply_delay_max_ms = 0;
        c.agent.reply_delay_per_char_ms = 0;
    })
    .await;
    app.serve(app.parts.llm());
    app
}

/// The `<tr data-creator="handle">` row of the page.
fn creator_row<'a>(html: &'a str, handle: &str) -> &'a str {
    let start = html
        .find(&format!("<tr data-creator=\"{handle}\""))
        .unwrap_or_else(|| panic!("no row for {handle}: {html}"));
    let rest = &html[start..];
    &rest[..rest.find("</tr>").unwrap()]
}

/// The newest human action, as `(actor, action, creator, detail)`.
async fn last_action(app: &TestApp) -> (String, String, Option<String>, String) {
    sqlx::query_as(
        "SELECT actor, action, creator_handle, detail FROM human_actions ORDER BY id DESC LIMIT 1",
    )
    .fetch_one(app.parts.store.reader())
    .await
    .unwrap()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_creators_page_shows_connection_scopes_mode_and_budget_and_never_a_token() {
    let app = console_app().await;
    // A reply spends rate budget: the page counts it.
    let fan = app.fan_of("creator1").await;
    app.fan_says(&fan, "hi").await;
    assert_eq!(app.decision(&fan, 1).await.outcome, "replied");
    let c = app.console_user("ann", None).await;
    let html = c.html("/creators").await;
    assert!(html.contains("<table id=\"creators\">"), "{html}");
    for handle in ["creator1", "creator2"] {
        let row = creator_row(&html, handle);
        assert!(row.contains("data-connection=\"connected\""), "{row}");
        assert!(row.contains("token expires"), "{row}");
        assert!(row.contains("scopes: "), "{row}");
        assert!(row.contains(&format!("id=\"mode-{handle}\"")), "{row}");
        assert!(row.contains(&format!("id=\"pause-{handle}\"")), "{row}");
        assert!(row.contains(&format!("id=\"connect-{handle}\"")), "{row}");
        assert!(row.contains("data-mode=\"live\""), "{row}");
        assert!(row.contains("config file: agent.mode"), "{row}");
        let limit = app.parts.cfg.creator_rate_limit(handle);
        assert!(row.contains(&format!("configured {limit}/min")), "{row}");
    }
    let used: u32 = creator_row(&html, "creator1")
        .split("data-budget-used=\"")
        .nth(1)
        .and_then(|s| s.split('"').next())
        .unwrap()
        .parse()
        .unwrap();
    assert!(used >= 1, "the reply's calls are counted as used");
    for handle in ["creator1", "creator2"] {
        let t = app.tokens(handle).await;
        assert!(!html.contains(t.access_token.expose()), "no access token");
        assert!(!html.contains(t.refresh_token.expose()), "no refresh token");
    }
    app.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_mode_set_in_the_console_drafts_the_next_reply_in_shadow_and_survives_a_reload_and_a_restart(
) {
    let app = console_app().await;
    let c = app.console_user("ann", None).await;
    let res = c
        .post("/creators/creator1/mode", &[("mode", "shadow")])
        .await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    assert_eq!(
        last_action(&app).await,
        (
            "console:ann".into(),
            "creator_mode".into(),
            Some("creator1".into()),
            "mode shadow".into()
        )
    );
    let row = creator_row(&c.html("/creators").await, "creator1").to_string();
    assert!(row.contains("data-mode=\"shadow\""), "{row}");
    assert!(row.contains("chosen in the console"), "{row}");
    assert!(row.contains("by console:ann"), "{row}");
    // The next reply is drafted, not sent.
    let fan = app.fan_of("creator1").await;
    app.fan_says(&fan, "are you there?").await;
    let d = app.decision(&fan, 1).await;
    assert!(
        d.reason.contains("shadow mode: drafted, not sent"),
        "{}",
        d.reason
    );
    assert!(app.sent_to(&fan).await.is_empty(), "nothing sent in shadow");
    // A reload (the file says live) keeps the console's choice.
    app.parts.live.set(app.parts.live.file());
    assert_eq!(app.parts.live.get().creator_mode("creator1"), Mode::Shadow);
    assert_eq!(app.parts.live.get().creator_mode("creator2"), Mode::Live);
    // A restart reads it from the store.
    let restarted = fanvue_agent::app::Parts::build((*app.parts.cfg).clone())
        .await
        .unwrap();
    assert_eq!(restarted.live.get().creator_mode("creator1"), Mode::Shadow);
    // "As configured" hands the mode back to the file.
    let res = c
        .post("/creators/creator1/mode", &[("mode", "config")])
        .await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    assert_eq!(app.parts.live.get().creator_mode("creator1"), Mode::Live);
    let row = creator_row(&c.html("/creators").await, "creator1").to_string();
    assert!(row.contains("config file: agent.mode"), "{row}");
    // A mode that does not exist is refused and changes nothing.
    let res = c.post("/creators/creator1/mode", &[("mode", "loud")]).await;
    assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(app.parts.live.get().creator_mode("creator1"), Mode::Live);
    app.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn pausing_a_creator_holds_their_fans_messages_until_resume_and_records_who_did_it() {
    let app = console_app().await;
    let c = app.console_user("ann", None).await;
    let res = c.post("/creators/creator1/pause", &[("to", "pause")]).await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    assert_eq!(
        app.creator_row("creator1").await.status,
        CreatorStatus::Paused
    );
    let (actor, action, ..) = last_action(&app).await;
    assert_eq!(
        (actor.as_str(), action.as_str()),
        ("console:ann", "creator_pause")
    );
    let row = creator_row(&c.html("/creators").await, "creator1").to_string();
    assert!(row.contains("<strong>paused</strong>"), "{row}");
    assert!(row.contains("value=\"resume\""), "{row}");
    // Pausing twice is refused: nothing changes, nothing is recorded.
    let actions = app.count("SELECT count(*) FROM human_actions").await;
    let again = c.post("/creators/creator1/pause", &[("to", "pause")]).await;
    assert_eq!(again.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(
        app.count("SELECT count(*) FROM human_actions").await,
        actions
    );
    let fan = app.fan_of("creator1").await;
    app.fan_says(&fan, "hello?").await;
    app.wait_for_count(
        "the fan's message is kept",
        "SELECT count(*) FROM inbox WHERE kind = 'message_received'",
        |n| n >= 1,
    )
    .await;
    assert!(app.sent_to(&fan).await.is_empty(), "no reply while paused");
    let res = c
        .post("/creators/creator1/pause", &[("to", "resume")])
        .await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    assert_eq!(app.decision(&fan, 1).await.outcome, "replied");
    let (_, action, ..) = last_action(&app).await;
    assert_eq!(action, "creator_resume");
    app.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn reconnect_runs_the_oauth_flow_through_the_sandbox_and_lands_back_on_the_creators_page() {
    let app = spawn_unconnected_app(args(1, 1), |c| {
        scripted_config(c);
        console_on(c);
    })
    .await;
    app.serve(app.parts.llm());
    let c = app.console_user("ann", None).await;
    let before = creator_row(&c.html("/creators").await, "creator1").to_string();
    assert!(
        before.contains("data-connection=\"never connected\""),
        "{before}"
    );
    assert!(before.contains(">Connect<"), "{before}");
    // The button: the daemon starts the flow and sends the browser to Fanvue's authorize page.
    let res = c.post("/creators/creator1/connect", &[]).await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    let authorize = res.headers()["location"].to_str().unwrap().to_string();
    assert!(authorize.contains("/oauth2/auth?"), "{authorize}");
    assert!(authorize.contains("code_challenge="), "{authorize}");
    let (actor, action, ..) = last_action(&app).await;
    assert_eq!(
        (actor.as_str(), action.as_str()),
        ("console:ann", "creator_connect")
    );
    // The sandbox's authorize page approves and sends the browser to the daemon's callback.
    let browser = &c.http;
    let res = browser
        .get(format!("{authorize}&sandbox_auto_approve=creator1"))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    let callback = res.headers()["location"].to_str().unwrap().to_string();
    assert!(
        callback.starts_with(&format!("{}/oauth/callback?", app.url)),
        "{callback}"
    );
    // The callback connects and sends the browser back to the Creators page.
    let res = browser.get(&callback).send().await.unwrap();
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    let back = res.headers()["location"].to_str().unwrap().to_string();
    assert!(
        back.starts_with(&format!("{}/creators?connect=", app.console_url())),
        "{back}"
    );
    assert_eq!(
        app.creator_row("creator1").await.status,
        CreatorStatus::Active
    );
    let page = browser
        .get(&back)
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(page.contains("creator1 is connected."), "{page}");
    let row = creator_row(&page, "creator1");
    assert!(row.contains("data-connection=\"connected\""), "{row}");
    assert!(row.contains(">Reconnect<"), "{row}");
    // A replayed callback changes nothing: the browser lands on the same outcome.
    let replay = browser.get(&callback).send().await.unwrap();
    let again = replay.headers()["location"].to_str().unwrap().to_string();
    let page = c.html(again.trim_start_matches(&app.console_url())).await;
    assert!(
        page.contains("creator1 is connected."),
        "the first outcome stays: {page}"
    );
    app.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_creator_user_sees_only_their_row_and_gets_404_acting_on_another_creator() {
    let app = console_app().await;
    let mia = app.console_user("mia", Some("creator1")).await;
    let html = mia.html("/creators").await;
    assert!(html.contains("data-creator=\"creator1\""), "{html}");
    assert!(!html.contains("data-creator=\"creator2\""), "{html}");
    let actions = app.count("SELECT count(*) FROM human_actions").await;
    for (path, field) in [
        ("/creators/creator2/mode", ("mode", "shadow")),
        ("/creators/creator2/pause", ("to", "pause")),
        ("/creators/creator2/connect", ("x", "")),
    ] {
        let res = mia.post(path, &[field]).await;
        assert_eq!(res.status(), StatusCode::NOT_FOUND, "{path}");
    }
    assert_eq!(
        app.count("SELECT count(*) FROM human_actions").await,
        actions
    );
    assert_eq!(app.parts.live.get().creator_mode("creator2"), Mode::Live);
    assert_eq!(
        app.creator_row("creator2").await.status,
        CreatorStatus::Active
    );
    assert_eq!(
        app.count("SELECT count(*) FROM oauth_pending WHERE creator_handle = 'creator2' AND return_to IS NOT NULL")
            .await,
        0
    );
    // Their own creator: allowed.
    let res = mia
        .post("/creators/creator1/mode", &[("mode", "approve")])
        .await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    assert_eq!(app.parts.live.get().creator_mode("creator1"), Mode::Approve);
    // Without the CSRF token nothing changes.
    let forged = mia
        .post_raw("/creators/creator1/mode", &[("mode", "live")])
        .await;
    assert_eq!(forged.status(), StatusCode::FORBIDDEN);
    assert_eq!(app.parts.live.get().creator_mode("creator1"), Mode::Approve);
    app.stop().await;
}

/// Every row count the preview must leave alone.
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
async fn the_prompt_preview_drafts_for_the_chosen_fan_with_the_unsaved_text_and_sends_nothing() {
    let prompts = tempfile::tempdir().unwrap();
    let default = prompts.path().join("default");
    std::fs::create_dir_all(&default).unwrap();
    for f in ["persona.md", "style.md", "offers.md"] {
        let from = prompts_dir().join("default").join(f);
        if from.exists() {
            std::fs::copy(from, default.join(f)).unwrap();
        }
    }
    let dir = prompts.path().to_path_buf();
    let app = spawn_app(args(2, 2), |c| {
        scripted_config(c);
        console_on(c);
        c.daemon.prompts_dir = dir;
        c.agent.reply_delay_min_ms = 0;
        c.agent.reply_delay_max_ms = 0;
        c.agent.reply_delay_per_char_ms = 0;
    })
    .await;
    app.serve(app.parts.llm());
    let fan = app.fan_of("creator1").await;
    app.fan_says(&fan, "what are you up to tonight?").await;
    assert_eq!(app.decision(&fan, 1).await.outcome, "replied");
    app.wait_for_stats("the reply reached the fan", |s| {
        s["creator_messages"].as_u64() >= Some(1)
    })
    .await;
    let c = app.console_user("ann", None).await;
    let page = c.html("/prompts/creator1").await;
    assert!(
        page.contains(
            "<form method=\"post\" action=\"/prompts/creator1/preview\" id=\"prompt-preview\""
        ),
        "{page}"
    );
    assert!(
        page.contains(&format!("<option value=\"{fan}\"")),
        "the fan is offered: {page}"
    );
    assert!(page.contains("id=\"preview\""), "{page}");
    let saved = std::fs::read_to_string(default.join("persona.md")).unwrap();
    let edited = format!("{saved}\nUNSAVED-EDIT: talking to {{{{ fan.name }}}} right now.\n");
    let ledger = app.stats().await;
    let before = footprint(&app).await;
    let res = c
        .post(
            "/prompts/creator1/preview",
            &[("fan", fan.as_str()), ("text:persona.md", edited.as_str())],
        )
        .await;
    assert_eq!(res.status(), StatusCode::OK);
    let html = res.text().await.unwrap();
    let prompt = section(&html, "id=\"preview-prompt\"");
    assert!(
        prompt.contains("UNSAVED-EDIT: talking to"),
        "{}",
        &html[html.find("preview-result").unwrap_or(0)..]
    );
    assert!(!prompt.contains("{{ fan.name }}"), "rendered: {prompt}");
    let draft = section(&html, "id=\"preview-draft\"");
    assert!(
        !draft.trim().is_empty() && !draft.contains("(no draft)"),
        "{html}"
    );
    assert!(
        html.contains("id=\"preview-offer\">Offer rules: "),
        "{html}"
    );
    assert!(html.contains("id=\"preview-guardrails\""), "{html}");
    // The editor keeps the unsaved text; the file on disk is untouched.
    assert!(html.contains("UNSAVED-EDIT"), "{html}");
    assert_eq!(
        std::fs::read_to_string(default.join("persona.md")).unwrap(),
        saved
    );
    assert!(!prompts.path().join("creator1").exists(), "nothing written");
    // Nothing sent, queued or changed.
    assert_eq!(footprint(&app).await, before);
    let after = app.stats().await;
    assert_eq!(after["creator_messages"], ledger["creator_messages"]);
    assert_eq!(app.sent_to(&fan).await.len(), 1, "only the real reply");
    // A broken template is refused with its line, and nothing is drafted.
    let broken = "You are {{ creator.display_name }}.\nYou like {{ fan.nope }}.";
    let res = c
        .post(
            "/prompts/creator1/preview",
            &[("fan", fan.as_str()), ("text:persona.md", broken)],
        )
        .await;
    assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let html = res.text().await.unwrap();
    assert!(html.contains("Refused, nothing was previewed"), "{html}");
    assert!(html.contains("persona.md:2:"), "the line is named: {html}");
    assert!(!html.contains("id=\"preview-draft\""), "{html}");
    // Another creator's fan (known to the store) is not creator1's to preview.
    let other = app.fan_of("creator2").await;
    app.fan_says(&other, "hey").await;
    app.decision(&other, 1).await;
    let res = c
        .post("/prompts/creator1/preview", &[("fan", other.as_str())])
        .await;
    assert_eq!(res.status(), StatusCode::NOT_FOUND);
    app.stop().await;
}

/// The text of the element opened by `marker` (up to its closing tag).
fn section<'a>(html: &'a str, marker: &str) -> &'a str {
    let at = html
        .find(marker)
        .unwrap_or_else(|| panic!("no {marker}: {html}"));
    let rest = &html[at..];
    let open = rest.find('>').unwrap() + 1;
    let close = rest[open..].find("</").unwrap();
    &rest[open..open + close]
}
