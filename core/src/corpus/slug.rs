//! URL slugs: readable, ASCII, unique within a corpus, and the same for the
//! same corpus every time, so links to articles keep working across builds.

use std::collections::{HashMap, HashSet};

use crate::text::push_folded;

/// The longest slug before a uniqueness suffix, in bytes; cut at a word.
const MAX_SLUG_LEN: usize = 80;

/// The slug of a title: folded to lowercase ASCII (accents dropped, Cyrillic
/// transliterated), words joined by `-`. `None` when nothing ASCII is left
/// (a title in Chinese, say); the caller numbers those.
pub fn base_slug(title: &str) -> Option<String> {
    let mut folded = String::with_capacity(title.len());
    for c in title.chars() {
        push_folded(c, &mut folded);
    }
    let mut slug = String::with_capacity(folded.len());
    for word in folded
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|w| !w.is_empty())
    {
        if !slug.is_empty() && slug.len() + 1 + word.len() > MAX_SLUG_LEN {
            break;
        }
        if !slug.is_empty() {
            slug.push('-');
        }
        slug.push_str(&word[..word.len().min(MAX_SLUG_LEN)]);
    }
    (!slug.is_empty()).then_some(slug)
}

/// Gives each title a unique slug, in corpus order: the first keeps its base
/// slug, later ones with the same base get `-2`, `-3`, … (skipping any suffix
/// another title already has as its own base).
pub fn unique_slugs<'a>(titles: impl IntoIterator<Item = &'a str>) -> Vec<String> {
    let bases: Vec<String> = titles
        .into_iter()
        .map(|t| base_slug(t).unwrap_or_else(|| "article".to_string()))
        .collect();
    let mut taken: HashSet<String> = HashSet::with_capacity(bases.len());
    let natural: HashSet<&str> = bases.iter().map(String::as_str).collect();
    // The next suffix to try per base: 60,000 "News" must not each count up from 2.
    let mut next: HashMap<&str, usize> = HashMap::new();
    let mut slugs = Vec::with_capacity(bases.len());
    for base in &bases {
        let mut slug = base.clone();
        let n = next.entry(base.as_str()).or_insert(2);
        while taken.contains(&slug) || (slug != *base && natural.contains(slug.as_str())) {
            slug = format!("{base}-{n}");
            *n += 1;
        }
        taken.insert(slug.clone());
        slugs.push(slug);
    }
    slugs
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slugs_are_readable_ascii() {
        assert_eq!(
            base_slug("Kazakhstan’s president says order restored after ‘coup attempt’").as_deref(),
            Some("kazakhstans-president-says-order-restored-after-coup-attempt")
        );
        assert_eq!(base_slug("Токаев: «Порядок»").as_deref(), Some("tokaev-poryadok"));
        assert_eq!(base_slug("北京"), None);
        let long = base_slug(&"word ".repeat(40)).unwrap();
        assert!(long.len() <= MAX_SLUG_LEN && long.ends_with("word"));
    }

    #[test]
    fn colliding_titles_get_numbered_in_order() {
        let slugs = unique_slugs(["News", "news!", "News 2", "北京", "NEWS", "東京"]);
        assert_eq!(
            slugs,
            vec!["news", "news-3", "news-2", "article", "news-4", "article-2"]
        );
    }
}
