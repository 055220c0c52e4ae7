//! Numbers in text: number words of the six languages (0–99 and their compounds: "sixteen",
//! "dieciséis", "dezesseis", "seize", "sechzehn", "sedici", "soixante-dix-huit",
//! "einundzwanzig", "ventuno") become digits, spaced single digits are joined ("1 6" → "16"), and
//! runs of digits (phone numbers) and amounts with a currency are found.

use regex::Regex;
use std::sync::LazyLock;

/// The weekdays in the six languages: "Thursday at 3" is a clock time, "el domingo 14" a date.
pub const WEEKDAYS: &[&str] = &[
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
    "lunes",
    "martes",
    "miercoles",
    "jueves",
    "viernes",
    "sabado",
    "domingo",
    "segunda",
    "terca",
    "quarta",
    "quinta",
    "sexta",
    "lundi",
    "mardi",
    "mercredi",
    "jeudi",
    "vendredi",
    "samedi",
    "dimanche",
    "montag",
    "dienstag",
    "mittwoch",
    "donnerstag",
    "freitag",
    "samstag",
    "sonntag",
    "lunedi",
    "martedi",
    "mercoledi",
    "giovedi",
    "venerdi",
    "sabato",
    "domenica",
];

/// The value of one number word (diacritics already stripped). Articles ("un", "una", "ein",
/// "uma") are left alone: they are far more often "a" than "1".
fn word_value(w: &str) -> Option<u32> {
    let v = match w {
        "zero" | "cero" | "null" | "nada_" => 0,
        "one" | "uno" | "um" | "eins" => 1,
        "two" | "dos" | "dois" | "duas" | "deux" | "zwei" | "zwo" | "due" => 2,
        "three" | "tres" | "trois" | "drei" | "tre" => 3,
        "four" | "cuatro" | "quatro" | "quatre" | "vier" | "quattro" => 4,
        "five" | "cinco" | "cinq" | "funf" | "cinque" => 5,
        "six" | "seis" | "sechs" | "sei" => 6,
        "seven" | "siete" | "sete" | "sept" | "sieben" | "sette" => 7,
        "eight" | "ocho" | "oito" | "huit" | "acht" | "otto" => 8,
        "nine" | "nueve" | "nove" | "neuf" | "neun" => 9,
        "ten" | "diez" | "dez" | "dix" | "zehn" | "dieci" => 10,
        "eleven" | "once" | "onze" | "elf" | "undici" => 11,
        "twelve" | "doce" | "doze" | "douze" | "zwolf" | "dodici" => 12,
        "thirteen" | "trece" | "treze" | "treize" | "dreizehn" | "tredici" => 13,
        "fourteen" | "catorce" | "catorze" | "quatorze" | "vierzehn" | "quattordici" => 14,
        "fifteen" | "quince" | "quinze" | "funfzehn" | "quindici" => 15,
        "sixteen" | "dieciseis" | "dezesseis" | "dezasseis" | "seize" | "sechzehn" | "sedici" => 16,
        "seventeen" | "diecisiete" | "dezessete" | "dezassete" | "siebzehn" | "diciassette" => 17,
        "eighteen" | "dieciocho" | "dezoito" | "achtzehn" | "diciotto" => 18,
        "nineteen" | "diecinueve" | "dezenove" | "dezanove" | "neunzehn" | "diciannove" => 19,
        // "Una ventina", "une vingtaine", "una veintena": about that many.
        "decina" | "dizaine" | "decena" | "dezena" => 10,
        "quindicina" | "quinzaine" | "quincena" | "quinzena" => 15,
        "ventina" | "vingtaine" | "veintena" | "vintena" => 20,
        "trentina" | "trentaine" | "treintena" | "trintena" => 30,
        "cinquantina" | "cinquantaine" | "cincuentena" | "cinquentena" => 50,
        "centinaio" | "centaine" | "centena" => 100,
        _ => return tens_value(w).or_else(|| compound_value(w)),
    };
    Some(v)
}

fn tens_value(w: &str) -> Option<u32> {
    let v = match w {
        "twenty" | "veinte" | "vinte" | "vingt" | "vingts" | "zwanzig" | "venti" => 20,
        "thirty" | "treinta" | "trinta" | "trente" | "dreissig" | "trenta" => 30,
        "forty" | "cuarenta" | "quarenta" | "quarante" | "vierzig" | "quaranta" => 40,
        "fifty" | "cincuenta" | "cinquenta" | "cinquante" | "funfzig" | "cinquanta" => 50,
        "sixty" | "sesenta" | "sessenta" | "soixante" | "sechzig" | "sessanta" => 60,
        "seventy" | "setenta" | "siebzig" | "settanta" => 70,
        "eighty" | "ochenta" | "oitenta" | "achtzig" | "ottanta" => 80,
        "ninety" | "noventa" | "neunzig" | "novanta" => 90,
        _ => return None,
    };
    Some(v)
}

/// One-word compounds: "veintiuno", "ventuno", "trentatre", "einundzwanzig".
fn compound_value(w: &str) -> Option<u32> {
    if let Some((unit, tens)) = w.split_once("und") {
        let u = unit_value(unit)?;
        return Some(tens_value(tens)? + u);
    }
    const PREFIXES: &[(&str, u32)] = &[
        ("veinti", 20),
        ("vent", 20),
        ("trent", 30),
        ("quarant", 40),
        ("cinquant", 50),
        ("sessant", 60),
        ("settant", 70),
        ("ottant", 80),
        ("novant", 90),
    ];
    PREFIXES.iter().find_map(|(p, t)| {
        let rest = w.strip_prefix(p)?;
        let rest = rest
            .strip_prefix(['a', 'i'])
            .filter(|r| unit_value(r).is_some())
            .unwrap_or(rest);
        Some(t + unit_value(rest)?)
    })
}

fn unit_value(w: &str) -> Option<u32> {
    match w {
        "un" | "une" | "uma" | "una" | "ein" | "eine" | "uno" => Some(1),
        _ => word_value(w).filter(|v| (1..=9).contains(v)),
    }
}

fn is_connector(w: &str) -> bool {
    matches!(w, "y" | "e" | "et" | "and" | "und")
}

/// Reads number words at `i`; returns the value and how many tokens it used.
fn read_at(tokens: &[&str], i: usize) -> Option<(u32, usize)> {
    // `i` may be one past the end: "soixante" as the last word looks at the word after it.
    let v = word_value(tokens.get(i)?)?;
    let at = |k: usize| tokens.get(i + k).copied().unwrap_or("");
    // "quatre vingt(s)" = 80, then maybe "dix"/"onze"… or a unit.
    if v == 4 && matches!(at(1), "vingt" | "vingts") {
        return Some(match word_value(at(2)).filter(|x| *x < 20) {
            Some(x) => (80 + x, 3),
            None => (80, 2),
        });
    }
    if v == 10 {
        if let Some(u) = word_value(at(1)).filter(|x| (7..=9).contains(x)) {
            return Some((10 + u, 2)); // "dix sept"
        }
    }
    if v >= 20 && v % 10 == 0 {
        if v == 60 {
            if let Some((x, used)) = read_at(tokens, i + 1).filter(|(x, _)| (10..20).contains(x)) {
                return Some((60 + x, 1 + used)); // "soixante dix huit"
            }
        }
        let (k, w) = if is_connector(at(1)) {
            (2, at(2))
        } else {
            (1, at(1))
        };
        if let Some(u) = unit_value(w) {
            return Some((v + u, 1 + k));
        }
    }
    Some((v, 1))
}

/// Number words become digits; "oh" after a digit is a zero; runs of single digits join.
pub fn read_numbers(line: &str) -> String {
    let tokens: Vec<&str> = line.split(' ').collect();
    let mut out: Vec<String> = Vec::with_capacity(tokens.len());
    let mut i = 0;
    while i < tokens.len() {
        let prev_digit = out
            .last()
            .is_some_and(|p| p.bytes().all(|b| b.is_ascii_digit()));
        if tokens[i] == "oh" && prev_digit {
            out.push("0".into());
            i += 1;
        } else if let Some(year) = year_with_letter_o(tokens[i]) {
            out.push(year);
            i += 1;
        } else if let Some((v, used)) = read_at(&tokens, i) {
            out.push(v.to_string());
            i += used;
        } else {
            out.push(tokens[i].to_string());
            i += 1;
        }
    }
    join_single_digits(out)
}

/// "2o1o", "2oo9": a year typed with the letter o (or a look-alike folded to it) for zero.
fn year_with_letter_o(tok: &str) -> Option<String> {
    let b = tok.as_bytes();
    let shaped = b.len() == 4
        && matches!(b[0], b'1' | b'2')
        && b.iter().all(|c| c.is_ascii_digit() || *c == b'o')
        && b.contains(&b'o');
    if !shaped {
        return None;
    }
    let digits = tok.replace('o', "0");
    let year: u32 = digits.parse().ok()?;
    (1950..=2030).contains(&year).then_some(digits)
}

fn join_single_digits(tokens: Vec<String>) -> String {
    let single = |t: &str| t.len() == 1 && t.as_bytes()[0].is_ascii_digit();
    let mut out = String::new();
    let mut prev_single = false;
    for t in tokens {
        let s = single(&t);
        if !(out.is_empty() || s && prev_single) {
            out.push(' ');
        }
        out.push_str(&t);
        prev_single = s;
    }
    out
}

/// The longest run of digits in one sentence of a number view, counted across the spaces,
/// hyphens and brackets people put into phone numbers.
pub fn longest_digit_run(sentence: &str) -> usize {
    let mut best = 0;
    let mut run = 0;
    for tok in sentence.split(' ') {
        let digitish = !tok.is_empty()
            && tok
                .bytes()
                .all(|b| b.is_ascii_digit() || b"-.()/".contains(&b))
            && tok.bytes().any(|b| b.is_ascii_digit());
        if digitish {
            run += tok.bytes().filter(|b| b.is_ascii_digit()).count();
            best = best.max(run);
        } else {
            run = 0;
        }
    }
    best
}

const CURRENCY_WORDS: &str = r"usd|eur|gbp|chf|euros?|dollars?|dolares|dolar|dolares|bucks|balles|pavos|reais|reales|pounds|quid|franken|pesos|lucas|kohle|money|dolari|mause|ocken|tacken|conto|contos|pila|thunes|euritos|eurinhos|eurini|pavitos|sacchi|sacchetti|eurozzi|mangos|pesitos|dollari|euri|boules|francs|franchi|francos|sterline|libras|livres|soles|varos|varitos|kroten|stutz|stutzli";

static AMOUNT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?:^| )(?:(?:r ?)?\$|€|£|usd|eur|gbp|chf) ?(\d{{1,6}}(?:[.,]\d{{1,2}})?)(?: ?({THOUSANDS}))?(?: |$)|(?:^| )(\d{{1,6}}(?:[.,]\d{{1,2}})?)(?: ?({THOUSANDS}))? ?(?:de |di |d )?(?:\$|€|£|{CURRENCY_WORDS})(?: |$)"
    ))
    .expect("amount pattern")
});

/// "5 mil pesos", "2k €": a thousand said as a word after the number.
const THOUSANDS: &str = "k|mil|mille|tausend|thousand|grand";

/// Amounts of money (a number with a currency in either order) in a number view, in whole units.
pub fn amounts(view: &str) -> impl Iterator<Item = f64> + '_ {
    AMOUNT.captures_iter(view).filter_map(|c| {
        let (n, thousands) = match c.get(1) {
            Some(n) => (n, c.get(2)),
            None => (c.get(3)?, c.get(4)),
        };
        let value = n.as_str().replace(',', ".").parse::<f64>().ok()?;
        Some(if thousands.is_some() {
            value * 1000.0
        } else {
            value
        })
    })
}

/// Whether a word names a currency ("euri", "bucks", "reais"): a number before it is money.
/// Slang that is also a name or an everyday word ("I'm 16 Lucas", "ho 15 conto") is left out.
pub fn is_currency_word(word: &str) -> bool {
    if matches!(
        word,
        "lucas" | "money" | "pila" | "conto" | "contos" | "kohle" | "boules"
    ) {
        return false;
    }
    static WORD: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(&format!("^(?:{CURRENCY_WORDS})$")).expect("currency words"));
    WORD.is_match(word)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn teen_numbers_in_all_six_languages_become_digits() {
        for w in [
            "sixteen",
            "dieciseis",
            "dezesseis",
            "seize",
            "sechzehn",
            "sedici",
        ] {
            assert_eq!(read_numbers(&format!("i m {w} ok")), "i m 16 ok", "{w}");
        }
    }

    #[test]
    fn a_year_typed_with_the_letter_o_is_read_as_a_year_but_words_are_not() {
        assert_eq!(read_numbers("ne en 2o1o"), "ne en 2010");
        assert_eq!(read_numbers("a 2oo9 baby"), "a 2009 baby");
        assert_eq!(read_numbers("1o ano"), "1o ano");
        assert_eq!(read_numbers("2ooo euros"), "2000 euros");
        assert_eq!(read_numbers("3o1o"), "3o1o");
    }

    #[test]
    fn compound_numbers_are_read_whole() {
        assert_eq!(read_numbers("soixante dix huit"), "78");
        assert_eq!(read_numbers("quatre vingt dix"), "90");
        assert_eq!(read_numbers("vingt et un"), "21");
        assert_eq!(read_numbers("einundzwanzig"), "21");
        assert_eq!(read_numbers("ventuno trentatre"), "21 33");
        assert_eq!(read_numbers("treinta y uno"), "31");
        assert_eq!(read_numbers("twenty one"), "21");
        assert_eq!(read_numbers("dix sept ans"), "17 ans");
    }

    #[test]
    fn a_number_word_that_ends_the_text_is_read_without_looking_past_it() {
        // "soixante" peeks at the next word for "soixante dix"; as the last word it once panicked.
        assert_eq!(read_numbers("ça fait soixante"), "ça fait 60");
        assert_eq!(read_numbers("soixante"), "60");
        assert_eq!(read_numbers("sixty"), "60");
    }

    #[test]
    fn articles_stay_words_and_spaced_digits_join() {
        assert_eq!(
            read_numbers("un bot una chica ein bot"),
            "un bot una chica ein bot"
        );
        assert_eq!(read_numbers("im 1 6"), "im 16");
        assert_eq!(read_numbers("3 1 oh 5 5 5"), "310555");
    }

    #[test]
    fn a_spelled_out_phone_number_is_a_long_digit_run() {
        let n = read_numbers("zero six douze trente quatre cinquante six soixante dix huit");
        assert!(longest_digit_run(&n) >= 10, "{n}");
        assert!(longest_digit_run("did 3 sets of 12 squats") < 7);
        assert!(longest_digit_run("310-555-0187") >= 10);
    }

    #[test]
    fn a_thousand_said_as_a_word_multiplies_the_amount() {
        assert_eq!(
            amounts("5 mil pesos colombianos").collect::<Vec<_>>(),
            [5000.0]
        );
        assert_eq!(amounts("€ 2k").collect::<Vec<_>>(), [2000.0]);
        assert_eq!(amounts("a mil gracias 5 euros").collect::<Vec<_>>(), [5.0]);
    }

    #[test]
    fn amounts_are_found_with_the_currency_before_or_after() {
        let v: Vec<f64> = amounts("$ 35 and 30 € and r $ 50 and 40 bucks and 14,99 eur").collect();
        assert_eq!(v, vec![35.0, 30.0, 50.0, 40.0, 14.99]);
        assert_eq!(amounts("100 % agree at 7:30").count(), 0);
    }
}
