//! Pairs of common words side by side in one field, each with the articles
//! that have it: a phrase of two such words is answered from its pair's
//! postings instead of every candidate article's words (at 100,000
//! generated articles, `"security council"` read 65 MB of article groups).
//! A phrase with a rare word has few candidates.

use rustc_hash::FxHashMap;

use crate::search::index::Vocabulary;
use crate::{order, varint};

/// About what a pair costs beyond its postings: its map entry and its
/// list's first allocation. Most pairs are in few articles, so counting
/// postings bytes alone would hold several times the budget.
const NEW_PAIR: usize = 96;

/// Pairs found in a run of articles, scanned in order.
#[derive(Default)]
pub(super) struct Pairs {
    /// Per pair: its postings, the article it was last seen in (plus one), its df.
    found: FxHashMap<(u32, u32), (Vec<u8>, u32, u32)>,
    /// Bytes of postings held.
    held: usize,
}

/// One pair's postings (as a word's, with a weight of 1 that nothing
/// reads), the number of articles with it, and the last of them.
pub(super) struct PairList {
    /// `"first second"`.
    pub key: String,
    pub postings: Vec<u8>,
    pub df: u32,
    pub last: u32,
}

impl Pairs {
    /// Scans article `doc`: its words in reading order and where its fields
    /// start; `common` says which words pair.
    pub(super) fn add(&mut self, doc: u32, words: &[u32], starts: &[u32], common: &dyn Fn(u32) -> bool) {
        let field = |p: usize| starts.partition_point(|&s| s as usize <= p);
        for p in 1..words.len() {
            let (a, b) = (words[p - 1], words[p]);
            if !common(a) || !common(b) || field(p - 1) != field(p) {
                continue;
            }
            let held = &mut self.held;
            let (postings, last, df) = self.found.entry((a, b)).or_insert_with(|| {
                *held += NEW_PAIR;
                Default::default()
            });
            if *last == doc + 1 {
                continue;
            }
            // Gaps from the article before, the first from 0.
            let previous = last.checked_sub(1).unwrap_or(0);
            let before = postings.len();
            varint::push(postings, doc - previous);
            postings.push(1);
            self.held += postings.len() - before;
            *last = doc + 1;
            *df += 1;
        }
    }

    /// About the bytes held since the last [`Pairs::take`].
    pub(super) fn held(&self) -> usize {
        self.held
    }

    /// Takes the pairs found so far, in key order. A pair's first gap is
    /// from 0: lists of later articles must be joined with [`join`].
    pub(super) fn take(&mut self, vocab: &Vocabulary) -> Vec<PairList> {
        self.held = 0;
        let mut pairs: Vec<PairList> = std::mem::take(&mut self.found)
            .into_iter()
            .map(|((a, b), (postings, last, df))| PairList {
                key: format!("{} {}", vocab.word(a), vocab.word(b)),
                postings,
                df,
                last: last - 1,
            })
            .collect();
        order::sort_by(&mut pairs, |x, y| x.key.cmp(&y.key));
        pairs
    }
}

/// Appends a pair's list from later articles to its list so far, whose last
/// article is `last`: the later list's first gap, from 0, becomes a gap
/// from `last`.
pub(super) fn join(list: &mut Vec<u8>, last: u32, later: &[u8]) {
    let mut at = 0;
    let first = varint::read(later, &mut at);
    varint::push(list, first - last);
    list.extend_from_slice(&later[at..]);
}
