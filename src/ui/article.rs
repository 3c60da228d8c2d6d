use yew::prelude::*;

use super::browser::back_to_list;
use super::card::link_handler;
use super::context::Ctx;
use super::listen::Listen;
use super::marked::marked;
use super::meta;
use super::state::Action;
use crate::corpus::BlockKind;
use crate::engine::protocol::{ArticleAnswer, Link};
use crate::route::{Location, Page};
use crate::search::Highlights;

/// One article: heading, meta line, body, source and copyright, with the
/// search's matches highlighted, what to read next, and its neighbours in
/// the result list. A related article opens in the reader's list, as a
/// neighbour does: Back returns to that list.
pub fn article_view(ctx: &Ctx, answer: &ArticleAnswer) -> Html {
    let state = &ctx.state;
    let article = &answer.article;
    let location = state.location.clone();
    let no_highlights = Highlights::default();
    let highlights = if state.prefs.highlight {
        &answer.highlights
    } else {
        &no_highlights
    };
    let searching = !location.query.trim().is_empty();
    let link_to = |other: &Link| {
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
    let people = article.people.iter().map(|name| {
        let target = Location {
            query: name.clone(),
            embed: location.embed.clone(),
            ..Location::default()
        };
        let search = {
            let ctx = ctx.clone();
            let name = name.clone();
            link_handler(move || ctx.dispatch(Action::Search(name.clone())))
        };
        html! { <li><a href={target.href(&ctx.base)} onclick={search}>{ name }</a></li> }
    });
    let blocks = article.blocks.iter().enumerate().map(|(i, block)| {
        let text = marked(&block.text, highlights.blocks.get(i).map_or(&[], Vec::as_slice));
        match block.kind {
            BlockKind::Subheading => html! { <h2>{ text }</h2> },
            BlockKind::Paragraph => html! { <p>{ text }</p> },
        }
    });
    let lang = crate::text::language(
        std::iter::once(article.title.as_str()).chain(article.blocks.iter().map(|b| b.text.as_ref())),
    );
    html! {
        <article class="article" {lang}>
            <nav class="article-nav" aria-label="Back">
                <a href={location.list().href(&ctx.base)} onclick={back}>
                    { if searching { "← Back to results" } else { "← All articles" } }
                </a>
            </nav>
            <header>
                <h1 id="page-heading" tabindex="-1">
                    { marked(&article.title, &highlights.title) }
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
                    <Listen key={article.slug.clone()} />
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
                    { for article.photos.iter().map(|photo| html! { <p>{ photo }</p> }) }
                </aside>
            }
            if !article.people.is_empty() {
                <section class="people" aria-labelledby="people-heading">
                    <h2 id="people-heading">{ "People in this article" }</h2>
                    <ul>{ for people }</ul>
                </section>
            }
            <footer class="article-footer">
                if let Some(source) = &article.source { <p>{ format!("Source: {source}") }</p> }
                if let Some(copyright) = &article.copyright { <p>{ copyright }</p> }
            </footer>
            if !article.related.is_empty() {
                <section class="related" aria-labelledby="related-heading">
                    <h2 id="related-heading">{ "Read next" }</h2>
                    <ul>{ for article.related.iter().map(|other| {
                        let (href, onclick, title) = link_to(other);
                        html! { <li><a {href} {onclick}>{ title }</a></li> }
                    }) }</ul>
                </section>
            }
            <nav class="neighbours" aria-label="More articles">
                if let Some(previous) = &answer.previous {
                    { { let (href, onclick, title) = link_to(previous); html! { <a class="prev" {href} {onclick}><span>{ "Previous" }</span>{ title }</a> } } }
                }
                if let Some(next) = &answer.next {
                    { { let (href, onclick, title) = link_to(next); html! { <a class="next" {href} {onclick}><span>{ "Next" }</span>{ title }</a> } } }
                }
            </nav>
        </article>
    }
}
