//! Building the index: one pass over the articles.
//!
//! Three structures, all compact because the index lives in wasm memory:
//!
//! - the **vocabulary**: every distinct folded word, with its stem and name
//!   key, sorted for binary search, prefix ranges and the fuzzy walk;
//! - **postings**: for each word, the articles containing it, as varint
//!   gaps, each with the word's BM25F weight in that article (title words
//!   count three times, long articles are normalised), precomputed and
//!   quantised to one byte, so a query reads two bytes per article and does
//!   one multiplication;
//! - a **forward index**: for each article, its words' ids in reading
//!   order, for phrases, proximity, snippets and highlights.
//!
//! Word ids are given in order of first appearance, so the common words,
//! which appear early, have small ids and take one byte in the forward index.

use rustc_hash::FxHashMap;

use super::normalize;
use super::store::Store;
use super::varint;
use crate::catalog::Catalog;
use crate::corpus::{Article, Link};
use crate::order;
use crate::related::{names_of, Related};
use crate::text;

/// How much a word in the title counts against one in the body.
const TITLE_WEIGHT: f32 = 3.0;
/// BM25 length normalisation.
const B: f32 = 0.75;
/// BM25 term-frequency saturation.
const K1: f32 = 1.2;
/// The largest BM25F term weight, `K1 + 1`, is stored as 255.
const IMPACT_SCALE: f32 = 255.0 / (K1 + 1.0);

pub struct Index {
    pub(super) articles: Vec<Article>,
    pub(crate) vocab: Vocabulary,
    /// Per word: (document gap varint, impact byte) pairs.
    postings: Vec<u8>,
    posting_spans: Vec<(u32, u32)>,
    /// Per word: how many articles contain it.
    pub(super) df: Vec<u32>,
    pub(super) docs: Vec<DocStats>,
    forward: Vec<u8>,
    forward_spans: Vec<(u32, u32)>,
    /// Per article: publisher and source, searchable like body text.
    bylines: Vec<String>,
    pub(crate) catalog: Catalog,
    /// The average title and body lengths (see [`norm`]).
    pub(crate) averages: Averages,
}

/// Per article: where each field starts in the forward index (in the order
/// of [`fields`]: field 0 is the title, field `i` is block `i - 1`, then the
/// byline, the dateline and the photo captions).
pub(super) struct DocStats {
    pub field_starts: Box<[u32]>,
}

/// Every distinct word, folded; and the stems and name keys that lead to them.
pub(crate) struct Vocabulary {
    text: String,
    spans: Vec<(u32, u32)>,
    /// Word ids in alphabetical order of their words.
    pub sorted: Vec<u32>,
    pub stems: KeyTable,
    pub names: KeyTable,
}

/// Keys (stems or name keys) to the words that have them, sorted by key.
pub(crate) struct KeyTable {
    text: String,
    entries: Vec<(u32, u32, u32)>,
}

/// One posting: an article and the word's BM25F weight in it.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Posting {
    pub doc: u32,
    pub weight: f32,
    /// The length-normalised frequency that `weight` saturates: frequencies
    /// of several words add up, to be saturated as one term's.
    pub frequency: f32,
}

/// An index being built a slice at a time: [`Indexing::step`] does a
/// bounded piece of the work and returns, so the app can yield to the
/// browser between pieces. Built in one go, 10,000 articles held the page
/// for over two seconds on a slow phone before it answered a tap.
pub struct Indexing {
    articles: Vec<Article>,
    bylines: Vec<String>,
    /// Per indexed article: title and body lengths in words, field starts.
    lengths: Vec<(u32, u32, Box<[u32]>)>,
    builder: Builder,
    completed: Completed,
}

/// The parts of the index made once every article is in, each a step of
/// its own: they are the longest pieces of work left (at 10,000 articles,
/// each is tens of milliseconds on a phone).
#[derive(Default)]
struct Completed {
    postings: Option<PostingLists>,
    sorted: Option<Vec<u32>>,
    stems: Option<KeyTable>,
    names: Option<KeyTable>,
    catalog: Option<Catalog>,
}

impl Indexing {
    /// Starts indexing `articles` (in corpus order; a hit's `doc` is its
    /// position here).
    pub fn new(articles: Vec<Article>) -> Indexing {
        let mut builder = Builder::default();
        // One byte per word, mostly: reserving it once avoids the doubling
        // that would briefly hold two copies of a large forward index.
        builder
            .forward
            .reserve(articles.iter().map(|a| a.words + 8).sum::<usize>() * 5 / 4);
        Indexing {
            bylines: articles.iter().map(byline).collect(),
            lengths: Vec::with_capacity(articles.len()),
            articles,
            builder,
            completed: Completed::default(),
        }
    }

    /// Does the next piece of work: indexes the next articles, at least
    /// one, until about `words` words are done; once every article is in,
    /// makes one of the remaining parts of the index. Returns whether
    /// nothing is left for [`Indexing::finish`] but putting it together.
    pub fn step(&mut self, words: usize) -> bool {
        if self.lengths.len() < self.articles.len() {
            self.add(words);
            return false;
        }
        let Indexing {
            articles,
            lengths,
            builder,
            completed,
            ..
        } = self;
        if completed.postings.is_none() {
            completed.postings = Some(builder.postings(&norms(&plain_lengths(lengths))));
        } else if completed.sorted.is_none() {
            completed.sorted = Some(builder.sorted());
        } else if completed.stems.is_none() {
            completed.stems = Some(KeyTable::new(std::mem::take(&mut builder.stems)));
        } else if completed.names.is_none() {
            completed.names = Some(KeyTable::new(std::mem::take(&mut builder.names)));
        } else if completed.catalog.is_none() {
            completed.catalog = Some(Catalog::new(articles));
        } else {
            return true;
        }
        false
    }

    /// Indexes articles until about `words` words are done (at least one).
    fn add(&mut self, words: usize) {
        let mut done = 0;
        while let Some(article) = self.articles.get(self.lengths.len()) {
            if done > 0 && done + article.words > words {
                return;
            }
            let doc = self.lengths.len();
            self.lengths
                .push(self.builder.add(doc as u32, article, &self.bylines[doc]));
            done += article.words.max(1);
        }
    }

    /// Does what is left and puts the index together.
    pub fn finish(mut self) -> Index {
        while !self.step(usize::MAX) {}
        let Indexing {
            articles,
            bylines,
            lengths,
            builder,
            completed,
        } = self;
        let missing = "every part is made before `step` returns true";
        let (postings, posting_spans) = completed.postings.expect(missing);
        let averages = averages(&plain_lengths(&lengths));
        let mut forward = builder.forward;
        forward.shrink_to_fit();
        let mut index = Index {
            articles,
            vocab: Vocabulary {
                text: builder.words,
                spans: builder.spans,
                sorted: completed.sorted.expect(missing),
                stems: completed.stems.expect(missing),
                names: completed.names.expect(missing),
            },
            postings,
            posting_spans,
            df: builder.df,
            docs: lengths
                .into_iter()
                .map(|(_, _, field_starts)| DocStats { field_starts })
                .collect(),
            forward,
            forward_spans: builder.forward_spans,
            bylines,
            catalog: completed.catalog.expect(missing),
            averages,
        };
        index.relate();
        index
    }
}

/// Title and body lengths, without the field starts.
fn plain_lengths(lengths: &[(u32, u32, Box<[u32]>)]) -> Vec<(u32, u32)> {
    lengths.iter().map(|l| (l.0, l.1)).collect()
}

/// Every word's postings, one list after another, and where each word's
/// list begins and ends.
type PostingLists = (Vec<u8>, Vec<(u32, u32)>);

/// Average title and body lengths in words.
pub(crate) type Averages = (f32, f32);

/// Each article's BM25F length norms for title and body.
pub(crate) type Norms = Vec<(f32, f32)>;

/// Each article's BM25F length norms for title and body, against the
/// average lengths.
fn norms(lengths: &[(u32, u32)]) -> Norms {
    let averages = averages(lengths);
    lengths.iter().map(|&length| norm(length, averages)).collect()
}

/// The average title and body lengths in words: a split index keeps them,
/// to weigh a word in an article from the article's words (see
/// [`frequency`]).
fn averages(lengths: &[(u32, u32)]) -> Averages {
    let n = lengths.len().max(1) as f32;
    (
        (lengths.iter().map(|l| l.0).sum::<u32>() as f32 / n).max(1.0),
        (lengths.iter().map(|l| l.1).sum::<u32>() as f32 / n).max(1.0),
    )
}

/// An article's BM25F length norms for title and body.
fn norm((title, body): (u32, u32), (avg_title, avg_body): Averages) -> (f32, f32) {
    (
        TITLE_WEIGHT / (1.0 - B + B * title as f32 / avg_title),
        1.0 / (1.0 - B + B * body as f32 / avg_body),
    )
}

/// The frequency a posting of `word` in article `doc` gives (0 where the
/// article lacks it), made from the article's words as the index made its
/// postings: title and body frequencies and lengths, against `averages`.
/// A search that read only the head of a common word's list weighs the
/// word so in the few articles where it must.
pub(crate) fn frequency(words: &[u32], starts: &[u32], word: u32, averages: Averages) -> f32 {
    let title_len = starts.get(1).map_or(words.len(), |&start| start as usize);
    let (mut tf, mut length) = ([0u32; 2], [0u32; 2]);
    for (position, &w) in words.iter().enumerate() {
        let field = usize::from(position >= title_len);
        length[field] += 1;
        tf[field] += u32::from(w == word);
    }
    if tf == [0, 0] {
        return 0.0;
    }
    frequency_of(impact(tf[0], tf[1], norm((length[0], length[1]), averages)))
}

impl Index {
    /// Indexes `articles` in one go (in corpus order; a hit's `doc` is its
    /// position here).
    pub fn new(articles: Vec<Article>) -> Index {
        Indexing::new(articles).finish()
    }

    pub fn articles(&self) -> &[Article] {
        &self.articles
    }

    pub fn len(&self) -> usize {
        self.articles.len()
    }

    pub fn is_empty(&self) -> bool {
        self.articles.is_empty()
    }

    /// The positions of the newest `limit` articles, newest first (see
    /// [`Catalog::newest`]).
    pub fn newest(&self, limit: usize) -> &[u32] {
        self.catalog.newest(limit)
    }

    /// The article with this slug, and its position.
    pub fn by_slug(&self, slug: &str) -> Option<(usize, &Article)> {
        self.articles.iter().enumerate().find(|(_, a)| a.slug == slug)
    }

    /// A word's postings as stored: (document gap varint, impact byte) pairs.
    pub(crate) fn posting_bytes(&self, word: u32) -> &[u8] {
        let (start, end) = self.posting_spans[word as usize];
        &self.postings[start as usize..end as usize]
    }

    /// An article's word ids in reading order, as varints.
    pub(crate) fn forward_bytes(&self, doc: u32) -> &[u8] {
        let (start, end) = self.forward_spans[doc as usize];
        &self.forward[start as usize..end as usize]
    }

    /// Bytes of wasm or native heap the index holds, beyond the articles.
    pub fn index_bytes(&self) -> usize {
        self.postings.capacity()
            + self.posting_spans.capacity() * 8
            + self.forward.capacity()
            + self.forward_spans.capacity() * 8
            + self.df.capacity() * 4
            + self.docs.iter().map(|d| 16 + d.field_starts.len() * 4).sum::<usize>()
            + self.vocab.bytes()
    }
}

impl Index {
    /// Gives each article its related articles (see [`crate::related`]).
    fn relate(&mut self) {
        let mut related = Related::new(&self.df, self.len());
        for (doc, article) in (0u32..).zip(&self.articles) {
            related.add(
                Store::forward(self, doc),
                &names_of(&article.people, &article.countries),
                article.date,
            );
        }
        let related = related.finish();
        let links: Vec<Vec<Link>> = related
            .iter()
            .map(|docs| docs.iter().map(|&doc| self.articles[doc as usize].link()).collect())
            .collect();
        for (article, links) in self.articles.iter_mut().zip(links) {
            article.related = links;
        }
    }
}

impl Store for Index {
    fn len(&self) -> usize {
        self.articles.len()
    }

    fn vocab(&self) -> &Vocabulary {
        &self.vocab
    }

    fn df(&self) -> &[u32] {
        &self.df
    }

    fn postings(&self, word: u32) -> Postings<'_> {
        Postings::new(self.posting_bytes(word))
    }

    fn averages(&self) -> (f32, f32) {
        self.averages
    }

    fn forward(&self, doc: u32) -> impl Iterator<Item = u32> + '_ {
        varint::iter(self.forward_bytes(doc))
    }

    fn field_starts(&self, doc: u32) -> &[u32] {
        &self.docs[doc as usize].field_starts
    }

    fn field_text(&self, doc: u32, field: usize) -> &str {
        let byline = &self.bylines[doc as usize];
        fields(&self.articles[doc as usize], byline).nth(field).unwrap_or("")
    }

    fn blocks(&self, doc: u32) -> usize {
        self.articles[doc as usize].blocks.len()
    }

    fn catalog(&self) -> &Catalog {
        &self.catalog
    }
}

/// One word's postings, decoded as they are read.
pub(crate) struct Postings<'a> {
    bytes: &'a [u8],
    /// A split index's impacts, one per posting after the gaps (see
    /// [`Postings::columns`]); empty where each follows its gap.
    impacts: &'a [u8],
    at: usize,
    read: usize,
    doc: u32,
}

impl<'a> Postings<'a> {
    /// Reads a list written by the index: (document gap varint, impact byte) pairs.
    pub(crate) fn new(bytes: &'a [u8]) -> Self {
        Postings::columns(bytes, 0)
    }

    /// Reads a list of `count` postings as a split index keeps it: the
    /// gaps, then the impacts (see `split::format::columns`).
    pub(crate) fn columns(bytes: &'a [u8], count: usize) -> Self {
        let (bytes, impacts) = bytes.split_at(bytes.len().saturating_sub(count));
        Postings {
            bytes,
            impacts,
            at: 0,
            read: 0,
            doc: 0,
        }
    }
}

impl Iterator for Postings<'_> {
    type Item = Posting;

    fn next(&mut self) -> Option<Posting> {
        if self.at >= self.bytes.len() {
            return None;
        }
        self.doc += varint::read(self.bytes, &mut self.at);
        let impact = match self.impacts.get(self.read) {
            Some(&impact) => impact,
            None => {
                self.at += 1;
                self.bytes.get(self.at - 1).copied().unwrap_or(0)
            }
        };
        self.read += 1;
        Some(Posting {
            doc: self.doc,
            weight: f32::from(impact) / IMPACT_SCALE,
            frequency: frequency_of(impact),
        })
    }
}

/// The frequency a posting with this impact stands for.
pub(crate) fn frequency_of(impact: u8) -> f32 {
    FREQUENCIES[usize::from(impact)]
}

/// The BM25F term weight of a word in an article, [`saturate`]d over the
/// length-normalised frequencies, as one byte.
fn impact(title_tf: u32, body_tf: u32, (title_norm, body_norm): (f32, f32)) -> u8 {
    let tf = title_tf as f32 * title_norm + body_tf as f32 * body_norm;
    // At least 1: a posting always counts for something.
    (saturate(tf) * IMPACT_SCALE).round().clamp(1.0, 255.0) as u8
}

/// BM25's term-frequency saturation, `tf (K1 + 1) / (K1 + tf)`.
pub(super) fn saturate(tf: f32) -> f32 {
    tf * (K1 + 1.0) / (K1 + tf)
}

/// Per impact byte, the frequency it was saturated from (the inverse of
/// [`saturate`]); the top byte, which stands for every frequency too high to
/// tell apart, as the least of them.
const FREQUENCIES: [f32; 256] = {
    let mut table = [0.0; 256];
    let mut impact = 1;
    while impact < 256 {
        let top = 254.5;
        let weight = if impact < 255 { impact as f32 } else { top } / IMPACT_SCALE;
        table[impact] = K1 * weight / (K1 + 1.0 - weight);
        impact += 1;
    }
    table
};

impl Vocabulary {
    /// A vocabulary of the given words (by id; `None` for a word whose
    /// spelling is not known, which only stems and name keys lead to) and
    /// key tables of (key, id) pairs: a split index's view.
    pub(crate) fn from_words(
        words: &[Option<&str>],
        stems: Vec<(String, u32)>,
        names: Vec<(String, u32)>,
    ) -> Vocabulary {
        let mut text = String::new();
        let mut spans = Vec::with_capacity(words.len());
        for word in words {
            let start = text.len() as u32;
            text.push_str(word.unwrap_or(""));
            spans.push((start, text.len() as u32));
        }
        let mut sorted: Vec<u32> = (0..words.len() as u32)
            .filter(|&id| words[id as usize].is_some())
            .collect();
        order::sort_by(&mut sorted, |a, b| words[*a as usize].cmp(&words[*b as usize]));
        Vocabulary {
            text,
            spans,
            sorted,
            stems: KeyTable::new(stems),
            names: KeyTable::new(names),
        }
    }

    pub fn word(&self, id: u32) -> &str {
        let (start, end) = self.spans[id as usize];
        &self.text[start as usize..end as usize]
    }

    /// The id of exactly this folded word.
    pub fn find(&self, word: &str) -> Option<u32> {
        let at = self.sorted.partition_point(|&id| self.word(id) < word);
        self.sorted.get(at).copied().filter(|&id| self.word(id) == word)
    }

    /// The positions in [`Vocabulary::sorted`] of the words starting with `prefix`.
    pub fn prefix_range(&self, prefix: &str) -> std::ops::Range<usize> {
        let start = self.sorted.partition_point(|&id| self.word(id) < prefix);
        let len = self.sorted[start..].partition_point(|&id| self.word(id).starts_with(prefix));
        start..start + len
    }

    fn bytes(&self) -> usize {
        self.text.capacity()
            + self.spans.capacity() * 8
            + self.sorted.capacity() * 4
            + self.stems.bytes()
            + self.names.bytes()
    }
}

impl KeyTable {
    fn new(mut pairs: Vec<(String, u32)>) -> KeyTable {
        order::sort_by(&mut pairs, |a, b| a.cmp(b));
        let mut text = String::new();
        let mut entries = Vec::with_capacity(pairs.len());
        for (key, word) in pairs {
            let start = text.len() as u32;
            text.push_str(&key);
            entries.push((start, text.len() as u32, word));
        }
        KeyTable { text, entries }
    }

    /// The words whose key is `key`.
    pub fn words<'a>(&'a self, key: &'a str) -> impl Iterator<Item = u32> + 'a {
        let key_of = |e: &(u32, u32, u32)| &self.text[e.0 as usize..e.1 as usize];
        let start = self.entries.partition_point(|e| key_of(e) < key);
        self.entries[start..]
            .iter()
            .take_while(move |e| key_of(e) == key)
            .map(|e| e.2)
    }

    fn bytes(&self) -> usize {
        self.text.capacity() + self.entries.capacity() * 12
    }

    /// Every (key, word id) pair, in key order.
    pub(crate) fn pairs(&self) -> impl Iterator<Item = (&str, u32)> {
        self.entries
            .iter()
            .map(|&(start, end, word)| (&self.text[start as usize..end as usize], word))
    }
}

/// The searchable texts of an article, in the order the forward index holds
/// them: the title, the body's blocks, then what stands around the body: the
/// byline, the dateline (`NUR-SULTAN`) and the photo captions. These count
/// like body text: a story filed from Nur-Sultan, or with a picture of it, is
/// about Nur-Sultan, and for some articles the dateline is the only mention.
pub(crate) fn fields<'a>(article: &'a Article, byline: &'a str) -> impl Iterator<Item = &'a str> {
    std::iter::once(article.title.as_str())
        .chain(article.blocks.iter().map(|b| b.text.as_ref()))
        .chain([byline])
        .chain(article.dateline.as_deref())
        .chain(article.photos.iter().filter_map(|p| p.caption.as_deref()))
}

/// Who published an article and where it comes from, as one searchable line.
pub(crate) fn byline(article: &Article) -> String {
    let parts = [article.publisher.as_deref(), article.source.as_deref()];
    let mut line = String::new();
    for part in parts.into_iter().flatten() {
        if !line.contains(part) {
            if !line.is_empty() {
                line.push_str(" · ");
            }
            line.push_str(part);
        }
    }
    line
}

/// State of the single indexing pass.
#[derive(Default)]
struct Builder {
    ids: FxHashMap<Box<str>, u32>,
    words: String,
    spans: Vec<(u32, u32)>,
    stems: Vec<(String, u32)>,
    names: Vec<(String, u32)>,
    postings: Vec<Vec<u8>>,
    last_doc: Vec<u32>,
    df: Vec<u32>,
    title_tf: Vec<u32>,
    body_tf: Vec<u32>,
    seen: Vec<u32>,
    forward: Vec<u8>,
    forward_spans: Vec<(u32, u32)>,
    key: String,
    /// About the bytes added to `postings`: what a streamed build holds
    /// before it spills.
    held: usize,
}

impl Builder {
    /// Indexes one article; returns its title and body lengths in words and
    /// where each field starts.
    fn add(&mut self, doc: u32, article: &Article, byline: &str) -> (u32, u32, Box<[u32]>) {
        let start = self.forward.len() as u32;
        let mut field_starts = Vec::with_capacity(article.blocks.len() + 3);
        let mut position = 0u32;
        let mut title_len = 0;
        for (field, text) in fields(article, byline).enumerate() {
            field_starts.push(position);
            for range in text::words(text) {
                let word = self.word_id(&text[range]);
                varint::push(&mut self.forward, word);
                position += 1;
                let w = word as usize;
                if self.title_tf[w] == 0 && self.body_tf[w] == 0 {
                    self.seen.push(word);
                }
                if field == 0 {
                    self.title_tf[w] += 1;
                } else {
                    self.body_tf[w] += 1;
                }
            }
            if field == 0 {
                title_len = position;
            }
        }
        self.forward_spans.push((start, self.forward.len() as u32));
        for &word in &self.seen {
            let w = word as usize;
            let out = &mut self.postings[w];
            let before = out.len();
            varint::push(out, doc - self.last_doc[w]);
            varint::push(out, self.title_tf[w]);
            varint::push(out, self.body_tf[w]);
            // A list's first allocation costs more than its first bytes.
            self.held += out.len() - before + if before == 0 { 32 } else { 0 };
            self.last_doc[w] = doc;
            self.df[w] += 1;
            self.title_tf[w] = 0;
            self.body_tf[w] = 0;
        }
        self.seen.clear();
        (title_len, position - title_len, field_starts.into_boxed_slice())
    }

    /// The id of a word as written, adding it (with its stem and name keys)
    /// the first time it is seen.
    fn word_id(&mut self, written: &str) -> u32 {
        text::fold_into(written, &mut self.key);
        if let Some(&id) = self.ids.get(self.key.as_str()) {
            return id;
        }
        let id = self.spans.len() as u32;
        let start = self.words.len() as u32;
        self.words.push_str(&self.key);
        self.spans.push((start, self.words.len() as u32));
        self.stems.push((normalize::stem(&self.key, written), id));
        for name in normalize::name_keys(&self.key, written) {
            self.names.push((name, id));
        }
        self.ids.insert(self.key.as_str().into(), id);
        self.postings.push(Vec::new());
        self.last_doc.push(0);
        self.df.push(0);
        self.title_tf.push(0);
        self.body_tf.push(0);
        id
    }

    /// Turns the frequencies gathered per word into final postings, now
    /// that the average lengths (and so each article's norms) are known.
    fn postings(&mut self, norms: &[(f32, f32)]) -> PostingLists {
        let lists = std::mem::take(&mut self.postings);
        let mut postings = Vec::with_capacity(lists.iter().map(Vec::len).sum::<usize>() * 2 / 3);
        let mut posting_spans = Vec::with_capacity(lists.len());
        for list in lists {
            let start = postings.len() as u32;
            weigh(&list, norms, &mut postings);
            posting_spans.push((start, postings.len() as u32));
        }
        (postings, posting_spans)
    }

    /// Word ids in alphabetical order of their words.
    fn sorted(&self) -> Vec<u32> {
        let mut sorted: Vec<u32> = (0..self.spans.len() as u32).collect();
        let word = |id: &u32| {
            let (s, e) = self.spans[*id as usize];
            &self.words[s as usize..e as usize]
        };
        order::sort_by(&mut sorted, |a, b| word(a).cmp(word(b)));
        sorted
    }
}

/// A word's postings as gathered, (gap, title frequency, body frequency)
/// triples, turned into the index's (gap, impact) pairs onto `out`.
pub(crate) fn weigh(gathered: &[u8], norms: &[(f32, f32)], out: &mut Vec<u8>) {
    let (mut at, mut doc) = (0, 0);
    while at < gathered.len() {
        let gap = varint::read(gathered, &mut at);
        doc += gap;
        let title_tf = varint::read(gathered, &mut at);
        let body_tf = varint::read(gathered, &mut at);
        varint::push(out, gap);
        out.push(impact(title_tf, body_tf, norms[doc as usize]));
    }
}

/// How long [`weigh`] makes a list: known before the norms are.
pub(crate) fn weighed_len(gathered: &[u8]) -> usize {
    let (mut at, mut len) = (0, 0);
    while at < gathered.len() {
        let start = at;
        varint::read(gathered, &mut at);
        len += at - start + 1;
        varint::read(gathered, &mut at);
        varint::read(gathered, &mut at);
    }
    len
}

/// Indexing articles one at a time without keeping them or their
/// postings, for an index too large to hold (`split/stream.rs`): the same
/// word ids, frequencies and gaps as [`Index::new`] gives the same articles
/// in the same order, each article's forward index handed back, and the
/// postings gathered so far taken whenever they grow too large.
#[derive(Default)]
pub(crate) struct Stream {
    builder: Builder,
    /// Per article: title and body lengths in words.
    lengths: Vec<(u32, u32)>,
}

impl Stream {
    /// Indexes the next article: returns its forward index (word ids as
    /// varints) and where its fields start.
    pub(crate) fn add(&mut self, article: &Article) -> (Vec<u8>, Box<[u32]>) {
        let doc = self.lengths.len() as u32;
        let (title, body, starts) = self.builder.add(doc, article, &byline(article));
        self.lengths.push((title, body));
        self.builder.forward_spans.clear();
        (std::mem::take(&mut self.builder.forward), starts)
    }

    /// About the bytes of postings gathered since the last [`Stream::take`].
    pub(crate) fn held(&self) -> usize {
        self.builder.held
    }

    /// The word with this id, as folded.
    pub(crate) fn word(&self, id: u32) -> &str {
        let (start, end) = self.builder.spans[id as usize];
        &self.builder.words[start as usize..end as usize]
    }

    /// Takes the postings gathered since the last call, as [`weigh`] reads
    /// them, per word id: a word's lists from successive calls, one after
    /// another, are its whole list.
    pub(crate) fn take(&mut self) -> Vec<(u32, Vec<u8>)> {
        self.builder.held = 0;
        (0u32..)
            .zip(&mut self.builder.postings)
            .filter(|(_, list)| !list.is_empty())
            .map(|(id, list)| (id, std::mem::take(list)))
            .collect()
    }

    /// The vocabulary, every word's document frequency, every article's
    /// BM25F norms (for [`weigh`]) and the average lengths they are made
    /// against.
    pub(crate) fn finish(mut self) -> (Vocabulary, Vec<u32>, Norms, Averages) {
        let sorted = self.builder.sorted();
        let vocab = Vocabulary {
            sorted,
            stems: KeyTable::new(std::mem::take(&mut self.builder.stems)),
            names: KeyTable::new(std::mem::take(&mut self.builder.names)),
            text: self.builder.words,
            spans: self.builder.spans,
        };
        (vocab, self.builder.df, norms(&self.lengths), averages(&self.lengths))
    }
}
