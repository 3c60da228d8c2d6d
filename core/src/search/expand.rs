//! From one query word to the vocabulary words it matches, each with how
//! well: exactly, by stem, by name key, as a prefix, or with typos.

use super::index::Vocabulary;
use super::normalize;
use super::query::Word;
use crate::order;

/// How a vocabulary word matched a query word; the weight scales its
/// frequency in an article (as a boost scales a synonym's in Lucene), so an
/// exact or stemmed match outranks a looser one as frequent.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum MatchKind {
    Exact,
    Stem,
    Name,
    Prefix,
    OneTypo,
    TwoTypos,
}

impl MatchKind {
    pub fn weight(self) -> f32 {
        match self {
            MatchKind::Exact => 1.0,
            MatchKind::Stem => 0.9,
            MatchKind::Name => 0.85,
            MatchKind::Prefix => 0.75,
            MatchKind::OneTypo => 0.55,
            MatchKind::TwoTypos => 0.4,
        }
    }
}

/// The most words one short prefix or one fuzzy lookup adds, the most
/// frequent kept: a one-letter prefix must stay as fast as a whole word.
const MAX_EXPANSIONS: usize = 40;

/// The shortest prefix (in letters) that expands to every word it begins,
/// so that it finds every article it should. Its cost stays that of a few
/// common words: an article has few distinct words beginning with the same
/// three letters (in the seed, `pro` has 2.8 postings per article, the most;
/// at 10,000 generated articles, `the` has 1.8), where one letter would read
/// every word (`a`: 11.7 per article there); shorter prefixes are bounded.
const WHOLE_PREFIX: usize = 3;

/// The vocabulary words one query word matches.
#[derive(Debug, Default)]
pub struct Expansion {
    /// Each word once, with the best kind it matched by.
    pub words: Vec<(u32, MatchKind)>,
    /// A short prefix began more words than were kept: articles with only
    /// the others are not found, so a count of matches is a lower bound.
    pub partial: bool,
}

/// Typos allowed for a word of this many letters: none below 4, one from 4,
/// two from 8.
pub fn typos_allowed(len: usize) -> u8 {
    match len {
        0..=3 => 0,
        4..=7 => 1,
        _ => 2,
    }
}

/// What [`expand`] looks `word` up by besides its folded form: its stem and
/// its name keys (a split index fetches the dictionary shards that hold them).
pub(crate) fn keys(word: &Word) -> (String, Vec<String>) {
    (
        normalize::stem(&word.folded, &word.written),
        normalize::name_keys(&word.folded, &word.written).collect(),
    )
}

/// The vocabulary words `word` matches, each word once, with its best kind.
/// Typo-tolerant matches are looked for only when the word matches nothing
/// exactly or by stem.
/// `df` gives each word's document frequency, to keep the commonest expansions,
/// and `articles` the corpus size, which bounds the postings a short prefix reads.
pub fn expand(vocab: &Vocabulary, df: &[u32], articles: usize, word: &Word) -> Expansion {
    let mut found: Vec<(u32, MatchKind)> = Vec::new();
    let mut partial = false;
    if let Some(id) = vocab.find(&word.folded) {
        found.push((id, MatchKind::Exact));
    }
    let stem = normalize::stem(&word.folded, &word.written);
    found.extend(vocab.stems.words(&stem).map(|id| (id, MatchKind::Stem)));
    for key in normalize::name_keys(&word.folded, &word.written) {
        found.extend(vocab.names.words(&key).map(|id| (id, MatchKind::Name)));
    }
    if word.prefix {
        let begun = &vocab.sorted[vocab.prefix_range(&word.folded)];
        if word.folded.chars().count() >= WHOLE_PREFIX {
            found.extend(begun.iter().map(|&id| (id, MatchKind::Prefix)));
        } else {
            let ids = most_frequent(begun.iter().copied(), df);
            let kept = found.len();
            found.extend(within_budget(ids, df, articles).map(|id| (id, MatchKind::Prefix)));
            partial = found.len() - kept < begun.len();
        }
    }
    // Typos only for a word not found as written, by stem or, while it is
    // being typed, as the beginning of a word: a reader who typed a real
    // word (or the start of one) meant it, and the walk is skipped.
    let typos = typos_allowed(word.folded.chars().count());
    let written = found
        .iter()
        .any(|(_, kind)| *kind <= MatchKind::Stem || *kind == MatchKind::Prefix);
    if typos > 0 && !written {
        let fuzzy = fuzzy(vocab, word.folded.as_bytes(), typos, word.prefix);
        let ids = fuzzy.iter().map(|&(id, _)| id);
        let keep = most_frequent(ids, df);
        found.extend(
            fuzzy
                .into_iter()
                .filter(|(id, _)| keep.contains(id))
                .map(|(id, distance)| {
                    let kind = if distance <= 1 {
                        MatchKind::OneTypo
                    } else {
                        MatchKind::TwoTypos
                    };
                    (id, kind)
                }),
        );
    }
    order::sort_by(&mut found, |a, b| a.cmp(b));
    found.dedup_by_key(|(id, _)| *id);
    Expansion { words: found, partial }
}

/// The [`MAX_EXPANSIONS`] ids with the highest document frequency, most
/// frequent first; ties go to the lower id, so the choice is the same on
/// every run.
fn most_frequent(ids: impl Iterator<Item = u32>, df: &[u32]) -> Vec<u32> {
    // Packed as (rarity, id): the smallest keys are the most frequent words.
    let mut keys: Vec<u64> = ids
        .map(|id| u64::from(u32::MAX - df[id as usize]) << 32 | u64::from(id))
        .collect();
    order::sort_keys(&mut keys);
    keys.into_iter().take(MAX_EXPANSIONS).map(|key| key as u32).collect()
}

/// Takes `ids` (most frequent first) while their postings, together, are
/// no more than one per article (`budget`), and always the first: a
/// one-letter prefix then costs about what one common word costs.
fn within_budget(ids: Vec<u32>, df: &[u32], budget: usize) -> impl Iterator<Item = u32> + '_ {
    let mut spent = 0;
    ids.into_iter().take_while(move |&id| {
        let first = spent == 0;
        spent += df[id as usize] as usize;
        first || spent <= budget
    })
}

/// Words within `max` edits of `query` (or, for a `prefix`, words with a
/// prefix within `max` edits), with their distance.
///
/// A walk over the sorted vocabulary as if it were a trie: one row of the
/// edit-distance table per letter, shared with the previous word for their
/// common prefix, and a jump past every word sharing a prefix as soon as that
/// prefix is already more than `max` edits away. It visits a small part of the
/// vocabulary, so typo tolerance costs microseconds, not a scan.
///
/// Only words with the query's first letter are walked: a split index then
/// fetches the dictionary of one letter for a typo, not all of it (at
/// 10,000 generated articles, 104 KB gzipped for every cold search with a
/// word of four letters or more). Readers rarely miss the first letter, and
/// where spellings differ there (Kazakhstan, Qazaqstan) the name keys match.
pub fn fuzzy(vocab: &Vocabulary, query: &[u8], max: u8, prefix: bool) -> Vec<(u32, u8)> {
    let first = query
        .utf8_chunks()
        .next()
        .and_then(|chunk| chunk.valid().chars().next());
    let Some(first) = first else {
        return Vec::new();
    };
    let sorted = &vocab.sorted[vocab.prefix_range(first.encode_utf8(&mut [0; 4]))];
    let n = query.len();
    let width = n + 1;
    // rows[k * width..][..width]: the table row after the first k letters of
    // the current word; best[k]: the smallest distance of the query to a
    // prefix of length <= k. One flat buffer: the walk allocates nothing.
    let mut rows: Vec<u8> = (0..width).map(|i| i.min(255) as u8).collect();
    let mut best: Vec<u8> = vec![n.min(255) as u8];
    let mut previous: &[u8] = &[];
    let mut found = Vec::new();
    let mut i = 0;
    while i < sorted.len() {
        let id = sorted[i];
        let word = vocab.word(id).as_bytes();
        let common = word
            .iter()
            .zip(previous)
            .take_while(|(a, b)| a == b)
            .count()
            .min(best.len() - 1);
        rows.truncate((common + 1) * width);
        best.truncate(common + 1);
        let mut stop = None;
        for k in common..word.len() {
            let low = push_row(&mut rows, width, query, word[k]);
            let last = rows[rows.len() - 1];
            best.push(best[k].min(last));
            if prefix && best[k + 1] <= max {
                // Every word starting with word[..=k] matches as a prefix.
                stop = Some((k + 1, true));
                break;
            }
            if low > max {
                stop = Some((k + 1, false));
                break;
            }
        }
        previous = word;
        match stop {
            Some((depth, matched)) => {
                let shared = &word[..depth];
                let end =
                    i + 1 + sorted[i + 1..].partition_point(|&other| vocab.word(other).as_bytes().starts_with(shared));
                if matched {
                    found.extend(sorted[i..end].iter().map(|&other| (other, best[depth])));
                }
                i = end;
            }
            None => {
                let distance = if prefix { best[word.len()] } else { rows[rows.len() - 1] };
                if distance <= max {
                    found.push((id, distance));
                }
                i += 1;
            }
        }
    }
    found
}

/// Appends the next row of the edit-distance table (the last row extended
/// by `letter`) and returns its smallest value.
fn push_row(rows: &mut Vec<u8>, width: usize, query: &[u8], letter: u8) -> u8 {
    let previous = rows.len() - width;
    let first = rows[previous].saturating_add(1);
    rows.push(first);
    let mut low = first;
    for (j, &q) in query.iter().enumerate() {
        let substitute = rows[previous + j].saturating_add(u8::from(q != letter));
        let delete = rows[previous + j + 1].saturating_add(1);
        let insert = rows[rows.len() - 1].saturating_add(1);
        let value = substitute.min(delete).min(insert);
        rows.push(value);
        low = low.min(value);
    }
    low
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corpus::{self, Source};
    use crate::search::Index;

    fn index(text: &str) -> Index {
        let corpus = corpus::parse(&[Source {
            name: "t.txt".into(),
            bytes: text.as_bytes().into(),
        }])
        .unwrap();
        Index::new(corpus.articles)
    }

    fn words(index: &Index, found: &[(u32, u8)]) -> Vec<(String, u8)> {
        let mut out: Vec<(String, u8)> = found
            .iter()
            .map(|&(id, d)| (index.vocab.word(id).to_string(), d))
            .collect();
        out.sort();
        out
    }

    #[test]
    fn fuzzy_finds_words_within_the_edit_distance() {
        let index = index("Title\n\nkazakhstan kazakh kyrgyzstan almaty almaly tokayev toqaev\n\nSource: S\n");
        let found = fuzzy(&index.vocab, b"kazakstan", 2, false);
        assert_eq!(words(&index, &found), vec![("kazakhstan".to_string(), 1)]);
        let found = fuzzy(&index.vocab, b"almaty", 1, false);
        assert_eq!(
            words(&index, &found),
            vec![("almaly".to_string(), 1), ("almaty".to_string(), 0)]
        );
        let found = fuzzy(&index.vocab, b"tokaev", 1, false);
        assert_eq!(
            words(&index, &found),
            vec![("tokayev".to_string(), 1), ("toqaev".to_string(), 1)]
        );
    }

    #[test]
    fn fuzzy_prefixes_find_words_being_typed_with_a_typo() {
        let index = index("Title\n\nkazakhstan kazakh kyrgyzstan\n\nSource: S\n");
        let found = fuzzy(&index.vocab, b"kazhak", 1, true);
        assert_eq!(
            words(&index, &found),
            vec![("kazakh".to_string(), 1), ("kazakhstan".to_string(), 1)]
        );
    }

    #[test]
    fn a_word_being_typed_looks_for_typos_only_when_it_begins_no_word() {
        let index = index("Title\n\nkazakhstan kazakh karakalpak\n\nSource: S\n");
        let typing = |text: &str| {
            let word = Word {
                written: text.into(),
                folded: text.into(),
                prefix: true,
            };
            let mut found: Vec<(String, MatchKind)> = expand(&index.vocab, &index.df, 10, &word)
                .words
                .into_iter()
                .map(|(id, kind)| (index.vocab.word(id).to_string(), kind))
                .collect();
            found.sort();
            found
        };
        // `kaza` begins words: those, and not `karakalpak` one typo away.
        assert_eq!(
            typing("kaza"),
            [
                ("kazakh".to_string(), MatchKind::Prefix),
                ("kazakhstan".to_string(), MatchKind::Prefix)
            ]
        );
        // `kazk` begins none: then typos.
        assert_eq!(
            typing("kazk"),
            [
                ("kazakh".to_string(), MatchKind::OneTypo),
                ("kazakhstan".to_string(), MatchKind::OneTypo)
            ]
        );
    }

    #[test]
    fn typo_budget_grows_with_the_word() {
        assert_eq!(
            (typos_allowed(3), typos_allowed(4), typos_allowed(7), typos_allowed(8)),
            (0, 1, 1, 2)
        );
    }
}
