//! The keyboard shortcuts: Escape always, and the single keys (`/`, `j`,
//! `k`, `?`) when the reader has them on and is not typing in a field.

use gloo::events::{EventListener, EventListenerOptions};
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{HtmlElement, KeyboardEvent};
use yew::prelude::*;

use super::url::back_to_list;
use crate::route::{Location, Page};
use crate::ui::context::Ctx;
use crate::ui::state::{Action, Panel};

/// One `keydown` listener on the document, replaced whenever what a key
/// does changes (shortcuts on or off, the panel, the view).
#[hook]
pub(super) fn use_shortcuts(ctx: &Ctx) {
    let state = &ctx.state;
    let ctx = ctx.clone();
    let deps = (
        state.prefs.shortcuts,
        state.panel,
        state.location.clone(),
        state.from_list,
    );
    use_effect_with(deps, move |(shortcuts, panel, location, from_list)| {
        let (shortcuts, panel, location, from_list) = (*shortcuts, *panel, location.clone(), *from_list);
        let options = EventListenerOptions::enable_prevent_default();
        let listener = EventListener::new_with_options(&gloo::utils::document(), "keydown", options, move |event| {
            let Some(event) = event.dyn_ref::<KeyboardEvent>() else {
                return;
            };
            on_key(&ctx, event, shortcuts, panel, &location, from_list);
        });
        move || drop(listener)
    });
}

fn on_key(ctx: &Ctx, event: &KeyboardEvent, shortcuts: bool, panel: Panel, location: &Location, from_list: bool) {
    if event.ctrl_key() || event.meta_key() || event.alt_key() {
        return;
    }
    let in_field = event
        .target()
        .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
        .is_some_and(|el| matches!(el.tag_name().as_str(), "INPUT" | "TEXTAREA" | "SELECT"));
    let key = event.key();
    if key == "Escape" {
        event.prevent_default();
        if panel != Panel::None {
            ctx.dispatch(Action::Panel(panel));
        } else if matches!(location.page, Page::Article(_)) {
            back_to_list(ctx, from_list);
        } else if !location.query.is_empty() {
            ctx.dispatch(Action::Type(String::new()));
            ctx.dispatch(Action::Commit);
        }
        return;
    }
    if !shortcuts || in_field {
        return;
    }
    match key.as_str() {
        "/" => {
            event.prevent_default();
            if let Some(input) = gloo::utils::document()
                .get_element_by_id("search")
                .and_then(|e| e.dyn_into::<HtmlElement>().ok())
            {
                let _ = input.focus();
            }
        }
        "j" | "k" => {
            event.prevent_default();
            move_focus(if key == "j" { 1 } else { -1 });
        }
        "?" => {
            event.prevent_default();
            ctx.dispatch(Action::Panel(Panel::Shortcuts));
        }
        _ => {}
    }
}

/// Moves focus to the next or previous result's title link.
fn move_focus(by: isize) {
    let document = gloo::utils::document();
    let Ok(links) = document.query_selector_all("#results .card-title a") else {
        return;
    };
    let count = links.length() as isize;
    if count == 0 {
        return;
    }
    let active = document.active_element();
    let current = (0..count).find(|&i| {
        let link = links.item(i as u32);
        link.is_some() && active.as_ref().map(|a| JsValue::from(a.clone())) == link.map(JsValue::from)
    });
    let next = match current {
        Some(at) => (at + by).clamp(0, count - 1),
        None if by > 0 => 0,
        None => count - 1,
    };
    if let Some(link) = links.item(next as u32).and_then(|n| n.dyn_into::<HtmlElement>().ok()) {
        let _ = link.focus();
    }
}
