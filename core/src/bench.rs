//! The search benchmark, shared by the native runner (`benches/search.rs`)
//! and the browser runner (`src/bin/folio-bench.rs`), so both measure the
//! same work: what the app does at start (decode the bundled corpus, build
//! the index), then a fixed list of queries typed letter by letter, searching
//! on every keystroke as the app does. Parsing the text, which happens at
//! build time, is timed on its own.

use serde::Serialize;

use crate::catalog::{Filters, Sort};
use crate::corpus::{self, bundle, Article, Source};
use crate::order;
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
#[derive(Clone, Debug, Default, Serialize)]
pub struct Report {
    pub corpus: String,
    pub articles: usize,
    /// Size of the corpus text and of its bundle, in MB.
    pub text_mb: f64,
    pub bundle_mb: f64,
    /// Parsing the text (done at build time for the app).
    pub parse_ms: f64,
    /// Decoding the bundle and building the index: what the app does at start.
    pub decode_ms: f64,
    pub index_ms: f64,
    pub keystrokes: usize,
    pub p50_us: f64,
    pub p95_us: f64,
    pub max_us: f64,
    /// Memory in use once the index is built: the whole wasm linear memory in
    /// the browser (bundle included), the index's own structures natively.
    pub memory_mb: f64,
}

/// Parses corpus text, timing it; `now` is a clock in milliseconds.
pub fn parse(name: &str, text: &[u8], now: &dyn Fn() -> f64) -> Result<(Vec<Article>, f64), String> {
    let start = now();
    let corpus = corpus::parse(&[Source {
        name: name.into(),
        bytes: text.into(),
    }])
    .map_err(|e| e.to_string())?;
    Ok((corpus.articles, now() - start))
}

/// Decodes a bundle, builds the index and types the queries; `memory` reads
/// the memory in use, in bytes, given the index.
/// The bundle is `'static`, as the app's is, so body text is borrowed from it.
pub fn measure_app(
    name: &str,
    bundle_bytes: &'static [u8],
    now: &dyn Fn() -> f64,
    memory: &dyn Fn(&Index) -> usize,
) -> Result<Report, String> {
    let start = now();
    let articles = bundle::decode_static(bundle_bytes)?;
    let decoded = now();
    let count = articles.len();
    let index = Index::new(articles);
    let indexed = now();
    let mut samples = Vec::new();
    // Three rounds: the first warms caches and the allocator.
    for round in 0..3 {
        for query in QUERIES {
            let mut typed = String::new();
            for c in query.chars() {
                typed.push(c);
                let t0 = now();
                let results = index.search(&Query::parse(&typed), &Filters::default(), Sort::Relevance, PAGE);
                let elapsed = now() - t0;
                std::hint::black_box(results);
                if round > 0 {
                    samples.push(elapsed * 1000.0);
                }
            }
        }
    }
    order::sort_by(&mut samples, f64::total_cmp);
    let at = |q: f64| samples[((samples.len() - 1) as f64 * q).round() as usize];
    Ok(Report {
        corpus: name.to_string(),
        articles: count,
        bundle_mb: bundle_bytes.len() as f64 / 1e6,
        decode_ms: decoded - start,
        index_ms: indexed - decoded,
        keystrokes: samples.len(),
        p50_us: at(0.5),
        p95_us: at(0.95),
        max_us: at(1.0),
        memory_mb: memory(&index) as f64 / 1e6,
        ..Report::default()
    })
}
