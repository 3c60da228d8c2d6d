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
//!
//! A name also changes its ending. The English possessive is cut before
//! folding (`Toqaev’s` folds to `toqaev`; see [`crate::text::without_possessive`]).
//! Russian declines names (`Токаева`, `Токаеву`, `Токаевым`), and the Russian
//! stemmer does not help: it reads the `-ев` of `Токаев` as an ending too and
//! leaves `тока`. So a Cyrillic word gets a second name key, of the word
//! without its case ending ([`name_keys`]); the query's words get the same
//! two, so any form finds any other.

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
        let lower = crate::lowercase::lowercase(crate::text::without_possessive(original));
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
    /// The example's name as Russian writes it, in the nominative: the third
    /// spelling a search for it must meet.
    pub cyrillic: &'static str,
    apply: fn(&str) -> Cow<'_, str>,
}

/// The rules, in the order they apply.
pub const NAME_RULES: &[NameRule] = &[
    NameRule {
        name: "q is k",
        example: ("toqaev", "tokaev"),
        cyrillic: "Токаев",
        apply: |w| replace(w, "q", "k"),
    },
    NameRule {
        name: "dzh, dj and zh are j",
        example: ("zhomart", "jomart"),
        cyrillic: "Жомарт",
        apply: |w| replace_all(w, &[("dzh", "j"), ("dj", "j"), ("zh", "j")]),
    },
    NameRule {
        name: "kh is h",
        example: ("khalilov", "halilov"),
        cyrillic: "Халилов",
        apply: |w| replace(w, "kh", "h"),
    },
    NameRule {
        name: "ou is u",
        example: ("oumarov", "umarov"),
        cyrillic: "Умаров",
        apply: |w| replace(w, "ou", "u"),
    },
    NameRule {
        name: "w is v",
        example: ("wladimir", "vladimir"),
        cyrillic: "Владимир",
        apply: |w| replace(w, "w", "v"),
    },
    NameRule {
        name: "y between vowels drops",
        example: ("tokayev", "tokaev"),
        cyrillic: "Токаев",
        apply: |w| drop_between(w, b'y', |before, after| is_vowel(before) && is_vowel(after)),
    },
    NameRule {
        name: "i between a and e drops",
        example: ("nazarbaiev", "nazarbaev"),
        cyrillic: "Назарбаев",
        apply: |w| drop_between(w, b'i', |before, after| before == b'a' && after == b'e'),
    },
    NameRule {
        name: "initial y before a vowel drops",
        example: ("yerlan", "erlan"),
        cyrillic: "Ерлан",
        apply: |w| match w.as_bytes() {
            [b'y', next, ..] if is_vowel(*next) => Cow::Borrowed(&w[1..]),
            _ => Cow::Borrowed(w),
        },
    },
    NameRule {
        name: "final iy, ii and yy are i",
        example: ("dmitriy", "dmitri"),
        cyrillic: "Дмитрий",
        apply: |w| match ["iy", "ii", "yy"].iter().find(|end| w.ends_with(*end)) {
            Some(_) => Cow::Owned(format!("{}i", &w[..w.len() - 2])),
            None => Cow::Borrowed(w),
        },
    },
    NameRule {
        name: "other y is i",
        example: ("qasym", "qasim"),
        cyrillic: "Касым",
        apply: |w| replace(w, "y", "i"),
    },
    NameRule {
        name: "doubled consonants are single",
        example: ("kassym", "kasym"),
        cyrillic: "Касым",
        apply: single_consonants,
    },
];

/// The name keys of a word (`folded`, as `written`): its own, and for a
/// Cyrillic word with a case ending, that of the word without it. The index
/// files a word under both, and a query looks under both, so `Tokayev` finds
/// `Токаеву`, and `Токаевым` finds `Toqaev`. A word that only looks declined
/// (`Алматы`) gets a key it does not need, which costs an entry and finds
/// nothing else.
pub fn name_keys(folded: &str, written: &str) -> impl Iterator<Item = String> {
    let own = name_key(folded);
    let uninflected = uninflected(written)
        .and_then(|word| name_key(&crate::text::fold(&word)))
        .filter(|key| own.as_ref() != Some(key));
    own.into_iter().chain(uninflected)
}

/// Russian case endings of nouns and names, longest first: the genitive,
/// dative, instrumental and prepositional of `Токаев`, `Жомарт`, `Дмитрий`,
/// and their plurals.
const CASE_ENDINGS: &[&str] = &[
    "ами", "ями", "ыми", "ом", "ем", "ым", "ой", "ою", "ах", "ях", "ых", "а", "я", "у", "ю", "е", "ы", "и",
];

/// A Cyrillic word without its case ending, in lowercase: `Токаевым` is
/// `токаев`, `Дмитрия` is `дмитрий` (a stem left ending in `е` or `и` lost
/// the `й` of a nominative like `Сергей`). `None` for a Latin word, a word
/// with no ending, or one too short to be more than its ending.
fn uninflected(written: &str) -> Option<String> {
    if written.is_ascii() || !crate::text::is_cyrillic(written) {
        return None;
    }
    let lower = crate::lowercase::lowercase(crate::text::without_possessive(written));
    let ending = CASE_ENDINGS.iter().find(|ending| lower.ends_with(*ending))?;
    let mut stem = lower[..lower.len() - ending.len()].to_string();
    if stem.chars().count() < 3 {
        return None;
    }
    if stem.ends_with(['е', 'и']) {
        stem.push('й');
    }
    Some(stem)
}

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
    fn russian_case_forms_share_the_name_key_of_the_nominative() {
        let keys = |written: &str| name_keys(&fold(written), written).collect::<Vec<String>>();
        for (nominative, forms) in [
            (
                "Токаев",
                &["Токаева", "Токаеву", "Токаевым", "Токаеве", "Токаевых", "ТОКАЕВА"][..],
            ),
            ("Касым", &["Касыма", "Касыму", "Касымом", "Касыме"]),
            ("Дмитрий", &["Дмитрия", "Дмитрию", "Дмитрием", "Дмитрии"]),
            ("Сергей", &["Сергея", "Сергею", "Сергеем"]),
        ] {
            let key = name_key(&fold(nominative)).expect("a name has a key");
            for form in forms {
                assert!(keys(form).contains(&key), "{form}: {:?}, not {key}", keys(form));
            }
        }
        assert_eq!(keys("Tokayev"), ["tokaev"], "Latin words are not declined");
        assert_eq!(keys("Токаев"), ["tokaev"], "a nominative has one key");
        assert_eq!(keys("Алматы"), ["almati", "almat"]);
        assert_eq!(uninflected("Ума"), None, "too short to have an ending");
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
