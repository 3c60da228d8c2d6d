//! A corpus too large to hold parsed, read twice a line at a time: at
//! 1,000,000 generated articles (1 GB of text) [`super::parse`] holds
//! 3.8 GB. What is global in a parse is found by a first, cheap pass
//! ([`scan`]): every error and warning (so a broken corpus still stops the
//! build, with `file:line`, before anything is written), every title (for
//! unique slugs, which depend on every title before) and the latest date
//! stated anywhere (which gives years to day-month dates). The second pass
//! ([`Scan::articles`]) parses each article again as it is asked for and
//! finishes it with its slug and that date: the same articles, in the same
//! order, as [`super::parse`] gives, holding one article at a time.

use std::io::BufRead;

use super::date::{self, Date};
use super::draft::Draft;
use super::files::CorpusFile;
use super::people::Roster;
use super::source::{Checked, CheckedLines, Failure};
use super::{jsonl, slug, text_format, Article, CorpusError, Diagnostic, Severity, Source};

/// A corpus file that can be read more than once.
pub trait Reopen {
    /// Its name in messages and in its articles' `file`.
    fn name(&self) -> &str;
    fn open(&self) -> std::io::Result<Box<dyn BufRead + '_>>;
}

impl Reopen for Source<'_> {
    fn name(&self) -> &str {
        &self.name
    }

    fn open(&self) -> std::io::Result<Box<dyn BufRead + '_>> {
        Ok(Box::new(&self.bytes[..]))
    }
}

impl Reopen for CorpusFile {
    fn name(&self) -> &str {
        &self.name
    }

    fn open(&self) -> std::io::Result<Box<dyn BufRead + '_>> {
        let file = std::fs::File::open(&self.path)?;
        Ok(Box::new(std::io::BufReader::with_capacity(1 << 16, file)))
    }
}

/// What every article needs of the whole corpus, found by [`scan`].
#[derive(Debug)]
pub struct Scan {
    /// Each article's slug, in corpus order.
    slugs: Vec<String>,
    /// The latest full date stated anywhere.
    reference: Option<Date>,
    /// Everyone named in full anywhere, and each one's spellings.
    people: Roster,
    /// What the parser had to guess, as [`super::Corpus::warnings`].
    pub warnings: Vec<Diagnostic>,
}

/// The first pass: reads every source, keeping of each article only its
/// title and latest stated date. Fails as [`super::parse`] does, with the
/// same diagnostics.
pub fn scan(sources: &[impl Reopen]) -> Result<Scan, CorpusError> {
    let mut diagnostics = Vec::new();
    let mut titles = Vec::new();
    let mut reference = None;
    // A file that fails fails the whole scan, so what it names can stay.
    let mut people = Roster::default();
    let mut file_diagnostics = Vec::new();
    for source in sources {
        let mut drafts = match FileDrafts::open(source) {
            Ok(drafts) => drafts,
            Err(failure) => {
                diagnostics.push(failure);
                continue;
            }
        };
        file_diagnostics.clear();
        let (mut file_titles, mut file_reference) = (Vec::new(), None);
        while let Some(draft) = drafts.next(&mut file_diagnostics) {
            file_reference = file_reference.max(date::latest_stated(&draft.date_mentions()));
            people.add(&draft.people());
            file_titles.push(draft.title);
        }
        match drafts.failure(source.name()) {
            // A file that is not text has no articles, only that error.
            Some(failure) => diagnostics.push(failure),
            None => {
                diagnostics.append(&mut file_diagnostics);
                titles.append(&mut file_titles);
                reference = reference.max(file_reference);
            }
        }
    }
    if titles.is_empty() && !diagnostics.iter().any(|d| d.severity == Severity::Error) {
        diagnostics.push(super::no_articles(sources.iter().map(|s| s.name())));
    }
    if diagnostics.iter().any(|d| d.severity == Severity::Error) {
        return Err(CorpusError { diagnostics });
    }
    Ok(Scan {
        slugs: slug::unique_slugs(titles.iter().map(String::as_str)),
        reference,
        people,
        warnings: diagnostics,
    })
}

impl Scan {
    /// How many articles the corpus holds.
    pub fn len(&self) -> usize {
        self.slugs.len()
    }

    /// Whether it holds none (a scan that succeeded never does).
    pub fn is_empty(&self) -> bool {
        self.slugs.is_empty()
    }

    /// The second pass: the articles of `sources` (those scanned), parsed
    /// one at a time as they are asked for. A source that cannot be read
    /// again, or reads differently, ends them early: see
    /// [`Articles::failure`].
    pub fn articles<S: Reopen>(self, sources: &[S]) -> Articles<'_, S> {
        Articles {
            slugs: self.slugs,
            reference: self.reference,
            people: self.people,
            sources,
            next_source: 0,
            current: None,
            given: 0,
            ignored: Vec::new(),
            failure: None,
        }
    }
}

/// The articles of a scanned corpus, one at a time ([`Scan::articles`]).
pub struct Articles<'s, S> {
    slugs: Vec<String>,
    reference: Option<Date>,
    people: Roster,
    sources: &'s [S],
    next_source: usize,
    current: Option<(FileDrafts<'s>, &'s str)>,
    given: usize,
    /// The diagnostics of the second pass: the scan has them already.
    ignored: Vec<Diagnostic>,
    failure: Option<CorpusError>,
}

impl<S> Articles<'_, S> {
    /// Why the articles ended before the corpus did, if they did.
    pub fn failure(&mut self) -> Option<CorpusError> {
        self.failure.take()
    }

    fn fail(&mut self, diagnostic: Diagnostic) -> Option<Article> {
        self.failure = Some(CorpusError {
            diagnostics: vec![diagnostic],
        });
        self.current = None;
        self.next_source = self.sources.len();
        None
    }
}

impl<'s, S: Reopen> Iterator for Articles<'s, S> {
    type Item = Article;

    fn next(&mut self) -> Option<Article> {
        loop {
            let Some((drafts, name)) = &mut self.current else {
                let Some(source) = self.sources.get(self.next_source) else {
                    if self.given != self.slugs.len() && self.failure.is_none() {
                        let names: Vec<&str> = self.sources.iter().map(|s| s.name()).collect();
                        return self.fail(changed(&names.join(", ")));
                    }
                    return None;
                };
                self.next_source += 1;
                match FileDrafts::open(source) {
                    Ok(drafts) => self.current = Some((drafts, source.name())),
                    Err(failure) => return self.fail(failure),
                }
                continue;
            };
            self.ignored.clear();
            let Some(draft) = drafts.next(&mut self.ignored) else {
                let name = *name;
                if let Some(failure) = drafts.failure(name) {
                    return self.fail(failure);
                }
                self.current = None;
                continue;
            };
            let Some(slug) = self.slugs.get_mut(self.given) else {
                let name = *name;
                return self.fail(changed(name));
            };
            let slug = std::mem::take(slug);
            self.given += 1;
            let mentions = draft.date_mentions();
            let people = self.people.people_of(&draft.people());
            return Some(draft.finish(slug, &mentions, self.reference, people));
        }
    }
}

fn changed(name: &str) -> Diagnostic {
    Diagnostic::error(name, 0, "changed while it was being read; build again")
}

/// The drafts of one source, read a line at a time.
enum FileDrafts<'s> {
    Text(Box<text_format::Drafts<'static, CheckedLines<Box<dyn BufRead + 's>>>>),
    Json {
        name: &'s str,
        lines: Box<Checked<Box<dyn BufRead + 's>>>,
        line: usize,
    },
}

impl<'s> FileDrafts<'s> {
    /// Files ending `.jsonl` are JSON Lines, as in [`super::parse`].
    fn open(source: &'s impl Reopen) -> Result<Self, Diagnostic> {
        let name = source.name();
        let reader = source
            .open()
            .map_err(|e| Diagnostic::error(name, 0, format!("cannot read: {e}")))?;
        let checked = Checked::new(name, reader);
        Ok(if name.ends_with(".jsonl") {
            FileDrafts::Json {
                name,
                lines: Box::new(checked),
                line: 0,
            }
        } else {
            FileDrafts::Text(Box::new(text_format::Drafts::new(name, CheckedLines::new(checked))))
        })
    }

    fn next(&mut self, diagnostics: &mut Vec<Diagnostic>) -> Option<Draft> {
        match self {
            FileDrafts::Text(drafts) => drafts.next(diagnostics),
            FileDrafts::Json { name, lines, line } => loop {
                let text = lines.next_line()?;
                *line += 1;
                let raw = text.strip_suffix('\n').unwrap_or(text);
                if let Some(draft) = jsonl::parse_line(name, *line, raw, diagnostics) {
                    return Some(draft);
                }
            },
        }
    }

    /// Why the file's drafts ended before its end, once they have.
    fn failure(&mut self, name: &str) -> Option<Diagnostic> {
        let failure = match self {
            FileDrafts::Text(drafts) => drafts.lines().checked.failure(),
            FileDrafts::Json { lines, .. } => lines.failure(),
        }?;
        Some(match failure {
            Failure::Bytes(diagnostic) => diagnostic,
            Failure::Io(e) => Diagnostic::error(name, 0, format!("cannot read: {e}")),
        })
    }
}
