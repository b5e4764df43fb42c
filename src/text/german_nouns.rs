//! German common nouns that no article tells: German capitalises every noun, so a capital alone
//! does not make a name, and a noun taken for a name costs twice. Names are anchors, the words
//! that carry across languages: a German original's nouns taken for names are anchors that no
//! English translation holds ("Radfahrer", "Bundestrainer", "Wind"), and they also leave its
//! stored vocabulary, which holds no names' words. In five German originals of wmt19-public read
//! for this, about half the capitalised words that no article or noun ending marked were nouns.
//!
//! [`featurize`](mod@super::featurize) finds the nouns that follow an article, a quantifier or a
//! number; this module tells the nouns that need no context:
//! - the word has a common noun's ending ([`ENDINGS`]);
//! - or it is one of the common nouns of news in [`COMMON`] (in a plural or case form too);
//! - or it is a compound whose head, its last part, is one of them ("Nationalspielers",
//!   "Teammanager", "Knochenmasse"): German compounds take their head's class. Heads that also
//!   end place and family names ("-stadt", "-berg", "-mann", "-tag" of "Bundestag") decide
//!   nothing as a head ([`NAMING_HEADS`]).
//!
//! The list leaves out the nouns that are also common family names ("Koch", "Bauer", "Richter",
//! "Fischer", "König", "Hahn", "Wolf"): a name taken for a noun loses an anchor that a
//! translation keeps.

use std::cell::RefCell;
use std::sync::OnceLock;

use crate::hash::{bound_word_cache, fnv1a, HashMap64, HashSet64};

/// Endings of German common nouns (abstract nouns, feminine forms, loan words) that names
/// hardly have: "Regierung", "Sicherheit", "Mannschaft", "Nation", "Spielerinnen", "Parlament".
/// They count only on words of [`MIN_ENDING_WORD_CHARS`] chars or more, so that short names
/// ("Jung") keep their capital.
const ENDINGS: &[&str] = &[
    "ung", "ungen", "heit", "heiten", "keit", "keiten", "schaft", "schaften", "tion", "tionen",
    "tät", "täten", "ismus", "erin", "innen", "nisse", "ment", "mente", "ments",
];
/// Fewest chars of a word that an [`ENDINGS`] ending makes a noun.
const MIN_ENDING_WORD_CHARS: usize = 6;

/// Common nouns of news, lower-cased, in their dictionary form (and irregular plurals): people and
/// roles, time, places as kinds, things, events and abstractions. Written for this project.
#[rustfmt::skip]
const COMMON: &[&str] = &[
    // People and roles.
    "präsident", "minister", "kanzler", "chef", "trainer", "spieler", "fahrer", "polizist",
    "polizei", "beamte", "beamter", "arzt", "ärzte", "lehrer", "schüler", "student", "kind",
    "kinder", "eltern", "mutter", "vater", "frau", "mann", "männer", "mensch", "leute", "bürger",
    "einwohner", "anwohner", "bewohner", "besucher", "zuschauer", "fan", "fans", "mitglied",
    "mitglieder", "sprecher", "experte", "kollege", "freund", "partner", "gegner", "opfer",
    "täter", "zeuge", "anwalt", "mitarbeiter", "arbeiter", "unternehmer", "manager", "direktor",
    "leiter", "vorsitzende", "vorsitzender", "abgeordnete", "abgeordneter", "politiker", "soldat",
    "kunde", "nutzer", "verbraucher", "gast", "gäste", "team", "verein", "klub", "club", "profi",
    "star", "sieger", "verlierer", "torwart", "stürmer", "verteidiger", "kapitän", "nachbar",
    "bruder", "schwester", "sohn", "tochter", "autor", "journalist", "fotograf", "model",
    "sänger", "künstler", "forscher", "wissenschaftler", "ermittler", "helfer", "retter",
    "feuerwehr", "regierungschef", "bürgermeister", "landrat", "behörde", "behörden",
    // Time.
    "jahr", "monat", "woche", "tag", "tage", "stunde", "minute", "sekunde", "zeit", "ende",
    "anfang", "beginn", "mitte", "wochenende", "abend", "nacht", "nächte", "mittag", "saison",
    "jahrhundert", "jahrzehnt", "zukunft", "vergangenheit", "moment", "augenblick", "termin",
    // Places as kinds (as heads, most also end names: see `NAMING_HEADS`).
    "stadt", "städte", "land", "länder", "dorf", "gemeinde", "kreis", "region", "bezirk", "ort",
    "straße", "platz", "gebäude", "haus", "häuser", "wohnung", "zimmer", "raum", "schule",
    "kirche", "krankenhaus", "klinik", "hotel", "bahnhof", "flughafen", "hafen", "grenze", "welt",
    "erde", "küste", "insel", "berg", "see", "meer", "fluss", "wald", "park", "markt", "zentrum",
    "gelände", "brücke", "weg", "tal", "gebiet", "viertel", "innenstadt",
    // Things.
    "auto", "wagen", "fahrzeug", "zug", "züge", "bus", "flugzeug", "schiff", "boot", "rad",
    "fahrrad", "geld", "euro", "dollar", "prozent", "million", "millionen", "milliarde",
    "milliarden", "preis", "kosten", "steuer", "wasser", "feuer", "strom", "energie", "gas", "öl",
    "brot", "bier", "wein", "tier", "hund", "katze", "pferd", "baum", "bäume", "blume", "müll",
    "abfall", "schild", "schilder", "pfosten", "tür", "fenster", "dach", "wand", "mauer", "glas",
    "papier", "buch", "bücher", "brief", "bild", "bilder", "foto", "film", "video", "internet",
    "handy", "telefon", "computer", "daten", "netz", "spiel", "tor", "punkt", "sieg",
    "niederlage", "ball", "ergebnis", "erfolg", "ziel", "grund", "gründe", "frage", "antwort",
    "problem", "thema", "themen", "plan", "pläne", "idee", "projekt", "programm", "system",
    "gesetz", "recht", "gericht", "urteil", "strafe", "prozess", "fall", "fälle", "unfall",
    "unfälle", "krieg", "frieden", "angriff", "anschlag", "gewalt", "streit", "kampf", "krise",
    "gefahr", "risiko", "schaden", "schäden", "verkehr", "wetter", "regen", "wind", "schnee",
    "sturm", "hitze", "kälte", "temperatur", "grad", "meter", "kilometer", "kilo", "liter",
    "tonne", "stück", "teil", "zahl", "hälfte", "spitze", "rang", "liga", "partie", "turnier",
    "rennen", "strecke", "runde", "halbzeit", "start", "masse", "muskel", "fett", "knochen",
    "körper", "kopf", "hand", "hände", "herz", "blut", "stimme", "wort", "wörter", "satz", "name",
    // Abstractions and institutions.
    "leben", "tod", "liebe", "angst", "hilfe", "kritik", "ansicht", "wahl", "partei", "politik",
    "unternehmen", "firma", "firmen", "konzern", "bank", "handel", "arbeit", "job", "lohn",
    "löhne", "rente", "virus", "bildung", "kultur", "musik", "kunst", "sport", "fußball", "natur",
    "umwelt", "klima", "familie", "geschichte", "nachricht", "bericht", "zeitung", "medien",
    "sender", "anblick", "treffpunkt", "schicksal", "unrat", "debüt", "comeback", "podcast",
    "meldung", "zustand", "vorschlag", "vorschläge", "ausnahme", "entwicklung", "aktion",
    "chance", "macht", "staat", "volk", "armee", "militär", "waffe", "waffen", "polizeistreife",
];

/// Heads that also end place names, family names and the names of institutions ("Schwalmstadt",
/// "Hoffmann", "Bundestag", "Bundesliga", "Ludwigshafen"): a compound with one of them is left as
/// the text's capitals have it. Each is still a common noun on its own.
#[rustfmt::skip]
const NAMING_HEADS: &[&str] = &[
    "mann", "tag", "stadt", "land", "dorf", "berg", "see", "wald", "haus", "platz", "straße",
    "weg", "kirche", "markt", "brücke", "tal", "ort", "liga", "park", "hafen", "kreis", "insel",
    "rad", "zentrum", "club", "klub", "team", "verein", "partei", "bank", "zeitung", "sender",
    "gericht", "schule", "klinik", "hotel",
];

/// Endings a noun takes in its plural and case forms, tried off the word when it is not in
/// [`COMMON`] as it stands, but not off a noun that ends names ("Bergen", "Landes"). "-er" is not
/// among them ("Müller" is no plural of "Müll"): the few plurals in "-er" are listed.
const INFLECTIONS: &[&str] = &["s", "es", "n", "en", "e", "nen", "in"];
/// Fewest letters of a noun left when an inflection is taken off ("Tore": "tor").
const MIN_BASE_CHARS: usize = 3;

/// Fewest letters of a compound left before its head: "Radfahrer" is one, "Erfolg" is no
/// compound of "folg".
const MIN_PREFIX_CHARS: usize = 3;
/// Fewest letters of a head: shorter ones end too many words by chance.
const MIN_HEAD_CHARS: usize = 4;

/// The hashes of the [`COMMON`] nouns and of the [`NAMING_HEADS`], each of its normalised form.
struct Lexicon {
    common: HashSet64,
    naming: HashSet64,
}

fn lexicon() -> &'static Lexicon {
    static LEXICON: OnceLock<Lexicon> = OnceLock::new();
    LEXICON.get_or_init(|| {
        let set = |words: &[&str]| {
            words
                .iter()
                .flat_map(|w| super::word_hashes(w))
                .collect::<HashSet64>()
        };
        Lexicon {
            common: set(COMMON),
            naming: set(NAMING_HEADS),
        }
    })
}

/// Whether `norm` (a normalised word) is a common noun as it stands or in an inflected form; when
/// `as_head`, only a noun that ends no names counts (an inflected one never does).
fn is_common(norm: &str, as_head: bool) -> bool {
    let lex = lexicon();
    let known = |w: &str, ending_no_names: bool| {
        let h = fnv1a(w.as_bytes());
        lex.common.contains(&h) && !(ending_no_names && lex.naming.contains(&h))
    };
    known(norm, as_head)
        || INFLECTIONS.iter().any(|e| {
            norm.strip_suffix(e)
                .is_some_and(|base| base.chars().count() >= MIN_BASE_CHARS && known(base, true))
        })
}

thread_local! {
    /// [`is_common_noun`]'s answers so far on this thread, by word hash: a text repeats its
    /// names, and news repeats its nouns, while the test tries every head of a word.
    static ANSWERS: RefCell<HashMap64<bool>> = RefCell::new(HashMap64::default());
}

/// Whether the capitalised German word `norm` (normalised; `word` is its hash) is a common noun
/// by itself: by its ending ([`ENDINGS`]), as one of [`COMMON`], or as a compound whose head is
/// one.
pub(super) fn is_common_noun(word: u64, norm: &str) -> bool {
    ANSWERS.with_borrow_mut(|answers| {
        bound_word_cache(answers);
        *answers
            .entry(word)
            .or_insert_with(|| is_common_noun_uncached(norm))
    })
}

/// [`is_common_noun`], worked out.
fn is_common_noun_uncached(norm: &str) -> bool {
    if norm.chars().count() >= MIN_ENDING_WORD_CHARS && ENDINGS.iter().any(|e| norm.ends_with(e)) {
        return true;
    }
    if is_common(norm, false) {
        return true;
    }
    // Every split leaving a prefix and a head long enough, the longest head first.
    norm.char_indices()
        .skip(MIN_PREFIX_CHARS)
        .map(|(at, _)| &norm[at..])
        .take_while(|head| head.chars().count() >= MIN_HEAD_CHARS)
        .any(|head| is_common(head, true))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn norm(w: &str) -> String {
        let mut out = String::new();
        crate::text::normalize::push_normalized(w, &mut out);
        out
    }

    #[test]
    fn common_nouns_and_their_compounds_are_nouns() {
        for w in [
            "Präsident",
            "Profis",
            "Muskeln",
            "Nationalspielers",
            "Bundestrainer",
            "Teammanager",
            "Knochenmasse",
            "Radfahrer",
            "Anwohner",
            "Präsidentin",
        ] {
            assert!(is_common_noun_uncached(&norm(w)), "{w}");
        }
    }

    #[test]
    fn names_stay_names() {
        for w in [
            "Schwalmstadt",
            "Treysa",
            "Ziegenhain",
            "Wüstenhagen",
            "Hoffmann",
            "Bundestag",
            "Bundesliga",
            "Ludwigshafen",
            "Merkel",
            "Löw",
            "Berlin",
            "Bierhoff",
            "Koch",
            "Hahn",
            "Würzburg",
            "Oldenburg",
            "Frankfurt",
            "Müller",
            "Neuer",
            "Werner",
            "Bergen",
            "Essen",
            "Gelsenkirchen",
            "Saarbrücken",
            "Düsseldorf",
            "Seehofer",
            "Karrenbauer",
            "Martin",
            "Karin",
        ] {
            assert!(!is_common_noun_uncached(&norm(w)), "{w}");
        }
    }

    #[test]
    fn every_entry_is_one_lower_case_word() {
        for w in COMMON.iter().chain(NAMING_HEADS) {
            assert_eq!(super::super::word_hashes(w).len(), 1, "{w}");
            assert_eq!(norm(w), *w, "{w}");
        }
        for h in NAMING_HEADS {
            assert!(COMMON.contains(h), "{h} is no common noun");
        }
    }
}
