//! Detectors that need two cues in one message, anywhere in it (fans and models spread a thought
//! over several short sentences): a farewell is "tomorrow" and "I won't be here"; extortion is
//! "or else" and the people in her life; a meeting is a proposal and a trip to her city; a date
//! in a draft is a day, a clock time and a place. Either cue alone is everyday chat, so each
//! detector reads the pair, never one word. Vocabularies are written per class for the six
//! languages (folded: lowercase, no accents, apostrophes as spaces).

use super::numbers::WEEKDAYS;
use super::text::Text;
use regex::Regex;
use std::sync::LazyLock;

fn re(p: &str) -> Regex {
    super::ascii_regex(p)
}

/// Two cues that must both appear in one word view of the message, with an optional veto.
struct Pair {
    what: &'static str,
    a: Regex,
    b: Regex,
    unless: Option<Regex>,
    /// A third cue some pairs need as well.
    with: Option<Regex>,
}

impl Pair {
    fn new(what: &'static str, a: &str, b: &str, unless: Option<&str>) -> Pair {
        Pair {
            what,
            a: re(&format!(r"\b(?:{a})\b")),
            b: re(&format!(r"\b(?:{b})\b")),
            unless: unless.map(|u| re(&format!(r"\b(?:{u})\b"))),
            with: None,
        }
    }

    fn with(mut self, c: &str) -> Pair {
        self.with = Some(re(&format!(r"\b(?:{c})\b")));
        self
    }

    fn find(&self, t: &Text) -> Option<String> {
        t.words.iter().find_map(|w| {
            let a = self.a.find(w)?;
            let b = self.b.find(w)?;
            if self.unless.as_ref().is_some_and(|u| u.is_match(w))
                || self.with.as_ref().is_some_and(|c| !c.is_match(w))
            {
                return None;
            }
            Some(format!(
                "{}: \"{}\" + \"{}\"",
                self.what,
                a.as_str(),
                b.as_str()
            ))
        })
    }
}

fn first(pairs: &[Pair], t: &Text) -> Option<String> {
    pairs.iter().find_map(|p| p.find(t))
}

/// Games and sport: "I'll destroy you at FIFA", "ti distruggo a fifa".
const GAMES: &str = r"(?:at|in|al|a|no|aux|beim|bei|on) (?:chess|checkers|fifa|cod|fortnite|pool|poker|tennis|golf|cards|uno|scrabble|monopoly|ajedrez|xadrez|echecs|schach|scacchi|game|games|juego|jogo|jeu|spiel|partita|karaoke|trivia|ping pong|\w+ kart)";

/// The people and places in a creator's life that an extortionist threatens to tell.
const AUDIENCE: &str = r"(?:boss|coworkers?|co workers|colleagues?|work|job|employer|linkedin|family|parents|mom|mum|mums|moms|mother|dad|father|husband|boyfriend|bf|partner|man|friends|followers|fans|everyone|jefe|jefa|companeros|colegas|trabajo|familia|padres|madre|padre|mama|papa|novio|marido|pareja|amigos|seguidores|chefe|patrao|trabalho|pais|mae|pai|namorado|parceiro|amigos|patron|chef|collegues|taf|boulot|famille|parents|mere|pere|mec|copain|mari|potes|amis|abonnes|arbeitgeber|arbeit|kollegen|familie|eltern|mutter|vater|freund|mann|freunde|follower|xing|capo|colleghi|lavoro|famiglia|genitori|mamma|ragazzo|fidanzato|marito|amici|manager|gerente|vorgesetzt\w*|responsabile|supervisor|dorf|stadt|nachbarn|village|town|neighbors|neighbours|pueblo|vecinos|barrio|cidade|vizinhos|bairro|ville|voisins|quartier|paese|vicini|quartiere)";

/// Verbs for the people in her life learning something.
const LEARNS: &str = r"(?:gets?|sees?|will see|finds? out|receives?|hears|reads|se entera\w*|recibe\w*|ve|vera|lee|recebe\w*|vai ver|fica sabendo|descobre|le|recoit|voit|va voir|apprend|lit|sieht|bekommt|kriegt|erfahrt|liest|riceve|vede|scopre|sapra|legge|knows|will know|sabe|sabra|saura|weiss|wissen|van a ver|vao ver|vont voir|werden sehen|vedranno|will see|are gonna see|gonna see)";

const YOUR: &str = r"(?:your|ur|tu|tus|teu|tua|teus|tuas|seu|sua|ton|ta|tes|dein|deine|deinen|deinem|deiner|il tuo|la tua|i tuoi|le tue|tuo|tuoi)";

static THREAT: LazyLock<Vec<Pair>> = LazyLock::new(|| {
    vec![
        // "Keep ignoring me and see what happens": ignoring her answer, then a consequence.
        Pair::new(
            "ignoring has consequences",
            r"ignor\w*|block\w*|bloque\w*|blocc\w*|blockier\w*|reply or|answer or|responde o|contesta o|responde ou|reponds ou|antworte oder|rispondi o",
            r"(?:see|ver|voir|vedi|vedrai|vedere|sehen|siehst) (?:\w+ ){0,3}(?:what happens|what ll happen|lo que (?:te )?(?:pasa|va a pasar)|o que (?:te )?(?:acontece|vai acontecer)|ce qui (?:va )?(?:se passer|t arriver|arriver)|cosa (?:ti )?succede|che (?:ti )?succede|was (?:dann )?passiert)|(?:won t|wont|will not) like (?:it|what)|no te va a gustar|nao vais gostar|nao vai gostar|va pas te plaire|non ti piacera|wird dir nicht gefallen|(?:ich )?schick\w* alles|vai acontecer alguma coisa|something (?:will|s gonna|is going to) happen to (?:you|u)|te va a pasar algo|il va t arriver (?:quelque chose|un truc)|ti succedera qualcosa|wird dir was passieren",
            Some(GAMES),
        ),
        // "Screenshotted everything. Free stuff or your boss gets a link", "block me again and
        // your husband gets every message": a condition, her people told, and what they get.
        Pair::new(
            "or else her people see it",
            r"or|o|ou|oder|sinon|altrimenti|senno|sonst|otherwise|si no|senao|if (?:you|u)|si (?:me|tu me)|se (?:me|mi)|wenn du (?:mich|nicht)|falls du",
            &format!(r"{YOUR} (?:\w+ )?{AUDIENCE}(?: \w+){{0,3}} {LEARNS}|{LEARNS} {YOUR} (?:\w+ )?{AUDIENCE}"),
            Some(GAMES),
        )
        .with(r"was du (?:hier )?machst|what you do|lo que haces|o que (?:voce )?faz|ce que tu fais|cosa fai|quello che fai|zahl\w*|pay|paga|pague|pasame|paie|screen\w*|captur\w*|prints?|everything|every|all|todo|todos|todas|tudo|tout|tous|toutes|tutto|tutti|alles|alle|link|pics|photos|fotos|videos?|vids?|content\w*|contenid\w*|conteudo|contenu|inhalt\w*|free|gratis|gratuit|umsonst|gratuito|nudes|messages?|mensajes?|mensagens?|nachrichten|messaggi|chats?|conversa\w*"),
        Pair::new(
            "her things sent to her people",
            &format!(r"(?:send|sending|forward\w*|reenvi\w*|encaminh\w*|weiterleit\w*|inoltr\w*|schick\w*|mand\w*|envi\w*|invi\w*|goes|going|go|va|vai|geht|gehen|finisce|finiscono|vont|van)(?: \w+){{0,3}} (?:to|an|a|al|ao|pro|pra|alla|ai|aux) {YOUR} (?:\w+ )?{AUDIENCE}"),
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
        // "Nice balcony, saw it from across the road": her home watched from outside.
        Pair::new(
            "her home watched from outside",
            r"balcon\w*|balkon|varanda|window|ventana|janela|fenetre|fenster|finestra|door|puerta|porta|porte|tur|house|building|edificio|predio|immeuble|palazzo|portal|portone|garden|jardin|garten|giardino|car|coche|carro|voiture|auto|macchina",
            r"across the (?:road|street)|from (?:the street|outside)|de enfrente|desde la (?:calle|acera)|(?:do|de) outro lado da rua|da rua|d en face|depuis (?:la rue|le trottoir)|von gegenuber|von der strasse|di fronte|dal marciapiede|dalla strada",
            Some(GAMES),
        )
        .with(r"saw|seen|watch\w*|vi|visto|vu|gesehen|beobacht\w*|guardo|guardavo|mire|olhei|regarde|nice|cute|bonit[oa]|lind[oa]|joli\w*|sympa|schon\w*|nett\w*|bel\w*|carin[oa]|gira"),
        // "Found your real name and your mum's address": what a doxxer has collected.
        Pair::new(
            "her private details collected",
            r"found|have|got|tengo|encontre|descubri|tenho|achei|descobri|j ai|trouve|hab|habe|gefunden|ho|trovato|scoperto",
            &format!(r"{YOUR} (?:\w+ )?(?:real name|full name|surname|last name|address|addy|mums? address|moms? address|nombre real|apellidos?|direccion|nome (?:verdadeiro|completo)|endereco|sobrenome|vrai nom|nom de famille|adresse|klarnamen?|echten namen|nachnamen|adresse|vero nome|cognome|indirizzo)"),
            Some(r"e ?mail|mail|correo|paypal|wallet|shipping|delivery|lieferadresse|de envio|de entrega|de livraison|di spedizione"),
        ),
        // "Leaked your folder to a Discord. Pay up and maybe I delete it": exposure sold back.
        Pair::new(
            "exposure sold back to her",
            r"leak\w*|uploaded|upload\w*|posted|shared|subi\w*|filtr\w*|vaz\w*|postei|partage\w*|diffus\w*|hochgeladen|geleakt|geteilt|caricat\w*|pubblicat\w*|condivis\w*",
            r"pay(?: up)?|paga|pagas|pague|pagues|paie|payes|zahl\w*|bezahl\w*|pagami|pagar|pagare|payer",
            Some(GAMES),
        )
        .with(r"delete|deleted|take (?:it|them) down|remove|borr\w*|elimin\w*|apag\w*|tiro do ar|supprim\w*|retir\w*|losch\w*|runter ?nehm\w*|cancell\w*|tolgo|rimuov\w*"),
        // "Got a 9mm and nothing to lose": a weapon beside a threat's resolve.
        Pair::new(
            "a weapon and nothing to lose",
            r"\d ?mm|glock|gun|guns|pistol|revolver|rifle|shotgun|knife|machete|pistola|arma|armas|navaja|cuchillo|faca|revolver|couteau|flingue|calibre|messer|waffe|knarre|coltello|fucile|pistole",
            r"nothing to lose|what s coming|what is coming|whats coming|nada que perder|nada a perder|rien a perdre|nichts (?:mehr )?zu verlieren|niente da perdere|lo que te mereces|o que (?:voce )?merece|ce que tu merites|was du verdienst|quello che ti meriti",
            Some(GAMES),
        ),
        // "I'm coming for you, I swear to god, I'm not joking": coming for her, sworn.
        Pair::new(
            "coming for her, sworn",
            r"vengo a prenderti|ti vengo a prendere|ti trovo|ti trovero|i m coming for you|im coming for you|coming (?:to get|for) (?:you|u)|voy (?:a )?por ti|voy a buscarte|te voy a encontrar|vou (?:te )?(?:pegar|buscar|achar|encontrar)|vou atras de (?:voce|ti)|je viens te chercher|je vais te (?:trouver|retrouver)|ich (?:komm|komme|hol|finde) dich|ich werde dich finden",
            r"giuro|swear|juro|je (?:te )?jure|ich schwor\w*|not joking|no joke|non sto scherzando|non scherzo|no estoy bromeando|no es broma|nao (?:to|estou) brincando|je rigole pas|kein witz",
            Some(r"regalo|gift|present|cadeau|geschenk|presente|aeroporto|airport|aeropuerto|aeroport|flughafen|stazione|station|estacion|estacao|gare|bahnhof"),
        ),
        // "Oida, I find you. Graz isn't that big": finding her, and her city small enough.
        Pair::new(
            "found in a small city",
            r"i find di|ich find\w* dich|i ll find you|ill find you|i will find you|te voy a encontrar|te encontrare|vou te achar|vou te encontrar|je vais te trouver|je te trouverai|ti trovo|ti trovero",
            r"(?:is|ist|es|e|est|non e|nao e) (?:ned|nicht|no|nao|pas|not|non) (?:so|tan|tao|si|cosi|that|tanto) (?:gross|grande|big|grand|large)|small (?:town|city)|pueblo chico|ciudad pequena|cidade pequena|petite ville|kleine stadt|piccola citta|paese piccolo",
            None,
        ),
        // "I saw you at the pool on Saturday. I won't let you go."
        Pair::new(
            "seen in person, not let go",
            r"je t ai vue?|i saw you|te vi|eu te vi|ti ho vist[ao]|ich hab dich (?:\w+ ){0,2}gesehen",
            r"je te lacherai (?:pas|jamais)|won t let you go|never let you go|won t leave you alone|no te voy a soltar|no te voy a dejar en paz|nao vou te largar|nao vou te deixar em paz|non ti mollo|non ti lascio in pace|ich lass dich nicht (?:mehr )?(?:los|in ruhe)",
            None,
        ),
        // "One day you'll walk out your front door and I'll be there."
        Pair::new(
            "waiting at her door",
            r"walk out|step out|open your (?:front )?door|leave (?:your|the) (?:house|place|flat|work|gym)|salgas de (?:tu )?casa|abras (?:la|tu) puerta|sair de casa|abrir a porta|sortiras de chez toi|ouvriras ta porte|aus dem haus|die tur aufmachst|uscirai di casa|aprirai la porta",
            r"i ll be (?:there|waiting)|ill be (?:there|waiting)|estare ahi|ahi estare|estarei la|vou estar la|je serai la|werde ich da sein|bin ich da|ci saro io|saro li",
            Some(GAMES),
        ),
        // "Always finds you. Remember it tonight when you walk home alone."
        Pair::new(
            "her way home, remembered",
            r"(?:quando|when|cuando|quand|wenn) (?:\w+ ){0,2}(?:torni|walk|get|go|vuelvas|voltar|volta|rentres|gehst|kommst)(?: \w+){0,2} (?:a casa|home|sola|sozinha|seule|alone|allein|da sola)",
            r"ricordatelo|remember (?:that|this|it)|recuerdalo|acuerdate|lembra (?:disso|bem)|souviens t en|souviens toi|denk dran|vergiss das nicht|ti trova|te encuentra|te acha|te trouve|findet dich",
            Some(GAMES),
        ),
        // "I know you live in Vila Mariana, recognised the bakery in your story. I'll drop by."
        Pair::new(
            "her place recognised, a visit promised",
            r"(?:reconheci|recognized|recognised|reconoci|j ai reconnu|ho riconosciuto|erkannt)(?: \w+){0,3} (?:no teu|no seu|in your|en tu|dans ta|dans ton|nella tua|nel tuo|in deiner|in deinem) (?:story|stories|foto|photo|video|post|reel)",
            r"passo ai|passo la|qualquer dia passo|i ll stop by|i ll come by|i ll drop by|paso por ahi|me paso|je passerai|je viendrai|passo a trovarti|ci passo|komm ich vorbei|schau ich vorbei",
            None,
        ),
    ]
});

/// Threats said as shapes rather than words: ignoring her has consequences, exposure to the
/// people in her life as a condition, punishment aimed at her, her private details collected.
pub fn threat(t: &Text) -> Option<String> {
    first(&THREAT, t)
}

/// Things that put an amount in a sale: content, a bundle, a limited offer.
const CONTENT: &str = r"(?:pics?|photos?|fotos?|bilder\w*|video\w*|vids?|clips?|sets?|packs?|pacotes?|paquetes?|pacchett\w*|lots?|bundles?|bilderpaket\w*|paket\w*|ppv|customs?|personali[sz]\w*|perso|unlock\w*|desbloque\w*|debloque\w*|freischalt\w*|sblocc\w*|extended cut|uncut|full version|versao completa|version completa|version complete|vollversion|versione completa|full length|today only|solo (?:por )?hoy|so hoje|apenas hoje|aujourd hui seulement|nur heute|solo oggi|sexting|dick ?rate|rating|want it|lo quieres|la quieres|quer|queres|tu la veux|tu le veux|willst du|lo vuoi|la vuoi|all yours|es tuyo|e teu|a toi|gehort dir|e tuo)";

static BARE_PRICE: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"\b(?:for|por|para|a|pour|per|fur|only|just|solo|nur|seulement|apenas|solamente|soltanto|at|costs?|cuesta|custa|coute|kostet|costa|sai por|s|c est|is|son|e|ist) (?:only |just |solo |nur |apenas |que |so )?(\d{1,4}(?:[.,]\d\d)?)\b(?: (\w+|%))?",
    )
});
/// "un voto da 1 a 10", "rate me out of 10": a score, not a price.
static RATING: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"\b(?:da|de|from|von|entre) [01] (?:a|to|bis|et|e|and) 10\b|\b(?:out of|sur|su|von|de) 10\b",
    )
});
static SALE: LazyLock<Regex> = LazyLock::new(|| re(&format!(r"\b{CONTENT}\b")));

/// Days besides the weekdays that make "at 3" after them a clock time ("tomorrow at 3").
const RELATIVE_DAYS: &[&str] = &[
    "today", "tomorrow", "tonight", "hoy", "manana", "hoje", "amanha", "demain", "heute", "morgen",
    "oggi", "domani",
];

/// A clock time after a part of the day: "woke up at 7", "gym at 6, lunch at 12" (the draft age
/// rule "at 16" shares it as a veto).
pub const CLOCK_AT: &str = r"\b(?:up|gym|lunch|dinner|breakfast|brunch|bed|work|shift|class|practice|training|alarm|train|flight|bus|meeting|starts?|opens?|closes?|home|back|off|yoga|pilates|workout|run|dentist) at (?:[1-9]|1[0-2])\b";
static CLOCK_AT_RE: LazyLock<Regex> = LazyLock::new(|| re(CLOCK_AT));

/// Units that make the number after "for"/"a" a count or a time, not a price.
const NOT_MONEY: &[&str] = &[
    "min",
    "mins",
    "minutes",
    "minutos",
    "minuti",
    "minuten",
    "hours",
    "horas",
    "ore",
    "heures",
    "stunden",
    "h",
    "pm",
    "am",
    "uhr",
    "pics",
    "fotos",
    "photos",
    "foto",
    "bilder",
    "videos",
    "video",
    "days",
    "dias",
    "giorni",
    "jours",
    "tage",
    "anos",
    "anni",
    "ans",
    "jahre",
    "years",
    "x",
    "km",
    "kg",
    "seconds",
    "segundos",
    "secondi",
    "sekunden",
    "secondes",
    "de",
    "di",
    "of",
    "la",
    "las",
    "le",
    "les",
    "%",
    "minute",
    "minuto",
    "hour",
    "hora",
    "stunde",
    "heure",
    "second",
    "secondo",
    "segundo",
    "sec",
    "secs",
    "day",
    "dia",
    "week",
    "weeks",
    "semana",
    "semaine",
    "woche",
    "settimana",
    "month",
    "months",
    "mes",
    "mois",
    "monat",
    "mese",
    "year",
    "ano",
    "anno",
    "jahr",
    "percent",
    "pourcent",
    "prozent",
];

/// A price without a currency: "bundle of 12 pics for 15 today only", "per 40 ti faccio un
/// video personalizzato". The number follows "for"/"por"/"à"/"für" in a sentence about her content.
pub fn bare_price(t: &Text) -> Option<String> {
    t.num_sentences().find_map(|s| {
        if !SALE.is_match(s) || RATING.is_match(s) {
            return None;
        }
        BARE_PRICE.captures_iter(s).find_map(|c| {
            let unit = c.get(2).map_or("", |m| m.as_str());
            let n: f64 = c[1].replace(',', ".").parse().ok()?;
            let said_after = s[..c.get(0)?.start()].split(' ').rfind(|w| !w.is_empty());
            let a_clock_time = said_after
                .is_some_and(|w| WEEKDAYS.contains(&w) || RELATIVE_DAYS.contains(&w))
                || CLOCK_AT_RE
                    .find_iter(s)
                    .any(|m| m.end() == c.get(1).map_or(0, |n| n.end()));
            (!NOT_MONEY.contains(&unit) && !a_clock_time && (3.0..=2000.0).contains(&n))
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
    re(
        r"\b(?:facture|conta de luz|conta de agua|electricite|factura de la luz|stromrechnung|bolletta|aluguel|cornetto|croissant|brioche|panino|sandwich|bocadillo|kebab|pizza|salle de sport|gym|fitness|fitnessstudio|palestra|gimnasio|academia|parrucchiere|hairdresser|haircut|peluquero|peluqueria|cabeleireiro|cabeleireira|coiffeur|coiffeuse|friseur|friseurin|piega|coffee|cafe|cafezinho|cappuccino|espresso|caffe|latte|avocados?|aguacates?|abacate|avocat|eggs?|huevos|ovos|oeufs|eier|uova|milk|leche|leite|lait|milch|latte|bread|pan|pao|pain|brot|pane|beer|cerveza|cerveja|biere|bier|birra|petrol|gas|gasolina|essence|benzin|benzina|rent|alquiler|aluguel|renda|loyer|miete|affitto|groceries|compra|courses|einkauf|spesa|ticket|billete|bilhete|billet|fahrkarte|biglietto|taxi|uber|parking|parqueo|estacionamento|parkplatz|parcheggio|pizza|sandwich|bocadillo|croissant|padaria|panaderia|boulangerie|backer|panetteria|supermarket|supermercado|supermarche|supermarkt|supermercato|dress|kleid|robe|vestido|vestito|shoes|zapatos|sapatos|chaussures|schuhe|scarpe|jeans|sweater|pull|pullover|jacket|chaqueta|casaco|veste|jacke|giacca|flohmarkt|flea market|mercadillo|brecho|brocante|vide grenier|mercatino|thrift|zara|primark|shein|vinted|kik|h m|sushi|buffet|all you can eat|barra libre|rodizio|kebab|burger|hamburguesa|cocktail|cocktails|coctel|verre|apero|pad thai|ramen|tacos|noodles|lunch|almuerzo|almoco|dejeuner|mittagessen|pranzo|gegessen|i ate|comi|j ai mange|ho mangiato|takeaway|takeout)\b",
    )
});

static DRAFT_MEETING: LazyLock<Vec<Pair>> = LazyLock::new(|| {
    vec![
        // "Saturday 8pm, the hotel bar": a day or a clock time and a real place.
        Pair::new(
            "a time and a place",
            r"(?:(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|lunes|martes|miercoles|jueves|viernes|sabado|domingo|segunda|terca|quarta|quinta|sexta|lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|montag|dienstag|mittwoch|donnerstag|freitag|samstag|sonntag|lunedi|martedi|mercoledi|giovedi|venerdi|sabato|domenica)(?: \w+)? \d{1,2}|\d{1,2} ?(?:pm|am|h|uhr)|\d{1,2}h\d\d|\d{1,2}:\d\d|(?:at|a las|as|alle|um) \d{1,2})",
            r"(?:(?:at|in|to|al|a la|en el|en la|no|na|au|a la|im|in der|am|al|alla|nel|nella) )?(?:the |el |la |le |o |il |der |dem |l )?(?:cocktail\w*|cocteleria|rooftop|hotel bar|bar|cafe|caffe|coffee shop|restaurant|restaurante|ristorante|resto|park|parque|parco|parc|hotel|station|estacion|stazione|gare|bahnhof|hbf|plaza|piazza|praca|esplanada|terrasse|terraza|beach|playa|praia|plage|spiaggia|strand|club|pub|lobby|mall|kino|cinema|cine)",
            Some(
                r"dm|dms|inbox|chat|live|stream|online|post\w*|drop\w*|upload\w*|sube|subo|posto|poste|lade|(?:voy por|ya voy|tercer|segundo|primer|third|second|first|terzo|secondo|primo|troisieme|deuxieme|dritte\w*|zweite\w*|\d|\d ?o|\d ?eme) (?:cafe|coffee|caffe|kaffee)|j ai vu|i saw|i watched|ho visto|hab \w+ gesehen|assisti|vi o filme|vi la peli",
            ),
        ),
        // "I'm at the café on King St around ten, pop in": a street and a nudge to come by.
        Pair::new(
            "a street and a nudge to come",
            STREET,
            r"pop (?:in|by)|swing by|stop by|come by|drop by|pasate|pasa (?:un dia|por ahi)|passa (?:la|por la|un giorno|a trovarmi)|passe (?:un de ces jours|me voir|quand tu veux)|schau (?:mal |doch )?vorbei|komm (?:mal |doch )?vorbei|vieni a trovarmi|aparece",
            // "Adoro quando aparece aqui": showing up in the chat.
            Some(r"dm|dms|inbox|chat|stream|online|page|pagina|profil\w*|feed|aparece(?:s)? aqui"),
        ),
        // "Let's do drinks when you're in town": a drink or a date, and him coming to her city.
        Pair::new(
            "a drink when he is in her city",
            r"drinks?|coffee|dinner|date|tomemos|tomar algo|un cafe|una copa|cenar|um drink|um cafe|jantar|un verre|boit un verre|on boit|diner|was trinken|trinken|kaffee|essen|beviamo\w*|un caffe|aperitivo|spritz|cena",
            r"(?:when|cuando|quand|quando|qnd|wenn) (?:\w+ ){0,2}(?:you re|youre|ur|you are|u r|you come|you get|estes|vengas|vienes|passes|tu passes|tu viens|tu seras|sei|vieni|passi|vier|vieres|estiver|du)(?: \w+){0,2} (?:in|to|en|a|em|pra|para|por|nach|da)|(?:you re|youre|ur|you are|u r) (?:\w+ )?in town",
            Some(r"dm|dms|inbox|chat|live|stream|online"),
        ),
    ]
});

/// A street named in a draft: "on King St", "calle Mayor", "rue Oberkampf", "Königstraße".
const STREET: &str = r"\w+ (?:st|street|ave|avenue|road|rd|lane|blvd)|calle \w+|rua \w+|rue \w+|\w+strasse|\w+ strasse|via \w+|avenida \w+|viale \w+|piazza \w+|plaza \w+|praca \w+|corso \w+|platz";

/// A meeting set up by the draft: a time and a real place, or drinks when he is in her city.
pub fn draft_meeting(t: &Text) -> Option<String> {
    first(&DRAFT_MEETING, t)
}

static MEETING_REQUEST: LazyLock<Vec<Pair>> = LazyLock::new(|| {
    vec![
        // "I'm in Manchester next week, dinner? my treat": a proposal and a trip to her area.
        Pair::new(
            "a proposal on a trip",
            r"(?:take|buy|treat|invite|pick) (?:you|u)|my treat|on me|i ll pay|ill pay|with me|let me (?:buy|take|treat|get)|(?:wanna|want to|shall we|should we|could we|can we|let s|lets) (?:\w+ ){0,2}(?:grab|get|have|do|go for|meet|link|hang)|link up|hang out|meet up|invit\w*|te (?:pago|pagar|invito|llevo|levo|convido)|(?:vente|ven|vem|viens|vieni|komm) (?:a |pra |auf )?(?:tomar|beber|boire|bere|jantar|cenar|diner|einen|nen|ein)|einladen|lass mich|pago te|convid\w*|contigo|conmigo|comigo|nos (?:echamos|tomamos|vemos)|(?:vamos|podemos|quieres|queres|quer) (?:a )?(?:tomar|cenar|jantar|quedar|salir|sair|combinar)|tomemos|salgamos|quedamos|bora|se encontrar|nos ver|je t (?:offre|invite|emmene|paie)|t (?:offrir|inviter|emmener)|avec toi|avec moi|on se (?:voit|capte|retrouve|boit|prend)|se (?:voir|capter|retrouver)|je paie|(?:lad|lade) dich|dich (?:einladen|ausfuhren)|mit dir|mit mir|(?:gehen|wollen|sollen|konnen) wir|lass uns|treffen|ich zahl\w*|ti (?:offro|invito|porto|pago)|offrirti|invitarti|con te|con me|ci (?:prendiamo|vediamo|beviamo)|prendiamo|vediamoci|beccarci|vederci|pago (?:io|tutto)|offro io",
            r"(?:fly\w*|driv\w*|com\w*|arriv\w*|land\w*|llego|llegare|chego|chegarei|j arrive|komm\w*|arrivo|vengo|venho|voy|vou|vais) (?:\w+ ){0,2}(?:in|into|to|a|en|na|no|dans|in|nella|pra|para) (?:your|tu|ta|tua|teu|deine|la tua) (?:city|town|area|ciudad|cidade|ville|stadt|citta|zona|pais|country|pays|land|paese|bairro|barrio|quartier|viertel)|near you|close to you|cerca de ti|perto de (?:ti|voce|vc)|pres de chez toi|bei dir um die ecke|in deiner nahe|vicino a te|when (?:i m|im|i am|i get|i come|i visit|i pass|i go)|in town|next week|this weekend|next month|(?:thurs|fri|sat|sun|mon|tues?|wed)\w* (?:next week|to|sat|sun)|cuando (?:este|estes|vaya|pase|venga|passe)|voy a (?:\w+ )?(?:la semana|el finde|el mes)|la semana (?:que viene|q viene|proxima)|el finde|el mes que viene|tengo (?:un )?congreso|quando (?:passar|for|estiver|vier|eu for)|semana que vem|no fds|je (?:monte|passe|descends|viens|vais|serai) (?:a|sur|dans|en|par)|la semaine (?:pro|prochaine)|quand je (?:passe|serai|viens|monte)|ce week end|(?:nachste|nachsten|kommende) woche|am wochenende|wenn (?:ich|du) in \w+ (?:bin|bist)|settimana prossima|quando (?:passo|sono|vengo|saro) (?:a|da|in|per)|sono a \w+ (?:per|la|il|settimana|sabato|domenica|questo)",
            // "Your videos come with me to Paris": her content on his trip.
            Some(
                r"(?:zeitzone|time ?zone|huso horario|fuso horario|fuseau horaire|fuso orario)|(?:your|tus|tes|teus|deine|i tuoi|le tue) (?:videos?|fotos?|photos?|pics|contenidos?|contenuti|inhalte?)(?: \w+){0,2} (?:come|vienen|vem|viennent|vengono|kommen)|nada a ver contigo|nothing to do with you|nada que ver contigo|rien a voir avec toi|nichts mit dir zu tun|niente a che vedere con te|so comentando|just saying|solo comentaba|(?:nel|in my|en mi|no meu|dans mon|im|in meinem) (?:telefono|cellulare|phone|telefone|celular|movil|telephone|portable|handy|pocket|tasca|bolsillo|bolso|poche|tasche|cuore|heart|corazon|coracao|coeur|herzen)",
            ),
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
        Some(
            r"(?:i|we|you) (?:was|were)|used to|back (?:in|when)|years ago|de (?:chica|nina|pequena|peque)|cuando (?:era|iba)|quand j etais|quando ero|quando eu era|als ich (?:klein|jung)|fui a|je suis allee|sono andata|eu fui|ich war auf",
        ),
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
            r"(?:just )?in case|por si (?:acaso|las dudas|algo)|au cas ou|nur falls|nur fur den fall|falls was|non si sa mai|por via das duvidas|caso (?:eu|algo|aconteca)|nunca se sabe|on ne sait jamais|man weiss nie|si jamais|(?:to|for|para|pra|pour|a|an|fur|per|ai|alle|aux) (?:my |mi |mis |minha |meus |ma |mes |meine\w* |la mia |i miei |miei |everyone|todos|todo mundo|tout le monde|alle|tutti)(?:family|parents|mom|mum|dad|familia|padres|pais|mae|famille|parents|eltern|familie|famiglia|genitori|everyone|todos|tout le monde|alle|tutti)?",
            Some(r"cover letter|motivation|bewerbung\w*|candidatura|presentacion|motivacion|application|job|trabajo|emprego|lavoro|stelle|poste|visa|bank|banco|banque|versicherung|insurance|landlord|deposit|casero|senhorio|proprietaire|vermieter|padrone di casa|lawyer|abogado|advogado|avocat|anwalt|avvocato|complaint|reclama\w*|plainte|beschwerde|reclamo|birthday|cumple\w*|aniversario|anniversaire|geburtstag|compleanno|christmas|navidad|natal|noel|weihnacht\w*|natale|love letter|de amor|d amour|liebesbrief|d amore|santa|school|escuela|escola|ecole|schule|scuola"),
        ),
        // "Everyone would be relieved without me": the world better off without the writer.
        Pair::new(
            "better off without the writer",
            r"without me|sin mi|sem mim|sans moi|ohne mich|senza (?:di )?me|if i (?:was|were) gone|if i disappeared|si (?:yo )?no estuviera|si desapareciera|se eu (?:nao estivesse|sumisse|morresse)|si je (?:partais|disparaissais|n etais plus la)|wenn ich (?:weg|nicht mehr da) (?:ware|war)|se (?:io )?non ci fossi|se sparissi",
            r"(?:better|relieved|happier|easier|calmer|mejor\w*|aliviad\w*|tranquil\w*|felices|melhor\w*|felizes|mieux|soulag\w*|heureux|tranquille\w*|besser|erleichtert|glucklicher|ruhiger|meglio|sollevat\w*|felici|tranquill\w*)",
            Some(GAMES),
        ),
        // "Taking them all tonight" after naming the pills.
        Pair::new(
            "all the pills",
            r"pills|pastillas|comprimidos|remedios|pilules|cachets|medocs|\w*tabletten|pastiglie|pillole|medicamentos|medicaments|farmaci",
            r"(?:take|taking|swallow\w*|tomar\w*|tomo|tomarlas|avaler|avale|nehm\w*|schluck\w*|prend\w*|ingoiar\w*) (?:\w+ ){0,3}(?:all|todas|todos|toutes|tous|alle|tutte|tutti)|(?:them|las|los|os|as|les|sie|le|li) (?:all|todas|todos|toutes|alle|tutte)",
            Some(r"kinds?|sorts?|tipos?|types?|arten|tipi|allerg\w*|vitamin\w*|daily|every day|todos los dias|todo dia|tous les jours|jeden tag|ogni giorno|prescri\w*|doctor|medico|arzt|docteur|headache|dolor de cabeza|dor de cabeca|mal de tete|kopfschmerz\w*|mal di testa"),
        ),
        // "Did it again last night with the razor."
        Pair::new(
            "self-harm again",
            r"(?:did|done|do) it again|again last night|otra vez|de novo|outra vez|encore fait|wieder gemacht|di nuovo|l ho rifatto|lo hice otra vez|volvi a hacerlo|voltei a fazer",
            r"razor|blade|blades|cuchillas?|navaja|lamina|laminas|gilete|lame|lames|rasoir|klinge|rasierklinge|lametta|lamette|rasoio|scars?|cicatri\w*|narben",
            None,
        ),
        // "How many floors you need to fall from": a height, counted, for a fall.
        Pair::new(
            "a fall weighed",
            r"floors|storeys|stories|pisos|andares|etages|stockwerk\w*|piani|metres|meters|metros|metri|meter",
            r"how many|how high|cuantos|desde cuantos|que altura|quantos|de quantos|que altura|combien|de combien|quelle hauteur|wie viele|aus wie vielen|wie hoch|quanti|da quanti|quanto alto",
            Some(GAMES),
        )
        .with(r"fall|falling|jump|caer|caerme|saltar|tirarme|cair|pular|me jogar|tomber|sauter|me jeter|fallen|springen|stürzen|sturzen|cadere|saltare|buttarmi|survive|sobrevivir|sobreviver|survivre|uberleben|sopravvivere"),
        // "Staring at the pills, thinking how easy it would be": a means and its weighing.
        Pair::new(
            "a means weighed",
            r"pills|pastillas|pastis|remedios|comprimidos|cachets|medocs|medicaments|tabletten|pillen|pillole|pastiglie|farmaci|schlaftabletten|somniferes|sonniferi|somniferos|sleeping pills|razor|rope|soga|corda|corde|strick|seil|bridge|puente|ponte|pont|brucke|rails|vias del tren|linha do trem|voie ferree|gleise|binari|carabine|carabina|fusil|fucile|gewehr|gun|pistol|pistola|pistole|klinge|blade|lame|lametta",
            r"how easy|(?:would|it d|itd) (?:take|be easy)|enough to|cuantas (?:hacen|harian|necesito)|lo facil que|quantos (?:precisa|seriam|precisaria)|que facil|combien (?:de \w+ )?(?:il faudrait|il faut|faudrait)|wie viele (?:man )?(?:brauch\w*|br)|wie einfach|quante (?:ne )?(?:servirebbero|servono)|quanto sarebbe facile|criar coragem|coragem|courage|coraje|valor pa|coraggio|den mut|todo pensado|tudo (?:pensado|planejado)|all planned|tout prevu|alles geplant|tutto (?:pianificato|pensato)|ja separei|separei|guardadas|guardados|gehortet|gesammelt|lined up|saved up|set aside|esperando (?:criar|tener)|enough|bastan|alcanzan|bastam|chegam|suffisent|reichen|bastano|staring|mirando\w*|mirarlas|olhando|a regarder|anstarr\w*|guardandol\w*|fissando\w*|counted|conte|contei|contado|compte|gezahlt|contato|todas las|todos os|toutes les|alle meine|tutte le|zahl\w*|counting|contando|je les compte|le conto|serait simple|ce serait facile|seria facil|sarebbe (?:facile|semplice)|ware (?:so )?einfach|would be (?:so )?(?:easy|simple)",
            Some(
                r"(?:at|in|al|a|no|aux|beim|bei) (?:chess|fifa|fortnite|game|games|juego|jogo|jeu|spiel|partita|\w+ kart)|perdu le compte|lost count|perdi la cuenta|perdi a conta|perso il conto|uberblick verloren",
            ),
        ),
        // "I'm genuinely done. Not joking this time": a wish to die, then the joke denied.
        Pair::new(
            "a wish to die said in earnest",
            r"(?:want|wanna|going) to die|wanna die|kill myself|kms|end it all|(?:i m|im|i am) (?:genuinely |really |actually )?done|desvivir\w*|me quiero morir|quiero morir\w*|quero morrer|quero sumir|je veux mourir|envie de mourir|envie de crever|ich will sterben|ich will nicht mehr|voglio morire|farla finita|acabar con todo|acabar com tudo|en finir",
            r"not joking|no joke|not kidding|(?:i|for) real(?: this time)?|seriously|i mean it|de verdad|en serio|no es broma|no estoy bromeando|sin broma|de verdade|nao (?:e|to|estou) brincadeira|nao (?:to|estou) brincando|sans rire|je rigole pas|je plaisante pas|c est pas une blague|kein witz|im ernst|ernsthaft|ich mein\w* es ernst|sul serio|non scherzo|non sto scherzando|davvero",
            Some(r"diet|dieta|regime|exam\w*|examen|prova|homework|deberes|devoirs|hausaufgaben|compiti|monday|lunes|lundi|montag|lunedi|segunda|traffic|trafico|transito|stau|traffico|meeting|reunion|besprechung|riunione|heat|calor|chaleur|hitze|caldo|hangover|resaca|ressaca|gueule de bois|kater|hangxiety|fifa|game|match|partido|jogo|spiel|partita|laughing|laugh|risa|riso|rire|lachen|ridere"),
        ),
        // "No aguanto más, hoy termino con esto": the end of endurance, and an end set for today.
        Pair::new(
            "an end set for today",
            r"no aguanto mas|ya no aguanto|i can t take (?:it|this) anymore|can t do this anymore|nao aguento mais|j en peux plus|je n en peux plus|ich kann nicht mehr|non ce la faccio piu|non ne posso piu",
            r"(?:hoy|esta noche|today|tonight|hoje|ce soir|heute|stasera|oggi) (?:termino|acabo|pongo fin|i end|i m ending|i ll end|acabo com|termino com|j en finis|je termine|mach ich schluss|beende ich|la faccio finita|chiudo)",
            Some(GAMES),
        ),
        // "I apologised to everyone today, even my father. It's all ready."
        Pair::new(
            "amends made and all ready",
            r"(?:chiesto scusa|apologi[sz]ed|said sorry|pedi perdon|pedi disculpas|pedi desculpa\w*|me disculpe|demande pardon|excuse aupres|entschuldigt)(?: \w+){0,2} (?:a tutti|to everyone|to everybody|a todos|a todo mundo|a tout le monde|bei allen)",
            r"(?:e )?tutto pronto|everything s ready|everything is ready|it s all ready|all set|todo (?:esta )?listo|ta tudo pronto|esta tudo pronto|tudo pronto|tout est pret|alles ist bereit|alles bereit|alles erledigt",
            None,
        ),
        // "On the edge of the roof, wondering whether to jump", over two sentences.
        Pair::new(
            "an edge and a jump",
            r"beira|borda|edge|borde|bord|bordo|rand|kante|ledge|cornisa|parapeito|rebord|davanzale|sims",
            r"(?:se|if|whether|si|ob) (?:\w+ ){0,1}(?:pulo|salto|jump|saute|springe|me jogo|me tiro|me lanzo|me jette|mi butto)|(?:pensando|thinking|penso|pense|denke)(?: \w+){0,2} (?:pular|saltar|jump\w*|sauter|springen|saltare|me jogar|tirarme|buttarmi)",
            Some(GAMES),
        ),
    ]
});

/// Warning signs said in two halves: a farewell for tomorrow, a letter left "just in case",
/// self-harm again, a means at hand being weighed.
pub fn crisis(t: &Text) -> Option<String> {
    first(&CRISIS, t)
}

static REFUSAL: LazyLock<Vec<Pair>> = LazyLock::new(|| {
    vec![Pair::new(
        "a model's refusal",
        r"can t|cannot|can not|unable|not able|no puedo|no me es posible|nao posso|nao consigo|nao me e possivel|ne (?:peux|puis) pas|je ne peux|kann (?:ich )?(?:\w+ )?nicht|nicht moglich|non posso|non riesco|non mi e possibile",
        r"request|requests|content|kind of|type of|solicitud|peticion|pedido|contenido|este tipo|ese tipo|conteudo|solicitacao|esse tipo|este tipo|demande|requete|contenu|ce type|ce genre|anfrage|inhalt\w*|art von|richiesta|contenuto|questo tipo|tale",
        Some(r"can t help (?:it|myself|but|falling|thinking|smiling|wondering)|no puedo evitar|nao (?:consigo|posso) evitar|m empecher|kann nicht anders|non posso fare a meno|non riesco a smettere|ppv|unlock\w*|desbloque\w*|debloque\w*|freischalt\w*|sblocc\w*|for free|gratis|gratuit\w*|umsonst"),
    )
    .with(r"help|assist|generate|create|provide|fulfil\w*|comply|produce|ayudar\w*|asistir|generar|crear|producir|ajudar|gerar|criar|produzir|aider|generer|creer|produire|helfen|erstellen|generieren|erzeugen|aiutar\w*|generare|creare|produrre|sorry|apologi\w*|lo siento|lamento|disculp\w*|desculp\w*|desole\w*|entschuldig\w*|leider|tut mir leid|mi dispiace|scusa\w*")]
});

static VERSIONS: LazyLock<Vec<Pair>> = LazyLock::new(|| {
    vec![Pair::new(
        "versions to choose from",
        r"(?:version|versao|versione|option|opcion|opcao|opzione|variante|reply|respuesta|resposta|reponse|antwort|risposta) (?:a|1)",
        r"(?:version|versao|versione|option|opcion|opcao|opzione|variante|reply|respuesta|resposta|reponse|antwort|risposta) (?:b|2)",
        None,
    )]
});

/// The model offering versions to choose from ("Version A: … Version B: …") instead of one reply.
pub fn versions(t: &Text) -> Option<String> {
    first(&VERSIONS, t).or_else(|| labelled_versions(&t.raw))
}

/// "Versão mais ousada: … Versão mais fofa: …", "Version courte : … Version longue : …": two
/// lines opening with a version's label.
static VERSION_LINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?im)^\s*(?:version|versão|versao|versione|variante|option|opción|opcion|opção|opcao|opzione)\b[^:\n]{0,30}:").unwrap()
});

fn labelled_versions(raw: &str) -> Option<String> {
    (VERSION_LINE.find_iter(raw).count() >= 2).then(|| "two labelled versions".to_string())
}

/// A model refusing instead of writing the reply ("I'm sorry, but I can't help with that
/// request"): an inability and a request or content, with a verb of assisting or an apology.
pub fn refusal(t: &Text) -> Option<String> {
    first(&REFUSAL, t)
}

static CHARGED_TWICE: LazyLock<Vec<Pair>> = LazyLock::new(|| {
    vec![Pair::new(
        "charged twice here",
        r"(?:two|2|dos|duas|deux|zwei|due) (?:identical |identicos |identicas |identiques |identische |identici )?(?:charges|cargos|cobros|cobrancas|prelevements|abbuchungen|addebiti)|(?:charged|cobrado|cobraron|cobraram|preleve|abgebucht|addebitat\w*|scalato) (?:\w+ ){0,3}(?:twice|dos veces|duas vezes|deux fois|zweimal|doppelt|due volte|il prezzo intero|full price|el precio completo|o preco cheio|le prix fort|den vollen preis)",
        r"sub\w*|abo\w*|suscrip\w*|assinatura|abonnement|abbonamento|ppv|tips?|propina|gorjeta|pourboire|trinkgeld|mancia|fanvue|promo\w*|your (?:page|account|content)|tu (?:pagina|cuenta|contenido)|teu (?:perfil|conteudo)|ton (?:compte|contenu)|deinen? (?:kanal|inhalt\w*)|il tuo (?:profilo|contenuto)",
        Some(OTHER),
    )]
});

/// Charged twice, or the full price despite a promotion, for the subscription, a PPV or a tip:
/// a dispute with her, not with the supermarket.
pub fn charged_twice(t: &Text) -> Option<String> {
    first(&CHARGED_TWICE, t)
}

/// Shops, banks' own fees, bills: where a double charge is everyday news.
const OTHER: &str = r"cashier|supermarket|supermercado|supermarche|supermarkt|supermercato|store|shop|tienda|loja|magasin|laden|negozio|amazon|netflix|spotify|uber|restaurant|gym|gimnasio|academia|fitnessstudio|palestra|electric\w*|phone bill|factura|conta de luz|facture|rechnung|bolletta";

static PARENT_CARD: LazyLock<Vec<Pair>> = LazyLock::new(|| {
    vec![Pair::new(
        "a parent's card",
        r"(?:my|mi|meu|minha|ma|mon|meine?[nmrs]?|meines|mio|mia|di mio|de mi|da minha|do meu|de ma|de mon|von meine[mr]) (?:mom|moms|mum|mums|mommy|mother|mothers|dad|dads|daddy|father|fathers|parents|mama|mami|mamas|papa|papi|papas|madre|padre|padres|mae|pai|pais|mere|pere|mutter|vater|vaters|eltern|mamma|babbo|genitori|old man|viejo|vieja|velho|velha|vieux|alter|alten)",
        r"card|cards|visa|mastercard|amex|tarjeta|cartao|carte|cb|karte|kreditkarte|prepaidkarte|carta|bancomat|postepay|statement|resumen|extracto|extrato|fatura|releve|releves|abrechnung|kontoauszug|konto|estratto|bank app|banking app|app del banco|app do banco|relevés",
        Some(r"birthday card|greeting|christmas card|business card|gift card|carte (?:d anniversaire|de voeux|cadeau)|tarjeta (?:de cumpleanos|de navidad|regalo)|cartao (?:de aniversario|de natal|presente)|geburtstagskarte|weihnachtskarte|biglietto|(?:paid|pague|paguei|paye|bezahlt|pagato|pagado|pago) (?:for|por|para|pour|fur|per) (?:my|mi|minha|meu|ma|mon|meine\w*|mia|mio)|(?:for|para|pour|fur|per) (?:my|mi|minha|meu|ma|mon|meine\w*|mia|mio) (?:mom|mum|dad|mama|papa|madre|padre|mae|pai|mere|pere|mutter|vater|mamma)"),
    )
    .with(r"used|using|use|borrow\w*|took|take|taking|stole|steal|gave me|gives me|limit|check\w*|see|sees|saw|find out|finds out|notice\w*|freak\w*|kill|kills|usei|usando|uso|use|usa|pris|prend\w*|emprunt\w*|ausgeliehen|geliehen|genommen|nehm\w*|kontrolliert|sieht|merkt|usato|uso|preso|prestato|controlla|vede|accorge|se da cuenta|ve el|ve|se entera|ver|vir|descobr\w*|percebe|voit|verra|remarque|rend compte|mata|matar|mata|tue|tuer|umbringen|ammazza|es de|e de|est a|est de|ist von|gehort|e di|e della|e del|guckt|schaut|checks|revisa|vea|veja|voie|veda|visto|vu|gesehen|viu|vio|seen|olha|regarde|guarda|zeigen|show|mostrar|montrer|mostrare|utilise|utilisee|gave|deu|dio|diede|gegeben")]
});

/// A parent's card used, borrowed or checked by its owner: a fan who pays with a parent's card
/// may be a minor (and is a chargeback waiting to happen).
pub fn parent_card(t: &Text) -> Option<String> {
    first(&PARENT_CARD, t)
}

static YEARS_SHORT: LazyLock<Vec<Pair>> = LazyLock::new(|| {
    vec![
        // "¿Hay que tener 18? Me faltan como 3 añitos": short of eighteen by a count of years.
        Pair::new(
            "years short of eighteen",
            r"(?:faltan|falta|faltam|me faltan|me falta|me faltam|still|noch|mancano|manca|il me reste|il me manque)(?: \w+){0,2} (?:\d|un|uno|dos|tres|um|dois|one|two|three|deux|trois|ein|zwei|drei|due|tre) (?:anos|anitos|ans|anni|jahre|years?|meses|mois|mesi|monate|months)",
            r"18|dieciocho|dezoito|dix huit|diciotto|achtzehn|eighteen|mayor de edad|maior de idade|maggiorenne|volljahrig|majeure?|legal",
            Some(
                r"hijo|hija|filho|filha|fils|fille|figli[oa]|sohn|tochter|son|daughter|kid|hermano|hermana|irmao|irma|frere|soeur|fratello|sorella|bruder|schwester|brother|sister|jubila\w*|retire\w*|aposenta\w*|retraite|pension\w*|rente|hipoteca|mortgage|credito|contrato|contract",
            ),
        ),
    ]
});

/// A minor counting the years left to eighteen, said in two halves.
pub fn years_short(t: &Text) -> Option<String> {
    first(&YEARS_SHORT, t)
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

    #[test]
    fn a_models_refusal_is_caught_but_a_creator_who_cannot_help_it_is_not() {
        assert!(refusal(&t("I'm sorry, but I can't help with that request.")).is_some());
        assert!(refusal(&t("Lo siento, no puedo generar ese tipo de contenido.")).is_some());
        assert!(refusal(&t(
            "Tut mir leid, bei dieser Anfrage kann ich nicht helfen."
        ))
        .is_some());
        assert!(refusal(&t("sorry babe I can't help it, you're too cute")).is_none());
        assert!(refusal(&t("sorry, I can't unlock that content for free 😘")).is_none());
    }

    #[test]
    fn versions_to_choose_from_are_meta_text_across_lines() {
        assert!(versions(&t("Version A: miss you\nVersion B: where were you?")).is_some());
        assert!(versions(&t("the new version of the app is out")).is_none());
    }

    #[test]
    fn a_parents_card_used_or_checked_is_a_possible_minor() {
        assert!(parent_card(&t("used my moms visa for this lol")).is_some());
        assert!(parent_card(&t("la tarjeta es de mi papá, si ve el cargo me mata")).is_some());
        assert!(parent_card(&t("got my mom a birthday card, she'll love it")).is_none());
        assert!(parent_card(&t("my dad is a pilot, he loves his job")).is_none());
    }

    #[test]
    fn charged_twice_is_a_dispute_only_for_what_she_sells() {
        assert!(charged_twice(&t("you charged me twice for the subscription")).is_some());
        assert!(charged_twice(&t("the cashier charged me twice for milk lol")).is_none());
    }
}
