//! Words and their folded forms, shared by the corpus (slugs, places) and
//! search (index keys, queries, highlights), so they can never disagree on
//! where a word starts or what it folds to.
//!
//! Folding makes "the same word, whatever its case, accents or script" one
//! key: `Qazaqstan`, `Qazaqstán` and `Қазақстан` fold alike. It is a small hand
//! table rather than a Unicode normalisation crate: the corpus is Latin and
//! Cyrillic, and the table costs a few kilobytes of wasm where full
//! decomposition tables cost tens.
//!
//! Both loops here run over every character of the corpus, so they take a
//! byte-level fast path for ASCII and decode UTF-8 only where it is not.

use std::ops::Range;

/// Appends the folded form of `c` to `out`: lowercase ASCII letters and digits
/// for letters we know, the lowercase character itself for other letters, and
/// nothing for combining marks, apostrophes and typographic quotes (so
/// `Kazakhstan’s` and `Kazakhstans` fold alike). Everything else (spaces,
/// punctuation) is passed through lowercased, for the caller to treat as a
/// separator.
pub fn push_folded(c: char, out: &mut String) {
    if c.is_ascii() {
        if c != '\'' {
            out.push(c.to_ascii_lowercase());
        }
        return;
    }
    if is_silent(c) {
        return;
    }
    if let Some(latin) = latin_base(c).or_else(|| cyrillic_to_latin(c)) {
        out.push_str(latin);
        return;
    }
    crate::lowercase::push_lower(c, out);
}

/// Folds a whole string; see [`push_folded`].
pub fn fold(text: &str) -> String {
    per_char(text, push_folded)
}

/// `text` with each character replaced by what `push` writes for it.
pub(crate) fn per_char(text: &str, push: fn(char, &mut String)) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        push(c, &mut out);
    }
    out
}

/// Characters that vanish when folding: combining diacritics, apostrophes,
/// typographic quotes used as apostrophes, soft and hard signs, and
/// zero-width characters, none of which separate words.
fn is_silent(c: char) -> bool {
    matches!(c,
        '\u{300}'..='\u{36f}'           // combining diacritical marks
        | '\u{2018}' | '\u{2019}' | '\u{02bc}' | '\u{02bb}' | '`' | '\u{b4}'
        | '\u{200b}'..='\u{200d}' | '\u{2060}' | '\u{feff}' | '\u{ad}'
        | 'ъ' | 'Ъ' | 'ь' | 'Ь')
}

/// Latin letters with diacritics (Latin-1 Supplement, Latin Extended-A and
/// the letters of Turkic Latin alphabets) to their base letters.
fn latin_base(c: char) -> Option<&'static str> {
    Some(match c {
        'À'..='Å' | 'à'..='å' | 'Ā' | 'ā' | 'Ă' | 'ă' | 'Ą' | 'ą' | 'Ə' | 'ə' | 'Ǝ' | 'ǝ' => "a",
        'Æ' | 'æ' => "ae",
        'Ç' | 'ç' | 'Ć' | 'ć' | 'Ĉ' | 'ĉ' | 'Ċ' | 'ċ' | 'Č' | 'č' => "c",
        'Ð' | 'ð' | 'Ď' | 'ď' | 'Đ' | 'đ' => "d",
        'È'..='Ë' | 'è'..='ë' | 'Ē' | 'ē' | 'Ĕ' | 'ĕ' | 'Ė' | 'ė' | 'Ę' | 'ę' | 'Ě' | 'ě' => "e",
        'Ĝ' | 'ĝ' | 'Ğ' | 'ğ' | 'Ġ' | 'ġ' | 'Ģ' | 'ģ' => "g",
        'Ĥ' | 'ĥ' | 'Ħ' | 'ħ' => "h",
        'Ì'..='Ï' | 'ì'..='ï' | 'Ĩ' | 'ĩ' | 'Ī' | 'ī' | 'Ĭ' | 'ĭ' | 'Į' | 'į' | 'İ' | 'ı' => "i",
        'Ĵ' | 'ĵ' => "j",
        'Ķ' | 'ķ' => "k",
        'Ĺ' | 'ĺ' | 'Ļ' | 'ļ' | 'Ľ' | 'ľ' | 'Ŀ' | 'ŀ' | 'Ł' | 'ł' => "l",
        'Ñ' | 'ñ' | 'Ń' | 'ń' | 'Ņ' | 'ņ' | 'Ň' | 'ň' | 'Ŋ' | 'ŋ' => "n",
        'Ò'..='Ö' | 'Ø' | 'ò'..='ö' | 'ø' | 'Ō' | 'ō' | 'Ŏ' | 'ŏ' | 'Ő' | 'ő' => "o",
        'Œ' | 'œ' => "oe",
        'Ŕ' | 'ŕ' | 'Ŗ' | 'ŗ' | 'Ř' | 'ř' => "r",
        'Ś' | 'ś' | 'Ŝ' | 'ŝ' | 'Ş' | 'ş' | 'Š' | 'š' | 'Ș' | 'ș' => "s",
        'ß' => "ss",
        'Ţ' | 'ţ' | 'Ť' | 'ť' | 'Ŧ' | 'ŧ' | 'Ț' | 'ț' => "t",
        'Þ' | 'þ' => "th",
        'Ù'..='Ü' | 'ù'..='ü' | 'Ũ' | 'ũ' | 'Ū' | 'ū' | 'Ŭ' | 'ŭ' | 'Ů' | 'ů' | 'Ű' | 'ű' | 'Ų' | 'ų' => {
            "u"
        }
        'Ŵ' | 'ŵ' => "w",
        'Ý' | 'ý' | 'ÿ' | 'Ŷ' | 'ŷ' | 'Ÿ' => "y",
        'Ź' | 'ź' | 'Ż' | 'ż' | 'Ž' | 'ž' => "z",
        _ => return None,
    })
}

/// Cyrillic to Latin, following the BGN/PCGN-style romanisation English news
/// uses for Russian (`Токаев` → `tokaev`, `Жанаозен` → `zhanaozen`), plus the
/// extra letters of Kazakh, Kyrgyz, Tajik and Uzbek Cyrillic.
fn cyrillic_to_latin(c: char) -> Option<&'static str> {
    Some(match c {
        'А' | 'а' => "a",
        'Б' | 'б' => "b",
        'В' | 'в' => "v",
        'Г' | 'г' => "g",
        'Д' | 'д' => "d",
        'Е' | 'е' => "e",
        'Ё' | 'ё' => "yo",
        'Ж' | 'ж' => "zh",
        'З' | 'з' => "z",
        'И' | 'и' | 'І' | 'і' | 'Ӣ' | 'ӣ' => "i",
        'Й' | 'й' => "y",
        'К' | 'к' => "k",
        'Л' | 'л' => "l",
        'М' | 'м' => "m",
        'Н' | 'н' => "n",
        'О' | 'о' => "o",
        'П' | 'п' => "p",
        'Р' | 'р' => "r",
        'С' | 'с' => "s",
        'Т' | 'т' => "t",
        'У' | 'у' | 'Ұ' | 'ұ' | 'Ӯ' | 'ӯ' | 'Ў' | 'ў' => "u",
        'Ф' | 'ф' => "f",
        'Х' | 'х' | 'Ҳ' | 'ҳ' | 'Һ' | 'һ' => "kh",
        'Ц' | 'ц' => "ts",
        'Ч' | 'ч' | 'Ҷ' | 'ҷ' => "ch",
        'Ш' | 'ш' => "sh",
        'Щ' | 'щ' => "shch",
        'Ы' | 'ы' => "y",
        'Э' | 'э' => "e",
        'Ю' | 'ю' => "yu",
        'Я' | 'я' => "ya",
        'Ә' | 'ә' => "a",
        'Ғ' | 'ғ' => "gh",
        'Қ' | 'қ' => "q",
        'Ң' | 'ң' => "ng",
        'Ө' | 'ө' => "o",
        'Ү' | 'ү' => "u",
        _ => return None,
    })
}

/// The longest key kept for one word, in bytes. Longer runs of letters (a
/// scraped line with no spaces) still count as one word, cut to this length.
pub const MAX_KEY_LEN: usize = 64;

/// The words of `text` as byte ranges, in order. A word is a run of letters
/// and digits; an apostrophe between letters stays inside it (`Kazakhstan’s`
/// is one word); hyphens and other punctuation separate words (`Nur-Sultan` is
/// two), as does anything else.
pub fn words(text: &str) -> Words<'_> {
    Words { text, at: 0 }
}

pub struct Words<'a> {
    text: &'a str,
    at: usize,
}

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || matches!(c, '\u{300}'..='\u{36f}')
}

fn is_apostrophe(c: char) -> bool {
    matches!(c, '\'' | '’' | 'ʼ')
}

impl Words<'_> {
    /// The character at byte `at` and its length, if it belongs in a word.
    fn word_char_at(&self, at: usize) -> Option<usize> {
        let byte = *self.text.as_bytes().get(at)?;
        if byte < 0x80 {
            return byte.is_ascii_alphanumeric().then_some(1);
        }
        let c = self.text[at..].chars().next()?;
        is_word_char(c).then(|| c.len_utf8())
    }

    /// The length of an apostrophe at byte `at` that has a letter after it.
    fn inner_apostrophe_at(&self, at: usize) -> Option<usize> {
        let byte = *self.text.as_bytes().get(at)?;
        if byte < 0x80 && byte != b'\'' {
            return None;
        }
        let c = self.text.get(at..)?.chars().next()?;
        let len = c.len_utf8();
        (is_apostrophe(c) && self.word_char_at(at + len).is_some()).then_some(len)
    }
}

impl Iterator for Words<'_> {
    type Item = Range<usize>;

    /// Runs of ASCII (most of any English corpus) are scanned a byte at a
    /// time; only other characters are decoded.
    fn next(&mut self) -> Option<Range<usize>> {
        let bytes = self.text.as_bytes();
        let mut at = self.at;
        let start = loop {
            match bytes.get(at) {
                None => {
                    self.at = at;
                    return None;
                }
                Some(byte) if byte.is_ascii_alphanumeric() => break at,
                Some(byte) if *byte < 0x80 => at += 1,
                Some(_) => match self.word_char_at(at) {
                    Some(_) => break at,
                    None => at += self.text[at..].chars().next().map_or(1, char::len_utf8),
                },
            }
        };
        loop {
            while bytes.get(at).is_some_and(u8::is_ascii_alphanumeric) {
                at += 1;
            }
            match self.word_char_at(at).or_else(|| self.inner_apostrophe_at(at)) {
                Some(len) => at += len,
                None => break,
            }
        }
        self.at = at;
        Some(start..at)
    }
}

/// Whether `word` is written in Cyrillic (it is then stemmed as Russian).
pub fn is_cyrillic(word: &str) -> bool {
    word.chars().any(|c| matches!(c, '\u{400}'..='\u{4ff}'))
}

/// The language of `texts`, as a `lang` attribute names it: `ru` when most
/// of their letters are Cyrillic, `en` otherwise (the corpus's two, and the
/// stemmers'). A screen reader and the article's Listen control read it in
/// that language's voice. The first 2,000 letters decide.
pub fn language<'a>(texts: impl IntoIterator<Item = &'a str>) -> &'static str {
    let letters = texts
        .into_iter()
        .flat_map(str::chars)
        .filter(|c| c.is_alphabetic())
        .take(2000);
    let (mut cyrillic, mut other) = (0usize, 0usize);
    for c in letters {
        if matches!(c, '\u{400}'..='\u{4ff}') {
            cyrillic += 1;
        } else {
            other += 1;
        }
    }
    if cyrillic > other {
        "ru"
    } else {
        "en"
    }
}

/// `word` without an English possessive ending (`'s`, `’s` or `ʼs`):
/// `Toqaev’s` is Toqaev, and a reader who looks for Tokayev means him. Cut
/// here, before folding, because folding drops the apostrophe that tells
/// `Toqaev's` from a plural; cut from the key rather than split from the word,
/// so a highlight still marks the whole word as written.
pub fn without_possessive(word: &str) -> &str {
    // Every word of the corpus comes here: most are answered by one byte.
    if !matches!(word.as_bytes().last(), Some(b's' | b'S')) {
        return word;
    }
    let before = &word[..word.len() - 1];
    match before.char_indices().next_back() {
        Some((at, c)) if at > 0 && is_apostrophe(c) => &before[..at],
        _ => word,
    }
}

/// Folds `word` into `key` (cleared first): lowercase Latin, no accents,
/// Cyrillic transliterated, no possessive `'s`, at most [`MAX_KEY_LEN`] bytes.
pub fn fold_into(word: &str, key: &mut String) {
    key.clear();
    let word = without_possessive(word);
    if word.is_ascii() {
        // Most words: copied and lowercased in place, not char by char.
        if word.contains('\'') {
            key.extend(word.bytes().filter(|&b| b != b'\'').take(MAX_KEY_LEN).map(char::from));
        } else {
            key.push_str(&word[..word.len().min(MAX_KEY_LEN)]);
        }
        key.make_ascii_lowercase();
        return;
    }
    for c in word.chars() {
        push_folded(c, key);
        if key.len() >= MAX_KEY_LEN {
            let mut end = MAX_KEY_LEN;
            while !key.is_char_boundary(end) {
                end -= 1;
            }
            key.truncate(end);
            break;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_article_is_in_the_language_most_of_its_letters_are() {
        assert_eq!(
            language(["Токаев заявил о попытке переворота", "Kazakhstan, CSTO"]),
            "ru"
        );
        assert_eq!(language(["Tokayev says order restored", "Токаев"]), "en");
        assert_eq!(language(["2022 — 164"]), "en", "no letters: the site's language");
    }

    #[test]
    fn folds_case_diacritics_and_quotes() {
        assert_eq!(fold("Kazakhstan’s"), "kazakhstans");
        assert_eq!(fold("Qazaqstán"), "qazaqstan");
        assert_eq!(fold("Ərdoğan İstanbul"), "ardogan istanbul");
        assert_eq!(fold("Straße"), "strasse");
        assert_eq!(fold("e\u{301}te\u{301}"), "ete");
    }

    #[test]
    fn transliterates_cyrillic() {
        assert_eq!(fold("Токаев"), "tokaev");
        assert_eq!(fold("Жанаозен"), "zhanaozen");
        assert_eq!(fold("Қасым-Жомарт"), "qasym-zhomart");
        assert_eq!(fold("Объявление"), "obyavlenie");
    }

    #[test]
    fn keeps_other_scripts_lowercased() {
        assert_eq!(fold("北京"), "北京");
        assert_eq!(fold("ΑΘΗΝΑ"), "αθηνα");
    }

    fn split(text: &str) -> Vec<&str> {
        words(text).map(|r| &text[r]).collect()
    }

    #[test]
    fn words_split_on_punctuation_but_keep_apostrophes() {
        assert_eq!(
            split("Kazakhstan’s Nur-Sultan, “coup”; 7,939 people'"),
            vec!["Kazakhstan’s", "Nur", "Sultan", "coup", "7", "939", "people"]
        );
        assert_eq!(split("Токаев — президент"), vec!["Токаев", "президент"]);
        assert_eq!(split("e\u{301}te\u{301}"), vec!["e\u{301}te\u{301}"]);
        assert!(split(" -- ... ").is_empty());
    }

    #[test]
    fn possessives_are_cut_but_not_other_apostrophes() {
        assert_eq!(without_possessive("Toqaev's"), "Toqaev");
        assert_eq!(without_possessive("Toqaev’s"), "Toqaev");
        assert_eq!(without_possessive("Токаевʼs"), "Токаев");
        assert_eq!(without_possessive("O'Brien"), "O'Brien");
        assert_eq!(without_possessive("Kazakhs"), "Kazakhs");
        assert_eq!(without_possessive("'s"), "'s");
        assert_eq!(without_possessive("s"), "s");
    }

    #[test]
    fn keys_are_folded_and_bounded() {
        let mut key = String::new();
        fold_into("Kazakhstan’s", &mut key);
        assert_eq!(key, "kazakhstan");
        fold_into("TOQAEV'S", &mut key);
        assert_eq!(key, "toqaev");
        fold_into("Kazakhstans", &mut key);
        assert_eq!(key, "kazakhstans");
        fold_into(&"x".repeat(1000), &mut key);
        assert_eq!(key.len(), MAX_KEY_LEN);
        fold_into(&"ж".repeat(100), &mut key);
        assert!(key.len() <= MAX_KEY_LEN && key.starts_with("zhzh"));
    }
}
