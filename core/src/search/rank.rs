//! Evaluating a query: which articles match, how well, in what order.
//!
//! Scores are BM25F over title and body (the title counts three times; see
//! `index.rs`), summed over the query's clauses. The words one query word
//! matched count as one term, each word's frequency scaled by how it matched
//! (exact 1.0 down to two typos 0.4). The best candidates then
//! get a bonus when the query's words stand close together. Equal scores go
//! newest first.
//!
//! This runs on every keystroke, so it touches each matching article a small,
//! fixed number of times: one pass per clause over its postings, one pass to
//! filter and count facets, one to keep the best few in a bounded heap.

use std::cmp::{Ordering, Reverse};
use std::collections::BinaryHeap;
use std::ops::Range;

use super::expand::MatchKind;
use super::heads::{self, Bounds};
use super::index::{self, Index};
use super::matcher::{Alternatives, Matcher};
use super::members::Except;
use super::query::{Query, Word};
use super::snippet::{self, Snippet};
use super::store::Store;
use crate::catalog::{Facet, Facets, Filters, Sort};
use crate::order;

/// How many of the best candidates are re-ranked by proximity (see
/// `Evaluate::order`): a screenful. Proximity reads each candidate's words,
/// which a split index fetches in article groups; at 10,000 generated
/// articles the 50 candidates of before cost a cold search 170 to 960 KB
/// gzipped of groups, these 10 about 54 KB.
const PROXIMITY_CANDIDATES: usize = 10;
/// The largest proximity bonus: query words side by side multiply the score by 1.5.
const PROXIMITY_WEIGHT: f32 = 0.5;
/// The most hits a page ranked from heads may show (see `heads.rs`): an
/// article's previous and next need the whole order, and read whole lists.
const HEADED_PAGE: usize = 100;

/// What a search returns: one page of hits, and everything about the rest.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Results {
    /// Articles matching the query and filters.
    pub total: usize,
    /// `total` is a lower bound: the word being typed is a prefix of one or
    /// two letters, which is matched to its commonest words only.
    pub at_least: bool,
    /// `total` is an estimate: the page was ranked from the heads of common
    /// words' lists (see `heads.rs`), and the rest of them was not read.
    pub estimated: bool,
    /// No article matched every word; these are the best partial matches.
    pub fallback: bool,
    /// The first `limit` hits in order.
    pub hits: Vec<Hit>,
    /// Counts per facet value for the query (each facet without its own filter).
    pub facets: Facets,
    /// Read around files of a split index that could not be fetched
    /// (offline): the hits, the total and the counts are of what could be
    /// read, and may miss articles (see `split::Engine::lack`).
    pub incomplete: bool,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Hit {
    /// The article's position in [`Index::articles`].
    pub doc: usize,
    pub score: f32,
    /// Byte ranges of matched words in the title.
    pub title: Vec<Range<usize>>,
    /// The best passage of the body, when a body word matched.
    pub snippet: Option<Snippet>,
}

/// Per-article running state of one search.
pub(super) struct Accumulator {
    pub scores: Vec<f32>,
    pub masks: Vec<u32>,
    /// Articles with a nonzero mask, in the order first matched.
    pub touched: Vec<u32>,
    /// The current clause's score per article (the best offered, or a
    /// running total), and who has one.
    pub best: Vec<f32>,
    pub in_clause: Vec<u32>,
}

impl Accumulator {
    fn new(n: usize) -> Self {
        Accumulator {
            scores: vec![0.0; n],
            masks: vec![0; n],
            touched: Vec::new(),
            best: vec![0.0; n],
            in_clause: Vec::new(),
        }
    }

    /// Offers `score` for `doc` in the current clause; the best one counts.
    fn offer(&mut self, doc: u32, score: f32) {
        let best = &mut self.best[doc as usize];
        if *best == 0.0 {
            self.in_clause.push(doc);
        }
        if score > *best {
            *best = score;
        }
    }

    /// Adds `value` to `doc`'s total in the current clause.
    fn add(&mut self, doc: u32, value: f32) {
        let best = &mut self.best[doc as usize];
        if *best == 0.0 {
            self.in_clause.push(doc);
        }
        *best += value;
    }

    /// Turns each total of the current clause into its score.
    fn map_clause(&mut self, score: impl Fn(f32) -> f32) {
        for &doc in &self.in_clause {
            let best = &mut self.best[doc as usize];
            *best = score(*best);
        }
    }

    /// Adds the current clause's scores as clause `bit`.
    fn close_clause(&mut self, bit: usize) {
        for &doc in &self.in_clause {
            let d = doc as usize;
            if self.masks[d] == 0 {
                self.touched.push(doc);
            }
            self.scores[d] += self.best[d];
            self.masks[d] |= 1 << bit;
            self.best[d] = 0.0;
        }
        self.in_clause.clear();
    }
}

/// Orders candidates: higher score first, then newer.
#[derive(PartialEq)]
struct Ranked {
    score: f32,
    date_rank: u32,
    doc: u32,
}

impl Eq for Ranked {}

impl Ord for Ranked {
    fn cmp(&self, other: &Self) -> Ordering {
        self.score
            .total_cmp(&other.score)
            .then_with(|| other.date_rank.cmp(&self.date_rank))
    }
}

impl PartialOrd for Ranked {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

/// A search up to its order, before any snippet is made.
struct Ranking<'a> {
    matcher: Matcher<'a>,
    scores: Vec<f32>,
    /// The first `limit` matches in order.
    order: Vec<u32>,
    total: usize,
    /// See [`Results::estimated`].
    estimated: bool,
    fallback: bool,
    facets: Facets,
}

impl<'a> Ranking<'a> {
    /// A search stopped for lack of a part of the index: nothing found yet.
    fn unfinished(matcher: Matcher<'a>, scores: Vec<f32>) -> Self {
        Ranking {
            matcher,
            scores,
            order: Vec::new(),
            total: 0,
            estimated: false,
            fallback: false,
            facets: Facets::default(),
        }
    }
}

/// Runs `query` with `filters` over `store`, orders by `sort`, and returns
/// the first `limit` hits with their snippets, the total and, as `count`
/// asks, the facet counts. [`Index::search`] and the split index's view
/// both call this.
pub(crate) fn search<S: Store>(
    store: &S,
    query: &Query,
    filters: &Filters,
    sort: Sort,
    limit: usize,
    count: Count,
) -> Results {
    let ranking = store.rank(query, filters, sort, limit, count);
    let hits = ranking
        .order
        .iter()
        .map(|&doc| {
            let (title, snippet) = if query.required.is_empty() {
                (Vec::new(), None)
            } else {
                snippet::for_hit(store, &ranking.matcher, doc)
            };
            Hit {
                doc: doc as usize,
                score: ranking.scores[doc as usize],
                title,
                snippet,
            }
        })
        .collect();
    Results {
        total: ranking.total,
        at_least: ranking.matcher.partial,
        estimated: ranking.estimated,
        fallback: ranking.fallback,
        hits,
        facets: ranking.facets,
        incomplete: false,
    }
}

/// Every article `search` would return, in its order, without snippets:
/// where an article stands among the results (its previous and next)
/// needs the whole order, and a snippet for each would be wasted.
pub(crate) fn ranked<S: Store>(store: &S, query: &Query, filters: &Filters, sort: Sort) -> Vec<usize> {
    let order = store.rank(query, filters, sort, store.len(), Count::Nothing).order;
    order.into_iter().map(|doc| doc as usize).collect()
}

/// What a ranking counts besides its order: a page of results shows facet
/// counts where its filters are on screen; an article's previous and next
/// need none, nor does a list on a phone with its filters' panel closed.
/// Counting without filters is what reads a split index's catalogue
/// shards (at 100,000 articles, a quarter of a common word's cold search).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Count {
    /// Every facet's values, and the timeline: the filters are on screen.
    Facets,
    /// The timeline alone, as a list whose filters are not on screen shows
    /// it. A split index counts it from the matches' numbers, with no
    /// catalogue shard; a page settled from the heads of common words'
    /// lists has none, since its matches are not all known.
    Timeline,
    Nothing,
}

/// The steps of a search, over any [`Store`].
trait Evaluate: Store + Sized {
    fn rank<'a>(&'a self, query: &'a Query, filters: &Filters, sort: Sort, limit: usize, count: Count) -> Ranking<'a> {
        let matcher = Matcher::new(self, query);
        let n = self.len();
        let mut acc = Accumulator::new(n);
        let narrowed = filters.narrows();
        let k = PROXIMITY_CANDIDATES.max(limit);
        // A page by relevance that nothing narrows, and whose facets are
        // not counted, may be ranked from the heads of common words' lists.
        let headed = sort == Sort::Relevance
            && count != Count::Facets
            && !narrowed
            && filters.only.is_none()
            && k <= HEADED_PAGE
            && heads::worth(self, &matcher);
        let mut bounds = headed.then(|| Bounds::new(n));
        for (bit, clause) in matcher.clauses.iter().enumerate() {
            self.score_clause(clause, &mut acc, bounds.as_mut());
            acc.close_clause(bit);
        }
        let excluded = self.excluded(query);
        if !self.ready() {
            return Ranking::unfinished(matcher, acc.scores);
        }
        let is_excluded = |d: u32| excluded.as_ref().is_some_and(|e| e[d as usize]);
        let required = query.required.len();
        let mut settled = None;
        if let Some(bounds) = bounds.filter(|bounds| !bounds.words.is_empty()) {
            settled = heads::settle(self, &matcher, &mut acc, &bounds, is_excluded, k);
            if !self.ready() {
                // The words of the articles it is uncertain of are to come.
                return Ranking::unfinished(matcher, acc.scores);
            }
            settled = settled.filter(|(matches, _)| !matches.is_empty());
            if settled.is_none() {
                // Too uncertain: the whole lists are needed (reading one notes it).
                for &word in &bounds.words {
                    let _noted = self.postings(word);
                }
            }
            // Read around whole lists that cannot be had: what the heads gave is
            // all there is, and the store says it may be incomplete.
            if !self.ready() {
                return Ranking::unfinished(matcher, acc.scores);
            }
        }
        let estimated = settled.as_ref().is_some_and(|(_, exact)| !exact);
        let mut matching: Vec<u32> = if let Some((matches, _)) = settled {
            matches
        } else if required == 0 {
            (0..n as u32).filter(|&d| !is_excluded(d)).collect()
        } else {
            let all = u32::MAX >> (32 - required);
            acc.touched
                .iter()
                .copied()
                .filter(|&d| acc.masks[d as usize] == all && !is_excluded(d))
                .collect()
        };
        let fallback = matching.is_empty() && required > 1;
        if fallback {
            // The best partial matches: most clauses first, then score.
            matching = acc.touched.iter().copied().filter(|&d| !is_excluded(d)).collect();
            for &doc in &matching {
                let matched = acc.masks[doc as usize].count_ones() as f32;
                acc.scores[doc as usize] *= matched * matched / (required * required) as f32;
            }
        }
        // Without filters, the catalogue is read only to count facets, and
        // not even then for the whole archive, whose counts a split index's
        // directory holds: neither home nor an article's previous and next
        // in a plain list costs a split index a catalogue shard (at
        // 1,000,000 articles, all are 1.9 MB).
        // A search that matches across much of the archive counts a sample.
        // The oldest first reads the catalogue of every article it orders
        // where a split index cannot have its order's file.
        let by_catalog = sort == Sort::Oldest && !self.dated();
        let plain = !narrowed && filters.only.is_none() && !by_catalog;
        let everything = required == 0 && excluded.is_none();
        // A split index filters by its lists of articles per facet value.
        let members = if narrowed && filters.only.is_none() {
            self.members(filters)
        } else {
            None
        };
        let listed = members.is_some();
        let counted = |mut matching: Vec<u32>| {
            // Saved articles first: the catalogue need describe only them.
            if let Some(only) = &filters.only {
                matching.retain(|doc| only.binary_search(doc).is_ok());
            }
            self.need_catalog(&matching);
            self.catalog().filter(self.describable(matching), filters)
        };
        let timeline = |days| Facets {
            days,
            ..Facets::default()
        };
        let (kept, facets) = match (count, self.whole_facets(), members) {
            (Count::Nothing, _, _) if plain => (matching, Facets::default()),
            (Count::Timeline, whole, _) if plain => {
                let days = match whole {
                    Some(whole) if everything => whole.days.clone(),
                    _ if estimated => Vec::new(),
                    _ => self.timeline(&matching),
                };
                (matching, timeline(days))
            }
            (Count::Facets, Some(whole), _) if plain && everything => (matching, whole.clone()),
            (Count::Facets, _, _) if plain => match self.estimated_facets(&matching) {
                Some(estimated) => (matching, estimated),
                None => counted(matching),
            },
            (_, _, Some(members)) => {
                if !self.ready() {
                    return Ranking::unfinished(matcher, acc.scores);
                }
                let mut kept = members.keep(&matching, Except::Nothing);
                if by_catalog {
                    self.need_catalog(&kept);
                    kept = self.describable(kept);
                }
                let days = || self.timeline(&members.keep(&matching, Except::Dates));
                let facets = match count {
                    Count::Nothing => Facets::default(),
                    Count::Timeline => timeline(days()),
                    Count::Facets => {
                        let [publishers, countries, months, people] = Facet::ALL.map(|facet| {
                            let docs = members.keep(&matching, Except::Facet(facet));
                            self.facet_counts(facet, docs, filters, everything && members.only(facet))
                        });
                        Facets {
                            publishers,
                            countries,
                            months,
                            people,
                            days: days(),
                        }
                    }
                };
                (kept, facets)
            }
            // Filtering by the catalogue counts as it goes; the counts not
            // asked for are dropped, so every store answers alike.
            _ => match counted(matching) {
                (kept, _) if count == Count::Nothing => (kept, Facets::default()),
                (kept, facets) if count == Count::Timeline => (kept, timeline(facets.days)),
                counted => counted,
            },
        };
        // Where the catalogue decides what is kept or its order, a search
        // that lacks part of it stops here; counts it lacks come with the
        // page's articles.
        if !self.ready() && ((narrowed && !listed) || by_catalog) {
            return Ranking::unfinished(matcher, acc.scores);
        }
        let total = match estimated {
            true => heads::estimate(self, &matcher, kept.len()),
            false => kept.len(),
        };
        let order = self.order(kept, &mut acc.scores, &matcher, sort, limit);
        Ranking {
            matcher,
            scores: acc.scores,
            order,
            total,
            estimated,
            fallback,
            facets,
        }
    }

    /// Inverse document frequency of a term in `df` articles.
    fn idf(&self, df: u32) -> f32 {
        let n = self.len() as f32;
        let df = df as f32;
        (1.0 + (n - df + 0.5) / (df + 0.5)).ln()
    }

    /// One clause: its words as one term, then each phrase; in each
    /// article, the best of these counts. With `bounds`, a common word's
    /// head is read where its whole list is not here (see `heads.rs`).
    fn score_clause(&self, clause: &Alternatives<'_>, acc: &mut Accumulator, bounds: Option<&mut Bounds>) {
        self.score_word(&clause.words, acc, bounds);
        for &(words, scale) in &clause.phrases {
            self.score_phrase(words, scale, acc);
        }
    }

    /// The words of one clause: every word it matched scored as one term, as
    /// Lucene's `SynonymQuery` scores a word's synonyms. In each article,
    /// the words' frequencies, each scaled by how the word matched, add up
    /// and saturate once; the term's document frequency is its commonest
    /// word's. Each word scored on its own idf let a rare spelling win:
    /// for `Kazakstan` at 10,000 generated articles, the top 10 all said
    /// "Qazaqstan" (in 432 articles) and 6 never said "Kazakhstan" (in 8,004).
    fn score_word(&self, expansions: &[(u32, MatchKind)], acc: &mut Accumulator, mut bounds: Option<&mut Bounds>) {
        for &(word, kind) in expansions {
            let boost = kind.weight();
            let head = bounds.as_deref_mut().and_then(|bounds| {
                let (head, group, most) = self.head(word)?;
                Some((head, bounds.head(word, group, boost * most), bounds))
            });
            let (postings, mut found) = match head {
                Some((head, bit, bounds)) => (head, Some((bit, bounds))),
                None => (self.postings(word), None),
            };
            for posting in postings {
                acc.add(posting.doc, boost * posting.frequency);
                if let Some((bit, bounds)) = &mut found {
                    bounds.found(posting.doc, *bit);
                }
            }
        }
        let df = expansions.iter().map(|&(word, _)| self.df()[word as usize]).max();
        let idf = self.idf(df.unwrap_or(0));
        if let Some(bounds) = bounds {
            bounds.close(idf, acc);
        }
        acc.map_clause(|frequency| idf * index::saturate(frequency));
    }

    /// A phrase: articles with its words in order, side by side, in one
    /// field, scored as the sum of its words' scores times `scale`.
    fn score_phrase(&self, words: &[Word], scale: f32, acc: &mut Accumulator) {
        let Some(ids) = words
            .iter()
            .map(|w| self.vocab().find(&w.folded))
            .collect::<Option<Vec<u32>>>()
        else {
            return;
        };
        // Sum the words' scores over the articles that have them all...
        let mut sums: Vec<(u32, f32)> = self
            .postings(ids[0])
            .map(|p| (p.doc, self.idf(self.df()[ids[0] as usize]) * p.weight))
            .collect();
        for &id in &ids[1..] {
            let idf = self.idf(self.df()[id as usize]);
            let mut next = Vec::with_capacity(sums.len());
            let mut postings = self.postings(id).peekable();
            for (doc, score) in sums {
                while postings.next_if(|p| p.doc < doc).is_some() {}
                if let Some(p) = postings.next_if(|p| p.doc == doc) {
                    next.push((doc, score + idf * p.weight));
                }
            }
            sums = next;
        }
        // ...then keep those that have them side by side.
        let mut words = Vec::new();
        for (doc, score) in sums {
            if ids.len() == 1 || self.has_sequence(doc, &ids, &mut words) {
                acc.offer(doc, score * scale);
            }
        }
    }

    /// Articles matching an excluded clause (exactly, by stem or name; never
    /// by typo or prefix), or `None` when nothing is excluded.
    fn excluded(&self, query: &Query) -> Option<Vec<bool>> {
        if query.excluded.is_empty() {
            return None;
        }
        let mut acc = Accumulator::new(self.len());
        for clause in &query.excluded {
            let mut strict = Alternatives::of(self, clause);
            strict.words.retain(|(_, kind)| *kind <= MatchKind::Name);
            self.score_clause(&strict, &mut acc, None);
            acc.close_clause(0);
        }
        let mut excluded = vec![false; self.len()];
        for doc in acc.touched {
            excluded[doc as usize] = true;
        }
        Some(excluded)
    }

    /// The first `limit` of `docs` in `sort` order. For relevance, the
    /// [`PROXIMITY_CANDIDATES`] best are re-scored by proximity and lead; the
    /// rest follow by score. Whatever the limit, the order is the same, and
    /// proximity costs the same: re-scoring every match took `ranked` 10 to
    /// 16 ms at 10,000 articles, and showing more hits could reorder those
    /// already shown.
    fn order(&self, docs: Vec<u32>, scores: &mut [f32], matcher: &Matcher<'_>, sort: Sort, limit: usize) -> Vec<u32> {
        let by_relevance = sort == Sort::Relevance && !matcher.query.required.is_empty();
        match sort {
            Sort::Oldest => self.catalog().oldest_of(&docs, limit),
            _ if !by_relevance => self.catalog().newest_of(&docs, limit),
            _ => {
                let mut order = self.best_of(&docs, scores, PROXIMITY_CANDIDATES.max(limit));
                if matcher.query.required.len() > 1 {
                    let head = order.len().min(PROXIMITY_CANDIDATES);
                    for &doc in &order[..head] {
                        scores[doc as usize] *= self.proximity(doc, matcher);
                    }
                    let mut reordered = self.best_of(&order[..head], scores, head.min(limit));
                    reordered.extend_from_slice(&order[head..]);
                    order = reordered;
                }
                order.truncate(limit);
                order
            }
        }
    }

    /// The `k` best of `docs` by score (newest first on a tie), in order:
    /// a bounded heap, so most articles cost one comparison.
    fn best_of(&self, docs: &[u32], scores: &[f32], k: usize) -> Vec<u32> {
        let mut heap: BinaryHeap<Reverse<Ranked>> = BinaryHeap::with_capacity(k + 1);
        for &doc in docs {
            let candidate = Ranked {
                score: scores[doc as usize],
                date_rank: self.catalog().date_rank(doc),
                doc,
            };
            if heap.len() < k {
                heap.push(Reverse(candidate));
            } else if heap.peek().is_some_and(|worst| candidate > worst.0) {
                heap.pop();
                heap.push(Reverse(candidate));
            }
        }
        let mut best: Vec<Ranked> = heap.into_iter().map(|r| r.0).collect();
        order::sort_by(&mut best, |a, b| b.cmp(a));
        best.into_iter().map(|r| r.doc).collect()
    }

    /// 1 plus a bonus for how close together the clauses match: the
    /// narrowest window holding one match of every clause the article has.
    fn proximity(&self, doc: u32, matcher: &Matcher<'_>) -> f32 {
        let matches = matcher.positions(self, doc);
        let want = matches.iter().fold(0u32, |acc, &(_, bits)| acc | bits);
        let clauses = want.count_ones();
        if clauses < 2 {
            return 1.0;
        }
        let mut narrowest = u32::MAX;
        let mut start = 0;
        let mut counts = [0u16; 32];
        let mut covered = 0u32;
        for end in 0..matches.len() {
            add_bits(&mut counts, &mut covered, matches[end].1, true);
            while covered == want {
                narrowest = narrowest.min(matches[end].0 - matches[start].0 + 1);
                add_bits(&mut counts, &mut covered, matches[start].1, false);
                start += 1;
            }
        }
        1.0 + PROXIMITY_WEIGHT * clauses as f32 / narrowest.max(clauses) as f32
    }
}

impl<S: Store> Evaluate for S {}

impl Index {
    /// Runs `query` with `filters`, orders by `sort`, and returns the first
    /// `limit` hits with their snippets, the total and the facet counts.
    pub fn search(&self, query: &Query, filters: &Filters, sort: Sort, limit: usize) -> Results {
        search(self, query, filters, sort, limit, Count::Facets)
    }

    /// [`Index::search`], with the facet values counted only if `count`
    /// says so.
    pub fn search_counting(&self, query: &Query, filters: &Filters, sort: Sort, limit: usize, count: Count) -> Results {
        search(self, query, filters, sort, limit, count)
    }

    /// Every article `search` would return, in its order, without snippets.
    pub fn ranked(&self, query: &Query, filters: &Filters, sort: Sort) -> Vec<usize> {
        ranked(self, query, filters, sort)
    }
}

/// Adds (or removes) one match's clause bits to a sliding window's counts.
fn add_bits(counts: &mut [u16; 32], covered: &mut u32, bits: u32, add: bool) {
    let mut rest = bits;
    while rest != 0 {
        let bit = rest.trailing_zeros() as usize;
        rest &= rest - 1;
        if add {
            counts[bit] += 1;
            *covered |= 1 << bit;
        } else {
            counts[bit] -= 1;
            if counts[bit] == 0 {
                *covered &= !(1 << bit);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corpus::{self, Source};

    /// An index of these bodies, one article each, in this order.
    fn index(bodies: &[&str]) -> Index {
        let text: String = bodies
            .iter()
            .map(|body| format!("Article\n\n{body}\n\nSource: S\n\n"))
            .collect();
        let corpus = corpus::parse(&[Source {
            name: "t.txt".into(),
            bytes: text.into_bytes().into(),
        }])
        .unwrap();
        Index::new(corpus.articles)
    }

    #[test]
    fn showing_more_hits_never_reorders_those_shown() {
        // Equal scores but for proximity, ties in corpus order: five with
        // the words apart, five side by side, then three and three again.
        let apart = "alpha one two three four five six beta";
        let together = "alpha beta one two three four five six";
        let bodies: Vec<&str> = [[apart; 5], [together; 5]]
            .into_iter()
            .flatten()
            .chain([apart; 3])
            .chain([together; 3])
            .collect();
        let index = index(&bodies);
        let query = Query::parse("alpha beta ");
        let page = |limit| -> Vec<usize> {
            let results = index.search(&query, &Filters::default(), Sort::Relevance, limit);
            results.hits.iter().map(|h| h.doc).collect()
        };
        let all = page(16);
        assert_eq!(all[..10], page(10));
        assert_eq!(all, index.ranked(&query, &Filters::default(), Sort::Relevance));
        // The proximity candidates are the first 10, the words side by side
        // first; the rest follow by score, however close their words.
        assert_eq!(all, [5, 6, 7, 8, 9, 0, 1, 2, 3, 4, 10, 11, 12, 13, 14, 15]);
    }
}
