//! The app's side effects in a browser: the URL follows the state (and Back
//! and Forward move the state), preferences and the reader's library go to
//! storage, the document title, theme and focus follow the view, and the
//! keyboard shortcuts. Compiled for wasm only; every failure of a web API
//! (storage blocked in a sandboxed iframe, say) leaves the app working.
#![cfg(target_arch = "wasm32")]

use gloo::events::{EventListener, EventListenerOptions};
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{HtmlElement, KeyboardEvent};
use yew::prelude::*;

use super::context::Ctx;
use super::meta;
use super::state::{Action, Arrival, Backup, HistoryStep, Library, Panel, Prefs, State, Theme};
use super::stored::{self, Json};
use crate::route::{Location, Page};

/// What the app starts from.
pub struct Start {
    /// The site's base path, from `<base href>` (which Trunk fills in).
    pub base: String,
    /// Where the reader is.
    pub location: Location,
    pub prefs: Prefs,
    pub library: Library,
    /// The page the HTML was prerendered for (`<meta name="folio-page">`),
    /// if it was.
    pub prerendered: Option<Location>,
}

pub fn start() -> Start {
    let base = base_path();
    let location = current_location(&base);
    let prerendered = gloo::utils::document()
        .query_selector("meta[name=folio-page]")
        .ok()
        .flatten()
        .and_then(|meta| meta.get_attribute("content"))
        .map(|path| Location::parse(&path, "", &base));
    let mut prefs = load(&storage_key(&base, "prefs")).map_or_else(Prefs::default, |json| Prefs::from_json(&json));
    // An embedding page's theme wins, for this view only.
    if let Some(theme) = location.embed.as_ref().and_then(|e| e.theme.as_deref()) {
        if let Some(theme) = Theme::named(theme) {
            prefs.theme = theme;
        }
    }
    Start {
        prefs,
        library: load(&storage_key(&base, "library")).map_or_else(Library::default, |json| Library::from_json(&json)),
        base,
        location,
        prerendered,
    }
}

fn base_path() -> String {
    let uri = gloo::utils::document().base_uri().ok().flatten().unwrap_or_default();
    web_sys::Url::new(&uri)
        .map(|url| url.pathname())
        .unwrap_or_else(|_| "/".into())
}

fn current_location(base: &str) -> Location {
    let location = gloo::utils::window().location();
    Location::parse(
        &location.pathname().unwrap_or_default(),
        &location.search().unwrap_or_default(),
        base,
    )
}

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

/// What the reader typed into the prerendered search box before the app
/// took it over, if anything: the app carries on from there.
pub fn typed_search() -> Option<String> {
    let input = gloo::utils::document().get_element_by_id("search")?;
    let text = input.dyn_into::<web_sys::HtmlInputElement>().ok()?.value();
    (!text.is_empty()).then_some(text)
}

/// Offline reading: the service worker `cargo xtask` writes next to the
/// app; not inside another site's page. Reaching `serviceWorker` throws in
/// a sandboxed frame, so it is read without trusting it to exist; a failure
/// only means no offline copy.
fn register_service_worker(base: &str) {
    let navigator = gloo::utils::window().navigator();
    let container = js_sys::Reflect::get(&navigator, &JsValue::from_str("serviceWorker"))
        .ok()
        .and_then(|c| c.dyn_into::<web_sys::ServiceWorkerContainer>().ok());
    if let Some(container) = container {
        let options = web_sys::RegistrationOptions::new();
        options.set_scope(base);
        let registered = container.register_with_options(&format!("{base}sw.js"), &options);
        // Awaited so that a refusal is not an unhandled rejection.
        wasm_bindgen_futures::spawn_local(async move {
            let _ = wasm_bindgen_futures::JsFuture::from(registered).await;
        });
    }
}

/// Resolves in a later task of the event loop, so what follows the `await`
/// does not lengthen the task that awaited it. A message to itself, not a
/// zero timeout: browsers make nested timeouts wait at least 4 ms, which
/// indexing in many small tasks would pay each time.
pub async fn next_task() {
    let promise = js_sys::Promise::new(&mut |resolve, _| match web_sys::MessageChannel::new() {
        Ok(channel) => {
            channel.port1().set_onmessage(Some(&resolve));
            let _ = channel.port2().post_message(&JsValue::UNDEFINED);
        }
        Err(_) => {
            let _ = gloo::utils::window().set_timeout_with_callback(&resolve);
        }
    });
    let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
}

/// Everything the app does to the page beyond rendering.
#[hook]
pub fn use_browser(ctx: &Ctx, arrival: Option<Arrival>) {
    let state: &State = &ctx.state;
    let base = ctx.base.to_string();

    // A prerendered page is live: move to where the reader really is, in a
    // task of its own (see `app`). Then register the service worker for
    // offline reading, and say that the app is live on `<html data-live>`,
    // which the end-to-end tests wait for before they act.
    {
        let dispatch = ctx.state.dispatcher();
        let base = base.clone();
        // Where the reader really is: a page prerendered for another
        // address (home for `?embed=…`) does not know it is embedded.
        let embedded = arrival
            .as_ref()
            .map_or(&state.location, |arrival| &arrival.location)
            .embed
            .is_some();
        let shown = state.location.clone();
        use_effect_with((), move |_| {
            wasm_bindgen_futures::spawn_local(async move {
                next_task().await;
                if let Some(arrival) = arrival {
                    dispatch.dispatch(Action::Restore {
                        arrival: Box::new(arrival),
                        shown,
                    });
                }
                if !embedded {
                    register_service_worker(&base);
                }
                let _ = gloo::utils::document_element().set_attribute("data-live", "");
            });
        });
    }

    // Inside another site's page: tell it our height, whenever it changes,
    // so the frame needs no scrollbar of its own.
    use_effect_with((), |_| {
        let window = gloo::utils::window();
        let observer = match window.parent() {
            Ok(Some(parent)) if parent != window => report_height(parent),
            _ => None,
        };
        move || {
            if let Some((observer, _)) = observer {
                observer.disconnect();
            }
        }
    });

    // The URL follows the state.
    {
        let base = base.clone();
        use_effect_with((state.location.clone(), state.step), move |(location, step)| {
            let href = location.href(&base);
            let here = gloo::utils::window().location();
            let current = format!(
                "{}{}",
                here.pathname().unwrap_or_default(),
                here.search().unwrap_or_default()
            );
            if let (true, Ok(history)) = (href != current, gloo::utils::window().history()) {
                let _ = match step {
                    HistoryStep::Push => history.push_state_with_url(&JsValue::NULL, "", Some(&href)),
                    HistoryStep::Replace => history.replace_state_with_url(&JsValue::NULL, "", Some(&href)),
                    HistoryStep::None => Ok(()),
                };
            }
        });
    }

    // Back and Forward move the state.
    {
        let dispatch = ctx.state.dispatcher();
        let base = base.clone();
        use_effect_with((), move |_| {
            let listener = EventListener::new(&gloo::utils::window(), "popstate", move |_| {
                dispatch.dispatch(Action::Arrived(current_location(&base)));
            });
            move || drop(listener)
        });
    }

    // Preferences and the library are remembered.
    {
        let base = base.clone();
        use_effect_with(state.prefs.clone(), move |prefs| {
            save(&storage_key(&base, "prefs"), &prefs.to_json())
        });
    }
    {
        let base = base.clone();
        use_effect_with(state.library.clone(), move |library| {
            save(&storage_key(&base, "library"), &library.to_json())
        });
    }

    // Theme and text size, on the root element for the stylesheet.
    use_effect_with(state.prefs.clone(), |prefs| {
        if let Some(root) = gloo::utils::document().document_element() {
            let _ = root.set_attribute("data-theme", prefs.theme.name());
            let _ = root.set_attribute("data-text-size", &prefs.text_scale().to_string());
        }
    });

    // The document title and description follow the view.
    {
        let index = ctx.index.clone();
        use_effect_with(state.location.clone(), move |location| {
            let article = match &location.page {
                Page::Article(slug) => index.by_slug(slug).map(|(_, a)| a),
                _ => None,
            };
            let (title, description) = meta::page_meta(location, article, index.len());
            let document = gloo::utils::document();
            document.set_title(&title);
            if let Ok(Some(meta)) = document.query_selector("meta[name=description]") {
                let _ = meta.set_attribute("content", &description);
            }
        });
    }

    // A new view: focus its heading (so screen readers announce it) and put
    // the list back where the reader left it. Not while the reader types in
    // the search box, though: a search started on an article page brings the
    // list, and the next letter must still land in the box.
    {
        let first = use_mut_ref(|| true);
        let (from_list, scroll) = (state.from_list, state.list_scroll);
        let page = std::mem::discriminant(&state.location.page);
        let slug = match &state.location.page {
            Page::Article(slug) => slug.clone(),
            _ => String::new(),
        };
        use_effect_with((page, slug), move |_| {
            if std::mem::replace(&mut *first.borrow_mut(), false) {
                return;
            }
            let document = gloo::utils::document();
            let typing = document
                .active_element()
                .is_some_and(|element| element.id() == "search");
            if let Some(heading) = document
                .get_element_by_id("page-heading")
                .filter(|_| !typing)
                .and_then(|h| h.dyn_into::<HtmlElement>().ok())
            {
                let options = web_sys::FocusOptions::new();
                options.set_prevent_scroll(true);
                let _ = heading.focus_with_options(&options);
            }
            let on_list = document.get_element_by_id("results").is_some();
            let top = if on_list && from_list { scroll } else { 0.0 };
            gloo::utils::window().scroll_to_with_x_and_y(0.0, top);
        });
    }

    // Keyboard shortcuts.
    {
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
            let listener =
                EventListener::new_with_options(&gloo::utils::document(), "keydown", options, move |event| {
                    let Some(event) = event.dyn_ref::<KeyboardEvent>() else {
                        return;
                    };
                    on_key(&ctx, event, shortcuts, panel, &location, from_list);
                });
            move || drop(listener)
        });
    }
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

/// Posts `{type: "folio:height", height}` to `parent` on every resize of
/// the page. The height is no secret, so any origin may read it; the loader
/// checks that messages come from folio (see static/embed.js).
fn report_height(
    parent: web_sys::Window,
) -> Option<(web_sys::ResizeObserver, wasm_bindgen::closure::Closure<dyn FnMut()>)> {
    let root = gloo::utils::document().document_element()?;
    let measured = root.clone();
    let post = wasm_bindgen::closure::Closure::<dyn FnMut()>::new(move || {
        let message = js_sys::Object::new();
        let _ = js_sys::Reflect::set(&message, &"type".into(), &"folio:height".into());
        let _ = js_sys::Reflect::set(&message, &"height".into(), &f64::from(measured.scroll_height()).into());
        let _ = parent.post_message(&message, "*");
    });
    let observer = web_sys::ResizeObserver::new(post.as_ref().unchecked_ref()).ok()?;
    observer.observe(&root);
    Some((observer, post))
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

/// Back to the list: through history when the reader came from it (so the
/// list's entry, scroll and all, is reused), else by navigating.
pub fn back_to_list(ctx: &Ctx, from_list: bool) {
    match gloo::utils::window().history() {
        Ok(history) if from_list => {
            let _ = history.back();
        }
        _ => ctx.dispatch(Action::List),
    }
}

/// Downloads the reader's preferences and library as a JSON file.
pub fn export(state: &State) {
    let backup = Backup {
        folio: Backup::VERSION,
        prefs: state.prefs.clone(),
        read: state.library.read.clone(),
        saved: state.library.saved.clone(),
    };
    let json = backup.to_json();
    let parts = js_sys::Array::of1(&JsValue::from_str(&json));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type("application/json");
    let Ok(blob) = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options) else {
        return;
    };
    let Ok(url) = web_sys::Url::create_object_url_with_blob(&blob) else {
        return;
    };
    let document = gloo::utils::document();
    if let Ok(link) = document.create_element("a") {
        let _ = link.set_attribute("href", &url);
        let _ = link.set_attribute("download", "folio-library.json");
        if let Ok(link) = link.dyn_into::<HtmlElement>() {
            link.click();
        }
    }
    let _ = web_sys::Url::revoke_object_url(&url);
}

/// Reads a backup file chosen by the reader.
pub async fn read_backup(file: web_sys::File) -> Result<Backup, String> {
    let text = wasm_bindgen_futures::JsFuture::from(file.text())
        .await
        .map_err(|_| "the file could not be read".to_string())?;
    let text = text.as_string().ok_or("the file is not text")?;
    let json = stored::parse(&text).ok_or("this file is not a folio export")?;
    Backup::from_json(&json).validate()
}
