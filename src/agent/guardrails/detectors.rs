//! Detectors that read structure and context rather than fixed phrases: an age claim is a number
//! under 18 in a first-person age context; a phone number is a long run of digits; a price is an
//! amount with a currency; links and emails are read from the folded text, never across a
//! sentence boundary.

use super::numbers::{amounts, longest_digit_run};
use super::text::Text;
use regex::Regex;
use std::sync::LazyLock;

fn re(p: &str) -> Regex {
    super::ascii_regex(p)
}

/// Words right before an age that make it the writer's own ("i'm 16", "tengo 16", "j'ai 16",
/// "ich bin 16", "ho 16", "tenho 16", "turned 16", "age: 16").
const FIRST_PERSON_AGE: &[&str] = &[
    "im",
    "m",
    "am",
    "me",
    "turned",
    "turning",
    "turn",
    "age",
    "aged",
    "tengo",
    "cumplo",
    "cumpli",
    "cumplire",
    "cumplir",
    "tenho",
    "fiz",
    "faco",
    "farei",
    "completei",
    "completo",
    "fazer",
    "ai",
    "jai",
    "g",
    "avoir",
    "aurai",
    "bin",
    "werd",
    "werde",
    "wurde",
    "ho",
    "compio",
    "compiuto",
    "compiro",
    "edad",
    "idade",
    "alter",
    "eta",
    "be",
    "soy",
    "sou",
    "sono",
];

/// Age verbs that do not say whose age it is ("my sister just turned 16").
const NEUTRAL_AGE_VERBS: &[&str] = &[
    "turned", "turning", "turn", "be", "age", "aged", "avoir", "fazer", "cumplir", "wurde",
    "compiuto", "compiro", "edad", "idade", "alter", "eta",
];

/// Words that make a bare number at the start of a sentence an age ("barely 17").
const BARE_AGE: &[&str] = &[
    "barely",
    "only",
    "just",
    "solo",
    "nur",
    "gerade",
    "seulement",
    "appena",
    "apenas",
    "so",
];

/// Words after which a bare "15 years old" still opens a statement about the writer.
const OPENERS: &[&str] = &[
    "and", "y", "e", "et", "und", "but", "pero", "mas", "mais", "aber", "ma", "btw", "tbh", "lol",
    "haha", "jaja", "kkk", "mdr", "also", "so", "hi", "hey", "hola", "oi", "salut", "hallo",
    "ciao", "girl", "boy", "guy", "chico", "chica", "garcon", "fille", "junge", "madchen",
    "ragazzo", "ragazza", "menino", "menina",
];

/// A "when" clause puts the age in the past.
const WHEN: &[&str] = &[
    "when", "cuando", "quand", "quando", "als", "tenia", "avais", "avevo", "tinha", "hatte", "had",
];

/// Words that may sit between the verb and the number ("i'm only 16", "werd dann 16").
const FILLERS: &[&str] = &[
    "only",
    "actually",
    "really",
    "honestly",
    "eigentlich",
    "realmente",
    "davvero",
    "just",
    "barely",
    "still",
    "now",
    "literally",
    "solo",
    "solamente",
    "apenas",
    "so",
    "que",
    "seulement",
    "nur",
    "erst",
    "gerade",
    "mal",
    "dann",
    "schon",
    "bald",
    "ancora",
    "appena",
    "ya",
    "ja",
    "already",
    "soon",
    "gonna",
    "finally",
    "recien",
    "acabo",
    "de",
    "di",
    // "bin noch 16", "tengo todavía 15", "j'ai encore 16": still that age.
    "noch",
    "todavia",
    "aun",
    "ainda",
    "encore",
    // "tengo casi 17", "werd nächsten Monat 16", "I'm your 15 year old…": nearly, soon, yours.
    "casi",
    "almost",
    "nearly",
    "quase",
    "presque",
    "quasi",
    "fast",
    "grad",
    "nachsten",
    "nachste",
    "monat",
    "next",
    "month",
    "ur",
    "your",
];

/// Verbs right after an age that make it the writer's own birthday ("17 geworden", "16 li compio").
const POST_AGE_VERBS: &[&str] = &[
    "geworden", "compio", "compiro", "cumplo", "cumplire", "cumpli", "faco", "farei", "fiz",
];

/// Words right after a number that make it an age.
const YEARS: &[&str] = &[
    "yo", "yrs", "yr", "years", "year", "anos", "anitos", "aninhos", "ans", "jahre", "jahren", "j",
    "anni", "annetti", "y",
];

/// Units after "I'm N" that make N a height, a duration, a count or a drink, not an age.
const UNITS: &[&str] = &[
    // "im 15. Stock", "on the 15th floor": a floor of a building.
    "stock",
    "stockwerk",
    "etage",
    "floor",
    "piso",
    "andar",
    "piano",
    "semester",
    "semestre",
    "semestres",
    "semestri",
    "ft",
    "foot",
    "feet",
    "cm",
    "m",
    "min",
    "mins",
    "minutes",
    "minute",
    "hours",
    "hour",
    "hrs",
    "h",
    "km",
    "miles",
    "kg",
    "lbs",
    "kilos",
    "beers",
    "drinks",
    "shots",
    "days",
    "weeks",
    "months",
    "times",
    "x",
    "%",
    "percent",
    "inches",
    "in",
    "of",
    "out",
    "left",
    "more",
    "spots",
    "pics",
    "photos",
    "videos",
    "video",
    "foto",
    "fotos",
    "bilder",
    "points",
    "pontos",
    "puntos",
    "punti",
    "punkte",
    "goals",
    "gols",
    "goles",
    "tore",
    "sets",
    "items",
    "people",
    "fans",
    "likes",
    "followers",
    "messages",
    "new",
    "minutos",
    "horas",
    "heures",
    "stunden",
    "ore",
    "minuti",
    "cervezas",
    "bieres",
    "bier",
    "birre",
    "cervejas",
    "dias",
    "jours",
    "tage",
    "giorni",
    "veces",
    "fois",
    "mal",
    "volte",
    "vezes",
    "uhr",
    "pm",
    "am",
    "k",
    "$",
    "€",
    "£",
    "euros",
    "euro",
    "bucks",
    "dollars",
    "reais",
    "pesos",
    "francs",
    "franchi",
    "franken",
    "chf",
    "eur",
    "usd",
    "grad",
    "degrees",
    "grados",
    "gradi",
    "graus",
    "degres",
    "stone",
    "st",
    "pounds",
    "lb",
    "inch",
    "cm",
    "sober",
    "clean",
];

/// Someone other than the writer: "my son is 16", "mi hija tiene 15 años".
pub const OTHERS: &[&str] = &[
    "twins",
    "gemelos",
    "gemeos",
    "jumeaux",
    "zwillinge",
    "gemelli",
    "gamines",
    "gamins",
    "gosses",
    "momes",
    "cachorra",
    "cadela",
    "perra",
    "chienne",
    "hundin",
    "cagnolina",
    "cagna",
    "chats",
    "chiens",
    "perros",
    "gatos",
    "cani",
    "gatti",
    "hunde",
    "katzen",
    "dogs",
    "cats",
    "cachorros",
    "dog",
    "perro",
    "cachorro",
    "chien",
    "hund",
    "katze",
    "gatto",
    "son",
    "daughter",
    "kid",
    "kids",
    "child",
    "children",
    "nephew",
    "niece",
    "brother",
    "sister",
    "cousin",
    "student",
    "students",
    "pupils",
    "he",
    "she",
    "his",
    "her",
    "him",
    "they",
    "hijo",
    "hija",
    "hijos",
    "sobrino",
    "sobrina",
    "hermano",
    "hermana",
    "primo",
    "prima",
    "alumno",
    "alumnos",
    "alumna",
    "ella",
    "filho",
    "filha",
    "sobrinho",
    "sobrinha",
    "irmao",
    "irma",
    "aluno",
    "alunos",
    "ele",
    "ela",
    "fils",
    "fille",
    "neveu",
    "niece",
    "frere",
    "soeur",
    "eleve",
    "eleves",
    "elle",
    "sohn",
    "tochter",
    "neffe",
    "nichte",
    "bruder",
    "schwester",
    "kind",
    "kinder",
    "schuler",
    "er",
    "figlio",
    "figlia",
    "nipote",
    "fratello",
    "sorella",
    "cugino",
    "alunni",
    "studenti",
    "lui",
    "lei",
    "tiene",
    "tem",
    "hat",
    "ha",
    "mom",
    "mum",
    "dad",
    "mother",
    "father",
    "mama",
    "papa",
    "madre",
    "padre",
    "mae",
    "pai",
    "mere",
    "pere",
    "mutter",
    "vater",
    "mamma",
    "team",
    "equipo",
    "equipe",
    "squadra",
    "mannschaft",
    "daughters",
    "sons",
    "nieces",
    "nephews",
    "boys",
    "girls",
    "chicos",
    "meninos",
    "garcons",
    "jungs",
    "ragazzi",
    "enfants",
    "ninos",
    "criancas",
    "bambini",
    "coach",
    "teach",
    "teacher",
    "prof",
    "profe",
    "lehrer",
    "insegno",
    "entreno",
    "treino",
    "alleno",
    "trainiere",
    "entraine",
];

/// Words before an age that put it in the past ("at 16", "mit 16", "when i was 16").
const PAST: &[&str] = &[
    "at",
    "when",
    "was",
    "with",
    "mit",
    "a",
    "con",
    "com",
    "aos",
    "seit",
    "since",
    "desde",
    "depuis",
    "dai",
    "from",
    "era",
    "war",
    "ero",
    "etais",
    "until",
    "till",
    "hasta",
    "bis",
    "ate",
    "jusqu",
    "fino",
    "dopo",
    "apres",
    "after",
    "despues",
    "depois",
    "nach",
    "tra",
    "dans",
    "durante",
    "during",
    "for",
    "pendant",
    "per",
    "fur",
    "last",
    "ultimos",
    "ultimi",
    "hace",
    "vor",
    "in",
    "em",
    "en",
    "over",
    "about",
    "around",
    "unos",
    "uns",
    "environ",
    "circa",
    "etwa",
    "llevo",
    "levo",
    "da",
    "faz",
    "ja",
    "married",
    "together",
    "casados",
    "casado",
    "verheiratet",
    "sposati",
    "marie",
    "maries",
    "been",
    "fan",
    "subscribed",
    "working",
    "worked",
    "seit",
];

/// Words right after "N years" that make it a span of time, not an age ("10 ans après").
const SPAN_AFTER: &[&str] = &[
    // "16 de tension", "15 au partiel", "16 jahre geraucht", "17 years sober": a reading, a
    // mark at university, or how long a habit lasted or ended.
    "tension",
    "pression",
    "fievre",
    "fieber",
    "febbre",
    "fiebre",
    "febre",
    "partiel",
    "partiels",
    "geraucht",
    "gearbeitet",
    "verheiratet",
    "gespielt",
    "trainiert",
    "smoked",
    "married",
    "fumado",
    "fumei",
    "fumato",
    "sober",
    "clean",
    "sobrio",
    "sobria",
    "nuchtern",
    "apres",
    "dopo",
    "after",
    "ago",
    "later",
    "despues",
    "depois",
    "fa",
    "spater",
    "plus",
    "atras",
    "de casados",
    "together",
    "juntos",
    "ensemble",
    "zusammen",
    "insieme",
    "since",
    "anniversary",
    "aniversario",
    "anniversaire",
    "jahrestag",
    "anniversario",
    "experience",
    "experiencia",
    "esperienza",
    "erfahrung",
    "contract",
    "service",
    "married",
    "marriage",
];

fn is_age_number(t: &str) -> Option<u32> {
    let v: u32 = t.parse().ok()?;
    (10..=17).contains(&v).then_some(v)
}

/// The tokens of one sentence, with an index walk helper.
fn age_in_sentence(sentence: &str, strict: bool) -> Option<String> {
    let toks: Vec<&str> = sentence.split(' ').collect();
    let others = toks.iter().any(|t| OTHERS.contains(t));
    for (i, t) in toks.iter().enumerate() {
        let Some(age) = is_age_number(t) else {
            continue;
        };
        let next = toks.get(i + 1).copied().unwrap_or("");
        let after = toks.get(i + 2).copied().unwrap_or("");
        // "sono 17 anni che faccio l'elettricista", "16 ans que je supporte l'OM": it has been 17
        // years ("ho 17 anni che…", "j'ai 16 ans que…" stay).
        let years_that = (after == "che" || (next, after) == ("ans", "que"))
            && (i == 0 || !matches!(toks[i - 1], "ho" | "ai"));
        if money_or_a_things_age(&toks, i) {
            continue;
        }
        // "il 17 marzo compio 39 anni": a day of the month, even with a birthday verb after it.
        if a_date(&toks, i) || reunion_years(&toks, i) {
            continue;
        }
        if (UNITS.contains(&next) && !(next == "m" && after.is_empty()))
            || SPAN_AFTER.contains(&after)
            || after == "olds"
            || years_that
        {
            continue;
        }
        // "bin grad 17 geworden", "i 16 li compio a marzo": the verb comes after the age.
        let verb_after = [next, after].iter().any(|w| POST_AGE_VERBS.contains(w));
        // "el domingo 14 cumplo 2 años en la página": the verb has an age of its own.
        let own_number = toks.get(i + 2).is_some_and(|w| w.parse::<u32>().is_ok());
        if verb_after
            && !others
            && !own_number
            && i.checked_sub(1)
                .and_then(|k| toks.get(k))
                .is_none_or(|p| !PAST.contains(p))
        {
            return Some(format!("age {age}: \"{}\"", excerpt(&toks, i)));
        }
        let mut j = i;
        let mut skipped = 0;
        while j > 0 && FILLERS.contains(&toks[j - 1]) && skipped < 2 {
            j -= 1;
            skipped += 1;
        }
        let before = if j > 0 { toks[j - 1] } else { "" };
        let before2 = if j > 1 { toks[j - 2] } else { "" };
        if PAST.contains(&before) || (before == "be" && before2 == "would") {
            continue;
        }
        // "barely 17", "solo 16", "nur 15" opening a sentence: an age said as a boast.
        let bare = before.is_empty() && skipped > 0 && BARE_AGE.contains(&toks[j]);
        // "j'ai eu 15 ans la semaine dernière": the French past of "avoir", still that age.
        let french_had = before == "eu" && matches!(before2, "ai" | "jai") && !s_has_year(&toks);
        let first_person = french_had
            || bare
            || FIRST_PERSON_AGE.contains(&before)
                && !(before == "m" && before2 != "i")
                && (before != "me" || matches!(before2, "" | "and" | "y" | "e"))
                && !(NEUTRAL_AGE_VERBS.contains(&before) && others);
        if toks[..i].iter().any(|w| WHEN.contains(w)) {
            continue; // "when I was 15", "cuando tenía 15", "quand j'avais 15"
        }
        if counts_a_thing(before, next) {
            continue; // "tengo 17 gatos", "j'ai 17 onglets ouverts", "hab 17 katzen"
        }
        if !strict && simile_before(&toks, i) {
            continue; // "she treats me like I'm 12", "como si tuviera 12"
        }
        // Without a verb, "15 years old" is a claim only where nothing it could describe comes
        // first ("my 14 year old dog", "mi perro de 14 años") and it is not "15 years of …".
        let of_what = matches!(after, "of" | "de" | "di")
            && !matches!(
                toks.get(i + 3).copied(),
                Some("edad" | "age" | "idade" | "eta")
            );
        if span_of_years(&toks, i) || a_date(&toks, i) {
            continue;
        }
        let years = YEARS.contains(&next)
            && !(next == "y" && after != "o")
            && (before.is_empty() || OPENERS.contains(&before))
            && !of_what;
        if first_person || (years && !others && !strict) {
            return Some(format!("age {age}: \"{}\"", excerpt(&toks, i)));
        }
    }
    None
}

/// "am 14. März", "el 15 de marzo", "14 july", "ist am 14.": a day of the month, not an age ("may" is left
/// out: "im 16 may I ask…").
fn a_date(toks: &[&str], i: usize) -> bool {
    const MONTHS: &[&str] = &[
        "january",
        "february",
        "march",
        "april",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
        "jan",
        "feb",
        "apr",
        "jun",
        "jul",
        "aug",
        "sep",
        "sept",
        "oct",
        "nov",
        "dec",
        "enero",
        "febrero",
        "marzo",
        "abril",
        "mayo",
        "junio",
        "julio",
        "agosto",
        "septiembre",
        "setiembre",
        "octubre",
        "noviembre",
        "diciembre",
        "janeiro",
        "fevereiro",
        "marco",
        "maio",
        "junho",
        "julho",
        "setembro",
        "outubro",
        "novembro",
        "dezembro",
        "janvier",
        "fevrier",
        "mars",
        "avril",
        "mai",
        "juin",
        "juillet",
        "aout",
        "septembre",
        "octobre",
        "novembre",
        "decembre",
        "januar",
        "februar",
        "marz",
        "juni",
        "juli",
        "oktober",
        "dezember",
        "gennaio",
        "febbraio",
        "aprile",
        "maggio",
        "giugno",
        "luglio",
        "settembre",
        "ottobre",
        "dicembre",
    ];
    let at = |k: usize| toks.get(k).copied().unwrap_or("");
    MONTHS.contains(&at(i + 1))
        || (matches!(at(i + 1), "de" | "di") && MONTHS.contains(&at(i + 2)))
        || german_day(toks, i)
}

/// "15 year high school reunion", "20 Jahre Klassentreffen": years since school, not an age.
fn reunion_years(toks: &[&str], i: usize) -> bool {
    const REUNIONS: &[&str] = &[
        "reunion",
        "klassentreffen",
        "rimpatriata",
        "reencuentro",
        "reencontro",
        "retrouvailles",
    ];
    const YEAR: &[&str] = &["year", "years", "yr", "jahre", "anni", "anos", "ans"];
    YEAR.contains(&toks.get(i + 1).copied().unwrap_or(""))
        && toks.iter().any(|t| REUNIONS.contains(t))
}

/// "Die Hochzeit ist am 14., da bin ich offline": German "am" before a day, told from English
/// "(I) am 14" by an "I" just before it or a bare "yes am 14".
fn german_day(toks: &[&str], i: usize) -> bool {
    const ENGLISH_BEFORE: &[&str] = &[
        "", "i", "yes", "yeah", "yep", "ya", "and", "but", "now", "still",
    ];
    if i == 0 || toks[i - 1] != "am" {
        return false;
    }
    let earlier = &toks[i.saturating_sub(4)..i - 1];
    let before2 = if i >= 2 { toks[i - 2] } else { "" };
    !ENGLISH_BEFORE.contains(&before2) && !earlier.contains(&"i")
}

/// "tengo 14 años de experiencia", "j'ai 16 ans d'écart", "17 años en la empresa", "tengo 17 años
/// trabajando aquí": a span of years of, in or doing something, not the writer's age ("16 años
/// de edad" is still an age).
fn span_of_years(toks: &[&str], i: usize) -> bool {
    const SPAN_OF: &[&str] = &[
        "of", "de", "di", "d", "en", "em", "in", "im", "dans", "na", "no", "nel", "nella", "bei",
    ];
    const AGE: &[&str] = &["edad", "age", "idade", "eta", "alter"];
    let at = |k: usize| toks.get(k).copied().unwrap_or("");
    let doing = |w: &str| w.len() > 5 && ["ando", "endo", "indo"].iter().any(|e| w.ends_with(e));
    YEARS.contains(&at(i + 1))
        && ((SPAN_OF.contains(&at(i + 2)) && !AGE.contains(&at(i + 3))) || doing(at(i + 2)))
}

/// "Have" and a number followed by a plural noun that is no word for years: a count of things.
fn counts_a_thing(before: &str, next: &str) -> bool {
    const HAVE: &[&str] = &[
        "tengo", "tenho", "ai", "jai", "ho", "hab", "habe", "have", "got",
    ];
    const NOT_THINGS: &[&str] = &[
        // "tengo 17 recién cumplidos": just turned, not seventeen of something.
        "recien",
        "recem",
        "appena",
        "cumplidos",
        "feitos",
        "compiuti",
        "anos",
        "anitos",
        "aninhos",
        "anni",
        "annees",
        "jahre",
        "jahren",
        "jahrchen",
        "years",
        "yrs",
        "cumplidos",
        "cumplidas",
        "feitos",
        "feitas",
        "compiuti",
        "compiute",
        "revolus",
        "accomplis",
        "primaveras",
        "printemps",
        "primavere",
        "lenze",
        "tacos",
        "pero",
        "mais",
        "aber",
        "also",
        "jetzt",
        "ahora",
        "agora",
        "adesso",
        "anche",
        "tambien",
        "tambem",
        "aussi",
        "auch",
        "solo",
        "ainda",
        "todavia",
        "encore",
        "noch",
        "ancora",
        "nomas",
        "quasi",
        "casi",
        "presque",
        "fast",
        "bientot",
        "pronto",
        "presto",
        "bald",
        "mesmo",
        "meme",
        "cierto",
        "certo",
        "genau",
        "perche",
        "porque",
        "parce",
        "weil",
        "because",
        "cause",
        "though",
    ];
    HAVE.contains(&before)
        && next.len() >= 4
        && next.bytes().all(|b| b.is_ascii_lowercase())
        && !NOT_THINGS.contains(&next)
        && (next.ends_with('s') || next.ends_with('i') || next.ends_with("en"))
}

/// "Like I'm", "as if", "como si", "comme si", "als ob", "come se" within the five words before
/// the number: an age compared to, not claimed ("I'm like 16" keeps "like" as a filler).
fn simile_before(toks: &[&str], i: usize) -> bool {
    let from = i.saturating_sub(5);
    let win = &toks[from..i];
    // "like I'm", "like I was", "like im" ("like I said, I'm 16" is still a claim).
    let like_me = win.windows(2).any(|w| w[0] == "like" && w[1] == "im")
        || win
            .windows(3)
            .any(|w| w[0] == "like" && w[1] == "i" && matches!(w[2], "m" | "was" | "were" | "am"));
    // "j'ai l'impression d'en avoir 15", "mi sento di averne 15": a feeling, not an age.
    let feels = win
        .iter()
        .any(|w| matches!(*w, "impression" | "sensation" | "sento" | "fuhle" | "feels"));
    like_me
        || feels
        || win.windows(2).any(|w| {
            matches!(
                (w[0], w[1]),
                ("as", "if" | "though")
                    | ("como" | "comme", "si")
                    | ("als", "ob" | "wenn")
                    | ("come" | "como", "se")
            )
        })
}

/// Whether a sentence names a year ("en 2008"): a past age, not today's.
fn s_has_year(toks: &[&str]) -> bool {
    toks.iter()
        .any(|t| t.len() == 4 && t.starts_with(['1', '2']) && t.bytes().all(|b| b.is_ascii_digit()))
}

fn excerpt(toks: &[&str], i: usize) -> String {
    toks[i.saturating_sub(3)..(i + 3).min(toks.len())].join(" ")
}

/// Profile shorthand: "m16", "16f", "age 15", "15 m" at the start, "m/16/nrw", "H 15 cdmx".
static SHORTHAND: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?:^| )(?:[mfh]1[0-7]|1[0-7][mf])(?: |$)|^(?:\w+ ){0,2}1[0-7](?:yo|y|a|yrs)(?: |$)|^(?:\w+ )?1[0-7] ?[mf](?: |$)|^[mfh] 1[0-7] [a-z]+|(?:^| )(?:age|edad|idade|alter|eta|age) ?:? ?1[0-7](?: |$)",
    )
});

/// A car, a bike or a flat of that year: "une caisse de 2018 avec 80 000 km", "baujahr 2009".
static VEHICLE: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"\b(?:car|cars|auto|autos|coche|carro|voiture|caisse|bagnole|macchina|wagen|moto|motorrad|bike|velo|bici|baujahr|modelo|modele|modello|model|km|kms|kilometers|kilometres|kilometros|chilometri|miles|mileage|kilometrage)\b",
    )
});

/// "sono solo 10 euri", "12 yr old whisky": money, or the age of a thing.
fn money_or_a_things_age(toks: &[&str], i: usize) -> bool {
    let next = toks.get(i + 1).copied().unwrap_or("");
    let after = toks.get(i + 2).copied().unwrap_or("");
    let of_a_thing = matches!(
        next,
        "yr" | "yrs" | "year" | "years" | "jahre" | "anos" | "anni"
    ) && matches!(after, "old" | "alter" | "altes" | "alten")
        && toks.get(i + 3).is_some_and(|w| AGED_THINGS.contains(w));
    of_a_thing || super::numbers::is_currency_word(next)
}

/// Things whose age is told in years: "12 year old whisky", "12 jahre alter whisky".
const AGED_THINGS: &[&str] = &[
    "whisky", "whiskey", "scotch", "bourbon", "rum", "wine", "cognac", "brandy", "port", "cheese",
    "malt", "single", "car", "laptop", "house", "tree", "tortoise", "cat", "dog", "guitar",
];

/// "at my 12yo nephew's game": the age is the next word's, a relative or a pet.
static SOMEONE_AFTER: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"^\s*(?:nephew|niece|son|daughter|kid|kids|boy|girl|brother|sister|cousin|stepson|stepdaughter|grandson|granddaughter|sobrin\w*|hij[oa]|herman\w*|prim[oa]|filh[oa]|irma\w*|neveu|fils|fille|frere|soeur|cousin\w*|neffe|nichte|sohn|tochter|bruder|schwester|nipote|figli[oa]|fratell\w*|sorell\w*|dog|cat|perro|gato|chien|chat|hund|katze|cane|gatto|car|auto|laptop|phone)\b",
    )
});

/// "16 and already down bad for u", "15 y aburrida": an age opening the message, joined to what
/// follows (not "15 and a half hours", "17 and counting").
static OPENING_AGE: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"^(1[3-7]) (?:and|y|e|et|und|ed) (?:already|still|bored|single|horny|lonely|down|ya|todavia|aburrid[oa]|sozinh[oa]|entediad[oa]|deja|encore|seul[e]?|schon|noch|gia|ancora|annoiat[oa]|sol[oa])\b",
    )
});

/// Birth years and year-of-birth words ("Jahrgang 09", "jg 2010": under 18 only while the year
/// says so, counted from today).
static BIRTH_YEAR: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?:born|nacid[oa]|naci|nasci|nascid[oa]|nato|nata|ne|nee|geboren|jahrgang|classe|baujahr)\b(?: \w+){0,2} ((?:19|20)\d\d)\b|\b(?:jg|jahrg|jahrgang) ?(\d\d)\b",
    )
});

/// "I'm from 2010", "soy del 2010", "sou de 2010", "sono del 2010", "a 2010 baby": the speaker's
/// own year, said without a word for birth.
static FROM_YEAR: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"\b(?:(?:soy|sou|sono|je suis|jsuis|chui|ich bin|bin|i m|im|i am) (?:de|del|do|da|di|dal|von|from|a|an|jahrgang) ((?:19|20)\d\d)|((?:19|20)?\d\d) (?:baby|kid|bebe|kind))\b",
    )
});

/// "turning 18 next year" and its translations: under 18 today.
static TURNING_18: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?:turn|turning|be|cumplo|cumplire|fazer|faco|farei|avoir|aurai|werde|werd|compio|compiro) 18(?: \w+)* (?:next|el ano que viene|el proximo|ano que vem|proximo ano|l annee prochaine|prochaine|nachstes|nachsten|l anno prossimo|prossimo|in \d+ months?|en \d+ meses|em \d+ meses|dans \d+ mois|in \d+ monaten|tra \d+ mesi)",
    )
});

/// "je fête mes 16 ans le mois prochain", "my 16th birthday is next week": a coming birthday.
static COMING_BIRTHDAY: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"\b(?:mes|mis|meus|i miei|miei|meine[nm]?|my) (1[0-7])(?:th)? (?:ans|anos|anni|jahre|birthday|bday|geburtstag|cumple\w*|aniversario|anniversaire|compleanno)(?: \w+)* (?:next|prochain\w*|proximo|prossim\w*|nachst\w*|que viene|que vem|soon|bientot|pronto|presto|bald|tomorrow|demain|manana|amanha|domani|morgen|this (?:week|month|weekend))\b",
    )
});

static CLASS_OF: LazyLock<Regex> = LazyLock::new(|| re(r"\bclass of ((?:19|20)\d\d)\b"));

/// "an 09 baby": a two-digit year is this century's up to 30, the last one's after.
fn full_year(y: i32) -> i32 {
    match y {
        0..=30 => 2000 + y,
        31..=99 => 1900 + y,
        _ => y,
    }
}

fn current_year() -> i32 {
    static YEAR: LazyLock<i32> = LazyLock::new(|| time::OffsetDateTime::now_utc().year());
    *YEAR
}

/// A first-person claim of an age under 18, in any of the six languages. `strict` (drafts
/// about a third person are still the model speaking) ignores the "someone else" guard only
/// for explicit first-person forms.
/// A profile line "17/m/gdl", "16 / f / lyon": an age and a sex between slashes, then a place.
static PROFILE_TRIPLET: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?:^|[\s(])(1 ?[0-7]) ?[/|] ?(?:m|f|h|v|w|male|female|hombre|mujer|chico|chica|boy|girl|menino|menina|garcon|fille|junge) ?[/|] ?[a-z]|(?:^|[\s(:])(1[0-7]) ?(?:y/o|y\.o\.?|yo|yrs|anos|ans|anni|jahre) ?[|/\u{2022}\u{b7}]|^\s*(1[0-7]) ?[/|] ?[a-z][a-z ]{1,20}[/|] ?[a-z]",
    )
});

/// A minor's profile line (age / sex / place, or a message opening "16 | city | team"), read on
/// the raw text: the words view turns the slashes into spaces, where "17 h" is a clock time.
pub fn profile_triplet(t: &Text) -> Option<String> {
    PROFILE_TRIPLET.captures(&t.raw).map(|c| {
        let age = c.get(1).or(c.get(2)).map_or("", |m| m.as_str());
        format!("profile line giving age {}", age.replace(' ', ""))
    })
}

pub fn age_claim(t: &Text, strict: bool) -> Option<String> {
    for s in t.num_sentences().filter(|s| !MENTAL_AGE.is_match(s)) {
        if let Some(hit) = age_in_sentence(s, strict) {
            return Some(hit);
        }
        if let Some(c) = OPENING_AGE.captures(s) {
            return Some(format!("age {} opening the message", &c[1]));
        }
        if let Some(m) = SHORTHAND
            .find(s)
            .filter(|m| !SOMEONE_AFTER.is_match(&s[m.end()..]))
        {
            return Some(format!("profile age \"{}\"", m.as_str().trim()));
        }
        if let Some(c) = BIRTH_YEAR.captures(s).or_else(|| FROM_YEAR.captures(s)) {
            let year = c
                .iter()
                .skip(1)
                .flatten()
                .find_map(|m| m.as_str().parse::<i32>().ok())
                .map(full_year)
                .unwrap_or(0);
            let others = s.split(' ').any(|w| OTHERS.contains(&w)) || VEHICLE.is_match(s);
            if current_year() - year < 18 && current_year() - year > 5 && !others {
                return Some(format!("born in {year}"));
            }
        }
        if let Some(year) = CLASS_OF.captures(s).and_then(|c| c[1].parse::<i32>().ok()) {
            // Graduating from school in the next few years: in school today.
            if (current_year() + 1..=current_year() + 5).contains(&year) {
                return Some(format!("class of {year}"));
            }
        }
        if let Some(c) = COMING_BIRTHDAY.captures(s) {
            return Some(format!("birthday {} coming", &c[1]));
        }
        if let Some(m) = TURNING_18.find(s) {
            return Some(format!("\"{}\"", m.as_str()));
        }
    }
    None
}

/// "J'ai 45 balais mais dans ma tête j'en ai 17": an adult's age beside the age they feel.
static MENTAL_AGE: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"\b(?:[2-9]\d) (?:years|yrs|ans|balais|piges|anos|anni|jahre|jahren)(?: \w+)* (?:dans ma tete|in my head|en mi cabeza|na minha cabeca|nella mia testa|im kopf|at heart|de coeur|de corazon|mentally|mentalmente|mentalement|geistig|di testa|dentro)\b",
    )
});

static SQUEEZED_LINK: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"\b[a-z0-9-]{3,}\.(?:com|net|org|club|xyz|shop|store|site|online|me|io|co|tv|fans|app|vip|es|fr|it|de|pt|br|link|page)\b",
    )
});

/// "sofi m x o . c o m": a site spelled out letter by letter around a lone dot.
pub fn spaced_link(t: &Text) -> Option<String> {
    // Only a top-level domain spelled letter by letter after the lone dot ("sofi . c o m"), not
    // "home . me too".
    let pieces: Vec<&str> = t.raw.split_whitespace().collect();
    let spelled = pieces
        .windows(3)
        .any(|w| w[0] == "." && w[1].chars().count() == 1 && w[2].chars().count() == 1);
    if !spelled {
        return None;
    }
    SQUEEZED_LINK
        .find(&squeeze_address(&t.raw))
        .map(|m| format!("\"{}\" (spaced)", m.as_str()))
}

/// A long run of digits (a phone number), however it was spelled.
pub fn phone_number(t: &Text) -> Option<String> {
    let raw_digits = t.raw.bytes().filter(|b| b.is_ascii_digit()).count();
    let run = t.num_sentences().map(longest_digit_run).max().unwrap_or(0);
    ((7..=15).contains(&run) && raw_digits < 40).then(|| format!("{run} digits in a row"))
}

/// The largest amount of money named, if any.
pub fn largest_amount(t: &Text) -> Option<f64> {
    t.nums.iter().flat_map(|v| amounts(v)).reduce(f64::max)
}

/// "12,99", "59.90": a shop price written without a currency ("1,90" is a height).
static RETAIL: LazyLock<Regex> =
    LazyLock::new(|| re(r"(?:^| )(\d{1,4}[.,]99|\d{2,4}[.,](?:95|90|49))(?: |$)"));

/// A price typed by the model.
pub fn price(t: &Text) -> Option<String> {
    if let Some(c) = t
        .num_sentences()
        .filter(|s| !PURCHASE.is_match(s) && !everyday_cost(s))
        .find_map(|s| RETAIL.captures(s))
    {
        return Some(format!("names a price ({})", &c[1]));
    }
    t.num_sentences()
        .filter(|s| !PURCHASE.is_match(s) && !everyday_cost(s))
        .flat_map(amounts)
        .reduce(f64::max)
        .map(|a| format!("names an amount ({a})"))
        .or_else(|| super::combos::bare_price(t))
}

/// "Coffee costs £5 now", "el aguacate está a 2 euros": the price of everyday goods she
/// grumbles about, in a sentence that names none of her content.
fn everyday_cost(sentence: &str) -> bool {
    super::combos::EVERYDAY_COST.is_match(sentence) && !super::combos::names_content(sentence)
}

/// Something she bought or paid herself ("I paid 3 euros for coffee"): not a price she asks.
static PURCHASE: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"\b(?:bought|paid|spent|cost me|compre|pague|gaste|me costo|comprei|paguei|gastei|me custou|achete|paye|depense|m a coute|gekauft|bezahlt|ausgegeben|hat mich|pagato|comprato|speso|mi e costat[oa]|lache|claque|flambe|soltei|spent on|won|gane|ganhei|gagne|gewonnen|vinto|vinti)\b",
    )
});

static URL: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"https?://|www\.|\b[a-z0-9][a-z0-9-]*(?:\.[a-z0-9-]+)*\.(?:com|net|org|io|me|ly|co|app|link|xyz|gg|to|tv|ee|ai|fr|de|it|es|pt|br|uk|eu|info|page|site|bio|cc|vip|club|live|fans|mx|ar|at|ch|be|shop|store|online|xxx|sexy|porn|fun|top|space|click|one|nz|au|nl|pl|uy|ru|cz|dk|fi|ie|ws)\b",
    )
});
static SPELLED_URL: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"\b[a-z0-9][a-z0-9-]* (?:dot|punto|point|ponto|punkt) (?:[a-z0-9-]+ (?:dot|punto|point|ponto|punkt) )?(?:com|net|org|co|io|me|br|fr|app|link)\b|\b[a-z0-9][a-z0-9-]* (?:punkt (?:de|at|ch)|dot (?:de|es|it|pt))\b",
    )
});

/// Defanged and slashed links: "hxxps://", "site[.]net", "bit(.)ly", "tinyurl com/abc".
static DEFANGED_URL: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"\bhxxps?:|[a-z0-9-]{2,} ?[\[\(\{]\.[\]\)\}] ?[a-z]{2,}|\b[a-z0-9-]{3,} (?:com|net|ly|ee|gg|me|io|co|link|page|bio)/[a-z0-9]",
    )
});

/// "lily . xyz": a domain with spaces around the dot, for the unambiguous endings only.
static SPACED_URL: LazyLock<Regex> = LazyLock::new(|| {
    re(r"\b[a-z0-9-]{3,} \. ?(?:com|net|org|xyz|io|shop|store|site|online|fans|vip|link)\b")
});

/// A link or a domain, written plainly or spelled out ("name dot com").
pub fn link(t: &Text) -> Option<String> {
    for s in sentences_of_raw(&t.raw) {
        if let Some(m) = URL.find(s) {
            if !is_decimal(m.as_str()) {
                return Some(format!("\"{}\"", m.as_str()));
            }
        }
    }
    if let Some(m) = SPACED_URL
        .find(&t.raw)
        .or_else(|| DEFANGED_URL.find(&t.raw))
    {
        return Some(format!("\"{}\"", m.as_str()));
    }
    t.word_sentences()
        .filter(|s| !DOT_COM_ERA.is_match(s))
        .find_map(|s| SPELLED_URL.find(s).map(|m| format!("\"{}\"", m.as_str())))
}

/// "A start-up point com", "la bolla delle punto com": the dot-com era, not an address (the link
/// rule's veto too).
pub const DOT_COM_ERA_WORDS: &str = r"\b(?:start ?up|startups?|empresa|entreprise|azienda|firma|company|bubble|bulle|bolla|burbuja|bolha|blase|boom|era|epoque|epoca) (?:des |de |delle |do |der |of the )?(?:dot|punto|point|ponto|punkt) com\b|dot com (?:bubble|era|boom)";
static DOT_COM_ERA: LazyLock<Regex> = LazyLock::new(|| re(DOT_COM_ERA_WORDS));

fn is_decimal(s: &str) -> bool {
    s.chars().all(|c| c.is_ascii_digit() || c == '.')
}

/// The raw text cut at sentence ends (a dot followed by a space, "!", "?", a new line).
fn sentences_of_raw(raw: &str) -> impl Iterator<Item = &str> {
    raw.split(['!', '?', '\n', ';']).flat_map(|s| s.split(". "))
}

static EMAIL: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"[a-z0-9._%+-]+ ?@ ?[a-z0-9-]+(?:\.[a-z0-9-]+)*\.[a-z]{2,}|[a-z0-9._%+-]+ ?[\[({] ?(?:at|a|@) ?[\])}] ?[a-z0-9-]+ ?(?:[\[({] ?(?:dot|\.|punkt|punto|point|ponto) ?[\])}] ?|\.)[a-z]{2,}",
    )
});
static SPELLED_EMAIL: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"\b[a-z0-9]+ (?:at|arroba|arobase|chiocciola|klammeraffe) [a-z0-9-]+(?: [a-z0-9-]+)? (?:dot|punto|point|ponto|punkt) (?:com|net|org|de|fr|it|es|pt|br|me|io|co|uk|eu|info|ch|at|be|ca|mx|ar|club|xyz|shop|site|online|vip|app|fans)\b",
    )
});

/// "my gmail is …": a mailbox named by its provider.
static MAIL_PROVIDER: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"\b(?:my|mi|meu|mon|meine?|il mio|la mia) (?:gmail|hotmail|outlook|yahoo|icloud|proton ?mail|proton|gmx|libero|aol)\b",
    )
});

/// An email address, written plainly, with full-width signs, or spelled out.
pub fn email(t: &Text) -> Option<String> {
    if let Some(m) = t.word_sentences().find_map(|s| MAIL_PROVIDER.find(s)) {
        return Some(format!("\"{}\"", m.as_str()));
    }
    for s in sentences_of_raw(&t.raw) {
        if let Some(m) = EMAIL.find(s) {
            return Some(format!("\"{}\"", m.as_str()));
        }
    }
    if let Some(m) = spaced_email(&t.raw) {
        return Some(m);
    }
    t.word_sentences()
        .filter(|s| !DOT_COM_ERA.is_match(s))
        .find_map(|s| SPELLED_EMAIL.find(s).map(|m| format!("\"{}\"", m.as_str())))
}

static SQUEEZED_EMAIL: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"[a-z0-9._%+-]+[@＠][a-z0-9-]+[.．](?:com|net|org|de|fr|it|es|pt|br|me|io|co|uk|eu|info|ch|at|be|ca|mx|ar)\b",
    )
});

/// "m a n o n . v @ o u t l o o k . f r", "caro.vip @ proton . me": an address spaced out
/// letter by letter or around its signs (read only where an @ is written).
fn spaced_email(raw: &str) -> Option<String> {
    if !raw.contains(['@', '＠']) {
        return None;
    }
    SQUEEZED_EMAIL
        .find(&squeeze_address(raw))
        .map(|m| format!("\"{}\" (spaced)", m.as_str()))
}

/// Joins the pieces of a spaced-out address and nothing else: a run of one-letter pieces, and
/// any piece beside a lone "@" or "." ("caro.vip @ proton . me" → "caro.vip@proton.me").
fn squeeze_address(raw: &str) -> String {
    let sign = |p: &str| matches!(p, "@" | "." | "＠" | "．");
    let single = |p: &str| p.chars().count() == 1;
    let mut out = String::with_capacity(raw.len());
    let mut prev: Option<&str> = None;
    for piece in raw.split_whitespace() {
        let join = prev.is_some_and(|p| sign(p) || sign(piece) || (single(p) && single(piece)));
        if prev.is_some() && !join {
            out.push(' ');
        }
        out.push_str(piece);
        prev = Some(piece);
    }
    out
}

static WALLET: LazyLock<Regex> = LazyLock::new(|| {
    re(r"\b(?:bc1[a-z0-9]{20,}|[13][a-km-z1-9]{25,34}|0x[0-9a-f]{40})\b|\$[a-z][a-z0-9_]{2,}")
});

/// A crypto wallet address or a Cash App "$cashtag".
pub fn wallet(t: &Text) -> Option<String> {
    WALLET.find(&t.raw).map(|m| format!("\"{}\"", m.as_str()))
}

static STAGE: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"\[[a-z][^\]\d]*\]|\[\s*(?:personaje|persona|personagem|personnage|personaggio|figur|character|system|sistema|systeme|note|nota|instructions?|instruc\w*|istruzioni|anweisung\w*)\s*:[^\]]*\]|^\s*\*[a-z][^*]{2,}\*|^\s*\([a-z][^)]*\s[^)]*\)|</?(?:think|thinking|reasoning|analysis|scratchpad|razonamiento|raciocinio|pensamiento|pensamento|reflexion|reflexao|pensee|raisonnement|ragionamento|pensiero|gedanken|uberlegung|denkprozess|plan|notes?|nota|notas)>|</[a-z_]{3,24}>|<\||\{\{|\}\}|\{[a-z_]{2,30}\}|\[/?inst\]",
    )
});
static HEADER: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?m)^\s*[(\[]?\s*(?:\*\*|__)?\s*(?:note|nota|notiz|hinweis|remarque|tone|tono|ton|instructions?|persona|reply|response|respuesta|resposta|reponse|antwort|risposta|character|personaje|personagem|personnage|figur|personaggio|assistant|creator|creadora|criadora|creatrice|creatorin|user|system|fan|draft|borrador|rascunho|brouillon|entwurf|bozza|message|mensaje|mensagem|nachricht|messaggio)\s*(?:\([^)\n]{0,80}\))?\s*(?:\*\*|__)?\s*:|(?m)^\W*(?:note|nota|notiz|hinweis|remarque) (?:for|per|para|pour|fur|an|to) [^:\n]{0,30}:|(?m)^\W*(?:option|opcion|opcao|opzione|variante|version|draft|borrador|rascunho|brouillon|bozza|entwurf|reply|respuesta|resposta|reponse|antwort|risposta)\s*\d+\s*(?:(?:de|of|sur|di|von|/)\s*\d+\s*)?(?:\([^)\n]{0,40}\)\s*)?:|(?m)^\W*(?:(?:sure|ok|okay|of course|claro|bien sur|certo|klar)\W+)?(?:reply|replying|respond|responding|answer|answering|write|writing|antwort|antworte|respuesta|responde|respondiendo|resposta|responda|respondendo|reponse|reponds|repondant|risposta|rispondi|rispondendo|translation|translated|ubersetzung|ubersetzt|traduccion|traducido|traducao|traduzido|traduction|traduit|traduzione|tradotto) (?:as|como|comme|come|als|in|into|en|em|ins|auf|to|al|alla|para|pour|in the voice of) [^:\n.!?]{1,30}:",
    )
});

/// Meta-text from the model: reasoning tags, bracketed stage directions, persona headers.
pub fn meta_markup(t: &Text) -> Option<String> {
    STAGE
        .find(&t.raw)
        .or_else(|| {
            HEADER
                .find_iter(&t.raw)
                .find(|m| !NOTE_TO_SELF.is_match(m.as_str()))
        })
        .map(|m| format!("\"{}\"", m.as_str().trim()))
}

/// "Note to self: never film in the kitchen again": her own joke, not a note to the model.
static NOTE_TO_SELF: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"\b(?:note|notiz|nota|remarque) (?:to|an|para|pour|per|a) (?:self|myself|mich|mich selbst|moi|moi meme|mim|mim mesma|mi|mi misma|me stessa|mir)\s*:",
    )
});

/// Apps and places that are off the platform whatever the sentence around them.
static STRONG_CONTACT: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"\b(?:telegram|whats ?app|wasap|wassap|watsap|whatsap|snapchat|kik|discord|onlyfans|only fans|fansly|arsmate|fancentro|justforfans|loyalfans|manyvids|4based|fanhouse|unlockd|maloum|mym fans|fanfix|admireme|privacy app|skype|face ?time|linktree|linktr|beacons|allmylinks|wickr|viber|wechat|threema|kakao)\b|\blink (?:in|en|na|nella|dans|im) (?:\w+ ){0,2}bio\b|\b(?:nella|na|en mi|in my|dans ma|in meiner) bio\b|\b(?:video ?call\w*|videollamada|videochamada|chamada de video|videochiamata|appel video|visio|videoanruf|video ?chat)\b|\b(?:my|mi|minha|mon|meine|la mia) (?:other|otra|outra|autre|andere|altra) (?:page|pagina|seite|account|cuenta|conta|compte|profil\w*)\b",
    )
});
/// Short names and nicknames that are ordinary words too ("snap a pic", "signal is bad"), after
/// a preposition or a possessive.
const WEAK_APPS: &str = r"(snap|sc|insta|instagram|ig|signal|tg|wa|zap|zapzap|twitter|x|facebook|fb|face|messenger|tiktok|reddit|zoom|line|ghost|threads|tele|whats|kik)";
static WEAK_CONTACT: LazyLock<Regex> = LazyLock::new(|| {
    re(&format!(
        r"\b(?:on|en|no|na|sur|auf|su|sul|al|por|pelo|pela|via|uber|to|over to|ins|nel|ao|pro|pra|my|mi|meu|minha|mon|ma|mein|meinem|meiner|mio)(?: \w+)? {WEAK_APPS}\b"
    ))
});
/// "my snap is cutie99", "mi ig: luvlucia", "mon snap c est…": a handle being given.
static HANDLE: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"\b(?:my|mi|meu|mon|mein|il mio|mio) (?:snap|sc|insta|instagram|ig|tg|wa|zap|twitter|fb|tiktok|kik) (?:is|es|e|est|c est|ist|handle|user|name|\w*\d\w*)\b|\b(?:su|on|en|no|na|sur|auf|sul) (?:snap|sc|insta|instagram|ig|tg|twitter|tiktok|kik) (?:sono|i m|im|soy|sou|je suis|ich bin|bin|as|como|comme|come|als)\b",
    )
});
/// An invitation to go there: "add me", "find me", "text me", in the six languages.
static INVITE: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"\b(?:add|find|follow|text|message|msg|dm|hit|write|reach|catch|(?:let s|lets|we can|we could|to|and|come|wanna|can) chat|chat (?:with|w|to) me|talk|hmu|move|switch|agregame|buscame|sigueme|escribeme|escribime|hablame|mandame|llamame|pasate|me (?:chama|segue|add|adiciona|procura|manda|liga|acha|encontra)|fala comigo|ajoute|viens|suis moi|me suivre|suivez moi|me seguir|seguirmi|ecris|retrouve|contacte|adde|schreib|folg|such|find|kontaktier|komm|scrivimi|seguimi|aggiungimi|cercami|trovami|contattami|vieni|ven|vem|soutiens moi|soutenez moi|support me|passa di la|passa da li|procura|procure|busca me|buscame|cherche moi|cercami|such mich|look me up|apoyame|me apoia|me apoie|unterstutz\w* mich|supportami|sostienimi)\b|\b(?:passe pas par|passe par ailleurs|doesn t go through|does not go through|no pasa por|nao passa pela|nao passa por|geht nicht uber|non passa per|outside the platform|fuera de la plataforma|fora da plataforma|hors de la plateforme|hors plateforme|ausserhalb der plattform|fuori dalla piattaforma)\b|\b(?:over there|la bas|alla|dort|druben|same (?:name|handle|user)|mismo (?:nombre|usuario)|mesmo (?:nome|user)|meme pseudo|gleiche[nr]? name|stesso nome)\b",
    )
});

static FACE_PHRASE: LazyLock<Regex> = LazyLock::new(|| re(r"\ben face d|\bface (?:to|a) face\b"));

/// "same @ there", "mismo usuario": the handle is the one used here, on another app.
static SAME_HANDLE: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"\b(?:same|mismo|mesmo|meme|gleiche[nr]?|stesso) (?:@|handle|user ?name|username|usuario|nick|pseudo|nome utente)|\b(?:the )?(?:bird app|other app|otra app|outra app|autre appli|andere app|altra app)\b|\b(?:my|on|en|no|sur|auf|su) (?:of|0f)\b",
    )
});

/// "No necesito otra app", "I'm on no other app": another app refused, not named.
static NO_OTHER_APP: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"\b(?:no|nao|pas|kein\w*|non|don t|dont|never|nunca|jamas|ninguna|nenhum\w*|aucune|no other|not on any)\b(?: \w+){0,3} (?:otra|outra|autre|andere\w*|altra|other|another) (?:app|appli)\b",
    )
});

/// A contact channel off the platform in an invitation ("add me on 𝐬𝐧𝐚𝐩", "búscame en 👻").
pub fn contact(t: &Text) -> Option<String> {
    if let Some(m) = LABELLED_HANDLE.find(&t.raw) {
        return Some(format!("\"{}\"", m.as_str()));
    }
    let refused = || t.words.iter().any(|w| NO_OTHER_APP.is_match(w));
    if let Some(m) = SAME_HANDLE.find(&t.raw).filter(|_| !refused()) {
        return Some(format!("\"{}\"", m.as_str()));
    }
    for s in t.word_sentences() {
        if let Some(m) = STRONG_CONTACT.find(s).filter(|_| !keeps_it_here(t)) {
            // "My mum sends me chain letters on WhatsApp": her family on the app, no invitation.
            if !FAMILY_SENT.is_match(s) || INVITE.is_match(s) {
                return Some(format!("\"{}\"", m.as_str()));
            }
        }
        if let Some(c) = WEAK_CONTACT.captures(s).filter(|_| !keeps_it_here(t)) {
            // "en face de la gare", "face to face": a place or a manner, not Facebook.
            let place = &c[1] == "face" && FACE_PHRASE.is_match(s);
            if INVITE.is_match(s) && !place {
                return Some(format!("\"{}\" with an invitation", &c[1]));
            }
        }
        if let Some(m) = HANDLE.find(s) {
            return Some(format!("\"{}\"", m.as_str()));
        }
    }
    None
}

/// "snap : lea.nuit", "IG = sofi_99": an app's name labelling a handle.
static LABELLED_HANDLE: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"\b(?:snap|snapchat|sc|insta|instagram|ig|tg|telegram|kik|tiktok|discord|wa|whatsapp|x|twitter)\s*[:=\u{2192}]+\s*@?[a-z0-9][a-z0-9._]{2,}[a-z0-9]",
    )
});

/// A refusal and the chat kept here: "Telegram? No love, I'm only here", "PayPal? You don't need
/// it, everything goes through the platform". Read on the whole message (the app is often named
/// in a sentence of its own); an invitation anywhere in it still counts.
static REFUSED: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"\b(?:no|nope|nah|nee|nein|non|nao|pas|never|nunca|jamais|mai|nie|niemand\w*|nadie|ninguem|personne|nessuno|nobody|no one|brauchst du nicht|don t need|no hace falta|nao precisa|pas besoin|non serve|oublie|forget|olvida|olvidate|esquece|vergiss|dimentica|lascia stare|laisse tomber|stress\w*|odio|hate|detesto|deteste|hasse|nervt|no me gusta|nao gosto|j aime pas|mag ich nicht|non mi piace)\b",
    )
});
static KEPT_HERE: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"\b(?:only here|just here|right here|solo aqui|solo aca|so aqui|so aca|aqui mismo|que ici|seulement ici|ici meme|nur hier|hier drin|solo qui|proprio qui|qui dentro|on here|(?:uber|via|on|through|por|pela|par|sur|sulla|su) (?:die |the |la |a |le )?(?:plattform|platform|plataforma|plateforme|piattaforma|fanvue)|gibt s nur hier|sto solo qui|il mio posto|(?:bleib\w*|stay\w*|me quedo|fico|je reste|resto|rimango)(?: \w+){0,2} (?:hier|here|aqui|aca|ici|qui)|(?:tout se passe|everything happens|todo pasa|tudo acontece|alles passiert|tutto succede) (?:ici|here|aqui|hier|qui)|(?:todo|tudo|tout|alles|tutto|everything) (?:lo hago|faco|je fais|mach ich|faccio|i do) (?:aqui|aca|ici|hier|qui|here)|(?:todo|tudo|tout|alles|tutto|everything)(?: \w+){0,3} (?:por aqui|por aca|par ici|pela plataforma|through here|hier|qui|ici|aqui|aca)|aqui contigo|aqui com (?:voce|vc|tigo)|ici avec toi|hier mit dir|qui con te|here with you|solo qui|scrivere solo qui)\b",
    )
});

pub fn keeps_it_here(t: &Text) -> bool {
    t.words.iter().any(|w| {
        let whole = w.replace(" | ", " ");
        REFUSED.is_match(&whole) && KEPT_HERE.is_match(&whole) && !INVITE.is_match(&whole)
    })
}

/// Someone in her family or a friend sent her something on an app.
static FAMILY_SENT: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"\b(?:se llama|is called|is named|named|called|heisst|s appelle|si chiama|se chama|chamad[oa]|llamad[oa])(?: \w+){0,1} (?:whats ?app|telegram|signal|snap|tiktok|insta\w*)\b|\b(?:tu|your|ur|ton|ta|dein\w*|il tuo|la tua|teu|tua) (?:bot|server|servidor|serveur|group|grupo|gruppe|gruppo|canal|channel|kanal|canale) (?:de |do |du |di |on |en |auf |su )?(?:discord|telegram|whats ?app)\b|\b(?:group|gruppe|grupo|groupe|gruppo|group chat|gc)(?: \w+){0,3} (?:with|mit|con|com|avec|de|der|di|da|du) (?:my|den|meinen|meine|mis|las|los|os|as|meus|minhas|mes|les|i miei|le mie|la|el|die) (?:girls|madels|friends|freunden|freundinnen|amigas|amigos|copines|potes|amiche|amici|family|familie|familia|famille|famiglia|colleagues|kollegen|colegas|collegues|colleghi|mates|squad|team)\b|\b(?:went down|is down|was down|down today|outage|se cayo|caiu|en panne|ist down|war down|e down|non funziona)\b|\b(?:visio|video ?call|videollamada|videochamada|videochiamata|videoanruf|zoom|teams)(?: \w+){0,3} (?:pour le boulot|pour le travail|for work|del trabajo|de trabajo|do trabalho|de travail|pour le taf|fur die arbeit|per lavoro|di lavoro|with my boss|avec mon boss|con mi jefe)\b|\b(?:my|mi|meu|minha|ma|mon|meine?|mia|mio|mein) (?:mom|mum|mama|madre|mae|mere|mutter|mamma|dad|papa|padre|pai|pere|vater|sister|brother|hermana|hermano|irma|irmao|soeur|frere|schwester|bruder|sorella|fratello|friend|bestie|amiga|amigo|amie|ami|freundin|freund|amica|amico|grandma|abuela|avo|vo|mamie|oma|nonna)\b(?: \w+){0,8} (?:sent|sends|manda|mando|envia|envio|enviou|mandou|envoie|envoye|geschickt|schickt|mandato|ha mandato|mi ha mandato)\b|\b(?:visio|videochiamata|videollamada|videochamada|facetime|videocall|video call|videoanruf|appel video)(?: \w+){0,2} (?:avec|con|com|with|mit) (?:ma|mia|minha|my|meiner|meinem|mi|mon|la mia|il mio|a minha|o meu) (?:grand mere|nonna|avo|abuela|grandma|oma|mere|mamma|mama|madre|mae|mom|mum|mutter|pere|papa|padre|pai|dad|vater|soeur|sorella|irma|hermana|sister|schwester|frere|fratello|irmao|hermano|brother|bruder|famille|famiglia|familia|family|familie)\b|\b(?:col|con il|with the|with my|con mi|con el|com o meu|com o|avec mon|avec le|mit meiner|mit der) (?:gruppo|group|grupo|groupe|gruppe) (?:whatsapp|wa)\b|\b(?:family|familien|familia|famille|familie|famiglia|fam|work|arbeits|office|class|klassen|uni)(?: ?whatsapp| ?wa)(?: ?groups?| ?gruppen?| ?grupos?| ?groupes?| ?gruppi| ?gruppo)\b|\b(?:whatsapp|wa)(?: ?gruppe| ?group| ?grupo| ?groupe| ?gruppo)(?: \w+){0,1} (?:von|with|of|de|da|della|di|mit|com|con|avec|du) (?:meiner|meinem|my|mi|minha|ma|mia|la mia|mon|meu)(?: \w+){0,1} (?:familie|family|familia|famille|famiglia|fam|eltern|parents|padres|pais|genitori|kollegen|coworkers|colleghi|colegas|collegues)\b",
    )
});

static GAVE_AWAY: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"\b(?:gave|giving|given away|regale|regalo|regalando|regalato|dei|doei|doando|donne|vendu|verschenk\w*|weggegeben|ridato|restituito|returned|handed back|devolvi|rendu|zuruckgegeben)\b",
    )
});
static NO_LONGER_NEEDED: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"\b(?:(?:wont|won t|will not) (?:be )?need(?:ing)? (?:them|it|those|any of \w+)|ya no (?:las|los|la|lo) (?:voy a|van a) necesitar|nao vou (?:mais )?precisar|(?:j en|je n en) aurai (?:plus|pas) besoin|non mi serv\w* piu|brauch\w* (?:ich|sie|es|die) (?:\w+ ){0,2}(?:nicht|nich) mehr|(?:wont|won t|will not) be (?:needing|around|here)(?: \w+){0,5} (?:much )?longer|tying up loose ends|loose ends|atando cabos sueltos|entre de bonnes mains|in good hands|en buenas manos|em boas maos|in guten handen|in buone mani|dove vado|where i m going|a donde voy|adonde voy|para onde vou|pra onde eu vou|la ou je vais|wo ich hingehe)\b",
    )
});

/// Giving one's things away and saying they will not be needed any more: a farewell, even when
/// the two are said in different sentences. Either alone is everyday ("I won't need it anymore").
pub fn giving_away(t: &Text) -> Option<String> {
    t.words.iter().find_map(|w| {
        let need = NO_LONGER_NEEDED.find(w)?;
        GAVE_AWAY
            .is_match(w)
            .then(|| format!("gives things away, \"{}\"", need.as_str()))
    })
}

static PAYMENT: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"\b(?:pay ?pal|cash ?app|apple ?cash|samsung ?pay|venmo|zelle|bizum|mercado ?pago|mb ?way|lydia|postepay|satispay|revolut|skrill|paysafe ?card|paysafe|neosurf|transcash|pcs mastercard|toneo|flexepin|iban|western union|moneygram|bitcoin|btc|ethereum|usdt|crypto|cripto|krypto|kripto|gift ?cards?|carte cadeau|tarjetas? (?:de )?regalo|cartes? cadeaux?|buono regalo|carta regalo|cartao (?:de )?presente|vale presente|gutschein|buono amazon|apple ?pay|google ?pay|ko ?fi|throne|buy me a coffee|patreon|wish ?list|lista de deseos|virement|uberweisung|transferencia|transferencia bancaria|bonifico|ricarica|bank transfer|wire transfer|upi|gcash|paymaya|tipeee|livepix|pixgg|streamlabs|streamelements|orange money|mtn momo|m pesa|mpesa|paytm|phonepe|gpay|twint|paylib|wero|swish|vipps|mobilepay|interac|e transfer|nequi|daviplata|yape|sinpe|oxxo|spei|blik|alipay|wechat pay|utip|apoia se|catarse|padrim|liberapay|steady hq|picpay)\b|\b(?:mon|my|sur|via|par|on|no) wave\b|\b(?:um|faz|fazer|via|por|no|chave|aceito|manda|meu) pix\b",
    )
});

/// A way to pay off the platform: payment apps, crypto, gift cards, transfers, tip sites.
pub fn off_platform_payment(t: &Text) -> Option<String> {
    if keeps_it_here(t) {
        return None;
    }
    t.word_sentences()
        .filter(|s| !someone_elses_money(s))
        .find_map(|s| PAYMENT.find(s).map(|m| format!("\"{}\"", m.as_str())))
}

/// "My ex lost his savings in crypto", "PayPal kept me on hold", "I don't do Venmo, everything
/// stays here": the app is someone else's story or refused, not a way to pay her. A sentence
/// that also says "only" or "but" may still name the way to pay, and is read.
static SOMEONE_ELSES: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"\b(?:pagar (?:a |o )?(?:conta|boleto|aluguel|luz|agua|internet)|pay (?:the|my) (?:bill|rent|electricity)|pagar (?:la )?(?:luz|factura|cuenta|renta)|payer (?:la|ma) facture|(?:die )?rechnung bezahlen|pagare la bolletta|(?:my|meine|mi|minha|ma|mon|la mia|il mio) (?:roommate|mitbewohner\w*|flatmate|coloc\w*|companer[oa] de piso|colega de quarto|coinquilin[oa])(?: \w+){0,6} (?:requests?|anfrage|schickt|sends|manda|envoie|chiede|cobra|pide)|(?:back|zuruck\w*|de vuelta|de volta|rembours\w*|restituit\w*)(?: \w+){0,3} (?:my|meiner|meinem|a mi|al mio|alla mia|pro meu|pra minha|a ma|a mon) (?:friend|freundin|freund|amiga|amigo|amie|ami|amica|amico|roommate|mitbewohner\w*|coloc|companer\w*|colega|coinquilin\w*)|(?:my|meiner|meinem|mi|meu|minha|ma|mon|mia|mio) (?:friend|freundin|freund|amiga|amigo|amie|ami|amica|amico|roommate|mitbewohner\w*|coloc)(?: \w+){0,4} (?:back|zuruck\w*|de vuelta|de volta)|(?:s appelle|heisst|se llama|si chiama|se chama|named|called) (?:\w+ )?lydia|(?:bitcoin|btc|crypto|krypto|cripto|ethereum)(?: \w+){0,3} (?:crash\w*|abgesturzt|gesturzt|gefallen|cayo|se desplomo|caiu|despencou|chute|a chute|s est effondre|crollat\w*|sceso|scesa|bros?|price|preis|precio|preco|prix|prezzo|kurs)\b|never bought|nie (?:was )?gekauft|nunca compre|nunca comprei|jamais achete|mai comprato|(?:fait|done|paid|made|hecho|feito|fatto|gemacht|sent) (?:mon|my|mi|meu|o meu|il mio|meine|la mia) (?:virement|bonifico|transferencia|uberweisung|transfer|pix)|(?:virement|bonifico|transferencia|uberweisung|transfer|pix)(?: \w+){0,2} (?:de loyer|du loyer|dell affitto|per l affitto|del alquiler|do aluguel|da renda|der miete|for (?:the |my )?rent)|(?:my|mi|mio|mia|meu|mon|mein|il mio) (?:ex|brother|fratello|hermano|hermana|irmao|irma|frere|soeur|bruder|schwester|sorella)|hotline|warteschleife|en espera|in attesa|(?:pote|copine|amie|amiga|friend|coloc|colocataire|voisine|cousine|soeur) lydia|arzt|arztin|hausarzt|orthopad\w*|facharzt|on hold|em espera|en attente|customer service|kundenservice|servicio al cliente|atendimento|service client|assistenza clienti|don t do|dont do|i don t use|no (?:uso|hago|acepto)|nao (?:uso|faco|aceito)|je (?:ne )?(?:fais|prends|accepte) pas|non (?:uso|faccio|accetto)|(?:mach|nehm)\w* (?:kein|nicht)|what a \w+ wallet is|(?:a|to|para|pra|an|a ma|a mon|alla|al|a la) (?:mi|my|minha|meu|ma|mon|meine?r?|mia|mio) (?:hermana|hermano|madre|padre|mama|papa|sister|brother|mom|mum|dad|mae|pai|irma|irmao|soeur|frere|mere|pere|schwester|bruder|mutter|vater|sorella|fratello|amiga|amigo|friend|amie|ami|freundin|amica|amico))\b",
    )
});
static BUT_ONLY: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"\b(?:only|just|solo|solamente|apenas|seulement|nur|soltanto|but|pero|mas|mais|aber|instead|en cambio|invece|stattdessen|plutot)\b",
    )
});

fn someone_elses_money(sentence: &str) -> bool {
    SOMEONE_ELSES.is_match(sentence) && !BUT_ONLY.is_match(sentence)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn age(s: &str) -> Option<String> {
        age_claim(&Text::new(s), false)
    }

    #[test]
    fn an_age_under_eighteen_in_a_first_person_context_is_a_claim() {
        for s in [
            "im 1️⃣6️⃣ but mature",
            "just turned 15 last week",
            "tengo c a t o r c e pero",
            "g q u a t o r z e ans stp",
            "bin f ü n f z e h n, ist das schlimm?",
            "ho q u a t t o r d i c i anni",
            "m16 aus Köln",
            "born in 2011 but age is just a number",
            "oye soy del 2011 no pasa nada no?",
            "sono del 2010 ahah",
            "im a 2011 baby lol",
            "Jahrgang 2011 hier",
            "bin jg 10, passt das?",
            "age: 15",
            "I turn 18 next year",
            "werd dann 1️⃣6️⃣ 🎉",
        ] {
            assert!(age(s).is_some(), "{s}");
        }
    }

    #[test]
    fn heights_durations_counts_and_other_peoples_ages_are_not_claims() {
        for s in [
            "I'm 6'2 and 34",
            "I'm 15 minutes away",
            "my nephew is 8 and already beats me",
            "my daughter is 15 years old",
            "mit 16 hatte ich noch Haare",
            "hit 5 sets of 10 on squats",
            "né en 1989, la meilleure année",
            "j'ai eu 18 ans en 2008",
            "I'm 19 btw",
            "I'm 12 hours into my shift",
            "bin Jahrgang 06, also längst erwachsen",
        ] {
            assert!(age(s).is_none(), "{s}: {:?}", age(s));
        }
    }

    #[test]
    fn phone_numbers_are_found_in_digits_and_in_words() {
        for s in [
            "text me at 310-555-0187",
            "call me babe, three one oh, five five five, two one nine four",
            "llámame al seis uno dos, cuatro cinco, seis siete, ocho nueve",
            "null eins sieben sechs, drei acht, neun zwei, eins eins null",
            "meu número é (11) 98765-4321",
        ] {
            assert!(phone_number(&Text::new(s)).is_some(), "{s}");
        }
        assert!(phone_number(&Text::new("woke up at 7:30, did 3 sets of 12")).is_none());
    }

    #[test]
    fn defanged_links_and_shop_prices_are_read_but_heights_are_not_prices() {
        assert!(link(&Text::new("hxxps://mi-sitio[.]net/privado")).is_some());
        assert!(link(&Text::new("clica aqui → bit[.]ly/packnovo")).is_some());
        assert!(link(&Text::new("tinyurl com/hotpreview22")).is_some());
        assert!(link(&Text::new("búscame en onlysofi·com, ahí está todo")).is_some());
        assert!(link(&Text::new("a las 10·30 en el live")).is_none());
        assert!(price(&Text::new("te lo dejo por 59,90")).is_some());
        assert!(price(&Text::new("mides 1,90? qué alto")).is_none());
    }

    #[test]
    fn a_count_of_things_a_span_of_years_a_date_and_a_comparison_are_no_age_claims() {
        assert!(age_claim(&Text::new("tengo 14 años de experiencia"), false).is_none());
        assert!(age_claim(&Text::new("tengo 16 años de edad"), false).is_some());
        assert!(age_claim(&Text::new("mein geburtstag ist am 14. märz"), true).is_none());
        assert!(age_claim(&Text::new("im 16 may i ask you something"), false).is_some());
        assert!(age_claim(&Text::new("1️⃣6️⃣ and already down bad for u"), false).is_some());
        assert!(age_claim(&Text::new("16 and a half hours of driving"), false).is_none());
        assert!(age_claim(&Text::new("im an 09 baby 😎"), false).is_some());
        assert!(age_claim(&Text::new("proud 89 baby here"), false).is_none());
    }

    #[test]
    fn a_count_of_things_and_an_age_compared_to_are_no_age_claims() {
        assert!(age_claim(&Text::new("tengo 17 gatos, no es broma"), false).is_none());
        assert!(age_claim(&Text::new("j'ai 17 onglets ouverts"), false).is_none());
        assert!(age_claim(&Text::new("tengo 17 años"), false).is_some());
        assert!(age_claim(&Text::new("she treats me like I'm 12"), false).is_none());
        assert!(age_claim(&Text::new("like i said, im 16"), false).is_some());
    }

    #[test]
    fn links_and_emails_do_not_reach_across_a_sentence_end() {
        assert!(link(&Text::new("I was at home. What about you?")).is_none());
        assert!(email(&Text::new("I was at home. What about you?")).is_none());
        assert!(link(&Text::new("vai su ｇｉｕｌｉａ－ｐｒｉｖａｔａ．ｃｏｍ")).is_some());
        assert!(email(&Text::new("jessxo ＠ proton．me")).is_some());
        assert!(email(&Text::new("luciavip arroba outlook punto com")).is_some());
        assert!(link(&Text::new("go to jessxo dot carrd dot co")).is_some());
    }

    #[test]
    fn an_app_name_needs_an_invitation_unless_it_only_means_another_app() {
        for s in [
            "add me on 𝐬𝐧𝐚𝐩 babe",
            "búscame en 👻, mismo nombre",
            "me chama no ｚａｐ amor",
            "Seguimi su I n s t a",
            "escríbeme al wasap",
        ] {
            assert!(contact(&Text::new(s)).is_some(), "{s}");
        }
        for s in [
            "I snapped a cute pic",
            "signal is bad here",
            "call me crazy",
            "text me back here",
        ] {
            assert!(contact(&Text::new(s)).is_none(), "{s}");
        }
    }

    #[test]
    fn payment_apps_crypto_and_gift_cards_are_off_platform_payments() {
        for s in [
            "venmo me",
            "faz um Ріх pra mim",
            "p a y p a l works",
            "une carte cadeau Amazon",
            "acepto U S D T",
        ] {
            assert!(off_platform_payment(&Text::new(s)).is_some(), "{s}");
        }
        assert!(off_platform_payment(&Text::new("new pix coming tonight")).is_none());
    }

    #[test]
    fn a_payment_app_in_someone_elses_story_or_refused_is_no_way_to_pay_her() {
        for s in [
            "my brother lost half his salary on bitcoin, never again",
            "i don't do paypal hun, everything stays in here",
            "PayPal kept me on hold for an hour today 🙄",
        ] {
            assert!(off_platform_payment(&Text::new(s)).is_none(), "{s}");
        }
        for s in [
            "i don't do paypal but revolut works 😘",
            "send it on my wave babe",
            "pay me through gcash instead",
        ] {
            assert!(off_platform_payment(&Text::new(s)).is_some(), "{s}");
        }
    }

    #[test]
    fn an_address_spaced_out_is_read_only_where_an_at_sign_is_written() {
        for s in [
            "l u n a . r @ g m x . d e write me",
            "sofia_x @ yahoo . it 💌",
        ] {
            assert!(email(&Text::new(s)).is_some(), "{s}");
        }
        for s in [
            "back at 9. me and the cat say hi",
            "home by 8 . net is down lol",
        ] {
            assert!(email(&Text::new(s)).is_none(), "{s}");
        }
    }

    #[test]
    fn meta_markup_is_found_but_ordinary_brackets_are_not() {
        assert!(meta_markup(&Text::new("<think>be warm</think> hi")).is_some());
        assert!(meta_markup(&Text::new("[smiles and bites her lip] hey")).is_some());
        assert!(meta_markup(&Text::new("Persona: Jess\nReply: hey")).is_some());
        assert!(meta_markup(&Text::new("haha (jk) love you")).is_none());
    }
}
