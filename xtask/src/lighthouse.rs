//! `cargo xtask lighthouse`: Lighthouse 12.2.3 (npm, its own lock file in
//! benches/lighthouse) in its default mobile configuration, with Debian's
//! Chromium, on the home page and one article of the release site served by
//! the plain static server (gzip on, as hosts do).

use std::path::Path;
use std::process::Command;

use crate::run::{output, say, Fail};
use crate::{prerender, serve, setup, site};

const PAGES: [(&str, &str); 2] = [
    ("home", ""),
    (
        "article",
        "articles/kazakh-president-says-week-of-deadly-unrest-was-attempted-coup-without-citing/",
    ),
];

pub fn run_all(root: &Path) -> Result<(), Fail> {
    setup::test_tools(root)?;
    let tools = root.join("benches/lighthouse");
    setup::npm_packages(&tools)?;
    let dist = root.join("dist");
    let server = serve::start(&dist, "127.0.0.1:0", "/")?;
    site::build(root, "/", Some(crate::test::origin(&server.url)), prerender::DEFAULT)?;
    serve::warm(&server, &dist);
    let flags = "--headless --no-sandbox --disable-gpu --disable-quic --no-first-run --disable-background-networking \
                 --disable-component-update --disable-sync --disable-dev-shm-usage";
    println!("| page | performance | accessibility | best practices | SEO | LCP s | CLS | TBT ms |");
    println!("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
    for (name, path) in PAGES {
        let report = root.join(format!("target/lighthouse-{name}.json"));
        say(&format!("lighthouse {name}"));
        output(
            Command::new(tools.join("node_modules/.bin/lighthouse"))
                .arg(format!("{}{path}", server.url))
                .args([
                    "--output=json",
                    "--quiet",
                    "--only-categories=performance,accessibility,best-practices,seo",
                ])
                .arg(format!("--output-path={}", report.display()))
                .arg(format!("--chrome-flags={flags}"))
                .env("CHROME_PATH", setup::CHROMIUM),
        )?;
        let json = std::fs::read_to_string(&report).map_err(|e| Fail(format!("{}: {e}", report.display())))?;
        let score =
            |category: &str| number_after(&json, &format!("\"id\": \"{category}\""), "\"score\":").map(|s| s * 100.0);
        let audit = |id: &str| number_after(&json, &format!("\"{id}\": {{"), "\"numericValue\":");
        let show =
            |v: Option<f64>, scale: f64, digits: usize| v.map_or("?".into(), |v| format!("{:.*}", digits, v * scale));
        println!(
            "| {name} | {} | {} | {} | {} | {} | {} | {} |",
            show(score("performance"), 1.0, 0),
            show(score("accessibility"), 1.0, 0),
            show(score("best-practices"), 1.0, 0),
            show(score("seo"), 1.0, 0),
            show(audit("largest-contentful-paint"), 0.001, 2),
            show(audit("cumulative-layout-shift"), 1.0, 3),
            show(audit("total-blocking-time"), 1.0, 0),
        );
    }
    say("full reports: target/lighthouse-*.json");
    Ok(())
}

/// The first number after `field` that follows `anchor` in a JSON text.
fn number_after(json: &str, anchor: &str, field: &str) -> Option<f64> {
    let at = json.find(anchor)?;
    let rest = &json[at..];
    let value = &rest[rest.find(field)? + field.len()..];
    let end = value.find([',', '}', '\n'])?;
    value[..end].trim().parse().ok()
}
