//! Fetching the split index's files, in the worker or the page. Each file
//! is stored gzipped (`cargo xtask dist`), so no host needs to compress it;
//! the browser's own `DecompressionStream` opens it. A host that adds its
//! own `Content-Encoding: gzip` on top is undone by the browser first, and
//! a file that then no longer starts with gzip's magic bytes is taken as
//! it is.

use js_sys::{Array, Promise, Uint8Array};
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::JsFuture;

#[wasm_bindgen]
extern "C" {
    /// The global `fetch`, in a window or a worker.
    #[wasm_bindgen(js_name = fetch)]
    fn fetch(url: &str) -> Promise;

    type Response;
    #[wasm_bindgen(constructor)]
    fn new(body: &Stream) -> Response;
    #[wasm_bindgen(method, getter)]
    fn ok(this: &Response) -> bool;
    #[wasm_bindgen(method, getter)]
    fn status(this: &Response) -> u16;
    #[wasm_bindgen(method, js_name = arrayBuffer)]
    fn array_buffer(this: &Response) -> Promise;

    type Blob;
    #[wasm_bindgen(constructor)]
    fn new(parts: &Array) -> Blob;
    #[wasm_bindgen(method)]
    fn stream(this: &Blob) -> Stream;

    type Stream;
    #[wasm_bindgen(method, js_name = pipeThrough)]
    fn pipe_through(this: &Stream, transform: &DecompressionStream) -> Stream;

    type DecompressionStream;
    #[wasm_bindgen(constructor, catch)]
    fn new(format: &str) -> Result<DecompressionStream, JsValue>;
}

/// gzip's first two bytes.
const GZIP: [u8; 2] = [0x1f, 0x8b];

/// Why a file could not be had.
pub struct Missed {
    /// The fetch itself failed, or its body broke off: the network is
    /// unreachable (offline, with the file not kept), not the file broken
    /// (an HTTP error, or bytes that do not open).
    pub unreachable: bool,
    /// What the reader is told, naming the file.
    pub message: String,
}

impl Missed {
    /// The file `name` could not be fetched at all.
    pub fn unreachable(name: &str) -> Missed {
        Missed {
            unreachable: true,
            message: format!("index file {name} could not be fetched (offline?)"),
        }
    }

    fn broken(message: String) -> Missed {
        Missed {
            unreachable: false,
            message,
        }
    }
}

/// The files `names` under `folder` (a URL ending in `/`), fetched all at
/// once (one round) and opened, each or why it could not be had. Each
/// fetch is awaited from the start: one that fails (offline) while an
/// earlier one is read would otherwise be an unhandled rejection.
pub async fn files(folder: &str, names: &[String]) -> Vec<Result<Vec<u8>, Missed>> {
    let fetches: Vec<JsFuture> = names.iter().map(|name| request(folder, name).into()).collect();
    let mut files = Vec::with_capacity(names.len());
    for (name, fetched) in names.iter().zip(fetches) {
        files.push(opened(name, fetched).await);
    }
    files
}

/// Starts fetching the file `name` under `folder`.
pub fn request(folder: &str, name: &str) -> Promise {
    fetch(&format!("{folder}{name}"))
}

/// The file `name` once `fetched` (a `fetch` of it) has come, opened.
pub async fn opened(name: &str, fetched: JsFuture) -> Result<Vec<u8>, Missed> {
    let response: Response = fetched.await.map_err(|_| Missed::unreachable(name))?.unchecked_into();
    if !response.ok() {
        return Err(Missed::broken(format!("index file {name}: HTTP {}", response.status())));
    }
    let bytes = JsFuture::from(response.array_buffer())
        .await
        .map_err(|_| Missed::unreachable(name))?;
    gunzipped(Uint8Array::new(&bytes).to_vec())
        .await
        .map_err(|()| Missed::broken(format!("index file {name} is not a gzip file")))
}

/// `bytes` decompressed if they are gzip, else as they are.
async fn gunzipped(bytes: Vec<u8>) -> Result<Vec<u8>, ()> {
    if !bytes.starts_with(&GZIP) {
        return Ok(bytes);
    }
    let parts = Array::of1(&Uint8Array::from(bytes.as_slice()));
    let gunzip = DecompressionStream::new("gzip").map_err(|_| ())?;
    let stream = Blob::new(&parts).stream().pipe_through(&gunzip);
    let buffer = JsFuture::from(Response::new(&stream).array_buffer())
        .await
        .map_err(|_| ())?;
    Ok(Uint8Array::new(&buffer).to_vec())
}
