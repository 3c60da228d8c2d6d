use web_sys::HtmlInputElement;
use yew::prelude::*;

use super::context::use_ctx;
use super::state::Action;

/// The search field: results follow every keystroke; Enter (or leaving the
/// field) makes the search one that Back returns to.
#[component]
pub fn SearchBox() -> Html {
    let ctx = use_ctx();
    let oninput = ctx.callback(|e: InputEvent| Action::Type(e.target_unchecked_into::<HtmlInputElement>().value()));
    let onchange = ctx.callback(|_: Event| Action::Commit);
    let onsubmit = ctx.callback(|e: SubmitEvent| {
        e.prevent_default();
        Action::Commit
    });
    html! {
        <form class="search" role="search" {onsubmit}>
            <label for="search" class="visually-hidden">{ "Search articles" }</label>
            <input
                id="search"
                type="search"
                placeholder="Search articles"
                autocomplete="off"
                spellcheck="false"
                enterkeyhint="search"
                value={ctx.state.location.query.clone()}
                {oninput}
                {onchange}
            />
        </form>
    }
}
