//! The messages as bytes, for `postMessage` between the page and the
//! worker: each field in order, numbers as LEB128, strings and lists with
//! their length first. Written here rather than with serde: it adds no
//! crate to either wasm, and a damaged message is an error, never a panic
//! (lengths are checked against the bytes left before anything is
//! allocated).

use crate::names::Names;
use std::borrow::Cow;
use std::ops::Range;

use super::protocol::{
    ArticleAnswer, ArticleRequest, ArticleText, CardText, Link, List, Numbered, Passage, Request, Response,
    SearchAnswer, SearchRequest,
};
use crate::catalog::{FacetValue, FacetValues, Facets, Filters, Sort};
use crate::corpus::{Block, BlockKind, Date};
use crate::search::{Highlights, Snippet};
use crate::varint;

/// A message that could not be read.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Malformed;

/// `message` as bytes.
pub fn encode<T: Wire>(message: &Numbered<T>) -> Vec<u8> {
    let mut out = Vec::new();
    message.put(&mut out);
    out
}

/// The message in `bytes`, which must hold exactly one.
pub fn decode<T: Wire>(bytes: &[u8]) -> Result<Numbered<T>, Malformed> {
    let mut input = Input { bytes, at: 0 };
    let message = Numbered::get(&mut input)?;
    if input.at == bytes.len() {
        Ok(message)
    } else {
        Err(Malformed)
    }
}

/// The bytes being read, and where.
pub struct Input<'a> {
    bytes: &'a [u8],
    at: usize,
}

impl Input<'_> {
    fn number(&mut self) -> Result<u64, Malformed> {
        varint::read_strict(self.bytes, &mut self.at).map_err(|_| Malformed)
    }

    fn byte(&mut self) -> Result<u8, Malformed> {
        let byte = *self.bytes.get(self.at).ok_or(Malformed)?;
        self.at += 1;
        Ok(byte)
    }

    /// A length, which cannot be more than the bytes left (every item takes
    /// at least one).
    fn length(&mut self) -> Result<usize, Malformed> {
        let length = usize::try_from(self.number()?).map_err(|_| Malformed)?;
        if length > self.bytes.len() - self.at {
            return Err(Malformed);
        }
        Ok(length)
    }
}

/// A value that travels in a message.
pub trait Wire: Sized {
    fn put(&self, out: &mut Vec<u8>);
    fn get(input: &mut Input<'_>) -> Result<Self, Malformed>;
}

impl Wire for u32 {
    fn put(&self, out: &mut Vec<u8>) {
        varint::push(out, *self);
    }
    fn get(input: &mut Input<'_>) -> Result<Self, Malformed> {
        u32::try_from(input.number()?).map_err(|_| Malformed)
    }
}

impl Wire for usize {
    fn put(&self, out: &mut Vec<u8>) {
        varint::push(out, *self as u64);
    }
    fn get(input: &mut Input<'_>) -> Result<Self, Malformed> {
        usize::try_from(input.number()?).map_err(|_| Malformed)
    }
}

impl Wire for bool {
    fn put(&self, out: &mut Vec<u8>) {
        out.push(u8::from(*self));
    }
    fn get(input: &mut Input<'_>) -> Result<Self, Malformed> {
        match input.byte()? {
            0 => Ok(false),
            1 => Ok(true),
            _ => Err(Malformed),
        }
    }
}

impl Wire for String {
    fn put(&self, out: &mut Vec<u8>) {
        self.len().put(out);
        out.extend_from_slice(self.as_bytes());
    }
    fn get(input: &mut Input<'_>) -> Result<Self, Malformed> {
        let length = input.length()?;
        let bytes = &input.bytes[input.at..input.at + length];
        input.at += length;
        String::from_utf8(bytes.to_vec()).map_err(|_| Malformed)
    }
}

impl<T: Wire> Wire for Option<T> {
    fn put(&self, out: &mut Vec<u8>) {
        match self {
            None => out.push(0),
            Some(value) => {
                out.push(1);
                value.put(out);
            }
        }
    }
    fn get(input: &mut Input<'_>) -> Result<Self, Malformed> {
        match bool::get(input)? {
            false => Ok(None),
            true => Ok(Some(T::get(input)?)),
        }
    }
}

impl<T: Wire> Wire for Box<T> {
    fn put(&self, out: &mut Vec<u8>) {
        (**self).put(out);
    }
    fn get(input: &mut Input<'_>) -> Result<Self, Malformed> {
        T::get(input).map(Box::new)
    }
}

impl<T: Wire> Wire for Vec<T> {
    fn put(&self, out: &mut Vec<u8>) {
        self.len().put(out);
        for item in self {
            item.put(out);
        }
    }
    fn get(input: &mut Input<'_>) -> Result<Self, Malformed> {
        let length = input.length()?;
        let mut items = Vec::with_capacity(length);
        for _ in 0..length {
            items.push(T::get(input)?);
        }
        Ok(items)
    }
}

impl Wire for Names {
    fn put(&self, out: &mut Vec<u8>) {
        self.len().put(out);
        for item in self {
            item.put(out);
        }
    }
    fn get(input: &mut Input<'_>) -> Result<Self, Malformed> {
        let length = input.length()?;
        let mut items = Names::new();
        for _ in 0..length {
            items.insert(String::get(input)?);
        }
        Ok(items)
    }
}

impl Wire for Range<usize> {
    fn put(&self, out: &mut Vec<u8>) {
        self.start.put(out);
        self.end.put(out);
    }
    fn get(input: &mut Input<'_>) -> Result<Self, Malformed> {
        Ok(usize::get(input)?..usize::get(input)?)
    }
}

impl Wire for Date {
    fn put(&self, out: &mut Vec<u8>) {
        // Years are small and positive in practice; zigzag keeps any exact.
        varint::push(out, ((self.year << 1) ^ (self.year >> 31)) as u32);
        out.extend([self.month, self.day]);
    }
    fn get(input: &mut Input<'_>) -> Result<Self, Malformed> {
        let zigzag = u32::get(input)?;
        let year = (zigzag >> 1) as i32 ^ -((zigzag & 1) as i32);
        Date::new(year, input.byte()?, input.byte()?).ok_or(Malformed)
    }
}

impl<A: Wire, B: Wire> Wire for (A, B) {
    fn put(&self, out: &mut Vec<u8>) {
        self.0.put(out);
        self.1.put(out);
    }
    fn get(input: &mut Input<'_>) -> Result<Self, Malformed> {
        Ok((A::get(input)?, B::get(input)?))
    }
}

impl Wire for Sort {
    fn put(&self, out: &mut Vec<u8>) {
        out.push(match self {
            Sort::Relevance => 0,
            Sort::Newest => 1,
            Sort::Oldest => 2,
        });
    }
    fn get(input: &mut Input<'_>) -> Result<Self, Malformed> {
        match input.byte()? {
            0 => Ok(Sort::Relevance),
            1 => Ok(Sort::Newest),
            2 => Ok(Sort::Oldest),
            _ => Err(Malformed),
        }
    }
}

impl Wire for Block {
    fn put(&self, out: &mut Vec<u8>) {
        out.push(self.kind as u8);
        self.text.to_string().put(out);
    }
    fn get(input: &mut Input<'_>) -> Result<Self, Malformed> {
        let kind = match input.byte()? {
            0 => BlockKind::Paragraph,
            1 => BlockKind::Subheading,
            _ => return Err(Malformed),
        };
        Ok(Block {
            kind,
            text: Cow::Owned(String::get(input)?),
        })
    }
}

/// Each field in order, for a struct of [`Wire`] fields.
macro_rules! wire_struct {
    ($name:ident { $($field:ident),* $(,)? }) => {
        impl Wire for $name {
            fn put(&self, out: &mut Vec<u8>) {
                $(self.$field.put(out);)*
            }
            fn get(input: &mut Input<'_>) -> Result<Self, Malformed> {
                Ok($name { $($field: Wire::get(input)?),* })
            }
        }
    };
}

impl Wire for Filters {
    /// The four facets and the dates; `only` is the engine's and never
    /// travels.
    fn put(&self, out: &mut Vec<u8>) {
        self.publishers.put(out);
        self.countries.put(out);
        self.months.put(out);
        self.people.put(out);
        self.dates.put(out);
    }
    fn get(input: &mut Input<'_>) -> Result<Self, Malformed> {
        Ok(Filters {
            publishers: Wire::get(input)?,
            countries: Wire::get(input)?,
            months: Wire::get(input)?,
            people: Wire::get(input)?,
            dates: Wire::get(input)?,
            only: None,
        })
    }
}

impl<T: Wire> Wire for Numbered<T> {
    fn put(&self, out: &mut Vec<u8>) {
        self.number.put(out);
        self.body.put(out);
    }
    fn get(input: &mut Input<'_>) -> Result<Self, Malformed> {
        Ok(Numbered {
            number: Wire::get(input)?,
            body: Wire::get(input)?,
        })
    }
}

wire_struct!(List {
    query,
    filters,
    saved,
    sort
});
wire_struct!(SearchRequest { list, limit, facets });
wire_struct!(ArticleRequest { slug, list });
wire_struct!(FacetValue { value, count, selected });
wire_struct!(FacetValues { values, estimated });
wire_struct!(Facets {
    publishers,
    countries,
    months,
    people,
    days
});
wire_struct!(Snippet {
    block,
    text,
    ranges,
    cut_start,
    cut_end
});
wire_struct!(Highlights { title, blocks });
wire_struct!(Link { slug, title });
wire_struct!(SearchAnswer {
    total,
    at_least,
    estimated,
    fallback,
    incomplete,
    facets,
    hits
});
wire_struct!(CardText {
    slug,
    title,
    title_marks,
    publisher,
    date,
    reading_minutes,
    teaser,
    passage
});
wire_struct!(ArticleAnswer {
    article,
    highlights,
    previous,
    next
});
wire_struct!(ArticleText {
    slug,
    title,
    publisher,
    date,
    dateline,
    reading_minutes,
    teaser,
    url,
    blocks,
    photos,
    people,
    related,
    source,
    copyright,
    excerpt,
});

impl Wire for Passage {
    fn put(&self, out: &mut Vec<u8>) {
        match self {
            Passage::Excerpt(text) => {
                out.push(0);
                text.put(out);
            }
            Passage::Snippet(snippet) => {
                out.push(1);
                snippet.put(out);
            }
        }
    }
    fn get(input: &mut Input<'_>) -> Result<Self, Malformed> {
        match input.byte()? {
            0 => Ok(Passage::Excerpt(Wire::get(input)?)),
            1 => Ok(Passage::Snippet(Wire::get(input)?)),
            _ => Err(Malformed),
        }
    }
}

impl Wire for Request {
    fn put(&self, out: &mut Vec<u8>) {
        match self {
            Request::Start => out.push(0),
            Request::Search(search) => {
                out.push(1);
                search.put(out);
            }
            Request::Article(article) => {
                out.push(2);
                article.put(out);
            }
        }
    }
    fn get(input: &mut Input<'_>) -> Result<Self, Malformed> {
        match input.byte()? {
            0 => Ok(Request::Start),
            1 => Ok(Request::Search(Wire::get(input)?)),
            2 => Ok(Request::Article(Wire::get(input)?)),
            _ => Err(Malformed),
        }
    }
}

impl Wire for Response {
    fn put(&self, out: &mut Vec<u8>) {
        match self {
            Response::Started { articles } => {
                out.push(0);
                articles.put(out);
            }
            Response::Search(search) => {
                out.push(1);
                search.put(out);
            }
            Response::Article(article) => {
                out.push(2);
                article.put(out);
            }
            Response::Failed(error) => {
                out.push(3);
                error.put(out);
            }
        }
    }
    fn get(input: &mut Input<'_>) -> Result<Self, Malformed> {
        match input.byte()? {
            0 => Ok(Response::Started {
                articles: Wire::get(input)?,
            }),
            1 => Ok(Response::Search(Wire::get(input)?)),
            2 => Ok(Response::Article(Wire::get(input)?)),
            3 => Ok(Response::Failed(Wire::get(input)?)),
            _ => Err(Malformed),
        }
    }
}
