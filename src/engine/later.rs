//! The engine while it starts. The page hydrates from the answers it
//! carries ([`super::replay`]) as its worker loads alongside: a search
//! typed meanwhile waits here, then goes to the engine once it comes; if
//! it cannot come, the search is answered with why.

use std::cell::RefCell;
use std::rc::Rc;

use super::protocol::{Numbered, Request, Response};
use super::{Engine, Receiver};

/// An engine to come: requests wait, in order, until [`Later::arrive`].
#[derive(Default)]
pub struct Later {
    /// `None` until it comes; then the engine, or why there is none.
    engine: RefCell<Option<Result<Rc<dyn Engine>, String>>>,
    waiting: RefCell<Vec<Numbered<Request>>>,
    receive: RefCell<Option<Receiver>>,
}

impl Later {
    /// The engine has come, or cannot: what waited goes to it, or is
    /// answered with why not.
    pub fn arrive(&self, engine: Result<Rc<dyn Engine>, String>) {
        if let (Ok(engine), Some(receive)) = (&engine, self.receive.borrow().clone()) {
            engine.on_answer(receive);
        }
        *self.engine.borrow_mut() = Some(engine);
        let waiting = std::mem::take(&mut *self.waiting.borrow_mut());
        for request in waiting {
            self.send(request);
        }
    }
}

impl Engine for Later {
    fn on_answer(&self, receive: Receiver) {
        if let Some(Ok(engine)) = &*self.engine.borrow() {
            engine.on_answer(receive.clone());
        }
        *self.receive.borrow_mut() = Some(receive);
    }

    fn send(&self, request: Numbered<Request>) {
        // Cloned out first: the engine or the receiver may send again.
        let engine = self.engine.borrow().clone();
        match engine {
            None => self.waiting.borrow_mut().push(request),
            Some(Ok(engine)) => engine.send(request),
            Some(Err(why)) => {
                let receive = self.receive.borrow().clone();
                if let Some(receive) = receive {
                    receive(Numbered {
                        number: request.number,
                        body: Response::Failed(why),
                    });
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::answer_now;
    use crate::engine::protocol::SearchRequest;
    use crate::engine::InProcess;
    use crate::search::Index;

    fn search(number: u32, query: &str) -> Numbered<Request> {
        let mut request = SearchRequest {
            limit: 1,
            ..Default::default()
        };
        request.list.query = query.into();
        Numbered {
            number,
            body: Request::Search(request),
        }
    }

    type Heard = Rc<RefCell<Vec<Numbered<Response>>>>;

    fn listening(later: &Later) -> Heard {
        let heard: Heard = Rc::default();
        let into = heard.clone();
        later.on_answer(Rc::new(move |answer| into.borrow_mut().push(answer)));
        heard
    }

    #[test]
    fn requests_wait_for_the_engine_then_go_in_order() {
        let later = Later::default();
        let heard = listening(&later);
        let asked = [search(1, "tokayev"), search(2, "jazz"), search(3, "dushanbe")];
        later.send(asked[0].clone());
        later.send(asked[1].clone());
        assert_eq!(*heard.borrow(), []);
        let index = Index::new(crate::bundled::articles().unwrap());
        let expected: Vec<Numbered<Response>> = asked
            .iter()
            .map(|request| Numbered {
                number: request.number,
                body: answer_now(&index, &request.body),
            })
            .collect();
        later.arrive(Ok(Rc::new(InProcess::new(index))));
        later.send(asked[2].clone());
        assert_eq!(*heard.borrow(), expected);
        assert!(
            matches!(&expected[0].body, Response::Search(s) if s.total == 4),
            "{:?}",
            expected[0]
        );
    }

    #[test]
    fn an_engine_that_cannot_come_answers_each_request_with_why() {
        let later = Later::default();
        let heard = listening(&later);
        later.send(search(1, "tokayev"));
        later.arrive(Err("The search engine could not be loaded.".into()));
        later.send(search(2, "jazz"));
        let failed = |number| Numbered {
            number,
            body: Response::Failed("The search engine could not be loaded.".into()),
        };
        assert_eq!(*heard.borrow(), [failed(1), failed(2)]);
    }
}
