//! Photo captions: the caption under a label on a line of its own ("Image caption"), and a
//! caption with the photo's credit after it ("… (AFP Photo/Jane Doe)", "… Foto: dpa"). A caption
//! describes a picture, whose names and dates the original may not have.

use super::prefixes::is_one_of;
use super::SENTENCE_ENDS;
use crate::text::word_count::count_words;

/// Labels a page sets on a line of their own above a photo's caption ("Image caption", as BBC
/// pages copied from a browser have them): the caption that follows, at most
/// [`MAX_CAPTION_WORDS`] words, is furniture too. Its names and dates are the photo's, which the
/// original may not have: "Image caption" above "The scene on Monday morning" under each of
/// wmt19's English translations changed 15 of their verdicts, "Monday" an anchor their originals
/// lack.
const CAPTION_LABELS: &[&str] = &["image caption", "media caption", "caption", "photo caption"];

/// Whether `line` (trimmed) is a caption label alone ([`CAPTION_LABELS`]), with or without a
/// colon.
pub(super) fn is_caption_label(line: &str) -> bool {
    let label = line.strip_suffix(':').unwrap_or(line).trim_end();
    label.len() <= 16 && is_one_of(CAPTION_LABELS, label)
}

/// Whether `lower` ends with a photo credit, as a photo caption of at most [`MAX_CAPTION_WORDS`]
/// words does: parenthesised ("A view of the harbour. (AFP Photo/Jane Doe)", "… (Image: Getty)"),
/// or after the caption's last sentence ("Polizisten am Unfallort. Foto: dpa", "… Фото: РИА
/// Новости", "… ۔ فوٹو: اے پی پی"). A caption describes a picture in the page's own words or
/// its agency's; either way it is not the article.
pub(super) fn is_captioned(lower: &str) -> bool {
    if let Some(open) = lower.strip_suffix(')').and_then(|l| l.rfind('(')) {
        let credit = &lower[open..];
        return ["photo", "image", "picture", "getty", "pic:"]
            .iter()
            .any(|w| credit.contains(w));
    }
    // The label before the last colon, the caption's sentence before the label, and a credit of
    // a few words after it.
    let Some(colon) = memchr::memrchr(b':', lower.as_bytes()) else {
        return false;
    };
    let label_start = lower[..colon].rfind(' ').map_or(0, |i| i + 1);
    let caption = lower[..label_start].trim_end();
    !caption.is_empty()
        && caption.ends_with(SENTENCE_ENDS)
        && CREDIT_LABELS.contains(&&lower[label_start..colon])
        && count_words(&lower[colon + 1..], MAX_CREDIT_WORDS + 1) <= MAX_CREDIT_WORDS
}

/// Labels of a photo credit after its caption, lower-cased as [`is_captioned`] reads them
/// (Russian both ways).
const CREDIT_LABELS: &[&str] = &[
    "photo",
    "foto",
    "bild",
    "image",
    "picture",
    "фото",
    "Фото",
    "فوٹو",
    "تصویر",
];

/// Most words of a photo credit after its caption ("Reuters/John Smith", "РИА Новости").
const MAX_CREDIT_WORDS: usize = 5;

/// Longest photo caption, in words.
pub(super) const MAX_CAPTION_WORDS: usize = 30;

#[cfg(test)]
mod tests {
    use crate::text::furniture::{furniture_of, Foreign};

    #[test]
    fn a_caption_under_its_label_and_syndication_notes_are_furniture() {
        let text = "Four people were injured in the crash on Sunday, the police said.\n\
                    Image caption\n\
                    \n\
                    The scene on Monday morning\n\
                    Image copyright Getty Images\n\
                    The driver was taken to hospital in Tessaly.\n\
                    This article was originally published by The Conversation.\n";
        let lines = furniture_of(text, Foreign::None);
        assert_eq!(
            lines,
            [
                "Image caption",
                "The scene on Monday morning",
                "Image copyright Getty Images",
                "This article was originally published by The Conversation."
            ]
        );
    }
}
