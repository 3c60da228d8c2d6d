use std::rc::Rc;

use yew::prelude::*;

use super::reader::Reader;
use super::state::State;
use crate::bundled;
use crate::search::Index;

/// The browser entry: decodes the bundled corpus, indexes it once, reads
/// where the reader is (URL) and what they keep (storage), and renders the
/// [`Reader`].
#[component]
pub fn App() -> Html {
    let loaded = use_memo((), |_| {
        bundled::articles().map(|articles| Rc::new(Index::new(articles)))
    });
    match &*loaded {
        Ok(index) => {
            let (base, location, prefs, library) = start();
            let initial = State::new(location, prefs, library);
            html! { <Reader index={index.clone()} base={AttrValue::from(base)} {initial} /> }
        }
        Err(error) => html! {
            <main id="main">
                <h1>{ "The articles could not be loaded" }</h1>
                <p>{ error.clone() }</p>
            </main>
        },
    }
}

#[cfg(target_arch = "wasm32")]
fn start() -> (
    String,
    crate::route::Location,
    super::state::Prefs,
    super::state::Library,
) {
    super::browser::start()
}

/// Outside a browser there is no URL or storage: the list, with defaults.
#[cfg(not(target_arch = "wasm32"))]
fn start() -> (
    String,
    crate::route::Location,
    super::state::Prefs,
    super::state::Library,
) {
    ("/".into(), Default::default(), Default::default(), Default::default())
}
