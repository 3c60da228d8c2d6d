//! The Yew app: everything a reader sees. The only code that touches the DOM.

mod app;

pub use app::App;
