//! Text normalisation for the guardrails: lowercase, unicode confusables and fullwidth forms folded to
//! ASCII, leetspeak undone, zero-width characters dropped, and two views of the result: `words`
//! (separators collapsed to single spaces) and `squashed` (letters and digits only), so
//! "T e l e g r a m", "t.e.l.e.g.r.a.m" and "ţеlеgrаm" all read "telegram".

/// The normalised views of a text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Normalized {
    /// Lowercase, folded, separators collapsed to one space.
    pub words: String,
    /// Only letters and digits: spacing and punctuation tricks removed.
    pub squashed: String,
    /// Like `words` but digits kept as digits (leetspeak not undone): for ages and phone numbers.
    pub digits: String,
    /// `words` and `squashed` reading `1` and `|` as `l` instead of `i` ("te1egram").
    pub alt_words: String,
    pub alt_squashed: String,
}

impl Normalized {
    /// Every word view (both leetspeak readings, and spread letters joined) to match against.
    pub fn word_views(&self) -> [String; 3] {
        [
            self.words.clone(),
            self.alt_words.clone(),
            join_spread_letters(&self.words),
        ]
    }

    /// Whether either squashed reading contains `needle` (given without spaces).
    pub fn squashed_contains(&self, needle: &str) -> bool {
        self.squashed.contains(needle) || self.alt_squashed.contains(needle)
    }
}

/// Folds one character to its ASCII look-alike, or returns it lowercased.
fn fold(c: char) -> char {
    match c {
        // Fullwidth ASCII (U+FF01..U+FF5E).
        '\u{FF01}'..='\u{FF5E}' => {
            char::from_u32(c as u32 - 0xFF01 + 0x21).map_or(c, |a| a.to_ascii_lowercase())
        }
        // Cyrillic and Greek letters that look Latin.
        'а' | 'А' | 'α' | 'Α' => 'a',
        'в' | 'В' | 'β' => 'b',
        'с' | 'С' | 'ϲ' => 'c',
        'е' | 'Е' | 'ё' | 'Ё' | 'ε' | 'Ε' => 'e',
        'һ' | 'Н' => 'h',
        'і' | 'І' | 'ι' | 'Ι' | 'ї' => 'i',
        'ј' | 'Ј' => 'j',
        'к' | 'К' | 'κ' | 'Κ' => 'k',
        'м' | 'М' | 'Μ' => 'm',
        'п' | 'η' => 'n',
        'о' | 'О' | 'ο' | 'Ο' | 'σ' => 'o',
        'р' | 'Р' | 'ρ' | 'Ρ' => 'p',
        'ԛ' => 'q',
        'г' => 'r',
        'ѕ' | 'Ѕ' => 's',
        'т' | 'Т' | 'τ' | 'Τ' => 't',
        'υ' | 'μ' => 'u',
        'ν' | 'ѵ' => 'v',
        'ш' | 'ω' => 'w',
        'х' | 'Х' | 'χ' | 'Χ' => 'x',
        'у' | 'У' | 'γ' | 'Υ' => 'y',
        'ᴢ' | 'Ζ' => 'z',
        // Latin letters with diacritics.
        'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' | 'À' | 'Á' | 'Â' | 'Ã' | 'Ä' | 'Å' => 'a',
        'ç' | 'Ç' | 'ć' | 'č' => 'c',
        'è' | 'é' | 'ê' | 'ë' | 'È' | 'É' | 'Ê' | 'Ë' => 'e',
        'ì' | 'í' | 'î' | 'ï' | 'Ì' | 'Í' | 'Î' | 'Ï' | 'ı' => 'i',
        'ñ' | 'Ñ' => 'n',
        'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'ø' | 'Ò' | 'Ó' | 'Ô' | 'Õ' | 'Ö' | 'Ø' => 'o',
        'ù' | 'ú' | 'û' | 'ü' | 'Ù' | 'Ú' | 'Û' | 'Ü' => 'u',
        'ý' | 'ÿ' | 'Ý' => 'y',
        'ş' | 'š' | 'ś' => 's',
        'ţ' | 'ť' => 't',
        'ž' | 'ź' | 'ż' => 'z',
        // Circled and other letter-like forms.
        'ⓐ'..='ⓩ' => char::from_u32(c as u32 - 'ⓐ' as u32 + 'a' as u32).unwrap_or(c),
        'Ⓐ'..='Ⓩ' => char::from_u32(c as u32 - 'Ⓐ' as u32 + 'a' as u32).unwrap_or(c),
        _ => c.to_lowercase().next().unwrap_or(c),
    }
}

fn unleet(c: char) -> char {
    match c {
        '0' => 'o',
        '1' | '|' => 'i',
        '3' => 'e',
        '4' | '@' => 'a',
        '5' | '$' => 's',
        '7' | '+' => 't',
        '8' => 'b',
        '9' => 'g',
        _ => c,
    }
}

fn is_invisible(c: char) -> bool {
    matches!(c, '\u{200B}'..='\u{200F}' | '\u{2060}'..='\u{2064}' | '\u{FEFF}' | '\u{00AD}')
}

/// Normalises `text` into its matching views.
pub fn normalize(text: &str) -> Normalized {
    let folded: Vec<char> = text
        .chars()
        .filter(|c| !is_invisible(*c))
        .map(fold)
        .collect();
    let collapse = |chars: &mut dyn Iterator<Item = char>| {
        let mut out = String::new();
        let mut space = true;
        for c in chars {
            if c.is_alphanumeric() {
                out.push(c);
                space = false;
            } else if !space {
                out.push(' ');
                space = true;
            }
        }
        out.trim_end().to_string()
    };
    let digits = collapse(&mut folded.iter().copied());
    // Leetspeak only inside words: "l33t" → "leet", but "i'm 15" keeps its number in `digits`.
    let words = collapse(&mut folded.iter().map(|c| unleet(*c)));
    let alt_words = collapse(&mut folded.iter().map(|c| match c {
        '1' | '|' => 'l',
        c => unleet(*c),
    }));
    let squash = |s: &str| {
        s.chars()
            .filter(|c| c.is_alphanumeric())
            .collect::<String>()
    };
    Normalized {
        squashed: squash(&words),
        alt_squashed: squash(&alt_words),
        words,
        digits,
        alt_words,
    }
}

/// Letters spread out with separators ("t e l e g r a m", "s-n-a-p") joined back into words, so a
/// word search can find them; ordinary text is unchanged.
pub fn join_spread_letters(words: &str) -> String {
    let mut out: Vec<String> = Vec::new();
    let mut run = String::new();
    for w in words.split(' ') {
        if w.chars().count() == 1 {
            run.push_str(w);
            continue;
        }
        if run.chars().count() >= 4 {
            out.push(std::mem::take(&mut run));
        } else if !run.is_empty() {
            out.extend(run.chars().map(String::from));
            run.clear();
        }
        out.push(w.to_string());
    }
    if run.chars().count() >= 4 {
        out.push(run);
    } else {
        out.extend(run.chars().map(String::from));
    }
    out.join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spacing_punctuation_case_leetspeak_and_confusables_fold_to_one_form() {
        for s in [
            "Telegram",
            "T E L E G R A M",
            "t.e.l.e.g.r.a.m",
            "t-e-l-e-g-r-a-m",
            "te1egr4m",
            "ţеlеgrаm", // Cyrillic е, а
            "ＴＥＬＥＧＲＡＭ",
            "tele\u{200B}gram",
        ] {
            assert!(
                normalize(s).squashed_contains("telegram"),
                "{s}: {:?}",
                normalize(s)
            );
        }
    }

    #[test]
    fn numbers_survive_in_the_digit_view_and_spread_letters_rejoin() {
        let n = normalize("I'm 15, lol");
        assert_eq!(n.digits, "i m 15 lol");
        assert_eq!(n.words, "i m is lol");
        assert_eq!(
            join_spread_letters("add me on s n a p ok"),
            "add me on snap ok"
        );
        assert_eq!(join_spread_letters("i m a fan"), "i m a fan");
    }
}
