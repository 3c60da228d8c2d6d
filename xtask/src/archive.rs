//! The archive as the site serves it: the corpus read once, in date order
//! (newest first), written as the split index's files and rendered into
//! the prerendered pages. Both come from the same index, so the answers
//! the app's engine reads from the files match the pages it hydrates.

use std::path::Path;

use folio::corpus;
use folio::search::Index;
use folio::split::{self, Limits, ENTRY};

use crate::run::{say, Fail};
use crate::site::gzip;

/// The folder of `dist` the split index goes in; the engine's worker
/// fetches `index/entry` first (`src/engine/serve.rs`).
pub const FOLDER: &str = "index";

/// The most bytes (before compression) of index files that go inside the
/// entry: a small archive's whole index then comes in one fetch, as fast
/// as when its articles were in the app. The seed's index is about 40 KB.
pub const PACK: usize = 96 << 10;

/// The corpus in `seeds`, indexed in date order.
pub fn read(seeds: &Path) -> Result<Index, Fail> {
    let sources = corpus::read_sources(&[seeds.to_path_buf()]).map_err(|e| Fail(e.to_string()))?;
    let articles = corpus::parse(&sources).map_err(|e| Fail(e.to_string()))?.articles;
    Ok(Index::new(split::date_order(articles)))
}

/// Writes `index` as split files into `dist/index/`, each gzipped: a
/// static host serves them as they are, and the worker opens them with
/// the browser's `DecompressionStream`, so nothing relies on the host's
/// compression. Returns the files' names (under the folder), entry first.
pub fn write(dist: &Path, index: &Index) -> Result<Vec<String>, Fail> {
    let split = split::write(index, &Limits::default()).map_err(|e| Fail(e.to_string()))?;
    let folder = dist.join(FOLDER);
    let _ = std::fs::remove_dir_all(&folder);
    std::fs::create_dir_all(&folder).map_err(|e| Fail(format!("{}: {e}", folder.display())))?;
    let store = |name: &str, bytes: &[u8]| {
        let path = folder.join(name);
        std::fs::write(&path, gzip(bytes)).map_err(|e| Fail(format!("{}: {e}", path.display())))
    };
    store(ENTRY, &split::entry(&split, PACK))?;
    let mut names = vec![ENTRY.to_string()];
    if !split::is_packed(&split, PACK) {
        for (name, bytes) in &split.files {
            store(name, bytes)?;
            names.push(name.clone());
        }
    }
    say(&format!(
        "split index: {} articles, {} files in {FOLDER}/ ({})",
        index.len(),
        names.len(),
        if names.len() == 1 {
            "all in the entry"
        } else {
            "the entry names the rest"
        }
    ));
    Ok(names)
}
