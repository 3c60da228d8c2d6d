//! Building the release site into `dist/` and reporting what it weighs.

use std::io::Write as _;
use std::path::{Path, PathBuf};
use std::process::Command;

use base64::engine::general_purpose::STANDARD;
use base64::Engine as _;
use flate2::write::GzEncoder;
use flate2::Compression;
use folio::engine::replay::DATA_TYPE;
use folio::route::Prerender;
use sha2::{Digest, Sha256};

use crate::run::{run, say, Fail};
use crate::{archive, prerender, setup};

/// The release site in `dist/`, for serving under the URL path `base`
/// (`/` or `/news/`) at `origin` (when known, for canonical links): `trunk build --release` (with the npm `wasm-opt` on
/// PATH), its JavaScript glue minified, home, the not-found page and the
/// articles `prerender` takes prerendered, the service worker's file list,
/// and the Content-Security-Policy with the hash of Trunk's inline loader.
pub fn build(root: &Path, base: &str, origin: Option<&str>, prerender: Prerender) -> Result<PathBuf, Fail> {
    let seeds = std::env::var_os("FOLIO_SEEDS").map_or_else(|| root.join("seeds"), PathBuf::from);
    build_from(root, &seeds, &root.join("dist"), base, origin, prerender)
}

/// [`build`] with the corpus in `seeds`, into `dist`.
pub fn build_from(
    root: &Path,
    seeds: &Path,
    dist: &Path,
    base: &str,
    origin: Option<&str>,
    prerender: Prerender,
) -> Result<PathBuf, Fail> {
    setup::build_tools(root)?;
    let base = normalise_base(base);
    // The corpus is scanned first: a broken one fails here, with file:line,
    // before the long wasm build. The app's wasm holds no articles (the
    // index goes into `dist/index/`), so it is the same for every corpus.
    let corpus = archive::read(seeds)?;
    run(Command::new("trunk")
        .args(["build", "--release", "--public-url", &base, "--dist"])
        .arg(dist)
        .current_dir(root)
        .env_remove("FOLIO_SEEDS")
        .env("PATH", setup::path_with_npm_tools(root)))?;
    let dist = dist.to_path_buf();
    minify_glue(root, &dist)?;
    minify_css(&dist)?;
    engine_worker(root, &dist)?;
    let manifest = archive::write(&dist, corpus)?;
    let mut existing = Vec::new();
    collect(&dist, &mut existing).map_err(|e| Fail(format!("{}: {e}", dist.display())))?;
    let fitting = prerender::within_files(prerender, existing.len());
    if fitting != prerender {
        say(&format!(
            "prerendering fewer articles, so that the site keeps within {} files (some hosts' limit): \
             the app and the index are {}; `--prerender all` takes every article",
            prerender::SITE_FILES,
            existing.len()
        ));
    }
    prerender::prerender(&dist, &base, origin, fitting)?;
    service_worker(&dist, &base, manifest.as_ref())?;
    content_security_policy(&dist)?;
    report_sizes(&dist)?;
    Ok(dist)
}

/// Minifies wasm-bindgen's JavaScript glue with the npm `terser` (Trunk's
/// own minifier fails on it): 8.0 KB gzipped becomes 6.2. The file keeps
/// Trunk's name, whose hash still changes whenever the glue does.
fn minify_glue(root: &Path, dist: &Path) -> Result<(), Fail> {
    let entries = std::fs::read_dir(dist).map_err(|e| Fail(format!("{}: {e}", dist.display())))?;
    for path in entries.filter_map(|e| e.ok()).map(|e| e.path()) {
        let name = path.file_name().unwrap_or_default().to_string_lossy();
        if name.starts_with("folio-web-") && name.ends_with(".js") {
            run(Command::new("terser")
                .arg(&path)
                .args(["--module", "--compress", "--mangle", "--output"])
                .arg(&path)
                .env("PATH", setup::path_with_npm_tools(root)))?;
        }
    }
    Ok(())
}

/// Takes the comments and indentation out of the stylesheet (Trunk's
/// minifier is off: it would minify the HTML that xtask fills in): its
/// comments are for whoever edits it, and cost readers 0.6 KB gzipped. The
/// file keeps Trunk's name, whose hash still changes whenever the
/// stylesheet does.
fn minify_css(dist: &Path) -> Result<(), Fail> {
    let entries = std::fs::read_dir(dist).map_err(|e| Fail(format!("{}: {e}", dist.display())))?;
    for path in entries.filter_map(|e| e.ok()).map(|e| e.path()) {
        if path.extension().is_some_and(|e| e == "css") {
            let fail = |e: std::io::Error| Fail(format!("{}: {e}", path.display()));
            let css = std::fs::read_to_string(&path).map_err(fail)?;
            std::fs::write(&path, without_comments(&css)).map_err(fail)?;
        }
    }
    Ok(())
}

/// `css` without its comments, each line without its indentation, and
/// without blank lines. Quoted strings stay as they are.
fn without_comments(css: &str) -> String {
    let mut kept = String::with_capacity(css.len());
    let mut rest = css;
    let mut quote = None;
    while let Some(c) = rest.chars().next() {
        match quote {
            None if rest.starts_with("/*") => {
                rest = rest[2..].find("*/").map_or("", |end| &rest[2 + end + 2..]);
                continue;
            }
            None if c == '"' || c == '\'' => quote = Some(c),
            Some(q) if c == q => quote = None,
            _ => {}
        }
        kept.push(c);
        rest = &rest[c.len_utf8()..];
    }
    let lines: Vec<&str> = kept.lines().map(str::trim).filter(|l| !l.is_empty()).collect();
    lines.join("\n") + "\n"
}

/// Trunk names a worker's files after its bin, without a hash (a worker's
/// name is written into the code that starts it). The service worker
/// caches files by name for good, so a new engine (a new corpus) would
/// never reach a reader under the same name: the engine's wasm and module
/// are renamed here by their content's hash, the module is told the new
/// wasm name, and the page's loader the new module name (`@FOLIO_ENGINE@`
/// in Trunk.toml). The module also gets the two lines that start it when it
/// is a worker's script; imported into the page, it only defines `serve`.
fn engine_worker(root: &Path, dist: &Path) -> Result<(), Fail> {
    let read = |name: &str| std::fs::read(dist.join(name)).map_err(|e| Fail(format!("dist/{name}: {e}")));
    let wasm = read("folio-worker_bg.wasm")?;
    let wasm_name = format!("folio-worker-{}_bg.wasm", hex(&Sha256::digest(&wasm)[..8]));
    let glue = String::from_utf8(read("folio-worker.js")?).map_err(|e| Fail(format!("dist/folio-worker.js: {e}")))?;
    for needed in [
        "'folio-worker_bg.wasm'",
        "function __wbg_init(",
        "export function serve(",
    ] {
        if glue.matches(needed).count() != 1 {
            return Err(Fail(format!(
                "dist/folio-worker.js no longer has {needed} once; the engine's worker needs it"
            )));
        }
    }
    let glue = glue.replace("'folio-worker_bg.wasm'", &format!("'{wasm_name}'"))
        + "\n// The engine's worker serves its own messages (added by `cargo xtask`).\n\
           if (typeof WorkerGlobalScope !== 'undefined' && self instanceof WorkerGlobalScope) {\n  \
           const index = new URL('index/', import.meta.url).href;\n  \
           const entry = fetch(index + 'entry');\n  await __wbg_init();\n  serve(self, index, entry);\n}\n";
    let module = dist.join("folio-worker.js");
    std::fs::write(&module, glue).map_err(|e| Fail(format!("{}: {e}", module.display())))?;
    run(Command::new("terser")
        .arg(&module)
        .args(["--module", "--compress", "--mangle", "--output"])
        .arg(&module)
        .env("PATH", setup::path_with_npm_tools(root)))?;
    let minified = read("folio-worker.js")?;
    let module_name = format!("folio-worker-{}.js", hex(&Sha256::digest(&minified)[..8]));
    for (from, to) in [("folio-worker_bg.wasm", &wasm_name), ("folio-worker.js", &module_name)] {
        std::fs::rename(dist.join(from), dist.join(to)).map_err(|e| Fail(format!("dist/{from}: {e}")))?;
    }
    let page = dist.join("index.html");
    let html = std::fs::read_to_string(&page).map_err(|e| Fail(format!("{}: {e}", page.display())))?;
    if html.matches("@FOLIO_ENGINE@").count() != 1 {
        return Err(Fail("index.html's loader no longer names @FOLIO_ENGINE@ once".into()));
    }
    std::fs::write(&page, html.replace("@FOLIO_ENGINE@", &module_name))
        .map_err(|e| Fail(format!("{}: {e}", page.display())))
}

/// `news`, `/news` and `/news/` are all `/news/`.
pub fn normalise_base(base: &str) -> String {
    let trimmed = base.trim_matches('/');
    if trimmed.is_empty() {
        "/".to_string()
    } else {
        format!("/{trimmed}/")
    }
}

/// Fills in `sw.js`: the base path, a cache name that changes with every
/// build, and the app shell (the top-level files: pages, hashed scripts,
/// wasm, stylesheet, icon, manifest; and the index's entry). Article pages
/// and the index's other files are cached as they are read. For keeping
/// the whole archive offline, the index's `manifest` (its name, number of
/// files and total bytes, none of which grows with the archive), or `null`
/// when the entry holds the whole index.
fn service_worker(dist: &Path, base: &str, manifest: Option<&archive::Manifest>) -> Result<(), Fail> {
    let mut shell: Vec<String> = vec![base.to_string()];
    let mut names: Vec<String> = std::fs::read_dir(dist)
        .map_err(|e| Fail(format!("{}: {e}", dist.display())))?
        .filter_map(|e| e.ok())
        .filter(|e| e.path().is_file())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|name| name != "sw.js" && name != "index.html")
        .collect();
    // The index's entry: for a small archive, the whole index.
    names.push(format!("{}/{}", archive::FOLDER, folio::split::ENTRY));
    names.sort();
    shell.extend(names.iter().map(|name| format!("{base}{name}")));
    // The version follows the files' contents, not only their names: a
    // file with a fixed name (`embed.js`, `offline.js`) can change without
    // its name changing. Not the entry's, which the service worker fetches
    // network-first anyway: a new corpus need not renew the app's cache.
    let mut digest = Sha256::new();
    digest.update(base.as_bytes());
    for name in &names {
        digest.update(name.as_bytes());
        if !name.starts_with(archive::FOLDER) {
            let path = dist.join(name);
            digest.update(std::fs::read(&path).map_err(|e| Fail(format!("{}: {e}", path.display())))?);
        }
    }
    let version = hex(&digest.finalize()[..6]);
    let list = format!(
        "[{}]",
        shell.iter().map(|f| format!("{f:?}")).collect::<Vec<_>>().join(", ")
    );
    let path = dist.join("sw.js");
    let worker = std::fs::read_to_string(&path).map_err(|e| Fail(format!("{}: {e}", path.display())))?;
    let worker = worker
        .replace("@BASE@", base)
        .replace("@VERSION@", &version)
        .replace("@SHELL@", &list)
        .replace("@ARCHIVE@", &archive_constant(manifest));
    std::fs::write(&path, worker).map_err(|e| Fail(format!("{}: {e}", path.display())))
}

/// `sw.js`'s `ARCHIVE`: what keeping the whole archive offline downloads.
fn archive_constant(manifest: Option<&archive::Manifest>) -> String {
    manifest.map_or_else(
        || "null".to_string(),
        |m| serde_json::json!({ "manifest": m.name, "files": m.files, "bytes": m.bytes }).to_string(),
    )
}

/// Puts a strict Content-Security-Policy in every page: no inline script
/// but Trunk's loader, allowed by its hash, computed here after the build;
/// no inline style at all; WebAssembly compilation allowed.
fn content_security_policy(dist: &Path) -> Result<(), Fail> {
    let mut pages = Vec::new();
    collect(dist, &mut pages).map_err(|e| Fail(format!("{}: {e}", dist.display())))?;
    pages.retain(|p| p.extension().is_some_and(|e| e == "html"));
    for page in pages {
        let html = std::fs::read_to_string(&page).map_err(|e| Fail(format!("{}: {e}", page.display())))?;
        let hashes: Vec<String> = inline_scripts(&html)
            .map(|script| format!("'sha256-{}'", STANDARD.encode(Sha256::digest(script.as_bytes()))))
            .collect();
        let policy = format!(
            "default-src 'self'; script-src 'self' 'wasm-unsafe-eval' {}; style-src 'self'; img-src 'self' data:; \
             connect-src 'self'; font-src 'self'; manifest-src 'self'; worker-src 'self'; object-src 'none'; \
             base-uri 'self'; form-action 'self'",
            hashes.join(" ")
        );
        let charset = r#"<meta charset="utf-8" />"#;
        if !html.contains(charset) {
            return Err(Fail(format!(
                "{}: no <meta charset> to put the policy after",
                page.display()
            )));
        }
        let meta = format!("{charset}\n    <meta http-equiv=\"Content-Security-Policy\" content=\"{policy}\" />");
        std::fs::write(&page, html.replacen(charset, &meta, 1))
            .map_err(|e| Fail(format!("{}: {e}", page.display())))?;
    }
    Ok(())
}

/// The text of each inline `<script>` (one without `src`) in a page, but
/// the answers a prerendered page carries (data, which is never run).
fn inline_scripts(html: &str) -> impl Iterator<Item = &str> {
    let data = format!("type=\"{DATA_TYPE}\"");
    html.match_indices("<script").filter_map(move |(at, _)| {
        let open_end = at + html[at..].find('>')?;
        if html[at..open_end].contains("src=") || html[at..open_end].contains(&data) {
            return None;
        }
        let body = &html[open_end + 1..];
        Some(&body[..body.find("</script>")?])
    })
}

pub fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// Prints each file of `dist` with its raw and gzipped size.
fn report_sizes(dist: &Path) -> Result<(), Fail> {
    let mut files = Vec::new();
    collect(dist, &mut files).map_err(|e| Fail(format!("{}: {e}", dist.display())))?;
    files.sort();
    let (mut raw_total, mut gz_total) = (0, 0);
    let mut route_pages = 0;
    let (mut index_files, mut index_bytes) = (0, 0);
    let entry = Path::new(archive::FOLDER).join(folio::split::ENTRY);
    for file in &files {
        let name = file.strip_prefix(dist).unwrap_or(file);
        // One line for the (many, alike) route pages, one for the index's
        // files but its entry (stored gzipped already).
        if name.starts_with("articles") {
            route_pages += 1;
            continue;
        }
        let bytes = std::fs::read(file).map_err(|e| Fail(format!("{}: {e}", file.display())))?;
        if name == entry {
            say(&format!("{:<50} {:>9} B gzipped", name.display(), bytes.len()));
            continue;
        }
        if name.starts_with(archive::FOLDER) {
            index_files += 1;
            index_bytes += bytes.len();
            continue;
        }
        let gz = gzip_len(&bytes);
        raw_total += bytes.len();
        gz_total += gz;
        say(&format!(
            "{:<50} {:>9} B  {:>8} B gzipped",
            name.display(),
            bytes.len(),
            gz
        ));
    }
    say(&format!("{:<50} {route_pages:>9} files", "articles/*/index.html"));
    say(&format!(
        "{:<50} {index_files:>9} files, {index_bytes} B gzipped",
        format!("{}/* (but the entry)", archive::FOLDER)
    ));
    say(&format!(
        "{:<50} {raw_total:>9} B  {gz_total:>8} B gzipped",
        "total (without article pages and index files)"
    ));
    Ok(())
}

/// Every file under `dir`, at any depth.
pub fn collect(dir: &Path, files: &mut Vec<PathBuf>) -> std::io::Result<()> {
    for entry in std::fs::read_dir(dir)? {
        let path = entry?.path();
        if path.is_dir() {
            collect(&path, files)?;
        } else {
            files.push(path);
        }
    }
    Ok(())
}

/// The size of `bytes` gzipped at the level static hosts use (best).
pub fn gzip_len(bytes: &[u8]) -> usize {
    gzip(bytes).len()
}

pub fn gzip(bytes: &[u8]) -> Vec<u8> {
    let mut encoder = GzEncoder::new(Vec::new(), Compression::best());
    encoder.write_all(bytes).expect("writing to a Vec cannot fail");
    encoder.finish().expect("writing to a Vec cannot fail")
}

#[cfg(test)]
mod tests {
    use super::{service_worker, without_comments};

    /// The service worker's version for a `dist` holding `embed.js` with
    /// `embed`, and the index's entry with `entry`.
    fn version(dist: &std::path::Path, embed: &str, entry: &str) -> String {
        std::fs::create_dir_all(dist.join("index")).unwrap();
        std::fs::write(dist.join("sw.js"), "@VERSION@").unwrap();
        std::fs::write(dist.join("embed.js"), embed).unwrap();
        std::fs::write(dist.join("index/entry"), entry).unwrap();
        service_worker(dist, "/", None).unwrap();
        std::fs::read_to_string(dist.join("sw.js")).unwrap()
    }

    #[test]
    fn a_file_with_a_fixed_name_that_changes_renews_the_cache() {
        let dist = std::env::temp_dir().join(format!("folio-sw-{}", std::process::id()));
        let first = version(&dist, "one", "corpus");
        assert_eq!(version(&dist, "one", "corpus"), first);
        assert_ne!(version(&dist, "two", "corpus"), first);
        // A new corpus alone keeps the app's cache: the entry is fetched
        // network-first.
        assert_eq!(version(&dist, "one", "another corpus"), first);
        std::fs::remove_dir_all(&dist).unwrap();
    }

    #[test]
    fn stylesheets_lose_comments_and_indentation_but_not_strings() {
        let css = "/* Themes */\nhtml {\n  color: red; /* why */\n\n  --x: \"/* kept */\";\n}\n";
        assert_eq!(without_comments(css), "html {\ncolor: red;\n--x: \"/* kept */\";\n}\n");
    }
}
