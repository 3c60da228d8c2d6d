//! The URL follows the state, and Back and Forward move the state.

use gloo::events::EventListener;
use wasm_bindgen::JsValue;
use yew::prelude::*;

use crate::route::Location;
use crate::ui::context::Ctx;
use crate::ui::state::{Action, HistoryStep};

/// The site's base path, from `<base href>` (which Trunk fills in).
pub(super) fn base_path() -> String {
    let uri = gloo::utils::document().base_uri().ok().flatten().unwrap_or_default();
    web_sys::Url::new(&uri)
        .map(|url| url.pathname())
        .unwrap_or_else(|_| "/".into())
}

/// Where the address bar says the reader is.
pub(super) fn current_location(base: &str) -> Location {
    let location = gloo::utils::window().location();
    Location::parse(
        &location.pathname().unwrap_or_default(),
        &location.search().unwrap_or_default(),
        base,
    )
}

/// A new history entry or a changed one, as the reducer's
/// [`HistoryStep`] says, whenever the location differs from the address;
/// and the location the address says when the reader goes Back or Forward.
#[hook]
pub(super) fn use_url_sync(ctx: &Ctx) {
    let state = &ctx.state;
    {
        let base = ctx.base.to_string();
        use_effect_with((state.location.clone(), state.step), move |(location, step)| {
            let href = location.href(&base);
            let here = gloo::utils::window().location();
            let current = format!(
                "{}{}",
                here.pathname().unwrap_or_default(),
                here.search().unwrap_or_default()
            );
            if let (true, Ok(history)) = (href != current, gloo::utils::window().history()) {
                let _ = match step {
                    HistoryStep::Push => history.push_state_with_url(&JsValue::NULL, "", Some(&href)),
                    HistoryStep::Replace => history.replace_state_with_url(&JsValue::NULL, "", Some(&href)),
                    HistoryStep::None => Ok(()),
                };
            }
        });
    }
    {
        let dispatch = ctx.state.dispatcher();
        let base = ctx.base.to_string();
        use_effect_with((), move |_| {
            let listener = EventListener::new(&gloo::utils::window(), "popstate", move |_| {
                dispatch.dispatch(Action::Arrived(current_location(&base)));
            });
            move || drop(listener)
        });
    }
}

/// Back to the list: through history when the reader came from it (so the
/// list's entry, scroll and all, is reused), else by navigating.
pub fn back_to_list(ctx: &Ctx, from_list: bool) {
    match gloo::utils::window().history() {
        Ok(history) if from_list => {
            let _ = history.back();
        }
        _ => ctx.dispatch(Action::List),
    }
}
