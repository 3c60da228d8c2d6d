//! Dates written in article text, and the one date an article is about.
//!
//! News text states full dates (`January 8, 2022`, `8 January 2022`,
//! `08.01.2022`, `2022-01-08`) but mostly writes `on January 10` and leaves the
//! year to the reader. We do what a reader does: take the year from the full
//! dates of the same article, else from the rest of the corpus, choosing the
//! year that puts the date nearest to that reference, and say how sure we are.

use std::fmt;

use serde::Serialize;

/// A calendar date. Ordered chronologically.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    pub year: i32,
    pub month: u8,
    pub day: u8,
}

/// How an article's date was established, most certain first. The codes
/// are the bundle's (0 is none).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "kebab-case")]
#[repr(u8)]
pub enum Certainty {
    /// Given as metadata (the `date` field of a JSON Lines record).
    Given = 1,
    /// Written in full, year included, in the article.
    Stated = 2,
    /// Written as day and month; the year comes from full dates in the same article.
    YearFromArticle = 3,
    /// Written as day and month; the year comes from full dates elsewhere in the corpus.
    YearFromCorpus = 4,
}

impl Certainty {
    pub const ALL: [Certainty; 4] = [Self::Given, Self::Stated, Self::YearFromArticle, Self::YearFromCorpus];
}

/// A date found in text; `year` is `None` for `January 10`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Mention {
    pub year: Option<i32>,
    pub month: u8,
    pub day: u8,
}

impl Date {
    pub fn new(year: i32, month: u8, day: u8) -> Option<Date> {
        ((1..=12).contains(&month) && day >= 1 && day <= days_in_month(year, month)).then_some(Date {
            year,
            month,
            day,
        })
    }

    /// Parses ISO 8601 (`2022-01-10`, with an optional time part that is
    /// ignored) or any full date [`mentions`] understands.
    pub fn parse(text: &str) -> Option<Date> {
        let text = text.trim();
        let date_part = text.split(['T', ' ']).next().unwrap_or(text);
        if let Some(date) = parse_iso(date_part) {
            return Some(date);
        }
        match mentions(text).as_slice() {
            [Mention {
                year: Some(year),
                month,
                day,
            }] => Date::new(*year, *month, *day),
            _ => None,
        }
    }

    /// A date written `YYYY-MM-DD`, and nothing else.
    pub fn iso(text: &str) -> Option<Date> {
        parse_iso(text)
    }

    /// Days since 1970-01-01 (negative before), for distances between dates.
    pub fn days_since_epoch(self) -> i64 {
        // Howard Hinnant's days_from_civil.
        let y = i64::from(self.year) - i64::from(self.month <= 2);
        let era = y.div_euclid(400);
        let yoe = y - era * 400;
        let m = i64::from(self.month);
        let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + i64::from(self.day) - 1;
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        era * 146_097 + doe - 719_468
    }

    /// The date `days` after 1970-01-01 (before, if negative): the inverse
    /// of [`Date::days_since_epoch`]. `None` past the years an `i32` holds.
    pub fn from_days_since_epoch(days: i64) -> Option<Date> {
        // Howard Hinnant's civil_from_days.
        let z = days.checked_add(719_468)?;
        let era = z.div_euclid(146_097);
        let doe = z - era * 146_097;
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let day = (doy - (153 * mp + 2) / 5 + 1) as u8;
        let month = if mp < 10 { mp + 3 } else { mp - 9 } as u8;
        let year = yoe + era * 400 + i64::from(month <= 2);
        Date::new(i32::try_from(year).ok()?, month, day)
    }

    /// The last day of the date's month.
    pub fn month_end(self) -> Date {
        Date {
            day: days_in_month(self.year, self.month),
            ..self
        }
    }

    /// The day after.
    pub fn next_day(self) -> Date {
        match (self.day < days_in_month(self.year, self.month), self.month) {
            (true, _) => Date {
                day: self.day + 1,
                ..self
            },
            (false, 12) => Date {
                year: self.year.saturating_add(1),
                month: 1,
                day: 1,
            },
            (false, month) => Date {
                month: month + 1,
                day: 1,
                ..self
            },
        }
    }

    /// The month as `2022-01`, the key of the month facet.
    pub fn month_key(self) -> String {
        format!("{:04}-{:02}", self.year, self.month)
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

fn days_in_month(year: i32, month: u8) -> u8 {
    match month {
        4 | 6 | 9 | 11 => 30,
        2 if (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 => 29,
        2 => 28,
        _ => 31,
    }
}

fn parse_iso(text: &str) -> Option<Date> {
    let mut parts = text.splitn(3, '-');
    let (y, m, d) = (parts.next()?, parts.next()?, parts.next()?);
    let digits = |s: &str| s.bytes().all(|b| b.is_ascii_digit());
    if y.len() != 4 || m.len() != 2 || d.len() != 2 || ![y, m, d].into_iter().all(digits) {
        return None;
    }
    Date::new(y.parse().ok()?, m.parse().ok()?, d.parse().ok()?)
}

/// English month names and the abbreviations news style uses.
const MONTHS: [&[&str]; 12] = [
    &["January", "Jan"],
    &["February", "Feb"],
    &["March", "Mar"],
    &["April", "Apr"],
    &["May"],
    &["June", "Jun"],
    &["July", "Jul"],
    &["August", "Aug"],
    &["September", "Sept", "Sep"],
    &["October", "Oct"],
    &["November", "Nov"],
    &["December", "Dec"],
];

/// The English name of a month, 1 to 12 (December for anything above).
pub fn month_name(month: u8) -> &'static str {
    MONTHS[usize::from(month.clamp(1, 12)) - 1][0]
}

fn month_of(word: &str) -> Option<u8> {
    // Most words are not months: reject them on their first letter and length.
    if !(3..=10).contains(&word.len()) || !word.starts_with(['J', 'F', 'M', 'A', 'S', 'O', 'N', 'D']) {
        return None;
    }
    let word = word.strip_suffix('.').unwrap_or(word);
    MONTHS
        .iter()
        .position(|names| names.contains(&word))
        .map(|i| i as u8 + 1)
}

/// `10`, `10th`, `5-6` (the first day of a range) as a day of the month.
fn day_of(word: &str) -> Option<u8> {
    let digits: &str = &word[..word.find(|c: char| !c.is_ascii_digit()).unwrap_or(word.len())];
    let rest = &word[digits.len()..];
    let suffix_ok = matches!(rest, "" | "st" | "nd" | "rd" | "th") || rest.starts_with(['-', '–']);
    match digits.parse::<u8>() {
        Ok(day @ 1..=31) if digits.len() <= 2 && suffix_ok => Some(day),
        _ => None,
    }
}

fn year_of(word: &str) -> Option<i32> {
    (word.len() == 4)
        .then(|| word.parse::<i32>().ok())
        .flatten()
        .filter(|y| (1800..=2200).contains(y))
}

/// `08.01.2022` (day first, as written in the former Soviet Union) or `2022-01-08`.
fn numeric_date(word: &str) -> Option<Mention> {
    if let Some(date) = parse_iso(word) {
        return Some(Mention {
            year: Some(date.year),
            month: date.month,
            day: date.day,
        });
    }
    let mut parts = word.split('.');
    let (d, m, y) = (parts.next()?, parts.next()?, parts.next()?);
    // Digits only: `str::parse` would also take a sign (`03.10.-616`, found by fuzzing).
    let digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
    if parts.next().is_some() || d.len() > 2 || m.len() != 2 || y.len() != 4 || ![d, m, y].into_iter().all(digits) {
        return None;
    }
    let date = Date::new(y.parse().ok()?, m.parse().ok()?, d.parse().ok()?)?;
    Some(Mention {
        year: Some(date.year),
        month: date.month,
        day: date.day,
    })
}

/// Every date written in `text`, in order.
pub fn mentions(text: &str) -> Vec<Mention> {
    // Every date has a digit; most paragraphs can be skipped on that alone.
    if !text.bytes().any(|b| b.is_ascii_digit()) {
        return Vec::new();
    }
    let words: Vec<&str> = text
        .split(' ')
        .filter(|w| !w.is_empty())
        .map(|w| w.trim_matches(|c: char| matches!(c, ',' | ';' | ':' | '(' | ')' | '[' | ']' | '“' | '”' | '"')))
        .collect();
    let mut found = Vec::new();
    let mut i = 0;
    while i < words.len() {
        let word = words[i];
        let next = words.get(i + 1).copied().unwrap_or("");
        let after = words.get(i + 2).copied().unwrap_or("");
        let after = after.strip_suffix('.').unwrap_or(after);
        let numeric = word.starts_with(|c: char| c.is_ascii_digit()) && word.contains(['.', '-']);
        if let Some(mention) = numeric
            .then(|| numeric_date(word.strip_suffix('.').unwrap_or(word)))
            .flatten()
        {
            found.push(mention);
        } else if let Some((month, day)) = month_of(word).and_then(|m| Some((m, day_of(next)?))) {
            // January 8, 2022 / January 10
            let year = year_of(after);
            found.push(Mention { year, month, day });
            i += if year.is_some() { 2 } else { 1 };
        } else if let Some((month, day)) = month_of(next).and_then(|m| Some((m, day_of(word)?))) {
            // 8 January 2022 / 10 January
            let year = year_of(after);
            found.push(Mention { year, month, day });
            i += if year.is_some() { 2 } else { 1 };
        }
        i += 1;
    }
    found.retain(|m| Date::new(m.year.unwrap_or(2000), m.month, m.day).is_some());
    found
}

/// Gives `mention` the year that puts it nearest to `reference`.
fn nearest_year(mention: Mention, reference: Date) -> Option<Date> {
    [reference.year - 1, reference.year, reference.year + 1]
        .into_iter()
        .filter_map(|year| Date::new(year, mention.month, mention.day))
        .min_by_key(|date| (date.days_since_epoch() - reference.days_since_epoch()).abs())
}

/// The latest full date among `mentions`: the reference that gives day-month
/// mentions their year.
pub fn latest_stated(mentions: &[Mention]) -> Option<Date> {
    mentions.iter().filter_map(|m| Date::new(m.year?, m.month, m.day)).max()
}

/// The date an article is about: the date it mentions most often, the latest
/// on a tie, with every day-month mention given its year from the article's
/// own full dates, else from `corpus_reference`.
pub fn article_date(mentions: &[Mention], corpus_reference: Option<Date>) -> Option<(Date, Certainty)> {
    let own_reference = latest_stated(mentions);
    let mut counted: Vec<(Date, Certainty, usize)> = Vec::new();
    for mention in mentions {
        let resolved = match (mention.year, own_reference, corpus_reference) {
            (Some(year), _, _) => Date::new(year, mention.month, mention.day).map(|d| (d, Certainty::Stated)),
            (None, Some(own), _) => nearest_year(*mention, own).map(|d| (d, Certainty::YearFromArticle)),
            (None, None, Some(corpus)) => nearest_year(*mention, corpus).map(|d| (d, Certainty::YearFromCorpus)),
            (None, None, None) => None,
        };
        let Some((date, certainty)) = resolved else {
            continue;
        };
        match counted.iter_mut().find(|(d, _, _)| *d == date) {
            Some(entry) => {
                entry.1 = entry.1.min(certainty);
                entry.2 += 1;
            }
            None => counted.push((date, certainty, 1)),
        }
    }
    counted
        .into_iter()
        .max_by_key(|(date, _, count)| (*count, *date))
        .map(|(date, certainty, _)| (date, certainty))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(year: i32, month: u8, day: u8) -> Date {
        Date::new(year, month, day).unwrap()
    }

    #[test]
    fn finds_full_dates_in_every_written_form() {
        for text in [
            "On January 8, 2022, at 8:05 p.m.",
            "on 8 January 2022 police",
            "dated 08.01.2022.",
            "(2022-01-08)",
            "Jan. 8, 2022",
        ] {
            let found = mentions(text);
            assert_eq!(
                found,
                vec![Mention {
                    year: Some(2022),
                    month: 1,
                    day: 8
                }],
                "{text}"
            );
        }
    }

    #[test]
    fn finds_day_month_mentions_and_ranges() {
        let found = mentions("on January 5-6 when [January 1] and 10th December.");
        let days: Vec<(u8, u8)> = found.iter().map(|m| (m.month, m.day)).collect();
        assert_eq!(days, vec![(1, 5), (1, 1), (12, 10)]);
        assert!(found.iter().all(|m| m.year.is_none()));
    }

    #[test]
    fn signs_are_not_digits() {
        // Fuzzing found `03.10.-616` read as the year -616.
        assert!(mentions("03.10.-616 and 0+.10.2022 and 2022-+1-01").is_empty());
        assert_eq!(Date::parse("-616-10-03"), None);
    }

    #[test]
    fn ignores_numbers_that_are_not_dates() {
        assert!(mentions("7,939 people; May we; 30 years; February 30; 12.5.2022x").is_empty());
        assert!(mentions("born in 1966, in March").is_empty());
    }

    #[test]
    fn year_comes_from_the_nearest_reference() {
        let reference = d(2022, 1, 10);
        let dec = Mention {
            year: None,
            month: 12,
            day: 16,
        };
        assert_eq!(nearest_year(dec, reference), Some(d(2021, 12, 16)));
    }

    #[test]
    fn article_date_prefers_the_most_mentioned_then_the_latest() {
        let text = "on January 9 and January 10, then January 10 and December 16";
        let found = mentions(text);
        assert_eq!(
            article_date(&found, Some(d(2022, 1, 10))),
            Some((d(2022, 1, 10), Certainty::YearFromCorpus))
        );
        let stated = mentions("On January 10, 2022 the council met; January 11 too.");
        assert_eq!(
            article_date(&stated, None),
            Some((d(2022, 1, 11), Certainty::YearFromArticle))
        );
        assert_eq!(article_date(&mentions("no dates here"), Some(d(2022, 1, 1))), None);
    }

    #[test]
    fn days_since_the_epoch_convert_both_ways() {
        let mut date = Date::new(-1, 12, 25).unwrap();
        for _ in 0..800_000 {
            let days = date.days_since_epoch();
            assert_eq!(Date::from_days_since_epoch(days), Some(date), "{days}");
            let next = date.next_day();
            assert_eq!(next.days_since_epoch(), days + 1, "{date}");
            date = next;
        }
        assert_eq!(Date::new(1970, 1, 1).unwrap().days_since_epoch(), 0);
        assert_eq!(Date::from_days_since_epoch(19_000), Date::new(2022, 1, 8));
        assert_eq!(Date::from_days_since_epoch(i64::MAX), None);
        assert_eq!(Date::from_days_since_epoch(1 << 40), None);
    }

    #[test]
    fn parses_metadata_dates() {
        assert_eq!(Date::parse("2022-01-10"), Some(d(2022, 1, 10)));
        assert_eq!(Date::parse("2022-01-10T08:00:00Z"), Some(d(2022, 1, 10)));
        assert_eq!(Date::parse("January 10, 2022"), Some(d(2022, 1, 10)));
        assert_eq!(Date::parse("yesterday"), None);
        assert_eq!(Date::parse("2022-02-30"), None);
    }
}
