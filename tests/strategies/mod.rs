//! Strategies the property tests share.

use folio::catalog::{Filters, Sort};
use proptest::prelude::*;

/// Filters by the seed's and the generated corpora's publishers and
/// countries, with one value of each that no article has, and by `months`.
pub fn filters(months: Vec<&'static str>) -> impl Strategy<Value = Filters> {
    let publishers = prop::collection::btree_set(
        prop::sample::select(vec!["RFE/RL", "DPA", "Global Voices", "Nobody"]),
        0..3,
    );
    let countries = prop::collection::btree_set(
        prop::sample::select(vec!["Kazakhstan", "Ukraine", "Tajikistan", "Mars"]),
        0..3,
    );
    let months = prop::collection::btree_set(prop::sample::select(months), 0..2);
    (publishers, countries, months).prop_map(|(p, c, m)| Filters {
        publishers: p.into_iter().map(str::to_string).collect(),
        countries: c.into_iter().map(str::to_string).collect(),
        months: m.into_iter().map(str::to_string).collect(),
        only: None,
    })
}

pub fn sort() -> impl Strategy<Value = Sort> {
    prop_oneof![Just(Sort::Relevance), Just(Sort::Newest), Just(Sort::Oldest)]
}
