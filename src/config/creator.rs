//! Per-creator resolution: a creator's effective settings, its own `[creators.<handle>]` keys
//! over the global sections.

use super::{Config, CreatorHolding};
use std::collections::BTreeMap;

/// Effective LLM settings for one creator.
#[derive(Clone, Debug, PartialEq)]
pub struct CreatorLlm {
    pub model: String,
    pub temperature: f32,
    pub max_tokens: u32,
    pub timeout: std::time::Duration,
    pub context_tokens: u32,
    pub structured_output: bool,
}

impl Config {
    /// Each creator's `notify` list (channel names), for routing.
    pub fn creator_notify(&self) -> BTreeMap<String, Vec<String>> {
        self.creators
            .iter()
            .map(|(h, c)| (h.clone(), c.notify.clone()))
            .collect()
    }

    /// The LLM settings of one creator: per-creator overrides over `[llm]`.
    pub fn creator_llm(&self, handle: &str) -> CreatorLlm {
        let c = self.creators.get(handle).cloned().unwrap_or_default();
        CreatorLlm {
            model: c.model.unwrap_or_else(|| self.llm.model.clone()),
            temperature: c.temperature.unwrap_or(self.llm.temperature),
            max_tokens: c.max_tokens.unwrap_or(self.llm.max_tokens),
            timeout: std::time::Duration::from_secs(
                c.llm_timeout_secs.unwrap_or(self.llm.timeout_secs),
            ),
            context_tokens: self.llm.context_tokens,
            structured_output: c.structured_output.unwrap_or(self.llm.structured_output),
        }
    }

    /// The guardrails of one creator: per-creator settings over `[guardrails]`.
    pub fn creator_guardrails(&self, handle: &str) -> super::GuardrailSettings {
        let c = self.creators.get(handle).cloned().unwrap_or_default();
        let banned = self
            .guardrails
            .banned_words
            .iter()
            .chain(c.banned_words.iter())
            .cloned()
            .collect();
        super::GuardrailSettings {
            disclosure: c.disclosure.unwrap_or(self.guardrails.disclosure),
            banned_words: banned,
            custom_request_escalate_cents: c
                .custom_request_escalate_cents
                .unwrap_or(self.guardrails.custom_request_escalate_cents),
            allowed_links: self.guardrails.allowed_links.clone(),
        }
    }

    /// The holding replies and helplines of one creator: per-creator settings over the global ones.
    pub fn creator_holding(&self, handle: &str) -> CreatorHolding {
        let c = self.creators.get(handle);
        let own = c.map(|c| {
            (
                c.holding_replies.as_ref().cloned().unwrap_or_default(),
                c.helplines.clone(),
            )
        });
        CreatorHolding::resolve(
            &self.guardrails.holding_replies,
            &self.guardrails.helplines,
            own.as_ref().map(|(r, h)| (r, h)),
        )
    }

    /// The active hours of one creator: its own section, else `[active_hours]` (a schedule that
    /// does not parse, which validation refuses, means always on duty).
    pub fn creator_active_hours(&self, handle: &str) -> super::ActiveHours {
        let own = self
            .creators
            .get(handle)
            .and_then(|c| c.active_hours.as_ref());
        super::ActiveHours::parse(own.unwrap_or(&self.active_hours)).unwrap_or_default()
    }

    /// How long an `approve` draft of one creator may wait; `None`: forever.
    pub fn creator_draft_ttl(&self, handle: &str) -> Option<std::time::Duration> {
        let secs = self
            .creators
            .get(handle)
            .and_then(|c| c.draft_ttl_secs)
            .unwrap_or(self.agent.draft_ttl_secs);
        (secs > 0).then(|| std::time::Duration::from_secs(secs))
    }

    /// `(text, quiet_hours_start, quiet_hours_end)` of follow-ups for one creator.
    pub fn creator_followup_text_and_hours(&self, handle: &str) -> (String, u32, u32) {
        let c = self.creators.get(handle);
        (
            c.and_then(|c| c.followup_text.clone())
                .unwrap_or_else(|| self.followup.text.clone()),
            c.and_then(|c| c.quiet_hours_start)
                .unwrap_or(self.followup.quiet_hours_start),
            c.and_then(|c| c.quiet_hours_end)
                .unwrap_or(self.followup.quiet_hours_end),
        )
    }

    /// `(enabled, after_secs)` of follow-ups for one creator.
    pub fn creator_followup(&self, handle: &str) -> (bool, u64) {
        let c = self.creators.get(handle);
        (
            c.and_then(|c| c.followup_enabled)
                .unwrap_or(self.followup.enabled),
            c.and_then(|c| c.followup_after_secs)
                .unwrap_or(self.followup.after_secs),
        )
    }

    /// The offer rules of one creator.
    pub fn creator_offers(&self, handle: &str) -> super::OfferRules {
        let mut r = self.offers.clone();
        let Some(c) = self.creators.get(handle) else {
            return r;
        };
        if let Some(e) = c.offers_enabled {
            r.enabled = e;
        }
        if let Some(o) = &c.offers {
            r.min_fan_messages = o.min_fan_messages.unwrap_or(r.min_fan_messages);
            r.cooldown_secs = o.cooldown_secs.unwrap_or(r.cooldown_secs);
            r.max_per_day = o.max_per_day.unwrap_or(r.max_per_day);
            r.floor_cents = o.floor_cents.unwrap_or(r.floor_cents);
            r.ceiling_cents = o.ceiling_cents.unwrap_or(r.ceiling_cents);
            r.tier_multiplier_supporter = o
                .tier_multiplier_supporter
                .unwrap_or(r.tier_multiplier_supporter);
            r.tier_multiplier_top = o.tier_multiplier_top.unwrap_or(r.tier_multiplier_top);
            r.negotiate = o.negotiate.unwrap_or(r.negotiate);
            if let Some(f) = &o.vault_folders {
                r.vault_folders = f.clone();
            }
            r.negotiate_max_steps = o.negotiate_max_steps.unwrap_or(r.negotiate_max_steps);
            r.negotiate_step_percent = o.negotiate_step_percent.unwrap_or(r.negotiate_step_percent);
            r.negotiate_floor_percent = o
                .negotiate_floor_percent
                .unwrap_or(r.negotiate_floor_percent);
        }
        r
    }

    /// The creator's time zone as minutes from UTC (0 unless set).
    pub fn creator_utc_offset(&self, handle: &str) -> i32 {
        self.creators
            .get(handle)
            .and_then(|c| c.utc_offset_minutes)
            .unwrap_or(0)
    }

    /// The persona folder of a creator (under `daemon.prompts_dir`).
    pub fn creator_persona(&self, handle: &str) -> String {
        self.creators
            .get(handle)
            .and_then(|c| c.persona.clone())
            .unwrap_or_else(|| handle.to_string())
    }

    /// The creator's mode: `creators.<h>.mode`, else `agent.mode`.
    pub fn creator_mode(&self, handle: &str) -> crate::domain::Mode {
        self.creators
            .get(handle)
            .and_then(|c| c.mode)
            .unwrap_or(self.agent.mode)
    }

    /// Whether the daemon answers this creator's fans (configured and not disabled).
    pub fn creator_enabled(&self, handle: &str) -> bool {
        self.creators
            .get(handle)
            .is_some_and(|c| c.enabled.unwrap_or(true))
    }

    /// Requests per minute to Fanvue for one creator: its own limit, else `fanvue.rate_limit_per_minute`.
    pub fn creator_rate_limit(&self, handle: &str) -> u32 {
        self.creators
            .get(handle)
            .and_then(|c| c.rate_limit_per_minute)
            .unwrap_or(self.fanvue.rate_limit_per_minute)
    }
}

#[cfg(test)]
#[allow(clippy::result_large_err)] // figment::Jail's closures return figment::Error
mod tests {
    use crate::config::testing::{load_error, load_file};
    use figment::Jail;

    #[test]
    fn a_creator_overrides_single_offer_keys_and_keeps_the_rest() {
        Jail::expect_with(|jail| {
            let err = load_error(jail, "o.toml",
                "[offers]\ncooldown_secs = 600\n[creators.ana.offers]\nfloor_cents = 900\nceiling_cents = 3000\n[creators.bob.offers]\nfloor_cents = 100\n")?;
            assert!(err.contains("creators.bob.offers"), "{err}");
            let c = load_file(jail, "o.toml",
                "[offers]\ncooldown_secs = 600\n[creators.ana.offers]\nfloor_cents = 900\nceiling_cents = 3000\n")?;
            let ana = c.creator_offers("ana");
            assert_eq!(
                (ana.floor_cents, ana.ceiling_cents, ana.cooldown_secs),
                (900, 3000, 600)
            );
            assert_eq!(c.creator_offers("zed").floor_cents, 500);
            Ok(())
        });
    }

    #[test]
    fn holding_replies_load_per_category_language_and_creator_and_a_minor_text_is_refused() {
        use crate::domain::HoldingCategory as C;
        Jail::expect_with(|jail| {
            let c = load_file(jail, "h.toml",
                "[agent]\ndraft_ttl_secs = 600\n[guardrails.holding_replies]\ndispute = \"Got it, I'll look.\"\n\
                 [guardrails.holding_replies.crisis]\nes = \"Lo siento.\"\n[guardrails.helplines]\nen = \"Call 988.\"\n\
                 [creators.ana]\ndraft_ttl_secs = 0\n[creators.ana.holding_replies]\nmeeting = \"I only chat here.\"\n\
                 [creators.ana.holding_replies.crisis]\nde = \"Das tut mir leid.\"\n[creators.bo]\n")?;
            let (ana, bo) = (c.creator_holding("ana"), c.creator_holding("bo"));
            assert_eq!(
                bo.text(C::Crisis, Some("es")),
                "Lo siento.\n\n".to_string() + &c.guardrails.helplines["es"]
            );
            assert_eq!(
                bo.text(C::Crisis, Some("en")),
                format!("{}\n\nCall 988.", ana.replies.crisis.get(Some("en")))
            );
            assert!(
                bo.text(C::Crisis, Some("fr"))
                    .starts_with("Je suis vraiment triste"),
                "untouched languages keep their default"
            );
            assert_eq!(
                ana.text(C::Crisis, Some("de")).split("\n\n").next(),
                Some("Das tut mir leid.")
            );
            assert_eq!(
                (ana.text(C::Meeting, None), bo.text(C::Meeting, None)),
                ("I only chat here.".into(), String::new())
            );
            assert_eq!(ana.text(C::Dispute, Some("it")), "Got it, I'll look.");
            assert_eq!(c.creator_draft_ttl("ana"), None, "0: forever");
            assert_eq!(
                c.creator_draft_ttl("bo"),
                Some(std::time::Duration::from_secs(600))
            );
            let err = load_error(
                jail,
                "m.toml",
                "[creators.ana.holding_replies]\nminor = \"hi\"\n",
            )?;
            assert!(
                err.contains("creators.ana.holding_replies.minor") && err.contains("under 18"),
                "{err}"
            );
            let err = load_error(jail, "o.toml", "[guardrails]\nholding_reply = \"brb\"\n")?;
            assert!(
                err.contains("`guardrails.holding_reply` (in")
                    && err.contains("replaced by [guardrails.holding_replies]"),
                "{err}"
            );
            Ok(())
        });
    }
}
