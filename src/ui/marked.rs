use std::ops::Range;

use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct MarkedProps {
    pub text: AttrValue,
    /// Byte ranges of `text` to mark; ranges that overlap, are out of order
    /// or do not fall on character boundaries are ignored.
    #[prop_or_default]
    pub ranges: Vec<Range<usize>>,
}

/// Text with its matches in `<mark>`. Every piece is a text node: corpus
/// text never becomes markup.
#[component]
pub fn Marked(props: &MarkedProps) -> Html {
    let text = props.text.as_str();
    let mut pieces = Vec::new();
    let mut at = 0;
    for range in &props.ranges {
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
