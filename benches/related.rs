//! What working out related articles costs at the scale of a large archive,
//! in the worst case: `cargo bench --bench related -- [articles]` (default
//! 1,000,000). Generated archives repeat the seed's paragraphs, so their
//! articles share almost no rare words and the build's related pass costs
//! them little; here every article has a full signature. Articles come in
//! stories of 12, each story with words of its own (so each article's
//! rarest words are in about 9 others), beside words common to all and
//! words from a pool shared across stories. Prints one JSON line: times,
//! the process's peak memory, and how many links stay within a story.

use std::time::Instant;

use folio::corpus::Date;
use folio::related::{names_of, Related};

const STORY: usize = 12;
const STORY_WORDS: u32 = 80;
const POOL: u32 = 400_000;
const COMMON: u32 = 5_000;

/// Article `doc`'s words: 60 of its story's, 40 of the pool, 200 common.
fn words(doc: usize, out: &mut Vec<u32>) {
    out.clear();
    let mut state = (doc as u64).wrapping_mul(0x9e37_79b9_7f4a_7c15) | 1;
    let mut next = || {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        state
    };
    let story = (doc / STORY) as u32;
    for _ in 0..60 {
        out.push(COMMON + POOL + story * STORY_WORDS + (next() % u64::from(STORY_WORDS)) as u32);
    }
    for _ in 0..40 {
        out.push(COMMON + (next() % u64::from(POOL)) as u32);
    }
    for _ in 0..200 {
        out.push((next() % u64::from(COMMON)) as u32);
    }
}

/// The process's peak resident memory in MB (Linux), or 0.
fn peak_mb() -> f64 {
    let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    let kb = status
        .lines()
        .find_map(|line| line.strip_prefix("VmHWM:"))
        .and_then(|rest| rest.trim().trim_end_matches(" kB").parse::<f64>().ok());
    kb.unwrap_or(0.0) / 1024.0
}

fn main() {
    let n: usize = std::env::args()
        .skip(1)
        .find(|a| !a.starts_with("--"))
        .and_then(|a| a.parse().ok())
        .unwrap_or(1_000_000);
    let vocabulary = (COMMON + POOL) as usize + (n / STORY + 1) * STORY_WORDS as usize;
    let mut df = vec![0u32; vocabulary];
    let mut seen = vec![u32::MAX; vocabulary];
    let mut article = Vec::new();
    for doc in 0..n {
        words(doc, &mut article);
        for &word in &article {
            if seen[word as usize] != doc as u32 {
                seen[word as usize] = doc as u32;
                df[word as usize] += 1;
            }
        }
    }
    drop(seen);
    let people = ["Karim Masimov".to_string()];
    let started = Instant::now();
    let mut related = Related::new(&df, n);
    for doc in 0..n {
        words(doc, &mut article);
        let names = names_of(&people[..doc % 2], &["Kazakhstan"]);
        let day = Date::new(2022, 1, (doc / 400 % 28) as u8 + 1);
        related.add(article.iter().copied(), &names, day);
    }
    let added = started.elapsed();
    let lists = related.finish();
    let finished = started.elapsed() - added;
    let links: usize = lists.iter().map(Vec::len).sum();
    let in_story = (lists.iter().enumerate())
        .flat_map(|(doc, list)| list.iter().map(move |&other| doc / STORY == other as usize / STORY))
        .filter(|&same| same)
        .count();
    println!(
        "{{\"articles\": {n}, \"add_ms\": {:.0}, \"finish_ms\": {:.0}, \"peak_mb\": {:.0}, \"linked\": {}, \"links\": {links}, \"in_story\": {in_story}}}",
        added.as_secs_f64() * 1000.0,
        finished.as_secs_f64() * 1000.0,
        peak_mb(),
        lists.iter().filter(|list| !list.is_empty()).count(),
    );
}
