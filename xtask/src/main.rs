//! Project commands: `cargo xtask serve` builds the release site and serves
//! it; `cargo xtask test` runs every test. Both install what is missing first.

mod archive;
mod bench;
mod cli;
mod fuzz;
mod generate;
mod lighthouse;
mod on_disk;
mod prerender;
mod run;
mod scale;
mod serve;
mod setup;
mod site;
mod test;
mod throttle;

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use cli::Task;
use folio::route::Prerender;
use run::{say, Fail};

fn main() -> ExitCode {
    let root = workspace_root();
    let task = match cli::parse(std::env::args().skip(1)) {
        Ok(task) => task,
        Err(message) => {
            eprintln!("cargo xtask: {message}\n{}", cli::USAGE);
            return ExitCode::from(2);
        }
    };
    let result = match task {
        Task::Help => {
            println!("{}", cli::USAGE);
            Ok(())
        }
        Task::Serve { base, prerender } => serve_site(&root, &site::normalise_base(&base), prerender),
        Task::Dist {
            base,
            site_url,
            prerender,
            corpus,
        } => {
            let base = site::normalise_base(&base);
            // A corpus named here is read by the build alone: through
            // $FOLIO_SEEDS, `cargo` would first bundle it whole into the CLI.
            match corpus {
                Some(corpus) => site::build_from(
                    &root,
                    Path::new(&corpus),
                    &root.join("dist"),
                    &base,
                    site_url.as_deref(),
                    prerender,
                ),
                None => site::build(&root, &base, site_url.as_deref(), prerender),
            }
            .map(|dist| say(&format!("{} is ready", dist.display())))
        }
        Task::Test => test::all(&root),
        Task::EndToEnd { browsers, files } => test::end_to_end_only(&root, &browsers, &files),
        Task::Lighthouse => lighthouse::run_all(&root),
        Task::Fuzz { seconds } => fuzz::run_all(&root, seconds),
        Task::Bench { stress } => bench::run_all(&root, stress),
        Task::Scale { stress, native } => scale::run(&root, stress, native),
        Task::Archive { corpus, dir } => scale::build(Path::new(&corpus), Path::new(&dir)),
        Task::Corpus { articles } => generate::corpus(&root, articles).map(|path| println!("{}", path.display())),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(Fail(message)) => {
            say(&format!("FAILED: {message}"));
            ExitCode::FAILURE
        }
    }
}

fn serve_site(root: &Path, base: &str, prerender: Prerender) -> Result<(), Fail> {
    let dist = root.join("dist");
    // The address is taken first, so a busy port fails at once; until the
    // build is done the server answers "building…", never the old dist/.
    let server = serve::start_building(&dist, "127.0.0.1:8080", base, &[])?;
    site::build(root, base, Some("http://127.0.0.1:8080"), prerender)?;
    server.ready();
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
