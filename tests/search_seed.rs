//! Search over the seed corpus, with the exact articles each query finds.
//!
//! Articles by position: 0 Pamir (Global Voices teaser), 1 Tokayev (DPA
//! teaser), 2 extortion, 3 fugitive driver, 4 Toqaev "attempted coup",
//! 5 CSTO videoconference, 6 Kyrgyz jazz musician, 7 Putin and Ukraine,
//! 8 police veterans.
#![cfg(not(target_arch = "wasm32"))]

use std::collections::BTreeSet;
use std::sync::OnceLock;

use folio::catalog::{Filters, Sort};
use folio::corpus::{self, Source};
use folio::search::{Index, Indexing, Query, Results};

fn seed_articles() -> Vec<corpus::Article> {
    let bytes = include_bytes!("../seeds/000_cb824f7dda8be3ad.txt");
    corpus::parse(&[Source {
        name: "seed.txt".into(),
        bytes: bytes.as_slice().into(),
    }])
    .expect("seed parses")
    .articles
}

/// The seed index, built once and shared by all tests.
fn index() -> &'static Index {
    static INDEX: OnceLock<Index> = OnceLock::new();
    INDEX.get_or_init(|| Index::new(seed_articles()))
}

fn search(text: &str) -> Results {
    index().search(&Query::parse(text), &Filters::default(), Sort::Relevance, 20)
}

/// The positions of the articles found, in rank order.
fn ranked(text: &str) -> Vec<usize> {
    search(text).hits.iter().map(|h| h.doc).collect()
}

/// The positions of the articles found, in any order.
fn found(text: &str) -> BTreeSet<usize> {
    ranked(text).into_iter().collect()
}

fn set(docs: &[usize]) -> BTreeSet<usize> {
    docs.iter().copied().collect()
}

/// The words marked in each hit's snippet, in rank order.
fn marked(text: &str) -> Vec<Vec<String>> {
    search(text)
        .hits
        .iter()
        .map(|h| h.snippet.iter().flat_map(|s| s.marked().map(String::from)).collect())
        .collect()
}

#[test]
fn a_name_is_found_in_every_spelling_and_script() {
    let want = set(&[1, 4, 6, 7]);
    for spelling in ["Tokayev", "Toqaev", "tokaev", "TOKAYEV", "Токаев", "Tokaiev"] {
        assert_eq!(found(spelling), want, "{spelling}");
    }
    // The article that spells it as typed ranks first.
    assert_eq!(ranked("Tokayev")[0], 1);
    assert_eq!(marked("Токаев")[1], vec!["Toqaev"]);
    assert_eq!(found("Kassym Jomart"), want);
    assert_eq!(found("Qasym-Zhomart"), want);
    assert_eq!(found("Nazarbayev"), set(&[4]));
    assert_eq!(found("Назарбаев"), set(&[4]));
}

#[test]
fn the_last_word_matches_as_a_prefix_while_typing() {
    assert_eq!(found("kyrg"), set(&[4, 5, 6, 7]));
    assert_eq!(ranked("kyrg")[0], 6, "the article about a Kyrgyz musician leads");
    assert_eq!(found("kyrgyz"), set(&[4, 5, 6, 7]));
    assert_eq!(found("kyrg "), BTreeSet::new(), "a finished word is not a prefix");
    assert_eq!(found("tajik"), found("tajikistan"));
    // One letter already finds articles: those with its commonest words.
    assert!(found("k").is_superset(&found("kazakhstan")));
}

#[test]
fn typos_are_forgiven_by_word_length() {
    let kazakhstan = found("kazakhstan");
    assert_eq!(kazakhstan, set(&[1, 4, 5, 6, 7]));
    assert_eq!(found("kazakstan"), kazakhstan, "one typo in a long word");
    assert_eq!(
        found("kazakhtsan"),
        kazakhstan,
        "a swap is two typos, allowed from 8 letters"
    );
    assert_eq!(found("almatu"), set(&[4, 6]), "one typo in a 6-letter word");
    assert_eq!(found("vidoeconference"), set(&[5, 7]));
    assert_eq!(found("CSTP"), set(&[1, 4, 5, 7]), "one typo from 4 letters");
    assert_eq!(
        found("CSTO"),
        set(&[1, 4, 5, 7]),
        "a word found as typed gets no typo matches (custody)"
    );
    assert_eq!(found("cst "), BTreeSet::new(), "no typos below 4 letters");
}

#[test]
fn words_found_as_written_or_by_stem_bring_no_typos() {
    // "protest" matches itself exactly in article 5 and "protests" by stem elsewhere.
    assert_eq!(found("protest"), set(&[0, 4, 5, 6, 7]));
    assert_eq!(found("protesters"), found("protest"));
    assert!(marked("killing")[0].contains(&"killed".to_string()));
    // One letter away are "reported" (articles 4 and 7) and "reason" (6).
    assert_eq!(found("deported "), set(&[6]));
    assert_eq!(found("treason "), set(&[4]));
}

#[test]
fn phrases_need_their_words_in_order() {
    assert_eq!(ranked("\"security council\""), vec![7, 4]);
    assert_eq!(marked("\"security council\"")[0], vec!["Security", "Council"]);
    assert_eq!(found("\"council security\""), BTreeSet::new());
    assert!(
        !search("\"council security\"").fallback,
        "one clause has nothing to fall back to"
    );
    assert_eq!(found("\"jazz pianist\""), set(&[6]));
}

#[test]
fn excluded_words_remove_articles() {
    assert_eq!(found("putin -ukraine"), set(&[4, 5]));
    assert_eq!(found("-kazakhstan"), set(&[0, 2, 3, 8]));
    assert_eq!(found("putin -\"collective security\""), set(&[]));
    assert_eq!(found("putin -\"nimble actor\""), set(&[4, 5]));
}

#[test]
fn when_no_article_has_every_word_the_best_partial_matches_show() {
    let results = search("jazz zebra");
    assert!(results.fallback);
    assert_eq!(results.hits.iter().map(|h| h.doc).collect::<Vec<_>>(), vec![6]);
    let results = search("Toqaev jazz pianist");
    assert!(!results.fallback);
    assert_eq!(ranked("Toqaev jazz pianist"), vec![6]);
    let results = search("Almaty Dushanbe");
    assert!(results.fallback, "no article names both cities");
    assert_eq!(found("Almaty Dushanbe"), set(&[0, 2, 4, 6]));
}

#[test]
fn a_name_spelled_as_typed_outranks_its_other_spellings() {
    // Articles 4, 6 and 7 write "Qasym-Zhomart" (found by name key); the
    // nearness of words is tested in `search_rules.rs`.
    assert_eq!(found("Kassym Jomart"), set(&[1, 4, 6, 7]));
    assert_eq!(ranked("Kassym Jomart")[0], 1, "the DPA article writes Kassym-Jomart");
}

#[test]
fn the_source_and_publisher_are_searchable() {
    assert_eq!(found("ministry internal affairs"), set(&[2, 3, 8]));
    assert_eq!(found("RFE/RL"), set(&[4, 5, 6, 7]));
    assert_eq!(found("global voices"), set(&[0]));
}

#[test]
fn an_empty_query_lists_everything_newest_first() {
    let results = search("");
    assert_eq!(results.total, 9);
    assert!(!results.fallback);
    assert_eq!(ranked(""), vec![4, 5, 6, 7, 8, 3, 0, 1, 2]);
    assert!(results.hits.iter().all(|h| h.snippet.is_none()));
}

#[test]
fn ties_go_to_the_newest_article() {
    // Every article has "the"; those that score alike are ordered by date.
    let results = index().search(&Query::parse("the"), &Filters::default(), Sort::Newest, 20);
    assert_eq!(
        results.hits.iter().map(|h| h.doc).collect::<Vec<_>>(),
        vec![4, 5, 6, 7, 8, 3, 0, 1, 2]
    );
    let oldest = index().search(&Query::parse("the"), &Filters::default(), Sort::Oldest, 20);
    assert_eq!(
        oldest.hits.iter().map(|h| h.doc).collect::<Vec<_>>(),
        vec![3, 4, 5, 6, 7, 8, 0, 1, 2]
    );
}

#[test]
fn filters_narrow_and_facets_count_for_the_query() {
    let query = Query::parse("Toqaev");
    let mut filters = Filters::default();
    filters.publishers.insert("RFE/RL".into());
    let results = index().search(&query, &filters, Sort::Relevance, 20);
    assert_eq!(results.total, 3);
    assert_eq!(
        results.hits.iter().map(|h| h.doc).collect::<BTreeSet<_>>(),
        set(&[4, 6, 7])
    );
    let publishers: Vec<(&str, usize, bool)> = results
        .facets
        .publishers
        .values
        .iter()
        .map(|v| (v.value.as_str(), v.count, v.selected))
        .collect();
    // The publisher facet ignores its own filter: DPA still shows its 1.
    assert_eq!(publishers, vec![("RFE/RL", 3, true), ("DPA", 1, false)]);
    let months: Vec<(&str, usize)> = results
        .facets
        .months
        .values
        .iter()
        .map(|v| (v.value.as_str(), v.count))
        .collect();
    assert_eq!(months, vec![("2022-01", 3)]);
    let kazakhstan = results.facets.countries.values.iter().find(|v| v.value == "Kazakhstan");
    assert_eq!(kazakhstan.map(|v| v.count), Some(3));

    let mut by_country = Filters::default();
    by_country.countries.insert("Ukraine".into());
    by_country.countries.insert("Uzbekistan".into());
    let results = index().search(&Query::parse("Toqaev"), &by_country, Sort::Relevance, 20);
    assert_eq!(
        results.hits.iter().map(|h| h.doc).collect::<BTreeSet<_>>(),
        set(&[6, 7])
    );

    let mut unknown = Filters::default();
    unknown.months.insert("1999-01".into());
    let results = index().search(&Query::parse(""), &unknown, Sort::Relevance, 20);
    assert_eq!(results.total, 0);
    assert_eq!(
        results
            .facets
            .months
            .values
            .last()
            .map(|v| (v.value.as_str(), v.count, v.selected)),
        Some(("1999-01", 0, true))
    );
}

#[test]
fn snippets_mark_every_kind_of_match() {
    assert_eq!(marked("kazakstan")[0].first().map(String::as_str), Some("Kazakhstan"));
    assert_eq!(marked("Nazarbayev")[0], vec!["Nazarbaev", "Nazarbaev"]);
    let hit = &search("jazz pianist").hits[0];
    let snippet = hit.snippet.as_ref().expect("a body match has a snippet");
    assert!(
        snippet.text.starts_with("The video made the rounds"),
        "a short paragraph is shown whole"
    );
    assert!(!snippet.cut_start && !snippet.cut_end);
    let hit = &search("Samsy").hits[0];
    let snippet = hit.snippet.as_ref().expect("a body match has a snippet");
    assert!(
        snippet.cut_start && snippet.text.ends_with("on January 3."),
        "{snippet:?}"
    );
    assert_eq!(
        snippet
            .ranges
            .iter()
            .map(|r| &snippet.text[r.clone()])
            .collect::<Vec<_>>(),
        vec!["Samsy"]
    );
    let title_hit = &search("videoconference").hits[0];
    let title = &index().articles()[title_hit.doc].title;
    assert_eq!(
        title_hit.title.iter().map(|r| &title[r.clone()]).collect::<Vec<_>>(),
        vec!["Videoconference"]
    );
}

#[test]
fn the_article_view_gets_every_highlight() {
    let query = Query::parse("Toqaev");
    let highlights = index().highlights(4, &query);
    let article = &index().articles()[4];
    let count: usize = highlights.blocks.iter().map(Vec::len).sum();
    let written = article
        .blocks
        .iter()
        .map(|b| b.text.matches("Toqaev").count())
        .sum::<usize>();
    assert_eq!(count, written);
    for (block, ranges) in article.blocks.iter().zip(&highlights.blocks) {
        for range in ranges {
            assert_eq!(&block.text[range.clone()][..6], "Toqaev");
        }
    }
    assert_eq!(index().highlights(99, &query), Default::default());
}

#[test]
fn odd_queries_never_panic() {
    let long = "x".repeat(10_000);
    for text in [
        "",
        "-",
        "\"",
        "\"\"",
        "🙂🙂",
        "- - -",
        "«»",
        "a\u{0}b",
        &long,
        "\"unbalanced phrase",
        "*",
        "%%%",
    ] {
        let results = search(text);
        assert!(results.total <= 9, "{text}");
    }
}

#[test]
fn the_whole_order_without_snippets_is_the_order_of_the_hits() {
    let filters = Filters::default();
    for text in [
        "",
        "tokayev",
        "kazakhstan protests",
        "putin -ukraine",
        "\"security council\"",
        "zzzz",
    ] {
        for sort in [Sort::Relevance, Sort::Newest, Sort::Oldest] {
            let query = Query::parse(text);
            let hits: Vec<usize> = index()
                .search(&query, &filters, sort, 20)
                .hits
                .iter()
                .map(|h| h.doc)
                .collect();
            assert_eq!(index().ranked(&query, &filters, sort), hits, "{text:?} {sort:?}");
        }
    }
}

#[test]
fn an_index_built_in_slices_is_the_index_built_at_once() {
    // The seed's articles have 76, 101, 111, 97, 910, 127, 867, 1136 and 296
    // words: slices of 700 words are the first four, then one article each.
    // Then five steps complete the index (postings, the vocabulary's order,
    // the stem and name-key tables, the catalogue) and one says it is done.
    // Stopping early (here after 7 steps) leaves the rest to `finish`.
    for (words, most_steps, steps_taken) in [(0, 99, 15), (700, 99, 12), (5_000, 99, 7), (700, 7, 7)] {
        let mut indexing = Indexing::new(seed_articles());
        let mut steps = 0;
        loop {
            steps += 1;
            if indexing.step(words) || steps == most_steps {
                break;
            }
        }
        assert_eq!(steps, steps_taken, "slices of {words} words");
        let sliced = indexing.finish();
        assert_eq!(sliced.index_bytes(), index().index_bytes());
        for text in [
            "",
            "tokayev",
            "kazakhstan protests",
            "\"security council\"",
            "kyrg",
            "putin -ukraine",
        ] {
            for sort in [Sort::Relevance, Sort::Newest, Sort::Oldest] {
                let query = Query::parse(text);
                assert_eq!(
                    sliced.search(&query, &Filters::default(), sort, 20),
                    index().search(&query, &Filters::default(), sort, 20),
                    "{text:?} {sort:?} in slices of {words} words"
                );
            }
        }
    }
}

#[test]
fn the_people_named_are_a_facet_counted_like_countries() {
    let counted = |results: &Results| -> Vec<(String, usize)> {
        (results.facets.people.values.iter())
            .map(|v| (v.value.clone(), v.count))
            .collect()
    };
    let everyone = counted(&search(""));
    assert_eq!(everyone.len(), 20, "{everyone:?}");
    assert_eq!(
        everyone[..3],
        [
            ("Qasym-Zhomart Toqaev".to_string(), 4),
            ("Vladimir Putin".to_string(), 3),
            ("Abdulloev Alisher Qurbonovich".to_string(), 1)
        ]
    );
    let mut filters = Filters::default();
    filters.people.insert("Vladimir Putin".into());
    let putin = index().search(&Query::parse("kazakhstan"), &filters, Sort::Newest, 20);
    assert_eq!(
        putin.hits.iter().map(|h| h.doc).collect::<BTreeSet<_>>(),
        set(&[4, 5, 7])
    );
    // The person's own counts ignore the person chosen; the others' apply it.
    assert_eq!(
        counted(&putin)[..2],
        [
            ("Qasym-Zhomart Toqaev".to_string(), 4),
            ("Vladimir Putin".to_string(), 3)
        ]
    );
    assert_eq!(
        putin
            .facets
            .countries
            .values
            .iter()
            .find(|v| v.value == "Ukraine")
            .map(|v| v.count),
        Some(1)
    );
}

/// Each article's related articles, by position.
fn related(doc: usize) -> Vec<usize> {
    let articles = index().articles();
    articles[doc]
        .related
        .iter()
        .map(|link| {
            articles
                .iter()
                .position(|a| a.slug == link.slug && a.title == link.title)
                .unwrap()
        })
        .collect()
}

#[test]
fn the_reports_of_kazakhstans_unrest_point_at_one_another_first() {
    let unrest = [1, 4, 5, 6, 7];
    for doc in unrest {
        let listed = related(doc);
        let others = listed.iter().take_while(|other| unrest.contains(other)).count();
        assert!(others >= 3, "{doc} lists {listed:?}");
    }
    assert_eq!(related(4), [6, 5, 7, 1]);
    assert_eq!(related(6), [4, 7, 1, 2]);
}

#[test]
fn the_tajik_police_reports_point_at_each_other_and_not_at_the_jazz_story() {
    assert_eq!(related(8), [3]);
    assert_eq!(related(3), [8]);
    for doc in 0..9 {
        assert!(!related(doc).contains(&doc), "{doc} lists itself");
        assert!(related(doc).len() <= 5);
    }
}
