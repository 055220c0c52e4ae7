//! The console's security promises (issue 18 "Security"), each its own test, over HTTP against
//! the real daemon and the sandbox: what a fan wrote (their display name and their messages, with
//! `<script>`, HTML and ANSI terminal escapes) renders inert on every page that shows it and never
//! reaches the live stream raw; no page shows a secret (tokens, the client and webhook secrets, a
//! password hash, another user's session or CSRF token); a session ended elsewhere (logout, `user
//! passwd`) is refused on pages, forms and the live stream.

mod common;

use common::*;
use reqwest::StatusCode;

/// A display name a fan chose: markup, a script, and terminal escapes (colour, window title).
const NAME: &str = "<b>Eve</b><script>alert('name')</script>\u{1b}[31mred\u{1b}]0;title\u{7}";
/// A message a fan wrote, with the same kinds of payload (and a word the search finds).
const MESSAGE: &str =
    "pineapple <img src=x onerror=alert(1)><script>alert('msg')</script> \u{1b}[31mred\u{1b}[0m \u{1b}]0;pwned\u{7}";

/// Two creators with one fan each, the console on, live, replies at once; creator1's fan renamed
/// to [`NAME`] wrote [`MESSAGE`], was answered, then said they are a minor (an escalation on the
/// queue). Returns the app and that fan.
async fn a_fan_who_writes_markup() -> (TestApp, String) {
    let app = spawn_app(args(2, 1), |c| {
        scripted_config(c);
        console_on(c);
        c.agent.reply_delay_min_ms = 0;
        c.agent.reply_delay_max_ms = 0;
    })
    .await;
    app.serve(canned());
    let fan = app.fan_of("creator1").await;
    app.post_ok(
        &format!("/_sandbox/fans/{fan}/profile"),
        serde_json::json!({ "display_name": NAME }),
    )
    .await;
    app.fan_says(&fan, MESSAGE).await;
    app.decision(&fan, 1).await;
    // Escalated: the fan is on the queue, by name.
    app.fan_says(&fan, "i'm 15 and in 9th grade").await;
    assert_eq!(app.decision(&fan, 2).await.outcome, "escalated");
    (app, fan)
}

/// `html` shows none of the fan's payload raw.
fn assert_inert(page: &str, html: &str) {
    for raw in ["<script>alert", "<img src=x", "<b>Eve", "\u{1b}", "\u{7}"] {
        assert!(!html.contains(raw), "{page} shows {raw:?} raw:\n{html}");
    }
}

/// `html` shows the fan's payload as text: escaped markup, terminal escapes made visible.
fn assert_escaped(page: &str, html: &str, what: &[&str]) {
    for shown in what {
        assert!(
            html.contains(shown),
            "{page} does not show {shown:?}:\n{html}"
        );
    }
}

/// The name as the pages show it (escaped), and the message's markup and escapes likewise.
const NAME_SHOWN: &str = "&lt;b&gt;Eve&lt;&#x2f;b&gt;&lt;script&gt;alert(&#x27;name&#x27;)";
const MESSAGE_SHOWN: &str =
    "&lt;img src=x onerror=alert(1)&gt;&lt;script&gt;alert(&#x27;msg&#x27;)";
const ANSI_SHOWN: &str = "\\u{1b}[31mred";

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_fans_markup_and_terminal_escapes_render_inert_on_every_page_that_shows_them() {
    let (app, fan) = a_fan_who_writes_markup().await;
    let c = app.console_user("ann", None).await;
    let pages: [(String, &[&str]); 8] = [
        ("/".into(), &[NAME_SHOWN, ANSI_SHOWN]),
        (
            format!("/conversations/creator1/{fan}"),
            &[NAME_SHOWN, MESSAGE_SHOWN, ANSI_SHOWN],
        ),
        (
            "/conversations?q=pineapple".into(),
            &[NAME_SHOWN, MESSAGE_SHOWN, ANSI_SHOWN],
        ),
        ("/conversations?q=Eve".into(), &[NAME_SHOWN, ANSI_SHOWN]),
        ("/conversations".into(), &[NAME_SHOWN]),
        ("/fans".into(), &[NAME_SHOWN]),
        (format!("/fans/creator1/{fan}"), &[NAME_SHOWN, ANSI_SHOWN]),
        // The stats name no fan: nothing a fan wrote may appear there at all.
        ("/stats".into(), &[]),
    ];
    for (path, shown) in pages {
        let html = c.html(&path).await;
        assert_inert(&path, &html);
        assert_escaped(&path, &html, shown);
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_live_stream_carries_counts_and_never_a_fans_words() {
    let (app, fan) = a_fan_who_writes_markup().await;
    let c = app.console_user("ann", None).await;
    let mut r = c.get("/events").await;
    assert_eq!(r.status(), StatusCode::OK);
    let mut got = String::new();
    while !got.contains("\n\n") {
        let chunk = r.chunk().await.unwrap().expect("an event");
        got.push_str(&String::from_utf8_lossy(&chunk));
    }
    // A change while the stream is open brings a new event: still numbers only.
    app.fan_says(&fan, MESSAGE).await;
    app.decision(&fan, 3).await;
    c.post(&format!("/chats/creator1/{fan}/resume"), &[]).await;
    while got.matches("\n\n").count() < 2 {
        let chunk = r.chunk().await.unwrap().expect("an event");
        got.push_str(&String::from_utf8_lossy(&chunk));
    }
    assert_inert("/events", &got);
    for data in got.lines().filter_map(|l| l.strip_prefix("data:")) {
        let v: serde_json::Value = serde_json::from_str(data.trim()).unwrap();
        let counts = v.as_object().expect("an object of counts");
        assert!(counts.values().all(|n| n.is_u64()), "{data}");
    }
}

/// The value of the `fva_session` cookie a login response sets.
fn session_cookie(r: &reqwest::Response) -> String {
    r.headers()
        .get_all("set-cookie")
        .iter()
        .filter_map(|v| v.to_str().ok())
        .find_map(|c| c.strip_prefix("fva_session="))
        .and_then(|c| c.split(';').next())
        .expect("a session cookie")
        .to_string()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn no_page_shows_a_secret() {
    let (app, fan) = a_fan_who_writes_markup().await;
    let ann = app.console_user("ann", None).await;
    app.add_user("bob", Some("creator1"), TEST_PASSWORD).await;
    let bob = app.console_anonymous();
    let bob_session = session_cookie(&bob.login("bob", TEST_PASSWORD).await);
    let bob_csrf = bob.csrf().await;
    let cfg = &app.parts.cfg;
    let mut secrets: Vec<(String, String)> = vec![
        (
            "client secret".into(),
            cfg.fanvue.client_secret.expose().to_string(),
        ),
        (
            "webhook secret".into(),
            cfg.webhook.secret.expose().to_string(),
        ),
        ("bob's session".into(), bob_session),
        ("bob's CSRF token".into(), bob_csrf),
    ];
    for handle in ["creator1", "creator2"] {
        let t = app.tokens(handle).await;
        secrets.push((
            format!("{handle}'s access token"),
            t.access_token.expose().to_string(),
        ));
        secrets.push((
            format!("{handle}'s refresh token"),
            t.refresh_token.expose().to_string(),
        ));
    }
    let hashes: Vec<String> = sqlx::query_scalar("SELECT password_hash FROM console_users")
        .fetch_all(app.parts.store.reader())
        .await
        .unwrap();
    for h in hashes {
        // The hash's salt and digest, however a page might cut the PHC string.
        let digest = h.rsplit('$').next().unwrap().to_string();
        secrets.push(("a password hash".into(), digest));
    }
    for (what, s) in &secrets {
        assert!(s.len() >= 8, "{what} is too short to look for: {s:?}");
    }
    let pages = [
        "/".to_string(),
        "/conversations".into(),
        format!("/conversations/creator1/{fan}"),
        "/conversations?q=pineapple".into(),
        "/fans".into(),
        format!("/fans/creator1/{fan}"),
        "/creators".into(),
        "/prompts".into(),
        "/prompts/creator1".into(),
        "/stats".into(),
        "/no/such/page".into(),
    ];
    for path in &pages {
        let (_, html) = ann.page(path).await;
        for (what, s) in &secrets {
            assert!(!html.contains(s.as_str()), "{path} shows {what}");
        }
    }
    // Error pages too: a refused form, a forged token.
    let refused = ann
        .post(
            &format!("/conversations/creator1/{fan}/reply"),
            &[("text", " ")],
        )
        .await;
    let forged = ann.post_raw("/logout", &[("csrf", "forged")]).await;
    for r in [refused, forged] {
        let body = r.text().await.unwrap();
        for (what, s) in &secrets {
            assert!(!body.contains(s.as_str()), "an error page shows {what}");
        }
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_session_logged_out_elsewhere_is_refused_on_pages_forms_and_the_live_stream() {
    let (app, fan) = a_fan_who_writes_markup().await;
    app.add_user("ann", None, TEST_PASSWORD).await;
    let laptop = app.console_anonymous();
    let token = session_cookie(&laptop.login("ann", TEST_PASSWORD).await);
    let csrf = laptop.csrf().await;
    let phone = app.console_login("ann", TEST_PASSWORD).await;
    let mut stream = laptop.get("/events").await;
    assert_eq!(stream.status(), StatusCode::OK);
    let _first = stream.chunk().await.unwrap().expect("the first event");

    // The laptop logs out; a copy of its cookie (a stolen one) is worth nothing from then on.
    assert_eq!(
        laptop.post("/logout", &[]).await.status(),
        StatusCode::SEE_OTHER
    );
    let replay = reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .unwrap();
    let cookie = format!("fva_session={token}");
    let page = replay
        .get(format!("{}/fans", app.console_url()))
        .header("cookie", &cookie)
        .send()
        .await
        .unwrap();
    assert_eq!(
        page.status(),
        StatusCode::SEE_OTHER,
        "the page asks for a login"
    );
    let form = replay
        .post(format!(
            "{}/conversations/creator1/{fan}/reply",
            app.console_url()
        ))
        .header("cookie", &cookie)
        .form(&[
            ("csrf", csrf.as_str()),
            ("text", "sent with a dead session"),
        ])
        .send()
        .await
        .unwrap();
    assert_eq!(form.status(), StatusCode::UNAUTHORIZED);
    assert_eq!(
        app.count("SELECT count(*) FROM outbox WHERE purpose = 'by_hand'")
            .await,
        0
    );
    // The open stream ends at its next check (a console action wakes it).
    phone
        .post(&format!("/chats/creator1/{fan}/resume"), &[])
        .await;
    let ended = tokio::time::timeout(std::time::Duration::from_secs(30), async {
        while let Some(_chunk) = stream.chunk().await.ok().flatten() {}
    })
    .await;
    assert!(ended.is_ok(), "the logged-out session's stream ended");
    assert_eq!(
        phone.get("/").await.status(),
        StatusCode::OK,
        "the other session stays"
    );

    // `user passwd` ends every session of the user, the phone's too.
    let phone_csrf = phone.csrf().await;
    let (code, out) = app.cli(&["user", "passwd", "ann"]);
    assert_eq!(code, Some(0), "{out}");
    assert_eq!(phone.get("/").await.status(), StatusCode::SEE_OTHER);
    let r = phone
        .post_raw(
            &format!("/conversations/creator1/{fan}/reply"),
            &[("csrf", phone_csrf.as_str()), ("text", "hi")],
        )
        .await;
    assert_eq!(r.status(), StatusCode::UNAUTHORIZED);
    assert_eq!(
        app.count("SELECT count(*) FROM outbox WHERE purpose = 'by_hand'")
            .await,
        0
    );
}
