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

use serde::Serialize;

use crate::fingerprint::{DocFeatures, SketchSize, SHINGLE_WORDS};
use crate::hash::{combine, HashMap64};
use crate::list::build::{prepare_analysed, ListBuilder, OriginalDoc};
use crate::list::{Background, List, Record};
use crate::matching::{check_page, Page};
use crate::report::{bytes_to_chars, PassageKind, Relation, Report};
use crate::text::{analyze, lang, Analysis, CREDIT, FURNITURE};

mod align;

use align::align;
pub use align::{AlignedSentence, ALIGN_MIN};

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

#[cfg(test)]
mod tests {
    use super::*;

    /// A short story of three sentences, written for these tests.
    pub(super) const ORIGINAL: &str = "The harbour authority said on Monday that the northern pier will close for repairs until \
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
