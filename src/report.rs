//! The report: the stable JSON contract shared by the CLI (`check --json`), the extension and the
//! educator page. Fields are only ever added, never renamed or removed, within a major version.
//!
//! ```json
//! {"id": "case-1",                      // only when the input had one (check --jsonl)
//!  "verdict": "partial",                // the best candidate's relation, or "none"
//!  "best": {...} | null,                // = candidates[0]
//!  "candidates": [{"id","source","title","url","published","score","relation",
//!                  "page_coverage","original_coverage","credited", "near_duplicate", "lang",
//!                  "evidence": {"phrases","vocabulary","terms","anchors","order","sentences",
//!                               "page_sentences"}}],   // ≤ 5, best first
//!  "passages": [{"start","end","original_id","kind"}],   // character offsets into the input; kind exact|reworded
//!  "credits": ["Reuters"],              // wire agencies the page credits
//!  "lang": "en",                        // language the page was read as
//!  "stats": {"words", "millis", "truncated"}}
//! ```

use serde::{Deserialize, Serialize};

/// Rewrites byte offsets into `text` (at char boundaries) as offsets in Unicode characters, the
/// unit of the report's `start` and `end` (what Python indexes by; JavaScript converts with
/// `Array.from(text)`).
pub fn bytes_to_chars(text: &str, mut offsets: Vec<&mut usize>) {
    offsets.sort_by_key(|o| **o);
    let mut chars = 0usize;
    let mut byte = 0usize;
    let mut it = text.chars();
    for o in offsets {
        while byte < *o {
            match it.next() {
                Some(c) => {
                    byte += c.len_utf8();
                    chars += 1;
                }
                None => break,
            }
        }
        *o = chars;
    }
}

/// How a page relates to an original.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Hash)]
#[serde(rename_all = "lowercase")]
pub enum Relation {
    /// Copied whole or nearly word for word.
    Verbatim,
    /// Part of the page is copied from the original, in sentences found word for word; the rest
    /// is other text.
    Partial,
    /// Derived but reworded: spun, paraphrased, or machine-translated and back. Phrases of a few
    /// words may survive, whole sentences hardly.
    Rewritten,
    /// Derived, in another language than the original.
    Translated,
    /// About the same event (shared facts, names or quotes) but not derived: a score of at least
    /// [`crate::score::RELATED`] and shared terms, names or wording.
    Related,
    /// Not derived, and not shown to be the same story: what is shared, if anything, is what texts
    /// on other subjects share too.
    None,
}

impl Relation {
    /// Whether the relation says the page derives from the original.
    pub fn is_derived(self) -> bool {
        matches!(
            self,
            Relation::Verbatim | Relation::Partial | Relation::Rewritten | Relation::Translated
        )
    }

    /// The relation's name as it appears in JSON.
    pub fn as_str(self) -> &'static str {
        match self {
            Relation::Verbatim => "verbatim",
            Relation::Partial => "partial",
            Relation::Rewritten => "rewritten",
            Relation::Translated => "translated",
            Relation::Related => "related",
            Relation::None => "none",
        }
    }
}

/// What the score of a candidate is made of, each in [0, 1]: the explanation shown to readers.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize, Default)]
pub struct Evidence {
    /// Share of the page's three-word phrases (outside quotes) found in the original.
    pub phrases: f64,
    /// Share of the page's content words found in the original.
    pub vocabulary: f64,
    /// Share of the original's characteristic words found in the page (idf-weighted).
    pub terms: f64,
    /// Share of the original's names and numbers found in the page (idf-weighted), of the few
    /// its index entries hold.
    pub anchors: f64,
    /// Share of all the original's names, numbers and dates found in the page (its stored
    /// vocabulary holds them all; shrunk when it has few): what a translation carries over, and
    /// what the score of a page in another language reads. Absent (0) in reports before it
    /// existed.
    #[serde(default)]
    pub names: f64,
    /// How consistently the shared evidence appears in the same order in both (0.5 = no order).
    pub order: f64,
    /// Share of the original's words that the page reproduces in sentences found whole in it
    /// (every content word of a sentence of six or more): copied wording, even when the page
    /// copies a few paragraphs into a story of its own. Absent (0) in reports before it existed.
    #[serde(default)]
    pub sentences: f64,
    /// Share of the page's words that stand in its sentences found whole in the original (of
    /// the sentences long enough to be tested): the same copied wording from the page's side,
    /// most of a page copied word for word however little of the original it holds. Absent (0)
    /// in reports before it existed.
    #[serde(default)]
    pub page_sentences: f64,
}

/// One original a page may derive from.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Candidate {
    /// The original's id in the list.
    pub id: String,
    /// Who published the original.
    pub source: Option<String>,
    /// Its headline.
    pub title: Option<String>,
    /// Its address.
    pub url: Option<String>,
    /// Its date, YYYY-MM-DD.
    pub published: Option<String>,
    /// How likely the page derives from this original, in [0, 1] (calibrated; 0.5 decides).
    pub score: f64,
    /// The kind of relation.
    pub relation: Relation,
    /// Share of the page found in the original: of its phrases among the original's sampled
    /// ones, or, where the page holds too few phrases the sample could hold (a short page), that
    /// share filled up with the share of its sentences found whole (`evidence.phrases` keeps the
    /// phrases' share alone).
    pub page_coverage: f64,
    /// Share of the original reused in the page: of its sampled phrases found in the page, or,
    /// where more, of its words in page sentences found whole (`evidence.sentences`).
    pub original_coverage: f64,
    /// Whether the page names the original's source.
    pub credited: bool,
    /// Whether the page is a near-exact duplicate of the original (SimHash within 3 bits).
    pub near_duplicate: bool,
    /// The original's language.
    pub lang: String,
    /// The parts of the score.
    pub evidence: Evidence,
}

/// How a passage was reused.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum PassageKind {
    /// Copied word for word.
    Exact,
    /// Same content in other words.
    Reworded,
}

/// A reused span of the page.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Passage {
    /// Offset of the span's start in the checked text, in Unicode characters.
    pub start: usize,
    /// Offset just past its end, in Unicode characters.
    pub end: usize,
    /// The original it comes from.
    pub original_id: String,
    /// How it was reused.
    pub kind: PassageKind,
}

/// Figures about the check itself.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
pub struct Stats {
    /// Words read on the page (all words, including furniture and quotes).
    pub words: usize,
    /// Words of the article itself: all but those of site furniture (navigation, bylines, share
    /// and subscribe lines, captions' credits), which a web page's extracted text still holds.
    #[serde(default)]
    pub article_words: usize,
    /// Time the check took, in milliseconds (0 when the caller did not time it).
    pub millis: f64,
    /// Whether the page was longer than the engine reads and only its start was checked.
    pub truncated: bool,
}

/// The answer to "where does this page come from?".
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Report {
    /// The case's id, when the input carried one.
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub id: Option<String>,
    /// The best candidate's relation, or `none`.
    pub verdict: Relation,
    /// The best candidate.
    pub best: Option<Candidate>,
    /// Up to five candidates, best first.
    pub candidates: Vec<Candidate>,
    /// The page's reused spans.
    pub passages: Vec<Passage>,
    /// Wire agencies the page credits.
    pub credits: Vec<String>,
    /// The language the page was read as ("" when unknown).
    pub lang: String,
    /// Whether the page is short ([`SHORT_PAGE_WORDS`]) and called derived with no passage
    /// copied word for word: a verdict that rests on the words shared, which an honest report of
    /// the same event this short shares too. The popup, the educator page and the readable report
    /// say so beside the verdict.
    #[serde(default)]
    pub rests_on_words_alone: bool,
    /// Figures about the check.
    pub stats: Stats,
}

/// Pages of fewer words than this, site furniture left out ([`Stats::article_words`]), are short:
/// a news brief, a standfirst, a paragraph or two. At this length an honest report of the same
/// event holds the original's words as densely as a rewrite does: of the public sets' cases cut to
/// their first sentences (`tools/leads_set.py`), 30 to 40 % of the honest ones under 160 words are
/// called copies, against 5 to 7 % of whole ones (docs/accuracy.md, "Short pages"). No score tells
/// the two apart there, so a report says where a verdict rests on words alone
/// ([`Report::rests_on_words_alone`]).
pub const SHORT_PAGE_WORDS: usize = 150;

impl Report {
    /// Sets [`Report::rests_on_words_alone`] from the verdict, the page's length and its
    /// passages, once they are all in the report.
    pub(crate) fn weigh_length(&mut self) {
        let exact = self.passages.iter().any(|p| p.kind == PassageKind::Exact);
        self.weigh_length_given(exact);
    }

    /// Sets [`Report::rests_on_words_alone`] from the verdict, the page's length and whether a
    /// passage was found copied word for word (`exact`), for a caller that shows passages of
    /// its own ([`crate::compare`]).
    pub(crate) fn weigh_length_given(&mut self, exact: bool) {
        self.rests_on_words_alone =
            self.verdict.is_derived() && self.stats.article_words < SHORT_PAGE_WORDS && !exact;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_short_page_called_derived_on_words_alone_says_so() {
        let list = crate::list::build::build(
            [crate::list::OriginalDoc {
                id: "demo".into(),
                text: crate::matching::tests::demo_text(),
                ..Default::default()
            }],
            crate::fingerprint::SketchSize::LIST,
        )
        .unwrap();
        let short = crate::matching::check(&list, crate::matching::tests::BRIEF, None);
        assert!(short.verdict.is_derived(), "{:?}", short.verdict);
        assert!(short.rests_on_words_alone);
        // The story itself, copied: long, and with exact passages.
        let copy = crate::matching::check(&list, &crate::matching::tests::demo_text(), None);
        assert!(copy.verdict.is_derived() && !copy.rests_on_words_alone);
        // Cut to its first two paragraphs, it is short but copied word for word.
        let lead: String = crate::matching::tests::demo_text()
            .split("\n\n")
            .take(2)
            .collect::<Vec<_>>()
            .join("\n\n");
        let lead = crate::matching::check(&list, &lead, None);
        assert!(lead.stats.article_words < SHORT_PAGE_WORDS && !lead.rests_on_words_alone);
    }

    #[test]
    fn byte_offsets_become_char_offsets() {
        let text = "Né à Москва: 3,500.";
        let (mut a, mut b) = (text.find("Москва").unwrap(), text.find(':').unwrap());
        bytes_to_chars(text, vec![&mut b, &mut a]);
        assert_eq!((a, b), (5, 11));
        let chars: Vec<char> = text.chars().collect();
        assert_eq!(chars[a..b].iter().collect::<String>(), "Москва");
    }
}
