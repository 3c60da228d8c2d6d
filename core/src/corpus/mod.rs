//! The corpus: text in, [`Article`]s out.
//!
//! This module is the single source of truth for what an article is. Three
//! places run it: the build script (which stops the build on a broken corpus
//! and bundles the parsed articles for the app), the `folio` CLI, and the
//! benchmarks. The web app only decodes the bundle ([`bundle`]).
//!
//! ```
//! let corpus = folio_core::corpus::parse(&[folio_core::corpus::Source {
//!     name: "news.txt".into(),
//!     bytes: b"A title\n\nA paragraph.\n\nSource: A ministry\n".as_slice().into(),
//! }])
//! .unwrap();
//! assert_eq!(corpus.articles[0].slug, "a-title");
//! assert_eq!(corpus.articles[0].publisher.as_deref(), Some("A ministry"));
//! ```

pub mod bundle;
mod date;
mod draft;
mod files;
mod jsonl;
mod meta;
mod model;
pub mod people;
pub(crate) mod places;
mod slug;
mod source;
pub mod stream;
mod text_format;

use std::borrow::Cow;
use std::fmt;

pub use date::{month_name, Certainty, Date};
pub use files::{corpus_files_of, read_sources, CorpusFile};
pub use model::{Article, Block, BlockKind, Link, Photo, PublisherOrigin, WORDS_PER_MINUTE};
pub use source::clean;

/// One corpus file: its name (as shown in messages) and its bytes, borrowed
/// when they are bundled into the binary, owned when read from disk.
#[derive(Clone, Debug)]
pub struct Source<'a> {
    pub name: Cow<'a, str>,
    pub bytes: Cow<'a, [u8]>,
}

/// A parsed corpus and what the parser had to guess.
#[derive(Clone, Debug)]
pub struct Corpus {
    pub articles: Vec<Article>,
    pub warnings: Vec<Diagnostic>,
}

/// A problem found in a corpus, at a file and line.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Diagnostic {
    pub file: String,
    /// 1-based; 0 when the problem is the file as a whole.
    pub line: usize,
    pub severity: Severity,
    pub message: String,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Severity {
    /// The text was ambiguous; the parser chose what a reader would.
    Warning,
    /// The corpus cannot be used as it is.
    Error,
}

/// A corpus that cannot be used: every error found, and the warnings too.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CorpusError {
    pub diagnostics: Vec<Diagnostic>,
}

impl Diagnostic {
    pub fn error(file: &str, line: usize, message: impl Into<String>) -> Self {
        Diagnostic {
            file: file.to_string(),
            line,
            severity: Severity::Error,
            message: message.into(),
        }
    }

    pub fn warning(file: &str, line: usize, message: impl Into<String>) -> Self {
        Diagnostic {
            severity: Severity::Warning,
            ..Diagnostic::error(file, line, message)
        }
    }
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let severity = match self.severity {
            Severity::Warning => "warning",
            Severity::Error => "error",
        };
        if self.line == 0 {
            write!(f, "{}: {severity}: {}", self.file, self.message)
        } else {
            write!(f, "{}:{}: {severity}: {}", self.file, self.line, self.message)
        }
    }
}

impl fmt::Display for CorpusError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, diagnostic) in self.diagnostics.iter().enumerate() {
            if i > 0 {
                writeln!(f)?;
            }
            write!(f, "{diagnostic}")?;
        }
        Ok(())
    }
}

impl std::error::Error for CorpusError {}

/// Parses every source into one corpus, in the order given. Files ending
/// `.jsonl` are JSON Lines; everything else is the plain-text format.
///
/// Fails with every error found (and the warnings, for context) when any
/// source has an error or when there are no articles at all. Never panics.
pub fn parse(sources: &[Source<'_>]) -> Result<Corpus, CorpusError> {
    let mut diagnostics = Vec::new();
    let mut drafts = Vec::new();
    for source in sources {
        let text = match source::decode(&source.name, &source.bytes) {
            Ok(text) => text,
            Err(diagnostic) => {
                diagnostics.push(diagnostic);
                continue;
            }
        };
        let parsed = if source.name.ends_with(".jsonl") {
            jsonl::parse(&source.name, text, &mut diagnostics)
        } else {
            text_format::parse(&source.name, text, &mut diagnostics)
        };
        drafts.extend(parsed);
    }
    if drafts.is_empty() && !diagnostics.iter().any(|d| d.severity == Severity::Error) {
        diagnostics.push(no_articles(sources.iter().map(|s| &*s.name)));
    }
    if diagnostics.iter().any(|d| d.severity == Severity::Error) {
        return Err(CorpusError { diagnostics });
    }
    Ok(Corpus {
        articles: finish(drafts),
        warnings: diagnostics,
    })
}

/// The error of a corpus with no articles, at its files' names.
fn no_articles<'a>(names: impl Iterator<Item = &'a str>) -> Diagnostic {
    let names: Vec<&str> = names.collect();
    let file = if names.is_empty() {
        "corpus".to_string()
    } else {
        names.join(", ")
    };
    Diagnostic::error(&file, 0, "the corpus has no articles")
}

/// The corpus-wide steps (`stream` takes them in two passes): unique slugs,
/// years for day-month dates from the latest full date anywhere in the
/// corpus, and the people named in full anywhere.
fn finish(drafts: Vec<draft::Draft>) -> Vec<Article> {
    let slugs = slug::unique_slugs(drafts.iter().map(|d| d.title.as_str()));
    let mentions: Vec<Vec<date::Mention>> = drafts.iter().map(draft::Draft::date_mentions).collect();
    let corpus_reference = mentions.iter().filter_map(|m| date::latest_stated(m)).max();
    let found: Vec<people::Found> = drafts.iter().map(draft::Draft::people).collect();
    let mut roster = people::Roster::default();
    for found in &found {
        roster.add(found);
    }
    drafts
        .into_iter()
        .zip(slugs)
        .zip(mentions.iter().zip(&found))
        .map(|((draft, slug), (mentions, found))| {
            draft.finish(slug, mentions, corpus_reference, roster.people_of(found))
        })
        .collect()
}
