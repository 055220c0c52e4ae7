//! The language a fan writes in, among the six the guardrails and the persona support, with
//! whatlang restricted to those six (so a short Spanish line is not read as Catalan or Galician).

use std::sync::LazyLock;
use whatlang::{Detector, Lang};

static DETECTOR: LazyLock<Detector> = LazyLock::new(|| {
    Detector::with_allowlist(vec![
        Lang::Eng,
        Lang::Spa,
        Lang::Por,
        Lang::Fra,
        Lang::Deu,
        Lang::Ita,
    ])
});

/// Fewer letters than this is too little to tell ("ok", "hi babe", "jaja").
const MIN_LETTERS: usize = 12;
/// Below this whatlang confidence the answer is a guess.
const MIN_CONFIDENCE: f64 = 0.2;

/// The ISO 639-1 code of `text`'s language ("en", "es", "pt", "fr", "de", "it"), or None when
/// the text is too short or the detector is unsure.
pub fn detect_language(text: &str) -> Option<&'static str> {
    if text.chars().filter(|c| c.is_alphabetic()).count() < MIN_LETTERS {
        return None;
    }
    let info = DETECTOR.detect(text)?;
    if info.confidence() < MIN_CONFIDENCE {
        return None;
    }
    Some(match info.lang() {
        Lang::Eng => "en",
        Lang::Spa => "es",
        Lang::Por => "pt",
        Lang::Fra => "fr",
        Lang::Deu => "de",
        Lang::Ita => "it",
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_of_the_six_languages_is_recognised_in_an_ordinary_sentence() {
        for (text, lang) in [
            (
                "what are you up to tonight, I had the worst day at work",
                "en",
            ),
            (
                "qué planes tienes para esta noche? tuve un día horrible en el trabajo",
                "es",
            ),
            (
                "o que você vai fazer hoje à noite? tive um dia horrível no trabalho",
                "pt",
            ),
            (
                "qu'est-ce que tu fais ce soir ? j'ai eu une journée horrible au travail",
                "fr",
            ),
            (
                "was machst du heute Abend? ich hatte einen furchtbaren Tag bei der Arbeit",
                "de",
            ),
            (
                "cosa fai stasera? ho avuto una giornata orribile al lavoro",
                "it",
            ),
        ] {
            assert_eq!(detect_language(text), Some(lang), "{text}");
        }
    }

    #[test]
    fn a_short_message_has_no_language() {
        assert_eq!(detect_language("ok 😘"), None);
        assert_eq!(detect_language("hi babe"), None);
    }
}
