//! Filters, facets and sort orders over a set of matching articles.
//!
//! Facets are counted the way shoppers expect from a good catalogue: values of
//! one facet combine with OR (two publishers show the articles of either),
//! facets combine with AND, and each facet's counts apply every filter except
//! its own, so the reader sees what choosing another value would give.

use crate::names::Names;
use std::hash::Hash;

use rustc_hash::FxHashMap;

use crate::corpus::{Article, Date};
use crate::order;

/// What the reader has chosen to see. Values are facet values as shown
/// (`RFE/RL`, `Kazakhstan`, `2022-01`); an unknown value matches nothing.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Filters {
    pub publishers: Names,
    pub countries: Names,
    pub months: Names,
    pub people: Names,
    /// Only articles dated from the first day to the second, both included:
    /// what the reader selects on the timeline.
    pub dates: Option<(Date, Date)>,
    /// Only these articles (by position, ascending and distinct), before
    /// anything else: the reader's saved articles. Facets count within
    /// them. A sorted list rather than a set: the engine's only set of
    /// numbers compiled a second copy of std's B-tree (1.5 KB gzipped).
    pub only: Option<Vec<u32>>,
}

/// The four things a reader can filter by.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Facet {
    Publisher,
    Country,
    Month,
    /// One of the archive's [`PEOPLE`] most named people.
    Person,
}

/// The people a catalogue counts: the archive's most named, as many as one
/// 64-bit word of an article's catalogue entry holds. The long tail (at
/// 1,000,000 articles, far more people than a panel could list) would
/// cost a word per article per 64 more in the engine's memory; a person
/// outside them is still a search (an article's people links are).
pub const PEOPLE: usize = 64;

impl Facet {
    pub const ALL: [Facet; 4] = [Facet::Publisher, Facet::Country, Facet::Month, Facet::Person];

    /// The facet's name in URLs (`?publisher=RFE%2FRL`) and in the app's
    /// element ids: one spelling, so a link and a checkbox always agree.
    pub fn key(self) -> &'static str {
        match self {
            Facet::Publisher => "publisher",
            Facet::Country => "country",
            Facet::Month => "month",
            Facet::Person => "person",
        }
    }

    /// The facet whose [`Facet::key`] is `key`, if any. A `match`, not a
    /// search of [`Facet::ALL`]: inlined into `Location::parse`, the search
    /// was 0.5 KB more wasm (with [`Sort::named`]).
    pub fn keyed(key: &str) -> Option<Facet> {
        match key {
            "publisher" => Some(Facet::Publisher),
            "country" => Some(Facet::Country),
            "month" => Some(Facet::Month),
            "person" => Some(Facet::Person),
            _ => None,
        }
    }
}

impl Filters {
    pub fn is_empty(&self) -> bool {
        !self.narrows() && self.only.is_none()
    }

    /// Whether a facet's values or the dates narrow the list (the saved
    /// articles aside).
    pub fn narrows(&self) -> bool {
        !(self.publishers.is_empty()
            && self.countries.is_empty()
            && self.months.is_empty()
            && self.people.is_empty()
            && self.dates.is_none())
    }

    pub fn values(&self, facet: Facet) -> &Names {
        match facet {
            Facet::Publisher => &self.publishers,
            Facet::Country => &self.countries,
            Facet::Month => &self.months,
            Facet::Person => &self.people,
        }
    }

    pub fn values_mut(&mut self, facet: Facet) -> &mut Names {
        match facet {
            Facet::Publisher => &mut self.publishers,
            Facet::Country => &mut self.countries,
            Facet::Month => &mut self.months,
            Facet::Person => &mut self.people,
        }
    }
}

impl Facets {
    pub fn get(&self, facet: Facet) -> &FacetValues {
        match facet {
            Facet::Publisher => &self.publishers,
            Facet::Country => &self.countries,
            Facet::Month => &self.months,
            Facet::Person => &self.people,
        }
    }
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Sort {
    /// Best match first (newest first when there is no query).
    #[default]
    Relevance,
    Newest,
    Oldest,
}

impl Sort {
    /// The order's name in URLs (`?sort=newest`), the app's sort menu and
    /// the CLI's `--sort`.
    pub fn name(self) -> &'static str {
        match self {
            Sort::Relevance => "relevance",
            Sort::Newest => "newest",
            Sort::Oldest => "oldest",
        }
    }

    /// The order whose [`Sort::name`] is `name`, if any (a `match`: see
    /// [`Facet::keyed`]).
    pub fn named(name: &str) -> Option<Sort> {
        match name {
            "relevance" => Some(Sort::Relevance),
            "newest" => Some(Sort::Newest),
            "oldest" => Some(Sort::Oldest),
            _ => None,
        }
    }
}

/// The values of one facet with their counts for the current query.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct FacetValues {
    pub values: Vec<FacetValue>,
    /// The counts are estimates: a split index counts a search that spans
    /// much of a large archive over a sample of it (`split/estimate.rs`).
    pub estimated: bool,
}

impl FacetValues {
    /// These counts, from a sample, scaled to the whole by `scale`, and
    /// marked as estimates; in the same order as [`Catalog::filter`] gives.
    /// Rounded to two figures (more would claim a precision they lack),
    /// and never below one where the sample had some.
    pub(crate) fn scaled(self, scale: f64) -> FacetValues {
        let mut values: Vec<FacetValue> = self
            .values
            .into_iter()
            .map(|v| FacetValue {
                count: two_figures((v.count as f64 * scale).round() as usize).max(v.count.min(1)),
                ..v
            })
            .collect();
        order::sort_by(&mut values, most_first);
        FacetValues {
            values,
            estimated: true,
        }
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FacetValue {
    pub value: String,
    pub count: usize,
    pub selected: bool,
}

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Facets {
    pub publishers: FacetValues,
    pub countries: FacetValues,
    /// `YYYY-MM`, newest first.
    pub months: FacetValues,
    pub people: FacetValues,
    /// The matches per day, oldest first, none at zero, counted with every
    /// filter but the dates: the timeline, which shows what selecting
    /// other dates would give.
    pub days: Vec<(Date, usize)>,
}

/// Each article's facet values, as small ids, and the date order.
///
/// Ids are `u32`, as article positions are: a facet never has more values
/// than there are articles, so no corpus outgrows them (`u16` ranks once
/// mixed up publishers past the 65,536th). Countries and people are bits,
/// one 64-bit word each per article beside its other ids: the gazetteer
/// names 17 countries (a test in `places.rs` holds it to 64), and only the
/// [`PEOPLE`] most named people are counted. Words for more countries,
/// which no corpus could name, compiled the filter twice into the engine's
/// wasm.
pub struct Catalog {
    publishers: Vec<String>,
    countries: Vec<&'static str>,
    months: Vec<String>,
    /// The [`PEOPLE`] most named, by name.
    people: Vec<String>,
    /// Every date an article has, newest first.
    days: Vec<Date>,
    docs: Vec<DocFacets>,
    /// Article positions, newest first; undated articles last, in corpus order.
    newest_first: Vec<u32>,
    /// The same, oldest first.
    oldest_first: Vec<u32>,
    /// Each article's place in `newest_first`: the tie-breaker for equal scores.
    date_rank: Vec<u32>,
}

/// One article's facet values as ids into the catalogue's lists, and its
/// place in the oldest-first order.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub(crate) struct DocEntry {
    pub publisher: u32,
    pub month: u32,
    pub countries: Vec<u32>,
    pub people: Vec<u32>,
    pub oldest: u32,
}

/// One article's facet values, packed so counting touches one cache line.
/// Bits, not lists of ids: a country filter reads one word (a list per
/// article made filtering 10,000 articles by country 50% slower).
#[derive(Clone, Copy)]
struct DocFacets {
    /// Bit `i` set: the article mentions `countries[i]`, for the first 64.
    countries: u64,
    /// Bit `i` set: the article names `people[i]`.
    people: u64,
    /// Index into `publishers`; `publishers.len()` for none.
    publisher: u32,
    /// Index into `months`; `months.len()` for undated.
    month: u32,
    /// Index into `days`; `days.len()` for undated.
    day: u32,
}

/// What the catalogue reads of an article: all that a streamed split
/// index keeps of each (`split/stream.rs`), the rest waiting on disk.
pub trait Catalogued {
    fn publisher(&self) -> Option<&str>;
    fn countries(&self) -> &[&'static str];
    fn people(&self) -> &[String];
    fn date(&self) -> Option<Date>;
}

impl Catalogued for Article {
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

/// The [`PEOPLE`] people the most articles name (ties by name), by name,
/// and each one's bit.
fn most_named(articles: &[impl Catalogued]) -> (Vec<String>, FxHashMap<&str, u32>) {
    let mut named: FxHashMap<&str, usize> = FxHashMap::default();
    for person in articles.iter().flat_map(|a| a.people()) {
        *named.entry(person).or_insert(0) += 1;
    }
    let mut most: Vec<(&str, usize)> = named.into_iter().collect();
    order::sort_by(&mut most, |a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
    most.truncate(PEOPLE);
    let (people, rank) = ranked(most.into_iter().map(|(person, _)| person));
    (people.into_iter().map(String::from).collect(), rank)
}

impl Catalog {
    pub fn new(articles: &[impl Catalogued]) -> Catalog {
        let (publishers, publisher_rank) = ranked(articles.iter().filter_map(|a| a.publisher()));
        let (countries, country_rank) = ranked(articles.iter().flat_map(|a| a.countries().iter().copied()));
        let (months, month_rank) = ranked(articles.iter().filter_map(|a| a.date()).map(|d| (d.year, d.month)));
        let (dates, date_rank) = ranked(articles.iter().filter_map(|a| a.date()));
        let (people, person_rank) = most_named(articles);
        let undated = dates.len() as u64;
        let mut docs: Vec<DocFacets> = articles
            .iter()
            .map(|a| DocFacets {
                countries: 0,
                people: (a.people().iter())
                    .filter_map(|p| person_rank.get(p.as_str()))
                    .fold(0, |bits, &i| bits | 1 << i),
                publisher: a.publisher().map_or(publishers.len() as u32, |p| publisher_rank[p]),
                // Newest first.
                month: a.date().map_or(months.len() as u32, |d| {
                    months.len() as u32 - 1 - month_rank[&(d.year, d.month)]
                }),
                day: a.date().map_or(undated as u32, |d| undated as u32 - 1 - date_rank[&d]),
            })
            .collect();
        for (doc, a) in articles.iter().enumerate() {
            for c in a.countries() {
                docs[doc].countries |= 1u64.checked_shl(country_rank[c]).unwrap_or(0);
            }
        }
        let publishers = publishers.into_iter().map(String::from).collect();
        let months = months
            .iter()
            .rev()
            .map(|&(year, month)| Date { year, month, day: 1 }.month_key())
            .collect();
        // Both date orders put undated articles last and keep corpus order
        // among equal dates: a key per article (its date's rank above, its
        // position below), sorted in linear time.
        let by_keys = |rank: &dyn Fn(u64) -> u64| {
            let mut keys: Vec<u64> = (0u64..)
                .zip(articles)
                .map(|(doc, a)| a.date().map_or(undated, |d| rank(u64::from(date_rank[&d]))) << 32 | doc)
                .collect();
            order::sort_keys(&mut keys);
            keys.into_iter().map(|key| key as u32).collect::<Vec<u32>>()
        };
        let newest_first = by_keys(&|rank| undated - 1 - rank);
        let oldest_first = by_keys(&|rank| rank);
        let mut date_rank = vec![0; articles.len()];
        for (rank, &doc) in newest_first.iter().enumerate() {
            date_rank[doc as usize] = rank as u32;
        }
        Catalog {
            publishers,
            countries,
            months,
            people,
            days: dates.into_iter().rev().collect(),
            docs,
            newest_first,
            oldest_first,
            date_rank,
        }
    }

    /// The newest `limit` articles, newest first: the list's order with no
    /// query (undated last, equal dates in corpus order).
    pub fn newest(&self, limit: usize) -> &[u32] {
        &self.newest_first[..limit.min(self.newest_first.len())]
    }

    /// Each article's facet values and place in the oldest-first order, as
    /// a split index stores them (see [`Catalog::from_entries`]).
    pub(crate) fn entries(&self) -> Vec<DocEntry> {
        let mut oldest = vec![0; self.docs.len()];
        for (rank, &doc) in self.oldest_first.iter().enumerate() {
            oldest[doc as usize] = rank as u32;
        }
        (0..self.docs.len())
            .map(|doc| {
                let facets = self.docs[doc];
                DocEntry {
                    publisher: facets.publisher,
                    month: facets.month,
                    countries: bits(facets.countries).collect(),
                    people: bits(facets.people).collect(),
                    oldest: oldest[doc],
                }
            })
            .collect()
    }

    /// The names of the facet values: publishers, countries, months, people.
    pub(crate) fn names(&self) -> (&[String], &[&'static str], &[String], &[String]) {
        (&self.publishers, &self.countries, &self.months, &self.people)
    }

    /// Whether the articles are in date order, newest first, as a split
    /// index needs them (its article positions are its newest-first order).
    pub(crate) fn in_date_order(&self) -> bool {
        self.newest_first
            .iter()
            .enumerate()
            .all(|(rank, &doc)| rank == doc as usize)
    }

    /// A catalogue of `n` articles in date order (newest first), of which
    /// only `known` are described: what a split index has fetched. Filtering
    /// and counting read only the known articles; an unknown one counts as
    /// having no publisher, month or country. The oldest-first order is
    /// `oldest_first` where the index has given it whole, else that of the
    /// known articles. An article's day is where its number falls among
    /// the whole archive's `days` (oldest first, with their counts): each
    /// day's articles are a run of numbers.
    pub(crate) fn from_entries(
        (publishers, countries, months, people): (Vec<String>, Vec<&'static str>, Vec<String>, Vec<String>),
        days: &[(Date, usize)],
        n: usize,
        known: &[(u32, DocEntry)],
        oldest_first: Option<&[u32]>,
    ) -> Catalog {
        let none = DocFacets {
            countries: 0,
            people: 0,
            publisher: publishers.len() as u32,
            month: months.len() as u32,
            day: days.len() as u32,
        };
        let ends: Vec<usize> = days
            .iter()
            .rev()
            .scan(0, |end, &(_, count)| {
                *end += count;
                Some(*end)
            })
            .collect();
        let mut docs = vec![none; n];
        let mut oldest: Vec<u64> = Vec::with_capacity(known.len());
        for (doc, entry) in known {
            let d = *doc as usize;
            docs[d].publisher = entry.publisher;
            docs[d].month = entry.month;
            docs[d].day = ends.partition_point(|&end| end <= d) as u32;
            docs[d].countries = to_bits(&entry.countries);
            docs[d].people = to_bits(&entry.people);
            oldest.push(u64::from(entry.oldest) << 32 | u64::from(*doc));
        }
        order::sort_keys(&mut oldest);
        Catalog {
            publishers,
            countries,
            months,
            people,
            days: days.iter().rev().map(|&(day, _)| day).collect(),
            docs,
            newest_first: (0..n as u32).collect(),
            oldest_first: match oldest_first {
                Some(order) => order.to_vec(),
                None => oldest.into_iter().map(|key| key as u32).collect(),
            },
            date_rank: (0..n as u32).collect(),
        }
    }

    /// Lower is newer; breaks ties between equal scores.
    pub fn date_rank(&self, doc: u32) -> u32 {
        self.date_rank[doc as usize]
    }

    /// The first `limit` of `docs`, newest first (undated last, equal dates
    /// in corpus order): one pass over the date order instead of a sort.
    pub fn newest_of(&self, docs: &[u32], limit: usize) -> Vec<u32> {
        self.first_of(&self.newest_first, docs, limit)
    }

    /// The first `limit` of `docs`, oldest first (undated last, equal dates
    /// in corpus order).
    pub fn oldest_of(&self, docs: &[u32], limit: usize) -> Vec<u32> {
        self.first_of(&self.oldest_first, docs, limit)
    }

    fn first_of(&self, order: &[u32], docs: &[u32], limit: usize) -> Vec<u32> {
        let mut member = vec![false; self.docs.len()];
        for &doc in docs {
            member[doc as usize] = true;
        }
        order
            .iter()
            .copied()
            .filter(|&d| member[d as usize])
            .take(limit)
            .collect()
    }

    /// Keeps the `matches` that pass `filters` and counts the facets over
    /// `matches`, each facet with every filter but its own.
    pub fn filter(&self, matches: Vec<u32>, filters: &Filters) -> (Vec<u32>, Facets) {
        // Counts have one slot more than values: the "none" slot.
        let mut publisher_counts = vec![0usize; self.publishers.len() + 1];
        // Countries and people count in arrays, which need no bounds checks.
        let mut country_counts = [0usize; 64];
        let mut month_counts = vec![0usize; self.months.len() + 1];
        let mut person_counts = [0usize; PEOPLE];
        let mut day_counts = vec![0usize; self.days.len() + 1];
        let mut matches = matches;
        if let Some(only) = &filters.only {
            matches.retain(|doc| only.binary_search(doc).is_ok());
        }
        let kept = if !filters.narrows() {
            for &doc in &matches {
                let facets = self.docs[doc as usize];
                publisher_counts[facets.publisher as usize] += 1;
                month_counts[facets.month as usize] += 1;
                day_counts[facets.day as usize] += 1;
                count_bits(&mut person_counts, facets.people);
                count_bits(&mut country_counts, facets.countries);
            }
            matches
        } else {
            // Which ids pass; the "none" slot never passes a filter.
            let wanted = |list: &[String], chosen: &Names| -> Vec<bool> {
                let mut ok: Vec<bool> = list.iter().map(|v| chosen.is_empty() || chosen.contains(v)).collect();
                ok.push(chosen.is_empty());
                ok
            };
            let publisher_ok = wanted(&self.publishers, &filters.publishers);
            let month_ok = wanted(&self.months, &filters.months);
            let mut day_ok: Vec<bool> = self
                .days
                .iter()
                .map(|day| filters.dates.is_none_or(|(from, to)| (from..=to).contains(day)))
                .collect();
            day_ok.push(filters.dates.is_none());
            let country_mask = mask(&self.countries, &filters.countries);
            let any_country = filters.countries.is_empty();
            let person_mask = mask(&self.people, &filters.people);
            let any_person = filters.people.is_empty();
            let mut kept = Vec::with_capacity(matches.len());
            for &doc in &matches {
                let facets = self.docs[doc as usize];
                let p = publisher_ok[facets.publisher as usize];
                let m = month_ok[facets.month as usize];
                let d = day_ok[facets.day as usize];
                let c = any_country || facets.countries & country_mask != 0;
                let n = any_person || facets.people & person_mask != 0;
                if c && m && d && n {
                    publisher_counts[facets.publisher as usize] += 1;
                }
                if p && m && d && n {
                    count_bits(&mut country_counts, facets.countries);
                }
                if p && c && d && n {
                    month_counts[facets.month as usize] += 1;
                }
                if p && c && m && n {
                    day_counts[facets.day as usize] += 1;
                }
                if p && c && m && d {
                    count_bits(&mut person_counts, facets.people);
                }
                if p && c && m && d && n {
                    kept.push(doc);
                }
            }
            kept
        };
        let facets = Facets {
            publishers: facet(&self.publishers, &publisher_counts, &filters.publishers, true),
            countries: facet(&self.countries, &country_counts, &filters.countries, true),
            months: facet(&self.months, &month_counts, &filters.months, false),
            people: facet(&self.people, &person_counts, &filters.people, true),
            days: timeline(&self.days, &day_counts),
        };
        (kept, facets)
    }

    /// The timeline of `docs`: how many fall on each day, oldest first.
    pub fn timeline(&self, docs: &[u32]) -> Vec<(Date, usize)> {
        let mut counts = vec![0usize; self.days.len() + 1];
        for &doc in docs {
            counts[self.docs[doc as usize].day as usize] += 1;
        }
        timeline(&self.days, &counts)
    }
}

/// The bits set in `bits`, lowest first.
fn bits(bits: u64) -> impl Iterator<Item = u32> {
    (0..64).filter(move |i| bits & 1 << i != 0)
}

/// The bits of the ids `ids` (each below 64).
fn to_bits(ids: &[u32]) -> u64 {
    ids.iter().fold(0, |bits, &i| bits | 1u64.checked_shl(i).unwrap_or(0))
}

/// The bits of the `values` that are `chosen`.
fn mask<S: AsRef<str>>(values: &[S], chosen: &Names) -> u64 {
    (values.iter().enumerate())
        .filter(|(_, v)| chosen.contains(v.as_ref()))
        .fold(0, |mask, (i, _)| mask | 1u64.checked_shl(i as u32).unwrap_or(0))
}

/// Adds one to `counts[i]` for each bit `i` set in `bits`.
#[inline]
fn count_bits(counts: &mut [usize], mut bits: u64) {
    while bits != 0 {
        counts[bits.trailing_zeros() as usize] += 1;
        bits &= bits - 1;
    }
}

/// The distinct `values` in ascending order, and each one's rank among
/// them. Only the distinct values are sorted: 10,000 articles have a few
/// dozen publishers, and sorting 10,000 copies of their names was most of
/// what building the catalogue cost.
fn ranked<K: Copy + Ord + Hash>(values: impl Iterator<Item = K>) -> (Vec<K>, FxHashMap<K, u32>) {
    let mut rank: FxHashMap<K, u32> = FxHashMap::default();
    for value in values {
        rank.entry(value).or_insert(0);
    }
    let mut sorted: Vec<K> = rank.keys().copied().collect();
    order::sort_by(&mut sorted, K::cmp);
    for (i, value) in sorted.iter().enumerate() {
        rank.insert(*value, i as u32);
    }
    (sorted, rank)
}

/// The days of `days` (newest first) with counts, oldest first; the
/// "none" slot past them (undated articles) is left out.
pub(crate) fn timeline(days: &[Date], counts: &[usize]) -> Vec<(Date, usize)> {
    days.iter()
        .zip(counts)
        .rev()
        .filter(|(_, &count)| count > 0)
        .map(|(&day, &count)| (day, count))
        .collect()
}

/// The values worth showing: those with matches, and those chosen (even at
/// zero, so the reader can unchoose them), by count or in their own order.
pub(crate) fn facet<S: AsRef<str>>(values: &[S], counts: &[usize], chosen: &Names, by_count: bool) -> FacetValues {
    let mut shown: Vec<FacetValue> = values
        .iter()
        .zip(counts)
        .filter(|(v, &count)| count > 0 || chosen.contains(v.as_ref()))
        .map(|(v, &count)| FacetValue {
            value: v.as_ref().to_string(),
            count,
            selected: chosen.contains(v.as_ref()),
        })
        .collect();
    for value in chosen {
        if !values.iter().any(|v| v.as_ref() == value) {
            shown.push(FacetValue {
                value: value.clone(),
                count: 0,
                selected: true,
            });
        }
    }
    if by_count {
        order::sort_by(&mut shown, most_first);
    }
    FacetValues {
        values: shown,
        estimated: false,
    }
}

/// `count` rounded to two significant figures (1237 is 1200).
fn two_figures(count: usize) -> usize {
    let mut unit = 1;
    while count / unit >= 100 {
        unit *= 10;
    }
    (count + unit / 2) / unit * unit
}

/// Most matches first, then by name.
fn most_first(a: &FacetValue, b: &FacetValue) -> std::cmp::Ordering {
    b.count.cmp(&a.count).then_with(|| a.value.cmp(&b.value))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn article(publisher: Option<String>, date: Option<Date>, countries: Vec<&'static str>) -> Article {
        Article {
            slug: String::new(),
            title: String::new(),
            publisher_origin: publisher.as_ref().map(|_| crate::corpus::PublisherOrigin::Given),
            publisher,
            source: None,
            copyright: None,
            teaser: false,
            continue_reading: None,
            url: None,
            dateline: None,
            date_certainty: date.map(|_| crate::corpus::Certainty::Given),
            date,
            countries,
            places: Vec::new(),
            people: Vec::new(),
            related: Vec::new(),
            blocks: Vec::new(),
            photos: Vec::new(),
            excerpt: String::new(),
            words: 0,
            reading_minutes: 1,
            file: String::new(),
            line: 1,
        }
    }

    /// `n` articles with one value of `facet` each (`value(i)` gives article
    /// `i` and its value as shown), then one article without any: every
    /// value counts exactly its article, and choosing the first or the last
    /// value keeps exactly its article.
    fn each_value_is_its_own(facet: Facet, n: usize, value: impl Fn(usize) -> (Article, String)) {
        let (mut articles, values): (Vec<Article>, Vec<String>) = (0..n).map(value).unzip();
        articles.push(article(None, None, Vec::new()));
        let catalog = Catalog::new(&articles);
        let all: Vec<u32> = (0..articles.len() as u32).collect();
        let (kept, facets) = catalog.filter(all.clone(), &Filters::default());
        assert_eq!(kept, all);
        let shown = &facets.get(facet).values;
        assert_eq!(shown.len(), n, "{facet:?}: one value per article");
        assert!(
            shown.iter().all(|v| v.count == 1),
            "{facet:?}: every value counts its one article"
        );
        for i in [0, n / 2, n - 1] {
            let mut filters = Filters::default();
            filters.values_mut(facet).insert(values[i].clone());
            let (kept, facets) = catalog.filter(all.clone(), &filters);
            assert_eq!(kept, [i as u32], "{facet:?} {}", values[i]);
            let chosen: Vec<&FacetValue> = facets.get(facet).values.iter().filter(|v| v.selected).collect();
            assert_eq!(chosen.len(), 1);
            assert_eq!((chosen[0].value.as_str(), chosen[0].count), (values[i].as_str(), 1));
        }
    }

    fn publishers(n: usize) {
        each_value_is_its_own(Facet::Publisher, n, |i| {
            let name = format!("Pub {i:06}");
            (article(Some(name.clone()), None, Vec::new()), name)
        });
    }

    fn months(n: usize) {
        each_value_is_its_own(Facet::Month, n, |i| {
            let date = Date::new(1000 + (i / 12) as i32, (i % 12) as u8 + 1, 1).expect("a valid date");
            (article(None, Some(date), Vec::new()), date.month_key())
        });
    }

    fn countries(n: usize) {
        each_value_is_its_own(Facet::Country, n, |i| {
            let name: &'static str = Box::leak(format!("Country {i:06}").into_boxed_str());
            (article(None, None, vec![name]), name.to_string())
        });
    }

    /// Dates keep the articles of those days and narrow the other facets'
    /// counts; the timeline counts every day the other filters keep.
    #[test]
    fn dates_narrow_the_facets_and_the_timeline_shows_every_day() {
        let day = |d: u8| Date::new(2022, 1, d).expect("a valid date");
        let articles = [
            article(Some("A".into()), Some(day(3)), Vec::new()),
            article(Some("B".into()), Some(day(5)), Vec::new()),
            article(Some("A".into()), Some(day(5)), Vec::new()),
            article(Some("A".into()), None, Vec::new()),
            article(Some("B".into()), Some(day(9)), Vec::new()),
        ];
        let catalog = Catalog::new(&articles);
        let all: Vec<u32> = (0..5).collect();
        let mut filters = Filters {
            dates: Some((day(4), day(9))),
            ..Filters::default()
        };
        let (kept, facets) = catalog.filter(all.clone(), &filters);
        assert_eq!(kept, [1, 2, 4]);
        let counts = |values: &FacetValues| -> Vec<(String, usize)> {
            values.values.iter().map(|v| (v.value.clone(), v.count)).collect()
        };
        assert_eq!(counts(&facets.publishers), [("B".to_string(), 2), ("A".to_string(), 1)]);
        assert_eq!(facets.days, [(day(3), 1), (day(5), 2), (day(9), 1)]);
        filters.publishers.insert("A".into());
        let (kept, facets) = catalog.filter(all.clone(), &filters);
        assert_eq!(kept, [2]);
        assert_eq!(facets.days, [(day(3), 1), (day(5), 1)]);
        assert_eq!(catalog.timeline(&all), [(day(3), 1), (day(5), 2), (day(9), 1)]);
    }

    #[test]
    fn the_people_counted_are_the_64_most_named_and_filter_like_countries() {
        // Person i is named by i + 1 articles: 70 people, 2,485 names.
        let mut articles = Vec::new();
        for person in 0..70 {
            for _ in 0..=person {
                let mut a = article(None, None, vec![]);
                a.people = vec![format!("Person {person:02}")];
                articles.push(a);
            }
        }
        // One more names the most named and the least at once.
        let mut both = article(None, None, vec![]);
        both.people = vec!["Person 69".into(), "Person 00".into()];
        articles.push(both);
        let catalog = Catalog::new(&articles);
        let all: Vec<u32> = (0..articles.len() as u32).collect();
        let (_, facets) = catalog.filter(all.clone(), &Filters::default());
        let counted: Vec<(&str, usize)> = facets
            .people
            .values
            .iter()
            .map(|v| (v.value.as_str(), v.count))
            .collect();
        assert_eq!(counted.len(), PEOPLE);
        assert_eq!(counted[0], ("Person 69", 71));
        assert_eq!(counted[63], ("Person 06", 7));
        assert!(
            !counted.iter().any(|(p, _)| *p == "Person 00"),
            "the least named is left out"
        );
        let mut filters = Filters::default();
        filters.people.insert("Person 69".into());
        filters.people.insert("Person 68".into());
        let (kept, facets) = catalog.filter(all.clone(), &filters);
        assert_eq!(kept.len(), 71 + 69);
        // Counted with every filter but their own: what choosing another gives.
        assert_eq!(facets.people.values.len(), PEOPLE);
        filters.people = Names::from_iter(["Person 00".to_string()]);
        assert_eq!(
            catalog.filter(all, &filters).0,
            [] as [u32; 0],
            "a person not counted takes in nothing"
        );
    }

    #[test]
    fn sorts_and_facets_have_one_name_each_way() {
        let sorts = [Sort::Relevance, Sort::Newest, Sort::Oldest];
        let names: Vec<_> = sorts.iter().map(|sort| sort.name()).collect();
        assert_eq!(names, ["relevance", "newest", "oldest"]);
        for sort in sorts {
            assert_eq!(Sort::named(sort.name()), Some(sort));
        }
        let keys: Vec<_> = Facet::ALL.iter().map(|facet| facet.key()).collect();
        assert_eq!(keys, ["publisher", "country", "month", "person"]);
        for facet in Facet::ALL {
            assert_eq!(Facet::keyed(facet.key()), Some(facet));
        }
        for unknown in ["", "Newest", "newest ", "date", "publishers", "Country"] {
            assert_eq!(
                (Sort::named(unknown), Facet::keyed(unknown)),
                (None, None),
                "{unknown:?}"
            );
        }
    }

    #[test]
    fn publishers_up_to_the_sixteen_bit_edge() {
        publishers(u16::MAX as usize);
    }

    #[test]
    fn publishers_past_the_sixteen_bit_edge() {
        publishers(u16::MAX as usize + 1);
        publishers(70_000);
    }

    #[test]
    fn months_up_to_the_sixteen_bit_edge() {
        months(u16::MAX as usize);
    }

    #[test]
    fn months_past_the_sixteen_bit_edge() {
        months(u16::MAX as usize + 1);
    }

    #[test]
    fn countries_up_to_a_word_of_bits() {
        countries(64);
    }

    /// No corpus names more countries than the gazetteer's 17; past 64,
    /// what a catalogue entry holds, they are left out, not miscounted.
    #[test]
    fn countries_past_a_word_of_bits_are_left_out() {
        let names: Vec<&'static str> = (0..65)
            .map(|i| &*Box::leak(format!("Country {i:02}").into_boxed_str()))
            .collect();
        let articles: Vec<Article> = names.iter().map(|&c| article(None, None, vec![c])).collect();
        let catalog = Catalog::new(&articles);
        let all: Vec<u32> = (0..65).collect();
        let (_, facets) = catalog.filter(all.clone(), &Filters::default());
        assert_eq!(facets.countries.values.len(), 64);
        assert!(!facets.countries.values.iter().any(|v| v.value == "Country 64"));
        let filters = Filters {
            countries: Names::from(["Country 64"]),
            ..Filters::default()
        };
        assert_eq!(catalog.filter(all, &filters).0, [] as [u32; 0]);
    }

    #[test]
    fn an_article_counts_every_country_it_mentions() {
        let many: Vec<&'static str> = (0..17)
            .map(|i| &*Box::leak(format!("C{i:03}").into_boxed_str()))
            .collect();
        let articles = [article(None, None, many.clone()), article(None, None, vec![many[16]])];
        let catalog = Catalog::new(&articles);
        let (_, facets) = catalog.filter(vec![0, 1], &Filters::default());
        let counts: Vec<(&str, usize)> = facets
            .countries
            .values
            .iter()
            .map(|v| (v.value.as_str(), v.count))
            .collect();
        let mut expected = vec![("C016", 2)];
        expected.extend(many[..16].iter().map(|&c| (c, 1)));
        assert_eq!(counts, expected);
        let filters = Filters {
            countries: Names::from(["C010"]),
            ..Filters::default()
        };
        assert_eq!(catalog.filter(vec![0, 1], &filters).0, [0]);
    }

    #[test]
    fn scaled_counts_are_estimates_in_two_figures_most_first() {
        let value = |value: &str, count| FacetValue {
            value: value.into(),
            count,
            selected: false,
        };
        let sample = FacetValues {
            values: vec![value("DPA", 137), value("AFP", 2), value("RFE/RL", 1)],
            estimated: false,
        };
        let scaled = sample.scaled(9.03);
        assert!(scaled.estimated);
        // 1237.11, 18.06 and 9.03, each in two figures.
        assert_eq!(
            scaled.values,
            [value("DPA", 1200), value("AFP", 18), value("RFE/RL", 9)]
        );
        assert_eq!(two_figures(996), 1000);
        assert_eq!(two_figures(1250), 1300);
        assert_eq!(two_figures(99), 99);
        assert_eq!(two_figures(0), 0);
    }
}
