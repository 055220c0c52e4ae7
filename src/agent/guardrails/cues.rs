//! Concept cues: each class (crisis, threat, a child's life) is a few groups of everyday words in
//! the six languages, and a message belongs to the class when it draws on enough distinct groups
//! at once. "For good" alone is a figure of speech and "hurting" alone is a bad day; "I want it
//! all to stop hurting for good" draws on finality and pain together. The groups are concepts,
//! not sentences, so new wordings of the same thought still meet in them.

use super::text::Text;
use regex::Regex;
use std::sync::LazyLock;

/// One class: named groups of cue words, how many distinct groups must meet (one of them an
/// anchor: the group that carries the class), and a veto.
struct Concept {
    groups: Vec<(&'static str, Regex)>,
    anchors: &'static [&'static str],
    need: usize,
    unless: Regex,
}

impl Concept {
    fn new(
        groups: &[(&'static str, &str)],
        anchors: &'static [&'static str],
        need: usize,
        unless: &str,
    ) -> Concept {
        let w = |p: &str| super::ascii_regex(&format!(r"\b(?:{p})\b"));
        Concept {
            groups: groups.iter().map(|(n, p)| (*n, w(p))).collect(),
            anchors,
            need,
            unless: w(unless),
        }
    }

    /// Every group met anywhere in the message, and "veto" when the veto is, whether or not they
    /// make the class: the statistical layer weighs them as language-free features.
    fn groups_met(&self, class: &str, t: &Text, out: &mut Vec<String>) {
        let first = t.words.first().map(String::as_str).unwrap_or_default();
        for (name, re) in &self.groups {
            if re.is_match(first) {
                out.push(format!("{class}:{name}"));
            }
        }
        if self.unless.is_match(first) {
            out.push(format!("{class}:veto"));
        }
    }

    /// The groups met in one word view of the message, if enough of them.
    fn met(&self, t: &Text) -> Option<String> {
        t.words.iter().find_map(|w| {
            if self.unless.is_match(w) {
                return None;
            }
            let hits: Vec<(&str, &str)> = self
                .groups
                .iter()
                .filter_map(|(name, re)| re.find(w).map(|m| (*name, m.as_str())))
                .collect();
            let anchored = hits.iter().any(|(n, _)| self.anchors.contains(n));
            (anchored && hits.len() >= self.need).then(|| {
                let parts: Vec<String> = hits.iter().map(|(n, m)| format!("{n} \"{m}\"")).collect();
                parts.join(" + ")
            })
        })
    }
}

/// Laughter, games and cravings: "dying laughing", "I'd die for a pizza".
const JOKING: &str = r"laugh\w*|lmao|lmfao|hahaha\w*|jajaja\w*|kkkk\w*|mdr|ptdr|ahahah\w*|risa|rir|rire|lachen|lach|ridere|(?:die|muero|morrendo|meurs|sterbe|muoio) (?:for|por|de|pour|fur|per) (?:a |una |um |un |une |ein |eine )?(?:pizza|burger|coffee|cafe|beer|taco\w*|kebab|doner|coxinha|carbonara)";

static CRISIS: LazyLock<Concept> = LazyLock::new(|| {
    Concept::new(
        &[
            (
                "finality",
                r"for good|never again|one last time|last message|this is goodbye|goodbye forever|(?:this is|esta es|essa e|esta e|c est|das ist|questa e) (?:\w+ ){0,2}(?:the )?(?:last time|ultima vez|derniere fois|letzte mal|ultima volta)|para siempre|pra sempre|para sempre|pour de bon|pour toujours|fur immer|endgultig|per sempre|una volta per tutte|de una vez por todas|de vez por todas|une bonne fois pour toutes|ultimo mensaje|ultima mensagem|dernier message|letzte nachricht|ultimo messaggio|adios para siempre|adeus pra sempre|adieu pour toujours|addio per sempre",
            ),
            (
                "death",
                r"(?:to|wanna|want to|gonna|going to|i ll|ill|i will|i could|let me|just) die|death|funeral|my grave|suicid\w*|overdose|end it|end my life|morir|morirme|muerte|morrer|mourir|sterben|morire|(?:my|mi|meu|mon|mes|mein\w*|mio) (?:funeral|entierro|velorio|enterro|enterrement|obseques|beerdigung|funerale|grave|tumba|tumulo|tombe|grab|tomba)|(?:everything|it all|todo|tudo|tout|alles|tutto) (?:\w+ ){0,2}(?:stop|deje|pare|arrete|aufhort|smetta) (?:\w+ ){0,2}(?:hurting|de doler|de doer|de faire mal|weh zu tun|di fare male)",
            ),
            (
                "pain",
                r"hurt|hurting|pain|burden|hopeless|worthless|nobody (?:cares|would|will|even)|no one (?:cares|would|will|even)|can t (?:take|do) (?:it|this) anymore|tired of (?:everything|life|it all|living)|doler|duele|dolor|una carga|sin esperanza|nadie (?:me|se|vendria|notaria|va a)|ni siquiera vendria nadie|no puedo mas|harto de todo|harta de todo|doer|doi|dor|um peso|ninguem (?:liga|ia|vai)|nao aguento|cansad[oa] de tudo|faire mal|douleur|fardeau|personne (?:ne|viendrait)|j en peux plus|marre de tout|weh (?:zu )?tun|schmerz\w*|eine last|keiner (?:wurde|kommt|vermisst)|niemand (?:wurde|kommt|vermisst)|halt es nicht|kann nicht mehr|fare male|dolore|un peso|nessuno (?:verrebbe|se ne|mi)|verrebbe nessuno|keiner kommen|nadie vendria|ninguem ia|personne viendrait|non ce la faccio|stanc[oa] di tutto|done(?: \|)? with (?:everything|it all|life)|no puedo mas con nada|cansei de tudo|(?:j en ai )?fini avec tout|fertig mit allem|chiuso con tutto",
            ),
            (
                "farewell",
                r"if (?:something|anything) (?:happens|were to happen) to me|si me pasa algo|se (?:me )?acontecer (?:algo|alguma coisa) comigo|s il m arrive (?:quelque chose|qqch)|falls mir (?:was|etwas) passiert|se mi succede qualcosa|deleted (?:all )?(?:my )?(?:socials|accounts|instagram|tiktok)|borre (?:todas )?mis redes|apaguei (?:todas )?(?:as )?minhas redes|supprime (?:tous )?mes (?:reseaux|comptes)|(?:accounts|profile) geloscht|cancellato (?:tutti )?i (?:miei )?social|saying (?:bye|goodbye)|me estoy despidiendo|despidiendome|(?:to|estou) me despedindo|je dis au revoir|verabschiede mich|sto salutando|gave away my|regale mis|dei as minhas|j ai donne mes|meine sachen verschenkt|ho regalato le mie",
            ),
            (
                "the hour",
                r"tonight s the night|tonight is the night|it (?:all )?ends tonight|se acaba todo|esta noche (?:se )?acaba|hoje (?:a noite )?acaba|acaba (?:tudo )?hoje|c est le soir|ce soir c est fini|heute nacht ist es soweit|ist es soweit|stanotte e la notte|finisce stanotte",
            ),
            (
                "who matters",
                r"people (?:that|who) matter|everyone i love|gente que importa|pessoas que importam|gens qui comptent|leuten die mir wichtig|persone che contano|my last (?:weeks|days|months)|mis ultim[oa]s (?:semanas|dias|meses)|minhas ultimas semanas|meus ultimos (?:dias|meses)|mes derniers (?:jours|mois)|mes dernieres semaines|meine letzten (?:wochen|tage|monate)|le mie ultime settimane|i miei ultimi (?:giorni|mesi)|thanks? (?:you )?for everything|to say thanks|gracias por todo|darte las gracias|obrigad[oa] por tudo|te agradecer|merci pour tout|te dire merci|danke fur alles|danke zu sagen|grazie (?:di|per) tutto|ringraziarti",
            ),
        ],
        &["death", "farewell", "the hour"],
        2,
        JOKING,
    )
});

/// Hopelessness, death and farewell cues meeting in one message.
pub fn crisis(t: &Text) -> Option<String> {
    CRISIS.met(t)
}

static THREAT: LazyLock<Concept> = LazyLock::new(|| {
    Concept::new(
        &[
            (
                "exposure",
                r"(?:upload\w*|leak\w*|expose|publish\w*|filtrar|filtro|difundir|difundo|vazar|vazo|divulgar|divulgo|espalhar|espalho|balancer|balance|diffuser|diffuse|hochlad\w*|hochzuladen|leaken|verbreit\w*|veroffentlich\w*|pubblicar\w*|diffonder\w*|diffondo)(?: \w+){0,3} (?:your|ur|tu|tus|teu|tua|tuas|teus|tes|ta|ton|deine\w*|la tua|le tue|i tuoi)|(?:ready|lista|listo|pronta|pronto|pret|prete|bereit|pront[ao]) (?:to|para|pra|a|pour|zum|da) (?:upload|post|leak|subir|publicar|postar|publier|poster|etre poste|hochladen|posten|caricare|pubblicare)|would (?:love|like) to know|les encantaria saber|iam adorar saber|adorariam saber|adoreraient savoir|aimeraient savoir|wurden (?:gern|gerne) wissen|piacerebbe sapere|finds? out|se entera\w*|fica sabendo|au courant|erfahrt|erfahren es|viene a sapere|sapra|lo sapranno",
            ),
            (
                "leverage",
                r"if (?:you|u) (?:don t|dont|do not|keep|block|ignore|stop|won t)|unless|or else|keep it up|keep (?:ignoring|ghosting)|si no (?:empiezas|me|contestas)|sigue asi|si sigues|se (?:nao|voce nao|tu nao)|continua assim|si tu (?:ne )?(?:deviens|reponds|continues)|continue comme ca|sinon|wenn du (?:nicht|weiter)|mach so weiter|sonst|se non (?:diventi|rispondi)|continua cosi|altrimenti",
            ),
            (
                "her life",
                r"neighbou?rs|vecinos|vizinhos|voisins|nachbarn|vicini|(?:your|ur|tus|tu|teus|dos teus|tes|de tes|deiner|dei tuoi) (?:kids|children|hijos|filhos|gosses|enfants|kinder|figli)|(?:your|ur|tu|teu|ton|ta|deine\w*|il tuo|la tua) (?:kids|school|work|job|boss|family|husband|trabajo|jefe|familia|marido|trabalho|chefe|familia|taf|travail|patron|famille|mari|arbeit|chef|familie|mann|lavoro|capo|famiglia|marito)|(?:school|colegio|escola|ecole|schule|scuola) (?:of your|de tus|dos teus|de tes|deiner|dei tuoi)|what you do for (?:money|a living)|de que vives|do que (?:voce|tu) vive|comment tu gagnes ta vie|womit du dein geld|come ti guadagni",
            ),
        ],
        &["exposure"],
        2,
        r"(?:at|in|al|a|no|aux|beim|bei) (?:chess|fifa|fortnite|game|games|juego|jogo|jeu|spiel|partita|\w+ kart)",
    )
});

/// Exposure, leverage and her private life meeting in one message.
pub fn threat(t: &Text) -> Option<String> {
    THREAT.met(t)
}

static CHILDHOOD: LazyLock<Concept> = LazyLock::new(|| {
    Concept::new(
        &[
            (
                "a parent's rules",
                r"lights out (?:at|by)|(?:i m|im|i am|got|get) grounded|(?:mom|mum|dad|parents) (?:won t|doesn t|dont|don t|wont|doesnt) let me|ask my (?:mom|mum|dad|parents) (?:before|if i can|first)|(?:estoy|ando|me dejaron) castigad[oa]|(?:mi )?(?:mama|papa|madre|padre|padres) no me deja\w*|preguntarle a mi (?:mama|papa|madre|padre) antes|(?:estou|to|fiquei) de castigo|(?:minha )?(?:mae|pai|pais) (?:nao me deixa\w*|manda apagar)|pedir (?:pra|para|a) (?:minha mae|meu pai) antes|(?:mom|mum|mama|mamma|mae|mere|maman|mutter|papa|dad|eltern|parents) (?:says|sagt|dice|diz|dit)(?: \w+){0,3} (?:lights out|licht aus|apagar|apague|eteindre|spegnere)|(?:veut|dit) que j eteigne|prive de (?:sortie|tel|portable)|(?:ma mere|mon pere|mes parents) (?:me laisse\w* pas|veut pas que je)|demande\w* a (?:ma mere|mon pere|mes parents) avant|hausarrest|handyverbot|(?:mama|papa|mutter|vater|eltern) (?:lasst|lassen|erlaubt|erlauben) (?:mich|mir|es) (?:nicht|nie)|(?:meine )?(?:mama|papa|eltern) fragen bevor|in punizione|(?:mia )?(?:mamma|madre|padre) non mi (?:lascia|fa)|chiedere a (?:mia )?(?:mamma|madre|papa) prima|(?:mom|mum|mama|mamma|madre|mae|mere|mutter|maman)(?: \w+){0,3} (?:spegne|apaga|eteint|turns off|macht)(?: \w+)? (?:la luce|la luz|a luz|la lumiere|the lights?|das licht)",
            ),
            (
                "school today",
                r"(?:teacher|profe|prof|lehrerin|lehrer|professora|professeur|maestra)(?: \w+){0,5} (?:caught|catch|pillo|pilla|pegou|pega|chope\w*|choper|erwischt|beccava|beccato)|(?:was|estaba|tava|estava|etais|war|ero) (?:in |en |na aula de |a |en cours de )?(?:english|math\w*|science|history|spanish|french|lengua|mate\w*|mat|ingles|historia|ciencias|portugues|francais|maths|anglais|histoire|deutsch|mathe|englisch|geschichte|bio|italiano|matematica|inglese|storia|latino|latin|algebra|physics|fisica|physique|physik|chemistry|quimica|chimie|chemie|chimica)|recess|detention|recreo|recreio|ricreazione|(?:sub|substitute|suplente|substitut[oa]|professor substituto|remplacant|vertretung|supplente)(?: \w+){0,2} (?:in |en |de |di |of )?(?:english|math\w*|science|history|spanish|french|lengua|mate\w*|ingles|historia|ciencias|portugues|francais|maths|anglais|histoire|deutsch|mathe|englisch|geschichte|bio|italiano|matematica|inglese|storia|latino|latin)|(?:gave us|nos (?:mando|dio|puso)|passou|nous a donne|hat uns|ci ha dato)(?: \w+){0,4} (?:homework|deberes|tarea|dever|licao|devoirs|hausaufgaben|compiti)",
            ),
            (
                "a child's things",
                r"first phone|my braces|trampoline park|my allowance|my pocket money|primer (?:celular|movil|telefono)|parque de trampolines|mi mesada|primeiro celular|parque de trampolim|minha mesada|premier (?:portable|telephone|tel)|mon argent de poche|erstes handy|trampolinhalle|mein taschengeld|primo (?:telefono|cellulare)|parco trampolini|la mia paghetta",
            ),
        ],
        &["a parent's rules", "school today", "a child's things"],
        1,
        r"(?:my|mi|mis|meu|minha|meus|mon|ma|mes|mein\w*|il mio|la mia|i miei|our|nuestr[oa]s?|nosso|nossa|notre|unser\w*|nostr[oa]) (?:son|daughter|kid|kids|child|children|hij[oa]s?|filh[oa]s?|fils|fille|enfants?|sohn|tochter|kind|kinder|figli[oa]?|students?|alumn[oa]s|alunos|eleves|schuler|studenti|alunni)|(?:my|mi|mis|meu|minha|meus|mon|ma|mes|mein\w*|il mio|la mia|mio|mia|our|nuestr[oa]|nosso|nossa|notre|unser\w*) (?:nephew|niece|cousin|godson|goddaughter|godchild|little brother|little sister|sobrin[oa]|ahijad[oa]|prim[oa]|hermanit[oa]|afilhad[oa]|sobrinh[oa]|irmaozinho|irmazinha|filleul\w*|neveu|niece|petit frere|petite soeur|patenkind|neffe|nichte|kleiner bruder|kleine schwester|figlioccio|nipote|fratellino|sorellina|cugin[oa])|i teach|teaching|soy profe|sou professor|je suis prof|ich bin lehrer|sono (?:un )?insegnante|as a (?:teacher|parent|mom|dad)|back in the day|back then|in school back|cuando era (?:chico|chica|nino|nina|pequeno|pequena|peque)|when i was (?:a kid|little|young|small)|quand j etais (?:petit|petite|gamin|gamine)|quando ero (?:piccolo|piccola|bambino|bambina)|quando eu era (?:pequeno|pequena|crianca)|als ich (?:klein|ein kind) war|fav(?:ourite|orite)? subject|materia preferida|matiere preferee|lieblingsfach|materia preferita|(?:i m|im|i am) a (?:teacher|parent|mom|dad)|dentist|orthodont\w*",
    )
});

/// A child's life said in passing: a parent's rules, school today, a child's things.
pub fn childhood(t: &Text) -> Option<String> {
    CHILDHOOD.met(t)
}

/// The concept groups a message draws on, as `class:group` names (for the statistical layer).
pub fn concept_groups(t: &Text) -> Vec<String> {
    let mut out = Vec::new();
    CRISIS.groups_met("crisis", t, &mut out);
    THREAT.groups_met("threat", t, &mut out);
    CHILDHOOD.groups_met("childhood", t, &mut out);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn t(s: &str) -> Text {
        Text::new(s)
    }

    #[test]
    fn one_group_alone_is_a_figure_of_speech() {
        assert!(crisis(&t("this headache is killing me, pain everywhere")).is_none());
        assert!(crisis(&t("the pain in my back will last for good")).is_none());
        assert!(crisis(&t("I just want it all to stop hurting for good")).is_some());
        assert!(threat(&t("if you don't post more I'll cry")).is_none());
        assert!(threat(&t("keep it up and your boss finds out")).is_some());
    }

    #[test]
    fn a_child_is_heard_in_a_parents_rules_but_not_in_a_parents_own_words() {
        assert!(childhood(&t("gotta go, lights out at 10 on weeknights")).is_some());
        assert!(childhood(&t("my son has so much homework tonight")).is_none());
    }
}
