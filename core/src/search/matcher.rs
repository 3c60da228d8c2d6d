//! A query resolved against the vocabulary, once per search: which
//! vocabulary words and phrases satisfy which of its clauses, and where they
//! stand in an article. Ranking scores with it; snippets and highlights mark with it.

use super::expand::{self, MatchKind};
use super::query::{Clause, Query, Word};
use super::store::Store;
use crate::order;

/// A phrase match counts this much more than its words found apart.
const PHRASE_BONUS: f32 = 1.2;

/// For each vocabulary word that matches the query, which clauses it
/// satisfies (one bit each) and how well.
pub(super) struct Matcher<'a> {
    pub query: &'a Query,
    /// Per required clause: what meets it.
    pub clauses: Vec<Alternatives<'a>>,
    /// A clause's word was a short prefix that matched only some of the
    /// words it begins; see [`expand::Expansion::partial`].
    pub partial: bool,
    /// Sorted by word: (word, clause bits), for highlighting.
    words: Vec<(u32, u32)>,
    /// A 1024-bit summary of `words`: most words of an article are not in
    /// the query, and this rejects them without a search.
    bloom: [u64; 16],
}

/// What meets one clause: vocabulary words, scored together as one term,
/// and phrases, each scored on its own and scaled; an article's score for
/// the clause is the best of the two.
#[derive(Default)]
pub(super) struct Alternatives<'a> {
    /// Vocabulary words and how each matched.
    pub words: Vec<(u32, MatchKind)>,
    /// Phrases, each with the factor its score is scaled by.
    pub phrases: Vec<(&'a [Word], f32)>,
    /// See [`expand::Expansion::partial`].
    pub partial: bool,
}

impl<'a> Alternatives<'a> {
    /// What meets `clause` in `index`. A place's other names match as
    /// [`MatchKind::Name`] does: another name of the same thing. One of one
    /// word joins the typed word's term (`Astana` and `Akmola` are one term);
    /// one of several words (`Nur Sultan`) is a phrase scored as one word,
    /// the mean of its words' scores, so that it neither outranks the name
    /// as typed nor gets the bonus of a quoted phrase.
    pub fn of<S: Store>(index: &S, clause: &'a Clause) -> Alternatives<'a> {
        let expand = |word| expand::expand(index.vocab(), index.df(), index.len(), word);
        let mut found = Alternatives::default();
        match clause {
            Clause::Word(word) => found.add_expansion(expand(word)),
            Clause::Phrase(words) => found.phrases.push((words, PHRASE_BONUS)),
            Clause::Place(names) => {
                for (i, name) in names.iter().enumerate() {
                    match name.as_slice() {
                        [typed] if i == 0 => found.add_expansion(expand(typed)),
                        [other] => found.add_name(index.vocab().find(&other.folded)),
                        _ => {
                            let kind = if i == 0 { MatchKind::Exact } else { MatchKind::Name };
                            found.phrases.push((name, kind.weight() / name.len() as f32));
                        }
                    }
                }
            }
        }
        found
    }

    /// Adds the words a query word expanded to.
    fn add_expansion(&mut self, expansion: expand::Expansion) {
        self.words.extend(expansion.words);
        self.partial |= expansion.partial;
    }

    /// Adds a word that is another name of what the clause names, once:
    /// a word counted twice would count its frequency twice in the term.
    fn add_name(&mut self, word: Option<u32>) {
        let Some(word) = word else { return };
        match self.words.iter_mut().find(|(w, _)| *w == word) {
            Some((_, kind)) => *kind = (*kind).min(MatchKind::Name),
            None => self.words.push((word, MatchKind::Name)),
        }
    }
}

impl<'a> Matcher<'a> {
    pub fn new<S: Store>(index: &S, query: &'a Query) -> Matcher<'a> {
        let clauses: Vec<Alternatives<'a>> = query
            .required
            .iter()
            .map(|clause| Alternatives::of(index, clause))
            .collect();
        let partial = clauses.iter().any(|clause| clause.partial);
        // (word id, clause bit) packed as word << 32 | bit, sorted, then
        // merged into one (word, clause bits) per word.
        let mut keys: Vec<u64> = clauses
            .iter()
            .enumerate()
            .flat_map(|(bit, found)| {
                let phrase_words = found
                    .phrases
                    .iter()
                    .flat_map(|(words, _)| words.iter())
                    .filter_map(|word| index.vocab().find(&word.folded));
                found
                    .words
                    .iter()
                    .map(|&(id, _)| id)
                    .chain(phrase_words)
                    .map(move |id| u64::from(id) << 32 | 1u64 << bit)
            })
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
            clauses,
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
    pub fn positions<S: Store>(&self, index: &S, doc: u32) -> Vec<(u32, u32)> {
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
