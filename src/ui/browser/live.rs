//! The last step of the start-up: the page goes live.

use wasm_bindgen::{JsCast, JsValue};
use yew::prelude::*;

use crate::tasks::next_task;
use crate::ui::context::Ctx;
use crate::ui::state::{Action, Arrival};

/// In a task of its own (see `app`), once: a prerendered page moves to
/// where the reader really is (`arrival`), the service worker is registered
/// for offline reading, and `<html data-live>` says that the app is live
/// (the end-to-end tests wait for it before they act).
///
/// The service worker is part of this step, not a hook of its own, so that
/// it is registered before `data-live` is set: a test that waits for
/// `data-live` has seen every attempt (`tests/e2e/embed.test.mjs` counts
/// them inside a frame, where there must be none).
#[hook]
pub(super) fn use_live(ctx: &Ctx, arrival: Option<Arrival>) {
    let state = &ctx.state;
    let dispatch = ctx.state.dispatcher();
    let base = ctx.base.to_string();
    // Where the reader really is: a page prerendered for another
    // address (home for `?embed=…`) does not know it is embedded.
    let embedded = arrival
        .as_ref()
        .map_or(&state.location, |arrival| &arrival.location)
        .embed
        .is_some();
    let shown = state.location.clone();
    use_effect_with((), move |_| {
        wasm_bindgen_futures::spawn_local(async move {
            next_task().await;
            if let Some(arrival) = arrival {
                dispatch.dispatch(Action::Restore {
                    arrival: Box::new(arrival),
                    shown,
                });
            }
            if !embedded {
                register_service_worker(&base);
            }
            let _ = gloo::utils::document_element().set_attribute("data-live", "");
        });
    });
}

/// Offline reading: the service worker `cargo xtask` writes next to the
/// app; not inside another site's page. Reaching `serviceWorker` throws in
/// a sandboxed frame, so it is read without trusting it to exist; a failure
/// only means no offline copy.
fn register_service_worker(base: &str) {
    let navigator = gloo::utils::window().navigator();
    let container = js_sys::Reflect::get(&navigator, &JsValue::from_str("serviceWorker"))
        .ok()
        .and_then(|c| c.dyn_into::<web_sys::ServiceWorkerContainer>().ok());
    if let Some(container) = container {
        let options = web_sys::RegistrationOptions::new();
        options.set_scope(base);
        let registered = container.register_with_options(&format!("{base}sw.js"), &options);
        // Awaited so that a refusal is not an unhandled rejection.
        wasm_bindgen_futures::spawn_local(async move {
            let _ = wasm_bindgen_futures::JsFuture::from(registered).await;
        });
    }
}
