//! The language a fan writes in, among the six the guardrails and the persona support, with
//! whatlang restricted to those six (so a short Spanish line is not read as Catalan or Galician),
//! and, where whatlang is unsure (a short line), a count of each language's everyday words.

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
/// the text is too short or neither whatlang nor the everyday words tell.
pub fn detect_language(text: &str) -> Option<&'static str> {
    if text.chars().filter(|c| c.is_alphabetic()).count() < MIN_LETTERS {
        return None;
    }
    let info = DETECTOR.detect(text);
    match info.filter(|i| i.confidence() >= MIN_CONFIDENCE) {
        Some(i) => code(i.lang()),
        // Trigrams need more text than a fan's line often has ("ya no quiero seguir viviendo,
        // esta noche lo termino todo" scores 0.007): the words themselves still tell.
        None => by_everyday_words(text),
    }
}

/// Everyday words of each language, without accents (as `normalize` writes them). A word in
/// several lists counts for each; the margin required below absorbs that.
const EVERYDAY: [(&str, &[&str]); 6] = [
    (
        "en",
        &[
            "the", "and", "you", "to", "my", "me", "is", "it", "this", "that", "want", "what",
            "do", "dont", "cant", "im", "of", "not", "anymore", "tonight", "today", "with", "your",
            "are", "have", "just", "can", "how", "day",
        ],
    ),
    (
        "es",
        &[
            "que", "el", "los", "las", "y", "no", "ya", "quiero", "esta", "este", "estoy", "lo",
            "todo", "noche", "mi", "por", "para", "pero", "con", "una", "es", "muy", "tengo",
            "mas", "hoy", "nada", "puedo", "eres", "como", "tu",
        ],
    ),
    (
        "pt",
        &[
            "que", "nao", "os", "eu", "voce", "vc", "mais", "quero", "hoje", "com", "para", "uma",
            "um", "meu", "minha", "estou", "isso", "tudo", "muito", "aguento", "ta", "to", "noite",
            "posso", "como", "seu", "sua",
        ],
    ),
    (
        "fr",
        &[
            "je", "tu", "le", "les", "et", "ne", "pas", "plus", "veux", "ce", "soir", "en", "est",
            "mon", "ma", "suis", "avec", "pour", "une", "moi", "toi", "qui", "ca", "peux",
            "aujourd", "hui", "nuit", "mais",
        ],
    ),
    (
        "de",
        &[
            "ich", "du", "nicht", "und", "der", "die", "das", "ist", "mehr", "will", "heute",
            "nacht", "kann", "mich", "mir", "mit", "ein", "eine", "zu", "bin", "auch", "es", "so",
            "noch", "dich", "dir", "wie",
        ],
    ),
    (
        "it",
        &[
            "non", "che", "il", "di", "io", "voglio", "piu", "stanotte", "sono", "mi", "ti", "con",
            "per", "una", "ce", "faccio", "ho", "anche", "sei", "questo", "oggi", "posso",
            "stasera", "come", "tuo", "tua",
        ],
    ),
];

/// The language whose everyday words the text uses most: at least three of them, and two more
/// than any other language (else it is a guess).
fn by_everyday_words(text: &str) -> Option<&'static str> {
    let words = super::super::normalize::normalize(text).words;
    let words: Vec<&str> = words.split_whitespace().collect();
    let mut scores: Vec<(usize, &'static str)> = EVERYDAY
        .iter()
        .map(|(lang, list)| (words.iter().filter(|w| list.contains(w)).count(), *lang))
        .collect();
    scores.sort_by_key(|s| std::cmp::Reverse(s.0));
    let (best, lang) = scores[0];
    (best >= 3 && best >= scores[1].0 + 2).then_some(lang)
}

fn code(lang: Lang) -> Option<&'static str> {
    Some(match lang {
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
    fn a_short_line_whatlang_is_unsure_of_is_read_by_its_everyday_words() {
        for (text, lang) in [
            (
                "ya no quiero seguir viviendo, esta noche lo termino todo",
                "es",
            ),
            ("non ce la faccio piu, voglio morire stanotte", "it"),
            ("nao aguento mais, quero morrer hoje", "pt"),
            ("j'en peux plus, je veux mourir ce soir", "fr"),
            ("ich kann nicht mehr, ich will heute nacht sterben", "de"),
            (
                "i cant do this anymore, i want to kill myself tonight",
                "en",
            ),
        ] {
            assert_eq!(detect_language(text), Some(lang), "{text}");
        }
        assert_eq!(
            by_everyday_words("la de que e o"),
            None,
            "shared words tell nothing"
        );
    }

    #[test]
    fn a_short_message_has_no_language() {
        assert_eq!(detect_language("ok 😘"), None);
        assert_eq!(detect_language("hi babe"), None);
    }
}
