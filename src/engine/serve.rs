//! The engine's side of the messages: in its worker (or, where no worker
//! can be made, in the page), it opens the split index's entry, then
//! answers each request in the order it came, fetching what each answer
//! needs a round at a time. Every file fetched stays in the engine, so
//! nothing is fetched twice in a visit.
//!
//! A file that cannot be fetched because the network is unreachable (the
//! fetch fails; offline, a file the service worker has not kept) is read
//! as empty, and the search says its results may be incomplete
//! (`split::Engine::lack`); an HTTP error or a broken file still fails the
//! answer. Such a file is not asked for again while the browser says it
//! is offline, so typing offline waits on no failed fetch; once it says it
//! is online (the network back, or a host that was down), each answer asks
//! for it again, once.

use std::cell::{Cell, RefCell};
use std::collections::VecDeque;
use std::rc::Rc;

use js_sys::Promise;
use wasm_bindgen::prelude::*;

use super::answer::answer;
use super::codec::{decode, encode};
use super::fetch::{self, Missed};
use super::port::{bytes_of, Endpoint};
use super::protocol::{Numbered, Request, Response};
use crate::split::{Engine, Step, ENTRY};

/// More rounds than any answer takes (three for a cold search, two more
/// offline to fill its page, a few more for an article with saved
/// articles): past this, the index is broken.
const MOST_ROUNDS: usize = 12;

#[wasm_bindgen]
extern "C" {
    /// `navigator`, in a window or a worker.
    #[wasm_bindgen(thread_local_v2, js_name = navigator)]
    static NAVIGATOR: Navigator;

    type Navigator;
    /// False when the browser knows it is offline; true may still be
    /// offline (a host gone, a network that carries nothing).
    #[wasm_bindgen(method, getter, js_name = onLine)]
    fn on_line(this: &Navigator) -> bool;
}

struct Server {
    endpoint: Endpoint,
    /// The index's folder, as a URL ending in `/`.
    folder: String,
    /// `None` while the entry is on its way; then the engine, or why there
    /// is none.
    engine: RefCell<Option<Result<Engine, String>>>,
    waiting: RefCell<VecDeque<Numbered<Request>>>,
    /// Whether a task is answering (or opening the entry): requests queue.
    busy: Cell<bool>,
}

impl Server {
    fn receive(self: &Rc<Self>, request: Numbered<Request>) {
        self.waiting.borrow_mut().push_back(request);
        if !self.busy.replace(true) {
            wasm_bindgen_futures::spawn_local(self.clone().answer_waiting());
        }
    }

    /// The next request worth answering: one that a later request of its
    /// kind has replaced (a keystroke since) is dropped, as the page would
    /// drop its answer.
    fn next(&self) -> Option<Numbered<Request>> {
        let mut waiting = self.waiting.borrow_mut();
        while let Some(request) = waiting.pop_front() {
            let replaced = waiting
                .iter()
                .any(|later| std::mem::discriminant(&later.body) == std::mem::discriminant(&request.body));
            if !replaced || matches!(request.body, Request::Start) {
                return Some(request);
            }
        }
        None
    }

    async fn answer_waiting(self: Rc<Self>) {
        while let Some(request) = self.next() {
            let body = self.answer(&request.body).await;
            self.endpoint.post(&encode(&Numbered {
                number: request.number,
                body,
            }));
        }
        self.busy.set(false);
    }

    /// The answer to `request`, fetching what it needs; a file that cannot
    /// be fetched is fetched once per answer at most.
    async fn answer(&self, request: &Request) -> Response {
        if let Some(Ok(engine)) = &mut *self.engine.borrow_mut() {
            if NAVIGATOR.with(Navigator::on_line) {
                engine.retry();
            }
        }
        for _ in 0..MOST_ROUNDS {
            let need: Vec<String> = match &*self.engine.borrow() {
                Some(Ok(engine)) => match answer(engine, request) {
                    Step::Done(response) => return response,
                    // What a search can do without was left out of its
                    // need; an article or a slug cannot be.
                    Step::Need(need) => match need.iter().find(|name| engine.lacks(name)) {
                        Some(name) => return Response::Failed(Missed::unreachable(name).message),
                        None => need.into_iter().collect(),
                    },
                },
                Some(Err(error)) => return Response::Failed(error.clone()),
                None => return Response::Failed("The search engine is not ready.".into()),
            };
            let files = fetch::files(&self.folder, &need).await;
            if let Some(Ok(engine)) = &mut *self.engine.borrow_mut() {
                for (name, file) in need.iter().zip(files) {
                    let added = match file {
                        Ok(bytes) => engine.add(name, &bytes).map_err(|error| error.to_string()),
                        Err(Missed { unreachable: true, .. }) => {
                            engine.lack(name);
                            Ok(())
                        }
                        Err(missed) => Err(missed.message),
                    };
                    if let Err(error) = added {
                        return Response::Failed(error);
                    }
                }
            }
        }
        Response::Failed(format!("The index did not answer in {MOST_ROUNDS} rounds."))
    }

    /// Opens the index's entry (`fetched` already, or fetched now), then
    /// answers what came meanwhile.
    async fn open(self: Rc<Self>, fetched: Option<Promise>) {
        let fetched = fetched.unwrap_or_else(|| fetch::request(&self.folder, ENTRY));
        let engine = match fetch::opened(ENTRY, fetched.into()).await {
            Ok(entry) => Engine::open(&entry).map_err(|e| e.to_string()),
            Err(missed) => Err(missed.message),
        };
        *self.engine.borrow_mut() = Some(engine);
        self.answer_waiting().await;
    }
}

/// Serves requests arriving at `endpoint` from the split index in
/// `folder` (a URL ending in `/`), whose entry may have been `fetched`
/// already (the worker starts that fetch before its wasm is compiled). An
/// empty message says that it listens (before that, a module worker may
/// not have read its messages yet). A message that cannot be read is
/// ignored.
pub fn serve(endpoint: Endpoint, folder: String, fetched: Option<Promise>) {
    crate::tasks::report_panics();
    let server = Rc::new(Server {
        endpoint,
        folder,
        engine: RefCell::new(None),
        waiting: RefCell::new(VecDeque::new()),
        busy: Cell::new(true),
    });
    let receiver = server.clone();
    let onmessage = Closure::<dyn Fn(JsValue)>::new(move |event: JsValue| {
        if let Ok(request) = decode::<Request>(&bytes_of(&event)) {
            receiver.receive(request);
        }
    });
    server.endpoint.set_onmessage(Some(onmessage.as_ref().unchecked_ref()));
    // The engine serves for as long as the worker (or page) lives.
    onmessage.forget();
    server.endpoint.post(&[]);
    wasm_bindgen_futures::spawn_local(server.open(fetched));
}
