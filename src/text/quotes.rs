//! Quotations: the words a speaker said, which every outlet reporting the event repeats.
//!
//! Two honest reports of the same press conference share the spokesman's quotes word for word; that
//! is reporting, not copying. The engine therefore leaves quoted speech out of the evidence that a
//! page derives from an original (it still shows up in highlighted passages of real copies).
//! Recognised pairs: “…”, "…", «…», »…«, „…“, ‘…’, 「…」, 『…』, and before Arabic-script text the
//! mirrored ’’…‘‘, ’…‘ and ”…“ that Urdu papers set. A quotation ends at its closing mark or at the
//! end of the paragraph (news style leaves multi-paragraph quotes open; one left open for more than
//! sixty words ran on past its paragraph, whose line break was lost, and is taken up to its first
//! sentence's end, or was a stray mark if no sentence ends in it), and a quoted span of four words
//! or fewer is a term or a scare quote ("Demonstration Alert"), part of the narrative. Straight
//! quotes open or close by their spacing, and a mark that opens a quotation of the kind already
//! open starts it anew, so that one stray mark does not turn the quotations after it into
//! narrative (see `visit`); the one given up keeps its first sentence if a sentence ended before
//! the new mark (`push_first_sentence`).

use std::ops::Range;

use super::word_count::count_words;

/// Quotations shorter than this many words are treated as narrative.
const MIN_QUOTE_WORDS: usize = 5;

/// Most words a quotation left open by its paragraph's end may hold to be taken whole
/// ([`push_if_left_open`]); a longer one is taken up to its first sentence's end.
const MAX_OPEN_QUOTE_WORDS: usize = 60;

/// Byte ranges of the quotations in `text`, including their quote marks.
pub fn quotation_spans(text: &str) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut open: Option<(usize, char)> = None;
    // Blocks of 16 bytes without a byte the scan looks at, most of a text, are passed over whole;
    // in the others, the bytes looked at are found by a mask of them. The test for any comes first
    // on its own: it compiles to a few vector instructions, the mask does not (making the mask of
    // every block and skipping the empty ones took four times as long over the bench's texts).
    for (k, block) in text.as_bytes().chunks(16).enumerate() {
        if !block.iter().fold(false, |any, &b| any | looked_at(b)) {
            continue;
        }
        let mut marks = block
            .iter()
            .enumerate()
            .fold(0u32, |m, (j, &b)| m | u32::from(looked_at(b)) << j);
        while marks != 0 {
            let j = marks.trailing_zeros() as usize;
            marks &= marks - 1;
            visit(text, k * 16 + j, &mut open, &mut out);
        }
    }
    if let Some((start, _)) = open {
        push_if_left_open(text, start..text.len(), &mut out);
    }
    out
}

/// Whether the scan looks at byte `b`: every quote mark is '"' or a character whose UTF-8 form
/// starts with 0xc2 (« »), 0xe2 (“ ” „ ‘ ’) or 0xe3 (「 」 『 』), and a line end closes a quotation.
#[inline]
fn looked_at(b: u8) -> bool {
    matches!(b, b'"' | b'\n' | 0xc2 | 0xe2 | 0xe3)
}

/// Takes the character at byte `i` (a quote mark or a line end, so a char boundary) into account:
/// it may open a quotation (`open`: where the open one starts and the mark that closes it) or end
/// the open one, which is then added to `out` if it is long enough.
///
/// A mark that opens a quotation of the kind already open, where it cannot close it, starts the
/// quotation anew: the open one's mark was stray, its closing mark never set. Straight quotes
/// are told apart by their spacing: one with a space (or nothing) before it and a word after it
/// opens, one followed by a space or a punctuation mark does not. Read by their count alone, one
/// stray straight quote ("the champions "3-1 win over Napoli.", in a machine translation) turned
/// every quotation after it into narrative and the narrative between them into quotations, once
/// the text's lines were joined; such a page was found in its original at 0.06 instead of 0.99.
fn visit(text: &str, i: usize, open: &mut Option<(usize, char)>, out: &mut Vec<Range<usize>>) {
    let Some(c) = text[i..].chars().next() else {
        return;
    };
    if c == '\n' {
        if let Some((start, _)) = open.take() {
            push_if_left_open(text, start..i, out);
        }
        return;
    }
    let Some((start, closer)) = *open else {
        *open = opening(text, i, c).map(|closer| (i, closer));
        return;
    };
    let end = i + c.len_utf8();
    let closes = c == closer
        || (closer == '”' && c == '"')
        || (closer == '"' && c == '”')
        || (closer == '“' && matches!(c, '”' | '"'));
    // An apostrophe inside a word ("don’t") does not close a single quote.
    let single_ok = closer != '’'
        || !text[end..]
            .chars()
            .next()
            .is_some_and(char::is_alphanumeric);
    let straight_opening = c == '"' && straight_opens(text, i);
    // The open quotation's own opening mark again, not before a word: a closing mark typed with
    // the opening one's glyph ("… antreten wollen? „", in a machine translation).
    let reopened = text[start..].starts_with(c) && !text[..i].ends_with(c);
    let closes = closes || (reopened && c != '"' && !word_follows(text, end));
    if closes && single_ok && !straight_opening {
        // A doubled closing mark (‘‘ or ’’) ends the quotation after both.
        let end = match c {
            '‘' | '’' if text[end..].starts_with(c) => end + c.len_utf8(),
            _ => end,
        };
        push_if_long(text, start..end, out);
        *open = None;
    } else if reopened && (c != '"' || straight_opening) {
        // (Marks of another kind inside a quotation are quoted within it, and the second mark of
        // a doubled one, ’’, is the same mark.)
        if let Some(closer) = opening(text, i, c) {
            push_first_sentence(text, start..i, out);
            *open = Some((i, closer));
        }
    }
}

/// The mark that closes a quotation opened by the mark `c` at byte `i` of `text`, if `c` opens
/// one there.
fn opening(text: &str, i: usize, c: char) -> Option<char> {
    match c {
        // Before Arabic-script text, curly quotes are mirrored (below).
        '“' | '‘' | '”' | '’' if arabic_script_follows(text, i) => {
            mirrored_closer(text, i, c)
        }
        '“' => Some('”'),
        // A straight quote followed by a space or a punctuation mark closes, not opens.
        '"' => word_follows(text, i + 1).then_some('"'),
        '«' => Some('»'),
        // German and Danish »…«: » before a word opens (in French and Russian « … » it closes,
        // before a space or a punctuation mark).
        '»' if text[i + c.len_utf8()..]
            .chars()
            .next()
            .is_some_and(char::is_alphabetic) =>
        {
            Some('«')
        }
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
    }
}

/// Whether a word starts at byte `at` of `text`: neither white space, a closing punctuation mark
/// nor the end.
fn word_follows(text: &str, at: usize) -> bool {
    text[at..]
        .chars()
        .next()
        .is_some_and(|n| !n.is_whitespace() && !is_closing_punctuation(n))
}

/// Whether the straight quote at byte `i` of `text` opens a quotation by its spacing: nothing,
/// a space or an opening bracket or dash before it, and a word after it.
fn straight_opens(text: &str, i: usize) -> bool {
    let before = text[..i].chars().next_back();
    before.is_none_or(|b| b.is_whitespace() || matches!(b, '(' | '[' | '—' | '–'))
        && word_follows(text, i + 1)
}

/// Punctuation that follows a closing quotation mark rather than begins a quotation.
fn is_closing_punctuation(c: char) -> bool {
    matches!(
        c,
        ',' | '.' | ';' | ':' | '!' | '?' | ')' | ']' | '…' | '،' | '۔'
    )
}

/// Whether the first letter after the quote mark at byte `i` (past further quote marks and
/// spaces on its line) is of the Arabic script (Urdu, Arabic, Persian …), written right to left.
/// (Hebrew, the other, is read as before: no Hebrew text has shown how its papers set the marks.)
fn arabic_script_follows(text: &str, i: usize) -> bool {
    text[i..]
        .chars()
        .take(8)
        .find(|&c| !matches!(c, '“' | '”' | '‘' | '’') && !is_line_space(c))
        .is_some_and(|c| {
            matches!(c as u32,
                0x0600..=0x08ff | 0xfb50..=0xfdff | 0xfe70..=0xfeff)
                && c.is_alphabetic()
        })
}

/// Whether `c` is white space within a line.
fn is_line_space(c: char) -> bool {
    c.is_whitespace() && c != '\n' && c != '\r'
}

/// The mark that closes a quotation opened by the curly quote `c` at byte `i` before
/// Arabic-script text, if `c` opens one there.
///
/// Urdu papers set curly quotes mirrored, as the marks look in a right-to-left line: a quotation
/// opens with ’’, ’ or ” and closes with ‘‘, ‘ or “, and a lone ‘ or ’ between a word and a space
/// often stands for a comma ("84 رنز بنا سکی ‘ پاکستان", "ایجنڈا مسترد’ عمران"). Read the
/// left-to-right way, every ‘‘ that closed a film's title or a speaker's words opened a quotation
/// running to the paragraph's end: in counter-public's texts, whole paragraphs of narrative were
/// left out of the evidence as quoted, and the quotations themselves counted as narrative. Two
/// versions of one agency story that differed only in two such titles' marks found 15 % of each
/// other's phrases one way and 100 % the other. So, before Arabic-script text, ’’ and ” open a
/// quotation, as does a single ’ followed at once by a letter; ‘ opens none, and “ opens one that
/// ” closes, as double marks stand for nothing else. (Of the 270
/// quote marks before Urdu letters in counter-public's 587 texts, none is set the left-to-right
/// way, and the two single ’ followed by a space stand for commas.)
fn mirrored_closer(text: &str, i: usize, c: char) -> Option<char> {
    let after = &text[i + c.len_utf8()..];
    match c {
        '”' => Some('“'),
        // Double marks stand for nothing else, so “…” set the left-to-right way is read too.
        '“' => Some('”'),
        '’' if after.starts_with('’') || after.chars().next().is_some_and(char::is_alphabetic) => {
            Some('‘')
        }
        _ => None,
    }
}

/// Adds `span`, a quotation its paragraph's end (or the text's) closed, to `out`: whole if it
/// holds at most [`MAX_OPEN_QUOTE_WORDS`] words, else its first sentence
/// ([`push_first_sentence`]); either only from [`MIN_QUOTE_WORDS`] words on.
///
/// News style leaves a quotation that goes on into the next paragraph open, and such a
/// paragraph is a few sentences long: the longest in the public sets' 1,328 texts holds 49
/// words. A quotation left open for longer is one whose paragraphs were joined into one line
/// (text copied from a page that kept no line breaks), a stray mark, or one set another way than
/// it was read. Taken whole, it would leave all of the text after it out of the evidence (a
/// verbatim Urdu copy so joined, its headline's comma-like ’ read as an opening mark, scored 0.17
/// against its original instead of 0.997; a German translation joined so, whose last quotation
/// was left open as the English original leaves it, lost three of the original's names); given
/// up, it would count a speaker's words as the page's own. Its first sentence is what the joined
/// paragraph most likely quoted.
fn push_if_left_open(text: &str, span: Range<usize>, out: &mut Vec<Range<usize>>) {
    if count_words(&text[span.clone()], MAX_OPEN_QUOTE_WORDS + 1) <= MAX_OPEN_QUOTE_WORDS {
        push_if_long(text, span, out);
    } else {
        push_first_sentence(text, span, out);
    }
}

/// Adds the first sentence of `span`, a quotation never closed, to `out` if `span` goes on past
/// it and it holds [`MIN_QUOTE_WORDS`] to [`MAX_OPEN_QUOTE_WORDS`] words.
///
/// A quotation is never closed where the next opening mark of its kind comes first, or its
/// paragraph (here: the text) ends. Where no sentence ends between the two marks, the first was a
/// stray one and opens nothing ("the record-breaking champions \"3-1 win over Napoli …"). Where
/// one does, the quotation most likely went on into a paragraph of its own, as news style sets a
/// quotation of several paragraphs, and the line breaks between them were lost: its first
/// sentence, at least, was quoted.
fn push_first_sentence(text: &str, span: Range<usize>, out: &mut Vec<Range<usize>>) {
    let Some(end) = first_sentence_end(&text[span.clone()]) else {
        return;
    };
    let sentence = span.start..span.start + end;
    if count_words(&text[sentence.clone()], MAX_OPEN_QUOTE_WORDS + 1) <= MAX_OPEN_QUOTE_WORDS {
        push_if_long(text, sentence, out);
    }
}

/// The byte just past the first sentence of `s`, a quotation from its opening mark on, if a
/// sentence ends in it before its end: a full stop, question or exclamation mark (in any script
/// the pipeline reads) followed, past any closing marks, by white space.
fn first_sentence_end(s: &str) -> Option<usize> {
    let mut chars = s.char_indices().skip(1).peekable();
    while let Some((i, c)) = chars.next() {
        if !matches!(c, '.' | '!' | '?' | '…' | '۔' | '؟' | '。' | '！' | '？') {
            continue;
        }
        let mut end = i + c.len_utf8();
        while let Some(&(j, n)) = chars.peek() {
            if !matches!(
                n,
                '"' | '”' | '’' | '»' | '«' | '“' | '‘' | ')' | '」' | '』'
            ) {
                break;
            }
            end = j + n.len_utf8();
            chars.next();
        }
        if chars.peek().is_some_and(|&(_, n)| n.is_whitespace()) {
            return Some(end);
        }
    }
    None
}

/// Adds `span` to `out` if it holds at least [`MIN_QUOTE_WORDS`] words.
fn push_if_long(text: &str, span: Range<usize>, out: &mut Vec<Range<usize>>) {
    if count_words(&text[span.clone()], MIN_QUOTE_WORDS) >= MIN_QUOTE_WORDS {
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

    /// The scan without skipping blocks: every byte looked at.
    fn spans_bytewise(text: &str) -> Vec<Range<usize>> {
        let (mut out, mut open) = (Vec::new(), None);
        for (i, &b) in text.as_bytes().iter().enumerate() {
            if looked_at(b) {
                visit(text, i, &mut open, &mut out);
            }
        }
        if let Some((start, _)) = open {
            push_if_left_open(text, start..text.len(), &mut out);
        }
        out
    }

    #[cfg(not(target_arch = "wasm32"))]
    proptest::proptest! {
        /// Skipping blocks finds what looking at every byte finds, wherever the marks fall.
        #[test]
        fn skipping_blocks_changes_nothing(
            s in "([a-z]{1,9}|[ ,.]|\n|\"|[“”‘’«»„「」『』]|é|ع|—){0,60}"
        ) {
            proptest::prop_assert_eq!(quotation_spans(&s), spans_bytewise(&s));
        }
    }

    #[test]
    fn arabic_script_quotations_open_with_the_mirrored_marks() {
        // Urdu: ’’ opens and ‘‘ closes; a title of two words stays narrative, a speaker's words
        // are quoted, and the narrative after them is not.
        let t = "بالی وڈ فلم ’’انگلش ونگلش‘‘ نے جاپان میں 10 لاکھ ڈالر کا بزنس کر لیا۔ \
                 وزیر اعظم نے کہا کہ ’’ہم دہشتگردی کے خلاف جنگ جیت رہے ہیں‘‘ اور فوج کی تعریف کی \
                 جس کے بعد اجلاس میں کئی اہم فیصلے کیے گئے۔";
        assert_eq!(quoted(t), vec!["’’ہم دہشتگردی کے خلاف جنگ جیت رہے ہیں‘‘"]);
        // A lone ‘ set for a comma opens nothing.
        assert!(quoted(
            "ٹیم 84 رنز بنا سکی ‘ پاکستان ٹیم کی 8 کھلاڑی آؤٹ ہو گئے اور میچ ختم ہو گیا"
        )
        .is_empty());
        // ” opens and “ closes; “…” set the left-to-right way is read too.
        let t = "انہوں نے کہا کہ ”جان کے بدلے جان اور کان کے بدلے کان“ کے قانون پر عمل ہو گا";
        assert_eq!(quoted(t), vec!["”جان کے بدلے جان اور کان کے بدلے کان“"]);
        let t = "انہوں نے کہا کہ “جان کے بدلے جان اور کان کے بدلے کان” کے قانون پر عمل ہو گا";
        assert_eq!(quoted(t), vec!["“جان کے بدلے جان اور کان کے بدلے کان”"]);
        // A single ’ between a word and a space is a comma: the headline opens no quotation,
        // even with the text's paragraphs joined into one line.
        let t =
            "سینٹ میں طاہر القادری کا ایجنڈا مسترد’ عمران کو مارچ کی اجازت دینے کا مطالبہ اسلام \
                 آباد سینٹ میں اپوزیشن کی تمام جماعتوں نے حکومت سے مطالبہ کیا ہے";
        assert!(quoted(t).is_empty());
        // Left-to-right text is read as before, an Arabic-script name in it too.
        let t = "He told ‘العربیہ’ that “we will not accept any of these demands,” officials said.";
        assert_eq!(
            quoted(t),
            vec!["“we will not accept any of these demands,”"]
        );
    }

    #[test]
    fn a_mark_left_open_for_more_than_a_paragraph_is_stray() {
        let speech = "“We are open to a dialogue with them and we will keep talking";
        let long = format!("{speech} {}", "and the talks went on for hours".repeat(15));
        assert_eq!(quoted(speech), vec![speech]);
        assert!(quoted(&long).is_empty());
        // Closed, however long, it is a quotation.
        let closed = format!("{long}”");
        assert_eq!(quoted(&closed), vec![closed.as_str()]);
    }

    #[test]
    fn paragraphs_joined_into_one_line_quote_what_their_lines_quoted() {
        // A quotation left open at its paragraph's end, as news style and machine translations
        // leave one, then narrative: with the line breaks lost, the narrative stays narrative.
        let lines = "The company's partner said: \"The pump is such a revolutionary product that \
                     it deserved a bold and provocative launch.\nThis is not the first time the \
                     pump has made the headlines in London, where a designer showed it on the \
                     catwalk during Fashion Week while a mother of two used it, and the crowd \
                     cheered as the show went on for an hour in the old market hall by the \
                     river.\nMany viewers said that \"the advert makes light of the dairy \
                     industry and its cows,\" one wrote.";
        let joined = lines.replace('\n', " ");
        let expected = [
            "\"The pump is such a revolutionary product that it deserved a bold and provocative \
             launch.",
            "\"the advert makes light of the dairy industry and its cows,\"",
        ];
        assert_eq!(quoted(lines), expected);
        assert_eq!(quoted(&joined), expected);
        // Left open at the text's end, the same.
        let open_at_end = &joined[..joined.find(" Many viewers").unwrap()];
        assert_eq!(quoted(open_at_end), expected[..1]);
        // A stray mark with no sentence end after it opens nothing.
        let stray = format!(
            "It said \"{}",
            "the talks went on for hours and ".repeat(15)
        );
        assert!(quoted(&stray).is_empty());
    }

    #[test]
    fn a_stray_mark_gives_way_to_the_next_opening_one() {
        // A straight quote opens by its spacing: the stray one before "3-1" is given up at the
        // next opening one, and the count of marks does not turn quotations into narrative.
        let t =
            "after the record-breaking champions \"3-1 win over Napoli. \"Ronaldo had a lot of \
                 fun and is doing well,\" Allegri said. Even though we started with tactical \
                 errors, Ronaldo was very good. \"He gives a lot of assists to all of us,\" \
                 praised the coach.";
        assert_eq!(
            quoted(t),
            vec![
                "\"Ronaldo had a lot of fun and is doing well,\"",
                "\"He gives a lot of assists to all of us,\""
            ]
        );
        // A curly opening mark never closed gives way to the next one.
        let t = "“The talks went on for hours “We are open to a dialogue with them,” he said.";
        assert_eq!(quoted(t), vec!["“We are open to a dialogue with them,”"]);
        // Where a sentence ended before it, the sentence it opened was quoted: a quotation of
        // two paragraphs, their line break lost.
        let t = "“The talks went on for hours and days. “We are open to a dialogue with them,” he said.";
        assert_eq!(
            quoted(t),
            vec![
                "“The talks went on for hours and days.",
                "“We are open to a dialogue with them,”"
            ]
        );
        // A closing mark typed with the opening one's glyph closes.
        let t = "„Auch wenn wir umsonst spielen, können wir dort spielen. Warum nicht? „ \
                 Scherzer ist 18-7 mit einem 2,53 ERA und 300 Strikeouts in dieser Saison.";
        assert_eq!(
            quoted(t),
            vec!["„Auch wenn wir umsonst spielen, können wir dort spielen. Warum nicht? „"]
        );
        // Straight quotes inside a curly quotation are quoted within it.
        let t =
            "Google describes it: “PageRank relies on the web, and pages that are \"important\" \
                 weigh more heavily in the count.” It is patented.";
        assert_eq!(quoted(t).len(), 1);
        assert!(quoted(t)[0].starts_with("“PageRank relies"));
        // German low quotes closed by a straight one, as keyboards type them.
        let t = "Er sagte: „Wir sind zu einem Dialog bereit, sagte er\" und ging nach Hause.";
        assert_eq!(
            quoted(t),
            vec!["„Wir sind zu einem Dialog bereit, sagte er\""]
        );
    }

    #[test]
    fn guillemets_and_low_quotes() {
        let t = "Er sagte: „Wir sind zu einem Dialog bereit, sagte er“ und ging.";
        assert_eq!(quoted(t).len(), 1);
        // German »…«, and the narrative between two such quotations stays narrative.
        let t = "Er sagte: »Wir sind zu einem Dialog bereit, sagte er« und ging dann mit seinen \
                 Beratern nach Hause. Später: »Wir bleiben dabei, auch morgen noch«.";
        assert_eq!(
            quoted(t),
            vec![
                "»Wir sind zu einem Dialog bereit, sagte er«",
                "»Wir bleiben dabei, auch morgen noch«"
            ]
        );
        // French « … » as before.
        let t = "Il a dit : « Nous sommes prêts au dialogue avec eux » puis il est parti.";
        assert_eq!(
            quoted(t),
            vec!["« Nous sommes prêts au dialogue avec eux »"]
        );
    }
}
