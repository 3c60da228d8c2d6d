//! The archive as the site serves it: the corpus read once, in date order
//! (newest first), written as the split index's files and rendered into
//! the prerendered pages. Both come from the same index, so the answers
//! the app's engine reads from the files match the pages it hydrates.

use std::collections::BTreeSet;
use std::io::Read as _;
use std::path::Path;

use folio::catalog::{Filters, Sort};
use folio::corpus;
use folio::search::{Index, Query};
use folio::split::{self, Engine, Limits, Step, ENTRY};

use crate::run::{say, Fail};
use crate::site::gzip;

/// The folder of `dist` the split index goes in; the engine's worker
/// fetches `index/entry` first (`src/engine/serve.rs`).
pub const FOLDER: &str = "index";

/// The most bytes (before compression) of index files that go inside the
/// entry: a small archive's whole index then comes in one fetch, as fast
/// as when its articles were in the app. The seed's index is about 40 KB.
pub const PACK: usize = 96 << 10;

/// The corpus in `seeds`, indexed in date order. Each article names its
/// file relative to `seeds`: the index files carry the name, and must not
/// depend on where the build ran.
pub fn read(seeds: &Path) -> Result<Index, Fail> {
    let sources = corpus::read_sources(&[seeds.to_path_buf()]).map_err(|e| Fail(e.to_string()))?;
    let mut articles = corpus::parse(&sources).map_err(|e| Fail(e.to_string()))?.articles;
    for article in &mut articles {
        if let Ok(relative) = Path::new(&article.file).strip_prefix(seeds) {
            article.file = relative.to_string_lossy().into_owned();
        }
    }
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

/// What the end-to-end tests expect of the site built from `index`, as
/// JSON: its size; for each of `queries`, the total and the first titles
/// (relevance, no filter); the query whose files were `lost`; and the
/// oldest article, which has no page of its own under a prerender limit.
pub fn expectations(index: &Index, queries: &[String], lost: &str) -> String {
    let searches: Vec<serde_json::Value> = queries
        .iter()
        .map(|query| {
            let results = index.search(&Query::parse(query), &Filters::default(), Sort::Relevance, 3);
            let titles: Vec<&str> = results
                .hits
                .iter()
                .map(|hit| index.articles()[hit.doc].title.as_str())
                .collect();
            serde_json::json!({ "query": query, "total": results.total, "titles": titles })
        })
        .collect();
    let oldest = index
        .articles()
        .last()
        .map(|a| serde_json::json!({ "slug": a.slug, "title": a.title }));
    serde_json::json!({ "articles": index.len(), "searches": searches, "lost": lost, "oldest": oldest }).to_string()
}

/// Deletes from the site in `dist` the files a search for `query` needs
/// first but no search for `kept` needs, as a host that lost them (or an
/// offline copy without them) would have it: the end-to-end tests see that
/// search fail clearly while the others still answer. Returns the files'
/// names.
pub fn lose_files_of(dist: &Path, query: &str, kept: &[String]) -> Result<Vec<String>, Fail> {
    let folder = dist.join(FOLDER);
    let read = |name: &str| -> Result<Vec<u8>, Fail> {
        let path = folder.join(name);
        let gzipped = std::fs::read(&path).map_err(|e| Fail(format!("{}: {e}", path.display())))?;
        let mut bytes = Vec::new();
        flate2::read::GzDecoder::new(gzipped.as_slice())
            .read_to_end(&mut bytes)
            .map_err(|e| Fail(format!("{}: {e}", path.display())))?;
        Ok(bytes)
    };
    let mut engine = Engine::open(&read(ENTRY)?).map_err(|e| Fail(e.to_string()))?;
    let search =
        |engine: &Engine, query: &str| engine.search(&Query::parse(query), &Filters::default(), Sort::Relevance, 20);
    let Step::Need(first) = search(&engine, query) else {
        return Err(Fail(format!("a search for {query} needs no file but the entry")));
    };
    // Every file the kept searches read, fetched as the worker would.
    let mut needed = BTreeSet::new();
    for kept in kept {
        while let Step::Need(names) = search(&engine, kept) {
            for name in names {
                engine.add(&name, &read(&name)?).map_err(|e| Fail(e.to_string()))?;
                needed.insert(name);
            }
        }
    }
    let lost: Vec<String> = first.into_iter().filter(|name| !needed.contains(name)).collect();
    if lost.is_empty() {
        return Err(Fail(format!(
            "every file a search for {query} needs first, other searches need too"
        )));
    }
    for name in &lost {
        let path = folder.join(name);
        std::fs::remove_file(&path).map_err(|e| Fail(format!("{}: {e}", path.display())))?;
    }
    Ok(lost)
}
