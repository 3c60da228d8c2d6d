//! What the page and the engine's worker both do with the event loop:
//! yield to it, and report a panic on the console before the abort.

use wasm_bindgen::JsValue;

/// Resolves in a later task of the event loop, so what follows the `await`
/// does not lengthen the task that awaited it. A message to itself, not a
/// zero timeout: browsers make nested timeouts wait at least 4 ms, which
/// indexing in many small tasks would pay each time. (Where no channel can
/// be made, it resolves at once.)
pub async fn next_task() {
    // Held until its message has come: a channel nothing refers to may be
    // collected with the message still in it, and the task never comes.
    let channel = web_sys::MessageChannel::new().ok();
    let promise = js_sys::Promise::new(&mut |resolve, _| match &channel {
        Some(channel) => {
            channel.port1().set_onmessage(Some(&resolve));
            let _ = channel.port2().post_message(&JsValue::UNDEFINED);
        }
        None => {
            let _ = resolve.call0(&JsValue::UNDEFINED);
        }
    });
    let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
    drop(channel);
}

/// Reports a panic on the console as `folio panic: …` (the end-to-end
/// tests fail on any console error), before the abort that follows: in
/// the page, and in the engine's worker, whose abort the page would only
/// see as a closure "invoked after being dropped".
pub fn report_panics() {
    std::panic::set_hook(Box::new(|info| {
        web_sys::console::error_1(&format!("folio panic: {info}").into());
    }));
}
