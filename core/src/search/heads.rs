//! Ranking a page from the heads of common words' lists.
//!
//! A split index keeps the postings of a common word with the highest
//! impacts apart from the rest of its list, as its head
//! (`split::format::Head`): at 1,000,000 generated articles, the lists of
//! `tokayev`'s spellings take 806 KB gzipped whole. A page of results by
//! relevance, with no filter and no counts, is ranked from the heads
//! first. An article a head lacks has that word with at most the rest's
//! highest frequency, so every article's score has an upper bound. Where
//! no article left uncertain could reach the page, the page is the one the
//! whole lists give. A few uncertain articles that could reach it are
//! scored exactly from their own words (their article groups, which a
//! page's snippets read anyway). Otherwise the rests are read. Only the
//! total is then unknown: it is estimated, and marked so.

use super::index;
use super::matcher::Matcher;
use super::rank::Accumulator;
use super::store::Store;
use crate::order;

/// The most uncertain articles scored from their own words: each costs a
/// cold search its article group (at 1,000,000 articles, about 12 KB
/// gzipped), where the rests cost hundreds of KB.
const RESOLVE: usize = 32;

/// Scores are sums of floats added in different orders here and in the
/// ranking; a bound this much above an article's score still counts as
/// reaching it.
const MARGIN: f32 = 1e-4;

/// What the rests not read could add to each article's score.
pub(super) struct Bounds {
    /// Per clause scored: its idf, and what the rests it did not read
    /// could add to an article's frequency sum (0: none was left unread).
    clauses: Vec<(f32, f32)>,
    /// The clause being scored: what its unread rests could add, how many
    /// words it read as heads, and per article what the heads it is in
    /// rule out, and how many those are.
    unread: f32,
    heads: u16,
    covered: Vec<f32>,
    found: Vec<u16>,
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
            unread: 0.0,
            heads: 0,
            covered: vec![0.0; articles],
            found: vec![0; articles],
            upper: vec![0.0; articles],
            uncertain: vec![false; articles],
            words: Vec::new(),
        }
    }

    /// A word of the clause being scored is read as its head, whose rest
    /// has frequencies up to `most` (scaled as the word matched).
    pub fn head(&mut self, word: u32, most: f32) {
        self.unread += most;
        self.heads += 1;
        self.words.push(word);
    }

    /// `doc` is in the head of a word whose rest could have given it `most`.
    pub fn found(&mut self, doc: u32, most: f32) {
        self.covered[doc as usize] += most;
        self.found[doc as usize] += 1;
    }

    /// Ends a clause of this `idf`, whose articles have the frequency sums
    /// `acc` holds for them (not yet saturated).
    pub fn close(&mut self, idf: f32, acc: &Accumulator) {
        for &doc in &acc.in_clause {
            let d = doc as usize;
            let rest = (self.unread - self.covered[d]).max(0.0);
            self.uncertain[d] |= self.found[d] < self.heads;
            self.upper[d] += idf * index::saturate(acc.best[d] + rest);
            (self.covered[d], self.found[d]) = (0.0, 0);
        }
        self.clauses.push((idf, self.unread));
        (self.unread, self.heads) = (0.0, 0);
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

/// Settles a ranking read from heads: returns the matches, with exact
/// scores for every article that could reach the first `k`, and whether
/// the total is exact too; `None` where too many articles are uncertain,
/// and the rests must be read. An uncertain article is scored from its
/// words: where those are not yet here, the store is left not ready.
pub(super) fn settle<S: Store>(
    store: &S,
    matcher: &Matcher<'_>,
    acc: &mut Accumulator,
    bounds: &Bounds,
    excluded: impl Fn(u32) -> bool,
    k: usize,
) -> Option<(Vec<u32>, bool)> {
    let all = u32::MAX >> (32 - matcher.clauses.len());
    let candidates: Vec<u32> = acc.touched.iter().copied().filter(|&d| !excluded(d)).collect();
    let sure = |d: u32| acc.masks[d as usize] == all;
    let certain = |d: u32| sure(d) && !bounds.uncertain[d as usize];
    // The k-th best score of the articles sure to match (a score read so
    // far is the least it can be): an article whose most cannot reach it
    // cannot reach the page. (Scores are never negative, so their bits
    // sort as they do.)
    let mut keys: Vec<u64> = (candidates.iter().copied())
        .filter(|&d| sure(d))
        .map(|d| u64::from(acc.scores[d as usize].to_bits()) << 32 | u64::from(d))
        .collect();
    order::sort_keys(&mut keys);
    let best = keys.len().saturating_sub(k);
    let floor = match keys.len() >= k {
        true => f32::from_bits((keys[best] >> 32) as u32),
        false => f32::NEG_INFINITY,
    };
    let reaches = |most: f32| most * (1.0 + MARGIN) >= floor;
    if bounds.most(0.0, 0).is_some_and(reaches) {
        return None;
    }
    // The articles that may match but whose scores are not known, with
    // the most they could score; those that could reach the page.
    let open: Vec<(u32, f32)> = (candidates.iter().copied())
        .filter(|&d| !certain(d))
        .filter_map(|d| Some((d, bounds.most(bounds.upper[d as usize], acc.masks[d as usize])?)))
        .collect();
    let doubtful: Vec<u32> = (open.iter())
        .filter(|(_, most)| reaches(*most))
        .map(|&(d, _)| d)
        .collect();
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
    for &doc in &doubtful {
        let words: Vec<u32> = store.forward(doc).collect();
        let starts = store.field_starts(doc);
        let (mut score, mut mask) = (0.0, 0);
        for (bit, clause) in matcher.clauses.iter().enumerate() {
            let sum = clause.words.iter().fold(0.0, |sum, &(word, kind)| {
                sum + kind.weight() * index::frequency(&words, starts, word, store.averages())
            });
            if sum > 0.0 {
                score += bounds.clauses[bit].0 * index::saturate(sum);
                mask |= 1 << bit;
            }
        }
        acc.scores[doc as usize] = score;
        acc.masks[doc as usize] = mask;
    }
    let exact = bounds.most(0.0, 0).is_none() && open.len() == doubtful.len();
    let matches = candidates
        .into_iter()
        .filter(|&d| acc.masks[d as usize] == all)
        .collect();
    Some((matches, exact))
}

/// About how many articles match every clause of a search ranked from
/// heads, and at least the `found`: each clause's words taken as spread
/// across the archive independently, and the clauses too.
pub(super) fn estimate<S: Store>(store: &S, matcher: &Matcher<'_>, found: usize) -> usize {
    let n = store.len() as f64;
    let share: f64 = (matcher.clauses.iter())
        .map(|clause| {
            let lacking: f64 = (clause.words.iter())
                .map(|&(word, _)| 1.0 - f64::from(store.df()[word as usize]) / n)
                .product();
            1.0 - lacking
        })
        .product();
    ((share * n).round() as usize).max(found)
}
