use web_sys::HtmlSelectElement;
use yew::prelude::*;

use super::answers::needs;
use super::card::card;
use super::context::Ctx;
use super::filters::{chips, filter_panel};
use super::meta;
use super::state::{Action, Panel};
use super::timeline::timeline;
use crate::catalog::{Facet, Sort};
use crate::engine::protocol::{Request, SearchAnswer};

/// The list: what is shown in words, the sort and filters, the results or
/// the empty state, and "Show more".
pub fn list_view(ctx: &Ctx) -> Html {
    let location = ctx.state.location.clone();
    // The last answer, until the one for this state comes.
    let answered = ctx.answers.search.clone();
    let nothing = SearchAnswer::default();
    let results = answered.as_ref().map_or(&nothing, |a| &a.answer);
    let searching = !location.query.trim().is_empty();
    // An answer without them is shown while they are counted.
    let counted = answered.as_ref().is_none_or(|a| a.request.facets);
    // A search the engine could not answer (offline, say) says so, over
    // the last list shown.
    let failure = needs(&ctx.state).and_then(|request| ctx.answers.failure(&request).map(str::to_string));
    let status = match &failure {
        Some(why) => format!("The search could not be finished: {why}"),
        None => answered
            .as_ref()
            .map(|a| meta::status(&a.request.list, &a.answer, ctx.answers.articles))
            .unwrap_or_default(),
    };
    let sort_changed = ctx.callback(|e: Event| {
        let value = e.target_unchecked_into::<HtmlSelectElement>().value();
        Action::Sort(Sort::named(&value).unwrap_or_default())
    });
    // Without a search, relevance is newest first, and the menu says so.
    let shown = match location.sort {
        Sort::Relevance if !searching => Sort::Newest,
        sort => sort,
    };
    let filters_open = ctx.state.panel == Panel::Filters;
    let active = Facet::ALL
        .iter()
        .map(|&facet| location.filters.values(facet).len())
        .sum::<usize>()
        + usize::from(location.filters.dates.is_some())
        + usize::from(location.saved);
    let toggle_filters = ctx.callback(|_: MouseEvent| Action::Panel(Panel::Filters));
    let more = ctx.callback(|_: MouseEvent| Action::MoreResults);
    let clear_filters = ctx.callback(|_: MouseEvent| Action::ClearFilters);
    let clear_search = ctx.callback(|_: MouseEvent| Action::Type(String::new()));
    // Busy while the engine works on the list asked for: the last list
    // stays shown (and assistive technology may wait for the new one).
    let asked = needs(&ctx.state);
    let busy = failure.is_none()
        && match (&asked, &answered) {
            (Some(Request::Search(asked)), Some(answered)) => !answered.request.serves(asked),
            _ => false,
        };
    let heading = if searching { "Search results" } else { "Articles" };
    html! {
        <div class="list-view">
            <div class="list-head">
                <h1 id="page-heading" tabindex="-1">{ heading }</h1>
                <p class="status" role="status" aria-live="polite">{ status }</p>
                <div class="controls needs-js">
                    <button
                        type="button"
                        class="filters-button"
                        aria-expanded={filters_open.to_string()}
                        aria-controls="filters"
                        onclick={toggle_filters}
                    >
                        { if active > 0 { format!("Filters ({active})") } else { "Filters".to_string() } }
                    </button>
                    <label for="sort">{ "Sort by" }</label>
                    <select id="sort" onchange={sort_changed}>
                        if searching {
                            <option value={Sort::Relevance.name()} selected={shown == Sort::Relevance}>{ "Relevance" }</option>
                        }
                        <option value={Sort::Newest.name()} selected={shown == Sort::Newest}>{ "Newest" }</option>
                        <option value={Sort::Oldest.name()} selected={shown == Sort::Oldest}>{ "Oldest" }</option>
                    </select>
                </div>
                { chips(ctx) }
            </div>
            { filter_panel(ctx, counted.then_some(&results.facets)) }
            <div class="results" aria-busy={busy.to_string()}>
                { timeline(ctx, &results.facets.days) }
                if results.hits.is_empty() {
                    <div class="empty">
                        <p>{ "Nothing here matches." }</p>
                        <ul>
                            if searching {
                                <li>{ "Check the spelling, or use fewer or other words." }</li>
                            }
                            if meta::is_narrowed(&location.filters, location.saved) {
                                <li><button type="button" class="link" onclick={clear_filters}>{ "Clear the filters" }</button></li>
                            }
                            if searching {
                                <li><button type="button" class="link" onclick={clear_search}>{ "Show all articles" }</button></li>
                            }
                        </ul>
                    </div>
                } else {
                    <ol id="results" class="cards">
                        { for results.hits.iter().map(|hit| card(ctx, hit)) }
                    </ol>
                    if results.total > results.hits.len() {
                        <button type="button" class="more needs-js" onclick={more}>
                            { format!("Show more ({} of {})", results.hits.len(), results.total) }
                        </button>
                    }
                }
            </div>
        </div>
    }
}
