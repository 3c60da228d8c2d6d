//! folio: a static, searchable article viewer.
//!
//! Data flows one way: corpus text → [`corpus`] → articles → [`search`] index
//! → [`catalog`] (filters, facets, sort) → [`ui`]. Everything but `ui` is the
//! pure engine in the `folio-core` crate, re-exported here; see
//! `docs/ARCHITECTURE.md`.

pub use folio_core::{bench, catalog, corpus, neighbours, route, search, text};

pub mod bundled;
pub mod engine;
pub mod ui;
