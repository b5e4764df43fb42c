//! Building a list from originals.
//!
//! Building is split so that the costly part runs in parallel: [`prepare`] analyses one original
//! (pure, any thread), [`ListBuilder::push`] collects the results, and [`ListBuilder::finish`]
//! picks each original's most characteristic terms and anchors with idf over the whole list and
//! lays out the index.

use std::collections::HashMap;

use serde::Deserialize;

use super::{format, idf_among, Background, List, Record};
use crate::error::BuildError;
use crate::fingerprint::{keep_sample, DocFeatures, Feature, Kind, Sketch, SketchSize};
use crate::hash::HashMap64;
use crate::text::{analyze, lang};

/// Most originals a list can hold (postings address originals with 24 bits).
pub const MAX_ORIGINALS: usize = (1 << 24) - 1;

/// Candidates kept per original for term and anchor selection, by frequency; enough for the
/// final top-k by tf-idf, small enough to hold a million originals in memory while building.
const TERM_POOL: usize = 64;
/// The same for anchors, fewer of which are stored.
const ANCHOR_POOL: usize = 32;

/// One original as given in a JSON Lines originals file
/// (`{"id","source","title","url","published","lang","text"}`).
#[derive(Debug, Clone, Default, Deserialize)]
pub struct OriginalDoc {
    /// Unique id.
    pub id: String,
    /// Publisher ("Reuters").
    #[serde(default)]
    pub source: Option<String>,
    /// Headline.
    #[serde(default)]
    pub title: Option<String>,
    /// Address.
    #[serde(default)]
    pub url: Option<String>,
    /// Date, YYYY-MM-DD.
    #[serde(default)]
    pub published: Option<String>,
    /// Language (ISO 639-1); guessed when absent.
    #[serde(default)]
    pub lang: Option<String>,
    /// The text.
    pub text: String,
}

/// An analysed original, ready to be added to a [`ListBuilder`].
#[derive(Debug, Clone)]
pub struct Prepared {
    doc: OriginalDoc,
    features: DocFeatures,
    vocab: Vocabulary,
    lang: u8,
    filter_salt: u8,
}

/// An original's vocabulary before the list is laid out: its filter leaves out the words the
/// index will hold for the original, which only the whole list decides.
#[derive(Debug, Clone)]
struct Vocabulary {
    /// The content-word and anchor keys, sorted.
    keys: Vec<u32>,
    /// Every content-word and anchor key of the original at or below this is in the set.
    tau: u32,
    /// How many of the words are anchors.
    anchors: u16,
}

/// Analyses one original. Pure and thread-safe: callers may prepare originals in parallel.
pub fn prepare(doc: OriginalDoc, size: SketchSize) -> Prepared {
    prepare_salted(doc, size, 0)
}

/// [`prepare`], the vocabulary's filter built with salt number `filter_salt`
/// ([`super::ribbon::salt`]): the same original with other chance matches, for measuring how much
/// of an accuracy figure they make (`provenance eval --salts`). A list holds one salt.
pub fn prepare_salted(doc: OriginalDoc, size: SketchSize, filter_salt: u8) -> Prepared {
    let a = analyze(&doc.text, doc.lang.as_deref());
    let features = DocFeatures::sampled(&a, size.shingles);
    prepare_with(doc, a.lang, features, size, filter_salt)
}

/// What [`prepare`] does once the original is analysed, for a caller that has analysed it
/// already: `lang` is the analysis's language and `features` its features.
pub fn prepare_analysed(
    doc: OriginalDoc,
    lang: &str,
    features: DocFeatures,
    size: SketchSize,
) -> Prepared {
    prepare_with(doc, lang, features, size, 0)
}

/// [`prepare_analysed`] with the filter's salt number.
fn prepare_with(
    mut doc: OriginalDoc,
    lang: &str,
    mut features: DocFeatures,
    size: SketchSize,
    filter_salt: u8,
) -> Prepared {
    let (keys, tau, anchors) = crate::fingerprint::vocabulary(&features);
    let vocab = Vocabulary { keys, tau, anchors };
    // Keep only what selection can use: the bottom shingles and the most frequent terms and
    // anchors.
    keep_sample(&mut features.shingles, size.shingles);
    keep_most_frequent(&mut features.terms, TERM_POOL.max(size.terms));
    keep_most_frequent(&mut features.anchors, ANCHOR_POOL.max(size.anchors));
    doc.text = String::new();
    Prepared {
        doc,
        features,
        vocab,
        lang: lang::code_index(lang),
        filter_salt,
    }
}

impl Prepared {
    /// The keys of the terms and anchors the list may select for this original (its most
    /// frequent ones, from which the list picks by idf): the words whose document frequencies a
    /// [`Background`] needs to count for it.
    pub fn candidate_keys(&self) -> Vec<u32> {
        let (terms, anchors) = (&self.features.terms, &self.features.anchors);
        terms.iter().chain(anchors).map(|f| f.key).collect()
    }
}

/// Keeps the `k` most frequent features of `v` (sorted by key; ties by key), in key order.
fn keep_most_frequent(v: &mut Vec<Feature>, k: usize) {
    if v.len() > k && k > 0 {
        // Keys are distinct, so (frequency, key) orders them totally, and one integer holds
        // that order: the k-th smallest of these ranks is the last kept. Selecting integers and
        // then keeping the features in place, in the key order they have, takes a third of the
        // time of selecting the features themselves and sorting them by key again.
        let rank = |f: &Feature| u64::from(!f.tf) << 32 | u64::from(f.key);
        let mut ranks: Vec<u64> = v.iter().map(rank).collect();
        let (_, &mut last, _) = ranks.select_nth_unstable(k - 1);
        v.retain(|f| rank(f) <= last);
    } else if k == 0 {
        v.clear();
    }
}

/// Collects prepared originals and lays out a [`List`].
#[derive(Debug)]
pub struct ListBuilder {
    size: SketchSize,
    prepared: Vec<Prepared>,
    ids: HashMap<String, usize>,
    background: Option<Background>,
}

impl ListBuilder {
    /// A builder for lists with sketches of `size` (normally [`SketchSize::LIST`]).
    pub fn new(size: SketchSize) -> ListBuilder {
        ListBuilder {
            size,
            prepared: Vec::new(),
            ids: HashMap::new(),
            background: None,
        }
    }

    /// The same builder, its originals' words weighed by idf as if `background`'s originals were
    /// in the list too (see [`Background`]): for a list of one or a few originals, which has no
    /// others to tell their characteristic words from their topic's. The list built keeps the
    /// background for its checks; a list file does not store it, so such a list is for use in
    /// memory (as [`crate::compare`] uses one).
    pub fn with_background(mut self, background: Background) -> ListBuilder {
        self.background = Some(background);
        self
    }

    /// Number of originals added so far.
    pub fn len(&self) -> usize {
        self.prepared.len()
    }

    /// Whether nothing was added yet.
    pub fn is_empty(&self) -> bool {
        self.prepared.is_empty()
    }

    /// The sketch size this builder uses.
    pub fn size(&self) -> SketchSize {
        self.size
    }

    /// Adds an original analysed with [`prepare`] (or [`prepare_salted`], with the same salt as
    /// every other). Ids must be unique, at most [`super::meta::MAX_FIELD_BYTES`] long and free of
    /// zero bytes.
    pub fn push(&mut self, p: Prepared) -> Result<(), BuildError> {
        if let Some(first) = self.prepared.first() {
            if first.filter_salt != p.filter_salt {
                return Err(BuildError::MixedSalts(first.filter_salt, p.filter_salt));
            }
        }
        if self.prepared.len() >= MAX_ORIGINALS {
            return Err(BuildError::TooMany(self.prepared.len() + 1));
        }
        if p.doc.id.len() > super::meta::MAX_FIELD_BYTES {
            let start = super::meta::cut_to(&p.doc.id, 40);
            return Err(BuildError::LongId(start.to_string()));
        }
        if p.doc.id.contains('\0') {
            return Err(BuildError::ZeroByteInId(p.doc.id));
        }
        if self
            .ids
            .insert(p.doc.id.clone(), self.prepared.len())
            .is_some()
        {
            return Err(BuildError::DuplicateId(p.doc.id));
        }
        self.prepared.push(p);
        Ok(())
    }

    /// Analyses and adds one original.
    pub fn add(&mut self, doc: OriginalDoc) -> Result<(), BuildError> {
        let size = self.size;
        self.push(prepare(doc, size))
    }

    /// Selects every original's terms and anchors, lays out the index and codes the metadata.
    pub fn finish(self) -> List {
        // The metadata depends on nothing else, so it is coded while the index is laid out: it
        // fills the other core while the index's serial steps (document frequencies, sorting)
        // leave it idle.
        let docs: Vec<&OriginalDoc> = self.prepared.iter().map(|p| &p.doc).collect();
        let (mut list, meta) = both(|| self.index(), || format::metadata(&docs));
        list.meta = meta;
        list.background = self.background;
        list
    }

    /// The list without its metadata: every original's terms and anchors selected, the index
    /// laid out, the vocabulary filters built.
    fn index(&self) -> List {
        let n = self.prepared.len();
        // Document frequencies over the candidate pools pick the characteristic terms... Each
        // is counted among the originals a check counts it among: a term's among those of its
        // original's language, an anchor's among all (`super::counted_across_languages`).
        let mut pool_df: HashMap64<u32> = HashMap64::default();
        for p in &self.prepared {
            for (kind, features) in [
                (Kind::Term, &p.features.terms),
                (Kind::Anchor, &p.features.anchors),
            ] {
                for f in features {
                    *pool_df.entry(df_key(kind, p.lang, f.key)).or_default() += 1;
                }
            }
        }
        // idf depends on the document frequency alone once the originals it is counted among are
        // known: the common ones are looked up, not computed. A background's originals count as
        // the list's own (`with_background`).
        let mut by_lang = super::count_by_lang(self.prepared.iter().map(|p| p.lang));
        let mut all = n as u32;
        let background = self.background.as_ref();
        if let Some(b) = background {
            by_lang[usize::from(b.lang())] += b.originals();
            all += b.originals();
        }
        let table = |among: u32| -> Vec<f32> {
            (0..=(among as usize).min(4096))
                .map(|df| idf_among(among, df))
                .collect()
        };
        let lang_tables: Vec<Vec<f32>> = by_lang.iter().map(|&among| table(among)).collect();
        let all_table = table(all);
        // The idf of `key`, of kind `kind`, in an original of `lang`, held by `own` of the list's
        // originals and by those of the background that hold it.
        let key_idf = |kind: Kind, lang: u8, key: u32, own: u32| {
            let df = (own + background.map_or(0, |b| b.df_in(lang, key))) as usize;
            let (table, among) = if super::counted_across_languages(kind) {
                (&all_table, all)
            } else {
                let lang = usize::from(lang);
                (&lang_tables[lang], by_lang[lang])
            };
            table
                .get(df)
                .copied()
                .unwrap_or_else(|| idf_among(among, df))
        };
        let counted = |counts: &HashMap64<u32>, kind: Kind, lang: u8, key: u32| {
            let own = counts.get(&df_key(kind, lang, key)).copied().unwrap_or(1);
            key_idf(kind, lang, key, own)
        };
        let size = self.size;
        let prepared = &self.prepared;
        let sketches: Vec<Sketch> = map_all(prepared, |p| {
            Sketch::new(&p.features, size, |kind, key| {
                counted(&pool_df, kind, p.lang, key)
            })
        });
        // ...and frequencies over what was kept weigh them at check time, as the index will.
        let mut kept_df: HashMap64<u32> = HashMap64::default();
        for (s, p) in sketches.iter().zip(prepared) {
            for kind in [Kind::Term, Kind::Anchor] {
                for it in s.of(kind) {
                    *kept_df.entry(df_key(kind, p.lang, it.key)).or_default() += 1;
                }
            }
        }
        let weight = |kind: Kind, s: &Sketch, lang: u8| -> f32 {
            s.of(kind)
                .iter()
                .map(|it| counted(&kept_df, kind, lang, it.key))
                .sum()
        };
        let records: Vec<Record> = sketches
            .iter()
            .zip(prepared)
            .map(|(s, p)| Record {
                simhash: s.simhash,
                tau: s.tau,
                words: s.words.min(u32::from(u16::MAX)),
                term_weight: format::quantize_weight(
                    weight(Kind::Term, s, p.lang),
                    s.terms.len().min(255) as u8,
                ),
                anchor_weight: format::quantize_weight(
                    weight(Kind::Anchor, s, p.lang),
                    s.anchors.len().min(255) as u8,
                ),
                counts: [s.shingles.len(), s.terms.len(), s.anchors.len()]
                    .map(|c| c.min(255) as u8),
                lang: p.lang,
                vocab_words: 0, // set with the filters, below
                vocab_slots: 0,
                vocab_tau: p.vocab.tau,
                vocab_anchors: p.vocab.anchors,
            })
            .collect();
        let mut entries: Vec<(u32, u32)> = Vec::new();
        for (i, s) in sketches.iter().enumerate() {
            for kind in Kind::ALL {
                for it in s.of(kind) {
                    entries.push((it.key, (i as u32) << 8 | u32::from(it.pos)));
                }
            }
        }
        let sketch_size =
            [self.size.shingles, self.size.terms, self.size.anchors].map(|k| k.min(255) as u8);
        let mut list = format::layout(records, entries, sketch_size);
        // Each vocabulary's filter holds the words the index does not hold for its original: a
        // page's word found in the original's index entries is found exactly, without the filter
        // (about ten bytes an original less). Entries a check ignores as too common
        // (`matching::max_df`) stay in the filter too.
        let limit = crate::matching::max_df(n);
        let filters: Vec<(Vec<u8>, usize, usize)> = map_all(
            &prepared.iter().zip(&sketches).collect::<Vec<_>>(),
            |(p, s)| {
                let mut held: Vec<u32> = s
                    .terms
                    .iter()
                    .chain(&s.anchors)
                    .map(|it| it.key)
                    .filter(|&k| list.lookup(k).len() <= limit)
                    .collect();
                held.sort_unstable();
                let keys: Vec<u32> = p
                    .vocab
                    .keys
                    .iter()
                    .copied()
                    .filter(|k| held.binary_search(k).is_err())
                    .collect();
                let salt = super::ribbon::salt(p.filter_salt);
                let (bytes, slots) = super::ribbon::build_salted(&keys, salt);
                (bytes, slots, keys.len())
            },
        );
        for (r, (_, slots, words)) in list.records.iter_mut().zip(&filters) {
            r.vocab_words = *words as u16;
            r.vocab_slots = *slots as u16;
        }
        format::set_vocabularies(&mut list, filters.iter().map(|f| f.0.as_slice()));
        list.filter_salt = prepared.first().map_or(0, |p| p.filter_salt);
        list
    }
}

/// Where a document frequency of feature `key`, of kind `kind`, in an original of language
/// `lang` is counted: a term's with the originals of its language, an anchor's with all
/// ([`super::counted_across_languages`]).
fn df_key(kind: Kind, lang: u8, key: u32) -> u64 {
    let among = if super::counted_across_languages(kind) {
        u64::from(u8::MAX) + 1
    } else {
        u64::from(lang)
    };
    among << 32 | u64::from(key)
}

/// `f` applied to every item, in order: on all cores natively, in turn in the browser.
pub(crate) fn map_all<T: Sync, U: Send>(items: &[T], f: impl Fn(&T) -> U + Sync + Send) -> Vec<U> {
    #[cfg(not(target_arch = "wasm32"))]
    {
        use rayon::prelude::*;
        items.par_iter().map(f).collect()
    }
    #[cfg(target_arch = "wasm32")]
    {
        items.iter().map(f).collect()
    }
}

/// Both results of `a` and `b`: on two cores natively, one after the other in the browser.
pub(crate) fn both<A: Send, B: Send>(
    a: impl FnOnce() -> A + Send,
    b: impl FnOnce() -> B + Send,
) -> (A, B) {
    #[cfg(not(target_arch = "wasm32"))]
    {
        rayon::join(a, b)
    }
    #[cfg(target_arch = "wasm32")]
    {
        (a(), b())
    }
}

/// Builds a list from originals in one call, analysing them one after another (callers with many
/// originals analyse them in parallel with [`prepare`] and a [`ListBuilder`]).
pub fn build(
    docs: impl IntoIterator<Item = OriginalDoc>,
    size: SketchSize,
) -> Result<List, BuildError> {
    let mut b = ListBuilder::new(size);
    for d in docs {
        b.add(d)?;
    }
    Ok(b.finish())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn doc(id: &str, source: &str, text: &str) -> OriginalDoc {
        OriginalDoc {
            id: id.into(),
            source: Some(source.into()),
            text: text.into(),
            ..Default::default()
        }
    }

    proptest::proptest! {
        /// The features kept are the `k` first by frequency (ties by key), in key order.
        #[test]
        fn keeps_the_most_frequent(
            tfs in proptest::collection::btree_map(0u32..400, 1u32..6, 0..120),
            k in 0usize..80,
        ) {
            let features = crate::fingerprint::features_counted(&tfs);
            let mut by_rank = features.clone();
            by_rank.sort_by(|a, b| b.tf.cmp(&a.tf).then(a.key.cmp(&b.key)));
            by_rank.truncate(k);
            by_rank.sort_by_key(|f| f.key);
            let mut kept = features;
            keep_most_frequent(&mut kept, k);
            proptest::prop_assert_eq!(kept, by_rank);
        }
    }

    #[test]
    fn builds_and_looks_up() {
        let list = build(
            [
                doc("a", "Wire A", "The minister of finance resigned on Tuesday after weeks of protests in the capital."),
                doc("b", "Wire B", "Heavy rain flooded the northern provinces, and 1,200 families left their homes."),
            ],
            SketchSize::LIST,
        )
        .unwrap();
        assert_eq!(list.len(), 2);
        assert_eq!(list.meta(1).id, "b");
        assert_eq!(list.meta(1).source, Some("Wire B"));
        assert_eq!(list.find("a"), Some(0));
        let total: usize = list
            .records
            .iter()
            .map(|r| r.counts.iter().map(|&c| c as usize).sum::<usize>())
            .sum();
        assert_eq!(total, list.entries());
    }

    #[test]
    fn originals_of_another_language_leave_idf_as_it_was() {
        // Four English originals of made-up words, alone and among forty German ones.
        let made_up = |lang: &str, word: &str, n: usize, vocabulary: usize| -> Vec<OriginalDoc> {
            (0..n)
                .map(|i| OriginalDoc {
                    id: format!("{lang}-{i}"),
                    lang: Some(lang.into()),
                    text: (0..60)
                        .map(|j| format!("{word}{} ", (i * 7 + j) % vocabulary))
                        .collect(),
                    ..Default::default()
                })
                .collect()
        };
        let english = made_up("en", "zorb", 4, 23);
        let german = made_up("de", "quelb", 40, 31);
        let alone = build(english.clone(), SketchSize::LIST).unwrap();
        let mixed = build(english.clone().into_iter().chain(german), SketchSize::LIST).unwrap();
        assert_eq!(mixed.idf(Kind::Term, 0, 2), crate::list::idf(4, 2));
        assert_eq!(mixed.idf(Kind::Term, 10, 2), crate::list::idf(40, 2));
        // Anchors carry across languages, and are counted among all originals.
        assert_eq!(mixed.idf(Kind::Anchor, 0, 2), crate::list::idf(44, 2));
        for i in 0..4 {
            assert_eq!(mixed.record(i).term_weight, alone.record(i).term_weight);
        }
        // German originals written with the English ones' words (as loanwords are) do not make
        // those words common among the English originals: their terms and weights stay.
        let same_words = made_up("de", "zorb", 40, 23)
            .into_iter()
            .map(|d| OriginalDoc {
                id: format!("{}-same", d.id),
                ..d
            });
        let shared = build(english.into_iter().chain(same_words), SketchSize::LIST).unwrap();
        // Original `i`'s index entries: (bucket, residual, position) each.
        let terms = |list: &List, i: u32| -> Vec<(usize, u16, u32)> {
            let mut entries = Vec::new();
            for (bucket, range) in list.buckets.windows(2).enumerate() {
                for e in range[0] as usize..range[1] as usize {
                    if list.postings[e] >> 8 == i {
                        entries.push((bucket, list.residuals[e], list.postings[e] & 0xff));
                    }
                }
            }
            entries
        };
        for i in 0..4u32 {
            assert_eq!(
                shared.record(i as usize).term_weight,
                alone.record(i as usize).term_weight
            );
            assert_eq!(terms(&shared, i), terms(&alone, i));
        }
    }

    #[test]
    fn long_ids_are_refused_and_long_titles_cut() {
        let max = super::super::meta::MAX_FIELD_BYTES;
        let mut b = ListBuilder::new(SketchSize::LIST);
        let err = b.add(doc(&"i".repeat(max + 1), "S", "a text")).unwrap_err();
        assert!(
            matches!(&err, BuildError::LongId(start) if start.len() == 40),
            "{err}"
        );
        let mut long = doc(&"i".repeat(max), "S", "a text");
        long.title = Some("ü".repeat(max));
        b.add(long).unwrap();
        let list = b.finish();
        assert_eq!(list.meta(0).id.len(), max);
        assert_eq!(list.meta(0).title.map(str::len), Some(max));
    }

    #[test]
    fn ids_with_a_zero_byte_are_refused() {
        let mut b = ListBuilder::new(SketchSize::LIST);
        let err = b.add(doc("a\0b", "S", "a text")).unwrap_err();
        assert!(
            matches!(&err, BuildError::ZeroByteInId(id) if id == "a\0b"),
            "{err}"
        );
        assert!(err.to_string().contains("zero byte"), "{err}");
    }

    #[test]
    fn rejects_duplicate_ids() {
        let mut b = ListBuilder::new(SketchSize::LIST);
        b.add(doc("x", "S", "one text")).unwrap();
        assert!(matches!(
            b.add(doc("x", "S", "another")),
            Err(BuildError::DuplicateId(_))
        ));
    }
}
