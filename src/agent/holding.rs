//! The holding reply of an escalation: which category speaks (the most serious one; a minor
//! silences everything), whether this escalation begins an episode (a fan already marked for it
//! got its reply when the mark was set), the text for the fan's language, and the draft
//! guardrails over it. The texts themselves are configuration (`config::holding`).

use super::guardrails::{self, Finding, Guardrails};
use crate::config::{holding::LANGUAGES, Config, CreatorHolding};
use crate::domain::{HoldingCategory, MarkCategory};

/// What an escalated fan is told.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Holding {
    Send {
        category: HoldingCategory,
        /// The language the text was chosen for.
        lang: &'static str,
        text: String,
    },
    /// Nothing, and why (for the decision's reason).
    Nothing(String),
}

/// Chooses the holding reply of an escalation whose stopping rules are `rules`, for a fan under
/// the marks `in_force` who writes `lang`.
pub fn choose(
    set: &CreatorHolding,
    rules: &[&str],
    in_force: &[MarkCategory],
    lang: Option<&str>,
) -> Holding {
    let mut categories: Vec<HoldingCategory> = rules
        .iter()
        .filter_map(|r| HoldingCategory::of_rule(r))
        .collect();
    categories.sort();
    let Some(&category) = categories.first() else {
        return Holding::Nothing("not an escalation with a holding reply".into());
    };
    if category == HoldingCategory::Minor || in_force.contains(&MarkCategory::Minor) {
        return Holding::Nothing("nothing is ever sent to a fan who said they are under 18".into());
    }
    if category.mark().is_some_and(|m| in_force.contains(&m)) {
        return Holding::Nothing(format!(
            "the fan is already marked {}: it was sent when the mark was set",
            category.as_str()
        ));
    }
    let lang = LANGUAGES
        .into_iter()
        .find(|l| Some(*l) == lang)
        .unwrap_or(crate::config::holding::FALLBACK);
    match set.text(category, Some(lang)) {
        t if t.is_empty() => {
            Holding::Nothing(format!("none is configured for {}", category.as_str()))
        }
        text => Holding::Send {
            category,
            lang,
            text,
        },
    }
}

/// The draft guardrails' stopping findings over a holding text. Without the recent messages: a
/// second episode, after a human cleared the first, may repeat the same words; and without a
/// system prompt, since none was rendered for it.
pub fn blocked(guard: &Guardrails, text: &str) -> Vec<Finding> {
    guardrails::stopping(&guard.check_draft(text, &[], ""))
        .into_iter()
        .cloned()
        .collect()
}

/// Every holding text (global, and each creator's) that the draft guardrails would block, as
/// (key, message), so an operator learns it from `check-config`, not from a fan in crisis.
pub fn check_texts(cfg: &Config) -> Vec<(String, String)> {
    let mut out: Vec<(String, String)> = vec![];
    let mut seen: Vec<(HoldingCategory, &str, String, Vec<Finding>)> = vec![];
    let handles = std::iter::once(None).chain(cfg.creators.keys().map(|h| Some(h.as_str())));
    for handle in handles {
        // A handle no creator has resolves to the global settings.
        let h = handle.unwrap_or("");
        let guard = Guardrails::new(&cfg.creator_guardrails(h));
        for (category, lang, text) in cfg.creator_holding(h).all_texts() {
            let found = blocked(&guard, &text);
            if found.is_empty() {
                continue;
            }
            let key = (category, lang, text, found);
            if seen.contains(&key) {
                continue;
            }
            let prefix = handle.map_or("guardrails".to_string(), |h| format!("creators.{h}"));
            let what = key
                .3
                .iter()
                .map(|f| format!("{} ({})", f.rule, f.detail))
                .collect::<Vec<_>>()
                .join("; ");
            out.push((
                format!("{prefix}.holding_replies.{}", category.as_str()),
                format!("the {lang} text would be blocked by the draft guardrails: {what}"),
            ));
            seen.push(key);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::{holding::default_helplines, HoldingReplies, HoldingText};
    use HoldingCategory as C;

    fn defaults() -> CreatorHolding {
        CreatorHolding::resolve(&HoldingReplies::default(), &default_helplines(), None)
    }

    fn sent(h: &Holding) -> Option<(HoldingCategory, &str)> {
        match h {
            Holding::Send { category, lang, .. } => Some((*category, *lang)),
            Holding::Nothing(_) => None,
        }
    }

    #[test]
    fn a_crisis_is_answered_in_the_fans_language_and_in_english_when_unknown() {
        let set = defaults();
        for lang in LANGUAGES {
            let h = choose(&set, &["crisis"], &[], Some(lang));
            assert_eq!(sent(&h), Some((C::Crisis, lang)));
        }
        assert_eq!(
            sent(&choose(&set, &["crisis"], &[], None)),
            Some((C::Crisis, "en"))
        );
        assert_eq!(
            sent(&choose(&set, &["crisis"], &[], Some("nl"))),
            Some((C::Crisis, "en"))
        );
    }

    #[test]
    fn a_minor_gets_nothing_even_beside_a_crisis_or_when_marked_before() {
        let r = HoldingReplies {
            meeting: HoldingText::All("I only chat here".into()),
            ..Default::default()
        };
        let set = CreatorHolding::resolve(&r, &default_helplines(), None);
        for (rules, marks) in [
            (&["underage"][..], &[][..]),
            (&["crisis", "underage"][..], &[][..]),
            (&["crisis"][..], &[MarkCategory::Minor][..]),
            (&["meeting_request"][..], &[MarkCategory::Minor][..]),
        ] {
            let h = choose(&set, rules, marks, Some("en"));
            assert!(
                matches!(&h, Holding::Nothing(w) if w.contains("under 18")),
                "{rules:?} {marks:?}: {h:?}"
            );
        }
    }

    #[test]
    fn the_most_serious_category_speaks_once_per_episode() {
        let set = defaults();
        // A threat and a crisis in one message: the crisis decides (the helpline is owed).
        assert_eq!(
            sent(&choose(&set, &["threat", "crisis"], &[], Some("de"))),
            Some((C::Crisis, "de"))
        );
        // Already marked crisis: the reply went out when the mark was set.
        let h = choose(&set, &["crisis"], &[MarkCategory::Crisis], Some("de"));
        assert!(
            matches!(&h, Holding::Nothing(w) if w.contains("already marked crisis")),
            "{h:?}"
        );
        // Marked for a meeting request, now in crisis: a new episode, the helpline goes out.
        assert_eq!(
            sent(&choose(
                &set,
                &["crisis"],
                &[MarkCategory::Meeting],
                Some("it")
            )),
            Some((C::Crisis, "it"))
        );
        // Threats, disputes, meetings and business escalations say nothing by default.
        for rule in [
            "threat",
            "payment_dispute",
            "meeting_request",
            "custom_request",
            "ai_question",
        ] {
            let h = choose(&set, &[rule], &[], Some("en"));
            assert!(
                matches!(&h, Holding::Nothing(w) if w.contains("none is configured")),
                "{rule}: {h:?}"
            );
        }
    }

    #[test]
    fn the_default_texts_pass_the_draft_guardrails_in_every_language() {
        let guard = Guardrails::default();
        for (c, lang, text) in defaults().all_texts() {
            assert_eq!(blocked(&guard, &text), vec![], "{c:?} {lang}: {text}");
        }
        assert!(check_texts(&Config::default()).is_empty());
    }

    #[test]
    fn a_holding_text_the_guardrails_block_is_reported_with_its_key_and_rule() {
        let mut cfg = Config::default();
        cfg.guardrails.allowed_links.clear();
        cfg.creators.insert("ana".into(), Default::default());
        cfg.creators.get_mut("ana").unwrap().banned_words = vec!["sorry".into()];
        let p = check_texts(&cfg);
        assert!(
            p.iter()
                .any(|(k, m)| k == "guardrails.holding_replies.crisis"
                    && m.contains("es text")
                    && m.contains("link")),
            "{p:?}"
        );
        assert!(
            p.iter()
                .any(|(k, m)| k == "creators.ana.holding_replies.crisis"
                    && m.contains("banned_word")),
            "{p:?}"
        );
        // An allowed domain stays allowed, a look-alike does not.
        let guard = Guardrails::default();
        assert!(blocked(&guard, "see https://www.findahelpline.com/es today").is_empty());
        for bad in [
            "see findahelpline.com.evil.io",
            "see xfindahelpline.com",
            "go to evil.io",
        ] {
            assert_eq!(blocked(&guard, bad)[0].rule, "link", "{bad}");
        }
    }
}
