//! Writing a split index without holding it: for archives whose index
//! would not fit in memory (at 1,000,000 generated articles the in-memory
//! index takes about 3.8 GB). Three passes, each holding a bounded part:
//!
//! 1. the articles, in any order, go to a temporary file; what the date
//!    order, the catalogue and the slugs need is kept of each;
//! 2. the articles, read back newest first, are indexed one at a time
//!    (the same word ids, frequencies and gaps as [`Index::new`]): each goes
//!    out in its article group, its forward index to a temporary file, and
//!    the postings gathered are written out as a run, sorted by word,
//!    whenever they pass the memory budget;
//! 3. the forward index, read back, gives the pairs of common words (which
//!    words are common is known only once every list is), again in runs,
//!    and each article's related articles (which words are rare is known
//!    only then too);
//! 4. the articles and their forward index, read back once more, go out
//!    in their article groups, each with its related articles' links.
//!
//! Then the runs are merged in key order into the dictionary and postings
//! files, through the same code as [`super::write`]; what needs the whole
//! corpus (BM25 norms from the average lengths, document frequencies, the
//! vocabulary and its stem and name-key tables) is known by then.
//!
//! [`Index::new`]: crate::search::Index::new

use std::fs::File;

use super::format::Tag;
use super::pairs::{join, Pairs};
use super::spellings::Spellings;
use super::spill::{Reader, Records, Runs, Scratch};
use super::write::{finish, text_size, Dictionary, Files, Groups};
use super::{date_positions, Limits, WriteError};
use crate::catalog::{Catalog, Catalogued};
use crate::corpus::{bundle, Article, Date, Link};
use crate::related::{names_of, Related};
use crate::search::index::{weigh, weighed_len, Stream, Vocabulary};
use crate::varint;

/// Bytes of postings a streamed build gathers before writing them out as a
/// run: a few hundred megabytes make a few runs per million articles.
pub const MEMORY: usize = 256 << 20;

/// What [`write_to`] wrote.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Summary {
    /// The directory, which every search reads first: the caller names and
    /// places it (it is the one file not named by its checksum).
    pub directory: Vec<u8>,
    pub articles: usize,
    /// Articles with related articles, and their links in all.
    pub related: (usize, usize),
    /// Files given to the output, the directory aside.
    pub files: usize,
    pub bytes: u64,
}

/// Splits `articles`, given in any order, into the same files that
/// [`super::write`] cuts from `Index::new(date_order(articles))`, handing
/// each to `out` (a name and its sealed bytes, each name once) and
/// returning the directory. Holds about `memory` bytes of postings (see
/// [`MEMORY`]) and what every article needs for the catalogue, never the
/// articles or the index: the rest goes through temporary files in
/// [`std::env::temp_dir`] (the articles again, their word ids and the
/// runs: more than 1.6 GB for 1,000,000 generated articles), removed when
/// done. Those articles split in about 4 minutes with a peak of 845 MB
/// when parsed in pieces; a site's whole build of them, through
/// `corpus::stream`, is measured by `cargo xtask archive`.
///
/// ```
/// use folio_core::corpus::{self, Source};
/// use folio_core::split::{self, Limits};
///
/// let text = "Tokayev speaks\n\nQasym-Zhomart Toqaev spoke in Almaty.\n\nSource: S\n";
/// let corpus = corpus::parse(&[Source { name: "n.txt".into(), bytes: text.as_bytes().into() }]).unwrap();
/// let dir = std::env::temp_dir().join(format!("folio-doc-{}", std::process::id()));
/// std::fs::create_dir_all(&dir).unwrap();
/// let mut out = |name: &str, bytes: &[u8]| std::fs::write(dir.join(name), bytes);
/// let summary = split::write_to(corpus.articles, &Limits::default(), split::MEMORY, &mut out).unwrap();
/// std::fs::write(dir.join("directory"), &summary.directory).unwrap();
/// assert_eq!(std::fs::read_dir(&dir).unwrap().count(), summary.files + 1);
/// # std::fs::remove_dir_all(&dir).unwrap();
/// ```
pub fn write_to(
    articles: impl IntoIterator<Item = Article>,
    limits: &Limits,
    memory: usize,
    out: &mut dyn FnMut(&str, &[u8]) -> std::io::Result<()>,
) -> Result<Summary, WriteError> {
    let scratch = Scratch::new()?;

    // 1. Every article to a file; of each, what the catalogue needs.
    let mut spilled = Records::create(&scratch.path("articles"))?;
    let mut at = Vec::new();
    let mut facts = Vec::new();
    let mut text = 0;
    for article in articles {
        text += text_size(&article);
        at.push(spilled.push(&bundle::encode(std::slice::from_ref(&article)))?);
        facts.push(Facts::of(article));
    }
    spilled.close()?;
    let n = facts.len();
    let order = date_positions(&facts);
    let mut slots: Vec<Option<Facts>> = facts.into_iter().map(Some).collect();
    let facts: Vec<Facts> = order.iter().filter_map(|&doc| slots[doc as usize].take()).collect();
    drop(slots);
    let catalog = Catalog::new(&facts);
    let (mut titles, mut names, mut dates) = (Vec::with_capacity(n), Vec::with_capacity(n), Vec::with_capacity(n));
    let slugs: Vec<(String, u32)> = (0u32..)
        .zip(facts)
        .map(|(doc, a)| {
            titles.push(a.title);
            names.push(a.names);
            dates.push(a.date);
            (a.slug, doc)
        })
        .collect();

    // 2. Newest first: index, gather the postings.
    let mut files = Files::new(out);
    let mut stream = Stream::default();
    let mut word_runs = Runs::new("words");
    // Per word: how long its list will be, which says whether it is common.
    let mut weighed: Vec<usize> = Vec::new();
    let mut forward_out = Records::create(&scratch.path("forward"))?;
    let mut spilled = File::open(scratch.path("articles"))?;
    let (mut bytes, mut record) = (Vec::new(), Vec::new());
    for &doc in &order {
        let article = read_article(&mut spilled, at[doc as usize], &mut bytes)?;
        let (forward, starts) = stream.add(&article);
        record.clear();
        varint::push(&mut record, forward.len() as u64);
        record.extend_from_slice(&forward);
        for &start in &starts {
            varint::push(&mut record, start);
        }
        forward_out.push(&record)?;
        if stream.held() > memory {
            spill_words(&mut stream, &mut word_runs, &scratch, &mut weighed)?;
        }
    }
    spill_words(&mut stream, &mut word_runs, &scratch, &mut weighed)?;
    forward_out.close()?;
    let (vocab, df, norms, averages) = stream.finish();

    // 3. The pairs of common words, and each article's related ones, from
    // the forward index.
    let common = |word: u32| weighed[word as usize] > limits.inline;
    let mut pairs = Pairs::default();
    let mut spellings = Spellings::new(&vocab, &df, limits.head, averages);
    let mut pair_runs = Runs::new("pairs");
    let mut related = Related::new(&df, n);
    let mut forward = Reader::open(&scratch.path("forward"))?;
    let (mut words, mut starts) = (Vec::new(), Vec::new());
    let mut doc = 0;
    while forward.next(&mut record)? {
        read_forward(&record, &mut words, &mut starts);
        pairs.add(doc, &words, &starts, &common);
        spellings.add(doc, &words, &starts);
        related.add(words.iter().copied(), &names[doc as usize], dates[doc as usize]);
        doc += 1;
        if pairs.held() > memory {
            spill_pairs(&mut pairs, &mut pair_runs, &scratch, &vocab)?;
        }
    }
    spill_pairs(&mut pairs, &mut pair_runs, &scratch, &vocab)?;
    drop(names);
    let related = related.finish();

    // 4. The article groups, each article with its related ones' links.
    let mut groups = Groups::new(limits, n, text);
    let mut forward = Reader::open(&scratch.path("forward"))?;
    let mut linked = (0, 0);
    for (&doc, related) in order.iter().zip(related) {
        linked.0 += usize::from(!related.is_empty());
        linked.1 += related.len();
        let mut article = read_article(&mut spilled, at[doc as usize], &mut bytes)?;
        article.related = related
            .iter()
            .map(|&other| Link {
                slug: slugs[other as usize].0.clone(),
                title: titles[other as usize].clone(),
            })
            .collect();
        if !forward.next(&mut record)? {
            return Err(WriteError::Io("a temporary file lost an article's words".into()));
        }
        let (forward, starts) = forward_of(&record);
        groups.add(&mut files, article, forward.to_vec(), varint::iter(starts).collect())?;
    }
    drop(titles);

    // The runs merged, in key order, into the dictionary and postings.
    let mut dictionary = Dictionary::new(*limits, &df, weighed.iter().copied(), spellings.finish());
    let mut merge = word_runs.merge()?;
    let (mut gathered, mut list) = (Vec::new(), Vec::new());
    while let Some(records) = merge.next()? {
        gathered.clear();
        for r in &records {
            gathered.extend_from_slice(&r.list);
        }
        list.clear();
        weigh(&gathered, &norms, &mut list);
        dictionary.word(&mut files, records[0].a, &records[0].key, &list)?;
    }
    dictionary.keys(Tag::Stem, &vocab.stems);
    dictionary.keys(Tag::Name, &vocab.names);
    let mut merge = pair_runs.merge()?;
    while let Some(records) = merge.next()? {
        let key = records[0].key.clone();
        let (mut list, mut df, mut last) = (Vec::new(), 0, 0);
        for r in records {
            if list.is_empty() {
                list = r.list;
            } else {
                join(&mut list, last, &r.list);
            }
            df += r.a;
            last = r.b;
        }
        dictionary.pair(&mut files, key, &list, df)?;
    }
    let dictionary = dictionary.finish(&mut files)?;
    let directory = finish(&mut files, limits, &catalog, groups, dictionary, slugs, averages)?;
    Ok(Summary {
        directory,
        articles: n,
        related: linked,
        files: files.count(),
        bytes: files.bytes,
    })
}

/// An article spilled at `at`, read back.
fn read_article(spilled: &mut File, at: u64, bytes: &mut Vec<u8>) -> Result<Article, WriteError> {
    Records::read_at(spilled, at, bytes)?;
    bundle::decode(bytes)
        .map_err(|e| WriteError::Io(format!("a temporary file: {e}")))?
        .pop()
        .ok_or_else(|| WriteError::Io("a temporary file lost an article".into()))
}

/// An article's forward index and its field starts, as a record holds
/// them: both as varints, the first after its length.
fn forward_of(record: &[u8]) -> (&[u8], &[u8]) {
    let mut at = 0;
    let len = varint::read(record, &mut at) as usize;
    record[at..].split_at(len)
}

/// An article's word ids and field starts, from its record.
fn read_forward(record: &[u8], words: &mut Vec<u32>, starts: &mut Vec<u32>) {
    let (forward, field_starts) = forward_of(record);
    words.clear();
    words.extend(varint::iter(forward));
    starts.clear();
    starts.extend(varint::iter(field_starts));
}

/// What the date order, catalogue and slugs read of an article: the rest
/// of it waits in a temporary file.
struct Facts {
    slug: String,
    /// For the links to it, and what it names, for its related articles.
    title: String,
    names: Vec<u64>,
    publisher: Option<String>,
    people: Vec<String>,
    countries: Vec<&'static str>,
    date: Option<Date>,
}

impl Facts {
    fn of(article: Article) -> Facts {
        Facts {
            names: names_of(&article.people, &article.countries),
            slug: article.slug,
            title: article.title,
            publisher: article.publisher,
            people: article.people,
            countries: article.countries,
            date: article.date,
        }
    }
}

impl Catalogued for Facts {
    fn publisher(&self) -> Option<&str> {
        self.publisher.as_deref()
    }

    fn countries(&self) -> &[&'static str] {
        &self.countries
    }

    fn people(&self) -> &[String] {
        &self.people
    }

    fn date(&self) -> Option<Date> {
        self.date
    }
}

/// Writes the postings gathered as a run, in word order, noting how long
/// each word's list grows.
fn spill_words(
    stream: &mut Stream,
    runs: &mut Runs,
    scratch: &Scratch,
    weighed: &mut Vec<usize>,
) -> Result<(), WriteError> {
    let mut lists = stream.take();
    if lists.is_empty() {
        return Ok(());
    }
    for (id, list) in &lists {
        let id = *id as usize;
        if weighed.len() <= id {
            weighed.resize(id + 1, 0);
        }
        weighed[id] += weighed_len(list);
    }
    crate::order::sort_by(&mut lists, |a, b| stream.word(a.0).cmp(stream.word(b.0)));
    runs.write(
        scratch,
        lists
            .iter()
            .map(|(id, list)| (stream.word(*id), *id, 0, list.as_slice())),
    )?;
    Ok(())
}

/// Writes the pairs found as a run, in key order.
fn spill_pairs(pairs: &mut Pairs, runs: &mut Runs, scratch: &Scratch, vocab: &Vocabulary) -> Result<(), WriteError> {
    let found = pairs.take(vocab);
    if found.is_empty() {
        return Ok(());
    }
    runs.write(
        scratch,
        found
            .iter()
            .map(|p| (p.key.as_str(), p.df, p.last, p.postings.as_slice())),
    )?;
    Ok(())
}
