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

/// The units of a file's lines, one at a time: a unit is done when the
/// line after it starts the next one.
struct Units<'a, I> {
    lines: I,
    /// The line after the last unit, and whether it is special.
    next: Option<(Line<'a>, bool)>,
}

impl<'a, I: Iterator<Item = Line<'a>>> Units<'a, I> {
    fn new(mut lines: I) -> Self {
        let next = lines.next().map(|line| {
            let special = is_special(&line.text);
            (line, special)
        });
        Units { lines, next }
    }
}

impl<'a, I: Iterator<Item = Line<'a>>> Iterator for Units<'a, I> {
    type Item = Unit<'a>;

    fn next(&mut self) -> Option<Unit<'a>> {
        let (first, mut prev_special) = self.next.take()?;
        let mut unit = Unit {
            lines: VecDeque::from([(first.number, first.text)]),
        };
        for line in self.lines.by_ref() {
            let special = is_special(&line.text);
            if line.after_blank || special || prev_special {
                self.next = Some((line, special));
                break;
            }
            unit.lines.push_back((line.number, line.text));
            prev_special = special;
        }
        Some(unit)
    }
}

/// Reads units front to back; titles and publisher names take one line of a
/// unit, paragraphs take what is left of it. Units are read as they are
/// needed, so a file is never held whole.
struct Cursor<'a, I> {
    units: Units<'a, I>,
    /// The unit being read (and one put back), in front.
    ahead: VecDeque<Unit<'a>>,
}

impl<'a, I: Iterator<Item = Line<'a>>> Cursor<'a, I> {
    fn new(lines: I) -> Self {
        Cursor {
            units: Units::new(lines),
            ahead: VecDeque::new(),
        }
    }

    fn front(&mut self) -> Option<&mut Unit<'a>> {
        if self.ahead.is_empty() {
            let unit = self.units.next()?;
            self.ahead.push_back(unit);
        }
        self.ahead.front_mut()
    }

    fn peek(&mut self) -> Option<(usize, &str)> {
        let (number, text) = self.front()?.lines.front()?;
        Some((*number, text))
    }

    fn take_line(&mut self) -> Option<(usize, Cow<'a, str>)> {
        let unit = self.front()?;
        let line = unit.lines.pop_front();
        if unit.lines.is_empty() {
            self.ahead.pop_front();
        }
        line
    }

    /// The rest of the current unit as one paragraph: its first line number,
    /// the joined text, and whether it was a single line.
    fn take_paragraph(&mut self) -> Option<(usize, String, bool)> {
        self.front()?;
        let unit = self.ahead.pop_front()?;
        let single = unit.lines.len() == 1;
        let first = unit.lines.front()?.0;
        let text = unit.lines.into_iter().map(|(_, t)| t).collect::<Vec<_>>().join(" ");
        Some((first, text, single))
    }

    /// Returns a paragraph just taken, for the next article to read.
    fn put_back(&mut self, line: usize, paragraph: String) {
        self.ahead.push_front(Unit {
            lines: VecDeque::from([(line, Cow::Owned(paragraph))]),
        });
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
    let mut drafts = Drafts::new(file, source::lines(text).into_iter());
    std::iter::from_fn(|| drafts.next(diagnostics)).collect()
}

/// The drafts of one file's lines, one at a time, as [`parse`] gives them
/// all: a file too large to hold is read as its drafts are asked for.
pub struct Drafts<'a, I> {
    file: String,
    cursor: Cursor<'a, I>,
    /// A title carried over from an article that ran into the next one.
    carried: Option<(String, usize)>,
    /// The last draft read: end lines after it may still belong to it, so
    /// it is given out once the next begins.
    last: Option<Draft>,
}

impl<'a, I: Iterator<Item = Line<'a>>> Drafts<'a, I> {
    pub fn new(file: &str, lines: I) -> Self {
        Drafts {
            file: file.to_string(),
            cursor: Cursor::new(lines),
            carried: None,
            last: None,
        }
    }

    /// The lines read from, for why they ended.
    pub fn lines(&mut self) -> &mut I {
        &mut self.cursor.units.lines
    }

    /// The next draft, pushing the warnings and errors met on the way.
    pub fn next(&mut self, diagnostics: &mut Vec<Diagnostic>) -> Option<Draft> {
        let file = self.file.as_str();
        let cursor = &mut self.cursor;
        loop {
            let (line, title) = match self.carried.take() {
                Some((title, line)) => (line, Cow::Owned(title)),
                None => {
                    let Some((line, text)) = cursor.peek() else {
                        return self.last.take();
                    };
                    if let Some(problem) = title_problem(text) {
                        if !attach_end_line(self.last.as_mut(), text) {
                            diagnostics.push(Diagnostic::error(file, line, problem));
                            cursor.skip_past_terminator();
                        } else {
                            cursor.take_line();
                        }
                        continue;
                    }
                    let Some((line, title)) = cursor.take_line() else {
                        return self.last.take();
                    };
                    (line, title)
                }
            };
            let mut draft = Draft::new(file, line, title);
            let ended = read_body(file, cursor, &mut draft, &mut self.carried, diagnostics);
            if !ended && self.carried.is_none() {
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
            // End lines right after a terminator belong to the same article.
            while let Some((_, text)) = cursor.peek() {
                if !attach_end_line(Some(&mut draft), text) {
                    break;
                }
                cursor.take_line();
            }
            if let Some(done) = self.last.replace(draft) {
                return Some(done);
            }
        }
    }
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
fn read_body<'a, I: Iterator<Item = Line<'a>>>(
    file: &str,
    cursor: &mut Cursor<'a, I>,
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

fn read_publisher<'a, I: Iterator<Item = Line<'a>>>(
    file: &str,
    line: usize,
    name: String,
    cursor: &mut Cursor<'a, I>,
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
