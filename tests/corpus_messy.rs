//! Real files are messy: each case here is one way they are, with what the
//! parser must make of it, and the exact warning or error it must give.
#![cfg(not(target_arch = "wasm32"))]

use folio::corpus::{self, BlockKind, Corpus, CorpusError, Source};

/// Parses `text` whole, and checks that read a line at a time in two
/// passes (`corpus::stream`) it gives the same articles, warnings and errors.
fn parse_as(name: &str, text: &[u8]) -> Result<Corpus, CorpusError> {
    let sources = [Source {
        name: name.to_string().into(),
        bytes: text.to_vec().into(),
    }];
    let whole = corpus::parse(&sources);
    let streamed = corpus::stream::scan(&sources).map(|scan| {
        let warnings = scan.warnings.clone();
        (scan.articles(&sources).collect::<Vec<_>>(), warnings)
    });
    assert_eq!(streamed, whole.clone().map(|corpus| (corpus.articles, corpus.warnings)));
    whole
}

fn parse(text: &str) -> Corpus {
    parse_as("news.txt", text.as_bytes()).unwrap_or_else(|e| panic!("{e}"))
}

fn errors(name: &str, text: &[u8]) -> Vec<String> {
    match parse_as(name, text) {
        Ok(corpus) => panic!("expected errors, parsed {} articles", corpus.articles.len()),
        Err(error) => error
            .diagnostics
            .iter()
            .filter(|d| d.severity == corpus::Severity::Error)
            .map(ToString::to_string)
            .collect(),
    }
}

fn warnings(corpus: &Corpus) -> Vec<String> {
    corpus.warnings.iter().map(ToString::to_string).collect()
}

fn titles(corpus: &Corpus) -> Vec<&str> {
    corpus.articles.iter().map(|a| a.title.as_str()).collect()
}

const TWO: &str = "First story\n\nPublished by\nDPA\n\nBody one.\n\nSource: Agency\n\nSecond story\n\nBody two.\n\nCopyright (c) 2020. RFE/RL, Inc.\n";

#[test]
fn crlf_bom_tabs_trailing_spaces_and_blank_runs_parse_like_clean_text() {
    let clean = parse(TWO);
    let messy = format!("\u{feff}{}", TWO.replace('\n', " \t\r\n\r\n"));
    let messy = parse(&messy);
    let without_lines = |corpus: &Corpus| {
        let mut articles = corpus.articles.clone();
        articles.iter_mut().for_each(|a| a.line = 0);
        articles
    };
    assert_eq!(without_lines(&messy), without_lines(&clean));
    assert!(messy.warnings.is_empty(), "{:?}", warnings(&messy));
    let no_final_newline = parse(TWO.trim_end());
    assert_eq!(titles(&no_final_newline), vec!["First story", "Second story"]);
}

#[test]
fn lone_cr_line_ends_are_line_ends() {
    let corpus = parse(&TWO.replace('\n', "\r"));
    assert_eq!(titles(&corpus), vec!["First story", "Second story"]);
}

#[test]
fn hard_wrapped_paragraphs_are_joined() {
    let corpus = parse("Title\n\nA paragraph that was\nwrapped at a narrow width\nby an editor.\n\nSource: X\n");
    assert_eq!(
        corpus.articles[0].blocks[0].text,
        "A paragraph that was wrapped at a narrow width by an editor."
    );
}

#[test]
fn straight_and_typographic_quotes_end_teasers_alike() {
    for tail in ["Continue reading “Title”", "Continue reading \"Title\""] {
        let corpus = parse(&format!(
            "Title\n\nPublished by\nGV\n\nThe text… {tail}\n\nNext\n\nBody.\n\nSource: S\n"
        ));
        assert_eq!(titles(&corpus), vec!["Title", "Next"]);
        assert!(corpus.articles[0].teaser);
        assert_eq!(corpus.articles[0].blocks[0].text, "The text…");
    }
}

#[test]
fn a_missing_terminator_before_published_by_starts_a_new_article_with_a_warning() {
    let text = "First\n\nBody one.\n\nSecond story\n\nPublished by\nDPA\n\nBody two.\n\nSource: S\n";
    let corpus = parse(text);
    assert_eq!(titles(&corpus), vec!["First", "Second story"]);
    assert_eq!(corpus.articles[0].blocks.len(), 1);
    assert_eq!(corpus.articles[1].publisher.as_deref(), Some("DPA"));
    assert_eq!(
        warnings(&corpus),
        vec!["news.txt:5: warning: “Second story” starts a new article (it is followed by “Published by”), but the article before it, “First” (line 1), has no end line (`Source:`, `Copyright` or `Continue reading`)"]
    );
}

#[test]
fn a_missing_terminator_before_a_dateline_starts_a_new_article_with_a_warning() {
    let text = "First\n\nBody one.\n\nSecond story\n\nMOSCOW -- Body two.\n\nSource: S\n";
    let corpus = parse(text);
    assert_eq!(titles(&corpus), vec!["First", "Second story"]);
    assert_eq!(corpus.articles[1].dateline.as_deref(), Some("MOSCOW"));
    assert_eq!(corpus.articles[1].blocks[0].text, "Body two.");
    assert_eq!(
        warnings(&corpus),
        vec!["news.txt:5: warning: “Second story” starts a new article (it is followed by a dateline), but the article before it, “First” (line 1), has no end line (`Source:`, `Copyright` or `Continue reading`)"]
    );
}

/// A photo credit between a sub-heading and a dateline keeps them in one
/// article: split there, the credit would belong to neither (proptest
/// found it losing "Photo credits: …").
#[test]
fn a_photo_credit_after_a_subheading_keeps_a_dateline_in_the_same_article() {
    let text =
        "First\n\nBody one.\n\nSecond story\n\nPhoto credits: AmanovDmitry.\n\nMOSCOW -- Body two.\n\nSource: S\n";
    let corpus = parse(text);
    assert_eq!(titles(&corpus), vec!["First"]);
    assert_eq!(corpus.articles[0].photos[0].credit, "Photo credits: AmanovDmitry.");
    assert_eq!(corpus.articles[0].blocks[2].text, "MOSCOW -- Body two.");
}

#[test]
fn short_lines_inside_articles_stay_subheadings() {
    let corpus = parse("Title\n\nBody one.\n\nA Sub Heading\n\nBody two.\n\nSource: S\n");
    assert_eq!(titles(&corpus), vec!["Title"]);
    let kinds: Vec<BlockKind> = corpus.articles[0].blocks.iter().map(|b| b.kind).collect();
    assert_eq!(
        kinds,
        vec![BlockKind::Paragraph, BlockKind::Subheading, BlockKind::Paragraph]
    );
}

#[test]
fn a_source_right_after_a_copyright_line_belongs_to_the_same_article() {
    let corpus = parse("Title\n\nBody.\n\nCopyright 2021 Agency\n\nSource: Wire\n\nNext\n\nBody.\n\nSource: S\n");
    assert_eq!(titles(&corpus), vec!["Title", "Next"]);
    assert_eq!(corpus.articles[0].source.as_deref(), Some("Wire"));
    assert_eq!(corpus.articles[0].copyright.as_deref(), Some("Copyright 2021 Agency"));
}

#[test]
fn the_last_article_may_lack_a_terminator_with_a_warning() {
    let corpus = parse("Title\n\nBody.\n");
    assert_eq!(titles(&corpus), vec!["Title"]);
    assert_eq!(
        warnings(&corpus),
        vec!["news.txt:1: warning: article “Title” has no end line (`Source:`, `Copyright` or `Continue reading`); it ends at the end of the file"]
    );
}

#[test]
fn published_by_without_a_name_is_a_warning() {
    let corpus = parse("Title\n\nPublished by\n\nSource: S\n");
    assert_eq!(corpus.articles[0].publisher.as_deref(), Some("S"));
    assert_eq!(
        warnings(&corpus),
        vec!["news.txt:3: warning: “Published by” is not followed by a name"]
    );
}

#[test]
fn invalid_utf8_names_the_line_and_byte_offset() {
    assert_eq!(
        errors("bad.txt", b"Title\n\nBody \xe9t\xe9.\n"),
        vec!["bad.txt:3: error: invalid UTF-8 at byte offset 12 (byte 0xE9); save the file as UTF-8"]
    );
}

#[test]
fn a_binary_file_is_not_text() {
    assert_eq!(
        errors("photo.jpg", b"\xff\xd8\xff\xe0\0\x10JFIF"),
        vec!["photo.jpg:1: error: not a text file: NUL byte at byte offset 4"]
    );
}

#[test]
fn an_empty_corpus_fails() {
    assert_eq!(
        errors("empty.txt", b""),
        vec!["empty.txt: error: the corpus has no articles"]
    );
    assert_eq!(
        errors("blank.txt", b"\n \n\t\n"),
        vec!["blank.txt: error: the corpus has no articles"]
    );
    assert_eq!(
        corpus::parse(&[]).unwrap_err().to_string(),
        "corpus: error: the corpus has no articles"
    );
}

#[test]
fn articles_without_titles_fail_with_the_line() {
    assert_eq!(
        errors("a.txt", b"Source: Ministry\n\nTitle\n\nBody.\n\nSource: S\n"),
        vec!["a.txt:1: error: article has no title: found “Source: Ministry” where a title should be"]
    );
    assert_eq!(
        errors("b.txt", b"Published by\nDPA\n\nBody.\n\nSource: S\n"),
        vec!["b.txt:1: error: article has no title: “Published by” must follow a title line"]
    );
    let paragraph = "word ".repeat(80);
    let text =
        format!("Title\n\nBody.\n\nSource: S\n\n{paragraph}\n\nMore.\n\nSource: T\n\nNext\n\nBody.\n\nSource: U\n");
    let corpus_errors = errors("c.txt", text.as_bytes());
    assert_eq!(
        corpus_errors,
        vec!["c.txt:7: error: article has no title: expected a title line after the previous article's end, found a paragraph of 399 characters"]
    );
}

#[test]
fn every_error_is_reported_not_just_the_first() {
    let result = corpus::parse(&[
        Source {
            name: "one.txt".into(),
            bytes: b"Source: X\n".as_slice().into(),
        },
        Source {
            name: "two.txt".into(),
            bytes: b"ok\xff".as_slice().into(),
        },
    ]);
    let message = result.unwrap_err().to_string();
    assert_eq!(
        message,
        "one.txt:1: error: article has no title: found “Source: X” where a title should be\ntwo.txt:1: error: invalid UTF-8 at byte offset 2 (byte 0xFF); save the file as UTF-8"
    );
}

#[test]
fn json_lines_articles_parse_with_metadata() {
    let jsonl = concat!(
        r#"{"title": "Exported", "body": "First paragraph in Almaty.\n\nA Heading\n\nSecond\nline joined.", "publisher": "Wire", "date": "2022-01-05", "url": "https://example.org/a", "extra": 1}"#,
        "\n\n",
        r#"{"title": "Listed", "body": ["One.", "Two."], "source": "Agency"}"#,
        "\n"
    );
    let corpus = parse_as("export.jsonl", jsonl.as_bytes()).unwrap();
    let a = &corpus.articles[0];
    assert_eq!(a.title, "Exported");
    assert_eq!(a.publisher.as_deref(), Some("Wire"));
    assert_eq!(a.date.map(|d| d.to_string()).as_deref(), Some("2022-01-05"));
    assert_eq!(a.date_certainty, Some(corpus::Certainty::Given));
    assert_eq!(a.url.as_deref(), Some("https://example.org/a"));
    assert_eq!(a.countries, vec!["Kazakhstan"]);
    let blocks: Vec<(BlockKind, &str)> = a.blocks.iter().map(|b| (b.kind, b.text.as_ref())).collect();
    assert_eq!(
        blocks,
        vec![
            (BlockKind::Paragraph, "First paragraph in Almaty."),
            (BlockKind::Subheading, "A Heading"),
            (BlockKind::Paragraph, "Second line joined."),
        ]
    );
    let b = &corpus.articles[1];
    assert_eq!((b.line, b.blocks.len(), b.publisher.as_deref()), (3, 2, Some("Agency")));
}

#[test]
fn json_lines_errors_name_the_line() {
    let jsonl = b"{\"title\": \"ok\", \"body\": \"x\"}\n{\"body\": \"no title\"}\n{\"title\": \"no body\"}\nnot json\n";
    assert_eq!(
        errors("bad.jsonl", jsonl),
        vec![
            "bad.jsonl:2: error: article has no title: the record needs a non-empty \"title\"",
            "bad.jsonl:3: error: article has no body: the record needs a \"body\"",
            "bad.jsonl:4: error: not a JSON article object: expected ident at column 2",
        ]
    );
    let corpus = parse_as("d.jsonl", br#"{"title": "t", "body": "b", "date": "someday"}"#).unwrap();
    assert_eq!(
        warnings(&corpus),
        vec!["d.jsonl:1: warning: date “someday” is not a date folio reads (use ISO 8601, 2022-01-10); the date is taken from the text"]
    );
}

#[test]
fn files_combine_in_order_with_corpus_wide_slugs() {
    let corpus = corpus::parse(&[
        Source {
            name: "a.txt".into(),
            bytes: b"Same Title\n\nOne.\n\nSource: S\n".as_slice().into(),
        },
        Source {
            name: "b.jsonl".into(),
            bytes: br#"{"title": "Same title!", "body": "Two."}"#.as_slice().into(),
        },
    ])
    .unwrap();
    let slugs: Vec<(&str, &str)> = corpus
        .articles
        .iter()
        .map(|a| (a.slug.as_str(), a.file.as_str()))
        .collect();
    assert_eq!(slugs, vec![("same-title", "a.txt"), ("same-title-2", "b.jsonl")]);
}
