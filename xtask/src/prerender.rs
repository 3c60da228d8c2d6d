//! Prerendering: the pages a reader lands on are rendered to HTML at build
//! time by the app's own components (Yew's server renderer), so their
//! content, title, description and canonical link are there before any
//! script runs. The app then takes the page over (hydration) without
//! redrawing it. Home, the not-found page and the newest articles get a
//! page (the newest [`NEWEST`] by default); the host answers any other
//! article's URL with the not-found page, whose app shows it.

use std::path::{Path, PathBuf};
use std::rc::Rc;
use std::time::Instant;

use folio::engine::replay::Recorder;
use folio::engine::Engine;
use folio::route::{Location, Page, Prerender};
use folio::ui::answers::{gather_now, Answers};
use folio::ui::library::Library;
use folio::ui::meta::{page_meta, SITE};
use folio::ui::prefs::Prefs;
use folio::ui::state::State;
use folio::ui::{Reader, ReaderProps};
use yew::LocalServerRenderer;

use crate::on_disk::OnDisk;
use crate::run::{say, Fail};

/// How many of the newest articles get a page of their own unless told
/// otherwise (`--prerender`). Measured on 10,000 generated articles (README,
/// "Hosting a large archive"): an article page is about 10 KB and 13 ms of
/// a build (more as the archive grows: each page places its article in the
/// whole list for previous/next). 5,000 pages are ~50 MB and about a minute,
/// which leaves time for the rest of a 100,000-article build within its
/// three minutes, and 15,000 of the 20,000 files some hosts allow a site
/// for the app and the index files.
pub const NEWEST: usize = 5_000;

/// What `dist`, `serve` and the other builds prerender unless told otherwise.
pub const DEFAULT: Prerender = Prerender::Newest(NEWEST);

/// The most files some hosts allow a site (Cloudflare Pages: 20,000).
pub const SITE_FILES: usize = 20_000;

/// `prerender`, taking no more of the newest articles than fit in
/// [`SITE_FILES`] beside the `existing` files (the app and the index) and
/// the not-found page: the index comes first, and pages fill what is left
/// (at 1,000,000 generated articles the index alone is 18,186 files).
/// `all` is taken as asked.
pub fn within_files(prerender: Prerender, existing: usize) -> Prerender {
    match prerender {
        Prerender::Newest(newest) => Prerender::Newest(newest.min(SITE_FILES.saturating_sub(existing + 1))),
        all => all,
    }
}

/// Renders the home page, the articles `prerender` takes and the not-found
/// page into `dist` (which Trunk built with `base` as its public URL), from
/// the archive's split index in `dist` (see `archive`), read as the
/// worker reads it, a file at a time: a build holds the files the pages
/// need, never the index. With the site's origin (`https://example.org`),
/// pages get canonical links and Open Graph URLs, which must be absolute.
/// Returns how many pages were written.
pub fn prerender(dist: &Path, base: &str, origin: Option<&str>, prerender: Prerender) -> Result<usize, Fail> {
    let started = Instant::now();
    let template =
        std::fs::read_to_string(dist.join("index.html")).map_err(|e| Fail(format!("dist/index.html: {e}")))?;
    for required in ["<title>folio</title>", DESCRIPTION, ICON, "<body></body>"] {
        if !template.contains(required) {
            return Err(Fail(format!(
                "index.html no longer has {required}; prerendering needs it"
            )));
        }
    }
    let icon = std::fs::read(dist.join("icon.svg")).map_err(|e| Fail(format!("dist/icon.svg: {e}")))?;
    let template = template.replace(ICON, &inline_icon(&icon));
    let engine = Rc::new(OnDisk::open(dist)?);
    let count = engine.len();
    let limit = prerender.limit(count);
    let runtime = tokio::runtime::Builder::new_current_thread()
        .build()
        .map_err(|e| Fail(format!("tokio: {e}")))?;
    let mut written = 0;
    for location in pages(&engine, prerender) {
        let location = location?;
        let path = file(dist, &location);
        let (body, answers, carried) = runtime.block_on(render(engine.clone(), base, prerender, location.clone()))?;
        engine.failure()?;
        // The answers at the body's end: the page paints before it reads them.
        let html = page(&template, &answers, base, origin, limit, &location, &(body + &carried));
        if let Some(dir) = path.parent() {
            std::fs::create_dir_all(dir).map_err(|e| Fail(format!("{}: {e}", dir.display())))?;
        }
        std::fs::write(&path, html).map_err(|e| Fail(format!("{}: {e}", path.display())))?;
        written += 1;
    }
    let articles = match limit {
        Some(newest) => format!("the newest {newest} of {count} articles"),
        None => format!("all {count} articles"),
    };
    say(&format!(
        "prerendered {written} pages (home, {articles}, 404) in {:.1} s",
        started.elapsed().as_secs_f64()
    ));
    Ok(written)
}

/// The pages to write, one at a time: home, the articles `prerender` takes
/// (newest first, as the list orders them: a split index numbers its
/// articles so), and the not-found page. Only those are ever rendered.
fn pages(index: &OnDisk, prerender: Prerender) -> impl Iterator<Item = Result<Location, Fail>> + '_ {
    let limit = prerender.limit(index.len()).unwrap_or(index.len());
    let at = |page| Location {
        page,
        ..Location::default()
    };
    let articles = (0..limit).map(move |doc| {
        let slug = index.read(|e| e.article(doc).map(|a| a.slug.clone()))?;
        Ok(at(Page::Article(slug)))
    });
    std::iter::once(Ok(at(Page::List)))
        .chain(articles)
        .chain(std::iter::once(Ok(at(Page::NotFound))))
}

/// Writes into `dir` a bare page with what prerendering fills in, and the
/// icon, where Trunk's build is not needed (tests, `cargo xtask archive`).
pub fn bare_page(dir: &Path) -> Result<(), Fail> {
    let template = format!(
        "<html><head><meta charset=\"utf-8\" /><title>folio</title>\n    {DESCRIPTION}\n    {ICON}</head><body></body></html>"
    );
    for (name, text) in [("index.html", template.as_str()), ("icon.svg", "<svg/>")] {
        let path = dir.join(name);
        std::fs::write(&path, text).map_err(|e| Fail(format!("{}: {e}", path.display())))?;
    }
    Ok(())
}

/// Where a page's file goes: `index.html`, `articles/<slug>/index.html` or
/// `404.html`.
fn file(dist: &Path, location: &Location) -> PathBuf {
    match &location.page {
        Page::List => dist.join("index.html"),
        Page::Article(slug) => dist.join("articles").join(slug).join("index.html"),
        Page::NotFound => dist.join("404.html"),
    }
}

/// The description in `index.html`, replaced on every page.
const DESCRIPTION: &str = r#"<meta name="description" content="A searchable archive of articles." />"#;

/// The page's icon in `index.html`, which every page gets inline instead
/// ([`inline_icon`]).
const ICON: &str = r#"<link rel="icon" type="image/svg+xml" href="icon.svg" />"#;

/// The page's icon as a `data:` URL (the CSP's `img-src` allows `data:`).
/// Chromium asks for the icon again whenever the address changes, and the
/// app changes it on every keystroke of a search (`history.replaceState`):
/// a request a keystroke, each a round trip behind a host that sends
/// `no-cache`. An icon in the page is never fetched. The manifest still
/// names the file, which is fetched once. Percent-encoded rather than
/// base64, which gzips about 90 bytes worse.
fn inline_icon(svg: &[u8]) -> String {
    let mut url = String::from("data:image/svg+xml,");
    for &byte in svg {
        // `%` and `#` mean something in a URL, `"` and `&` in an attribute.
        if byte.is_ascii_graphic() && !b"%#\"&".contains(&byte) {
            url.push(byte as char);
        } else {
            url.push_str(&format!("%{byte:02X}"));
        }
    }
    format!(r#"<link rel="icon" type="image/svg+xml" href="{url}" />"#)
}

/// The page at `location`, the engine's answers it was rendered from, and
/// the element that carries them for the app to hydrate from.
async fn render(
    engine: Rc<OnDisk>,
    base: &str,
    prerender: Prerender,
    location: Location,
) -> Result<(String, Answers, String), Fail> {
    let initial = State::new(location, Prefs::default(), Library::default());
    let engine: Rc<dyn Engine> = engine;
    let recorder = Recorder::new(engine.clone());
    let answers = gather_now(&recorder, &initial).map_err(Fail)?;
    let carried = recorder.recording().element();
    let props = ReaderProps {
        engine,
        answers: answers.clone(),
        base: base.to_string().into(),
        prerender,
        initial,
        arrival: None,
    };
    Ok((
        LocalServerRenderer::<Reader>::with_props(props).render().await,
        answers,
        carried,
    ))
}

/// The template with the page's title, description, canonical link, Open
/// Graph tags, the markers that tell the app which page this is (and, when
/// only the newest `limit` articles have pages, that too), and the rendered
/// body.
fn page(
    template: &str,
    answers: &Answers,
    base: &str,
    origin: Option<&str>,
    limit: Option<usize>,
    location: &Location,
    body: &str,
) -> String {
    let article = match &location.page {
        Page::Article(_) => answers
            .article
            .as_ref()
            .and_then(|a| a.answer.as_ref())
            .map(|a| &a.article),
        _ => None,
    };
    let (title, description) = page_meta(location, article, answers.articles);
    let path = match &location.page {
        Page::NotFound => format!("{}404/", base),
        _ => location.href(base),
    };
    let kind = if article.is_some() { "article" } else { "website" };
    let canonical = match (origin, &location.page) {
        (Some(origin), Page::List | Page::Article(_)) => {
            let url = escape(&format!("{}{path}", origin.trim_end_matches('/')));
            format!(
                "\n    <link rel=\"canonical\" href=\"{url}\" />\n    <meta property=\"og:url\" content=\"{url}\" />"
            )
        }
        _ => String::new(),
    };
    let limit = limit.map_or(String::new(), |newest| {
        format!("\n    <meta name=\"folio-prerender\" content=\"{newest}\" />")
    });
    let head = format!(
        r#"<meta name="description" content="{description}" />
    <meta name="folio-page" content="{path}" />{limit}{canonical}
    <meta property="og:site_name" content="{SITE}" />
    <meta property="og:type" content="{kind}" />
    <meta property="og:title" content="{title}" />
    <meta property="og:description" content="{description}" />"#,
        description = escape(&description),
        path = escape(&path),
        title = escape(&title),
    );
    template
        .replace("<title>folio</title>", &format!("<title>{}</title>", escape(&title)))
        .replace(DESCRIPTION, &head)
        .replace("<body></body>", &format!("<body>{body}</body>"))
}

/// Escapes text for an HTML attribute or element.
fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pages_fill_what_the_index_leaves_of_a_sites_files() {
        assert_eq!(within_files(Prerender::Newest(5_000), 100), Prerender::Newest(5_000));
        assert_eq!(within_files(Prerender::Newest(5_000), 18_200), Prerender::Newest(1_799));
        assert_eq!(within_files(Prerender::Newest(5_000), 25_000), Prerender::Newest(0));
        assert_eq!(within_files(Prerender::All, 25_000), Prerender::All);
    }

    /// The seed, newest first: five of 10 January 2022 (in corpus order),
    /// one of 8 January, then the three undated (in corpus order).
    const NEWEST_FIRST: [&str; 9] = [
        "kazakh-president-says-week-of-deadly-unrest-was-attempted-coup-without-citing",
        "csto-leaders-to-discuss-kazakhstan-crisis-in-videoconference",
        "outrage-after-kazakh-officials-portray-kyrgyz-jazz-musician-as-foreign-terrorist",
        "will-the-crisis-in-kazakhstan-affect-putins-plans-for-ukraine",
        "the-contribution-of-police-veterans-in-educating-the-younger-generation",
        "arrest-of-a-fugitive-driver",
        "the-long-lasting-conundrum-in-tajikistans-pamir-region",
        "kazakhstans-president-says-order-restored-after-coup-attempt",
        "extortion-of-jewelry-cars-and-money",
    ];

    /// The seed prerendered with `prerender` under `/news/` into a fresh
    /// directory, `name`d, which holds only what prerendering reads from
    /// Trunk's output, the index, and the pages.
    fn seed_site(name: &str, prerender: Prerender) -> (PathBuf, usize) {
        let dist = std::env::temp_dir().join(format!("folio-prerender-{}-{name}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dist);
        std::fs::create_dir_all(&dist).unwrap();
        bare_page(&dist).unwrap();
        let seeds = Path::new(env!("CARGO_MANIFEST_DIR")).join("../seeds");
        crate::archive::write(&dist, crate::archive::read(&seeds).unwrap()).unwrap();
        let written = super::prerender(&dist, "/news/", None, prerender).unwrap();
        (dist, written)
    }

    /// Prerenders the seed with `prerender`; returns the files it wrote
    /// (besides Trunk's two), sorted, and the not-found page.
    fn prerendered(name: &str, prerender: Prerender) -> (Vec<String>, String) {
        let (dist, written) = seed_site(name, prerender);
        let mut files = Vec::new();
        collect(&dist, &dist, &mut files);
        files.retain(|f| f != "icon.svg" && !f.starts_with("index/"));
        files.sort();
        assert_eq!(written, files.len());
        let not_found = std::fs::read_to_string(dist.join("404.html")).unwrap();
        std::fs::remove_dir_all(&dist).unwrap();
        (files, not_found)
    }

    fn collect(root: &Path, dir: &Path, files: &mut Vec<String>) {
        for entry in std::fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                collect(root, &path, files);
            } else {
                files.push(path.strip_prefix(root).unwrap().to_string_lossy().into_owned());
            }
        }
    }

    fn with_articles(slugs: &[&str]) -> Vec<String> {
        let mut files: Vec<String> = slugs.iter().map(|s| format!("articles/{s}/index.html")).collect();
        files.extend(["404.html".to_string(), "index.html".to_string()]);
        files.sort();
        files
    }

    const NOTE: &str = "Only the newest 6 articles of this archive can be read without JavaScript. \
                        If you followed a link to an older one, turn on JavaScript to read it.";

    /// The text of `html` between `start` and `end`.
    fn between<'a>(html: &'a str, start: &str, end: &str) -> &'a str {
        let from = html.find(start).unwrap_or_else(|| panic!("no {start}")) + start.len();
        &html[from..from + html[from..].find(end).unwrap_or_else(|| panic!("no {end}"))]
    }

    #[test]
    fn every_page_carries_the_answers_it_was_rendered_from() {
        use folio::engine::replay::{Recording, Replay, CARRIED, DATA_TYPE};
        let (dist, _) = seed_site("carried", Prerender::Newest(2));
        let engine = OnDisk::open(&dist).unwrap();
        let mut pages = Vec::new();
        collect(&dist, &dist, &mut pages);
        pages.retain(|page| page.ends_with(".html"));
        assert_eq!(pages.len(), 4, "{pages:?}");
        for page in pages {
            let html = std::fs::read_to_string(dist.join(&page)).unwrap();
            let path = between(&html, r#"<meta name="folio-page" content=""#, "\"");
            let state = State::new(
                Location::parse(path, "", "/news/"),
                Prefs::default(),
                Library::default(),
            );
            // At the body's end, after what the reader sees first.
            let text = between(
                &html,
                &format!(r#"<script type="{DATA_TYPE}" id="{CARRIED}">"#),
                "</script></body>",
            );
            let replay = Replay::new(Recording::from_text(text).unwrap());
            let expected = gather_now(&engine, &state).unwrap();
            assert_eq!(gather_now(&replay, &state), Ok(expected), "{page}");
        }
        std::fs::remove_dir_all(&dist).unwrap();
    }

    #[test]
    fn a_limit_prerenders_home_the_not_found_page_and_the_newest_articles_only() {
        let (files, not_found) = prerendered("newest-6", Prerender::Newest(6));
        assert_eq!(files, with_articles(&NEWEST_FIRST[..6]));
        // The not-found page tells the app, and a reader without JavaScript, why.
        assert!(not_found.contains(r#"<meta name="folio-prerender" content="6" />"#));
        assert!(
            not_found.contains(&format!(r#"<p class="no-js-note">{NOTE}</p>"#)),
            "{not_found}"
        );
        let (files, _) = prerendered("newest-0", Prerender::Newest(0));
        assert_eq!(files, with_articles(&[]));
    }

    #[test]
    fn all_or_a_limit_past_the_corpus_prerenders_every_article() {
        for (name, prerender) in [("all", Prerender::All), ("newest-9", Prerender::Newest(9))] {
            let (files, not_found) = prerendered(name, prerender);
            assert_eq!(files, with_articles(&NEWEST_FIRST), "{name}");
            assert!(!not_found.contains("folio-prerender"), "{name}");
            assert!(!not_found.contains("no-js-note\">Only"), "{name}");
            assert!(not_found.contains("There is no article at this address."), "{name}");
        }
    }
}
