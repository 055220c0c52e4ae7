//! Running it as a service, in process against the sandbox: modes (shadow never sends; approve
//! waits for a human; a new fan message drops the draft), `/readyz` turning unready, and the
//! monitoring endpoints on their own address.

mod common;

use common::*;
use fanvue_agent::{config::Config, domain::Mode};
use std::sync::{Arc, Mutex};

fn quick(c: &mut Config) {
    c.agent.debounce_ms = 200;
    c.agent.debounce_cap_ms = 600;
    c.agent.mark_read_after_reply = false;
    c.followup.enabled = false;
}

/// The id of the one draft awaiting approval (through the scalar query helper).
const AWAITING_ID: &str = "SELECT id FROM drafts WHERE state = 'awaiting'";
const AWAITING: &str = "SELECT count(*) FROM drafts WHERE state = 'awaiting'";

/// A daemon on the canned LLM with `quick` settings and `tweak`, every creator connected.
async fn canned_daemon(args: SandboxArgs, tweak: impl FnOnce(&mut Config)) -> TestApp {
    spawn_serving(args, canned(), |c| {
        quick(c);
        tweak(c)
    })
    .await
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn shadow_mode_drafts_and_logs_but_never_sends() {
    let app = canned_daemon(args(1, 2), |c| c.agent.mode = Mode::Shadow).await;
    let fan = app.fan_of("creator1").await;
    app.fan_says(&fan, "hi there!").await;
    app.wait_for_count(
        "a shadow draft",
        "SELECT count(*) FROM drafts WHERE state = 'shadow'",
        |n| n == 1,
    )
    .await;
    // The job's last step is its decision: after it (and with nothing open) no send can follow.
    app.decision(&fan, 1).await;
    app.settle().await;
    assert_eq!(app.count("SELECT count(*) FROM outbox").await, 0);
    let st = app.stats().await;
    assert_eq!(st["creator_messages"], 0, "nothing reached Fanvue: {st}");
    assert_eq!(
        st["api_calls"]["POST /chats/{fan}/message"]
            .as_u64()
            .unwrap_or(0),
        0,
        "send was never called: {st}"
    );
    let (code, out) = app.cli(&["decisions", "--creator", "creator1"]);
    assert_eq!(code, Some(0), "{out}");
    assert!(out.contains("shadow mode: drafted, not sent"), "{out}");
    assert!(out.contains("so nice to hear from you"), "{out}");
    assert!(out.contains("[draft 1: shadow]"), "{out}");
    let (code, out) = app.cli(&["approve", "1"]);
    assert_eq!(code, Some(1), "a shadow draft cannot be approved: {out}");
    assert!(out.contains("is shadow"), "{out}");
    app.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn approve_mode_waits_for_a_human_and_a_new_fan_message_drops_the_draft() {
    let app = canned_daemon(args(1, 2), |c| {
        c.creators.get_mut("creator1").unwrap().mode = Some(Mode::Approve);
    })
    .await;
    let fan = app.fan_of("creator1").await;

    // A draft waits; nothing is sent while it does (the job has decided and nothing is open).
    app.fan_says(&fan, "hey you").await;
    app.wait_for_count("a draft awaiting approval", AWAITING, |n| n == 1)
        .await;
    app.decision(&fan, 1).await;
    app.settle().await;
    assert_eq!(app.count("SELECT count(*) FROM outbox").await, 0);
    assert_eq!(app.stats().await["creator_messages"], 0);
    let (code, out) = app.cli(&["drafts"]);
    assert_eq!(code, Some(0), "{out}");
    assert!(
        out.contains("awaiting") && out.contains("so nice to hear"),
        "{out}"
    );

    // Approved: sent once; a second approval is refused.
    let (code, out) = app.cli(&["approve", "1"]);
    assert_eq!(code, Some(0), "{out}");
    app.wait_for_stats("the approved reply", |s| s["creator_messages"] == 1)
        .await;
    let (code, out) = app.cli(&["approve", "1"]);
    assert_eq!(code, Some(1), "{out}");
    assert!(out.contains("draft 1 is approved"), "{out}");
    assert_eq!(
        app.count(
            "SELECT count(*) FROM decisions WHERE outbox_id IS NOT NULL AND e2e_ms IS NOT NULL"
        )
        .await,
        1,
        "the decision points at what was sent"
    );

    // The fan writes, a draft waits, the fan writes again: that draft is dropped, a new one waits.
    app.fan_says(&fan, "what are you up to today?").await;
    app.wait_for_count("the second draft", AWAITING, |n| n == 1)
        .await;
    let second = app.count(AWAITING_ID).await;
    app.fan_says(&fan, "hello??").await;
    app.wait_for_count(
        "the second draft dropped",
        "SELECT count(*) FROM drafts WHERE state = 'dropped'",
        |n| n == 1,
    )
    .await;
    let (code, out) = app.cli(&["approve", &second.to_string()]);
    assert_eq!(code, Some(1), "{out}");
    assert!(
        out.contains("dropped") && out.contains("the fan wrote again"),
        "{out}"
    );
    app.wait_for_count("the third draft", AWAITING, |n| n == 1)
        .await;
    let third = app.count(AWAITING_ID).await;
    let (code, out) = app.cli(&["reject", &third.to_string(), "--note", "too generic"]);
    assert_eq!(code, Some(0), "{out}");
    let (code, out) = app.cli(&["drafts", "--all"]);
    assert_eq!(code, Some(0), "{out}");
    assert!(
        out.contains("rejected") && out.contains("too generic"),
        "{out}"
    );
    let (code, out) = app.cli(&["approve", "999"]);
    assert_eq!(code, Some(2), "an unknown draft: {out}");
    // Every message is decided and nothing is open: nothing more can be sent.
    app.decision(&fan, 3).await;
    app.settle().await;
    let st = app.stats().await;
    assert_eq!(
        st["creator_messages"], 1,
        "only the approved draft was sent: {st}"
    );
    assert_eq!(st["duplicate_replies"], 0, "{st}");
    app.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_edited_draft_is_sent_as_edited_and_an_edit_the_guardrails_block_is_refused() {
    let app = canned_daemon(args(1, 1), |c| {
        c.creators.get_mut("creator1").unwrap().mode = Some(Mode::Approve);
    })
    .await;
    let fan = app.fan_of("creator1").await;
    app.fan_says(&fan, "hey you, how was your weekend?").await;
    app.wait_for_count("a draft awaiting approval", AWAITING, |n| n == 1)
        .await;
    let id = app.count(AWAITING_ID).await.to_string();

    // An edit that invites the fan off the platform: refused, naming the rule; nothing sent.
    let (code, out) = app.cli(&["approve", &id, "--text", "add me on snap: anna99 😘"]);
    assert_eq!(code, Some(1), "{out}");
    assert!(
        out.contains("refused by the draft guardrails: off_platform")
            && out.contains("nothing was sent"),
        "{out}"
    );
    assert_eq!(app.count("SELECT count(*) FROM outbox").await, 0);
    assert_eq!(app.count(AWAITING).await, 1, "it still waits");

    // A good edit: the sandbox receives exactly it, once.
    let edit = "hey! so glad you wrote, my weekend was lovely. yours?";
    let (code, out) = app.cli(&["approve", &id, "--text", edit]);
    assert_eq!(code, Some(0), "{out}");
    assert!(out.contains("with your edit"), "{out}");
    app.wait_for_stats("the edited reply", |s| s["creator_messages"] == 1)
        .await;
    assert_eq!(app.sent_to(&fan).await, [edit]);

    // The log keeps what the agent drafted and says a human edited it.
    let (_, log) = app.cli(&["decisions"]);
    assert!(log.contains(&format!("reply: {edit}")), "{log}");
    assert!(
        log.contains(
            "draft: so nice to hear from you, how is your day going? (edited before sending)"
        ),
        "{log}"
    );
    assert!(log.contains("edited by a human (cli:"), "{log}");
    let (_, drafts) = app.cli(&["drafts", "--all"]);
    assert!(
        drafts.contains("so nice to hear from you") && drafts.contains(&format!("sent:  {edit}")),
        "{drafts}"
    );
    app.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_expired_draft_is_never_sent_and_its_decision_says_so() {
    let app = spawn_app(args(2, 2), |c| {
        quick(c);
        c.agent.mode = Mode::Approve;
        // creator1's drafts expire in the daemon after 2 s; creator2's never there (0), but
        // `approve` enforces its own configured limit.
        c.agent.draft_ttl_secs = 0;
        c.creators.get_mut("creator1").unwrap().draft_ttl_secs = Some(2);
    })
    .await;
    app.write_file(
        "cli.toml",
        &format!(
            "[daemon]\ndatabase = {:?}\n[security]\ntoken_key = {:?}\n[agent]\ndraft_ttl_secs = 3600\n\
             [creators.creator1]\ndraft_ttl_secs = 2\n[creators.creator2]\n",
            app.parts.cfg.daemon.database.display().to_string(),
            app.parts.cfg.security.token_key.expose()
        ),
    );
    app.serve(canned());
    let (fan1, fan2) = (app.fan_of("creator1").await, app.fan_of("creator2").await);
    app.fan_says(&fan1, "hey you").await;
    app.fan_says(&fan2, "hi there").await;

    // The daemon's sweep expires creator1's draft.
    let expired = "SELECT count(*) FROM drafts WHERE state = 'dropped' AND note = 'draft expired after 2 s, not sent'";
    app.wait_for_count("the swept draft", expired, |n| n == 1)
        .await;
    let swept = app
        .count("SELECT id FROM drafts WHERE creator_handle = 'creator1'")
        .await;
    let (code, out) = app.cli(&["approve", &swept.to_string()]);
    assert_eq!(code, Some(1), "{out}");
    assert!(
        out.contains("is dropped (draft expired after 2 s, not sent)"),
        "{out}"
    );

    // creator2's draft waits in the daemon; two hours old, `approve` refuses it and expires it.
    app.wait_for_count(
        "creator2's draft",
        "SELECT count(*) FROM drafts WHERE creator_handle = 'creator2' AND state = 'awaiting'",
        |n| n == 1,
    )
    .await;
    sqlx::query(
        "UPDATE drafts SET created_at = created_at - 7200000 WHERE creator_handle = 'creator2'",
    )
    .execute(app.parts.store.writer())
    .await
    .unwrap();
    let old = app
        .count("SELECT id FROM drafts WHERE creator_handle = 'creator2'")
        .await;
    let (code, out) = app.cli(&["approve", &old.to_string()]);
    assert_eq!(code, Some(1), "{out}");
    assert!(
        out.contains(&format!("draft {old} expired after 60 min, not sent")),
        "{out}"
    );

    let (_, log) = app.cli(&["decisions"]);
    assert!(
        log.contains("draft expired after 2 s, not sent")
            && log.contains("draft expired after 60 min, not sent"),
        "{log}"
    );
    assert!(log.contains(&format!("[draft {swept}: dropped]")), "{log}");
    let (_, drafts) = app.cli(&["drafts", "--all"]);
    assert!(
        drafts.contains("note: draft expired after 60 min, not sent"),
        "{drafts}"
    );
    assert_eq!(app.count("SELECT count(*) FROM outbox").await, 0);
    assert_eq!(app.stats().await["creator_messages"], 0);
    app.stop().await;
}

async fn readyz(url: &str) -> (u16, serde_json::Value) {
    let r = reqwest::get(format!("{url}/readyz")).await.unwrap();
    (r.status().as_u16(), r.json().await.unwrap())
}

/// `/readyz` never writes (a background probe does, every 2 s) and reuses its answer for a
/// second: waits until it answers `status`.
async fn readyz_becomes(url: &str, status: u16) -> serde_json::Value {
    eventually(&format!("/readyz to answer {status}"), || async {
        let (got, body) = readyz(url).await;
        if got == status {
            Ok(body)
        } else {
            Err(format!("{got} {body}"))
        }
    })
    .await
}

fn check<'a>(body: &'a serde_json::Value, name: &str) -> &'a serde_json::Value {
    body["checks"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["name"] == name)
        .unwrap_or_else(|| panic!("no check {name}: {body}"))
}

/// The daemon's log lines, kept in memory.
#[derive(Clone, Default)]
struct Logged(Arc<Mutex<Vec<u8>>>);

impl std::io::Write for Logged {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.0.lock().unwrap().extend_from_slice(buf);
        Ok(buf.len())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

impl<'a> tracing_subscriber::fmt::MakeWriter<'a> for Logged {
    type Writer = Logged;
    fn make_writer(&'a self) -> Logged {
        self.clone()
    }
}

// One thread: the daemon's tasks run on the test's thread, so the log subscriber set for this
// thread sees the line where the daemon says which address its monitoring listener got.
#[tokio::test(flavor = "current_thread")]
async fn readyz_turns_unready_when_the_store_is_read_only_or_a_token_is_revoked() {
    let logged = Logged::default();
    let _log = tracing::subscriber::set_default(
        tracing_subscriber::fmt()
            .with_writer(logged.clone())
            .with_ansi(false)
            .finish(),
    );
    let app = canned_daemon(args(2, 2), |c| {
        // Its own listener, on a port of its choosing; the LLM check asks the scripted LLM.
        c.daemon.admin_listen = "127.0.0.1:0".into();
        c.llm.base_url = format!("{}/llm/v1", c.fanvue.api_base);
    })
    .await;
    let admin_url = eventually("the monitoring listener's address in the log", || async {
        let text = String::from_utf8_lossy(&logged.0.lock().unwrap()).to_string();
        let at = "health and metrics listening on ";
        match text.find(at) {
            Some(i) => Ok(text[i + at.len()..]
                .split_whitespace()
                .next()
                .unwrap()
                .to_string()),
            None => Err(text),
        }
    })
    .await;
    let body = readyz_becomes(&admin_url, 200).await;
    assert_eq!(body["ready"], true);
    // Monitoring is not served where webhooks arrive when it has its own address.
    let r = reqwest::get(format!("{}/metrics", app.url)).await.unwrap();
    assert_eq!(r.status(), 404);
    assert_eq!(
        reqwest::get(format!("{}/healthz", app.url))
            .await
            .unwrap()
            .status(),
        200
    );

    // The store stops taking writes (what a read-only file system or a full disk looks like).
    sqlx::query("PRAGMA query_only = 1")
        .execute(app.parts.store.writer())
        .await
        .unwrap();
    let body = readyz_becomes(&admin_url, 503).await;
    assert_eq!(check(&body, "store")["ok"], false, "{body}");
    assert!(check(&body, "store")["fix"]
        .as_str()
        .unwrap()
        .contains("permissions"));
    sqlx::query("PRAGMA query_only = 0")
        .execute(app.parts.store.writer())
        .await
        .unwrap();
    readyz_becomes(&admin_url, 200).await;

    // creator2's grant is revoked at Fanvue: the next call finds out; creator1 is unaffected.
    app.post_ok("/_sandbox/creators/creator2/revoke", serde_json::json!({}))
        .await;
    let fan2 = app.fan_of("creator2").await;
    app.fan_says(&fan2, "hello?").await;
    let body = readyz_becomes(&admin_url, 503).await;
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
    app.stop().await;
}

#[tokio::test]
async fn an_upgrade_backs_the_database_up_before_migrating() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("agent.db");
    let store = fanvue_agent::store::Store::open(&db).await.unwrap();
    store.ensure_creator("creator1").await.unwrap();
    // Make it look like a database from before the newest migrations (0009 rebuilds `outbox`
    // with `context_at`, `answers_uuid`, `answers_sent_at`; 0010 adds the notification tables;
    // 0020 the console's tables, 0030 the fan controls, 0040 the fan value, 0050 the sequences'
    // indexes, 0060 the money columns, 0075 the console's creator modes, 0080 the subscriptions' columns; undo them by hand: a new migration must update these
    // statements).
    let newest: i64 = sqlx::query_scalar("SELECT max(version) FROM _sqlx_migrations")
        .fetch_one(store.reader())
        .await
        .unwrap();
    sqlx::query("DELETE FROM _sqlx_migrations WHERE version >= 9")
        .execute(store.writer())
        .await
        .unwrap();
    assert_eq!(newest, 80, "update the undo below for the newest migration");
    // 0080: the subscription columns of `fan_value` go with the table (0040, below).
    // 0075: the modes chosen in the console and where a console connect returns to.
    sqlx::query("DROP TABLE creator_modes; ALTER TABLE oauth_pending DROP COLUMN return_to")
        .execute(store.writer())
        .await
        .unwrap();
    // 0060: the money columns of decisions and the experiments' tables.
    sqlx::query(
        "DROP TABLE experiment_fans; DROP TABLE experiment_ends; DROP INDEX decisions_by_time;
         ALTER TABLE decisions DROP COLUMN persona; ALTER TABLE decisions DROP COLUMN experiment;
         ALTER TABLE decisions DROP COLUMN variant; ALTER TABLE decisions DROP COLUMN spend_tier;
         ALTER TABLE decisions DROP COLUMN cost_micros; ALTER TABLE decisions DROP COLUMN bills_llm",
    )
    .execute(store.writer())
    .await
    .unwrap();
    // 0040: the fan value read from Fanvue's insights.
    sqlx::query("DROP TABLE fan_value")
        .execute(store.writer())
        .await
        .unwrap();
    // 0050: the sequences' indexes.
    sqlx::query("DROP INDEX inbox_by_kind; DROP INDEX messages_by_fan_time")
        .execute(store.writer())
        .await
        .unwrap();
    // 0020: the console's users, sessions and human actions.
    sqlx::query("DROP TABLE human_actions; DROP TABLE console_sessions; DROP TABLE console_users")
        .execute(store.writer())
        .await
        .unwrap();
    // 0030: the fan controls, summaries, prompt versions and the messages' search index.
    sqlx::query(
        "DROP TRIGGER messages_fts_insert; DROP TRIGGER messages_fts_delete;
         DROP TRIGGER messages_fts_update; DROP TABLE messages_fts; DROP TABLE prompt_versions;
         DROP TABLE fan_summaries; DROP TABLE fan_controls",
    )
    .execute(store.writer())
    .await
    .unwrap();
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
