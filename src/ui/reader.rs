use std::rc::Rc;

use yew::prelude::*;

use super::answers::{Answers, Shown};
use super::article::article_view;
use super::browser::{use_browser, use_engine};
use super::context::Ctx;
use super::list::list_view;
use super::not_found::not_found;
use super::search_box::search_box;
use super::settings::Settings;
use super::shortcuts::shortcuts;
use super::state::{Action, Arrival, Panel, State};
use crate::engine::Engine;
use crate::route::Prerender;

#[derive(Properties)]
pub struct ReaderProps {
    pub engine: Rc<dyn Engine>,
    /// The engine's answers for `initial` (the page is rendered from them
    /// at once: prerendering, hydration).
    pub answers: Answers,
    /// The path the site is served under, `/` or `/news/`.
    pub base: AttrValue,
    /// Which articles have a page of their own: all, or the newest N (from
    /// `<meta name="folio-prerender">` in the browser).
    pub prerender: Prerender,
    /// The state to start from: read from the URL and storage in the
    /// browser, given by the prerenderer and the tests.
    pub initial: State,
    /// When taking over a prerendered page: the state to move to once the
    /// page is live (the prerendered one had no query string or storage).
    #[prop_or_default]
    pub arrival: Option<Arrival>,
}

impl PartialEq for ReaderProps {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.engine, &other.engine)
            && self.answers == other.answers
            && self.base == other.base
            && self.prerender == other.prerender
            && self.initial == other.initial
            && self.arrival == other.arrival
    }
}

/// The whole page: header with the search box, the current view, and the
/// settings and shortcuts panels. Rendered the same natively (prerendering,
/// tests) and in the browser, where `browser::use_browser` adds the URL,
/// storage, keyboard and focus behaviour.
#[component]
pub fn Reader(props: &ReaderProps) -> Html {
    let initial = props.initial.clone();
    // An action that changes nothing renders nothing: restoring a first
    // visit's state (nothing stored, the URL as prerendered) is then free,
    // where it used to render the whole page again just after hydration.
    let state = use_reducer_eq(move || initial);
    let answers = {
        let initial = props.answers.clone();
        use_reducer(move || initial)
    };
    use_engine(&props.engine, &state, &answers);
    let before = use_mut_ref(|| Shown::NotFound);
    let shown = Shown::of(&state, &answers, &before.borrow());
    *before.borrow_mut() = shown.clone();
    let ctx = Ctx {
        answers,
        shown: shown.clone(),
        base: props.base.clone(),
        prerender: props.prerender,
        state: state.clone(),
    };
    use_browser(&ctx, props.arrival.clone());

    let view = match &shown {
        Shown::List => list_view(&ctx),
        Shown::Article(article) => article_view(&ctx, article),
        Shown::NotFound => not_found(&ctx, None),
        Shown::Unavailable(why) => not_found(&ctx, Some(why)),
    };
    let home = {
        let ctx = ctx.clone();
        super::card::link_handler(move || ctx.dispatch(Action::List))
    };
    let settings_open = state.panel == Panel::Settings;
    let toggle_settings = ctx.callback(|_: MouseEvent| Action::Panel(Panel::Settings));
    // An embedding page can ask for compact chrome: the search, no header.
    let compact = state.location.embed.as_ref().is_some_and(|e| e.compact);
    html! {
        <>
            <a class="skip-link" href="#main">{ "Skip to content" }</a>
            <header class={classes!("site-header", compact.then_some("compact"))}>
                if !compact {
                    <a class="brand" href={props.base.clone()} onclick={home}>{ "folio" }</a>
                }
                { search_box(&ctx) }
                if !compact {
                    <button
                        type="button"
                        class="icon-button needs-js"
                        aria-expanded={settings_open.to_string()}
                        aria-controls="settings"
                        onclick={toggle_settings}
                    >
                        { "Settings" }
                    </button>
                }
            </header>
            if settings_open {
                <Settings ctx={ctx.clone()} />
            }
            if state.panel == Panel::Shortcuts {
                { shortcuts(&ctx) }
            }
            <main id="main" tabindex="-1">
                { view }
            </main>
        </>
    }
}
