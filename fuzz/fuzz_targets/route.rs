//! Any URL: parsing never panics, and a location's URL parses back to it
//! (a not-found location has no URL of its own: it links to the list).
#![no_main]

use folio_core::route::{Location, Page};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|text: &str| {
    let (path, search) = text.split_once('?').unwrap_or((text, ""));
    for base in ["/", "/news/"] {
        let location = Location::parse(path, search, base);
        let href = location.href(base);
        let (path, search) = href.split_once('?').unwrap_or((&href, ""));
        let again = Location::parse(path, search, base);
        if location.page == Page::NotFound {
            assert_eq!(again, location.list(), "{href}");
        } else {
            assert_eq!(again, location, "{href}");
        }
    }
});
