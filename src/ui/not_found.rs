use yew::prelude::*;

use super::card::link_handler;
use super::context::use_ctx;
use super::state::Action;

/// Any URL that is not a page: say so, and offer the way home.
#[component]
pub fn NotFound() -> Html {
    let ctx = use_ctx();
    let home = {
        let ctx = ctx.clone();
        link_handler(move || ctx.dispatch(Action::List))
    };
    html! {
        <section class="not-found">
            <h1 id="page-heading" tabindex="-1">{ "Page not found" }</h1>
            <p>{ "There is no article at this address. It may have moved, or the link may be mistyped." }</p>
            <p><a href={ctx.base.clone()} onclick={home}>{ "Go to all articles" }</a></p>
        </section>
    }
}
