//! Replaying a chat in shadow: what the agent would answer now to a fan's last message, drafted by
//! the real agent (LLM client, guardrails, offer rules) in shadow mode on a throw-away copy of the
//! database. Nothing is sent or queued and nothing changes in the real store; Fanvue is only read
//! (the vault, for offers). One implementation for `fanvue-agent replay` and the console's prompt
//! preview.

use super::{
    judge::Judge,
    llm::{Llm, LlmFuture, LlmRequest, Role},
    Agent, JobOutcome,
};
use crate::{
    config::Config,
    domain::Mode,
    fanvue::Apis,
    store::{replay::ReplayDecision, Store},
};
use std::{
    path::PathBuf,
    sync::{Arc, Mutex},
    time::Duration,
};

/// Why a replay could not run: bad input, or a failure underneath.
#[derive(Debug, thiserror::Error)]
pub enum ReplayError {
    #[error("{0}")]
    Input(String),
    #[error(transparent)]
    Store(#[from] crate::store::StoreError),
    #[error(transparent)]
    Prompt(#[from] super::prompt::PromptError),
    #[error(transparent)]
    Agent(#[from] super::AgentError),
    #[error(transparent)]
    Io(#[from] std::io::Error),
}

/// What a replay runs with: the real store (only copied), the config in force, the reply model,
/// the creators' API handles (tokens stay in the real store: a refresh there is kept) and the
/// judge as configured.
#[derive(Clone)]
pub struct Replayer {
    pub store: Store,
    pub cfg: Arc<Config>,
    pub llm: Arc<dyn Llm>,
    pub apis: Arc<Apis>,
    pub judge: Judge,
}

/// What the replay did.
#[derive(Clone, Debug)]
pub struct Replayed {
    /// The fan's message it answered.
    pub fan_text: Option<String>,
    /// The persona's files and version the prompt was rendered from.
    pub persona_files: Vec<String>,
    pub version: String,
    /// The system prompt as the model received it (rendered for this fan), when the model was asked.
    pub system_prompt: Option<String>,
    pub outcome: ReplayOutcome,
}

#[derive(Clone, Debug)]
pub enum ReplayOutcome {
    /// The decision recorded on the copy (`None`: none was made).
    Decided(Option<ReplayDecision>),
    /// Not decided now: the agent would retry after this (creator not active, LLM unavailable).
    Retry(Duration),
}

impl Replayer {
    /// Replays `creator`'s chat with `fan` (a full fan uuid with stored messages), with the
    /// persona read from `prompts_dir` when given (else the configured folder).
    pub async fn replay(
        &self,
        creator: &str,
        fan: &str,
        prompts_dir: Option<PathBuf>,
    ) -> Result<Replayed, ReplayError> {
        if let Some(d) = &prompts_dir {
            if !d.is_dir() {
                return Err(ReplayError::Input(format!("{}: not a folder", d.display())));
            }
        }
        let dir = tempfile::tempdir()?;
        let copy = dir.path().join("replay.db");
        self.store.copy_to(&copy).await?;
        let scratch = Store::open(&copy).await?;
        let result = self.replay_in(&scratch, creator, fan, prompts_dir).await;
        scratch.close().await;
        result
    }

    /// Runs the agent in shadow mode on the `scratch` copy.
    async fn replay_in(
        &self,
        scratch: &Store,
        creator: &str,
        fan: &str,
        prompts_dir: Option<PathBuf>,
    ) -> Result<Replayed, ReplayError> {
        let (inbox_id, fan_text) = scratch.prepare_replay(creator, fan).await?;
        let mut cfg = (*self.cfg).clone();
        if let Some(d) = prompts_dir {
            cfg.daemon.prompts_dir = d;
        }
        cfg.creators.entry(creator.to_string()).or_default().mode = Some(Mode::Shadow);
        let persona =
            super::prompt::load_persona(&cfg.daemon.prompts_dir, &cfg.creator_persona(creator))?;
        let seen = Arc::new(Recording {
            inner: self.llm.clone(),
            system: Mutex::new(None),
        });
        let agent = Agent {
            store: scratch.clone(),
            llm: seen.clone(),
            apis: self.apis.clone(),
            prompts: Default::default(),
            history: Default::default(),
            values: Default::default(),
            judge: self.judge.clone(),
        };
        let settings = cfg.creator_settings(creator);
        let outcome = match agent.process_chat(&settings, creator, fan, false).await? {
            JobOutcome::Done { .. } => {
                ReplayOutcome::Decided(scratch.replay_decision(inbox_id).await?)
            }
            JobOutcome::Retry(after) => ReplayOutcome::Retry(after),
            JobOutcome::Restart => unreachable!("may_restart is false"),
        };
        let system_prompt = seen.system.lock().unwrap_or_else(|e| e.into_inner()).take();
        Ok(Replayed {
            fan_text,
            persona_files: persona
                .files
                .iter()
                .map(|f| f.0.display().to_string())
                .collect(),
            version: persona.version,
            system_prompt,
            outcome,
        })
    }
}

/// The reply model, keeping the system prompt of the first request it is sent (what the preview
/// shows as the prompt rendered for the fan).
struct Recording {
    inner: Arc<dyn Llm>,
    system: Mutex<Option<String>>,
}

impl Llm for Recording {
    fn complete<'a>(&'a self, req: &'a LlmRequest) -> LlmFuture<'a> {
        let mut seen = self.system.lock().unwrap_or_else(|e| e.into_inner());
        if seen.is_none() {
            *seen = req
                .messages
                .iter()
                .find(|t| t.role == Role::System)
                .map(|t| t.content.clone());
        }
        drop(seen);
        self.inner.complete(req)
    }
}
