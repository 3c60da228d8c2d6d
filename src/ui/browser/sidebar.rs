//! Whether the screen shows the filters beside the list (`State::sidebar`):
//! read when the page goes live, then followed as the window is resized or
//! the phone turned.

use gloo::events::EventListener;
use yew::prelude::*;

use crate::ui::context::Ctx;
use crate::ui::state::Action;

/// The stylesheet's breakpoint for the sidebar (`static/folio.css`, the
/// `min-width` media query that lays the list out in two columns).
const WIDE: &str = "(min-width: 60rem)";

fn query() -> Option<web_sys::MediaQueryList> {
    gloo::utils::window().match_media(WIDE).ok().flatten()
}

/// Whether the filters show beside the list now.
pub(super) fn shown() -> bool {
    query().is_some_and(|query| query.matches())
}

/// Follows the screen crossing the breakpoint.
#[hook]
pub(super) fn use_sidebar(ctx: &Ctx) {
    let dispatch = ctx.state.dispatcher();
    use_effect_with((), move |_| {
        let listener = query().map(|query| {
            let target = query.clone();
            EventListener::new(&target, "change", move |_| {
                dispatch.dispatch(Action::Sidebar(query.matches()))
            })
        });
        move || drop(listener)
    });
}
