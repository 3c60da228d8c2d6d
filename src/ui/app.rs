use yew::prelude::*;

use crate::bundled;

/// The first screen: how many articles the bundled corpus has, and their titles.
#[component]
pub fn App() -> Html {
    let corpus = use_memo((), |_| bundled::corpus());
    let body = match &*corpus {
        Ok(corpus) => html! {
            <>
                <p class="count">{ format!("{} articles", corpus.articles.len()) }</p>
                <ol class="titles">
                    { for corpus.articles.iter().map(|a| html! { <li key={a.slug.clone()}>{ &a.title }</li> }) }
                </ol>
            </>
        },
        Err(error) => html! { <pre class="error">{ error.to_string() }</pre> },
    };
    html! {
        <main>
            <h1>{ "folio" }</h1>
            { body }
        </main>
    }
}
