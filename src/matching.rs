//! Checking a page against a list: candidates, scores, relations, passages.
//!
//! 1. The page is analysed and all its features are extracted ([`DocFeatures`]).
//! 2. Every feature is looked up in the list's index; features held by too many originals
//!    ([`max_df`]) are skipped, since they say nothing about any one of them. Each hit records the
//!    feature's position in the page and in the original.
//! 3. Originals are ranked by a cheap pre-score (share of their stored features the page hit) and
//!    the best [`SCORED`] are measured in full ([`Features`]) and scored ([`crate::score`]).
//! 4. The page's reused passages are built from the hits of the derived candidates.

use std::collections::HashMap;

use crate::credits;
use crate::fingerprint::{DocFeatures, Feature, Kind};
use crate::list::List;
use crate::report::{Candidate, Passage, PassageKind, Relation, Report, Stats};
use crate::score::{self, Features};
use crate::text::{analyze, lang, Analysis, CAPITAL, NUMBER};

/// Candidates measured in full per check.
pub const SCORED: usize = 16;
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
        Page {
            text,
            analysis,
            features,
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
    let mut ranked: Vec<(f64, Candidate, u32)> = measured
        .iter()
        .map(|(o, f)| {
            let score = score::score(f);
            (score, candidate(list, *o, f, score), *o)
        })
        .collect();
    ranked.sort_by(|a, b| b.0.total_cmp(&a.0));
    let mut scored: Vec<(Candidate, u32)> = ranked.into_iter().map(|(_, c, o)| (c, o)).collect();
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
    Report {
        id: None,
        verdict: best.as_ref().map_or(Relation::None, |b| b.relation),
        best,
        candidates,
        passages,
        credits: page.analysis.credits.clone(),
        lang: page.analysis.lang.to_string(),
        stats: Stats {
            words: page.analysis.tokens.len(),
            millis: 0.0,
            truncated: page.analysis.truncated,
        },
    }
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

type Measured = (Vec<(u32, Features)>, HashMap<u32, Vec<Hit>>);

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
    ranked.truncate(SCORED);
    let measured = ranked
        .iter()
        .map(|&(_, o)| (o, features(list, page, o, &by_original[&o])))
        .collect();
    (measured, by_original)
}

/// Looks every page feature up in the list.
fn gather(list: &List, page: &Page<'_>) -> Vec<Hit> {
    let limit = max_df(list.len());
    let mut hits = Vec::new();
    for kind in Kind::ALL {
        for f in page.features.of(kind) {
            let postings = list.lookup(f.key);
            let df = postings.len();
            if df == 0 || df > limit {
                continue;
            }
            for p in postings {
                hits.push(Hit {
                    original: p.original,
                    kind,
                    key: f.key,
                    page_pos: f.pos,
                    original_pos: p.pos,
                    df: list.df_of(p.original as usize, f.key, df) as u32,
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
        page_coverage: r3(f.page_coverage),
        original_coverage: r3(f.original_coverage),
        credited: false,
        near_duplicate: f.near_duplicate,
        lang: lang::code_at(rec.lang).to_string(),
        evidence: score::evidence(f),
    }
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
            .map(|h| f64::from(list.idf(original as usize, h.df as usize)))
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
        original_coverage: (shingle_hits as f64 / f64::from(rec.counts[0].max(1))).min(1.0),
        terms: share(weight(Kind::Term), rec.term_weight),
        vocabulary: shares.words,
        sentences: shares.sentences,
        sentences_tested: shares.sentences_tested,
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

/// What the original's stored vocabulary says about the page, counted over the stretch of the
/// page the original can account for.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
struct VocabularyShares {
    /// Share of the page's distinct content words, names left out, found in the original.
    words: f64,
    /// Share of the original's evidence words that the page holds in sentences found whole.
    sentences: f64,
    /// Whether any page sentence could be tested whole (see [`WholeSentences::tested`]).
    sentences_tested: bool,
    /// Share of the page's distinct anchors found among the original's, shrunk by n / (n + 2)
    /// for n anchors on the page (one shared name is no evidence).
    page_anchors: f64,
    /// Share of the original's anchors found in the page, shrunk the same way (an original with
    /// two numbers is not matched by a page that has them too).
    original_anchors: f64,
}

/// Looks the page's content words and anchors up in the original's stored vocabulary.
///
/// Words: names are left out because independent reports of one event share them as much as
/// copies do (they count as anchors instead): without them, the share measures shared wording.
/// (The original's vocabulary does not hold the words that are names wherever it has them
/// either: [`crate::fingerprint::vocabulary`].)
/// Measured on the public sets, this raised the lowest share of a copy over the highest share of
/// an independent report on seed-story from 1.4 to 1.6 times; on the other sets the share's AUC
/// alone moved by at most 0.002.
///
/// Anchors, both ways: across languages, names, numbers and dates are all that carries over, and a
/// translation carries nearly all of them both ways, while a report of the same event in another
/// language shares the main names and few of the rest. Measured against the original's whole set
/// of anchors rather than the few in the index, this is what tells the two apart.
///
/// Lists often hold only an original's first paragraphs, and a page often runs longer than its
/// original: the page's words beyond what the original covers say nothing about copying. So when
/// the original is clearly shorter than the page, only page words between the first and the last
/// shared feature count, the stretch widened to at
/// least one and a half times the original's length (a page reworded from an original is about as
/// long as it). Independent reports share features all over the page, so for them nothing changes.
fn vocabulary_shares(
    list: &List,
    page: &Page<'_>,
    original: usize,
    hits: &[Hit],
) -> VocabularyShares {
    let rec = list.record(original);
    let vocab = OriginalWords::new(list, original, hits);
    if rec.vocab_words == 0 && vocab.indexed.is_empty() {
        return VocabularyShares::default();
    }
    // Only an original clearly shorter than the page (the first paragraphs of a story, as lists
    // built from feeds hold) needs its stretch found; otherwise the whole page counts.
    let (lo, hi) = if f64::from(rec.words) < 0.6 * f64::from(page.features.words) {
        stretch(page, rec.words, hits)
    } else {
        (0, u32::MAX)
    };
    // How many of `features` were looked up (those the stored vocabulary would hold, inside the
    // stretch) and how many were found.
    let look_up = |features: &mut dyn Iterator<Item = &Feature>| {
        features
            .take_while(|f| f.key <= rec.vocab_tau)
            .filter(|f| f.pos >= lo && f.pos <= hi)
            .fold((0usize, 0usize), |(seen, found), f| {
                (seen + 1, found + usize::from(vocab.contains(f.key)))
            })
    };
    let is_name = |t: &&Feature| {
        page.analysis
            .tokens
            .get(t.pos as usize)
            .is_some_and(|x| x.anchor != 0)
    };
    let (seen, found) = look_up(&mut page.features.terms.iter().filter(|t| !is_name(t)));
    let (anchors_seen, anchors_found) = look_up(&mut page.features.anchors.iter());
    // A page cannot hold more of the original's names and numbers than the original has: any
    // beyond are the filter's chance matches (or index entries of other keys that share this
    // one's stored bits), which for an original with one anchor or none would read as a
    // translation carrying all of them.
    let anchors_found = anchors_found.min(usize::from(rec.vocab_anchors));
    let share = |part: usize, whole: usize| {
        if whole == 0 {
            0.0
        } else {
            (part as f64 / whole as f64).min(1.0)
        }
    };
    let found_whole = sentences_found_whole(page, &vocab, rec.vocab_tau);
    VocabularyShares {
        words: share(found, seen),
        sentences: share(found_whole.words, rec.words as usize),
        sentences_tested: found_whole.tested > 0,
        page_anchors: share(anchors_found, anchors_seen + 2),
        original_anchors: share(anchors_found, usize::from(rec.vocab_anchors) + 2),
    }
}

/// The words stored of one original, as a page's check sees them: its vocabulary's filter, and
/// the page's words found among the original's index entries, which the filter leaves out (list
/// format 6: the index holds them already, and found there they are found exactly).
struct OriginalWords<'a> {
    filter: crate::list::ribbon::Filter<'a>,
    /// Keys of the page's terms and anchors found in the original's index entries, sorted.
    indexed: Vec<u32>,
}

impl<'a> OriginalWords<'a> {
    /// The stored words of `original`, given the page's `hits` in it.
    fn new(list: &'a List, original: usize, hits: &[Hit]) -> OriginalWords<'a> {
        let mut indexed: Vec<u32> = hits
            .iter()
            .filter(|h| h.kind != Kind::Shingle && h.original as usize == original)
            .map(|h| h.key)
            .collect();
        indexed.sort_unstable();
        OriginalWords {
            filter: list.vocabulary(original),
            indexed,
        }
    }

    /// Whether the original has the content word or anchor `key` (a filter answers yes wrongly
    /// for 1 key in 64).
    fn contains(&self, key: u32) -> bool {
        self.indexed.binary_search(&key).is_ok() || self.filter.contains(key)
    }
}

/// Fewest content words a page sentence must have looked up in an original's vocabulary to count
/// as found whole.
pub const WHOLE_SENTENCE_WORDS: usize = 6;

/// Which of the page's sentences are found whole in an original's vocabulary, and how many
/// evidence words they hold: sentences with at least [`WHOLE_SENTENCE_WORDS`] content words (names
/// left out, as in the vocabulary share) that the vocabulary would hold, every one of them found.
///
/// The index keeps ten sampled phrases of an original, so a page that copies a few of its
/// paragraphs into another story often hits none of them; its vocabulary, stored whole, still
/// holds every word of every copied sentence. Independent reports of one event share the topic's
/// words but rarely every content word of a sentence: on the public sets, a page reproduces a
/// tenth or more of an original in such sentences in 4 of 8,434 same-language pairs where it does
/// not derive from it (three are COUNTER "non-derived" pages holding sentences of their source),
/// and in 77 of the 275 where it does (a spun or heavily rewritten page keeps no sentence whole).
fn sentences_found_whole(page: &Page<'_>, vocab: &OriginalWords<'_>, tau: u32) -> WholeSentences {
    let mut found_whole = WholeSentences {
        whole: vec![false; page.analysis.sentences as usize],
        words: 0,
        tested: 0,
    };
    let (mut sentence, mut words, mut seen, mut found) = (0u32, 0, 0, 0);
    let mut close = |sentence: u32, words: usize, seen: usize, found: usize| {
        if seen < WHOLE_SENTENCE_WORDS {
            return;
        }
        found_whole.tested += 1;
        if found == seen {
            if let Some(w) = found_whole.whole.get_mut(sentence as usize) {
                *w = true;
            }
            found_whole.words += words;
        }
    };
    for t in &page.analysis.tokens {
        if t.sentence != sentence {
            close(sentence, words, seen, found);
            (sentence, words, seen, found) = (t.sentence, 0, 0, 0);
        }
        if !t.is_evidence() {
            continue;
        }
        words += 1;
        if t.is_content() && t.anchor == 0 && t.flags & crate::text::CJK == 0 {
            let k = Kind::Term.key_of(t.stem);
            if k <= tau {
                seen += 1;
                found += usize::from(vocab.contains(k));
            }
        }
    }
    close(sentence, words, seen, found);
    found_whole
}

/// The page's sentences tested against an original's vocabulary ([`sentences_found_whole`]).
struct WholeSentences {
    /// Per page sentence, whether it was found whole.
    whole: Vec<bool>,
    /// Evidence words in the sentences found whole.
    words: usize,
    /// Sentences with enough content words looked up to be tested at all: none on a page in a
    /// script written without spaces, whose words the test does not look up.
    tested: usize,
}

/// The token range of the page an original of `original_words` words can account for, given the
/// positions its shared features were found at: from the first to the last, widened to one and a
/// half times the original's length, first towards the page's start (the usual place of a copied
/// lead), then towards its end.
fn stretch(page: &Page<'_>, original_words: u32, hits: &[Hit]) -> (u32, u32) {
    let last_token = page.features.tokens.saturating_sub(1);
    let mut lo = hits
        .iter()
        .map(|h| h.page_pos)
        .min()
        .unwrap_or(0)
        .min(last_token);
    let mut hi = hits
        .iter()
        .map(|h| h.page_pos)
        .max()
        .unwrap_or(last_token)
        .min(last_token);
    let want = original_words.saturating_mul(3) / 2;
    if hi - lo < want {
        let missing = want - (hi - lo);
        let back = missing.min(lo);
        lo -= back;
        hi = (hi + (missing - back)).min(last_token);
    }
    (lo, hi)
}

/// Share of concordant pairs among `(page, original)` position pairs sorted by page position,
/// ignoring ties; 0.5 (no evidence of order) with fewer than three pairs.
fn concordance(pairs: &[(u32, u8)]) -> (f64, usize) {
    if pairs.len() < 3 {
        return (0.5, pairs.len());
    }
    // Pairs are few (the original side stores at most ~30 features): quadratic is fine.
    let (mut concordant, mut discordant) = (0u64, 0u64);
    for (i, a) in pairs.iter().enumerate() {
        for b in &pairs[i + 1..] {
            if a.0 == b.0 || a.1 == b.1 {
                continue;
            }
            if b.1 > a.1 {
                concordant += 1;
            } else {
                discordant += 1;
            }
        }
    }
    let total = concordant + discordant;
    if total == 0 {
        (0.5, pairs.len())
    } else {
        (concordant as f64 / total as f64, pairs.len())
    }
}

/// The candidates of `scored` (best first) a report draws passages from, as indexes into it: the
/// first [`PASSAGE_SOURCES`] derived ones.
fn passage_sources(scored: &[(Candidate, u32)]) -> impl Iterator<Item = usize> + '_ {
    (0..scored.len())
        .filter(|&i| scored[i].0.relation.is_derived())
        .take(PASSAGE_SOURCES)
}

/// The page's reused passages: sentences holding evidence of the derived candidates.
///
/// A sentence with a shared phrase is an exact passage (so is every sentence of a verbatim
/// copy); one with at least two shared terms or anchors inside the stretch the original covers is
/// reworded. When the original was stored whole (short originals, or two texts compared
/// directly), exact passages are the shared phrases themselves rather than whole sentences.
fn passages(
    list: &List,
    page: &Page<'_>,
    scored: &[(Candidate, u32)],
    hits: &HashMap<u32, Vec<Hit>>,
) -> Vec<Passage> {
    let tokens = &page.analysis.tokens;
    let mut claimed = vec![false; page.analysis.sentences as usize];
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
        if !whole {
            let tau = list.record(*o as usize).vocab_tau;
            let vocab = OriginalWords::new(list, *o as usize, hs);
            let found_whole = sentences_found_whole(page, &vocab, tau).whole;
            for (s, &w) in found_whole.iter().enumerate() {
                exact[s] += u32::from(w);
            }
        }
        let first = (0..claimed.len()).find(|&s| exact[s] + other[s] > 0);
        let last = (0..claimed.len()).rev().find(|&s| exact[s] + other[s] > 0);
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
            let kind = if !whole && (exact[s] > 0 || c.relation == Relation::Verbatim) {
                PassageKind::Exact
            } else if other[s] >= 2 && !(whole && exact[s] > 0) {
                PassageKind::Reworded
            } else {
                continue;
            };
            claimed[s] = true;
            let mut in_sentence = tokens
                .iter()
                .enumerate()
                .filter(|(_, t)| t.sentence as usize == s && t.flags & crate::text::FURNITURE == 0);
            if let Some((a, _)) = in_sentence.next() {
                let b = in_sentence.next_back().map_or(a, |(b, _)| b);
                push_token_span(tokens, a as u32, b as u32, kind, &mut spans);
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
    fn concordance_of_orders() {
        let same: Vec<(u32, u8)> = (0..10).map(|i| (i, i as u8 * 10)).collect();
        assert_eq!(concordance(&same).0, 1.0);
        let reversed: Vec<(u32, u8)> = (0..10).map(|i| (i, 200 - i as u8 * 10)).collect();
        assert_eq!(concordance(&reversed).0, 0.0);
        assert_eq!(concordance(&same[..2]).0, 0.5);
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
    const HARBOUR: &str = "The harbour authority of Valdoria said on Monday that 4,200 \
        containers were stranded after a strike by 1,350 dock workers. Director Henrik Asplund \
        told the council in Marlow that talks with the union led by Petra Quist would resume on \
        14 March. The shipping line Nordwave, which moves 38 percent of the port's cargo, said it \
        would divert 17 vessels to Kessing. Mayor Jonas Elberg urged both sides to settle before \
        the 2025 budget vote.";

    /// A list of one English original, `text`, under the id `id`.
    fn english_list(id: &str, text: &str) -> List {
        use crate::fingerprint::SketchSize;
        use crate::list::build::build;
        use crate::list::OriginalDoc;
        build(
            [OriginalDoc {
                id: id.into(),
                lang: Some("en".into()),
                text: text.into(),
                ..Default::default()
            }],
            SketchSize::LIST,
        )
        .unwrap()
    }

    /// A list of [`HARBOUR`] alone.
    fn harbour_list() -> List {
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
    fn indexed_words_are_found_in_the_index_not_the_filter() {
        let list = harbour_list();
        let page = Page::new(HARBOUR, Some("en"));
        let hits = gather(&list, &page);
        let words = OriginalWords::new(&list, 0, &hits);
        // The original's terms and anchors in its index entries are found there...
        assert!(words.indexed.len() >= 10, "{:?}", words.indexed);
        // ...and its filter was built without them: it holds them only by chance (1 in 64).
        let in_filter = words
            .indexed
            .iter()
            .filter(|&&k| words.filter.contains(k))
            .count();
        assert!(in_filter <= 2, "{in_filter} of {}", words.indexed.len());
        assert!(usize::from(list.record(0).vocab_words) + words.indexed.len() >= 30);
        // Together they hold every word of the original: a verbatim copy finds them all.
        let shares = vocabulary_shares(&list, &page, 0, &hits);
        assert_eq!(shares.words, 1.0);
        assert!(shares.page_anchors > 0.8, "{shares:?}");
    }

    #[test]
    fn an_original_without_names_or_numbers_shares_none_with_a_page() {
        use crate::fingerprint::SketchSize;
        use crate::list::{prepare_salted, ListBuilder, OriginalDoc};
        let original = OriginalDoc {
            id: "rain".into(),
            lang: Some("en".into()),
            text: "the river rose after days of rain, and the fields along its banks were under \
                   water by the evening; farmers moved their animals to higher ground."
                .into(),
            ..Default::default()
        };
        // A page of eighty numbers: each a 1-in-64 chance match of the filter, so some salt's
        // filter holds a few of them.
        let numbers: Vec<String> = (0..80).map(|i| (1000 + 37 * i).to_string()).collect();
        let text = format!("Figures: {}.", numbers.join(", "));
        let page = Page::new(&text, Some("en"));
        for salt in 0..8 {
            let mut b = ListBuilder::new(SketchSize::LIST);
            b.push(prepare_salted(original.clone(), SketchSize::LIST, salt))
                .unwrap();
            let list = b.finish();
            assert_eq!(list.record(0).vocab_anchors, 0);
            let hits = gather(&list, &page);
            let shares = vocabulary_shares(&list, &page, 0, &hits);
            assert_eq!(
                (shares.page_anchors, shares.original_anchors),
                (0.0, 0.0),
                "salt {salt}"
            );
        }
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
    const HOST_WITH_HARBOUR: &str = "The regional orchestra opened its winter season on Friday \
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

    #[test]
    fn sentences_found_whole_are_the_copied_ones() {
        let list = harbour_list();
        let whole = |text: &str| {
            let page = Page::new(text, Some("en"));
            let hits = gather(&list, &page);
            let vocab = OriginalWords::new(&list, 0, &hits);
            let found_whole = sentences_found_whole(&page, &vocab, list.record(0).vocab_tau);
            let (sentences, words) = (found_whole.whole, found_whole.words);
            let found: Vec<usize> = (0..sentences.len()).filter(|&s| sentences[s]).collect();
            (found, words)
        };
        let (found, words) = whole(HOST_WITH_HARBOUR);
        assert_eq!(
            found,
            vec![2, 3],
            "the two copied sentences, and nothing of the host"
        );
        assert!(words > 30);
        // Another outlet's report of the strike shares the topic's words, not whole sentences.
        let (found, _) = whole(
            "Dock workers in Valdoria walked out for a second week, leaving thousands of \
             containers on the quays. Henrik Asplund, who runs the port, called the stoppage \
             reckless, while Petra Quist of the union said her members wanted nine percent more \
             for night shifts. Nordwave declined to comment on how long its ships would wait.",
        );
        assert!(found.is_empty(), "{found:?}");
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
