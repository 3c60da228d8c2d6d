//! Native search benchmark: `cargo bench --bench search -- <corpus files>`
//! (`cargo xtask bench` runs it on the generated corpora). Prints one JSON
//! report per corpus, and writes each corpus's bundle next to it (`.bundle`)
//! for the browser benchmark to load as the app would.

use std::time::Instant;

fn main() {
    let files: Vec<String> = std::env::args().skip(1).filter(|a| !a.starts_with("--")).collect();
    let origin = Instant::now();
    let now = || origin.elapsed().as_secs_f64() * 1000.0;
    for file in files {
        let text = std::fs::read(&file).unwrap_or_else(|e| panic!("{file}: {e}"));
        let name = file.rsplit('/').next().unwrap_or(&file);
        let (articles, parse_ms) = folio::bench::parse(name, &text, &now).unwrap_or_else(|e| panic!("{file}: {e}"));
        let bundle = folio::corpus::bundle::encode(&articles);
        drop(articles);
        let bundle_path = format!("{}.bundle", file.trim_end_matches(".txt"));
        std::fs::write(&bundle_path, &bundle).unwrap_or_else(|e| panic!("{bundle_path}: {e}"));
        // Held for the rest of the run, as the app holds its bundle.
        let bundle: &'static [u8] = Box::leak(bundle.into_boxed_slice());
        match folio::bench::measure_app(name, bundle, &now, &|index| index.index_bytes()) {
            Ok(mut report) => {
                report.parse_ms = parse_ms;
                report.text_mb = text.len() as f64 / 1e6;
                println!("{}", serde_json::to_string(&report).expect("report serialises"));
            }
            Err(error) => eprintln!("{file}: {error}"),
        }
    }
}
