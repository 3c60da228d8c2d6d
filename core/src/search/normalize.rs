//! The keys a word is found by, beyond its folded form: its stem, and its
//! name key, which makes every romanisation of a Central Asian or Russian name
//! one key.
//!
//! Case, accents and the Cyrillic alphabet are already gone by the time a word
//! gets here (see [`crate::text`]): `Токаев`, `Tokaev` and `TOKAEV` all arrive
//! as `tokaev`. News in English then spells the same name several more ways:
//! Tokayev and Toqaev, Kassym-Jomart and Qasym-Zhomart, Nazarbayev and
//! Nazarbaev. [`name_key`] applies the rules of [`NAME_RULES`], in order, so
//! all of them meet:
//!
//! | rule | example | key |
//! | --- | --- | --- |
//! | Cyrillic to Latin (in [`crate::text`]) | `Токаев` | `tokaev` |
//! | `q` is `k` | `toqaev` | `tokaev` |
//! | `dzh`, `dj` and `zh` are `j` | `zhomart`, `djambul` | `jomart`, `jambul` |
//! | `kh` is `h` | `khalilov` | `halilov` |
//! | `ou` is `u` | `oumarov` | `umarov` |
//! | `w` is `v` | `wladimir` | `vladimir` |
//! | `y` between vowels drops | `tokayev` | `tokaev` |
//! | `i` between `a` and `e` drops (`-aiev`) | `nazarbaiev` | `nazarbaev` |
//! | a word-initial `y` before a vowel drops | `yerlan` | `erlan` |
//! | `iy`, `ii` and `yy` at the end are `i` | `dmitriy`, `dmitrii` | `dmitri` |
//! | any other `y` is `i` | `qasym`, `dmitry` | `kasim`, `dmitri` |
//! | a doubled consonant is single | `kassym` | `kasim` |
//!
//! Name keys match at a lower rank than exact and stemmed words, so a rule that
//! folds two ordinary English words together costs little: the exact word
//! still ranks first.

use std::borrow::Cow;

use frostem::{Algorithm, Stemmer};

/// The shortest word (in bytes) that gets a name key; shorter words are too
/// easily folded into each other.
const MIN_NAME_KEY_LEN: usize = 4;

/// The stem of a word: Snowball English for Latin words (on the folded form),
/// Snowball Russian for Cyrillic ones (on the lowercase Cyrillic, then
/// transliterated like everything else).
pub fn stem(folded: &str, original: &str) -> String {
    if crate::text::is_cyrillic(original) {
        let lower = original.to_lowercase();
        let stem = Stemmer::new(Algorithm::Russian).stem(&lower).into_owned();
        crate::text::fold(&stem)
    } else {
        Stemmer::new(Algorithm::English).stem(folded).into_owned()
    }
}

/// One rewriting rule of the name key.
pub struct NameRule {
    /// What the rule does, as in the table above.
    pub name: &'static str,
    /// An example spelling and what the rule alone makes of it.
    pub example: (&'static str, &'static str),
    apply: fn(&str) -> Cow<'_, str>,
}

/// The rules, in the order they apply.
pub const NAME_RULES: &[NameRule] = &[
    NameRule {
        name: "q is k",
        example: ("toqaev", "tokaev"),
        apply: |w| replace(w, "q", "k"),
    },
    NameRule {
        name: "dzh, dj and zh are j",
        example: ("zhomart", "jomart"),
        apply: |w| replace_all(w, &[("dzh", "j"), ("dj", "j"), ("zh", "j")]),
    },
    NameRule {
        name: "kh is h",
        example: ("khalilov", "halilov"),
        apply: |w| replace(w, "kh", "h"),
    },
    NameRule {
        name: "ou is u",
        example: ("oumarov", "umarov"),
        apply: |w| replace(w, "ou", "u"),
    },
    NameRule {
        name: "w is v",
        example: ("wladimir", "vladimir"),
        apply: |w| replace(w, "w", "v"),
    },
    NameRule {
        name: "y between vowels drops",
        example: ("tokayev", "tokaev"),
        apply: |w| drop_between(w, b'y', |before, after| is_vowel(before) && is_vowel(after)),
    },
    NameRule {
        name: "i between a and e drops",
        example: ("nazarbaiev", "nazarbaev"),
        apply: |w| drop_between(w, b'i', |before, after| before == b'a' && after == b'e'),
    },
    NameRule {
        name: "initial y before a vowel drops",
        example: ("yerlan", "erlan"),
        apply: |w| match w.as_bytes() {
            [b'y', next, ..] if is_vowel(*next) => Cow::Borrowed(&w[1..]),
            _ => Cow::Borrowed(w),
        },
    },
    NameRule {
        name: "final iy, ii and yy are i",
        example: ("dmitriy", "dmitri"),
        apply: |w| match ["iy", "ii", "yy"].iter().find(|end| w.ends_with(*end)) {
            Some(_) => Cow::Owned(format!("{}i", &w[..w.len() - 2])),
            None => Cow::Borrowed(w),
        },
    },
    NameRule {
        name: "other y is i",
        example: ("qasym", "qasim"),
        apply: |w| replace(w, "y", "i"),
    },
    NameRule {
        name: "doubled consonants are single",
        example: ("kassym", "kasym"),
        apply: single_consonants,
    },
];

/// The name key of a folded word; see the module documentation.
pub fn name_key(folded: &str) -> Option<String> {
    if folded.len() < MIN_NAME_KEY_LEN || !folded.bytes().all(|b| b.is_ascii_lowercase()) {
        return None;
    }
    let mut key = folded.to_string();
    for rule in NAME_RULES {
        let changed = (rule.apply)(&key);
        if changed != key.as_str() {
            key = changed.into_owned();
        }
    }
    Some(key)
}

fn is_vowel(b: u8) -> bool {
    matches!(b, b'a' | b'e' | b'i' | b'o' | b'u')
}

/// Whether `word` contains `pattern`, by comparing bytes: the standard
/// `contains` builds a two-way searcher per call (there is no SIMD path in
/// wasm), which cost more than the search itself on these short words and
/// was a tenth of building the index in the browser.
fn has(word: &str, pattern: &str) -> bool {
    word.as_bytes()
        .windows(pattern.len())
        .any(|window| window == pattern.as_bytes())
}

fn replace<'a>(word: &'a str, from: &str, to: &str) -> Cow<'a, str> {
    if !has(word, from) {
        return Cow::Borrowed(word);
    }
    let mut out = String::with_capacity(word.len());
    let mut rest = word;
    while let Some(c) = rest.chars().next() {
        if rest.starts_with(from) {
            out.push_str(to);
            rest = &rest[from.len()..];
        } else {
            out.push(c);
            rest = &rest[c.len_utf8()..];
        }
    }
    Cow::Owned(out)
}

fn replace_all<'a>(word: &'a str, pairs: &[(&str, &str)]) -> Cow<'a, str> {
    let mut out = Cow::Borrowed(word);
    for (from, to) in pairs {
        if let Cow::Owned(replaced) = replace(&out, from, to) {
            out = Cow::Owned(replaced);
        }
    }
    out
}

/// Drops each `letter` whose neighbours satisfy `keep_out(before, after)`.
fn drop_between(word: &str, letter: u8, drop: fn(u8, u8) -> bool) -> Cow<'_, str> {
    let bytes = word.as_bytes();
    let dropped = |i: usize| i > 0 && i + 1 < bytes.len() && bytes[i] == letter && drop(bytes[i - 1], bytes[i + 1]);
    if !(0..bytes.len()).any(dropped) {
        return Cow::Borrowed(word);
    }
    let kept: Vec<u8> = (0..bytes.len()).filter(|&i| !dropped(i)).map(|i| bytes[i]).collect();
    Cow::Owned(String::from_utf8(kept).unwrap_or_else(|_| word.to_string()))
}

fn single_consonants(word: &str) -> Cow<'_, str> {
    let bytes = word.as_bytes();
    let doubled = |i: usize| i > 0 && bytes[i] == bytes[i - 1] && !is_vowel(bytes[i]);
    if !(0..bytes.len()).any(doubled) {
        return Cow::Borrowed(word);
    }
    let kept: Vec<u8> = (0..bytes.len()).filter(|&i| !doubled(i)).map(|i| bytes[i]).collect();
    Cow::Owned(String::from_utf8(kept).unwrap_or_else(|_| word.to_string()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::fold;

    #[test]
    fn each_rule_does_what_its_example_says() {
        for rule in NAME_RULES {
            let (from, to) = rule.example;
            assert_eq!((rule.apply)(from), to, "rule “{}”", rule.name);
        }
    }

    #[test]
    fn each_rule_leaves_words_without_its_pattern_alone() {
        for rule in NAME_RULES {
            assert!(
                matches!((rule.apply)("almt"), Cow::Borrowed("almt")),
                "rule “{}”",
                rule.name
            );
        }
    }

    #[test]
    fn every_spelling_of_a_name_meets_in_one_key() {
        let groups: &[&[&str]] = &[
            &["Tokayev", "Toqaev", "Tokaev", "Токаев", "TOKAYEV"],
            &["Kassym", "Qasym", "Kasym", "Қасым", "Касым"],
            &["Jomart", "Zhomart", "Жомарт"],
            &["Nazarbayev", "Nazarbaev", "Nazarbaiev", "Назарбаев"],
            &["Dmitry", "Dmitriy", "Dmitrii", "Дмитрий"],
            &["Khalilov", "Halilov", "Халилов"],
            &["Tashiev", "Tashiyev", "Ташиев"],
            &["Yerlan", "Erlan", "Ерлан"],
            &["Zhambyl", "Jambyl", "Жамбыл"],
        ];
        for group in groups {
            let keys: Vec<Option<String>> = group.iter().map(|w| name_key(&fold(w))).collect();
            assert!(
                keys.iter().all(|k| k.is_some() && *k == keys[0]),
                "{group:?} gave {keys:?}"
            );
        }
    }

    #[test]
    fn different_names_stay_apart() {
        assert_ne!(name_key("tokaev"), name_key("tokarev"));
        assert_ne!(name_key("masimov"), name_key("maksimov"));
        assert_eq!(name_key("the"), None);
        assert_eq!(name_key("北京北京"), None);
    }

    #[test]
    fn stems_english_and_russian() {
        assert_eq!(stem("protests", "protests"), "protest");
        assert_eq!(stem("killed", "killed"), "kill");
        assert_eq!(stem("kazakhstans", "Kazakhstan’s"), "kazakhstan");
        assert_eq!(stem("protesty", "протесты"), stem("protestov", "протестов"));
        assert_eq!(stem("prezidenta", "президента"), "prezident");
    }
}
