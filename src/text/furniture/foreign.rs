//! Lines in another script than the text's: a page's interface is often in another script than
//! its article (see [`Foreign`]).

use crate::text::word_count::count_words;

/// Which lines of a text are in a script foreign to it ([`furniture_lines`](super::furniture_lines)).
///
/// A page's interface is often in another script than its article: an Urdu story's page carries
/// English lines ("This article was originally published by …", "Sign up for our newsletter",
/// a photo credit, readers' comments). Such a line cannot be what a page took from an original in
/// the page's own language, and it is not what a translation carries over either (names and
/// numbers, inside the translated sentences); read as the page's words, it only lowered the share
/// of the page found in its original: one English line under each of counter-public's Urdu copies
/// changed 12 to 30 of their 296 verdicts. So a short line (at most 30 words, as every rule here
/// looks at) whose letters are all of another script than two in three of the text's letters is
/// furniture (with four in five, short Urdu pages, whose English lines made more than a fifth of
/// their letters, kept 8 of those 30 changes).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Foreign {
    /// Neither Latin nor the other scripts together hold two in three of the text's letters: no
    /// line is foreign.
    None,
    /// Two in three of the text's letters are of scripts other than Latin: a line whose letters
    /// are all Latin is foreign.
    Latin,
    /// Two in three of the text's letters are Latin: a line with letters and none of them Latin
    /// (Arabic, Cyrillic, Chinese …) is foreign.
    NonLatin,
}

impl Foreign {
    /// The kind of line foreign to a text with `latin` Latin letters and `other` letters of
    /// other scripts.
    pub fn of(latin: u32, other: u32) -> Foreign {
        let (latin, other) = (u64::from(latin), u64::from(other));
        if other >= 2 * latin && other > 0 {
            Foreign::Latin
        } else if latin >= 2 * other && latin > 0 {
            Foreign::NonLatin
        } else {
            Foreign::None
        }
    }

    /// Whether `line` (trimmed) is foreign to the text: at most 30 words, with letters, all of
    /// the other script. Spaces, digits, punctuation and symbols of any kind (no-break spaces,
    /// curly quotes, dashes) belong to no script.
    pub(super) fn is_foreign(self, line: &str) -> bool {
        let bytes = line.as_bytes();
        // Most lines are in the text's own script, and these tests of their bytes tell so at once.
        let foreign = match self {
            Foreign::None => return false,
            // The first byte of the text's own script ends the test of most of its lines: a
            // lead byte of the chars from Greek on (U+0380), but those of lead 0xE2 (dashes,
            // curly quotes and other symbols). Lines with none are tested char by char.
            Foreign::Latin => {
                !bytes
                    .iter()
                    .any(|&b| matches!(b, 0xce..=0xe1 | 0xe3..=0xff))
                    && bytes.iter().any(u8::is_ascii_alphabetic)
                    && line
                        .chars()
                        .all(|c| c.is_ascii() || is_latin_letter(c) || !c.is_alphabetic())
            }
            Foreign::NonLatin => {
                !bytes.is_ascii()
                    && !bytes.iter().any(u8::is_ascii_alphabetic)
                    && line.chars().any(char::is_alphabetic)
                    && !line.chars().any(is_latin_letter)
            }
        };
        foreign && count_words(line, 31) <= 30
    }
}

/// Whether `c` is a letter of the Latin script beyond ASCII (accented letters, Latin Extended,
/// Vietnamese).
fn is_latin_letter(c: char) -> bool {
    matches!(c, '\u{c0}'..='\u{24f}' | '\u{1e00}'..='\u{1eff}') && c.is_alphabetic()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::furniture::furniture_of;

    #[test]
    fn lines_in_another_script_than_the_texts_are_furniture() {
        assert_eq!(Foreign::of(20, 400), Foreign::Latin);
        assert_eq!(Foreign::of(400, 20), Foreign::NonLatin);
        assert_eq!(Foreign::of(300, 200), Foreign::None);
        assert_eq!(Foreign::of(0, 0), Foreign::None);
        let urdu = "وزیر اعظم نے کہا کہ حکومت نئے منصوبے پر کام کر رہی ہے\n\
                    This article was originally published by Reuters — “syndicated”.\n\
                    اجلاس میں Reuters کے نمائندے بھی موجود تھے\n";
        // The English line, dashes and curly quotes and all; not the Urdu one naming Reuters.
        assert_eq!(
            furniture_of(urdu, Foreign::Latin),
            ["This article was originally published by Reuters — “syndicated”."]
        );
        let english = "The minister said the plan would be ready in March.\n\
                       Министр сказал, что план будет готов в марте\n\
                       Café owners in Zürich said the plan was late.\n";
        assert_eq!(
            furniture_of(english, Foreign::NonLatin),
            ["Министр сказал, что план будет готов в марте"]
        );
        assert!(furniture_of(english, Foreign::None).is_empty());
        // Long lines are the article's, whatever their script.
        let long = format!("{}\n", "word ".repeat(31));
        assert!(furniture_of(&long, Foreign::Latin).is_empty());
    }
}
