use yew::prelude::*;

use crate::bundled;

/// The first screen: how many articles the bundled corpus has, and their titles.
#[component]
pub fn App() -> Html {
    let articles = use_memo((), |_| bundled::articles());
    let body = match &*articles {
        Ok(articles) => html! {
            <>
                <p class="count">{ format!("{} articles", articles.len()) }</p>
                <ol class="titles">
                    { for articles.iter().map(|a| html! { <li key={a.slug.clone()}>{ &a.title }</li> }) }
                </ol>
            </>
        },
        Err(error) => html! { <pre class="error">{ error.clone() }</pre> },
    };
    html! {
        <main>
            <h1>{ "folio" }</h1>
            { body }
        </main>
    }
}
