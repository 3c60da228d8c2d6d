//! The search benchmark, shared by the native runner (`benches/search.rs`)
//! and the browser runner (`src/bin/folio-bench.rs`), so both measure the
//! same work: parse a corpus, build the index, then type a fixed list of
//! queries letter by letter, searching on every keystroke as the app does.

use serde::Serialize;

use crate::catalog::{Filters, Sort};
use crate::corpus::{self, Source};
use crate::search::{Index, Query};

/// Queries as readers type them: names in several spellings and scripts,
/// typos, phrases, exclusions, and two words planted by the corpus generator.
pub const QUERIES: &[&str] = &[
    "tokayev",
    "toqaev protests",
    "kazakhstan fuel prices",
    "kyrgyz jazz musician",
    "\"security council\"",
    "putin -ukraine",
    "kazakstan",
    "nazarbaev",
    "Токаев",
    "almaty airport seized",
    "zybalrinvel",
    "migrant laborers zyvelvelvel",
];

/// Hits per keystroke, with snippets: a screenful of results.
pub const PAGE: usize = 10;

/// What one corpus measured.
#[derive(Clone, Debug, Serialize)]
pub struct Report {
    pub corpus: String,
    pub articles: usize,
    pub megabytes: f64,
    pub parse_ms: f64,
    pub index_ms: f64,
    pub keystrokes: usize,
    pub p50_us: f64,
    pub p95_us: f64,
    pub max_us: f64,
    /// Bytes of memory in use after indexing: the wasm linear memory in the
    /// browser, the index's own structures natively.
    pub memory_mb: f64,
}

/// Measures one corpus. `now` is a clock in milliseconds; `memory` reads the
/// memory in use, in bytes, given the index.
pub fn measure(
    name: &str,
    bytes: &[u8],
    now: &dyn Fn() -> f64,
    memory: &dyn Fn(&Index) -> usize,
) -> Result<Report, String> {
    let start = now();
    let parsed = corpus::parse(&[Source {
        name: name.into(),
        bytes: bytes.into(),
    }])
    .map_err(|e| e.to_string())?;
    let parsed_at = now();
    let articles = parsed.articles.len();
    let index = Index::new(parsed.articles);
    let indexed_at = now();
    let mut samples = Vec::new();
    // Three rounds: the first warms caches and the allocator.
    for round in 0..3 {
        for query in QUERIES {
            let mut typed = String::new();
            for c in query.chars() {
                typed.push(c);
                let t0 = now();
                let results = index.search(
                    &Query::parse(&typed),
                    &Filters::default(),
                    Sort::Relevance,
                    PAGE,
                );
                let elapsed = now() - t0;
                std::hint::black_box(results);
                if round > 0 {
                    samples.push(elapsed * 1000.0);
                }
            }
        }
    }
    samples.sort_by(f64::total_cmp);
    let at = |q: f64| samples[((samples.len() - 1) as f64 * q).round() as usize];
    Ok(Report {
        corpus: name.to_string(),
        articles,
        megabytes: bytes.len() as f64 / 1e6,
        parse_ms: parsed_at - start,
        index_ms: indexed_at - parsed_at,
        keystrokes: samples.len(),
        p50_us: at(0.5),
        p95_us: at(0.95),
        max_us: at(1.0),
        memory_mb: memory(&index) as f64 / 1e6,
    })
}
