use yew::prelude::*;

use super::context::Ctx;
use super::meta;
use super::state::{Action, Panel};
use crate::catalog::{Facet, FacetValues, Facets};
use crate::timeline::span_label;

fn facet_title(facet: Facet) -> &'static str {
    match facet {
        Facet::Publisher => "Publisher",
        Facet::Country => "Country mentioned",
        Facet::Month => "Month",
        Facet::Person => "People",
    }
}

/// A value's count as its filter shows it, saying so where it is an
/// estimate (a broad search in a large archive, see `split/estimate.rs`).
fn count_label(count: usize, estimated: bool) -> String {
    format!(" ({}{count})", if estimated { "about " } else { "" })
}

/// The filters, each value with its count for the current search. A sidebar
/// on wide screens, a panel opened from a button on phones; the values only
/// where they can be seen (`State::filters_shown`), and `None` while the
/// engine counts them (the list shown was answered without its counts,
/// before the panel was opened).
pub fn filter_panel(ctx: &Ctx, facets: Option<&Facets>) -> Html {
    let open = ctx.state.panel == Panel::Filters;
    let shown: &[Facet] = if ctx.state.filters_shown() { &Facet::ALL } else { &[] };
    let groups = shown.iter().map(|&facet| {
        let Some(facets) = facets else {
            return html! {
                <fieldset class="facet">
                    <legend>{ facet_title(facet) }</legend>
                    <p class="none">{ "Counting…" }</p>
                </fieldset>
            };
        };
        let FacetValues { values, estimated } = facets.get(facet);
        let estimated = *estimated;
        // Checked as the reader chose, not as the answer shown says: Yew
        // sets `checked` on every render, and until the answer to a new
        // choice comes, the last one's would uncheck it.
        let chosen = ctx.state.location.filters.values(facet);
        let options = values.iter().enumerate().map(|(i, value)| {
            let id = format!("filter-{}-{i}", facet.key());
            let name = value.value.clone();
            let onchange = ctx.callback(move |_: Event| Action::ToggleFilter(facet, name.clone()));
            html! {
                <li>
                    <input type="checkbox" id={id.clone()} checked={chosen.contains(&value.value)} {onchange} />
                    <label for={id}>
                        { meta::chip_label(facet, &value.value) }
                        <span class="count">{ count_label(value.count, estimated) }</span>
                    </label>
                </li>
            }
        });
        html! {
            <fieldset class="facet">
                <legend>{ facet_title(facet) }</legend>
                if values.is_empty() {
                    <p class="none">{ "None for this search" }</p>
                } else {
                    <ul>{ for options }</ul>
                }
            </fieldset>
        }
    });
    let saved_only = ctx.callback(|_: Event| Action::ToggleSavedOnly);
    let close = ctx.callback(|_: MouseEvent| Action::Panel(Panel::Filters));
    html! {
        <section id="filters" class={classes!("filters", "needs-js", open.then_some("open"))} aria-label="Filters">
            <div class="filters-head">
                <h2>{ "Filters" }</h2>
                <button type="button" class="close-filters" onclick={close}>{ "Done" }</button>
            </div>
            <fieldset class="facet">
                <legend>{ "Your articles" }</legend>
                <ul>
                    <li>
                        <input type="checkbox" id="filter-saved" checked={ctx.state.location.saved} onchange={saved_only} />
                        <label for="filter-saved">{ format!("Saved only ({})", ctx.state.library.saved.len()) }</label>
                    </li>
                </ul>
            </fieldset>
            // Always there, so the values come in after "Your articles"
            // without disturbing it: Yew pairs an unkeyed list's children
            // from its end, and reused that fieldset for the last facet,
            // which moved it (a layout shift on a wide screen).
            <div class="facets">{ for groups }</div>
        </section>
    }
}

/// The active filters as removable chips, and "Clear all".
pub fn chips(ctx: &Ctx) -> Html {
    let location = &ctx.state.location;
    if !meta::is_narrowed(&location.filters, location.saved) {
        return html! {};
    }
    let values = Facet::ALL.iter().flat_map(|&facet| {
        location.filters.values(facet).iter().map(move |value| {
            let label = meta::chip_label(facet, value);
            let value = value.clone();
            (label, Action::ToggleFilter(facet, value))
        })
    });
    let dates = (location.filters.dates).map(|dates| (span_label(dates), Action::Dates(None)));
    let saved = (location.saved).then(|| ("Saved only".to_string(), Action::ToggleSavedOnly));
    let chips = values.chain(dates).chain(saved).map(|(label, action)| {
        let remove = ctx.callback(move |_: MouseEvent| action.clone());
        html! {
            <li>
                <button type="button" class="chip" aria-label={format!("Remove filter {label}")} onclick={remove}>
                    { label }<span aria-hidden="true">{ " ×" }</span>
                </button>
            </li>
        }
    });
    let clear = ctx.callback(|_: MouseEvent| Action::ClearFilters);
    html! {
        <ul class="chips" aria-label="Active filters">
            { for chips }
            <li><button type="button" class="clear" onclick={clear}>{ "Clear all" }</button></li>
        </ul>
    }
}

#[cfg(test)]
mod tests {
    use super::count_label;

    #[test]
    fn estimated_counts_say_so() {
        assert_eq!(count_label(1237, false), " (1237)");
        assert_eq!(count_label(1200, true), " (about 1200)");
    }
}
