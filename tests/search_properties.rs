//! Properties of slugs, highlights, facets and filters over generated
//! corpora and arbitrary queries.
#![cfg(not(target_arch = "wasm32"))]

use std::collections::{BTreeMap, BTreeSet};
use std::sync::OnceLock;

use folio::catalog::{Facet, Filters, Sort};
use folio::corpus::{self, Article, Date, Source};
use folio::search::{Index, Query, NAME_RULES};
use proptest::prelude::*;

mod strategies;

fn seed_index() -> &'static Index {
    static INDEX: OnceLock<Index> = OnceLock::new();
    INDEX.get_or_init(|| Index::new(folio::bundled::articles().expect("the bundle decodes")))
}

/// Titles that collide once folded: case, accents, punctuation, scripts, and
/// some with nothing ASCII at all.
fn title() -> impl Strategy<Value = String> {
    prop_oneof![
        prop::sample::select(vec![
            "News",
            "news!",
            "NEWS",
            "Névs",
            "Новости",
            "北京",
            "“News”",
            "News 2",
            "news-2",
            "Ñews"
        ])
        .prop_map(str::to_string),
        "[A-Za-z][A-Za-z0-9 ,.'’-]{0,60}",
        "\\PC{1,40}",
    ]
}

fn corpus_of(titles: &[String]) -> Result<Vec<Article>, corpus::CorpusError> {
    let text: String = titles
        .iter()
        .map(|t| {
            format!(
                "{}\n\nBody of the article.\n\nSource: S\n\n",
                t.replace(['\n', '\r'], " ")
            )
        })
        .collect();
    corpus::parse(&[Source {
        name: "t.txt".into(),
        bytes: text.into_bytes().into(),
    }])
    .map(|c| c.articles)
}

/// Words to build queries from: real ones (names in several spellings,
/// prefixes, typos), syntax, and noise.
fn query() -> impl Strategy<Value = String> {
    let words = prop::sample::select(vec![
        "Toqaev",
        "tokayev",
        "Токаев",
        "kyrg",
        "kazakstan",
        "CSTO",
        "protest",
        "\"security council\"",
        "-putin",
        "jazz",
        "almaty",
        "the",
        "a",
        "zzz",
        "-",
        "\"",
        "🙂",
        "Nur-Sultan's",
        "x",
    ]);
    prop::collection::vec(prop_oneof![words.prop_map(str::to_string), "\\PC{0,12}"], 0..5).prop_map(|w| w.join(" "))
}

proptest! {
    // A corpus of generated titles that does not parse (none did in 300
    // runs) is rejected, not passed: more than 30 of them fail the test.
    #![proptest_config(ProptestConfig { cases: 300, max_global_rejects: 30, ..ProptestConfig::default() })]

    #[test]
    fn slugs_are_unique_and_url_safe(titles in prop::collection::vec(title(), 1..30)) {
        let articles = corpus_of(&titles);
        prop_assume!(articles.is_ok(), "the titles do not parse");
        let articles = articles.unwrap();
        prop_assert_eq!(articles.len(), titles.len());
        let slugs: Vec<&str> = articles.iter().map(|a| a.slug.as_str()).collect();
        let unique: BTreeSet<&str> = slugs.iter().copied().collect();
        prop_assert_eq!(unique.len(), slugs.len());
        for slug in slugs {
            prop_assert!(!slug.is_empty() && slug.len() <= 90, "{}", slug);
            prop_assert!(slug.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-'), "{}", slug);
            prop_assert!(!slug.starts_with('-') && !slug.ends_with('-'), "{}", slug);
        }
    }

    #[test]
    fn highlights_lie_on_character_boundaries_inside_their_text(text in query()) {
        let index = seed_index();
        let query = Query::parse(&text);
        let results = index.search(&query, &Filters::default(), Sort::Relevance, 9);
        for hit in &results.hits {
            let article = &index.articles()[hit.doc];
            for range in &hit.title {
                prop_assert!(range.start < range.end && article.title.get(range.clone()).is_some());
            }
            if let Some(snippet) = &hit.snippet {
                for range in &snippet.ranges {
                    prop_assert!(range.start < range.end && snippet.text.get(range.clone()).is_some());
                }
            }
            let highlights = index.highlights(hit.doc, &query);
            for (block, ranges) in article.blocks.iter().zip(&highlights.blocks) {
                let mut end = 0;
                for range in ranges {
                    prop_assert!(range.start >= end && range.start < range.end && block.text.get(range.clone()).is_some());
                    end = range.end;
                }
            }
        }
    }

    #[test]
    fn facets_count_the_results_and_filters_exclude(text in query(), filters in strategies::filters(vec!["2022-01", "1999-12"], vec!["2021-12-31", "2022-01-05", "2022-01-08", "2022-01-10", "2022-01-11"]), sort in strategies::sort()) {
        let index = seed_index();
        let results = index.search(&Query::parse(&text), &filters, sort, index.len());
        prop_assert_eq!(results.hits.len(), results.total);
        let articles: Vec<&Article> = results.hits.iter().map(|h| &index.articles()[h.doc]).collect();
        // Nothing a filter excludes is shown.
        for article in &articles {
            let month = article.date.map(|d| d.month_key());
            prop_assert!(filters.publishers.is_empty() || article.publisher.as_ref().is_some_and(|p| filters.publishers.contains(p)));
            prop_assert!(filters.months.is_empty() || month.is_some_and(|m| filters.months.contains(&m)));
            prop_assert!(filters.countries.is_empty() || article.countries.iter().any(|c| filters.countries.contains(c)));
            prop_assert!(filters.people.is_empty() || article.people.iter().any(|p| filters.people.contains(p)));
            prop_assert!(filters.dates.is_none_or(|(from, to)| article.date.is_some_and(|d| (from..=to).contains(&d))));
        }
        // The timeline counts what every filter but the dates keeps, per day.
        let undated = Filters { dates: None, ..filters.clone() };
        let kept = index.search(&Query::parse(&text), &undated, sort, index.len());
        let mut days: BTreeMap<Date, usize> = BTreeMap::new();
        for hit in &kept.hits {
            if let Some(date) = index.articles()[hit.doc].date {
                *days.entry(date).or_default() += 1;
            }
        }
        prop_assert_eq!(&results.facets.days, &days.into_iter().collect::<Vec<_>>());
        // With no filters, each facet counts exactly the results: single-valued
        // facets add up to the total (less those without a value), and each
        // value of the multi-valued one counts the results that carry it.
        let unfiltered = index.search(&Query::parse(&text), &Filters::default(), sort, index.len());
        let shown: Vec<&Article> = unfiltered.hits.iter().map(|h| &index.articles()[h.doc]).collect();
        let sum = |facet: Facet| unfiltered.facets.get(facet).values.iter().map(|v| v.count).sum::<usize>();
        prop_assert_eq!(sum(Facet::Publisher), shown.iter().filter(|a| a.publisher.is_some()).count());
        prop_assert_eq!(sum(Facet::Month), shown.iter().filter(|a| a.date.is_some()).count());
        for value in &unfiltered.facets.countries.values {
            let carrying = shown.iter().filter(|a| a.countries.contains(&value.value.as_str())).count();
            prop_assert_eq!(value.count, carrying, "{}", value.value);
        }
        // The seed names fewer people than a catalogue counts: all of them.
        let named: Vec<&String> = folio::order::distinct(shown.iter().flat_map(|a| &a.people));
        prop_assert_eq!(unfiltered.facets.people.values.len(), named.len());
        for value in &unfiltered.facets.people.values {
            let naming = shown.iter().filter(|a| a.people.contains(&value.value)).count();
            prop_assert_eq!(value.count, naming, "{}", value.value);
        }
    }
}

/// The seed's articles again and again, each with a date (or none) and a
/// publisher (or none) from small sets, so equal dates and repeated values
/// are everywhere.
fn redated() -> impl Strategy<Value = Vec<Article>> {
    let date = prop::option::weighted(0.8, (2019..2023i32, 1..=12u8, 1..=3u8));
    let publisher = prop::option::weighted(0.9, prop::sample::select(vec!["RFE/RL", "AKIpress", "Kun.uz", "DPA"]));
    prop::collection::vec((date, publisher), 1..120).prop_map(|fields| {
        let seed = folio::bundled::articles().expect("the bundle decodes");
        fields
            .into_iter()
            .zip(seed.iter().cycle())
            .map(|((date, publisher), article)| Article {
                date: date.map(|(year, month, day)| folio::corpus::Date { year, month, day }),
                publisher: publisher.map(str::to_string),
                ..article.clone()
            })
            .collect()
    })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 200, ..ProptestConfig::default() })]

    #[test]
    fn date_orders_and_facet_values_are_those_of_a_plain_sort(articles in redated()) {
        let index = Index::new(articles.clone());
        let everything = |sort| -> Vec<usize> {
            index.search(&Query::parse(""), &Filters::default(), sort, articles.len()).hits.iter().map(|h| h.doc).collect()
        };
        // Newest (or oldest) first, undated last, equal dates in corpus order.
        let mut newest: Vec<usize> = (0..articles.len()).collect();
        newest.sort_by_key(|&doc| (articles[doc].date.is_none(), std::cmp::Reverse(articles[doc].date)));
        let mut oldest: Vec<usize> = (0..articles.len()).collect();
        oldest.sort_by_key(|&doc| (articles[doc].date.is_none(), articles[doc].date));
        prop_assert_eq!(everything(Sort::Newest), newest);
        prop_assert_eq!(everything(Sort::Oldest), oldest);
        // Months newest first; publishers by count, then by name.
        let facets = index.search(&Query::parse(""), &Filters::default(), Sort::Relevance, 1).facets;
        let months: BTreeSet<String> = articles.iter().filter_map(|a| a.date.map(|d| d.month_key())).collect();
        let shown: Vec<String> = facets.months.values.iter().map(|v| v.value.clone()).collect();
        prop_assert_eq!(shown, months.into_iter().rev().collect::<Vec<_>>());
        let mut publishers: Vec<(usize, String)> = articles
            .iter()
            .filter_map(|a| a.publisher.clone())
            .collect::<BTreeSet<_>>()
            .into_iter()
            .map(|p| (articles.iter().filter(|a| a.publisher.as_ref() == Some(&p)).count(), p))
            .collect();
        publishers.sort_by(|a, b| b.0.cmp(&a.0).then_with(|| a.1.cmp(&b.1)));
        let counted: Vec<(usize, String)> = facets.publishers.values.iter().map(|v| (v.count, v.value.clone())).collect();
        prop_assert_eq!(counted, publishers);
    }
}

/// Every form a corpus writes a name in: each spelling plain, possessive
/// (`'s`, `’s`), hyphenated (`Toqaev-led`), and the Cyrillic declined. Each
/// form comes with the word a highlight must mark.
fn forms_of(spellings: &[&str], cyrillic: &str) -> Vec<(String, String)> {
    let mut forms = Vec::new();
    for spelling in spellings {
        for form in [spelling.to_string(), format!("{spelling}'s"), format!("{spelling}’s")] {
            forms.push((form.clone(), form));
        }
        forms.push((format!("{spelling}-led"), spelling.to_string()));
    }
    // Russian declension: `Дмитрий` → `Дмитрия`; surnames in -ов, -ев, -ин
    // take -ым in the instrumental, other names -ом.
    let (stem, endings): (&str, &[&str]) = match cyrillic.strip_suffix('й') {
        Some(stem) => (stem, &["я", "ю", "ем", "и"]),
        None if cyrillic.ends_with("ов") || cyrillic.ends_with("ев") || cyrillic.ends_with("ин") => {
            (cyrillic, &["а", "у", "ым", "е"])
        }
        None => (cyrillic, &["а", "у", "ом", "е"]),
    };
    for ending in endings {
        let form = format!("{stem}{ending}");
        forms.push((form.clone(), form));
    }
    forms
}

/// The same word as a reader may type it.
fn cased(word: &str, case: u8) -> String {
    match case {
        0 => word.to_lowercase(),
        1 => word.to_uppercase(),
        _ => {
            let mut chars = word.chars();
            chars
                .next()
                .map(|first| first.to_uppercase().chain(chars.as_str().chars()).collect())
                .unwrap_or_default()
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 300, ..ProptestConfig::default() })]

    /// For every name rule: a query in any of the rule's spellings, in
    /// either script and any case, typed or finished, finds every article
    /// with any form of the name, nothing else, and marks the form.
    #[test]
    fn a_name_in_any_spelling_finds_every_form_of_it(
        rule in 0..NAME_RULES.len(),
        spelling in 0..3usize,
        case in 0..3u8,
        typing in any::<bool>(),
        picks in prop::collection::vec(any::<prop::sample::Index>(), 1..8),
    ) {
        let rule = &NAME_RULES[rule];
        let (written, read) = rule.example;
        let spellings = [cased(written, 2), cased(read, 2), rule.cyrillic.to_string()];
        let forms = forms_of(&[&spellings[0], &spellings[1]], rule.cyrillic);
        let chosen: Vec<&(String, String)> = picks.iter().map(|pick| pick.get(&forms)).collect();
        let mut text = String::from("Article 0\n\nNothing related to anyone.\n\nSource: Test\n\n");
        for (i, (form, _)) in chosen.iter().enumerate() {
            text.push_str(&format!("Article {}\n\nA report on {form} today.\n\nSource: Test\n\n", i + 1));
        }
        text.push_str("Last article\n\nOther news from Bishkek.\n\nSource: Test\n\n");
        let corpus = corpus::parse(&[Source { name: "names.txt".into(), bytes: text.into_bytes().into() }])
            .expect("the corpus parses");
        let index = Index::new(corpus.articles);
        let query = format!("{}{}", cased(&spellings[spelling], case), if typing { "" } else { " " });
        let results = index.search(&Query::parse(&query), &Filters::default(), Sort::Relevance, 20);
        let mut found: Vec<usize> = results.hits.iter().map(|h| h.doc).collect();
        found.sort();
        prop_assert_eq!(found, (1..=chosen.len()).collect::<Vec<_>>(), "{:?} in {:?}", query, chosen);
        for hit in &results.hits {
            let snippet = hit.snippet.as_ref().expect("a body match has a snippet");
            let marked: Vec<&str> = snippet.marked().collect();
            prop_assert_eq!(marked, vec![chosen[hit.doc - 1].1.as_str()], "{:?}", query);
        }
    }
}
