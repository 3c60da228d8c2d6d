//! The plain-text corpus format.
//!
//! Articles follow one another; paragraphs are separated by blank lines (lines
//! that follow each other without a blank are one paragraph, as in hard-wrapped
//! text). An article is:
//!
//! ```text
//! Title
//!
//! Published by            (optional, with the publisher on the next line)
//! Publisher
//!
//! NUR-SULTAN -- First paragraph, optionally opened by a dateline.
//!
//! Short Line Read As A Sub-heading
//!
//! More paragraphs.
//!
//! Source: …               (a terminator: this,
//! Copyright (c) …          or this, or a paragraph ending
//!                          Continue reading “Title”)
//! ```
//!
//! The line after a terminator is the next title. A `Source:` or copyright
//! line right after a terminator belongs to the same article. When a new
//! article plainly starts without its predecessor's terminator (a short line
//! followed by `Published by` or by a dateline), we start it there, as a reader
//! would, and warn.

use std::borrow::Cow;
use std::collections::VecDeque;

use super::draft::Draft;
use super::meta;
use super::model::PublisherOrigin;
use super::source::{self, Line};
use super::Diagnostic;

/// Lines that follow each other without a blank between them. Terminators
/// and `Published by` lines always stand alone, as does the line after
/// `Published by` (the publisher's name).
struct Unit<'a> {
    lines: VecDeque<(usize, Cow<'a, str>)>,
}

fn is_special(line: &str) -> bool {
    meta::source_line(line).is_some() || meta::is_copyright_line(line) || meta::published_by(line).is_some()
}

fn units<'a>(lines: Vec<Line<'a>>) -> Vec<Unit<'a>> {
    let mut units: Vec<Unit<'a>> = Vec::new();
    let mut prev_special = true;
    for line in lines {
        let special = is_special(&line.text);
        match units.last_mut() {
            Some(unit) if !line.after_blank && !special && !prev_special => {
                unit.lines.push_back((line.number, line.text));
            }
            _ => units.push(Unit {
                lines: VecDeque::from([(line.number, line.text)]),
            }),
        }
        prev_special = special;
    }
    units
}

/// Reads units front to back; titles and publisher names take one line of a
/// unit, paragraphs take what is left of it.
struct Cursor<'a> {
    units: Vec<Unit<'a>>,
    at: usize,
}

impl<'a> Cursor<'a> {
    fn peek(&self) -> Option<(usize, &str)> {
        let (number, text) = self.units.get(self.at)?.lines.front()?;
        Some((*number, text))
    }

    fn take_line(&mut self) -> Option<(usize, Cow<'a, str>)> {
        let unit = self.units.get_mut(self.at)?;
        let line = unit.lines.pop_front();
        if unit.lines.is_empty() {
            self.at += 1;
        }
        line
    }

    /// The rest of the current unit as one paragraph: its first line number,
    /// the joined text, and whether it was a single line.
    fn take_paragraph(&mut self) -> Option<(usize, String, bool)> {
        let unit = self.units.get_mut(self.at)?;
        self.at += 1;
        let single = unit.lines.len() == 1;
        let first = unit.lines.front()?.0;
        let text = unit.lines.drain(..).map(|(_, t)| t).collect::<Vec<_>>().join(" ");
        Some((first, text, single))
    }

    /// Returns a paragraph just taken, for the next article to read.
    fn put_back(&mut self, line: usize, paragraph: String) {
        self.at -= 1;
        self.units[self.at].lines = VecDeque::from([(line, Cow::Owned(paragraph))]);
    }

    /// Skips to just after the next terminator, to recover from an error
    /// without reporting every following paragraph as a missing title.
    fn skip_past_terminator(&mut self) {
        while let Some((_, text, _)) = self.take_paragraph() {
            if meta::source_line(&text).is_some()
                || meta::is_copyright_line(&text)
                || meta::continue_reading(&text).is_some()
            {
                return;
            }
        }
    }
}

/// Parses one plain-text file into drafts, pushing warnings and errors.
pub fn parse(file: &str, text: &str, diagnostics: &mut Vec<Diagnostic>) -> Vec<Draft> {
    let mut cursor = Cursor {
        units: units(source::lines(text)),
        at: 0,
    };
    let mut drafts: Vec<Draft> = Vec::new();
    // A title carried over from an article that ran into the next one.
    let mut carried: Option<(String, usize)> = None;
    loop {
        let (line, title) = match carried.take() {
            Some((title, line)) => (line, Cow::Owned(title)),
            None => {
                let Some((line, text)) = cursor.peek() else {
                    break;
                };
                if let Some(problem) = title_problem(text) {
                    if !attach_end_line(drafts.last_mut(), text) {
                        diagnostics.push(Diagnostic::error(file, line, problem));
                        cursor.skip_past_terminator();
                    } else {
                        cursor.take_line();
                    }
                    continue;
                }
                let Some((line, title)) = cursor.take_line() else {
                    break;
                };
                (line, title)
            }
        };
        let mut draft = Draft::new(file, line, title);
        let ended = read_body(file, &mut cursor, &mut draft, &mut carried, diagnostics);
        if !ended && carried.is_none() {
            if draft.blocks.is_empty() && !draft.teaser {
                diagnostics.push(Diagnostic::warning(
                    file,
                    draft.line,
                    format!("article “{}” has no text", draft.title),
                ));
            } else {
                diagnostics.push(Diagnostic::warning(
                    file,
                    draft.line,
                    format!(
                        "article “{}” has no end line (`Source:`, `Copyright` or `Continue reading`); it ends at the end of the file",
                        draft.title
                    ),
                ));
            }
        }
        drafts.push(draft);
        // End lines right after a terminator belong to the same article.
        while let Some((_, text)) = cursor.peek() {
            if !attach_end_line(drafts.last_mut(), text) {
                break;
            }
            cursor.take_line();
        }
    }
    drafts
}

/// Why `line` cannot be a title, if it cannot.
fn title_problem(line: &str) -> Option<String> {
    if meta::source_line(line).is_some() || meta::is_copyright_line(line) {
        Some(format!(
            "article has no title: found “{}” where a title should be",
            shorten(line)
        ))
    } else if meta::published_by(line).is_some() {
        Some("article has no title: “Published by” must follow a title line".to_string())
    } else if line.chars().count() > meta::MAX_TITLE_CHARS {
        Some(format!(
            "article has no title: expected a title line after the previous article's end, found a paragraph of {} characters",
            line.chars().count()
        ))
    } else {
        None
    }
}

/// Puts a `Source:` or copyright line on `draft` if it has none yet.
fn attach_end_line(draft: Option<&mut Draft>, line: &str) -> bool {
    let Some(draft) = draft else { return false };
    if let Some(source) = meta::source_line(line) {
        if draft.source.is_none() {
            draft.source = Some(source.to_string());
            return true;
        }
    } else if meta::is_copyright_line(line) && draft.copyright.is_none() {
        draft.copyright = Some(line.to_string());
        return true;
    }
    false
}

/// Reads the publisher and body of `draft` up to its terminator; returns
/// whether one was found. When the next article starts before a terminator,
/// its title goes to `carried` and the draft ends there.
fn read_body<'a>(
    file: &str,
    cursor: &mut Cursor<'a>,
    draft: &mut Draft,
    carried: &mut Option<(String, usize)>,
    diagnostics: &mut Vec<Diagnostic>,
) -> bool {
    while let Some((line, text)) = cursor.peek() {
        if let Some(source) = meta::source_line(text) {
            draft.source = Some(source.to_string());
            cursor.take_line();
            return true;
        }
        if meta::is_copyright_line(text) {
            draft.copyright = Some(text.to_string());
            cursor.take_line();
            return true;
        }
        if let Some(name) = meta::published_by(text) {
            if draft.blocks.is_empty() && draft.publisher.is_none() {
                let name = name.to_string();
                cursor.take_line();
                read_publisher(file, line, name, cursor, draft, diagnostics);
                continue;
            }
            if let Some(title) = draft.pop_subheading() {
                warn_run_on(file, draft, &title, "it is followed by “Published by”", diagnostics);
                *carried = Some(title);
                return false;
            }
            diagnostics.push(Diagnostic::error(
                file,
                line,
                "“Published by” inside an article: it must follow a title line",
            ));
            cursor.take_line();
            continue;
        }
        let Some((line, paragraph, single)) = cursor.take_paragraph() else {
            break;
        };
        if draft.ends_with_subheading() && draft.has_paragraphs() && meta::dateline(&paragraph).is_some() {
            if let Some(title) = draft.pop_subheading() {
                warn_run_on(file, draft, &title, "it is followed by a dateline", diagnostics);
                cursor.put_back(line, paragraph);
                *carried = Some(title);
                return false;
            }
        }
        if draft.push_text(&paragraph, line, single) {
            return true;
        }
    }
    false
}

fn read_publisher(
    file: &str,
    line: usize,
    name: String,
    cursor: &mut Cursor<'_>,
    draft: &mut Draft,
    diagnostics: &mut Vec<Diagnostic>,
) {
    let name = if name.is_empty() {
        match cursor.peek() {
            Some((_, next)) if !is_special(next) && next.chars().count() <= meta::MAX_TITLE_CHARS => {
                cursor.take_line().map(|(_, t)| t.into_owned()).unwrap_or_default()
            }
            _ => String::new(),
        }
    } else {
        name
    };
    if name.is_empty() {
        diagnostics.push(Diagnostic::warning(
            file,
            line,
            "“Published by” is not followed by a name",
        ));
    } else {
        draft.publisher = Some((name, PublisherOrigin::PublishedBy));
    }
}

fn warn_run_on(file: &str, draft: &Draft, title: &(String, usize), why: &str, diagnostics: &mut Vec<Diagnostic>) {
    diagnostics.push(Diagnostic::warning(
        file,
        title.1,
        format!(
            "“{}” starts a new article ({why}), but the article before it, “{}” (line {}), has no end line (`Source:`, `Copyright` or `Continue reading`)",
            title.0, draft.title, draft.line
        ),
    ));
}

fn shorten(line: &str) -> Cow<'_, str> {
    match line.char_indices().nth(60) {
        Some((at, _)) => Cow::Owned(format!("{}…", &line[..at])),
        None => Cow::Borrowed(line),
    }
}
