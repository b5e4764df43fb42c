//! Languages: which one a text is in, its function words, and its stemmer.
//!
//! Language matters twice: content words are told from function words by a per-language stopword
//! list, and content words are stemmed where a Snowball stemmer exists. A caller that knows the
//! language (the page's `<html lang>`, a JSONL `lang` field) passes it; otherwise [`guess`] decides
//! from the script and, for Latin script, from which language's function words are most frequent.

use std::collections::HashMap;
use std::sync::OnceLock;

use crate::hash::{WordSet, WordTable};

use rust_stemmers::Algorithm;

/// Function words of the languages the project has lists for (normalised: lower case). Short on purpose: the ~60-120 most
/// frequent words carry nearly all of the weight; rarer function words get a low IDF anyway.
pub(crate) const STOPWORDS: &[(&str, &str)] = &[
    ("en", "a about above after again against all also am an and any are as at be because been before being below between both but by can could did do does doing down during each even few for from further had has have having he her here hers him his how i if in into is it its itself just last may me might more most much must my new no nor not now of off on once one only or other our out over own said same says she should since so some such than that the their them then there these they this those through to too two under until up us very was we were what when where which while who whom why will with would year years yet you your s t also however according told saying"),
    ("de", "aber alle allem allen aller alles als also am an ander andere anderen auch auf aus bei bin bis bist da damit dann das dass dein deine dem den der des dessen dich die dies diese diesem diesen dieser dieses dir doch dort du durch ein eine einem einen einer eines er es etwa euch euer für gegen gewesen hab habe haben hat hatte hatten hier hin hinter ich ihm ihn ihnen ihr ihre ihrem ihren ihrer im in indem ins ist jede jedem jeden jeder jedes jetzt kann kein keine können könnte machen man manche mehr mein mich mir mit muss nach nicht nichts noch nun nur ob oder ohne sehr sein seine seinem seinen seiner sich sie sind so solche soll sollte sondern sonst über um und uns unser unter vom von vor während war waren warum was weg weil weiter welche wenn werde werden wie wieder will wir wird wurde wurden zu zum zur zwar zwischen sagte sei seit laut"),
    ("fr", "au aux avec ce ces dans de des du elle en et eux il je la le les leur lui ma mais me même mes moi mon ne nos notre nous on ou par pas pour qu que qui sa se ses son sur ta te tes toi ton tu un une vos votre vous été être avoir a ont est sont était cette cet comme plus aussi après avant entre sans sous depuis selon dit fait ainsi alors donc encore leurs tout tous toutes très y là où"),
    ("es", "a al algo algunos ante antes como con contra cual cuando de del desde donde durante e el ella ellas ellos en entre era es esa esas ese eso esos esta estaba estas este esto estos fue fueron ha han hasta hay la las le les lo los más me mi mientras muy no nos o otra otros para pero por porque que quien se sea ser si sido sin sobre su sus también tanto te tiene todo todos tras un una uno unos y ya dijo según"),
    ("it", "a ad al alla alle anche che chi ci come con contro da dal dalla dei del della delle di dopo e ed era è fa gli ha hanno i il in io la le lo loro ma mi nei nel nella no noi non o per perché più quale quando quella quello questa questo se si sia sono su sua sue suo sul sulla tra tutti tutto un una uno ha detto secondo anche"),
    ("pt", "a ao aos as até com como da das de dela dele depois do dos e ela ele eles em entre era essa esse esta este eu foi foram há isso já lhe mais mas me mesmo muito na nas no nos não o os ou para pela pelo por qual quando que se sem ser seu seus sua suas também te tem um uma umas uns à às é disse segundo"),
    ("nl", "aan al alles als bij dan dat de der deze die dit door een en er had heb hebben heeft het hier hij hoe hun ik in is je kan kunnen maar me met mijn na naar niet nog nu of om ons ook op over te tegen toen tot u uit van veel voor want waren was wat we wel werd wie wij worden zal ze zei zich zij zijn zo zou"),
    ("ru", "а без более бы был была были было быть в вам вас весь во вот все всего всех вы где да даже для до его ее её если есть еще ещё же за здесь и из или им их к как когда кто ли либо мне может мы на над надо наш не него нее неё нет ни них но ну о об однако он она они оно от очень по под после при про с со так также такой там те тем то того тоже той только том ты у уже хотя чем что чтобы эта эти это этот я заявил сказал также года году"),
    ("ur", "اور اس ان ایک اپنے اپنی اپنا بھی بہت پر تک تھا تھی تھے تو جب جس جن جو جو کہ دیا دی دیے رہا رہی رہے سے سکتا سکتی سکتے ساتھ کا کی کے کو کر کرنے کرتے کرتی کرتا کیا کیے کئے کہا کہ گا گی گے گیا گئی گئے لیے لئے میں نے نہیں وہ والے والی والا ہو ہوں ہوا ہوئے ہوئی ہی ہے ہیں یہ بعد بھر جبکہ کیونکہ لیکن مگر پھر اب یا ہر کسی کوئی کچھ"),
    ("ar", "في من على إلى عن مع هذا هذه ذلك التي الذي الذين كان كانت قد لا ما لم لن إن أن أو ثم كما بين بعد قبل حتى عند كل هو هي هم و أي غير منذ خلال حيث وقال قال"),
    ("id", "ada adalah akan antara atau bagi bahwa banyak belum beberapa bisa dalam dan dari dengan di ia ini itu juga ke kepada karena kami kata kita lagi lebih mereka namun oleh pada para saat sama sangat sebagai sedang sejak sekitar seperti setelah sudah tak telah tentang tersebut tidak untuk yang"),
    ("tr", "acaba ama ancak bana bazı belki ben beni benim bir biri birkaç bu buna bunu da daha de diye en gibi hem hep her için ile ise kadar ki kim mi mu mı nasıl ne neden o olan olarak oldu olduğu onu onun sonra şu ve veya ya"),
    ("sv", "att av de den det där efter en ett för från har hade han hon i inte jag kan med men mot om på sig som till under var vi vid och är"),
];

/// Language codes whose index a list record stores in one byte (0 means unknown). New codes are
/// only ever appended, so that a list keeps its languages across versions.
///
/// A code listed here is a language a caller may give (a list's `lang` field, `--lang`, a page's
/// `<html lang>`): an original given in Gujarati or Kazakh is then told apart from an English page
/// as another language, where an unlisted code counted as unknown and an English translation was
/// compared with it as if in one language (`none`). The codes after "ca" are the languages of
/// WMT's news tasks and the other languages with news in their own script or with many readers.
pub const CODES: &[&str] = &[
    "", "en", "de", "fr", "es", "it", "pt", "nl", "ru", "ur", "ar", "id", "tr", "sv", "da", "no",
    "fi", "el", "hu", "ro", "ta", "pl", "cs", "uk", "bg", "fa", "hi", "zh", "ja", "ko", "th", "he",
    "ms", "vi", "sr", "hr", "sk", "sl", "lt", "lv", "et", "bn", "sw", "ca", "gu", "kk", "pa", "mr",
    "ne", "te", "kn", "ml", "si", "ka", "hy", "be", "mk", "mn", "az", "uz", "ky", "tg", "tl", "sq",
    "is", "ga", "eu", "gl", "af", "so", "ha", "yo", "am", "km", "my", "lo", "ps", "ku", "sd", "or",
    "as", "ti", "ig", "zu", "xh", "mt", "cy", "lb", "bs", "ug", "yi", "jv", "su", "mg", "rw",
];

/// The index of `code` in [`CODES`], 0 if the code is not listed.
pub fn code_index(code: &str) -> u8 {
    CODES.iter().position(|c| *c == code).unwrap_or(0) as u8
}

/// The bit of a language set (such as [`ruled_out`] returns) for the language at `index` in
/// [`CODES`]; 0 for an index beyond the set's 64 bits, which such a set never holds.
pub fn lang_bit(index: u8) -> u64 {
    1u64.checked_shl(u32::from(index)).unwrap_or(0)
}

/// The code at `index` in [`CODES`], "" for unknown or out-of-range indices.
pub fn code_at(index: u8) -> &'static str {
    CODES.get(usize::from(index)).copied().unwrap_or("")
}

/// Reduces a BCP-47 tag or a language name code to its primary ISO 639-1 subtag ("en-GB" -> "en").
pub fn primary(tag: &str) -> String {
    tag.trim()
        .split(['-', '_'])
        .next()
        .unwrap_or("")
        .to_ascii_lowercase()
}

/// The function words of each language, as hashes of their normalised forms (the tokenizer's
/// word hashes, so that the lists may be written as the language writes them: Arabic "في" is
/// looked up as the "فی" that normalisation makes of it), so that a lookup costs no string
/// hashing.
fn stopword_sets() -> &'static HashMap<&'static str, WordSet> {
    static SETS: OnceLock<HashMap<&'static str, WordSet>> = OnceLock::new();
    SETS.get_or_init(|| {
        STOPWORDS
            .iter()
            .map(|(code, words)| (*code, super::word_hashes(words).into_iter().collect()))
            .collect()
    })
}

/// For each function word of the Latin-script languages, the languages (indices into [`LATIN`])
/// it belongs to, as a 1 in each one's count field ([`COUNT_BITS`] bits each): one lookup and one
/// addition per word when guessing.
fn latin_index() -> &'static WordTable<u128> {
    static INDEX: OnceLock<WordTable<u128>> = OnceLock::new();
    INDEX.get_or_init(|| {
        let mut m = WordTable::default();
        for (i, code) in LATIN.iter().enumerate() {
            let words = STOPWORDS
                .iter()
                .find(|(c, _)| c == code)
                .map_or("", |(_, w)| w);
            for w in super::word_hashes(words) {
                *m.get_or_default(w) |= 1 << (COUNT_BITS * i);
            }
        }
        m
    })
}

/// Latin-script languages told apart by their function words.
const LATIN: &[&str] = &["en", "de", "fr", "es", "it", "pt", "nl", "id", "tr", "sv"];

/// Most words [`guess`] reads of a Latin-script text.
const GUESS_WORDS: usize = 2000;

/// Bits of each language's count of function words in [`guess`]: the counts of all of them are
/// fields of one integer, so that a word adds to each of its languages at once.
const COUNT_BITS: usize = 12;
const _: () = assert!(LATIN.len() * COUNT_BITS <= 128 && GUESS_WORDS < 1 << COUNT_BITS);

/// The function words of `code` (as word hashes), if the project has a list for it.
pub fn stopwords(code: &str) -> Option<&'static WordSet> {
    stopword_sets().get(code)
}

/// The Snowball stemmer for `code`, if one exists.
pub fn stemmer(code: &str) -> Option<Algorithm> {
    Some(match code {
        "ar" => Algorithm::Arabic,
        "da" => Algorithm::Danish,
        "nl" => Algorithm::Dutch,
        "en" => Algorithm::English,
        "fi" => Algorithm::Finnish,
        "fr" => Algorithm::French,
        "de" => Algorithm::German,
        "el" => Algorithm::Greek,
        "hu" => Algorithm::Hungarian,
        "it" => Algorithm::Italian,
        "no" => Algorithm::Norwegian,
        "pt" => Algorithm::Portuguese,
        "ro" => Algorithm::Romanian,
        "ru" => Algorithm::Russian,
        "es" => Algorithm::Spanish,
        "sv" => Algorithm::Swedish,
        "ta" => Algorithm::Tamil,
        "tr" => Algorithm::Turkish,
        _ => return None,
    })
}

/// Counts of letters per script family, gathered while tokenising.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct ScriptCounts {
    /// Latin letters.
    pub latin: u32,
    /// Cyrillic letters.
    pub cyrillic: u32,
    /// Arabic-script letters.
    pub arabic: u32,
    /// Letters only Urdu (among Arabic-script languages) uses much: ے ں ٹ ڈ ڑ ھ.
    pub urdu_marks: u32,
    /// Letters Persian uses and Arabic does not: پ چ ژ گ.
    pub persian_marks: u32,
    /// Han ideographs.
    pub han: u32,
    /// Hiragana and katakana.
    pub kana: u32,
    /// Hangul syllables.
    pub hangul: u32,
    /// Devanagari.
    pub devanagari: u32,
    /// Greek.
    pub greek: u32,
    /// Hebrew.
    pub hebrew: u32,
    /// Thai.
    pub thai: u32,
}

/// Which of a [`ScriptCounts`]' counters a letter adds to, as a small number (0: none), for
/// callers that look it up in a table instead of testing ranges: see [`ScriptCounts::tag`].
pub type ScriptTag = u8;

impl ScriptCounts {
    /// Letters of every script but Latin.
    pub fn others(&self) -> u32 {
        let s = self;
        s.cyrillic
            + s.arabic
            + s.han
            + s.kana
            + s.hangul
            + s.devanagari
            + s.greek
            + s.hebrew
            + s.thai
    }

    /// Highest script number of [`ScriptCounts::counter`].
    const SCRIPTS: ScriptTag = 10;

    /// The counter of script number `script` (1 to [`ScriptCounts::SCRIPTS`]), the low four bits
    /// of a [`ScriptTag`].
    fn counter(&mut self, script: ScriptTag) -> Option<&mut u32> {
        Some(match script {
            1 => &mut self.latin,
            2 => &mut self.cyrillic,
            3 => &mut self.arabic,
            4 => &mut self.greek,
            5 => &mut self.hebrew,
            6 => &mut self.devanagari,
            7 => &mut self.thai,
            8 => &mut self.han,
            9 => &mut self.kana,
            10 => &mut self.hangul,
            _ => return None,
        })
    }

    /// The counters `c` adds to, as [`ScriptCounts::add_tagged`] takes them.
    pub fn tag(c: char) -> ScriptTag {
        let mut one = ScriptCounts::default();
        one.add(c);
        let script = (1..=Self::SCRIPTS)
            .find(|&s| one.counter(s).is_some_and(|n| *n > 0))
            .unwrap_or(0);
        script | (one.urdu_marks as u8) << 4 | (one.persian_marks as u8) << 5
    }

    /// Counts `n` letters whose [`ScriptCounts::tag`] is `tag`: the same as calling
    /// [`ScriptCounts::add`] for each.
    pub fn add_tagged(&mut self, tag: ScriptTag, n: u32) {
        let Some(counter) = self.counter(tag & 0xf) else {
            return;
        };
        *counter += n;
        self.urdu_marks += u32::from(tag >> 4 & 1) * n;
        self.persian_marks += u32::from(tag >> 5 & 1) * n;
    }

    /// Counts one letter.
    #[inline(always)]
    pub fn add(&mut self, c: char) {
        match c as u32 {
            0x41..=0x5a | 0x61..=0x7a | 0xc0..=0x24f => self.latin += 1,
            0x400..=0x4ff => self.cyrillic += 1,
            0x600..=0x6ff | 0x750..=0x77f | 0xfb50..=0xfdff | 0xfe70..=0xfeff => {
                self.arabic += 1;
                if matches!(c, 'ے' | 'ں' | 'ٹ' | 'ڈ' | 'ڑ' | 'ھ') {
                    self.urdu_marks += 1;
                }
                if matches!(c, 'پ' | 'چ' | 'ژ' | 'گ') {
                    self.persian_marks += 1;
                }
            }
            0x4e00..=0x9fff | 0x3400..=0x4dbf => self.han += 1,
            0x3040..=0x30ff => self.kana += 1,
            0xac00..=0xd7af => self.hangul += 1,
            0x900..=0x97f => self.devanagari += 1,
            0x370..=0x3ff => self.greek += 1,
            0x590..=0x5ff => self.hebrew += 1,
            0xe00..=0xe7f => self.thai += 1,
            _ => {}
        }
    }
}

/// Guesses the language of a text from its script counts and its normalised words, given as
/// their FNV-1a hashes (the pipeline computes those once for every word).
///
/// Non-Latin scripts decide by themselves (Arabic script is told apart as Urdu, Persian or Arabic by
/// the letters each uses); for Latin script the language whose function words cover the most word
/// occurrences wins, provided they cover at least 5 % of the words. Returns "" when unsure.
pub fn guess(scripts: &ScriptCounts, words: impl Iterator<Item = u64>) -> &'static str {
    let s = scripts;
    let non_latin = [
        (s.cyrillic, "ru"),
        (s.arabic, "ar"),
        (s.han + s.kana, "zh"),
        (s.hangul, "ko"),
        (s.devanagari, "hi"),
        (s.greek, "el"),
        (s.hebrew, "he"),
        (s.thai, "th"),
    ];
    let (top, code) = non_latin
        .iter()
        .copied()
        .max_by_key(|(n, _)| *n)
        .unwrap_or((0, ""));
    if top > s.latin {
        return match code {
            "ar" if s.urdu_marks * 50 > s.arabic => "ur",
            "ar" if s.persian_marks * 50 > s.arabic => "fa",
            "zh" if s.kana * 10 > s.han => "ja",
            other => other,
        };
    }
    let (hits, total) = latin_hits(words);
    let best = hits
        .iter()
        .enumerate()
        .max_by_key(|(i, n)| (**n, std::cmp::Reverse(*i)));
    match best {
        Some((i, &n)) if total > 0 && n * 20 >= total => LATIN[i],
        _ => "",
    }
}

/// Fewest words from which [`ruled_out`] tells that a text is not in a language.
const RULE_OUT_MIN_WORDS: u32 = 20;

/// The languages of [`CODES`] (bit `i` for `CODES[i]`) that a text whose language [`guess`] could
/// not name is, at least, not in: each language with a function-word list of which fewer than one
/// in twenty of the text's first 2,000 `words` are (as many as [`guess`] reads), for a text of 20
/// or more. `words`: the hashes of the text's running words, neither numbers nor capitalised (a
/// table of names and scores has no function words in any language). A text's own language's function words make at least 14 % of
/// its words in every text of the public sets (Urdu; 28 % and more in English and German), and
/// [`guess`] names the language of any text that reaches 5 % of one of its Latin-script lists.
///
/// Why: a Finnish, Lithuanian or Gujarati page, which the guesser cannot name, was compared with
/// an English original as if in the same language, and its translation was `none` (a Finnish
/// translation of the demo story: 0.02, against 0.91 when the page's language was given).
pub fn ruled_out(words: impl Iterator<Item = u64>) -> u64 {
    let sets: Vec<(&str, &WordSet)> = stopword_sets().iter().map(|(c, s)| (*c, s)).collect();
    let mut hits = vec![0u32; sets.len()];
    let mut total = 0u32;
    for w in words.take(GUESS_WORDS) {
        total += 1;
        for (n, (_, set)) in hits.iter_mut().zip(&sets) {
            *n += u32::from(set.contains(w));
        }
    }
    if total < RULE_OUT_MIN_WORDS {
        return 0;
    }
    // Every language with a function-word list comes early in `CODES` (a test holds it).
    sets.iter()
        .zip(hits)
        .filter(|&(_, n)| n * 20 < total)
        .fold(0, |out, ((code, _), _)| out | lang_bit(code_index(code)))
}

/// How many of the first [`GUESS_WORDS`] of `words` are function words of each language of
/// [`LATIN`], and how many words were counted.
fn latin_hits(words: impl Iterator<Item = u64>) -> ([u32; LATIN.len()], u32) {
    // Each function word's entry holds a 1 in the count field of each language it belongs to
    // ([`COUNT_BITS`] a field), so one addition counts it for all of them; no field can overflow
    // into the next within [`GUESS_WORDS`] words.
    let index = latin_index();
    let mut fields = 0u128;
    let mut total = 0u32;
    for w in words.take(GUESS_WORDS) {
        total += 1;
        fields += index.get_or_default_value(w);
    }
    let hits =
        std::array::from_fn(|i| (fields >> (COUNT_BITS * i)) as u32 & ((1 << COUNT_BITS) - 1));
    (hits, total)
}

/// Fewest letters of a text from which [`hint_fits`] judges a caller's language hint.
pub const HINT_MIN_LETTERS: u32 = 40;

/// Whether the language a caller gives for a text (`hint`, a code of [`CODES`]) fits the text, so
/// that it may be trusted rather than guessed.
///
/// Pages declare their language in markup that templates often fill in for the whole site: an
/// Urdu or Russian story under `<html lang="en">` is common on the web. Trusted, such a hint makes
/// every word of the story a content word of the wrong language, and its copies are no longer
/// found (a counter-public copy checked with `--lang en` scored 0.04 instead of 0.91, `none`
/// instead of `partial`). So a hint is refused when:
/// - most of the text's letters are of another script than the hinted language is written in
///   (Latin for a Cyrillic-script language, Arabic script for a Latin one, …);
/// - or, for a Latin-script language whose function words the guesser knows (ten of them), another
///   one's are at least three times as frequent in the text and make a tenth of its words ("en"
///   on a German story).
///
/// A short text (under [`HINT_MIN_LETTERS`] letters), and a language whose script the counts do not
/// tell (Tamil, Bengali, Gujarati, Georgian and others), keep the hint.
pub fn hint_fits(hint: &str, scripts: &ScriptCounts, words: impl Iterator<Item = u64>) -> bool {
    let s = scripts;
    let counts = [
        s.latin,
        s.cyrillic,
        s.arabic,
        s.han + s.kana,
        s.hangul,
        s.devanagari,
        s.greek,
        s.hebrew,
        s.thai,
    ];
    let letters: u32 = counts.iter().sum();
    if letters < HINT_MIN_LETTERS {
        return true;
    }
    // Which of `counts` the hinted language is written in (Serbian in two).
    let written_in: &[usize] = match hint {
        "ru" | "uk" | "bg" | "kk" | "be" | "mk" | "mn" | "ky" | "tg" => &[1],
        "sr" | "bs" | "az" | "uz" => &[0, 1],
        "ur" | "ar" | "fa" | "ps" | "sd" | "ug" => &[2],
        "ku" => &[0, 2],
        "zh" | "ja" => &[3],
        "ko" => &[4],
        "hi" | "mr" | "ne" => &[5],
        "el" => &[6],
        "he" | "yi" => &[7],
        "th" => &[8],
        // Scripts the counts do not tell: Tamil, Bengali, Gujarati, Gurmukhi, Telugu, Kannada,
        // Malayalam, Sinhala, Georgian, Armenian, Ethiopic, Khmer, Burmese, Lao, Oriya.
        "ta" | "bn" | "gu" | "pa" | "te" | "kn" | "ml" | "si" | "ka" | "hy" | "am" | "ti"
        | "km" | "my" | "lo" | "or" | "as" | "" => return true,
        _ => &[0],
    };
    let (top, &most) = counts
        .iter()
        .enumerate()
        .max_by_key(|(_, n)| **n)
        .expect("nine counts");
    if !written_in.contains(&top) && most * 2 > letters {
        return false;
    }
    if top != 0 || written_in != [0] {
        return true;
    }
    // Only a language whose function words the guesser knows can be weighed against the others:
    // Norwegian, Danish, Malay or Catalan share many of Swedish's, Indonesian's or Spanish's.
    let Some(hinted) = LATIN.iter().position(|c| *c == hint) else {
        return true;
    };
    let (hits, total) = latin_hits(words);
    let best = hits.iter().copied().max().unwrap_or(0);
    best < 3 * hits[hinted].max(1) || best * 10 < total
}

#[cfg(test)]
mod tests {
    use super::*;

    fn guess_text(text: &str) -> &'static str {
        let mut sc = ScriptCounts::default();
        text.chars().for_each(|c| sc.add(c));
        guess(&sc, super::super::word_hashes(text).into_iter())
    }

    #[test]
    fn a_text_the_guesser_cannot_name_rules_out_the_languages_it_is_not_in() {
        let words = |t: &str| super::super::word_hashes(t).into_iter();
        let finnish = "satamaviranomainen kertoi maanantaina että kontteja on jumissa lakon \
            vuoksi ja neuvottelut ammattiliiton kanssa jatkuvat ensi viikolla kun varustamo \
            ohjaa aluksia muihin satamiin ja pormestari kehotti osapuolia sopimaan";
        let out = ruled_out(words(finnish));
        for code in ["en", "de", "fr", "ru", "ur"] {
            assert!(out & lang_bit(code_index(code)) != 0, "{code}");
        }
        // Languages without a function-word list cannot be ruled out, Finnish among them.
        assert_eq!(out & lang_bit(code_index("fi")), 0);
        // English running text is not ruled out of English; too few words rule out nothing.
        let english = "the authority said on monday that containers were stranded after a strike \
            by dock workers and that talks with the union would resume in march before the vote";
        assert_eq!(ruled_out(words(english)) & lang_bit(code_index("en")), 0);
        assert_eq!(ruled_out(words("kertoi maanantaina että")), 0);
    }

    #[test]
    fn guesses_common_languages() {
        assert_eq!(
            guess_text("The president said that the talks would go on for a week"),
            "en"
        );
        assert_eq!(
            guess_text("Der Präsident sagte, dass die Gespräche eine Woche dauern würden"),
            "de"
        );
        assert_eq!(
            guess_text("Президент заявил, что переговоры продлятся неделю"),
            "ru"
        );
        assert_eq!(guess_text("بنگلہ دیش نے سیریز میں وائٹ واش کر دیا"), "ur");
        assert_eq!(
            guess_text("Le président a dit que les discussions dureraient une semaine"),
            "fr"
        );
    }

    fn fits(hint: &str, text: &str) -> bool {
        let mut sc = ScriptCounts::default();
        text.chars().for_each(|c| sc.add(c));
        hint_fits(hint, &sc, super::super::word_hashes(text).into_iter())
    }

    #[test]
    fn refuses_hints_the_text_contradicts() {
        let english = "The president said on Tuesday that the talks with the union would go on \
                       for another week, and that he was sure of an agreement before the end of it.";
        let german = "Der Präsident sagte am Dienstag, dass die Gespräche mit der Gewerkschaft \
                      noch eine Woche dauern würden und dass er sich einer Einigung vor dem Ende \
                      sicher sei.";
        let urdu = "بنگلہ دیش نے زمبابوے کو ون ڈے سیریز میں بھی وائٹ واش کر دیا اور پانچویں \
                    میچ میں پانچ وکٹوں سے فتح حاصل کی";
        let russian = "Президент заявил во вторник, что переговоры с профсоюзом продлятся ещё \
                       неделю и что он уверен в соглашении";
        // Right hints are kept, wrong scripts and other languages' function words refused.
        for (hint, text) in [
            ("en", english),
            ("de", german),
            ("ur", urdu),
            ("ru", russian),
        ] {
            assert!(fits(hint, text), "{hint}");
        }
        for (hint, text) in [
            ("en", urdu),
            ("en", russian),
            ("ru", english),
            ("ar", german),
            ("en", german),
            ("de", english),
        ] {
            assert!(!fits(hint, text), "{hint}: {text}");
        }
        // Languages the guesser has no function words of (Norwegian and Malay close to Swedish
        // and Indonesian, which it has), a script the counts do not tell, Serbian in either
        // script, and short texts keep the hint.
        assert!(fits("pl", "Prezydent powiedział we wtorek, że rozmowy ze związkiem potrwają jeszcze tydzień i że jest pewien porozumienia"));
        assert!(fits("no", "Statsministeren sa på tirsdag at det er for tidlig å si om forhandlingene med forbundet vil føre til en avtale i løpet av uken, men at han har tro på det"));
        assert!(fits("ms", "Perdana Menteri berkata pada hari Selasa bahawa rundingan dengan kesatuan itu akan diteruskan untuk seminggu lagi dan beliau yakin akan ada persetujuan"));
        assert!(fits(
            "ta",
            "அமைச்சர் செவ்வாய்க்கிழமை கூறினார் the talks would go on"
        ));
        assert!(fits(
            "sr",
            "Председник је рекао у уторак да ће разговори трајати још недељу дана"
        ));
        assert!(fits(
            "sr",
            "Predsednik je rekao u utorak da će razgovori trajati još nedelju dana"
        ));
        assert!(fits("en", "Кремль"));
    }

    #[test]
    fn unsure_on_no_words() {
        assert_eq!(guess_text(""), "");
        assert_eq!(guess_text("zzz qqq xxx"), "");
    }

    #[test]
    fn code_table_round_trips() {
        for (i, c) in CODES.iter().enumerate().skip(1) {
            assert_eq!(code_index(c) as usize, i);
            assert_eq!(code_at(i as u8), *c);
        }
        assert_eq!(code_index("xx"), 0);
        assert!(CODES.len() <= 256, "an index is one byte");
        for (code, _) in STOPWORDS {
            assert!(code_index(code) > 0 && code_index(code) < 64, "{code}");
        }
        assert_eq!(code_at(250), "");
        assert_eq!(primary("en-GB"), "en");
    }
}
