//! folio: a static, searchable article viewer.
//!
//! Data flows one way: corpus text → [`corpus`] → articles → [`ui`]. Everything
//! but `ui` is pure Rust with no web types; see `docs/ARCHITECTURE.md`.

pub mod bundled;
pub mod corpus;
pub mod fold;
pub mod ui;
