//! `folio`: the command line for people who write corpora.
//!
//! ```text
//! folio check [paths]          summary and warnings; exit 1 on errors
//! folio dump [paths] --json    the parsed articles as a JSON array
//! folio dump [paths] --text    the articles as clean corpus text
//! ```
//!
//! Paths are files or directories and default to `seeds/`.

use std::collections::BTreeSet;
use std::path::PathBuf;
use std::process::ExitCode;

use folio::corpus::{self, Corpus};

const USAGE: &str = "usage: folio check [paths]
       folio dump [paths] --json | --text
paths are corpus files or directories (default: seeds/)";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let (command, rest) = match args.split_first() {
        Some((command, rest)) => (command.as_str(), rest),
        None => return usage_error("missing command"),
    };
    let flags: Vec<&str> = rest
        .iter()
        .filter(|a| a.starts_with("--"))
        .map(String::as_str)
        .collect();
    let paths: Vec<PathBuf> = rest
        .iter()
        .filter(|a| !a.starts_with("--"))
        .map(PathBuf::from)
        .collect();
    let paths = if paths.is_empty() {
        vec![PathBuf::from("seeds")]
    } else {
        paths
    };
    match (command, flags.as_slice()) {
        ("check", []) => check(&paths),
        ("dump", ["--json"]) => with_corpus(&paths, |corpus| {
            let json = serde_json::to_string_pretty(&corpus.articles).expect("articles serialise");
            println!("{json}");
        }),
        ("dump", ["--text"]) => with_corpus(&paths, |corpus| {
            for article in &corpus.articles {
                println!("{}\n", article.to_text_lines().join("\n\n"));
            }
        }),
        ("-h" | "--help" | "help", _) => {
            println!("{USAGE}");
            ExitCode::SUCCESS
        }
        _ => usage_error(&format!("unknown command or options: {}", args.join(" "))),
    }
}

fn usage_error(message: &str) -> ExitCode {
    eprintln!("folio: {message}\n{USAGE}");
    ExitCode::from(2)
}

fn load(paths: &[PathBuf]) -> Result<Corpus, corpus::CorpusError> {
    corpus::parse(&corpus::read_sources(paths)?)
}

/// Runs `f` on the parsed corpus; prints warnings to stderr, errors and exit 1 on failure.
fn with_corpus(paths: &[PathBuf], f: impl FnOnce(&Corpus)) -> ExitCode {
    match load(paths) {
        Ok(corpus) => {
            for warning in &corpus.warnings {
                eprintln!("{warning}");
            }
            f(&corpus);
            ExitCode::SUCCESS
        }
        Err(error) => {
            eprintln!("{error}");
            ExitCode::FAILURE
        }
    }
}

fn check(paths: &[PathBuf]) -> ExitCode {
    match load(paths) {
        Ok(corpus) => {
            print!("{}", summary(&corpus));
            for warning in &corpus.warnings {
                println!("{warning}");
            }
            ExitCode::SUCCESS
        }
        Err(error) => {
            println!("{error}");
            ExitCode::FAILURE
        }
    }
}

fn summary(corpus: &Corpus) -> String {
    let articles = &corpus.articles;
    let files: BTreeSet<&str> = articles.iter().map(|a| a.file.as_str()).collect();
    let publishers: BTreeSet<&str> = articles
        .iter()
        .filter_map(|a| a.publisher.as_deref())
        .collect();
    let countries: BTreeSet<&str> = articles
        .iter()
        .flat_map(|a| a.countries.iter().copied())
        .collect();
    let dated: Vec<_> = articles.iter().filter_map(|a| a.date).collect();
    let words: usize = articles.iter().map(|a| a.words).sum();
    let mut out = format!(
        "{} articles in {} file{}, {} words\n",
        articles.len(),
        files.len(),
        if files.len() == 1 { "" } else { "s" },
        words
    );
    out += &format!(
        "publishers: {}\n",
        publishers.into_iter().collect::<Vec<_>>().join(", ")
    );
    out += &format!(
        "countries: {}\n",
        countries.into_iter().collect::<Vec<_>>().join(", ")
    );
    match (dated.iter().min(), dated.iter().max()) {
        (Some(first), Some(last)) => {
            out += &format!(
                "dates: {first} to {last} ({} of {} dated)\n",
                dated.len(),
                articles.len()
            )
        }
        _ => out += "dates: none found\n",
    }
    out += &format!(
        "teasers: {}\n",
        articles.iter().filter(|a| a.teaser).count()
    );
    out += &format!("warnings: {}\n", corpus.warnings.len());
    out
}
