//! A small JSON reader and writer, for what folio stores: objects of
//! booleans, whole numbers, strings and lists of strings. Written by hand,
//! because the derive-based version (serde with serde-wasm-bindgen) brought
//! float formatting and a visitor per type into the download, 27 KB of wasm
//! (11 KB gzipped) for five fields and two lists of slugs.
//!
//! Stored text is hostile input (another app on the origin, an edited
//! file): [`parse`] never panics and bounds its nesting, and the field
//! readers answer `None` or a default for anything of the wrong kind.

use crate::names::Names;

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
    pub(super) fn field(&self, name: &str) -> Option<&Json> {
        match self {
            Json::Map(fields) => fields.iter().rev().find(|(key, _)| key == name).map(|(_, value)| value),
            _ => None,
        }
    }

    pub(super) fn flag(&self, name: &str, default: bool) -> bool {
        match self.field(name) {
            Some(Json::Bool(on)) => *on,
            _ => default,
        }
    }

    pub(super) fn natural(&self, name: &str) -> Option<u64> {
        match self.field(name) {
            Some(Json::Number(n)) => *n,
            _ => None,
        }
    }

    /// The strings of a list field; anything else in it is skipped.
    pub(super) fn strings(&self, name: &str) -> Names {
        let mut set = Names::new();
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
pub(super) struct Writer(String);

impl Writer {
    pub(super) fn new() -> Writer {
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

    /// A value written already: a number, or an object from another `Writer`.
    pub(super) fn raw(&mut self, name: &str, value: &str) {
        self.key(name).push_str(value);
    }

    pub(super) fn flag(&mut self, name: &str, on: bool) {
        self.raw(name, if on { "true" } else { "false" });
    }

    pub(super) fn text(&mut self, name: &str, value: &str) {
        quote(self.key(name), value);
    }

    pub(super) fn strings(&mut self, name: &str, values: &Names) {
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

    pub(super) fn done(mut self) -> String {
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

#[cfg(test)]
mod tests {
    use super::*;

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
