//! Group commit for the inbox: events offered while a commit is under way share the next transaction.
//!
//! One task owns inbox writes. It takes every request waiting in its queue (up to [`MAX_BATCH`]),
//! writes them in one `BEGIN IMMEDIATE` transaction and answers each only after the commit, so an
//! acknowledged webhook is always durable. Nothing waits on purpose: a lone event is committed at
//! once, and batches form only when events arrive faster than commits finish. If the batch fails,
//! it is rolled back and each event is retried in its own transaction, so one bad event cannot fail
//! the others.

use super::inbox::{accept_batch, Accepted, Offer};
use super::StoreError;
use crate::domain::Event;
use sqlx::SqlitePool;
use tokio::sync::{mpsc, oneshot};

/// The most events one transaction carries.
pub const MAX_BATCH: usize = 256;

struct Request {
    event: Event,
    creator: Option<String>,
    source: String,
    done: oneshot::Sender<Result<Accepted, StoreError>>,
}

/// The queue to the inbox writer task: cheap to clone.
#[derive(Clone, Debug)]
pub struct InboxWriter {
    tx: mpsc::Sender<Request>,
}

impl InboxWriter {
    /// Starts the writer task on the current runtime. It ends when the last clone is dropped.
    pub(crate) fn spawn(writer: SqlitePool) -> InboxWriter {
        let (tx, rx) = mpsc::channel(4 * MAX_BATCH);
        tokio::spawn(run(writer, rx));
        InboxWriter { tx }
    }

    /// Commits one event (see [`super::Store::accept_event`]) and answers after the commit.
    pub async fn accept(
        &self,
        event: Event,
        creator: Option<String>,
        source: String,
    ) -> Result<Accepted, StoreError> {
        let (done, answer) = oneshot::channel();
        let req = Request {
            event,
            creator,
            source,
            done,
        };
        self.tx
            .send(req)
            .await
            .map_err(|_| StoreError::Unavailable("the inbox writer has stopped".into()))?;
        answer
            .await
            .map_err(|_| StoreError::Unavailable("the inbox writer has stopped".into()))?
    }
}

async fn run(writer: SqlitePool, mut rx: mpsc::Receiver<Request>) {
    let mut batch = Vec::with_capacity(MAX_BATCH);
    while rx.recv_many(&mut batch, MAX_BATCH).await > 0 {
        let reqs = std::mem::take(&mut batch);
        if reqs.len() == 1 {
            alone(&writer, reqs).await;
        } else if let Err((reqs, e)) = together(&writer, reqs).await {
            tracing::warn!(error = %e, events = reqs.len(), "group commit failed; committing the events one by one");
            alone(&writer, reqs).await;
        }
    }
}

/// All of `reqs` in one transaction; on failure nothing is committed and the requests come back.
async fn together(
    writer: &SqlitePool,
    reqs: Vec<Request>,
) -> Result<(), (Vec<Request>, StoreError)> {
    let results = async {
        let mut tx = writer.begin_with("BEGIN IMMEDIATE").await?;
        let results = accept_batch(&mut tx, &offers(&reqs)).await?;
        tx.commit().await?;
        Ok::<_, StoreError>(results)
    }
    .await;
    match results {
        Ok(results) => {
            for (r, (accepted, held)) in reqs.into_iter().zip(results) {
                if let Some(held) = held {
                    held.log();
                }
                let _ = r.done.send(Ok(accepted));
            }
            Ok(())
        }
        Err(e) => Err((reqs, e)),
    }
}

/// Each request in its own transaction, answered with its own result.
async fn alone(writer: &SqlitePool, reqs: Vec<Request>) {
    for r in reqs {
        if let Err((mut back, e)) = together(writer, vec![r]).await {
            let _ = back.remove(0).done.send(Err(e));
        }
    }
}

fn offers(reqs: &[Request]) -> Vec<Offer<'_>> {
    reqs.iter()
        .map(|r| Offer {
            event: &r.event,
            creator: r.creator.as_deref(),
            source: &r.source,
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use crate::domain::Event;
    use crate::store::{inbox::Accepted, test_store, testing};

    fn fan_message(key: &str, fan: &str) -> Event {
        testing::fan_message(key, fan, "hi")
    }

    /// Holds the writer while `n` events (one of them refused by a trigger, one offered twice)
    /// queue up, so they reach the writer as one batch.
    #[tokio::test]
    async fn a_batch_commits_each_event_once_and_one_bad_event_fails_alone() {
        let (store, _dir) = test_store().await;
        sqlx::query(
            "CREATE TEMP TRIGGER refuse_bad BEFORE INSERT ON inbox WHEN NEW.dedupe_key = 'bad'
             BEGIN SELECT RAISE(ABORT, 'refused by the test'); END",
        )
        .execute(store.writer())
        .await
        .unwrap();
        let hold = store.begin_write().await.unwrap();
        let mut keys: Vec<String> = (0..40).map(|i| format!("k{i}")).collect();
        keys.insert(20, "bad".into());
        keys.push("k7".into());
        let tasks: Vec<_> = keys
            .iter()
            .enumerate()
            .map(|(n, k)| {
                // Several events per fan: one statement upserts the same chat many times.
                let (store, e) = (store.clone(), fan_message(k, &format!("fan-{}", n % 5)));
                tokio::spawn(async move { store.accept_event(&e, Some("c1"), "webhook").await })
            })
            .collect();
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
        drop(hold);
        let mut new = 0;
        let mut dup = 0;
        for (k, t) in keys.iter().zip(tasks) {
            match t.await.unwrap() {
                Ok(Accepted::New { .. }) => new += 1,
                Ok(Accepted::Duplicate) => dup += 1,
                Ok(other) => panic!("{k}: {other:?}"),
                Err(e) => {
                    assert_eq!(k, "bad", "{k}: {e}");
                    assert!(e.to_string().contains("refused by the test"), "{e}");
                }
            }
        }
        assert_eq!((new, dup), (40, 1));
        let rows: i64 = sqlx::query_scalar("SELECT count(*) FROM inbox")
            .fetch_one(store.reader())
            .await
            .unwrap();
        let messages: i64 = sqlx::query_scalar("SELECT count(DISTINCT uuid) FROM messages")
            .fetch_one(store.reader())
            .await
            .unwrap();
        let chats: i64 = sqlx::query_scalar("SELECT count(*) FROM chats WHERE fan_handle = 'fan'")
            .fetch_one(store.reader())
            .await
            .unwrap();
        assert_eq!((rows, messages), (40, 40));
        assert_eq!(chats, 5, "one chat row per fan");
    }

    #[tokio::test]
    async fn a_lone_event_is_answered_after_its_commit() {
        let (store, _dir) = test_store().await;
        let e = fan_message("only", "fan-1");
        let got = store.accept_event(&e, Some("c1"), "webhook").await.unwrap();
        let Accepted::New { id } = got else {
            panic!("{got:?}")
        };
        let key: String = sqlx::query_scalar("SELECT dedupe_key FROM inbox WHERE id = ?")
            .bind(id)
            .fetch_one(store.reader())
            .await
            .unwrap();
        assert_eq!(key, "only");
        assert_eq!(
            store.accept_event(&e, Some("c1"), "webhook").await.unwrap(),
            Accepted::Duplicate
        );
    }
}
