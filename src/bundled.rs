//! The corpus bundled into the app at build time.
//!
//! `build.rs` parses `seeds/` (or `$FOLIO_SEEDS`) with the same parser, stops
//! the build on any error, and writes the list of files for `include_bytes!`.

use std::borrow::Cow;

use crate::corpus::{self, Corpus, CorpusError, Source};

include!(concat!(env!("OUT_DIR"), "/bundled_files.rs"));

/// The bundled files, borrowed from the binary.
pub fn sources() -> Vec<Source<'static>> {
    FILES
        .iter()
        .map(|(name, bytes)| Source {
            name: Cow::Borrowed(name),
            bytes: Cow::Borrowed(bytes),
        })
        .collect()
}

/// The bundled corpus, parsed. The build has already parsed these exact bytes
/// with this exact parser, so this does not fail in practice; it still returns
/// the error rather than trusting that.
pub fn corpus() -> Result<Corpus, CorpusError> {
    corpus::parse(&sources())
}
