//! The people an article names, found without a language model.
//!
//! A person is a run of two to four capitalised words (`Vladimir Putin`,
//! `Abdulloev Alisher Qurbonovich`) that something marks as a name:
//! - a title before it in the run (`President`, `Colonel`, `Secretary of
//!   State`) or a role just before the run (`politician`, `ally`, `pianist`);
//! - a word with a surname's ending (`-ov`, `-eva`, `-zoda`, `-yuk`,
//!   `-ski`, `-ин`);
//! - a common given name first (`Angela`, `Wendy`).
//!
//! Titles, places, organisations' words (`Council`, `Region`), months and
//! the words that open sentences end a run, so `Collective Security Treaty
//! Organization`, `Middle East` or `Gorno-Badakhshan Autonomous Region` are
//! never people, and `European Council President Charles Michel` is Charles
//! Michel. A text in title case (most headlines) has capitals everywhere, so
//! it names no one in full.
//!
//! A name is written many ways: Tokayev and Toqaev, Kassym-Jomart and
//! Qasym-Zhomart, Токаев and Токаева. Search's name keys make them one
//! person (a [`Written::key`]), shown under the spelling written most often
//! ([`Roster`]). A surname alone (`Toqaev said`, a headline's `Putin’s
//! Plans`) counts for the person of that surname whom the article names in
//! full, or else for the only one the archive does.

use rustc_hash::FxHashMap;

use super::places;
use crate::search::normalize::name_keys;
use crate::text;

/// A person as an article writes their whole name.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Written {
    /// As written: `Qasym-Zhomart Toqaev`.
    pub name: String,
    /// The person: the name keys of their names (not of a patronymic or an
    /// initial), sorted, so order and spelling do not matter.
    pub key: String,
    /// The name key of their surname, which a later mention may use alone.
    pub surname: String,
}

/// What one article says of people, before the archive is known.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Found {
    /// Each whole name, once per mention.
    pub whole: Vec<Written>,
    /// The name key of each capitalised word written alone (a surname, if
    /// anyone in the archive has it), once per mention.
    pub alone: Vec<String>,
}

/// The people of `texts` (an article's title and paragraphs).
pub fn find<'a>(texts: impl IntoIterator<Item = &'a str>) -> Found {
    let mut found = Found::default();
    for text in texts {
        let words = words_of(text);
        let headline = is_title_case(&words);
        let mut i = 0;
        while i < words.len() {
            if !is_capitalised(words[i].text) {
                i += 1;
                continue;
            }
            let end = run_end(text, &words, i);
            read_run(
                text,
                &words[i..end],
                i > 0 && is_role(words[i - 1].text),
                headline,
                &mut found,
            );
            i = end;
        }
    }
    found
}

/// The people of the whole archive: every spelling of each, and who a
/// surname alone stands for.
#[derive(Debug, Default)]
pub struct Roster {
    /// Each person's whole names as written, and how often.
    spellings: FxHashMap<String, Vec<(String, usize)>>,
    /// The person each surname key names, `None` when several share it.
    surnames: FxHashMap<String, Option<String>>,
}

impl Roster {
    /// Learns the people of one article.
    pub fn add(&mut self, found: &Found) {
        for written in &found.whole {
            let spellings = self.spellings.entry(written.key.clone()).or_default();
            match spellings.iter_mut().find(|(name, _)| *name == written.name) {
                Some((_, count)) => *count += 1,
                None => spellings.push((written.name.clone(), 1)),
            }
            self.surnames
                .entry(written.surname.clone())
                .and_modify(|person| {
                    if person.as_ref() != Some(&written.key) {
                        *person = None;
                    }
                })
                .or_insert_with(|| Some(written.key.clone()));
        }
    }

    /// The people of an article (its [`find`]), each under the spelling the
    /// archive writes most, most mentioned first, then by name.
    pub fn people_of(&self, found: &Found) -> Vec<String> {
        let mut counts: Vec<(&str, usize)> = Vec::new();
        for written in &found.whole {
            bump(&mut counts, &written.key);
        }
        for surname in &found.alone {
            let here = found
                .whole
                .iter()
                .find(|w| w.surname == *surname)
                .map(|w| w.key.as_str());
            let archive = || self.surnames.get(surname)?.as_deref();
            if let Some(key) = here.or_else(archive) {
                bump(&mut counts, key);
            }
        }
        let mut people: Vec<(String, usize)> = counts
            .into_iter()
            .filter_map(|(key, count)| Some((self.shown(key)?.to_string(), count)))
            .collect();
        crate::order::sort_by(&mut people, |a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
        people.into_iter().map(|(name, _)| name).collect()
    }

    /// The spelling of a person written most often (the first in order
    /// of a tie, so every build shows the same).
    fn shown(&self, key: &str) -> Option<&str> {
        let spellings = self.spellings.get(key)?;
        let best = spellings.iter().map(|(_, count)| *count).max()?;
        spellings
            .iter()
            .filter(|(_, count)| *count == best)
            .map(|(name, _)| name.as_str())
            .min()
    }
}

fn bump<'k>(counts: &mut Vec<(&'k str, usize)>, key: &'k str) {
    match counts.iter_mut().find(|(k, _)| *k == key) {
        Some((_, count)) => *count += 1,
        None => counts.push((key, 1)),
    }
}

/// A word of a text, where it is.
#[derive(Clone, Copy, Debug)]
struct Word<'a> {
    text: &'a str,
    start: usize,
    end: usize,
}

fn words_of(text: &str) -> Vec<Word<'_>> {
    text::words(text)
        .map(|range| Word {
            text: &text[range.clone()],
            start: range.start,
            end: range.end,
        })
        .collect()
}

/// Headlines in title case capitalise every word but a few short ones
/// (`Kazakh President Says Week Of Unrest Was ‘Attempted Coup’`); a
/// sentence, however many names it holds, has other words in lowercase.
fn is_title_case(words: &[Word<'_>]) -> bool {
    words.len() >= 3
        && words
            .iter()
            .all(|w| !w.text.starts_with(char::is_lowercase) || LOWER_IN_TITLES.contains(&w.text))
}

/// The words a title in title case leaves in lowercase.
const LOWER_IN_TITLES: &[&str] = &[
    "a", "an", "the", "and", "or", "but", "nor", "of", "in", "on", "at", "to", "for", "by", "with", "from", "as", "vs",
    "via", "into", "over", "upon",
];

/// Where the run of capitalised words starting at `i` ends (exclusive):
/// words joined by a space or a hyphen, with initials (`A.K.`) among them.
fn run_end(text: &str, words: &[Word<'_>], i: usize) -> usize {
    let mut end = i + 1;
    while end < words.len() {
        let gap = &text[words[end - 1].end..words[end].start];
        let joined = matches!(gap, " " | "-") || (is_initial(words[end - 1].text) && matches!(gap, "." | ". "));
        // A possessive ends a name: `Putin’s hand`.
        let possessive = text::without_possessive(words[end - 1].text).len() < words[end - 1].text.len();
        if !joined || possessive || !(is_capitalised(words[end].text) || is_initial(words[end].text)) {
            break;
        }
        end += 1;
    }
    end
}

/// A capital, then lowercase letters (`Toqaev`, `Токаев`): not an acronym
/// (`CSTO`) or a file name (`AmanovDmitry`). (Nor `McFaul`: a name with a
/// second capital is missed.)
fn is_capitalised(word: &str) -> bool {
    let mut chars = text::without_possessive(word).chars();
    chars.next().is_some_and(char::is_uppercase) && chars.clone().next().is_some() && chars.all(char::is_lowercase)
}

fn is_initial(word: &str) -> bool {
    let mut chars = word.chars();
    chars.next().is_some_and(char::is_uppercase) && chars.next().is_none()
}

/// Splits a run of capitalised words at what cannot be part of a name and
/// records the names between.
fn read_run(text: &str, run: &[Word<'_>], role_before: bool, headline: bool, found: &mut Found) {
    let texts: Vec<&str> = run.iter().map(|w| text::without_possessive(w.text)).collect();
    let mut titled = role_before;
    let (mut start, mut i) = (0, 0);
    while i < run.len() {
        let lower = crate::lowercase::lowercase(texts[i]);
        let title = TITLES.contains(&lower.as_str());
        let skip = if title || STOPS.contains(&lower.as_str()) {
            Some(1)
        } else {
            places::named_at(&texts[i..])
        };
        match skip {
            Some(len) => {
                name(text, &run[start..i], titled, headline, found);
                titled = title;
                i += len;
                start = i;
            }
            None => i += 1,
        }
    }
    name(text, &run[start..], titled, headline, found);
}

/// Records `words` as a whole name, or as a word alone, if they can be.
fn name(text: &str, words: &[Word<'_>], titled: bool, headline: bool, found: &mut Found) {
    // Initials stand after a surname (`Abdulloev A.K.`) or between names.
    let mut words = words;
    while words.first().is_some_and(|w| is_initial(w.text)) {
        words = &words[1..];
    }
    while words.last().is_some_and(|w| is_initial(w.text)) {
        words = &words[..words.len() - 1];
    }
    let names: Vec<&str> = words
        .iter()
        .map(|w| text::without_possessive(w.text))
        .filter(|w| !is_initial(w))
        .collect();
    match names.len() {
        // A headline capitalises every word: each may be a surname alone.
        _ if headline => found.alone.extend(names.into_iter().map(key_of)),
        0 => {}
        1 => found.alone.push(key_of(names[0])),
        2..=5 => {
            let surnamed = names.iter().any(|n| has_surname_ending(n));
            let given = GIVEN.contains(&crate::lowercase::lowercase(names[0]).as_str());
            if titled || surnamed || given {
                let last = words[words.len() - 1];
                let written = &text[words[0].start..last.start + text::without_possessive(last.text).len()];
                found.whole.push(whole(written, &names));
            }
        }
        _ => {}
    }
}

/// The person `names` (the words of `written`) are.
fn whole(written: &str, names: &[&str]) -> Written {
    let own: Vec<&str> = names.iter().copied().filter(|n| !is_patronymic(n)).collect();
    // The surname is the word with a surname's ending, the last if several
    // or none: `Vladimir Putin`, `Nazarzoda Tolibjon`.
    let surname = own
        .iter()
        .rev()
        .find(|n| has_surname_ending(n))
        .or(own.last())
        .copied()
        .unwrap_or(names[0]);
    let mut keys: Vec<String> = own.iter().copied().map(key_of).collect();
    crate::order::sort_by(&mut keys, Ord::cmp);
    Written {
        name: written.to_string(),
        key: keys.join(" "),
        surname: key_of(surname),
    }
}

/// A name's key: its name key without a Russian case ending (`Токаева`
/// and `Toqaev` are `tokaev`), or the folded word when too short for one.
fn key_of(name: &str) -> String {
    let folded = text::fold(name);
    name_keys(&folded, name).last().unwrap_or(folded)
}

fn has_surname_ending(name: &str) -> bool {
    let lower = crate::lowercase::lowercase(name);
    lower.chars().count() > 4 && SURNAME_ENDINGS.iter().any(|ending| lower.ends_with(ending))
}

fn is_patronymic(name: &str) -> bool {
    let lower = crate::lowercase::lowercase(name);
    PATRONYMIC_ENDINGS.iter().any(|ending| lower.ends_with(ending))
}

/// A title written in lowercase (`president`) is a role too.
fn is_role(word: &str) -> bool {
    let lower = crate::lowercase::lowercase(word);
    ROLES.contains(&lower.as_str()) || TITLES.contains(&lower.as_str())
}

/// Endings of Russian, Central Asian, Ukrainian, Polish, Caucasian and
/// Persian surnames, in Latin and Cyrillic letters (with the Russian
/// cases of the commonest).
const SURNAME_ENDINGS: &[&str] = &[
    "ov",
    "ev",
    "ova",
    "eva",
    "in",
    "ina",
    "yn",
    "ski",
    "sky",
    "skiy",
    "ska",
    "skaya",
    "enko",
    "uk",
    "yuk",
    "zoda",
    "zade",
    "zada",
    "yan",
    "shvili",
    "dze",
    "uly",
    "kyzy",
    "ovich",
    "evich",
    "ов",
    "ев",
    "ёв",
    "ова",
    "ева",
    "ову",
    "еву",
    "овым",
    "евым",
    "ин",
    "ина",
    "ину",
    "иным",
    "ский",
    "ская",
    "ского",
    "енко",
    "ук",
    "юк",
    "зода",
    "ян",
];

const PATRONYMIC_ENDINGS: &[&str] = &[
    "ovich", "evich", "ovna", "evna", "ovitch", "uly", "kyzy", "ogly", "вич", "вна", "ович", "евич",
];

/// Titles written before a name, in lowercase: they end a run and mark
/// what follows as a name.
const TITLES: &[&str] = &[
    "president",
    "prime",
    "minister",
    "deputy",
    "chief",
    "colonel",
    "general",
    "secretary",
    "chairman",
    "chairwoman",
    "mayor",
    "governor",
    "senator",
    "ambassador",
    "spokesman",
    "spokeswoman",
    "judge",
    "prosecutor",
    "director",
    "professor",
    "dr",
    "mr",
    "mrs",
    "ms",
    "sir",
    "king",
    "queen",
    "prince",
    "princess",
    "pope",
    "patriarch",
    "imam",
    "sheikh",
    "emir",
    "premier",
    "chancellor",
    "lieutenant",
    "major",
    "captain",
    "sergeant",
    "commander",
    "marshal",
    "admiral",
    "speaker",
    "gen",
    "col",
    "lt",
    "capt",
    "gov",
    "sen",
    "vice",
    "acting",
    "retired",
    "former",
    "late",
    "foreign",
    "interior",
    "defense",
    "defence",
    "finance",
    "justice",
    "state",
    "akim",
    "hokim",
    "mufti",
    "bishop",
    "archbishop",
    "ombudsman",
    "envoy",
    "leader",
    "head",
    "officer",
    "president-elect",
    "президент",
    "министр",
    "премьер",
    "глава",
    "генерал",
    "полковник",
    "депутат",
    "председатель",
    "посол",
    "мэр",
    "аким",
    "губернатор",
    "судья",
    "прокурор",
    "директор",
    "профессор",
    "спикер",
    "заместитель",
    "лидер",
];

/// Roles written in lowercase just before a name (`opposition politician
/// Zhasaral Quanyshalin`), beside the [`TITLES`], which count as roles too.
const ROLES: &[&str] = &[
    "diplomat",
    "politician",
    "pianist",
    "musician",
    "singer",
    "spokesperson",
    "activist",
    "journalist",
    "blogger",
    "lawyer",
    "ally",
    "analyst",
    "expert",
    "official",
    "writer",
    "poet",
    "artist",
    "author",
    "editor",
    "correspondent",
    "reporter",
    "researcher",
    "scientist",
    "economist",
    "businessman",
    "businesswoman",
    "tycoon",
    "oligarch",
    "billionaire",
    "dissident",
    "rapper",
    "athlete",
    "boxer",
    "wrestler",
    "footballer",
    "coach",
    "pedestrian",
    "driver",
    "citizen",
    "student",
    "teacher",
    "doctor",
    "founder",
    "ceo",
    "журналист",
    "политик",
    "адвокат",
    "активист",
    "блогер",
    "эксперт",
    "пианист",
    "музыкант",
];

/// Capitalised words that are never part of a name: words that open
/// sentences, organisations' and places' common words, months and days.
const STOPS: &[&str] = &[
    "the",
    "a",
    "an",
    "in",
    "on",
    "at",
    "of",
    "for",
    "to",
    "from",
    "by",
    "with",
    "and",
    "or",
    "but",
    "as",
    "after",
    "before",
    "during",
    "when",
    "while",
    "meanwhile",
    "later",
    "however",
    "thus",
    "also",
    "earlier",
    "since",
    "until",
    "although",
    "though",
    "if",
    "so",
    "then",
    "now",
    "here",
    "there",
    "this",
    "that",
    "these",
    "those",
    "it",
    "he",
    "she",
    "they",
    "we",
    "i",
    "you",
    "his",
    "her",
    "their",
    "our",
    "my",
    "its",
    "who",
    "what",
    "which",
    "where",
    "why",
    "how",
    "many",
    "most",
    "some",
    "several",
    "all",
    "both",
    "each",
    "every",
    "no",
    "not",
    "only",
    "even",
    "still",
    "yet",
    "just",
    "is",
    "was",
    "were",
    "are",
    "be",
    "has",
    "have",
    "had",
    "will",
    "would",
    "can",
    "could",
    "may",
    "might",
    "should",
    "says",
    "said",
    "told",
    "asked",
    "besides",
    "among",
    "against",
    "amid",
    "over",
    "under",
    "into",
    "about",
    "despite",
    "without",
    "within",
    "through",
    "via",
    "official",
    "officials",
    "council",
    "councils",
    "ministry",
    "ministries",
    "committee",
    "organization",
    "organizations",
    "organisation",
    "treaty",
    "union",
    "university",
    "endowment",
    "department",
    "republic",
    "agency",
    "service",
    "services",
    "bank",
    "party",
    "court",
    "assembly",
    "parliament",
    "government",
    "office",
    "fund",
    "institute",
    "center",
    "centre",
    "foundation",
    "company",
    "corporation",
    "inc",
    "ltd",
    "group",
    "news",
    "radio",
    "television",
    "alliance",
    "federation",
    "region",
    "regional",
    "district",
    "province",
    "oblast",
    "city",
    "village",
    "street",
    "avenue",
    "square",
    "airport",
    "embassy",
    "authority",
    "authorities",
    "police",
    "army",
    "forces",
    "force",
    "guard",
    "guards",
    "security",
    "affairs",
    "internal",
    "national",
    "international",
    "collective",
    "peace",
    "relations",
    "cooperation",
    "european",
    "europe",
    "western",
    "eastern",
    "northern",
    "southern",
    "central",
    "asian",
    "asia",
    "soviet",
    "united",
    "states",
    "nations",
    "kremlin",
    "commission",
    "board",
    "bureau",
    "administration",
    "movement",
    "front",
    "coalition",
    "network",
    "media",
    "press",
    "club",
    "league",
    "cup",
    "museum",
    "school",
    "college",
    "academy",
    "hospital",
    "church",
    "mosque",
    "palace",
    "hall",
    "house",
    "park",
    "river",
    "lake",
    "sea",
    "valley",
    "autonomous",
    "democratic",
    "islamic",
    "day",
    "law",
    "code",
    "charter",
    "constitution",
    "agreement",
    "summit",
    "forum",
    "conference",
    "congress",
    "tribunal",
    "veterans",
    "middle",
    "january",
    "february",
    "march",
    "april",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
    "в",
    "на",
    "и",
    "с",
    "по",
    "для",
    "как",
    "но",
    "это",
    "он",
    "она",
    "они",
    "совет",
    "министерство",
    "комитет",
    "организация",
    "республика",
    "союз",
    "университет",
    "партия",
    "суд",
    "правительство",
];

/// Common given names that mark a name with no title or surname's ending
/// (`Angela Stent`).
const GIVEN: &[&str] = &[
    "angela",
    "anna",
    "charles",
    "david",
    "elena",
    "george",
    "james",
    "jens",
    "john",
    "joseph",
    "marie",
    "maria",
    "mark",
    "mary",
    "michael",
    "olga",
    "paul",
    "peter",
    "richard",
    "robert",
    "thomas",
    "ursula",
    "wendy",
    "william",
    "vladimir",
    "sergei",
    "sergey",
    "dmitry",
    "alexander",
    "aleksandr",
    "oleksandr",
    "mikhail",
    "nikolai",
    "ivan",
    "igor",
    "andrei",
    "yuri",
    "boris",
    "viktor",
    "nursultan",
    "karim",
    "azamat",
    "yerlan",
    "nurlan",
    "askar",
    "sadyr",
    "emomali",
    "rustam",
    "shavkat",
    "serdar",
    "владимир",
    "сергей",
    "дмитрий",
    "александр",
];

#[cfg(test)]
mod tests {
    use super::*;

    fn whole_names(text: &str) -> Vec<String> {
        find([text]).whole.into_iter().map(|w| w.name).collect()
    }

    #[test]
    fn titles_roles_endings_and_given_names_mark_a_name() {
        assert_eq!(
            whole_names("said European Council President Charles Michel in a call"),
            ["Charles Michel"]
        );
        assert_eq!(
            whole_names("Kazakh opposition politician Zhasaral Quanyshalin."),
            ["Zhasaral Quanyshalin"]
        );
        assert_eq!(
            whole_names("He recognised Vikram Ruzakhunov at once."),
            ["Vikram Ruzakhunov"]
        );
        assert_eq!(whole_names("“Yes,” Angela Stent, a professor, said."), ["Angela Stent"]);
        assert_eq!(
            whole_names("Deputy Secretary of State Wendy Sherman led it."),
            ["Wendy Sherman"]
        );
        assert_eq!(
            whole_names("Президент Касым-Жомарт Токаев заявил"),
            ["Касым-Жомарт Токаев"]
        );
    }

    #[test]
    fn places_organisations_things_and_headlines_are_no_one() {
        for text in [
            "the Collective Security Treaty Organization met",
            "He took a Toyota Camry worth 200,000 somonis.",
            "the Gorno-Badakhshan Autonomous Region is mountainous",
            "in the Middle East and Western Europe",
            "Councils of Veterans of J. Balkhi, Yovon, Qubodiyon",
            "Photo credits: AmanovDmitry.jpg (Wikimedia Commons)",
            "Kazakh President Says Week Of Deadly Unrest Was An Attempted Coup",
        ] {
            assert_eq!(whole_names(text), Vec::<String>::new(), "{text}");
        }
    }

    #[test]
    fn spellings_and_scripts_are_one_person_and_a_surname_alone_counts() {
        let mut roster = Roster::default();
        let articles = [
            find(["President Kassym-Jomart Tokayev spoke.", "Tokayev said so."]),
            find([
                "Kazakh President Qasym-Zhomart Toqaev said.",
                "Toqaev agreed. Toqaev left.",
            ]),
            find(["President Qasym-Zhomart Toqaev met Colonel Azamat Ibraev."]),
            find(["Tokayev Says Unrest Is Over", "Токаева не было."]),
        ];
        for found in &articles {
            roster.add(found);
        }
        assert_eq!(roster.people_of(&articles[0]), ["Qasym-Zhomart Toqaev"]);
        assert_eq!(
            roster.people_of(&articles[2]),
            ["Azamat Ibraev", "Qasym-Zhomart Toqaev"]
        );
        // A headline and a declined surname alone, named in full elsewhere.
        assert_eq!(roster.people_of(&articles[3]), ["Qasym-Zhomart Toqaev"]);
    }

    #[test]
    fn initials_and_patronymics_belong_to_the_surname() {
        let found = find([
            "the pedestrian Abdulloev Alisher Qurbonovich, born in 1966, died.",
            "Abdulloev A.K. was hurt.",
        ]);
        assert_eq!(found.whole[0].name, "Abdulloev Alisher Qurbonovich");
        // Name keys write a doubled letter once.
        assert_eq!(found.whole[0].surname, "abduloev");
        assert_eq!(found.alone, ["abduloev"]);
    }
}
