//! The corpus bundled into the app at build time.
//!
//! `build.rs` parses `seeds/` (or `$FOLIO_SEEDS`), stops the build on any
//! error, and writes the parsed articles in the compact form of
//! [`crate::corpus::bundle`], which this module includes and decodes.

use crate::corpus::bundle::{self, BundleError};
use crate::corpus::Article;

static BUNDLE: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/corpus.bundle"));

/// The bundled articles. The build wrote these bytes with the encoder of the
/// same source, so this does not fail in practice; it still returns the error
/// rather than trusting that.
pub fn articles() -> Result<Vec<Article>, BundleError> {
    bundle::decode_static(BUNDLE)
}
