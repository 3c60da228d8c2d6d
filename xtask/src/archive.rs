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
use folio::search::{Query, Results};
use folio::split::{self, Engine, Limits, Split, Step, ENTRY};
use folio::ui::state::PAGE_SIZE;

use sha2::{Digest, Sha256};

use crate::on_disk::{self, OnDisk};
use crate::run::{say, Fail};
use crate::site::{gzip, hex};

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
/// Unless the entry packs them all, the other files are listed in a
/// [`Manifest`], which is returned.
pub fn write(dist: &Path, corpus: Corpus) -> Result<Option<Manifest>, Fail> {
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
        let gzipped = gzip(bytes);
        std::fs::write(folder.join(name), &gzipped)?;
        names.push((name.to_string(), gzipped.len()));
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
    let store = |name: &str, gzipped: &[u8]| {
        let path = folder.join(name);
        std::fs::write(&path, gzipped).map_err(|e| Fail(format!("{}: {e}", path.display())))
    };
    if packed {
        for (name, _) in &names {
            let path = folder.join(name);
            std::fs::remove_file(&path).map_err(|e| Fail(format!("{}: {e}", path.display())))?;
        }
    }
    store(ENTRY, &gzip(&split::entry(&split, PACK)))?;
    let written: Vec<(&str, usize)> = names.iter().map(|(name, size)| (name.as_str(), *size)).collect();
    let manifest = (!packed && !written.is_empty()).then(|| Manifest::of(&written));
    if let Some(manifest) = &manifest {
        store(&manifest.name, &manifest.gzipped)?;
    }
    say(&format!(
        "split index: {} articles ({} with related articles, {} links), {} files in {FOLDER}/ ({})",
        summary.articles,
        summary.related.0,
        summary.related.1,
        if packed { 1 } else { names.len() + 1 },
        match &manifest {
            None => "all in the entry".to_string(),
            Some(m) => format!("the entry names the rest; keeping them offline downloads {} B", m.bytes),
        }
    ));
    Ok(manifest)
}

/// The list of an index's files but its entry, with their sizes as stored
/// (gzipped): what "Keep the whole archive offline" downloads
/// (`static/sw.js`). It grows with the archive, so no visit reads it until
/// the reader asks to keep the archive: the service worker is told only its
/// name, the number of files and the total, which do not grow.
#[derive(Debug, PartialEq)]
pub struct Manifest {
    /// `manifest-` and its checksum: a new index gets a new name, so a
    /// kept copy of an older one is never taken for it.
    pub name: String,
    pub files: usize,
    /// Everything the action downloads: the files and the manifest itself.
    pub bytes: usize,
    /// The file: a line `name size` per file, gzipped like every index file.
    pub gzipped: Vec<u8>,
}

impl Manifest {
    fn of(files: &[(&str, usize)]) -> Manifest {
        let text: String = files.iter().map(|(name, size)| format!("{name} {size}\n")).collect();
        let gzipped = gzip(text.as_bytes());
        Manifest {
            name: format!("manifest-{}", hex(&Sha256::digest(&gzipped)[..8])),
            files: files.len(),
            bytes: files.iter().map(|(_, size)| size).sum::<usize>() + gzipped.len(),
            gzipped,
        }
    }
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
        // The timeline's counts per day, as `YYYY-MM-DD` and count.
        let days: Vec<(String, usize)> = (results.facets.days.iter())
            .map(|(day, count)| (day.to_string(), *count))
            .collect();
        searches.push(serde_json::json!({ "query": query, "total": results.total, "titles": titles, "days": days }));
    }
    let oldest = match index.len() {
        0 => None,
        n => Some(index.read(|e| {
            e.article(n - 1)
                .map(|a| serde_json::json!({ "slug": a.slug, "title": a.title }))
        })?),
    };
    let offline = offline(&dist.join(FOLDER), queries)?;
    Ok(serde_json::json!({
        "articles": index.len(),
        "searches": searches,
        "lost": lost,
        "oldest": oldest,
        "offline": offline,
    })
    .to_string())
}

/// What the end-to-end tests expect offline with part of the index kept
/// (`offline` in the expectations): the files that a page of the home
/// list and of the searches for `queries[0]` and `queries[1]` reads (cold,
/// as the app asks), less the article group of a hit of the first that
/// the others do not read. The second then answers in full; the first
/// from the rest, leaving out that group's articles (and trying the
/// matches after them, not kept either) and saying its results may be
/// incomplete (its total and first titles here, read as the worker reads
/// them offline).
fn offline(folder: &Path, queries: &[String]) -> Result<serde_json::Value, Fail> {
    let [first, second, ..] = queries else {
        return Err(Fail("the offline expectations need two searches".into()));
    };
    let (_, found, mut kept) = reading(folder, first, &|_| true)?;
    let (_, _, mut theirs) = reading(folder, second, &|_| true)?;
    // And the home list's: the app hydrates the prerendered home page from
    // it, which it cannot do from an incomplete answer.
    theirs.extend(reading(folder, "", &|_| true)?.2);
    let cold = open(folder)?;
    let lost = found
        .hits
        .iter()
        .filter_map(|hit| match cold.article(hit.doc) {
            Step::Need(group) => group.into_iter().find(|name| !theirs.contains(name)),
            Step::Done(_) => None,
        })
        .next()
        .ok_or_else(|| {
            Fail(format!(
                "a search for {second} reads every group a search for {first} shows"
            ))
        })?;
    kept.extend(theirs);
    kept.remove(&lost);
    let (engine, found, _) = reading(folder, first, &|name| kept.contains(name))?;
    let titles: Vec<String> = found
        .hits
        .iter()
        .take(3)
        .filter_map(|hit| match engine.article(hit.doc) {
            Step::Done(article) => Some(article.title.clone()),
            Step::Need(_) => None,
        })
        .collect();
    Ok(serde_json::json!({
        "kept": kept,
        "query": first,
        "total": found.total,
        "titles": titles,
        "incomplete": found.incomplete,
    }))
}

/// The engine of the index in `folder`, cold: its entry read.
fn open(folder: &Path) -> Result<Engine, Fail> {
    Engine::open(&on_disk::read(folder, ENTRY)?).map_err(|e| Fail(e.to_string()))
}

/// A page of the search for `query` from a cold engine that can read the
/// files `kept` allows (the others cannot be had, as offline), with the
/// engine and the files it read.
fn reading(
    folder: &Path,
    query: &str,
    kept: &dyn Fn(&str) -> bool,
) -> Result<(Engine, Results, BTreeSet<String>), Fail> {
    let mut engine = open(folder)?;
    let mut read = BTreeSet::new();
    let query = Query::parse(query);
    loop {
        let names = match engine.search(&query, &Filters::default(), Sort::Relevance, PAGE_SIZE) {
            Step::Done(results) => return Ok((engine, results, read)),
            Step::Need(names) => names,
        };
        for name in names {
            if kept(&name) {
                engine
                    .add(&name, &on_disk::read(folder, &name)?)
                    .map_err(|e| Fail(e.to_string()))?;
                read.insert(name);
            } else {
                engine.lack(&name);
            }
        }
    }
}

/// Moves out of the site in `dist`, into `aside`, the files a search for
/// `query` needs first but no search for `kept` needs, as a host that lost
/// them (or an offline copy without them) would have it: the end-to-end
/// tests see that search fail clearly while the others still answer, and
/// serve the whole site again from both folders. Returns the files' names.
pub fn lose_files_of(dist: &Path, query: &str, kept: &[String], aside: &Path) -> Result<Vec<String>, Fail> {
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
    let _ = std::fs::remove_dir_all(aside);
    let aside_index = aside.join(FOLDER);
    std::fs::create_dir_all(&aside_index).map_err(|e| Fail(format!("{}: {e}", aside_index.display())))?;
    for name in &lost {
        let path = folder.join(name);
        std::fs::rename(&path, aside_index.join(name)).map_err(|e| Fail(format!("{}: {e}", path.display())))?;
    }
    Ok(lost)
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeMap;
    use std::io::Read as _;

    use folio::search::Index;

    use super::*;
    use crate::generate;

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

    fn root() -> PathBuf {
        Path::new(env!("CARGO_MANIFEST_DIR")).parent().unwrap().to_path_buf()
    }

    /// An empty scratch `dist` of its own for each test.
    fn scratch(name: &str) -> PathBuf {
        let dist = std::env::temp_dir().join(format!("folio-archive-{name}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dist);
        dist
    }

    /// The files in `dist/index/`, with their sizes.
    fn written(dist: &Path) -> BTreeMap<String, usize> {
        std::fs::read_dir(dist.join(FOLDER))
            .unwrap()
            .map(|e| e.unwrap())
            .map(|e| {
                (
                    e.file_name().to_string_lossy().into_owned(),
                    e.metadata().unwrap().len() as usize,
                )
            })
            .collect()
    }

    #[test]
    fn a_small_archive_is_all_in_its_entry_and_has_no_manifest() {
        let dist = scratch("seed");
        let manifest = write(&dist, read(&root().join("seeds")).unwrap()).unwrap();
        assert_eq!(manifest, None);
        assert_eq!(written(&dist).into_keys().collect::<Vec<_>>(), [ENTRY]);
        std::fs::remove_dir_all(&dist).unwrap();
    }

    #[test]
    fn the_manifest_lists_exactly_the_files_written_but_the_entry_with_their_sizes() {
        let corpus = generate::corpus(&root(), 500).unwrap();
        let dist = scratch("generated");
        let manifest = write(&dist, read(&corpus).unwrap()).unwrap().unwrap();

        let mut files = written(&dist);
        assert_eq!(files.remove(ENTRY).map(|_| ()), Some(()));
        assert_eq!(files.remove(&manifest.name), Some(manifest.gzipped.len()));
        let mut listed = String::new();
        flate2::read::GzDecoder::new(manifest.gzipped.as_slice())
            .read_to_string(&mut listed)
            .unwrap();
        let listed: BTreeMap<String, usize> = listed
            .lines()
            .map(|line| {
                let (name, size) = line.split_once(' ').unwrap();
                (name.to_string(), size.parse().unwrap())
            })
            .collect();
        assert!(
            files.len() > 10,
            "the generated archive is split: {} files",
            files.len()
        );
        assert_eq!(listed, files);
        assert_eq!(manifest.files, files.len());
        assert_eq!(manifest.bytes, files.values().sum::<usize>() + manifest.gzipped.len());
        let checksum = hex(&Sha256::digest(&manifest.gzipped)[..8]);
        assert_eq!(manifest.name, format!("manifest-{checksum}"));
        std::fs::remove_dir_all(&dist).unwrap();
    }
}
