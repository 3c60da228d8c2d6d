//! The index split into static files, for archives too large to ship in
//! the app: a directory, dictionary shards (words, stems and name keys, a
//! rare word's postings inline), postings files, article groups, catalogue
//! shards and each facet value's list of articles, each a file of a
//! bounded size named by its checksum. A search reads the directory, then
//! the shards its words need and its filters' lists, then the postings
//! files, then the catalogue and the articles of its hits: the
//! same answers as the in-memory [`crate::search::Index`], read through the
//! same code (see `search/store.rs`).
//!
//! [`write`] cuts an index in memory into files; [`write_to`] writes the
//! same files from articles in any order without holding the index, for
//! corpora too large for it (see `split/stream.rs`): the one a site build
//! should call.
//!
//! ```
//! use folio_core::catalog::{Filters, Sort};
//! use folio_core::corpus::{self, Source};
//! use folio_core::search::{Index, Query};
//! use folio_core::split::{self, Engine, Limits, Step};
//!
//! let text = "Tokayev speaks\n\nQasym-Zhomart Toqaev spoke in Almaty.\n\nSource: S\n";
//! let corpus = corpus::parse(&[Source { name: "n.txt".into(), bytes: text.as_bytes().into() }]).unwrap();
//! let index = Index::new(split::date_order(corpus.articles));
//! let files = split::write(&index, &Limits::default()).unwrap();
//! let mut engine = Engine::new(&files.directory).unwrap();
//! let query = Query::parse("Токаев");
//! let results = loop {
//!     match engine.search(&query, &Filters::default(), Sort::Relevance, 10) {
//!         Step::Done(results) => break results,
//!         Step::Need(names) => {
//!             for (name, bytes) in files.files.iter().filter(|(n, _)| names.contains(n)) {
//!                 engine.add(name, bytes).unwrap();
//!             }
//!         }
//!     }
//! };
//! assert_eq!(results, index.search(&query, &Filters::default(), Sort::Relevance, 10));
//! let Step::Done(first) = engine.article(results.hits[0].doc) else { panic!("its group was fetched") };
//! assert_eq!(first.title, "Tokayev speaks");
//! ```

mod engine;
mod entry;
mod estimate;
mod format;
mod pairs;
mod spellings;
mod spill;
mod stream;
mod view;
mod write;

use crate::catalog::{Catalog, Catalogued};
use crate::corpus::Article;

pub use engine::{Engine, FileError, Step};
pub use entry::{entry, is_packed, ENTRY};
pub use estimate::SAMPLE_SHARDS;
pub use stream::{write_to, Summary, MEMORY};
pub use write::{write, Limits, Split, WriteError};

/// The articles newest first, as a split index numbers them (undated
/// last; equal dates in the order given).
pub fn date_order(articles: Vec<Article>) -> Vec<Article> {
    let order = date_positions(&articles);
    let mut slots: Vec<Option<Article>> = articles.into_iter().map(Some).collect();
    order.into_iter().filter_map(|doc| slots[doc as usize].take()).collect()
}

/// The positions of `articles` in date order (see [`date_order`]).
fn date_positions(articles: &[impl Catalogued]) -> Vec<u32> {
    let all: Vec<u32> = (0..articles.len() as u32).collect();
    Catalog::new(articles).newest_of(&all, all.len())
}
