//! Words the page says about itself: the document title and description for
//! each view, the status line above the list, and dates as readers write
//! them. Pure functions, shared by the browser and the prerenderer.

use crate::catalog::{Facet, Filters};
use crate::corpus::{month_name, Date};
use crate::engine::protocol::{ArticleText, List, SearchAnswer};
use crate::route::{Location, Page};

pub const SITE: &str = "folio";

/// `10 January 2022`.
pub fn long_date(date: Date) -> String {
    format!("{} {} {}", date.day, month_name(date.month), date.year)
}

/// A month facet value (`2022-01`) as `January 2022`; anything else as is.
pub fn month_label(key: &str) -> String {
    let parsed = key
        .split_once('-')
        .and_then(|(y, m)| Some((y.parse::<i32>().ok()?, m.parse::<usize>().ok()?)));
    match parsed {
        Some((year, month @ 1..=12)) => format!("{} {year}", month_name(month as u8)),
        _ => key.to_string(),
    }
}

/// The document title and meta description of a view.
pub fn page_meta(location: &Location, article: Option<&ArticleText>, total: usize) -> (String, String) {
    match (&location.page, article) {
        (Page::Article(_), Some(article)) => (format!("{} — {SITE}", article.title), article.excerpt.clone()),
        (Page::List, _) if !location.query.is_empty() => (
            format!("“{}” — {SITE}", location.query),
            format!("Articles matching “{}”.", location.query),
        ),
        (Page::List, _) => (
            format!("Articles — {SITE}"),
            format!("{total} articles to read and search, about Central Asia and its neighbours."),
        ),
        _ => (format!("Not found — {SITE}"), "This page does not exist.".to_string()),
    }
}

/// What the not-found page says without JavaScript when only the newest
/// `newest` articles have pages of their own: the address may be an older
/// article's, which only the app can show.
pub fn prerender_note(newest: usize) -> String {
    let which = match newest {
        0 => "The articles of this archive can be read only with JavaScript.".to_string(),
        1 => "Only the newest article of this archive can be read without JavaScript.".to_string(),
        n => format!("Only the newest {n} articles of this archive can be read without JavaScript."),
    };
    let link = if newest == 0 { "one" } else { "an older one" };
    format!("{which} If you followed a link to {link}, turn on JavaScript to read it.")
}

/// What the list shows, in words, for the live region above it: `results`
/// of the search for `list`, and whether they may miss articles (offline,
/// with part of the archive not kept): in the same words, so the counts
/// are never read without it.
pub fn status(list: &List, results: &SearchAnswer, corpus: usize) -> String {
    let shown = shown(list, results, corpus);
    if results.incomplete {
        format!("{shown}. Results may be incomplete: part of the archive is not kept offline.")
    } else {
        shown
    }
}

/// The count of what the list shows, in words.
fn shown(list: &List, results: &SearchAnswer, corpus: usize) -> String {
    let query = list.query.trim();
    let narrowed = is_narrowed(&list.filters, list.saved.is_some());
    let count = |n: usize, one: &str, many: &str| format!("{n} {}", if n == 1 { one } else { many });
    if query.is_empty() {
        if narrowed {
            format!("{} of {corpus}", count(results.total, "article", "articles"))
        } else {
            count(results.total, "article", "articles")
        }
    } else if results.total == 0 {
        format!("No results for “{query}”")
    } else if results.fallback {
        format!(
            "Showing close matches: no article has every word of “{query}” ({})",
            count(results.total, "close match", "close matches")
        )
    } else {
        let bound = match (results.estimated, results.at_least) {
            (true, _) => "about ",
            (_, true) => "at least ",
            _ => "",
        };
        format!("{bound}{} for “{query}”", count(results.total, "result", "results"))
    }
}

/// A filter's values, as shown on a chip.
pub fn chip_label(facet: Facet, value: &str) -> String {
    match facet {
        Facet::Month => month_label(value),
        _ => value.to_string(),
    }
}

/// Whether anything narrows the list.
pub fn is_narrowed(filters: &Filters, saved: bool) -> bool {
    !filters.is_empty() || saved
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_and_months_read_naturally() {
        assert_eq!(long_date(Date::new(2022, 1, 8).unwrap()), "8 January 2022");
        assert_eq!(month_label("2022-01"), "January 2022");
        assert_eq!(month_label("2022-13"), "2022-13");
        assert_eq!(month_label("junk"), "junk");
    }

    #[test]
    fn the_prerender_note_counts_the_articles_with_pages() {
        assert_eq!(
            prerender_note(5000),
            "Only the newest 5000 articles of this archive can be read without JavaScript. \
             If you followed a link to an older one, turn on JavaScript to read it."
        );
        assert_eq!(
            prerender_note(1),
            "Only the newest article of this archive can be read without JavaScript. \
             If you followed a link to an older one, turn on JavaScript to read it."
        );
        assert_eq!(
            prerender_note(0),
            "The articles of this archive can be read only with JavaScript. \
             If you followed a link to one, turn on JavaScript to read it."
        );
    }

    #[test]
    fn the_status_says_what_is_shown() {
        let results = |total, fallback| SearchAnswer {
            total,
            fallback,
            ..SearchAnswer::default()
        };
        let searching = List {
            query: "Tokayev".into(),
            ..List::default()
        };
        assert_eq!(status(&List::default(), &results(9, false), 9), "9 articles");
        assert_eq!(status(&searching, &results(4, false), 9), "4 results for “Tokayev”");
        assert_eq!(status(&searching, &results(1, false), 9), "1 result for “Tokayev”");
        assert_eq!(status(&searching, &results(0, false), 9), "No results for “Tokayev”");
        let typing = SearchAnswer {
            total: 120,
            at_least: true,
            ..SearchAnswer::default()
        };
        assert_eq!(status(&searching, &typing, 9), "at least 120 results for “Tokayev”");
        let estimated = SearchAnswer {
            total: 52_000,
            estimated: true,
            ..typing
        };
        assert_eq!(status(&searching, &estimated, 9), "about 52000 results for “Tokayev”");
        assert_eq!(
            status(&searching, &results(2, true), 9),
            "Showing close matches: no article has every word of “Tokayev” (2 close matches)"
        );
        let saved = List {
            saved: Some(Default::default()),
            ..List::default()
        };
        assert_eq!(status(&saved, &results(1, false), 9), "1 article of 9");
        let incomplete = SearchAnswer {
            incomplete: true,
            ..results(4, false)
        };
        assert_eq!(
            status(&searching, &incomplete, 9),
            "4 results for “Tokayev”. Results may be incomplete: part of the archive is not kept offline."
        );
    }
}
