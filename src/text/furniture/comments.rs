//! Readers' comments under an article: the heading that starts them ("23 Comments", "Комментарии
//! (7)", "3 thoughts on “…”"), after which every line is furniture.

use super::prefixes::is_one_of;

/// Whether `trimmed`, a line, runs on into the next: it ends with a word or a comma, as a line of
/// text wrapped at a fixed width does ("… сотни\nкомментариев\n…", hundreds of comments).
pub(super) fn runs_on(trimmed: &str) -> bool {
    trimmed.ends_with(|c: char| c.is_alphanumeric() || matches!(c, ',' | '،'))
}

/// Headings of a page's readers' comments, in lower case (Russian both ways, as ASCII lower-casing
/// leaves it), in the public sets' languages and their neighbours: a line that is one of these,
/// with or without a count ("12 comments", "Комментарии (5)"), after an article, starts the
/// comments, and every line from it on is furniture ([`is_comments_heading`]).
const COMMENTS_HEADINGS: &[&str] = &[
    "comments",
    "reader comments",
    "readers' comments",
    "readers’ comments",
    "show comments",
    "view comments",
    "kommentare",
    "leserkommentare",
    "комментарии",
    "Комментарии",
    "комментариев",
    "Комментариев",
    "комментария",
    "Комментария",
    "commentaires",
    "comentarios",
    "تبصرے",
    "کمنٹس",
];

/// Fewest bytes of an article's lines (its furniture aside) before the heading of its readers'
/// comments ([`is_comments_heading`]), about 35 words of English and 20 of Urdu: a heading of
/// comments before them is a line of the article's own.
pub(super) const MIN_ARTICLE_BYTES_BEFORE_COMMENTS: usize = 200;

/// The words after a count that head a blog's comments, before the post's title in quotation
/// marks ("3 thoughts on “Bridge closes”", "5 responses to “…”"), in lower case.
const COUNTED_COMMENTS: &[&str] = &[
    "thoughts on ",
    "responses to ",
    "replies to ",
    "comments on ",
];

/// Longest line, in bytes, that may head readers' comments ([`is_comments_heading`]): a count, a
/// few words and a post's title.
const MAX_COMMENTS_HEADING_BYTES: usize = 300;

/// Longest line, in bytes, that may head readers' comments without a count first: one of
/// [`COMMENTS_HEADINGS`] (at most 24 bytes) and a count after it.
const MAX_UNCOUNTED_HEADING_BYTES: usize = 40;

/// Whether `trimmed` heads a page's readers' comments: one of [`COMMENTS_HEADINGS`] with or
/// without a count, or a count and one of [`COUNTED_COMMENTS`]. What readers write under an
/// article is words, names and numbers its original lacks, written in the page's language and
/// as freely as any text (three comments under a heading after wmt19's translations changed 14
/// of its 460 verdicts); the heading is what tells them from the article. ("Comment" alone is
/// also a paper's section of opinion, named in its menus.)
pub(super) fn is_comments_heading(trimmed: &str) -> bool {
    let counted = trimmed.starts_with(|c: char| c.is_ascii_digit());
    let longest = if counted {
        MAX_COMMENTS_HEADING_BYTES
    } else {
        MAX_UNCOUNTED_HEADING_BYTES
    };
    if trimmed.len() > longest {
        return false;
    }
    // Russian headings are listed in both cases of their first letter, as a heading writes them.
    let heading = trimmed
        .trim_matches(|c: char| c.is_ascii_digit() || c.is_whitespace() || "()[]:".contains(c));
    if is_one_of(COMMENTS_HEADINGS, heading) {
        return true;
    }
    let rest = trimmed.trim_start_matches(|c: char| c.is_ascii_digit());
    // The post's title follows in quotation marks: "3 thoughts on the bridge" is a sentence.
    counted
        && rest.strip_prefix(' ').is_some_and(|r| {
            COUNTED_COMMENTS.iter().any(|p| {
                r.get(..p.len())
                    .is_some_and(|words| words.eq_ignore_ascii_case(p))
                    && r[p.len()..].starts_with(['“', '"', '«', '„', '‘', '\''])
            })
        })
}

#[cfg(test)]
mod tests {
    use crate::text::furniture::{furniture_of, long_paragraph, Foreign};

    #[test]
    fn readers_comments_after_their_heading_are_furniture() {
        let article = format!(
            "Bridge closes for repairs\n{}\n",
            long_paragraph().repeat(3)
        );
        let comments = "John Miller: Who allowed this to happen in the first place?\nReply\n";
        for heading in [
            "23 Comments",
            "Comments (4)",
            "Kommentare",
            "Комментарии (7)",
            "5 комментариев",
            "تبصرے",
            "3 thoughts on “Bridge closes for repairs”",
        ] {
            let text = format!("{article}\n{heading}\n{comments}");
            let lines = furniture_of(&text, Foreign::None);
            assert_eq!(
                lines,
                [format!("{heading}\n{comments}").trim_end()],
                "{heading}"
            );
        }
        // A word of a sentence wrapped onto a line of its own starts no comments.
        let text = format!("{article}The video drew hundreds of\nкомментариев\nfrom viewers.\n");
        assert!(!furniture_of(&text, Foreign::None)
            .iter()
            .any(|l| l.contains("viewers")));
        // The heading alone, with no article of 200 bytes before it; lines that only start as a
        // heading does, or name comments in a sentence.
        let text = format!("Bridge closes for repairs\nComments\n{}", long_paragraph());
        assert_eq!(furniture_of(&text, Foreign::None), ["Comments"]);
        for line in [
            "Comments from the mayor",
            "3 thoughts on the bridge, from its engineers",
            "The council received 23 comments on the plan.",
        ] {
            let text = format!("{article}{line}\n{}", long_paragraph());
            assert!(
                !furniture_of(&text, Foreign::None)
                    .iter()
                    .any(|l| l.contains("council said")),
                "{line}"
            );
        }
    }
}
