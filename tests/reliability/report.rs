//! One row of the reliability table per scenario, measured from the sandbox's ledger (what Fanvue
//! saw) and the daemon's database (what it recorded), written where `scripts/reliability` finds it.

use crate::common::TestApp;
use std::collections::HashSet;

/// An outbox row as the failure message shows it: id, state, message uuid, text, attempts, error.
type OutboxLine = (
    i64,
    String,
    Option<String>,
    Option<String>,
    i64,
    Option<String>,
);

/// What a scenario ends with. The invariants: `lost`, `duplicates`, `unanswered`, `unrecorded`
/// and `phantom` are 0.
#[derive(Debug, Default, Clone)]
pub struct Row {
    pub scenario: String,
    /// Inbox events the daemon stored.
    pub events: i64,
    /// Replies Fanvue received (sandbox ledger).
    pub replies: u64,
    /// Fan messages in the ledger the daemon has no inbox event for.
    pub lost: u64,
    /// Fan turns answered more than once.
    pub duplicates: u64,
    /// Fan turns not answered.
    pub unanswered: u64,
    /// Creator messages in the ledger the outbox does not know as sent.
    pub unrecorded: u64,
    /// Outbox rows recorded as sent that the ledger does not have.
    pub phantom: u64,
    /// 429s the sandbox served: over the limit / injected storms.
    pub rate_limited: u64,
    pub rate_limited_injected: u64,
    /// What else happened (kills, faults served), for the table's last column.
    pub note: String,
    /// The first unrecorded and phantom sends, for the failure message.
    pub detail: Vec<String>,
    /// 429s from our own pace this scenario tolerates (see [`Row::tolerate_rate_limited`]).
    pub tolerated_429s: u64,
}

impl Row {
    /// Measures the row from `env`'s sandbox ledger and database.
    pub async fn measure(env: &TestApp, scenario: &str) -> Row {
        let inbox: HashSet<String> = sqlx::query_scalar::<_, String>(
            "SELECT message_uuid FROM inbox WHERE message_uuid IS NOT NULL",
        )
        .fetch_all(env.parts.store.reader())
        .await
        .unwrap()
        .into_iter()
        .collect();
        let sent: HashSet<String> = sqlx::query_scalar::<_, String>(
            "SELECT message_uuid FROM outbox WHERE state = 'sent' AND message_uuid IS NOT NULL",
        )
        .fetch_all(env.parts.store.reader())
        .await
        .unwrap()
        .into_iter()
        .collect();
        let mut row = Row {
            scenario: scenario.into(),
            events: env.count("SELECT count(*) FROM inbox").await,
            ..Row::default()
        };
        let mut ledger_sent = HashSet::new();
        {
            let w = env.sandbox.world.lock();
            for chat in w.chats.values() {
                for m in &chat.messages {
                    if m.by_hand {
                        // The creator's own message, written in the app: not the daemon's.
                    } else if m.from_creator {
                        row.replies += 1;
                        ledger_sent.insert(m.uuid.clone());
                        if !sent.contains(&m.uuid) {
                            row.unrecorded += 1;
                            row.detail
                                .push(format!("unrecorded {} {:?}", m.uuid, m.text));
                        }
                    } else if !inbox.contains(&m.uuid) {
                        row.lost += 1;
                    }
                }
                for t in &chat.turns {
                    // A blind reply (sent before the daemon saw every message of the turn) does
                    // not answer the turn, but it is a reply the fan got.
                    // A turn the creator answered by hand is answered (by a human).
                    row.duplicates += u64::from(t.answers() > 1);
                    row.unanswered += u64::from(t.creator_replies == 0 && t.human_replies == 0);
                }
            }
            // The sandbox counts every 429 in `rate_limited`, the storms' also in `_injected`.
            row.rate_limited = w.stats.rate_limited - w.stats.rate_limited_injected;
            row.rate_limited_injected = w.stats.rate_limited_injected;
        }
        row.phantom = sent.difference(&ledger_sent).count() as u64;
        row.detail.extend(
            sent.difference(&ledger_sent)
                .map(|u| format!("phantom {u}")),
        );
        let rows: Vec<OutboxLine> = sqlx::query_as(
            "SELECT id, state, message_uuid, text, attempts, last_error FROM outbox",
        )
        .fetch_all(env.parts.store.reader())
        .await
        .unwrap();
        for d in row.detail.clone() {
            for r in &rows {
                if r.3.as_deref().is_some_and(|t| d.contains(t)) {
                    row.detail.push(format!("  outbox row {r:?}"));
                }
            }
        }
        row
    }

    pub fn note(mut self, note: impl Into<String>) -> Row {
        self.note = note.into();
        self
    }

    /// Tolerates up to `n` 429s from our own pace. Only the kill -9 scenario uses it: a process
    /// killed while Fanvue holds it back (Retry-After) forgets that; its successor's first request
    /// (one at a time until Fanvue answers) may meet one 429 per restart.
    pub fn tolerate_rate_limited(mut self, n: u64) -> Row {
        self.tolerated_429s = n;
        self
    }

    /// Asserts the invariants, then records the row.
    pub fn check_and_record(self) {
        let line = format!(
            "{} (unrecorded {}, phantom {}) {:?}",
            self.line(),
            self.unrecorded,
            self.phantom,
            self.detail
        );
        eprintln!("reliability: {line}");
        assert_eq!(self.lost, 0, "lost events: {line}");
        assert_eq!(self.duplicates, 0, "duplicate replies: {line}");
        assert_eq!(self.unanswered, 0, "unanswered turns: {line}");
        assert_eq!(
            self.unrecorded, 0,
            "sends the daemon did not record: {line}"
        );
        assert_eq!(
            self.phantom, 0,
            "sends recorded that never happened: {line}"
        );
        assert!(
            self.rate_limited <= self.tolerated_429s,
            "429s from exceeding the limit: {line}"
        );
        record(&self.scenario, &self.line());
    }

    fn line(&self) -> String {
        format!(
            "{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}",
            self.scenario,
            self.events,
            self.replies,
            self.lost,
            self.duplicates,
            self.unanswered,
            if self.rate_limited_injected > 0 {
                format!(
                    "{} ({} injected)",
                    self.rate_limited + self.rate_limited_injected,
                    self.rate_limited_injected
                )
            } else {
                self.rate_limited.to_string()
            },
            self.note
        )
    }
}

/// Records a table line (tab-separated) for a scenario that is not a daemon run (hostile input,
/// secrets): the counts columns say what was sent and what got through.
pub fn record(scenario: &str, line: &str) {
    let dir = std::path::Path::new(env!("CARGO_TARGET_TMPDIR")).join("reliability");
    std::fs::create_dir_all(&dir).unwrap();
    let file: String = scenario
        .chars()
        .map(|c| if c.is_ascii_alphanumeric() { c } else { '_' })
        .collect();
    std::fs::write(dir.join(format!("{file}.row")), format!("{line}\n")).unwrap();
}

/// The full run (`RELIABILITY_FULL=1`, see `scripts/reliability --full`) or the short one.
pub fn full() -> bool {
    std::env::var("RELIABILITY_FULL").is_ok_and(|v| v == "1")
}
