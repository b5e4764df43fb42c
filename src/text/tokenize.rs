//! The tokenizer: a text's words with their offsets, normalised forms and hashes, its sentences,
//! and its letters counted by script, in one pass over the text.
//!
//! Words are maximal runs of letters, digits and combining marks, but for numbers: digits end
//! where a letter follows them or where they follow a letter beyond ASCII ("£1.5bn", "2021ء" and
//! "کے30" hold the numbers 15, 2021 and 30; "G7" stays one word), and keep their thousands
//! separators, a space among them ("3,500" and "41 000" are one word each, `3500` and `41000`);
//! scripts written without spaces (Han, kana, Thai, Lao, Khmer, Myanmar) give one token per
//! character, so a Chinese page is a sequence of characters rather than one giant word. A word
//! longer than [`MAX_WORD_CHARS`] is cut, so a 50,000-character line without spaces costs what
//! any other text does. Sentences end at sentence punctuation (not after what may be an
//! abbreviation) and at line breaks, unless the text is wrapped at a fixed width ([`wrapped`]).
//!
//! What comes out is raw: each token's stem is its word, and it has no anchor yet; the
//! [`featurize`](mod@super::featurize) step fills those in.

use std::ops::Range;
use std::sync::OnceLock;

use unicode_normalization::char::is_combining_mark;

use super::lang::{ScriptCounts, ScriptTag};
use super::normalize::{self, CharForm};
use super::{wrapped, Token, CAPITAL, CJK, MAX_SENTENCE_WORDS, MAX_WORD_CHARS, NUMBER};
use crate::hash::fnv1a;

/// What the tokenizer makes of a text: the tokens before [`featurize`](mod@super::featurize)
/// (their stems are their words and they have no anchors yet), with their normalised forms and
/// the letters counted by script.
#[derive(Debug)]
pub(super) struct RawTokens {
    pub(super) tokens: Vec<Token>,
    pub(super) norm: String,
    pub(super) norm_ranges: Vec<Range<u32>>,
    pub(super) sentences: u32,
    pub(super) scripts: ScriptCounts,
    /// In a text wrapped at a fixed width, the sentences begun by a line break alone, in order:
    /// their lines may go on with the sentence before (see [`RawTokens::sentence_initial`]).
    pub(super) continued: Vec<u32>,
}

impl RawTokens {
    pub(super) fn norm_of(&self, i: usize) -> &str {
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
    pub(super) fn sentence_initial(&self, i: usize) -> bool {
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
pub(super) fn tokenize(text: &str) -> RawTokens {
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::{analyze, Analysis};

    fn words(a: &Analysis) -> Vec<&str> {
        (0..a.tokens.len()).map(|i| a.norm_of(i)).collect()
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
}
