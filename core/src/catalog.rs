//! Filters, facets and sort orders over a set of matching articles.
//!
//! Facets are counted the way shoppers expect from a good catalogue: values of
//! one facet combine with OR (two publishers show the articles of either),
//! facets combine with AND, and each facet's counts apply every filter except
//! its own, so the reader sees what choosing another value would give.

use std::collections::BTreeSet;
use std::hash::Hash;

use rustc_hash::FxHashMap;

use crate::corpus::{Article, Date};
use crate::order;

/// What the reader has chosen to see. Values are facet values as shown
/// (`RFE/RL`, `Kazakhstan`, `2022-01`); an unknown value matches nothing.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Filters {
    pub publishers: BTreeSet<String>,
    pub countries: BTreeSet<String>,
    pub months: BTreeSet<String>,
    /// Only these articles (by position), before anything else: the
    /// reader's saved articles. Facets count within them.
    pub only: Option<BTreeSet<u32>>,
}

/// The three things a reader can filter by.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Facet {
    Publisher,
    Country,
    Month,
}

impl Facet {
    pub const ALL: [Facet; 3] = [Facet::Publisher, Facet::Country, Facet::Month];
}

impl Filters {
    pub fn is_empty(&self) -> bool {
        self.publishers.is_empty() && self.countries.is_empty() && self.months.is_empty() && self.only.is_none()
    }

    pub fn values(&self, facet: Facet) -> &BTreeSet<String> {
        match facet {
            Facet::Publisher => &self.publishers,
            Facet::Country => &self.countries,
            Facet::Month => &self.months,
        }
    }

    pub fn values_mut(&mut self, facet: Facet) -> &mut BTreeSet<String> {
        match facet {
            Facet::Publisher => &mut self.publishers,
            Facet::Country => &mut self.countries,
            Facet::Month => &mut self.months,
        }
    }
}

impl Facets {
    pub fn get(&self, facet: Facet) -> &FacetValues {
        match facet {
            Facet::Publisher => &self.publishers,
            Facet::Country => &self.countries,
            Facet::Month => &self.months,
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

/// The values of one facet with their counts for the current query.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct FacetValues {
    pub values: Vec<FacetValue>,
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
}

/// Each article's facet values, as small ids, and the date order.
pub struct Catalog {
    publishers: Vec<String>,
    countries: Vec<&'static str>,
    months: Vec<String>,
    docs: Vec<DocFacets>,
    /// Article positions, newest first; undated articles last, in corpus order.
    newest_first: Vec<u32>,
    /// The same, oldest first.
    oldest_first: Vec<u32>,
    /// Each article's place in `newest_first`: the tie-breaker for equal scores.
    date_rank: Vec<u32>,
}

/// One article's facet values, packed so counting touches one cache line.
#[derive(Clone, Copy)]
struct DocFacets {
    /// Bit `i` set: the article mentions `countries[i]` (the gazetteer has
    /// fewer than 64 countries).
    countries: u64,
    /// Index into `publishers`; `publishers.len()` for none.
    publisher: u16,
    /// Index into `months`; `months.len()` for undated.
    month: u16,
}

impl Catalog {
    pub fn new(articles: &[Article]) -> Catalog {
        let (publishers, publisher_rank) = ranked(articles.iter().filter_map(|a| a.publisher.as_deref()));
        let (mut countries, country_rank) = ranked(articles.iter().flat_map(|a| a.countries.iter().copied()));
        countries.truncate(64);
        let (months, month_rank) = ranked(articles.iter().filter_map(|a| a.date).map(|d| (d.year, d.month)));
        let docs = articles
            .iter()
            .map(|a| DocFacets {
                countries: a
                    .countries
                    .iter()
                    .map(|c| country_rank[c])
                    .filter(|&bit| bit < 64)
                    .fold(0u64, |mask, bit| mask | 1 << bit),
                publisher: a
                    .publisher
                    .as_deref()
                    .map_or(publishers.len(), |p| publisher_rank[p] as usize) as u16,
                // Newest first.
                month: a.date.map_or(months.len(), |d| {
                    months.len() - 1 - month_rank[&(d.year, d.month)] as usize
                }) as u16,
            })
            .collect();
        let publishers = publishers.into_iter().map(String::from).collect();
        let months = months
            .iter()
            .rev()
            .map(|&(year, month)| Date { year, month, day: 1 }.month_key())
            .collect();
        // Both date orders put undated articles last and keep corpus order
        // among equal dates: a key per article (its date's rank above, its
        // position below), sorted in linear time.
        let (dates, date_rank) = ranked(articles.iter().filter_map(|a| a.date));
        let undated = dates.len() as u64;
        let by_keys = |rank: &dyn Fn(u64) -> u64| {
            let mut keys: Vec<u64> = (0u64..)
                .zip(articles)
                .map(|(doc, a)| a.date.map_or(undated, |d| rank(u64::from(date_rank[&d]))) << 32 | doc)
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
            docs,
            newest_first,
            oldest_first,
            date_rank,
        }
    }

    /// Lower is newer; breaks ties between equal scores.
    pub fn date_rank(&self, doc: u32) -> u32 {
        self.date_rank[doc as usize]
    }

    /// The first `limit` of `docs`, newest first (undated last, equal dates
    /// in corpus order): one pass over the date order instead of a sort.
    pub fn newest_of(&self, docs: &[u32], limit: usize) -> Vec<u32> {
        Self::first_of(&self.newest_first, docs, limit)
    }

    /// The first `limit` of `docs`, oldest first (undated last, equal dates
    /// in corpus order).
    pub fn oldest_of(&self, docs: &[u32], limit: usize) -> Vec<u32> {
        Self::first_of(&self.oldest_first, docs, limit)
    }

    fn first_of(order: &[u32], docs: &[u32], limit: usize) -> Vec<u32> {
        let mut member = vec![false; order.len()];
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
        let mut country_counts = [0usize; 64];
        let mut month_counts = vec![0usize; self.months.len() + 1];
        let count_countries = |counts: &mut [usize; 64], mut bits: u64| {
            while bits != 0 {
                counts[bits.trailing_zeros() as usize] += 1;
                bits &= bits - 1;
            }
        };
        let mut matches = matches;
        if let Some(only) = &filters.only {
            matches.retain(|doc| only.contains(doc));
        }
        let narrowed = !(filters.publishers.is_empty() && filters.countries.is_empty() && filters.months.is_empty());
        let kept = if !narrowed {
            for &doc in &matches {
                let facets = self.docs[doc as usize];
                publisher_counts[facets.publisher as usize] += 1;
                month_counts[facets.month as usize] += 1;
                count_countries(&mut country_counts, facets.countries);
            }
            matches
        } else {
            // Which ids pass; the "none" slot never passes a filter.
            let wanted = |list: &[String], chosen: &BTreeSet<String>| -> Vec<bool> {
                let mut ok: Vec<bool> = list.iter().map(|v| chosen.is_empty() || chosen.contains(v)).collect();
                ok.push(chosen.is_empty());
                ok
            };
            let publisher_ok = wanted(&self.publishers, &filters.publishers);
            let month_ok = wanted(&self.months, &filters.months);
            let country_mask = self
                .countries
                .iter()
                .enumerate()
                .filter(|(_, c)| filters.countries.contains(**c))
                .fold(0u64, |mask, (i, _)| mask | 1 << i);
            let any_country = filters.countries.is_empty();
            let mut kept = Vec::with_capacity(matches.len());
            for &doc in &matches {
                let facets = self.docs[doc as usize];
                let p = publisher_ok[facets.publisher as usize];
                let m = month_ok[facets.month as usize];
                let c = any_country || facets.countries & country_mask != 0;
                if c && m {
                    publisher_counts[facets.publisher as usize] += 1;
                }
                if p && m {
                    count_countries(&mut country_counts, facets.countries);
                }
                if p && c {
                    month_counts[facets.month as usize] += 1;
                }
                if p && c && m {
                    kept.push(doc);
                }
            }
            kept
        };
        let facets = Facets {
            publishers: facet(&self.publishers, &publisher_counts, &filters.publishers, true),
            countries: facet(&self.countries, &country_counts, &filters.countries, true),
            months: facet(&self.months, &month_counts, &filters.months, false),
        };
        (kept, facets)
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

/// The values worth showing: those with matches, and those chosen (even at
/// zero, so the reader can unchoose them), by count or in their own order.
fn facet<S: AsRef<str>>(values: &[S], counts: &[usize], chosen: &BTreeSet<String>, by_count: bool) -> FacetValues {
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
        order::sort_by(&mut shown, |a, b| {
            b.count.cmp(&a.count).then_with(|| a.value.cmp(&b.value))
        });
    }
    FacetValues { values: shown }
}
