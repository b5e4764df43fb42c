//! A site's interface around its article: menus and labels ("Search", "Log in", "Advertisement"),
//! calls to follow, subscribe, share, download or comment, in the page's language, rows of share
//! buttons and a gallery's counters. Each is a short line a page of any outlet may carry, so none
//! of it is evidence that one page took from another.

use super::prefixes::{is_one_of, Endings, Prefixes};

/// Lines starting with one of these (after lower-casing and trimming) are furniture when short.
pub(super) const PREFIXES: &[&str] = &[
    "related",
    "more on",
    "leave a reply",
    "leave a comment",
    "comments",
    "share this",
    "share on",
    "share:",
    "subscribe",
    "sign up",
    "follow us",
    "click here",
    "click to",
    "advertisement",
    "advertising",
    "sponsored",
    "skip to",
    "we use cookies",
    "cookie",
    "all rights reserved",
    "copyright",
    "©",
    "photo:",
    "photo credit",
    "foto:",
    "фото:",
    "Фото:",
    "فوٹو:",
    "تصویر:",
    "quelle:",
    "источник:",
    "Источник:",
    "anzeige",
    "реклама",
    "Реклама",
    "اشتہار",
    "photograph:",
    "image:",
    "image credit",
    "image caption",
    "image copyright",
    "image source",
    "media caption",
    "picture:",
    "enter your email",
    "caption",
    "no caption",
    "getty images",
    "(photo",
    "file photo",
    "recommended",
    "trending",
    "most popular",
    "newsletter",
    "updated:",
    "published:",
    "posted on",
    "posted by",
    "posted in",
    "our standards",
    "story highlights",
    "listen to this article",
    "lesezeit",
    "время чтения",
    "Время чтения",
    "پڑھنے کا وقت",
    "temps de lecture",
    "tiempo de lectura",
    "print",
    "email",
    "tags:",
    "topics:",
    "schlagworte",
    "schlagwörter",
    "themen:",
    "теги:",
    "Теги:",
    "метки:",
    "Метки:",
    "ٹیگز",
    "ٹیگ:",
    "جملہ حقوق",
    "alle rechte vorbehalten",
    "tous droits réservés",
    "todos los derechos reservados",
    "все права защищены",
    "Все права защищены",
    "filed under",
    "watch video",
    "video:",
    "видео:",
    "Видео:",
    "ویڈیو:",
    "report an error",
    "editor's note",
    "(additional reporting",
    "additional reporting",
    "reporting by",
    "writing by",
    "editing by",
    "compiled by",
    "about the author",
    "written by",
    "source:",
    "join our",
    "download the",
    "get the latest",
    "breaking news",
    "top stories",
    "back to top",
    "home",
    "menu",
    "search",
    "log in",
    "login",
    "register",
];

/// [`PREFIXES`] by first byte.
pub(super) static SHORT_LINE_PREFIXES: Prefixes = Prefixes::new(PREFIXES);

/// A site's calls to follow, subscribe to, share, download or comment on it, in the public sets'
/// languages and their neighbours (Russian both ways, as ASCII lower-casing leaves it): a short
/// line (at most 14 words) that starts with one is furniture. Written in the page's language, such
/// a line is words the original lacks ("Подписывайтесь на наш канал в Telegram", subscribe to
/// our Telegram channel), and a platform's name in it an anchor the original lacks: two of them
/// under each of counter-public's Urdu copies changed 22 to 33 of its 296 verdicts, and "Like us
/// on Facebook" under wmt19's English translations 9 of its 460.
const PROMPT_PREFIXES: &[&str] = &[
    "like us",
    "get our",
    "download our",
    "install our",
    "folgen sie",
    "abonnieren sie",
    "jetzt abonnieren",
    "jetzt kostenlos",
    "jetzt registrieren",
    "registrieren sie sich",
    "melden sie sich",
    "teilen sie",
    "laden sie",
    "kommentare",
    "подписывайтесь",
    "Подписывайтесь",
    "подпишитесь",
    "Подпишитесь",
    "присоединяйтесь",
    "Присоединяйтесь",
    "читайте нас",
    "Читайте нас",
    "следите за",
    "Следите за",
    "скачайте",
    "Скачайте",
    "поделиться",
    "Поделиться",
    "комментарии",
    "Комментарии",
    "если вы нашли ошибку",
    "Если вы нашли ошибку",
    "join the conversation",
    "have your say",
    "let us know",
    "share your thoughts",
    "tell us what you think",
    "diskutieren sie",
    "schreiben sie uns",
    "ihre meinung",
    "оставьте комментарий",
    "Оставьте комментарий",
    "оставьте свой комментарий",
    "Оставьте свой комментарий",
    "обсудить",
    "Обсудить",
    "suivez-nous",
    "abonnez-vous",
    "inscrivez-vous",
    "síguenos",
    "suscríbete",
];

/// [`PROMPT_PREFIXES`] by first byte.
pub(super) static PROMPT_LINE_PREFIXES: Prefixes = Prefixes::new(PROMPT_PREFIXES);

/// The same calls in Urdu, which puts the verb last ("ہمیں فیس بک پر فالو کریں", follow us on
/// Facebook; "یہاں کلک کریں", click here): a short line (at most 14 words) that ends with one,
/// its full stop aside, is furniture. Each is an English verb borrowed for a site's buttons with
/// "کریں" (please do), which news narrative does not end a sentence with.
pub(super) const PROMPT_ENDINGS: Endings = (
    "کریں",
    &[
        "فالو کریں",
        "سبسکرائب کریں",
        "شیئر کریں",
        "لائک کریں",
        "جوائن کریں",
        "ڈاؤن لوڈ کریں",
        "کلک کریں",
        "وزٹ کریں",
    ],
);

/// The last words of an Urdu call to comment: "… کریں" (please do) or "… دیں" (please give), as
/// in "اپنی رائے کا اظہار کمنٹس میں کریں" (express your opinion in the comments) and "اس خبر پر
/// اپنی رائے دیں" (give your opinion on this story).
const URDU_REQUESTS: [&str; 2] = ["کریں", "دیں"];

/// What an Urdu call to comment asks for: the reader's opinion ("رائے") or comments ("کمنٹ",
/// "کمنٹس").
const URDU_COMMENT_WORDS: [&str; 2] = ["رائے", "کمنٹ"];

/// Whether `trimmed`, a short line, is an Urdu call to comment: it ends with a request
/// ([`URDU_REQUESTS`]) and names the reader's opinion or comments ([`URDU_COMMENT_WORDS`]). Two
/// such lines under counter-public's copies changed 16 of its 296 verdicts; their wording
/// varies, so the line is told by what it asks and how, not by a phrase. News narrative asks
/// nothing of its reader in a line of its own; an appeal it reports stands in a longer sentence
/// ("وزیراعظم نے کہا کہ عوام … کریں").
pub(super) fn is_comment_prompt_in_urdu(trimmed: &str) -> bool {
    let line = trimmed.trim_end_matches(['۔', '.', '!', ' ']);
    URDU_REQUESTS.iter().any(|r| line.ends_with(r))
        && URDU_COMMENT_WORDS.iter().any(|w| line.contains(w))
}

/// Words that join an item's number to the count of items in a gallery's or a slideshow's counter
/// ("Image 1 of 12", "Bild 1 von 12", "Фото 1 из 12", "تصویر 1 از 12").
const COUNTER_WORDS: &[&str] = &["of", "von", "из", "از", "de", "sur", "/"];

/// The first word of a counter's label, in lower case (Russian both ways, as ASCII lower-casing
/// leaves it): what a gallery or a slideshow counts.
const COUNTER_LABELS: &[&str] = &[
    "image",
    "images",
    "photo",
    "photos",
    "picture",
    "slide",
    "gallery",
    "bild",
    "foto",
    "фото",
    "Фото",
    "слайд",
    "Слайд",
    "تصویر",
    "فوٹو",
];

/// Most words of a counter's label before its numbers ("Image", "Photo gallery").
pub(super) const MAX_COUNTER_LABEL_WORDS: usize = 2;

/// Whether `trimmed` is a gallery's or a slideshow's counter: a number, one of [`COUNTER_WORDS`]
/// and another number ("1 / 12"), after a label of at most [`MAX_COUNTER_LABEL_WORDS`] words that
/// starts with one of [`COUNTER_LABELS`] ("Image 1 of 12", "Фото 1 из 12"), or none. Its numbers
/// are anchors the original lacks: such a counter under counter-public's headlines and after its
/// texts changed 5 of its verdicts, and 7 of wmt19's. Other things counted so ("Scores: 3 of
/// 4") are the article's.
pub(super) fn is_item_counter(trimmed: &str) -> bool {
    let number = |w: &str| !w.is_empty() && w.chars().all(char::is_numeric);
    let mut words = trimmed.split_whitespace().rev();
    let (Some(last), Some(join), Some(first)) = (words.next(), words.next(), words.next()) else {
        return false;
    };
    if !(number(last) && number(first) && is_one_of(COUNTER_WORDS, join)) {
        return false;
    }
    let label: Vec<&str> = words.collect();
    match label.last() {
        None => true,
        Some(start) => label.len() <= MAX_COUNTER_LABEL_WORDS && is_one_of(COUNTER_LABELS, start),
    }
}

/// Words of a row of share buttons ("1.2k Shares  Facebook  Twitter  WhatsApp  Email").
const SHARE_WORDS: &[&str] = &[
    "share",
    "shares",
    "shared",
    "facebook",
    "twitter",
    "x",
    "whatsapp",
    "email",
    "e",
    "mail",
    "linkedin",
    "reddit",
    "telegram",
    "pinterest",
    "messenger",
    "tweet",
    "print",
    "copy",
    "link",
    "comments",
    "comment",
];

/// Whether `lower` is a row of share buttons: only [`SHARE_WORDS`] and counts, and at least two
/// of the buttons.
pub(super) fn is_share_bar(lower: &str) -> bool {
    let mut buttons = 0;
    for w in lower
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|w| !w.is_empty())
    {
        // A count: "12", "1.2k" (split at its point), "3m".
        let digits = w.trim_end_matches(['k', 'm']);
        if !digits.is_empty() && digits.bytes().all(|b| b.is_ascii_digit()) {
            continue;
        }
        if !SHARE_WORDS.contains(&w) {
            return false;
        }
        buttons += 1;
    }
    buttons >= 2
}
