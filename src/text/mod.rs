//! The text pipeline: from a raw string to words with offsets, sentences and per-word features.
//!
//! [`analyze`] turns any string into an [`Analysis`]: one [`Token`] per word (byte offsets into the
//! input, so reuse can be highlighted where it stands), sentence numbers, and for each word the
//! hashes the fingerprints are made of:
//!
//! * `word`: the normalised word ([`normalize`]: NFKC, lower case, script unifications);
//! * `stem`: the Snowball stem for content words where the language has a stemmer, else `word`;
//! * `anchor`: for numbers, names and the months and weekdays of dates only, a form that
//!   survives translation (see [`normalize::name_skeleton`] and [`dates`]), or 0.
//!
//! It runs in steps, each in its own module: markup, look-alike letters and diacritics are read
//! as the text they stand for ([`markup`], [`lookalikes`], [`diacritics`]); `tokenize` finds the
//! words and sentences (how words are delimited, numbers and unspaced scripts included, is
//! explained there); [`lang`] names the language; furniture lines, datelines (`dateline`, which
//! also ends the sentence they begin) and quotations are marked; `featurize` fills in stems,
//! function words and anchors; wire credits are found last ([`crate::credits`]).
//!
//! Flags mark what must not count as evidence of copying: function words, quoted speech
//! ([`quotes`]), site furniture ([`furniture`]) and datelines' places and dates, and wire credits
//! ([`crate::credits`]).

mod case;
mod content_simhash;
mod dateline;
pub mod dates;
pub mod diacritics;
mod featurize;
pub mod furniture;
mod german_nouns;
pub mod lang;
pub mod lookalikes;
mod magnitudes;
pub mod markup;
pub mod normalize;
pub mod quotes;
pub mod rewritten;
mod tokenize;
mod word_count;
mod wrapped;

use std::ops::Range;

use featurize::{counted_before_credits, featurize, lang_salt, simhash_input};
use tokenize::{tokenize, RawTokens};

/// Texts longer than this many bytes are analysed up to here (at a char boundary) and the report
/// says it was truncated. News articles are a few kilobytes; this bounds time and memory.
pub const MAX_TEXT_BYTES: usize = 1 << 20;
/// Longest word, in chars; longer runs are cut into pieces of this length.
pub const MAX_WORD_CHARS: usize = 48;
/// Longest sentence, in words; longer runs without a sentence end are cut.
pub const MAX_SENTENCE_WORDS: u32 = 60;

/// Token flag: a function word of the text's language.
pub const STOP: u8 = 1;
/// Token flag: a number (digits, with separators removed).
pub const NUMBER: u8 = 2;
/// Token flag: inside a quotation.
pub const QUOTED: u8 = 4;
/// Token flag: on a site-furniture line, or the place or date of a dateline ("WASHINGTON — ").
pub const FURNITURE: u8 = 8;
/// Token flag: part of a wire credit such as "(Reuters)".
pub const CREDIT: u8 = 16;
/// Token flag: a character of a script written without spaces.
pub const CJK: u8 = 32;
/// Token flag: starts with an upper-case letter.
pub const CAPITAL: u8 = 64;
/// Token flag: a name that only a sentence in title case writes so, which may be a common word
/// as well ("Crash" in "Four Injured After Crash in Hildburghausen"): evidence where the original
/// has it, none against where it lacks it.
pub const UNSURE_NAME: u8 = 128;

/// Tokens with any of these flags are not evidence of copying.
pub const NOT_EVIDENCE: u8 = QUOTED | FURNITURE | CREDIT;

/// One word of an analysed text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Token {
    /// Byte offset of the word's first byte in the analysed string.
    pub start: u32,
    /// Byte offset just past the word's last byte.
    pub end: u32,
    /// Hash of the normalised word.
    pub word: u64,
    /// Hash of the word's stem (content words of languages with a stemmer) or of the word.
    pub stem: u64,
    /// Hash of the word's cross-language form if it is a number, a name or a month or weekday
    /// ([`dates`]), else 0.
    pub anchor: u64,
    /// Index of the sentence the word belongs to.
    pub sentence: u32,
    /// Bit set of [`STOP`], [`NUMBER`], [`QUOTED`], [`FURNITURE`], [`CREDIT`], [`CJK`], [`CAPITAL`],
    /// [`UNSURE_NAME`].
    pub flags: u8,
}

impl Token {
    /// Whether the word may count as evidence of copying (not quoted, furniture or a credit).
    #[inline]
    pub fn is_evidence(&self) -> bool {
        self.flags & NOT_EVIDENCE == 0
    }

    /// Whether the word is a content word (not a function word, not a number).
    #[inline]
    pub fn is_content(&self) -> bool {
        self.flags & (STOP | NUMBER) == 0
    }
}

/// A text taken apart into words and sentences.
#[derive(Debug, Clone)]
pub struct Analysis {
    /// The words, in order.
    pub tokens: Vec<Token>,
    /// The normalised form of every word, concatenated; `norm_ranges[i]` is token `i`'s.
    pub norm: String,
    /// Byte ranges into [`Analysis::norm`], one per token.
    pub norm_ranges: Vec<Range<u32>>,
    /// Number of sentences (token sentence indices are below this).
    pub sentences: u32,
    /// The language used for stopwords and stemming (ISO 639-1, "" if unknown).
    pub lang: &'static str,
    /// Whether the input was longer than [`MAX_TEXT_BYTES`] and only its start was analysed.
    pub truncated: bool,
    /// Wire agencies the text credits, in order of first mention.
    pub credits: Vec<String>,
    /// The `simhash` crate's SimHash of the words that count as evidence and are content words
    /// ([`Token::is_evidence`], [`Token::is_content`]), in order: the near-duplicate badge,
    /// counted while the words are looked up (see `content_simhash`).
    pub simhash: u64,
}

impl Analysis {
    /// The normalised form of token `i`.
    pub fn norm_of(&self, i: usize) -> &str {
        let r = &self.norm_ranges[i];
        &self.norm[r.start as usize..r.end as usize]
    }

    /// Number of words that count as evidence (not quoted, furniture or credits).
    pub fn evidence_words(&self) -> usize {
        self.tokens.iter().filter(|t| t.is_evidence()).count()
    }
}

/// Analyses `text`. `lang_hint` is the language if the caller knows it (any BCP-47 tag), else the
/// language is guessed. Never fails: empty or junk input gives an analysis with no tokens.
///
/// Some inputs are read as the text they stand for, the tokens' offsets still offsets into `text`:
/// HTML left in the text (a feed's `<p>` tags and `&#8217;`s: [`markup`]), words disguised with
/// look-alike letters of another script ([`lookalikes`]), and English disguised with diacritics
/// ([`diacritics`]).
pub fn analyze(text: &str, lang_hint: Option<&str>) -> Analysis {
    let (text, truncated) = truncate(text, MAX_TEXT_BYTES);
    // The rewrites made, in order; the text as read is the last one's (or `text`).
    let mut rewrites: Vec<rewritten::Rewritten> = Vec::new();
    rewrites.extend(markup::clean(text));
    let mut raw = tokenize(as_read(text, &rewrites));
    // Only a text with letters of both kinds can hide words in look-alikes; the tokenizer has
    // counted its scripts.
    let s = &raw.scripts;
    if s.latin > 0 && (s.cyrillic > 0 || s.greek > 0) {
        let mostly_latin = s.latin >= s.cyrillic + s.greek;
        if let Some(l) = lookalikes::unify(as_read(text, &rewrites), mostly_latin) {
            raw = tokenize(&l.text);
            rewrites.push(l);
        }
    }
    // Only a text with many more diacritics than English writes, and English only without them.
    let latin = raw.scripts.latin as usize;
    let read = as_read(text, &rewrites);
    if latin > 40 && diacritics::marked_chars(read) * diacritics::SUSPICIOUS_SHARE >= latin {
        if let Some(folded) = diacritics::fold(read) {
            let folded_raw = tokenize(&folded.text);
            let guess = |r: &RawTokens| lang::guess(&r.scripts, r.tokens.iter().map(|t| t.word));
            // Read without its diacritics, an English text is English; a French or Vietnamese
            // one, with as many, is not.
            if guess(&folded_raw) == "en" {
                raw = folded_raw;
                rewrites.push(folded);
            }
        }
    }
    let mut analysis = analyze_tokens(as_read(text, &rewrites), raw, lang_hint, truncated);
    for rewritten in rewrites.iter().rev() {
        for t in &mut analysis.tokens {
            let (start, end) = rewritten.original_range(t.start as usize, t.end as usize);
            (t.start, t.end) = (start as u32, end as u32);
        }
    }
    analysis
}

/// The text as read after `rewrites` of `text`: the last rewrite's, or `text` itself.
fn as_read<'a>(text: &'a str, rewrites: &'a [rewritten::Rewritten]) -> &'a str {
    rewrites.last().map_or(text, |r| r.text.as_str())
}

/// [`analyze`] of `text` as read (its markup, look-alikes and diacritics rewritten), cut to
/// [`MAX_TEXT_BYTES`] already (`truncated` if it was longer), given its tokens.
fn analyze_tokens(
    text: &str,
    mut raw: RawTokens,
    lang_hint: Option<&str>,
    truncated: bool,
) -> Analysis {
    let hint = lang_hint.map(lang::primary).unwrap_or_default();
    // A caller's hint is trusted where the text does not contradict it (`lang::hint_fits`).
    let words = || raw.tokens.iter().map(|t| t.word);
    let lang = match lang::CODES.iter().find(|c| !c.is_empty() && **c == hint) {
        Some(code) if lang::hint_fits(code, &raw.scripts, words()) => *code,
        _ => lang::guess(&raw.scripts, words()),
    };
    let furniture_lines = furniture::furniture_lines(
        text,
        furniture::Foreign::of(raw.scripts.latin, raw.scripts.others()),
    );
    mark_ranges(&mut raw.tokens, &furniture_lines, FURNITURE);
    dateline::mark(text, &mut raw, lang);
    mark_ranges(&mut raw.tokens, &quotes::quotation_spans(text), QUOTED);
    let narrative = featurize(text, &mut raw, lang, &furniture_lines);
    let mut analysis = Analysis {
        tokens: raw.tokens,
        norm: raw.norm,
        norm_ranges: raw.norm_ranges,
        sentences: raw.sentences,
        lang,
        truncated,
        credits: Vec::new(),
        simhash: 0,
    };
    analysis.credits = crate::credits::mark_credits(text, &mut analysis);
    // The words of wire credits were counted as narrative before they were found: out again.
    let mut counts = narrative.total();
    let lang_salt = lang_salt(lang);
    for (i, t) in analysis.tokens.iter().enumerate() {
        if t.flags & CREDIT != 0 && counted_before_credits(t.flags) {
            counts.remove(simhash_input(t.word ^ lang_salt, analysis.norm_of(i)));
        }
    }
    analysis.simhash = counts.majority();
    analysis
}

/// The hashes of `text`'s words as [`Token::word`] holds them (normalised the same way): what
/// fixed phrases are hashed with to be matched against analysed texts.
pub(crate) fn word_hashes(text: &str) -> Vec<u64> {
    tokenize(text).tokens.iter().map(|t| t.word).collect()
}

/// `text` cut to at most `max` bytes at a char boundary, and whether it was cut.
fn truncate(text: &str, max: usize) -> (&str, bool) {
    if text.len() <= max {
        return (text, false);
    }
    let mut end = max;
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    (&text[..end], true)
}

/// The words of `text` (as `a`, its analysis, found them) that carry `flag`, in order: what the
/// tests of a rule that flags words assert.
#[cfg(test)]
pub(crate) fn words_flagged<'t>(text: &'t str, a: &Analysis, flag: u8) -> Vec<&'t str> {
    a.tokens
        .iter()
        .filter(|t| t.flags & flag != 0)
        .map(|t| &text[t.start as usize..t.end as usize])
        .collect()
}

/// Sets `flag` on every token that starts inside one of the sorted, disjoint `ranges`.
fn mark_ranges(tokens: &mut [Token], ranges: &[Range<usize>], flag: u8) {
    if ranges.is_empty() {
        return; // most texts: no furniture lines, or no quotations
    }
    let mut r = ranges.iter().peekable();
    for t in tokens {
        if in_ranges(&mut r, t.start as usize) {
            t.flags |= flag;
        }
    }
}

/// Whether `i` lies in one of the sorted, disjoint `ranges`, asked for rising `i`: the ranges
/// ending at or before it are passed over for good.
fn in_ranges<'a>(
    ranges: &mut std::iter::Peekable<impl Iterator<Item = &'a Range<usize>>>,
    i: usize,
) -> bool {
    while ranges.peek().is_some_and(|r| r.end <= i) {
        ranges.next();
    }
    ranges.peek().is_some_and(|r| r.start <= i)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn empty_and_junk_inputs_are_fine() {
        assert!(analyze("", None).tokens.is_empty());
        assert!(analyze("\u{0}\u{1}\u{fffd}\u{fffd}---!!!", None)
            .tokens
            .is_empty());
        let a = analyze("مُحَمَّد", None);
        assert_eq!(a.tokens.len(), 1);
    }

    #[test]
    fn html_left_in_a_text_is_read_as_its_text_with_offsets_into_the_input() {
        let plain =
            "The city’s harbour bridge by the café will close for six weeks, officials said.\n\
                     About 41,000 vehicles cross it every day.";
        let feed = "<p>The city&#8217;s harbour <a href=\"/bridge\">bridge</a> by the caf&eacute; will close for \
                    six weeks, officials said.</p><p>About 41,000 vehicles cross it every \
                    day.</p>";
        let (a, b) = (analyze(plain, Some("en")), analyze(feed, Some("en")));
        let words = |x: &Analysis| {
            x.tokens
                .iter()
                .map(|t| (t.word, t.stem, t.anchor, t.flags, t.sentence))
                .collect::<Vec<_>>()
        };
        assert_eq!(words(&a), words(&b));
        assert_eq!(a.simhash, b.simhash);
        let spans: Vec<&str> = b
            .tokens
            .iter()
            .map(|t| &feed[t.start as usize..t.end as usize])
            .collect();
        assert_eq!(
            &spans[..8],
            [
                "The",
                "city",
                "s",
                "harbour",
                "bridge",
                "by",
                "the",
                "caf&eacute;"
            ]
        );
        assert_eq!(spans.last(), Some(&"day"));
    }

    #[test]
    fn invisible_chars_slipped_into_words_leave_them_whole() {
        let plain = analyze("The harbour bridge will close for six weeks", Some("en"));
        for invisible in ['\u{200b}', '\u{2060}', '\u{feff}', '\u{ad}', '\u{200c}'] {
            let text = format!("The har{invisible}bour bri{invisible}dge will close for six weeks");
            let a = analyze(&text, Some("en"));
            let words = |x: &Analysis| {
                x.tokens
                    .iter()
                    .map(|t| (t.word, t.stem))
                    .collect::<Vec<_>>()
            };
            assert_eq!(words(&a), words(&plain), "U+{:04X}", invisible as u32);
            let second = &a.tokens[1];
            assert_eq!(
                &text[second.start as usize..second.end as usize],
                format!("har{invisible}bour")
            );
        }
    }

    #[test]
    fn english_disguised_with_diacritics_is_read_without_them_and_french_keeps_its_own() {
        let plain = "The harbour bridge will close to all traffic for six weeks from Monday after \
                     engineers found corroded cables, the city said on Sunday.";
        let words = |x: &Analysis| {
            x.tokens
                .iter()
                .map(|t| (t.word, t.stem))
                .collect::<Vec<_>>()
        };
        let expected = analyze(plain, None);
        for disguised in [
            plain.replace('a', "á").replace('e', "é").replace('o', "ó"),
            plain.replace('e', "e\u{301}").replace('i', "i\u{323}"),
        ] {
            let a = analyze(&disguised, None);
            assert_eq!(
                (a.lang, words(&a)),
                (expected.lang, words(&expected)),
                "{disguised}"
            );
            let t = &a.tokens[1];
            assert!(disguised[t.start as usize..t.end as usize].starts_with('h'));
        }
        // French writes as many accents, and stays French with them.
        let french = "Le pont a été fermé à la circulation pendant six semaines après que des \
                      ingénieurs ont découvert des câbles corrodés, a déclaré la ville dimanche. \
                      Les élèves et les employés préféreront le bâteau.";
        let a = analyze(french, None);
        assert_eq!(a.lang, "fr");
        let raw = tokenize(french);
        assert!(a
            .tokens
            .iter()
            .zip(&raw.tokens)
            .all(|(x, y)| x.word == y.word));
        assert!(
            diacritics::marked_chars(french) * diacritics::SUSPICIOUS_SHARE
                >= raw.scripts.latin as usize
        );
    }

    #[test]
    fn furniture_and_quotes_are_not_evidence() {
        let a = analyze("Advertisement\nPeskov said “we are ready for a dialogue with the new US administration”.", Some("en"));
        assert!(a.tokens[0].flags & FURNITURE != 0);
        let quoted = a.tokens.iter().filter(|t| t.flags & QUOTED != 0).count();
        assert_eq!(quoted, 11);
        assert_eq!(a.evidence_words(), 2);
    }

    #[test]
    fn truncates_huge_inputs_at_a_char_boundary() {
        let text = "é".repeat(MAX_TEXT_BYTES);
        let a = analyze(&text, None);
        assert!(a.truncated);
    }
}
