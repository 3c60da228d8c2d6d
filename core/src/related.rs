//! What to read next: for each article, up to [`MAX`] others that share its
//! rare words, its people and its places, nearest in time first among
//! equals. Worked out once, while an archive is built, from what indexing
//! already has (each article's word ids and each word's document
//! frequency), so that reading an article costs nothing more than its own
//! group's file, where the links are kept.
//!
//! Each article is summed up by a signature: its [`SIGNATURE`] words of
//! highest tf-idf among those in at most [`RARE`] articles. Two articles are
//! candidates when their signatures share [`SHARED`] words or more, which
//! a list of at most [`RARE`] articles per word finds without comparing
//! every pair. A candidate's score is the cosine of the two signatures,
//! with the people and places both name as more dimensions, weighed by
//! their idf (a common place adds little); related if at least [`ALIKE`],
//! then halved for every [`HALF_LIFE`] days between the two, and for an
//! undated one as if a half-life apart.

use rustc_hash::FxHasher;
use std::hash::Hasher;

use crate::corpus::Date;

/// The most articles listed after one.
pub const MAX: usize = 5;

/// A word in more articles than this says little about what two share, and
/// its list would make too many candidates.
const RARE: u32 = 64;

/// Words kept of each article: at the seed's nine articles, where every
/// word in two or more is rare, 32 lost some of the unrest reports' links
/// to each other, and 64 added weak ones. A large archive's articles have
/// fewer rare words than that.
const SIGNATURE: usize = 48;

/// Signature words two articles must share: one rare word in common is as
/// often chance (a surname, a street) as a story.
const SHARED: usize = 2;

/// How much more a person or a place named by both counts than a word of
/// the same rarity: stories share words by chance more often than
/// people (with 1 here, the seed's story of a jazz musician held in
/// Kazakhstan listed a Tajik police report of a driver's arrest, which
/// shares words with it and no one).
const NAMED: f32 = 3.0;

/// The least cosine (of two articles' signatures, words and names) at
/// which they are related: below it, the seed's lists fill up with articles
/// that share a country and a few words (see the seed's test).
const ALIKE: f32 = 0.1;

/// Days over which an article's score halves: a news story runs for weeks.
const HALF_LIFE: f32 = 30.0;

/// A person's or a country's hash: what two articles must both name to
/// share it (the corpus writes each person under one spelling, so the
/// search's name keys are not needed here).
fn name_hash(kind: u8, name: &str) -> u64 {
    let mut hasher = FxHasher::default();
    hasher.write_u8(kind);
    hasher.write(name.as_bytes());
    hasher.finish()
}

/// The keys of what an article names: its people and its countries, sorted.
pub fn names_of(people: &[String], countries: &[&str]) -> Vec<u64> {
    let mut keys: Vec<u64> = people
        .iter()
        .map(|p| name_hash(b'p', p))
        .chain(countries.iter().map(|c| name_hash(b'c', c)))
        .collect();
    crate::order::sort_keys(&mut keys);
    keys.dedup();
    keys
}

/// Articles added one at a time, in their numbering, then [`Related::finish`].
pub struct Related<'a> {
    df: &'a [u32],
    articles: usize,
    /// Each article's signature words, sorted, one after another, with
    /// their weights (tf-idf).
    signatures: Vec<(u32, f32)>,
    /// Where each article's signature and names end.
    ends: Vec<(u32, u32)>,
    names: Vec<u64>,
    days: Vec<Option<i64>>,
    /// Scratch for one article: how often it has each word (0 for most),
    /// and its rare words in the order first seen.
    tf: Vec<u16>,
    rare: Vec<u32>,
}

impl<'a> Related<'a> {
    /// For `articles` articles whose words have the document frequencies `df`.
    pub fn new(df: &'a [u32], articles: usize) -> Related<'a> {
        Related {
            df,
            articles,
            signatures: Vec::new(),
            ends: Vec::with_capacity(articles),
            names: Vec::new(),
            days: Vec::with_capacity(articles),
            tf: vec![0; df.len()],
            rare: Vec::new(),
        }
    }

    fn idf(&self, df: u32) -> f32 {
        (self.articles as f32 / df.max(1) as f32).ln()
    }

    /// The next article: its words (each occurrence), what it names (see
    /// [`names_of`]) and its date.
    pub fn add(&mut self, words: impl IntoIterator<Item = u32>, names: &[u64], date: Option<Date>) {
        for word in words {
            let df = self.df.get(word as usize).copied().unwrap_or(0);
            if (2..=RARE).contains(&df) && (df as usize) < self.articles {
                let tf = &mut self.tf[word as usize];
                if *tf == 0 {
                    self.rare.push(word);
                }
                *tf = tf.saturating_add(1);
            }
        }
        // Each distinct rare word by tf-idf, highest first (then by word),
        // as keys a radix sort orders: comparison sorts here and below took
        // 0.1G instructions at 1,000 generated articles.
        let mut weighed: Vec<u64> = Vec::with_capacity(self.rare.len());
        for &word in &self.rare {
            let tf = std::mem::take(&mut self.tf[word as usize]) as f32;
            weighed.push(best_first((1.0 + tf.ln()) * self.idf(self.df[word as usize]), word));
        }
        self.rare.clear();
        crate::order::sort_keys(&mut weighed);
        weighed.truncate(SIGNATURE);
        // Then by word: the weight's bits below it.
        for key in &mut weighed {
            *key = key.rotate_left(32);
        }
        crate::order::sort_keys(&mut weighed);
        self.signatures
            .extend(weighed.iter().map(|&key| unpack(key.rotate_right(32))));
        self.names.extend_from_slice(names);
        self.ends.push((self.signatures.len() as u32, self.names.len() as u32));
        self.days.push(date.map(Date::days_since_epoch));
    }

    fn signature(&self, doc: usize) -> &[(u32, f32)] {
        let start = doc.checked_sub(1).map_or(0, |d| self.ends[d].0 as usize);
        &self.signatures[start..self.ends[doc].0 as usize]
    }

    fn names_at(&self, doc: usize) -> std::ops::Range<usize> {
        doc.checked_sub(1).map_or(0, |d| self.ends[d].1 as usize)..self.ends[doc].1 as usize
    }

    fn names(&self, doc: usize) -> &[u64] {
        &self.names[self.names_at(doc)]
    }

    /// Each article's related articles, by number, best first.
    pub fn finish(self) -> Vec<Vec<u32>> {
        let n = self.ends.len();
        // Which articles chose each word, with its weight in each, by a
        // counting sort.
        let mut starts = vec![0u32; self.df.len() + 1];
        for &(word, _) in &self.signatures {
            starts[word as usize + 1] += 1;
        }
        for i in 1..starts.len() {
            starts[i] += starts[i - 1];
        }
        let mut chose = vec![(0u32, 0f32); self.signatures.len()];
        let mut next = starts.clone();
        for doc in 0..n {
            for &(word, weight) in self.signature(doc) {
                chose[next[word as usize] as usize] = (doc as u32, weight);
                next[word as usize] += 1;
            }
        }
        drop(next);
        // Each name's weight squared, by how many articles name it (its
        // idf), beside each article's names: looked up once, not for every
        // pair of articles that share it.
        let mut named = self.names.clone();
        crate::order::sort_keys(&mut named);
        let squared: Vec<f32> = (self.names.iter())
            .map(|&key| {
                let first = named.partition_point(|&k| k < key);
                (NAMED * self.idf(named[first..].partition_point(|&k| k == key) as u32)).powi(2)
            })
            .collect();
        drop(named);
        // Each article's length as a vector of its words' and names' weights.
        let norms: Vec<f32> = (0..n)
            .map(|doc| {
                let words: f32 = self.signature(doc).iter().map(|&(_, w)| w * w).sum();
                let names: f32 = squared[self.names_at(doc)].iter().sum();
                (words + names).sqrt().max(f32::MIN_POSITIVE)
            })
            .collect();

        let mut related = Vec::with_capacity(n);
        // Per other article: the products of the weights of the words it
        // shares with this one, summed, and how many it shares; and which
        // it has touched. Sorting each article's (other, product) pairs
        // instead took 1.0G instructions at 1,000 generated articles.
        let mut sums = vec![0f32; n];
        let mut shared = vec![0u8; n];
        let mut touched: Vec<u32> = Vec::new();
        for doc in 0..n {
            for &(word, weight) in self.signature(doc) {
                let chosen = &chose[starts[word as usize] as usize..starts[word as usize + 1] as usize];
                for &(other, theirs) in chosen.iter().filter(|&&(other, _)| other as usize != doc) {
                    let o = other as usize;
                    if shared[o] == 0 {
                        touched.push(other);
                    }
                    shared[o] += 1;
                    sums[o] += weight * theirs;
                }
            }
            let mut scored: Vec<u64> = Vec::new();
            for other in touched.drain(..) {
                let o = other as usize;
                let (words, count) = (sums[o], shared[o]);
                (sums[o], shared[o]) = (0.0, 0);
                if (count as usize) < SHARED {
                    continue;
                }
                let names = common(self.names(doc), self.names(o), &squared[self.names_at(doc)]);
                let apart = match (self.days[doc], self.days[o]) {
                    (Some(a), Some(b)) => (a - b).abs() as f32,
                    _ => HALF_LIFE,
                };
                let cosine = (words + names) / (norms[doc] * norms[o]);
                if cosine < ALIKE {
                    continue;
                }
                scored.push(best_first(cosine * 0.5f32.powf(apart / HALF_LIFE), other));
            }
            crate::order::sort_keys(&mut scored);
            related.push(scored.iter().take(MAX).map(|&key| unpack(key).0).collect());
        }
        related
    }
}

/// A key that sorts a higher `score` (never negative) first, then a lower
/// `id`: a non-negative float's bits order as the float does.
fn best_first(score: f32, id: u32) -> u64 {
    u64::from(!score.to_bits()) << 32 | u64::from(id)
}

/// The id and score of a [`best_first`] key.
fn unpack(key: u64) -> (u32, f32) {
    (key as u32, f32::from_bits(!((key >> 32) as u32)))
}

/// The sum of `weights` (beside `a`) of the keys in both sorted lists.
fn common(a: &[u64], b: &[u64], weights: &[f32]) -> f32 {
    let (mut sum, mut j) = (0.0, 0);
    for (key, weight) in a.iter().zip(weights) {
        while j < b.len() && b[j] < *key {
            j += 1;
        }
        if b.get(j) == Some(key) {
            sum += weight;
        }
    }
    sum
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(day: u8) -> Option<Date> {
        Some(Date {
            year: 2022,
            month: 1,
            day,
        })
    }

    #[test]
    fn articles_sharing_two_rare_words_are_related_both_ways_nearest_in_time_first() {
        // Words: 0 in every article, so in none's signature; 1 and 2 shared
        // by articles 0, 1 and 3; 3 by articles 2 and 3 alone, one word
        // too few.
        let df = [4, 3, 3, 2];
        let mut related = Related::new(&df, 4);
        related.add([0, 1, 2], &[], date(1));
        related.add([0, 1, 2], &[], date(2));
        related.add([0, 3], &[], date(3));
        related.add([0, 1, 2, 3], &[], date(20));
        assert_eq!(related.finish(), [vec![1, 3], vec![0, 3], vec![], vec![1, 0]]);
    }

    #[test]
    fn a_person_few_articles_name_counts_more_than_a_country_many_name() {
        let df = [2, 2, 2, 2];
        let country = names_of(&[], &["Kazakhstan"]);
        let both = names_of(&["Karim Masimov".into()], &["Kazakhstan"]);
        let person = names_of(&["Karim Masimov".into()], &[]);
        let mut related = Related::new(&df, 10);
        related.add([0, 1, 2, 3], &both, date(1));
        related.add([0, 1], &country, date(1));
        related.add([2, 3], &person, date(1));
        related.add([], &country, date(1));
        assert_eq!(related.finish()[0], [2, 1]);
    }
}
