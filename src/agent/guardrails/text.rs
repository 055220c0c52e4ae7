//! Normalisation for the guardrails: fold styled and look-alike letters (NFKC and the UTS #39
//! confusables skeleton), strip
//! diacritics, undo leetspeak inside words, re-join spaced-out letters, read numbers written as
//! words, keycaps and spaced digits as digits, and keep sentence boundaries as `|` so that no rule
//! matches across "…at home. What…".

use super::numbers;
use unicode_security::confusable_detection::skeleton;

/// The views of one text that detectors look at.
#[derive(Clone, Debug, Default)]
pub struct Text {
    /// Folded characters with punctuation kept: links, emails, prices, brackets.
    pub raw: String,
    /// Word views (letters; leetspeak undone inside words): unjoined, joined, joined keeping a
    /// leading one-letter word apart ("a r e a l" → "a real").
    pub words: Vec<String>,
    /// Number views: number words, keycaps and spaced digits read as digits; digits never unleeted.
    pub nums: Vec<String>,
    /// The writer trails off ("…", "..") somewhere: what follows may finish the sentence.
    pub trails_off: bool,
    /// The word views of a message of several sentences read as one, each end kept as a word.
    pub joined: Vec<String>,
}

/// The word a sentence end becomes when a message is read as one sentence: no rule names it.
const SENTENCE_END: &str = " xxstopxx ";

impl Text {
    pub fn new(input: &str) -> Text {
        let raw = fold(input);
        let tokens = tokenize(&raw);
        let mut words = vec![render(&tokens, Join::None, true)];
        let mut nums = Vec::with_capacity(2);
        for join in [Join::All, Join::KeepLead] {
            let w = render(&tokens, join, true);
            if !words.contains(&w) {
                words.push(w);
            }
            let n = numbers::read_numbers(&render(&tokens, join, false));
            if !nums.contains(&n) {
                nums.push(n);
            }
        }
        let trails_off = input.contains('…') || input.contains("..");
        let joined = words
            .iter()
            .filter(|w| w.contains(" | "))
            .map(|w| w.replace(" | ", SENTENCE_END))
            .collect();
        Text {
            raw,
            words,
            nums,
            trails_off,
            joined,
        }
    }

    /// The sentences of every word view.
    pub fn word_sentences(&self) -> impl Iterator<Item = &str> {
        self.words.iter().flat_map(|w| sentences(w))
    }

    /// The sentences of every number view.
    pub fn num_sentences(&self) -> impl Iterator<Item = &str> {
        self.nums.iter().flat_map(|w| sentences(w))
    }
}

/// Splits a view at its boundary markers.
pub fn sentences(view: &str) -> impl Iterator<Item = &str> {
    view.split(" | ")
        .map(|s| s.trim_matches(|c| c == ' ' || c == '|'))
        .filter(|s| !s.is_empty())
}

/// Folds one text character by character: lowercase ASCII, confusables and styled letters to
/// their plain letter, diacritics dropped, a few symbols kept or named.
pub fn fold(input: &str) -> String {
    let mut out = String::with_capacity(input.len() + 8);
    for c in input.chars() {
        fold_char(c, &mut out);
    }
    out
}

fn fold_char(c: char, out: &mut String) {
    if c.is_ascii() {
        out.push(c.to_ascii_lowercase());
        return;
    }
    // Symbols whose meaning matters (currencies, apostrophes, dashes) or that fold badly.
    let kept = match c {
        '\u{FF01}'..='\u{FF5E}' => {
            let a = char::from_u32(c as u32 - 0xFF01 + 0x21).unwrap_or(' ');
            out.push(a.to_ascii_lowercase());
            return;
        }
        '€' | '£' | '¥' | '¢' | '₹' | '₽' => Some(c),
        'ß' | 'ẞ' => Some('s'),
        // The skeleton's prototype for a capital I is "l": a Greek or Cyrillic I in "ΑΙ" is an i.
        'Ι' | 'ι' | 'І' | 'і' | 'Ӏ' | 'ӏ' => Some('i'),
        '’' | '‘' | 'ʼ' | '´' | '`' | 'ʻ' => Some('\''),
        '«' | '»' | '“' | '”' | '„' => Some('"'),
        '¿' | '¡' | '\u{00A0}' | '\u{3000}' => Some(' '),
        '…' | '。' | '·' | '・' | '∙' | '‧' => Some('.'),
        '–' | '—' | '‐' | '‑' | '−' => Some('-'),
        'º' | 'ª' | '°' => Some(' '),
        '👻' => return out.push_str(" ghost "),
        '🤖' => return out.push_str(" robot "),
        '💵' | '💶' | '💷' | '💰' | '💸' => return out.push_str(" money "),
        '\u{FE0F}' | '\u{20E3}' | '\u{200B}'..='\u{200F}' | '\u{2060}'..='\u{2064}' => return,
        '\u{FEFF}' | '\u{00AD}' => return,
        _ => None,
    };
    if let Some(k) = kept {
        out.push(k);
        if k == 's' && matches!(c, 'ß' | 'ẞ') {
            out.push('s');
        }
        return;
    }
    if !c.is_alphanumeric() {
        // Emoji and other symbols separate words .
        out.push(' ');
        return;
    }
    if let Some(base) = strip_diacritic(c) {
        out.push(base);
        return;
    }
    fold_confusable(c, out);
}

/// Styled and look-alike letters: compatibility decomposition (NFKC) reads mathematical bold,
/// script, fraktur, double-struck, full-width and circled letters; the Unicode confusables
/// skeleton (UTS #39) reads small capitals, Cyrillic and Greek look-alikes. Only non-ASCII
/// characters get here, so the skeleton's own ASCII quirks ("l" → "I") never apply.
fn fold_confusable(c: char, out: &mut String) {
    if let Some(l) = small_capital(c) {
        out.push(l);
        return;
    }
    let mut compat = String::new();
    unicode_normalization::char::decompose_compatible(c, |d| compat.push(d));
    let letters: String = compat
        .chars()
        .filter(|d| !unicode_normalization::char::is_combining_mark(*d))
        .collect();
    if !letters.is_empty() && letters.is_ascii() {
        out.extend(letters.chars().map(|x| x.to_ascii_lowercase()));
        return;
    }
    let skeleton: String = skeleton(&c.to_string()).collect();
    if !skeleton.is_empty() && skeleton.is_ascii() {
        out.extend(skeleton.chars().map(|x| x.to_ascii_lowercase()));
    } else {
        out.extend(c.to_lowercase());
    }
}

/// Small capitals ("ᴛᴇʟᴇɢʀᴀᴍ"): Unicode gives them neither a decomposition nor a Latin
/// confusable, so these 25 are the one table kept by hand.
fn small_capital(c: char) -> Option<char> {
    const SMALL: [(char, char); 25] = [
        ('ᴀ', 'a'),
        ('ʙ', 'b'),
        ('ᴄ', 'c'),
        ('ᴅ', 'd'),
        ('ᴇ', 'e'),
        ('ꜰ', 'f'),
        ('ɢ', 'g'),
        ('ʜ', 'h'),
        ('ɪ', 'i'),
        ('ᴊ', 'j'),
        ('ᴋ', 'k'),
        ('ʟ', 'l'),
        ('ᴍ', 'm'),
        ('ɴ', 'n'),
        ('ᴏ', 'o'),
        ('ᴘ', 'p'),
        ('ꞯ', 'q'),
        ('ʀ', 'r'),
        ('ꜱ', 's'),
        ('ᴛ', 't'),
        ('ᴜ', 'u'),
        ('ᴠ', 'v'),
        ('ᴡ', 'w'),
        ('ʏ', 'y'),
        ('ᴢ', 'z'),
    ];
    SMALL.iter().find(|(s, _)| *s == c).map(|(_, l)| *l)
}

/// "é" → "e", "ñ" → "n", "ü" → "u": the base letter of a Latin letter with an accent, by
/// canonical decomposition (kept apart from the confusables, which would map "ó" to a look-alike).
fn strip_diacritic(c: char) -> Option<char> {
    let mut base = None;
    unicode_normalization::char::decompose_canonical(c, |d| {
        if base.is_none() {
            base = Some(d);
        }
    });
    base.filter(|b| b.is_ascii_alphabetic() && *b != c)
        .map(|b| b.to_ascii_lowercase())
}

/// How a gap between two tokens looked in the text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Gap {
    /// One space or a hyphen.
    Space,
    /// Two spaces or a slash: the gap between words of a spaced-out phrase.
    Wide,
    /// An apostrophe: "i'm", "j'ai": the single letters are words, not spaced letters.
    Apostrophe,
    /// End of a sentence.
    Boundary,
}

#[derive(Clone, Debug)]
struct Token {
    text: String,
    gap: Gap,
}

/// Characters that stay inside a token when they sit between two digits ("5'11", "1,60",
/// "7:30", "310-555-0187").
fn digit_joiner(c: char) -> bool {
    matches!(c, '\'' | ',' | '.' | ':' | '-' | '/')
}

/// Characters that stay inside a word when they sit between letters ("ch@tb0t", "tr*ffato").
fn leet_joiner(c: char) -> bool {
    matches!(c, '@' | '$' | '*')
}

fn tokenize(raw: &str) -> Vec<Token> {
    let chars: Vec<char> = raw.chars().collect();
    let mut tokens: Vec<Token> = Vec::new();
    let mut cur = String::new();
    let mut gap = Gap::Space;
    let mut spaces = 0usize;
    for (i, &c) in chars.iter().enumerate() {
        let prev = i.checked_sub(1).map(|j| chars[j]);
        let next = chars.get(i + 1).copied();
        let between_digits =
            prev.is_some_and(|p| p.is_ascii_digit()) && next.is_some_and(|n| n.is_ascii_digit());
        let in_word =
            prev.is_some_and(|p| p.is_alphanumeric()) && next.is_some_and(|n| n.is_alphanumeric());
        if c.is_alphanumeric() || (between_digits && digit_joiner(c)) || (in_word && leet_joiner(c))
        {
            if cur.is_empty() && !tokens.is_empty() && gap == Gap::Space && spaces >= 2 {
                gap = Gap::Wide;
            }
            cur.push(c);
            continue;
        }
        if !cur.is_empty() {
            tokens.push(Token {
                text: std::mem::take(&mut cur),
                gap,
            });
            gap = Gap::Space;
            spaces = 0;
        }
        if matches!(c, '$' | '€' | '£' | '%') {
            tokens.push(Token {
                text: c.to_string(),
                gap,
            });
            gap = Gap::Space;
            spaces = 0;
            continue;
        }
        let boundary = matches!(c, '!' | '?' | ';' | '\n')
            || (c == '.'
                && !prev.is_some_and(|p| p.is_ascii_digit())
                && !next.is_some_and(|n| n.is_alphanumeric()));
        gap = match c {
            _ if boundary => Gap::Boundary,
            '\'' if in_word && gap != Gap::Boundary => Gap::Apostrophe,
            '/' | '|' | '_' | '·' | '•' if gap == Gap::Space => Gap::Wide,
            _ => gap,
        };
        if c == ' ' {
            spaces += 1;
        }
    }
    if !cur.is_empty() {
        tokens.push(Token { text: cur, gap });
    }
    tokens
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Join {
    None,
    All,
    KeepLead,
}

/// A one-character token: a letter, or a digit standing in for one ("p 4 y p 4 l").
fn is_letter(t: &Token) -> bool {
    let mut it = t.text.chars();
    matches!((it.next(), it.next()), (Some(c), None) if c.is_alphanumeric())
}

/// Whether tokens[i..end] is a run of spaced letters to join: three or more, or two set off by
/// the wide gaps of a spaced-out phrase ("m e e t  u p").
fn joinable(tokens: &[Token], i: usize, end: usize) -> bool {
    let n = end - i;
    let has_letter = tokens[i..end]
        .iter()
        .any(|t| t.text.chars().any(char::is_alphabetic));
    let wide_before = tokens[i].gap == Gap::Wide;
    let wide_after = tokens.get(end).is_some_and(|t| t.gap == Gap::Wide);
    has_letter && (n >= 3 || (n == 2 && (wide_before || wide_after)))
}

/// Renders tokens as one line: boundaries as ` | `, runs of three or more spaced single letters
/// joined into a word (the run stops at a wide gap, so "a d d  m e" reads "add me").
fn render(tokens: &[Token], join: Join, unleet_words: bool) -> String {
    let mut out = String::with_capacity(tokens.len() * 6);
    let mut i = 0;
    while i < tokens.len() {
        let t = &tokens[i];
        if !out.is_empty() {
            out.push_str(if t.gap == Gap::Boundary { " | " } else { " " });
        }
        let mut end = i + 1;
        // A letter after an apostrophe ("i'm", "j'ai") is a word of its own, never a run start.
        if join != Join::None && is_letter(t) && t.gap != Gap::Apostrophe {
            while end < tokens.len() && is_letter(&tokens[end]) && tokens[end].gap == Gap::Space {
                end += 1;
            }
        }
        if joinable(tokens, i, end) {
            let mut start = i;
            if join == Join::KeepLead && end - i >= 4 {
                out.push_str(&t.text);
                out.push(' ');
                start += 1;
            }
            let word: String = tokens[start..end].iter().map(|t| t.text.as_str()).collect();
            if unleet_words {
                push_unleet(&word, &mut out);
            } else {
                out.push_str(&word);
            }
            i = end;
            continue;
        }
        push_token(&t.text, unleet_words, &mut out);
        i += 1;
    }
    out
}

/// One token in a view: "15ans" as "15 ans" in every view; leetspeak undone in word views, and
/// in number views only between letters ("t3nho 17" reads "tenho 17", "m16" stays).
fn push_token(token: &str, unleet_words: bool, out: &mut String) {
    if let Some(split) = token.find(|c: char| !c.is_ascii_digit()).filter(|&k| k > 0) {
        let unit = &token[split..];
        if GLUED_UNITS.contains(&unit) {
            out.push_str(&token[..split]);
            out.push(' ');
            out.push_str(unit);
            return;
        }
    }
    // "US$15", "R$20", "CA$9": the dollar sign with its country, read as "$ 15" in number views.
    if let Some((_, amount)) = token.split_once('$').filter(|(c, a)| {
        !unleet_words && c.len() <= 2 && !a.is_empty() && a.bytes().all(|b| b.is_ascii_digit())
    }) {
        out.push_str("$ ");
        out.push_str(amount);
        return;
    }
    // "9l2 334": a letter standing in for a digit between digits, read as that digit.
    let digit_lookalike = |c: char| matches!(c, 'l' | 'o' | 'i');
    if !unleet_words
        && token.len() >= 3
        && token.starts_with(|c: char| c.is_ascii_digit())
        && token.ends_with(|c: char| c.is_ascii_digit())
        && token.chars().filter(|c| !c.is_ascii_digit()).count() == 1
        && token.chars().any(digit_lookalike)
    {
        out.extend(token.chars().map(|c| match c {
            'l' | 'i' => '1',
            'o' => '0',
            c => c,
        }));
        return;
    }
    let inner = token.starts_with(char::is_alphabetic) && token.ends_with(char::is_alphabetic);
    if unleet_words || inner {
        push_unleet(token, out);
    } else {
        out.push_str(token);
    }
}

/// Years written onto their number: "g 15ans", "tengo 16anos", "ho 15anni", "bin 16jahre".
const GLUED_UNITS: &[&str] = &[
    "ans", "an", "anos", "ano", "anni", "anno", "jahre", "jahren", "years", "year", "yrs", "ani",
];

/// Undoes leetspeak in a token that mixes letters with digits or symbols ("m33t" → "meet");
/// plain numbers stay numbers.
fn push_unleet(token: &str, out: &mut String) {
    // "10th", "16m", "1m80" start with their number: ordinals and units, not leetspeak.
    let letters = token.chars().filter(|c| c.is_alphabetic()).count();
    let mixed = letters >= 1 && letters < token.chars().count();
    let starts_as_word = token.starts_with(|c: char| c.is_alphabetic() || "@$*".contains(c));
    if !mixed || !starts_as_word || token.contains(['\'', ',', ':', '.']) {
        out.push_str(token);
        return;
    }
    out.extend(token.chars().map(|c| match c {
        '0' => 'o',
        '1' => 'i',
        '3' => 'e',
        '4' | '@' => 'a',
        '5' | '$' => 's',
        '7' => 't',
        '8' => 'b',
        '9' => 'g',
        '*' => 'u',
        c => c,
    }));
}

#[cfg(test)]
mod tests {
    use super::*;

    fn first(text: &str) -> String {
        Text::new(text).words[0].clone()
    }

    #[test]
    fn styled_and_look_alike_letters_fold_to_plain_letters() {
        assert_eq!(
            fold("𝐬𝐧𝐚𝐩 ᴛᴇʟᴇɢʀᴀᴍ 𝕋𝕖𝕝𝕖𝕘𝕣𝕒𝕞 ＦＵＬＬ ⓒⓘⓡ"),
            "snap telegram telegram full cir"
        );
        assert_eq!(fold("ţеlеgrаm"), "telegram");
        assert_eq!(fold("Ріх"), "pix");
    }

    #[test]
    fn accented_letters_lose_only_their_accent_and_symbols_keep_their_meaning() {
        assert_eq!(
            fold("dieciséis años, quatorze, fünfzehn, Straße"),
            "dieciseis anos, quatorze, funfzehn, strasse"
        );
        assert_eq!(fold("30€ £5 ＠ ．"), "30€ £5 @ .");
        assert_eq!(fold("👻"), " ghost ");
    }

    #[test]
    fn spaced_letters_rejoin_even_in_short_words_and_phrases() {
        let t = Text::new("we could m e e t irl, p i x ok, a d d  m e  o n  s n a p");
        assert!(t.words.iter().any(|w| w.contains("could meet irl")));
        assert!(t.words.iter().any(|w| w.contains("pix ok")));
        assert!(t.words.iter().any(|w| w.contains("add me on snap")));
        let t = Text::new("i'm a r e a l human");
        assert!(t.words.iter().any(|w| w.contains("a real human")), "{t:?}");
    }

    #[test]
    fn one_letter_words_around_apostrophes_stay_words() {
        assert_eq!(first("i'm a fan"), "i m a fan");
    }

    #[test]
    fn leetspeak_is_undone_inside_words_but_not_in_numbers() {
        assert_eq!(
            first("can we m33t, b4nk, ch@tb0t, 16"),
            "can we meet b4nk chatbot 16".replace("b4nk", "bank")
        );
        assert!(Text::new("im 16").nums[0].contains("im 16"));
    }

    #[test]
    fn sentence_boundaries_survive_and_split_views() {
        let t = Text::new("I was at home. What about you?");
        let s: Vec<&str> = t.word_sentences().collect();
        assert_eq!(s[0], "i was at home");
        assert_eq!(s[1], "what about you");
    }

    #[test]
    fn years_glued_to_a_number_dollar_prefixes_and_digit_look_alikes_are_read_in_number_views() {
        let nums = |s: &str| Text::new(s).nums[0].clone();
        assert_eq!(nums("g 15ans"), "g 15 ans");
        assert_eq!(nums("t3nho 17"), "tenho 17");
        assert_eq!(nums("m16 here"), "m16 here");
        assert!(nums("US$15 for it").contains("$ 15"));
        assert_eq!(nums("+351 9l2 334"), "351 912 334");
        assert_eq!(Text::new("16anos").words[0], "16 anos");
    }

    #[test]
    fn decimal_and_height_marks_stay_inside_numbers() {
        let t = Text::new("I'm 5'11, 1,60 m, at 7:30. ok");
        assert!(
            t.nums[0].contains("5'11") && t.nums[0].contains("1,60") && t.nums[0].contains("7:30")
        );
    }
}
