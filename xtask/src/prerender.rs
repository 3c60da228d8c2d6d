//! Prerendering: every page a reader can land on is rendered to HTML at build
//! time by the app's own components (Yew's server renderer), so its content,
//! title, description and canonical link are there before any script runs.
//! The app then takes the page over (hydration) without redrawing it.

use std::path::{Path, PathBuf};
use std::rc::Rc;

use folio::corpus;
use folio::engine::{Engine, InProcess, LocalEngine};
use folio::route::{Location, Page};
use folio::search::Index;
use folio::ui::answers::{gather_now, Answers};
use folio::ui::library::Library;
use folio::ui::meta::{page_meta, SITE};
use folio::ui::prefs::Prefs;
use folio::ui::state::State;
use folio::ui::{Reader, ReaderProps};
use yew::LocalServerRenderer;

use crate::run::{say, Fail};

/// Renders the home page, every article and the not-found page into `dist`
/// (which Trunk built with `base` as its public URL), using the corpus in
/// `seeds`. With the site's origin (`https://example.org`), pages get
/// canonical links and Open Graph URLs, which must be absolute. Returns how
/// many pages were written.
pub fn prerender(dist: &Path, seeds: &Path, base: &str, origin: Option<&str>) -> Result<usize, Fail> {
    let sources = corpus::read_sources(&[seeds.to_path_buf()]).map_err(|e| Fail(e.to_string()))?;
    let articles = corpus::parse(&sources).map_err(|e| Fail(e.to_string()))?.articles;
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
    let engine = Rc::new(InProcess::new(LocalEngine::new(Index::new(articles))));
    let mut pages: Vec<(PathBuf, Location)> = vec![(dist.join("index.html"), Location::default())];
    for article in engine.engine().index().articles() {
        let location = Location {
            page: Page::Article(article.slug.clone()),
            ..Location::default()
        };
        pages.push((dist.join("articles").join(&article.slug).join("index.html"), location));
    }
    pages.push((
        dist.join("404.html"),
        Location {
            page: Page::NotFound,
            ..Location::default()
        },
    ));
    let runtime = tokio::runtime::Builder::new_current_thread()
        .build()
        .map_err(|e| Fail(format!("tokio: {e}")))?;
    for (path, location) in &pages {
        let (body, answers) = runtime.block_on(render(engine.clone(), base, location.clone()))?;
        let html = page(&template, &answers, base, origin, location, &body);
        if let Some(dir) = path.parent() {
            std::fs::create_dir_all(dir).map_err(|e| Fail(format!("{}: {e}", dir.display())))?;
        }
        std::fs::write(path, html).map_err(|e| Fail(format!("{}: {e}", path.display())))?;
    }
    say(&format!("prerendered {} pages", pages.len()));
    Ok(pages.len())
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

/// The page at `location`, and the engine's answers it was rendered from.
async fn render(engine: Rc<InProcess>, base: &str, location: Location) -> Result<(String, Answers), Fail> {
    let initial = State::new(location, Prefs::default(), Library::default());
    let answers = gather_now(&*engine, &initial).map_err(Fail)?;
    let engine: Rc<dyn Engine> = engine;
    let props = ReaderProps {
        engine,
        answers: answers.clone(),
        base: base.to_string().into(),
        initial,
        arrival: None,
    };
    Ok((LocalServerRenderer::<Reader>::with_props(props).render().await, answers))
}

/// The template with the page's title, description, canonical link, Open
/// Graph tags, the marker that tells the app which page this is, and the
/// rendered body.
fn page(
    template: &str,
    answers: &Answers,
    base: &str,
    origin: Option<&str>,
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
    let head = format!(
        r#"<meta name="description" content="{description}" />
    <meta name="folio-page" content="{path}" />{canonical}
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
