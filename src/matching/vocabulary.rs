//! What an original's stored vocabulary says about a page: the share of the page's wording found
//! in it, the names and numbers both hold, and the page's sentences found in it whole.
//!
//! A list keeps every content word and anchor of an original (in its index entries or in its
//! vocabulary filter, [`crate::list::ribbon`]), so these shares count every word of the page
//! rather than a sample: what separates reworded copies from independent reports of one event.

use super::{Hit, Page};
use crate::fingerprint::{Feature, Kind};
use crate::list::List;
use crate::text::UNSURE_NAME;

/// What the original's stored vocabulary says about the page, counted over the stretch of the
/// page the original can account for.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub(super) struct VocabularyShares {
    /// Share of the page's distinct content words, names left out, found in the original.
    pub(super) words: f64,
    /// How many of them were looked up: the count `words` is a share of.
    pub(super) words_looked_up: usize,
    /// Share of the original's evidence words that the page holds in sentences found whole.
    pub(super) sentences: f64,
    /// Whether any page sentence could be tested whole (see [`WholeSentences::tested`]).
    pub(super) sentences_tested: bool,
    /// How unlikely the sentences found whole are by chance, in bits
    /// ([`WholeSentences::surprise`]).
    pub(super) surprise: f64,
    /// Share of the page's evidence words in tested sentences that are in sentences found whole.
    pub(super) page_sentences: f64,
    /// Share of those words in sentences not found whole but half of whose content words were.
    pub(super) page_reworded: f64,
    /// Share of the page's distinct anchors found among the original's, shrunk by n / (n + 2)
    /// for n anchors on the page (one shared name is no evidence).
    pub(super) page_anchors: f64,
    /// Share of the original's anchors found in the page, shrunk the same way (an original with
    /// two numbers is not matched by a page that has them too).
    pub(super) original_anchors: f64,
}

/// Looks the page's content words and anchors up in the original's stored vocabulary.
///
/// Words: names are left out because independent reports of one event share them as much as
/// copies do (they count as anchors instead): without them, the share measures shared wording.
/// (The original's vocabulary does not hold the words that are names wherever it has them
/// either: [`crate::fingerprint::vocabulary`].)
/// Measured on the public sets, this raised the lowest share of a copy over the highest share of
/// an independent report on seed-story from 1.4 to 1.6 times; on the other sets the share's AUC
/// alone moved by at most 0.002.
///
/// Anchors, both ways: across languages, names, numbers and dates are all that carries over, and a
/// translation carries nearly all of them both ways, while a report of the same event in another
/// language shares the main names and few of the rest. Measured against the original's whole set
/// of anchors rather than the few in the index, this is what tells the two apart.
///
/// Lists often hold only an original's first paragraphs, and a page often runs longer than its
/// original: the page's words beyond what the original covers say nothing about copying. So when
/// the original is clearly shorter than the page, only page words between the first and the last
/// shared feature count, the stretch widened to at
/// least one and a half times the original's length (a page reworded from an original is about as
/// long as it). Independent reports share features all over the page, so for them nothing changes.
pub(super) fn vocabulary_shares(
    list: &List,
    page: &Page<'_>,
    original: usize,
    hits: &[Hit],
) -> VocabularyShares {
    let rec = list.record(original);
    let vocab = OriginalWords::new(list, original, hits);
    if rec.vocab_words == 0 && vocab.indexed.is_empty() {
        return VocabularyShares::default();
    }
    // Only an original clearly shorter than the page (the first paragraphs of a story, as lists
    // built from feeds hold) needs its stretch found; otherwise the whole page counts.
    let (lo, hi) = if clearly_shorter(rec.words, page) {
        stretch(page, rec.words, hits.iter().map(|h| h.page_pos))
    } else {
        (0, u32::MAX)
    };
    // How many of `features` were looked up (those the stored vocabulary would hold, inside the
    // stretch) and how many were found.
    let look_up = |features: &mut dyn Iterator<Item = &Feature>| {
        features
            .take_while(|f| f.key <= rec.vocab_tau)
            .filter(|f| f.pos >= lo && f.pos <= hi)
            .fold((0usize, 0usize), |(seen, found), f| {
                (seen + 1, found + usize::from(vocab.contains(f.key)))
            })
    };
    // The page's token a feature stands at: whether it is a name, and whether an unsure one.
    let token_is = |t: &Feature, test: fn(&crate::text::Token) -> bool| {
        page.analysis.tokens.get(t.pos as usize).is_some_and(test)
    };
    let is_name = |t: &&Feature| token_is(t, |x| x.anchor != 0);
    let (seen, found) = look_up(&mut page.features.terms.iter().filter(|t| !is_name(t)));
    // A name only a headline in title case writes so may be a common word: it counts where the
    // original has it, and is not looked up otherwise.
    let is_unsure = |t: &&Feature| token_is(t, |x| x.flags & UNSURE_NAME != 0);
    let (anchors_seen, anchors_found) = look_up(
        &mut page
            .features
            .anchors
            .iter()
            .filter(|t| !is_unsure(t) || vocab.contains(t.key)),
    );
    // A page cannot hold more of the original's names and numbers than the original has: any
    // beyond are the filter's chance matches (or index entries of other keys that share this
    // one's stored bits), which for an original with one anchor or none would read as a
    // translation carrying all of them.
    let anchors_found = anchors_found.min(usize::from(rec.vocab_anchors));
    let share = |part: usize, whole: usize| {
        if whole == 0 {
            0.0
        } else {
            (part as f64 / whole as f64).min(1.0)
        }
    };
    let found_whole = sentences_found_whole(page, &vocab, rec.vocab_tau);
    VocabularyShares {
        words: share(found, seen),
        words_looked_up: seen,
        sentences: share(found_whole.words, rec.words as usize),
        sentences_tested: found_whole.tested > 0,
        surprise: found_whole.surprise(),
        page_sentences: share(found_whole.words, found_whole.tested_words),
        page_reworded: share(found_whole.reworded_words, found_whole.tested_words),
        page_anchors: share(anchors_found, anchors_seen + 2),
        original_anchors: share(anchors_found, usize::from(rec.vocab_anchors) + 2),
    }
}

/// The words stored of one original, as a page's check sees them: its vocabulary's filter, and
/// the page's words found among the original's index entries, which the filter leaves out (list
/// format 6: the index holds them already, and found there they are found exactly).
pub(super) struct OriginalWords<'a> {
    filter: crate::list::ribbon::Filter<'a>,
    /// Keys of the page's terms and anchors found in the original's index entries, sorted.
    indexed: Vec<u32>,
}

impl<'a> OriginalWords<'a> {
    /// The stored words of `original`, given the page's `hits` in it.
    pub(super) fn new(list: &'a List, original: usize, hits: &[Hit]) -> OriginalWords<'a> {
        let mut indexed: Vec<u32> = hits
            .iter()
            .filter(|h| h.kind != Kind::Shingle && h.original as usize == original)
            .map(|h| h.key)
            .collect();
        indexed.sort_unstable();
        OriginalWords {
            filter: list.vocabulary(original),
            indexed,
        }
    }

    /// Whether the original has the content word or anchor `key` (a filter answers yes wrongly
    /// for 1 key in 64).
    fn contains(&self, key: u32) -> bool {
        self.indexed.binary_search(&key).is_ok() || self.filter.contains(key)
    }
}

/// For each of the page's sentences, how many of its names, numbers and dates (outside
/// quotations and site furniture) were looked up in the original's vocabulary, and how many were
/// found: across languages, all a sentence and its translation share. A name only a headline in
/// title case writes so (`UNSURE_NAME`) counts where the original has it, as in
/// [`vocabulary_shares`].
pub(super) fn anchors_by_sentence(
    page: &Page<'_>,
    vocab: &OriginalWords<'_>,
    tau: u32,
) -> Vec<(u32, u32)> {
    let mut out = vec![(0u32, 0u32); page.analysis.sentences as usize];
    for t in &page.analysis.tokens {
        if t.anchor == 0 || !t.is_evidence() {
            continue;
        }
        let k = Kind::Anchor.key_of(t.anchor);
        if k > tau {
            continue;
        }
        let found = vocab.contains(k);
        if t.flags & UNSURE_NAME != 0 && !found {
            continue;
        }
        if let Some(e) = out.get_mut(t.sentence as usize) {
            e.0 += 1;
            e.1 += u32::from(found);
        }
    }
    out
}

/// Fewest content words a page sentence must have looked up in an original's vocabulary to count
/// as found whole.
pub const WHOLE_SENTENCE_WORDS: usize = 6;

/// Which of the page's sentences are found whole in an original's vocabulary, and how many
/// evidence words they hold: sentences with at least [`WHOLE_SENTENCE_WORDS`] content words (names
/// left out, as in the vocabulary share) that the vocabulary would hold, every one of them found.
///
/// The index keeps ten sampled phrases of an original, so a page that copies a few of its
/// paragraphs into another story often hits none of them; its vocabulary, stored whole, still
/// holds every word of every copied sentence. Independent reports of one event share the topic's
/// words but rarely every content word of a sentence: on the public sets, a page reproduces a
/// tenth or more of an original in such sentences in 4 of 8,434 same-language pairs where it does
/// not derive from it (three are COUNTER "non-derived" pages holding sentences of their source),
/// and in 77 of the 275 where it does (a spun or heavily rewritten page keeps no sentence whole).
///
/// A sentence the page gives twice (a headline above the article and again as its first line,
/// as extracted pages often have) counts once: counted twice, four of counter-public's partial
/// copies given their headline twice crossed the threshold on it.
pub(super) fn sentences_found_whole(
    page: &Page<'_>,
    vocab: &OriginalWords<'_>,
    tau: u32,
) -> WholeSentences {
    let mut found_whole = WholeSentences {
        whole: vec![false; page.analysis.sentences as usize],
        looked_up: vec![(0, 0); page.analysis.sentences as usize],
        words: 0,
        tested: 0,
        tested_words: 0,
        reworded_words: 0,
        whole_content: 0,
        other_seen: 0,
        other_found: 0,
    };
    // The word sequences of the sentences found whole so far (a page has few).
    let mut counted: Vec<u64> = Vec::new();
    let (mut sentence, mut words, mut seen, mut found, mut sequence) = (0u32, 0, 0, 0, 0u64);
    let mut close = |sentence: u32, words: usize, seen: usize, found: usize, sequence: u64| {
        if let Some(l) = found_whole.looked_up.get_mut(sentence as usize) {
            *l = (seen as u32, found as u32);
        }
        if seen < WHOLE_SENTENCE_WORDS || found < seen {
            found_whole.other_seen += seen;
            found_whole.other_found += found;
        }
        if seen < WHOLE_SENTENCE_WORDS {
            return;
        }
        found_whole.tested += 1;
        if found < seen {
            found_whole.tested_words += words;
            if found * 2 >= seen {
                found_whole.reworded_words += words;
            }
            return;
        }
        if let Some(w) = found_whole.whole.get_mut(sentence as usize) {
            *w = true;
        }
        if !counted.contains(&sequence) {
            counted.push(sequence);
            found_whole.whole_content += seen;
            found_whole.words += words;
            found_whole.tested_words += words;
        }
    };
    for t in &page.analysis.tokens {
        if t.sentence != sentence {
            close(sentence, words, seen, found, sequence);
            (sentence, words, seen, found, sequence) = (t.sentence, 0, 0, 0, 0);
        }
        if !t.is_evidence() {
            continue;
        }
        words += 1;
        sequence = crate::hash::mix(sequence ^ t.stem);
        if t.is_content() && t.anchor == 0 && t.flags & crate::text::CJK == 0 {
            let k = Kind::Term.key_of(t.stem);
            if k <= tau {
                seen += 1;
                found += usize::from(vocab.contains(k));
            }
        }
    }
    close(sentence, words, seen, found, sequence);
    found_whole
}

/// The page's sentences tested against an original's vocabulary ([`sentences_found_whole`]).
pub(super) struct WholeSentences {
    /// Per page sentence, whether it was found whole.
    pub(super) whole: Vec<bool>,
    /// Per page sentence, how many of its content words were looked up and how many of those
    /// were found, however few: what a report's passages weigh a sentence by where it is too short
    /// to be tested whole, or not found so (`matching::passages`).
    pub(super) looked_up: Vec<(u32, u32)>,
    /// Evidence words in the sentences found whole.
    words: usize,
    /// Sentences with enough content words looked up to be tested at all: none on a page in a
    /// script written without spaces, whose words the test does not look up.
    tested: usize,
    /// Evidence words in the sentences tested, a sentence found whole twice counted once.
    tested_words: usize,
    /// Evidence words in the sentences tested and not found whole, but half of whose content words
    /// were found.
    reworded_words: usize,
    /// Content words looked up in the sentences found whole (each distinct sentence once).
    whole_content: usize,
    /// Content words looked up in the page's other sentences (not found whole, or too short to
    /// be tested).
    other_seen: usize,
    /// How many of those were found in the original.
    other_found: usize,
}

impl WholeSentences {
    /// How unlikely the sentences found whole are by chance, in bits ([`Features::surprise`]).
    ///
    /// The chance that a content word of the page is found in the original when the page does
    /// not copy it is read off the page's other sentences: `p = (found + 1) / (seen + 2)` of
    /// their content words (an honest report of the same event finds many, a story on something
    /// else few). A sentence of `n` content words all found then has the chance `p^n`, so the
    /// sentences found whole are worth `-log2 p` bits a content word, less `log2` of the
    /// sentences tested, any of which might have been found whole by chance. Words of one
    /// sentence are not independent draws (a sentence on the original's subject uses its
    /// words), so the bits overstate how unlikely chance is; the score's term
    /// ([`crate::score::surprise_term`]) counts them only from [`crate::score::SURPRISE_FROM`].
    ///
    /// [`Features::surprise`]: crate::score::Features::surprise
    pub(super) fn surprise(&self) -> f64 {
        if self.whole_content == 0 {
            return 0.0;
        }
        // In `f32`, whose logarithm the engine has already (the wasm build carries no other).
        let log2 = |x: f32| x.ln() / std::f32::consts::LN_2;
        let p = (self.other_found as f32 + 1.0) / (self.other_seen as f32 + 2.0);
        let bits = self.whole_content as f32 * -log2(p) - log2(self.tested.max(1) as f32);
        f64::from(bits.max(0.0))
    }
}

/// Whether an original of `original_words` evidence words is clearly shorter than the page, so
/// that it can account for only a stretch of it ([`stretch`]).
pub(super) fn clearly_shorter(original_words: u32, page: &Page<'_>) -> bool {
    f64::from(original_words) < 0.6 * f64::from(page.features.words)
}

/// The token range of the page an original of `original_words` evidence words can account for,
/// given the token `positions` its shared features were found at: from the first to the last,
/// widened to one and a half times the original's length, first towards the page's start (the
/// usual place of a copied lead), then towards its end.
///
/// The page's length is counted in the words of its article ([`Page::article`]): its
/// quotations count, as they did when the widening was measured (counted in evidence words
/// alone, the stretch held more of a reworded page's own words, and the machine-translated seed
/// fell below the derived threshold), but its furniture does not. Counted in tokens, a byline
/// or a caption added under a headline took the place of the article's words in the stretch and
/// moved which were counted (counter-0021, an honest report: its vocabulary share 0.32 → 0.37,
/// its score over the threshold).
pub(super) fn stretch(
    page: &Page<'_>,
    original_words: u32,
    positions: impl Iterator<Item = u32> + Clone,
) -> (u32, u32) {
    let article = &page.article;
    let Some(last) = article.len().checked_sub(1) else {
        return (0, u32::MAX);
    };
    // The rank among the article's words of the first at or after token `pos`.
    let rank = |pos: u32| article.partition_point(|&p| p < pos).min(last);
    let mut lo = positions.clone().min().map_or(0, rank);
    let mut hi = positions.max().map_or(last, rank);
    let want = original_words as usize * 3 / 2;
    if hi - lo < want {
        let missing = want - (hi - lo);
        let back = missing.min(lo);
        lo -= back;
        hi = (hi + (missing - back)).min(last);
    }
    (article[lo], article[hi])
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::matching::tests::{harbour_list, HARBOUR, HOST_WITH_HARBOUR};
    use crate::matching::{gather, Page};

    /// `text` as an English page, and its features found in `list`.
    fn english_page<'t>(list: &List, text: &'t str) -> (Page<'t>, Vec<Hit>) {
        let page = Page::new(text, Some("en"));
        let hits = gather(list, &page);
        (page, hits)
    }

    #[test]
    fn whole_sentences_are_as_surprising_as_their_words_are_rare_elsewhere_on_the_page() {
        let counts = |whole_content, other_seen, other_found, tested| WholeSentences {
            whole: Vec::new(),
            looked_up: Vec::new(),
            words: 0,
            tested,
            tested_words: 0,
            reworded_words: 0,
            whole_content,
            other_seen,
            other_found,
        };
        // Twelve content words in sentences found whole, on a page whose other words are found
        // one time in eight: 3 bits each, less 2 for the four sentences tested.
        assert!((counts(12, 62, 7, 4).surprise() - 34.0).abs() < 1e-4);
        // The same sentences on a page whose other words are found half the time.
        assert!((counts(12, 62, 31, 4).surprise() - 10.0).abs() < 1e-4);
        // No sentence found whole, or one short sentence among very many tested: nothing.
        assert_eq!(counts(0, 62, 7, 4).surprise(), 0.0);
        assert_eq!(counts(6, 0, 0, 1024).surprise(), 0.0);
    }

    #[test]
    fn indexed_words_are_found_in_the_index_not_the_filter() {
        let list = harbour_list();
        let (page, hits) = english_page(&list, HARBOUR);
        let words = OriginalWords::new(&list, 0, &hits);
        // The original's terms and anchors in its index entries are found there...
        assert!(words.indexed.len() >= 10, "{:?}", words.indexed);
        // ...and its filter was built without them: it holds them only by chance (1 in 64).
        let in_filter = words
            .indexed
            .iter()
            .filter(|&&k| words.filter.contains(k))
            .count();
        assert!(in_filter <= 2, "{in_filter} of {}", words.indexed.len());
        assert!(usize::from(list.record(0).vocab_words) + words.indexed.len() >= 30);
        // Together they hold every word of the original: a verbatim copy finds them all.
        let shares = vocabulary_shares(&list, &page, 0, &hits);
        assert_eq!(shares.words, 1.0);
        assert!(shares.page_anchors > 0.8, "{shares:?}");
    }

    #[test]
    fn an_original_without_names_or_numbers_shares_none_with_a_page() {
        use crate::fingerprint::SketchSize;
        use crate::list::{prepare_salted, ListBuilder, OriginalDoc};
        let original = OriginalDoc {
            id: "rain".into(),
            lang: Some("en".into()),
            text: "the river rose after days of rain, and the fields along its banks were under \
                   water by the evening; farmers moved their animals to higher ground."
                .into(),
            ..Default::default()
        };
        // A page of eighty numbers: each a 1-in-64 chance match of the filter, so some salt's
        // filter holds a few of them.
        let numbers: Vec<String> = (0..80).map(|i| (1000 + 37 * i).to_string()).collect();
        let text = format!("Figures: {}.", numbers.join(", "));
        let page = Page::new(&text, Some("en"));
        for salt in 0..8 {
            let mut b = ListBuilder::new(SketchSize::LIST);
            b.push(prepare_salted(original.clone(), SketchSize::LIST, salt))
                .unwrap();
            let list = b.finish();
            assert_eq!(list.record(0).vocab_anchors, 0);
            let hits = gather(&list, &page);
            let shares = vocabulary_shares(&list, &page, 0, &hits);
            assert_eq!(
                (shares.page_anchors, shares.original_anchors),
                (0.0, 0.0),
                "salt {salt}"
            );
        }
    }

    #[test]
    fn furniture_takes_no_place_in_the_stretch_counted() {
        // The host page runs over twice the original's length, so only the stretch around its
        // copied sentences counts; lines of furniture before them move no word in or out of it.
        let list = harbour_list();
        let shares = |text: &str| {
            let (page, hits) = english_page(&list, text);
            vocabulary_shares(&list, &page, 0, &hits)
        };
        let host = format!(
            "{HOST_WITH_HARBOUR}\nThe season closes in May with an open-air performance on the \
             old fish market, weather permitting, and a festival of chamber music follows in June \
             in the churches of the three neighbouring villages, where local choirs will join the \
             musicians for the final evening."
        );
        let bare = shares(&host);
        let chrome = "Image caption\nThe orchestra's conductor at the harbour's concert hall on \
                      Friday evening\n1.2k Shares  Facebook  Twitter  WhatsApp  Email\n";
        let copied = host.find("Director").expect("the copied paragraph");
        let (before, after) = host.split_at(copied);
        assert_eq!(shares(&format!("{before}{chrome}{after}")), bare);
        assert!(bare.words > 0.0 && bare.words < 1.0, "{bare:?}");
    }

    #[test]
    fn sentences_found_whole_are_the_copied_ones() {
        let list = harbour_list();
        let whole = |text: &str| {
            let (page, hits) = english_page(&list, text);
            let vocab = OriginalWords::new(&list, 0, &hits);
            let found_whole = sentences_found_whole(&page, &vocab, list.record(0).vocab_tau);
            let (sentences, words) = (found_whole.whole, found_whole.words);
            let found: Vec<usize> = (0..sentences.len()).filter(|&s| sentences[s]).collect();
            (found, words)
        };
        let (found, words) = whole(HOST_WITH_HARBOUR);
        assert_eq!(
            found,
            vec![2, 3],
            "the two copied sentences, and nothing of the host"
        );
        assert!(words > 30);
        // A copied sentence given twice is found twice and counted once.
        let start = HOST_WITH_HARBOUR
            .find("Director")
            .expect("the first copied sentence");
        let end = start + HOST_WITH_HARBOUR[start..].find("March.").expect("its end") + 6;
        let first_copied = &HOST_WITH_HARBOUR[start..end];
        let (found, twice) = whole(&format!("{first_copied}\n{HOST_WITH_HARBOUR}"));
        assert_eq!(found, vec![0, 3, 4]);
        assert_eq!(twice, words);
        // Another outlet's report of the strike shares the topic's words, not whole sentences.
        let (found, _) = whole(
            "Dock workers in Valdoria walked out for a second week, leaving thousands of \
             containers on the quays. Henrik Asplund, who runs the port, called the stoppage \
             reckless, while Petra Quist of the union said her members wanted nine percent more \
             for night shifts. Nordwave declined to comment on how long its ships would wait.",
        );
        assert!(found.is_empty(), "{found:?}");
    }
}
