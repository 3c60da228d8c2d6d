//! A small gazetteer of Central Asia and its neighbours.
//!
//! Readers filter by country, and news names a country in many ways: its name
//! in several spellings (`Kyrgyzstan`, `Kirghizia`), a demonym (`Kazakh`
//! officials, a `Russian-led` alliance) or a place (`Almaty`, `Nur-Sultan`).
//! Each entry maps the words of one way of naming to a country and, for places,
//! to the place's current name, so `Nur-Sultan` and `Astana` count as one city.
//! Search uses the same table the other way ([`other_names`]): a place is
//! found by any of its names, former ones included.

use rustc_hash::FxHashMap;
use std::sync::OnceLock;

use crate::order;

/// One way of naming a place or a country: its words, the country, and the
/// canonical place name (`None` when the words name the country itself).
struct Entry {
    words: &'static [&'static str],
    country: &'static str,
    place: Option<&'static str>,
}

const fn country(words: &'static [&'static str], country: &'static str) -> Entry {
    Entry {
        words,
        country,
        place: None,
    }
}

const fn place(words: &'static [&'static str], country: &'static str, place: &'static str) -> Entry {
    Entry {
        words,
        country,
        place: Some(place),
    }
}

const KZ: &str = "Kazakhstan";
const KG: &str = "Kyrgyzstan";
const TJ: &str = "Tajikistan";
const UZ: &str = "Uzbekistan";
const TM: &str = "Turkmenistan";
const AF: &str = "Afghanistan";
const RU: &str = "Russia";
const CN: &str = "China";

#[rustfmt::skip]
const GAZETTEER: &[Entry] = &[
    country(&["Kazakhstan"], KZ), country(&["Kazakstan"], KZ), country(&["Qazaqstan"], KZ),
    country(&["Kazakh"], KZ), country(&["Kazakhs"], KZ), country(&["Qazaq"], KZ),
    country(&["Kazakhstani"], KZ),
    place(&["Almaty"], KZ, "Almaty"), place(&["Alma", "Ata"], KZ, "Almaty"), place(&["Verny"], KZ, "Almaty"),
    place(&["Astana"], KZ, "Astana"), place(&["Nur", "Sultan"], KZ, "Astana"),
    place(&["Akmola"], KZ, "Astana"), place(&["Tselinograd"], KZ, "Astana"), place(&["Akmolinsk"], KZ, "Astana"),
    place(&["Shymkent"], KZ, "Shymkent"), place(&["Chimkent"], KZ, "Shymkent"),
    place(&["Karaganda"], KZ, "Karaganda"), place(&["Qaraghandy"], KZ, "Karaganda"),
    place(&["Aktau"], KZ, "Aktau"), place(&["Aktobe"], KZ, "Aktobe"), place(&["Aktyubinsk"], KZ, "Aktobe"),
    place(&["Atyrau"], KZ, "Atyrau"), place(&["Guryev"], KZ, "Atyrau"),
    place(&["Zhanaozen"], KZ, "Zhanaozen"), place(&["Janaozen"], KZ, "Zhanaozen"),
    place(&["Mangystau"], KZ, "Mangystau"), place(&["Manghystau"], KZ, "Mangystau"),
    place(&["Mangistau"], KZ, "Mangystau"),
    place(&["Zhambyl"], KZ, "Zhambyl"), place(&["Jambyl"], KZ, "Zhambyl"), place(&["Taraz"], KZ, "Taraz"),
    place(&["Kyzylorda"], KZ, "Kyzylorda"), place(&["Kzyl", "Orda"], KZ, "Kyzylorda"),
    place(&["Pavlodar"], KZ, "Pavlodar"),
    place(&["Semey"], KZ, "Semey"), place(&["Semipalatinsk"], KZ, "Semey"), place(&["Baikonur"], KZ, "Baikonur"),
    place(&["Taldykorgan"], KZ, "Taldykorgan"), place(&["Taldy", "Kurgan"], KZ, "Taldykorgan"),
    place(&["Oskemen"], KZ, "Oskemen"), place(&["Ust", "Kamenogorsk"], KZ, "Oskemen"),

    country(&["Kyrgyzstan"], KG), country(&["Kirghizia"], KG), country(&["Kirgizia"], KG),
    country(&["Kyrgyz"], KG), country(&["Kirghiz"], KG), country(&["Kyrgyzstani"], KG),
    place(&["Bishkek"], KG, "Bishkek"), place(&["Frunze"], KG, "Bishkek"), place(&["Pishpek"], KG, "Bishkek"),
    place(&["Osh"], KG, "Osh"),
    place(&["Jalal", "Abad"], KG, "Jalal-Abad"), place(&["Batken"], KG, "Batken"),
    place(&["Karakol"], KG, "Karakol"), place(&["Przhevalsk"], KG, "Karakol"), place(&["Naryn"], KG, "Naryn"),
    place(&["Issyk", "Kul"], KG, "Issyk-Kul"),

    country(&["Tajikistan"], TJ), country(&["Tadjikistan"], TJ), country(&["Tajik"], TJ),
    country(&["Tajiks"], TJ), country(&["Tojikiston"], TJ),
    place(&["Dushanbe"], TJ, "Dushanbe"), place(&["Stalinabad"], TJ, "Dushanbe"),
    place(&["Khujand"], TJ, "Khujand"), place(&["Leninabad"], TJ, "Khujand"),
    place(&["Gorno", "Badakhshan"], TJ, "Gorno-Badakhshan"),
    place(&["Gorno", "Badakshan"], TJ, "Gorno-Badakhshan"), place(&["GBAO"], TJ, "Gorno-Badakhshan"),
    place(&["Pamir"], TJ, "Gorno-Badakhshan"), place(&["Pamirs"], TJ, "Gorno-Badakhshan"),
    place(&["Pamiris"], TJ, "Gorno-Badakhshan"), place(&["Khorog"], TJ, "Khorog"),
    place(&["Khatlon"], TJ, "Khatlon"), place(&["Bokhtar"], TJ, "Bokhtar"),
    place(&["Kurgan", "Tyube"], TJ, "Bokhtar"), place(&["Qurghonteppa"], TJ, "Bokhtar"),
    place(&["Kulob"], TJ, "Kulob"), place(&["Kulyab"], TJ, "Kulob"),
    place(&["Panjakent"], TJ, "Panjakent"), place(&["Penjikent"], TJ, "Panjakent"),
    place(&["Sughd"], TJ, "Sughd"), place(&["Rasht"], TJ, "Rasht"),

    country(&["Uzbekistan"], UZ), country(&["Uzbek"], UZ), country(&["Uzbeks"], UZ),
    country(&["Ozbekiston"], UZ),
    place(&["Tashkent"], UZ, "Tashkent"), place(&["Samarkand"], UZ, "Samarkand"),
    place(&["Bukhara"], UZ, "Bukhara"), place(&["Andijan"], UZ, "Andijan"),
    place(&["Namangan"], UZ, "Namangan"), place(&["Fergana"], UZ, "Fergana"),
    place(&["Ferghana"], UZ, "Fergana"), place(&["Nukus"], UZ, "Nukus"),
    place(&["Karakalpakstan"], UZ, "Karakalpakstan"), place(&["Khiva"], UZ, "Khiva"),

    country(&["Turkmenistan"], TM), country(&["Turkmen"], TM),
    place(&["Ashgabat"], TM, "Ashgabat"), place(&["Ashkhabad"], TM, "Ashgabat"),
    place(&["Turkmenabat"], TM, "Turkmenabat"), place(&["Chardzhou"], TM, "Turkmenabat"), place(&["Dashoguz"], TM, "Dashoguz"),

    country(&["Afghanistan"], AF), country(&["Afghan"], AF), country(&["Afghans"], AF),
    place(&["Kabul"], AF, "Kabul"), place(&["Kandahar"], AF, "Kandahar"),
    place(&["Herat"], AF, "Herat"), place(&["Kunduz"], AF, "Kunduz"),
    place(&["Mazar", "i", "Sharif"], AF, "Mazar-i-Sharif"),

    country(&["Russia"], RU), country(&["Russian"], RU), country(&["Russians"], RU),
    country(&["Kremlin"], RU),
    place(&["Moscow"], RU, "Moscow"), place(&["St", "Petersburg"], RU, "Saint Petersburg"),
    place(&["Saint", "Petersburg"], RU, "Saint Petersburg"), place(&["Leningrad"], RU, "Saint Petersburg"), place(&["Novosibirsk"], RU, "Novosibirsk"),
    place(&["Orenburg"], RU, "Orenburg"), place(&["Omsk"], RU, "Omsk"),

    country(&["China"], CN), country(&["Chinese"], CN),
    place(&["Beijing"], CN, "Beijing"), place(&["Peking"], CN, "Beijing"), place(&["Xinjiang"], CN, "Xinjiang"),
    place(&["Urumqi"], CN, "Urumqi"),

    country(&["Mongolia"], "Mongolia"), country(&["Mongolian"], "Mongolia"),
    place(&["Ulaanbaatar"], "Mongolia", "Ulaanbaatar"), place(&["Ulan", "Bator"], "Mongolia", "Ulaanbaatar"),
    country(&["Iran"], "Iran"), country(&["Iranian"], "Iran"), place(&["Tehran"], "Iran", "Tehran"),
    country(&["Pakistan"], "Pakistan"), country(&["Pakistani"], "Pakistan"),
    place(&["Islamabad"], "Pakistan", "Islamabad"),
    country(&["Azerbaijan"], "Azerbaijan"), country(&["Azerbaijani"], "Azerbaijan"),
    place(&["Baku"], "Azerbaijan", "Baku"),
    country(&["Armenia"], "Armenia"), country(&["Armenian"], "Armenia"),
    place(&["Yerevan"], "Armenia", "Yerevan"),
    country(&["Georgia"], "Georgia"), country(&["Georgian"], "Georgia"),
    place(&["Tbilisi"], "Georgia", "Tbilisi"),
    country(&["Belarus"], "Belarus"), country(&["Belarusian"], "Belarus"),
    place(&["Minsk"], "Belarus", "Minsk"),
    country(&["Ukraine"], "Ukraine"), country(&["Ukrainian"], "Ukraine"),
    country(&["Ukrainians"], "Ukraine"),
    place(&["Kyiv"], "Ukraine", "Kyiv"), place(&["Kiev"], "Ukraine", "Kyiv"),
    place(&["Crimea"], "Ukraine", "Crimea"), place(&["Donbas"], "Ukraine", "Donbas"),
    country(&["Turkey"], "Turkey"), country(&["Turkish"], "Turkey"), country(&["Türkiye"], "Turkey"),
    place(&["Ankara"], "Turkey", "Ankara"), place(&["Istanbul"], "Turkey", "Istanbul"),
];

/// The countries and places `texts` mention, each ordered by how often, then by name.
pub struct Mentions {
    pub countries: Vec<&'static str>,
    pub places: Vec<&'static str>,
}

/// Counts gazetteer mentions in `texts`. Words match whole, case-insensitively,
/// but only when written with a capital (`Turkey`, not `turkey`); hyphens
/// split words and possessives are dropped, so `Nur-Sultan's` and
/// `Russian-led` match.
pub fn find<'a>(texts: impl IntoIterator<Item = &'a str>) -> Mentions {
    let mut countries: Vec<(&'static str, usize)> = Vec::new();
    let mut places: Vec<(&'static str, usize)> = Vec::new();
    let mut words: Vec<&str> = Vec::new();
    let mut lower = String::new();
    for text in texts {
        words.clear();
        // Possessives count as the word: `Nur-Sultan's` is Nur, Sultan.
        words.extend(crate::text::words(text).map(|range| crate::text::without_possessive(&text[range])));
        let mut i = 0;
        while i < words.len() {
            let matched = words[i]
                .starts_with(char::is_uppercase)
                .then(|| longest_entry_at(&words[i..], &mut lower))
                .flatten();
            match matched {
                Some(entry) => {
                    bump(&mut countries, entry.country);
                    if let Some(place) = entry.place {
                        bump(&mut places, place);
                    }
                    i += entry.words.len();
                }
                None => i += 1,
            }
        }
    }
    Mentions {
        countries: ranked(countries),
        places: ranked(places),
    }
}

/// How many of `words` (as written, without possessives) the place or
/// country they begin with takes, if they begin one: a person's name
/// ends where a place's begins.
pub(crate) fn named_at(words: &[&str]) -> Option<usize> {
    let capitalised = words.first()?.starts_with(char::is_uppercase);
    capitalised
        .then(|| longest_entry_at(words, &mut String::new()))
        .flatten()
        .map(|entry| entry.words.len())
}

/// The gazetteer's entries by their first word, lowercased: a capitalised
/// word costs one hash lookup instead of a scan of the whole table.
fn by_first_word() -> &'static FxHashMap<String, Vec<&'static Entry>> {
    static INDEX: OnceLock<FxHashMap<String, Vec<&'static Entry>>> = OnceLock::new();
    INDEX.get_or_init(|| {
        let mut index: FxHashMap<String, Vec<&'static Entry>> = FxHashMap::default();
        for entry in GAZETTEER {
            index
                .entry(crate::lowercase::lowercase(entry.words[0]))
                .or_default()
                .push(entry);
        }
        index
    })
}

/// The longest entry whose words start `words`; `lower` is scratch space,
/// so that the common case (no entry) allocates nothing.
fn longest_entry_at(words: &[&str], lower: &mut String) -> Option<&'static Entry> {
    lower.clear();
    if words[0].is_ascii() {
        lower.push_str(words[0]);
        lower.make_ascii_lowercase();
    } else {
        lower.extend(words[0].chars().flat_map(char::to_lowercase));
    }
    let same = |want: &str, got: &str| {
        want.chars()
            .flat_map(char::to_lowercase)
            .eq(got.chars().flat_map(char::to_lowercase))
    };
    by_first_word()
        .get(lower.as_str())?
        .iter()
        .filter(|entry| {
            entry.words.len() <= words.len() && entry.words.iter().zip(words).all(|(want, got)| same(want, got))
        })
        .max_by_key(|entry| entry.words.len())
        .copied()
}

/// The other names of the place that `words` (folded, as
/// [`crate::text::fold_into`] makes them) begin with, and how many of `words`
/// its name took: `astana` gives `Nur Sultan`, `Akmola`, `Tselinograd` and
/// `Akmolinsk`. `None` when the words begin no place's name, or a place with
/// only one. Unlike [`find`], case does not matter: readers type lowercase.
pub fn other_names(words: &[&str]) -> Option<(usize, Vec<&'static [&'static str]>)> {
    let same = |want: &&str, got: &&str| crate::text::fold(want) == *got;
    let named = by_first_word()
        .get(*words.first()?)?
        .iter()
        .filter(|entry| entry.place.is_some())
        .filter(|entry| entry.words.len() <= words.len() && entry.words.iter().zip(words).all(|(w, g)| same(w, g)))
        .max_by_key(|entry| entry.words.len())?;
    let others: Vec<&'static [&'static str]> = GAZETTEER
        .iter()
        .filter(|entry| entry.place == named.place && entry.words != named.words)
        .map(|entry| entry.words)
        .collect();
    (!others.is_empty()).then_some((named.words.len(), others))
}

/// Every country and place name the gazetteer can give, each once: the
/// build-time bundle stores names as positions in this list.
fn names() -> &'static [&'static str] {
    static NAMES: OnceLock<Vec<&'static str>> = OnceLock::new();
    NAMES.get_or_init(|| {
        order::distinct(
            GAZETTEER
                .iter()
                .flat_map(|entry| [Some(entry.country), entry.place])
                .flatten(),
        )
    })
}

/// The position of a country or place name in the gazetteer's list.
pub fn name_id(name: &str) -> Option<u16> {
    names().binary_search(&name).ok().map(|i| i as u16)
}

/// The name at a position of the gazetteer's list.
pub fn name(id: u16) -> Option<&'static str> {
    names().get(id as usize).copied()
}

fn bump(counts: &mut Vec<(&'static str, usize)>, name: &'static str) {
    match counts.iter_mut().find(|(n, _)| *n == name) {
        Some((_, count)) => *count += 1,
        None => counts.push((name, 1)),
    }
}

fn ranked(mut counts: Vec<(&'static str, usize)>) -> Vec<&'static str> {
    order::sort_by(&mut counts, |a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
    counts.into_iter().map(|(name, _)| name).collect()
}

#[cfg(test)]
mod tests {
    use super::{find, other_names, GAZETTEER};

    #[test]
    fn the_gazetteer_names_no_more_countries_than_a_catalogue_entry_has_bits() {
        let countries = crate::order::distinct(GAZETTEER.iter().map(|entry| entry.country));
        assert_eq!(countries.len(), 17);
        assert!(
            countries.len() <= 64,
            "a catalogue entry's countries are one u64 of bits"
        );
    }

    #[test]
    fn aliases_count_as_one_place() {
        let found = find(["Nur-Sultan's mayor met Astana officials in Alma-Ata."]);
        assert_eq!(found.places, vec!["Astana", "Almaty"]);
        assert_eq!(found.countries, vec!["Kazakhstan"]);
    }

    #[test]
    fn demonyms_and_old_names_name_their_country() {
        let found = find(["Kirghizia and the Kyrgyz; a Russian-led force; Kazakh-Kyrgyz ties"]);
        assert_eq!(found.countries, vec!["Kyrgyzstan", "Kazakhstan", "Russia"]);
    }

    #[test]
    fn a_place_has_its_other_names_and_a_country_none() {
        let names = |words: &[&str]| other_names(words).map(|(len, names)| (len, names.concat()));
        assert_eq!(
            names(&["astana", "airport"]),
            Some((1, vec!["Nur", "Sultan", "Akmola", "Tselinograd", "Akmolinsk"]))
        );
        assert_eq!(
            names(&["nur", "sultan"]),
            Some((2, vec!["Astana", "Akmola", "Tselinograd", "Akmolinsk"]))
        );
        assert_eq!(names(&["alma", "ata"]), Some((2, vec!["Almaty", "Verny"])));
        assert_eq!(names(&["frunze"]), Some((1, vec!["Bishkek", "Pishpek"])));
        assert_eq!(names(&["nur"]), None, "half a name");
        assert_eq!(names(&["osh"]), None, "one name only");
        assert_eq!(names(&["kyrgyzstan"]), None, "countries are not places");
    }

    #[test]
    fn lowercase_words_and_parts_of_words_do_not_match() {
        let found = find(["a roast turkey at Georgetown University; the osh dish"]);
        assert!(found.countries.is_empty());
        assert!(found.places.is_empty());
        assert_eq!(find(["NUR-SULTAN -- officials"]).places, vec!["Astana"]);
    }
}
