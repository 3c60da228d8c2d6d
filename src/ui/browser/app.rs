//! Starting the app in a browser: decode the bundled corpus, index it once,
//! read where the reader is (URL) and what they keep (storage), and either
//! take over the prerendered page (hydrate) or render from scratch.
//!
//! The page is already readable (it is prerendered), so nothing here is
//! urgent, but everything here blocks the main thread: each step runs as a
//! task of its own, so a tap or a scroll is never held up by all of them at
//! once (Lighthouse counts every task over 50 ms as blocking).

use std::rc::Rc;

use wasm_bindgen::{JsCast, JsValue};
use yew::prelude::*;

use super::{storage, url};
use crate::bundled;
use crate::corpus::bundle::BundleError;
use crate::route::{Location, Prerender};
use crate::search::{Index, Indexing};
use crate::ui::library::Library;
use crate::ui::prefs::{Prefs, Theme};
use crate::ui::reader::{Reader, ReaderProps};
use crate::ui::state::{Arrival, State};

/// How long indexing at start may hold the page before it yields, in
/// milliseconds of the reader's own device: well under the 50 ms that make
/// a task "long" (one that delays a tap, and that Lighthouse counts as
/// blocking). A fixed number of words per task was either too many for a
/// slow phone on cold code or too few, with a yield's cost, on a desktop.
const TASK_MS: f64 = 10.0;

/// Words indexed between looks at the clock: a fraction of a millisecond.
const WORDS_PER_STEP: usize = 1_000;

#[derive(Properties, PartialEq)]
struct LoadErrorProps {
    error: BundleError,
}

/// What a reader sees if the bundle cannot be read (a stale or damaged file).
#[component]
fn LoadError(props: &LoadErrorProps) -> Html {
    html! {
        <main id="main">
            <h1>{ "The articles could not be loaded" }</h1>
            <p>{ props.error.to_string() }</p>
        </main>
    }
}

/// What the app starts from.
struct Start {
    /// The site's base path, from `<base href>` (which Trunk fills in).
    base: String,
    /// Where the reader is.
    location: Location,
    prefs: Prefs,
    library: Library,
    /// The page the HTML was prerendered for (`<meta name="folio-page">`),
    /// if it was.
    prerendered: Option<Location>,
    /// Which articles have a page of their own (`<meta name="folio-prerender">`,
    /// there when only the newest do).
    prerender: Prerender,
}

/// The content of `<meta name="{name}">`, if the page has one.
fn meta_content(name: &str) -> Option<String> {
    gloo::utils::document()
        .query_selector(&format!("meta[name={name}]"))
        .ok()
        .flatten()
        .and_then(|meta| meta.get_attribute("content"))
}

fn read_start() -> Start {
    let base = url::base_path();
    let location = url::current_location(&base);
    let prerendered = meta_content("folio-page").map(|path| Location::parse(&path, "", &base));
    let prerender = meta_content("folio-prerender")
        .and_then(|limit| Prerender::parse(&limit))
        .unwrap_or_default();
    let mut prefs = storage::prefs(&base);
    // An embedding page's theme wins, for this view only.
    if let Some(theme) = location.embed.as_ref().and_then(|e| e.theme.as_deref()) {
        if let Some(theme) = Theme::named(theme) {
            prefs.theme = theme;
        }
    }
    Start {
        prefs,
        library: storage::library(&base),
        base,
        location,
        prerendered,
        prerender,
    }
}

/// What the reader typed into the prerendered search box before the app
/// took it over, if anything: the app carries on from there.
fn typed_search() -> Option<String> {
    let input = gloo::utils::document().get_element_by_id("search")?;
    let text = input.dyn_into::<web_sys::HtmlInputElement>().ok()?.value();
    (!text.is_empty()).then_some(text)
}

/// Resolves in a later task of the event loop, so what follows the `await`
/// does not lengthen the task that awaited it. A message to itself, not a
/// zero timeout: browsers make nested timeouts wait at least 4 ms, which
/// indexing in many small tasks would pay each time.
pub(super) async fn next_task() {
    let promise = js_sys::Promise::new(&mut |resolve, _| match web_sys::MessageChannel::new() {
        Ok(channel) => {
            channel.port1().set_onmessage(Some(&resolve));
            let _ = channel.port2().post_message(&JsValue::UNDEFINED);
        }
        Err(_) => {
            let _ = gloo::utils::window().set_timeout_with_callback(&resolve);
        }
    });
    let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
}

fn props(index: Rc<Index>) -> ReaderProps {
    let start = read_start();
    match start.prerendered {
        // The page was prerendered for its path, with default preferences:
        // take it over as it is, then move to the real state.
        Some(page) => ReaderProps {
            index,
            base: start.base.into(),
            prerender: start.prerender,
            initial: State::new(page, Prefs::default(), Library::default()),
            arrival: Some(Arrival {
                location: start.location,
                prefs: start.prefs,
                library: start.library,
                typed: None,
            }),
        },
        None => ReaderProps {
            index,
            base: start.base.into(),
            prerender: start.prerender,
            initial: State::new(start.location, start.prefs, start.library),
            arrival: None,
        },
    }
}

/// The bundled corpus, indexed in one go (the browser tests).
fn index() -> Result<Rc<Index>, BundleError> {
    Ok(Rc::new(Index::new(bundled::articles()?)))
}

/// The bundled corpus, indexed in tasks of about [`TASK_MS`] each.
async fn index_in_tasks() -> Result<Rc<Index>, BundleError> {
    let mut indexing = Indexing::new(bundled::articles()?);
    let mut task_start = js_sys::Date::now();
    while !indexing.step(WORDS_PER_STEP) {
        if js_sys::Date::now() - task_start > TASK_MS {
            next_task().await;
            task_start = js_sys::Date::now();
        }
    }
    Ok(Rc::new(indexing.finish()))
}

/// Reports a panic on the console as `folio panic: …` (the end-to-end
/// tests fail on any console error), before the abort that follows.
fn report_panics() {
    std::panic::set_hook(Box::new(|info| {
        web_sys::console::error_1(&format!("folio panic: {info}").into());
    }));
}

/// The web entry: hydrates a prerendered page, or renders into the body.
/// Instantiating the wasm, indexing (in tasks of about [`TASK_MS`]; the
/// last also reads the URL and storage) and taking over the page are tasks
/// of their own; restoring the reader's state is the last
/// (`live::use_live`).
pub fn start() {
    report_panics();
    wasm_bindgen_futures::spawn_local(async {
        next_task().await;
        let props = index_in_tasks().await.map(props);
        next_task().await;
        match props {
            Ok(mut props) => match props.arrival.as_mut() {
                Some(arrival) => {
                    // Read last: keystrokes queue up while the corpus is indexed.
                    arrival.typed = typed_search();
                    yew::Renderer::<Reader>::with_props(props).hydrate();
                }
                None => {
                    yew::Renderer::<Reader>::with_props(props).render();
                }
            },
            Err(error) => {
                yew::Renderer::<LoadError>::with_props(LoadErrorProps { error }).render();
            }
        }
    });
}

/// Renders the app from scratch into `root` (the browser tests).
pub fn mount(root: web_sys::Element) {
    match index().map(props) {
        Ok(mut props) => {
            props.arrival = None;
            yew::Renderer::<Reader>::with_root_and_props(root, props).render();
        }
        Err(error) => {
            yew::Renderer::<LoadError>::with_root_and_props(root, LoadErrorProps { error }).render();
        }
    }
}
