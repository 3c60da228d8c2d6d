//! The reader's preferences and library as JSON: in local storage and in
//! the export file. `json.rs` reads and writes the text; here each type says
//! which fields it has, and every field that is missing or of the wrong
//! kind falls back to its default on its own, so one bad field does not
//! cost the reader the rest.

use crate::names::Names;

mod json;

use json::Writer;
pub use json::{parse, Json};

use super::backup::Backup;
use super::library::Library;
use super::prefs::{Prefs, Theme, LAYOUTS};

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
            layout: std::array::from_fn(|i| match json.field(LAYOUTS[i].key) {
                Some(Json::Text(name)) => LAYOUTS[i].named(name).unwrap_or(default.layout[i]),
                _ => default.layout[i],
            }),
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
        out.flag("mark_read", self.mark_read);
        out.flag("shortcuts", self.shortcuts);
        out.flag("highlight", self.highlight);
        for (i, layout) in LAYOUTS.iter().enumerate() {
            out.text(layout.key, self.layout_name(i));
        }
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
        write_library(&mut out, &self.read, &self.saved);
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
        write_library(&mut out, &self.read, &self.saved);
        out.done()
    }
}

/// The read and saved slugs, as a library and a backup both hold them.
fn write_library(out: &mut Writer, read: &Names, saved: &Names) {
    out.strings("read", read);
    out.strings("saved", saved);
}

#[cfg(test)]
mod tests {
    use super::*;

    fn set(items: &[&str]) -> Names {
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
                layout: [1, 2, 0],
            },
            read: set(&["a", "b-2"]),
            saved: set(&["b-2"]),
        };
        let text = backup.to_json();
        assert_eq!(
            text,
            r#"{"folio":1,"prefs":{"theme":"sepia","text_size":3,"mark_read":false,"shortcuts":true,"highlight":false,"font":"sans","width":"wide","spacing":"tight"},"read":["a","b-2"],"saved":["b-2"]}"#
        );
        assert_eq!(Backup::from_json(&parse(&text).unwrap()), backup);
        let library = Library {
            read: set(&["x"]),
            saved: Names::new(),
        };
        assert_eq!(library.to_json(), r#"{"read":["x"],"saved":[]}"#);
        assert_eq!(Library::from_json(&parse(&library.to_json()).unwrap()), library);
    }

    #[test]
    fn each_unreadable_field_falls_back_on_its_own() {
        let json = parse(
            r#" { "theme": "neon", "text_size": 2.5, "mark_read": false, "shortcuts": "no",
            "highlight": null, "font": "comic", "width": 2, "spacing": "loose",
            "extra": {"deep": [1, 2, {"x": -3e8}]} } "#,
        )
        .unwrap();
        let prefs = Prefs::from_json(&json);
        assert_eq!(
            prefs,
            Prefs {
                mark_read: false,
                layout: [0, 1, 2],
                ..Prefs::default()
            }
        );
        assert_eq!(Prefs::from_json(&parse("[1, 2]").unwrap()), Prefs::default());
        let json = parse(r#"{"read": ["ok", 7, null, ["nested"], "also"], "saved": "not a list"}"#).unwrap();
        assert_eq!(
            Library::from_json(&json),
            Library {
                read: set(&["also", "ok"]),
                saved: Names::new(),
            }
        );
        assert_eq!(Backup::from_json(&parse(r#"{"folio": 99999999999}"#).unwrap()).folio, 0);
    }
}
