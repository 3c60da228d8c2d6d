use yew::prelude::*;

use super::browser::library_handlers;
use super::context::Ctx;
use super::prefs::{Theme, LAYOUTS, TEXT_SIZES};
use super::state::{Action, Panel};

#[derive(Properties, PartialEq)]
pub struct SettingsProps {
    pub ctx: Ctx,
}

/// Reading preferences, carrying the reader's library to another device,
/// and keeping the whole archive offline. A component, unlike the rest of
/// the page: the message of an export or import is its own state.
#[component]
pub fn Settings(SettingsProps { ctx }: &SettingsProps) -> Html {
    let prefs = &ctx.state.prefs;
    let message = use_state(String::new);
    let themes = Theme::ALL.iter().map(|&theme| {
        let id = format!("theme-{}", theme.name());
        let choose = ctx.callback(move |_: Event| Action::Theme(theme));
        html! {
            <li>
                <input type="radio" name="theme" id={id.clone()} checked={prefs.theme == theme} onchange={choose} />
                <label for={id}>{ theme.label() }</label>
            </li>
        }
    });
    let layouts = LAYOUTS.iter().enumerate().map(|(setting, layout)| {
        let options = layout.options.iter().enumerate().map(|(option, (name, label))| {
            let id = format!("{}-{name}", layout.key);
            let choose = ctx.callback(move |_: Event| Action::Layout(setting, option));
            let checked = prefs.layout_name(setting) == *name;
            html! {
                <li>
                    <input type="radio" name={layout.key} id={id.clone()} {checked} onchange={choose} />
                    <label for={id}>{ *label }</label>
                </li>
            }
        });
        html! {
            <fieldset>
                <legend>{ layout.legend }</legend>
                <ul class="options">{ for options }</ul>
            </fieldset>
        }
    });
    let smaller = ctx.callback(|_: MouseEvent| Action::TextSize(-1));
    let larger = ctx.callback(|_: MouseEvent| Action::TextSize(1));
    let toggle = |make: fn(bool) -> Action, on: bool| ctx.callback(move |_: Event| make(!on));
    let close = ctx.callback(|_: MouseEvent| Action::Panel(Panel::Settings));
    let (export, import) = library_handlers(ctx, message.clone());
    html! {
        <section class="panel" id="settings" aria-labelledby="settings-title">
            <h2 id="settings-title">{ "Settings" }</h2>
            <fieldset>
                <legend>{ "Theme" }</legend>
                <ul class="options">{ for themes }</ul>
            </fieldset>
            <fieldset>
                <legend>{ "Text size" }</legend>
                <div class="stepper">
                    <button type="button" aria-label="Smaller text" disabled={prefs.text_size == 0} onclick={smaller}>{ "A−" }</button>
                    <output aria-live="polite">{ format!("{}%", prefs.text_scale()) }</output>
                    <button type="button" aria-label="Larger text" disabled={prefs.text_size + 1 >= TEXT_SIZES.len()} onclick={larger}>{ "A+" }</button>
                </div>
            </fieldset>
            { for layouts }
            <fieldset>
                <legend>{ "Reading" }</legend>
                <ul class="options">
                    <li>
                        <input type="checkbox" id="pref-read" checked={prefs.mark_read} onchange={toggle(Action::MarkRead, prefs.mark_read)} />
                        <label for="pref-read">{ "Mark articles read when opened" }</label>
                    </li>
                    <li>
                        <input type="checkbox" id="pref-highlight" checked={prefs.highlight} onchange={toggle(Action::Highlight, prefs.highlight)} />
                        <label for="pref-highlight">{ "Highlight search matches in articles" }</label>
                    </li>
                    <li>
                        <input type="checkbox" id="pref-keys" checked={prefs.shortcuts} onchange={toggle(Action::Shortcuts, prefs.shortcuts)} />
                        <label for="pref-keys">{ "Single-key shortcuts (/, j, k, ?)" }</label>
                    </li>
                </ul>
            </fieldset>
            <fieldset>
                <legend>{ "Your library" }</legend>
                <p>{ format!("{} read, {} saved. Nothing leaves this device unless you export it.", ctx.state.library.read.len(), ctx.state.library.saved.len()) }</p>
                <button type="button" onclick={export}>{ "Export…" }</button>
                <label for="import" class="button">{ "Import…" }</label>
                <input type="file" id="import" class="visually-hidden" accept="application/json,.json" onchange={import} />
                <p role="status">{ (*message).clone() }</p>
            </fieldset>
            // Kept by the service worker and shown by `static/offline.js`
            // (the element's script, run when Yew inserts it), not by the
            // app's wasm, which is at its size budget.
            <fieldset>
                <legend>{ "Offline" }</legend>
                <folio-offline></folio-offline>
                <script type="module" src="offline.js"></script>
            </fieldset>
            <button type="button" onclick={close}>{ "Close" }</button>
        </section>
    }
}
