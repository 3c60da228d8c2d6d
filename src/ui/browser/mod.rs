//! The app in a browser: starting it ([`app`]), and everything it does to
//! the page beyond rendering, one hook per job: the page going live
//! (restoring the reader's state, the service worker), the height an
//! embedding page is told, the engine's requests and answers, the URL, storage, the document's title and
//! theme, focus, the keyboard, and whether the filters show beside the list. Then the export file.
//!
//! Every `cfg(target_arch)` of `ui` is in this module: the rest of `ui`
//! renders the same natively (prerendering, tests), where the hooks here do
//! nothing. In a browser, every failure of a web API (storage blocked in a
//! sandboxed iframe, say) leaves the app working.

#[cfg(target_arch = "wasm32")]
mod app;
#[cfg(target_arch = "wasm32")]
mod document;
#[cfg(target_arch = "wasm32")]
mod embed;
#[cfg(target_arch = "wasm32")]
mod engine;
#[cfg(target_arch = "wasm32")]
mod export;
#[cfg(target_arch = "wasm32")]
mod focus;
#[cfg(target_arch = "wasm32")]
mod keys;
#[cfg(target_arch = "wasm32")]
mod live;
#[cfg(target_arch = "wasm32")]
mod sidebar;
#[cfg(target_arch = "wasm32")]
mod storage;
#[cfg(target_arch = "wasm32")]
mod url;

use yew::prelude::*;

use super::context::Ctx;
use super::state::Arrival;

#[cfg(target_arch = "wasm32")]
pub use app::{mount, start};
#[cfg(target_arch = "wasm32")]
pub(super) use engine::use_engine;
#[cfg(target_arch = "wasm32")]
pub(super) use export::library_handlers;
#[cfg(target_arch = "wasm32")]
pub(super) use url::back_to_list;

/// Everything the app does to the page beyond rendering. The hooks' effects
/// run in this order, the order they had as one hook.
#[cfg(target_arch = "wasm32")]
#[hook]
pub(super) fn use_browser(ctx: &Ctx, arrival: Option<Arrival>) {
    live::use_live(ctx, arrival);
    embed::use_embed_height();
    url::use_url_sync(ctx);
    storage::use_persistence(ctx);
    document::use_document_meta(ctx);
    focus::use_focus(ctx);
    keys::use_shortcuts(ctx);
    sidebar::use_sidebar(ctx);
}

/// Prerendering and tests have no browser: nothing to wire up.
#[cfg(not(target_arch = "wasm32"))]
#[hook]
pub(super) fn use_browser(_ctx: &Ctx, _arrival: Option<Arrival>) {}

/// Prerendering and tests render from the answers they were given.
#[cfg(not(target_arch = "wasm32"))]
#[hook]
pub(super) fn use_engine(
    _engine: &std::rc::Rc<dyn crate::engine::Engine>,
    _state: &super::state::State,
    _answers: &UseReducerHandle<super::answers::Answers>,
) {
}

/// Without a history to go back through, back to the list is navigating.
#[cfg(not(target_arch = "wasm32"))]
pub(super) fn back_to_list(ctx: &Ctx, _from_list: bool) {
    ctx.dispatch(super::state::Action::List);
}

/// Export and import handlers: file work only exists in a browser.
#[cfg(not(target_arch = "wasm32"))]
pub(super) fn library_handlers(_: &Ctx, _: UseStateHandle<String>) -> (Callback<MouseEvent>, Callback<Event>) {
    (Callback::noop(), Callback::noop())
}
