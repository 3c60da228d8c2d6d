//! The Yew app: everything a reader sees, and the only code that touches the
//! DOM. Its parts render from one [`state::State`] and dispatch actions;
//! the search, filters and URLs come from the pure core.

pub mod answers;
mod article;
pub mod backup;
pub mod browser;
mod card;
mod context;
mod filters;
pub mod library;
mod list;
mod listen;
mod marked;
pub mod meta;
mod not_found;
pub mod prefs;
mod reader;
mod search_box;
mod settings;
mod shortcuts;
pub mod state;
pub mod stored;
mod timeline;

pub use reader::{Reader, ReaderProps};
