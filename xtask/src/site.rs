//! Building the release site into `dist/` and reporting what it weighs.

use std::io::Write as _;
use std::path::{Path, PathBuf};
use std::process::Command;

use flate2::write::GzEncoder;
use flate2::Compression;

use crate::run::{run, say, Fail};
use crate::setup;

/// `trunk build --release`, with the npm `wasm-opt` on PATH.
pub fn build(root: &Path) -> Result<PathBuf, Fail> {
    setup::build_tools(root)?;
    run(Command::new("trunk")
        .args(["build", "--release"])
        .current_dir(root)
        .env("PATH", setup::path_with_npm_tools(root)))?;
    let dist = root.join("dist");
    write_routes(root, &dist)?;
    report_sizes(&dist)?;
    Ok(dist)
}

/// Gives every route a reader can land on a file, so deep links and reloads
/// work on a plain static host with no rewrite rules: each article's
/// `articles/<slug>/index.html`, and `404.html` for everything else (which
/// the app turns into its not-found page). Each is the app's page; the app
/// reads the URL to know what to show.
fn write_routes(root: &Path, dist: &Path) -> Result<(), Fail> {
    let seeds = std::env::var_os("FOLIO_SEEDS").map_or_else(|| root.join("seeds"), PathBuf::from);
    let sources = folio_core::corpus::read_sources(&[seeds]).map_err(|e| Fail(e.to_string()))?;
    let corpus = folio_core::corpus::parse(&sources).map_err(|e| Fail(e.to_string()))?;
    let page = std::fs::read(dist.join("index.html")).map_err(|e| Fail(format!("dist/index.html: {e}")))?;
    let write = |path: PathBuf| -> Result<(), Fail> {
        if let Some(dir) = path.parent() {
            std::fs::create_dir_all(dir).map_err(|e| Fail(format!("{}: {e}", dir.display())))?;
        }
        std::fs::write(&path, &page).map_err(|e| Fail(format!("{}: {e}", path.display())))
    };
    for article in &corpus.articles {
        write(dist.join("articles").join(&article.slug).join("index.html"))?;
    }
    write(dist.join("404.html"))?;
    say(&format!("wrote {} article pages and 404.html", corpus.articles.len()));
    Ok(())
}

/// Prints each file of `dist` with its raw and gzipped size.
fn report_sizes(dist: &Path) -> Result<(), Fail> {
    let mut files = Vec::new();
    collect(dist, &mut files).map_err(|e| Fail(format!("{}: {e}", dist.display())))?;
    files.sort();
    let (mut raw_total, mut gz_total) = (0, 0);
    let mut route_pages = 0;
    for file in &files {
        let name = file.strip_prefix(dist).unwrap_or(file);
        // One line for the (many, alike) route pages.
        if name.starts_with("articles") {
            route_pages += 1;
            continue;
        }
        let bytes = std::fs::read(file).map_err(|e| Fail(format!("{}: {e}", file.display())))?;
        let gz = gzip_len(&bytes);
        raw_total += bytes.len();
        gz_total += gz;
        say(&format!(
            "{:<50} {:>9} B  {:>8} B gzipped",
            name.display(),
            bytes.len(),
            gz
        ));
    }
    say(&format!("{:<50} {route_pages:>9} files", "articles/*/index.html"));
    say(&format!(
        "{:<50} {raw_total:>9} B  {gz_total:>8} B gzipped",
        "total (without article pages)"
    ));
    Ok(())
}

fn collect(dir: &Path, files: &mut Vec<PathBuf>) -> std::io::Result<()> {
    for entry in std::fs::read_dir(dir)? {
        let path = entry?.path();
        if path.is_dir() {
            collect(&path, files)?;
        } else {
            files.push(path);
        }
    }
    Ok(())
}

/// The size of `bytes` gzipped at the level static hosts use (best).
pub fn gzip_len(bytes: &[u8]) -> usize {
    let mut encoder = GzEncoder::new(Vec::new(), Compression::best());
    encoder.write_all(bytes).expect("writing to a Vec cannot fail");
    encoder.finish().expect("writing to a Vec cannot fail").len()
}
