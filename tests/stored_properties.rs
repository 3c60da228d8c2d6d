//! Stored state is hostile input: whatever local storage or an imported
//! file holds, reading it never panics, and what folio writes reads back
//! as it was.
#![cfg(not(target_arch = "wasm32"))]

use folio::names::Names;
use folio::ui::backup::Backup;
use folio::ui::library::Library;
use folio::ui::prefs::{Prefs, Theme, LAYOUTS, TEXT_SIZES};
use folio::ui::stored::{self, Json};
use proptest::prelude::*;

/// Text that is often nearly JSON: fragments of it, glued at random.
fn jsonish() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        Just("{".to_string()),
        Just("}".to_string()),
        Just("[".to_string()),
        Just("]".to_string()),
        Just(",".to_string()),
        Just(":".to_string()),
        Just("\"theme\"".to_string()),
        Just("\"read\"".to_string()),
        Just("\\u".to_string()),
        Just("\\".to_string()),
        Just("\"".to_string()),
        "[0-9eE.+-]{1,6}",
        "(true|false|null)",
        any::<String>(),
    ];
    prop::collection::vec(piece, 0..40).prop_map(|pieces| pieces.concat())
}

fn slugs() -> impl Strategy<Value = Names> {
    prop::collection::btree_set(any::<String>(), 0..8).prop_map(|set| set.into_iter().collect())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 2000, ..ProptestConfig::default() })]

    #[test]
    fn reading_any_text_never_panics(text in jsonish()) {
        if let Some(json) = stored::parse(&text) {
            prop_assert!(TEXT_SIZES.contains(&Prefs::from_json(&json).text_scale()));
            let _ = Library::from_json(&json);
            if let Ok(backup) = Backup::from_json(&json).validate() {
                let slug = |s: &String| !s.is_empty() && s.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-');
                prop_assert!(backup.read.iter().chain(&backup.saved).all(slug));
            }
        }
    }

    #[test]
    fn what_is_written_reads_back(
        theme in 0..Theme::ALL.len(),
        text_size in any::<usize>(),
        flags in any::<[bool; 3]>(),
        layout in any::<[prop::sample::Index; 3]>(),
        read in slugs(),
        saved in slugs(),
    ) {
        let backup = Backup {
            folio: Backup::VERSION,
            prefs: Prefs {
                theme: Theme::ALL[theme],
                text_size,
                mark_read: flags[0],
                shortcuts: flags[1],
                highlight: flags[2],
                layout: std::array::from_fn(|i| layout[i].index(LAYOUTS[i].options.len())),
            },
            read,
            saved,
        };
        let json = stored::parse(&backup.to_json());
        prop_assert!(matches!(json, Some(Json::Map(_))));
        prop_assert_eq!(Backup::from_json(&json.unwrap()), backup);
    }
}
