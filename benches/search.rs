//! Native search benchmark: `cargo bench --bench search -- <corpus files>`
//! (`cargo xtask bench` runs it on the generated corpora). Prints one JSON
//! report per corpus.

use std::time::Instant;

fn main() {
    let files: Vec<String> = std::env::args()
        .skip(1)
        .filter(|a| !a.starts_with("--"))
        .collect();
    let origin = Instant::now();
    let now = || origin.elapsed().as_secs_f64() * 1000.0;
    for file in files {
        let bytes = std::fs::read(&file).unwrap_or_else(|e| panic!("{file}: {e}"));
        let name = file.rsplit('/').next().unwrap_or(&file);
        match folio::bench::measure(name, &bytes, &now, &|index| index.index_bytes()) {
            Ok(report) => println!(
                "{}",
                serde_json::to_string(&report).expect("report serialises")
            ),
            Err(error) => eprintln!("{file}: {error}"),
        }
    }
}
