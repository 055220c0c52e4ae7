//! Drafts of the `shadow` and `approve` modes: written by the agent, never sent (shadow) or sent
//! only after a human approves them, as written or edited (approve), unless they wait longer
//! than their time to live (then they expire, never sent).

use super::{inbox::chat_fan_wrote, now_ms, outbox::insert_outbox, Store, StoreError};
use crate::domain::{Mode, ReplyPlan};
use serde::Serialize;
use sqlx::{Sqlite, Transaction};
use std::time::Duration;

/// Where a draft stands.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum DraftState {
    /// A `shadow` mode draft: logged, never sent.
    Shadow,
    /// An `approve` mode draft waiting for a human.
    Awaiting,
    /// A human approved it: it went to the outbox.
    Approved,
    Rejected,
    /// Never sent: the fan wrote again, or it expired (its note says which).
    Dropped,
}

impl DraftState {
    pub const ALL: [DraftState; 5] = [
        DraftState::Shadow,
        DraftState::Awaiting,
        DraftState::Approved,
        DraftState::Rejected,
        DraftState::Dropped,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            DraftState::Shadow => "shadow",
            DraftState::Awaiting => "awaiting",
            DraftState::Approved => "approved",
            DraftState::Rejected => "rejected",
            DraftState::Dropped => "dropped",
        }
    }
}

impl std::fmt::Display for DraftState {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// One draft, for `fanvue-agent drafts`.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Draft {
    pub id: i64,
    pub creator: String,
    pub fan: String,
    pub mode: Mode,
    pub state: DraftState,
    pub plan: ReplyPlan,
    pub outbox_id: Option<i64>,
    pub note: Option<String>,
    pub created_at: i64,
    /// What was sent when it differs from the draft's text (a human edited it).
    pub sent_text: Option<String>,
}

/// A draft as SQLite holds it (the plan as JSON, the text that was sent from its outbox row).
#[derive(sqlx::FromRow)]
struct DraftRow {
    id: i64,
    creator_handle: String,
    fan_uuid: String,
    mode: Mode,
    state: DraftState,
    plan: String,
    outbox_id: Option<i64>,
    note: Option<String>,
    created_at: i64,
    sent: Option<String>,
}

impl From<DraftRow> for Draft {
    fn from(r: DraftRow) -> Draft {
        let parsed: Option<ReplyPlan> = serde_json::from_str(&r.plan).ok();
        let drafted = parsed.as_ref().map(|p| p.text.as_str()).unwrap_or_default();
        let sent_text = r.sent.filter(|t| t != drafted);
        // A plan that no longer parses is shown as its raw text rather than lost.
        let plan = parsed.unwrap_or_else(|| ReplyPlan::new(crate::domain::Purpose::Reply, r.plan));
        Draft {
            id: r.id,
            creator: r.creator_handle,
            fan: r.fan_uuid,
            mode: r.mode,
            state: r.state,
            plan,
            outbox_id: r.outbox_id,
            note: r.note,
            created_at: r.created_at,
            sent_text,
        }
    }
}

/// How a human approves a draft.
#[derive(Clone, Debug, Default)]
pub struct Approval<'a> {
    /// The text to send instead of the draft's (the caller ran the draft guardrails over it).
    pub edited: Option<&'a str>,
    /// Who approved (`cli:<user>`), recorded with an edit.
    pub by: &'a str,
    /// How long the draft may wait for approval; `None`: forever.
    pub ttl: Option<Duration>,
}

/// Why an expired draft was not sent, as its note and in its decisions.
pub fn expired_note(ttl: Duration) -> String {
    let secs = ttl.as_secs();
    let after = if secs >= 60 && secs % 60 == 0 {
        format!("{} min", secs / 60)
    } else {
        format!("{secs} s")
    };
    format!("draft expired after {after}, not sent")
}

/// Stores a draft; part of the caller's transaction (the one deciding its events).
pub(crate) async fn insert_draft(
    tx: &mut Transaction<'static, Sqlite>,
    creator: &str,
    fan: &str,
    plan: &ReplyPlan,
    mode: Mode,
) -> Result<i64, StoreError> {
    let state = if mode == Mode::Approve {
        DraftState::Awaiting
    } else {
        DraftState::Shadow
    };
    let now = now_ms();
    let plan = serde_json::to_string(plan).map_err(|e| StoreError::Conflict(e.to_string()))?;
    Ok(sqlx::query_scalar(
        "INSERT INTO drafts (creator_handle, fan_uuid, mode, plan, state, created_at, updated_at)
         VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id",
    )
    .bind(creator)
    .bind(fan)
    .bind(mode)
    .bind(plan)
    .bind(state)
    .bind(now)
    .bind(now)
    .fetch_one(&mut **tx)
    .await?)
}

/// The fan wrote again: drafts waiting for approval in this chat are stale. Part of the
/// transaction that accepts the fan's message, so no human can approve a stale draft after it.
pub(crate) async fn drop_awaiting(
    tx: &mut Transaction<'static, Sqlite>,
    creator: &str,
    fan: &str,
) -> Result<u64, StoreError> {
    drop_awaiting_many(tx, &[(creator, fan.to_string())]).await
}

/// [`drop_awaiting`] for many chats in one statement.
pub(crate) async fn drop_awaiting_many(
    tx: &mut Transaction<'static, Sqlite>,
    chats: &[(&str, String)],
) -> Result<u64, StoreError> {
    if chats.is_empty() {
        return Ok(0);
    }
    let mut q = sqlx::QueryBuilder::<Sqlite>::new(
        "UPDATE drafts SET state = 'dropped', note = 'the fan wrote again before it was approved', updated_at = ",
    );
    q.push_bind(now_ms());
    q.push(" WHERE state = 'awaiting' AND (creator_handle, fan_uuid) IN (");
    q.push_values(chats, |mut row, (creator, fan)| {
        row.push_bind(creator.to_string()).push_bind(fan.clone());
    });
    q.push(")");
    Ok(q.build().execute(&mut **tx).await?.rows_affected())
}

impl Store {
    pub async fn draft(&self, id: i64) -> Result<Option<Draft>, StoreError> {
        let row: Option<DraftRow> = sqlx::query_as(&format!("{SELECT} WHERE d.id = ?"))
            .bind(id)
            .fetch_optional(self.reader())
            .await?;
        Ok(row.map(Draft::from))
    }

    /// Drafts, newest first: of one creator and/or in one state when given.
    pub async fn drafts(
        &self,
        creator: Option<&str>,
        state: Option<DraftState>,
        limit: i64,
    ) -> Result<Vec<Draft>, StoreError> {
        let rows: Vec<DraftRow> = sqlx::query_as(&format!(
            "{SELECT} WHERE (?1 IS NULL OR d.creator_handle = ?1) AND (?2 IS NULL OR d.state = ?2)
             ORDER BY d.id DESC LIMIT ?3"
        ))
        .bind(creator)
        .bind(state)
        .bind(limit)
        .fetch_all(self.reader())
        .await?;
        Ok(rows.into_iter().map(Draft::from).collect())
    }

    /// A human approved draft `id` (as written, or with `edited` text): it goes to the outbox now
    /// and its decisions point at it (and say it was edited). Fails if it is not awaiting approval
    /// (already approved, rejected, dropped, expired, or a shadow draft), waited longer than
    /// `ttl` (it is expired now), the fan wrote after it was drafted, or the fan is marked minor.
    pub async fn approve_draft(&self, id: i64, a: &Approval<'_>) -> Result<i64, StoreError> {
        let mut tx = self.begin_write().await?;
        let row: Option<DraftRow> = sqlx::query_as(&format!("{SELECT} WHERE d.id = ?"))
            .bind(id)
            .fetch_optional(&mut *tx)
            .await?;
        let d = awaiting(row.map(Draft::from), id)?;
        let now = now_ms();
        if let Some(ttl) = a.ttl.filter(|t| d.created_at + t.as_millis() as i64 <= now) {
            let note = expired_note(ttl);
            expire(&mut tx, Stale::One(id), &note, now).await?;
            tx.commit().await?;
            return Err(StoreError::Conflict(format!(
                "draft {id} {}",
                note.trim_start_matches("draft ")
            )));
        }
        if chat_fan_wrote(&mut tx, &d.creator, &d.fan, d.created_at).await? {
            drop_awaiting(&mut tx, &d.creator, &d.fan).await?;
            tx.commit().await?;
            return Err(StoreError::Conflict(format!(
                "draft {id} was dropped: the fan wrote again after it was drafted"
            )));
        }
        if minor_marked(&mut tx, &d.creator, &d.fan).await? {
            return Err(StoreError::Conflict(format!(
                "draft {id} is not sent: the fan is marked minor (nothing reaches them until a human clears the mark)"
            )));
        }
        let mut plan = d.plan.clone();
        if let Some(t) = a.edited {
            plan.text = t.to_string();
        }
        let outbox = insert_outbox(&mut tx, &d.creator, &d.fan, &plan, now).await?;
        let edit = a
            .edited
            .map(|_| format!("edited by a human ({}) before sending", a.by));
        sqlx::query(
            "UPDATE drafts SET state = 'approved', outbox_id = ?, note = ?, updated_at = ? WHERE id = ?",
        )
        .bind(outbox)
        .bind(&edit)
        .bind(now)
        .bind(id)
        .execute(&mut *tx)
        .await?;
        sqlx::query(
            "UPDATE decisions SET outbox_id = ?, reason = reason || coalesce('; ' || ?, '')
             WHERE draft_id = ?",
        )
        .bind(outbox)
        .bind(&edit)
        .bind(id)
        .execute(&mut *tx)
        .await?;
        tx.commit().await?;
        Ok(outbox)
    }

    /// Creators with drafts awaiting approval.
    pub async fn creators_with_awaiting_drafts(&self) -> Result<Vec<String>, StoreError> {
        Ok(sqlx::query_scalar(
            "SELECT DISTINCT creator_handle FROM drafts WHERE state = 'awaiting'",
        )
        .fetch_all(self.reader())
        .await?)
    }

    /// Drafts of `creator` that waited for approval longer than `ttl` by `now`: expired, never
    /// sent, and their decisions say so. Returns how many.
    pub async fn expire_drafts(
        &self,
        creator: &str,
        ttl: Duration,
        now: i64,
    ) -> Result<u64, StoreError> {
        let mut tx = self.begin_write().await?;
        let cutoff = now - ttl.as_millis() as i64;
        let n = expire(
            &mut tx,
            Stale::Before(creator, cutoff),
            &expired_note(ttl),
            now,
        )
        .await?;
        tx.commit().await?;
        Ok(n)
    }

    /// A human rejected draft `id`: it is never sent.
    pub async fn reject_draft(&self, id: i64, note: Option<&str>) -> Result<(), StoreError> {
        let mut tx = self.begin_write().await?;
        let row: Option<DraftRow> = sqlx::query_as(&format!("{SELECT} WHERE d.id = ?"))
            .bind(id)
            .fetch_optional(&mut *tx)
            .await?;
        awaiting(row.map(Draft::from), id)?;
        sqlx::query("UPDATE drafts SET state = 'rejected', note = ?, updated_at = ? WHERE id = ?")
            .bind(note.unwrap_or("rejected by the operator"))
            .bind(now_ms())
            .bind(id)
            .execute(&mut *tx)
            .await?;
        tx.commit().await?;
        Ok(())
    }
}

const SELECT: &str =
    "SELECT d.id, d.creator_handle, d.fan_uuid, d.mode, d.state, d.plan, d.outbox_id,
        d.note, d.created_at, o.text AS sent
    FROM drafts d LEFT JOIN outbox o ON o.id = d.outbox_id";

/// Which awaiting drafts expire.
enum Stale<'a> {
    One(i64),
    /// Those of a creator drafted at or before this unix ms.
    Before(&'a str, i64),
}

/// Marks the awaiting drafts `which` names expired with `note`, and appends the note to their
/// decisions. An expired draft is `dropped`: the drafts table knows no other final state for a
/// draft that was never sent, and the note says why.
async fn expire(
    tx: &mut Transaction<'static, Sqlite>,
    which: Stale<'_>,
    note: &str,
    now: i64,
) -> Result<u64, StoreError> {
    let filter = match which {
        Stale::One(_) => "id = ?3",
        Stale::Before(..) => "creator_handle = ?3 AND created_at <= ?4",
    };
    let stale = format!("SELECT id FROM drafts WHERE state = 'awaiting' AND {filter}");
    let decisions = format!(
        "UPDATE decisions SET reason = reason || '; ' || ?1 WHERE ?2 IS NOT NULL AND draft_id IN ({stale})"
    );
    let drafts = format!(
        "UPDATE drafts SET state = 'dropped', note = ?1, updated_at = ?2 WHERE id IN ({stale})"
    );
    let mut n = 0;
    for sql in [&decisions, &drafts] {
        let q = sqlx::query(sql).bind(note).bind(now);
        let q = match which {
            Stale::One(id) => q.bind(id),
            Stale::Before(creator, cutoff) => q.bind(creator).bind(cutoff),
        };
        n = q.execute(&mut **tx).await?.rows_affected();
    }
    Ok(n)
}

/// Whether the fan is under a minor mark no human has cleared.
async fn minor_marked(
    tx: &mut Transaction<'static, Sqlite>,
    creator: &str,
    fan: &str,
) -> Result<bool, StoreError> {
    const SQL: &str = "SELECT EXISTS (SELECT 1 FROM safety_marks WHERE creator_handle = ?1
        AND fan_uuid = ?2 AND category = 'minor' AND cleared_at IS NULL)";
    let fan = fan.to_ascii_lowercase();
    Ok(super::chat_query(SQL, creator, &fan)
        .fetch_one(&mut **tx)
        .await?)
}

/// The draft if it is awaiting approval, else an error saying what it is.
fn awaiting(d: Option<Draft>, id: i64) -> Result<Draft, StoreError> {
    let d = d.ok_or_else(|| StoreError::NotFound(format!("draft {id}")))?;
    if d.state != DraftState::Awaiting {
        let why = d
            .note
            .as_deref()
            .map(|n| format!(" ({n})"))
            .unwrap_or_default();
        return Err(StoreError::Conflict(format!(
            "draft {id} is {}{why}: only drafts awaiting approval can be approved or rejected",
            d.state
        )));
    }
    Ok(d)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::{DecisionInfo, EventKind, Outcome, Purpose};
    use crate::store::{decisions::DecisionFilter, testing};

    /// A followed-by event of fan `fan` decided with an approve-mode draft saying `text`.
    async fn drafted(store: &Store, fan: &str, text: &str) -> i64 {
        let followed = testing::event(&format!("follow-{fan}"), fan, EventKind::NewFollower);
        let id = testing::accept_new(store, &followed).await;
        let plan = ReplyPlan::new(Purpose::Reply, text);
        let info = DecisionInfo::reason("answered the fan's message");
        store
            .commit_plan(
                "c",
                fan,
                &[id],
                &plan,
                Outcome::Replied,
                &info,
                Mode::Approve,
            )
            .await
            .unwrap()
    }

    #[tokio::test]
    async fn an_edited_draft_queues_the_edit_and_the_log_keeps_the_draft_and_who_edited() {
        let (store, _dir) = crate::store::test_store().await;
        let id = drafted(&store, "f1", "hey there, how was your day?").await;
        let a = Approval {
            edited: Some("hey! how did the exam go?"),
            by: "cli:ana",
            ttl: Some(Duration::from_secs(3600)),
        };
        let outbox = store.approve_draft(id, &a).await.unwrap();
        let sent: String = sqlx::query_scalar("SELECT text FROM outbox WHERE id = ?")
            .bind(outbox)
            .fetch_one(store.reader())
            .await
            .unwrap();
        assert_eq!(sent, "hey! how did the exam go?");
        let d = store.draft(id).await.unwrap().unwrap();
        assert_eq!(
            d.plan.text, "hey there, how was your day?",
            "the draft is kept"
        );
        assert_eq!(d.sent_text.as_deref(), Some("hey! how did the exam go?"));
        assert_eq!(
            d.note.as_deref(),
            Some("edited by a human (cli:ana) before sending")
        );
        let log = store
            .decision_log(&DecisionFilter::default(), 0, 10)
            .await
            .unwrap();
        assert_eq!(log[0].reply.as_deref(), Some("hey! how did the exam go?"));
        assert_eq!(
            log[0].draft_text.as_deref(),
            Some("hey there, how was your day?")
        );
        assert!(log[0]
            .reason
            .ends_with("; edited by a human (cli:ana) before sending"));
        // Approved as written: nothing says edited.
        let id = drafted(&store, "f2", "hi!").await;
        store.approve_draft(id, &Approval::default()).await.unwrap();
        let log = store
            .decision_log(&DecisionFilter::default(), 0, 10)
            .await
            .unwrap();
        assert_eq!(
            (log[1].draft_text.as_deref(), log[1].reason.as_str()),
            (None, "answered the fan's message")
        );
        assert_eq!(store.draft(id).await.unwrap().unwrap().sent_text, None);
    }

    #[tokio::test]
    async fn a_draft_past_its_time_to_live_expires_unsent_by_sweep_or_at_approval() {
        let (store, _dir) = crate::store::test_store().await;
        let swept = drafted(&store, "f1", "one").await;
        let late = drafted(&store, "f2", "two").await;
        let ttl = Duration::from_secs(360 * 60);
        let now = now_ms();
        assert_eq!(
            store.expire_drafts("c", ttl, now).await.unwrap(),
            0,
            "too young"
        );
        assert_eq!(
            store
                .expire_drafts("other", ttl, now + 7 * 3_600_000)
                .await
                .unwrap(),
            0
        );
        // Six hours later the sweep expires both; approving one then is refused, saying why.
        sqlx::query("UPDATE drafts SET created_at = created_at - 7 * 3600000")
            .execute(store.writer())
            .await
            .unwrap();
        assert_eq!(store.creators_with_awaiting_drafts().await.unwrap(), ["c"]);
        let n = store.expire_drafts("c", ttl, now).await.unwrap();
        assert_eq!(n, 2, "both are past 6 h");
        let d = store.draft(swept).await.unwrap().unwrap();
        assert_eq!(
            (d.state.as_str(), d.note.as_deref()),
            ("dropped", Some("draft expired after 360 min, not sent"))
        );
        let err = store
            .approve_draft(
                late,
                &Approval {
                    ttl: Some(ttl),
                    ..Default::default()
                },
            )
            .await
            .unwrap_err()
            .to_string();
        assert!(
            err.contains("draft expired after 360 min, not sent"),
            "{err}"
        );
        let log = store
            .decision_log(&DecisionFilter::default(), 0, 10)
            .await
            .unwrap();
        assert!(
            log.iter().all(|l| l
                .reason
                .ends_with("; draft expired after 360 min, not sent")
                && l.send_state.as_deref() == Some("draft:dropped")),
            "{log:?}"
        );
        assert_eq!(count_outbox(&store).await, 0);
    }

    #[tokio::test]
    async fn approval_enforces_the_time_to_live_itself_and_zero_means_forever() {
        let (store, _dir) = crate::store::test_store().await;
        let old = drafted(&store, "f1", "one").await;
        let keep = drafted(&store, "f2", "two").await;
        sqlx::query("UPDATE drafts SET created_at = created_at - 120000")
            .execute(store.writer())
            .await
            .unwrap();
        let err = store
            .approve_draft(
                old,
                &Approval {
                    ttl: Some(Duration::from_secs(90)),
                    ..Default::default()
                },
            )
            .await
            .unwrap_err()
            .to_string();
        assert_eq!(err, "conflict: draft 1 expired after 90 s, not sent");
        let again = store
            .approve_draft(old, &Approval::default())
            .await
            .unwrap_err()
            .to_string();
        assert!(
            again.contains("is dropped (draft expired after 90 s, not sent)"),
            "{again}"
        );
        store
            .approve_draft(keep, &Approval::default())
            .await
            .unwrap();
        assert_eq!(count_outbox(&store).await, 1);
        let third = drafted(&store, "f3", "three").await;
        store
            .reject_draft(third, Some("too generic"))
            .await
            .unwrap();
        let d = store.draft(third).await.unwrap().unwrap();
        assert_eq!(
            (d.state.as_str(), d.note.as_deref()),
            ("rejected", Some("too generic"))
        );
    }

    async fn count_outbox(store: &Store) -> i64 {
        sqlx::query_scalar("SELECT count(*) FROM outbox")
            .fetch_one(store.reader())
            .await
            .unwrap()
    }
}
