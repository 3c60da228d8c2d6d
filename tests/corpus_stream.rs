//! The corpus read a line at a time in two passes (`corpus::stream`, how
//! `cargo xtask dist` reads an archive too large to hold parsed) gives
//! exactly what `corpus::parse` gives: the same articles (slugs numbered
//! across files, dates from the latest date anywhere), the same warnings,
//! the same errors at the same lines.
#![cfg(not(target_arch = "wasm32"))]

use std::path::PathBuf;

use folio::corpus::{self, stream, Article, CorpusError, Diagnostic, Source};
use proptest::prelude::*;

/// The articles and warnings of `sources` read in two passes.
fn streamed(sources: &[Source<'_>]) -> Result<(Vec<Article>, Vec<Diagnostic>), CorpusError> {
    let scan = stream::scan(sources)?;
    let warnings = scan.warnings.clone();
    let count = scan.len();
    let mut articles = scan.articles(sources);
    let parsed: Vec<Article> = articles.by_ref().collect();
    assert_eq!(articles.failure(), None);
    assert_eq!(parsed.len(), count);
    Ok((parsed, warnings))
}

/// Checks that both reads agree on `sources`; returns how many articles.
fn same(sources: &[Source<'_>]) -> usize {
    let whole = corpus::parse(sources).map(|c| (c.articles, c.warnings));
    let two_passes = streamed(sources);
    assert_eq!(two_passes, whole);
    whole.map_or(0, |(articles, _)| articles.len())
}

fn source(name: &str, text: impl Into<Vec<u8>>) -> Source<'static> {
    Source {
        name: name.to_string().into(),
        bytes: text.into().into(),
    }
}

fn seeds() -> Vec<Source<'static>> {
    corpus::read_sources(&[PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("seeds")]).unwrap()
}

#[test]
fn the_seed_and_the_hostile_corpus_read_the_same() {
    assert_eq!(same(&seeds()), 9);
    let hostile = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/hostile");
    assert!(same(&corpus::read_sources(&[hostile]).unwrap()) > 0);
}

/// The seed five times over, in files of both formats: every title comes
/// back five times (numbered slugs across files), and a later file states
/// the latest date, which gives the earlier files' day-month dates a year.
#[test]
fn a_generated_corpus_with_repeated_titles_reads_the_same() {
    let seed = seeds().remove(0);
    let text = String::from_utf8(seed.bytes.to_vec()).unwrap();
    let mut sources: Vec<Source<'static>> = (0..4)
        .map(|i| {
            source(
                &format!("{i}.txt"),
                text.replace("January", ["March", "January", "May", "June"][i]),
            )
        })
        .collect();
    sources.push(source(
        "4.jsonl",
        "{\"title\": \"Arrest of a fugitive driver\", \"body\": \"On 12 July 2023 he was seen.\"}\n\
         {\"title\": \"Kazakhstan's president says order restored after 'coup attempt'\", \"body\": \"On 3 May it ended.\"}\n",
    ));
    let articles = corpus::parse(&sources).unwrap().articles;
    let fifth: Vec<&str> = articles
        .iter()
        .filter(|a| a.slug.ends_with("-5"))
        .map(|a| a.title.as_str())
        .collect();
    assert_eq!(
        fifth,
        [
            "Arrest of a fugitive driver",
            "Kazakhstan's president says order restored after 'coup attempt'"
        ],
        "the titles in every file are numbered -2 to -5"
    );
    assert_eq!(same(&sources), 38);
}

#[test]
fn errors_are_the_same_at_the_same_lines() {
    // A NUL wins over bad UTF-8 before it, as when the file is read whole.
    let bad = source("bad.txt", b"Title\n\nBody \xe9t\xe9.\n\nmore\0\n".to_vec());
    let good = source("good.txt", "Title\n\nBody.\n\nSource: S\n");
    assert_eq!(same(&[good.clone(), bad]), 0);
    let untitled = source("u.txt", "Source: Ministry\n\nTitle\n\nBody.\n\nSource: S\n");
    let json = source("j.jsonl", "{\"title\": \"\", \"body\": \"x\"}\nnot json\r\n");
    assert_eq!(same(&[untitled, good.clone(), json]), 0);
    assert_eq!(same(&[source("empty.txt", ""), source("blank.jsonl", "\n\n")]), 0);
    assert_eq!(same(&[]), 0);
}

/// Lines a corpus is made of: titles that repeat, terminators, publishers,
/// datelines, day-month and full dates, and the bytes files get wrong.
const PIECES: &[&str] = &[
    "Same Title",
    "Another title",
    "Published by",
    "DPA",
    "Source: Agency",
    "Copyright (c) 2020. RFE/RL, Inc.",
    "ALMATY -- On 5 January protesters gathered.",
    "On January 10, 2022, Tokayev spoke.",
    "Riots In Almaty",
    "The jazz musician said so. Continue reading “Same Title”",
    "",
    "",
    "\r",
    "  \t ",
    "\u{feff}",
    "\u{a0}word\u{200b}",
];

fn file_text() -> impl Strategy<Value = Vec<u8>> {
    let line = prop_oneof![
        20 => prop::sample::select(PIECES).prop_map(|p| p.as_bytes().to_vec()),
        1 => Just(b"bad \xff byte".to_vec()),
        1 => Just(b"nul \0 byte".to_vec()),
        1 => Just(b"{\"title\": \"Same Title\", \"body\": \"On 4 May.\", \"date\": \"2021-02-03\"}".to_vec()),
    ];
    let end = prop::sample::select(vec!["\n", "\n", "\r\n", "\r"]);
    prop::collection::vec((line, end), 0..40).prop_map(|lines| {
        lines
            .into_iter()
            .flat_map(|(mut line, end)| {
                line.extend_from_slice(end.as_bytes());
                line
            })
            .collect()
    })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 300, ..ProptestConfig::default() })]

    #[test]
    fn any_files_read_the_same(files in prop::collection::vec((file_text(), any::<bool>()), 1..4)) {
        let sources: Vec<Source<'static>> = files
            .into_iter()
            .enumerate()
            .map(|(i, (text, json))| source(&format!("{i}.{}", if json { "jsonl" } else { "txt" }), text))
            .collect();
        same(&sources);
    }
}
