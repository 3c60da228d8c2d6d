//! An article while it is being read, before the corpus-wide steps (slugs,
//! dates that need the whole corpus) turn it into an [`Article`].
//!
//! Both input formats fill drafts through the same methods, so a JSON Lines
//! body and a plain-text body are cut into blocks by the same rules.

use super::date::{self, Date};
use super::meta;
use super::model::{excerpt, Article, Block, BlockKind, Photo, PublisherOrigin, WORDS_PER_MINUTE};
use super::{people, places};

#[derive(Debug, Default)]
pub struct Draft {
    pub file: String,
    pub line: usize,
    pub title: String,
    pub publisher: Option<(String, PublisherOrigin)>,
    pub source: Option<String>,
    pub copyright: Option<String>,
    pub teaser: bool,
    pub continue_reading: Option<String>,
    pub url: Option<String>,
    pub dateline: Option<String>,
    pub given_date: Option<Date>,
    pub blocks: Vec<Block>,
    /// The 1-based line each block starts on, parallel to `blocks`.
    pub block_lines: Vec<usize>,
    pub photos: Vec<Photo>,
}

impl Draft {
    pub fn new(file: &str, line: usize, title: impl Into<String>) -> Self {
        Draft {
            file: file.to_string(),
            line,
            title: title.into(),
            ..Draft::default()
        }
    }

    /// Adds one paragraph of body text that starts on `line`. A lone short
    /// line reads as a sub-heading; the first paragraph may open with a
    /// dateline; a photo caption and credit are lifted out of the text. A
    /// paragraph ending `Continue reading “…”` makes the draft a teaser and
    /// returns `true`: the article ends there.
    pub fn push_text(&mut self, text: &str, line: usize, single_line: bool) -> bool {
        let (text, ends) = match meta::continue_reading(text) {
            Some((before, title)) => {
                self.teaser = true;
                self.continue_reading = title.map(str::to_string);
                (before, true)
            }
            None => (text, false),
        };
        if text.is_empty() {
            return ends;
        }
        if single_line && !ends && meta::is_subheading(text) {
            self.push_block(Block::subheading(text), line);
            return false;
        }
        let mut text = text;
        if self.blocks.is_empty() && self.photos.is_empty() {
            if let Some((place, rest)) = meta::dateline(text) {
                self.dateline = Some(place.to_string());
                text = rest;
            }
        }
        match meta::photo_credit(text) {
            Some(found) => {
                self.photos.push(Photo {
                    caption: found.caption.map(str::to_string),
                    credit: found.credit.to_string(),
                    block: self.blocks.len(),
                    offset: found.offset,
                });
                if !found.rest.is_empty() {
                    self.push_block(Block::paragraph(found.rest), line);
                }
            }
            None => self.push_block(Block::paragraph(text), line),
        }
        ends
    }

    fn push_block(&mut self, block: Block, line: usize) {
        self.blocks.push(block);
        self.block_lines.push(line);
    }

    /// Removes the last block if it is a sub-heading, with its line: it may
    /// turn out to be the title of an article that follows without a break.
    /// Not when a photo credit came after it: the credit would belong to
    /// neither article, and be lost.
    pub fn pop_subheading(&mut self) -> Option<(String, usize)> {
        if self.blocks.last()?.kind != BlockKind::Subheading
            || self.photos.iter().any(|photo| photo.block >= self.blocks.len())
        {
            return None;
        }
        let block = self.blocks.pop()?;
        let line = self.block_lines.pop()?;
        Some((block.text.into_owned(), line))
    }

    pub fn ends_with_subheading(&self) -> bool {
        self.blocks.last().is_some_and(|b| b.kind == BlockKind::Subheading)
    }

    pub fn has_paragraphs(&self) -> bool {
        self.blocks.iter().any(|b| b.kind == BlockKind::Paragraph)
    }

    /// The title and body text, for finding dates and places.
    fn texts(&self) -> impl Iterator<Item = &str> {
        std::iter::once(self.title.as_str())
            .chain(self.dateline.as_deref())
            .chain(self.blocks.iter().map(|b| b.text.as_ref()))
    }

    pub fn date_mentions(&self) -> Vec<date::Mention> {
        self.texts().flat_map(date::mentions).collect()
    }

    /// The people this draft names, before the archive says who they are.
    pub fn people(&self) -> people::Found {
        people::find(self.texts())
    }

    /// The finished article. `mentions` are this draft's [`Draft::date_mentions`];
    /// `corpus_reference` gives years to day-month dates the article itself
    /// cannot; `people` are its [`Draft::people`] as the archive names them
    /// ([`people::Roster::people_of`]).
    pub fn finish(
        self,
        slug: String,
        mentions: &[date::Mention],
        corpus_reference: Option<Date>,
        people: Vec<String>,
    ) -> Article {
        let (date, date_certainty) = match self.given_date {
            Some(given) => (Some(given), Some(date::Certainty::Given)),
            None => date::article_date(mentions, corpus_reference).unzip(),
        };
        let found = places::find(self.texts());
        let words = self.texts().map(count_words).sum::<usize>();
        let body_words = words - count_words(&self.title);
        let excerpt = excerpt(
            self.blocks
                .iter()
                .filter(|b| b.kind == BlockKind::Paragraph)
                .map(|b| b.text.as_ref()),
        );
        let publisher = self
            .publisher
            .or_else(|| {
                let holder = self.copyright.as_deref().and_then(meta::copyright_holder)?;
                Some((holder, PublisherOrigin::Copyright))
            })
            .or_else(|| Some((self.source.clone()?, PublisherOrigin::Source)))
            .filter(|(name, _)| !name.is_empty());
        let (publisher, publisher_origin) = publisher.unzip();
        Article {
            slug,
            title: self.title,
            publisher,
            publisher_origin,
            source: self.source,
            copyright: self.copyright,
            teaser: self.teaser,
            continue_reading: self.continue_reading,
            url: self.url,
            dateline: self.dateline,
            date,
            date_certainty,
            countries: found.countries,
            places: found.places,
            people,
            related: Vec::new(),
            blocks: self.blocks,
            photos: self.photos,
            excerpt,
            words,
            reading_minutes: body_words.div_ceil(WORDS_PER_MINUTE).max(1),
            file: self.file,
            line: self.line,
        }
    }
}

/// Words are whitespace-separated tokens with at least one letter or digit.
pub fn count_words(text: &str) -> usize {
    // Body text is clean (single spaces), so a plain split is enough.
    text.split(' ').filter(|w| w.chars().any(char::is_alphanumeric)).count()
}
