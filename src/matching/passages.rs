//! The page's reused passages: which of its sentences hold the evidence of the candidates it
//! derives from, as character spans with the original's id and the kind of reuse.

use std::collections::HashMap;

use super::vocabulary::{
    anchors_by_sentence, clearly_shorter, sentences_found_whole, stretch, OriginalWords,
};
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
/// original has: elsewhere it is a stray match of the index's shortened keys. Runs of exact
/// sentences then take in their neighbours that are too short to be tested whole but whose every
/// content word the original has ([`SentenceEvidence::grow_exact_runs`]). On a page translated
/// from the original, whose words are not the original's, a sentence is reworded (translated)
/// when it holds two or more of the original's names, numbers and dates and as few it lacks, or
/// one beside another such sentence, or, on a page translated whole, none at all between two such
/// sentences ([`SentenceEvidence::grow_translated`]).
///
/// On a page clearly longer than the original, a reworded sentence must also stand in the stretch
/// the original covers around the exact ones ([`stretch`], as long as one and a half originals): a
/// page that sets a few copied paragraphs inside a long story of its own shares the topic's terms
/// and names all over, and its own sentences that hold two of them are not the original's,
/// reworded. When the original was stored whole (short originals, or two texts compared directly),
/// exact passages are the shared phrases themselves rather than whole sentences.
pub(super) fn passages(
    list: &List,
    page: &Page<'_>,
    scored: &[(Candidate, u32)],
    hits: &HashMap<u32, Vec<Hit>>,
) -> Vec<Passage> {
    let tokens = &page.analysis.tokens;
    let sentences = page.analysis.sentences as usize;
    // Each sentence's first and last token.
    let mut bounds = vec![(u32::MAX, 0u32); sentences];
    for (i, t) in tokens.iter().enumerate() {
        if let Some(b) = bounds.get_mut(t.sentence as usize) {
            b.0 = b.0.min(i as u32);
            b.1 = i as u32;
        }
    }
    // Sentences a candidate named earlier has taken.
    let mut claimed = vec![false; sentences];
    let mut out: Vec<Passage> = Vec::new();
    for (c, o) in passage_sources(scored).map(|i| &scored[i]) {
        let hs = &hits[o];
        let whole = list.record(*o as usize).tau == u32::MAX;
        let translated = c.relation == Relation::Translated;
        let evidence = SentenceEvidence::new(list, page, *o, hs, whole, translated);
        // Where reworded sentences may stand: about the exact evidence, when the page runs
        // clearly longer than the original and there is exact evidence to place it by.
        let words = list.record(*o as usize).words;
        let phrases_at = phrase_hits(hs, |h| h.page_pos);
        let exact_at = phrases_at.iter().copied().chain(
            (0..sentences)
                .filter(|&s| evidence.found_whole[s])
                .flat_map(|s| [bounds[s].0, bounds[s].1]),
        );
        let (lo, hi) = if clearly_shorter(words, page) && exact_at.clone().next().is_some() {
            stretch(page, words, exact_at)
        } else {
            (0, u32::MAX)
        };
        let has_evidence = |s: &usize| {
            evidence.exact[*s] + evidence.other[*s] > 0
                || evidence.found_whole[*s]
                || evidence.anchors.get(*s).is_some_and(|a| a.1 > 0)
        };
        let (Some(first), Some(last)) = (
            (0..sentences).find(has_evidence),
            (0..sentences).rev().find(has_evidence),
        ) else {
            continue;
        };
        let mut spans: Vec<(usize, usize, PassageKind)> = Vec::new();
        if whole {
            phrase_runs(tokens, &phrases_at, &mut spans);
        }
        let mut kinds: Vec<Option<PassageKind>> = vec![None; sentences];
        for s in (first..=last).filter(|&s| !claimed[s]) {
            let in_stretch = bounds[s].1 >= lo && bounds[s].0 <= hi;
            kinds[s] = evidence.kind(s, c.relation, whole, in_stretch);
        }
        if !whole {
            evidence.grow_exact_runs(&mut kinds, &claimed);
        }
        if translated {
            evidence.grow_translated(&mut kinds, &claimed);
        }
        for (s, kind) in kinds.iter().enumerate() {
            let Some(kind) = *kind else {
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
            let phrased = &evidence.exact[first..=last];
            for (taken, &phrases) in claimed[first..=last].iter_mut().zip(phrased) {
                *taken |= phrases > 0;
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

/// What one original's evidence says of each of the page's sentences (indexed by sentence).
struct SentenceEvidence {
    /// Shared phrases (index hits of the phrase kind) starting in the sentence.
    exact: Vec<u32>,
    /// Shared terms and anchors in the sentence.
    other: Vec<u32>,
    /// Whether every content word of the sentence, six or more, is in the original's vocabulary
    /// ([`sentences_found_whole`]); never for an original stored whole.
    found_whole: Vec<bool>,
    /// How many of the sentence's content words were looked up in that vocabulary, and how many
    /// were found: (0, 0) for an original stored whole.
    looked_up: Vec<(u32, u32)>,
    /// On a page translated from the original: how many of the sentence's names, numbers and
    /// dates were looked up in the original's vocabulary, and how many were found
    /// ([`anchors_by_sentence`]); empty otherwise.
    anchors: Vec<(u32, u32)>,
    /// Whether the original's sample of phrases shows the sentence's wording to differ: the
    /// sentence holds a phrase of three words (wholly inside it) in the range of keys the
    /// original kept every phrase of, which the original does not hold.
    changed: Vec<bool>,
}

impl SentenceEvidence {
    /// The evidence of original `o`, whose hits on the page are `hs`; `whole`: it was stored
    /// whole, its vocabulary and sample standing for nothing a phrase does not say.
    fn new(
        list: &List,
        page: &Page<'_>,
        o: u32,
        hs: &[Hit],
        whole: bool,
        translated: bool,
    ) -> SentenceEvidence {
        let tokens = &page.analysis.tokens;
        let sentences = page.analysis.sentences as usize;
        let mut e = SentenceEvidence {
            exact: vec![0; sentences],
            other: vec![0; sentences],
            found_whole: vec![false; sentences],
            looked_up: vec![(0, 0); sentences],
            anchors: Vec::new(),
            changed: vec![false; sentences],
        };
        for h in hs {
            let Some(t) = tokens.get(h.page_pos as usize) else {
                continue;
            };
            let s = t.sentence as usize;
            if h.kind == Kind::Shingle {
                e.exact[s] += 1;
            } else {
                e.other[s] += 1;
            }
        }
        if whole {
            return e;
        }
        let rec = list.record(o as usize);
        let words = OriginalWords::new(list, o as usize, hs);
        let tested = sentences_found_whole(page, &words, rec.vocab_tau);
        (e.found_whole, e.looked_up) = (tested.whole, tested.looked_up);
        if translated {
            e.anchors = anchors_by_sentence(page, &words, rec.vocab_tau);
        }
        let kept = phrase_hits(hs, |h| h.key);
        let sampled = page.features.shingles.partition_point(|f| f.key <= rec.tau);
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
                e.changed[a.sentence as usize] = true;
            }
        }
        e
    }

    /// The kind of passage sentence `s` is on a page of `relation` to the original, if any
    /// ([`passages`] says when); `in_stretch`: the sentence stands where reworded ones may.
    fn kind(
        &self,
        s: usize,
        relation: Relation,
        whole: bool,
        in_stretch: bool,
    ) -> Option<PassageKind> {
        // A shared phrase in a sentence most of whose content words the original lacks is a
        // stray match of the index's shortened keys, not the original's wording. A sentence of
        // a rewritten page keeps a phrase of three words now and then (a rewording leaves a
        // third of the words as they were): its wording is copied only where the sentence is
        // found whole.
        let (seen, found) = self.looked_up[s];
        let phrases = if found * 2 >= seen { self.exact[s] } else { 0 };
        let phrase = phrases > 0 && relation != Relation::Rewritten;
        // On a page copied whole, a sentence is the original's word for word unless a content
        // word of it is missing from the original's vocabulary (a headline of the page's own, a
        // line it added between the copied paragraphs); if most of its words are there, it is
        // the original's reworded. Quotations are not looked up (the vocabulary leaves them
        // out): a quoted sentence between copied ones is taken as copied with them.
        let verbatim = relation == Relation::Verbatim;
        // A translation shares its original's names and numbers, not its words: a sentence
        // holding two of them, and few the original lacks, is the original's, translated.
        if relation == Relation::Translated && !whole && in_stretch && self.translated(s, 2) {
            return Some(PassageKind::Reworded);
        }
        let copied = !whole && (self.found_whole[s] || phrase || (verbatim && found == seen));
        if copied && !self.changed[s] {
            Some(PassageKind::Exact)
        } else if copied
            || (self.other[s] >= 2 || phrases > 0 || (verbatim && found * 2 >= seen))
                && !(whole && self.exact[s] > 0)
                && in_stretch
        {
            Some(PassageKind::Reworded)
        } else {
            None
        }
    }

    /// Extends the runs of exact sentences in `kinds` over their neighbours (not `claimed` by
    /// another original, not shown by the sample to be worded otherwise; unmarked, or reworded
    /// for the terms and anchors they share) that hold at least [`RUN_WORDS`] content words,
    /// every one of which the original has, and over a sentence between two exact ones with
    /// fewer, none of them missing (a quotation, which the vocabulary leaves out; names and
    /// numbers alone). The whole-sentence test needs six content words to tell a copied sentence
    /// from a sentence of the page's own that shares the topic's words; a shorter one next to
    /// copied sentences is most likely copied with them. On the sets of copies inside other
    /// stories (`tools/embedded_set.py`) this takes in more than half of the copied sentences
    /// the passages missed, and two thirds of those they called reworded, and no sentence of the
    /// host stories.
    fn grow_exact_runs(&self, kinds: &mut [Option<PassageKind>], claimed: &[bool]) {
        let exact = |kinds: &[Option<PassageKind>], i: usize| {
            kinds.get(i) == Some(&Some(PassageKind::Exact))
        };
        // A sweep forward carries a run on past its end, a sweep backward before its start; a
        // sentence between two runs may need both. A sweep that takes nothing in leaves nothing
        // to take. Four sweeps at most keep a check linear in the page's length: only a page
        // built to need more (each sentence waiting on one taken in by a sweep the other way)
        // would keep runs shorter than they could be.
        let n = kinds.len();
        for sweep in 0..4 {
            let mut grew = false;
            for i in 0..n {
                let s = if sweep % 2 == 0 { i } else { n - 1 - i };
                if kinds[s] == Some(PassageKind::Exact) || claimed[s] || self.changed[s] {
                    continue;
                }
                let (before, after) = (s > 0 && exact(kinds, s - 1), exact(kinds, s + 1));
                let (seen, found) = self.looked_up[s];
                let run = seen >= RUN_WORDS && found == seen && (before || after);
                let between = found == seen && before && after;
                if run || between {
                    kinds[s] = Some(PassageKind::Exact);
                    grew = true;
                }
            }
            if !grew {
                break;
            }
        }
    }

    /// Whether sentence `s` holds `least` or more of the original's names, numbers and dates, and
    /// at most as many it lacks ([`SentenceEvidence::anchors`]).
    fn translated(&self, s: usize, least: u32) -> bool {
        let (seen, found) = self.anchors.get(s).copied().unwrap_or_default();
        found >= least && found * 2 >= seen
    }

    /// On a page translated from the original, extends its passages (`kinds`) over the sentences
    /// that hold one of the original's names, numbers or dates (and as few it lacks) beside a
    /// passage or another such sentence. Sentences `claimed` by another original are left to
    /// it. A lone sentence with one name or number is no passage: a page's own sentences share
    /// one with the original now and then (a common number, the country's name).
    ///
    /// Measured with `tools/translated_passages.py` (docs/accuracy.md, "A translation's
    /// passages"): of wmt19-public's translations checked against their own set's list, 0.102 of
    /// the lines were under a passage before, 0.561 now; of pages with half a translation inside
    /// a story the list does not hold, 0.250 and 0.733 of the translated lines and none of the
    /// story's 430. On a whole translation, the sentences between passages that hold no name or
    /// number are then taken in too ([`SentenceEvidence::fill_whole_translation`]).
    fn grow_translated(&self, kinds: &mut [Option<PassageKind>], claimed: &[bool]) {
        let holds_one = |s: usize| !claimed[s] && self.translated(s, 1);
        let seeds: Vec<bool> = (0..kinds.len())
            .map(|s| kinds[s].is_some() || holds_one(s))
            .collect();
        for s in 0..kinds.len() {
            let beside = (s > 0 && seeds[s - 1]) || seeds.get(s + 1) == Some(&true);
            if kinds[s].is_none() && beside && holds_one(s) {
                kinds[s] = Some(PassageKind::Reworded);
            }
        }
        self.fill_whole_translation(kinds, claimed);
    }

    /// On a page that is a translation of the original as a whole, takes in the sentences that
    /// hold no name, number or date at all between two of its passages (`kinds`): nothing tells
    /// them from a page's own sentences but the company they keep. A page is a whole translation
    /// here when [`WHOLE_TRANSLATION`] of its sentences that hold names, numbers or dates (left
    /// to this original) are passages already: a page that adds lines of its own among translated
    /// ones holds names and numbers of its own in them, which the original lacks.
    ///
    /// Measured with `tools/translated_passages.py` (docs/accuracy.md, "A translation's
    /// passages"): wmt19-public's translations' lines under a passage 0.561 → 0.641; pages with a
    /// line of another story after every two translated ones, that story's lines under one
    /// 0.048 → 0.056 (taken in wherever they stand between passages, 0.145).
    fn fill_whole_translation(&self, kinds: &mut [Option<PassageKind>], claimed: &[bool]) {
        let bare = |s: usize| self.anchors.get(s).is_none_or(|a| a.0 == 0);
        let bearing: Vec<usize> = (0..kinds.len())
            .filter(|&s| !claimed[s] && !bare(s))
            .collect();
        let marked = bearing.iter().filter(|&&s| kinds[s].is_some()).count();
        let (num, den) = WHOLE_TRANSLATION;
        if bearing.is_empty() || marked * den < bearing.len() * num {
            return;
        }
        let mut last = None;
        for s in 0..kinds.len() {
            if kinds[s].is_none() {
                continue;
            }
            if let Some(l) = last {
                for g in (l + 1..s).filter(|&g| !claimed[g] && bare(g)) {
                    kinds[g] = Some(PassageKind::Reworded);
                }
            }
            last = Some(s);
        }
    }
}

/// The least share of a translated page's sentences with names, numbers or dates that must be
/// passages for the page to count as a whole translation ([`SentenceEvidence::fill_whole_translation`]):
/// four in five, as a fraction.
const WHOLE_TRANSLATION: (usize, usize) = (4, 5);

/// Content words a sentence must hold, all found in the original, to join a run of exact
/// sentences beside it ([`SentenceEvidence::grow_exact_runs`]): one alone is too likely found by
/// chance on a page about the same subject.
const RUN_WORDS: u32 = 2;

/// `field` of each of the shared three-word phrases among `hs` (its hits of the phrase kind),
/// sorted.
fn phrase_hits(hs: &[Hit], field: impl Fn(&Hit) -> u32) -> Vec<u32> {
    let mut of: Vec<u32> = hs
        .iter()
        .filter(|h| h.kind == Kind::Shingle)
        .map(field)
        .collect();
    of.sort_unstable();
    of
}

/// Pushes the runs of the shared three-word phrases starting at the sorted token positions
/// `starts` onto `spans` as exact spans: the passages of an original stored whole.
fn phrase_runs(
    tokens: &[crate::text::Token],
    starts: &[u32],
    spans: &mut Vec<(usize, usize, PassageKind)>,
) {
    let mut run: Option<(u32, u32)> = None;
    for &p in starts {
        let end = p + crate::fingerprint::SHINGLE_WORDS as u32 - 1;
        run = match run {
            Some((a, b)) if p <= b + 1 => Some((a, b.max(end))),
            Some((a, b)) => {
                push_token_span(tokens, a, b, PassageKind::Exact, spans);
                Some((p, end))
            }
            None => Some((p, end)),
        };
    }
    if let Some((a, b)) = run {
        push_token_span(tokens, a, b, PassageKind::Exact, spans);
    }
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
    use super::super::tests::{demo_text, english_list, list_of_one};
    use super::*;
    use crate::fingerprint::{DocFeatures, SHINGLE_WORDS};
    use crate::text::analyze;

    /// The passages of a check of `page` (in `lang`) against `list`, with their text, and the
    /// report's verdict.
    fn passages_of(list: &List, page: &str, lang: &str) -> (Relation, Vec<(PassageKind, String)>) {
        let report = crate::check(list, page, Some(lang));
        let chars: Vec<char> = page.chars().collect();
        let passages = report
            .passages
            .iter()
            .map(|p| (p.kind, chars[p.start..p.end].iter().collect()))
            .collect();
        (report.verdict, passages)
    }

    /// The passages of a check of `page` against the demo story alone, with their text.
    fn demo_passages(page: &str) -> Vec<(PassageKind, String)> {
        passages_of(&english_list("demo", &demo_text()), page, "en").1
    }

    /// The text of the passages of `page` (in `lang`), which a check against `list` calls a
    /// translation: every one of them reworded.
    fn translated_passages(list: &List, page: &str, lang: &str) -> Vec<String> {
        let (verdict, passages) = passages_of(list, page, lang);
        assert_eq!(verdict, Relation::Translated);
        passages
            .into_iter()
            .map(|(kind, text)| {
                assert_eq!(kind, PassageKind::Reworded);
                text
            })
            .collect()
    }

    #[test]
    fn a_translation_s_sentences_are_its_passages() {
        // The demo story in German (written for the tests): of its ten sentences, six hold names,
        // numbers or dates of the original's, two or more, or one beside another.
        let german = include_str!("../../examples/demo/translation-de.txt");
        let list = english_list("demo", &demo_text());
        let passages = |page: &str| translated_passages(&list, page, "de");
        let starts = [
            "Die Hafenbrücke von Porthaven",
            "Rund 41.000 Fahrzeuge",
            "Die Prüfer stellten fest, dass 14 der 212",
            "Verkehrsdirektorin Elena Marsh",
            "Die Reparaturen sollen schätzungsweise 9,4 Millionen",
            "Ein vollständiger Austausch der Kabel, der für 2029",
        ];
        let found = passages(german);
        assert_eq!(found.len(), starts.len(), "{found:#?}");
        for (passage, start) in found.iter().zip(starts) {
            assert!(passage.starts_with(start), "{found:#?}");
        }
        // Its first paragraphs, then a sentence of the page's own with a number the original
        // has too (2029), alone among sentences without any: no passage.
        let cut = german.find("Verkehrsdirektorin").unwrap();
        let page = format!(
            "{}Viele Pendler ärgern sich schon jetzt über die Staus. Die Stadt will mehr Radwege \
             bauen, bis 2029 sollen es doppelt so viele sein. Manche wollen künftig lieber mit \
             dem Fahrrad zur Arbeit fahren.",
            &german[..cut]
        );
        let found = passages(&page);
        assert_eq!(found.len(), 3, "{found:#?}");
    }

    #[test]
    fn a_whole_translation_s_sentences_without_names_are_its_passages_too() {
        // The demo story, the translation of its German version (the list's original): the
        // sentences that hold names or numbers are all found, so the three between them that
        // hold none (ferries, businesses, the chamber of commerce) are translated too.
        let list = list_of_one(
            "de",
            "de",
            include_str!("../../examples/demo/translation-de.txt"),
        );
        let passages = |page: &str| translated_passages(&list, page, "en");
        let english = demo_text();
        let found = passages(&english);
        assert_eq!(found.len(), 9, "{found:#?}");
        for start in [
            "Ferries between",
            "Local businesses",
            "The chamber of commerce",
        ] {
            assert!(found.iter().any(|p| p.starts_with(start)), "{found:#?}");
        }
        // With two lines of the page's own, each with names or numbers the original lacks, among
        // the translated ones, the sentences without any are not taken in.
        let own = english
            .replace(
                " Ferries between",
                " Mayor Tom Reyes said 3,000 parking spaces would open in Kingsbury by 2027. Ferries \
                 between",
            )
            .replace(
                "\n\nThe repairs",
                "\n\nCouncillor Ana Duarte called a meeting in Eastfield for Friday.\n\nThe repairs",
            );
        let found = passages(&own);
        assert_eq!(found.len(), 6, "{found:#?}");
        assert!(
            !found.iter().any(|p| p.starts_with("Ferries between")),
            "{found:#?}"
        );
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
    fn short_sentences_among_copied_ones_are_copied_with_them() {
        // The demo story with two short sentences of its own added, one of two content words
        // and one a quotation: too short for the whole-sentence test.
        let text = demo_text().replace(
            "taken lightly.",
            "taken lightly. Drivers were furious. \"We had no choice,\" Marsh said.",
        );
        let paragraphs: Vec<&str> = text.split("\n\n").collect();
        // Its fourth to sixth paragraphs inside the library story, which shares nothing with it.
        let library: Vec<&str> = super::super::tests::LIBRARY.lines().collect();
        let page = [&library[..2], &paragraphs[3..6], &library[2..4]]
            .concat()
            .join("\n\n");
        let report = crate::check(&english_list("demo", &text), &page, Some("en"));
        let exact = |needle: &str| {
            let at = page[..page.find(needle).unwrap()].chars().count();
            report
                .passages
                .iter()
                .any(|p| p.kind == PassageKind::Exact && p.start <= at && at < p.end)
        };
        assert!(exact("Drivers were furious"), "{:?}", report.passages);
        assert!(exact("We had no choice"), "{:?}", report.passages);
        // The copied paragraphs, and nothing of the library story.
        let (from, to) = (
            page.find(paragraphs[3]).unwrap(),
            page.find(paragraphs[5]).unwrap() + paragraphs[5].len(),
        );
        let (from, to) = (page[..from].chars().count(), page[..to].chars().count());
        assert!(
            report
                .passages
                .iter()
                .all(|p| p.start >= from && p.end <= to),
            "{:?}",
            report.passages
        );
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
