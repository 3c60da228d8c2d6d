//! `cargo xtask bench --scale`: the split index on generated corpora (10,000
//! and 100,000 articles; `--stress` adds 1,000,000): how long `dist` takes
//! to build an archive's part of a site (the corpus read, the index
//! written streamed, the newest pages prerendered from it: by
//! `cargo xtask archive` in a process of its own, so its peak memory is its
//! own), what it writes, and what the benchmark queries fetch from it:
//! cold (a new engine for each query, as on a first search) and typed
//! letter by letter into one engine (what a reader's keystrokes fetch).
//! Fetches are counted natively, with every file gzipped as a host would
//! send it.
//!
//! Then the reader in headless Chromium at 4x CPU slowdown on the whole
//! site built from each corpus (`benches/web/reader.mjs`), once served
//! as it is and once over Slow 4G (see [`crate::throttle`]): the first visit's bytes,
//! when the app is live, a cold search (rounds, bytes, time to its results
//! painted), keystrokes, and the engine's worker's memory. One table sums
//! up each size.
//!
//! Then Pagefind (issue 12's comparison) on the same 10,000 and 100,000
//! articles, one HTML page each: its indexing time and memory, and what the
//! same queries fetch in headless Chromium on Slow 4G
//! (`benches/pagefind/run.mjs`).

use std::collections::BTreeMap;
use std::path::Path;
use std::process::Command;
use std::time::Instant;

use folio::bench::QUERIES;
use folio::catalog::{Filters, Sort};
use folio::search::{Count, Query, Results};
use folio::split::{Engine, Step, ENTRY};

use crate::run::{output, say, Fail};
use crate::throttle::Link;
use crate::{archive, bench, generate, on_disk, prerender, serve, setup, site};

const SIZES: [usize; 2] = [10_000, 100_000];
const STRESS: usize = 1_000_000;

/// Measures each size natively, then, unless `native`, in the browser,
/// and Pagefind on the same articles.
pub fn run(root: &Path, stress: bool, native: bool) -> Result<(), Fail> {
    let mut sizes = SIZES.to_vec();
    if stress {
        sizes.push(STRESS);
    }
    let mut corpora = Vec::new();
    let mut rows = Vec::new();
    for size in sizes {
        let path = generate::corpus(root, size)?;
        let built = measure(root, &path)?;
        if !native {
            rows.push(in_browser(root, size, &path, &built)?);
            corpora.push((size, path));
        }
    }
    if native {
        return Ok(());
    }
    println!("\n| articles | dist: archive s | peak MB | site files | site MB | first visit KB | live ms | live ms, Slow 4G | cold search, Slow 4G: rounds · KB · ms | keystroke p50 / p95 ms | worker MB |");
    println!("| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- | --- | ---: |");
    for row in rows {
        println!("{row}");
    }
    setup::pagefind_tools(root)?;
    // Not at the stress size: Pagefind takes about a gigabyte per 10,000
    // pages to index.
    for (_, path) in corpora.iter().filter(|(size, _)| SIZES.contains(size)) {
        say(&format!("Pagefind: {}", path.display()));
        let mut pagefind = bench::node(root);
        pagefind.arg("benches/pagefind/run.mjs").arg(path).args(QUERIES);
        println!("{}", output(&mut pagefind)?);
    }
    Ok(())
}

/// What a search fetched: rounds, files and gzipped bytes.
#[derive(Default)]
struct Fetched {
    rounds: usize,
    files: usize,
    bytes: usize,
    /// Gzipped bytes per kind of file (its name's first letter).
    by_kind: BTreeMap<char, usize>,
}

impl Fetched {
    /// Kilobytes per kind, as `d 12.3 · p 45.6`.
    fn kinds(&self) -> String {
        let kinds: Vec<String> = self
            .by_kind
            .iter()
            .map(|(k, b)| format!("{k} {:.1}", *b as f64 / 1e3))
            .collect();
        kinds.join(" · ")
    }
}

/// Builds into `dir` what `cargo xtask dist` builds of the corpus at
/// `path` (a file or a folder) besides the app: the split index in
/// `dir/index/` and the pages of the newest articles (the default
/// prerender limit), rendered into a bare page (the app's own comes from
/// Trunk, the same for every corpus). Prints how long each part took and
/// the process's peak memory (VmHWM).
pub fn build(path: &Path, dir: &Path) -> Result<(), Fail> {
    let start = Instant::now();
    let _ = std::fs::remove_dir_all(dir);
    std::fs::create_dir_all(dir).map_err(|e| Fail(format!("{}: {e}", dir.display())))?;
    prerender::bare_page(dir)?;
    let corpus = archive::read(path)?;
    let read = start.elapsed().as_secs_f64();
    archive::write(dir, corpus)?;
    let written = start.elapsed().as_secs_f64();
    let pages = prerender::prerender(dir, "/", None, prerender::DEFAULT)?;
    let all = start.elapsed().as_secs_f64();
    println!(
        "archive built in {all:.1} s (read {read:.1} s, index {:.1} s, {pages} pages {:.1} s); peak RSS {} MB",
        written - read,
        all - written,
        peak_rss_mb()
    );
    Ok(())
}

/// The peak resident memory of this process so far, in megabytes.
fn peak_rss_mb() -> u64 {
    let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    status
        .lines()
        .find_map(|line| line.strip_prefix("VmHWM:"))
        .and_then(|kb| kb.trim().trim_end_matches("kB").trim().parse::<u64>().ok())
        .map_or(0, |kb| kb / 1024)
}

/// What the build of an archive took, as `cargo xtask archive` reports it.
struct Built {
    seconds: String,
    peak_mb: String,
}

/// The reader on the whole site built from the corpus at `path`, served
/// as a static host would: its row of the summary table.
fn in_browser(root: &Path, size: usize, path: &Path, built: &Built) -> Result<String, Fail> {
    let dir = root.join("target/scale-site").join(size.to_string());
    let start = Instant::now();
    site::build_from(root, path, &dir, "/", None, prerender::DEFAULT)?;
    say(&format!(
        "the site of {size} articles built in {:.1} s",
        start.elapsed().as_secs_f64()
    ));
    let mut files = Vec::new();
    site::collect(&dir, &mut files).map_err(|e| Fail(format!("{}: {e}", dir.display())))?;
    let bytes: u64 = files.iter().filter_map(|f| f.metadata().ok()).map(|m| m.len()).sum();
    // As GitHub Pages serves every file: without it, the service worker's
    // install would fetch the app's files a second time, where a host's
    // cache headers let the browser's cache answer.
    let cached = [("Cache-Control", "max-age=600")];
    let local = serve::start_with(&dir, "127.0.0.1:0", "/", &cached)?;
    serve::warm(&local, &dir);
    let slow_4g = serve::start_throttled(&dir, "127.0.0.1:0", "/", &cached, Link::slow_4g())?;
    let label = size.to_string();
    let reader =
        |server: &serve::Running| output(bench::node(root).args(["benches/web/reader.mjs", &server.url, &label]));
    let own = reader(&local)?;
    println!("{own}");
    let slow = reader(&slow_4g)?;
    println!("Slow 4G: {slow}");
    let field = |report: &str, name: &str| bench::field(report, name);
    Ok(format!(
        "| {size} | {} | {} | {} | {:.1} | {} | {} | {} | {} · {} · {} | {} / {} | {} |",
        built.seconds,
        built.peak_mb,
        files.len(),
        bytes as f64 / 1e6,
        field(&own, "first_visit_kb"),
        field(&own, "live_ms"),
        field(&slow, "live_ms"),
        field(&slow, "cold_rounds"),
        field(&slow, "cold_kb"),
        field(&slow, "cold_search_ms"),
        field(&own, "p50_ms"),
        field(&own, "p95_ms"),
        field(&own, "worker_mb"),
    ))
}

fn measure(root: &Path, path: &Path) -> Result<Built, Fail> {
    say(&format!("{}", path.display()));
    let name = path
        .file_stem()
        .map_or("corpus".into(), |s| s.to_string_lossy().into_owned());
    let dir = root.join("target/archive").join(name);
    let exe = std::env::current_exe().map_err(|e| Fail(e.to_string()))?;
    let report = output(Command::new(exe).arg("archive").arg(path).arg(&dir))?;
    print!("{report}");
    let built = Built {
        seconds: between(&report, "built in ", " s"),
        peak_mb: between(&report, "peak RSS ", " MB"),
    };
    let split = read_split(&dir.join(archive::FOLDER))?;

    let gzipped: BTreeMap<&str, usize> = split.files.iter().map(|(name, _, gz)| (name.as_str(), *gz)).collect();
    let mut kinds: BTreeMap<char, (usize, usize, usize, usize)> = BTreeMap::new();
    for (name, bytes, _) in &split.files {
        let kind = kinds.entry(name.chars().next().unwrap_or('?')).or_default();
        kind.0 += 1;
        kind.1 += bytes.len();
        kind.2 += gzipped[name.as_str()];
        kind.3 = kind.3.max(gzipped[name.as_str()]);
    }
    println!("\nentry: {} B, {} B gzipped", split.entry.len(), split.entry_gzipped);
    println!("\n| files | count | MB | MB gzipped | largest KB gzipped |");
    println!("| --- | ---: | ---: | ---: | ---: |");
    for (kind, (count, raw, gz, largest)) in &kinds {
        let name = match kind {
            'd' => "dictionary shards",
            'p' => "postings",
            'g' => "article groups",
            'c' => "catalogue shards",
            's' => "slug shards",
            'l' => "facet lists",
            'o' => "oldest-first order",
            _ => "other",
        };
        println!(
            "| {name} | {count} | {:.2} | {:.2} | {:.1} |",
            *raw as f64 / 1e6,
            *gz as f64 / 1e6,
            *largest as f64 / 1e3
        );
    }

    println!("\n| query | cold rounds | cold files | cold KB | cold KB by kind | filters not shown: rounds · KB | typed keystrokes | typed KB | most rounds at a keystroke |");
    println!("| --- | ---: | ---: | ---: | --- | --- | ---: | ---: | ---: |");
    for text in QUERIES {
        let mut cold = new_engine(&split)?;
        let plain = Filters::default();
        let (first, _) = fetch_until_done(
            &split,
            &gzipped,
            &mut cold,
            &Query::parse(text),
            &plain,
            Sort::Relevance,
            Count::Facets,
        )?;
        // A phone with the filters' panel closed counts no facet values.
        let (uncounted, _) = fetch_until_done(
            &split,
            &gzipped,
            &mut new_engine(&split)?,
            &Query::parse(text),
            &plain,
            Sort::Relevance,
            Count::Nothing,
        )?;
        let mut typed = new_engine(&split)?;
        let mut so_far = String::new();
        let (mut total, mut most) = (0, 0);
        for c in text.chars() {
            so_far.push(c);
            let (keystroke, _) = fetch_until_done(
                &split,
                &gzipped,
                &mut typed,
                &Query::parse(&so_far),
                &plain,
                Sort::Relevance,
                Count::Facets,
            )?;
            total += keystroke.bytes;
            most = most.max(keystroke.rounds);
        }
        println!(
            "| `{text}` | {} | {} | {:.1} | {} | {} · {:.1} | {} | {:.1} | {most} |",
            first.rounds,
            first.files,
            first.bytes as f64 / 1e3,
            first.kinds(),
            uncounted.rounds,
            uncounted.bytes as f64 / 1e3,
            text.chars().count(),
            total as f64 / 1e3
        );
    }
    filtered(&split, &gzipped)?;
    Ok(built)
}

/// What a filter costs a cold engine, on home and with the first
/// benchmark query: the commonest publisher, the commonest country, the
/// newest month, and the first two together; then home oldest first.
fn filtered(split: &Written, gzipped: &BTreeMap<&str, usize>) -> Result<(), Fail> {
    let home = Query::parse("");
    let plain = Filters::default();
    let (_, whole) = fetch_until_done(
        split,
        gzipped,
        &mut new_engine(split)?,
        &home,
        &plain,
        Sort::Relevance,
        Count::Facets,
    )?;
    let first = |values: &[folio::catalog::FacetValue]| values.first().map(|v| v.value.clone()).into_iter().collect();
    let publisher = Filters {
        publishers: first(&whole.facets.publishers.values),
        ..Filters::default()
    };
    let country = Filters {
        countries: first(&whole.facets.countries.values),
        ..Filters::default()
    };
    let month = Filters {
        months: first(&whole.facets.months.values),
        ..Filters::default()
    };
    let both = Filters {
        countries: country.countries.clone(),
        ..publisher.clone()
    };
    let filters = [&publisher, &country, &month, &both];
    let cases = (filters.iter().map(|&f| ("", f, Sort::Relevance)))
        .chain(filters.iter().map(|&f| (QUERIES[0], f, Sort::Relevance)))
        .chain([("", &plain, Sort::Oldest)]);
    println!("\n| filter | query | sort | total | cold rounds | cold files | cold KB | cold KB by kind |");
    println!("| --- | --- | --- | ---: | ---: | ---: | ---: | --- |");
    for (text, filters, sort) in cases {
        let (cold, found) = fetch_until_done(
            split,
            gzipped,
            &mut new_engine(split)?,
            &Query::parse(text),
            filters,
            sort,
            Count::Facets,
        )?;
        let named: Vec<&String> = (filters.publishers.iter())
            .chain(&filters.countries)
            .chain(&filters.months)
            .collect();
        println!(
            "| {named:?} | `{text}` | {} | {} | {} | {} | {:.1} | {} |",
            sort.name(),
            found.total,
            cold.rounds,
            cold.files,
            cold.bytes as f64 / 1e3,
            cold.kinds()
        );
    }
    Ok(())
}

/// The text in `report` between `before` and the next `after`.
fn between(report: &str, before: &str, after: &str) -> String {
    report
        .split_once(before)
        .and_then(|(_, rest)| rest.split_once(after))
        .map_or(String::new(), |(text, _)| text.to_string())
}

fn new_engine(split: &Written) -> Result<Engine, Fail> {
    Engine::open(&split.entry).map_err(|e| Fail(e.to_string()))
}

/// Searches as the app will, fetching a round at a time.
fn fetch_until_done(
    split: &Written,
    gzipped: &BTreeMap<&str, usize>,
    engine: &mut Engine,
    query: &Query,
    filters: &Filters,
    sort: Sort,
    count: Count,
) -> Result<(Fetched, Results), Fail> {
    let mut fetched = Fetched::default();
    loop {
        match engine.search_counting(query, filters, sort, folio::bench::PAGE, count) {
            Step::Done(results) => return Ok((fetched, results)),
            Step::Need(names) => {
                fetched.rounds += 1;
                for name in &names {
                    let (_, bytes, _) = split
                        .files
                        .iter()
                        .find(|(n, _, _)| n == name)
                        .ok_or_else(|| Fail(format!("the engine asked for {name}, which was not written")))?;
                    engine.add(name, bytes).map_err(|e| Fail(e.to_string()))?;
                    fetched.files += 1;
                    fetched.bytes += gzipped[name.as_str()];
                    *fetched.by_kind.entry(name.chars().next().unwrap_or('?')).or_default() += gzipped[name.as_str()];
                }
            }
        }
    }
}

/// A split index as `cargo xtask archive` wrote it, every file in memory.
struct Written {
    entry: Vec<u8>,
    entry_gzipped: usize,
    /// Each file but the entry: its name, bytes and size gzipped.
    files: Vec<(String, Vec<u8>, usize)>,
}

/// The split index in `folder`.
fn read_split(folder: &Path) -> Result<Written, Fail> {
    let fail = |path: &Path, e: std::io::Error| Fail(format!("{}: {e}", path.display()));
    let entries = std::fs::read_dir(folder).map_err(|e| fail(folder, e))?;
    let mut split = Written {
        entry: on_disk::read(folder, ENTRY)?,
        entry_gzipped: std::fs::metadata(folder.join(ENTRY))
            .map_err(|e| fail(folder, e))?
            .len() as usize,
        files: Vec::new(),
    };
    for entry in entries {
        let path = entry.map_err(|e| fail(folder, e))?.path();
        let name = path
            .file_name()
            .map_or(String::new(), |n| n.to_string_lossy().into_owned());
        if name != ENTRY {
            let gzipped = std::fs::metadata(&path).map_err(|e| fail(&path, e))?.len() as usize;
            split.files.push((name.clone(), on_disk::read(folder, &name)?, gzipped));
        }
    }
    split.files.sort();
    Ok(split)
}
