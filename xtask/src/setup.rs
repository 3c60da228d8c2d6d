//! Installing what the project needs, and only what is missing.
//!
//! Everything comes from a package registry: crates.io for Trunk and the
//! wasm-bindgen CLI, Debian for Chromium and Node.js, npm (with the committed
//! lock file) for wasm-opt and the browser-test tools. Nothing is fetched from
//! GitHub release pages, so Trunk runs with `offline = true`.

use std::path::{Path, PathBuf};
use std::process::Command;

use crate::run::{output, run, say, Fail};

pub const TRUNK_VERSION: &str = "0.21.14";
const WASM_TARGET: &str = "wasm32-unknown-unknown";
pub const CHROMIUM: &str = "/usr/bin/chromium";
pub const CHROMEDRIVER: &str = "/usr/bin/chromedriver";
pub const FIREFOX: &str = "/usr/bin/firefox-esr";
/// geckodriver (WebDriver for Firefox, for wasm-bindgen-test) from crates.io;
/// 0.37 speaks to Firefox ESR 153.
const GECKODRIVER_VERSION: &str = "0.37.1";

/// What a build needs: the wasm target, Trunk, the wasm-bindgen CLI that
/// matches `Cargo.lock`, and the npm tools (wasm-opt).
pub fn build_tools(root: &Path) -> Result<(), Fail> {
    wasm_target()?;
    trunk()?;
    wasm_bindgen(root)?;
    npm_tools(root)
}

/// What the tests need on top of a build: Chromium and its driver.
pub fn test_tools(root: &Path) -> Result<(), Fail> {
    build_tools(root)?;
    chromium()
}

fn wasm_target() -> Result<(), Fail> {
    let installed = output(Command::new("rustup").args(["target", "list", "--installed"]))?;
    if installed.lines().any(|l| l.trim() == WASM_TARGET) {
        say(&format!("{WASM_TARGET} target: installed"));
        return Ok(());
    }
    say(&format!("{WASM_TARGET} target: missing, installing with rustup"));
    run(Command::new("rustup").args(["target", "add", WASM_TARGET]))
}

fn trunk() -> Result<(), Fail> {
    let want = format!("trunk {TRUNK_VERSION}");
    if version_of("trunk").as_deref() == Some(want.as_str()) {
        say(&format!("{want}: installed"));
        return Ok(());
    }
    say(&format!(
        "{want}: missing, installing with cargo (about 6 minutes on 2 cores)"
    ));
    run(Command::new("cargo").args(["install", "trunk", "--version", TRUNK_VERSION, "--locked"]))
}

/// Trunk uses the `wasm-bindgen` on PATH only when it is the version of the
/// `wasm-bindgen` crate in `Cargo.lock`, which is pinned with `=` for that reason.
fn wasm_bindgen(root: &Path) -> Result<(), Fail> {
    let version = locked_version(root, "wasm-bindgen")?;
    let want = format!("wasm-bindgen {version}");
    if version_of("wasm-bindgen").as_deref() == Some(want.as_str())
        && version_of("wasm-bindgen-test-runner").is_some_and(|v| v.ends_with(&version))
    {
        say(&format!("wasm-bindgen-cli {version}: installed"));
        return Ok(());
    }
    // `--locked` fails for this version: its lock file names a dependency
    // version crates.io no longer has.
    say(&format!(
        "wasm-bindgen-cli {version}: missing, installing with cargo (about 3 minutes)"
    ));
    run(Command::new("cargo").args(["install", "wasm-bindgen-cli", "--version", &version]))
}

/// What the Pagefind comparison of `bench --scale` needs: Chromium, the
/// browser-test tools (playwright-core) and Pagefind, which has its own lock
/// file in benches/pagefind so that builds and tests never install it.
pub fn pagefind_tools(root: &Path) -> Result<(), Fail> {
    chromium()?;
    npm_packages(root)?;
    npm_packages(&root.join("benches/pagefind"))
}

fn chromium() -> Result<(), Fail> {
    if Path::new(CHROMIUM).exists() && Path::new(CHROMEDRIVER).exists() {
        say("chromium and chromium-driver: installed");
        return Ok(());
    }
    say("chromium and chromium-driver: missing, installing from Debian");
    apt_install(&["chromium", "chromium-driver"])
}

/// Firefox ESR and geckodriver, for the browser tests in Firefox.
pub fn firefox() -> Result<(), Fail> {
    if Path::new(FIREFOX).exists() {
        say("firefox-esr: installed");
    } else {
        say("firefox-esr: missing, installing from Debian");
        apt_install(&["firefox-esr"])?;
    }
    let want = format!("geckodriver {GECKODRIVER_VERSION}");
    if version_of("geckodriver").is_some_and(|v| v.starts_with(&want)) {
        say(&format!("{want}: installed"));
        return Ok(());
    }
    say(&format!("{want}: missing, installing with cargo (about 2 minutes)"));
    run(Command::new("cargo").args(["install", "geckodriver", "--version", GECKODRIVER_VERSION, "--locked"]))
}

/// Where `cargo install` put geckodriver (wasm-bindgen-test-runner is told
/// its full path, as PATH may not have Cargo's bin directory).
pub fn geckodriver() -> PathBuf {
    cargo_bin().unwrap_or_default().join("geckodriver")
}

/// Node.js from Debian if it is missing, then `npm ci` from the committed
/// lock file whenever `node_modules` does not match it.
fn npm_tools(root: &Path) -> Result<(), Fail> {
    npm_packages(root)
}

/// Node.js from Debian if it is missing, then `npm ci` in `dir` from its
/// committed lock file whenever its node_modules does not match it.
pub fn npm_packages(dir: &Path) -> Result<(), Fail> {
    if version_of("node").is_none() || version_of("npm").is_none() {
        say("node and npm: missing, installing from Debian");
        apt_install(&["nodejs", "npm"])?;
    }
    let name = dir.join("package-lock.json");
    let lock = std::fs::read(&name).map_err(|e| Fail(format!("{}: {e}", name.display())))?;
    let stamp = dir.join("node_modules/.folio-lock");
    if std::fs::read(&stamp).ok().as_deref() == Some(lock.as_slice()) {
        say(&format!("npm packages ({}): installed", name.display()));
        return Ok(());
    }
    say(&format!(
        "npm packages ({}): missing or stale, running npm ci",
        name.display()
    ));
    run(Command::new("npm")
        .args(["ci", "--no-audit", "--no-fund"])
        .current_dir(dir))?;
    std::fs::write(&stamp, lock).map_err(|e| Fail(format!("{}: {e}", stamp.display())))
}

/// PATH with the npm tools first, so Trunk finds the npm `wasm-opt`.
pub fn path_with_npm_tools(root: &Path) -> std::ffi::OsString {
    let mut paths = vec![root.join("node_modules/.bin")];
    if let Some(cargo_bin) = cargo_bin() {
        paths.push(cargo_bin);
    }
    paths.extend(std::env::split_paths(&std::env::var_os("PATH").unwrap_or_default()));
    std::env::join_paths(paths).unwrap_or_default()
}

/// Where `cargo install` puts binaries, in case it is not on PATH yet.
fn cargo_bin() -> Option<PathBuf> {
    let home = std::env::var_os("CARGO_HOME")
        .map(PathBuf::from)
        .or_else(|| std::env::var_os("HOME").map(|h| PathBuf::from(h).join(".cargo")))?;
    Some(home.join("bin"))
}

fn apt_install(packages: &[&str]) -> Result<(), Fail> {
    let root = output(Command::new("id").arg("-u")).is_ok_and(|id| id.trim() == "0");
    let apt = |args: &[&str]| {
        let mut command = if root {
            Command::new("apt-get")
        } else {
            Command::new("sudo")
        };
        if !root {
            command.arg("apt-get");
        }
        command.args(args).env("DEBIAN_FRONTEND", "noninteractive");
        run(&mut command)
    };
    apt(&["update", "-q"])?;
    let mut args = vec!["install", "-y", "-q", "--no-install-recommends"];
    args.extend(packages);
    apt(&args)
}

/// The first line a tool prints for `--version`, or `None` if it is not installed.
fn version_of(tool: &str) -> Option<String> {
    let mut command = Command::new(tool);
    command
        .arg("--version")
        .env("PATH", path_with_npm_tools(Path::new(".")));
    let out = command.output().ok()?;
    out.status.success().then(|| {
        String::from_utf8_lossy(&out.stdout)
            .lines()
            .next()
            .unwrap_or("")
            .trim()
            .to_string()
    })
}

/// The version of `package` recorded in `Cargo.lock`.
pub fn locked_version(root: &Path, package: &str) -> Result<String, Fail> {
    let lock = std::fs::read_to_string(root.join("Cargo.lock")).map_err(|e| Fail(format!("Cargo.lock: {e}")))?;
    let header = format!("name = \"{package}\"\n");
    let at = lock
        .find(&header)
        .ok_or_else(|| Fail(format!("Cargo.lock has no package {package}")))?;
    lock[at + header.len()..]
        .lines()
        .next()
        .and_then(|l| l.strip_prefix("version = \""))
        .and_then(|l| l.strip_suffix('"'))
        .map(str::to_string)
        .ok_or_else(|| Fail(format!("Cargo.lock: no version for {package}")))
}
