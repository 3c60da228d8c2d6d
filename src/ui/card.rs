use yew::prelude::*;

use super::context::Ctx;
use super::marked::marked;
use super::meta;
use super::state::Action;
use crate::engine::protocol::{CardText, Passage};
use crate::route::{Location, Page};

/// A click handler for in-app links: plain left clicks navigate inside the
/// app; clicks with a modifier (new tab, new window) stay the browser's.
pub fn link_handler(navigate: impl Fn() + 'static) -> Callback<MouseEvent> {
    Callback::from(move |e: MouseEvent| {
        if e.button() == 0 && !(e.ctrl_key() || e.meta_key() || e.shift_key() || e.alt_key()) {
            e.prevent_default();
            navigate();
        }
    })
}

/// How far the page is scrolled, to come back to it.
fn scroll_y() -> f64 {
    web_sys::window().and_then(|w| w.scroll_y().ok()).unwrap_or(0.0)
}

/// One article in the list, keyed by its slug: title (a link), publisher,
/// date, reading time, and the excerpt, or while searching the passage that
/// matched.
///
/// A function, not a component: the list re-renders its cards whenever
/// the context changes anyway, and a component per card would cost taking
/// over the page a scope and markers for each (a screenful holds twenty).
pub fn card(ctx: &Ctx, article: &CardText) -> Html {
    let slug = article.slug.clone();
    let location = &ctx.state.location;
    // Embedded with `new-tab`: the article opens on folio itself, in a new tab.
    let new_tab = location.embed.as_ref().is_some_and(|e| e.new_tab);
    let target = Location {
        page: Page::Article(slug.clone()),
        embed: if new_tab { None } else { location.embed.clone() },
        ..location.clone()
    };
    let href = target.href(&ctx.base);
    let open = if new_tab {
        Callback::noop()
    } else {
        let ctx = ctx.clone();
        let slug = slug.clone();
        link_handler(move || {
            ctx.dispatch(Action::Open {
                slug: slug.clone(),
                scroll: scroll_y(),
            })
        })
    };
    let (target_attr, rel) = if new_tab {
        (Some("_blank"), Some("noopener"))
    } else {
        (None, None)
    };
    let read = ctx.state.library.read.contains(&slug);
    let saved = ctx.state.library.saved.contains(&slug);
    let toggle_save = {
        let slug = slug.clone();
        ctx.callback(move |_: MouseEvent| Action::ToggleSave(slug.clone()))
    };
    let body = match &article.passage {
        Passage::Snippet(snippet) => html! {
            <p class="snippet">
                if snippet.cut_start { { "…" } }
                { marked(&snippet.text, &snippet.ranges) }
                if snippet.cut_end { { "…" } }
            </p>
        },
        Passage::Excerpt(excerpt) => html! { <p class="excerpt">{ excerpt }</p> },
    };
    html! {
        <li key={article.slug.as_str()} class={classes!("card", read.then_some("read"))}>
            <h2 class="card-title">
                <a {href} target={target_attr} {rel} onclick={open}>
                    { marked(&article.title, &article.title_marks) }
                </a>
            </h2>
            <p class="meta">
                if let Some(publisher) = &article.publisher { <span>{ publisher }</span> }
                if let Some(date) = article.date {
                    <time datetime={date.to_string()}>{ meta::long_date(date) }</time>
                }
                <span>{ format!("{} min read", article.reading_minutes) }</span>
                if read { <span class="badge">{ "Read" }</span> }
                if article.teaser { <span class="badge">{ "Excerpt" }</span> }
            </p>
            { body }
            <button
                type="button"
                class="save needs-js"
                aria-pressed={saved.to_string()}
                aria-label={format!("Save “{}”", article.title)}
                onclick={toggle_save}
            >
                { if saved { "Saved" } else { "Save" } }
            </button>
        </li>
    }
}
