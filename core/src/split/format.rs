//! The split index's files, each written whole and read whole: the
//! directory, dictionary shards, postings files, article groups,
//! catalogue shards, slug shards and facet lists. Each is sealed like the corpus bundle (a magic line and
//! a checksum), then starts with its kind, so a damaged, stale or misnamed
//! file is an error the reader sees, never a wrong answer.

use std::ops::Range;

use crate::catalog::{DocEntry, Facet, FacetValue, FacetValues, Facets, Filters};
use crate::corpus::bundle::{self, BundleError, Reader, Writer};
use crate::corpus::{places, Article, Date};

/// What each file holds, as its first byte.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[repr(u8)]
pub enum Kind {
    Entry = b'E',
    Directory = b'D',
    Dictionary = b'd',
    Postings = b'p',
    Group = b'g',
    Catalog = b'c',
    Slugs = b's',
    /// Part of a publisher's or a country's list of articles.
    List = b'l',
    /// The oldest-first order, as runs of articles of one date.
    Order = b'o',
}

/// Where a dictionary entry sits: words, stems, name keys and pairs are
/// ranges of one sorted key space, so one lookup of each kind goes to one
/// shard.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
#[repr(u8)]
pub enum Tag {
    Word = 0,
    Stem = 1,
    Name = 2,
    /// Two words side by side (`"security council"`), for phrases.
    Pair = 3,
}

/// Article groups named together: see [`Directory::group_blocks`].
pub const GROUP_BLOCK: usize = 256;

/// A dictionary key: a folded word, a stem or a name key.
pub type Key = (Tag, String);

/// Files of one kind named together: file `i` is `{kind}{name}-{i}`, the
/// name a checksum of the files' checksums. The directory then holds one
/// name per kind, not one per file (at 1,000,000 articles, listing every
/// dictionary, slug and catalogue shard took most of its 43.8 KB gzipped).
/// A changed file renames them all, which costs a rebuild nothing: a new
/// article renumbers every article after it, so their files change anyway.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Block {
    pub name: String,
    pub files: usize,
}

impl Block {
    /// The name of file `i` of kind `kind`, if there is one.
    pub fn file(&self, kind: Kind, i: usize) -> Option<String> {
        (i < self.files).then(|| format!("{}{}-{i}", kind as u8 as char, self.name))
    }

    fn write(&self, out: &mut Writer) {
        out.text(&self.name);
        out.number(self.files);
    }

    fn read(r: &mut Reader<'_>) -> Result<Block, BundleError> {
        Ok(Block {
            name: r.text()?,
            files: r.number()?,
        })
    }
}

/// The file every search starts from: the corpus's size, the facet values'
/// names, and which file holds which part of the index.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Directory {
    pub articles: usize,
    /// Articles per catalogue shard: shard `i` holds articles from `i * catalog_docs`.
    pub catalog_docs: usize,
    pub publishers: Vec<String>,
    pub countries: Vec<&'static str>,
    pub months: Vec<String>,
    /// The most named people (see [`crate::catalog::PEOPLE`]), by name.
    pub people: Vec<String>,
    /// Catalogue shards: shard `i` is file `i`.
    pub catalogs: Block,
    /// Articles per group: group `g` holds articles from `g * per_group`.
    pub per_group: usize,
    /// One name per block of [`GROUP_BLOCK`] groups: group `g` is the file
    /// `g{block name}-{g % GROUP_BLOCK}`, so the directory does not list
    /// every group (at 100,000 articles, listing them took 152 KB gzipped).
    pub group_blocks: Vec<String>,
    /// Dictionary shards, in key order.
    pub dictionary: Block,
    /// The first key of each dictionary shard.
    pub first_keys: Vec<Key>,
    /// Slug shards, each slug with its article: a slug is in the shard its
    /// checksum picks (see [`Directory::slugs_of`]), so the directory needs
    /// no slugs to find it.
    pub slugs: Block,
    /// The facet lists: each publisher's and each country's articles,
    /// newest first, in files numbered in the order of
    /// [`Directory::publishers`], then [`Directory::countries`]. A filter
    /// reads its values' lists instead of the catalogue shards of every
    /// match (all of them at 1,000,000 articles: 2 MB), and the directory
    /// says only how many files each value's list takes.
    pub lists: Block,
    /// Per publisher, then per country, then per person: how many files
    /// its list takes.
    pub list_files: Vec<u32>,
    /// The oldest-first order, in one file (none for no article): an
    /// archive sorted oldest first reads it instead of the catalogue entry
    /// of every article (every catalogue shard: 2 MB at 1,000,000).
    pub order: Block,
    /// The facet counts of the whole archive: home shows them, and would
    /// otherwise read every catalogue shard.
    pub whole: Facets,
    /// The articles' average title and body lengths in words, which the
    /// weight of a word in an article depends on (see [`Head`]).
    pub averages: (f32, f32),
}

/// A word's postings: in the dictionary entry itself when short (a rare
/// word then costs no second round), or a range of a postings file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum PostingsAt {
    Inline(Vec<u8>),
    /// `file` indexes the shard's [`Shard::files`].
    File {
        file: u32,
        start: u32,
        end: u32,
    },
}

/// A word a key leads to: its id in the whole index, its document
/// frequency, its postings, and for a common word their [`Head`].
#[derive(Clone, Debug, PartialEq)]
pub struct Target {
    pub word: u32,
    pub df: u32,
    pub postings: PostingsAt,
    pub head: Option<Head>,
}

/// A common word's postings with the highest impacts, apart: the best
/// articles for a search of that word are among them, so a search can
/// often rank from the head alone (see `search/heads.rs`), and the whole
/// list (at 1,000,000 generated articles, 806 KB gzipped for `tokayev`'s
/// spellings) is read only where it must be.
#[derive(Clone, Debug, PartialEq)]
pub struct Head {
    pub postings: PostingsAt,
    /// How many postings it holds.
    pub count: u32,
    /// The words whose heads were cut together (spellings of one name, see
    /// `split/spellings.rs`) share this number; a word cut alone has its id.
    pub group: u32,
    /// The most that an article its group's heads lack has of the group's
    /// words: the highest frequency of the rest of a word cut alone, the
    /// highest sum of the words' frequencies of a group.
    pub bound: f32,
}

/// A range of the dictionary.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Shard {
    /// The postings files its entries point into.
    pub files: Vec<String>,
    pub entries: Vec<(Key, Vec<Target>)>,
}

/// Consecutive articles (newest first), with what a search reads of each:
/// its words' ids in reading order and where each field starts.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Group {
    pub articles: Vec<Article>,
    pub forward: Vec<Vec<u8>>,
    pub field_starts: Vec<Box<[u32]>>,
}

/// A file's body, sealed, after its kind.
pub(super) fn seal(kind: Kind, write: impl FnOnce(&mut Writer)) -> Vec<u8> {
    let mut out = Writer(vec![kind as u8]);
    write(&mut out);
    bundle::seal(&out.0)
}

/// The body of a file of `kind`, checked.
pub(super) fn unseal(bytes: &[u8], kind: Kind) -> Result<Reader<'_>, BundleError> {
    let body = bundle::unseal(bytes)?;
    match body.split_first() {
        Some((&first, rest)) if first == kind as u8 => Ok(Reader::new(rest)),
        _ => Err(BundleError::NotABundle),
    }
}

/// Fails unless every byte was read.
pub(super) fn finished<T>(r: &Reader<'_>, value: T) -> Result<T, BundleError> {
    if r.done() {
        Ok(value)
    } else {
        Err(BundleError::TrailingBytes)
    }
}

/// A facet's values and counts, none selected.
fn read_facet(r: &mut Reader<'_>) -> Result<FacetValues, BundleError> {
    let values = r.list(|r| {
        Ok(FacetValue {
            value: r.text()?,
            count: r.number()?,
            selected: false,
        })
    })?;
    Ok(FacetValues {
        values,
        estimated: false,
    })
}

fn write_key(out: &mut Writer, (tag, text): &Key) {
    out.byte(*tag as u8);
    out.text(text);
}

fn read_key(r: &mut Reader<'_>) -> Result<Key, BundleError> {
    let tag = match r.byte()? {
        0 => Tag::Word,
        1 => Tag::Stem,
        2 => Tag::Name,
        3 => Tag::Pair,
        code => return Err(BundleError::UnknownBlockKind(code)),
    };
    Ok((tag, r.text()?))
}

impl Directory {
    pub fn encode(&self) -> Vec<u8> {
        seal(Kind::Directory, |out| {
            out.number(self.articles);
            out.number(self.catalog_docs);
            out.list(&self.publishers, |out, p| out.text(p));
            let place =
                |out: &mut Writer, name: &&str| out.number(places::name_id(name).map_or(usize::MAX >> 8, usize::from));
            out.list(&self.countries, place);
            out.list(&self.months, |out, m| out.text(m));
            out.list(&self.people, |out, p| out.text(p));
            self.catalogs.write(out);
            out.number(self.per_group);
            out.list(&self.group_blocks, |out, b| out.text(b));
            self.dictionary.write(out);
            out.list(&self.first_keys, write_key);
            self.slugs.write(out);
            self.lists.write(out);
            out.list(&self.list_files, |out, &n| out.number(n as usize));
            self.order.write(out);
            for facet in [
                &self.whole.publishers,
                &self.whole.countries,
                &self.whole.months,
                &self.whole.people,
            ] {
                out.list(&facet.values, |out, value| {
                    out.text(&value.value);
                    out.number(value.count);
                });
            }
            // Days with articles: the first as a date, then each as the
            // days since the one before (mostly 1), and its count. Dates in
            // full were 4 KB more gzipped at 10,000 articles over five years.
            out.date(self.whole.days.first().map(|&(day, _)| day));
            let mut last = self.whole.days.first().map_or(0, |(day, _)| day.days_since_epoch());
            out.list(&self.whole.days, |out, &(day, count)| {
                out.number((day.days_since_epoch() - last) as usize);
                out.number(count);
                last = day.days_since_epoch();
            });
            out.number(self.averages.0.to_bits() as usize);
            out.number(self.averages.1.to_bits() as usize);
        })
    }

    #[allow(
        clippy::field_reassign_with_default,
        reason = "one value to drop on failure: see below"
    )]
    pub fn decode(bytes: &[u8]) -> Result<Directory, BundleError> {
        let mut r = unseal(bytes, Kind::Directory)?;
        // Field by field into one value, not a struct literal of fifteen
        // fallible reads: each read's failure there drops the fields read
        // before it, and the worker's wasm held a cleanup for each (0.2 KB
        // gzipped); here every failure drops the one value.
        let mut d = Directory::default();
        d.articles = r.number()?;
        d.catalog_docs = r.number()?.max(1);
        d.publishers = r.list(Reader::text)?;
        d.countries = r.list(|r| {
            let id = r.number()?;
            u16::try_from(id)
                .ok()
                .and_then(places::name)
                .ok_or(BundleError::UnknownPlace(id))
        })?;
        d.months = r.list(Reader::text)?;
        d.people = r.list(Reader::text)?;
        d.catalogs = Block::read(&mut r)?;
        d.per_group = r.number()?.max(1);
        d.group_blocks = r.list(Reader::text)?;
        d.dictionary = Block::read(&mut r)?;
        d.first_keys = r.list(read_key)?;
        d.slugs = Block::read(&mut r)?;
        d.lists = Block::read(&mut r)?;
        d.list_files = r.list(number_u32)?;
        d.order = Block::read(&mut r)?;
        d.whole.publishers = read_facet(&mut r)?;
        d.whole.countries = read_facet(&mut r)?;
        d.whole.months = read_facet(&mut r)?;
        d.whole.people = read_facet(&mut r)?;
        let mut day = r.date()?.map_or(0, Date::days_since_epoch);
        d.whole.days = r.list(|r| {
            day = i64::try_from(r.number()?)
                .ok()
                .and_then(|gap| day.checked_add(gap))
                .ok_or(BundleError::InvalidDate)?;
            Ok((
                Date::from_days_since_epoch(day).ok_or(BundleError::InvalidDate)?,
                r.number()?,
            ))
        })?;
        d.averages = (f32::from_bits(number_u32(&mut r)?), f32::from_bits(number_u32(&mut r)?));
        finished(&r, d)
    }

    /// The dictionary shard that would hold `key`.
    pub fn shard_of(&self, key: &Key) -> Option<String> {
        let at = self.first_keys.partition_point(|first| first <= key);
        self.dictionary.file(Kind::Dictionary, at.checked_sub(1)?)
    }

    /// The dictionary shards that hold keys from `from` up to, not
    /// including, `to`.
    pub fn shards_between(&self, from: &Key, to: &Key) -> impl Iterator<Item = String> + '_ {
        let first = self.first_keys.partition_point(|first| first <= from).saturating_sub(1);
        let last = self.first_keys.partition_point(|first| first < to);
        (first..last.max(first)).filter_map(|i| self.dictionary.file(Kind::Dictionary, i))
    }

    /// The slug shard that would hold `slug`.
    pub fn slugs_of(&self, slug: &str) -> Option<String> {
        self.slugs.file(Kind::Slugs, slug_shard(slug, self.slugs.files)?)
    }

    /// The article group holding article `doc`: its file, and its first article.
    pub fn group_of(&self, doc: u32) -> Option<(u32, String)> {
        let group = doc as usize / self.per_group;
        let block = self.group_blocks.get(group / GROUP_BLOCK)?;
        let first = (group * self.per_group) as u32;
        Some((first, format!("g{block}-{}", group % GROUP_BLOCK)))
    }

    /// The files of the list of the facet value `value` (its place among
    /// the publishers, or among the countries after them).
    pub fn list_of(&self, value: usize) -> impl Iterator<Item = String> + '_ {
        let first: u32 = self.list_files.iter().take(value).sum();
        let files = self.list_files.get(value).copied().unwrap_or(0);
        (first..first + files).filter_map(|i| self.lists.file(Kind::List, i as usize))
    }

    /// The facet values `filters` choose that the archive has: each one's
    /// place in the numbering of lists (see [`Directory::list_of`]), and
    /// its facet.
    pub fn chosen<'a>(&'a self, filters: &'a Filters) -> impl Iterator<Item = (usize, Facet)> + 'a {
        let publishers = (filters.publishers.iter())
            .filter_map(|value| self.publishers.iter().position(|p| p == value))
            .map(|at| (at, Facet::Publisher));
        let countries = (filters.countries.iter())
            .filter_map(|value| self.countries.iter().position(|c| c == value))
            .map(|at| (self.publishers.len() + at, Facet::Country));
        let people = (filters.people.iter())
            .filter_map(|value| self.people.iter().position(|p| p == value))
            .map(|at| (self.publishers.len() + self.countries.len() + at, Facet::Person));
        publishers.chain(countries).chain(people)
    }

    /// Each month, newest first, with its articles: articles are numbered
    /// newest first, so a month's are a run of numbers, which the whole
    /// archive's month counts give (undated articles last, in no month).
    pub fn month_runs(&self) -> impl Iterator<Item = (&str, Range<u32>)> {
        let mut end = 0;
        self.whole.months.values.iter().map(move |month| {
            let start = end;
            end += month.count as u32;
            (month.value.as_str(), start..end)
        })
    }

    /// Each day, newest first, with its articles: a run of numbers, as a
    /// month's are (see [`Directory::month_runs`]).
    pub fn day_runs(&self) -> impl Iterator<Item = (Date, Range<u32>)> + '_ {
        let mut end = 0;
        self.whole.days.iter().rev().map(move |&(day, count)| {
            let start = end;
            end += count as u32;
            (day, start..end)
        })
    }

    /// The articles dated from `from` to `to` (both included): a run of
    /// numbers, since articles are numbered newest first.
    pub fn dated(&self, (from, to): (Date, Date)) -> Range<u32> {
        let mut runs = self.day_runs().filter(|(day, _)| (from..=to).contains(day));
        match runs.next() {
            Some((_, first)) => first.start..runs.last().map_or(first.end, |(_, last)| last.end),
            None => 0..0,
        }
    }

    /// The catalogue shard describing article `doc`.
    pub fn catalog_of(&self, doc: u32) -> Option<String> {
        self.catalogs.file(Kind::Catalog, doc as usize / self.catalog_docs)
    }
}

/// The slug shard, of `shards`, that holds `slug`: picked by the slug's
/// checksum, the same on every target.
pub(super) fn slug_shard(slug: &str, shards: usize) -> Option<usize> {
    let shards = u64::try_from(shards).ok().filter(|&n| n > 0)?;
    Some((bundle::checksum(slug.as_bytes()) % shards) as usize)
}

fn number_u32(r: &mut Reader<'_>) -> Result<u32, BundleError> {
    u32::try_from(r.number()?).map_err(|_| BundleError::NumberTooLarge)
}

/// A target's postings: inline (0), in a file (1), or in a file with a
/// head in another range (2), which follows.
fn write_postings_at(out: &mut Writer, at: &PostingsAt, head: Option<&Head>) {
    match at {
        PostingsAt::Inline(bytes) => {
            out.byte(0);
            out.number(bytes.len());
            out.0.extend_from_slice(bytes);
        }
        PostingsAt::File { .. } => {
            out.byte(1 + u8::from(head.is_some()));
            write_range(out, at);
        }
    }
    if let Some(head) = head {
        write_range(out, &head.postings);
        out.number(head.count as usize);
        out.number(head.group as usize);
        out.number(head.bound.to_bits() as usize);
    }
}

fn write_range(out: &mut Writer, at: &PostingsAt) {
    if let PostingsAt::File { file, start, end } = at {
        out.number(*file as usize);
        out.number(*start as usize);
        out.number((end - start) as usize);
    }
}

/// A range of one of a shard's `files` postings files.
fn read_range(r: &mut Reader<'_>, files: usize) -> Result<PostingsAt, BundleError> {
    let file = number_u32(r)?;
    let start = number_u32(r)?;
    let end = start.checked_add(number_u32(r)?).ok_or(BundleError::NumberTooLarge)?;
    if file as usize >= files {
        return Err(BundleError::UnknownFile(file as usize));
    }
    Ok(PostingsAt::File { file, start, end })
}

impl Shard {
    pub fn encode(&self) -> Vec<u8> {
        seal(Kind::Dictionary, |out| {
            out.list(&self.files, |out, f| out.text(f));
            out.list(&self.entries, |out, (key, targets)| {
                write_key(out, key);
                out.list(targets, |out, t| {
                    out.number(t.word as usize);
                    out.number(t.df as usize);
                    write_postings_at(out, &t.postings, t.head.as_ref());
                });
            });
        })
    }

    pub fn decode(bytes: &[u8]) -> Result<Shard, BundleError> {
        let mut r = unseal(bytes, Kind::Dictionary)?;
        let files = r.list(Reader::text)?;
        let entries = r.list(|r| {
            let key = read_key(r)?;
            let targets = r.list(|r| {
                let word = number_u32(r)?;
                let df = number_u32(r)?;
                // 0: inline; 1: in a file; 2: in a file, and a head in one.
                let place = r.byte()?;
                let postings = match place {
                    0 => {
                        let len = r.number()?;
                        PostingsAt::Inline(r.bytes(len)?.to_vec())
                    }
                    1 | 2 => read_range(r, files.len())?,
                    code => return Err(BundleError::UnknownBlockKind(code)),
                };
                let head = match place {
                    2 => Some(Head {
                        postings: read_range(r, files.len())?,
                        count: number_u32(r)?,
                        group: number_u32(r)?,
                        bound: f32::from_bits(number_u32(r)?),
                    }),
                    _ => None,
                };
                Ok(Target {
                    word,
                    df,
                    postings,
                    head,
                })
            })?;
            Ok((key, targets))
        })?;
        finished(&r, Shard { files, entries })
    }
}

/// A list of postings as a split index keeps it: its gaps, then its
/// impacts, where the index has (gap, impact) pairs. Each column
/// compresses better alone: a file of one common word's list at 100,000
/// generated articles took 106.5 KB gzipped as pairs, 83.7 KB so.
pub fn columns(list: &[u8]) -> Vec<u8> {
    let (mut gaps, mut impacts) = (Vec::with_capacity(list.len()), Vec::new());
    let mut at = 0;
    while at < list.len() {
        let start = at;
        crate::varint::read(list, &mut at);
        gaps.extend_from_slice(&list[start..at.min(list.len())]);
        impacts.extend(list.get(at).copied());
        at += 1;
    }
    gaps.extend_from_slice(&impacts);
    gaps
}

/// A postings file: word after word, each list as [`columns`] makes it.
pub fn encode_postings(lists: &[u8]) -> Vec<u8> {
    seal(Kind::Postings, |out| out.0.extend_from_slice(lists))
}

/// The lists of a postings file, as one run of bytes.
pub fn decode_postings(bytes: &[u8]) -> Result<Vec<u8>, BundleError> {
    Ok(unseal(bytes, Kind::Postings)?.rest().to_vec())
}

impl Group {
    pub fn encode(&self) -> Vec<u8> {
        seal(Kind::Group, |out| {
            let articles = bundle::encode(&self.articles);
            out.number(articles.len());
            out.0.extend_from_slice(&articles);
            for (forward, starts) in self.forward.iter().zip(&self.field_starts) {
                out.number(forward.len());
                out.0.extend_from_slice(forward);
                out.list(starts, |out, &s| out.number(s as usize));
            }
        })
    }

    pub fn decode(bytes: &[u8]) -> Result<Group, BundleError> {
        let mut r = unseal(bytes, Kind::Group)?;
        let len = r.number()?;
        let articles = bundle::decode(r.bytes(len)?)?;
        let mut forward = Vec::with_capacity(articles.len());
        let mut field_starts = Vec::with_capacity(articles.len());
        for _ in &articles {
            let len = r.number()?;
            forward.push(r.bytes(len)?.to_vec());
            field_starts.push(r.list(number_u32)?.into_boxed_slice());
        }
        finished(
            &r,
            Group {
                articles,
                forward,
                field_starts,
            },
        )
    }
}

/// A catalogue shard, a column at a time: the publishers, the months, the
/// places oldest first, then the countries and the people, each article's
/// as bits (a byte per 8 values). Articles are newest first, so each one's
/// place in the oldest-first order mostly differs from the one before by
/// one: it is stored as that difference, which compresses to almost
/// nothing. Written article by article, with each one's countries as a
/// list, a shard of 8,192 generated articles took 17.0 KB gzipped; so,
/// 12.5 KB.
pub fn encode_catalog(entries: &[DocEntry]) -> Vec<u8> {
    seal(Kind::Catalog, |out| {
        out.list(entries, |out, e| out.number(e.publisher as usize));
        for e in entries {
            out.number(e.month as usize);
        }
        let mut last = 0i64;
        for e in entries {
            let delta = i64::from(e.oldest) - last;
            last = i64::from(e.oldest);
            out.number(((delta << 1) ^ (delta >> 63)) as usize);
        }
        write_bits(out, entries.iter().map(|e| &e.countries));
        write_bits(out, entries.iter().map(|e| &e.people));
    })
}

/// A column of sets of small ids, each as bits, all as wide as the largest
/// id needs.
fn write_bits<'a>(out: &mut Writer, sets: impl Iterator<Item = &'a Vec<u32>> + Clone) {
    let width = sets.clone().flatten().max().map_or(0, |&id| id as usize / 8 + 1);
    out.number(width);
    for set in sets {
        let mut bits = vec![0u8; width];
        for &id in set {
            bits[id as usize / 8] |= 1 << (id % 8);
        }
        out.0.extend_from_slice(&bits);
    }
}

/// A column [`write_bits`] wrote, into each entry's set.
fn read_bits<'e>(r: &mut Reader<'_>, sets: impl Iterator<Item = &'e mut Vec<u32>>) -> Result<(), BundleError> {
    let width = r.number()?;
    for set in sets {
        for (i, &byte) in (0u32..).zip(r.bytes(width)?) {
            for bit in 0..8 {
                if byte >> bit & 1 == 1 {
                    set.push(i * 8 + bit);
                }
            }
        }
    }
    Ok(())
}

pub fn decode_catalog(bytes: &[u8]) -> Result<Vec<DocEntry>, BundleError> {
    let mut r = unseal(bytes, Kind::Catalog)?;
    let mut entries = r.list(|r| {
        Ok(DocEntry {
            publisher: number_u32(r)?,
            ..DocEntry::default()
        })
    })?;
    for e in &mut entries {
        e.month = number_u32(&mut r)?;
    }
    let mut last = 0i64;
    for e in &mut entries {
        let zigzag = r.number()? as i64;
        last += (zigzag >> 1) ^ -(zigzag & 1);
        e.oldest = u32::try_from(last).map_err(|_| BundleError::NumberTooLarge)?;
    }
    read_bits(&mut r, entries.iter_mut().map(|e| &mut e.countries))?;
    read_bits(&mut r, entries.iter_mut().map(|e| &mut e.people))?;
    finished(&r, entries)
}

/// Part of a facet value's list of articles: ascending numbers, each
/// stored as its difference from the one before (from 0 for the first),
/// so that a common value's list compresses to little.
pub fn encode_list(docs: &[u32]) -> Vec<u8> {
    seal(Kind::List, |out| {
        let mut last = 0;
        out.list(docs, |out, &doc| {
            out.number((doc - last) as usize);
            last = doc;
        })
    })
}

pub fn decode_list(bytes: &[u8]) -> Result<Vec<u32>, BundleError> {
    let mut r = unseal(bytes, Kind::List)?;
    let mut last = 0u32;
    let docs = r.list(|r| {
        last = last.checked_add(number_u32(r)?).ok_or(BundleError::NumberTooLarge)?;
        Ok(last)
    })?;
    finished(&r, docs)
}

/// The oldest-first order of articles numbered newest first. Articles of
/// one date are numbered in corpus order, and keep that order oldest first
/// too, so the order is runs of consecutive numbers, one run per date
/// (undated articles last in both): each run as its length and the place
/// of its first article oldest first, that place stored as its difference
/// from the run before's. Some thousands of dates, not a million articles.
pub fn encode_order(oldest: &[u32]) -> Vec<u8> {
    let mut runs: Vec<(u32, u32)> = Vec::new();
    for &place in oldest {
        match runs.last_mut() {
            Some((len, first)) if *first + *len == place => *len += 1,
            _ => runs.push((1, place)),
        }
    }
    seal(Kind::Order, |out| {
        let mut last = 0i64;
        out.list(&runs, |out, &(len, first)| {
            out.number(len as usize);
            let delta = i64::from(first) - last;
            last = i64::from(first);
            out.number(((delta << 1) ^ (delta >> 63)) as usize);
        })
    })
}

/// The articles oldest first, from [`encode_order`]'s runs.
pub fn decode_order(bytes: &[u8]) -> Result<Vec<u32>, BundleError> {
    let mut r = unseal(bytes, Kind::Order)?;
    let mut last = 0i64;
    let mut start = 0u32;
    let runs = r.list(|r| {
        let len = number_u32(r)?;
        let zigzag = r.number()? as i64;
        last += (zigzag >> 1) ^ -(zigzag & 1);
        let first = usize::try_from(last).map_err(|_| BundleError::NumberTooLarge)?;
        let run = (first, start, len);
        start = start.checked_add(len).ok_or(BundleError::NumberTooLarge)?;
        Ok(run)
    })?;
    // Each run's articles go to their places: no sort needed.
    let mut oldest = vec![0; start as usize];
    for (first, start, len) in runs {
        let places = (first.checked_add(len as usize))
            .and_then(|end| oldest.get_mut(first..end))
            .ok_or(BundleError::NumberTooLarge)?;
        for (place, doc) in places.iter_mut().zip(start..) {
            *place = doc;
        }
    }
    finished(&r, oldest)
}

/// A slug shard: its slugs in order, each with its article.
pub fn encode_slugs(slugs: &[(String, u32)]) -> Vec<u8> {
    seal(Kind::Slugs, |out| {
        out.list(slugs, |out, (slug, doc)| {
            out.text(slug);
            out.number(*doc as usize);
        })
    })
}

pub fn decode_slugs(bytes: &[u8]) -> Result<Vec<(String, u32)>, BundleError> {
    let mut r = unseal(bytes, Kind::Slugs)?;
    let slugs = r.list(|r| Ok((r.text()?, number_u32(r)?)))?;
    finished(&r, slugs)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_catalogue_shard_keeps_every_articles_countries_and_people_as_bits() {
        let entry = |publisher, month, oldest, countries: &[u32], people: &[u32]| DocEntry {
            publisher,
            month,
            oldest,
            countries: countries.to_vec(),
            people: people.to_vec(),
        };
        let entries = [
            entry(2, 0, 5, &[0, 7, 8], &[63]),
            entry(0, 0, 3, &[], &[]),
            entry(1, 1, 4, &[70], &[0, 9]),
            entry(2, 1, 0, &[3, 64, 71], &[]),
        ];
        assert_eq!(decode_catalog(&encode_catalog(&entries)).unwrap(), entries);
        assert_eq!(decode_catalog(&encode_catalog(&[])).unwrap(), []);
    }

    #[test]
    fn a_list_of_postings_is_kept_as_its_gaps_then_its_impacts() {
        // Articles 3, 203 and 204 with impacts 9, 255 and 1: (gap, impact) pairs.
        let list = [3, 9, 0xc8, 0x01, 255, 1, 1];
        let kept = columns(&list);
        assert_eq!(kept, [3, 0xc8, 0x01, 1, 9, 255, 1]);
        let read: Vec<(u32, f32)> = crate::search::index::Postings::columns(&kept, 3)
            .map(|p| (p.doc, p.weight))
            .collect();
        let pairs: Vec<(u32, f32)> = crate::search::index::Postings::new(&list)
            .map(|p| (p.doc, p.weight))
            .collect();
        assert_eq!(read, pairs);
        assert_eq!(read.iter().map(|p| p.0).collect::<Vec<_>>(), [3, 203, 204]);
    }
}
