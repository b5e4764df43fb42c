//! Checking a page against a list: candidates, scores, relations, passages.
//!
//! 1. The page is analysed and all its features are extracted ([`DocFeatures`]).
//! 2. Every feature is looked up in the list's index; features held by too many originals
//!    ([`max_df`]) are skipped, since they say nothing about any one of them. Each hit records the
//!    feature's position in the page and in the original.
//! 3. Originals are ranked by a cheap pre-score (share of their stored features the page hit) and
//!    the best [`SCORED`] are measured in full ([`Features`]: the order of shared features here,
//!    what the original's stored vocabulary says of the page in `vocabulary`) and scored
//!    ([`crate::score`]).
//! 4. The page's reused passages are built from the hits of the derived candidates (`passages`).

mod passages;
mod vocabulary;

use std::collections::HashMap;

use passages::{passage_sources, passages};
use vocabulary::vocabulary_shares;
pub use vocabulary::WHOLE_SENTENCE_WORDS;

use crate::credits;
use crate::fingerprint::{DocFeatures, Kind};
use crate::list::List;
use crate::report::{Candidate, Relation, Report, Stats};
use crate::score::{self, Features};
use crate::text::{analyze, lang, Analysis, CAPITAL, FURNITURE, NUMBER};

/// Candidates measured in full per check (and beyond them, each language's best few).
pub const SCORED: usize = 16;
/// Candidates of each language measured at least, beyond [`SCORED`] if need be (up to twice as
/// many in all), when they share [`PER_LANGUAGE_HITS`] features with the page or more. The
/// pre-score ranks originals of one language fairly, not of two: it counts the share of an
/// original's stored names and numbers a page holds, and an Urdu original, whose names carry no
/// capitals, stores one to three of them where an English one stores six. A page in a third
/// language (a Russian translation of an English story) shares a number or two with many Urdu
/// originals, and they filled every place before its own original was measured: checked against
/// a list of all the public sets' originals, wmt19's translations had their own original first
/// for 0.939 of them, against 0.985 with wmt19's own list.
const PER_LANGUAGE: u8 = 4;
/// Features a candidate measured for its language's sake ([`PER_LANGUAGE`]) shares with the page
/// at least. One or two are what chance gives a page and an original in other languages (a year, a
/// common number); with two, a check against 20,000 English originals beside counter-public's
/// Urdu ones pinned 1.4 % of its Urdu copies on an English text they share numbers with.
const PER_LANGUAGE_HITS: usize = 3;
/// Candidates reported.
pub const REPORTED: usize = 5;
/// Most derived candidates a report draws passages from.
const PASSAGE_SOURCES: usize = 3;

/// Features held by more originals than this are ignored: `max(32, n / 50)` for a list of `n`.
pub fn max_df(n: usize) -> usize {
    (n / 50).max(32)
}

/// One feature of the page found in one original.
#[derive(Debug, Clone, Copy)]
struct Hit {
    original: u32,
    kind: Kind,
    key: u32,
    page_pos: u32,
    original_pos: u8,
    df: u32,
}

/// A page, analysed once, to check against one or more lists.
#[derive(Debug, Clone)]
pub struct Page<'t> {
    /// The page's text.
    pub text: &'t str,
    /// Its analysis.
    pub analysis: Analysis,
    /// Its features.
    pub features: DocFeatures,
    /// The token indices of its article's words, in order: all but its furniture (bylines,
    /// captions, share rows: `text::furniture`), which a page adds where it will. Where the page
    /// is measured against an original's length, these are counted.
    pub article: Vec<u32>,
    /// For a page whose language is unknown, the languages it is known not to be in
    /// ([`lang::ruled_out`]; bit `i` for [`lang::CODES`]`[i]`): compared with an original in one of
    /// them, the page is a translation's candidate, not a same-language copy's.
    pub not_in: u64,
}

impl<'t> Page<'t> {
    /// Analyses `text`; `lang` is the page's language if known.
    pub fn new(text: &'t str, lang: Option<&str>) -> Page<'t> {
        let analysis = analyze(text, lang);
        let features = DocFeatures::new(&analysis);
        let not_in = if analysis.lang.is_empty() {
            // Running text only: a table of names and scores has no function words in any
            // language, and says nothing of its own.
            lang::ruled_out(
                analysis
                    .tokens
                    .iter()
                    .filter(|t| t.flags & (NUMBER | CAPITAL) == 0)
                    .map(|t| t.word),
            )
        } else {
            0
        };
        let article = (0..analysis.tokens.len() as u32)
            .filter(|&i| analysis.tokens[i as usize].flags & FURNITURE == 0)
            .collect();
        Page {
            text,
            analysis,
            features,
            article,
            not_in,
        }
    }
}

/// Checks `text` against `list`. `lang` is the page's language if the caller knows it.
pub fn check(list: &List, text: &str, lang: Option<&str>) -> Report {
    check_page(list, &Page::new(text, lang))
}

/// Checks an analysed page against `list`.
pub fn check_page(list: &List, page: &Page<'_>) -> Report {
    let (measured, by_original) = measure(list, page);
    // Ranked by the exact score (the report shows it rounded); ties keep the pre-score's order,
    // which reflects how much evidence each candidate has (a stable sort), not list order.
    let mut ranked: Vec<(f64, &Features, u32)> = measured
        .iter()
        .map(|(o, f)| (score::score(f), f, *o))
        .collect();
    ranked.sort_by(|a, b| b.0.total_cmp(&a.0));
    explain_translations_away(&mut ranked);
    let mut scored: Vec<(Candidate, u32)> = ranked
        .into_iter()
        .map(|(score, f, o)| (candidate(list, o, f, score), o))
        .collect();
    // Only the candidates a report names, and those its passages are drawn from, are described
    // by their metadata: decoding a block of it costs more than measuring a candidate.
    let mut named: Vec<usize> = (0..scored.len().min(REPORTED))
        .chain(passage_sources(&scored))
        .collect();
    named.sort_unstable();
    named.dedup();
    list.decode_meta_of(named.iter().map(|&i| scored[i].1 as usize));
    for i in named {
        let (c, o) = &mut scored[i];
        describe(list, page, *o, c);
    }

    let mut passages = passages(list, page, &scored, &by_original);
    crate::report::bytes_to_chars(
        page.text,
        passages
            .iter_mut()
            .flat_map(|p| [&mut p.start, &mut p.end])
            .collect(),
    );
    let candidates: Vec<Candidate> = scored.into_iter().take(REPORTED).map(|(c, _)| c).collect();
    let best = candidates.first().cloned();
    let mut report = Report {
        id: None,
        verdict: best.as_ref().map_or(Relation::None, |b| b.relation),
        best,
        candidates,
        passages,
        credits: page.analysis.credits.clone(),
        lang: page.analysis.lang.to_string(),
        stats: Stats {
            words: page.analysis.tokens.len(),
            article_words: page
                .analysis
                .tokens
                .iter()
                .filter(|t| t.flags & crate::text::FURNITURE == 0)
                .count(),
            millis: 0.0,
            truncated: page.analysis.truncated,
        },
        rests_on_words_alone: false,
    };
    report.weigh_length();
    report
}

/// Scores translations no higher than an original in the page's own language that explains the
/// page better: derived too, and holding a larger share of the page's names and numbers.
/// `ranked` is sorted by score, best first, and stays so.
///
/// Across languages only names, numbers and their order carry over, so a foreign original is
/// named by them alone, and a foreign report of the page's event has them too. Where an original
/// in the page's language holds them as well, and the page's words besides, the page is more
/// likely taken from that one than translated from the foreign one: a heavily spun copy of an
/// English story (a synonym for every other content word, its wording mostly lost) was called a
/// translation of a German report of the same event for 4 of 264 such pages of wmt19's English
/// originals, just ahead of its own original (0.69 against 0.68).
fn explain_translations_away(ranked: &mut [(f64, &Features, u32)]) {
    let own = ranked
        .iter()
        .position(|(score, f, _)| !f.cross_language && *score >= score::DERIVED);
    let Some(own) = own else {
        return;
    };
    let (score, explains) = (ranked[own].0, ranked[own].1.page_anchors);
    let explained = |f: &Features| f.cross_language && f.page_anchors < explains;
    if !ranked[..own].iter().any(|(_, f, _)| explained(f)) {
        return;
    }
    // Those above it that it explains move right after it, with its score; the others keep
    // their place above it (a stable partition, without a sort's code in the browser's engine).
    let (above, after): (Vec<_>, Vec<_>) = ranked[..own]
        .iter()
        .copied()
        .partition(|(_, f, _)| !explained(f));
    let order: Vec<_> = above
        .into_iter()
        .chain(std::iter::once(ranked[own]))
        .chain(after.into_iter().map(|(_, f, o)| (score, f, o)))
        .collect();
    ranked[..=own].copy_from_slice(&order);
}

/// The [`SCORED`] most promising originals for `page` with everything measured about each
/// (used by `provenance eval --features` to calibrate the score), and the hits per original.
pub fn candidate_features(list: &List, page: &Page<'_>) -> Vec<(usize, Features)> {
    measure(list, page)
        .0
        .into_iter()
        .map(|(o, f)| (o as usize, f))
        .collect()
}

/// The candidates measured in full, in pre-score order, and the hits of every original the page hit.
type Measured = (Vec<(u32, Features)>, HashMap<u32, Vec<Hit>>);

/// Gathers the page's hits by original, ranks the originals by [`prescore`] and measures the best
/// [`SCORED`] in full, and the best few of each language beyond them ([`PER_LANGUAGE`]).
fn measure(list: &List, page: &Page<'_>) -> Measured {
    let mut by_original: HashMap<u32, Vec<Hit>> = HashMap::new();
    for h in gather(list, page) {
        by_original.entry(h.original).or_default().push(h);
    }
    let mut ranked: Vec<(f64, u32)> = by_original
        .iter()
        .map(|(&o, hs)| (prescore(list, o, hs), o))
        .collect();
    ranked.sort_unstable_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)));
    // The best [`SCORED`], and each language's best few after them.
    let mut taken_of_lang = [0u8; 256];
    let mut taken = 0;
    ranked.retain(|&(_, o)| {
        let lang = usize::from(list.record(o as usize).lang);
        let take = taken < SCORED
            || (taken_of_lang[lang] < PER_LANGUAGE
                && taken < 2 * SCORED
                && by_original[&o].len() >= PER_LANGUAGE_HITS);
        if take {
            taken += 1;
            taken_of_lang[lang] += 1;
        }
        take
    });
    let measured = ranked
        .iter()
        .map(|&(_, o)| (o, features(list, page, o, &by_original[&o])))
        .collect();
    (measured, by_original)
}

/// Looks every page feature up in the list. A hit's document frequency counts the originals
/// that hold the feature among those it is counted among, as the list's builder counted it
/// ([`crate::list::counted_across_languages`]): all of them for an anchor, those of the hit
/// original's language for a term or a phrase.
fn gather(list: &List, page: &Page<'_>) -> Vec<Hit> {
    let limit = max_df(list.len());
    let mut hits = Vec::new();
    // The languages of a feature's postings, each with how many of them it has.
    let mut langs: Vec<(u8, usize)> = Vec::new();
    for kind in Kind::ALL {
        let across = crate::list::counted_across_languages(kind);
        for f in page.features.of(kind) {
            let postings = list.lookup(f.key);
            let df = postings.len();
            if df == 0 || df > limit {
                continue;
            }
            langs.clear();
            if !across {
                for p in postings.clone() {
                    let lang = list.record(p.original as usize).lang;
                    match langs.iter_mut().find(|(l, _)| *l == lang) {
                        Some((_, held)) => *held += 1,
                        None => langs.push((lang, 1)),
                    }
                }
            }
            for p in postings {
                let held = if across {
                    df
                } else {
                    let lang = list.record(p.original as usize).lang;
                    langs
                        .iter()
                        .find(|(l, _)| *l == lang)
                        .map_or(1, |&(_, c)| c)
                };
                hits.push(Hit {
                    original: p.original,
                    kind,
                    key: f.key,
                    page_pos: f.pos,
                    original_pos: p.pos,
                    df: list.df_of(p.original as usize, f.key, held) as u32,
                });
            }
        }
    }
    hits
}

/// Share of an original's stored features the page hit, shingles and terms counting most.
fn prescore(list: &List, original: u32, hits: &[Hit]) -> f64 {
    let r = list.record(original as usize);
    let mut n = [0usize; 3];
    for h in hits {
        n[h.kind as usize] += 1;
    }
    let share = |k: usize| n[k] as f64 / f64::from(r.counts[k].max(1));
    share(0) + share(1) + 0.5 * share(2)
}

/// One measured candidate with its `score` ([`score::score`] of `f`); its metadata is left empty
/// until [`describe`] fills it in.
fn candidate(list: &List, original: u32, f: &Features, score: f64) -> Candidate {
    let relation = score::relation(f, score);
    let rec = list.record(original as usize);
    let r3 = |x: f64| (x * 1000.0).round() / 1000.0 + 0.0;
    Candidate {
        id: String::new(),
        source: None,
        title: None,
        url: None,
        published: None,
        score: r3(score),
        relation,
        page_coverage: r3(shown_page_coverage(f)),
        original_coverage: r3(shown_original_coverage(f)),
        credited: false,
        near_duplicate: f.near_duplicate,
        lang: lang::code_at(rec.lang).to_string(),
        evidence: score::evidence(f),
    }
}

/// Fewest page phrases the original's sample must be able to hold for their share alone to be
/// the page coverage a report shows (see [`shown_page_coverage`]).
const MIN_PHRASES_SAMPLED: usize = 3;

/// The share of the page found in the original, as a report shows it (`page_coverage`).
///
/// It is the share of the page's phrases found among the original's sampled ones
/// ([`Features::page_coverage`], what the score weighs), counted over the page's phrases that
/// the original's sample could hold. A short page holds few of those: a paragraph or two copied
/// word for word from a 225-word original can hold none, and its share then read 0 % beside a
/// verdict of "copied word for word". So a sample of fewer than [`MIN_PHRASES_SAMPLED`] phrases
/// is filled up to that many with the share of the page's tested words that are in sentences
/// found whole in the original's stored vocabulary ([`Features::page_sentences`]), a measure of
/// the same thing over every word rather than a sample. Where no page sentence could be tested
/// either, or the original is in another language (whose vocabulary holds none of the page's
/// sentences), the phrases' share stands. The score is computed from the features as measured,
/// not from this figure.
fn shown_page_coverage(f: &Features) -> f64 {
    if f.phrases_sampled >= MIN_PHRASES_SAMPLED || !f.sentences_tested || f.cross_language {
        return f.page_coverage;
    }
    let hits = f.page_coverage * f.phrases_sampled as f64;
    let filled = (MIN_PHRASES_SAMPLED - f.phrases_sampled) as f64;
    (hits + filled * f.page_sentences) / MIN_PHRASES_SAMPLED as f64
}

/// The share of the original reused in the page, as a report shows it (`original_coverage`):
/// the share of the original's sampled phrases found in the page, or, where more, the share of
/// its words the page reproduces in sentences found whole ([`Features::sentences`]).
///
/// The sample is ten phrases, so a page that copies a third of the original word for word finds
/// none of them about one time in sixty, and two paragraphs of the demo story copied alone read
/// "original's phrases on the page: 0 %" beside "original's words in page sentences copied
/// whole: 34 %". Words in sentences found whole are reused for certain (but for the filter's
/// chance matches, one word in 64, of which a sentence needs six at once), so their share is a
/// floor the shown figure keeps to. The score weighs both as measured.
fn shown_original_coverage(f: &Features) -> f64 {
    f.original_coverage.max(f.sentences)
}

/// Fills in candidate `c`'s metadata from the list (original `original`): its id, source,
/// headline, address and date, and whether the page credits its source.
fn describe(list: &List, page: &Page<'_>, original: u32, c: &mut Candidate) {
    let meta = list.meta(original as usize);
    c.id = meta.id.to_string();
    c.source = meta.source.map(str::to_string);
    c.title = meta.title.map(str::to_string);
    c.url = meta.url.map(str::to_string);
    c.published = meta.published.map(str::to_string);
    c.credited = meta
        .source
        .is_some_and(|s| credits::mentions(page.text, &page.analysis, s));
}

/// Everything measured about the page and one original.
fn features(list: &List, page: &Page<'_>, original: u32, hits: &[Hit]) -> Features {
    let rec = list.record(original as usize);
    // Page shingles the original would have kept had it contained them.
    let sampled = page.features.shingles.partition_point(|s| s.key <= rec.tau);
    let shingle_hits = hits
        .iter()
        .filter(|h| h.kind == Kind::Shingle && h.key <= rec.tau)
        .count();
    let weight = |kind: Kind| -> f64 {
        hits.iter()
            .filter(|h| h.kind == kind)
            .map(|h| f64::from(list.idf(kind, original as usize, h.df as usize)))
            .sum()
    };
    let share = |num: f64, den: f32| {
        if den > 0.0 {
            (num / f64::from(den)).min(1.0)
        } else {
            0.0
        }
    };
    let mut pairs: Vec<(u32, u8)> = hits.iter().map(|h| (h.page_pos, h.original_pos)).collect();
    pairs.sort_unstable();
    let (order, order_pairs) = concordance(&pairs);
    let page_lang = page.analysis.lang;
    let orig_lang = lang::code_at(rec.lang);
    let anchor_matches = hits.iter().filter(|h| h.kind == Kind::Anchor).count();
    let shares = vocabulary_shares(list, page, original as usize, hits);
    Features {
        page_coverage: if sampled > 0 {
            (shingle_hits as f64 / sampled as f64).min(1.0)
        } else {
            0.0
        },
        phrases_sampled: sampled,
        original_coverage: (shingle_hits as f64 / f64::from(rec.counts[0].max(1))).min(1.0),
        terms: share(weight(Kind::Term), rec.term_weight),
        vocabulary: shares.words,
        words_looked_up: shares.words_looked_up,
        sentences: shares.sentences,
        sentences_tested: shares.sentences_tested,
        surprise: shares.surprise,
        page_sentences: shares.page_sentences,
        page_reworded: shares.page_reworded,
        page_anchors: shares.page_anchors,
        original_anchors: shares.original_anchors,
        // One shared number is no evidence: the anchor share is shrunk by m / (m + 2) for m matches.
        anchors: share(weight(Kind::Anchor), rec.anchor_weight) * anchor_matches as f64
            / (anchor_matches as f64 + 2.0),
        anchor_matches,
        order,
        order_pairs,
        cross_language: !orig_lang.is_empty()
            && if page_lang.is_empty() {
                page.not_in & lang::lang_bit(rec.lang) != 0
            } else {
                page_lang != orig_lang
            },
        near_duplicate: page.features.words > 0
            && rec.words > 0
            && (page.features.simhash ^ rec.simhash).count_ones() <= 3,
    }
}

/// Share of concordant pairs among `(page, original)` position pairs sorted by page position,
/// ignoring ties; 0.5 (no evidence of order) with fewer than three pairs.
fn concordance(pairs: &[(u32, u8)]) -> (f64, usize) {
    if pairs.len() < 3 {
        return (0.5, pairs.len());
    }
    // Pairs are few against a list (an original stores about 30 features), but all of a long
    // text's phrases against an original compared whole: so each pair is counted against the
    // earlier pages' pairs by original place, in a Fenwick tree over the 256 places, one group of
    // pairs at the same page place at a time (ties are no evidence either way).
    let mut tree = [0u64; 257];
    let below = |tree: &[u64; 257], place: u8| {
        let (mut i, mut n) = (usize::from(place), 0);
        while i > 0 {
            n += tree[i];
            i &= i - 1;
        }
        n
    };
    let (mut concordant, mut discordant, mut seen) = (0u64, 0u64, 0u64);
    for group in pairs.chunk_by(|a, b| a.0 == b.0) {
        for &(_, place) in group {
            let (lower, upto) = (below(&tree, place), below(&tree, place.wrapping_add(1)));
            // `upto` counts places up to this one, but for the last place, 255, which every
            // earlier pair is at or below.
            let upto = if place == u8::MAX { seen } else { upto };
            concordant += lower;
            discordant += seen - upto;
        }
        for &(_, place) in group {
            let mut i = usize::from(place) + 1;
            while i < tree.len() {
                tree[i] += 1;
                i += i & i.wrapping_neg();
            }
            seen += 1;
        }
    }
    let total = concordant + discordant;
    if total == 0 {
        (0.5, pairs.len())
    } else {
        (concordant as f64 / total as f64, pairs.len())
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use crate::report::{Passage, PassageKind};

    #[test]
    fn concordance_of_orders() {
        let same: Vec<(u32, u8)> = (0..10).map(|i| (i, i as u8 * 10)).collect();
        assert_eq!(concordance(&same).0, 1.0);
        let reversed: Vec<(u32, u8)> = (0..10).map(|i| (i, 200 - i as u8 * 10)).collect();
        assert_eq!(concordance(&reversed).0, 0.0);
        assert_eq!(concordance(&same[..2]).0, 0.5);
    }

    #[test]
    fn concordance_counts_as_every_pair_compared() {
        // Every pair of pairs compared, as the count was first written.
        let quadratic = |pairs: &[(u32, u8)]| {
            let (mut c, mut d) = (0u64, 0u64);
            for (i, a) in pairs.iter().enumerate() {
                for b in &pairs[i + 1..] {
                    if a.0 != b.0 && a.1 != b.1 {
                        *(if b.1 > a.1 { &mut c } else { &mut d }) += 1;
                    }
                }
            }
            (c, d)
        };
        let mut x = 0x9e37_79b9_7f4a_7c15u64;
        let mut next = |m: u64| {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            x % m
        };
        for n in [3, 10, 100, 1000] {
            for spread in [4, 256] {
                let mut pairs: Vec<(u32, u8)> = (0..n)
                    .map(|_| (next(n / 2 + 1) as u32, next(spread) as u8))
                    .collect();
                pairs.sort_unstable();
                let (c, d) = quadratic(&pairs);
                let want = if c + d == 0 {
                    0.5
                } else {
                    c as f64 / (c + d) as f64
                };
                assert_eq!(concordance(&pairs), (want, pairs.len()), "{n} {spread}");
            }
        }
        // The last place, where the count of places up to one wraps.
        assert_eq!(concordance(&[(0, 255), (1, 0), (2, 255)]), (0.5, 3));
    }

    #[test]
    fn names_are_not_shared_wording() {
        use crate::fingerprint::SketchSize;
        use crate::list::build::build;
        use crate::list::OriginalDoc;
        let list = build(
            [OriginalDoc {
                id: "o".into(),
                text: "The minister, Olaf Berglund, met Maria Santos in Lisbon on Tuesday to \
                       discuss fishing quotas for the coming season."
                    .into(),
                ..Default::default()
            }],
            SketchSize::LIST,
        )
        .unwrap();
        let share = |text: &str| {
            let page = Page::new(text, Some("en"));
            candidate_features(&list, &page)
                .first()
                .map(|(_, f)| f.vocabulary)
        };
        // Another report of the meeting: the same people and place, none of the wording.
        assert_eq!(
            share("Reporters saw Olaf Berglund and Maria Santos walking together in Lisbon."),
            Some(0.0)
        );
        // A copy shares the wording too.
        assert!(
            share(
                "On Tuesday, Olaf Berglund met Maria Santos in Lisbon to discuss fishing quotas."
            )
            .unwrap()
                > 0.5
        );
    }

    /// One English original I wrote: a harbour strike, with names and numbers.
    pub(super) const HARBOUR: &str = "The harbour authority of Valdoria said on Monday that 4,200 \
        containers were stranded after a strike by 1,350 dock workers. Director Henrik Asplund \
        told the council in Marlow that talks with the union led by Petra Quist would resume on \
        14 March. The shipping line Nordwave, which moves 38 percent of the port's cargo, said it \
        would divert 17 vessels to Kessing. Mayor Jonas Elberg urged both sides to settle before \
        the 2025 budget vote.";

    /// A list of one English original, `text`, under the id `id`.
    pub(crate) fn english_list(id: &str, text: &str) -> List {
        list_of_one(id, "en", text)
    }

    /// A list of one original, `text` in the language `lang`.
    pub(super) fn list_of_one(id: &str, lang: &str, text: &str) -> List {
        use crate::fingerprint::SketchSize;
        use crate::list::build::build;
        use crate::list::OriginalDoc;
        build(
            [OriginalDoc {
                id: id.into(),
                lang: Some(lang.into()),
                text: text.into(),
                ..Default::default()
            }],
            SketchSize::LIST,
        )
        .unwrap()
    }

    /// A list of [`HARBOUR`] alone.
    pub(super) fn harbour_list() -> List {
        english_list("harbour", HARBOUR)
    }

    #[test]
    fn a_story_in_capitals_or_title_case_and_its_copy_in_ordinary_case_find_each_other() {
        let check = |original: String, page: &str| {
            let list = english_list("o", &original);
            let page = Page::new(page, Some("en"));
            let best = check_page(&list, &page).best.expect("a candidate");
            assert_eq!(best.relation, Relation::Verbatim, "{best:?}");
            candidate_features(&list, &page)[0].1
        };
        // Wire copy sent in capitals or in title case, republished in ordinary case: every word
        // found.
        let title_case: Vec<String> = HARBOUR
            .split(' ')
            .map(|w| w[..1].to_uppercase() + &w[1..])
            .collect();
        for original in [HARBOUR.to_uppercase(), title_case.join(" ")] {
            let f = check(original, HARBOUR);
            assert!(f.vocabulary > 0.95 && f.sentences > 0.9, "{f:?}");
        }
        // The other way round, the page's names are words to it, and the original's vocabulary
        // holds names as anchors only: the rest of the words are found.
        let f = check(HARBOUR.to_string(), &HARBOUR.to_uppercase());
        assert!(f.vocabulary > 0.7, "{f:?}");
    }

    #[test]
    fn named_candidates_and_passage_sources_carry_their_metadata() {
        use crate::fingerprint::SketchSize;
        use crate::list::build::build;
        use crate::list::OriginalDoc;
        // Twelve versions of one story, each with a sentence of its own: more candidates are
        // measured than a report names.
        let docs = (0..12).map(|i| OriginalDoc {
            id: format!("h{i}"),
            source: Some(format!("Wire {i}")),
            title: Some(format!("Harbour strike, version {i}")),
            lang: Some("en".into()),
            text: format!("{HARBOUR} Version {i} adds that {} ships waited.", 10 + i),
            ..Default::default()
        });
        let list = build(docs, SketchSize::LIST).unwrap();
        let report = check(&list, &format!("{HARBOUR} (Wire 3)"), Some("en"));
        assert_eq!(report.candidates.len(), REPORTED);
        for c in &report.candidates {
            let i: usize = c.id.strip_prefix('h').and_then(|n| n.parse().ok()).unwrap();
            assert_eq!(c.source.as_deref(), Some(format!("Wire {i}").as_str()));
            assert_eq!(
                c.title.as_deref(),
                Some(format!("Harbour strike, version {i}").as_str())
            );
            assert_eq!(c.credited, i == 3, "{c:?}");
        }
        assert!(!report.passages.is_empty());
        assert!(report
            .passages
            .iter()
            .all(|p| p.original_id.starts_with('h')));
    }

    #[test]
    fn words_in_originals_of_another_language_leave_a_page_s_terms_as_they_were() {
        use crate::fingerprint::SketchSize;
        use crate::list::build::build;
        use crate::list::OriginalDoc;
        let original = |id: String, lang: &str, text: String| OriginalDoc {
            id,
            lang: Some(lang.into()),
            text,
            ..Default::default()
        };
        let english = || {
            let others = (0..3).map(|i| {
                let text = format!("Farmers in the valley of Orrin reported {i} dry weeks.");
                original(format!("en{i}"), "en", text)
            });
            std::iter::once(original("harbour".into(), "en", HARBOUR.into())).chain(others)
        };
        // German originals that use the story's words as loanwords.
        let german = (0..12).map(|i| {
            let text = format!(
                "Der Streik im harbour dauert an; {i} containers, dock workers und die union \
                 warten auf das budget vote."
            );
            original(format!("de{i}"), "de", text)
        });
        let alone = build(english(), SketchSize::LIST).unwrap();
        let mixed = build(english().chain(german), SketchSize::LIST).unwrap();
        let page = Page::new(
            "Dock workers stranded 4,200 containers in Valdoria, the harbour authority said. \
             Talks with the union would resume on 14 March, before the budget vote.",
            Some("en"),
        );
        let terms = |list: &List| {
            let features = candidate_features(list, &page);
            let (_, f) = features.iter().find(|(o, _)| *o == 0).expect("the story");
            f.terms
        };
        assert!(terms(&alone) > 0.0);
        assert_eq!(terms(&mixed), terms(&alone));
    }

    #[test]
    fn originals_of_another_language_do_not_crowd_out_a_translation_s_own() {
        use crate::fingerprint::SketchSize;
        use crate::list::build::build;
        use crate::list::OriginalDoc;
        // Urdu reports that hold one number each, the number of the strike's containers: each
        // stores it among its one or two names and numbers.
        const URDU: [&str; 6] = ["کراچی", "بندرگاہ", "حکومت", "وزیر", "عوام", "شہر"];
        let urdu = (0..2 * SCORED).map(|i| OriginalDoc {
            id: format!("ur{i}"),
            lang: Some("ur".into()),
            text: format!(
                "{} میں 4,200 کنٹینر پہنچ گئے اور {} نے اعلان کیا کہ کام جاری رہے گا۔",
                URDU[i % 6],
                URDU[(i + 1) % 6],
            ),
            ..Default::default()
        });
        let english = OriginalDoc {
            id: "harbour".into(),
            lang: Some("en".into()),
            text: HARBOUR.into(),
            ..Default::default()
        };
        let list = build(urdu.chain([english]), SketchSize::LIST).unwrap();
        // A German translation of the story's first two sentences.
        let report = crate::check(
            &list,
            "Die Hafenbehörde von Valdoria teilte am Montag mit, dass nach einem Streik von \
             Hafenarbeitern 4.200 Container festsitzen. Direktor Henrik Asplund sagte dem Rat, \
             die Gespräche würden bald wieder aufgenommen.",
            Some("de"),
        );
        let best = report.best.as_ref().expect("a candidate");
        assert_eq!(
            (best.id.as_str(), best.relation),
            ("harbour", Relation::Translated),
            "{:?}",
            report.candidates
        );
    }

    #[test]
    fn a_foreign_report_of_the_event_is_not_a_translation() {
        let list = harbour_list();
        let best = |text: &str| crate::check(&list, text, Some("de")).best.unwrap();
        // A translation carries nearly every name and number, both ways.
        let translation = best(
            "Die Hafenbehörde von Valdoria teilte am Montag mit, dass nach einem Streik von 1.350 \
             Hafenarbeitern 4.200 Container festsitzen. Direktor Henrik Asplund sagte dem Rat in \
             Marlow, die Gespräche mit der Gewerkschaft unter Petra Quist würden am 14. März \
             wieder aufgenommen. Die Reederei Nordwave, die 38 Prozent der Fracht des Hafens \
             befördert, erklärte, sie werde 17 Schiffe nach Kessing umleiten. Bürgermeister Jonas \
             Elberg forderte beide Seiten auf, sich vor der Haushaltsabstimmung 2025 zu einigen.",
        );
        assert_eq!(translation.relation, Relation::Translated);
        // A German report of the strike: the same port, people and headcount, in the same order,
        // and names and numbers of its own.
        let report = best(
            "Im Hafen von Valdoria streiken seit einer Woche 1.350 Hafenarbeiter. Hafendirektor \
             Henrik Asplund nannte den Ausstand am Dienstag in Brenholm unverantwortlich. \
             Gewerkschaftschefin Petra Quist sprach vor Journalisten von einem langen Kampf und \
             forderte neun Prozent mehr Lohn für die Nachtschichten. Die Reederei Nordwave wollte \
             sich nicht äußern. Anwohner in Valdoria klagen über Lärm und Staus auf der \
             Küstenstraße; Händler wie Gerda Lind fürchten Engpässe vor Ostern.",
        );
        assert!(!report.relation.is_derived(), "{report:?}");
        assert!(translation.score - report.score > 0.4);
    }

    #[test]
    fn a_page_in_a_language_the_guesser_cannot_name_is_still_a_translation() {
        let list = harbour_list();
        // Finnish, which the guesser does not name, and no language given: compared as if it were
        // English, the translation was `none`.
        let translation = "Valdorian satamaviranomainen kertoi maanantaina, että 4 200 konttia \
            on jumissa 1 350 satamatyöntekijän lakon vuoksi. Johtaja Henrik Asplund kertoi \
            Marlow'n valtuustolle, että neuvottelut Petra Quistin johtaman ammattiliiton kanssa \
            jatkuvat 14. maaliskuuta. Varustamo Nordwave, joka kuljettaa 38 prosenttia sataman \
            rahdista, kertoi ohjaavansa 17 alusta Kessingiin. Pormestari Jonas Elberg kehotti \
            molempia osapuolia sopimaan ennen vuoden 2025 budjettiäänestystä.";
        let page = Page::new(translation, None);
        assert_eq!(page.analysis.lang, "");
        let best = check_page(&list, &page).best.expect("a candidate");
        assert_eq!(best.relation, Relation::Translated, "{best:?}");
        // A Finnish report of the strike, with names and numbers of its own, is not one.
        let report = Page::new(
            "Valdorian satamassa on lakkoiltu viikon ajan. Satamajohtaja Henrik Asplund kutsui \
             lakkoa tiistaina Brenholmissa vastuuttomaksi, ja ammattiliiton puheenjohtaja Petra \
             Quist vaati yövuoroihin yhdeksän prosentin palkankorotusta. Asukkaat valittavat \
             melusta ja ruuhkista rantatiellä, ja kauppiaat pelkäävät pulaa ennen pääsiäistä.",
            None,
        );
        let other = check_page(&list, &report).best.expect("a candidate");
        assert!(!other.relation.is_derived(), "{other:?}");
        // An English page whose language is not given is still English to the English original.
        let copy = Page::new(HARBOUR, None);
        assert_eq!(copy.not_in, 0);
        let best = check_page(&list, &copy).best.expect("a candidate");
        assert_eq!(best.relation, Relation::Verbatim, "{best:?}");
    }

    #[test]
    fn an_original_in_a_language_of_its_own_script_is_another_language() {
        use crate::fingerprint::SketchSize;
        use crate::list::build::build;
        use crate::list::OriginalDoc;
        // The harbour story in Gujarati, its numbers in Gujarati digits, some with postpositions
        // written on: given as "gu", which was no listed code, it counted as of unknown language,
        // and the English story was compared with it as if in one language (`none`).
        let gujarati = "વાલ્ડોરિયાના બંદર સત્તાવાળાએ સોમવારે જણાવ્યું હતું કે ૧,૩૫૦ ગોદી \
            કામદારોની હડતાળ બાદ ૪,૨૦૦ કન્ટેનર અટવાઈ ગયા છે. નિર્દેશક હેનરિક એસ્પલુન્ડે \
            માર્લોમાં પરિષદને જણાવ્યું કે પેટ્રા ક્વિસ્ટના નેતૃત્વ હેઠળના સંઘ સાથેની વાટાઘાટો ૧૪ માર્ચે \
            ફરી શરૂ થશે. બંદરના ૩૮ ટકા માલનું પરિવહન કરતી શિપિંગ લાઇન નોર્ડવેવે જણાવ્યું કે તે \
            ૧૭ જહાજોને કેસિંગ તરફ વાળશે. મેયર જોનાસ એલ્બર્ગે બંને પક્ષોને ૨૦૨૫ના બજેટ મતદાન \
            પહેલાં સમાધાન કરવા વિનંતી કરી.";
        let list = build(
            [OriginalDoc {
                id: "gu".into(),
                lang: Some("gu".into()),
                text: gujarati.into(),
                ..Default::default()
            }],
            SketchSize::LIST,
        )
        .unwrap();
        assert_eq!(lang::code_at(list.record(0).lang), "gu");
        let best = crate::check(&list, HARBOUR, None)
            .best
            .expect("a candidate");
        assert_eq!(best.relation, Relation::Translated, "{best:?}");
    }

    #[test]
    fn only_the_same_story_is_related() {
        let list = harbour_list();
        let best = |text: &str| crate::check(&list, text, Some("en")).best;
        // Another outlet's report of the strike, in its own words: the same story, not a copy.
        let report = best(
            "Dock workers in Valdoria walked out for a second week, leaving thousands of \
             containers on the quays. Henrik Asplund, who runs the port, called the stoppage \
             reckless, while Petra Quist of the union said her members wanted nine percent more \
             for night shifts. Nordwave declined to comment on how long its ships would wait.",
        );
        assert_eq!(report.map(|b| b.relation), Some(Relation::Related));
        // Another dispute elsewhere: some of the same words (union, workers, talks, budget), none
        // of its names or facts.
        let other = best(
            "Nurses at the two hospitals of Brenholm will vote this week on a new contract. Their \
             union says the workers have not had a raise since the last budget, and talks with \
             the health board broke down in the autumn over overtime pay and staffing.",
        );
        assert!(
            other.as_ref().is_none_or(|b| b.relation == Relation::None),
            "{other:?}"
        );
    }

    /// A story of my own on another subject with two sentences of the harbour original inside.
    pub(super) const HOST_WITH_HARBOUR: &str =
        "The regional orchestra opened its winter season on Friday \
        with a programme of northern composers. Its conductor, who took over the ensemble last \
        year, chose pieces rarely played outside the concert halls of the coast.\n\
        Director Henrik Asplund told the council in Marlow that talks with the union led by \
        Petra Quist would resume on 14 March. The shipping line Nordwave, which moves 38 percent \
        of the port's cargo, said it would divert 17 vessels to Kessing.\n\
        Tickets for the remaining concerts sold out within hours, and the orchestra has added a \
        matinee for schools in January. Critics praised the strings and the young soloist.";

    #[test]
    fn sentences_are_tested_where_a_script_has_spaces() {
        let features =
            |list: &List, text: &str| candidate_features(list, &Page::new(text, None))[0].1;
        let f = features(&harbour_list(), HARBOUR);
        assert!(f.sentences_tested && f.sentences > 0.9, "{f:?}");
        // A story I wrote in Chinese, copied: found, but no sentence is tested word by word.
        let story = "北京市政府星期一宣布，由于暴雨，全市一百二十所学校将停课三天。气象部门预计，\
                     降雨将持续到周四，部分地区降雨量可能超过二百毫米。市长在新闻发布会上表示，\
                     政府已经调集五千名救援人员，并在各区设立了临时避难所。";
        let list = crate::list::build::build(
            [crate::list::OriginalDoc {
                id: "zh".into(),
                lang: Some("zh".into()),
                text: story.into(),
                ..Default::default()
            }],
            crate::fingerprint::SketchSize::LIST,
        )
        .unwrap();
        let f = features(&list, story);
        assert!(!f.sentences_tested && f.vocabulary > 0.9, "{f:?}");
    }

    /// The demo original (`examples/demo/originals.jsonl`) as a spinner leaves it: synonyms
    /// swapped in for about a third of its content words ("shut", "discovered", "rusted",
    /// "journeys", "corrosion" …), two sentences in the other order. Written for this test.
    const SPUN_DEMO: &str = "Harbour bridge to shut for six weeks after inspectors discover \
        corroded cables\n\nThe Porthaven harbour bridge will shut to all traffic for six weeks \
        from Monday after engineers discovered badly rusted support cables during a regular \
        inspection, the city's transport office stated on Sunday.\n\nAbout 41,000 cars cross the \
        1962 suspension bridge each day, and the closure is anticipated to add up to forty \
        minutes to journeys between the old town and the eastern outskirts.\n\nInspectors found \
        that 14 of the bridge's 212 upright hangers had lost over a third of their steel to \
        corrosion, a level the office's own rules describe as demanding immediate action.\n\n\
        Transport chief Elena Marsh told journalists the choice had not been taken lightly. Boats \
        between the two districts will run every ten minutes during peak hours, and two \
        provisional bus lanes will open on the ring road.\n\nLocal shops on the eastern side \
        warned that the closure would reduce footfall at the height of the spring fair season. \
        The chamber of commerce urged the council to drop parking charges in the old town until \
        the bridge reopens.\n\nThe works are estimated to cost 9.4 million euros and will be \
        funded from the city's infrastructure reserve, the office stated. A complete replacement \
        of the cables, scheduled for 2029, may now be moved forward.";

    #[test]
    fn a_spun_copy_is_rewritten_and_its_passages_reworded() {
        let list = english_list("demo", &demo_text());
        let report = crate::check(&list, SPUN_DEMO, Some("en"));
        let best = report.best.expect("a candidate");
        assert!(best.score >= crate::score::DERIVED, "{best:?}");
        // Three-word phrases of the original survive in most sentences, but no sentence is found
        // whole: the page is the original reworded, not a part of it copied.
        assert_eq!(best.relation, Relation::Rewritten, "{best:?}");
        assert!(best.evidence.phrases >= 0.25, "{:?}", best.evidence);
        assert!(!report.passages.is_empty());
        for p in &report.passages {
            assert_eq!(p.kind, PassageKind::Reworded, "{p:?}");
        }
    }

    /// A brief on the demo story in words of its own (`examples/demo/brief.txt`, 78 words):
    /// short, and sharing the story's words but no passage of them.
    pub(crate) const BRIEF: &str = include_str!("../../examples/demo/brief.txt");

    /// The demo original (`examples/demo/originals.jsonl`): its text.
    pub(crate) fn demo_text() -> String {
        let demo: serde_json::Value = serde_json::from_str(
            include_str!("../../examples/demo/originals.jsonl")
                .lines()
                .next()
                .unwrap(),
        )
        .unwrap();
        demo["text"].as_str().unwrap().to_string()
    }

    #[test]
    fn the_page_is_read_sentence_by_sentence_whole_reworded_or_its_own() {
        let features =
            |list: &List, text: &str| candidate_features(list, &Page::new(text, None))[0].1;
        // Two sentences of the original inside a story of its own: a third of the page whole,
        // the rest its own.
        let f = features(&harbour_list(), HOST_WITH_HARBOUR);
        assert!(f.page_sentences > 0.25 && f.page_sentences < 0.5, "{f:?}");
        assert!(f.page_reworded < 0.1, "{f:?}");
        // The demo story spun: most of it reworded, some of it whole, little of its own.
        let demo = english_list("demo", &demo_text());
        let f = features(&demo, SPUN_DEMO);
        assert!(f.page_reworded > 0.5, "{f:?}");
        assert!(f.page_sentences + f.page_reworded > 0.9, "{f:?}");
    }

    #[test]
    fn a_short_copy_shows_the_shares_found_whole_where_its_phrases_are_too_few_to_say() {
        let text = demo_text();
        let paragraphs: Vec<&str> = text.split("\n\n").collect();
        let list = english_list("demo", &text);
        // The demo story's fifth and sixth paragraphs (77 words): none of the page's phrases is
        // one the original's sample could hold, yet every sentence is the original's.
        let page = paragraphs[4..6].join("\n\n");
        let f = candidate_features(&list, &Page::new(&page, Some("en")))[0].1;
        assert!(f.phrases_sampled < MIN_PHRASES_SAMPLED, "{f:?}");
        let best = crate::check(&list, &page, Some("en"))
            .best
            .expect("a candidate");
        assert_eq!(best.relation, Relation::Verbatim, "{best:?}");
        assert!(best.page_coverage >= 0.9, "{best:?}");
        // Two of the original's six paragraphs under its headline: none of its ten
        // sampled phrases, but a third of its words in sentences found whole.
        assert_eq!(f.original_coverage, 0.0, "{f:?}");
        assert!(best.original_coverage >= 0.25, "{best:?}");
        // The score's evidence keeps the phrases' share as measured.
        assert_eq!(best.evidence.phrases, crate::score::evidence(&f).phrases);
        // A sample of one phrase, found, filled up with sentences half found whole; a page with
        // enough sampled phrases, or no sentence tested, keeps its phrases' share.
        let few = Features {
            page_coverage: 1.0,
            phrases_sampled: 1,
            sentences_tested: true,
            page_sentences: 0.5,
            ..Features::default()
        };
        assert!((shown_page_coverage(&few) - 2.0 / 3.0).abs() < 1e-9);
        let enough = Features {
            phrases_sampled: MIN_PHRASES_SAMPLED,
            ..few
        };
        assert_eq!(shown_page_coverage(&enough), 1.0);
        let untested = Features {
            phrases_sampled: 0,
            page_coverage: 0.0,
            sentences_tested: false,
            ..few
        };
        assert_eq!(shown_page_coverage(&untested), 0.0);
        let foreign = Features {
            cross_language: true,
            ..few
        };
        assert_eq!(shown_page_coverage(&foreign), 1.0);
    }

    #[test]
    fn a_few_paragraphs_copied_alone_are_copied_word_for_word() {
        // The demo story's third and fourth paragraphs, as a page of their own: a small part of
        // the original, but every sentence of the page is the original's.
        let text = demo_text();
        let paragraphs: Vec<&str> = text.split("\n\n").collect();
        let page = paragraphs[2..4].join("\n\n");
        let report = crate::check(&english_list("demo", &text), &page, Some("en"));
        let best = report.best.expect("a candidate");
        assert!(best.score >= crate::score::DERIVED, "{best:?}");
        assert_eq!(best.relation, Relation::Verbatim, "{best:?}");
    }

    #[test]
    fn translations_are_explained_away_by_an_original_in_the_pages_language() {
        // A spun English copy (as measured): a German report of its event, scored as a
        // translation by the names and numbers it shares, just ahead of the English original
        // that holds more of them and the page's words besides.
        let foreign = Features {
            cross_language: true,
            page_anchors: 0.5,
            ..Default::default()
        };
        let own = Features {
            page_anchors: 0.9,
            ..Default::default()
        };
        let mut ranked = vec![(0.69, &foreign, 1), (0.68, &own, 2), (0.2, &own, 3)];
        explain_translations_away(&mut ranked);
        assert_eq!(
            ranked,
            vec![(0.68, &own, 2), (0.68, &foreign, 1), (0.2, &own, 3)]
        );
        // A translation holding as large a share of the page's names and numbers stays first
        // (a German translation of an English story, ahead of a German report of its event);
        // so does any translation when no original in the page's language is derived.
        let even = Features {
            page_anchors: 0.5,
            ..Default::default()
        };
        for second in [(0.51, &even, 2), (0.45, &own, 2)] {
            let mut ranked = vec![(0.76, &foreign, 1), second];
            explain_translations_away(&mut ranked);
            assert_eq!(ranked, vec![(0.76, &foreign, 1), second]);
        }
    }

    /// A story of my own on another subject: a library reopening, 464 words in nine paragraphs.
    pub(super) const LIBRARY: &str = include_str!("testdata/library_reopens.txt");

    /// [`LIBRARY`] with `inserted` as a paragraph of its own after its paragraph `at`, and `last`
    /// as its last paragraph.
    fn library_with(inserted: &str, at: usize, last: &str) -> String {
        let mut paragraphs: Vec<&str> = LIBRARY.lines().collect();
        paragraphs.insert(at, inserted);
        paragraphs.push(last);
        paragraphs.join("\n\n")
    }

    #[test]
    fn a_sentence_copied_into_a_long_story_of_its_own_is_a_partial_copy() {
        let text = demo_text();
        let copied = text.split("\n\n").nth(2).unwrap(); // one sentence, 31 words
        let list = english_list("demo", &text);
        // The story alone is no copy.
        assert!(!crate::check(&list, LIBRARY, Some("en"))
            .verdict
            .is_derived());
        // With the sentence inside, a sixteenth of the page, the page's words are still mostly
        // its own, but a sentence of 31 words found whole is not chance: before whole sentences
        // were weighed by how unlikely they are, this page was "related" (0.47).
        let page = library_with(
            copied,
            1,
            "The library will publish its winter programme soon.",
        );
        let f = candidate_features(&list, &Page::new(&page, Some("en")))[0].1;
        assert!(f.vocabulary < 0.3 && f.surprise >= 30.0, "{f:?}");
        let report = crate::check(&list, &page, Some("en"));
        let best = report.best.expect("a candidate");
        assert_eq!(best.relation, Relation::Partial, "{best:?}");
        // The copied sentence is the one passage.
        let at = page.find(copied).unwrap();
        assert_eq!(report.passages.len(), 1, "{:?}", report.passages);
        let p = &report.passages[0];
        assert_eq!(p.kind, PassageKind::Exact);
        assert!(p.start == at && p.end + 1 >= at + copied.len(), "{p:?}");
    }

    #[test]
    fn a_long_page_s_own_sentences_far_from_the_copied_part_are_not_reworded_passages() {
        let text = demo_text();
        let copied = text.split("\n\n").nth(2).unwrap();
        let list = english_list("demo", &text);
        // Sentences of the page's own that share two of the original's terms or names (its days
        // and weeks, its bridge, commuters and suburbs): reworded passages were they near the
        // copied sentence, but they stand 300 words and more on, beyond the stretch an original
        // of 225 words can account for.
        let own = "Commuters who cross the river by the old suspension bridge can return their \
                   books at a drop box near the eastern suburbs.";
        let page = library_with(copied, 1, own);
        let report = crate::check(&list, &page, Some("en"));
        assert!(report.verdict.is_derived(), "{report:?}");
        let at = page.find(copied).unwrap();
        assert!(
            report
                .passages
                .iter()
                .all(|p| p.start >= at && p.end <= at + copied.len()),
            "{:?}",
            report.passages
        );
    }

    #[test]
    fn copied_sentences_inside_another_story_are_a_partial_copy() {
        let list = harbour_list();
        let report = crate::check(&list, HOST_WITH_HARBOUR, Some("en"));
        let best = report.best.expect("a candidate");
        assert_eq!(best.relation, Relation::Partial, "{best:?}");
        // The report says why: much of the original is reproduced in whole sentences.
        assert!(best.evidence.sentences >= 0.2, "{:?}", best.evidence);
        // Both copied sentences are exact passages, and nothing of the host is.
        let copied_from = HOST_WITH_HARBOUR.find("Director").unwrap();
        let copied_to = HOST_WITH_HARBOUR.find("Kessing.").unwrap() + "Kessing".len();
        let exact: Vec<&Passage> = report
            .passages
            .iter()
            .filter(|p| p.kind == PassageKind::Exact)
            .collect();
        assert!(!exact.is_empty());
        for p in &exact {
            assert!(p.start >= copied_from && p.end <= copied_to, "{p:?}");
        }
        let covered: usize = exact.iter().map(|p| p.end - p.start).sum();
        assert!(covered * 10 >= (copied_to - copied_from) * 9, "{exact:?}");
    }
}
