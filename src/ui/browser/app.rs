//! Starting the app in a browser: start reaching the search engine (in
//! its worker), read where the reader is (URL) and what they keep
//! (storage), and take over the prerendered page (hydrate) from the
//! answers it carries; then move to where the reader really is.
//!
//! The page is already readable (it is prerendered), so nothing here is
//! urgent: each step runs as a task of its own, so a tap or a scroll is
//! never held up by all of them at once (Lighthouse counts every task over
//! 50 ms as blocking).

use std::rc::Rc;

use wasm_bindgen::JsCast;
use yew::prelude::*;

use super::{sidebar, storage, url};
use crate::bundled;
use crate::corpus::bundle::BundleError;
use crate::engine::later::Later;
use crate::engine::replay::{Recording, Replay, CARRIED};
use crate::engine::{remote, Engine, InProcess};
use crate::route::{Location, Prerender};
use crate::search::Index;
use crate::tasks::next_task;
use crate::ui::answers::{gather_now, Answers};
use crate::ui::library::Library;
use crate::ui::prefs::{Prefs, Theme};
use crate::ui::reader::{Reader, ReaderProps};
use crate::ui::state::{Arrival, State};

#[derive(Properties, PartialEq)]
struct LoadErrorProps {
    error: String,
}

/// What a reader sees if the app cannot start: a page that carries no
/// answers (not built by `cargo xtask dist`), or, in the browser tests, a
/// damaged bundle.
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

/// Why a page cannot start: it was not prerendered by `cargo xtask dist`
/// (a bare `trunk build`), so it carries no answers to hydrate from.
const NOT_BUILT: &str = "This page carries no answers to start from: build the site with `cargo xtask dist`.";

/// The props to hydrate the prerendered page with: the page's own state
/// (its path, default preferences) and the answers it carries for it, and
/// where to move once live.
fn hydrating(engine: Rc<dyn Engine>) -> Result<ReaderProps, String> {
    let start = read_start();
    let initial = State::new(
        start.prerendered.ok_or(NOT_BUILT)?,
        Prefs::default(),
        Library::default(),
    );
    let answers = carried(&initial).ok_or(NOT_BUILT)?;
    Ok(ReaderProps {
        engine,
        answers,
        base: start.base.into(),
        prerender: start.prerender,
        initial,
        arrival: Some(Arrival {
            location: start.location,
            prefs: start.prefs,
            library: start.library,
            sidebar: sidebar::shown(),
            // Read just before hydrating, which resets the box (`start`).
            typed: None,
        }),
    })
}

/// The answers a prerendered page carries (`<script id="folio-answers">`,
/// see `engine::replay`) for its `initial` state, if it carries them.
fn carried(initial: &State) -> Option<Answers> {
    let text = gloo::utils::document().get_element_by_id(CARRIED)?.text_content()?;
    let replay = Replay::new(Recording::from_text(&text)?);
    gather_now(&replay, initial).ok()
}

/// The bundled corpus, indexed in one go (the browser tests).
fn index() -> Result<Index, BundleError> {
    Ok(Index::new(bundled::articles()?))
}

fn in_process(index: Index) -> Rc<dyn Engine> {
    Rc::new(InProcess::new(index))
}

/// The web entry: hydrates the prerendered page from the answers it
/// carries, while the engine's worker starts alongside ([`Later`]: a
/// search typed meanwhile waits for it). Instantiating the wasm, reading
/// the start with the answers the page carries, and taking over the page
/// are tasks of their own; restoring the reader's state is the last
/// (`live::use_live`).
pub fn start() {
    crate::tasks::report_panics();
    wasm_bindgen_futures::spawn_local(async {
        next_task().await;
        let engine = Rc::new(Later::default());
        match hydrating(engine.clone()) {
            Ok(mut props) => {
                next_task().await;
                // Read last, as hydrating sets the box to the page's query:
                // keystrokes queue up while the app starts.
                if let Some(arrival) = &mut props.arrival {
                    arrival.typed = typed_search();
                }
                yew::Renderer::<Reader>::with_props(props).hydrate();
            }
            Err(error) => {
                yew::Renderer::<LoadError>::with_props(LoadErrorProps { error }).render();
            }
        }
        // The loader started the worker as it fetched this wasm: reaching
        // it waits only for what is still to come of it.
        let remote = remote::connect().await;
        engine.arrive(remote.map(|remote| Rc::new(remote) as Rc<dyn Engine>));
    });
}

/// Renders the app from scratch into `root`, from the bundled corpus in
/// this process (the browser tests).
pub fn mount(root: web_sys::Element) {
    let props = index().map_err(|e| e.to_string()).and_then(|index| {
        let engine = in_process(index);
        let start = read_start();
        let initial = State::new(start.location, start.prefs, start.library);
        Ok(ReaderProps {
            answers: gather_now(&*engine, &initial)?,
            engine,
            base: start.base.into(),
            prerender: start.prerender,
            initial,
            arrival: None,
        })
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
