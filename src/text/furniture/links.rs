//! Links to other stories: a line that introduces one ("See also …", "Читайте также: …"), the
//! headlines listed under a heading of links ("Related Articles", "Most Read"), lists of headlines
//! with no heading between the headline and the body or after the last paragraph, and a site's
//! name after the headline, as a browser's title has it. Their headlines are other stories' words
//! and names, often other originals' own.

use std::ops::Range;

use super::prefixes::{starts_with_one_of, Prefixes};
use crate::text::word_count::count_words;

/// Lines starting with one of these introduce a link to another story, whose headline follows on
/// the same line ("See also  Brexit: UK and Japan sign a free trade agreement in Tokyo"): they
/// are furniture at any length a rule looks at, since a headline can run to twenty words and
/// more, and no article sentence starts so.
pub(super) const LINK_PREFIXES: &[&str] = &[
    "see also",
    "read more",
    "read also",
    "also read",
    "read:",
    "related:",
    "more from",
    "you may also like",
    "you might also like",
    "must read",
    "most read",
    "next article",
    "previous article",
    "watch:",
    // The same in the other languages of the public sets and their neighbours: German, Russian
    // (which ASCII lower-casing leaves as written, so both cases), Urdu, French, Spanish.
    "lesen sie auch",
    "lesen sie mehr",
    "mehr zum thema",
    "weiterlesen",
    "читайте также",
    "Читайте также",
    "смотрите также",
    "Смотрите также",
    "по теме:",
    "По теме:",
    "مزید پڑھیں",
    "مزید پڑھیے",
    "یہ بھی پڑھیں",
    "یہ بھی پڑھیے",
    "lire aussi",
    "à lire aussi",
    "À lire aussi",
    "lea también",
    "leer más",
];

/// [`LINK_PREFIXES`] by first byte.
pub(super) static LINK_LINE_PREFIXES: Prefixes = Prefixes::new(LINK_PREFIXES);

/// Headings of a list of links to other stories ("Related Articles", "Most Read"): the short
/// lines after one are those stories' headlines (see [`furniture_lines`](super::furniture_lines)). A short line that starts
/// with one of these or with a [`LINK_PREFIXES`] entry ("Read more", "Lesen Sie auch") is such a
/// heading; the headings of the public sets' other languages and their neighbours are here too,
/// since a page's list of links is in the page's language (Russian both ways, as ASCII
/// lower-casing leaves it).
const LINK_LIST_HEADINGS: &[&str] = &[
    "related",
    "recommended",
    "more on",
    "more from",
    "more stories",
    "read more",
    "read also",
    "also read",
    "see also",
    "must read",
    "most read",
    "most popular",
    "trending",
    "top stories",
    "you may also like",
    "you might also like",
    "more articles",
    "more news",
    "latest news",
    "latest stories",
    "in other news",
    "editor's picks",
    "editor’s picks",
    "don't miss",
    "don’t miss",
    "popular now",
    "read next",
    "what to read next",
    "top headlines",
    "more like this",
    "auch interessant",
    "das könnte sie auch interessieren",
    "weitere artikel",
    "weitere nachrichten",
    "meistgelesen",
    "meist gelesen",
    "похожие новости",
    "Похожие новости",
    "другие новости",
    "Другие новости",
    "по теме",
    "По теме",
    "متعلقہ خبریں",
    "مزید خبریں",
    "sur le même sujet",
    "les plus lus",
    "noticias relacionadas",
    "te puede interesar",
    "lo más leído",
];

/// [`LINK_LIST_HEADINGS`] by first byte.
pub(super) static LINK_LIST_HEADING_PREFIXES: Prefixes = Prefixes::new(LINK_LIST_HEADINGS);

/// Most words of a heading of links ("Das könnte Sie auch interessieren").
pub(super) const MAX_LINK_HEADING_WORDS: usize = 5;

/// Most words of a headline in a list of links.
const MAX_LINKED_HEADLINE_WORDS: usize = 20;

/// The lines of a list of links with no heading between the headline of `text` and its first
/// paragraph, `furniture` being its lines of furniture (each a range from its line's start).
/// Pages put other stories' headlines there as they do after the text: three or six of them
/// between counter-public's headlines and bodies changed 63 to 101 of its 296 verdicts, and put
/// another original first for half its copies or more.
///
/// Such a list is at least [`MIN_LISTED_HEADLINES`] lines of a headline's shape
/// ([`has_a_headlines_shape`]), with only furniture among them, right after the text's first
/// line that is no furniture and before a paragraph, and most of them shorter than the text's
/// paragraphs ([`shorter_than_paragraphs`]). That first line must be a headline: no colon at its
/// end, and no period unless it is as short as a headline (counter-public's headlines run to 30
/// words and more; some of wmt19's end with a period). A headline's deck is one line or two
/// (wmt19's "Minister in her sights" and the question after it), and longer runs of short lines
/// after a paragraph (a dialogue of questions, the steps of a proof) are words of the page.
pub(super) fn headlines_after_the_headline(
    text: &str,
    furniture: &[Range<usize>],
) -> Vec<Range<usize>> {
    let mut lines = line_ranges(text)
        .filter(|r| {
            furniture
                .binary_search_by_key(&r.start, |f| f.start)
                .is_err()
        })
        .map(|r| (text[r.clone()].trim(), r))
        .filter(|(trimmed, _)| !trimmed.is_empty());
    let Some((headline, _)) = lines.next() else {
        return Vec::new();
    };
    let paragraph = ends_with_a_period(headline)
        && count_words(headline, MAX_LINKED_HEADLINE_WORDS + 1) > MAX_LINKED_HEADLINE_WORDS;
    if paragraph || headline.ends_with(':') {
        return Vec::new(); // no headline but a paragraph, or points after a colon
    }
    let mut listed = Vec::new();
    for (trimmed, range) in lines {
        if !has_a_headlines_shape(trimmed) {
            let list =
                listed.len() >= MIN_LISTED_HEADLINES && shorter_than_paragraphs(text, &listed);
            return if list { listed } else { Vec::new() };
        }
        listed.push(range);
    }
    Vec::new() // no paragraph after them: a text of short lines
}

/// Whether most of the `lines` of `text` (byte ranges) are shorter than its paragraphs, as
/// headlines are: under [`SHORT_LINE_PERCENT`] of its longest line's width. A paragraph wrapped
/// at a fixed width comes in lines of about one width, which in a script without case nothing
/// else tells from headlines (counter-public's cases wrapped at 40 to 80 columns).
fn shorter_than_paragraphs(text: &str, lines: &[Range<usize>]) -> bool {
    let width = |r: Range<usize>| text[r].trim().len();
    let longest = line_ranges(text).map(width).max().unwrap_or(0);
    let short = lines
        .iter()
        .filter(|r| width((*r).clone()) * 100 < longest * SHORT_LINE_PERCENT)
        .count();
    short * 2 > lines.len()
}

/// See [`shorter_than_paragraphs`]: the share of a text's longest line, in per cent, under which a
/// line is no line of a paragraph wrapped at its width (wrapping at word boundaries leaves
/// lines shorter than the width by a long word at most).
const SHORT_LINE_PERCENT: usize = 70;

/// Each line of `text` as a byte range, its line break included.
fn line_ranges(text: &str) -> impl Iterator<Item = Range<usize>> + '_ {
    let mut start = 0;
    std::iter::from_fn(move || {
        (start < text.len()).then(|| {
            let end = memchr::memchr(b'\n', &text.as_bytes()[start..])
                .map_or(text.len(), |i| start + i + 1);
            std::mem::replace(&mut start, end)..end
        })
    })
}

/// Where a list of links with no heading starts at the end of `text`, whose lines of furniture
/// (each a range from its line's start) are `furniture`: at least [`MIN_LISTED_HEADLINES`]
/// lines of a headline's shape ([`has_a_headlines_shape`]) after the last paragraph, with only
/// furniture among and after them, unless the paragraph ends with a colon ("… makes use of:"
/// before a list of points). Read from the end, where most texts end with a paragraph.
pub(super) fn headlines_at_the_end(text: &str, furniture: &[Range<usize>]) -> Option<usize> {
    let bytes = text.as_bytes();
    let (mut end, mut first, mut headlines) = (text.len(), 0, 0);
    while end > 0 {
        let start = memchr::memrchr(b'\n', &bytes[..end - 1]).map_or(0, |i| i + 1);
        let trimmed = text[start..end].trim();
        let listed =
            trimmed.is_empty() || furniture.binary_search_by_key(&start, |r| r.start).is_ok();
        if !listed {
            if !has_a_headlines_shape(trimmed) {
                return (headlines >= MIN_LISTED_HEADLINES && !trimmed.ends_with(':'))
                    .then_some(first);
            }
            headlines += 1;
            first = start;
        }
        end = start;
    }
    None // no paragraph before them: a text of short lines
}

/// Whether `trimmed` starts with the number of a list's point: digits, then "." or ")", then a
/// space ("1. Generalise the structure", "2)\tDefine the value").
fn starts_with_a_points_number(trimmed: &str) -> bool {
    let rest = trimmed.trim_start_matches(|c: char| c.is_ascii_digit());
    rest.len() < trimmed.len()
        && rest
            .strip_prefix(['.', ')'])
            .is_some_and(|r| r.starts_with(char::is_whitespace))
}

/// Fewest lines of a headline's shape after a text's last paragraph, or between its headline and
/// its first paragraph, that make a list of links with no heading ([`has_a_headlines_shape`]).
const MIN_LISTED_HEADLINES: usize = 3;

/// Whether `trimmed`, a line that is no furniture by itself, has the shape of a headline in a
/// list of links: at most [`MAX_LINKED_HEADLINE_WORDS`] words, no period at its end, no colon
/// (which introduces what follows), and a start that is not a letter in lower case, a bullet or
/// a point's number ("1. ", "2) "): the shapes of a sentence wrapped onto the line and of a
/// list's points. A headline may start with a number ("14 August …", "5 things to know").
///
/// Pages end with lists of links to other stories, and not every list has a heading: three to six
/// other originals' headlines after counter-public's pages changed 51 to 64 of its verdicts, and
/// put another original first for up to half its copies (their headlines word for word). So such
/// lines at a text's end are furniture too ([`headlines_at_the_end`]). No text of the public
/// sets, original or case, ends so as written.
fn has_a_headlines_shape(trimmed: &str) -> bool {
    !trimmed.ends_with(':')
        && !trimmed.starts_with(['-', '•', '*', '–', '—', '·'])
        && !starts_with_a_points_number(trimmed)
        && may_be_a_linked_headline(trimmed)
}

/// Whether `trimmed` may be a headline under a heading of links: at most
/// [`MAX_LINKED_HEADLINE_WORDS`] words, no period at its end ([`ends_with_a_period`]), and no
/// lower-case letter at its start, where a sentence wrapped onto the line goes on.
pub(super) fn may_be_a_linked_headline(trimmed: &str) -> bool {
    !ends_with_a_period(trimmed)
        && !trimmed.starts_with(char::is_lowercase)
        && count_words(trimmed, MAX_LINKED_HEADLINE_WORDS + 1) <= MAX_LINKED_HEADLINE_WORDS
}

/// Where the site's name starts in `line`, a text's first line, when it follows the headline as
/// a browser's title has it: after a last " | ", at most [`MAX_SITE_NAME_WORDS`] words after a
/// headline of more words ("Russia accuses US of interference | News from Russia"). Copied with
/// the page's title, the name is words and names the original lacks: "| Westfälische Rundschau"
/// after wmt19's German translations' headlines changed 11 of its verdicts. (A dash sets names
/// apart from headlines too, but it also sets a headline's parts apart: "Brexit - what happens
/// next".)
pub(super) fn site_name_after_headline(line: &str) -> Option<usize> {
    let bar = line.rfind('|')?;
    // The bar between two spaces (a space byte is a whole char).
    let at = bar.checked_sub(1)?;
    if line.as_bytes()[at] != b' ' || line.as_bytes().get(bar + 1) != Some(&b' ') {
        return None;
    }
    let name = count_words(&line[bar + 2..], MAX_SITE_NAME_WORDS + 1);
    ((1..=MAX_SITE_NAME_WORDS).contains(&name) && count_words(&line[..at], name + 1) > name)
        .then_some(at)
}

/// Most words of a site's name after its headline ([`site_name_after_headline`]).
const MAX_SITE_NAME_WORDS: usize = 4;

/// Whether `trimmed` ends with a period, its closing quotation marks aside (German „…“ and »…«
/// too), as a paragraph does and a headline does not: a headline in a list of links may well end
/// with a question or an exclamation mark ("What is conscious hip hop?"), or with a quotation
/// (`Mayor: "We will rebuild"`), and a list cut there left the headlines after it as words of
/// the page.
fn ends_with_a_period(trimmed: &str) -> bool {
    trimmed.ends_with('.')
        || trimmed
            .trim_end_matches(['"', '”', '“', '»', '«', '’', '\'', ' '])
            .ends_with(['.', '۔', '。', '…'])
}

/// Whether `trimmed`, a line of furniture, heads a list of links: at most
/// [`MAX_LINK_HEADING_WORDS`] words starting with one of [`LINK_LIST_HEADINGS`] or
/// [`LINK_PREFIXES`].
pub(super) fn is_link_list_heading(trimmed: &str) -> bool {
    heads_links(
        &trimmed.to_ascii_lowercase(),
        count_words(trimmed, MAX_LINK_HEADING_WORDS + 1),
    )
}

/// [`is_link_list_heading`] of a line lower-cased as `lower`, of `words` words.
fn heads_links(lower: &str, words: usize) -> bool {
    words <= MAX_LINK_HEADING_WORDS
        && (starts_with_one_of(lower, &LINK_LIST_HEADING_PREFIXES)
            || starts_with_one_of(lower, &LINK_LINE_PREFIXES))
}

#[cfg(test)]
mod tests {
    use crate::text::furniture::{furniture_lines, furniture_of, long_paragraph, Foreign};

    #[test]
    fn headlines_listed_under_a_heading_of_links_are_furniture() {
        let text = "The bridge closes on Monday.\nRelated Articles\nFive things to know about the \
                    bridge\nWhy the council voted for the closure\nThe closure will last six \
                    weeks, officials said.\nA second line of the article";
        let lines = furniture_of(text, Foreign::None);
        assert_eq!(
            lines,
            [
                "Related Articles",
                "Five things to know about the bridge",
                "Why the council voted for the closure"
            ]
        );
    }

    #[test]
    fn lists_of_links_go_on_through_short_headlines_and_questions_in_any_language() {
        // A headline short enough to be furniture by its shape, and one ending with a question
        // mark, go on with the list; the paragraph after it (its period inside the quotation)
        // ends it.
        let text = "Related stories\nStudy History\nWhat is conscious hip hop?\nMayor: \"We will \
                    rebuild\"\n\"The bridge will reopen in spring,\" the mayor said.\nMayors of \
                    the region meet in Lyon\nA second line of the article";
        assert_eq!(
            furniture_of(text, Foreign::None),
            [
                "Related stories",
                "Study History",
                "What is conscious hip hop?",
                "Mayor: \"We will rebuild\""
            ]
        );
        // A line in lower case goes on with the sentence before it, and ends the list.
        let wrapped = "Dynamic programming\nSee also\nBayes' theorem\nand queries as sparse \
                       vectors, each item in the vector\nrepresents a keyword.";
        assert_eq!(
            furniture_of(wrapped, Foreign::None),
            ["Dynamic programming", "See also", "Bayes' theorem"]
        );
        for (heading, headline, lang) in [
            (
                "Mehr zum Thema",
                "Polizei sucht Zeugen nach Unfall in der Innenstadt",
                "de",
            ),
            (
                "Das könnte Sie auch interessieren",
                "Stadt plant neue Radwege",
                "de",
            ),
            (
                "Читайте также",
                "В Москве открылась новая станция метро",
                "ru",
            ),
            (
                "Похожие новости",
                "В Москве открылась новая станция метро",
                "ru",
            ),
            ("یہ بھی پڑھیں", "وزیراعظم کا دورہ چین مکمل", "ur"),
            ("متعلقہ خبریں", "وزیراعظم کا دورہ چین مکمل", "ur"),
            (
                "À lire aussi",
                "La ville prévoit de nouvelles pistes cyclables",
                "fr",
            ),
        ] {
            let text = format!("{headline}\n\n{heading}\n{headline}\n{headline}");
            let lines = furniture_of(&text, Foreign::None);
            assert_eq!(lines, [heading, headline, headline], "{lang}: {heading}");
        }
    }

    #[test]
    fn headlines_after_the_last_paragraph_are_furniture_without_a_heading() {
        let story = "Bridge closes for repairs\nThe bridge closes on Monday for six weeks, the \
                     council said.\n\n";
        let links = "Five things to know about the bridge\nWhy the council voted for it?\n14 \
                     August: the city's day of celebrations\n";
        // They and the furniture among and after them, as one range.
        let text = format!("{story}{links}Advertisement\n");
        let listed = format!("{links}Advertisement");
        assert_eq!(furniture_of(&text, Foreign::None), [listed.as_str()]);
        for text in [
            // Two lines are too few; a paragraph after them ends no list.
            "The bridge closes on Monday.\nFive things to know about it\nWhy the council voted \
             for it",
            &format!(
                "{}\nFive things to know about it\nWhy the council voted for it\nThe closure \
                 was approved in May\nIt will last six weeks.",
                long_paragraph()
            ),
            // A list of points after a colon, numbered or bulleted points.
            "Dynamic programming makes use of:\nOverlapping subproblems of one problem\nAn \
             optimal substructure of its solution\nMemoisation of the values found",
            "The steps are as follows.\n1. Generalise the structure of a solution\n2. Define the \
             value of a solution\n3) Compute the value of each",
            "The steps are as follows.\n- Generalise the structure of a solution\n- Define the \
             value of a solution\n- Compute the value of each",
            // A text of short lines only, with no paragraph before them.
            "Bridge closes for repairs\nFive things to know about it\nWhy the council voted for \
             it\nWhat comes next for the city",
        ] {
            assert!(furniture_of(text, Foreign::None).is_empty(), "{text}");
        }
    }

    #[test]
    fn headlines_between_the_headline_and_the_body_are_furniture_without_a_heading() {
        let headline = "Bridge closes for repairs\n";
        let links = [
            "Five things to know about the bridge\n",
            "Why the council voted for it?\n",
            "14 August: the city's day of celebrations\n",
        ];
        let body =
            "The bridge closes on Monday for six weeks, the council said.\nIt reopens in May.";
        // Each of them, the furniture among them aside.
        let text = format!(
            "{headline}{}Advertisement\n{}{body}",
            links[0],
            links[1..].concat()
        );
        let mut expected: Vec<&str> = links.iter().map(|l| l.trim_end()).collect();
        expected.insert(1, "Advertisement");
        assert_eq!(furniture_of(&text, Foreign::None), expected);
        for text in [
            // A deck of two lines, or lines of furniture, make no list.
            format!("{headline}Five things to know about the bridge\nWhy the council voted for it?\n{body}"),

            // Points after a headline ending with a colon; a text of short lines only.
            format!("What the council decided:\n{}{body}", links.concat()),
            format!("{headline}{}", links.concat()),
            // Such lines after a paragraph: a dialogue, the steps of a proof.
            format!("{headline}{body}\n{}The bridge opens again in May.", links.concat()),
            format!("{}\n{}{body}", long_paragraph(), links.concat()),
        ] {
            assert_eq!(furniture_of(&text, Foreign::None), [] as [&str; 0], "{text}");
        }
        let text = format!(
            "{headline}{}By John Smith\nAdvertisement\n{}{body}",
            links[0], links[1]
        );
        assert_eq!(
            furniture_of(&text, Foreign::None),
            ["By John Smith", "Advertisement"]
        );
        // A headline may end with a period; a paragraph may not stand before the list.
        let text = format!("Bridge closes for repairs.\n{}{body}", links.concat());
        assert_eq!(furniture_of(&text, Foreign::None).len(), links.len());
        // A paragraph wrapped at a fixed width, in a script without case.
        let urdu = crate::text::wrapped::wrap(crate::text::wrapped::tests::URDU, 60);
        let wrapped = format!("وزیر اعظم کا اجلاس\n{urdu}");
        assert_eq!(furniture_of(&wrapped, Foreign::None), [] as [&str; 0]);
    }

    #[test]
    fn a_sites_name_after_the_headline_is_furniture() {
        let text = "Russia complains of U.S. intervention | Russian news\nThe Kremlin said so.";
        let ranges = furniture_lines(text, Foreign::None);
        assert_eq!(ranges.len(), 1);
        assert_eq!(&text[ranges[0].clone()], " | Russian news\n");
        // A bar after a char of four bytes, or with no space before it, is no separator.
        for text in ["Headline of the day 𐬦| Site", "Headline of the day|Site"] {
            assert!(furniture_lines(text, Foreign::None).is_empty(), "{text}");
        }
        // Only on the first line, only after a longer headline, only after a bar.
        for text in [
            "Kremlin says it is ready for talks\nRussia complains of U.S. intervention | Russian \
             news",
            "Sport | Football results from the weekend\nThe league said so.",
            "Brexit talks resume in Brussels - Russian news\nThe talks resumed.",
        ] {
            assert!(furniture_lines(text, Foreign::None).is_empty(), "{text}");
        }
    }
}
