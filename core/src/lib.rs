//! folio's engine: corpus parsing, search, filters and facets, and URLs, in
//! pure Rust with no web types. The app, the CLI, the build script and the
//! benchmarks all use it.
//!
//! It is its own crate so that it can be optimised for speed (it runs on
//! every keystroke) while the Yew app around it is optimised for size, and so
//! that `build.rs` can depend on it to check the corpus.

pub mod bench;
pub mod catalog;
pub mod corpus;
pub mod lowercase;
pub mod names;
pub mod neighbours;
pub mod order;
pub mod related;
pub mod route;
pub mod search;
pub mod split;
pub mod text;
pub mod timeline;
pub mod varint;
