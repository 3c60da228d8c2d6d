//! Project commands: `cargo xtask serve` builds the release site and serves
//! it; `cargo xtask test` runs every test. Both install what is missing first.

mod bench;
mod generate;
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
  dist --base P  build the release site into dist/ for serving under the path P (/ or /news/)
  test           run every test: fmt, clippy, native, browser and end-to-end
  bench          the search benchmark, natively and in Chromium (--stress adds 100,000 articles)
  corpus <N>     generate a corpus of N articles into target/corpora/";

fn main() -> ExitCode {
    let root = workspace_root();
    let args: Vec<String> = std::env::args().skip(1).collect();
    let result = match args.first().map(String::as_str) {
        Some("serve") => serve_site(&root, &base(&args)),
        Some("dist") => site::build(&root, &base(&args)).map(|dist| say(&format!("{} is ready", dist.display()))),
        Some("test") => test::all(&root),
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
    let at = args.iter().position(|a| a == "--base");
    site::normalise_base(at.and_then(|i| args.get(i + 1)).map_or("/", String::as_str))
}

fn serve_site(root: &Path, base: &str) -> Result<(), Fail> {
    let dist = site::build(root, base)?;
    let server = serve::start(&dist, "127.0.0.1:8080", base)?;
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
