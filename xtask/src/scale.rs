//! `cargo xtask bench --scale`: the split index on generated corpora (10,000
//! and 100,000 articles; `--stress` adds 1,000,000): how long it takes to
//! write (streamed, by `cargo xtask split` in a process of its own, so its
//! peak memory is its own), what it writes, and what the benchmark queries fetch from it:
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
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Instant;

use folio::bench::QUERIES;
use folio::catalog::{Filters, Sort};
use folio::corpus::{self, Article, Source};
use folio::search::Query;
use folio::split::{self, Engine, Limits, Split, Step};

use crate::run::{self as command, output, say, Fail};
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
        measure(root, &path, size == STRESS)?;
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

/// The name the directory is written under, beside the other files.
const DIRECTORY: &str = "directory";

/// Writes the split index of the corpus at `path` into `dir`, streamed,
/// and prints how long it took and the process's peak memory (VmHWM).
/// With `pieces`, the corpus is parsed a piece at a time as the writer
/// takes the articles: parsing 1,000,000 generated articles whole holds
/// 3.8 GB, more than the split itself.
pub fn build(path: &Path, dir: &Path, pieces: bool) -> Result<(), Fail> {
    let fail = |e: &dyn std::fmt::Display| Fail(format!("{}: {e}", path.display()));
    let start = Instant::now();
    let _ = std::fs::remove_dir_all(dir);
    std::fs::create_dir_all(dir).map_err(|e| fail(&e))?;
    let mut out = |name: &str, bytes: &[u8]| std::fs::write(dir.join(name), bytes);
    let summary = if pieces {
        let file = std::fs::File::open(path).map_err(|e| fail(&e))?;
        let mut failed = None;
        let articles = in_pieces(std::io::BufReader::new(file)).flat_map(|piece| {
            match piece
                .map_err(|e| fail(&e))
                .and_then(|piece| parse(path, piece.as_bytes()))
            {
                Ok(articles) => articles,
                Err(e) => {
                    failed = Some(e);
                    Vec::new()
                }
            }
        });
        let summary = split::write_to(articles, &Limits::default(), split::MEMORY, &mut out);
        if let Some(e) = failed {
            return Err(e);
        }
        summary
    } else {
        let bytes = std::fs::read(path).map_err(|e| fail(&e))?;
        let articles = parse(path, &bytes)?;
        drop(bytes);
        println!(
            "parsed whole: {:.1} s, peak RSS {} MB",
            start.elapsed().as_secs_f64(),
            peak_rss_mb()
        );
        split::write_to(articles, &Limits::default(), split::MEMORY, &mut out)
    }
    .map_err(|e| fail(&e))?;
    std::fs::write(dir.join(DIRECTORY), &summary.directory).map_err(|e| fail(&e))?;
    println!(
        "{} articles split{} in {:.1} s: {} files, {:.1} MB; peak RSS {} MB",
        summary.articles,
        if pieces { " (parsed in pieces)" } else { "" },
        start.elapsed().as_secs_f64(),
        summary.files,
        summary.bytes as f64 / 1e6,
        peak_rss_mb()
    );
    Ok(())
}

fn parse(path: &Path, bytes: &[u8]) -> Result<Vec<Article>, Fail> {
    let source = Source {
        name: path.display().to_string().into(),
        bytes: bytes.into(),
    };
    Ok(corpus::parse(&[source]).map_err(|e| Fail(e.to_string()))?.articles)
}

/// A plain-text corpus in pieces of about 64 MB, read as they are asked
/// for, each cut before a title that follows an article's `Source:` line.
fn in_pieces(mut corpus: impl std::io::BufRead) -> impl Iterator<Item = std::io::Result<String>> {
    const PIECE: usize = 64 << 20;
    let mut line = String::new();
    std::iter::from_fn(move || {
        let mut piece = std::mem::take(&mut line);
        // Whether the last line with text was a `Source:` line, and a blank line followed it.
        let (mut after_source, mut blank) = (false, false);
        loop {
            line.clear();
            match corpus.read_line(&mut line) {
                Ok(0) => return (!piece.is_empty()).then_some(Ok(piece)),
                Ok(_) => {}
                Err(e) => return Some(Err(e)),
            }
            if line.trim().is_empty() {
                blank = true;
            } else {
                let end_line = line.starts_with("Source:") || line.starts_with("Copyright");
                if piece.len() >= PIECE && after_source && blank && !end_line {
                    // `line`, a title, starts the next piece.
                    return Some(Ok(piece));
                }
                after_source = line.starts_with("Source:");
                blank = false;
            }
            piece.push_str(&line);
        }
    })
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

fn measure(root: &Path, path: &Path, pieces: bool) -> Result<(), Fail> {
    say(&format!("{}", path.display()));
    let name = path
        .file_stem()
        .map_or("corpus".into(), |s| s.to_string_lossy().into_owned());
    let dir = root.join("target/split").join(name);
    let exe = std::env::current_exe().map_err(|e| Fail(e.to_string()))?;
    let mut build = Command::new(exe);
    build.arg("split").arg(path).arg(&dir);
    if pieces {
        build.arg("--pieces");
    }
    command::run(&mut build)?;
    let split = read_split(&dir)?;

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
            's' => "slug shards",
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

/// A split index as `cargo xtask split` wrote it.
fn read_split(dir: &Path) -> Result<Split, Fail> {
    let fail = |path: &PathBuf, e: std::io::Error| Fail(format!("{}: {e}", path.display()));
    let mut split = Split::default();
    let entries = std::fs::read_dir(dir).map_err(|e| fail(&dir.to_path_buf(), e))?;
    for entry in entries {
        let path = entry.map_err(|e| fail(&dir.to_path_buf(), e))?.path();
        let bytes = std::fs::read(&path).map_err(|e| fail(&path, e))?;
        let name = path
            .file_name()
            .map_or(String::new(), |n| n.to_string_lossy().into_owned());
        if name == DIRECTORY {
            split.directory = bytes;
        } else {
            split.files.push((name, bytes));
        }
    }
    split.files.sort();
    Ok(split)
}
