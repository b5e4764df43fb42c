//! The article of a saved web page, for `check` and `compare` given HTML instead of text.
//!
//! A newsroom or a researcher often has the page itself (a browser's "Save page as", a crawler's
//! output), not its article's text. Checked as text, its markup, scripts, menus and comments count
//! as words: the page looks less like its original than it is, and the passages shown are strings
//! of tags. So a page is read as the browser extension reads it (`extension/content.js`): the
//! article is found by Readability (the `dom_smoothie` port of Mozilla's algorithm), and its
//! headline and the text of each of its leaf blocks (paragraphs, headings, list items, quotations,
//! cells) are joined with blank lines between them, so that sentences of different blocks never
//! run together. A page Readability finds no article of (fewer than [`MIN_ARTICLE_WORDS`] words)
//! gives the text of every leaf block of its body instead.
//!
//! Readability walks each element's ancestors, so its time grows with the square of the page's
//! nesting: a hostile page of 10,000 nested elements takes seconds, 100,000 take hours. Real
//! pages nest a few dozen deep, so a page nested deeper than [`MAX_DEPTH`] (measured by
//! [`nesting_depth`], in one pass, before anything is parsed) is refused with a clear error, as
//! is one larger than [`MAX_HTML_BYTES`].

use std::fmt;

use dom_query::Document;
use dom_smoothie::{Config, Readability};

/// Largest page read, in bytes: saved news pages are well under this, scripts and styles
/// included, and reading one this large takes about a second.
pub const MAX_HTML_BYTES: usize = 16 << 20;

/// Deepest nesting of elements read (see the module's doc): the public web's news pages nest
/// some 20 to 60 deep.
pub const MAX_DEPTH: usize = 512;

/// Fewest words an article found by Readability must have to be taken (as in the extension);
/// below it, the page's blocks are read instead.
pub const MIN_ARTICLE_WORDS: usize = 40;

/// Elements whose text is a block of the article: a leaf one (holding none of the others) is one
/// paragraph of the text. The same list as the extension's.
const BLOCKS: &str = "h1,h2,h3,h4,h5,h6,p,li,blockquote,pre,figcaption,td";

/// Elements whose content is never text a reader sees.
const NOT_TEXT: &str = "script,style,noscript,template,svg,math,iframe,object";

/// The text read from a page.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Article {
    /// The headline and the blocks, separated by blank lines.
    pub text: String,
    /// The page's declared language (`<html lang>`), if any.
    pub lang: Option<String>,
    /// How the text was found.
    pub via: Via,
}

/// How an [`Article`]'s text was found.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Via {
    /// Readability found the article.
    Readability,
    /// Readability found none: every block of the page's body.
    PageText,
}

/// Why a page could not be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum HtmlError {
    /// The page is larger than [`MAX_HTML_BYTES`].
    TooLarge(usize),
    /// The page nests elements deeper than [`MAX_DEPTH`].
    TooDeep(usize),
}

impl fmt::Display for HtmlError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            HtmlError::TooLarge(n) => write!(
                f,
                "the page is {:.1} MB of HTML, more than the {} MB read; save the article's text \
                 and check that instead",
                *n as f64 / 1e6,
                MAX_HTML_BYTES >> 20
            ),
            HtmlError::TooDeep(d) => write!(
                f,
                "the page nests its elements {d} deep (at most {MAX_DEPTH} are read, real pages \
                 nest a few dozen); save the article's text and check that instead"
            ),
        }
    }
}

/// Whether `text` is an HTML document rather than an article's text: it starts (after a byte
/// order mark, white space and comments) with a doctype or an `<html>`, `<head>`, `<body>` or
/// `<meta>` tag, or with an XML declaration followed by one of those. An article's text that
/// quotes markup further in is still text.
pub fn looks_like_html(text: &str) -> bool {
    let mut rest = text.trim_start_matches('\u{feff}').trim_start();
    // Leading comments and an XML declaration (XHTML) come before the first tag.
    loop {
        if let Some(after) = rest.strip_prefix("<!--") {
            match after.find("-->") {
                Some(end) => rest = after[end + 3..].trim_start(),
                None => return false,
            }
        } else if rest.starts_with("<?xml") {
            match rest.find("?>") {
                Some(end) => rest = rest[end + 2..].trim_start(),
                None => return false,
            }
        } else {
            break;
        }
    }
    let head: String = rest
        .chars()
        .take(16)
        .collect::<String>()
        .to_ascii_lowercase();
    ["<!doctype html", "<html", "<head", "<body", "<meta"]
        .iter()
        .any(|tag| {
            head.strip_prefix(tag).is_some_and(|after| {
                after.is_empty() || after.starts_with(|c: char| c == '>' || c.is_whitespace())
            })
        })
}

/// The text of a page saved in another charset than UTF-8, decoded from the charset its first
/// kilobyte declares (`<meta charset="…">` or `<meta http-equiv="Content-Type"
/// content="text/html; charset=…">`), as a browser decodes it; `None` if it declares none that
/// is known, or is not a page.
pub fn decode(bytes: &[u8]) -> Option<String> {
    let head = String::from_utf8_lossy(&bytes[..bytes.len().min(1024)]);
    if !looks_like_html(&head) {
        return None;
    }
    let lower = head.to_ascii_lowercase();
    let at = lower.find("charset=")? + "charset=".len();
    let label: String = lower[at..]
        .trim_start_matches(['"', '\'', ' '])
        .chars()
        .take_while(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.' | ':'))
        .collect();
    let encoding = encoding_rs::Encoding::for_label(label.as_bytes())?;
    // Where the page is in a charset UTF-8 text would be read in, it is not that charset.
    if encoding == encoding_rs::UTF_8 {
        return None;
    }
    let (text, _, _) = encoding.decode(bytes);
    Some(text.into_owned())
}

/// Elements that never hold others (HTML's void elements), or whose end tags may be left out and
/// are implied by the next sibling (a `<p>` or `<li>` left open does not nest the next one).
const NOT_NESTING: &[&str] = &[
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track",
    "wbr", "p", "li", "dt", "dd", "tr", "td", "th", "option", "optgroup", "thead", "tbody",
    "tfoot", "colgroup", "caption", "rb", "rt", "rp", "html", "head", "body", "param", "keygen",
];

/// The deepest nesting of elements in `html`, from its tags alone, in one pass: every start tag
/// opens a level and every end tag closes one, but for the elements of [`NOT_NESTING`], self-closed
/// tags (`<x/>`), comments, doctypes, and the content of scripts, styles and other raw-text
/// elements. An approximation of the parsed tree's depth, high for pages that leave nesting
/// elements open, which a parser leaves open too.
pub fn nesting_depth(html: &str) -> usize {
    let bytes = html.as_bytes();
    let (mut depth, mut deepest, mut i) = (0usize, 0usize, 0usize);
    while let Some(lt) = memchr::memchr(b'<', &bytes[i..]) {
        i += lt + 1;
        let rest = &bytes[i..];
        if rest.starts_with(b"!--") {
            i += memchr::memmem::find(rest, b"-->").map_or(rest.len(), |e| e + 3);
            continue;
        }
        let closing = rest.first() == Some(&b'/');
        let name_start = i + usize::from(closing);
        let name_len = bytes[name_start..]
            .iter()
            .take_while(|b| b.is_ascii_alphanumeric() || **b == b'-' || **b == b':')
            .count();
        if name_len == 0 {
            continue; // "<" in text, "<!doctype", "<?xml"
        }
        let name = html[name_start..name_start + name_len].to_ascii_lowercase();
        let end =
            memchr::memchr(b'>', &bytes[name_start..]).map_or(bytes.len(), |e| name_start + e);
        let self_closed = end > 0 && bytes.get(end - 1) == Some(&b'/');
        i = (end + 1).min(bytes.len());
        if NOT_NESTING.contains(&name.as_str()) || self_closed {
            continue;
        }
        if closing {
            depth = depth.saturating_sub(1);
            continue;
        }
        depth += 1;
        deepest = deepest.max(depth);
        // The content of raw-text elements is not markup: skip to their end tag.
        if matches!(
            name.as_str(),
            "script" | "style" | "textarea" | "title" | "xmp" | "noscript"
        ) {
            let rest = &bytes[i..];
            i += provenance::text::markup::end_tag(rest, &name).unwrap_or(rest.len());
        }
    }
    deepest
}

/// The article of the page `html` (see the module's doc).
pub fn extract(html: &str) -> Result<Article, HtmlError> {
    if html.len() > MAX_HTML_BYTES {
        return Err(HtmlError::TooLarge(html.len()));
    }
    let depth = nesting_depth(html);
    if depth > MAX_DEPTH {
        return Err(HtmlError::TooDeep(depth));
    }
    let config = Config {
        // The size is bounded above; Readability's own limit counts elements, which a long
        // honest page can have many of.
        max_elements_to_parse: 0,
        ..Config::default()
    };
    let parsed = Readability::new(html, None, Some(config))
        .ok()
        .and_then(|mut r| r.parse().ok());
    if let Some(article) = parsed {
        let body = block_text(&Document::from(article.content.as_ref()));
        if body.split_whitespace().count() >= MIN_ARTICLE_WORDS {
            let title = article.title.trim();
            return Ok(Article {
                text: if title.is_empty() {
                    body
                } else {
                    format!("{title}\n\n{body}")
                },
                // Readability's metadata holds the `<html lang>`.
                lang: declared(article.lang.as_deref()),
                via: Via::Readability,
            });
        }
    }
    let doc = Document::from(html);
    let lang = declared(doc.select("html").attr("lang").as_deref());
    Ok(Article {
        text: block_text(&doc),
        lang,
        via: Via::PageText,
    })
}

/// The text of every leaf block of `doc` (see [`BLOCKS`]), each with its white space collapsed,
/// separated by blank lines; the whole text of its body if it has no blocks.
fn block_text(doc: &Document) -> String {
    doc.select(NOT_TEXT).remove();
    let collapse = |s: &str| s.split_whitespace().collect::<Vec<_>>().join(" ");
    let blocks: Vec<String> = doc
        .select(BLOCKS)
        .iter()
        .filter(|b| b.select(BLOCKS).is_empty())
        .map(|b| collapse(&b.text()))
        .filter(|t| !t.is_empty())
        .collect();
    if blocks.is_empty() {
        collapse(&doc.select("body").text())
    } else {
        blocks.join("\n\n")
    }
}

/// A page's declared language (its `<html lang>`), if it is not blank.
fn declared(lang: Option<&str>) -> Option<String> {
    let lang = lang?.trim();
    (!lang.is_empty()).then(|| lang.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn page(body: &str) -> String {
        format!(
            "<!DOCTYPE html><html lang=\"en-GB\"><head><meta charset=\"utf-8\"><title>Bridge \
             shut | Courier</title><script>var words = 'tracking pixel analytics';</script>\
             <style>p {{ color: red }}</style></head><body><nav><a href=\"/\">Home</a> · \
             <a href=\"/news\">News</a></nav>{body}<footer>© Courier Media · Privacy</footer>\
             </body></html>"
        )
    }

    #[test]
    fn tells_pages_from_texts() {
        for html in [
            "<!DOCTYPE html><html>",
            "\u{feff}  <!doctype HTML>\n<html lang=en>",
            "<html><body>x</body></html>",
            "<!-- saved from url=(0042)https://example.org/ -->\n<html>",
            "<?xml version=\"1.0\"?>\n<!DOCTYPE html PUBLIC \"-//W3C//DTD XHTML 1.0//EN\">",
            "<meta charset=\"utf-8\"><p>hello</p>",
            "<HEAD><TITLE>x</TITLE></HEAD>",
        ] {
            assert!(looks_like_html(html), "{html:?}");
        }
        for text in [
            "",
            "Bridge shut for six weeks as rust eats cables",
            "The tag <html> opens every page, the council's web team said.",
            "<htmlx> is not a tag",
            "<!-- an unclosed comment",
            "<headline> Bridge shut",
        ] {
            assert!(!looks_like_html(text), "{text:?}");
        }
    }

    #[test]
    fn decodes_pages_in_their_declared_charset() {
        // "Кремль" in windows-1251, and "خبر" in windows-1256.
        let cyrillic = [
            b"<!DOCTYPE html><html><head><meta charset=\"windows-1251\"></head><body><p>"
                .as_slice(),
            &[0xCA, 0xF0, 0xE5, 0xEC, 0xEB, 0xFC],
            b"</p></body></html>",
        ]
        .concat();
        assert!(decode(&cyrillic).unwrap().contains("<p>Кремль</p>"));
        let arabic = [
            b"<html><head><META HTTP-EQUIV=\"Content-Type\" CONTENT=\"text/html; charset=windows-1256\">".as_slice(),
            b"</head><body><p>",
            &[0xCE, 0xC8, 0xD1],
            b"</p></body></html>",
        ]
        .concat();
        assert!(decode(&arabic).unwrap().contains("<p>خبر</p>"));
        // No charset, an unknown one, UTF-8 declared (and broken), or not a page: nothing decoded.
        for bytes in [
            b"<html><body>\xff</body></html>".as_slice(),
            b"<html><meta charset=klingon>\xff",
            b"<html><meta charset=utf-8>\xff",
            b"plain text charset=windows-1251 \xff",
        ] {
            assert_eq!(decode(bytes), None, "{}", String::from_utf8_lossy(bytes));
        }
    }

    #[test]
    fn measures_nesting_from_tags() {
        assert_eq!(nesting_depth("<div><div><span>x</span></div></div>"), 3);
        // Void elements, open paragraphs and list items, and self-closed tags nest nothing.
        assert_eq!(
            nesting_depth("<div><p>a<p>b<br><img src=x><li>c<li>d<x-icon/></div>"),
            1
        );
        // Markup in scripts, styles and comments is not counted.
        assert_eq!(
            nesting_depth(
                "<div><script>let s = '<div><div><div>';</script><!-- <div><div> --></div>"
            ),
            2
        );
        let deep = format!("{}x{}", "<div>".repeat(1000), "</div>".repeat(1000));
        assert_eq!(nesting_depth(&deep), 1000);
        // Unclosed tags and a lone "<" neither panic nor loop.
        assert!(nesting_depth("<div <span a<b 1 < 2 <") <= 2);
        assert_eq!(nesting_depth("<!--"), 0);
    }

    #[test]
    fn reads_the_article_not_the_page_around_it() {
        let para = "Engineers found badly corroded support cables during a routine inspection \
                    of the harbour bridge, and the city's transport department closed it to all \
                    traffic for six weeks from Monday while the cables are replaced.";
        let html = page(&format!(
            "<main><article><h1>Bridge shut for six weeks</h1><p>{para}</p><p>About 41,000 \
             vehicles cross the 1962 suspension bridge every day, and the closure is expected \
             to add up to forty minutes to commutes.</p></article><aside><ul><li>Ten recipes \
             for dinner</li></ul></aside></main>"
        ));
        let a = extract(&html).unwrap();
        assert_eq!(a.via, Via::Readability);
        assert_eq!(a.lang.as_deref(), Some("en-GB"));
        assert!(a.text.contains(para), "{}", a.text);
        assert!(a.text.contains("\n\nAbout 41,000 vehicles"), "{}", a.text);
        for furniture in ["tracking", "color", "Home", "Privacy", "recipes", "<"] {
            assert!(!a.text.contains(furniture), "{furniture}: {}", a.text);
        }
    }

    #[test]
    fn a_page_without_an_article_gives_its_blocks() {
        let a = extract(&page(
            "<div><p>Opening hours</p><p>Monday to Friday</p></div>",
        ))
        .unwrap();
        assert_eq!(a.via, Via::PageText);
        assert!(
            a.text.contains("Opening hours\n\nMonday to Friday"),
            "{}",
            a.text
        );
        assert!(!a.text.contains("tracking"), "{}", a.text);
        let bare = extract("<html><body>just words</body></html>").unwrap();
        assert_eq!((bare.text.as_str(), bare.lang), ("just words", None));
    }

    #[test]
    fn hostile_pages_are_refused_quickly() {
        let deep = format!(
            "<html><body>{}words{}</body></html>",
            "<div>".repeat(100_000),
            "</div>".repeat(100_000)
        );
        // Refused before Readability sees it (which would take hours).
        assert_eq!(extract(&deep), Err(HtmlError::TooDeep(100_000)));
        assert!(extract(&deep)
            .unwrap_err()
            .to_string()
            .contains("100000 deep"));
        let huge = "x".repeat(MAX_HTML_BYTES + 1);
        assert_eq!(extract(&huge), Err(HtmlError::TooLarge(MAX_HTML_BYTES + 1)));
    }
}
