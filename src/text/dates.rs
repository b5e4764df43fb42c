//! Names of months and weekdays: one anchor each, whatever the language.
//!
//! A translated report keeps its dates: "on Sunday" is "am Sonntag" and "в воскресенье", "in
//! October" is "im Oktober" and "в октябре". Numbers carry across languages as they are, and
//! names by their consonant skeletons ([`super::normalize::name_skeleton`]), but the words of a
//! date share neither: their skeletons differ, and Russian, French or Polish write them in lower
//! case, where nothing else is a name. So each form below stands for its month or weekday, and
//! every form of one month is one anchor in every language.
//!
//! Scripts without case (Urdu, Hindi) are left out: they have no names to the engine, so their
//! dates would be the only anchors beside numbers, and reports of one event share their dates
//! (counter-public's honest reports were called copies more often with them: docs/accuracy.md, "Dates carry across languages").
//!
//! Where a form is also a common word of its language it is left out ("среда" is also "the
//! environment", Portuguese "segunda" also "second", English "may" a verb), and in the languages
//! that write months and weekdays with a capital (English, German, Indonesian) a form counts
//! only capitalised ("March" but not "march", Indonesian "Minggu" but not "minggu", a week).
//! The forms are those a date takes: Russian and Polish months also in the genitive ("5
//! октября") and prepositional case, weekdays in the accusative ("в пятницу").

use std::sync::OnceLock;

/// Month forms of each language, January to December, one month's forms separated by spaces.
const MONTHS: &[(&str, [&str; 12])] = &[
    (
        "en",
        [
            "january",
            "february",
            "march",
            "april",
            "",
            "june",
            "july",
            "august",
            "september",
            "october",
            "november",
            "december",
        ],
    ),
    (
        "de",
        [
            "januar jänner",
            "februar",
            "märz",
            "april",
            "mai",
            "juni",
            "juli",
            "august",
            "september",
            "oktober",
            "november",
            "dezember",
        ],
    ),
    (
        "fr",
        [
            "janvier",
            "février",
            "mars",
            "avril",
            "mai",
            "juin",
            "juillet",
            "août",
            "septembre",
            "octobre",
            "novembre",
            "décembre",
        ],
    ),
    (
        "es",
        [
            "enero",
            "febrero",
            "marzo",
            "abril",
            "mayo",
            "junio",
            "julio",
            "agosto",
            "septiembre setiembre",
            "octubre",
            "noviembre",
            "diciembre",
        ],
    ),
    (
        "it",
        [
            "gennaio",
            "febbraio",
            "marzo",
            "aprile",
            "maggio",
            "giugno",
            "luglio",
            "agosto",
            "settembre",
            "ottobre",
            "novembre",
            "dicembre",
        ],
    ),
    (
        "pt",
        [
            "janeiro",
            "fevereiro",
            "março",
            "abril",
            "maio",
            "junho",
            "julho",
            "agosto",
            "setembro",
            "outubro",
            "novembro",
            "dezembro",
        ],
    ),
    (
        "nl",
        [
            "januari",
            "februari",
            "maart",
            "april",
            "mei",
            "juni",
            "juli",
            "augustus",
            "september",
            "oktober",
            "november",
            "december",
        ],
    ),
    (
        "sv",
        [
            "januari",
            "februari",
            "mars",
            "april",
            "maj",
            "juni",
            "juli",
            "augusti",
            "september",
            "oktober",
            "november",
            "december",
        ],
    ),
    (
        "da",
        [
            "januar",
            "februar",
            "marts",
            "april",
            "maj",
            "juni",
            "juli",
            "august",
            "september",
            "oktober",
            "november",
            "december",
        ],
    ),
    (
        "no",
        [
            "januar",
            "februar",
            "mars",
            "april",
            "mai",
            "juni",
            "juli",
            "august",
            "september",
            "oktober",
            "november",
            "desember",
        ],
    ),
    (
        "ru",
        [
            "январь января январе",
            "февраль февраля феврале",
            "март марта марте",
            "апрель апреля апреле",
            "май мая мае",
            "июнь июня июне",
            "июль июля июле",
            "август августа августе",
            "сентябрь сентября сентябре",
            "октябрь октября октябре",
            "ноябрь ноября ноябре",
            "декабрь декабря декабре",
        ],
    ),
    (
        "uk",
        [
            "січень січня січні",
            "лютий лютого лютому",
            "березень березня березні",
            "квітень квітня квітні",
            "травень травня травні",
            "червень червня червні",
            "липень липня липні",
            "серпень серпня серпні",
            "вересень вересня вересні",
            "жовтень жовтня жовтні",
            "листопад листопада листопаді",
            "грудень грудня грудні",
        ],
    ),
    (
        "pl",
        [
            "styczeń stycznia styczniu",
            "luty lutego lutym",
            "marzec marca marcu",
            "kwiecień kwietnia kwietniu",
            "maj maja maju",
            "czerwiec czerwca czerwcu",
            "lipiec lipca lipcu",
            "sierpień sierpnia sierpniu",
            "wrzesień września wrześniu",
            "październik października październiku",
            "listopad listopada listopadzie",
            "grudzień grudnia grudniu",
        ],
    ),
    (
        "id",
        [
            "januari",
            "februari",
            "maret",
            "april",
            "mei",
            "juni",
            "juli",
            "agustus",
            "september",
            "oktober",
            "november",
            "desember",
        ],
    ),
];

/// Weekday forms of each language, Monday to Sunday ("": none unambiguous).
const WEEKDAYS: &[(&str, [&str; 7])] = &[
    (
        "en",
        [
            "monday",
            "tuesday",
            "wednesday",
            "thursday",
            "friday",
            "saturday",
            "sunday",
        ],
    ),
    (
        "de",
        [
            "montag",
            "dienstag",
            "mittwoch",
            "donnerstag",
            "freitag",
            "samstag sonnabend",
            "sonntag",
        ],
    ),
    (
        "fr",
        [
            "lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche",
        ],
    ),
    (
        "es",
        [
            "lunes",
            "martes",
            "miércoles",
            "jueves",
            "viernes",
            "sábado",
            "domingo",
        ],
    ),
    (
        "it",
        [
            "lunedì",
            "martedì",
            "mercoledì",
            "giovedì",
            "venerdì",
            "sabato",
            "domenica",
        ],
    ),
    ("pt", ["", "", "", "", "", "sábado", "domingo"]),
    (
        "nl",
        [
            "maandag",
            "dinsdag",
            "woensdag",
            "donderdag",
            "vrijdag",
            "zaterdag",
            "zondag",
        ],
    ),
    (
        "sv",
        [
            "måndag", "tisdag", "onsdag", "torsdag", "fredag", "lördag", "söndag",
        ],
    ),
    (
        "da",
        [
            "mandag", "tirsdag", "onsdag", "torsdag", "fredag", "lørdag", "søndag",
        ],
    ),
    (
        "no",
        [
            "mandag", "tirsdag", "onsdag", "torsdag", "fredag", "lørdag", "søndag",
        ],
    ),
    (
        "ru",
        [
            "понедельник понедельника",
            "вторник вторника",
            "",
            "четверг четверга",
            "пятница пятницу пятницы",
            "суббота субботу субботы",
            "воскресенье воскресенья",
        ],
    ),
    (
        "uk",
        [
            "понеділок понеділка",
            "вівторок вівторка",
            "середа середу середи",
            "четвер четверга",
            "",
            "субота суботу суботи",
            "неділя неділю неділі",
        ],
    ),
    (
        "pl",
        [
            "poniedziałek",
            "wtorek",
            "środa środę",
            "czwartek",
            "piątek",
            "sobota sobotę",
            "niedziela niedzielę",
        ],
    ),
    (
        "id",
        [
            "senin", "selasa", "rabu", "kamis", "jumat", "sabtu", "minggu",
        ],
    ),
];

/// Languages that write months and weekdays with a capital: there a form counts only
/// capitalised, since its lower-case twin may be another word ("march", Indonesian "minggu").
const CAPITALISED: &[&str] = &["en", "de", "id"];

/// The high bits of every date key; the low byte is the month (1 to 12) or weekday (13 to 19).
const TAG: u64 = 0x6461_7465_2d6b_6500;

/// The date key of `word` (a normal form: [`super::normalize::push_normalized`]) in a text of
/// language `lang`, if it names a month or weekday there.
pub fn key(word: &str, lang: &str) -> Option<u64> {
    // Per language of the tables, its forms, each with its month or weekday: some fifty to
    // compare, most by their length alone, and no allocation (the caller asks once per distinct
    // word and language).
    static FORMS: OnceLock<Vec<Vec<(&'static str, u8)>>> = OnceLock::new();
    let forms = FORMS.get_or_init(|| {
        MONTHS
            .iter()
            .map(|(lang, months)| {
                let days = WEEKDAYS.iter().find(|(l, _)| l == lang).map(|(_, d)| d);
                months
                    .iter()
                    .zip(1..)
                    .chain(days.into_iter().flatten().zip(13..))
                    .flat_map(|(forms, concept)| {
                        forms.split_whitespace().map(move |f| (f, concept))
                    })
                    .collect()
            })
            .collect()
    });
    let of_lang: &Vec<(&str, u8)> = &forms[MONTHS.iter().position(|(l, _)| *l == lang)?];
    let &(_, concept) = of_lang.iter().find(|(form, _)| *form == word)?;
    Some(TAG | u64::from(concept))
}

/// Whether `key` is a date key ([`key`]).
#[inline]
pub fn is_key(key: u64) -> bool {
    key & !0xff == TAG
}

/// Whether a date word of `lang` counts only where it is capitalised.
pub fn needs_capital(lang: &str) -> bool {
    CAPITALISED.contains(&lang)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn norm(w: &str) -> String {
        let mut s = String::new();
        super::super::normalize::push_normalized(w, &mut s);
        s
    }

    #[test]
    fn one_month_or_weekday_is_one_key_in_every_language() {
        let october = key("october", "en").unwrap();
        for (w, lang) in [
            ("Oktober", "de"),
            ("octobre", "fr"),
            ("октября", "ru"),
            ("октябре", "ru"),
            ("października", "pl"),
        ] {
            assert_eq!(key(&norm(w), lang), Some(october), "{w}");
        }
        let sunday = key("sunday", "en").unwrap();
        for (w, lang) in [("Sonntag", "de"), ("воскресенье", "ru"), ("Minggu", "id")] {
            assert_eq!(key(&norm(w), lang), Some(sunday), "{w}");
        }
        assert_ne!(october, sunday);
        assert!(is_key(october) && is_key(sunday));
        assert!(!is_key(crate::hash::fnv1a(b"october")));
    }

    #[test]
    fn forms_are_looked_up_in_their_own_language_only() {
        // French "mars" is March; in an English text "Mars" is the planet.
        assert!(key("mars", "fr").is_some());
        assert_eq!(key("mars", "en"), None);
        assert_eq!(key("oktober", "fr"), None);
        assert_eq!(key("october", ""), None);
        // Common words that a month or weekday is also spelled as are not in the table.
        assert_eq!(key("may", "en"), None);
        assert_eq!(key("среда", "ru"), None);
        assert!(needs_capital("en") && !needs_capital("ru"));
    }

    #[test]
    fn every_language_with_weekdays_has_months_and_its_forms_are_normal_and_distinct() {
        for (lang, days) in WEEKDAYS {
            let months = MONTHS.iter().find(|(l, _)| l == lang).unwrap().1;
            let mut all: Vec<String> = months
                .iter()
                .chain(days.iter())
                .flat_map(|f| f.split_whitespace().map(norm))
                .collect();
            // The tables hold normal forms, which `key` is asked with.
            for f in months
                .iter()
                .chain(days.iter())
                .flat_map(|f| f.split_whitespace())
            {
                assert_eq!(norm(f), f, "{lang}");
            }
            let n = all.len();
            all.sort();
            all.dedup();
            assert_eq!(all.len(), n, "{lang}");
        }
    }
}
