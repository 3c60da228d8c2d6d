//! URLs and what the reader is looking at, both ways.
//!
//! Every view has a URL that survives a reload, Back and Forward, and
//! sharing: `{base}` is the list (with the search and filters in the query
//! string), `{base}articles/{slug}/` is an article (a directory, so a plain
//! static host can serve a prerendered file for it), anything else is not
//! found. Parsing accepts anything a reader can paste: malformed
//! percent-escapes are kept literally, unknown parameters are ignored, and
//! over-long values are cut; it never fails.

use crate::names::Names;

use crate::catalog::{Facet, Filters, Sort};
use crate::corpus::Date;

/// The longest search kept from a URL, in characters.
const MAX_QUERY_CHARS: usize = 500;
/// The most values of one filter kept from a URL.
const MAX_FILTER_VALUES: usize = 50;

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Page {
    /// The list: all articles, or search results.
    List,
    Article(String),
    NotFound,
}

/// What a URL says: the page, and the search state the list shows (kept
/// while reading an article, so prev/next and Back know the list).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Location {
    pub page: Page,
    pub query: String,
    pub filters: Filters,
    pub sort: Sort,
    /// Only the articles the reader saved.
    pub saved: bool,
    /// Shown inside another site's page (`embed=…`), and how.
    pub embed: Option<Embed>,
}

/// Which articles have a page of their own, prerendered at build time: all,
/// or only the newest N (by date, as the list orders them with no query),
/// so that a large archive stays within a static host's file-count limit.
/// An article without a page is still at its URL: the host answers it with
/// the not-found page, whose app shows the article.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Prerender {
    #[default]
    All,
    Newest(usize),
}

impl Prerender {
    /// `all`, or a number of articles (`15000`).
    pub fn parse(text: &str) -> Option<Prerender> {
        match text {
            "all" => Some(Prerender::All),
            _ => text.parse().ok().map(Prerender::Newest),
        }
    }

    /// `Some(limit)` when some of a corpus of `articles` have no page (only
    /// the newest `limit` have one); `None` when every article has one.
    pub fn limit(self, articles: usize) -> Option<usize> {
        match self {
            Prerender::Newest(limit) if limit < articles => Some(limit),
            _ => None,
        }
    }
}

/// How an embedding page wants folio shown: `embed=compact,new-tab,dark`.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Embed {
    /// No header (brand, settings): just the search and the list.
    pub compact: bool,
    /// Articles open in a new tab, on folio itself, instead of in the frame.
    pub new_tab: bool,
    /// A theme name (`light`, `dark`, `sepia`); the app ignores unknown ones.
    pub theme: Option<String>,
}

impl Embed {
    fn parse(value: &str) -> Embed {
        let mut embed = Embed::default();
        for part in value.split(',') {
            match part {
                "compact" => embed.compact = true,
                "new-tab" => embed.new_tab = true,
                "" | "full" | "same-frame" => {}
                theme => embed.theme = Some(theme.chars().take(20).collect()),
            }
        }
        embed
    }

    fn value(&self) -> String {
        let mut parts = vec![if self.compact { "compact" } else { "full" }];
        if self.new_tab {
            parts.push("new-tab");
        }
        if let Some(theme) = &self.theme {
            parts.push(theme);
        }
        parts.join(",")
    }
}

impl Default for Location {
    fn default() -> Self {
        Location {
            page: Page::List,
            query: String::new(),
            filters: Filters::default(),
            sort: Sort::Relevance,
            saved: false,
            embed: None,
        }
    }
}

impl Location {
    /// Parses a path and query string (`?a=b&…`, with or without the `?`)
    /// against the site's base path (`/` or `/news/`).
    pub fn parse(path: &str, search: &str, base: &str) -> Location {
        let mut location = Location::default();
        for pair in search.trim_start_matches('?').split('&').filter(|p| !p.is_empty()) {
            let (key, value) = pair.split_once('=').unwrap_or((pair, ""));
            let value = decode(value);
            match key {
                "q" => location.query = value.chars().take(MAX_QUERY_CHARS).collect(),
                "sort" => location.sort = Sort::named(&value).unwrap_or_default(),
                "saved" => location.saved = value == "1",
                "embed" => location.embed = Some(Embed::parse(&value)),
                "dates" => location.filters.dates = dates(&value),
                key => {
                    if let Some(facet) = Facet::keyed(key) {
                        add(location.filters.values_mut(facet), value);
                    }
                }
            }
        }
        let base = base.trim_end_matches('/');
        let path = decode(path);
        let rest = path.strip_prefix(base).unwrap_or("\u{0}");
        let rest = rest.trim_start_matches('/');
        location.page = match rest.trim_end_matches('/').split('/').collect::<Vec<_>>().as_slice() {
            [""] | ["index.html"] => Page::List,
            ["articles", slug] if !slug.is_empty() => Page::Article((*slug).to_string()),
            ["articles", slug, "index.html"] if !slug.is_empty() => Page::Article((*slug).to_string()),
            _ => Page::NotFound,
        };
        location
    }

    /// The URL of this location under `base`; parsing it gives this location back.
    pub fn href(&self, base: &str) -> String {
        let base = if base.ends_with('/') {
            base.to_string()
        } else {
            format!("{base}/")
        };
        let path = match &self.page {
            Page::List | Page::NotFound => base,
            Page::Article(slug) => format!("{base}articles/{}/", encode(slug)),
        };
        let mut params: Vec<String> = Vec::new();
        if !self.query.is_empty() {
            params.push(format!("q={}", encode(&self.query)));
        }
        for facet in Facet::ALL {
            let values = self.filters.values(facet);
            params.extend(values.iter().map(|v| format!("{}={}", facet.key(), encode(v))));
        }
        match self.filters.dates {
            Some((from, to)) if from == to => params.push(format!("dates={from}")),
            Some((from, to)) => params.push(format!("dates={from}..{to}")),
            None => {}
        }
        if self.sort != Sort::Relevance {
            params.push(format!("sort={}", self.sort.name()));
        }
        if self.saved {
            params.push("saved=1".into());
        }
        if let Some(embed) = &self.embed {
            params.push(format!("embed={}", encode(&embed.value())));
        }
        if params.is_empty() {
            path
        } else {
            format!("{path}?{}", params.join("&"))
        }
    }

    /// The same search, on the list page.
    pub fn list(&self) -> Location {
        Location {
            page: Page::List,
            ..self.clone()
        }
    }
}

/// Not inlined: with one caller, the engine's `opt-level = 3` put it into
/// `Location::parse`, 1 KB more wasm for no speed a reader would notice.
#[inline(never)]
fn add(set: &mut Names, value: String) {
    if set.len() < MAX_FILTER_VALUES && !value.is_empty() {
        set.insert(value.chars().take(MAX_QUERY_CHARS).collect());
    }
}

/// The dates of `?dates=2022-01-05..2022-01-12` (both included), or of
/// one day (`?dates=2022-01-05`); in either order; `None` unless both are
/// dates as `YYYY-MM-DD`.
pub fn dates(value: &str) -> Option<(Date, Date)> {
    let (from, to) = value.split_once("..").unwrap_or((value, value));
    let (from, to) = (Date::iso(from)?, Date::iso(to)?);
    Some((from.min(to), from.max(to)))
}

/// Percent-decoding (and `+` as space); a malformed escape stays as written,
/// and bytes that are not UTF-8 become U+FFFD.
pub fn decode(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let hex = |at: usize| bytes.get(at).and_then(|&b| char::from(b).to_digit(16));
        match bytes[i] {
            b'%' => match (hex(i + 1), hex(i + 2)) {
                (Some(high), Some(low)) => {
                    out.push((high * 16 + low) as u8);
                    i += 3;
                }
                _ => {
                    out.push(b'%');
                    i += 1;
                }
            },
            b'+' => {
                out.push(b' ');
                i += 1;
            }
            byte => {
                out.push(byte);
                i += 1;
            }
        }
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// Percent-encoding of everything but unreserved characters.
pub fn encode(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for byte in text.bytes() {
        if byte.is_ascii_alphanumeric() || matches!(byte, b'-' | b'_' | b'.' | b'~') {
            out.push(char::from(byte));
        } else {
            out.push_str(&format!("%{byte:02X}"));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn list(query: &str) -> Location {
        Location {
            query: query.into(),
            ..Location::default()
        }
    }

    #[test]
    fn a_prerender_limit_is_all_or_a_count_and_limits_only_a_larger_corpus() {
        assert_eq!(Prerender::parse("all"), Some(Prerender::All));
        assert_eq!(Prerender::parse("15000"), Some(Prerender::Newest(15_000)));
        assert_eq!(Prerender::parse("0"), Some(Prerender::Newest(0)));
        for bad in ["-3", "lots", "", "All", "1.5", "15,000"] {
            assert_eq!(Prerender::parse(bad), None, "{bad}");
        }
        assert_eq!(Prerender::Newest(3).limit(9), Some(3));
        assert_eq!(Prerender::Newest(0).limit(9), Some(0));
        assert_eq!(Prerender::Newest(9).limit(9), None);
        assert_eq!(Prerender::Newest(15_000).limit(9), None);
        assert_eq!(Prerender::All.limit(9), None);
    }

    #[test]
    fn lists_and_articles_round_trip_under_any_base() {
        let mut searched = list("Токаев \"coup\" -x & y");
        searched.filters.publishers.insert("RFE/RL".into());
        searched.filters.countries.insert("Kazakhstan".into());
        searched.filters.months.insert("2022-01".into());
        searched.filters.dates = Some((day(2022, 1, 5), day(2022, 1, 12)));
        searched.sort = Sort::Newest;
        searched.saved = true;
        searched.embed = Some(Embed {
            compact: true,
            new_tab: true,
            theme: Some("dark".into()),
        });
        let article = Location {
            page: Page::Article("csto-leaders".into()),
            ..searched.clone()
        };
        for base in ["/", "/news/", "/a/b"] {
            for location in [&Location::default(), &searched, &article] {
                let href = location.href(base);
                let (path, search) = href.split_once('?').unwrap_or((&href, ""));
                assert_eq!(&Location::parse(path, search, base), location, "{href}");
            }
        }
        assert_eq!(
            article.href("/news/").split('?').next(),
            Some("/news/articles/csto-leaders/")
        );
        assert_eq!(Location::default().href("/news"), "/news/");
    }

    fn day(year: i32, month: u8, day: u8) -> Date {
        Date::new(year, month, day).unwrap()
    }

    #[test]
    fn dates_are_a_span_or_one_day_in_either_order() {
        let dates = |search: &str| Location::parse("/", search, "/").filters.dates;
        let span = Some((day(2022, 1, 5), day(2022, 1, 12)));
        assert_eq!(dates("dates=2022-01-05..2022-01-12"), span);
        assert_eq!(dates("dates=2022-01-12..2022-01-05"), span);
        assert_eq!(dates("dates=2022-01-05"), Some((day(2022, 1, 5), day(2022, 1, 5))));
        for odd in [
            "dates=2022-01-05..",
            "dates=..2022-01-05",
            "dates=2022-02-30",
            "dates=5%20Jan%202022",
            "dates=2022-1-5",
            "dates=",
        ] {
            assert_eq!(dates(odd), None, "{odd}");
        }
        let mut one = list("");
        one.filters.dates = Some((day(2022, 1, 5), day(2022, 1, 5)));
        assert_eq!(one.href("/"), "/?dates=2022-01-05");
        one.filters.dates = span;
        assert_eq!(one.href("/"), "/?dates=2022-01-05..2022-01-12");
    }

    #[test]
    fn parameters_are_named_as_the_catalogue_names_them() {
        let mut location = list("");
        location.filters.months.insert("2022-01".into());
        location.filters.publishers.insert("RFE/RL".into());
        location.sort = Sort::Oldest;
        let href = location.href("/");
        assert_eq!(href, "/?publisher=RFE%2FRL&month=2022-01&sort=oldest");
        let parsed = Location::parse("/", "sort=newest&country=Kazakhstan&countries=Kyrgyzstan", "/");
        assert_eq!(parsed.sort, Sort::Newest);
        assert_eq!(parsed.filters.countries, Names::from(["Kazakhstan"]));
    }

    #[test]
    fn paths_map_to_pages() {
        let page = |path: &str| Location::parse(path, "", "/news/").page;
        assert_eq!(page("/news/"), Page::List);
        assert_eq!(page("/news"), Page::List);
        assert_eq!(page("/news/index.html"), Page::List);
        assert_eq!(page("/news/articles/a-b/"), Page::Article("a-b".into()));
        assert_eq!(page("/news/articles/a-b"), Page::Article("a-b".into()));
        assert_eq!(page("/news/articles/a-b/index.html"), Page::Article("a-b".into()));
        assert_eq!(page("/news/articles/"), Page::NotFound);
        assert_eq!(page("/news/elsewhere"), Page::NotFound);
        assert_eq!(page("/other/"), Page::NotFound);
    }

    #[test]
    fn hostile_urls_are_read_without_failing() {
        let odd = Location::parse(
            "/%E2%28%A1/%zz/%",
            "q=%&q=%E0%A4%A&publisher=&sort=sideways&saved=yes&&=&x",
            "/",
        );
        assert_eq!(odd.page, Page::NotFound);
        assert_eq!(odd.query, "\u{fffd}%A");
        assert!(odd.filters.publishers.is_empty());
        assert_eq!((odd.sort, odd.saved), (Sort::Relevance, false));
        let long = format!("q={}", "a".repeat(100_000));
        assert_eq!(Location::parse("/", &long, "/").query.len(), MAX_QUERY_CHARS);
        let many: String = (0..1000).map(|i| format!("country=c{i}&")).collect();
        assert_eq!(
            Location::parse("/", &many, "/").filters.countries.len(),
            MAX_FILTER_VALUES
        );
        assert_eq!(decode("a+b%20c%2"), "a b c%2");
    }
}
