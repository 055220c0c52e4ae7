//! Personalised sequence steps (`personalise = true`): the model rewrites the step's rendered
//! text, taken as a brief, for this fan in the creator's voice, from the persona prompt, the
//! fan's summary, memory, value and language, and the chat's last messages. The draft guardrails
//! check what it wrote; a model that fails, says nothing or is blocked leaves the template's
//! text to be sent, so a step is never lost to the model. The call's model, tokens and cost go
//! with the decision.

use super::{
    compose, describe,
    guardrails::{self, Finding, Guardrails},
    llm::{Completion, LlmRequest, Role, Turn},
    prompt::{self, CreatorVars, FanVars, PromptVars},
    review, Agent, AgentError, Job,
};
use crate::{
    domain::{time::now_ms, DecisionInfo},
    store::chats::StoredMessage,
};

/// How many of the chat's newest messages the model reads.
const MESSAGES_READ: i64 = 8;
/// A sequence message is short: one or two sentences.
const MAX_TOKENS: u32 = 120;

/// The text to send and what the decision records of how it was written.
#[derive(Debug)]
pub struct Written {
    pub text: String,
    /// Said after the decision's reason: who wrote the text, or why the template was kept.
    pub note: String,
    /// Model, prompt version, tokens, latency, cost and blocked findings of the call (empty
    /// when no call was made).
    pub info: DecisionInfo,
}

impl Agent {
    /// The model's version of `brief` (the step's rendered text) for this fan, or `brief` itself
    /// when the model fails or its text is stopped by the guardrails.
    pub(super) async fn personalise(
        &self,
        job: &Job<'_>,
        fan_name: &str,
        brief: &str,
    ) -> Result<Written, AgentError> {
        let kept = |note: String, info: DecisionInfo| Written {
            text: brief.to_string(),
            note: format!("{note}; the step's own text goes instead"),
            info,
        };
        let (system, version) = match self.sequence_system(job, fan_name, brief).await? {
            Ok(p) => p,
            Err(e) => {
                return Ok(kept(
                    format!("persona prompt: {e}"),
                    DecisionInfo::default(),
                ))
            }
        };
        let history = self
            .store
            .history(job.creator, job.fan, MESSAGES_READ)
            .await?;
        let req = request(job, &system, &history);
        let c = match self.llm.complete(&req).await {
            Ok(c) => c,
            Err(e) => {
                return Ok(kept(
                    format!("the model did not write it: {e}"),
                    DecisionInfo::default(),
                ))
            }
        };
        let mut info = call_info(job, &req.model, &c, &version);
        let text = match review::clean_draft(&c.text, &[&job.creator_name, job.creator]) {
            Ok(t) => t,
            Err(e) => return Ok(kept(format!("the model's text was unusable: {e}"), info)),
        };
        let found = self.check_written(job, &text, &history, &system).await?;
        let stopping = guardrails::stopping(&found);
        if !stopping.is_empty() {
            let why = describe(&stopping);
            info.guardrails = Some(serde_json::json!({ "input": [], "draft": found }));
            return Ok(kept(format!("the model's text was blocked: {why}"), info));
        }
        Ok(Written {
            text,
            note: format!("written by the model ({})", req.model),
            info,
        })
    }

    /// The creator's persona prompt for this fan, with their summary and instructions and the
    /// step's brief; `Err` when the persona does not render.
    async fn sequence_system(
        &self,
        job: &Job<'_>,
        fan_name: &str,
        brief: &str,
    ) -> Result<Result<(String, String), prompt::PromptError>, AgentError> {
        let (creator, fan) = (job.creator, job.fan);
        let facts = self.store.fan_facts(creator, fan).await?;
        let value = self.store.fan_value(creator, fan).await?;
        let chat = self.store.chat(creator, fan).await?.unwrap_or_default();
        let mut vars =
            FanVars::new(fan_name.to_string(), chat.fan_handle.clone(), &facts).with_value(&value);
        vars.display_name = chat.display_name;
        vars.nickname = chat.nickname;
        let mut known: Vec<(String, String)> = self
            .store
            .purchased_items(creator, fan)
            .await?
            .into_iter()
            .map(|i| ("bought".to_string(), i))
            .collect();
        known.extend(self.store.memory(creator, fan).await?);
        vars.memory = super::memory::summarise(&known, 300);
        let language = vars.language_name.clone();
        let (time_of_day, local_time) =
            prompt::local_time(now_ms(), job.settings.utc_offset_minutes);
        let vars = PromptVars {
            creator: CreatorVars {
                handle: creator.to_string(),
                display_name: job.creator_name.clone(),
            },
            fan: vars,
            time_of_day,
            local_time,
        };
        let dir = &job.settings.prompts_dir;
        let (system, version) = match self
            .prompts
            .system_prompt(dir, &job.settings.persona, &vars)
        {
            Ok(p) => p,
            Err(e) => return Ok(Err(e)),
        };
        // The decision names this version: its text is kept so the console can show it.
        self.keep_prompt_version(&job.settings.persona, &version)
            .await;
        let summary = self.store.fan_summary(creator, fan).await?;
        let controls = self.store.fan_controls(creator, fan).await?;
        let summary = summary.as_ref().map(|s| s.summary.as_str());
        let system = compose::with_fan_guidance(system, summary, &controls.instructions);
        Ok(Ok((
            system + &instruction(brief, language.as_deref()),
            version,
        )))
    }

    /// The draft guardrails over the model's text: the creator's rules, repeats of the recent
    /// replies, leaks of the prompt, other fans' names.
    async fn check_written(
        &self,
        job: &Job<'_>,
        text: &str,
        history: &[StoredMessage],
        system: &str,
    ) -> Result<Vec<Finding>, AgentError> {
        let guard = Guardrails::new(&job.settings.guardrails);
        let recent = crate::store::chats::our_recent_texts(history, 5);
        let mut found = guard.check_draft(text, &recent, system);
        let others = self.store.other_fans(job.creator, job.fan).await?;
        found.extend(guardrails::names_other_fans(text, &others));
        Ok(found)
    }
}

/// What the model is asked to do with a step's text (appended to the persona prompt).
pub fn instruction(brief: &str, language: Option<&str>) -> String {
    let language = language.map_or("the language the fan writes in".to_string(), String::from);
    format!(
        "\n\nWrite one message to send to this fan now. They have not written to you since; it is \
         an automatic message from you. What it is for (say it in your own words, for this fan, \
         using what you know of them): \"{}\". One or two short sentences, in {language}. No \
         prices, no links, no other apps, no contact details, no meeting. Answer with the message \
         only.",
        brief.trim().replace('"', "'")
    )
}

/// The request: the persona prompt with the brief, then the chat's last messages as the
/// conversation (a new chat gets a short user turn: chat models expect one).
pub fn request(job: &Job<'_>, system: &str, history: &[StoredMessage]) -> LlmRequest {
    let llm = &job.settings.llm;
    let mut messages = prompt::conversation(system, history, llm.context_tokens, MAX_TOKENS);
    if messages.len() == 1 {
        messages.push(Turn {
            role: Role::User,
            content: "(no messages yet)".into(),
        });
    }
    LlmRequest {
        model: llm.model.clone(),
        messages,
        temperature: llm.temperature,
        max_tokens: llm.max_tokens.min(MAX_TOKENS),
        timeout: llm.timeout,
        // Plain text: no offer intent is read from a sequence message.
        json: false,
    }
}

/// The decision's record of a call: model, persona version, tokens, latency and cost (priced
/// by the model asked for, as replies are: a server may name its model otherwise).
fn call_info(job: &Job<'_>, model: &str, c: &Completion, version: &str) -> DecisionInfo {
    crate::metrics::metrics().llm_completed(c.latency, c.prompt_tokens, c.completion_tokens);
    DecisionInfo {
        model: Some(model.to_string()),
        prompt_version: Some(version.to_string()),
        prompt_tokens: c.prompt_tokens,
        completion_tokens: c.completion_tokens,
        llm_ms: Some(c.latency.as_millis() as i64),
        cost_micros: job
            .settings
            .money
            .cost_micros(model, c.prompt_tokens, c.completion_tokens),
        persona: Some(job.settings.persona.clone()),
        ..Default::default()
    }
}
