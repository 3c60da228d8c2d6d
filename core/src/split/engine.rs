//! Searching a split index: the engine holds the files fetched so far, and
//! a search either answers or says which files it needs next. The caller
//! fetches those (all at once: one round) and asks again, so the engine
//! itself never waits on the network and runs the same natively and in
//! the browser.

use crate::names::Names;

use rustc_hash::FxHashMap;

use super::format::{
    decode_catalog, decode_list, decode_order, decode_postings, decode_slugs, Directory, Group, Key, Kind, Shard, Tag,
};
use super::view::View;
use crate::catalog::{Catalog, DocEntry, Filters, Sort};
use crate::corpus::bundle::BundleError;
use crate::corpus::Article;
use crate::search::index::byline;
use crate::search::query::Clause;
use crate::search::{expand, rank, snippet, typos_allowed, Count, Highlights, Query, Results, Word};

/// How far past its page a search looks for hits to show in place of
/// those whose article groups cannot be had: a page of 20 tries at most
/// 80 matches, two more rounds of fetches, each failing at once offline.
const REFILL: usize = 4;

/// What a search gives: an answer, or the files to fetch before asking again.
#[derive(Debug, PartialEq)]
pub enum Step<T> {
    Done(T),
    Need(Names),
}

impl<T> Step<T> {
    /// The step that needs the one file `name`.
    pub fn needing(name: String) -> Step<T> {
        let mut need = Names::new();
        need.insert(name);
        Step::Need(need)
    }

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

/// A fetched file, decoded: its name's first letter says which ([`Kind`]).
enum File {
    Shard(Shard),
    Postings(Vec<u8>),
    Group(Loaded),
    Catalog(Vec<DocEntry>),
    Slugs(Vec<(String, u32)>),
    /// Part of a facet value's list of articles.
    List(Vec<u32>),
}

pub struct Engine {
    directory: Directory,
    /// Every file fetched, by its name: one map rather than one per kind,
    /// as each map compiled its own copy of the hash table's code (1.5 KB
    /// gzipped of the worker's wasm).
    files: FxHashMap<String, File>,
    /// Every article, oldest first, once its file is here.
    oldest: Option<Vec<u32>>,
    /// The catalogue of every article described so far.
    catalog: Catalog,
    /// Files that could not be fetched (see [`Engine::lack`]).
    lacking: Names,
}

impl Engine {
    /// An engine for the index whose directory is `directory`.
    pub fn new(directory: &[u8]) -> Result<Engine, FileError> {
        let directory = Directory::decode(directory).map_err(|error| FileError {
            name: "directory".into(),
            error,
        })?;
        let catalog = Catalog::from_entries(names(&directory), &directory.whole.days, directory.articles, &[], None);
        Ok(Engine {
            directory,
            files: FxHashMap::default(),
            oldest: None,
            catalog,
            lacking: Names::new(),
        })
    }

    /// Takes note that the file `name`, which the engine asked for, could
    /// not be fetched: the network is unreachable (offline, with the file
    /// not kept). Until [`Engine::retry`], a search reads it as empty and
    /// never asks for it again, and its results say they may be incomplete
    /// ([`Results::incomplete`]): a dictionary shard's words are unknown, a
    /// postings file's articles unmatched, a catalogue shard's articles
    /// left out wherever the catalogue decides (filters, the oldest first,
    /// counting), so that the total, the order and the counts agree, and
    /// an article group's articles left out of the hits (the catalogue
    /// holds no title to show them by) and of the total. An article itself,
    /// or a slug, still needs its file.
    pub fn lack(&mut self, name: &str) {
        self.lacking.insert(name.to_string());
    }

    /// Forgets which files could not be fetched: the next answers ask for
    /// them again (the network may be back).
    pub fn retry(&mut self) {
        self.lacking.clear();
    }

    /// Whether the file `name` could not be fetched (see [`Engine::lack`]).
    pub fn lacks(&self, name: &str) -> bool {
        self.lacking.contains(name)
    }

    /// Takes a fetched file (one the engine asked for, by its name).
    pub fn add(&mut self, name: &str, bytes: &[u8]) -> Result<(), FileError> {
        let error = |error| FileError {
            name: name.to_string(),
            error,
        };
        let file = match name.as_bytes().first().copied() {
            Some(k) if k == Kind::Dictionary as u8 => File::Shard(Shard::decode(bytes).map_err(error)?),
            Some(k) if k == Kind::Postings as u8 => File::Postings(decode_postings(bytes).map_err(error)?),
            Some(k) if k == Kind::Group as u8 => {
                let group = Group::decode(bytes).map_err(error)?;
                let bylines = group.articles.iter().map(byline).collect();
                File::Group(Loaded { group, bylines })
            }
            Some(k) if k == Kind::Catalog as u8 => File::Catalog(decode_catalog(bytes).map_err(error)?),
            Some(k) if k == Kind::Slugs as u8 => File::Slugs(decode_slugs(bytes).map_err(error)?),
            Some(k) if k == Kind::List as u8 => File::List(decode_list(bytes).map_err(error)?),
            Some(k) if k == Kind::Order as u8 => {
                self.oldest = Some(decode_order(bytes).map_err(error)?);
                self.catalog = self.described();
                return Ok(());
            }
            _ => return Err(error(BundleError::NotABundle)),
        };
        let described = matches!(file, File::Catalog(_));
        self.files.insert(name.into(), file);
        if described {
            self.catalog = self.described();
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
    /// so a page of results costs no round more. A hit whose group cannot
    /// be had ([`Engine::lack`]) is left out, and the total with it; the
    /// page is filled from the matches after it, up to [`REFILL`] times
    /// its length, so that a page whose articles were not kept offline
    /// does not stand empty under a count of results.
    pub fn search(&self, query: &Query, filters: &Filters, sort: Sort, limit: usize) -> Step<Results> {
        self.search_counting(query, filters, sort, limit, Count::Facets)
    }

    /// [`Engine::search`], with the facet values counted only if `count`
    /// says so: counting is what reads the catalogue's shards.
    pub fn search_counting(
        &self,
        query: &Query,
        filters: &Filters,
        sort: Sort,
        limit: usize,
        count: Count,
    ) -> Step<Results> {
        let mut want = limit;
        loop {
            let (mut results, mut need, lacked) = match self.with_view(query, filters, sort, |view| {
                rank::search(view, query, filters, sort, want, count)
            }) {
                Step::Done(done) => done,
                Step::Need(need) => return Step::Need(need),
            };
            let ranked = results.hits.len();
            results.hits.retain(|hit| match self.loaded(hit.doc as u32) {
                Ok(_) => true,
                Err(name) if self.lacks(&name) => false,
                Err(name) => {
                    need.insert(name);
                    true
                }
            });
            if !need.is_empty() {
                return Step::Need(need);
            }
            let left_out = ranked - results.hits.len();
            if left_out > 0 && results.hits.len() < limit && ranked < results.total && want < REFILL * limit {
                want *= 2;
                continue;
            }
            results.hits.truncate(limit);
            results.total -= left_out;
            results.incomplete = lacked || left_out > 0;
            return Step::Done(results);
        }
    }

    /// Every article `search` would return, in its order, as
    /// [`crate::search::Index::ranked`] gives it: an article's previous and next.
    pub fn ranked(&self, query: &Query, filters: &Filters, sort: Sort) -> Step<Vec<usize>> {
        finish(self.with_view(query, filters, sort, |view| rank::ranked(view, query, filters, sort)))
    }

    /// Every match of `query` in article `doc`, as
    /// [`crate::search::Index::highlights`] gives them.
    pub fn highlights(&self, doc: usize, query: &Query) -> Step<Highlights> {
        finish(self.with_view(query, &Filters::default(), Sort::Relevance, |view| {
            snippet::highlights(view, doc, query)
        }))
    }

    /// The position of the article with this slug, or `None` if there is
    /// no such article.
    pub fn position(&self, slug: &str) -> Step<Option<usize>> {
        let Some(name) = self.directory.slugs_of(slug) else {
            return Step::Done(None);
        };
        let Some(File::Slugs(slugs)) = self.files.get(&name) else {
            return Step::needing(name);
        };
        let at = slugs.binary_search_by(|(s, _)| s.as_str().cmp(slug)).ok();
        Step::Done(at.map(|at| slugs[at].1 as usize))
    }

    /// Article `doc` (a position below [`Engine::len`]).
    pub fn article(&self, doc: usize) -> Step<&Article> {
        match self.loaded(doc as u32) {
            Ok(article) => Step::Done(article),
            Err(name) => Step::needing(name),
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
    /// query's words need, the lists of the facet values `filters` choose,
    /// and for the oldest first, that order, are here (or cannot be had);
    /// with what it found, the files it lacked, and whether it read around
    /// files that cannot be had (see [`Engine::lack`]).
    fn with_view<T>(
        &self,
        query: &Query,
        filters: &Filters,
        sort: Sort,
        work: impl FnOnce(&View<'_>) -> T,
    ) -> Step<(T, Names, bool)> {
        let (view, lacked) = match self.view(query, filters, sort) {
            Step::Done(done) => done,
            Step::Need(need) => return Step::Need(need),
        };
        let done = work(&view);
        let (need, lacking) = view.missing();
        Step::Done((done, need, lacking || lacked))
    }

    /// The view [`Engine::with_view`] works on, and whether it reads around
    /// files that cannot be had. Not generic, unlike `with_view`, so the
    /// worker's wasm holds it once rather than once per kind of work
    /// (0.7 KB gzipped).
    fn view(&self, query: &Query, filters: &Filters, sort: Sort) -> Step<(View<'_>, bool)> {
        let mut need = self.dictionary_needs(query);
        need.extend(self.list_needs(filters));
        if sort == Sort::Oldest && self.oldest.is_none() {
            need.extend(self.directory.order.file(Kind::Order, 0));
        }
        let mut lacked = false;
        let mut wanted = Names::new();
        for name in need {
            if self.files.contains_key(&name) {
                continue;
            }
            if self.lacks(&name) {
                lacked = true;
            } else {
                wanted.insert(name);
            }
        }
        if !wanted.is_empty() {
            return Step::Need(wanted);
        }
        let view = View::new(self);
        view.need_pairs(query);
        Step::Done((view, lacked))
    }

    /// Article `doc`, or the name of the group to fetch for it.
    fn loaded(&self, doc: u32) -> Result<&Article, String> {
        let (first, name) = self.directory.group_of(doc).unwrap_or_default();
        let Some(group) = self.group(&name) else {
            return Err(name);
        };
        group.group.articles.get((doc - first) as usize).ok_or(name)
    }

    /// The files of the lists of articles of the facet values `filters`
    /// choose (months need none: each is a run of article numbers).
    fn list_needs(&self, filters: &Filters) -> Vec<String> {
        let d = &self.directory;
        let mut need = Vec::new();
        if filters.only.is_some() {
            return need;
        }
        for (value, _) in d.chosen(filters) {
            need.extend(d.list_of(value));
        }
        need
    }

    /// The dictionary shards a query's words are looked up in: each word's
    /// own, its stem's and its name keys'; every word it begins, if it is
    /// being typed; every word with its first letter, if typos are allowed
    /// (see [`crate::search::expand::fuzzy`]).
    fn dictionary_needs(&self, query: &Query) -> Names {
        let mut need = Names::new();
        let d = &self.directory;
        let exact = |word: &Word, need: &mut Names| {
            need.extend(d.shard_of(&(Tag::Word, word.folded.clone())));
        };
        let expanded = |word: &Word, need: &mut Names| {
            exact(word, need);
            let (stem, names) = expand::keys(word);
            need.extend(d.shard_of(&(Tag::Stem, stem)));
            for name in names {
                need.extend(d.shard_of(&(Tag::Name, name)));
            }
            if word.prefix {
                let to: Key = (Tag::Word, format!("{}{}", word.folded, char::MAX));
                need.extend(d.shards_between(&(Tag::Word, word.folded.clone()), &to));
            }
            if typos_allowed(word.folded.chars().count()) > 0 {
                if let Some(first) = word.folded.chars().next() {
                    let to = (Tag::Word, format!("{first}{}", char::MAX));
                    need.extend(d.shards_between(&(Tag::Word, first.to_string()), &to));
                }
            }
        };
        // A phrase's words, and its pairs of words side by side.
        let phrase = |words: &[Word], need: &mut Names| {
            words.iter().for_each(|w| exact(w, need));
            for pair in words.windows(2) {
                let key = (Tag::Pair, format!("{} {}", pair[0].folded, pair[1].folded));
                need.extend(d.shard_of(&key));
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
        self.files.values().filter_map(|file| match file {
            File::Shard(shard) => Some(shard),
            _ => None,
        })
    }

    pub(super) fn postings(&self, name: &str) -> Option<&[u8]> {
        match self.files.get(name) {
            Some(File::Postings(postings)) => Some(postings),
            _ => None,
        }
    }

    pub(super) fn group(&self, name: &str) -> Option<&Loaded> {
        match self.files.get(name) {
            Some(File::Group(group)) => Some(group),
            _ => None,
        }
    }

    pub(super) fn list(&self, name: &str) -> Option<&[u32]> {
        match self.files.get(name) {
            Some(File::List(list)) => Some(list),
            _ => None,
        }
    }

    /// Whether the oldest-first order is here (see [`Directory::order`]).
    pub(super) fn has_order(&self) -> bool {
        self.oldest.is_some()
    }

    pub(super) fn has_catalog(&self, name: &str) -> bool {
        matches!(self.files.get(name), Some(File::Catalog(_)))
    }

    pub(super) fn catalog(&self) -> &Catalog {
        &self.catalog
    }

    /// A catalogue of the articles the fetched shards describe.
    fn described(&self) -> Catalog {
        let d = &self.directory;
        let known: Vec<(u32, DocEntry)> = (0..d.catalogs.files)
            .filter_map(|i| match self.files.get(&d.catalogs.file(Kind::Catalog, i)?) {
                Some(File::Catalog(entries)) => Some((i, entries)),
                _ => None,
            })
            .flat_map(|(i, entries)| {
                let first = (i * d.catalog_docs) as u32;
                (first..).zip(entries.iter().cloned())
            })
            .collect();
        Catalog::from_entries(names(d), &d.whole.days, d.articles, &known, self.oldest.as_deref())
    }
}

/// What a view found, unless it lacked files it may fetch.
fn finish<T>(step: Step<(T, Names, bool)>) -> Step<T> {
    match step {
        Step::Done((done, need, _)) if need.is_empty() => Step::Done(done),
        Step::Done((_, need, _)) | Step::Need(need) => Step::Need(need),
    }
}

/// The facet values' names, as the catalogue takes them.
fn names(d: &Directory) -> (Vec<String>, Vec<&'static str>, Vec<String>, Vec<String>) {
    (
        d.publishers.clone(),
        d.countries.clone(),
        d.months.clone(),
        d.people.clone(),
    )
}
