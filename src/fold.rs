//! Folding characters to plain lowercase Latin.
//!
//! Slugs (`corpus`) and search keys (`search::normalize`) both need "the same
//! word, whatever its case, accents or script": `Qazaqstan`, `Qazaqstán` and
//! `Қазақстан` must fold alike. This module owns that one mapping so the two
//! can never disagree. It is a small hand table rather than a Unicode
//! normalisation crate: the corpus is Latin and Cyrillic, and the table costs a
//! few kilobytes of wasm where full decomposition tables cost tens.
//!
//! The build script includes this file too, so it depends on `std` only.

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
    out.extend(c.to_lowercase());
}

/// Folds a whole string; see [`push_folded`].
pub fn fold(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        push_folded(c, &mut out);
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
        'À'..='Å' | 'à'..='å' | 'Ā' | 'ā' | 'Ă' | 'ă' | 'Ą' | 'ą' | 'Ə' | 'ə' | 'Ǝ' | 'ǝ' => {
            "a"
        }
        'Æ' | 'æ' => "ae",
        'Ç' | 'ç' | 'Ć' | 'ć' | 'Ĉ' | 'ĉ' | 'Ċ' | 'ċ' | 'Č' | 'č' => "c",
        'Ð' | 'ð' | 'Ď' | 'ď' | 'Đ' | 'đ' => "d",
        'È'..='Ë' | 'è'..='ë' | 'Ē' | 'ē' | 'Ĕ' | 'ĕ' | 'Ė' | 'ė' | 'Ę' | 'ę' | 'Ě' | 'ě' => {
            "e"
        }
        'Ĝ' | 'ĝ' | 'Ğ' | 'ğ' | 'Ġ' | 'ġ' | 'Ģ' | 'ģ' => "g",
        'Ĥ' | 'ĥ' | 'Ħ' | 'ħ' => "h",
        'Ì'..='Ï' | 'ì'..='ï' | 'Ĩ' | 'ĩ' | 'Ī' | 'ī' | 'Ĭ' | 'ĭ' | 'Į' | 'į' | 'İ' | 'ı' => {
            "i"
        }
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
        'Ù'..='Ü'
        | 'ù'..='ü'
        | 'Ũ'
        | 'ũ'
        | 'Ū'
        | 'ū'
        | 'Ŭ'
        | 'ŭ'
        | 'Ů'
        | 'ů'
        | 'Ű'
        | 'ű'
        | 'Ų'
        | 'ų' => "u",
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

#[cfg(test)]
mod tests {
    use super::fold;

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
}
