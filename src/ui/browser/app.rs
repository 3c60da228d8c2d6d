//! Starting the app in a browser: reach the search engine (in its worker,
//! which indexes the corpus there), read where the reader is (URL) and
//! what they keep (storage), ask the engine for what the page shows, and
//! either take over the prerendered page (hydrate) or render from scratch.
//!
//! The page is already readable (it is prerendered), so nothing here is
//! urgent: each step runs as a task of its own, so a tap or a scroll is
//! never held up by all of them at once (Lighthouse counts every task over
//! 50 ms as blocking).

use std::cell::RefCell;
use std::rc::Rc;

use wasm_bindgen::{JsCast, JsValue};
use yew::prelude::*;

use super::{storage, url};
use crate::bundled;
use crate::corpus::bundle::BundleError;
use crate::engine::later::Later;
use crate::engine::replay::{Recording, Replay, CARRIED};
use crate::engine::{remote, Engine, InProcess};
use crate::route::{Location, Prerender};
use crate::search::Index;
use crate::tasks::next_task;
use crate::ui::answers::{gather, Answers};
use crate::ui::library::Library;
use crate::ui::prefs::{Prefs, Theme};
use crate::ui::reader::{Reader, ReaderProps};
use crate::ui::state::{Arrival, State};

#[derive(Properties, PartialEq)]
struct LoadErrorProps {
    error: String,
}

/// What a reader sees if the engine cannot start (a stale or damaged
/// bundle).
#[component]
fn LoadError(props: &LoadErrorProps) -> Html {
    html! {
        <main id="main">
            <h1>{ "The articles could not be loaded" }</h1>
            <p>{ props.error.clone() }</p>
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

/// The props to render with, but the engine's answers: the state to
/// render, and where to move once live.
fn props(engine: Rc<dyn Engine>) -> ReaderProps {
    let start = read_start();
    match start.prerendered {
        // The page was prerendered for its path, with default preferences:
        // take it over as it is, then move to the real state.
        Some(page) => ReaderProps {
            engine,
            answers: Answers::default(),
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
            engine,
            answers: Answers::default(),
            base: start.base.into(),
            prerender: start.prerender,
            initial: State::new(start.location, start.prefs, start.library),
            arrival: None,
        },
    }
}

/// `props` with the engine's answers for its initial state: what the
/// prerendered page was rendered from, so hydrating it matches.
async fn answered(mut props: ReaderProps) -> Result<ReaderProps, String> {
    let out = Rc::new(RefCell::new(None));
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        let out = out.clone();
        gather(&*props.engine, &props.initial, move |answers| {
            *out.borrow_mut() = Some(answers);
            let _ = resolve.call0(&JsValue::NULL);
        });
    });
    let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
    let answers = out.borrow_mut().take();
    props.answers = answers.unwrap_or_else(|| Err("The search engine did not answer.".into()))?;
    Ok(props)
}

/// The bundled corpus, indexed in one go (the browser tests).
fn index() -> Result<Index, BundleError> {
    Ok(Index::new(bundled::articles()?))
}

fn in_process(index: Index) -> Rc<dyn Engine> {
    Rc::new(InProcess::new(index))
}

/// The answers a prerendered page carries for itself
/// (`<script id="folio-answers">`, see `engine::replay`), if it does and
/// they answer what `props` asks.
fn carried(props: &ReaderProps) -> Option<Answers> {
    props.arrival.as_ref()?;
    let text = gloo::utils::document().get_element_by_id(CARRIED)?.text_content()?;
    let replay = Replay::new(Recording::from_text(&text)?);
    crate::ui::answers::gather_now(&replay, &props.initial).ok()
}

/// The web entry: hydrates a prerendered page, or renders into the body.
/// A prerendered page hydrates from the answers it carries, while the
/// engine's worker starts alongside ([`Later`]); a page without them waits
/// for the engine's. Instantiating the wasm, each of the engine's answers
/// for the first view, and taking over the page are tasks of their own;
/// restoring the reader's state is the last (`live::use_live`).
pub fn start() {
    crate::tasks::report_panics();
    wasm_bindgen_futures::spawn_local(async {
        next_task().await;
        let engine = Rc::new(Later::default());
        let arriving = engine.clone();
        wasm_bindgen_futures::spawn_local(async move {
            let remote = remote::connect().await;
            arriving.arrive(remote.map(|remote| Rc::new(remote) as Rc<dyn Engine>));
        });
        let props = props(engine);
        let props = match carried(&props) {
            Some(answers) => Ok(ReaderProps { answers, ..props }),
            None => answered(props).await,
        };
        match props {
            Ok(mut props) => match props.arrival.as_mut() {
                Some(arrival) => {
                    // Read last: keystrokes queue up while the app starts.
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
    let engine = index().map(in_process).map_err(|e| e.to_string());
    let props = engine.and_then(|engine| {
        let mut props = props(engine);
        props.arrival = None;
        props.answers = crate::ui::answers::gather_now(&*props.engine, &props.initial)?;
        Ok(props)
    });
    match props {
        Ok(props) => {
            yew::Renderer::<Reader>::with_root_and_props(root, props).render();
        }
        Err(error) => {
            yew::Renderer::<LoadError>::with_root_and_props(root, LoadErrorProps { error }).render();
        }
    }
}
