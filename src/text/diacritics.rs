//! English words disguised with diacritics, read without them.
//!
//! Another way to hide a copy from checkers puts accents or dots on its letters ("thé brídgé
//! wíll clósé", often as combining marks): a reader still reads the words, a checker sees other
//! ones, and the text is not even taken for English. With an acute accent on every vowel, the demo
//! story was `none` (0.03) against its own original.
//!
//! English writes almost no diacritics, and French, German or Vietnamese write many, so a text is
//! read without them ([`fold`]) only when it has more than an honest English text could (one
//! Latin letter in [`SUSPICIOUS_SHARE`]) and when, read so, its function words are English: a
//! French or Vietnamese text, whose function words are its own with or without their accents,
//! stays as it is.

use unicode_normalization::char::decompose_canonical;

use super::rewritten::Rewritten;

/// A text whose Latin letters carry diacritics one in this many times or more may be disguised.
pub const SUSPICIOUS_SHARE: usize = 20;

/// How many chars of `text` are Latin letters with a diacritic (precomposed, U+00C0 to U+024F)
/// or combining diacritical marks (U+0300 to U+036F), counted by their UTF-8 lead bytes
/// (0xC3 to 0xC9, 0xCC and 0xCD): an upper bound, in one pass that needs no decoding.
pub fn marked_chars(text: &str) -> usize {
    // Counted in bytes, 255 at a time, so that the compiler counts many lanes at once.
    text.as_bytes()
        .chunks(255)
        .map(|chunk| {
            let n = chunk.iter().fold(0u8, |n, &b| {
                n + u8::from(b.wrapping_sub(0xc3) <= 0xcd - 0xc3)
            });
            usize::from(n)
        })
        .sum()
}

/// `text` with its Latin letters' diacritics left out: each precomposed Latin letter written as its
/// base letter, each combining mark after a Latin letter dropped; `None` if there is none.
pub fn fold(text: &str) -> Option<Rewritten> {
    let mut out = Rewritten::builder(text);
    let mut after_latin = false;
    let mut buf = [0u8; 4];
    for (at, c) in text.char_indices() {
        let len = c.len_utf8();
        if c.is_ascii_alphabetic() {
            after_latin = true;
            continue;
        }
        if ('\u{c0}'..='\u{24f}').contains(&c) {
            let mut base = None;
            decompose_canonical(c, |d| {
                base.get_or_insert(d);
            });
            if let Some(b) = base.filter(|b| b.is_ascii_alphabetic() && *b != c) {
                out.replace(at..at + len, b.encode_utf8(&mut buf));
            }
            after_latin = true;
            continue;
        }
        // Combining diacritical marks (U+0300 to U+036F) on a Latin letter.
        if after_latin && ('\u{300}'..='\u{36f}').contains(&c) {
            out.replace(at..at + len, "");
            continue;
        }
        after_latin = false;
    }
    out.finish()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(text: &str) -> String {
        fold(text).map_or(text.to_string(), |r| r.text)
    }

    #[test]
    fn leaves_diacritics_out() {
        assert_eq!(read("thé brídgé wíll clósé"), "the bridge will close");
        assert_eq!(
            read("the\u{301} bri\u{323}dge wi\u{301}ll"),
            "the bridge will"
        );
        assert_eq!(read("Ærø, ß, ø and đ"), "Ærø, ß, ø and đ");
        assert_eq!(read("plain text"), "plain text");
        // Marks on letters of other scripts stay.
        assert_eq!(read("й и\u{306}"), "й и\u{306}");
    }

    #[test]
    fn counts_marked_chars_by_their_lead_bytes() {
        assert_eq!(marked_chars("plain text"), 0);
        assert_eq!(marked_chars("thé brídgé"), 3);
        assert_eq!(marked_chars("a\u{301}"), 1);
        let r = fold("thé").unwrap();
        assert_eq!(r.original_range(0, 3), (0, 4));
    }
}
