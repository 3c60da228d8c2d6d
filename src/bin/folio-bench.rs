//! The browser search benchmark, built by `cargo xtask bench` with Trunk
//! from `benches/web/index.html`: for each corpus named in `?corpora=`, it
//! fetches the file, runs [`folio::bench::measure`] on the release wasm, and
//! writes one JSON report per line into `#report`.

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
            .map(|m| {
                m.buffer()
                    .unchecked_into::<js_sys::ArrayBuffer>()
                    .byte_length() as usize
            })
            .unwrap_or(0)
    }

    async fn fetch_bytes(url: &str) -> Result<Vec<u8>, JsValue> {
        let window = web_sys::window().ok_or("no window")?;
        let response: web_sys::Response = JsFuture::from(window.fetch_with_str(url))
            .await?
            .dyn_into()?;
        if !response.ok() {
            return Err(format!("{url}: HTTP {}", response.status()).into());
        }
        let buffer = JsFuture::from(response.array_buffer()?).await?;
        Ok(js_sys::Uint8Array::new(&buffer).to_vec())
    }

    pub async fn run() {
        let document = gloo::utils::document();
        let report = document
            .get_element_by_id("report")
            .expect("the page has #report");
        let search = gloo::utils::window()
            .location()
            .search()
            .unwrap_or_default();
        let corpora = search.trim_start_matches("?corpora=").to_string();
        let performance = gloo::utils::window().performance().expect("performance");
        let now = move || performance.now();
        let mut lines = vec![format!(
            "{{\"memory_before_mb\": {}}}",
            memory_bytes() as f64 / 1e6
        )];
        for name in corpora.split(',').filter(|n| !n.is_empty()) {
            let line = match fetch_bytes(&format!("corpora/{name}")).await {
                Ok(bytes) => match folio::bench::measure(name, &bytes, &now, &|_| memory_bytes()) {
                    Ok(result) => serde_json::to_string(&result).unwrap_or_default(),
                    Err(error) => format!("{{\"corpus\": {name:?}, \"error\": {error:?}}}"),
                },
                Err(error) => format!(
                    "{{\"corpus\": {name:?}, \"error\": {:?}}}",
                    format!("{error:?}")
                ),
            };
            lines.push(line);
            report.set_text_content(Some(&lines.join("\n")));
        }
        report
            .set_attribute("data-done", "true")
            .expect("set attribute");
    }
}
