use yew::prelude::*;

/// The article's Listen control: `static/listen.js`'s `<folio-listen>`
/// (every page loads the script), rendered once the page is live, in a box
/// of its own size (`.listen`), so that nothing moves when it appears. Not
/// in the prerendered page: the element fills itself in as soon as its
/// script runs, and taking over a prerendered page, Yew finds a child it
/// did not render there and stops. Keyed by the article, so another
/// article's element is a new one and the reading of the last stops.
#[component]
pub fn Listen() -> Html {
    let live = use_state(|| false);
    {
        let live = live.clone();
        use_effect_with((), move |_| live.set(true));
    }
    html! {
        <span class="listen">
            if *live {
                <folio-listen></folio-listen>
            }
        </span>
    }
}
