//! Ranking a page from the heads of common words' lists.
//!
//! A split index keeps the postings of a common word with the highest
//! impacts apart, as its head, beside its whole list
//! (`split::format::Head`); the common spellings of one name share one
//! head (`split/spellings.rs`). At 1,000,000 generated articles the whole
//! lists of `tokayev`'s spellings take 806 KB gzipped. A page of results
//! by relevance, with no filter and no counts, whose common words are one
//! group ([`worth`]), is ranked from the head. An article the head lacks
//! has the group's words with at most the head's bound, so every
//! article's score has an upper bound. Where no article left uncertain
//! could reach the page, the page is the one the whole lists give. A few
//! uncertain articles that could reach it are scored exactly from their
//! own words (their article groups, fetched with the page's). Otherwise
//! the whole lists are read. Only the total is then unknown: it is
//! estimated, and marked so.

use super::index;
use super::matcher::{Alternatives, Matcher};
use super::rank::Accumulator;
use super::store::Store;
use crate::order;

/// The most uncertain articles scored from their own words: each costs a
/// cold search its article group (at 1,000,000 articles, about 12 KB
/// gzipped), where the whole lists cost hundreds of KB.
const RESOLVE: usize = 32;

/// Scores are sums of floats added in different orders here and in the
/// ranking; a bound this much above an article's score still counts as
/// reaching it.
const MARGIN: f32 = 1e-4;

/// The most groups of heads a clause reads (as bits of a `u32` per
/// article); past it, the whole lists are read.
const GROUPS: usize = 32;

/// What the lists not read whole could add to each article's score.
pub(super) struct Bounds {
    /// Per clause scored: its idf, and what the lists it did not read
    /// whole could add to an article's frequency sum (0: none).
    clauses: Vec<(f32, f32)>,
    /// The clause being scored: per group of heads it read (see
    /// `split::format::Head`), its number and the most its articles
    /// outside the heads could add.
    groups: Vec<(u32, f32)>,
    /// It read more than [`GROUPS`] groups.
    overflowed: bool,
    /// Per article: the groups of the clause whose heads it is in, as bits.
    found: Vec<u32>,
    /// Per article: the most its score could be, over the clauses that
    /// found it, and whether that is more than its score.
    upper: Vec<f32>,
    uncertain: Vec<bool>,
    /// Every word read as a head.
    pub words: Vec<u32>,
}

impl Bounds {
    pub fn new(articles: usize) -> Bounds {
        Bounds {
            clauses: Vec::new(),
            groups: Vec::new(),
            overflowed: false,
            found: vec![0; articles],
            upper: vec![0.0; articles],
            uncertain: vec![false; articles],
            words: Vec::new(),
        }
    }

    /// A word of the clause being scored is read as its head, of `group`,
    /// outside which an article has at most `most` of the group's words
    /// (scaled as they matched). Returns the group's bit.
    pub fn head(&mut self, word: u32, group: u32, most: f32) -> u32 {
        self.words.push(word);
        let at = match self.groups.iter().position(|&(g, _)| g == group) {
            Some(at) => at,
            None if self.groups.len() < GROUPS => {
                self.groups.push((group, 0.0));
                self.groups.len() - 1
            }
            None => {
                self.overflowed = true;
                return 0;
            }
        };
        self.groups[at].1 = self.groups[at].1.max(most);
        1 << at
    }

    /// `doc` is in a head of the group with this bit.
    pub fn found(&mut self, doc: u32, bit: u32) {
        self.found[doc as usize] |= bit;
    }

    /// Ends a clause of this `idf`, whose articles have the frequency sums
    /// `acc` holds for them (not yet saturated).
    pub fn close(&mut self, idf: f32, acc: &Accumulator) {
        let all = ((1u64 << self.groups.len()) - 1) as u32;
        for &doc in &acc.in_clause {
            let d = doc as usize;
            let rest: f32 = (self.groups.iter().enumerate())
                .filter(|(at, _)| self.found[d] & 1 << at == 0)
                .map(|(_, &(_, most))| most)
                .sum();
            self.uncertain[d] |= self.found[d] != all;
            self.upper[d] += idf * index::saturate(acc.best[d] + rest);
            self.found[d] = 0;
        }
        self.clauses
            .push((idf, self.groups.iter().map(|&(_, most)| most).sum()));
        self.groups.clear();
    }

    /// The most an article with these clause bits found so far could
    /// score, or `None` where a clause it lacks was read whole (it cannot
    /// match it).
    fn most(&self, upper: f32, mask: u32) -> Option<f32> {
        let mut most = upper;
        for (bit, &(idf, unread)) in self.clauses.iter().enumerate() {
            if mask & 1 << bit == 0 {
                if unread == 0.0 {
                    return None;
                }
                most += idf * index::saturate(unread);
            }
        }
        Some(most)
    }
}

/// Whether a search may be ranked from heads, as far as its words say:
/// its common words are of one group (a word, or the spellings of one
/// name), and its other words in so few articles that [`settle`] could
/// score each from its own words. The best articles of two groups, or of
/// a group and a common word, are seldom in both heads, and reading whole
/// lists after the heads takes a round more: at 100,000 generated
/// articles, 4 of the 12 benchmark queries took 4 rounds so.
pub(super) fn worth<S: Store>(store: &S, matcher: &Matcher<'_>) -> bool {
    let (mut group, mut rare) = (None, 0);
    for clause in &matcher.clauses {
        if !clause.phrases.is_empty() {
            return false;
        }
        for &(word, _) in &clause.words {
            match store.head_group(word) {
                Some(other) if group.is_some_and(|first| first != other) => return false,
                Some(other) => group = Some(other),
                None => rare += store.df()[word as usize] as usize,
            }
        }
    }
    group.is_some() && rare <= RESOLVE
}

/// Settles a ranking read from heads: returns the matches, with exact
/// scores for every article that could reach the first `k`, and whether
/// the total is exact too; `None` where too many articles are uncertain,
/// and the whole lists must be read. An uncertain article is scored from its
/// words: where those are not yet here, the store is left not ready.
pub(super) fn settle<S: Store>(
    store: &S,
    matcher: &Matcher<'_>,
    acc: &mut Accumulator,
    bounds: &Bounds,
    excluded: impl Fn(u32) -> bool,
    k: usize,
) -> Option<(Vec<u32>, bool)> {
    if bounds.overflowed {
        return None;
    }
    // Loops, not iterator chains: each `collect` of another chain compiled
    // its own copy of a vector's growth into the worker's wasm.
    let all = u32::MAX >> (32 - matcher.clauses.len());
    // The k-th best score of the articles sure to match (a score read so
    // far is the least it can be): an article whose most cannot reach it
    // cannot reach the page. (Scores are never negative, so their bits
    // sort as they do.)
    let mut keys: Vec<u64> = Vec::new();
    for &doc in &acc.touched {
        if acc.masks[doc as usize] == all && !excluded(doc) {
            keys.push(u64::from(acc.scores[doc as usize].to_bits()) << 32 | u64::from(doc));
        }
    }
    order::sort_keys(&mut keys);
    let best = keys.len().saturating_sub(k);
    let floor = match keys.len() >= k {
        true => f32::from_bits((keys[best] >> 32) as u32),
        false => f32::NEG_INFINITY,
    };
    let reaches = |most: Option<f32>| most.is_some_and(|most| most * (1.0 + MARGIN) >= floor);
    if reaches(bounds.most(0.0, 0)) {
        return None;
    }
    // How many articles may match with scores not known, and those of
    // them that could reach the page.
    let (mut open, mut doubtful) = (0, Vec::new());
    for &doc in &acc.touched {
        let d = doc as usize;
        if excluded(doc) || (acc.masks[d] == all && !bounds.uncertain[d]) {
            continue;
        }
        let most = bounds.most(bounds.upper[d], acc.masks[d]);
        open += usize::from(most.is_some());
        if reaches(most) {
            doubtful.push(doc);
        }
    }
    if doubtful.len() > RESOLVE {
        return None;
    }
    if !doubtful.is_empty() {
        // The best articles' groups come with the doubtful ones': the
        // page's snippets read them, and would take a round more.
        for &key in &keys[best..] {
            store.field_starts(key as u32);
        }
    }
    let mut words = Vec::new();
    for &doc in &doubtful {
        words.clear();
        for word in store.forward(doc) {
            words.push(word);
        }
        let starts = store.field_starts(doc);
        let (mut score, mut mask) = (0.0, 0);
        for (bit, clause) in matcher.clauses.iter().enumerate() {
            let mut sum = 0.0;
            for &(word, kind) in &clause.words {
                sum += kind.weight() * index::frequency(&words, starts, word, store.averages());
            }
            if sum > 0.0 {
                score += bounds.clauses[bit].0 * index::saturate(sum);
                mask |= 1 << bit;
            }
        }
        acc.scores[doc as usize] = score;
        acc.masks[doc as usize] = mask;
    }
    let exact = bounds.most(0.0, 0).is_none() && open == doubtful.len();
    let mut matches = Vec::new();
    for &doc in &acc.touched {
        if acc.masks[doc as usize] == all && !excluded(doc) {
            matches.push(doc);
        }
    }
    Some((matches, exact))
}

/// About how many articles match every clause of a search ranked from
/// heads, and at least the `found`: each clause in as many articles as its
/// commonest word (the spellings of a name are mostly in different
/// articles, the commonest in most of them), the clauses independent.
pub(super) fn estimate<S: Store>(store: &S, matcher: &Matcher<'_>, found: usize) -> usize {
    let n = store.len() as u64;
    let spread = |clause: &Alternatives<'_>| clause.words.iter().map(|&(word, _)| store.df()[word as usize]).max();
    let share = (matcher.clauses.iter()).fold(n, |share, clause| {
        share * u64::from(spread(clause).unwrap_or(0)) / n.max(1)
    });
    (share as usize).max(found)
}
