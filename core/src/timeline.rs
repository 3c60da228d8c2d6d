//! The timeline above the results: the matching articles per day, month or
//! year, as bars, and the dates a reader selects from them. The engine
//! counts matches per day ([`Facets::days`](crate::catalog::Facets)); the
//! bars group them as the span demands, so a story of a few weeks reads by
//! day and an archive of decades by year.

use crate::corpus::{month_name, Date};

/// What one bar stands for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Unit {
    Day,
    Month,
    Year,
}

/// One bar: its first and last day, and how many matches fall between.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Bar {
    pub from: Date,
    pub to: Date,
    pub count: usize,
}

/// Spans of fewer days than this are drawn by day: two months.
const DAYS: i64 = 62;
/// Spans of fewer months than this are drawn by month: six years.
const MONTHS: i64 = 72;
/// The most bars drawn: a corpus dated from year 1 to 9999 draws its last
/// nine millennia as one bar, not ten thousand years a few pixels apart.
const MOST: usize = 1_000;

impl Unit {
    /// The first day of the bar holding `date`.
    pub fn start(self, date: Date) -> Date {
        match self {
            Unit::Day => date,
            Unit::Month => Date { day: 1, ..date },
            Unit::Year => Date {
                month: 1,
                day: 1,
                ..date
            },
        }
    }

    /// The last day of the bar holding `date`.
    pub fn end(self, date: Date) -> Date {
        match self {
            Unit::Day => date,
            Unit::Month => date.month_end(),
            Unit::Year => Date {
                month: 12,
                day: 31,
                ..date
            },
        }
    }

    /// The bar holding `date`, as a reader says it: `5 January 2022`,
    /// `January 2022` or `2022`.
    pub fn label(self, date: Date) -> String {
        match self {
            Unit::Day => format!("{} {} {}", date.day, month_name(date.month), date.year),
            Unit::Month => format!("{} {}", month_name(date.month), date.year),
            Unit::Year => date.year.to_string(),
        }
    }

    /// The unit's name in the timeline's label ("Articles per month").
    pub fn name(self) -> &'static str {
        match self {
            Unit::Day => "day",
            Unit::Month => "month",
            Unit::Year => "year",
        }
    }
}

/// The bars for the counts per day `days` (oldest first): one per day,
/// month or year from the first to the last, empty ones included, so that
/// time runs evenly along the timeline.
pub fn bars(days: &[(Date, usize)]) -> (Unit, Vec<Bar>) {
    let (Some(&(first, _)), Some(&(last, _))) = (days.first(), days.last()) else {
        return (Unit::Day, Vec::new());
    };
    let months = i64::from(last.year - first.year) * 12 + i64::from(last.month) - i64::from(first.month);
    let unit = if last.days_since_epoch() - first.days_since_epoch() < DAYS {
        Unit::Day
    } else if months < MONTHS {
        Unit::Month
    } else {
        Unit::Year
    };
    let mut bars: Vec<Bar> = Vec::new();
    let mut from = unit.start(first);
    let mut counts = days.iter().peekable();
    while from <= last {
        let to = if bars.len() + 1 == MOST { last } else { unit.end(from) };
        let mut count = 0;
        while let Some(&(_, n)) = counts.next_if(|(day, _)| *day <= to) {
            count += n;
        }
        bars.push(Bar { from, to, count });
        from = to.next_day();
    }
    (unit, bars)
}

/// Dates from `from` to `to` as a reader says them: whole years or months
/// by name (`2021`, `January – March 2022` is `January 2022 – March 2022`),
/// otherwise by day.
pub fn span_label((from, to): (Date, Date)) -> String {
    let unit = [Unit::Year, Unit::Month]
        .into_iter()
        .find(|unit| unit.start(from) == from && unit.end(to) == to)
        .unwrap_or(Unit::Day);
    let (first, last) = (unit.label(from), unit.label(to));
    if first == last {
        first
    } else {
        format!("{first} – {last}")
    }
}

/// Whether `bar` has days within `span` (from and to, both included).
pub fn within(bar: &Bar, (from, to): (Date, Date)) -> bool {
    bar.from <= to && bar.to >= from
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(year: i32, month: u8, day: u8) -> Date {
        Date::new(year, month, day).unwrap()
    }

    #[test]
    fn a_few_weeks_are_drawn_by_day_with_the_empty_days() {
        let (unit, drawn) = bars(&[(date(2022, 1, 5), 2), (date(2022, 1, 8), 3)]);
        assert_eq!(unit, Unit::Day);
        let counts: Vec<(u8, usize)> = drawn.iter().map(|b| (b.from.day, b.count)).collect();
        assert_eq!(counts, [(5, 2), (6, 0), (7, 0), (8, 3)]);
        assert!(drawn.iter().all(|b| b.from == b.to));
    }

    #[test]
    fn months_and_years_sum_their_days() {
        let days = [(date(2021, 12, 31), 1), (date(2022, 1, 1), 2), (date(2022, 3, 20), 4)];
        let (unit, drawn) = bars(&days);
        assert_eq!(unit, Unit::Month);
        let counts: Vec<(String, usize)> = drawn.iter().map(|b| (Unit::Month.label(b.from), b.count)).collect();
        assert_eq!(
            counts,
            [
                ("December 2021".to_string(), 1),
                ("January 2022".to_string(), 2),
                ("February 2022".to_string(), 0),
                ("March 2022".to_string(), 4)
            ]
        );
        assert_eq!((drawn[2].from, drawn[2].to), (date(2022, 2, 1), date(2022, 2, 28)));
        let (unit, drawn) = bars(&[(date(2001, 6, 1), 5), (date(2019, 2, 3), 7), (date(2019, 12, 31), 1)]);
        assert_eq!(unit, Unit::Year);
        assert_eq!(drawn.len(), 19);
        assert_eq!(
            (drawn[0].from, drawn[0].to, drawn[0].count),
            (date(2001, 1, 1), date(2001, 12, 31), 5)
        );
        assert_eq!(drawn[18].count, 8);
        assert_eq!(drawn.iter().map(|b| b.count).sum::<usize>(), 13);
    }

    #[test]
    fn the_units_change_at_two_months_and_six_years() {
        let unit = |from: Date, to: Date| bars(&[(from, 1), (to, 1)]).0;
        assert_eq!(unit(date(2022, 1, 1), date(2022, 3, 3)), Unit::Day);
        assert_eq!(unit(date(2022, 1, 1), date(2022, 3, 4)), Unit::Month);
        assert_eq!(unit(date(2016, 1, 1), date(2021, 12, 31)), Unit::Month);
        assert_eq!(unit(date(2016, 1, 1), date(2022, 1, 1)), Unit::Year);
        assert!(bars(&[]).1.is_empty());
    }

    #[test]
    fn a_corpus_of_ten_millennia_draws_a_bounded_timeline() {
        let (_, drawn) = bars(&[(date(1, 1, 1), 1), (date(9999, 12, 31), 1)]);
        assert_eq!(drawn.len(), MOST);
        assert_eq!(drawn.last().unwrap().to, date(9999, 12, 31));
        assert_eq!(drawn.iter().map(|b| b.count).sum::<usize>(), 2);
    }

    #[test]
    fn spans_read_as_whole_years_months_or_days() {
        assert_eq!(span_label((date(2021, 1, 1), date(2021, 12, 31))), "2021");
        assert_eq!(span_label((date(2019, 1, 1), date(2021, 12, 31))), "2019 – 2021");
        assert_eq!(
            span_label((date(2022, 1, 1), date(2022, 3, 31))),
            "January 2022 – March 2022"
        );
        assert_eq!(span_label((date(2022, 2, 1), date(2022, 2, 28))), "February 2022");
        assert_eq!(span_label((date(2022, 1, 5), date(2022, 1, 5))), "5 January 2022");
        assert_eq!(
            span_label((date(2022, 1, 5), date(2022, 1, 12))),
            "5 January 2022 – 12 January 2022"
        );
    }

    #[test]
    fn a_bar_is_within_a_span_that_shares_a_day() {
        let bar = Bar {
            from: date(2022, 1, 1),
            to: date(2022, 1, 31),
            count: 3,
        };
        assert!(within(&bar, (date(2022, 1, 31), date(2022, 2, 4))));
        assert!(!within(&bar, (date(2022, 2, 1), date(2022, 2, 4))));
        assert!(within(&bar, (date(2021, 12, 1), date(2022, 1, 1))));
    }
}
