use yew::prelude::*;

use super::browser::back_to_list;
use super::card::link_handler;
use super::context::use_ctx;
use super::list::search_filters;
use super::marked::Marked;
use super::meta;
use super::state::Action;
use crate::corpus::BlockKind;
use crate::neighbours::Neighbours;
use crate::route::{Location, Page};
use crate::search::{Highlights, Query};

#[derive(Properties, PartialEq)]
pub struct ArticleViewProps {
    /// The article's position in the index.
    pub doc: usize,
}

/// One article: heading, meta line, body, source and copyright, with the
/// search's matches highlighted, and its neighbours in the result list.
#[component]
pub fn ArticleView(props: &ArticleViewProps) -> Html {
    let ctx = use_ctx();
    let state = &ctx.state;
    let article = &ctx.index.articles()[props.doc];
    let location = state.location.clone();
    let filters = search_filters(&ctx);
    // The reader's place in the list: the whole ordered result list, once per article.
    let neighbours = {
        let index = ctx.index.clone();
        let doc = props.doc;
        use_memo(
            (location.query.clone(), filters, location.sort, doc),
            move |(query, filters, sort, doc)| {
                Neighbours::of(*doc, &index.ranked(&Query::parse(query), filters, *sort))
            },
        )
    };
    let highlights: std::rc::Rc<Highlights> = {
        let index = ctx.index.clone();
        let on = state.prefs.highlight;
        use_memo((location.query.clone(), props.doc, on), move |(query, doc, on)| {
            if *on {
                index.highlights(*doc, &Query::parse(query))
            } else {
                Highlights::default()
            }
        })
    };
    let searching = !location.query.trim().is_empty();
    let link_to = |doc: usize| {
        let other = &ctx.index.articles()[doc];
        let target = Location {
            page: Page::Article(other.slug.clone()),
            ..location.clone()
        };
        let href = target.href(&ctx.base);
        let open = {
            let ctx = ctx.clone();
            let slug = other.slug.clone();
            link_handler(move || {
                ctx.dispatch(Action::Open {
                    slug: slug.clone(),
                    scroll: 0.0,
                })
            })
        };
        (href, open, other.title.clone())
    };
    let back = {
        let ctx = ctx.clone();
        let from_list = state.from_list;
        link_handler(move || back_to_list(&ctx, from_list))
    };
    let saved = state.library.saved.contains(&article.slug);
    let toggle_save = {
        let slug = article.slug.clone();
        ctx.callback(move |_: MouseEvent| Action::ToggleSave(slug.clone()))
    };
    let toggle_highlight = {
        let on = state.prefs.highlight;
        ctx.callback(move |_: MouseEvent| Action::Highlight(!on))
    };
    let blocks = article.blocks.iter().enumerate().map(|(i, block)| {
        let ranges = highlights.blocks.get(i).cloned().unwrap_or_default();
        let text = AttrValue::from(block.text.to_string());
        match block.kind {
            BlockKind::Subheading => html! { <h2><Marked {text} {ranges} /></h2> },
            BlockKind::Paragraph => html! { <p><Marked {text} {ranges} /></p> },
        }
    });
    let Neighbours { previous, next } = *neighbours;
    html! {
        <article class="article">
            <nav class="article-nav" aria-label="Back">
                <a href={location.list().href(&ctx.base)} onclick={back}>
                    { if searching { "← Back to results" } else { "← All articles" } }
                </a>
            </nav>
            <header>
                <h1 id="page-heading" tabindex="-1">
                    <Marked text={article.title.clone()} ranges={highlights.title.clone()} />
                </h1>
                <p class="meta">
                    if let Some(publisher) = &article.publisher { <span>{ publisher }</span> }
                    if let Some(date) = article.date {
                        <time datetime={date.to_string()}>{ meta::long_date(date) }</time>
                    }
                    if let Some(dateline) = &article.dateline { <span>{ dateline }</span> }
                    <span>{ format!("{} min read", article.reading_minutes) }</span>
                </p>
                if article.teaser {
                    <p class="teaser-note">
                        { "This is an excerpt. " }
                        if let Some(url) = &article.url {
                            <a href={url.clone()} rel="noopener noreferrer">{ "Read the full article" }</a>
                        } else {
                            { format!("The full article is published by {}.", article.publisher.as_deref().unwrap_or("its publisher")) }
                        }
                    </p>
                }
                <div class="article-actions needs-js">
                    <button type="button" aria-pressed={saved.to_string()} onclick={toggle_save}>
                        { if saved { "Saved" } else { "Save" } }
                    </button>
                    if searching {
                        <button type="button" aria-pressed={state.prefs.highlight.to_string()} onclick={toggle_highlight}>
                            { "Highlight matches" }
                        </button>
                    }
                </div>
            </header>
            <div class="body">{ for blocks }</div>
            if !article.photos.is_empty() {
                <aside class="photos" aria-label="Photo credits">
                    { for article.photos.iter().map(|photo| html! { <p>{ photo.text() }</p> }) }
                </aside>
            }
            <footer class="article-footer">
                if let Some(source) = &article.source { <p>{ format!("Source: {source}") }</p> }
                if let Some(copyright) = &article.copyright { <p>{ copyright }</p> }
            </footer>
            <nav class="neighbours" aria-label="More articles">
                if let Some(doc) = previous {
                    { { let (href, onclick, title) = link_to(doc); html! { <a class="prev" {href} {onclick}><span>{ "Previous" }</span>{ title }</a> } } }
                }
                if let Some(doc) = next {
                    { { let (href, onclick, title) = link_to(doc); html! { <a class="next" {href} {onclick}><span>{ "Next" }</span>{ title }</a> } } }
                }
            </nav>
        </article>
    }
}
