//! The reader's preferences and library as a file: downloaded, and read
//! back from a file the reader chooses.

use wasm_bindgen::{JsCast, JsValue};
use web_sys::HtmlElement;
use yew::prelude::*;

use crate::ui::backup::{Backup, ImportError};
use crate::ui::context::Ctx;
use crate::ui::state::{Action, State};
use crate::ui::stored;

/// The Settings panel's export button and import file input: the first
/// downloads the file, the second reads one, merges it and says so in
/// `message`.
pub fn library_handlers(ctx: &Ctx, message: UseStateHandle<String>) -> (Callback<MouseEvent>, Callback<Event>) {
    let export = {
        let state = ctx.state.clone();
        Callback::from(move |_: MouseEvent| export(&state))
    };
    let import = {
        let dispatch = ctx.state.dispatcher();
        Callback::from(move |e: Event| {
            let input: web_sys::HtmlInputElement = e.target_unchecked_into();
            let Some(file) = input.files().and_then(|files| files.get(0)) else {
                return;
            };
            input.set_value("");
            let (dispatch, message) = (dispatch.clone(), message.clone());
            wasm_bindgen_futures::spawn_local(async move {
                match read_backup(file).await {
                    Ok(backup) => {
                        message.set(format!(
                            "Imported {} read and {} saved articles.",
                            backup.read.len(),
                            backup.saved.len()
                        ));
                        dispatch.dispatch(Action::Import(backup));
                    }
                    Err(error) => message.set(format!("Not imported: {error}.")),
                }
            });
        })
    };
    (export, import)
}

/// Downloads the reader's preferences and library as a JSON file.
fn export(state: &State) {
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
async fn read_backup(file: web_sys::File) -> Result<Backup, ImportError> {
    let text = wasm_bindgen_futures::JsFuture::from(file.text())
        .await
        .map_err(|_| ImportError::Unreadable)?;
    let text = text.as_string().ok_or(ImportError::NotText)?;
    let json = stored::parse(&text).ok_or(ImportError::NotAnExport)?;
    Backup::from_json(&json).validate()
}
