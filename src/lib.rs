//! folio: a static, searchable article viewer.
//!
//! Data flows one way: corpus text → [`corpus`] → articles → [`search`] index
//! → [`catalog`] (filters, facets, sort) → [`ui`]. Everything but `ui` is the
//! pure engine in the `folio-core` crate, re-exported here; see
//! `docs/ARCHITECTURE.md`.

pub use folio_core::{bench, catalog, corpus, neighbours, order, route, search, split, text, varint};

pub mod bundled;
pub mod engine;
#[cfg(target_arch = "wasm32")]
pub mod tasks;
pub mod ui;
