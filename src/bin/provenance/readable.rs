//! The readable report `provenance check` prints, and the words and figures `compare` shares with
//! it: the verdict in plain words (as the extension shows it), scores as likelihoods, coverage as
//! percentages.

use provenance::{Candidate, Relation, Report};

/// The plain-words verdict naming the original's `source`, as the extension shows it.
pub(crate) fn verdict_words(r: Relation, source: &str) -> String {
    match r {
        Relation::Verbatim => format!("Copied almost word for word from {source}"),
        Relation::Partial => format!("Partly copied from {source}"),
        Relation::Rewritten => format!("Rewritten from {source}"),
        Relation::Translated => format!("Translated from {source}"),
        Relation::Related => format!("Same story as {source}, not copied from it"),
        Relation::None => "No known original found".to_string(),
    }
}

/// The plain-words relation of a page to the one original `compare` was given.
pub(crate) fn comparison_words(r: Relation) -> &'static str {
    match r {
        Relation::Verbatim => "Copied almost word for word from the original",
        Relation::Partial => "Partly copied from the original",
        Relation::Rewritten => "Rewritten from the original",
        Relation::Translated => "Translated from the original",
        Relation::Related => "The same story as the original, not copied",
        Relation::None => "Nothing in common with the original",
    }
}

/// Passages quoted in a readable report; the JSON report gives them all.
const SHOWN_PASSAGES: usize = 3;

/// What a short page's verdict rests on, in words, as the popup says it
/// ([`Report::rests_on_words_alone`]): for a translation, the names and numbers it shares.
pub(crate) fn short_page_note(r: &Report) -> String {
    let words = count_of(r.stats.article_words, "word");
    if r.verdict == Relation::Translated {
        format!(
            "a short text ({words}): at this length another outlet's own report of the same \
             event, in another language, can share as many of the original's names and numbers \
             as a translation does"
        )
    } else {
        format!(
            "a short text ({words}) with no passage copied word for word: at this length another \
             outlet's own report of the same event can share as many of the original's words as \
             a rewrite does"
        )
    }
}

/// `n` of `noun`, in the plural unless one: "1 word", "172 words".
pub(crate) fn count_of(n: usize, noun: &str) -> String {
    format!("{n} {noun}{}", if n == 1 { "" } else { "s" })
}

/// A share as a whole percentage.
pub(crate) fn pct(x: f64) -> String {
    format!("{:.0}%", x * 100.0)
}

/// A score as a likelihood in whole percent, at most 99 % (as the popup and the educator page
/// show it): a calibrated probability is never certainty.
pub(crate) fn likelihood(x: f64) -> String {
    format!("{:.0}%", (x * 100.0).min(99.0))
}

/// A candidate's phrases found both ways, in words: these count word-for-word copying only.
pub(crate) fn phrase_shares(c: &Candidate) -> String {
    format!(
        "page's phrases in the original: {} · original's phrases on the page: {}",
        pct(c.page_coverage),
        pct(c.original_coverage)
    )
}

/// What else of the original carries over to the page, in words: the page's words found in the
/// original (a rewrite keeps many of them in new phrases) or, for a translation, the original's
/// names and numbers on the page.
pub(crate) fn carried_over(c: &Candidate) -> String {
    if c.relation == Relation::Translated {
        format!("names and numbers carried over: {}", pct(c.evidence.names))
    } else {
        format!(
            "page's words in the original: {}",
            pct(c.evidence.vocabulary)
        )
    }
}

/// The human-readable report of `check`.
pub(crate) fn readable(r: &Report, text: &str) -> String {
    let mut s = String::new();
    let name = |c: &Candidate| c.source.clone().unwrap_or_else(|| c.id.clone());
    match &r.best {
        Some(b) if b.relation != Relation::None => {
            s += &format!(
                "{} ({} likely derived)\n",
                verdict_words(b.relation, &name(b)),
                likelihood(b.score)
            );
            s += &format!(
                "  original: {}",
                b.title
                    .as_deref()
                    .map_or(b.id.clone(), |t| format!("\"{t}\""))
            );
            if let Some(d) = &b.published {
                s += &format!(", {d}");
            }
            s += "\n";
            if let Some(u) = &b.url {
                s += &format!("  {u}\n");
            }
            s += &format!(
                "  {}\n  {} · {}\n",
                phrase_shares(b),
                carried_over(b),
                if b.credited {
                    format!("credits {}", name(b))
                } else {
                    "no credit found".into()
                }
            );
            if b.evidence.sentences > 0.0 {
                s += &format!(
                    "  original's words in page sentences copied whole: {} · page's words in them: {}\n",
                    pct(b.evidence.sentences),
                    pct(b.evidence.page_sentences)
                );
            }
            if r.rests_on_words_alone {
                s += &format!("  {}\n", short_page_note(r));
            }
        }
        _ if r.stats.words == 0 => {
            s += "Nothing to check: the text has no words (it is empty, or only spaces and \
                  punctuation).\n"
        }
        _ => s += "No known original found.\n",
    }
    if !r.passages.is_empty() {
        // A reworded passage of an original the page is a translation of is translated.
        let label = |p: &provenance::Passage| match p.kind {
            provenance::PassageKind::Exact => "Exact",
            provenance::PassageKind::Reworded
                if r.candidates
                    .iter()
                    .any(|c| c.id == p.original_id && c.relation == Relation::Translated) =>
            {
                "Translated"
            }
            provenance::PassageKind::Reworded => "Reworded",
        };
        let counts: Vec<String> = ["Exact", "Reworded", "Translated"]
            .into_iter()
            .map(|l| (l, r.passages.iter().filter(|p| label(p) == l).count()))
            .filter(|&(_, n)| n > 0)
            .map(|(l, n)| format!("{n} {}", l.to_lowercase()))
            .collect();
        s += &format!("  passages: {}\n", counts.join(", "));
        for p in r.passages.iter().take(SHOWN_PASSAGES) {
            let passage: String = text.chars().skip(p.start).take(p.end - p.start).collect();
            let snippet: String = passage.chars().take(90).collect();
            s += &format!(
                "    [{}] \"{}{}\"\n",
                label(p),
                snippet.replace('\n', " "),
                if passage.chars().count() > 90 {
                    "…"
                } else {
                    ""
                }
            );
        }
        if r.passages.len() > SHOWN_PASSAGES {
            s += &format!(
                "    and {} more (--json gives them all)\n",
                r.passages.len() - SHOWN_PASSAGES
            );
        }
    }
    if !r.credits.is_empty() {
        s += &format!("  the page credits: {}\n", r.credits.join(", "));
    }
    let others: Vec<_> = r
        .candidates
        .iter()
        .skip(1)
        .filter(|c| c.relation != Relation::None)
        .collect();
    if !others.is_empty() {
        s += "Other candidates:\n";
        for c in others {
            s += &format!(
                "  {} — {} ({}, {})\n",
                name(c),
                c.title.as_deref().unwrap_or(&c.id),
                likelihood(c.score),
                c.relation.as_str()
            );
        }
    }
    s += &format!(
        "Checked {}{} in {:.1} ms{}.\n",
        count_of(r.stats.words, "word"),
        if r.lang.is_empty() {
            String::new()
        } else {
            format!(" ({})", r.lang)
        },
        r.stats.millis,
        if r.stats.truncated {
            "; the text was truncated to its first megabyte"
        } else {
            ""
        }
    );
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_verdict_reads_as_a_sentence_naming_the_source() {
        assert_eq!(
            verdict_words(Relation::Related, "Reuters"),
            "Same story as Reuters, not copied from it"
        );
        assert_eq!(
            verdict_words(Relation::Partial, "AP"),
            "Partly copied from AP"
        );
        assert_eq!(
            verdict_words(Relation::None, "AP"),
            "No known original found"
        );
    }
}
