//! `cargo xtask test`: every test, in order, stopping at the first failure.

use std::path::{Path, PathBuf};
use std::process::Command;

use crate::run::{output, run, say, Fail};
use folio::route::Prerender;

use crate::{archive, fuzz, generate, prerender, serve, setup, site};

/// Seconds each fuzz target runs in the test command.
const FUZZ_SECONDS: u64 = 20;

pub fn all(root: &Path) -> Result<(), Fail> {
    setup::test_tools(root)?;
    setup::firefox()?;
    let cargo = |args: &[&str]| {
        let mut command = Command::new("cargo");
        command.args(args).current_dir(root);
        command
    };
    say("1/6 formatting");
    run(&mut cargo(&["fmt", "--all", "--check"]))?;
    say("2/6 clippy, native and wasm32, warnings denied");
    run(&mut cargo(&[
        "clippy",
        "--workspace",
        "--all-targets",
        "--",
        "-D",
        "warnings",
    ]))?;
    run(&mut cargo(&[
        "clippy",
        "--package",
        "folio",
        "--package",
        "folio-core",
        "--target",
        "wasm32-unknown-unknown",
        "--all-targets",
        "--",
        "-D",
        "warnings",
    ]))?;
    say("3/6 native tests");
    run(&mut cargo(&["test", "--workspace"]))?;
    say("4/6 fuzzing, briefly (cargo xtask fuzz runs longer)");
    if fuzz::nightly_available() {
        fuzz::run_all(root, FUZZ_SECONDS)?;
    } else {
        say("the nightly toolchain is not installed (it cannot be downloaded here): fuzzing skipped");
    }
    for browser in Browser::ALL {
        say(&format!("5/6 browser tests (wasm-bindgen-test in headless {browser})"));
        let mut command = cargo(&[
            "test",
            "--package",
            "folio",
            "--target",
            "wasm32-unknown-unknown",
            "--test",
            "browser",
        ]);
        command
            .env("PATH", setup::path_with_npm_tools(root))
            .env("CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER", "wasm-bindgen-test-runner");
        // The runner picks the browser by which driver variable is set.
        match browser {
            Browser::Chromium => command
                .env("CHROMEDRIVER", setup::CHROMEDRIVER)
                .env_remove("GECKODRIVER"),
            Browser::Firefox => command
                .env("GECKODRIVER", setup::geckodriver())
                .env_remove("CHROMEDRIVER"),
        };
        run(&mut command)?;
    }
    say("6/6 end-to-end tests (the release site in Chromium and Firefox ESR)");
    end_to_end(root, &Browser::ALL, &[])
}

/// `cargo xtask e2e`: only the end-to-end tests, in `browsers`, of `files`
/// (all of `tests/e2e` when empty), with what they need built and served.
pub fn end_to_end_only(root: &Path, browsers: &[Browser], files: &[String]) -> Result<(), Fail> {
    setup::test_tools(root)?;
    if browsers.contains(&Browser::Firefox) {
        setup::firefox()?;
    }
    end_to_end(root, browsers, files)
}

/// A browser the browser tests run in.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Browser {
    Chromium,
    Firefox,
}

impl Browser {
    pub const ALL: [Browser; 2] = [Browser::Chromium, Browser::Firefox];

    pub fn named(name: &str) -> Option<Browser> {
        Browser::ALL.into_iter().find(|b| b.to_string() == name)
    }
}

impl std::fmt::Display for Browser {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            Browser::Chromium => "chromium",
            Browser::Firefox => "firefox",
        })
    }
}

/// The sub-path the end-to-end tests serve the site under: the harder case
/// (every URL the app makes must carry it).
const BASE: &str = "/news/";

/// How many of the hostile corpus's six (undated, so newest is first in the
/// file) articles get a page: the others test reaching an article that has
/// none (`tests/e2e/hostile.test.mjs` knows this number).
const HOSTILE_PRERENDERED: usize = 2;

/// The generated archive's size: past what its entry packs (the seed's
/// whole index), small enough to build in seconds.
const ARCHIVE_ARTICLES: usize = 3_000;

/// The generated archive's prerendered articles: few, so most are reached
/// through the not-found page.
const ARCHIVE_PRERENDERED: usize = 20;

/// What the end-to-end tests search the generated archive for: a name in
/// another script, a misspelt country and a phrase
/// (`tests/e2e/archive.test.mjs` reads the answers from the file). A
/// planted rare word's files are lost from the site (`archive::lose_files_of`).
fn archive_queries() -> Vec<String> {
    ["Токаев", "kazakstan", "\"unrest in almaty\""]
        .map(String::from)
        .to_vec()
}

/// A directory holding only the generated archive (`site` reads every file
/// in its corpus directory).
fn generated_archive(root: &Path) -> Result<PathBuf, Fail> {
    let corpus = generate::corpus(root, ARCHIVE_ARTICLES)?;
    let dir = root.join(format!("target/corpora/{ARCHIVE_ARTICLES}-only"));
    std::fs::create_dir_all(&dir).map_err(|e| Fail(format!("{}: {e}", dir.display())))?;
    let copy = dir.join(format!("{ARCHIVE_ARTICLES}.txt"));
    if !copy.exists() {
        std::fs::copy(&corpus, &copy).map_err(|e| Fail(format!("{}: {e}", copy.display())))?;
    }
    Ok(dir)
}

/// Builds the release site for a sub-path, serves it there on 127.0.0.1 (and
/// the embedding example on localhost, another origin) and runs the Node
/// tests in `tests/e2e` against it, once in each browser.
fn end_to_end(root: &Path, browsers: &[Browser], files: &[String]) -> Result<(), Fail> {
    // Like GitHub Pages: files may be read from any origin (a sandboxed
    // frame has none of its own). Started first, so the build knows its origin.
    let dist = root.join("dist");
    let server = serve::start_building(&dist, "127.0.0.1:0", BASE, &[("Access-Control-Allow-Origin", "*")])?;
    site::build(root, BASE, Some(origin(&server.url)), prerender::DEFAULT)?;
    server.ready();
    // Each file gzipped once before any browser asks: compressing a wasm on
    // a first request held a fresh browser's start-up requests for seconds.
    serve::warm(&server, &dist);
    // The embedding example on two other origins: a host, and a forger.
    let examples = root.join("examples/embed");
    let host = serve::start(&examples, "127.0.0.1:0", "/")?;
    let host = host_as_localhost(&host.url);
    let forger = serve::start(&examples, "127.0.0.1:0", "/")?;
    // A corpus of nasty cases (markup, scripts, right-to-left and invisible
    // characters, colliding titles, a 20,000-character word), as a site
    // that prerenders only its newest articles: the rest are reached
    // through the not-found page, as on a large archive.
    let hostile_dist = root.join("target/hostile-dist");
    let hostile = serve::start_building(&hostile_dist, "127.0.0.1:0", "/", &[])?;
    site::build_from(
        root,
        &root.join("tests/hostile"),
        &hostile_dist,
        "/",
        Some(origin(&hostile.url)),
        Prerender::Newest(HOSTILE_PRERENDERED),
    )?;
    hostile.ready();
    serve::warm(&hostile, &hostile_dist);
    // A generated archive of a few thousand articles: too large for its
    // entry to hold the whole index, so every search fetches its files a
    // round at a time, as on a large archive.
    let archive_dist = root.join("target/archive-dist");
    let archive = serve::start_building(&archive_dist, "127.0.0.1:0", BASE, &[])?;
    let archive_seeds = generated_archive(root)?;
    site::build_from(
        root,
        &archive_seeds,
        &archive_dist,
        BASE,
        Some(origin(&archive.url)),
        Prerender::Newest(ARCHIVE_PRERENDERED),
    )?;
    archive.ready();
    serve::warm(&archive, &archive_dist);
    let lost = generate::planted_word(9);
    let expected = archive::expectations(&archive_dist, &archive_queries(), &lost)?;
    let archive_lost = root.join("target/archive-lost");
    archive::lose_files_of(&archive_dist, &lost, &archive_queries(), &archive_lost)?;
    let archive_expected = root.join("target/e2e-archive.json");
    std::fs::write(&archive_expected, expected).map_err(|e| Fail(format!("{}: {e}", archive_expected.display())))?;
    // The corpus as the CLI reads it, for the nothing-lost check.
    let articles = root.join("target/e2e-articles.json");
    let dump = output(
        Command::new("cargo")
            .args(["run", "--quiet", "--bin", "folio", "--", "dump", "--json"])
            .current_dir(root),
    )?;
    std::fs::write(&articles, dump).map_err(|e| Fail(format!("{}: {e}", articles.display())))?;
    let mut tests: Vec<String> = std::fs::read_dir(root.join("tests/e2e"))
        .map_err(|e| Fail(format!("tests/e2e: {e}")))?
        .filter_map(|e| e.ok())
        .map(|e| e.path())
        .filter(|p| p.to_string_lossy().ends_with(".test.mjs"))
        .filter(|p| files.is_empty() || files.iter().any(|f| p.ends_with(f)))
        .map(|p| p.display().to_string())
        .collect();
    if tests.is_empty() {
        return Err(Fail(format!("no end-to-end test file in tests/e2e matches {files:?}")));
    }
    tests.sort();
    for browser in browsers {
        say(&format!("end-to-end tests in {browser}"));
        run(Command::new("node")
            .arg("--test")
            .args(&tests)
            .current_dir(root)
            .env("FOLIO_BROWSER", browser.to_string())
            .env("FOLIO_URL", &server.url)
            .env("FOLIO_DIST", &dist)
            .env("EMBED_HOST_URL", format!("{host}host.html"))
            .env("FORGE_URL", format!("{}forge.html", forger.url))
            .env("ARTICLES_JSON", &articles)
            .env("HOSTILE_URL", &hostile.url)
            .env("ARCHIVE_URL", &archive.url)
            .env("ARCHIVE_EXPECTED", &archive_expected)
            .env("ARCHIVE_DIST", &archive_dist)
            .env("ARCHIVE_LOST", &archive_lost)
            .env("CHROMIUM", setup::CHROMIUM)
            .env("FIREFOX", setup::FIREFOX))?;
    }
    Ok(())
}

/// `http://127.0.0.1:1234` of `http://127.0.0.1:1234/news/`.
pub fn origin(url: &str) -> &str {
    let after_scheme = url.find("://").map_or(0, |i| i + 3);
    url[after_scheme..].find('/').map_or(url, |i| &url[..after_scheme + i])
}

/// The same server as another origin: `localhost` instead of `127.0.0.1`.
fn host_as_localhost(url: &str) -> String {
    url.replacen("127.0.0.1", "localhost", 1)
}
