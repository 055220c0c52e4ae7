//! The Fans and Conversations pages over HTTP against the real daemon (in process, the sandbox
//! behind it): switching a fan's AI off from the Fans page skips their next message with that
//! reason (shown on the Conversations page), notes and instructions and facts and the summary are
//! edited and recorded with who did it, a search finds chats by name and words, a creator user
//! gets 404 for another creator's fans, fan-written text renders inert, forms need the CSRF token.

mod common;

use common::*;
use reqwest::StatusCode;

/// A daemon with the console on, two creators and their fans, on the sandbox's scripted LLM.
async fn console_app() -> TestApp {
    let app = spawn_app(args(2, 2), |c| {
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

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn switching_a_fans_ai_off_on_the_fans_page_skips_their_next_message_with_that_reason() {
    let app = console_app().await;
    let fan = app.fan_of("creator1").await;
    app.fan_says(&fan, "hi there <b>bold</b>").await;
    assert_eq!(app.decision(&fan, 1).await.outcome, "replied");
    let c = app.console_user("ann", None).await;
    let page = format!("/fans/creator1/{fan}");
    let html = c.html(&page).await;
    assert!(html.contains("name=\"ai\" value=\"on\" checked"), "{html}");
    // Unchecking AI replies: the browser sends the other two boxes only.
    let res = c
        .post(
            &format!("{page}/switches"),
            &[("offers", "on"), ("followups", "on")],
        )
        .await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    let controls = app
        .parts
        .store
        .fan_controls("creator1", &fan)
        .await
        .unwrap();
    assert!(controls.ai_off && !controls.offers_off);
    assert_eq!(controls.updated_by.as_deref(), Some("console:ann"));
    app.fan_says(&fan, "still there?").await;
    let second = app.decision(&fan, 2).await;
    assert_eq!(second.outcome, "skipped");
    assert!(second
        .reason
        .contains("AI replies are switched off for this fan (by console:ann)"));
    let chat = c.html(&format!("/conversations/creator1/{fan}")).await;
    assert!(
        chat.contains("AI replies are switched off for this fan"),
        "{chat}"
    );
    assert!(
        chat.contains("console:ann · fan_switches: <span class=\"text\">ai off</span>"),
        "{chat}"
    );
    assert!(
        chat.contains("hi there &lt;b&gt;bold&lt;&#x2f;b&gt;")
            || chat.contains("hi there &lt;b&gt;bold&lt;/b&gt;"),
        "{chat}"
    );
    assert!(!chat.contains("<b>bold</b>"), "fan text is escaped");
    assert!(
        chat.contains("answered the fan&#x27;s message")
            || chat.contains("answered the fan's message"),
        "{chat}"
    );
    assert!(chat.contains("Prompt version"), "{chat}");
    app.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn notes_instructions_facts_and_the_summary_are_edited_and_recorded_with_who_did_it() {
    let app = console_app().await;
    let fan = app.fan_of("creator1").await;
    app.fan_says(&fan, "I'm from Denver and I love hiking")
        .await;
    app.decision(&fan, 1).await;
    let c = app.console_user("ann", None).await;
    let page = format!("/fans/creator1/{fan}");
    let words = [
        ("notes", "owes us <script>alert(1)</script>"),
        ("instructions", "Call him Captain."),
    ];
    assert_eq!(
        c.post(&format!("{page}/words"), &words).await.status(),
        StatusCode::SEE_OTHER
    );
    let fix = [("kind", "from"), ("was", "denver"), ("value", "boulder")];
    assert_eq!(
        c.post(&format!("{page}/fact"), &fix).await.status(),
        StatusCode::SEE_OTHER
    );
    let forget = [("kind", "likes"), ("value", "hiking")];
    assert_eq!(
        c.post(&format!("{page}/forget"), &forget).await.status(),
        StatusCode::SEE_OTHER
    );
    let again = c.post(&format!("{page}/forget"), &forget).await;
    assert_eq!(
        again.status(),
        StatusCode::NOT_FOUND,
        "nothing left to forget"
    );
    let bad = [("kind", "shoe"), ("value", "42")];
    let refused = c.post(&format!("{page}/fact"), &bad).await;
    assert_eq!(refused.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let summary = [("summary", "A hiker from Boulder.")];
    assert_eq!(
        c.post(&format!("{page}/summary"), &summary).await.status(),
        StatusCode::SEE_OTHER
    );

    let html = c.html(&page).await;
    assert!(html.contains("owes us &lt;script&gt;"), "{html}");
    assert!(!html.contains("<script>alert"), "notes are escaped");
    assert!(html.contains("Call him Captain."));
    assert!(html.contains("value=\"boulder\""), "{html}");
    assert!(!html.contains("value=\"hiking\""), "{html}");
    assert!(html.contains("A hiker from Boulder.") && html.contains("Written by console:ann"));
    let s = &app.parts.store;
    assert_eq!(
        s.memory("creator1", &fan).await.unwrap(),
        [("from".to_string(), "boulder".to_string())]
    );
    let actions: Vec<(String, String)> = s
        .chat_actions("creator1", &fan)
        .await
        .unwrap()
        .into_iter()
        .map(|a| (a.actor, a.action))
        .collect();
    let names: Vec<&str> = actions.iter().map(|a| a.1.as_str()).collect();
    assert_eq!(
        names,
        ["fan_words", "fan_fact", "fan_forget", "fan_summary"]
    );
    assert!(actions.iter().all(|a| a.0 == "console:ann"));

    let erase = c.post(&format!("{page}/summary"), &[("erase", "1")]).await;
    assert_eq!(erase.status(), StatusCode::SEE_OTHER);
    assert_eq!(s.fan_summary("creator1", &fan).await.unwrap(), None);
    let no_token = c
        .post_raw(
            &format!("{page}/words"),
            &[("notes", "x"), ("instructions", "")],
        )
        .await;
    assert_eq!(no_token.status(), StatusCode::FORBIDDEN);
    assert_eq!(
        s.fan_controls("creator1", &fan).await.unwrap().notes,
        "owes us <script>alert(1)</script>"
    );
    app.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_creator_user_finds_only_their_own_chats_and_gets_404_for_another_creators_fan() {
    let app = console_app().await;
    let mine = app.fan_of("creator1").await;
    let theirs = app.fan_of("creator2").await;
    app.fan_says(&mine, "I play the saxophone").await;
    app.fan_says(&theirs, "I play the saxophone too").await;
    app.decision(&mine, 1).await;
    app.decision(&theirs, 1).await;
    let op = app.console_user("ann", None).await;
    let all = op.html("/conversations?q=saxophone").await;
    assert!(all.contains(&mine) && all.contains(&theirs), "{all}");
    let c = app.console_user("mia", Some("creator1")).await;
    let found = c.html("/conversations?q=saxo").await;
    assert!(found.contains(&mine), "{found}");
    assert!(!found.contains(&theirs), "{found}");
    let fans = c.html("/fans").await;
    assert!(fans.contains(&mine) && !fans.contains(&theirs));
    for path in [
        format!("/fans/creator2/{theirs}"),
        format!("/conversations/creator2/{theirs}"),
        format!("/fans/creator1/{theirs}"),
    ] {
        assert_eq!(c.page(&path).await.0, StatusCode::NOT_FOUND, "{path}");
    }
    let res = c
        .post(&format!("/fans/creator2/{theirs}/switches"), &[])
        .await;
    assert_eq!(res.status(), StatusCode::NOT_FOUND);
    let ctl = app
        .parts
        .store
        .fan_controls("creator2", &theirs)
        .await
        .unwrap();
    assert!(!ctl.ai_off, "nothing changed");
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
    let app = spawn_app(args(2, 2), move |c| {
        scripted_config(c);
        console_on(c);
        c.daemon.prompts_dir = dir;
    })
    .await;
    app.serve(app.parts.llm());
    let c = app.console_user("ann", None).await;
    assert!(c.html("/prompts").await.contains("/prompts/creator1"));
    let broken = "You are {{ creator.display_name }}.\nYou like {{ fan.nope }}.";
    let res = c
        .post(
            "/prompts/creator1",
            &[("file", "persona.md"), ("text", broken)],
        )
        .await;
    assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let body = res.text().await.unwrap();
    assert!(body.contains("Refused, nothing was saved"), "{body}");
    assert!(body.contains("persona.md:2:"), "the line is named: {body}");
    assert!(
        !prompts.path().join("creator1/persona.md").exists(),
        "nothing written"
    );

    let good = "You are {{ creator.display_name }}, sweet to {{ fan.name }}.";
    let res = c
        .post(
            "/prompts/creator1",
            &[("file", "persona.md"), ("text", good)],
        )
        .await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    let written = std::fs::read_to_string(prompts.path().join("creator1/persona.md")).unwrap();
    assert_eq!(written, good);
    let page = c.html("/prompts/creator1").await;
    assert!(
        page.contains("creator1 (sample), sweet to Sam."),
        "previewed: {page}"
    );
    let acts = app
        .parts
        .store
        .recent_actions(Some("creator1"), 5)
        .await
        .unwrap();
    assert_eq!(
        (acts[0].actor.as_str(), acts[0].action.as_str()),
        ("console:ann", "prompt_edit")
    );

    let mia = app.console_user("mia", Some("creator2")).await;
    assert_eq!(mia.page("/prompts/creator1").await.0, StatusCode::NOT_FOUND);
    let res = mia
        .post(
            "/prompts/creator1",
            &[("file", "persona.md"), ("text", "x")],
        )
        .await;
    assert_eq!(res.status(), StatusCode::NOT_FOUND);
    assert_eq!(
        std::fs::read_to_string(prompts.path().join("creator1/persona.md")).unwrap(),
        good
    );
    app.stop().await;
}
