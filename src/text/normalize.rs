//! Normalisation of one word: what makes two spellings of the same word compare equal.
//!
//! Applied per token, never to the whole text, so that every token keeps its byte offsets into the
//! caller's original string (the extension highlights those offsets on the live page).
//! Steps: NFKC (full-width forms, ligatures, compatibility digits), lower-casing, and a few
//! script-specific unifications that NFKC leaves alone: the decimal digits of every script
//! become ASCII digits, Arabic and Urdu variants of yeh, kaf and heh become one letter, a letter
//! carrying a hamza or madda becomes the letter that carries it, Arabic vowel marks and tatweel
//! are dropped, and zero-width joiners disappear.

use std::sync::OnceLock;

use unicode_normalization::char::{canonical_combining_class, is_combining_mark};
use unicode_normalization::{is_nfkc_quick, IsNormalized, UnicodeNormalization};

/// Whether `c` is an invisible char that may stand inside a word and carries no letter: the
/// zero-width (non-)joiners and the soft hyphen, and the chars copies slip into words to split
/// them for a checker (zero-width space, word joiner, zero-width no-break space). The tokenizer
/// keeps them in their word, and its normal form drops them.
#[inline]
pub fn is_invisible(c: char) -> bool {
    matches!(
        c,
        '\u{200b}'..='\u{200d}' | '\u{ad}' | '\u{2060}' | '\u{feff}'
    )
}

/// The first digit (zero) of each run of ten decimal digits in Unicode 14 (general category Nd),
/// in order: ASCII, Arabic-Indic, Extended Arabic-Indic (Urdu, Persian), NKo, Devanagari,
/// Bengali, Gurmukhi, Gujarati, Oriya, Tamil, Telugu, Kannada, Malayalam, Sinhala, Thai, Lao,
/// Tibetan, Myanmar, Khmer, Mongolian and the rest.
const DIGIT_ZEROS: [u32; 66] = [
    0x0030, 0x0660, 0x06F0, 0x07C0, 0x0966, 0x09E6, 0x0A66, 0x0AE6, 0x0B66, 0x0BE6, 0x0C66, 0x0CE6,
    0x0D66, 0x0DE6, 0x0E50, 0x0ED0, 0x0F20, 0x1040, 0x1090, 0x17E0, 0x1810, 0x1946, 0x19D0, 0x1A80,
    0x1A90, 0x1B50, 0x1BB0, 0x1C40, 0x1C50, 0xA620, 0xA8D0, 0xA900, 0xA9D0, 0xA9F0, 0xAA50, 0xABF0,
    0xFF10, 0x104A0, 0x10D30, 0x11066, 0x110F0, 0x11136, 0x111D0, 0x112F0, 0x11450, 0x114D0,
    0x11650, 0x116C0, 0x11730, 0x118E0, 0x11950, 0x11C50, 0x11D50, 0x11DA0, 0x16A60, 0x16AC0,
    0x16B50, 0x1D7CE, 0x1D7D8, 0x1D7E2, 0x1D7EC, 0x1D7F6, 0x1E140, 0x1E2F0, 0x1E950, 0x1FBF0,
];

/// The value of `c` if it is a decimal digit of any script ("૧", "١", "๑" and "1" are all 1).
///
/// Numbers are anchors, what carries a story across languages; a Gujarati, Bengali or Thai
/// translation that writes its numbers in its own digits shares them with an English original
/// only once they are read as the same digits (a Gujarati translation of the demo story with its
/// own digits: `none`, 0.04; with ASCII digits, `translated`, 0.84).
pub fn decimal_digit(c: char) -> Option<u8> {
    let cp = c as u32;
    let run = DIGIT_ZEROS
        .partition_point(|&zero| zero <= cp)
        .checked_sub(1)?;
    let value = cp - DIGIT_ZEROS[run];
    (value < 10).then_some(value as u8)
}

/// Maps one already NFKC-normalised, lower-cased char to its canonical form, or drops it.
#[inline]
fn canonical(c: char) -> Option<char> {
    Some(match c {
        // Invisible chars and the tatweel carry no letters.
        c if is_invisible(c) => return None,
        '\u{0640}' => return None,
        // Arabic harakat and the superscript alef: optional vowel marks.
        '\u{064b}'..='\u{065f}' | '\u{0670}' => return None,
        // Letters carrying a hamza or madda become the letter that carries it, as the harakat
        // are dropped: composed (NFC, what most pages send) or decomposed (the letter, then
        // U+0653 to U+0655, as some Urdu typesetting and converters write them), a word then
        // has one form. Word by word, the fast path maps the decomposed letter and drops its mark
        // without composing the two as NFKC would, so a decomposed Urdu page matched its
        // composed original in few words: counter-public's cases in NFD, 15 verdicts of 296
        // changed. It also makes one word of the spellings Urdu papers vary between ("لئے"
        // and "لیے").
        'ي' | 'ى' | 'ئ' => 'ی',
        'ك' => 'ک',
        'ه' | 'ۀ' | 'ۂ' | 'ە' => 'ہ',
        'ۓ' => 'ے',
        'ؤ' => 'و',
        'ة' => 'ۃ',
        'أ' | 'إ' | 'آ' => 'ا',
        'ё' => 'е',
        c if c >= '\u{0660}' => decimal_digit(c).map_or(c, |d| char::from(b'0' + d)),
        other => other,
    })
}

/// Appends the normalised form of `word` to `out`.
pub fn push_normalized(word: &str, out: &mut String) {
    if word.is_ascii() {
        let start = out.len();
        out.push_str(word);
        out[start..].make_ascii_lowercase();
        return;
    }
    // Fast path: the words of Latin (with its accents), Greek, Cyrillic and Arabic script need
    // neither NFKC (outside a few compatibility letters) nor full Unicode case tables: a table
    // maps each of their chars.
    let forms = char_forms();
    let start = out.len();
    for c in word.chars() {
        let form = match c as usize {
            cp if cp < CHAR_FORM_CHARS => forms[cp],
            _ if is_invisible(c) => CharForm::Drop,
            _ => CharForm::Slow,
        };
        match form {
            CharForm::Char(k) => out.push(k),
            CharForm::Drop => {}
            CharForm::Slow => {
                out.truncate(start);
                push_general(word, out);
                return;
            }
        }
    }
}

/// Last char the fast path's table maps, which starts at U+0000: ASCII, Latin-1 and Latin
/// Extended, Greek, Cyrillic and Arabic. The rest of [`char_forms`] is [`CharForm::Slow`].
const TABLE_END: u32 = 0x6ff;

/// What normalisation makes of one char, for a tokenizer that normalises a word char by char.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum CharForm {
    /// The char becomes this one.
    Char(char),
    /// The char is dropped ([`canonical`] gives `None`).
    Drop,
    /// The char needs the general path (NFKC, full case mapping), which only
    /// [`push_normalized`] on the whole word gives.
    Slow,
}

/// Chars of [`char_forms`]: every char UTF-8 writes in one or two bytes.
pub(super) const CHAR_FORM_CHARS: usize = 0x800;

/// For every char below [`CHAR_FORM_CHARS`], its [`CharForm`]: the table of [`push_normalized`]'s
/// fast path, and of the tokenizer's. A word made only of chars whose form is not
/// [`CharForm::Slow`] normalises to the concatenation of their forms. Cyrillic and Arabic (from
/// U+0400) follow rules of their own: Arabic letters and lower-case Cyrillic stand for themselves,
/// upper-case Cyrillic (the basic block) is lower-cased, and [`canonical`] applies to the result.
/// Below U+0400 a char is mapped when nothing about it depends on its neighbours: it is a starter
/// (combining class 0) that NFKC keeps as it is, and it lower-cases to one char; a word made only
/// of such chars is in NFKC already, so the general path would map it char by char just the same
/// (tests compare the two paths on every char and on any word).
pub(super) fn char_forms() -> &'static [CharForm; CHAR_FORM_CHARS] {
    static TABLE: OnceLock<[CharForm; CHAR_FORM_CHARS]> = OnceLock::new();
    TABLE.get_or_init(|| {
        let mut t = [CharForm::Slow; CHAR_FORM_CHARS];
        for (cp, entry) in (0..=TABLE_END).zip(t.iter_mut()) {
            let Some(c) = char::from_u32(cp) else {
                continue;
            };
            let mapped = match cp {
                0x600..=0x674 | 0x679..=0x6ff | 0x430..=0x45f => c,
                0x400..=0x42f => match c.to_lowercase().next() {
                    Some(l) => l,
                    None => continue,
                },
                0x460..=0x5ff | 0x675..=0x678 => continue,
                _ => {
                    let mut lower = c.to_lowercase();
                    let (Some(l), None) = (lower.next(), lower.next()) else {
                        continue;
                    };
                    let stable = |c: char| {
                        canonical_combining_class(c) == 0
                            && is_nfkc_quick(std::iter::once(c)) == IsNormalized::Yes
                    };
                    if !(stable(c) && stable(l)) {
                        continue;
                    }
                    l
                }
            };
            *entry = canonical(mapped).map_or(CharForm::Drop, CharForm::Char);
        }
        t
    })
}

/// Appends the normalised form of any `word`: NFKC, full lower-casing, [`canonical`].
fn push_general(word: &str, out: &mut String) {
    let mut push = |c: char| {
        for l in c.to_lowercase() {
            if let Some(k) = canonical(l) {
                out.push(k);
            }
        }
    };
    // Most words of most scripts are already in NFKC: the quick check skips the decomposition.
    if is_nfkc_quick(word.chars()) == IsNormalized::Yes {
        word.chars().for_each(&mut push);
    } else {
        word.nfkc().for_each(&mut push);
    }
}

/// Names of countries and cities that languages spell apart (exonyms), as their English
/// spelling: "München" and "Munich", "Москва" and "Moscow" share no skeleton, and a translation's
/// place names were found in neither direction. Keys are normal forms ([`push_normalized`]), in
/// byte order for a binary search.
const EXONYMS: &[(&str, &str)] = &[
    ("athen", "athens"),
    ("belgien", "belgium"),
    ("brasilien", "brazil"),
    ("brüssel", "brussels"),
    ("deutschland", "germany"),
    ("dänemark", "denmark"),
    ("europa", "europe"),
    ("finnland", "finland"),
    ("frankreich", "france"),
    ("genf", "geneva"),
    ("griechenland", "greece"),
    ("großbritannien", "britain"),
    ("indien", "india"),
    ("irak", "iraq"),
    ("irland", "ireland"),
    ("italien", "italy"),
    ("kiew", "kyiv"),
    ("kopenhagen", "copenhagen"),
    ("köln", "cologne"),
    ("lissabon", "lisbon"),
    ("mailand", "milan"),
    ("moskau", "moscow"),
    ("münchen", "munich"),
    ("neapel", "naples"),
    ("niederlande", "netherlands"),
    ("norwegen", "norway"),
    ("nürnberg", "nuremberg"),
    ("peking", "beijing"),
    ("polen", "poland"),
    ("prag", "prague"),
    ("rom", "rome"),
    ("russland", "russia"),
    ("schweden", "sweden"),
    ("schweiz", "switzerland"),
    ("spanien", "spain"),
    ("syrien", "syria"),
    ("tschechien", "czechia"),
    ("türkei", "turkey"),
    ("ungarn", "hungary"),
    ("venedig", "venice"),
    ("warschau", "warsaw"),
    ("weißrussland", "belarus"),
    ("wien", "vienna"),
    ("ägypten", "egypt"),
    ("österreich", "austria"),
    ("австрия", "austria"),
    ("англия", "england"),
    ("британия", "britain"),
    ("брюссель", "brussels"),
    ("варшава", "warsaw"),
    ("великобритания", "britain"),
    ("вена", "vienna"),
    ("германии", "germany"),
    ("германия", "germany"),
    ("греция", "greece"),
    ("европа", "europe"),
    ("женева", "geneva"),
    ("израиль", "israel"),
    ("индия", "india"),
    ("испания", "spain"),
    ("италия", "italy"),
    ("киев", "kyiv"),
    ("китай", "china"),
    ("москва", "moscow"),
    ("москве", "moscow"),
    ("мюнхен", "munich"),
    ("пекин", "beijing"),
    ("польша", "poland"),
    ("россии", "russia"),
    ("россия", "russia"),
    ("сирия", "syria"),
    ("сша", "usa"),
    ("турция", "turkey"),
    ("франции", "france"),
    ("франция", "france"),
    ("швейцария", "switzerland"),
    ("япония", "japan"),
];

/// The cross-language skeleton of a name: transliterated to Latin, diacritics removed, vowels and
/// the letters that transliterations disagree on dropped, doubled consonants collapsed, cut to
/// four consonants. "Trump" and "Трамп" both give `trmp`, "Putin" and "Путин" `ptn`, "Kremlin" and
/// "Кремль" `krml`. Returns `None` when fewer than two consonants remain (too weak to be evidence).
/// A place that languages spell apart ("München", "Москва": a table of such names) takes the
/// skeleton of its English name; `word` is a normal form ([`push_normalized`]) for that lookup.
pub fn name_skeleton(word: &str) -> Option<String> {
    let word = EXONYMS
        .binary_search_by(|(k, _)| k.cmp(&word))
        .map_or(word, |at| EXONYMS[at].1);
    let mut latin = String::with_capacity(word.len());
    for c in word.nfd() {
        if is_combining_mark(c) {
            continue;
        }
        for l in c.to_lowercase() {
            match transliterate(l) {
                Some(s) => latin.push_str(s),
                None if l.is_ascii_alphabetic() => latin.push(l),
                None => {}
            }
        }
    }
    let mut out = String::with_capacity(4);
    let mut last = '\0';
    let bytes = latin.as_bytes();
    let mut i = 0;
    while i < bytes.len() && out.len() < 4 {
        let mut c = char::from(bytes[i]);
        // Digraphs that transliterations spell with one letter.
        if i + 1 < bytes.len() && (c == 'c' || c == 's' || c == 'p') && bytes[i + 1] == b'h' {
            c = match c {
                'c' => 'k',
                'p' => 'f',
                _ => 's',
            };
            i += 1;
        }
        let mapped = match c {
            'a' | 'e' | 'i' | 'o' | 'u' | 'y' | 'j' | 'h' => None,
            'c' | 'q' => Some('k'),
            'w' => Some('v'),
            'z' => Some('s'),
            'x' => Some('k'),
            other => Some(other),
        };
        if let Some(m) = mapped {
            if m != last {
                out.push(m);
            }
            last = m;
        }
        i += 1;
    }
    (out.len() >= 2).then_some(out)
}

/// Latin spelling of a Cyrillic or Greek lower-case letter.
fn transliterate(c: char) -> Option<&'static str> {
    Some(match c {
        'а' => "a",
        'б' => "b",
        'в' => "v",
        'г' => "g",
        'д' => "d",
        'е' | 'ё' | 'э' | 'є' => "e",
        'ж' => "zh",
        'з' => "z",
        'и' | 'і' | 'ї' => "i",
        'й' => "j",
        'к' => "k",
        'л' => "l",
        'м' => "m",
        'н' => "n",
        'о' => "o",
        'п' => "p",
        'р' => "r",
        'с' => "s",
        'т' => "t",
        'у' => "u",
        'ф' => "f",
        'х' => "kh",
        'ц' => "z",
        'ч' => "ch",
        'ш' => "sh",
        'щ' => "shch",
        'ъ' | 'ь' => "",
        'ы' => "y",
        'ю' => "ju",
        'я' => "ja",
        'ґ' => "g",
        'α' => "a",
        'β' => "v",
        'γ' => "g",
        'δ' => "d",
        'ε' => "e",
        'ζ' => "z",
        'η' => "i",
        'θ' => "th",
        'ι' => "i",
        'κ' => "k",
        'λ' => "l",
        'μ' => "m",
        'ν' => "n",
        'ξ' => "x",
        'ο' => "o",
        'π' => "p",
        'ρ' => "r",
        'σ' | 'ς' => "s",
        'τ' => "t",
        'υ' => "y",
        'φ' => "f",
        'χ' => "ch",
        'ψ' => "ps",
        'ω' => "o",
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn norm(w: &str) -> String {
        let mut s = String::new();
        push_normalized(w, &mut s);
        s
    }

    #[test]
    fn folds_case_and_compatibility_forms() {
        assert_eq!(norm("Kremlin"), "kremlin");
        assert_eq!(norm("ＫＲＥＭＬＩＮ"), "kremlin");
        assert_eq!(norm("ﬁnal"), "final");
        assert_eq!(norm("Ёлка"), "елка");
    }

    #[test]
    fn unifies_arabic_script_variants() {
        assert_eq!(norm("۲۰۲۱"), "2021");
        assert_eq!(norm("٢٠٢١"), "2021");
        assert_eq!(norm("كتاب"), "کتاب");
        assert_eq!(norm("پاکستان\u{200c}"), "پاکستان");
        assert_eq!(norm("مُحَمَّد"), "محمد");
    }

    #[test]
    fn letters_with_hamza_or_madda_read_alike_composed_or_decomposed() {
        use unicode_normalization::UnicodeNormalization;
        // "گئے", "مؤقف", "آئی", "ہوۓ", "خانۂ", "أحمد": each the same composed (NFC) as decomposed
        // (NFD: the letter, then its hamza or madda as a mark of its own).
        for word in ["گئے", "مؤقف", "آئی", "ہوۓ", "خانۂ", "أحمد", "إسلام"]
        {
            let decomposed: String = word.nfd().collect();
            assert_ne!(decomposed, word);
            assert_eq!(norm(&decomposed), norm(word), "{word}");
        }
        // The spellings Urdu papers vary between are one word.
        assert_eq!(norm("لئے"), norm("لیے"));
    }

    #[test]
    fn digits_of_every_script_read_as_ascii_digits() {
        // Gujarati, Bengali, Thai, Devanagari, Tamil, Khmer, Myanmar, Mathematical bold.
        for year in [
            "૧૯૬૨",
            "১৯৬২",
            "๑๙๖๒",
            "१९६२",
            "௧௯௬௨",
            "១៩៦២",
            "၁၉၆၂",
            "𝟏𝟗𝟔𝟐",
        ] {
            assert_eq!(norm(year), "1962", "{year}");
        }
        // Ten digits to a run, each a numeric char, and no other char has a value.
        let digits: Vec<char> = (0..=0x10ffff)
            .filter_map(char::from_u32)
            .filter(|&c| decimal_digit(c).is_some())
            .collect();
        assert_eq!(digits.len(), DIGIT_ZEROS.len() * 10);
        assert!(digits.iter().all(|c| c.is_numeric()));
        assert_eq!(decimal_digit('7'), Some(7));
        assert_eq!(decimal_digit('a'), None);
        assert_eq!(decimal_digit('ۀ'), None);
        assert_eq!(norm("ۀ"), "ہ");
    }

    #[test]
    fn table_maps_each_char_as_the_general_path_does() {
        let chars = (0..=TABLE_END).chain([0x200c, 0x200d]);
        for c in chars.filter_map(char::from_u32) {
            let mut general = String::new();
            push_general(&c.to_string(), &mut general);
            assert_eq!(norm(&c.to_string()), general, "{c:?} U+{:04X}", c as u32);
        }
    }

    #[test]
    fn char_forms_are_what_each_char_normalises_to() {
        for (cp, &form) in char_forms().iter().enumerate() {
            let Some(c) = char::from_u32(cp as u32) else {
                continue;
            };
            let expected = match form {
                CharForm::Char(k) => k.to_string(),
                CharForm::Drop => String::new(),
                CharForm::Slow => continue,
            };
            // The general path, not `norm`: `norm` reads this table itself.
            let mut general = String::new();
            push_general(&c.to_string(), &mut general);
            assert_eq!(general, expected, "U+{cp:04X}");
        }
        // Arabic script and Cyrillic, all but a few letters, take the table.
        let slow = |range: std::ops::Range<usize>| {
            char_forms()[range]
                .iter()
                .filter(|&&f| f == CharForm::Slow)
                .count()
        };
        assert!(slow(0x600..0x700) < 8 && slow(0x400..0x460) == 0);
    }

    #[cfg(not(target_arch = "wasm32"))]
    proptest::proptest! {
        /// A word of Cyrillic and Arabic letters, marks, digits and joiners is normalised char by
        /// char, whatever the order of its chars.
        #[test]
        fn fast_path_maps_char_by_char(
            w in "[\u{400}-\u{45f}\u{600}-\u{674}\u{679}-\u{6ff}\u{200c}\u{200d}\u{ad}]{1,12}"
        ) {
            let by_char: String = w.chars().map(|c| norm(&c.to_string())).collect();
            proptest::prop_assert_eq!(norm(&w), by_char);
        }

        /// A word of ASCII, Latin, Greek and Cyrillic letters, mixed with combining accents (which
        /// the table leaves to the general path), is normalised as the general path does it.
        #[test]
        fn fast_path_is_the_general_path(
            w in "[A-Za-z0-9\u{c0}-\u{24f}\u{300}-\u{36f}\u{370}-\u{45f}\u{1e00}-\u{1eff}]{1,12}"
        ) {
            let mut general = String::new();
            push_general(&w, &mut general);
            proptest::prop_assert_eq!(norm(&w), general);
        }
    }

    #[test]
    fn skeletons_carry_names_across_scripts() {
        for (a, b) in [
            ("Trump", "Трамп"),
            ("Putin", "Путин"),
            ("Kremlin", "Кремль"),
            ("Peskov", "Песков"),
            ("Navalny", "Навальный"),
            ("Biden", "Байден"),
            ("Washington", "Вашингтон"),
            ("Zürich", "Zurich"),
        ] {
            assert_eq!(name_skeleton(a), name_skeleton(b), "{a} vs {b}");
            assert!(name_skeleton(a).is_some());
        }
        assert_eq!(name_skeleton("Io"), None);
        assert_eq!(name_skeleton("北京"), None);
    }

    #[test]
    fn places_spelled_apart_share_a_skeleton() {
        // The table is in byte order, and its keys are normal forms, as the pipeline passes them.
        assert!(EXONYMS.windows(2).all(|w| w[0].0 < w[1].0));
        for (key, english) in EXONYMS {
            assert_eq!(norm(key), *key);
            assert_eq!(name_skeleton(key), name_skeleton(english), "{key}");
        }
        assert_eq!(name_skeleton(&norm("München")), name_skeleton("munich"));
        assert_eq!(name_skeleton(&norm("Москва")), name_skeleton("moscow"));
        assert_eq!(
            name_skeleton(&norm("Großbritannien")),
            name_skeleton("britain")
        );
    }
}
