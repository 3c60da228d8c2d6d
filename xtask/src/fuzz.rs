//! `cargo xtask fuzz [--seconds N]`: the cargo-fuzz targets in `fuzz/`
//! (corpus parser, search with any query, URL parser), each for N seconds
//! (default 600), with the nightly toolchain cargo-fuzz needs. The test
//! command runs each briefly. A crash leaves its input in
//! `fuzz/artifacts/<target>/` to turn into a regression test.

use std::path::Path;
use std::process::Command;

use crate::run::{output, run, say, Fail};

pub const TARGETS: [&str; 3] = ["corpus", "search", "route"];

/// Whether this machine has the nightly toolchain (it cannot be downloaded here).
pub fn nightly_available() -> bool {
    output(Command::new("rustup").args(["toolchain", "list"]))
        .is_ok_and(|list| list.lines().any(|l| l.starts_with("nightly")))
}

fn cargo_fuzz() -> Result<(), Fail> {
    if output(Command::new("cargo").args(["fuzz", "--version"])).is_ok() {
        say("cargo-fuzz: installed");
        return Ok(());
    }
    say("cargo-fuzz: missing, installing with cargo (about 2 minutes)");
    run(Command::new("cargo").args(["install", "cargo-fuzz", "--locked"]))
}

/// Runs every target for `seconds` and prints the runs each made.
pub fn run_all(root: &Path, seconds: u64) -> Result<(), Fail> {
    if !nightly_available() {
        return Err(Fail(
            "fuzzing needs the nightly toolchain, which this machine does not have".into(),
        ));
    }
    cargo_fuzz()?;
    let mut summary = Vec::new();
    for target in TARGETS {
        say(&format!("fuzzing {target} for {seconds} s"));
        let out = Command::new("cargo")
            .args([
                "+nightly",
                "fuzz",
                "run",
                target,
                "--",
                &format!("-max_total_time={seconds}"),
            ])
            .current_dir(root.join("fuzz"))
            .output()
            .map_err(|e| Fail(format!("cargo fuzz: {e}")))?;
        let log = String::from_utf8_lossy(&out.stderr);
        let done = log
            .lines()
            .rev()
            .find(|l| l.starts_with("Done "))
            .unwrap_or("no summary")
            .to_string();
        if !out.status.success() {
            eprintln!("{log}");
            return Err(Fail(format!(
                "fuzz target {target} failed; its input is in fuzz/artifacts/{target}/"
            )));
        }
        summary.push(format!("{target}: {done}"));
    }
    for line in summary {
        say(&line);
    }
    Ok(())
}
