//! The build-time bundle: what the app decodes is exactly what the build
//! parsed, and damaged bytes (any changed byte, any cut) are an error,
//! never a panic and never a wrong corpus.
#![cfg(not(target_arch = "wasm32"))]

use folio::corpus::bundle::{self, BundleError};
use folio::corpus::{self, Source};
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

/// The seed's first `n` articles, encoded.
fn small_bundle(n: usize) -> Vec<u8> {
    let mut articles = seed();
    articles.truncate(n);
    bundle::encode(&articles)
}

/// The error `decode` must give for `bytes`, damaged from a good bundle: a
/// cut or change within the magic line says the file is not a bundle, any
/// other says it is damaged.
fn expected_error(bytes: &[u8]) -> BundleError {
    let magic = b"folio-bundle-5\n";
    if bytes.starts_with(magic) {
        BundleError::Damaged
    } else {
        BundleError::NotABundle
    }
}

#[test]
fn damage_is_reported() {
    let bytes = bundle::encode(&seed());
    assert_eq!(bundle::decode(b"hello"), Err(BundleError::NotABundle));
    assert_eq!(bundle::decode(&bytes[..bytes.len() - 1]), Err(BundleError::Damaged));
    let mut extra = bytes.clone();
    extra.push(0);
    assert_eq!(bundle::decode(&extra), Err(BundleError::Damaged));
    assert_eq!(
        BundleError::Damaged.to_string(),
        "the bundle is damaged: its checksum does not match"
    );
}

#[test]
fn every_changed_byte_is_an_error() {
    let bytes = small_bundle(3);
    assert!(bundle::decode(&bytes).is_ok());
    for i in 0..bytes.len() {
        // Across the positions, every one of the 255 changes a byte can take.
        let mut damaged = bytes.clone();
        damaged[i] ^= (i % 255) as u8 + 1;
        assert_eq!(bundle::decode(&damaged), Err(expected_error(&damaged)), "byte {i}");
    }
}

#[test]
fn every_truncation_is_an_error() {
    let bytes = small_bundle(3);
    for len in 0..bytes.len() {
        let cut = &bytes[..len];
        assert_eq!(bundle::decode(cut), Err(expected_error(cut)), "cut at {len}");
    }
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
    fn any_changed_byte_or_cut_in_the_seed_bundle_is_an_error(
        at in any::<prop::sample::Index>(),
        change in 1..=255u8,
        cut in any::<prop::sample::Index>(),
    ) {
        let bytes = bundle::encode(&seed());
        let mut damaged = bytes.clone();
        damaged[at.index(bytes.len())] ^= change;
        prop_assert_eq!(bundle::decode(&damaged), Err(expected_error(&damaged)));
        let cut = &bytes[..cut.index(bytes.len())];
        prop_assert_eq!(bundle::decode(cut), Err(expected_error(cut)));
    }
}
