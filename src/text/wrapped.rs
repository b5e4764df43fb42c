//! Telling a text wrapped at a fixed width by the width of its lines.
//!
//! Wire copy, e-mailed text and pasted terminal output often come with a line break every 60 to
//! 80 characters, inside sentences. The tokenizer ends a sentence at a line break unless the next
//! line goes on in lower case (see `SentenceState::begin_word`), which a script without case
//! (Urdu, Arabic, Hebrew, Hindi) never does: its wrapped sentences were cut at every line, and the
//! short cut lines were then matched whole by chance (counter-public's honest reports, wrapped at
//! 60 columns, called copies 11.5 % of the time against 5.7 % as written).
//!
//! [`lines_look_wrapped`] tells such a text by its lines instead: wrapped, every line of a
//! paragraph but its last comes close to the width the text was wrapped at, where paragraphs
//! written one to a line are as long as they happen to be.

use memchr::memchr_iter;

/// Fewest lines followed by another line (not by a blank line or the end) a text must have to be
/// told wrapped: too few lines say nothing of their widths.
const MIN_INNER_LINES: usize = 4;

/// A line "comes close to the width" when it is at least this share (in per cent) of the longest
/// line. Wrapping at word boundaries leaves lines shorter than the width by up to a long word
/// (a fifth of 60 columns).
const NEAR_WIDTH_PERCENT: usize = 70;

/// Share, in per cent, of the lines followed by another line that must come close to the width.
/// Among the public sets' texts as written, whose lines are paragraphs or sentences, it is below
/// 85 % in all but the few that are wrapped already (English sentences one to a line and of one
/// length by chance reach 80 % in two); wrapped at 60 columns, 282 of counter-public's 296 cases
/// reach it.
const WRAPPED_PERCENT: usize = 85;

/// Whether `text`'s lines look wrapped at a fixed width: of its lines followed by another line
/// (the lines a wrap ends, or a paragraph's of its own), at least [`MIN_INNER_LINES`], 85 % or
/// more are at least 70 % as long as its longest line. Line lengths are counted
/// in bytes, leading and trailing spaces left out: a ratio of lengths in one script is the same
/// in bytes as in chars.
pub(crate) fn lines_look_wrapped(text: &str) -> bool {
    let bytes = text.as_bytes();
    let mut widths: Vec<(usize, bool)> = Vec::new();
    let mut start = 0;
    let ends = memchr_iter(b'\n', bytes).chain(std::iter::once(bytes.len()));
    for end in ends {
        let width = bytes[start..end].trim_ascii().len();
        // Whether this line follows a non-blank line, so that that line was an inner one.
        if let Some(last) = widths.last_mut() {
            last.1 = last.0 > 0 && width > 0;
        }
        widths.push((width, false));
        start = end + 1;
    }
    let longest = widths.iter().map(|w| w.0).max().unwrap_or(0);
    let inner = widths.iter().filter(|w| w.1);
    let (mut lines, mut near) = (0usize, 0usize);
    for &(width, _) in inner {
        lines += 1;
        near += usize::from(width * 100 >= longest * NEAR_WIDTH_PERCENT);
    }
    lines >= MIN_INNER_LINES && near * 100 >= lines * WRAPPED_PERCENT
}

/// `text`'s words wrapped at `width` bytes, paragraphs (separated by `\n\n`) kept: what tests
/// of wrapped text read.
#[cfg(test)]
pub(crate) fn wrap(text: &str, width: usize) -> String {
    let mut out = Vec::new();
    for paragraph in text.split("\n\n") {
        let mut lines: Vec<String> = vec![String::new()];
        for word in paragraph.split_whitespace() {
            let line = lines.last_mut().expect("one line at least");
            if !line.is_empty() && line.len() + 1 + word.len() > width {
                lines.push(word.to_string());
            } else {
                if !line.is_empty() {
                    line.push(' ');
                }
                line.push_str(word);
            }
        }
        out.push(lines.join("\n"));
    }
    out.join("\n\n")
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;

    /// Two paragraphs of Urdu news, of about 50 and 30 words.
    pub(crate) const URDU: &str =
        "وزیر اعظم نے آج اسلام آباد میں ایک اجلاس کی صدارت کی جس میں ملک کی \
        معاشی صورتحال کا جائزہ لیا گیا اور مختلف تجاویز پر غور کیا گیا۔ اجلاس میں وفاقی وزرا اور \
        اعلیٰ حکام نے شرکت کی اور انہیں موجودہ حالات پر تفصیلی بریفنگ دی گئی۔ وزیر اعظم نے ہدایت \
        کی کہ عوام کو ریلیف دینے کے لیے فوری اقدامات کیے جائیں اور مہنگائی پر قابو پایا جائے۔\n\n\
        دوسری جانب اپوزیشن جماعتوں نے حکومت کی پالیسیوں پر تنقید کرتے ہوئے کہا کہ عوام کو درپیش \
        مسائل حل کرنے میں حکومت ناکام رہی ہے اور اس نے اپنے وعدے پورے نہیں کیے۔";

    #[test]
    fn wrapped_text_is_told_and_paragraphs_one_to_a_line_are_not() {
        assert!(!lines_look_wrapped(URDU));
        assert!(lines_look_wrapped(&wrap(URDU, 60)));
        assert!(lines_look_wrapped(&wrap(URDU, 40)));
        // Sentences one to a line, of any lengths, as news is often written.
        let lines = "The minister met farmers on Monday.\n\
            Prices of wheat have risen by a third since the spring, the ministry said.\n\
            Talks resume next week.\n\
            A deal is not expected before the summer holidays begin in July.\n\
            Unions have called a strike for Friday.\n";
        assert!(!lines_look_wrapped(lines));
    }

    #[test]
    fn few_lines_blank_lines_and_empty_text_are_not_wrapped() {
        assert!(!lines_look_wrapped(""));
        assert!(!lines_look_wrapped("\n\n\n\n\n"));
        assert!(!lines_look_wrapped("one line\nand another\nand a third"));
        // Lines of one width, but each a paragraph of its own: nothing runs on.
        assert!(!lines_look_wrapped(
            "aaaa bbbb\n\ncccc dddd\n\neeee ffff\n\ngggg hhhh\n\niiii"
        ));
    }
}
