//! The reader's preferences and library as JSON: in local storage and in
//! the export file. Read and written by hand, because the derive-based
//! version (serde with serde-wasm-bindgen) brought float formatting and a
//! visitor per type into the download, 27 KB of wasm (11 KB gzipped) for five fields
//! and two lists of slugs.
//!
//! Stored text is hostile input (another app on the origin, an edited
//! file): [`parse`] never panics and bounds its nesting, and every field
//! that is missing or of the wrong kind falls back to its default on its
//! own, so one bad field does not cost the reader the rest.

use std::collections::BTreeSet;

use super::state::{Backup, Library, Prefs, Theme};

/// A parsed JSON value. Numbers are kept only as what they can mean here,
/// a non-negative integer; any other number is `Number(None)`.
#[derive(Clone, Debug, PartialEq)]
pub enum Json {
    Null,
    Bool(bool),
    Number(Option<u64>),
    Text(String),
    List(Vec<Json>),
    Map(Vec<(String, Json)>),
}

/// Deeper nesting than this is not anything folio wrote.
const MAX_DEPTH: usize = 32;

/// Parses one JSON value (surrounded by optional whitespace), or `None` if
/// `text` is not JSON.
pub fn parse(text: &str) -> Option<Json> {
    let mut parser = Parser { text, at: 0 };
    let value = parser.value(0)?;
    parser.space();
    (parser.at == text.len()).then_some(value)
}

struct Parser<'a> {
    text: &'a str,
    at: usize,
}

impl Parser<'_> {
    fn peek(&self) -> Option<u8> {
        self.text.as_bytes().get(self.at).copied()
    }

    fn space(&mut self) {
        while matches!(self.peek(), Some(b' ' | b'\t' | b'\n' | b'\r')) {
            self.at += 1;
        }
    }

    fn eat(&mut self, byte: u8) -> bool {
        self.space();
        let found = self.peek() == Some(byte);
        self.at += usize::from(found);
        found
    }

    fn word(&mut self, word: &str, value: Json) -> Option<Json> {
        self.text[self.at..].starts_with(word).then(|| {
            self.at += word.len();
            value
        })
    }

    fn value(&mut self, depth: usize) -> Option<Json> {
        if depth > MAX_DEPTH {
            return None;
        }
        self.space();
        match self.peek()? {
            b'n' => self.word("null", Json::Null),
            b't' => self.word("true", Json::Bool(true)),
            b'f' => self.word("false", Json::Bool(false)),
            b'"' => self.string().map(Json::Text),
            b'[' => {
                self.at += 1;
                let mut items = Vec::new();
                if !self.eat(b']') {
                    loop {
                        items.push(self.value(depth + 1)?);
                        if self.eat(b']') {
                            break;
                        }
                        if !self.eat(b',') {
                            return None;
                        }
                    }
                }
                Some(Json::List(items))
            }
            b'{' => {
                self.at += 1;
                let mut fields = Vec::new();
                if !self.eat(b'}') {
                    loop {
                        self.space();
                        let key = self.string()?;
                        if !self.eat(b':') {
                            return None;
                        }
                        fields.push((key, self.value(depth + 1)?));
                        if self.eat(b'}') {
                            break;
                        }
                        if !self.eat(b',') {
                            return None;
                        }
                    }
                }
                Some(Json::Map(fields))
            }
            _ => self.number(),
        }
    }

    /// JSON's number grammar; the value only if it is a whole number that
    /// fits a `u64`.
    fn number(&mut self) -> Option<Json> {
        let bytes = self.text.as_bytes();
        let start = self.at;
        let digits = |at: &mut usize| {
            let from = *at;
            while bytes.get(*at).is_some_and(u8::is_ascii_digit) {
                *at += 1;
            }
            *at > from
        };
        let mut at = start + usize::from(bytes.get(start) == Some(&b'-'));
        let whole = at;
        if !digits(&mut at) || (bytes[whole] == b'0' && at - whole > 1) {
            return None;
        }
        let integer = at;
        if bytes.get(at) == Some(&b'.') {
            at += 1;
            if !digits(&mut at) {
                return None;
            }
        }
        if matches!(bytes.get(at), Some(b'e' | b'E')) {
            at += 1;
            at += usize::from(matches!(bytes.get(at), Some(b'+' | b'-')));
            if !digits(&mut at) {
                return None;
            }
        }
        self.at = at;
        let natural = whole == start && integer == at;
        Some(Json::Number(
            natural.then(|| self.text[start..at].parse().ok()).flatten(),
        ))
    }

    fn string(&mut self) -> Option<String> {
        if self.peek() != Some(b'"') {
            return None;
        }
        self.at += 1;
        let mut out = String::new();
        loop {
            let rest = &self.text[self.at..];
            let plain = rest
                .find(['"', '\\'])
                .filter(|&end| !rest[..end].bytes().any(|b| b < 0x20))?;
            out.push_str(&rest[..plain]);
            self.at += plain + 1;
            if rest.as_bytes()[plain] == b'"' {
                return Some(out);
            }
            let escaped = match self.peek()? {
                b'u' => self.unicode()?,
                byte => {
                    self.at += 1;
                    match byte {
                        b'"' => '"',
                        b'\\' => '\\',
                        b'/' => '/',
                        b'b' => '\u{8}',
                        b'f' => '\u{c}',
                        b'n' => '\n',
                        b'r' => '\r',
                        b't' => '\t',
                        _ => return None,
                    }
                }
            };
            out.push(escaped);
        }
    }

    /// `uXXXX` after a backslash, with a second `\uXXXX` for a surrogate pair.
    fn unicode(&mut self) -> Option<char> {
        let hex = |parser: &mut Parser| {
            let digits = parser.text.get(parser.at..parser.at + 5)?.strip_prefix('u')?;
            parser.at += 5;
            if digits.starts_with('+') {
                return None;
            }
            u32::from_str_radix(digits, 16).ok()
        };
        let high = hex(self)?;
        if !(0xd800..0xdc00).contains(&high) {
            return char::from_u32(high);
        }
        if !self.text[self.at..].starts_with('\\') {
            return None;
        }
        self.at += 1;
        let low = hex(self)?;
        if !(0xdc00..0xe000).contains(&low) {
            return None;
        }
        char::from_u32(0x10000 + ((high - 0xd800) << 10) + (low - 0xdc00))
    }
}

impl Json {
    fn field(&self, name: &str) -> Option<&Json> {
        match self {
            Json::Map(fields) => fields.iter().rev().find(|(key, _)| key == name).map(|(_, value)| value),
            _ => None,
        }
    }

    fn flag(&self, name: &str, default: bool) -> bool {
        match self.field(name) {
            Some(Json::Bool(on)) => *on,
            _ => default,
        }
    }

    fn natural(&self, name: &str) -> Option<u64> {
        match self.field(name) {
            Some(Json::Number(n)) => *n,
            _ => None,
        }
    }

    /// The strings of a list field; anything else in it is skipped.
    fn strings(&self, name: &str) -> BTreeSet<String> {
        let mut set = BTreeSet::new();
        if let Some(Json::List(items)) = self.field(name) {
            set.extend(items.iter().filter_map(|item| match item {
                Json::Text(text) => Some(text.clone()),
                _ => None,
            }));
        }
        set
    }
}

/// Builds one JSON object, field by field.
struct Writer(String);

impl Writer {
    fn new() -> Writer {
        Writer(String::from("{"))
    }

    fn key(&mut self, name: &str) -> &mut String {
        if self.0.len() > 1 {
            self.0.push(',');
        }
        quote(&mut self.0, name);
        self.0.push(':');
        &mut self.0
    }

    fn raw(&mut self, name: &str, value: &str) {
        self.key(name).push_str(value);
    }

    fn text(&mut self, name: &str, value: &str) {
        quote(self.key(name), value);
    }

    fn strings(&mut self, name: &str, values: &BTreeSet<String>) {
        let out = self.key(name);
        out.push('[');
        for (i, value) in values.iter().enumerate() {
            if i > 0 {
                out.push(',');
            }
            quote(out, value);
        }
        out.push(']');
    }

    /// The read and saved slugs, as a library and a backup both hold them.
    fn library(&mut self, read: &BTreeSet<String>, saved: &BTreeSet<String>) {
        self.strings("read", read);
        self.strings("saved", saved);
    }

    fn done(mut self) -> String {
        self.0.push('}');
        self.0
    }
}

fn quote(out: &mut String, text: &str) {
    const HEX: &[u8; 16] = b"0123456789abcdef";
    out.push('"');
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            c if c < ' ' => {
                out.push_str("\\u00");
                out.push(HEX[c as usize >> 4] as char);
                out.push(HEX[c as usize & 15] as char);
            }
            c => out.push(c),
        }
    }
    out.push('"');
}

fn boolean(on: bool) -> &'static str {
    if on {
        "true"
    } else {
        "false"
    }
}

impl Prefs {
    /// The stored preferences; each field missing or unreadable is its default.
    pub fn from_json(json: &Json) -> Prefs {
        let default = Prefs::default();
        let theme = match json.field("theme") {
            Some(Json::Text(name)) => Theme::named(name),
            _ => None,
        };
        Prefs {
            theme: theme.unwrap_or(default.theme),
            text_size: json
                .natural("text_size")
                .and_then(|n| usize::try_from(n).ok())
                .unwrap_or(default.text_size),
            mark_read: json.flag("mark_read", default.mark_read),
            shortcuts: json.flag("shortcuts", default.shortcuts),
            highlight: json.flag("highlight", default.highlight),
        }
    }

    pub fn to_json(&self) -> String {
        let mut out = Writer::new();
        self.write(&mut out);
        out.done()
    }

    fn write(&self, out: &mut Writer) {
        out.text("theme", self.theme.name());
        out.raw("text_size", &self.text_size.to_string());
        out.raw("mark_read", boolean(self.mark_read));
        out.raw("shortcuts", boolean(self.shortcuts));
        out.raw("highlight", boolean(self.highlight));
    }
}

impl Library {
    pub fn from_json(json: &Json) -> Library {
        Library {
            read: json.strings("read"),
            saved: json.strings("saved"),
        }
    }

    pub fn to_json(&self) -> String {
        let mut out = Writer::new();
        out.library(&self.read, &self.saved);
        out.done()
    }
}

impl Backup {
    /// A backup as read from a file, before [`Backup::validate`]; `folio` is
    /// 0 when the file does not say which version it is.
    pub fn from_json(json: &Json) -> Backup {
        let Library { read, saved } = Library::from_json(json);
        Backup {
            folio: json.natural("folio").and_then(|n| u32::try_from(n).ok()).unwrap_or(0),
            prefs: json.field("prefs").map(Prefs::from_json).unwrap_or_default(),
            read,
            saved,
        }
    }

    pub fn to_json(&self) -> String {
        let mut out = Writer::new();
        out.raw("folio", &self.folio.to_string());
        let mut prefs = Writer::new();
        self.prefs.write(&mut prefs);
        out.raw("prefs", &prefs.done());
        out.library(&self.read, &self.saved);
        out.done()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn set(items: &[&str]) -> BTreeSet<String> {
        items.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn a_backup_is_written_as_the_documented_file_and_read_back() {
        let backup = Backup {
            folio: 1,
            prefs: Prefs {
                theme: Theme::Sepia,
                text_size: 3,
                mark_read: false,
                shortcuts: true,
                highlight: false,
            },
            read: set(&["a", "b-2"]),
            saved: set(&["b-2"]),
        };
        let text = backup.to_json();
        assert_eq!(
            text,
            r#"{"folio":1,"prefs":{"theme":"sepia","text_size":3,"mark_read":false,"shortcuts":true,"highlight":false},"read":["a","b-2"],"saved":["b-2"]}"#
        );
        assert_eq!(Backup::from_json(&parse(&text).unwrap()), backup);
        let library = Library {
            read: set(&["x"]),
            saved: BTreeSet::new(),
        };
        assert_eq!(library.to_json(), r#"{"read":["x"],"saved":[]}"#);
        assert_eq!(Library::from_json(&parse(&library.to_json()).unwrap()), library);
    }

    #[test]
    fn each_unreadable_field_falls_back_on_its_own() {
        let json = parse(
            r#" { "theme": "neon", "text_size": 2.5, "mark_read": false, "shortcuts": "no",
            "highlight": null, "extra": {"deep": [1, 2, {"x": -3e8}]} } "#,
        )
        .unwrap();
        let prefs = Prefs::from_json(&json);
        assert_eq!(
            prefs,
            Prefs {
                mark_read: false,
                ..Prefs::default()
            }
        );
        assert_eq!(Prefs::from_json(&parse("[1, 2]").unwrap()), Prefs::default());
        let json = parse(r#"{"read": ["ok", 7, null, ["nested"], "also"], "saved": "not a list"}"#).unwrap();
        assert_eq!(
            Library::from_json(&json),
            Library {
                read: set(&["also", "ok"]),
                saved: BTreeSet::new(),
            }
        );
        assert_eq!(Backup::from_json(&parse(r#"{"folio": 99999999999}"#).unwrap()).folio, 0);
    }

    #[test]
    fn strings_round_trip_whatever_they_hold() {
        let odd = "quote \" backslash \\ slash / newline \n tab \t bell \u{7} emoji 🦀 rtl \u{202e} nul \0";
        let mut out = String::new();
        quote(&mut out, odd);
        assert_eq!(parse(&out), Some(Json::Text(odd.into())));
        assert_eq!(
            parse(r#""\u00e9\ud83e\udd80\/\b\f\r""#),
            Some(Json::Text("é🦀/\u{8}\u{c}\r".into()))
        );
    }

    #[test]
    fn what_is_not_json_is_refused() {
        for text in [
            "",
            " ",
            "{",
            "}",
            "[1,]",
            "[,1]",
            "{\"a\"}",
            "{\"a\":1,}",
            "{a:1}",
            "\"open",
            "\"bad \\x escape\"",
            "\"\\ud83e alone\"",
            "\"\\ud83e\\x1234\"",
            "\"\\udd80\"",
            "\"\\u12\"",
            "\"\\u+123\"",
            "\"raw \n newline\"",
            "01",
            "-",
            "1.",
            "1e",
            ".5",
            "+1",
            "tru",
            "nul",
            "1 2",
            "[1] x",
            "\u{feff}{}",
        ] {
            assert_eq!(parse(text), None, "{text:?}");
        }
        assert_eq!(parse("-0"), Some(Json::Number(None)));
        assert_eq!(parse("18446744073709551615"), Some(Json::Number(Some(u64::MAX))));
        assert_eq!(parse("18446744073709551616"), Some(Json::Number(None)));
        assert_eq!(parse("1.5e-3"), Some(Json::Number(None)));
    }

    #[test]
    fn nesting_is_bounded() {
        let deep = |n: usize| format!("{}{}", "[".repeat(n), "]".repeat(n));
        assert!(parse(&deep(MAX_DEPTH)).is_some());
        assert_eq!(parse(&deep(MAX_DEPTH + 2)), None);
        assert_eq!(parse(&"[".repeat(1_000_000)), None);
    }
}
