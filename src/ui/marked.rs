use std::ops::Range;

use yew::prelude::*;

/// `text` with the byte `ranges` that matched in `<mark>`; ranges that
/// overlap, are out of order or do not fall on character boundaries are
/// ignored. Every piece is a text node: corpus text never becomes markup.
///
/// A function, not a component: a page shows one for each title and
/// paragraph, and each component would cost taking over the page a scope
/// of its own and the markers the prerendered HTML carries around it.
pub fn marked(text: &str, ranges: &[Range<usize>]) -> Html {
    let mut pieces = Vec::new();
    let mut at = 0;
    for range in ranges {
        let valid = range.start >= at
            && range.start < range.end
            && range.end <= text.len()
            && text.is_char_boundary(range.start)
            && text.is_char_boundary(range.end);
        if !valid {
            continue;
        }
        if range.start > at {
            pieces.push(html! { { &text[at..range.start] } });
        }
        pieces.push(html! { <mark>{ &text[range.clone()] }</mark> });
        at = range.end;
    }
    if at < text.len() {
        pieces.push(html! { { &text[at..] } });
    }
    html! { <>{ for pieces }</> }
}
