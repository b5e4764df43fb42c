//! Wire credits: "(Reuters)", "– AP", "AFP", "Reuters reporters estimated …".
//!
//! A credit is evidence about where a text comes from, but never evidence of copying by itself: an
//! original report may cite an agency too. The engine reports the credits it finds and whether the
//! page credits a candidate's source (a credited copy is legitimate reuse, and the report says so),
//! and the credit's own words — "(Reuters)" in a dateline — are kept out of the fingerprints.

use std::sync::OnceLock;

use crate::hash::WordTable;
use crate::text::{Analysis, CREDIT, FURNITURE};

/// Agencies recognised in any text: display name, then the spellings that name it, in Latin
/// script and in the scripts of the pages that credit them most (Urdu, Arabic, Russian). Latin
/// spellings of two to four capitals must be written in capitals to count ("AP", not "ap"). Where
/// spellings overlap, the longest wins: Urdu "اے پی پی" is APP, not AP ("اے پی") followed by a
/// letter.
const AGENCIES: &[(&str, &[&str])] = &[
    (
        "Reuters",
        &[
            "reuters",
            "thomson reuters",
            "رائٹرز",
            "رويترز",
            "рейтер",
            "рейтерс",
        ],
    ),
    (
        "AP",
        &[
            "AP",
            "associated press",
            "اے پی",
            "أسوشيتد برس",
            "ассошиэйтед пресс",
        ],
    ),
    (
        "AFP",
        &[
            "AFP",
            "agence france presse",
            "agence france-presse",
            "اے ایف پی",
            "فرانس برس",
            "франс пресс",
        ],
    ),
    ("dpa", &["dpa", "deutsche presse agentur"]),
    ("Xinhua", &["xinhua", "شينخوا", "синьхуа"]),
    ("TASS", &["tass", "тасс"]),
    ("Interfax", &["interfax", "интерфакс"]),
    ("RIA Novosti", &["ria novosti", "риа новости"]),
    ("Bloomberg", &["bloomberg", "блумберг"]),
    ("UPI", &["UPI", "united press international"]),
    ("EFE", &["EFE"]),
    ("ANSA", &["ANSA"]),
    ("Kyodo", &["kyodo"]),
    ("Yonhap", &["yonhap"]),
    ("AAP", &["AAP", "australian associated press"]),
    ("PA", &["PA media", "press association"]),
    ("ANI", &["ANI"]),
    ("PTI", &["PTI", "press trust of india"]),
    ("IANS", &["IANS"]),
    ("Anadolu", &["anadolu agency", "anadolu ajansı", "الأناضول"]),
    ("Bernama", &["bernama"]),
    ("Antara", &["antara"]),
    ("APP", &["APP", "associated press of pakistan", "اے پی پی"]),
    ("INP", &["INP", "آئی این پی"]),
    ("NNI", &["NNI", "این این آئی"]),
    ("PPI", &["PPI", "پی پی آئی"]),
    ("SANA", &["SANA", "ثناء نیوز"]),
    ("Al Jazeera", &["al jazeera", "الجزيرة", "аль-джазира"]),
];

/// Words before an agency name that make the mention a credit ("according to", "told", "via").
const BEFORE: &[&str] = &[
    "to",
    "told",
    "via",
    "by",
    "from",
    "source",
    "credit",
    "courtesy",
    "per",
    "laut",
    "agentur",
    "nachrichtenagentur",
    "агентство",
    "агентства",
    "агентству",
    "агентством",
    "сообщает",
    "сообщило",
    "передает",
];
/// Words after an agency name that make the mention a credit ("Reuters reported").
const AFTER: &[&str] = &[
    "reported",
    "reports",
    "reporters",
    "reporter",
    "news",
    "said",
    "says",
    "contributed",
    "quoted",
    "agency",
    "correspondent",
    "wrote",
    "learned",
    "calculated",
    "estimated",
    "tally",
    "count",
    "berichtete",
    "berichtet",
    "meldete",
    "meldet",
    "сообщает",
    "сообщило",
    "сообщил",
    "передает",
];

/// One spelling of a name as the hashes of its normalised words.
struct Spelling {
    words: Vec<u64>,
    capitals: bool,
}

/// A spelling's words hashed as the tokenizer hashes a text's words (normalised alike, so that
/// Urdu, Arabic and Cyrillic spellings meet their text's letters in the same form).
fn spelling(s: &str) -> Spelling {
    let capitals = s.len() <= 4 && s.chars().all(|c| c.is_ascii_uppercase());
    Spelling {
        words: crate::text::word_hashes(s),
        capitals,
    }
}

/// Every agency spelling, with the agency's display name, indexed by the spelling's first word.
struct Table {
    spellings: Vec<(&'static str, Spelling)>,
    by_first_word: WordTable<Vec<usize>>,
}

/// The agencies' spellings, built once from their names ([`Table`]).
fn table() -> &'static Table {
    static TABLE: OnceLock<Table> = OnceLock::new();
    TABLE.get_or_init(|| {
        let mut spellings: Vec<(&'static str, Spelling)> = AGENCIES
            .iter()
            .flat_map(|(name, sps)| sps.iter().map(move |s| (*name, spelling(s))))
            .filter(|(_, sp)| !sp.words.is_empty())
            .collect();
        // Longest first, so that the first spelling found at a word is the longest there.
        spellings.sort_by_key(|(_, sp)| std::cmp::Reverse(sp.words.len()));
        let mut by_first_word: WordTable<Vec<usize>> = WordTable::default();
        for (i, (_, sp)) in spellings.iter().enumerate() {
            by_first_word.get_or_default(sp.words[0]).push(i);
        }
        Table {
            spellings,
            by_first_word,
        }
    })
}

/// Whether `sp` occurs in `a` at token `i`, written in capitals where the spelling requires it.
fn occurs_at(text: &str, a: &Analysis, sp: &Spelling, i: usize) -> bool {
    let n = sp.words.len();
    i + n <= a.tokens.len()
        && a.tokens[i..i + n]
            .iter()
            .zip(&sp.words)
            .all(|(t, w)| t.word == *w)
        && (!sp.capitals || {
            let t = &a.tokens[i];
            text[t.start as usize..t.end as usize]
                .chars()
                .all(|c| c.is_uppercase())
        })
}

/// The longest agency spelling that occurs in `a` at token `i` (an index into the table's
/// spellings), if any.
fn spelling_at(text: &str, a: &Analysis, i: usize) -> Option<usize> {
    let table = table();
    let candidates = table.by_first_word.get(a.tokens.get(i)?.word)?;
    candidates
        .iter()
        .copied()
        .find(|&s| occurs_at(text, a, &table.spellings[s].1, i))
}

/// Finds the credits in `a` (the analysis of `text`), flags the tokens of dateline credits
/// ("(Reuters)", "– AP", "(اے پی پی)") as [`CREDIT`], and returns the credited agencies in order
/// of first mention.
pub fn mark_credits(text: &str, a: &mut Analysis) -> Vec<String> {
    let table = table();
    let mut found: Vec<String> = Vec::new();
    let mut to_flag: Vec<(usize, usize)> = Vec::new();
    let mut i = 0;
    while i < a.tokens.len() {
        // The table's bitmap answers nearly every word here, before any call.
        let t = &a.tokens[i];
        let spelling = if t.flags & FURNITURE == 0 && table.by_first_word.contains(t.word) {
            spelling_at(text, a, i)
        } else {
            None
        };
        let Some(s) = spelling else {
            i += 1;
            continue;
        };
        let (name, sp) = &table.spellings[s];
        let last = i + sp.words.len() - 1;
        let before = text[..a.tokens[i].start as usize]
            .trim_end()
            .chars()
            .next_back();
        let after = text[a.tokens[last].end as usize..]
            .trim_start()
            .chars()
            .next();
        let dateline = before == Some('(')
            || after == Some(')')
            || before.is_some_and(is_dash)
            || after.is_some_and(is_dash);
        let word_before = i.checked_sub(1).map(|j| a.norm_of(j));
        let word_after = (last + 1 < a.tokens.len()).then(|| a.norm_of(last + 1));
        let phrase = word_before.is_some_and(|w| BEFORE.contains(&w))
            || word_after.is_some_and(|w| AFTER.contains(&w));
        if dateline {
            to_flag.push((i, last));
        }
        if (dateline || phrase) && !found.iter().any(|f| f == name) {
            found.push((*name).to_string());
        }
        // The words of a name are not read again as the start of a shorter one.
        i = last + 1;
    }
    for (i, last) in to_flag {
        for t in &mut a.tokens[i..=last] {
            t.flags |= CREDIT;
        }
    }
    found
}

/// Whether `c` is a hyphen or a dash, as a credit's "– AP" may be written with any of them.
fn is_dash(c: char) -> bool {
    matches!(c, '-' | '–' | '—' | '―')
}

/// Whether the page (`a`, the analysis of `text`) names `source` anywhere outside site furniture:
/// "credits Reuters" in the report. Short all-capital names ("AP") must appear in capitals; an
/// agency's other spellings count too ("Associated Press" for "AP").
pub fn mentions(text: &str, a: &Analysis, source: &str) -> bool {
    let source = source.trim();
    if source.is_empty() {
        return false;
    }
    let own = spelling(source);
    let table = table();
    (0..a.tokens.len()).any(|i| {
        if a.tokens[i].flags & FURNITURE != 0 {
            return false;
        }
        // The longest agency name at this word decides: "اے پی پی" names APP, not AP. The
        // source's own spelling counts unless a longer name of another agency stands there.
        match spelling_at(text, a, i).map(|s| &table.spellings[s]) {
            Some((name, _)) if name.eq_ignore_ascii_case(source) => true,
            Some((_, sp)) if sp.words.len() > own.words.len() => false,
            _ => occurs_at(text, a, &own, i),
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::analyze;

    #[test]
    fn finds_dateline_and_phrase_credits() {
        let text = "MOSCOW, Jan 24 (Reuters) – The Kremlin said on Sunday it was ready to talk, Interfax news agency quoted Peskov as saying.";
        let a = analyze(text, Some("en"));
        assert_eq!(
            a.credits,
            vec!["Reuters".to_string(), "Interfax".to_string()]
        );
        let reuters = a
            .tokens
            .iter()
            .find(|t| &text[t.start as usize..t.end as usize] == "Reuters")
            .unwrap();
        assert!(reuters.flags & CREDIT != 0);
    }

    #[test]
    fn short_names_need_capitals() {
        let a = analyze("Download the app to read the news, she said.", Some("en"));
        assert!(a.credits.is_empty());
        let text = "The minister spoke on Friday. – AP";
        assert_eq!(analyze(text, Some("en")).credits, vec!["AP".to_string()]);
    }

    #[test]
    fn credits_in_other_scripts_and_the_longest_name() {
        // "(APP)" in Urdu: its first two words spell AP's name, the three APP's.
        let text = "اسلام آباد (اے پی پی) وزیراعظم نے کہا کہ معاہدہ جلد ہوگا۔";
        let a = analyze(text, Some("ur"));
        assert_eq!(a.credits, vec!["APP".to_string()]);
        assert_eq!(
            crate::text::words_flagged(text, &a, CREDIT),
            vec!["اے", "پی", "پی"]
        );
        assert!(mentions(text, &a, "APP"));
        assert!(!mentions(text, &a, "AP"), "APP's name is not AP's");
        // Russian, with a cue word before the name, and Arabic in a dateline.
        let ru = "Как сообщает ТАСС, переговоры продолжатся в понедельник.";
        assert_eq!(analyze(ru, Some("ru")).credits, vec!["TASS".to_string()]);
        let ar = "موسكو (رويترز) - قال الكرملين إنه مستعد للحوار.";
        assert_eq!(analyze(ar, Some("ar")).credits, vec!["Reuters".to_string()]);
    }

    #[test]
    fn mention_of_a_source() {
        let text = "Reuters reporters estimated the crowd at 40,000.";
        let a = analyze(text, Some("en"));
        assert!(mentions(text, &a, "Reuters"));
        assert!(!mentions(text, &a, "Al Jazeera"));
        assert!(!mentions(text, &a, ""));
    }
}
