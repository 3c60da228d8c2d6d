//! What an article is, once parsed. Plain data: no parsing logic lives here.

use std::borrow::Cow;

use serde::Serialize;

use super::date::{Certainty, Date};
use super::source::clean;

/// One article of the corpus.
///
/// Serialised as-is by `folio dump --json`; the field names are a promise to
/// the tools that read that output (see the README), so rename nothing.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct Article {
    /// Unique, readable, ASCII, derived from the title; stable for a given corpus.
    pub slug: String,
    pub title: String,
    /// From `Published by` / name, else the copyright holder, else the source.
    pub publisher: Option<String>,
    /// Where [`Article::publisher`] was found; `None` exactly when there is none.
    pub publisher_origin: Option<PublisherOrigin>,
    /// The text after `Source:`.
    pub source: Option<String>,
    /// The whole `Copyright (c) …` line.
    pub copyright: Option<String>,
    /// True when the article is only an excerpt ending `Continue reading “…”`.
    pub teaser: bool,
    /// The title named by `Continue reading “…”`, kept out of the body text.
    pub continue_reading: Option<String>,
    /// Where the full text lives, when the corpus says (JSON Lines `url`).
    pub url: Option<String>,
    /// The place in capitals opening the first paragraph (`NUR-SULTAN --`).
    pub dateline: Option<String>,
    /// The date the article is about, in ISO 8601.
    #[serde(serialize_with = "serialize_date")]
    pub date: Option<Date>,
    /// How sure [`Article::date`] is; `None` exactly when there is no date.
    pub date_certainty: Option<Certainty>,
    /// Countries mentioned by name, demonym or place, most mentioned first.
    pub countries: Vec<&'static str>,
    /// Places of Central Asia and its neighbours mentioned, most mentioned first.
    pub places: Vec<&'static str>,
    /// People named, each under the spelling the archive writes most, most
    /// mentioned first (see [`super::people`]).
    pub people: Vec<String>,
    /// What to read next, best first: worked out from the whole archive
    /// as it is indexed (see [`crate::related`]), empty until then, and so
    /// not in `folio dump`, which shows the corpus as parsed.
    #[serde(skip)]
    pub related: Vec<Link>,
    /// The body: paragraphs and sub-headings in reading order.
    pub blocks: Vec<Block>,
    /// Photo captions and credits found inside paragraphs: not body text, not lost.
    pub photos: Vec<Photo>,
    /// A plain-text excerpt of the opening paragraph(s).
    pub excerpt: String,
    /// Words in the title and body.
    pub words: usize,
    /// Minutes to read the body at [`WORDS_PER_MINUTE`], at least 1.
    pub reading_minutes: usize,
    /// The file the article comes from.
    pub file: String,
    /// The 1-based line of its title in that file.
    pub line: usize,
}

/// Another article, as a link names it.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Link {
    pub slug: String,
    pub title: String,
}

/// Average adult silent reading speed for non-fiction (Brysbaert, 2019).
pub const WORDS_PER_MINUTE: usize = 238;

/// Where an article's publisher was read from.
/// The codes are the bundle's (0 is none).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
#[repr(u8)]
pub enum PublisherOrigin {
    /// A `Published by` line followed by the name.
    PublishedBy = 1,
    /// The holder named in the copyright line (`RFE/RL`).
    Copyright = 2,
    /// The `Source:` line, for articles that name no other publisher.
    Source = 3,
    /// The `publisher` field of a JSON Lines record.
    Given = 4,
}

impl PublisherOrigin {
    pub const ALL: [PublisherOrigin; 4] = [Self::PublishedBy, Self::Copyright, Self::Source, Self::Given];
}

/// A paragraph or a sub-heading of an article body.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Block {
    pub kind: BlockKind,
    /// Borrowed from the app's bundle, which lives as long as the app; owned
    /// when parsed. Body text is most of a corpus: not copying it keeps the
    /// browser's memory to one copy of the corpus.
    pub text: Cow<'static, str>,
}

/// The codes are the bundle's.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
#[repr(u8)]
pub enum BlockKind {
    Paragraph = 0,
    Subheading = 1,
}

impl BlockKind {
    pub const ALL: [BlockKind; 2] = [Self::Paragraph, Self::Subheading];
}

/// A photo caption and credit that a scraper left inside a paragraph.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Photo {
    /// The caption sentence(s) before the credit, when the paragraph opens with one.
    pub caption: Option<String>,
    /// `Photo credits: … (Wikimedia Commons CC BY 3.0)`, as written.
    pub credit: String,
    /// The index in [`Article::blocks`] of the paragraph it was found in
    /// (`blocks.len()` for a paragraph that held nothing else).
    pub block: usize,
    /// The byte offset in that paragraph's text where it stood.
    pub offset: usize,
}

impl Photo {
    /// Caption and credit as they were written.
    pub fn text(&self) -> String {
        match &self.caption {
            Some(caption) => format!("{caption} {}", self.credit),
            None => self.credit.clone(),
        }
    }
}

impl Block {
    pub fn paragraph(text: impl Into<String>) -> Self {
        Block {
            kind: BlockKind::Paragraph,
            text: Cow::Owned(text.into()),
        }
    }

    pub fn subheading(text: impl Into<String>) -> Self {
        Block {
            kind: BlockKind::Subheading,
            text: Cow::Owned(text.into()),
        }
    }
}

impl Article {
    /// A link to this article.
    pub fn link(&self) -> Link {
        Link {
            slug: self.slug.clone(),
            title: self.title.clone(),
        }
    }

    /// The paragraphs of the body, without sub-headings.
    pub fn paragraphs(&self) -> impl Iterator<Item = &str> {
        self.blocks
            .iter()
            .filter(|b| b.kind == BlockKind::Paragraph)
            .map(|b| b.text.as_ref())
    }

    /// The article in the plain-text corpus format, one entry per line (blank
    /// lines omitted). Parsing a text file and writing its articles back gives
    /// the same words in the same order; `folio dump --text` uses it to turn
    /// JSON Lines or messy files into clean corpus text.
    pub fn to_text_lines(&self) -> Vec<String> {
        let mut lines = vec![self.title.clone()];
        if let Some(publisher) = self.published_by() {
            lines.push("Published by".into());
            lines.push(publisher.into());
        }
        let mut body = Vec::new();
        for i in 0..=self.blocks.len() {
            let mut line = String::new();
            if i == 0 {
                if let Some(dateline) = &self.dateline {
                    line.push_str(dateline);
                    line.push_str(" -- ");
                }
            }
            let mut text = self.blocks.get(i).map_or(String::new(), |b| b.text.to_string());
            // From the last offset back, so earlier offsets stay valid.
            for photo in self.photos.iter().rev().filter(|p| p.block == i) {
                let at = photo.offset.min(text.len());
                text.insert_str(at, &format!(" {} ", photo.text()));
            }
            line.push_str(&text);
            let line = clean(&line).into_owned();
            if !line.is_empty() {
                body.push(line);
            }
        }
        if self.teaser {
            let tail = self.continue_reading_tail();
            match body.last_mut() {
                Some(last) => last.push_str(&tail),
                None => body.push(tail.trim().to_string()),
            }
        }
        lines.extend(body);
        if let Some(source) = &self.source {
            lines.push(format!("Source: {source}"));
        }
        lines.extend(self.copyright.clone());
        lines
    }

    /// The publisher named by a `Published by` line, as opposed to one derived
    /// from the copyright or source lines.
    fn published_by(&self) -> Option<&str> {
        match self.publisher_origin {
            Some(PublisherOrigin::PublishedBy | PublisherOrigin::Given) => self.publisher.as_deref(),
            _ => None,
        }
    }

    fn continue_reading_tail(&self) -> String {
        match &self.continue_reading {
            Some(title) => format!(" Continue reading “{title}”"),
            None => " Continue reading".into(),
        }
    }
}

/// The excerpt stops at the first word boundary after this many characters.
const EXCERPT_CHARS: usize = 220;

/// The opening paragraphs, cut after [`EXCERPT_CHARS`] at a word, with `…`.
pub(super) fn excerpt<'a>(mut paragraphs: impl Iterator<Item = &'a str>) -> String {
    let mut out = String::new();
    let mut chars = 0;
    for paragraph in paragraphs.by_ref() {
        if !out.is_empty() {
            out.push(' ');
            chars += 1;
        }
        for (i, word) in paragraph.split(' ').enumerate() {
            if chars >= EXCERPT_CHARS {
                out.truncate(out.trim_end_matches([',', ';', ':', ' ', '-', '–', '—']).len());
                out.push('…');
                return out;
            }
            if i > 0 {
                out.push(' ');
                chars += 1;
            }
            out.push_str(word);
            chars += word.chars().count();
        }
        if chars >= EXCERPT_CHARS / 2 {
            break;
        }
    }
    out
}

fn serialize_date<S: serde::Serializer>(date: &Option<Date>, s: S) -> Result<S::Ok, S::Error> {
    match date {
        Some(date) => s.collect_str(date),
        None => s.serialize_none(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn excerpts_cut_at_a_word() {
        let long = "word ".repeat(100);
        let cut = excerpt([long.trim()].into_iter());
        assert!(cut.ends_with("word…"));
        assert!(cut.chars().count() <= EXCERPT_CHARS + 6);
        assert_eq!(excerpt(["Short one.", "Second."].into_iter()), "Short one. Second.");
    }
}
