//! `cargo xtask bench`: the search benchmark on generated corpora, natively
//! and in headless Chromium on the release wasm, as one table.

use std::path::Path;
use std::process::Command;

use crate::run::{output, run, say, Fail};
use crate::{generate, prerender, serve, setup, site};

/// Articles in the generated corpora; `--stress` adds 100,000.
const SIZES: [usize; 2] = [1_000, 10_000];
const STRESS: usize = 100_000;

pub fn run_all(root: &Path, stress: bool) -> Result<(), Fail> {
    setup::test_tools(root)?;
    let mut sizes = SIZES.to_vec();
    if stress {
        sizes.push(STRESS);
    }
    // The seed is copied: the native run writes a bundle next to each corpus.
    let seed_copy = root.join("target/corpora/seed.txt");
    std::fs::create_dir_all(root.join("target/corpora")).map_err(|e| Fail(e.to_string()))?;
    std::fs::copy(seed(root)?, &seed_copy).map_err(|e| Fail(format!("seed: {e}")))?;
    let mut corpora = vec![seed_copy];
    for size in sizes {
        corpora.push(generate::corpus(root, size)?);
    }

    say("native (release profile)");
    let mut native = Command::new("cargo");
    native
        .args(["bench", "--quiet", "--bench", "search", "--"])
        .args(&corpora)
        .current_dir(root);
    let native = output(&mut native)?;

    say("browser (release wasm in headless Chromium)");
    let site = root.join("target/bench-site");
    run(Command::new("trunk")
        .args(["build", "--release", "--dist"])
        .arg(&site)
        .arg("benches/web/index.html")
        .current_dir(root)
        .env("PATH", setup::path_with_npm_tools(root)))?;
    let served = site.join("corpora");
    std::fs::create_dir_all(&served).map_err(|e| Fail(format!("{}: {e}", served.display())))?;
    let isolation = [
        ("Cross-Origin-Opener-Policy", "same-origin"),
        ("Cross-Origin-Embedder-Policy", "require-corp"),
    ];
    let server = serve::start_with(&site, "127.0.0.1:0", "/", &isolation)?;
    let file_name = |path: &Path| {
        path.file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default()
    };
    let mut browser = String::new();
    // One page load per corpus: each starts with a fresh wasm memory.
    for corpus in &corpora {
        // The native run wrote each corpus's bundle next to it.
        for file in [corpus.clone(), corpus.with_extension("bundle")] {
            std::fs::copy(&file, served.join(file_name(&file)))
                .map_err(|e| Fail(format!("{}: {e}", file.display())))?;
        }
        let url = format!("{}?corpus={}", server.url, file_name(corpus));
        browser += &output(node(root).args(["benches/web/run.mjs", &url]))?;
        browser.push('\n');
    }

    say("the reader at 4x CPU slowdown: first list painted, app live, longest start-up task, keystroke to results painted");
    let mut reader = String::new();
    for (label, seeds) in [("seed", None), ("10000", Some(root.join("target/corpora/10000-only")))] {
        if let Some(dir) = &seeds {
            std::fs::create_dir_all(dir).map_err(|e| Fail(e.to_string()))?;
            std::fs::copy(root.join("target/corpora/10000.txt"), dir.join("10000.txt"))
                .map_err(|e| Fail(e.to_string()))?;
            std::env::set_var("FOLIO_SEEDS", dir);
        }
        let dist = site::build(root, "/", None, prerender::DEFAULT)?;
        let server = serve::start(&dist, "127.0.0.1:0", "/")?;
        reader += &output(node(root).args(["benches/web/reader.mjs", &server.url, label]))?;
    }
    std::env::remove_var("FOLIO_SEEDS");

    let app = site::build(root, "/", None, prerender::DEFAULT)?;
    let wasm = std::fs::read_dir(&app)
        .map_err(|e| Fail(e.to_string()))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .find(|p| p.extension().is_some_and(|e| e == "wasm"))
        .ok_or_else(|| Fail("no .wasm in dist/".into()))?;
    let bytes = std::fs::read(&wasm).map_err(|e| Fail(e.to_string()))?;

    println!();
    println!("| where | corpus | articles | text MB | bundle MB | parse ms | decode ms | index ms | keystrokes | p50 µs | p95 µs | max µs | memory MB |");
    println!("| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
    for (place, lines) in [("native", &native), ("browser", &browser)] {
        for line in lines.lines().filter(|l| l.contains("\"articles\"")) {
            println!("| {place} | {} |", row(line));
        }
    }
    println!();
    println!("| reader | first list painted ms | live ms | longest task ms | keystrokes | p50 ms | p95 ms | max ms |");
    println!("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
    for line in reader.lines().filter(|l| l.contains("first_list_ms")) {
        let cells = [
            "label",
            "first_list_ms",
            "live_ms",
            "longest_task_ms",
            "keystrokes",
            "p50_ms",
            "p95_ms",
            "max_ms",
        ]
        .map(|f| field(line, f));
        println!("| {} |", cells.join(" | "));
    }
    println!();
    println!(
        "app wasm: {} B, {} B gzipped (memory MB: browser = whole wasm memory, corpus included; native = index structures only)",
        bytes.len(),
        site::gzip_len(&bytes)
    );
    Ok(())
}

fn seed(root: &Path) -> Result<std::path::PathBuf, Fail> {
    let seeds = root.join("seeds");
    std::fs::read_dir(&seeds)
        .map_err(|e| Fail(format!("seeds/: {e}")))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .find(|p| p.extension().is_some_and(|e| e == "txt"))
        .ok_or_else(|| Fail("seeds/ has no .txt corpus".into()))
}

/// One report line as table cells.
fn row(json: &str) -> String {
    [
        "corpus",
        "articles",
        "text_mb",
        "bundle_mb",
        "parse_ms",
        "decode_ms",
        "index_ms",
        "keystrokes",
        "p50_us",
        "p95_us",
        "max_us",
        "memory_mb",
    ]
    .map(|name| field(json, name))
    .join(" | ")
}

/// A field of a flat JSON object, numbers to one decimal.
pub fn field(json: &str, name: &str) -> String {
    let key = format!("\"{name}\":");
    json.find(&key)
        .map(|at| {
            let rest = &json[at + key.len()..];
            let end = rest.find([',', '}']).unwrap_or(rest.len());
            let value = rest[..end].trim().trim_matches('"');
            match value.parse::<f64>() {
                Ok(number) if value.contains('.') => format!("{number:.1}"),
                _ => value.to_string(),
            }
        })
        .unwrap_or_default()
}

/// Node, to run a browser benchmark with the end-to-end tests' set-up
/// (`tests/e2e/browser.mjs`), in Chromium: its CPU slowdown is Chromium's.
pub fn node(root: &Path) -> Command {
    let mut command = Command::new("node");
    command
        .current_dir(root)
        .env("FOLIO_BROWSER", "chromium")
        .env("CHROMIUM", setup::CHROMIUM);
    command
}
