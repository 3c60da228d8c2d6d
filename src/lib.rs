//! folio: a static, searchable article viewer.
//!
//! Data flows one way: corpus text → [`corpus`] → articles → [`search`] index
//! → [`catalog`] (filters, facets, sort) → [`ui`]. Everything but `ui` is pure
//! Rust with no web types; see `docs/ARCHITECTURE.md`.

pub mod bench;
pub mod bundled;
pub mod catalog;
pub mod corpus;
pub mod search;
pub mod text;
pub mod ui;
