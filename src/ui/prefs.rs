//! The reader's preferences: theme, text size, the reading layout (font,
//! line width, line spacing) and three switches, remembered across visits
//! (`src/ui/browser/storage.rs`) and carried in the export file.

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Theme {
    #[default]
    System,
    Light,
    Dark,
    Sepia,
}

impl Theme {
    pub const ALL: [Theme; 4] = [Theme::System, Theme::Light, Theme::Dark, Theme::Sepia];

    /// The theme called `name` (as [`Theme::name`] spells it), if any.
    pub fn named(name: &str) -> Option<Theme> {
        Theme::ALL.into_iter().find(|theme| theme.name() == name)
    }

    pub fn name(self) -> &'static str {
        match self {
            Theme::System => "system",
            Theme::Light => "light",
            Theme::Dark => "dark",
            Theme::Sepia => "sepia",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Theme::System => "Match system",
            Theme::Light => "Light",
            Theme::Dark => "Dark",
            Theme::Sepia => "Sepia",
        }
    }
}

/// Text sizes a reader can step through, as a scale of the base size.
pub const TEXT_SIZES: [u16; 7] = [85, 100, 115, 130, 150, 175, 200];

/// A setting of the reading layout: a few named options, each set as
/// `data-<key>` on `<html>` for the stylesheet, stored by name, and shown in
/// Settings as a group of radio buttons. One table for the three, so each
/// place that handles them (storage, the document, Settings) has one loop.
pub struct Layout {
    pub key: &'static str,
    pub legend: &'static str,
    /// Names (as stored and set) and labels.
    pub options: &'static [(&'static str, &'static str)],
    pub default: usize,
}

/// Font, line width and line spacing, as Reader View offers them.
pub const LAYOUTS: [Layout; 3] = [
    Layout {
        key: "font",
        legend: "Font",
        options: &[("serif", "Serif"), ("sans", "Sans-serif")],
        default: 0,
    },
    Layout {
        key: "width",
        legend: "Line width",
        options: &[("narrow", "Narrow"), ("medium", "Medium"), ("wide", "Wide")],
        default: 1,
    },
    Layout {
        key: "spacing",
        legend: "Line spacing",
        options: &[("tight", "Tight"), ("normal", "Normal"), ("loose", "Loose")],
        default: 1,
    },
];

impl Layout {
    /// The option called `name`, if any.
    pub fn named(&self, name: &str) -> Option<usize> {
        self.options.iter().position(|(option, _)| *option == name)
    }
}

/// Reading preferences, remembered across visits.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Prefs {
    pub theme: Theme,
    /// Index into [`TEXT_SIZES`].
    pub text_size: usize,
    /// Mark articles read when opened.
    pub mark_read: bool,
    /// Single-key shortcuts (`/`, `j`, `k`, `?`).
    pub shortcuts: bool,
    /// Highlight the search's matches in articles.
    pub highlight: bool,
    /// The option chosen of each of [`LAYOUTS`].
    pub layout: [usize; 3],
}

impl Default for Prefs {
    fn default() -> Self {
        Prefs {
            theme: Theme::System,
            text_size: 1,
            mark_read: true,
            shortcuts: true,
            highlight: true,
            layout: LAYOUTS.map(|layout| layout.default),
        }
    }
}

impl Prefs {
    /// The text scale in percent; a stored index out of range is the default.
    pub fn text_scale(&self) -> u16 {
        TEXT_SIZES.get(self.text_size).copied().unwrap_or(100)
    }

    /// The name of the option chosen of `LAYOUTS[i]`; a stored choice out
    /// of range is the default.
    pub fn layout_name(&self, i: usize) -> &'static str {
        let layout = &LAYOUTS[i];
        let chosen = layout.options.get(self.layout[i]);
        chosen.unwrap_or(&layout.options[layout.default]).0
    }
}
