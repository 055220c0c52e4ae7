//! The notification outbox: operator notices written in the transaction of the decision that
//! causes them (once per dedupe key), routed to channels (one delivery per notice and channel) and
//! delivered by `notify` at least once.

use super::{now_ms, Store, StoreError};
use crate::domain::{DecisionInfo, Notice, SummaryLine};
use sqlx::{Executor, QueryBuilder, Sqlite, Transaction};

/// One delivery of a notice to one channel, as the channel's worker reads it.
#[derive(Clone, Debug, PartialEq)]
pub struct Delivery {
    pub id: i64,
    /// The notice's dedupe key: the id receivers see (`escalation:42`).
    pub key: String,
    pub notice: Notice,
    pub attempts: i64,
    pub not_before: i64,
    /// The digest this delivery goes out in, once one was formed.
    pub batch: Option<i64>,
}

/// A notice not routed to its channels yet.
#[derive(Clone, Debug, PartialEq)]
pub struct Unrouted {
    pub id: i64,
    /// `None` when it cannot be read (it is routed nowhere rather than read again forever).
    pub notice: Option<Notice>,
}

/// Stores `notice` under `key` unless that key is known. Part of the caller's transaction.
pub(crate) async fn insert_notice(
    tx: &mut Transaction<'static, Sqlite>,
    key: &str,
    notice: &Notice,
) -> Result<bool, StoreError> {
    let json = serde_json::to_string(notice).map_err(|e| StoreError::Conflict(e.to_string()))?;
    let n = sqlx::query(
        "INSERT INTO notify_events (dedupe_key, kind, creator_handle, notice, created_at)
         VALUES (?, ?, ?, ?, ?) ON CONFLICT(dedupe_key) DO NOTHING",
    )
    .bind(key)
    .bind(notice.kind.as_str())
    .bind(&notice.creator)
    .bind(json)
    .bind(now_ms())
    .execute(&mut **tx)
    .await?
    .rows_affected();
    Ok(n == 1)
}

/// What the fan wrote in these inbox events (their message texts, oldest first).
async fn fan_words(
    tx: &mut Transaction<'static, Sqlite>,
    inbox_ids: &[i64],
) -> Result<Option<String>, StoreError> {
    let mut q = QueryBuilder::<Sqlite>::new(
        "SELECT m.text FROM inbox i JOIN messages m
           ON m.creator_handle = i.creator_handle AND m.uuid = i.message_uuid
         WHERE i.from_fan = 1 AND m.text IS NOT NULL AND i.id IN (",
    );
    let mut ids = q.separated(", ");
    for id in inbox_ids {
        ids.push_bind(id);
    }
    q.push(") ORDER BY i.id");
    let texts: Vec<String> = q.build_query_scalar().fetch_all(&mut **tx).await?;
    Ok((!texts.is_empty()).then(|| texts.join("\n")))
}

/// The escalation notice of a decision, in its transaction (after its marks were stored). One per
/// decision: its key is the first event it decides, and an event is decided once.
pub(crate) async fn notice_escalation(
    tx: &mut Transaction<'static, Sqlite>,
    inbox_ids: &[i64],
    creator: &str,
    fan: &str,
    info: &DecisionInfo,
) -> Result<(), StoreError> {
    let Some(first) = inbox_ids.iter().min() else {
        return Ok(());
    };
    let now = now_ms();
    let mark: Option<(String, String)> = sqlx::query_as(
        "SELECT category, rule FROM safety_marks
         WHERE creator_handle = ? AND fan_uuid = ? AND cleared_at IS NULL AND (until IS NULL OR until > ?)
         ORDER BY category = 'minor' DESC, set_at DESC LIMIT 1",
    )
    .bind(creator)
    .bind(fan.to_ascii_lowercase())
    .bind(now)
    .fetch_optional(&mut **tx)
    .await?;
    let marked = mark.is_some();
    let category_rule = mark.or_else(|| escalating_rule(info));
    let words = fan_words(tx, inbox_ids).await?;
    let notice = Notice::escalation(
        creator,
        fan,
        &info.reason,
        category_rule,
        words,
        marked,
        now,
    );
    insert_notice(tx, &format!("escalation:{first}"), &notice).await?;
    Ok(())
}

/// The first escalating guardrail rule of a decision's verdicts, as (category, rule).
fn escalating_rule(info: &DecisionInfo) -> Option<(String, String)> {
    let input = info.guardrails.as_ref()?.get("input")?.as_array()?;
    let f = input
        .iter()
        .find(|f| f.get("action").and_then(|a| a.as_str()) == Some("escalate"))?;
    let rule = f.get("rule")?.as_str()?.to_string();
    let category = crate::domain::MarkCategory::of_rule(&rule)
        .map(|c| c.as_str().to_string())
        .unwrap_or_else(|| rule.clone());
    Some((category, rule))
}

/// The notice of a draft waiting for approval, in the transaction that stores it.
pub(crate) async fn notice_draft(
    tx: &mut Transaction<'static, Sqlite>,
    creator: &str,
    fan: &str,
    draft_id: i64,
    text: &str,
    inbox_ids: &[i64],
) -> Result<(), StoreError> {
    let words = fan_words(tx, inbox_ids).await?;
    let notice = Notice::draft(creator, fan, draft_id, text, words, now_ms());
    insert_notice(tx, &format!("draft:{draft_id}"), &notice).await?;
    Ok(())
}

/// The notice of an outbox row given up on, in the transaction that fails it.
pub(crate) async fn notice_send_failed(
    tx: &mut Transaction<'static, Sqlite>,
    outbox_id: i64,
    error: &str,
) -> Result<(), StoreError> {
    let row: Option<(String, String, String)> =
        sqlx::query_as("SELECT creator_handle, fan_uuid, purpose FROM outbox WHERE id = ?")
            .bind(outbox_id)
            .fetch_optional(&mut **tx)
            .await?;
    let Some((creator, fan, purpose)) = row else {
        return Ok(());
    };
    let notice = Notice::send_failed(&creator, &fan, outbox_id, &purpose, error, now_ms());
    insert_notice(tx, &format!("send_failed:{outbox_id}"), &notice).await?;
    Ok(())
}

/// A delivery as SQLite holds it (the notice as JSON), decoded by column name.
#[derive(sqlx::FromRow)]
struct DeliveryRow {
    id: i64,
    key: String,
    notice: String,
    attempts: i64,
    not_before: i64,
    batch: Option<i64>,
}

impl DeliveryRow {
    /// `None` when its notice cannot be read.
    fn delivery(self) -> Option<Delivery> {
        Some(Delivery {
            id: self.id,
            key: self.key,
            notice: serde_json::from_str(&self.notice).ok()?,
            attempts: self.attempts,
            not_before: self.not_before,
            batch: self.batch,
        })
    }
}

/// A daily summary line, decoded by column name.
#[derive(sqlx::FromRow)]
struct SummaryRow {
    creator: String,
    replies: i64,
    offers: i64,
    purchases: i64,
    revenue_cents: i64,
    escalations: i64,
    failed: i64,
}

impl Store {
    /// Wakes the notifier after a commit that may have written notices (it also polls, so a
    /// notice written by another process, e.g. `fanvue-agent approve`, is found too).
    pub fn wake_notifier(&self) {
        self.notices.notify_one();
    }

    /// What the notifier waits on between polls.
    pub fn notices_written(&self) -> std::sync::Arc<tokio::sync::Notify> {
        self.notices.clone()
    }

    /// Notices not routed yet, oldest first.
    pub async fn unrouted_notices(&self, limit: i64) -> Result<Vec<Unrouted>, StoreError> {
        let rows: Vec<(i64, String)> = sqlx::query_as(
            "SELECT id, notice FROM notify_events WHERE routed = 0 ORDER BY id LIMIT ?",
        )
        .bind(limit)
        .fetch_all(self.reader())
        .await?;
        Ok(rows
            .into_iter()
            .map(|(id, n)| Unrouted {
                id,
                notice: serde_json::from_str(&n).ok(),
            })
            .collect())
    }

    /// Creates each notice's deliveries (one per channel, never two) and marks it routed, in one
    /// transaction: a notice is routed exactly once, to the channels configured at that moment.
    pub async fn route_notices(&self, routes: &[(i64, Vec<String>)]) -> Result<(), StoreError> {
        let now = now_ms();
        let mut tx = self.begin_write().await?;
        for (event, channels) in routes {
            for channel in channels {
                sqlx::query(
                    "INSERT INTO notify_deliveries (event_id, channel, not_before) VALUES (?, ?, ?)
                     ON CONFLICT(event_id, channel) DO NOTHING",
                )
                .bind(event)
                .bind(channel)
                .bind(now)
                .execute(&mut *tx)
                .await?;
            }
            sqlx::query("UPDATE notify_events SET routed = 1 WHERE id = ?")
                .bind(event)
                .execute(&mut *tx)
                .await?;
        }
        tx.commit().await?;
        Ok(())
    }

    /// A channel's pending deliveries due by `now`, oldest first.
    pub async fn due_deliveries(
        &self,
        channel: &str,
        now: i64,
        limit: i64,
    ) -> Result<Vec<Delivery>, StoreError> {
        let rows: Vec<DeliveryRow> = sqlx::query_as(
            "SELECT d.id, e.dedupe_key AS key, e.notice, d.attempts, d.not_before, d.batch
             FROM notify_deliveries d JOIN notify_events e ON e.id = d.event_id
             WHERE d.channel = ? AND d.state = 'pending' AND d.not_before <= ?
             ORDER BY d.id LIMIT ?",
        )
        .bind(channel)
        .bind(now)
        .bind(limit)
        .fetch_all(self.reader())
        .await?;
        Ok(rows.into_iter().filter_map(DeliveryRow::delivery).collect())
    }

    /// When a channel's next pending delivery is due (unix ms), if it has one.
    pub async fn next_delivery_due(&self, channel: &str) -> Result<Option<i64>, StoreError> {
        Ok(sqlx::query_scalar(
            "SELECT min(not_before) FROM notify_deliveries WHERE channel = ? AND state = 'pending'",
        )
        .bind(channel)
        .fetch_one(self.reader())
        .await?)
    }

    /// Puts deliveries in one digest (`batch`), so a retry resends the same digest.
    pub async fn batch_deliveries(&self, ids: &[i64], batch: i64) -> Result<(), StoreError> {
        self.update_deliveries("batch = ", batch, ids).await
    }

    /// The deliveries reached their channel.
    pub async fn deliveries_sent(&self, ids: &[i64]) -> Result<(), StoreError> {
        let mut q =
            QueryBuilder::<Sqlite>::new("UPDATE notify_deliveries SET state = 'sent', sent_at = ");
        q.push_bind(now_ms());
        q.push(", last_error = NULL WHERE state = 'pending' AND id IN (");
        push_ids(&mut q, ids);
        q.build().execute(self.writer()).await?;
        Ok(())
    }

    /// An attempt failed: count it and try again at `not_before`.
    pub async fn delivery_retry(
        &self,
        ids: &[i64],
        not_before: i64,
        error: &str,
    ) -> Result<(), StoreError> {
        let mut q = QueryBuilder::<Sqlite>::new(
            "UPDATE notify_deliveries SET attempts = attempts + 1, not_before = ",
        );
        q.push_bind(not_before);
        q.push(", last_error = ");
        q.push_bind(error.to_string());
        q.push(" WHERE state = 'pending' AND id IN (");
        push_ids(&mut q, ids);
        q.build().execute(self.writer()).await?;
        Ok(())
    }

    async fn update_deliveries(
        &self,
        set: &str,
        value: i64,
        ids: &[i64],
    ) -> Result<(), StoreError> {
        let mut q = QueryBuilder::<Sqlite>::new(format!("UPDATE notify_deliveries SET {set}"));
        q.push_bind(value);
        q.push(" WHERE id IN (");
        push_ids(&mut q, ids);
        q.build().execute(self.writer()).await?;
        Ok(())
    }

    /// Pending deliveries to channels no longer configured are given up (they would wait
    /// forever); returns how many.
    pub async fn fail_unknown_channels(&self, known: &[String]) -> Result<u64, StoreError> {
        // Read first: the single writer is the pipeline's, and this is nearly always a no-op.
        let channels: Vec<String> = sqlx::query_scalar(
            "SELECT DISTINCT channel FROM notify_deliveries WHERE state = 'pending'",
        )
        .fetch_all(self.reader())
        .await?;
        if channels.iter().all(|c| known.contains(c)) {
            return Ok(0);
        }
        let mut q = QueryBuilder::<Sqlite>::new(
            "UPDATE notify_deliveries SET state = 'failed',
                last_error = 'the channel is no longer configured' WHERE state = 'pending'",
        );
        if !known.is_empty() {
            q.push(" AND channel NOT IN (");
            let mut s = q.separated(", ");
            for k in known {
                s.push_bind(k.clone());
            }
            q.push(")");
        }
        Ok(q.build().execute(self.writer()).await?.rows_affected())
    }

    /// Pending deliveries per channel that had any (the queue-depth gauge), and unrouted notices
    /// as `""`.
    pub async fn notify_queue(&self) -> Result<Vec<(String, i64)>, StoreError> {
        Ok(sqlx::query_as(
            "SELECT channel, sum(state = 'pending') FROM notify_deliveries GROUP BY channel
             UNION ALL SELECT '', count(*) FROM notify_events WHERE routed = 0",
        )
        .fetch_all(self.reader())
        .await?)
    }

    /// Forgets delivered notices older than `before` (unix ms), keeping any still pending.
    pub async fn prune_notices(&self, before: i64) -> Result<u64, StoreError> {
        let mut tx = self.begin_write().await?;
        let old = "SELECT id FROM notify_events e WHERE e.created_at < ?1 AND e.routed = 1
                   AND NOT EXISTS (SELECT 1 FROM notify_deliveries d WHERE d.event_id = e.id AND d.state = 'pending')";
        sqlx::query(&format!(
            "DELETE FROM notify_deliveries WHERE event_id IN ({old})"
        ))
        .bind(before)
        .execute(&mut *tx)
        .await?;
        let n = sqlx::query(&format!("DELETE FROM notify_events WHERE id IN ({old})"))
            .bind(before)
            .execute(&mut *tx)
            .await?
            .rows_affected();
        tx.commit().await?;
        Ok(n)
    }
}

fn push_ids(q: &mut QueryBuilder<'_, Sqlite>, ids: &[i64]) {
    let mut s = q.separated(", ");
    for id in ids {
        s.push_bind(*id);
    }
    q.push(")");
}

impl Store {
    /// Writes a notice in a transaction of its own (events no decision causes: LLM outages, the
    /// daily summary). Returns whether it is new.
    pub async fn record_notice(&self, key: &str, notice: &Notice) -> Result<bool, StoreError> {
        let mut tx = self.begin_write().await?;
        let new = insert_notice(&mut tx, key, notice).await?;
        tx.commit().await?;
        self.wake_notifier();
        Ok(new)
    }

    /// The LLM has failed since `since_ms`: one notice per outage, even across restarts (none
    /// while the last LLM notice is an unanswered `llm_down`). Returns whether one was written.
    pub async fn record_llm_down(&self, since_ms: i64, error: &str) -> Result<bool, StoreError> {
        let mut tx = self.begin_write().await?;
        if last_llm_notice(&mut *tx).await?.as_deref() == Some("llm_down") {
            return Ok(false);
        }
        let notice = Notice::llm_down(since_ms, error, now_ms());
        let new = insert_notice(&mut tx, &format!("llm_down:{since_ms}"), &notice).await?;
        tx.commit().await?;
        self.wake_notifier();
        Ok(new)
    }

    /// The LLM answered: closes a notified outage with an `llm_up` notice. Returns whether one
    /// was written.
    pub async fn record_llm_up(&self) -> Result<bool, StoreError> {
        // Read first: nearly always there is no open outage, and the writer is the pipeline's.
        if last_llm_notice(self.reader()).await?.as_deref() != Some("llm_down") {
            return Ok(false);
        }
        let mut tx = self.begin_write().await?;
        let last: Option<(i64, String)> = sqlx::query_as(
            "SELECT id, dedupe_key FROM notify_events WHERE kind IN ('llm_down', 'llm_up')
             ORDER BY id DESC LIMIT 1",
        )
        .fetch_optional(&mut *tx)
        .await?;
        // The outage's start is in its key (`llm_down:<since ms>`).
        let Some((id, since)) = last.and_then(|(id, key)| {
            let since = key.strip_prefix("llm_down:")?.parse::<i64>().ok()?;
            Some((id, since))
        }) else {
            return Ok(false);
        };
        let notice = Notice::llm_up(since, now_ms());
        let new = insert_notice(&mut tx, &format!("llm_up:{id}"), &notice).await?;
        tx.commit().await?;
        self.wake_notifier();
        Ok(new)
    }

    /// Whether the daily summary for `date` was written already.
    pub async fn has_notice(&self, key: &str) -> Result<bool, StoreError> {
        let n: i64 = sqlx::query_scalar("SELECT count(*) FROM notify_events WHERE dedupe_key = ?")
            .bind(key)
            .fetch_one(self.reader())
            .await?;
        Ok(n > 0)
    }

    /// Per creator since `since_ms`: replies, offers, purchases and revenue of agent offers,
    /// escalations and failures (the daily summary).
    pub async fn summary_lines(&self, since_ms: i64) -> Result<Vec<SummaryLine>, StoreError> {
        let rows: Vec<SummaryRow> = sqlx::query_as(
            "SELECT c.handle AS creator,
               (SELECT count(*) FROM decisions d WHERE d.creator_handle = c.handle AND d.decided_at >= ?1 AND d.outcome = 'replied') AS replies,
               (SELECT count(*) FROM decisions d WHERE d.creator_handle = c.handle AND d.decided_at >= ?1 AND d.outcome = 'offered') AS offers,
               (SELECT count(*) FROM offers o WHERE o.creator_handle = c.handle AND o.status = 'purchased' AND o.resolved_at >= ?1) AS purchases,
               (SELECT coalesce(sum(price_cents), 0) FROM offers o WHERE o.creator_handle = c.handle AND o.status = 'purchased' AND o.resolved_at >= ?1) AS revenue_cents,
               (SELECT count(*) FROM decisions d WHERE d.creator_handle = c.handle AND d.decided_at >= ?1 AND d.outcome = 'escalated') AS escalations,
               (SELECT count(*) FROM decisions d WHERE d.creator_handle = c.handle AND d.decided_at >= ?1 AND d.outcome = 'failed') AS failed
             FROM creators c ORDER BY c.handle",
        )
        .bind(since_ms)
        .fetch_all(self.reader())
        .await?;
        Ok(rows
            .into_iter()
            .map(|r| SummaryLine {
                creator: r.creator,
                replies: r.replies,
                offers: r.offers,
                purchases: r.purchases,
                revenue_cents: r.revenue_cents,
                escalations: r.escalations,
                failed: r.failed,
            })
            .collect())
    }
}

/// The kind of the newest LLM notice (`llm_down` or `llm_up`), if any.
async fn last_llm_notice<'e, E: Executor<'e, Database = Sqlite>>(
    exec: E,
) -> Result<Option<String>, StoreError> {
    Ok(sqlx::query_scalar(
        "SELECT kind FROM notify_events WHERE kind IN ('llm_down', 'llm_up') ORDER BY id DESC LIMIT 1",
    )
    .fetch_optional(exec)
    .await?)
}

#[cfg(test)]
mod tests {
    use crate::domain::{DecisionInfo, MarkCategory, Mode, NewMark, Outcome, Purpose, ReplyPlan};
    use crate::store::{test_store, testing, CreatorStatus, Store};

    const FAN: &str = "3f2a1b2c-0000-4000-8000-000000000001";

    async fn fan_says(store: &Store, key: &str, text: &str) -> i64 {
        testing::accept_new(store, &testing::fan_message(key, FAN, text)).await
    }

    async fn notices(store: &Store) -> Vec<(String, crate::domain::Notice)> {
        let rows: Vec<(String, String)> =
            sqlx::query_as("SELECT dedupe_key, notice FROM notify_events ORDER BY id")
                .fetch_all(store.reader())
                .await
                .unwrap();
        rows.into_iter()
            .map(|(k, n)| (k, serde_json::from_str(&n).unwrap()))
            .collect()
    }

    #[tokio::test]
    async fn an_escalation_writes_one_notice_with_its_decision_and_a_failed_decision_none() {
        let (store, _dir) = test_store().await;
        store.ensure_creator("c").await.unwrap();
        let a = fan_says(&store, "a", "i am 16").await;
        let b = fan_says(&store, "b", "really").await;
        let info = DecisionInfo {
            marks: vec![NewMark {
                category: MarkCategory::Minor,
                rule: "underage".into(),
                reason: "for a human: underage".into(),
                until: None,
            }],
            ..DecisionInfo::reason("for a human: underage (16)")
        };
        store
            .decide("c", FAN, &[a, b], Outcome::Escalated, &info)
            .await
            .unwrap();
        // Deciding the same events again fails, and with it its notice: never two.
        assert!(store
            .decide("c", FAN, &[a], Outcome::Escalated, &info)
            .await
            .is_err());
        let c = fan_says(&store, "c", "hello").await;
        store
            .decide(
                "c",
                FAN,
                &[c],
                Outcome::Replied,
                &DecisionInfo::reason("ok"),
            )
            .await
            .unwrap();
        let got = notices(&store).await;
        assert_eq!(got.len(), 1, "{got:?}");
        let (key, n) = &got[0];
        assert_eq!(key, &format!("escalation:{a}"));
        assert_eq!(n.fan_words.as_deref(), Some("i am 16\nreally"));
        assert_eq!(
            (n.category.as_deref(), n.rule.as_deref()),
            (Some("minor"), Some("underage"))
        );
        assert!(
            n.commands[0].starts_with(&format!("fanvue-agent clear c {FAN}")),
            "{n:?}"
        );
    }

    #[tokio::test]
    async fn an_approve_mode_draft_a_failed_send_and_a_revoked_grant_each_write_one_notice() {
        let (store, _dir) = test_store().await;
        store.ensure_creator("c").await.unwrap();
        let a = fan_says(&store, "a", "hey").await;
        let plan = ReplyPlan::new(Purpose::Reply, "hi you");
        let info = DecisionInfo::reason("answered");
        let draft = store
            .commit_plan(
                "c",
                FAN,
                &[a],
                &plan,
                Outcome::Replied,
                &info,
                Mode::Approve,
            )
            .await
            .unwrap();
        let b = fan_says(&store, "b", "hey again").await;
        let outbox = store
            .commit_plan("c", FAN, &[b], &plan, Outcome::Replied, &info, Mode::Live)
            .await
            .unwrap();
        store
            .mark_failed(outbox, "HTTP 403 forbidden", 1)
            .await
            .unwrap();
        for _ in 0..2 {
            store
                .set_creator_status("c", CreatorStatus::NeedsReconnect, Some("invalid_grant"))
                .await
                .unwrap();
        }
        let got = notices(&store).await;
        let keys: Vec<&str> = got.iter().map(|(k, _)| k.as_str()).collect();
        assert_eq!(keys.len(), 3, "{keys:?}");
        assert_eq!(keys[0], format!("draft:{draft}"));
        assert_eq!(
            got[0].1.commands[0],
            format!("fanvue-agent approve {draft}")
        );
        assert_eq!(got[0].1.fan_words.as_deref(), Some("hey"));
        assert_eq!(keys[1], format!("send_failed:{outbox}"));
        assert!(
            keys[2].starts_with("reconnect:c:"),
            "once per change of status: {keys:?}"
        );
        assert_eq!(got[2].1.commands, ["fanvue-agent connect c"]);
    }

    #[tokio::test]
    async fn an_llm_outage_is_noticed_once_and_closed_once_even_across_restarts() {
        let (store, _dir) = test_store().await;
        assert!(!store.record_llm_up().await.unwrap(), "nothing to close");
        assert!(store.record_llm_down(1_000, "timeout").await.unwrap());
        assert!(
            !store.record_llm_down(5_000, "timeout").await.unwrap(),
            "the same outage"
        );
        assert!(store.record_llm_up().await.unwrap());
        assert!(!store.record_llm_up().await.unwrap());
        assert!(
            store.record_llm_down(9_000, "refused").await.unwrap(),
            "a new outage"
        );
        let kinds: Vec<String> = notices(&store).await.into_iter().map(|(k, _)| k).collect();
        assert_eq!(kinds.len(), 3);
        assert_eq!(
            kinds[1],
            "llm_up:1".replace('1', &kinds_id(&store, "llm_down:1000").await)
        );
    }

    async fn kinds_id(store: &Store, key: &str) -> String {
        let id: i64 = sqlx::query_scalar("SELECT id FROM notify_events WHERE dedupe_key = ?")
            .bind(key)
            .fetch_one(store.reader())
            .await
            .unwrap();
        id.to_string()
    }
}
