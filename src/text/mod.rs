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
//! Words are maximal runs of letters, digits and combining marks, but for numbers: digits end
//! where a letter follows them or where they follow a letter beyond ASCII ("£1.5bn", "2021ء" and
//! "کے30" hold the numbers 15, 2021 and 30; "G7" stays one word), and keep their thousands
//! separators, a space among them ("3,500" and "41 000" are one word each, `3500` and `41000`);
//! scripts written without spaces (Han, kana, Thai, Lao, Khmer, Myanmar) give one token per
//! character, so a Chinese page is a sequence of characters rather than one giant word. A word longer than [`MAX_WORD_CHARS`] is cut, so a
//! 50,000-character line without spaces costs what any other text does.
//!
//! Flags mark what must not count as evidence of copying: function words, quoted speech
//! ([`quotes`]), site furniture ([`furniture`]) and wire credits ([`crate::credits`]).

mod content_simhash;
pub mod dates;
pub mod diacritics;
pub mod furniture;
pub mod lang;
pub mod lookalikes;
pub mod markup;
pub mod normalize;
pub mod quotes;
pub mod rewritten;
mod word_count;
mod wrapped;

use std::cell::RefCell;
use std::ops::Range;
use std::sync::OnceLock;

use rust_stemmers::Stemmer;
use unicode_normalization::char::is_combining_mark;

use crate::hash::{bound_word_cache, fnv1a, HashMap64, HashSet64, WordSet};
use content_simhash::PairedCounts;
use lang::{ScriptCounts, ScriptTag};
use normalize::CharForm;

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
/// Token flag: on a site-furniture line.
pub const FURNITURE: u8 = 8;
/// Token flag: part of a wire credit such as "(Reuters)".
pub const CREDIT: u8 = 16;
/// Token flag: a character of a script written without spaces.
pub const CJK: u8 = 32;
/// Token flag: starts with an upper-case letter.
pub const CAPITAL: u8 = 64;

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
    /// Bit set of [`STOP`], [`NUMBER`], [`QUOTED`], [`FURNITURE`], [`CREDIT`], [`CJK`], [`CAPITAL`].
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
    mark_ranges(
        &mut raw.tokens,
        &furniture::furniture_lines(text),
        FURNITURE,
    );
    mark_ranges(&mut raw.tokens, &quotes::quotation_spans(text), QUOTED);
    let narrative = featurize(text, &mut raw, lang);
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

/// How many of `tokens` are capitalised, and whether their case tells names from other words.
///
/// Names are words capitalised where other words are not, so a text whose words are nearly all
/// capitalised, in capitals ("SAID") or in title case ("Said"), has none that its case can tell:
/// fewer than one in ten of its words of four bytes or more (four letters in Latin script: short
/// words are lower case in title case too) begin in lower case. In the public sets' texts, the
/// share of their words of four letters or more in lower case is at least 0.31 in German (whose
/// nouns are capitalised), 0.54 in English and 0.70 in Russian; words without case (Urdu) count
/// as lower case.
fn capitals(tokens: &[Token]) -> (usize, bool) {
    // Counted without branches; a text is cut to `MAX_TEXT_BYTES`, so the counts fit in 32 bits.
    let (mut capitalised, mut long, mut lower) = (0u32, 0u32, 0u32);
    for t in tokens {
        let capital = u32::from(t.flags & CAPITAL != 0);
        let is_long = u32::from(t.flags & (NUMBER | CJK) == 0) & u32::from(t.end - t.start >= 4);
        capitalised += capital;
        long += is_long;
        lower += is_long & (capital ^ 1);
    }
    (
        capitalised as usize,
        u64::from(lower) * 10 >= u64::from(long),
    )
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

/// What the tokenizer makes of a text: the tokens before [`featurize`] (their stems are their
/// words and they have no anchors yet), with their normalised forms and the letters counted by
/// script.
#[derive(Debug)]
struct RawTokens {
    tokens: Vec<Token>,
    norm: String,
    norm_ranges: Vec<Range<u32>>,
    sentences: u32,
    scripts: ScriptCounts,
    /// In a text wrapped at a fixed width, the sentences begun by a line break alone, in order:
    /// their lines may go on with the sentence before (see [`RawTokens::sentence_initial`]).
    continued: Vec<u32>,
}

impl RawTokens {
    fn norm_of(&self, i: usize) -> &str {
        let r = &self.norm_ranges[i];
        &self.norm[r.start as usize..r.end as usize]
    }

    /// Whether token `i` is the first of its sentence, so that its capital tells no name.
    ///
    /// Not where a line break alone began the sentence in a wrapped text: there a capitalised
    /// word at a line's start is as likely a name going on with the line before ("… talks
    /// with\nMerkel"), and about one line in ten starts with one. Taken as sentence-initial, such
    /// names lost their anchors (wmt19's translations wrapped at 60 columns: the share of anchors
    /// found both ways fell by half in some).
    fn sentence_initial(&self, i: usize) -> bool {
        let t = &self.tokens;
        i == 0
            || (t[i - 1].sentence != t[i].sentence
                && (self.continued.is_empty()
                    || self.continued.binary_search(&t[i].sentence).is_err()))
    }
}

/// Characters of scripts written without spaces between words: one token each.
fn is_unspaced_script(c: char) -> bool {
    matches!(c as u32,
        0x3040..=0x30ff | 0x31f0..=0x31ff | 0x3400..=0x4dbf | 0x4e00..=0x9fff | 0xf900..=0xfaff
        | 0x20000..=0x2ffff | 0x0e00..=0x0eff | 0x1780..=0x17ff | 0x1000..=0x109f)
}

/// What a character is to the tokenizer.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Class {
    Letter,
    Digit,
    /// A combining mark or joiner: continues a word, never starts one.
    Mark,
    Other,
}

/// Classifies `c`, with fast paths for the blocks news text is mostly written in (std's
/// Unicode tables are a binary search for everything beyond ASCII).
#[inline]
fn classify(c: char) -> Class {
    match c as u32 {
        0x30..=0x39 => Class::Digit,
        0x41..=0x5a | 0x61..=0x7a => Class::Letter,
        0x00..=0x7f => Class::Other,
        0xc0..=0xd6 | 0xd8..=0xf6 | 0xf8..=0x24f => Class::Letter,
        0x400..=0x481 | 0x48a..=0x52f => Class::Letter,
        0x483..=0x489 => Class::Mark,
        0x621..=0x63a
        | 0x641..=0x64a
        | 0x66e..=0x66f
        | 0x671..=0x6d3
        | 0x6d5
        | 0x6ee..=0x6ef
        | 0x6fa..=0x6fc
        | 0x6ff => Class::Letter,
        0x64b..=0x65f | 0x670 | 0x6d6..=0x6dc | 0x6df..=0x6e8 | 0x6ea..=0x6ed | 0x640 => {
            Class::Mark
        }
        0x660..=0x669 | 0x6f0..=0x6f9 => Class::Digit,
        // Invisible chars belong to the word they stand in, and its normal form drops them.
        _ if normalize::is_invisible(c) => Class::Mark,
        _ if c.is_alphabetic() => Class::Letter,
        _ if c.is_numeric() => Class::Digit,
        _ if is_combining_mark(c) => Class::Mark,
        _ => Class::Other,
    }
}

/// Chars below this (every char UTF-8 writes in one or two bytes: ASCII, Latin, Greek, Cyrillic,
/// Armenian, Hebrew, Arabic, Syriac, Thaana, N'Ko) are classified by a table rather than by
/// [`classify`]'s chain of range tests.
const TABLE_CHARS: usize = normalize::CHAR_FORM_CHARS;

/// What the tokenizer needs to know of a char of the table ([`char_table`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct CharInfo {
    /// [`classify`].
    class: Class,
    /// [`ScriptCounts::tag`].
    script: ScriptTag,
    /// [`char::is_uppercase`].
    upper: bool,
    /// [`normalize::char_forms`].
    form: CharForm,
}

/// For every char below [`TABLE_CHARS`], its [`CharInfo`]. Tests check every entry against
/// `classify`, `ScriptCounts::add`, `is_uppercase` and `char_forms`.
fn char_table() -> &'static [CharInfo; TABLE_CHARS] {
    static TABLE: OnceLock<[CharInfo; TABLE_CHARS]> = OnceLock::new();
    TABLE.get_or_init(|| {
        let other = CharInfo {
            class: Class::Other,
            script: 0,
            upper: false,
            form: CharForm::Slow,
        };
        let mut t = [other; TABLE_CHARS];
        for (cp, entry) in t.iter_mut().enumerate() {
            if let Some(c) = char::from_u32(cp as u32) {
                *entry = CharInfo {
                    class: classify(c),
                    script: ScriptCounts::tag(c),
                    upper: c.is_uppercase(),
                    form: normalize::char_forms()[cp],
                };
            }
        }
        t
    })
}

/// Sentence-ending punctuation of the scripts the project reads.
fn ends_sentence(c: char) -> bool {
    matches!(
        c,
        '.' | '!' | '?' | '…' | '。' | '！' | '？' | '؟' | '۔' | '।'
    )
}

/// Whether a word of `chars` chars starting with `first` may be an abbreviation ("U.S.", "Mr.",
/// "Jan."), after which a period does not end the sentence.
#[inline]
fn may_abbreviate(chars: usize, first: char) -> bool {
    chars <= 3 && (first.is_ascii_uppercase() || (!first.is_ascii() && first.is_uppercase()))
}

/// Where the tokenizer is in the sentence structure.
#[derive(Default)]
struct SentenceState {
    index: u32,
    words: u32,
    hard_break: bool,
    soft_break: bool,
    /// A line break since the last word: a second one is a blank line, which ends a paragraph.
    line_break: bool,
    /// Sentence punctuation since the last word.
    stop: bool,
    /// Bare line breaks so far (a line break between words, with no sentence punctuation or blank
    /// line), and how many of them the next line went on in lower case.
    bare_breaks: u32,
    joined: u32,
    /// Whether the text's lines are of one width ([`wrapped::lines_look_wrapped`]): a bare line
    /// break then ends a sentence only before a capital. Found out the first time it matters (a
    /// bare line break before a word neither in lower case nor a capital), since that is rare.
    wrapped_lines: Option<bool>,
}

impl SentenceState {
    /// Called before each word beginning with `first`: starts a new sentence after a blank line,
    /// after sentence punctuation or a line break followed by a word that is not lower case, or
    /// after [`MAX_SENTENCE_WORDS`] words. Returns the word's sentence index.
    ///
    /// A line break alone is not a sentence's end when the next line goes on in lower case: wire
    /// copy and e-mailed text often come wrapped at a fixed width, and a sentence cut at each line
    /// would never be found whole in its original (the demo story wrapped at 40 columns had none
    /// of its sentences found so, against nearly all of them unwrapped). Scripts without case
    /// (Urdu, Arabic) cannot tell, and a line break ends their sentences as before: telling it by
    /// the next line starting in upper case instead cut fewer wrapped Urdu sentences (honest
    /// wrapped reports called copies 11.5 → 6.9 %) but joined headlines to the first sentence in
    /// unwrapped ones (counter-public's AUC 0.827 → 0.823), so it was not taken. Where the lines
    /// are of one width ([`wrapped::lines_look_wrapped`]), a line break alone ends a sentence
    /// only before a capital, so that wrapped Urdu keeps its sentences too.
    ///
    /// `text`: the text being tokenized; `after_bare_break`: the sentences begun by a bare line
    /// break so far, in order, to which a new one is added.
    #[inline(always)]
    fn begin_word(&mut self, first: char, text: &str, after_bare_break: &mut Vec<u32>) -> u32 {
        let new = self.words > 0
            && (self.hard_break
                || (self.soft_break && self.break_ends_sentence(first, text))
                || self.words >= MAX_SENTENCE_WORDS);
        if new {
            self.index += 1;
            self.words = 0;
            if self.line_break && !self.stop && !self.hard_break {
                after_bare_break.push(self.index);
            }
        }
        self.hard_break = false;
        self.soft_break = false;
        self.line_break = false;
        self.stop = false;
        self.words += 1;
        self.index
    }

    /// After sentence punctuation or a line break (not a blank line), before a word beginning
    /// with `first`: whether the word begins a new sentence. Counts the bare line breaks (a line
    /// break between words, with no sentence punctuation or blank line) and those that go on in
    /// lower case.
    fn break_ends_sentence(&mut self, first: char, text: &str) -> bool {
        let lower = first.is_lowercase();
        if self.stop || !self.line_break {
            return !lower;
        }
        self.bare_breaks += 1;
        self.joined += u32::from(lower);
        !lower && (first.is_uppercase() || !self.lines_look_wrapped(text))
    }

    /// Whether the text so far looks wrapped at a fixed width: its lines are of one width, or at
    /// least three of its bare line breaks, and a third of them, go on in lower case. In the
    /// public sets' texts as written, one line break in a text at most goes on so, unless its
    /// lines are wrapped.
    fn is_wrapped(&self) -> bool {
        self.wrapped_lines == Some(true)
            || (self.joined >= 3 && self.joined * 3 >= self.bare_breaks)
    }

    /// [`wrapped::lines_look_wrapped`] of `text`, found out once.
    fn lines_look_wrapped(&mut self, text: &str) -> bool {
        *self
            .wrapped_lines
            .get_or_insert_with(|| wrapped::lines_look_wrapped(text))
    }
}

/// The word the tokenizer is in the middle of, if any.
struct OpenWord {
    /// Byte offset of its first char, or `None` between words.
    start: Option<usize>,
    /// Chars so far (letters, digits and marks).
    chars: usize,
    /// Whether every char so far is a digit (a number, whose separators are dropped).
    digits_only: bool,
    /// Whether every char so far is ASCII (normalised by lower-casing alone).
    ascii: bool,
    /// Sentence index of the word.
    sentence: u32,
}

impl OpenWord {
    /// Whether the open word, if any, ends before the letter or digit (`digit`) at byte `i` of
    /// `text`: a number ends where a letter follows it, and a word where a digit follows a letter
    /// beyond ASCII. A number with letters written on ("£1.5bn", "1990s", "21st", "10km", and in
    /// other scripts "1962માં", "2021년", Urdu's "2021ء": Gujarati, Hindi and Korean write
    /// postpositions so), or a word of another script with one ("کے30", "پر2009"), is a number
    /// and a word: numbers carry a story across languages, where "1,5 Milliarden" and "1990er"
    /// are 15 and 1990. Both of the tokenizer's paths ask here, so that they split alike.
    #[inline(always)]
    fn ends_before(
        &self,
        digit: bool,
        text: &str,
        i: usize,
        table: &[CharInfo; TABLE_CHARS],
    ) -> bool {
        self.start.is_some()
            && if digit {
                !self.digits_only && letter_before(text, i, table)
            } else {
                self.digits_only
            }
    }

    /// Adds the letter, digit or mark `c` at byte `i` (`digit`: whether it is a digit): starts a
    /// word if none is open, after ending one that has reached [`MAX_WORD_CHARS`].
    #[inline(always)]
    fn letter(
        &mut self,
        text: &str,
        i: usize,
        c: char,
        digit: bool,
        st: &mut SentenceState,
        out: &mut RawTokens,
    ) {
        if self.start.is_some() && self.chars >= MAX_WORD_CHARS {
            self.end(text, i, out);
        }
        if self.start.is_none() {
            self.sentence = st.begin_word(c, text, &mut out.continued);
            self.start = Some(i);
            self.chars = 0;
            self.digits_only = true;
            self.ascii = true;
        }
        self.chars += 1;
        self.digits_only &= digit;
        self.ascii &= c.is_ascii();
    }

    /// Ends the open word, if any, just before byte `i`, and returns where it started.
    #[inline(always)]
    fn end(&mut self, text: &str, i: usize, out: &mut RawTokens) -> Option<usize> {
        let s = self.start.take()?;
        push_raw(text, s..i, self.digits_only, self.ascii, self.sentence, out);
        Some(s)
    }
}

/// Whether a decimal digit of any script starts at byte `i` of `text` (a char boundary), so that a
/// separator before it continues a number ("41,000", "૪૧,૦૦૦").
#[inline]
fn digit_follows(text: &str, i: usize) -> bool {
    match text.as_bytes().get(i) {
        Some(b) if b.is_ascii() => b.is_ascii_digit(),
        Some(_) => text[i..]
            .chars()
            .next()
            .is_some_and(|c| normalize::decimal_digit(c).is_some()),
        None => false,
    }
}

/// Whether `c` may set a number's groups of three digits apart: a space, or the no-break, narrow
/// no-break and thin spaces typesetting puts there.
#[inline]
fn is_group_space(c: char) -> bool {
    matches!(c, ' ' | '\u{a0}' | '\u{202f}' | '\u{2009}')
}

/// Whether the number that starts at byte `start` of `text` (`digits` so far) goes on past `c`,
/// the char at byte `at` (before byte `next`): `c` is a thousands or decimal separator inside it
/// ("3,500", "3.500", "2.5"), or a space that sets apart a group of thousands.
///
/// French, Russian, Finnish or Lithuanian set thousands apart by a space ("41 000", "1 500 000"),
/// which makes one number as "41,000" does: numbers are what carries a story across languages,
/// and "41 000" read as 41 and 000 matched nothing of "41,000". A space does so when exactly three
/// digits follow it and then no digit, and the number so far is a first group of one to three
/// digits or already has groups so set apart: "in 2019 100 people" stays two numbers, and "12
/// 000km" is 12000 and a word. Out of line: the tokenizer's loop comes here only after a
/// number, and the number's fields are passed by value, so that the loop keeps them in registers.
#[inline(never)]
fn number_goes_on(
    text: &str,
    start: Option<usize>,
    digits: usize,
    c: char,
    at: usize,
    next: usize,
) -> bool {
    if c == ',' || c == '.' {
        return digit_follows(text, next);
    }
    if !is_group_space(c) || !digit_follows(text, next) {
        return false;
    }
    let mut after = text[next..].chars();
    let three = after
        .by_ref()
        .take(3)
        .filter(|&c| normalize::decimal_digit(c).is_some())
        .count();
    let ends = after
        .next()
        .is_none_or(|c| normalize::decimal_digit(c).is_none());
    three == 3
        && ends
        && (digits <= 3 || start.is_some_and(|s| text[s..at].chars().any(is_group_space)))
}

/// Whether the char before byte `i` of `text` (a char boundary) is a letter beyond ASCII, so that
/// a digit at `i` starts a number rather than going on with a word: "کے30" is a word and 30, as
/// "1962માં" is 1962 and a word. ASCII letters keep their digits ("G7", "covid19").
#[inline(never)]
fn letter_before(text: &str, i: usize, table: &[CharInfo; TABLE_CHARS]) -> bool {
    text[..i].chars().next_back().is_some_and(|c| {
        !c.is_ascii()
            && match table.get(c as usize) {
                Some(info) => info.class == Class::Letter,
                None => classify(c) == Class::Letter,
            }
    })
}

/// Splits `text` into raw tokens with normalised forms and sentence numbers.
fn tokenize(text: &str) -> RawTokens {
    tokenize_with::<true>(text)
}

/// The code point of the two-byte UTF-8 char at `bytes[i]` (its lead byte is 0xC2 to 0xDF).
#[inline(always)]
fn two_byte_char(bytes: &[u8], i: usize) -> usize {
    (usize::from(bytes[i]) & 0x1f) << 6 | (usize::from(bytes[i + 1]) & 0x3f)
}

/// Takes the word at byte `i` of `text`, which starts with a two-byte letter, whole when
/// [`tokenize_with`] may: every char of it is ASCII or written in two bytes (so the table
/// classifies and normalises it), and it ends at the end of the text or at a char that is neither
/// letter, digit nor mark, before [`MAX_WORD_CHARS`] chars. Then its normalised form is appended
/// to `out.norm`, its letters are counted by script tag into `tagged`, and its end and length in
/// chars are returned. `None`, with nothing appended or counted, leaves the word to the general
/// path, char by char. A word that starts with a letter is no number, so no separator continues
/// it, and a digit after a letter beyond ASCII ends it: whatever ends it here ends it on the
/// general path too.
fn take_table_word(
    text: &str,
    i: usize,
    table: &[CharInfo; TABLE_CHARS],
    tagged: &mut [u32; 64],
    out: &mut RawTokens,
) -> Option<(usize, usize)> {
    let bytes = text.as_bytes();
    let norm_start = out.norm.len();
    let (mut j, mut chars, mut slow) = (i, 0, false);
    // Whether the char before `j` is a letter beyond ASCII: a digit after one starts a number.
    let mut after_letter = false;
    let whole = loop {
        let Some(&b) = bytes.get(j) else {
            break true;
        };
        let (cp, len) = if b < 0x80 {
            (usize::from(b), 1)
        } else if b <= 0xdf {
            (two_byte_char(bytes, j), 2)
        } else {
            // A char of three or four bytes ends the word if it is neither letter, digit nor
            // mark (quotation marks, dashes).
            break text[j..]
                .chars()
                .next()
                .is_some_and(|c| classify(c) == Class::Other);
        };
        let info = table[cp];
        if info.class == Class::Other || (info.class == Class::Digit && after_letter) {
            break true;
        }
        after_letter = info.class == Class::Letter && b >= 0x80;
        chars += 1;
        if chars >= MAX_WORD_CHARS {
            break false;
        }
        if info.class == Class::Letter {
            tagged[usize::from(info.script & 63)] += 1;
        }
        match info.form {
            CharForm::Char(c) => out.norm.push(c),
            CharForm::Drop => {}
            CharForm::Slow => slow = true,
        }
        j += len;
    };
    if !whole {
        // Undone: the chars taken so far are all ASCII or two bytes long.
        out.norm.truncate(norm_start);
        let mut k = i;
        while k < j {
            let (cp, len) = if bytes[k] < 0x80 {
                (usize::from(bytes[k]), 1)
            } else {
                (two_byte_char(bytes, k), 2)
            };
            if table[cp].class == Class::Letter {
                tagged[usize::from(table[cp].script & 63)] -= 1;
            }
            k += len;
        }
        return None;
    }
    if slow {
        out.norm.truncate(norm_start);
        normalize::push_normalized(&text[i..j], &mut out.norm);
    }
    Some((j, chars))
}

/// [`tokenize`]; `FAST` takes ASCII letters and digits (most of Latin-script text) straight
/// from their bytes, without decoding and classifying a char, and most words that start with a
/// letter of two bytes (Greek, Cyrillic, Arabic script) whole. The result is the same either way:
/// tests compare the two.
fn tokenize_with<const FAST: bool>(text: &str) -> RawTokens {
    let mut out = RawTokens {
        tokens: Vec::with_capacity(text.len() / 6),
        norm: String::with_capacity(text.len()),
        norm_ranges: Vec::with_capacity(text.len() / 6),
        sentences: 0,
        scripts: ScriptCounts::default(),
        continued: Vec::new(),
    };
    let mut st = SentenceState::default();
    let mut word = OpenWord {
        start: None,
        chars: 0,
        digits_only: true,
        ascii: true,
        sentence: 0,
    };
    // Whether the last word could be an abbreviation ("U.S.", "Mr.", "Jan."): a period after it
    // does not end the sentence.
    let mut abbreviation = false;
    let bytes = text.as_bytes();
    let table = char_table();
    // Letters of the table's scripts counted by tag, added to `out.scripts` at the end.
    let mut tagged = [0u32; 64];

    let mut next = 0;
    while next < bytes.len() {
        let i = next;
        let b = bytes[i];
        if FAST && b.is_ascii_alphanumeric() {
            // This letter or digit as the general path takes it (it may start a word), then the
            // rest of the run of ASCII letters and digits, as far as the word may grow.
            let digit = b.is_ascii_digit();
            out.scripts.latin += u32::from(!digit);
            if word.ends_before(digit, text, i, table) {
                word.end(text, i, &mut out);
            }
            word.letter(text, i, char::from(b), digit, &mut st, &mut out);
            let mut j = i + 1;
            let end = bytes.len().min(j + (MAX_WORD_CHARS - word.chars));
            if word.digits_only {
                // A number's digits, up to a letter, where the next step ends it.
                while j < end && bytes[j].is_ascii_digit() {
                    j += 1;
                }
            } else {
                while j < end && bytes[j].is_ascii_alphanumeric() {
                    out.scripts.latin += u32::from(!bytes[j].is_ascii_digit());
                    j += 1;
                }
            }
            word.chars += j - (i + 1);
            next = j;
            // The commonest word of all: ASCII letters (and digits) from its start to an ASCII
            // byte that is neither, which ends it. It is ended here, as the general path would
            // end it at that byte; a space after it, which does nothing else, is passed over.
            if word.start == Some(i)
                && !word.digits_only
                && word.chars < MAX_WORD_CHARS
                && bytes.get(j).is_some_and(u8::is_ascii)
            {
                word.start = None;
                abbreviation = may_abbreviate(word.chars, char::from(b));
                push_ascii_word(text, i..j, word.sentence, &mut out);
                if bytes[j] == b' ' {
                    next = j + 1;
                }
            }
            continue;
        }
        if FAST && word.start.is_none() && (0xc2..=0xdf).contains(&b) {
            // A word that starts with a letter written in two bytes (accented Latin, Greek,
            // Cyrillic, Arabic): as a whole when it can be (see `take_table_word`).
            let cp = two_byte_char(bytes, i);
            let first = table[cp];
            if first.class == Class::Letter {
                let norm_start = out.norm.len();
                if let Some((j, chars)) = take_table_word(text, i, table, &mut tagged, &mut out) {
                    let c = char::from_u32(cp as u32).unwrap_or_default();
                    let sentence = st.begin_word(c, text, &mut out.continued);
                    // `may_abbreviate(chars, c)`, its case from the table (Unicode's case tables
                    // are a search).
                    abbreviation = chars <= 3 && first.upper;
                    let h = fnv1a(&out.norm.as_bytes()[norm_start..]);
                    let flags = if first.upper { CAPITAL } else { 0 };
                    push_token(i..j, h, flags, sentence, norm_start, &mut out);
                    next = if bytes.get(j) == Some(&b' ') {
                        j + 1
                    } else {
                        j
                    };
                    continue;
                }
            }
        }
        let c = if b < 0x80 {
            char::from(b)
        } else {
            // `i` is a char boundary: every step below moves by whole chars.
            match text[i..].chars().next() {
                Some(c) => c,
                None => break,
            }
        };
        next = i + c.len_utf8();
        let in_word = word.start.is_some();
        if c >= '\u{0e00}' && is_unspaced_script(c) {
            word.end(text, i, &mut out);
            // A period after a character of these scripts ends its sentence, whatever word came
            // before (the fast path may have marked one as an abbreviation).
            abbreviation = false;
            out.scripts.add(c);
            word.sentence = st.begin_word(c, text, &mut out.continued);
            push_raw(text, i..next, false, false, word.sentence, &mut out);
            if let Some(t) = out.tokens.last_mut() {
                t.flags |= CJK;
            }
            continue;
        }
        let (class, script) = match table.get(c as usize) {
            Some(info) => (info.class, info.script),
            None => (classify(c), 0),
        };
        // A mark (combining accent, joiner) continues a word but never starts one.
        if matches!(class, Class::Letter | Class::Digit) || (in_word && class == Class::Mark) {
            if class == Class::Letter {
                if (c as usize) < TABLE_CHARS {
                    tagged[usize::from(script & 63)] += 1;
                } else {
                    out.scripts.add(c);
                }
            }
            let digit = class == Class::Digit;
            if class != Class::Mark && word.ends_before(digit, text, i, table) {
                word.end(text, i, &mut out);
            }
            word.letter(text, i, c, digit, &mut st, &mut out);
            continue;
        }
        // A separator inside a number continues it (see `number_goes_on`).
        if in_word && word.digits_only && number_goes_on(text, word.start, word.chars, c, i, next) {
            continue;
        }
        let chars = word.chars;
        if let Some(s) = word.end(text, i, &mut out) {
            abbreviation = text[s..]
                .chars()
                .next()
                .is_some_and(|first| may_abbreviate(chars, first));
        }
        if c == '\n' {
            if st.line_break {
                st.hard_break = true;
            }
            st.line_break = true;
            st.soft_break = true;
        } else if ends_sentence(c) && !(c == '.' && abbreviation) {
            st.soft_break = true;
            st.stop = true;
        }
    }
    word.end(text, text.len(), &mut out);
    if !st.is_wrapped() {
        out.continued.clear();
    }
    for (tag, &n) in tagged.iter().enumerate() {
        out.scripts.add_tagged(tag as ScriptTag, n);
    }
    out.sentences = out.tokens.last().map_or(0, |t| t.sentence + 1);
    out
}

/// Appends the word at `span` of `text`, normalised and hashed; numbers keep only their digits.
/// `ascii`: the word is known to be ASCII.
fn push_raw(
    text: &str,
    span: Range<usize>,
    number: bool,
    ascii: bool,
    sentence: u32,
    out: &mut RawTokens,
) {
    if ascii && !number {
        push_ascii_word(text, span, sentence, out);
        return;
    }
    let word = &text[span.clone()];
    let norm_start = out.norm.len();
    if number && word.is_ascii() {
        out.norm.extend(word.chars().filter(char::is_ascii_digit));
    } else {
        normalize::push_normalized(word, &mut out.norm);
        if number {
            // Non-ASCII digits were mapped to ASCII by normalisation; drop the separators.
            let digits: String = out.norm[norm_start..]
                .chars()
                .filter(char::is_ascii_digit)
                .collect();
            out.norm.truncate(norm_start);
            out.norm.push_str(&digits);
        }
    }
    let h = fnv1a(&out.norm.as_bytes()[norm_start..]);
    let mut flags = if number { NUMBER } else { 0 };
    if word.chars().next().is_some_and(char::is_uppercase) {
        flags |= CAPITAL;
    }
    push_token(span, h, flags, sentence, norm_start, out);
}

/// [`push_raw`] for the common case, an ASCII word that is not a number: lower-casing is all the
/// normalisation it needs.
#[inline(always)]
fn push_ascii_word(text: &str, span: Range<usize>, sentence: u32, out: &mut RawTokens) {
    let word = &text[span.clone()];
    let norm_start = out.norm.len();
    out.norm.push_str(word);
    out.norm[norm_start..].make_ascii_lowercase();
    let h = fnv1a(&out.norm.as_bytes()[norm_start..]);
    let flags = if word.as_bytes().first().is_some_and(u8::is_ascii_uppercase) {
        CAPITAL
    } else {
        0
    };
    push_token(span, h, flags, sentence, norm_start, out);
}

/// Records the token whose normalised form (hash `h`) was appended to `out.norm` from `norm_start`.
/// `flags`: [`NUMBER`] and [`CAPITAL`], as they apply.
#[inline(always)]
fn push_token(
    span: Range<usize>,
    h: u64,
    flags: u8,
    sentence: u32,
    norm_start: usize,
    out: &mut RawTokens,
) {
    if out.norm.len() == norm_start {
        return; // nothing but marks or joiners
    }
    out.tokens.push(Token {
        start: span.start as u32,
        end: span.end as u32,
        word: h,
        stem: h,
        anchor: 0,
        sentence,
        flags,
    });
    out.norm_ranges
        .push(norm_start as u32..out.norm.len() as u32);
}

/// Sets `flag` on every token that starts inside one of the sorted, disjoint `ranges`.
fn mark_ranges(tokens: &mut [Token], ranges: &[Range<usize>], flag: u8) {
    if ranges.is_empty() {
        return; // most texts: no furniture lines, or no quotations
    }
    let mut r = ranges.iter().peekable();
    for t in tokens {
        let s = t.start as usize;
        while r.peek().is_some_and(|range| range.end <= s) {
            r.next();
        }
        if r.peek().is_some_and(|range| range.start <= s) {
            t.flags |= flag;
        }
    }
}

/// Whether [`featurize`] counts a word with `flags` in the document SimHash: a content word
/// outside quotations and furniture. Credits are flagged only later, and [`analyze`] takes the
/// words counted so out again by the same test.
fn counted_before_credits(flags: u8) -> bool {
    flags & (STOP | NUMBER | QUOTED | FURNITURE) == 0
}

/// The SimHash input of the content word keyed `key` in [`WORD_CACHE`] (its hash mixed with the
/// language's salt) and normalised as `norm`: the `simhash` crate's hash of the word, as
/// [`featurize`] remembered it (asked of the crate again if the cache was emptied since).
fn simhash_input(key: u64, norm: &str) -> u64 {
    WORD_CACHE.with_borrow(|cache| match cache.get(&key) {
        Some(forms) => forms.simhash,
        None => simhash::simhash_stream(std::iter::once(norm)),
    })
}

/// German determiners: articles and their contractions with prepositions, possessives,
/// demonstratives, negation, quantifiers and the small numerals, in every case. A capitalised word
/// after one of them is a common noun (German capitalises every noun), not a name: "die
/// Regierung", "im Bundestag", "viele Menschen", "zwei Wochen", "seinem Trainer".
const GERMAN_DETERMINERS: &[&str] = &[
    "der", "die", "das", "den", "dem", "des", "ein", "eine", "einen", "einem", "einer", "eines",
    "im", "am", "zum", "zur", "vom", "beim", "ins", "ans", "aufs", "fürs", "ums", "kein", "keine",
    "keinen", "keinem", "keiner", "keines", "mein", "meine", "meinen", "meinem", "meiner",
    "meines", "dein", "deine", "deinen", "deinem", "deiner", "deines", "sein", "seine", "seinen",
    "seinem", "seiner", "seines", "ihr", "ihre", "ihren", "ihrem", "ihrer", "ihres", "unser",
    "unsere", "unseren", "unserem", "unserer", "unseres", "euer", "eure", "euren", "eurem",
    "eurer", "eures", "dieser", "diese", "diesen", "diesem", "dieses", "jener", "jene", "jenen",
    "jenem", "jenes", "jeder", "jede", "jeden", "jedem", "jedes", "welcher", "welche", "welchen",
    "welchem", "welches", "mancher", "manche", "manchen", "manchem", "manches", "solcher",
    "solche", "solchen", "solchem", "solches", "alle", "allen", "aller", "beide", "beiden",
    "beider", "viele", "vielen", "vieler", "wenige", "wenigen", "weniger", "einige", "einigen",
    "einiger", "mehrere", "mehreren", "mehrerer", "etliche", "etlichen", "zwei", "drei", "vier",
    "fünf", "sechs", "sieben", "acht", "neun", "zehn", "elf", "zwölf", "zwanzig", "dreißig",
    "hundert", "tausend",
];

/// Endings of German common nouns (abstract nouns, feminine forms, loan words) that names
/// hardly have: "Regierung", "Sicherheit", "Mannschaft", "Nation", "Spielerinnen", "Parlament".
/// They count only on words of six chars or more, so that short names ("Jung") keep their capital.
const GERMAN_NOUN_ENDINGS: &[&str] = &[
    "ung", "ungen", "heit", "heiten", "keit", "keiten", "schaft", "schaften", "tion", "tionen",
    "tät", "täten", "ismus", "erin", "innen", "nisse", "ment", "mente", "ments",
];

/// The capitalised words a German text itself uses as common nouns (German capitalises every
/// noun, so capitals alone do not make names): those with a common noun's ending
/// ([`GERMAN_NOUN_ENDINGS`]) and those that follow an article or a contraction ("die Regierung",
/// "im Bundestag"), directly or after lower-case words (adjectives: "der neue Trainer"). Every
/// occurrence of such a word is then taken for a common noun, also where no article precedes it
/// ("Trainer Löw"). Names rarely take an article in German ("die Merkel" is colloquial), and a
/// name that does is merely not counted as one.
/// `capitalised`: how many of the tokens are capitalised, as many as the set may hold.
fn german_common_nouns(text: &str, raw: &RawTokens, capitalised: usize) -> HashSet64 {
    /// Lower-case words allowed between the article and the noun.
    const MAX_ADJECTIVES: usize = 2;
    // The determiners as the hashes of their words, which tokens hold: a word before a capital
    // is looked up by its hash (the set's bitmap answers most at once), not compared as a string
    // with each determiner.
    static DETERMINERS: OnceLock<WordSet> = OnceLock::new();
    let determiners = DETERMINERS.get_or_init(|| {
        GERMAN_DETERMINERS
            .iter()
            .flat_map(|d| word_hashes(d))
            .collect()
    });
    let mut nouns = HashSet64::with_capacity_and_hasher(capitalised, Default::default());
    for (i, t) in raw.tokens.iter().enumerate() {
        if t.flags & CAPITAL == 0 || t.flags & NUMBER != 0 {
            continue;
        }
        let norm = raw.norm_of(i);
        if norm.chars().count() >= 6 && GERMAN_NOUN_ENDINGS.iter().any(|e| norm.ends_with(e)) {
            nouns.insert(t.word);
            continue;
        }
        let mut j = i;
        while j > 0 && i - j <= MAX_ADJECTIVES {
            j -= 1;
            let before = &raw.tokens[j];
            if before.sentence != raw.tokens[j + 1].sentence && raw.sentence_initial(j + 1) {
                break;
            }
            // A number right before it counts as a determiner too ("30 Minuten", "100
            // Menschen", "21-Jährige"), but not before an acronym ("12 SPD-Abgeordnete").
            let counted = j + 1 == i && before.flags & NUMBER != 0 && !is_acronym(text, t);
            if counted || determiners.contains(before.word) {
                nouns.insert(t.word);
                break;
            }
            if before.flags & (CAPITAL | NUMBER) != 0 {
                break;
            }
        }
    }
    nouns
}

/// Whether token `t` of `text` is written in capitals beyond its first letter ("FC", "SPD").
fn is_acronym(text: &str, t: &Token) -> bool {
    text.get(t.start as usize..t.end as usize)
        .and_then(|w| w.chars().nth(1))
        .is_some_and(char::is_uppercase)
}

/// What a word's hash is mixed with to key [`WORD_CACHE`]: stems depend on the language.
fn lang_salt(lang: &str) -> u64 {
    fnv1a(lang.as_bytes())
}

/// What is computed once per content word and language, and remembered ([`WORD_CACHE`]).
#[derive(Debug, Clone, Copy)]
struct WordForms {
    /// [`Token::stem`].
    stem: u64,
    /// The `simhash` crate's 64-bit hash of the normalised word: its SimHash of that one word,
    /// the word's input to the document's SimHash ([`Analysis::simhash`]).
    simhash: u64,
}

thread_local! {
    /// The forms of the content words met so far on this thread, keyed by word hash mixed with
    /// the language: stemming and the crate's hash are the costliest steps per word, and news
    /// repeats its vocabulary. Both in one table, looked up once per word: the analysis takes the
    /// stem and counts the SimHash input from the same entry.
    static WORD_CACHE: RefCell<HashMap64<WordForms>> = RefCell::new(HashMap64::default());
    /// Anchor hashes of capitalised words computed so far on this thread (0: not a name).
    static SKELETON_CACHE: RefCell<HashMap64<u64>> = RefCell::new(HashMap64::default());
}

/// Fills in the tokens' stem and anchor hashes and flags function words. Returns the counts of
/// the SimHash inputs of the content words outside quotations and furniture (credits are not
/// flagged yet: see [`analyze`]).
fn featurize(text: &str, raw: &mut RawTokens, lang: &'static str) -> PairedCounts {
    let stops = lang::stopwords(lang);
    let stemmer = lang::stemmer(lang).map(Stemmer::create);
    let lang_salt = lang_salt(lang);
    let german = lang == "de";
    let dates_need_capital = dates::needs_capital(lang);
    // Words capitalised somewhere other than at a sentence start are names, and so are their
    // sentence-initial occurrences; but not in a text whose case tells no names (`capitals`).
    // Otherwise every word of a story sent in capitals or in title case would be a name, and a
    // list would store none of its words as words (`fingerprint::vocabulary` leaves out the words
    // of names), so that a copy of it in ordinary case would find none. Acronyms ("NATO") in
    // ordinary text stay names.
    let (mut capitalised, case_tells_names) = capitals(&raw.tokens);
    if !case_tells_names {
        for t in &mut raw.tokens {
            t.flags &= !CAPITAL;
        }
        capitalised = 0;
    }
    // Sized up front for every capitalised word: growing a set rehashes it every time.
    let mut names = HashSet64::with_capacity_and_hasher(capitalised, Default::default());
    names.extend(
        (0..raw.tokens.len())
            .filter(|&i| raw.tokens[i].flags & CAPITAL != 0 && !raw.sentence_initial(i))
            .map(|i| raw.tokens[i].word),
    );
    let common_nouns = if german {
        german_common_nouns(text, raw, capitalised)
    } else {
        HashSet64::default()
    };
    let mut narrative = PairedCounts::default();
    WORD_CACHE.with_borrow_mut(|cache| {
        SKELETON_CACHE.with_borrow_mut(|skeletons| {
            bound_word_cache(cache);
            bound_word_cache(skeletons);
            for i in 0..raw.tokens.len() {
                let norm = raw.norm_of(i);
                let t = raw.tokens[i];
                let word = t.word;
                let mut flags = t.flags;
                let is_stop = stops.is_some_and(|s| s.contains(word))
                    || (flags & (NUMBER | CJK) == 0
                        && norm.len() <= 4
                        && norm.chars().count() == 1);
                if is_stop {
                    flags |= STOP;
                }
                let stem = if flags & (STOP | NUMBER) == 0 {
                    let forms = cache.entry(word ^ lang_salt).or_insert_with(|| WordForms {
                        // A month or weekday's stem is its date key, the same in every
                        // language (`dates`), so that it can stand as its anchor.
                        stem: match (dates::key(norm, lang), &stemmer) {
                            (Some(date), _) => date,
                            (None, Some(st)) if flags & CJK == 0 => fnv1a(st.stem(norm).as_bytes()),
                            _ => word,
                        },
                        simhash: simhash::simhash_stream(std::iter::once(norm)),
                    });
                    if counted_before_credits(flags) {
                        narrative.add(forms.simhash);
                    }
                    forms.stem
                } else {
                    word
                };
                let anchor = if flags & NUMBER != 0 {
                    if norm.len() >= 2 {
                        word ^ 0x6e75_6d62
                    } else {
                        0
                    }
                } else if dates::is_key(stem) && (flags & CAPITAL != 0 || !dates_need_capital) {
                    stem
                } else if flags & CAPITAL != 0
                    && flags & STOP == 0
                    && (!raw.sentence_initial(i) || names.contains(&word))
                    && !common_nouns.contains(&word)
                {
                    *skeletons.entry(word).or_insert_with(|| {
                        normalize::name_skeleton(norm).map_or(0, |s| fnv1a(s.as_bytes()))
                    })
                } else {
                    0
                };
                let out = &mut raw.tokens[i];
                (out.stem, out.anchor, out.flags) = (stem, anchor, flags);
            }
        })
    });
    narrative
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(a: &Analysis) -> Vec<&str> {
        (0..a.tokens.len()).map(|i| a.norm_of(i)).collect()
    }

    #[test]
    fn a_text_in_capitals_or_title_case_has_no_names_but_acronyms_elsewhere_are_names() {
        let names = |text: &str| -> Vec<String> {
            let a = analyze(text, Some("en"));
            (0..a.tokens.len())
                .filter(|&i| a.tokens[i].anchor != 0 && a.tokens[i].flags & NUMBER == 0)
                .map(|i| a.norm_of(i).to_string())
                .collect()
        };
        let story = "Talks between the union and Nordwave resumed in Marlow, where NATO ministers \
                     also met on Monday.";
        let found = ["nordwave", "marlow", "nato", "monday"];
        assert_eq!(names(story), found);
        assert!(names(&story.to_uppercase()).is_empty());
        // Title case, short words in lower case as news style has them.
        let title_case: Vec<String> = story
            .split(' ')
            .map(|w| match w.len() {
                0..=3 => w.to_string(),
                _ => w[..1].to_uppercase() + &w[1..],
            })
            .collect();
        assert!(names(&title_case.join(" ")).is_empty());
        // A headline in capitals above an ordinary story leaves the story's names as they are.
        let headlined = format!("UNION TALKS RESUME\n{story}");
        assert!(names(&headlined).ends_with(&found.map(String::from)));
        // German capitalises its nouns and still has names.
        let german = "Die Gewerkschaft und Nordwave haben die Gespräche in Marlow am Montag \
                      wieder aufgenommen, sagte der Sprecher.";
        assert!(names(german).contains(&"nordwave".to_string()));
    }

    #[test]
    fn words_keep_offsets_into_the_input() {
        let text = "Peskov said: “More than 3,500 protesters”.";
        let a = analyze(text, None);
        for t in &a.tokens {
            assert!(
                text.is_char_boundary(t.start as usize) && text.is_char_boundary(t.end as usize)
            );
        }
        assert_eq!(
            words(&a),
            vec!["peskov", "said", "more", "than", "3500", "protesters"]
        );
        let n = a.tokens.iter().position(|t| t.flags & NUMBER != 0).unwrap();
        assert_eq!(
            &text[a.tokens[n].start as usize..a.tokens[n].end as usize],
            "3,500"
        );
    }

    #[test]
    fn splits_sentences_at_punctuation_and_lines() {
        let a = analyze(
            "The U.S. embassy warned. Protests followed\nThousands came",
            Some("en"),
        );
        let sentences: Vec<u32> = a.tokens.iter().map(|t| t.sentence).collect();
        assert_eq!(sentences, vec![0, 0, 0, 0, 0, 1, 1, 2, 2]);
        assert_eq!(a.sentences, 3);
        // Capitalised words of up to three letters may be abbreviations; longer ones end
        // sentences.
        let a = analyze("Mrs. Ames came on Feb. Tenth. Guests left", Some("en"));
        let sentences: Vec<u32> = a.tokens.iter().map(|t| t.sentence).collect();
        assert_eq!(sentences, vec![0, 0, 0, 0, 0, 0, 1, 1]);
    }

    #[test]
    fn numbers_keep_their_groups_of_thousands_however_set_apart() {
        let numbers = |t: &str| {
            let a = analyze(t, Some("fr"));
            (0..a.tokens.len())
                .filter(|&i| a.tokens[i].flags & NUMBER != 0)
                .map(|i| a.norm_of(i).to_string())
                .collect::<Vec<_>>()
        };
        for text in [
            "41,000 cars",
            "41.000 cars",
            "41 000 cars",
            "41\u{a0}000 cars",
            "41\u{202f}000 cars",
            "૪૧,૦૦૦ cars",
            "૪૧ ૦૦૦ cars",
        ] {
            assert_eq!(numbers(text), ["41000"], "{text:?}");
        }
        assert_eq!(numbers("1 500 000 euros."), ["1500000"]);
        // A four-digit number is no first group, and three digits before a letter no group.
        assert_eq!(numbers("en 2019 100 personnes"), ["2019", "100"]);
        assert_eq!(numbers("12 000km"), ["12000"]);
        assert_eq!(numbers("12 0001 et 7 12"), ["12", "0001", "7", "12"]);
        // Letters written on end a number; a word of ASCII letters keeps its digits.
        assert_eq!(
            numbers("1962માં 2021ء ૨૦૨૫ના 2021년 120رنز £1.5bn 1990s 21st"),
            ["1962", "2021", "2025", "2021", "120", "15", "1990", "21"]
        );
        assert_eq!(numbers("G7 covid19 MP3"), Vec::<String>::new());
        // And a word of another script with a number written on it.
        assert_eq!(numbers("کے30 پر2009 сумма150"), ["30", "2009", "150"]);
    }

    #[test]
    fn unspaced_scripts_give_one_token_per_character() {
        let a = analyze("克里姆林宫表示愿意对话", None);
        assert_eq!(a.tokens.len(), 11);
        assert!(a.tokens.iter().all(|t| t.flags & CJK != 0));
    }

    #[test]
    fn long_runs_are_cut() {
        let text = "x".repeat(50_000);
        let a = analyze(&text, None);
        assert_eq!(a.tokens.len(), 50_000 / MAX_WORD_CHARS + 1);
    }

    #[test]
    fn every_listed_function_word_is_flagged() {
        for (code, words) in lang::STOPWORDS {
            let a = analyze(words, Some(code));
            for (i, t) in a.tokens.iter().enumerate() {
                assert!(t.flags & STOP != 0, "{code}: {}", a.norm_of(i));
            }
        }
    }

    #[test]
    fn stems_content_words_and_flags_stopwords() {
        let a = analyze(
            "The protesters were protesting against the arrests",
            Some("en"),
        );
        let protesters = &a.tokens[1];
        let protesting = &a.tokens[3];
        assert_eq!(protesters.stem, protesting.stem);
        assert!(a.tokens[0].flags & STOP != 0);
        assert!(a.tokens[1].is_content());
    }

    #[test]
    fn anchors_are_names_and_numbers_across_scripts() {
        let en = analyze(
            "On Sunday the spokesman of Putin said 3,500 people were held.",
            Some("en"),
        );
        let ru = analyze(
            "В воскресенье представитель Путина сказал, что задержаны 3500 человек.",
            Some("ru"),
        );
        let anchors = |a: &Analysis| {
            a.tokens
                .iter()
                .map(|t| t.anchor)
                .filter(|&x| x != 0)
                .collect::<std::collections::HashSet<_>>()
        };
        let shared = anchors(&en).intersection(&anchors(&ru)).count();
        assert!(shared >= 1, "numbers carry across languages");
        // Sentence-initial capitals are not names unless capitalised elsewhere too.
        assert_eq!(en.tokens[0].anchor, 0);
    }

    #[test]
    fn german_determiners_are_one_word_each() {
        for d in GERMAN_DETERMINERS {
            assert_eq!(word_hashes(d), vec![fnv1a(d.as_bytes())], "{d}");
        }
    }

    #[test]
    fn german_common_nouns_are_not_names() {
        let text = "Die Regierung in Berlin hat am Montag mit dem neuen Trainer gesprochen. \
                    Trainer Löw sagte, die Mannschaft werde Kanzlerin Merkel in Hamburg treffen. \
                    Verhandlungen mit Jung gehen weiter.";
        let a = analyze(text, Some("de"));
        let name = |word: &str| {
            let i = a
                .tokens
                .iter()
                .position(|t| &text[t.start as usize..t.end as usize] == word)
                .unwrap_or_else(|| panic!("{word} not found"));
            a.tokens[i].anchor != 0
        };
        // After an article, after an article and an adjective, wherever the text also uses the
        // word after an article, and by a common noun's ending.
        for noun in [
            "Regierung",
            "Trainer",
            "Mannschaft",
            "Kanzlerin",
            "Verhandlungen",
        ] {
            assert!(!name(noun), "{noun} taken for a name");
        }
        for person_or_place in ["Berlin", "Löw", "Merkel", "Hamburg", "Jung"] {
            assert!(
                name(person_or_place),
                "{person_or_place} not taken for a name"
            );
        }
        // English capitals are read as before: no article makes a common noun of them.
        let en = analyze("The Government met the Trainer of the team.", Some("en"));
        assert!(en.tokens.iter().filter(|t| t.anchor != 0).count() == 2);
    }

    #[test]
    fn german_nouns_after_quantifiers_numerals_and_numbers_are_not_names() {
        let text = "Seit Jahren kommen viele Menschen, vor 30 Minuten zwei Frauen und \
                    seinem Kollegen. Der 21-Jährige spielt in Köln, wo 12 SPD-Abgeordnete Müller wählten.";
        let a = analyze(text, Some("de"));
        let name = |word: &str| {
            a.tokens
                .iter()
                .find(|t| &text[t.start as usize..t.end as usize] == word)
                .unwrap_or_else(|| panic!("{word} not found"))
                .anchor
                != 0
        };
        for noun in ["Menschen", "Minuten", "Frauen", "Kollegen", "Jährige"] {
            assert!(!name(noun), "{noun} taken for a name");
        }
        // An acronym after a number stays a name, and so do the names.
        for n in ["SPD", "Köln", "Müller"] {
            assert!(name(n), "{n} not taken for a name");
        }
    }

    #[test]
    fn months_and_weekdays_are_one_anchor_in_every_language() {
        let date_anchors = |text: &str, lang: &str| -> Vec<u64> {
            let a = analyze(text, Some(lang));
            a.tokens
                .iter()
                .filter(|t| dates::is_key(t.anchor))
                .map(|t| t.anchor)
                .collect()
        };
        let en = date_anchors(
            "Police said on Sunday that the bridge opens in October.",
            "en",
        );
        assert_eq!(en.len(), 2);
        // German weekdays follow "am", which made them common nouns; Russian writes both in
        // lower case, the month in the genitive or prepositional case.
        for (text, lang) in [
            (
                "Die Polizei sagte am Sonntag, die Brücke öffne im Oktober.",
                "de",
            ),
            (
                "Полиция сообщила в воскресенье, что мост откроют в октябре.",
                "ru",
            ),
            (
                "La police a dit dimanche que le pont ouvrira en octobre.",
                "fr",
            ),
        ] {
            assert_eq!(date_anchors(text, lang), en, "{lang}");
        }
        // An English month in lower case is another word ("to march"); in a language that writes
        // months in lower case, a capitalised one at a sentence's start still counts.
        assert!(date_anchors("They will march to the bridge.", "en").is_empty());
        assert_eq!(date_anchors("Октябрь был холодным.", "ru").len(), 1);
    }

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

    /// The sentence index of each of `text`'s words, analysed as language `lang`.
    fn sentences(text: &str, lang: &str) -> Vec<u32> {
        analyze(text, Some(lang))
            .tokens
            .iter()
            .map(|t| t.sentence)
            .collect()
    }

    #[test]
    fn text_wrapped_at_a_fixed_width_keeps_its_sentences() {
        let plain = "Bridge shut for six weeks\nThe harbour bridge will close to all traffic for \
                     six weeks from Monday after engineers found corroded cables. About 41,000 \
                     vehicles cross it every day.\n\nferries will run every ten minutes.";
        let wrapped = "Bridge shut for six weeks\nThe harbour bridge will close to all\ntraffic \
                       for six weeks from Monday after engineers\nfound corroded cables. About \
                       41,000 vehicles\ncross it every day.\n\nferries will run every ten \
                       minutes.";
        let sentences = |t: &str| sentences(t, "en");
        assert_eq!(sentences(plain), sentences(wrapped));
        // The headline's line, the two sentences, and the paragraph after a blank line, though it
        // starts in lower case.
        assert_eq!(sentences(plain).last(), Some(&3));
    }

    #[test]
    fn names_at_the_start_of_wrapped_lines_stay_names() {
        let plain = "The harbour bridge will close to all traffic for six weeks from Monday after \
                     engineers found corroded cables, the city council said. The mayor, speaking \
                     after talks with Ortiz and the transport board, said ferries would run every \
                     ten minutes and that Dunmore would pay for extra buses.";
        let wrapped = "The harbour bridge will close to all\ntraffic for six weeks from Monday \
                       after\nengineers found corroded cables, the\ncity council said. The \
                       mayor, speaking\nafter talks with\nOrtiz and the transport board, \
                       said\nferries would run every ten minutes and\nthat\nDunmore would pay \
                       for extra buses.";
        let anchors = |t: &str| {
            analyze(t, Some("en"))
                .tokens
                .iter()
                .filter(|t| t.anchor != 0)
                .count()
        };
        // Monday, Ortiz and Dunmore; the last two start lines of the wrapped text.
        assert_eq!(anchors(plain), 3);
        assert_eq!(anchors(wrapped), 3);
        // Not wrapped, a line still begins a sentence whose first word tells no name: headlines
        // and the lines after them start in capitals.
        let lines = "Bridge shut\nOfficials close the harbour bridge\nCouncillors will vote today.";
        assert_eq!(anchors(lines), 0);
    }

    #[test]
    fn caseless_text_wrapped_at_a_fixed_width_keeps_its_sentences() {
        let plain = wrapped::tests::URDU;
        let sentences = |t: &str| sentences(t, "ur");
        for width in [40, 60, 80] {
            assert_eq!(sentences(plain), sentences(&wrapped::wrap(plain, width)));
        }
        assert_eq!(sentences(plain).last(), Some(&3));
    }

    #[test]
    fn furniture_and_quotes_are_not_evidence() {
        let a = analyze("Advertisement\nPeskov said “we are ready for a dialogue with the new US administration”.", Some("en"));
        assert!(a.tokens[0].flags & FURNITURE != 0);
        let quoted = a.tokens.iter().filter(|t| t.flags & QUOTED != 0).count();
        assert_eq!(quoted, 11);
        assert_eq!(a.evidence_words(), 2);
    }

    #[cfg(not(target_arch = "wasm32"))]
    proptest::proptest! {
        /// The fast paths give what the general path gives, on texts mixing ASCII words
        /// (short capitalised ones often, since they may be abbreviations) and numbers with
        /// accented letters, combining marks, other scripts and punctuation.
        #[test]
        fn fast_paths_change_nothing(
            s in "([a-zA-Z0-9]{1,60}|[A-Z][a-z]{0,3}\\.?|[ ,.;!?\n\"'-]{1,3}|[éÉßøİıΣς]|\u{301}|\u{200d}|[Москваکراچیۓےہھۃةيكه]{1,4}|[\u{600}-\u{7ff}]{1,50}|[\u{64b}\u{670}\u{640}٣۴،۔؟«»“”—]|[ÀÉЖЯ][a-zа-я]{0,2}\\.|東京|[0-9]{1,3}[,.][0-9]{3}){0,40}"
        ) {
            let (fast, general) = (tokenize_with::<true>(&s), tokenize_with::<false>(&s));
            proptest::prop_assert_eq!(&fast.tokens, &general.tokens);
            proptest::prop_assert_eq!(&fast.norm, &general.norm);
            proptest::prop_assert_eq!(&fast.norm_ranges, &general.norm_ranges);
            proptest::prop_assert_eq!(fast.sentences, general.sentences);
            proptest::prop_assert_eq!(fast.scripts, general.scripts);
            // Words lower-cased and hashed in one pass are what normalising and hashing give.
            for (i, t) in fast.tokens.iter().enumerate() {
                let mut norm = String::new();
                normalize::push_normalized(&s[t.start as usize..t.end as usize], &mut norm);
                if t.flags & NUMBER == 0 {
                    proptest::prop_assert_eq!(fast.norm_of(i), norm.as_str());
                }
                proptest::prop_assert_eq!(t.word, fnv1a(fast.norm_of(i).as_bytes()));
            }
        }
    }

    #[test]
    fn char_table_is_classify_and_script_counts() {
        let table = char_table();
        for c in (0..TABLE_CHARS as u32).filter_map(char::from_u32) {
            let CharInfo {
                class,
                script,
                upper,
                form,
            } = table[c as usize];
            assert_eq!(form, normalize::char_forms()[c as usize]);
            assert_eq!(class, classify(c), "{c:?}");
            assert_eq!(upper, c.is_uppercase(), "{c:?}");
            let (mut direct, mut tagged) = (ScriptCounts::default(), ScriptCounts::default());
            direct.add(c);
            tagged.add_tagged(script, 1);
            assert_eq!(direct, tagged, "{c:?}");
        }
    }

    #[test]
    fn truncates_huge_inputs_at_a_char_boundary() {
        let text = "é".repeat(MAX_TEXT_BYTES);
        let a = analyze(&text, None);
        assert!(a.truncated);
    }
}
