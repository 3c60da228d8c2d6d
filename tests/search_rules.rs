//! Each folding rule of search, shown on a small corpus written for it: the
//! reader's spelling on one side, the corpus's on the other.
#![cfg(not(target_arch = "wasm32"))]

use folio::catalog::{Filters, Sort};
use folio::corpus::{self, Source};
use folio::search::{Index, Query, NAME_RULES};

/// An index with one article per body, titled `Article N`.
fn build(bodies: &[&str]) -> Index {
    let text: String = bodies
        .iter()
        .enumerate()
        .map(|(i, body)| format!("Article {i}\n\n{body}\n\nSource: Test\n\n"))
        .collect();
    let corpus = corpus::parse(&[Source {
        name: "rules.txt".into(),
        bytes: text.into_bytes().into(),
    }])
    .expect("test corpus parses");
    Index::new(corpus.articles)
}

fn found(index: &Index, query: &str) -> Vec<usize> {
    let mut docs: Vec<usize> = index
        .search(&Query::parse(query), &Filters::default(), Sort::Relevance, 50)
        .hits
        .iter()
        .map(|h| h.doc)
        .collect();
    docs.sort();
    docs
}

#[test]
fn every_name_rule_lets_one_spelling_find_the_other() {
    for rule in NAME_RULES {
        let (written, read) = rule.example;
        let index = build(&[&format!("A report on {written} today."), "Nothing related."]);
        assert_eq!(
            found(&index, &format!("{read} ")),
            vec![0],
            "rule “{}”: {read} finds {written}",
            rule.name
        );
        let index = build(&[&format!("A report on {read} today."), "Nothing related."]);
        assert_eq!(
            found(&index, &format!("{written} ")),
            vec![0],
            "rule “{}”: {written} finds {read}",
            rule.name
        );
    }
}

#[test]
fn case_and_diacritics_fold() {
    let index = build(&["Türkiye and Qazaqstán signed.", "ÉLYSÉE statement."]);
    assert_eq!(found(&index, "turkiye "), vec![0]);
    assert_eq!(found(&index, "QAZAQSTAN "), vec![0]);
    assert_eq!(found(&index, "elysee "), vec![1]);
}

#[test]
fn cyrillic_is_searchable_stemmed_as_russian_and_transliterated() {
    let index = build(&[
        "Протесты в Алматы продолжаются.",
        "Президент Токаев выступил.",
        "Protests in English.",
    ]);
    // Russian stemming: президента (genitive) finds Президент.
    assert_eq!(found(&index, "президента "), vec![1]);
    // протестов and протесты share the stem протест, which transliterates to
    // the English stem of "protests": a Russian reader finds both.
    assert_eq!(found(&index, "протестов "), vec![0, 2]);
    // Transliteration: Latin finds Cyrillic and the other way round.
    assert_eq!(found(&index, "Almaty "), vec![0]);
    assert_eq!(found(&index, "Tokayev "), vec![1]);
    assert_eq!(found(&index, "Toqaev "), vec![1]);
    assert_eq!(found(&index, "Алма"), vec![0], "a Cyrillic prefix while typing");
    // And the other way: the English stem finds the Russian word.
    assert_eq!(found(&index, "protest "), vec![0, 2]);
    assert_eq!(
        found(&index, "продолжаться "),
        vec![0],
        "Russian verb forms share a stem"
    );
}

#[test]
fn typos_follow_word_length() {
    let index = build(&["The Kazakhstan Almaty cat."]);
    assert_eq!(found(&index, "kazakhztan "), vec![0], "one typo, 10 letters");
    assert_eq!(found(&index, "kazahkstan "), vec![0], "two typos (a swap), 10 letters");
    assert_eq!(found(&index, "kazahkzran "), Vec::<usize>::new(), "three typos");
    assert_eq!(found(&index, "almaly "), vec![0], "one typo, 6 letters");
    assert_eq!(found(&index, "almlay "), Vec::<usize>::new(), "two typos, 6 letters");
    assert_eq!(found(&index, "cap "), Vec::<usize>::new(), "no typo below 4 letters");
    assert_eq!(
        found(&index, "elmaty "),
        Vec::<usize>::new(),
        "no typo in the first letter"
    );
    assert_eq!(found(&index, "kazakhstam "), vec![0], "a typo in the last letter");
}

#[test]
fn words_near_each_other_rank_higher() {
    // The same words in both bodies, so only their distance differs.
    let apart = "Alpha one two three four five six seven eight Beta.";
    let together = "Alpha Beta one two three four five six seven eight.";
    let ranked = |index: &Index| -> Vec<usize> {
        let results = index.search(&Query::parse("alpha beta "), &Filters::default(), Sort::Relevance, 10);
        results.hits.iter().map(|h| h.doc).collect()
    };
    assert_eq!(ranked(&build(&[apart, together])), vec![1, 0]);
    assert_eq!(ranked(&build(&[together, apart])), vec![0, 1]);
}

#[test]
fn a_prefix_of_three_letters_finds_every_article_with_a_word_it_begins() {
    // Five postings over four articles: more than a short prefix reads.
    let index = build(&["kazakh", "kazakhstan", "kazakhs and kazakhstan", "kazakstan"]);
    let total = |query: &str| {
        let results = index.search(&Query::parse(query), &Filters::default(), Sort::Relevance, 10);
        (results.total, results.at_least)
    };
    assert_eq!(total("kaz"), (4, false));
    assert_eq!(total("kazak"), (4, false));
    // Two letters read the commonest words only, and say so.
    assert_eq!(total("ka"), (3, true));
}

#[test]
fn a_rare_spelling_does_not_outrank_the_word_the_reader_meant() {
    // `Kazakstan` is a typo of Kazakhstan, which 30 articles say one to
    // three times, and a name key of Qazaqstan, which 10 say once. All
    // bodies are as long, so only the mentions and the spellings differ.
    let mut bodies = Vec::new();
    for i in 0..30 {
        let mentions = 1 + i % 3;
        bodies.push(format!(
            "{}{}",
            "Kazakhstan ".repeat(mentions),
            "report ".repeat(8 - mentions)
        ));
    }
    bodies.extend((0..10).map(|_| format!("Qazaqstan {}", "report ".repeat(7))));
    let index = build(&bodies.iter().map(String::as_str).collect::<Vec<_>>());
    let results = index.search(&Query::parse("Kazakstan "), &Filters::default(), Sort::Relevance, 10);
    assert_eq!(results.total, 40);
    let mut top: Vec<usize> = results.hits.iter().map(|h| h.doc).collect();
    top.sort();
    // The ten that say Kazakhstan three times.
    assert_eq!(top, (0..30).filter(|i| i % 3 == 2).collect::<Vec<usize>>());
}

#[test]
fn the_dateline_and_photo_captions_are_searched() {
    let index = build(&[
        "NUR-SULTAN -- Officials met on Monday.",
        "The Khorog valley is steep. Photo credits: Jane Doe (Wikimedia Commons CC BY 3.0) Officials met on Monday.",
        "Officials met on Monday in a city with two names.",
    ]);
    assert_eq!(index.articles()[0].dateline.as_deref(), Some("NUR-SULTAN"));
    assert_eq!(
        index.articles()[1].photos[0].caption.as_deref(),
        Some("The Khorog valley is steep.")
    );
    assert_eq!(found(&index, "Nur-Sultan "), vec![0], "the dateline");
    assert_eq!(found(&index, "khorog valley "), vec![1], "the caption");
    assert_eq!(found(&index, "officials "), vec![0, 1, 2]);
    // Neither is body text, nor is the byline (`Test`) that now stands
    // before them: a match there leaves no snippet to show.
    for query in ["valley ", "test "] {
        let results = index.search(&Query::parse(query), &Filters::default(), Sort::Relevance, 5);
        let snippets: Vec<_> = results.hits.iter().map(|h| &h.snippet).collect();
        assert_eq!(snippets, vec![&None; results.total], "{query}");
    }
}

/// The words marked in each hit's snippet, in rank order.
fn marked(index: &Index, query: &str) -> Vec<Vec<String>> {
    let results = index.search(&Query::parse(query), &Filters::default(), Sort::Relevance, 50);
    results
        .hits
        .iter()
        .map(|h| h.snippet.iter().flat_map(|s| s.marked().map(String::from)).collect())
        .collect()
}

#[test]
fn a_place_is_found_by_every_name_it_has_had() {
    let index = build(&[
        "Talks in Nur-Sultan's old town.",
        "Talks in Astana again.",
        "Talks in Alma-Ata, then Frunze.",
        "Talks in Almaty, then Bishkek.",
        "A sultan and a nur tree.",
    ]);
    assert_eq!(found(&index, "Astana "), vec![0, 1]);
    assert_eq!(found(&index, "Nur-Sultan "), vec![0, 1]);
    assert_eq!(found(&index, "nur sultan"), vec![0, 1], "with a space, still typing");
    assert_eq!(found(&index, "Tselinograd "), vec![0, 1], "a former name");
    assert_eq!(found(&index, "Almaty "), vec![2, 3]);
    assert_eq!(found(&index, "alma-ata "), vec![2, 3]);
    assert_eq!(found(&index, "Frunze "), vec![2, 3]);
    assert_eq!(found(&index, "Алматы "), vec![2, 3], "in Cyrillic");
    assert_eq!(found(&index, "talks -astana "), vec![2, 3]);
    assert_eq!(found(&index, "sultan "), vec![0, 4], "half a name is just a word");
    // The name as typed ranks first; the snippet marks the name as written.
    assert_eq!(marked(&index, "Astana "), vec![vec!["Astana"], vec!["Nur", "Sultan's"]]);
    assert_eq!(marked(&index, "Bishkek "), vec![vec!["Bishkek"], vec!["Frunze"]]);
    // Quoted, a name is only itself.
    assert_eq!(found(&index, "\"Astana\""), vec![1]);
    // Jambyl is both a name key of Zhambyl and its other name: counted
    // once, it still ranks below the spelling typed.
    let index = build(&["Talks in Jambyl.", "Talks in Zhambyl."]);
    assert_eq!(marked(&index, "Zhambyl "), vec![vec!["Zhambyl"], vec!["Jambyl"]]);
}
