//! Any query over the seed corpus: never a panic, and every highlight range
//! on character boundaries inside its text.
#![no_main]

use std::sync::OnceLock;

use folio_core::catalog::{Filters, Sort};
use folio_core::corpus::{self, Source};
use folio_core::search::{Index, Query};
use libfuzzer_sys::fuzz_target;

fn index() -> &'static Index {
    static INDEX: OnceLock<Index> = OnceLock::new();
    INDEX.get_or_init(|| {
        let seed = include_bytes!("../../seeds/000_cb824f7dda8be3ad.txt");
        let parsed = corpus::parse(&[Source {
            name: "seed.txt".into(),
            bytes: seed.as_slice().into(),
        }])
        .expect("seed");
        Index::new(parsed.articles)
    })
}

fuzz_target!(|text: &str| {
    let index = index();
    let query = Query::parse(text);
    for sort in [Sort::Relevance, Sort::Newest, Sort::Oldest] {
        let results = index.search(&query, &Filters::default(), sort, 5);
        assert!(results.hits.len() <= results.total.min(5));
        for hit in &results.hits {
            let title = &index.articles()[hit.doc].title;
            assert!(hit.title.iter().all(|r| title.get(r.clone()).is_some()));
            if let Some(snippet) = &hit.snippet {
                assert!(snippet.ranges.iter().all(|r| snippet.text.get(r.clone()).is_some()));
            }
        }
    }
    if let Some(hit) = index
        .search(&query, &Filters::default(), Sort::Relevance, 1)
        .hits
        .first()
    {
        let highlights = index.highlights(hit.doc, &query);
        let article = &index.articles()[hit.doc];
        for (block, ranges) in article.blocks.iter().zip(&highlights.blocks) {
            assert!(ranges.iter().all(|r| block.text.get(r.clone()).is_some()));
        }
    }
});
