//! Holding replies (`[guardrails.holding_replies]`, `[guardrails.helplines]`, and per creator):
//! what a fan whose message went to a human is told meanwhile, per category and per the fan's
//! language, with careful defaults. Choosing among them is the agent's (`agent::holding`).

use crate::domain::HoldingCategory;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// The languages a holding text may be written for (those the guardrails recognise); a fan in any
/// other or an unknown language gets `en`.
pub const LANGUAGES: [&str; 6] = ["en", "es", "pt", "fr", "de", "it"];

/// The fallback language.
pub const FALLBACK: &str = "en";

/// One holding text: the same for every language (`crisis = "..."`), or one per language
/// (`[...crisis]` with `en = "..."`, `es = "..."`…; a language left out gets `en`). Empty: nothing.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(untagged)]
pub enum HoldingText {
    All(String),
    ByLanguage(BTreeMap<String, String>),
}

impl Default for HoldingText {
    fn default() -> Self {
        HoldingText::All(String::new())
    }
}

impl HoldingText {
    /// The text for a fan writing `lang` ("" when there is none): theirs, else English.
    pub fn get(&self, lang: Option<&str>) -> &str {
        match self {
            HoldingText::All(t) => t.trim(),
            HoldingText::ByLanguage(m) => lang
                .and_then(|l| m.get(l))
                .or_else(|| m.get(FALLBACK))
                .map(|t| t.trim())
                .unwrap_or(""),
        }
    }

    /// This (a creator's) text over `base` (the global one): a single text replaces every
    /// language; a table replaces only the languages it names.
    pub fn over(&self, base: &HoldingText) -> HoldingText {
        match (self, base) {
            (HoldingText::ByLanguage(mine), HoldingText::ByLanguage(theirs)) => {
                let mut all = theirs.clone();
                all.extend(mine.iter().map(|(k, v)| (k.clone(), v.clone())));
                HoldingText::ByLanguage(all)
            }
            (HoldingText::ByLanguage(mine), HoldingText::All(t)) => {
                let mut all: BTreeMap<String, String> = LANGUAGES
                    .iter()
                    .map(|l| (l.to_string(), t.clone()))
                    .collect();
                all.extend(mine.iter().map(|(k, v)| (k.clone(), v.clone())));
                HoldingText::ByLanguage(all)
            }
            (HoldingText::All(_), _) => self.clone(),
        }
    }

    /// Every text with the language it is for (`None`: all of them), for validation.
    pub fn entries(&self) -> Vec<(Option<&str>, &str)> {
        match self {
            HoldingText::All(t) => vec![(None, t.as_str())],
            HoldingText::ByLanguage(m) => m
                .iter()
                .map(|(l, t)| (Some(l.as_str()), t.as_str()))
                .collect(),
        }
    }

    /// No text in any language.
    pub fn is_empty(&self) -> bool {
        self.entries().iter().all(|(_, t)| t.trim().is_empty())
    }
}

/// `[guardrails.holding_replies]`: one text per escalation category.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct HoldingReplies {
    /// Always empty: nothing is ever sent to a fan who said they are under 18 (validated).
    pub minor: HoldingText,
    /// A short human line; the helpline of the fan's language (`guardrails.helplines`) follows it.
    pub crisis: HoldingText,
    pub threat: HoldingText,
    pub dispute: HoldingText,
    pub meeting: HoldingText,
    pub custom_request: HoldingText,
    pub ai_question: HoldingText,
}

impl HoldingReplies {
    pub fn get(&self, c: HoldingCategory) -> &HoldingText {
        match c {
            HoldingCategory::Minor => &self.minor,
            HoldingCategory::Crisis => &self.crisis,
            HoldingCategory::Threat => &self.threat,
            HoldingCategory::Dispute => &self.dispute,
            HoldingCategory::Meeting => &self.meeting,
            HoldingCategory::CustomRequest => &self.custom_request,
            HoldingCategory::AiQuestion => &self.ai_question,
        }
    }

    fn get_mut(&mut self, c: HoldingCategory) -> &mut HoldingText {
        match c {
            HoldingCategory::Minor => &mut self.minor,
            HoldingCategory::Crisis => &mut self.crisis,
            HoldingCategory::Threat => &mut self.threat,
            HoldingCategory::Dispute => &mut self.dispute,
            HoldingCategory::Meeting => &mut self.meeting,
            HoldingCategory::CustomRequest => &mut self.custom_request,
            HoldingCategory::AiQuestion => &mut self.ai_question,
        }
    }
}

/// The crisis line, per language: short, warm, in a person's words; it promises nothing the
/// creator cannot keep (no "I'll always be here", no "I'll call you") and is not therapy-speak.
const CRISIS: [(&str, &str); 6] = [
    ("en", "I'm so sorry you're going through this, and I'm glad you told me. Please reach out to someone who can help you right now."),
    ("es", "Siento mucho que estés pasando por esto, y me alegra que me lo hayas contado. Por favor, busca ahora mismo a alguien que pueda ayudarte."),
    ("pt", "Sinto muito que você esteja passando por isso, e fico feliz que tenha me contado. Por favor, procure agora mesmo alguém que possa te ajudar."),
    ("fr", "Je suis vraiment triste que tu traverses ça, et merci de me l'avoir dit. S'il te plaît, tourne-toi dès maintenant vers quelqu'un qui peut t'aider."),
    ("de", "Es tut mir so leid, dass es dir gerade so schwer geht, und danke, dass du es mir gesagt hast. Bitte wende dich jetzt an jemanden, der dir helfen kann."),
    ("it", "Mi dispiace tanto che tu stia passando tutto questo, e grazie di avermelo detto. Per favore, rivolgiti subito a qualcuno che possa aiutarti."),
];

/// Where to find help, per language: findahelpline.com (free, confidential helplines of every
/// country, run by ThroughLine) and the local emergency number.
const HELPLINES: [(&str, &str); 6] = [
    ("en", "You can find free, confidential helplines in your country at findahelpline.com. If you are in immediate danger, call your local emergency number."),
    ("es", "En findahelpline.com encontrarás líneas de ayuda gratuitas y confidenciales de tu país. Si estás en peligro inmediato, llama al número de emergencias local."),
    ("pt", "Em findahelpline.com você encontra linhas de apoio gratuitas e confidenciais do seu país. Se estiver em perigo imediato, ligue para o número de emergência local."),
    ("fr", "Sur findahelpline.com, tu trouveras des lignes d'écoute gratuites et confidentielles dans ton pays. Si tu es en danger immédiat, appelle le numéro d'urgence local."),
    ("de", "Auf findahelpline.com findest du kostenlose, vertrauliche Hilfsangebote in deinem Land. Wenn du in akuter Gefahr bist, ruf die örtliche Notrufnummer an."),
    ("it", "Su findahelpline.com trovi linee di ascolto gratuite e riservate nel tuo paese. Se sei in pericolo immediato, chiama il numero di emergenza locale."),
];

/// The domains of the default helplines: a reply may name them although links are blocked.
pub fn default_allowed_links() -> Vec<String> {
    vec!["findahelpline.com".into()]
}

pub fn default_helplines() -> BTreeMap<String, String> {
    by_language(&HELPLINES)
}

fn by_language(texts: &[(&str, &str)]) -> BTreeMap<String, String> {
    texts
        .iter()
        .map(|(l, t)| (l.to_string(), t.to_string()))
        .collect()
}

impl Default for HoldingReplies {
    /// Only a crisis gets words by default; every other escalation waits in silence for a human
    /// (see config.toml for why each is empty).
    fn default() -> Self {
        HoldingReplies {
            minor: HoldingText::default(),
            crisis: HoldingText::ByLanguage(by_language(&CRISIS)),
            threat: HoldingText::default(),
            dispute: HoldingText::default(),
            meeting: HoldingText::default(),
            custom_request: HoldingText::default(),
            ai_question: HoldingText::default(),
        }
    }
}

/// `[creators.<h>.holding_replies]`: per-category overrides; unset categories come from
/// `[guardrails.holding_replies]`.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct CreatorHoldingReplies {
    pub minor: Option<HoldingText>,
    pub crisis: Option<HoldingText>,
    pub threat: Option<HoldingText>,
    pub dispute: Option<HoldingText>,
    pub meeting: Option<HoldingText>,
    pub custom_request: Option<HoldingText>,
    pub ai_question: Option<HoldingText>,
}

impl CreatorHoldingReplies {
    pub fn get(&self, c: HoldingCategory) -> Option<&HoldingText> {
        match c {
            HoldingCategory::Minor => self.minor.as_ref(),
            HoldingCategory::Crisis => self.crisis.as_ref(),
            HoldingCategory::Threat => self.threat.as_ref(),
            HoldingCategory::Dispute => self.dispute.as_ref(),
            HoldingCategory::Meeting => self.meeting.as_ref(),
            HoldingCategory::CustomRequest => self.custom_request.as_ref(),
            HoldingCategory::AiQuestion => self.ai_question.as_ref(),
        }
    }
}

/// One creator's holding replies and helplines, resolved.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CreatorHolding {
    pub replies: HoldingReplies,
    pub helplines: BTreeMap<String, String>,
}

impl CreatorHolding {
    /// Global settings with a creator's overrides over them.
    pub fn resolve(
        replies: &HoldingReplies,
        helplines: &BTreeMap<String, String>,
        creator: Option<(&CreatorHoldingReplies, &BTreeMap<String, String>)>,
    ) -> CreatorHolding {
        let mut out = CreatorHolding {
            replies: replies.clone(),
            helplines: helplines.clone(),
        };
        if let Some((mine, lines)) = creator {
            for c in HoldingCategory::ALL {
                if let Some(t) = mine.get(c) {
                    let merged = t.over(out.replies.get(c));
                    *out.replies.get_mut(c) = merged;
                }
            }
            out.helplines
                .extend(lines.iter().map(|(k, v)| (k.clone(), v.clone())));
        }
        out
    }

    /// The text a fan writing `lang` gets for an escalation of category `c` ("" for nothing). A
    /// minor always gets nothing, whatever the configuration; a crisis line is followed by the
    /// helpline of the fan's language (an empty line sends no helpline either).
    pub fn text(&self, c: HoldingCategory, lang: Option<&str>) -> String {
        let line = self.replies.get(c).get(lang);
        match c {
            HoldingCategory::Minor => String::new(),
            _ if line.is_empty() => String::new(),
            HoldingCategory::Crisis => {
                let help = HoldingText::ByLanguage(self.helplines.clone());
                match help.get(lang) {
                    "" => line.to_string(),
                    h => format!("{line}\n\n{h}"),
                }
            }
            _ => line.to_string(),
        }
    }

    /// Every text a fan could get, with its category and language, for checking them once.
    pub fn all_texts(&self) -> Vec<(HoldingCategory, &'static str, String)> {
        let mut out = vec![];
        for c in HoldingCategory::ALL {
            for lang in LANGUAGES {
                let t = self.text(c, Some(lang));
                if !t.is_empty() {
                    out.push((c, lang, t));
                }
            }
        }
        out
    }
}

/// Problems of one set of holding settings (`prefix` names where they are, e.g.
/// `guardrails` or `creators.ana`), as (key, message).
pub fn problems(
    prefix: &str,
    replies: &[(HoldingCategory, &HoldingText)],
    helplines: &BTreeMap<String, String>,
) -> Vec<(String, String)> {
    let mut out = vec![];
    let langs = LANGUAGES.join(", ");
    for (c, t) in replies {
        let key = format!("{prefix}.holding_replies.{}", c.as_str());
        if *c == HoldingCategory::Minor && !t.is_empty() {
            out.push((key.clone(), "must be empty: nothing is ever sent to a fan who said they are under 18 (a human answers them, if anyone)".into()));
        }
        for (lang, _) in t.entries() {
            if let Some(l) = lang.filter(|l| !LANGUAGES.contains(l)) {
                out.push((
                    key.clone(),
                    format!("`{l}` is not a language of holding replies ({langs})"),
                ));
            }
        }
    }
    for l in helplines
        .keys()
        .filter(|l| !LANGUAGES.contains(&l.as_str()))
    {
        out.push((
            format!("{prefix}.helplines"),
            format!("`{l}` is not a language of holding replies ({langs})"),
        ));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use HoldingCategory as C;

    fn defaults() -> CreatorHolding {
        CreatorHolding::resolve(&HoldingReplies::default(), &default_helplines(), None)
    }

    #[test]
    fn a_crisis_gets_the_line_and_helpline_of_the_fans_language_and_english_otherwise() {
        let h = defaults();
        for (lang, line_start, help) in [
            ("en", "I'm so sorry", "call your local emergency number"),
            ("es", "Siento mucho", "llama al número de emergencias local"),
            (
                "pt",
                "Sinto muito",
                "ligue para o número de emergência local",
            ),
            (
                "fr",
                "Je suis vraiment triste",
                "appelle le numéro d'urgence local",
            ),
            (
                "de",
                "Es tut mir so leid",
                "ruf die örtliche Notrufnummer an",
            ),
            (
                "it",
                "Mi dispiace tanto",
                "chiama il numero di emergenza locale",
            ),
        ] {
            let t = h.text(C::Crisis, Some(lang));
            assert!(t.starts_with(line_start), "{lang}: {t}");
            assert!(
                t.contains("findahelpline.com") && t.contains(help),
                "{lang}: {t}"
            );
        }
        for unknown in [None, Some("nl"), Some("")] {
            assert_eq!(h.text(C::Crisis, unknown), h.text(C::Crisis, Some("en")));
        }
    }

    #[test]
    fn by_default_only_a_crisis_gets_words_and_a_minor_never_does() {
        let h = defaults();
        for c in HoldingCategory::ALL {
            for lang in LANGUAGES {
                assert_eq!(
                    h.text(c, Some(lang)).is_empty(),
                    c != C::Crisis,
                    "{c:?} {lang}"
                );
            }
        }
        // Even a configuration that slipped past validation sends a minor nothing.
        let r = HoldingReplies {
            minor: HoldingText::All("hi!".into()),
            ..Default::default()
        };
        let h = CreatorHolding::resolve(&r, &default_helplines(), None);
        assert_eq!(h.text(C::Minor, Some("en")), "");
        assert!(h.all_texts().iter().all(|(c, _, _)| *c == C::Crisis));
    }

    #[test]
    fn a_creator_overrides_one_category_or_one_language_and_keeps_the_rest() {
        let mine = CreatorHoldingReplies {
            meeting: Some(HoldingText::All("I only chat here 😊".into())),
            crisis: Some(HoldingText::ByLanguage(BTreeMap::from([(
                "es".to_string(),
                "Lo siento mucho.".to_string(),
            )]))),
            ..Default::default()
        };
        let lines = BTreeMap::from([("pt".to_string(), "CVV: ligue 188.".to_string())]);
        let h = CreatorHolding::resolve(
            &HoldingReplies::default(),
            &default_helplines(),
            Some((&mine, &lines)),
        );
        assert_eq!(h.text(C::Meeting, Some("de")), "I only chat here 😊");
        assert!(h
            .text(C::Crisis, Some("es"))
            .starts_with("Lo siento mucho.\n\nEn findahelpline"));
        assert!(h
            .text(C::Crisis, Some("fr"))
            .starts_with("Je suis vraiment triste"));
        assert!(h
            .text(C::Crisis, Some("pt"))
            .ends_with("\n\nCVV: ligue 188."));
        let off = CreatorHoldingReplies {
            crisis: Some(HoldingText::All(String::new())),
            ..Default::default()
        };
        let h = CreatorHolding::resolve(
            &HoldingReplies::default(),
            &default_helplines(),
            Some((&off, &BTreeMap::new())),
        );
        assert_eq!(
            h.text(C::Crisis, Some("en")),
            "",
            "no line: no helpline either"
        );
    }

    #[test]
    fn a_minor_text_or_an_unknown_language_is_a_problem() {
        let minor = HoldingText::All("hey".into());
        let crisis = HoldingText::ByLanguage(BTreeMap::from([("nl".into(), "x".into())]));
        let p = problems(
            "guardrails",
            &[(C::Minor, &minor), (C::Crisis, &crisis)],
            &BTreeMap::from([("xx".into(), "y".into())]),
        );
        let keys: Vec<&str> = p.iter().map(|(k, _)| k.as_str()).collect();
        assert_eq!(
            keys,
            [
                "guardrails.holding_replies.minor",
                "guardrails.holding_replies.crisis",
                "guardrails.helplines"
            ],
            "{p:?}"
        );
        assert!(p[0].1.contains("under 18"), "{p:?}");
        assert!(problems(
            "g",
            &[(C::Minor, &HoldingText::All(" ".into()))],
            &BTreeMap::new()
        )
        .is_empty());
    }
}
