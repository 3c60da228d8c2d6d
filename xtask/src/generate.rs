//! A deterministic corpus generator for benchmarks: articles in the plain-text
//! format built from the seed's paragraphs, with varied titles, publishers,
//! dates and name spellings, and planted rare words to search for.
//!
//! The same count always gives the same bytes. Corpora go to
//! `target/corpora/` and are never committed.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use crate::run::{say, Fail};

/// SplitMix64: tiny, fast and deterministic on every platform.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }

    fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }

    fn chance(&mut self, percent: usize) -> bool {
        self.below(100) < percent
    }
}

const SUBJECTS: &[&str] = &[
    "Kazakh President",
    "Tokayev",
    "Toqaev",
    "Kyrgyz Officials",
    "Tajik Police",
    "Uzbek Migrants",
    "CSTO Leaders",
    "Putin",
    "Nazarbayev",
    "Bishkek",
    "Dushanbe Court",
    "Almaty Protesters",
    "Turkmen Authorities",
    "Kremlin",
    "Central Asian Ministers",
    "Opposition Politicians",
    "Border Guards",
    "Energy Ministry",
];
const VERBS: &[&str] = &[
    "Says",
    "Warns Of",
    "Denies",
    "Blames",
    "Welcomes",
    "Rejects",
    "Backs",
    "Questions",
    "Reports",
    "Investigates",
];
const OBJECTS: &[&str] = &[
    "Unrest In Almaty",
    "Fuel Price Hike",
    "Border Talks",
    "Foreign Fighters",
    "Election Results",
    "Water Dispute",
    "Migrant Workers",
    "Security Treaty",
    "Media Crackdown",
    "Gas Exports",
    "Pamir Tensions",
    "Railway Deal",
    "Coup Attempt",
    "Internet Shutdown",
    "Veterans Council",
    "Road Accident",
];
const PUBLISHERS: &[&str] = &[
    "RFE/RL",
    "DPA",
    "Global Voices",
    "Eurasianet",
    "AKIpress",
    "Asia-Plus",
    "Kun.uz",
    "Tengrinews",
];
/// Ways the corpus writes one man's name, swapped into paragraphs.
const SPELLINGS: &[&str] = &["Tokayev", "Toqaev", "Tokaev", "Токаев"];
const SYLLABLES: &[&str] = &[
    "vel", "mor", "zan", "qui", "tre", "dax", "lum", "pho", "rin", "sev", "kor", "bal", "nix", "tul", "yen", "gar",
];

/// The planted word number `n`: a made-up word no real text contains.
pub fn planted_word(n: usize) -> String {
    let mut word = String::from("zy");
    let mut n = n;
    for _ in 0..3 {
        word.push_str(SYLLABLES[n % SYLLABLES.len()]);
        n /= SYLLABLES.len();
    }
    word
}

/// How many distinct planted words a corpus uses (each lands in about
/// `articles / PLANTED` articles).
pub const PLANTED: usize = 1000;

/// The seed's body paragraphs: long lines that are not metadata.
fn seed_paragraphs(root: &Path) -> Result<Vec<String>, Fail> {
    let mut paragraphs = Vec::new();
    for entry in std::fs::read_dir(root.join("seeds")).map_err(|e| Fail(format!("seeds/: {e}")))? {
        let path = entry.map_err(|e| Fail(e.to_string()))?.path();
        let text = std::fs::read_to_string(&path).map_err(|e| Fail(format!("{}: {e}", path.display())))?;
        paragraphs.extend(
            text.split("\n\n")
                .map(str::trim)
                .filter(|p| {
                    p.len() > 80
                        && !p.contains("Continue reading")
                        && !p.starts_with("Copyright")
                        && !p.contains(" -- ")
                })
                .map(str::to_string),
        );
    }
    if paragraphs.is_empty() {
        return Err(Fail("seeds/ has no paragraphs to generate from".into()));
    }
    Ok(paragraphs)
}

/// Writes a corpus of `articles` articles and returns its path; reuses the
/// file when it already exists (generation is deterministic).
pub fn corpus(root: &Path, articles: usize) -> Result<PathBuf, Fail> {
    let dir = root.join("target/corpora");
    let path = dir.join(format!("{articles}.txt"));
    if path.exists() {
        return Ok(path);
    }
    std::fs::create_dir_all(&dir).map_err(|e| Fail(format!("{}: {e}", dir.display())))?;
    let paragraphs = seed_paragraphs(root)?;
    let mut rng = Rng(0x00f0_110f_2022_0110);
    let mut out = String::with_capacity(articles * 1400);
    for n in 0..articles {
        write_article(&mut out, &mut rng, &paragraphs, n);
    }
    std::fs::write(&path, &out).map_err(|e| Fail(format!("{}: {e}", path.display())))?;
    say(&format!(
        "generated {} ({articles} articles, {} MB)",
        path.display(),
        out.len() / 1_000_000
    ));
    Ok(path)
}

fn write_article(out: &mut String, rng: &mut Rng, paragraphs: &[String], n: usize) {
    let planted = planted_word(rng.below(PLANTED));
    let publisher = *rng.pick(PUBLISHERS);
    let mut title = format!("{} {} {}", rng.pick(SUBJECTS), rng.pick(VERBS), rng.pick(OBJECTS));
    if rng.chance(30) {
        title.push_str(&format!(
            " In {}",
            rng.pick(&["Almaty", "Bishkek", "Dushanbe", "Tashkent", "Osh", "Khorog"])
        ));
    }
    if rng.chance(10) {
        title.push_str(&format!(" ({planted})"));
    }
    let _ = write!(out, "{title}\n\n");
    let ending = rng.below(10);
    if ending < 4 {
        let _ = write!(out, "Published by\n{publisher}\n\n");
    }
    let count = 2 + rng.below(5);
    let plant_in = rng.below(count);
    for i in 0..count {
        let mut paragraph = rng.pick(paragraphs).clone();
        if i == 0 {
            let month = folio_core::corpus::month_name(1 + rng.below(12) as u8);
            let date = format!("On {month} {}, {}, ", 1 + rng.below(28), 2019 + rng.below(5));
            paragraph = date + &paragraph;
        }
        if rng.chance(30) {
            let spelling = *rng.pick(SPELLINGS);
            paragraph = paragraph.replace("Toqaev", spelling).replace("Tokayev", spelling);
        }
        if i == plant_in {
            let words: Vec<&str> = paragraph.split(' ').collect();
            let at = rng.below(words.len());
            paragraph = format!("{} {planted} {}", words[..at].join(" "), words[at..].join(" "));
        }
        if i + 1 == count && ending == 0 {
            let half = paragraph
                .char_indices()
                .nth(paragraph.chars().count() / 2)
                .map_or(paragraph.len(), |(at, _)| at);
            paragraph = format!("{}… Continue reading “{title}”", paragraph[..half].trim_end());
        }
        let _ = write!(out, "{}\n\n", paragraph.trim());
        if rng.chance(8) && i + 1 < count {
            let _ = write!(out, "{}\n\n", rng.pick(OBJECTS));
        }
    }
    match ending {
        0 => {}
        1..=3 => {}
        4..=6 => {
            let _ = write!(out, "Copyright (c) {}. {publisher}, Inc.\n\n", 2019 + n % 5);
        }
        _ => {
            let _ = write!(out, "Source: {publisher}\n\n");
        }
    }
    if (1..=3).contains(&ending) {
        let _ = write!(out, "Source: {publisher}\n\n");
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn planted_words_are_distinct() {
        let words: std::collections::BTreeSet<String> = (0..PLANTED).map(planted_word).collect();
        assert_eq!(words.len(), PLANTED);
    }
}
