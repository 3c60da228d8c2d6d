//! Lowercase without the standard library's case table: `char::to_lowercase`
//! links a table of 1,434 pairs (11.5 KB) into the search engine's wasm, and
//! folding and stemming need it for every letter outside ASCII. The same
//! mapping fits in 185 runs of letters that move by the same distance
//! (`A`–`Z` by 32; `Ā`, `Ă`, … every second letter by one), 1.5 KB packed:
//! the engine's wasm is 6.8 KB gzipped smaller (116.6 to 109.8 KB, gzip -9).
//! The test below compares every character with `char::to_lowercase`, so a
//! Rust release with newer Unicode data says that the runs need writing
//! again (the test names the first letter that differs).

/// Appends the lowercase of `c` to `out`, as `char::to_lowercase` gives it.
pub fn push_lower(c: char, out: &mut String) {
    if c.is_ascii() {
        out.push(c.to_ascii_lowercase());
    } else if c == 'İ' {
        // The one letter whose lowercase is two characters.
        out.push_str("i\u{307}");
    } else {
        out.push(lower(c));
    }
}

/// `text` lowercased a character at a time: what `str::to_lowercase` gives
/// for any text without a capital sigma (`Σ`), whose word-final form it
/// alone writes as `ς`.
pub fn lowercase(text: &str) -> String {
    crate::text::per_char(text, push_lower)
}

/// The lowercase of `c` when it is one character (every one but `İ`).
fn lower(c: char) -> char {
    let at = PACKED.partition_point(|&(run, _)| run >> 9 <= c as u32);
    let Some(&(run, delta)) = at.checked_sub(1).map(|at| &PACKED[at]) else {
        return c;
    };
    let offset = c as u32 - (run >> 9);
    if offset > (run >> 1) & 0xff || !offset.is_multiple_of((run & 1) + 1) {
        return c;
    }
    char::from_u32((c as u32).wrapping_add_signed(delta)).unwrap_or(c)
}

/// [`RUNS`] as the lookup reads them, in half the bytes: a run's first
/// letter, span and step in one number (`first << 9 | span << 1 | step - 1`),
/// and its delta.
const PACKED: [(u32, i32); RUNS.len()] = {
    let mut packed = [(0, 0); RUNS.len()];
    let mut i = 0;
    while i < RUNS.len() {
        let (first, last, step, delta) = RUNS[i];
        let span = last as u32 - first as u32;
        assert!(span < 256 && (step == 1 || step == 2));
        packed[i] = ((first as u32) << 9 | span << 1 | (step as u32 - 1), delta);
        i += 1;
    }
    packed
};

/// Letters whose lowercase is another letter, as runs: `(first, last, step,
/// delta)` is every `step`-th letter from `first` to `last`, each lowercased
/// by adding `delta`. Written from `char::to_lowercase` of Rust 1.95, in
/// order of `first`.
#[rustfmt::skip]
const RUNS: &[(char, char, u8, i32)] = &[
    ('\u{41}', '\u{5a}', 1, 32), ('\u{c0}', '\u{d6}', 1, 32), ('\u{d8}', '\u{de}', 1, 32), ('\u{100}', '\u{12e}', 2, 1),
    ('\u{132}', '\u{136}', 2, 1), ('\u{139}', '\u{147}', 2, 1), ('\u{14a}', '\u{176}', 2, 1),
    ('\u{178}', '\u{178}', 1, -121), ('\u{179}', '\u{17d}', 2, 1), ('\u{181}', '\u{181}', 1, 210),
    ('\u{182}', '\u{184}', 2, 1), ('\u{186}', '\u{186}', 1, 206), ('\u{187}', '\u{187}', 1, 1),
    ('\u{189}', '\u{18a}', 1, 205), ('\u{18b}', '\u{18b}', 1, 1), ('\u{18e}', '\u{18e}', 1, 79),
    ('\u{18f}', '\u{18f}', 1, 202), ('\u{190}', '\u{190}', 1, 203), ('\u{191}', '\u{191}', 1, 1),
    ('\u{193}', '\u{193}', 1, 205), ('\u{194}', '\u{194}', 1, 207), ('\u{196}', '\u{196}', 1, 211),
    ('\u{197}', '\u{197}', 1, 209), ('\u{198}', '\u{198}', 1, 1), ('\u{19c}', '\u{19c}', 1, 211),
    ('\u{19d}', '\u{19d}', 1, 213), ('\u{19f}', '\u{19f}', 1, 214), ('\u{1a0}', '\u{1a4}', 2, 1),
    ('\u{1a6}', '\u{1a6}', 1, 218), ('\u{1a7}', '\u{1a7}', 1, 1), ('\u{1a9}', '\u{1a9}', 1, 218),
    ('\u{1ac}', '\u{1ac}', 1, 1), ('\u{1ae}', '\u{1ae}', 1, 218), ('\u{1af}', '\u{1af}', 1, 1),
    ('\u{1b1}', '\u{1b2}', 1, 217), ('\u{1b3}', '\u{1b5}', 2, 1), ('\u{1b7}', '\u{1b7}', 1, 219),
    ('\u{1b8}', '\u{1b8}', 1, 1), ('\u{1bc}', '\u{1bc}', 1, 1), ('\u{1c4}', '\u{1c4}', 1, 2),
    ('\u{1c5}', '\u{1c5}', 1, 1), ('\u{1c7}', '\u{1c7}', 1, 2), ('\u{1c8}', '\u{1c8}', 1, 1),
    ('\u{1ca}', '\u{1ca}', 1, 2), ('\u{1cb}', '\u{1db}', 2, 1), ('\u{1de}', '\u{1ee}', 2, 1),
    ('\u{1f1}', '\u{1f1}', 1, 2), ('\u{1f2}', '\u{1f4}', 2, 1), ('\u{1f6}', '\u{1f6}', 1, -97),
    ('\u{1f7}', '\u{1f7}', 1, -56), ('\u{1f8}', '\u{21e}', 2, 1), ('\u{220}', '\u{220}', 1, -130),
    ('\u{222}', '\u{232}', 2, 1), ('\u{23a}', '\u{23a}', 1, 10795), ('\u{23b}', '\u{23b}', 1, 1),
    ('\u{23d}', '\u{23d}', 1, -163), ('\u{23e}', '\u{23e}', 1, 10792), ('\u{241}', '\u{241}', 1, 1),
    ('\u{243}', '\u{243}', 1, -195), ('\u{244}', '\u{244}', 1, 69), ('\u{245}', '\u{245}', 1, 71),
    ('\u{246}', '\u{24e}', 2, 1), ('\u{370}', '\u{372}', 2, 1), ('\u{376}', '\u{376}', 1, 1),
    ('\u{37f}', '\u{37f}', 1, 116), ('\u{386}', '\u{386}', 1, 38), ('\u{388}', '\u{38a}', 1, 37),
    ('\u{38c}', '\u{38c}', 1, 64), ('\u{38e}', '\u{38f}', 1, 63), ('\u{391}', '\u{3a1}', 1, 32),
    ('\u{3a3}', '\u{3ab}', 1, 32), ('\u{3cf}', '\u{3cf}', 1, 8), ('\u{3d8}', '\u{3ee}', 2, 1),
    ('\u{3f4}', '\u{3f4}', 1, -60), ('\u{3f7}', '\u{3f7}', 1, 1), ('\u{3f9}', '\u{3f9}', 1, -7),
    ('\u{3fa}', '\u{3fa}', 1, 1), ('\u{3fd}', '\u{3ff}', 1, -130), ('\u{400}', '\u{40f}', 1, 80),
    ('\u{410}', '\u{42f}', 1, 32), ('\u{460}', '\u{480}', 2, 1), ('\u{48a}', '\u{4be}', 2, 1),
    ('\u{4c0}', '\u{4c0}', 1, 15), ('\u{4c1}', '\u{4cd}', 2, 1), ('\u{4d0}', '\u{52e}', 2, 1),
    ('\u{531}', '\u{556}', 1, 48), ('\u{10a0}', '\u{10c5}', 1, 7264), ('\u{10c7}', '\u{10c7}', 1, 7264),
    ('\u{10cd}', '\u{10cd}', 1, 7264), ('\u{13a0}', '\u{13ef}', 1, 38864), ('\u{13f0}', '\u{13f5}', 1, 8),
    ('\u{1c89}', '\u{1c89}', 1, 1), ('\u{1c90}', '\u{1cba}', 1, -3008), ('\u{1cbd}', '\u{1cbf}', 1, -3008),
    ('\u{1e00}', '\u{1e94}', 2, 1), ('\u{1e9e}', '\u{1e9e}', 1, -7615), ('\u{1ea0}', '\u{1efe}', 2, 1),
    ('\u{1f08}', '\u{1f0f}', 1, -8), ('\u{1f18}', '\u{1f1d}', 1, -8), ('\u{1f28}', '\u{1f2f}', 1, -8),
    ('\u{1f38}', '\u{1f3f}', 1, -8), ('\u{1f48}', '\u{1f4d}', 1, -8), ('\u{1f59}', '\u{1f5f}', 2, -8),
    ('\u{1f68}', '\u{1f6f}', 1, -8), ('\u{1f88}', '\u{1f8f}', 1, -8), ('\u{1f98}', '\u{1f9f}', 1, -8),
    ('\u{1fa8}', '\u{1faf}', 1, -8), ('\u{1fb8}', '\u{1fb9}', 1, -8), ('\u{1fba}', '\u{1fbb}', 1, -74),
    ('\u{1fbc}', '\u{1fbc}', 1, -9), ('\u{1fc8}', '\u{1fcb}', 1, -86), ('\u{1fcc}', '\u{1fcc}', 1, -9),
    ('\u{1fd8}', '\u{1fd9}', 1, -8), ('\u{1fda}', '\u{1fdb}', 1, -100), ('\u{1fe8}', '\u{1fe9}', 1, -8),
    ('\u{1fea}', '\u{1feb}', 1, -112), ('\u{1fec}', '\u{1fec}', 1, -7), ('\u{1ff8}', '\u{1ff9}', 1, -128),
    ('\u{1ffa}', '\u{1ffb}', 1, -126), ('\u{1ffc}', '\u{1ffc}', 1, -9), ('\u{2126}', '\u{2126}', 1, -7517),
    ('\u{212a}', '\u{212a}', 1, -8383), ('\u{212b}', '\u{212b}', 1, -8262), ('\u{2132}', '\u{2132}', 1, 28),
    ('\u{2160}', '\u{216f}', 1, 16), ('\u{2183}', '\u{2183}', 1, 1), ('\u{24b6}', '\u{24cf}', 1, 26),
    ('\u{2c00}', '\u{2c2f}', 1, 48), ('\u{2c60}', '\u{2c60}', 1, 1), ('\u{2c62}', '\u{2c62}', 1, -10743),
    ('\u{2c63}', '\u{2c63}', 1, -3814), ('\u{2c64}', '\u{2c64}', 1, -10727), ('\u{2c67}', '\u{2c6b}', 2, 1),
    ('\u{2c6d}', '\u{2c6d}', 1, -10780), ('\u{2c6e}', '\u{2c6e}', 1, -10749), ('\u{2c6f}', '\u{2c6f}', 1, -10783),
    ('\u{2c70}', '\u{2c70}', 1, -10782), ('\u{2c72}', '\u{2c72}', 1, 1), ('\u{2c75}', '\u{2c75}', 1, 1),
    ('\u{2c7e}', '\u{2c7f}', 1, -10815), ('\u{2c80}', '\u{2ce2}', 2, 1), ('\u{2ceb}', '\u{2ced}', 2, 1),
    ('\u{2cf2}', '\u{2cf2}', 1, 1), ('\u{a640}', '\u{a66c}', 2, 1), ('\u{a680}', '\u{a69a}', 2, 1),
    ('\u{a722}', '\u{a72e}', 2, 1), ('\u{a732}', '\u{a76e}', 2, 1), ('\u{a779}', '\u{a77b}', 2, 1),
    ('\u{a77d}', '\u{a77d}', 1, -35332), ('\u{a77e}', '\u{a786}', 2, 1), ('\u{a78b}', '\u{a78b}', 1, 1),
    ('\u{a78d}', '\u{a78d}', 1, -42280), ('\u{a790}', '\u{a792}', 2, 1), ('\u{a796}', '\u{a7a8}', 2, 1),
    ('\u{a7aa}', '\u{a7aa}', 1, -42308), ('\u{a7ab}', '\u{a7ab}', 1, -42319), ('\u{a7ac}', '\u{a7ac}', 1, -42315),
    ('\u{a7ad}', '\u{a7ad}', 1, -42305), ('\u{a7ae}', '\u{a7ae}', 1, -42308), ('\u{a7b0}', '\u{a7b0}', 1, -42258),
    ('\u{a7b1}', '\u{a7b1}', 1, -42282), ('\u{a7b2}', '\u{a7b2}', 1, -42261), ('\u{a7b3}', '\u{a7b3}', 1, 928),
    ('\u{a7b4}', '\u{a7c2}', 2, 1), ('\u{a7c4}', '\u{a7c4}', 1, -48), ('\u{a7c5}', '\u{a7c5}', 1, -42307),
    ('\u{a7c6}', '\u{a7c6}', 1, -35384), ('\u{a7c7}', '\u{a7c9}', 2, 1), ('\u{a7cb}', '\u{a7cb}', 1, -42343),
    ('\u{a7cc}', '\u{a7da}', 2, 1), ('\u{a7dc}', '\u{a7dc}', 1, -42561), ('\u{a7f5}', '\u{a7f5}', 1, 1),
    ('\u{ff21}', '\u{ff3a}', 1, 32), ('\u{10400}', '\u{10427}', 1, 40), ('\u{104b0}', '\u{104d3}', 1, 40),
    ('\u{10570}', '\u{1057a}', 1, 39), ('\u{1057c}', '\u{1058a}', 1, 39), ('\u{1058c}', '\u{10592}', 1, 39),
    ('\u{10594}', '\u{10595}', 1, 39), ('\u{10c80}', '\u{10cb2}', 1, 64), ('\u{10d50}', '\u{10d65}', 1, 32),
    ('\u{118a0}', '\u{118bf}', 1, 32), ('\u{16e40}', '\u{16e5f}', 1, 32), ('\u{16ea0}', '\u{16eb8}', 1, 27),
    ('\u{1e900}', '\u{1e921}', 1, 34),
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_character_lowercases_as_the_standard_library_does() {
        let mut ours = String::new();
        for c in (0..=u32::from(char::MAX)).filter_map(char::from_u32) {
            ours.clear();
            push_lower(c, &mut ours);
            let std: String = c.to_lowercase().collect();
            assert_eq!(ours, std, "{c:?} (U+{:04X})", c as u32);
        }
    }

    #[test]
    fn the_runs_are_in_order_and_apart() {
        for pair in RUNS.windows(2) {
            assert!(pair[0].1 < pair[1].0, "{:?} then {:?}", pair[0], pair[1]);
        }
    }

    #[test]
    fn text_lowercases_as_the_standard_library_does_but_for_a_final_sigma() {
        for text in [
            "Қазақстан",
            "ТОКАЕВ",
            "İstanbul",
            "STRAẞE",
            "Straße",
            "Türkiye",
            "ΑΘΗΝΑ",
            "ǅ",
            "Ⅻ",
        ] {
            assert_eq!(lowercase(text), text.to_lowercase(), "{text}");
        }
        assert_eq!(lowercase("ΟΔΟΣ"), "οδοσ");
        assert_eq!("ΟΔΟΣ".to_lowercase(), "οδος");
    }
}
