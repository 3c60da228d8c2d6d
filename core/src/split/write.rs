//! Writing a split index from an in-memory one: the same words, ids,
//! postings and articles, cut into files of about a given size.

use rustc_hash::FxHashMap;

use super::format::{
    encode_catalog, encode_postings, encode_slugs, Directory, Group, Key, PostingsAt, Shard, Tag, Target, GROUP_BLOCK,
};
use crate::corpus::{bundle, Article};
use crate::search::{Index, Store};
use crate::{order, varint};

/// How big each kind of file may grow, in bytes before compression (one
/// entry, list or article past the limit starts the next file), and how
/// short a word's postings must be to sit in its dictionary entry.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Limits {
    pub dictionary: usize,
    pub postings: usize,
    /// An article group's text; more where [`Limits::groups`] needs it.
    pub group: usize,
    /// The most article groups: some hosts allow 20,000 files a site, and
    /// the index, prerendered pages and app need some of them.
    pub groups: usize,
    pub inline: usize,
    /// Articles per catalogue shard.
    pub catalog_docs: usize,
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            dictionary: 32 << 10,
            postings: 64 << 10,
            // A cold search fetches one group per hit on its screen, so
            // groups are small: 10 hits cost about 54 KB gzipped at 10,000
            // generated articles, against 170 KB with 64 KB groups.
            group: 8 << 10,
            groups: 12_000,
            inline: 64,
            catalog_docs: 8192,
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
}

impl std::fmt::Display for WriteError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            WriteError::NotInDateOrder => write!(f, "the articles are not in date order, newest first"),
            WriteError::NameClash(name) => write!(f, "two different index files are both named {name}"),
        }
    }
}

impl std::error::Error for WriteError {}

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
    let mut files = Files::default();
    let vocab = &index.vocab;

    // Pairs of common words side by side in one field, each with the
    // articles that have it: a phrase of two such words is answered from
    // its pair's postings instead of every candidate article's words
    // (at 100,000 generated articles, `"security council"` read 65 MB of
    // article groups). A phrase with a rare word has few candidates.
    let common = |word: u32| index.posting_bytes(word).len() > limits.inline;
    let pairs = pairs_of(index, &common);

    // Every postings list: the words' (by id), then the pairs' (in order).
    let words = vocab.len();
    let list = |id: usize| -> &[u8] {
        match id.checked_sub(words) {
            None => index.posting_bytes(id as u32),
            Some(pair) => &pairs[pair].1,
        }
    };
    let df = |id: usize| match id.checked_sub(words) {
        None => index.df()[id],
        Some(pair) => pairs[pair].2,
    };

    // Long lists into files, in key order, so that the words a prefix
    // begins share files.
    let mut keys: Vec<(Key, Vec<usize>)> = vocab
        .sorted
        .iter()
        .map(|&word| ((Tag::Word, vocab.word(word).to_string()), vec![word as usize]))
        .collect();
    for (tag, table) in [(Tag::Stem, &vocab.stems), (Tag::Name, &vocab.names)] {
        for (key, word) in table.pairs() {
            match keys.last_mut() {
                Some(((t, k), words)) if *t == tag && k == key => words.push(word as usize),
                _ => keys.push(((tag, key.to_string()), vec![word as usize])),
            }
        }
    }
    keys.extend(
        (words..)
            .zip(&pairs)
            .map(|(id, (key, _, _))| ((Tag::Pair, key.clone()), vec![id])),
    );
    let mut at: Vec<Option<(usize, u32, u32)>> = vec![None; words + pairs.len()];
    let mut run = Vec::new();
    let mut runs: Vec<Vec<u8>> = Vec::new();
    for (key, ids) in &keys {
        if matches!(key.0, Tag::Stem | Tag::Name) {
            continue;
        }
        let bytes = list(ids[0]);
        if bytes.len() <= limits.inline {
            continue;
        }
        if !run.is_empty() && run.len() + bytes.len() > limits.postings {
            runs.push(std::mem::take(&mut run));
        }
        at[ids[0]] = Some((runs.len(), run.len() as u32, (run.len() + bytes.len()) as u32));
        run.extend_from_slice(bytes);
    }
    if !run.is_empty() {
        runs.push(run);
    }
    let postings_files: Vec<String> = runs
        .iter()
        .map(|run| files.add(encode_postings(run)))
        .collect::<Result<_, _>>()?;

    // The dictionary: words, stems, name keys, then pairs, each sorted.
    let target = |id: usize, shard_files: &mut Vec<usize>| Target {
        word: id as u32,
        df: df(id),
        postings: match at[id] {
            None => PostingsAt::Inline(list(id).to_vec()),
            Some((file, start, end)) => {
                let local = shard_files.iter().position(|&f| f == file).unwrap_or_else(|| {
                    shard_files.push(file);
                    shard_files.len() - 1
                });
                PostingsAt::File {
                    file: local as u32,
                    start,
                    end,
                }
            }
        },
    };
    let mut dictionary = Vec::new();
    let mut shard = Shard::default();
    let mut shard_files: Vec<usize> = Vec::new();
    let mut size = 0;
    for (key, ids) in keys {
        // About what the entry takes: a few bytes of numbers per word, and
        // its postings when inline.
        let entry_size = key.1.len()
            + ids
                .iter()
                .map(|&id| 6 + at[id].map_or(list(id).len(), |_| 6))
                .sum::<usize>();
        if !shard.entries.is_empty() && size + entry_size > limits.dictionary {
            dictionary.push(finish_shard(&mut files, &mut shard, &mut shard_files, &postings_files)?);
            size = 0;
        }
        size += entry_size;
        let targets = ids.iter().map(|&id| target(id, &mut shard_files)).collect();
        shard.entries.push((key, targets));
    }
    if !shard.entries.is_empty() {
        dictionary.push(finish_shard(&mut files, &mut shard, &mut shard_files, &postings_files)?);
    }

    // Article groups, in date order: as many articles each as make about
    // `limits.group` bytes of text on average, and never more groups than
    // `limits.groups`. A fixed number per group finds an article's group
    // without a table, and naming groups by blocks keeps the directory small.
    let text_size =
        |article: &Article| article.title.len() + article.blocks.iter().map(|b| b.text.len()).sum::<usize>();
    let n = index.len();
    let mean = index
        .articles()
        .iter()
        .map(text_size)
        .sum::<usize>()
        .div_ceil(n.max(1))
        .max(1);
    let per_group = (limits.group / mean).max(1).max(n.div_ceil(limits.groups.max(1)));
    let sealed: Vec<Vec<u8>> = (0..n)
        .step_by(per_group)
        .map(|first| {
            let docs = first as u32..(first + per_group).min(n) as u32;
            Group {
                articles: index.articles()[first..docs.end as usize].to_vec(),
                forward: docs.clone().map(|doc| index.forward_bytes(doc).to_vec()).collect(),
                field_starts: docs.map(|doc| index.field_starts(doc).into()).collect(),
            }
            .encode()
        })
        .collect();
    let mut group_blocks = Vec::new();
    for block in sealed.chunks(GROUP_BLOCK) {
        // The block's name: a checksum of its groups' checksums, so a
        // changed group renames its block.
        let sums: Vec<u8> = block
            .iter()
            .flat_map(|g| g[g.len().saturating_sub(8)..].to_vec())
            .collect();
        let name = format!("{:016x}", bundle::checksum(&sums));
        for (i, group) in block.iter().enumerate() {
            files.add_named(format!("g{name}-{i}"), group.clone())?;
        }
        group_blocks.push(name);
    }

    // Slugs, in order, each with its article: an article's page finds its
    // article by its address.
    let mut slugs: Vec<(String, u32)> = (0u32..)
        .zip(index.articles())
        .map(|(doc, a)| (a.slug.clone(), doc))
        .collect();
    crate::order::sort_by(&mut slugs, |a, b| a.0.cmp(&b.0));
    let mut slug_shards = Vec::new();
    let mut start = 0;
    let mut size = 0;
    for (i, (slug, _)) in slugs.iter().enumerate() {
        size += slug.len() + 4;
        if size >= limits.dictionary || i + 1 == slugs.len() {
            let shard = &slugs[start..=i];
            slug_shards.push((shard[0].0.clone(), files.add(encode_slugs(shard))?));
            start = i + 1;
            size = 0;
        }
    }

    let catalog_docs = limits.catalog_docs.max(1);
    let catalogs = index
        .catalog
        .entries()
        .chunks(catalog_docs)
        .map(|chunk| files.add(encode_catalog(chunk)))
        .collect::<Result<_, _>>()?;
    let (publishers, countries, months) = index.catalog.names();
    let directory = Directory {
        articles: index.len(),
        catalog_docs,
        publishers: publishers.to_vec(),
        countries: countries.to_vec(),
        months: months.to_vec(),
        catalogs,
        per_group,
        group_blocks,
        dictionary,
        slugs: slug_shards,
    };
    Ok(Split {
        directory: directory.encode(),
        files: files.0,
    })
}

/// The pairs of `common` words side by side in one field of an article,
/// in key order (`"first second"`), each with its postings (as a word's,
/// with a weight of 1 that nothing reads) and how many articles have it.
fn pairs_of(index: &Index, common: &dyn Fn(u32) -> bool) -> Vec<(String, Vec<u8>, u32)> {
    let vocab = &index.vocab;
    // Per pair: its postings, the article it was last seen in (plus one), its df.
    let mut found: FxHashMap<(u32, u32), (Vec<u8>, u32, u32)> = FxHashMap::default();
    let mut words = Vec::new();
    for doc in 0..index.len() as u32 {
        let starts = index.field_starts(doc);
        words.clear();
        words.extend(index.forward(doc));
        let field = |p: usize| starts.partition_point(|&s| s as usize <= p);
        for p in 1..words.len() {
            let (a, b) = (words[p - 1], words[p]);
            if !common(a) || !common(b) || field(p - 1) != field(p) {
                continue;
            }
            let (postings, last, df) = found.entry((a, b)).or_default();
            if *last == doc + 1 {
                continue;
            }
            // Gaps from the article before, the first from 0.
            let previous = last.checked_sub(1).unwrap_or(0);
            varint::push(postings, doc - previous);
            postings.push(1);
            *last = doc + 1;
            *df += 1;
        }
    }
    let mut pairs: Vec<(String, Vec<u8>, u32)> = found
        .into_iter()
        .map(|((a, b), (postings, _, df))| (format!("{} {}", vocab.word(a), vocab.word(b)), postings, df))
        .collect();
    order::sort_by(&mut pairs, |x, y| x.0.cmp(&y.0));
    pairs
}

/// Seals the shard being written, naming its postings files.
fn finish_shard(
    files: &mut Files,
    shard: &mut Shard,
    shard_files: &mut Vec<usize>,
    postings_files: &[String],
) -> Result<(Key, String), WriteError> {
    let mut done = std::mem::take(shard);
    done.files = shard_files.drain(..).map(|f| postings_files[f].clone()).collect();
    let first = done.entries[0].0.clone();
    Ok((first, files.add(done.encode())?))
}

/// The files written so far.
#[derive(Default)]
struct Files(Vec<(String, Vec<u8>)>, FxHashMap<String, usize>);

impl Files {
    /// Adds a sealed file, named by its checksum; returns its name.
    fn add(&mut self, sealed: Vec<u8>) -> Result<String, WriteError> {
        self.add_named(name_of(&sealed), sealed)
    }

    /// Adds a sealed file under `name`, which must not name another.
    fn add_named(&mut self, name: String, sealed: Vec<u8>) -> Result<String, WriteError> {
        match self.1.get(&name) {
            Some(&i) if self.0[i].1 != sealed => Err(WriteError::NameClash(name)),
            Some(_) => Ok(name),
            None => {
                self.1.insert(name.clone(), self.0.len());
                self.0.push((name.clone(), sealed));
                Ok(name)
            }
        }
    }
}
