//! The page's reused passages: which of its sentences hold the evidence of the candidates it
//! derives from, as character spans with the original's id and the kind of reuse.

use std::collections::HashMap;

use super::vocabulary::{clearly_shorter, sentences_found_whole, stretch, OriginalWords};
use super::{Hit, Page, PASSAGE_SOURCES};
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
/// A sentence with a shared phrase, or found whole in the original's vocabulary, is an exact
/// passage (so is every sentence of a verbatim copy; on a rewritten page, only a sentence found
/// whole); one with at least two shared terms or anchors, or a shared phrase on a rewritten page,
/// is reworded. On a page clearly longer than the original, a reworded sentence must also stand
/// in the stretch the original covers around the exact ones ([`stretch`], as long as one and a
/// half originals): a page that sets a few copied paragraphs inside a long story of its own
/// shares the topic's terms and names all over, and its own sentences that hold two of them are
/// not the original's, reworded. When the original was stored whole (short originals, or two
/// texts compared directly), exact passages are the shared phrases themselves rather than whole
/// sentences.
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
        let mut found_whole = vec![false; claimed.len()];
        if !whole {
            let tau = list.record(*o as usize).vocab_tau;
            let vocab = OriginalWords::new(list, *o as usize, hs);
            found_whole = sentences_found_whole(page, &vocab, tau).whole;
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
            // A sentence of a rewritten page keeps a phrase of three words now and then (a
            // rewording leaves a third of the words as they were): its wording is copied only
            // where the sentence is found whole.
            let phrase = exact[s] > 0 && c.relation != Relation::Rewritten;
            let kind = if !whole && (found_whole[s] || phrase || c.relation == Relation::Verbatim) {
                PassageKind::Exact
            } else if (other[s] >= 2 || exact[s] > 0)
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
    use super::*;

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
