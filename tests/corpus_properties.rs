//! Properties of the parser over generated and mutated corpora: it never
//! panics, and nothing is lost: every word of the input is in exactly one
//! place of exactly one article, in order.
#![cfg(not(target_arch = "wasm32"))]

use folio::corpus::{self, Severity, Source};
use proptest::prelude::*;

/// Words as a reader would compare them: letters and digits only, so
/// typographic and straight quotes, or `--` and `—`, do not count as changes.
fn words(text: &str) -> Vec<String> {
    text.split_whitespace()
        .map(|w| w.chars().filter(|c| c.is_alphanumeric()).collect::<String>())
        .filter(|w| !w.is_empty())
        .collect()
}

/// The input's words, without the `Published by` marker lines: they are
/// syntax, like blank lines (a marker with no name after it is dropped with a
/// warning), so both sides are compared without them.
fn input_words(text: &str) -> Vec<String> {
    text.split(['\n', '\r'])
        .filter(|line| !is_marker(line))
        .flat_map(words)
        .collect()
}

fn is_marker(line: &str) -> bool {
    line.trim().eq_ignore_ascii_case("published by")
}

fn parse(text: &str) -> Result<corpus::Corpus, corpus::CorpusError> {
    corpus::parse(&[Source {
        name: "gen.txt".into(),
        bytes: text.as_bytes().into(),
    }])
}

const SEED: &str = include_str!("../seeds/000_cb824f7dda8be3ad.txt");

/// Sentences and short lines cut from the seed, to build articles that look real.
fn seed_sentences() -> Vec<&'static str> {
    SEED.split(['.', '\n'])
        .map(str::trim)
        .filter(|s| s.len() > 3 && !s.starts_with("Copyright") && !s.starts_with("Source"))
        .collect()
}

fn title() -> impl Strategy<Value = String> {
    prop::collection::vec("[A-Z][a-z]{2,9}", 2..8).prop_map(|w| w.join(" "))
}

fn paragraph() -> impl Strategy<Value = String> {
    let sentences = seed_sentences();
    prop::collection::vec(prop::sample::select(sentences), 1..4).prop_map(|s| format!("{}.", s.join(". ")))
}

#[derive(Clone, Debug)]
enum Ending {
    Source,
    Copyright,
    Teaser,
    SourceAndCopyright,
    Missing,
}

fn article() -> impl Strategy<Value = String> {
    let ending = prop_oneof![
        Just(Ending::Source),
        Just(Ending::Copyright),
        Just(Ending::Teaser),
        Just(Ending::SourceAndCopyright),
        Just(Ending::Missing),
    ];
    (
        title(),
        prop::option::of("[A-Z][a-z]{2,8}( [A-Z][a-z]{2,8})?"),
        prop::option::of("[A-Z]{3,10}"),
        prop::collection::vec((paragraph(), prop::option::of(title())), 1..6),
        ending,
    )
        .prop_map(|(title, publisher, dateline, body, ending)| {
            let mut parts = vec![title.clone()];
            if let Some(publisher) = publisher {
                parts.push("Published by".into());
                parts.push(publisher);
            }
            for (i, (paragraph, heading)) in body.iter().enumerate() {
                if let (Some(heading), true) = (heading, i > 0) {
                    parts.push(heading.clone());
                }
                match (&dateline, i) {
                    (Some(place), 0) => parts.push(format!("{place} -- {paragraph}")),
                    _ => parts.push(paragraph.clone()),
                }
            }
            match ending {
                Ending::Source => parts.push("Source: Ministry of Things".into()),
                Ending::Copyright => parts.push("Copyright (c) 2022. Some Agency, Inc. Reprinted.".into()),
                Ending::Teaser => {
                    let last = parts.pop().unwrap_or_default();
                    parts.push(format!("{last} Continue reading “{title}”"));
                }
                Ending::SourceAndCopyright => {
                    parts.push("Source: Ministry of Things".into());
                    parts.push("Copyright 2021 Agency".into());
                }
                Ending::Missing => {}
            }
            parts.join("\n\n")
        })
}

/// Ways real files differ from the clean format.
#[derive(Clone, Debug)]
enum Mutation {
    Crlf,
    Bom,
    Tabs,
    TrailingSpaces,
    ExtraBlankLines,
    NoFinalNewline,
    HardWrap,
    StraightQuotes,
    DropLine(usize),
}

fn mutation() -> impl Strategy<Value = Mutation> {
    prop_oneof![
        Just(Mutation::Crlf),
        Just(Mutation::Bom),
        Just(Mutation::Tabs),
        Just(Mutation::TrailingSpaces),
        Just(Mutation::ExtraBlankLines),
        Just(Mutation::NoFinalNewline),
        Just(Mutation::HardWrap),
        Just(Mutation::StraightQuotes),
        any::<usize>().prop_map(Mutation::DropLine),
    ]
}

fn mutate(text: String, mutation: &Mutation) -> String {
    match mutation {
        Mutation::Crlf => text.replace('\n', "\r\n"),
        Mutation::Bom => format!("\u{feff}{text}"),
        Mutation::Tabs => text.replace(". ", ".\t "),
        Mutation::TrailingSpaces => text.replace('\n', "  \n"),
        Mutation::ExtraBlankLines => text.replace("\n\n", "\n\n\n\n"),
        Mutation::NoFinalNewline => text.trim_end().to_string(),
        Mutation::HardWrap => text
            .split('\n')
            .map(|line| wrap(line, 72))
            .collect::<Vec<_>>()
            .join("\n"),
        Mutation::StraightQuotes => text.replace(['“', '”'], "\""),
        Mutation::DropLine(n) => {
            let lines: Vec<&str> = text.split("\n\n").collect();
            let drop = n % lines.len().max(1);
            lines
                .iter()
                .enumerate()
                .filter(|(i, _)| *i != drop)
                .map(|(_, l)| *l)
                .collect::<Vec<_>>()
                .join("\n\n")
        }
    }
}

fn wrap(line: &str, width: usize) -> String {
    let mut out = String::new();
    let mut column = 0;
    for word in line.split(' ') {
        if column > 0 && column + word.len() > width {
            out.push('\n');
            column = 0;
        } else if column > 0 {
            out.push(' ');
            column += 1;
        }
        out.push_str(word);
        column += word.len();
    }
    out
}

fn corpus_text() -> impl Strategy<Value = String> {
    (
        prop::collection::vec(article(), 1..6),
        prop::collection::vec(mutation(), 0..4),
    )
        .prop_map(|(articles, mutations)| {
            let text = articles.join("\n\n") + "\n";
            mutations.iter().fold(text, mutate)
        })
}

/// Checks the nothing-lost property on one input, or that errors point at lines of it.
fn nothing_lost(text: &str) {
    match parse(text) {
        Ok(corpus) => {
            let output: Vec<String> = corpus
                .articles
                .iter()
                .flat_map(|a| a.to_text_lines())
                .filter(|line| !is_marker(line))
                .flat_map(|line| words(&line))
                .collect();
            assert_eq!(output, input_words(text), "input:\n{text}");
        }
        Err(error) => {
            // Lines as the parser counts them: CRLF, LF and a lone CR each
            // end one (CRLF then trailing spaces leaves "\r  \n": two).
            let lines = text.replace("\r\n", "\n").split(['\n', '\r']).count();
            assert!(error.diagnostics.iter().any(|d| d.severity == Severity::Error));
            for d in &error.diagnostics {
                // Line 0 is the file as a whole ("the corpus has no articles").
                assert!(d.line <= lines, "{d} (of {lines} lines)");
                assert!(!d.message.is_empty());
            }
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 400, ..ProptestConfig::default() })]

    #[test]
    fn generated_corpora_lose_nothing(text in corpus_text()) {
        nothing_lost(&text);
    }

    #[test]
    fn mutated_seed_loses_nothing(mutations in prop::collection::vec(mutation(), 0..4)) {
        let text = mutations.iter().fold(SEED.to_string(), mutate);
        nothing_lost(&text);
    }

    #[test]
    fn arbitrary_text_never_panics(text in "(?s).{0,400}") {
        let _ = parse(&text);
    }

    #[test]
    fn arbitrary_bytes_never_panic(bytes in prop::collection::vec(any::<u8>(), 0..400)) {
        let _ = corpus::parse(&[Source { name: "bytes.txt".into(), bytes: bytes.as_slice().into() }]);
        let _ = corpus::parse(&[Source { name: "bytes.jsonl".into(), bytes: bytes.as_slice().into() }]);
    }
}

#[test]
fn errors_point_at_lines_when_spaces_follow_a_carriage_return() {
    // Found by `generated_corpora_lose_nothing` (CRLF, then trailing spaces).
    nothing_lost(
        "Published by\r  \n\r  \nAaa\r  \n\r  \nThe long-lasting conundrum in Tajikistan’s Pamir region.\r  \n\r  \n\
         Source: Ministry of Things\r  \n\r  \nAaa Aaa\r  \n\r  \nThe long-lasting conundrum in Tajikistan’s Pamir region. \
         Continue reading “Aaa Aaa”\r  \n\r  \nAaa Aaa\r  \n\r  \nThe long-lasting conundrum in Tajikistan’s Pamir region.\r  \n",
    );
}

#[test]
fn the_seed_round_trips_word_for_word() {
    nothing_lost(SEED);
}
