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
    report_sizes(&dist)?;
    Ok(dist)
}

/// Prints each file of `dist` with its raw and gzipped size.
fn report_sizes(dist: &Path) -> Result<(), Fail> {
    let mut files = Vec::new();
    collect(dist, &mut files).map_err(|e| Fail(format!("{}: {e}", dist.display())))?;
    files.sort();
    let (mut raw_total, mut gz_total) = (0, 0);
    for file in &files {
        let bytes = std::fs::read(file).map_err(|e| Fail(format!("{}: {e}", file.display())))?;
        let gz = gzip_len(&bytes);
        raw_total += bytes.len();
        gz_total += gz;
        let name = file.strip_prefix(dist).unwrap_or(file).display();
        say(&format!("{name:<50} {:>9} B  {:>8} B gzipped", bytes.len(), gz));
    }
    say(&format!("{:<50} {raw_total:>9} B  {gz_total:>8} B gzipped", "total"));
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
