//! The timeline above the list: the matches per day, month or year as an
//! inline SVG bar chart, and the dates selected on it.
//!
//! Each bar with matches is a link to the list of its dates, so a bar can
//! be opened in a new tab, and reached by keyboard: one bar is in the tab
//! order, and the arrow keys, Home and End move between them. Shift with a
//! click or Enter widens the selection to that bar; dragging across bars
//! selects them all. Screen readers get the bars as a list of links, each
//! named with its dates and count. SVG attributes, not styles, size the
//! bars, which the Content-Security-Policy would block. It needs the app
//! (a prerendered page cannot filter), so without JavaScript it is hidden.

use wasm_bindgen::JsCast;
use web_sys::{Element, KeyboardEvent, PointerEvent, SvgElement};
use yew::prelude::*;

use super::context::Ctx;
use super::state::Action;
use crate::catalog::Filters;
use crate::corpus::Date;
use crate::route::{Location, Page};
use crate::timeline::{bars, within};

/// A bar's slot and the chart's height, in the SVG's units; the stylesheet
/// stretches the chart to the list's width.
const SLOT: usize = 10;
const HEIGHT: usize = 40;

/// The timeline of the counts per day `days`, or nothing without any.
pub fn timeline(ctx: &Ctx, days: &[(Date, usize)]) -> Html {
    let (unit, bars) = bars(days);
    if bars.is_empty() {
        return html! {};
    }
    let location = &ctx.state.location;
    let chosen = location.filters.dates;
    let dragged = ctx.state.drag.map(|(a, b)| (a.min(b), a.max(b)));
    let most = bars.iter().map(|bar| bar.count).max().unwrap_or(1).max(1);
    // The bar in the tab order: the first chosen, else the newest.
    let focused = (bars.iter().enumerate())
        .filter(|(_, bar)| bar.count > 0)
        .find(|(_, bar)| chosen.is_some_and(|dates| within(bar, dates)))
        .or_else(|| bars.iter().enumerate().rfind(|(_, bar)| bar.count > 0))
        .map(|(i, _)| i);
    let shown = bars.iter().enumerate().filter(|(_, bar)| bar.count > 0).map(|(i, bar)| {
        let label = format!("{}: {}", unit.label(bar.from), articles(bar.count));
        let dates = (bar.from, bar.to);
        // Shift widens the selection to this bar.
        let widened = move |shift: bool| match chosen {
            Some((from, to)) if shift => (from.min(dates.0), to.max(dates.1)),
            _ => dates,
        };
        let target = Location {
            page: Page::List,
            filters: Filters {
                dates: Some(dates),
                ..location.filters.clone()
            },
            ..location.clone()
        };
        let state = ctx.state.clone();
        let onclick = Callback::from(move |e: MouseEvent| {
            if !(e.ctrl_key() || e.meta_key() || e.alt_key()) {
                e.prevent_default();
                state.dispatch(Action::Dates(Some(widened(e.shift_key()))));
            }
        });
        let height = (bar.count * (HEIGHT - 2)).div_ceil(most).max(2);
        let lit = match dragged {
            Some((a, b)) => (a..=b).contains(&i),
            None => chosen.is_some_and(|dates| within(bar, dates)),
        };
        html! {
            <g role="listitem" key={i}>
                <a
                    href={target.href(&ctx.base)}
                    aria-label={label.clone()}
                    aria-current={lit.then_some("true")}
                    tabindex={if focused == Some(i) { "0" } else { "-1" }}
                    {onclick}
                >
                    <title>{ label }</title>
                    // The whole slot answers the pointer; the bar shows the count.
                    <rect class="slot" x={(i * SLOT).to_string()} y="0" width={SLOT.to_string()} height={HEIGHT.to_string()} />
                    <rect
                        class={classes!("bar", lit.then_some("lit"))}
                        x={(i * SLOT + 1).to_string()}
                        y={(HEIGHT - height).to_string()}
                        width={(SLOT - 2).to_string()}
                        height={height.to_string()}
                    />
                </a>
            </g>
        }
    });
    let n = bars.len();
    // The main button, a finger or a pen; not a right click.
    let pressed =
        ctx.callback(move |e: PointerEvent| Action::Drag(bar_at(&e, n).filter(|_| e.button() == 0).map(|i| (i, i))));
    let drag = ctx.state.drag;
    let state = ctx.state.clone();
    let moved = Callback::from(move |e: PointerEvent| match (drag, bar_at(&e, n)) {
        // The button was let go outside the chart.
        (Some(_), _) if e.buttons() == 0 => state.dispatch(Action::Drag(None)),
        (Some((from, to)), Some(at)) if at != to => state.dispatch(Action::Drag(Some((from, at)))),
        _ => {}
    });
    let spans: Vec<(Date, Date)> = bars.iter().map(|bar| (bar.from, bar.to)).collect();
    // Across bars; a press and release on one is that bar's click. The
    // bars may have changed since the press (a search answered meanwhile):
    // a bar no longer there ends the drag.
    let released = ctx.callback(move |_: PointerEvent| match drag {
        Some((from, to)) if from != to => match (spans.get(from.min(to)), spans.get(from.max(to))) {
            (Some(first), Some(last)) => Action::Dates(Some((first.0, last.1))),
            _ => Action::Drag(None),
        },
        _ => Action::Drag(None),
    });
    let cancelled = ctx.callback(|_: PointerEvent| Action::Drag(None));
    let name = format!("Articles per {}", unit.name());
    html! {
        <figure class="timeline needs-js">
            <figcaption>
                { name.clone() }
                <span class="hint">{ " · drag or Shift-click for a range" }</span>
            </figcaption>
            <svg
                viewBox={format!("0 0 {} {HEIGHT}", n * SLOT)}
                preserveAspectRatio="none"
                role="list"
                aria-label={name}
                onpointerdown={pressed}
                onpointermove={moved}
                onpointerup={released}
                onpointercancel={cancelled}
                onkeydown={Callback::from(step_focus)}
            >
                { for shown }
            </svg>
            <p class="axis" aria-hidden="true">
                <span>{ unit.label(bars[0].from) }</span>
                <span>{ unit.label(bars[n - 1].from) }</span>
            </p>
        </figure>
    }
}

/// `1 article`, `12 articles`.
fn articles(count: usize) -> String {
    format!("{count} article{}", if count == 1 { "" } else { "s" })
}

/// The bar under the pointer, of `n` across the chart.
fn bar_at(e: &PointerEvent, n: usize) -> Option<usize> {
    let chart = e.target_unchecked_into::<Element>().closest("svg").ok()??;
    let rect = chart.get_bounding_client_rect();
    let x = (f64::from(e.client_x()) - rect.left()) / rect.width();
    (x.is_finite() && n > 0).then(|| ((x * n as f64).max(0.0) as usize).min(n - 1))
}

/// The arrow keys, Home and End move the focus between the bars' links.
fn step_focus(e: KeyboardEvent) {
    let Some(at) = e.target_unchecked_into::<Element>().closest("g").ok().flatten() else {
        return;
    };
    let next = match e.key().as_str() {
        "ArrowLeft" => at.previous_element_sibling(),
        "ArrowRight" => at.next_element_sibling(),
        "Home" => at.parent_element().and_then(|chart| chart.first_element_child()),
        "End" => at.parent_element().and_then(|chart| chart.last_element_child()),
        _ => return,
    };
    e.prevent_default();
    if let Some(link) = next.and_then(|g| g.first_element_child()) {
        let _ = link.unchecked_into::<SvgElement>().focus();
    }
}
