//! Preferences and the library, remembered in local storage whenever they
//! change, and read once at start.

use yew::prelude::*;

use crate::ui::context::Ctx;
use crate::ui::library::Library;
use crate::ui::prefs::Prefs;
use crate::ui::stored::{self, Json};

/// Several folio sites can share an origin: keys carry the base path.
fn storage_key(base: &str, what: &str) -> String {
    format!("folio:{base}:{what}")
}

fn storage() -> Option<web_sys::Storage> {
    // Throws in sandboxed iframes and some private modes: then nothing is kept.
    web_sys::window()?.local_storage().ok().flatten()
}

/// Reads a stored value; anything missing or not JSON is `None`.
fn load(key: &str) -> Option<Json> {
    stored::parse(&storage()?.get_item(key).ok().flatten()?)
}

fn save(key: &str, json: &str) {
    if let Some(storage) = storage() {
        // A full or blocked storage loses only the remembering, not the visit.
        let _ = storage.set_item(key, json);
    }
}

/// The stored preferences of the site under `base`, or the defaults.
pub(super) fn prefs(base: &str) -> Prefs {
    load(&storage_key(base, "prefs")).map_or_else(Prefs::default, |json| Prefs::from_json(&json))
}

/// The stored library of the site under `base`, or an empty one.
pub(super) fn library(base: &str) -> Library {
    load(&storage_key(base, "library")).map_or_else(Library::default, |json| Library::from_json(&json))
}

/// Preferences and the library are remembered, each when it changes.
#[hook]
pub(super) fn use_persistence(ctx: &Ctx) {
    let state = &ctx.state;
    {
        let base = ctx.base.to_string();
        use_effect_with(state.prefs.clone(), move |prefs| {
            save(&storage_key(&base, "prefs"), &prefs.to_json())
        });
    }
    {
        let base = ctx.base.to_string();
        use_effect_with(state.library.clone(), move |library| {
            save(&storage_key(&base, "library"), &library.to_json())
        });
    }
}
