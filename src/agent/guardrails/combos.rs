//! Detectors that need two cues in one message, anywhere in it (fans and models spread a thought
//! over several short sentences): a farewell is "tomorrow" and "I won't be here"; extortion is
//! "or else" and the people in her life; a meeting is a proposal and a trip to her city; a date
//! in a draft is a day, a clock time and a place. Either cue alone is everyday chat, so each
//! detector reads the pair, never one word. Vocabularies are written per class for the six
//! languages (folded: lowercase, no accents, apostrophes as spaces).

use super::text::Text;
use regex::Regex;
use std::sync::LazyLock;

fn re(p: &str) -> Regex {
    Regex::new(p).expect("combo pattern")
}

/// Two cues that must both appear in one word view of the message, with an optional veto.
struct Pair {
    what: &'static str,
    a: Regex,
    b: Regex,
    unless: Option<Regex>,
}

impl Pair {
    fn new(what: &'static str, a: &str, b: &str, unless: Option<&str>) -> Pair {
        Pair {
            what,
            a: re(&format!(r"\b(?:{a})\b")),
            b: re(&format!(r"\b(?:{b})\b")),
            unless: unless.map(|u| re(&format!(r"\b(?:{u})\b"))),
        }
    }

    fn find(&self, t: &Text) -> Option<String> {
        t.words.iter().find_map(|w| {
            let a = self.a.find(w)?;
            let b = self.b.find(w)?;
            if self.unless.as_ref().is_some_and(|u| u.is_match(w)) {
                return None;
            }
            Some(format!("{}: \"{}\" + \"{}\"", self.what, a.as_str(), b.as_str()))
        })
    }
}

fn first(pairs: &[Pair], t: &Text) -> Option<String> {
    pairs.iter().find_map(|p| p.find(t))
}

/// Games and sport: "I'll destroy you at FIFA", "ti distruggo a fifa".
const GAMES: &str = r"(?:at|in|al|a|no|aux|beim|bei|on) (?:chess|checkers|fifa|cod|fortnite|pool|poker|tennis|golf|cards|uno|scrabble|monopoly|ajedrez|xadrez|echecs|schach|scacchi|game|games|juego|jogo|jeu|spiel|partita|karaoke|trivia|ping pong|\w+ kart)";

/// The people and places in a creator's life that an extortionist threatens to tell.
const AUDIENCE: &str = r"(?:boss|coworkers?|co workers|colleagues?|work|job|employer|linkedin|family|parents|mom|mum|mums|moms|mother|dad|father|husband|boyfriend|bf|partner|man|friends|followers|fans|everyone|jefe|jefa|companeros|colegas|trabajo|familia|padres|madre|padre|mama|papa|novio|marido|pareja|amigos|seguidores|chefe|patrao|trabalho|pais|mae|pai|namorado|parceiro|amigos|patron|chef|collegues|taf|boulot|famille|parents|mere|pere|mec|copain|mari|potes|amis|abonnes|arbeitgeber|arbeit|kollegen|familie|eltern|mutter|vater|freund|mann|freunde|follower|xing|capo|colleghi|lavoro|famiglia|genitori|mamma|ragazzo|fidanzato|marito|amici)";

const YOUR: &str = r"(?:your|ur|tu|tus|teu|tua|teus|tuas|seu|sua|ton|ta|tes|dein|deine|deinen|deinem|deiner|il tuo|la tua|i tuoi|le tue|tuo|tuoi)";

static THREAT: LazyLock<Vec<Pair>> = LazyLock::new(|| {
    vec![
        // "Keep ignoring me and see what happens": ignoring her answer, then a consequence.
        Pair::new(
            "ignoring has consequences",
            r"ignor\w*|block\w*|bloque\w*|blocc\w*|blockier\w*|reply or|answer or|responde o|contesta o|responde ou|reponds ou|antworte oder|rispondi o",
            r"(?:see|ver|voir|vedi|vedrai|vedere|sehen|siehst) (?:\w+ ){0,3}(?:what happens|what ll happen|lo que (?:te )?(?:pasa|va a pasar)|o que (?:te )?(?:acontece|vai acontecer)|ce qui (?:va )?(?:se passer|t arriver|arriver)|cosa (?:ti )?succede|che (?:ti )?succede|was (?:dann )?passiert)|(?:won t|wont|will not) like (?:it|what)|no te va a gustar|nao vais gostar|nao vai gostar|va pas te plaire|non ti piacera|wird dir nicht gefallen|(?:ich )?schick\w* alles",
            Some(GAMES),
        ),
        // "Screenshotted everything. Free stuff or your boss gets a link": exposure to the
        // people in her life as the condition of a demand.
        Pair::new(
            "or else her people see it",
            &format!(r"(?:or|o|ou|oder|sinon|altrimenti|senno|sonst|otherwise|si no|senao)(?: \w+){{0,2}} {YOUR} (?:\w+ )?{AUDIENCE}(?: \w+){{0,3}} (?:gets?|sees?|will see|finds? out|receives?|hears|se entera\w*|recibe\w*|ve|vera|recebe\w*|vai ver|fica sabendo|descobre|recoit|voit|va voir|apprend|sieht|bekommt|kriegt|erfahrt|riceve|vede|scopre|sapra)"),
            r"screen\w*|captur\w*|prints?|everything|all|todo|todos|tudo|tout|tutto|alles|link|pics|photos|fotos|videos?|vids?|content\w*|contenid\w*|conteudo|contenu|inhalt\w*|free|gratis|gratuit|umsonst|gratuito|nudes",
            Some(GAMES),
        ),
        Pair::new(
            "her things sent to her people",
            &format!(r"(?:send|sending|schick\w*|mand\w*|envi\w*|invi\w*|goes|going|go|va|vai|geht|gehen|finisce|finiscono|vont|van)(?: \w+){{0,3}} (?:to|an|a|al|ao|pro|pra|alla|ai|aux) {YOUR} (?:\w+ )?{AUDIENCE}"),
            r"or|oder|sinon|altrimenti|senno|sonst|otherwise|si no|senao|ou|o|screen\w*|captur\w*|leak\w*|antworte|reply|answer|responde|reponds|rispondi",
            Some(GAMES),
        ),
        // "Girls like you need to be taught a lesson, and I'm the one."
        Pair::new(
            "punishment aimed at her",
            r"(?:girls?|women|woman|chicks?|bitch\w*|whores?|sluts?|chicas?|mujer\w*|minas?|putas?|mulher\w*|garotas?|meninas?|filles?|femmes?|meufs?|nanas?|salopes?|putes?|madchen|frauen|frau|weiber|schlampen?|ragazz[ae]|donn[ae]|un[ao]|troie?) (?:like|como|comme|wie|come|igual|tipo) (?:you|u|vos|tu|voce|vc|toi|dir|dich|te)",
            r"taught|teach|lesson|put (?:in|back in) (?:your|their|her) place|respect|ensene\w*|ensenar|leccion|respeto|ensinar|licao|respeitar|remettre a (?:leur|sa|ta) place|lecon|zeigen wo\w*|lektion|beibringen|rimess\w* al (?:suo|loro|tuo) posto|lezione|rispetto|insegnare",
            None,
        ),
        // "Found your real name and your mum's address": what a doxxer has collected.
        Pair::new(
            "her private details collected",
            r"found|have|got|tengo|encontre|descubri|tenho|achei|descobri|j ai|trouve|hab|habe|gefunden|ho|trovato|scoperto",
            &format!(r"{YOUR} (?:\w+ )?(?:real name|full name|surname|last name|address|addy|mums? address|moms? address|nombre real|apellidos?|direccion|nome (?:verdadeiro|completo)|endereco|sobrenome|vrai nom|nom de famille|adresse|klarnamen?|echten namen|nachnamen|adresse|vero nome|cognome|indirizzo)"),
            Some(r"e ?mail|mail|correo|paypal|wallet|shipping|delivery|lieferadresse|de envio|de entrega|de livraison|di spedizione"),
        ),
    ]
});

/// Threats said as shapes rather than words: ignoring her has consequences, exposure to the
/// people in her life as a condition, punishment aimed at her, her private details collected.
pub fn threat(t: &Text) -> Option<String> {
    first(&THREAT, t)
}

/// Things that put an amount in a sale: content, a bundle, a limited offer.
const CONTENT: &str = r"(?:pics?|photos?|fotos?|bilder\w*|video\w*|vids?|clips?|sets?|packs?|pacotes?|paquetes?|pacchett\w*|lots?|bundles?|bilderpaket\w*|paket\w*|ppv|customs?|personali[sz]\w*|perso|unlock\w*|desbloque\w*|debloque\w*|freischalt\w*|sblocc\w*|today only|solo (?:por )?hoy|so hoje|apenas hoje|aujourd hui seulement|nur heute|solo oggi|sexting|dick ?rate|rating)";

static BARE_PRICE: LazyLock<Regex> = LazyLock::new(|| {
    re(r"\b(?:for|por|para|a|pour|per|fur|only|just|solo|nur|seulement|apenas|solamente|soltanto|at) (?:only |just |solo |nur |apenas )?(\d{1,4}(?:[.,]\d\d)?)\b(?: (\w+))?")
});
static SALE: LazyLock<Regex> = LazyLock::new(|| re(&format!(r"\b{CONTENT}\b")));

/// Units that make the number after "for"/"a" a count or a time, not a price.
const NOT_MONEY: &[&str] = &[
    "min", "mins", "minutes", "minutos", "minuti", "minuten", "hours", "horas", "ore", "heures",
    "stunden", "h", "pm", "am", "uhr", "pics", "fotos", "photos", "foto", "bilder", "videos",
    "video", "days", "dias", "giorni", "jours", "tage", "anos", "anni", "ans", "jahre", "years",
    "x", "km", "kg", "seconds", "segundos", "secondi", "sekunden", "secondes", "de", "di", "of",
    "la", "las", "le", "les",
];

/// A price without a currency: "bundle of 12 pics for 15 today only", "per 40 ti faccio un
/// video personalizzato". The number follows "for"/"por"/"à"/"für" in a sentence about her content.
pub fn bare_price(t: &Text) -> Option<String> {
    t.num_sentences().find_map(|s| {
        if !SALE.is_match(s) {
            return None;
        }
        BARE_PRICE.captures_iter(s).find_map(|c| {
            let unit = c.get(2).map_or("", |m| m.as_str());
            let n: f64 = c[1].replace(',', ".").parse().ok()?;
            (!NOT_MONEY.contains(&unit) && (3.0..=2000.0).contains(&n))
                .then(|| format!("names a price ({n}) for content"))
        })
    })
}

/// Whether a sentence names her content or a sale.
pub fn names_content(sentence: &str) -> bool {
    SALE.is_match(sentence)
}

/// Everyday goods whose price she may grumble about ("coffee costs £5 now"): not her offer.
pub static EVERYDAY_COST: LazyLock<Regex> = LazyLock::new(|| {
    re(r"\b(?:coffee|cafe|cafezinho|cappuccino|espresso|caffe|latte|avocados?|aguacates?|abacate|avocat|eggs?|huevos|ovos|oeufs|eier|uova|milk|leche|leite|lait|milch|latte|bread|pan|pao|pain|brot|pane|beer|cerveza|cerveja|biere|bier|birra|petrol|gas|gasolina|essence|benzin|benzina|rent|alquiler|aluguel|renda|loyer|miete|affitto|groceries|compra|courses|einkauf|spesa|ticket|billete|bilhete|billet|fahrkarte|biglietto|taxi|uber|parking|parqueo|estacionamento|parkplatz|parcheggio|pizza|sandwich|bocadillo|croissant|padaria|panaderia|boulangerie|backer|panetteria|supermarket|supermercado|supermarche|supermarkt|supermercato)\b")
});

static DRAFT_MEETING: LazyLock<Vec<Pair>> = LazyLock::new(|| {
    vec![
        // "Saturday 8pm, the hotel bar": a day or a clock time and a real place.
        Pair::new(
            "a time and a place",
            r"(?:\d{1,2} ?(?:pm|am|h|uhr)|\d{1,2}h\d\d|\d{1,2}:\d\d|(?:at|a las|as|alle|um) \d{1,2})",
            r"(?:(?:at|in|to|al|a la|en el|en la|no|na|au|a la|im|in der|am|al|alla|nel|nella) )?(?:the |el |la |le |o |il |der |dem |l )?(?:hotel bar|bar|cafe|caffe|coffee shop|restaurant|restaurante|ristorante|resto|park|parque|parco|parc|hotel|station|estacion|stazione|gare|bahnhof|hbf|plaza|piazza|praca|esplanada|terrasse|terraza|beach|playa|praia|plage|spiaggia|strand|club|pub|lobby|mall|kino|cinema|cine)",
            Some(r"dm|dms|inbox|chat|live|stream|online|post\w*|drop\w*|upload\w*|sube|subo|posto|poste|lade"),
        ),
        // "Let's do drinks when you're in town": a drink or a date, and him coming to her city.
        Pair::new(
            "a drink when he is in her city",
            r"drinks?|coffee|dinner|date|tomemos|tomar algo|un cafe|una copa|cenar|um drink|um cafe|jantar|un verre|boit un verre|on boit|diner|was trinken|trinken|kaffee|essen|beviamo\w*|un caffe|aperitivo|spritz|cena",
            r"(?:when|cuando|quand|quando|qnd|wenn) (?:\w+ ){0,2}(?:you re|youre|ur|you are|u r|you come|you get|estes|vengas|vienes|passes|tu passes|tu viens|tu seras|sei|vieni|passi|vier|vieres|estiver|du)(?: \w+){0,2} (?:in|to|en|a|em|pra|para|por|nach|da)|in town|por aqui|dans le coin|in der gegend|da queste parti",
            Some(r"dm|dms|inbox|chat|live|stream|online"),
        ),
    ]
});

/// A meeting set up by the draft: a time and a real place, or drinks when he is in her city.
pub fn draft_meeting(t: &Text) -> Option<String> {
    first(&DRAFT_MEETING, t)
}

static MEETING_REQUEST: LazyLock<Vec<Pair>> = LazyLock::new(|| {
    vec![
        // "I'm in Manchester next week, dinner? my treat": a proposal and a trip to her area.
        Pair::new(
            "a proposal on a trip",
            r"drinks?|a drink|coffee|dinner|lunch|beers?|link up|hang out|meet up|my treat|on me|i ll pay|ill pay|buy (?:you|u)|take (?:you|u) out|invit\w*|tomar algo|tomamos|un cafe|una (?:cerveza|copa|horchata)|unas chelas|chelas|cenar|salgamos|quedamos|quedar|nos vemos|vernos|um (?:cafe|drink)|uma cerveja|jantar|bora|pago(?: \w+)? (?:eu|tudo|te)|pago te|combinar|se encontrar|un verre|on se capte|se capter|on se voit|se voir|je t offre|t inviter|je paie|was trinken|trinken|kaffee|abendessen|treffen|ich lad dich ein|einladen|un caffe|un aperitivo|uno spritz|spritz|una birra|beccarci|vederci|vediamoci|ti offro|offro io|pago (?:io|tutto)",
            r"when (?:i m|im|i am|i get|i come|i visit|i pass|i go)|in town|next week|this weekend|next month|(?:thurs|fri|sat|sun|mon|tues?|wed)\w* (?:next week|to|sat|sun)|cuando (?:este|estes|vaya|pase|venga|passe)|voy a (?:\w+ )?(?:la semana|el finde|el mes)|la semana (?:que viene|q viene|proxima)|el finde|el mes que viene|tengo (?:un )?congreso|quando (?:passar|for|estiver|vier|eu for)|semana que vem|no fds|je (?:monte|passe|descends|viens|vais|serai) (?:a|sur|dans|en|par)|la semaine (?:pro|prochaine)|quand je (?:passe|serai|viens|monte)|ce week end|(?:nachste|nachsten|kommende) woche|am wochenende|wenn (?:ich|du) in \w+ (?:bin|bist)|settimana prossima|quando (?:passo|sono|vengo|saro) (?:a|da|in|per)|sono a \w+ (?:per|la|il|settimana|sabato|domenica|questo)",
            None,
        ),
        // "Do you live in the Juárez? I work there": where she lives, and him close by.
        Pair::new(
            "where she lives, and him close by",
            r"(?:do|d) (?:you|u) live|(?:you|u) live (?:in|near|around|by)|vives|vivis|moras?|mores|habites|t habites|t es a|tu es a|abiti|stai (?:a|in|dalle)|wohnst|what part|which part|que parte|que zona|que bairro|quel coin|quel quartier|in che zona|welche\w* (?:ecke|viertel|gegend)",
            r"(?:i|yo|eu|je|j|ich|io) (?:\w+ )?(?:work|trabajo|laburo|trabalho|bosse|travaille|arbeite|lavoro) (?:\w+ )?(?:there|near|nearby|around|close|ahi|alli|ali|ai|cerca|perto|do lado|la|la bas|pas loin|a cote|da|dort|in der nahe|li|vicino)|j y (?:bosse|travaille|suis)|(?:i m|im|i ll be|ill be) (?:often |always )?(?:there|around|nearby|in the area)|voy a andar por|vou (?:ta|estar) por|da quelle parti|(?:sono|vado) (?:li|la) spesso|bin (?:eh |da |dort )?(?:oft|haufig)|in der gegend|dans le coin|por ahi|por ai|near you|cerca de ti|perto de (?:ti|voce|vc)|pres de chez toi|vicino a te|in deiner nahe|dans le \d+e",
            None,
        ),
    ]
});

/// A request to meet made of two everyday halves: a proposal on a trip to her city, or where
/// she lives asked by someone who is there often.
pub fn meeting_request(t: &Text) -> Option<String> {
    first(&MEETING_REQUEST, t)
}

static DRAFT_MINOR: LazyLock<Vec<Pair>> = LazyLock::new(|| {
    vec![Pair::new(
        "roleplay as a child",
        r"pretend|imagine|roleplay|role play|rollenspiel|stell dir vor|fais comme si|on fait comme si|facciamo finta|fingiamo|immagina|hagamos como si|imaginate|finge|faz de conta|vamos fingir|finjamos|tonight i m|tonight im|heute bin ich|esta noche soy|ce soir je suis|stasera sono|hoje (eu )?sou|ich war\w* wieder|j etais encore|fossi ancora|fuera otra vez|fosse de novo",
        r"1[0-7] (?:years?|yo|yr|anni|anos|ans|jahre?|jahrig\w*)|school\w*|schul\w*|klassenfahrt|klasse|\d{1,2} ?[a-e]|[3-6]e|college|lycee|liceo|medie|colegio|cole|escola|escuela|instituto|homework|hausaufgaben|devoirs|compiti|deberes|tarea|licao de casa|teacher|lehrer\w*|referendar\w*|prof|professeur|professore|profe|professora|maestr[ao]|student\w*|schulerin|eleve|alunna|alumna|aluna|uniform\w*",
        Some(r"(?:i|we|you) (?:was|were)|used to|back (?:in|when)|years ago"),
    )]
});

/// A roleplay where the creator is a child: a roleplay cue and a school or an age under 18.
pub fn draft_minor(t: &Text) -> Option<String> {
    first(&DRAFT_MINOR, t)
}

static CRISIS: LazyLock<Vec<Pair>> = LazyLock::new(|| {
    vec![
        // "Sorry if I don't reply tomorrow, don't think I'll be here."
        Pair::new(
            "a farewell for tomorrow",
            r"tomorrow|tonight|manana|esta noche|amanha|hoje a noite|demain|ce soir|cette nuit|morgen|heute nacht|domani|stanotte|stasera",
            r"(?:dont|don t|do not) think (?:i ll|ill|i will|i d|id) (?:still )?be (?:here|around|alive)|(?:not|no longer) be (?:here|around|alive) (?:anymore|any more)|ya no (?:voy a estar|estare)|ja ca nao estou|ja nao (?:estou|estarei|vou estar) (?:ca|aqui)|(?:je )?(?:ne )?serai plus la|non ci (?:sono|saro) piu|nicht mehr (?:da|hier)|(?:you ll|youll|you will) know why|sabras (?:por que|porque)|vais saber porque|vai saber porque|tu sauras pourquoi|saprai perche|weisst du warum",
            None,
        ),
        // "A letter to my parents in the desk, just in case."
        Pair::new(
            "a letter left just in case",
            r"letters?|carta|cartas|lettres?|lettera|lettere|brief|briefe|abschiedsbrief",
            r"(?:just )?in case|por si (?:acaso|las dudas|algo)|au cas ou|nur falls|nur fur den fall|falls was|non si sa mai|por via das duvidas|caso (?:eu|algo|aconteca)|nunca se sabe|on ne sait jamais|man weiss nie|si jamais",
            Some(r"cover letter|motivation|bewerbung\w*|candidatura|presentacion|motivacion|application|job|trabajo|emprego|lavoro|stelle|poste|visa|bank|banco|banque|versicherung|insurance"),
        ),
        // "Did it again last night with the razor."
        Pair::new(
            "self-harm again",
            r"(?:did|done|do) it again|again last night|otra vez|de novo|outra vez|encore fait|wieder gemacht|di nuovo|l ho rifatto|lo hice otra vez|volvi a hacerlo|voltei a fazer",
            r"razor|blade|blades|cuchillas?|navaja|lamina|laminas|gilete|lame|lames|rasoir|klinge|rasierklinge|lametta|lamette|rasoio|scars?|cicatri\w*|narben",
            None,
        ),
        // "Staring at the pills, thinking how easy it would be": a means and its weighing.
        Pair::new(
            "a means weighed",
            r"pills|pastillas|pastis|remedios|comprimidos|cachets|medocs|medicaments|tabletten|pillen|pillole|pastiglie|farmaci|razor|rope|soga|corda|corde|strick|seil|bridge|puente|ponte|pont|brucke|rails|vias del tren|linha do trem|voie ferree|gleise|binari",
            r"how easy|(?:would|it d|itd) (?:take|be easy)|enough to|cuantas (?:hacen|harian|necesito)|lo facil que|quantos (?:precisa|seriam|precisaria)|que facil|combien (?:de \w+ )?(?:il faudrait|il faut|faudrait)|wie viele (?:man )?(?:brauch\w*|br)|wie einfach|quante (?:ne )?(?:servirebbero|servono)|quanto sarebbe facile|criar coragem|coragem|courage|coraje|valor pa|coraggio|den mut|todo pensado|tudo (?:pensado|planejado)|all planned|tout prevu|alles geplant|tutto (?:pianificato|pensato)|ja separei|separei|guardadas|guardados|gehortet|gesammelt|lined up|saved up|set aside|esperando (?:criar|tener)",
            Some(GAMES),
        ),
    ]
});

/// Warning signs said in two halves: a farewell for tomorrow, a letter left "just in case",
/// self-harm again, a means at hand being weighed.
pub fn crisis(t: &Text) -> Option<String> {
    first(&CRISIS, t)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn t(s: &str) -> Text {
        Text::new(s)
    }

    #[test]
    fn a_price_without_a_currency_is_read_only_in_a_sale() {
        assert!(bare_price(&t("pack of 8 pics for 25 tonight")).is_some());
        assert!(bare_price(&t("new set unlocks in 10 min")).is_none());
        assert!(bare_price(&t("I did 5 sets of 12 for 3 days")).is_none());
    }

    #[test]
    fn one_half_of_a_pair_is_everyday_chat() {
        assert!(threat(&t("keep ignoring me and see what happens")).is_some());
        assert!(threat(&t("ignore the typos lol")).is_none());
        assert!(crisis(&t("won't be around tomorrow, camping trip!")).is_none());
        assert!(crisis(&t("see you tomorrow babe")).is_none());
        assert!(meeting_request(&t("just landed in Lisbon for work")).is_none());
        assert!(draft_meeting(&t("new set drops at 8pm, see you in my DMs")).is_none());
    }
}
