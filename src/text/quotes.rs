//! Quotations: the words a speaker said, which every outlet reporting the event repeats.
//!
//! Two honest reports of the same press conference share the spokesman's quotes word for word; that
//! is reporting, not copying. The engine therefore leaves quoted speech out of the evidence that a
//! page derives from an original (it still shows up in highlighted passages of real copies).
//! Recognised pairs: “…”, "…", «…», „…“, ‘…’, 「…」, 『…』. A quotation ends at its closing mark or
//! at the end of the paragraph (news style leaves multi-paragraph quotes open), and a quoted span of
//! four words or fewer is a term or a scare quote ("Demonstration Alert"), part of the narrative.

use std::ops::Range;

/// Quotations shorter than this many words are treated as narrative.
const MIN_QUOTE_WORDS: usize = 5;

/// Byte ranges of the quotations in `text`, including their quote marks.
pub fn quotation_spans(text: &str) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut open: Option<(usize, char)> = None;
    // Every quote mark is '"' or a character whose UTF-8 form starts with 0xc2 (« »), 0xe2 (“ ” „
    // ‘ ’) or 0xe3 (「 」 『 』); those bytes and line ends are all the scan has to look at.
    for (i, &b) in text.as_bytes().iter().enumerate() {
        if !matches!(b, b'"' | b'\n' | 0xc2 | 0xe2 | 0xe3) {
            continue;
        }
        // `i` is a char boundary: the byte is ASCII or a lead byte.
        let Some(c) = text[i..].chars().next() else {
            continue;
        };
        match open {
            None => {
                let closer = match c {
                    '“' => Some('”'),
                    '"' => Some('"'),
                    '«' => Some('»'),
                    '„' => Some('“'),
                    '「' => Some('」'),
                    '『' => Some('』'),
                    '‘' if !text[..i]
                        .chars()
                        .next_back()
                        .is_some_and(char::is_alphanumeric) =>
                    {
                        Some('’')
                    }
                    _ => None,
                };
                if let Some(cl) = closer {
                    open = Some((i, cl));
                }
            }
            Some((start, closer)) => {
                let end = i + c.len_utf8();
                let closes = c == closer
                    || (closer == '”' && c == '"')
                    || (closer == '"' && c == '”')
                    || (closer == '“' && c == '”');
                // An apostrophe inside a word ("don’t") does not close a single quote.
                let single_ok = closer != '’'
                    || !text[end..]
                        .chars()
                        .next()
                        .is_some_and(char::is_alphanumeric);
                if (closes && single_ok) || c == '\n' {
                    let end = if c == '\n' { i } else { end };
                    push_if_long(text, start..end, &mut out);
                    open = None;
                }
            }
        }
    }
    if let Some((start, _)) = open {
        push_if_long(text, start..text.len(), &mut out);
    }
    out
}

fn push_if_long(text: &str, span: Range<usize>, out: &mut Vec<Range<usize>>) {
    if text[span.clone()].split_whitespace().count() >= MIN_QUOTE_WORDS {
        out.push(span);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn quoted(text: &str) -> Vec<&str> {
        quotation_spans(text)
            .into_iter()
            .map(|r| &text[r])
            .collect()
    }

    #[test]
    fn finds_curly_and_straight_quotes() {
        let t = "“Of course, these posts are inappropriate,” Peskov said. He added: \"we are open to a dialogue with them\".";
        assert_eq!(
            quoted(t),
            vec![
                "“Of course, these posts are inappropriate,”",
                "\"we are open to a dialogue with them\""
            ]
        );
    }

    #[test]
    fn short_quotes_are_narrative() {
        assert!(quoted("The embassy issued a “Demonstration Alert” on Friday.").is_empty());
    }

    #[test]
    fn apostrophes_do_not_open_or_close() {
        let t = "Navalny’s team said ‘we will keep on protesting every single weekend’ on Sunday.";
        assert_eq!(
            quoted(t),
            vec!["‘we will keep on protesting every single weekend’"]
        );
    }

    #[test]
    fn quote_ends_at_paragraph() {
        let t = "«Nous sommes prêts au dialogue avec Washington\nLe Kremlin a dit.";
        assert_eq!(
            quoted(t),
            vec!["«Nous sommes prêts au dialogue avec Washington"]
        );
    }

    #[test]
    fn guillemets_and_low_quotes() {
        let t = "Er sagte: „Wir sind zu einem Dialog bereit, sagte er“ und ging.";
        assert_eq!(quoted(t).len(), 1);
    }
}
