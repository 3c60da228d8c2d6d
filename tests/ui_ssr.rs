//! Component markup, rendered natively with Yew's server renderer: fast
//! checks of what each view says, with no browser.
#![cfg(not(target_arch = "wasm32"))]

use std::rc::Rc;

use folio::corpus::{self, Date, Source};
use folio::engine::protocol::SearchAnswer;
use folio::engine::InProcess;
use folio::route::{Location, Page, Prerender};
use folio::search::Index;
use folio::ui::answers::{gather_now, Answered};
use folio::ui::library::Library;
use folio::ui::prefs::Prefs;
use folio::ui::state::{Panel, State};
use folio::ui::{Reader, ReaderProps};
use yew::LocalServerRenderer;

fn seed_index() -> Rc<InProcess> {
    engine(Index::new(folio::bundled::articles().expect("the bundle decodes")))
}

fn engine(index: Index) -> Rc<InProcess> {
    Rc::new(InProcess::new(index))
}

/// The page at `location`, rendered from the engine's answers, as the
/// prerenderer renders it.
async fn render(engine: Rc<InProcess>, location: Location) -> String {
    render_state(engine, State::new(location, Prefs::default(), Library::default())).await
}

/// The page in `initial`, rendered from the engine's answers.
async fn render_state(engine: Rc<InProcess>, initial: State) -> String {
    let props = ReaderProps {
        answers: gather_now(&*engine, &initial).expect("the engine answers at once"),
        engine,
        base: "/".into(),
        prerender: Prerender::All,
        initial,
        arrival: None,
    };
    let html = LocalServerRenderer::<Reader>::with_props(props).render().await;
    without_comments(&html)
}

/// The markup without the comments Yew leaves around components.
fn without_comments(html: &str) -> String {
    let mut out = String::with_capacity(html.len());
    let mut rest = html;
    while let Some(start) = rest.find("<!--") {
        out.push_str(&rest[..start]);
        rest = rest[start..].find("-->").map_or("", |end| &rest[start + end + 3..]);
    }
    out.push_str(rest);
    out
}

/// The text right inside the first start tag that has `attribute` (in any
/// position among its attributes), up to the next tag.
fn text_after(html: &str, attribute: &str) -> String {
    let Some(at) = html.find(attribute) else {
        return format!("<no {attribute}>");
    };
    let open = at + html[at..].find('>').unwrap_or(0) + 1;
    let close = open + html[open..].find('<').unwrap_or(0);
    html[open..close].to_string()
}

/// The list at `shown`'s answers while the state asks for `asked`: a
/// search typed since, whose answer has not come.
async fn render_waiting(shown: &str, asked: &str) -> String {
    let engine = seed_index();
    let answered = State::new(list(shown), Prefs::default(), Library::default());
    let props = ReaderProps {
        answers: gather_now(&*engine, &answered).expect("the engine answers at once"),
        engine,
        base: "/".into(),
        prerender: Prerender::All,
        initial: State::new(list(asked), Prefs::default(), Library::default()),
        arrival: None,
    };
    without_comments(&LocalServerRenderer::<Reader>::with_props(props).render().await)
}

fn list(query: &str) -> Location {
    Location {
        query: query.into(),
        ..Location::default()
    }
}

#[tokio::test]
async fn the_list_names_every_article_with_its_meta() {
    let html = render(seed_index(), Location::default()).await;
    assert_eq!(text_after(&html, r#"role="status""#), "9 articles");
    assert_eq!(html.matches(r#"<li class="card">"#).count(), 9);
    assert!(html.contains(r#"href="/articles/arrest-of-a-fugitive-driver/""#));
    assert!(html.contains(r#"<time datetime="2022-01-08">8 January 2022</time>"#));
    assert_eq!(text_after(&html, r#"class="skip-link""#), "Skip to content");
    assert_eq!(text_after(&html, r#"for="search""#), "Search articles");
}

#[tokio::test]
async fn a_search_marks_every_spelling_in_snippets() {
    let html = render(seed_index(), list("Tokayev")).await;
    assert!(html.contains("4 results for “Tokayev”"));
    assert!(html.contains("<mark>Tokayev</mark>"));
    assert!(html.contains("<mark>Toqaev</mark>"));
    assert_eq!(text_after(&html, r#"value="relevance""#), "Relevance");
    let none = render(seed_index(), list("zzzzqqq")).await;
    assert!(none.contains("No results for “zzzzqqq”"));
    assert!(none.contains("Check the spelling, or use fewer or other words."));
    assert!(none.contains("Show all articles"));
}

#[tokio::test]
async fn filters_show_counts_and_chips() {
    let mut location = list("Toqaev");
    location.filters.publishers.insert("RFE/RL".into());
    let mut state = State::new(location, Prefs::default(), Library::default());
    state.sidebar = true;
    let html = render_state(seed_index(), state).await;
    assert!(html.contains("3 results for “Toqaev”"));
    assert!(html.contains(r#"aria-label="Remove filter RFE/RL""#));
    assert!(
        html.contains("DPA<span class=\"count\"> (1)</span>"),
        "the publisher facet ignores its own filter"
    );
    assert!(html.contains("January 2022<span class=\"count\"> (3)</span>"));
}

/// The timeline's markup in `html`, and each of its links' names.
fn timeline(html: &str) -> (&str, Vec<&str>) {
    let Some(start) = html.find(r#"<figure class="timeline"#) else {
        return ("", Vec::new());
    };
    let figure = &html[start..start + html[start..].find("</figure>").expect("the figure ends")];
    let names = figure
        .split("<a ")
        .skip(1)
        .filter_map(|link| link.split_once(r#"aria-label=""#)?.1.split('"').next())
        .collect();
    (figure, names)
}

#[tokio::test]
async fn the_timeline_draws_each_day_and_marks_the_dates_chosen() {
    let html = render(seed_index(), Location::default()).await;
    let (figure, bars) = timeline(&html);
    assert!(
        figure.contains(r#"role="list" aria-label="Articles per day""#),
        "{figure}"
    );
    // 8 to 10 January 2022: three slots, the empty 9th drawn without a link.
    assert!(figure.contains(r#"viewBox="0 0 30 40""#), "{figure}");
    assert_eq!(bars, ["8 January 2022: 1 article", "10 January 2022: 5 articles"]);
    assert_eq!(figure.matches(r#"tabindex="0""#).count(), 1);
    assert!(!figure.contains("aria-current"));
    // The dates chosen: a chip, the bar marked, the other bar still there.
    let mut location = Location::default();
    location.filters.dates = Some((Date::iso("2022-01-10").unwrap(), Date::iso("2022-01-31").unwrap()));
    let html = render(seed_index(), location).await;
    assert_eq!(text_after(&html, r#"role="status""#), "5 articles of 9");
    assert!(html.contains(r#"aria-label="Remove filter 10 January 2022 – 31 January 2022""#));
    let (figure, bars) = timeline(&html);
    assert_eq!(bars, ["8 January 2022: 1 article", "10 January 2022: 5 articles"]);
    assert_eq!(figure.matches(r#"aria-current="true""#).count(), 1);
    assert!(
        figure.contains(r#"aria-label="10 January 2022: 5 articles" aria-current="true""#),
        "{figure}"
    );
    // No matches, no timeline.
    assert_eq!(
        timeline(&render(seed_index(), list("zzzzqqq")).await).1,
        Vec::<&str>::new()
    );
}

#[tokio::test]
async fn an_article_has_its_heading_body_and_footer() {
    let location = Location {
        page: Page::Article("will-the-crisis-in-kazakhstan-affect-putins-plans-for-ukraine".into()),
        ..list("Toqaev")
    };
    let html = render(seed_index(), location).await;
    assert_eq!(
        text_after(&html, r#"id="page-heading""#),
        "Will The Crisis In Kazakhstan Affect Putin’s Plans For Ukraine?"
    );
    assert!(html.contains("<h2>Watching Ukraine</h2>"));
    assert!(html.contains("<h2>Spheres Of Influence</h2>"));
    assert_eq!(html.matches("<mark>Toqaev").count(), 4, "Toqaev and Toqaev’s");
    assert!(html.contains("Copyright (c) 2015. RFE/RL, Inc."));
    assert!(html.contains("← Back to results"));
    assert!(
        html.contains(r#"class="prev""#) && html.contains(r#"class="next""#),
        "the article is mid-list"
    );
}

#[tokio::test]
async fn an_article_ends_with_what_to_read_next_each_opened_in_the_readers_list() {
    let location = Location {
        page: Page::Article("will-the-crisis-in-kazakhstan-affect-putins-plans-for-ukraine".into()),
        ..list("Toqaev")
    };
    let html = render(seed_index(), location).await;
    let section = &html[html
        .find(r#"<section aria-labelledby="related-heading""#)
        .expect("a Read next section")..];
    let section = &section[..section.find("</section>").unwrap()];
    assert_eq!(text_after(section, r#"id="related-heading""#), "Read next");
    let links: Vec<(&str, &str)> = section
        .split(r#"<a href=""#)
        .skip(1)
        .map(|link| {
            let (href, rest) = link.split_once('"').unwrap();
            (href, &rest[rest.find('>').unwrap() + 1..rest.find("</a>").unwrap()])
        })
        .collect();
    assert_eq!(
        links,
        [
            (
                "/articles/csto-leaders-to-discuss-kazakhstan-crisis-in-videoconference/?q=Toqaev",
                "CSTO Leaders To Discuss Kazakhstan Crisis In Videoconference"
            ),
            (
                "/articles/kazakh-president-says-week-of-deadly-unrest-was-attempted-coup-without-citing/?q=Toqaev",
                "Kazakh President Says Week Of Deadly Unrest Was ‘Attempted Coup,’ Without Citing Evidence"
            ),
            (
                "/articles/outrage-after-kazakh-officials-portray-kyrgyz-jazz-musician-as-foreign-terrorist/?q=Toqaev",
                "Outrage After Kazakh Officials Portray Kyrgyz Jazz Musician As ‘Foreign Terrorist’"
            ),
        ]
    );
}

#[tokio::test]
async fn a_teaser_says_where_the_full_text_is() {
    let location = Location {
        page: Page::Article("the-long-lasting-conundrum-in-tajikistans-pamir-region".into()),
        ..Location::default()
    };
    let html = render(seed_index(), location).await;
    assert!(html.contains("This is an excerpt. The full article is published by Global Voices."));
    assert!(html.contains("Photo credits: AmanovDmitry.jpg) (Wikimedia Commons CC BY 3.0)"));
    assert!(!html.contains("Continue reading"));
}

#[tokio::test]
async fn unknown_pages_and_articles_are_not_found() {
    for page in [Page::NotFound, Page::Article("no-such-article".into())] {
        let html = render(
            seed_index(),
            Location {
                page,
                ..Location::default()
            },
        )
        .await;
        assert!(html.contains("Page not found"));
        assert!(html.contains("Go to all articles"));
    }
}

#[tokio::test]
async fn corpus_text_is_never_markup() {
    let hostile = "<script>alert(1)</script> & <img src=x onerror=alert(2)>\n\n\
                   A paragraph with <b>tags</b> and a javascript:alert(3) link.\n\n\
                   Source: <i>Agency</i>\n";
    let parsed = corpus::parse(&[Source {
        name: "hostile.txt".into(),
        bytes: hostile.as_bytes().into(),
    }])
    .expect("parses");
    let html = render(engine(Index::new(parsed.articles)), list("script tags")).await;
    assert!(!html.contains("<script>alert"), "{html}");
    assert!(!html.contains("<img src=x"));
    assert!(!html.contains("<b>tags"));
    assert!(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;") || html.contains("&lt;script>alert(1)&lt;/script>"));
}

/// The start tags of the controls (buttons, fields, menus) in `html` that are
/// in no element of class `needs-js`: those a reader sees on a prerendered
/// page with JavaScript off, where only links and text work.
fn controls_shown_without_js(html: &str) -> Vec<String> {
    const VOID: [&str; 8] = ["input", "meta", "link", "br", "img", "hr", "wbr", "source"];
    const CONTROLS: [&str; 4] = ["button", "input", "select", "textarea"];
    // Open elements: name, and whether it is of class `needs-js`.
    let mut open: Vec<(String, bool)> = Vec::new();
    let mut shown = Vec::new();
    let mut rest = html;
    while let Some(at) = rest.find('<') {
        let end = at + rest[at..].find('>').expect("every tag ends");
        let tag = &rest[at + 1..end];
        rest = &rest[end + 1..];
        if let Some(name) = tag.strip_prefix('/') {
            let found = open.iter().rposition(|(open, _)| open == name.trim());
            open.truncate(found.expect("every end tag has a start tag"));
            continue;
        }
        let name = tag.split([' ', '/']).next().unwrap_or_default().to_string();
        let hidden = tag
            .split_once("class=\"")
            .and_then(|(_, class)| class.split('"').next())
            .is_some_and(|class| class.split(' ').any(|c| c == "needs-js"));
        if CONTROLS.contains(&name.as_str()) && !hidden && !open.iter().any(|(_, hidden)| *hidden) {
            shown.push(format!("<{tag}>"));
        }
        if !VOID.contains(&name.as_str()) && !tag.ends_with('/') {
            open.push((name, hidden));
        }
    }
    shown
}

#[tokio::test]
async fn without_javascript_no_prerendered_page_shows_a_control() {
    let index = seed_index();
    let mut pages = vec![Page::List, Page::NotFound];
    pages.extend(index.index().articles().iter().map(|a| Page::Article(a.slug.clone())));
    for page in pages {
        let html = render(
            index.clone(),
            Location {
                page: page.clone(),
                ..Location::default()
            },
        )
        .await;
        assert_eq!(controls_shown_without_js(&html), Vec::<String>::new(), "{page:?}");
        assert_eq!(text_after(&html, r#"class="no-js-note""#), "Search needs JavaScript.");
    }
    // The check sees controls: the list has them all, each hidden.
    let home = render(index.clone(), Location::default()).await;
    let all = controls_shown_without_js(&home.replace("needs-js", "shown"));
    let count = |start: &str| all.iter().filter(|tag| tag.starts_with(start)).count();
    // Settings, Filters, the filters' Done, and Save on each of 9 cards.
    assert_eq!(count("<button"), 3 + 9, "{all:#?}");
    assert_eq!(count("<select"), 1, "Sort");
    // The search box and Saved only: the filters' values are not
    // prerendered (`State::sidebar`).
    assert_eq!(count("<input"), 1 + 1, "{all:#?}");
    assert_eq!(all.len(), 12 + 1 + 2);
}

#[tokio::test]
async fn the_filters_values_are_rendered_only_where_they_can_be_seen() {
    let values = |html: &str| html.matches(r#" id="filter-"#).count();
    let home = || State::new(Location::default(), Prefs::default(), Library::default());
    // A prerendered page, and a phone with the panel closed: Saved only.
    assert_eq!(values(&render_state(seed_index(), home()).await), 1);
    // Beside the list, or in the open panel: 4 publishers, 10 countries, 1
    // month, 20 people.
    let mut wide = home();
    wide.sidebar = true;
    assert_eq!(values(&render_state(seed_index(), wide).await), 1 + 4 + 10 + 1 + 20);
    let mut open = home();
    open.panel = Panel::Filters;
    assert_eq!(values(&render_state(seed_index(), open).await), 1 + 4 + 10 + 1 + 20);
}

#[tokio::test]
async fn the_results_are_busy_until_the_latest_search_is_answered() {
    let answered = render(seed_index(), list("tokayev")).await;
    assert!(answered.contains(r#"<div aria-busy="false" class="results">"#));
    let waiting = render_waiting("tokayev", "tokayev protests").await;
    assert!(waiting.contains(r#"<div aria-busy="true" class="results">"#));
    // The last answer stays shown meanwhile.
    assert_eq!(
        text_after(&waiting, r#"role="status""#),
        text_after(&answered, r#"role="status""#)
    );
}

/// A filter just chosen is checked while its answer is awaited: the
/// checkboxes follow the reader's choice, not the last answer's (Yew sets
/// `checked` on every render, so the last answer's would uncheck it).
#[tokio::test]
async fn a_filter_just_chosen_is_checked_before_its_answer_comes() {
    let engine = seed_index();
    let mut answered = State::new(list("Toqaev"), Prefs::default(), Library::default());
    answered.sidebar = true;
    let mut chosen = answered.clone();
    chosen.location.filters.publishers.insert("RFE/RL".into());
    let props = ReaderProps {
        answers: gather_now(&*engine, &answered).expect("the engine answers at once"),
        engine,
        base: "/".into(),
        prerender: Prerender::All,
        initial: chosen,
        arrival: None,
    };
    let html = without_comments(&LocalServerRenderer::<Reader>::with_props(props).render().await);
    assert!(html.contains(r#"<div aria-busy="true" class="results">"#));
    let checked = |html: &str| -> Vec<String> {
        html.split("<input ")
            .skip(1)
            .filter(|tag| tag.split('>').next().is_some_and(|tag| tag.contains("checked")))
            .filter_map(|tag| tag.split_once(r#"id=""#)?.1.split('"').next().map(str::to_string))
            .collect()
    };
    assert_eq!(checked(&html), ["filter-publisher-0"]);
    assert_eq!(text_after(&html, r#"for="filter-publisher-0""#), "RFE/RL");
}

/// Offline, an answer read around files that could not be fetched says,
/// in the live region with its count, that its results may be incomplete.
#[tokio::test]
async fn an_incomplete_answer_says_so_with_its_count() {
    let engine = seed_index();
    let initial = State::new(Location::default(), Prefs::default(), Library::default());
    let mut answers = gather_now(&*engine, &initial).expect("the engine answers at once");
    let complete = answers.search.take().expect("the list is answered");
    answers.search = Some(Rc::new(Answered {
        request: complete.request.clone(),
        answer: SearchAnswer {
            incomplete: true,
            ..complete.answer.clone()
        },
    }));
    let props = ReaderProps {
        answers,
        engine,
        base: "/".into(),
        prerender: Prerender::All,
        initial,
        arrival: None,
    };
    let html = without_comments(&LocalServerRenderer::<Reader>::with_props(props).render().await);
    assert!(html.contains(
        r#"<p role="status" aria-live="polite" class="status">9 articles. Results may be incomplete: part of the archive is not kept offline.</p>"#
    ));
    assert_eq!(html.matches(r#"<li class="card">"#).count(), 9);
}
