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
    let mut after_blank = true;
    // `\r\n`, `\n` and a lone `\r` (old Mac files) all end a line.
    let mut number = 0;
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
        number += 1;
        let cleaned = clean(raw);
        if cleaned.is_empty() {
            after_blank = true;
        } else {
            out.push(Line {
                number,
                text: cleaned,
                after_blank,
            });
            after_blank = false;
        }
    }
    out
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
