//! `folio`: the command line for people who write corpora.
//!
//! ```text
//! folio check [paths]          summary and warnings; exit 1 on errors
//! folio dump [paths] --json    the parsed articles as a JSON array
//! folio dump [paths] --text    the articles as clean corpus text
//! folio search <query> [paths] [--limit N] [--sort relevance|newest|oldest]
//!              [--publisher P] [--country C] [--month YYYY-MM]
//!              [--person NAME] [--dates YYYY-MM-DD[..YYYY-MM-DD]]
//! ```
//!
//! Paths are files or directories and default to `seeds/`.

use std::collections::BTreeSet;
use std::path::PathBuf;
use std::process::ExitCode;

use folio::catalog::{Filters, Sort};
use folio::corpus::{self, Corpus};
use folio::search::{Index, Query};
use serde_json::json;

const USAGE: &str = "usage: folio check [paths]
       folio dump [paths] --json | --text
       folio search <query> [paths] [--limit N] [--sort relevance|newest|oldest]
                    [--publisher P] [--country C] [--month YYYY-MM]
                    [--person NAME] [--dates YYYY-MM-DD[..YYYY-MM-DD]]
paths are corpus files or directories (default: seeds/)";

/// Options that take a value.
const VALUED: [&str; 7] = [
    "--limit",
    "--sort",
    "--publisher",
    "--country",
    "--month",
    "--person",
    "--dates",
];

struct Args {
    command: String,
    positional: Vec<String>,
    flags: Vec<String>,
    values: Vec<(String, String)>,
}

impl Args {
    fn parse(raw: Vec<String>) -> Result<Args, String> {
        let mut raw = raw.into_iter();
        let command = raw.next().ok_or("missing command")?;
        let mut args = Args {
            command,
            positional: Vec::new(),
            flags: Vec::new(),
            values: Vec::new(),
        };
        while let Some(arg) = raw.next() {
            if VALUED.contains(&arg.as_str()) {
                let value = raw.next().ok_or(format!("{arg} needs a value"))?;
                args.values.push((arg, value));
            } else if arg.starts_with("--") {
                args.flags.push(arg);
            } else {
                args.positional.push(arg);
            }
        }
        Ok(args)
    }

    fn values<'a>(&'a self, name: &'a str) -> impl Iterator<Item = &'a str> + 'a {
        self.values
            .iter()
            .filter(move |(n, _)| n == name)
            .map(|(_, v)| v.as_str())
    }

    fn paths(&self, skip: usize) -> Vec<PathBuf> {
        let paths: Vec<PathBuf> = self.positional.iter().skip(skip).map(PathBuf::from).collect();
        if paths.is_empty() {
            vec![PathBuf::from("seeds")]
        } else {
            paths
        }
    }
}

fn main() -> ExitCode {
    let args = match Args::parse(std::env::args().skip(1).collect()) {
        Ok(args) => args,
        Err(message) => return usage_error(&message),
    };
    let flags: Vec<&str> = args.flags.iter().map(String::as_str).collect();
    match (args.command.as_str(), flags.as_slice()) {
        ("check", []) if args.values.is_empty() => check(&args.paths(0)),
        ("dump", ["--json"]) => with_corpus(&args.paths(0), |corpus| {
            let json = serde_json::to_string_pretty(&corpus.articles).expect("articles serialise");
            println!("{json}");
        }),
        ("dump", ["--text"]) => with_corpus(&args.paths(0), |corpus| {
            for article in &corpus.articles {
                println!("{}\n", article.to_text_lines().join("\n\n"));
            }
        }),
        ("search", []) if !args.positional.is_empty() => match search_options(&args) {
            Ok((filters, sort, limit)) => {
                let query = Query::parse(&args.positional[0]);
                with_corpus(&args.paths(1), |corpus| search(corpus, &query, &filters, sort, limit))
            }
            Err(message) => usage_error(&message),
        },
        ("-h" | "--help" | "help", _) => {
            println!("{USAGE}");
            ExitCode::SUCCESS
        }
        _ => usage_error(&format!(
            "unknown command or options: {}",
            std::env::args().skip(1).collect::<Vec<_>>().join(" ")
        )),
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
fn with_corpus(paths: &[PathBuf], f: impl FnOnce(Corpus)) -> ExitCode {
    match load(paths) {
        Ok(corpus) => {
            for warning in &corpus.warnings {
                eprintln!("{warning}");
            }
            f(corpus);
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
    let publishers: BTreeSet<&str> = articles.iter().filter_map(|a| a.publisher.as_deref()).collect();
    let countries: BTreeSet<&str> = articles.iter().flat_map(|a| a.countries.iter().copied()).collect();
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
    out += &format!("countries: {}\n", countries.into_iter().collect::<Vec<_>>().join(", "));
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
    out += &format!("teasers: {}\n", articles.iter().filter(|a| a.teaser).count());
    out += &format!("warnings: {}\n", corpus.warnings.len());
    out
}

fn search_options(args: &Args) -> Result<(Filters, Sort, usize), String> {
    let limit = match args.values("--limit").last() {
        Some(n) => n.parse().map_err(|_| format!("--limit wants a number, not {n}"))?,
        None => 10,
    };
    let sort = match args.values("--sort").last() {
        None => Sort::Relevance,
        Some(name) => Sort::named(name).ok_or_else(|| format!("--sort is relevance, newest or oldest, not {name}"))?,
    };
    let set = |name| args.values(name).map(str::to_string).collect();
    let dates = match args.values("--dates").last() {
        None => None,
        Some(value) => Some(
            folio::route::dates(value)
                .ok_or_else(|| format!("--dates is YYYY-MM-DD or YYYY-MM-DD..YYYY-MM-DD, not {value}"))?,
        ),
    };
    let filters = Filters {
        publishers: set("--publisher"),
        countries: set("--country"),
        months: set("--month"),
        people: set("--person"),
        dates,
        only: None,
    };
    Ok((filters, sort, limit))
}

/// Prints the results as JSON: mark offsets count characters, so that any
/// language can slice the snippet with them.
fn search(corpus: Corpus, query: &Query, filters: &Filters, sort: Sort, limit: usize) {
    let index = Index::new(corpus.articles);
    let results = index.search(query, filters, sort, limit);
    let chars = |text: &str, byte: usize| text[..byte].chars().count();
    let hits: Vec<_> = results
        .hits
        .iter()
        .map(|hit| {
            let article = &index.articles()[hit.doc];
            let (snippet, marks) = match &hit.snippet {
                Some(s) => {
                    let lead = if s.cut_start { "…" } else { "" };
                    let text = format!("{lead}{}{}", s.text, if s.cut_end { "…" } else { "" });
                    let shift = lead.chars().count();
                    let marks: Vec<[usize; 2]> = s
                        .ranges
                        .iter()
                        .map(|r| [shift + chars(&s.text, r.start), shift + chars(&s.text, r.end)])
                        .collect();
                    (text, marks)
                }
                None => (article.excerpt.clone(), Vec::new()),
            };
            json!({
                "slug": article.slug,
                "title": article.title,
                "score": (hit.score * 1000.0).round() / 1000.0,
                "snippet": snippet,
                "marks": marks,
            })
        })
        .collect();
    let out = json!({
        "total": results.total,
        "at_least": results.at_least,
        "fallback": results.fallback,
        "hits": hits,
    });
    println!("{}", serde_json::to_string_pretty(&out).expect("results serialise"));
}
