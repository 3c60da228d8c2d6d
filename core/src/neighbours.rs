//! An article's previous and next: the articles beside it in the order the
//! reader's search lists them, which the article page links to. The app
//! asks the index for that order (`Index::ranked`, every match, no
//! snippets) and this says where the article stands in it.

/// The articles (by position) before and after one article in a list.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Neighbours {
    pub previous: Option<usize>,
    pub next: Option<usize>,
}

impl Neighbours {
    /// `doc`'s neighbours in `order`. An article the list does not hold
    /// (opened from a link, then the search changed) has none: there is no
    /// place in the list to step from.
    pub fn of(doc: usize, order: &[usize]) -> Neighbours {
        let Some(at) = order.iter().position(|&d| d == doc) else {
            return Neighbours::default();
        };
        Neighbours {
            previous: at.checked_sub(1).map(|i| order[i]),
            next: order.get(at + 1).copied(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn of(doc: usize, order: &[usize]) -> (Option<usize>, Option<usize>) {
        let Neighbours { previous, next } = Neighbours::of(doc, order);
        (previous, next)
    }

    #[test]
    fn neighbours_are_the_articles_beside_it_in_the_list() {
        let order = [7, 3, 9, 0];
        assert_eq!(of(7, &order), (None, Some(3)), "the first has no previous");
        assert_eq!(of(3, &order), (Some(7), Some(9)));
        assert_eq!(of(9, &order), (Some(3), Some(0)));
        assert_eq!(of(0, &order), (Some(9), None), "the last has no next");
        assert_eq!(of(5, &order), (None, None), "not in the list");
        assert_eq!(of(5, &[5]), (None, None), "alone in it");
        assert_eq!(of(5, &[]), (None, None));
    }
}
