//! Writing a split index: the files, cut to about a given size and named
//! by their checksums, from lists that come in key order. The same code
//! writes an in-memory [`Index`] ([`write`]) and an index streamed through
//! temporary files ([`super::write_to`]), so the two give the same files.

use std::collections::VecDeque;
use std::hash::Hasher;

use rustc_hash::{FxHashMap, FxHasher};

use super::format::{
    columns, encode_catalog, encode_list, encode_order, encode_postings, encode_slugs, slug_shard, Block, Directory,
    Group, Head, Key, Kind, PostingsAt, Shard, Tag, Target, GROUP_BLOCK,
};
use super::pairs::Pairs;
use super::spellings::{Cut, Spellings};
use crate::catalog::{Catalog, DocEntry, Filters};
use crate::corpus::{bundle, Article};
use crate::search::index::{self, KeyTable};
use crate::search::{Index, Store};

/// How big each kind of file may grow, in bytes before compression (one
/// entry, list or article past the limit starts the next file), and how
/// short a word's postings must be to sit in its dictionary entry.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Limits {
    /// A dictionary shard of words, stems and name keys: what a typo or a
    /// prefix fetches is every shard its range of words touches.
    pub words: usize,
    /// A dictionary shard of pairs (each fetched alone, for its phrase),
    /// and a slug shard.
    pub dictionary: usize,
    /// A postings file, unless that would make more than
    /// [`Limits::postings_files`] files of the words' lists.
    pub postings: usize,
    /// The most postings files of the words' lists (pairs add some): as
    /// [`Limits::groups`], a bound on files, which a large archive reaches.
    pub postings_files: usize,
    /// An article group's text; more where [`Limits::groups`] needs it.
    pub group: usize,
    /// The most article groups: some hosts allow 20,000 files a site, and
    /// the index, prerendered pages and app need some of them.
    pub groups: usize,
    pub inline: usize,
    /// Postings in a common word's head (see [`Head`]); a word in
    /// more than [`HEAD_RATIO`] times as many articles has one. 0: none.
    pub head: usize,
    /// Articles per catalogue shard.
    pub catalog_docs: usize,
    /// A facet list file (see [`Directory::lists`]).
    pub list: usize,
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            // A search fetches the shards of its word, its stem and its
            // name keys, and for a typo every word with its first letter:
            // at 10,000 generated articles these cost a cold search about
            // 14 KB gzipped with 4 KB shards, against 79 KB with 32 KB ones.
            words: 4 << 10,
            dictionary: 32 << 10,
            // A search fetches the whole file of each of its words' lists,
            // most of it other words': at 10,000 generated articles a cold
            // search fetched 50 to 150 KB gzipped of 64 KB files, of which
            // it read a fifth; 8 KB files cost it 6 to 30 KB. The cap
            // leaves 5,000 pages room at 100,000 articles (files of about
            // 9 KB there; about 90 KB at 1,000,000, by its lists' size).
            postings: 8 << 10,
            postings_files: 3_300,
            // A cold search fetches one group per hit on its screen, so
            // groups are small: 10 hits cost about 31 KB gzipped at 10,000
            // generated articles (three or four articles a group), against
            // 55 KB with 8 KB groups and 170 KB with 64 KB ones. Past
            // 36,000 articles, `groups` sets their size.
            group: 4 << 10,
            groups: 12_000,
            inline: 64,
            head: HEAD,
            catalog_docs: 8192,
            list: 64 << 10,
        }
    }
}

/// A split index: the directory, and every other file by name.
#[derive(Clone, Debug, Default)]
pub struct Split {
    pub directory: Vec<u8>,
    pub files: Vec<(String, Vec<u8>)>,
}

/// Why an index cannot be split.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum WriteError {
    /// The articles are not newest first: a split index's article
    /// positions are its date order (see [`super::date_order`]).
    NotInDateOrder,
    /// Two different files came out with the same name.
    NameClash(String),
    /// A temporary file or an output file could not be written or read.
    Io(String),
}

impl std::fmt::Display for WriteError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            WriteError::NotInDateOrder => write!(f, "the articles are not in date order, newest first"),
            WriteError::NameClash(name) => write!(f, "two different index files are both named {name}"),
            WriteError::Io(message) => write!(f, "writing the split index: {message}"),
        }
    }
}

impl std::error::Error for WriteError {}

impl From<std::io::Error> for WriteError {
    fn from(error: std::io::Error) -> Self {
        WriteError::Io(error.to_string())
    }
}

/// The name of a sealed file: its kind's letter and its checksum, so a
/// changed file gets a new name and a cached one never goes stale.
pub(super) fn name_of(sealed: &[u8]) -> String {
    let kind = sealed.get(crate::corpus::bundle::MAGIC.len()).copied().unwrap_or(b'x') as char;
    let sum = sealed.last_chunk::<8>().map_or(0, |sum| u64::from_le_bytes(*sum));
    format!("{kind}{sum:016x}")
}

/// Cuts `index` into files.
pub fn write(index: &Index, limits: &Limits) -> Result<Split, WriteError> {
    if !index.catalog.in_date_order() {
        return Err(WriteError::NotInDateOrder);
    }
    let mut split = Split::default();
    let mut out = |name: &str, bytes: &[u8]| {
        split.files.push((name.to_string(), bytes.to_vec()));
        Ok(())
    };
    let mut files = Files::new(&mut out);
    let vocab = &index.vocab;

    // Every pair of common words side by side, in one scan.
    let common = |word: u32| index.posting_bytes(word).len() > limits.inline;
    let mut pairs = Pairs::default();
    let mut spellings = Spellings::new(vocab, index.df(), limits.head, index.averages);
    let mut words = Vec::new();
    for doc in 0..index.len() as u32 {
        words.clear();
        words.extend(index.forward(doc));
        pairs.add(doc, &words, index.field_starts(doc), &common);
        spellings.add(doc, &words, index.field_starts(doc));
    }

    let lengths = (0..index.df().len() as u32).map(|word| index.posting_bytes(word).len());
    let mut dictionary = Dictionary::new(*limits, index.df(), lengths, spellings.finish());
    for &word in &vocab.sorted {
        dictionary.word(&mut files, word, vocab.word(word), index.posting_bytes(word))?;
    }
    dictionary.keys(Tag::Stem, &vocab.stems);
    dictionary.keys(Tag::Name, &vocab.names);
    for pair in pairs.take(vocab) {
        dictionary.pair(&mut files, pair.key, &pair.postings, pair.df)?;
    }
    let dictionary = dictionary.finish(&mut files)?;

    let text = index.articles().iter().map(text_size).sum();
    let mut groups = Groups::new(limits, index.len(), text);
    for (doc, article) in (0u32..).zip(index.articles()) {
        let forward = index.forward_bytes(doc).to_vec();
        groups.add(&mut files, article.clone(), forward, index.field_starts(doc).into())?;
    }
    let slugs = (0u32..)
        .zip(index.articles())
        .map(|(doc, a)| (a.slug.clone(), doc))
        .collect();
    let directory = finish(
        &mut files,
        limits,
        &index.catalog,
        groups,
        dictionary,
        slugs,
        index.averages,
    )?;
    split.directory = directory;
    Ok(split)
}

/// Writes what is left once the dictionary and the article groups are
/// done: the slug and catalogue shards, then the directory, which it returns.
pub(super) fn finish(
    files: &mut Files<'_>,
    limits: &Limits,
    catalog: &Catalog,
    groups: Groups,
    (dictionary, first_keys): (Block, Vec<Key>),
    slugs: Vec<(String, u32)>,
    averages: (f32, f32),
) -> Result<Vec<u8>, WriteError> {
    let (per_group, group_blocks) = groups.finish(files)?;
    let articles = slugs.len();

    // Slugs, each with its article, in the shard each one's checksum
    // picks: an article's page finds its article by its address.
    let size: usize = slugs.iter().map(|(slug, _)| slug.len() + 4).sum();
    let shards = size.div_ceil(limits.dictionary.max(1)).max(1);
    let mut by_shard = vec![Vec::new(); shards];
    for (slug, doc) in slugs {
        by_shard[slug_shard(&slug, shards).unwrap_or(0)].push((slug, doc));
    }
    let slug_shards = by_shard
        .iter_mut()
        .map(|shard| {
            crate::order::sort_by(shard, |a, b| a.0.cmp(&b.0));
            encode_slugs(shard)
        })
        .collect();
    let slugs = write_block(files, Kind::Slugs, slug_shards)?;

    let catalog_docs = limits.catalog_docs.max(1);
    let entries = catalog.entries();
    let catalogs = entries.chunks(catalog_docs).map(encode_catalog).collect();
    let catalogs = write_block(files, Kind::Catalog, catalogs)?;
    let (lists, list_files) = write_lists(files, limits, catalog, &entries)?;
    let oldest: Vec<u32> = entries.iter().map(|entry| entry.oldest).collect();
    let order = match articles {
        0 => Block::default(),
        _ => write_block(files, Kind::Order, vec![encode_order(&oldest)])?,
    };
    let (publishers, countries, months, people) = catalog.names();
    let (_, whole) = catalog.filter((0..articles as u32).collect(), &Filters::default());
    let directory = Directory {
        articles,
        catalog_docs,
        publishers: publishers.to_vec(),
        countries: countries.to_vec(),
        months: months.to_vec(),
        people: people.to_vec(),
        catalogs,
        per_group,
        group_blocks,
        dictionary,
        first_keys,
        slugs,
        lists,
        list_files,
        order,
        whole,
        averages,
    };
    Ok(directory.encode())
}

/// Each publisher's, country's and person's articles, ascending, cut into
/// files of about `limits.list` bytes; returns the files' block and how
/// many files each value's list took (see [`Directory::lists`]).
fn write_lists(
    files: &mut Files<'_>,
    limits: &Limits,
    catalog: &Catalog,
    entries: &[DocEntry],
) -> Result<(Block, Vec<u32>), WriteError> {
    let (publishers, countries, _, people) = catalog.names();
    let mut lists = vec![Vec::new(); publishers.len() + countries.len() + people.len()];
    for (doc, entry) in (0u32..).zip(entries) {
        // An article with no publisher has the id past the last.
        if let Some(list) = lists[..publishers.len()].get_mut(entry.publisher as usize) {
            list.push(doc);
        }
        for &country in &entry.countries {
            lists[publishers.len() + country as usize].push(doc);
        }
        for &person in &entry.people {
            lists[publishers.len() + countries.len() + person as usize].push(doc);
        }
    }
    let mut sealed = Vec::new();
    let mut counts = Vec::with_capacity(lists.len());
    for list in &lists {
        let before = sealed.len();
        let (mut start, mut size, mut last) = (0, 0, 0);
        for (i, &doc) in list.iter().enumerate() {
            // The bytes of its number in the file (7 bits a byte).
            size += ((32 - (doc - last).leading_zeros()) as usize).div_ceil(7).max(1);
            last = doc;
            if size >= limits.list || i + 1 == list.len() {
                sealed.push(encode_list(&list[start..=i]));
                (start, size) = (i + 1, 0);
            }
        }
        counts.push((sealed.len() - before) as u32);
    }
    Ok((write_block(files, Kind::List, sealed)?, counts))
}

/// Writes sealed files of one kind as a [`Block`].
fn write_block(files: &mut Files<'_>, kind: Kind, sealed: Vec<Vec<u8>>) -> Result<Block, WriteError> {
    let block = Block {
        name: block_name(&sealed),
        files: sealed.len(),
    };
    for (i, file) in sealed.iter().enumerate() {
        files.add_named(block.file(kind, i).expect("a file of the block"), file)?;
    }
    Ok(block)
}

/// The name of a block of sealed files: a checksum of their checksums, so
/// that a changed file renames its block.
fn block_name(sealed: &[Vec<u8>]) -> String {
    let sums: Vec<u8> = sealed
        .iter()
        .flat_map(|f| f[f.len().saturating_sub(8)..].to_vec())
        .collect();
    format!("{:016x}", bundle::checksum(&sums))
}

/// Postings in a common word's head: see [`Limits::head`].
pub const HEAD: usize = 1024;

/// A word has a head when its list is more than this many times as long
/// as a head: a shorter one costs a search little more than its head.
pub const HEAD_RATIO: usize = 8;

/// Where a list went: into its dictionary entry, or a postings file's range.
#[derive(Clone)]
enum Place {
    Inline(Box<[u8]>),
    File(usize, u32, u32),
}

/// Where a word's list went, and its head if it has one (with how many
/// postings it holds, its group and its bound: see [`Head`]).
#[derive(Clone)]
struct Placed {
    list: Place,
    head: Option<(Place, u32, u32, f32)>,
}

/// A list of (gap, impact) pairs as (article, impact).
fn postings_of(list: &[u8]) -> impl Iterator<Item = (u32, u8)> + '_ {
    let (mut at, mut doc) = (0, 0u32);
    std::iter::from_fn(move || {
        (at < list.len()).then(|| {
            doc += crate::varint::read(list, &mut at);
            at += 1;
            (doc, list.get(at - 1).copied().unwrap_or(0))
        })
    })
}

/// The postings of a list of (gap, impact) pairs that `keep` keeps, with
/// their own gaps, and how many they are.
fn sublist(list: &[u8], keep: impl Fn(u32, u8) -> bool) -> (Vec<u8>, u32) {
    let (mut kept, mut last, mut count) = (Vec::new(), 0, 0);
    for (doc, impact) in postings_of(list).filter(|&(doc, impact)| keep(doc, impact)) {
        crate::varint::push(&mut kept, doc - last);
        kept.push(impact);
        (last, count) = (doc, count + 1);
    }
    (kept, count)
}

/// Where to cut a word's head alone: the least impact it keeps (the
/// highest at which it holds `head` postings, ties and all) and the
/// highest of the rest. `None` where the list is too short for a head, or
/// its impacts too alike for a head of less than half of it.
fn cut_head(list: &[u8], df: u32, head: usize) -> Option<(u8, u8)> {
    if head == 0 || (df as usize) <= head * HEAD_RATIO {
        return None;
    }
    let mut counts = [0usize; 256];
    for (_, impact) in postings_of(list) {
        counts[usize::from(impact)] += 1;
    }
    let mut taken = 0;
    let least = (1..=255u8).rev().find(|&impact| {
        taken += counts[usize::from(impact)];
        taken >= head
    })?;
    let bound = (1..least).rev().find(|&impact| counts[usize::from(impact)] > 0)?;
    (taken <= df as usize / 2).then_some((least, bound))
}

/// The dictionary and the postings files, written as the keys come in
/// order: words, stems, name keys, then pairs. Long lists go into postings
/// files in key order, so that the words a prefix begins share files; a
/// dictionary shard is sealed once every postings file it names is.
pub(super) struct Dictionary {
    limits: Limits,
    /// Per word id: its document frequency.
    df: Vec<u32>,
    /// Per word id: where its list went (stems and name keys lead there too).
    places: Vec<Option<Placed>>,
    /// The heads of common words that are spellings of one name.
    spellings: Cut,
    /// The id the next pair takes: pairs are numbered after the words.
    next_pair: usize,
    /// The postings file being filled, and its number.
    run: Vec<u8>,
    run_file: usize,
    /// The postings files by number, each named once sealed.
    postings: Vec<Option<String>>,
    shard: Shard,
    /// The postings files (by number) the shard being written points into.
    shard_files: Vec<usize>,
    size: usize,
    /// Shards written, waiting for a postings file to be sealed.
    waiting: VecDeque<(Shard, Vec<usize>)>,
    /// Shards sealed, named together once all are (see [`Block`]).
    sealed: Vec<Vec<u8>>,
    first_keys: Vec<Key>,
}

impl Dictionary {
    /// The dictionary of words with these document frequencies, whose
    /// lists take `lengths` bytes each (each word's, by id).
    pub(super) fn new(limits: Limits, df: &[u32], lengths: impl Iterator<Item = usize>, spellings: Cut) -> Dictionary {
        let filed: usize = lengths.filter(|&len| len > limits.inline).sum();
        let postings = limits.postings.max(filed.div_ceil(limits.postings_files.max(1)));
        Dictionary {
            limits: Limits { postings, ..limits },
            df: df.to_vec(),
            places: vec![None; df.len()],
            spellings,
            next_pair: df.len(),
            run: Vec::new(),
            run_file: 0,
            postings: Vec::new(),
            shard: Shard::default(),
            shard_files: Vec::new(),
            size: 0,
            waiting: VecDeque::new(),
            sealed: Vec::new(),
            first_keys: Vec::new(),
        }
    }

    /// A word's entry, in alphabetical order. A common word's head goes
    /// with the short lists, into the postings file being filled: the
    /// heads of the words a prefix begins share files. Its whole list
    /// follows, head and all: a search that needs it reads it alone,
    /// rather than merge the head with the rest.
    pub(super) fn word(&mut self, files: &mut Files<'_>, id: u32, word: &str, list: &[u8]) -> Result<(), WriteError> {
        let df = self.df[id as usize];
        // (A list in its dictionary entry costs nothing to read.)
        let inline = list.len() <= self.limits.inline;
        let head = match self.spellings.of(id).filter(|_| !inline) {
            // A spelling in none of its group's best articles has no head
            // (a search reads its whole list).
            Some((group, docs, bound)) => {
                let (head, count) = sublist(list, |doc, _| docs.binary_search(&doc).is_ok());
                (count > 0).then_some((head, count, group, bound))
            }
            None if inline => None,
            None => cut_head(list, df, self.limits.head).map(|(least, bound)| {
                let (head, count) = sublist(list, |_, impact| impact >= least);
                (head, count, id, index::frequency_of(bound))
            }),
        };
        let head = match head {
            Some((head, count, group, bound)) => Some((self.file(files, &columns(&head))?, count, group, bound)),
            None => None,
        };
        let placed = Placed {
            list: self.place(files, list)?,
            head,
        };
        self.places[id as usize] = Some(placed.clone());
        self.entry((Tag::Word, word.to_string()), vec![(id, df, placed)]);
        Ok(())
    }

    /// The entries of a table of stems or name keys, each leading to its
    /// words (all of them written before).
    pub(super) fn keys(&mut self, tag: Tag, table: &KeyTable) {
        let mut entry: Option<(&str, Vec<u32>)> = None;
        for (key, word) in table.pairs() {
            match &mut entry {
                Some((k, words)) if *k == key => words.push(word),
                _ => {
                    if let Some((k, words)) = entry.replace((key, vec![word])) {
                        self.key_entry(tag, k, &words);
                    }
                }
            }
        }
        if let Some((k, words)) = entry {
            self.key_entry(tag, k, &words);
        }
    }

    fn key_entry(&mut self, tag: Tag, key: &str, words: &[u32]) {
        let missing = "a key's words are written before it";
        let targets = words
            .iter()
            .map(|&w| (w, self.df[w as usize], self.places[w as usize].clone().expect(missing)))
            .collect();
        self.entry((tag, key.to_string()), targets);
    }

    /// A pair's entry, in key order, after every key table.
    pub(super) fn pair(&mut self, files: &mut Files<'_>, key: String, list: &[u8], df: u32) -> Result<(), WriteError> {
        let id = self.next_pair as u32;
        self.next_pair += 1;
        let list = self.place(files, list)?;
        self.entry((Tag::Pair, key), vec![(id, df, Placed { list, head: None })]);
        Ok(())
    }

    /// Puts a list inline, or at the end of the postings file being filled.
    fn place(&mut self, files: &mut Files<'_>, list: &[u8]) -> Result<Place, WriteError> {
        let list: &[u8] = &columns(list);
        if list.len() <= self.limits.inline {
            return Ok(Place::Inline(list.into()));
        }
        self.file(files, list)
    }

    /// Puts a list, as [`columns`] makes it, into a postings file: a head
    /// always goes there (the directory's code reads one kind of place
    /// for it).
    fn file(&mut self, files: &mut Files<'_>, list: &[u8]) -> Result<Place, WriteError> {
        // A list that fills a file takes one of its own, and the file
        // being filled stays open: sealed early, it would leave a small
        // file beside each large list (at 100,000 articles, twice the files).
        if list.len() >= self.limits.postings {
            self.postings.push(Some(files.add(encode_postings(list))?));
            self.seal_waiting();
            return Ok(Place::File(self.postings.len() - 1, 0, list.len() as u32));
        }
        if !self.run.is_empty() && self.run.len() + list.len() > self.limits.postings {
            self.seal_run(files)?;
        }
        if self.run.is_empty() {
            self.run_file = self.postings.len();
            self.postings.push(None);
        }
        let start = self.run.len() as u32;
        self.run.extend_from_slice(list);
        Ok(Place::File(self.run_file, start, self.run.len() as u32))
    }

    fn seal_run(&mut self, files: &mut Files<'_>) -> Result<(), WriteError> {
        self.postings[self.run_file] = Some(files.add(encode_postings(&self.run))?);
        self.run.clear();
        self.seal_waiting();
        Ok(())
    }

    fn entry(&mut self, key: Key, targets: Vec<(u32, u32, Placed)>) {
        // About what the entry takes: a few bytes of numbers per word, and
        // its postings when inline.
        let size = |place: &Place| match place {
            Place::Inline(list) => list.len(),
            Place::File(..) => 6,
        };
        let entry_size = key.1.len()
            + targets
                .iter()
                .map(|(_, _, placed)| 6 + size(&placed.list) + placed.head.as_ref().map_or(0, |h| 8 + size(&h.0)))
                .sum::<usize>();
        // Pairs start a shard of their own, of their own size.
        let pair = key.0 == Tag::Pair;
        let limit = if pair {
            self.limits.dictionary
        } else {
            self.limits.words
        };
        let first_pair = pair && self.shard.entries.last().is_some_and(|(last, _)| last.0 != Tag::Pair);
        if !self.shard.entries.is_empty() && (self.size + entry_size > limit || first_pair) {
            self.end_shard();
        }
        self.size += entry_size;
        let targets = targets
            .into_iter()
            .map(|(word, df, placed)| Target {
                word,
                df,
                postings: self.at(placed.list),
                head: placed.head.map(|(place, count, group, bound)| Head {
                    postings: self.at(place),
                    count,
                    group,
                    bound,
                }),
            })
            .collect();
        self.shard.entries.push((key, targets));
    }

    /// Where a list is, from the shard being written: its files numbered
    /// among the shard's own.
    fn at(&mut self, place: Place) -> PostingsAt {
        match place {
            Place::Inline(list) => PostingsAt::Inline(list.into()),
            Place::File(file, start, end) => {
                let local = self.shard_files.iter().position(|&f| f == file).unwrap_or_else(|| {
                    self.shard_files.push(file);
                    self.shard_files.len() - 1
                });
                PostingsAt::File {
                    file: local as u32,
                    start,
                    end,
                }
            }
        }
    }

    fn end_shard(&mut self) {
        let shard = std::mem::take(&mut self.shard);
        self.waiting.push_back((shard, std::mem::take(&mut self.shard_files)));
        self.size = 0;
        self.seal_waiting();
    }

    /// Seals the waiting shards, in order, whose postings files are all sealed.
    fn seal_waiting(&mut self) {
        while let Some((_, shard_files)) = self.waiting.front() {
            if shard_files.iter().any(|&f| self.postings[f].is_none()) {
                break;
            }
            let (mut shard, shard_files) = self.waiting.pop_front().expect("a waiting shard");
            shard.files = (shard_files.into_iter())
                .map(|f| self.postings[f].clone().unwrap_or_default())
                .collect();
            self.first_keys.push(shard.entries[0].0.clone());
            self.sealed.push(shard.encode());
        }
    }

    /// Seals what is left and writes the shards; returns their block and
    /// each one's first key.
    pub(super) fn finish(mut self, files: &mut Files<'_>) -> Result<(Block, Vec<Key>), WriteError> {
        if !self.run.is_empty() {
            self.seal_run(files)?;
        }
        if !self.shard.entries.is_empty() {
            self.end_shard();
        }
        // A shard left waiting would be lost (a postings file begun and
        // never filled once left every shard after it out).
        debug_assert!(self.waiting.is_empty(), "a dictionary shard waits for a postings file");
        let sealed = std::mem::take(&mut self.sealed);
        Ok((write_block(files, Kind::Dictionary, sealed)?, self.first_keys))
    }
}

/// An article's text size, which sets how many articles a group holds.
pub(super) fn text_size(article: &Article) -> usize {
    article.title.len() + article.blocks.iter().map(|b| b.text.len()).sum::<usize>()
}

/// Article groups, in date order: as many articles each as make about
/// `limits.group` bytes of text on average, and never more groups than
/// `limits.groups`. A fixed number per group finds an article's group
/// without a table, and naming groups by blocks keeps the directory small.
pub(super) struct Groups {
    per_group: usize,
    group: Group,
    /// The block being filled: its groups, sealed.
    block: Vec<Vec<u8>>,
    blocks: Vec<String>,
}

impl Groups {
    /// Groups for `articles` articles of `text` bytes of text in all.
    pub(super) fn new(limits: &Limits, articles: usize, text: usize) -> Groups {
        let mean = text.div_ceil(articles.max(1)).max(1);
        Groups {
            per_group: (limits.group / mean)
                .max(1)
                .max(articles.div_ceil(limits.groups.max(1))),
            group: Group::default(),
            block: Vec::new(),
            blocks: Vec::new(),
        }
    }

    /// The next article, with its forward index and field starts.
    pub(super) fn add(
        &mut self,
        files: &mut Files<'_>,
        article: Article,
        forward: Vec<u8>,
        field_starts: Box<[u32]>,
    ) -> Result<(), WriteError> {
        self.group.articles.push(article);
        self.group.forward.push(forward);
        self.group.field_starts.push(field_starts);
        if self.group.articles.len() == self.per_group {
            self.end_group(files)?;
        }
        Ok(())
    }

    fn end_group(&mut self, files: &mut Files<'_>) -> Result<(), WriteError> {
        self.block.push(std::mem::take(&mut self.group).encode());
        if self.block.len() == GROUP_BLOCK {
            self.end_block(files)?;
        }
        Ok(())
    }

    fn end_block(&mut self, files: &mut Files<'_>) -> Result<(), WriteError> {
        let name = block_name(&self.block);
        for (i, group) in self.block.drain(..).enumerate() {
            files.add_named(format!("g{name}-{i}"), &group)?;
        }
        self.blocks.push(name);
        Ok(())
    }

    /// Writes the last group and block; returns the articles per group and
    /// the blocks' names.
    fn finish(mut self, files: &mut Files<'_>) -> Result<(usize, Vec<String>), WriteError> {
        if !self.group.articles.is_empty() {
            self.end_group(files)?;
        }
        if !self.block.is_empty() {
            self.end_block(files)?;
        }
        Ok((self.per_group, self.blocks))
    }
}

/// Where sealed files go, each name once: a second file under a name
/// already written must be the same (compared by a second hash of its
/// bytes, as the files themselves may be gone).
pub(super) struct Files<'a> {
    out: &'a mut dyn FnMut(&str, &[u8]) -> std::io::Result<()>,
    written: FxHashMap<String, u64>,
    pub(super) bytes: u64,
}

impl<'a> Files<'a> {
    pub(super) fn new(out: &'a mut dyn FnMut(&str, &[u8]) -> std::io::Result<()>) -> Files<'a> {
        Files {
            out,
            written: FxHashMap::default(),
            bytes: 0,
        }
    }

    /// How many files were written.
    pub(super) fn count(&self) -> usize {
        self.written.len()
    }

    /// Writes a sealed file, named by its checksum; returns its name.
    fn add(&mut self, sealed: Vec<u8>) -> Result<String, WriteError> {
        let name = name_of(&sealed);
        self.add_named(name.clone(), &sealed)?;
        Ok(name)
    }

    /// Writes a sealed file under `name`, which must not name another.
    fn add_named(&mut self, name: String, sealed: &[u8]) -> Result<(), WriteError> {
        let mut hasher = FxHasher::default();
        hasher.write(sealed);
        let hash = hasher.finish();
        match self.written.get(&name) {
            Some(&seen) if seen != hash => Err(WriteError::NameClash(name)),
            Some(_) => Ok(()),
            None => {
                (self.out)(&name, sealed)?;
                self.bytes += sealed.len() as u64;
                self.written.insert(name, hash);
                Ok(())
            }
        }
    }
}
