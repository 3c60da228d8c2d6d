//! The corpus as the app receives it: parsed at build time by `build.rs`,
//! written in this compact binary form, and decoded in the browser.
//!
//! Decoding copies a few short strings and borrows the body text straight
//! from the bundle (which the app holds for its whole life), so it is many
//! times faster than parsing again, keeps one copy of the corpus in memory,
//! and keeps the parser (and `serde_json`) out of the app's wasm. Excerpts
//! are recomputed, file names are a table, places are gazetteer positions.
//! The format is private to one build: the app and the build script always
//! come from the same source, so it has no versioning beyond a magic line
//! that catches a stale or foreign file. A checksum closes it, so a damaged
//! file (a bad disk, a proxy that rewrote bytes) is an error rather than a
//! corpus with a wrong word in it.

use std::borrow::Cow;
use std::fmt;

use super::date::{Certainty, Date};
use super::model::{excerpt, Article, Block, BlockKind, Link, Photo, PublisherOrigin};
use super::places;
use crate::varint::{self, Malformed};

pub(crate) const MAGIC: &[u8] = b"folio-bundle-5\n";

/// Why a bundle could not be read. Past a good checksum only a faulty
/// encoder could write what the variants after `Damaged` describe; they are
/// errors all the same, never panics.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum BundleError {
    /// No magic line: a foreign file, or one of another format.
    NotABundle,
    /// The checksum does not match the bytes.
    Damaged,
    EndsEarly,
    NumberTooLarge,
    BadText(std::str::Utf8Error),
    TooManyArticles,
    ListTooLong,
    YearOutOfRange,
    InvalidDate,
    UnknownPlace(usize),
    UnknownPublisherOrigin(u8),
    UnknownDateCertainty(u8),
    UnknownBlockKind(u8),
    UnknownFile(usize),
    TrailingBytes,
}

impl fmt::Display for BundleError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            BundleError::NotABundle => write!(f, "not a folio corpus bundle"),
            BundleError::Damaged => write!(f, "the bundle is damaged: its checksum does not match"),
            BundleError::EndsEarly => write!(f, "the bundle ends early"),
            BundleError::NumberTooLarge => write!(f, "number too large"),
            BundleError::BadText(e) => write!(f, "bad text: {e}"),
            BundleError::TooManyArticles => write!(f, "article count larger than the bundle"),
            BundleError::ListTooLong => write!(f, "list longer than the bundle"),
            BundleError::YearOutOfRange => write!(f, "year out of range"),
            BundleError::InvalidDate => write!(f, "invalid date"),
            BundleError::UnknownPlace(id) => write!(f, "unknown place {id}"),
            BundleError::UnknownPublisherOrigin(code) => write!(f, "unknown publisher origin {code}"),
            BundleError::UnknownDateCertainty(code) => write!(f, "unknown date certainty {code}"),
            BundleError::UnknownBlockKind(code) => write!(f, "unknown block kind {code}"),
            BundleError::UnknownFile(id) => write!(f, "unknown file {id}"),
            BundleError::TrailingBytes => write!(f, "trailing bytes after the last article"),
        }
    }
}

impl std::error::Error for BundleError {}

/// The browser benchmark reports a load error as text, with `?` (the app
/// keeps the error as it is and shows it).
impl From<BundleError> for String {
    fn from(error: BundleError) -> String {
        error.to_string()
    }
}

/// Writes `articles` in the bundle format.
pub fn encode(articles: &[Article]) -> Vec<u8> {
    let mut out = Writer(Vec::new());
    let mut files: Vec<&str> = articles.iter().map(|a| a.file.as_str()).collect();
    files.dedup();
    out.list(&files, |out, f| out.text(f));
    out.number(articles.len());
    for a in articles {
        out.text(&a.slug);
        out.text(&a.title);
        out.optional(a.publisher.as_deref());
        out.byte(a.publisher_origin.map_or(0, |o| o as u8));
        out.optional(a.source.as_deref());
        out.optional(a.copyright.as_deref());
        out.byte(u8::from(a.teaser));
        out.optional(a.continue_reading.as_deref());
        out.optional(a.url.as_deref());
        out.optional(a.dateline.as_deref());
        out.date(a.date);
        out.byte(a.date_certainty.map_or(0, |c| c as u8));
        let place =
            |out: &mut Writer, name: &&str| out.number(places::name_id(name).map_or(usize::MAX >> 8, usize::from));
        out.list(&a.countries, place);
        out.list(&a.places, place);
        out.list(&a.people, |out, name| out.text(name));
        out.list(&a.related, |out, link| {
            out.text(&link.slug);
            out.text(&link.title);
        });
        out.list(&a.blocks, |out, b| {
            out.byte(b.kind as u8);
            out.text(&b.text);
        });
        out.list(&a.photos, |out, p| {
            out.optional(p.caption.as_deref());
            out.text(&p.credit);
            out.number(p.block);
            out.number(p.offset);
        });
        out.number(a.words);
        out.number(a.reading_minutes);
        out.number(files.iter().position(|f| *f == a.file).unwrap_or(0));
        out.number(a.line);
    }
    seal(&out.0)
}

/// A bundle of the given body: the magic line, the body, the checksum of
/// both. `encode` writes its body this way; the fuzz target wraps any bytes
/// in it so the reader behind the checksum is fuzzed too.
pub fn seal(body: &[u8]) -> Vec<u8> {
    let mut bytes = [MAGIC, body].concat();
    let sum = checksum(&bytes);
    bytes.extend_from_slice(&sum.to_le_bytes());
    bytes
}

/// A 64-bit checksum, eight bytes per step: `(state ^ word) * K`, rotated.
/// Each step is a bijection of the word (and of the state), so damage
/// within one 8-byte word, such as any single changed byte, always changes
/// the sum; other damage goes unseen with odds of about 2^-64. One multiply
/// per word keeps it to a few milliseconds for 10,000 articles, with no
/// dependency and the same result on every target (unlike a `usize` hasher).
pub(crate) fn checksum(bytes: &[u8]) -> u64 {
    // An odd constant (2^64 divided by the golden ratio): multiplying by it is a bijection.
    const K: u64 = 0x9e37_79b9_7f4a_7c15;
    let step = |state: u64, word: [u8; 8]| (state ^ u64::from_le_bytes(word)).wrapping_mul(K).rotate_left(29);
    let (words, tail) = bytes.as_chunks::<8>();
    let mut last = [0u8; 8];
    last[..tail.len()].copy_from_slice(tail);
    let state = words.iter().fold(bytes.len() as u64, |state, &word| step(state, word));
    step(state, last)
}

/// Reads the app's bundle, borrowing the body text from it.
pub fn decode_static(bytes: &'static [u8]) -> Result<Vec<Article>, BundleError> {
    decode_with(bytes, Cow::Borrowed)
}

/// Reads a bundle, copying everything out of it.
pub fn decode(bytes: &[u8]) -> Result<Vec<Article>, BundleError> {
    decode_with(bytes, |text| Cow::Owned(text.to_string()))
}

/// The body [`seal`] closed, once its magic line and checksum are checked.
pub(crate) fn unseal(bytes: &[u8]) -> Result<&[u8], BundleError> {
    if !bytes.starts_with(MAGIC) {
        return Err(BundleError::NotABundle);
    }
    let (content, sum) = bytes
        .split_last_chunk::<8>()
        .filter(|(content, _)| content.len() >= MAGIC.len())
        .ok_or(BundleError::Damaged)?;
    if checksum(content) != u64::from_le_bytes(*sum) {
        return Err(BundleError::Damaged);
    }
    Ok(&content[MAGIC.len()..])
}

/// A damaged or foreign buffer gives an error, never a panic.
#[allow(
    clippy::field_reassign_with_default,
    reason = "one value to drop on failure: see the loop"
)]
fn decode_with<'a>(bytes: &'a [u8], body: impl Fn(&'a str) -> Cow<'static, str>) -> Result<Vec<Article>, BundleError> {
    let rest = unseal(bytes)?;
    let mut r = Reader { bytes: rest, at: 0 };
    let files = r.list(|r| r.str().map(str::to_string))?;
    let count = r.number()?;
    // Each article takes at least a few bytes: a count larger than the buffer is damage.
    if count > rest.len() {
        return Err(BundleError::TooManyArticles);
    }
    let mut articles = Vec::with_capacity(count);
    for _ in 0..count {
        // Field by field into one value, not a struct literal after twenty
        // fallible reads: each read's failure there drops what was read
        // before it, and the engine's wasm held a cleanup for each (0.1 KB
        // gzipped); here every failure drops the one article.
        let mut a = Article::default();
        a.slug = r.text()?;
        a.title = r.text()?;
        a.publisher = r.optional()?;
        a.publisher_origin = match r.byte()? {
            0 => None,
            code => {
                Some(coded(&PublisherOrigin::ALL, |o| o as u8, code).ok_or(BundleError::UnknownPublisherOrigin(code))?)
            }
        };
        a.source = r.optional()?;
        a.copyright = r.optional()?;
        a.teaser = r.byte()? != 0;
        a.continue_reading = r.optional()?;
        a.url = r.optional()?;
        a.dateline = r.optional()?;
        a.date = r.date()?;
        a.date_certainty = match r.byte()? {
            0 => None,
            code => Some(coded(&Certainty::ALL, |c| c as u8, code).ok_or(BundleError::UnknownDateCertainty(code))?),
        };
        let place = |r: &mut Reader<'a>| {
            let id = r.number()?;
            u16::try_from(id)
                .ok()
                .and_then(places::name)
                .ok_or(BundleError::UnknownPlace(id))
        };
        a.countries = r.list(place)?;
        a.places = r.list(place)?;
        a.people = r.list(Reader::text)?;
        a.related = r.list(|r| {
            Ok(Link {
                slug: r.text()?,
                title: r.text()?,
            })
        })?;
        a.blocks = r.list(|r| {
            let code = r.byte()?;
            let kind = coded(&BlockKind::ALL, |k| k as u8, code).ok_or(BundleError::UnknownBlockKind(code))?;
            Ok(Block {
                kind,
                text: body(r.str()?),
            })
        })?;
        a.photos = r.list(|r| {
            Ok(Photo {
                caption: r.optional()?,
                credit: r.text()?,
                block: r.number()?,
                offset: r.number()?,
            })
        })?;
        a.excerpt = excerpt(
            a.blocks
                .iter()
                .filter(|b| b.kind == BlockKind::Paragraph)
                .map(|b| b.text.as_ref()),
        );
        a.words = r.number()?;
        a.reading_minutes = r.number()?;
        let id = r.number()?;
        a.file = files.get(id).ok_or(BundleError::UnknownFile(id))?.clone();
        a.line = r.number()?;
        articles.push(a);
    }
    if r.at != r.bytes.len() {
        return Err(BundleError::TrailingBytes);
    }
    Ok(articles)
}

/// The variant of `all` whose `#[repr(u8)]` code (given by `code_of`) is `code`.
fn coded<T: Copy>(all: &[T], code_of: impl Fn(T) -> u8, code: u8) -> Option<T> {
    all.iter().copied().find(|&variant| code_of(variant) == code)
}

/// Writes numbers, text and lists as the bundle does; the split index's
/// files use it too.
pub(crate) struct Writer(pub Vec<u8>);

impl Writer {
    pub(crate) fn byte(&mut self, b: u8) {
        self.0.push(b);
    }

    pub(crate) fn number(&mut self, n: usize) {
        varint::push(&mut self.0, n as u64);
    }

    pub(crate) fn text(&mut self, s: &str) {
        self.number(s.len());
        self.0.extend_from_slice(s.as_bytes());
    }

    pub(crate) fn optional(&mut self, s: Option<&str>) {
        match s {
            Some(s) => {
                self.byte(1);
                self.text(s);
            }
            None => self.byte(0),
        }
    }

    /// A date, or none: its year plus one (zero is none), month and day.
    pub(crate) fn date(&mut self, date: Option<Date>) {
        match date {
            Some(date) => {
                self.number(date.year.max(0) as usize + 1);
                self.byte(date.month);
                self.byte(date.day);
            }
            None => self.number(0),
        }
    }

    pub(crate) fn list<T>(&mut self, items: &[T], mut write: impl FnMut(&mut Self, &T)) {
        self.number(items.len());
        for item in items {
            write(self, item);
        }
    }
}

/// Reads what [`Writer`] wrote; damage is an error, never a panic.
pub(crate) struct Reader<'a> {
    bytes: &'a [u8],
    at: usize,
}

impl<'a> Reader<'a> {
    pub(crate) fn new(bytes: &'a [u8]) -> Self {
        Reader { bytes, at: 0 }
    }

    /// Whether every byte has been read.
    pub(crate) fn done(&self) -> bool {
        self.at == self.bytes.len()
    }

    /// Every byte not read yet.
    pub(crate) fn rest(&mut self) -> &'a [u8] {
        let rest = &self.bytes[self.at..];
        self.at = self.bytes.len();
        rest
    }

    /// The next `len` bytes.
    pub(crate) fn bytes(&mut self, len: usize) -> Result<&'a [u8], BundleError> {
        let end = self
            .at
            .checked_add(len)
            .filter(|&e| e <= self.bytes.len())
            .ok_or(BundleError::EndsEarly)?;
        let bytes = &self.bytes[self.at..end];
        self.at = end;
        Ok(bytes)
    }

    pub(crate) fn byte(&mut self) -> Result<u8, BundleError> {
        let b = *self.bytes.get(self.at).ok_or(BundleError::EndsEarly)?;
        self.at += 1;
        Ok(b)
    }

    pub(crate) fn number(&mut self) -> Result<usize, BundleError> {
        match varint::read_strict(self.bytes, &mut self.at) {
            Ok(n) => usize::try_from(n).map_err(|_| BundleError::NumberTooLarge),
            Err(Malformed::Truncated) => Err(BundleError::EndsEarly),
            Err(Malformed::TooLarge) => Err(BundleError::NumberTooLarge),
        }
    }

    /// A string, borrowed from the bundle.
    pub(crate) fn str(&mut self) -> Result<&'a str, BundleError> {
        let len = self.number()?;
        let end = self
            .at
            .checked_add(len)
            .filter(|&e| e <= self.bytes.len())
            .ok_or(BundleError::EndsEarly)?;
        let s = std::str::from_utf8(&self.bytes[self.at..end]).map_err(BundleError::BadText)?;
        self.at = end;
        Ok(s)
    }

    pub(crate) fn text(&mut self) -> Result<String, BundleError> {
        self.str().map(str::to_string)
    }

    pub(crate) fn optional(&mut self) -> Result<Option<String>, BundleError> {
        match self.byte()? {
            0 => Ok(None),
            _ => self.text().map(Some),
        }
    }

    /// What [`Writer::date`] wrote.
    pub(crate) fn date(&mut self) -> Result<Option<Date>, BundleError> {
        match self.number()? {
            0 => Ok(None),
            year => {
                let (month, day) = (self.byte()?, self.byte()?);
                let year = i32::try_from(year - 1).map_err(|_| BundleError::YearOutOfRange)?;
                Ok(Some(Date::new(year, month, day).ok_or(BundleError::InvalidDate)?))
            }
        }
    }

    pub(crate) fn list<T>(
        &mut self,
        mut read: impl FnMut(&mut Self) -> Result<T, BundleError>,
    ) -> Result<Vec<T>, BundleError> {
        let count = self.number()?;
        if count > self.bytes.len() - self.at {
            return Err(BundleError::ListTooLong);
        }
        // A loop, not `collect` into a `Result`: that compiles a copy of
        // std's `GenericShunt` per list read (2.3 KB gzipped of the
        // worker's wasm).
        let mut items = Vec::with_capacity(count);
        for _ in 0..count {
            items.push(read(self)?);
        }
        Ok(items)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bad_content_under_a_good_checksum_is_still_an_error() {
        // No files, no articles.
        assert_eq!(encode(&[]), seal(&[0, 0]));
        assert_eq!(decode(&seal(&[0, 0])), Ok(Vec::new()));
        assert_eq!(decode(&seal(&[0, 0, 0])), Err(BundleError::TrailingBytes));
        assert_eq!(decode(&seal(&[0, 0xff, 0xff, 0x03])), Err(BundleError::TooManyArticles));
        assert_eq!(decode(&seal(&[0])), Err(BundleError::EndsEarly));
    }

    #[test]
    fn the_checksum_sees_every_byte_and_the_length() {
        let bytes: Vec<u8> = (0..37u8).collect();
        let sum = checksum(&bytes);
        for i in 0..bytes.len() {
            for flip in [0x01, 0x80, 0xff] {
                let mut damaged = bytes.clone();
                damaged[i] ^= flip;
                assert_ne!(checksum(&damaged), sum, "byte {i} ^ {flip:#x}");
            }
        }
        assert_ne!(checksum(&bytes[..36]), sum);
        assert_ne!(checksum(&[bytes.as_slice(), &[0]].concat()), sum);
        assert_ne!(checksum(&[]), checksum(&[0]));
    }
}
