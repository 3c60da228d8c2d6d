//! The build-time bundle: what the app decodes is exactly what the build
//! parsed, and damaged bytes are an error, never a panic.
#![cfg(not(target_arch = "wasm32"))]

use folio::corpus::{self, bundle, Source};
use proptest::prelude::*;

fn seed() -> Vec<corpus::Article> {
    corpus::parse(&[Source {
        name: "seeds/000_cb824f7dda8be3ad.txt".into(),
        bytes: include_bytes!("../seeds/000_cb824f7dda8be3ad.txt").as_slice().into(),
    }])
    .expect("seed parses")
    .articles
}

#[test]
fn the_seed_survives_the_round_trip() {
    let articles = seed();
    assert_eq!(bundle::decode(&bundle::encode(&articles)), Ok(articles));
}

#[test]
fn the_app_bundle_is_the_seed() {
    assert_eq!(folio::bundled::articles(), Ok(seed()));
}

#[test]
fn damage_is_reported() {
    let bytes = bundle::encode(&seed());
    assert_eq!(bundle::decode(b"hello"), Err("not a folio corpus bundle".to_string()));
    assert!(bundle::decode(&bytes[..bytes.len() - 1]).is_err());
    let mut extra = bytes.clone();
    extra.push(0);
    assert_eq!(
        bundle::decode(&extra),
        Err("trailing bytes after the last article".to_string())
    );
}

/// Inputs fuzzing found that broke the round trip, kept as regressions.
#[test]
fn fuzzing_regressions_round_trip() {
    let cases: [&[u8]; 1] = [
        // A "date" with a negative year: 03.10.-616.
        b"\r42.10.-616\r\r03.10.-616\r\r\r0E\r",
    ];
    for bytes in cases {
        let articles = corpus::parse(&[Source {
            name: "fuzz.txt".into(),
            bytes: bytes.into(),
        }])
        .expect("parses")
        .articles;
        assert_eq!(bundle::decode(&bundle::encode(&articles)), Ok(articles));
    }
}

proptest! {
    #[test]
    fn any_damage_is_an_error_not_a_panic(at in any::<prop::sample::Index>(), byte in any::<u8>(), cut in any::<prop::sample::Index>()) {
        let mut bytes = bundle::encode(&seed());
        let i = at.index(bytes.len());
        bytes[i] = byte;
        let _ = bundle::decode(&bytes);
        let _ = bundle::decode(&bytes[..cut.index(bytes.len())]);
    }
}
