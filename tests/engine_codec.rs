//! The messages between the page and the engine's worker survive the trip
//! as bytes exactly, and damaged bytes are an error, never a panic.

use folio::catalog::{Filters, Sort};
use folio::corpus::Date;
use folio::engine::answer_now;
use folio::engine::codec::{decode, encode, Malformed, Wire};
use folio::engine::protocol::{ArticleRequest, List, Numbered, Passage, Request, Response, SearchRequest};
use folio::names::Names;
use folio::search::Index;

fn engine() -> Index {
    Index::new(folio::bundled::articles().expect("the bundle decodes"))
}

fn list(query: &str) -> List {
    let mut filters = Filters::default();
    filters.publishers.insert("RFE/RL".into());
    filters.countries.insert("Kazakhstan".into());
    List {
        query: query.into(),
        filters,
        saved: None,
        sort: Sort::Relevance,
    }
}

fn requests() -> Vec<Request> {
    let saved = List {
        saved: Some(Names::from(["arrest-of-a-fugitive-driver"])),
        sort: Sort::Oldest,
        ..List::default()
    };
    vec![
        Request::Start,
        Request::Search(SearchRequest {
            list: list("Toqaev \"state of emergency\" -Putin"),
            limit: 20,
            facets: true,
        }),
        Request::Search(SearchRequest {
            list: saved,
            limit: 40,
            facets: false,
        }),
        Request::Search(SearchRequest {
            list: List {
                query: "Kazakhstan crisis".into(),
                filters: Filters {
                    dates: Some((Date::iso("2022-01-08").unwrap(), Date::iso("2022-01-10").unwrap())),
                    ..Filters::default()
                },
                sort: Sort::Newest,
                ..List::default()
            },
            limit: 1,
            facets: true,
        }),
        Request::Article(ArticleRequest {
            slug: "will-the-crisis-in-kazakhstan-affect-putins-plans-for-ukraine".into(),
            list: List {
                query: "Toqaev".into(),
                ..List::default()
            },
        }),
        Request::Article(ArticleRequest {
            slug: "the-long-lasting-conundrum-in-tajikistans-pamir-region".into(),
            list: List::default(),
        }),
        Request::Article(ArticleRequest {
            slug: "no-such-article".into(),
            list: List::default(),
        }),
    ]
}

fn round_trip<T: Wire + PartialEq + std::fmt::Debug>(number: u32, body: T) -> usize {
    let message = Numbered { number, body };
    let bytes = encode(&message);
    assert_eq!(decode::<T>(&bytes), Ok(message), "{bytes:?}");
    bytes.len()
}

#[test]
fn every_request_and_answer_survives_the_trip_exactly() {
    let engine = engine();
    let mut responses = vec![Response::Failed("The bundle is damaged.".into())];
    for (number, request) in requests().into_iter().enumerate() {
        round_trip(number as u32 * 1_000_003, request.clone());
        responses.push(answer_now(&engine, &request));
    }
    // What the answers hold, so the trip covers every kind of field.
    let search = |r: &Response| match r {
        Response::Search(search) => Some(search.clone()),
        _ => None,
    };
    let searches: Vec<_> = responses.iter().filter_map(search).collect();
    assert!(searches
        .iter()
        .any(|s| s.hits.iter().any(|h| matches!(h.passage, Passage::Snippet(_)))));
    assert!(searches
        .iter()
        .any(|s| s.hits.iter().any(|h| matches!(h.passage, Passage::Excerpt(_)))));
    assert!(searches
        .iter()
        .any(|s| s.hits.iter().any(|h| !h.title_marks.is_empty())));
    assert!(responses.iter().any(|r| matches!(r, Response::Article(None))));
    assert!(responses.iter().any(|r| matches!(r, Response::Article(Some(a))
        if a.previous.is_some() && a.next.is_some() && a.highlights.blocks.iter().any(|b| !b.is_empty()))));
    assert!(responses
        .iter()
        .any(|r| matches!(r, Response::Article(Some(a)) if !a.article.photos.is_empty())));
    assert!(responses.contains(&Response::Started { articles: 9 }));
    for (number, response) in responses.into_iter().enumerate() {
        round_trip(u32::MAX - number as u32, response);
    }
}

#[test]
fn a_damaged_message_is_an_error() {
    let engine = engine();
    let answer = answer_now(&engine, &requests()[4]);
    let bytes = encode(&Numbered {
        number: 7,
        body: answer,
    });
    for cut in 0..bytes.len() {
        assert_eq!(decode::<Response>(&bytes[..cut]), Err(Malformed), "cut at {cut}");
    }
    let mut longer = bytes.clone();
    longer.push(0);
    assert_eq!(decode::<Response>(&longer), Err(Malformed), "a byte too many");
    assert_eq!(decode::<Request>(&[0, 9]), Err(Malformed), "no such request");
    // A length far past the end allocates nothing and fails.
    assert_eq!(
        decode::<Response>(&[0, 3, 0xff, 0xff, 0xff, 0xff, 0x0f]),
        Err(Malformed)
    );
}

#[test]
fn a_keystroke_costs_few_bytes() {
    let engine = engine();
    let request = Request::Search(SearchRequest {
        list: List {
            query: "Tokayev".into(),
            ..List::default()
        },
        limit: 20,
        facets: false,
    });
    assert_eq!(round_trip(1, request.clone()), 19);
    let answer = round_trip(1, answer_now(&engine, &request));
    assert!((1_000..4_000).contains(&answer), "{answer} bytes");
}
