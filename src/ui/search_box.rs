use web_sys::HtmlInputElement;
use yew::prelude::*;

use super::context::Ctx;
use super::state::Action;

/// The search field: results follow every keystroke; Enter (or leaving the
/// field) makes the search one that Back returns to.
///
/// Search is the app's: on a prerendered page read without JavaScript the
/// field is not shown (class `needs-js`, see the stylesheet) and a note says
/// why instead. Before the app is live, Enter still goes somewhere useful:
/// the home page with the query (`?q=`), which the app then searches.
pub fn search_box(ctx: &Ctx) -> Html {
    let oninput = ctx.callback(|e: InputEvent| Action::Type(e.target_unchecked_into::<HtmlInputElement>().value()));
    let onchange = ctx.callback(|_: Event| Action::Commit);
    let onsubmit = ctx.callback(|e: SubmitEvent| {
        e.prevent_default();
        Action::Commit
    });
    html! {
        <>
            <form class="search needs-js" role="search" action={ctx.base.clone()} {onsubmit}>
                <label for="search" class="visually-hidden">{ "Search articles" }</label>
                // "Search articles" is cut at 360 px ("Search article…") and
                // 320 px ("Search ar"): the label says the rest.
                <input
                    id="search"
                    name="q"
                    type="search"
                    placeholder="Search"
                    autocomplete="off"
                    spellcheck="false"
                    enterkeyhint="search"
                    value={ctx.state.location.query.clone()}
                    {oninput}
                    {onchange}
                />
            </form>
            <p class="no-js-note">{ "Search needs JavaScript." }</p>
        </>
    }
}
