//! Checks the corpus before anything is built, and bundles it into the app.
//!
//! A broken corpus stops `cargo build` (and so `trunk build`) with
//! `file:line: error: …`; the parser's warnings show as cargo warnings. The
//! parsed articles go to `$OUT_DIR/corpus.bundle` for `src/bundled.rs`.

use std::path::PathBuf;

use folio_core::corpus;

fn main() {
    println!("cargo:rerun-if-env-changed=FOLIO_SEEDS");
    let dir = std::env::var("FOLIO_SEEDS").unwrap_or_else(|_| "seeds".to_string());
    println!("cargo:rerun-if-changed={dir}");
    let sources = corpus::read_sources(&[PathBuf::from(&dir)]).unwrap_or_else(|e| fail(&e));
    let parsed = corpus::parse(&sources).unwrap_or_else(|e| fail(&e));
    for warning in &parsed.warnings {
        println!("cargo:warning={warning}");
    }
    // The app gets the parsed articles, not the text: see core/src/corpus/bundle.rs.
    let out = PathBuf::from(std::env::var("OUT_DIR").expect("cargo sets OUT_DIR")).join("corpus.bundle");
    std::fs::write(&out, corpus::bundle::encode(&parsed.articles))
        .unwrap_or_else(|e| panic!("cannot write {}: {e}", out.display()));
}

fn fail(error: &corpus::CorpusError) -> ! {
    eprintln!("folio: the corpus cannot be built:\n{error}");
    std::process::exit(1);
}
