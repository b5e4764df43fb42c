//! Datelines: the place, and often the date, a story was filed from, before its first words.
//!
//! Wire copy begins a story's first paragraph with one, and the pages that reprint or translate
//! it keep it, change it or drop it: "WASHINGTON — ", "LONDON, Oct 1 (Reuters) - ", "Berlin
//! (dpa) - ", "Moscow, October 1 — ", "ISLAMABAD: ", or the credit alone, "(Reuters) - ". It
//! says where a story was filed, not what it says, so its place and date are no evidence either
//! way ([`FURNITURE`]): a page that adds one gains a name and perhaps a date its original lacks,
//! and across languages names and numbers are all a check reads. A probe that gave each public
//! case a dateline changed 7 of wmt19's 460 verdicts and 3 of counter-public's (docs/accuracy.md,
//! "Datelines").
//!
//! A dateline also ends a sentence: read on into the lead, it made the lead's first word a
//! capitalised word inside a sentence, which the case rules take for a name ("WASHINGTON — Four
//! people were injured": "Four", and the headline's "Four" with it). So the lead is a sentence
//! of its own, and its first word tells no name.
//!
//! The credit in a dateline's parentheses is left to [`crate::credits`], which reports it.

use std::ops::Range;

use super::tokenize::RawTokens;
use super::{dates, CAPITAL, CREDIT, FURNITURE, NUMBER};

/// Lines, from the text's first, in which a dateline is looked for: a headline, a standfirst or
/// a byline may come before the first paragraph.
const FIRST_LINES: usize = 4;
/// Most words of a dateline's place and date ("NEW YORK, Oct 1", "SAN SEBASTIÁN, Spain, Sept.
/// 21"), and of the credit in its parentheses.
const MOST_WORDS: usize = 6;
/// Most words of a dateline that is only a place in title case before a spaced dash ("Berlin -
/// ", "San Sebastián - "): more, and it is as likely a headline's phrase before a dash.
const MOST_PLAIN_WORDS: usize = 3;

/// Finds the datelines at the start of the text's first lines, flags their places and dates
/// [`FURNITURE`], and starts a new sentence with the word after each.
///
/// Lines are found with `memchr`, and only a line that begins with a capital has its first token
/// looked for (by binary search): the text is not read again but for a few words at the start of
/// each of its first lines.
pub(super) fn mark(text: &str, raw: &mut RawTokens, lang: &str) {
    let (mut lines, mut line_start) = (0, 0);
    while lines < FIRST_LINES && line_start < text.len() {
        let line_end = memchr::memchr(b'\n', &text.as_bytes()[line_start..])
            .map_or(text.len(), |n| line_start + n);
        let line = &text[line_start..line_end];
        let lead = line.trim_start();
        // A line that opens with a parenthesis may start with a credit alone ("(Reuters) - ").
        let opens = lead.starts_with('(');
        match lead.chars().next() {
            // A line without words, or a line no dateline starts (in a script without
            // capitals, most of them).
            None => {}
            Some(c) if !c.is_uppercase() && !opens => lines += 1,
            Some(_) => {
                let first = raw
                    .tokens
                    .partition_point(|t| (t.start as usize) < line_start);
                let Some(t) = raw.tokens.get(first) else {
                    return;
                };
                // Furniture lines (a byline, a caption) are passed over; a dateline starts a
                // line with its first word.
                if (t.start as usize) < line_end && t.flags & FURNITURE == 0 {
                    lines += 1;
                    if t.start as usize == line_end - lead.len() + usize::from(opens) {
                        if let Some(d) = dateline_at(text, raw, lang, first, line_end, opens) {
                            split(raw, &d);
                        }
                    }
                }
            }
        }
        line_start = line_end + 1;
    }
}

/// A dateline found: the tokens of its place and date, those of its credit, and the first token
/// after it.
#[derive(Debug, PartialEq)]
struct Dateline {
    place: Range<usize>,
    credit: Range<usize>,
    next: usize,
}

/// The dateline that starts at token `first`, on a line that ends at byte `line_end`, if there
/// is one.
///
/// In a script with capitals, a dateline is a place in capitals or title case, perhaps a date
/// after a comma, perhaps a credit in parentheses, and a dash (or, after a place in capitals, a
/// colon) before a word that can begin a sentence; a credit may end it without a dash
/// ("Berlin (dpa) Die …"). Its words outside the parentheses are capitalised, numbers, or the
/// names of months and weekdays (or short abbreviations after a number, as Russian "1 окт").
/// Without a place in capitals, a credit or a date, it is a place of at most three words before
/// a spaced dash: "Berlin - " is a dateline, "Brexit talks resume - " a headline's phrase. A
/// credit alone before a dash is one too, where the line opens with it (`credit_first`: the
/// reprinted "(Reuters) - ", Bloomberg's "(Bloomberg) -- ").
///
/// Datelines in scripts without capitals (Urdu papers' "ممبئی (وقت نیوز)", Mumbai (Waqt News))
/// are left as they are: nothing there tells a place from the subject of a sentence but the
/// credit, and read as no evidence they gained nothing measurable (docs/accuracy.md, "Datelines").
fn dateline_at(
    text: &str,
    raw: &RawTokens,
    lang: &str,
    first: usize,
    line_end: usize,
    credit_first: bool,
) -> Option<Dateline> {
    let line = Line {
        text,
        raw,
        end: line_end,
    };
    let (place, dated, mut separator) = if credit_first {
        (first..first, false, Separator::Open)
    } else {
        place_and_date(&line, lang, first)?
    };
    let mut next = place.end;
    let mut credit = next..next;
    if separator == Separator::Open {
        (credit, separator) = credit_from(&line, next)?;
        next = credit.end;
    }
    let credited = !credit.is_empty();
    let in_capitals = || {
        let word = line.word(first);
        word.chars().nth(1).is_some() && word.chars().all(|c| !c.is_lowercase())
    };
    let accepted = line.holds(next)
        && begins_sentence(text, raw, next)
        && match separator {
            Separator::Dash { .. } if credit_first => credited,
            Separator::Dash { spaced } => {
                credited || dated || (spaced && place.len() <= MOST_PLAIN_WORDS) || in_capitals()
            }
            Separator::Colon => !credit_first && (credited || in_capitals()),
            // A credit, and the story begins ("Berlin (dpa) Die …").
            Separator::Space => credited && !credit_first,
            Separator::Open | Separator::Other => false,
        };
    accepted.then_some(Dateline {
        place,
        credit,
        next,
    })
}

/// One line of a text, as a dateline is looked for at its start.
struct Line<'a> {
    text: &'a str,
    raw: &'a RawTokens,
    /// The byte the line ends at.
    end: usize,
}

impl Line<'_> {
    /// Whether token `i` is on the line (the line's last token is not looked for).
    fn holds(&self, i: usize) -> bool {
        self.raw
            .tokens
            .get(i)
            .is_some_and(|t| (t.start as usize) < self.end)
    }

    /// Token `i` as the text writes it.
    fn word(&self, i: usize) -> &str {
        let t = &self.raw.tokens[i];
        &self.text[t.start as usize..t.end as usize]
    }

    /// The text between token `i` and the next.
    fn gap_after(&self, i: usize) -> &str {
        let t = &self.raw.tokens;
        let gap_end = t.get(i + 1).map_or(self.text.len(), |n| n.start as usize);
        &self.text[t[i].end as usize..gap_end]
    }
}

/// The place and date of a would-be dateline from token `first` (capitalised) on: its tokens,
/// whether it holds a date, and the first separator after them that is not a space; `None` where
/// a word or a separator can be no dateline's.
fn place_and_date(
    line: &Line<'_>,
    lang: &str,
    first: usize,
) -> Option<(Range<usize>, bool, Separator)> {
    let t = &line.raw.tokens;
    let (mut dated, mut after_comma) = (false, false);
    let mut i = first;
    loop {
        if !line.holds(i) || i - first >= MOST_WORDS {
            return None;
        }
        let fits = if t[i].flags & NUMBER != 0 {
            dated = true;
            true
        } else if t[i].flags & CAPITAL != 0 {
            true
        } else if dated || after_comma {
            // A month or weekday in lower case, or its abbreviation after a number ("1 окт",
            // "1. oktober", "PARIS, 1er octobre"): only where a date may stand, so that a
            // headline's words are not looked up.
            let word = line.raw.norm_of(i);
            let after_number = t[i - 1].flags & NUMBER != 0;
            (after_number && word.chars().count() <= 4) || dates::key(word, lang).is_some()
        } else {
            false
        };
        if !fits {
            return None;
        }
        let mut gap = line.gap_after(i);
        after_comma = false;
        if let Some(after) = gap.strip_prefix('.') {
            // A place's abbreviation ("St.", "Mo.", "D.C.") may end with a full stop; a longer
            // word ending with one ends a sentence, and no dateline does.
            if line.word(i).chars().count() > 4 {
                return None;
            }
            gap = after;
        } else if let Some(after) = gap.strip_prefix(',') {
            // A comma before the date or the state ("LONDON, Oct 1", "AUSTIN, Texas").
            gap = after;
            after_comma = true;
        }
        match Separator::of(gap) {
            Separator::Space => i += 1,
            other => return Some((first..i + 1, dated, other)),
        }
    }
}

/// The credit in parentheses whose first token is `from`, up to its closing parenthesis: its
/// tokens and the separator after it; `None` where it is not closed on the line within
/// [`MOST_WORDS`] words.
fn credit_from(line: &Line<'_>, from: usize) -> Option<(Range<usize>, Separator)> {
    let mut j = from;
    loop {
        if !line.holds(j) || j - from >= MOST_WORDS {
            return None;
        }
        let gap = line.gap_after(j);
        match gap.find(')') {
            Some(p) if !gap[..p].contains('(') => {
                return Some((from..j + 1, Separator::of(&gap[p + 1..])))
            }
            None if matches!(gap.trim(), "" | "." | ",") => j += 1,
            _ => return None,
        }
    }
}

/// What the text between two of a would-be dateline's words says, once an abbreviation's full
/// stop or a comma is taken off its start.
#[derive(Debug, PartialEq)]
enum Separator {
    /// A dash after the dateline: spaced (" - ", " — ") or, for dashes longer than a hyphen,
    /// set close ("WASHINGTON—The").
    Dash { spaced: bool },
    /// A colon and a space ("ISLAMABAD: ").
    Colon,
    /// An opening parenthesis: a credit follows.
    Open,
    /// Spaces, or nothing: the dateline goes on.
    Space,
    /// Anything else: no dateline.
    Other,
}

impl Separator {
    /// Reads the text between two words of a would-be dateline.
    fn of(gap: &str) -> Separator {
        let spaced = gap.starts_with(char::is_whitespace) && gap.ends_with(char::is_whitespace);
        match gap.trim() {
            "-" | "--" if spaced => Separator::Dash { spaced },
            "—" | "–" | "―" | "--" => Separator::Dash { spaced },
            ":" if gap.ends_with(char::is_whitespace) => Separator::Colon,
            "(" => Separator::Open,
            "" => Separator::Space,
            _ => Separator::Other,
        }
    }
}

/// Whether token `i` can begin a story's sentence: capitalised, a number, a word of a script
/// without capitals (an English dateline above an Urdu story), or after an opening quotation
/// mark.
fn begins_sentence(text: &str, raw: &RawTokens, i: usize) -> bool {
    let t = &raw.tokens[i];
    let caseless = |c: char| c.is_alphabetic() && !c.is_lowercase() && !c.is_uppercase();
    t.flags & (CAPITAL | NUMBER) != 0
        || text[t.start as usize..]
            .chars()
            .next()
            .is_some_and(caseless)
        || text[..t.start as usize]
            .chars()
            .next_back()
            .is_some_and(|c| matches!(c, '"' | '“' | '«' | '„' | '\''))
}

/// Flags the dateline's place and date as furniture and its credit as one, and makes the words
/// from `d.next` on a sentence of their own if the dateline's last word was in theirs.
fn split(raw: &mut RawTokens, d: &Dateline) {
    for t in &mut raw.tokens[d.place.clone()] {
        t.flags |= FURNITURE;
    }
    for t in &mut raw.tokens[d.credit.clone()] {
        t.flags |= CREDIT;
    }
    let sentence = raw.tokens[d.next].sentence;
    if raw.tokens[d.next - 1].sentence != sentence {
        return;
    }
    for t in &mut raw.tokens[d.next..] {
        t.sentence += 1;
    }
    for s in &mut raw.continued {
        if *s > sentence {
            *s += 1;
        }
    }
    raw.sentences += 1;
}

#[cfg(test)]
mod tests {
    use crate::text::{analyze, words_flagged, CREDIT, FURNITURE};

    /// The words of `text` its analysis flags as furniture, and how many sentences it has.
    fn dateline_of<'t>(text: &'t str, lang: &str) -> (Vec<&'t str>, u32) {
        let a = analyze(text, Some(lang));
        (words_flagged(text, &a, FURNITURE), a.sentences)
    }

    #[test]
    fn wire_datelines() {
        let lead = "Four people were injured in a crash on Sunday.";
        for (dateline, place) in [
            ("WASHINGTON — ", vec!["WASHINGTON"]),
            ("WASHINGTON—", vec!["WASHINGTON"]),
            ("LONDON, Oct 1 (Reuters) - ", vec!["LONDON", "Oct", "1"]),
            ("ST. LOUIS, Mo. (AP) — ", vec!["ST", "LOUIS", "Mo"]),
            ("Berlin (dpa) - ", vec!["Berlin"]),
            ("Berlin - ", vec!["Berlin"]),
            ("San Sebastián - ", vec!["San", "Sebastián"]),
            ("Moscow, October 1 — ", vec!["Moscow", "October", "1"]),
            ("ISLAMABAD: ", vec!["ISLAMABAD"]),
        ] {
            let text = format!("Crash at the busy junction\n{dateline}{lead}");
            let (words, sentences) = dateline_of(&text, "en");
            assert_eq!(words, place, "{dateline}");
            assert_eq!(
                sentences, 3,
                "{dateline}: the lead is a sentence of its own"
            );
        }
        // A credit alone, where the line opens with it.
        for credit in ["(Reuters) - ", "(Bloomberg) -- ", "(AFP) — "] {
            let text = format!("Crash at the busy junction\n{credit}{lead}");
            let (words, sentences) = dateline_of(&text, "en");
            assert!(words.is_empty(), "{credit}: {words:?}");
            assert_eq!(sentences, 3, "{credit}: the lead is a sentence of its own");
        }
        // A credit without a dash.
        let de = "Vier Verletzte nach Unfall in Hildburghausen\n\
                  Berlin (dpa) Vier Menschen wurden verletzt.";
        assert_eq!(dateline_of(de, "de").0, vec!["Berlin"]);
        let ru = "Четыре человека пострадали в ДТП\n\
                  МОСКВА, 1 окт — РИА Новости. Четыре человека пострадали.";
        assert_eq!(dateline_of(ru, "ru").0, vec!["МОСКВА", "1", "окт"]);
    }

    #[test]
    fn a_datelines_credit_is_a_credit() {
        let text = "Storm hits the northern coast\nSULAIMANI (ESTA) — Two people died on Monday.";
        let a = analyze(text, Some("en"));
        assert_eq!(words_flagged(text, &a, CREDIT), vec!["ESTA"]);
        // A known agency's is reported as the page's credit, as outside a dateline.
        let text = "Storm hits the northern coast\nLONDON (Reuters) - Two people died on Monday.";
        assert_eq!(
            analyze(text, Some("en")).credits,
            vec!["Reuters".to_string()]
        );
        // An English dateline above a story in a script without capitals.
        let text = "طوفان سے دو افراد ہلاک ہو گئے\n\
                    LONDON (Reuters) - طوفان سے دو افراد ہلاک ہو گئے۔";
        assert_eq!(dateline_of(text, "ur").0, vec!["LONDON"]);
    }

    #[test]
    fn the_lead_after_a_dateline_tells_no_name() {
        let text = "Four injured in crash\nWASHINGTON — Four people were injured on Sunday, \
                    police said. Four cars were damaged.";
        let a = analyze(text, Some("en"));
        let named: Vec<&str> = a
            .tokens
            .iter()
            .filter(|t| t.anchor != 0 && t.flags & FURNITURE == 0)
            .map(|t| &text[t.start as usize..t.end as usize])
            .collect();
        assert_eq!(named, vec!["Sunday"]);
    }

    #[test]
    fn headlines_and_sentences_with_dashes_are_no_datelines() {
        for text in [
            "Brexit talks resume - Minister says deal is close\nThe talks resumed on Monday.",
            "The crash - Police say - was an accident.",
            "They had - as in Steinhagen - not played badly.",
            "Putin, who spoke on Monday — Peskov said so.",
            "BREAKING — the bridge is closed.",
            "WASHINGTON (Reuters — Four people were injured.",
            "Football, Lorch loses to newcomers 2: 3 - TV Heuchlingen wins in Kirchheim.",
            "(Updated) Police closed the bridge on Monday, the council said.",
        ] {
            assert_eq!(dateline_of(text, "en").0, Vec::<&str>::new(), "{text}");
        }
        // Scripts without capitals are left as they are (`dateline_at`'s docs say why).
        let urdu = "وزیراعظم کا معاہدے پر بیان\n\
                    اسلام آباد ۔22 نومبر (اے پی پی) وزیراعظم نے کہا کہ معاہدہ جلد ہوگا۔";
        assert_eq!(dateline_of(urdu, "ur").0, Vec::<&str>::new());
        // Only a text's first lines are read for datelines.
        let late = "Four hurt in a crash.\nA crash at the junction.\nThe police came at once.\n\
                    The road was closed.\nWASHINGTON — Four people were injured.";
        assert_eq!(dateline_of(late, "en").0, Vec::<&str>::new());
    }
}
