//! Browser tests: the app mounted in a real document in headless Chromium,
//! run by `wasm-bindgen-test-runner` (`cargo xtask test` step 4). They cover
//! what needs a browser: the DOM, the URL, and storage.
#![cfg(target_arch = "wasm32")]

use wasm_bindgen::JsCast;
use wasm_bindgen_test::{wasm_bindgen_test, wasm_bindgen_test_configure};
use web_sys::{Element, HtmlInputElement};

wasm_bindgen_test_configure!(run_in_browser);

/// Mounts the app in a fresh element and waits for it to render.
async fn mount() -> Element {
    let document = gloo::utils::document();
    let root = document.create_element("div").expect("create a div");
    document.body().expect("a body").append_child(&root).expect("append");
    folio::ui::browser::mount(root.clone());
    yew::scheduler::flush().await;
    root
}

fn text(root: &Element, selector: &str) -> String {
    root.query_selector(selector)
        .ok()
        .flatten()
        .and_then(|e| e.text_content())
        .unwrap_or_default()
}

fn storage() -> web_sys::Storage {
    gloo::utils::window()
        .local_storage()
        .ok()
        .flatten()
        .expect("local storage")
}

#[wasm_bindgen_test]
async fn the_list_shows_every_bundled_article() {
    let root = mount().await;
    assert_eq!(text(&root, "[role=status]"), "9 articles");
    let cards = root.query_selector_all("#results .card").expect("query");
    assert_eq!(cards.length(), 9);
    assert_eq!(
        text(&root, "#results .card-title"),
        "Kazakh President Says Week Of Deadly Unrest Was ‘Attempted Coup,’ Without Citing Evidence"
    );
    root.remove();
}

#[wasm_bindgen_test]
async fn typing_searches_and_puts_the_query_in_the_url() {
    let root = mount().await;
    let input: HtmlInputElement = root
        .query_selector("#search")
        .ok()
        .flatten()
        .expect("search box")
        .unchecked_into();
    input.set_value("Токаев");
    let event = web_sys::Event::new("input").expect("event");
    input.dispatch_event(&event).expect("dispatch");
    yew::scheduler::flush().await;
    assert_eq!(text(&root, "[role=status]"), "4 results for “Токаев”");
    let marks = root.query_selector_all("#results mark").expect("query");
    assert!(marks.length() >= 4, "every spelling is marked");
    let search = gloo::utils::window().location().search().unwrap_or_default();
    assert_eq!(search, "?q=%D0%A2%D0%BE%D0%BA%D0%B0%D0%B5%D0%B2");
    let history = gloo::utils::window().history().expect("history");
    history
        .replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some("/"))
        .expect("reset the URL");
    root.remove();
}

#[wasm_bindgen_test]
async fn corrupt_or_foreign_storage_is_ignored() {
    let storage = storage();
    storage.set_item("folio:/:prefs", "{not json").expect("set");
    storage
        .set_item("folio:/:library", "{\"read\": 42, \"saved\": [1, 2]}")
        .expect("set");
    let root = mount().await;
    assert_eq!(text(&root, "[role=status]"), "9 articles");
    let theme = gloo::utils::document()
        .document_element()
        .and_then(|e| e.get_attribute("data-theme"));
    assert_eq!(theme.as_deref(), Some("system"));
    storage.remove_item("folio:/:prefs").expect("clean up");
    storage.remove_item("folio:/:library").expect("clean up");
    root.remove();
}

#[wasm_bindgen_test]
async fn preferences_are_remembered() {
    let root = mount().await;
    let settings: web_sys::HtmlElement = root
        .query_selector(".site-header button")
        .ok()
        .flatten()
        .expect("settings button")
        .unchecked_into();
    settings.click();
    yew::scheduler::flush().await;
    let sepia: web_sys::HtmlElement = root
        .query_selector("#theme-sepia")
        .ok()
        .flatten()
        .expect("sepia")
        .unchecked_into();
    sepia.click();
    yew::scheduler::flush().await;
    let stored = storage().get_item("folio:/:prefs").ok().flatten().unwrap_or_default();
    assert!(stored.contains("\"theme\":\"sepia\""), "{stored}");
    storage().remove_item("folio:/:prefs").expect("clean up");
    root.remove();
}
