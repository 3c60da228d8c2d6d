//! Recognising the metadata lines and fragments of the plain-text format:
//! terminators, publishers, datelines, teaser tails, photo credits and
//! sub-headings. Each function looks at one line or paragraph and says what it
//! is; `text_format` decides what to do with it.

/// The longest line that can be a sub-heading, in characters.
const MAX_SUBHEADING_CHARS: usize = 90;
/// The longest line that can be a title, in characters. Longer lines where a
/// title should be are paragraphs, and the article has no title.
pub const MAX_TITLE_CHARS: usize = 250;

/// `Source: …` → the text after the colon.
pub fn source_line(line: &str) -> Option<&str> {
    let rest = strip_prefix_ignore_case(line, "source:").or_else(|| strip_prefix_ignore_case(line, "sources:"))?;
    Some(rest.trim())
}

/// A copyright line: `Copyright (c) 2015. RFE/RL, Inc. …`, `© 2022 DPA`.
pub fn is_copyright_line(line: &str) -> bool {
    strip_prefix_ignore_case(line, "copyright").is_some() || line.starts_with('©')
}

/// `Published by` on its own line (the name follows on the next line), or
/// `Published by Name` on one line.
pub fn published_by(line: &str) -> Option<&str> {
    strip_prefix_ignore_case(line, "published by")
        .filter(|rest| rest.is_empty() || rest.starts_with([' ', ':']))
        .map(|rest| rest.trim_start_matches([' ', ':']).trim())
}

/// The holder a copyright line names: `Copyright (c) 2015. RFE/RL, Inc. Reprinted …` → `RFE/RL`.
pub fn copyright_holder(line: &str) -> Option<String> {
    let mut rest = strip_prefix_ignore_case(line, "copyright").unwrap_or(line).trim_start();
    loop {
        let before = rest;
        for prefix in ["(c)", "(C)", "©", ".", ",", "-", "–"] {
            rest = rest.strip_prefix(prefix).unwrap_or(rest).trim_start();
        }
        rest = rest.trim_start_matches(|c: char| c.is_ascii_digit()).trim_start();
        if rest == before {
            break;
        }
    }
    // The name ends at a comma, a semicolon or a sentence end (`. `), not at
    // a dot inside it (`Kun.uz`).
    let end = [", ", "; ", ". "]
        .iter()
        .filter_map(|stop| rest.find(stop))
        .min()
        .unwrap_or(rest.len());
    let holder = rest[..end].trim().trim_end_matches(['.', ',', ';']);
    let holder = holder.strip_prefix("by ").unwrap_or(holder).trim();
    (!holder.is_empty() && holder.chars().any(char::is_alphabetic)).then(|| holder.to_string())
}

/// A paragraph ending `Continue reading “Title”`: the text before it and the
/// quoted title (if any).
pub fn continue_reading(paragraph: &str) -> Option<(&str, Option<&str>)> {
    let at = paragraph.rfind("Continue reading")?;
    let before = paragraph[..at].trim_end();
    let tail = paragraph[at + "Continue reading".len()..].trim();
    if tail.is_empty() || matches!(tail, "→" | "…" | "..." | "»" | ">") {
        return Some((before, None));
    }
    let open = tail.chars().next()?;
    let close = match open {
        '“' => '”',
        '"' => '"',
        '‘' => '’',
        '\'' => '\'',
        '«' => '»',
        _ => return None,
    };
    let inner = &tail[open.len_utf8()..];
    let title = inner.strip_suffix(close)?;
    Some((before, Some(title.trim())))
}

/// A dateline opening a first paragraph: `NUR-SULTAN -- Kazakh President …`
/// gives `("NUR-SULTAN", "Kazakh President …")`. The place is in capitals,
/// at most five words, followed by a dash.
pub fn dateline(paragraph: &str) -> Option<(&str, &str)> {
    for separator in [" -- ", " — ", " – ", " - "] {
        if let Some(at) = paragraph.find(separator) {
            let place = paragraph[..at].trim();
            let rest = paragraph[at + separator.len()..].trim_start();
            let letters = place.chars().filter(|c| c.is_alphabetic()).count();
            let is_place = letters >= 3
                && place.split_whitespace().count() <= 5
                && place.chars().next().is_some_and(char::is_alphabetic)
                && !place.chars().any(char::is_lowercase);
            if is_place && !rest.is_empty() {
                return Some((place, rest));
            }
        }
    }
    None
}

/// A photo caption and credit inside a paragraph: `Outside … mountainous.
/// Photo credits: AmanovDmitry.jpg) (Wikimedia Commons CC BY 3.0) Making up …`
/// gives the caption (the sentences before the credit), the credit, and the
/// paragraph text that remains.
pub struct PhotoCredit<'a> {
    pub caption: Option<&'a str>,
    pub credit: &'a str,
    pub rest: String,
    /// Where in `rest` the caption and credit stood.
    pub offset: usize,
}

/// The longest caption kept as a caption; longer text before a credit stays body text.
const MAX_CAPTION_CHARS: usize = 300;
/// How far after `Photo credit` the credit's closing parenthesis may be.
const MAX_CREDIT_CHARS: usize = 200;

pub fn photo_credit(paragraph: &str) -> Option<PhotoCredit<'_>> {
    let start =
        find_ignore_ascii_case(paragraph, "photo credit").or_else(|| find_ignore_ascii_case(paragraph, "photo:"))?;
    let credit_and_rest = &paragraph[start..];
    // The credit runs to the first `)` followed by the next sentence (a space
    // and a capital), else to the end of its sentence, else to the end.
    let window_end = floor_char_boundary(credit_and_rest, MAX_CREDIT_CHARS);
    let window = &credit_and_rest[..window_end];
    let close = window.match_indices(')').map(|(i, _)| i + 1).find(|&i| {
        let after = credit_and_rest[i..].trim_start();
        after.is_empty() || after.starts_with(|c: char| c.is_uppercase() || c == '“' || c == '"')
    });
    let end = close
        .or_else(|| window.find(". ").map(|i| i + 1))
        .unwrap_or(credit_and_rest.len());
    let credit = credit_and_rest[..end].trim();
    let before = paragraph[..start].trim();
    let after = credit_and_rest[end..].trim();
    let (caption, rest, offset) = if before.chars().count() <= MAX_CAPTION_CHARS && !before.is_empty() {
        (Some(before), after.to_string(), 0)
    } else {
        (None, join_nonempty(before, after), before.len())
    };
    Some(PhotoCredit {
        caption,
        credit,
        rest,
        offset,
    })
}

/// A short line inside an article that reads as a heading: few words and no
/// closing punctuation (`Watching Ukraine`, `Spheres Of Influence`).
pub fn is_subheading(line: &str) -> bool {
    let chars = line.chars().count();
    let last = line.chars().last().unwrap_or('.');
    chars <= MAX_SUBHEADING_CHARS
        && line.split_whitespace().count() <= 12
        && line
            .chars()
            .next()
            .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit() || c == '“' || c == '"')
        && !matches!(
            last,
            '.' | ',' | ';' | ':' | '!' | '?' | '…' | '”' | '"' | '’' | ')' | '-' | '–' | '—'
        )
}

/// The first byte offset of `needle` (ASCII, starting with a letter) in
/// `haystack`, ignoring ASCII case. Looks for the rarer second letter with
/// the fast substring search first: this runs on every paragraph.
fn find_ignore_ascii_case(haystack: &str, needle: &str) -> Option<usize> {
    let bytes = haystack.as_bytes();
    let needle = needle.as_bytes();
    let matches_at = |at: usize| {
        bytes
            .get(at..at + needle.len())
            .is_some_and(|w| w.eq_ignore_ascii_case(needle))
    };
    [needle[1].to_ascii_lowercase(), needle[1].to_ascii_uppercase()]
        .iter()
        .flat_map(|&second| haystack.match_indices(char::from(second)).map(|(at, _)| at))
        .filter(|&at| at > 0 && matches_at(at - 1))
        .map(|at| at - 1)
        .min()
}

fn strip_prefix_ignore_case<'a>(line: &'a str, prefix: &str) -> Option<&'a str> {
    let head = line.get(..prefix.len())?;
    head.eq_ignore_ascii_case(prefix).then(|| &line[prefix.len()..])
}

fn floor_char_boundary(text: &str, mut at: usize) -> usize {
    if at >= text.len() {
        return text.len();
    }
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    at
}

fn join_nonempty(a: &str, b: &str) -> String {
    match (a.is_empty(), b.is_empty()) {
        (true, _) => b.to_string(),
        (_, true) => a.to_string(),
        _ => format!("{a} {b}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn recognises_terminators_and_publishers() {
        assert_eq!(
            source_line("Source: Ministry of Internal Affairs"),
            Some("Ministry of Internal Affairs")
        );
        assert_eq!(source_line("Sourced from elsewhere"), None);
        assert!(is_copyright_line("Copyright (c) 2015. RFE/RL, Inc. Reprinted"));
        assert!(is_copyright_line("© 2022 DPA"));
        assert_eq!(published_by("Published by"), Some(""));
        assert_eq!(published_by("Published by: DPA"), Some("DPA"));
        assert_eq!(published_by("Published byline"), None);
    }

    #[test]
    fn derives_copyright_holders() {
        let rferl = "Copyright (c) 2015. RFE/RL, Inc. Reprinted with the permission of Radio Free Europe/Radio Liberty";
        assert_eq!(copyright_holder(rferl).as_deref(), Some("RFE/RL"));
        assert_eq!(
            copyright_holder("© 2022 DPA. All rights reserved").as_deref(),
            Some("DPA")
        );
        assert_eq!(
            copyright_holder("Copyright 2019-2021 by The Diplomat").as_deref(),
            Some("The Diplomat")
        );
        assert_eq!(copyright_holder("Copyright (c) 2015."), None);
        assert_eq!(
            copyright_holder("Copyright (c) 2019. Kun.uz, Inc.").as_deref(),
            Some("Kun.uz")
        );
        assert_eq!(copyright_holder("© Asia-Plus.").as_deref(), Some("Asia-Plus"));
    }

    #[test]
    fn splits_teaser_tails() {
        assert_eq!(
            continue_reading("during Tajikist… Continue reading “The long conundrum”"),
            Some(("during Tajikist…", Some("The long conundrum")))
        );
        assert_eq!(
            continue_reading("text Continue reading \"Title\""),
            Some(("text", Some("Title")))
        );
        assert_eq!(continue_reading("text Continue reading"), Some(("text", None)));
        assert_eq!(continue_reading("Continue reading the report, he said."), None);
    }

    #[test]
    fn finds_datelines() {
        assert_eq!(
            dateline("NUR-SULTAN -- Kazakh President Qasym-Zhomart Toqaev"),
            Some(("NUR-SULTAN", "Kazakh President Qasym-Zhomart Toqaev"))
        );
        assert_eq!(dateline("the CSTO -- a six-member alliance"), None);
        assert_eq!(dateline("A -- b"), None);
    }

    #[test]
    fn separates_photo_credits_and_captions() {
        let p = "Outside of the main cities, the region is mountainous. Photo credits: AmanovDmitry.jpg) (Wikimedia Commons CC BY 3.0) Making up almost half of Tajikistan.";
        let found = photo_credit(p).unwrap();
        assert_eq!(
            found.caption,
            Some("Outside of the main cities, the region is mountainous.")
        );
        assert_eq!(
            found.credit,
            "Photo credits: AmanovDmitry.jpg) (Wikimedia Commons CC BY 3.0)"
        );
        assert_eq!(found.rest, "Making up almost half of Tajikistan.");
        let plain = photo_credit("Photo credit: Jane Doe. The story begins.").unwrap();
        assert_eq!(
            (plain.caption, plain.credit, plain.rest.as_str()),
            (None, "Photo credit: Jane Doe.", "The story begins.")
        );
    }

    #[test]
    fn tells_subheadings_from_short_paragraphs() {
        assert!(is_subheading("Watching Ukraine"));
        assert!(is_subheading("Spheres Of Influence"));
        assert!(!is_subheading("An investigation is under way."));
        assert!(!is_subheading(
            "Who were the people who carried out the violent acts and what was their purpose?"
        ));
        assert!(!is_subheading("lowercase start"));
    }
}
