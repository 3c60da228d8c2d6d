use std::rc::Rc;

use yew::prelude::*;

use super::card::link_handler;
use super::context::use_ctx;
use super::meta;
use super::state::Action;

/// Any URL that is not a page: say so, and offer the way home. When only
/// the newest articles have pages of their own, the host answers every
/// older article's URL with this page too: the app then shows the article,
/// and without JavaScript a note says why it cannot (instead of claiming
/// there is no article there).
#[component]
pub fn NotFound() -> Html {
    let ctx = use_ctx();
    let limited = ctx.prerender.limit(ctx.answers.articles);
    html! {
        <section class="not-found">
            <h1 id="page-heading" tabindex="-1">{ "Page not found" }</h1>
            <p class={classes!(limited.is_some().then_some("needs-js"))}>
                { "There is no article at this address. It may have moved, or the link may be mistyped." }
            </p>
            if let Some(newest) = limited {
                <p class="no-js-note">{ meta::prerender_note(newest) }</p>
            }
            <HomeLink />
        </section>
    }
}

#[derive(Properties, PartialEq)]
pub struct UnavailableProps {
    pub why: Rc<str>,
}

/// An article whose text could not be fetched (offline, before it was
/// ever read): say so and why, unlike a page that does not exist.
#[component]
pub fn Unavailable(props: &UnavailableProps) -> Html {
    html! {
        <section class="not-found">
            <h1 id="page-heading" tabindex="-1">{ "This article could not be loaded" }</h1>
            <p>{ props.why.to_string() }</p>
            <HomeLink />
        </section>
    }
}

/// The way home from a page with nothing to read.
#[component]
fn HomeLink() -> Html {
    let ctx = use_ctx();
    let home = {
        let ctx = ctx.clone();
        link_handler(move || ctx.dispatch(Action::List))
    };
    html! {
        <p><a href={ctx.base.clone()} onclick={home}>{ "Go to all articles" }</a></p>
    }
}
