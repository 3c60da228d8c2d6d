//! What the reader typed, as clauses.
//!
//! Words are ANDed; `"…"` is an exact phrase; `-word` and `-"…"` exclude.
//! The last word, while it is still being typed (nothing follows it), also
//! matches as a prefix. Words that name a place the gazetteer knows by other
//! names too (`Nur-Sultan`, `Astana`) are one clause, met by any of them.
//! Parsing never fails: unbalanced quotes run to the end, a lone `-` is
//! ignored, punctuation separates words, and only the first [`MAX_CLAUSES`]
//! clauses count.

use crate::corpus::places;
use crate::text;

/// Clauses are tracked as bits of a `u32` per article.
pub const MAX_CLAUSES: usize = 32;

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Query {
    /// Clauses an article must match (all of them, or as many as it can in a fallback).
    pub required: Vec<Clause>,
    /// Clauses an article must not match.
    pub excluded: Vec<Clause>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Clause {
    /// One word, matched with stemming, name keys and typo tolerance.
    Word(Word),
    /// Words in this order, each matched exactly (case and accents aside);
    /// a quoted single word is a one-word phrase: exact, no stems or typos.
    Phrase(Vec<Word>),
    /// A place by any of its names (the gazetteer, `corpus/places.rs`): first
    /// as typed (one word is matched as any word is, several as a phrase),
    /// then the gazetteer's other names, each matched exactly (see
    /// `matcher::Alternatives`).
    Place(Vec<Vec<Word>>),
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Word {
    /// As typed.
    pub written: String,
    /// Folded: lowercase Latin without accents.
    pub folded: String,
    /// Still being typed: also matches words that start with it.
    pub prefix: bool,
}

impl Query {
    /// Parses whatever the reader typed; see the module documentation.
    pub fn parse(text: &str) -> Query {
        let mut query = Query::default();
        let mut rest = text;
        while let Some(start) = rest.find(|c: char| !c.is_whitespace()) {
            rest = &rest[start..];
            let negated = rest.starts_with('-');
            if negated {
                rest = &rest[1..];
            }
            let (chunk, phrase, after) = if let Some(open) = rest.strip_prefix(['"', '“', '”']) {
                let end = open.find(['"', '“', '”']).unwrap_or(open.len());
                let close = open[end..].chars().next().map_or(0, char::len_utf8);
                (&open[..end], true, &open[end + close..])
            } else {
                let end = rest
                    .find(|c: char| c.is_whitespace() || matches!(c, '"' | '“' | '”'))
                    .unwrap_or(rest.len());
                (&rest[..end], false, &rest[end..])
            };
            // A chunk that is the end of the text is still being typed.
            let typing = !phrase && after.is_empty() && chunk.ends_with(|c: char| c.is_alphanumeric());
            let words = Word::all(chunk, typing && !negated);
            let target = if negated {
                &mut query.excluded
            } else {
                &mut query.required
            };
            if phrase && !words.is_empty() {
                target.push(Clause::Phrase(words));
            } else {
                target.extend(words.into_iter().map(Clause::Word));
            }
            rest = after;
        }
        query.required = with_places(query.required);
        query.excluded = with_places(query.excluded);
        query.required.truncate(MAX_CLAUSES);
        query.excluded.truncate(MAX_CLAUSES);
        query
    }

    /// True when there is nothing to search for: every article matches.
    pub fn is_empty(&self) -> bool {
        self.required.is_empty() && self.excluded.is_empty()
    }
}

/// `clauses` with each run of words that names a place with other names
/// (`nur`, `sultan`) made one [`Clause::Place`].
fn with_places(clauses: Vec<Clause>) -> Vec<Clause> {
    let word = |clause: &Clause| match clause {
        Clause::Word(word) => Some(word.clone()),
        _ => None,
    };
    // Each clause's folded word, once; a phrase is "", which names nothing.
    let folded: Vec<&str> = clauses
        .iter()
        .map(|clause| match clause {
            Clause::Word(word) => word.folded.as_str(),
            _ => "",
        })
        .collect();
    let mut out = Vec::with_capacity(clauses.len());
    let mut at = 0;
    while at < clauses.len() {
        match places::other_names(&folded[at..]) {
            Some((len, others)) => {
                let typed = clauses[at..at + len].iter().filter_map(word).collect();
                let others = others
                    .into_iter()
                    .map(|name| name.iter().map(|w| Word::new(w)).collect());
                out.push(Clause::Place(std::iter::once(typed).chain(others).collect()));
                at += len;
            }
            None => {
                out.push(clauses[at].clone());
                at += 1;
            }
        }
    }
    out
}

impl Word {
    /// A finished word: not a prefix.
    fn new(written: &str) -> Word {
        let mut folded = String::new();
        text::fold_into(written, &mut folded);
        Word {
            written: written.to_string(),
            folded,
            prefix: false,
        }
    }

    /// The words of `chunk`; the last is a prefix when `typing`.
    fn all(chunk: &str, typing: bool) -> Vec<Word> {
        let ranges: Vec<_> = text::words(chunk).collect();
        let count = ranges.len();
        ranges
            .into_iter()
            .enumerate()
            .map(|(i, range)| Word {
                prefix: typing && i + 1 == count,
                ..Word::new(&chunk[range])
            })
            .filter(|w| !w.folded.is_empty())
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(clauses: &[Clause]) -> Vec<String> {
        clauses
            .iter()
            .map(|c| match c {
                Clause::Word(w) => format!("{}{}", w.folded, if w.prefix { "*" } else { "" }),
                Clause::Phrase(ws) => format!(
                    "\"{}\"",
                    ws.iter().map(|w| w.folded.as_str()).collect::<Vec<_>>().join(" ")
                ),
                Clause::Place(names) => names
                    .iter()
                    .map(|ws| ws.iter().map(|w| w.folded.as_str()).collect::<Vec<_>>().join(" "))
                    .collect::<Vec<_>>()
                    .join("|"),
            })
            .collect()
    }

    #[test]
    fn words_phrases_and_exclusions() {
        let q = Query::parse(r#"Toqaev "security council" -Putin -"Moscow talks" kyrg"#);
        assert_eq!(words(&q.required), vec!["toqaev", "\"security council\"", "kyrg*"]);
        assert_eq!(words(&q.excluded), vec!["putin", "\"moscow talks\""]);
    }

    #[test]
    fn only_a_word_at_the_very_end_is_a_prefix() {
        assert_eq!(words(&Query::parse("kyrg").required), vec!["kyrg*"]);
        assert_eq!(words(&Query::parse("kyrg ").required), vec!["kyrg"]);
        assert_eq!(words(&Query::parse("kyrg,").required), vec!["kyrg"]);
        assert_eq!(words(&Query::parse("\"kyrg").required), vec!["\"kyrg\""]);
        assert_eq!(words(&Query::parse("-kyrg").excluded), vec!["kyrg"]);
    }

    #[test]
    fn a_place_with_other_names_is_one_clause() {
        assert_eq!(
            words(&Query::parse("Nur-Sultan airport").required),
            vec!["nur sultan|astana|akmola|tselinograd|akmolinsk", "airport*"]
        );
        assert_eq!(
            words(&Query::parse("nur sultan").required),
            vec!["nur sultan|astana|akmola|tselinograd|akmolinsk"]
        );
        assert_eq!(words(&Query::parse("-Frunze").excluded), vec!["frunze|bishkek|pishpek"]);
        assert_eq!(words(&Query::parse("Osh").required), vec!["osh*"], "one name only");
        assert_eq!(
            words(&Query::parse("\"Astana\"").required),
            vec!["\"astana\""],
            "quoted: exact"
        );
        assert_eq!(
            words(&Query::parse("nur \"sultan\"").required),
            vec!["nur", "\"sultan\""]
        );
    }

    #[test]
    fn odd_input_never_fails() {
        for text in [
            "",
            " ",
            "-",
            "- -",
            "\"",
            "\"\"",
            "“unbalanced",
            "🙂",
            "—",
            "a\"b\"c",
            "--x",
        ] {
            let q = Query::parse(text);
            assert!(q.required.len() <= MAX_CLAUSES, "{text}");
        }
        assert!(Query::parse("- \" 🙂 ").is_empty());
        assert_eq!(
            words(&Query::parse("Toqaev-led Kazakhstan's").required),
            vec!["toqaev", "led", "kazakhstan*"],
            "hyphens split, the possessive is cut"
        );
        let long = "word ".repeat(2_000);
        assert_eq!(Query::parse(&long).required.len(), MAX_CLAUSES);
        assert_eq!(words(&Query::parse("\"single\"").required), vec!["\"single\""]);
    }
}
