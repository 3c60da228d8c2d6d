//! Searching a split index: the engine holds the files fetched so far, and
//! a search either answers or says which files it needs next. The caller
//! fetches those (all at once: one round) and asks again, so the engine
//! itself never waits on the network and runs the same natively and in
//! the browser.

use std::collections::BTreeSet;

use rustc_hash::FxHashMap;

use super::format::{decode_catalog, decode_postings, decode_slugs, Directory, Group, Key, Kind, Shard, Tag};
use super::view::View;
use crate::catalog::{Catalog, DocEntry, Filters, Sort};
use crate::corpus::bundle::BundleError;
use crate::corpus::Article;
use crate::search::index::byline;
use crate::search::query::Clause;
use crate::search::{expand, rank, snippet, typos_allowed, Highlights, Query, Results, Word};

/// What a search gives: an answer, or the files to fetch before asking again.
#[derive(Debug, PartialEq)]
pub enum Step<T> {
    Done(T),
    Need(BTreeSet<String>),
}

impl<T> Step<T> {
    /// The answer made into another, or the same files needed.
    pub fn map<U>(self, f: impl FnOnce(T) -> U) -> Step<U> {
        match self {
            Step::Done(done) => Step::Done(f(done)),
            Step::Need(need) => Step::Need(need),
        }
    }
}

/// An article group as the engine keeps it: the articles, and each one's
/// byline, which the search reads as a field.
pub(super) struct Loaded {
    pub group: Group,
    pub bylines: Vec<String>,
}

/// Why a fetched file was refused.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FileError {
    pub name: String,
    pub error: BundleError,
}

impl std::fmt::Display for FileError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "index file {}: {}", self.name, self.error)
    }
}

impl std::error::Error for FileError {}

pub struct Engine {
    directory: Directory,
    shards: FxHashMap<String, Shard>,
    postings: FxHashMap<String, Vec<u8>>,
    groups: FxHashMap<String, Loaded>,
    catalogs: FxHashMap<String, Vec<DocEntry>>,
    slugs: FxHashMap<String, Vec<(String, u32)>>,
    /// The catalogue of every article described so far.
    catalog: Catalog,
}

impl Engine {
    /// An engine for the index whose directory is `directory`.
    pub fn new(directory: &[u8]) -> Result<Engine, FileError> {
        let directory = Directory::decode(directory).map_err(|error| FileError {
            name: "directory".into(),
            error,
        })?;
        let catalog = Catalog::from_entries(names(&directory), directory.articles, &[]);
        Ok(Engine {
            directory,
            shards: FxHashMap::default(),
            postings: FxHashMap::default(),
            groups: FxHashMap::default(),
            catalogs: FxHashMap::default(),
            slugs: FxHashMap::default(),
            catalog,
        })
    }

    /// Takes a fetched file (one the engine asked for, by its name).
    pub fn add(&mut self, name: &str, bytes: &[u8]) -> Result<(), FileError> {
        let error = |error| FileError {
            name: name.to_string(),
            error,
        };
        match name.as_bytes().first().copied() {
            Some(k) if k == Kind::Dictionary as u8 => {
                self.shards.insert(name.into(), Shard::decode(bytes).map_err(error)?);
            }
            Some(k) if k == Kind::Postings as u8 => {
                self.postings
                    .insert(name.into(), decode_postings(bytes).map_err(error)?);
            }
            Some(k) if k == Kind::Group as u8 => {
                let group = Group::decode(bytes).map_err(error)?;
                let bylines = group.articles.iter().map(byline).collect();
                self.groups.insert(name.into(), Loaded { group, bylines });
            }
            Some(k) if k == Kind::Catalog as u8 => {
                self.catalogs.insert(name.into(), decode_catalog(bytes).map_err(error)?);
                self.catalog = self.described();
            }
            Some(k) if k == Kind::Slugs as u8 => {
                self.slugs.insert(name.into(), decode_slugs(bytes).map_err(error)?);
            }
            _ => return Err(error(BundleError::NotABundle)),
        }
        Ok(())
    }

    /// How many articles the index holds.
    pub fn len(&self) -> usize {
        self.directory.articles
    }

    /// Whether the index holds no article.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Runs a search as [`crate::search::Index::search`] does. Done only
    /// once the articles of its hits are here too ([`Engine::article`]),
    /// so a page of results costs no round more.
    pub fn search(&self, query: &Query, filters: &Filters, sort: Sort, limit: usize) -> Step<Results> {
        let (results, mut need) = match self.with_view(query, |view| rank::search(view, query, filters, sort, limit)) {
            Step::Done(done) => done,
            Step::Need(need) => return Step::Need(need),
        };
        for hit in &results.hits {
            if let Err(name) = self.loaded(hit.doc as u32) {
                need.insert(name);
            }
        }
        if need.is_empty() {
            Step::Done(results)
        } else {
            Step::Need(need)
        }
    }

    /// Every article `search` would return, in its order, as
    /// [`crate::search::Index::ranked`] gives it: an article's previous and next.
    pub fn ranked(&self, query: &Query, filters: &Filters, sort: Sort) -> Step<Vec<usize>> {
        finish(self.with_view(query, |view| rank::ranked(view, query, filters, sort)))
    }

    /// Every match of `query` in article `doc`, as
    /// [`crate::search::Index::highlights`] gives them.
    pub fn highlights(&self, doc: usize, query: &Query) -> Step<Highlights> {
        finish(self.with_view(query, |view| snippet::highlights(view, doc, query)))
    }

    /// The position of the article with this slug, or `None` if there is
    /// no such article.
    pub fn position(&self, slug: &str) -> Step<Option<usize>> {
        let Some(name) = self.directory.slugs_of(slug) else {
            return Step::Done(None);
        };
        let Some(slugs) = self.slugs.get(name) else {
            return Step::Need(BTreeSet::from([name.to_string()]));
        };
        let at = slugs.binary_search_by(|(s, _)| s.as_str().cmp(slug)).ok();
        Step::Done(at.map(|at| slugs[at].1 as usize))
    }

    /// Article `doc` (a position below [`Engine::len`]).
    pub fn article(&self, doc: usize) -> Step<&Article> {
        match self.loaded(doc as u32) {
            Ok(article) => Step::Done(article),
            Err(name) => Step::Need(BTreeSet::from([name])),
        }
    }

    /// The article with this slug, and its position, or `None` if there is
    /// no such article.
    pub fn by_slug(&self, slug: &str) -> Step<Option<(usize, &Article)>> {
        match self.position(slug) {
            Step::Done(Some(doc)) => self.article(doc).map(|article| Some((doc, article))),
            Step::Done(None) => Step::Done(None),
            Step::Need(need) => Step::Need(need),
        }
    }

    /// Runs `work` on a view of the index once the dictionary shards the
    /// query's words need are here; with what it found, the files it lacked.
    fn with_view<T>(&self, query: &Query, work: impl FnOnce(&View<'_>) -> T) -> Step<(T, BTreeSet<String>)> {
        let mut need = self.dictionary_needs(query);
        // Kept in place: collecting into a new set would sort with std's
        // stable sort, the engine's only use of it (2.8 KB gzipped of wasm).
        need.retain(|name| !self.shards.contains_key(name));
        if !need.is_empty() {
            return Step::Need(need);
        }
        let view = View::new(self);
        view.need_pairs(query);
        let done = work(&view);
        Step::Done((done, view.missing()))
    }

    /// Article `doc`, or the name of the group to fetch for it.
    fn loaded(&self, doc: u32) -> Result<&Article, String> {
        let (first, name) = self.directory.group_of(doc).unwrap_or_default();
        let Some(group) = self.groups.get(&name) else {
            return Err(name);
        };
        group.group.articles.get((doc - first) as usize).ok_or(name)
    }

    /// The dictionary shards a query's words are looked up in: each word's
    /// own, its stem's and its name keys'; every word it begins, if it is
    /// being typed; every word with its first letter, if typos are allowed
    /// (see [`crate::search::expand::fuzzy`]).
    fn dictionary_needs(&self, query: &Query) -> BTreeSet<String> {
        let mut need = BTreeSet::new();
        let d = &self.directory;
        let exact = |word: &Word, need: &mut BTreeSet<String>| {
            need.extend(d.shard_of(&(Tag::Word, word.folded.clone())).map(str::to_string));
        };
        let expanded = |word: &Word, need: &mut BTreeSet<String>| {
            exact(word, need);
            let (stem, names) = expand::keys(word);
            need.extend(d.shard_of(&(Tag::Stem, stem)).map(str::to_string));
            for name in names {
                need.extend(d.shard_of(&(Tag::Name, name)).map(str::to_string));
            }
            if word.prefix {
                let to: Key = (Tag::Word, format!("{}{}", word.folded, char::MAX));
                need.extend(
                    d.shards_between(&(Tag::Word, word.folded.clone()), &to)
                        .map(str::to_string),
                );
            }
            if typos_allowed(word.folded.chars().count()) > 0 {
                if let Some(first) = word.folded.chars().next() {
                    let to = (Tag::Word, format!("{first}{}", char::MAX));
                    need.extend(
                        d.shards_between(&(Tag::Word, first.to_string()), &to)
                            .map(str::to_string),
                    );
                }
            }
        };
        // A phrase's words, and its pairs of words side by side.
        let phrase = |words: &[Word], need: &mut BTreeSet<String>| {
            words.iter().for_each(|w| exact(w, need));
            for pair in words.windows(2) {
                let key = (Tag::Pair, format!("{} {}", pair[0].folded, pair[1].folded));
                need.extend(d.shard_of(&key).map(str::to_string));
            }
        };
        for clause in query.required.iter().chain(&query.excluded) {
            match clause {
                Clause::Word(word) => expanded(word, &mut need),
                Clause::Phrase(words) => phrase(words, &mut need),
                Clause::Place(names) => {
                    for (i, name) in names.iter().enumerate() {
                        match name.as_slice() {
                            [typed] if i == 0 => expanded(typed, &mut need),
                            words => phrase(words, &mut need),
                        }
                    }
                }
            }
        }
        need
    }

    pub(super) fn directory(&self) -> &Directory {
        &self.directory
    }

    pub(super) fn shards(&self) -> impl Iterator<Item = &Shard> {
        self.shards.values()
    }

    pub(super) fn postings(&self, name: &str) -> Option<&[u8]> {
        self.postings.get(name).map(Vec::as_slice)
    }

    pub(super) fn group(&self, name: &str) -> Option<&Loaded> {
        self.groups.get(name)
    }

    pub(super) fn has_catalog(&self, name: &str) -> bool {
        self.catalogs.contains_key(name)
    }

    pub(super) fn catalog(&self) -> &Catalog {
        &self.catalog
    }

    /// A catalogue of the articles the fetched shards describe.
    fn described(&self) -> Catalog {
        let d = &self.directory;
        let known: Vec<(u32, DocEntry)> = d
            .catalogs
            .iter()
            .enumerate()
            .filter_map(|(i, name)| Some((i, self.catalogs.get(name)?)))
            .flat_map(|(i, entries)| {
                let first = (i * d.catalog_docs) as u32;
                (first..).zip(entries.iter().cloned())
            })
            .collect();
        Catalog::from_entries(names(d), d.articles, &known)
    }
}

/// What a view found, unless it lacked files.
fn finish<T>(step: Step<(T, BTreeSet<String>)>) -> Step<T> {
    match step {
        Step::Done((done, need)) if need.is_empty() => Step::Done(done),
        Step::Done((_, need)) | Step::Need(need) => Step::Need(need),
    }
}

/// The facet values' names, as the catalogue takes them.
fn names(d: &Directory) -> (Vec<String>, Vec<&'static str>, Vec<String>) {
    (d.publishers.clone(), d.countries.clone(), d.months.clone())
}
