//! What the reader has read and saved, by slug: remembered across visits
//! (`src/ui/browser/storage.rs`) and carried in the export file.

use std::collections::BTreeSet;

/// What the reader has read and saved, by slug.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Library {
    pub read: BTreeSet<String>,
    pub saved: BTreeSet<String>,
}
