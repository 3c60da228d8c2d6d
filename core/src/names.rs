//! A set of strings as a sorted list of distinct strings: the files a search
//! needs, the values a reader filters by, the slugs a reader saved.
//!
//! Not `BTreeSet<String>`: these sets hold a few dozen strings, and std's
//! B-tree compiled 4.5 KB of wasm into the engine's worker (its insert,
//! clone, iterators and node handling) and more into the page. A binary
//! search in a `Vec` is as fast at this size and is code the worker has
//! already. The order is the same (bytewise), so iterating gives what a
//! `BTreeSet` gave.

/// Strings in ascending order, each once.
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash)]
pub struct Names(Vec<String>);

impl Names {
    pub const fn new() -> Names {
        Names(Vec::new())
    }

    /// Adds `name`; false when it was there already.
    pub fn insert(&mut self, name: String) -> bool {
        match self.find(&name) {
            Ok(_) => false,
            Err(at) => {
                self.0.insert(at, name);
                true
            }
        }
    }

    /// Takes `name` out; false when it was not there.
    pub fn remove(&mut self, name: &str) -> bool {
        let found = self.find(name);
        if let Ok(at) = found {
            self.0.remove(at);
        }
        found.is_ok()
    }

    pub fn clear(&mut self) {
        self.0.clear();
    }

    pub fn contains(&self, name: &str) -> bool {
        self.find(name).is_ok()
    }

    pub fn len(&self) -> usize {
        self.0.len()
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    pub fn iter(&self) -> std::slice::Iter<'_, String> {
        self.0.iter()
    }

    /// The strings, in order.
    pub fn as_slice(&self) -> &[String] {
        &self.0
    }

    fn find(&self, name: &str) -> Result<usize, usize> {
        self.0.binary_search_by(|item| item.as_str().cmp(name))
    }
}

impl Extend<String> for Names {
    fn extend<I: IntoIterator<Item = String>>(&mut self, names: I) {
        for name in names {
            self.insert(name);
        }
    }
}

impl FromIterator<String> for Names {
    fn from_iter<I: IntoIterator<Item = String>>(names: I) -> Names {
        let mut set = Names::new();
        set.extend(names);
        set
    }
}

impl<S: Into<String>, const N: usize> From<[S; N]> for Names {
    fn from(names: [S; N]) -> Names {
        names.into_iter().map(Into::into).collect()
    }
}

impl IntoIterator for Names {
    type Item = String;
    type IntoIter = std::vec::IntoIter<String>;

    fn into_iter(self) -> Self::IntoIter {
        self.0.into_iter()
    }
}

impl<'a> IntoIterator for &'a Names {
    type Item = &'a String;
    type IntoIter = std::slice::Iter<'a, String>;

    fn into_iter(self) -> Self::IntoIter {
        self.0.iter()
    }
}

#[cfg(test)]
mod tests {
    use super::Names;

    #[test]
    fn a_set_keeps_its_strings_sorted_and_once() {
        let mut names = Names::from(["b", "a"]);
        assert!(names.insert("c".into()));
        assert!(!names.insert("a".into()), "already there");
        assert_eq!(names.as_slice(), ["a", "b", "c"]);
        assert!(names.contains("b") && !names.contains("d"));
        assert!(names.remove("b") && !names.remove("b"));
        assert_eq!(names.iter().collect::<Vec<_>>(), ["a", "c"]);
        assert_eq!(names.len(), 2);
        // Bytewise, as `BTreeSet<String>` ordered them.
        let mixed: Names = ["é", "z", "Z"].map(String::from).into_iter().collect();
        assert_eq!(mixed.as_slice(), ["Z", "z", "é"]);
    }
}
