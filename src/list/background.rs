//! Document frequencies borrowed from another list, for lists too small to have their own.
//!
//! idf tells an original's characteristic words from its topic's only among other originals. A
//! list of one original, as [`crate::compare`] builds to weigh a page against one text, has none:
//! every word is as rare as every other, its ten stored terms are simply its most frequent words,
//! and any report on the same topic shares them. (Compared that way, 15.8 % of clough-stevenson's
//! honest answers were called copies, against 2.6 % in a check of its list.)
//!
//! A [`Background`] counts, for the words of an original, how many originals of a larger list in
//! the same language hold them. Every original of a list stores its whole vocabulary (a ribbon
//! filter, plus its index entries), so the count is exact but for the filters' false positives,
//! one word in 64 of those an original does not hold, which are subtracted as expected. (Two
//! smaller gaps remain: a vocabulary leaves out the words that are names wherever its original
//! has them, and a key looked up in the index, stored truncated, may meet another key's entry.)
//! Added to a small list's own counts ([`super::ListBuilder::with_background`]), they give its
//! originals' words the idf they would have in the larger list, which is what the score model was
//! fitted on.

use crate::hash::HashMap32;

use super::{ribbon, List};

/// How many originals of a background list, in one language, hold each of some words.
#[derive(Debug, Clone, Default)]
pub struct Background {
    /// The language (an index into [`crate::text::lang::CODES`]) the counts are of.
    lang: u8,
    /// The background's originals in that language that were counted.
    originals: u32,
    /// Estimated document frequency of each counted key (absent: none, or not counted).
    df: HashMap32<u32>,
}

impl Background {
    /// Counts which originals of `list` in language `lang` hold each of `keys` (term and anchor
    /// keys, as [`crate::fingerprint::Feature::key`]), leaving out the originals for which
    /// `skip(record)` holds (a caller leaves out the original it compares with, if the list has
    /// it too). An empty background if `list` has no original in `lang`.
    pub fn count(
        list: &List,
        lang: u8,
        keys: &[u32],
        skip: impl Fn(&super::Record) -> bool,
    ) -> Background {
        let counted: Vec<usize> = (0..list.len())
            .filter(|&i| list.record(i).lang == lang && !skip(list.record(i)))
            .collect();
        if counted.is_empty() {
            return Background::default();
        }
        // The originals whose index entries hold each word: their filters leave it out.
        let indexed: Vec<Vec<u32>> = keys
            .iter()
            .map(|&k| list.lookup(k).map(|p| p.original).collect())
            .collect();
        // Per word: originals holding it in their index entries, filters asked, filters holding it.
        let mut held = vec![0usize; keys.len()];
        let mut asked = vec![0usize; keys.len()];
        let mut in_filters = vec![0usize; keys.len()];
        for &o in &counted {
            let (filter, tau) = (list.vocabulary(o), list.record(o).vocab_tau);
            for (j, &key) in keys.iter().enumerate() {
                if indexed[j].contains(&(o as u32)) {
                    held[j] += 1;
                } else if key <= tau {
                    asked[j] += 1;
                    in_filters[j] += usize::from(filter.contains(key));
                }
            }
        }
        // A filter holds a word it was not given with probability 2^-R: of `asked` filters,
        // `found = true + (asked - true) / 64` in expectation.
        let chance = 1.0 / f64::from(1u32 << ribbon::R);
        let mut df: HashMap32<u32> = HashMap32::default();
        for (j, &key) in keys.iter().enumerate() {
            let (found, asked) = (in_filters[j] as f64, asked[j] as f64);
            let true_found = ((found - asked * chance) / (1.0 - chance)).max(0.0);
            let total = held[j] + true_found.round() as usize;
            if total > 0 {
                df.insert(key, total as u32);
            }
        }
        Background {
            lang,
            originals: counted.len() as u32,
            df,
        }
    }

    /// The language the counts are of.
    pub fn lang(&self) -> u8 {
        self.lang
    }

    /// How many originals were counted: what idf's `n` grows by in that language.
    pub fn originals(&self) -> u32 {
        self.originals
    }

    /// How many of the counted originals hold `key` (0 if it was not counted).
    pub fn df(&self, key: u32) -> u32 {
        self.df.get(&key).copied().unwrap_or(0)
    }

    /// What this background adds to the count of originals in language `lang`.
    pub(crate) fn originals_in(&self, lang: u8) -> u32 {
        if lang == self.lang {
            self.originals
        } else {
            0
        }
    }

    /// What this background adds to the document frequency of `key` for an original in `lang`.
    pub(crate) fn df_in(&self, lang: u8, key: u32) -> u32 {
        if lang == self.lang {
            self.df(key)
        } else {
            0
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::fingerprint::{DocFeatures, SketchSize};
    use crate::list::build::build;
    use crate::list::OriginalDoc;
    use crate::text::{analyze, lang};

    /// The term key of a single English word, as an original's features hold it.
    fn term_key(word: &str) -> u32 {
        let f = DocFeatures::new(&analyze(&format!("{word}."), Some("en")));
        assert_eq!(f.terms.len(), 1, "{word}");
        f.terms[0].key
    }

    /// Forty short English originals: every one has "harbour", the even ones "ferry", only the
    /// first "lighthouse", and each [`OWN_WORDS`] words of its own ([`own_word`]).
    fn forty() -> List {
        originals(40)
    }

    /// Word `j` of original `i`'s own words: letters that spell `i` and `j` in base 26.
    fn own_word(i: usize, j: usize) -> String {
        let letter = |d: usize| char::from(b'a' + (d % 26) as u8);
        format!(
            "quill{}{}{}{}",
            letter(j),
            letter(i / 676),
            letter(i / 26),
            letter(i)
        )
    }

    /// `n` originals as [`forty`] describes them. Their own words make their filters differ, as
    /// real originals' do: a filter leaves out the words of its original's index entries (its
    /// ten most characteristic), and two filters of the same words match the same words by chance.
    fn originals(n: usize) -> List {
        let docs = (0..n).map(|i| {
            let own: Vec<String> = (0..OWN_WORDS).map(|j| own_word(i, j)).collect();
            let ferry = if i % 2 == 0 { "ferry" } else { "tram" };
            let extra = if i == 0 { "lighthouse" } else { "bench" };
            OriginalDoc {
                id: format!("o{i}"),
                lang: Some("en".into()),
                text: format!(
                    "The harbour council met about the {ferry} timetable. Residents asked about \
                     the {extra} near the harbour wall. They named {}.",
                    own.join(", ")
                ),
                ..Default::default()
            }
        });
        build(docs, SketchSize::LIST).unwrap()
    }

    /// Words of each original's own.
    const OWN_WORDS: usize = 24;

    #[test]
    fn counts_the_originals_that_hold_each_word_in_index_or_vocabulary() {
        let list = forty();
        let quill = own_word(2, 0);
        let words = ["harbour", "ferry", quill.as_str(), "lighthouse", "volcano"];
        let keys: Vec<u32> = words.iter().map(|w| term_key(w)).collect();
        let en = lang::code_index("en");
        let b = Background::count(&list, en, &keys, |_| false);
        assert_eq!(b.originals(), 40);
        // Each count is exact but for the filters' chance matches, corrected as expected: within
        // one original of the truth.
        for (word, truth) in words.iter().zip([40, 20, 1, 1, 0]) {
            let got = b.df(term_key(word));
            assert!(got.abs_diff(truth) <= 1, "{word}: {got} for {truth}");
        }
        // The counts apply to originals of the background's language only.
        assert_eq!(b.df_in(en, keys[0]), b.df(keys[0]));
        assert_eq!(b.df_in(lang::code_index("de"), keys[0]), 0);
        assert_eq!(b.originals_in(lang::code_index("de")), 0);
    }

    #[test]
    fn leaves_out_the_originals_it_is_told_to_and_other_languages() {
        let list = forty();
        let keys = [term_key("harbour")];
        let en = lang::code_index("en");
        let first = *list.record(0);
        let b = Background::count(&list, en, &keys, |r| *r == first);
        assert_eq!(b.originals(), 39);
        assert!(b.df(keys[0]).abs_diff(39) <= 1);
        let none = Background::count(&list, lang::code_index("ur"), &keys, |_| false);
        assert_eq!((none.originals(), none.df(keys[0])), (0, 0));
    }

    #[test]
    fn the_filters_chance_matches_are_taken_out() {
        // Of 640 filters, about ten hold any word they were not given: the counts of 50 words
        // that no original has must come out near 0, not near 10.
        let list = originals(640);
        let keys: Vec<u32> = (0..50).map(|i| term_key(&format!("absent{i}"))).collect();
        let b = Background::count(&list, lang::code_index("en"), &keys, |_| false);
        let mean = keys.iter().map(|&k| f64::from(b.df(k))).sum::<f64>() / keys.len() as f64;
        assert!(mean < 3.0, "{mean}");
    }
}
