//! The search engine's web worker: Trunk builds this for wasm32 (see
//! `index.html`), and `cargo xtask` appends the call that starts it in a
//! worker. The export lives here, not in the library: an export is kept in
//! every wasm that links the library, and the page's must not hold the
//! engine.

fn main() {}

/// Serves the engine's messages at `endpoint` (the worker's own scope, or a
/// `MessagePort` when the engine runs in the page) from the split index in
/// `folder`, a URL ending in `/`, whose entry may be on its way already
/// (`entry`: a `fetch` of it, or undefined).
#[cfg(target_arch = "wasm32")]
#[wasm_bindgen::prelude::wasm_bindgen]
pub fn serve(endpoint: wasm_bindgen::JsValue, folder: String, entry: wasm_bindgen::JsValue) {
    use wasm_bindgen::JsCast;
    folio::engine::serve::serve(endpoint.unchecked_into(), folder, entry.dyn_into().ok());
}
