//! Strategies the property tests share.

use folio::catalog::{Filters, Sort};
use folio::corpus::Date;
use proptest::prelude::*;

/// Filters by the seed's and the generated corpora's publishers and
/// countries, with one value of each that no article has, by `months`, and
/// by dates from one of `days` to another (`YYYY-MM-DD`).
pub fn filters(months: Vec<&'static str>, days: Vec<&'static str>) -> impl Strategy<Value = Filters> {
    let publishers = prop::collection::btree_set(
        prop::sample::select(vec!["RFE/RL", "DPA", "Global Voices", "Nobody"]),
        0..3,
    );
    let countries = prop::collection::btree_set(
        prop::sample::select(vec!["Kazakhstan", "Ukraine", "Tajikistan", "Mars"]),
        0..3,
    );
    let months = prop::collection::btree_set(prop::sample::select(months), 0..2);
    let people = prop::collection::btree_set(
        prop::sample::select(vec![
            "Vladimir Putin",
            "Karim Masimov",
            "Qasym-Zhomart Toqaev",
            "Nobody Known",
        ]),
        0..3,
    );
    let day = prop::sample::select(days).prop_map(|day| Date::iso(day).expect("a date as YYYY-MM-DD"));
    let dates =
        prop::option::weighted(0.3, (day.clone(), day)).prop_map(|dates| dates.map(|(a, b)| (a.min(b), a.max(b))));
    (publishers, countries, months, people, dates).prop_map(|(p, c, m, n, dates)| Filters {
        publishers: p.into_iter().map(str::to_string).collect(),
        countries: c.into_iter().map(str::to_string).collect(),
        months: m.into_iter().map(str::to_string).collect(),
        people: n.into_iter().map(str::to_string).collect(),
        dates,
        only: None,
    })
}

pub fn sort() -> impl Strategy<Value = Sort> {
    prop_oneof![Just(Sort::Relevance), Just(Sort::Newest), Just(Sort::Oldest)]
}
