//! The search engine as the app sees it: requests in, answers out, by
//! message ([`protocol`]). The page never holds the index: in a browser the
//! engine runs in a worker of its own, and the page only renders answers.
//! Natively (prerendering, tests) the same answers come from
//! [`InProcess`], an engine in this process that answers at once.

mod answer;
pub mod codec;
#[cfg(target_arch = "wasm32")]
mod fetch;
pub mod later;
#[cfg(target_arch = "wasm32")]
mod port;
pub mod protocol;
#[cfg(target_arch = "wasm32")]
pub mod remote;
pub mod replay;
#[cfg(target_arch = "wasm32")]
pub mod serve;

use std::cell::RefCell;
use std::rc::Rc;

use crate::search::Index;
pub use answer::{answer, answer_now, Source};
use protocol::{Numbered, Request, Response};

/// Where the app sends its requests. Answers come back later, in any order,
/// to the receiver set last; each carries its request's number.
pub trait Engine {
    /// Where answers go from now on.
    fn on_answer(&self, receive: Receiver);
    fn send(&self, request: Numbered<Request>);
}

/// What receives the engine's answers.
pub type Receiver = Rc<dyn Fn(Numbered<Response>)>;

/// An engine in this process, answering each request as it is sent.
pub struct InProcess {
    index: Index,
    receive: RefCell<Option<Receiver>>,
}

impl InProcess {
    pub fn new(index: Index) -> InProcess {
        InProcess {
            index,
            receive: RefCell::new(None),
        }
    }

    pub fn index(&self) -> &Index {
        &self.index
    }
}

impl Engine for InProcess {
    fn on_answer(&self, receive: Receiver) {
        *self.receive.borrow_mut() = Some(receive);
    }

    fn send(&self, request: Numbered<Request>) {
        let body = answer_now(&self.index, &request.body);
        // Cloned out first: the receiver may send again.
        let receive = self.receive.borrow().clone();
        if let Some(receive) = receive {
            receive(Numbered {
                number: request.number,
                body,
            });
        }
    }
}
