//! Project commands: `cargo xtask serve` builds the release site and serves
//! it; `cargo xtask test` runs every test. Both install what is missing first.

mod bench;
mod fuzz;
mod generate;
mod lighthouse;
mod prerender;
mod run;
mod serve;
mod setup;
mod site;
mod test;

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use run::{say, Fail};

const USAGE: &str = "usage: cargo xtask <command>
  serve [--base P]  build the release site and serve it on http://127.0.0.1:8080/ (under P)
  dist --base P [--site-url U]  build the release site into dist/ for serving under the path P
                 (/ or /news/) at the origin U (https://example.org; for canonical links)
  test           run every test: fmt, clippy, native, browser and end-to-end
  bench          the search benchmark, natively and in Chromium (--stress adds 100,000 articles)
  corpus <N>     generate a corpus of N articles into target/corpora/
  lighthouse     Lighthouse (mobile) on the home page and an article
  fuzz [--seconds N]  each cargo-fuzz target for N seconds (default 600)";

fn main() -> ExitCode {
    let root = workspace_root();
    let args: Vec<String> = std::env::args().skip(1).collect();
    let result = match args.first().map(String::as_str) {
        Some("serve") => serve_site(&root, &base(&args)),
        Some("dist") => site::build(&root, &base(&args), option(&args, "--site-url"))
            .map(|dist| say(&format!("{} is ready", dist.display()))),
        Some("test") => test::all(&root),
        Some("lighthouse") => lighthouse::run_all(&root),
        Some("fuzz") => fuzz::run_all(
            &root,
            option(&args, "--seconds").and_then(|s| s.parse().ok()).unwrap_or(600),
        ),
        Some("bench") => bench::run_all(&root, args.iter().any(|a| a == "--stress")),
        Some("corpus") => match args.get(1).and_then(|n| n.parse().ok()) {
            Some(articles) => generate::corpus(&root, articles).map(|path| println!("{}", path.display())),
            None => Err(Fail("corpus needs a number of articles".into())),
        },
        _ => {
            eprintln!("{USAGE}");
            return ExitCode::from(2);
        }
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(Fail(message)) => {
            say(&format!("FAILED: {message}"));
            ExitCode::FAILURE
        }
    }
}

/// The value of `--base`, or `/`.
fn base(args: &[String]) -> String {
    site::normalise_base(option(args, "--base").unwrap_or("/"))
}

/// The value after `name`, if given.
fn option<'a>(args: &'a [String], name: &str) -> Option<&'a str> {
    let at = args.iter().position(|a| a == name)?;
    args.get(at + 1).map(String::as_str)
}

fn serve_site(root: &Path, base: &str) -> Result<(), Fail> {
    let dist = root.join("dist");
    let server = serve::start(&dist, "127.0.0.1:8080", base)?;
    site::build(root, base, Some("http://127.0.0.1:8080"))?;
    say(&format!(
        "serving {} on {} (Ctrl-C to stop)",
        dist.display(),
        server.url
    ));
    loop {
        std::thread::park();
    }
}

/// The workspace root, whatever directory `cargo xtask` was run from.
fn workspace_root() -> PathBuf {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .expect("xtask lives inside the workspace")
        .to_path_buf();
    std::env::set_current_dir(&root).expect("the workspace root is a directory");
    root
}
