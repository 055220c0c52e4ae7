//! Running it as a service, in process against the sandbox: modes (shadow never sends; approve
//! waits for a human; a new fan message drops the draft), `/readyz` turning unready, and the
//! monitoring endpoints on their own address.

mod common;

use common::*;
use fanvue_agent::{
    config::{Config, Secret},
    domain::Mode,
};
use std::{
    sync::Arc,
    time::{Duration, Instant},
};

fn quick(c: &mut Config) {
    c.agent.debounce_ms = 200;
    c.agent.debounce_cap_ms = 600;
    c.agent.mark_read_after_reply = false;
    c.followup.enabled = false;
}

/// The id of the one draft awaiting approval (through the scalar query helper).
const AWAITING_ID: &str = "SELECT id FROM drafts WHERE state = 'awaiting'";

async fn wait_sql(env: &Env, what: &str, sql: &str, want: i64) {
    let start = Instant::now();
    loop {
        let n = count(env, sql).await;
        if n == want {
            return;
        }
        if start.elapsed() > Duration::from_secs(30) {
            let log: Vec<(String, String)> =
                sqlx::query_as("SELECT outcome, reason FROM decisions ORDER BY id")
                    .fetch_all(env.parts.store.reader())
                    .await
                    .unwrap();
            panic!("timed out waiting for {what}: {sql} = {n}, want {want}; decisions: {log:?}");
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn shadow_mode_drafts_and_logs_but_never_sends() {
    let mut d = daemon_env(args(1, 2), |c| {
        quick(c);
        c.agent.mode = Mode::Shadow;
    })
    .await;
    connect(&d.env, "creator1").await;
    let run = serve(
        &d.env,
        d.listener.take().unwrap(),
        Arc::new(Canned::default()),
    );
    let fan = fans_of(&d.env, "creator1").await[0].clone();
    fan_says(&d.env, &fan, "hi there!").await;
    wait_sql(
        &d.env,
        "a shadow draft",
        "SELECT count(*) FROM drafts WHERE state = 'shadow'",
        1,
    )
    .await;
    settle(&d.env).await;
    tokio::time::sleep(Duration::from_millis(500)).await;
    assert_eq!(count(&d.env, "SELECT count(*) FROM outbox").await, 0);
    let st = stats(&d.env).await;
    assert_eq!(st["creator_messages"], 0, "nothing reached Fanvue: {st}");
    assert_eq!(
        st["api_calls"]["POST /chats/{fan}/message"]
            .as_u64()
            .unwrap_or(0),
        0,
        "send was never called: {st}"
    );
    let (code, out) = cli(&d.env, &["decisions", "--creator", "creator1"]);
    assert_eq!(code, Some(0), "{out}");
    assert!(out.contains("shadow mode: drafted, not sent"), "{out}");
    assert!(out.contains("so nice to hear from you"), "{out}");
    assert!(out.contains("[draft 1: shadow]"), "{out}");
    let (code, out) = cli(&d.env, &["approve", "1"]);
    assert_eq!(code, Some(1), "a shadow draft cannot be approved: {out}");
    assert!(out.contains("is shadow"), "{out}");
    stop(run).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn approve_mode_waits_for_a_human_and_a_new_fan_message_drops_the_draft() {
    let mut d = daemon_env(args(1, 2), |c| {
        quick(c);
        c.creators.get_mut("creator1").unwrap().mode = Some(Mode::Approve);
    })
    .await;
    connect(&d.env, "creator1").await;
    let run = serve(
        &d.env,
        d.listener.take().unwrap(),
        Arc::new(Canned::default()),
    );
    let env = &d.env;
    let fan = fans_of(env, "creator1").await[0].clone();
    let awaiting = "SELECT count(*) FROM drafts WHERE state = 'awaiting'";

    // A draft waits; nothing is sent while it does.
    fan_says(env, &fan, "hey you").await;
    wait_sql(env, "a draft awaiting approval", awaiting, 1).await;
    tokio::time::sleep(Duration::from_millis(1500)).await;
    assert_eq!(stats(env).await["creator_messages"], 0);
    let (code, out) = cli(env, &["drafts"]);
    assert_eq!(code, Some(0), "{out}");
    assert!(
        out.contains("awaiting") && out.contains("so nice to hear"),
        "{out}"
    );

    // Approved: sent once; a second approval is refused.
    let (code, out) = cli(env, &["approve", "1"]);
    assert_eq!(code, Some(0), "{out}");
    wait_for(env, "the approved reply", |s| s["creator_messages"] == 1).await;
    let (code, out) = cli(env, &["approve", "1"]);
    assert_eq!(code, Some(1), "{out}");
    assert!(out.contains("draft 1 is approved"), "{out}");
    assert_eq!(
        count(
            env,
            "SELECT count(*) FROM decisions WHERE outbox_id IS NOT NULL AND e2e_ms IS NOT NULL"
        )
        .await,
        1,
        "the decision points at what was sent"
    );

    // The fan writes, a draft waits, the fan writes again: that draft is dropped, a new one waits.
    fan_says(env, &fan, "what are you up to today?").await;
    wait_sql(env, "the second draft", awaiting, 1).await;
    let second = count(env, AWAITING_ID).await;
    fan_says(env, &fan, "hello??").await;
    wait_sql(
        env,
        "the second draft dropped",
        "SELECT count(*) FROM drafts WHERE state = 'dropped'",
        1,
    )
    .await;
    let (code, out) = cli(env, &["approve", &second.to_string()]);
    assert_eq!(code, Some(1), "{out}");
    assert!(
        out.contains("dropped") && out.contains("the fan wrote again"),
        "{out}"
    );
    wait_sql(env, "the third draft", awaiting, 1).await;
    let third = count(env, AWAITING_ID).await;
    let (code, out) = cli(
        env,
        &["reject", &third.to_string(), "--note", "too generic"],
    );
    assert_eq!(code, Some(0), "{out}");
    let (code, out) = cli(env, &["drafts", "--all"]);
    assert_eq!(code, Some(0), "{out}");
    assert!(
        out.contains("rejected") && out.contains("too generic"),
        "{out}"
    );
    let (code, out) = cli(env, &["approve", "999"]);
    assert_eq!(code, Some(2), "an unknown draft: {out}");
    tokio::time::sleep(Duration::from_millis(1500)).await;
    let st = stats(env).await;
    assert_eq!(
        st["creator_messages"], 1,
        "only the approved draft was sent: {st}"
    );
    assert_eq!(st["duplicate_replies"], 0, "{st}");
    stop(run).await;
}

/// What the creator's side of the sandbox chat with `fan` says (what reached the fan).
async fn sent_to(env: &Env, fan: &str) -> Vec<String> {
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
async fn an_edited_draft_is_sent_as_edited_and_an_edit_the_guardrails_block_is_refused() {
    let mut d = daemon_env(args(1, 1), |c| {
        quick(c);
        c.creators.get_mut("creator1").unwrap().mode = Some(Mode::Approve);
    })
    .await;
    connect(&d.env, "creator1").await;
    let run = serve(
        &d.env,
        d.listener.take().unwrap(),
        Arc::new(Canned::default()),
    );
    let env = &d.env;
    let fan = fans_of(env, "creator1").await[0].clone();
    fan_says(env, &fan, "hey you, how was your weekend?").await;
    wait_sql(
        env,
        "a draft awaiting approval",
        "SELECT count(*) FROM drafts WHERE state = 'awaiting'",
        1,
    )
    .await;
    let id = count(env, AWAITING_ID).await.to_string();

    // An edit that invites the fan off the platform: refused, naming the rule; nothing sent.
    let (code, out) = cli(
        env,
        &["approve", &id, "--text", "add me on snap: anna99 😘"],
    );
    assert_eq!(code, Some(1), "{out}");
    assert!(
        out.contains("refused by the draft guardrails: off_platform")
            && out.contains("nothing was sent"),
        "{out}"
    );
    assert_eq!(count(env, "SELECT count(*) FROM outbox").await, 0);
    assert_eq!(
        count(env, "SELECT count(*) FROM drafts WHERE state = 'awaiting'").await,
        1,
        "it still waits"
    );

    // A good edit: the sandbox receives exactly it, once.
    let edit = "hey! so glad you wrote, my weekend was lovely. yours?";
    let (code, out) = cli(env, &["approve", &id, "--text", edit]);
    assert_eq!(code, Some(0), "{out}");
    assert!(out.contains("with your edit"), "{out}");
    wait_for(env, "the edited reply", |s| s["creator_messages"] == 1).await;
    assert_eq!(sent_to(env, &fan).await, [edit]);

    // The log keeps what the agent drafted and says a human edited it.
    let (_, log) = cli(env, &["decisions"]);
    assert!(log.contains(&format!("reply: {edit}")), "{log}");
    assert!(
        log.contains(
            "draft: so nice to hear from you, how is your day going? (edited before sending)"
        ),
        "{log}"
    );
    assert!(log.contains("edited by a human (cli:"), "{log}");
    let (_, drafts) = cli(env, &["drafts", "--all"]);
    assert!(
        drafts.contains("so nice to hear from you") && drafts.contains(&format!("sent:  {edit}")),
        "{drafts}"
    );
    stop(run).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_expired_draft_is_never_sent_and_its_decision_says_so() {
    let mut d = daemon_env(args(2, 2), |c| {
        quick(c);
        c.agent.mode = Mode::Approve;
        // creator1's drafts expire in the daemon after 2 s; creator2's never there (0), but
        // `approve` enforces its own configured limit.
        c.agent.draft_ttl_secs = 0;
        c.creators.get_mut("creator1").unwrap().draft_ttl_secs = Some(2);
    })
    .await;
    let env = &d.env;
    std::fs::write(
        env.dir.path().join("cli.toml"),
        format!(
            "[daemon]\ndatabase = {:?}\n[security]\ntoken_key = {:?}\n[agent]\ndraft_ttl_secs = 3600\n\
             [creators.creator1]\ndraft_ttl_secs = 2\n[creators.creator2]\n",
            env.parts.cfg.daemon.database.display().to_string(),
            env.parts.cfg.security.token_key.expose()
        ),
    )
    .unwrap();
    connect(env, "creator1").await;
    connect(env, "creator2").await;
    let run = serve(env, d.listener.take().unwrap(), Arc::new(Canned::default()));
    let (fan1, fan2) = (
        fans_of(env, "creator1").await[0].clone(),
        fans_of(env, "creator2").await[0].clone(),
    );
    fan_says(env, &fan1, "hey you").await;
    fan_says(env, &fan2, "hi there").await;

    // The daemon's sweep expires creator1's draft.
    let expired = "SELECT count(*) FROM drafts WHERE state = 'dropped' AND note = 'draft expired after 2 s, not sent'";
    wait_sql(env, "the swept draft", expired, 1).await;
    let swept = count(
        env,
        "SELECT id FROM drafts WHERE creator_handle = 'creator1'",
    )
    .await;
    let (code, out) = cli(env, &["approve", &swept.to_string()]);
    assert_eq!(code, Some(1), "{out}");
    assert!(
        out.contains("is dropped (draft expired after 2 s, not sent)"),
        "{out}"
    );

    // creator2's draft waits in the daemon; two hours old, `approve` refuses it and expires it.
    wait_sql(
        env,
        "creator2's draft",
        "SELECT count(*) FROM drafts WHERE creator_handle = 'creator2' AND state = 'awaiting'",
        1,
    )
    .await;
    sqlx::query(
        "UPDATE drafts SET created_at = created_at - 7200000 WHERE creator_handle = 'creator2'",
    )
    .execute(env.parts.store.writer())
    .await
    .unwrap();
    let old = count(
        env,
        "SELECT id FROM drafts WHERE creator_handle = 'creator2'",
    )
    .await;
    let (code, out) = cli(env, &["approve", &old.to_string()]);
    assert_eq!(code, Some(1), "{out}");
    assert!(
        out.contains(&format!("draft {old} expired after 60 min, not sent")),
        "{out}"
    );

    let (_, log) = cli(env, &["decisions"]);
    assert!(
        log.contains("draft expired after 2 s, not sent")
            && log.contains("draft expired after 60 min, not sent"),
        "{log}"
    );
    assert!(log.contains(&format!("[draft {swept}: dropped]")), "{log}");
    let (_, drafts) = cli(env, &["drafts", "--all"]);
    assert!(
        drafts.contains("note: draft expired after 60 min, not sent"),
        "{drafts}"
    );
    assert_eq!(count(env, "SELECT count(*) FROM outbox").await, 0);
    assert_eq!(stats(env).await["creator_messages"], 0);
    stop(run).await;
}

async fn readyz(url: &str) -> (u16, serde_json::Value) {
    let r = reqwest::get(format!("{url}/readyz")).await.unwrap();
    (r.status().as_u16(), r.json().await.unwrap())
}

/// `/readyz` never writes (a background probe does, every 2 s) and reuses its answer for a
/// second: waits until it answers `status`.
async fn readyz_becomes(url: &str, status: u16) -> serde_json::Value {
    let start = Instant::now();
    loop {
        let (got, body) = readyz(url).await;
        if got == status {
            return body;
        }
        assert!(
            start.elapsed() < Duration::from_secs(15),
            "/readyz stayed {got}: {body}"
        );
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}

fn check<'a>(body: &'a serde_json::Value, name: &str) -> &'a serde_json::Value {
    body["checks"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["name"] == name)
        .unwrap_or_else(|| panic!("no check {name}: {body}"))
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn readyz_turns_unready_when_the_store_is_read_only_or_a_token_is_revoked() {
    let admin = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let admin_addr = admin.local_addr().unwrap().to_string();
    drop(admin);
    let (llm_url, llm_key) = local_llm();
    let mut d = daemon_env(args(2, 2), |c| {
        quick(c);
        c.daemon.admin_listen = admin_addr.clone();
        c.llm.base_url = llm_url;
        c.llm.api_key = Secret::new(llm_key);
    })
    .await;
    connect(&d.env, "creator1").await;
    connect(&d.env, "creator2").await;
    let main_url = d.url.clone();
    let run = serve(
        &d.env,
        d.listener.take().unwrap(),
        Arc::new(Canned::default()),
    );
    let admin_url = format!("http://{admin_addr}");
    let start = Instant::now();
    while reqwest::get(format!("{admin_url}/healthz")).await.is_err() {
        assert!(
            start.elapsed() < Duration::from_secs(10),
            "admin listener up"
        );
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    let body = readyz_becomes(&admin_url, 200).await;
    assert_eq!(body["ready"], true);
    // Monitoring is not served where webhooks arrive when it has its own address.
    let r = reqwest::get(format!("{main_url}/metrics")).await.unwrap();
    assert_eq!(r.status(), 404);
    assert_eq!(
        reqwest::get(format!("{main_url}/healthz"))
            .await
            .unwrap()
            .status(),
        200
    );

    // The store stops taking writes (what a read-only file system or a full disk looks like).
    sqlx::query("PRAGMA query_only = 1")
        .execute(d.env.parts.store.writer())
        .await
        .unwrap();
    let body = readyz_becomes(&admin_url, 503).await;
    assert_eq!(check(&body, "store")["ok"], false, "{body}");
    assert!(check(&body, "store")["fix"]
        .as_str()
        .unwrap()
        .contains("permissions"));
    sqlx::query("PRAGMA query_only = 0")
        .execute(d.env.parts.store.writer())
        .await
        .unwrap();
    readyz_becomes(&admin_url, 200).await;

    // creator2's grant is revoked at Fanvue: the next call finds out; creator1 is unaffected.
    post(
        &d.env,
        "/_sandbox/creators/creator2/revoke",
        serde_json::json!({}),
    )
    .await;
    let fan2 = fans_of(&d.env, "creator2").await[0].clone();
    fan_says(&d.env, &fan2, "hello?").await;
    let start = Instant::now();
    let body = loop {
        let (status, body) = readyz(&admin_url).await;
        if status == 503 {
            break body;
        }
        assert!(
            start.elapsed() < Duration::from_secs(30),
            "never unready: {body}"
        );
        tokio::time::sleep(Duration::from_millis(200)).await;
    };
    assert_eq!(check(&body, "creator creator2")["ok"], false, "{body}");
    assert!(
        check(&body, "creator creator2")["fix"]
            .as_str()
            .unwrap()
            .contains("connect creator2"),
        "{body}"
    );
    assert_eq!(check(&body, "creator creator1")["ok"], true, "{body}");
    assert_eq!(check(&body, "store")["ok"], true, "{body}");
    assert_eq!(check(&body, "llm")["ok"], true, "{body}");
    stop(run).await;
}

#[tokio::test]
async fn an_upgrade_backs_the_database_up_before_migrating() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("agent.db");
    let store = fanvue_agent::store::Store::open(&db).await.unwrap();
    store.ensure_creator("creator1").await.unwrap();
    // Make it look like a database from before the two newest migrations (0009 rebuilds `outbox`
    // with `context_at`, `answers_uuid`, `answers_sent_at`; 0010 adds the notification tables;
    // undo them by hand: a new migration must update these statements).
    let newest: i64 = sqlx::query_scalar("SELECT max(version) FROM _sqlx_migrations")
        .fetch_one(store.reader())
        .await
        .unwrap();
    sqlx::query("DELETE FROM _sqlx_migrations WHERE version >= 9")
        .execute(store.writer())
        .await
        .unwrap();
    assert_eq!(newest, 10, "update the undo below for the newest migration");
    sqlx::query("DROP TABLE notify_deliveries; DROP TABLE notify_events")
        .execute(store.writer())
        .await
        .unwrap();
    for column in ["context_at", "answers_uuid", "answers_sent_at"] {
        sqlx::query(&format!("ALTER TABLE outbox DROP COLUMN {column}"))
            .execute(store.writer())
            .await
            .unwrap();
    }
    // A queued message from before the upgrade, with its decision pointing at it.
    sqlx::query(
        "INSERT INTO outbox (id, creator_handle, fan_uuid, purpose, text, state, not_before, created_at, updated_at)
         VALUES (7, 'creator1', 'f', 'reply', 'hi', 'pending', 0, 0, 0)",
    )
    .execute(store.writer())
    .await
    .unwrap();
    store.close().await;
    let store = fanvue_agent::store::Store::open(&db).await.unwrap();
    let open = store.open_outbox("creator1").await.unwrap();
    assert_eq!(
        (open.len(), open[0].id, open[0].context_at),
        (1, 7, None),
        "the queued message survives the rebuild"
    );
    assert!(
        store.drop_outbox(7, "test").await.unwrap(),
        "the new state is allowed"
    );
    store.close().await;
    let backup = dir.path().join(format!("agent.db.before-{newest:04}.bak"));
    assert!(backup.exists(), "no backup at {}", backup.display());
    // The backup is the database as it was: the creator, no context column, no notification tables.
    let conn = sqlx::SqlitePool::connect(&format!("sqlite://{}?mode=ro", backup.display()))
        .await
        .unwrap();
    let creators: i64 = sqlx::query_scalar("SELECT count(*) FROM creators")
        .fetch_one(&conn)
        .await
        .unwrap();
    assert_eq!(creators, 1);
    let context: i64 = sqlx::query_scalar(
        "SELECT count(*) FROM pragma_table_info('outbox') WHERE name = 'context_at'",
    )
    .fetch_one(&conn)
    .await
    .unwrap();
    assert_eq!(context, 0);
    let tables =
        "SELECT count(*) FROM sqlite_master WHERE name IN ('notify_events', 'notify_deliveries')";
    let before: i64 = sqlx::query_scalar(tables).fetch_one(&conn).await.unwrap();
    assert_eq!(before, 0, "no notification tables yet");
    let store = fanvue_agent::store::Store::open(&db).await.unwrap();
    let after: i64 = sqlx::query_scalar(tables)
        .fetch_one(store.reader())
        .await
        .unwrap();
    assert_eq!(after, 2, "both migrations ran again");
}
