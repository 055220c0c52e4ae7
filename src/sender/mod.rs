//! The sender: one task per creator drains that creator's outbox through its rate limiter.
//! A send whose outcome is unknown (timeout, 5xx, crash) becomes `in_doubt` and is reconciled by
//! reading the chat before anything is resent: never a blind retry. Before a message leaves, the
//! chat is read once more and the message dropped if someone else took the chat or the fan wrote
//! again ([`confirm`]).

pub mod confirm;

use crate::{
    config::{CreatorSettings, LiveConfig},
    domain::fan::NOT_CONTACTABLE,
    domain::retry::{Jitter, RetryPolicy},
    domain::time::now_ms,
    fanvue::{client::SendMessage, ApiError, Apis},
    store::{
        outbox::{OutboxRow, OutboxState},
        Store,
    },
};
use std::{
    collections::HashMap,
    sync::{Arc, Mutex},
    time::Duration,
};
use tokio::sync::Notify;
use tokio_util::sync::CancellationToken;
use tracing::{info, warn};

/// Wakes a creator's sender when its outbox gets a row.
#[derive(Clone, Debug, Default)]
pub struct SenderHandle {
    map: Arc<Mutex<HashMap<String, Arc<Notify>>>>,
}

impl SenderHandle {
    pub fn notify_for(&self, creator: &str) -> Arc<Notify> {
        self.map
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .entry(creator.to_string())
            .or_default()
            .clone()
    }

    pub fn wake(&self, creator: &str) {
        self.notify_for(creator).notify_one();
    }
}

/// Called with (creator, fan) when the check before sending dropped a reply or found fan
/// messages the inbox lacked: that chat has work for the dispatcher.
pub type WakeChat = Arc<dyn Fn(&str, &str) + Send + Sync>;

/// What one creator's sender needs.
#[derive(Clone)]
pub struct Sender {
    pub store: Store,
    /// The config in force: each round reads the creator's settings once, when it starts.
    pub cfg: LiveConfig,
    pub apis: Arc<Apis>,
    pub wake_chat: WakeChat,
}

/// How long a round of sends waits for other chats' replies being drafted, so one read covers them.
const GATHER: Duration = Duration::from_millis(250);

/// How long after its read a confirmed message may still go (the rate limiter can hold sends):
/// past it, the rest of a round is read again.
const CONFIRMED_FOR: Duration = Duration::from_millis(1500);

/// How a delivery attempt ended.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Delivery {
    Sent {
        message_uuid: String,
        reconciled: bool,
    },
    Rescheduled {
        state: OutboxState,
        after: Duration,
        error: String,
    },
    Failed(String),
    /// Not open any more (another task took it).
    Skipped,
}

impl Sender {
    /// Drains `creator`'s outbox until `shutdown`: due rows in order, then sleeps until the next
    /// row is due or it is woken.
    pub async fn run(self, creator: String, wake: Arc<Notify>, shutdown: CancellationToken) {
        let mut gathered: Option<i64> = None;
        loop {
            // A round's settings: a reload mid-round applies from the next round on.
            let settings = self.cfg.get().creator_settings(&creator);
            let s = &settings;
            let next_due = match self.store.open_outbox(&creator).await {
                Ok(rows) => {
                    let (due, later) = self.due_now(s, rows);
                    if self.gathers(s, &creator, &due, &mut gathered).await {
                        // Replies of the creator's other chats are being drafted: the round
                        // waits a moment so one read confirms them all.
                        tokio::select! {
                            _ = shutdown.cancelled() => return,
                            _ = tokio::time::sleep(GATHER) => continue,
                        }
                    }
                    // A send interrupted by shutdown stays `sending` and is reconciled on start.
                    tokio::select! {
                        _ = shutdown.cancelled() => return,
                        again = self.deliver_due(s, &creator, due) => if again { Some(now_ms()) } else { later },
                    }
                }
                Err(e) => {
                    warn!(creator = %creator, error = %e, "cannot read the outbox");
                    Some(now_ms() + 1000)
                }
            };
            let wait = next_due
                .map(|t| Duration::from_millis((t - now_ms()).clamp(0, 5000) as u64))
                .unwrap_or(Duration::from_secs(5));
            tokio::select! {
                _ = shutdown.cancelled() => return,
                _ = wake.notified() => {},
                _ = tokio::time::sleep(wait) => {},
            }
        }
    }

    /// Whether the round of `due` should first wait [`GATHER`] for the creator's other chats
    /// (once per round, only with the check before sending, only while other chats have events
    /// being decided).
    async fn gathers(
        &self,
        s: &CreatorSettings,
        creator: &str,
        due: &[OutboxRow],
        gathered: &mut Option<i64>,
    ) -> bool {
        let Some(first) = due.first() else {
            return false;
        };
        if !s.agent.confirm_before_send || *gathered == Some(first.id) {
            return false;
        }
        *gathered = Some(first.id);
        self.store
            .others_pending(creator, &first.fan)
            .await
            .unwrap_or(false)
    }

    /// The rows to send now: every due row, and with the check before sending on, the rows due
    /// within its window too (they share the due rows' read). Also when the next row is due.
    fn due_now(&self, s: &CreatorSettings, rows: Vec<OutboxRow>) -> (Vec<OutboxRow>, Option<i64>) {
        let now = now_ms();
        let agent = &s.agent;
        if !rows.iter().any(|r| r.not_before <= now) {
            return (vec![], rows.first().map(|r| r.not_before));
        }
        let horizon = now
            + if agent.confirm_before_send {
                agent.confirm_window_ms as i64
            } else {
                0
            };
        let (due, later): (Vec<OutboxRow>, Vec<OutboxRow>) =
            rows.into_iter().partition(|r| r.not_before <= horizon);
        (due, later.first().map(|r| r.not_before))
    }

    /// Sends `rows` (in order), each after the check when it is on. Returns whether rows were
    /// left for another round (their check went stale while the limiter held the sends).
    async fn deliver_due(&self, s: &CreatorSettings, creator: &str, rows: Vec<OutboxRow>) -> bool {
        if !s.agent.confirm_before_send {
            for row in &rows {
                self.deliver(s, row).await;
            }
            return false;
        }
        // A message in doubt may be in the chat under an unknown uuid: its own path reads the
        // chat and settles it first; the other rows of its chat wait for the next round.
        let doubtful: Vec<String> = rows
            .iter()
            .filter(|r| r.state == OutboxState::InDoubt)
            .map(|r| r.fan.clone())
            .collect();
        let (doubt, rest): (Vec<&OutboxRow>, Vec<&OutboxRow>) =
            rows.iter().partition(|r| doubtful.contains(&r.fan));
        let mut left = false;
        for row in doubt {
            match row.state {
                OutboxState::InDoubt => {
                    self.deliver(s, row).await;
                }
                _ => left = true,
            }
        }
        for chunk in rest.chunks(50) {
            left |= self.confirm_round(s, creator, chunk).await;
        }
        left
    }

    /// One batch read of the chats of `rows`, then each row sent, dropped or put back. Every
    /// message is checked on a read made for its round: a stored read even half a second old
    /// can miss a fan message whose webhook was lost.
    async fn confirm_round(&self, s: &CreatorSettings, creator: &str, rows: &[&OutboxRow]) -> bool {
        // The round's calls (its sends, and one read) pass the limiter now, so its pacing cannot
        // stretch the time between the check and the sends (a creator typing meanwhile would be
        // talked over). A permit left unused is spent by the creator's next call.
        self.apis
            .get(creator)
            .limiter()
            .reserve(1 + rows.len() as u32)
            .await;
        let mut chats: Vec<String> = rows.iter().map(|r| r.fan.clone()).collect();
        chats.sort();
        chats.dedup();
        let read_at = now_ms();
        let pages = match self.read_chats(s, creator, &chats, read_at).await {
            Ok(p) => p,
            Err(e) => {
                for row in rows {
                    self.not_confirmed(row, &e).await;
                }
                return false;
            }
        };
        if let Some(first) = rows.first() {
            let _ = self.store.add_outbox_calls(first.id, 1).await;
        }
        for row in rows {
            if now_ms() - read_at > CONFIRMED_FOR.as_millis() as i64 {
                return true;
            }
            match pages.get(&row.fan.to_ascii_lowercase()) {
                Some(page) => self.judge_and_send(s, row, page).await,
                None => {
                    let e = ApiError::Transient {
                        reason: "the batch read did not return this chat".into(),
                        maybe_processed: false,
                    };
                    self.not_confirmed(row, &e).await
                }
            }
        }
        false
    }

    /// Reads `chats` in one call; stores what it read and takes in fan messages the inbox lacked
    /// (waking their chats). Returns each chat's page.
    async fn read_chats(
        &self,
        s: &CreatorSettings,
        creator: &str,
        chats: &[String],
        read_at: i64,
    ) -> Result<HashMap<String, Vec<crate::fanvue::types::Message>>, ApiError> {
        let size = s.agent.history_messages.clamp(1, 50);
        let batch = self
            .apis
            .get(creator)
            .batch_messages(chats, Some(size), None)
            .await?;
        let mut pages = HashMap::new();
        for (chat, page) in batch.by_chat {
            let chat = chat.to_ascii_lowercase();
            if let Some(err) = &page.error {
                warn!(fan = %chat, error = %err, "the batch could not read a chat before sending");
                continue;
            }
            let found = crate::agent::history::take_in(
                &self.store,
                creator,
                &chat,
                page.messages.clone(),
                "read",
                read_at,
            )
            .await;
            if found > 0 {
                info!(fan = %chat, found, "the check before sending found fan messages no webhook brought");
                (self.wake_chat)(creator, &chat);
            }
            pages.insert(chat, page.messages);
        }
        Ok(pages)
    }

    /// Sends one row if the check on its chat's fresh page lets it go.
    async fn judge_and_send(
        &self,
        s: &CreatorSettings,
        row: &OutboxRow,
        page: &[crate::fanvue::types::Message],
    ) {
        if self.still_wanted(s, row, page).await {
            self.deliver(s, row).await;
        }
    }

    /// The fan messages of `page` the row's draft did not have: the inbox got them after the
    /// drafting job read the chat (the round's read has just committed any it lacked), and they
    /// are not among those this row answers.
    async fn unseen_by_draft(
        &self,
        row: &OutboxRow,
        page: &[crate::fanvue::types::Message],
    ) -> Vec<String> {
        let Some(context_at) = row.context_at else {
            return vec![];
        };
        let mut unseen = vec![];
        for m in page
            .iter()
            .filter(|m| m.sender.uuid.eq_ignore_ascii_case(&row.fan))
        {
            match self.store.inbox_arrival(&m.uuid).await {
                Ok(Some(arrival)) => {
                    if arrival.received_at > context_at && arrival.outbox_id != Some(row.id) {
                        unseen.push(m.uuid.clone());
                    }
                }
                // Not in the inbox: older than the creator side's last message (history the
                // read took in is committed to the inbox when unanswered).
                Ok(None) => {}
                Err(e) => warn!(error = %e, "cannot look up a fan message; taking it as seen"),
            }
        }
        unseen
    }

    /// The creator wrote by hand: the message is dropped and the chat's AI paused.
    async fn taken_over(
        &self,
        row: &OutboxRow,
        uuid: &str,
        sent_at_ms: Option<i64>,
        takeover_ms: i64,
    ) {
        let now = now_ms();
        let until = sent_at_ms.unwrap_or(now).min(now) + takeover_ms;
        let why = format!(
            "the creator wrote by hand (message {uuid}) after what it answers; chat paused for {} s",
            (until - now) / 1000
        );
        info!(outbox = row.id, "{why}");
        if let Err(e) = self.store.pause_fan(&row.creator, &row.fan, until).await {
            warn!(error = %e, "cannot pause the chat");
        }
        let _ = self.store.drop_outbox(row.id, &why).await;
    }

    /// Whether a human replied by hand (console, CLI) after the agent drafted `row`: the row is
    /// then dropped, as the chat is theirs now. The human's own messages always go.
    async fn replied_by_hand_since(&self, row: &OutboxRow) -> bool {
        if row.purpose == crate::domain::Purpose::ByHand {
            return false;
        }
        let since = row.context_at.unwrap_or(row.created_at);
        match self
            .store
            .by_hand_since(&row.creator, &row.fan, since)
            .await
        {
            Ok(false) => false,
            Ok(true) => {
                let why = crate::store::outbox::TAKEN_BY_HAND;
                info!(outbox = row.id, "{why}");
                let _ = self.store.drop_outbox(row.id, why).await;
                true
            }
            Err(e) => {
                warn!(error = %e, "cannot tell whether a human replied by hand; sending");
                false
            }
        }
    }

    /// The chat could not be read: the row waits (it never leaves unconfirmed), or fails when the
    /// read can never succeed.
    async fn not_confirmed(&self, row: &OutboxRow, e: &ApiError) {
        warn!(outbox = row.id, error = %e, "cannot read the chat to confirm before sending");
        let why = format!("cannot read the chat to confirm before sending: {e}");
        match reschedule(row, e, OutboxState::Pending) {
            Delivery::Rescheduled { state, after, .. } => {
                let at = now_ms() + after.as_millis() as i64;
                until_recorded(|| self.store.reschedule_outbox(row.id, state, at, &why, 0)).await;
            }
            _ => until_recorded(|| self.store.mark_failed(row.id, &why, 0)).await,
        }
    }

    /// One delivery attempt of one row, recorded in the store.
    #[tracing::instrument(skip(self, s, row), fields(creator = %row.creator, fan = %row.fan, outbox = row.id))]
    pub async fn deliver(&self, s: &CreatorSettings, row: &OutboxRow) -> Delivery {
        let res = self.attempt(s, row).await;
        match &res {
            Delivery::Sent { .. } | Delivery::Skipped => {}
            Delivery::Rescheduled {
                state,
                after,
                error,
            } => {
                warn!(error = %error, state = state.as_str(), retry_in_ms = after.as_millis() as u64, "send not done");
                let at = now_ms() + after.as_millis() as i64;
                until_recorded(|| self.store.reschedule_outbox(row.id, *state, at, error, 0)).await;
            }
            Delivery::Failed(e) => {
                warn!(error = %e, "send failed for good");
                crate::metrics::metrics()
                    .sends
                    .get_or_create(&crate::metrics::DecisionLabels {
                        creator: row.creator.clone(),
                        outcome: "failed".into(),
                    })
                    .inc();
                until_recorded(|| self.store.mark_failed(row.id, e, 0)).await;
            }
        }
        res
    }

    async fn attempt(&self, s: &CreatorSettings, row: &OutboxRow) -> Delivery {
        let api = self.apis.get(&row.creator);
        if row.state == OutboxState::InDoubt {
            match self.reconcile(row).await {
                Ok((Some((uuid, sent_at)), _)) => {
                    info!(message_uuid = %uuid, "in-doubt send found in the chat: not resending");
                    return self.sent(s, row, uuid, sent_at, 1, true).await;
                }
                Ok((None, page)) => {
                    let _ = self.store.add_outbox_calls(row.id, 1).await;
                    if s.agent.confirm_before_send && !self.still_wanted(s, row, &page).await {
                        return Delivery::Skipped;
                    }
                }
                Err(e) => return reschedule(row, &e, OutboxState::InDoubt),
            }
        }
        if row.attempts >= s.agent.send_attempts as i64 {
            return Delivery::Failed(format!("gave up after {} attempts", row.attempts));
        }
        // The last word before anything leaves: whatever queued it (a reply, a welcome, a
        // follow-up, a sequence), a fan Fanvue refuses messages to gets nothing.
        if !self
            .store
            .contactable(&row.creator, &row.fan)
            .await
            .unwrap_or(true)
        {
            return Delivery::Failed(format!("{NOT_CONTACTABLE}: never sent"));
        }
        if self.replied_by_hand_since(row).await {
            return Delivery::Skipped;
        }
        match self.store.claim_outbox(row.id).await {
            Ok(true) => {}
            Ok(false) => return Delivery::Skipped,
            Err(e) => {
                return Delivery::Rescheduled {
                    state: OutboxState::Pending,
                    after: Duration::from_secs(1),
                    error: e.to_string(),
                }
            }
        }
        let msg = SendMessage {
            text: row.text.clone(),
            media_uuids: row.media_uuids.clone(),
            price: row.price_cents,
            template_uuid: None,
        };
        match api.send_message(&row.fan, &msg).await {
            // The message's time is taken as when the request went out: a fan message written
            // while it was in flight was not seen by this reply, so it is answered, not skipped.
            Ok(sent) => {
                let at = crate::domain::time::rfc3339_ms(sent.requested_at_ms);
                self.sent(s, row, sent.message_uuid, Some(at), 1, false)
                    .await
            }
            Err(e) => {
                let _ = self.store.add_outbox_calls(row.id, 1).await;
                if refused_as_not_contactable(&e) {
                    let _ = self
                        .store
                        .mark_not_contactable(&row.creator, &row.fan)
                        .await;
                    return Delivery::Failed(format!("{NOT_CONTACTABLE}: {e}"));
                }
                let state = match &e {
                    ApiError::Transient {
                        maybe_processed: true,
                        ..
                    } => OutboxState::InDoubt,
                    _ => OutboxState::Pending,
                };
                reschedule(row, &e, state)
            }
        }
    }

    /// `sent_at` is Fanvue's timestamp when known (reconciled), else when the request went out.
    async fn sent(
        &self,
        s: &CreatorSettings,
        row: &OutboxRow,
        uuid: String,
        sent_at: Option<String>,
        calls: i64,
        reconciled: bool,
    ) -> Delivery {
        let m = crate::metrics::metrics();
        // The message is out: its row is `sending` until this is recorded (a crash meanwhile is
        // reconciled on the next start).
        let e2e = until_recorded(|| self.store.mark_sent(row, &uuid, sent_at.clone(), calls)).await;
        for ms in &e2e {
            m.reply_latency.observe(*ms as f64 / 1000.0);
        }
        let result = if reconciled { "reconciled" } else { "sent" };
        m.sends
            .get_or_create(&crate::metrics::DecisionLabels {
                creator: row.creator.clone(),
                outcome: result.into(),
            })
            .inc();
        info!(message_uuid = %uuid, purpose = row.purpose.as_str(), "sent");
        if s.agent.mark_read_after_reply {
            match self.apis.get(&row.creator).mark_read(&row.fan).await {
                Ok(()) => {
                    let _ = self.store.add_outbox_calls(row.id, 1).await;
                }
                Err(e) => warn!(error = %e, "cannot mark the chat read"),
            }
        }
        Delivery::Sent {
            message_uuid: uuid,
            reconciled,
        }
    }

    /// The check before sending on a fresh page of the row's chat (the round's batch read, or
    /// the page a reconcile read before resending). False when the row was dropped.
    async fn still_wanted(
        &self,
        s: &CreatorSettings,
        row: &OutboxRow,
        page: &[crate::fanvue::types::Message],
    ) -> bool {
        let ours = self
            .store
            .sent_message_uuids(&row.creator, &row.fan, false)
            .await
            .unwrap_or_default();
        let takeover_ms = s.agent.human_takeover_secs as i64 * 1000;
        let unseen = self.unseen_by_draft(row, page).await;
        match confirm::check(row, page, &ours, &unseen, now_ms(), takeover_ms) {
            confirm::Verdict::Send => true,
            confirm::Verdict::Takeover { uuid, sent_at_ms } => {
                self.taken_over(row, &uuid, sent_at_ms, takeover_ms).await;
                false
            }
            confirm::Verdict::FanWroteAgain { .. } => {
                let _ = self
                    .store
                    .drop_outbox(row.id, crate::store::outbox::FOLDED)
                    .await;
                (self.wake_chat)(&row.creator, &row.fan);
                false
            }
        }
    }

    /// Looks for our text among the chat's newest messages (without marking it read). Returns the
    /// message's uuid and Fanvue's `sentAt` when found, and the page read.
    async fn reconcile(
        &self,
        row: &OutboxRow,
    ) -> Result<
        (
            Option<(String, Option<String>)>,
            Vec<crate::fanvue::types::Message>,
        ),
        ApiError,
    > {
        let api = self.apis.get(&row.creator);
        let page = api
            .list_messages(&row.fan, Some(1), Some(20), false)
            .await?;
        let ours = self
            .store
            .sent_message_uuids(&row.creator, &row.fan, false)
            .await
            .unwrap_or_default();
        let want = row.text.as_deref().map(str::trim).unwrap_or("");
        let since = row.created_at - 60_000;
        let found = page
            .data
            .iter()
            .filter(|m| !m.sender.uuid.eq_ignore_ascii_case(&row.fan))
            .filter(|m| !ours.contains(&m.uuid.to_ascii_lowercase()))
            .filter(|m| m.text.as_deref().map(str::trim).unwrap_or("") == want)
            .filter(|m| m.media_uuids.len() == row.media_uuids.len())
            .find(|m| {
                m.sent_at
                    .as_deref()
                    .and_then(crate::domain::time::parse_ms)
                    .is_none_or(|t| t >= since)
            })
            .map(|m| (m.uuid.clone(), m.sent_at.clone()));
        Ok((found, page.data))
    }
}

/// A send that failed in a way worth retrying (5xx, timeout, refused token) waits from 1 s up to
/// a minute, spread a little so a creator's queued replies do not retry in lockstep.
const SEND_RETRY: RetryPolicy = RetryPolicy {
    first: Duration::from_secs(1),
    max: Duration::from_secs(60),
    jitter: Jitter::Added(Duration::from_millis(250)),
};

/// Whether Fanvue refused a send because the fan is not contactable (a 400 saying so): the fan
/// is then recorded as such, and nothing more is sent to them.
fn refused_as_not_contactable(e: &ApiError) -> bool {
    matches!(e, ApiError::Permanent { status: 400, message }
        if message.to_ascii_lowercase().contains("not contactable"))
}

fn reschedule(row: &OutboxRow, e: &ApiError, state: OutboxState) -> Delivery {
    let backoff = || SEND_RETRY.delay(row.attempts.max(0) as u32 + 1);
    let (state, after) = match e {
        ApiError::RateLimited { retry_after } => (state, *retry_after),
        ApiError::Transient { .. } | ApiError::Unauthorized { .. } => (state, backoff()),
        // A paused creator is checked locally (no API call) until reconnected.
        ApiError::PauseCreator { .. } => (state, Duration::from_secs(10)),
        ApiError::VersionSunset { .. } => (state, Duration::from_secs(300)),
        ApiError::Permanent { .. } | ApiError::Invalid(_) if state == OutboxState::Pending => {
            return Delivery::Failed(e.to_string())
        }
        // A read for reconciling was refused: keep the row in doubt and try again later.
        ApiError::Permanent { .. } | ApiError::Invalid(_) => (state, Duration::from_secs(30)),
    };
    Delivery::Rescheduled {
        state,
        after,
        error: e.to_string(),
    }
}

/// Runs a store write until it succeeds: a row left `sending` in a running daemon would never be
/// picked up again (only a restart reconciles those), so the outcome of a send must be recorded
/// once the store is writable again (full disk, lock held elsewhere). Cancelled with the sender
/// on shutdown.
async fn until_recorded<T, F, Fut>(mut write: F) -> T
where
    F: FnMut() -> Fut,
    Fut: std::future::Future<Output = Result<T, crate::store::StoreError>>,
{
    let mut failures = 0;
    loop {
        match write().await {
            Ok(v) => return v,
            Err(e) => {
                failures += 1;
                let delay = crate::domain::retry::STORE_WRITE.delay(failures);
                warn!(error = %e, retry_in_ms = delay.as_millis() as u64, "cannot record the send's outcome yet");
                tokio::time::sleep(delay).await;
            }
        }
    }
}
