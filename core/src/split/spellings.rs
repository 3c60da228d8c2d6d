//! Common words that are one name in several spellings, given one head.
//!
//! A search scores the words a name key joins (Tokayev, Toqaev, Токаев) as
//! one term. With a head per word, an article outside every head could
//! have each spelling at its rest's highest frequency, and that sum beat
//! the best articles' scores: at 100,000 generated articles, every search
//! of the name read the whole lists. So the heads of such words are cut
//! together: each holds the word's postings in the articles with the
//! highest frequencies summed over its spellings, and the bound is the
//! highest such sum outside them.

use std::cmp::Reverse;
use std::collections::BinaryHeap;

use rustc_hash::FxHashMap;

use super::write::HEAD_RATIO;
use crate::search::index::{self, Averages, Vocabulary};

/// The spellings' heads being found, an article at a time.
pub(super) struct Spellings {
    /// Per common word with another spelling: its group, numbered by its
    /// first word's id.
    of: FxHashMap<u32, u32>,
    /// Per group: its best articles so far, as (summed frequency's bits,
    /// article), the least first; one more than a head holds.
    best: FxHashMap<u32, BinaryHeap<Reverse<(u32, u32)>>>,
    head: usize,
    averages: Averages,
}

/// The heads of words in groups of spellings.
#[derive(Default)]
pub(super) struct Cut {
    /// Per word: its group.
    of: FxHashMap<u32, u32>,
    /// Per group: the articles of its heads, sorted, and the highest summed
    /// frequency of an article outside them.
    heads: FxHashMap<u32, (Vec<u32>, f32)>,
}

impl Cut {
    /// A word's group, its head's articles and their bound, if it is in one.
    pub fn of(&self, word: u32) -> Option<(u32, &[u32], f32)> {
        let group = *self.of.get(&word)?;
        let (docs, bound) = self.heads.get(&group)?;
        Some((group, docs, *bound))
    }
}

impl Spellings {
    /// Groups the words of `vocab` with a head (those in more than
    /// `head * HEAD_RATIO` articles) that share a name key.
    pub fn new(vocab: &Vocabulary, df: &[u32], head: usize, averages: Averages) -> Spellings {
        let common = |word: u32| head > 0 && df[word as usize] as usize > head * HEAD_RATIO;
        // Union-find over the common words, by their name keys.
        let mut parent: FxHashMap<u32, u32> = FxHashMap::default();
        fn root(parent: &mut FxHashMap<u32, u32>, word: u32) -> u32 {
            let up = *parent.entry(word).or_insert(word);
            if up == word {
                return word;
            }
            let top = root(parent, up);
            parent.insert(word, top);
            top
        }
        let mut last: Option<(&str, u32)> = None;
        for (key, word) in vocab.names.pairs().filter(|&(_, word)| common(word)) {
            if let Some((k, other)) = last.filter(|&(k, _)| k == key) {
                let (a, b) = (root(&mut parent, other), root(&mut parent, word));
                parent.insert(a.max(b), a.min(b));
                last = Some((k, other));
            } else {
                last = Some((key, word));
            }
        }
        let words: Vec<u32> = parent.keys().copied().collect();
        let mut sizes: FxHashMap<u32, usize> = FxHashMap::default();
        for &word in &words {
            *sizes.entry(root(&mut parent, word)).or_default() += 1;
        }
        let of = (words.into_iter())
            .map(|word| (word, root(&mut parent, word)))
            .filter(|(_, group)| sizes[group] > 1)
            .collect();
        Spellings {
            of,
            best: FxHashMap::default(),
            head,
            averages,
        }
    }

    /// Article `doc`, its words in reading order and where its fields start.
    pub fn add(&mut self, doc: u32, words: &[u32], starts: &[u32]) {
        let mut sums: Vec<(u32, f32)> = Vec::new();
        let mut seen: Vec<u32> = Vec::new();
        for &word in words {
            let Some(&group) = self.of.get(&word) else { continue };
            if seen.contains(&word) {
                continue;
            }
            seen.push(word);
            let frequency = index::frequency(words, starts, word, self.averages);
            match sums.iter_mut().find(|(g, _)| *g == group) {
                Some((_, sum)) => *sum += frequency,
                None => sums.push((group, frequency)),
            }
        }
        for (group, sum) in sums {
            let best = self.best.entry(group).or_default();
            best.push(Reverse((sum.to_bits(), doc)));
            if best.len() > self.head + 1 {
                best.pop();
            }
        }
    }

    /// Each grouped word's head: the articles whose sums are above the
    /// highest left out (ties left out too); none where that leaves none.
    pub fn finish(self) -> Cut {
        let heads = (self.best.into_iter())
            .filter_map(|(group, best)| {
                // The highest first: the last is the highest left out.
                let best = best.into_sorted_vec();
                let Reverse((bound, _)) = *best.last()?;
                let mut docs: Vec<u32> = (best.iter())
                    .filter(|Reverse((sum, _))| *sum > bound)
                    .map(|Reverse((_, doc))| *doc)
                    .collect();
                crate::order::sort_by(&mut docs, |a, b| a.cmp(b));
                (!docs.is_empty()).then(|| (group, (docs, f32::from_bits(bound))))
            })
            .collect();
        Cut { of: self.of, heads }
    }
}
