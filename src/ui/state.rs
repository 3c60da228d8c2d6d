//! The app's one state and its reducer: components dispatch actions, the
//! reducer returns the next state, and the hooks in `src/ui/browser/`
//! derive the URL, the document title and storage from it. No web APIs
//! here, so the rules (what Back does, what gets remembered) are tested
//! natively. What the state holds for the reader lives beside it: the
//! preferences (`prefs.rs`), the library (`library.rs`) and the export
//! file (`backup.rs`).

use std::rc::Rc;

use yew::Reducible;

use super::backup::Backup;
use super::library::Library;
use super::prefs::{Prefs, Theme, TEXT_SIZES};
use crate::catalog::{Facet, Sort};
use crate::corpus::Date;
use crate::route::{Location, Page};

/// Results shown at first, and added by "Show more".
pub const PAGE_SIZE: usize = 20;

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Panel {
    #[default]
    None,
    /// The filters, as a panel on phones.
    Filters,
    Settings,
    Shortcuts,
}

/// How the URL should follow the last change.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum HistoryStep {
    /// A new entry: Back returns to where the reader was.
    #[default]
    Push,
    /// Change the current entry: typing a search, letter by letter.
    Replace,
    /// The URL already says it (the reader went Back or Forward).
    None,
}

/// What the browser knows that a prerendered page cannot: the full URL
/// (the page was rendered for its path only), the stored preferences, what
/// the reader typed into the search box before the app was live, and
/// whether the screen shows the filters beside the list.
#[derive(Clone, Debug, PartialEq)]
pub struct Arrival {
    pub location: Location,
    pub prefs: Prefs,
    pub library: Library,
    pub typed: Option<String>,
    pub sidebar: bool,
}

#[derive(Clone, Debug, PartialEq)]
pub struct State {
    pub location: Location,
    pub step: HistoryStep,
    /// The reader is typing a search that has its own history entry already.
    pub typing: bool,
    pub limit: usize,
    /// The list's scroll position, to return to it from an article.
    pub list_scroll: f64,
    /// The article was opened from the list in this visit (so Back returns there).
    pub from_list: bool,
    pub prefs: Prefs,
    pub library: Library,
    pub panel: Panel,
    /// The screen is wide enough to show the filters beside the list. Only
    /// then, or with their panel open, are the filters' values rendered: a
    /// phone never shows them otherwise, and at 10,000 articles they were
    /// two thirds of home's elements (362 of 573), to send, lay out,
    /// hydrate and update on every keystroke. A prerendered page has none,
    /// since its renderer cannot know the screen (see `Action::Restore`).
    pub sidebar: bool,
    /// The timeline's bars being dragged across: the one pressed, and the
    /// one under the pointer now.
    pub drag: Option<(usize, usize)>,
}

impl State {
    /// The state of a visit that starts at `location`: an article the
    /// reader lands on (a shared link, a reload, a new tab from an embed)
    /// is opened, so it is read, as one opened from the list is.
    pub fn new(location: Location, prefs: Prefs, library: Library) -> State {
        let mut state = State {
            location,
            step: HistoryStep::None,
            typing: false,
            limit: PAGE_SIZE,
            list_scroll: 0.0,
            from_list: false,
            prefs,
            library,
            panel: Panel::None,
            sidebar: false,
            drag: None,
        };
        state.mark_read();
        state
    }

    /// Whether the filters' values are on screen: beside the list, or in
    /// their open panel. Only then are they rendered, and counted.
    pub fn filters_shown(&self) -> bool {
        self.sidebar || self.panel == Panel::Filters
    }

    /// Marks the article shown as read, if the reader wants that.
    fn mark_read(&mut self) {
        if let Page::Article(slug) = &self.location.page {
            if self.prefs.mark_read {
                self.library.read.insert(slug.clone());
            }
        }
    }
}

#[derive(Clone, Debug)]
pub enum Action {
    /// The search box changed.
    Type(String),
    /// The reader pressed Enter or left the search box: the search is one to come back to.
    Commit,
    ToggleFilter(Facet, String),
    /// Only articles of these dates (both included), or of any.
    Dates(Option<(Date, Date)>),
    /// The timeline's bars dragged across (see [`State::drag`]), or none.
    Drag(Option<(usize, usize)>),
    ClearFilters,
    ToggleSavedOnly,
    Sort(Sort),
    /// Open an article, remembering where the list was scrolled.
    Open {
        slug: String,
        scroll: f64,
    },
    /// Go to the list (the search kept).
    List,
    /// Search for what the page names (a person): a new search, with no
    /// filters.
    Search(String),
    /// The browser moved through history: adopt the URL as it is.
    Arrived(Location),
    /// After taking over a prerendered page: where the reader really is,
    /// and what they keep. `shown` is where the page was rendered for: a
    /// reader who already acted on the live page (typed, opened, filtered)
    /// stays where that took them, and keeps what they read and saved.
    Restore {
        arrival: Box<Arrival>,
        shown: Location,
    },
    MoreResults,
    /// The screen became wide enough to show the filters beside the list,
    /// or too narrow.
    Sidebar(bool),
    Theme(Theme),
    TextSize(isize),
    /// Option `.1` of the reading layout's setting `.0` (`prefs::LAYOUTS`).
    Layout(usize, usize),
    MarkRead(bool),
    Shortcuts(bool),
    Highlight(bool),
    ToggleSave(String),
    Import(Backup),
    Panel(Panel),
}

impl Reducible for State {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let mut next = (*self).clone();
        // Most actions are new places in history; the exceptions say so.
        next.step = HistoryStep::Push;
        match action {
            Action::Type(text) => next.type_query(text),
            Action::Commit => {
                next.typing = false;
                next.step = HistoryStep::None;
            }
            Action::ToggleFilter(facet, value) => {
                let set = next.location.filters.values_mut(facet);
                if !set.remove(&value) {
                    set.insert(value);
                }
                next.after_list_change();
            }
            Action::Dates(dates) => {
                next.location.filters.dates = dates;
                next.drag = None;
                next.after_list_change();
            }
            Action::Drag(drag) => {
                next.drag = drag;
                next.step = HistoryStep::None;
            }
            Action::ClearFilters => {
                next.location.filters = Default::default();
                next.location.saved = false;
                next.after_list_change();
            }
            Action::ToggleSavedOnly => {
                next.location.saved = !next.location.saved;
                next.after_list_change();
            }
            Action::Sort(sort) => {
                next.location.sort = sort;
                next.after_list_change();
            }
            Action::Open { slug, scroll } => {
                if self.location.page == Page::List {
                    next.list_scroll = scroll;
                    next.from_list = true;
                }
                next.location.page = Page::Article(slug);
                next.mark_read();
                next.typing = false;
                next.panel = Panel::None;
            }
            Action::List => {
                next.location.page = Page::List;
                next.typing = false;
            }
            Action::Search(query) => {
                next.location = Location {
                    query,
                    embed: next.location.embed.take(),
                    ..Location::default()
                };
                next.panel = Panel::None;
                next.after_list_change();
            }
            Action::Arrived(location) => {
                next.location = location;
                next.mark_read();
                next.step = HistoryStep::None;
                next.typing = false;
                next.panel = Panel::None;
            }
            Action::Restore { arrival, shown } => {
                next.step = HistoryStep::None;
                if self.location == shown {
                    next.location = arrival.location;
                    if let Some(text) = arrival.typed.filter(|text| *text != next.location.query) {
                        next.type_query(text);
                    }
                }
                // The prerendered article was marked read with the default
                // preferences (`State::new`); the reader's own decide.
                if let Page::Article(slug) = &shown.page {
                    if !arrival.library.read.contains(slug) {
                        next.library.read.remove(slug);
                    }
                }
                next.prefs = arrival.prefs;
                next.sidebar = arrival.sidebar;
                next.library.read.extend(arrival.library.read);
                next.library.saved.extend(arrival.library.saved);
                next.mark_read();
            }
            Action::MoreResults => {
                next.limit += PAGE_SIZE;
                next.step = HistoryStep::None;
            }
            Action::Sidebar(shown) => {
                next.sidebar = shown;
                next.step = HistoryStep::None;
            }
            Action::Theme(theme) => {
                next.prefs.theme = theme;
                next.step = HistoryStep::None;
            }
            Action::TextSize(by) => {
                let size = next.prefs.text_size.min(TEXT_SIZES.len() - 1) as isize + by;
                next.prefs.text_size = size.clamp(0, TEXT_SIZES.len() as isize - 1) as usize;
                next.step = HistoryStep::None;
            }
            Action::Layout(setting, option) => {
                if let Some(chosen) = next.prefs.layout.get_mut(setting) {
                    *chosen = option;
                }
                next.step = HistoryStep::None;
            }
            Action::MarkRead(on) => {
                next.prefs.mark_read = on;
                next.step = HistoryStep::None;
            }
            Action::Shortcuts(on) => {
                next.prefs.shortcuts = on;
                next.step = HistoryStep::None;
            }
            Action::Highlight(on) => {
                next.prefs.highlight = on;
                next.step = HistoryStep::None;
            }
            Action::ToggleSave(slug) => {
                if !next.library.saved.remove(&slug) {
                    next.library.saved.insert(slug);
                }
                next.step = HistoryStep::None;
            }
            Action::Import(backup) => {
                next.prefs = backup.prefs;
                next.library.read.extend(backup.read);
                next.library.saved.extend(backup.saved);
                next.step = HistoryStep::None;
            }
            Action::Panel(panel) => {
                next.panel = if self.panel == panel { Panel::None } else { panel };
                next.step = HistoryStep::None;
            }
        }
        Rc::new(next)
    }
}

impl State {
    /// A filter or sort changed: back to the top of a fresh list.
    /// The search box now says `text`: one history entry per search, which
    /// the following keystrokes replace.
    fn type_query(&mut self, text: String) {
        self.location.query = text;
        self.location.page = Page::List;
        self.step = if self.typing {
            HistoryStep::Replace
        } else {
            HistoryStep::Push
        };
        self.typing = true;
        self.limit = PAGE_SIZE;
    }

    fn after_list_change(&mut self) {
        self.location.page = Page::List;
        self.limit = PAGE_SIZE;
        self.typing = false;
    }
}

#[cfg(test)]
mod tests {
    use crate::names::Names;

    use super::*;
    use crate::ui::backup::ImportError;

    fn start() -> Rc<State> {
        Rc::new(State::new(Location::default(), Prefs::default(), Library::default()))
    }

    #[test]
    fn typing_makes_one_history_entry_per_search() {
        let s = start().reduce(Action::Type("t".into()));
        assert_eq!((s.step, s.location.query.as_str()), (HistoryStep::Push, "t"));
        let s = s.reduce(Action::Type("to".into()));
        assert_eq!(s.step, HistoryStep::Replace);
        let s = s.reduce(Action::Commit).reduce(Action::Type("tok".into()));
        assert_eq!(s.step, HistoryStep::Push, "a committed search keeps its entry");
    }

    #[test]
    fn opening_an_article_remembers_the_list_and_marks_it_read() {
        let s = start().reduce(Action::Type("putin".into())).reduce(Action::Open {
            slug: "a".into(),
            scroll: 420.0,
        });
        assert_eq!(s.location.page, Page::Article("a".into()));
        assert_eq!(s.location.query, "putin", "the search stays for prev/next and Back");
        assert_eq!((s.list_scroll, s.from_list), (420.0, true));
        assert!(s.library.read.contains("a"));
        let s = s.reduce(Action::MarkRead(false)).reduce(Action::Open {
            slug: "b".into(),
            scroll: 0.0,
        });
        assert!(!s.library.read.contains("b"));
    }

    #[test]
    fn going_back_adopts_the_url_without_a_new_entry() {
        let there = Location {
            query: "kyrg".into(),
            ..Location::default()
        };
        let s = start().reduce(Action::Arrived(there.clone()));
        assert_eq!((s.step, &s.location), (HistoryStep::None, &there));
    }

    #[test]
    fn a_person_named_on_an_article_is_a_new_search_in_the_same_embed() {
        let embed = Location::parse("/articles/a/", "?embed=compact&country=Kazakhstan&sort=oldest", "/");
        let s = State::new(embed.clone(), Prefs::default(), Library::default());
        let s = Rc::new(s).reduce(Action::Search("Vladimir Putin".into()));
        let expected = Location {
            query: "Vladimir Putin".into(),
            embed: embed.embed.clone(),
            ..Location::default()
        };
        assert_eq!((s.step, &s.location), (HistoryStep::Push, &expected));
        assert!(embed.embed.is_some() && !embed.filters.is_empty());
    }

    #[test]
    fn restoring_moves_to_the_real_address_unless_the_reader_acted_first() {
        let arrival = || {
            Box::new(Arrival {
                location: Location {
                    query: "kyrg".into(),
                    ..Location::default()
                },
                prefs: Prefs::default(),
                library: Library {
                    read: ["old".to_string()].into(),
                    saved: Names::new(),
                },
                typed: None,
                sidebar: false,
            })
        };
        let shown = Location::default;
        // A first visit: nothing stored, the address as prerendered. The
        // state is unchanged, so the app does not render again (`Reader`).
        let fresh = Arrival {
            location: shown(),
            prefs: Prefs::default(),
            library: Library::default(),
            typed: None,
            sidebar: false,
        };
        let s = start().reduce(Action::Restore {
            arrival: Box::new(fresh),
            shown: shown(),
        });
        assert_eq!(s, start());
        let s = start().reduce(Action::Restore {
            arrival: arrival(),
            shown: shown(),
        });
        assert_eq!((s.location.query.as_str(), s.step), ("kyrg", HistoryStep::None));
        // Typed into the prerendered page before it was live: searched.
        let mut typed = arrival();
        typed.typed = Some("Tokayev".into());
        let s = start().reduce(Action::Restore {
            arrival: typed,
            shown: shown(),
        });
        assert_eq!((s.location.query.as_str(), s.step), ("Tokayev", HistoryStep::Push));
        // Typed into the live page in the moment before it was restored.
        let s = start().reduce(Action::Type("Toqaev".into())).reduce(Action::Open {
            slug: "a".into(),
            scroll: 0.0,
        });
        let mut typed = arrival();
        typed.typed = Some("Tok".into());
        let s = s.reduce(Action::Restore {
            arrival: typed,
            shown: shown(),
        });
        assert_eq!(
            (s.location.query.as_str(), &s.location.page),
            ("Toqaev", &Page::Article("a".into()))
        );
        assert_eq!(s.library.read, ["a".to_string(), "old".to_string()].into());
    }

    #[test]
    fn the_filters_values_follow_the_screen_without_a_history_step() {
        // A prerendered page has no sidebar; a wide screen brings it on
        // restoring, and nothing else changes.
        let wide = Arrival {
            location: Location::default(),
            prefs: Prefs::default(),
            library: Library::default(),
            typed: None,
            sidebar: true,
        };
        let s = start().reduce(Action::Restore {
            arrival: Box::new(wide),
            shown: Location::default(),
        });
        assert_eq!(
            *s,
            State {
                sidebar: true,
                ..(*start()).clone()
            }
        );
        let s = s.reduce(Action::Sidebar(false));
        assert_eq!((s.sidebar, s.step), (false, HistoryStep::None));
    }

    #[test]
    fn an_article_landed_on_is_read_unless_the_reader_says_otherwise() {
        let article = || Location {
            page: Page::Article("a".into()),
            ..Location::default()
        };
        let arrival = |mark_read: bool, read: &[&str]| {
            Box::new(Arrival {
                location: article(),
                prefs: Prefs {
                    mark_read,
                    ..Prefs::default()
                },
                library: Library {
                    read: read.iter().map(|s| s.to_string()).collect(),
                    saved: Names::new(),
                },
                typed: None,
                sidebar: false,
            })
        };
        // As prerendered: default preferences, so read.
        let shown = Rc::new(State::new(article(), Prefs::default(), Library::default()));
        assert_eq!(shown.library.read, ["a".to_string()].into());
        // A first visit changes nothing (so nothing renders again).
        let s = shown.clone().reduce(Action::Restore {
            arrival: arrival(true, &[]),
            shown: article(),
        });
        assert_eq!(s, shown);
        // The reader keeps a library, and reads this one too.
        let s = shown.clone().reduce(Action::Restore {
            arrival: arrival(true, &["b"]),
            shown: article(),
        });
        assert_eq!(s.library.read, ["a".to_string(), "b".to_string()].into());
        // The reader turned marking off: not read, unless it was before.
        let s = shown.clone().reduce(Action::Restore {
            arrival: arrival(false, &["b"]),
            shown: article(),
        });
        assert_eq!(s.library.read, ["b".to_string()].into());
        let s = shown.reduce(Action::Restore {
            arrival: arrival(false, &["a"]),
            shown: article(),
        });
        assert_eq!(s.library.read, ["a".to_string()].into());
        // Rendered from scratch with the reader's preferences.
        let off = Prefs {
            mark_read: false,
            ..Prefs::default()
        };
        assert!(State::new(article(), off, Library::default()).library.read.is_empty());
    }

    #[test]
    fn filters_toggle_and_reset_the_page() {
        let s = start()
            .reduce(Action::MoreResults)
            .reduce(Action::ToggleFilter(Facet::Country, "Kazakhstan".into()));
        assert_eq!(s.limit, PAGE_SIZE);
        assert!(s.location.filters.countries.contains("Kazakhstan"));
        let s = s.reduce(Action::ToggleFilter(Facet::Country, "Kazakhstan".into()));
        assert!(s.location.filters.is_empty());
    }

    #[test]
    fn text_size_steps_within_bounds() {
        let mut s = start();
        for _ in 0..20 {
            s = s.reduce(Action::TextSize(1));
        }
        assert_eq!(s.prefs.text_scale(), 200);
        for _ in 0..20 {
            s = s.reduce(Action::TextSize(-1));
        }
        assert_eq!(s.prefs.text_scale(), 85);
        let odd = Prefs {
            text_size: 99,
            ..Prefs::default()
        };
        assert_eq!(odd.text_scale(), 100);
    }

    #[test]
    fn imports_are_validated_and_merged() {
        let forged = Backup {
            folio: 1,
            prefs: Prefs::default(),
            read: ["ok-slug".to_string(), "<script>".to_string(), String::new()].into(),
            saved: ["x".repeat(500)].into(),
        };
        let backup = forged.validate().unwrap();
        assert_eq!(backup.read, ["ok-slug".to_string()].into());
        assert!(backup.saved.is_empty());
        assert_eq!(Backup::default().validate(), Err(ImportError::NotAnExport));
        let s = start()
            .reduce(Action::ToggleSave("mine".into()))
            .reduce(Action::Import(backup));
        assert!(s.library.saved.contains("mine") && s.library.read.contains("ok-slug"));
    }
}
