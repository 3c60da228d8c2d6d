//! The `folio` CLI as corpus writers use it: exit codes, the summary, and
//! the documented JSON schema of `dump --json`.
#![cfg(not(target_arch = "wasm32"))]

use std::collections::BTreeSet;
use std::path::PathBuf;
use std::process::{Command, Output};

fn folio(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_folio"))
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .expect("run folio")
}

fn stdout(output: &Output) -> String {
    String::from_utf8_lossy(&output.stdout).into_owned()
}

/// A directory of its own under the target dir, with `files` written in it.
fn corpus_dir(name: &str, files: &[(&str, &[u8])]) -> PathBuf {
    let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join(name);
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("create dir");
    for (file, bytes) in files {
        std::fs::write(dir.join(file), bytes).expect("write file");
    }
    dir
}

#[test]
fn check_summarises_the_seed_corpus() {
    let out = folio(&["check"]);
    assert!(out.status.success());
    assert_eq!(
        stdout(&out),
        "9 articles in 1 file, 3721 words\n\
         publishers: DPA, Global Voices, Ministry of Internal Affairs of the Republic of Tajikistan, RFE/RL\n\
         countries: Afghanistan, Armenia, Belarus, Georgia, Kazakhstan, Kyrgyzstan, Russia, Tajikistan, Ukraine, Uzbekistan\n\
         dates: 2022-01-08 to 2022-01-10 (6 of 9 dated)\n\
         teasers: 2\n\
         warnings: 0\n"
    );
}

#[test]
fn check_prints_warnings_and_fails_on_errors() {
    let dir = corpus_dir(
        "check-errors",
        &[("a.txt", b"Title\n\nBody.\n"), ("b.txt", b"Source: nobody\n")],
    );
    let out = folio(&["check", dir.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    let a = dir.join("a.txt").display().to_string();
    let b = dir.join("b.txt").display().to_string();
    assert_eq!(
        stdout(&out),
        format!(
            "{a}:1: warning: article “Title” has no end line (`Source:`, `Copyright` or `Continue reading`); it ends at the end of the file\n\
             {b}:1: error: article has no title: found “Source: nobody” where a title should be\n"
        )
    );
    let missing = folio(&["check", "no/such/dir"]);
    assert_eq!(missing.status.code(), Some(1));
    assert!(stdout(&missing).starts_with("no/such/dir: error: cannot read: "));
}

#[test]
fn dump_json_keeps_the_documented_schema() {
    let out = folio(&["dump", "--json"]);
    assert!(out.status.success());
    let articles: serde_json::Value = serde_json::from_slice(&out.stdout).expect("valid JSON");
    let articles = articles.as_array().expect("an array");
    assert_eq!(articles.len(), 9);
    let toqaev = &articles[4];
    for (field, want) in [
        (
            "slug",
            "kazakh-president-says-week-of-deadly-unrest-was-attempted-coup-without-citing",
        ),
        ("publisher", "RFE/RL"),
        ("publisher_origin", "copyright"),
        ("dateline", "NUR-SULTAN"),
        ("date", "2022-01-10"),
        ("date_certainty", "year-from-corpus"),
    ] {
        assert_eq!(toqaev[field], want, "{field}");
    }
    assert_eq!(toqaev["source"], serde_json::Value::Null);
    assert_eq!(toqaev["teaser"], false);
    assert_eq!(toqaev["countries"][0], "Kazakhstan");
    assert_eq!(toqaev["blocks"][0]["kind"], "paragraph");
    assert_eq!(
        articles[7]["blocks"][9],
        serde_json::json!({"kind": "subheading", "text": "Watching Ukraine"})
    );
    let documented = documented_fields();
    assert_eq!(documented.len(), 22, "{documented:?}");
    for article in articles {
        let fields: BTreeSet<&str> = article
            .as_object()
            .expect("an object")
            .keys()
            .map(String::as_str)
            .collect();
        assert_eq!(
            fields, documented,
            "every field documented, every documented field there"
        );
    }
}

/// The field names in the README's table for `dump --json` (its first column).
fn documented_fields() -> BTreeSet<&'static str> {
    let readme = include_str!("../README.md");
    let section = readme
        .split("### `folio dump --json`")
        .nth(1)
        .expect("the schema section");
    section
        .lines()
        .skip_while(|line| !line.starts_with('|'))
        .take_while(|line| line.starts_with('|'))
        .skip(2) // the header and its rule
        .filter_map(|row| row.split('|').nth(1))
        .flat_map(|cell| cell.split('`').skip(1).step_by(2))
        .collect()
}

#[test]
fn dump_text_writes_a_corpus_that_parses_to_the_same_articles() {
    let out = folio(&["dump", "--text"]);
    assert!(out.status.success());
    let dir = corpus_dir("dump-text", &[("000_cb824f7dda8be3ad.txt", &out.stdout)]);
    let again = folio(&["dump", "--json", dir.to_str().unwrap()]);
    let original = folio(&["dump", "--json"]);
    let strip_file = |bytes: &[u8]| {
        let mut value: serde_json::Value = serde_json::from_slice(bytes).expect("JSON");
        for article in value.as_array_mut().expect("array") {
            article["file"] = serde_json::Value::Null;
            article["line"] = serde_json::Value::Null;
        }
        value
    };
    assert_eq!(strip_file(&again.stdout), strip_file(&original.stdout));
}

#[test]
fn usage_errors_exit_2() {
    assert_eq!(folio(&[]).status.code(), Some(2));
    assert_eq!(folio(&["dump"]).status.code(), Some(2));
    assert_eq!(folio(&["frobnicate"]).status.code(), Some(2));
}

#[test]
fn search_says_when_the_total_is_a_lower_bound() {
    // One letter begins three words, each in one article of two: the
    // commonest words it matches may have, together, one posting per
    // article, so `kazakh` is left out and its article is not counted.
    let dir = corpus_dir(
        "search-lower-bound",
        &[(
            "a.txt",
            b"Alpha\n\nkappa kilo\n\nSource: S\n\nBeta\n\nkazakh\n\nSource: S\n",
        )],
    );
    let totals = |query: &str| {
        let out = folio(&["search", query, dir.to_str().unwrap()]);
        assert!(out.status.success());
        let json: serde_json::Value = serde_json::from_slice(&out.stdout).expect("search prints JSON");
        (json["total"].clone(), json["at_least"].clone())
    };
    assert_eq!(totals("k"), (1.into(), true.into()));
    // Two letters begin two words, which fit.
    assert_eq!(totals("ka"), (2.into(), false.into()));
    // From three letters on, every word a prefix begins counts.
    assert_eq!(totals("kaz"), (1.into(), false.into()));
}
