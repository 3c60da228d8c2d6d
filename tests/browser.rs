//! Browser tests: the app mounted in a real document in headless Chromium,
//! run by `wasm-bindgen-test-runner` (`cargo xtask test` step 4).
#![cfg(target_arch = "wasm32")]

use wasm_bindgen_test::{wasm_bindgen_test, wasm_bindgen_test_configure};

wasm_bindgen_test_configure!(run_in_browser);

fn test_root() -> web_sys::Element {
    let document = gloo::utils::document();
    let root = document.create_element("div").expect("create a div");
    document.body().expect("a body").append_child(&root).expect("append");
    root
}

#[wasm_bindgen_test]
async fn app_renders_the_bundled_titles() {
    let root = test_root();
    yew::Renderer::<folio::ui::App>::with_root(root.clone()).render();
    yew::scheduler::flush().await;
    let text = root.text_content().unwrap_or_default();
    assert!(text.contains("9 articles"), "{text}");
    let titles = root.query_selector_all("ol.titles li").expect("query");
    assert_eq!(titles.length(), 9);
    assert_eq!(
        titles.item(3).and_then(|t| t.text_content()).as_deref(),
        Some("Arrest of a fugitive driver")
    );
}
