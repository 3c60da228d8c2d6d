//! The browser search benchmark, built by `cargo xtask bench` with Trunk
//! from `benches/web/index.html`: for the corpus named in `?corpus=`, it
//! fetches its bundle and runs [`folio::bench::measure_app`] on the release
//! wasm (reading the memory before anything else is allocated), then fetches
//! the text and times parsing it, and writes one JSON report into `#report`.
//! One page load per corpus, so each starts with a fresh wasm memory.

fn main() {
    #[cfg(target_arch = "wasm32")]
    wasm_bindgen_futures::spawn_local(browser::run());
}

#[cfg(target_arch = "wasm32")]
mod browser {
    use wasm_bindgen::{JsCast, JsValue};
    use wasm_bindgen_futures::JsFuture;

    /// Bytes of wasm linear memory: everything the app holds, corpus included.
    fn memory_bytes() -> usize {
        wasm_bindgen::memory()
            .dyn_into::<js_sys::WebAssembly::Memory>()
            .map(|m| m.buffer().unchecked_into::<js_sys::ArrayBuffer>().byte_length() as usize)
            .unwrap_or(0)
    }

    async fn fetch_bytes(url: &str) -> Result<Vec<u8>, JsValue> {
        let window = web_sys::window().ok_or("no window")?;
        let response: web_sys::Response = JsFuture::from(window.fetch_with_str(url)).await?.dyn_into()?;
        if !response.ok() {
            return Err(format!("{url}: HTTP {}", response.status()).into());
        }
        let buffer = JsFuture::from(response.array_buffer()?).await?;
        Ok(js_sys::Uint8Array::new(&buffer).to_vec())
    }

    pub async fn run() {
        let document = gloo::utils::document();
        let report = document.get_element_by_id("report").expect("the page has #report");
        let search = gloo::utils::window().location().search().unwrap_or_default();
        let name = search.trim_start_matches("?corpus=").to_string();
        let performance = gloo::utils::window().performance().expect("performance");
        let now = move || performance.now();
        let line = match run_one(&name, &now).await {
            Ok(result) => serde_json::to_string(&result).unwrap_or_default(),
            Err(error) => format!("{{\"corpus\": {name:?}, \"error\": {error:?}}}"),
        };
        report.set_text_content(Some(&line));
        report.set_attribute("data-done", "true").expect("set attribute");
    }

    async fn run_one(name: &str, now: &dyn Fn() -> f64) -> Result<folio::bench::Report, String> {
        let stem = name.trim_end_matches(".txt");
        let bundle = fetch_bytes(&format!("corpora/{stem}.bundle"))
            .await
            .map_err(|e| format!("{e:?}"))?;
        // Held for the rest of the page's life, as the app holds its bundle.
        let bundle: &'static [u8] = Box::leak(bundle.into_boxed_slice());
        let mut report = folio::bench::measure_app(name, bundle, now, &|_| memory_bytes())?;
        let text = fetch_bytes(&format!("corpora/{name}"))
            .await
            .map_err(|e| format!("{e:?}"))?;
        report.parse_ms = folio::bench::parse(name, &text, now)?.1;
        report.text_mb = text.len() as f64 / 1e6;
        Ok(report)
    }
}
