//! Starting the app in a browser: decode the bundled corpus, index it once,
//! read where the reader is (URL) and what they keep (storage), and either
//! take over the prerendered page (hydrate) or render from scratch.
//!
//! The page is already readable (it is prerendered), so nothing here is
//! urgent, but everything here blocks the main thread: each step runs as a
//! task of its own, so a tap or a scroll is never held up by all of them at
//! once (Lighthouse counts every task over 50 ms as blocking).
#![cfg(target_arch = "wasm32")]

use std::rc::Rc;

use yew::prelude::*;

use super::browser;
use super::reader::{Reader, ReaderProps};
use super::state::{Arrival, Library, Prefs, State};
use crate::bundled;
use crate::search::{Index, Indexing};

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
    error: AttrValue,
}

/// What a reader sees if the bundle cannot be read (a stale or damaged file).
#[component]
fn LoadError(props: &LoadErrorProps) -> Html {
    html! {
        <main id="main">
            <h1>{ "The articles could not be loaded" }</h1>
            <p>{ props.error.clone() }</p>
        </main>
    }
}

fn props(index: Rc<Index>) -> ReaderProps {
    let start = browser::start();
    match start.prerendered {
        // The page was prerendered for its path, with default preferences:
        // take it over as it is, then move to the real state.
        Some(page) => ReaderProps {
            index,
            base: start.base.into(),
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
            initial: State::new(start.location, start.prefs, start.library),
            arrival: None,
        },
    }
}

/// The bundled corpus, indexed in one go (the browser tests).
fn index() -> Result<Rc<Index>, String> {
    Ok(Rc::new(Index::new(bundled::articles()?)))
}

/// The bundled corpus, indexed in tasks of about [`TASK_MS`] each.
async fn index_in_tasks() -> Result<Rc<Index>, String> {
    let mut indexing = Indexing::new(bundled::articles()?);
    let mut task_start = js_sys::Date::now();
    while !indexing.step(WORDS_PER_STEP) {
        if js_sys::Date::now() - task_start > TASK_MS {
            browser::next_task().await;
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
/// (`browser::use_browser`).
pub fn start() {
    report_panics();
    wasm_bindgen_futures::spawn_local(async {
        browser::next_task().await;
        let props = index_in_tasks().await.map(props);
        browser::next_task().await;
        match props {
            Ok(mut props) => match props.arrival.as_mut() {
                Some(arrival) => {
                    // Read last: keystrokes queue up while the corpus is indexed.
                    arrival.typed = browser::typed_search();
                    yew::Renderer::<Reader>::with_props(props).hydrate();
                }
                None => {
                    yew::Renderer::<Reader>::with_props(props).render();
                }
            },
            Err(error) => {
                yew::Renderer::<LoadError>::with_props(LoadErrorProps { error: error.into() }).render();
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
            yew::Renderer::<LoadError>::with_root_and_props(root, LoadErrorProps { error: error.into() }).render();
        }
    }
}
