//! Two texts side by side: the educator page's view and `provenance compare`.
//!
//! The score and relation come from the ordinary matcher, with the second text as a one-original
//! list whose shingles are all kept ([`SketchSize::FULL`]), so a score means the same here as in a
//! check against a list. Since both texts are at hand, the passages are exact on both sides:
//!
//! * **exact** passages are maximal runs of shared three-word phrases (quotations included) that
//!   advance together in both texts, each linked to its counterpart by a shared `link` number;
//! * **reworded** passages are sentences aligned by the overlap of their words (stemmed content
//!   words, names and numbers in their cross-language form; Dice ≥ [`ALIGN_MIN`]), and by their
//!   places between sentences so aligned (a translation's in the order of the original's), that
//!   no exact run already explains, in a derived page only: two reports of one event align
//!   sentence by sentence on their shared names and facts too.

use std::collections::HashSet;

use serde::Serialize;

use crate::fingerprint::{DocFeatures, SketchSize, SHINGLE_WORDS};
use crate::hash::{combine, HashMap64};
use crate::list::build::{prepare_analysed, ListBuilder, OriginalDoc};
use crate::list::{Background, List, Record};
use crate::matching::{check_page, Page};
use crate::report::{bytes_to_chars, PassageKind, Relation, Report};
use crate::text::{analyze, lang, Analysis, CREDIT, FURNITURE};

/// Least Dice overlap of their words (content words, names and numbers) for two sentences to be
/// aligned wherever they stand.
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
    /// Character ranges of the page sentence's names, numbers and dates (in their cross-language
    /// form, [`Token::anchor`](crate::text::Token)) that the original's sentence holds too: all a
    /// translation's sentence shares with the one it translates, and so what shows a reader why
    /// the two stand side by side.
    pub shared: Vec<(usize, usize)>,
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
    let mut report = check_page(&list, &p);
    let runs = exact_runs(&p.analysis, &o);
    // The passages shown are the runs of words the two texts share, not the check's.
    report.weigh_length_given(!runs.is_empty());
    let translated = report
        .best
        .as_ref()
        .is_some_and(|b| b.relation == Relation::Translated);
    let mut alignment = align(&p.analysis, &o, &runs, translated);
    let (mut page_passages, mut original_passages): (Vec<_>, Vec<_>) = runs
        .iter()
        .enumerate()
        .map(|(link, r)| {
            let passage = |(start, end)| LinkedPassage {
                start,
                end,
                kind: PassageKind::Exact,
                link,
            };
            (
                passage(token_bytes(&p.analysis, r.page.0, r.page.1)),
                passage(token_bytes(&o, r.original.0, r.original.1)),
            )
        })
        .unzip();
    // Everything above is in bytes; the report speaks in characters.
    bytes_to_chars(
        page,
        page_passages
            .iter_mut()
            .flat_map(|p| [&mut p.start, &mut p.end])
            .chain(alignment.iter_mut().flat_map(|a| {
                std::iter::once(&mut a.page)
                    .chain(a.shared.iter_mut())
                    .flat_map(|r| [&mut r.0, &mut r.1])
            }))
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
    // Two reports of one event share names, facts and the topic's words sentence by sentence, so
    // the words' overlap alone aligns their sentences as well as a rewrite's: a sentence is shown
    // reworded only in a page derived from the original, as a check draws passages from derived
    // originals only.
    if !report.verdict.is_derived() {
        alignment.retain(|a| a.kind == PassageKind::Exact);
    }
    for (link, a) in
        (runs.len()..).zip(alignment.iter().filter(|a| a.kind == PassageKind::Reworded))
    {
        for (out, (start, end)) in [
            (&mut page_passages, a.page),
            (&mut original_passages, a.original),
        ] {
            out.push(LinkedPassage {
                start,
                end,
                kind: PassageKind::Reworded,
                link,
            });
        }
    }
    page_passages.sort_by_key(|x| (x.start, x.end));
    original_passages.sort_by_key(|x| (x.start, x.end));
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

/// Every run of [`SHINGLE_WORDS`] words of `a` outside site furniture and credits, each as the
/// top half of the hash of their stems above the token index of its first word (one integer, for
/// the sort the engine has already). Unlike a list's shingles, these take in quotations: with both
/// texts at hand, a quotation copied word for word is shown as such.
fn phrases(a: &Analysis) -> Vec<u64> {
    let words: Vec<(u64, u32)> = (0u32..)
        .zip(&a.tokens)
        .filter(|(_, t)| t.flags & (FURNITURE | CREDIT) == 0)
        .map(|(i, t)| (t.stem, i))
        .collect();
    words
        .windows(SHINGLE_WORDS)
        .filter(|w| w[SHINGLE_WORDS - 1].1 - w[0].1 == SHINGLE_WORDS as u32 - 1)
        .map(|w| {
            let stems: [u64; SHINGLE_WORDS] = std::array::from_fn(|j| w[j].0);
            combine(&stems) & !u64::from(u32::MAX) | u64::from(w[0].1)
        })
        .collect()
}

/// Most places a phrase may have in the original to be looked for there: one repeated more often
/// is the text's refrain, not its wording, and each place pairs it with every occurrence on the
/// page.
const PHRASE_PLACES: usize = 8;

/// Maximal runs of shared phrases ([`phrases`]) advancing in step in both texts, of at least two
/// phrases (four words) so that a stray common phrase is not shown as copying. A phrase the
/// original repeats is paired with each of its places there, so a run is found whichever of them
/// it continues; where runs overlap on the page, the longest keeps the words they share.
fn exact_runs(page: &Analysis, original: &Analysis) -> Vec<Run> {
    const PLACE: u64 = u32::MAX as u64;
    // The original's phrases by hash, each with its places in order.
    let mut at = phrases(original);
    at.sort_unstable();
    let places = |h: u64| {
        let from = at.partition_point(|&x| x & !PLACE < h);
        let to = at.partition_point(|&x| x & !PLACE <= h);
        let places = if to - from <= PHRASE_PLACES {
            &at[from..to]
        } else {
            &[]
        };
        places.iter().map(|&x| (x & PLACE) as u32)
    };
    let last = SHINGLE_WORDS as u32 - 1;
    // Runs with how many phrases each holds, and the run still open on each diagonal (a place in
    // the original less a place on the page), which the page's next phrases may continue.
    let mut runs: Vec<(Run, u32)> = Vec::new();
    let mut open: HashMap64<u32> = HashMap64::default();
    for phrase in phrases(page) {
        let pp = (phrase & PLACE) as u32;
        for op in places(phrase & !PLACE) {
            let diagonal = u64::from(op).wrapping_sub(u64::from(pp));
            match open.get(&diagonal).map(|&i| i as usize) {
                // A phrase whose first word is within a phrase's length of the run's last one:
                // the gap, if any, is words left out on both sides alike.
                Some(i) if pp + last - runs[i].0.page.1 <= SHINGLE_WORDS as u32 => {
                    let (r, n) = &mut runs[i];
                    r.page.1 = pp + last;
                    r.original.1 = op + last;
                    *n += 1;
                }
                _ => {
                    open.insert(diagonal, runs.len() as u32);
                    runs.push((
                        Run {
                            page: (pp, pp + last),
                            original: (op, op + last),
                        },
                        1,
                    ));
                }
            }
        }
    }
    // The longest first, of at least two phrases; of runs as long, first the one whose places in
    // the two texts are nearest in proportion to their lengths (a phrase the original repeats is
    // more likely copied from the place that keeps the page's order). Each as these two, then its
    // index, in one integer. Where a run overlaps one kept on the page (a repeated phrase's echo),
    // it keeps only its parts outside, if they are a run's length. Along a run, the original's
    // place is the page's moved by its diagonal.
    let lengths = (
        page.tokens.len().max(1) as f64,
        original.tokens.len().max(1) as f64,
    );
    let mut order: Vec<u64> = (0u64..)
        .zip(&runs)
        .filter(|(_, (_, n))| *n >= 2)
        .map(|(i, (r, n))| {
            let apart =
                (f64::from(r.page.0) / lengths.0 - f64::from(r.original.0) / lengths.1).abs();
            let shorter = u64::from(u16::MAX - (*n).min(u32::from(u16::MAX)) as u16);
            shorter << 48 | ((apart.min(1.0) * f64::from(u16::MAX)) as u64) << 32 | i
        })
        .collect();
    order.sort_unstable();
    let least = SHINGLE_WORDS as u32 + 1;
    let mut taken = vec![false; page.tokens.len()];
    let mut kept: Vec<Run> = Vec::new();
    for i in order {
        let r = runs[(i & PLACE) as usize].0;
        let shift = r.original.0.wrapping_sub(r.page.0);
        let mut from = r.page.0;
        for t in r.page.0..=r.page.1 + 1 {
            if t > r.page.1 || taken[t as usize] {
                if t >= from + least {
                    kept.push(Run {
                        page: (from, t - 1),
                        original: (from.wrapping_add(shift), (t - 1).wrapping_add(shift)),
                    });
                    taken[from as usize..t as usize].fill(true);
                }
                from = t + 1;
            }
        }
    }
    kept
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

/// A sentence as the alignment sees it.
struct Sentence {
    /// The words to align it by ([`sentences`]).
    words: HashSet<u64>,
    /// Its byte range in the text.
    bytes: (usize, usize),
    /// Its inclusive token range.
    tokens: (u32, u32),
    /// How many of its words are not site furniture (a dateline's place and date are).
    length: u32,
}

/// The sentences of a text, with the words to align them by: names, numbers and dates in their
/// cross-language form ([`Token::anchor`](crate::text::Token)), which a translation keeps and
/// other languages spell alike, and the other content words by their stems.
fn sentences(a: &Analysis) -> Vec<Sentence> {
    let mut out: Vec<Sentence> = Vec::new();
    for (i, t) in a.tokens.iter().enumerate() {
        let s = t.sentence as usize;
        if s >= ALIGN_MAX_SENTENCES {
            break;
        }
        while out.len() <= s {
            out.push(Sentence {
                words: HashSet::new(),
                bytes: (t.start as usize, t.end as usize),
                tokens: (i as u32, i as u32),
                length: 0,
            });
        }
        let e = &mut out[s];
        e.bytes.1 = t.end as usize;
        e.tokens.1 = i as u32;
        if t.flags & FURNITURE != 0 {
            continue;
        }
        e.length += 1;
        if t.anchor != 0 {
            e.words.insert(t.anchor);
        } else if t.is_content() {
            e.words.insert(t.stem);
        }
    }
    out
}

/// The Dice overlap of every page sentence's words with every original sentence's (0 where
/// either has none), counted once: every step of the alignment reads it, a translation's for
/// every pair.
struct Overlaps {
    of: Vec<f64>,
    originals: usize,
}

impl Overlaps {
    fn new(ps: &[Sentence], os: &[Sentence]) -> Overlaps {
        let dice = |a: &HashSet<u64>, b: &HashSet<u64>| {
            if a.is_empty() || b.is_empty() {
                return 0.0;
            }
            2.0 * a.intersection(b).count() as f64 / (a.len() + b.len()) as f64
        };
        Overlaps {
            of: ps
                .iter()
                .flat_map(|p| os.iter().map(|o| dice(&p.words, &o.words)))
                .collect(),
            originals: os.len(),
        }
    }

    /// The overlap of page sentence `p` with original sentence `o`.
    fn get(&self, p: usize, o: usize) -> f64 {
        self.of[p * self.originals + o]
    }
}

/// Least Dice overlap for a sentence between two aligned ones, at the place they leave for it in
/// the original, to be aligned there ([`fill_gaps`]).
const GAP_MIN: f64 = 0.1;

/// Aligns the page's sentences with the original's: each with its most similar original sentence
/// where they overlap by [`ALIGN_MIN`] or more, wherever it stands (a rewrite may reorder them);
/// then the sentences between these pairs, by their places: for a page in the original's
/// language by [`fill_gaps`], for a translation (`translated`) by [`align_in_order`].
///
/// Measured against the places a page's sentences really came from (`tools/alignment_vs_truth.py`;
/// docs/accuracy.md, "The sentences of two texts aligned"): of wmt19-public's translations, whose
/// lines are translated one for one, 0.118 of the lines were aligned with their own before these
/// two steps and names and numbers read across languages, 0.935 now (0.989 of the links right);
/// of spun copies (`tools/spun_set.py`, WordNet's first three senses swapped in), 0.727 and 0.881.
fn align(
    page: &Analysis,
    original: &Analysis,
    runs: &[Run],
    translated: bool,
) -> Vec<AlignedSentence> {
    let ps = sentences(page);
    let os = sentences(original);
    let overlaps = Overlaps::new(&ps, &os);
    let mut link: Vec<Option<usize>> = (0..ps.len())
        .map(|i| {
            if ps[i].words.len() < 2 {
                return None;
            }
            os.iter()
                .enumerate()
                .filter(|(_, o)| o.words.len() >= 2)
                .map(|(j, _)| (overlaps.get(i, j), j))
                .max_by(|a, b| a.0.total_cmp(&b.0))
                .filter(|&(sim, _)| sim >= ALIGN_MIN)
                .map(|(_, j)| j)
        })
        .collect();
    if translated {
        align_in_order(&ps, &os, &overlaps, &mut link);
    } else {
        fill_gaps(&ps, &os, &overlaps, &mut link);
    }
    let mut out = Vec::new();
    for (i, j) in link.iter().enumerate() {
        let Some(j) = *j else { continue };
        let (p, o) = (&ps[i], &os[j]);
        let joined = runs.iter().any(|r| {
            r.page.0 <= p.tokens.1
                && r.page.1 >= p.tokens.0
                && r.original.0 <= o.tokens.1
                && r.original.1 >= o.tokens.0
        });
        let tokens = &page.tokens[p.tokens.0 as usize..=p.tokens.1 as usize];
        let shared = tokens
            .iter()
            .filter(|t| t.anchor != 0 && t.flags & FURNITURE == 0 && o.words.contains(&t.anchor))
            .map(|t| (t.start as usize, t.end as usize))
            .collect();
        out.push(AlignedSentence {
            page: p.bytes,
            original: o.bytes,
            similarity: (overlaps.get(i, j) * 1000.0).round() / 1000.0,
            shared,
            kind: if joined {
                PassageKind::Exact
            } else {
                PassageKind::Reworded
            },
        });
    }
    out
}

/// Aligns the sentences that stand between two aligned pairs of a page in the original's
/// language, where as many stand between them in both texts, each with the sentence at its place
/// in the original if they overlap by [`GAP_MIN`] or more. A spinner's synonyms leave a sentence
/// too few of its words to reach [`ALIGN_MIN`], but it stays where it was. Only between pairs:
/// a page's own sentences before or after what it copied share the topic's words with the
/// original's neighbouring ones (in the built sets of copies inside other stories,
/// `tools/embedded_set.py`, no sentence of the host stories is aligned by this step).
fn fill_gaps(ps: &[Sentence], os: &[Sentence], overlaps: &Overlaps, link: &mut [Option<usize>]) {
    let mut i = 0;
    while i < link.len() {
        let Some(a) = link[i] else {
            i += 1;
            continue;
        };
        let k = (i + 1..link.len())
            .find(|&k| link[k].is_some())
            .unwrap_or(link.len());
        if let Some(Some(b)) = link.get(k).copied() {
            if k > i + 1 && b > a && b - a == k - i {
                for (p, o) in (i + 1..k).zip(a + 1..b) {
                    if ps[p].words.len() >= 2
                        && os[o].words.len() >= 2
                        && overlaps.get(p, o) >= GAP_MIN
                    {
                        link[p] = Some(o);
                    }
                }
            }
        }
        i = k;
    }
}

/// Sentences of fewer words (site furniture left out) are not paired by their lengths alone
/// ([`align_in_order`]), and break no run of pairs where one is left out: a dateline, a byline.
const PAIRED_WORDS: u32 = 3;

/// Aligns the sentences of a translation that [`align`] left unaligned in the order of the
/// original's, as translators keep it: the pairs already aligned, and pairs of sentences whose
/// lengths fit, on the best path in order through both texts. A pair is worth its words' overlap
/// plus the ratio of the shorter sentence's length to the longer's, less a half, so that with no
/// name or number shared, a pair is taken only where neither sentence is twice as long as the
/// other (as Gale and Church align translated sentences by length).
///
/// A pair on the path that shares no word is taken only between pairs that share some, or
/// between one and a text's start or end that the path runs to unbroken (no sentence of
/// [`PAIRED_WORDS`] or more left out on either side): a page that translates a few paragraphs and
/// adds its own has its own sentences paired by length too. At most [`ALIGN_MAX_SENTENCES`]
/// sentences a text are read, so the table is bounded.
fn align_in_order(
    ps: &[Sentence],
    os: &[Sentence],
    overlaps: &Overlaps,
    link: &mut [Option<usize>],
) {
    let (np, no) = (ps.len(), os.len());
    let worth = |i: usize, j: usize| match link[i] {
        Some(aligned) if aligned == j => 2.0,
        Some(_) => f64::NEG_INFINITY,
        None => {
            let (a, b) = (ps[i].length, os[j].length);
            if a < PAIRED_WORDS || b < PAIRED_WORDS {
                f64::NEG_INFINITY
            } else {
                overlaps.get(i, j) + f64::from(a.min(b)) / f64::from(a.max(b)) - 0.5
            }
        }
    };
    // best[i][j]: the most a path through the first i page sentences and j original ones is
    // worth; step[i][j] how it got there (1: a page sentence left out, 2: an original one, 3:
    // the two paired).
    let w = no + 1;
    let mut best = vec![0.0f64; (np + 1) * w];
    let mut step = vec![0u8; (np + 1) * w];
    for i in 1..=np {
        for j in 1..=no {
            let mut b = (best[(i - 1) * w + j], 1);
            if best[i * w + j - 1] > b.0 {
                b = (best[i * w + j - 1], 2);
            }
            let paired = best[(i - 1) * w + j - 1] + worth(i - 1, j - 1);
            if paired > b.0 {
                b = (paired, 3);
            }
            (best[i * w + j], step[i * w + j]) = b;
        }
    }
    let mut path = Vec::new();
    let (mut i, mut j) = (np, no);
    while i > 0 && j > 0 {
        match step[i * w + j] {
            1 => i -= 1,
            2 => j -= 1,
            _ => {
                path.push((i - 1, j - 1));
                i -= 1;
                j -= 1;
            }
        }
    }
    path.reverse();
    let shares: Vec<bool> = path
        .iter()
        .map(|&(p, o)| overlaps.get(p, o) > 0.0)
        .collect();
    let short = |s: &[Sentence]| s.iter().all(|x| x.length < PAIRED_WORDS);
    let unbroken = |from: usize, to: usize| {
        path[from..to]
            .windows(2)
            .all(|w| short(&ps[w[0].0 + 1..w[1].0]) && short(&os[w[0].1 + 1..w[1].1]))
    };
    let n = path.len();
    let first = shares.iter().position(|&x| x).unwrap_or(n);
    let last = shares.iter().rposition(|&x| x);
    let from_start = n > 0
        && short(&ps[..path[0].0])
        && short(&os[..path[0].1])
        && unbroken(0, (first + 1).min(n));
    let to_end = n > 0
        && short(&ps[path[n - 1].0 + 1..])
        && short(&os[path[n - 1].1 + 1..])
        && unbroken(last.unwrap_or(0), n);
    for (k, &(p, o)) in path.iter().enumerate() {
        let before = k > first || from_start;
        let after = last.is_some_and(|l| k < l) || to_end;
        if shares[k] || before && after {
            link[p] = Some(o);
        }
    }
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

    /// The page's passages as the text they cover.
    fn covered(page: &str, c: &Comparison, kind: PassageKind) -> Vec<String> {
        c.page_passages
            .iter()
            .filter(|p| p.kind == kind)
            .map(|p| page.chars().skip(p.start).take(p.end - p.start).collect())
            .collect()
    }

    #[test]
    fn an_honest_report_s_sentences_are_not_shown_reworded() {
        // The demo story's event in another outlet's words: its sentences share the event's
        // names, numbers and words with the wire story's, enough to align, but it is not a copy.
        let honest = "Shopkeepers in Porthaven's eastern suburbs say they are bracing for a \
            difficult spring. \"Half my customers come over the bridge,\" said Tom Avery, who has \
            run a bakery near the fish market for twenty years. His neighbour, a florist, has \
            already cut her opening hours. The city said on Sunday that the harbour bridge will \
            close for repairs, and the council is still debating whether to drop parking charges \
            in the town centre. Avery said he would bake smaller batches, try deliveries by bicycle \
            and keep his prices where they are. Several traders plan a meeting at the community \
            hall on Thursday evening to ask the mayor for help with rents.";
        let original = crate::matching::tests::demo_text();
        let (p, o) = (analyze(honest, None), analyze(&original, None));
        let aligned = align(&p, &o, &exact_runs(&p, &o), false);
        assert!(
            aligned.iter().any(|a| a.kind == PassageKind::Reworded),
            "{aligned:?}"
        );
        let c = compare(honest, &original, None);
        assert!(!c.report.verdict.is_derived(), "{:?}", c.report.verdict);
        assert!(covered(honest, &c, PassageKind::Reworded).is_empty());
        assert!(c.alignment.iter().all(|a| a.kind == PassageKind::Exact));
    }

    #[test]
    fn a_quotation_copied_word_for_word_is_exact() {
        let original = "The harbour authority will close the northern pier until March. \
            \"We found cracks deep inside the concrete supports of the old pier,\" the chief \
            engineer told reporters on Monday.";
        let page = format!("Harbour news. {original}");
        let c = compare(&page, original, None);
        assert!(c.report.verdict.is_derived(), "{:?}", c.report.verdict);
        let exact = covered(&page, &c, PassageKind::Exact);
        assert!(
            exact
                .iter()
                .any(|t| t.contains("cracks deep inside the concrete supports")),
            "{exact:?}"
        );
    }

    #[test]
    fn a_phrase_the_original_repeats_does_not_break_a_run() {
        // "the northern pier" is in the original twice; the page copies its second sentence.
        let original = "The harbour authority will close the northern pier in March. Ferry \
            services will move from the northern pier to the southern terminal while the work \
            goes on.";
        let page = "Local news. Ferry services will move from the northern pier to the southern \
            terminal while the work goes on.";
        let c = compare(page, original, None);
        let exact = covered(page, &c, PassageKind::Exact);
        assert_eq!(
            exact,
            [
                "Ferry services will move from the northern pier to the southern terminal while \
              the work goes on"
            ],
        );
    }

    /// The page's aligned sentences and their counterparts, as text.
    fn aligned_text(
        page: &str,
        original: &str,
        aligned: &[AlignedSentence],
    ) -> Vec<(String, String)> {
        let cut = |t: &str, (a, b): (usize, usize)| t.chars().skip(a).take(b - a).collect();
        aligned
            .iter()
            .map(|a| (cut(page, a.page), cut(original, a.original)))
            .collect()
    }

    #[test]
    fn a_translation_is_aligned_sentence_by_sentence() {
        // The demo story in German, written for the purpose: its sentences share a name or a
        // number with their originals at most, too little to align on, and some share nothing.
        let german = include_str!("../examples/demo/translation-de.txt");
        let original = crate::matching::tests::demo_text();
        let c = compare(german, &original, None);
        assert_eq!(c.report.verdict, Relation::Translated);
        let pairs = [
            ("Hafenbrücke wird", "Harbour bridge to close"),
            ("Die Hafenbrücke von", "The Porthaven harbour"),
            ("Rund 41.000", "About 41,000"),
            ("Die Prüfer", "Inspectors discovered"),
            ("Verkehrsdirektorin", "Transport director"),
            ("Fähren zwischen", "Ferries between"),
            ("Geschäftsleute", "Local businesses"),
            ("Die Handelskammer", "The chamber of commerce"),
            ("Die Reparaturen", "The repairs"),
            ("Ein vollständiger", "A full replacement"),
        ];
        let aligned = aligned_text(german, &original, &c.alignment);
        for (de, en) in pairs {
            assert!(
                aligned
                    .iter()
                    .any(|(p, o)| p.starts_with(de) && o.starts_with(en)),
                "{de} / {en}: {aligned:#?}"
            );
        }
        assert_eq!(aligned.len(), pairs.len(), "{aligned:#?}");
        assert!(c.alignment.iter().all(|a| a.similarity < ALIGN_MIN));
        // What each pair shares, in the page's spelling: names, numbers, days.
        let shared: Vec<Vec<String>> = c
            .alignment
            .iter()
            .map(|a| {
                let cut = |(s, e): (usize, usize)| german.chars().skip(s).take(e - s).collect();
                a.shared.iter().map(|&r| cut(r)).collect()
            })
            .collect();
        assert_eq!(shared[1], ["Porthaven", "Montag", "Sonntag"], "{shared:?}");
        assert_eq!(shared[2], ["41.000", "1962"], "{shared:?}");
        assert_eq!(shared[4], ["Elena", "Marsh"], "{shared:?}");
        assert!(shared[0].is_empty() && shared[6].is_empty(), "{shared:?}");
        // Its first paragraphs translated and two sentences of the page's own after them, which
        // share no word with the original's sentences of their length: not aligned.
        let cut = german.find("Verkehrsdirektorin").unwrap();
        let partial = format!(
            "{}Viele Pendler ärgern sich schon jetzt über die langen Staus in der Stadt. Manche \
             wollen künftig lieber mit dem Fahrrad zur Arbeit fahren.",
            &german[..cut]
        );
        let c = compare(&partial, &original, None);
        assert_eq!(c.report.verdict, Relation::Translated);
        let aligned = aligned_text(&partial, &original, &c.alignment);
        assert_eq!(aligned.len(), 4, "{aligned:#?}");
        for ((de, en), (p, o)) in pairs.iter().zip(&aligned) {
            assert!(p.starts_with(de) && o.starts_with(en), "{aligned:#?}");
        }
    }

    #[test]
    fn a_sentence_between_aligned_ones_is_aligned_at_its_place() {
        let spun = |middle: &str| {
            format!(
                "The harbour authority announced on Monday that the northern pier shuts for \
                 repairs until the end of March. {middle} Ferry services will move to the \
                 southern terminal while the work goes on. Commuters should allow for delays \
                 from last week onwards."
            )
        };
        // A spinner's synonyms leave the second sentence two of its words.
        let page = spun(
            "Examiners spotted profound fissures in its concrete props throughout a \
            habitual look last week.",
        );
        let (p, o) = (analyze(&page, None), analyze(ORIGINAL, None));
        let aligned = aligned_text(&page, ORIGINAL, &align(&p, &o, &exact_runs(&p, &o), false));
        assert_eq!(aligned.len(), 3, "{aligned:#?}");
        assert!(aligned[1].0.starts_with("Examiners") && aligned[1].1.starts_with("Inspectors"));
        // Not a sentence that shares nothing, nor one of the page's own after what it took.
        let page = spun("Residents were not consulted.");
        let p = analyze(&page, None);
        let aligned = aligned_text(&page, ORIGINAL, &align(&p, &o, &exact_runs(&p, &o), false));
        assert_eq!(aligned.len(), 2, "{aligned:#?}");
    }

    #[test]
    fn alignment_in_order_takes_any_pair_of_texts() {
        // Empty texts, texts of no words or of one, a text with itself: aligned in order as a
        // translation would be, every link in range and each page sentence linked once.
        let texts = [
            "",
            " ... ",
            "Word.",
            ORIGINAL,
            "Eins. Zwei drei vier fünf. Sechs sieben acht neun zehn elf. 2029!",
        ];
        for page in texts {
            for original in texts {
                let (p, o) = (analyze(page, None), analyze(original, None));
                let aligned = align(&p, &o, &exact_runs(&p, &o), true);
                for a in &aligned {
                    assert!(a.page.0 <= a.page.1 && a.page.1 <= page.len(), "{a:?}");
                    assert!(a.original.0 <= a.original.1 && a.original.1 <= original.len());
                }
                let mut starts: Vec<_> = aligned.iter().map(|a| a.page.0).collect();
                starts.dedup();
                assert_eq!(starts.len(), aligned.len());
            }
        }
        let o = analyze(ORIGINAL, None);
        assert_eq!(align(&o, &o, &[], true).len(), 3);
    }

    #[test]
    fn a_short_page_is_weighed_by_the_runs_shown() {
        use crate::matching::tests::{demo_text, BRIEF};
        // The brief shares a few words of two with the story, which a check's sampled phrases
        // count as exact; the comparison shows no run of them, so its verdict rests on words.
        let c = compare(BRIEF, &demo_text(), None);
        assert!(c.report.verdict.is_derived(), "{:?}", c.report.verdict);
        assert!(c.page_passages.iter().all(|p| p.kind != PassageKind::Exact));
        assert!(c.report.rests_on_words_alone);
        // The story's first two paragraphs: as short, but copied word for word.
        let lead = demo_text()
            .split("\n\n")
            .take(2)
            .collect::<Vec<_>>()
            .join("\n\n");
        let c = compare(&lead, &demo_text(), None);
        assert!(c.report.stats.article_words < crate::report::SHORT_PAGE_WORDS);
        assert!(c.report.verdict.is_derived() && !c.report.rests_on_words_alone);
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
