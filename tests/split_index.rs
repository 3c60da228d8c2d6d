//! The split index answers exactly as the in-memory index does, in a few
//! rounds of fetches, over generated corpora and arbitrary queries, filters,
//! sorts and file sizes.
#![cfg(not(target_arch = "wasm32"))]

use std::collections::{BTreeMap, BTreeSet};

use folio::catalog::{Facet, FacetValues, Facets, Filters, Sort};
use folio::corpus::{self, Article, Source};
use folio::engine::protocol::{ArticleRequest, List, Request, Response, SearchRequest};
use folio::engine::{answer, answer_now};
use folio::names::Names;
use folio::search::{Count, Hit, Index, Query, Results};
use folio::split::{self, Engine, Limits, Split, Step, SAMPLE_SHARDS};
use proptest::prelude::*;
use proptest::strategy::ValueTree;
use proptest::test_runner::TestRunner;

mod strategies;

/// Words the articles are made of: names in several spellings and scripts,
/// places by several names, stems, phrases, and common words.
const WORDS: &[&str] = &[
    "Tokayev",
    "Toqaev",
    "Токаев",
    "Toqaev's",
    "Tokaev",
    "Nazarbayev",
    "Nazarbaev",
    "Kazakhstan",
    "Qazaqstan",
    "Kazakhstan's",
    "protests",
    "protesters",
    "protest",
    "fuel",
    "prices",
    "price",
    "Almaty",
    "Alma-Ata",
    "Nur-Sultan",
    "Astana",
    "Akmola",
    "security",
    "council",
    "jazz",
    "musician",
    "musicians",
    "Ukraine",
    "Putin",
    "President Vladimir Putin",
    "Karim Masimov",
    "Kyrgyz",
    "airport",
    "seized",
    "migrant",
    "laborers",
    "протесты",
    "Москва",
    "the",
    "a",
    "of",
    "in",
    "and",
    "said",
    "on",
    "Tajikistan",
    "police",
    "kazakh",
    "kazan",
];

const PUBLISHERS: &[&str] = &["RFE/RL", "DPA", "Global Voices"];
const DATES: &[&str] = &["2022-01-05", "2022-01-06", "2021-12-30", "2022-02-01"];

fn sentence(max: usize) -> impl Strategy<Value = String> {
    prop::collection::vec(prop::sample::select(WORDS), 1..max).prop_map(|w| w.join(" "))
}

/// One article as a JSON Lines record.
fn article() -> impl Strategy<Value = String> {
    (
        sentence(6),
        prop::collection::vec(sentence(30), 1..4),
        prop::option::of(prop::sample::select(PUBLISHERS)),
        prop::option::of(prop::sample::select(DATES)),
    )
        .prop_map(|(title, paragraphs, publisher, date)| {
            let mut fields = vec![
                format!("\"title\": \"{title}\""),
                format!("\"body\": \"{}\"", paragraphs.join("\\n\\n")),
            ];
            fields.extend(publisher.map(|p| format!("\"publisher\": \"{p}\"")));
            fields.extend(date.map(|d| format!("\"date\": \"{d}\"")));
            format!("{{{}}}\n", fields.join(", "))
        })
}

fn corpus(records: &[String]) -> Vec<Article> {
    corpus::parse(&[Source {
        name: "g.jsonl".into(),
        bytes: records.concat().into_bytes().into(),
    }])
    .expect("generated articles parse")
    .articles
}

fn query() -> impl Strategy<Value = String> {
    let words = prop::sample::select(vec![
        "Toqaev",
        "tokayev",
        "Токаев",
        "kaz",
        "kazakstan",
        "k",
        "ka",
        "pro",
        "protest",
        "\"security council\"",
        "-putin",
        "-jazz",
        "jazz",
        "almaty",
        "Astana",
        "Nur-Sultan",
        "the",
        "zzz",
        "Nazarbaev",
        "musican",
        "Москв",
        "-",
        "\"",
    ]);
    prop::collection::vec(words, 0..4).prop_map(|w| w.join(" "))
}

/// File sizes from one entry per file up to a few kilobytes.
fn limits() -> impl Strategy<Value = Limits> {
    (
        16usize..4096,
        16usize..4096,
        1usize..1024,
        1usize..64,
        1usize..4096,
        1usize..40,
        0usize..96,
        1usize..16,
        1usize..64,
        0usize..3,
    )
        .prop_map(
            |(words, dictionary, postings, postings_files, group, groups, inline, catalog_docs, list, head)| Limits {
                words,
                dictionary,
                postings,
                postings_files,
                group,
                groups,
                inline,
                head,
                catalog_docs,
                list,
            },
        )
}

/// Asks the split index as a browser would: whatever it needs, fetched a
/// round at a time. Returns the answer and the number of rounds.
fn fetching<T>(split: &Split, engine: &mut Engine, ask: impl Fn(&Engine) -> Step<T>) -> (T, usize) {
    let (found, rounds, _) = fetching_files(split, engine, ask);
    (found, rounds)
}

/// [`fetching`], and the names of the files it fetched.
fn fetching_files<T>(split: &Split, engine: &mut Engine, ask: impl Fn(&Engine) -> Step<T>) -> (T, usize, Names) {
    fetching_without(split, engine, &Names::new(), ask)
}

/// [`fetching_files`], where the files `lost` cannot be fetched: the engine
/// is told so, as the worker tells it of a fetch that fails offline.
fn fetching_without<T>(
    split: &Split,
    engine: &mut Engine,
    lost: &Names,
    ask: impl Fn(&Engine) -> Step<T>,
) -> (T, usize, Names) {
    let mut fetched = Names::new();
    for round in 0..8 {
        match ask(engine) {
            Step::Done(found) => return (found, round, fetched),
            Step::Need(names) => {
                for name in names {
                    if lost.contains(&name) {
                        engine.lack(&name);
                        continue;
                    }
                    let (_, bytes) = split
                        .files
                        .iter()
                        .find(|(n, _)| *n == name)
                        .expect("a file the split wrote");
                    engine.add(&name, bytes).expect("the file decodes");
                    fetched.insert(name);
                }
            }
        }
    }
    panic!("no answer after 8 rounds");
}

/// A page of results, and the articles of its hits, which the search has fetched.
fn search(split: &Split, engine: &mut Engine, query: &Query, filters: &Filters, sort: Sort) -> (Found, usize) {
    let (results, rounds) = fetching(split, engine, |engine| engine.search(query, filters, sort, 10));
    let articles = results
        .hits
        .iter()
        .map(|hit| match engine.article(hit.doc) {
            Step::Done(article) => article.clone(),
            Step::Need(need) => panic!("a hit's article still needs {need:?}"),
        })
        .collect();
    (Found { results, articles }, rounds)
}

struct Found {
    results: Results,
    articles: Vec<Article>,
}

/// Whether a split index estimates the publisher, country and people counts of
/// a search (see `split/estimate.rs`): each facet counts the matches that
/// the other facets' filters keep, and is estimated where those lie in
/// more catalogue shards than a search reads, unless they are the whole
/// archive (whose counts the directory holds) or are counted anyway (saved
/// articles).
/// The sort does not matter: the oldest first reads the order's own file.
fn estimates(index: &Index, query: &Query, filters: &Filters, sort: Sort, limits: &Limits) -> [bool; 3] {
    if filters.only.is_some() {
        return [false; 3];
    }
    let words = !(query.required.is_empty() && query.excluded.is_empty());
    [Facet::Publisher, Facet::Country, Facet::Person].map(|facet| {
        let mut others = filters.clone();
        others.values_mut(facet).clear();
        let whole = !words && others == Filters::default();
        let shards: BTreeSet<usize> = index
            .ranked(query, &others, sort)
            .into_iter()
            .map(|doc| doc / limits.catalog_docs)
            .collect();
        !whole && shards.len() > SAMPLE_SHARDS
    })
}

/// Checks `found`'s facet counts against the exact `counts`: where the
/// split index `estimated` them, publishers, countries and people are marked as
/// estimates and name only values that match (each at least once) or are
/// chosen, and months stay exact. Then makes them exact, for the rest of
/// the answer to be compared.
fn settle(found: &mut Facets, counts: &Facets, estimated: [bool; 3]) -> Result<(), TestCaseError> {
    prop_assert!(!found.months.estimated, "months are exact");
    for ((found, exact), estimated) in [
        (&mut found.publishers, &counts.publishers),
        (&mut found.countries, &counts.countries),
        (&mut found.people, &counts.people),
    ]
    .into_iter()
    .zip(estimated)
    {
        prop_assert_eq!(found.estimated, estimated);
        if estimated {
            for value in &found.values {
                prop_assert!(value.count > 0 || value.selected, "{:?}", value);
                prop_assert!(
                    exact.values.iter().any(|v| v.value == value.value),
                    "{:?} matches nothing",
                    value
                );
            }
            *found = exact.clone();
        }
    }
    Ok(())
}

/// Checks a total that the split index `estimated` (a page ranked from
/// the heads of common words' lists: see `search/heads.rs`): at least what
/// the page shows, at most every article. Then makes it the `exact` one,
/// for the rest of the answer to be compared.
fn settle_total(
    total: &mut usize,
    estimated: &mut bool,
    exact: usize,
    shown: usize,
    articles: usize,
) -> Result<(), TestCaseError> {
    if *estimated {
        prop_assert!(
            shown <= *total && *total <= articles,
            "{} estimated, {} shown",
            total,
            shown
        );
        (*total, *estimated) = (exact, false);
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 200, ..ProptestConfig::default() })]

    #[test]
    fn the_split_index_answers_as_the_whole_index_does(
        records in prop::collection::vec(article(), 1..40),
        queries in prop::collection::vec((query(), strategies::filters(vec!["2022-01", "2021-12", "1999-12"], vec!["2021-12-30", "2022-01-05", "2022-01-06", "2022-01-31"]), strategies::sort()), 1..6),
        limits in limits(),
    ) {
        let index = Index::new(split::date_order(corpus(&records)));
        let split = split::write(&index, &limits).expect("articles in date order");
        let groups = split.files.iter().filter(|(name, _)| name.starts_with('g')).count();
        prop_assert!(groups <= limits.groups, "{} article groups, at most {}", groups, limits.groups);
        // One engine for all the queries: later ones reuse what earlier ones fetched.
        let mut engine = Engine::new(&split.directory).expect("the directory decodes");
        for (text, filters, sort) in &queries {
            let query = Query::parse(text);
            let expected = index.search(&query, filters, *sort, 10);
            let (mut found, rounds) = search(&split, &mut engine, &query, filters, *sort);
            let estimated = estimates(&index, &query, filters, *sort, &limits);
            settle(&mut found.results.facets, &expected.facets, estimated)?;
            prop_assert_eq!(&found.results, &expected, "{:?} {:?} {:?}", text, filters, sort);
            let articles: Vec<&Article> = expected.hits.iter().map(|h| &index.articles()[h.doc]).collect();
            prop_assert_eq!(found.articles.iter().collect::<Vec<_>>(), articles);
            prop_assert!(rounds <= 5, "{} rounds for {:?}", rounds, text);
            // Without counts, a page may be ranked from the heads of common
            // words' lists: the same hits, and the total maybe estimated.
            let expected = index.search_counting(&query, filters, *sort, 10, Count::Nothing);
            let (mut found, _) = fetching(&split, &mut engine, |e| e.search_counting(&query, filters, *sort, 10, Count::Nothing));
            settle_total(&mut found.total, &mut found.estimated, expected.total, found.hits.len(), index.len())?;
            prop_assert_eq!(&found, &expected, "{:?} {:?} {:?}, without counts", text, filters, sort);
            // The timeline alone: exact, unless the page was ranked from the
            // heads and its matches are not all known, when there is none.
            let expected = index.search_counting(&query, filters, *sort, 10, Count::Timeline);
            let (mut found, _) = fetching(&split, &mut engine, |e| e.search_counting(&query, filters, *sort, 10, Count::Timeline));
            if found.estimated {
                prop_assert!(found.facets.days.is_empty());
                found.facets.days = expected.facets.days.clone();
            }
            settle_total(&mut found.total, &mut found.estimated, expected.total, found.hits.len(), index.len())?;
            prop_assert_eq!(&found, &expected, "{:?} {:?} {:?}, the timeline alone", text, filters, sort);
            // An article's previous and next come from the whole order, and
            // its page marks every match.
            let (ranked, _) = fetching(&split, &mut engine, |e| e.ranked(&query, filters, *sort));
            prop_assert_eq!(ranked, index.ranked(&query, filters, *sort));
            for doc in [0, index.len() / 2, index.len() - 1] {
                let (marks, _) = fetching(&split, &mut engine, |e| e.highlights(doc, &query));
                prop_assert_eq!(marks, index.highlights(doc, &query), "article {}", doc);
            }
        }
        for (doc, article) in index.articles().iter().enumerate() {
            let (found, rounds) = fetching(&split, &mut engine, |e| e.by_slug(&article.slug).map(|found| found.map(|(doc, a)| (doc, a.clone()))));
            prop_assert_eq!(found, Some((doc, article.clone())));
            prop_assert!(rounds <= 2);
        }
        let (none, _) = fetching(&split, &mut engine, |e| e.by_slug("no-such-article").map(|found| found.map(|(doc, _)| doc)));
        prop_assert_eq!(none, None);
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, ..ProptestConfig::default() })]

    /// What the app is told: the worker's answers, read from the split
    /// files through the entry, equal those the prerendered pages were
    /// rendered from (an index in memory), for lists with saved articles
    /// and for articles with their neighbours.
    #[test]
    fn the_engine_answers_from_the_split_index_as_from_memory(
        records in prop::collection::vec(article(), 1..30),
        lists in prop::collection::vec((query(), strategies::filters(vec!["2022-01", "2021-12"], vec!["2021-12-30", "2022-01-06"]), strategies::sort(), prop::collection::vec(any::<prop::sample::Index>(), 0..3)), 1..4),
        limits in limits(),
        packed in any::<bool>(),
    ) {
        let index = Index::new(split::date_order(corpus(&records)));
        let split = split::write(&index, &limits).expect("articles in date order");
        let pack = if packed { usize::MAX } else { 0 };
        let mut engine = Engine::open(&split::entry(&split, pack)).expect("the entry opens");
        let slugs: Vec<&str> = index.articles().iter().map(|a| a.slug.as_str()).collect();
        for (text, filters, sort, saved) in &lists {
            let list = List {
                query: text.clone(),
                filters: filters.clone(),
                saved: (!saved.is_empty()).then(|| saved.iter().map(|i| i.get(&slugs).to_string()).collect()),
                sort: *sort,
            };
            let search = |facets| Request::Search(SearchRequest { list: list.clone(), limit: 20, facets });
            let mut requests = vec![Request::Start, search(true), search(false)];
            for slug in [slugs[0], slugs[slugs.len() / 2], "no-such-article"] {
                requests.push(Request::Article(ArticleRequest { slug: slug.into(), list: list.clone() }));
            }
            for request in &requests {
                let (mut answer, rounds) = fetching(&split, &mut engine, |e| answer(e, request));
                let exact = answer_now(&index, request);
                let counting = matches!(request, Request::Search(search) if search.facets);
                if let (Response::Search(found), Response::Search(counted), true) = (&mut answer, &exact, counting) {
                    let estimated = if list.saved.is_some() { [false; 3] } else { estimates(&index, &Query::parse(text), filters, *sort, &limits) };
                    settle(&mut found.facets, &counted.facets, estimated)?;
                }
                if let (Response::Search(found), Response::Search(exact)) = (&mut answer, &exact) {
                    settle_total(&mut found.total, &mut found.estimated, exact.total, found.hits.len(), index.len())?;
                }
                prop_assert_eq!(&answer, &exact, "{:?}", request);
                if packed {
                    prop_assert_eq!(rounds, 0, "a packed entry holds every file");
                }
            }
        }
    }
}

/// What [`split::write`] cuts from the whole index of `articles`, and what
/// [`split::write_to`] streams from them in the order given: the directory
/// and every file by name, each.
type Files = (Vec<u8>, BTreeMap<String, Vec<u8>>);

fn in_memory_and_streamed(articles: Vec<Article>, limits: &Limits, memory: usize) -> (Files, Files) {
    let index = Index::new(split::date_order(articles.clone()));
    let whole = split::write(&index, limits).expect("articles in date order");
    let mut files = BTreeMap::new();
    let mut out = |name: &str, bytes: &[u8]| {
        assert!(files.insert(name.to_string(), bytes.to_vec()).is_none(), "{name} twice");
        Ok(())
    };
    let summary = split::write_to(articles, limits, memory, &mut out).expect("a streamed split");
    assert_eq!((summary.articles, summary.files), (index.len(), files.len()));
    assert_eq!(summary.bytes, files.values().map(|f| f.len() as u64).sum::<u64>());
    (
        (whole.directory, whole.files.into_iter().collect()),
        (summary.directory, files),
    )
}

/// The names of files that differ between two splits, for a short message.
fn differing(a: &Files, b: &Files) -> Vec<String> {
    let names: std::collections::BTreeSet<&String> = a.1.keys().chain(b.1.keys()).collect();
    let mut differ: Vec<String> = names
        .into_iter()
        .filter(|n| a.1.get(*n) != b.1.get(*n))
        .cloned()
        .collect();
    if a.0 != b.0 {
        differ.push("the directory".into());
    }
    differ
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 100, ..ProptestConfig::default() })]

    /// Streamed through temporary files a few postings at a time, in any
    /// order, the split is the in-memory one, byte for byte.
    #[test]
    fn the_streamed_split_is_the_in_memory_split(
        records in prop::collection::vec(article(), 1..60),
        limits in limits(),
        memory in 1usize..2048,
    ) {
        let (whole, streamed) = in_memory_and_streamed(corpus(&records), &limits, memory);
        prop_assert!(whole == streamed, "files differ: {:?}", differing(&whole, &streamed));
    }
}

#[test]
fn a_few_thousand_articles_stream_to_the_in_memory_split() {
    let mut runner = TestRunner::deterministic();
    let records = prop::collection::vec(article(), 3000)
        .new_tree(&mut runner)
        .expect("records")
        .current();
    // Runs of about 40 KB of postings: several runs of words and of pairs.
    let (whole, streamed) = in_memory_and_streamed(corpus(&records), &Limits::default(), 40 << 10);
    assert_eq!(differing(&whole, &streamed), Vec::<String>::new());
    assert!(whole.1.len() > 20, "{} files", whole.1.len());
}

#[test]
fn the_split_index_needs_articles_in_date_order() {
    let records = [
        "{\"title\": \"Old\", \"body\": \"Jazz.\", \"date\": \"2020-01-01\"}\n".to_string(),
        "{\"title\": \"New\", \"body\": \"Jazz.\", \"date\": \"2022-01-01\"}\n".to_string(),
    ];
    let index = Index::new(corpus(&records));
    assert_eq!(
        split::write(&index, &Limits::default()).err(),
        Some(split::WriteError::NotInDateOrder)
    );
    let sorted = split::date_order(corpus(&records));
    assert_eq!(
        sorted.iter().map(|a| a.title.as_str()).collect::<Vec<_>>(),
        ["New", "Old"]
    );
}

/// Words, stems and name keys fill shards of their own size, apart from
/// pairs (a typo fetches every shard of its first letter's words, a pair
/// one shard alone); the words' postings fill at most `postings_files`
/// files however small `postings` is, and the pairs' go on from there.
#[test]
fn pairs_take_shards_of_their_own_and_postings_files_are_capped() {
    let records: Vec<String> = (0..40)
        .map(|i| {
            format!("{{\"title\": \"Report {i}\", \"body\": \"Security council met in Almaty on fuel prices.\"}}\n")
        })
        .collect();
    let index = Index::new(split::date_order(corpus(&records)));
    let limits = Limits {
        words: 1 << 20,
        dictionary: 1 << 20,
        postings: 1,
        postings_files: 1,
        inline: 0,
        ..Limits::default()
    };
    let split = split::write(&index, &limits).unwrap();
    let count = |kind: char| split.files.iter().filter(|(name, _)| name.starts_with(kind)).count();
    // One shard of words, stems and name keys, one of pairs.
    assert_eq!(count('d'), 2);
    // One file of the words' lists, one of the pairs'.
    assert_eq!(count('p'), 2);
}

#[test]
fn a_damaged_or_misnamed_file_is_refused() {
    let records = ["{\"title\": \"Jazz\", \"body\": \"Jazz in Almaty.\"}\n".to_string()];
    let index = Index::new(corpus(&records));
    let split = split::write(&index, &Limits::default()).unwrap();
    let mut engine = Engine::new(&split.directory).unwrap();
    let (name, bytes) = &split.files[0];
    let mut damaged = bytes.clone();
    let middle = damaged.len() / 2;
    damaged[middle] ^= 1;
    let error = engine.add(name, &damaged).unwrap_err();
    assert_eq!(
        error.to_string(),
        format!("index file {name}: the bundle is damaged: its checksum does not match")
    );
    // A good file under a name of another kind is not taken for that kind.
    let other = split
        .files
        .iter()
        .find(|(n, _)| n.as_bytes()[0] != name.as_bytes()[0])
        .unwrap();
    assert!(engine.add(&other.0, bytes).is_err());
    assert!(Engine::new(bytes).is_err(), "a file that is not the directory");
}

/// Home (no search, no filter) shows the whole archive's facet counts,
/// which the directory holds, and an article's previous and next in that
/// list are its neighbours by position: neither reads a catalogue shard,
/// where counting would read every one (1.9 MB at 1,000,000 articles).
#[test]
fn home_and_the_plain_lists_neighbours_read_no_catalogue() {
    let records: Vec<String> = (0..40)
        .map(|i| {
            let publisher = ["RFE/RL", "DPA"][i % 2];
            format!(
                "{{\"title\": \"Report {i}\", \"body\": \"Jazz in Almaty.\", \"publisher\": \"{publisher}\", \"date\": \"2022-01-{:02}\"}}\n",
                1 + i % 28
            )
        })
        .collect();
    let index = Index::new(split::date_order(corpus(&records)));
    let limits = Limits {
        catalog_docs: 4,
        ..Limits::default()
    };
    let split = split::write(&index, &limits).unwrap();
    let mut engine = Engine::new(&split.directory).unwrap();
    let everything = Query::parse("");
    let (home, _, fetched) = fetching_files(&split, &mut engine, |e| {
        e.search(&everything, &Filters::default(), Sort::Relevance, 20)
    });
    assert_eq!(
        home,
        index.search(&everything, &Filters::default(), Sort::Relevance, 20)
    );
    assert_eq!(home.facets.publishers.values.len(), 2);
    let kinds: BTreeSet<char> = fetched.iter().filter_map(|name| name.chars().next()).collect();
    assert_eq!(
        kinds,
        BTreeSet::from(['g']),
        "only the hits' article groups: {fetched:?}"
    );
    let (order, rounds) = fetching(&split, &mut engine, |e| {
        e.ranked(&everything, &Filters::default(), Sort::Newest)
    });
    assert_eq!(order, index.ranked(&everything, &Filters::default(), Sort::Newest));
    assert_eq!(rounds, 0);
    // The oldest first reads its order's file, in one round: no catalogue.
    let (order, rounds, fetched) = fetching_files(&split, &mut engine, |e| {
        e.ranked(&everything, &Filters::default(), Sort::Oldest)
    });
    assert_eq!(order, index.ranked(&everything, &Filters::default(), Sort::Oldest));
    assert_eq!(rounds, 1);
    assert_eq!(fetched.len(), 1);
    assert!(fetched.iter().all(|name| name.starts_with('o')), "{fetched:?}");
}

#[test]
fn a_phrase_never_spans_two_fields() {
    let records = [
        "{\"title\": \"Talks on security\", \"body\": \"Council members met in Almaty.\", \"date\": \"2022-01-06\"}\n"
            .to_string(),
        "{\"title\": \"Almaty talks\", \"body\": \"The security council met.\", \"date\": \"2022-01-05\"}\n"
            .to_string(),
    ];
    let index = Index::new(split::date_order(corpus(&records)));
    // Every word's postings in files: each pair of words is indexed.
    let limits = Limits {
        inline: 0,
        ..Limits::default()
    };
    let split = split::write(&index, &limits).unwrap();
    let mut engine = Engine::new(&split.directory).unwrap();
    let query = Query::parse("\"security council\"");
    let (found, rounds) = search(&split, &mut engine, &query, &Filters::default(), Sort::Relevance);
    let titles: Vec<&str> = found.articles.iter().map(|a| a.title.as_str()).collect();
    assert_eq!(titles, ["Almaty talks"]);
    assert_eq!(
        found.results,
        index.search(&query, &Filters::default(), Sort::Relevance, 10)
    );
    // The dictionary, then the words' and the pair's postings, then the hit's
    // group: no article is read to check the phrase.
    assert_eq!(rounds, 3);
}

/// `n` reports, "Report {i}" numbered `i` newest first, each with the
/// JSON fields `fields(i)` besides its title and date; and their split
/// index, cut by `limits`.
fn reports(n: usize, fields: impl Fn(usize) -> String, limits: &Limits) -> (Index, Split) {
    let records: Vec<String> = (0..n)
        .map(|i| {
            let date = format!("{}-{:02}-{:02}", 2020 - i / 336, 12 - (i / 28) % 12, 28 - i % 28);
            format!("{{\"title\": \"Report {i}\", {}, \"date\": \"{date}\"}}\n", fields(i))
        })
        .collect();
    let index = Index::new(split::date_order(corpus(&records)));
    assert_eq!(index.articles()[n / 2].title, format!("Report {}", n / 2));
    let split = split::write(&index, limits).unwrap();
    (index, split)
}

/// The bytes of the postings files among `fetched`.
fn postings_read(split: &Split, fetched: &Names) -> usize {
    let size = |name: &String| {
        split
            .files
            .iter()
            .find(|(n, _)| n == name)
            .map_or(0, |(_, bytes)| bytes.len())
    };
    fetched.iter().filter(|name| name.starts_with('p')).map(size).sum()
}

/// 2,000 reports, a publisher repeating every four (RFE/RL twice, DPA,
/// Global Voices), with the body `body(i)`; 100 articles per catalogue
/// shard.
fn two_thousand_reports(body: impl Fn(usize) -> String) -> (Index, Split) {
    let fields = |i| {
        let publisher = ["RFE/RL", "RFE/RL", "DPA", "Global Voices"][i % 4];
        format!("\"body\": \"{}\", \"publisher\": \"{publisher}\"", body(i))
    };
    let limits = Limits {
        catalog_docs: 100,
        ..Limits::default()
    };
    reports(2000, fields, &limits)
}

/// [`two_thousand_reports`] all about jazz in Almaty, and reports 500 to
/// 1099 (a story of some months) about Tokayev too.
fn jazz_and_a_story() -> (Index, Split) {
    two_thousand_reports(|i| {
        let story = if (500..1100).contains(&i) {
            " Tokayev spoke."
        } else {
            ""
        };
        format!("Jazz in Almaty.{story}")
    })
}

/// A broad search over a split index counts publishers and countries over
/// a few catalogue shards, the same ones for every broad search; a story
/// of a few months, over the shards where it is. Months are always exact.
/// The publishers repeat every four articles, so a shard's sample scales
/// to the exact counts (each of two figures, as estimates are rounded).
#[test]
fn broad_searches_estimate_their_facets_from_a_few_catalogue_shards() {
    let (index, split) = jazz_and_a_story();
    let mut engine = Engine::new(&split.directory).unwrap();
    let catalogue_shards = |engine: &mut Engine, text: &str| {
        let query = Query::parse(text);
        let (found, _, fetched) = fetching_files(&split, engine, |e| {
            e.search(&query, &Filters::default(), Sort::Relevance, 10)
        });
        let exact = index.search(&query, &Filters::default(), Sort::Relevance, 10);
        assert_eq!(found.total, exact.total, "{text}");
        assert_eq!(found.facets.months, exact.facets.months, "{text}: months are exact");
        assert!(!found.facets.months.estimated);
        assert!(
            exact.facets.months.values.len() > 12,
            "{text}: the matches span many months"
        );
        for (found, exact) in [
            (&found.facets.publishers, &exact.facets.publishers),
            (&found.facets.countries, &exact.facets.countries),
        ] {
            assert_eq!(found.values, exact.values, "{text}");
            assert!(found.estimated, "{text}");
        }
        fetched.iter().filter(|name| name.starts_with('c')).count()
    };
    assert_eq!(catalogue_shards(&mut engine, "jazz"), SAMPLE_SHARDS, "20 shards in all");
    assert_eq!(catalogue_shards(&mut engine, "almaty"), 0, "the same shards again");
    // Articles 500 to 1099: shards 5 to 10, of which the sample's (2, 7,
    // 12 and 17) hold only shard 7's 100; so it counts the shards of its
    // 75th, 225th, 375th and 525th matches: 5, 7 (which it has), 8 and 10.
    assert_eq!(catalogue_shards(&mut engine, "tokayev"), 3);
}

/// A list whose filters are not on screen (a phone, its panel closed)
/// counts no facet values, and so reads no catalogue shard: the same hits
/// and total, for the dictionary, postings and groups alone. Counting
/// afterwards, for the opened panel, reads the shards then.
#[test]
fn a_list_without_its_filters_on_screen_reads_no_catalogue() {
    let (index, split) = jazz_and_a_story();
    for text in ["jazz", "tokayev"] {
        let query = Query::parse(text);
        let mut engine = Engine::new(&split.directory).unwrap();
        let (found, _, fetched) = fetching_files(&split, &mut engine, |e| {
            e.search_counting(&query, &Filters::default(), Sort::Relevance, 10, Count::Nothing)
        });
        let counted = index.search(&query, &Filters::default(), Sort::Relevance, 10);
        assert_eq!((&found.hits, found.total), (&counted.hits, counted.total), "{text}");
        assert_eq!(found.facets, Facets::default(), "{text}");
        assert_eq!(
            found,
            index.search_counting(&query, &Filters::default(), Sort::Relevance, 10, Count::Nothing)
        );
        let catalogue = |fetched: &Names| fetched.iter().filter(|name| name.starts_with('c')).count();
        assert_eq!(catalogue(&fetched), 0, "{text}: {fetched:?}");
        // Its timeline, which the list shows, reads none either: each day's
        // articles are a run of numbers the directory gives.
        let mut engine = Engine::new(&split.directory).unwrap();
        let (found, _, fetched) = fetching_files(&split, &mut engine, |e| {
            e.search_counting(&query, &Filters::default(), Sort::Relevance, 10, Count::Timeline)
        });
        assert_eq!(catalogue(&fetched), 0, "{text}: {fetched:?}");
        if !found.estimated {
            assert_eq!(found.facets.days, counted.facets.days, "{text}");
            assert!(counted.facets.days.len() > 1, "{text}");
        }
        let (_, _, opened) = fetching_files(&split, &mut engine, |e| {
            e.search(&query, &Filters::default(), Sort::Relevance, 10)
        });
        assert!(catalogue(&opened) > 0, "{text}: counting reads the catalogue");
    }
}

/// A page of a common word's results, with no filter or counts, is ranked
/// from the head of its list: the same hits as the whole list gives, and a
/// fraction of the bytes. The total is estimated, unless a rare word's few
/// articles settle it, read from their own words. Here "jazz" is in every
/// report, up to seven times, "tokayev" in 600 and "scandal" in five.
#[test]
fn a_common_words_page_is_ranked_from_the_head_of_its_list() {
    let fields = |i| {
        let jazz = "Jazz. ".repeat(1 + i * 7 % 11 % 7);
        let story = if (500..1100).contains(&i) { "Tokayev spoke." } else { "" };
        let scandal = if [3, 700, 1500, 1800, 1999].contains(&i) {
            " A scandal."
        } else {
            ""
        };
        format!("\"body\": \"{jazz}In Almaty. {story}{scandal}\"")
    };
    let limits = Limits {
        postings: 1024,
        head: 32,
        ..Limits::default()
    };
    let (index, split) = reports(2000, fields, &limits);
    for (text, total, estimated) in [
        ("jazz", 2000, true),
        ("tokayev", 600, true),
        ("jazz scandal", 5, false),
        ("tokayev -almaty", 0, false),
    ] {
        let query = &Query::parse(text);
        let mut engine = Engine::new(&split.directory).unwrap();
        let ask = |count| move |e: &Engine| e.search_counting(query, &Filters::default(), Sort::Relevance, 10, count);
        let (found, rounds, headed) = fetching_files(&split, &mut engine, ask(Count::Nothing));
        let exact = index.search_counting(query, &Filters::default(), Sort::Relevance, 10, Count::Nothing);
        assert_eq!(found.hits, exact.hits, "{text}");
        assert_eq!((exact.total, found.estimated), (total, estimated), "{text}");
        if !estimated {
            assert_eq!(found, exact, "{text}");
        }
        if total == 0 {
            continue;
        }
        assert!(rounds <= 3, "{text}: {rounds} rounds");
        let mut engine = Engine::new(&split.directory).unwrap();
        let (_, _, whole) = fetching_files(&split, &mut engine, ask(Count::Facets));
        assert!(
            postings_read(&split, &headed) * 3 < postings_read(&split, &whole),
            "{text}: {} bytes of postings, {} whole",
            postings_read(&split, &headed),
            postings_read(&split, &whole)
        );
    }
}

/// 650 reports: 600 long ones with one of two `forms` of a word once, 40
/// short ones with one form twice, and 10 `both` the forms, which lead a
/// search of the first form; and their split index with heads of 16
/// postings. Returns the index, the split, the search's exact hits and
/// what the split engine found, and the bytes of postings it read.
fn two_forms(forms: [&str; 2], both: &str, query: &str) -> (Vec<Hit>, Results, usize) {
    let filler = "Words of no interest fill this report. ".repeat(8);
    let fields = |i| {
        let form = forms[i % 2];
        let body = match i {
            0..600 => format!("{filler}The {form} grew."),
            600..640 => format!("The {form} grew. {form}."),
            _ => both.to_string(),
        };
        format!("\"body\": \"{body}\"")
    };
    let limits = Limits {
        head: 16,
        postings: 256,
        ..Limits::default()
    };
    let (index, split) = reports(650, fields, &limits);
    let query = Query::parse(query);
    let exact = index.search_counting(&query, &Filters::default(), Sort::Relevance, 10, Count::Nothing);
    let number = |hit: &Hit| index.articles()[hit.doc].title[7..].parse::<usize>().unwrap();
    assert!(
        exact.hits.iter().take(3).all(|hit| number(hit) >= 640),
        "the articles with both forms lead"
    );
    let mut engine = Engine::new(&split.directory).unwrap();
    let (found, _, fetched) = fetching_files(&split, &mut engine, |e| {
        e.search_counting(&query, &Filters::default(), Sort::Relevance, 10, Count::Nothing)
    });
    let postings = postings_read(&split, &fetched);
    (exact.hits, found, postings)
}

/// A word and its stem's other forms are one term: an article with two
/// forms, neither often enough to be in its form's head, can outscore
/// those in the heads. Ranking from heads bounds what the whole lists
/// could add, and reads them where that could change the page: the same
/// hits as the whole lists.
#[test]
fn what_the_whole_lists_could_add_is_bounded() {
    let both = "The protest and the protests grew today. The protest and protests met again.";
    let (exact, found, _) = two_forms(["protest", "protests"], both, "protest ");
    assert_eq!(found.hits, exact);
    assert!(!found.estimated, "the whole lists were read");
}

/// The spellings of a name are one term too, and common ones share one
/// head: the articles with the most of them together. A search of the
/// name then reads no whole list, for the same hits.
#[test]
fn the_spellings_of_a_name_share_one_head() {
    let both = "Tokayev and Toqaev spoke today. Tokayev and Toqaev met again.";
    let (exact, found, postings) = two_forms(["Tokayev", "Toqaev"], both, "tokayev");
    assert_eq!(found.hits, exact);
    assert!(found.estimated, "ranked from the heads");
    assert!(postings < 1000, "{postings} bytes of postings");
}

/// A filter reads the lists of its values' articles instead of the
/// catalogue entry of every match (every catalogue shard, for a filter on
/// home): the hits and the total are exact; the counts of the filtered
/// facet are the whole archive's, and the others are estimated from the
/// few catalogue shards that broad searches read, except months, which
/// are exact. Home filtered costs two rounds: the lists, then the page's
/// articles with the sample.
#[test]
fn filters_read_their_values_lists_not_the_catalogue() {
    let (index, split) = two_thousand_reports(|i| {
        let place = if i % 3 == 0 { " Almaty." } else { "" };
        format!("Jazz tonight.{place}")
    });
    let dpa = Filters {
        publishers: Names::from(["DPA"]),
        ..Filters::default()
    };
    let kinds = |fetched: &Names, kind: char| fetched.iter().filter(|n| n.starts_with(kind)).count();

    let home = Query::parse("");
    let (found, rounds, fetched) = fetching_files(&split, &mut Engine::new(&split.directory).unwrap(), |e| {
        e.search(&home, &dpa, Sort::Relevance, 10)
    });
    let exact = index.search(&home, &dpa, Sort::Relevance, 10);
    let titles: Vec<&str> = found
        .hits
        .iter()
        .map(|h| index.articles()[h.doc].title.as_str())
        .collect();
    assert_eq!(titles[..3], ["Report 2", "Report 6", "Report 10"]);
    assert_eq!((found.total, &found.hits), (500, &exact.hits));
    assert_eq!(rounds, 2);
    assert_eq!(kinds(&fetched, 'l'), 1, "DPA's list: {fetched:?}");
    assert_eq!(kinds(&fetched, 'c'), SAMPLE_SHARDS, "20 shards in all");
    assert_eq!(found.facets.publishers, exact.facets.publishers, "the whole archive's");
    assert!(found
        .facets
        .publishers
        .values
        .iter()
        .any(|v| v.value == "DPA" && v.selected));
    assert_eq!(found.facets.months, exact.facets.months);
    // Every third article is in Almaty: DPA's in the sample shards (2, 7,
    // 12 and 17: 100 of its 500) are 33, scaled by 5 and rounded to two
    // figures; exactly, 167.
    let kazakhstan = |facets: &Facets| {
        facets
            .countries
            .values
            .iter()
            .map(|v| (v.value.clone(), v.count))
            .collect::<Vec<_>>()
    };
    assert_eq!(kazakhstan(&found.facets), [("Kazakhstan".to_string(), 170)]);
    assert_eq!(kazakhstan(&exact.facets), [("Kazakhstan".to_string(), 167)]);
    assert!(found.facets.countries.estimated);

    // With words, and a country too: three rounds, each facet counted over
    // the matches the other's filter keeps.
    let both = Filters {
        countries: Names::from(["Kazakhstan"]),
        ..dpa.clone()
    };
    let jazz = Query::parse("jazz");
    let (found, rounds, fetched) = fetching_files(&split, &mut Engine::new(&split.directory).unwrap(), |e| {
        e.search(&jazz, &both, Sort::Relevance, 10)
    });
    let exact = index.search(&jazz, &both, Sort::Relevance, 10);
    assert_eq!((found.total, &found.hits), (167, &exact.hits));
    assert_eq!(rounds, 3);
    assert_eq!(kinds(&fetched, 'l'), 2, "DPA's and Kazakhstan's lists: {fetched:?}");
    assert_eq!(kinds(&fetched, 'c'), SAMPLE_SHARDS);
    assert_eq!(found.facets.months, exact.facets.months);
    for (found, exact) in [
        (&found.facets.publishers, &exact.facets.publishers),
        (&found.facets.countries, &exact.facets.countries),
    ] {
        assert!(found.estimated);
        let names = |values: &FacetValues| {
            values
                .values
                .iter()
                .map(|v| (v.value.clone(), v.selected))
                .collect::<BTreeSet<_>>()
        };
        assert_eq!(names(found), names(exact));
    }
}

/// Offline, with part of the index not kept: the engine is told of each
/// file that cannot be fetched and answers from the rest, saying so. An
/// article whose group cannot be had is left out of the hits and the
/// total, and the page filled from the matches after it; the articles of
/// a catalogue shard that cannot be had are left out wherever the
/// catalogue decides, and those of a facet value's list that cannot be
/// had out of its filter; a word whose postings cannot be had matches
/// nothing.
/// An article still needs its group, and once told to retry, the engine
/// asks for the files again.
#[test]
fn files_that_cannot_be_had_are_read_as_empty_and_the_answer_says_so() {
    // Ten reports, newest first; 2 and 3 (one catalogue shard) also say "Kazan".
    let records: Vec<String> = (0..10)
        .map(|i| {
            let kazan = if i == 2 || i == 3 { " Kazan too." } else { "" };
            format!(
                "{{\"title\": \"Report {i}\", \"body\": \"Jazz in Almaty.{kazan}\", \"publisher\": \"DPA\", \"date\": \"2022-01-{:02}\"}}\n",
                20 - i
            )
        })
        .collect();
    let index = Index::new(split::date_order(corpus(&records)));
    // An article per group, two per catalogue shard, every list of
    // postings in a file.
    let limits = Limits {
        group: 1,
        catalog_docs: 2,
        inline: 0,
        postings: 1,
        ..Limits::default()
    };
    let split = split::write(&index, &limits).unwrap();
    let cold = || Engine::new(&split.directory).unwrap();
    let plain = Filters::default();
    let dpa = Filters {
        publishers: Names::from(["DPA"]),
        ..Filters::default()
    };
    let jazz = Query::parse("jazz ");
    let kazan = Query::parse("kazan ");
    // The files of one kind that a cold engine reads for `ask`.
    let files_of = |kind: char, ask: &dyn Fn(&Engine) -> Step<()>| -> Names {
        let (_, _, fetched) = fetching_files(&split, &mut cold(), ask);
        fetched.into_iter().filter(|name| name.starts_with(kind)).collect()
    };
    let group_1 = files_of('g', &|e| e.article(1).map(|_| ()));
    let kazan_catalogue = files_of('c', &|e| e.search(&kazan, &dpa, Sort::Relevance, 10).map(|_| ()));
    let kazan_postings = files_of('p', &|e| e.search(&kazan, &plain, Sort::Relevance, 10).map(|_| ()));
    for files in [&group_1, &kazan_catalogue, &kazan_postings] {
        assert_eq!(files.len(), 1, "{files:?}");
    }
    let titles = |results: &Results| -> Vec<String> {
        results
            .hits
            .iter()
            .map(|hit| index.articles()[hit.doc].title.clone())
            .collect()
    };
    let complete = index.search(&jazz, &plain, Sort::Relevance, 5);
    assert_eq!(
        titles(&complete),
        ["Report 0", "Report 1", "Report 4", "Report 5", "Report 6"]
    );
    assert!(!complete.incomplete);

    // Article 1's group lost: the page of five goes on to the sixth match.
    let mut engine = cold();
    let (found, _, _) = fetching_without(&split, &mut engine, &group_1, |e| {
        e.search(&jazz, &plain, Sort::Relevance, 5)
    });
    assert_eq!(
        titles(&found),
        ["Report 0", "Report 4", "Report 5", "Report 6", "Report 7"]
    );
    assert_eq!((found.total, found.incomplete), (9, true));
    assert!(engine.lacks(group_1.iter().next().unwrap()));
    // The article itself still needs it; told to retry, the search asks again.
    assert_eq!(engine.article(1).map(|_| ()), Step::Need(group_1.clone()));
    engine.retry();
    assert_eq!(
        engine.search(&jazz, &plain, Sort::Relevance, 5).map(|_| ()),
        Step::Need(group_1.clone())
    );

    // The oldest first reads its order's file, not the catalogue: all ten,
    // though the counts lack articles 2 and 3.
    let oldest_first = [
        "Report 9", "Report 8", "Report 7", "Report 6", "Report 5", "Report 4", "Report 3", "Report 2", "Report 1",
        "Report 0",
    ];
    let (found, _, _) = fetching_without(&split, &mut cold(), &kazan_catalogue, |e| {
        e.search(&jazz, &plain, Sort::Oldest, 10)
    });
    assert_eq!(titles(&found), oldest_first);
    assert_eq!((found.total, found.incomplete), (10, true));
    // With that file lost too, articles 2 and 3 are not described: left
    // out where the catalogue decides.
    let order = files_of('o', &|e| e.ranked(&jazz, &plain, Sort::Oldest).map(|_| ()));
    assert_eq!(order.len(), 1);
    let lost = kazan_catalogue.iter().chain(&order).cloned().collect();
    let mut engine = cold();
    let (found, _, _) = fetching_without(&split, &mut engine, &lost, |e| {
        e.search(&jazz, &plain, Sort::Oldest, 10)
    });
    let described: Vec<&str> = oldest_first
        .into_iter()
        .filter(|t| !["Report 2", "Report 3"].contains(t))
        .collect();
    assert_eq!(titles(&found), described);
    assert_eq!((found.total, found.incomplete), (8, true));
    assert_eq!(found.facets.publishers.values[0].count, 8);
    // A filter reads its values' lists, not the catalogue: both reports
    // pass, and only their counts lack the shard.
    let (found, _, _) = fetching_without(&split, &mut engine, &kazan_catalogue, |e| {
        e.search(&kazan, &dpa, Sort::Relevance, 10)
    });
    assert_eq!(titles(&found), ["Report 2", "Report 3"]);
    assert_eq!((found.total, found.incomplete), (2, true));
    // DPA's list lost: nothing is known to pass.
    let dpa_list = files_of('l', &|e| e.search(&kazan, &dpa, Sort::Relevance, 10).map(|_| ()));
    assert_eq!(dpa_list.len(), 1, "{dpa_list:?}");
    let (found, _, _) = fetching_without(&split, &mut cold(), &dpa_list, |e| {
        e.search(&kazan, &dpa, Sort::Relevance, 10)
    });
    assert_eq!((found.total, found.hits.len(), found.incomplete), (0, 0, true));

    // "Kazan" unmatched: nothing for it, and for both words the close matches.
    let mut engine = cold();
    let (found, _, _) = fetching_without(&split, &mut engine, &kazan_postings, |e| {
        e.search(&kazan, &plain, Sort::Relevance, 10)
    });
    assert_eq!((found.total, found.hits.len(), found.incomplete), (0, 0, true));
    let both = Query::parse("jazz kazan ");
    let (found, _, _) = fetching_without(&split, &mut engine, &kazan_postings, |e| {
        e.search(&both, &plain, Sort::Relevance, 10)
    });
    assert_eq!((found.total, found.fallback, found.incomplete), (10, true, true));
    // A search that reads none of them is complete.
    let (found, _, _) = fetching_without(&split, &mut engine, &kazan_postings, |e| {
        e.search(&jazz, &plain, Sort::Relevance, 5)
    });
    let (whole, _, _) = fetching_files(&split, &mut cold(), |e| e.search(&jazz, &plain, Sort::Relevance, 5));
    assert_eq!(found, whole);
    assert_eq!(titles(&found), titles(&complete));
    assert!(!found.incomplete);
}
