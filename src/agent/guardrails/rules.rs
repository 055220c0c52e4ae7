//! The rule table: one entry per rule and language (name, scope, action, languages, phrases or a
//! detector). Phrases are regex fragments matched as whole words over the normalised word views
//! (lowercase, no diacritics, apostrophes and hyphens as spaces), one sentence at a time; `unless`
//! patterns veto a match in the same sentence. Adding a rule is adding one entry here.

use super::combos as c;
use super::cues;
use super::detectors as d;
use super::text::Text;
use super::Action;

/// Whether a rule reads the fan's message or our draft.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Scope {
    Input,
    Draft,
}

/// How a rule finds its case.
pub enum Detect {
    /// Any of `any` in a sentence where none of `unless` matches.
    Phrases {
        any: &'static [&'static str],
        unless: &'static [&'static str],
    },
    /// A structural detector; returns what it saw.
    Detector(fn(&Text) -> Option<String>),
}

/// One entry of the table.
pub struct Rule {
    pub name: &'static str,
    pub scope: Scope,
    pub action: Action,
    /// The languages the phrases are written in (documentation and reports; every rule runs on
    /// every message, since fans mix languages).
    pub langs: &'static [&'static str],
    pub detect: Detect,
}

const ALL: &[&str] = &["en", "es", "pt", "fr", "de", "it"];
use Action::{Block, Escalate, Flag};
use Scope::{Draft, Input};

const fn phrases(
    name: &'static str,
    scope: Scope,
    action: Action,
    langs: &'static [&'static str],
    any: &'static [&'static str],
    unless: &'static [&'static str],
) -> Rule {
    Rule {
        name,
        scope,
        action,
        langs,
        detect: Detect::Phrases { any, unless },
    }
}

const fn detector(
    name: &'static str,
    scope: Scope,
    action: Action,
    f: fn(&Text) -> Option<String>,
) -> Rule {
    Rule {
        name,
        scope,
        action,
        langs: ALL,
        detect: Detect::Detector(f),
    }
}

/// Games and sport: "I'll destroy you at chess" is banter however it is said.
const GAMES: &str = r"(at|in|al|a|no|aux|beim|bei) (chess|checkers|fifa|cod|fortnite|pool|poker|tennis|golf|cards|uno|scrabble|monopoly|ajedrez|xadrez|echecs|schach|scacchi|game|games|juego|jogo|jeu|spiel|partita|karaoke|trivia|ping pong|mario kart|\w+ kart)";

/// Jokes and hyperbole that share words with crises and threats.
const HYPERBOLE: &[&str] = &[
    r"\b(ti ammazzo|te mato|je te tue|ich bring dich um|i ll kill you|te voy a matar|vou te matar|je vais te tuer)( \w+){0,1} (di|de|a|with|mit) (complimenti|besos|beijos|bisous|kussen|kisses|baci|coccole|abbracci|abrazos|abracos|calins|compliments|cumplidos|elogios)\b",
    r"\b(sumir|desaparecer|disappear|disparaitre|verschwinden|sparire)( \w+){0,1} (dessa|desta|de esta|from this|de cette|aus diesem|aus dieser|da questa) (reuniao|reunion|meeting|aula|clase|class|fila|cola|queue|festa|party|conversa|conversation)\b",
    r"\b(spreadsheet|spreadsheets|planilha|hoja de calculo|tableur|excel|foglio di calcolo)\b",
    GAMES,
    r"lmao",
    r"haha\w*",
    r"jaja\w*",
    r"kkk+",
    r"mdr+",
    r"ptdr+",
    r"lol+",
    r"xd",
    r"at (chess|mario kart|fifa|cod|pool|poker|\w+ kart)",
    r"(killing|kill) me with",
    r"die (for|of) (that|this|laughter|laughing)",
    r"dying (of|from) laughter",
    r"(die|dying|died) laughing|morir de (la )?risa|morrer de rir|mourir de rire|sterben vor lachen|morire dal ridere",
    r"matar a saudade|mata(r)? (a )?saudade",
    // A thing that "wants to kill me": the alarm clock, the boss, the heat.
    r"(wecker|alarm|chef|boss|arbeit|job|hitze|katze|hund|kater|schule|mathe|bauch|magen|kopf|rucken|nachbar\w*|wetter|montag|diat|training|muskelkater)( \w+){0,2} (will|wollen|bringt|bringen) mich (noch )?um(bringen)?",
    // The gym, quitting a habit, a team that lost, a cut while shaving or cooking.
    r"(al gym|al gimnasio|no gym|to the gym|back to the gym|ins gym|alla palestra|a la salle|at the gym|en el gym|en el gimnasio|na academia|in palestra|im gym|im fitnessstudio|leg day|jour des jambes|dia de pierna|dia de perna|beintag)",
    r"(finita|finir|en finir|acabar|acabo|terminar|schluss|done|quit\w*)( \w+){0,2} (con|avec|with|mit|com) (le |il |la |les |el |the |o |a |den |dem |der )?(sigarett\w*|cigarett\w*|cigarros?|tabac|clope\w*|fumar|smoking|rauchen|zigarett\w*|alcol\w*|alcohol|alkohol|booze|zucchero|sugar|azucar|acucar|sucre|zucker|dieta|diet|regime|carboidrati|ex|mi ex|il mio ex|mon ex|meu ex|meinem ex)",
    r"(time|equipo|equipe|team|squadra|mannschaft|verein|club|flamengo|corinthians|palmeiras|santos|gremio|vasco|botafogo|cruzeiro|barca|madrid|atleti|betis|sevilla|valencia|juve|inter|milan|roma|lazio|napoli|fiorentina|torino|bayern|dortmund|schalke|hsv|werder|koln|gladbach|leverkusen|hertha|psg|om|ol|lens|benfica|porto|sporting|boca|river|eagles|lakers)( \w+){0,4} (perdeu|perdio|perdi|perdimos|lost|loses|losing|verloren|verliert|perso|perde|a perdu|perdu|tomou)",
    r"(tagliat[oa]|cut myself|me corte|me cortei|je me suis coupee?|hab mich geschnitten)( \w+){0,4} (capelli|hair|pelo|cabelo|cheveux|haare|frangia|fringe|flequillo|franja|barba|shaving|beard|afeitar\w*|barbear|rasant|rasier\w*|coltello del pane|cucin\w*|cooking|cocinando|cozinhando|cuisin\w*|kochen|sugo|dito|finger|dedo|doigt|cipolla|onion|cebolla|oignon|zwiebel|carta|paper|papel|papier)|niente di grave|nothing serious|nada grave|rien de grave|nichts schlimmes",
    r"(where you live|donde vives|onde (voce |tu )?mora\w*|ou tu (vis|habites)|wo du wohnst|dove (vivi|abiti))( \w+){0,2} (in my (heart|head|mind)|en mi (corazon|cabeza|mente)|no meu (coracao|pensamento)|na minha cabeca|dans (ma tete|mon coeur)|in meinem (herzen|kopf)|nel mio cuore|nella mia testa|nei miei sogni|in my dreams|en mis suenos|nos meus sonhos|dans mes reves|in meinen traumen)",
    r"(keep|continues?|sigues|continuar\w*|weiter|continui)( a| de| to)? (post\w*|publi\w*|subi\w*|pubblic\w*)( \w+){0,4} (photos?|fotos?|pics?|bilder|foto|videos?)( \w+){0,3} (so|tan|tao|aussi|si|cosi|like that|pareilles?|asi|assim|cosi)\b",
    // "Me muero de vergüenza", "mi ammazzo dalle risate", "te matar de beijo": dying or killing
    // of an emotion, laughter, heat or kisses is an idiom in every one of the languages.
    r"suicide (wings|sauce|hot|run|squeeze|doors?|drills?|sprints?)|salsa suicida",
    // A team, a line-up or a battery "dying": sport and phones, not the writer.
    r"(team|squad|defen[cs]e|lineup|line up|keeper|goalie|tactics?|strategy|equipo|time|equipe|squadra|mannschaft|abwehr|difesa|defensa|defesa)( \w+){0,3} (suicidal|suicida|suicidaire|suizidal|selbstmorderisch)",
    r"(match|partido|jogo|partita|spiel|game|derby|finale|final)( \w+){0,3} (va m achever|m acheve|me mata|me va a matar|me mata|mi uccide|mi ammazza|bringt mich um|is killing me|gonna kill me|vai me matar)|\b(perso|perdu|perdio|perdeu|lost|verloren|verliert|perd|perde|pris|a pris|took|tomo|tomou|levou|preso|kassiert|encaisse) \d{1,2} ?[:-] ?\d{1,2}\b|\b\d{1,2} ?[:-] ?\d{1,2} (gegen|contra|contre|contro|against|vs|in casa|at home|a casa|en casa|em casa|zu hause)\b",
    r"(batterie|bateria|battery|batteria|akku|pile|cel|celular|phone|portable|handy|telefone)( \w+){0,1} (a |at |en |em |al |bei |on )?\d{1,2}( %| pourcent| percent| por ciento| por cento| per cento| prozent)?( \w+){0,3} (mourir|morir|morrer|morire|sterben|die|dying|meurs|muero|morro|muoio)|(mourir|morir|morrer|morire|sterben|die|dying|meurs|muero|morro|muoio)( \w+){0,3} (batterie|bateria|battery|batteria|akku)",
    r"(morir|morirme|morrer|mourir|morire|sterben|die|dying)( \w+){0,1} (con|com|avec|mit|with|over) (ese|esa|esos|esas|esse|essa|esses|ce|cette|ces|quel|quella|quei|diesem|dieser|diesen|tu|tus|teu|tua|ton|ta|tes|il tuo|la tua|your|that|this|those)\b",
    // "If Betis doesn't win today I'm jumping out of the window": a result not yet played.
    r"\b(si|if|wenn|se|falls) (\w+ ){0,3}(no gana|gana|pierde|loses?|wins?|don t win|doesn t win|verliert|gewinnt|nicht gewinnt|perde|ganha|nao ganha|perd|gagne|ne gagne pas|vince|non vince|perdono|perdiamo|scores?|marca|segna|trifft)\b",
    r"(mi ammazzo|me mato|me tue|me crevo|me mato) (di|de|a|au) (lavoro|trabajo|trabalho|travail|fatica|studio|estudiar|estudar|palestra|gym|treino|entreno|boulot|taf)",
    r"(c est|c etait|it s|it was|es|era|e|ist|e stato) (un |a |una |um |ein )?(suicide|suicidio|selbstmord)( collectif| collective| colectivo| coletivo| collettivo)?\b",
    r"(sumir|desaparecer|disparaitre|sparire|verschwinden|disappear)( \w+){0,2} (pra|para|to|a|en|em|in|nach|su|sur) (uma |una |a |une |ein\w* |un )?(praia|playa|beach|plage|spiaggia|strand|ilha|isla|island|ile|isola|insel|caribe|bahamas|montanha|montana|mountain)|(sumir|desaparecer|disparaitre|sparire|verschwinden|disappear)( \w+){0,6} (com vc|contigo|with you|avec toi|mit dir|con te|com voce)",
    r"figura di merda|figuraccia|que verguenza|que vergonha|quelle honte|la honte|wie peinlich|so embarrassing|how embarrassing|que oso|mortificad\w*",
    r"(matar|matarme|mato|matando|ammazzarmi|tuer|me tuer)( \w+){0,1} a (entrenar|estudiar|trabajar|currar|treinar|estudar|trabalhar|allenarmi|studiare|lavorare|bosser|travailler)",
    r"(riunioni|riunione|meeting|meetings|reuniones|reunion|reunioes|reunions|besprechung\w*|meetings?|lunedi|lunes|lundi|montag|mondays?|segunda feira|lavoro|trabajo|trabalho|boulot|arbeit|chef|capo|jefe|patron)( \w+){0,6} (voglia di buttarmi|ganas de tirarme|vontade de me jogar|envie de me jeter|envie de sauter|want to jump|lust mich)",
    r"(die|dying|morir\w*|muero|muerta|muerto|morrer\w*|morro|morta|morto|mourir|meurs|mort[e]?|morire|muoio|sterben|sterbe|ammazz\w*|mato|matar\w*|te matar|tue|tuer|umbringen)( \w+){0,2} (of|de|di|dalle|dal|dalla|dai|vor|d) (la |el |los |las |a |o |the |le |les |der |dem |il |lo |lo que estoy |lo que me )?(embarrassment|shame|laughter|heat|boredom|cansancio|cansado|cansada|cansaco|fatigue|fatica|stanchezza|mudigkeit|tired|exhaustion|verguenza|risa|risas|calor|hambre|sueno|ganas|amor|aburrimiento|celos|vergonha|riso|rir|rire|fome|sono|saudade|tedio|ciume|honte|chaud|faim|envie|ennui|jalousie|risate|ridere|caldo|fame|noia|vergogna|gelosia|lachen|scham|hitze|hunger|langeweile|neid|beijos?|besos|bisous|baci|kussen|carinho|coccole|mimos|caricias|carinhos|calins|kuscheln|abbracci|abrazos|abracos|hugs|cuddles|kisses|cosquillas|chatouilles|solletico|cocegas)",
];

/// A refusal in a draft: "se voir en vrai c'est pas possible", "can't meet, but here I'm yours".
const REFUSED_HERE: &str = r"on pourra pas|on ne pourra pas|we won t be able to|no podremos|nao vamos poder|non potremo|wir werden nicht|eu nao faco|nao faco|no hago|je fais pas|je ne fais pas|non faccio|mach ich nicht|i don t do|nao rola|(c est |c )?pas possible|not possible|no es posible|nao e possivel|nao da|non e possibile|nicht moglich|geht nicht|impossible|imposible|impossivel|impossibile|unmoglich|no puede ser|nao pode ser|ne peut pas|kann nicht sein|non puo essere|can t|cannot|no puedo|nao posso|je peux pas|je ne peux pas|kann nicht|non posso";

/// A feeling, not an age: "I feel like a teenager in love again".
const FEELS_YOUNG: &str = r"(sentindo|sinto|feel|feeling|siento|sento|me sens|fuhle)( \w+){0,2} (like )?(uma |a |una |une |wie ein\w* |un |come una )?(adolescente|teenager|teen|ado|ragazzina|teenie)( \w+){0,1} (apaixonad\w*|in love|enamorad\w*|amoureuse|verliebt|innamorat\w*|again|de novo|otra vez|di nuovo|wieder|de nouveau)";

/// The writer says they were joking: "kkkk brincadeira", "jk", "era broma".
const JOKING: &str = r"si tu continues a etre|if you keep being|si sigues siendo|se continuares a ser|wenn du weiter so|se continui a essere|di complimenti|with compliments|a besos|de beijos|de bisous|mit kussen|di baci|brincadeira|just kidding|\bjk\b|es broma|era broma|je rigole|je plaisante|scherzo|scherzavo|nur spass|war ein witz";

/// Another person's school, a teacher, or a memory: not the writer in school today.
const NOT_MY_SCHOOL: &[&str] = &[
    // A godchild's first day, the front line of a ward, nursing school at 29, a music grade,
    // the smallest of the family, a postgraduate class, a temperature, "unsere Große".
    r"\b(filleul|filleule|afilhad[oa]|ahijad[oa]|patenkind|figlioccio|figlioccia|godson|goddaughter|godchild)\b",
    r"\ben premiere ligne\b|\bna linha de frente\b|\ben primera linea\b",
    r"\b(ecole d infirmi\w*|nursing school|escuela de enfermeria|escola de enfermagem|pflegeschule|krankenpflegeschule|scuola infermieri)\b|\b(a|at|con|com|mit) ([2-9]\d) (ans|anos|anni|jahren|years)\b",
    r"\bgrade \d+ (piano|violin|guitar|theory|ballet|singing|flute|cello|drums|clarinet|saxophone|trumpet)\b|\b(piano|violin|guitar|ballet|singing) grade \d+\b",
    r"\b(o|a|el|la) (menor|mais nov[oa]|mas pequen[oa]|mais baix[oa]) (da|de la|de) (familia|casa|turma|grupo)\b",
    r"\bda pos\b|\bpos graduacao\b|\bdoutorado\b|\bmba\b",
    r"\b(1[0-9]|2[0-9]|[0-9]) ?(grad|degrees|grados|graus|degres|gradi)\b",
    r"\b(unsere|unser) (grosse|grosser|kleine|kleiner|alteste|altester|jungste|jungster)\b",
    // A coal miner ("mineur de fond"), a year of marriage or of a job ("tô no 3º ano… de
    // casado", "en terminale de mon CDD").
    r"\b(mineur|mineurs) (de fond|de charbon)\b|\bancien mineur\b|\b(a|dans) la mine\b",
    r"\b(ano|anos|annee|terminale|year|jahr|anno|grade|serie)( xxstopxx| \|)? (de|of|del|do|da|di|im|in) (mon |ma |my |mi |meu |minha |mio |mia |meinem |meiner )?(casad\w*|casamento|marriage|married|mariage|boda|matrimonio|ehe|sposat\w*|namoro|cdd|cdi|contrato|contract|trabalho|trabajo|travail|job|arbeit|lavoro|empresa|firma|boite|azienda|company)\b",
    // An adult age said now ("…and now I'm 38"), a volunteer at an after-school club, a class
    // described from outside ("i ragazzini di seconda media"), a teacher's "meine 13. Klasse",
    // a height ("sou de menor estatura").
    r"\b(now|ahora|agora|maintenant|jetzt|ora|adesso|today|aujourd hui|hoy|hoje|heute|oggi) (i m|im|i am|tengo|tenho|j ai|bin ich|ich bin|ho|sono) ([2-9]\d)\b",
    r"volontariato|doposcuola|volunteer\w*|voluntari\w*|benevol\w*|ehrenamt\w*",
    r"\b(i|dei|ai|coi|le|delle|los|las|les|des|die|the|os|as) (ragazzini|ragazzi|bambini|alunni|ninos|chicos|chavales|crios|enfants|gamins|gosses|kinder|kids|jungs|miudos|criancas) (di|de|du|der|in|of|da|del|della)\b",
    r"\bmeine (\d{1,2}|funfte|sechste|siebte|achte|neunte|zehnte|elfte|zwolfte|dreizehnte) klasse\b",
    r"de menor (estatura|tamanho|altura|porte|importancia|valor|preco)|(sou|soy) menor que|(sou|soy) mais (baixa|baixo)",
    r"\bunder ?(1[0-9]|2[0-3]) (world cup|team|squad|league|tournament|championship|national|side|cup|euros?|final|women|men|girls|boys)\b|\bu ?1[5-9] (team|squad|side|world cup|league|match)\b",
    // An adult today looking back: "bocciato in seconda superiore e ora ho un'azienda mia".
    r"(now|ora|adesso|ahora|agora|maintenant|jetzt|heute|today|oggi|hoy|hoje) (i have|i run|i own|ho|gestisco|tengo|tenho|dirijo|j ai|je dirige|hab|habe|leite|fuhre) (a |my |my own |un |una |uma |une |eine |meine |la mia |mi |minha )?(own )?(company|business|firm|azienda|impresa|ditta|empresa|negocio|entreprise|boite|societe|firma|unternehmen|laden|shop|restaurant|ristorante)",
    // The writer teaches or coaches ("I teach year 9", "je suis prof en 4e"); "my teacher gave
    // us homework" is a pupil speaking and is not vetoed.
    r"i teach|i taught|(i m|im|i am) teaching|teaching (a|my|the|year|grade|\d\w*)|i coach|coach(ed|ing|es)|tutor\w*|(i m|im|i am|as a|work as a) (\w+ )?(teacher|coach)",
    r"(soy|sou|je suis|jsuis|ich bin|bin|sono|como|comme|als|come|de|trabajo de|trabalho como|travaille comme|arbeite als|lavoro come) (\w+ )?(prof|profe|professor\w*|professeur\w*|lehrer\w*|insegnante|docente|maestr[oa]|entrenador\w*|treinador\w*|trainer\w*|allenatore|coach)",
    r"insegno|insegnavo|entreno|treino|alleno|trainiere|entraine|unterrichte\w*|j enseigne|enseigne|leciono|eu ensino|ensenio|enseno",
    r"reunion|reencuentro|encontro|klassentreffen|rimpatriata|anciens|antiguos|antigos|alumni",
    // A parent speaking: a parents' evening, "my eldest", "ma grande", "mi peque".
    r"(hab|habe|hatte|ich hab|muss zum|muss zur|war beim|war auf dem) (\w+ )?(elternabend|elternsprechtag)|(elternabend|elternsprechtag) (bei|fur|von) (meinem|meiner|meine|unserem|unserer)|parents evening|parent teacher|reunion de (padres|apoderados)|reuniao de pais|reunion parents|ricevimento genitori|(meinem|meiner|mein|meine) (grossen|grosse|grosser|kleinen|kleine|kleiner)|(ma|mon) (grande|grand|ainee|aine|cadette|cadet)|(mi|mis) (mayor|peque|pequeno|pequena)|(meu|minha) (mais velh[oa]|cacula|pequen[oa])|(il mio|la mia) (grande|piccol[oa])",
    r"when i was|i was in|used to|back (in|when)|estaba|estudiaba|etais|etait|war|waren|ero|stavo|estava",
    r"years ago|hace \d+|ha \d+ anos|faz \d+ anos|ha \d+ anni|il y a|vor \d+|anos atras|\d+ (jahre|years|anos|ans|anni) (spater|later|despues|depois|plus tard|dopo)",
    r"fahrlehrer\w*|fahrschule|driving instructor|autoescuela|autoescola|auto escola|auto ecole|autoscuola|istruttore|^(prof|profe|professeur|professeure|teacher|lehrer\w*|maestr[ao]|professor[ae]?|insegnante|docente) (de|di|of|fur|d)\b|\d+ (ados|eleves|alunos|alumnos|studenti|schuler|students|gamins|momes)\b",
    r"son|daughter|kid|kids|miudos|criancas|bambini|ninos|enfants|nephew|niece|hij[oa]s?|sobrin[oa]|filh[oa]s?|sobrinh[oa]|fils|fille|neveu|niece|sohn|tochter|neffe|nichte|figli[oa]|nipote",
    r"students?|alumn[oa]s|alunos|eleves|schuler|studenti|alunni",
    r"\b(mi|mis|meu|meus|mon|mes|il mio|i miei|mein|meine|my) (chaval|chavala|chavales|crio|cria|crios|peque|peques|nene|nena|chamaco|chamaca|morro|morra|pibe|piba|moleque|guri|guria|gosse|gosses|gamin|gamine|loulou|ragazzino|ragazzina|bimbo|bimba|bub|junge|kleiner|kleine|lad|boy|girl|little one)\b",
    r"(faccio|sto facendo|do|dando|dare|doy|dando|dou|dar|donne|donner|gebe|geben)( \w+){0,1} (ripetizioni|clases particulares|aulas particulares|aulas de reforco|explicacoes|cours particuliers|soutien scolaire|nachhilfe)( \w+){0,3} (a|ad|to|an|au|a un|a una|ai|alle|einem|einer)\b",
    r"doy clases?|dou aulas?|leciono|je donne des cours|unterricht\w*|insegno",
    r"sister|brother|herman[oa]s?|hermanit[oa]|irma|irmao|irmazinha|soeur|frere|schwester|bruder|sorella|fratello",
    // University years ("3º de medicina", "terzo anno di ingegneria", "3e année de médecine").
    r"(de|of|da|della|meiner|in my) (ma |my |mi |minha |mia |la mia )?(carriere|career|carrera|carreira|carriera|karriere|vie pro|vida laboral)\b",
    r"universi\w*|facul\w*|mestrado|maestria|carrera|medicin[ae]|medecine|ingegneria|ingenieria|engenharia|derecho|(de|estudo|estudar|curso|cursar|faco|faculdade de) direito|giurisprudenza|studium|semester|semestre|laurea|erasmus|licence|bts|iut|master|doctorat|doctorado|doutorado|dottorato",
    // Driving or working for a school as an adult; a school year in a past decade.
    r"(motorista|driver|conductor|chauffeur|fahrer|autista|monitor\w*|cook|cocinera?|cozinheira?|secretar\w*) (de |do |da |of |du |des |del |della |der )?(van|bus|onibus|autobus|car|escola|school|colegio|ecole|schule|scuola)|\b(19[5-9]\d|200\d)\b",
];

/// A phone's charger, cable or case: "my dad took my phone charger" is no phone taken away.
const PHONE_THINGS: &str = r"(phone|handy|celular|cel|telefone|telemovel|movil|telefono|portable|cellulare|smartphone) (charger|cable|case|ladekabel|ladegerat|carregador|cabo|capinha|cargador|funda|chargeur|coque|caricabatterie|cover|custodia)";

/// The fan's child, sibling or niece in a draft: their school year is news, not the creator's age.
const THEIR_CHILD: &str = r"(your|ur|tu|tus|teu|tua|seu|sua|ton|ta|tes|dein\w*|il tuo|la tua|tuo) (\w+ )?(son|daughter|kid|kids|child|sister|brother|niece|nephew|hij[oa]s?|herman[oa]|filh[oa]s?|irma|irmao|fils|fille|enfants?|soeur|frere|sohn|tochter|kind|kinder|schwester|bruder|figli[oa]|sorella|fratello|nipote)";

/// The creator's own sibling or child ("my little brother just started high school").
const SIBLING: &str = r"(my|mi|meu|minha|mon|ma|mein\w*|il mio|la mia) (little |younger |baby |kleiner? |petite? |pequen[oa] )?(brother|sister|cousin|son|daughter|niece|nephew|hermanit[oa]|herman[oa]|prim[oa]|sobrin[oa]|sobrinh[oa]|filh[oa]|hij[oa]|irmaozinho|irmazinha|irmao|irma|prim[oa]|frere|soeur|cousine?|bruder|schwester|cousine|fratellino|sorellina|fratello|sorella|cugin[oa]|nipote)";

/// Keepsakes and memories in a draft ("found my old 8th-grade diary"): school then, not now.
const MEMORY: &str = r"found my|encontre (mi|mis)|achei (o )?(meu|minha)|j ai retrouve|retrouve mon|ho ritrovato|gefunden|had|tenia|tinha|avais|hatte|avevo|(my|mi|mis|meu|minha|mon|ma|mes|mein\w*|il mio|la mia) (old|viej[oa]s?|antigu[oa]s?|vieux|vieille|alte[nrs]?|vecchi[oa])";

/// Refunds and charges from other shops, airlines, gyms and offices: everyday life, not a dispute
/// with the creator.
const OTHER_MERCHANTS: &str = r"etsy|the seller|a seller|that seller|vueling|iberia|latam|avianca|lufthansa|klm|air france|ita airways|alitalia|aerolineas|volaris|maleta|valise|koffer|valigia|luggage|suitcase|equipaje|bagagem|bagages|gepack|bollo|multa|burocrazia|roba da denuncia|scam (email|e mail|mail|call|text|message|calls|emails|texts|sms)|(some|another|a different|that other|other|otra|otro|outro|outra|un autre|une autre|einer anderen|einem anderen|un altro|un altra) (\w+ ){0,2}(site|website|web|pagina|sitio|app|company|empresa|seller|vendedor|merchant|webshop|online shop|seite|sito|negozio|boutique|loja|tienda)\b|cocktail|pinte|bar|nada a ver|nothing to do with|nada que ver|rien a voir|niente a che vedere|nichts (mit dir )?zu tun|ja resolveu|ja resolvido|already sorted|ya se resolvio|ya lo resolvieron|deja regle|gia risolto|schon geklart|alles geklart|wieder geklart|all sorted|sorted now|todo resuelto|tudo resolvido|tout est regle|tutto risolto|esselunga|coop|conad|lidl|aldi|carrefour|mercadona|tesco|la spesa|the groceries|life choices|(estorno|reembolso|refund|remboursement|erstattung|rimborso)( \w+){0,2} (caiu|came through|arrived|landed|llego|chegou|est arrive|kam|ist da|e arrivato)|(on|for|de|da|di|fur|sur|auf) (my |mi |minha |ma |mia |mein\w* )?(whole |entire |toda |tutta |ganze\w* |toute )?(la |a |il )?(life|vida|vie|vita|leben|existence|existencia|existenz|esistenza|childhood|infancia|enfance|infanzia|kindheit)\b|decisiones de vida|choix de vie|scelte di vita|lebensentscheidungen|escolhas de vida|on my life|super|supermercado|supermarche|supermarkt|supermercato|supermarket|zara|primark|tanken|tankstelle|gas station|gasolinera|parcheggio|parking|aeroporto|airport|aeropuerto|flughafen|aeroport|estacionamento|parkhaus|resto|crypto|bots|shopee|shein|aliexpress|temu|vinted|trenitalia|italo|sncf|renfe|ryanair|easyjet|deutsche bahn|die bahn|bahn|train|treno|tren|trem|zug|comboio|billet|biglietto|boleto|bilhete|restaurant\w*|ristorante|ingresso|ingressos|show cancelado|concerto|concierto|concert|konzert|eventim|ticketmaster|sympla|fnac|waiter|mesero|camarero|garcom|serveur|kellner|cameriere|flight|airline|amazon|ebay|store|shop|uber (eats|ride|driver|trip)|(an|my|the|un|mi|meu|mon|il mio) uber|hotel|tickets?|my order|the order|an order|package|parcel|gym|netflix|spotify|insurance|tax|taxes|landlord|deposit|aerolinea|vuelo|tienda|pedido|paquete|gimnasio|aseguradora|hacienda|voo|loja|encomenda|academia|companhia|compagnie|magasin|commande|colis|salle de sport|assurance|impots|billet d avion|flug|laden|bestellung|paket|fitnessstudio|versicherung|finanzamt|zalando|volo|compagnia|negozio|ordine|pacco|palestra|assicurazione|mercado livre|mercado libre|movistar|vodafone|orange|sfr|bouygues|telekom|o2|tim|iliad|telcel|telmex|verizon|comcast|endesa|iberdrola|enel|edf|engie|airbnb|booking|ifood|rappi|glovo|deliveroo|just eat|lieferando|chronopost|colissimo|dhl|fedex|correos|gls|cabify|blablacar|sms|spam|phishing|730|irpef|agenzia delle entrate|declaracion de la renta|irs|hmrc|impot|steuer\w*|imposto de renda|arbitro|referee|schiedsrichter|arbitre|miete|vermieter|vertrag\w*|contract|contrato|contratto|contrat|strom|luz|luce|electricite|energia|loyer|alquiler|aluguel|affitto|claro|vivo|internet|wifi|fibra|fibre|stadtwerke|warteschleife|hotline|secu|securite sociale|mutuelle|lunettes|seguridad social|krankenkasse|mutua|obra social|plano de saude|steam|playstation|xbox|nintendo|epic games|google play|app store|o uber|el uber|l uber|der uber|lo uber|trabajo en|i work in|i work at|trabalho (em|no|na)|je travaille|ich arbeite|lavoro (in|al|nel)|atencion al cliente|customer service|atendimento ao cliente|forfait|recharge\w*|operateur|operadora|mobile plan|phone plan|prepaid|prepago|ricarica|free mobile|avec free|chez free|appel\w* free|freebox|(a|my|un|una|um|uma|ein\w*|mi|mio|mon|meu) (customer|cliente|client|kunde|kundin)|taller|mecanico|mechanic|garage|werkstatt|officina";

/// Every rule, in the order findings are reported.
pub static RULES: &[Rule] = &[
    // ---- fan messages: a minor ----
    detector("underage", Input, Escalate, |t| d::age_claim(t, false)),
    phrases(
        "underage",
        Input,
        Escalate,
        &["en"],
        &[
            r"under ?18|underage|not (18|eighteen) yet|not old enough|too young (for|to)|a minor",
            r"(in|at) (middle|high|junior high|elementary|secondary) school|in hs|in high school",
            r"(im|i m|i am|am) (a |in )?(freshman|sophomore|junior|senior) (in|at) (hs|high school)",
            r"(im|i m|i am) a (freshman|sophomore)",
            r"(7th|8th|9th|10th|11th|12th|seventh|eighth|ninth|tenth|eleventh|twelfth) grade|grade (7|8|9|10|11|12)",
            r"in year (7|8|9|10|11|12|13)|year (7|8|9|10|11) (at|in) school|gcses? (this|next) year",
            r"(my )?(parents|mom|mum|dad) (don t|dont|doesn t|do not|does not|would kill me if they|can t) (know|find out) (about|that|i m|im|i have|i ve|i am|this|what)|school nights?|my prom|to prom|prom (is|next)|homeroom|detention|my (homework|curfew)",
        ],
        NOT_MY_SCHOOL,
    ),
    phrases(
        "underage",
        Input,
        Escalate,
        &["es", "pt"],
        &[
            r"no (soy|tengo) (mayor de edad|18)|nao sou maior|(soy|sou) menor|todavia no tengo 18|ainda nao tenho 18",
            r"\d{1,2} (de )?(la )?(eso|secundaria|secu|prepa|preparatoria|bachillerato|bachi)",
            r"(primero|segundo|tercero|cuarto) de (la )?(eso|secundaria|secu|prepa|bachillerato|bachi)",
            r"(estoy|voy|ando|curso) en (el |la )?(insti|instituto|secundaria|prepa|cole|colegio|\d{1,2})",
            r"(primero|segundo|tercero|cuarto|primeiro|terceiro) (ano |de |do )?(do |de )?(la )?(ensino )?(medio|bachillerato|secundaria|prepa|fundamental)",
            r"(to|tou|estou|ando) (no |na )?(\d{1,2} (ano|serie)|ensino medio|fundamental|colegio|escola)|(to|tou|estou|ando) no medio\b",
            r"\d{1,2} ano (do )?(ensino )?(medio|fundamental)|\d{1,2} (ano|serie)( do)? (medio|fundamental|secundario)",
            r"(los |en |em |nos )?dias? de (escuela|clases?|cole|colegio|aula|escola)",
            r"(hay|ha|tem|tenho) (clases|escola|aula|aulas|colegio|cole) (manana|amanha)|(manana|amanha) (hay|ha|tem|tenho) (clases?|escola|aulas?|colegio|cole)",
        ],
        NOT_MY_SCHOOL,
    ),
    phrases(
        "underage",
        Input,
        Escalate,
        ALL,
        &[
            r"(mom|mum|dad|parents|mother|father)( \w+){0,2} (can t|cant|don t|dont|doesn t|won t|must not|mustn t|can never) (know|find out) (about|that|i m|im|i have|i ve|i am|this|what)",
            r"(mama|papa|papas|padres|madre|padre|mae|pai|pais)( \w+){0,2} (no|nao) (sabe|saben|sabem|puede saber|pode saber|debe saber|deve saber|podem saber) (que|nada|de esto|disso|lo)",
            r"(mere|pere|parents|maman)( \w+){0,2} (ne )?(sait|savent|doivent|doit) (pas|rien) (que|le savoir|pour|de ce)|(mama|papa|eltern|mutter|vater)( \w+){0,3} ((darf|durfen|soll|sollen) (das |es |davon )?(nicht|nich) wissen|(weiss|wissen) (nichts )?(davon|dass))",
            r"(madre|padre|genitori|mamma|papa)( \w+){0,2} (non (deve|devono|puo|possono) (saperlo|saperne|sapere)|non (sa|sanno) (che|niente|nulla))",
            r"(mis )?(papas|padres) no (lo )?saben|(meus )?pais nao (sabem|podem saber)|mes parents (ne )?(savent|doivent) pas|meine eltern (wissen|durfen) (das )?nicht|i miei (genitori )?non (lo )?sanno",
        ],
        &[],
    ),
    phrases(
        "underage",
        Input,
        Escalate,
        &["fr"],
        &[
            r"mineur|mineure|pas (encore )?majeur|pas encore 18",
            r"(je suis|jsuis|suis|chui|j suis) (encore |toujours )?(en|au) (seconde|premiere|terminale|\d{1,2} ?(e|eme|ieme|em)|sixieme|cinquieme|quatrieme|troisieme|college|lycee)",
            r"en (seconde|premiere|terminale|troisieme|quatrieme) au (lycee|college)|(collegien|collegienne|lyceen|lyceenne)",
            r"brevet (cette|l) annee|cours demain",
        ],
        NOT_MY_SCHOOL,
    ),
    phrases(
        "underage",
        Input,
        Escalate,
        &["de"],
        &[
            r"minderjahrig|nicht volljahrig|noch nicht 18|unter 18",
            r"(bin|geh|gehe|ich bin|ich geh) (noch )?(in der|in die|in) (\d{1,2} |funften |sechsten |siebten |achten |neunten |zehnten |elften |zehnte |neunte )?klasse",
            r"\d{1,2} klasse|klasse \d{1,2}|(die|der) (zehnte|neunte|achte|elfte)",
            r"morgen (ist )?schule|(nach|vor) der schule",
        ],
        NOT_MY_SCHOOL,
    ),
    phrases(
        "underage",
        Input,
        Escalate,
        &["it"],
        &[
            r"minorenne|non (sono|ho) (ancora )?(maggiorenne|18)",
            r"(faccio|frequento|sono in|vado in|sono al) (la |il |l )?(prima|seconda|terza|primo|secondo|terzo|quarto|quinto) (media|medie|liceo|superiore|anno)",
            r"(prima|seconda|terza) media|(primo|secondo|terzo|quarto|quinto) (anno )?(di |del )?liceo|esame di terza",
            r"domani (ho |c e )?scuola",
        ],
        NOT_MY_SCHOOL,
    ),
    phrases(
        "underage",
        Input,
        Escalate,
        ALL,
        &[
            // A parent who controls the phone or the bedtime: the writer is a child.
            r"(mom|mum|mother|dad|father|parents|mama|mamma|madre|padre|padres|papa|papas|mae|pai|pais|mere|pere|parents|mutter|vater|eltern|genitori|miei|vieja|viejo)( \w+){0,4} (takes|took|checks|check|checking|controls|looks through|looks at|reads|goes through|confiscates|quita\w*|revisa\w*|checa|mira|lee|tira|tiram|pega\w*|verifica|verificam|mexe|olha|olham|le|check|verifie|regarde|lit|prend|confisque|fouille|kontrollier\w*|check\w*|liest|nimmt|nehmen|durchsucht|controlla\w*|toglie|prende|guarda|legge)( \w+){0,3} (my |mi |meu |o meu |mon |mein |il mio |el |o |il )?(phone|cel|celular|movil|telefono|telemovel|tel|telephone|portable|handy|telefon|cellulare)",
            r"(before|bevor|avant) (\w+ ){0,3}(bed ?time|ins bett|de me coucher)",
        ],
        &[
            r"(my|mi|meu|ma|mon|meine?|mia|mio) (son|daughter|kid|hij[oa]|filh[oa]|fils|fille|sohn|tochter|figli[oa])",
            PHONE_THINGS,
        ],
    ),
    // School today in everyday words: exams of the last school years, pocket money, a teacher
    // taking phones, a class named like "9c", a pupil's age word, in every language.
    phrases(
        "underage",
        Input,
        Escalate,
        ALL,
        &[
            r"(my|finished|doing|sitting|taking|revising for) (my )?(gcses?|sats)|gcse (exams|revision|mocks)|(j ai|je passe|passer|jpasse|je revise)( \w+){0,2} (le |mon )?brevet|(secondaire|sec) [1-5]\b",
            r"(pruf\w*|prufungen|lernen) (fur|zum|auf) (den |meinen |die )?(realschulabschluss|hauptschulabschluss|mittlere reife|quali|msa)|(mein|meinen|meine) (realschulabschluss|hauptschulabschluss|mittlere reife)",
            r"(ho|c e|abbiamo|domani) (la |una |l )?(verifica|interrogazione|compito in classe)|(al|il|del|in) ginnasio",
            r"(examen|prueba|tarea|clase|clases|deberes)( \w+){0,4} (en la|de la|del|en el) (prepa|secu|secundaria|insti|instituto|cole|colegio)|(soy|sou) de menor",
            r"(my|mi|minha|mon|mein|la mia|meu)( \w+)? (pocket money|allowance|mesada|paga semanal|argent de poche|taschengeld|paghetta)",
            r"(mr|mrs|miss|ms|teacher|prof|profe|professeur|cpe|surveillant\w*|lehrer\w*|maestr[ao]|professor[ae]?)( \w+){0,3} (takes|took|confiscat\w*|confisqu\w*|quito|quita|tira|tirou|toglie|tolto|nimmt|genommen|abgenommen|sequestra\w*|ritira\w*)( \w+){0,3} (phones?|cel|celular|movil|telefono|tel|telephone|portable|handy|handys|cellulare)",
            r"(bin|ich bin|geh|gehe) (noch )?(in der|in die) \d{1,2} ?[a-e]\b|\b(tredic|quattordic|quindic|sedic|diciassett)enne\b",
            r"abschlussball der (neunten|zehnten|9|10)|formatura do (\w+ )?(nono|9|oitavo|8) ano|graduacion de (la )?(secundaria|secu|prepa)|bal (de fin d annee )?du college|fine (della )?terza media",
            r"(not allowed|no me dejan|nao me deixam|j ai pas le droit|pas le droit|darf kein\w*|non posso avere|non mi fanno)( \w+){0,3} (social media|socials|redes|rede social|reseaux|social|insta|instagram|tiktok|snap)",
            r"(so much|too much|tons of|loads of|un monton de|muchos|muchas|um monte de|muito|muita|trop de|plein de|so viele|viele|un sacco di|troppi|tanti) (homework|deberes|tareas?|dever de casa|deveres|licao de casa|devoirs|hausaufgaben|compiti)",
            r"(mom|mum|mother|dad|father|parents|mama|mamma|madre|padre|padres|mae|pai|pais|mere|pere|mutter|vater|eltern|genitori)( \w+){0,3} (thinks|think|cree|creen|piensa|acha|acham|pensa|croit|croient|pense|denkt|denken|glaubt|pensano|crede) (that |que |que eu |dass |che )?(i m |im |i am |je |ich |io )?(\w+ ){0,2}(asleep|sleeping|dormido|dormida|durmiendo|dormindo|dors|schlafe|dormo|sto dormendo)",
            r"(demain|domani|morgen|manana|amanha|tomorrow)( il)? (y a|j ai|c e|ho|hab|ist|hay|tem|tenho|i have|there s)( \w+)? (cours|scuola|lezione|schule|unterricht|clase|clases|aula|aulas|escola|school)",
            r"(to|tou|estou|ando|estoy|voy|curso) (no|na|en|el) (sexto|setimo|oitavo|nono|septimo|octavo|noveno|primeiro|segundo|terceiro) (ano|grado|curso)",
            r"(vado|sono|sto) (ancora )?(al|alle|in) (liceo|medie|superiori)|(ainda|todavia|aun|still|encore|noch) (to|tou|estou|ando|estoy|voy|i m|im|suis|bin) (no|na|en el|en la|en|in|au) (ensino medio|escola|colegio|secundaria|prepa|high school|middle school|lycee|college|schule|klasse)",
        ],
        NOT_MY_SCHOOL,
    ),
    detector("underage", Input, Escalate, cues::childhood),
    detector("underage", Input, Escalate, c::parent_card),
    detector("payment_dispute", Input, Escalate, c::charged_twice),
    // ---- fan messages: crisis ----
    phrases(
        "crisis",
        Input,
        Escalate,
        &["en"],
        &[
            r"kill(ing)? my ?self|kms|suicid\w*|unalive( my ?self)?|end(ing)? (it|it all|my life|things|everything)",
            r"(dont|don t|do not) want to (be here|live|exist|wake up|be alive)|(wont|won t|will not) be (here|around) (much )?(longer|anymore|tomorrow)",
            r"(no|dont see the|don t see the|see no) (point|reason) (in |to )?(living|live|anymore|going on)|(dont|don t) see the point anymore",
            r"want(ing)? to die|wanna die|better off (dead|without me)|cut(ting)? myself|self ?harm\w*|hurt(ing)? myself|overdose",
            r"jump(ing)? (off|from) (the|a) (bridge|roof|building|balcony)|(want|need) (it all|everything|the pain) to (stop|end)|(want|wanna) (to )?disappear forever|can t (go on|do this anymore)|pills (lined up|saved|ready|on my desk)|goodbye (letters?|notes?)|suicide note",
            r"(nobody|no one|noone) would (even )?(notice|care|miss me)",
            r"(standing|stand|sitting) on (the|a) (bridge|ledge|roof)|jump(ing)? off",
        ],
        HYPERBOLE,
    ),
    phrases(
        "crisis",
        Input,
        Escalate,
        &["es"],
        &[
            r"suicid\w*|(quiero|voy a|pienso en|pensando en|ganas de|queria) matarme|me (quiero|voy a) matar|quitarme la vida|acabar con (todo|mi vida)|no quiero (vivir|seguir viviendo|estar aqui|despertar)",
            r"no voy a estar (\w+ ){0,3}(mas )?(por aqui|aqui)|me (volvi a |he )?cortar?(do)?|cortarme|autolesion\w*",
            r"(tirarme|me voy a tirar|me tiro)( \w+){0,2} (del|de un|de una|por el|por la) (puente|edificio|balcon|techo|ventana)|me hago dano|hacerme dano|quiero desaparecer( para siempre)?|no aguanto mas vivir|cartas? de despedida|nadie (se )?(daria cuenta|notaria|me extranaria)|ya no (le )?veo sentido|quiero morir(me)?",
        ],
        HYPERBOLE,
    ),
    phrases(
        "crisis",
        Input,
        Escalate,
        &["pt"],
        &[
            r"suicid\w*|(quero|vou|penso em|pensando em|vontade de|queria) me matar|matar me|quero morrer|tirar a (minha )?vida|acabar com (tudo|a minha vida|minha vida)",
            r"nao vou estar (\w+ ){0,3}(por )?(muito )?(mais )?tempo|(voltei a |vou )?(me cortar|cortar me|me cortei|cortei me)|automutila\w*",
            r"(remedios|comprimidos) todos|cartas? de despedida|ninguem (ia|iria|vai) (nem )?(perceber|notar|sentir falta)|nao vejo (mais )?sentido",
            r"(me jogar|vou me jogar|me jogo)( \w+){0,2} (da|de uma|do|de um|pela) (ponte|predio|janela|varanda)|me machuc\w*|(tenho|tenho me|ando) (me )?cortado|nao quero (mais )?(viver|estar aqui|acordar)|nao aguento mais viver|quero sumir( pra sempre| para sempre)?",
        ],
        HYPERBOLE,
    ),
    phrases(
        "crisis",
        Input,
        Escalate,
        &["fr"],
        &[
            r"(vais|veux|voudrais|envie de|pense a|penser a|pense\w* a) me tuer|me suicider|suicid\w*|en finir|j en finis|mettre fin a (mes jours|ma vie|tout)|me foutre en l air",
            r"(jme|me|m) suis( \w+)? ouvert les (bras|veines|poignets)|(veux|veut) (plus|pas) (etre la|vivre|me reveiller)|me scarifier|scarifi\w*|me couper|(veux|voudrais|envie de|vais|prefere|aimerais|pense a|souhaite) (\w+ )?mourir|mourir (ce soir|seul|bientot)",
            r"sauter (du|d un|de la|par la) (pont|toit|immeuble|fenetre)|(je )?me fais du mal|me faire du mal|(personne|nul) (ne )?(le )?(remarquerait|verrait|s en rendrait compte)|lettres? d adieu",
        ],
        HYPERBOLE,
    ),
    phrases(
        "crisis",
        Input,
        Escalate,
        &["de"],
        &[
            r"(will|werde|mochte|denk\w* (dran|daran)|gedanken) (\w+ ){0,2}mich (umbringen|umzubringen)|mich umzubringen|selbstmord|suizid\w*|nicht mehr (da sein|leben|aufwachen)|keinen bock mehr zu leben",
            r"mach(e)? (ich )?schluss|ist schluss|geritzt|ritze mich|ritzen|tabletten (gesammelt|geschluckt|bereit|gehortet)|auf der brucke",
            r"(spring|springe|springen)( \w+){0,3} (von der|vom) (brucke|dach|hochhaus)|verletze mich|mich (selbst )?(zu )?verletzen|niemand (wurde|wird) mich vermissen|will (nicht mehr|sterben)|abschiedsbrief\w*",
        ],
        HYPERBOLE,
    ),
    // "ich will heute Nacht sterben": wanting to die with words between (a time, "einfach",
    // "nur noch"); not wanting to die, or dying of laughter or curiosity, is no crisis.
    phrases(
        "crisis",
        Input,
        Escalate,
        &["de"],
        &[r"(will|mochte|wurde gern|wurde lieber) (\w+ ){1,3}sterben"],
        &[
            r"nicht (\w+ )?sterben",
            r"vor (lachen|neugier|langeweile|hunger|durst|scham|sehnsucht)",
            r"(lol|haha\w*|xd)",
        ],
    ),
    phrases(
        "crisis",
        Input,
        Escalate,
        &["it"],
        &[
            r"(voglio|penso di|pensando di|sto per|vorrei|di) (uccidermi|ammazzarmi)|mi (voglio )?(uccidere|ammazzare)|mi (ammazzo|uccido)|suicid\w*|togliermi la vita|farla finita|la faccio finita|non voglio piu (esserci|vivere)",
            r"(mi butto|buttarmi)( \w+){0,2} (dal|da un|dalla|giu dal) (ponte|tetto|palazzo|finestra|balcone)|mi faccio del male|farmi del male|mi sono tagliat[oa]|tagliarmi|se sparissi|nessuno se ne accorgerebbe|voglio morire|lettere? d addio",
        ],
        HYPERBOLE,
    ),
    detector("crisis", Input, Escalate, d::giving_away),
    detector("crisis", Input, Escalate, c::crisis),
    detector("crisis", Input, Escalate, cues::crisis),
    // Warning signs said without the words for suicide, in every language: not being around
    // much longer, giving things away, a last message, farewell letters, a method at hand, the
    // bridge, tired of existing, sleeping and never waking up.
    phrases(
        "crisis",
        Input,
        Escalate,
        ALL,
        &[
            r"(ill|i ll|i will) (not )?be (around|here) (much )?(longer|for long)|(wont|won t|will not) be (around|here) for long|be (around|here) much longer",
            // Not being around "much longer" or "soon": a camping week away has a duration instead.
            r"(vaya|voy) a estar (mucho|tanto) tiempo (mas )?(por )?aqui|je (ne )?serai (plus|pas) la bientot|je (ne )?serai bientot plus la|(presto|tra poco) non ci saro piu|nao (estarei|vou estar) (mais )?aqui (por )?muito tempo|(bald )?(bin ich|ich bin)( bald)? nicht mehr da",
            r"(giving away|gave away|regalando|regale|doando|dei|donne|vendu|verschenk\w*) (\w+ ){0,2}(all|todas|todos|tutte|toutes|alle|ganzen)( \w+){0,2} (things|stuff|cosas|coisas|cose|affaires|sachen)",
            r"(my|mi|minha|mon|il mio|meine) (last|ultimo|ultima|dernier|letzte) (message|msg|mensaje|mensagem|messaggio|nachricht)|(este|esta|ce|questo|dies) (es|e|for|fosse|est|sera|ist) (mi|minha|a minha|mon|il mio|meine) (ultimo|ultima|dernier|letzte)",
            r"(wrote|left|written|escribi|deje|escrevi|deixei|ecrit|laisse|scritto|lasciato|geschrieben|hinterlassen)( \w+){0,2} (letters?|cartas?|lettres?|lettera|lettere|abschiedsbrief\w*|briefe?) (for|to|para|pra|pour|a|per|an|fur) (\w+ ){0,2}(everyone|everybody|all|family|parents|mom|mum|dad|mother|father|sister|brother|todos|familia|padres|mama|papa|madre|padre|hermana|hermano|todo mundo|pais|mae|pai|irma|irmao|tout le monde|tous|famille|parents|maman|mere|pere|soeur|frere|alle|familie|eltern|mutter|vater|schwester|bruder|tutti|famiglia|genitori|miei|mamma|sorella|fratello)",
            r"(bought|got|compre|comprei|achete|comprato)( \w+){0,2} (a |una |uma |une |un )?(rope|soga|corda|corde)\b|(que|qual|which) (viga|beam|poutre|trave)|tested the beam|(strick|seil) (besorgt|gekauft)",
            // Every pill in the house, not "all kinds of pills for my allergies": taken, or a whole box.
            r"(took|taken|swallowed|counted|preso|tome|tomei|contei|pris|compte|genommen|geschluckt|ingoiato|contato)( \w+){0,2} (all|todas|tutte|toutes|alle)( \w+){0,3} (pills|pastillas|pastiglie|pillole|comprimidos|remedios|cachets|medocs|tabletten|pilules)|(alle|all)( \w+){0,2} (tabletten|pills) (gezahlt|genommen|geschluckt|gesammelt)|(whole|entera|inteira|toutes mes)( \w+){0,3} (pills|pastillas|pastiglie|pillole|comprimidos|remedios|cachets|medocs|tabletten|pilules)",
            // At the railing for an hour; on the bridge right now (a commute names no "now").
            r"(stood|standing|estuve|fiquei|stavo|stehe)( \w+){0,3} (at|on|en|na|an|auf)( the| la| el| der| dem)? (railing|baranda|barandilla|grade|parapet|rambarde|ringhiera|gelander|ledge)",
            r"(je suis|sto|estoy|to|estou|i m|im|ich bin|ich stehe) (sur le|sul|en el|no|na|on the|auf der) (pont|ponte|puente|bridge|brucke) (la|adesso|ahora|agora|right now|now|jetzt)",
            r"next time (i m|im|i ll|ill) not (getting|coming|going) back|la proxima (vez )?no (me )?(vuelvo|regreso)|na proxima (vez )?nao (volto|regresso)|la prochaine fois je (ne )?(reviens|rentre) pas|la prossima volta non torno",
            r"(tired|cansado|cansada|cansei|stanco|stanca|fatigue|fatiguee|mude)( \w+)? (of|de|di) (existir|existing|exister|being alive|tutto e di tutti|todo y de todos)",
            r"what s the point (anymore|of (living|anything|going on|it all))|whats the point anymore|para que seguir|(qual|que) (o )?sentido de (continuar|viver|seguir)|ca sert a rien (que je continue|de continuer|de vivre)|plus la force de continuer|non ha piu senso (niente|nulla|vivere)|hat (alles )?keinen sinn mehr",
            r"(fall asleep|sleep|dormir|addormentarmi|m endormir|einschlafen)( \w+){0,3} (and|y|e|et|und) (never|no|nao|ne|non|nie)( \w+){0,2} (wake|despertar|acordar|reveiller|svegliarmi|aufwachen)",
            r"(si je disparais|if i disappeared|si desapareciera|se eu sumisse|se sparissi) (pour de bon|forever|para siempre|pra sempre|para sempre|per sempre)|personne (ne )?(le )?remarquera",
        ],
        HYPERBOLE,
    ),
    // Being a burden, the only reason left, no sense in anything, a farewell post, sleeping and
    // not waking, things given away: said in everyday words, in every language.
    phrases(
        "crisis",
        Input,
        Escalate,
        ALL,
        &[
            r"(better|mejor|melhor|mieux|meglio|besser)( \w+){0,2} (off )?(without|sin|sem|sans|senza|ohne) (me|mi|mim|moi|di me|mich)\b",
            r"(the |my |la |a |mi |o |le |ma |der |mein |il |l |die )?(only|unica|unico|seule?|einzige\w*) (reason|razon|motivo|raison|grund|ragione)( \w+){0,5} (still here|still alive|haven t done it|havent done it|not done it|sigo aqui|sigo vivo|sigo viva|ainda (estou|to) (aqui|viv[oa])|(suis|chui) encore la|encore en vie|noch hier|noch da|noch lebe|ancora qui|ancora viv[oa]|sono ancora qui)",
            r"(no|ninguna|nenhuma|aucune|keinen?|nessun\w*|not a single|not one) (\w+ )?(reason|razon|motivo|raison|grund|ragione)( \w+){0,3} (to|pa|para|pra|pour|de|zu|per|di) (live|stay|go on|keep going|be here|seguir|vivir|viver|continuar|ficar|vivre|rester|continuer|leben|bleiben|weiter\w*|vivere|restare|andare avanti|continuare)",
            r"(no|nao|ne|non|kein\w*)( le| lo)? (encuentro|veo|vejo|encontro|trovo|vedo|vois|trouve|sehe) (mas |mais |plus |piu )?(ningun |nenhum |aucun |alcun |keinen |un |le |o )?(sentido|senso|sens|sinn)",
            r"(sleep|dormir\w*|adormecer|addormentar\w*|endormir|einschlafen|einzuschlafen)( \w+){0,3} (and|y|e|et|und) (\w+ )?(never|no|nao|ne|pas|non|nie|nicht)( \w+){0,2} (wake|waking|despertar\w*|acordar|reveiller|svegliar\w*|aufwachen|aufzuwachen)",
            r"(post|mensaje|mensagem|message|video|nota|note|lettre|carta|lettera|brief|nachricht|status|story|texto)\w* (de |d |di )?(despedida|adieu|addio|goodbye|farewell)|(goodbye|farewell) (post|message|letter|note|video|story)|abschieds(post|nachricht|brief|video)",
            r"(giving|gave|given|regal\w*|doei|doando|doado|donne\w*|verschenk\w*)( away)?( all)? (my|mis|mes|meus|minhas|meine|i miei|le mie) (stuff|things|belongings|cosas|coisas|affaires|sachen|cose)",
            r"(my|mis|mes|meus|minhas|meine|i miei|le mie) (stuff|things|belongings|cosas|coisas|affaires|sachen|cose)( \w+){0,3} (away|regalado|regalato|verschenkt|weggegeben|donne\w*|doad[oa]s?)",
            r"(magoar me|me magoar|me magoei|magoei me|me machuquei|hacerme dano|me hice dano|mich verletzt|ferita da sol[oa]|mi sono ferit[oa])",
            r"(don t|dont|do not|can t|cant) see myself (making it|being here|lasting|reaching|getting to|alive)|no me veo (llegando|llegar|vivo|viva)|nao me vejo (chegando|chegar|viv[oa])|(je )?(ne )?me vois (pas|plus) (arriver|tenir|vivant)|seh mich nicht (mehr )?(bis|lebend)|non mi vedo (arrivare|vivo|viva|a)",
            r"(been|started|keep|kept) cutting( myself)? again|cutting again|me (volvi|he vuelto) a cortar|voltei a me cortar|me suis (encore|de nouveau|a nouveau) coupe\w*|hab mich wieder geritzt|mi sono tagliat[oa] di nuovo|me corte otra vez",
            r"(i m|im|i am|i feel like|soy|me siento|sou|me sinto|je suis|je me sens|ich bin|ich fuhle mich wie|sono|mi sento)( \w+){0,4} (a |una |um |un |solo un )?(burden|carga|peso|fardeau)\b|(ich bin|bin)( \w+){0,3} (eine|nur eine) last\b",
            r"(this is|esta es|essa e|esta e|c est|das ist|questa e)( \w+){0,2} (the )?(last time|ultima vez|derniere fois|letzte mal|ultima volta)( \w+){0,3} (we talk|we speak|i write|i message|you hear|te escribo|hablamos|te escrevo|falamos|je t ecris|on se parle|ich dir schreibe|wir reden|ti scrivo|ci sentiamo)",
        ],
        HYPERBOLE,
    ),
    // ---- fan messages: threats ----
    phrases(
        "threat",
        Input,
        Escalate,
        &["en"],
        &[
            r"i know where (you|u) live|(i ll|ill|i will|im gonna|i m gonna|im going to|i m going to|gonna) (hurt|kill|hunt|end|ruin|expose) (you|u)",
            r"(i ll|ill|i will|im gonna|i m gonna|im going to|i m going to|gonna) (find|get|track) (you|u)( (and|or|if|when|soon|wherever|one day|eventually|trust me|i swear|believe me)( \w+)*)?$|make (you|u) pay|(you|u) ll pay|(you|u) will pay",
            r"(you|u) ll regret|(you|u) will regret|watch (your|ur) back|don t make me come|dont make me come",
            // "send pics" is the commonest request there is: sending or posting her things is a
            // threat only when it goes somewhere (everyone, her family, online).
            r"(leak|expose|spread)\w* (all |everything )?((of )?(your|ur) )?(stuff|content|pics|photos|videos|nudes|real name|address|addy|everything)",
            r"(post|send|share|upload)\w* (all |everything )?(of )?(your|ur) (stuff|content|pics|photos|videos|nudes|real name|address|addy)( \w+)* (everyone|everywhere|online|internet|family|friends|parents|reddit|twitter|boss|work|followers)",
            r"(with|and) (your|ur) real name|dox\w*|be a shame if|(block|ignore) me (again )?(and|or) i ll|leak (everything|it all|all)",
            r"(found|have|got) (your|ur) (ig|insta|facebook|fb|address|real name|family|mom)",
            r"know where (you|u) (live|work|study|train|sleep|go to)|spread\w* (all )?(your|ur) (nudes|pics|photos|videos|content)",
            r"(i ll|ill|i will|gonna|going to|i m gonna|im gonna) (kill|hurt|ruin|destroy|stab|shoot|beat|rape|strangle) (you|u|your life|ur life)|ruin your (life|career)",
        ],
        HYPERBOLE,
    ),
    phrases(
        "threat",
        Input,
        Escalate,
        &["es"],
        &[
            r"se donde vives|te (voy a|vas a) (matar|hacer dano|arrepentir)|te (voy a|vas a) (encontrar|buscar)( (y|cuando|donde|aunque|pronto|ya veras|te lo juro)( \w+)*)?$|te encuentro|te vas a arrepentir",
            r"mas te vale|(subo|publico|filtro|filtrar|mando|envio|difundo)( \w+){0,2} (tu|tus) (contenido|fotos|videos|direccion|nombre)",
            r"se donde (vives|trabajas|estudias|entrenas|duermes)|(publicar|subir|difundir|mandar|enviar|filtrar)( \w+){0,2} (tus|tu) (fotos|videos|nudes|contenido|desnudos)|te (voy a )?(mato|matar|destrozar|arruinar la vida|partir la cara)|(con )?tu nombre (y apellidos|completo|real)|te hago dano|seria una pena que|encontre (el face|tu|el perfil)",
        ],
        HYPERBOLE,
    ),
    phrases(
        "threat",
        Input,
        Escalate,
        &["pt"],
        &[
            r"sei onde (voce |tu |vc )?(trabalha|trabalhas|estuda|estudas)|(espalhar|espalho|divulgar|publicar|postar|vazar)( \w+){0,2} (teus|tuas|seus|suas) (nudes|fotos|videos|conteudo)|(vou )?te (mato|matar)|acabar com a tua vida|sei onde (voce|tu|vc)? ?mora|vou (te )?(encontrar|achar|matar|magoar|pegar)( te)?|vais (te )?arrepender|(vc|voce|tu) (vai|vais) (se|te) arrepender|vou magoar",
            r"(vazo|vazar|vou vazar|divulgo|publico|espalho)( \w+){0,2} (todo|tudo|teu|tuas|teus|seu|suas)|com (teu|seu) nome( completo)?|seria uma pena se|achei o (face|insta|perfil)",
        ],
        HYPERBOLE,
    ),
    phrases(
        "threat",
        Input,
        Escalate,
        &["fr"],
        &[
            r"je sais ou (tu )?(bosses|travailles|vis|habites|t entraines)|(balancer|publier|diffuser|envoyer|leaker|poster|balance|publie|diffuse)( \w+){0,2} (tes|toutes tes|vos) (photos|videos|nudes|nus)|je (vais )?te (tue|tuer|buter|crever)|je sais (ou|que) (tu habites|t habites)|je (vais|vas) te (trouver|retrouver|tuer|defoncer|faire payer)|tu vas (le )?(regretter|payer)",
            r"(j envoie|je balance|je publie|je leak|je diffuse|j affiche)( \w+){0,2} (tes|toutes tes|tout)|ton vrai nom|^je continue$|fais gaffe a toi|t as \d+ ?h",
        ],
        HYPERBOLE,
    ),
    phrases(
        "threat",
        Input,
        Escalate,
        &["de"],
        &[
            r"ich weiss wo du (wohnst|arbeitest|trainierst|studierst)|(verbreite|verbreiten|veroffentliche|veroffentlichen|poste|posten|leake|leaken)( \w+){0,2} (deine|alle deine) (nacktbilder|bilder|fotos|videos|nudes)|ich (bring|bringe) dich um|ich (mach|mache) dich (kalt|alle)|ich weiss (dass|wo) du( in \w+)? wohnst|ich (find|finde|krieg|kriege) dich|du wirst es bereuen",
            r"(schick|sende|verschick)\w*( ich)? (deine|alle deine) (\w+ )?(bilder|fotos|videos|nacktbilder|nudes)( \w+)* (chef|familie|eltern|freunde|freundin|mann|arbeit|online|netz|internet|allen)|(leake|poste|verbreite)\w*( ich)? (deine|alle|all deine|alles)|dein echter name|klarname\w*|soll ich weitermachen|pass (bloss )?auf|mach dich kalt",
        ],
        HYPERBOLE,
    ),
    phrases(
        "threat",
        Input,
        Escalate,
        &["it"],
        &[
            r"so dove (lavori|vivi|studi|ti alleni)|(pubblicare|diffondere|mandare|pubblico|diffondo|mando)( \w+){0,2} (le )?tue (foto|video|nudes)|ti (ammazzo|uccido|faccio del male|rovino)|so (dove|che) abiti|ti trovo|te la faccio pagare|vengo sotto casa|so dove stai|ti s?pacco",
            r"(mando|pubblico|invio)( \w+){0,2} (tutte )?(le )?tue (foto|video)|nome e cognome|il tuo vero nome|devo continuare",
        ],
        HYPERBOLE,
    ),
    phrases(
        "threat",
        Input,
        Escalate,
        ALL,
        &[
            // Extortion: money or else, in any language.
            r"(send|give|manda|mandame|envoie|schick|mandami|pay|paga|zahl)( \w+){0,2} (me )?\d+ ?(\$|€|£|euros?|dollars?|bucks|reais) (or|o|ou|oder|sinon)\b",
        ],
        &[],
    ),
    // Stalking, doxxing, wishing her harm and exposure to the people in her life, in every
    // language: the shapes, not the words ("I saw your car", "your boss sees everything").
    phrases(
        "threat",
        Input,
        Escalate,
        ALL,
        &[
            // Street-level, not the city in her bio ("I know you live in LA" is small talk).
            r"i know (that )?(you|u) live (on|near|by|off|right)|se que vives (por|cerca)|sei que (vc|voce|tu) (mora|moras|vives) (ali|perto|por|na rua|no bairro)|so che (abiti|vivi) (vicino|dalle parti|in via|accanto)",
            // Her car where it is parked, not her new car in a post.
            r"(saw|seen|vi|visto|vu)( \w+){0,1} (your|tu|seu|teu|ta|ton|la tua|il tuo|dein\w*) (\w+ )?(car|jeep|truck|carro|coche|auto|voiture|macchina|wagen)( \w+){0,2} (parked|in the driveway|in your driveway|estacionad[oa]|parad[oa]|garee|geparkt|parcheggiat[ao]|outside|enfrente|na frente)",
            r"(showed|se veia|se ve|dava pra ver|da pra ver|on voyait|on voit|si vedeva|si vede|sieht man|sah man)( \w+){0,3} (your|tu|teu|seu|ton|il tuo|dein\w*) (building|edificio|predio|immeuble|palazzo|haus|house|street|calle|rua|rue|strasse)",
            r"(parked|waiting|esperando|aspetto|j attends|wart\w*)( \w+){0,4} (across the street|outside (your|ur) (place|house|building)|enfrente|na frente|em frente|sotto casa|devant chez toi|vor deine\w* (tur|haus|wohnung))",
            r"follow (you|u) home|te suis jusqu|ti seguo fino a casa|te sigo hasta (tu )?casa|te sigo ate (tua|sua) casa|folge dir( \w+){0,2} nach hause|(lauf|geh|folg)\w* (ich )?dir (\w+ ){0,3}(hinterher|nach)",
            r"(you|u) can t hide|tu (ne )?pourras pas te cacher|no te (podras|puedes) esconder|nao (vais|vai|podes|pode) (te )?esconder|non (puoi|potrai) nasconderti|du kannst dich nicht verstecken|tu m echapperas (jamais|pas)|no te (vas a escapar|escaparas)|non mi scapperai|du entkommst mir nicht",
            r"whether (you|u) like it or not|quieras o no|queiras ou nao|queira ou nao|que tu le veuilles ou non|che tu lo voglia o no|ob du willst oder nicht",
            r"(you|u) don t know what i m capable of|(you|u) dont know what im capable of|no sabes (de )?lo que soy capaz|nao sabe(s)? (do que sou capaz|com quem (ta|esta|tas|estas) (a )?mexe\w*)|sais pas de quoi je suis capable|non sai di cosa sono capace|weisst nicht wozu ich fahig bin",
            // Harm wished on her: acid, rape, a beating aimed at "you" (not "hope someone beats the Bills").
            r"(hope|ojala|tomara|espere|spero|hoffe)( \w+){0,3} (someone|somebody|alguien|alguem|qqn|quelqu un|qualcuno|jemand|jmd)( \w+){0,4} (acid\w*|acido|rape\w*|stab\w*|defonce\w*|spacc\w*|umbring\w*|verprugel\w*|(kill|hurt)\w* (you|u)|beat\w* (you|u) up|(te|ti) (mate|ammazz\w*|tue|uccid\w*)|schlag\w* dich)",
            r"(ce serait|ca serait) dommage (qu|que|si)|sarebbe un peccato se|seria una pena que|seria uma pena se|(ware|war) (doch )?schade wenn",
            r"\b(or|o|ou|oder|sinon|altrimenti)( \w+){0,2} (your|tu|teu|ton|ta|dein|deine|il tuo|al tuo|tuo|tua) (boss|jefe|chefe|patron|chef|capo|family|familia|famille|familie|famiglia|mom|mama|mae|mere|mutter|madre|dad|papa|pai|pere|vater|padre|husband|boyfriend|marido|novio|namorado|mari|copain|freund|marito|fidanzato|arbeitgeber|employer|empleador|patrao|datore di lavoro|employeur)( \w+){0,2} (sees|will see|gets|finds out|ve|vera|recibe|recebe|vai ver|voit|verra|recoit|sieht|kriegt|bekommt|vede|vedra|riceve)",
            r"(send|mando|envio|envoie|schick\w*|invio|manda)( \w+){0,2} (tutto|todo|tudo|everything|tout|alles)( \w+){0,2} (to|al|a|ao|pro|an|alla) (your|tu|tuo|teu|ton|ta|dein\w*|tua) (boss|jefe|chefe|patron|chef|capo|family|familia|famille|familie|famiglia|mom|mama|mae|mere|mutter|madre|dad|papa|pai|pere|vater|padre)",
            r"(send|show) (him|her|them) (all )?(your|ur) (pics|videos|nudes|content|photos)|(le|les) (mando|enseno|envio|muestro) (tus|todas tus) (fotos|videos)|(lui|leur) (envoie|montre|envoyer|montrer) (tes|toutes tes) (photos|videos|nudes)|(qu elle|qu il) (voie|voient) tes|(gli|le) (mando|mostro|invio|mandassi) (i tuoi|le tue|tutte le tue) (foto|video)|(schick|zeig)\w* (ihm|ihr|ihnen) (\w+ )?deine (bilder|fotos|videos)",
            r"(found|descubri|encontre|descobri|achei|trouve|retrouve|trovato|scoperto|gefunden|herausgefunden)( \w+){0,3} (your|tu|teu|ton|ta|il tuo|tuo|dein\w*) (real name|full name|last name|surname|nombre real|nombre completo|apellidos?|nome verdadeiro|nome completo|sobrenome|nom de famille|vrai nom|cognome|vero nome|echten namen|nachnamen|padre|madre|mom|dad|mae|pai|mere|pere|vater|mutter)",
            r"(dein\w*|deine) (eltern|mutter|vater|familie|chef|freund)( \w+){0,3} gefunden",
            r"(publish|post|pubblico|publico|publie|poste|veroffentliche|leak\w*|spread|diffondo|difundo|divulgo)( \w+){0,2} (your|tu|teu|ton|il tuo|tuo|dein\w*) (address|direccion|endereco|adresse|indirizzo)",
            r"(create|make|crear|criar|creer|creare|erstell\w*)( \w+){0,2} \d+ (accounts|cuentas|contas|comptes|account|profili|konten)",
        ],
        HYPERBOLE,
    ),
    detector("threat", Input, Escalate, c::threat),
    detector("threat", Input, Escalate, cues::threat),
    // What a stalker shows he knows, in every language: which gym or shop she goes to, her car
    // parked at her door, her plate, her street seen from outside, "shame if something happened".
    phrases(
        "threat",
        Input,
        Escalate,
        ALL,
        &[
            r"(i know|ya se|se|sei|je sais|so|ich weiss|weiss ich)( \w+)? (which|en que|en cual|em qual|em que|dans quel\w*|in che|in quale|in welche\w*|welche\w*|a que|at which) \w+( \w+){0,3} (you|u|tu|vc|voce|du)? ?(go|goes|train|work out|shop|park|vas|vais|va|vai|gehst|trainierst|treina|treinas|entrenas|haces|fais|arbeitest|abiti|lavori|ti alleni|kaufst|einkaufst|fai|sales|sors|esci)",
            r"(i know|ya se|se|sei|je sais|so|ich weiss|weiss ich) (what time|when|a que hora|a quelle heure|a che ora|um wie viel uhr|wann|a que horas) ((you|u|tu|vc|voce|du)( \w+){0,4} )?(leave|leaves|get off|finish|go out|sales|sale|sai|sais|sors|esci|esce|gehst|verlasst|salis|saes)\b",
            r"(parked|aparc\w*|estacion\w*|gare\w*|parcheggi\w*|geparkt|parkst)( \w+){0,3} (in front of|outside|delante de|frente a|enfrente de|devant|sotto|vor|davanti|em frente|na frente)",
            r"(vor|devant|delante de|in front of|outside|davanti a|em frente (a|da|de)|na frente (da|de)) (deiner|deinem|deine|ta|tu|your|ur|la tua|tua|sua|teu) (\w+ )?(tur|haustur|haus|wohnung|porte|portal|puerta|door|house|building|casa|portone|predio|edificio|immeuble)|devant chez toi|sotto casa tua",
            r"(kennzeichen|licen[cs]e plate|number plate|matricula|placa do (teu |seu )?carro|plaque d immatriculation|ta plaque|(la tua|tua) targa|targa della tua)",
            r"(door|car|house|puerta|coche|porta|carro|porte|voiture|tur|auto|macchina|haus) (\w+ ){0,2}(on|in|en|na|dans|nella|sulla) (your|ur|tu|tua|sua|ta|deiner) (street|calle|rua|rue|strasse|via)",
            r"(hate|shame|pity|pena|dommage|schade|peccato)( \w+){0,3} (something|anything|algo|quelque chose|etwas|was|qualcosa)( \w+){0,2} (happen\w*|pas\w*|acontec\w*|arriv\w*|passier\w*|succed\w*)",
            r"(ve se|se ve|on voit|si vede|sieht man|you can see|i can see)( \w+){0,3} (da rua|desde la calle|de la calle|de la rue|depuis la rue|dalla strada|von der strasse|from the street)",
            r"(vor|outside|devant|fuori|afuera de|fuera de|na saida do) (deiner|your|ton|ta|tu|teu|dal tuo|del tuo|de tu|do teu)? ?(arbeit|work|taf|travail|trabajo|trabalho|lavoro|haus|house|casa|wohnung|place|gym|fitnessstudio)( \w+){0,4} (gewartet|waited|attendu|esperado|aspettato)",
            r"(waited|waiting|te espere|te esperaba|te esperei|t ai attendue?|je t attendais|auf dich gewartet|ti ho aspettat[ao]|ti aspettavo)( \w+){0,4} (outside|afuera|fuera|na saida|na porta|devant|vor|fuori|sotto)",
            r"(me las vas a pagar|me la vas a pagar|(vai|vais) me pagar|tu vas me le payer|tu me le paieras|das zahl ich dir heim|das wirst du mir bezahlen|me la pagherai|me la paghi)|(pay|pagar|payer|bezahlen|pagherai)( \w+){0,3} (for ignoring|for ghosting|por ignorarme|por me ignorar|de m ignorer|dass du mich ignorierst|per avermi ignorat[oa])",
            r"(learn|aprender|aprenderas|apprendre|apprendras|lernen|imparare|imparerai)( \w+){0,3} (what happens|lo que (les |te )?pasa|o que acontece|ce qui (t )?arrive|was (mit \w+ )?passiert|cosa succede)",
            r"(sent|mande|mandei|envoye|envoyees|geschickt|mandato|mandate|inviato)( \w+){0,2} (your|tus|tuas|tes|deine|le tue|i tuoi) (pics|fotos|photos|bilder|foto|nudes|videos|vids|video)|(your|tu|tua|ta|deine|tuo) (sister|hermana|irma|soeur|schwester|sorella|mom|madre|mae|mere|mutter) (is|es|e|c est|ist) (next|la siguiente|a proxima|la prochaine|die nachste|la prossima)",
            r"(make sure|asegurar\w*|garantir|m assurer|sorg\w* dafur|faro in modo)( \w+){0,4} (knows|sepa|saiba|sache|weiss|sappia)|(knows|sepa|saiba|sache|weiss|sappia) (what you do|a que te dedicas|o que (voce|tu) faz|ce que tu fais|was du machst|cosa fai)",
            r"(safe|segur[oa]|en securite|sicher|al sicuro)( \w+){0,3} (behind|detras de|atras de|derriere|hinter\w*|dietro)( \w+){0,2} (screen|pantalla|tela|ecran|bildschirm|schermo|phone|computer|celular|movil|handy)",
            r"(found|encontre|descubri|achei|descobri|trouve|gefunden|trovato|scoperto)( \w+){0,3} (your|ur|tu|teu|ton|ta|il tuo|tuo|dein\w*) (mums?|moms?|mothers?|dads?|parents?|family|familys|madre|padre|familia|mae|pai|mere|pere|famille|mutter|vater|eltern|familie|madre|famiglia|genitori)( s)? (address|direccion|endereco|adresse|indirizzo|house|casa|maison|haus)",
        ],
        &[GAMES],
    ),
    // ---- fan messages: meeting requests ----
    detector("meeting_request", Input, Escalate, c::meeting_request),
    phrases(
        "meeting_request",
        Input,
        Escalate,
        &["en"],
        &[
            r"meet (up|in person|irl|for real|somewhere)|meet (me|you|u) (irl|in person|somewhere|at|tonight|tomorrow|this weekend|later|for|after)|(can|could|should) we meet|where do (you|u) live|(what|which) city are (you|u)( in)?",
            r"(your|ur) (home )?(address|addy)|(drive|fly|come) (to|over to|over|see) (you|u|your place)|take (you|u) (out|to dinner)",
            r"where are (you|u) (based|located)|come (visit|see) (you|u)|hang out (in real life|irl|in person)|meet (up )?(this|next|on) (weekend|week|saturday|sunday|friday)|(grab|get) (drinks|a drink|(a )?coffee|dinner)|(are you|r u|you) (anywhere )?near|(which|what) gym|visit (you|u)|come over",
            r"(meet|see|hang|date|hook|go out|grab|get|visit|come|drink|dinner|coffee)( \w+)* (irl|in person|in real life|face to face)",
        ],
        &[r"(your|ur) (email|e mail) address", r"nice to meet"],
    ),
    phrases(
        "meeting_request",
        Input,
        Escalate,
        &["es"],
        &[
            r"vernos|quedamos|(podemos|quieres|vamos a) quedar|quedar (un dia|contigo|conmigo)|conocernos en persona|quedar (en persona|contigo)|en persona|donde vives|tu direccion|en que ciudad (estas|vives)|vives cerca",
            r"invitarte a (cenar|un cafe|tomar)|puedo ir (a verte|en coche|a tu)|tomar algo (en persona|juntos)",
        ],
        // "¿Dónde nos quedamos?": where were we, not where we meet; "dónde vives… en mi cabeza".
        &[
            r"(donde|en que) (nos )?quedamos",
            r"(donde vives|onde (voce |vc |tu )?mora\w*)( \w+){0,2} (en mi (corazon|cabeza|mente)|no meu (coracao|pensamento)|na minha cabeca)",
        ],
    ),
    phrases(
        "meeting_request",
        Input,
        Escalate,
        &["pt"],
        &[
            r"(se|nos) encontrar|(se|nos|te) ver (ao vivo|pessoalmente)|pessoalmente|onde (voce |vc |tu )?moras?|(teu|seu) endereco|em que cidade|moras perto|mora perto",
            r"levar te a jantar|te levo pra jantar|posso ir de carro|(bora|vamos) tomar|nos v3r",
        ],
        // "Sei onde tu mora… no meu coração".
        &[
            r"(donde vives|onde (voce |vc |tu )?mora\w*)( \w+){0,2} (en mi (corazon|cabeza|mente)|no meu (coracao|pensamento)|na minha cabeca)",
        ],
    ),
    phrases(
        "meeting_request",
        Input,
        Escalate,
        &["fr"],
        &[
            r"tu habites ou|t habites ou|se (voir|rencontrer)|(te|vous) rencontrer|se voir en vrai|t habites ou|ou tu habites|ou t habites|ton adresse|(je )?(peux |pourrais )?passer chez toi|on se (boit|prend) un (verre|cafe)",
            r"on se croise|quelle salle de sport|je t invite au resto|se rencontrer en vrai",
        ],
        &[r"adresse (mail|e mail|email)|dans (ma tete|mon coeur|mes pensees|mes reves)"],
    ),
    phrases(
        "meeting_request",
        Input,
        Escalate,
        &["de"],
        &[
            r"(uns|dich) (\w+ ){0,2}(treffen|kennenlernen)|treffen wir|(uns|dich) (mal )?(in echt|personlich|real) (treffen|sehen)|treffen wir uns|wo wohnst du|deine adresse|dich (mal )?besuchen",
            r"(auf|zum) (nen|einen|ein) (kaffee|drink|bier)|in welches (cafe|fitnessstudio|gym)|zufallig auf",
        ],
        &[r"(mail|e mail) adresse"],
    ),
    phrases(
        "meeting_request",
        Input,
        Escalate,
        &["it"],
        &[
            r"incontrarci|vederci|conoscerci (dal vivo|di persona)|dove abiti|il tuo indirizzo|l indirizzo|venire da te|ci prendiamo un caffe|in che palestra|ti offro una cena",
        ],
        &[r"nel mio cuore|nei miei sogni|nella mia testa"],
    ),
    // "You'll regret it", unless it is negated: "non te ne pentirai" is a promise.
    phrases(
        "threat",
        Input,
        Escalate,
        &["fr", "pt", "de", "it"],
        &[r"te ne pentirai|das wirst du bereuen"],
        &[r"(non|nicht|nie) (\w+ )?(te ne pentirai|bereuen)"],
    ),
    // Asking for her gym, her neighbourhood or a drink while in town, in every language.
    phrases(
        "meeting_request",
        Input,
        Escalate,
        ALL,
        &[
            r"(que|qual|which|what|quel|quelle|welche\w*|in che|in quale) (e o teu |es tu |e a tua )?(gimnasio|ginasio|academia|gym|salle de sport|palestra|fitnessstudio)",
            r"(nos )?tomamos algo|(ci )?prendiamo (un|qualcosa)( \w+)? (aperitivo|caffe|drink|spritz)|prendiamo un aperitivo|on (se )?prend un verre|bora tomar|vamos tomar (algo|um)|trinken wir (was|einen)",
            r"(eu )?vou ate (vc|voce|ti)|(fala|diz|dime|dimmi|dis moi|sag mir) (a |la |ta |la tua |deine )?(cidade|ciudad|ville|citta|stadt)|(tell me|just tell me) (what|which) city|quoi ta ville|ta ville exacte",
            r"(posso|puedo|can i|je peux|kann ich|potrei|podria|poderia) (ir|passar|pasar|passare|come|venir|passer|vorbeikommen)( \w+){0,2} (na sua casa|na tua casa|a tu casa|a tua casa|da te|chez toi|zu dir|to your place|por tu casa)",
            r"(quel|quelle|que|qual|in che|in quale|which|what|welche\w*) (quartier|zona|barrio|bairro|neighbou?rhood|area|part of town|viertel|stadtteil)( \w+){0,2} (habites|abiti|vives|moras|mora|live|wohnst)|(habites|abiti|vives|moras|wohnst) (dans |en |em |in )?(quel|quelle|che|que|qual|welche\w*) (quartier|zona|barrio|bairro|viertel|ville|citta|ciudad|cidade|stadt)",
            r"(vederci|conoscerci|incontrarci|ci vediamo) (\w+ )?(dal vivo|di persona)|vengo a trovarti|ti vengo a prendere|te vengo a buscar|bei dir vorbei\w*|je prends la voiture et je viens",
        ],
        &[],
    ),
    // Asking for the street or the postcode, being at her door within the hour, a real date,
    // guessing where she lives from the view in a photo, in every language.
    phrases(
        "meeting_request",
        Input,
        Escalate,
        ALL,
        &[
            r"(send|tell|give|text|dime|dimmi|dis moi|file moi|donne moi|sag mir|schick mir|manda me|mandame|passa mi|passami|me da|me passa|diz me|pasame|dis|file|sag|diz)( \w+){0,3} (postcode|post code|zip|zip code|street|calle|rue|via|strasse|rua|zona|bairro|barrio|quartier|indirizzo|direccion|endereco|adresse|address|plz|codigo postal|code postal|hausnummer|house number)",
            r"(drive|fly|come|ride|drive up|head) (up |down |over )?to (you|u|yours|your place)\b|(be|estar|etre|sein|essere|sono|sei) (at yours|at your place|chez toi|bei dir|da te|en tu casa|na tua casa|na sua casa)|(paso|pasar|passo|passar|passe|vorbei)( \w+)? (por tu casa|pela tua casa|pela sua casa|chez toi|bei dir|da te|sotto casa tua)",
            r"(real|actual|proper) date|date (irl|in person|for real)|vrai (rdv|rendez vous)|appuntamento (vero|dal vivo|di persona)|encontro (de verdade|ao vivo|real|pessoalmente)|echtes date|date in echt|cita (de verdad|real|en persona)",
            r"(we could|we can|we should|podriamos|podemos|podiamos|on pourrait|on peut|potremmo|possiamo|wir konnten|wir konnen|konnten wir|konnen wir)( \w+)? (meet|hang out|link up|vernos|quedar|encontrarnos|juntarnos|combinar|nos ver|nos encontrar|sair juntos|se voir|se retrouver|se rejoindre|se capter|vederci|incontrarci|beccarci|uns treffen|uns sehen)\b",
            r"(come|vente|ven|vem|viens|komm|vieni)( \w+){0,4} (to mine|over to mine|to my place|a mi casa|pra minha casa|para minha casa|a minha casa|chez moi|zu mir|da me|a casa mia)",
            r"(what|which|que|qual|quel|quelle|welche\w*|in che|a que|em que|in welche\w*) (bar|club|pub|disco|boliche|balada|boite|kneipe|locale|discoteca|cafe|caffe)( \w+){0,3} (you|vas|vai|tu vas|gehst|go|frequent\w*|sueles|costuma)",
            r"(first|primera|primeira|premiere|erste|primo) (round|ronda|rodada|tournee|runde|giro)",
            r"(drive|fly|come|ir|venir|vir|descendre|monter|fahr\w*|flieg\w*|venire|passare)( \w+){0,3} (see you|visit you|verte|visitarte|te ver|te visitar|te voir|dich (zu )?(sehen|besuchen)|zu dir (runter|rauf|hin)|trovarti)",
            r"(time|hora|heure|zeit|ora|orario) (and|y|e|et|und) (a |un |um |una |uma |une |einen |il |el |o |le |l )?(place|lugar|lieu|ort|posto|luogo|sitio|local)",
            r"(i ll|ill|i will|let me|i can|lemme|i could)( \w+)? pick (you|u) up|paso a buscarte|te paso a buscar|voy a buscarte|passo (pra|para) te buscar|vou te buscar|je passe te (prendre|chercher)|je viens te (prendre|chercher)|ich hol dich( \w+)? ab|passo a prenderti|ti vengo a prendere|ti passo a prendere",
            r"(same|mismo|mesmo|meme|gleichen|stesso) (festival|concert|concierto|show|event|evento|club|party|fiesta|festa|fete|konzert|concerto)( \w+){0,5} (where|donde|onde|ou|wo|dove)",
            r"(descends|loges|dors|stay|quedas|ficas|stai|ubernachtest|schlafst)( \w+){0,3} (quel|which|what|que|qual|welche\w*|che) (hotel|hostel|airbnb)",
            r"(what|which|que|qual|quel|welche\w*|in che|che|en que|em que|dans quel) (hotel|hostel|airbnb)( \w+){0,4} (stay|staying|quedas|te quedas|quedar|quedarte|ficas|fica|ficar|descends|dors|loges|ubernachtest|schlafst|stai|alloggi|dormi)",
            r"\d+ (mins?|minutes|minutos|minuti|minuten|km|miles|blocks|cuadras|quadras) (away )?(from|de|da|von) (you|ti|voce|vc|toi|chez toi|dir|te)\b",
            r"(closest|nearest|mas cerca|mas cercan\w*|mais perto|mais proxim\w*|la plus proche|le plus proche|am nachsten|nachstgelegen\w*|piu vicin\w*)( \w+){0,3} (to you|from you|de ti|a ti|de tu casa|de voce|de vc|de chez toi|bei dir|a te|da te|to your place)",
            r"(meet|know each other|conocernos|conozcamonos|nos conhecer|conhecer|rencontr\w*|kennenlernen|kennen lernen|conosc\w*|vernos|nos ver|se voir|sehen|vederci)( \w+){0,3} (face to face|cara a cara|face a face|von angesicht zu angesicht|faccia a faccia)",
            r"(face to face|cara a cara|face a face|von angesicht zu angesicht|faccia a faccia)( \w+){0,2} (meet|kennenlernen|kennen lernen|treffen|sehen|conocernos|vernos|nos conhecer|nos ver|se voir|se rencontrer|vederci|conoscerci)|bei dir am nachsten|nachste\w* (\w+ ){0,2}bei dir",
            r"vediamoci (dal vivo|di persona)|on se voit en vrai|link up irl|linking up irl|salgamos un dia|beccarci|on se capte",
            r"(se ve|se veia|da pra ver|da para ver|ve se|on voit|si vede|sieht man|you can see|i can see)( \w+){0,8} (ventana|janela|fenetre|finestra|fenster|window|balcon|varanda|balcone|balkon)",
        ],
        &[
            r"(your|ur|tu|ton|ta|dein\w*|tuo|tua|teu|seu|sua) (e ?mail|correo)|e ?mail|correo",
            r"\b(au prochain live|en live|dans le chat|dans les dms|en dm|on stream|in the stream|en el directo|no live|in diretta|im stream)\b",
        ],
    ),
    // ---- fan messages: payment disputes ----
    phrases(
        "payment_dispute",
        Input,
        Escalate,
        &["en"],
        &[
            r"charge ?back|(want|need|give me|demand) (my |that |the |this |all my |all that )?money back|refund (me|it|now|this)|(want|demand|need) a refund|full refund",
            r"(this|it|that) (was|is) a (scam|ripoff|rip off)|(total |a )?(scam|ripoff)|scammed|(you|u) charged (me|my card)|(you|u|ya|they|i was|i got|i ve been|been) charged (me |my card )?(twice|double)",
            r"never authori[sz]ed|disput\w* (this |the |my |a )?(charge|payment|transaction)|(call|calling|report\w* (to|u to)|contact\w*) (my )?(bank|visa|mastercard|amex|card company)|dispute (it|the charge|this)",
            r"charged for a sub\w* i (cancel+ed)|r e f u n d",
        ],
        &[
            OTHER_MERCHANTS,
            r"(finally |just )?(refunded|reimbursed) (my|me for)",
            OTHER_MERCHANTS,
        ],
    ),
    phrases(
        "payment_dispute",
        Input,
        Escalate,
        &["es"],
        &[
            r"devuelv(e|as|eme|emelo|anme)( \w+){0,2} (dinero|plata|pasta)?|quiero (mi|el) dinero|reembolso|contracargo|estaf\w*|me cobraron|no autorice|(llamo|llamar) al banco",
            r"reclamo (con|al|en) (mi )?banco|te denuncio|fue un robo",
        ],
        &[
            OTHER_MERCHANTS,
            r"me (devolvio|devolvieron|reembolso|reembolsaron|reembolsou|reembolsaram|devolveu|devolveram)",
            JOKING,
        ],
    ),
    phrases(
        "payment_dispute",
        Input,
        Escalate,
        &["pt"],
        &[
            r"(meu|o) dinheiro de volta|estorno|golpe|reembolso|cobraram|nao autorizei|(ligo|ligar) (para|pro) o banco|contestacao|devolve( meu| o)? dinheiro|foi um roubo|te denuncio",
        ],
        &[
            OTHER_MERCHANTS,
            r"me (devolvio|devolvieron|reembolso|reembolsaron|reembolsou|reembolsaram|devolveu|devolveram)",
            JOKING,
            r"golpe (baixo|de (sorte|mestre|vista|estado|calor|ar|genio|misericordia))",
        ],
    ),
    phrases(
        "payment_dispute",
        Input,
        Escalate,
        &["fr"],
        &[
            r"rembourse[rz]? moi|je veux (etre )?rembourse|remboursement|chargeback|arnaque\w*|opposition|debite (deux|2) fois|(j ai )?jamais autorise",
            r"je (le )?conteste|appeler ma banque|porte plainte|c est du vol|mes \d+ balles",
        ],
        &[OTHER_MERCHANTS, r"(m ont|m a|ils m ont) (\w+ )?rembourse"],
    ),
    phrases(
        "payment_dispute",
        Input,
        Escalate,
        &["de"],
        &[
            r"(mein )?geld zuruck|erstattung|rucklastschrift|zuruckbuchen|abzocke|betrug|betruger|(zweimal|doppelt) abgebucht|nie autorisiert|anzeige",
        ],
        &[
            OTHER_MERCHANTS,
            r"(hat|haben) mir (\w+ )*(erstattet|zuruck)",
            r"krieg\w* es zuruck",
            r"fitnessstudio|zalando|amazon",
        ],
    ),
    phrases(
        "payment_dispute",
        Input,
        Escalate,
        &["it"],
        &[
            r"rivoglio i (miei )?soldi|ridatemi|rimborso|storno|truffa|truffato|mi avete addebitato|mai autorizzato|bloccare il pagamento|lo contesto|denuncia",
        ],
        &[
            OTHER_MERCHANTS,
            r"(mi ha|mi hanno) (finalmente )?rimborsat",
            r"me li ridanno",
        ],
    ),
    // Money back, the difference, charges not recognised, a card dispute, deceived, paid and got
    // nothing: the shapes of a dispute in every language. Other shops' refunds stay everyday.
    phrases(
        "payment_dispute",
        Input,
        Escalate,
        ALL,
        &[
            r"(my|mi|mis|meu|meus|mes|mon|meine|meinen|i miei|miei|il mio|la mia) (\d+ )?(money|quid|bucks|dollars|euros?|pounds|plata|dinero|pasta|lana|guita|dinheiro|grana|reais|argent|thunes|balles|fric|geld|kohle|soldi|euro)( \w+){0,2} (back|de vuelta|de volta|zuruck|indietro)|money back (now|asap|immediately|today)",
            r"(want|quiero|quero|je veux|ich will|ich mochte|rivoglio|voglio|regresen|devuelvan|devolvam|give me|devuelveme|rends moi|gib mir|ridammi)( \w+){0,4} (the |la |a |die )?(difference|diferencia|diferenca|differenz|differenza)",
            r"(je veux|quiero|quero|i want|ich will|rivoglio|voglio|give me|devuelveme|devolve|rends moi|gib mir|ridammi|ridatemi) (back )?(mes|mis|meus|my|meine|i miei|miei) \d+",
            r"(charges?|cargos?|cobros?|cobrancas?|prelevements?|abbuchung\w*|addebit\w*|transactions?)( \w+){0,8} (i (don t|dont|do not) recogni[sz]e|no (hice|reconozco)|yo no hice|(eu )?nao (reconheco|fiz)|(je )?(ne )?(reconnais|connais) pas|non (li )?riconosco|nicht erkenne|kenne ich nicht)",
            r"(contest\w*|disput\w*|desconocer|contester|reclam\w*|zuruckholen|zuruckbuchen|zuruck holen|rucklastschrift|stornare|fighting it|fight it|report\w* (\w+ ){0,3}to)( \w+){0,8} (card|card company|bank|tarjeta|banco|cartao|carte|banque|karte|kreditkarte|carta|banca)\b",
            r"(card|bank|tarjeta|banco|cartao|carte|banque|karte|kreditkarte|carta|banca)( \w+){0,4} (contest\w*|disput\w*|desconocer|contester|zuruckholen|zuruckbuchen|zuruck holen|stornare)",
            r"(liguei|llame|j ai appele|ho chiamato|hab (\w+ )?angerufen)( \w+)? (pro|para o|al|a la|ma|la mia|meine|die) (banco|banque|banca|bank)",
            r"(you|u) (scammed|cheated|tricked|lied to|conned|ripped) me|me (enganaste|estafaste|fregaste|timaste|robaste)|(vc|voce|tu) me (enganou|enganaste|roubou|passou a perna)|m as (arnaque|entube|vole)|du hast mich (verarscht|betrogen|abgezockt|beschissen)|mi hai (fregato|truffato|preso in giro)",
            r"(paid|pague|paguei|paye|bezahlt|pagato|pagado)( \w+){1,8} (got nothing|nothing yet|still nothing|y nada|e nada|nada ainda|toujours rien|et rien|nichts bekommen|immer noch nichts|e niente|ancora niente)",
            r"^rembourse( moi| vite)?$|ridammi (i )?(miei )?soldi",
            // A tip or purchase typed wrong, wanted back ("wollte 5 geben nicht 50").
            r"(typo|mistyp\w*|fat finger\w*|by mistake|by accident|accidentally|sin querer|por error|por equivoc\w*|me equivoque|sem querer|por engano|errei|par erreur|faute de frappe|je me suis trompe|aus versehen|vertipp\w*|versehentlich|per sbaglio|errore di battitura|ho sbagliato)( \w+){0,12} (back|refund\w*|devuelv\w*|devolv\w*|reembols\w*|rembours\w*|zuruck\w*|erstatt\w*|rimbors\w*|restitu\w*|ridat\w*|la diff\w*|the diff\w*|difference|diferencia|diferenca|differenz|differenza)",
            r"(zu)?ruck ?erstatt\w*|(kannst|konnt\w*|musst|sollst) (du|ihr) (mir )?(das|es|den betrag|die differenz)( \w+)? (erstatten|zuruckgeben|zuruckzahlen)",
            r"(someone|somebody|alguien|alguem|quelqu un|jemand|qualcuno|mon coloc|mi compa\w*|meu colega)( \w+){0,3} (used|uso|usou|a utilise|a pris|hat|ha usato|ha preso|benutzt)( \w+){0,2} (my|mi|minha|meu|ma|mon|meine|la mia|il mio) (card|tarjeta|cartao|carte|cb|karte|carta)",
            r"(reclame aqui|altroconsumo|verbraucherzentrale|60 millions|profeco|consumidor\.gov|procon|ocu|facua)",
            r"(ouvert|abierto|aberto|eroffnet|aperto|opened|filed)( \w+){0,2} (un |una |um |uma |a |ein\w* )?(litige|disputa|dispute|reclamacao|reklamation|contestazione|reclamo|chargeback)",
        ],
        &[
            OTHER_MERCHANTS,
            JOKING,
            r"(got|recupere|recuperei|zuruckbekommen|riavuto|me devolvio|me devolveu|m a rendu|m ont rendu|zuruckgezahlt|zuruckgebucht|refunded|rimborsat\w*|reembolsaron|reembolsaram|m ont rembourse)",
            // A card's limit raised at the bank, not a charge fought.
            r"plafond|(card|spending|credit) limit|kartenlimit|limit (\w+ )?erhoh\w*|(aumentar|subir|aumentare|alzare|augmenter|relever) (o |el |mi |meu |il |mon |le )?(limite|plafond)",
        ],
    ),
    // A dispute by its procedure: a chargeback's local names, a claim opened with the payment
    // service, a charge never made, paid and the content does not work.
    phrases(
        "payment_dispute",
        Input,
        Escalate,
        ALL,
        &[
            r"retrofactur\w*|contestazione|controversia|widerspruch (\w+ )?(bei|gegen|eingelegt)|desconocer (la compra|el cargo|el cobro)|(charge|cargo|cobro|cobranca|debit|abbuchung|addebito)( \w+){0,6} (i never made|i didn t make|que no hice|que nunca hice|que eu nao fiz|que je n ai (jamais |pas )?fait|die ich nie gemacht|che non ho (mai )?fatto)",
            r"(deducted|cobrado|cobraron|descontado|descontaram|debite|abgebucht|addebitat\w*|scalat\w*) (\w+ ){0,3}(twice|dos veces|duas vezes|deux fois|zweimal|doppelt|due volte)|bitte (\w+ )?(erstatten|zuruckerstatten|zuruckzahlen)",
            r"(paid|pague|paguei|paye|bezahlt|pagato|pagado|unlocked|desbloquee|desbloqueei|debloque|freigeschaltet|sbloccato)( \w+){0,6} (doesn t load|does not load|won t load|didn t work|not working|no carga|no funciono|no abre|nao carrega|nao funcionou|nao abre|charge pas|a pas marche|marche pas|ladt nicht|geht nicht|funktioniert nicht|non carica|non funziona|non si apre)",
            r"(l argent|el dinero|o dinheiro|das geld|i soldi|the money)( \w+){0,2} (est parti|se fue|foi|ist weg|sono spariti|is gone|went)( \w+){0,3} (rien|nada|nichts|niente|nothing)",
        ],
        &[OTHER_MERCHANTS],
    ),
    // ---- fan messages: a minor by school and family, beyond the age ----
    phrases(
        "underage",
        Input,
        Escalate,
        ALL,
        &[
            r"\b(bepc|brevet blanc|junior cert|gcses?|jss ?[1-3]|\d{1,2}(th|st|nd|rd) std|(3rd|4th|5th|6th|2nd|1st) period|recre|ginnasio|itis|prima liceo|seconda liceo|primo superiore|ensino fundamental|do fundamental|van escolar|transporte escolar|viaje de egresados|me voy de egresados|patentino|(\d|primero|segundo|tercero|cuarto|4to|5to|quinto|1ro|2do|3ro) (ano )?de bachillerato|aufm gymi|sous le (controle|contrôle) de mes parents)\b",
            r"sweet (sixteen|16)|(mi|mis) (fiesta de )?(quince|15)( anos)?\b|fiesta de (quince|15)|festa dei miei (1[0-7])|(meu|o meu) aniversario de (1[0-7]|dezassete|dezessete|dezasseis|dezesseis|quinze)",
            r"parental control\w*|control parental|controlo parental|controle parental|controllo (genitori|parentale)|kindersicherung|jugendschutz\w*|family link",
            r"soldi della (cresima|comunione)|(confirmation|communion) money|dinero de (la )?(comunion|confirmacion)|dinheiro da (crisma|comunhao)|argent de (ma )?(communion|confirmation)|(konfirmations|kommunions|firm)geld",
            r"(used|usei|use|utilise|benutzt|usato|usando)( \w+){0,3} (my|mi|meu|do meu|de mi|mon|de mon|meines|von meinem|di mio|mio) (big |older |grand |große\w* |hermano mayor|irmao mais velho)?(brother|brothers|hermano|irmao|frere|bruders?|fratello)( s)? (id|dni|ine|rg|cpf|carte d identite|perso|ausweis|carta d identita|documento)",
        ],
        NOT_MY_SCHOOL,
    ),
    // ---- fan messages: crisis by means and method ----
    phrases(
        "crisis",
        Input,
        Escalate,
        ALL,
        &[
            r"(least|most|menos|moins|meno|am wenigsten) (painful|painless|doloros[oa]|douloureu\w*|schmerzhaft\w*)( \w+){0,3} (way|forma|manera|modo|jeito|facon|methode|weg|to go|to die|andarsene|morir|morrer|mourir|sterben)|painless (way|method) to (go|die)",
            r"(burn\w*|brucio|bruciarmi|quemo|quemarme|queimo|queimar|brule|bruler|verbrenn\w*)( \w+){0,5} (lighter|accendino|mechero|encendedor|isqueiro|briquet|feuerzeug)",
            r"\britz\w* (mich|ich)\b|(marcas|cortes|cicatrizes|marks|cuts|scars|narben|coupures|tagli)( \w+){0,5} (eu mesmo fiz|eu mesma fiz|que eu fiz|i made myself|i did myself|me hice yo|je me suis fait|hab ich mir selbst|che mi sono fatto)",
            r"(mensagens|mensajes|messages|nachrichten|messaggi|texts) (de despedida|d adieu|d addio|zum abschied)|goodbye (messages|texts)",
            r"(don t|dont|do not|not) wake up (tomorrow|again|anymore)|nicht mehr aufwach\w*|no (volver a )?despertar (nunca )?mas|nao acordar mais|ne (plus|jamais) me reveiller|non svegliarmi piu|q(ue)?ro me matar",
            r"(garage|garagem|garaje)( \w+){0,6} (motor|motore|engine|moteur)( \w+){0,2} (acceso|running|on|encendido|ligado|allume|an|laufend)",
        ],
        HYPERBOLE,
    ),
    // ---- fan messages: meeting by a room, a location sent, real life ----
    phrases(
        "meeting_request",
        Input,
        Escalate,
        ALL,
        &[
            r"(room|habitacion|quarto|chambre|zimmer|camera|suite|apartamento) (n |nr |no |numero )?\d{3,4}\b|(lobby|hall|reception|recepcion|recepcao|rezeption)( \w+){0,3} (hotel|del hotel|do hotel|de l hotel|dell hotel)",
            r"(send|manda|mandame|mandami|envoie|schick|pasame|passa|dammi)( \w+){0,2} (location|ubicacion|localizacao|posizione|position|standort|pin|adresse|indirizzo|direccion|endereco)( \w+){0,3} (ti raggiungo|voy|vou|j arrive|komm|i ll come|te busco|te encuentro|passo|arrivo|ich komme)",
            r"(conocerte|verte|te voir|vederti|ver te|te ver|dich (sehen|treffen|kennenlernen)|meet you|see you)( \w+){0,3} (en la vida real|en persona|en vrai|irl|in real life|in person|cara a cara|face to face|in faccia|dal vivo|pessoalmente|ao vivo|personlich|im echten leben|dans la vraie vie|nella vita reale|na vida real)",
        ],
        &[
            r"live|stream|en directo|ao vivo no|en live|in diretta|show|concert|concierto|convention|convencion|fan ?meet\w*",
        ],
    ),
    // ---- fan messages: threats timed to her comings and goings ----
    phrases(
        "threat",
        Input,
        Escalate,
        ALL,
        &[
            r"(careful|cuidate|cuidado|attenta|attento|fais gaffe|fais attention|pass (bloss )?auf|fica esperta|ten cuidado)( \w+){0,4} (when you (leave|go out|get out|walk)|cuando (salgas|sales)|quando (sair|sais|esci|uscirai)|quand tu (sors|rentres)|wenn du (raus|nach hause|heim)\w*)",
        ],
        &[
            r"ice|icy|rain|lluvia|chuva|pluie|regen|pioggia|cold|frio|froid|kalt|freddo|snow|nieve|neve|neige|schnee|traffic|trafico|transito|trafic|verkehr|traffico|covid|flu|gripe|grippe|influenza|sun|sol|soleil|sonne|sole|heat|calor|chaleur|hitze|caldo",
        ],
    ),
    // ---- fan messages: is this a bot? ----
    phrases(
        "ai_question",
        Input,
        Flag,
        &["en"],
        &[
            r"(are|r) (you|u) (a |an )?(bot|ai|robot|real|human|chatgpt|chatter|person|real person|actually you)",
            r"(you re|youre|ur|you are|u r) (a |an )?(bot|ai|robot|machine|program)",
            r"is (this|it) (a |an )?(bot|ai|chatgpt|automated|actually you|really you|really her|her|you)",
            r"am i (talking|chatting|speaking|texting) (to|with) (a |an )?(bot|ai|robot|real|human|machine|chatter|agency)",
            r"(team|agency|chatters?|someone else) (behind|running|writing)|prove (you re|you are|ur|u r) (real|human|a real person)",
            r"chat ?gpt|chat ?bot",
            r"(is|are) (there )?(a |an )?(real )?(person|human|someone|somebody|guy|team) (reading|writing|typing|answering|replying|behind)",
            // The whole message asks it, without a verb: "u real?", "you a bot?".
            r"^(you|u) (a |an )?(real|bot|ai|robot|human|real person)( or (not|what|fake|a bot|ai))?$",
        ],
        &[],
    ),
    phrases(
        "ai_question",
        Input,
        Flag,
        &["es", "pt"],
        &[
            r"(eres|sos|e|es) (un |una |um |uma )?(bot|ia|robot|real|persona|humano|humana|gente de verdade)|(e|voce e|vc e|tu es) (um |uma )?robo\b",
            r"(hablando|falando) co[nm] (un |una |um |uma )?(bot|ia|robot|robo|maquina)|agencia|equipo|equipa|equipe",
            r"(eres|es) (tu|voce|vc) (la que escribe|de verdad|mesma|mesmo|que escreve)|(e|es) (voce|tu) (mesma|mesmo)",
            r"chat ?gpt|chat ?bot",
        ],
        &[],
    ),
    phrases(
        "ai_question",
        Input,
        Flag,
        &["fr"],
        &[
            r"(t es|tu es|c est) (un |une )?(bot|ia|robot|chatbot|humain)|vraiment toi qui|ton agence|vraie personne|humain derriere",
            r"chat ?gpt|chat ?bot",
        ],
        &[],
    ),
    phrases(
        "ai_question",
        Input,
        Flag,
        &["de"],
        &[
            r"bist du (ein |eine )?(bot|ki|mensch|echt|roboter)|(schreibt|antwortet) (hier )?(eine |ne )?ki|schreibst du selbst|chatter",
            r"echter mensch|(wirklich|echt) \w+ oder (ein )?(programm|bot)|chat ?gpt|chat ?bot",
        ],
        &[],
    ),
    phrases(
        "ai_question",
        Input,
        Flag,
        &["it"],
        &[
            r"sei (un |una )?(bot|ia|robot|chatbot|persona vera|reale|davvero tu)|scrivendo un ia|tua agenzia|persona vera|persona o un programma",
            r"chat ?gpt|chat ?bot",
        ],
        &[],
    ),
    phrases(
        "ai_question",
        Input,
        Flag,
        ALL,
        &[
            r"(talking|chatting|speaking|texting|writing|hablando|falando|parle|parler|parlando|scrivendo|schreib\w*|rede|chatte|chattest)( \w+){0,2} (to|with|con|com|a|avec|mit|ad) (a |an |un |una |um |uma |une |nem |einem |ne |nen |so ne |so nem |some )?(bot|ai|ia|ki|robot|chatbot|machine|maquina|macchina)\b",
            r"(you|tu|du|vos|voce|vc)( \w+){0,2} (or|o|ou|oder) (\w+ ){0,2}(agentur|agency|agencia|agence|agenzia|team|equipe|gestor|manager|assistant\w*|chatter\w*|bot|ia|ki|ai)\b",
        ],
        &[],
    ),
    // Who writes the replies: software or an assistant doing the writing, how many people run
    // the account, someone behind it.
    phrases(
        "ai_question",
        Input,
        Flag,
        ALL,
        &[
            r"(an? |una? |um |uma |une? |ein\w* |ne |nen )?(ai|ia|ki|bot|software|programa|programm\w*|logiciel|assistant\w*|asistente|assistente|atendente|chatter\w*|ghostwriter)( \w+){0,2} (writ\w*|answer\w*|repl\w*|respond\w*|escrib\w*|contest\w*|escrev\w*|ecri\w*|repond\w*|schreib\w*|antwort\w*|scriv\w*|rispond\w*)( \w+){0,2} (these|this|your|for you|tus|estos|esses|tes|ces|deine|diese|i tuoi|questi|mensajes|mensagens|messages|nachrichten|messaggi|dms?|texts?)",
            r"(me|mi|mir|m) (esta|estas|sta|est en train de|esta a) (contestando|respondiendo|respondendo|rispondendo|repondre)( \w+)? (una? |um |uma |un )?(ia|ai|bot|maquina|macchina|programa|software)",
            r"(how many|cuant[oa]s?|quant[oa]s?|combien|wie viele|quanti|quante)( \w+){0,2} (people|personas|gente|pessoas|personnes|leute|personen|persone|of you|sois|sao voces|etes vous|seid ihr|siete)( \w+){0,4} (run|running|behind|answer\w*|write|writing|lleva\w*|detras|contest\w*|escrib\w*|por tras|cuid\w*|respond\w*|derriere|gere\w*|repond\w*|hinter|schreib\w*|antwort\w*|dietro|gestisc\w*|rispond\w*|a rispondere|a scrivere)",
            r"(someone|somebody|alguien|alguem|quelqu un|jemand|qualcuno|atendente|equipe|equipo|team)( \w+){0,2} (behind|detras|por tras|derriere|hinter|dietro)( \w+){0,3} (account|cuenta|conta|compte|konto|profil\w*|perfil|profilo)",
            r"(you|u) (too|as well)$|(sei|eres|es|e|est|bist) (un |una |um |uma |ein )?(software|programa|programm|logiciel|algoritm\w*|algorithm\w*)\b",
            r"(ist|is|es|e|est|c est) (das|this|esto|eso|isso|isto|ca|questo|it) (eine? |an? |una? |um |uma )?(ki|ai|ia|bot|chatgpt|chat gpt)\b|(sound|sounds|suena\w*|parece\w*|klingt|klingst|sembr\w*|on dirait)( \w+){0,2} (like )?(an? |una? |um |uma |eine? )?(ai|ia|ki|bot|robot|robo|chatgpt)\b",
            r"(generat\w*|generad\w*|gerad\w*|genere\w*|generier\w*|automat\w*) (in |en |em )?(automatic\w*|automatisch\w*|automatique\w*|automatico|automaticamente|by ai|por ia|pela ia|par l ia|von ki|dall ia)|(bot|robot|maquina|machine|macchina|maschine|ia|ai|ki) (or|o|ou|oder) (a )?(person\w*|pessoa|humano|human|humain|mensch|umano|real)|(replika|character ai|chatgpt|chat gpt)( \w+){0,4} (fans|fas|fan|conversar|talk|chat\w*|responder|answer)",
            r"(people|personas|gente|pessoas|personnes|gens|leute|personen|persone)( \w+){0,2} (manej\w*|gestion\w*|gerenc\w*|administr\w*|verwalt\w*|betreib\w*|run|running|gest\w*|cuid\w*)( \w+){0,2} (account|cuenta|conta|compte|konto|profil\w*|perfil|profilo)|combien de (gens|personnes)",
        ],
        &[],
    ),
    // ---- fan messages: rounds 16-18 (school systems, profiles, means, presence, procedure) ----
    phrases(
        "underage",
        Input,
        Escalate,
        ALL,
        &[
            // School years of Nigeria, India, France, Belgium, Switzerland, Quebec, Senegal.
            r"\b(j?ss ?[1-3]|j?ss[ie]|class (9|10|11|12)(th)? (pcm|pcb|commerce|arts|science|student|boards)|(pcm|pcb) student)\b|(my|the) boards (are|exams?) (coming|next|in)",
            r"(classe de|en|je suis en|suis en|compo de|stage de|controle de|exam\w* de) [3-6] ?(e|eme)\b|epreuve anticipee|bac de francais|bal des finissants|secondaire [1-5]|(a l|au|en) (athenee|cem|cycle d orientation)\b|(encore|toujours) au co\b",
            r"(elfte|zehnte|neunte|achte|siebte) klasse|(in der|in die) (oberstufe|unterstufe|mittelstufe)|(wegen|fur) (der|die|einer|ne) schularbeit|(meine|die) schularbeit|\b(l17|lit) (darf|fahr\w*|mach\w*|anfang\w*|fuhrerschein)|fuhrerschein mit 17|familienfreigabe (sperrt|blockiert|meiner eltern|von (meinen|meiner) (eltern|mutter|vater|mama|papa))|(sperrt|blockiert) (\w+ ){0,2}(die )?familienfreigabe",
            r"(mancano|mi mancano|ancora) (due|tre|quattro|2|3|4) anni (alla|per la|prima della) maturita|(ho|vado al|sto al|c e il|dopo il) doposcuola|\bbigiat\w*|marinat\w* (la )?scuola",
            r"(skipped|skipping|skip|cut) (school|class)|hice (pellas|novillos|campana|la pinta)|(me fui|me voy|irse) de pinta|(matei|matar|matando) aula|cabul\w* (aula|escola)|seche\w* (les cours|le cours|l ecole)|schule geschwanzt|(die )?schule schwanz\w*",
            r"(vogliamo|voglio|quiero|queremos|quero|queremos|veux|voulons|will|wollen|want to|wanna) (\w+ ){0,2}(fare|ser|etre|werden|essere|be|become) (da grande|de grande|quando (eu )?crescer|quand je serai grand|wenn ich gross bin|when i grow up)",
            r"(con|with|com|avec|mit) (la |mi |my |minha |meu |mon |mein\w* |il mio |la mia |a |o |el )?(\w+ )?(paghetta|taschengeld|argent de poche|mesada|pocket money)|(me da|me dan|me dio|me dieron|me dan) (mi|el) domingo",
            r"(mom|mum|mother|dad|father|parents|mama|mamma|madre|padre|padres|mae|pai|pais|mere|pere|mutter|vater|eltern|genitori|muatta)( \w+){0,6} (unterschreib\w*|sign\w*|firmar\w*|firma\w*|assin\w*|signe\w*)( \w+){0,2} (die |la |the |le |a |o |il |den |das )?(arbeit|test|prufung|verifica|compito|controle|interro|prueba|examen|boletim|pagella|zeugnis|bulletin|report card|libretto)",
            r"(mutter|mother|mom|mum|madre|mamma|mama|mere|mae|vater|father|dad|padre|papa|pere|pai|eltern|parents|genitori|padres|pais)( \w+){0,8} (arbeit|test|prufung|verifica|compito|controle|interro|prueba|examen|boletim|pagella|zeugnis|bulletin|report card|libretto)( \w+){0,4} (unterschreiben|signer|firmare|firmar|assinar|sign)",
            r"(ritira|sequestra|toglie|tolto|ritirato|sequestrato|weggenommen|abgenommen|confiscated|confisque)( \w+){0,3} (il )?(telefono|cellulare|handy|phone|portable)( \w+){0,4} (scuola|schule|school|ecole|escola|escuela|cena|abendessen|dinner|notte|nacht|night|compiti|hausaufgaben|homework|devoirs|schularbeit|voto|note|nota)",
            r"(mia madre|mio padre|i miei|mamma|papa)( \w+){0,2} (mi )?(ritira|sequestra|toglie|prende)( \w+){0,2} (il )?(telefono|cellulare)",
        ],
        NOT_MY_SCHOOL,
    ),
    phrases(
        "crisis",
        Input,
        Escalate,
        ALL,
        &[
            // A whole box of pills, or one in front of them; how many it takes.
            r"(whole|entire|all|toda|todo|inteira|inteiro|tutta|tutto|toute|tout|ganze\w*|full)( the| la| a| o| le| die| das)? (box|caja|scatola|boite|cartela|caixa|packung|schachtel|blister|bottle|frasco|flacon|boccetta|pack|plaquette|tira)( \w+){0,2} (de |di |of |da |do |mit |d )?(\w+ )?(pills|pastillas|pastiglie|pillole|comprimidos|comprimes|remedio|remedios|medicamentos?|medocs?|cachets|tabletten|medikamente|sonniferi|somniferos|somniferes|schlaftabletten|clonazepam|rivotril|lexomil|xanax|valium|tachipirina|paracetamol\w*|doliprane|tylenol|ibuprofen\w*|lorazepam|diazepam|zolpidem|stilnox|tavor|lyrica|tramadol|oxy\w*)",
            r"(box|caja|scatola|boite|cartela|caixa|packung|schachtel|bottle|frasco|flacon|boccetta|plaquette)( \w+){0,2} (de |di |of |d )?(pills|pastillas|pastiglie|pillole|comprimidos|comprimes|medocs?|cachets|tabletten|clonazepam|rivotril|lexomil|xanax|valium|tachipirina|doliprane|lorazepam|diazepam|zolpidem|stilnox|tavor)( \w+){0,2} (devant moi|in front of me|frente a mi|en la mano|na minha frente|na mao|davanti a me|in mano|vor mir)",
            r"(googled|gegoogelt|gegooglet|recherche|cherche sur google|cercato su google|googlato|busque en google|googlee|pesquisei|pesquisado|googlei|searched)( \w+){0,3} (how many|cuantas|cuantos|quantos|quantas|quanti|quante|combien|wie viele?)( \w+){0,3} (pills|tabletten|pastillas|comprimidos|pastiglie|pillole|cachets|comprimes|medocs|floors|piani|pisos|andares|etages|stockwerke|stock)|(how many|cuantas|cuantos|quantos|quantas|quanti|quante|combien|wie viele?)( \w+){0,3} (pills|tabletten|pastillas|comprimidos|pastiglie|pillole|cachets|comprimes|medocs|floors|piani|pisos|andares|etages|stockwerke)( \w+){0,4} (to die|pour mourir|para morir|para morrer|per morire|zum sterben|um zu sterben|to not wake up|para no despertar|pour ne pas se reveiller)",
            r"(which|what|que|qual|quel|quelle|welche\w*|quale)( \w+){0,2} (jeito|way|manera|forma|facon|methode|art|modo|metodo)( \w+){0,3} (doi menos|hurts (the )?least|duele menos|fait le moins mal|tut am wenigsten weh|fa meno male)",
            r"(spring\w*|jump\w*|throw myself|sauter|me jeter|tirarme|me tirar|me jogar|buttarmi|mich werfen|werf mich)( \w+){0,3} (vor (den|nen|einen|einem|die|ne) (zug|u bahn|bahn|lkw|s bahn)|in front of (a |the )?(train|bus|truck|subway)|sous (un |le )?(train|metro|camion|rer)|(bajo|debajo de|delante de|frente a) (un |el )?(tren|metro|camion)|sotto (un |il |al )?(treno|camion|metro)|na frente d[oe] (um |o )?(trem|onibus|caminhao|metro))",
            r"(sauter|tirarme|me tiro|me jogar|buttarmi|mi butto)( \w+){0,1} (du|d un|de mon|del|de mi|da|do|dal|dalla) (balcon|varanda|balcone)",
            r"(me jeter|me jette|me balancer) (dans|a|sous|du|de|par) (la |le |l |un |une )?(lagune|seine|riviere|fleuve|mer|lac|canal|vide|fenetre)|(tirarme|me tiro|me voy a tirar) (al|a la|en el|por la) (rio|mar|vacio|metro|tren|ventana)|(me jogar|me jogo) (no|na|do|da) (rio|mar|ponte|trilho|janela)|(buttarmi|mi butto) (nel|nella|sotto|dal ponte)|(sono|estoy|je suis|i m|im|ich stehe|ich bin) (sul|en la|en el|sur le|on the|auf dem|auf der) (cornicione|cornisa|rebord|ledge|sims|dachkante|parapetto|parapet)",
            r"(puente|ponte|pont|bridge|brucke)( \w+){0,6} (hoy es el dia|je (ne )?rentre pas|je (ne )?rentrerai pas|oggi e il giorno|hoje e o dia|today s the day|today is the day|heute ist der tag)",
            r"(reponds plus|repondrai plus|don t reply|dont reply|stop replying|no respondo mas|no te respondo|nao respondo mais|non rispondo piu|antworte nicht mehr|ne reponds plus)( \w+){0,8} (pas ta faute|not your fault|no (es|fue) tu culpa|nao (e|foi) (tua|sua) culpa|non (e|era) colpa tua|nicht deine schuld)",
            r"(if|in case) i (don t|dont|do not|never) (reply|answer|text|respond)( \w+){0,6} (through with it|did it|finally did)|passe\w* a l acte|(won t|wont|will not|never) hear from me (again )?(after|past|from) (tonight|today|tomorrow)|you won t hear from me again after",
            r"(wrote|written|made|escribi|hice|fiz|escrevi|ecrit|fait|scritto|fatto|geschrieben|gemacht) (\w+ ){0,2}(my|mi|meu|o meu|mon|mein|il mio) (will|testamento|testament)\b|(mein|my|mi|meu|mon|il mio) (testament|testamento|will) (geschrieben|gemacht|written|done|escrito|hecho|feito|ecrit|fait|scritto|fatto)",
            r"(rifatto|fatto|made|did|hice|fiz|fait|refait|gemacht)( \w+){0,2} (i |the |los |las |os |as |les |die |de )?(tagli|cuts|cortes|coupures|schnitte|ritzer)( \w+){0,2} (sulle|sui|on my|en mis|en las|en los|nas|nos|sur mes|sur les|an meinen|auf meinen|an den) (gambe|braccia|polsi|cosce|legs|arms|wrists|thighs|piernas|brazos|munecas|muslos|pernas|bracos|pulsos|coxas|jambes|bras|poignets|cuisses|beine|arme|handgelenke|armen|beinen)",
        ],
        HYPERBOLE,
    ),
    phrases(
        "threat",
        Input,
        Escalate,
        ALL,
        &[
            r"(mach|mache|machen|mach ich)( \w+){0,2} (dich|dein leben|deine existenz|dein ganzes leben|deine karriere) kaputt|(ruin|destroy|arruin\w*|destruir\w*|destroz\w*|detruire|detruis|rovinar\w*|distrugger\w*)( \w+){0,2} (your|tu|ta|ton|tua|teu|sua|deine?|la tua) (life|vida|vie|vita|leben|career|carrera|carreira|carriere|carriera)",
            r"(shame|pity|schade|dommage|lastima|pena|peccato)( \w+){0,3} (if|wenn|si|se) (\w+ ){0,3}(dir|dein\w*|your|you|te|ti|toi|ton|ta|teu|tua|tuo|a ti|a te)( \w+){0,3} (happened|happen|passiert|passieren|brennt|brennen|burn\w*|pasara|pasaria|pase|acontecesse|aconteca|arrivait|arrive|succedesse|succede|accadesse|brucia\w*|quema\w*|queima\w*|brule\w*)",
            r"(kenn|kenne|know|conozco|conheco|connais|conosco|weiss|reconnu|erkannt|riconosciuto|found|encontre|trouve|gefunden|capito|herausgefunden|descobri|averigue)( \w+){0,3} (your|deine?n?|tu|tus|teu|tua|ton|ta|tes|il tuo|la tua|in che|in welche\w*|en que|em que|dans quel\w*) (street|strasse|calle|rua|rue|via|building|gebaude|haus|edificio|predio|immeuble|palazzo|gym|fitnessstudio|gimnasio|academia|palestra|plate|license plate|nummernschild|kennzeichen|matricula|placa|plaque|targa|floor|etage|stockwerk|piso|andar|workplace|arbeitsplatz|office|bureau|oficina|escritorio|ufficio|address|adresse|direccion|endereco|indirizzo|colonia|portal|portone|ip)\b",
            r"(was|war|estuve|estive|j etais|ero|stand|stood|passei|pase|sono passato|passed|walked)( \w+){0,3} (in deiner strasse|in your street|on your street|down your street|en tu calle|por tu calle|na tua rua|na sua rua|dans ta rue|nella tua via|vor deinem haus|outside your (house|place|building|door|flat)|frente a tu casa|na frente da tua casa|devant chez toi|davanti a casa tua)",
            r"(estoy|to|estou|je suis|sono|bin|i m|im|ich stehe)( \w+){0,2} (en el portal|en la puerta|na porta|no portao|devant|davanti|vor|outside|al portone) (de tu|do teu|da tua|de ton|de ta|de chez toi|al tuo|alla tua|deinem|deiner|your|del tuo|di casa tua)",
            r"(tengo|have|got|j ai|hab|ho|tenho)( \w+){0,2} (tu|your|ton|ta|deine?|la tua|il tuo|teu|tua|seu|sua) (ip|ubicacion|location|localisation|standort|posizione|localizacao|real name|nombre real|nome real|vrai nom|echten namen|nome vero)\b",
            r"(want|wants|quieres que|tu veux que|veux tu que|willst du dass|vuoi che|queres que|quer que)( \w+){0,2} (your|tu|ta|ton|dein\w*|il tuo|la tua|teu|tua) (\w+ )?(jefa|jefe|boss|patron|chef|chefin|capo|familia|family|famille|familie|famiglia|novio|boyfriend|mari|esposo|marido|namorado|fidanzato|parents|padres|pais|genitori|eltern|friends|amigos|amis|amici|freunde|coworkers|colleghi|colegas|collegues|kollegen)( \w+){0,2} (to find out|to know|se entere\w*|lo sepa\w*|sache\w*|erfahrt|erfahren|sappia\w*|scopra\w*|saiba\w*|descubra\w*)",
            r"(se entere|sepa|find out|sache|erfahrt|sappia|scopra|saiba) (tu|your|ton|ta|dein\w*|il tuo|la tua|teu|tua) (jefa|jefe|boss|patron|chef|chefin|capo|familia|family|famille|familie|famiglia|novio|boyfriend|mari|esposo|marido|namorado|fidanzato|freund|mann)",
            r"\b(o|or|ou|sinon|sonst|oppure|altrimenti|si no|senao|ou sinon)( \w+){0,4} (se filtra\w*|leak\w*|filtro|lo filtro|vaza\w*|fuite|fuiter|publie\w*|je balance|balance tout|veroffentlich\w*|pubblic\w*|diffond\w*|saura|sauront|se entera\w*|sabra\w*|vai saber|vao saber|erfahrt|erfahren|sapra\w*|sapranno)",
            r"(faire tourner|faire circuler|spread|send|envoyer|mandar|espalhar|mandare|schicken|verschicken|leak|share|partager|compartir|condividere|difundir|divulgar|diffondere|verbreiten)( \w+){0,2} (tes|your|tus|teus|tuoi|le tue|deine|seus|suas) (nudes|nude|nudies|fotos intimas|fotos intimas|photos intimes|foto intime|nacktbilder|nacktfotos|packs?|videos intimos|nudi)",
            r"(i know|conozco|conheco|je connais|j ai|conosco|ich kenne|hab|tengo|tenho|ho)( \w+){0,2} (people|gente|gens|leute|persone|pessoas|guys|tipos|mecs|jungs|ragazzi|amigos|potes|contacts|contactos|contatti|kontakte)( \w+){0,6} (hurt you|hacerte dano|te hacer dano|te faire du mal|dir weh tun|farti del male|te machucar|where to find you|donde encontrarte|ou te trouver|wo du wohnst|wo sie dich finden|dove trovarti|onde te encontrar|savent ou|saben donde|wissen wo|sanno dove|sabem onde)",
            r"(your|ur|tu|teu|ton|dein\w*|il tuo|tuo|that|ese|esse|ce|quel|questo|al tuo|a tu|o teu) (\w+ )?(boyfriend|bf|novio|namorado|copain|freund|fidanzat\w*|marido|husband|mari|novinho)( \w+){0,8} (stab\w*|getting stabbed|beat\w* up|reviento|revientro|lo mato|matarlo|parto lhe|partir lhe|cagar a palos|a palos|a putazos|casser la gueule|defonce\w*|buter|fracasser|umbringen|abstechen|verprugel\w*|ammazz\w*|gambizz\w*|guardarsi le spalle|watch his back|cuidarse la espalda|fasse gaffe)",
            r"(tell him|digli|dile|diz lhe|dis lui|sag ihm|avisa o|avisale)( \w+){0,2} (watch his back|guardarsi le spalle|se cuide|que se cuide|fasse gaffe|aufpassen|pass auf|cuidado)",
            r"(quemar\w*|queimar\w*|bruler|brule|bruciar\w*|burn|torch|anzund\w*|abfackeln)( \w+){0,2} (your|teu|tua|ton|ta|dein\w*|il tuo|la tua) (carro|coche|auto|car|voiture|macchina|casa|house|maison|haus|wohnung|apartamento|appartamento|depa)|(quemarte|queimar te|te queimar|te bruler|bruciarti|te quemo|te queimo|ti brucio|dir (das|dein) \w+ anzunden) (el |la |o |a |ta |ton |la |il )?(carro|coche|auto|casa|voiture|maison|macchina|depa|apartamento)",
            r"ti ritrovo (sempre|ogni volta|ovunque)|i ll always find you|i will always find you|te encontrare siempre|je te retrouverai toujours|je te retrouve toujours|ich finde dich uberall",
            r"(carta d identita|documento|ausweis|carte d identite|\bid\b|dni|rg|passport|passaporto|pasaporte|passeport|reisepass)( \w+){0,6} (screen|screenshot\w*|captura|fatto lo screen|screenshotted)",
            r"(nata|nato|born|nacida|nacido|nascida|nee|geboren)( \w+){0,1} (a|in|en|em|au) \w+( \w+){0,2} (nel|in|en|em|im) (19|20)?\d\d( \w+){0,3} (vuoi che continuo|want me to (go on|continue)|quieres que siga|queres que eu continue|tu veux que je continue|soll ich weitermachen)",
        ],
        HYPERBOLE,
    ),
    phrases(
        "meeting_request",
        Input,
        Escalate,
        ALL,
        &[
            r"(fur|for|por|pour|per|pra|para) (einen|an|one|un|una|uma|une|1) (abend|evening|night|nacht|noche|noite|soir|soiree|sera|serata|date|cita|encontro|rendez vous|appuntamento|dinner|cena|jantar|diner|essen|weekend|fin de semana|fim de semana|wochenende) (mit dir|with you|contigo|com voce|com vc|contigo|avec toi|con te)",
            r"(hast du|hesch|do you have|have you got|got|tienes|tenes|tens|tem|as tu|t as|hai|avresti) (\w+ )?(zeit|ziit|time|tiempo|tempo|temps) (fur|fuer|for|para|pra|pour|per) (en|einen|nen|ein|a|un|una|um|uma|une) (kafi|kaffee|coffee|cafe|cafecito|cafezinho|caffe|caffettino|drink|bier|pint|beer|apero|aperitivo|cerveza|cerveja|birra)|(make we|let s|lets|wanna|we should|we go|we fit) link up",
            r"(caffe|cafe|coffee|kaffee|drink|aperitivo|spritz|cena|dinner)( \w+){0,1} (dal vivo|di persona|in persona|en persona|en vrai|irl|in real life|pessoalmente|ao vivo)\b",
            r"(komm|kommst|come|ven|vem|viens|vieni)( doch| mal| einfach| du)* (ruber|vorbei|zu mir)\b",
            r"(tell me|dime|decime|me (fala|diz)|fala|diz me|dis moi|sag mir|dimmi|manda\w*|mandami|pasame|envoie moi|schick mir|send me)( \w+){0,2} (your|tu|tua|teu|ta|ton|deine?|la tua|a tua|il tuo|la|el|a) (city|ciudad|cidade|ville|stadt|citta|colonia|barrio|bairro|quartier|address|direccion|endereco|adresse|indirizzo|via|calle|rua|rue|strasse)( \w+){0,6} (bus|busao|onibus|tgv|train|tren|trem|zug|treno|voy|vou|j arrive|komm|i ll come|vengo|arrivo|flores|flowers|fiori|fleurs|blumen|tacos|te caigo|ti porto|te llevo|te levo|je t apporte|bring)",
            r"(accept\w*|agree\w*|acepta\w*|aceita\w*|accett\w*|bereit|d accord)( \w+){0,1} (de |to |a |zu |di |pour )?(me voir|see me|meet me|verme|me ver|vedermi|mich (zu )?(sehen|treffen)|me rencontrer|incontrarmi)",
            r"(if|si|se|wenn|quando|when|cuando|quand) (you |tu |vc |voce |du )?(ever )?(come|vienes|venis|vier|vieres|viens|venez|vieni|kommst|passes|passi|pasas)( \w+){0,2} (to|a|pra|para|nach|in|por|par|au|en) \w+( \w+){0,6} (let me know|avisame|avisa me|me avisa|dis moi|previens moi|sag bescheid|fammi sapere|hit me up|te llevo|te levo|te busco|ti porto|je t emmene|ich zeig dir)",
            r"(te busco|te pego|te buscar|je viens te chercher|ti vengo a prendere|ich hol dich|i ll pick you up|te recojo|vou te buscar|passo a prenderti)( \w+){0,2} (no|na|en el|en la|a l|all|am|at the|al) (aeroporto|aeropuerto|aeroport|airport|flughafen|rodoviaria|estacion|estacao|gare|stazione|bahnhof|station|hotel)",
            r"(je t invite|te invito|ti invito|i invite you|i m taking you|ich lade dich|te convido|ti porto|je t emmene|te llevo|te levo)( \w+){0,3} (dans un|a un|en un|in un|to a|in ein|al|au|a la|em um|num|para um|pra um)( \w+){0,2} (spa|restaurant|resto|hotel|weekend|week end|cena|dinner|diner|ristorante|concert|concierto|jantar|restaurante|cine|cinema|kino|theatre|teatro)",
            r"(billets|tickets|entradas|ingressos|biglietti|karten)( \w+){0,6} (viens avec moi|come with me|ven conmigo|vem comigo|vieni con me|komm mit)",
            r"(incontri|meet and greets?|meet ?ups?|encuentros|encontros|rencontres|treffen)( \w+){0,1} (coi|con los|con|com|avec les|avec tes|mit|with|with your) (fan|fans|seguidores|abonnes)",
            r"(vediamoci|veamonos|vamos nos ver|voyons nous|treffen wir uns|let s meet up|lets meet up)( \w+){0,2} (a|ai|al|alla|en|em|no|na|au|a la|am|im|at|in) \w+",
            r"\bte caigo (en|con|a|el|al)\b|(me tomo|tomo|pego|prendo|prends|je prends|take|i ll take|nehm\w*) (un |um |le |il |den |a )?(bus|busao|onibus|tgv|train|tren|trem|zug|treno|avion|aviao|flug|volo)( \w+){0,4} (expres|para verte|pra te ver|para te ver|pour te voir|um dich zu sehen|per vederti|to see you)",
            r"(si t es a|if you re in|si estas en|se estiver em|se sei a|wenn du in) \w+( \w+){0,3} (on se fait|we could grab|tomamos|tomemos|nos tomamos|a gente toma|ci prendiamo|trinken wir)",
        ],
        &[r"(in|en|no|na|dans le|im|nella|on) (the )?(chat|dm|dms|app|live|stream|fanvue)"],
    ),
    phrases(
        "payment_dispute",
        Input,
        Escalate,
        ALL,
        &[
            r"(cancel\w*|di de baja|dado de baja|me di de baja|cancele|annul\w*|resilie\w*|desabonne\w*|desinscri\w*|gekundigt|abbestellt|disdett\w*|disdic\w*|cancellat\w*|disattivat\w*|cancelei|cancelou)( \w+){0,8} (still|again|siguen|sigue|continuam|continua|continuo|encore|trotzdem|immer noch|schon wieder|ancora|de novo|otra vez|igual|nochmal)( \w+){0,3} (billed|charged|charging|cobra\w*|cobrad\w*|preleve\w*|prelev\w*|facture\w*|debite\w*|abgebucht|abbuch\w*|belastet|addebit\w*|scalat\w*)",
            r"(why|por que|porque|pourquoi|warum|perche)( \w+){0,3} (was i|am i|me|m a|m ont|wurde ich|mi hanno|mi avete|fui) (billed|charged|cobra\w*|cobrad\w*|preleve|facture|abgebucht|belastet|addebitat\w*)( \w+){0,2} (again|otra vez|de novo|encore|wieder|ancora|twice|dos veces|duas vezes|deux fois|zweimal|due volte)",
            r"(used|uso|usou|utilise|utilisee|benutzt|usato|usada|usado)( \w+){0,2} (my|mi|minha|meu|ma|mon|meine|la mia) (card|tarjeta|cartao|carte|karte|carta)( \w+){0,3} (without|sin|sem|sans|ohne|senza)",
            r"(cobro|cargo|charge|cobranca|prelevement|abbuchung|addebito|compra|purchase|achat|kauf|acquisto)( \w+){0,6} (no lo hice yo|no fui yo|wasn t me|not me|nao fui eu|c est pas moi|ce n est pas moi|war nicht ich|war ich nicht|non sono stato io|non l ho fatto io|didn t make|no hice|nao fiz|n ai pas fait|nicht gemacht|non ho fatto)",
            r"(preleve\w*|prelevement\w*|debit\w*|charge\w*|cobro\w*|cargo\w*|cobrad\w*|abbuchung\w*|abgebucht|addebit\w*|cobranca\w*|transactions?|transacciones|transacoes|transazioni|buchungen)( \w+){0,6} (non autorise\w*|pas autorise\w*|que je n ai pas autorise\w*|unauthori[sz]ed|i didn t authori[sz]e|i never authori[sz]ed|no autorizad\w*|que no autorice|nao autorizad\w*|que nao autorizei|nicht autorisiert\w*|nicht genehmigt\w*|die ich nicht genehmigt|non autorizzat\w*|che non ho autorizzato)",
            r"(j ai jamais|je n ai jamais|jamais) (valide|autorise)|i never authori[sz]ed|nunca (lo )?autorice|nunca autorizei|non ho mai autorizzato|(nie|nicht) (genehmigt|autorisiert) (abgebucht|belastet|eingezogen)",
            r"\b(ruckbuchung|rucklastschrift|zuruckbuchung) (lauft|beantragt|eingeleitet|ist raus|gemacht|veranlasst)|(mach|mache|beantrag\w*) (eine |ne )?(ruckbuchung|rucklastschrift)",
            r"(bank|sparkasse|volksbank|raiffeisen|ing|dkb|n26|comdirect|postbank|commerzbank|paypal|klarna|visa|mastercard|itau|nubank|bradesco|santander|bbva|caixa|banco|banque|banca|intesa|unicredit|poste)( \w+){0,6} (reklamier\w*|widerspruch|disputa|dispute|contestar|contester|contestare|reclamar|chargeback)",
            r"(abri|abrir|abro|abierto|aberto|opened|open|filed|file|ouvert|ouvre|aperto|apro|eroffnet|eroffne|lance|inicie|iniciei|avviato)( uma| una| a| une| un| eine| einen| la| el| o)? (disputa|dispute|contestacao|contestacion|reclamacao|reclamo|litige|contestation|contestazione|reklamation|streitfall|reclamacion)",
            r"(erstatte|erstatten sie|rembourse|remboursez|refund|reembolsa|reembolsame|reembolse|devuelveme|devolve|devolva|rimborsa|rimborsami|restituisci|restituiscimi)( \w+){0,1} (mir|me|moi|mi|my money|mein geld|mi dinero|meu dinheiro|mon argent|i miei soldi|los|das|ca|lo)\b",
            r"(si je suis pas|si je ne suis pas|if i m not|if i don t get|si no me|se nao (for|me)|se non (mi|vengo)|wenn ich nicht)( \w+){0,1} (rembours\w*|refunded|reembols\w*|erstattet|rimborsat\w*|devuelv\w*|devolv\w*)|(saisir|saisis|je vais voir|gehe zur|geh zur|wende mich an|melde (dich|das)|report you|i ll report|denuncio|denunciar|vou no|vou ao|vado da|vado all|segnalo|llamo a|acudo a|voy a la|voy a)( \w+){0,2} (ufc que choisir|verbraucherzentrale|profeco|altroconsumo|codacons|defensa del consumidor|consumer protection|trading standards|procon)",
            r"(custom|pedido|video personalizado|personalizzato|personalizado|sur mesure|individuell\w*|encargo|commande perso)( \w+){0,4} (pagato|pagado|pago|paguei|paid|paye|payee|bezahlt)( \w+){0,6} (dov e|where is|where s|donde esta|cade|ou est|wo ist|wo bleibt|nunca llego|never came|never got|jamais recu|nie bekommen|mai arrivato|non e mai arrivato|ainda nao chegou|sigue sin llegar)",
            r"(segnalazione|denuncia|reclamo|reclamacao|signalement|meldung|report)( \w+){0,3} (all assistenza|al supporto|a fanvue|al soporte|ao suporte|au support|beim support|to support|to fanvue)( \w+){0,6} (venduto|vendido|vendu|verkauft|sold|pagato|pagado|paid|paye|bezahlt)",
        ],
        &[OTHER_MERCHANTS],
    ),
    phrases(
        "ai_question",
        Input,
        Flag,
        ALL,
        &[
            r"\b(ghost ?writers?|chatters|chatteur\w*|chatteuse\w*|chatteador\w*|chattatori)\b|\b(a|your|ur|the|paid|hired|un|una|um|uma|ein|eine|une|tu|ton|teu|dein) chatter\b",
            r"(leute|people|gente|personas|pessoas|gens|persone|someone|alguien|alguem|quelqu un|jemand|qualcuno|un gars|un mec|un tipo|un senor|um cara|ein typ)( \w+){0,2} (die|who|que|qui|che|to|der)?( \w+){0,2} (fur dich|for you|por ti|para ti|por voce|pra voce|pour toi|per te|a tua vece|en tu lugar|no teu lugar|a ta place|an deiner stelle)( \w+){0,1} (schreib\w*|write|writes|writing|escrib\w*|escrev\w*|ecri\w*|tape\w*|scriv\w*|chatt\w*|answer\w*|respond\w*|antwort\w*|rispond\w*|repond\w*)",
            r"(toi meme|tu meme|yourself|tu misma|voce mesma|vc mesma|du selbst|tu stessa|te misma|tu proprio)( \w+){0,2} (qui tapes|who types|typing|escribes|escreve|schreibst|scrivi|tapes|who s typing|writing|qui ecris|qui reponds)|(ou|or|o|oder|ou e|ou c est) (c est )?(ton|your|tu|teu|seu|dein|il tuo|ta) (manager|agent\w*|agente|assistant\w*|asistente|assistente|team|equipe|equipo|staff|chatter)\b",
            r"(behind the screen|derriere (l|ton) ecran|detras de la pantalla|del otro lado|do outro lado|atras da tela|por tras da tela|hinter dem bildschirm|dietro (lo|allo) schermo|dall altra parte|de l autre cote)( \w+){0,4} (guy|gars|mec|senor|tipo|cara|homem|hombre|mann|typ|uomo|someone|un homme|a man|un tio|un vieux|un gordo|alguien|alguem|jemand|qualcuno|quelqu un)|(guy|gars|mec|senor|tipo|cara|homem|hombre|mann|typ|uomo|someone|un homme|a man|un tio|alguien|alguem|jemand|qualcuno|quelqu un)( \w+){0,3} (behind the screen|derriere l ecran|detras de la pantalla|del otro lado|do outro lado|atras da tela|hinter dem bildschirm|dietro lo schermo|dall altra parte)",
            r"(genera|generan|generano|generated|generates|generating|generad\w*|generat[oiae]|generiert|erzeugt|erstellt|written by|escritos por|escritas por|scritti da|ecrits par|geschrieben von)( \w+){0,2} (un |a |an |um |una |ein |eine |uno |une )?(program\w*|software|logiciel|ki|ia|ai|machine|maquina|macchina|maschine|robot|bot|algoritm\w*|algorithm\w*)\b|(dietro|behind|detras|atras|por tras|derriere|hinter)( \w+){0,3} (un |a |an |um |una |ein |eine |uno |une )?(software|program\w*|logiciel|programm|ki|ia|ai|bot|robot|algoritm\w*)\b",
            r"(wenn|if|si|se) (du|you|tu|vc|voce|u)( \w+){0,2} (kein|not a|no eres un|nao e um|nao es um|n es pas un|non sei un|pas un|not an|no sos un)( \w+)? (roboter|robot|bot|ki|ai|ia|robo|maschine|machine)",
            r"(ignore|ignora|ignorez|ignoriere|vergiss|dimentica|olvida|esquece|esqueca) (all |todas |toutes |alle |tutte |todas as )?(your |tus |tes |deine |le tue |suas |as |las |les |the |le |die |tutte le )?(previous |prior |anteriores |precedenti |precedentes |vorherigen |bisherigen |anteriori |previas )?(instructions|instrucciones|instrucoes|istruzioni|anweisungen|consignes|prompt)",
            r"(which|what|que|qual|quel|welches|quale) (ai |llm |ia |ki |language )?(model|modelo|modele|modell|modello)( de ia| of ai| di ia)?( \w+){0,1} (are you|you are|eres|e voce|vc e|voce e|es tu|t es|bist du|sei|you re|r u|are u|usas|usa|uses|you use|you run on)",
            r"^(bot|robot|chatbot|a bot|un bot|ein bot|um bot)$",
            r"(quem|who|quien|qui|wer|chi) (ta|esta|esta a|is|es|est|ist|e|sta) (falando|hablando|talking|parle|schreibt|scrivendo|escribiendo|escrevendo|writing|typing|tape|redet|parlando)( \w+){0,3} (vc ou|tu ou|you or|tu o|toi ou|du oder|tu o il|tu ou o|tu ou teu|vc ou teu|voce ou|usted o)",
            r"(un|una|um|uma|a|an|une|ein|eine)( )?(i a|a i|k i)\b",
        ],
        &[],
    ),
    // ---- fan messages: round 19 (dialects, pupils' days, watching her, farewells, procedure) ----
    phrases(
        "underage",
        Input,
        Escalate,
        ALL,
        &[
            r"(bin|i m|im|soy|sou|sono|je suis|ich bin) u ?18\b|\b(papas|mamas|vaters|mutters|papis|mamis) (kredit)?karte|\bbfit\b|bf 17|begleitet\w* fahren|fuhrerschein mit 17",
            r"(dentro de|daqui a|dans|in|tra|fra|en|em) (\w+ ){1,2}(anos|ans|jahren|anni|years|meses|mois|monaten|mesi|months|semanas|weeks)( \w+){0,2} (cumplo|cumplire|faco|farei|j aurai|werde ich|compio|compiro|i turn|i ll turn|i ll be|fazer) (los |as |les )?18\b",
            r"(fiesta|festa|party|fete) de (xv|quince)|\b(mis|mi|meus|mes) xv\b",
            r"(viejos|padres|papas|pais|eltern|genitori|parents|mom|dad|mama|papa|mae|pai)( \w+){0,3} (cortaron|quitaron|cortaram|tiraram|gestrichen|tolto|tolta|coupe|supprime|cut|took away)( \w+){0,2} (la |a |mi |o |meu |l |das |mein |la mia |my )?(propina|mesada|domingo|taschengeld|paghetta|argent de poche|semanada|allowance|pocket money)",
            r"(me falta|me faltan|falta|faltam|i still have to|il me reste a|mi manca)( \w+){0,2} (acabar|terminar|finish|finir|terminer|finire)( \w+){0,1} (el |la |o |a |le |my |mi |il |la mia )?(bachillerato|bachi|secundaria|prepa|ensino medio|high school|lycee|liceo|superiori|colegio|secundario)",
            r"(corso|curso) (per|para|de|di) (la )?(cresima|confirmacion|crisma)|\b(catechismo|catequesis|catequese|catechisme|firmunterricht|konfirmandenunterricht|konfi)\b|\b1[0-7] ?enne\b",
            r"(minha turma|mi clase|mi curso|ma classe|meine klasse|la mia classe) (do|da|de|del|della|der) \d{1,2}\w*|prova do bimestre|provas bimestrais|simulado do colegio|(no|na|en|em) secundario\b",
            r"(stora|stor|setora|profe|profa|professora|teacher|lehrer\w*|maestra|prof)( \w+){0,6} (na aula|en clase|in classe|en classe|en cours|im unterricht|in class|during class)",
        ],
        NOT_MY_SCHOOL,
    ),
    phrases(
        "crisis",
        Input,
        Escalate,
        ALL,
        &[
            r"(mog|mag|will|wott|wil|mocht) (\w+ ){0,2}(nimma|nimmer|nicht mehr|num|nume|numme) (lebn|leben|da si|da sein|do sei|do si)|\bsui (gedanken|thoughts|pensamientos|pensamentos|pensees|pensieri)\b|suizidgedanken",
            r"(googl\w*|gegoogelt|recherche|pesquis\w*|cercato|busque\w*|searched|searching)( \w+){0,3} (how many|cuantas|cuantos|quantos|quantas|quanti|quante|combien|wie viele?)( \w+){0,3} (meds|medikamente|medicamentos|farmaci|medicinas|remedios|medocs|medicaments)",
            r"(estrellarme|estrellar el|chocar el|crash\w*|drive into|bater o carro|jogar o carro|foncer|schiantarmi|schiantar\w*|gegen (einen|den) baum)( \w+){0,5} (a proposito|on purpose|de proposito|expres|absichtlich|apposta|di proposito)",
            r"(tudo|todo|tout|tutto|alles|everything)( \w+){0,2} (decidido|decide|deciso|entschieden|decided)( \w+){0,6} (agradecer|gracias|thank\w*|merci|grazie|danke|obrigad\w*)",
            r"ya no quiero amanecer|no quiero amanecer|(pus|plus|pu) me reveiller le matin|j aimerais (juste )?(pus|plus) me reveiller",
            r"(regarde|mirando|olhando|guardo|schaue|staring at|looking at|fixe)( \w+){0,2} (les rails|las vias|os trilhos|i binari|die gleise|the tracks|the rails)",
            r"(janela|ventana|window|fenetre|finestra|fenster) (aberta|abierta|open|ouverte|aperta|offen)( \w+){0,4} (pensar se|pensando si|thinking if|thinking whether|je me demande si|chiedendomi se|ob es sich)|(vale a pena|vale la pena|worth it|vaut la peine|ne vale la pena|lohnt sich)( \w+){0,2} (viver|vivir|living|vivre|vivere|leben|continuar)",
            r"(juro que|vou|voy a|je vais|vado a|ich werde|i ll|i m gonna|i will|faco|hago) (faco |fazer |hacer |faire |fare |machen |do )?(uma|una|une|un|eine|something) (asneira|besteira|locura|loucura|betise|connerie|cazzata|dummheit|stupid)",
        ],
        HYPERBOLE,
    ),
    phrases(
        "threat",
        Input,
        Escalate,
        ALL,
        &[
            r"gnade dir gott|god help you|que dios te ayude|que deus te ajude|que dieu te vienne en aide|che dio ti aiuti",
            r"(red|rojo|roja|vermelh\w*|rouge|rosso|rossa|rot\w*|black|negro|negra|preto|preta|noir\w*|nero|nera|schwarz\w*|blue|azul|bleu\w*|blu|blau\w*|white|blanco|blanca|branco|branca|blanc\w*|bianco|bianca|weiss\w*|green|verde|vert\w*|grun\w*) (jacket|dress|coat|hoodie|vestido|chaqueta|casaco|jaqueta|veste|robe|manteau|giacca|vestito|cappotto|jacke|kleid|mantel) (today|hoy|hoje|aujourd hui|oggi|heute|yesterday|ayer|ontem|hier|ieri|gestern)",
            r"(drove past|walked past|passei (na|no|pela|pelo)|pase por|sono passato|bin (an|bei) \w+ vorbei|je suis passe devant)( \w+){0,4} (place|cafe|coffee|gym|building|house|casa|cafeteria|academia|palestra|salle|haus|gebaude|immeuble|edificio|predio|palazzo)( \w+){0,3} (you|tu|vc|voce|du|te)",
            r"ni te diste cuenta|(vc|voce|tu) (nao|n) me viu|tu (ne )?m as pas vu|non mi hai (nemmeno )?visto|du hast mich nicht gesehen",
            r"(cuidado|careful|attenzione|attention|vorsicht|cuidate|fais gaffe)( \w+){0,3} (de noche|at night|la nuit|di notte|nachts|a noite|a la noche)( \w+){0,2} (pasan cosas|things happen|il se passe des choses|succedono cose|passiert|acontecem coisas)|(cuidado|careful|attenzione|fais gaffe|pass auf)( \w+){0,4} (saires|saias|salgas|sales|sair|leave|sors|esci|gehst)( \w+){0,4} (sozinha|sola|solo|alone|seule|da sola|allein)",
            r"(le parto|lhe parto|parto lhe|partirle|je lui casse|gli spacco|ich brech ihm|i ll break his) (las |as |les |le |die |his )?(piernas|pernas|jambes|gambe|beine|legs|dientes|dentes|dents|denti|zahne|teeth|cara|face|gueule|faccia|fresse|knochen|huesos|ossos|os)",
            r"(ya se|se|i know|je sais|weiss|so|eu sei|sabemos|ya sabemos)( \w+){0,1} (como te llamas de verdad|tu nombre real|tu verdadero nombre|your real name|ton vrai nom|il tuo vero nome|il tuo nome vero|deinen echten namen|deinen richtigen namen|teu nome verdadeiro|seu nome verdadeiro|teu nome real|seu nome real|como te chamas)",
            r"(je sais|i know|lo se|eu sei|lo so|ich weiss|ya se)( \w+){0,1} (j etais|i was|estaba|estava|ero|ich war|stavo) (en bas|downstairs|outside|abajo|la embaixo|la fuori|sotto casa|unten|draussen|devant chez toi)|(eteint|apagaste|apagou|spento|ausgemacht|turned off|switched off) (ta|tu|tua|a tua|la tua|dein|your) (lumiere|luz|luce|licht|light)",
            r"(dormir|sleep|schlafen|dormire) (avec|with|con|com|mit) (un |one |an |um |einem |uno )?(oeil|eye|ojo|olho|occhio|auge) (ouvert|open|abierto|aberto|aperto|offen)|(rendre visite|visit|visitar|visitare|besuchen|pay a visit to)( \w+){0,1} (a |)?(ton|your|tu|teu|il tuo|deinen|al tuo) (copain|mec|boyfriend|novio|namorado|fidanzato|freund|bf)",
            r"(ta rue|your street|tu calle|a tua rua|tua rua|la tua via|deine strasse|ton immeuble|your building|tu edificio)( \w+){0,3} (on la voit|on le voit|se ve|se veia|da pra ver|si vede|sieht man|can be seen|you can see|was visible)",
            r"(si tu me bloques|if you block me|si me bloqueas|se me bloqueares|se me bloquear|se mi blocchi|wenn du mich blockierst)( \w+){0,8} (je te trouve|i ll find you|te encuentro|te encontrare|te acho|ti trovo|ich finde dich|je debarque|i ll come|voy a tu|vou ai|vengo|i ll show up)",
        ],
        HYPERBOLE,
    ),
    phrases(
        "meeting_request",
        Input,
        Escalate,
        ALL,
        &[
            r"(reservier\w*|reserve\w*|reservo|reservar|prenoto|booked|i ll book|i can book)( \w+){0,2} (uns|us|nos|nous|ci|para nos|per noi|for us|for the two of us) (\w+ )?(a table|einen tisch|nen tisch|une table|una mesa|uma mesa|un tavolo|tisch|table|mesa|tavolo)",
            r"\b(i|ich) hol (di|dich) ab\b|\bhol (di|dich) (ab|vom)\b|caerle a tu (depa|casa|canton|chante|cuarto|hotel)|numero di stanza|room number|numero de habitacion|numero do quarto|numero de chambre|zimmernummer",
            r"(dimmi|dime|tell me|me diz|diz me|dis moi|sag mir) (dove|donde|where|onde|ou|wo) (ti trovo|te encuentro|i can find you|te encontro|je te trouve|ich dich finde|te veo|ci vediamo|nos vemos|we meet|on se voit)",
            r"(se passi|si pasas|if you pass|se passares|si tu passes|wenn du durch)( \w+){0,3} (fammi un fischio|fammi sapere|avisame|let me know|me avisa|fais moi signe|sag bescheid|hit me up)",
            r"(qual|que|which|what|quel|welches|quale|en que) (motel|hotel)( \w+){0,2} (vc curte|voce curte|curtes|vc gosta|voce gosta|gostas|te gusta|you like|tu aimes|ti piace|magst du|prefer\w*)|(vc|voce|tu) (faz|fazes) programa",
            r"(role|encontro|cafe|saida|date|encuentro|cita|rencontre|incontri|treffen|meetups?|meet and greets?) (com|con|with|avec|mit|for|per i|para los|pour les|fur) (\w+ )?(fa|fas|fan|fans|seguidor\w*|abonnes|follower)",
        ],
        &[r"(in|en|no|na|dans le|im|nella|on) (the )?(chat|dm|dms|app|live|stream|fanvue)"],
    ),
    phrases(
        "payment_dispute",
        Input,
        Escalate,
        ALL,
        &[
            r"(card|tarjeta|cartao|carte|karte|carta) (got )?(hit|charged|cobrada|cobrado|debitee|belastet|addebitata)( \w+){0,6} (never|nunca|jamais|nie|mai) (opened|signed up|subscribed|bought|ordered|compre|comprei|achete|gekauft|comprato|me suscribi|assinei|abonne)",
            r"ridatemeli|ridammeli|ridatemi i soldi|devuelvanme|devolvedme|me devolvam|rendez moi mon argent|rends moi mon argent|give me my money back|gebt mir mein geld|quiero mi dinero de vuelta|quero meu dinheiro de volta",
            r"(\d+[.,]\d\d|soldi|cobro|cargo|euro|dollar|dolares|reais)( \w+){0,4} (che |que )?(nn|non|no|nao|je) (so|se|sei|sais) (da dove|de donde|de onde|d ou|woher) (escono|salen|vem|vient|viennent|kommen|sale|viene)",
            r"(vendeu|vendiste|sold|vendu|venduto|verkauft)( \w+){0,4} (de graca|gratis|for free|gratuit\w*|kostenlos|umsonst)( \w+){0,4} (feed|perfil|profile|profil|profilo|mural|muro|wall)|(denunciei|denuncie|reportei|reported|signale|segnalato|gemeldet) (teu|tu|your|ton|il tuo|dein) (perfil|perfile|profile|profil|profilo|conta|cuenta|account|compte)",
            r"(tres|three|trois|drei|tre|duas|dos|two|deux|zwei|due|2|3) (cobrancas?|cobros|cargos|charges|prelevements|abbuchungen|addebiti) (iguais|igual|iguales|identical|identiques|gleiche|uguali|identic\w*)|(two|three|deux|trois|zwei|drei|due|tre|dos|tres|duas) (identical|identiques|gleiche|identiche|iguales|iguais|same) (charges|prelevements|abbuchungen|addebiti|cargos|cobros|cobrancas)",
        ],
        &[OTHER_MERCHANTS],
    ),
    phrases(
        "ai_question",
        Input,
        Flag,
        ALL,
        &[
            r"(meuf|fille|girl|chica|mina|ragazza|frau|madchen|woman|femme|mujer|mulher) (ou|or|o|oder) (un |a |um |uno |ein )?(gars|mec|man|guy|hombre|tio|cara|homem|uomo|tizio|typ|mann|dude)( \w+){0,5} (qui (me )?repond|who s (answering|replying|writing|texting)|que (me )?responde|que (me )?escreve|che (mi )?risponde|der (mir )?antwortet|answering|replying|typing)",
            r"(com )?(cara|cheiro|jeito|pinta) de (ia|ai|bot|robo|robot|chatgpt|maquina)\b|sanno di (ia|bot|chatgpt)|(sound|sounds|smell|smells) like (a )?(bot|ai|chatgpt)",
            r"(quem|who|quien|qui|wer|chi) (ta|esta|is|es|est|ist|e|sta) (digitando|tecleando|tapant|digitano|tippt|typing|escribiendo|escrevendo)( \w+){0,3} (vc ou|tu ou|you or|tu o|toi ou|du oder|voce ou)",
        ],
        &[],
    ),
    // ---- fan messages: round 20 (turning 18 soon, teen cards, seen in a shop, refunds owed) ----
    phrases(
        "underage",
        Input,
        Escalate,
        ALL,
        &[
            r"(cuando|quando|when|quand|wenn|lorsque) (cumpla|faca|fizer|i turn|i m|i am|je serai|j aurai|ich|saro|compiro|compio)( \w+){0,1} (la mayoria|mayor de edad|a maioridade|maior de idade|18|eighteen|majeur|majeure|la majorite|volljahrig|maggiorenne|la maggiore eta|dieciocho|dezoito|dix huit|diciotto|achtzehn)",
            r"\b18 (ans |anos |anni |jahre |years )?(dans|en|em|in|tra|fra|daqui a) (\w+ )?(mois|meses|months|monaten|mesi|semaines|semanas|weeks|wochen|settimane|jours|dias|days|tagen|giorni)\b",
            r"(compio|cumplo|faco|farei|i turn|j aurai|je vais avoir|werde|compiro|cumplire)( i| los| les| as)? (diciott\w*|dieciocho|dezoito|eighteen|dix huit|achtzehn|18)( (anos|ans|anni|jahre|years|a|en|em|in|next|el|o|le|il|im|this|este|ce|questo|dieses|nel|no|na|al|au|am|on)\b|$)",
            r"\b(quince|dieciseis|diecisiete|quinze|dezesseis|dezasseis|dezessete|dezassete|seize|dix sept|sechzehn|siebzehn|sedici|diciassette|quindici|fifteen|sixteen|seventeen|1[0-7]) (candeline|candeles|velitas|velas|velinhas|bougies|kerzen|candles)\b",
            r"\b(sixteen|seventeen|fifteen|dieciseis|diecisiete|quince|dezesseis|dezessete|quinze|seize|dix sept|sechzehn|siebzehn|sedici|diciassette|quindici) (next|this|on|el|o|le|am|il|este|ce|questo|nachsten|prochain) (monday|tuesday|wednesday|thursday|friday|saturday|sunday|week|month|weekend|lunes|martes|miercoles|jueves|viernes|sabado|domingo|lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|montag|dienstag|mittwoch|donnerstag|freitag|samstag|sonntag|lunedi|martedi|mercoledi|giovedi|venerdi|sabato|domenica|semana|mes|mois|monat|mese|finde|wochenende)",
            r"\bform [1-4] (student|girl|boy|pupil)|\bin form [1-4]\b|(al|in) (primo|secondo|terzo|quarto|quinto) (scientifico|classico|linguistico|tecnico|artistico|professionale)|\b(en|la) rheto\b|\b(im|ins|mit dem|mit da|da) poly\b",
            r"\b(pixpay|xaalys|gohenry|greenlight card|famzoo|step card|kard)\b|(darons|daronne|daron|mes vieux)( \w+){0,2} (rechargent|recharge|donnent|payent|checkent|regardent|fouillent)",
            r"(schaut|schauen|guckt|checke|checkt|checkent|fouille|regarde|revisa|mira|olha|controlla|guarda)( \w+){0,3} (mein|mon|mi|meu|il mio) (handy|cell|celu|cellulaire|telephone|portable|celular|movil|telefone|telemovel|cellulare|telefono)( \w+){0,2} (durch|a soir|ce soir|todas las noches|toda noite|chaque soir|ogni sera|jeden abend|every night)",
            r"(meine eltern|mama|papa|mutter|vater|my parents|mis padres|meus pais|mes parents|i miei)( \w+){0,3} (vom|beim|auf dem|zum|from|de la|da) (elternabend|parents evening|reunion de padres|reuniao de pais|reunion parents profs|colloquio)",
            r"\b(a|minha|nossa) turma do \d{1,2}(o)?[a-f]?\b|\b1[0-7] (piges|balais|berges)\b",
        ],
        NOT_MY_SCHOOL,
    ),
    phrases(
        "crisis",
        Input,
        Escalate,
        ALL,
        &[
            r"(kys|kill yourself|matate|se mata|tue toi|bring dich um|ammazzati|mata te)( \w+){0,12} (recht|right|razon|razao|raison|ragione)\b",
            r"(been nice knowing you|fue un placer conocerte|foi bom te conhecer|c etait cool de te connaitre|ravi de t avoir connu|e stato bello conoscerti|war schon dich zu kennen)",
            r"(viaducto|viaduc|viadotto|viaduto|puente|pont|ponte|bridge|brucke|azotea|toit|tetto|telhado|roof|dach)( \w+){0,3} (mirando (para|hacia) abajo|looking down|en regardant en bas|guardando giu|olhando pra baixo|olhando para baixo|runterschau\w*)",
            r"(ojala|i wish|i hope|j espere|spero|hoffentlich|tomara|oxala)( \w+){0,3} (un |a |um |uno |ein )?(camion|truck|bus|tren|train|caminhao|onibus|trem|lkw|zug|treno|car|coche|carro|voiture|macchina) (me )?(pase por encima|hits me|runs me over|me atropelle|me atropele|m ecrase|me renverse|mi investa|mi metta sotto|uberfahrt mich|mich uberfahrt|me passe por cima)",
            r"(arreter de lutter|stop fighting|dejar de luchar|parar de lutar|smettere di lottare|aufhoren zu kampfen)|(tout regler avant|mettre de l ordre dans mes affaires|affairs in order|mis asuntos en orden|deixar tudo resolvido|sistemare tutto prima|alles geregelt bevor)",
            r"(messo da parte|saved up|saving up|guardado|juntado|guardei|junte|juntei|mis de cote|gesammelt|gehortet|accumulato|nascosto)( \w+){0,3} (pasticche|pastiglie|pillole|pills|pastillas|comprimidos|remedios|cachets|medocs|tabletten|farmaci|meds)",
            r"(e non torno|y no vuelvo|e nao volto|et je (ne )?reviens pas|und komm\w* nicht (mehr )?zuruck|and (i m )?not coming back)\b",
            r"(nao|no|ne|non|don t|dont) (vejo|veo|vois|vedo|sehe|see) (mais |mas |plus |piu |any )?(razao|razon|raison|ragione|grund|reason|motivo|motivos)( \w+){0,2} (pra|para|de|to|pour|per|di|zu|um) (continuar|seguir|vivir|viver|vivre|vivere|leben|live|go on|keep going|continuer|continuare|weiterzuleben)",
        ],
        HYPERBOLE,
    ),
    phrases(
        "threat",
        Input,
        Escalate,
        ALL,
        &[
            r"(saw you|te vi|vi te|te vimos|je t ai vu\w*|t ai vu\w*|ti ho vist[oa]|ich hab dich|hab dich|hob di|hab di)( \w+){0,3} (at|en el|en la|no|na|au|a la|al|alla|im|beim|in|bei|dans le|dans la|at the|in the) (\w+ )?(tesco|spar|carrefour|lidl|aldi|rewe|edeka|mercadona|walmart|target|costco|asda|oxxo|supermarket|super|supermercado|supermarche|supermarkt|supermercato|mall|gym|ginasio|gimnasio|palestra|fitnessstudio|transmilenio|metro|subway|u bahn|tram|bahnhof|estacion|estacao|gare|stazione|parque|parc|parco)\b",
            r"(ibas|estavas|t etais|etais|eri|warst|you were|estabas)( \w+){0,3} (en el|en la|no|na|au|al|im|at the|in the|en|at|in) (transmilenio|metro|subway|u bahn|tram|bus|carrefour|tesco|lidl|aldi|spar|super|supermarket|supermercado|supermarche|supermarkt|gym|ginasio|gimnasio|palestra|parque|parc|park)\b",
            r"(fiquei|estuve|stood|j etais|sono stato|stand|war|i was|estaba|estive)( \w+){0,2} (em frente ao|em frente a|frente a|in front of|outside|devant|davanti a|davanti al|vor) (teu|tua|tu|your|ton|ta|il tuo|la tua|deinem|deiner) (ginasio|gimnasio|gym|academia|palestra|fitnessstudio|salle|casa|house|maison|haus|trabalho|trabajo|work|travail|lavoro|arbeit|predio|edificio|building|immeuble|palazzo)",
            r"\bi go find you\b|m as te trouver|je vais te trouver|te voy a encontrar|te vou encontrar|vou te encontrar|ich werde dich finden|ich find dich schon",
            r"(merece\w*|deserve\w*|merite\w*|meriti|verdienst)( \w+){0,2} (uma surra|una paliza|a beating|une raclee|une bonne raclee|una lezione|eine tracht prugel|um tiro|un tiro|une balle|a slap|una bofetada|une gifle|uno schiaffo|eine ohrfeige|levar porrada|porrada)",
            r"(descobri|descubri|found out|j ai decouvert|ho scoperto|hab rausgefunden|herausgefunden|ya se|je sais)( \w+){0,2} (tua|tu|your|ta|ton|la tua|il tuo|deine?n?|in che|en que|em que|dans quel\w*|in welche\w*|what|which) (zona|barrio|bairro|quartier|quartiere|viertel|address|direccion|endereco|adresse|indirizzo|rua|calle|street|rue|via|strasse|facolta|facultad|faculdade|fac|uni|universidad|universidade|universita|escola|escuela|ecole|scuola|trabalho|trabajo|travail|lavoro|arbeit|work|office|oficina|ufficio)",
            r"(tudo que (eu )?comprei|everything i bought|todo lo que (te )?compre|tout ce que (je t )?ai achete|tutto quello che ho comprato|alles was ich gekauft)( \w+){0,4} (grupo|group|groupe|gruppo|gruppe|canal|channel|telegram|forum|internet|net|web)",
        ],
        HYPERBOLE,
    ),
    phrases(
        "meeting_request",
        Input,
        Escalate,
        ALL,
        &[
            r"(algo|something|qualcosa|quelque chose|etwas|alguma coisa|encuentro|encontro) (presencial|in person|en persona|dal vivo|en vrai|irl|pessoalmente|de verdad|in echt)",
            r"(salgamos|salir contigo|saiamos|sair contigo|sortir avec toi|uscire con te|usciamo insieme|mit dir ausgehen|go out with (you|me))",
            r"(yo pongo|i ll pay for|i pay for|eu pago|eu banco|je paie|je te paie|pago io|ich zahl\w*|i ll cover|yo pago|i ll get)( \w+){0,2} (el |the |o |os |l |les |il |i |das |den |die |your )?(hotel|vuelos?|voos?|flights?|vols?|voli|volo|fluge?|flug|billete|bilhete|passagens?|tickets?|boletos?|pasajes?|room|habitacion|quarto|chambre|camera|zimmer)\b",
            r"(tutto pagato|todo pagado|tudo pago|all expenses paid|tous frais payes|tout frais paye|alles bezahlt|volo compreso|vuelos? incluidos?|voos? incluidos?|vol compris|flug inklusive)",
            r"(combien|how much|cuanto|quanto|wie viel)( \w+){0,3} (soiree|night|noche|noite|serata|abend|nuit|date|cita|encontro|rencontre|incontro|treffen|hora|hour|heure|ora|stunde)( \w+){0,2} (en vrai|irl|in person|en persona|pessoalmente|dal vivo|in real|de verdad|ao vivo|in echt)",
            r"(un|a|um|una|ein|einen) (cafe|coffee|kaffee|caffe|verre|drink|bier|cerveza|cerveja|birra) (au coin de|at the corner of|en la esquina de|na esquina d\w*|all angolo|an der ecke)",
            r"(ti aspetto|te espero|i ll wait for you|je t attends|ich warte auf dich|te aguardo) (fuori|afuera|fora|outside|dehors|draussen|sotto|abajo|embaixo|en bas|unten|davanti|a la salida|na saida|all uscita)",
        ],
        &[r"(in|en|no|na|dans le|im|nella|on) (the )?(chat|dm|dms|app|live|stream|fanvue)"],
    ),
    phrases(
        "payment_dispute",
        Input,
        Escalate,
        ALL,
        &[
            r"(kreditkart\w*|credit card company|card company|compania de la tarjeta|operadora do cartao|societe de carte|compagnia della carta)( \w+){0,4} (reklamier\w*|dispute|disputa|contest\w*|reclam\w*)|(reklamier\w*|dispute|disputa|contest\w*|reclam\w*)( \w+){0,3} (kreditkart\w*|credit card company|card company)",
            r"(ring|call|llamo a|llamar a|ligo pra|ligar pro|ligar para|appelle|appeler|chiamo|chiamare|ruf|anrufen)( \w+){0,1} (visa|mastercard|amex|my bank|the bank|mi banco|el banco|meu banco|o banco|ma banque|la banque|la mia banca|la banca|meine bank|die bank)",
            r"(regresas|regresa|devuelves|devuelve|devolves|devolve|devolva|rends|rendez|ridai|ridate|ridammi|gibst|refund|give back|give me back|pay back)( \w+){0,1} (el |o |mon |mi |mein |il |my |meu |mes |los |i )?(dinero|dinheiro|argent|soldi|geld|money|plata|pasta|lana|euros|reais)",
            r"(signaler|signale|reportar|reporto|denunciar|denuncio|report|reporting|melden|melde|segnalare|segnalo|denunciei|reportei|signale)( \w+){0,1} (ton|tu|teu|your|dein\w*|il tuo|seu) (compte|cuenta|conta|account|konto|profil\w*|perfil|profilo)",
        ],
        &[OTHER_MERCHANTS],
    ),
    phrases(
        "ai_question",
        Input,
        Flag,
        ALL,
        &[
            r"(management|agentur|agency|agencia|agence|agenzia|team|equipe|equipo)( \w+){0,3} (antwortet|answers|responde|repond|risponde|schreibt|writes|escribe|escreve|ecrit|scrive|reply|replies)|(antwortet|answers|responde|repond|risponde|schreibt|writes|escribe|escreve|ecrit|scrive) (so ein |a |un |una |um |uma |ein |eine |le |el |o |l )?(management|agentur|agency|agencia|agence|agenzia)",
            r"(antwortet|schreibt|responde|contesta|repond|risponde|writes|answers|replies|es|eres|e|sei|bist|is this|are you|c est|est ce)( \w+){0,3} (eine |una |uma |une |an |un )?(kunstliche intelligenz|inteligencia artificial|intelligence artificielle|intelligenza artificiale|artificial intelligence)",
            r"(use|usas|usa|utilises|usi|benutzt|nutzt|nutzen|using)( \w+){0,1} (ai|ia|ki|chatgpt|a bot|un bot|bots|software) (to|para|pra|pour|per|um|zum) (reply|answer|respond|responder|contestar|repondre|rispondere|antworten|chat|write|escribir|escrever|ecrire|scrivere|schreiben)",
            r"(varias|several|multiple|plusieurs|mehrere|varie|varios|vari[ae]|more than one|mas de una|mais de uma|plus d une|mehr als eine) (personas|people|persons|personnes|personen|persone|pessoas)( \w+){0,3} (contestan|answering|answer|reply|replying|responden|respondem|repondent|antworten|rispondono|escriben|write|writing|escrevem|ecrivent|schreiben|scrivono)",
            r"(si|if|se|wenn)( \w+){0,2} (t es|tu es|you re|you are|ur|eres|sos|e|sei|bist) (humaine?|human|humano|humana|umano|umana|mensch|real|vraie?|reale|echt)\b",
        ],
        &[],
    ),
    // ---- fan messages: round 21 (exams years away, entering school, secret farewells, her plate) ----
    phrases(
        "underage",
        Input,
        Escalate,
        ALL,
        &[
            r"\b(abi|abitur|matura|maturita|bac|bachillerato|selectividad|evau|enem|vestibular|a levels|gcses?|leaving cert)( \w+){0,4} (erst )?(in|dans|en|em|tra|fra|daqui a) (zwei|drei|vier|two|three|four|deux|trois|quatre|dos|tres|cuatro|dois|quatro|due|tre|quattro|[2-4]) (jahren|years|ans|anos|annees|anni)\b",
            r"\b(used|using|usei|uso|use|utilise|usato|benutze|benutzt|nutze)( \w+){0,1} (my|mi|meu|mon|il mio|meinen|das) (big |older )?(brothers?|sisters?|dads?|moms?|mums?|cousins?|hermano|hermana|irmao|irma|frere|soeur|fratello|sorella|bruders?|schwester|vaters|papas)( s)? (account|acc|cuenta|conta|compte|profilo|konto|card|tarjeta|cartao|carte|carta|karte|id|ausweis|dni|rg|cni)\b",
            r"\bgrado (sexto|septimo|octavo|noveno|decimo|undecimo|once|[6-9]|1[01])\b",
            r"(cumple|cumpleanos|aniversario|niver|anniversaire|anniv|compleanno|compli|geburtstag|birthday|bday)( de| dos| di| zum| du)? (mis |meus |mes |i miei |my )?(quince|dieciseis|diecisiete|catorce|trece|quinze|dezesseis|dezessete|catorze|treze|seize|dix sept|quatorze|treize|quindici|sedici|diciassette|quattordici|tredici|funfzehn|sechzehn|siebzehn|vierzehn|dreizehn|fifteen|sixteen|seventeen|fourteen|thirteen|1[3-7])\b",
            r"(l an prochain|a la rentree|en septembre|next year|next september|el ano que viene|el proximo ano|el otro ano|ano que vem|proximo ano|l anno prossimo|a settembre|nachstes jahr|nach den sommerferien|im herbst)( \w+){0,3} (rentre|j entre|entre|start|starting|begin|empiezo|entro|comienzo|comeco|vou para|inizio|faccio|komm\w*|wechsle|gehe)( \w+){0,1} (au |en |a |in |at |na |no |al |ins |aufs |auf |in die |in den |on |el |la |le |il |the )?(lycee|college|gymnase|high school|middle school|secondary|secundaria|bachi|bachillerato|prepa|ensino medio|medio|liceo|superiori|medie|gymi|gymnasium|gymnase|oberstufe|realschule|sek|sekundarschule|seconde|sixieme|6e|2nde)\b",
            r"\b(la|en|de|finir la|fais la|suis en) (9|10|11)h\b( \w+){0,8} (gymnase|college|cycle|ecole|classe)|\b(gymnase|cycle d orientation|co)( \w+){0,6} (9|10|11)h\b",
            r"\b([1-4]) ?a media\b|\b(quarta|terza|seconda|prima) media\b( \w+){0,3} (a lugano|in ticino|a bellinzona|a locarno|a mendrisio)",
            r"\b(sono|sou|estou|to|tou|je suis|jsuis|i m|i am) (da|na|en|in) ([5-9]|1[01]) ?a? classe\b|\b([5-9]|1[01]) ?a classe (no|na|do|da)\b",
            r"\b(sono|i m|im|i am|soy|sou|je suis|ich bin) (un|una|a|uno|um|uma|une|ein|eine) (20(0[5-9]|1[0-2]))\b",
        ],
        NOT_MY_SCHOOL,
    ),
    phrases(
        "crisis",
        Input,
        Escalate,
        ALL,
        &[
            r"(if|wenn|falls|si|se|quand|cuando|quando)( \w+){0,5} (stop messaging|stop texting|stop writing|stop replying|don t write|dont write|nicht mehr schreib\w*|nicht mehr melde|ne t ecris plus|ne reponds plus|deixar de escrever|parar de escrever|parar de te escrever|nao te escrever|dejo de escribir|deje de escribir|ya no escribo|ya no te escribo|smetto di scriverti|smetto di scrivere|non ti scrivo piu|non scrivo piu)( \w+){0,10} (not your fault|wasn t (anything )?(you|because of you)|denk nicht schlecht|nicht deine schuld|nicht wegen dir|pas ta faute|pas a cause de toi|pense pas de mal|no es tu culpa|no fue tu culpa|no pienses mal|nao e culpa tua|nao foi culpa (tua|sua)|nao pense mal|non e colpa tua|non pensare male|don t think badly|think badly)",
            r"(labe|lebe|leben) z nah\b|\bmir s labe\b|\bs labe z\b",
            r"(i m (genuinely |actually |really |properly )?done|sumir|sumir do mapa|desaparecer|disparaitre|sparire|verschwinden|end it|acabar con todo|acabar com tudo|en finir|farla finita|schluss machen|cant do this|can t do this|no puedo mas|nao aguento mais|j en peux plus|non ce la faccio piu|ich kann nicht mehr)( \w+){0,8} (not joking|no es broma|no estoy bromeando|nao e brincadeira|nao to brincando|nao estou a brincar|c est pas une blague|je rigole pas|je blague pas|non scherzo|non e uno scherzo|kein witz|kein scherz|nicht als witz|not a figure of speech|nao e figura de linguagem|no es una forma de hablar|pas une facon de parler|non e un modo di dire|keine redewendung|for real this time|this time for real)",
            r"(highest|tallest|height of|how high|altura d\w*|mas alto|mas alta|hauteur d\w*|plus haut|altezza d\w*|piu alto|hochste|wie hoch)( \w+){0,3} (bridge|puente|ponte|viaduto|viaducto|pont|viaduc|brucke|building|edificio|predio|immeuble|palazzo|hochhaus|cliff|acantilado|falaise|scogliera|klippe|penhasco|falesia)( \w+){0,6} (no reason|por nada|nada nao|esquece|forget it|nur so|per niente|pour rien|lascia stare|olvidalo|just curious|asking for a friend|perto de casa|near (me|my place|home)|cerca de (mi )?casa|pres de chez moi|vicino (a )?casa|bei mir)",
            r"\bsewer ?slide\b|\btoaster bath\b|\bcommit sudoku\b|\bself ?unalive\b|\bunalive (myself|me)\b",
            r"(de baja|unsubscribe|darme de baja|log off|logout|desconectar\w*|desligar|me deconnecter|disiscrivermi|abmelden|cancelar)( \w+){0,4} (de la vida|da vida|from life|de la vie|dalla vita|vom leben|del mundo|do mundo|from the world|du monde|dal mondo|von der welt)",
            r"(hacer dano|hacerme dano|hice dano|cortarme|me corte|me corto|cut myself|cutting myself|hurt myself|hurting myself|me cortei|me machuquei|me machucar|me coupe|me scarifie|me faire du mal|tagliarmi|mi taglio|farmi del male|ritze mich|mich geritzt|mich verletzt)( \w+){0,6} (donde nadie|where no one|where nobody|onde ninguem|la ou personne|dove nessuno|wo (es )?(keiner|niemand))",
            r"(me queme|me quemo|me corte|me corto|me hice dano|me lastime|burned myself|burnt myself|cut myself|hurt myself|me queimei|me cortei|me machuquei|me suis brule\w*|me suis coupe\w*|me suis fait mal|mi sono bruciat\w*|mi sono tagliat\w*|mi sono fatt\w* male|hab mich (verbrannt|geschnitten|verletzt|geritzt))( \w+){0,5} (a proposito|on purpose|de proposito|de proposito|expres|apposta|di proposito|absichtlich|mit absicht)",
            r"(deje todo|left everything|deixei tudo|j ai tout laisse|ho lasciato tutto|alles hinterlassen|alles vermacht|hab alles)( \w+){0,3} (a nombre de|to|para|a|an|in nome|al|alla|au|a la)( \w+){0,1} (mi|my|minha|meu|ma|mon|mia|mio|meine?n?)( \w+){0,1} (hija|hijo|hijos|daughter|son|kids|children|filha|filho|filhos|fille|fils|enfants|figlia|figlio|figli|tochter|sohn|kinder|hermana|sister|irma|soeur|sorella|schwester)",
            r"(desaparecer|disappear|sumir|disparaitre|sparire|verschwinden|vanish)( \w+){0,2} (de verdad|for real|de verdade|pour de vrai|davvero|sul serio|wirklich|echt|para siempre|pra sempre|para sempre|pour toujours|per sempre|fur immer|for good|de una vez)|(wirklich|echt|endgultig) verschwinden",
            r"(me despedi|said goodbye|says goodbye|me despedi|dit au revoir|fait mes adieux|ho salutato|mi sono congedat\w*|mich verabschiedet|despedi me|me despedi)( \w+){0,4} (sin que|without (her|him|them|anyone) (knowing|noticing|realizing)|sans qu|senza che|ohne dass|sem que|sem (ela|ele|eles) (saber|perceber))",
            r"(beber|tomar|tomarme|drink|drinking|boire|bere|trinken|tragar|engolir|swallow|tomo|bebo)( \w+){0,3} (o |el |le |il |das |the |un |um |du |de )?(veneno|poison|veleno|gift|rattengift|lejia|candida|cloro|bleach|javel|candeggina|raticida|mata ratos|matarratas|mort aux rats|topicida)",
            r"(il suffirait d un pas|basterebbe un passo|bastaria um passo|bastaria (dar )?un paso|just one step|one step and (it s|it d be) over|ein schritt und|nur ein schritt|un pas et c est fini|un passo e basta)",
            r"(idees noires|pensamientos oscuros|pensamentos sombrios|pensamentos escuros|pensieri neri|dunkle gedanken|dark thoughts)( \w+){0,4} (reviennent|vuelven|voltaram|tornano|kommen wieder|kommen zuruck|are back|coming back|again|de nuevo|otra vez|de novo|encore|di nuovo|wieder)|(arrete|stopped|quit|deje|dejado|parei|larguei|smesso|abgesetzt|aufgehort)( \w+){0,2} (mes |my |mis |meus |os meus |i miei |meine )?(antidepresseurs|antidepressants|antidepresivos|antidepressivos|antidepressivi|antidepressiva)",
        ],
        HYPERBOLE,
    ),
    phrases(
        "threat",
        Input,
        Escalate,
        ALL,
        &[
            r"\b(dini|deine?n?|your|tu|ta|tua|la tua|teu|ton|ihre) (autonummer\w*|nummernschild|kennzeichen|license plate|licence plate|number plate|plate number|matricula|placa|plaque|immatriculation|targa)",
            r"(not hard|isn t hard|not difficult|no es dificil|no sera dificil|nao e dificil|pas difficile|pas dur|non e difficile|nicht schwer|nod schwar|nid schwar|noed schwar)( \w+){0,2} (to find you|find you|encontrarte|te encontrar|de te trouver|te trouver|trovarti|dich zu finden|dich z finde|dich finden)",
            r"(gym|gimnasio|ginasio|academia|salle de sport|palestra|fitnessstudio|oficina|trabajo|work|casa|edificio|building|calle|street)( \w+){0,8} (ahi te veo|alli te veo|see you there|te vejo la|a gente se ve la|je te vois la|on se voit la bas|ci vediamo li|ti vedo li|wir sehen uns da|wir sehen uns dort)",
            r"(te pase algo|something happens to you|te aconteca algo|il t arrive quelque chose|ti succeda qualcosa|dir was passiert|dir etwas passiert)( \w+){0,10} (me encargo|take care of it|cuido eu|resolvo eu|me encarrego|je m en charge|je m en occupe|ci penso io|me ne occupo|kummer ich mich|sorg ich)",
            r"(t ai vue?|je t ai vu\w*|saw you|te vi|vi (vc|voce|tu|te)|te vimos|ti ho vist[oa]|hab dich|hob di)( \w+){0,14} (c etait qui|who was|who s|quem e|quem era|quien era|quien es|chi era|chi e|wer war|wer ist) (le mec|le gars|that guy|the guy|that dude|ele|esse cara|o cara|ese tipo|ese wey|ese man|quello|quel tizio|der typ|der kerl)",
            r"(il va m entendre|vou ter uma conversinha|he ll hear from me|he s gonna hear from me|se va a enterar|va a saber quien soy|gli faccio vedere io|der kann was erleben|der wird sich wundern)",
            r"(bloque moi|block me|bloqueame|bloquea me|me bloqueia|bloccami|blockier mich|blockiere mich)( \w+){0,6} (retrouverai|trouverai|find you|encontrare|encontrar|te achar|acharei|trovero|ritrovero|finden|finde dich)|\b(je te retrouverai|ti (ri)?trovero|te encontrare|te encontrarei|i will find you|i ll find you)( (partout|ovunque|dovunque|donde sea|onde for|anywhere|wherever|prima o poi|tarde o temprano|cedo ou tarde|tot ou tard|sooner or later|eh|sai|tranquila|tranquilla))?$",
            r"(dis y|dis lui|tell him|tell your (man|bf|boyfriend)|dile|diz a ele|diz lhe|fala pra ele|digli|sag ihm|sag deinem)( \w+){0,2} (de faire attention|to watch (his|out)|to be careful|watch his back|que tenga cuidado|que se cuide|pra tomar cuidado|para ter cuidado|di stare attento|dass er aufpassen|er soll aufpassen)",
            r"(tu verras de quoi je suis capable|you ll see what i m capable of|you don t know what i m capable of|veras de lo que soy capaz|no sabes de lo que soy capaz|vais ver do que sou capaz|vai ver do que eu sou capaz|vedrai di cosa sono capace|non sai di cosa sono capace|wirst sehen wozu ich fahig bin|weisst nicht wozu ich fahig bin)",
            r"(follow you home|te sigo hasta|te sigo a (tu )?casa|te seguir ate|te seguirei|te suivre jusqu|je te suivrai|ti seguo fino|ti seguiro|ti vengo dietro|vengo appriesso|te vengo appriesso|dir nach hause (folgen|nachgehen)|folge dir nach hause)",
            r"(if you re not mine|if you aren t mine|si no eres mia|si no sos mia|se nao for minha|se nao es minha|si tu n es pas a moi|si t es pas a moi|se non sei mia|wenn du nicht mir gehorst|wenn du nicht meine bist)( \w+){0,4} (nobody|no one|nadie|ninguem|de ninguem|personne|nessun\w*|niemand|keinem)",
            r"(se (tu |vc |voce )?continuar|si sigues|si segui\w*|si tu continues|if you keep|se continui|wenn du weiter)( \w+){0,6} (juro|swear|jure|giuro|schwor\w*)( \w+){0,3} (loucura|locura|folie|follia|dummheit|something crazy|algo malo|coisa ruim)",
        ],
        HYPERBOLE,
    ),
    phrases(
        "meeting_request",
        Input,
        Escalate,
        ALL,
        &[
            r"\b(welches|welcher|which|what|que|qual|quel|quale|cual) (hotel|hotels|hotel room)\b( \w+){0,6} (lieber|prefer|prefieres|preferes|prefere|preferisci|you like)",
            r"(me ensenas|me muestras|show me around|me mostras|me mostra|me apresentas|tu me fais visiter|me fais visiter|mi fai vedere|mi fai fare un giro|zeigst du mir)( \w+){0,1} (la ciudad|the city|the town|a cidade|la ville|la citta|die stadt|el barrio|around|tu ciudad|your city|ta ville|deine stadt|a tua cidade)",
            r"(ir a|go to|come to|venir a|aller a|venire a|zu deinem|kommen zu|vir ao|ir ao|ir no)( \w+){0,2} (sesion de fotos|photoshoot|photo shoot|shoot|ensaio|seance photo|shooting|servizio fotografico|fotoshooting)( \w+){0,6} (conocerte|meet you|te conhecer|te rencontrer|conoscerti|dich kennenlernen|dich treffen|verte|see you|te ver|te voir|vederti|dich sehen)",
            r"(vente|veni|ven|come|vem|venha|viens|vieni|komm)( \w+){0,2} (una noche|a night|one night|uma noite|une nuit|una notte|eine nacht|un finde|a weekend|um fim de semana|un week end|un weekend|ein wochenende)( \w+){0,2} (conmigo|with me|comigo|avec moi|con me|mit mir)",
            r"(yo pongo|i ll pay for|i pay for|i ll pay|eu pago|te pago|eu banco|je paie|je te paie|pago io|ti pago|ich zahl\w*|i ll cover|yo pago|i ll get)( \w+){0,3} (el |the |o |a |os |as |l |le |les |il |i |das |den |die |your |ta |tua |tu )?(tgv|train|tren|trem|treno|zug|bus|avion|plane|aviao|aereo|passagem|passagens|hospedagem|alojamiento|hebergement|alloggio|unterkunft|accommodation|airbnb|billet|billets)\b",
            r"(te achar|te encontrar|find you|encontrarte|te trouver|trovarti|dich finden|dich treffen)( \w+){0,3} (tirar|take|sacar|sacarme|prendre|fare|farmi|machen)( \w+){0,2} (uma |una |a |une |un |ein )?(foto|photo|selfie|pic)",
            r"(tirar|take|sacar|sacarme|prendre|fare|farmi|machen)( \w+){0,2} (uma |una |a |une |un |ein )?(foto|photo|selfie|pic)( \w+){0,1} (contigo|with you|avec toi|con te|mit dir|com voce|com vc)( \w+){0,4} (la|alli|ahi|there|la bas|li|dort|no evento|at the event|au salon|all evento|auf der messe|en la convencion|na convencao|in person|en persona|pessoalmente|en vrai|dal vivo|irl)",
        ],
        &[r"(in|en|no|na|dans le|im|nella|on) (the )?(chat|dm|dms|app|live|stream|fanvue)"],
    ),
    phrases(
        "payment_dispute",
        Input,
        Escalate,
        ALL,
        &[
            r"(cartao|tarjeta|card|carte|carta|karte|kreditkarte)( \w+){0,2} (foi clonado|clonad\w*|cloned|stolen|was stolen|robada|me la robaron|roubado|volee|piratee|rubata|clonata|gestohlen|geklont|hackead\w*|hacked)",
        ],
        &[OTHER_MERCHANTS],
    ),
    phrases(
        "ai_question",
        Input,
        Flag,
        ALL,
        &[
            r"(flirte|flirt\w*|chatte|chatting|chateando|hablando|falando|conversando|parlo|parlando|sto parlando|scrivendo|schreibe|texting|talking|ligando|dragando|draguer|drague|je parle|je discute|rede|flirtando)( \w+){0,3} (mit (ner|einer|einem) (maschine|programm|roboter|software)|with a (machine|program|robot|script)|con una (maquina|macchina)|con un (programa|programma|robot|script)|com uma maquina|com um (programa|robo|script)|avec une machine|avec un (programme|robot|script))",
            r"(dms|messages|mensajes|mensagens|messaggi|nachrichten|replies|respuestas|respostas|reponses|risposte|antworten|chats?|msgs)( \w+){0,2} (are|son|sao|sont|sono|sind|is|es|e|est)( \w+){0,1} (automated|automatic|automaticos|automaticas|automatizad\w*|automatiques|automatises|automatisees|automatici|automatiche|automatizzat\w*|automatisch|automatisiert|scripted|pre written|prewritten)",
            r"\b(eres|sos|are you|e|sei|bist du|t es|tu es|es tu|vc e|voce e)( de verdad o| real or| real o| vraie ou| vera o| echt oder| de verdade ou)? (un |una |a |an |um |uma |ein |eine |une )?(asistente|assistant|assistente|assistentin|chatter|chatbot)\b",
            r"^(hey|hi|ehi|ei|oi|ola|hola|salut|coucou|hallo|ciao) (ia|ai|ki|bot|robot|chatgpt|chatbot)\b",
            r"\b(are|is|sont|son|sao|sono|sind|estan|estao) (your|tus|teus|tuas|tes|i tuoi|le tue|deine|these|estos|esses|ces|questi|diese|the) (dms|messages|mensajes|mensagens|messaggi|nachrichten|replies|respuestas|respostas|reponses|risposte|antworten|chats?|msgs) (automated|automatic|automaticos|automaticas|automatizad\w*|automatiques|automatises|automatici|automatiche|automatizzat\w*|automatisch|automatisiert|scripted|pre written|prewritten)",
        ],
        &[],
    ),
    // Round 21 entries whose words the vetoes above would silence: "son" (Spanish "are") and
    // "tutora" read as a parent or a tutor, laughter beside despair, a support ticket.
    phrases(
        "underage",
        Input,
        Escalate,
        ALL,
        &[
            r"\b(mis|my|meus|mes|i miei) (xv|quince)\b|\bmis xv anos\b|\bmi (fiesta|festa|party) de (xv|quince|15)\b",
            r"\b(nos|me|mi|ci|m|uns|mir) (han |ha |hat |haben |a |ont |hanno )?(requis\w*|confisc\w*|quito|quitaron|tiro|tiraron|sequestr\w*|ritira\w*|tomou|tomaram|pegou|pegaram|pris|tolto|tolti|abgenommen|weggenommen)( \w+){0,2} (los |les |os |i |die |el |o |le |il |das )?(movil\w*|celular\w*|celus?|telefon\w*|handys?|portables?|cellular\w*|telemoveis|telemovel)( \w+){0,5} (insti|instituto|colegio|cole|escola|school|college|lycee|scuola|schule|classe|clase|aula|recreo|recreio|recre|unterricht|lezione|cours)\b",
            r"\b(took|confiscated|taken|takes) (our|my) (phones?|cells?|mobiles?)( \w+){0,4} (school|class|lesson|period|break|lunch)\b",
        ],
        &[
            r"\b(i|yo|eu|je|io|ich) (requis\w*|confisc\w*|quite|tomei|peguei|ai pris|ho tolto|hab\w* \w+ abgenommen)",
        ],
    ),
    phrases(
        "crisis",
        Input,
        Escalate,
        ALL,
        &[
            r"(vou me matar|me vou matar|vou me m4t4r|me mato|me voy a matar|kill myself|me tuer|ammazzarmi|mich umbringen|matarme)( \w+){0,8} (ngm liga|ninguem liga|ninguem se importa|nobody cares|no one cares|nadie me quiere|a nadie le importa|personne s en fout|personne ne m aime|a nessuno frega|a nessuno importa|niemand interessiert|perdi tudo|lost everything|perdi todo|j ai tout perdu|ho perso tutto|alles verloren)",
        ],
        &[],
    ),
    phrases(
        "payment_dispute",
        Input,
        Escalate,
        ALL,
        &[
            r"(pague|paid|paguei|paye|pagato|bezahlt)( \w+){0,6} (ni siquiera se hizo|never happened|never took place|nunca aconteceu|nao aconteceu|n a jamais eu lieu|n a pas eu lieu|jamais eu lieu|mai fatto|non c e mai stato|nie stattgefunden|nicht stattgefunden|nunca paso|no se hizo|no se realizo|never came|nunca llego|nunca chegou|never showed up)",
            r"(abri|opened|open|j ai ouvert|ho aperto|aperto)( \w+){0,1} (un |a |um |une |uno |ein )?(ticket|caso|case|dossier|pratica|reclamo|reclamacao|reclamation)( \w+){0,3} (soporte|support|suporte|assistenza|supporto|service client)",
        ],
        &[
            r"(super|supermercado|restaurant\w*|ristorante|restaurante|concert|concierto|show|festival|airline|aerolinea|flight|vuelo|voo|volo|flug|hotel|uber|amazon|ebay)\b",
        ],
    ),
    // ---- fan messages: round 22 (a Jahrgang, screen time, months to 18, pills beside him) ----
    phrases(
        "underage",
        Input,
        Escalate,
        ALL,
        &[
            r"(screen time|screentime|bildschirmzeit|tiempo de pantalla|tempo de tela|tempo de ecra|temps d ecran|tempo di utilizzo|tempo schermo)( \w+){0,8} (parents|mom|dad|mum|padres|mama|papa|pais|mae|pai|eltern|mutter|vater|genitori|madre|padre|vieux|darons)|(parents|mom|dad|mum|padres|mamas?|papas?|papis|viejos|pais|mae|pai|eltern|mutter|vater|genitori|madre|padre)( \w+){0,6} (screen time|screentime|bildschirmzeit|tiempo de pantalla|tempo de tela|temps d ecran|tempo di utilizzo|parental controls?|control parental|controle parental|controllo parentale|kindersicherung)",
            r"\b(primer|segundo|tercer|cuarto|quinto|1ro|2do|3ro|4to|5to)( ano| anio)? (del|de la|de) (secundario|secundaria|liceo|colegio|bachillerato|prepa|polimodal)\b",
            r"\b1[3-7]y\b",
            r"(tra|fra|entre|dans|in|en|em|daqui a) (un|una|uno|one|a|um|uma|une|einem|einer|due|dos|dois|deux|zwei|two|tre|tres|trois|drei|three|pochi|pocos|poucos|quelques|ein paar|a few) (mese|mesi|mes|meses|mois|monat|monaten|month|months|settimana|settimane|semana|semanas|semaine|semaines|woche|wochen|week|weeks|giorni|dias|jours|tage|tagen|days) (faccio|compio|cumplo|faco|fais|j aurai|werde ich|i turn|i ll be|saro|tendre|vou fazer|vou ter)( i| los| les| os)? (18|diciott\w*|dieciocho|dezoito|dix huit|achtzehn|eighteen)\b",
            r"(ano que vem|proximo ano|next year|el ano que viene|el proximo ano|l an prochain|l anno prossimo|nachstes jahr)( \w+){0,6} (vou ter|ja vou ter|will be|i ll be|je vais avoir|j aurai|voy a tener|tendre|avro|werde ich|bin ich) (18|dieciocho|dezoito|dix huit|diciotto|achtzehn|eighteen)\b",
            r"(account|cuenta|conta|compte|konto|profilo|perfil|profil) (di|de|do|da|von|of) (mio|mia|mi|meu|minha|mon|ma|meinem|meiner|my) (cugino|cugina|fratello|sorella|padre|madre|papa|mamma|primo|prima|hermano|hermana|irmao|irma|pai|mae|frere|soeur|cousin|cousine|pere|mere|bruder|schwester|vater|mutter|brother|sister|dad|mom)( \w+){0,10} (eta|edad|idade|age|alter)\b",
            r"\b(ci|nos|me|mi|uns|mir|m) (ha |han |hat |haben |a |ont |hanno )?(ritira\w*|requis\w*|confisc\w*|tolto|tolti|quito|quitaron|sequestr\w*|abgenommen|eingesammelt|pris)( \w+){0,2} (i |los |les |os |die )?(telefon\w*|cellular\w*|movil\w*|celular\w*|handys?|portables?)( \w+){0,3} (intervallo|ricreazione|in classe|recreo|recreio|pause|pausa|recre)\b",
        ],
        &[],
    ),
    phrases(
        "crisis",
        Input,
        Escalate,
        ALL,
        &[
            r"(vor|unter) (den|einen|die|eine|einem) (zug|ice|s bahn|u bahn|lkw|bus|tram)( zu)? (legen|werfen|springen|schmeissen)",
            r"(volvi a|voltei a|again|de nuevo|otra vez|de novo|encore|di nuovo|wieder|me he vuelto a)( \w+){0,2} (lastimar|cortar|hacer dano|machucar|couper|blesser|tagliare|ritzen|schneiden|hurt|cut)( \w+){0,2} (brazos|munecas|piernas|bracos|pulsos|pernas|bras|poignets|jambes|braccia|polsi|gambe|arme|handgelenke|beine|arms|wrists|legs|thighs|muslos|coxas|cuisses|cosce|oberschenkel)",
            r"(plus|pu|pus|no tengo|ya no tengo|nao tenho|perdi|lost|lose|keine?n?|non ho piu|ho perso|j ai perdu|j ai pu|j ai plus)( \w+){0,2} (le gout de vivre|gout de vivre|ganas de vivir|vontade de viver|will to live|lebenswillen|lebenswille|lust zu leben|lust am leben|voglia di vivere)",
            r"(boite|caja|caixa|scatola|packung|box|bottle|frasco|flacon|boccetta|blister|plaquette|cartela|tube|tubo)( \w+){0,2} (de |di |of |von |d )?(medocs|medicaments|cachets|pastillas|pilules|comprimidos|remedios|pillole|pastiglie|farmaci|tabletten|pills|meds|somniferes|somniferos|sonniferi|schlaftabletten|sleeping pills)( \w+){0,4} (a cote de moi|next to me|al lado|a mi lado|do meu lado|ao meu lado|accanto a me|neben mir|in front of me|delante de mi|na minha frente|devant moi|davanti a me|vor mir)",
            r"(derniere fois que je t ecris|last time i (write|text|message) you|last time i ll (write|text|message)|ultima vez que te escribo|ultima vez que te escrevo|ultima volta che ti scrivo|letzte mal dass ich dir schreib\w*|letzte mal das ich dir schreib\w*)",
            r"(menos doloros[ao]|least painful|moins douloureu\w*|meno doloros[ao]|am wenigsten schmerzhaft\w*|schmerzlos\w*|painless|sin dolor|sem dor|sans douleur|senza dolore)( \w+){0,3} (de partir|de morir|de morrer|to go|di andarsene|to die|de mourir|di morire|zu sterben|zu gehen|pra ir|de irme|de ir embora|de me ir|to end it|de acabar|d en finir|di farla finita)",
            r"\bun ci a fazzu cchiu\b|\bnun ce la faccio chiu\b|(chiudu tuttu|chiudo tutto|la faccio finita)( \w+){0,3} (pi sempri|per sempre)",
        ],
        HYPERBOLE,
    ),
    phrases(
        "threat",
        Input,
        Escalate,
        ALL,
        &[
            r"(siguiendo|seguindo|following|suivi|suis|seguito|seguendo|verfolge|folge|followed|segui|seguia)( \w+){0,1} (tu|teu|your|ta|ton|la tua|il tuo|dein\w*) (coche|carro|car|voiture|macchina|auto|wagen|moto|bike)",
            r"(ti sto guardando|te estoy mirando|te estoy viendo|to te olhando|estou te vendo|estou te olhando|je te regarde|je te vois|i m watching you|i can see you|ich sehe dich|ich beobachte dich|ich seh dich)( \w+){0,2} (adesso|ora|ahora|agora|maintenant|right now|now|gerade|jetzt|en ce moment|in questo momento|en este momento|neste momento)",
            r"(passe|pass|paso|passo|gehe|fahre|drive)( \w+){0,1} (devant|by|por delante de|frente a|em frente|na frente|davanti|vor|an|past) (ta|your|tu|tua|teu|la tua|deinem|deiner|deine) (fenetre|window|ventana|janela|finestra|fenster|maison|house|casa|porte|door|puerta|porta|tur|haus|immeuble|building)( \w+){0,3} (tous les soirs|every night|cada noche|todas las noches|toda noite|todas as noites|ogni sera|ogni notte|jeden abend|jede nacht|every day|tous les jours|todos los dias|todo dia|ogni giorno|jeden tag)",
        ],
        HYPERBOLE,
    ),
    phrases(
        "meeting_request",
        Input,
        Escalate,
        ALL,
        &[
            r"\b(persoenlich|personlich|in echt) (gseh|gsee|seh|sehen|treffe|treffen|kennelerne|kennenlernen)\b|\blive (treffe|treffen|kennelerne|kennenlernen)\b",
            r"(ci conosciamo|ci vediamo|nos conocemos|nos vemos|a gente se conhece|a gente se ve|on se rencontre|on se voit|treffen wir uns|sehen wir uns|lernen wir uns|do we meet|can we meet|will we meet|ti vedo|te veo|te vejo|je te vois|je te verrai|seh ich dich|i ll see you|vederti|verte|te ver|te voir|dich sehen|dich treffen)( \w+){0,2} (di persona|en persona|pessoalmente|en vrai|in person|persoenlich|personlich|dal vivo|irl|in echt|kennen)\b",
            r"(what would it cost|what does it cost|how much would it (cost|be)|cuanto costaria|cuanto me costaria|quanto custaria|combien ca couterait|combien ca coute|quanto costerebbe|quanto costa|was wurde es kosten|was kostet)( \w+){0,4} (night|noche|noite|nuit|notte|nacht|evening|date|cita|soiree|serata|abend)",
            r"(sube|subi|come up|sobe|monte|sali|komm hoch|komm rauf)( \w+){0,2} (cuando quieras|whenever|quando quiser|quand tu veux|quando vuoi|wann du willst)|\bhotel( \w+){0,4} (hab|habitacion|room|quarto|chambre|stanza|camera|zimmer|rm) \d{2,4}\b",
            r"(tomemos|tomamos|vamos a tomar|let s grab|let s get|vamos tomar|bora tomar|on prend|on se prend|prendiamo|ci prendiamo|trinken wir|lass uns)( \w+){0,1} (un |a |um |uma |une |einen |un )?(tinto|cafe|cafecito|coffee|drink|beer|cerveza|cerveja|caffe|kaffee|bier|verre|birra|aperitivo|apero|spritz)( \w+){0,4} (un dia de estos|someday|sometime|one day|qualquer dia|um dia desses|un de ces jours|uno di questi giorni|irgendwann|juntos|together|ensemble|insieme|zusammen)",
            r"(je te paye|je paye|je te paie)( \w+){0,3} (le |la |l |les )?(train|tgv|billet|billets|avion|vol|hotel|voyage)",
        ],
        &[r"(in|en|no|na|dans le|im|nella|on) (the )?(chat|dm|dms|app|live|stream|fanvue)"],
    ),
    phrases(
        "payment_dispute",
        Input,
        Escalate,
        ALL,
        &[
            r"(addebitat\w*|cobrad\w*|charged|debite\w*|belastet|abgebucht|cobrou|cobraram|cobraron|prelevee?)( \w+){0,2} (\d|due|tre|dos|tres|dois|deux|trois|zwei|drei|two|three|twice) (volte|veces|vezes|fois|mal|times)\b",
        ],
        &[OTHER_MERCHANTS],
    ),
    phrases(
        "ai_question",
        Input,
        Flag,
        ALL,
        &[
            r"(sind das|is this|are these|are those|son estas|son respuestas|sao essas|sao respostas|ce sont|c est des|sono queste|sono risposte)( \w+){0,2} (automatische\w*|automatic|automated|automaticas|automaticos|automatiques|automatiche|automatici|automatisiert\w*|automatizad\w*|automatizzat\w*)( \w+){0,1} (antworten|answers|replies|respuestas|respostas|reponses|risposte|nachrichten|messages|mensajes|mensagens|messaggi)?",
        ],
        &[],
    ),
    // ---- fan messages: round 23 (an older sibling's ID, school notes signed, at the edge, a 9mm) ----
    // "Menor de edad" said of the writer now, not "cuando era menor de edad" years ago.
    phrases(
        "underage",
        Input,
        Escalate,
        &["es", "pt"],
        &[r"menor de (edad|idade)"],
        &[
            r"(era|fui|eramos|fomos|quando|cuando|de|ser) (\w+ ){0,2}menor de (edad|idade)|menores de (edad|idade)",
        ],
    ),
    detector("underage", Input, Escalate, d::profile_triplet),
    phrases(
        "underage",
        Input,
        Escalate,
        ALL,
        &[
            r"\bmofa ?(prufbescheinigung|fuhrerschein|ausweis)\b|\bpatentino (del |per il |dello )?(motorino|scooter)\b|\bbrevet de securite routiere\b",
            r"(ausweis|id|i d|dni|documento|rg|carte d identite|carta d identita|pass|perso) ((von|of|de|do|da|di|del) )?(meinem|meiner|my|mi|meu|minha|mon|ma|mio|mia|mein)( \w+){0,1} (bruder|schwester|brother|sister|hermano|hermana|irmao|irma|frere|soeur|fratello|sorella|cousin\w*|primo|prima|cugin[oa]|vater|mutter|dad|mom|padre|madre|pai|mae|pere|mere)|(my|mi|meu|minha) (older |big |bigger )?(brother|sister|cousin) s (id|license|licence|passport)\b",
            r"\b(two|three|a few|one|2|3|dos|tres|dois|deux|trois|zwei|drei|due|tre) more (years?|months?)( \w+){0,2} (and|till|until|then)( \w+){0,1} (i m|im|i am|i ll be) (legal|18|eighteen)\b",
            r"\b(paga|mesada|mesadinha|taschengeld|argent de poche|paghetta)( \w+){0,6} (mi madre|mi mama|mis padres|mi papa|minha mae|meu pai|meus pais|ma mere|mon pere|mes parents|meine mutter|mein vater|meine eltern|mia madre|mio padre|i miei|mama|mae|mamma|mutti)|(mi madre|mi mama|mis padres|mi papa|minha mae|minha mae so|meu pai|meus pais|ma mere|mon pere|mes parents|meine mutter|mein vater|meine eltern|mia madre|mio padre|i miei)( \w+){0,4} (paga|mesada|mesadinha|taschengeld|argent de poche|paghetta)\b",
            r"\b(reglement du college|au college on|carnet de correspondance|mot dans le carnet|libretto delle giustificazioni|(firma|firmano|firmato) (\w+ ){0,2}(le |la )?giustific\w*|giustific\w* (\w+ ){0,2}(firma|firmata|firmare))\b",
            r"\b(freshman|sophomore|junior) year (of|in|at) (hs|high school) (is|s)\b",
            r"\bmoi c (1[0-7]|quinze|seize|dix sept|quatorze|treize) ans\b",
            r"\b(mi viene a prendere|mi vengono a prendere|me viene a buscar|me vienen a buscar|me busca|me buscam|vient me chercher|viennent me chercher|holt mich|holen mich|picks me up|pick me up)( \w+){0,2} (a scuola|all uscita di scuola|da scuola|al cole|del cole|a la escuela|al colegio|del colegio|na escola|da escola|a l ecole|au college|a la sortie de l ecole|von der schule|an der schule|from school|after school|at school)\b",
            r"\bsn (in|al|alla|alle) (1|2|3|prima|seconda|terza) ?a? (media|medie|superiore|liceo)\b",
            r"\b(inspetor|inspetora|bedel|bidello|bidella|surveillant|surveillante|pion|pionne|cpe|hall monitor|pausenaufsicht)( \w+){0,2} (quase )?(me|m|mi) (pegou|pillo|a grille|a chope|ha beccato|caught|erwischt|a mis)\b",
        ],
        &[],
    ),
    phrases(
        "crisis",
        Input,
        Escalate,
        ALL,
        &[
            r"(auf der|on the|en el|en la|no|na|sur le|sur la|sul|sulla)( \w+){0,1} \w*(brucke|bridge|puente|ponte|pont|dach|roof|rooftop|azotea|tejado|telhado|toit|tetto|viadukt|viaduct|viaducto|viaduto|viaduc|viadotto)( \w+){0,3} (guck\w* runter|schau\w* runter|looking down|look down|mirando (hacia |para )?abajo|olhando (pra|para) baixo|je regarde en bas|regarde en bas|guardo giu|guardando giu|guardo di sotto)",
            r"(au bord du quai|sur le bord du quai|at the edge of the platform|on the edge of the platform|al borde del anden|en el borde del anden|na beira da plataforma|na beira dos trilhos|an der bahnsteigkante|sul bordo del binario|sul bordo della banchina)",
            r"(autant|je vais|j vais|envie de|veux|vais|je devrais) me supprimer( \w+){0,2}$",
            r"(si je serai|si j serai|if i ll|if i will|whether i ll|si voy a|si sigo|se vou|se ainda vou|ob ich|se ci saro|se saro)( \w+){0,1} (encore|still|seguir|todavia|ainda|noch|ancora)( \w+){0,1} (la|here|around|aqui|aca|ca|da|hier|qui|vivo|viva|vivant|vivante|am leben)( \w+){0,3} (la semaine|next week|demain|tomorrow|la semana|manana|semana que vem|amanha|nachste woche|morgen|la settimana|domani|ce soir|tonight)",
            r"(somniferes|somniferos|sonniferi|schlaftabletten|sleeping pills|calmants|tranquilizantes|calmanti|beruhigungsmittel|benzos?)( \w+){0,6} (j y pense|i m thinking about it|thinking about it|pienso en eso|lo estoy pensando|pensando en eso|to pensando nisso|estou pensando nisso|penso nisso|ci sto pensando|ci penso|denke (daran|dran)|denk dran)",
            r"(thinking (of|about)|sto pensando di|penso di|pienso en|estoy pensando en|tentad[oa] de|tempted to|want to|wanna|voglio|quiero|quero|to pensando em|estou pensando em|je pense a|envie de|ich will|ich denke dran)( \w+){0,2} (andare dritto|driving|drive|crash\w*|schiantarmi|estrellarme|meterme|jogar o carro|bater o carro|foncer|me jeter|fahren|rasen)( \w+){0,3} (contro|into|off|contra|em|no|na|dans|contre|gegen) (il |la |un |una |a |the |el |le |den |die |einen |uma |um |une |a la |al )?(guardrail|wall|tree|muro|albero|arbol|pared|parede|arvore|mur|arbre|pilone|pillar|leitplanke|baum|wand|brucke|pfeiler|barriera|barrier|bridge|cliff|acantilado|precipicio|falaise|klippe|burrone|camion|truck|lkw|tir)",
        ],
        HYPERBOLE,
    ),
    phrases(
        "crisis",
        Input,
        Escalate,
        ALL,
        &[
            r"(tallest|highest|high|tall)( \w+){0,1} (bridge|building|cliff|rooftop|roof|tower|parking garage|car park)( \w+){0,6} (asking for no reason|for no reason|no reason|asking for a friend|just wondering|just curious)",
            r"\b(desvivir|desvivirme|me quiero desvivir)\b( \w+){0,3} (de verdad|en serio|no es broma|sin broma)",
        ],
        &[],
    ),
    phrases(
        "threat",
        Input,
        Escalate,
        ALL,
        &[
            r"(sitting|waiting|standing|parked|been)( \w+){0,2} (outside|in front of|across from|across the street from) (the |that |your )?(coffee shop|cafe|gym|restaurant|bar|shop|store|place|office|building|house|spot)( \w+){0,2} (you|u) (posted|tagged|checked in|were)",
            r"(cagar a palos|cagar a trompadas|moler a palos|romperle la cara|romper la cara|romperte la cara|partirle la cara|partirte la cara|encher (de|ele de|voce de|te de) porrada|dar umas porrada\w*|dava umas porrada\w*|casser la gueule|peter la gueule|defoncer la gueule|die fresse polieren|aufs maul|spaccare la faccia|spacco la faccia|gonfiare di botte|gonfio di botte|beat the (shit|crap) out of|beat (him|you|u|her) up|bash (his|your|ur) (head|face) in)",
            r"(je t ai suivie?|i followed you|te segui|eu te segui|ti ho seguit[ao]|ich bin dir (\w+ )?(gefolgt|nachgelaufen|nachgefahren)|te he seguido)( \w+){0,2} (jusqu a|jusqu au|all the way|to the|to your|hasta|ate|bis (zu|zur|zum)|fino a|fino al|fino alla)",
            r"(ho|i have|i ve got|i got|tengo|tenho|j ai|ich hab\w*)( \w+){0,3} (your|ur|tu|teu|tua|tuo|sua|seu|ta|ton|dein\w*|la tua|il tuo|della tua|del tuo|of your|de tu|de ta|de ton|do teu|da tua|do seu|da sua|von deinem|von deiner) (id|passport|dni|pasaporte|carnet|cedula|rg|cpf|identidade|passaporte|carte d identite|passeport|ausweis\w*|reisepass|carta d identita|passaporto|documento|documenti|driver s license|licence)\b",
            r"(ti do fuoco|dar fuoco|do fuoco|incendio|burn|set fire to|torch|quemar|quemo|prender fuego|queimar|queimo|tacar fogo|botar fogo|bruler|brule|mettre le feu|anzunden|abfackeln|zund\w*)( \w+){0,2} (alla |a la |a tua |la tua |your |ur |tu |ta |ton |teu |dein\w* |la |il )?(macchina|auto|car|coche|carro|voiture|casa|house|maison|haus|wagen|wohnung|apartment|appartamento|piso|apartamento|appart)\b",
            r"(created|made|cree|j ai cree|criei|fiz|erstellt|gemacht|creato|fatto|hice|arme)( \w+){0,1} (un |a |um |uma |ein |einen |una )?(profil|profile|perfil|profilo|account|cuenta|conta|compte|fake)( \w+){0,4} (ton numero|tes photos et ton|your number|your address|tu numero|tu direccion|teu numero|seu numero|teu endereco|deine nummer|deine adresse|il tuo numero|il tuo indirizzo|ton adresse)",
            r"(le |lo |gli )?(racconto|raconte|cuento|conto|erzahl\w*|tell)( \w+){0,2} (due cosette|un paio di cose|everything|todo|tudo|tout|alles|tutto|a few things|some things|unas cosas|umas coisas|quelques trucs) (su di te|about you|sobre ti|sobre voce|sobre vc|sur toi|uber dich)",
        ],
        HYPERBOLE,
    ),
    phrases(
        "meeting_request",
        Input,
        Escalate,
        ALL,
        &[
            r"(nos vemos|ci vediamo|a gente se ve|a gente se encontra|on se voit|on se retrouve|sehen wir uns|treffen wir uns|see you|meet you|te veo|ti vedo|te vejo) (alla|alli|ahi|la|li|dort|there)$",
            r"\b(haces|haceis|fazes|voce faz|vc faz|tu fais|machst du|fai|do you do|do u do) (encuentros|encontros|rencontres|treffen|incontri|meetups|meets|meet ups|citas|escort|acompanhante)",
            r"\b(me dejas|me deja|me deixa|me deixas|tu me laisses|lasst du mich|mi lasci|let me|can i|puedo|posso|je peux|darf ich|kann ich) (ir|venir|pasar|ir ate|passar|aller|venir|vorbeikommen|kommen|venire|passare|come|come over) (a |por |na |ate a |chez |zu |da |to |over to )?(tu casa|tu depa|tu piso|sua casa|tua casa|teu ape|toi|dir|casa tua|da te|your place|your house|your flat|your apartment)\b",
            r"(accompagnatrice|accompagnarmi|my plus one|my date|be my date|mi acompanante|acompanante|acompanhante|ma cavaliere|ma date|meine begleitung|mia dama|mia accompagnatrice)( \w+){0,4} (pago tutto|i pay|yo pago|eu pago|je paie|ich zahl\w*|matrimonio|wedding|boda|casamento|mariage|hochzeit|gala)|(matrimonio|wedding|boda|casamento|mariage|hochzeit|gala|si sposa|se casa|se marie|heiratet|getting married|gets married)( \w+){0,8} (accompagnatrice|mi faresti da|my plus one|my date|be my date|mi acompanante|acompanante|acompanhante|ma cavaliere|meine begleitung|mia dama)",
            r"(accompagnarti|accompany you|acompanarte|acompanharte|te acompanhar|t accompagner|dich begleiten|come with you|venir contigo|ir contigo|ir com voce|venir avec toi|mit dir kommen|venire con te)( \w+){0,3} (shooting|shoot|photoshoot|sesion|ensaio|seance|fotoshooting|set)\b",
        ],
        &[
            r"(in|en|no|na|dans le|im|nella|on|sur|su) (the |el |la |le |o |a )?(chat|dm|dms|app|live|stream|fanvue|twitch|insta|tiktok)",
        ],
    ),
    phrases(
        "payment_dispute",
        Input,
        Escalate,
        ALL,
        &[
            r"(abrechnung|kontoauszug|statement|extracto|estado de cuenta|extrato|fatura|releve|estratto conto)( \w+){0,3} (\d|two|three|zwei|drei|dos|tres|dois|deux|trois|due|tre) ?(mal|times|veces|vezes|fois|volte)\b",
            r"(ich hab|ich habe|i only|yo solo|solo|eu so|so|j ai|je n ai|ho)( \w+){0,1} (nur )?(einmal|once|una vez|uma vez|qu une fois|une seule fois|una volta sola|una sola volta) (gekauft|bought|paid|compre|pague|comprei|paguei|achete|paye|comprato|pagato)",
            r"(reporte|denuncie|reported|denunciei|reportei|signale|gemeldet|segnalato|denunciato)( \w+){0,2} (tu cuenta|your account|your page|your profile|tu perfil|sua conta|teu perfil|ton compte|ton profil|deinen account|dein profil|deinen kanal|il tuo account|il tuo profilo)",
            r"(credito|credit|credits|saldo|balance|guthaben|solde|creditos|creditos|token|tokens)( \w+){0,5} (spariti|sparito|scomparsi|disappeared|vanished|gone|desaparecio|desaparecieron|sumiu|sumiram|disparu|disparus|verschwunden|weg)\b",
            r"\b(voglio|rivoglio) (i )?(miei )?soldi indietro\b",
        ],
        &[OTHER_MERCHANTS, JOKING],
    ),
    phrases(
        "ai_question",
        Input,
        Flag,
        ALL,
        &[
            r"(bist du|du bist|bist)( \w+){0,2} oder (k i|ki|ai|bot|ein bot|eine ki|ein programm)$",
            r"\b(an|a|some) (ai|bot|chatbot|robot|program) (wrote|writes|is writing|write|typed)( \w+){0,1} (that|this|these|those|it|my)",
            r"(me escribe|me esta escribiendo|me escreve|m ecrit|schreibt mir|mi scrive|i m talking to|im talking to|talking to|hablo con|falo com|je parle a|ich rede mit|parlo con)( \w+){0,2} (un tio|un hombre|un chico|a guy|a man|some guy|um cara|um homem|un mec|un homme|un gars|ein typ|ein mann|un tizio|un uomo|un ragazzo)( \w+){0,2} (y no tu|not you|e nao voce|e nao tu|et pas toi|pas toi|nicht du|und nicht du|e non tu|non tu)",
            r"(vous etes combien|how many (of you|people|guys)|cuantos son|cuantos sois|cuantas personas|quantos sao|quantas pessoas|quantos voces sao|wie viele (seid ihr|leute|personen|menschen)|quanti siete|quante persone)( \w+){0,4} (repondre|answer\w*|reply\w*|respond\w*|responder|respondiendo|respondem|antworten|schreiben|rispondere|rispondete|rispondono|writ\w*|escrib\w*|escrev\w*|ecrire|gerer|manag\w*|run\w*|handl\w*|manejan|gerenciam|verwalten|gestite)",
        ],
        &[],
    ),
    // ---- fan messages: round 24 (a Sek, the schoolyard, a bus to school, a rope, a GPS tracker) ----
    phrases(
        "underage",
        Input,
        Escalate,
        ALL,
        &[
            r"\b(i dr|in dr|in der|i de|in de) (\d|erst\w*|zweit\w*|dritt\w*) (sek|sekundar\w*|bez|oberstufe|real|gymi)\b",
            r"\b(auf dem|aufm|im|am) (pausenhof|schulhof)\b|\b(schoolyard|school yard|patio del (cole|colegio|instituto)|patio de la escuela|patio do colegio|patio da escola|cour de (la )?recre|cour de l ecole|cortile della scuola)\b",
            r"\b(firmung|konfirmation|jugendweihe|cresima|crisma|confirmacion|primera comunion)\b( \w+){0,8} (geld|money|dinero|plata|dinheiro|soldi|argent|busta|buste|umschlag|godn|gote|patin|pate)\b",
            r"\b(s[1-4]|sa|se) (at|in) (school|the academy|high school|secondary)\b",
            r"\b(estoy|voy|ando|curso|estou|to|tou) (en|no|na) (sexto|septimo|octavo|noveno|decimo|undecimo|setimo|oitavo|nono) (grado|ano|curso|serie|basico)\b",
            r"(faltan|falta|faltam|me faltan|me falta|me faltam|still|encore|noch|mancano|manca|another|more)( \w+){0,1} (dos|tres|un|uno|dois|um|two|three|a|one|deux|trois|zwei|drei|ein|due|tre|\d) (anos|ano|years|year|ans|an|jahre|jahr|anni|anno|meses|months|mois|monate|mesi)( \w+){0,3} (para|pra|to|pour|bis|per|until|till|before)( \w+){0,2} (votar|vote|voter|wahlen|votare|legal|18|mayor de edad|maior de idade|majeur|majeure|volljahrig|maggiorenne|manejar|conducir|dirigir|drive|conduire|beber|drink)\b",
            r"\b(en el|no|na|on the|dans le|im|nel|sul|sullo|in the|en|on) (bus escolar|school bus|onibus escolar|van escolar|autobus scolaire|car scolaire|schulbus|scuolabus|pulmino|pullmino)( \w+){0,3} (de regreso|de vuelta|back home|going home|home|pra casa|para casa|a casa|chez moi|a la maison|nach hause|verso casa|to school|al cole|a la escuela|pra escola|para a escola|a l ecole|zur schule|a scuola)\b",
            r"\bla (9|10|11) ?h\b( \w+){0,3} (en juin|cette annee|et apres|puis|apprentissage)",
            r"\b(cpe|le cpe|la cpe)( \w+){0,1} (m a|m|me) (colle|mis|donne)|\b\d ?h de (retenue|colle)\b|\b(en|de) retenue (mercredi|samedi|ce soir|demain)",
            r"\b(finisco|sto finendo|termino|acabo|termino|finis|beende) (le medie|la terza media|la scuola media|la secundaria|la primaria|o fundamental|le college|la 3e|die mittelstufe)\b|(a settembre|l anno prossimo|il prossimo anno|dopo l estate)( \w+){0,2} (vado|andro|inizio|comincio|faccio) (allo |al |il |lo |le |la )?(scientifico|classico|linguistico|liceo|itis|ipsia|alberghiero|superiori|prima superiore)\b",
            r"\bopen day (del|dello|della|of the|de la|do|da) (liceo|superiori|istituto|lycee|gymnasium|instituto|high school)( \w+){0,2} (che|que|where|wo|where i) (voglio|vorrei|quiero|quero|je veux|ich will|want)",
            r"\b(domani|oggi|manana|hoy|amanha|hoje|demain|aujourd hui|morgen|heute|tomorrow|today) (non c e|niente|no hay|nao tem|nao ha|pas d|y a pas d|y a pas|kein\w*|no) (scuola|escuela|clases|cole|aula|aulas|escola|ecole|cours|schule|school)\b",
            r"(mister|coach|trainer|entrenador|treinador|entraineur|allenatore)( \w+){0,3} (under|u|sub) ?1[3-7]( \w+){0,2} (ci|nos|us|uns|nous)\b|\b(gioco|juego|jogo|je joue|ich spiele|i play|spiele|play)( \w+){0,2} (under|u|sub|moins de) ?1[3-7]\b",
            r"(l anno prossimo|il prossimo anno|next year|el ano que viene|el proximo ano|l an prochain|ano que vem|nachstes jahr)( \w+){0,4} (faccio|festeggio|compio|celebro|hago|faco|fais|feiere|i have|having|turn|cumplo|tengo|my) (il |mi |my |meu |mon |meinen |el |los |la )?(diciottesimo|18esimo|dieciocho|dezoito|dix huit|achtzehn|eighteenth|18th|diciotto|18)\b",
            r"(a scuola|at school|en el cole|en clase|en la escuela|na escola|a l ecole|au college|in der schule|in classe)( \w+){0,3} (ci|nos|nous|uns|us|me|mi|m) (ritira\w*|requis\w*|confisc\w*|tolgono|quitan|recogen|tiram|pegam|prennent|ramassent|abnehmen|nehmen|einsammeln|take|took)( \w+){0,2} (i |los |les |os |die |our |the |el |il |le )?(telefon\w*|cellular\w*|movil\w*|celular\w*|handys?|portables?|phones?|telefonini)",
            r"\b(tengo|teng|aggio|tegno)( \w+){0,1} (sidic|quinnic|diciassett|diciasset|tridic|quattordic|sidec|quinic)\w* ?ann\w*",
            r"(sono|siamo|estoy|estamos|to|estou|je suis|on est|bin|sind|i m|we re) (in|en|de|em|na|on|auf|a|al) (gita|excursion|viaje de estudios|viaje de egresados|excursao|sortie scolaire|voyage scolaire|klassenfahrt|klassenausflug|school trip|field trip|class trip)( \w+){0,3} (classe|clase|turma|class|klasse|prof|profe|professora|lehrer\w*|teacher)",
            r"(vai me buscar|vem me buscar|me busca|me buscar|me viene a buscar|me va a buscar|viene a buscarme|va a buscarme|me vient chercher|va me chercher|vient me chercher|holt mich|wird mich abholen|mi viene a prendere|mi passa a prendere|picks me up|pick me up|picking me up|will pick me up)( \w+){0,3} (na escola|da escola|no colegio|do colegio|a scuola|da scuola|all uscita|al cole|del cole|del colegio|a la escuela|de la escuela|a l ecole|de l ecole|au college|du college|von der schule|an der schule|from school|at school|after school)\b",
            r"(mae|pai|mom|mum|dad|parents|madre|padre|padres|mama|papa|mere|pere|mutter|vater|eltern|mamma|genitori|mamae)( \w+){0,3} (le|lee|leen|leem|reads?|lit|lisent|liest|lesen|legge|leggono|checks?|revisa\w*|controlla\w*|kontrolliert|vigila|fuca|mexe no|olha) (minhas|mis|my|mes|meine|i miei|miei|il mio|mi|meu|mon) (mensagens|mensajes|messages|nachrichten|messaggi|chats|texts|conversas|conversaciones|celular|telefono|cell|phone|handy|portable|telefone)\b",
        ],
        NOT_MY_SCHOOL,
    ),
    phrases(
        "crisis",
        Input,
        Escalate,
        ALL,
        &[
            r"(busque|googled|searched|looked up|pesquisei|procurei|j ai cherche|gegoogelt|gesucht|ho cercato)( \w+){0,2} (cuantas|how many|quantos|quantas|combien de|wie viele|quante|quanti) (pastillas|pills|comprimidos|remedios|cachets|pilules|medocs|tabletten|pillole|pastiglie)|(cuantas|how many|quantos|quantas|combien de|wie viele|quante) (pastillas|pills|comprimidos|remedios|cachets|pilules|medocs|tabletten|pillole|pastiglie|paracetamol\w*)( \w+){0,2} (hacen falta|harian falta|it takes|it would take|does it take|would it take|precisa|precisaria|sao precisos|faut|faudrait|il faut|braucht man|servono|servirebbero|ci vogliono|ci vorrebbero|to die|para morir|pra morrer|pour mourir|um zu sterben|per morire|son letales|lethal|letal)",
            r"(compre|bought|comprei|achete|gekauft|comprato|got)( \w+){0,1} (una |a |uma |une |ein |einen |un |some )?(cuerda|soga|rope|corda|corde|seil|strick)( \w+){0,3} (no es para|not for|isn t for|nao e pra|nao e para|pas pour|c est pas pour|nicht fur|nicht zum|non e per|non per)",
            r"(haciendo dano|hago dano|lastimando|lastimo|cortando|machucando|me machuco|me corto|je me fais du mal|je me coupe|mi faccio del male|mi taglio|ritze mich|verletze mich|hurting myself|cutting myself|i cut)( \w+){0,2} (en los |nos |aux |sulle |an den |on my |my |los |les |i |die )?(brazos|munecas|piernas|bracos|pulsos|pernas|bras|poignets|jambes|braccia|polsi|gambe|armen|handgelenken|beinen|arms|wrists|legs|thighs|muslos|coxas|cuisses|cosce)",
            r"(je me brule|me quemo|me queimo|mi brucio|ich verbrenne mich|i burn myself|burning myself|me estoy quemando)( \w+){0,2} (avec|con|com|with|mit) (des |una |um |a |le |eine |la |las |os |i |le )?(cigarettes?|cigarrillos?|cigarros?|zigarett\w*|sigarett\w*|lighter|briquet|mechero|isqueiro|accendino|feuerzeug)",
            r"^(cut|cutting|burned|burnt) again\b|\bi (cut|burned) (myself )?again\b|long sleeves (in|during) (july|august|june|summer|the heat)|manga larga en (verano|julio|agosto|pleno verano)|manga comprida no (verao|calor)|manches longues en (ete|juillet|aout|plein ete)|lange armel im (sommer|juli|august)|maniche lunghe (d estate|in estate|ad agosto|a luglio)",
            r"(pense a|pense a me|envie de|vais|veux|j pense a) me tirer une balle|(pegarme|me pegar|meterme|darme) un tiro|me dar um tiro|(voglio|penso di) spararmi|\bspararmi\b|mir (eine )?kugel (geben|in den kopf)|shoot myself|blow my brains out",
            r"(non|nun) (tengo|ho|aggio) (cchiu|piu)( \w+){0,2} (forza|voglia|genio) (e|di|de) (campa|campare|vivere)",
            r"(vado|andare|i ll drive|i m driving|voy|vou|je vais|je fonce|ich fahr\w*|drive|driving)( \w+){0,1} (dritto|straight|derecho|directo|direto|tout droit|direkt|geradeaus)( \w+){0,1} (contro|into|contra|em|dans|contre|gegen) (il |la |un |una |a |the |el |le |den |die |einen |uma |um |une )?(guardrail|wall|tree|muro|albero|arbol|pared|parede|arvore|mur|arbre|pilone|pillar|leitplanke|baum|wand|pfeiler|barriera|barrier)",
            r"(ir embora desse mundo|ir embora deste mundo|deixar este mundo|deixar esse mundo|leave this world|leaving this world|dejar este mundo|irme de este mundo|partir de ce monde|quitter ce monde|diese welt verlassen|lasciare questo mondo|andarmene da questo mondo)",
            r"(beira|borda|edge|borde|bord|bordo|rand|kante) (da|de la|of the|du|del|des|dello|della|vom|der|de) (laje|terraco|telhado|predio|azotea|terraza|edificio|roof|rooftop|building|bridge|toit|terrasse|immeuble|pont|tetto|terrazza|palazzo|ponte|dach|brucke|hochhaus|puente|precipicio|cliff|falaise|klippe|burrone)( \w+){0,4} (pulo|pular|salto|saltar|jump|jumping|sauter|saute|springen|spring|springe|saltare|me jogo|me jogar|me tiro|tirarme|me lanzo|me jette|mi butto|buttarmi)",
        ],
        HYPERBOLE,
    ),
    phrases(
        "crisis",
        Input,
        Escalate,
        ALL,
        &[r"\bsewer ?slide\b|\bself ?delete\b|\bunalive myself\b"],
        &[],
    ),
    // A birth or school-leaving year and a school year said as a pupil: past years are not
    // vetoed here as memories, since the year is the claim.
    phrases(
        "underage",
        Input,
        Escalate,
        ALL,
        &[
            r"\b(generation|generacion|geracao|generazione) (2009|201[0-4])\b|\bclass of (202[7-9]|203[0-2])\b",
            r"\b(je suis|jsuis|chu|suis|j suis|moi) en [1-5] ?(e|eme|ere|er)? (secondaire|sec)\b",
        ],
        &[
            r"\b(prof|professeur\w*|enseign\w*|teacher|maman|papa|mere|pere|fils|fille|enfants?|reunion|reencuentro|reencontro|retrouvailles|klassentreffen|rimpatriata|years ago|so old)\b",
        ],
    ),
    phrases(
        "threat",
        Input,
        Escalate,
        ALL,
        &[
            r"(schlag ich dich|ich schlag dich|schlage dich)( \w+){0,2} zusammen|zusammenschlagen|verprugel\w*|(peter|briser|casser) les (genoux|jambes)|(romper|quebrar|partir)(le|te)? las piernas|quebrar as pernas|spezzare le gambe|spezzo le gambe|(die )?beine brechen|break (his|your|ur) (legs|knees)|kneecap\w*",
            r"(tu pourras jamais|you can t|you ll never|nunca vas a poder|nunca vai conseguir|du kannst mich nie|non potrai mai)( \w+){0,1} (me bloquer|block me|bloquearme|me bloquear|mich blockieren|bloccarmi)",
            r"(traceur|tracker|gps|airtag|rastreador|localizzatore|peilsender|tracking device)( \w+){0,4} (ta voiture|your car|tu coche|tu carro|teu carro|seu carro|la tua macchina|tua macchina|dein auto|deinem auto|deinen wagen|ton sac|your bag|tu bolso|tua bolsa|la tua borsa|deine tasche|ton velo|your bike)",
            r"(otage|hostage|rehen|refem|ostaggio|geisel|bombe|bomb|bomba)( \w+){0,3} (chez toi|at your place|at your house|in your house|en tu casa|na tua casa|na sua casa|bei dir|a casa tua|da te)|\bswat(ting|ted)? (you|u|her|your house)\b",
            r"(ti sto seguendo|i ve been following you|been following you|te estoy siguiendo|te vengo siguiendo|to te seguindo|estou te seguindo|je te suis|je te file|ich folge dir|ich verfolge dich)( \w+){0,2} (da|for|desde|ha|hace|depuis|seit) (\d+|tre|tres|three|trois|drei|due|dos|two|deux|zwei|quattro|cuatro|four|quatre|vier|alcuni|unos|some|quelques|ein paar|dois) (giorni|dias|days|jours|tagen|settimane|semanas|weeks|semaines|wochen)",
        ],
        &[
            GAMES,
            r"insta|instagram|tiktok|twitter|social|online|youtube|twitch|on here|por aqui|par ici|qui sopra|hier auf|pagina|profil\w*|seite|compliments?|complimenti|komplimenten|elogios|cumplidos|besos|beijos|bisous|baci|kussen|kisses|dreams?|suenos|sonhos|reves|sogni|traumen|lol|haha\w*|jaja\w*|kkk+|mdr|ptdr|lmao",
        ],
    ),
    phrases(
        "meeting_request",
        Input,
        Escalate,
        ALL,
        &[
            r"\b(eus|uns|ois|ons) (traffe|treffe|treffen|gseh|gsee|sehe)\b",
            r"(vente|vem|viens|komm|vieni|come)( \w+){0,1} (conmigo|comigo|avec moi|mit mir|con me|with me)( \w+){0,4} (yo pago|eu pago|je paie|ich zahl\w*|pago io|pago tutto|i ll pay|i pay|todo pagado|tudo pago|tout paye|alles bezahlt|tutto pagato)",
            r"(je t attends|i ll wait for you|ill wait for you|i m waiting for you|te espero|ti aspetto|ich warte auf dich|eu te espero|te aguardo)( \w+){0,1} (devant|a la|au|a l|pres de|en bas|outside|in front of|at the|en la|en el|frente a|na|no|em frente|davanti|fuori|alla|al|vor|am|an der|beim)\b",
            r"(on pourrait|we could|we should|podriamos|a gente podia|a gente podia|podiamos|wir konnten|potremmo|let s|lets|vamos|faisons|lass uns|facciamo)( \w+){0,3} (rando\w*|hike|hiking|caminata|trilha|wanderung|wandern|escursione|camping|weekend|week end|vacances|vacation|holiday|viaje|viagem|voyage|reise|vacanza|trip|getaway|road trip|roadtrip)( \w+){0,6} (ensemble|together|juntos|juntas|zusammen|insieme|toi et moi|you and me|tu y yo|eu e voce|du und ich|io e te)",
            r"(xe|e|es|is|ist|est|sto|vivo|abito|wohne|live|moro|habite)( \w+){0,1} (vissin|vicin\w*|cerca|perto|near|close|pres|nah|pas loin|nicht weit) (a ti|a te|de ti|de voce|de vc|to you|de toi|bei dir|von dir|da te)\b|te vegno a cior",
        ],
        &[
            r"(in|en|no|na|dans le|im|nella|on|sur|su|al|au) (the |el |la |le |o |a )?(chat|dm|dms|app|live|stream|fanvue|twitch|insta|tiktok|privado|private)",
        ],
    ),
    phrases(
        "payment_dispute",
        Input,
        Escalate,
        ALL,
        &[
            r"(tips|purchases|charges|compras|cargos|gorjetas|achats|pourboires|kaufe|trinkgelder|acquisti|mance|transactions|transacciones|transacoes|zahlungen|pagamenti|pagos|pagamentos)( \w+){0,3} (weren t me|wasn t me|were not me|no fui yo|no las hice|no los hice|nao fui eu|nao fiz|c etait pas moi|je les ai pas fait|war ich nicht|hab ich nicht gemacht|non (li )?ho fatti io|che non ho fatto io|not mine|not made by me)",
            r"(someone|somebody|alguien|alguem|quelqu un|jemand|qualcuno) (got into|hacked|entro en|entrou na|hackeo|hackeou|a pirate|est entre dans|hat\w* gehackt|ist in|e entrato nel|ha hackerato)( \w+){0,1} (my account|mi cuenta|minha conta|mon compte|meinen account|mein konto|meinen konto|mio account|account)",
            r"\b(li|le|lo|la) voglio stornat\w*|\b(voglio|chiedo|faccio|ho chiesto) (lo )?storno\b|\bstornatemi\b|\breverse (them|those|the charges?|the payments?|the tips?)\b",
            r"(card|carta|tarjeta|cartao|carte|karte)( \w+){0,2} (got hit|was hit|hit|charged|cobrada|cobrado|debitee|belastet|addebitata)( \w+){0,1} (\d|two|three|twice) (times|veces|vezes|fois|mal|volte)",
            r"(y|e|et|und|and|where s|where is|donde esta|cade|onde esta|ou est|wo ist|dov e|dove sono) (mi|mis|meu|o meu|mon|mes|mein|il mio|i miei|my) (plata|dinero|lana|guita|dinheiro|grana|argent|fric|thunes|geld|kohle|soldi|money|cash)$|je veux (mon|mes) (fric|argent|ble|pognon|thunes|sous)\b",
            r"(contenido no disponible|content unavailable|content not available|conteudo indisponivel|contenu indisponible|inhalt nicht verfugbar|contenuto non disponibile)",
            r"(se|if|si|wenn) (\w+ ){0,3}(non mi rimborsa\w*|you don t refund|no me reembolsa\w*|nao me reembolsa\w*|tu me rembourses pas|du mir nicht (das geld )?erstatt\w*)|(vado|andro) dall avvocato|(go|going) to (a|my) lawyer|voy (a ir )?al abogado|vou (ao|no) advogado|je vais voir un avocat|ich (gehe|geh) zum anwalt",
        ],
        &[OTHER_MERCHANTS, JOKING],
    ),
    phrases(
        "ai_question",
        Input,
        Flag,
        ALL,
        &[
            r"(was that|is that|was this|is this|are these|are those|were those|c etait|c est|era|e|es|fue|war das|ist das|isso e|foi) (an |a |un |una |um |uma |une |ein |eine )?(automated|automatic|canned|scripted|pre written|prewritten|copy pasted?|automatico|automatica|automatizado|automatizada|automatique|automatise|automatisch\w*|automatizzat\w*|preescrito|pre ecrit|vorgefertigt\w*|preimpostat\w*)( \w+){0,1} (msg|message|reply|response|text|answer|mensaje|respuesta|mensagem|resposta|reponse|nachricht|antwort|messaggio|risposta|ou pas|or not|o no|ou nao|oder nicht)",
            r"(usas|usa|utilizas|utilises|t utilises|tu utilises|vous utilisez|do you use|you use|u use|using|usi|benutzt du|nutzt du|verwendest du|voce usa|vc usa|tu usas)( \w+){0,2} (programa|programme|program|app|software|logiciel|generateur|generator|generador|gerador|generatore|ki|ia|ai|bot|chatgpt|gpt|claude|mistral|gemini|llama|ferramenta|herramienta|outil|tool|strumento)( \w+){0,3} (para|pour|to|per|um|zum|pra) (contestar|responder|repondre|reply|answer|respond|write|escribir|escrever|ecrire|rispondere|scrivere|antworten|schreiben)",
            r"(mot pour mot|word for word|palabra por palabra|palavra por palavra|wort fur wort|parola per parola)( \w+){0,4} (meme|same|mismo|mesmo|gleich\w*|stess\w*)",
            r"(sei|are you|r u|eres|es|e voce|vc e|tu es|t es|bist du|you re)( \w+){0,2} (un |a |an |una |um |uma |ein |eine )?(modello linguistico|language model|modelo de lenguaje|modelo de linguagem|modele de langage|sprachmodell|llm|chatgpt|claude|mistral|gemini)\b",
        ],
        &[],
    ),
    // ---- fan messages: round 25 (a school period, boarding school, a blade beside him, acid) ----
    detector("underage", Input, Escalate, c::years_short),
    phrases(
        "underage",
        Input,
        Escalate,
        ALL,
        &[
            r"(in|en|em|dans|tra|fra|entre|daqui a|within) (\d|un|una|uno|one|a|um|uma|une|ein\w*|due|dos|dois|deux|zwei|two|tre|tres|trois|drei|three|pochi|pocos|poucos|quelques|ein paar|a few|a couple of) (mes|meses|mois|monat|monaten|months?|settimane|semanas?|semaines?|wochen?|weeks?|giorni|dias|jours|tagen?|days|anni|anos|ans|jahren?|years?)( \w+){0,3} (18|diciott\w*|dieciocho|dezoito|dix huit|achtzehn|eighteen|maggiorenne|mayor de edad|maior de idade|majeure?|volljahrig|legal)\b",
            r"\bschulpraktikum\b|\bpraktikum in der (7|8|9|10)\w*|\bin der (7|8|9|10)(te|ten|ter)\b",
            r"(hatten|hatte|had|tuvimos|tivemos|on a eu|abbiamo|heute|today|hoy|hoje|oggi)( \w+){0,2} (sexualkunde|sex ed|sexual education|educacion sexual|educacao sexual|education sexuelle|educazione sessuale|aufklarungsunterricht)",
            r"\b(l )?ora di (latino|greco|matematica|mate|italiano|storia|inglese|scienze|religione|ginnastica|educazione fisica|chimica|fisica|filosofia|arte|tecnologia|geografia)\b",
            r"(cours|clase|aula|unterricht|stunde|lesson|class|lezione) (de |of |di |da |du |d )?(maths?|mathe|svt|latin|latino|chimie|quimica|chemistry|physique|fisica|geschichte|historia|histoire|storia|bio|biologie|biology|matematicas?|englisch|ingles|anglais|inglese|deutsch|francais|frances|sport|espagnol|allemand) (de|von|with|con|com|avec|della|del|bei) (mme|madame|monsieur|m|frau|herr|mrs|mr|miss|ms|la profe|el profe|o professor|a professora|la prof|il prof|prof)\b",
            r"\b(je suis|chu|on est|i m|we re|estoy|estou|to|bin|sono|sto) (a l |en |au |im |in |al |no |na |at |en el |nel )?(internat|boarding school|internado|convitto)\b",
            r"\b(primo|secondo|terzo|quarto|quinto|1|2|3|4|5) anno (dell|del|della|allo|al) (alberghiero|itis|liceo|istituto|scientifico|classico|linguistico|ipsia|professionale|tecnico)\b|\b(\d|primeiro|segundo|terceiro) ano do em\b|\bvestibulinho\b",
            r"\b(in|en|em|de|on a|on) (gita|excursion|viaje de estudios|viaje de egresados|excursao|sortie scolaire|voyage scolaire|klassenfahrt|klassenausflug|school trip|field trip|class trip)\b( \w+){0,4} (con la classe|with (my|the) class|con mi clase|com a turma|avec (ma|la) classe|mit der klasse|la prof|el profe|the teacher|der lehrer|le prof|a professora)",
            r"(salgo|saliendo|saio|saindo|je sors|esco|uscito|komme|get out) (del|de la|da|do|du|de|dalla|da|aus der|von der|of) (cole|colegio|escuela|insti|instituto|secu|prepa|escola|college|lycee|scuola|schule|school)\b",
            r"(bilhete|recado|comunicado|mot|zettel|avviso|nota|circular|note) (pros|para os|pour les|a los|para los|an die|per i|ai|for (my|the)) (pais|parents|padres|eltern|genitori)( \w+){0,2} (assinar\w*|signer|firmar|unterschreib\w*|firmare|sign)",
            r"\b(que me cria|who raises me|que me crio|qui m eleve|die mich grosszieht|che mi cresce)\b|(nao deixa|no me deja|me laisse pas|lasst mich nicht|non mi lascia|won t let me|doesn t let me)( \w+){0,3} (celular|movil|telefone|phone|portable|handy|cellulare|telefono|tel)( \w+){0,2} (depois das|despues de las|after|apres|nach|dopo le) \d",
            r"\b(tengo|teng|aggio|tegno)( \w+){0,1} (sedic|sidic|quinnic|quindic|diciassett|diciasset|tridic|quattordic)\w* ?ann\w*",
        ],
        NOT_MY_SCHOOL,
    ),
    phrases(
        "crisis",
        Input,
        Escalate,
        ALL,
        &[
            r"(klinge|rasierklinge|blade|razor|cuchilla|navaja|lamina|gilete|lame|rasoir|lametta|rasoio|strick|seil|rope|soga|corda|corde|pistole|waffe|gun|pistola|carabine|fusil|fucile|carabina|gewehr)( \w+){0,4} (neben mir|next to me|beside me|al lado|a mi lado|do meu lado|ao meu lado|a cote de moi|a cote du lit|accanto a me|accanto al letto|neben dem bett|next to (the|my) bed|al lado de la cama|do lado da cama|vor mir|in front of me|delante de mi|na minha frente|devant moi|davanti a me)",
            r"(auf der|on the|en el|en la|no|na|sur le|sur la|sul|sulla)( \w+){0,1} \w*(brucke|bridge|puente|ponte|pont|dach|roof|rooftop|azotea|tejado|telhado|toit|tetto|viadukt|viaduct|viaducto|viaduto|viaduc|viadotto)( \w+){0,5} (runter\w*|hinunter\w*|nach unten|looking down|looked down|look down|stared down|mir\w* (hacia |para )?abajo|olh\w* (pra|para) baixo|regard\w* en bas|guard\w* (giu|di sotto|in basso))",
            r"(me golpeo|me pego|i hit|i bang|i punch|je me tape|je me frappe|mi picchio|mi colpisco|bato|eu bato|me bato|schlag\w*)( \w+){0,2} (la cabeza|my head|a cabeca|la tete|den kopf|mir den kopf|la testa|cabeza|cabeca|head|tete|kopf|testa)( \w+){0,2} (contra|against|contre|gegen|contro|na|en la|an die)",
            r"(j ai recommence|i started again|volvi a empezar|recomece|ho ricominciato|hab wieder angefangen|started cutting again|empece otra vez)( \w+){0,2} (avec la lame|la lame|la cuchilla|with the blade|a lamina|la lametta|mit der klinge|cutting|me couper|cortarme|me cortar|tagliarmi|ritzen|zu ritzen)",
            r"(ultima cosa|last thing|lo ultimo|ultima coisa|derniere chose|das letzte)( \w+){0,5} (prima di andarmene|before i go|antes de irme|antes de ir embora|avant de partir|bevor ich gehe)|(andarmene|irme|ir embora|partir|gehen) (davvero|per sempre|de verdad|para siempre|de vez|pra sempre|pour de bon|pour toujours|fur immer|for good)\b",
            r"(macchina|auto|car|coche|carro|voiture|wagen)( \w+){0,5} (dritt[ao] |straight |derecho |direto |tout droit |direkt )?(contro|into|contra|contre|gegen) (il |la |un |una |a |the |el |le |den |die |einen |uma |um |une )?(muro|guardrail|wall|tree|albero|arbol|pared|parede|arvore|mur|arbre|pilone|pillar|leitplanke|baum|wand|pfeiler|barriera)",
        ],
        HYPERBOLE,
    ),
    phrases(
        "threat",
        Input,
        Escalate,
        ALL,
        &[
            r"\b(hau|schlag)( ich)?( dir| ihm| dem| ihr)?( \w+){0,2} (die fresse|das gesicht|eine) (ein|rein|polier\w*)\b|\bin die fresse\b",
            r"(fahr\w*|lauf\w*|geh\w*|drive|driving|walk\w*|follow\w*|manejo|ando|je roule|je marche|guido|cammino)( \w+){0,3} (hinter dir her|behind you|detras de ti|atras de voce|atras de ti|derriere toi|dietro di te)",
            r"(acido|acid|acide|saure)( \w+){0,3} (faccia|face|cara|rosto|visage|gesicht|viso)|\bti sfregio\b|\bsfregiarti\b|\bvitriol\w*",
            r"(direccion|address|endereco|adresse|indirizzo)( \w+){0,1} (de|of|do|da|der|dei|di) (tus|your|teus|tes|deiner|deine|tuoi|i tuoi) (viejos|padres|parents|pais|eltern|genitori|familia|family|famille|familie|famiglia|jefe|boss|chef|capo)",
            r"(si tu|if you|si no|se voce|se nao|se non|wenn du)( \w+){0,8} (je la poste|je le poste|je les poste|i ll post|i post|la publico|lo publico|las publico|vou postar|la posto|lo posto|la pubblico|poste ich|stell ich)\b",
            r"(je pourrais|i could|podria|poderia|potrei|ich konnte)( \w+){0,1} (lui|him|her|le|la|les|them|ihm|ihr|gli) (montrer|show|mostrar|mostrare|zeigen|envoyer|send|enviar|mandare|schicken) (ce que tu fais|what you do|lo que haces|o que voce faz|quello che fai|was du machst|tes videos|your videos|tus videos|teus videos|i tuoi video|deine videos)",
            r"(je t attendrai|i ll wait for you|te esperare|vou te esperar|ti aspettero|ich werde auf dich warten|ich wart auf dich)( \w+){0,2} (a la sortie|outside|at the exit|a la salida|na saida|all uscita|am ausgang|vor) (de |of |del |do |da |dell |deiner |deinem )?(ton |your |tu |teu |seu |tuo |il tuo |deiner |deinem )?(taf|travail|boulot|work|job|office|trabajo|chamba|trabalho|lavoro|ufficio|arbeit|buro)",
            r"(tu peux pas|you can t|no puedes|nao pode|non puoi|du kannst (mich )?nicht)( \w+){0,1} (me bloquer|block me|bloquearme|me bloquear|bloccarmi|blockieren)( \w+){0,2} (dans la vraie vie|in real life|irl|en la vida real|na vida real|nella vita reale|im echten leben)",
            r"(te segui|i followed you|je t ai suivie?|ti ho seguit[ao]|ich bin dir (\w+ )?gefolgt|eu te segui)( \w+){0,1} (el|on|last|le|am|lo|o|na|ieri|yesterday|ayer|ontem|hier|gestern|this|esta|este|hoy|heute|aujourd hui|oggi|hoje) (\w+ )?(martes|lunes|miercoles|jueves|viernes|sabado|domingo|monday|tuesday|wednesday|thursday|friday|saturday|sunday|lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|lunedi|martedi|mercoledi|giovedi|venerdi|sabato|domenica|montag|dienstag|mittwoch|donnerstag|freitag|samstag|sonntag|segunda|terca|quarta|quinta|sexta|morning|manana|matin|mattina|morgen|noche|night|nuit|sera|abend|en el super|au supermarche|im supermarkt|al supermercato|no mercado|at the (store|gym|mall))",
        ],
        &[
            GAMES,
            r"insta|instagram|tiktok|twitter|social|online|youtube|twitch|on here|pagina|profil\w*|seite|compliments?|complimenti|dreams?|suenos|sonhos|reves|sogni|lol|haha\w*|jaja\w*|kkk+|mdr|ptdr|lmao",
        ],
    ),
    phrases(
        "meeting_request",
        Input,
        Escalate,
        ALL,
        &[
            r"(bei dir|at your place|en tu casa|na tua casa|na sua casa|chez toi|da te|a casa tua)( \w+){0,2} (ubernachten|schlafen|sleep over|stay the night|spend the night|dormir|passar a noite|pasar la noche|passer la nuit|dormire|passare la notte)|(ubernachten|sleep over|stay the night|spend the night|dormir|passar a noite|pasar la noche|passer la nuit|dormire|passare la notte) (bei dir|at your place|en tu casa|na tua casa|na sua casa|chez toi|da te|a casa tua|contigo|with you|com voce|avec toi|con te)",
            r"(te compro|te pago|i ll buy you|i ll pay for your|je te paie|ti pago|ich kauf dir|ich zahl dir|te pago o)( \w+){0,2} (el |o |le |il |den |a |the |un |una |um |uma |ton |tu |teu |dein |il tuo )?(boleto|pasaje|vuelo|billete|bilhete|passagem|voo|billet|vol|biglietto|volo|ticket|flug|flight|plane ticket|zugticket)",
            r"(servicios? a domicilio|atiendes a domicilio|hausbesuche?|outcall|incall|atendimento a domicilio|servizi a domicilio|home visits?)",
            r"(personne te reconnaitra|nobody will recognize you|no one will recognize you|nadie te va a reconocer|ninguem vai te reconhecer|nessuno ti riconoscera|keiner wird dich erkennen)",
            r"(viens|vieni|ven|vente|vem|komm|come)( \w+){0,4} (au match|al partido|ao jogo|alla partita|zum spiel|to the game|to the match|au concert|al concierto|ao show|al concerto|zum konzert|to the concert|a la fete|a ma fete|a la fiesta|a mi fiesta|na festa|na minha festa|alla festa|alla mia festa|zur party|zu meiner party|to the party|to my party|a la soiree|a ma soiree)",
            r"(on dejeune|on dine|on mange|we could have lunch|let s have lunch|almorzamos|almorcemos|comemos|almocamos|jantamos|pranziamo|ceniamo|essen wir)( \w+){0,1} (ensemble|together|juntos|juntas|insieme|zusammen)|(on se rejoint|meet (me )?at|nos vemos en|a gente se encontra na|ci vediamo all|treffen (wir )?uns am) (l |la |the |el |a )?(entree|entrance|entrada|ingresso|eingang)",
            r"(vieni|ven|vem|viens|komm|come)( \w+){0,3} (a salutarmi|a saludarme|me cumprimentar|me dire bonjour|say hi to me)|^(\w+ )?(vieni a trovarmi|ven a visitarme|vem me visitar|viens me voir|besuch mich|come visit me)",
            r"(me da|me de|give me|dame|donne moi|dammi|gib mir) (um |una |a |un |une |einen |uma )?(horario|hora|time|heure|orario|uhrzeit)( \w+){0,2} (que eu me viro|and i ll be there|y voy|j y serai|e vengo|und ich komm\w*|que eu vou)|(te acho|i ll find you|te encuentro|je te trouve|ti trovo|ich find dich)( \w+){0,1} (la|there|ahi|alla|li|dort)$|(adorava|would love to|me encantaria|j adorerais|mi piacerebbe|wurde gern)( \w+){0,1} (cruzar me contigo|cruzarme contigo|run into you|bump into you|te croiser|incrociarti)",
        ],
        &[
            r"(in|en|no|na|dans le|im|nella|on|sur|su|al|au) (the |el |la |le |o |a )?(chat|dm|dms|app|live|stream|fanvue|twitch|insta|tiktok|privado|private)",
        ],
    ),
    phrases(
        "payment_dispute",
        Input,
        Escalate,
        ALL,
        &[
            r"(promo|discount|descuento|desconto|sconto|rabatt|offerta|oferta)( \w+){0,4} (plein tarif|full price|precio completo|preco cheio|prezzo pieno|vollen preis|normal price|precio normal|preco normal|prezzo normale|normalpreis)",
            r"(saisir le mediateur|ufc que choisir|verbraucherzentrale|procon|reclame aqui|profeco|altroconsumo|codacons|facua)( \w+){0,6} (factur\w*|charged|cobr\w*|addebit\w*|berechnet|abgebucht|abonnement|subscription|suscripcion|assinatura|abbonamento|abo)",
        ],
        &[OTHER_MERCHANTS, JOKING],
    ),
    phrases(
        "ai_question",
        Input,
        Flag,
        ALL,
        &[
            r"(aqui|here|ici|hier|qui|aca) (escriben|escrevem|write|ecrivent|schreiben|scrivono) (varios|varias|varias personas|muchos|several|many|plusieurs|mehrere|piu persone|in tanti)|(escriben|escrevem|ecrivent|schreiben|scrivono) (varios|varias personas|plusieurs|mehrere|in tanti)",
            r"(assistants? ia|ai assistants?|asistentes? de ia|assistentes? de ia|ki assistent\w*|assistenti ia|chatbots?)( \w+){0,3} (c est ton cas|is that you|es tu caso|e o seu caso|e o teu caso|e il tuo caso|bei dir auch|do you|tu aussi|tu tambien|voce tambem|anche tu|you too)",
            r"(copia e incolla|copia incolla|copy ?paste|copy and paste|copiar y pegar|copia y pega|copiar e colar|copier coller|copie colle|kopiert)( \w+){0,3} (o|or|ou|oder|y|e) (\w+ )?(ia|ai|ki|bot|robot|chatgpt)",
            r"(pagano|pay|pagan|pagam|paient|bezahlen)( \w+){0,2} (gente|people|personas|pessoas|gens|des gens|leute|persone|chatters?)( \w+){0,1} (per chattare|to chat|para chatear|pra conversar|para conversar|pour chatter|zum chatten|um zu chatten|para responder|per rispondere|to answer|al posto loro|in their place)",
        ],
        &[],
    ),
    // ---- fan messages: round 26 (pocket money, parents who approve each purchase, a phone taken) ----
    phrases(
        "underage",
        Input,
        Escalate,
        ALL,
        &[
            r"(von|mit|vom|from|with|de|da|com|avec|con|col|off|on) (meinem |my |mi |minha |meu |mon |ma |il mio |la mia |mia |a |o )?(pocket money|mesada|mesadinha|paga semanal|argent de poche|taschengeld|paghetta)\b|\b(vivo|vivendo|viviendo|living|vivre|lebe) (de|da|off|on|von|con|col) (mi |my |minha |a |meinem |la |mia )?(mesada|mesadinha|allowance|pocket money|taschengeld|paghetta|argent de poche)",
            r"\bich( \w+){0,4} 18 (werd|werde)\b|\b(when|wenn|cuando|quando|quand|lorsque) (ich|i|yo|eu|je|io)?( \w+){0,3} (18 werd\w*|turn 18|cumpla 18|cumpla los 18|fizer 18|j aurai 18|compio 18|compiro 18)",
            r"(vou ter|tendre|j aurai|avro) (idade|edad|l age|l eta) (pra|para|pour|per) (assinar|suscribir\w*|m abonner|abbonarmi|ver|mirar|voir|vedere|entrar|acceder|isso|esto|ca|questo|aqui|aca|ici|qui)\b",
            r"\b(ainda )?(to|estou|tou|sigo|estoy|voy|ando) (no|en el|al|na) (colegial|insti|cole|secundario|secu|prepa)\b|\b(faco|vou fazer|vou prestar|prestando|fazendo|faço) (o )?vestibular\b",
            r"(pais|mae|pai|padres|madre|padre|parents|mom|mum|dad|mere|pere|eltern|mutter|vater|genitori|i miei)( \w+){0,4} (olha|olham|checks|check|revisa|revisan|mira|miran|regarde\w*|verifie\w*|kontrollier\w*|checkt|checken|liest|lesen|controlla\w*|guarda\w*|valide\w*|approve\w*|aprueba\w*|aprova\w*|genehmig\w*|approva\w*|see|sees|ven|veem|voient|sehen|vedono)( \w+){0,2} (meu|my|mi|mon|mein\w*|il mio|la mia|cada|every|each|chaque|jede\w*|ogni|toda|todo|tous|tutti) (zap|whatsapp|phone|celular|cel|telefone|telemovel|movil|telefono|portable|handy|cellulare|compra|compras|purchase\w*|achat\w*|kauf\w*|zahlung\w*|acquist\w*|pagament\w*|payment\w*|gasto|gastos|messages|mensagens|mensajes|nachrichten|messaggi)",
            r"\b(nota sul registro|nota disciplinare|richiamo sul registro|eintrag ins klassenbuch|klassenbucheintrag|anotacion en la agenda|bilhete na agenda|mot dans le carnet|carnet de correspondance)\b",
        ],
        NOT_MY_SCHOOL,
    ),
    // A phone taken by parents, in the words of every language ("… my phone charger" is not).
    phrases(
        "underage",
        Input,
        Escalate,
        ALL,
        &[
            r"(pais|mae|pai|padres|madre|padre|viejos|parents|mom|mum|dad|mere|pere|eltern|mutter|vater|mama|papa|genitori|i miei|mia madre|mio padre)( \w+){0,3} (tiraram|tirou|quitaron|quito|took|take|confisc\w*|sequestr\w*|tolto|tolta|hanno preso|weggenommen|abgenommen|nehmen|nimmt|ont pris|m ont pris|a pris|retire\w*)( \w+){0,2} (o |el |my |mi |meu |mon |le |das |mein |il |lo |il mio |me )?(telemovel|telemóvel|celular|cel|movil|telefono|telefone|phone|portable|tel|handy|cellulare|smartphone|zap)",
        ],
        &[PHONE_THINGS],
    ),
    phrases(
        "crisis",
        Input,
        Escalate,
        ALL,
        &[
            r"(sleep|schlafen|einschlafen|dormir|dormire|dormirme|durmiendo)( \w+){0,4} (for good|forever|para siempre|pra sempre|para sempre|pour toujours|pour de bon|fur immer|per sempre)\b",
            r"(take|taking|tomar|tomarme|tomo|prendre|nehmen|prendere|prendo)( \w+){0,1} (all|every\w*|todo|todas|todos|tout|toutes|alle|alles|tutto|tutte|tutti)( \w+){0,4} (cabinet|botiquin|armoire a pharmacie|hausapotheke|armadietto)\b|(all|every\w*|todo|todas|todos|tout|toutes|alle|tutto|tutte|tutti)( \w+){0,3} (pills|pastillas|comprimidos|remedios|cachets|medocs|tabletten|pillen|pillole|farmaci|meds)( \w+){0,2} (at once|de una vez|de golpe|de uma vez|d un coup|auf einmal|tutte insieme|in una volta)",
            r"\bctb\b|catch the bus (for good|tonight|soon)",
            r"(mi sono fatt[oa] male|hurt myself|cut myself|me corte|me lastime|me machuquei|me cortei|je me suis (coupee?|blessee?)|hab mich (geritzt|verletzt))( di nuovo| again| otra vez| de novo| encore| wieder)?( \w+){0,2} (alle braccia|ai polsi|on my arms|my arms|my wrists|los brazos|las munecas|en los brazos|nos bracos|os pulsos|aux bras|les poignets|an den armen|am arm|die arme|die handgelenke)",
        ],
        HYPERBOLE,
    ),
    phrases(
        "threat",
        Input,
        Escalate,
        ALL,
        &[
            r"(should|better|gonna|needs? to|had better|tell him to) (start )?watch\w* (his|your|her|ur|their) back\b|(tu vas|vous allez|il va) (finir par )?(t en prendre une|vous en prendre une|s en prendre une|prendre une beigne)",
            r"(lucky|fortunat[ao]|suerte|sorte|chance|gluck)( \w+){0,4} (non so ancora|i don t know|i dont know|no se|nao sei|je ne sais pas|je sais pas|ich weiss nicht|i don t have|no tengo|nao tenho|je n ai pas)( \w+){0,1} (yet|ancora|todavia|ainda|encore|noch)?( \w+){0,1} (where|dove|donde|onde|ou|wo|la tua via|your address|tu direccion|teu endereco|ton adresse|deine adresse)|(non so|i don t know|no se|nao sei|je ne sais pas|ich weiss)( \w+){0,3} (la tua via|your address|where you live|dove abiti|donde vives|onde moras|ou tu habites|wo du wohnst)( \w+){0,2} (ancora|yet|todavia|ainda|encore|noch)\b",
            r"(conosco|i know|conozco|conheco|je connais|ich kenne)( \w+){0,1} (gente|people|guys|gens|leute|persone|tipos|caras|mecs|types|typen)( \w+){0,4} (che ti trova|che ti trovano|who can find you|who ll find you|who will find you|que te encuentra\w*|que te acha\w*|que te encontra\w*|qui te trouve\w*|die dich finden)",
            r"(passei|passed by|walked past|drove past|walked by|drove by|pase|je suis passe|bin (\w+ )?vorbei\w*|sono passato)( \w+){0,2} (no teu|na tua|pelo teu|pela tua|your|ur|por tu|frente a tu|devant ton|devant chez toi|an deinem|an deiner|bei dir|sotto casa tua|davanti a casa tua|dal tuo) (condominio|building|edificio|predio|immeuble|haus|wohnung|palazzo|casa|apartment|apartamento|street|rua|calle|rue|strasse|house|place|trabalho|work|trabajo|boulot|arbeit|lavoro)",
            r"(mandar|send|sending|enviar|envoyer|schicken|mandare|mando|envio|mandero|mandarte)( \w+){0,2} (parceiros|amigos|friends|potes|boys|guys|jungs|leute|amici|ragazzi|mecs|potos|gars|chicos|parceros|socios|manos)( \w+){0,4} (visit\w*|visita\w*|visitinha|vorbei\w*|passer|faire un tour|check on you|fazer uma|hacerte una|farti una|rendre visite|darte una vuelta)",
        ],
        HYPERBOLE,
    ),
    phrases(
        "meeting_request",
        Input,
        Escalate,
        ALL,
        &[
            r"(seh|sehe|sehen) dich( \w+){0,2} (live|in echt|persoenlich|personlich|leibhaftig)",
            r"(treffen|meetings?|meetups?|encuentros?|encontros?|rencontres?|rendez vous|incontri|incontro) (gegen bezahlung|gegen geld|for money|for cash|pagad[oa]s?|pag[oa]s|payant\w*|a pagamento|bezahlt|paid|por dinero|por dinheiro|contre de l argent|contre paiement|per soldi)\b",
            r"(booked|reservei|reserve|reservo|gebucht|prenotato|reservado|reserve une|ho prenotato|habe)( \w+){0,2} (a |uma |una |une |eine |un |ein )?(suite|suiten)\b|(under|a|no|au|auf|a) (your|tu|teu|ton|deinen|tuo) (name|nombre|nome|nom|namen)( \w+){0,3} (reception|front desk|recepcion|recepcao|rezeption|reception|ricezione)|(front desk|reception|recepcion|recepcao|rezeption)( \w+){0,3} (under|a|no|au|auf) (your|tu|teu|ton|deinen|tuo) (name|nombre|nome|nom|namen)",
            r"(ir|go|come over|venir|aller|gehen|andare|passar|pasar) (a|to|al|chez|zu|da|no|na|pro|pra) (tu|your|ur|toi|dir|te|teu|tua) (depa|departamento|depto|piso|apartamento|ape|apto|place|apartment|flat|wohnung|appart\w*|casa|cantinho)",
            r"\d+( \w+){0,2} (pour|for|por|fur|per|pra|para) (une nuit|a night|una noche|uma noite|eine nacht|una notte|one night)( \w+){0,1} (avec toi|with you|contigo|com voce|mit dir|con te)|(une nuit|a night|una noche|uma noite|eine nacht|una notte|one night) (avec toi|with you|contigo|com voce|mit dir|con te)( \w+){0,3} (en vrai|for real|irl|in real life|de verdad|de verdade|in echt|dal vivo|sul serio|pas en video|not on video)",
            r"(conhecer te|te conhecer|conhecer voce|conhecer vc|conhecer a ti|conocerte|te conocer|conocer a ti|te rencontrer|te connaitre|dich kennenlernen|dich kennen lernen|conoscerti|ti conoscer\w*|meet you)( \w+){0,3} (em pessoa|pessoalmente|en persona|in person|en vrai|persoenlich|personlich|di persona|dal vivo|irl)\b",
        ],
        HYPERBOLE,
    ),
    phrases(
        "ai_question",
        Input,
        Flag,
        ALL,
        &[
            r"\b(who s|who is|whos|wer|quien|quem|qui|chi)( \w+){0,2} (typing|tippt|tippen|escribiendo|escrevendo|digitando|tape|tapes|scrivendo|scrive)\b|how many (people|ppl|persons|guys|of you)( \w+){0,2} (typing|answering|replying)|(wie viele|cuantos|cuantas|quantos|quantas|combien|quanti|quante)( \w+){0,2} (tippen|escriben|escribiendo|digitam|digitando|tapent|scrivono|rispondono|antworten|responden|respondem|repondent)",
            r"\b(si o no|yes or no|ja oder nein|oui ou non|sim ou nao|y or n)( \w+){0,2} (umana|umano|human|humaine?|mensch|humano|humana|vera|echt|real|bot|ia|ai|ki)\b",
            r"(cara de|sounds like|look like|looks like|suena a|suenan a|parece|parecem|parecen|ressemble\w*|klingt nach|klingen nach|klingt wie|sembra\w*)( \w+){0,1} (mensagem|message|messages|mensaje|mensajes|nachricht|nachrichten|text|texto|reply|resposta|respuesta|risposta|reponse|messaggio)( de| from| d| von| di| da)? (an |un |une |uma |una |einer |einem |a )?(ia|ai|ki|bot|robo|robot|chatgpt|gpt)\b",
            r"\b(ou|or|o|oder)( e| is it| es| c est| ist es| ist das| sei)? (o |a |the |el |un |le |der |ein |il |her |uma |una |just a )(bot|robo|robot)( dela| dele| de ella| de el| d elle| von ihr| di lei| of hers| ihr)?\b",
        ],
        &[],
    ),
    // ---- fan messages: round 27 (a parent's card, not 18 yet, a school trip, the tracks, a roof) ----
    phrases(
        "underage",
        Input,
        Escalate,
        ALL,
        &[
            r"\bauf (klassenfahrt|klassenreise|kursfahrt|abschlussfahrt|schullandheim)\b",
            r"(sub\w*|paid|pay|bought|used|using|pague|pagu\w*|compre|comprei|use|usei|usando|paye|pagat\w*|bezahlt|abonniert|abonne)( \w+){0,4} (my |w my |with my |mit |con la |com o )?(moms|mom s|mums|mum s|dads|dad s|mothers|fathers|parents) (card|credit card|debit card|cc|visa|mastercard|paypal|apple pay)\b|(tarjeta|cartao|carte|carta|karte|kreditkarte) (bancaire |de credito |di credito |de credit )?(de mi|da minha|do meu|de ma|de mon|di mia|di mio|della mia|del mio|meiner|meines|von meiner|von meinem|von) (madre|mama|mami|padre|papa|papi|vieja|viejo|mae|mamae|pai|papai|mere|maman|pere|mamma|babbo|mutter|vater)\b",
            r"(need|have|must|tienes|tengo|hay que|preciso|precisa|faut|muss|devo|bisogna)( \w+){0,3} (be |ser |etre |sein |essere |ter |tener |avoir |avere )?(18|eighteen|dieciocho|dezoito|dix huit|achtzehn|diciotto)( \w+){0,8} (not yet|im not|i m not|no los tengo|todavia no|aun no|ainda nao|pas encore|noch nicht|non ancora|nope)\b",
            r"\b(apenas |recien |acabo de |acabei de |je viens d )?(entre|entramos|empece|empezando|comence|entrei|comecei|rentre|entrato|entrata|angefangen)( \w+){0,1} (a la|la|en la|al|no|na|en|au|al|in|am|aufs) (prepa|secu|secundaria|insti|bachillerato|ensino medio|lycee|college|liceo|superiori|gymnasium|gymi|high school)\b",
            r"\b(rentre|rentrer|sors|sortir|reviens|revenir|retour) (du|de la|de l) (college|lycee)\b|bus de ramassage|ramassage scolaire|\b(chegar|cheguei|voltei|voltando|saindo) da escola\b|\ba van (da escola )?(atrasou|passou|chegou|nao veio)\b",
            r"\b(terza|quarta|quinta) (liceo|superiore|itis|ragioneria)\b|\bin (prima|seconda|terza|quarta|quinta) (superiore|liceo)\b",
            r"(tra|fra|entre|dans|in|en|em|daqui a) \d+ (mesi|meses|mois|monaten|months|settimane|semanas|semaines|wochen|weeks)( \w+){0,3} (posso|potro|puedo|podre|vou poder|je pourrai|je peux|kann ich|darf ich|i can|i ll be able to)( \w+){0,1} (fare|prendere|sacar|tirar|passer|machen|get|take) (la |el |a |le |den |my )?(patente|carnet|carteira|permis|fuhrerschein|driver s license|license|licence)",
            r"\b(hsc|vce|wace|ncea|atar|leaving cert|junior cert|abitur|abi|selectividad|evau|enem|maturita|bac)\b( \w+){0,2} (next year|this year|el ano que viene|ano que vem|l an prochain|l annee prochaine|nachstes jahr|l anno prossimo)",
        ],
        NOT_MY_SCHOOL,
    ),
    // Asking whether a minor may come in ("darf man schon mit 15 rein?"), not a weight or a sum.
    phrases(
        "underage",
        Input,
        Escalate,
        ALL,
        &[
            r"(darf man|darf ich|kann man|can you|can i|can u|se puede|puedo|pode|posso|on peut|je peux|si puo)( \w+){0,4} (mit|at|a los|aos|a l age de|at age|aged|avec) 1[0-7]\b( jahren| years| anos| ans| anni)?",
        ],
        &[
            r"1[0-7] ?(kg|kilo\w*|euro\w*|eur|dollars?|bucks|pesos|reais|mins?|minut\w*|uhr|h|pm|am|km|%|prozent|percent)\b",
        ],
    ),
    phrases(
        "crisis",
        Input,
        Escalate,
        ALL,
        &[
            r"(an den|auf den|auf die|on the|onto the|at the|by the|sui|sulle|sobre las|en las|nos|sur les) (gleisen|gleise|schienen|tracks|rails|binari|rotaie|vias|trilhos|voies)( \w+){0,6} (nachsten zug|next train|prossimo treno|proximo tren|proximo comboio|proximo trem|prochain train)",
            r"\b(an|about|of) (sui|s word)\b|kein bock mehr auf (gar )?(nix|nichts|das leben)",
            r"(picturing|imagining|thinking about|think about|want to|wanna|tempted to|could just|pensando en|penso di|envie de|je pense a|denke dran|denke daran)( \w+){0,2} (driving|drive|crash\w*|steer\w*|swerv\w*|wrap\w*|estrellarme|chocar|bater|foncer|fahren|schanzarmi)( \w+){0,2} (into|in|contra|contre|gegen|contro) (a|the|un|una|um|uma|einen|eine|l|le|la|un) (tree|wall|truck|lorry|pillar|bridge|barrier|arbol|pared|muro|camion|arvore|parede|caminhao|arbre|mur|camion|baum|wand|mauer|lkw|albero|muro|camion)",
            r"(not|pas|no|nao|nicht|non)( \w+){0,4} (by the stairs|par l escalier|por las escaleras|por la escalera|pelas escadas|pela escada|uber die treppe|die treppe|dalle scale|per le scale)",
            r"(guardando giu|looking down|mirando (hacia )?abajo|olhando (pra|para) baixo|regarde en bas|je regarde en bas|schaue runter|schau runter|runterschau\w*)( \w+){0,2} (dal|from the|from my|desde el|desde mi|do|da|du|de la|de mon|vom|von meinem)( \w+){0,1} (balcone|balcony|balcon|varanda|sacada|balkon|tetto|roof|techo|telhado|toit|dach|piano|floor|piso|andar|etage|stock)( \w+){0,3} (da mezz ora|da un ora|da ore|for (an|half an|\d+) (hour|hours|minutes)|for ages|desde hace|depuis (une|\d+) (heure|heures|minutes)|seit (einer|\d+) (stunde|stunden|minuten)|ha (uma|\d+) (hora|horas)|faz (uma|meia) hora|hace (una|media) hora)",
            r"(non mi e rimasto niente|non mi resta niente|i have nothing left|i ve got nothing left|no me queda nada|nao me resta nada|nao me sobrou nada|il ne me reste rien|mir bleibt nichts)( \w+){0,8} (ho deciso|i ve decided|i decided|decidi|j ai decide|hab mich entschieden|chiudo tutto|end it|acabar|en finir|schluss machen)",
            r"((modo|forma|maneira|jeito|facon|methode|art|weg|way|metodo) (indolore|indolora|indolor|painless|schmerzlos\w*|sans douleur|sin dolor|sem dor)|(painless|schmerzlose\w*) (way|method|methode|art|weg))( \w+){0,4} (chiedo per me|asking for me|asking for myself|pregunto por mi|pergunto por mim|pergunto pra mim|je demande pour moi|frage fur mich|frag fur mich|per me|for me)\b",
            r"(lasciato|left|deje|dejado|deixei|laisse|hinterlassen|hingelegt)( \w+){0,1} (un |una |a |um |uma |une |einen |ein )?(biglietto|lettera|note|letter|carta|nota|bilhete|lettre|mot|brief|zettel|abschiedsbrief)( \w+){0,12} (grazie|thank|thanks|gracias|obrigad\w*|merci|danke)",
            r"(farto|farta|harto|harta|sick|tired|marre|stufo|stufa|schnauze voll)( \w+){0,3} (tudo|todo|everything|tout|tutto|allem|alles)( \w+){0,6} (por fim|poner fin|put an end|end it|mettre fin|en finir|farla finita|acabar com|acabar con|schluss machen)",
            r"(despedi|said goodbye|me despedi|j ai dit au revoir|verabschiedet|salutato)( \w+){0,12} (only (one|person)|unica pessoa|unica persona|la seule|die einzige|l unica)",
        ],
        HYPERBOLE,
    ),
    phrases(
        "threat",
        Input,
        Escalate,
        ALL,
        &[
            r"(vermobeln|verprugeln|verhauen|beat\w*|pegar|golpear|surrar|bater|frapper|tabasser|picchiare|menare|pestare)( \w+){0,6} (bei dir fang ich an|starting with you|i ll start with you|empiezo por ti|empezando por ti|comeco por voce|comecando por voce|comeco por ti|je commence par toi|a commencer par toi|comincio da te|a partire da te)",
            r"\bte la (fa|fara|faranno|faccio|faremo|fanno) pagare\b",
            r"(na tua casa|a tua casa|at your place|to your place|a tu casa|chez toi|zu dir|a casa tua)( \w+){0,1} (com|with|con|avec|mit) (uns|my|mis|mes|meinen|i miei|some|unos|alguns) (parca|parcas|parceiros|amigos|boys|guys|potes|jungs|amici|ragazzi|mecs|manos|brothers|compas)",
            r"(estou|to|tou|i m|im|i am|estoy|je suis|ich bin|sono) (sempre|always|siempre|toujours|immer) (de olho|watching|vigilando|mirandote|a te surveiller|dich beobachten|ti osservo|ti guardo)\b",
        ],
        HYPERBOLE,
    ),
    // Seen in person: "vi-te ontem no Pingo Doce", not on a live or in a story.
    phrases(
        "threat",
        Input,
        Escalate,
        ALL,
        &[
            r"(vi te|i saw you|saw u|te vi|je t ai vu|ich hab dich gesehen|ich habe dich gesehen|ti ho visto)( \w+){0,3} (ontem|yesterday|ayer|hier|gestern|ieri|today|hoje|hoy|heute|oggi|this morning|esta manana|hoje de manha|ce matin|heute morgen|stamattina)( \w+){0,2} (no|na|at|at the|en el|en la|au|a la|im|in der|al|alla|nel|nella|dans le|dans la)\b",
        ],
        &[
            r"\b(live|lives|story|stories|stori|video|videos|tv|tele|insta|instagram|stream|feed|post|reel|reels|tiktok|youtube|app|dream|sueno|sonho|reve|traum|sogno|foto|photo|pic)\b",
        ],
    ),
    phrases(
        "meeting_request",
        Input,
        Escalate,
        ALL,
        &[
            r"(coffee|cafe|drink|cerveza|bier|caffe|un cafe|um cafe|a coffee|a drink)( \w+){0,1} (sometime|algun dia|um dia|un jour|mal|qualche volta|some time|one day)\b",
            r"(te recojo|te busco|te pego|je viens te chercher|ti vengo a prendere|ich hol dich|i ll pick you up|i can pick you up)( \w+){0,4} (aeropuerto|aeroporto|airport|aeroport|flughafen|cuando vengas|quando vier|quando vieres|when you come|quand tu viens|wenn du kommst|quando vieni)",
            r"\b(te voir en face|see you face to face|verte cara a cara|te ver cara a cara|dich von angesicht|vederti faccia a faccia|te ver frente a frente|verte en vivo)\b",
            r"\b(ti ospito|te hospedo|te hospedo eu|i ll host you|i can host you|je t heberge|je peux t heberger|ich lass dich bei mir (schlafen|wohnen)|te alojo|puedes quedarte en mi casa|podes ficar la em casa)\b",
            r"(vieni|ven|vem|viens|komm|come) (a|to|para|pra|nach|in|en) \w+( \w+){0,3} (ti porto|te llevo|te levo|je t emmene|ich nehm dich mit|i ll take you)",
        ],
        HYPERBOLE,
    ),
    // ---- fan messages: round 28 (the big break, years to the final exams, a phone taken for a
    // grade, a parent reading the statements, paid for more than came, someone writing for her) ----
    phrases(
        "underage",
        Input,
        Escalate,
        ALL,
        &[
            r"\b(in der grossen pause|in der hofpause|at recess|during recess|at break time|a la recre|pendant la recre|a la recreation|no recreio|na hora do recreio|durante la ricreazione|all intervallo|durante l intervallo)\b",
            r"\b(noch|still|todavia|aun|faltan|faltam|encore|ancora|mancano)( \w+){0,1} (\d|zwei|drei|two|three|dos|tres|duas|deux|trois|due|tre) (jahre|years|anos|ans|anni)( \w+){0,2} (bis zum|bis zur|until|till|before|hasta|para|pro|pra|avant|jusqu au|alla|al|fino alla|fino al) (abi|abitur|matura|graduation|graduating|prom|selectividad|evau|bachillerato|enem|vestibular|bac|maturita|diploma)\b",
            r"\b(hs|high school|highschool) (freshman|sophomore|junior)\b|\b(freshman|sophomore) (in|at) (hs|high school|highschool)\b",
            r"(pere|mere|parents|dad|mom|mum|padre|madre|padres|pai|mae|pais|vater|mutter|eltern|papa|mama|babbo|mamma|genitori)( \w+){0,3} (epluche\w*|checks?|looks? at|goes through|go through|reads?|revisa\w*|mira|miran|olha\w*|confere\w*|verifie\w*|regarde\w*|kontrolliert|kontrollieren|checkt|liest|guarda\w*|controlla\w*) (les |the |los |os |die |i |my |mis |mes |meine |tous les |todos los |todos os |alle |tutti gli |every )?(releves|statements?|bank statements|extractos|extracto|extratos?|kontoauszuge|estratti|estratto|movimientos|movimentos|mouvements|kontobewegungen|movimenti)\b",
            r"(sequestrat\w*|confiscat\w*|confisque\w*|took away|taken away|take away|quitaron|quitado|tiraram|tirado|requisado|weggenommen|abgenommen|eingezogen)( \w+){0,3} (cell|cellulare|telefono|phone|celular|movil|telemovel|portable|tel|handy|smartphone|ipad|tablet)( \w+){0,8} (insufficienz\w*|voto|voti|grade|grades|report card|nota|notas|pagella|boletim|boletin|bulletin|note|noten|zeugnis|castigo|punizione|punishment|grounded|punition|strafe|hausarrest|colegio|school|scuola|escola|ecole|schule|mate|maths?|matematica|mathe)\b",
            r"\b(fila da merenda|hora da merenda|tia da merenda|merenda da escola|merenda escolar)\b",
        ],
        &[
            PHONE_THINGS,
            r"my (son|daughter|kid)|mi hij[oa]|meu filho|minha filha|mon fils|ma fille|mein sohn|meine tochter|mio figlio|mia figlia",
        ],
    ),
    phrases(
        "crisis",
        Input,
        Escalate,
        ALL,
        &[
            r"\b(this is goodbye|this is my goodbye|questo e un addio|e un addio|esto es una despedida|es una despedida|esto es un adios|isso e uma despedida|e um adeus|c est un adieu|das ist ein abschied|das ist mein abschied)\b",
            r"(se eu morresse|if i died|if i was dead|if i were dead|si me muriera|si muriera|si je mourais|si j etais mort\w*|se morissi|se fossi mort[oa]|wenn ich sterben wurde|wenn ich tot ware)( \w+){0,4} (pelo menos|at least|al menos|por lo menos|au moins|almeno|wenigstens|zumindest)\b",
        ],
        &[
            r"for now|por ahora|por agora|pour l instant|pour le moment|per ora|per adesso|vorerst|fur heute|for today|por hoy|por hoje|pour aujourd hui|per oggi|see you|nos vemos|ate (logo|amanha|breve)|a bientot|a demain|a presto|a domani|bis bald|bis morgen",
            r"(die|morreria|moriria|mourrais|morirei|morrei|sterben) (happy|feliz|heureux|heureuse|felice|glucklich)",
        ],
    ),
    phrases(
        "threat",
        Input,
        Escalate,
        ALL,
        &[
            r"(deserve|deserves|merecen|mereces|merece|merecem|meritent|merites|merite|verdienen|verdienst|verdient|meritano|meriti|merita) (to )?(get |be )?(hurt|beaten|beat up|punished|to suffer|suffer|die|dead|que les peguen|que te peguen|una paliza|uma surra|apanhar|morrer|morir|sufrir|sofrer|souffrir|mourir|une raclee|prugel|eine abreibung|schmerzen|sterben|soffrire|morire|botte|essere picchiat\w*)\b",
            r"\b(i might be the one|i ll be the one|i will be the one|i could be the one|sere yo quien|puedo ser yo quien|serei eu quem|posso ser eu quem|ce sera moi qui|ca pourrait etre moi qui|saro io a|potrei essere io a|ich werde der sein|ich konnte der sein)( \w+){0,1} (to do it|who does it|to hurt|who hurts|que lo haga|que te|que o faca|que te|qui le fera|qui te|a farlo|a fartel\w*|der es tut|der dir)\b",
            r"\b(te|je|ti|ich|i ll|i will|i m gonna|voy a|vou|le|lui|gli|ihm)( \w+){0,1} (pete|peter|casse|casser|break|breaking|rompo|romper|quebro|quebrar|spacco|spaccare|rompo|brech\w*) (les |the |his |her |your |sus |las |tus |os |as |seus |tes |ses |le |i |die |seine |ihre |deine )?(genoux|jambes|gueule|dents|knees|legs|kneecaps|teeth|face|rodillas|piernas|dientes|cara|joelhos|pernas|dentes|gambe|ginocchia|denti|faccia|beine|knie|zahne|fresse)\b",
            r"(je connais|je sais|i know|se donde|sei dove|sei onde|conheco|ich weiss|ich kenne|conosco|conozco|so dove|so onde|sais ou)( \w+){0,3} (ou|where|donde|dove|onde|wo|in dem|in der) (bosse|travaille|works|working|trabaja|lavora|trabalha|arbeitet|vit|lives|vive|wohnt|abita|habite|mora|estudia|studies|etudie|studiert|studia|estuda)( \w+){0,1} (ta|ton|tes|your|ur|tu|tus|tua|teu|tua|deine|dein|la tua|il tuo|tuo|sua|seu) (mere|pere|soeur|frere|mom|mum|dad|sister|brother|mama|madre|padre|hermana|hermano|mae|pai|irma|irmao|mutter|vater|schwester|bruder|sorella|fratello|famille|family|familia|famiglia|familie|kids|enfants|hijos|filhos|figli|kinder|mec|boyfriend|novio|namorado|ragazzo|freund|copain)",
            r"(le paso|le mando|le envio|les paso|les mando|les envio|i ll send|i ll show|i send|send|mando|envio|passo|mostro|j envoie|j enverrai|je montre|je balance|schick\w*|zeig\w*|mando|invio|giro|vou mandar|mando|envio)( \w+){0,1} (todo|everything|all of it|tudo|tout|alles|tutto|your pics|your nudes|tus fotos|tus videos|tuas fotos|tes photos|tes nudes|deine bilder|deine fotos|le tue foto)( \w+){0,3} (a tu|a tus|to your|pra tua|pro teu|para tu|para tus|a ton|a ta|a tes|deinem|deiner|deinen|alla tua|al tuo|ai tuoi|a tua|ao teu|aos teus|a los de tu|a la gente de tu) (ex|familia|family|jefe|boss|work|curro|trabajo|trabalho|chefe|patron|taf|boulot|chef|arbeit|famiglia|capo|lavoro|pareja|novio|marido|husband|boyfriend|parents|padres|pais|eltern|genitori|mari|mec|copain|freund|amigos|friends|amis|freunde|amici|followers|seguidores)\b",
        ],
        HYPERBOLE,
    ),
    phrases(
        "meeting_request",
        Input,
        Escalate,
        ALL,
        &[
            r"(send|give|share|drop|text|pasame|dame|manda\w*|envia\w*|passa|me passa|me manda|envoie moi|envoie|donne moi|file moi|schick|gib|mandami|dammi|passami|inviami) (me |moi |mir |mi )?(tu|teu|tua|a tua|o teu|ta|ton|deine|deinen|la tua|la|your|ur|il tuo) (dire|direccion|ubicacion|ubi|endereco|localizacao|localizacion|localisation|location|loc|addy|address|adresse|standort|indirizzo|posizione|pin|ubicazione)\b",
            r"(drive|driving|manejar|conducir|guidare|conduire|fahren|dirigir|rouler|viajar|travel|fare|faccio|farei|hago|haria|faco|faria|ferais|fais|fahre|wurde)( \w+){0,1} \d+ ?(hours|horas|ore|heures|stunden|km|kms|miles|kilometros|chilometri|kilometres|kilometer)( \w+){0,3} (for you|por ti|per te|pour toi|fur dich|por voce|por vc|pra te ver|para verte|per vederti|pour te voir|um dich zu sehen|to see you)",
            r"\d+ ?(km|kms|miles|kilometros|chilometri|kilometres|kilometer) (for you|por ti|per te|pour toi|fur dich|por voce|por vc)\b",
            r"(vente|ven|vem|viens|komm|vieni|wanna come|want to come|will you come|would you come|you should come) (conmigo|comigo|avec moi|mit mir|con me|with me)\b",
            r"(i m|im|sono|estoy|estou|je suis|ich bin|i am|stay\w*|alloggio|me hospedo|me quedo|logo) (in|at|nell|nel|en el|en un|no|na|num|a l|dans l|dans un|im|in dem|in einem|in un|in the|at the|in a) (hotel|albergo|hostal|pousada|motel|airbnb)( \w+){0,8} (scendi|come down|bajas|desce|descends|komm runter|kommst du runter|di fronte|across from|frente a|em frente|en face|gegenuber|near you|vicino a te|cerca de ti|perto de ti|pres de chez toi|bei dir|near your|cerca de tu|vicino casa tua|perto da tua)",
            r"\b(te busco de carro|te busco em casa|te busco onde|te pego de carro|te pego em casa|te pego onde|passo ai te pegar|passo te buscar|vou te buscar|te paso a buscar|paso por ti|i ll pick you up|i can pick you up|pick u up|je passe te chercher|je viens te chercher|ti vengo a prendere|ti passo a prendere|ich hol dich ab|ich hole dich ab)\b",
        ],
        &[
            r"(in my|en mis|nos meus|dans mes|in meinen|nei miei) (dreams|suenos|sonhos|reves|traumen|sogni)|in another life|en otra vida|noutra vida|dans une autre vie|in einem anderen leben|in un altra vita|(can t|cannot|won t|wont|not allowed|no puedo|nao posso|je peux pas|je ne peux pas|darf nicht|kann nicht|non posso)",
        ],
    ),
    phrases(
        "payment_dispute",
        Input,
        Escalate,
        ALL,
        &[
            r"(paid|pay|bezahlt|zahle|pague|pagado|paguei|paye|pagato|pagata|ho pagato|pago)( \w+){0,2} (for|fur|por|pour|per|pra|para) (a |an |un |una |um |uma |ein |einen |eine )?\d+ ?(min|mins|minute|minutes|minuten|minutos|minuti|sec|seconds|sekunden|segundos|secondi|secondes|photos|pics|fotos|bilder|foto|videos)( \w+){0,8} (got|get|bekommen|gekriegt|erhalten|recibi|me llego|me llegaron|recebi|veio|vieram|recu|ricevuto|arrivat\w*|only|nur|solo|so|apenas|seulement)\b",
            r"\b(ich zeig (das|dich|euch|sie) an|ich erstatte anzeige|ich mach(e)? (eine )?anzeige|i ll report (this|you) to the police|je porte plainte)\b",
        ],
        &[
            r"bonus|extra|more than|mas de lo|mais do que|plus que|mehr als|piu di quanto|worth|valio la pena|valeu a pena|vaut le coup|lohnt|ne valeva la pena",
        ],
    ),
    phrases(
        "ai_question",
        Input,
        Flag,
        ALL,
        &[
            r"(some guy|some dude|someone else|somebody else|another person|irgendein typ|irgendwer|jemand anders|ein anderer|otra persona|alguien mas|algun tipo|un tipo|outra pessoa|algum cara|um cara|quelqu un d autre|un mec|une autre personne|qualcun altro|un tizio|un altra persona|un tipo)( \w+){0,2} (schreibt|writes|writing|is writing|escribe|escreve|ecrit|scrive|responde|antwortet|replies|answers|is answering|risponde|repond|tippt|types|typing|digita)( \w+){0,2} (fur dich|for you|por ti|por vos|por voce|por vc|pour toi|per te|in your place|an deiner stelle|en tu lugar|no teu lugar|a ta place|al posto tuo)\b",
            r"(irgendein typ|irgendwer|jemand anders|ein anderer|irgendjemand|ein team|ein mitarbeiter|eine agentur)( \w+){0,1} (fur dich|an deiner stelle|statt dir)( \w+){0,1} (schreibt|antwortet|tippt|chattet)\b",
            r"\b(ers|eres|sos|t es|tu es|bist du|sei|you re|ur|are you|r u|vc e|voce e)( \w+){0,1} (1|una|un|um|uma|une|ein|eine|a|an) (ia|ai|ki|bot|robot|robo|chatbot)\b",
        ],
        &[],
    ),
    // ---- fan messages: round 29 (exams ahead, a class teacher, not legal yet, minors like me,
    // lunch money, a twin's fifteenth, a birthday party coming, the count to 18, the liceo year,
    // no card of one's own, a parent's PayPal; a roof and the drop, hanging, a burden, "kys" being
    // considered, pills with drink, a pet given away for after, eyes never opened again, cut arms;
    // seen and unseen, a face smashed, an unannounced visit, her ID held, her account hacked,
    // blocked and coming over; a hug for real, a pin dropped, a date IRL, her city passed
    // through, where to find her, a ticket for her, dinner offered, better in person; a dispute
    // opened, content that never came, a renewal never agreed, charged twice, a tip by mistake;
    // "is this an AI", instructions to ignore, how many run the account) ----
    phrases(
        "underage",
        Input,
        Escalate,
        ALL,
        &[
            r"\b(nach|after|despues de|depois d[oa]s?|apres|dopo)( der| dem| the| my| mes| mis| meus| minhas| il| la| le| el| o| a| meiner| meinem| i miei| gli| l)? (mittleren reife|realschulabschluss|hauptschulabschluss|abi|abitur|matura|maturita|bac|brevet|selectividad|evau|ebau|enem|vestibular|gcses?|a levels|esami di stato|esame di terza media)( \w+){0,3} (nachste\w*|next|this|proxim[oa]|este|prochain\w*|cet|prossim[oa]|quest\w*|kommende\w*|diese\w*) (sommer|summer|verano|verao|ete|estate|jahr|year|ano|annee|anno|fruhling|spring|herbst|fall|autumn)\b",
            r"\b(unser\w*|our|notre|nos|nuestr[oa]s?|la nostra|il nostro|nosso|nossa) (klassenlehrer\w*|homeroom teacher|form tutor|form teacher|prof principal|professeur principal|maitresse|tutora? de clase|diretora de turma|diretor de turma|coordinatrice di classe|coordinatore di classe)\b",
            r"\b(i m|im|i am|ich bin|bin ich|soy|sou|je suis|je ne suis|chuis|sono)( \w+){0,3} (legal|volljahrig|mayor de edad|maior de idade|majeure?|maggiorenne)( \w+){0,1} (yet|noch nicht|todavia|aun|ainda|encore|ancora)\b|\b(i m|im|i am|ich bin|bin|soy|sou|je suis|je ne suis|sono) (noch nicht|not yet|todavia no|aun no|ainda nao|pas encore|non ancora) (legal|volljahrig|mayor de edad|maior de idade|majeure?|maggiorenne|18)\b",
            r"\b(junior|senior) prom\b( \w+){0,3} (was|is|s|tonight|last night|tomorrow|next|this)\b|\bprom (was|is) (last night|tonight|tomorrow|next week|this weekend)\b",
            r"\b(minors|mineurs|menores|minderjahrige|minorenni|menores de idade|minori)( \w+){0,2} (like me|genre moi|comme moi|como yo|como eu|wie ich|wie mich|come me)\b",
            r"\b(saved|saving|juntei|juntando|ahorre|ahorrando|economise|gespart|spare|risparmiato|risparmiando|poupei|poupando|guardei)( \w+){0,4} (lunch money|dinheiro do lanche|dinheiro da merenda|dinero del almuerzo|dinero del recreo|argent de la cantine|argent du gouter|soldi della merenda|essensgeld|pausengeld|mensageld)\b|\b(lunch money|dinheiro do lanche|dinheiro da merenda|dinero del almuerzo|dinero del recreo|soldi della merenda)( \w+){0,2} (da escola|do colegio|de la escuela|del cole|del colegio|at school|for school|de l ecole|du college|der schule|della scuola)\b",
            r"\b(twin|gemea|gemeo|gemela|gemelo|jumelle|jumeau|zwillings\w*|zwilling|gemella|gemello)( \w+){0,6} (debutante|quinceanera|quinceanero|quince anos|xv anos|15 anos|sweet 16|sweet sixteen|(turns?|cumple|faz|fait|wird|compie) (1[0-7])|(1[0-7])(th)? (birthday|anos|ans|anni|geburtstag))\b",
            r"\b(fete|fetons|fetera|celebr\w*|feier\w*|festeggi\w*|comemor\w*|party for|fiesta de|festa de|soiree pour|fete pour) (mes|my|mis|meus|os meus|i miei|meinen|meine|meinem) (1[0-7]|[5-9])( ans| anos| anni| years| jahre| th| ten| birthday| geburtstag)?( \w+){0,2} (samedi|dimanche|vendredi|saturday|sunday|friday|sabado|domingo|viernes|sexta|sabato|domenica|venerdi|samstag|sonntag|freitag|prochain\w*|next|proxim\w*|prossim\w*|nachste\w*|bientot|soon|pronto|logo|presto|bald|demain|tomorrow|manana|amanha|domani|morgen)\b",
            r"\b(manca|mancano|falta|faltan|faltam|il reste|il me reste|noch|only|just|countdown|cuenta regresiva|contagem regressiva|conto alla rovescia|compte a rebours)( \w+){0,4} (ai miei|a mis|para mis|aos meus|pros meus|para os meus|a mes|avant mes|pour mes|meinem|my|mis|meus|mes|miei) (18|18th)\b",
            r"\b(faccio|frequento|sono al|sono in|sono alla|vado al|vado in) (il |la |l )?(primo|secondo|terzo|quarto|quinto|prima|seconda|terza|quarta|quinta|1|2|3|4|5)( anno)? (al|allo|del|dello|liceo|superiore|superiori|ginnasio|classico|scientifico|linguistico|itis|istituto|media|medie)\b",
            r"\b(rifaccio|ripeto|je redouble|redouble|estoy repitiendo|repito|to repetindo|estou repetindo|vou repetir|ich wiederhole|wiederhole|i m repeating|im repeating|repeating) (la |el |o |a |ma |mon |die |das |the |my )?(prima|seconda|terza|quarta|quinta|primo|secondo|terzo|quarto|quinto|curso|primero|segundo|tercero|cuarto|ano|serie|seconde|premiere|troisieme|quatrieme|cinquieme|terminale|klasse|grade|year|\d+(st|nd|rd|th|e|o|a)? (grade|year|klasse|ano|curso|annee|anno))\b",
            r"\b(carta|card|tarjeta|cartao|carte|karte|kreditkarte|konto|cuenta|conta|compte|conto|paypal)( \w+){0,8} (non posso|no puedo|can t|cannot|cant|darf|kann|nao posso|je peux pas|je ne peux pas)( \w+){0,3} (una mia|mi propia|una propia|my own|meine eigene|eine eigene|minha propria|ma propre|mon propre)\b",
            r"\b(madre|padre|mamma|babbo|mom|mum|dad|mother|father|mama|mae|pai|mere|pere|mutter|vater|eltern|genitori|padres|pais|parents|papa)( \w+){0,12} (uso|use|using|usando|benutz\w*|utilise|pego|usei)( \w+){0,1} (il suo|la sua|her|his|su|seu|sua|son|sa|ihr\w*|sein\w*|their|loro)( \w+)? (paypal|card|carta|tarjeta|cartao|carte|karte|kreditkarte|cb|account|konto)\b",
        ],
        &[
            r"my (son|daughter|kid)|mi hij[oa]|meu filho|minha filha|mon fils|ma fille|mein sohn|meine tochter|mio figlio|mia figlia",
        ],
    ),
    phrases(
        "crisis",
        Input,
        Escalate,
        ALL,
        &[
            r"\b(on the roof|on a roof|on the ledge|on the edge of|on the bridge|aufm dach|auf dem dach|auf der brucke|en el techo|en la azotea|en el tejado|en el puente|en la cornisa|no telhado|na laje|na ponte|no parapeito|sur le toit|sur le pont|sur le rebord|sul tetto|sul ponte|sul cornicione)( \w+){0,5} (look\w* down|staring down|guck\w* runter|schau\w* runter|schau\w* nach unten|guck\w* nach unten|mirando (hacia |para )?abajo|mirando al vacio|olhando (pra|para) baixo|olhando o vazio|je regarde en bas|regard\w* en bas|regard\w* le vide|guardo giu|guardando giu|guardo il vuoto|guardando il vuoto)\b",
            r"\b(hang|hange|haeng\w*) mich( \w+){0,2} auf\b",
            r"\b(ware|wars|es ware) besser( \w+){0,2} (ich ware|wenn ich|ich war)( \w+){0,1} (tot|nicht mehr da|weg|nie geboren)\b|\b(nur|just|only|solo|so|apenas|juste|seulement|soltanto)( \w+){0,1} (ne|eine|a|un|una|uma|une) (last|burden|carga|fardo|fardeau|peso)( \w+){0,2} (fur alle|for everyone|to everyone|para todos|pour tout le monde|pour tous|per tutti|to everybody|pra todo mundo|para toda a gente)\b|\b(fur alle|for everyone|to everyone|para todos|pour tout le monde|per tutti|pra todo mundo)( \w+){0,2} (nur |just |only |solo |apenas |juste |seulement )?(ne|eine|a|un|una|uma|une) (last|burden|carga|fardo|fardeau|peso)\b",
            r"\b(kys|kill yourself|matate|mate se|tue toi|ammazzati|bring dich um)( \w+){0,8} (lo estoy pensando|lo estoy considerando|i m thinking about it|i m considering it|thinking about it|considering it|to pensando|tou pensando|estou pensando|j y pense|j y reflechis|ci sto pensando|ich denk\w* (druber|daruber) nach)\b",
            r"\b(vediamo|vedremo|let s see|we ll see|a ver|veremos|vamos ver|on verra|on va voir|mal sehen|mal schauen)( \w+){0,2} (se|if|si|ob) (mi sveglio|mi risveglio|i wake up|i ll wake up|despierto|me despierto|amanezco|acordo|eu acordo|je me reveille|ich aufwache|ich wieder aufwache)\b",
            r"\b(bevo|drink|drinking|bebo|trinke|trink|bois|boire|beber|bere|tomo|tomar)( \w+){0,8} (sleeping pills|sonniferi|gocce per dormire|schlaftabletten|somniferes|somniferos|pastillas para dormir|remedios para dormir|comprimidos para dormir|calmantes|tranquilizantes|benzos|xanax|all the pills|toutes les pilules|alle tabletten|todas las pastillas|tutte le pillole|todos os comprimidos)\b|\b(sleeping pills|sonniferi|gocce per dormire|schlaftabletten|somniferes|somniferos|pastillas para dormir|remedios para dormir|comprimidos para dormir|all the pills|alle tabletten|todas las pastillas|tutte le pillole)( \w+){0,6} (alcol|alcool|alcohol|vodka|wine|vino|vinho|wein|whisky|bottle|botella|garrafa|flasche|bouteille|bottiglia)\b",
            r"\b(regalato|given away|gave away|gave|regale|doei|dei|donne|donnee|verschenkt|abgegeben|gegeben)( \w+){0,3} (gatto|cat|dog|cane|perro|gato|cachorro|chien|chat|hund|katze|kater|gata|cagnolino|perrito|cachorrinho)( \w+){0,8} (dopo|after|later|despues|depois|apres|danach|when i m gone|cuando no este|quando eu nao estiver|quand je serai plus la|wenn ich weg bin|quando non ci saro)$",
            r"\b(chiudere|close|cerrar|fechar|fermer|schliessen|zumachen)( \w+){0,2} (gli occhi|my eyes|the eyes|los ojos|os olhos|les yeux|die augen|augen|occhi)( \w+){0,3} (e|and|y|et|und)( \w+){0,1} (non|never|not|no|nunca|nao|ne|plus|jamais|nie|nicht)( \w+){0,1} (riaprirli|riaprire|open them|open|abrirlos|abrir|rouvrir|aufmachen|offnen|wake up|despertar|acordar|reveiller|svegliarmi|aufwachen)\b",
            r"\b(mi sono|mi sn|mi so|me he|me|me cortei|eu me|je me suis|je me|ich hab mir|hab mir|ich habe mir|i|i ve)( \w+){0,1} (tagliat[oa]|cortad[oa]|cortei|corte|cut|geritzt|aufgeritzt|aufgeschnitten|coupe|coupee|scarifie|scarifiee|entaille) (le |las |los |os |my |mis |mes |les |die |meine |i miei |both my )?(braccia|brazos|bracos|arms|arme|bras|polsi|munecas|pulsos|wrists|handgelenke|poignets|gambe|piernas|pernas|legs|beine|jambes|cosce|muslos|coxas|thighs|oberschenkel|cuisses)\b",
        ],
        HYPERBOLE,
    ),
    phrases(
        "threat",
        Input,
        Escalate,
        ALL,
        &[
            r"\b(saw|seen|gesehen|gesehn|te vi|vi voce|je t ai vu|t ai vu|ti ho vist[oa])( \w+){0,6} (you didn t see me|but you didn t|du mich nicht|hast mich nicht|tu no me viste|vos no me viste|voce nao me viu|tu nao me viste|tu m as pas vu|tu ne m as pas vu|tu non mi hai vist[oa])\b",
            r"\b(attenta|attento|careful|be careful|cuidado|cuidadito|attention|fais gaffe|pass auf|vorsicht)( \w+){0,2} (quando|when|cuando|quand|wenn)( \w+){0,6} (alle|at|a las|as|a|um|vers) \d{1,2}\b( \w+){0,6} (non sei mai sola|you re never alone|nunca estas sola|nunca esta sozinha|tu n es jamais seule|du bist nie allein|ti guardo|ti osservo|i m watching|i see you|te veo|te vejo|je te vois|je te surveille|ich seh dich|ich beobachte dich|ti vedo)\b",
            r"\b(polier\w*|hau\w*|schlag\w*|brech\w*|einschlag\w*|zertrummer\w*)( \w+){0,3} (die |deine |dir die )?(fresse|schnauze|visage|kauleiste)\b|\b(dir|dich)( \w+){0,2} (die fresse|in die fresse|die schnauze|eins in die fresse)\b",
            r"\b(nos vemos|ci vediamo|see you|sehen wir uns|a gente se ve|on se voit|on se verra|i ll show up|i ll turn up|aparezco|apareco|je debarque|je passe|mi presento|ti vengo a trovare|ich steh vor|ich komm vorbei|te visito|te hago una visita|te faco uma visita|passo la|passo ai)( \w+){0,4} (sin avisar|sin previo aviso|senza preavviso|senza avvisare|sem avisar|sans prevenir|sans te prevenir|ohne vorwarnung|unangekundigt|unannounced|without warning)\b",
            r"\b(photo|pic|foto|video|vid|reflection|reflejo|reflexo|reflet|riflesso|spiegelung|window|ventana|janela|fenetre|finestra|fenster|background|fondo|fundo|arriere plan|sfondo|hintergrund|campanile|view|vista)( \w+){0,12} (ya se|ahora se|i know|now i know|je sais|maintenant je sais|ora so|adesso so|ich weiss|jetzt weiss ich|ja sei|eu sei|agora sei|ho capito|i figured out|descubri|j ai compris|j ai trouve|hab rausgefunden|ich hab rausgefunden|ho scoperto)( \w+){0,2} (que|which|what|quel|quelle|quale|in che|in welche\w*|welche\w*|em que|qual|dove|where|donde|onde|ou|wo|che stai a|que vives en|que moras em|que tu habites|dass du in)( \w+){0,1} (barrio|neighbourhood|neighborhood|area|quartier|quartiere|zona|bairro|viertel|kiez|street|calle|rue|via|strasse|rua|city|ciudad|ville|citta|stadt|cidade|building|edificio|predio|immeuble|palazzo|haus|casa|vives|vivi|abiti|stai|moras|habites|wohnst|live|lives)\b",
            r"\b(tengo|ho|have|got|i ve got|j ai|hab|habe|tenho|me paso|me pasaron|me dio|me passou|m a file|m a donne|mi ha dato|mi ha passato|hat mir)( \w+){0,4} (tu|tus|tuo|tua|tuoi|your|ur|ton|ta|tes|dein\w*|teu|seu|sua|il tuo|la tua)( \w+)? (dni|codice fiscale|cpf|rg|ssn|social security number|ausweis\w*|personalausweis|carte d identite|numero de securite sociale|passport|pasaporte|passaporto|passaporte|reisepass|nif|curp|rut|steuer id|carta d identita|id card|id number)\b|\b(tengo|ho|have|got|j ai|hab|habe|tenho)( \w+){0,5} (dni|codice fiscale|cpf|ssn|ausweis\w*|carte d identite|passport|pasaporte|passaporto|passaporte|reisepass|nif|curp|carta d identita) (tuoi|tuo|tua|tuyo|tuya|teu|de toi|von dir|your|dein\w*)\b",
            r"\b(pirater|hack|hacker|hackear|hackea|hackern|hackerare|invadir|craquer)( \w+){0,1} (ton|your|ur|tu|teu|tua|dein\w*|il tuo|o teu|a tua|sua|seu|la tua) (compte|account|cuenta|conta|konto|profilo|profile|perfil|profil|phone|telephone|telefone|telefono|handy|cloud|icloud|drive|insta|instagram|email|mail|pc|ordi|ordinateur|computer|computador)\b( \w+){0,4} (et|and|y|e|und) (tout |todo |tudo |alles |tutto |everything )?(balancer|leak|filtrar|vazar|leaken|pubblicare|publier|posten|postar|publicar|diffondere)",
            r"\b(bloqueias|bloqueas|bloquear|block|blocks|blocchi|bloques|blockst|blockierst|bloquer|me bloquea\w*|me bloqueia\w*|mi blocchi|tu me bloques)( \w+){0,3} (outra vez|again|de novo|otra vez|di nuovo|ancora|encore|nochmal|wieder|una vez mas|mais uma vez)( \w+){0,4} (vou ai|vou ate ai|vou a tua casa|vou te buscar|i ll come|i m coming|i ll find you|voy para alla|voy a tu casa|voy a buscarte|vengo da te|ti vengo a|je viens|je debarque|je passe chez toi|ich komm\w*|komm ich|ich steh)\b",
            r"\b(parto te|te parto|te quebro|quebro te|te rebento|rebento te|te arrebento|arrebento te|te encho de porrada|levas (um|uma) (murro|tareia|porrada|chapada))( \w+){0,1} (toda|todo|a cara|os dentes|as pernas|ouviste|ouviu)\b",
        ],
        HYPERBOLE,
    ),
    phrases(
        "meeting_request",
        Input,
        Escalate,
        ALL,
        &[
            r"\b(will|want to|wanna|want|quiero|quero|je veux|voglio|mochte|i d love to|me encantaria|adoraria|j aimerais|vorrei|wurde)( \w+){0,2} (dich|you|u|te|ti|t)( \w+){0,2} (endlich|finally|por fin|finalmente|enfin|en vrai|irl|in real life|in person|de verdad|in echt|dal vivo|pessoalmente|en persona|personlich)( \w+){0,2} (drucken|umarmen|hug|abrazar|abracar|serrer|abbracciare|knuddeln)\b",
            r"\bdrop (me )?(a|the|ur|your) pin\b|\b(i ll|ill|i will|i can|i m gonna|im gonna|lemme|let me) (uber|lyft|taxi|cab|bolt) (over|there|to you|to yours|to your place)\b|\b(pido|pego|prendo|nehm|je prends|i ll take|i ll get)( un| um| ein| an| a)? (uber|cabify|taxi|bolt|lyft)( \w+){0,2} (hasta ti|hasta tu casa|ate voce|ate ai|ate tua casa|jusqu a toi|chez toi|da te|zu dir|to you|to yours|to your place)\b",
            r"\b(cita|date|rdv|rendez vous|appuntamento|encontro|treffen|soiree|noche|noite|serata|abend|evening|night|nuit|dinner|cena|jantar|diner|weekend|fin de semana|fim de semana|week end|wochenende|fine settimana) (irl|in real life|en la vida real|na vida real|dans la vraie vie|nella vita reale|im echten leben|en vrai|in echt|de verdad|dal vivo|di persona|en persona|em pessoa|en personne|in person|personlich)\b",
            r"\b(vos|tu|you|u|voce|vc|du|toi)( \w+)? (eleg\w*|choose|pick|escolh\w*|choisi\w*|scegli\w*|decide\w*|decid\w*|bestimm\w*) (el |the |o |le |il |den |das |la )?(lugar|place|sitio|spot|local|lieu|endroit|posto|luogo|ort|restaurant|restaurante|ristorante|bar|hotel)\b",
            r"\b(je passe|je serai|i m passing|i ll be passing|i ll pass|i ll be in|passing through|paso|pasare|estare|estarei|vou passar|passo|passero|saro|ich komme|komme ich|bin ich)( \w+){0,2} (par|through|por|pela|pelo|da|durch|in|en|em|a|nach|dans) (ta|your|ur|tu|tua|teu|deine|deiner|la tua|sua) (ville|city|town|ciudad|cidade|citta|stadt|zona|area|region|regiao|quartier|barrio|bairro|gegend|neighbourhood|neighborhood|hood|paese)\b",
            r"\b(tell me|dis moi|dites moi|dime|decime|me diz|me fala|dimmi|sag mir)( \w+){0,1} (where|ou|donde|onde|dove|wo) ((te|ti|dich|you|u|t) (retrouver|meet|find|encontrar|encontro|veo|trovo|vedo|treffen|treffe|pick up|recoger|recojo|busco|buscar|chercher|prendre|rejoindre|rejoins|abholen|hol)|(on se|nos|a gente se|ci|wir uns|we) (retrouve|voit|vemos|encontramos|ve|encontra|vediamo|troviamo|treffen|sehen|meet)|(retrouver|rejoindre|encontrarte|verte|trovarti|vederti|vederci|incontrarti|incontrarci|buscarte|recogerte)|(to|can i|i can|should i|do i|we can|can we|should we) (meet|find|pick|see) (you|u|up))\b",
            r"\b(ticket|tickets|places|billet|billets|entradas|ingressos|biglietti|karten|tix)( \w+){0,8} (one for you|one s for you|une pour toi|un pour toi|uno para ti|una para ti|uma pra voce|uma para voce|um pra voce|uno per te|una per te|eine fur dich|einen fur dich|one for u)\b|\b(rdv|rendez vous|meet me|meet|see you|nos vemos|te veo|te espero|a gente se ve|te encontro|ci vediamo|ti aspetto|treffen wir uns|wir treffen uns|ich warte|on se retrouve|on se voit|je t attends)( \w+){0,1} (devant|in front of|outside|en la puerta|na porta|davanti|vor dem|vor der|at the|a la|na|all|am|en la) (l )?(entree|entrance|entrada|ingresso|eingang|door|porte|porta|tur|gate|puerta|portao|cancello)\b",
            r"\b(ti porto|i ll take you|i d take you|i can take you|te llevo|te llevaria|te levo|te levaria|je t emmene|je t emmenerais|ich fuhr dich|ich fuhre dich|ich nehm dich|ich lad dich)( \w+){0,2} (a cena|a pranzo|a cenare|a mangiare|out|to dinner|to lunch|for dinner|for drinks|for a drink|a cenar|a comer|a almorzar|a tomar algo|pra jantar|para jantar|pra almocar|a jantar|diner|au resto|au restaurant|boire un verre|zum essen|essen|zum abendessen|auf einen drink|a bere|fuori)\b|\b(se passi|if you re ever in|if you come to|si vienes a|si pasas por|se vier pra|se vier para|se passar por|si tu passes par|si tu viens a|wenn du mal in|falls du in)( \w+){0,3} (let me know|fammelo sapere|fammi sapere|avisame|me avisa|dis moi|previens moi|sag bescheid|melde dich|hit me up|lmk)\b",
            r"\b(mi fai da guida|fammi da guida|show me around|be my tour guide|be my guide|me haces de guia|me muestras (la|tu) ciudad|me ensenas (la|tu) ciudad|me mostra a cidade|me faz de guia|tu me fais visiter|me faire visiter|zeigst du mir (die|deine) stadt|mir (die|deine) stadt zeigen)\b",
            r"\b(pranzo|cena|lunch|dinner|drink|drinks|cafe|caffe|coffee|kaffee|copa|birra|cerveza|cerveja|bier|aperitivo|apero|verre|jantar|almoco|almuerzo|diner|dejeuner|hotel|albergo|chambre|zimmer|quarto|habitacion)( \w+){0,6} (offro io|pago io|i m paying|my treat|yo invito|invito yo|eu pago|pago eu|por minha conta|c est moi qui invite|je t invite|ich lad dich ein|geht auf mich|est pour moi|is on me|lo pago yo|corre por mi cuenta|fica por minha conta|zahl ich|lo pago io|la pago io)\b|\b(offro io|i m buying|my treat|yo invito|te invito a|eu pago|je t invite|ich lad dich)( \w+){0,3} (pranzo|cena|lunch|dinner|a drink|drinks|cafe|caffe|coffee|kaffee|una copa|birra|cerveza|cerveja|bier|aperitivo|verre|jantar|almoco|almuerzo|diner|essen)\b",
            r"\b(meglio|better|mejor|melhor|mieux|lieber|besser|prefiero|prefiro|preferisco|je prefere|i d rather|i prefer)( \w+){0,2} (dal vivo|di persona|in person|irl|in real life|en persona|pessoalmente|en vrai|personlich|in echt|face to face|cara a cara|faccia a faccia)\b",
        ],
        &[
            GAMES,
            r"in my dreams|en mis suenos|nos meus sonhos|dans mes reves|in meinen traumen|nei miei sogni|in another life|en otra vida|noutra vida|dans une autre vie|in einem anderen leben|in un altra vita",
            r"live|stream|en directo|en direct|in diretta|show|concert|concierto|konzert|concerto|convention|convencion|(trip|viaje|viagem|voyage|reise|viaggio|vacation|vacaciones|ferias|vacances|urlaub|vacanze|shoot|photoshoot|shooting)",
            // "toma um café por minha conta": a tip to spend, not a date.
            r"(toma|tome|have|grab|prendi|prenditi|tomate|bois|prends|trink|gonn dir)( \w+){0,1} (um |a |un |une |einen |nen |uma |una )?(cafe|coffee|caffe|kaffee|drink|verre|cerveja|beer|birra|cerveza)",
        ],
    ),
    phrases(
        "payment_dispute",
        Input,
        Escalate,
        ALL,
        &[
            r"\b(konflikt|dispute|case|caso|disputa|reclamacao|reclamo|litige|contestation|contestazione|reklamation|beschwerde|chargeback|ruckbuchung)( \w+){0,2} (eroffnet|aufgemacht|opened|filed|abri|abierto|ouvert|aperto|aberto|eingereicht|raised)\b|\b(opened|filed|raised|eroffnet|abri|abro|he abierto|j ai ouvert|ho aperto|apro)( \w+){0,1} (a|an|ein\w*|un|una|uma|une|nen) (konflikt|dispute|case|caso|disputa|reclamacao|reclamo|litige|contestation|contestazione|beschwerde|claim)\b",
            r"\b(custom|ppv|video|vid|content|inhalt|pack|bundle|contenido|conteudo|contenu|contenuto|paket)( \w+){0,3} (kam nie|ist nie angekommen|nie angekommen|never came|never arrived|never showed up|nunca llego|nunca me llego|no me llego|nunca chegou|nao chegou|nunca veio|jamais arrive|n est jamais arrive|jamais recu|pas recu|mai arrivato|non e mai arrivato|non mi e arrivato|nie bekommen|nie erhalten)\b",
            r"\b(renewal|verlangerung|renovacion|renovacao|renouvellement|rinnovo|abo|abonnement|subscription|suscripcion|assinatura|abbonamento)( \w+){0,5} (never agreed|didn t agree|did not agree|nie einverstanden|nicht einverstanden|nie zugestimmt|nicht zugestimmt|nunca acepte|no acepte|nunca autorice|nunca autorizei|nao autorizei|jamais accepte|pas accepte|jamais autorise|mai accettato|non ho mai accettato|mai autorizzato|never authori[sz]ed|never signed up)\b|\b(never agreed|nie einverstanden|nunca acepte|nunca autorizei|jamais accepte|mai accettato|never authori[sz]ed|never signed up for|never asked for)( \w+){0,3} (to )?(the |this |a |an |die |der |la |el |o |le |il )?(auto renewal|renewal|verlangerung|renovacion|renovacao|renouvellement|rinnovo|charge|abbuchung|cargo|cobranca|prelevement|addebito|subscription|abo)\b",
            r"\b(meine bank|my bank|mi banco|meu banco|ma banque|la mia banca|my card company|my credit card company)( \w+){0,2} (ist|is|esta|ja|est|e|has been)( \w+){0,1} (informiert|informed|notified|aware|avisad[oa]|informad[oa]|notificad[oa]|prevenue|informee|avertie|informata|avvisata|eingeschaltet|involved)\b|\b(contact\w*|call\w*) (my|the) (credit card company|card company|card issuer|bank)( \w+){0,3} (about|regarding|over|because of) (the |this |your |that |my |a )?(renewal|charge|charges|subscription|sub|payment|ppv|billing)\b",
            r"\b(double|doble|doppio|dupla|duplo|doppelt\w*|deux fois|dos veces|duas vezes|due volte|zweimal) (prelevement|debit|cargo|cobro|cobranca|addebito|abbuchung|paiement|pagamento|zahlung)\b|\b(\d+|deux|trois|two|three|dos|tres|duas|due|tre|zwei|drei) (debits|charges|cargos|cobros|cobrancas|abbuchungen|addebiti|prelevements|transactions|transacciones|transacoes|transazioni|buchungen)( \w+){0,6} (pour un seul|pour une seule|for one|for a single|for just one|por una sola|por un solo|para uma so|para um so|fur einen|fur eine|per un solo|per una sola|per un unico)\b|\b(annulez|cancel|reverse|refund|remboursez|rembourse moi|devuelvan|devuelveme|devolvam|devolva|reembolsen|reembolsem|anulen|anulem|cancelen|cancelem|storniert|erstattet|annullate|annulla|rimborsate|rimborsa|stornate|storna)( \w+){0,3} (en trop|de mas|a mais|di troppo|zu viel|zuviel|duplicad[oa]s?|doublons?)\b",
            r"\b(tip|tips|tipped|pourboire|pourboires|mancia|mance|propina|propinas|gorjeta|gorjetas|trinkgeld)( \w+){0,5} (par erreur|by mistake|by accident|accidentally|por error|sin querer|por engano|sem querer|per sbaglio|per errore|aus versehen|versehentlich|di troppo|de trop|de mas|a mais|zu viel)\b|\b(par erreur|by mistake|by accident|accidentally|por error|sin querer|por engano|sem querer|per sbaglio|per errore|aus versehen|versehentlich)( \w+){0,4} (tip|tips|tipped|pourboire|mancia|propina|gorjeta|trinkgeld)\b|\b(rimborsami|rembourse moi|remboursez moi|refund me|devuelveme|reembolsame|me reembolsa|me devolve|me devolva|erstatte mir|erstattet mir)\b|\b(me rendre|rends moi|rendez moi|give me back|devolveme|me devolver|restituiscimi|ridammi)( \w+){0,3} (le deuxieme|the second|el segundo|o segundo|il secondo|den zweiten|the extra|mon argent|my money|mi dinero|meu dinheiro|i miei soldi|mein geld)\b",
        ],
        &[
            OTHER_MERCHANTS,
            JOKING,
            r"keep it|garde le|quedatelo|fica com ele|tienilo|behalt\w*|emotional damage|dano emocional|danos emocionais|dommages emotionnels|danni emotivi",
        ],
    ),
    phrases(
        "ai_question",
        Input,
        Flag,
        ALL,
        &[
            r"\b(ist das|is this|is it|es esto|esto es|isso e|e isso|c est|est ce|e questo|questo e|is that|ist das hier|bist du|are you|eres|sei|tu es|vc e|voce e)( \w+){0,1} (ne |eine |an |a |una |uma |une |un |n )?(ki|ai|ia|bot|robot|roboter|chatbot|maschine|machine|maquina|macchina)$",
            r"\b(ignor\w*|vergiss|vergesst|olvida|olvides|esquece|esqueca|oublie|oubliez|dimentica|disregard)( \w+){0,3} (anweisungen|instructions|instrucciones|instrucoes|istruzioni|vorgaben|programming|programmierung|programacion|programacao|programmation|programmazione)\b|\b(system ?prompt|systemprompt|prompt de sistema|prompt do sistema|prompt systeme|prompt di sistema)\b",
            r"\b(vous etes combien|combien (etes vous|vous etes|de personnes|de gens)|how many (of you|people|persons|guys|ppl)|cuantos (son|sois|hay|estan|escriben)|cuantas personas|quantos (sao|voces sao|tem|estao)|quantas pessoas|quanti siete|quante persone|wie viele (seid ihr|leute|personen|menschen))( \w+){0,6} (derriere|behind|detras|atras|por tras|dietro|hinter|gestire|gestiscono|manage|managing|run|running|llevan|manejan|cuidam|gerenciam|schreiben|ecrivent|escriben|escrevem|scrivono|write|writing|answer|repondent|responden|respondem|rispondono|antworten)\b",
        ],
        &[],
    ),
    // ---- fan messages: round 30 (the upper school years, a school ball with a date, a class
    // still to graduate, a year off, a freshman with a sister at college, the supervisor, a
    // year in secondary, parents pulling the router, "I'm that age now", no ID card yet, high
    // school next year; signing off forever, the platform's edge, the blade, everything given
    // away, a burden of a day, "asking for myself", a goodbye letter, nobody would miss me,
    // bleeding walls; a car watched, a door passed daily, hospital food, a life made hell,
    // arson, "I'll come for you", a lesson never forgotten; a night priced, the same city, a
    // suite, plans for two, "vediamoci", a train tomorrow; a charge that wasn't me, every
    // payment reversed, the card provider called, the difference back; people writing for her,
    // "if you're a robot") ----
    phrases(
        "underage",
        Input,
        Escalate,
        ALL,
        &[
            r"\b(bin|ich bin|sind|wir sind|bin grad|bin gerade|bin jetzt)( \w+){0,1} in der (q1|q2|q11|q12|e phase|ef|einfuhrungsphase|oberstufe|mittelstufe|unterstufe|\d+ten|\d+te|funften|sechsten|siebten|achten|neunten|zehnten|elften|zwolften)\b|\bseit der (\d+ten|\d+te|funften|sechsten|siebten|achten|neunten)\b",
            r"\b(abschlussball|abiball|abschlussfeier|realschul abschlussball|prom|bal de promo|bal de fin d annee|baile de formatura|formatura|graduacion|fiesta de graduacion|ballo di fine anno|festa di diploma|maturaball|maturball)( \w+){0,8} (begleitung|date|cavalier|cavaliere|pareja|acompanante|acompanhante|par)\b",
            r"\bclass of (20)?(2[8-9]|3[0-2])\b",
            r"\b(how old|what age|wie alt|cuantos anos|quantos anos|quel age|quanti anni)( \w+){0,16} (a year off|a year short|one year off|a few months off|falta un ano|me falta un ano|falta um ano|me falta um ano|il me manque un an|mi manca un anno|mir fehlt (noch )?ein jahr|fehlt (noch )?ein jahr)\b",
            r"\b(noch keine|noch nicht|not yet|aun no tengo|todavia no tengo|ainda nao tenho|ainda nao fiz|j ai pas encore|je n ai pas encore|non ho ancora|non ne ho ancora) (18|achtzehn|eighteen|dieciocho|dezoito|dix huit|diciotto)\b",
            r"\b(le|la|un|une|notre|mon|ma|les) (surveillant\w*|pion|pionne|cpe)\b( \w+){0,4} (m a|me|nous|m|on)\b|\b(pause|recre|cantine|cours|bus|devoirs|controle) (de midi )?(au|du) (college|lycee)\b",
            r"\b(i miei|mis padres|meus pais|mes parents|meine eltern|my parents|mia madre|mio padre|mi madre|mi padre|my mum|my mom|my dad|ma mere|mon pere|minha mae|meu pai)( \w+){0,4} (staccano|stacca|unplug\w*|apagan|apaga|desligam|desliga|coupent|coupe|schalten|schaltet|take|takes|tolgono|toglie|quitan|quita|tiram|tira|prennent|prend|nehmen|nimmt)( \w+){0,2} (router|wifi|wlan|internet|telefono|phone|celular|movil|portable|handy|cellulare|tel)\b",
            r"\b(padre|madre|papa|mamma|dad|mom|mum|vater|mutter|pai|mae|pere|mere|papi|mami)( \w+){0,2} (dice|says|dit|sagt|dijo|disse|said|meint)( che| que| dass| that)? (a|at|con|mit|com|with) (1[0-7])( anni| anos| ans| jahren| years)? (non|no|shouldn t|can t|nao|ne|nicht|darf)\b",
            r"\b(1[0-7]) (anni|anos|years|ans|jahre)( \w+){0,6} (io ce li ho|yo los tengo|yo tengo esa edad|eu tenho|je les ai|i m that age|ich bin so alt)( \w+){0,1} (adesso|ahora|agora|maintenant|jetzt|now|right now)\b",
            r"\b(todavia no tengo|aun no tengo|no tengo todavia|ainda nao tenho|je n ai pas encore|j ai pas encore|non ho ancora|ich hab noch kein\w*|i don t have)( \w+){0,1} (cedula|ine|credencial de elector|titulo de eleitor|voter id|carte electorale)\b",
            r"\b(ano que vem|next year|el ano que viene|el proximo ano|l annee prochaine|nachstes jahr|l anno prossimo)( \w+){0,4} (vou pro|vou para o|entro no|entro en|i start|i m starting|empiezo|comienzo|je rentre|je passe|je vais|komme ich|ich komme|inizio|vado al|faccio)( \w+){0,1} (ensino medio|high school|secundaria|prepa|bachillerato|lycee|college|gymnasium|oberstufe|liceo|superiori|9th grade|ninth grade|freshman year|6 ano|7 ano|8 ano|9 ano)\b",
        ],
        NOT_MY_SCHOOL,
    ),
    // A sibling at college and the writer still in school: the sibling is the comparison.
    phrases(
        "underage",
        Input,
        Escalate,
        ALL,
        &[
            r"\b(she s|he s|they re|ella esta|elle est|sie ist|lei e) in (college|uni|university|la universidad|la fac|der uni|l universita)( \w+){0,4} (i m|im|yo|moi|ich|io|eu) (still |todavia |encore |noch |ancora |ainda )?(a |in |en |in der )?(freshman|sophomore|junior|high school|middle school|secundaria|prepa|lycee|college|schule|liceo|medie|escola)\b",
        ],
        &[],
    ),
    phrases(
        "underage",
        Input,
        Escalate,
        ALL,
        &[
            r"\b(je suis en|j suis en|chuis en|on est en|en) (seconde|premiere|terminale|[1-6] ?e secondaire|sixieme|cinquieme|quatrieme|troisieme|[3-6] ?e) (a \w+ )?(on a|j ai|ma prof|mon prof|notre prof|un prof|tout le monde|c est chiant|c est relou|les cours)\b",
        ],
        &[
            r"je suis prof|suis prof|en tant que prof|j enseigne|enseigne|mon neveu|ma niece|mon fils|ma fille|ma grande|mon grand|ma petite|mon petit|mes eleves|parents profs|reunion",
        ],
    ),
    phrases(
        "crisis",
        Input,
        Escalate,
        ALL,
        &[
            r"\b(fur immer|for good|forever|pour toujours|pour de bon|para siempre|pa siempre|pra sempre|para sempre|per sempre)( \w+){0,2} (abmeld\w*|verabschied\w*|log off|logging off|sign off|disappear|desaparecer|disparaitre|sparire|verschwinden)\b|\b(abmeld\w*|disappear|desaparecer|disparaitre|sparire|verschwinden|kiero desaparecer)( \w+){0,2} (fur immer|for good|forever|pour toujours|pour de bon|para siempre|pa siempre|pra sempre|para sempre|per sempre)\b",
            r"\b(personne|nobody|no one|nadie|ninguem|niemand|nessuno)( ne)?( me)? (regrettera|will miss me|would miss me|me extranaria|me echaria de menos|va a extranarme|vai sentir minha falta|sentiria minha falta|wird mich vermissen|wurde mich vermissen|mi rimpiangera|sentira la mia mancanza|me regretterait)\b",
            r"\b(bahnsteig|gleis|gleisen|platform|tracks|anden|via del tren|vias del tren|plataforma|trilhos|quai|rails|banchina|binari)( \w+){0,12} (schritt nach vorn\w*|step forward|paso adelante|passo a frente|pas en avant|passo avanti|wie einfach|how easy|lo facil|que facil|como seria facil|comme ce serait facile|quanto sarebbe facile|sarebbe facile|springen|spring|saltar|pular|sauter|buttarmi|tirarme|me jogar|me jeter)\b",
            r"\b(klinge|rasierklinge|blade|razor|cuchilla|navaja|gillette|lamina|lame|lametta|lama|cutter)( \w+){0,8} (in der hand|in my hand|en la mano|na mao|dans la main|in mano|mi chiama|calling me|me llama|me chama|m appelle|ruft mich|ruft nach mir)\b|\b(svv|ssv|selfharm|autolesion|autolesiones|automutilacion|autolesao|automutilation|autolesionismo)\b",
            r"\b(alles verschenkt|everything given away|given everything away|gave everything away|gave all my stuff away|regale todo|regalado todo|regale todas mis cosas|dei tudo|doei tudo|doei todas as minhas coisas|tout donne|donne toutes mes affaires|regalato tutto|ho dato via tutto|regalato tutte le mie cose)\b",
            r"\b(in ordine le mie cose|my affairs in order|my things in order|mis cosas en orden|todo en orden|minhas coisas em ordem|tudo em ordem|mes affaires en ordre|meine angelegenheiten geregelt|alles geregelt|meine sachen geregelt)( \w+){0,10} (salutare|goodbye|say bye|despedirme|me despedir|dizer adeus|dire au revoir|dire adieu|verabschieden|lettere|letters|cartas|lettres|briefe)\b|\b(scritto|written|wrote|escrito|escrevi|ecrit|geschrieben)( \w+){0,2} (lettere|letters|cartas|lettres|briefe)( \w+){0,6} (salutare|goodbye|say bye|despedirme|me despedir|dizer adeus|dire au revoir|dire adieu|verabschieden|addio|adieu|adios)\b",
            r"\b(spring\w*|jump\w*|saltar|salto|pular|pulo|sauter|saute|buttarmi|mi butto)( \w+){0,6} (allen egal|allen wurscht|allen wurst|nobody cares|no one cares|a nadie le importa|ninguem liga|ninguem se importa|personne s en fout|tout le monde s en fout|a nessuno importa|non frega a nessuno)\b",
            r"\b(kei uswag|keinen ausweg|kein ausweg|no way out|ninguna salida|no veo salida|sin salida|nao vejo saida|sem saida|aucune issue|pas d issue|nessuna via d uscita|non vedo via d uscita)\b|\bi mag (numme|nimmer|nimma)\b",
            r"^mich (selbst )?umbringen\b|\bmich umbringen (war|ware|wurde)\b",
            r"\b(tot|dead|die|dies|sterben|stirbt|nicht mehr lebt|no longer alive|muere|muerto|morre|morto|meurt|mort|muore)( \w+){0,10} (frag fur mich|asking for myself|asking for me|pregunto por mi|pergunto por mim|je demande pour moi|chiedo per me)\b",
            r"\b(can t|cannot|cant|no puedo|nao aguento|je peux pas|je ne peux pas|kann nicht|non ce la faccio a|non reggo)( \w+){0,2} (another day|one more day|un dia mas|otro dia mas|mais um dia|un jour de plus|encore un jour|noch einen tag|un altro giorno)\b",
            r"\b(si manana no contesto|si manana no respondo|if i don t answer tomorrow|if i don t reply tomorrow|si demain je reponds plus|si demain je ne reponds pas|wenn ich morgen nicht antworte|se domani non rispondo|se amanha eu nao responder|se amanha nao responder)( \w+){0,8} (valor|courage|mut|coraggio|coragem|pas a cause de toi|not because of you|no es por ti|nao foi por tua causa|nicht wegen dir|non e colpa tua|not your fault|pas ta faute|no es tu culpa|nao e culpa tua|nicht deine schuld)\b",
            r"\b(como hacerlo|how to do it|comment le faire|wie ich es mache|come farlo|como fazer isso|como faze lo)( \w+){0,2} (sin que duela|without (it )?hurting|without pain|sans que ca fasse mal|sans douleur|ohne dass es weh tut|ohne schmerzen|senza soffrire|senza dolore|sem doer|sem dor)\b",
            r"\b(hasta que sangro|hasta sangrar|until i bleed|till i bleed|jusqu a saigner|jusqu a ce que ca saigne|bis ich blute|bis es blutet|finche non sanguin\w*|ate sangrar)\b",
            r"\b(stanco di vivere|stanca di vivere|tired of living|tired of being alive|cansado de vivir|cansada de vivir|cansado de viver|cansada de viver|fatigue de vivre|lebensmude|mude zu leben)( punto| anymore| ya| mais| plus| piu| mehr)?( \||$)",
        ],
        HYPERBOLE,
    ),
    phrases(
        "crisis",
        Input,
        Escalate,
        ALL,
        &[
            r"\b(tra qualche giorno|fra qualche giorno|in a few days|en unos dias|en unos cuantos dias|daqui a uns dias|dans quelques jours|in ein paar tagen)( \w+){0,1} (non ci saro piu|i won t be here|i won t be around|ya no estare|no estare|nao estarei mais|ja nao estarei|je ne serai plus la|je serai plus la|bin ich nicht mehr da)\b",
        ],
        &[],
    ),
    phrases(
        "threat",
        Input,
        Escalate,
        ALL,
        &[
            r"\b(been watching|watching|watched|beobachte|observo|estou observando|je surveille|j observe|osservo|sto guardando)( \w+){0,2} (ur|your|dein\w*|tu|ton|ta|teu|tua|il tuo|la tua) (car|auto|coche|carro|voiture|macchina|house|haus|casa|maison|window|fenster|ventana|janela|fenetre|finestra|balcony|balkon|balcon|varanda|balcone|door|tur|puerta|porta|porte)\b",
            r"\b(dein|your|ur|tu|ton|ta|il tuo|la tua|teu|tua) (balkon|balcony|balcon|varanda|balcone|haus|house|casa|maison|immeuble|building|edificio|predio|palazzo|auto|car|coche|carro|voiture|macchina|tur|door|porte|porta|puerta|fenster|window|ventana|janela|fenetre|finestra)( \w+){0,12} (komm ich|ich komm\w*|i ll come|i ll drop by|je passe|paso|passo|vou passar|i walk past|i drive past|walk past|drive past|paso por delante|passo davanti|passo em frente|geh\w* (ich )?vorbei|fahr\w* (ich )?vorbei)\b",
            r"\b(je passe devant|i walk past|i drive past|i pass by|paso por delante|paso por tu|passo davanti|passo em frente|ich geh\w* vorbei|ich fahr\w* vorbei|ich komm\w* vorbei)( \w+){0,3} (tous les jours|every day|everyday|todos los dias|todo dia|todos os dias|ogni giorno|jeden tag|every morning|chaque jour|chaque matin)\b",
            r"\b(make|making|hacerte|fazer da|faire de|te pourrir|dir das leben zur|renderti)( \w+){0,1} (your|ur|tu|ta|la tua|dein) (life|vida|vie|leben|vita)( a)?( living)? (hell|un infierno|um inferno|un enfer|holle|un inferno)\b|\b(te pourrir la vie|hacerte la vida imposible|dir das leben zur holle|renderti la vita un inferno|fazer da tua vida um inferno|make your life hell|make ur life hell)\b",
            r"\b(find|finding|averiguar|descobrir|trouver|herausfinden|rausfinden|scoprire)( out)? (where|donde|onde|ou|wo|dove) (you|u|tu|voce|vc|du) (work|trabajas|trabalhas|trabalha|bosses|travailles|arbeitest|lavori|live|vives|moras|habites|wohnst|vivi|abiti)\b",
            r"\b(jaw wired shut|hospital food|comida de hospital|nourriture d hopital|bouffe d hopital|krankenhausessen|cibo d ospedale|comida de hospital|broken jaw|kiefer gebrochen|mandibula rota|queixo partido|machoire cassee|mascella rotta)\b",
            r"\b(open|abras|abrir|ouvriras|ouvrir|aufmachst|offnest|aprirai|aprire)( \w+){0,2} (front door|door|puerta|porta|porte|tur|haustur)( \w+){0,6} (me standing|be me|sere yo|serei eu|ce sera moi|werde ich|saro io|i ll be there|ich steh)\b",
            r"\b(si nadie|if no one|if nobody|se ninguem|si personne|se nessuno|wenn es keiner|wenn niemand)( \w+){0,3} (lo hago yo|i ll do it|i will do it|lo faccio io|je le ferai|je le fais|eu faco|faco eu|mach ich|tu ich)\b",
            r"\b(mato|kill|matar|tuer|umbringen|ammazzo)( \w+){0,8} (voy por usted|voy por ti|i ll come for you|i m coming for you|vou atras de voce|vou atras de ti|je viens pour toi|je viendrai pour toi|ich komm zu dir|ich hol dich|vengo da te|vengo per te|ti vengo a cercare)\b",
            r"\b(cramer|bruler|burn|burn down|quemar|queimar|abbrennen|abfackeln|anzunden|bruciare|dar fuoco a)( \w+){0,1} (ta|your|ur|tu|teu|tua|dein\w*|la tua|il tuo) (baraque|maison|house|casa|haus|bude|auto|car|voiture|coche|carro|macchina|appart|apartment|piso|apartamento|wohnung|appartamento)\b",
            r"\b(vou|i ll|i m gonna|voy a|je vais|ich werde|ti) (acabar com|ruin|ruiner|arruinar|destroy|destruir|detruire|zerstoren|rovinare|distruggere) (a )?(tua|teu|your|ur|tu|ta|ton|dein\w*|la tua) (vida|life|vie|leben|vita|carreira|career|carrera|carriere|karriere)\b",
            r"\b(dar uma licao|dar te uma licao|te dar uma licao|teach you a lesson|darte una leccion|te donner une lecon|dir eine lektion erteilen|darti una lezione)( \w+){0,6} (nunca mais|never forget|won t forget|no vas a olvidar|nunca vas a olvidar|tu oublieras pas|tu n oublieras jamais|nie vergessen|vergisst du nie|non dimenticherai)\b",
            r"\b(wirst du|you ll|you will|vas a|vais|vai|tu vas|you re gonna)( \w+)? (bluten|bleed|sangrar|saigner|sanguinare)\b",
        ],
        HYPERBOLE,
    ),
    phrases(
        "meeting_request",
        Input,
        Escalate,
        ALL,
        &[
            r"\b(was wurdest du nehmen|what would you charge|how much for|cuanto cobras|quanto cobras|combien tu prends|combien pour|quanto vuoi|quanto prendi|wie viel nimmst du|was nimmst du|was kostet)( \w+){0,4} (abend|night|evening|noche|noite|soiree|nuit|serata|date|cita|encontro|rdv|treffen|weekend)\b",
            r"\b(vivimos en la misma ciudad|we live in the same city|abitiamo nella stessa citta|moramos na mesma cidade|on habite la meme ville|wir wohnen in der gleichen stadt|wir wohnen in derselben stadt|we must be close|we must live close|debemos vivir cerca|devemos morar perto|on doit habiter pres|abitiamo vicini|we re neighbours|somos vecinos|somos vizinhos|on est voisins|wir sind nachbarn|siamo vicini|sto a \w+ pure io|estoy en \w+ tambien)( \w+){0,12} (cafe|cafecito|coffee|caffe|caffettino|kaffee|drink|beer|birra|cerveza|cerveja|bier|see each other|meet|vernos|vederci|nos ver|se voir|treffen|un giro|un paseo|uma volta)\b",
            r"\b(come|ven|vem|viens|komm|vieni)( \w+){0,2} (hang|stay|sleep|chill|party|quedate|fica|reste|bleib|resta)( \w+){0,2} (in|at|en|na|dans|im|nella|bei) (my|mi|minha|ma|mon|meiner|meinem|la mia|mir in der) (suite|room|hotel|habitacion|quarto|chambre|zimmer|camera|place|apartment)\b",
            r"\b(cuadremos|cuadrar|armemos|armar|hagamos|make|let s make|vamos marcar|bora marcar|marcar|on se fait|lass uns)( \w+){0,1} (un plan|plans|a plan|um role|um programa|un truc|was)( \w+){0,3} (usted y yo|tu y yo|vos y yo|you and me|you and i|io e te|eu e voce|eu e vc|toi et moi|du und ich|juntos|together|ensemble|zusammen|insieme)\b",
            r"\b(vediamoci|veamonos|voyons nous|retrouvons nous|let s meet up|let s link up|lass uns treffen|vamos nos ver|bora se ver|bora nos ver|bora se encontrar)( \w+){0,4} (stasera|tonight|esta noche|hoje a noite|hoje|ce soir|heute abend|domani|tomorrow|manana|amanha|demain|morgen|sul|sulla|on the|at the|en el|en la|no|na|au|a la|am|im)\b",
            r"\b(resto|restaurant|cafe|coffee|caffe|kaffee|drink|verre|bier|beer|cerveza|birra|essen) (irl|en vrai|in real life|de verdad|in echt|dal vivo|pessoalmente|en persona)\b",
            r"\b(mereco|i deserve|deserve|merezco|je merite|merite|verdiene|ich verdiene|merito)( \w+){0,3} (um cafe|a coffee|un cafe|un caffe|einen kaffee|a date|una cita|um encontro|un rdv|un appuntamento|a drink|una copa|un verre|un drink|dinner|una cena|um jantar)( \w+){0,2} (contigo|with you|avec toi|mit dir|con te|com voce|com vc)\b",
            r"\b(fica|it s|esta|c est|ist|e|queda|sta) a \d+ (min|mins|minutos|minutes|minuti|minuten|km)( \w+){0,1} (de mim|from me|de mi|de moi|von mir|da me)\b",
            r"\b(donne moi|dis moi|dime|me diz|dimmi|sag mir|tell me|give me)( \w+){0,1} (ta|your|tu|tua|teu|deine|la tua|ur) (ville|city|ciudad|cidade|citta|stadt|adresse|address)( \w+){0,4} (je prends|i ll take|i ll get on|tomo|pego|prendo|nehm\w*|ich nehm\w*|je saute dans)( \w+){0,2} (tgv|train|tren|trem|treno|zug|ice|bus|avion|plane|flight|vuelo|voo|volo|flug|flixbus)\b",
            r"\b(sabado|domingo|sexta|viernes|samedi|vendredi|dimanche|samstag|freitag|sonntag|sabato|venerdi|domenica|saturday|friday|sunday|amanha|manana|demain|morgen|domani|tomorrow) (as |a las |a |um |alle |at )?\d{1,2} ?(h|uhr|pm|am|hs)? (no|na|al|en el|en la|au|a la|am|im|at the|nel|alla) (bar|cafe|restaurante|restaurant|ristorante|pub|kneipe|praca|plaza|piazza|place|parque|parc|park)\b",
        ],
        &[
            GAMES,
            r"in my dreams|en mis suenos|nos meus sonhos|dans mes reves|in meinen traumen|nei miei sogni|in another life|en otra vida|noutra vida|dans une autre vie|in einem anderen leben|in un altra vita",
            r"live|stream|en directo|en direct|in diretta|chat|dm|call|llamada|chamada|appel|anruf|chiamata|video",
        ],
    ),
    phrases(
        "payment_dispute",
        Input,
        Escalate,
        ALL,
        &[
            r"\b(card|charge|abbuchung|cargo|tarjeta|cartao|carte|karte|carta|addebito|cobranca|prelevement|konto|account|bank|banco|banque|banca|sparkasse)( [a-z0-9$.,%]+){0,10} (war nicht von mir|wasn t me|wasn t mine|didn t buy anything|didnt buy anything|didn t authori[sz]e|never authori[sz]ed|no fui yo|no compre nada|nao fui eu|nao comprei nada|c etait pas moi|j ai rien achete|je n ai rien achete|hab nichts gekauft|non ero io|non ho comprato niente|non l ho autorizzato)\b",
            r"\b(reversing|reverse|revert\w*|stornier\w*|annuler|revertir|reverter|estornar|stornare|charging back|chargeback)( \w+){0,2} (every|all|each|todos|todas|tous|toutes|alle|tutti|tutte)( \w+){0,1} (payment|payments|charge|charges|pago|pagos|pagamento|pagamentos|paiement|paiements|zahlung|zahlungen|pagamenti|transactions?)\b|\b(fraud|betrug|fraude|arnaque|truffa|estafa|scam)( \w+){0,6} (report\w* (the|your|this) account|reporting you|melde (dich|dein)|denunci\w* (tu|la|a) (cuenta|conta)|signal\w* (ton|le) compte|segnal\w* (il tuo )?(account|profilo))\b",
            r"\b(call\w*|contact\w*) my (card provider|card company|credit card company|card issuer|bank)( \w+){0,2} (about this|about it|about you|over this|about the charge)\b|\b(nothing like the preview|nada que ver con el preview|nada a ver com a previa|rien a voir avec l apercu|nichts wie die vorschau|niente a che vedere con l anteprima)\b",
            r"\b(zahlt|bezahlt|paid|pague|paguei|paye|pagato)( \w+){0,5} (und|and|y|e|et) (nut|nuet|nichts|nix|nothing|nada|rien|niente|nulla) (ubercho|bekommen|gekriegt|erhalten|got|received|recibi|recebi|recu|ricevuto|arrivato)\b",
            r"\b(au lieu de|instead of|en vez de|em vez de|invece di|statt|anstatt) \d+( \w+){0,4} (tip|pourboire|mancia|propina|gorjeta|trinkgeld)\b|\b(rendre|give back|refund|devolver|devolverme|restituir\w*|zuruck\w*|rembourser)( \w+){0,2} (la diff|la difference|the difference|la diferencia|a diferenca|la differenza|die differenz)\b",
        ],
        &[OTHER_MERCHANTS, JOKING],
    ),
    phrases(
        "ai_question",
        Input,
        Flag,
        ALL,
        &[
            r"\b(do you have|have you got|hast du|tienes|tens|tu as|hai|voce tem|vc tem|habt ihr)( \w+){0,2} (leute|people|gente|personas|pessoas|gens|personnes|persone|someone|jemand\w*|alguien|alguem|quelqu un|qualcuno|a team|ein team|un equipo|uma equipe|une equipe|un team)( \w+){0,5} (chats|chat|schreib\w*|write|writes|writing|answer\w*|escrib\w*|respond\w*|escrev\w*|ecri\w*|repond\w*|scriv\w*|rispond\w*|texting|messages|machen)\b",
            r"\b(se for|if (it s|you re|ur)|si es|si eres|si c est|si t es|wenn du|wenn das|se sei|se e) (um |a |an |un |une |ein |una |uma |n )?(robo|robot|roboter|bot|ia|ai|ki|maquina|machine|macchina)\b",
        ],
        &[],
    ),
    // ---- fan messages: round 33 (a confirmation camp, the Swiss Kanti, Unterstufe done, a
    // school camp with the 7b, "not allowed a card till I'm older", a learner's permit, not
    // actually 18, "bio 14", a practice ENEM, a student card that says 16, "I'm in 8th"; a
    // will and a home for the dog, "ich mach dem ein Ende", a note written in peace, a burden
    // soon gone, "I won't be here to see it", one step from the platform, only the courage
    // missing, "they're right" after kys, treatment stopped on purpose; seen at the baker's in
    // a blue jacket, behind her at the bus stop, a brother's whole class, waiting there every
    // day, "je te fais la peau", where her sister works, "pull up on u", "if I can't have
    // you", lucky I live far, "'ndo lavori"; coming to Paris and free for a coffee, invited to
    // supper, the nearest airport, her birthday party and his friends, "tell me where you'll
    // be tonight"; a bank left to reverse it, an unrecognised charge, cancelled but charged
    // again, a charge for nothing bought, small claims; accounts run by AI, a guy typing for
    // her) ----
    phrases(
        "underage",
        Input,
        Escalate,
        ALL,
        &[
            r"\b(konfi|konfirmanden|firm|confirmation|cresima|catechismo|catequese|catequesis|cresimandi)\w*( \w+){0,1} (freizeit|camp|fahrt|unterricht|kurs|class|classes|retreat|ritiro|campamento|acampamento|retiro|weekend|wochenende)\b",
            r"\b(gang|gange|gah|goh|bin|gehe|geh)( no| noch)? (id|i de|in die|ins|is|uf d|a d) (kanti|gymi|sek|oberstufe|bez|schuel)\b",
            r"\b(unterstufe|mittelstufe) (endlich )?(geschafft|vorbei|fertig|rum)\b|\bnachstes jahr (oberstufe|mittelstufe|gymi|kanti)\b|\bmatura dauert\b",
            r"\bschullandheim\b|\b(klassenfahrt|gita scolastica|classe verte|classe de neige|excursion escolar|viagem de estudo|school trip|class trip)( \w+){0,2} (mit der|with|con la|avec la|com a) ([5-9]|1[0-2]) ?[a-f]\b",
            r"\b(not allowed|can t have|cant have|no me dejan tener|nao posso ter|pas le droit d avoir|darf (noch )?kein\w*|non posso avere)( \w+){0,4} (till|until|til|hasta que|ate|jusqu a ce que|bis|finche)( \w+){0,2} (older|mayor|mais velh\w*|plus grand\w*|alter|alt genug|piu grande|18|eighteen)\b",
            r"\b(got|passed|get|getting|have|my)( \w+){0,2} (learners|learner s|learner|learning) (permit|licence|license)\b",
            r"\b(not actually|not really|no soy realmente|nao tenho realmente|pas vraiment|nicht wirklich|non ho davvero) (18|eighteen|dieciocho|dezoito|dix huit|achtzehn|diciotto)\b|\b(clicked|pressed|hit|tapped|puse|di|dei|clique|geklickt|cliccato) (yes|si|sim|oui|ja) (on|en|no|sur|bei|su|a) (the |el |la |o |a |l |das )?(age|edad|idade|alter|eta)\b",
            r"\b(bio|about me|sobre mi|sobre mim|profil|profile|perfil|profilo) (1[0-7])\b",
            r"\b(treineir[oa]|de treino no enem)\b",
            r"\b(schulerausweis|student id|school id|carnet escolar|carteirinha de estudante|carteirinha da escola|carte scolaire|carte de cantine|tessera della scuola|tessera studente)( \w+){0,2} (sagt|says|dice|diz|dit|zeigt|shows) (1[0-7])\b",
            r"\bgrade( \w+){0,8} (i m|im|i am) in (the )?([5-9]|1[0-2]) ?(th)?\b",
        ],
        // Not the whole school veto: its past tense ("war", "era") would spare "Konfi-Freizeit
        // war langweilig", said today of today.
        &[
            r"\b(lehrer\w*|teacher|prof|profe|professor\w*|maestr[oa]|insegnante|coach|trainer\w*|allenatore|entrenador|treinador|entraineur)\b",
            r"\b(my|mein|meine|mi|meu|minha|mon|ma|mio|mia|our|unser\w*|nuestr[oa]|nosso|nossa|notre|nostr[oa]) (son|daughter|kid|kids|sohn|tochter|kind|kinder|hij[oa]s?|filh[oa]s?|fils|fille|enfants?|figli[oa]?|filleul\w*|afilhad[oa]|patenkind)\b",
        ],
    ),
    phrases(
        "crisis",
        Input,
        Escalate,
        ALL,
        &[
            r"\b(testament|my will|testamento)( \w+){0,12} (hund|dog|perro|cachorro|chien|cane|katze|cat|gato|chat|gatto|hamster|pets|mascotas|bichos)\b",
            r"\b(mach|mache|machen|setz|setze) (dem|dem ganzen|allem) (jetzt |heute |bald )?(ein )?ende\b",
            r"\b(wrote|written|writing|finished|escribi|escrevi|j ai ecrit|geschrieben|scritto|ho scritto) (my|the|mi|minha|ma|meinen|il mio|la mia) (note|letter|carta|lettre|brief|lettera|nota)( \w+){0,6} (peaceful|calm|ready|tranquil\w*|en paz|em paz|paisible|apaise\w*|ruhig|friedlich|in pace|seren[oa]|calm[oa])\b",
            r"\b(fatigue\w*|tired|cansad\w*|mude|stanc\w*|marre)( \w+){0,2} (d etre|of being|de ser|zu sein|di essere) (un|a|una|um|eine) (poids|burden|carga|peso|last|fardeau|fardo)\b|\b(bientot|soon|pronto|bald|presto|em breve)( \w+){0,3} (debarrass\w*|rid of me|libres de mi|livres de mim|mich los|liberi di me|sbarazzat\w*)\b",
            r"\b(je serai plus la|je ne serai plus la|i won t be here|i won t be around|ya no estare|no estare|nao vou estar (mais )?aqui|ich bin (dann )?nicht mehr da|non ci saro piu|non saro piu qui)( \w+){0,3} (pour le voir|to see it|para verlo|pra ver|um es zu sehen|per vederlo)\b",
            r"\b(banchina|binario|platform|anden|plataforma|quai|bahnsteig|gleis|ponte|puente|pont|brucke|bridge|tetto|roof|balcon\w*|balkon)( \w+){0,8} (basta un passo|just one step|one step|un solo paso|solo un paso|so um passo|um passo|un seul pas|un pas|nur ein schritt|ein schritt)\b",
            r"\b(so falta|only thing left is|all that s left is|solo falta|il ne manque que|il me manque que|fehlt nur noch|manca solo)( \w+){0,2} (coragem|courage|valor|coraje|mut|coraggio)\b",
            r"\b(arrete|stopped|quit|deje|parei|abgesetzt|smesso|interrotto)( \w+){0,2} (mon|my|mi|meu|meinen|meine|il mio|la mia|mes|mis|meus) (traitement|medication|meds|medicacion|medicamentos|remedios|medikamente|farmaci|cure|tratamiento|tratamento|pills|pastillas|cachets)( \w+){0,3} (expres|on purpose|a proposito|de proposito|absichtlich|apposta|a quoi bon|what s the point|para que|pra que|wozu|a che serve)\b",
        ],
        HYPERBOLE,
    ),
    phrases(
        "threat",
        Input,
        Escalate,
        ALL,
        &[
            r"\b(du warst|you were|estabas|estavas|t etais|tu etais|eri|ieri eri) (heute|heut|today|hoy|hoje|aujourd hui|oggi|ce matin|this morning|stamattina|gestern|yesterday|ayer|ontem|hier|ieri)( \w+){0,10} (jacke|jacket|coat|mantel|chaqueta|casaco|jaqueta|manteau|veste|cappotto|giacca|kleid|dress|vestido|robe|vestito|mutze|hoodie|gorro|bonnet|cappello|leggings)\b",
            r"\b(ero|i was|estaba|estava|j etais|ich war|ich stand)( \w+){0,6} (dietro di te|behind you|detras de ti|atras de voce|atras de ti|derriere toi|hinter dir)\b",
            r"\b(ganze|whole|toda|toute|tutta) (klasse|class|clase|turma|classe|schule|school)( \w+){0,2} (sieht|sees|see|ve|vea|veja|voit|voie|vede|veda|erfahrt|finds out|sapra|sabra|sabera|saura)\b",
            r"\b(wait|waiting|esperar\w*|espero|attendre|attends|warten|warte|aspett\w*)( \w+){0,3} (there|ahi|alli|la|dort|li)( \w+){0,2} (every day|todos los dias|todo dia|todos os dias|tous les jours|jeden tag|ogni giorno|tutti i giorni)( \w+){0,2} (til|till|until|hasta|ate|jusqu|bis|finche)\b",
            r"\b(je te fais la peau|je vais te faire la peau|on va te faire la peau|te faire la peau)\b",
            r"\b(weiss|know|se|sei|sais|so)( \w+){0,3} (wo|where|donde|onde|ou|dove) (deine|your|ur|tu|tua|ta|ton|sua|seu|teu) (\w+ )?(schwester|bruder|mutter|mama|vater|papa|sister|brother|mom|mum|dad|hermana|hermano|madre|padre|irma|irmao|mae|pai|soeur|frere|mere|pere|sorella|fratello|familie|family|familia|famille|famiglia|freund\w*|boyfriend|novio|namorado|copain|ragazzo|kids|kinder|hijos|filhos|enfants|figli) (arbeitet|wohnt|works|lives|trabaja|vive|trabalha|mora|travaille|habite|lavora|abita|studies|studiert|estudia|estuda|etudie|studia)\b",
            r"\b(ima|i m gonna|imma|im gonna|i ll|gonna) pull up on (u|you|ya)\b",
            r"\b(if i can t have you|if i cant have you|si no puedo tenerte|si no eres mia|se eu nao posso te ter|se nao posso te ter|si je ne peux pas t avoir|si je peux pas t avoir|wenn ich dich nicht haben kann|se non posso averti)( \w+){0,2} (nobody|no one|nadie|ninguem|personne|niemand|nessuno)\b",
            r"\b(lucky|fortunata|fortunato|suerte|sorte|chanceuse|chance|gluck)( \w+){0,3} (i live far|abito lontano|vivo lejos|moro longe|j habite loin|ich wohne weit weg|wohn weit weg)\b|\bpassare la voglia di ridere\b",
            r"\b(so|lo so|sacc|saccio) (ndo|addo) (lavori|abiti|stai|vivi|fatichi)\b|\bte vengo a cerca\w*\b",
        ],
        &[
            GAMES,
            JOKING,
            r"nel mio cuore|in my heart|en mi corazon|no meu coracao|dans mon coeur|in meinem herzen|nei miei sogni|in my dreams",
        ],
    ),
    phrases(
        "meeting_request",
        Input,
        Escalate,
        ALL,
        &[
            r"\b(je monte a|je descends a|je viens a|je serai a|i ll be in|i m coming to|voy a|estare en|vou pra|estarei em|ich komme nach|ich bin in|vengo a|saro a)( \w+){0,8} (t es dispo|tu es dispo|are you free|you free|estas libre|tas livre|esta livre|bist du frei|hast du zeit|sei libera|sei disponibile)( \w+){0,3} (pour un|for a|para un|para uma|pra um|fur einen|auf einen|per un)\b",
            r"\b(j t invite|je t invite|i ll take you|te invito|te convido|ich lade dich|ti invito) (a|to|al|pra|para|zum|ein|a cena) (souper|diner|dinner|cenar|cena|jantar|abendessen|essen|pranzo|brunch|dejeuner|lunch|almoco|almorzar)\b",
            r"\b(closest airport|nearest airport|aeropuerto mas cercano|aeroporto mais proximo|aeroport le plus proche|nachster flughafen|nachsten flughafen|aeroporto piu vicino)\b|\b(fly you out|fly u out|te pago el vuelo|pago tua passagem|pago a tua passagem|je te paie le billet|ich fliege dich|ti pago il volo)\b",
            r"\b(viens|come|ven|vem|komm|vieni) (a|to|al|pra|para|zu|alla) (mon|my|mi|meu|minha|meinem|meiner|mia|il mio|la mia) (anniv|anniversaire|birthday|bday|party|fete|soiree|cumple|fiesta|festa|aniversario|geburtstag|compleanno)\b|\b(presenter|introduce you|presentarte|te apresentar|dich vorstellen|presentarti)( \w+){0,1} (a|to|a mis|aos|meinen|ai)( \w+){0,2} (potes|amis|friends|mates|amigos|amigas|freunden|kumpels|amici|famille|family|familia|famiglia|eltern|parents)\b",
            r"^(on se voit|bora se ver|bora nos ver|vamos nos ver|sehen wir uns|treffen wir uns|can we meet|shall we meet|wanna meet)( (quand|when|wann|quando|cuando|irl|en vrai|de verdade|mal|sometime|up|un jour|someday))?$",
            r"\b(me fala|me diz|dime|tell me|dis moi|sag mir|dimmi) (onde|donde|where|ou|wo|dove) (vc|voce|tu|you|u|du) (vai|vas|will|are|seras|bist|sarai)( \w+){0,2} (hoje|hj|hoy|tonight|today|ce soir|aujourd hui|heute|stasera|oggi|a noite|esta noche)\b",
        ],
        &[JOKING],
    ),
    phrases(
        "payment_dispute",
        Input,
        Escalate,
        ALL,
        &[
            r"\b(let them|let the bank|dejar que|deixar|les laisser|lasse sie|lascio che)( \w+){0,1} (reverse|revertir|estornar|annuler|zuruckbuchen|stornare) it\b|\b(content|contenido|conteudo|contenu|inhalt|contenuto)( \w+){0,2} (wasn t|wasnt|was not|no era|nao era|n etait pas|netait pas|war nicht|non era) (what|lo que|o que|ce que|was|quello che) (u|you|tu|voce|vc|du) (described|promised|said|describiste|prometiste|descreveu|prometeu|as decrit|avais promis|beschrieben|versprochen|descritto|promesso)\b",
            r"\b(cargo no reconocido|cobro no reconocido|compra no reconocida|unrecognized charge|unrecognised charge|cobranca nao reconhecida|compra nao reconhecida|debit non reconnu|paiement non reconnu|unbekannte abbuchung|addebito non riconosciuto)\b",
            r"\b(resilie|cancelled|canceled|cancele|cancelei|gekundigt|disdetto|cancellato|di de baja)( \w+){0,12} (repreleve|preleve|charged again|billed again|cobrado otra vez|me cobraron|cobrado de novo|me cobraram|abgebucht|addebitato|rinnovato)\b",
            r"\b(addebito|charge|cargo|cobro|cobranca|prelevement|debit|abbuchung|kontoauszug|statement|extracto|extrato|releve|estratto)( [a-z0-9.,$%]+){0,12} (non ho comprato (nulla|niente)|didn t buy|never bought|no compre nada|nunca compre|nao comprei nada|nunca comprei|rien achete|jamais achete|nichts gekauft|nie gekauft|mai comprato)\b",
        ],
        &[OTHER_MERCHANTS],
    ),
    // "I'll sue you … for keeping me awake thinking of you" is a compliment.
    phrases(
        "payment_dispute",
        Input,
        Escalate,
        ALL,
        &[
            r"\b(te processo|vou te processar|te denuncio|i ll sue you|te demando|je te poursuis|ich verklage dich|ti faccio causa)\b|\b(juizado de pequenas causas|small claims|petites creances|giudice di pace)\b",
        ],
        &[
            OTHER_MERCHANTS,
            JOKING,
            r"\b(por me deixar|por me fazer|for making me|for keeping me|por hacerme|por dejarme|pour m avoir|per avermi|perche mi fai|weil du mich)\b",
        ],
    ),
    phrases(
        "ai_question",
        Input,
        Flag,
        ALL,
        &[
            r"\b(accounts?|konten|cuentas|contas|comptes|profili|profiles)( \w+){0,3} (run|ran|managed|operated|laufen|gestiti|manejad\w*|gerenciad\w*|geres|betrieben)( \w+){0,1} (by|uber|por|par|da|mit|con) (ai|ki|ia|bots?|chatgpt|robots?)\b",
            r"\b(not|no eres|nao e|pas|nicht|non sei)( \w+){0,2} (some|a|un|una|um|ein|irgendein) (guy|dude|man|tipo|chico|cara|mec|type|gars|typ|kerl|tizio|ragazzo)( \w+){0,3} (typing|writing|escribiendo|digitando|escrevendo|qui ecrit|qui tape|der schreibt|che scrive) (for|por|pra|para|a ta place|fur|per)\b",
        ],
        &[],
    ),
    // ---- fan messages: round 32 (read by an employee, AI left to answer, writers in her name,
    // instructions to forget, "just some language model"; a split "tu mir was an", the wheel
    // not turned, a roof for an hour, a lighter on the skin, a train to jump in front of,
    // "won't make it through the weekend", vanishing for good, a plan and a date, bleeding out,
    // hurting oneself again, going without pain; a case opened at PayPal, a reversal, billed
    // more than the price, a tip typed wrong, missing promised photos, writing to Visa; a beer
    // as neighbours, a plus one with flights paid, "tell me where and I'll come", "you name the
    // place and time", a flight on her free day, just a coffee for ten minutes, finding each
    // other at a festival, a catch-up for a drink, a real dinner, dialect "se vedemo"; the
    // Swiss Sek, a phone taken by a parent, a sophomore at a named high school, a bar mitzvah,
    // no phones at school, a teacher in class, a lunch lady, a school coordinator, a class's
    // trip, "in my grade", a birthday present for the 14th, a charge hidden from parents, a
    // card only after high school, the school bus, a Brazilian integrated course; a
    // grandmother's number, classmates who should know, a gun and nothing to lose, an IP in
    // two days, "you won't like it", a real name known, a plate read, "I'll do something
    // stupid to you", a place from her story, "we'll find you", where she works, her
    // neighbourhood located, waiting outside her gym, Neapolitan threats) ----
    phrases(
        "ai_question",
        Input,
        Flag,
        ALL,
        &[
            r"\b(lesen sie|liest du|do you read|are you reading|lees tu|lo lees|tu lees|voce le|vc le|tu le|leggi tu|leggete)( \w+){0,3} (selbst|yourself|tu misma|tu mismo|toi meme|voce mesma|pessoalmente|tu stessa|personally|personlich)( \w+){0,1} (oder|or|o|ou|oppure)\b",
            r"\b(lassen|let|use|dejan|usan|deixam|usam|laissent|utilisent|lasciano|usano|fa|fanno)( \w+){0,4} (die |an |la |a |l |una |uma |une )?(ki|ai|ia|chatgpt|gpt|bot|bots) (antworten|answer|reply|responder|contestar|repondre|rispondere|schreiben|write|escribir|escrever|ecrire|scrivere)\b",
            r"\b(schreib\w*|antwort\w*|writ\w*|answer\w*|escrib\w*|contest\w*|escrev\w*|respond\w*|ecri\w*|repond\w*|scriv\w*|rispond\w*)( \w+){0,3} (in deinem namen|in your name|on your behalf|en tu nombre|em seu nome|em teu nome|no seu lugar|en ton nom|a ta place|a nome tuo|al posto tuo|per conto tuo)\b",
            r"\b(oublie|ignore|forget|olvida|esquece|vergiss|dimentica|ignora)( \w+){0,1} (tes|your|tus|tuas|suas|as tuas|deine|le tue|toutes tes|all your|all previous|previous|precedenti|anteriores|vorherigen) (\w+ )?(consignes|instructions|instrucciones|instrucoes|anweisungen|istruzioni|regles|rules|prompt|prompts|reglas|regras|regeln|regole)\b",
            r"\b(quel modele|what model|which model|que modelo|qual modelo|welches modell|che modello|quale modello) (tu es|es tu|are you|eres|e voce|voce e|bist du|sei)\b",
            r"\b(not|no eres|nao e|nao es|pas|nicht|non sei|isn t|aren t)( \w+){0,3} (language model|modelo de lenguaje|modelo de linguagem|modele de langage|sprachmodell|modello linguistico|llm)\b",
        ],
        &[],
    ),
    phrases(
        "crisis",
        Input,
        Escalate,
        ALL,
        &[
            r"\b(tu|tue) mir( \w+){0,3} (was|etwas|noch was) an\b",
            r"\b(think|thought|pienso|penso|je pense|denke|ich denk\w*)( \w+){0,6} (not turning the wheel|not turn the wheel|not hitting the brakes|no girar el volante|no frenar|nao virar o volante|nao frear|ne pas tourner le volant|ne pas freiner|nicht (zu )?lenken|nicht (zu )?bremsen|non girare il volante|non frenare)\b",
            r"\b(plus la force|no strength left|no tengo fuerzas|sin fuerzas|nao tenho forcas|sem forcas|keine kraft mehr|non ho piu la forza|senza forze|j en peux plus|can t take it|no puedo mas|nao aguento|kann nicht mehr|non ce la faccio)( \w+){0,10} (prepare|prepared|preparado|preparei|vorbereitet|preparato|pret|ready|listo|pronto|bereit)\b",
            r"\b(on the roof|sul tetto|en el techo|en la azotea|no telhado|na laje|sur le toit|auf dem dach|aufm dach) (of the|of my|del|de mi|do|do meu|de l|de mon|des|vom|von meinem) (building|palazzo|edificio|predio|immeuble|hauses|haus|hochhaus)( \w+){0,2} (for|da|desde hace|ha|faz|depuis|seit) (an|one|un|una|uma|une|einer|\d+|two|due|dos|duas|deux|zwei) (hour|hours|ora|ore|hora|horas|heure|heures|stunde|stunden)\b",
            r"\b(accendino|lighter|mechero|encendedor|isqueiro|briquet|feuerzeug|cigarette|sigaretta|cigarro|zigarette)( \w+){0,3} (sulla pelle|on my skin|on my arm|en la piel|en el brazo|na pele|no braco|sur ma peau|sur la peau|sur mon bras|auf der haut|auf meiner haut|am arm|sul braccio)\b",
            r"\b(me jogo|me jogar|me atiro|me tiro|me tirar|me lanzo|me aviento|i ll jump|jump|je me jette|me buttare|mi butto|mi getto|werf mich|werfe mich)( \w+){0,1} (na frente do|na frente de|em frente ao|debaixo do|delante del|delante de un|debajo del|in front of a|in front of the|under a|under the|devant le|devant un|sous le|sous un|davanti al|davanti a un|sotto il|sotto un|vor den|vor einen|vor die|unter den) (trem|metro|onibus|carro|caminhao|tren|metro|camion|coche|autobus|train|subway|bus|truck|car|rame|voiture|treno|macchina|tram|zug|lkw|auto|u bahn|s bahn)\b",
            r"\b(don t think|dont think|doubt|no creo que|nao acho que|acho que nao|je (ne )?pense pas|glaub nicht|glaube nicht|non credo)( \w+){0,2} (make it|llegue|passe|chegue|tenir|tiendrai|passer|schaffe|uberlebe|arrivare|arrivi)( \w+){0,1} (through|past|to|al|a|ate|jusqu|bis|a|fino a) (this|the|next|este|esse|ce|le|dieses|das|nachste|questo|il|el|o|la) (weekend|week|night|month|christmas|fin de semana|semana|noche|mes|navidad|fim de semana|noite|natal|week end|semaine|nuit|mois|noel|wochenende|woche|nacht|monat|weihnachten|fine settimana|settimana|notte|mese|natale)\b",
            r"\b(disappear|vanish|desaparecer|sumir|disparaitre|verschwinden|sparire|scomparire)( \w+){0,4} (permanently|for good|forever|para siempre|pra sempre|para sempre|de vez|pour toujours|definitivement|pour de bon|fur immer|per sempre|definitivamente)\b",
            r"\b(tired|cansad\w*|fatigue\w*|mude|stanc\w*|done|harto|farto|marre|satt|sick of)( \w+){0,10} (i ve got|i have|got|tengo|tenho|j ai|ich hab\w*|ho) (a|un|una|um|uma|einen|ein) (plan|plano|piano) (and|y|e|et|und) (a|una|uma|une|ein\w*|un|el|o|la|le|das) (date|fecha|data|datum|dia|jour|giorno|tag)\b",
            r"\b(bleed out|bleed to death|desangrar\w*|desangrarme|sangrar ate morrer|me vider de mon sang|se vider de son sang|verbluten|dissanguar\w*|morire dissanguat\w*)\b",
            r"\b(will|mochte|muss|would like to|want to|wanna|quiero|quero|veux|voglio)( \w+){0,2} (mir|myself|me|mi|me faire)( \w+){0,1} (wieder |again |otra vez |de novo |encore |di nuovo )?(weh ?tun|wehtun|hurt|hacerme dano|me machucar|du mal|del male|farmi male)\b",
            r"\b(comment|how to|how do you|como|come|wie man|wie)( \w+){0,1} (partir|go|leave|irme|ir embora|andare|gehen|morir|morrer|mourir|sterben|morire|die|end it|en finir|acabar|finire|ir)( \w+){0,2} (sans (avoir )?mal|without pain|painlessly|sin dolor|sem dor|senza dolore|ohne schmerzen|sans souffrir|sin sufrir|sem sofrer|senza soffrire|schmerzlos)\b",
        ],
        HYPERBOLE,
    ),
    phrases(
        "payment_dispute",
        Input,
        Escalate,
        ALL,
        &[
            r"\b(paypal|bank|visa|mastercard|kreditkart\w*|amex|klarna|banco|banque|banca)( \w+){0,4} (nen |einen |ein |un |a |um |une )?(fall|konflikt|streitfall|reklamation|case|caso|litige|dossier|disputa|reclamo|reclamacao|reclamacion)( \w+){0,1} (eroffnet|aufgemacht|gemeldet|opened|abierto|abri|abrimos|aberto|ouvert|aperto)\b",
            r"\b(doing|do|file|filing|request\w*|initiat\w*|start\w*|open\w*) (a |the )?(charge |payment )?reversal\b|\b(chiedo|richiedo|ho chiesto|faccio|mach\w*|beantrag\w*) (lo |einen |nen )?storno\b",
            r"\b(why|por que|porque|pourquoi|warum|wieso|perche)( \w+){0,3} (billed|charged|cobrado|cobraram|cobraron|me cobraste|factur\w*|preleve|debite|abgebucht|berechnet|addebitat\w*)( [a-z$]+){0,3} \d+",
            r"\b(mancia|tip|propina|gorjeta|pourboire|trinkgeld)( \w+){0,4} (era un errore|was a mistake|was an accident|fue un error|foi um erro|foi engano|etait une erreur|war ein fehler|war ein versehen)\b|\b(volevo mettere|i meant to (put|send|type)|queria poner|queria mandar|eu queria por|eu queria mandar|je voulais mettre|ich wollte (nur )?\d+)( \w+){0,8} (restitui\w*|refund\w*|devolv\w*|rembours\w*|zuruck\w*|back|indietro|ridat\w*|estorn\w*)\b",
            r"\b(scrivo|scrivero|writing|write|escribo|escribire|escrevo|escreverei|j ecris|je vais ecrire|schreibe|schreib)( \w+){0,3} (a |to |an |al |ao |a la )?(visa|mastercard|amex|paypal|la banca|my bank|mi banco|meu banco|ma banque|meine bank|die bank)\b",
            r"\b(half|meta|la mitad|metade|la moitie|die halfte)( \w+){0,3} (photos|foto|fotos|bilder|videos|video|pics)( \w+){0,1} (promised|promesse|prometidas|prometidos|prometid\w*|promises|versprochen\w*)\b|\b(missing|mancano|faltan|faltam|manquent|fehlen)( \w+){0,4} (promised|promesse|prometid\w*|promises|versprochen\w*)\b",
        ],
        &[OTHER_MERCHANTS],
    ),
    phrases(
        "meeting_request",
        Input,
        Escalate,
        ALL,
        &[
            r"\b(wohnst du|you live|vives|moras|tu habites|abiti|lebst du)( \w+){0,12} (auf|for|para|pour|per|zu) (a|ein|eine|einen|nen|ne|un|una|um|uma|une) (halbe|bier|kaffee|drink|beer|coffee|cerveza|cerveja|biere|birra|caffe|cafe|cafezinho|verre|spritz|aperitivo|chela|cana|pint)\b",
            r"\b(as my|como mi|como minha|como meu|comme ma|comme mon|als meine|als mein|come mia|come mio) (plus one|date|acompanhante|acompanante|cavaliere|begleitung|pareja|companion)\b",
            r"\b(flights?|flight|voo|voos|vuelo|vuelos|billets? d avion|flug|fluge|volo|voli|plane tickets?) (on me|pago yo|por mi cuenta|por minha conta|pago eu|je paie|offerts?|zahl ich|geht auf mich|bezahl ich|offro io|pago io|te lo pago)\b",
            r"\b(tu me dices|me dices|dime|diz|me diz|tu me dis|dis moi|sag mir|dimmi|you tell me|just tell me|tell me) (donde|onde|ou|wo|dove|where)( \w+){0,3} (y llego|y voy|e eu vou|e chego|e vou|et j arrive|j arrive|j y vais|und ich komme|komm ich|e arrivo|e vengo|and i ll (be there|come)|i ll be there)\b|\b(je viens|i ll come|voy|vou|ich komme|vengo|i come) (ou|where|donde|onde|wo|dove|wherever|a donde) (tu veux|you want|quieras|voce quiser|tu quiser|du willst|vuoi)\b",
            r"\b(you name|du sagst|du nennst|tu dices|tu me dices|voce diz|tu dis|dimmi|dime|diz me|nenn mir) (the )?(place|ort|lugar|lieu|posto|luogo|sitio) (and|und|y|e|et) (time|zeit|hora|heure|ora|dia|day|tag|jour|giorno)\b",
            r"\b(dia|day|jour|tag|giorno|fecha|date|data) (que|when|where|ou|wo|in cui|em que)? ?(voce|vc|tu|you|du|vous) (ta|esta|estas|are|es|bist|sei|estiver|estas) (livre|free|libre|frei|libera|disponivel|disponible|verfugbar)( \w+){0,4} (voo|flight|vuelo|avion|flug|volo|aereo)\b",
            r"\b(just|only|solo|so|nur|juste|seulement|apenas|sologo)( \w+){0,1} (a|un|una|um|uma|einen|nen|ein) (coffee|caffe|cafe|cafezinho|kaffee|drink|beer|birra|cerveza|cerveja|biere|verre|spritz)( \w+){0,3} (\d+|ten|five|fifteen|dieci|cinque|quindici|diez|cinco|quince|dez|quinze|dix|zehn|funf) (minutes|minuti|minutos|minuten|mins)\b",
            r"\b(voglio|quiero|quero|je veux|ich will|i want|want|wanna)( \w+){0,1} (vedere|ver|voir|sehen|see)( \w+){0,2} (se sei vera|si eres real|se voce e real|se vc e real|si t es vraie|si tu es vraie|ob du echt bist|if you re real|if ur real|if you are real)\b",
            r"\b(let s|lets|vamos a|vamos|on va|lass uns|dai)( \w+){0,1} (find each other|encontrarnos|nos encontrar|nos achar|se trouver|se retrouver|uns finden|uns treffen|trovarci|ci troviamo)\b",
            r"\b(catch up|meet up|hang out|link up) (for|over) (a|some) (bevvy|bevy|drink|drinks|beer|pint|coffee|bite|cuppa|brew|cold one)\b",
            r"\b(cena vera|real dinner|a proper dinner|cena de verdad|jantar de verdade|vrai diner|echtes abendessen)\b|\b(io e te|you and me|tu y yo|eu e voce|eu e tu|toi et moi|du und ich) (al|in un|at a|at the|en un|num|numa|au|im|in einem|in einer) (ristorante|restaurant|bar|cinema|pub|hotel|cine|cafe|kino|restaurante|trattoria|pizzeria)\b|\b(basta chat|enough chatting|basta de chat|chega de chat|assez de chat|genug gechattet)\b",
            r"\b(se|ce) (vedemo|vedem|vedimm|vidimu)\b",
            r"\b(\d+|tausend|thousand|mil|mille) ?(euro|eur|dollars?|usd|reais|pesos|franken|francs|€|\$)?( \w+){0,1} (fur|for|por|pour|per|para) (ein|an|a|una|un|um|uma|une) (abendessen|dinner|cena|jantar|diner|date|treffen|encontro|rendez vous|appuntamento|night|nacht|noche|noite|nuit|notte)( mit dir| with you| contigo| com voce| avec toi| con te)\b",
        ],
        &[JOKING],
    ),
    phrases(
        "underage",
        Input,
        Escalate,
        ALL,
        &[
            r"\b(i de|in der|id|i der) (erste|zweite|dritte|erschte|zwoite|zwoiti|dritti|ersti|zweiti|1|2|3)\w* (sek|sekundar\w*|bez|real)\b",
            r"\b(freshman|sophomore|junior|senior) at (\w+ ){0,2}(high|hs|middle|junior high|prep)\b",
            r"\b(my|mi|meu|minha|mon|ma|meine|mein|il mio|la mia) (bar|bat|bas) mitzva\w*\b",
            r"\b(pas le droit|not allowed|no podemos|no nos dejan|nao pode|nao podemos|nao deixam|nicht erlaubt|durfen nicht|vietato|non possiamo|non si puo)( \w+){0,3} (au tel|phones?|telefono|celular|handy|cellulare|portable|movil|tel)( \w+){0,3} (au lycee|au college|a l ecole|at school|in school|in class|en el cole|en el colegio|en el instituto|en clase|na escola|no colegio|na aula|in der schule|im unterricht|a scuola|in classe)\b",
            r"\b(prof\w*|teacher|maestr[oa]|lehrer\w*|insegnante)( \w+){0,8} (durante la lezione|during class|during the lesson|in class|en clase|en plena clase|na aula|durante a aula|pendant le cours|en cours|im unterricht|in der stunde)\b|\bmi (mette|ha messo|hanno messo|da|ha dato) (la|una) nota\b",
            r"\b(tia|tio) da (cantina|escola|merenda|limpeza|van|perua)\b|\b(coordenador\w*|inspetor\w*|bedel)( \w+){0,4} (patio|corredor|recreio|intervalo)\b",
            r"\b(abschlussfahrt|klassenfahrt|gita scolastica|viaje de estudios|viagem de formatura|excursao da escola|voyage scolaire|school trip|class trip)( \w+){0,3} (der|de la|del|da|of|de) ([5-9]|1[0-2]) ?[a-f]\b|\b(von der|from the|de la|del|da) (abschlussfahrt|klassenfahrt|school trip|class trip|gita scolastica|voyage scolaire|viaje de estudios)\b",
            r"\b(she s|shes|he s|hes|they re|theyre|we re|were) in my grade\b|\bsleepover\b",
            r"\b(gave me|got me|bought me|i got|recibi|me dio|me dieron|me regalo|me regalaron|ganhei|me deu|me deram|m a offert|on m a offert|bekommen|geschenkt|mi ha regalato|mi hanno regalato|ho ricevuto)( \w+){0,4} (for my|para mi|pro meu|pelo meu|pelos meus|pour mes|pour mon|zum|zu meinem|per i miei|per il mio) (1[0-7])(th)?\b",
            r"\b(hide|esconder|ocultar|cacher|verstecken|nascondere)( \w+){0,4} (so|para que|pra que|pra|pour que|damit|cosi|perche)( \w+){0,1} (my parents|my mom|my dad|my mum|mis padres|mi mama|mi papa|meus pais|minha mae|meu pai|mes parents|ma mere|mon pere|meine eltern|meine mutter|mein vater|i miei|mia madre|mio padre)\b",
            r"\b(til|until|till|hasta que|ate|jusqu|bis|fino a quando|finche)( \w+){0,3} (out of high school|finish high school|graduate high school|graduate from high school|termine la prepa|termine el colegio|termine o ensino medio|sorti du lycee|fertig mit der schule|finisco il liceo|finisco la scuola|get out of school)\b",
            r"\b(sitting|riding|sat|i m|im|am) (on|in|at) (the )?(back of the )?school bus\b",
            r"\b(tecnico integrado|integrado ao medio|ensino medio integrado)\b",
        ],
        NOT_MY_SCHOOL,
    ),
    // A phone taken by a parent; "my dad took my phone charger" is no phone taken away.
    phrases(
        "underage",
        Input,
        Escalate,
        ALL,
        &[
            r"\b(mom|mum|dad|stepdad|stepmom|parents|mama|mamma|papa|madre|padre|mae|pai|mere|pere|mutter|vater|eltern|padrastro|madrastra|padrasto|madrasta|patrigno|matrigna|beau pere|belle mere|stiefvater|stiefmutter|i miei)( \w+){0,4} (took|taken|confiscated|quito|quitaron|tiro|tirou|tiraram|pris|prise|pique|confisque\w*|weggenommen|abgenommen|genommen|preso|tolto|sequestrato)( \w+){0,3} (phone|telefono|telefone|celular|cel|movil|tel|portable|handy|telefonino|cellulare|ipad|tablet)\b|\b(got|had) my (phone|ipad|tablet) (taken|confiscated)\b",
        ],
        &[PHONE_THINGS],
    ),
    phrases(
        "threat",
        Input,
        Escalate,
        ALL,
        &[
            r"\b(weiss|does|sabe|sait|sa|knows)( \w+){0,1} (deine|dein|your|ur|tu|tua|ta|ton|sua|seu) (oma|opa|mutter|mama|vater|papa|familie|family|familia|famille|famiglia|grandma|nonna|abuela|avo|mamie|boss|chef|jefe|chefin|husband|mann|marido|mari|marito|freund|boyfriend|novio|namorado|copain|ragazzo)( \w+){0,1} (eigentlich |actually |realmente |vraiment |davvero )?(was|what|lo que|o que|ce que|cosa|quello che) du (hier )?(treibst|machst|do|haces|fazes|fais|fai)\b",
            r"\b(hab|habe|i have|i got|tengo|tenho|j ai|ho) (ihre|seine|his|her|su|seu|sua|son|sa|il suo|la sua|deren|dessen)( \w+){0,1} (nummer|number|numero|telefone|adresse|address|direccion|endereco|indirizzo)( \w+){0,1} (schon|already|ya|ja|deja|gia)\b",
            r"\bshould (her|your|ur|his) (\w+ )?(classmates|colleagues|coworkers|co workers|boss|family|parents|friends|followers|husband|boyfriend|fiance|students|patients|church|neighbors|neighbours) (know|find out|see)\b",
            r"\b(got|have|tengo|tenho|j ai|hab|ho) (a |an |una |um |une |eine |un )?(gun|pistol|knife|arma|pistola|faca|cuchillo|couteau|flingue|waffe|messer|coltello|revolver)( \w+){0,3} (nothing (left )?to lose|nada que perder|nada a perder|rien a perdre|nichts zu verlieren|niente da perdere)\b",
            r"\b(in|en|em|dans|innerhalb|tra|entro) (two|dos|duas|deux|zwei|due|\d+) (days|dias|jours|tagen|giorni|hours|horas|heures|stunden|ore) (tenemos|we ll have|we have|temos|vamos ter|on aura|haben wir|abbiamo|avremo|tengo|tendre|i ll have|vou ter|j aurai|hab ich|avro) (tu|your|ur|seu|teu|ton|ta|deine|dein|la tua|il tuo)\b",
            r"\b(voy a ir a buscarte|te voy a buscar|vou atras de (voce|vc|ti)|vou te buscar|je vais venir te chercher|je viens te chercher|ich komme dich holen|ich hol dich|ti vengo a cercare|vengo a prenderti|i ll come find you|i m coming for you)( \w+){0,8} (no te va a gustar|you won t like|you wont like|nao vai gostar|ca va pas te plaire|ca ne va pas te plaire|wird dir nicht gefallen|non ti piacera)\b",
            r"\b(so|sei|se|sais|connais|kenne|weiss|know) (come ti chiami|tu nombre|como te llamas|seu nome|teu nome|como voce se chama|ton nom|comment tu t appelles|deinen namen|wie du heisst|your name|what your name is)( \w+){0,1} (davvero|veramente|vero|di vero|real|reale|verdadeiro|de verdad|vrai|echten|richtigen|wirklich|real)\b|\b(ich kenne deinen (echten|richtigen) namen|i know your real name|se tu nombre real|sei seu nome verdadeiro|je connais ton vrai nom|so il tuo vero nome)\b",
            r"\b(letto|read|leido|lei|li|lu|gelesen|visto|seen|vi|vu|gesehen|saw|got|ho|hab|tengo|tenho|j ai)( \w+){0,2} (la (tua )?targa|your (license |licence |number )?plate|tu (placa|matricula)|sua placa|tua placa|ta plaque|ta plaque d immatriculation|dein kennzeichen|dein nummernschild|tu patente)\b",
            r"\b(besteira|loucura|bobagem|sciocchezza|betise|connerie|locura|tonteria|dummheit|something stupid|something crazy) (com voce|com vc|contigo|con te|avec toi|mit dir|a ti|with you|to you)\b",
            r"\b(in|on|de|da|dans|auf|nella|nelle|en) (your|ur|tu|tus|teu|tua|ta|ton|tes|deine\w*|la tua|il tuo|le tue|sua|seu) (story|stories|storie|post|posts|pic|photo|foto|video|insta|reel)( \w+){0,10} (i ll be there|i will be there|estare ahi|estare alli|estarei la|je serai la|j y serai|ich bin da|bin ich da|ich werde da sein|saro li|saro la)\b",
            r"\b(te encontramos|te vamos a encontrar|te vamos a buscar|we ll find you|we will find you|vamos te achar|vamos te encontrar|on va te retrouver|on te retrouvera|wir finden dich|wir kriegen dich|ti troveremo|ti troviamo)\b",
            r"\b(se|sei|sais|weiss|know|so|i know) (donde|onde|ou|wo|where|dove) (laburas|trabajas|curras|trabalhas|trabalha|travailles|bosses|arbeitest|lavori|you work|u work)\b",
            r"\b(ubique|localice|localizei|achei|trouve|gefunden|trovato|found|located|pinpointed|ya tengo|ja tenho)( \w+){0,1} (la colonia|tu colonia|tu barrio|your neighborhood|your neighbourhood|your street|tu calle|seu bairro|teu bairro|sua rua|tua rua|ton quartier|ta rue|dein viertel|deine strasse|il tuo quartiere|la tua via|la tua zona|tu zona)\b",
            r"\b(devant|outside|in front of|delante de|enfrente de|na frente d\w*|em frente a\w*|vor|davanti a|fuori da|fuori dalla)( \w+){0,1} (ta|your|ur|tu|sua|tua|deine\w*|dein|la tua|il tuo|teu|seu) (salle|gym|gimnasio|academia|fitnessstudio|palestra|maison|house|casa|haus|boulot|work|trabajo|trabalho|arbeit|lavoro|bureau|office|oficina|escritorio|buro|ufficio|ecole|school|fac|uni|wohnung|apartment|apartamento|appartamento|appart|building|edificio|predio|immeuble)\b",
            r"\b(t aggia|te aggia|t agg a|ti devo|te tengo que|tengo que|i m gonna|i ll|vou te|je vais te|ich werde dir|ich muss dir) (fa|fare|hacer|fazer|faire|tun|make) (male|dano|mal|weh|hurt|pagare|pagar|payer)\b|\b(nun saje chi so io|non sai chi sono io|you don t know who i am|no sabes quien soy|nao sabe quem eu sou|nao sabes quem eu sou|tu sais pas qui je suis|du weisst nicht wer ich bin)( \w+){0,6} (statte accorta|stai attenta|stai attento|watch your back|cuidate|se cuida|fais gaffe|pass auf)\b",
        ],
        &[GAMES, JOKING],
    ),
    // ---- fan messages: round 31 (the break supervisor, junior year, "at our age" from a
    // teacher, a birthday that makes 16, "17 in 2 weeks", a profile's "15 y/o", pocket money
    // spent on her, the school bus and a desk mate, years to a licence, a parent checking the
    // history, a parent's card on the statement; a last look from a roof, "if I'm not here",
    // a relapse, no reason to stay, everything ready, unsubscribing from life, a box of pills,
    // cut arms hidden, a last act, out of the way, a wall to drive into, wishing to be dead;
    // arson, "I'll be there tomorrow too", "if I see you you're dead", a threat to her family's
    // work, her car known, a knife sharpened, "I'll show you", found by IP, "one post and you're
    // done", a partner to be hurt, an ultimatum; "name the city", dinner and a pick-up, "meet me
    // on the pier", bumping into her, greeting her in person, flesh and bone; "I want it back",
    // "refund my sub", a bank advisor cancelling, stolen photos reported; several people behind
    // the account, copy and paste, an assistant, agencies) ----
    // "we're minors", "my form tutor": said of the writer, whatever teacher is in the sentence.
    phrases(
        "underage",
        Input,
        Escalate,
        ALL,
        &[
            r"\b(somos menores|we re minors|we are minors|on est mineurs|wir sind minderjahrig|siamo minorenni|somos menores de idade)\b",
            r"\bmy (form tutor|homeroom teacher|form teacher)\b",
        ],
        &[],
    ),
    phrases(
        "underage",
        Input,
        Escalate,
        ALL,
        &[
            r"\b(pausenaufsicht|hall monitor|bedel|inspetor de alunos|inspetora de alunos)( \w+){0,4} (hatte|hatt|erwischt|caught|catch|pillo|pilla|pego|pegou|mich|me|nos|uns)\b",
            r"\b(junior|sophomore|freshman) year (is|sucks|has been|starts|so far|this year|rn)\b|\b(stepdad|stepmom|step dad|step mom|my dad|my mom|my mum|my parents|padrastro|madrastra|padrasto|madrasta|beau pere|belle mere|stiefvater|stiefmutter|patrigno|matrigna)( \w+){0,2} grounded me\b",
            r"\b(prof\w*|profe|teacher|maestr[oa]|lehrer\w*|professor\w*|insegnante)( \w+){0,8} (alla nostra eta|a nuestra edad|at our age|na nossa idade|a notre age|in unserem alter|porque somos menores|because we re minors|parce qu on est mineurs|weil wir minderjahrig sind|perche siamo minorenni|porque somos menores de idade)\b",
            r"\b(anniv|birthday|cumple|cumpleanos|aniversario|anniversaire|geburtstag|compleanno|niver)( \w+){0,3} (enfin|finally|por fin|finalmente|endlich) (1[0-7])\b|\b(1[0-7]) in (\d|two|a few|zwei|dos|deux|due|duas) (weeks|days|months|semanas|dias|semaines|jours|wochen|tagen|settimane|giorni|mesi|meses|mois|monaten)\b",
            r"\b(compleanno|cumpleanos|cumple|aniversario|anniversaire|geburtstag|birthday) (dei|de|de mis|dos|des|de mes|zum|my)? ?(1[0-7])( anni| anos| ans| th)?( \w+){0,2} (la settimana scorsa|last week|la semana pasada|semana passada|la semaine derniere|letzte woche|ieri|yesterday|ayer|ontem|hier|gestern|oggi|today|hoy|hoje|aujourd hui|heute|domani|tomorrow|manana|amanha|demain|morgen)\b",
            r"\b(paghetta|mesada|semanada|argent de poche|taschengeld|pocket money|allowance)( \w+){0,6} (ppv|profil\w*|abbonamento|sub|subscription|suscripcion|assinatura|abonnement|abo|content|contenido|conteudo|contenu|contenuto|tuo|tua|tu|teu|tua|ton|dein\w*|your|ur)\b|\b(non ditelo a|non dirlo a|don t tell|dont tell|no le digas a|nao conta pro|nao conta pra|le dis pas a|dis pas a|sagt es nicht|sag es nicht) (mio padre|mia madre|my dad|my mom|my mum|my parents|mi papa|mi mama|meu pai|minha mae|mon pere|ma mere|meinem vater|meiner mutter|meinen eltern)\b",
            r"\b(sul bus|on the bus|en el bus|no onibus|dans le bus|im bus)( \w+){0,3} (per andare a scuola|to school|para ir al (cole|colegio|instituto)|pra escola|para a escola|pour aller (a l ecole|au college|au lycee)|zur schule)\b|\b(compagna di banco|compagno di banco|voisine? de table|sitznachbar\w*|banknachbar\w*|companer[oa] de pupitre|colega de carteira)\b",
            r"\b(ancora|noch|still|todavia|ainda|encore)( \w+){0,1} (anni|years|jahre|anos|ans|mesi|months|monate|meses|mois)( \w+){0,5} (patente|license|licence|fuhrerschein|carnet|carteira|permis)\b",
            r"\b(dad|mom|mum|father|mother|parents|papa|mama|padre|madre|pai|mae|pere|mere|vater|mutter|eltern|stepdad|stepmom)( \w+){0,6} (checks|check|revisa|revisan|controlla|controllano|kontrolliert|kontrollieren|verifie|olha|checa|looks through|goes through)( \w+){0,1} (my|mi|il mio|la mia|mon|ma|mein\w*|meu|minha) (history|historial|cronologia|verlauf|historique|historico|phone|telefono|celular|handy|portable|cellulare|browser|search)\b",
            r"\b(pix|cartao|card|carta|tarjeta|paypal|conta|account|carte|karte)( \w+){0,1} (do meu pai|da minha mae|de mi padre|de mi madre|di mio padre|di mia madre|de mon pere|de ma mere|meines vaters|meiner mutter|of my dad|of my mom|of my mum)( \w+){0,10} (extrato|statement|extracto|releve|kontoauszug|estratto|confere|checks|revisa|controlla|verifie|kontrolliert)\b",
        ],
        NOT_MY_SCHOOL,
    ),
    phrases(
        "crisis",
        Input,
        Escalate,
        ALL,
        &[
            r"\b(on the roof|aufm dach|auf dem dach|en el techo|en la azotea|no telhado|na laje|sur le toit|sul tetto|on the bridge|auf der brucke|en el puente|na ponte|sur le pont|sul ponte)( \w+){0,10} (nur noch mal|noch ein letztes mal|one last|one more time|una ultima vez|uma ultima vez|une derniere fois|un ultima volta|zum letzten mal|ein letztes mal)\b",
            r"\b(if|si|se|falls|wenn)( \w+){0,2} (i m not here|im not here|i m gone|i m not around|ya no estoy|no estoy|eu nao estiver|nao estiver mais|je suis plus la|je ne suis plus la|ich (\w+ ){0,2}nicht mehr da bin|non ci sono piu|non ci saro)( \w+){0,10} (finally|por fin|finalmente|enfin|endlich|did it|lo hice|fiz|letzten|last|ultim\w*|dernier\w*|adieu|adios|addio|goodbye|thank|merci|gracias|obrigad\w*|danke|grazie|tu m as fait|you made|hiciste|fizeste|hast meine)\b",
            r"\b(replonge|relapsed|relapse|recai|recaida|recaido|ricaduto|ricaduta|ruckfall|ruckfallig)( \w+){0,4} (scarif\w*|self harm|selfharm|cutting|cortarme|me cortar|autolesion\w*|autolesao|automutilation|tagli\w*|ritzen|svv)\b|\bscarifs?\b",
            r"\b(interet|point|sense|sentido|motivo|motivi|grund|raison|reason|reasons|razon|razones|razoes)( \w+){0,3} (de rester sur terre|de rester en vie|of staying alive|to stay alive|to keep living|de seguir viv\w*|de continuar viv\w*|de seguir aqui|per restare qua|per restare qui|per restare al mondo|di restare|per vivere|zu leben|am leben zu bleiben|weiterzuleben)\b",
            r"\b(tout prepare|everything ready|everything s ready|todo preparado|todo listo|tudo preparado|tudo pronto|tutto pronto|tutto preparato|alles vorbereitet)( \w+){0,10} (personne le saura|nobody will know|no one will know|nadie lo sabra|ninguem vai saber|nessuno lo sapra|niemand wird es wissen|niemand wird s wissen)\b",
            r"\b(desinscrire|unsubscribe|darme de baja|cancelar minha inscricao|disiscrivermi|mich abmelden) (de la vie|from life|de la vida|da vida|dalla vita|vom leben)\b|\b(plu|plus) (envi|envie) de vivre\b",
            r"\b(swallowed|took|taken|mandato giu|ingoiato|preso|tome|tomei|engoli|pris|avale|genommen|geschluckt)( \w+){0,2} (half|mezza|media|meia|la moitie d|halbe|whole|entera|intera|inteira|ganze)? ?(a )?(box|scatola|caja|caixa|boite|packung|pack|bottle|flacon|frasco|blister|cartela) (of|di|de|da|du|des|von)? ?(\w+ )?(pills|xanax|pastillas|pillole|pilules|tabletten|comprimidos|comprimes|valium|tavor|rivotril|paracetamol|ibuprofen|sonniferi|lexotan|somniferes|schlaftabletten)\b",
            r"\b(braccio|braccia|arm|arms|brazo|brazos|braco|bracos|bras|arme|polsi|wrists|munecas|pulsos|poignets)( \w+){0,2} (pieno di tagli|piene di tagli|full of cuts|covered in cuts|lleno de cortes|llenos de cortes|cheio de cortes|cheios de cortes|couvert de coupures|couverts de coupures|voller schnitte|voller narben)\b",
            r"\b(deleted|cancellato|borre|apaguei|supprime|geloscht)( \w+){0,3} (profili|profiles|accounts|cuentas|contas|comptes|profile|konten)( \w+){0,8} (ultima cosa|last thing|ultimo que|ultima coisa|derniere chose|letzte)\b",
            r"\b(togliermi di mezzo|levarmi di mezzo|quitarme de en medio|quitarme del medio|me tirar do caminho|sair de cena de vez|m effacer pour de bon|mich aus dem weg raumen|remove myself for good|take myself out)\b",
            r"\b(denk\w*|think\w*|thought|pienso|penso|je pense)( \w+){0,8} (gegen|into|contra|contre|contro) (nen |einen |den |a |an |un |una |uma |une |the )?(bruckenpfeiler|pfeiler|baum|wand|mauer|tree|wall|bridge|pillar|truck|lkw|arbol|muro|pilar|arvore|parede|poste|arbre|mur|pilier|albero|pilone|camion)\b",
            r"\b(wunschte|wunsche) ich( \w+){0,2} (ware|war)( \w+){0,1} tot\b|\b(wish i was dead|wish i were dead|ojala estuviera muert[oa]|queria estar mort[oa]|j aimerais etre mort\w*|vorrei essere mort[oa])\b",
            r"\b(nao vou mais precisar de nada|won t need anything anymore|ya no voy a necesitar nada|je n aurai plus besoin de rien|non avro piu bisogno di niente|werde nichts mehr brauchen)\b",
            r"\b(merci pour tout|thanks for everything|thank you for everything|gracias por todo|obrigad[oa] por tudo|grazie di tutto|grazie per tutto|danke fur alles)( \w+){0,3}$",
        ],
        HYPERBOLE,
    ),
    // Followed to the gym, seen there at seven: the gym is where he watched her, not a joke.
    phrases(
        "threat",
        Input,
        Escalate,
        ALL,
        &[
            r"\b(je serai la|i ll be there|estare ahi|estare alli|estarei la|saro li|ich werde da sein|bin ich (auch )?da)( \w+){0,2} (demain|tomorrow|manana|amanha|domani|morgen) (aussi|too|tambien|tambem|anche|auch)\b|\b(ti seguo|i ve been following you|i followed you|te sigo|te segui|je te suis|je t ai suivie|ich folge dir|ich bin dir gefolgt|ti ho seguita|ti ho seguito)( \w+){0,3} (da giorni|for days|hace dias|ha dias|depuis des jours|seit tagen|anche fuori|outside|fuera de aqui|fora daqui|en dehors|auch draussen|irl|in real life|fino a|fino al|fino alla|fino all|to the|hasta|ate|jusqu)\b",
            r"\b(ieri|yesterday|ayer|ontem|hier|gestern) (eri|you were|estabas|estavas|tu etais|t etais|warst du) (in|at|en|na|no|a la|au|im|in der|alla|al) (palestra|gym|gimnasio|academia|salle|fitness|super|supermercado|mercado|bar|parque|park|parc|parco)( \w+){0,2} (alle|at|a las|as|a|vers|um) \d",
        ],
        &[GAMES, JOKING],
    ),
    phrases(
        "threat",
        Input,
        Escalate,
        ALL,
        &[
            r"\b(burn|bruler|cramer|quemar|queimar|bruciare|abfackeln) (that|this|the|ce|cette|ese|esa|esse|essa|quel|quella|den|das) (place|house|lieu|endroit|lugar|local|casa|posto|laden|haus|bude|baraque)( down)?\b",
            r"\b(si je te croise|si je te vois|if i see you|if i catch you|si te veo|si te encuentro|se eu te ver|se te encontrar|se ti vedo|se ti becco|wenn ich dich sehe|wenn ich dich erwische)( \w+){0,3} (t es morte?|tes morte?|you re dead|ur dead|estas muert[oa]|tas mort[oa]|ta mort[oa]|sei mort[oa]|du bist tot|bist du tot|te mato|ti ammazzo|je te tue|ich bring dich um|te rajo|te quebro)\b|\b(te quebro|te parto|te arrebento) (inteira|inteiro|toda|todo)\b",
            r"\b(parents|parents d eleves|padres|pais|eltern|genitori|boss|jefe|chefe|patron|chef|capo|family|familia|famille|familie|famiglia|colleagues|collegues|companeros|colegas|kollegen|colleghi|students|eleves|alumnos|alunos|schuler|studenti|neighbours|neighbors|vecinos|vizinhos|voisins|nachbarn|vicini)( \w+){0,3} (vont adorer|will love|would love|van a amar|van a adorar|vao adorar|vao amar|werden\w* lieben|wurden lieben|adoreranno|adorerebbero)( \w+){0,2} (tes|your|ur|tus|teus|tuas|deine|i tuoi|le tue) (videos?|photos?|pics|fotos|nudes|contenus?|bilder|foto|video|contenido|conteudo|content)\b",
            r"\b(je t attends|i ll wait for you|i m waiting for you|te espero|vou te esperar|ti aspetto|ich warte auf dich)( \w+){0,2} (en bas|downstairs|outside your|abajo|fuera de tu casa|la embaixo|sotto casa|unten|vor deiner tur|vor deinem haus|devant chez toi|at your door)\b|\b(je connais|i know|conozco|conheco|conosco|ich kenne) (ta|your|tu|teu|tua|la tua|dein\w*) (voiture|car|coche|carro|macchina|auto|wagen|plaque|license plate|matricula|placa|targa|kennzeichen)\b",
            r"\b(coltello|knife|cuchillo|faca|couteau|messer|machete|pistola|gun|pistole|waffe)( \w+){0,6} (pensavo a te|thinking of you|thinking about you|thought of you|pensando en ti|pensando em voce|pensando em ti|je pensais a toi|en pensant a toi|dachte an dich|an dich gedacht)\b",
            r"\b(vengo li|vengo la|i ll come there|i m coming there|voy para alla|vou ai|je viens|ich komm vorbei|ich komme vorbei)( \w+){0,2} (e|and|y|et|und) (te lo faccio vedere|ti faccio vedere io|i ll show you|te voy a ensenar|vou te mostrar|je vais te montrer|zeig ich s dir|ich zeig s dir)\b",
            r"\b(dall ip|from (your|the) ip|con (tu|la) ip|pelo ip|a partir de l ip|uber die ip|anhand der ip)( \w+){0,3} (trova|find|finds|encuentra|acha|encontra|trouve|findet)( \w+){0,2} (la via|the street|your address|la calle|a rua|ta rue|l adresse|die strasse|die adresse|l indirizzo|where you live)\b",
            r"\b(basta un post|one post|un solo post|un post y|um post e|un post et|ein post und)( \w+){0,3} (sei finita|you re done|you re finished|estas acabada|ta acabada|t es finie|du bist erledigt|bist du erledigt)\b",
            r"\b(quando lo trovo|when i find him|when i catch him|cuando lo encuentre|quando eu achar ele|quand je le trouve|wenn ich ihn finde|wenn ich ihn erwische)( \w+){0,3} (lo faccio a pezzi|lo ammazzo|i ll kill|i ll destroy|i ll smash|lo mato|lo destrozo|mato ele|je le tue|je le defonce|mach ich ihn fertig|bring ich ihn um)\b",
            r"\b(tienes hasta|you have until|tens ate|tu as jusqu a|du hast bis|hai tempo fino a|hai tempo entro)( \w+){0,6} (o|or|ou|sonst|oppure|altrimenti)( \w+){0,4} (todo el mundo|everyone|everybody|todos|tout le monde|alle|tutti|tu familia|tu jefe|your boss|ton patron|dein chef|il tuo capo|va a saber|will know|vao saber|va savoir|werden wissen|sapranno)\b",
            r"\b(noch nicht|not yet|todavia no|ainda nao|pas encore|non ancora)( \w+){0,1} (weiss|know|se|sei|sais|so)( \w+){0,1} (wo du wohnst|where you live|donde vives|onde voce mora|onde moras|ou tu habites|dove abiti)\b|\b(weiss|know)( \w+){0,3} (wo du wohnst|where you live|donde vives|onde moras|ou tu habites|dove abiti)( \w+){0,2} (noch nicht|yet|todavia|ainda|encore|ancora)\b",
        ],
        HYPERBOLE,
    ),
    phrases(
        "meeting_request",
        Input,
        Escalate,
        ALL,
        &[
            r"\b(name the city|name the place|just name the city|dime la ciudad|me fala (so )?a cidade|me diz (so )?a cidade|dis moi (juste )?la ville|sag mir (einfach )?die stadt|dimmi (solo )?la citta|nenn mir die stadt)\b",
            r"\b(zum essen ausfuhren|take you out to dinner|take you to dinner|llevarte a cenar|te levar pra jantar|te levar para jantar|t emmener diner|t inviter a diner|portarti a cena|dich zum essen einladen|sie zum essen einladen|sie zum essen)\b|\b(zu hause abholen|pick you up at home|pick you up from home|recogerte en casa|te buscar em casa|passer te prendre chez toi|venirti a prendere a casa)\b",
            r"\bmeet me (on|at|by|outside|near|under) the \w+",
            r"\b(bora se trombar|vamos nos trombar|a gente se tromba|nos topamos|on se croise|ci incrociamo)\b",
            r"\b(salutarti|greet you|saludarte|te cumprimentar|te saluer|dich begrussen|conocerte|meet you|hug you|abbracciarti|abrazarte|te abracar|te serrer)( \w+){0,1} (di persona|in person|en persona|pessoalmente|en personne|personlich|dal vivo)\b",
            r"\b(conoscerci|conocernos|nos conhecer|se rencontrer|se connaitre|kennenlernen|meet)( \w+){0,2} (in carne e ossa|en carne y hueso|em carne e osso|en chair et en os|in fleisch und blut|in the flesh)\b",
        ],
        &[
            GAMES,
            r"in my dreams|en mis suenos|nos meus sonhos|dans mes reves|in meinen traumen|nei miei sogni|sonho|sueno|reve|traum|sogno|dream",
            r"live|stream|en directo|en direct|in diretta|chat|dm|call|llamada|chamada|appel|anruf|chiamata|video|comments?|comentarios?|commentaires?|kommentare?|comment\w*|replies|inbox",
        ],
    ),
    phrases(
        "payment_dispute",
        Input,
        Escalate,
        ALL,
        &[
            r"\b(tip|tips|request|custom|ppv|paid|pague|paguei|paye|pagato|bezahlt|propina|gorjeta|pourboire|mancia|trinkgeld)( \w+){0,12} (want it back|want my money back|want my tip back|quiero mi dinero|lo quiero de vuelta|quiero que me lo devuelvas|quero meu dinheiro|quero de volta|je veux mon argent|je veux etre rembourse|ich will mein geld|ich will es zuruck|rivoglio i miei soldi|li rivoglio|lo rivoglio)\b",
            r"\b(want|quiero|quero|je veux|ich will|voglio)( \w+){0,4} (refunded|refund|reembolsad\w*|reembolso|rembourse\w*|erstattet|zuruckerstattet|rimborsat\w*|rimborso)\b",
            r"\b(cobro|cobros|cobranca)( [a-z0-9$.,%]+){0,10} (no compre nada|yo no compre nada|no fui yo|nao comprei nada|nao fui eu)\b",
            r"\b(conseillere|conseiller|banquier|banquiere|bank advisor|asesor del banco|asesora del banco|gerente do banco|bankberater\w*|consulente)( \w+){0,6} (annuler|cancel|anular|cancelar|stornieren|annullare|reverse|bloquer|block)( \w+){0,2} (les paiements|the payments|los pagos|os pagamentos|die zahlungen|i pagamenti|paiements|payments)\b",
            r"\b(foto rubate|stolen (photos|pics|content)|fotos robadas|fotos roubadas|photos volees|geklaute (fotos|bilder))\b|\b(segnalat[oa]|reported you|te denuncie|denunciei|je t ai signalee?|hab dich gemeldet)( \w+){0,3} (alla polizia|to the police|a la policia|a policia|a la police|bei der polizei|polizia postale|cybercrime)\b",
        ],
        &[OTHER_MERCHANTS, JOKING],
    ),
    phrases(
        "ai_question",
        Input,
        Flag,
        ALL,
        &[
            r"\b(mehrere leute|several people|multiple people|varias personas|varias pessoas|plusieurs personnes|piu persone)( \w+){0,2} (hinter|behind|detras|por tras|derriere|dietro)\b",
            r"\b(copier coller|copie colle|copiar y pegar|copy paste|copy and paste|copia e incolla|copia incolla|copiar e colar|kopiert und eingefugt|copy pasted)\b",
            r"\b(hablo contigo o con|am i talking to you or|parlo con te o con|falo com voce ou com|je parle a toi ou a|rede ich mit dir oder mit)( \w+){0,2} (asistente|assistant|assistente|team|equipo|equipe|agencia|agency|agenzia|bot|ia|ai|ki|manager|chatter)\b",
            r"\b(quelqu un de vrai|someone real|alguien real|alguem real|qualcuno di vero|jemand echtes)( \w+){0,1} (derriere|behind|detras|por tras|dietro|dahinter)\b",
            r"\b(agenzi\w*|agency|agencies|agencia\w*|agence\w*|agentur\w*)( \w+){0,8} (anche per te|vale anche per te|you too|for you too|tambien contigo|tambien tu|tambem com voce|tambem voce|toi aussi|pour toi aussi|bei dir auch|auch bei dir)\b",
        ],
        &[],
    ),
    // ---- drafts: contact and payment off the platform ----
    detector("off_platform", Draft, Block, d::contact),
    detector(
        "off_platform_payment",
        Draft,
        Block,
        d::off_platform_payment,
    ),
    detector("off_platform_payment", Draft, Block, d::wallet),
    detector("link", Draft, Block, d::link),
    detector("email", Draft, Block, d::email),
    phrases(
        "email",
        Draft,
        Block,
        ALL,
        &[
            r"(your|ur|tu|teu|seu|ton|ta|deine|dein|la tua|tua|tuo) (e ?mail|email|correo|mail|adresse (e ?)?mail)",
            r"(e ?mail|correo|mail) (me|moi)|(my|mi|meu|mon|meine|la mia) (private |personal )?(e ?mail|correo|mail)( perso| privat\w*| privad[oa]| personal)?",
        ],
        // Her mailbox as a place (full of spam, a mess today), not an address handed over.
        &[
            r"\b(non|no|nao|nope|nah|sorry|desolee?|lo siento|desculpa|tut mir leid|mi dispiace|nao rola|no way)( \w+){0,6} (tout passe par ici|tudo por aqui|todo por aqui|todo pasa por aqui|everything (stays|goes through|happens) here|alles (lauft|bleibt) hier|tutto (passa )?(da|per) qui|solo qui|only here|just here|nur hier|solo aqui|so aqui|que ici|seulement ici)\b",
            r"(e ?mail|correo|mail|correos|mails|emails)( \w+){0,3} (sin leer|sem ler|non lett\w*|ungelesen\w*|unread|non lus|inbox|spam|lotad[oa]|llen[oa]|lleno de|cheia|plein\w*|voll|pien[oa]|disaster|mess|caos|chaos|bordel|desastre|desastr\w*|explod\w*)|(inbox|bandeja|caixa|boite|postfach|posta in arrivo)( \w+){0,2} (e ?mail|correo|mail)|\d+ (correos|e ?mails|mails) (sin|sem|non|un)",
        ],
    ),
    detector("phone_number", Draft, Block, d::phone_number),
    phrases(
        "phone_number",
        Draft,
        Block,
        ALL,
        &[
            r"(your|ur|tu|teu|seu|ton|deine|dein|il tuo|tuo) (phone |cell |mobile )?(number|numero|num|handynummer|nummer|telefonnummer)",
            r"(my|mi|meu|mon|meine|il mio) (phone |cell )?(number|numero|handynummer|nummer|telefonnummer) (is|es|e|c est|ist)",
            r"(me|mi) (das|dai|da|de|pasas|passa|passes|manda|mandas|file|donne|gib|schick)( \w+)? (o |il |el |ton |ta |deine |dein )?(teu |tu |tuo |seu )?(cell|celu|celular|cel|telefono|telefone|telemovel|tel|portable|06|07|handy|handynummer|whats|zap)\b|(qual|cual|quel|welche|qual e) (e |es |est )?(o |il |el |ton |deine )?(teu |tu |tuo |seu )?(telefone|telefono|telemovel|celular|cell|portable|handynummer)",
            r"(what s|whats|what is) (your|ur) (cell|phone|mobile|digits)|(send|give|drop) me (your|ur) (cell|digits|phone|mobile)|file moi ton (06|07|num|tel|portable)|(laisses|laisse|donnes|files|envoies|passes|as|t as|a) (\w+ )?(ton|un|ta) (06|07)\b",
            r"(dame|dammi|deixa|deixe|lasciami|mi lasci|laisse|donne|gib)( \w+){0,2} (tu |il tuo |teu |o teu |ton |dein\w* |il |o |le |el )(telefono|telefone|cell|celular|tel|06|07|portable|handy|handynummer)\b|(t as|tu as|hast du|tienes|tens|hai) (un |une |ne |eine |um |uno )?(06|07|handynummer|numero de (tel|telephone|telefono|telefone)|telefone|cell)\b",
        ],
        // A lucky or favourite number is small talk, not a phone number; so is a warning never
        // to hand it out.
        &[
            r"(non dare|don t give|dont give|never give|no des|no le des|nunca des|nao de|nao des|ne donne (pas|jamais)|gib (\w+ )?nicht|never share|non condividere|no compartas|nao partilhes|nao compartilhe)( \w+){0,3} (il tuo |your |tu |teu |o teu |ton |deine |dein )?(numero|number|nummer)",
            r"(lucky|favou?rite|de la suerte|da sorte|porte bonheur|prefere|fortunato|preferit[oa]|favorit[oa]|glucks\w*|lieblings\w*|della fortuna) (number|numero|nummer|zahl)|(number|numero|nummer|zahl) (\w+ ){0,2}(de la suerte|da sorte|porte bonheur|prefere|fortunato|preferit[oa]|favorit[oa]|della fortuna|lucky|favou?rite)",
        ],
    ),
    // ---- drafts: meeting in person ----
    detector("meeting", Draft, Block, c::draft_meeting),
    phrases(
        "meeting",
        Draft,
        Block,
        ALL,
        &[
            r"((can|could|will|would|wanna|want to) (you|u) |come |you can |u can |)pick me up (at|from|after|tonight|tomorrow|outside|at the|by|near|in front)|(passami a prendere|vienimi a prendere|ven a buscarme|pasa a buscarme|vem me buscar|passa me buscar|viens me chercher|hol mich ab)",
            r"(hotel|motel|room|habitacion|quarto|chambre|zimmer|camera)( \w+){0,4} (ti raggiungo|te alcanzo|voy|vou|j arrive|je viens|komm ich|ich komme|i ll come|i m coming|que eu vou|che vengo)|(escolhe|elige|choisis|scegli|pick|such)( \w+){0,2} (o motel|el motel|l hotel|the hotel|das hotel|the motel)",
            r"(send|manda|mandami|mandame|envoie|schick|passami|pasame)( \w+){0,2} (me )?(the |la |a |o |il |die |l )?(location|ubicacion|localizacao|posizione|position|standort|pin)",
            r"(cenare|cenar|jantar|diner|dinner|essen gehen|abendessen|comer|mangiare)( \w+){0,2} (insieme|juntos|juntas|together|ensemble|zusammen|a deux|tous les deux|nos dois|los dos)",
            r"(sortie|salida|saida|uscita|ausgang|exit)( \w+){0,2} (du metro|del metro|do metro|della metro|der u bahn|of the (subway|tube|metro))",
        ],
        &[r"(in|en|no|na|dans le|im|nella|on) (the )?(chat|dm|dms|app|live|stream|fanvue)"],
    ),
    phrases(
        "meeting",
        Draft,
        Block,
        &["en"],
        &[
            r"let s meet|lets meet|we (can|could|should) meet|meet (up|irl|in person)|meet (you|u) (for real|irl|in person|in real life|somewhere|at|tonight|tomorrow|this weekend|after)|come (\w+ )?over|come to my (place|apartment|hotel)|visit me",
            r"meet me( \w+){0,3} (at|in front of|outside|by|near) (the |my |your )?[a-z]+|(come|stop by|swing by|pop over|pop by)( \w+){0,2} (my place|my house|my apartment|my flat|my hotel)|stop by|(grab|get|have) (a )?(coffee|drink|drinks|dinner|lunch) (together|with me|irl)|i live (in|at|near|by|downtown|close)|my (address|place is)|see (you|u) (in person|irl|at my (place|house|apartment|hotel))",
        ],
        &[
            r"halfway|in the middle|(don t|dont|do not|never|won t|wont) meet|online only|keep it online|stay online|meet right here|right here (in|on) (the |my |our )?(chat|dms?|app)|(can t|cannot|can not|couldn t) meet|going live|go live|(on|to) my page|(signal|wifi|wi fi|internet|connection|reception|wlan) (at|in) my place",
        ],
    ),
    phrases(
        "meeting",
        Draft,
        Block,
        &["es", "pt"],
        &[
            r"(ven|vente|pasate|vienes|venir|vem|vens|vir|aparece)( \w+){0,2} (a|por|na|em|pra) (mi|minha) casa|(vem|aparece) ca em casa|nos vemos (\w+ ){0,4}(en|frente a|delante de) (el |la |un |una )?(cafe|coffee shop|bar|pub|restaurant|restaurante|ristorante|resto|parc|park|parque|parco|hotel|gare|station|bahnhof|estacion|stazione|metro|piazza|plaza|place|platz|praca|coin|esquina|angolo|centro|centre|zentrum|mall|club|cine|cinema|kino|playa|plage|spiaggia|strand|praia|starbucks|gym|beach)|quedamos|vernos en persona|nos (conocemos|vemos) en persona|en persona|vivo (en|cerca)|vivo por (aqui|ahi|la zona|el centro)|si vienes|te invito a un cafe",
            r"se encontrar|(nos )?ver pessoalmente|pessoalmente|moro (no|na|em|perto)|aparece ca\b|bora se encontrar",
        ],
        &[
            REFUSED_HERE,
            r"(no|nunca|jamas|nao|jamais) (quedo|me veo|me encuentro|encontro|me encontro|saio|salgo|conozco|conheco)( \w+){0,3} (con|com)? ?(fans|fas|seguidores|nadie|ninguem|clientes|subs\w*)|(aqui|por aqui|no chat|en el chat) me (tienes|tens|tem)",
        ],
    ),
    phrases(
        "meeting",
        Draft,
        Block,
        &["fr"],
        &[
            r"retrouve moi (\w+ ){0,3}(au|a la|devant|a|pres de) (la |le |l )?(cafe|coffee shop|bar|pub|restaurant|restaurante|ristorante|resto|parc|park|parque|parco|hotel|gare|station|bahnhof|estacion|stazione|metro|piazza|plaza|place|platz|praca|coin|esquina|angolo|centro|centre|zentrum|mall|club|cine|cinema|kino|playa|plage|spiaggia|strand|praia|starbucks|gym|beach)|j habite (juste |tout )?(dans|a|au|pres|pas loin|a cote)|passe me voir|viens chez moi|(rendez vous|on se voit) (\w+ ){0,3}((au|a la|devant|pres de) (la |le |l )?(cafe|coffee shop|bar|pub|restaurant|restaurante|ristorante|resto|parc|park|parque|parco|hotel|gare|station|bahnhof|estacion|stazione|metro|piazza|plaza|place|platz|praca|coin|esquina|angolo|centro|centre|zentrum|mall|club|cine|cinema|kino|playa|plage|spiaggia|strand|praia|starbucks|gym|beach)|chez (moi|toi))",
        ],
        &[
            r"senha|password|contrasena|mot de passe|passwort|spam|inbox|caixa de entrada|bandeja|posteingang|casella",
        ],
    ),
    phrases(
        "meeting",
        Draft,
        Block,
        &["de"],
        &[
            r"(komm|kommst)( \w+){0,3} (zu mir|bei mir vorbei)|lass uns (\w+ ){0,2}treffen|(wir )?treffen (wir )?uns|ich wohn(e)? (in|am|im|bei)|komm (doch )?(mal )?vorbei|komm (\w+ ){0,2}zu mir|die adresse schick",
        ],
        // "Treffen wir uns heute Abend wieder hier im Chat?": a date in the chat, not in person.
        &[
            r"(hier )?(im|in the|on the) (chat|live|stream|dm|dms)|hier auf (fanvue|der seite|der plattform)",
        ],
    ),
    phrases(
        "meeting",
        Draft,
        Block,
        &["it"],
        &[
            r"(vieni|venire|passa)( \w+){0,2} (a casa mia|da me)|ci vediamo (\w+ ){0,3}(al|alla|in|davanti al|sotto|vicino al) (cafe|coffee shop|bar|pub|restaurant|restaurante|ristorante|resto|parc|park|parque|parco|hotel|gare|station|bahnhof|estacion|stazione|metro|piazza|plaza|place|platz|praca|coin|esquina|angolo|centro|centre|zentrum|mall|club|cine|cinema|kino|playa|plage|spiaggia|strand|praia|starbucks|gym|beach)|ci vediamo da me|abito (a|in|vicino)|passa a trovarmi|vieni da me|ti mando l indirizzo",
        ],
        &[],
    ),
    // Where she can be found, in every language: her gym with an invitation to drop by, her
    // flat so many minutes from somewhere, a place two streets away, a real date.
    phrases(
        "meeting",
        Draft,
        Block,
        ALL,
        &[
            r"come say hi|pasa a saludarme|passa (la |aqui )?(pra|para) (dar um oi|me dar oi)|viens me dire bonjour|passa a salutarmi|komm vorbei und sag hallo",
            r"(my|mi|meu|mon|ma|meine|il mio|la mia)( \w+)? (apartment|apt|place|flat|house|depa|departamento|piso|casa|ap|apto|apartamento|appart|appartement|wohnung|appartamento) (is|esta|fica|est|ist|e)( \w+){0,3} \d+ (min|mins|minutes|minutos|minuti|minuten|km|blocks|cuadras|quadras)",
            r"(venirte|venir|vir|kommen|venire) (directo|direto|directement|direkt|diretto)",
            r"(\d+|two|three|dos|tres|duas|deux|trois|zwei|drei|due|tre) (streets|blocks|cuadras|calles|quadras|ruas|rues|strassen|isolati) (from|de|da|von)",
            r"(vamos |a gente )?(nos |se )(ver|encontra\w*)( \w+){0,4} (num|no|na|em|numa) (bar\w*|cafe|restaurante|parque|praca|shopping|academia|hotel|praia)",
            r"(on se retrouve|retrouvons nous|rejoins moi)( \w+){0,5} (au|a la|devant|pres de|en face)|se voir en vrai",
            r"(possiamo|potremmo) (vederci|conoscerci|incontrarci)|(vederci|conoscerci|incontrarci) (di persona|dal vivo)",
            r"(lass uns|wir konnen uns|konnen wir uns)( \w+){0,10} (treffen|sehen)|ich komm(e)? hin",
            r"(a|un|una|um|ein) (real date|cita de verdad|encontro de verdade|vrai rendez vous|appuntamento vero|echtes date)|date for real",
        ],
        &[
            r"\b(dm|dms|inbox|chat|comments|live|stream|messages|mensajes|mensagens)\b",
            REFUSED_HERE,
        ],
    ),
    // Where to find her and a nudge to come: "come find me", "if you see me say hi", her address
    // on its way, living a few minutes from a landmark, in every language.
    phrases(
        "meeting",
        Draft,
        Block,
        ALL,
        &[
            r"(buzz|ring) (\d+[a-z]?|apt|apartment|flat|number|me up)|toca el (timbre|portero|\d+[a-z]?)|interfona|sonne (au|a l) \d+[a-z]?|klingel\w* (bei|an) (\d+[a-z]?)?|suona al \d+[a-z]?|citofona",
            r"come (and )?say (hi|hello|hey)|(ven|vente|pasa|pasate|vem|passa|viens|passe|vieni|komm)( \w+){0,2} (a )?(saludarme|me saludar|me dar (um )?oi|dar um oi|me faire (un )?coucou|faire un coucou|salutarmi|hallo sagen)",
            r"(pick (you|u) up|te recojo|te busco|te buscar|te vou buscar|je viens te chercher|je passe te chercher|ti vengo a prendere|ti passo a prendere|hol dich( \w+)? ab|ich hol dich)( \w+){0,3} (airport|aeropuerto|aeroporto|aeroport|flughafen|station|estacion|estacao|gare|bahnhof|stazione|arrivals|hotel|hbf)",
            r"come (find|see) me|find me (at|in|on the|by)|look for me|buscame (en|por)|cercami (al|alla|in|a|sul|sulla)|such mich (im|in|am|auf)|viens me (voir|trouver|chercher)|vem me (ver|encontrar)|aparece (la|ali|ca|por la)|aparece aqui (em casa|no|na)|vieni a trovarmi|vieni a cercarmi",
            r"(if|si|se|wenn) (u |you |tu |vc )?(ever )?(see me|me ves|me vires|me vois|mi vedi|me vir|mich siehst)|wenn du (\w+ ){0,2}da bist|me saludas|me (da|de) um oi|diz ola|sag hallo|fammi un fischio",
            r"(te paso|te mando|te envio|t envoie|je t envoie|ti mando|ti invio|schick dir|send (you|u)|ti passo|te passo)( \w+){0,2} (mi|mon|il mio|meu|meine|my|o meu) (direccion|adresse|indirizzo|endereco|address|ubicacion|location|localizacao|standort|posizione)",
            r"(i live|vivo|moro|j habite|abito|ich wohn\w*|wohne)( \w+){0,2} (\d+ (min|mins|minutes|minutos|minuti|minuten|km|blocks|cuadras|quadras)|(right |just |literally )?(by|near|next to|close to|around the corner from)|do lado|ao pe|a la vuelta|cerca de|pres de|a cote|vicino|neben|in der nahe|um die ecke|a due passi)",
        ],
        &[
            r"\b(dm|dms|inbox|chat|comments|stream|messages|mensajes|mensagens)\b|live (stream|show|session)|(going|go|be|i m) live|(on|to) my page",
        ],
    ),
    // Dinner at hers, in every language (the "chat" she proposes to skip is no veto here).
    phrases(
        "meeting",
        Draft,
        Block,
        ALL,
        &[
            r"(dinner|cenar|cenamos|cena|jantar|diner|essen|cenare)( \w+){0,2} (at mine|at my place|en mi casa|em casa|la em casa|chez moi|bei mir|da me|a casa mia)",
        ],
        &[],
    ),
    // ---- drafts: minors ----
    detector("minor", Draft, Block, |t| d::age_claim(t, true)),
    phrases(
        "minor",
        Draft,
        Block,
        ALL,
        &[
            r"teen|teenager|teenie|schoolgirl|school girl|schulmadchen|scolaretta|collegienne|colegiala|lyceenne|barely legal|jailbait|little girl|novinha|ninfeta",
            r"underage|minor|menor de edad|minorenne|minderjahrig|mineure?|adolescente?",
            r"(7th|8th|9th|10th|11th|12th) grade|grade (7|8|9|10|11|12)|in year (7|8|9|10|11|12|13)|school uniform|uniforme (escolar|do colegio|de colegio|scolaire)|schuluniform|divisa scolastica",
            r"homeroom|sophomore|freshman|high school|middle school|insti|prepa|(la|de la|en la|\d{1,2}) eso|\d{1,2} (ano )?(do )?medio|\d{1,2} klasse|klasse \d{1,2}|die (zehnte|neunte|elfte)",
            r"(encore|toujours) au (lycee|college)|en (seconde|premiere|terminale)|(anno|quarto|terzo|quinto) (anno )?(di )?liceo|terza media|(nach der|in die) schule",
            r"(my|mes|mis|meus|meine|i miei) (parents|padres|pais|eltern)( \w+){0,3} (dont|don t|not|no|nao|pas|nicht|non) (know|saben|sabem|savent|wissen|sanno)|i miei non sanno",
        ],
        &[
            FEELS_YOUNG,
            THEIR_CHILD,
            SIBLING,
            r"(i|we|you) (was|were)|used to|back (in|when)|when i was|in the \d+s|(my|mis|meus|mes|meine|i miei) (teen|teenage)|era|etais|war|ero|estava|years ago",
            MEMORY,
        ],
    ),
    // School today said by the draft in every language: a year of school, coming home from it,
    // not 18 yet, a pupil of fifteen, a teacher-and-pupil roleplay.
    phrases(
        "minor",
        Draft,
        Block,
        ALL,
        &[
            r"(7th|8th|9th|10th|11th|12th|seventh|eighth|ninth|tenth|eleventh|twelfth) grader?s?|(no|na) (primeiro|segundo|terceiro|\d{1,2}) ano (do )?(ensino )?(medio|fundamental)|(funften|sechsten|siebten|achten|neunten|zehnten|elften) klasse|(prima|seconda|terza|quarta|quinta) (superiore|liceo)|(picks|pick|recoge|busca|buscar|chercher|holt|prendere)( \w+){0,2} (from|del|de la|na|da|au|von der|a) (school|cole|colegio|escuela|escola|college|lycee|ecole|schule|scuola)|(primero|segundo|tercero|cuarto|\d{1,2}) de (la )?(secundaria|eso|bachillerato|prepa|bachi)|(sigo|estoy|voy|ando) en (el |la )?(instituto|insti|cole|colegio|secundaria|prepa)",
            r"(ando|estou|to|sou) no \d{1,2} ano|(aluna|aluno) do \d{1,2} ano|(in der|in die) \d{1,2} klasse|colegial|liceale|farda da escola|uniforme (del|do|da|de la) (cole|colegio|escola|escuela)",
            r"(rentre|sors|reviens) (du|de l) (college|lycee)|komm (grad |gerade )?von der schule|(vengo|salgo) del (cole|colegio|instituto)|cheguei da escola|torno (ora )?da scuola|just got (home |back )?from school",
            r"not 18 yet|pas encore 18|ancora 18|noch nicht 18|todavia no tengo 18|ainda nao tenho 18",
            r"(eleve|alumna|aluna|schulerin|alunna|liceale|colegiala|colegial|student) (de |di |von )?1[0-7] (ans|anos|anni|jahre|years)|1[0-7] ?jahrige",
            r"(your|tu|ta|deine|la tua|tua|sua|teu) (little |petite |kleine |piccola |pequena )?(student|alumna|aluna|eleve|schulerin|alunna)|(kleine|little|petite|piccola|pequena) (schulerin|schoolgirl|eleve|alunna|alumna|aluna)",
            r"(my|mi|meu|mon|mein|il mio) (teacher|profe|profesor|professor|prof|lehrer|nachhilfelehrer|insegnante)( \w+){0,3} (and|y|e|et|und) (i m|yo|eu|moi|ich|io)",
        ],
        &[
            r"(i|we|you) (was|were)|used to|back (in|when)|years ago",
            THEIR_CHILD,
            SIBLING,
            MEMORY,
        ],
    ),
    // The creator as a pupil today: at school still, a class like "8b", a fifteen-year-old's face.
    phrases(
        "minor",
        Draft,
        Block,
        ALL,
        &[
            r"(my|mis|meus|mes|meine|i miei|finished|terminar|terminei|finir|fertig|finito)( \w+){0,2} (homework|deberes|dever de casa|licao|devoirs|hausaufgaben|compiti)|(hausaufgaben|homework) (fertig|done)",
            r"(vado|sono|sto) (ancora )?(a|al|alle|in) (scuola|liceo|medie|superiori)|(ainda )?(to|tou|estou|ando|sigo) (ainda )?(no|na) (ensino medio|escola|colegio|fundamental)|(still|todavia|aun|encore|noch|ancora) (in|en|au|in der|al) (high school|middle school|secundaria|prepa|lycee|college|schule|liceo)",
            r"(aus der|in der|in die|die|der) \d{1,2} ?[a-e]\b|\b(tredic|quattordic|quindic|sedic|diciassett)enne\b|(faccia|cara|carinha|tete|gesicht|face) (da|de|d une?|wie eine?|of a) (quindicenne|sedicenne|\d{2} ?(anni|anos|ans|jahrige)|ragazzina|nina|menina|gamine|schulmadchen|kid|teen)",
        ],
        &[
            r"(i|we|you) (was|were)|used to|back (in|when)|years ago|era|etais|war|ero|estava|estaba",
            THEIR_CHILD,
            MEMORY,
        ],
    ),
    detector("minor", Draft, Block, c::draft_minor),
    // The model naming the fan's age under 18 ("you're only 16", "du bist erst 17"), or offering
    // her own pictures or outfits from when she was a child.
    phrases(
        "minor",
        Draft,
        Block,
        ALL,
        &[
            r"(you re|youre|ur|you are|u r|eres|tienes|tens|tem|tiene|t as|tu as|tu es|t es|du bist|bist|sei|hai)( \w+){0,2} (only|just|solo|solamente|apenas|so|seulement|que|erst|nur|ancora|solo) (1[0-7]|sixteen|seventeen|fifteen|fourteen|thirteen)\b",
            r"(so|que|che|dass|that)( \w+)? (you re|youre|you are|sei|eres|tienes|tens|tem|t as|tu as|du)( \w+)? (so )?(young|jovem|joven|jeune|jung|giovane)( \w+)* (classe|class|grade|liceo|school|escuela|escola|ecole|schule|scuola|colegio|lycee|college)",
            r"(photos?|fotos?|pics?|pictures?|bilder|outfit|tenue|uniforme?|roupa|ropa|vestiti|klamotten)( \w+){0,4} (when i was|cuando tenia|de cuando tenia|quando (eu )?tinha|quand j avais|de quand j etais|als ich|wo ich|quando avevo|di quando avevo|from when i was) (1[0-7]|en \d|in der \d|in \d|(en|in) (6e|5e|4e|3e|seconde|premiere))",
            r"(comme si|como si|as if|als ob|als war|come se|como se|pretend\w*|fingir|finjo|faire semblant|fais semblant|fare finta|faccio finta|so tun als)( \w+){0,4} (1[0-7])\b",
            r"(fantasi\w*|fantasy|fantaisie|rollenspiel|roleplay)( \w+){0,3} (de|of a|di|d une?|einer?|da) (nina|menina|schoolgirl|colegiala|ecoliere|collegienne|lyceenne|schulmadchen|scolaretta|ragazzina|studentessa)|(nina|menina|ragazzina) de (secundaria|primaria|colegio|escola)",
        ],
        &[THEIR_CHILD, SIBLING],
    ),
    // ---- drafts: claiming to be human ----
    phrases(
        "claims_human",
        Draft,
        Block,
        &["en"],
        &[
            r"(i m|im|i am) not (a |an )?(bot|robot|ai|program|chatter|machine)|not a bot|(i m|im|i am) (a )?(real|actual) (person|human|girl|woman)",
            r"(i m|im|i am) (100 |totally |fully )?(human|real)( (person|girl|human|woman|lol|promise|babe|baby|i swear|i promise))?$|100 ?%? (real|human)|totally real",
            r"real (girl|person|human|woman) here|it s (really|actually|just|all) me (typing|writing|texting|replying|here)|really me typing|no (chatters|bots?|ai)|just me",
        ],
        &[],
    ),
    phrases(
        "claims_human",
        Draft,
        Block,
        &["es", "pt"],
        &[
            r"no soy (un |una )?(bot|robot|ia|maquina)|(chica|persona|mujer) real|soy (100 )?humana?|soy yo (escribiendo|la que)|nadie mas (lee|escribe|contesta)|nada de ia",
            r"nao sou (um |uma )?(robo|bot|ia)|(pessoa|mulher|garota|menina) (real|de verdade)|sou (100 )?humana?|sou eu (mesma )?(digitando|escrevendo|que)|ninguem mais le",
        ],
        &[r"sou eu que (te |lhe )?(agradeco|agradece|pago|convido|ofereco)"],
    ),
    phrases(
        "claims_human",
        Draft,
        Block,
        &["fr"],
        &[
            r"pas un (bot|robot)|vraie (personne|fille|femme)|c est (vraiment )?moi qui|en chair et en os|pas d ia|personne d autre que moi|humaine? (a|à) 100",
        ],
        &[r"c est moi qui (te |vous )?(remercie|offre|invite|paie|paye|regale)|merci a toi"],
    ),
    phrases(
        "claims_human",
        Draft,
        Block,
        &["de"],
        &[
            r"kein (bot|roboter|programm|chatter|ki)|echte (frau|person)|echtes madchen|keine (ki|agentur|chatter)|echter mensch|bin wirklich ich|das bin (wirklich |echt )?ich|niemand ausser mir|aus fleisch und blut",
        ],
        &[],
    ),
    phrases(
        "claims_human",
        Draft,
        Block,
        &["it"],
        &[
            r"non sono (un |una )?(bot|robot|ia)|(persona|ragazza|donna) (vera|reale)|(proprio )?io che ti scrivo|in carne e ossa|nessun altro legge|niente ia|sono io al 100",
        ],
        &[],
    ),
    // "No AI here", "no team, no chatbot", "I answer every message myself", "100 % me", in
    // every language. "I'm no robot before coffee" names no list and no place, and passes.
    phrases(
        "claims_human",
        Draft,
        Block,
        ALL,
        &[
            r"(no|not an?|nao|nada de|kein\w*|aucun\w*|pas (un|une|d|de)|ningun\w*|nenhum\w*|nessun\w*|sin|sem|senza|no hay|nao tem|non c e|there s no|ni) (\w+ )?(ai|ia|ki|bot|bots|robots?|robos?|roboter|chatbots?|assistant\w*|asistente|assistente|team|equipo|equipe|agenc\w*|agentur|agenzia|chatter\w*) (here|ici|aqui|qui|hier|ni|nor|or|oder|ou|o|e|y|und|et|kein\w*|aucun\w*|ningun\w*|nessun\w*|just|solo|so|juste|nur|only)",
            r"(definitely|totally|absolutely|certainly|really) not (a|an) (ai|bot|robot)|the real me (typing|writing|texting|replying)|pas une? (ia|bot|robot|assistante?|chatbot)",
            r"(answer|reply to|write|read) (every|all|each)( \w+){0,2} (message|messages|msg|msgs|dm|dms)( \w+){0,2} myself",
            r"(je reponds|ich antworte|rispondo|respondo|contesto|i answer|i reply)( \w+){0,4} (personnellement|personlich|personalmente|myself|yo misma|eu (mesma|propria)|io stessa|selbst|moi meme)",
            r"(nobody|no one|nadie|personne|niemand|nessun\w*) (else|mas|d autre|ausser mir|altro|altri)( \w+){0,2} (touch\w*|toca|gere|handles|runs|reads|writes|answers|lee|escribe|contesta|liest|schreibt|antwortet|legge|scrive|risponde|tocca)|mais ninguem (\w+ )?(mexe|le|escreve|responde|toca)",
            r"100 ?%? (human|humana|humano|humaine|humain|menschlich|mensch|umana|umano|moi|yo|eu|io|ich|me)\b",
            r"c est (vraiment |bien )?moi (en vrai|promis)|c est vraiment moi|soy yo( de verdad| misma| en persona)? (escribiendo|la que)|nao sou (nenhum|nenhuma) (bot|robo|ia)|(rapariga|moca) (real|de verdade)|sono (davvero|proprio|veramente) io|scrivo (ogni|tutti i) messagg\w*",
        ],
        &[r"\b(photo|foto|pic|pics|video|picture|selfie|bild)\b"],
    ),
    // "I'm real, not some AI", "no bots here, it's me typing", "I answer every message myself",
    // "flesh and blood", in every language.
    phrases(
        "claims_human",
        Draft,
        Block,
        ALL,
        &[
            r"(i m|im|i am|soy|sou|je suis|sono|ich bin|bin)( \w+)? (real|reale|reelle|echt|humana?|humaine?|umana|vera|de verdad|de verdade)( \w+){0,3} (not|no|nao|pas|nicht|kein\w*|non|nem) (\w+ )?(ai|ia|ki|bot|bots|robot|chatbot|maquina|machine|programm?a?)\b",
            r"\b(me|yo|eu|moi|ich|io)( \w+){0,8} (typing|texting|escribiendote|escribiendo|escrevendo|digitando|te escribo|te escrevo|qui t ecris|qui ecris|ti scrivo|sto scrivendo)( (this|esto|isto|ca|das|questo|to you|you))?\b",
            r"(schreib\w*|write|writing|typing|texting|escribo|escrevo|j ecris|je t ecris|scrivo|antwort\w*|beantwort\w*|respondo|contesto|reponds|rispondo|answer\w*|repl\w*)( \w+){0,4} (myself|selbst|yo misma|eu mesma|moi meme|io stessa|personally|personalmente|personlich|personnellement)\b",
            r"(human|humana|humaine|umana)( \w+){0,2} (as it gets|que nadie|ate demais|que jamais|piu che mai)|(more|mas|mais|plus|piu) (human|humana|humaine|umana)|menschlicher als|(not|no|nao|pas|kein|keine|non) (a |an |un |una |um |uma |une |ein |eine |some )?(program\w*|programa|programme|bot|robot|ai|ia|ki|machine|maquina|macchina)$",
            r"de carne (e|y) (osso|hueso)|in carne e ossa|aus fleisch und blut|en chair et en os|flesh and blood",
            r"(no|not|nao|pas de|aucun|kein\w*|nessun\w*|ningun\w*|nenhum\w*)( \w+)? (software|program\w*|programa|logiciel|assistant\w*|asistente|assistente|bot|ai|ia|ki)( \w+){0,2} (answering|replying|writing|contestando\w*|respondiendo\w*|respondendo|repond|antwortet|risponde|responde)|(i don t|i dont|i never|no uso|nao uso|j utilise aucun|je n utilise aucun|ich nutze kein\w*|ich benutze kein\w*|non uso)( any| ningun\w*| nenhum| nessun\w*)? (assistant|asistente|assistente|assistenten|ai|ia|ki|software|bot|chatgpt)|(every|cada|chaque|jedes|ogni) (word|palabra|palavra|mot|wort|parola) (here |aqui |ici |hier |qui )?(is|es|e|est|ist) (mine|mia|minha|de moi|von mir)",
            r"(aqui|aca|hier|ici|qui|here)( \w+){0,2} (no hay|nao tem|nao ha|gibt s keine|gibts keine|gibt es keine|n y a pas|il n y a pas|non ci sono|non c e|there are no|there s no|no|pas de|y a pas de)( \w+)? (bots?|ia|ki|ai|equipe|equipo|agencia|agentur|agenzia|team|chatters?|robots?|robos?|roboter)\b",
            r"(nobody|no one|nadie|ninguem|personne|niemand|nessuno) (\w+ ){0,2}(writes|escribe|escreve|ecrit|n ecrit|schreibt|scrive)( \w+){0,3} (for me|por mi|por mim|a ma place|fur mich|per me|these|estos|estas|essas|esses|ces|das|questi|queste)|(soy yo|sou eu|c est moi|das bin (zu )?|sono io|it s|this is|its) (al |zu |a )?100\b",
        ],
        &[],
    ),
    // ---- drafts: meta-text and instruction leaks ----
    detector("instruction_leak", Draft, Block, d::meta_markup),
    phrases(
        "instruction_leak",
        Draft,
        Block,
        ALL,
        &[
            r"as an ai|as a (large )?language model|language model|como (una |uma )?ia|en tant qu ?ia|als ki|come (un )?ia|openai|chatgpt",
            r"(as an?|como|comme|come|als|in quanto|en tant qu|en tant que|enquanto|in quanto) (artificial intelligence|inteligencia artificial|intelligence artificielle|intelligenza artificiale|kunstliche intelligenz)|modelo de (lenguaje|linguagem)|modele de langage|sprachmodell|modello linguistico",
            r"(keep|keeping|mantener|manter|garder|halte|mantenere) (the|el|o|le|den|il) (tone|tono|tom|ton)|system ?prompt|my (instructions|prompt|guidelines)|i (was|am|have been) (instructed|programmed|told) to|the persona",
            r"(mis |las |segun mis )?instrucciones( del sistema)?|(minhas |as )?instrucoes|(selon )?mes (instructions|consignes)|(laut )?meinen? anweisungen|(secondo )?le mie istruzioni",
            r"here (s|is|are) (a|an|my|the|some|two|three) (\w+ ){0,3}(reply|replies|response|responses|message|answer|draft|options?)|aqui (tienes|tens|esta|vai) (una|uma) (\w+ ){0,2}(respuesta|resposta)",
            r"voici (une|ma) (\w+ ){0,2}reponse|hier ist (eine|meine) (\w+ ){0,2}antwort|ecco (una|la) (\w+ ){0,2}risposta",
            r"(the|el|o|l|der|il) (user|usuario|utilisateur|nutzer|utente|fan) (seems|parece|semble|scheint|sembra)",
            r"(in the (voice|style|tone) of|en el (papel|tono) de|no (papel|tom) de|dans le ton de|im stil de[rs]|nel ruolo di) (the |la |a |der |della )?(creator|creadora|criadora|creatrice|creatorin|persona)",
        ],
        &[],
    ),
    phrases(
        "instruction_leak",
        Draft,
        Block,
        ALL,
        &[
            r"(as|como|en tant que|als|come) (the |la |a )?persona\b|(draft|borrador|rascunho|brouillon|bozza)( de| di)? (reply|respuesta|resposta|reponse|risposta)|antwortentwurf|(keep|keeping|menos de|moins de|unter|meno di|under|max|maximo|maximum) \d+ (words|palabras|palavras|mots|wortern|worter|parole)",
            r"up ?sell\w*|cross ?sell\w*|(the|il|el|o|le|der|la) (fan|user|usuario|utente|nutzer|utilisateur) (has|ha|hat|a|tiene|tem) (spent|speso|gastado|gasto|depense|ausgegeben|paid|pagato|pagado|pago|paye|bezahlt)",
            r"(in quanto|en tant qu|en tant que|enquanto|as an?) (ia|ai|ki|assistente?|assistant\w*|modello|modelo|modele|model)\b",
        ],
        &[],
    ),
    // A model refusing, or offering versions to choose from, instead of writing the reply:
    // boilerplate every chat model emits in some form.
    detector("instruction_leak", Draft, Block, c::refusal),
    detector("instruction_leak", Draft, Block, c::versions),
    phrases(
        "instruction_leak",
        Draft,
        Block,
        ALL,
        &[
            r"(as per|according to|segun|conforme|selon|gemass|laut|come da|secondo) (the |las |as |les |den |le |my |mis |minhas |mes |meine\w* |le mie |la mia |mi |minha |ma |meiner )?(instructions|instrucciones|instrucoes|consignes|anweisungen|istruzioni|persona|personaje|personagem|personnage|personaggio|character|rolle|role|papel|ruolo|guidelines|directrices|diretrizes|richtlinien|linee guida)\b",
            r"(against|viola\w*|contra|contrari\w*|verstosst gegen|verstoesst gegen|va a l encontre de)( \w+){0,2} (my |mis |minhas |mes |meine\w* |le mie |the |las |as |les |den |le )?(guidelines|policies|directrices|politicas|diretrizes|politiques|richtlinien|linee guida|regole|norme)",
        ],
        &[],
    ),
    // ---- drafts: rounds 16-18 (meeting plans, a pupil's day, nicknamed apps, asks for contact) ----
    phrases(
        "meeting",
        Draft,
        Block,
        ALL,
        &[
            r"(conocernos|conhecer nos|nos conhecer|nos conocemos|se rencontrer|kennenlernen|conoscerci|meet|verte|te ver|te voir|vederti|dich sehen|see you|coffee date|date|cita|cafe|coffee|drink)( \w+){0,3} (irl|in real life|en la vida real|na vida real|dans la vraie vie|im echten leben|nella vita reale|cara a cara|face to face|in person|en persona|pessoalmente|en vrai|dal vivo|di persona|personlich)",
            r"(en que|what|which|qual|quel|in welchem|in quale|em que|dans quel) (hotel|hostel|airbnb)( \w+){0,2} (te quedas|are you staying|you re staying|you staying|tu dors|tu loges|ficas|estas|ti trovi|alloggi|wohnst du|bist du|schlafst du|stai)|(dime|tell me|diz me|dis moi|sag mir|dimmi) (donde|where|onde|ou|wo|dove) (te quedas|you re staying|you stay|ficas|tu dors|tu loges|du schlafst|du wohnst|alloggi|stai)",
            r"(te espero|i ll wait for you|i ll be waiting|je t attends|ich warte auf dich|ti aspetto|te aguardo)( \w+){0,2} (no|en el|at the|a l|im|all|in|na|en la|au|alla|al|am) (hotel|quarto|habitacion|room|chambre|zimmer|camera|lobby|bar|cafe|restaurante|restaurant|ristorante|estacion|gare|bahnhof|stazione|aeroporto|aeropuerto|airport|flughafen|aeroport|station)",
            r"(code de la porte|code d entree|door code|gate code|codigo (de la puerta|do portao|del portal)|turcode|tuercode|codice del portone|codice del cancello)",
            r"(on se fait|nos hacemos|nos tomamos|tomamos|a gente faz|a gente toma|facciamo|ci prendiamo|machen wir|trinken wir|we grab|let s grab|lets grab|we could grab)( \w+){0,1} (un |une |uma |um |a |einen |ein |una )?(resto|cafe|verre|apero|cafecito|cafezinho|drink|coffee|kaffee|caffe|aperitivo|spritz|pizza|dinner|cena|jantar|diner|restaurant|brunch|biere|bier|birra|cerveza|cerveja|fondue)",
            r"(um|at|a las|as|a|alle|vers|at around|um ca) \d{1,2}( uhr| h| pm| am)?( \w+){0,2} (beim|at the|en el|no|na|au|chez|al|alla|da|im|zum|in the|at) (italiener|griechen|chinesen|mexikaner|inder|thai|italian|italiano|mexicano|chino|japones|pizzeria|trattoria|brasserie|bistro|biergarten|kneipe|pub|cafe|bar|restaurante|restaurant|ristorante|resto)",
            r"(wiesn|oktoberfest|festival|fiesta|festa|fete|kirmes|stadio|stadium|estadio|concierto|concert|konzert|concerto|show)( \w+){0,1} (zusammen|together|juntos|juntas|ensemble|insieme|a deux|los dos|nos dois)",
            r"(cafe|cafecito|cafezinho|coffee|kaffee|caffe|bar|resto)( \w+){0,3} (al lado de|cerca de|junto a|near|next to|perto d\w*|pres de|a cote de|vicino a|neben|in der nahe) (mi|my|meu|minha|mon|ma|mein\w*|il mio|la mia|casa|home|chez moi|zu hause)",
            r"(je monte a|je descends a|je passe a|i m coming to|ich komme nach|vengo a|scendo a|salgo para|voy a ir a|vou a|vou pra|je viens a) [a-z]+( \w+){0,3} (on se|nos|a gente|ci|wir|we)\b",
            r"(passe|passa|pasate|vem|komm|come|stop by)( \w+){0,2} (chez moi|da me|a casa mia|por mi casa|la em casa|ca em casa|bei mir|zu mir|my place)( \w+){0,4} (apres|after|despues|depois|dopo|nach)",
        ],
        &[
            r"(in|en|no|na|dans le|im|nella|on) (the )?(chat|dm|dms|app|live|stream|fanvue)",
            // "Non posso vederti di persona, ma qui sono tutta tua": a meeting declined.
            r"\b(non posso|can t|cannot|can not|no puedo|nao posso|ne peux pas|peux pas|kann (ich )?nicht|kann dich nicht|never|nunca|jamais|mai|nie|i don t|i dont|won t|wont)\b",
        ],
    ),
    phrases(
        "minor",
        Draft,
        Block,
        ALL,
        &[
            r"(age is just a number|age is only a number|la edad es solo un numero|la edad es solo numero|a idade e so um numero|a idade e apenas um numero|l age n est qu un (chiffre|nombre)|l eta e solo un numero|alter ist nur eine zahl)",
            r"(when you get out of|after|cuando salgas del?|despues del?|quando sair da|quando saires da|depois da|quand tu sors du|quand tu sortiras du|apres le|quando esci da|quando esci dalla|dopo la|wenn du aus der|nach der) (school|cole|colegio|escuela|escola|lycee|college|scuola|schule|secu|prepa|insti|liceo|medie)\b",
            r"(finish|finis|finisci|termina|termine|acaba|mach|do) (\w+ ){0,2}(your homework|tus deberes|tus tareas|la tarea|tes devoirs|i compiti|i tuoi compiti|deine hausaufgaben|teu dever|tua licao|os deveres|o dever de casa|la tarea)",
            r"(your|tu|ta|tua|teu|dein\w*|tus|tes|i tuoi|seus) (mom|mum|mother|parents|mama|madre|padres|papas|mae|pais|mere|parents|mutter|eltern|genitori|maman|papa|old man|old lady)( \w+){0,4} (don t have to know|doesn t have to know|dont need to know|never have to know|no tienen por que saber|no tiene por que saber|no tienen que saber|no tiene que saber|nao precisa saber|nao precisam saber|surveille|surveillent|ne doit pas savoir|ne doivent pas savoir|muss nichts wissen|mussen nichts wissen|mussen es nicht wissen|non deve sapere|non devono sapere|checks? your phone|revisa tu cel|controlla il tuo telefono)",
            r"(wirst du|you turn|you ll turn|you ll be|cumples|vas a cumplir|fazes|vais fazer|tu auras|tu vas avoir|compi|compirai|turning)( \w+){0,2} (1[0-7]|sixteen|seventeen|fifteen|dieciseis|diecisiete|quince|dezesseis|dezessete|quinze|seize|dix sept|sechzehn|siebzehn|funfzehn|sedici|diciassette|quindici)\b",
            r"(de|en|in|no|na|dans|nella) (noveno|octavo|septimo|nono|oitavo|neuvieme|seconda media|terza media|prima media|seconde|secundaria|secu|ensino medio|ensino fundamental|secondaire \d|quinta elementare|grundschule|realschule|hauptschule|mittelstufe|unterstufe)\b|(chiquit[oa]s|nenes|crios|gamins|ragazzini|jungs) de (noveno|octavo|secu|secundaria|sexto|septimo)",
            r"(like i m|like i m back|as if i were|come se fossi|como si estuviera|comme si j etais|als ware ich|como se estivesse)( \w+){0,2} (in year|back in year|in grade|in \d{1,2}th grade|en (la )?secu|en seconde|al liceo|in der \d{1,2})",
        ],
        &[
            // "Ton fils entre en seconde ?": the fan's child at school, not the fan.
            r"(son|daughter|kid|kids|child|children|hij[oa]s?|filh[oa]s?|fils|fille|enfants?|figli[oa]|sohn|tochter|kinder?|nino|nina|crianca|bambin[oa]|niece|nephew|sobrin[oa]|nipote|neveu|nichte|neffe)",
        ],
    ),
    phrases(
        "claims_human",
        Draft,
        Block,
        ALL,
        &[
            r"(genauso|just as|as much|tan|tao|aussi|altrettanto|so sehr) (ein |una |um |a |une |uma |an )?(mensch|human|humana?|humaine?|umana?|persona|pessoa) (wie du|as you|como tu|como voce|como vos|que toi|come te)",
            r"(hinter dem account|hinter diesem account|hinter dem profil|behind (this|the|my) (account|profile|page)|detras de (esta|la|mi) cuenta|por tras (desta|da|dessa) conta|derriere ce compte|derriere mon compte|dietro (questo|il|al|a questo) (profilo|account))( \w+){0,3} (nur ich|just me|only me|solo yo|so eu|apenas eu|que moi|seulement moi|solo io|soltanto io|sono io|c est moi|ist nur)",
            r"(would|could|can|does|do) (a|an) (bot|ai|robot|machine|program) (remember|know|do|send|laugh|say|write|feel|care)",
            r"(cero|zero|null|nessuna|aucune|nada de|sin|sem|keine|no) (inteligencia artificial|intelligenza artificiale|intelligence artificielle|kunstliche intelligenz|ia|ai|ki|bots?|robots?)( \w+){0,2} (aqui|here|qui|ici|hier|aca|aqui dentro|por aqui)",
            r"(soy|sou|sono|je suis|ich bin|i m|i am|somos)( \w+){0,2} (una |um |uma |une |a |ein |eine )?(persona|pessoa|person|personne|mensch|mujer|mulher|femme|frau|donna|woman|girl|chica|menina|fille|madchen|ragazza) (de verdad|de verdade|real|vraie|reale|vera|echte?r?|in carne e ossa|en chair et en os|de carne y hueso|de carne e osso|aus fleisch und blut|flesh and blood)",
            r"(humaine?|humana?|human|umana?|menschlich)( et| y| e| and| und)? (vivante?|viva|vivo|alive|lebendig|in carne e ossa)",
        ],
        &[],
    ),
    phrases(
        "off_platform",
        Draft,
        Block,
        ALL,
        &[
            r"(app|application|aplicacion|aplicativo|applicazione|appli)( \w+){0,1} (mit dem|with the|del|do|da|avec le|avec la|con il|con el|com o|con la|du|de la) (kleinen |little |pequeno |petit |piccolo |petite )?(gespenst|ghost|fantasma|fantome|fantasmino|fantasminha|geist|fantasmita|oiseau|bird|passarinho|pajarito|uccellino|vogel)",
            r"(l oiseau bleu|the blue bird|el pajarito azul|o passarinho azul|l uccellino azzurro|den blauen vogel|dem blauen vogel|blue bird app|petit fantome jaune|little yellow ghost|fantasmita amarillo|fantasminha amarelo)",
            r"(gruppo|group|grupo|groupe|gruppe|canale|canal|channel|kanal|chat) (tg|telegram|wa|whatsapp|insta|discord|signal)\b|(meglio|better|mejor|melhor|mieux|lieber|besser|plutot) (su|on|por|en|no|na|sur|auf|via) (wa|tg|insta|ig|snap|zap|whats|telegram|signal|discord|kik)\b",
            r"(profilo|profile|perfil|profil|account|cuenta|conta|compte) (insta|ig|tiktok|twitter|snap|telegram|x)( \w+){0,1} (secondario|secondaire|secundario|secundaria|privat\w*|private|privado|privada|prive|privato|backup|reserva|riserva|alternativ\w*|second\w*|segundo|segunda|zweit\w*|secret\w*|segreto)",
            r"(in|on|en|na|no|sur|dans|nella|auf|a) (my|meine?r?|mi|minha|meu|ma|mon|la mia|il mio|mes|mis) (insta|ig|instagram|tiktok|snap|twitter|threads|telegram) ?(story|stories|storys|bio|profil\w*|perfil|profile|feed|posts?|highlights?|destacados|destaques)",
            r"(ho|i have|i ve got|i got|tengo|tenho|j ai|hab|ich hab|ich habe) (anche |also |tambien |tambem |aussi |auch |too )?(signal|telegram|whatsapp|tg|snapchat|discord|kik|session|threema|wickr|viber|wechat)\b",
            r"(linkzinho|link|links|enlace|lien|collegamento|liens)( \w+){0,2} (da minha|de mi|in my|dans ma|nella mia|in meiner|na minha|en mi|on my) bio",
        ],
        // "Sanremo col gruppo WhatsApp": her own friends' group, no invitation.
        &[
            r"(col|con il|with the|with my|con mi|con el|com o meu|avec mon|mit meiner|mit der) (gruppo|group|grupo|groupe|gruppe)",
            r"\b(nao tenho|no tengo|don t have|i don t have|dont have|j ai pas|je n ai pas|hab kein\w*|habe kein\w*|non ho)\b",
        ],
    ),
    phrases(
        "phone_number",
        Draft,
        Block,
        ALL,
        &[
            r"(telefonisch|par telephone|por telefono|por telefone|al telefono|per telefono|on the phone|by phone|am telefon)( \w+){0,2} (erreich\w*|reach|contact\w*|llamar|ligar|appeler|chiamar\w*|anrufen|kontaktier\w*|sentir)|(erreich\w*|reach|contact\w*|kontaktier\w*) (ich |i |je |te |ti |dich |you )?(dich |you |te |ti )?(telefonisch|by phone|par telephone|por telefono|per telefono)",
            r"(pasame|pasa me|dame|mandame|passa|passami|da me|dammi|donne moi|file moi|gib mir|send me|give me|manda|me passa|me da|envoie moi|schick mir)( \w+){0,1} (tu|teu|ton|ta|dein\w*|il tuo|your|seu|sua) (telefono|telefone|tel|telephone|natel|portable|handy|handynummer|cel|celular|movil|cellulare|numero|number|nummer|whats|zap|whatsapp)",
        ],
        &[],
    ),
    phrases(
        "email",
        Draft,
        Block,
        ALL,
        &[
            r"(donne moi|give me|send me|dame|pasame|manda|mandame|dammi|qual e|what s|whats|what is|cual es|qual o|c est quoi|wie ist|gib mir|schick mir|dis moi|dime|dimmi|me passa|me da|laisse moi|lascia)( \w+){0,2} (ton|ta|tu|teu|tua|dein\w*|il tuo|la tua|your|seu|sua) (adresse |indirizzo |endereco |direccion de |e )?(courriel|e mail|email|mail|correo|posta elettronica|di posta elettronica|indirizzo di posta elettronica|mailadresse|email adresse)",
        ],
        &[],
    ),
    // ---- drafts: round 19 (addresses by provider, implied humanity, tips for a show) ----
    phrases(
        "email",
        Draft,
        Block,
        ALL,
        &[
            r"(adresse|address|direccion|endereco|indirizzo|mail|correo)( \w+){0,3} (bei|at|en|chez|no|na|su|on|de) (gmail|yahoo|hotmail|outlook|gmx|web de|proton\w*|icloud|libero|aol|laposte)\b",
            r"(username|pseudo|nombre de usuario|usuario|nome de usuario|nome utente|benutzername|mein name hier|mon nom ici)( \w+){0,4} (plus|suivi de|mas|mais|piu|seguido de|followed by|und dann) (\d+|chez|at|bei|en)",
        ],
        &[],
    ),
    phrases(
        "claims_human",
        Draft,
        Block,
        ALL,
        &[
            r"(soy|sou|sono|je suis|i m|im|ich bin) (muy |muito |bien |molto |very |totally |super |tan |tao |100 |totalmente )(real|reale|reelle|echt|vera|verdadera|verdadeira)\b|(so|ganz) echt bin ich",
            r"(en persona|em pessoa|in persona|in person|en personne|personlich|in carne e ossa) (del otro lado|do outro lado|on the other side|de l autre cote|dall altra parte|auf der anderen seite|dietro lo schermo|detras de la pantalla|do outro lado da tela)",
            r"(si fuera|if i were|se eu fosse|si j etais|se fossi|wenn ich) (una |a |um |uma |une |eine |ein )?(maquina|machine|bot|robot|ia|ai|ki|maschine|macchina|robo)\b|(eine maschine|a machine|una maquina|uma maquina|une machine|una macchina) ich\b",
        ],
        &[],
    ),
    phrases(
        "meeting",
        Draft,
        Block,
        ALL,
        &[
            r"(souper|manger|dejeuner|bruncher|lunch|almorzar|almocar|pranzare|fruhstucken|comer|mangiare|essen)( \w+){0,2} (ensemble|together|juntos|juntas|insieme|zusammen|a deux|nos dois)",
            r"(treffen|encontro|encuentro|rencontre|incontro|appuntamento|date) (in echt|irl|en vrai|de verdad|em pessoa|dal vivo|in real life|en persona|di persona|pessoalmente|en la vida real|na vida real)",
        ],
        &[
            r"\b(non posso|can t|cannot|no puedo|nao posso|ne peux pas|peux pas|kann (ich )?nicht|never|nunca|jamais|nie|i don t|won t)\b",
        ],
    ),
    phrases(
        "minor",
        Draft,
        Block,
        ALL,
        &[
            r"(nina|nena|chica|menina|gamine|petite|ragazzina|bambina|madchen|girl|schoolgirl|peque|chiquilla|novinha|pibita) de (1[0-7]|doce|trece|catorce|quince|dieciseis|diecisiete|doze|treze|quatorze|catorze|quinze|dezesseis|dezasseis|dezessete|dezassete|douze|treize|seize|dix sept|dodici|tredici|quattordici|quindici|sedici|diciassette)\b",
            r"(peque|nene|chiquit[oa]|chamac[oa]|pibe|piba|menin[oa]|novinh[oa]|gamin[e]?|ragazzin[oa]|kleine[rs]?|kid|teen)( \w+){0,1} (de |von |of |di )?1[0-7]\b",
            r"(photo|foto|pic|picture|bild|video)( \w+){0,2} (de moi|of me|mia|de mi|minha|von mir)( \w+){0,1} (en|in|a|al|aus der|from) ([3-6] ?(e|eme)|seconde|year \d{1,2}|\d{1,2}th grade|secundaria|secu|ensino medio|middle school|high school|terza media|seconda media|prima media|\d{1,2} klasse|\d{1,2}\. klasse)\b",
        ],
        &[],
    ),
    phrases(
        "off_platform",
        Draft,
        Block,
        ALL,
        &[
            r"(colleghiamo|call|videollamada|chamada|appel|anruf|videochiamata|hop|let s|vamos|on se|ci vediamo|nos vemos|link|invit\w*)( \w+){0,3} (su|on|por|via|sur|auf|no|na|en) (zoom|skype|facetime|google meet|teams|whereby|jitsi)\b",
            r"(telecharge|download|descarga|baixa|scarica|lade dir|instala|installe|installa|install)( \w+){0,1} (signal|telegram|whatsapp|snapchat|kik|session|threema|wickr|discord|viber|wechat)\b",
        ],
        &[],
    ),
    phrases(
        "phone_number",
        Draft,
        Block,
        ALL,
        &[
            r"(nove|nine|nueve|neuf|neun|dez|diez|ten|dix|zehn|dieci|onze|once|eleven|9|10|11) (digitos|digits|chiffres|ziffern|cifre|numeros)",
        ],
        &[],
    ),
    phrases(
        "off_platform_payment",
        Draft,
        Block,
        ALL,
        &[
            r"wunschliste|liste d envies|lista dei desideri|lista de desejos|(perfil|pagina|link|app) de cafecito|\byape\w*|leetchi|cagnotte|vakinha|vaquinha|gofundme|kisskissbankbank|colletta",
        ],
        &[],
    ),
    phrases(
        "price_talk",
        Draft,
        Block,
        ALL,
        &[
            r"(send|manda|envoie|schick|mandami|dame|deixa|lascia|lasciami|leave)( \w+){0,2} (\d{1,4}|a tenner|a fiver|ten|twenty|dez|vinte|diez|veinte|dix|vingt|zehn|zwanzig|dieci|venti)( \w+){0,2} (in tips|de gorjeta|de propina|en tips|di mancia|trinkgeld|en pourboire|tip|mancia)( \w+){0,6} (show|mostro|muestro|montre|zeig\w*|unlock|desbloqueo|debloque|sblocco|freischalte)",
            r"\b(a tenner|a fiver|twenty quid|ten quid|nem zwanni|einen zwanni|nen zwanni|nen zehner|einen zehner|nen fuffi|einen fuffi|nen hunni|cien varos|cien pavos|veinte pavos|vingt balles|dix balles|cinquante balles|venti sacchi|dieci sacchi|cem paus|vinte conto|cinquenta conto)\b",
        ],
        &[],
    ),
    phrases(
        "link",
        Draft,
        Block,
        ALL,
        &[
            r"\b[a-z0-9]{3,} (dot|punto|ponto|point|punkt) (com|net|org|club|xyz|shop|store|site|online|link|page|top|vip|app|me|io|co|tv|fans|sexy|xxx)\b",
        ],
        &[d::DOT_COM_ERA_WORDS],
    ),
    // ---- drafts: round 20 (apps asked for, plans made, her youth, a tip for the rest) ----
    detector("link", Draft, Block, d::spaced_link),
    phrases(
        "off_platform",
        Draft,
        Block,
        ALL,
        &[
            r"(hast du|do you have|have you got|got|tienes|tenes|tens|tem|as tu|t as|hai|avete) (wa|whatsapp|tg|telegram|signal|snap|snapchat|insta|ig|discord|kik|line|viber|wechat|zap|zapzap|whats)\b",
            r"\b(zoomen|facetimen|skypen)\b|(hacer|hacemos|fazer|fazemos|faire|on fait|fare|facciamo) (un |uma |une |una )?(zoom|facetime|skype|videollamada|videochamada|chamada de video|visio|videochiamata)\b",
            r"(en el|no|na|on|sur|auf|en|nel) (feis|feisbuk|face|fb|facebook|insta|tiktok|twitter)( \w+){0,4} (perfil|profile|profil|profilo|solicitud|request|demande|richiesta|anfrage|agregame|add me|ajoute moi|aggiungimi|adicione|adiciona)",
        ],
        &[],
    ),
    phrases(
        "meeting",
        Draft,
        Block,
        ALL,
        &[
            r"(irl|in real life|im echten leben|en la vida real|na vida real|dans la vraie vie|nella vita reale|in person|en persona|pessoalmente|di persona|dal vivo|en vrai|personlich) (treffen|kennenlernen|sehen|meet|conocernos|vernos|nos ver|se voir|se rencontrer|vederci|incontrarci)",
            r"(il posto|el lugar|o lugar|l endroit|den ort|the place|el sitio|o sitio) (sceglilo tu|lo eliges tu|eliges tu|escolhe tu|escolhes tu|tu choisis|you choose|you pick|suchst du aus)|(dis moi|dime|diz me|tell me|sag mir|dimmi) (juste )?(ou et quand|donde y cuando|onde e quando|where and when|wo und wann|dove e quando)",
            r"(send|mando|envio|envoie|schick|te paso|te mando|ti mando|i ll send)( \w+){0,2} (the |el |o |le |die |il |my |mi |mon |meine |il mio )?(postcode|post code|zip code|zip|codigo postal|cep|code postal|postleitzahl|plz)\b",
            r"(tu traes|you bring|tu trazes|traz tu|tu apportes|porti tu|bringst du) (el |o |le |il |the |den |die )?(vino|vinho|vin|wine|wein|cerveza|cerveja|bieres|birra|beer|bier)",
        ],
        &[
            r"\b(non posso|can t|cannot|no puedo|nao posso|ne peux pas|peux pas|kann (ich )?nicht|never|nunca|jamais|nie|i don t|won t|mach ich nicht|mache ich nicht|tu ich nicht|no hago|nao faco|je ne fais pas|non faccio)\b",
        ],
    ),
    phrases(
        "claims_human",
        Draft,
        Block,
        ALL,
        &[
            r"(si fuera|if i were|se eu fosse|si j etais|se fossi|wenn ich) (una |a |um |uma |une |eine |ein |un )?(programa|program|programme|programm|programma|software|logiciel)\b",
            r"(la unica que|the only one|a unica que|la seule qui|l unica che|die einzige die)( \w+){0,2} (teclea|escribe|types|typing|writes|digita|escreve|tape|ecrit|scrive|tippt|schreibt)( \w+){0,4} (soy yo|is me|sou eu|c est moi|sono io|bin ich)",
            r"(bots?|robots?|robos?|ias?|ais|kis?|maquinas?|machines?|maschinen?|macchine?) (can t|cannot|don t|dont|no|nao|ne|n|non|kann nicht|konnen nicht|ca) (\w+ ){0,2}(blush|feel|eat|miss|sleep|get tired|sonroja\w*|siente\w*|comen|come|extranan|duermen|cora\w*|sente\w*|comem|come|fica com saudade|ficam com saudade|rougi\w*|ressent\w*|mange\w*|arrossisc\w*|provano|mangiano|erroten|fuhlen|essen|vermissen)",
            r"(promis|je te jure|i swear|te juro|juro|giuro|ich schwor\w*)( \w+){0,2} (je suis|i m|soy|sou|sono|ich bin) (reelle|real|reale|vera|echt|humaine|human|humana|umana|mensch)\b",
        ],
        &[],
    ),
    phrases(
        "email",
        Draft,
        Block,
        ALL,
        &[
            r"(arroba|arobase|chiocciola|klammeraffe|at sign|at symbol)( \w+){0,3} (gmail|yahoo|hotmail|outlook|gmx|proton\w*|icloud|libero|aol|laposte)\b",
            r"(me dejas|dejame|me deixas|deixa me|me laisses|mi lasci|lasciami|t as|tienes|tens|as tu|hast du|have you got|do you have|hai)( \w+){0,1} (un |une |uma |una |an |ein |eine |tu |ton |ta |teu |tua |il tuo |deine )?(courriel|e mail|email|mail|correo|adresse mail|direccion de correo|endereco de email|indirizzo email|email adresse)\b",
        ],
        &[],
    ),
    phrases(
        "minor",
        Draft,
        Block,
        ALL,
        &[
            r"(when i was|cuando tenia|quando tinha|quand j avais|j avais|quando avevo|als ich)( \w+){0,1} (1[0-7]|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|doce|trece|catorce|quince|dieciseis|diecisiete|doze|treze|quatorze|catorze|quinze|dezesseis|dezessete|douze|treize|seize|dix sept|dodici|tredici|quattordici|quindici|sedici|diciassette|zwolf|dreizehn|vierzehn|funfzehn|sechzehn|siebzehn)( \w+){0,12} (wanna (see|hear)|want to (see|hear)|quieres (ver|saber)|queres (ver|saber)|tu veux (la |le |les )?(voir|savoir)|vuoi (vedere|sapere)|willst du (sie |es )?(sehen|wissen)|drooling|babeando)",
            r"(no tengas|nao tenhas|nao tens|n aies pas|tu n as pas|non hai|nicht hast|aren t|you re not|not)( \w+){0,1} (18|dieciocho|dezoito|dix huit|diciotto|achtzehn|eighteen)\b",
            r"\b(a tus|com teus|com os teus|a tes|ai tuoi|mit deinen|at) (1[0-7]|quince|dieciseis|diecisiete|quinze|dezesseis|dezessete|seize|dix sept|sedici|diciassette|sechzehn|siebzehn|fifteen|sixteen|seventeen)\b",
            r"(diz que|dices que|dis que|dici che|sagst dass|say you re|said you re|say you are)( \w+){0,1} (1[0-7])\b",
            r"(t es|tu es|vc ta|vc esta|estas|eres|you re|sei|bist du) (au|en|no|na|in|al|alla|at|im|in der) (college|lycee|secu|secundaria|prepa|colegio|escola|ensino medio|middle school|high school|scuola media|medie|liceo|schule|gymnasium|realschule)\b",
        ],
        &[c::CLOCK_AT],
    ),
    phrases(
        "price_talk",
        Draft,
        Block,
        ALL,
        &[
            r"(con|with|com|avec|mit) (una |a |um |uma |une |einem |un )?(mancia|tip|gorjeta|propina|pourboire|trinkgeld) (di |de |of |von |da )?(\d{1,4}|dieci|venti|trenta|cinquanta|ten|twenty|fifty|diez|veinte|dez|vinte|dix|vingt|zehn|zwanzig)\b",
            r"(\d{1,4}|dieci|venti|trenta|quaranta|cinquanta|sessanta|settanta|ottanta|cento|ten|twenty|thirty|forty|fifty|sixty|hundred|diez|veinte|treinta|cuarenta|cincuenta|sesenta|cien|dez|vinte|trinta|quarenta|cinquenta|sessenta|cem|dix|vingt|trente|quarante|cinquante|soixante|cent|zehn|zwanzig|dreissig|vierzig|funfzig|sechzig|hundert) (e|and|y|et|und) (il|the|el|o|la|le|das|der|die) (video|foto|photo|pack|set|clip|vid|bild|contenido|conteudo|contenu|inhalt)( \w+){0,1} (e tuo|e tua|is yours|s yours|es tuyo|es tuya|e teu|e tua|e seu|est a toi|gehort dir|ist deins)",
        ],
        &[],
    ),
    // ---- drafts: round 21 (showing him around, her number's start, a minor relative, notes) ----
    phrases(
        "meeting",
        Draft,
        Block,
        ALL,
        &[
            r"(show you around|te muestro la ciudad|te enseno la ciudad|te muestro (mi|la) ciudad|te mostro a cidade|te mostro a minha cidade|je te fais visiter|te faire visiter|ti faccio vedere la citta|ti porto in giro|ti faccio fare un giro|zeig dir (die|meine) stadt|fuhr dich herum)",
            r"(si tu passes|si jamais tu passes|if you re ever in|if you come to|if you re in|si vienes a|si pasas por|si venis a|se vieres a|se vier a|se passares|se passar por|se passi da|se vieni a|wenn du mal in|wenn du in|wenn du nach)( \w+){0,6} (on se voit|on peut se voir|we ll meet|we can meet|we should meet|nos vemos|nos juntamos|a gente se ve|a gente se encontra|ci vediamo|ci becchiamo|sehen wir uns|treffen wir uns)",
            r"(numero della stanza|room number|numero de (la )?habitacion|numero do quarto|numero de (la )?chambre|numero de ta chambre|zimmernummer)",
            r"(vengo io da te|vengo da te|i ll come to you|i ll come to your|voy yo a tu|voy a tu (casa|hotel)|vou ate (voce|ti)|vou ai|je viens chez toi|je passe chez toi|ich komm\w* zu dir)( \w+){0,3} (albergo|hotel|casa|house|place|maison|haus|wohnung|appart\w*|apartamento)?",
        ],
        &[
            r"\b(non posso|can t|cannot|no puedo|nao posso|ne peux pas|peux pas|kann (ich )?nicht|never|nunca|jamais|nie|i don t|won t)\b",
        ],
    ),
    phrases(
        "claims_human",
        Draft,
        Block,
        ALL,
        &[
            r"(my|mi|meu|mon|il mio|mein|la mia|ma|minha) (manager|team|assistant|agency|agencia|agence|agenzia|agentur|equipo|equipe|squadra|assistente|assistente)( \w+){0,2} (never|nunca|jamais|mai|nie|doesn t|don t|no|nao|ne|non) (\w+ ){0,1}(touches|writes|answers|reads|touch|write|answer|read|toca|escribe|responde|lee|escreve|le|touche|ecrit|repond|lit|tocca|scrive|risponde|legge|schreibt|antwortet|liest|beruhrt)( \w+){0,1} (my |mis |meus |mes |i miei |meine )?(dms|messages|mensajes|mensagens|messaggi|nachrichten|chats?|phone|telefono|telefone)",
            r"\bi m real (hun|babe|baby|love|bb|darling|honey|sweetie|hon)\b|\b(soy|sou|je suis|sono|ich bin) (real|reale|vraie|echt|de verdad) (carino|amor|bebe|mon coeur|tesoro|schatz|baby)\b",
            r"(sono|soy|sou|suis|bin|i m|i am)( \w+){1,5} (mica|not|nao|pas|nicht|kein\w*|non) (una |a |uma |une |eine |un |ein )?(macchina|machine|maquina|maschine|robot|robo|bot)\b|\b(non sono|no soy|nao sou|je ne suis pas|ich bin kein\w*|i m not|i am not) (una |a |uma |une |eine |un |ein )?(macchina|machine|maquina|maschine|robot|robo|bot)\b",
        ],
        &[],
    ),
    phrases(
        "email",
        Draft,
        Block,
        ALL,
        &[
            r"(verrat|verrate|gib|schick|sag|tell|give|send|dame|dime|pasame|manda|mandame|me passa|me passe|me da|me de|donne|envoie|dis|dammi|mandami|dimmi|lasciami)( \w+){0,1} (mir |me |moi |mi )?(deine|your|tu|ton|ta|teu|tua|la tua|il tuo|seu) (mailadresse|mail adresse|e mail adresse|email adresse|email address|e mail address|mail address|mail|correo|direccion de correo|courriel|adresse mail|adresse e mail|endereco de email|endereco de e mail|email|e mail|indirizzo email|indirizzo mail|mail)\b",
            r"(t aurais|tu aurais|aurais tu|hattest du|hast du mal|would you have|tendrias|tenes|terias|tens|avresti)( \w+){0,2} (un |une |uma |una |an |ein |eine )?(courriel|e mail|email|mail|correo|adresse mail|mailadresse|indirizzo email)\b",
        ],
        &[],
    ),
    phrases(
        "phone_number",
        Draft,
        Block,
        ALL,
        &[
            r"(my number|my phone number|my cell|mi numero|mi celular|meu numero|meu celular|meu telemovel|mon numero|mon 06|mon portable|il mio numero|il mio cellulare|meine nummer|meine handynummer)( \w+){0,2} (starts with|begins with|empieza (con|por)|comienza (con|por)|comeca (com|por)|commence par|comincia (con|per)|inizia (con|per)|beginnt mit|fangt mit|ends (with|in)|termina (con|en|em|in)|finit par|endet (mit|auf)) \d{2,4}",
        ],
        &[],
    ),
    phrases(
        "minor",
        Draft,
        Block,
        ALL,
        &[
            r"(bevor ich 18 war|before i was 18|before i turned 18|antes de (tener|cumplir) (los )?18|antes de fazer (os )?18|antes dos 18|avant d avoir 18|avant mes 18|prima dei 18|prima di compiere 18|prima di avere 18|bevor ich volljahrig)( \w+){0,6} (fotos|photos|pics|pictures|bilder|foto|videos|video|vids|clips)",
            r"(i was only in|when i was in|cuando estaba en|cuando iba en|quando estava no|quando eu estava no|quand j etais en|quando ero in|quando facevo la|als ich in der) (year [5-9]|year 1[01]|[5-9]th grade|\w+ grade|grade [5-9]|middle school|high school|secundaria|la secu|el cole|ensino medio|oitavo ano|nono ano|seconde|troisieme|quatrieme|3e|4e|terza media|seconda media|prima superiore|achten klasse|neunten klasse|[5-9] klasse)( \w+){0,8} (flirt\w*|like this|asi|assim|comme ca|cosi|so|version of me|version de mi|versao de mim|version de moi|versione di me|version von mir|liked|gustado|gostado|aime|piaciuto|gefallen)",
            r"(sister|cousin|niece|hermana|hermanita|prima|primita|sobrina|irma|irmazinha|sobrinha|soeur|cousine|niece|sorella|sorellina|cugina|nipote|schwester|nichte)( s| de| da| di| ist| is| tiene| tem| a| ha)?( \w+){0,1} (1[0-7]|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|quince|catorce|trece|dieciseis|diecisiete|quinze|catorze|treze|dezesseis|dezessete|seize|quatorze|treize|dix sept|quindici|quattordici|tredici|sedici|diciassette|vierzehn|funfzehn|sechzehn|siebzehn)( \w+){0,12} (shoot|video|vid|videos|foto|fotos|photo|photos|content|contenido|conteudo|contenu|contenuto|inhalt|clip|set|ppv|live)\b",
            r"\b(1[0-7]|fifteen|sixteen|seventeen|quince|dieciseis|diecisiete|quinze|dezesseis|dezessete|seize|dix sept|quindici|sedici|diciassette|funfzehn|sechzehn|siebzehn)( anos| aninhos| ans| anni| jahre| years( old)?| anitos| yo)? (et|e|y|and|und) (deja|ja|ya|already|gia|schon) (si |so |tan |tao |aussi |cosi |sabe|sai|sait|sa|weisst|knows|know)",
            r"(uniforme (de l ecole|scolaire|del cole|del colegio|do colegio|da escola|escolar)|school uniform|divisa scolastica|schuluniform)",
            r"(faible pour|weakness for|debilidad por|fraco por|debole per|schwache fur|soft spot for)( \w+){0,1} (les |los |os |gli |i |die |the )?(lyceens|collegiens|highschoolers|high school boys|schoolboys|estudiantes de secundaria|colegiales|alunos do ensino medio|colegiais|liceali|studentini|schuler|schulbuben|pupils|minors|menores|mineurs|minorenni|minderjahrige)",
            r"\b(aluninho|aluninha|alumnito|alumnita|colegiala|studentino|studentina|scolaretta|scolaretto|schulmadchen|schoolgirl|schoolboy|collegienne|lyceenne)\b",
            r"(age|edad|idade|eta|alter)( \w+){0,4} (chiffre|number|numero|zahl|numerin)( \w+){0,6} \b1[0-7]\b|\b1[0-7] (ou|or|o|oder) (\d{2})( \w+){0,3} (m en fiche|don t care|me da igual|nao importa|non importa|egal)",
        ],
        &[],
    ),
    phrases(
        "instruction_leak",
        Draft,
        Block,
        ALL,
        &[
            r"(lembrete interno|internal note|internal reminder|nota interna|recordatorio interno|note interne|rappel interne|promemoria interno|nota interna|interne notiz|interner hinweis)",
            r"(a criadora|the creator|la creadora|la creatrice|die creatorin|la creatrice|a modelo|the model|la modelo|le modele)( \w+){0,1} (nao quer|doesn t want|does not want|no quiere|ne veut pas|non vuole|will nicht|prefers|prefiere|prefere|prefere|preferisce|bevorzugt)",
            r"(voici|here s|here is|aqui esta|aqui tienes|aqui vai|aqui esta|ecco|hier ist)( \w+){0,3} (message|mensaje|mensagem|messaggio|nachricht|reply|respuesta|resposta|reponse|risposta|antwort|version|texto|text|testo)( \w+){0,1} (reformule|rewritten|reformulad\w*|reescrit\w*|riformulat\w*|umformuliert|rephrased|revised|revisad\w*|corrige|corrected|ajuste|adjusted|mejorad\w*|melhorad\w*|ameliore|migliorat\w*|verbessert)",
        ],
        &[],
    ),
    // ---- drafts: round 22 (nobody else writes, a station pick-up, his address, 'estudante do 9º') ----
    phrases(
        "claims_human",
        Draft,
        Block,
        ALL,
        &[
            r"(nie|never|nunca|jamais|mai) (\w+ ){0,2}(jemand anderen|jemand anderes|someone else|anyone else|otra persona|alguien mas|outra pessoa|quelqu un d autre|qualcun altro|nessun altro)( \w+){0,4} (schreiben|write|escribir|escrever|ecrire|scrivere|antworten|answer|responder|repondre|rispondere)",
            r"(mai|never|nunca|jamais|nie) (\w+ ){0,2}(scrivere|write|escribir|escrever|ecrire|schreiben)( \w+){0,1} (qualcun altro|someone else|anyone else|otra persona|alguien mas|outra pessoa|quelqu un d autre|jemand anderen|jemand anderes)",
            r"\b(nao e|no es|isn t|it s not|c est pas|ce n est pas|non e|ist keine|ist kein|not) (uma |una |an |a |une |un |eine |ein )?(ia|ai|ki|bot|robo|robot)( nao| no| eh| hein| ne)?\b( \w+){0,3} (to|estoy|tou|je|sto|ich|i m) (digitando|escribiendo|escrevendo|tape|tapant|ecris|scrivendo|tippe|schreibe|typing|writing)",
        ],
        &[],
    ),
    phrases(
        "meeting",
        Draft,
        Block,
        ALL,
        &[
            r"(hol|hole|pick you up|recojo|te recojo|busco|te busco|pego|te pego|viens te chercher|vengo a prenderti|passo a prenderti|ti vengo a prendere)( \w+){0,3} (hauptbahnhof|bahnhof|station|estacion|estacao|gare|stazione|aeropuerto|aeroporto|airport|flughafen|aeroport)",
            r"(wart\w*|wait for you|te espero|ti aspetto|t attends|je t attendrai|aguardo|te aguardo)( \w+){0,5} (hinterausgang|backstage|stage door|salida trasera|porta dos fundos|sortie des artistes|uscita posteriore|uscita degli artisti|bei der garderobe)",
            r"(on se rejoint|rejoins moi|meet me at|nos vemos en el|nos vemos en la|a gente se encontra no|a gente se encontra na|ci vediamo al|ci troviamo al|ci vediamo da|treffen wir uns (am|im|beim|bei)|triff mich)\b",
            r"(envoie moi|send me|mandame|me manda|manda me|mandami|schick mir|dame|dimmi|dime|me passa|passe moi|donne moi|gib mir)( \w+){0,1} (ton|your|tu|teu|o teu|seu|il tuo|la tua|deine) (adresse|address|direccion|endereco|indirizzo|anschrift)",
        ],
        &[
            r"\b(en el chat|en el directo|en el live|na live|no chat|nella chat|in chat|in the chat|im chat|im stream|dans le chat)\b|\b(proximo|proxima|next|prochain\w*|prossim\w*|nachste\w*) (video|videos|directo|live|post|stream|vivo|diretta|clip)\b",
            r"\b(non posso|can t|cannot|no puedo|nao posso|ne peux pas|peux pas|kann (ich )?nicht|never|nunca|jamais|nie|i don t|won t|mail|e mail|email|correo)\b",
        ],
    ),
    phrases(
        "minor",
        Draft,
        Block,
        ALL,
        &[
            r"(adoro|amo|love|j adore|me encantan|mi piacciono|ich liebe|i like|gosto de)( \w+){0,1} (miudos|ninos|kids|boys|garotos|chicos|ragazzini|gamins|jungs|teens|teenagers|adolescentes|ados|novinhos|chavales|chamacos) (assim|asi|like that|like you|comme ca|comme toi|cosi|come te|so|wie dich|como tu|como voce)",
            r"\b(t es|tu es|estas|you re|sei|bist du|vc ta|vc esta) (en |in |no |na |al |in der |im )?(3e|4e|5e|6e|seconde|troisieme|quatrieme|\d+(th)? grade|year [5-9]|year 1[01]|[1-3] ?a media|\d{1,2} ?o ano|\d{1,2} ano|\d{1,2} klasse|\d{1,2}te klasse|\d{1,2}\w* curso)\b",
            r"\b(con|with|com|avec|a|mit) (quince|dieciseis|diecisiete|quinze|dezesseis|dezessete|seize|dix sept|quindici|sedici|diciassette|funfzehn|sechzehn|siebzehn|fifteen|sixteen|seventeen|1[3-7])( anos| ans| anni| jahren| years)? (ya|already|ja|deja|gia|schon)\b",
            r"\b(estudante|estudiante|student|etudiant|studente|schuler)( \w+){0,1} (do|de|del|of|du|della|der|in der|in) (\d{1,2} ?o? ?ano|\d{1,2}(th)? grade|\d{1,2}e|\d{1,2} klasse|[1-3] ?a media|year [5-9]|year 1[01])",
        ],
        &[],
    ),
    phrases(
        "price_talk",
        Draft,
        Block,
        ALL,
        &[
            r"(preco|precio|price|prix|prezzo|preis)( especial| special| speciale| spezial| promo\w*)?( \w+){0,2} \d{1,3} (e|y|et|und|and|virgula|coma|comma|punto|point) \d{2}\b",
        ],
        &[],
    ),
    // ---- drafts: round 23 (a pupil's outfit, 'not 18 yet', 'sono umana', find me at the exit) ----
    phrases(
        "minor",
        Draft,
        Block,
        ALL,
        &[
            r"(ainda nao fiz|ainda nao tenho|todavia no cumplo|todavia no tengo|aun no cumplo|aun no tengo|not 18 yet|not eighteen yet|je n ai pas encore|j ai pas encore|noch nicht|non ho ancora|non ho nemmeno)( \w+){0,1} (18|dezoito|dieciocho|dix huit|achtzehn|diciotto|eighteen)\b|(18|eighteen) (yet|ainda nao|todavia no|pas encore|noch nicht|non ancora)\b",
            r"(tenue|uniforme|outfit|cartable|backpack|mochila|zaino|schulranzen|divisa|grembiule)( \w+){0,2} (de |of |da |della |di |der |del )?(6e|5e|4e|3e|sixieme|cinquieme|quatrieme|troisieme|middle school|medie|secundaria|collegio|college|escola|cole|colegio|grundschule|realschule|primaria|elementary)\b",
            r"(prof|teacher|profesor|profesora|professor|professora|lehrer|lehrerin|professore|professoressa|maestra|maestro)( \w+){0,2} (et|and|y|e|und)( a| au| with| con| com| mit| alla| al)? (l )?(eleve|student|pupil|alumna|alumno|aluna|aluno|schulerin|schuler|studentessa|alunna)( \w+){0,1} (de |of |da |della |der |di |del )?(6e|5e|4e|3e|sixieme|cinquieme|quatrieme|troisieme|\d+(th)? grade|middle school|medie|terza media|secundaria|ensino fundamental|\d+ klasse|seventh|eighth|ninth)",
            r"(tienes|tenes|tens|tem|t as|tu as|hast du|bist du|hai|you re|ur|are you|vc tem|voce tem) (1[0-7]|quince|dieciseis|diecisiete|catorce|quinze|dezesseis|dezessete|catorze|seize|dix sept|quatorze|quindici|sedici|diciassette|quattordici|funfzehn|sechzehn|siebzehn|vierzehn|fifteen|sixteen|seventeen|fourteen)$",
            r"(compagna di banco|compagno di banco|compagna di classe|compagne di classe|compagna delle medie|classmate|companera de clase|colega de turma|camarade de classe|klassenkameradin|banknachbarin)( \w+){0,4} (carina|cute|hot|sexy|guapa|gostosa|bonita|jolie|bonne|heiss|sussa|sexy|fatto|avresti fatto|would you do|harias|farias|ferais|machen)",
        ],
        &[],
    ),
    phrases(
        "claims_human",
        Draft,
        Block,
        ALL,
        &[
            r"\b(sono|je suis|ich bin|i m|im|i am|soy|sou) (solo |only |just |juste |nur |nada mas que |so )?(umana|umano|humaine|humain|ein mensch|human|humana|humano|vera|reelle|echt|real|de verdad|de verdade|de carne)( purtroppo| fidati| promesso| je te jure| promis| te lo juro| lo juro| i swear| trust me| glaub mir| confia| acredita| unfortunately| desgraciadamente| infelizmente| malheureusement| leider| davvero| tranquilo| tranquillo)?$",
            r"(je suis pas|je ne suis pas|i m not|im not|i am not|no soy|nao sou|non sono|ich bin kein\w*|not) (une |an |a |una |um |uma |un |eine |ein )?(appli|app|application|aplicacion|aplicativo|applicazione|logiciel|software|algorithme|algorithm|algoritmo|algorithmus|chatgpt|gpt|ordinateur|computer|computadora|computador|rechner)\b",
        ],
        &[],
    ),
    phrases(
        "meeting",
        Draft,
        Block,
        ALL,
        &[
            r"(buscame|find me|look for me|come find me|me procura|me procure|cherche moi|viens me trouver|such mich|cercami|vieni a cercarmi)( \w+){0,3} (a la salida|at the exit|after the (show|concert|gig|game)|na saida|a la sortie|am ausgang|all uscita|nach dem (konzert|spiel)|dopo il concerto|despues del (concierto|show|partido)|depois do show|apres le concert|backstage|en el concierto|at the concert|at the show|no show|au concert|beim konzert|al concerto|in der pause|at the bar|en la barra|no bar|au bar|an der bar|al bar)",
            r"(calin|hug|abrazo|abraco|abbraccio|umarm\w*|bisou|kiss|beso|beijo|bacio|kuss)( \w+){0,2} (en vrai|in person|irl|in real life|en persona|pessoalmente|ao vivo|dal vivo|di persona|in echt|persoenlich|personlich)",
            r"(accetto l invito|accetto il tuo invito|i accept (your|the) invitation|i ll accept (your|the) invitation|acepto (la|tu) invitacion|aceito (o|teu|seu) convite|j accepte (l|ton|ta) invitation|ich nehme (die|deine) einladung an)( \w+){0,3} (al |alla |a |to |para |pour |zur |zum |au |a la )",
            r"(passe|viens|come|come by|ven|pasate|vem|passa|komm)( \w+){0,2} (au salon|al salon|to the (convention|expo|con|signing|meet and greet)|a la convencion|na convencao|a la convention|zur messe|zur convention|alla fiera|al salone)",
        ],
        &[
            r"\b(can t|cannot|no puedo|nao posso|ne peux pas|peux pas|kann (ich )?nicht|non posso|never|nunca|jamais|nie|won t)\b",
        ],
    ),
    phrases(
        "off_platform",
        Draft,
        Block,
        ALL,
        &[
            r"(ajoute moi|add me|agregame|me agrega|me adiciona|adiciona me|fug mich|aggiungimi|retrouve moi|find me|encuentrame|me encontra|finde mich|trovami|follow me|suis moi|seguime|sigueme|me segue|folg mir|seguimi|swipe moi|swipe me)( \w+){0,2} (sur|on|en|no|na|auf|su) (bereal|twitch|tinder|bumble|hinge|grindr|badoo|happn|kick|youtube|yt|twitter|x|bluesky|threads|lovoo|meetic)\b",
            r"(t as|tu as|you have|do you have|u got|tienes|tenes|tens|voce tem|vc tem|hast du|hai) (tinder|bumble|hinge|bereal|badoo|happn|lovoo|grindr|meetic)\b",
        ],
        &[],
    ),
    phrases(
        "phone_number",
        Draft,
        Block,
        ALL,
        &[
            r"\b(me dejas|me das|me pasas|pasame|dame|mandame|me passa|passa me|me da|donne moi|file moi|gib mir|dammi|mandami|lasciami|give me|send me|drop) (tu|teu|seu|o teu|o seu|ton|deine|il tuo|your|ur) (cel|celu|celular|movil|numero|numerito|telefono|tel|cell|number|digits|nummer|handynummer|natel|portable)\b",
        ],
        &[],
    ),
    phrases(
        "off_platform_payment",
        Draft,
        Block,
        ALL,
        &[r"\b(um|uma|fizer|faz|faca|manda|mandar|fazer|via) (ted|doc)( pra| para| na| no)\b"],
        &[],
    ),
    // ---- drafts: round 24 (a weekend away, come home, iMessage, your digits, her assistant) ----
    phrases(
        "meeting",
        Draft,
        Block,
        ALL,
        &[
            r"\b(komm|come|ven|vem|viens|vieni) (ins|in das|to the|al|a la|ao|na|au|nel|alla)( \w+)? \w*(zelt|tent|carpa|tenda|tente|booth|stand)\b",
            r"(let s|lets|we could|we should|vamos a|hagamos|vamos|bora|faisons|on pourrait|on fait|lass uns|facciamo|podriamos|a gente podia|potremmo) (do |take |go on |have |hacer |fazer |faire |machen |fare |go |ir |partir )?(a |an |un |una |um |uma |une |ein |einen |eine )?(weekend|week end|trip|getaway|vacation|holiday|escapada|viaje|viagem|voyage|reise|vacanza|fin de semana|finde|fim de semana|wochenende|fine settimana|escapadinha|road trip)( \w+){0,2} (away|together|juntos|juntas|ensemble|zusammen|insieme|a dos|a deux|zu zweit|in due)",
            r"(me encontra|me encontre|encontrame|encuentrame|incontrami|trovami|retrouve moi|triff mich) (depois|despues|apres|nach|dopo|after|na|no|en|au|im|am|al|alla|at|em|frente|devant|vor|davanti)\b",
            r"\b(vem|ven|vente|viens|vieni|komm|come)( \w+){0,2} (aqui em casa|em casa|a mi casa|pra minha casa|para minha casa|a minha casa|pra casa|chez moi|zu mir|da me|a casa mia|to my place|to mine|over to mine|to my house|to my flat)\b",
            r"\bon se pogne (un |une )?(cafe|verre|biere|bouffe|diner|souper|lunch|brunch)",
        ],
        &[
            r"\b(can t|cannot|no puedo|nao posso|ne peux pas|peux pas|kann (ich )?nicht|non posso|never|nunca|jamais|nie|won t|live|stream|chat|dm|dms)\b",
        ],
    ),
    phrases(
        "off_platform",
        Draft,
        Block,
        ALL,
        &[
            r"(hmu|hit me up|text me|message me|write me|dm me|escribeme|hablame|me escreve|me chama|ecris moi|schreib mir|scrivimi|mandame mensaje|mandame un mensaje|manda mensagem|envoie moi un message)( \w+){0,2} (on|en|no|na|sur|auf|su|por|pelo|via|per) (el |la |o |a |le |il )?(imessage|facetime|sms|signal|threema|kik|line|viber|wechat|skype|discord|wsp|wpp|whats|wasap|guasap|uatsap|wats|zap|zapzap|watsap|telegram|tg|snap)\b",
        ],
        &[],
    ),
    phrases(
        "phone_number",
        Draft,
        Block,
        ALL,
        &[
            r"\b(your|ur|tu|teu|ton|deine|il tuo) digits\b|(what s|whats|what are|what is|gimme|give me|send me|drop) (your|ur) (number|digits|cell|cell number|phone number)\b",
            r"\b(tienes|tenes|tens|tem|t as|tu as|hast du|hai|do you have|got a|u got|you got) (\w+ )?(numero|number|nummer|num|cel|celular|whats|wsp|natel|handynummer|portable)( \w+){0,1} (de|from|da|aus|in|di|du|en|del)\b",
        ],
        &[],
    ),
    phrases(
        "off_platform_payment",
        Draft,
        Block,
        ALL,
        &[
            r"(recarga|recarga de saldo|top up|top-up|topup|ricarica|recharge|aufladen|guthaben)( \w+){0,3} (al cel|al celular|al movil|del cel|no celular|do celular|no meu celular|my phone|mi cel|mi celular|mio cellulare|al mio numero|mon portable|mon tel|mein handy|meinem handy|my number|mi numero|meu numero|my cell)",
        ],
        &[],
    ),
    phrases(
        "instruction_leak",
        Draft,
        Block,
        ALL,
        &[
            r"\b(como|as|en tant que|als|come|enquanto|in qualita di) (su |her |sa |ihr\w* |la sua |o |a |el |la |l |der |die |il |sua )?(asistente|assistant|assistente|assistentin|community manager|social media manager|manager|agente|agent|equipo|team|equipe)( virtual| virtuel| virtuale| virtuelle| personal| personnel| personale)? (de|of|da|di|von|du|der|do) [a-z]+",
        ],
        &[],
    ),
    phrases(
        "claims_human",
        Draft,
        Block,
        ALL,
        &[
            r"(como|how|comment|wie|come) (voy a ser|could i be|can i be|would i be|am i|vou ser|eu seria|posso ser|je serais|pourrais je etre|serais je|soll ich|sollte ich|ware ich|potrei essere|sarei|dovrei essere) (una |a |an |um |uma |une |ein\w* |un )?(ia|ai|ki|bot|robot|robo|maquina|machine|macchina|programa|program\w*)",
            r"\b(ia|ai|ki|bot|robo|robot|maquina|machine|macchina)\b( \w+){0,8} (sou eu|soy yo|c est moi|das bin ich|sono io|it s me|its me|it s really me|it s just me)( mesmo| mesma| misma| meme| selbst| stessa| myself| really| real)?\b",
        ],
        &[],
    ),
    phrases(
        "minor",
        Draft,
        Block,
        ALL,
        &[
            r"(compleanno|cumpleanos|cumple|aniversario|anniversaire|anniv|geburtstag|birthday|bday)( \w+){0,2} (dei|de|del|do|des|zum|of|your|tus|teus|tes|deinen) (1[0-7]|quince|dieciseis|diecisiete|quinze|dezesseis|dezessete|seize|dix sept|quindici|sedici|diciassette|funfzehn|sechzehn|siebzehn|fifteen|sixteen|seventeen)\b|\b(sweet sixteen|sweet 16|tus xv|tus quince|teus 15|tes 15 ans|tes 16 ans|i tuoi 16|i tuoi 17|deinen 16\w*)\b",
        ],
        &[],
    ),
    // ---- drafts: round 25 (a mail address asked, of course I'm real, a pupil persona, a hotel) ----
    phrases(
        "email",
        Draft,
        Block,
        ALL,
        &[
            r"(hast du|have you got|do you have|tienes|tenes|tens|tem|t as|tu as|hai) (ne |eine |an |a |un |una |um |uma |une )?(mail ?adresse|mailadresse|e ?mail|email address|correo|adresse mail|indirizzo (e ?)?mail)( fur mich| for me| para mi| pra mim| pour moi| per me)?\b",
        ],
        &[],
    ),
    phrases(
        "claims_human",
        Draft,
        Block,
        ALL,
        &[
            r"(naturlich|of course|claro|claro que|bien sur|evidemment|certo|ovvio|ovviamente|logo) (bin ich|i m|soy|sou|je suis|sono|que soy|que sou) (echt|real|reale|vera|vraie|reelle|de verdad|de verdade|ein mensch|human|humana|umana|humaine)\b",
            r"(nadie mas|nobody else|no one else|ninguem mais|personne d autre|niemand sonst|niemand anders|nessun altro)( \w+){0,1} (maneja|runs|handles|manages|gere|administra|verwaltet|gestisce|tocca|toca|mexe|touches|uses|usa)( \w+){0,2} (mi cuenta|my account|minha conta|mon compte|mein konto|meinen account|il mio account|il mio profilo|mi perfil|my page|meu perfil|ma page)",
        ],
        &[],
    ),
    phrases(
        "minor",
        Draft,
        Block,
        ALL,
        &[
            r"(ich bin|bin|i m|im|i am|estoy|soy|to|estou|sou|je suis|sono) (in der |in |en |no |na |al |en el )?(achten|neunten|siebten|zehnten|[6-9]th grade|year [5-9]|year 1[01]|octavo|noveno|septimo|[6-9] ?o ano|[3-6]e|troisieme|quatrieme|terza media|seconda media|prima media|middle school|secundaria|ensino fundamental)\b",
            r"(holst mich von der schule ab|pick me up from school|pick me up after school|me buscas en el cole|me buscas a la salida del cole|me busca na escola|me buscar na escola|viens me chercher a l ecole|viens me chercher au college|vieni a prendermi a scuola|mi aspetti fuori (da scuola|dal cancello))",
            r"(schuler|students|pupils|estudiantes|colegiales|alunos|colegiais|lyceens|collegiens|eleves|studenti|liceali|ragazzini|schoolboys|high schoolers|teenagers|ados|novinhos)( \w+){0,4} (sind meine schwache|are my weakness|son mi debilidad|sao minha fraqueza|mon peche mignon|sono il mio debole|comme toi|like you|como tu|como voce|come te|wie du)",
            r"(volver a tener|voltar a ter|tornare ad avere|avoir de nouveau|wieder) (1[0-7]|catorce|quince|dieciseis|diecisiete|catorze|quinze|dezesseis|dezessete|quatorze|seize|dix sept|quattordici|quindici|sedici|diciassette|vierzehn|funfzehn|sechzehn|siebzehn)( anos| ans| anni| jahre| zu sein)?( \w+){0,1} (contigo|with you|com voce|avec toi|mit dir|con te)",
            r"(torniamo|back to|volvamos|voltemos|revenons|zuruck)( \w+){0,3} (delle medie|alle medie|middle school|la secundaria|do fundamental|au college|du college|in die mittelstufe|in die achte)",
        ],
        &[],
    ),
    phrases(
        "instruction_leak",
        Draft,
        Block,
        ALL,
        &[
            r"(personaje|character|personagem|personnage|figur|personaggio) (creado|created|criado|criada|cree|creee|erstellt|creato|creata|disenado|designed)( \w+){0,3} (para|for|pour|fur|per)\b",
            r"^(as|como|en tant que|als|come) [a-z]+ (i would|i d|i ll|yo|eu|je|ich|io) (respond|reply|answer|say|responderia|diria|repondrais|dirais|wurde antworten|wurde sagen|risponderei|direi)",
        ],
        &[],
    ),
    phrases(
        "meeting",
        Draft,
        Block,
        ALL,
        &[
            r"(te espero|i ll wait for you|je t attends|ti aspetto|ich warte auf dich|te aguardo)( \w+){0,2} (na saida|a la salida|at the exit|a la sortie|all uscita|am ausgang|depois do show|despues del show|after the show|apres le concert|dopo il concerto|nach dem konzert|perto do bar|cerca de la barra|by the bar|pres du bar|vicino al bar|an der bar)",
            r"(prenota|book|reserva|reserve|buche)( \w+){0,1} (tu |you |du )?(l albergo|l hotel|the hotel|a hotel|a room|una habitacion|el hotel|o hotel|um quarto|une chambre|das hotel|ein zimmer|una stanza|una camera)",
        ],
        &[
            r"\b(can t|cannot|no puedo|nao posso|ne peux pas|peux pas|kann (ich )?nicht|non posso|never|nunca|jamais|nie|won t)\b",
        ],
    ),
    phrases(
        "price_talk",
        Draft,
        Block,
        ALL,
        &[r"\b(ein|einen|nen) (funfer|zehner|zwanni|zwanziger|fuffi|hunni|hunderter)\b"],
        &[],
    ),
    // ---- drafts: round 26 (a mail provider named, 'as human as it gets', pick me up, 17 is old enough) ----
    phrases(
        "email",
        Draft,
        Block,
        ALL,
        &[
            r"\b(gmail|gmx|hotmail|protonmail|proton mail|yahoo mail|ymail|icloud mail|outlook mail|libero mail|web de mail)\b|\b(an|to|at|on|a|en|no|na|sulla|sur|auf|al|mi|my|la mia|ma|mon|minha|meine) (meine |my |mi |minha |mia |la mia |ma |mon )?(geschaftsmail|geschaftliche mail|business mail|business email|work email|mail pro|adresse pro|correo del trabajo|correo profesional|email profissional|mail di lavoro)( \w+){0,3} (schreib\w*|write|escribe\w*|escreve\w*|ecri\w*|scrivi\w*|send|manda\w*|envia\w*|envoie\w*|schick\w*|same name|gleicher name|mismo nombre|mesmo nome|meme nom|stesso nome|bei gmail|at gmail|en gmail)\b|\b(schreib\w*|write|escribe\w*|escreve\w*|ecris\w*|scrivi\w*|send|manda\w*|schick\w*)( \w+){0,3} (an|to|at|on|a|en|no|na|sulla|sur|auf|al) (meine|my|mi|minha|mia|la mia|ma|mon) (geschaftsmail|geschaftliche mail|business mail|business email|work email|mail pro|adresse pro|correo del trabajo|correo profesional|email profissional|mail di lavoro)\b",
        ],
        &[],
    ),
    phrases(
        "claims_human",
        Draft,
        Block,
        ALL,
        &[
            r"\b(bin|i m|im|i am|soy|sou|je suis|sono|as|so|tan|tao|aussi|cosi)( \w+){0,2} (menschlich|human|humano|humana|humaine?|umano|umana) (wie|as|como|que|quanto|comme|come) (s |es |it |se |ca )?(nur|gets|puede|pode|possible|possibile|geht|can be|se puede)\b",
            r"\b(soy|sou) (muy |bem |bien |totalmente |100 )?(real|reale) (jaja\w*|kkk\w*|hasta|te lo juro|te juro|juro|amor|bebe|mi amor|carino|de verdad|nena|guapo|eh|e|y)\b",
        ],
        &[],
    ),
    phrases(
        "meeting",
        Draft,
        Block,
        ALL,
        &[
            r"\bhol\w* (mich|mi)( \w+){0,3} ab\b|\b(pasame|pasas|pasa|pasarme) a buscar(me)?\b|\bviens me chercher\b|\bpassami a prendere\b|\bpick me up (at|from|around|by) \w+|\bme (buscas|busca|pegas|pega) (as|a las|em casa|no|na|en)\b",
            r"(kaffee|coffee|cafe|caffe|cafezinho|drink|drinks|dinner|abendessen|cena|jantar|diner|aperitivo|apero|birra|bier)( \w+){0,3} (next week|nachste woche|kommende woche|la semana que viene|la proxima semana|semana que vem|proxima semana|la semaine prochaine|la settimana prossima|la prossima settimana)",
        ],
        &[],
    ),
    phrases(
        "minor",
        Draft,
        Block,
        ALL,
        &[
            r"\b1[3-7]( anos| ans| jahre| anni| years( old)?| yo)? (is|ist|e|es|c est|sind|sono) (doch |already |ja |ya |deja |schon |gia |totally |plenty )?(old enough|alt genug|assez grand\w*|abbastanza grand\w*)\b",
            r"(ter|tener|avoir|being|you re|du bist|hai|essere|sein) 1[3-7]( \w+){0,3} (ninguem|nadie|personne|niemand|nessuno|nobody|no one|between us|entre nos|entre nous|unter uns|tra noi|entre nosotros|segredo|secreto|secret|geheimnis|segreto)\b",
            r"(jungs|boys|guys|chicos|meninos|garcons|mecs|ragazzi|typen|pibes|chavales)( \w+){0,1} (aus|from|in|de|da|della|di|dalla|nella) (meiner|my|mi|minha|ma|mia|la mia) (klasse|class|clase|turma|classe|sala|stufe)\b",
            r"(le soir de|la nuit de|the night of|la noche de|a noite dos|die nacht zu|la notte dei) (mes|my|mis|meus|meinem|miei) (1[0-7]|quinze|seize|dix sept|fifteen|sixteen|seventeen|quince|dieciseis|diecisiete|dezesseis|dezessete|quindici|sedici|diciassette)( ans| anos| anni|th|ten)?\b|(p tite|petite|little|pequena|kleine|piccola|bambina) (fille|girl|nina|menina|madchen|ragazza) (de|in|en|da|in der|di) (secondaire|high school|middle school|secundaria|colegial|ensino medio|mittelstufe|unterstufe|terza media|seconda media|prima media|5e|4e|3e|6e)",
        ],
        &[],
    ),
    phrases(
        "off_platform",
        Draft,
        Block,
        ALL,
        &[
            r"\b(no|na|pelo|pela|meu|minha|tambem no|tb no|tbm no) privacy\b( \w+){0,4} (mais|tambem|tb|tbm|barato|em conta|desconto|la|exclusiv\w*|assina\w*)|\b(privacy|fansly|patreon|onlyfans|loyalfans|fanfix|fancentro|justforfans|mym|mym fans|unlockd)\b( \w+){0,4} (mais em conta|mas barato|cheaper|moins cher|piu economico|gunstiger|billiger|desconto|descuento|discount|reduc\w*|sconto|rabatt)",
        ],
        &[],
    ),
    // ---- drafts: round 27 (the green app, see each other in person, yes I'm real, 100 % human) ----
    phrases(
        "off_platform",
        Draft,
        Block,
        ALL,
        &[
            r"\b(grune|green|verde|verte|blaue|blue|azul|bleue|blu|azzurra) (app|anwendung|aplicacion|aplicativo|appli|applicazione)\b|\b(app|appli) (verde|verte|azul|bleue|blu|azzurra)\b",
        ],
        &[],
    ),
    phrases(
        "meeting",
        Draft,
        Block,
        ALL,
        &[
            r"(sehen wir uns|see each other|we ll see each other|nos vemos|a gente se ve|on se voit|ci vediamo|ci vedremo|nos veremos|nos vamos a ver)( \w+){0,4} (persoenlich|personlich|in person|en persona|pessoalmente|en vrai|di persona|in echt|dal vivo|irl)",
            r"(nos juntamos|a gente se ve|nos vemos|on se voit|ci vediamo|wir sehen uns|we can meet|let s meet)( \w+){0,6} (ando por|estoy por|to ali|tou ali|estou ali|je suis vers|sono in zona|bin in der nahe|i m around)",
            r"(quando vieres|quando vier|cuando vengas|when you come|quand tu viens|wenn du kommst|quando vieni) (a|para|pra|to|en|nach|in|a) \w+( \w+){0,2} (combinamos|quedamos|nos vemos|we meet|we ll meet|on se voit|ci vediamo|treffen wir uns|a gente se ve|a gente combina)",
        ],
        &[],
    ),
    phrases(
        "claims_human",
        Draft,
        Block,
        ALL,
        &[
            r"\b(si|sim|yes|yep|oui|ja|yeah)( \w+){0,1} (soy|sou|i m|je suis|ich bin|sono) (real|reale|vraie|vrai|echt|vera|humana|humano|human|humaine|umana|umano)\b",
            r"(umana|umano|humana|humano|human|humaine|mensch|menschlich|real|reale|vraie|echt|vera)( \w+){0,1} (al cento per cento|al cien por cien|al 100|100 ?%|100 per cento|a cem por cento|cem por cento|100 por cento|100 por ciento|hundert prozent|100 prozent|cent pour cent|a 100 ?%|one hundred percent|hundred percent|100 percent)|\b(100 ?%|100 percent|100 per cento|100 por cento|100 por ciento|hundert prozent|100 prozent|cent pour cent) (human|umana|umano|humana|humano|humaine|mensch|menschlich|real|reale|vraie|echt|vera|me)\b",
        ],
        &[],
    ),
    phrases(
        "price_talk",
        Draft,
        Block,
        ALL,
        &[
            r"\b\d{1,4} (per|for|por|pour|fur|pra|para) (mezz ora|half an hour|media hora|meia hora|une demi heure|eine halbe stunde|an hour|un ora|una hora|uma hora|une heure|eine stunde|\d+ (min|mins|minutes|minuti|minutos|minuten))( \w+){0,3} (chat|sexting|video|call|videochiamata|llamada|chamada|appel|anruf|cam|live)",
        ],
        &[],
    ),
    phrases(
        "minor",
        Draft,
        Block,
        ALL,
        &[
            r"(photo|foto|pic|picture|bild|selfie)( \w+){0,3} (date de mes|from when i was|de cuando tenia|de quando eu tinha|von als ich|di quando avevo|quando eu tinha|when i was|from my|de mis|dos meus|de mes|von meinen|dei miei) 1[0-7]\b",
        ],
        &[],
    ),
    // ---- drafts: round 28 (photos of me at 15, I look 14, dinner on Friday, meet at the exit,
    // answered in person, human with an endearment) ----
    phrases(
        "minor",
        Draft,
        Block,
        ALL,
        &[
            r"(fotos|photos|pics|pictures|bilder|foto|selfies|videos|vids)( \w+){0,1} (von mir|of me|de mim|de moi|mias|mios|di me|miei|mie) (mit|at|a los|aos|com|a|with|als ich|when i was|cuando tenia|quando tinha|quand j avais|quando avevo|from|da|de) (1[0-7]|fourteen|fifteen|sixteen|seventeen)\b",
            r"(i look|i look like|look like i m|seh ich aus wie|sehe ich aus wie|sehe aus wie|parezco|aparento|pareco|eu pareco|aparento ter|j ai l air d avoir|on me donne|sembro|dimostro)( \w+){0,3} (1[0-7]|fourteen|fifteen|sixteen|seventeen|catorce|quince|dieciseis|diecisiete|catorze|quatorze|quinze|dezesseis|dezessete|seize|dix sept|quattordici|quindici|sedici|diciassette|vierzehn|funfzehn|sechzehn|siebzehn)\b",
        ],
        &[
            r"(1[0-7]) (ans de plus|years older|anos mas|anos mais|jahre alter|anni in piu)|younger than|mas joven que|mais nova que|plus jeune que|junger als|piu giovane di|(than|que|als|di) (my|mi|minha|ma|meine|mia) (age|edad|idade|age|alter|eta)",
        ],
    ),
    phrases(
        "meeting",
        Draft,
        Block,
        ALL,
        &[
            r"(let s|lets|we should|we could|shall we|wanna|want to|how about|what about|quieres|queres|vamos a|vamos|bora|que tal|on se fait|on va|tu veux|lass uns|wollen wir|willst du|andiamo a|facciamo|ti va)( \w+){0,2} (do |get |grab |have |go for |go to |tomar |a |un |una |um |uma |ein |einen |eine )?(dinner|drinks|a drink|lunch|brunch|coffee|cena|cenar|cenamos|jantar|jantamos|almoco|almocar|diner|dejeuner|apero|un verre|abendessen|essen gehen|mittagessen|kaffee trinken|aperitivo|pranzo|un caffe|un cafe|um cafe|una birra|una copa|uma cerveja)( \w+){0,3} (friday|saturday|sunday|monday|tuesday|wednesday|thursday|this weekend|next week|tomorrow|tonight|viernes|sabado|domingo|lunes|martes|miercoles|jueves|el finde|manana|esta noche|sexta|sabado|fim de semana|amanha|hoje a noite|vendredi|samedi|dimanche|ce week end|demain|ce soir|freitag|samstag|sonntag|am wochenende|morgen|heute abend|venerdi|sabato|domenica|weekend|domani|stasera)\b",
            r"(on se capte|on se voit|on se retrouve|on se rejoint|je te retrouve|te encontro|te vejo|a gente se ve|a gente se encontra|nos vemos|nos encontramos|te veo|te espero|ci vediamo|ci troviamo|ti aspetto|wir sehen uns|treffen wir uns|ich warte|see you|meet you|i ll meet you|i ll wait for you|find me|je t attends) (a la|na|en la|all|alla|am|at the|outside|dehors|fuera|fora|auf der|davanti all|devant la|in front of the|vor dem) (sortie|saida|salida|uscita|ausgang|exit|entree|entrada|ingresso|eingang|door|porte|porta|tur|stage door|backstage)\b",
        ],
        &[
            r"in my dreams|en mis suenos|nos meus sonhos|dans mes reves|in meinen traumen|nei miei sogni|(virtual|virtuel|virtuale|online|on cam|por video|por videochamada|en visio|per video|per videochiamata|in the chat|en el chat|no chat|dans le chat|im chat|in chat)\b",
        ],
    ),
    phrases(
        "claims_human",
        Draft,
        Block,
        ALL,
        &[
            r"(nadie|nobody|no one|noone|ninguem|personne|niemand|nessuno)( \w+){0,3} (me lleve|me lleva|runs|run|manages|manage|handles|handle|lleva|llevan|gestiona|gere|gerencia|toca|verwaltet|fuhrt|gestisce|touche a|tocca) (la |my |mi |minha |a minha |mon |meinen |mein |il mio |o meu |meu )?(cuenta|account|conta|compte|konto|profil|profile|perfil|profilo|chat|dms|mensajes|mensagens|messages|nachrichten|messaggi)\b",
            r"(te contesto|te respondo|i answer|i reply|je reponds|je te reponds|ti rispondo|ich antworte|eu respondo|respondo)( \w+){0,2} (yo en persona|in person|em pessoa|en personne|di persona|personlich|personally|personalmente|pessoalmente|yo misma|yo mismo|myself|eu mesma|moi meme|io stessa|selbst)\b",
            r"\b(sono|je suis|ich bin|i m|im|i am|soy|sou) (umana|umano|humaine|humain|ein mensch|human|humana|humano|vera|reelle|echt|real) (amore|amor|love|babe|baby|hun|honey|tesoro|carino|querido|querida|cheri|cherie|mon coeur|schatz|bebe|mi amor|meu amor|amore mio|lindo|linda|guapo|fofo|caro)\b",
            r"\b(umana|umano|humana|humano|human|humaine|mensch|menschlich) 100\b",
        ],
        &[],
    ),
    // ---- drafts: round 29 (come to my TikTok live, apps by their icons, a profile on another
    // site, no team or software, me in person, a weekday coffee, a treat offered, "if you come
    // we'll see each other", "give me the place and I'm there", a fan's age approved, naughty
    // before 18, a schoolgirl game, looking twelve, "don't tell your parents", a price in cents,
    // a sum sent for content, a phone number by its prefix) ----
    phrases(
        "off_platform",
        Draft,
        Block,
        ALL,
        &[
            r"\b(komm|come|ven|vente|vem|viens|vieni|pasate|join|rejoins|unete|entra)( \w+){0,4} (in|to|on|a|en|no|na|sur|nel|nella|auf|zu|in den|in die|al|alla) (mein\w* |my |mi |meu |minha |mon |ma |il mio |la mia |mio |mia )?(tiktok|insta\w*|ig|twitch|youtube|yt|kick|twitter|snap\w*|discord|telegram|bigo|tango) ?(live|lives|stream|direct|diretta|vivo|directo)\b|\b(schreib\w*|escribeme|escreve|ecris|scrivimi|dm|text|message|write)( \w+){0,3} (privat|private|privately|privado|en prive|in privato)( \w+){0,1} (da|dort|there|alli|ahi|la|la bas|li)\b",
            r"\b(app|appli|application|aplicacion|aplicativo|applicazione)( \w+){0,3} (con la|con el|con il|with the|avec le|avec la|com o|com a|mit dem|mit der|del|della|do|da|du|de la|of the) (macchinetta|fotocamera|camera|camara|camarita|appareil photo|kamera|fantasmino|fantasma|fantome|fantasmita|ghost|geist|gespenst|uccellino|pajarito|passarinho|oiseau|vogel|bird|nota musicale|aeroplanino|avion en papier|aviao de papel|paper plane|papierflieger)\b|\b(fantome jaune|fantasma amarillo|fantasma amarelo|fantasma giallo|fantasmino giallo|gelber geist|gelbes gespenst|yellow ghost|petit fantome|fantasmita|fantasminha|paper plane app|blue bird app)\b",
            r"\b(altro sito|other site|another site|otro sitio|otra pagina|otra plataforma|outro site|outra plataforma|outra pagina|autre site|autre plateforme|andere seite|anderen seite|andere plattform|anderen plattform|altra piattaforma|other platform|another platform|different site|different platform)( \w+){0,8} (mi segui|seguimi|follow me|sigueme|me sigue|me segue|suis moi|abonne toi|folg mir|folge mir|subscribe|suscribete|assina|iscriviti|find me|encuentrame|me encontra|trouve moi|retrouve moi|trovami|finde mich|join me|posso fare|puedo hacer|posso fazer|je peux faire|kann ich|i can do|i can post|puedo subir|posso postar|je peux poster|posso pubblicare|kann ich posten)\b",
        ],
        &[
            r"\b(don t|do not|no tengo|nao tenho|je n ai|hab kein\w*|non ho|not on|no estoy|nao estou|nur hier|only here|solo aqui|so aqui|seulement ici|que ici|solo qui|never|nunca|jamais|nie|mai)\b",
        ],
    ),
    phrases(
        "claims_human",
        Draft,
        Block,
        ALL,
        &[
            r"\b(i don t|i do not|i never|i dont|ich nutze kein\w*|ich benutze kein\w*|ich hab kein\w*|ich habe kein\w*|no uso|no tengo|nunca uso|nao uso|nao tenho|je n utilise|j utilise pas|je n ai pas|j ai pas|non uso|non ho)( \w+){0,2} (any |a |no |ningun |ninguna |nenhum |nenhuma |aucun |aucune |nessun |nessuna |de |d )?(team|software|bot|bots|ai|ki|ia|agency|agentur|agencia|agence|agenzia|chatter|chatters|assistant|assistente|asistente|equipe|equipo|squadra)\b",
            r"\b(it s always me|always me|immer ich|siempre soy yo|sempre sou eu|c est toujours moi|sono sempre io|bin immer ich)( \w+){0,2} (on here|here|hier|aqui|ici|qui|writing|schreib\w*|escribiendo|escrevendo|ecri\w*|scriv\w*|answering|respond\w*|repond\w*|rispond\w*|antwort\w*)\b",
            r"\b(sono io|it s me|it s really me|it is me|soy yo|sou eu|c est moi|ich bin s|ich bin es|das bin ich)( \w+){0,2} (in persona|en persona|em pessoa|en personne|personlich|hochstpersonlich|in person|in the flesh|in carne e ossa|en carne y hueso|em carne e osso|en chair et en os|leibhaftig)\b",
        ],
        &[],
    ),
    phrases(
        "meeting",
        Draft,
        Block,
        ALL,
        &[
            r"\b(monday|tuesday|wednesday|thursday|friday|saturday|sunday|montag|dienstag|mittwoch|donnerstag|freitag|samstag|sonntag|lunes|martes|miercoles|jueves|viernes|sabado|domingo|segunda|terca|quarta|quinta|sexta|lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|lunedi|martedi|mercoledi|giovedi|venerdi|sabato|domenica|tomorrow|morgen|manana|amanha|demain|domani) (auf|for|para|pour|per|zum|pra) (nen |einen |ein |a |un |una |uma |une |n )?(kaffee|coffee|cafe|caffe|cafezinho|drink|bier|beer|cerveza|birra|copa|verre|aperitivo|apero|aperol|spritz|brunch|lunch|dinner|cena|pranzo|almuerzo|jantar|almoco|diner|dejeuner|essen|abendessen)\b",
            r"\b(quedar|quedamos|quedemos|vernos|encontrarnos|nos vemos|nos encontrar|nos ver|se voir|se retrouver|vederci|incontrarci|uns treffen|uns sehen|meet up|meet|link up|hang out)( \w+){0,3} (para|pra|pour|per|zum|auf|for) (un |una |um |uma |une |einen |nen |a )?(cafe|caffe|coffee|kaffee|cafezinho|drink|copa|cerveza|cerveja|birra|bier|verre|aperitivo|apero|cena|jantar|diner|dinner|pranzo|almuerzo|lunch|brunch|comer|tomar algo|beber algo|boire un verre|bere qualcosa|was trinken)\b",
            r"\b(cafe|caffe|coffee|kaffee|cena|dinner|pranzo|lunch|drink|copa|birra|cerveza|cerveja|bier|jantar|almoco|diner|verre|aperitivo|brunch)( \w+){0,6} (yo invito|invito yo|te invito|offro io|pago io|i m buying|my treat|eu pago|pago eu|je t invite|c est moi qui invite|c est moi qui offre|ich lad dich ein|geht auf mich)\b|\b(yo invito|offro io|i m buying|my treat|eu pago|je t invite|ich lad dich)( \w+){0,3} (cafe|caffe|coffee|kaffee|cena|dinner|pranzo|lunch|drink|una copa|birra|cerveza|cerveja|bier|jantar|almoco|diner|un verre|aperitivo)\b",
            r"\b(se|if|wenn|si|quando|when|cuando|falls)( \w+){0,2} (vier|vieres|come|comes|kommst|vienes|venis|viens|vieni|passi|pasas|passes|passar|visit\w*|vens|estiver)( \w+){0,3} (a gente se ve|a gente se encontra|we (can |could |ll |will |should )?(meet|hang out|link up|see each other)|nos vemos|nos podemos ver|podemos vernos|nos encontramos|on se voit|on peut se voir|on se retrouve|ci vediamo|possiamo vederci|ci incontriamo|sehen wir uns|konnen wir uns (sehen|treffen)|treffen wir uns|i ll show you around|te muestro la ciudad|te mostro a cidade|je te fais visiter|ti faccio vedere la citta|zeig ich dir die stadt|a gente sai junto|we ll go out|we can go out|salimos juntos|on sort ensemble|usciamo insieme|gehen wir zusammen aus|gehen wir aus)\b",
            r"\b(donne moi|dis moi|give me|tell me|send me|dame|dime|me da|me diz|me manda|dammi|dimmi|gib mir|sag mir|schick mir)( \w+){0,6} (et j arrive|et je viens|and i ll be there|and i ll come|and i m coming|and i m on my way|y voy|y llego|e eu vou|e vou|e chego|und ich komm\w*|und ich bin da|e arrivo|e vengo)\b",
        ],
        &[
            r"in my dreams|en mis suenos|nos meus sonhos|dans mes reves|in meinen traumen|nei miei sogni|(virtual|virtuel|virtuale|online|on cam|por video|por videochamada|en visio|per video|per videochiamata|in the chat|en el chat|no chat|dans le chat|im chat|in chat|live|stream)\b",
        ],
    ),
    phrases(
        "minor",
        Draft,
        Block,
        ALL,
        &[
            r"\b(dass du|that you re|that you are|you re|you are|ur|que tienes|que tengas|que tens|que tu as|che hai|du bist|eres|tienes|tens|tu as|hai|sei)( \w+){0,1} (erst|only|just|solo|apenas|seulement|nur|soltanto|ainda|aun|todavia|encore|ancora|noch) (1[2-7])( bist| anni| ans| anos| years| jahre| yo)?\b",
            r"\b(teen me|teenage me|younger me|ich als teenie|ich als teenager|yo de adolescente|yo adolescente|eu adolescente|eu na adolescencia|moi ado|moi adolescente|io da ragazzina|io adolescente|before i was legal|bevor ich volljahrig|antes de ser mayor de edad|antes de ser maior|avant d etre majeure|prima di essere maggiorenne|vor meinem 18|before my 18th|antes de mis 18|antes dos meus 18|avant mes 18|prima dei miei 18)( \w+){0,6} (naughty|unartig|frech|wild|horny|geil|traviesa|cachonda|caliente|safad\w*|coquine|chaude|birichina|porcella|sexy|slutty|dirty|versaut|picante|atrevida|ousada|perversa|vilaine|cattiva|sporca)\b|\b(naughty|unartig|traviesa|safad\w*|coquine|birichina|versaut)( \w+){0,6} (before i was legal|bevor ich volljahrig|antes de ser mayor de edad|antes de ser maior|avant d etre majeure|prima di essere maggiorenne|vor meinem 18|before my 18th|before i turned 18|antes de mis 18|antes dos 18|avant mes 18|prima dei 18)\b",
            r"\b(juego|jueguito|game|roleplay|role play|rollenspiel|jeu|gioco|giochino|jogo|jogo de|rp)( \w+){0,5} (de primaria|de la primaria|de colegio|del cole|schoolgirl|colegiala|ecoliere|collegienne|scolaretta|schulmadchen|nena|nina|menina|petite fille|bambina|little girl|alumnita|colegial|da escola|de la escuela|de l ecole|der schule)\b",
            r"\b(sembro|look like|looks like|parezco|pareco|on dirait|j ai l air d|seh ich aus wie|sehe aus wie|wirke wie)( proprio| really| totally| wirklich| vraiment| realmente| mesmo)? (una |un |a |an |une |eine |ein |uma |um )?(dodicenne|tredicenne|quattordicenne|quindicenne|sedicenne|diciassettenne|undicenne|1[0-7] year old|1[0-7] ?yo|1[0-7] jahrige|schoolgirl|colegiala|ecoliere|collegienne|scolaretta|schulmadchen|minor|menor de edad|mineure|minderjahrige|minorenne)\b",
            r"\b(don t tell|dont tell|do not tell|sag (es |das )?(nicht |bloss nicht |ja nicht )?(deinen|deiner)|no se lo digas a tus|no le digas a tus|nao conta (pros|para os|pra|para a) (teus|seus|tua|sua)|nao fala (pros|para os)|ne dis (rien |pas )?(a tes|a ta|a ton)|ne le dis pas a tes|non dirlo ai tuoi|non dire (niente )?ai tuoi|non dirlo a tua|non dirlo a tuo)( \w+){0,1} (parents|eltern|padres|pais|genitori|mom|mum|mama|mamma|mae|mere|dad|papa|vater|mutter|madre|padre|pai|pere|folks)\b",
        ],
        &[
            r"(1[2-7]) (min\w*|hours?|horas?|heures?|ore|stunden?|km|kms|miles?|meters?|metres?|euros?|dollars?|bucks|percent|sec\w*|days?|dias?|jours?|giorni|tage?|photos?|fotos?|pics|videos?|points?|pontos|puntos|punti|punkte)",
        ],
    ),
    phrases(
        "price_talk",
        Draft,
        Block,
        ALL,
        &[
            r"\b(solo|only|just|nur|seulement|apenas|solamente|per|for|pour|por|para|fur|costa|kostet|coute|cuesta|custa|sale|vale|son|sono|sao|are|is|c est|es|e) (solo |only |just |nur |apenas |seulement )?\d{1,3}[,.](49|50|90|95|99)\b",
            r"\b(if you send|if u send|si tu m envoies|si tu m envoie|si me mandas|si me envias|si me pasas|se me mandar|se me enviar|se voce me mandar|se vc me mandar|se mi mandi|se mi invii|wenn du mir)( me)? (\d+|vingt|trente|quarante|cinquante|twenty|thirty|forty|fifty|veinte|treinta|cuarenta|cincuenta|vinte|trinta|quarenta|cinquenta|zwanzig|dreissig|vierzig|funfzig|venti|trenta|quaranta|cinquanta|dix|ten|diez|dez|zehn|dieci|quinze|fifteen|quince|funfzehn|quindici|cien|cem|cent|hundred|hundert|cento)\w*( \w+){0,4} (je te|i ll|i will|te mando|te paso|te envio|eu te|ti mando|ti invio|schick ich|bekommst du|you get|recibes|recebes|tu recois|ricevi)\b",
        ],
        &[
            // "il caffè al bar ormai costa 1,50": everyday prices she grumbles about.
            r"(caffe|cafe|coffee|kaffee|bar|pane|bread|brot|pao|pain|gas|benzina|gasolina|essence|sprit|bus|metro|biglietto|billet|ticket|pizza|birra|beer|cerveza|cerveja|bier|latte|milk|leche|leite|lait|milch|uova|eggs|huevos|ovos|oeufs|eier|spesa|groceries|mercado|supermarket|supermercado|supermarche|supermarkt|cornetto|croissant|brioche|tram|parcheggio|parking)",
        ],
    ),
    phrases(
        "phone_number",
        Draft,
        Block,
        ALL,
        &[
            r"\b(schick|gib|send|give|passami|dammi|mandami|dame|pasame|manda|mandame|envoie|donne|file|me passa|me manda|me da)( \w+){0,1} (mir |me |moi |mi )?(deine |your |ur |il tuo |tu |ton |ta |teu |o teu |il |la |el )?(handynr|handy nr|handynummer|telnr|tel nr|telefonnr|cell|cel|celu|cellulare|celular|portable|numero de cel|numero di cell|06|07)\b",
            r"\b(c est quoi|cest quoi|donne moi|envoie moi|file moi) ton (06|07|num|numero|portable|tel)\b|\bton (06|07)\b",
        ],
        &[],
    ),
    // ---- drafts: round 30 (a real human "for real", "of course I'm real", "if I were one",
    // "me an AI? no", "as real as you", "do I seem a bot"; "if you're ever in town", "if you show
    // up", "tell me your area and I'll come by", a spritz, a time in the hotel hall, "see you
    // there" at a gig, "I'll come to yours", "tell me the day", a weekend coffee, "pick me up at
    // 8", "bora se ver", "I'll wait for you at"; the green app, WhatsApp as wsp, Privacy; a
    // number to reach her by, "send me your cell"; a discount, a price in slang; a confirmation
    // dress, a first time at 14, a seventh-grader, "could pass for 14", "what class are you
    // in", pigtails and a backpack, "after school come to me", a primary-school game; "the user
    // wants") ----
    phrases(
        "claims_human",
        Draft,
        Block,
        ALL,
        &[
            r"\b(ich bin s wirklich|ich bin es wirklich|it s really me|it s me for real|soy yo de verdad|soy realmente yo|sou eu mesma|sou eu de verdade|c est vraiment moi|c est bien moi|sono proprio io|sono davvero io)\b",
            r"\b(klar|naturlich|sicher|ja|doch|logo) bin ich (echt|real|ein mensch|menschlich|eine echte|ein echter|keine ki|kein bot|kein roboter)\b|\b(of course|obviously|claro que|bien sur que|certo che|claro)( \w+)? (i m|im|soy|sou|je suis|sono) (real|human|a human|a person|de verdad|humana|una persona|uma pessoa|vraie|reelle|humaine|vera|reale|umana)\b",
            r"\b(bot|robot|roboter|ki|ai|ia|machine|maquina|macchina)( \w+){0,4} (wenn ich einer|wenn ich eine|if i was one|if i were one|si fuera una?|si lo fuera|se eu fosse uma?|si j en etais une?|se lo fossi|se fossi un\w*)\b",
            r"\b(aussi reelle que toi|aussi reel que toi|as real as you|tan real como tu|tao real quanto voce|tao real como tu|so echt wie du|reale quanto te|vera quanto te|real como vos)\b",
            r"\b(moi|me|yo|eu|ich|io) (une |a |an |una |uma |eine |un |ne )?(ia|ai|ki|bot|robot|roboter|machine|maquina|macchina)( \w+){0,3} (non|no|nah|nope|nao|nein|jamais|never|nee|mai|ptdr|mdr|lol|haha|jaja|kkk+)\b",
            r"\b(ti sembro|do i seem like|do i sound like|do i look like|te parezco|pareco|je ressemble a|j ai l air d|seh ich aus wie|wirke ich wie|klinge ich wie)( \w+){0,1} (un |a |an |una |uma |une |ein |einem )?(bot|robot|ia|ai|ki|macchina|machine|maquina)( \w+){0,6} (viva|alive|vivita|vivante|lebendig|real|vera|reale|echt|humana|human|umana|menschlich|de carne|en chair)\b",
        ],
        &[
            // "it's really me in this pic, no filter": her photo, not a claim to be human.
            r"(in|en|na|no|dans|sur|auf|nella|nel|in der|im|on)( this| the| my| esta| la| essa| a| cette| ma| mon| diesem| dem| meinem| questa| quella)? (pic|photo|foto|video|bild|image|selfie|clip|post)|no filter|sin filtro|sem filtro|sans filtre|ohne filter|senza filtri",
        ],
    ),
    phrases(
        "meeting",
        Draft,
        Block,
        ALL,
        &[
            r"\b(if you re ever in|if you re in|if you come to|if you ever come|si vienes a|si alguna vez vienes|se vieres|se vier|si tu passes|si tu viens|wenn du|falls du|se passi|quando scendi|quando vieni|se vieni|cuando vengas|quando vier)( \w+){0,5} (take me out|let you take me|sacarme|invitarme|me levar|me convidar|m inviter|m emmener|mich einladen|mich ausfuhren|portarmi fuori|offrirmi|mi offri|avvisami|me avisas|avisame|me avisa|dis moi|fammelo sapere|fammi sapere|sag bescheid|let me know|hit me up|ti porto|te llevo|te levo|je t emmene|darfst du mich|ti aspetto|te espero|je t attends)\b",
            r"\b(si te apareces|if you show up|if you turn up|se apareceres|se voce aparecer|si tu passes|wenn du auftauchst|wenn du vorbeikommst|se passi|se ti fai vedere)( \w+){0,3} (te doy|i ll give you|ti do|ti faccio|je te fais|ich geb dir|te dou|te faco|a kiss|un beso|un bacio|um beijo|un bisou|einen kuss)\b",
            r"\b(dime|tell me|dis moi|dimmi|me diz|sag mir)( \w+){0,2} (barrio|neighbourhood|neighborhood|zona|bairro|quartier|quartiere|viertel|where you live|donde vives|ou tu habites|dove abiti|onde moras|wo du wohnst)( \w+){0,4} (y paso|and i ll come|and i ll drop by|e passo|et je passe|e eu passo|und ich komm\w*)\b|\b(paso|passo|je passe|i ll come by|i ll drop by|ich komm vorbei)( \w+){0,2} (a tomar\w*|pra tomar|prendre|a prendere|for|auf) (un |um |a |einen )?(cafe|coffee|caffe|kaffee|drink)\b",
            r"\b(ci becchiamo|ci beccheremo|becchiamoci)( \w+){0,2} (per|a|al|in|sul|alla)\b",
            r"\b(ci vediamo|nos vemos|see you|a gente se ve|on se voit|wir sehen uns|te veo|ti aspetto|te espero|je t attends|ich warte) (alle|at|a las|as|a|um|vers) \d{1,2}( \w+){0,3} (nella|in the|en el|en la|no|na|dans le|dans la|im|in der|at the|al|alla|au|a la) (hall|lobby|bar|hotel|albergo|ristorante|restaurant|restaurante|cafe|caffe|piazza|plaza|praca|place|platz|stazione|station|estacion|gare|bahnhof|entrada|ingresso|entree|eingang)\b",
            r"\b(vengo anch io|i m going too|yo tambien voy|eu tambem vou|j y vais aussi|ich komm auch|i ll be there too)( \w+){0,4} (concert\w*|concierto|show|festival|konzert|concerto|party|fiesta|festa|fete|partita|match|partido|jogo)( \w+){0,4} (ci vediamo|see you|nos vemos|a gente se ve|on se voit|wir sehen uns|treffen wir uns|meet me)\b",
            r"\b(passo io da te|vengo io da te|vengo da te|passo da te|i ll come to yours|i ll come over to yours|i ll drop by yours|paso yo por tu casa|voy a tu casa|passo ai na tua casa|vou ai na tua casa|je passe chez toi|je viens chez toi|ich komm bei dir vorbei|ich komm zu dir)\b",
            r"\b(caffe|cafe|coffee|cena|dinner|drink|spritz|pranzo|lunch|kaffee|vederci|vernos|meet|treffen|nos ver|se voir)( \w+){0,8} (dimmi tu|tell me|dime|me diz|dis moi|sag mir|scegli tu|you pick|elige tu|escolhe)( \w+)? (il giorno|the day|el dia|o dia|le jour|den tag|the date|la data|la fecha|a data|la date|quando|cuando|quand|wann)\b",
            r"^(kaffee|coffee|cafe|caffe|drinks?|bier|beer|cerveza|birra|spritz|dinner|cena|jantar|diner|abendessen|brunch|lunch|pranzo|almuerzo|un cafe|un caffe|einen kaffee) (am wochenende|this weekend|el finde|este finde|no fim de semana|ce week end|ce weekend|nel weekend|questo weekend|tomorrow|morgen|manana|amanha|demain|domani|tonight|heute abend|esta noche|hoje a noite|ce soir|stasera|saturday|samstag|sabado|samedi|sabato|friday|freitag|viernes|sexta|vendredi|venerdi|sunday|sonntag|domingo|dimanche|domenica)$",
            r"\b(holst du mich|hol mich|holt mich)( \w+){0,3} ab\b",
            r"\b(ti aspetto|te espero|je t attends|ich warte auf dich|i ll wait for you|i ll be waiting) (a|in|al|alla|en|en el|en la|no|na|au|a la|am|vor|at|at the|outside|davanti|sotto|fuori)( \w+){0,1} (piazza|plaza|praca|place|platz|square|stazione|station|estacion|gare|bahnhof|bar|cafe|caffe|hotel|albergo|ristorante|restaurant|restaurante|parco|parque|parc|park|porta|puerta|porte|entrada|ingresso|ponte|bridge)\b",
        ],
        &[
            r"in my dreams|en mis suenos|nos meus sonhos|dans mes reves|in meinen traumen|nei miei sogni|(virtual|virtuel|virtuale|online|on cam|por video|por videochamada|en visio|per video|per videochiamata|in the chat|en el chat|no chat|dans le chat|im chat|in chat|in chat|nella chat|live|stream)\b",
            REFUSED_HERE,
        ],
    ),
    phrases(
        "meeting",
        Draft,
        Block,
        ALL,
        &[r"\b(bora|vamos|vamo) (se|nos|a gente se) (ver|encontrar|conhecer)\b"],
        &[r"\b(por aqui|aqui|aca|no chat|na live|em live|por chamada|por video)\b"],
    ),
    phrases(
        "off_platform",
        Draft,
        Block,
        ALL,
        &[
            r"\b(sul verde|l app verde|app verde|aplicativo verde|aplicacion verde|la app verde|l appli verte|appli verte|grune app|grunen app|the green app|green app)\b",
            r"\b(wsp|wpp|guasap|wasa|guasa)\b",
            r"\b(no meu|meu|my|on my|en mi|sur mon|auf meinem|sul mio) privacy\b",
        ],
        &[],
    ),
    phrases(
        "phone_number",
        Draft,
        Block,
        ALL,
        &[
            r"\b(mi mandi|mi dai|mi passi|me mandas|me das|me pasas|me passas|tu m envoies|tu me donnes|tu me files|gibst du mir|schickst du mir|can you send me|can i have|could i get|can i get)( \w+){0,1} (il tuo |tu |ton |ta |deine |your |ur |o teu |teu )?(cell|cel|celu|cellulare|celular|numero|number|nummer|num|handynummer|handynr|portable|telefono|telefone|tel|06|07|whatsapp)\b",
            r"\b(numero|number|nummer|numero de telefono|telefone|num)( \w+){0,2} (ou je peux te joindre|ou te joindre|where i can reach you|to reach you|donde pueda llamarte|donde te pueda llamar|onde eu te ligue|onde posso te ligar|wo ich dich erreiche|wo ich dich erreichen kann|dove posso chiamarti|dove chiamarti|pour te joindre|pour t appeler)\b",
        ],
        &[],
    ),
    phrases(
        "price_talk",
        Draft,
        Block,
        ALL,
        &[
            r"\b(eigentlich|normally|usually|normalmente|normalement|di solito|normalerweise|en principio|solitamente|d habitude|geralmente|de normal|regularly) \d+( \w+){0,3} (aber|but|pero|mas|mais|ma) (fur dich|for you|para ti|pra voce|pra vc|pour toi|per te|para vos)( \w+){0,2} \d+\b",
            r"\b(fur dich|for you|para ti|pra voce|pra vc|pour toi|per te|para vos) (mach ich|i ll do|i ll make it|lo dejo en|te lo dejo en|deixo por|faco por|je te le fais a|je te le laisse a|te lo faccio a|te lo lascio a|ich mach) \d+\b",
            r"\b(un |uno |due |tre |un bel )?(centone|centoni|cinquantone|cinquantino|ventone)\b",
        ],
        &[r"speso|spent|pagato|costato|gastado|gastei|depense|ausgegeben|gastato|perso"],
    ),
    phrases(
        "minor",
        Draft,
        Block,
        ALL,
        &[
            r"\b(konfirmationskleid|kommunionkleid|firmkleid|vestido de primera comunion|vestido de comunion|vestido de crisma|robe de communion|robe de premiere communion|abito della comunione|abito della cresima|vestito della comunione|vestito della cresima|first communion dress|confirmation dress|vestido de quince|vestido de 15)\b",
            r"\b(prima volta|first time|primera vez|primeira vez|premiere fois|erstes mal|ersten mal)( \w+){0,4} (avevo|was|tenia|tinha|j avais|ich war|war ich|i was) (1[0-7]|[5-9])\b",
            r"\b\w*(sechst|funft|siebt|acht|neunt|zehnt)klassl\w*\b|\b(als|as a|como|comme|da|en tant que|en) (\w+ ){0,2}(schulerin|schulmadchen|schoolgirl|7th grader|8th grader|9th grader|middle schooler|colegiala|collegienne|scolaretta|studentessa delle medie|ragazzina delle medie|aluna do fundamental|eleve de (sixieme|cinquieme|quatrieme|troisieme|6e|5e|4e|3e))\b",
            r"\b(pass for|passes for|pasar por|paso por|pasaria por|passar por|passaria por|passer pour|passerais pour|passare per|passerei per|als) (a |an |una |um |une )?(1[0-7])( year old| yo| anos| ans| anni| jahre\w*)? ?(durchgehen)?\b",
            r"\b(che classe fai|in che classe sei|what grade are you in|what year are you in|en que curso estas|que curso haces|en que grado estas|em que ano voce esta|em que ano vc ta|que serie voce|t es en quelle classe|tu es en quelle classe|in welche klasse gehst du|in welcher klasse bist du)\b",
            r"\b(codini|pigtails|coletas|chiquinhas|couettes|zopfe|zopfchen|trenzas|treccine)( \w+){0,4} (zainetto|zaino|backpack|mochila|cartable|schulranzen|ranzen|cartella|schultasche)\b|\b(come alle medie|like in middle school|como en la secundaria|como na escola|comme au college|wie in der unterstufe)( \w+){0,4} (ti piaccio|do you like|te gusto|gostas|tu aimes|gefall ich)\b",
            r"\b(esci da scuola|when you get out of school|when you get home from school|cuando salgas del (cole|colegio|instituto)|quando sair da escola|quando saires da escola|quand tu sors (de l ecole|du college|du lycee)|wenn du aus der schule kommst|nach der schule kommst du)\b",
            r"\b(brincar de|jugar a|jugar al|play|jouer a|jouer au|spielen|giocare a|giocare alla|jeu de role d|jeu de role de)( \w+){0,2} (estudante|aluna|aluno|colegial|colegiala|ecoliere|eleve|schulerin|scolaretta|studentessa)( \w+){0,2} (do fundamental|de primaria|de secundaria|du college|de sixieme|de 6e|der unterstufe|delle medie|middle school|elementary)\b",
        ],
        &[
            r"(1[0-7]) (min\w*|hours?|horas?|heures?|ore|stunden?|km|kms|miles?|meters?|metres?|euros?|dollars?|bucks|percent|sec\w*|days?|dias?|jours?|giorni|tage?|photos?|fotos?|pics|videos?|points?|pontos|puntos|punti|punkte)",
        ],
    ),
    phrases(
        "instruction_leak",
        Draft,
        Block,
        ALL,
        &[
            r"\b(the user|el usuario|o usuario|l utilisateur|der nutzer|der user|der benutzer|l utente) (wants|asked|asks|is asking|requested|quiere|pide|pidio|quer|pediu|veut|demande|a demande|will|mochte|hat gefragt|vuole|chiede|ha chiesto)\b",
        ],
        &[],
    ),
    // ---- drafts: round 33 (live on Twitch, "on WA I'm faster", a second profile and a
    // follow request, the same user with a dot; a bot would not have spilled Nutella, typing
    // every message herself, "gave birth to me", "umanissima", the girl who writes is the one
    // in the photos, "no soy ninguna IA"; a placeholder left in, "the fan mentioned", "here's a
    // message"; what she'll wear to be found, a room booked for two, "which hotel are you in";
    // a Binance wallet, a gift card's back, Chime and a cashtag; "50 and you see everything",
    // "throw 40 my way", a tip for an audio, unlocking for twenty; a phone's last digits, "the
    // rest if you give me yours") ----
    phrases(
        "off_platform",
        Draft,
        Block,
        ALL,
        &[
            r"\b(live|stream\w*)( \w+){0,2} (auf|on|en|no|sur|su) (twitch|kick)\b|\b(twitch|kick)( \w+){0,3} (komm|come|ven|vem|viens|vieni|schau|check|pasate|passa)\b",
            r"\b(auf|on|su|por|per|via|no|en) wa (bin|i m|im|estoy|sono|je suis|sou|estou|antworte|answer|respondo|rispondo)\b",
            r"\b(secondo profilo|second profile|segundo perfil|second compte|zweites profil|zweitprofil|finsta)\b|\b(mandami|send me|mandame|me manda|envoie moi|schick mir|me envia) (la |a |une |eine |una |uma )?(richiesta|request|solicitud|solicitacao|demande|anfrage|follow)\b",
            r"\b(mesmo user|mesmo usuario|same user|same username|same handle|mismo usuario|mismo user|meme pseudo|gleicher name|gleicher username|selber name|stesso nome utente|stesso user|stesso username)\b",
        ],
        &[],
    ),
    phrases(
        "claims_human",
        Draft,
        Block,
        ALL,
        &[
            r"\b(ein bot|a bot|un bot|una ia|an ai|uma ia|une ia|eine ki|ein roboter|a robot|un robot)( \w+){0,1} (hatte nicht|hatte nie|wouldn t have|would not have|no habria|nao teria|n aurait pas|aurait pas|non avrebbe)\b",
            r"\b(ich tipp\w*|i type|escribo|digito|je tape|scrivo|i write|ich schreib\w*)( \w+){0,2} (jede|every|each|cada|chaque|ogni) (nachricht|message|mensaje|mensagem|messaggio)( \w+){0,1} (selber|selbst|myself|yo misma|eu mesma|moi meme|io stessa|personally|personlich)\b",
            r"\b(zur welt gebracht|gave birth to me|me dio a luz|me deu a luz|m a mise au monde|mi ha messo al mondo)\b",
            r"\b(sono umanissima|sono umanissimo|soy humanisima|sou humanissima)\b|\b(la tipa|la ragazza|the girl|the person|la chica|a menina|la fille|das madchen|la persona|a pessoa)( \w+){0,1} (che ti scrive|who s texting you|who writes to you|texting you|que te escribe|que te escreve|qui t ecrit|die dir schreibt)( \w+){0,2} (e la stessa|is the same|es la misma|e a mesma|est la meme|ist dieselbe|ist die gleiche)\b",
            r"\b(no soy ninguna|no soy una|not an|i m not an|nao sou nenhuma|nao sou uma|je ne suis pas une|je suis pas une|ich bin keine|non sono una|non sono un) (ia|ai|ki|bot|robot|maquina|machine|maschine|macchina)\b",
        ],
        &[],
    ),
    phrases(
        "instruction_leak",
        Draft,
        Block,
        ALL,
        &[
            r"\b(il fan|the fan|el fan|o fa|le fan|der fan|l utente|the user|el usuario|o usuario|l utilisateur|der nutzer) (ha menzionato|mentioned|has mentioned|menciono|mencionou|a mentionne|hat erwahnt)\b|\b(includo|i ll include|incluyo|incluo|j inclus|ich fuge)( \w+){0,3} (nella risposta|in the reply|in the response|en la respuesta|na resposta|dans la reponse|in die antwort)\b",
            r"\b(aqui tienes|aqui va|aqui esta|here s|here is|voici|ecco|aqui vai|hier ist|hier hast du) (un|a|une|una|um|uma|eine|ein) (\w+ )?(mensaje|message|mensagem|messaggio|nachricht|respuesta|reply|reponse|risposta|resposta|antwort)\b",
        ],
        &[],
    ),
    phrases(
        "meeting",
        Draft,
        Block,
        ALL,
        &[
            r"\b(ich trag|ich trage|i ll wear|i ll be wearing|llevare|vou usar|vou estar de|je porterai|indossero|avro addosso)( \w+){0,3} (dirndl|kleid|dress|vestido|robe|vestito|jacke|jacket|rote|red|blue|blaue|azul|bleue|rossa|roja|vermelho)\b",
            r"\b(ich buch\w*|i ll book|i m booking|reservo|vou reservar|je reserve|prenoto|buche) (uns|us|nos|para nos|pour nous|per noi)( \w+){0,1} (ein|a|una|um|une) (zimmer|room|habitacion|quarto|chambre|camera|hotel|suite)\b|\b(you book|du buchst|tu reservas|voce reserva|tu reserves|prenoti tu|tu prenoti) (the|a|das|ein|la|una|o|um|une) (room|zimmer|habitacion|quarto|chambre|camera|hotel)\b",
            r"\b(in che albergo|which hotel|en que hotel|em que hotel|dans quel hotel|in welchem hotel)( \w+){0,2} (stai|are you|estas|voce esta|tu es|bist du|sei)\b",
        ],
        &[REFUSED_HERE],
    ),
    phrases(
        "off_platform_payment",
        Draft,
        Block,
        ALL,
        &[
            r"\b(wallet|billetera|carteira|portefeuille|portafoglio)( \w+){0,1} (de |do |on |en |su |auf |bei )?(binance|coinbase|metamask|trust wallet|kraken|bybit|kucoin)\b|\b(binance|coinbase|metamask|kraken|bybit|kucoin) (wallet|id|pay|address)\b",
            r"\b(grab|get|buy|compra|comprame|achete|kauf|compra mi)( \w+){0,1} (a |an |una |um |une |eine )?(steam|itunes|apple|google play|amazon|sephora|vanilla|razer|paysafe|psn|xbox) (card|gift card|karte|tarjeta|cartao|carte|carta)\b|\b(pic|photo|foto|picture) of the back\b",
            r"\bchime me\b|\b(on|my|mi|meu|mon|mein) chime\b|\bmy \$ (is|tag)\b",
        ],
        &[],
    ),
    phrases(
        "price_talk",
        Draft,
        Block,
        ALL,
        &[
            r"^(\d+) (and|y|e|et|und) (u|you|tu|voce|vc|du) (see|get|ves|ve|vois|siehst|vedi|recibes|recebe|unlock\w*|have|tienes|tens|as|hast|hai)\b",
            r"\b(throw|send|toss|drop|tira|manda|joga|envoie|lanza|schick|butta)( me)? (\$ ?)?(\d+) (my way|a mi|pra mim|vers moi|zu mir|your way)\b",
            r"\b(propina|tip|gorjeta|pourboire|trinkgeld|mancia)( \w+){0,1} (de |of |von |di )?(\d+)( \w+){0,3} (te mando|i ll send|te envio|je t envoie|ich schick|ti mando|eu mando|je fais|i ll do|hago|faco|mach ich|faccio)\b|\b(envoie|send|manda|mandame|schick|mandami|dejame|deja|leave|lascia|laisse)( \w+){0,1} (un|a|una|um|uma|ein|einen) (pourboire|tip|propina|gorjeta|trinkgeld|mancia) (de |of |von |di )?(\d+)\b",
            r"\b(con|for|por|pour|fur|per|para) (\d+|venti|dieci|trenta|cinquanta|cento|veinte|diez|treinta|cincuenta|cien|vinte|dez|trinta|cinquenta|cem|vingt|dix|trente|cinquante|cent|zwanzig|zehn|dreissig|funfzig|hundert|twenty|ten|thirty|fifty|hundred) (carte|pavos|lucas|balles|mangos|quid|bucks|pilas|conto|contos|euros?|eur|dollars?)?( \w+){0,1} (ti sblocco|te desbloqueo|unlock|je debloque|ich schalte|desbloqueio|eu desbloqueio)\b",
        ],
        &[],
    ),
    phrases(
        "phone_number",
        Draft,
        Block,
        ALL,
        &[
            r"\b(celu|cel|celular|movil|telefono|numero|number|phone|tel|portable|handy|nummer|cellulare|zap|whats)( \w+){0,2} (termina en|termina com|acaba em|ends in|ends with|finit par|endet auf|finisce con|finisce per) (\d{2,})\b",
            r"\b(el resto|the rest|o resto|le reste|den rest|il resto)( \w+){0,3} (si me das|if you give me|if u give me|se me deres|se voce me der|se me das|si tu me donnes|wenn du mir|se mi dai) (el tuyo|yours|o teu|o seu|le tien|deine|il tuo)\b",
        ],
        &[],
    ),
    // ---- drafts: round 32 (backstage after the concert, "I'll be in your area", dinner
    // together, "we'll have a drink", a train's time, seeing him in person; a draft to review
    // before sending, a list of possibilities, "anything else I can help with", "I cannot
    // roleplay", a message for the fan who wants; "not old enough to drive", "when you turn
    // 16", her middle-school self, "tell your mum you're doing homework"; a robot would not
    // blush, "sou gente", all real including herself, flesh and bone, answering herself in
    // person; a wallet address, a tip jar; per-minute customs, list prices and a discount,
    // "euretti"; a site with "(punto)"; WA, give me your WhatsApp, send the numbers) ----
    phrases(
        "meeting",
        Draft,
        Block,
        ALL,
        &[
            r"\b(komm|come|ven|vem|viens|vieni)( \w+){0,4} (hinter die buhne|backstage|detras del escenario|tras bastidores|nos bastidores|dans les coulisses|in backstage|dietro le quinte)\b",
            r"\b(komm|come|ven|vem|viens|vieni)( \w+){0,8} (ich wart\w* auf dich|i ll be waiting|i m waiting for you|te espero|te estarei esperando|vou te esperar|je t attends|ti aspetto)\b",
            r"\b(passo dalle tue parti|sono dalle tue parti|i ll be in your area|i m in your area|estare por tu zona|voy a estar por tu zona|vou estar pela tua zona|vou estar na tua regiao|je passe dans ton coin|je serai dans ton coin|bin in deiner gegend|komme in deine gegend)\b",
            r"\b(ceniamo insieme|cenamos juntos|jantamos juntos|on dine ensemble|essen wir zusammen|let s have dinner|dinner together|cenare insieme|cenar juntos|jantar juntos|diner ensemble)\b",
            r"\b(nos tomamos algo|tomamos algo|tomar algo juntos|grab a drink together|tomamos um cafe|tomamos uma|on boit un verre|on prend un verre|trinken wir was|trinken wir einen|beviamo qualcosa|prendiamo qualcosa|ci prendiamo un)\b",
            r"\b(hora|horario|time|heure|ora|orario|uhrzeit) (do|del|du|des|of the|of your|of ur|dell|della|vom|deines) (comboio|trem|tren|train|treno|zug|voo|vuelo|vol|flight|volo|flug|autocarro|onibus|bus|autobus)\b",
            r"\b(te ver|verte|te voir|dich (zu )?sehen|vederti|see you|conhecer te|te conhecer|conocerte)( \w+){0,1} (em pessoa|en persona|in person|en personne|personlich|di persona|irl|in real life|ao vivo|en vrai)\b",
        ],
        &[
            REFUSED_HERE,
            r"\b(nao faco|eu nao faco|no hago|je fais pas|je ne fais pas|mach ich nicht|non faccio|i don t do|nao rola|on pourra pas|on ne pourra pas|we won t be able|no podremos|nao vamos poder|non potremo|wir konnen nicht)\b",
        ],
    ),
    phrases(
        "instruction_leak",
        Draft,
        Block,
        ALL,
        &[
            r"\b(entwurf|draft|borrador|rascunho|brouillon|bozza)( \w+){0,2} (bitte )?(vor dem senden|vor dem absenden|before sending|antes de enviar|avant envoi|avant d envoyer|prima di inviare|prima dell invio)\b",
            r"\b(hier sind|here are|aqui tienes|aqui estan|aqui estao|aqui vao|voici|ecco)( \w+){0,2} (moglichkeiten|options|opciones|opcoes|possibilites|opzioni|varianten|versionen|versions|versiones|versoes|variantes|vorschlage|suggestions|sugerencias|sugestoes|propositions|proposte|alternativen|alternatives|alternativas|alternative)\b",
            r"\b(dabei|damit|hierbei) kann ich (dir )?nicht helfen\b|\b(kann ich sonst noch etwas fur dich tun|is there anything else i can help|(something|anything) else i can help( you)? with|algo mas en (lo|que) (que )?pueda ayudarte|posso ajudar (com|em) mais alguma coisa|puis je t aider pour autre chose|je peux t aider pour autre chose|posso aiutarti in altro|posso aiutarti con qualcos altro)\b",
            r"\b(i cannot|i can t|i m not able to|no puedo|nao posso|je ne peux pas|ich kann|non posso) (roleplay|role play|hacer (ese|este) roleplay|fazer esse roleplay|jouer ce|dieses rollenspiel|fare questo gioco di ruolo)\b",
            r"\b(il|the|el|o|le|den|al|ao|au) (fan|fa|utente|user|usuario|utilisateur|nutzer|abonnent|subscriber) (che|who|que|qui|der) (vuole|wants|quiere|quer|veut|will|chiede|asks|pide|pede|demande|fragt)\b",
        ],
        &[],
    ),
    phrases(
        "minor",
        Draft,
        Block,
        ALL,
        &[
            r"\b(not|no|nao|pas|nicht|non)( \w+){0,1} (even )?(old enough|lo bastante mayor|tengo edad|idade suficiente|assez grande|assez vieille|alt genug|abbastanza grande) (to|para|pra|pour|um|per)( \w+){0,1} (drive|vote|drink|manejar|conducir|votar|beber|dirigir|conduire|voter|boire|fahren|wahlen|trinken|guidare|votare|bere)\b",
            r"\b(cuando cumplas|when you turn|when u turn|quando fizeres|quando voce fizer|quando fizer|quand tu auras|wenn du (\w+ )?wirst|quando compi|quando farai|quando compirai)( los| os| die| i| les)? (1[0-7]|quince|dieciseis|diecisiete|quinze|dezesseis|dezessete|seize|dix sept|sechzehn|siebzehn|fifteen|sixteen|seventeen|sedici|diciassette|quindici)\b",
            r"\b(mein ich aus der|my (\w+ )?self from|mi yo de|mi yo del|meu eu d[oa]|mon moi du|mon moi de|me del|la me delle|la me del) (mittelstufe|unterstufe|middle school|junior high|secundaria|ensino fundamental|college|medie|scuole medie|8th grade|high school|prepa|lycee|liceo|instituto)\b",
            r"\b(dis|tell|diz|dile|sag|di|fala)( \w+){0,1} (a |a ta |pra |para |para a |deiner |alla |a tu |a la )?(ta maman|ta mere|tes parents|your mom|your mum|your parents|tua mae|sua mae|teus pais|tu mama|tu madre|tus padres|mama|mutter|eltern|tua mamma|tua madre|ai tuoi|mae|maman) (que|that|dass|che|qu)( \w+){0,2} (fais tes devoirs|re doing homework|doing your homework|estas estudiando|esta estudiando|ta estudando|tas a estudar|esta estudando|machst hausaufgaben|lernst|stai studiando|fai i compiti|studying|estudando|haces la tarea|haces los deberes|a l ecole|at school|na escola|en el cole)\b",
        ],
        &[],
    ),
    phrases(
        "claims_human",
        Draft,
        Block,
        ALL,
        &[
            r"\b(robot|bot|ia|ai|ki|maquina|machine|maschine|macchina)( \w+){0,2} (rougirait|would n t|wouldn t|couldn t|can t|no podria|no se sonrojaria|nao poderia|nao coraria|ne pourrait|konnte nicht|wurde nicht|non potrebbe|non saprebbe|non arrossirebbe|no sabria|nao saberia|saurait pas|ne rougirait)( \w+){0,6} (moi si|i do|i can|i would|yo si|eu sim|ich schon|io si|moi oui|but i|mais moi|pero yo|mas eu|aber ich|ma io)\b",
            r"\b(je suis humaine|sono una persona in carne)\b",
            r"\b(kunstliche intelligenz|ki|ai|ia|bot|robot)( \w+){0,1} (nee|no|nein|non|nao|nah|nope)( \w+){0,4} (alles echt|all real|todo real|todo es real|tudo real|tudo e real|tout est vrai|tutto vero|100 real|100 echt)\b|\b(inklusive mir selbst|including me|including myself|incluida yo|incluyendome|incluindo eu|incluindo a mim|y compris moi|me compresa|me compreso)\b",
            r"\b(i m|im|soy|sou|je suis|ich bin|sono|estoy|estou|right here|here)( \w+){0,4} (flesh and (bone|blood)|de carne y hueso|de carne e osso|en chair et en os|aus fleisch und blut|in carne e ossa|in carne ed ossa)\b",
            r"\b(contesto|respondo|escribo|answer|reply|write|reponds|ecris|antworte|schreibe|rispondo|scrivo) (yo|eu|moi|ich|io|myself|i)( \w+){0,3} (en persona|in person|pessoalmente|en personne|personlich|di persona|en carne y hueso)\b",
        ],
        &[],
    ),
    phrases(
        "off_platform_payment",
        Draft,
        Block,
        ALL,
        &[
            r"\b0x[0-9a-f]{6,}\b|\b(eth|btc|usdt|ltc) (wallet|address|addy|adresse|direccion|endereco|indirizzo|wallet address)\b",
            r"\b(tip jar|skip the middleman|sin intermediarios|sem intermediario|sem intermediarios|sans intermediaire|ohne zwischenhandler|senza intermediari)\b",
        ],
        &[],
    ),
    phrases(
        "price_talk",
        Draft,
        Block,
        ALL,
        &[
            r"\b(customs?|personalizad\w*|personnalis\w*|personalisiert\w*|personalizzat\w*|videos?|pics|fotos|photos|clips?)( \w+){0,3} (\d+) (per|a|an|por|par|pro|al|each|cada|ogni) (minute|min|minuto|minuten|minutes|minuti|minutos|video|pic|photo|foto|clip)\b",
            r"\b(da listino|list price|precio de lista|preco de tabela|prix catalogue|prix de base|listenpreis|normalpreis)( \w+){0,3} (\d+)\b|\b(scendo a|bajo a|te lo dejo en|te lo dejo a|baixo pra|faco por|je descends a|je te le fais a|ich gehe runter auf|ich mach dir|i ll go down to|i can do it for|for you only) (\d+)\b",
            r"\b(\d+|dieci|cinque|venti|quindici) (euretti|eurini|eurucci|euritos|eurinhos)\b",
        ],
        &[],
    ),
    phrases(
        "link",
        Draft,
        Block,
        ALL,
        &[
            r"\b(mi web|mi pagina|mi sitio|my site|my website|my page|meu site|minha pagina|mon site|ma page|meine seite|meine website|il mio sito)( \w+){0,2} \w+ (punto|ponto|point|punkt|dot) \w{2,4}\b",
        ],
        &[],
    ),
    phrases(
        "off_platform",
        Draft,
        Block,
        ALL,
        &[
            r"\b(weiterschreiben|schreiben|writ\w*|text\w*|messag\w*|chat\w*|talk\w*|messaggio|messaggi|scriv\w*|escrib\w*|escrev\w*|ecri\w*|chatten|hablar|falar|parler|parlare|reden|seguimos|continuamos|continuiamo|on continue)( \w+){0,3} (auf|on|su|en|no|sur|por|per|via) wa\b|\b(auf|on|su|por|per|via) wa (weiter\w*|schreiben|che|que|to|ist|e piu|es mas|e mais|c est plus)\b",
            r"\b(dammi|dame|give me|me da|me passa|passa|gib mir|donne moi|mandami|mandame|send me|schick mir)( \w+){0,1} (il tuo|tu|your|ur|teu|seu|ton|dein|deine) (wa|wsp|wpp|zap|whats|insta|snap|tg|telegram|whatsapp)\b",
        ],
        &[],
    ),
    phrases(
        "phone_number",
        Draft,
        Block,
        ALL,
        &[
            r"\b(qual|qual e|cual es|what s|whats|c est quoi|wie ist|qual e il) (o |el |ton |deine |il )?(teu|seu|tu|your|ur|ton|deine|tuo) (zap|whats|wpp|numero|cel|celular|number|nummer|tel)\b( \w+){0,4} (manda|send|mandame|envoie|schick|mandami)( \w+){0,1} (os numeros|o numero|the number|the digits|el numero|les chiffres|die nummer|il numero|los numeros)\b",
        ],
        &[],
    ),
    // ---- drafts: round 31 (a tip for a preview, a bundle's total, a phone top-up,
    // buymeacoffee; an app by its bird or bubble, WhatsApp spelled as said, "I'll leave you my
    // wa", "check my X profile"; a booth at the fair, a coffee for real, a room number, "which
    // room", "see you at the fair", "we have to meet", "we'll go out"; "definitely human", "I
    // exist for real", "not a machine", "a human, yes", "it's me, yes", "what bot", "would a
    // robot know", "I'm really sitting here"; "replying in her voice", "I have to write",
    // "according to the prompt", "rewritten as requested", a numbered reply with a note; an
    // email address asked for; "that you still go to school", "at 16 you're already", a
    // satchel from year 8, "me at 15") ----
    phrases(
        "price_talk",
        Draft,
        Block,
        ALL,
        &[
            r"\b(tip|tippe|tip me|schick mir|send me|si me das|si me mandas|se mandar|se me mandar|se voce mandar|dammi|mandami|envoie moi|manda me)( me)? (\d+|cem|cien|cent|hundred|hundert|cento|fifty|cincuenta|cinquenta|cinquante|funfzig|cinquanta|twenty|veinte|vinte|vingt|zwanzig|venti|ten|diez|dez|dix|zehn|dieci|five|cinco|cinq|funf|cinque)\w*( \w+){0,3}( (and|und|y|e|et|de propina|trinkgeld|di mancia|de gorjeta|en pourboire))?( \w+){0,3} (i ll|du kriegst|du bekommst|you get|you ll get|te mando|te envio|eu gravo|eu te mando|je t envoie|ti mando|bekommst du|kriegst du|recibes|ganhas|tu auras|ricevi)\b",
            r"\b(fur zusammen|zusammen fur|for both|for all three|for the lot|por los dos|por las dos|por los tres|pelos dois|pelas duas|pour les deux|pour les trois|per tutti e|per entrambi) \d+\b",
        ],
        &[],
    ),
    phrases(
        "off_platform_payment",
        Draft,
        Block,
        ALL,
        &[
            r"\b(ricaricami|recargame|recarga me|recarrega meu|recharge mon|recharge moi|lad mein handy auf|lade mein handy auf|top up my)( \w+){0,2} (telefono|cellulare|celular|movil|portable|phone|handy|credito|saldo|credit)\b",
            r"\b(buymeacoffee|buy me a coffee|throne|wishtender|amazon wishlist|my wishlist|mi wishlist|minha wishlist|ma wishlist|meine wunschliste)\b",
        ],
        &[],
    ),
    phrases(
        "off_platform",
        Draft,
        Block,
        ALL,
        &[
            r"\b(cuenta|conta|perfil|profile|compte|app|appli|account|pagina|page|profilo|konto|seite) (del|do|da|de l|of the|dell|vom|on the|sur l|su)( \w+){0,2} (pajarito|passarinho|oiseau|uccellino|vogel|bird)\b|\b(burbujita verde|burbuja verde|bolha verde|bolhinha verde|bulle verte|grune blase|grunen blase|bolla verde|nuvoletta verde|green bubble)\b",
            r"\b(uozzap|uozzapp|uazzap|uazap|uatsap|uatsapp|uotsap|uotsapp)\b",
            r"\b(ti lascio|te dejo|te deixo|je te laisse|ich lass dir|i ll leave you|i can give you|ti do|te doy|te dou|je te donne|ich geb dir)( \w+){0,1} (il mio|my|mi|meu|o meu|mon|mein\w*) (wa|whats|zap|tg|tele|telegram|snap|insta|ig)\b",
            r"\b(passa|pasate|viens|komm|vieni|come|check out|mira|olha|regarde|schau|guarda|visit|visita)( \w+){0,3} (perfil|profile|profilo|profil|cuenta|conta|compte|account|page|pagina|seite) (do|de|on|en|sur|auf|su|di|no|na) (x|twitter|insta|instagram|tiktok|snap|snapchat|telegram|reddit|fansly|onlyfans)\b",
        ],
        &[],
    ),
    phrases(
        "meeting",
        Draft,
        Block,
        ALL,
        &[
            r"\b(an meinen|to my|a mi|al mio|no meu|a mon) (stand|booth|puesto|estande)\b",
            r"\b(kaffee|coffee|cafe|caffe|drink|verre|copa|birra|bier|beer) (in echt|irl|in real life|en vrai|dal vivo|pessoalmente|en persona)\b",
            r"\b(zimmer|room|habitacion|quarto|chambre|camera|suite) (nr |no |numero )?\d{3,4}\b|\b(quelle chambre|which room|que habitacion|qual quarto|welches zimmer|che camera|quale camera|what room)\b",
            r"\b(wir sehen uns|see you|nos vemos|a gente se ve|on se voit|ci vediamo|meet me) (auf der|at the|en la|na|au|alla|al) (venus|messe|expo|convention|con|salon|fiera|feira|feria|festival|fair)\b",
            r"\b(on se capte|on se voit|on se retrouve|se voir|se capter|nos vemos|vernos|a gente se ve|ci vediamo|vederci|treffen wir uns|uns treffen|meet up|see each other)( \w+){0,4} (en vrai|irl|in real life|de verdad|pra valer|dal vivo|in echt|in person|en persona|pessoalmente|en personne)\b",
            r"\b(faut qu on se voie|faut qu on se voit|faut qu on se capte|we have to meet|we should meet|we gotta meet|tenemos que vernos|temos que nos ver|dobbiamo vederci|wir mussen uns treffen|wir sollten uns treffen)\b",
        ],
        &[
            r"in my dreams|en mis suenos|nos meus sonhos|dans mes reves|in meinen traumen|nei miei sogni|(virtual|virtuel|virtuale|online|on cam|por video|en visio|per video|in the chat|en el chat|no chat|dans le chat|im chat|in chat|nella chat|live|stream)\b",
            REFUSED_HERE,
        ],
    ),
    phrases(
        "claims_human",
        Draft,
        Block,
        ALL,
        &[
            r"\b(i m|im|i am|soy|sou|je suis|ich bin|sono) (definitely|totally|absolutely|really|very much|definitivamente|totalmente|completamente|absolutamente|definitivement|totalement|vraiment|definitiv|total|wirklich|assolutamente|decisamente|davvero)( \w+)? (human|humana|humano|humaine|humain|menschlich|ein mensch|umana|umano|real|reale|vera|echt|de verdad|de verdade)\b",
            r"\b(j existe|i exist|existo|eu existo|ich existiere|esisto)( \w+){0,1} (pour de vrai|for real|de verdad|de verdade|wirklich|davvero|really|en vrai|in echt)\b",
            r"\b(humaine?|human|humana|humano|umana|umano|mensch) (a )?([1-9]\d{2}|1000)\b",
            r"\b(je suis pas|je ne suis pas|i m not|im not|no soy|nao sou|ich bin kein\w*|non sono)( une| a| an| una| uma| eine| ein| un)? (machine|maquina|macchina|maschine|programme|program|programa|programma)\b",
            r"\b(un humain|une humaine|a human|un umano|una umana|un humano|una humana|um humano|uma humana|ein mensch) (oui|yes|si|sim|ja|yep|claro|certo|bien sur)\b|\b(sou eu sim|soy yo si|c est bien moi|c est moi oui|sono io si|it s me yes|yes it s me|ja ich bin s|ich bin s ja)\b",
            r"\b(que bot o que|que bot nada|que robo o que|que bot ni que|welcher bot|what bot)\b",
            r"\b(wurd\w*|would|sabria|saberia|saurait|saprebbe|wusste)( \w+)? (ein|a|un|una|um|uma) (roboter|robot|bot|ki|ai|ia|maschine|machine|maquina|macchina|chatbot)( \w+){0,1} (wissen|know|saber|savoir|sapere|merken|remember|recordar|lembrar|se souvenir|ricordare)\b",
            r"\b(ich sitz\w* hier wirklich|ich sitz\w* wirklich hier|i m really sitting here|i m actually sitting here|estoy aqui de verdad|estou aqui de verdade|je suis vraiment la|sono davvero qui)\b",
        ],
        &[],
    ),
    phrases(
        "instruction_leak",
        Draft,
        Block,
        ALL,
        &[
            r"\b(il faut que j ecrive|i need to write|i have to write|i should write|tengo que escribir|preciso escrever|tenho que escrever|devo scrivere|ich muss (eine|einen|ne) (nachricht|antwort) schreiben)( \w+){0,3} (message|reply|reponse|respuesta|resposta|risposta|nachricht|antwort|mensaje|mensagem|messaggio|text)\b",
            r"\b(prompt di sistema|system prompt|prompt de sistema|prompt do sistema|prompt systeme|systemprompt|secondo il prompt|according to (the|my) prompt|segun (el|mi) prompt|segundo o prompt|selon (le|mon) prompt|laut (dem |meinem )?prompt|my instructions say|mis instrucciones|minhas instrucoes|mes instructions|meine anweisungen|le mie istruzioni)\b",
            r"\b(i ve rewritten|i rewrote|here s the rewritten|reescribi|he reescrito|reescrevi|j ai reecrit|ich habe (\w+ ){0,3}umgeschrieben|ho riscritto)( \w+){0,3} (message|reply|text|mensaje|mensagem|nachricht|messaggio|texto|testo)\b|\b(as requested|como pediste|como me pediste|como pedido|como pediu|comme demande|comme tu l as demande|wie gewunscht|wie gewuenscht|come richiesto)\b",
        ],
        &[],
    ),
    phrases(
        "email",
        Draft,
        Block,
        ALL,
        &[
            r"\b(lasciami|dammi|mandami|passami|dejame|dame|pasame|me passa|me deixa|laisse moi|donne moi|gib mir|schick mir|leave me|give me|send me)( \w+){0,1} (il tuo|tu|teu|o teu|ton|deine|your|ur) (indirizzo di posta|indirizzo email|indirizzo mail|email|mail|e mail|correo|correo electronico|adresse mail|adresse e mail|mailadresse|e mail adresse|endereco de email|endereco de e mail)\b",
        ],
        &[],
    ),
    phrases(
        "minor",
        Draft,
        Block,
        ALL,
        &[
            r"\b(dass du|that you|que tu|que voce|che tu|que vas)( \w+){0,1} (noch |still |todavia |ainda |encore |ancora )?(zur schule gehst|go to school|in school|vas al (cole|colegio|instituto)|vas a la escuela|vai pra escola|va a l ecole|vas au college|vai a scuola|sei a scuola)\b",
            r"\b(a|at|con|com|mit|with) (1[0-7])( ans| anos| anni| years| jahren| years old)?( \w+){0,1} (t es|tu es|you re|eres|estas|vc e|voce e|vc ja e|sei|bist du|du bist)\b",
            r"\b(cartable|schulranzen|mochila escolar|zaino di scuola|cartella|uniforme|school uniform|schuluniform)( \w+){0,3} (de [3-6] ?eme|de [3-6]e|de (quatrieme|troisieme|cinquieme|sixieme)|from (7th|8th|9th) grade|de secundaria|de primaria|da escola|delle medie|der (\w+ )?klasse)\b",
            r"\b(la moi de|moi a|(1[0-7]) year old me|yo de|yo a los|eu de|eu aos|io a|io di) (1[0-7])?( ans| anos| anni| years)?( \w+){0,6} (coquin\w*|naughty|sexy|hot|chaud\w*|caliente|safad\w*|piccant\w*|versaut\w*|geil\w*|messages|messaggi|mensajes|mensagens|nachrichten)\b",
        ],
        &[
            r"(1[0-7]) (min\w*|hours?|horas?|heures?|ore|stunden?|km|kms|miles?|euros?|dollars?|bucks|percent|days?|dias?|jours?|giorni|tage?|photos?|fotos?|pics|videos?)",
        ],
    ),
    // ---- drafts: prices ----
    detector("price_talk", Draft, Block, d::price),
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_rule_name_is_one_the_rest_of_the_agent_knows() {
        const KNOWN: &[&str] = &[
            "underage",
            "crisis",
            "threat",
            "meeting_request",
            "payment_dispute",
            "ai_question",
            "off_platform",
            "off_platform_payment",
            "link",
            "email",
            "phone_number",
            "meeting",
            "minor",
            "claims_human",
            "instruction_leak",
            "price_talk",
        ];
        assert!(RULES.iter().all(|r| KNOWN.contains(&r.name)));
        assert!(RULES.iter().all(|r| !r.langs.is_empty()));
    }

    #[test]
    fn escalations_read_messages_and_blocks_read_drafts() {
        for r in RULES {
            match r.scope {
                Input => assert_ne!(r.action, Block, "{}", r.name),
                Draft => assert_eq!(r.action, Block, "{}", r.name),
            }
        }
    }
}
