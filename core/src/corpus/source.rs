//! Turning the bytes of a corpus file into clean lines.
//!
//! Real files arrive with a byte-order mark, CRLF or lone CR line ends, tabs,
//! non-breaking and doubled spaces and trailing blanks. All of that is noise
//! to a reader, so it is cleaned here once and the parsers see tidy lines with
//! their original line numbers.

use std::borrow::Cow;

use super::Diagnostic;

/// One non-blank line of a source file, cleaned: inner runs of whitespace are
/// one space, and there is none at either end.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Line<'a> {
    /// 1-based line number in the file.
    pub number: usize,
    pub text: Cow<'a, str>,
    /// Whether a blank line (or the start of the file) comes right before it.
    pub after_blank: bool,
}

/// Checks that `bytes` are UTF-8 text and returns it without a byte-order
/// mark. Errors name the line and byte offset of the first bad byte.
pub fn decode<'a>(file: &str, bytes: &'a [u8]) -> Result<&'a str, Diagnostic> {
    let line_of = |offset: usize| 1 + bytes[..offset].iter().filter(|&&b| b == b'\n').count();
    if let Some(offset) = bytes.iter().position(|&b| b == 0) {
        return Err(Diagnostic::error(
            file,
            line_of(offset),
            format!("not a text file: NUL byte at byte offset {offset}"),
        ));
    }
    let text = std::str::from_utf8(bytes).map_err(|e| {
        let offset = e.valid_up_to();
        Diagnostic::error(
            file,
            line_of(offset),
            format!(
                "invalid UTF-8 at byte offset {offset} (byte 0x{:02X}); save the file as UTF-8",
                bytes[offset]
            ),
        )
    })?;
    Ok(text.strip_prefix('\u{feff}').unwrap_or(text))
}

/// The non-blank lines of `text`, cleaned, with their numbers.
pub fn lines(text: &str) -> Vec<Line<'_>> {
    let mut out = Vec::new();
    Splitter::default().split(text, |line| out.push(line));
    out
}

/// Cuts text into clean lines a piece at a time, numbering them across
/// pieces: a file read a line at a time gets the same lines, numbers and
/// blanks as the whole of it would from [`lines`], as long as each piece
/// but the last ends with `\n` (so no `\r\n` is cut in two).
pub struct Splitter {
    number: usize,
    after_blank: bool,
}

impl Default for Splitter {
    fn default() -> Self {
        Splitter {
            number: 0,
            after_blank: true,
        }
    }
}

impl Splitter {
    pub fn split<'a>(&mut self, text: &'a str, mut out: impl FnMut(Line<'a>)) {
        // `\r\n`, `\n` and a lone `\r` (old Mac files) all end a line.
        let mut rest = text;
        while !rest.is_empty() {
            let end = rest
                .bytes()
                .position(|b| b == b'\n' || b == b'\r')
                .unwrap_or(rest.len());
            let raw = &rest[..end];
            rest = &rest[end..];
            rest = rest
                .strip_prefix("\r\n")
                .or_else(|| rest.strip_prefix('\n'))
                .or_else(|| rest.strip_prefix('\r'))
                .unwrap_or(rest);
            self.number += 1;
            let cleaned = clean(raw);
            if cleaned.is_empty() {
                self.after_blank = true;
            } else {
                out(Line {
                    number: self.number,
                    text: cleaned,
                    after_blank: self.after_blank,
                });
                self.after_blank = false;
            }
        }
    }
}

/// A corpus file read a line at a time with the checks [`decode`] makes of
/// a whole one, and the same errors: a NUL byte anywhere wins over bad
/// UTF-8 earlier (so the file is read to its end for one), and each names
/// the first bad byte's offset and line. A line ends at `\n`: that byte is
/// never inside a UTF-8 sequence, so a line is valid exactly when its part
/// of the whole file is.
pub struct Checked<R> {
    name: String,
    reader: R,
    /// Bytes and `\n`s read so far.
    offset: usize,
    newlines: usize,
    line: Vec<u8>,
    /// Bad UTF-8 seen, with the line it is on: the error unless a NUL follows.
    invalid: Option<Diagnostic>,
    failed: Option<Failure>,
    ended: bool,
}

/// Why a file read a line at a time stopped before its end.
#[derive(Debug)]
pub enum Failure {
    /// Bytes that are not text ([`decode`]'s error).
    Bytes(Diagnostic),
    Io(std::io::Error),
}

impl<R: std::io::BufRead> Checked<R> {
    pub fn new(name: &str, reader: R) -> Self {
        Checked {
            name: name.to_string(),
            reader,
            offset: 0,
            newlines: 0,
            line: Vec::new(),
            invalid: None,
            failed: None,
            ended: false,
        }
    }

    /// The next line of text with its `\n` (none on a last line without
    /// one), the byte-order mark gone; `None` at the end or at the first
    /// bad byte, for which see [`Checked::failure`].
    pub fn next_line(&mut self) -> Option<&str> {
        loop {
            if self.ended {
                return None;
            }
            self.line.clear();
            let start = self.offset;
            match self.reader.read_until(b'\n', &mut self.line) {
                Ok(0) => {
                    self.failed = self.invalid.take().map(Failure::Bytes);
                    self.ended = true;
                    return None;
                }
                Ok(read) => self.offset += read,
                Err(e) => {
                    self.failed = Some(Failure::Io(e));
                    self.ended = true;
                    return None;
                }
            }
            let line_of = |newlines: usize, bytes: &[u8]| 1 + newlines + bytes.iter().filter(|&&b| b == b'\n').count();
            if let Some(at) = self.line.iter().position(|&b| b == 0) {
                self.failed = Some(Failure::Bytes(Diagnostic::error(
                    &self.name,
                    line_of(self.newlines, &self.line[..at]),
                    format!("not a text file: NUL byte at byte offset {}", start + at),
                )));
                self.ended = true;
                return None;
            }
            if self.invalid.is_none() {
                if let Err(e) = std::str::from_utf8(&self.line) {
                    let at = e.valid_up_to();
                    self.invalid = Some(Diagnostic::error(
                        &self.name,
                        line_of(self.newlines, &self.line[..at]),
                        format!(
                            "invalid UTF-8 at byte offset {} (byte 0x{:02X}); save the file as UTF-8",
                            start + at,
                            self.line[at]
                        ),
                    ));
                }
            }
            self.newlines += usize::from(self.line.last() == Some(&b'\n'));
            if self.invalid.is_none() {
                // Checked just above.
                let text = std::str::from_utf8(&self.line).unwrap_or_default();
                return Some(if start == 0 {
                    text.strip_prefix('\u{feff}').unwrap_or(text)
                } else {
                    text
                });
            }
            // Past bad UTF-8, only a NUL can change the error: read on.
        }
    }

    /// Why reading stopped early, once [`Checked::next_line`] gave `None`.
    pub fn failure(&mut self) -> Option<Failure> {
        self.failed.take()
    }
}

/// The clean lines of a file read a line at a time ([`Checked`]), as
/// [`lines`] gives those of a whole one.
pub struct CheckedLines<R> {
    pub checked: Checked<R>,
    splitter: Splitter,
    ahead: std::collections::VecDeque<Line<'static>>,
}

impl<R: std::io::BufRead> CheckedLines<R> {
    pub fn new(checked: Checked<R>) -> Self {
        CheckedLines {
            checked,
            splitter: Splitter::default(),
            ahead: std::collections::VecDeque::new(),
        }
    }
}

impl<R: std::io::BufRead> Iterator for CheckedLines<R> {
    type Item = Line<'static>;

    fn next(&mut self) -> Option<Line<'static>> {
        while self.ahead.is_empty() {
            let text = self.checked.next_line()?;
            let ahead = &mut self.ahead;
            self.splitter.split(text, |line| {
                ahead.push_back(Line {
                    text: Cow::Owned(line.text.into_owned()),
                    ..line
                })
            });
        }
        self.ahead.pop_front()
    }
}

/// Whitespace that separates words, including the invisible kinds that
/// scraped text is full of.
fn is_space(c: char) -> bool {
    c.is_whitespace() || matches!(c, '\u{200b}' | '\u{feff}')
}

/// Collapses runs of whitespace to one space and trims; borrows when the line
/// is already clean, which it almost always is.
pub fn clean(raw: &str) -> Cow<'_, str> {
    let trimmed = raw.trim_matches(is_space);
    if is_tidy(trimmed) {
        return Cow::Borrowed(trimmed);
    }
    let mut out = String::with_capacity(trimmed.len());
    for word in trimmed.split(is_space).filter(|w| !w.is_empty()) {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    Cow::Owned(out)
}

/// No whitespace but single spaces. Checks bytes, decoding only the
/// characters whose first byte may start a non-ASCII space.
fn is_tidy(text: &str) -> bool {
    let bytes = text.as_bytes();
    let mut prev_space = false;
    let mut at = 0;
    while at < bytes.len() {
        let byte = bytes[at];
        if byte == b' ' {
            if prev_space {
                return false;
            }
            prev_space = true;
            at += 1;
            continue;
        }
        prev_space = false;
        if byte < 0x80 {
            if byte.is_ascii_whitespace() || byte == 0x0b {
                return false;
            }
            at += 1;
        } else if matches!(byte, 0xc2 | 0xe1 | 0xe2 | 0xe3 | 0xef) {
            // U+0085, U+00A0, U+1680, U+2000.., U+3000, U+FEFF start with these.
            let c = text[at..].chars().next().unwrap_or(' ');
            if is_space(c) {
                return false;
            }
            at += c.len_utf8();
        } else {
            at += 1;
        }
    }
    true
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cleans_messy_lines() {
        let text = "\u{feff}Title \t \r\n\r\n\tBody  with\u{a0}spaces\rnext\n\n\n";
        let text = decode("f.txt", text.as_bytes()).unwrap();
        let got: Vec<(usize, String, bool)> = lines(text)
            .into_iter()
            .map(|l| (l.number, l.text.into_owned(), l.after_blank))
            .collect();
        assert_eq!(
            got,
            vec![
                (1, "Title".to_string(), true),
                (3, "Body with spaces".to_string(), true),
                (4, "next".to_string(), false)
            ]
        );
        // no final newline
        assert_eq!(lines("a\n\nb").len(), 2);
    }

    #[test]
    fn reports_bad_bytes_with_line_and_offset() {
        let err = decode("bad.txt", b"ok\nstill ok\nbad \xff here").unwrap_err();
        assert_eq!(
            err.to_string(),
            "bad.txt:3: error: invalid UTF-8 at byte offset 16 (byte 0xFF); save the file as UTF-8"
        );
        let err = decode("img.png", b"\x89PNG\r\n\x1a\n\0\0").unwrap_err();
        assert_eq!(
            err.to_string(),
            "img.png:3: error: not a text file: NUL byte at byte offset 8"
        );
    }
}
