//! What the reader has read and saved, by slug: remembered across visits
//! (`src/ui/browser/storage.rs`) and carried in the export file.

use crate::names::Names;

/// What the reader has read and saved, by slug.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Library {
    pub read: Names,
    pub saved: Names,
}
