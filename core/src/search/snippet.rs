//! Snippets and highlights: where in an article the query matched, as byte
//! ranges of its text (always on character boundaries), for the UI to wrap
//! in `<mark>`. Text is never turned into HTML here.

use std::ops::Range;

use super::index::Index;
use super::matcher::Matcher;
use super::query::Query;
use super::store::Store;
use crate::text;

/// Words in a snippet.
const SNIPPET_WORDS: u32 = 28;
/// Words of context before the first match in a snippet.
const LEAD_WORDS: u32 = 5;

/// A passage of one paragraph with the matched words marked.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Snippet {
    /// The block of the article it comes from.
    pub block: usize,
    /// The passage, without ellipses.
    pub text: String,
    /// Byte ranges in `text` of the matched words.
    pub ranges: Vec<Range<usize>>,
    /// The passage starts after the start of its paragraph.
    pub cut_start: bool,
    /// The passage ends before the end of its paragraph.
    pub cut_end: bool,
}

impl Snippet {
    /// The marked words, as written in the passage.
    pub fn marked(&self) -> impl Iterator<Item = &str> {
        self.ranges.iter().map(|r| &self.text[r.clone()])
    }
}

/// Matched words of a whole article, per field.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Highlights {
    /// Byte ranges in the title.
    pub title: Vec<Range<usize>>,
    /// Byte ranges in each block's text, one list per block.
    pub blocks: Vec<Vec<Range<usize>>>,
}

/// The field a position falls in, and the position of the field's first word.
fn field_of(starts: &[u32], pos: u32) -> (usize, u32) {
    let field = starts.partition_point(|&s| s <= pos).saturating_sub(1);
    (field, starts.get(field).copied().unwrap_or(0))
}

/// Byte ranges in `text` of the words at the given positions (relative to
/// the field's first word).
fn ranges_of(text: &str, positions: impl IntoIterator<Item = u32>) -> Vec<Range<usize>> {
    let mut wanted = positions.into_iter().peekable();
    let mut out = Vec::new();
    for (i, range) in text::words(text).enumerate() {
        let Some(&next) = wanted.peek() else { break };
        if next == i as u32 {
            out.push(range);
            wanted.next();
        }
    }
    out
}

/// The title highlights and best snippet of one hit.
pub(super) fn for_hit<S: Store>(index: &S, matcher: &Matcher<'_>, doc: u32) -> (Vec<Range<usize>>, Option<Snippet>) {
    let found = matcher.positions(index, doc);
    let starts = index.field_starts(doc);
    let body_start = starts.get(1).copied().unwrap_or(u32::MAX);
    let title = ranges_of(
        index.field_text(doc, 0),
        found.iter().take_while(|(p, _)| *p < body_start).map(|(p, _)| *p),
    );
    (title, best_passage(index, doc, &found, starts))
}

/// The window of [`SNIPPET_WORDS`] words in one paragraph that holds the most
/// distinct clauses, then the most matches; the earliest on a tie.
fn best_passage<S: Store>(index: &S, doc: u32, found: &[(u32, u32)], starts: &[u32]) -> Option<Snippet> {
    // Blocks only: not the title (shown on its own) nor what stands around
    // the body (byline, dateline, captions), which the reader sees elsewhere.
    let blocks = index.blocks(doc);
    let body: Vec<(u32, u32)> = found
        .iter()
        .copied()
        .filter(|(p, _)| (1..=blocks).contains(&field_of(starts, *p).0))
        .collect();
    let mut best: Option<((u32, usize), usize, usize)> = None;
    let mut end = 0;
    for start in 0..body.len() {
        let field = field_of(starts, body[start].0).0;
        end = end.max(start);
        while end + 1 < body.len()
            && body[end + 1].0 < body[start].0 + SNIPPET_WORDS
            && field_of(starts, body[end + 1].0).0 == field
        {
            end += 1;
        }
        let clauses = body[start..=end]
            .iter()
            .fold(0u32, |acc, &(_, bits)| acc | bits)
            .count_ones();
        let score = (clauses, end - start + 1);
        if best.is_none_or(|(s, _, _)| score > s) {
            best = Some((score, start, end));
        }
    }
    let (_, first, last) = best?;
    let (field, field_start) = field_of(starts, body[first].0);
    let text = index.field_text(doc, field);
    let words: Vec<Range<usize>> = text::words(text).collect();
    // Some words before the first match, but never so late that the passage
    // could have held more of the paragraph.
    let first_word = ((body[first].0 - field_start).saturating_sub(LEAD_WORDS) as usize)
        .min(words.len().saturating_sub(SNIPPET_WORDS as usize));
    let last_word = (first_word + SNIPPET_WORDS as usize)
        .min(words.len())
        .max(first_word + 1)
        - 1;
    let from = if first_word == 0 {
        0
    } else {
        words.get(first_word)?.start
    };
    let to = if last_word + 1 >= words.len() {
        text.len()
    } else {
        words.get(last_word)?.end
    };
    let ranges = body[first..=last]
        .iter()
        .map(|(p, _)| (p - field_start) as usize)
        .filter(|&w| w >= first_word && w <= last_word)
        .filter_map(|w| words.get(w))
        .map(|r| r.start - from..r.end - from)
        .collect();
    Some(Snippet {
        block: field - 1,
        text: text[from..to].to_string(),
        ranges,
        cut_start: from > 0,
        cut_end: to < text.len(),
    })
}

impl Index {
    /// Every match of `query` in article `doc`, for the article view.
    pub fn highlights(&self, doc: usize, query: &Query) -> Highlights {
        highlights(self, doc, query)
    }
}

/// Every match of `query` in article `doc` of `store`.
pub(crate) fn highlights<S: Store>(store: &S, doc: usize, query: &Query) -> Highlights {
    let mut out = Highlights {
        title: Vec::new(),
        blocks: vec![Vec::new(); if doc < store.len() { store.blocks(doc as u32) } else { 0 }],
    };
    if doc >= store.len() || query.required.is_empty() {
        return out;
    }
    let matcher = Matcher::new(store, query);
    let doc = doc as u32;
    let starts = store.field_starts(doc);
    let found = matcher.positions(store, doc);
    let mut at = 0;
    while at < found.len() {
        let (field, field_start) = field_of(starts, found[at].0);
        let next_field = starts.get(field + 1).copied().unwrap_or(u32::MAX);
        let end = at + found[at..].partition_point(|(p, _)| *p < next_field);
        let ranges = ranges_of(
            store.field_text(doc, field),
            found[at..end].iter().map(|(p, _)| p - field_start),
        );
        match field {
            0 => out.title = ranges,
            i if i <= out.blocks.len() => out.blocks[i - 1] = ranges,
            _ => {}
        }
        at = end;
    }
    out
}
