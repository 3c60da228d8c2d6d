//! What `cargo xtask` was asked to do. Parsing is strict: an unknown flag, a
//! missing or bad value, or a stray argument is an error that prints the
//! usage, so `dist --bse /news/` never quietly builds for `/`. `help`,
//! `--help` or `-h`, anywhere, asks for the usage itself.

use folio::route::Prerender;
use lexopt::prelude::*;

use crate::prerender;
use crate::test::Browser;

pub const USAGE: &str = "usage: cargo xtask <command>
  serve [--base P] [--prerender N]  build the release site and serve it on http://127.0.0.1:8080/ (under P)
  dist [--base P] [--site-url U] [--prerender N] [--corpus C]  build the release site into dist/ for serving
                 under the path P (/ or /news/; default /) at the origin U (https://example.org; for canonical
                 links), with a page for each of the newest N articles (default 5000; `all` for every one);
                 the others open through 404.html, with JavaScript. The archive is the corpus C (a file or a
                 folder; default $FOLIO_SEEDS or seeds/), read a line at a time
  test           run every test: fmt, clippy, native, browser (Chromium, Firefox) and end-to-end
  e2e [--browser chromium|firefox] [FILE...]  only the end-to-end tests (of tests/e2e/FILE), in both browsers
                 or the one named; builds and serves what they need
  bench [--stress]  the search benchmark, natively and in Chromium (--stress adds 100,000 articles)
  bench --scale [--stress] [--native]  the split index at 10,000 and 100,000 generated articles
                 (--stress adds 1,000,000): build time, files, and what the benchmark queries and filters
                 fetch; then the built sites in Chromium and Pagefind on the same articles (--native: not those)
  corpus <N>     generate a corpus of N articles into target/corpora/
  archive <CORPUS> <DIR>  what dist builds of a corpus (a file or a folder) into DIR, without the app:
                 the split index and the pages of the newest 5000 articles; prints the time and peak memory
  lighthouse     Lighthouse (mobile) on the home page and an article
  fuzz [--seconds N]  each cargo-fuzz target for N seconds (default 600)
  help           this text";

/// One command with its options.
#[derive(Debug, PartialEq)]
pub enum Task {
    Help,
    Serve {
        base: String,
        prerender: Prerender,
    },
    Dist {
        base: String,
        site_url: Option<String>,
        prerender: Prerender,
        corpus: Option<String>,
    },
    Test,
    EndToEnd {
        browsers: Vec<Browser>,
        files: Vec<String>,
    },
    Bench {
        stress: bool,
    },
    Corpus {
        articles: usize,
    },
    Scale {
        stress: bool,
        native: bool,
    },
    Archive {
        corpus: String,
        dir: String,
    },
    Lighthouse,
    Fuzz {
        seconds: u64,
    },
}

/// Reads the command line (without the program name).
pub fn parse(args: impl IntoIterator<Item = String>) -> Result<Task, String> {
    parse_with(lexopt::Parser::from_args(args)).map_err(|e| e.to_string())
}

fn parse_with(mut parser: lexopt::Parser) -> Result<Task, lexopt::Error> {
    let command = match parser.next()? {
        Some(Long("help") | Short('h')) => return Ok(Task::Help),
        Some(Value(command)) => command.string()?,
        Some(other) => return Err(other.unexpected()),
        None => return Err("missing command".into()),
    };
    let mut base = String::from("/");
    let mut site_url = None;
    let mut corpus = None;
    let mut limit = prerender::DEFAULT;
    let mut stress = false;
    let mut scale = false;
    let mut native = false;
    let mut seconds = 600;
    let mut articles = None;
    let mut browsers = Vec::new();
    let mut files = Vec::new();
    while let Some(arg) = parser.next()? {
        match (command.as_str(), arg) {
            (_, Long("help") | Short('h')) => return Ok(Task::Help),
            ("serve" | "dist", Long("base")) => base = parser.value()?.string()?,
            ("dist", Long("site-url")) => site_url = Some(parser.value()?.string()?),
            ("dist", Long("corpus")) => corpus = Some(parser.value()?.string()?),
            ("serve" | "dist", Long("prerender")) => {
                let value = parser.value()?.string()?;
                limit = Prerender::parse(&value).ok_or(format!(
                    "--prerender takes a number of articles or 'all', not '{value}'"
                ))?;
            }
            ("bench", Long("stress")) => stress = true,
            ("bench", Long("scale")) => scale = true,
            ("bench", Long("native")) => native = true,
            ("fuzz", Long("seconds")) => seconds = parser.value()?.parse()?,
            ("corpus", Value(n)) if articles.is_none() => articles = Some(n.parse()?),
            ("e2e", Long("browser")) => {
                let name = parser.value()?.string()?;
                browsers.push(Browser::named(&name).ok_or(format!("no browser '{name}': chromium or firefox"))?);
            }
            ("e2e", Value(file)) => files.push(file.string()?),
            ("archive", Value(path)) if files.len() < 2 => files.push(path.string()?),
            (_, arg) => return Err(arg.unexpected()),
        }
    }
    Ok(match command.as_str() {
        "help" => Task::Help,
        "serve" => Task::Serve { base, prerender: limit },
        "dist" => Task::Dist {
            base,
            site_url,
            prerender: limit,
            corpus,
        },
        "test" => Task::Test,
        "e2e" if browsers.is_empty() => Task::EndToEnd {
            browsers: Browser::ALL.to_vec(),
            files,
        },
        "e2e" => Task::EndToEnd { browsers, files },
        "bench" if scale => Task::Scale { stress, native },
        "bench" => Task::Bench { stress },
        "corpus" => Task::Corpus {
            articles: articles.ok_or("corpus needs a number of articles")?,
        },
        "archive" => match <[String; 2]>::try_from(files) {
            Ok([corpus, dir]) => Task::Archive { corpus, dir },
            Err(_) => return Err("archive needs a corpus and a directory".into()),
        },
        "lighthouse" => Task::Lighthouse,
        "fuzz" => Task::Fuzz { seconds },
        other => return Err(format!("unknown command '{other}'").into()),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn task(line: &str) -> Result<Task, String> {
        parse(line.split_whitespace().map(String::from))
    }

    #[test]
    fn commands_read_their_options() {
        assert_eq!(
            task("dist --base /news/ --site-url https://example.org"),
            Ok(Task::Dist {
                base: "/news/".into(),
                site_url: Some("https://example.org".into()),
                prerender: Prerender::Newest(5_000),
                corpus: None,
            })
        );
        assert_eq!(
            task("dist --base=/news/ --prerender 200 --corpus big.txt"),
            Ok(Task::Dist {
                base: "/news/".into(),
                site_url: None,
                prerender: Prerender::Newest(200),
                corpus: Some("big.txt".into()),
            })
        );
        assert_eq!(
            task("dist --prerender all"),
            Ok(Task::Dist {
                base: "/".into(),
                site_url: None,
                prerender: Prerender::All,
                corpus: None,
            })
        );
        assert_eq!(
            task("serve"),
            Ok(Task::Serve {
                base: "/".into(),
                prerender: Prerender::Newest(5_000),
            })
        );
        assert_eq!(
            task("serve --prerender=0"),
            Ok(Task::Serve {
                base: "/".into(),
                prerender: Prerender::Newest(0),
            })
        );
        assert_eq!(task("bench --stress"), Ok(Task::Bench { stress: true }));
        assert_eq!(
            task("bench --scale"),
            Ok(Task::Scale {
                stress: false,
                native: false
            })
        );
        assert_eq!(
            task("bench --stress --scale --native"),
            Ok(Task::Scale {
                stress: true,
                native: true
            })
        );
        assert_eq!(task("fuzz --seconds 30"), Ok(Task::Fuzz { seconds: 30 }));
        assert_eq!(task("fuzz"), Ok(Task::Fuzz { seconds: 600 }));
        assert_eq!(task("corpus 1000"), Ok(Task::Corpus { articles: 1000 }));
        assert_eq!(
            task("archive c.txt out"),
            Ok(Task::Archive {
                corpus: "c.txt".into(),
                dir: "out".into(),
            })
        );
        assert_eq!(task("test"), Ok(Task::Test));
        for asked in ["help", "--help", "-h", "dist --help", "e2e --browser firefox -h"] {
            assert_eq!(task(asked), Ok(Task::Help), "{asked}");
        }
        assert_eq!(
            task("e2e --browser firefox reader.test.mjs"),
            Ok(Task::EndToEnd {
                browsers: vec![Browser::Firefox],
                files: vec!["reader.test.mjs".into()]
            })
        );
        assert_eq!(
            task("e2e"),
            Ok(Task::EndToEnd {
                browsers: vec![Browser::Chromium, Browser::Firefox],
                files: vec![]
            })
        );
    }

    #[test]
    fn the_usage_names_the_default_prerender_limit() {
        assert_eq!(prerender::DEFAULT, Prerender::Newest(prerender::NEWEST));
        assert!(USAGE.contains(&format!("(default {};", prerender::NEWEST)), "{USAGE}");
    }

    #[test]
    fn unknown_flags_missing_values_and_strays_are_errors() {
        assert_eq!(task("dist --bse /news/"), Err("invalid option '--bse'".into()));
        assert_eq!(task("serve --base"), Err("missing argument for option '--base'".into()));
        assert_eq!(task("test --base /news/"), Err("invalid option '--base'".into()));
        assert_eq!(task("corpus"), Err("corpus needs a number of articles".into()));
        assert_eq!(
            task("archive c.txt"),
            Err("archive needs a corpus and a directory".into())
        );
        assert_eq!(task("corpus 10 20"), Err("unexpected argument \"20\"".into()));
        assert!(task("corpus ten")
            .unwrap_err()
            .contains("cannot parse argument \"ten\""));
        assert!(task("fuzz --seconds soon").is_err());
        assert_eq!(
            task("e2e --browser safari"),
            Err("no browser 'safari': chromium or firefox".into())
        );
        assert_eq!(
            task("dist --prerender -3"),
            Err("--prerender takes a number of articles or 'all', not '-3'".into())
        );
        assert_eq!(
            task("serve --prerender lots"),
            Err("--prerender takes a number of articles or 'all', not 'lots'".into())
        );
        assert_eq!(
            task("dist --prerender"),
            Err("missing argument for option '--prerender'".into())
        );
        assert_eq!(task("test --prerender all"), Err("invalid option '--prerender'".into()));
        assert_eq!(task("deploy"), Err("unknown command 'deploy'".into()));
        assert_eq!(task(""), Err("missing command".into()));
        assert_eq!(task("--base /"), Err("invalid option '--base'".into()));
    }
}
