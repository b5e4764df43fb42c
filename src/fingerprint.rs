//! Fingerprints: what a text is reduced to for matching.
//!
//! Three kinds of features, each answering a different question about reuse:
//!
//! * **Shingles** — hashes of every three consecutive stemmed words of the narrative (quotes,
//!   furniture and credits excluded; a shingle never spans an excluded word). Shared shingles are
//!   shared wording: the evidence of verbatim and partial copying, and much of spinning, which
//!   swaps single words but keeps most three-word runs.
//! * **Terms** — stemmed content words. Shared terms are shared vocabulary: paraphrases and
//!   machine-translated round trips keep them while changing the phrasing.
//! * **Anchors** — numbers and names in a form that survives translation. They carry attribution
//!   across languages, where words share nothing.
//!
//! Every feature remembers where it occurs, because the order in which a page's evidence appears
//! compared to the original's is what tells a rewritten copy (same order) from an independent report
//! of the same event (same facts, its own order).
//!
//! A page is matched with all its features ([`DocFeatures`]). An original in a list is stored as a
//! [`Sketch`]: a small, consistent sample that fits the list's size budget:
//! * the `k` smallest shingle keys (a bottom-k sample) and the threshold `tau` below which every
//!   shingle of the original was kept, so that the share of a page's shingles found in the original
//!   can still be estimated: among the page's shingles below `tau`, which are in the sample;
//! * its `k` most characteristic terms and anchors by tf-idf (idf over the list being built).

use crate::hash::{combine, key};
use crate::text::{Analysis, CJK};

/// Words per shingle.
pub const SHINGLE_WORDS: usize = 3;

/// The kinds of feature, in the order their keys' namespaces are salted.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[repr(u8)]
pub enum Kind {
    /// Three consecutive stemmed narrative words.
    Shingle = 0,
    /// One stemmed content word.
    Term = 1,
    /// One number or name, in cross-language form.
    Anchor = 2,
}

impl Kind {
    /// All kinds.
    pub const ALL: [Kind; 3] = [Kind::Shingle, Kind::Term, Kind::Anchor];

    /// The key of a feature of this kind whose 64-bit hash is `h` (a term's is its stem's hash).
    pub fn key_of(self, h: u64) -> u32 {
        key(self.salt(), h)
    }

    /// What this kind's hashes are mixed with, so that a phrase, a term and an anchor with the
    /// same hash have different keys.
    fn salt(self) -> u64 {
        match self {
            Kind::Shingle => 0x5348_494e_474c_4531,
            Kind::Term => 0x5445_524d_5445_524d,
            Kind::Anchor => 0x414e_4348_4f52_5321,
        }
    }
}

/// One distinct feature of a text: its key, where it first occurs (token index) and how often.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Feature {
    /// The feature's 32-bit key in its kind's namespace.
    pub key: u32,
    /// Index of the token where the feature first occurs (for shingles, its first word).
    pub pos: u32,
    /// Number of occurrences.
    pub tf: u32,
}

/// All features of one analysed text, distinct by key, each list sorted by key.
#[derive(Debug, Clone, Default)]
pub struct DocFeatures {
    /// Narrative shingles.
    pub shingles: Vec<Feature>,
    /// Content terms.
    pub terms: Vec<Feature>,
    /// Anchors.
    pub anchors: Vec<Feature>,
    /// Keys of the terms that are names wherever they occur (each is an anchor too), sorted:
    /// [`vocabulary`] leaves them out.
    pub name_terms: Vec<u32>,
    /// Number of tokens of the text (positions are below this).
    pub tokens: u32,
    /// Number of words that count as evidence.
    pub words: u32,
    /// 64-bit SimHash of the evidence words (the near-duplicate badge).
    pub simhash: u64,
}

impl DocFeatures {
    /// Extracts the features of an analysed text.
    pub fn new(a: &Analysis) -> DocFeatures {
        DocFeatures::build(a, None)
    }

    /// The features a list keeps of an original: as [`DocFeatures::new`], but of its shingles
    /// only the bottom-`shingles` sample (plus the next one, as [`bottom_k`] and the list builder
    /// use it), found without sorting them all. `shingles == 0` keeps them all.
    pub fn sampled(a: &Analysis, shingles: usize) -> DocFeatures {
        DocFeatures::build(a, (shingles > 0).then_some(shingles))
    }

    fn build(a: &Analysis, shingle_sample: Option<usize>) -> DocFeatures {
        // The evidence words' stems and token indices, for the shingles below.
        let mut evidence: Vec<(u64, u32)> = Vec::with_capacity(a.tokens.len());
        let mut terms = Vec::with_capacity(a.tokens.len() / 2);
        // The term key of every occurrence that is a name.
        let mut named = Vec::new();
        let mut anchors = Vec::new();
        let mut prev_cjk: Option<u64> = None;
        for (i, t) in a.tokens.iter().enumerate() {
            if !t.is_evidence() {
                prev_cjk = None;
                continue;
            }
            evidence.push((t.stem, i as u32));
            if t.flags & CJK != 0 {
                // Characters of unspaced scripts are terms in pairs: a single Han character is
                // closer to a syllable than to a word.
                if let Some(p) = prev_cjk {
                    terms.push(occurrence(
                        key(Kind::Term.salt(), combine(&[p, t.word])),
                        i as u32 - 1,
                    ));
                }
                prev_cjk = Some(t.word);
            } else {
                prev_cjk = None;
                if t.is_content() {
                    let k = key(Kind::Term.salt(), t.stem);
                    terms.push(occurrence(k, i as u32));
                    if t.anchor != 0 {
                        named.push(k);
                    }
                }
            }
            if t.anchor != 0 {
                anchors.push(occurrence(key(Kind::Anchor.salt(), t.anchor), i as u32));
            }
        }
        // A shingle is every run of three evidence words with no other token between them,
        // keyed by their stems, at its first word. Hashed here, in a loop of its own: a shingle's
        // key is five multiplications in a row, which the processor overlaps with the next
        // shingle's unless a mispredicted branch (the word tests above) throws that work away.
        let mut shingles = Vec::with_capacity(evidence.len());
        for w in evidence.windows(SHINGLE_WORDS) {
            let (first, last) = (w[0].1, w[SHINGLE_WORDS - 1].1);
            if last - first == (SHINGLE_WORDS - 1) as u32 {
                let stems: [u64; SHINGLE_WORDS] = std::array::from_fn(|j| w[j].0);
                shingles.push(occurrence(
                    key(Kind::Shingle.salt(), combine(&stems)),
                    first,
                ));
            }
        }
        let words = evidence.len() as u32;
        let terms = distinct(terms);
        DocFeatures {
            shingles: match shingle_sample {
                Some(k) => distinct_bottom(shingles, k),
                None => distinct(shingles),
            },
            name_terms: only_names(&terms, named),
            terms,
            anchors: distinct(anchors),
            tokens: a.tokens.len() as u32,
            words,
            simhash: a.simhash,
        }
    }

    /// The features of `kind`.
    pub fn of(&self, kind: Kind) -> &[Feature] {
        match kind {
            Kind::Shingle => &self.shingles,
            Kind::Term => &self.terms,
            Kind::Anchor => &self.anchors,
        }
    }
}

/// The keys of `terms` (distinct, sorted by key) every occurrence of which is a name: `named`
/// holds the term key of each occurrence that is one. Sorted.
fn only_names(terms: &[Feature], mut named: Vec<u32>) -> Vec<u32> {
    named.sort_unstable();
    named
        .chunk_by(|a, b| a == b)
        .filter(|run| {
            terms
                .binary_search_by_key(&run[0], |t| t.key)
                .is_ok_and(|i| terms[i].tf as usize == run.len())
        })
        .map(|run| run[0])
        .collect()
}

/// One occurrence of a feature, packed for sorting: key in the high half, position in the low.
#[inline]
fn occurrence(key: u32, pos: u32) -> u64 {
    (u64::from(key) << 32) | u64::from(pos)
}

/// The distinct features of a list of occurrences, sorted by key: each with its first position
/// and its number of occurrences. (Sorting plain integers is several times faster than sorting
/// structs by a compound key, and this sort is a good part of fingerprinting.)
fn distinct(mut occurrences: Vec<u64>) -> Vec<Feature> {
    occurrences.sort_unstable();
    let mut out: Vec<Feature> = Vec::with_capacity(occurrences.len());
    for o in occurrences {
        let (key, pos) = ((o >> 32) as u32, o as u32);
        match out.last_mut() {
            Some(last) if last.key == key => last.tf += 1,
            _ => out.push(Feature { key, pos, tf: 1 }),
        }
    }
    out
}

/// How many features of each kind a list keeps per original. The sum decides the list's size.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SketchSize {
    /// Shingles kept (bottom-k by key).
    pub shingles: usize,
    /// Terms kept (top-k by tf-idf).
    pub terms: usize,
    /// Anchors kept (top-k by tf-idf).
    pub anchors: usize,
}

impl SketchSize {
    /// The size lists are built with: about 190 bytes per original in total (see FORMAT.md).
    pub const LIST: SketchSize = SketchSize {
        shingles: 10,
        terms: 10,
        anchors: 6,
    };
    /// Every shingle kept, for comparing two texts directly; terms and anchors as in lists, so
    /// that scores mean the same thing in both uses.
    pub const FULL: SketchSize = SketchSize {
        shingles: usize::MAX,
        terms: 10,
        anchors: 6,
    };
}

/// One stored feature of an original: its key and its relative position (0-255) in the original.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SketchItem {
    /// The feature's key.
    pub key: u32,
    /// Where it first occurs, scaled to 0..=255 over the original's length.
    pub pos: u8,
}

/// The compact, stored form of an original's features.
#[derive(Debug, Clone, Default)]
pub struct Sketch {
    /// Bottom-k shingles.
    pub shingles: Vec<SketchItem>,
    /// Top terms.
    pub terms: Vec<SketchItem>,
    /// Top anchors.
    pub anchors: Vec<SketchItem>,
    /// Every shingle of the original with a key at or below this was kept.
    pub tau: u32,
    /// Evidence words in the original.
    pub words: u32,
    /// SimHash of the original.
    pub simhash: u64,
}

impl Sketch {
    /// Builds the sketch of `f` with `size`, weighting terms and anchors by `idf(kind, key)`.
    /// (`f` may hold only the candidate pools a list builder keeps; the original's vocabulary is
    /// taken from its untrimmed features, by [`vocabulary`].)
    pub fn new(f: &DocFeatures, size: SketchSize, idf: impl Fn(Kind, u32) -> f32) -> Sketch {
        let scale = |pos: u32| ((u64::from(pos) * 256) / u64::from(f.tokens.max(1))).min(255) as u8;
        let item = |x: &Feature| SketchItem {
            key: x.key,
            pos: scale(x.pos),
        };
        let (kept, tau) = bottom_k(&f.shingles, size.shingles);
        let shingles = &f.shingles[..kept];
        let top = |kind: Kind, k: usize| -> Vec<SketchItem> {
            // Best first by tf-idf, ties by key. The features are sorted by key, so one integer
            // holds that order: the score's bits ordered as `f32::total_cmp` orders scores,
            // inverted for best first, above the feature's index. Selecting and sorting plain
            // integers takes a fraction of the time that comparing scores and keys does.
            let features = f.of(kind);
            let mut ranks: Vec<u64> = features
                .iter()
                .enumerate()
                .map(|(i, x)| {
                    let score = log_tf(x.tf) * idf(kind, x.key);
                    u64::from(!total_order_bits(score)) << 32 | i as u64
                })
                .collect();
            if ranks.len() > k {
                if k > 0 {
                    ranks.select_nth_unstable(k - 1);
                }
                ranks.truncate(k);
            }
            ranks.sort_unstable();
            ranks
                .into_iter()
                .map(|r| item(&features[r as u32 as usize]))
                .collect()
        };
        Sketch {
            shingles: shingles.iter().map(item).collect(),
            terms: top(Kind::Term, size.terms),
            anchors: top(Kind::Anchor, size.anchors),
            tau,
            words: f.words,
            simhash: f.simhash,
        }
    }

    /// The stored items of `kind`.
    pub fn of(&self, kind: Kind) -> &[SketchItem] {
        match kind {
            Kind::Shingle => &self.shingles,
            Kind::Term => &self.terms,
            Kind::Anchor => &self.anchors,
        }
    }
}

/// The keys of `f` a list stores as the original's vocabulary (its content words and its
/// anchors), the threshold below which all were kept, and how many of them are anchors.
///
/// A word that is a name wherever the original has it is left out ([`DocFeatures::name_terms`];
/// its anchor is stored). A check looks such a word up only where a page has it other than as a
/// name: it skips the page's words whose first occurrence is a name, and every word where it
/// stands as one (`matching`: names are what independent reports share as much as copies do, so
/// they count as anchors). A word that is a name in one place and a common word in another
/// ("President Ortiz", "the president") is kept. Measured on the public sets with 16 filter salts
/// each way, clough-stevenson's honest answers are called copies 5.3–7.9 % of the time (5.3–10.5 %
/// before), seed-story's copies are pinned on their own original with every salt (one was not,
/// with 1 of 16, before), the other ranges move by a case at most, pages holding paragraphs of an
/// English original (`tests/public_sets.rs`) are called derived 0.862 of the time (0.855), and
/// lists are smaller: wmt19-public's 218 → 204 bytes an original, the bundled list's 198 → 193.
/// Leaving out every word whose first occurrence is a name saved as much but called fewer of those
/// pages derived (0.849).
pub fn vocabulary(f: &DocFeatures) -> (Vec<u32>, u32, u16) {
    let max = crate::list::ribbon::MAX_WORDS;
    let (terms, anchors, names) = (&f.terms, &f.anchors, &f.name_terms);
    // Each key with whether it is an anchor, sorted by key: both lists are sorted already, so
    // they are merged (a term before an anchor of the same key, as sorting the pairs would), and
    // the names' terms, sorted too, skipped on the way.
    let mut all: Vec<(u32, bool)> = Vec::with_capacity(terms.len() + anchors.len());
    let (mut i, mut j, mut n) = (0, 0, 0);
    while i < terms.len() || j < anchors.len() {
        if j == anchors.len() || (i < terms.len() && terms[i].key <= anchors[j].key) {
            let key = terms[i].key;
            i += 1;
            while n < names.len() && names[n] < key {
                n += 1;
            }
            if names.get(n) != Some(&key) {
                all.push((key, false));
            }
        } else {
            all.push((anchors[j].key, true));
            j += 1;
        }
    }
    let (kept, tau) = bottom_k_by(&all, max, |&(key, _)| key);
    let kept = &all[..kept.min(max)];
    (
        kept.iter().map(|&(key, _)| key).collect(),
        tau,
        kept.iter().filter(|&&(_, anchor)| anchor).count() as u16,
    )
}

/// `1 + ln(tf)`, the weight of a feature that occurs `tf` times, from a table for the usual
/// counts.
fn log_tf(tf: u32) -> f32 {
    const TABLED: usize = 64;
    static TABLE: std::sync::OnceLock<[f32; TABLED]> = std::sync::OnceLock::new();
    let weight = |tf: u32| 1.0 + (tf as f32).ln();
    match TABLE
        .get_or_init(|| std::array::from_fn(|tf| weight(tf as u32)))
        .get(tf as usize)
    {
        Some(&w) => w,
        None => weight(tf),
    }
}

/// The bits of `x` as an unsigned integer that orders floats as [`f32::total_cmp`] does.
fn total_order_bits(x: f32) -> u32 {
    let bits = x.to_bits();
    if bits >> 31 == 1 {
        !bits
    } else {
        bits | 1 << 31
    }
}

/// `distinct(occurrences)` cut to its bottom-`k` sample plus the next feature, the way the list
/// builder cuts it, without sorting every occurrence: the smallest few are selected first, and
/// only if they hold too few distinct keys (a text repeating its phrases) is everything sorted.
fn distinct_bottom(mut occurrences: Vec<u64>, k: usize) -> Vec<Feature> {
    let cut = |mut d: Vec<Feature>| {
        keep_sample(&mut d, k);
        d
    };
    let j = 2 * k + 8;
    if occurrences.len() > j {
        occurrences.select_nth_unstable(j);
        // Every occurrence of a key below the j-th one's is among the first j, so their
        // features (first position, count) are complete.
        let boundary = (occurrences[j] >> 32) as u32;
        let lower: Vec<u64> = occurrences[..j]
            .iter()
            .copied()
            .filter(|&o| ((o >> 32) as u32) < boundary)
            .collect();
        let d = distinct(lower);
        let (kept, _) = bottom_k(&d, k);
        // Complete if a key beyond the sample's threshold is among them: every key up to the
        // threshold is then below the boundary too.
        if kept < d.len() {
            return cut(d);
        }
    }
    cut(distinct(occurrences))
}

/// Cuts `sorted` (features sorted by key) to what a list builder keeps of an original's
/// shingles: the bottom-`k` sample of [`bottom_k`] plus the next feature, so that the sketch
/// still knows the original had more. `k = 0` keeps everything.
pub(crate) fn keep_sample(sorted: &mut Vec<Feature>, k: usize) {
    if k > 0 {
        let (kept, _) = bottom_k(sorted, k);
        sorted.truncate(kept + 1);
    }
}

/// The bottom-`k` sample of `sorted` (features sorted by key) as a list stores it: how many
/// features to keep, and the threshold τ at or below which every feature was kept. τ keeps only
/// its top 16 bits (all a record stores), so features up to the end of that range are kept too
/// (rarely more than `k`). With `k` or fewer features all are kept and τ is `u32::MAX`; with
/// `k = 0` none are, and τ is 0.
pub fn bottom_k(sorted: &[Feature], k: usize) -> (usize, u32) {
    bottom_k_by(sorted, k, |f| f.key)
}

/// [`bottom_k`] of any items sorted by the key `key` gives them.
fn bottom_k_by<T>(sorted: &[T], k: usize, key: impl Fn(&T) -> u32) -> (usize, u32) {
    if k == 0 {
        (0, 0)
    } else if sorted.len() <= k {
        (sorted.len(), u32::MAX)
    } else {
        let tau = key(&sorted[k - 1]) | 0xffff;
        (sorted.partition_point(|s| key(s) <= tau), tau)
    }
}

/// Features with the counts of `tfs` (key → count), in key order, each at its index: what the
/// tests of feature selection choose from.
#[cfg(test)]
pub(crate) fn features_counted(tfs: &std::collections::BTreeMap<u32, u32>) -> Vec<Feature> {
    tfs.iter()
        .enumerate()
        .map(|(pos, (&key, &tf))| Feature {
            key,
            pos: pos as u32,
            tf,
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::{analyze, Token, CREDIT};

    const TEXT: &str = "Russia accused the United States of interfering in its internal affairs following a \
        crackdown on demonstrators supporting opposition leader Alexei Navalny. More than 3,500 protesters \
        were arrested on Saturday during protests across the country.";

    #[test]
    fn features_are_distinct_and_sorted() {
        let f = DocFeatures::new(&analyze(TEXT, Some("en")));
        for list in [&f.shingles, &f.terms, &f.anchors] {
            assert!(list.windows(2).all(|w| w[0].key < w[1].key));
        }
        assert_eq!(f.shingles.len(), f.words as usize - 2);
        assert!(f.anchors.len() >= 3, "Russia, Navalny, 3500, ...");
    }

    /// The list's cut of all features, the slow way.
    fn cut_after_sorting(occurrences: Vec<u64>, k: usize) -> Vec<Feature> {
        let mut d = distinct(occurrences);
        keep_sample(&mut d, k);
        d
    }

    #[test]
    fn sampled_features_keep_what_a_list_keeps() {
        let a = analyze(&TEXT.repeat(3), Some("en"));
        let (full, sampled) = (DocFeatures::new(&a), DocFeatures::sampled(&a, 10));
        let (kept, _) = bottom_k(&full.shingles, 10);
        assert_eq!(sampled.shingles, full.shingles[..kept + 1]);
        assert_eq!(sampled.terms, full.terms);
        assert_eq!(DocFeatures::sampled(&a, 0).shingles, full.shingles);
    }

    #[test]
    fn vocabulary_leaves_out_the_words_of_names_and_keeps_their_anchors() {
        let a = analyze(
            "Dockers in Valdoria met President Ortiz at their harbour gates on Monday. The \
             president said Valdoria's harbour would reopen, and the dockers went back to work.",
            Some("en"),
        );
        let f = DocFeatures::new(&a);
        let (keys, _, anchors) = vocabulary(&f);
        let tokens = |w: &str| -> Vec<Token> {
            (0..a.tokens.len())
                .filter(|&i| a.norm_of(i) == w)
                .map(|i| a.tokens[i])
                .collect()
        };
        let term = |w: &str| Kind::Term.key_of(tokens(w)[0].stem);
        // Names wherever they occur: their words are left out, their anchors kept.
        for name in ["valdoria", "ortiz", "monday"] {
            assert!(tokens(name).iter().all(|t| t.anchor != 0), "{name}");
            assert!(!keys.contains(&term(name)), "{name}");
            assert!(keys.contains(&Kind::Anchor.key_of(tokens(name)[0].anchor)));
        }
        // A name in one place and a common word in another, and common words: kept.
        let president = tokens("president");
        assert!(president[0].anchor != 0 && president[1].anchor == 0);
        for word in ["president", "dockers", "harbour"] {
            assert!(keys.contains(&term(word)), "{word}");
        }
        assert_eq!(f.name_terms.len(), 3);
        assert_eq!(usize::from(anchors), f.anchors.len());
        assert_eq!(keys.len(), f.terms.len() - 3 + f.anchors.len());
    }

    #[test]
    fn vocabulary_merges_terms_and_anchors_in_key_order() {
        let mut f = DocFeatures::new(&analyze(&TEXT.repeat(2), Some("en")));
        // The merge alone: no term is left out as a name.
        f.name_terms.clear();
        // A key that is both a term and an anchor keeps both entries, the term's first.
        f.anchors.push(Feature {
            key: f.terms[0].key,
            ..f.anchors[0]
        });
        f.anchors.sort_unstable_by_key(|a| a.key);
        let mut sorted: Vec<(u32, bool)> = f.terms.iter().map(|t| (t.key, false)).collect();
        sorted.extend(f.anchors.iter().map(|a| (a.key, true)));
        sorted.sort_unstable();
        let (keys, _, anchors) = vocabulary(&f);
        let max = crate::list::ribbon::MAX_WORDS.min(sorted.len());
        assert_eq!(
            keys,
            sorted
                .iter()
                .map(|&(k, _)| k)
                .take(keys.len())
                .collect::<Vec<_>>()
        );
        assert!(keys.len() <= max + 1 && keys.windows(2).all(|w| w[0] <= w[1]));
        let expected = sorted[..keys.len()].iter().filter(|&&(_, a)| a).count();
        assert_eq!(anchors as usize, expected);
    }

    #[cfg(not(target_arch = "wasm32"))]
    proptest::proptest! {
        /// Repeated keys (a text repeating its phrases), keys sharing their top 16 bits (the
        /// threshold's granularity) and plain random keys all give the slow way's result.
        #[test]
        fn bottom_selection_matches_sorting(
            keys in proptest::collection::vec(proptest::prelude::any::<u32>(), 0..400),
            distinct_keys in 1u32..300,
            k in 1usize..30,
            spread in 0u32..4,
        ) {
            let occurrences: Vec<u64> = keys
                .iter()
                .enumerate()
                .map(|(pos, &big)| {
                    let small = big % distinct_keys;
                    let key = match spread {
                        0 => small << 16,
                        1 => small << 16 | big >> 30,
                        2 => small,
                        _ => big,
                    };
                    occurrence(key, pos as u32)
                })
                .collect();
            proptest::prop_assert_eq!(
                distinct_bottom(occurrences.clone(), k),
                cut_after_sorting(occurrences, k)
            );
        }
    }

    /// The crate's SimHash computed its own way, word by word.
    fn crates_simhash(a: &Analysis) -> u64 {
        simhash::simhash_stream(
            (0..a.tokens.len())
                .filter(|&i| a.tokens[i].is_evidence() && a.tokens[i].is_content())
                .map(|i| a.norm_of(i)),
        )
    }

    #[test]
    fn simhash_is_the_crates() {
        let a = analyze(TEXT, Some("en"));
        let direct = crates_simhash(&a);
        assert_eq!(DocFeatures::new(&a).simhash, direct);
        assert_ne!(direct, 0);
    }

    #[test]
    fn simhash_leaves_out_credits_quotes_and_furniture() {
        // Credits are found after the words are counted, and taken out again.
        let text = format!(
            "MOSCOW (Reuters) - {TEXT} \"Protesters were arrested,\" he said. – AFP\n\
             Advertisement\nMoscow police said protesters were arrested on Saturday (AP)."
        );
        let a = analyze(&text, Some("en"));
        let credited = a.tokens.iter().filter(|t| t.flags & CREDIT != 0).count();
        assert!(credited >= 3, "{credited} credit words");
        assert_eq!(DocFeatures::new(&a).simhash, crates_simhash(&a));
    }

    proptest::proptest! {
        /// Texts drawn from a small vocabulary (so that words repeat and counters tie), with
        /// credits, quotations and furniture lines among them, give the crate's SimHash of their
        /// narrative words, whatever the thread's cache already holds.
        #[test]
        fn simhash_is_the_crates_on_any_text(
            picks in proptest::collection::vec(0usize..46, 0..300),
        ) {
            let mut vocabulary: Vec<String> = (0..40).map(|i| format!("word{i}x")).collect();
            for piece in ["(Reuters)", "– AFP", "\"word3x word7x", "word9x.\"", "\nAdvertisement\n", "Reuters"] {
                vocabulary.push(piece.to_string());
            }
            let text = picks.iter().map(|&i| vocabulary[i].as_str()).collect::<Vec<_>>().join(" ");
            let a = analyze(&text, Some("en"));
            proptest::prop_assert_eq!(DocFeatures::new(&a).simhash, crates_simhash(&a));
        }
    }

    #[test]
    fn quotes_break_shingles() {
        let plain = DocFeatures::new(&analyze(
            "He said the talks would start soon in Geneva.",
            Some("en"),
        ));
        let quoted = DocFeatures::new(&analyze(
            "He said “the talks would start soon in Geneva”.",
            Some("en"),
        ));
        assert!(quoted.shingles.is_empty());
        assert!(!plain.shingles.is_empty());
    }

    proptest::proptest! {
        /// A sketch's terms and anchors are the best by tf-idf, best first, ties by key: as
        /// sorting every feature by score and key gives them.
        #[test]
        fn sketch_keeps_the_best_by_tf_idf(
            tfs in proptest::collection::btree_map(proptest::prelude::any::<u32>(), 1u32..80, 0..90),
            idfs in proptest::collection::vec(0u8..4, 1..8),
            k in 0usize..40,
        ) {
            let features = features_counted(&tfs);
            // Few distinct idf values, so that scores tie.
            let idf = |_: Kind, key: u32| f32::from(idfs[key as usize % idfs.len()]) * 0.75;
            let f = DocFeatures {
                terms: features.clone(),
                anchors: features.clone(),
                tokens: 100,
                ..Default::default()
            };
            let size = SketchSize { shingles: 0, terms: k, anchors: k / 2 };
            let s = Sketch::new(&f, size, idf);
            let best = |k: usize| -> Vec<u32> {
                let mut v: Vec<(f32, u32)> = features
                    .iter()
                    .map(|x| ((1.0 + (x.tf as f32).ln()) * idf(Kind::Term, x.key), x.key))
                    .collect();
                v.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)));
                v.into_iter().take(k).map(|(_, key)| key).collect()
            };
            let keys = |items: &[SketchItem]| items.iter().map(|it| it.key).collect::<Vec<_>>();
            proptest::prop_assert_eq!(keys(&s.terms), best(k));
            proptest::prop_assert_eq!(keys(&s.anchors), best(k / 2));
        }

        /// Floats ordered by their [`total_order_bits`] are ordered as `f32::total_cmp` orders
        /// them.
        #[test]
        fn total_order_bits_order_as_total_cmp(a in proptest::prelude::any::<u32>(), b in proptest::prelude::any::<u32>()) {
            let (x, y) = (f32::from_bits(a), f32::from_bits(b));
            proptest::prop_assert_eq!(total_order_bits(x).cmp(&total_order_bits(y)), x.total_cmp(&y));
        }
    }

    #[test]
    fn log_tf_is_one_plus_ln() {
        for tf in (0..200).chain([1000, u32::MAX]) {
            assert_eq!(log_tf(tf).to_bits(), (1.0 + (tf as f32).ln()).to_bits());
        }
    }

    #[test]
    fn sketch_keeps_bottom_k_and_a_threshold() {
        let f = DocFeatures::new(&analyze(TEXT, Some("en")));
        let s = Sketch::new(&f, SketchSize::LIST, |_, _| 1.0);
        assert!(s.shingles.len() >= SketchSize::LIST.shingles);
        assert_eq!(s.tau | 0xffff, s.tau);
        assert_eq!(
            f.shingles.iter().filter(|x| x.key <= s.tau).count(),
            s.shingles.len()
        );
        let full = Sketch::new(&f, SketchSize::FULL, |_, _| 1.0);
        assert_eq!(full.shingles.len(), f.shingles.len());
        assert_eq!(full.tau, u32::MAX);
    }

    #[test]
    fn empty_text_has_no_features() {
        let f = DocFeatures::new(&analyze("", None));
        assert!(f.shingles.is_empty() && f.terms.is_empty() && f.anchors.is_empty());
        let s = Sketch::new(&f, SketchSize::LIST, |_, _| 1.0);
        assert_eq!(s.tau, u32::MAX);
    }
}
