//! Focus and scroll when the view changes.

use wasm_bindgen::JsCast;
use web_sys::HtmlElement;
use yew::prelude::*;

use crate::ui::context::Ctx;

/// A new view (another page, another article; not the first one, which the
/// reader has not moved to): focus its heading, so screen readers announce
/// it, and put the list back where the reader left it. Not while the reader
/// types in the search box, though: a search started on an article page
/// brings the list, and the next letter must still land in the box.
#[hook]
pub(super) fn use_focus(ctx: &Ctx) {
    let state = &ctx.state;
    let first = use_mut_ref(|| true);
    let (from_list, scroll) = (state.from_list, state.list_scroll);
    // The view on the page, not the one asked for: an article is focused
    // once its answer has come and it is shown.
    let view = std::mem::discriminant(&ctx.shown);
    let slug = ctx.shown.article().map(|a| a.article.slug.clone()).unwrap_or_default();
    use_effect_with((view, slug), move |_| {
        if std::mem::replace(&mut *first.borrow_mut(), false) {
            return;
        }
        let document = gloo::utils::document();
        let typing = document
            .active_element()
            .is_some_and(|element| element.id() == "search");
        if let Some(heading) = document
            .get_element_by_id("page-heading")
            .filter(|_| !typing)
            .and_then(|h| h.dyn_into::<HtmlElement>().ok())
        {
            let options = web_sys::FocusOptions::new();
            options.set_prevent_scroll(true);
            let _ = heading.focus_with_options(&options);
        }
        let on_list = document.get_element_by_id("results").is_some();
        let top = if on_list && from_list { scroll } else { 0.0 };
        gloo::utils::window().scroll_to_with_x_and_y(0.0, top);
    });
}
