//! Inside another site's page: the height the frame needs.

use wasm_bindgen::JsCast;
use yew::prelude::*;

/// When framed, tells the parent the page's height whenever it changes, so
/// the frame needs no scrollbar of its own.
#[hook]
pub(super) fn use_embed_height() {
    use_effect_with((), |_| {
        let window = gloo::utils::window();
        let observer = match window.parent() {
            Ok(Some(parent)) if parent != window => report_height(parent),
            _ => None,
        };
        move || {
            if let Some((observer, _)) = observer {
                observer.disconnect();
            }
        }
    });
}

/// Posts `{type: "folio:height", height}` to `parent` on every resize of
/// the page. The height is no secret, so any origin may read it; the loader
/// checks that messages come from folio (see static/embed.js).
fn report_height(
    parent: web_sys::Window,
) -> Option<(web_sys::ResizeObserver, wasm_bindgen::closure::Closure<dyn FnMut()>)> {
    let root = gloo::utils::document().document_element()?;
    let measured = root.clone();
    let post = wasm_bindgen::closure::Closure::<dyn FnMut()>::new(move || {
        let message = js_sys::Object::new();
        let _ = js_sys::Reflect::set(&message, &"type".into(), &"folio:height".into());
        let _ = js_sys::Reflect::set(&message, &"height".into(), &f64::from(measured.scroll_height()).into());
        let _ = parent.post_message(&message, "*");
    });
    let observer = web_sys::ResizeObserver::new(post.as_ref().unchecked_ref()).ok()?;
    observer.observe(&root);
    Some((observer, post))
}
