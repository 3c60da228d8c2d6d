//! What a search reads, whoever holds it: the in-memory [`Index`] holds
//! everything, a split index's [`crate::split`] view holds what has been
//! fetched for one query. Ranking, matching and snippets read only through
//! this, so both give the same answers by construction.
//!
//! [`Index`]: super::Index

use super::index::{Postings, Vocabulary};
use super::members::Members;
use crate::catalog::{Catalog, Facet, FacetValues, Facets, Filters};
use crate::corpus::Date;

pub(crate) trait Store {
    /// Articles in the whole corpus (idf and the accumulators depend on it).
    fn len(&self) -> usize;
    /// The words a search can reach, with ids in the order of the whole
    /// index's ids (expansions are summed in id order).
    fn vocab(&self) -> &Vocabulary;
    /// Per word id: how many articles of the whole corpus contain it.
    fn df(&self) -> &[u32];
    /// A word's postings, by article.
    fn postings(&self, word: u32) -> Postings<'_>;
    /// The head of a common word's list, its group and its bound (see
    /// `split::format::Head`), where a split index has the head but not
    /// yet the whole list (see `search/heads.rs`); `None`: read
    /// [`Store::postings`].
    fn head(&self, _word: u32) -> Option<(Postings<'_>, u32, f32)> {
        None
    }
    /// The group of a word's head, where [`Store::head`] would read one,
    /// without reading it.
    fn head_group(&self, _word: u32) -> Option<u32> {
        None
    }
    /// The average title and body lengths, which a word's weight in an
    /// article depends on.
    fn averages(&self) -> (f32, f32);
    /// The word ids of an article in reading order (words the store does
    /// not know are `u32::MAX`).
    fn forward(&self, doc: u32) -> impl Iterator<Item = u32> + '_;
    /// Where each field of an article starts among its words (see
    /// `index::fields`).
    fn field_starts(&self, doc: u32) -> &[u32];
    /// The text of one field of an article.
    fn field_text(&self, doc: u32, field: usize) -> &str;
    /// How many body blocks an article has.
    fn blocks(&self, doc: u32) -> usize;
    fn catalog(&self) -> &Catalog;

    /// Whether `doc` has the words `ids` (two or more) side by side, in
    /// order, in one field. `words` is scratch space for its word ids.
    fn has_sequence(&self, doc: u32, ids: &[u32], words: &mut Vec<u32>) -> bool {
        sequence_in(self, doc, ids, words)
    }

    /// The facet counts of every article, when they are known without the
    /// catalogue (a split index's directory holds them); the in-memory
    /// index counts them.
    fn whole_facets(&self) -> Option<&Facets> {
        None
    }

    /// The facet counts of `docs`, the matches of a list with no filter,
    /// estimated where counting them all would read too much of a split
    /// index's catalogue (see `split/estimate.rs`); `None`: count them all.
    fn estimated_facets(&self, _docs: &[u32]) -> Option<Facets> {
        None
    }

    /// Which articles each facet's filter in `filters` takes in, where a
    /// store knows it without the catalogue (a split index's lists of
    /// articles per facet value, the files missing noted); `None`: the
    /// catalogue filters. `filters.only` is not among them.
    fn members(&self, _filters: &Filters) -> Option<Members> {
        None
    }

    /// The counts of `facet`'s values over `docs`, the matches that pass
    /// the other facets' filters, with `filters`' chosen values marked;
    /// `whole` when `docs` are every article. Counted in the catalogue; a
    /// split index estimates where that would read too much of it.
    fn facet_counts(&self, facet: Facet, docs: Vec<u32>, filters: &Filters, _whole: bool) -> FacetValues {
        counted(self, facet, docs, filters)
    }

    /// The timeline of `docs`: how many fall on each day, oldest first.
    /// Counted in the catalogue; a split index reads where each day's
    /// articles are numbered instead.
    fn timeline(&self, docs: &[u32]) -> Vec<(Date, usize)> {
        self.catalog().timeline(docs)
    }

    /// Whether the catalogue orders every article oldest first without
    /// describing each: the in-memory index's does; a split index's once
    /// its order's file is here (if it cannot be had, noted, the order is
    /// read from the catalogue of the articles it orders).
    fn dated(&self) -> bool {
        true
    }

    /// Says that the catalogue must describe `docs` (it is about to filter,
    /// count or order them). The in-memory index describes every article.
    fn need_catalog(&self, _docs: &[u32]) {}

    /// `docs` without the articles the catalogue can never describe (a
    /// split index's catalogue shard that could not be fetched): where the
    /// catalogue decides, they are left out of what is filtered, counted
    /// and ordered, so the total, the order and the counts agree.
    fn describable(&self, docs: Vec<u32>) -> Vec<u32> {
        docs
    }

    /// Whether everything read so far was there. A split index's view
    /// reads what it has and notes what it lacks; a search stops at the
    /// end of a step that lacked something, so that it never asks for the
    /// next step's parts on a wrong guess (the articles of hits it could
    /// not yet score).
    fn ready(&self) -> bool {
        true
    }
}

/// The counts of `facet`'s values over `docs`, from the catalogue, with
/// `filters`' chosen values of that facet marked.
pub(crate) fn counted<S: Store + ?Sized>(store: &S, facet: Facet, docs: Vec<u32>, filters: &Filters) -> FacetValues {
    store.need_catalog(&docs);
    let mut chosen = Filters::default();
    chosen.values_mut(facet).clone_from(filters.values(facet));
    let (_, facets) = store.catalog().filter(store.describable(docs), &chosen);
    facets.get(facet).clone()
}

/// Whether `doc` has the words `ids` side by side, in order, in one field,
/// read from its words.
pub(crate) fn sequence_in<S: Store + ?Sized>(store: &S, doc: u32, ids: &[u32], words: &mut Vec<u32>) -> bool {
    let starts = store.field_starts(doc);
    let field = |p: usize| starts.partition_point(|&s| s as usize <= p);
    words.clear();
    words.extend(store.forward(doc));
    // Compared word by word: the slices are too short for memcmp to pay.
    let last = ids.len() - 1;
    (0..words.len().saturating_sub(last)).any(|first| {
        words[first] == ids[0]
            && ids[1..].iter().zip(&words[first + 1..]).all(|(a, b)| a == b)
            && field(first) == field(first + last)
    })
}
