//! Where messages go between the page and the engine: a `Worker` seen from
//! the page, the worker's own global scope seen from inside, or a
//! `MessagePort` when the engine runs in the page. All three have
//! `postMessage` and `onmessage`; messages are the codec's bytes.

use wasm_bindgen::prelude::*;

#[wasm_bindgen]
extern "C" {
    /// Anything with `postMessage` and `onmessage`.
    pub type Endpoint;

    #[wasm_bindgen(method, structural, js_name = postMessage)]
    fn post_message(this: &Endpoint, message: &JsValue);

    #[wasm_bindgen(method, structural, setter)]
    pub fn set_onmessage(this: &Endpoint, handler: Option<&js_sys::Function>);

    /// A worker's: its script could not be loaded or run. (On a port, an
    /// unused property.)
    #[wasm_bindgen(method, structural, setter)]
    pub fn set_onerror(this: &Endpoint, handler: Option<&js_sys::Function>);
}

impl Endpoint {
    pub fn post(&self, bytes: &[u8]) {
        self.post_message(&js_sys::Uint8Array::from(bytes));
    }
}

/// The bytes a message event carries (none if it carries something else).
pub fn bytes_of(event: &JsValue) -> Vec<u8> {
    js_sys::Reflect::get(event, &JsValue::from_str("data"))
        .ok()
        .and_then(|data| data.dyn_into::<js_sys::Uint8Array>().ok())
        .map(|data| data.to_vec())
        .unwrap_or_default()
}
