//! Numbers written with a word of magnitude: "41 тыс." and "4.1万" are 41,000, "3.5 million",
//! "3,5 Millionen", "350万" and "35 لاکھ" are 3,500,000.
//!
//! Numbers carry a story across languages, but languages write large ones differently: English
//! and German with digits up to the millions ("41,000", "41.000"), Russian with "тыс." (thousand)
//! from the tens of thousands, Chinese and Japanese with 万 (ten thousand) and 亿 (a hundred
//! million), Urdu and Hindi with لاکھ / lakh (a hundred thousand) and کروڑ / crore (ten million).
//! Read as its digits alone, "41 тыс." was 41 and "4.1万" 41, neither of them 41000. So a number
//! right before such a word takes the anchor of its value written out in digits, in every
//! language alike: "3.5 million" and "3,500,000" have one anchor, as do "350万" and "3,5 млн".
//! (Its own digits, before: 35, which "3,5 Millionen" shared but "350万" did not.)

use std::sync::OnceLock;

use super::normalize::decimal_digit;
use super::{word_hashes, Token};
use crate::hash::HashMap64;

/// Words of magnitude by the power of ten they stand for, as the tokenizer reads them (its
/// normalisation folds their case, and splits "£1.5bn" into the number and "bn"), in the
/// languages the engine reads and their neighbours: English, German, Russian, French, Spanish,
/// Italian, Portuguese, Dutch, Swedish, Turkish, Indonesian, Arabic, Urdu, Hindi, Chinese and
/// Japanese (traditional forms too). Those marked `true` count only written onto the number
/// ("5m", "50k", "10만"): apart from one, "m" and "k" are as often a metre or a kilo as a million
/// or a thousand, and Korean 만 is also a word ("only"). Words are separated by spaces, one
/// string a group, which the browser's engine stores more compactly than a string a word.
const WORDS: &[(u32, bool, &str)] = &[
    (
        3,
        false,
        "thousand tausend tsd тыс тысяча тысячи тысяч mil mila duizend tusen ribu ألف آلاف \
         ہزار हज़ार 千",
    ),
    (3, true, "k"),
    (4, false, "万 萬"),
    (4, true, "만"),
    (5, false, "لاکھ लाख lakh lakhs"),
    (
        6,
        false,
        "million millions mio millionen млн миллион миллиона миллионов millón millones milioni \
         milhões miljoen miljoner milyon juta مليون ملايين ملین",
    ),
    (6, true, "m mn"),
    (7, false, "کروڑ करोड़ crore crores"),
    (8, false, "亿 億"),
    (8, true, "억"),
    (
        9,
        false,
        "billion billions bn mrd milliarde milliarden млрд миллиард миллиарда миллиардов \
         milliard milliards miliardi bilhões miljard miljarder milyar miliar مليار مليارات ارب \
         بلین",
    ),
    (12, false, "trillion billionen трлн triliun"),
];

/// Most digits of a value written out: beyond, the number is left as its digits.
const MAX_DIGITS: usize = 24;

/// The power of ten of each word of [`WORDS`] by the tokenizer's hash of it, and whether it must
/// be written onto its number.
fn powers() -> &'static HashMap64<(u32, bool)> {
    static POWERS: OnceLock<HashMap64<(u32, bool)>> = OnceLock::new();
    POWERS.get_or_init(|| {
        let mut map = HashMap64::default();
        for &(power, attached, words) in WORDS {
            for h in word_hashes(words) {
                map.insert(h, (power, attached));
            }
        }
        map
    })
}

/// The anchor of number `i` of `tokens` (from `text`) when a word of magnitude follows it:
/// `anchor_of_digits` of its value written out in digits, the anchor a number written with those
/// digits has, so that "41 тыс." and "41,000" share one. `None` when no such word follows.
///
/// Words of magnitude in a row multiply ("1.2万亿" is 1.2 trillion, Spanish "3 mil millones"
/// three billion), up to [`MAX_WORDS_IN_A_ROW`].
pub(super) fn value_anchor(
    text: &str,
    tokens: &[Token],
    i: usize,
    anchor_of_digits: impl Fn(&[u8]) -> u64,
) -> Option<u64> {
    let (number, powers) = (&tokens[i], powers());
    let mut power = 0;
    for pair in tokens[i..].windows(2).take(MAX_WORDS_IN_A_ROW) {
        let (before, word) = (&pair[0], &pair[1]);
        let Some(&(p, attached)) = powers.get(&word.word) else {
            break;
        };
        if word.sentence != number.sentence || (attached && before.end != word.start) {
            break;
        }
        power += p;
    }
    if power == 0 {
        return None;
    }
    let digits = written_out(&text[number.start as usize..number.end as usize], power)?;
    Some(anchor_of_digits(&digits))
}

/// Most words of magnitude in a row that [`value_anchor`] multiplies.
const MAX_WORDS_IN_A_ROW: usize = 3;

/// The value of the number written as `span` times ten to the `power`, in ASCII digits without
/// leading zeros: "4.1" and 4 give "41000", "3,5" and 6 "3500000", "41 000" and 3 "41000000". A
/// separator (point, comma, space, Arabic decimal separator) before the last three digits is a
/// thousands separator ("3.500" is 3500 as German writes it), before any other number of them a
/// decimal one. `None` for a value with more decimals than the power takes away, for zero, or
/// for one of more than [`MAX_DIGITS`] digits.
fn written_out(span: &str, power: u32) -> Option<Vec<u8>> {
    let mut digits: Vec<u8> = Vec::with_capacity(span.len() + power as usize);
    // Digits since the last separator, and whether there was one.
    let (mut after, mut separated) = (0u32, false);
    for c in span.chars() {
        match decimal_digit(c) {
            Some(d) => {
                digits.push(b'0' + d);
                after += 1;
            }
            None => {
                separated = true;
                after = 0;
            }
        }
    }
    let decimals = if separated && after != 3 { after } else { 0 };
    let zeros = power.checked_sub(decimals)?;
    digits.extend(std::iter::repeat_n(b'0', zeros as usize));
    let first = digits.iter().position(|&d| d != b'0')?;
    digits.drain(..first);
    (digits.len() <= MAX_DIGITS).then_some(digits)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::{analyze, Analysis};

    #[test]
    fn values_are_written_out_in_digits() {
        let out =
            |span: &str, power| written_out(span, power).map(|d| String::from_utf8(d).unwrap());
        assert_eq!(out("4.1", 4).as_deref(), Some("41000"));
        assert_eq!(out("41", 3).as_deref(), Some("41000"));
        assert_eq!(out("3,5", 6).as_deref(), Some("3500000"));
        assert_eq!(out("3.500", 3).as_deref(), Some("3500000"));
        assert_eq!(out("1,234.56", 6).as_deref(), Some("1234560000"));
        assert_eq!(out("۳٫۵", 5).as_deref(), Some("350000"));
        assert_eq!(out("0.5", 6).as_deref(), Some("500000"));
        assert_eq!(out("1.2345", 3), None);
        assert_eq!(out("0", 6), None);
        assert_eq!(out(&"9".repeat(20), 9), None);
    }

    /// The anchors of `text`'s numbers, in order.
    fn number_anchors(a: &Analysis) -> Vec<u64> {
        use crate::text::NUMBER;
        a.tokens
            .iter()
            .filter(|t| t.flags & NUMBER != 0)
            .map(|t| t.anchor)
            .collect()
    }

    #[test]
    fn a_value_has_one_anchor_however_a_language_writes_it() {
        let written = [
            ("About 41,000 vehicles and 3,500,000 people.", "en"),
            ("About 41 thousand vehicles and 3.5 million people.", "en"),
            ("Etwa 41.000 Fahrzeuge und 3,5 Millionen Menschen.", "de"),
            ("Около 41 тыс. машин и 3,5 млн человек.", "ru"),
            ("约4.1万辆汽车和350万人。", "zh"),
            ("تقریباً 41 ہزار گاڑیاں اور 35 لاکھ لوگ۔", "ur"),
            ("About 41k vehicles and 3.5m people.", "en"),
        ];
        let first = number_anchors(&analyze(written[0].0, Some(written[0].1)));
        assert_eq!(first.len(), 2);
        assert!(first.iter().all(|&a| a != 0));
        for (text, lang) in &written[1..] {
            assert_eq!(number_anchors(&analyze(text, Some(lang))), first, "{text}");
        }
        // Words of magnitude in a row.
        let trillion = number_anchors(&analyze("1.2 trillion and 3 billion", Some("en")));
        assert_eq!(
            number_anchors(&analyze("1.2万亿和3 mil millones", None)),
            trillion
        );
        // A metre or a kilo apart from its number, a number with a plain word after it.
        let apart = number_anchors(&analyze("He ran 41 m and lifted 41 k.", Some("en")));
        let plain = number_anchors(&analyze("41 runs and 41 lifts.", Some("en")));
        assert_eq!(apart, plain);
    }
}
