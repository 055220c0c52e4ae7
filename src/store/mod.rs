//! The store: everything the daemon keeps, in one SQLite file it owns. One writer connection
//! (write transactions `BEGIN IMMEDIATE`), a read pool, WAL. It knows nothing above it: callers
//! pass plain values and domain types in, get typed rows out, and count what happened in the
//! metrics themselves.
//!
//! # The surface, by concern
//! Every operation is a method on [`Store`] (or, inside a caller's write transaction, a
//! `pub(crate)` function of the file that owns the table), grouped one file per concern:
//! - **Intake**: [`inbox`] (every verified event once per dedupe key, what it teaches about the
//!   fan, the pending rows a job reads) and `group_commit` (events offered together share one
//!   transaction).
//! - **Conversations**: [`chats`] (chats, messages, when a chat's history was read), [`facts`]
//!   (what a fan paid, stated and which language they write; the takeover pause), [`fan_value`]
//!   (what Fanvue says a fan is worth, and whether they may be messaged), [`cache`]
//!   (answers read from Fanvue, kept a while).
//! - **Decisions and what they send**: [`decisions`] (one decision per event, and the log),
//!   [`outbox`] (replies committed before any network call, their send states), [`drafts`]
//!   (shadow and approve modes), [`offers`] (PPV offers and their ledger), [`marks`] (safety
//!   marks that stick until a human clears them).
//! - **Operators**: [`notify`] (notices written with the decision that causes them, routed and
//!   delivered at least once), [`money`] (cost, attributed revenue and conversion: what `stats`
//!   and the console's Stats page read), [`experiments`] (persona A/B tests: each fan's variant).
//! - **Console**: [`users`] (console users, their password hashes and server-side sessions),
//!   [`actions`] (every human action with who did it, beside the decisions of its chat),
//!   [`queue`] (paused chats and failed sends: what waits for a human).
//! - **Identity**: [`creators`] (connection status, webhook routes), [`oauth`] (tokens as
//!   ciphertext, single-use connect states).
//! - **Operations**: `gauges` (counts the admin side reads at scrape time, the heartbeat
//!   write), [`replay`] (a rewound throw-away copy for `fanvue-agent replay`), the schema
//!   version, opening, closing.
//!
//! # A second backend
//! There is no backend trait: one backend implements this surface, and a trait with one
//! implementation would only hide it. What is kept backend-neutral is the surface's types: row
//! structs decoded by column name (`#[derive(sqlx::FromRow)]`), state enums stored as their exact
//! text by impls generic over the sqlx database (`codec`), domain types, `&str`/`i64`, and
//! [`StoreError`]. A PostgreSQL store would implement the same methods with the same types; the
//! SQL is what to port. What is SQLite's own, file by file:
//! - **Here** (`mod.rs`): the PRAGMAs (WAL, `synchronous = NORMAL`, `busy_timeout`,
//!   `foreign_keys`, `wal_autocheckpoint = 0` and the `PASSIVE` checkpoint task), one writer
//!   connection with `BEGIN IMMEDIATE` (SQLite has one writer; PostgreSQL would use a pool and
//!   row locks), `still_usable` (SQLite rolls back a full transaction by itself), `VACUUM INTO`
//!   for the backup before migrating, and `migrations/` (SQLite DDL: `INTEGER PRIMARY KEY` ids,
//!   0009 rebuilds a table to change a `CHECK`).
//! - `file.rs`: the file's mode (0600) and its identity (device, inode) checked before every
//!   connection is handed out. A server database has neither; its equivalent is the
//!   connection's health.
//! - `group_commit.rs`: one task batching inbox writes into one transaction, because SQLite
//!   serialises writers. PostgreSQL takes concurrent writers; the batching still saves fsyncs.
//! - Placeholders: every query uses `?`/`?N`; PostgreSQL needs `$N` (sqlx does not translate).
//! - Booleans are integers in SQL text (`from_fan = 1`, `routed = 0`, `?3 = 0`, sums of
//!   comparisons in [`Store::notify_queue`]): PostgreSQL needs `true`/`false` and
//!   `count(*) FILTER (...)`.
//! - Upserts (`ON CONFLICT ... DO UPDATE`/`DO NOTHING`, `excluded.`) read the same in PostgreSQL;
//!   `RETURNING` too, including only the inserted rows of a `DO NOTHING` insert (the inbox's
//!   batch insert relies on it). The two-argument scalar `max(a, b)` (history sync in
//!   [`chats`]) is PostgreSQL's `GREATEST`.
//! - JSON in text columns (plans, events, notices, verdicts, media lists), decoded in Rust;
//!   `json_extract(plan, '$.text')` in [`decisions`] and [`replay`] is `plan::json->>'text'`.
//! - `rowid` orders fan memory (in [`facts`]): PostgreSQL needs an id column.
//! - [`replay`]: `VACUUM INTO` copies the whole database for a dry run; PostgreSQL would copy
//!   into a scratch schema or database.
//! - State literals stay in the SQL text (`state = 'pending'`) where partial indexes are defined
//!   on them: SQLite uses such an index only when the query names the literal, not a parameter.
//!   Inbox and notification-delivery states never leave SQL, so they have no Rust enum.
//! - [`Store::reader`] and [`Store::writer`] hand out the SQLite pools: an escape hatch for tests
//!   and diagnostics, not part of the surface.

pub mod actions;
pub mod cache;
pub mod chats;
mod codec;
pub mod conversation;
pub mod creators;
pub mod decisions;
pub mod drafts;
pub mod experiments;
pub mod facts;
pub mod fan_value;
pub mod fans;
mod file;
mod gauges;
mod group_commit;
pub mod inbox;
pub mod marks;
pub mod money;
pub mod notify;
pub mod oauth;
pub mod offers;
pub mod outbox;
pub mod queue;
pub mod replay;
pub mod sequences;
pub mod users;

use sqlx::{
    sqlite::{SqliteConnectOptions, SqliteJournalMode, SqlitePoolOptions, SqliteSynchronous},
    Sqlite, SqlitePool, Transaction,
};
use std::{path::Path, str::FromStr, time::Duration};

pub use cache::owned_media_key;
pub use creators::{CreatorRow, CreatorStatus};

#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("database error: {0}")]
    Db(#[from] sqlx::Error),
    #[error("migration failed: {0}")]
    Migrate(#[from] sqlx::migrate::MigrateError),
    #[error("not found: {0}")]
    NotFound(String),
    #[error("conflict: {0}")]
    Conflict(String),
    #[error("the store is unavailable: {0}")]
    Unavailable(String),
    #[error(transparent)]
    Crypto(#[from] crate::crypto::CryptoError),
}

/// Handle to the database: cheap to clone.
#[derive(Clone, Debug)]
pub struct Store {
    writer: SqlitePool,
    reader: SqlitePool,
    inbox_writer: group_commit::InboxWriter,
    /// Its own connection for WAL checkpoints, so they never run inside a commit.
    checkpointer: SqlitePool,
    routes: std::sync::Arc<std::sync::Mutex<Routes>>,
    /// The file opened; every write first checks it is still the one at the configured path.
    identity: file::FileIdentity,
    /// Pinged after commits that may have written operator notices (see [`notify`]).
    notices: std::sync::Arc<tokio::sync::Notify>,
}

/// Remembered webhook routes: creator uuid → (handle, when looked up).
type Routes = std::collections::HashMap<String, (String, std::time::Instant)>;

/// Whether a released writer connection can be reused. When SQLite rolls a transaction back by
/// itself (SQLITE_FULL, SQLITE_IOERR…), sqlx's own ROLLBACK then fails and it keeps counting the
/// transaction as open: every later `BEGIN` on that connection would fail. Such a connection is
/// closed and the pool opens a fresh one.
async fn still_usable(conn: &mut sqlx::SqliteConnection) -> Result<bool, sqlx::Error> {
    use sqlx::Connection;
    // Runs the queued rollback of a dropped transaction first.
    conn.ping().await?;
    if conn.is_in_transaction() {
        tracing::warn!(
            "a write transaction could not be closed; reopening the database connection"
        );
        return Ok(false);
    }
    Ok(true)
}

/// Whether a pool may hand out a connection: not once the database file was deleted or replaced,
/// so no write lands in an unlinked inode (callers see a store error: webhooks get 503).
fn same_file(identity: &file::FileIdentity) -> Result<bool, sqlx::Error> {
    identity
        .check()
        .map(|()| true)
        .map_err(|e| sqlx::Error::Io(std::io::Error::other(e)))
}

/// `sql` (one chat's values) with `?1` bound to the creator and `?2` to the fan.
fn chat_query<'q, T>(
    sql: &'q str,
    creator: &'q str,
    fan: &'q str,
) -> sqlx::query::QueryScalar<'q, Sqlite, T, sqlx::sqlite::SqliteArguments<'q>>
where
    (T,): for<'r> sqlx::FromRow<'r, sqlx::sqlite::SqliteRow>,
{
    sqlx::query_scalar(sql).bind(creator).bind(fan)
}

static MIGRATOR: sqlx::migrate::Migrator = sqlx::migrate!("./migrations");

impl Store {
    /// Opens (creating if needed) the database file and runs pending migrations.
    pub async fn open(path: &Path) -> Result<Store, StoreError> {
        let unavailable = |e: std::io::Error| {
            StoreError::Unavailable(format!("database file {}: {e}", path.display()))
        };
        file::prepare(path).map_err(unavailable)?;
        let identity = file::FileIdentity::of(path).map_err(unavailable)?;
        let base = SqliteConnectOptions::from_str(&format!("sqlite://{}", path.display()))?
            // `file::prepare` created it (private); a connection reopened after the file was
            // deleted must fail, not create an empty database behind the operator's back.
            .create_if_missing(false)
            .journal_mode(SqliteJournalMode::Wal)
            .synchronous(SqliteSynchronous::Normal)
            .busy_timeout(Duration::from_secs(10))
            .foreign_keys(true);
        let writer = SqlitePoolOptions::new()
            .max_connections(1)
            .min_connections(1)
            .acquire_timeout(Duration::from_secs(30))
            .after_release(|conn, _| Box::pin(async move { still_usable(conn).await }))
            .before_acquire({
                let id = identity.clone();
                move |_, _| {
                    let ok = same_file(&id);
                    Box::pin(async move { ok })
                }
            })
            .connect_with(base.clone().pragma("wal_autocheckpoint", "0"))
            .await?;
        backup_before_migrating(&writer, path).await?;
        MIGRATOR.run(&writer).await?;
        let reader = SqlitePoolOptions::new()
            .max_connections(4)
            .acquire_timeout(Duration::from_secs(30))
            .connect_with(base.clone().read_only(true))
            .await?;
        let inbox_writer = group_commit::InboxWriter::spawn(writer.clone());
        let checkpointer = SqlitePoolOptions::new()
            .max_connections(1)
            .before_acquire({
                let id = identity.clone();
                move |_, _| {
                    let ok = same_file(&id);
                    Box::pin(async move { ok })
                }
            })
            .connect_with(base)
            .await?;
        tokio::spawn(checkpoints(checkpointer.clone()));
        Ok(Store {
            writer,
            reader,
            inbox_writer,
            checkpointer,
            routes: Default::default(),
            identity,
            notices: Default::default(),
        })
    }

    /// `Ok` while the database file is the one opened (see `file::FileIdentity::check`).
    pub fn file_intact(&self) -> Result<(), String> {
        self.identity.check()
    }

    /// The opened file's path, device and inode.
    pub fn file_identity(&self) -> String {
        self.identity.describe()
    }

    /// A write transaction that takes the write lock up front, so it never fails half-way with
    /// SQLITE_BUSY when another process (the CLI) writes too.
    pub(crate) async fn begin_write(&self) -> Result<Transaction<'static, Sqlite>, StoreError> {
        Ok(self.writer.begin_with("BEGIN IMMEDIATE").await?)
    }

    /// The read pool: the store's queries, and raw SQL in tests (see the module doc).
    pub fn reader(&self) -> &SqlitePool {
        &self.reader
    }

    /// The writer connection: the store's writes, and raw SQL in tests (see the module doc).
    pub fn writer(&self) -> &SqlitePool {
        &self.writer
    }

    /// The newest schema migration applied (0 for a database never migrated).
    pub async fn schema_version(&self) -> Result<i64, StoreError> {
        Ok(
            sqlx::query_scalar("SELECT coalesce(max(version), 0) FROM _sqlx_migrations")
                .fetch_one(self.reader())
                .await?,
        )
    }

    pub async fn close(&self) {
        self.checkpointer.close().await;
        self.reader.close().await;
        self.writer.close().await;
    }
}

/// Moves the WAL into the database file off the write path. The writer's automatic checkpoints
/// are off (the commit that crossed 1,000 WAL pages would wait for the checkpoint's fsyncs); this
/// task runs a `PASSIVE` checkpoint on its own connection each second instead, which never blocks
/// writers or readers and does nothing when nothing was written. It ends when the store is closed.
async fn checkpoints(pool: SqlitePool) {
    loop {
        tokio::time::sleep(Duration::from_secs(1)).await;
        if pool.is_closed() {
            return;
        }
        if let Err(e) = sqlx::query("PRAGMA wal_checkpoint(PASSIVE)")
            .execute(&pool)
            .await
        {
            tracing::debug!(error = %e, "WAL checkpoint failed; retrying in a second");
        }
    }
}

/// Before an upgrade's migrations touch an existing database, copies it (consistently, with
/// `VACUUM INTO`) to `<file>.before-<version>.bak` beside it, so a bad upgrade can be undone.
async fn backup_before_migrating(writer: &SqlitePool, path: &Path) -> Result<(), StoreError> {
    let applied: Option<i64> =
        match sqlx::query_scalar("SELECT max(version) FROM _sqlx_migrations WHERE success = 1")
            .fetch_one(writer)
            .await
        {
            Ok(v) => v,
            Err(_) => return Ok(()), // a new database: nothing to keep
        };
    let Some(applied) = applied else {
        return Ok(());
    };
    let newest = MIGRATOR.iter().map(|m| m.version).max().unwrap_or(0);
    if newest <= applied {
        return Ok(());
    }
    let backup = format!("{}.before-{newest:04}.bak", path.display());
    if Path::new(&backup).exists() {
        return Ok(()); // an earlier attempt of this upgrade already kept one
    }
    sqlx::query("VACUUM INTO ?")
        .bind(&backup)
        .execute(writer)
        .await?;
    tracing::info!(from = applied, to = newest, backup = %backup, "database upgrade: backed up first");
    Ok(())
}

pub use crate::domain::time::{now_ms, now_secs};

#[cfg(test)]
pub(crate) async fn test_store() -> (Store, tempfile::TempDir) {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(&dir.path().join("t.db")).await.unwrap();
    (store, dir)
}

/// Events the store's tests offer to the inbox.
#[cfg(test)]
pub(crate) mod testing {
    use super::{inbox::Accepted, Store};
    use crate::domain::{Event, EventKind, MessageEvent, Party};

    /// An event of fan `fan` to the creator whose uuid is `c-uuid`, deduplicated by `key`.
    pub fn event(key: &str, fan: &str, kind: EventKind) -> Event {
        Event {
            dedupe_key: key.into(),
            creator: Some("c-uuid".into()),
            fan: Party {
                uuid: Some(fan.into()),
                ..Default::default()
            },
            timestamp: None,
            kind,
        }
    }

    /// Fan `fan` (handle `fan`) writes `text`; the message's uuid is `m-<key>`.
    pub fn fan_message(key: &str, fan: &str, text: &str) -> Event {
        let mut e = event(
            key,
            fan,
            EventKind::MessageReceived(MessageEvent {
                message_uuid: format!("m-{key}").as_str().into(),
                text: Some(text.into()),
                has_media: false,
                media_uuids: vec![],
                price_cents: None,
                from_creator: false,
                is_automated: false,
                created_at: None,
            }),
        );
        e.fan.handle = Some("fan".into());
        e
    }

    /// Commits `event` for creator `c` as a webhook would; it must be new: its inbox id.
    pub async fn accept_new(store: &Store, event: &Event) -> i64 {
        match store
            .accept_event(event, Some("c"), "webhook")
            .await
            .unwrap()
        {
            Accepted::New { id } => id,
            other => panic!("not new: {other:?}"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn the_writer_recovers_after_sqlite_rolled_back_a_full_transaction() {
        let (store, _dir) = test_store().await;
        let big = "x".repeat(200_000);
        for _ in 0..3 {
            // (Set each time: the pool may have replaced the connection.)
            sqlx::query("PRAGMA max_page_count = 1")
                .execute(store.writer())
                .await
                .unwrap();
            let mut tx = store.begin_write().await.unwrap();
            let r = sqlx::query("INSERT INTO api_cache (creator_handle, key, value, fetched_at) VALUES ('c', 'k', ?, 0)")
                .bind(&big)
                .execute(&mut *tx)
                .await;
            assert!(r.is_err(), "the database is full");
        }
        sqlx::query("PRAGMA max_page_count = 1073741823")
            .execute(store.writer())
            .await
            .unwrap();
        let mut tx = store
            .begin_write()
            .await
            .expect("a new transaction after the failures");
        sqlx::query("INSERT INTO api_cache (creator_handle, key, value, fetched_at) VALUES ('c', 'k', ?, 0)")
            .bind(&big)
            .execute(&mut *tx)
            .await
            .unwrap();
        tx.commit().await.unwrap();
    }

    #[tokio::test]
    async fn opening_creates_the_file_in_wal_mode_and_migrates() {
        let (store, dir) = test_store().await;
        assert!(dir.path().join("t.db").exists());
        let mode: String = sqlx::query_scalar("PRAGMA journal_mode")
            .fetch_one(store.reader())
            .await
            .unwrap();
        assert_eq!(mode, "wal");
        let n: i64 = sqlx::query_scalar("SELECT count(*) FROM creators")
            .fetch_one(store.reader())
            .await
            .unwrap();
        assert_eq!(n, 0);
        // reopening is idempotent
        store.close().await;
        Store::open(&dir.path().join("t.db")).await.unwrap();
    }

    #[tokio::test]
    async fn checkpoints_move_the_wal_into_the_file_off_the_write_path() {
        let (store, dir) = test_store().await;
        let auto: i64 = sqlx::query_scalar("PRAGMA wal_autocheckpoint")
            .fetch_one(store.writer())
            .await
            .unwrap();
        assert_eq!(auto, 0, "commits never checkpoint");
        let file = dir.path().join("t.db");
        let before = std::fs::metadata(&file).unwrap().len();
        let mut tx = store.begin_write().await.unwrap();
        for i in 0..1000 {
            sqlx::query("INSERT INTO api_cache (creator_handle, key, value, fetched_at) VALUES ('c', ?, ?, 0)")
                .bind(format!("k{i}"))
                .bind("x".repeat(1000))
                .execute(&mut *tx)
                .await
                .unwrap();
        }
        tx.commit().await.unwrap();
        let start = std::time::Instant::now();
        while std::fs::metadata(&file).unwrap().len() < before + 1_000_000 {
            assert!(
                start.elapsed() < Duration::from_secs(10),
                "the WAL was not checkpointed into the database file"
            );
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
    }

    #[tokio::test]
    async fn the_read_pool_cannot_write() {
        let (store, _dir) = test_store().await;
        let r =
            sqlx::query("INSERT INTO creators (handle, created_at, updated_at) VALUES ('x', 0, 0)")
                .execute(store.reader())
                .await;
        assert!(r.is_err());
    }
}
