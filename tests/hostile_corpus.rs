//! The sizes hostile corpora come in: 100,000 tiny articles with colliding
//! titles, and a single 5 MB line. Parsing, slugs, indexing and search hold.
#![cfg(not(target_arch = "wasm32"))]

use std::collections::BTreeSet;

use folio::catalog::{Filters, Sort};
use folio::corpus::{self, Source};
use folio::search::{Index, Query};

fn parse(name: &str, text: String) -> Vec<folio::corpus::Article> {
    corpus::parse(&[Source {
        name: name.to_string().into(),
        bytes: text.into_bytes().into(),
    }])
    .expect("parses")
    .articles
}

#[test]
fn a_hundred_thousand_tiny_articles_with_colliding_titles() {
    let text: String = (0..100_000)
        .map(|i| {
            format!(
                "{}\n\nw{i}\n\nSource: S\n\n",
                ["News", "news!", "NEWS", "Ньюс", "北京"][i % 5]
            )
        })
        .collect();
    let articles = parse("tiny.txt", text);
    assert_eq!(articles.len(), 100_000);
    let slugs: BTreeSet<&str> = articles.iter().map(|a| a.slug.as_str()).collect();
    assert_eq!(slugs.len(), 100_000, "every slug is unique");
    assert!(slugs.contains("news") && slugs.contains("news-2") && slugs.contains("nyus") && slugs.contains("article"));
    let index = Index::new(articles);
    let results = index.search(&Query::parse("w99999"), &Filters::default(), Sort::Relevance, 10);
    assert_eq!(results.total, 1);
    let all = index.search(&Query::parse("news"), &Filters::default(), Sort::Newest, 10);
    assert_eq!(
        (all.total, all.hits.len()),
        (60_000, 10),
        "News, news! and NEWS fold alike"
    );
}

#[test]
fn a_five_megabyte_single_line() {
    let words: String = (0..700_000).map(|i| format!("w{} ", i % 5000)).collect();
    let unbroken = "x".repeat(1_000_000);
    let text = format!("Huge\n\n{words}{unbroken} end.\n\nSource: S\n");
    assert!(text.len() > 5_000_000);
    let articles = parse("huge.txt", text);
    assert_eq!(articles.len(), 1);
    assert_eq!(articles[0].blocks.len(), 1);
    let index = Index::new(articles);
    let results = index.search(&Query::parse("w4999 end"), &Filters::default(), Sort::Relevance, 1);
    assert_eq!(results.total, 1);
    let snippet = results.hits[0].snippet.as_ref().expect("a snippet");
    assert!(snippet.text.len() < 2_000_000, "a passage, not the whole line");
}
