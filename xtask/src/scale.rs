//! `cargo xtask bench --scale`: the split index on generated corpora (10,000
//! and 100,000 articles; `--stress` adds 1,000,000): how long it takes to
//! write, what it writes, and what the benchmark queries fetch from it:
//! cold (a new engine for each query, as on a first search) and typed
//! letter by letter into one engine (what a reader's keystrokes fetch).
//! Fetches are counted natively, with every file gzipped as a host would
//! send it; the browser measurements come with the worker.
//!
//! Then Pagefind (issue 12's comparison) on the same 10,000 and 100,000
//! articles, one HTML page each: its indexing time and memory, and what the
//! same queries fetch in headless Chromium on Slow 4G
//! (`benches/pagefind/run.mjs`).

use std::collections::BTreeMap;
use std::path::Path;
use std::time::Instant;

use folio::bench::QUERIES;
use folio::catalog::{Filters, Sort};
use folio::corpus;
use folio::search::{Index, Query};
use folio::split::{self, Engine, Limits, Split, Step};

use crate::run::{output, say, Fail};
use crate::{bench, generate, setup, site};

const SIZES: [usize; 2] = [10_000, 100_000];
const STRESS: usize = 1_000_000;

pub fn run(root: &Path, stress: bool) -> Result<(), Fail> {
    let mut sizes = SIZES.to_vec();
    if stress {
        sizes.push(STRESS);
    }
    let mut corpora = Vec::new();
    for size in sizes {
        let path = generate::corpus(root, size)?;
        measure(&path)?;
        corpora.push((size, path));
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

fn measure(path: &Path) -> Result<(), Fail> {
    say(&format!("{}", path.display()));
    let start = Instant::now();
    let sources = corpus::read_sources(&[path.to_path_buf()]).map_err(|e| Fail(e.to_string()))?;
    let articles = corpus::parse(&sources).map_err(|e| Fail(e.to_string()))?.articles;
    let parsed = start.elapsed();
    let index = Index::new(split::date_order(articles));
    let indexed = start.elapsed();
    let split = split::write(&index, &Limits::default()).map_err(|e| Fail(e.to_string()))?;
    let written = start.elapsed();
    println!(
        "\n{} articles: parse {:.1} s, index {:.1} s, split {:.1} s",
        index.len(),
        parsed.as_secs_f64(),
        (indexed - parsed).as_secs_f64(),
        (written - indexed).as_secs_f64()
    );

    let gzipped: BTreeMap<&str, usize> = split
        .files
        .iter()
        .map(|(name, bytes)| (name.as_str(), site::gzip_len(bytes)))
        .collect();
    let mut kinds: BTreeMap<char, (usize, usize, usize, usize)> = BTreeMap::new();
    for (name, bytes) in &split.files {
        let kind = kinds.entry(name.chars().next().unwrap_or('?')).or_default();
        kind.0 += 1;
        kind.1 += bytes.len();
        kind.2 += gzipped[name.as_str()];
        kind.3 = kind.3.max(gzipped[name.as_str()]);
    }
    println!(
        "\ndirectory: {} B, {} B gzipped",
        split.directory.len(),
        site::gzip_len(&split.directory)
    );
    println!("\n| files | count | MB | MB gzipped | largest KB gzipped |");
    println!("| --- | ---: | ---: | ---: | ---: |");
    for (kind, (count, raw, gz, largest)) in &kinds {
        let name = match kind {
            'd' => "dictionary shards",
            'p' => "postings",
            'g' => "article groups",
            'c' => "catalogue shards",
            _ => "other",
        };
        println!(
            "| {name} | {count} | {:.2} | {:.2} | {:.1} |",
            *raw as f64 / 1e6,
            *gz as f64 / 1e6,
            *largest as f64 / 1e3
        );
    }

    println!("\n| query | cold rounds | cold files | cold KB | cold KB by kind | typed keystrokes | typed KB | most rounds at a keystroke |");
    println!("| --- | ---: | ---: | ---: | --- | ---: | ---: | ---: |");
    for text in QUERIES {
        let mut cold = new_engine(&split)?;
        let first = fetch_until_done(&split, &gzipped, &mut cold, &Query::parse(text))?;
        let mut typed = new_engine(&split)?;
        let mut so_far = String::new();
        let (mut total, mut most) = (0, 0);
        for c in text.chars() {
            so_far.push(c);
            let keystroke = fetch_until_done(&split, &gzipped, &mut typed, &Query::parse(&so_far))?;
            total += keystroke.bytes;
            most = most.max(keystroke.rounds);
        }
        println!(
            "| `{text}` | {} | {} | {:.1} | {} | {} | {:.1} | {most} |",
            first.rounds,
            first.files,
            first.bytes as f64 / 1e3,
            first.kinds(),
            text.chars().count(),
            total as f64 / 1e3
        );
    }
    Ok(())
}

fn new_engine(split: &Split) -> Result<Engine, Fail> {
    Engine::new(&split.directory).map_err(|e| Fail(e.to_string()))
}

/// Searches as the app will, fetching a round at a time.
fn fetch_until_done(
    split: &Split,
    gzipped: &BTreeMap<&str, usize>,
    engine: &mut Engine,
    query: &Query,
) -> Result<Fetched, Fail> {
    let mut fetched = Fetched::default();
    loop {
        match engine.search(query, &Filters::default(), Sort::Relevance, folio::bench::PAGE) {
            Step::Done(_) => return Ok(fetched),
            Step::Need(names) => {
                fetched.rounds += 1;
                for name in &names {
                    let (_, bytes) = split
                        .files
                        .iter()
                        .find(|(n, _)| n == name)
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
