//! The corpus parser, on any bytes, as text and as JSON Lines: never a
//! panic; what parses writes back to text that parses again, and survives
//! the bundle the app receives.
#![no_main]

use folio_core::corpus::{self, bundle, Source};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|bytes: &[u8]| {
    for name in ["fuzz.txt", "fuzz.jsonl"] {
        let Ok(parsed) = corpus::parse(&[Source {
            name: name.into(),
            bytes: bytes.into(),
        }]) else {
            continue;
        };
        let encoded = bundle::encode(&parsed.articles);
        assert_eq!(bundle::decode(&encoded).as_ref(), Ok(&parsed.articles));
        let text: String = parsed
            .articles
            .iter()
            .map(|a| a.to_text_lines().join("\n\n") + "\n\n")
            .collect();
        let again = corpus::parse(&[Source {
            name: "again.txt".into(),
            bytes: text.as_bytes().into(),
        }]);
        assert!(again.is_ok(), "written-back text does not parse: {text:?}");
    }
    // Any bytes as a bundle: as they are (the checksum turns them away),
    // and behind a good checksum, so the reader itself sees them.
    let _ = bundle::decode(bytes);
    let _ = bundle::decode(&bundle::seal(bytes));
});
