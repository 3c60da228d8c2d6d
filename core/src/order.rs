//! Every sort in the engine, in two shapes.
//!
//! Each distinct `sort_by`, `sort_unstable_by_key` or `collect::<BTreeSet<_>>()`
//! compiles to its own copy of the standard library's sort, 2 to 9 KB of wasm
//! apiece; the app had twenty of them, 118 KB before `wasm-opt`. Everything
//! goes through the two below instead, each a few hundred bytes:
//!
//! - [`sort_keys`] for the hot paths (indexing, query expansion): integers
//!   packed into `u64` keys, radix-sorted, in linear time;
//! - [`sort_by`] for everything else: a merge sort of positions under a
//!   comparator behind `dyn`, one compiled sort for every element type, at
//!   the price of an indirect call per comparison.

use std::cmp::Ordering;

/// Sorts packed integer keys ascending: a least-significant-digit radix
/// sort by bytes, skipping the bytes in which all keys agree (packed keys
/// leave most of their 64 bits alike), so a pass is made only per byte
/// that tells keys apart.
pub fn sort_keys(keys: &mut [u64]) {
    if keys.len() < 32 {
        insertion_sort(keys);
        return;
    }
    let (any, all) = keys.iter().fold((0, !0), |(any, all), &key| (any | key, all & key));
    let differ = any ^ all;
    let mut from = keys.to_vec();
    let mut to = vec![0; keys.len()];
    for shift in (0..64).step_by(8).filter(|shift| differ >> shift & 0xff != 0) {
        let digit = |key: u64| (key >> shift & 0xff) as usize;
        let mut starts = [0usize; 256];
        for &key in &from {
            starts[digit(key)] += 1;
        }
        let mut sum = 0;
        for start in &mut starts {
            (*start, sum) = (sum, sum + *start);
        }
        for &key in &from {
            to[starts[digit(key)]] = key;
            starts[digit(key)] += 1;
        }
        std::mem::swap(&mut from, &mut to);
    }
    keys.copy_from_slice(&from);
}

fn insertion_sort(keys: &mut [u64]) {
    for i in 1..keys.len() {
        let key = keys[i];
        let mut at = i;
        while at > 0 && keys[at - 1] > key {
            keys[at] = keys[at - 1];
            at -= 1;
        }
        keys[at] = key;
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

/// The positions `0..len` in `compare` order, equal items by position
/// (which is what makes [`sort_by`] stable): a bottom-up merge sort, the
/// one place a sort is compiled for arbitrary comparisons.
fn positions(len: usize, compare: &dyn Fn(usize, usize) -> Ordering) -> Vec<u32> {
    let len32 = u32::try_from(len).expect("fewer than 2^32 items to sort");
    let mut order: Vec<u32> = (0..len32).collect();
    let mut merged = vec![0; len];
    let mut width = 1;
    while width < len {
        for start in (0..len).step_by(2 * width) {
            let middle = (start + width).min(len);
            let end = (start + 2 * width).min(len);
            let (mut left, mut right) = (start, middle);
            for slot in &mut merged[start..end] {
                // The left run wins ties: it holds the earlier positions.
                let take_left =
                    right == end || (left < middle && compare(order[left] as usize, order[right] as usize).is_le());
                *slot = if take_left { order[left] } else { order[right] };
                left += usize::from(take_left);
                right += usize::from(!take_left);
            }
        }
        std::mem::swap(&mut order, &mut merged);
        width *= 2;
    }
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

    /// A fixed stream of pseudo-random numbers (xorshift64), so the
    /// comparisons below are the same on every run.
    fn numbers() -> impl FnMut() -> u64 {
        let mut seed = 0x9e37_79b9_7f4a_7c15_u64;
        move || {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            seed
        }
    }

    #[test]
    fn sort_keys_agrees_with_the_standard_sort() {
        let mut next = numbers();
        // Short and long lists; keys random in all bits, packed like the
        // engine's (few bits differ), and with repeats.
        for len in [0, 1, 2, 31, 32, 33, 100, 1000, 5000] {
            for shape in [u64::MAX, 0xffff_0000_00ff, 7] {
                let keys: Vec<u64> = (0..len).map(|_| next() & shape).collect();
                let mut ours = keys.clone();
                let mut std = keys;
                sort_keys(&mut ours);
                std.sort_unstable();
                assert_eq!(ours, std, "{len} keys of shape {shape:x}");
            }
        }
    }

    #[test]
    fn sort_by_agrees_with_the_standard_stable_sort() {
        // Many lists of few distinct keys, so ties are everywhere.
        let mut next = numbers();
        for len in (0..200).chain([1000, 4097]) {
            let items: Vec<(u64, u64)> = (0..len).map(|_| (next() % 8, next())).collect();
            let mut ours = items.clone();
            let mut std = items;
            sort_by(&mut ours, |a, b| b.0.cmp(&a.0));
            std.sort_by_key(|item| std::cmp::Reverse(item.0));
            assert_eq!(ours, std);
        }
    }
}
