//! Every sort in the engine, in two shapes.
//!
//! Each distinct `sort_by`, `sort_unstable_by_key` or `collect::<BTreeSet<_>>()`
//! compiles to its own copy of the standard library's sort, 2 to 9 KB of wasm
//! apiece; the app had twenty of them, 118 KB before `wasm-opt`. Everything
//! goes through the two below instead, so the download carries two sorts:
//!
//! - [`sort_keys`] for the hot paths (indexing, query expansion): integers
//!   packed into `u64` keys, sorted with no indirection at all;
//! - [`sort_by`] for everything else: a comparator over positions behind
//!   `dyn`, one compiled sort for every element type, at the price of an
//!   indirect call per comparison, so only for short lists or build-time work.

use std::cmp::Ordering;

/// Sorts packed integer keys ascending.
pub fn sort_keys(keys: &mut [u64]) {
    keys.sort_unstable();
}

/// Keeps the `n` smallest keys, in no particular order, in O(len).
pub fn smallest_keys(keys: &mut Vec<u64>, n: usize) {
    if keys.len() > n {
        keys.select_nth_unstable(n);
        keys.truncate(n);
    }
}

/// Sorts `items` by `compare`, stably: equal items keep their order.
pub fn sort_by<T>(items: &mut [T], compare: impl Fn(&T, &T) -> Ordering) {
    let order = positions(items.len(), &|a, b| compare(&items[a], &items[b]));
    permute(items, order);
}

/// The distinct `values`, in ascending order.
pub fn distinct<T: Ord>(values: impl IntoIterator<Item = T>) -> Vec<T> {
    let mut values: Vec<T> = values.into_iter().collect();
    sort_by(&mut values, T::cmp);
    values.dedup();
    values
}

/// The positions `0..len` in `compare` order, ties by position (which is
/// what makes [`sort_by`] stable). The one place a sort is compiled for
/// arbitrary comparisons.
fn positions(len: usize, compare: &dyn Fn(usize, usize) -> Ordering) -> Vec<u32> {
    let len = u32::try_from(len).expect("fewer than 2^32 items to sort");
    let mut order: Vec<u32> = (0..len).collect();
    order.sort_unstable_by(|&a, &b| compare(a as usize, b as usize).then(a.cmp(&b)));
    order
}

/// Moves `items[order[i]]` to position `i`, in place, following each cycle
/// of the permutation once.
fn permute<T>(items: &mut [T], mut order: Vec<u32>) {
    for start in 0..items.len() {
        let mut at = start;
        loop {
            let from = order[at] as usize;
            order[at] = at as u32;
            if from == start {
                break;
            }
            items.swap(at, from);
            at = from;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sort_by_is_stable() {
        let mut pairs = vec![(2, 'a'), (1, 'b'), (2, 'c'), (1, 'd'), (0, 'e')];
        sort_by(&mut pairs, |a, b| a.0.cmp(&b.0));
        assert_eq!(pairs, [(0, 'e'), (1, 'b'), (1, 'd'), (2, 'a'), (2, 'c')]);
    }

    #[test]
    fn distinct_sorts_and_drops_repeats() {
        assert_eq!(distinct(["b", "a", "b", "c", "a"]), ["a", "b", "c"]);
    }

    #[test]
    fn smallest_keys_keeps_the_n_smallest() {
        let mut keys = vec![9, 3, 7, 1, 8, 2];
        smallest_keys(&mut keys, 3);
        sort_keys(&mut keys);
        assert_eq!(keys, [1, 2, 3]);
        let mut few = vec![5, 4];
        smallest_keys(&mut few, 3);
        assert_eq!(few, [5, 4]);
    }

    #[test]
    fn sort_by_agrees_with_the_standard_stable_sort() {
        // Many lists of few distinct keys, so ties are everywhere.
        let mut seed = 0x2545_f491_u32;
        let mut next = move || {
            seed ^= seed << 13;
            seed ^= seed >> 17;
            seed ^= seed << 5;
            seed
        };
        for len in 0..200 {
            let items: Vec<(u32, u32)> = (0..len).map(|_| (next() % 8, next())).collect();
            let mut ours = items.clone();
            let mut std = items;
            sort_by(&mut ours, |a, b| b.0.cmp(&a.0));
            std.sort_by_key(|item| std::cmp::Reverse(item.0));
            assert_eq!(ours, std);
        }
    }
}
