//! Every path in this repository that the docs name exists. A module that
//! moves otherwise leaves its old path behind (DEVELOPERS.md pointed at
//! src/corpus/text_format.rs long after the module moved to `core/`).
//!
//! The docs are the README, DEVELOPERS.md, the architecture map and the
//! Rust doc comments (`//!`, `///`). A backticked token outside code blocks
//! is taken for a repository path when its first segment is one of the
//! repository's top-level entries (`core/src/text.rs`, `tests/e2e/`), or
//! when it is a bare Rust file name (`varint.rs`), which must exist
//! somewhere. Globs (`tests/corpus_*.rs`) must match a file and braces
//! (`src/ui/{list,card}.rs`) expand; what builds make (`dist/`,
//! `target/corpora/`) is not checked.
#![cfg(not(target_arch = "wasm32"))]

use std::path::{Path, PathBuf};

const DOCS: &[&str] = &["README.md", "DEVELOPERS.md", "docs/ARCHITECTURE.md"];

/// Directories whose Rust files' doc comments are checked.
const SOURCES: &[&str] = &["benches", "build.rs", "core", "fuzz", "src", "tests", "xtask"];

/// Made by builds and tools, never committed: named in the docs, not checked.
const GENERATED: &[&str] = &["dist", "target", "node_modules", "fuzz/artifacts"];

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// Every file under `dir`, as paths relative to the root with `/`, leaving
/// out what builds make and git's own directory.
fn files_under(dir: &Path, out: &mut Vec<String>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        let relative = relative(&path);
        if relative == ".git" || GENERATED.contains(&relative.as_str()) {
            continue;
        }
        if path.is_dir() {
            files_under(&path, out);
        } else {
            out.push(relative);
        }
    }
}

fn relative(path: &Path) -> String {
    let relative = path.strip_prefix(root()).expect("under the root");
    relative.to_string_lossy().replace('\\', "/")
}

/// The backticked tokens of markdown `text`, outside fenced code blocks.
fn markdown_tokens(text: &str) -> Vec<String> {
    let mut fenced = false;
    let mut tokens = Vec::new();
    for line in text.lines() {
        if line.trim_start().starts_with("```") {
            fenced = !fenced;
        } else if !fenced {
            tokens.extend(backticked(line));
        }
    }
    tokens
}

/// The backticked tokens of the doc comments in Rust `source`.
fn doc_comment_tokens(source: &str) -> Vec<String> {
    source
        .lines()
        .map(str::trim_start)
        .filter(|line| line.starts_with("///") || line.starts_with("//!"))
        .flat_map(backticked)
        .collect()
}

fn backticked(line: &str) -> Vec<String> {
    line.split('`').skip(1).step_by(2).map(str::to_string).collect()
}

/// `a/{b,c}.rs` as `a/b.rs` and `a/c.rs`.
fn expand_braces(token: &str) -> Vec<String> {
    match (token.find('{'), token.find('}')) {
        (Some(open), Some(close)) if open < close => token[open + 1..close]
            .split(',')
            .flat_map(|choice| expand_braces(&format!("{}{choice}{}", &token[..open], &token[close + 1..])))
            .collect(),
        _ => vec![token.to_string()],
    }
}

/// Whether `path` matches `pattern`, where `*` is any run of characters
/// but `/`, and `**` any run at all.
fn glob_matches(pattern: &str, path: &str) -> bool {
    if let Some(rest) = pattern.strip_prefix("**") {
        return (0..=path.len()).any(|i| path.is_char_boundary(i) && glob_matches(rest, &path[i..]));
    }
    if let Some(rest) = pattern.strip_prefix('*') {
        let run = path.find('/').unwrap_or(path.len());
        return (0..=run).any(|i| path.is_char_boundary(i) && glob_matches(rest, &path[i..]));
    }
    match (pattern.chars().next(), path.chars().next()) {
        (None, None) => true,
        (Some(p), Some(c)) if p == c => glob_matches(&pattern[p.len_utf8()..], &path[c.len_utf8()..]),
        _ => false,
    }
}

/// What is wrong with `token` as a repository path: `None` when it is not
/// one, or exists.
fn missing(token: &str, top_level: &[String], files: &[String]) -> Option<String> {
    if token.is_empty() || token.contains(char::is_whitespace) || token.contains("://") {
        return None;
    }
    let first = token.split('/').next().unwrap_or("");
    let is_path = if token.contains('/') {
        top_level.iter().any(|entry| entry == first)
    } else {
        token.ends_with(".rs") && !token.contains(['*', '{'])
    };
    if !is_path
        || GENERATED
            .iter()
            .any(|g| token == *g || token.starts_with(&format!("{g}/")))
    {
        return None;
    }
    let absent: Vec<String> = expand_braces(token)
        .into_iter()
        .filter(|path| {
            if !path.contains('/') {
                !files.iter().any(|f| f.rsplit('/').next() == Some(path.as_str()))
            } else if path.contains('*') {
                !files.iter().any(|f| glob_matches(path, f))
            } else if let Some(dir) = path.strip_suffix('/') {
                !root().join(dir).is_dir()
            } else {
                !root().join(path).exists()
            }
        })
        .collect();
    (!absent.is_empty()).then(|| absent.join(", "))
}

/// Each doc and the paths it names that do not exist.
fn missing_paths(docs: &[(String, String)]) -> Vec<String> {
    let top_level: Vec<String> = std::fs::read_dir(root())
        .expect("the repository")
        .flatten()
        .map(|entry| entry.file_name().to_string_lossy().into_owned())
        .collect();
    let mut files = Vec::new();
    files_under(root(), &mut files);
    let mut wrong = Vec::new();
    for (name, text) in docs {
        let tokens = if name.ends_with(".rs") {
            doc_comment_tokens(text)
        } else {
            markdown_tokens(text)
        };
        for token in tokens {
            if let Some(absent) = missing(&token, &top_level, &files) {
                wrong.push(format!("{name}: `{token}` ({absent} does not exist)"));
            }
        }
    }
    wrong
}

fn read(path: &Path) -> (String, String) {
    let text = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    (relative(path), text)
}

#[test]
fn every_path_the_docs_name_exists() {
    let mut docs: Vec<(String, String)> = DOCS.iter().map(|doc| read(&root().join(doc))).collect();
    let mut rust: Vec<PathBuf> = Vec::new();
    for source in SOURCES {
        let mut files = Vec::new();
        let path = root().join(source);
        if path.is_dir() {
            files_under(&path, &mut files);
        } else {
            files.push(source.to_string());
        }
        rust.extend(files.iter().filter(|f| f.ends_with(".rs")).map(|f| root().join(f)));
    }
    assert!(rust.len() > 50, "found the Rust sources ({})", rust.len());
    docs.extend(rust.iter().map(|path| read(path)));
    let wrong = missing_paths(&docs);
    assert!(
        wrong.is_empty(),
        "paths named in the docs that do not exist:\n{}",
        wrong.join("\n")
    );
}

#[test]
fn a_moved_module_is_caught() {
    let doc = |text: &str| vec![("DEVELOPERS.md".to_string(), text.to_string())];
    assert_eq!(
        missing_paths(&doc("See `src/corpus/text_format.rs`, which is the reference.")),
        ["DEVELOPERS.md: `src/corpus/text_format.rs` (src/corpus/text_format.rs does not exist)"]
    );
    assert_eq!(
        missing_paths(&doc("`core/src/corpus/text_format.rs`, `tests/corpus_*.rs`, `src/ui/{list,state}.rs`, `core/src/**`, `varint.rs`, `dist/`, `RFE/RL`")),
        Vec::<String>::new()
    );
    assert_eq!(
        missing_paths(&doc("`tests/nothing_*.rs` and `src/ui/{list,gone}.rs` and `gone.rs` and `tests/e2e/`\n```\n`src/in/a/block.rs`\n```")),
        [
            "DEVELOPERS.md: `tests/nothing_*.rs` (tests/nothing_*.rs does not exist)",
            "DEVELOPERS.md: `src/ui/{list,gone}.rs` (src/ui/gone.rs does not exist)",
            "DEVELOPERS.md: `gone.rs` (gone.rs does not exist)",
        ]
    );
}
