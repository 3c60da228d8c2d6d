//! The export file: the reader's preferences and library, to carry to
//! another device. An imported file is hostile input: it must say it is
//! one, and only what looks like slugs is kept, so much and no more.

use crate::names::Names;
use std::fmt;

use super::prefs::Prefs;

/// The export file: everything a reader would want to carry to another device.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Backup {
    pub folio: u32,
    pub prefs: Prefs,
    pub read: Names,
    pub saved: Names,
}

/// The most slugs kept in each set, so a forged import cannot exhaust memory.
pub const MAX_LIBRARY: usize = 100_000;

/// Why a file chosen for import was not imported. The reader sees it as
/// "Not imported: {error}."
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ImportError {
    /// The browser could not read the file.
    Unreadable,
    /// The file's contents are not text.
    NotText,
    /// Not JSON, or JSON that does not say it is a folio export of this version.
    NotAnExport,
}

impl fmt::Display for ImportError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            ImportError::Unreadable => "the file could not be read",
            ImportError::NotText => "the file is not text",
            ImportError::NotAnExport => "this file is not a folio export",
        })
    }
}

impl Backup {
    pub const VERSION: u32 = 1;

    /// Checks a decoded backup: it must say it is one, and slugs must look
    /// like slugs.
    pub fn validate(mut self) -> Result<Backup, ImportError> {
        if self.folio != Backup::VERSION {
            return Err(ImportError::NotAnExport);
        }
        self.read = slugs_only(self.read);
        self.saved = slugs_only(self.saved);
        Ok(self)
    }
}

/// The first [`MAX_LIBRARY`] of `set` that look like slugs.
fn slugs_only(set: Names) -> Names {
    let slug =
        |s: &String| !s.is_empty() && s.len() <= 200 && s.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-');
    set.into_iter().filter(slug).take(MAX_LIBRARY).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_import_keeps_at_most_max_library_slugs_of_each_kind() {
        let slugs: Names = (0..MAX_LIBRARY + 5).map(|i| format!("a-{i}")).collect();
        let many = Backup {
            folio: Backup::VERSION,
            read: slugs.clone(),
            saved: slugs,
            ..Backup::default()
        };
        let kept = many.validate().unwrap();
        assert_eq!((kept.read.len(), kept.saved.len()), (MAX_LIBRARY, MAX_LIBRARY));
    }

    #[test]
    fn the_reader_is_told_why_in_words() {
        assert_eq!(
            format!("Not imported: {}.", ImportError::NotAnExport),
            "Not imported: this file is not a folio export."
        );
        assert_eq!(ImportError::Unreadable.to_string(), "the file could not be read");
        assert_eq!(ImportError::NotText.to_string(), "the file is not text");
    }
}
