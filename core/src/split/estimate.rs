//! Facet counts for a search whose matches spread over much of a large
//! archive. Counting them exactly reads the catalogue shard of every match:
//! for a common word that is every shard, 208 KB at 100,000 articles and
//! 1.9 MB at 1,000,000, more than the rest of the search. Past
//! [`SAMPLE_SHARDS`] shards, publishers and countries are counted over the
//! matches in a few shards and scaled up, marked as estimates. Months stay
//! exact and cost nothing: articles are numbered newest first, so each
//! month is a run of numbers that the whole archive's month counts (in the
//! directory) give.

use crate::names::Names;
use std::ops::Range;

use super::format::Directory;
use crate::catalog::{facet, timeline, FacetValues};
use crate::corpus::Date;

/// The most catalogue shards a search reads to count its facets.
pub const SAMPLE_SHARDS: usize = 4;

/// The fewest matches worth estimating from in the archive's own sample
/// shards; with fewer, the shards where the matches are go instead.
const FEWEST: usize = 256;

/// The matches (of `docs`) to count facets over instead of all of them, or
/// `None` when all of them lie in at most [`SAMPLE_SHARDS`] shards.
///
/// The sample is, by preference, the matches in shards spread evenly over
/// the archive: the same shards for every search, so a visit reads at most
/// [`SAMPLE_SHARDS`] of them however many broad searches it makes (each
/// letter typed is a search). A search with few matches there (a story of
/// one year) is sampled where its matches are: the shards holding its
/// matches at evenly spaced ranks.
pub(super) fn sample(directory: &Directory, docs: &[u32]) -> Option<Vec<u32>> {
    let per = directory.catalog_docs;
    let shards = directory.catalogs.files;
    let mut counts = vec![0usize; shards];
    for &doc in docs {
        if let Some(count) = counts.get_mut(doc as usize / per) {
            *count += 1;
        }
    }
    if counts.iter().filter(|&&c| c > 0).count() <= SAMPLE_SHARDS {
        return None;
    }
    let spread: Vec<usize> = (0..SAMPLE_SHARDS)
        .map(|i| (2 * i + 1) * shards / (2 * SAMPLE_SHARDS))
        .collect();
    let chosen = if spread.iter().map(|&s| counts[s]).sum::<usize>() >= FEWEST {
        spread
    } else {
        let mut seen = 0;
        let mut next = 0;
        let mut chosen = Vec::new();
        for (shard, &count) in counts.iter().enumerate() {
            seen += count;
            // The shard holding the match ranked (2i + 1) / 2n of the way.
            while next < SAMPLE_SHARDS && 2 * SAMPLE_SHARDS * seen > (2 * next + 1) * docs.len() {
                chosen.push(shard);
                next += 1;
            }
        }
        chosen
    };
    Some(
        docs.iter()
            .copied()
            .filter(|&doc| chosen.contains(&(doc as usize / per)))
            .collect(),
    )
}

/// The month counts of `docs`, exactly, from where each month's articles
/// are (see [`Directory::month_runs`]), with the `chosen` months marked.
pub(super) fn months(directory: &Directory, docs: &[u32], chosen: &Names) -> FacetValues {
    let (names, counts) = per_run(directory.month_runs(), docs);
    facet(&names, &counts, chosen, false)
}

/// The timeline of `docs`, exactly, from where each day's articles are
/// (see [`Directory::day_runs`]).
pub(super) fn days(directory: &Directory, docs: &[u32]) -> Vec<(Date, usize)> {
    let (days, counts) = per_run(directory.day_runs(), docs);
    timeline(&days, &counts)
}

/// How many of `docs` fall in each of `runs` (runs of article numbers in
/// order, each with what it is of), and what each is of.
fn per_run<T>(runs: impl Iterator<Item = (T, Range<u32>)>, docs: &[u32]) -> (Vec<T>, Vec<usize>) {
    let (of, runs): (Vec<T>, Vec<Range<u32>>) = runs.unzip();
    let mut counts = vec![0; runs.len()];
    for &doc in docs {
        if let Some(count) = counts.get_mut(runs.partition_point(|run| run.end <= doc)) {
            *count += 1;
        }
    }
    (of, counts)
}

/// The whole archive's counts of a facet (publishers or countries), with
/// the `chosen` values marked.
pub(super) fn marked(whole: &FacetValues, chosen: &Names) -> FacetValues {
    let names: Vec<&str> = whole.values.iter().map(|v| v.value.as_str()).collect();
    let counts: Vec<usize> = whole.values.iter().map(|v| v.count).collect();
    facet(&names, &counts, chosen, true)
}
