//! Test helpers for the agent's stages: an [`Agent`] over a temporary store and a scripted LLM,
//! and the rows a job reads. No Fanvue: the API map points nowhere and tests never reach it.

use super::{
    llm::{Completion, Llm, LlmError, LlmFuture, LlmRequest},
    Agent, Job,
};
use crate::{
    config::{Config, Secret},
    domain::{Event, EventKind, MessageEvent, MessageUuid, Party},
    fanvue::{client::Tokens, Apis, FanvueClient},
    store::{chats::StoredMessage, inbox::InboxRow, Store},
};
use std::{
    collections::VecDeque,
    sync::{Arc, Mutex},
    time::Duration,
};

pub const CREATOR: &str = "creator1";
pub const FAN: &str = "fan-1";

/// An LLM that answers from a script, one answer per call, and records each request.
#[derive(Default)]
pub struct Scripted {
    pub answers: Mutex<VecDeque<Result<String, LlmError>>>,
    pub requests: Mutex<Vec<LlmRequest>>,
}

impl Scripted {
    pub fn new(answers: Vec<Result<String, LlmError>>) -> Arc<Scripted> {
        Arc::new(Scripted {
            answers: Mutex::new(answers.into()),
            requests: Mutex::default(),
        })
    }

    pub fn requests(&self) -> Vec<LlmRequest> {
        self.requests.lock().unwrap().clone()
    }
}

impl Llm for Scripted {
    fn complete<'a>(&'a self, req: &'a LlmRequest) -> LlmFuture<'a> {
        self.requests.lock().unwrap().push(req.clone());
        let next = self.answers.lock().unwrap().pop_front();
        Box::pin(async move {
            let text = next.unwrap_or_else(|| Err(LlmError::Unavailable("script ended".into())))?;
            Ok(Completion {
                text,
                model: req.model.clone(),
                prompt_tokens: Some(10),
                completion_tokens: Some(5),
                latency: Duration::from_millis(3),
            })
        })
    }
}

/// An agent over a fresh store (the creator known and active) with `cfg` and `llm`.
pub async fn agent(cfg: Config, llm: Arc<dyn Llm>) -> (Agent, tempfile::TempDir) {
    let (store, dir) = crate::store::test_store().await;
    store.ensure_creator(CREATOR).await.unwrap();
    let client = FanvueClient::new(&cfg).unwrap();
    let apis = Apis::new(move |h| client.creator(h, 60, Tokens::Static(Secret::new("t"))));
    let agent = Agent {
        store,
        judge: super::judge::Judge::new(llm.clone()),
        llm,
        apis: Arc::new(apis),
        prompts: Default::default(),
        history: Default::default(),
        values: Default::default(),
    };
    (agent, dir)
}

/// A job of the test creator's chat with the test fan, with the settings `cfg` resolves (kept
/// for the test's life).
pub fn job(cfg: &Config) -> Job<'static> {
    Job {
        creator: CREATOR,
        fan: FAN,
        creator_name: "Mia".into(),
        settings: Box::leak(Box::new(cfg.creator_settings(CREATOR))),
    }
}

/// A stored message of the chat, sent at `sent_at`.
pub fn message(uuid: &str, from_creator: bool, text: &str, sent_at: &str) -> StoredMessage {
    StoredMessage {
        uuid: uuid.into(),
        fan_uuid: FAN.into(),
        from_creator,
        text: Some(text.into()),
        msg_type: None,
        sent_at: Some(sent_at.into()),
        has_media: false,
        media_uuids: vec![],
        price_cents: None,
    }
}

/// The fan's message `uuid` saying `text`, as a webhook brings it.
pub fn event(uuid: &str, text: &str) -> Event {
    fan_event(uuid, text, "2024-01-01T00:00:00Z")
}

fn fan_event(uuid: &str, text: &str, sent_at: &str) -> Event {
    Event {
        dedupe_key: format!("msg:{uuid}"),
        creator: None,
        fan: Party {
            uuid: Some(FAN.into()),
            handle: Some("fanhandle".into()),
            display_name: Some("Sam Fan".into()),
        },
        timestamp: Some(sent_at.into()),
        kind: EventKind::MessageReceived(MessageEvent {
            message_uuid: MessageUuid::from(uuid),
            text: Some(text.into()),
            has_media: false,
            media_uuids: vec![],
            price_cents: None,
            from_creator: false,
            is_automated: false,
            created_at: Some(sent_at.into()),
        }),
    }
}

/// The fan's message `uuid` saying `text`, accepted into the inbox (and so the message store).
pub async fn fan_writes(store: &Store, uuid: &str, text: &str, sent_at: &str) -> InboxRow {
    let event = fan_event(uuid, text, sent_at);
    store
        .accept_event(&event, Some(CREATOR), "test")
        .await
        .unwrap();
    let rows = store.pending_for_chat(CREATOR, FAN).await.unwrap();
    rows.into_iter()
        .find(|r| r.event.dedupe_key == event.dedupe_key)
        .expect("the event is pending")
}

/// The decisions of the test chat, oldest first: `(outcome, reason)`.
pub async fn decisions(store: &Store) -> Vec<(String, String)> {
    sqlx::query_as("SELECT outcome, reason FROM decisions ORDER BY id")
        .fetch_all(store.reader())
        .await
        .unwrap()
}
