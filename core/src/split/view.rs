//! One search's view of a split index: the words its dictionary shards
//! hold, with local ids in the order of the whole index's ids (so
//! expansions add up in the same order and scores come out the same), and
//! everything else read through the engine's files. What is missing reads
//! as empty and is noted, for the engine to fetch, or, for a file that
//! cannot be had (see [`Engine::lack`]), to say the answer may be
//! incomplete.

use crate::names::Names;
use std::cell::{Cell, RefCell};

use rustc_hash::FxHashMap;

use super::engine::{Engine, Loaded};
use super::estimate;
use super::format::{Head, Kind, PostingsAt, Shard, Tag, Target};
use crate::catalog::{Catalog, Facet, FacetValues, Facets, Filters};
use crate::corpus::Date;
use crate::search::index::{fields, Postings, Vocabulary};
use crate::search::members::Members;
use crate::search::query::Clause;
use crate::search::store::{counted, sequence_in};
use crate::search::{Query, Store};
use crate::varint;

/// The articles that have a pair of words side by side, or `None` for a
/// pair of common words that none has.
type PairDocs = Option<Vec<u32>>;

pub(super) struct View<'e> {
    engine: &'e Engine,
    vocab: Vocabulary,
    df: Vec<u32>,
    /// Per local word id: where its postings are, and the shard that
    /// points to them.
    postings: Vec<(&'e Target, &'e Shard)>,
    /// Whole-index word id to local id.
    local: FxHashMap<u32, u32>,
    /// Pairs of words side by side (`"security council"`), with their
    /// postings and how many articles have them.
    pairs: FxHashMap<&'e str, (&'e PostingsAt, &'e Shard, u32)>,
    /// The articles of each pair (of local word ids) a phrase has asked
    /// about, decoded once: `None` for a pair of common words that no
    /// article has. A phrase asks once per candidate article.
    pair_docs: RefCell<FxHashMap<(u32, u32), PairDocs>>,
    missing: RefCell<Names>,
    /// Whether it read around a file that cannot be had.
    lacked: Cell<bool>,
}

impl<'e> View<'e> {
    /// A view of every word in the engine's dictionary shards.
    pub fn new(engine: &'e Engine) -> View<'e> {
        let shards: Vec<&Shard> = engine.shards().collect();
        // Every word any key leads to, once, in whole-index id order.
        let mut words: Vec<(u32, Option<&str>, &Target, &Shard)> = Vec::new();
        let mut pairs = FxHashMap::default();
        for shard in &shards {
            for ((tag, key), targets) in &shard.entries {
                if *tag == Tag::Pair {
                    pairs.extend(targets.first().map(|t| (key.as_str(), (&t.postings, *shard, t.df))));
                    continue;
                }
                for t in targets {
                    let spelling = (*tag == Tag::Word).then_some(key.as_str());
                    words.push((t.word, spelling, t, shard));
                }
            }
        }
        crate::order::sort_by(&mut words, |a, b| a.0.cmp(&b.0).then(b.1.is_some().cmp(&a.1.is_some())));
        words.dedup_by_key(|w| w.0);
        let local: FxHashMap<u32, u32> = words.iter().enumerate().map(|(i, w)| (w.0, i as u32)).collect();
        let mut stems = Vec::new();
        let mut names = Vec::new();
        for shard in &shards {
            for ((tag, key), targets) in &shard.entries {
                let table = match tag {
                    Tag::Word | Tag::Pair => continue,
                    Tag::Stem => &mut stems,
                    Tag::Name => &mut names,
                };
                table.extend(targets.iter().map(|t| (key.clone(), local[&t.word])));
            }
        }
        let spellings: Vec<Option<&str>> = words.iter().map(|w| w.1).collect();
        View {
            engine,
            vocab: Vocabulary::from_words(&spellings, stems, names),
            df: words.iter().map(|w| w.2.df).collect(),
            postings: words.iter().map(|w| (w.2, w.3)).collect(),
            local,
            pairs,
            pair_docs: RefCell::default(),
            missing: RefCell::default(),
            lacked: Cell::new(false),
        }
    }

    /// Notes the postings of the query's pairs of words as needed, with the
    /// words' own: a phrase's candidates are checked against them, and
    /// asking only once the candidates are known took a round more.
    pub fn need_pairs(&self, query: &Query) {
        let phrases = query
            .required
            .iter()
            .chain(&query.excluded)
            .flat_map(|clause| match clause {
                Clause::Phrase(words) => vec![words.as_slice()],
                Clause::Place(names) => names.iter().map(Vec::as_slice).filter(|name| name.len() > 1).collect(),
                Clause::Word(_) => Vec::new(),
            });
        for words in phrases {
            for pair in words.windows(2) {
                if let Some(&(at, shard, _)) = self
                    .pairs
                    .get(format!("{} {}", pair[0].folded, pair[1].folded).as_str())
                {
                    self.bytes(at, shard);
                }
            }
        }
    }

    /// The files a search lacked and may fetch, and whether it read around
    /// files that cannot be had.
    pub fn missing(self) -> (Names, bool) {
        (self.missing.into_inner(), self.lacked.get())
    }

    /// Notes the file `name` as missing: to fetch, or, if it cannot be
    /// had, read around.
    fn note(&self, name: &str) {
        if self.engine.lacks(name) {
            self.lacked.set(true);
        } else {
            self.missing.borrow_mut().insert(name.to_string());
        }
    }

    /// The publisher, country and people counts of `docs` (months and days are
    /// left empty), with `filters`' values marked, estimated from the matches
    /// in a few catalogue shards; `None` where `docs` lie in so few shards
    /// that counting them all costs no more (see `estimate.rs`).
    fn sampled(&self, docs: &[u32], filters: &Filters) -> Option<Facets> {
        let sample = estimate::sample(self.engine.directory(), docs)?;
        self.need_catalog(&sample);
        let sample = self.describable(sample);
        let scale = docs.len() as f64 / sample.len().max(1) as f64;
        let sampled = self.catalog().filter(sample, filters).1;
        Some(Facets {
            publishers: sampled.publishers.scaled(scale),
            countries: sampled.countries.scaled(scale),
            months: FacetValues::default(),
            people: sampled.people.scaled(scale),
            days: Vec::new(),
        })
    }

    /// A postings list's bytes, or none, noted as missing.
    fn bytes(&self, at: &'e PostingsAt, shard: &'e Shard) -> &'e [u8] {
        match at {
            PostingsAt::Inline(bytes) => bytes,
            PostingsAt::File { file, start, end } => {
                let name = &shard.files[*file as usize];
                match self.engine.postings(name) {
                    Some(run) => run.get(*start as usize..*end as usize).unwrap_or(&[]),
                    None => {
                        self.note(name);
                        &[]
                    }
                }
            }
        }
    }

    /// A common word's head, until its whole list is here.
    fn headed(&self, word: u32) -> Option<&'e Head> {
        let (target, shard) = self.postings[word as usize];
        target.head.as_ref().filter(|_| !self.here(&target.postings, shard))
    }

    /// Whether a list's bytes are here.
    fn here(&self, at: &PostingsAt, shard: &Shard) -> bool {
        match at {
            PostingsAt::Inline(_) => true,
            PostingsAt::File { file, .. } => self.engine.postings(&shard.files[*file as usize]).is_some(),
        }
    }

    /// Article `doc`'s group and its place there, or `None`, noted as missing.
    fn at(&self, doc: u32) -> Option<(&'e Loaded, usize)> {
        let (first, name) = self.engine.directory().group_of(doc)?;
        let group = self.engine.group(&name);
        if group.is_none() {
            self.note(&name);
        }
        Some((group?, (doc - first) as usize)).filter(|(g, i)| *i < g.group.articles.len())
    }
}

impl Store for View<'_> {
    fn len(&self) -> usize {
        self.engine.directory().articles
    }

    fn vocab(&self) -> &Vocabulary {
        &self.vocab
    }

    fn df(&self) -> &[u32] {
        &self.df
    }

    fn postings(&self, word: u32) -> Postings<'_> {
        let (target, shard) = self.postings[word as usize];
        Postings::columns(self.bytes(&target.postings, shard), target.df as usize)
    }

    fn head(&self, word: u32) -> Option<(Postings<'_>, u32, f32)> {
        let (_, shard) = self.postings[word as usize];
        let head = self.headed(word)?;
        let bytes = self.bytes(&head.postings, shard);
        Some((Postings::columns(bytes, head.count as usize), head.group, head.bound))
    }

    fn head_group(&self, word: u32) -> Option<u32> {
        Some(self.headed(word)?.group)
    }

    fn averages(&self) -> (f32, f32) {
        self.engine.directory().averages
    }

    /// A phrase's pairs of common words answer for it without its words: a
    /// pair that an article lacks rules it out, and a phrase of two words
    /// that is one such pair is there exactly when the pair is. A pair of
    /// common words with no entry is in no article. Otherwise, the article's
    /// words decide.
    fn has_sequence(&self, doc: u32, ids: &[u32], words: &mut Vec<u32>) -> bool {
        let mut decided = true;
        for pair in ids.windows(2) {
            let common = pair
                .iter()
                .all(|&w| matches!(self.postings[w as usize].0.postings, PostingsAt::File { .. }));
            if !common {
                decided = false;
                continue;
            }
            let mut decoded = self.pair_docs.borrow_mut();
            let docs = decoded.entry((pair[0], pair[1])).or_insert_with(|| {
                let key = format!("{} {}", self.vocab.word(pair[0]), self.vocab.word(pair[1]));
                let &(at, shard, df) = self.pairs.get(key.as_str())?;
                Some(
                    Postings::columns(self.bytes(at, shard), df as usize)
                        .map(|p| p.doc)
                        .collect(),
                )
            });
            if docs.as_ref().is_none_or(|docs| docs.binary_search(&doc).is_err()) {
                return false;
            }
        }
        (decided && ids.len() == 2) || sequence_in(self, doc, ids, words)
    }

    fn forward(&self, doc: u32) -> impl Iterator<Item = u32> + '_ {
        let bytes: &[u8] = self.at(doc).map_or(&[], |(group, i)| &group.group.forward[i]);
        varint::iter(bytes).map(|word| self.local.get(&word).copied().unwrap_or(u32::MAX))
    }

    fn field_starts(&self, doc: u32) -> &[u32] {
        self.at(doc).map_or(&[], |(group, i)| &group.group.field_starts[i])
    }

    fn field_text(&self, doc: u32, field: usize) -> &str {
        self.at(doc).map_or("", |(group, i)| {
            fields(&group.group.articles[i], &group.bylines[i])
                .nth(field)
                .unwrap_or("")
        })
    }

    fn blocks(&self, doc: u32) -> usize {
        self.at(doc)
            .map_or(0, |(group, i)| group.group.articles[i].blocks.len())
    }

    fn catalog(&self) -> &Catalog {
        self.engine.catalog()
    }

    fn whole_facets(&self) -> Option<&Facets> {
        Some(&self.engine.directory().whole)
    }

    fn estimated_facets(&self, docs: &[u32]) -> Option<Facets> {
        let sampled = self.sampled(docs, &Filters::default())?;
        Some(Facets {
            months: estimate::months(self.engine.directory(), docs, &Names::new()),
            days: estimate::days(self.engine.directory(), docs),
            ..sampled
        })
    }

    fn members(&self, filters: &Filters) -> Option<Members> {
        let directory = self.engine.directory();
        let n = directory.articles;
        let mut members = Members::default();
        let mut sets: [Option<Vec<bool>>; 4] = Default::default();
        for (value, facet) in directory.chosen(filters) {
            let set = sets[facet as usize].get_or_insert_with(|| vec![false; n]);
            for name in directory.list_of(value) {
                let Some(docs) = self.engine.list(&name) else {
                    self.note(&name);
                    continue;
                };
                for &doc in docs {
                    if let Some(member) = set.get_mut(doc as usize) {
                        *member = true;
                    }
                }
            }
        }
        for facet in [Facet::Publisher, Facet::Country, Facet::Person] {
            if !filters.values(facet).is_empty() {
                // A value the archive lacks takes in nothing.
                members.choose(facet, sets[facet as usize].take().unwrap_or_else(|| vec![false; n]));
            }
        }
        if !filters.months.is_empty() {
            let mut set = vec![false; n];
            for (_, run) in directory
                .month_runs()
                .filter(|(month, _)| filters.months.contains(month))
            {
                if let Some(month) = set.get_mut(run.start as usize..run.end as usize) {
                    month.fill(true);
                }
            }
            members.choose(Facet::Month, set);
        }
        if let Some(dates) = filters.dates {
            members.date(directory.dated(dates));
        }
        Some(members)
    }

    fn facet_counts(&self, facet: Facet, docs: Vec<u32>, filters: &Filters, whole: bool) -> FacetValues {
        let directory = self.engine.directory();
        let chosen = filters.values(facet);
        if facet == Facet::Month {
            return estimate::months(directory, &docs, chosen);
        }
        if whole {
            return estimate::marked(directory.whole.get(facet), chosen);
        }
        let mut only = Filters::default();
        only.values_mut(facet).clone_from(chosen);
        match self.sampled(&docs, &only) {
            Some(sampled) => sampled.get(facet).clone(),
            None => counted(self, facet, docs, filters),
        }
    }

    fn timeline(&self, docs: &[u32]) -> Vec<(Date, usize)> {
        estimate::days(self.engine.directory(), docs)
    }

    fn dated(&self) -> bool {
        let directory = self.engine.directory();
        match directory.order.file(Kind::Order, 0) {
            Some(_) if self.engine.has_order() => true,
            Some(name) => {
                self.note(&name);
                false
            }
            None => false,
        }
    }

    fn need_catalog(&self, docs: &[u32]) {
        let directory = self.engine.directory();
        let mut last = None;
        for &doc in docs {
            let shard = doc as usize / directory.catalog_docs;
            if last == Some(shard) {
                continue;
            }
            last = Some(shard);
            if let Some(name) = directory.catalog_of(doc) {
                if !self.engine.has_catalog(&name) {
                    self.note(&name);
                }
            }
        }
    }

    fn describable(&self, mut docs: Vec<u32>) -> Vec<u32> {
        let directory = self.engine.directory();
        let lost: Vec<bool> = (0..directory.catalogs.files)
            .map(|i| (directory.catalogs.file(Kind::Catalog, i)).is_some_and(|name| self.engine.lacks(&name)))
            .collect();
        if lost.contains(&true) {
            docs.retain(|&doc| {
                !lost
                    .get(doc as usize / directory.catalog_docs)
                    .copied()
                    .unwrap_or(false)
            });
        }
        docs
    }

    fn ready(&self) -> bool {
        self.missing.borrow().is_empty()
    }
}
