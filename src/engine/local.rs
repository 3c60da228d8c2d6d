//! The engine over an index in memory: what the worker runs, and what
//! prerendering and the native tests ask directly.

use std::collections::BTreeSet;

use super::protocol::{
    ArticleAnswer, ArticleRequest, ArticleText, CardText, Link, List, Passage, Request, Response, SearchAnswer,
    SearchRequest,
};
use crate::catalog::Filters;
use crate::corpus::Article;
use crate::neighbours::Neighbours;
use crate::search::{Index, Query};

pub struct LocalEngine {
    index: Index,
}

impl LocalEngine {
    pub fn new(index: Index) -> LocalEngine {
        LocalEngine { index }
    }

    pub fn index(&self) -> &Index {
        &self.index
    }

    /// The answer to `request`, at once.
    pub fn answer(&self, request: &Request) -> Response {
        match request {
            Request::Start => Response::Started {
                articles: self.index.len(),
            },
            Request::Search(request) => Response::Search(self.search(request)),
            Request::Article(request) => Response::Article(self.article(request).map(Box::new)),
        }
    }

    /// The filters of `list`, with the saved articles' positions.
    fn filters(&self, list: &List) -> Filters {
        let mut filters = Filters {
            only: None,
            ..list.filters.clone()
        };
        if let Some(saved) = &list.saved {
            // Extended, not collected: collecting a set compiles a sort of its own.
            let mut only = BTreeSet::new();
            only.extend(
                self.index
                    .articles()
                    .iter()
                    .enumerate()
                    .filter(|(_, a)| saved.contains(&a.slug))
                    .map(|(i, _)| i as u32),
            );
            filters.only = Some(only);
        }
        filters
    }

    fn search(&self, request: &SearchRequest) -> SearchAnswer {
        let list = &request.list;
        let results = self.index.search(
            &Query::parse(&list.query),
            &self.filters(list),
            list.sort,
            request.limit,
        );
        let articles = self.index.articles();
        SearchAnswer {
            total: results.total,
            at_least: results.at_least,
            fallback: results.fallback,
            facets: results.facets,
            hits: results
                .hits
                .into_iter()
                .map(|hit| {
                    let article = &articles[hit.doc];
                    CardText {
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
                    }
                })
                .collect(),
        }
    }

    fn article(&self, request: &ArticleRequest) -> Option<ArticleAnswer> {
        let (doc, article) = self.index.by_slug(&request.slug)?;
        let list = &request.list;
        let query = Query::parse(&list.query);
        let order = self.index.ranked(&query, &self.filters(list), list.sort);
        let Neighbours { previous, next } = Neighbours::of(doc, &order);
        let link = |doc: usize| {
            let other = &self.index.articles()[doc];
            Link {
                slug: other.slug.clone(),
                title: other.title.clone(),
            }
        };
        Some(ArticleAnswer {
            article: text_of(article),
            highlights: self.index.highlights(doc, &query),
            previous: previous.map(link),
            next: next.map(link),
        })
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
        source: article.source.clone(),
        copyright: article.copyright.clone(),
        excerpt: article.excerpt.clone(),
    }
}
