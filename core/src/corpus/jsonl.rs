//! JSON Lines input (`*.jsonl`): one article object per line, for people who
//! bring articles exported from elsewhere.
//!
//! ```json
//! {"title": "…", "body": "First paragraph.\n\nSecond.", "publisher": "DPA", "date": "2022-01-10", "url": "https://…", "source": "…"}
//! ```
//!
//! `title` and `body` are required; `body` is a string with paragraphs
//! separated by blank lines, or an array of paragraphs. Unknown fields are
//! ignored, so richer exports load as they are.

use serde::Deserialize;

use super::date::Date;
use super::draft::Draft;
use super::model::PublisherOrigin;
use super::source::{self, clean};
use super::Diagnostic;

#[derive(Deserialize)]
struct Record {
    title: Option<String>,
    body: Option<Body>,
    publisher: Option<String>,
    date: Option<String>,
    url: Option<String>,
    source: Option<String>,
    copyright: Option<String>,
}

#[derive(Deserialize)]
#[serde(untagged)]
enum Body {
    Text(String),
    Paragraphs(Vec<String>),
}

/// Parses one JSON Lines file into drafts, pushing warnings and errors.
pub fn parse(file: &str, text: &str, diagnostics: &mut Vec<Diagnostic>) -> Vec<Draft> {
    (1..)
        .zip(text.split('\n'))
        .filter_map(|(line, raw)| parse_line(file, line, raw, diagnostics))
        .collect()
}

/// The draft on line `line` (`raw`, without its `\n`), if it holds one:
/// a file read a line at a time gives the drafts [`parse`] gives.
pub fn parse_line(file: &str, line: usize, raw: &str, diagnostics: &mut Vec<Diagnostic>) -> Option<Draft> {
    let raw = raw.trim();
    if raw.is_empty() {
        return None;
    }
    let record: Record = match serde_json::from_str(raw) {
        Ok(record) => record,
        Err(e) => {
            // serde_json says "at line 1 column N": the line is ours to give.
            let message = e.to_string();
            let message = message.rsplit_once(" at line ").map_or(message.as_str(), |(m, _)| m);
            diagnostics.push(Diagnostic::error(
                file,
                line,
                format!("not a JSON article object: {message} at column {}", e.column()),
            ));
            return None;
        }
    };
    let title = record.title.as_deref().map(clean).unwrap_or_default();
    if title.is_empty() {
        diagnostics.push(Diagnostic::error(
            file,
            line,
            "article has no title: the record needs a non-empty \"title\"",
        ));
        return None;
    }
    let Some(body) = record.body else {
        diagnostics.push(Diagnostic::error(
            file,
            line,
            "article has no body: the record needs a \"body\"",
        ));
        return None;
    };
    let mut draft = Draft::new(file, line, title);
    let nonempty = |s: Option<String>| s.map(|s| clean(&s).into_owned()).filter(|s| !s.is_empty());
    draft.publisher = nonempty(record.publisher).map(|p| (p, PublisherOrigin::Given));
    draft.source = nonempty(record.source);
    draft.copyright = nonempty(record.copyright);
    draft.url = nonempty(record.url);
    if let Some(date) = nonempty(record.date) {
        draft.given_date = Date::parse(&date);
        if draft.given_date.is_none() {
            diagnostics.push(Diagnostic::warning(
                file,
                line,
                format!("date “{date}” is not a date folio reads (use ISO 8601, 2022-01-10); the date is taken from the text"),
            ));
        }
    }
    let paragraphs: Vec<String> = match body {
        Body::Text(text) => vec![text],
        Body::Paragraphs(list) => list,
    };
    for paragraph in &paragraphs {
        push_paragraphs(&mut draft, paragraph, line);
    }
    if draft.blocks.is_empty() {
        diagnostics.push(Diagnostic::warning(
            file,
            line,
            format!("article “{}” has no text", draft.title),
        ));
    }
    Some(draft)
}

/// Adds the paragraphs of one body string: blank lines separate paragraphs,
/// single line breaks are spaces.
fn push_paragraphs(draft: &mut Draft, text: &str, line: usize) {
    let mut paragraph: Vec<&str> = Vec::new();
    let lines = source::lines(text);
    for (i, l) in lines.iter().enumerate() {
        paragraph.push(&l.text);
        if lines.get(i + 1).is_none_or(|next| next.after_blank) {
            draft.push_text(&paragraph.join(" "), line, paragraph.len() == 1);
            paragraph.clear();
        }
    }
}
