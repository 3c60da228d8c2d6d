//! The articles each facet's filter takes in, as sets: what a split index
//! reads from its lists of articles per facet value, where filtering
//! through the catalogue would read the catalogue entry of every match (at
//! 1,000,000 articles, every catalogue shard: 2 MB).

use std::ops::Range;

use crate::catalog::Facet;

/// Per facet: the articles its chosen values take in, or `None` where
/// nothing of that facet is chosen; and the articles of the dates chosen,
/// a run of numbers.
#[derive(Default)]
pub(crate) struct Members {
    sets: [Option<Vec<bool>>; 4],
    dates: Option<Range<u32>>,
}

/// What a facet's counts leave out of the filters: their own facet's, or
/// the dates' (the timeline's).
#[derive(Clone, Copy, PartialEq, Eq)]
pub(crate) enum Except {
    Nothing,
    Facet(Facet),
    Dates,
}

impl Members {
    /// Says which articles `facet`'s chosen values take in.
    pub fn choose(&mut self, facet: Facet, set: Vec<bool>) {
        self.sets[facet as usize] = Some(set);
    }

    /// Says which articles the chosen dates take in.
    pub fn date(&mut self, docs: Range<u32>) {
        self.dates = Some(docs);
    }

    /// The `docs` that every filter takes in, but `except`'s: a facet's
    /// counts are over the matches the other filters keep.
    pub fn keep(&self, docs: &[u32], except: Except) -> Vec<u32> {
        let sets: Vec<&Vec<bool>> = Facet::ALL
            .iter()
            .filter(|&&facet| except != Except::Facet(facet))
            .filter_map(|&facet| self.sets[facet as usize].as_ref())
            .collect();
        let dates = self.dates.clone().filter(|_| except != Except::Dates);
        docs.iter()
            .copied()
            .filter(|doc| dates.as_ref().is_none_or(|dates| dates.contains(doc)))
            .filter(|&doc| sets.iter().all(|set| set.get(doc as usize).copied().unwrap_or(false)))
            .collect()
    }

    /// Whether no filter but `facet`'s narrows.
    pub fn only(&self, facet: Facet) -> bool {
        self.dates.is_none()
            && Facet::ALL
                .iter()
                .all(|&other| other == facet || self.sets[other as usize].is_none())
    }
}
