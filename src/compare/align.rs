//! The sentences of two texts aligned, for the two-text view ([`super::compare`]).
//!
//! Each sentence of the page is paired with the original's sentence it most resembles, by the
//! overlap of their words (stemmed content words, names and numbers in their cross-language
//! form; Dice ≥ [`ALIGN_MIN`]), wherever it stands, since a rewrite may reorder them. The
//! sentences left between such pairs are then paired by their places: in a page in the
//! original's language, one between two pairs with as many between them in both texts
//! ([`fill_gaps`]); in a translation, along the best path in order through both texts
//! ([`align_in_order`]), since a translation shares only names and numbers with its original.

use std::collections::HashSet;

use serde::Serialize;

use super::Run;
use crate::report::PassageKind;
use crate::text::{Analysis, FURNITURE};

/// Least Dice overlap of their words (content words, names and numbers) for two sentences to be
/// aligned wherever they stand.
pub const ALIGN_MIN: f64 = 0.3;

/// Sentences considered per text for alignment (bounds the quadratic step on huge inputs).
const ALIGN_MAX_SENTENCES: usize = 600;

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
pub(super) fn align(
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
    use super::super::tests::ORIGINAL;
    use super::super::{compare, exact_runs};
    use super::*;
    use crate::report::Relation;
    use crate::text::analyze;

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
        let german = include_str!("../../examples/demo/translation-de.txt");
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
}
