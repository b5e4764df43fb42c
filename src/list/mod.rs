//! Lists of known originals: building them, holding them, looking features up in them.
//!
//! A [`List`] is an inverted index from feature keys to the originals that have them, plus a small
//! fixed record and the metadata (id, source, title, url, published date) of each original. It
//! holds no text: a list can be shared without sharing anyone's articles. Its file format is
//! described in [`mod@format`] and `FORMAT.md`.
//!
//! Keys are kept truncated to `bucket_bits + 10` bits (18 to 26): the top `bucket_bits` select
//! a bucket through an offset table, the next 10 are kept per entry and binary-searched within
//! the bucket. The table is sized so that buckets hold about 32 entries
//! ([`format::BUCKET_ENTRIES`]), which makes a lookup a table read plus a few comparisons. (Twelve
//! and sixteen kept bits gave the same results on the public sets; see
//! [`format::RESIDUAL_BITS`].)
//! Files store the sorted keys as Rice-coded gaps and build the table when they are read, so a
//! stored feature costs, with the original's index and the feature's position, under three bytes.

pub mod background;
mod bits;
pub mod build;
pub mod cm;
pub mod format;
pub mod meta;
pub mod ribbon;

pub use background::Background;
pub use build::{prepare, prepare_salted, ListBuilder, OriginalDoc, Prepared};

use crate::fingerprint::Kind;

/// The fixed record of one original: what scoring needs besides the index.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct Record {
    /// SimHash of the original's evidence words.
    pub simhash: u64,
    /// Every shingle key of the original at or below this is in the index (the low 16 bits are
    /// always set: lists store the top 16).
    pub tau: u32,
    /// Evidence words in the original (saturating at 65,535).
    pub words: u32,
    /// Sum of the idf of the original's stored terms.
    pub term_weight: f32,
    /// Sum of the idf of the original's stored anchors.
    pub anchor_weight: f32,
    /// Number of stored shingles, terms and anchors, by [`crate::fingerprint::Kind`].
    pub counts: [u8; 3],
    /// Index of the original's language in [`crate::text::lang::CODES`].
    pub lang: u8,
    /// Number of words in the vocabulary's filter: the vocabulary but the words its index entries
    /// hold (see [`List::vocabulary`]).
    pub vocab_words: u16,
    /// Slots of the vocabulary's filter ([`ribbon`]).
    pub vocab_slots: u16,
    /// Every content-word and anchor key of the original at or below this is in its vocabulary
    /// (low 16 bits always set in lists read from files).
    pub vocab_tau: u32,
    /// How many of the vocabulary's words are anchors (in its filter or its index entries).
    pub vocab_anchors: u16,
}

/// Metadata of one original, borrowed from its list.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Meta<'a> {
    /// The original's id, unique in its list.
    pub id: &'a str,
    /// Who published it ("Reuters").
    pub source: Option<&'a str>,
    /// Its headline.
    pub title: Option<&'a str>,
    /// Where it was published.
    pub url: Option<&'a str>,
    /// When, as YYYY-MM-DD.
    pub published: Option<&'a str>,
}

/// A list of originals, ready for matching.
#[derive(Debug, Clone, Default)]
pub struct List {
    pub(crate) records: Vec<Record>,
    pub(crate) bucket_bits: u8,
    pub(crate) buckets: Vec<u32>,
    pub(crate) residuals: Vec<u16>,
    pub(crate) postings: Vec<u32>,
    pub(crate) meta: meta::MetaBlocks,
    pub(crate) sketch_size: [u8; 3],
    pub(crate) vocab: Vec<u8>,
    pub(crate) vocab_offsets: Vec<u32>,
    /// The salt number of the vocabularies' filters ([`ribbon::salt`]): 0 but in lists built to
    /// measure chance (`provenance eval --salts`).
    pub(crate) filter_salt: u8,
    /// How many originals the list holds of each language (by [`Record::lang`]), for idf.
    pub(crate) by_lang: Vec<u32>,
    /// Document frequencies borrowed from a larger list ([`ListBuilder::with_background`]); never
    /// stored in a file.
    pub(crate) background: Option<Background>,
}

/// How many of `records` there are of each language, indexed by [`Record::lang`].
pub(crate) fn originals_by_lang(records: &[Record]) -> Vec<u32> {
    count_by_lang(records.iter().map(|r| r.lang))
}

/// How many of `langs` (language indexes, as [`Record::lang`]) there are of each, indexed by it.
pub(crate) fn count_by_lang(langs: impl IntoIterator<Item = u8>) -> Vec<u32> {
    let mut counts = vec![0u32; 256];
    for lang in langs {
        counts[usize::from(lang)] += 1;
    }
    counts
}

/// One posting: which original has a feature, and where in it (0-255).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Posting {
    /// Index of the original in its list.
    pub original: u32,
    /// Relative position of the feature in the original.
    pub pos: u8,
}

impl List {
    /// Number of originals.
    pub fn len(&self) -> usize {
        self.records.len()
    }

    /// Whether the list holds no originals.
    pub fn is_empty(&self) -> bool {
        self.records.is_empty()
    }

    /// Number of stored features (index entries).
    pub fn entries(&self) -> usize {
        self.postings.len()
    }

    /// The record of original `i`.
    pub fn record(&self, i: usize) -> &Record {
        &self.records[i]
    }

    /// The metadata of original `i`. Its block is decoded on first use (see [`meta`]); an
    /// original whose block is damaged (only possible in a crafted file, which passed the
    /// checksums) has an empty id and nothing else.
    pub fn meta(&self, i: usize) -> Meta<'_> {
        self.meta.get(i).unwrap_or(Meta {
            id: "",
            source: None,
            title: None,
            url: None,
            published: None,
        })
    }

    /// Decodes the metadata of `originals` ahead of [`List::meta`] asking for it one original at
    /// a time: their blocks are decoded at once, on all cores natively.
    pub fn decode_meta_of(&self, originals: impl Iterator<Item = usize>) {
        self.meta.decode_blocks_of(originals);
    }

    /// The filter of original `i`'s stored vocabulary: its content-word and anchor keys at or below
    /// `record(i).vocab_tau`, but those of its own index entries that a check looks up (held by at
    /// most [`crate::matching::max_df`] originals), which a check finds in the index, exactly;
    /// empty (holding nothing) if `i` is out of range.
    pub fn vocabulary(&self, i: usize) -> ribbon::Filter<'_> {
        let empty = ribbon::Filter::new(&[], 0).expect("an empty filter is valid");
        let (Some(&start), Some(&end), Some(r)) = (
            self.vocab_offsets.get(i),
            self.vocab_offsets.get(i + 1),
            self.records.get(i),
        ) else {
            return empty;
        };
        self.vocab
            .get(start as usize..end as usize)
            .and_then(|bytes| ribbon::Filter::new(bytes, usize::from(r.vocab_slots)))
            .map_or(empty, |f| f.salted(ribbon::salt(self.filter_salt)))
    }

    /// Index of the original with `id`, if any.
    pub fn find(&self, id: &str) -> Option<usize> {
        (0..self.len()).find(|&i| self.meta(i).id == id)
    }

    /// How far a 32-bit key is shifted right to the bits the index keeps of it.
    fn key_shift(&self) -> u32 {
        32u32.saturating_sub(u32::from(self.bucket_bits) + format::RESIDUAL_BITS)
    }

    /// The originals holding feature `key` (keys are namespaced by kind, see [`crate::fingerprint::Kind`]).
    pub fn lookup(&self, key: u32) -> impl ExactSizeIterator<Item = Posting> + Clone + '_ {
        let tk = key >> self.key_shift();
        let bucket = (tk >> format::RESIDUAL_BITS) as usize;
        let residual = (tk & format::RESIDUAL_MASK) as u16;
        let (lo, hi) = match (self.buckets.get(bucket), self.buckets.get(bucket + 1)) {
            (Some(&lo), Some(&hi)) => (lo as usize, hi as usize),
            _ => (0, 0),
        };
        let slice = self.residuals.get(lo..hi).unwrap_or(&[]);
        let from = slice.partition_point(|&r| r < residual);
        let to = slice.partition_point(|&r| r <= residual);
        self.postings[lo + from..lo + to].iter().map(|&p| Posting {
            original: p >> 8,
            pos: p as u8,
        })
    }

    /// Whether `a` and `b` are the same key once truncated as this list stores keys.
    pub fn same_key(&self, a: u32, b: u32) -> bool {
        a >> self.key_shift() == b >> self.key_shift()
    }

    /// The inverse document frequency of a feature of kind `kind` of original `original`, held
    /// by `df` of the originals it is counted among ([`counted_across_languages`]): those of the
    /// original's language for a term, all of the list's for an anchor.
    pub fn idf(&self, kind: Kind, original: usize, df: usize) -> f32 {
        let lang = self.lang_of(original);
        let borrowed = self.background.as_ref().map_or(0, |b| b.originals_in(lang));
        let n = if counted_across_languages(kind) {
            self.len() as u32
        } else {
            self.by_lang.get(usize::from(lang)).copied().unwrap_or(0)
        };
        idf_among(n + borrowed, df)
    }

    /// How many originals hold feature `key` of original `original`, for idf: `held`, the
    /// originals of this list that do, plus those of its background ([`Background`]) in the
    /// original's language.
    pub(crate) fn df_of(&self, original: usize, key: u32, held: usize) -> usize {
        match &self.background {
            None => held,
            Some(b) => held + b.df_in(self.lang_of(original), key) as usize,
        }
    }

    /// The language of original `original` ([`Record::lang`]; 0, unknown, out of range).
    fn lang_of(&self, original: usize) -> u8 {
        self.records.get(original).map_or(0, |r| r.lang)
    }

    /// Each language the list's originals are in, as its code (`text::lang::CODES`; empty for
    /// unknown), with how many originals it has.
    pub fn languages(&self) -> impl Iterator<Item = (&'static str, u32)> + '_ {
        self.by_lang
            .iter()
            .enumerate()
            .filter(|&(_, &n)| n > 0)
            .map(|(lang, &n)| (crate::text::lang::code_at(lang as u8), n))
    }

    /// Sketch sizes (shingles, terms, anchors) the list was built with.
    pub fn sketch_size(&self) -> [u8; 3] {
        self.sketch_size
    }
}

/// Whether features of `kind` are counted, for document frequency and idf, among all of a list's
/// originals rather than among those of their original's language. An anchor (a number, a name, a
/// date) is written alike in many languages and carries over into translations: a page meets it
/// in originals of every language, so its rarity is its rarity among all of them. A term (a
/// stemmed content word) belongs to its language: a loanword, or another language's word spelled
/// the same, says nothing of how rare it is among the originals of its own.
pub fn counted_across_languages(kind: Kind) -> bool {
    kind == Kind::Anchor
}

/// Inverse document frequency of a feature held by `df` of `n` documents: `ln(1 + n / df)`.
pub fn idf(n: usize, df: usize) -> f32 {
    (1.0 + n as f32 / df.max(1) as f32).ln()
}

/// [`idf`] with `n` the originals the feature is counted among, `n_lang` (for a term, those of
/// its language; see [`counted_across_languages`]): words belong to a language, and among the
/// originals of theirs a word is rare or common. Over a whole list that
/// also holds 20,000 English originals, `ln(1 + n / df)` rates every Urdu word rare and weighs
/// a common one like a name (counter-public's right original came first for 0.933 of its copies
/// with such a list, against 0.952 alone).
pub fn idf_among(n_lang: u32, df: usize) -> f32 {
    idf(n_lang.max(1) as usize, df)
}
