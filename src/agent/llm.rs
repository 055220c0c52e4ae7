//! The LLM seam: a small trait, and its implementation for any OpenAI-compatible API (async-openai).

use async_openai::{
    config::OpenAIConfig,
    error::OpenAIError,
    types::chat::{
        ChatCompletionRequestAssistantMessageArgs, ChatCompletionRequestMessage,
        ChatCompletionRequestSystemMessageArgs, ChatCompletionRequestUserMessageArgs,
        CreateChatCompletionRequestArgs,
    },
    Client,
};
use std::{
    future::Future,
    pin::Pin,
    time::{Duration, Instant},
};

/// Who said a line of the prompt.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Role {
    System,
    /// The fan.
    User,
    /// The creator (earlier replies).
    Assistant,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Turn {
    pub role: Role,
    pub content: String,
}

/// One completion request.
#[derive(Clone, Debug, PartialEq)]
pub struct LlmRequest {
    pub model: String,
    pub messages: Vec<Turn>,
    pub temperature: f32,
    pub max_tokens: u32,
    pub timeout: Duration,
    /// Ask for a JSON object (`response_format: json_object`), for models that support it.
    pub json: bool,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Completion {
    pub text: String,
    pub model: String,
    pub prompt_tokens: Option<i64>,
    pub completion_tokens: Option<i64>,
    pub latency: Duration,
}

/// Why a completion failed, by what the caller does about it.
#[derive(Clone, Debug, thiserror::Error, PartialEq, Eq)]
pub enum LlmError {
    /// Timeout, connection failure, 429, 5xx: try again later.
    #[error("LLM unavailable: {0}")]
    Unavailable(String),
    /// The request itself was refused (bad model, bad key, context too long): retrying cannot help.
    #[error("LLM rejected the request: {0}")]
    Rejected(String),
}

impl LlmError {
    pub fn is_retryable(&self) -> bool {
        matches!(self, LlmError::Unavailable(_))
    }
}

pub type LlmFuture<'a> = Pin<Box<dyn Future<Output = Result<Completion, LlmError>> + Send + 'a>>;

/// Anything that turns a prompt into a completion.
pub trait Llm: Send + Sync {
    fn complete<'a>(&'a self, req: &'a LlmRequest) -> LlmFuture<'a>;
}

/// An OpenAI-compatible chat-completions endpoint (OpenAI, OpenRouter, llama-server, vLLM, Ollama…).
#[derive(Clone)]
pub struct OpenAiLlm {
    client: Client<OpenAIConfig>,
}

impl OpenAiLlm {
    /// `base_url` ends in `/v1` for most servers. An empty key is sent as none at all.
    pub fn new(base_url: &str, api_key: &str) -> OpenAiLlm {
        crate::fanvue::client::install_tls_provider();
        let config = OpenAIConfig::new()
            .with_api_base(base_url.trim_end_matches('/'))
            .with_api_key(api_key);
        OpenAiLlm {
            client: Client::with_config(config),
        }
    }
}

impl Llm for OpenAiLlm {
    fn complete<'a>(&'a self, req: &'a LlmRequest) -> LlmFuture<'a> {
        Box::pin(async move {
            let messages = req
                .messages
                .iter()
                .map(to_message)
                .collect::<Result<Vec<_>, _>>()
                .map_err(|e| LlmError::Rejected(e.to_string()))?;
            let mut args = CreateChatCompletionRequestArgs::default();
            args.model(req.model.clone())
                .messages(messages)
                .temperature(req.temperature)
                .max_completion_tokens(req.max_tokens);
            if req.json {
                args.response_format(async_openai::types::chat::ResponseFormat::JsonObject);
            }
            let request = args
                .build()
                .map_err(|e| LlmError::Rejected(e.to_string()))?;
            let started = Instant::now();
            let resp = tokio::time::timeout(req.timeout, self.client.chat().create(request))
                .await
                .map_err(|_| {
                    LlmError::Unavailable(format!("no answer within {}s", req.timeout.as_secs()))
                })?
                .map_err(classify)?;
            let text = resp
                .choices
                .into_iter()
                .next()
                .and_then(|c| c.message.content)
                .unwrap_or_default();
            Ok(Completion {
                text,
                model: resp.model,
                prompt_tokens: resp.usage.as_ref().map(|u| u.prompt_tokens as i64),
                completion_tokens: resp.usage.as_ref().map(|u| u.completion_tokens as i64),
                latency: started.elapsed(),
            })
        })
    }
}

fn to_message(t: &Turn) -> Result<ChatCompletionRequestMessage, OpenAIError> {
    Ok(match t.role {
        Role::System => ChatCompletionRequestSystemMessageArgs::default()
            .content(t.content.as_str())
            .build()?
            .into(),
        Role::User => ChatCompletionRequestUserMessageArgs::default()
            .content(t.content.as_str())
            .build()?
            .into(),
        Role::Assistant => ChatCompletionRequestAssistantMessageArgs::default()
            .content(t.content.as_str())
            .build()?
            .into(),
    })
}

/// Maps async-openai's errors. Some servers (llama-server) put a numeric `code` in their error body,
/// which async-openai cannot deserialize: the status is then read from that body.
pub fn classify(e: OpenAIError) -> LlmError {
    match e {
        OpenAIError::ApiError(r) => by_status(r.status_code.as_u16(), &r.api_error.message),
        OpenAIError::JSONDeserialize(_, body) => {
            let v: serde_json::Value = serde_json::from_str(&body).unwrap_or_default();
            let err = v.get("error").unwrap_or(&v);
            let message = err
                .get("message")
                .and_then(|m| m.as_str())
                .unwrap_or("unreadable response")
                .to_string();
            match err.get("code").and_then(|c| c.as_u64()) {
                Some(code) => by_status(code as u16, &message),
                None => LlmError::Unavailable(format!(
                    "unreadable response: {}",
                    body.chars().take(200).collect::<String>()
                )),
            }
        }
        OpenAIError::Reqwest(e) => LlmError::Unavailable(format!("HTTP: {e}")),
        OpenAIError::InvalidArgument(m) => LlmError::Rejected(m),
        other => LlmError::Unavailable(other.to_string()),
    }
}

fn by_status(status: u16, message: &str) -> LlmError {
    let m = format!("HTTP {status}: {message}");
    match status {
        408 | 409 | 429 | 500..=599 => LlmError::Unavailable(m),
        _ => LlmError::Rejected(m),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_numeric_error_code_is_read_as_the_status() {
        let body = r#"{"error":{"code":503,"message":"Loading model","type":"unavailable_error"}}"#;
        let e = serde_json::from_str::<serde_json::Value>("{").unwrap_err();
        assert_eq!(
            classify(OpenAIError::JSONDeserialize(e, body.into())),
            LlmError::Unavailable("HTTP 503: Loading model".into())
        );
        let body =
            r#"{"error":{"code":401,"message":"Invalid API Key","type":"authentication_error"}}"#;
        let e = serde_json::from_str::<serde_json::Value>("{").unwrap_err();
        assert!(!classify(OpenAIError::JSONDeserialize(e, body.into())).is_retryable());
    }
}
