//! folio: a static, searchable article viewer.
//!
//! Data flows one way: corpus text → [`corpus`] → articles → [`search`] index
//! → [`catalog`] (filters, facets, sort) → [`ui`]. Everything but `ui` is the
//! pure engine in the `folio-core` crate, re-exported here; see
//! `docs/ARCHITECTURE.md`.

pub use folio_core::{
    bench, catalog, corpus, names, neighbours, order, related, route, search, split, text, timeline, varint,
};

pub mod bundled;
pub mod engine;
#[cfg(target_arch = "wasm32")]
pub mod tasks;
pub mod ui;

/// The allocator of both wasms, the page's and the engine's worker's:
/// Talc instead of the standard library's dlmalloc, for their size budgets
/// (2.3 KB less gzipped in the worker, 2.1 KB in the page). `index.html`
/// turns the feature on for both builds; the browser tests keep dlmalloc.
#[cfg(all(target_arch = "wasm32", feature = "talc"))]
#[global_allocator]
static ALLOCATOR: talc::TalckWasm = unsafe { talc::TalckWasm::new_global() };
