//! The engine's answers, read from any [`Source`]: an index in memory
//! (prerendering, tests), which has everything at hand, or a split index
//! (the worker), which may first need files. One code path for both, so
//! the app sees the same answers from either.

use crate::names::Names;

use super::protocol::{
    ArticleAnswer, ArticleRequest, ArticleText, CardText, List, Passage, Request, Response, SearchAnswer, SearchRequest,
};
use crate::catalog::{Filters, Sort};
use crate::corpus::Article;
use crate::neighbours::Neighbours;
use crate::order::distinct;
use crate::search::{Count, Highlights, Index, Query, Results};
use crate::split::{self, Step};

/// What the answers are read from. Each read is done, or names the files
/// it needs first ([`Step`]).
pub trait Source {
    fn articles(&self) -> usize;
    fn search(&self, query: &Query, filters: &Filters, sort: Sort, limit: usize, count: Count) -> Step<Results>;
    fn ranked(&self, query: &Query, filters: &Filters, sort: Sort) -> Step<Vec<usize>>;
    fn highlights(&self, doc: usize, query: &Query) -> Step<Highlights>;
    fn position(&self, slug: &str) -> Step<Option<usize>>;
    fn article(&self, doc: usize) -> Step<&Article>;
}

impl Source for Index {
    fn articles(&self) -> usize {
        self.len()
    }

    fn search(&self, query: &Query, filters: &Filters, sort: Sort, limit: usize, count: Count) -> Step<Results> {
        Step::Done(Index::search_counting(self, query, filters, sort, limit, count))
    }

    fn ranked(&self, query: &Query, filters: &Filters, sort: Sort) -> Step<Vec<usize>> {
        Step::Done(Index::ranked(self, query, filters, sort))
    }

    fn highlights(&self, doc: usize, query: &Query) -> Step<Highlights> {
        Step::Done(Index::highlights(self, doc, query))
    }

    fn position(&self, slug: &str) -> Step<Option<usize>> {
        Step::Done(self.by_slug(slug).map(|(doc, _)| doc))
    }

    fn article(&self, doc: usize) -> Step<&Article> {
        Step::Done(&self.articles()[doc])
    }
}

impl Source for split::Engine {
    fn articles(&self) -> usize {
        self.len()
    }

    fn search(&self, query: &Query, filters: &Filters, sort: Sort, limit: usize, count: Count) -> Step<Results> {
        split::Engine::search_counting(self, query, filters, sort, limit, count)
    }

    fn ranked(&self, query: &Query, filters: &Filters, sort: Sort) -> Step<Vec<usize>> {
        split::Engine::ranked(self, query, filters, sort)
    }

    fn highlights(&self, doc: usize, query: &Query) -> Step<Highlights> {
        split::Engine::highlights(self, doc, query)
    }

    fn position(&self, slug: &str) -> Step<Option<usize>> {
        split::Engine::position(self, slug)
    }

    fn article(&self, doc: usize) -> Step<&Article> {
        split::Engine::article(self, doc)
    }
}

/// The answer to `request`, or the files to fetch (all at once) before
/// asking again.
pub fn answer<S: Source>(source: &S, request: &Request) -> Step<Response> {
    match request {
        Request::Start => Step::Done(Response::Started {
            articles: source.articles(),
        }),
        Request::Search(request) => search(source, request).map(Response::Search),
        Request::Article(request) => article(source, request).map(|found| Response::Article(found.map(Box::new))),
    }
}

/// The answer to `request` from an index in memory, which never waits.
pub fn answer_now(index: &Index, request: &Request) -> Response {
    match answer(index, request) {
        Step::Done(response) => response,
        Step::Need(_) => unreachable!("an index in memory has every file"),
    }
}

/// Collects what several independent reads lack, so that one round
/// fetches it all.
#[derive(Default)]
struct Needs(Names);

impl Needs {
    fn take<T>(&mut self, step: Step<T>) -> Option<T> {
        match step {
            Step::Done(done) => Some(done),
            Step::Need(need) => {
                self.0.extend(need);
                None
            }
        }
    }

    /// `done`, unless some read lacked files.
    fn then<T>(self, done: impl FnOnce() -> T) -> Step<T> {
        if self.0.is_empty() {
            Step::Done(done())
        } else {
            Step::Need(self.0)
        }
    }
}

/// The filters of `list`, with the saved articles' positions.
fn filters<S: Source>(source: &S, list: &List) -> Step<Filters> {
    let mut filters = Filters {
        only: None,
        ..list.filters.clone()
    };
    let Some(saved) = &list.saved else {
        return Step::Done(filters);
    };
    let mut needs = Needs::default();
    let mut only = Vec::new();
    for slug in saved {
        if let Some(Some(doc)) = needs.take(source.position(slug)) {
            only.push(doc as u32);
        }
    }
    needs.then(|| {
        filters.only = Some(distinct(only));
        filters
    })
}

fn search<S: Source>(source: &S, request: &SearchRequest) -> Step<SearchAnswer> {
    let list = &request.list;
    let filters = match filters(source, list) {
        Step::Done(filters) => filters,
        Step::Need(need) => return Step::Need(need),
    };
    // The timeline is above every list; the facets' values only where seen.
    let count = if request.facets { Count::Facets } else { Count::Timeline };
    let results = match source.search(&Query::parse(&list.query), &filters, list.sort, request.limit, count) {
        Step::Done(results) => results,
        Step::Need(need) => return Step::Need(need),
    };
    let mut needs = Needs::default();
    let articles: Vec<Option<&Article>> = results
        .hits
        .iter()
        .map(|hit| needs.take(source.article(hit.doc)))
        .collect();
    needs.then(|| SearchAnswer {
        total: results.total,
        at_least: results.at_least,
        estimated: results.estimated,
        fallback: results.fallback,
        incomplete: results.incomplete,
        facets: results.facets,
        hits: results
            .hits
            .into_iter()
            .zip(articles.into_iter().flatten())
            .map(|(hit, article)| CardText {
                slug: article.slug.clone(),
                title: article.title.clone(),
                title_marks: hit.title,
                publisher: article.publisher.clone(),
                date: article.date,
                reading_minutes: article.reading_minutes,
                teaser: article.teaser,
                passage: match hit.snippet {
                    Some(snippet) => Passage::Snippet(snippet),
                    None => Passage::Excerpt(article.excerpt.clone()),
                },
            })
            .collect(),
    })
}

/// An article, its matches and its neighbours in the list. The article,
/// the list's order and the matches are read together; the neighbours'
/// titles once the order is known.
fn article<S: Source>(source: &S, request: &ArticleRequest) -> Step<Option<ArticleAnswer>> {
    let list = &request.list;
    let query = Query::parse(&list.query);
    let filters = match filters(source, list) {
        Step::Done(filters) => filters,
        Step::Need(need) => return Step::Need(need),
    };
    let doc = match source.position(&request.slug) {
        Step::Done(Some(doc)) => doc,
        Step::Done(None) => return Step::Done(None),
        Step::Need(need) => return Step::Need(need),
    };
    let mut needs = Needs::default();
    let article = needs.take(source.article(doc));
    let highlights = needs.take(source.highlights(doc, &query));
    let order = needs.take(source.ranked(&query, &filters, list.sort));
    let Neighbours { previous, next } = order.map_or_else(Neighbours::default, |order| Neighbours::of(doc, &order));
    let mut link = |doc: Option<usize>| Some(needs.take(source.article(doc?))?.link());
    let (previous, next) = (link(previous), link(next));
    match (article, highlights) {
        (Some(article), Some(highlights)) if needs.0.is_empty() => Step::Done(Some(ArticleAnswer {
            article: text_of(article),
            highlights,
            previous,
            next,
        })),
        _ => Step::Need(needs.0),
    }
}

fn text_of(article: &Article) -> ArticleText {
    ArticleText {
        slug: article.slug.clone(),
        title: article.title.clone(),
        publisher: article.publisher.clone(),
        date: article.date,
        dateline: article.dateline.clone(),
        reading_minutes: article.reading_minutes,
        teaser: article.teaser,
        url: article.url.clone(),
        blocks: article.blocks.clone(),
        photos: article.photos.iter().map(|photo| photo.text()).collect(),
        people: article.people.clone(),
        related: article.related.clone(),
        source: article.source.clone(),
        copyright: article.copyright.clone(),
        excerpt: article.excerpt.clone(),
    }
}
