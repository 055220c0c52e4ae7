//! The console's foundation over HTTP against the real daemon (in process, the sandbox behind it):
//! logging in and out, sessions that expire and are revoked, CSRF on every form, login attempts
//! limited, placeholder pages behind the login, the `user` command.

mod common;

use common::*;
use reqwest::StatusCode;

/// A daemon with the console on, one creator and one fan, served on the scripted LLM.
async fn console_app() -> TestApp {
    let app = spawn_app(args(2, 1), |c| {
        scripted_config(c);
        console_on(c);
    })
    .await;
    app.serve(canned());
    app
}

fn location(r: &reqwest::Response) -> String {
    r.headers()
        .get("location")
        .map(|l| l.to_str().unwrap().to_string())
        .unwrap_or_default()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_user_logs_in_sees_the_layout_and_logs_out() {
    let app = console_app().await;
    let c = app.console_user("ann", None).await;
    let home = c.html("/").await;
    for nav in [
        "Queue",
        "Conversations",
        "Fans",
        "Creators",
        "Prompts",
        "Stats",
    ] {
        assert!(home.contains(nav), "nav has {nav}: {home}");
    }
    assert!(home.contains("ann"));
    let logout = c.post("/logout", &[]).await;
    assert_eq!(logout.status(), StatusCode::SEE_OTHER);
    assert_eq!(location(&logout), "/login");
    let after = c.get("/").await;
    assert_eq!(after.status(), StatusCode::SEE_OTHER, "logged out");
    assert!(location(&after).starts_with("/login"));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_session_cookie_is_http_only_and_same_site_strict_and_pages_carry_security_headers() {
    let app = console_app().await;
    app.add_user("ann", None, TEST_PASSWORD).await;
    let c = app.console_anonymous();
    let res = c.login("ann", TEST_PASSWORD).await;
    let cookies: Vec<String> = res
        .headers()
        .get_all("set-cookie")
        .iter()
        .map(|v| v.to_str().unwrap().to_string())
        .collect();
    let session = cookies
        .iter()
        .find(|c| c.starts_with("fva_session="))
        .expect("a session cookie");
    assert!(session.contains("HttpOnly"), "{session}");
    assert!(session.contains("SameSite=Strict"), "{session}");
    assert!(!session.contains("Secure"), "plain http here: {session}");
    let page = c.get("/").await;
    let csp = page.headers()["content-security-policy"].to_str().unwrap();
    assert!(csp.contains("script-src 'self'"), "{csp}");
    assert_eq!(page.headers()["x-frame-options"], "DENY");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn every_page_needs_a_session() {
    let app = console_app().await;
    let c = app.console_anonymous();
    for path in [
        "/",
        "/conversations",
        "/fans",
        "/creators",
        "/prompts",
        "/stats",
    ] {
        let r = c.get(path).await;
        assert_eq!(r.status(), StatusCode::SEE_OTHER, "GET {path}");
        assert!(location(&r).starts_with("/login?next="), "GET {path}");
    }
    let r = c.post_raw("/logout", &[("csrf", "x")]).await;
    assert_eq!(r.status(), StatusCode::UNAUTHORIZED);
    let forged = c
        .http
        .get(format!("{}/", app.console_url()))
        .header("cookie", "fva_session=made-up")
        .send()
        .await
        .unwrap();
    assert_eq!(forged.status(), StatusCode::SEE_OTHER, "an unknown token");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_wrong_password_or_unknown_user_is_refused_alike() {
    let app = console_app().await;
    app.add_user("ann", None, TEST_PASSWORD).await;
    let c = app.console_anonymous();
    for (name, pw) in [("ann", "not the password"), ("nobody", TEST_PASSWORD)] {
        let r = c.login(name, pw).await;
        assert_eq!(r.status(), StatusCode::OK, "{name}: the form again");
        assert!(r.text().await.unwrap().contains("Wrong name or password"));
    }
    assert_eq!(c.get("/").await.status(), StatusCode::SEE_OTHER);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn login_attempts_past_the_limit_are_refused_even_with_the_right_password() {
    let app = spawn_app(args(1, 1), |c| {
        scripted_config(c);
        console_on(c);
        c.console.login_attempts_per_minute = 3;
    })
    .await;
    app.serve(canned());
    app.add_user("ann", None, TEST_PASSWORD).await;
    let c = app.console_anonymous();
    for _ in 0..3 {
        assert_eq!(c.login("ann", "guess guess guess").await.status(), 200);
    }
    let r = c.login("ann", TEST_PASSWORD).await;
    assert_eq!(r.status(), StatusCode::TOO_MANY_REQUESTS);
    assert_eq!(
        c.get("/").await.status(),
        StatusCode::SEE_OTHER,
        "not logged in"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_form_without_the_right_csrf_token_changes_nothing() {
    let app = console_app().await;
    let c = app.console_user("ann", None).await;
    for fields in [vec![], vec![("csrf", "wrong")]] {
        let r = c.post_raw("/logout", &fields).await;
        assert_eq!(r.status(), StatusCode::FORBIDDEN, "{fields:?}");
    }
    assert_eq!(c.get("/").await.status(), StatusCode::OK, "still logged in");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_login_form_needs_its_own_token() {
    let app = console_app().await;
    app.add_user("ann", None, TEST_PASSWORD).await;
    let c = app.console_anonymous();
    let r = c
        .post_raw(
            "/login",
            &[
                ("name", "ann"),
                ("password", TEST_PASSWORD),
                ("login_csrf", "forged"),
            ],
        )
        .await;
    assert_eq!(r.status(), StatusCode::OK);
    assert!(r.text().await.unwrap().contains("form expired"));
    assert_eq!(c.get("/").await.status(), StatusCode::SEE_OTHER);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn sessions_expire() {
    let app = console_app().await;
    let c = app.console_user("ann", None).await;
    assert_eq!(c.get("/").await.status(), StatusCode::OK);
    // The session's time runs out (as if its TTL had passed).
    sqlx::query("UPDATE console_sessions SET expires_at = 0")
        .execute(app.parts.store.writer())
        .await
        .unwrap();
    assert_eq!(c.get("/").await.status(), StatusCode::SEE_OTHER);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn passwd_and_remove_end_the_users_sessions() {
    let app = console_app().await;
    let ann = app.console_user("ann", None).await;
    let bob = app.console_user("bob", Some("creator1")).await;
    let (code, out) = app.cli(&["user", "passwd", "ann"]);
    assert_eq!(code, Some(0), "{out}");
    assert!(out.contains("1 session(s) ended"), "{out}");
    assert_eq!(ann.get("/").await.status(), StatusCode::SEE_OTHER);
    assert_eq!(bob.get("/").await.status(), StatusCode::OK, "others stay");
    let (code, out) = app.cli(&["user", "remove", "bob"]);
    assert_eq!(code, Some(0), "{out}");
    assert_eq!(bob.get("/").await.status(), StatusCode::SEE_OTHER);
    let login = app.console_anonymous().login("bob", TEST_PASSWORD).await;
    assert_eq!(login.status(), StatusCode::OK, "bob is gone");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn user_add_checks_its_input_and_never_stores_the_password() {
    let app = spawn_sandbox(args(1, 1), |_| {}).await;
    let (code, out) = app.cli(&["user", "add", "ann", "--role", "operator"]);
    assert_eq!(code, Some(0), "{out}");
    let password = out
        .lines()
        .find_map(|l| l.strip_prefix("password (shown once): "))
        .expect("a generated password")
        .to_string();
    let stored: String = sqlx::query_scalar("SELECT password_hash FROM console_users")
        .fetch_one(app.parts.store.reader())
        .await
        .unwrap();
    assert!(stored.starts_with("$argon2id$") && !stored.contains(&password));
    for (args, why) in [
        (
            vec!["user", "add", "ann", "--role", "operator"],
            "already exists",
        ),
        (
            vec!["user", "add", "x y", "--role", "operator"],
            "not a user name",
        ),
        (
            vec!["user", "add", "c", "--role", "creator"],
            "needs --creator",
        ),
        (
            vec![
                "user",
                "add",
                "c",
                "--role",
                "creator",
                "--creator",
                "nobody",
            ],
            "not a configured creator",
        ),
        (vec!["user", "remove", "ghost"], "no user"),
    ] {
        let (code, out) = app.cli(&args);
        assert_eq!(code, Some(2), "{args:?}: {out}");
        assert!(out.contains(why), "{args:?}: {out}");
    }
    let (code, out) = app.cli(&[
        "user",
        "add",
        "cat",
        "--role",
        "creator",
        "--creator",
        "creator1",
    ]);
    assert_eq!(code, Some(0), "{out}");
    let (_, list) = app.cli(&["user", "list"]);
    assert!(
        list.contains("ann") && list.contains("cat") && list.contains("creator1"),
        "{list}"
    );
    assert!(!list.contains("argon2"), "{list}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn placeholder_pages_answer_behind_the_login_and_unknown_paths_are_404() {
    let app = console_app().await;
    let c = app.console_user("ann", None).await;
    for path in ["/conversations", "/fans", "/creators", "/prompts", "/stats"] {
        assert_eq!(c.get(path).await.status(), StatusCode::OK, "{path}");
    }
    assert_eq!(c.get("/no/such/page").await.status(), StatusCode::NOT_FOUND);
}
