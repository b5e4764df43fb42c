//! The page's reused passages: which of its sentences hold the evidence of the candidates it
//! derives from, as character spans with the original's id and the kind of reuse.

use std::collections::HashMap;

use super::vocabulary::{clearly_shorter, sentences_found_whole, stretch, OriginalWords};
use super::{max_df, Hit, Page, PASSAGE_SOURCES};
use crate::fingerprint::Kind;
use crate::list::List;
use crate::report::{Candidate, Passage, PassageKind, Relation};

/// The candidates of `scored` (best first) a report draws passages from, as indexes into it: the
/// first [`PASSAGE_SOURCES`] derived ones.
pub(super) fn passage_sources(scored: &[(Candidate, u32)]) -> impl Iterator<Item = usize> + '_ {
    (0..scored.len())
        .filter(|&i| scored[i].0.relation.is_derived())
        .take(PASSAGE_SOURCES)
}

/// The page's reused passages: sentences holding evidence of the derived candidates.
///
/// A sentence is an exact passage, the original's wording, when it holds a shared phrase (not on a
/// rewritten page, where phrases survive a rewording now and then), when it is found whole in the
/// original's vocabulary, or, on a verbatim copy, when none of its content words is missing from
/// that vocabulary — unless the original's sample of phrases shows its wording to differ, which
/// makes it reworded. A sentence is reworded, too, with at least two shared terms or anchors, with
/// a shared phrase on a rewritten page, or with most of its content words in the original on a
/// verbatim copy. A shared phrase counts only in a sentence most of whose content words the
/// original has: elsewhere it is a stray match of the index's shortened keys. On a page clearly
/// longer than the original, a reworded sentence must also stand in the stretch the original covers
/// around the exact ones ([`stretch`], as long as one and a half originals): a page that sets a few
/// copied paragraphs inside a long story of its own shares the topic's terms and names all over,
/// and its own sentences that hold two of them are not the original's, reworded. When the original
/// was stored whole (short originals, or two texts compared directly), exact passages are the
/// shared phrases themselves rather than whole sentences.
pub(super) fn passages(
    list: &List,
    page: &Page<'_>,
    scored: &[(Candidate, u32)],
    hits: &HashMap<u32, Vec<Hit>>,
) -> Vec<Passage> {
    let tokens = &page.analysis.tokens;
    let mut claimed = vec![false; page.analysis.sentences as usize];
    // Each sentence's first and last token.
    let mut bounds = vec![(u32::MAX, 0u32); claimed.len()];
    for (i, t) in tokens.iter().enumerate() {
        if let Some(b) = bounds.get_mut(t.sentence as usize) {
            b.0 = b.0.min(i as u32);
            b.1 = i as u32;
        }
    }
    let mut out: Vec<Passage> = Vec::new();
    for (c, o) in passage_sources(scored).map(|i| &scored[i]) {
        let hs = &hits[o];
        let whole = list.record(*o as usize).tau == u32::MAX;
        let mut exact = vec![0u32; claimed.len()];
        let mut other = vec![0u32; claimed.len()];
        for h in hs {
            let Some(t) = tokens.get(h.page_pos as usize) else {
                continue;
            };
            let s = t.sentence as usize;
            if h.kind == Kind::Shingle {
                exact[s] += 1;
            } else {
                other[s] += 1;
            }
        }
        // Sentences every content word of which the original's vocabulary holds are copied too,
        // whether or not a sampled phrase of the original fell in them.
        // (An original stored whole has its exact spans from its phrases, below.)
        let (mut found_whole, mut looked_up) =
            (vec![false; claimed.len()], vec![(0, 0); claimed.len()]);
        if !whole {
            let tau = list.record(*o as usize).vocab_tau;
            let vocab = OriginalWords::new(list, *o as usize, hs);
            let tested = sentences_found_whole(page, &vocab, tau);
            (found_whole, looked_up) = (tested.whole, tested.looked_up);
        }
        // Sentences whose wording the original's sample shows to differ: they hold a phrase of
        // three words (wholly inside them) in the range of keys the original kept every phrase
        // of, which the original does not hold. Such a sentence is reworded, however many of its
        // words the original has. (An original stored whole gives its exact spans from its
        // phrases, below.)
        let mut changed = vec![false; claimed.len()];
        if !whole {
            let tau = list.record(*o as usize).tau;
            let mut kept: Vec<u32> = hs
                .iter()
                .filter(|h| h.kind == Kind::Shingle)
                .map(|h| h.key)
                .collect();
            kept.sort_unstable();
            let sampled = page.features.shingles.partition_point(|f| f.key <= tau);
            for f in &page.features.shingles[..sampled] {
                let last = f.pos as usize + crate::fingerprint::SHINGLE_WORDS - 1;
                let (Some(a), Some(b)) = (tokens.get(f.pos as usize), tokens.get(last)) else {
                    continue;
                };
                // A phrase too common for a check to look up (`max_df`) says nothing.
                if a.sentence == b.sentence
                    && kept.binary_search(&f.key).is_err()
                    && list.lookup(f.key).len() <= max_df(list.len())
                {
                    changed[a.sentence as usize] = true;
                }
            }
        }
        // Where reworded sentences may stand: about the exact evidence, when the page runs
        // clearly longer than the original and there is exact evidence to place it by.
        let words = list.record(*o as usize).words;
        let exact_at = hs
            .iter()
            .filter(|h| h.kind == Kind::Shingle)
            .map(|h| h.page_pos)
            .chain(
                (0..claimed.len())
                    .filter(|&s| found_whole[s])
                    .flat_map(|s| [bounds[s].0, bounds[s].1]),
            );
        let (lo, hi) = if clearly_shorter(words, page) && exact_at.clone().next().is_some() {
            stretch(page, words, exact_at)
        } else {
            (0, u32::MAX)
        };
        let first = (0..claimed.len()).find(|&s| exact[s] + other[s] > 0 || found_whole[s]);
        let last = (0..claimed.len())
            .rev()
            .find(|&s| exact[s] + other[s] > 0 || found_whole[s]);
        let (Some(first), Some(last)) = (first, last) else {
            continue;
        };
        let mut spans: Vec<(usize, usize, PassageKind)> = Vec::new();
        if whole {
            // Precise exact spans: runs of shared three-word phrases.
            let mut starts: Vec<u32> = hs
                .iter()
                .filter(|h| h.kind == Kind::Shingle)
                .map(|h| h.page_pos)
                .collect();
            starts.sort_unstable();
            let mut run: Option<(u32, u32)> = None;
            for p in starts {
                let end = p + crate::fingerprint::SHINGLE_WORDS as u32 - 1;
                run = match run {
                    Some((a, b)) if p <= b + 1 => Some((a, b.max(end))),
                    Some((a, b)) => {
                        push_token_span(tokens, a, b, PassageKind::Exact, &mut spans);
                        Some((p, end))
                    }
                    None => Some((p, end)),
                };
            }
            if let Some((a, b)) = run {
                push_token_span(tokens, a, b, PassageKind::Exact, &mut spans);
            }
        }
        for s in first..=last {
            if claimed[s] {
                continue;
            }
            // A shared phrase in a sentence most of whose content words the original lacks is a
            // stray match of the index's shortened keys, not the original's wording. A sentence
            // of a rewritten page keeps a phrase of three words now and then (a rewording leaves
            // a third of the words as they were): its wording is copied only where the sentence
            // is found whole.
            let (seen, found) = looked_up[s];
            let phrases = if found * 2 >= seen { exact[s] } else { 0 };
            let phrase = phrases > 0 && c.relation != Relation::Rewritten;
            // On a page copied whole, a sentence is the original's word for word unless a
            // content word of it is missing from the original's vocabulary (a headline of the
            // page's own, a line it added between the copied paragraphs); if most of its words
            // are there, it is the original's reworded. Quotations are not looked up (the
            // vocabulary leaves them out): a quoted sentence between copied ones is taken as
            // copied with them.
            let verbatim = c.relation == Relation::Verbatim;
            let copied = !whole && (found_whole[s] || phrase || (verbatim && found == seen));
            let kind = if copied && !changed[s] {
                PassageKind::Exact
            } else if copied
                || (other[s] >= 2 || phrases > 0 || (verbatim && found * 2 >= seen))
                    && !(whole && exact[s] > 0)
                    && bounds[s].1 >= lo
                    && bounds[s].0 <= hi
            {
                PassageKind::Reworded
            } else {
                continue;
            };
            claimed[s] = true;
            // Its tokens but furniture, looked for between its first and last token only.
            let (from, to) = bounds[s];
            let mut in_sentence = (from..=to).filter(|&i| {
                let t = &tokens[i as usize];
                t.sentence as usize == s && t.flags & crate::text::FURNITURE == 0
            });
            if let Some(a) = in_sentence.next() {
                let b = in_sentence.next_back().unwrap_or(a);
                push_token_span(tokens, a, b, kind, &mut spans);
            }
        }
        if whole {
            for s in first..=last {
                if exact[s] > 0 {
                    claimed[s] = true;
                }
            }
        }
        for (start, end, kind) in merge(spans) {
            out.push(Passage {
                start,
                end,
                original_id: c.id.clone(),
                kind,
            });
        }
    }
    out.sort_by_key(|p| (p.start, p.end));
    out
}

/// Adds the span from token `a` to token `b` (cut to the last token) of `kind` to `out`.
fn push_token_span(
    tokens: &[crate::text::Token],
    a: u32,
    b: u32,
    kind: PassageKind,
    out: &mut Vec<(usize, usize, PassageKind)>,
) {
    if let (Some(ta), Some(tb)) = (
        tokens.get(a as usize),
        tokens.get(b.min(tokens.len() as u32 - 1) as usize),
    ) {
        out.push((ta.start as usize, tb.end as usize, kind));
    }
}

/// Merges overlapping spans of the same kind; spans of different kinds stay apart.
fn merge(mut spans: Vec<(usize, usize, PassageKind)>) -> Vec<(usize, usize, PassageKind)> {
    spans.sort_by_key(|s| (s.0, s.1));
    let mut out: Vec<(usize, usize, PassageKind)> = Vec::new();
    for s in spans {
        match out.last().copied() {
            Some(last) if s.0 <= last.1 && last.2 == s.2 => {
                if let Some(l) = out.last_mut() {
                    l.1 = l.1.max(s.1);
                }
            }
            // Overlap of different kinds: keep the earlier, clip the later.
            Some(last) if s.0 < last.1 => {
                if s.1 > last.1 {
                    out.push((last.1, s.1, s.2));
                }
            }
            _ => out.push(s),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::super::tests::{demo_text, english_list};
    use super::*;
    use crate::fingerprint::{DocFeatures, SHINGLE_WORDS};
    use crate::text::analyze;

    /// The passages of a check of `page` against the demo story alone, with their text.
    fn demo_passages(page: &str) -> Vec<(PassageKind, String)> {
        let report = crate::check(&english_list("demo", &demo_text()), page, Some("en"));
        let chars: Vec<char> = page.chars().collect();
        report
            .passages
            .iter()
            .map(|p| (p.kind, chars[p.start..p.end].iter().collect()))
            .collect()
    }

    #[test]
    fn a_copy_s_own_headline_is_not_an_exact_passage() {
        // The demo article: the original's first four paragraphs, word for word, under a
        // headline of the page's own that shares some of the original headline's words.
        let page = include_str!("../../examples/demo/article.txt");
        let passages = demo_passages(page);
        let headline = "Bridge shut for six weeks as rust eats cables";
        assert!(
            passages
                .iter()
                .all(|(kind, text)| !(text.contains(headline) && *kind == PassageKind::Exact)),
            "{passages:?}"
        );
        let exact = passages
            .iter()
            .filter(|(kind, _)| *kind == PassageKind::Exact)
            .count();
        assert_eq!(exact, 4, "{passages:?}");
    }

    #[test]
    fn a_stray_phrase_match_in_a_sentence_of_the_page_s_own_is_no_passage() {
        // Two paragraphs of the demo story, then a sentence of the page's own (from the library
        // story, which shares nothing with it).
        let text = demo_text();
        let paragraphs: Vec<&str> = text.split("\n\n").collect();
        let own = "Families queued along the square well before the opening hour, and the first \
                   visitors were greeted by a brass band from the secondary school.";
        let page_text = format!("{}\n\n{own}", paragraphs[2..4].join("\n\n"));
        let list = english_list("demo", &text);
        let page = Page::new(&page_text, Some("en"));
        let (measured, mut hits) = super::super::measure(&list, &page);
        let (o, f) = &measured[0];
        let scored = [(
            super::super::candidate(&list, *o, f, crate::score::score(f)),
            *o,
        )];
        assert!(scored[0].0.relation.is_derived(), "{:?}", scored[0].0);
        let own_start = page_text.find(own).unwrap();
        let in_own = |p: &Passage| p.end > own_start;
        assert!(!passages(&list, &page, &scored, &hits).iter().any(in_own));
        // The index's keys are shortened, so a phrase of the page now and then matches an entry
        // of another phrase: one such stray match, on a phrase of the page's own sentence.
        let stray = page
            .features
            .shingles
            .iter()
            .find(|f| page.analysis.tokens[f.pos as usize].start as usize > own_start)
            .unwrap();
        hits.get_mut(o).unwrap().push(Hit {
            original: *o,
            kind: Kind::Shingle,
            key: stray.key,
            page_pos: stray.pos,
            original_pos: 0,
            df: 1,
        });
        let found = passages(&list, &page, &scored, &hits);
        assert!(!found.iter().any(in_own), "{found:?}");
    }

    #[test]
    fn sentences_whose_wording_the_sample_shows_to_differ_are_reworded() {
        // The demo story with the words of each paragraph's second half swapped in pairs: every
        // sentence keeps all its words (each is found whole in the original's vocabulary), but
        // many of its phrases are new.
        let text = demo_text();
        let swapped: Vec<String> = text
            .split("\n\n")
            .map(|paragraph| {
                let mut words: Vec<&str> = paragraph.split(' ').collect();
                let half = words.len() / 2;
                for i in (half..words.len().saturating_sub(1)).step_by(2) {
                    words.swap(i, i + 1);
                }
                words.join(" ")
            })
            .collect();
        let page = swapped.join("\n\n");
        // Which of the page's sentences hold a phrase the original's sample would hold had the
        // original held it, and the original does not hold: found independently of the check,
        // from every phrase of the original.
        let list = english_list("demo", &text);
        let tau = list.record(0).tau;
        assert_ne!(tau, u32::MAX, "the demo story is sampled, not stored whole");
        let original = DocFeatures::new(&analyze(&text, Some("en")));
        let a = analyze(&page, Some("en"));
        let mut differ = vec![false; a.sentences as usize];
        for f in DocFeatures::new(&a)
            .shingles
            .iter()
            .filter(|f| f.key <= tau)
        {
            let (first, last) = (
                &a.tokens[f.pos as usize],
                &a.tokens[f.pos as usize + SHINGLE_WORDS - 1],
            );
            if first.sentence == last.sentence
                && original
                    .shingles
                    .binary_search_by_key(&f.key, |g| g.key)
                    .is_err()
            {
                differ[first.sentence as usize] = true;
            }
        }
        let shown: Vec<usize> = (0..differ.len()).filter(|&s| differ[s]).collect();
        assert!(
            !shown.is_empty(),
            "the swap leaves no sampled phrase to show it"
        );
        let report = crate::check(&list, &page, Some("en"));
        for s in shown {
            let (start, end) = (
                a.tokens
                    .iter()
                    .find(|t| t.sentence as usize == s)
                    .unwrap()
                    .start as usize,
                a.tokens
                    .iter()
                    .rfind(|t| t.sentence as usize == s)
                    .unwrap()
                    .end as usize,
            );
            let (start, end) = (page[..start].chars().count(), page[..end].chars().count());
            let over: Vec<&Passage> = report
                .passages
                .iter()
                .filter(|p| p.start < end && p.end > start)
                .collect();
            assert!(!over.is_empty(), "sentence {s}: {:?}", &page[start..end]);
            assert!(
                over.iter().all(|p| p.kind == PassageKind::Reworded),
                "sentence {s}: {over:?}"
            );
        }
    }

    #[test]
    fn merge_keeps_kinds_apart() {
        let m = merge(vec![
            (0, 10, PassageKind::Exact),
            (5, 20, PassageKind::Exact),
            (15, 30, PassageKind::Reworded),
            (40, 50, PassageKind::Reworded),
        ]);
        assert_eq!(
            m,
            vec![
                (0, 20, PassageKind::Exact),
                (20, 30, PassageKind::Reworded),
                (40, 50, PassageKind::Reworded)
            ]
        );
    }
}
