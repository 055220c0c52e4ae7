//! The database failing under the daemon: full (SQLITE_FULL, as on a full disk), read-only
//! (SQLITE_READONLY), and locked by another process for longer than the busy timeout. Webhooks
//! get 503 while nothing can be committed, no 2xx is ever given for an event that is not stored,
//! and once the store is back every fan turn is answered once.

use crate::{common::*, report::Row, *};
use fanvue_agent::{fanvue::webhook::signature_header, store::now_secs};
use serde_json::json;
use std::time::Duration;

/// Posts a signed message webhook for a creator the daemon does not know (kept as `held`, never
/// answered): a probe of what the ingress acknowledges. Returns the status.
async fn probe(url: &str, secret: &str, n: usize) -> (u16, String) {
    let uuid = format!("5707e000-0000-4000-8000-{n:012}");
    let body = json!({
        "messageUuid": uuid,
        "message": {"uuid": uuid, "text": "probe", "hasMedia": false, "createdAt": "2026-11-23T10:00:00.000Z"},
        "sender": {"uuid": "5707e000-0000-4000-8000-ffffffffffff", "handle": "probe", "displayName": "Probe"},
        "recipientUuid": "5707e000-0000-4000-8000-eeeeeeeeeeee",
        "timestamp": "2026-11-23T10:00:00.000Z"
    })
    .to_string();
    let status = reqwest::Client::new()
        .post(format!("{url}/webhooks/fanvue"))
        .header("content-type", "application/json")
        .header(
            "x-fanvue-signature",
            signature_header(secret.as_bytes(), now_secs(), body.as_bytes()),
        )
        .body(body)
        .timeout(Duration::from_secs(30))
        .send()
        .await
        .map(|r| r.status().as_u16())
        .unwrap_or(0);
    (status, uuid)
}

/// Every acknowledged probe is stored; every refused one is not.
async fn check_probes(env: &TestApp, probes: &[(u16, String)]) -> (usize, usize) {
    let (mut acked, mut refused) = (0, 0);
    for (status, uuid) in probes {
        let stored = env
            .count(&format!(
                "SELECT count(*) FROM inbox WHERE message_uuid = '{uuid}'"
            ))
            .await;
        match status {
            200..=299 => {
                acked += 1;
                assert_eq!(
                    stored, 1,
                    "probe {uuid} was acknowledged ({status}) but not stored"
                );
            }
            503 => {
                refused += 1;
                assert_eq!(stored, 0, "probe {uuid} was refused but stored");
            }
            other => panic!("probe {uuid}: unexpected status {other}"),
        }
    }
    (acked, refused)
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn full_and_read_only_database_at_ingress() {
    let a = talking_fans(2, 12, 41);
    let app = start(a, |_| {}).await;
    let env = &app;
    let writer = env.parts.store.writer();
    let mut probes = vec![];
    let mut refused_total = 0;
    for (phase, on, off) in [
        (
            "full",
            "PRAGMA max_page_count = 1",
            "PRAGMA max_page_count = 1073741823",
        ),
        (
            "read-only",
            "PRAGMA query_only = 1",
            "PRAGMA query_only = 0",
        ),
    ] {
        // The scenario: fans talk to a healthy daemon for a while before the store breaks.
        tokio::time::sleep(Duration::from_secs(2)).await;
        // max_page_count cannot go below the current size: "1" means "no more pages".
        sqlx::query(on).execute(writer).await.unwrap();
        let mut these = vec![];
        let secret = env.parts.cfg.webhook.secret.expose();
        for _ in 0..20 {
            // Again each time: a failed transaction may have cost the writer its connection.
            sqlx::query(on).execute(writer).await.unwrap();
            these.push(probe(&app.url, secret, probes.len() + these.len()).await);
            // Probes spread over two seconds of the outage, among the fans' own webhooks.
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
        sqlx::query(off).execute(writer).await.unwrap();
        let (_, refused) = check_probes(env, &these).await;
        assert!(refused >= 10, "{phase}: most probes get 503: {these:?}");
        refused_total += refused;
        probes.extend(these);
    }
    env.settle_all(Duration::from_secs(150)).await;
    app.stop().await;
    check_probes(env, &probes).await;
    assert_one_decision_each_in_order(env).await;
    Row::measure(env, "store: full, read-only at ingress")
        .await
        .note(format!(
            "{refused_total} of {} probe webhooks refused 503 while unwritable; none acked unstored",
            probes.len()
        ))
        .check_and_record();
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn database_locked_by_another_process() {
    let a = talking_fans(2, 12, 42);
    let app = start(a, |_| {}).await;
    let env = &app;
    // The scenario: fans talk to a healthy daemon for a while before the lock is taken.
    tokio::time::sleep(Duration::from_secs(2)).await;
    // Another process takes the write lock for longer than the daemon's busy timeout (10 s).
    let db = env.parts.cfg.daemon.database.clone();
    let mut locker = std::process::Command::new("python3")
        .arg("-c")
        .arg(
            "import sqlite3, sys, time\n\
             c = sqlite3.connect(sys.argv[1], isolation_level=None)\n\
             c.execute('BEGIN EXCLUSIVE')\n\
             print('locked', flush=True)\n\
             time.sleep(13)\n\
             c.execute('COMMIT')\n",
        )
        .arg(&db)
        .stdout(std::process::Stdio::piped())
        .spawn()
        .expect("python3 runs");
    {
        use std::io::BufRead;
        let mut line = String::new();
        std::io::BufReader::new(locker.stdout.as_mut().unwrap())
            .read_line(&mut line)
            .unwrap();
        assert_eq!(line.trim(), "locked");
    }
    let tasks: Vec<_> = (0..6)
        .map(|n| {
            let url = app.url.clone();
            let secret = env.parts.cfg.webhook.secret.expose().to_string();
            tokio::spawn(async move {
                // Probes spread over the 13 s the lock is held (before and after the busy timeout).
                tokio::time::sleep(Duration::from_millis(n * 1500)).await;
                probe(&url, &secret, 1000 + n as usize).await
            })
        })
        .collect();
    let mut probes = vec![];
    for t in tasks {
        probes.push(t.await.unwrap());
    }
    assert!(locker.wait().unwrap().success());
    let (acked, refused) = check_probes(env, &probes).await;
    env.settle_all(Duration::from_secs(150)).await;
    app.stop().await;
    assert_one_decision_each_in_order(env).await;
    Row::measure(env, "store: locked by another process 13 s")
        .await
        .note(format!(
            "probes during the lock: {refused} refused 503, {acked} stored after waiting"
        ))
        .check_and_record();
}
