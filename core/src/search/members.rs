//! The articles each facet's filter takes in, as sets: what a split index
//! reads from its lists of articles per facet value, where filtering
//! through the catalogue would read the catalogue entry of every match (at
//! 1,000,000 articles, every catalogue shard: 2 MB).

use crate::catalog::Facet;

/// Per facet: the articles its chosen values take in, or `None` where
/// nothing of that facet is chosen.
#[derive(Default)]
pub(crate) struct Members {
    sets: [Option<Vec<bool>>; 3],
}

impl Members {
    /// Says which articles `facet`'s chosen values take in.
    pub fn choose(&mut self, facet: Facet, set: Vec<bool>) {
        self.sets[facet as usize] = Some(set);
    }

    /// The `docs` that every facet's filter takes in, but `except`'s:
    /// a facet's counts are over the matches the other facets' filters keep.
    pub fn keep(&self, docs: &[u32], except: Option<Facet>) -> Vec<u32> {
        let sets: Vec<&Vec<bool>> = Facet::ALL
            .iter()
            .filter(|&&facet| Some(facet) != except)
            .filter_map(|&facet| self.sets[facet as usize].as_ref())
            .collect();
        docs.iter()
            .copied()
            .filter(|&doc| sets.iter().all(|set| set.get(doc as usize).copied().unwrap_or(false)))
            .collect()
    }

    /// Whether no facet but `facet` filters.
    pub fn only(&self, facet: Facet) -> bool {
        Facet::ALL
            .iter()
            .all(|&other| other == facet || self.sets[other as usize].is_none())
    }
}
