use yew::prelude::*;

use super::card::link_handler;
use super::context::Ctx;
use super::meta;
use super::state::Action;

/// Any URL that is not a page: say so, and offer the way home. When only
/// the newest articles have pages of their own, the host answers every
/// older article's URL with this page too: the app then shows the article,
/// and without JavaScript a note says why it cannot (instead of claiming
/// there is no article there). An article that exists but could not be
/// fetched says that instead.
pub fn not_found(ctx: &Ctx, unavailable: Option<&str>) -> Html {
    let home = {
        let ctx = ctx.clone();
        link_handler(move || ctx.dispatch(Action::List))
    };
    let (heading, text, limited) = match unavailable {
        Some(why) => ("This article could not be loaded", why.to_string(), None),
        None => (
            "Page not found",
            "There is no article at this address. It may have moved, or the link may be mistyped.".to_string(),
            ctx.prerender.limit(ctx.answers.articles),
        ),
    };
    html! {
        <section class="not-found">
            <h1 id="page-heading" tabindex="-1">{ heading }</h1>
            <p class={classes!(limited.is_some().then_some("needs-js"))}>{ text }</p>
            if let Some(newest) = limited {
                <p class="no-js-note">{ meta::prerender_note(newest) }</p>
            }
            <p><a href={ctx.base.clone()} onclick={home}>{ "Go to all articles" }</a></p>
        </section>
    }
}
