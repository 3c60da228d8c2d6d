//! Reading corpus files from disk, for the CLI and the build script (the web
//! app gets its bytes bundled and never touches a file system).

use std::path::{Path, PathBuf};

use super::{CorpusError, Diagnostic, Source};
use crate::order;

/// Reads every corpus file named by `paths`: files as given, directories as
/// their visible files in name order (so a corpus always parses in the same
/// order, and slugs stay stable).
pub fn read_sources(paths: &[PathBuf]) -> Result<Vec<Source<'static>>, CorpusError> {
    let mut sources = Vec::new();
    each_file(paths, |file| {
        sources.push(Source {
            name: file.display().to_string().into(),
            bytes: std::fs::read(file)?.into(),
        });
        Ok(())
    })?;
    Ok(sources)
}

/// The corpus files named by `paths`, as [`read_sources`] finds them, to
/// be read a line at a time (`corpus::stream`) instead of held whole.
pub fn corpus_files_of(paths: &[PathBuf]) -> Result<Vec<CorpusFile>, CorpusError> {
    let mut files = Vec::new();
    each_file(paths, |file| {
        std::fs::File::open(file)?;
        files.push(CorpusFile {
            name: file.display().to_string(),
            path: file.to_path_buf(),
        });
        Ok(())
    })?;
    Ok(files)
}

/// A corpus file on disk, named as in messages.
#[derive(Clone, Debug)]
pub struct CorpusFile {
    pub name: String,
    pub path: PathBuf,
}

/// Gives `take` every corpus file `paths` name, in order; what cannot be
/// listed or taken is an error at that path, all of them together.
fn each_file(paths: &[PathBuf], mut take: impl FnMut(&Path) -> std::io::Result<()>) -> Result<(), CorpusError> {
    let mut diagnostics = Vec::new();
    for path in paths {
        match corpus_files(path) {
            Ok(files) if files.is_empty() => diagnostics.push(Diagnostic::error(
                &path.display().to_string(),
                0,
                "no corpus files here (expected *.txt or *.jsonl articles)",
            )),
            Ok(files) => {
                for file in files {
                    if let Err(e) = take(&file) {
                        diagnostics.push(Diagnostic::error(
                            &file.display().to_string(),
                            0,
                            format!("cannot read: {e}"),
                        ));
                    }
                }
            }
            Err(e) => diagnostics.push(Diagnostic::error(
                &path.display().to_string(),
                0,
                format!("cannot read: {e}"),
            )),
        }
    }
    if diagnostics.is_empty() {
        Ok(())
    } else {
        Err(CorpusError { diagnostics })
    }
}

/// `path` itself if it is a file; its visible regular files, sorted, if it is
/// a directory.
pub fn corpus_files(path: &Path) -> std::io::Result<Vec<PathBuf>> {
    if !path.is_dir() {
        std::fs::metadata(path)?;
        return Ok(vec![path.to_path_buf()]);
    }
    let mut files = Vec::new();
    for entry in std::fs::read_dir(path)? {
        let entry = entry?;
        let hidden = entry.file_name().to_string_lossy().starts_with('.');
        if !hidden && entry.file_type()?.is_file() {
            files.push(entry.path());
        }
    }
    order::sort_by(&mut files, |a, b| a.cmp(b));
    Ok(files)
}
