//! Site furniture: the lines of a page that are not the article.
//!
//! Extraction (Readability in the extension, a human's copy-paste elsewhere) leaves behind lines such
//! as "See also …", "Leave a Reply", "Advertisement", bylines, photo captions, share and subscribe
//! prompts and author blurbs. Two pages of different outlets share those lines without one being
//! copied from the other, so they must never count as reuse. This module finds them line by line
//! (the unit extraction produces) with rules that look at short lines only: a real article
//! sentence that happens to start with "Read" is long and survives.
//!
//! [`furniture_lines`] reads a text's lines in order and asks each of the rules below; the rules
//! live in modules named for what they find:
//! - `interface`: the site's menus, buttons and calls to act (follow, subscribe, comment), rows
//!   of share buttons and a gallery's counters;
//! - `links`: links to other stories, one to a line or listed under a heading, after the
//!   headline or after the last paragraph, and a site's name after the headline;
//! - `comments`: readers' comments under their heading;
//! - `bylines`: bylines, date lines and time stamps;
//! - `captions`: photo captions, under their label or with their credit after them;
//! - `notes`: notes on where an article comes from and whose view it gives, legal footers and
//!   author blurbs;
//! - `foreign`: lines in another script than the text's;
//! - `prefixes`: the lookups the rules share (a line's first words among a list's, by first
//!   byte).

use std::ops::Range;

use super::word_count::count_words;

mod bylines;
mod captions;
mod comments;
mod foreign;
mod interface;
mod links;
mod notes;
mod prefixes;

pub use foreign::Foreign;

use bylines::{is_byline_abroad, is_date_line, is_time_stamp, MAX_STAMP_WORDS};
use captions::{is_caption_label, is_captioned, MAX_CAPTION_WORDS};
use comments::{is_comments_heading, runs_on, MIN_ARTICLE_BYTES_BEFORE_COMMENTS};
use interface::{
    is_comment_prompt_in_urdu, is_item_counter, is_share_bar, MAX_COUNTER_LABEL_WORDS,
    PROMPT_ENDINGS, PROMPT_LINE_PREFIXES, SHORT_LINE_PREFIXES,
};
use links::{
    headlines_after_the_headline, headlines_at_the_end, is_link_list_heading,
    may_be_a_linked_headline, site_name_after_headline, LINK_LINE_PREFIXES,
    LINK_LIST_HEADING_PREFIXES, MAX_LINK_HEADING_WORDS,
};
use notes::{
    contains_a_phrase, is_blurb, is_parenthesised, MAX_NOTE_LINE_WORDS, MAX_NOTE_WORDS,
    NOTE_ENDINGS, NOTE_LINE_PREFIXES,
};
use prefixes::{ends_with_one_of, starts_with_one_of, starts_with_word};

/// Byte ranges of the furniture lines of `text`: lines of furniture by their own shape; the
/// headlines listed under a heading of links ("Related Articles", "Most Read"), up to the first
/// line that ends a sentence or runs longer than a headline; lists of links with no heading
/// after the headline or after the last paragraph (`headlines_after_the_headline`,
/// `headlines_at_the_end`); and readers' comments, from their heading on
/// (`is_comments_heading`).
pub fn furniture_lines(text: &str, foreign: Foreign) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut lower = String::new();
    let mut start = 0;
    let mut in_link_list = false;
    let mut after_caption_label = false;
    let mut first_line = true;
    // Bytes of the article's lines before this line: readers' comments come after an article.
    let mut article_before = 0;
    // The line before this one, trimmed ("" if blank): one that runs on into it ([`runs_on`])
    // heads no comments.
    let mut before = "";
    // Where the article ends: at the heading of its readers' comments, or at the text's end.
    let mut article_end = text.len();
    for line in text.split_inclusive('\n') {
        let end = start + line.len();
        let trimmed = line.trim();
        let line_before = std::mem::replace(&mut before, trimmed);
        if trimmed.is_empty() {
            start = end;
            continue;
        }
        let heads_comments = article_before >= MIN_ARTICLE_BYTES_BEFORE_COMMENTS
            && is_comments_heading(trimmed)
            && !runs_on(line_before);
        if heads_comments {
            out.push(start..text.len());
            article_end = start;
            break;
        }
        // A caption under its label, or a line in another script than the text's.
        let caption = std::mem::replace(&mut after_caption_label, is_caption_label(trimmed))
            && count_words(trimmed, MAX_CAPTION_WORDS + 1) <= MAX_CAPTION_WORDS;
        // A headline under a heading of links, short as it may be ("Study History"), goes on with
        // the list, rather than ending it as a line of furniture of its own shape would. A line
        // that starts in lower case goes on with a sentence (text wrapped at a fixed width).
        let listed = in_link_list && may_be_a_linked_headline(trimmed);
        if listed || caption || foreign.is_foreign(trimmed) || is_furniture_with(line, &mut lower) {
            out.push(start..end);
            in_link_list = listed || (!caption && is_link_list_heading(trimmed));
        } else {
            in_link_list = false;
            article_before += trimmed.len();
            if first_line {
                if let Some(at) = site_name_after_headline(line) {
                    out.push(start + at..end);
                }
            }
        }
        first_line = false;
        start = end;
    }
    let article = &text[..article_end];
    let after_headline = headlines_after_the_headline(article, &out);
    if !after_headline.is_empty() {
        out.extend(after_headline);
        out.sort_unstable_by_key(|r| r.start);
    }
    if let Some(from) = headlines_at_the_end(article, &out) {
        // Every line from the first of them on is furniture: they, and the furniture among them
        // and after them (the readers' comments too).
        out.retain(|r| r.start < from);
        out.push(from..text.len());
    }
    out
}

/// Whether one line (without regard to its neighbours) is site furniture.
pub fn is_furniture(line: &str) -> bool {
    is_furniture_with(line, &mut String::new())
}

/// Chars that join the parts of a line of furniture ("By Jane Doe | Updated 2:34 PM ET, Mon
/// October 1, 2018"; "Politics · 4 min read").
const PART_SEPARATORS: [char; 3] = ['|', '·', '•'];

/// [`is_furniture`], lower-casing into `lower` (a buffer reused across the lines of a text): a
/// line is furniture by its own shape, or when every part of it between [`PART_SEPARATORS`] is.
fn is_furniture_with(line: &str, lower: &mut String) -> bool {
    let trimmed = line.trim();
    if trimmed.is_empty() {
        return false;
    }
    // Most lines of an article are paragraphs longer than any rule looks at: count no further.
    let words = count_words(trimmed, 31);
    if words > 30 {
        return false;
    }
    if is_furniture_alone(trimmed, words, lower) {
        return true;
    }
    // Each separator searched for alone (a search for one char is a search for its bytes; for
    // any of several, a decoding of every char): most lines have none.
    PART_SEPARATORS.iter().any(|&c| trimmed.contains(c))
        && trimmed.split(PART_SEPARATORS).all(|part| {
            let part = part.trim();
            part.is_empty() || is_furniture_alone(part, count_words(part, 31), lower)
        })
}

/// Whether `trimmed`, a line or part of one of `words` words (at most 30), has as a whole the
/// shape of a line of furniture.
fn is_furniture_alone(trimmed: &str, words: usize, lower: &mut String) -> bool {
    // Every pattern is ASCII, so ASCII lower-casing is all matching needs.
    lower.clear();
    lower.push_str(trimmed);
    lower.make_ascii_lowercase();
    let lower = lower.as_str();
    if words <= 14
        && (starts_with_one_of(lower, &SHORT_LINE_PREFIXES)
            || starts_with_one_of(lower, &PROMPT_LINE_PREFIXES)
            || ends_with_one_of(trimmed, ['۔', '.', '!', ' '], PROMPT_ENDINGS)
            || is_comment_prompt_in_urdu(trimmed))
    {
        return true;
    }
    if words <= MAX_COUNTER_LABEL_WORDS + 3
        && trimmed.ends_with(char::is_numeric)
        && is_item_counter(trimmed)
    {
        return true;
    }
    if starts_with_one_of(lower, &LINK_LINE_PREFIXES) {
        return true;
    }
    if (words <= MAX_NOTE_LINE_WORDS && starts_with_one_of(lower, &NOTE_LINE_PREFIXES))
        || (words <= 8 && ends_with_one_of(trimmed, ['۔', '.', ' '], NOTE_ENDINGS))
    {
        return true;
    }
    // Every phrase has ASCII letters: a line without any (most of an Urdu or Russian text) is
    // searched for none.
    if lower.bytes().any(|b| b.is_ascii_lowercase()) && contains_a_phrase(lower) {
        return true;
    }
    if words <= 6 && (lower.starts_with("by ") || is_byline_abroad(trimmed, lower)) {
        return true; // a byline
    }
    if words <= MAX_STAMP_WORDS && is_time_stamp(trimmed, lower) {
        return true; // "Aktualisiert am 12.03.2019 um 14:32 Uhr", "Обновлено 12 марта 2019"
    }
    if words <= MAX_NOTE_WORDS && is_parenthesised(trimmed) {
        return true; // "(Reporting by …)", "(with inputs from agencies)", "(Writing by …)"
    }
    if is_blurb(trimmed) {
        return true; // "Organizer. Zombie aficionado. Wannabe reader. Passionate writer."
    }
    let ends_sentence = trimmed.ends_with(SENTENCE_ENDS);
    if words <= 3 && !ends_sentence {
        return true; // "Must read", "main img", "WION Web Team", section labels
    }
    // (A heading that starts as a link does was taken above, at any length.)
    if words <= MAX_LINK_HEADING_WORDS
        && !ends_sentence
        && starts_with_one_of(lower, &LINK_LIST_HEADING_PREFIXES)
    {
        return true; // "Mehr zum Thema", "Похожие новости", "متعلقہ خبریں"
    }
    if words <= 14 && !ends_sentence && starts_with_word(lower, "tagged") {
        return true; // "Tagged Germany, Police, Accident" (not "Tagged as a terrorist group, …")
    }
    (words <= 10 && is_date_line(lower))
        || (words <= 12 && is_share_bar(lower))
        || (words <= MAX_CAPTION_WORDS && is_captioned(lower))
}

/// The chars a line that ends a sentence ends with.
const SENTENCE_ENDS: [char; 9] = ['.', '!', '?', '"', '”', '»', '۔', '؟', '。'];

/// The furniture lines of `text`, trimmed: what the tests of every rule look at.
#[cfg(test)]
fn furniture_of(text: &str, foreign: Foreign) -> Vec<&str> {
    furniture_lines(text, foreign)
        .into_iter()
        .map(|r| text[r].trim())
        .collect()
}

/// A paragraph longer than a headline.
#[cfg(test)]
fn long_paragraph() -> String {
    "The bridge closes on Monday for six weeks of repairs to its deck, its railings and the \
     lights along its footpath, the council said."
        .to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn recognises_common_furniture() {
        for line in [
            "See also: Kremlin says talks possible",
            "Leave a Reply",
            "Advertisement",
            "Must read",
            "Tuesday, November 28, 2023",
            "By Jane Doe and John Roe",
            "Photo: AFP",
            "skip to Main Content",
            "Share this article on Facebook",
            "Jane Doe is a senior reporter covering Russia.",
            "Moscow, RussiaUpdated: Jan 24, 2021, 11:27 PM IST",
            "Subscribe to our newsletter",
            "About the Author: Jane Doe",
            "Organizer. Zombie aficionado. Wannabe reader. Passionate writer. Twitter lover.",
            "Coffee fan. Amateur gardener. Writer!",
            "Your email address will not be published. Required fields are marked *",
            "(Reporting by Jane Doe; Editing by John Roe)",
            "(with inputs from agencies)",
            "See also  Brexit: UK and Japan sign a 15.2 billion free trade agreement in Tokyo \
             Politics news",
            "ALSO READ: Leaders Meet In Washington As Talks On The Budget Drag On For A Third \
             Week Running",
            // Bylines and dates in parts, share buttons, captions with their photo credit.
            "By Jane Doe and John Roe | Published 12:34 PM EST, Mon October 1, 2018 | Updated 14:02",
            "Politics · 4 min read",
            "By Jane Doe, CNN • Updated 2:34 PM ET, Tue January 24, 2021",
            "1.2k Shares  Facebook  Twitter  WhatsApp  Email",
            "Share on Facebook Share on X Copy link",
            "A view of the harbour bridge at dusk. (AFP Photo/Jane Doe)",
            "Protesters in Moscow on Saturday (Image: Getty)",
            // Links and credits in other languages.
            "Lesen Sie auch: Stadt plant neue Radwege",
            "Читайте также: В Москве открылась новая станция метро",
            "مزید پڑھیں: وزیراعظم کا دورہ چین مکمل",
            "فوٹو: اے پی پی",
            "Фото: ТАСС",
            // Syndication notes, share links, tags, an agency's footer.
            "This article was originally published by Reuters.",
            "This story first appeared on The Conversation",
            "Click to share on Facebook (Opens in new window)",
            "Posted in World News | Tagged Germany, Police, Accident",
            "Our Standards: The Thomson Reuters Trust Principles.",
            "Image copyright Getty Images",
            "Enter your email address",
            // A site's calls to follow, subscribe, share or download, in the page's language.
            "Like us on Facebook for more stories like this.",
            "Folgen Sie uns auf Facebook und Twitter.",
            "Подписывайтесь на наш канал в Telegram, чтобы первыми узнавать главные новости.",
            "Если вы нашли ошибку, выделите фрагмент текста и нажмите Ctrl+Enter.",
            "ہمیں فیس بک اور ٹوئٹر پر فالو کریں۔",
            "مزید تفصیلات کے لیے یہاں کلک کریں",
            // Counters of a gallery, a video's label.
            "Image 1 of 12",
            "Bild 3 von 12",
            "Фото 1 из 12",
            "تصویر 1 از 12",
            "1 / 12",
            "ویڈیو: پل بند ہونے کا لمحہ دیکھیں",
            "مکمل خبر پڑھنے کے لیے ہماری ویب سائٹ کا وزٹ کریں",
            // Calls to comment.
            "Join the conversation",
            "Let us know what you think in the comments below.",
            "Diskutieren Sie mit!",
            "Оставьте комментарий",
            "اپنی رائے کا اظہار کمنٹس میں کریں",
            "نیچے کمنٹ کر کے اپنی رائے دیں۔",
            // Bylines, time stamps and reading times in the page's language.
            "Von Hans-Peter Müller und Katrin Schöller",
            "Par Jean Dupont",
            "Автор: Иван Петров",
            "رپورٹ: محمد اکرم چوہدری",
            "Aktualisiert am 12.03.2019 um 14:32 Uhr",
            "Обновлено 12 марта 2019, 14:32",
            "اپ ڈیٹ: 12 مارچ 2019، 14:32",
            "Lesezeit: 4 Minuten",
            "Время чтения: 3 минуты",
            // Captions with their credit after them, copyright and tag lines.
            "Polizisten am Unfallort am Montag. Foto: dpa/Max Mustermann",
            "Полицейские на месте происшествия в понедельник. Фото: РИА Новости",
            "پیر کے روز جائے وقوعہ پر پولیس اہلکار۔ فوٹو: اے پی پی",
            "Russian police detain a man during a rally in Moscow. Photo: AFP",
            "Alle Rechte vorbehalten.",
            "جملہ حقوق بحق روزنامہ پاکستان ٹائمز محفوظ ہیں۔",
            "Schlagworte: Polizei, Unfall, Innenstadt",
            "Теги: полиция, происшествия, Москва",
            "ٹیگز: پولیس، حادثہ، لاہور",
            // Notes on where an article comes from and whose view it gives.
            "Dieser Artikel erschien zuerst bei der Westfälischen Rundschau.",
            "По материалам РИА Новости и ТАСС.",
            "Мнение автора может не совпадать с позицией редакции.",
            "ادارے کا مصنف کی رائے سے متفق ہونا ضروری نہیں۔",
            "خبر رساں اداروں کی مدد سے۔",
        ] {
            assert!(is_furniture(line), "{line}");
        }
    }

    #[test]
    fn keeps_article_sentences() {
        for line in [
            "Russia accused the United States of interfering in its internal affairs.",
            "Read the statement, Peskov told reporters, and you will see what we mean by interference in our affairs.",
            "Homes were searched across the country on Saturday.",
            "Kremlin accuses US of meddling in affairs, but says ready to talk",
            "The U.S. Sen. said no. Then he left. Talks ended.",
            "It fell 3.5 percent. Oil rose. Gold too.",
            "(Police said the man, who was not named, was arrested.) Officials declined to comment.",
            "(The Kremlin said on Sunday it was ready to talk to the new administration in \
             Washington about arms control, but only on equal terms, as it has said before.)",
            // Parts of which not every one is furniture, and a credit that is no photo's.
            "Apple | Google | Microsoft shares fell 3 percent on Monday",
            "Share prices fell on Monday · Oil rose",
            "The minister spoke to reporters in Lahore. (Reuters)",
            // Sentences that only start as furniture does, or name a publication.
            "Tagged as a terrorist group in 2019, the movement was banned the same year.",
            "The report, first published in 2019, found that rents had doubled in a decade.",
            // A call quoted in a paragraph longer than a site's prompt, a platform in the news.
            "\"Follow us and you will be safe,\" the guide told the stranded climbers on Sunday.",
            "Facebook said on Tuesday it had removed 1.5 million videos of the attack.",
            "وزیراعظم نے کہا کہ عوام افواہوں پر کان نہ دھریں اور صرف سرکاری معلومات شیئر کریں",
            // Numbers that count something else.
            "Scores: 3 of 4",
            "The vote: 52 of 100",
            "Chapter 1 of the report, pages 3 of 12",
            // An appeal reported in a sentence longer than a call, a short line asking nothing of
            // comments.
            "وزیر اعظم نے کہا کہ تمام سیاسی جماعتیں اس معاملے پر اپنی رائے کا کھل کر اظہار کریں",
            "حکومت نے عوام سے اپیل کی ہے کہ وہ صبر کریں",
            // Lines that start as a byline or a time stamp does.
            "Von der Leyen unter Druck",
            "Von Anfang an dabei",
            "Von Lampenfieber dabei keine Spur.",
            "Aktualisiert wurde die Liste zuletzt 2015.",
            // A sentence that starts as a note does, longer than a note.
            "По материалам следствия, обвиняемый в течение двух лет переводил деньги на счета \
             подставных фирм, зарегистрированных в трёх регионах страны, и скрывал доходы от \
             налоговой службы.",
            // A colon after a sentence that introduces no credit.
            "The minister said one thing. Photo opportunities were few: two, maybe three.",
            "The police gave their verdict. Image: a city in shock after the worst attack in years",
        ] {
            assert!(!is_furniture(line), "{line}");
        }
    }

    #[test]
    fn line_ranges_cover_whole_lines() {
        let text = "Advertisement\nThe Kremlin said on Sunday it was ready to talk.\nLeave a Reply";
        let r = furniture_lines(text, Foreign::None);
        assert_eq!(r, vec![0..14, 63..76]);
        assert_eq!(&text[r[1].clone()], "Leave a Reply");
    }
}
