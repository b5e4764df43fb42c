//! Per-word features, once a text is tokenized: which words are function words, each content
//! word's stem, each name's, number's, month's and weekday's anchor (a form that survives
//! translation), and the content words' inputs to the document SimHash.
//!
//! Stems and SimHash inputs are remembered per thread ([`WORD_CACHE`]), since news repeats its
//! vocabulary and stemming is the costliest step per word.

use std::cell::RefCell;
use std::ops::Range;
use std::sync::OnceLock;

use rust_stemmers::Stemmer;

use super::case::{
    capitals, is_acronym, settle_names_in_title_case, uncapitalise_lead_start,
    uncapitalise_sentences_in_capitals,
};
use super::content_simhash::PairedCounts;
use super::german_nouns;
use super::tokenize::RawTokens;
use super::{
    dates, lang, magnitudes, normalize, word_hashes, CAPITAL, CJK, FURNITURE, NUMBER, QUOTED, STOP,
};
use crate::hash::{bound_word_cache, fnv1a, HashMap64, HashSet64, WordSet};

/// Whether [`featurize`] counts a word with `flags` in the document SimHash: a content word
/// outside quotations and furniture. Credits are flagged only later, and [`super::analyze`] takes
/// the words counted so out again by the same test.
pub(super) fn counted_before_credits(flags: u8) -> bool {
    flags & (STOP | NUMBER | QUOTED | FURNITURE) == 0
}

/// The SimHash input of the content word keyed `key` in [`WORD_CACHE`] (its hash mixed with the
/// language's salt) and normalised as `norm`: the `simhash` crate's hash of the word, as
/// [`featurize`] remembered it (asked of the crate again if the cache was emptied since).
pub(super) fn simhash_input(key: u64, norm: &str) -> u64 {
    WORD_CACHE.with_borrow(|cache| match cache.get(&key) {
        Some(forms) => forms.simhash,
        None => simhash::simhash_stream(std::iter::once(norm)),
    })
}

/// German determiners: articles and their contractions with prepositions, possessives,
/// demonstratives, negation, quantifiers and the small numerals, in every case. A capitalised word
/// after one of them is a common noun (German capitalises every noun), not a name: "die
/// Regierung", "im Bundestag", "viele Menschen", "zwei Wochen", "seinem Trainer".
const GERMAN_DETERMINERS: &[&str] = &[
    "der", "die", "das", "den", "dem", "des", "ein", "eine", "einen", "einem", "einer", "eines",
    "im", "am", "zum", "zur", "vom", "beim", "ins", "ans", "aufs", "fürs", "ums", "kein", "keine",
    "keinen", "keinem", "keiner", "keines", "mein", "meine", "meinen", "meinem", "meiner",
    "meines", "dein", "deine", "deinen", "deinem", "deiner", "deines", "sein", "seine", "seinen",
    "seinem", "seiner", "seines", "ihr", "ihre", "ihren", "ihrem", "ihrer", "ihres", "unser",
    "unsere", "unseren", "unserem", "unserer", "unseres", "euer", "eure", "euren", "eurem",
    "eurer", "eures", "dieser", "diese", "diesen", "diesem", "dieses", "jener", "jene", "jenen",
    "jenem", "jenes", "jeder", "jede", "jeden", "jedem", "jedes", "welcher", "welche", "welchen",
    "welchem", "welches", "mancher", "manche", "manchen", "manchem", "manches", "solcher",
    "solche", "solchen", "solchem", "solches", "alle", "allen", "aller", "beide", "beiden",
    "beider", "viele", "vielen", "vieler", "wenige", "wenigen", "weniger", "einige", "einigen",
    "einiger", "mehrere", "mehreren", "mehrerer", "etliche", "etlichen", "zwei", "drei", "vier",
    "fünf", "sechs", "sieben", "acht", "neun", "zehn", "elf", "zwölf", "zwanzig", "dreißig",
    "hundert", "tausend",
];

/// The capitalised words a German text itself uses as common nouns (German capitalises every
/// noun, so capitals alone do not make names): those that are nouns by their form alone (a
/// common noun's ending, a common noun of news or a compound of one: [`german_nouns`]) and those
/// that follow an article or a contraction ("die Regierung",
/// "im Bundestag"), directly or after lower-case words (adjectives: "der neue Trainer"). Every
/// occurrence of such a word is then taken for a common noun, also where no article precedes it
/// ("Trainer Löw"). Names rarely take an article in German ("die Merkel" is colloquial), and a
/// name that does is merely not counted as one.
/// `capitalised`: how many of the tokens are capitalised, as many as the set may hold.
fn german_common_nouns(text: &str, raw: &RawTokens, capitalised: usize) -> HashSet64 {
    /// Lower-case words allowed between the article and the noun.
    const MAX_ADJECTIVES: usize = 2;
    // The determiners as the hashes of their words, which tokens hold: a word before a capital
    // is looked up by its hash (the set's bitmap answers most at once), not compared as a string
    // with each determiner.
    static DETERMINERS: OnceLock<WordSet> = OnceLock::new();
    let determiners = DETERMINERS.get_or_init(|| {
        GERMAN_DETERMINERS
            .iter()
            .flat_map(|d| word_hashes(d))
            .collect()
    });
    let mut nouns = HashSet64::with_capacity_and_hasher(capitalised, Default::default());
    for (i, t) in raw.tokens.iter().enumerate() {
        if t.flags & CAPITAL == 0 || t.flags & NUMBER != 0 {
            continue;
        }
        let norm = raw.norm_of(i);
        if nouns.contains(&t.word) {
            continue;
        }
        if german_nouns::is_common_noun(t.word, norm) {
            nouns.insert(t.word);
            continue;
        }
        let mut j = i;
        while j > 0 && i - j <= MAX_ADJECTIVES {
            j -= 1;
            let before = &raw.tokens[j];
            if before.sentence != raw.tokens[j + 1].sentence && raw.sentence_initial(j + 1) {
                break;
            }
            // A number right before it counts as a determiner too ("30 Minuten", "100
            // Menschen", "21-Jährige"), but not before an acronym ("12 SPD-Abgeordnete").
            let counted = j + 1 == i && before.flags & NUMBER != 0 && !is_acronym(text, t);
            if counted || determiners.contains(before.word) {
                nouns.insert(t.word);
                break;
            }
            if before.flags & (CAPITAL | NUMBER) != 0 {
                break;
            }
        }
    }
    nouns
}

/// What a word's hash is mixed with to key [`WORD_CACHE`]: stems depend on the language.
pub(super) fn lang_salt(lang: &str) -> u64 {
    fnv1a(lang.as_bytes())
}

/// What is computed once per content word and language, and remembered ([`WORD_CACHE`]).
#[derive(Debug, Clone, Copy)]
struct WordForms {
    /// [`super::Token::stem`].
    stem: u64,
    /// The `simhash` crate's 64-bit hash of the normalised word: its SimHash of that one word,
    /// the word's input to the document's SimHash ([`super::Analysis::simhash`]).
    simhash: u64,
}

thread_local! {
    /// The forms of the content words met so far on this thread, keyed by word hash mixed with
    /// the language: stemming and the crate's hash are the costliest steps per word, and news
    /// repeats its vocabulary. Both in one table, looked up once per word: the analysis takes the
    /// stem and counts the SimHash input from the same entry.
    static WORD_CACHE: RefCell<HashMap64<WordForms>> = RefCell::new(HashMap64::default());
    /// Anchor hashes of capitalised words computed so far on this thread (0: not a name).
    static SKELETON_CACHE: RefCell<HashMap64<u64>> = RefCell::new(HashMap64::default());
}

/// Fills in the tokens' stem and anchor hashes and flags function words. Returns the counts of
/// the SimHash inputs of the content words outside quotations and furniture (credits are not
/// flagged yet: see [`super::analyze`]). `furniture_lines`: the text's lines of furniture
/// (sorted byte ranges), which are no evidence of how the article writes a word.
pub(super) fn featurize(
    text: &str,
    raw: &mut RawTokens,
    lang: &'static str,
    furniture_lines: &[Range<usize>],
) -> PairedCounts {
    let stops = lang::stopwords(lang);
    let stemmer = lang::stemmer(lang).map(Stemmer::create);
    let lang_salt = lang_salt(lang);
    let german = lang == "de";
    let dates_need_capital = dates::needs_capital(lang);
    // Words capitalised somewhere other than at a sentence start are names, and so are their
    // sentence-initial occurrences; but not in a text whose case tells no names (`capitals`).
    // Otherwise every word of a story sent in capitals or in title case would be a name, and a
    // list would store none of its words as words (`fingerprint::vocabulary` leaves out the words
    // of names), so that a copy of it in ordinary case would find none. Acronyms ("NATO") in
    // ordinary text stay names.
    let (mut capitalised, case_tells_names) = capitals(&raw.tokens);
    if !case_tells_names {
        for t in &mut raw.tokens {
            t.flags &= !CAPITAL;
        }
        capitalised = 0;
    } else if capitalised > 0 {
        uncapitalise_lead_start(text, &mut raw.tokens, stops);
    }
    // Three capitalised words at least make a sentence in capitals or title case: a text in a
    // script without case (Urdu) has none to look for.
    let (in_capitals, in_title_case) = if case_tells_names && capitalised >= 3 {
        uncapitalise_sentences_in_capitals(text, &mut raw.tokens, !german)
    } else {
        (Vec::new(), Vec::new())
    };
    // Sized up front for every capitalised word: growing a set rehashes it every time.
    let mut names = HashSet64::with_capacity_and_hasher(capitalised, Default::default());
    // A word written capitalised inside a sentence of the article is a name; inside a line of
    // the page's furniture it tells nothing of the article ("3 thoughts on “Four injured after
    // crash …”", a blog's heading of comments, does not make the headline's "Four" a name). A
    // dateline's place is a name, and stays evidence: datelines carry the FURNITURE flag too, so
    // the lines themselves are asked, not the flag.
    // Most texts have no furniture to pass over, and ask no range.
    let mut furniture = furniture_lines.iter().peekable();
    names.extend(
        (0..raw.tokens.len())
            .filter(|&i| {
                let t = &raw.tokens[i];
                t.flags & CAPITAL != 0
                    && !raw.sentence_initial(i)
                    && (furniture_lines.is_empty()
                        || !super::in_ranges(&mut furniture, t.start as usize))
            })
            .map(|i| raw.tokens[i].word),
    );
    // A word of a sentence in capitals is a name where the rest of the text writes it as one,
    // and a month or weekday stays a date.
    for i in in_capitals {
        let i = i as usize;
        if names.contains(&raw.tokens[i].word) || dates::key(raw.norm_of(i), lang).is_some() {
            raw.tokens[i].flags |= CAPITAL;
        }
    }
    let common_nouns = if german {
        german_common_nouns(text, raw, capitalised)
    } else {
        HashSet64::default()
    };
    let mut narrative = PairedCounts::default();
    // The numbers, whose anchor a word of magnitude after them changes (below).
    let mut numbers: Vec<usize> = Vec::new();
    WORD_CACHE.with_borrow_mut(|cache| {
        SKELETON_CACHE.with_borrow_mut(|skeletons| {
            bound_word_cache(cache);
            bound_word_cache(skeletons);
            for i in 0..raw.tokens.len() {
                let norm = raw.norm_of(i);
                let t = raw.tokens[i];
                let word = t.word;
                let mut flags = t.flags;
                let is_stop = stops.is_some_and(|s| s.contains(word))
                    || (flags & (NUMBER | CJK) == 0
                        && norm.len() <= 4
                        && norm.chars().count() == 1);
                if is_stop {
                    flags |= STOP;
                }
                let stem = if flags & (STOP | NUMBER) == 0 {
                    let forms = cache.entry(word ^ lang_salt).or_insert_with(|| WordForms {
                        // A month or weekday's stem is its date key, the same in every
                        // language (`dates`), so that it can stand as its anchor.
                        stem: match (dates::key(norm, lang), &stemmer) {
                            (Some(date), _) => date,
                            (None, Some(st)) if flags & CJK == 0 => fnv1a(st.stem(norm).as_bytes()),
                            _ => word,
                        },
                        simhash: simhash::simhash_stream(std::iter::once(norm)),
                    });
                    if counted_before_credits(flags) {
                        narrative.add(forms.simhash);
                    }
                    forms.stem
                } else {
                    word
                };
                let anchor = if flags & NUMBER != 0 {
                    numbers.push(i);
                    if norm.len() >= 2 {
                        number_anchor(word)
                    } else {
                        0
                    }
                } else if dates::is_key(stem) && (flags & CAPITAL != 0 || !dates_need_capital) {
                    stem
                } else if flags & CAPITAL != 0
                    && flags & STOP == 0
                    && (!raw.sentence_initial(i) || names.contains(&word))
                    && !common_nouns.contains(&word)
                {
                    *skeletons.entry(word).or_insert_with(|| {
                        normalize::name_skeleton(norm).map_or(0, |s| fnv1a(s.as_bytes()))
                    })
                } else {
                    0
                };
                let out = &mut raw.tokens[i];
                (out.stem, out.anchor, out.flags) = (stem, anchor, flags);
            }
        })
    });
    if !in_title_case.is_empty() {
        settle_names_in_title_case(raw, &in_title_case);
    }
    for i in numbers {
        let value =
            magnitudes::value_anchor(text, &raw.tokens, i, |digits| number_anchor(fnv1a(digits)));
        if let Some(anchor) = value {
            raw.tokens[i].anchor = anchor;
        }
    }
    narrative
}

/// The anchor of a number whose digits (in ASCII) hash to `digits_hash`: salted, so that no word
/// hashing alike takes it.
fn number_anchor(digits_hash: u64) -> u64 {
    digits_hash ^ 0x6e75_6d62
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::{analyze, Analysis};

    #[test]
    fn every_listed_function_word_is_flagged() {
        for (code, words) in lang::STOPWORDS {
            let a = analyze(words, Some(code));
            for (i, t) in a.tokens.iter().enumerate() {
                assert!(t.flags & STOP != 0, "{code}: {}", a.norm_of(i));
            }
        }
    }

    #[test]
    fn stems_content_words_and_flags_stopwords() {
        let a = analyze(
            "The protesters were protesting against the arrests",
            Some("en"),
        );
        let protesters = &a.tokens[1];
        let protesting = &a.tokens[3];
        assert_eq!(protesters.stem, protesting.stem);
        assert!(a.tokens[0].flags & STOP != 0);
        assert!(a.tokens[1].is_content());
    }

    #[test]
    fn anchors_are_names_and_numbers_across_scripts() {
        let en = analyze(
            "On Sunday the spokesman of Putin said 3,500 people were held.",
            Some("en"),
        );
        let ru = analyze(
            "В воскресенье представитель Путина сказал, что задержаны 3500 человек.",
            Some("ru"),
        );
        let anchors = |a: &Analysis| {
            a.tokens
                .iter()
                .map(|t| t.anchor)
                .filter(|&x| x != 0)
                .collect::<std::collections::HashSet<_>>()
        };
        let shared = anchors(&en).intersection(&anchors(&ru)).count();
        assert!(shared >= 1, "numbers carry across languages");
        // Sentence-initial capitals are not names unless capitalised elsewhere too.
        assert_eq!(en.tokens[0].anchor, 0);
    }

    #[test]
    fn furniture_is_no_evidence_of_names() {
        let article = "Crash closes the ring road\nTwo cars collided at the junction of the ring \
                       road on Sunday morning, the police said in a statement issued on Monday, \
                       and the road stayed closed for hours while the wrecks were cleared away.\n\n";
        // The headline's first word, capitalised inside a line of furniture only (a blog's
        // heading of comments), stays a word; written so inside the article, it is a name.
        let a = analyze(
            &format!("{article}3 thoughts on “Crash closes the ring road”\n"),
            Some("en"),
        );
        assert_eq!(a.tokens[0].anchor, 0);
        let a = analyze(
            &format!("{article}The driver said that Crash was his nickname.\n"),
            Some("en"),
        );
        assert_ne!(a.tokens[0].anchor, 0);
    }

    #[test]
    fn german_determiners_are_one_word_each() {
        for d in GERMAN_DETERMINERS {
            assert_eq!(word_hashes(d), vec![fnv1a(d.as_bytes())], "{d}");
        }
    }

    /// A closure telling whether `word` (its first occurrence in the German `text`) is a name.
    fn names_in(text: &str) -> impl Fn(&str) -> bool + '_ {
        let a = analyze(text, Some("de"));
        move |word| {
            a.tokens
                .iter()
                .find(|t| &text[t.start as usize..t.end as usize] == word)
                .unwrap_or_else(|| panic!("{word} not found"))
                .anchor
                != 0
        }
    }

    #[test]
    fn german_common_nouns_are_not_names() {
        let name = names_in(
            "Die Regierung in Berlin hat am Montag mit dem neuen Trainer gesprochen. Trainer Löw \
             sagte, die Mannschaft werde Kanzlerin Merkel in Hamburg treffen. Verhandlungen mit \
             Jung gehen weiter.",
        );
        // After an article, after an article and an adjective, wherever the text also uses the
        // word after an article, and by a common noun's ending.
        for noun in [
            "Regierung",
            "Trainer",
            "Mannschaft",
            "Kanzlerin",
            "Verhandlungen",
        ] {
            assert!(!name(noun), "{noun} taken for a name");
        }
        for person_or_place in ["Berlin", "Löw", "Merkel", "Hamburg", "Jung"] {
            assert!(
                name(person_or_place),
                "{person_or_place} not taken for a name"
            );
        }
        // Nouns no article marks, common ones and compounds of them, are nouns too; names ending
        // in a word that also ends place names are not.
        let name = names_in(
            "Radfahrer und Anwohner ärgern sich, sagte Bundestrainer Löw in Schwalmstadt über \
             Nationalspielers Müll.",
        );
        for noun in [
            "Radfahrer",
            "Anwohner",
            "Bundestrainer",
            "Nationalspielers",
            "Müll",
        ] {
            assert!(!name(noun), "{noun} taken for a name");
        }
        for n in ["Löw", "Schwalmstadt"] {
            assert!(name(n), "{n} not taken for a name");
        }
        // English capitals are read as before: no article makes a common noun of them.
        let en = analyze("The Government met the Trainer of the team.", Some("en"));
        assert!(en.tokens.iter().filter(|t| t.anchor != 0).count() == 2);
    }

    #[test]
    fn german_nouns_after_quantifiers_numerals_and_numbers_are_not_names() {
        let name = names_in(
            "Seit Jahren kommen viele Menschen, vor 30 Minuten zwei Frauen und seinem Kollegen. \
             Der 21-Jährige spielt in Köln, wo 12 SPD-Abgeordnete Müller wählten.",
        );
        for noun in ["Menschen", "Minuten", "Frauen", "Kollegen", "Jährige"] {
            assert!(!name(noun), "{noun} taken for a name");
        }
        // An acronym after a number stays a name, and so do the names.
        for n in ["SPD", "Köln", "Müller"] {
            assert!(name(n), "{n} not taken for a name");
        }
    }

    #[test]
    fn months_and_weekdays_are_one_anchor_in_every_language() {
        let date_anchors = |text: &str, lang: &str| -> Vec<u64> {
            let a = analyze(text, Some(lang));
            a.tokens
                .iter()
                .filter(|t| dates::is_key(t.anchor))
                .map(|t| t.anchor)
                .collect()
        };
        let en = date_anchors(
            "Police said on Sunday that the bridge opens in October.",
            "en",
        );
        assert_eq!(en.len(), 2);
        // German weekdays follow "am", which made them common nouns; Russian writes both in
        // lower case, the month in the genitive or prepositional case.
        for (text, lang) in [
            (
                "Die Polizei sagte am Sonntag, die Brücke öffne im Oktober.",
                "de",
            ),
            (
                "Полиция сообщила в воскресенье, что мост откроют в октябре.",
                "ru",
            ),
            (
                "La police a dit dimanche que le pont ouvrira en octobre.",
                "fr",
            ),
        ] {
            assert_eq!(date_anchors(text, lang), en, "{lang}");
        }
        // An English month in lower case is another word ("to march"); in a language that writes
        // months in lower case, a capitalised one at a sentence's start still counts.
        assert!(date_anchors("They will march to the bridge.", "en").is_empty());
        assert_eq!(date_anchors("Октябрь был холодным.", "ru").len(), 1);
    }
}
