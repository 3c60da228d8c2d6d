//! The archive as the site serves it: the corpus read in two passes (its
//! errors stop the build before anything is written; then each article is
//! parsed as the writer takes it), written streamed as the split index's
//! files, from which the prerendered pages are then read (`on_disk`). So a
//! build never holds the archive whole, and the answers the app's engine
//! reads from the files match the pages it hydrates.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use folio::catalog::{Filters, Sort};
use folio::corpus::stream::{self, Scan};
use folio::corpus::{self, CorpusFile};
use folio::search::Query;
use folio::split::{self, Engine, Limits, Split, Step, ENTRY};

use crate::on_disk::{self, OnDisk};
use crate::run::{say, Fail};
use crate::site::gzip;

/// The folder of `dist` the split index goes in; the engine's worker
/// fetches `index/entry` first (`src/engine/serve.rs`).
pub const FOLDER: &str = "index";

/// The most bytes (before compression) of index files that go inside the
/// entry: a small archive's whole index then comes in one fetch, as fast
/// as when its articles were in the app. The seed's index is about 40 KB.
pub const PACK: usize = 96 << 10;

/// The corpus in `seeds`, scanned: what every article needs of the whole
/// (slugs, the reference date) is known, and every error found.
pub struct Corpus {
    seeds: PathBuf,
    files: Vec<CorpusFile>,
    scan: Scan,
}

/// The first pass over the corpus in `seeds`: a broken corpus fails here,
/// with `file:line`, as `corpus::parse` would.
pub fn read(seeds: &Path) -> Result<Corpus, Fail> {
    let files = corpus::corpus_files_of(&[seeds.to_path_buf()]).map_err(|e| Fail(e.to_string()))?;
    let scan = stream::scan(&files).map_err(|e| Fail(e.to_string()))?;
    Ok(Corpus {
        seeds: seeds.to_path_buf(),
        files,
        scan,
    })
}

/// Writes the split index of `corpus` into `dist/index/`, streamed
/// (`split::write_to`), each file gzipped: a static host serves them as
/// they are, and the worker opens them with the browser's
/// `DecompressionStream`, so nothing relies on the host's compression.
/// Each article names its file relative to the corpus folder: the index
/// files carry the name, and must not depend on where the build ran.
pub fn write(dist: &Path, corpus: Corpus) -> Result<(), Fail> {
    let folder = dist.join(FOLDER);
    let _ = std::fs::remove_dir_all(&folder);
    std::fs::create_dir_all(&folder).map_err(|e| Fail(format!("{}: {e}", folder.display())))?;
    let Corpus { seeds, files, scan } = corpus;
    let mut articles = scan.articles(&files);
    let relative = articles.by_ref().map(|mut article| {
        if let Ok(relative) = Path::new(&article.file).strip_prefix(&seeds) {
            article.file = relative.to_string_lossy().into_owned();
        }
        article
    });
    // The files while they may all go in the entry ([`PACK`]), in the order
    // `split::write` gives them: a small archive's article groups (fewer
    // than a block of 256) are written last either way, so its entry is the
    // same as when it was cut from an index in memory.
    let mut small = Some(Vec::new());
    let mut names = Vec::new();
    let mut out = |name: &str, bytes: &[u8]| {
        std::fs::write(folder.join(name), gzip(bytes))?;
        names.push(name.to_string());
        if let Some(files) = &mut small {
            files.push((name.to_string(), bytes.to_vec()));
            if files.iter().map(|(_, b)| b.len()).sum::<usize>() > PACK {
                small = None;
            }
        }
        Ok(())
    };
    let summary = split::write_to(relative, &Limits::default(), split::MEMORY, &mut out);
    if let Some(failure) = articles.failure() {
        return Err(Fail(failure.to_string()));
    }
    let summary = summary.map_err(|e| Fail(e.to_string()))?;
    let packed = small.is_some();
    let split = Split {
        directory: summary.directory,
        files: small.unwrap_or_default(),
    };
    if packed {
        for name in &names {
            let path = folder.join(name);
            std::fs::remove_file(&path).map_err(|e| Fail(format!("{}: {e}", path.display())))?;
        }
    }
    let path = folder.join(ENTRY);
    std::fs::write(&path, gzip(&split::entry(&split, PACK))).map_err(|e| Fail(format!("{}: {e}", path.display())))?;
    say(&format!(
        "split index: {} articles, {} files in {FOLDER}/ ({})",
        summary.articles,
        if packed { 1 } else { names.len() + 1 },
        if packed {
            "all in the entry"
        } else {
            "the entry names the rest"
        }
    ));
    Ok(())
}

/// What the end-to-end tests expect of the site built into `dist`, read
/// from its index files (read before any is lost), as JSON: its size; for
/// each of `queries`, the total and the first titles (relevance, no
/// filter); the query whose files were `lost`; and the oldest article,
/// which has no page of its own under a prerender limit.
pub fn expectations(dist: &Path, queries: &[String], lost: &str) -> Result<String, Fail> {
    let index = OnDisk::open(dist)?;
    let mut searches = Vec::new();
    for query in queries {
        let results = index.read(|e| e.search(&Query::parse(query), &Filters::default(), Sort::Relevance, 3))?;
        let mut titles = Vec::new();
        for hit in &results.hits {
            titles.push(index.read(|e| e.article(hit.doc).map(|a| a.title.clone()))?);
        }
        searches.push(serde_json::json!({ "query": query, "total": results.total, "titles": titles }));
    }
    let oldest = match index.len() {
        0 => None,
        n => Some(index.read(|e| {
            e.article(n - 1)
                .map(|a| serde_json::json!({ "slug": a.slug, "title": a.title }))
        })?),
    };
    Ok(
        serde_json::json!({ "articles": index.len(), "searches": searches, "lost": lost, "oldest": oldest })
            .to_string(),
    )
}

/// Deletes from the site in `dist` the files a search for `query` needs
/// first but no search for `kept` needs, as a host that lost them (or an
/// offline copy without them) would have it: the end-to-end tests see that
/// search fail clearly while the others still answer. Returns the files'
/// names.
pub fn lose_files_of(dist: &Path, query: &str, kept: &[String]) -> Result<Vec<String>, Fail> {
    let folder = dist.join(FOLDER);
    let read = |name: &str| on_disk::read(&folder, name);
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

#[cfg(test)]
mod tests {
    use folio::search::Index;

    use super::*;

    /// The entry of the corpus in `seeds`, written streamed, and the one
    /// `split::write` cuts from its index in memory (how sites were built
    /// before), which must pack every file.
    fn entries(seeds: &Path, name: &str) -> (Vec<u8>, Vec<u8>) {
        let dist = std::env::temp_dir().join(format!("folio-archive-{}-{name}", std::process::id()));
        write(&dist, read(seeds).unwrap()).unwrap();
        let names: Vec<String> = std::fs::read_dir(dist.join(FOLDER))
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        assert_eq!(names, [ENTRY]);
        let written = on_disk::read(&dist.join(FOLDER), ENTRY).unwrap();
        std::fs::remove_dir_all(&dist).unwrap();

        let sources = corpus::read_sources(&[seeds.to_path_buf()]).unwrap();
        let mut articles = corpus::parse(&sources).unwrap().articles;
        for article in &mut articles {
            article.file = Path::new(&article.file)
                .strip_prefix(seeds)
                .unwrap()
                .to_string_lossy()
                .into_owned();
        }
        let index = Index::new(split::date_order(articles));
        let split = split::write(&index, &Limits::default()).unwrap();
        assert!(split::is_packed(&split, PACK));
        (written, split::entry(&split, PACK))
    }

    /// The first file every visit fetches is the same as before, and holds
    /// the rest.
    #[test]
    fn the_seed_is_packed_into_the_entry_as_from_an_index_in_memory() {
        let seeds = Path::new(env!("CARGO_MANIFEST_DIR")).join("../seeds");
        let (written, expected) = entries(&seeds, "seed");
        assert!(written == expected, "the seed's entries differ");
    }
}
