use yew::prelude::*;

use super::context::Ctx;
use super::state::{Action, Panel};

const KEYS: [(&str, &str); 6] = [
    ("/", "Search"),
    ("j", "Next result"),
    ("k", "Previous result"),
    ("Enter", "Open the focused result"),
    ("Esc", "Back to the list, or clear the search"),
    ("?", "Show these shortcuts"),
];

/// The keyboard shortcuts, listed.
pub fn shortcuts(ctx: &Ctx) -> Html {
    let close = ctx.callback(|_: MouseEvent| Action::Panel(Panel::Shortcuts));
    html! {
        <section class="panel" id="shortcuts" role="dialog" aria-labelledby="shortcuts-title">
            <h2 id="shortcuts-title">{ "Keyboard shortcuts" }</h2>
            if !ctx.state.prefs.shortcuts {
                <p>{ "Single-key shortcuts are off; turn them on in Settings." }</p>
            }
            <dl>
                { for KEYS.iter().map(|(key, what)| html! { <><dt><kbd>{ *key }</kbd></dt><dd>{ *what }</dd></> }) }
            </dl>
            <button type="button" onclick={close}>{ "Close" }</button>
        </section>
    }
}
