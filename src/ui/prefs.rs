//! The reader's preferences: theme, text size and three switches,
//! remembered across visits (`src/ui/browser/storage.rs`) and carried in
//! the export file.

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
}

impl Default for Prefs {
    fn default() -> Self {
        Prefs {
            theme: Theme::System,
            text_size: 1,
            mark_read: true,
            shortcuts: true,
            highlight: true,
        }
    }
}

impl Prefs {
    /// The text scale in percent; a stored index out of range is the default.
    pub fn text_scale(&self) -> u16 {
        TEXT_SIZES.get(self.text_size).copied().unwrap_or(100)
    }
}
