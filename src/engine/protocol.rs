//! The messages between the app and its search engine: plain data, no web
//! types and no index, so the same answers can come from an index in this
//! process (prerendering, tests), from a worker, or later from an engine
//! that fetches its index over the network in rounds.
//!
//! Every request travels [`Numbered`]; its answer carries the same number,
//! and the app drops an answer to a request it has since replaced.

use crate::names::Names;
use std::ops::Range;

use crate::catalog::{Facets, Filters, Sort};
pub use crate::corpus::Link;
use crate::corpus::{Block, Date};
use crate::search::{Highlights, Snippet};

/// A request or a response with the number of the request.
#[derive(Clone, Debug, PartialEq)]
pub struct Numbered<T> {
    pub number: u32,
    pub body: T,
}

#[derive(Clone, Debug, PartialEq)]
pub enum Request {
    /// What the page needs before anything else: answered with
    /// [`Response::Started`] once the engine can search, or with
    /// [`Response::Failed`].
    Start,
    /// A page of the reader's list.
    Search(SearchRequest),
    /// One article, placed in the reader's list.
    Article(ArticleRequest),
}

/// The reader's list: what they search for, how it is narrowed and sorted.
/// The article page needs it too, for its previous and next.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct List {
    pub query: String,
    /// Publishers, countries, months and dates. `only` is the engine's own (it
    /// holds article positions, which the app never sees) and is not sent.
    pub filters: Filters,
    /// Only these articles, by slug: the reader's saved ones.
    pub saved: Option<Names>,
    pub sort: Sort,
}

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct SearchRequest {
    pub list: List,
    /// Hits wanted, from the first.
    pub limit: usize,
    /// Whether the facet values are counted: only where they are on screen
    /// (the sidebar, the filters' panel). Counting a search without filters
    /// reads a split index's catalogue shards, which a phone with its
    /// panel closed would fetch for nothing. The timeline, which needs
    /// none, is counted either way.
    pub facets: bool,
}

impl SearchRequest {
    /// Whether the answer to this request serves `asked` too: the same page
    /// of the same list, counted if `asked` wants the counts.
    pub fn serves(&self, asked: &SearchRequest) -> bool {
        self.list == asked.list && self.limit == asked.limit && (self.facets || !asked.facets)
    }
}

impl Request {
    /// Whether the answer to this request serves `asked` too (see
    /// [`SearchRequest::serves`]; any other only itself).
    pub fn serves(&self, asked: &Request) -> bool {
        match (self, asked) {
            (Request::Search(this), Request::Search(asked)) => this.serves(asked),
            _ => self == asked,
        }
    }
}

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ArticleRequest {
    pub slug: String,
    pub list: List,
}

#[derive(Clone, Debug, PartialEq)]
pub enum Response {
    /// The engine is ready: how many articles it holds.
    Started {
        articles: usize,
    },
    Search(SearchAnswer),
    /// `None`: no article has that slug.
    Article(Option<Box<ArticleAnswer>>),
    /// The engine could not start (a bundle it cannot read): the message
    /// the reader is shown.
    Failed(String),
}

/// A page of the reader's list, with everything about the rest.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct SearchAnswer {
    /// Articles matching the query and filters.
    pub total: usize,
    /// `total` is a lower bound (see `search::Results::at_least`).
    pub at_least: bool,
    /// `total` is an estimate (see `search::Results::estimated`).
    pub estimated: bool,
    /// No article matched every word; these are the best partial matches.
    pub fallback: bool,
    /// Some of the index could not be fetched (offline): the hits, total
    /// and counts are of the rest (see `search::Results::incomplete`).
    pub incomplete: bool,
    pub facets: Facets,
    pub hits: Vec<CardText>,
}

/// What a card in the list shows of one article.
#[derive(Clone, Debug, PartialEq)]
pub struct CardText {
    pub slug: String,
    pub title: String,
    /// Byte ranges of matched words in the title.
    pub title_marks: Vec<Range<usize>>,
    pub publisher: Option<String>,
    pub date: Option<Date>,
    pub reading_minutes: usize,
    pub teaser: bool,
    pub passage: Passage,
}

/// The text under a card's title.
#[derive(Clone, Debug, PartialEq)]
pub enum Passage {
    /// The article's opening, when no body word matched.
    Excerpt(String),
    /// The passage that matched.
    Snippet(Snippet),
}

/// One article to read, with the search's matches in it and its
/// neighbours in the reader's list.
#[derive(Clone, Debug, PartialEq)]
pub struct ArticleAnswer {
    pub article: ArticleText,
    pub highlights: Highlights,
    pub previous: Option<Link>,
    pub next: Option<Link>,
}

/// What the article page shows of an article.
#[derive(Clone, Debug, PartialEq)]
pub struct ArticleText {
    pub slug: String,
    pub title: String,
    pub publisher: Option<String>,
    pub date: Option<Date>,
    pub dateline: Option<String>,
    pub reading_minutes: usize,
    pub teaser: bool,
    pub url: Option<String>,
    pub blocks: Vec<Block>,
    /// Photo captions and credits, as written.
    pub photos: Vec<String>,
    /// The people it names, most mentioned first.
    pub people: Vec<String>,
    /// What to read next, best first (see `folio_core::related`).
    pub related: Vec<Link>,
    pub source: Option<String>,
    pub copyright: Option<String>,
    /// The page's description.
    pub excerpt: String,
}
