//! The engine's answers, as the page holds them: what the state needs
//! asked ([`Asking`]), the answers kept for rendering ([`Answers`]), and
//! which of them the page shows ([`Shown`]). Components read only these,
//! never an index.
//!
//! Answers come later than the state that asked for them: until the new
//! one comes, the page shows the last one (a list does not go blank
//! between two keystrokes), and an answer to a request the state has
//! since replaced is dropped.

use std::cell::RefCell;
use std::rc::Rc;

use yew::Reducible;

use super::state::State;
use crate::engine::protocol::{
    ArticleAnswer, ArticleRequest, List, Numbered, Request, Response, SearchAnswer, SearchRequest,
};
use crate::engine::Engine;
use crate::route::Page;

/// An answer with the request it answers.
#[derive(Debug, PartialEq)]
pub struct Answered<Q, A> {
    pub request: Q,
    pub answer: A,
}

pub type SearchAnswered = Answered<SearchRequest, SearchAnswer>;
/// `None`: no article has the slug asked for.
pub type ArticleAnswered = Answered<ArticleRequest, Option<Rc<ArticleAnswer>>>;
/// A request the engine could not answer (a file it could not fetch,
/// offline), with why.
pub type Failed = Answered<Request, String>;

/// The latest answers of each kind.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Answers {
    /// Articles in the corpus.
    pub articles: usize,
    pub search: Option<Rc<SearchAnswered>>,
    pub article: Option<Rc<ArticleAnswered>>,
    /// The latest request that failed: shown while the state still asks it.
    pub failed: Option<Rc<Failed>>,
}

/// A new answer to keep.
#[derive(Debug)]
pub enum Answer {
    Search(Rc<SearchAnswered>),
    Article(Rc<ArticleAnswered>),
    Failed(Rc<Failed>),
}

impl Reducible for Answers {
    type Action = Answer;

    fn reduce(self: Rc<Self>, answer: Answer) -> Rc<Self> {
        let mut next = (*self).clone();
        next.keep(answer);
        Rc::new(next)
    }
}

impl Answers {
    fn keep(&mut self, answer: Answer) {
        match answer {
            Answer::Search(search) => self.search = Some(search),
            Answer::Article(article) => self.article = Some(article),
            Answer::Failed(failed) => self.failed = Some(failed),
        }
    }

    /// Why `request` failed, if it did (and was not asked again since).
    pub fn failure(&self, request: &Request) -> Option<&str> {
        self.failed
            .as_ref()
            .filter(|failed| failed.request.serves(request))
            .map(|failed| failed.answer.as_str())
    }
}

/// The reader's list in `state`.
pub fn list_of(state: &State) -> List {
    let location = &state.location;
    List {
        query: location.query.clone(),
        filters: location.filters.clone(),
        saved: location.saved.then(|| state.library.saved.clone()),
        sort: location.sort,
    }
}

/// What the page in `state` needs answered: the list's page, or the article.
pub fn needs(state: &State) -> Option<Request> {
    match &state.location.page {
        Page::List => Some(Request::Search(SearchRequest {
            list: list_of(state),
            limit: state.limit,
            facets: state.filters_shown(),
        })),
        Page::Article(slug) => Some(Request::Article(ArticleRequest {
            slug: slug.clone(),
            list: list_of(state),
        })),
        Page::NotFound => None,
    }
}

/// The requests sent, by number: the latest of each kind is the only one
/// whose answer is kept.
#[derive(Debug, Default)]
pub struct Asking {
    next: u32,
    search: Option<(u32, SearchRequest)>,
    article: Option<(u32, ArticleRequest)>,
}

impl Asking {
    /// Carrying on from `answers`: what they answer is not asked again.
    pub fn after(answers: &Answers) -> Asking {
        Asking {
            next: 1,
            search: answers.search.as_ref().map(|a| (0, a.request.clone())),
            article: answers.article.as_ref().map(|a| (0, a.request.clone())),
        }
    }

    /// `request`, numbered, unless it is the latest of its kind already.
    pub fn ask(&mut self, request: Request) -> Option<Numbered<Request>> {
        let number = self.next;
        let new = match &request {
            Request::Start => true,
            Request::Search(search) => replace(&mut self.search, search, number, SearchRequest::serves),
            Request::Article(article) => replace(&mut self.article, article, number, PartialEq::eq),
        };
        new.then(|| {
            self.next += 1;
            Numbered { number, body: request }
        })
    }

    /// The answer to keep from `response`: none when it answers a request
    /// that a later one of its kind replaced, or is no list or article.
    pub fn take(&self, response: Numbered<Response>) -> Option<Answer> {
        let number = response.number;
        match response.body {
            Response::Search(answer) => current(&self.search, number).map(|request| {
                Answer::Search(Rc::new(Answered {
                    request: request.clone(),
                    answer,
                }))
            }),
            Response::Article(answer) => current(&self.article, number).map(|request| {
                Answer::Article(Rc::new(Answered {
                    request: request.clone(),
                    answer: answer.map(Rc::from),
                }))
            }),
            Response::Failed(answer) => {
                let request = match (current(&self.search, number), current(&self.article, number)) {
                    (Some(search), _) => Request::Search(search.clone()),
                    (_, Some(article)) => Request::Article(article.clone()),
                    (None, None) => return None,
                };
                Some(Answer::Failed(Rc::new(Answered { request, answer })))
            }
            Response::Started { .. } => None,
        }
    }
}

/// The request in `slot`, if it is numbered `number`.
fn current<Q>(slot: &Option<(u32, Q)>, number: u32) -> Option<&Q> {
    slot.as_ref()
        .filter(|(asked, _)| *asked == number)
        .map(|(_, request)| request)
}

/// Records `request` as the latest of its kind, numbered `number`, unless
/// the latest already `serves` it.
fn replace<Q: Clone>(slot: &mut Option<(u32, Q)>, request: &Q, number: u32, serves: fn(&Q, &Q) -> bool) -> bool {
    if slot.as_ref().is_some_and(|(_, asked)| serves(asked, request)) {
        return false;
    }
    *slot = Some((number, request.clone()));
    true
}

/// What the page shows: the view the state asks for once its answer is
/// in; until then, the view shown before.
#[derive(Clone, Debug, PartialEq)]
pub enum Shown {
    List,
    Article(Rc<ArticleAnswer>),
    NotFound,
    /// The article asked for could not be had, and why.
    Unavailable(Rc<str>),
}

impl Shown {
    /// The view for `state` with `answers`; `before` while the article
    /// asked for has not come.
    pub fn of(state: &State, answers: &Answers, before: &Shown) -> Shown {
        match &state.location.page {
            Page::List => Shown::List,
            Page::NotFound => Shown::NotFound,
            Page::Article(slug) => match answers.article.as_ref().filter(|a| a.request.slug == *slug) {
                Some(answered) => match &answered.answer {
                    Some(article) => Shown::Article(article.clone()),
                    None => Shown::NotFound,
                },
                None => match needs(state).and_then(|request| answers.failure(&request).map(Rc::<str>::from)) {
                    Some(why) => Shown::Unavailable(why),
                    None => before.clone(),
                },
            },
        }
    }

    /// The article shown, if any.
    pub fn article(&self) -> Option<&ArticleAnswer> {
        match self {
            Shown::Article(article) => Some(article),
            _ => None,
        }
    }
}

/// `request`, with its list's facet values counted. A page rendered at
/// once (prerendering, taking it over, the tests) counts them whatever the
/// screen: its renderer cannot know whether they will be beside the list,
/// and an answer with counts serves a list without them too
/// ([`SearchRequest::serves`]), so a wide screen shows them as it goes live
/// and a phone asks nothing more.
fn counted(request: Request) -> Request {
    match request {
        Request::Search(search) => Request::Search(SearchRequest { facets: true, ..search }),
        other => other,
    }
}

/// Asks `engine` for what `state` needs and for its start, and calls `done`
/// with the answers once all have come (or with the engine's failure).
pub fn gather(engine: &dyn Engine, state: &State, done: impl FnOnce(Result<Answers, String>) + 'static) {
    let mut asking = Asking::default();
    let requests: Vec<Numbered<Request>> = std::iter::once(Request::Start)
        .chain(needs(state).map(counted))
        .filter_map(|r| asking.ask(r))
        .collect();
    let gathering = Rc::new(RefCell::new(Gathering {
        asking,
        answers: Answers::default(),
        waiting: requests.len(),
        done: Some(Box::new(done)),
    }));
    engine.on_answer(Rc::new(move |response| gathering.borrow_mut().receive(response)));
    for request in requests {
        engine.send(request);
    }
}

/// What [`gather`] calls at the end.
type Done = Box<dyn FnOnce(Result<Answers, String>)>;

struct Gathering {
    asking: Asking,
    answers: Answers,
    waiting: usize,
    done: Option<Done>,
}

impl Gathering {
    fn receive(&mut self, response: Numbered<Response>) {
        let failed = match &response.body {
            Response::Started { articles } => {
                self.answers.articles = *articles;
                None
            }
            Response::Failed(error) => Some(error.clone()),
            // Offline, without the articles the page shows: the page was
            // prerendered from all of them, and hydrating it from fewer
            // would not match it.
            Response::Search(search) if search.incomplete => Some(NOT_KEPT.to_string()),
            _ => None,
        };
        if let Some(error) = failed {
            if let Some(done) = self.done.take() {
                done(Err(error));
            }
            return;
        }
        if let Some(answer) = self.asking.take(response) {
            self.answers.keep(answer);
        }
        self.waiting = self.waiting.saturating_sub(1);
        if self.waiting == 0 {
            if let Some(done) = self.done.take() {
                done(Ok(std::mem::take(&mut self.answers)));
            }
        }
    }
}

/// Why the first view cannot be shown from an incomplete answer.
const NOT_KEPT: &str = "Part of the archive is not kept offline.";

/// [`gather`] from an engine that answers at once (prerendering, tests).
pub fn gather_now(engine: &dyn Engine, state: &State) -> Result<Answers, String> {
    let out = Rc::new(RefCell::new(None));
    let into = out.clone();
    gather(engine, state, move |answers| *into.borrow_mut() = Some(answers));
    let answers = out.borrow_mut().take();
    answers.unwrap_or_else(|| Err("the engine did not answer at once".into()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::route::Location;
    use crate::ui::library::Library;
    use crate::ui::prefs::Prefs;
    use crate::ui::state::Panel;

    fn search(query: &str) -> Request {
        Request::Search(SearchRequest {
            list: List {
                query: query.into(),
                ..List::default()
            },
            limit: 20,
            facets: false,
        })
    }

    fn answer(number: u32, total: usize) -> Numbered<Response> {
        Numbered {
            number,
            body: Response::Search(SearchAnswer {
                total,
                ..SearchAnswer::default()
            }),
        }
    }

    fn kept_total(answer: Option<Answer>) -> Option<usize> {
        match answer? {
            Answer::Search(search) => Some(search.answer.total),
            Answer::Article(_) | Answer::Failed(_) => None,
        }
    }

    /// An engine that answers every search as read around files it could
    /// not fetch (offline).
    #[derive(Default)]
    struct Offline(RefCell<Option<crate::engine::Receiver>>);

    impl Engine for Offline {
        fn on_answer(&self, receive: crate::engine::Receiver) {
            *self.0.borrow_mut() = Some(receive);
        }

        fn send(&self, request: Numbered<Request>) {
            let body = match request.body {
                Request::Start => Response::Started { articles: 9 },
                _ => Response::Search(SearchAnswer {
                    incomplete: true,
                    ..SearchAnswer::default()
                }),
            };
            let receive = self.0.borrow().clone().expect("a receiver");
            receive(Numbered {
                number: request.number,
                body,
            });
        }
    }

    #[test]
    fn a_first_view_is_never_gathered_from_an_incomplete_answer() {
        let state = State::new(Location::default(), Prefs::default(), Library::default());
        assert_eq!(
            gather_now(&Offline::default(), &state),
            Err("Part of the archive is not kept offline.".to_string())
        );
    }

    #[test]
    fn an_answer_to_a_replaced_request_is_dropped() {
        let mut asking = Asking::default();
        let first = asking.ask(search("tok")).expect("a new request is sent");
        let second = asking.ask(search("toka")).expect("a new request is sent");
        assert_ne!(first.number, second.number);
        // The answer to "tok" comes after "toka" was asked: it is dropped.
        assert_eq!(kept_total(asking.take(answer(first.number, 7))), None);
        assert_eq!(kept_total(asking.take(answer(second.number, 4))), Some(4));
        // The same request again is not sent again.
        assert_eq!(asking.ask(search("toka")), None);
        // Another kind's request does not replace a search.
        let article = asking.ask(Request::Article(ArticleRequest::default())).expect("sent");
        assert_ne!(article.number, second.number);
        assert_eq!(kept_total(asking.take(answer(second.number, 4))), Some(4));
    }

    #[test]
    fn what_the_answers_hold_is_not_asked_again() {
        let state = State::new(Location::default(), Prefs::default(), Library::default());
        let engine = crate::engine::InProcess::new(crate::search::Index::new(
            crate::bundled::articles().expect("the bundle decodes"),
        ));
        let answers = gather_now(&engine, &state).expect("answered at once");
        assert_eq!(answers.articles, 9);
        assert_eq!(answers.search.as_ref().map(|s| s.answer.hits.len()), Some(9));
        let mut asking = Asking::after(&answers);
        assert_eq!(needs(&state).and_then(|r| asking.ask(r)), None);
        // Gathered with its counts, whatever the screen: a phone's list
        // (none wanted) and a wide screen's (counted) are both answered.
        let publishers = answers.search.as_ref().map(|s| s.answer.facets.publishers.values.len());
        assert_eq!(publishers, Some(4));
        let wide = State {
            sidebar: true,
            ..state.clone()
        };
        assert_eq!(needs(&wide).and_then(|r| asking.ask(r)), None);
    }

    #[test]
    fn a_list_asks_its_counts_only_where_they_are_shown_and_once() {
        let counting = |request: &Request| matches!(request, Request::Search(s) if s.facets);
        let mut state = State::new(Location::default(), Prefs::default(), Library::default());
        state.location.query = "tokayev".into();
        let mut asking = Asking::default();
        let phone = asking.ask(needs(&state).unwrap()).expect("sent");
        assert!(!counting(&phone.body), "a phone with the panel closed counts nothing");
        state.panel = Panel::Filters;
        let opened = asking
            .ask(needs(&state).unwrap())
            .expect("the open panel asks for the counts");
        assert!(counting(&opened.body));
        // Closed again: the counted answer serves the list, nothing is asked.
        state.panel = Panel::None;
        assert_eq!(asking.ask(needs(&state).unwrap()), None);
        state.sidebar = true;
        assert_eq!(asking.ask(needs(&state).unwrap()), None);
    }

    #[test]
    fn an_article_is_shown_once_its_answer_has_come() {
        let location = |page| Location {
            page,
            ..Location::default()
        };
        let state = |page| State::new(location(page), Prefs::default(), Library::default());
        let reading = state(Page::Article("a".into()));
        let answered = |slug: &str, found: bool| Answers {
            article: Some(Rc::new(Answered {
                request: ArticleRequest {
                    slug: slug.into(),
                    list: List::default(),
                },
                answer: found.then(|| {
                    Rc::new(ArticleAnswer {
                        article: crate::engine::protocol::ArticleText {
                            slug: slug.into(),
                            title: String::new(),
                            publisher: None,
                            date: None,
                            dateline: None,
                            reading_minutes: 1,
                            teaser: false,
                            url: None,
                            blocks: Vec::new(),
                            photos: Vec::new(),
                            people: Vec::new(),
                            related: Vec::new(),
                            source: None,
                            copyright: None,
                            excerpt: String::new(),
                        },
                        highlights: Default::default(),
                        previous: None,
                        next: None,
                    })
                }),
            })),
            ..Answers::default()
        };
        // Still the list, while the article's answer is on its way.
        assert_eq!(Shown::of(&reading, &answered("b", true), &Shown::List), Shown::List);
        let shown = Shown::of(&reading, &answered("a", true), &Shown::List);
        assert_eq!(shown.article().map(|a| a.article.slug.as_str()), Some("a"));
        assert_eq!(
            Shown::of(&reading, &answered("a", false), &Shown::List),
            Shown::NotFound
        );
        assert_eq!(Shown::of(&state(Page::List), &Answers::default(), &shown), Shown::List);
    }

    #[test]
    fn a_failure_is_kept_for_its_request_and_shown_while_it_is_asked() {
        let mut asking = Asking::default();
        let first = asking.ask(search("tok")).expect("sent");
        let second = asking.ask(search("toka")).expect("sent");
        let failed = |number| Numbered {
            number,
            body: Response::Failed("offline".into()),
        };
        // A replaced request's failure is dropped like its answer would be.
        assert!(asking.take(failed(first.number)).is_none());
        let mut answers = Answers::default();
        answers.keep(asking.take(failed(second.number)).expect("the latest search failed"));
        assert_eq!(answers.failure(&search("toka")), Some("offline"));
        assert_eq!(answers.failure(&search("tok")), None);
        // An article that failed is unavailable, not missing.
        let state = |page| {
            let mut state = State::new(Location::default(), Prefs::default(), Library::default());
            state.location.page = page;
            state
        };
        let reading = state(Page::Article("a".into()));
        let article = asking.ask(needs(&reading).expect("an article is asked")).expect("sent");
        answers.keep(asking.take(failed(article.number)).expect("the article failed"));
        assert_eq!(
            Shown::of(&reading, &answers, &Shown::List),
            Shown::Unavailable("offline".into())
        );
        assert_eq!(
            Shown::of(&state(Page::Article("b".into())), &answers, &Shown::List),
            Shown::List
        );
    }
}
