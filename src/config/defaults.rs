//! Built-in defaults: what the daemon runs with before `config.toml` and the environment say
//! otherwise (the first layer of every load), one `Default` per section (`Config` and
//! `SecurityConfig` derive theirs: every part of them defaults to empty or to its own section's).

use super::{
    holding, ActionsConfig, AgentConfig, DaemonConfig, FanvueConfig, FollowupConfig,
    GuardrailsConfig, HoldingReplies, JudgeConfig, LlmConfig, LogConfig, MemoryConfig, PauseHours,
    PollerConfig, Secret, WebhookConfig, DEFAULT_ADMIN_LISTEN,
};

impl Default for DaemonConfig {
    fn default() -> Self {
        DaemonConfig {
            listen: "127.0.0.1:8080".into(),
            admin_listen: DEFAULT_ADMIN_LISTEN.into(),
            public_url: "http://127.0.0.1:8080".into(),
            database: "fanvue-agent.db".into(),
            prompts_dir: "prompts".into(),
            shutdown_deadline_secs: 20,
            max_connections: 1024,
        }
    }
}

impl Default for LogConfig {
    fn default() -> Self {
        LogConfig {
            format: "auto".into(),
            level: "info".into(),
            message_text: false,
        }
    }
}

impl Default for FanvueConfig {
    fn default() -> Self {
        FanvueConfig {
            api_base: "https://api.fanvue.com".into(),
            authorize_url: "https://auth.fanvue.com/oauth2/auth".into(),
            token_url: "https://auth.fanvue.com/oauth2/token".into(),
            api_version: "2025-06-26".into(),
            client_id: String::new(),
            client_secret: Secret::default(),
            scopes: [
                "openid",
                "offline_access",
                "offline",
                "read:self",
                "read:chat",
                "write:chat",
                "read:fan",
                "read:media",
                "read:insights",
            ]
            .map(String::from)
            .to_vec(),
            request_timeout_secs: 15,
            rate_limit_per_minute: 100,
            min_price_cents: 300,
            refresh_ahead_secs: 300,
        }
    }
}

impl Default for WebhookConfig {
    fn default() -> Self {
        WebhookConfig {
            secret: Secret::default(),
            tolerance_secs: 300,
            max_body_bytes: 64 * 1024,
            max_buffered_bytes: 8 * 1024 * 1024,
        }
    }
}

impl Default for LlmConfig {
    fn default() -> Self {
        LlmConfig {
            base_url: "http://127.0.0.1:8081/v1".into(),
            api_key: Secret::default(),
            model: "smollm2-135m".into(),
            temperature: 0.7,
            max_tokens: 160,
            timeout_secs: 30,
            context_tokens: 2048,
            structured_output: false,
        }
    }
}

impl Default for JudgeConfig {
    fn default() -> Self {
        JudgeConfig {
            enabled: false,
            base_url: "http://127.0.0.1:8081/v1".into(),
            api_key: Secret::default(),
            model: "judge".into(),
            timeout_ms: 3000,
            min_confidence: 0.8,
            check_drafts: false,
        }
    }
}

impl Default for AgentConfig {
    fn default() -> Self {
        AgentConfig {
            debounce_ms: 4000,
            debounce_cap_ms: 12000,
            max_jobs: 8,
            max_jobs_per_creator: 2,
            history_messages: 30,
            human_takeover_secs: 1800,
            confirm_before_send: true,
            confirm_window_ms: 2000,
            mark_read_after_reply: false,
            reply_delay_min_ms: 0,
            reply_delay_max_ms: 0,
            reply_delay_per_char_ms: 0,
            llm_attempts: 3,
            rescan_secs: 5,
            send_attempts: 8,
            mode: crate::domain::Mode::Live,
            // Long enough for a human's working session, short enough that a reply is not
            // sent to a conversation that has gone cold.
            draft_ttl_secs: 6 * 3600,
        }
    }
}

impl Default for PollerConfig {
    fn default() -> Self {
        PollerConfig {
            enabled: true,
            interval_secs: 30,
            budget_share: 0.2,
            webhook_quiet_secs: 120,
        }
    }
}

impl Default for FollowupConfig {
    fn default() -> Self {
        FollowupConfig {
            enabled: true,
            after_secs: 86_400,
            text: "Hey {{ fan_name }}, been thinking about our chat. How's your week going?".into(),
            quiet_hours_start: 22,
            quiet_hours_end: 9,
            check_every_secs: 300,
        }
    }
}

impl Default for MemoryConfig {
    fn default() -> Self {
        // Off until configured: a summary is an extra LLM call per `summary_every` fan messages.
        MemoryConfig {
            summary_every: 0,
            summary_max_chars: 400,
            check_every_secs: 60,
        }
    }
}

impl Default for GuardrailsConfig {
    fn default() -> Self {
        GuardrailsConfig {
            disclosure: super::Disclosure::Disclose,
            banned_words: vec![],
            custom_request_escalate_cents: 10_000,
            holding_reply: None,
            holding_replies: HoldingReplies::default(),
            helplines: holding::default_helplines(),
            allowed_links: holding::default_allowed_links(),
            pause_hours: PauseHours::default(),
        }
    }
}

impl Default for PauseHours {
    /// Conservative: a human should look before the AI talks to this fan again.
    fn default() -> Self {
        PauseHours {
            crisis: 72,
            threat: 0,
            meeting: 24,
            dispute: 72,
        }
    }
}

impl Default for ActionsConfig {
    fn default() -> Self {
        ActionsConfig {
            welcome_subscriber:
                "Hey {{ fan_name }}, welcome! So happy you're here. How's your day going?".into(),
            thank_tip: "Thank you so much for the tip, {{ fan_name }}! That made my day.".into(),
        }
    }
}

#[cfg(test)]
#[allow(clippy::result_large_err)] // figment::Jail's closures return figment::Error
mod tests {
    use crate::config::Config;
    use figment::Jail;

    #[test]
    fn defaults_are_valid() {
        Jail::expect_with(|_| {
            Config::load(None).map_err(|e| e.to_string())?;
            Ok(())
        });
    }
}
