//! Full-text search, in pure Rust: used by the app (in wasm), the CLI and
//! the benchmarks.
//!
//! ```
//! use folio_core::catalog::{Filters, Sort};
//! use folio_core::corpus::{self, Source};
//! use folio_core::search::{Index, Query};
//!
//! let corpus = corpus::parse(&[Source {
//!     name: "n.txt".into(),
//!     bytes: "Tokayev speaks\n\nQasym-Zhomart Toqaev spoke in Almaty.\n\nSource: S\n".as_bytes().into(),
//! }])
//! .unwrap();
//! let index = Index::new(corpus.articles);
//! let results = index.search(&Query::parse("Токаев"), &Filters::default(), Sort::Relevance, 10);
//! assert_eq!(results.total, 1);
//! let snippet = results.hits[0].snippet.as_ref().unwrap();
//! assert_eq!(snippet.marked().collect::<Vec<_>>(), vec!["Toqaev"]);
//! ```

pub(crate) mod expand;
mod heads;
pub(crate) mod index;
mod matcher;
pub(crate) mod members;
pub(crate) mod normalize;
pub(crate) mod query;
pub(crate) mod rank;
pub(crate) mod snippet;
pub(crate) mod store;

// The index's submodules use it as `super::varint`.
use crate::varint;

pub use expand::{typos_allowed, MatchKind};
pub use index::{Index, Indexing};
pub use normalize::{name_key, stem, NameRule, NAME_RULES};
pub use query::{Clause, Query, Word, MAX_CLAUSES};
pub use rank::{Count, Hit, Results};
pub use snippet::{Highlights, Snippet};
pub(crate) use store::Store;
