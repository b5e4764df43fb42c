//! Two texts side by side: the educator page's view and `provenance compare`.
//!
//! The score and relation come from the ordinary matcher, with the second text as a one-original
//! list whose shingles are all kept ([`SketchSize::FULL`]), so a score means the same here as in a
//! check against a list. Since both texts are at hand, the passages are exact on both sides:
//!
//! * **exact** passages are maximal runs of shared three-word phrases that advance together in
//!   both texts, each linked to its counterpart by a shared `link` number;
//! * **reworded** passages are sentences aligned by the overlap of their stemmed content words
//!   (Dice ≥ [`ALIGN_MIN`]) that no exact run already explains.

use std::collections::{HashMap, HashSet};

use serde::Serialize;

use crate::fingerprint::{DocFeatures, SketchSize, SHINGLE_WORDS};
use crate::list::build::{prepare_analysed, ListBuilder, OriginalDoc};
use crate::list::{Background, List, Record};
use crate::matching::{check_page, Page};
use crate::report::{bytes_to_chars, PassageKind, Report};
use crate::text::{analyze, lang, Analysis};

/// Least Dice overlap of content words for two sentences to be aligned.
pub const ALIGN_MIN: f64 = 0.3;
/// Sentences considered per text for alignment (bounds the quadratic step on huge inputs).
const ALIGN_MAX_SENTENCES: usize = 600;

/// A passage of one of the two texts, linked to its counterpart in the other.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct LinkedPassage {
    /// Offset of the start, in Unicode characters.
    pub start: usize,
    /// Offset just past the end, in Unicode characters.
    pub end: usize,
    /// How it was reused.
    pub kind: PassageKind,
    /// Passages of the two texts with the same link are counterparts.
    pub link: usize,
}

/// One aligned pair of sentences.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct AlignedSentence {
    /// Character range of the page's sentence.
    pub page: (usize, usize),
    /// Character range of the original's sentence.
    pub original: (usize, usize),
    /// Dice overlap of their content words.
    pub similarity: f64,
    /// Whether an exact run joins them (else they are reworded).
    pub kind: PassageKind,
}

/// The result of comparing a page with one original.
#[derive(Debug, Clone, Serialize)]
pub struct Comparison {
    /// The check of the page against the original (candidate id "original").
    pub report: Report,
    /// Reused passages of the page.
    pub page_passages: Vec<LinkedPassage>,
    /// The matching passages of the original.
    pub original_passages: Vec<LinkedPassage>,
    /// The sentence alignment, in page order.
    pub alignment: Vec<AlignedSentence>,
}

/// Compares `page` with `original`. The original's words are weighed by their idf among the
/// originals of `background` in its language (normally the bundled list; see [`Background`]):
/// alone, a text has no other to tell its characteristic words from its topic's. An original of
/// the background that is a near duplicate of `original` (SimHash within 3 bits) is left out of
/// the counts, so that a text compared with itself is not counted twice.
pub fn compare(page: &str, original: &str, background: Option<&List>) -> Comparison {
    let o = analyze(original, None);
    let of = DocFeatures::new(&o);
    let doc = OriginalDoc {
        id: "original".into(),
        ..Default::default()
    };
    let prepared = prepare_analysed(doc, o.lang, of.clone(), SketchSize::FULL);
    let mut builder = ListBuilder::new(SketchSize::FULL);
    if let Some(list) = background {
        let same_text =
            |r: &Record| of.words > 0 && r.words > 0 && (r.simhash ^ of.simhash).count_ones() <= 3;
        let keys = prepared.candidate_keys();
        let counts = Background::count(list, lang::code_index(o.lang), &keys, same_text);
        builder = builder.with_background(counts);
    }
    let list = builder
        .push(prepared)
        .map_or_else(|_| List::default(), |()| builder.finish());
    let p = Page::new(page, None);
    let report = check_page(&list, &p);
    let runs = exact_runs(&p.features, &of);
    let mut page_passages = Vec::new();
    let mut original_passages = Vec::new();
    for (link, r) in runs.iter().enumerate() {
        let (ps, pe) = token_bytes(&p.analysis, r.page.0, r.page.1);
        let (os, oe) = token_bytes(&o, r.original.0, r.original.1);
        page_passages.push(LinkedPassage {
            start: ps,
            end: pe,
            kind: PassageKind::Exact,
            link,
        });
        original_passages.push(LinkedPassage {
            start: os,
            end: oe,
            kind: PassageKind::Exact,
            link,
        });
    }
    let alignment = align(&p.analysis, &o, &runs);
    let mut link = runs.len();
    for a in &alignment {
        if a.kind == PassageKind::Reworded {
            page_passages.push(LinkedPassage {
                start: a.page.0,
                end: a.page.1,
                kind: PassageKind::Reworded,
                link,
            });
            original_passages.push(LinkedPassage {
                start: a.original.0,
                end: a.original.1,
                kind: PassageKind::Reworded,
                link,
            });
            link += 1;
        }
    }
    page_passages.sort_by_key(|x| (x.start, x.end));
    original_passages.sort_by_key(|x| (x.start, x.end));
    let mut alignment = alignment;
    // Everything above is in bytes; the report speaks in characters.
    bytes_to_chars(
        page,
        page_passages
            .iter_mut()
            .flat_map(|p| [&mut p.start, &mut p.end])
            .chain(
                alignment
                    .iter_mut()
                    .flat_map(|a| [&mut a.page.0, &mut a.page.1]),
            )
            .collect(),
    );
    bytes_to_chars(
        original,
        original_passages
            .iter_mut()
            .flat_map(|p| [&mut p.start, &mut p.end])
            .chain(
                alignment
                    .iter_mut()
                    .flat_map(|a| [&mut a.original.0, &mut a.original.1]),
            )
            .collect(),
    );
    Comparison {
        report,
        page_passages,
        original_passages,
        alignment,
    }
}

/// A run of shared phrases: inclusive token ranges in both texts.
#[derive(Debug, Clone, Copy)]
struct Run {
    page: (u32, u32),
    original: (u32, u32),
}

/// Maximal runs of shared shingles advancing in step in both texts, of at least two shingles
/// (four words) so that a stray common phrase is not shown as copying.
fn exact_runs(page: &DocFeatures, original: &DocFeatures) -> Vec<Run> {
    let at: HashMap<u32, u32> = original.shingles.iter().map(|s| (s.key, s.pos)).collect();
    let mut pairs: Vec<(u32, u32)> = page
        .shingles
        .iter()
        .filter_map(|s| at.get(&s.key).map(|&o| (s.pos, o)))
        .collect();
    pairs.sort_unstable();
    let last = SHINGLE_WORDS as u32 - 1;
    let mut runs: Vec<(Run, u32)> = Vec::new();
    for (pp, op) in pairs {
        if let Some((r, n)) = runs.last_mut() {
            let (dp, dop) = (
                pp.wrapping_sub(r.page.1 - last),
                op.wrapping_sub(r.original.1 - last),
            );
            if dp == dop && dp >= 1 && dp <= SHINGLE_WORDS as u32 {
                r.page.1 = pp + last;
                r.original.1 = op + last;
                *n += 1;
                continue;
            }
        }
        runs.push((
            Run {
                page: (pp, pp + last),
                original: (op, op + last),
            },
            1,
        ));
    }
    runs.into_iter()
        .filter(|(_, n)| *n >= 2)
        .map(|(r, _)| r)
        .collect()
}

/// The byte range in `a`'s text from token `first` to token `last` (both cut to the last token).
fn token_bytes(a: &Analysis, first: u32, last: u32) -> (usize, usize) {
    let n = a.tokens.len();
    if n == 0 {
        return (0, 0);
    }
    let f = &a.tokens[(first as usize).min(n - 1)];
    let l = &a.tokens[(last as usize).min(n - 1)];
    (f.start as usize, l.end as usize)
}

/// A sentence's content words, byte range and inclusive token range.
type SentenceInfo = (HashSet<u64>, (usize, usize), (u32, u32));

/// Content-word sets and byte ranges of a text's sentences.
fn sentences(a: &Analysis) -> Vec<SentenceInfo> {
    let mut out: Vec<SentenceInfo> = Vec::new();
    for (i, t) in a.tokens.iter().enumerate() {
        let s = t.sentence as usize;
        if s >= ALIGN_MAX_SENTENCES {
            break;
        }
        while out.len() <= s {
            out.push((
                HashSet::new(),
                (t.start as usize, t.end as usize),
                (i as u32, i as u32),
            ));
        }
        let e = &mut out[s];
        e.1 .1 = t.end as usize;
        e.2 .1 = i as u32;
        if t.is_content() && t.flags & crate::text::FURNITURE == 0 {
            e.0.insert(t.stem);
        }
    }
    out
}

/// Aligns each page sentence with its most similar original sentence.
fn align(page: &Analysis, original: &Analysis, runs: &[Run]) -> Vec<AlignedSentence> {
    let ps = sentences(page);
    let os = sentences(original);
    let mut out = Vec::new();
    for (pset, prange, ptok) in &ps {
        if pset.len() < 2 {
            continue;
        }
        let best = os
            .iter()
            .filter(|(oset, _, _)| oset.len() >= 2)
            .map(|(oset, orange, otok)| {
                let shared = pset.intersection(oset).count();
                (
                    2.0 * shared as f64 / (pset.len() + oset.len()) as f64,
                    orange,
                    otok,
                )
            })
            .max_by(|a, b| a.0.total_cmp(&b.0));
        if let Some((sim, orange, otok)) = best {
            if sim >= ALIGN_MIN {
                let joined = runs.iter().any(|r| {
                    r.page.0 <= ptok.1
                        && r.page.1 >= ptok.0
                        && r.original.0 <= otok.1
                        && r.original.1 >= otok.0
                });
                out.push(AlignedSentence {
                    page: *prange,
                    original: *orange,
                    similarity: (sim * 1000.0).round() / 1000.0,
                    kind: if joined {
                        PassageKind::Exact
                    } else {
                        PassageKind::Reworded
                    },
                });
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    const ORIGINAL: &str = "The harbour authority said on Monday that the northern pier will close for repairs until \
        the end of March. Inspectors found deep cracks in its concrete supports during a routine check last week. \
        Ferry services will move to the southern terminal while the work goes on.";

    #[test]
    fn verbatim_copy_links_exact_runs() {
        let page = format!("Local news\n{ORIGINAL}\nComments are closed.");
        let c = compare(&page, ORIGINAL, None);
        assert!(c.report.verdict.is_derived(), "{:?}", c.report.verdict);
        assert!(!c.page_passages.is_empty());
        assert_eq!(c.page_passages.len(), c.original_passages.len());
        for p in &c.page_passages {
            let q = c
                .original_passages
                .iter()
                .find(|q| q.link == p.link)
                .unwrap();
            if p.kind == PassageKind::Exact {
                let cut =
                    |t: &str, a: usize, b: usize| t.chars().skip(a).take(b - a).collect::<String>();
                assert_eq!(cut(&page, p.start, p.end), cut(ORIGINAL, q.start, q.end));
            }
        }
    }

    #[test]
    fn reworded_sentences_align() {
        let page = "Repairs will shut the northern pier until the end of March, the harbour authority announced Monday. \
            A routine inspection last week discovered deep cracks in the concrete supports.";
        let c = compare(page, ORIGINAL, None);
        assert!(c.alignment.len() >= 2);
        assert!(c
            .page_passages
            .iter()
            .any(|p| p.kind == PassageKind::Reworded));
    }

    #[test]
    fn unrelated_texts_share_nothing() {
        let c = compare(
            "Bananas are rich in potassium and make a quick breakfast.",
            ORIGINAL,
            None,
        );
        assert!(!c.report.verdict.is_derived());
        assert!(c.page_passages.is_empty() && c.alignment.is_empty());
        let empty = compare("", "", None);
        assert!(empty.report.best.is_none());
    }

    /// Thirty made-up harbour stories: the topic's words in every one ("harbour", "pier",
    /// "ferry", "authority", "repairs"), and each its own place, month and cause.
    fn harbour_stories() -> Vec<OriginalDoc> {
        let places = ["Alder", "Brook", "Cove", "Dunmore", "Elm", "Fenwick"];
        let months = ["January", "April", "June", "August", "October"];
        let causes = [
            "storm damage to the railings",
            "a leaking fuel line",
            "rotten timber decking",
            "subsidence under the ramp",
            "a broken mooring winch",
        ];
        (0..30)
            .map(|i| OriginalDoc {
                id: format!("b{i}"),
                lang: Some("en".into()),
                text: format!(
                    "The harbour authority in {} said the pier would close for repairs in {} \
                     after {}. Ferry passengers were told to use another landing while the \
                     repairs went on.",
                    places[i % places.len()],
                    months[i % months.len()],
                    causes[i % causes.len()],
                ),
                ..Default::default()
            })
            .collect()
    }

    fn list_of(docs: Vec<OriginalDoc>) -> List {
        crate::list::build::build(docs, SketchSize::LIST).unwrap()
    }

    #[test]
    fn a_background_weighs_an_honest_report_on_the_topic_down_and_a_copy_not() {
        // The same closure, told in other words: it shares the topic's words with the original,
        // not its own.
        let honest = "Ferry passengers face weeks of disruption. The harbour authority is closing \
            the northern pier, and boats will leave from the southern terminal instead. An \
            authority spokesman would not say what the repairs will cost.";
        let background = list_of(harbour_stories());
        let alone = compare(honest, ORIGINAL, None).report.best.unwrap();
        let weighed = compare(honest, ORIGINAL, Some(&background))
            .report
            .best
            .unwrap();
        assert!(weighed.score < alone.score, "{weighed:?} against {alone:?}");
        assert!(weighed.evidence.terms < alone.evidence.terms);
        // A copy is still a copy.
        let copy = format!("Local news\n{ORIGINAL}");
        let c = compare(&copy, ORIGINAL, Some(&background));
        assert!(c.report.verdict.is_derived(), "{:?}", c.report.verdict);
        // A background that holds the original itself weighs its words as one without it does.
        let mut with_it = harbour_stories();
        with_it.push(OriginalDoc {
            id: "the original".into(),
            lang: Some("en".into()),
            text: ORIGINAL.into(),
            ..Default::default()
        });
        let with_it = list_of(with_it);
        let weighed_with_it = compare(honest, ORIGINAL, Some(&with_it))
            .report
            .best
            .unwrap();
        assert_eq!(weighed_with_it.evidence, weighed.evidence);
    }
}
