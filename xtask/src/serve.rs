//! A plain static file server, like the hosts folio is deployed to: no
//! rewrites and no fallback to `index.html`. A missing file is a 404 (with
//! the site's `404.html` when it has one), so tests see what a reader on a
//! real static host would.

use std::collections::HashMap;
use std::fs::File;
use std::path::{Component, Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::thread::JoinHandle;

use tiny_http::{Header, Response, Server};

use crate::run::Fail;
use crate::throttle::{Link, Throttled};

/// A server running on its own thread.
pub struct Running {
    pub url: String,
    ready: Arc<AtomicBool>,
    _thread: JoinHandle<()>,
}

impl Running {
    /// From now on, serve the files (see [`start_building`]).
    pub fn ready(&self) {
        self.ready.store(true, Ordering::Release);
    }
}

/// Serves `dir` on `address` (port 0 picks a free one) under the URL path
/// `base` (`/` or `/news/`).
pub fn start(dir: &Path, address: &str, base: &str) -> Result<Running, Fail> {
    start_with(dir, address, base, &[])
}

/// Like [`start`], with `headers` added to every response (the benchmark
/// asks for cross-origin isolation, which gives it 5 µs timers instead of 100 µs).
pub fn start_with(dir: &Path, address: &str, base: &str, headers: &[(&str, &str)]) -> Result<Running, Fail> {
    let server = start_building(dir, address, base, headers)?;
    server.ready();
    Ok(server)
}

/// Like [`start_with`], as if over `link` (see [`crate::throttle`]).
pub fn start_throttled(
    dir: &Path,
    address: &str,
    base: &str,
    headers: &[(&str, &str)],
    link: Arc<Link>,
) -> Result<Running, Fail> {
    let server = listen(dir, address, base, headers, Some(link))?;
    server.ready();
    Ok(server)
}

/// Like [`start_with`], but until [`Running::ready`] is called every request
/// gets a "building…" page that reloads itself, never `dir` as it is: the
/// address is taken (and known) before a build, whose half-written or
/// previous output (made for another base path, say) must not be served.
pub fn start_building(dir: &Path, address: &str, base: &str, headers: &[(&str, &str)]) -> Result<Running, Fail> {
    listen(dir, address, base, headers, None)
}

fn listen(
    dir: &Path,
    address: &str,
    base: &str,
    headers: &[(&str, &str)],
    link: Option<Arc<Link>>,
) -> Result<Running, Fail> {
    let headers: Vec<Header> = headers
        .iter()
        .map(|(name, value)| Header::from_bytes(*name, *value).map_err(|()| Fail(format!("bad header {name}"))))
        .collect::<Result<_, _>>()?;
    let server = Server::http(address).map_err(|e| Fail(format!("cannot listen on {address}: {e}")))?;
    let port = server
        .server_addr()
        .to_ip()
        .map(|a| a.port())
        .ok_or_else(|| Fail("server has no IP address".into()))?;
    let host = address.rsplit_once(':').map_or(address, |(host, _)| host);
    let url = format!("http://{host}:{port}{base}");
    let dir = dir.to_path_buf();
    let base = base.to_string();
    let ready = Arc::new(AtomicBool::new(false));
    let shared = Arc::new((dir, base, headers, Compressed::default(), ready.clone(), link));
    let thread = std::thread::spawn(move || {
        for request in server.incoming_requests() {
            // One thread per request, as real servers answer in parallel:
            // a large file must not hold up the small ones.
            let shared = shared.clone();
            std::thread::spawn(move || {
                let (dir, base, headers, compressed, ready, link) = &*shared;
                let gzip = request
                    .headers()
                    .iter()
                    .any(|h| h.field.equiv("Accept-Encoding") && h.value.as_str().contains("gzip"));
                let mut response = if ready.load(Ordering::Acquire) {
                    respond(dir, base, request.url(), gzip.then_some(compressed))
                } else {
                    building()
                };
                for header in headers {
                    response.add_header(header.clone());
                }
                // A client that hung up is no concern of the server's.
                let _ = match link {
                    Some(link) => {
                        link.wait_round_trip();
                        let (status, headers, length) = (
                            response.status_code(),
                            response.headers().to_vec(),
                            response.data_length(),
                        );
                        let body = Throttled::new(response.into_reader(), link.clone());
                        request.respond(Response::new(status, headers, body, length, None))
                    }
                    None => request.respond(response),
                };
            });
        }
    });
    Ok(Running {
        url,
        ready,
        _thread: thread,
    })
}

/// Requests every top-level file of `dir` once, gzipped, so that measurements
/// see a warm host (compressed copies ready), as a CDN would have them.
pub fn warm(server: &Running, dir: &Path) {
    use std::io::{Read, Write};
    let Some(address) = server
        .url
        .strip_prefix("http://")
        .and_then(|rest| rest.split('/').next())
    else {
        return;
    };
    let path = server.url[7 + address.len()..].to_string();
    for entry in std::fs::read_dir(dir).into_iter().flatten().flatten() {
        let name = entry.file_name().to_string_lossy().into_owned();
        if let Ok(mut stream) = std::net::TcpStream::connect(address) {
            let request = format!("GET {path}{name} HTTP/1.0\r\nHost: {address}\r\nAccept-Encoding: gzip\r\n\r\n");
            let _ = stream.write_all(request.as_bytes());
            let _ = stream.read_to_end(&mut Vec::new());
        }
    }
}

/// Gzipped files by path and content, made once: hosts serve them compressed
/// ahead of time, not at every request.
#[derive(Default)]
struct Compressed(Mutex<HashMap<PathBuf, Copies>>);

/// A file as it was read, and gzipped.
type Copies = (Vec<u8>, Vec<u8>);

impl Compressed {
    /// `bytes` (the file `file` now) gzipped. Compressed with the cache
    /// unlocked: other requests must not wait for a large file's turn (the
    /// app's wasm, in `cargo xtask`'s unoptimised build, took seconds, and
    /// a page's start-up requests queued behind it past a test's timeout).
    fn get(&self, file: &Path, bytes: Vec<u8>) -> Vec<u8> {
        let cache = || self.0.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
        if let Some((original, gzipped)) = cache().get(file) {
            if *original == bytes {
                return gzipped.clone();
            }
        }
        let gzipped = crate::site::gzip(&bytes);
        cache().insert(file.to_path_buf(), (bytes, gzipped.clone()));
        gzipped
    }
}

/// Whether `bytes` are gzipped already (the split index's files): a host
/// serves them as they are.
fn is_gzip(bytes: &[u8]) -> bool {
    bytes.starts_with(&[0x1f, 0x8b])
}

/// The file for `url`, gzipped when the client accepts it (as static hosts
/// and CDNs do), or the site's 404 page.
fn respond(dir: &Path, base: &str, url: &str, gzip: Option<&Compressed>) -> Response<std::io::Cursor<Vec<u8>>> {
    let path = url.split(['?', '#']).next().unwrap_or("/");
    let file = path
        .strip_prefix(base.trim_end_matches('/'))
        .and_then(|rest| resolve(dir, rest));
    match file.and_then(|f| std::fs::read(&f).ok().map(|bytes| (f, bytes))) {
        Some((file, bytes)) if gzip.is_some() && !is_gzip(&bytes) => {
            Response::from_data(gzip.map(|c| c.get(&file, bytes)).unwrap_or_default())
                .with_header(content_type(&file))
                .with_header(Header::from_bytes("Content-Encoding", "gzip").expect("static header is valid"))
        }
        Some((file, bytes)) => Response::from_data(bytes).with_header(content_type(&file)),
        None => {
            let page = std::fs::read(dir.join("404.html")).unwrap_or_else(|_| b"not found".to_vec());
            Response::from_data(page)
                .with_status_code(404)
                .with_header(content_type(Path::new("404.html")))
        }
    }
}

/// What every request gets while the site is being built: 503 (so nothing
/// caches it), and a page that tries again every two seconds.
fn building() -> Response<std::io::Cursor<Vec<u8>>> {
    const PAGE: &str = "<!doctype html><meta charset=utf-8><meta http-equiv=refresh content=2>\
        <title>Building folio…</title><p>folio is building the site; this page reloads when it is ready.";
    Response::from_data(PAGE.as_bytes().to_vec())
        .with_status_code(503)
        .with_header(content_type(Path::new("building.html")))
        .with_header(Header::from_bytes("Retry-After", "2").expect("static header is valid"))
        .with_header(Header::from_bytes("Cache-Control", "no-store").expect("static header is valid"))
}

/// The file a URL path names inside `dir`: percent-decoded, never outside
/// `dir`, and `index.html` for a directory.
fn resolve(dir: &Path, url_path: &str) -> Option<PathBuf> {
    let decoded = percent_decode(url_path)?;
    let mut path = dir.to_path_buf();
    for component in Path::new(decoded.trim_start_matches('/')).components() {
        match component {
            Component::Normal(part) => path.push(part),
            Component::CurDir => {}
            _ => return None,
        }
    }
    if path.is_dir() {
        path.push("index.html");
    }
    File::open(&path).ok().map(|_| path)
}

fn percent_decode(text: &str) -> Option<String> {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' {
            let hex = text.get(i + 1..i + 3)?;
            out.push(u8::from_str_radix(hex, 16).ok()?);
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    String::from_utf8(out).ok()
}

fn content_type(file: &Path) -> Header {
    let kind = match file.extension().and_then(|e| e.to_str()) {
        Some("html") => "text/html; charset=utf-8",
        Some("js" | "mjs") => "text/javascript; charset=utf-8",
        Some("wasm") => "application/wasm",
        Some("css") => "text/css; charset=utf-8",
        Some("json" | "webmanifest") => "application/json",
        Some("svg") => "image/svg+xml",
        Some("png") => "image/png",
        Some("txt") => "text/plain; charset=utf-8",
        _ => "application/octet-stream",
    };
    Header::from_bytes("Content-Type", kind).expect("static header is valid")
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::{Read, Write};

    /// Status line and body of a plain GET.
    fn get(url: &str) -> (String, String) {
        let rest = url.strip_prefix("http://").expect("an http URL");
        let (address, path) = rest.split_at(rest.find('/').expect("a path"));
        let mut stream = std::net::TcpStream::connect(address).expect("the server listens");
        write!(stream, "GET {path} HTTP/1.0\r\nHost: {address}\r\n\r\n").expect("request sent");
        let mut answer = String::new();
        stream.read_to_string(&mut answer).expect("an answer");
        let (head, body) = answer.split_once("\r\n\r\n").expect("head and body");
        (head.lines().next().unwrap_or_default().to_string(), body.to_string())
    }

    #[test]
    fn a_site_being_built_is_not_served_until_ready() {
        let dir = std::env::temp_dir().join(format!("folio-serve-test-{}", std::process::id()));
        std::fs::create_dir_all(&dir).expect("a scratch directory");
        std::fs::write(dir.join("index.html"), "the previous build").expect("a page");
        let server = start_building(&dir, "127.0.0.1:0", "/news/", &[]).expect("listening");
        let (status, body) = get(&server.url);
        assert_eq!(status, "HTTP/1.0 503 Service Unavailable");
        assert!(body.contains("folio is building the site"), "{body}");
        server.ready();
        assert_eq!(
            get(&server.url),
            ("HTTP/1.0 200 OK".to_string(), "the previous build".to_string())
        );
        std::fs::remove_dir_all(&dir).expect("cleaned up");
    }
}
