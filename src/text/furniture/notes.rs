//! Notes around an article: where it comes from ("This article was originally published by …",
//! "По материалам РИА Новости"), whose view it gives (disclaimers), wire credits in parentheses
//! ("(Reporting by …)"), legal footers ("All rights reserved") and author blurbs.

#[cfg(not(target_arch = "wasm32"))]
use std::sync::OnceLock;

use super::prefixes::{Endings, Prefixes};

/// Notes on where an article comes from and whose view it gives, in the public sets' languages
/// and their neighbours (Russian both ways, as ASCII lower-casing leaves it): "Dieser Artikel
/// erschien zuerst bei …" (this article first appeared in …), "По материалам РИА Новости" (from
/// RIA Novosti's reports), "Мнение автора может не совпадать с позицией редакции" (the author's
/// opinion may differ from the editors'). A line of at most [`MAX_NOTE_LINE_WORDS`] words that
/// starts with one is furniture: each such line under counter-public's Urdu copies changed 12 to
/// 15 of its verdicts.
const NOTE_PREFIXES: &[&str] = &[
    "the views expressed",
    "views expressed",
    "disclaimer",
    "with agency reports",
    "with inputs from",
    "with additional reporting",
    "dieser artikel erschien",
    "der artikel erschien",
    "zuerst erschienen",
    "mit material von",
    "die meinung des autors",
    "материал впервые опубликован",
    "Материал впервые опубликован",
    "по материалам",
    "По материалам",
    "мнение автора",
    "Мнение автора",
    "мнение редакции",
    "Мнение редакции",
    "cet article a été publié",
    "este artículo fue publicado",
    "یہ خبر سب سے پہلے",
    "یہ مضمون سب سے پہلے",
    "ادارے کا مصنف",
    "ادارہ کا مصنف",
];

/// [`NOTE_PREFIXES`] by first byte.
pub(super) static NOTE_LINE_PREFIXES: Prefixes = Prefixes::new(NOTE_PREFIXES);

/// Most words of a line of [`NOTE_PREFIXES`]: a disclaimer runs to about twenty ("The views
/// expressed in this article are the author's own and do not reflect …"), and an article's
/// sentence that starts as a note does ("По материалам следствия, …", from the investigation's
/// files) most often runs longer.
pub(super) const MAX_NOTE_LINE_WORDS: usize = 20;

/// The same notes in Urdu that put their verb last: a line of at most eight words that ends with
/// one, its full stop aside ("خبر رساں اداروں کی مدد سے", with the help of news agencies).
pub(super) const NOTE_ENDINGS: Endings = (" سے", &["اداروں کی مدد سے", "ایجنسیوں کی مدد سے"]);

/// Lines containing one of these phrases are furniture when not long (author blurbs, legal
/// footers). The phrases are grouped under a part they share, so that a line is searched once per
/// group rather than once per phrase: most lines contain no group's part at all.
const CONTAINS: &[(&str, &[&str])] = &[
    (
        "is a",
        &[
            "is a reporter",
            "is a correspondent",
            "is a senior",
            "is a staff writer",
            "is a journalist",
            "is an editor",
            "is a freelance",
        ],
    ),
    (
        "follow ",
        &["follow him on", "follow her on", "follow them on"],
    ),
    ("on twitter @", &["on twitter @"]),
    ("all rights reserved", &["all rights reserved"]),
    ("terms of use", &["terms of use"]),
    ("privacy policy", &["privacy policy"]),
    ("ed:", &["updated:", "published:"]),
    (" read", &["min read", "minute read"]),
    ("ing by", &["reporting by", "editing by", "writing by"]),
    // The comment form under a blog post: "Your email address will not be published. Required
    // fields are marked *".
    (
        "be published",
        &["will not be published", "won't be published"],
    ),
    ("required fields", &["required fields are marked"]),
    // Syndication notes: "This article was originally published by Reuters.", "… first appeared
    // on The Conversation".
    (
        "published",
        &[
            "originally published",
            "was first published on",
            "republished with permission",
            "republished from",
        ],
    ),
    (
        "appeared",
        &[
            "originally appeared",
            "first appeared on",
            "first appeared in",
        ],
    ),
    // Share links ("Click to share on Facebook (Opens in new window)") and an agency's footer.
    (
        "new window",
        &["opens in new window", "opens in a new window"],
    ),
    ("trust principles", &["trust principles"]),
];

/// Whether `lower` contains one of the [`CONTAINS`] phrases. Natively, with searchers built
/// once: building a substring searcher for each search cost more than searching a short line
/// (about 2 % of fingerprinting's instructions). The browser build searches as `str` does, since
/// the prebuilt searchers' code would add 9 KB to the engine for no time a reader would notice.
pub(super) fn contains_a_phrase(lower: &str) -> bool {
    #[cfg(not(target_arch = "wasm32"))]
    {
        use memchr::memmem::Finder;
        type Group = (Finder<'static>, Vec<Finder<'static>>);
        static FINDERS: OnceLock<Vec<Group>> = OnceLock::new();
        let finders = FINDERS.get_or_init(|| {
            CONTAINS
                .iter()
                .map(|(part, phrases)| {
                    let of = |p: &&'static str| Finder::new(p.as_bytes());
                    (of(part), phrases.iter().map(of).collect())
                })
                .collect()
        });
        let bytes = lower.as_bytes();
        finders.iter().any(|(part, phrases)| {
            part.find(bytes).is_some() && phrases.iter().any(|p| p.find(bytes).is_some())
        })
    }
    #[cfg(target_arch = "wasm32")]
    {
        contains_a_phrase_by_str(lower)
    }
}

/// [`contains_a_phrase`] with `str`'s search: the browser build's, and what the tests hold the
/// native searchers to.
#[cfg(any(target_arch = "wasm32", test))]
fn contains_a_phrase_by_str(lower: &str) -> bool {
    CONTAINS
        .iter()
        .any(|(part, phrases)| lower.contains(part) && phrases.iter().any(|p| lower.contains(p)))
}

/// Longest line, in words, that a note wholly in parentheses may be: wire credits and editors'
/// notes ("(Reporting by Jane Doe; Editing by John Roe)", "(with inputs from agencies)") are
/// short, an article's own parenthetical paragraph is not.
pub(super) const MAX_NOTE_WORDS: usize = 15;

/// Whether `line` is wholly one parenthesised note: it opens with "(" and its only closing
/// parenthesis ends it.
pub(super) fn is_parenthesised(line: &str) -> bool {
    line.len() > 2
        && line.starts_with('(')
        && line.ends_with(')')
        && !line[1..line.len() - 1].contains([')', '('])
}

/// Fewest fragments an author blurb is made of.
const BLURB_FRAGMENTS: usize = 3;
/// Most words of one blurb fragment.
const BLURB_FRAGMENT_WORDS: usize = 3;

/// Whether `line` has the shape of the author blurbs that blog templates and republishing sites
/// print under every article: a run of at least [`BLURB_FRAGMENTS`] "sentences" of one to
/// [`BLURB_FRAGMENT_WORDS`] words each ("Organizer. Zombie aficionado. Wannabe reader. Passionate
/// writer. Twitter lover."). Article prose does not come in such runs: across the public sets'
/// texts this shape matches no line but such a blurb.
pub(super) fn is_blurb(line: &str) -> bool {
    let (mut fragments, mut words) = (0, 0);
    for w in line.split_whitespace() {
        words += 1;
        if words > BLURB_FRAGMENT_WORDS {
            return false;
        }
        // A short capitalised word with a period ("U.S.", "Sen.", "Jan.") is an abbreviation,
        // which does not end its sentence. (Its case is asked last: beyond ASCII that is a search
        // of Unicode's tables.)
        let abbreviation = || w.len() <= 4 && w.starts_with(char::is_uppercase);
        if w.ends_with(['.', '!']) && !abbreviation() {
            fragments += 1;
            words = 0;
        }
    }
    words == 0 && fragments >= BLURB_FRAGMENTS
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn prebuilt_searchers_find_what_str_finds() {
        let by_str = contains_a_phrase_by_str;
        let mut lines: Vec<String> = Vec::new();
        for (part, phrases) in CONTAINS {
            for p in phrases.iter() {
                lines.push(format!("jane doe {p} the daily"));
                lines.push(p.to_string());
                // Cut short by a byte at either end: the part may still be there, not the phrase.
                lines.push(format!("x {} y", &p[1..]));
                lines.push(format!("x {} y", &p[..p.len() - 1]));
            }
            lines.push(format!("only the part: {part}"));
        }
        lines.push("an ordinary sentence of an article, with nothing to find".into());
        lines.push(String::new());
        let mut found = 0;
        for l in &lines {
            assert_eq!(contains_a_phrase(l), by_str(l), "{l:?}");
            found += usize::from(by_str(l));
        }
        assert!(found > 0 && found < lines.len());
    }

    #[test]
    fn phrase_groups_share_their_part() {
        for (part, phrases) in CONTAINS {
            assert!(phrases.iter().all(|p| p.contains(part)), "{part}");
        }
    }
}
