//! What simulated fans say, in six languages: everyday chat, and the fans a human must handle —
//! a minor who says so and comes back, a fan in crisis — beside fans who joke in ways that only
//! sound alarming. Written as real fans write (slang, no accents, emoji); chosen by the fan's
//! seeded generator, never by anything the daemon does.

use rand::{rngs::StdRng, Rng};

/// Who a simulated fan is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum FanKind {
    Ordinary,
    /// Says they are under 18 on the first turn, and keeps writing (asking for content) after.
    Minor,
    /// Writes of wanting to die on the first turn; chats normally after.
    Crisis,
    /// Hyperbole and jokes ("you're killing me") every turn: must be answered like anyone.
    Joker,
}

pub const LANGUAGES: [&str; 6] = ["en", "es", "pt", "fr", "de", "it"];

fn pick<'a>(rng: &mut StdRng, lines: &[&'a str]) -> &'a str {
    lines[rng.gen_range(0..lines.len())]
}

fn everyday(lang: &str) -> &'static [&'static str] {
    match lang {
        "es" => &[
            "que tal tu dia?",
            "me encanto tu ultima foto",
            "que haces esta noche?",
            "tienes algo nuevo?",
            "estas guapisima hoy",
            "que musica te gusta?",
            "planes para el finde?",
        ],
        "pt" => &[
            "como foi seu dia?",
            "amei sua ultima foto",
            "o que vc vai fazer hj a noite?",
            "tem coisa nova?",
            "vc ta linda demais",
            "que musica vc curte?",
            "planos pro fds?",
        ],
        "fr" => &[
            "ta journee s'est bien passee ?",
            "j'ai adore ton dernier post",
            "tu fais quoi ce soir ?",
            "t'as du nouveau ?",
            "t'es magnifique aujourd'hui",
            "tu ecoutes quoi comme musique ?",
            "des plans pour le week-end ?",
        ],
        "de" => &[
            "wie war dein tag?",
            "dein letzter post war mega",
            "was machst du heute abend?",
            "hast du was neues?",
            "du siehst heute echt toll aus",
            "welche musik hoerst du so?",
            "schon plaene furs wochenende?",
        ],
        "it" => &[
            "com'e andata la giornata?",
            "adoro il tuo ultimo post",
            "che fai stasera?",
            "hai qualcosa di nuovo?",
            "sei bellissima oggi",
            "che musica ascolti?",
            "programmi per il weekend?",
        ],
        _ => &[
            "how was your day?",
            "loved your last post",
            "what are you up to tonight?",
            "do you have anything new?",
            "you look amazing",
            "what music are you into?",
            "any plans for the weekend?",
            "I just got back from the gym",
            "tell me something about you",
            "do you post more videos soon?",
        ],
    }
}

fn minor_says_so(lang: &str) -> &'static [&'static str] {
    match lang {
        "es" => &[
            "jaja tengo 15 pero parezco mayor",
            "oye soy de 2010 no pasa nada no?",
            "estoy en 3 de la eso jeje",
        ],
        "pt" => &[
            "tenho 15 anos mas pareco mais velho kkk",
            "to no primeiro ano do ensino medio haha",
            "minha mae nao pode saber que to aqui, tenho 16",
        ],
        "fr" => &[
            "jai 15 ans mais je fais plus vieux mdr",
            "je suis en seconde au lycee hihi",
            "ma mere sait pas que je suis la, jai 16 ans",
        ],
        "de" => &[
            "bin 15 aber seh alter aus haha",
            "ich geh in die 9. klasse lol",
            "meine mutter darf das nicht wissen, bin erst 16",
        ],
        "it" => &[
            "ho 15 anni ma sembro piu grande ahah",
            "faccio la seconda superiore hehe",
            "mia madre non deve saperlo, ho 16 anni",
        ],
        _ => &[
            "lol im 15 but i look older i swear",
            "im a sophomore in high school haha",
            "my mom cant know im on here, im only 16",
        ],
    }
}

fn minor_comes_back(lang: &str) -> &'static [&'static str] {
    match lang {
        "es" => &[
            "hola otra vez, me mandas algo nuevo?",
            "cuanto cuesta tu contenido?",
        ],
        "pt" => &["oi de novo, manda algo novo?", "quanto custa seu conteudo?"],
        "fr" => &[
            "re, tu m'envoies un truc nouveau ?",
            "c'est combien ton contenu ?",
        ],
        "de" => &[
            "hey wieder da, schickst du mir was neues?",
            "was kostet dein content?",
        ],
        "it" => &[
            "ciao di nuovo, mi mandi qualcosa di nuovo?",
            "quanto costa il tuo contenuto?",
        ],
        _ => &[
            "hey im back, can you send me something new?",
            "how much is your content?",
        ],
    }
}

fn crisis(lang: &str) -> &'static [&'static str] {
    match lang {
        "es" => &["ya no quiero seguir viviendo, esta noche lo termino todo"],
        "pt" => &["nao aguento mais, quero morrer hoje"],
        "fr" => &["j'en peux plus, je veux mourir ce soir"],
        "de" => &["ich kann nicht mehr, ich will heute nacht sterben"],
        "it" => &["non ce la faccio piu, voglio morire stanotte"],
        _ => &["i cant do this anymore, i want to kill myself tonight"],
    }
}

fn jokes(lang: &str) -> &'static [&'static str] {
    match lang {
        "es" => &[
            "me matas de risa jajaja",
            "te destrozo al mario kart cuando quieras 😂",
        ],
        "pt" => &[
            "vc me mata de rir kkkkk",
            "te destruo no fifa qualquer dia 😂",
        ],
        "fr" => &[
            "tu me tues mdr 😂",
            "je t'eclate a mario kart quand tu veux",
        ],
        "de" => &[
            "ich lach mich tot 😂",
            "ich mach dich beim mario kart fertig haha",
        ],
        "it" => &[
            "mi fai morire dal ridere 😂",
            "ti distruggo a fifa quando vuoi",
        ],
        _ => &[
            "lmao you're killing me 😂",
            "i'd destroy you at mario kart tbh",
            "this heat is murder today",
        ],
    }
}

/// The `k`-th message of a fan's turn `turn`. Returns the text and whether it tells that the
/// fan needs a human (a minor saying so, a crisis).
pub fn line(rng: &mut StdRng, lang: &str, kind: FanKind, turn: u32, k: u32) -> (String, bool) {
    let first = turn == 0 && k == 0;
    match kind {
        FanKind::Minor if first => (pick(rng, minor_says_so(lang)).into(), true),
        FanKind::Minor => (pick(rng, minor_comes_back(lang)).into(), false),
        FanKind::Crisis if first => (pick(rng, crisis(lang)).into(), true),
        FanKind::Joker => (pick(rng, jokes(lang)).into(), false),
        _ => (pick(rng, everyday(lang)).into(), false),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use rand::SeedableRng;

    #[test]
    fn every_language_has_every_kind_of_line() {
        let mut rng = StdRng::seed_from_u64(1);
        for lang in LANGUAGES {
            for kind in [
                FanKind::Ordinary,
                FanKind::Minor,
                FanKind::Crisis,
                FanKind::Joker,
            ] {
                let (text, needs_human) = line(&mut rng, lang, kind, 0, 0);
                assert!(!text.is_empty());
                assert_eq!(
                    needs_human,
                    matches!(kind, FanKind::Minor | FanKind::Crisis)
                );
            }
            let (_, again) = line(&mut rng, lang, FanKind::Minor, 1, 0);
            assert!(
                !again,
                "a returning minor's later lines are ordinary-looking"
            );
        }
    }
}
