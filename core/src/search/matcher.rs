//! A query resolved against the vocabulary, once per search: which
//! vocabulary words satisfy which of its clauses, and where they stand in an
//! article. Ranking scores with it; snippets and highlights mark with it.

use super::expand::{self, MatchKind};
use super::index::Index;
use super::query::{Clause, Query};
use crate::order;

/// For each vocabulary word that matches the query, which clauses it
/// satisfies (one bit each) and how well.
pub(super) struct Matcher<'a> {
    pub query: &'a Query,
    /// Per required clause: its matching words and their kinds.
    pub expansions: Vec<Vec<(u32, MatchKind)>>,
    /// A clause's word was a short prefix that matched only some of the
    /// words it begins; see [`expand::Expansion::partial`].
    pub partial: bool,
    /// Sorted by word: (word, clause bits), for highlighting.
    words: Vec<(u32, u32)>,
    /// A 1024-bit summary of `words`: most words of an article are not in
    /// the query, and this rejects them without a search.
    bloom: [u64; 16],
}

impl<'a> Matcher<'a> {
    pub fn new(index: &Index, query: &'a Query) -> Matcher<'a> {
        let mut partial = false;
        let expansions: Vec<Vec<(u32, MatchKind)>> = query
            .required
            .iter()
            .map(|clause| match clause {
                Clause::Word(word) => {
                    let expansion = expand::expand(&index.vocab, &index.df, index.len(), word);
                    partial |= expansion.partial;
                    expansion.words
                }
                Clause::Phrase(words) => words
                    .iter()
                    .filter_map(|w| index.vocab.find(&w.folded))
                    .map(|id| (id, MatchKind::Exact))
                    .collect(),
            })
            .collect();
        // (word id, clause bit) packed as word << 32 | bit, sorted, then
        // merged into one (word, clause bits) per word.
        let mut keys: Vec<u64> = expansions
            .iter()
            .enumerate()
            .flat_map(|(bit, found)| found.iter().map(move |&(id, _)| u64::from(id) << 32 | 1u64 << bit))
            .collect();
        order::sort_keys(&mut keys);
        let mut words: Vec<(u32, u32)> = Vec::with_capacity(keys.len());
        for key in keys {
            let (word, bits) = ((key >> 32) as u32, key as u32);
            match words.last_mut() {
                Some(last) if last.0 == word => last.1 |= bits,
                _ => words.push((word, bits)),
            }
        }
        let mut bloom = [0u64; 16];
        for &(word, _) in &words {
            bloom[(word as usize >> 6) & 15] |= 1 << (word & 63);
        }
        Matcher {
            query,
            expansions,
            partial,
            words,
            bloom,
        }
    }

    /// The clause bits a vocabulary word satisfies (0 for none).
    pub fn bits(&self, word: u32) -> u32 {
        if self.bloom[(word as usize >> 6) & 15] & (1 << (word & 63)) == 0 {
            return 0;
        }
        match self.words.binary_search_by_key(&word, |&(w, _)| w) {
            Ok(i) => self.words[i].1,
            Err(_) => 0,
        }
    }

    /// The positions in article `doc`'s word sequence that match, in
    /// order, with their clause bits.
    pub fn positions(&self, index: &Index, doc: u32) -> Vec<(u32, u32)> {
        index
            .forward(doc)
            .enumerate()
            .filter_map(|(pos, word)| {
                let bits = self.bits(word);
                (bits != 0).then_some((pos as u32, bits))
            })
            .collect()
    }
}
