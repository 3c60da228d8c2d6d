//! The engine's side of the messages: in its worker (or, where no worker
//! can be made, in the page), it opens the split index's entry, then
//! answers each request in the order it came, fetching what each answer
//! needs a round at a time. Every file fetched stays in the engine, so
//! nothing is fetched twice in a visit.

use std::cell::{Cell, RefCell};
use std::collections::VecDeque;
use std::rc::Rc;

use js_sys::Promise;
use wasm_bindgen::prelude::*;

use super::answer::answer;
use super::codec::{decode, encode};
use super::fetch;
use super::port::{bytes_of, Endpoint};
use super::protocol::{Numbered, Request, Response};
use crate::split::{Engine, Step, ENTRY};

/// More rounds than any answer takes (three for a cold search, a few more
/// for an article with saved articles): past this, the index is broken.
const MOST_ROUNDS: usize = 12;

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

    /// The answer to `request`, fetching what it needs.
    async fn answer(&self, request: &Request) -> Response {
        for _ in 0..MOST_ROUNDS {
            let step = match &*self.engine.borrow() {
                Some(Ok(engine)) => answer(engine, request),
                Some(Err(error)) => return Response::Failed(error.clone()),
                None => return Response::Failed("The search engine is not ready.".into()),
            };
            let need: Vec<String> = match step {
                Step::Done(response) => return response,
                Step::Need(need) => need.into_iter().collect(),
            };
            let files = match fetch::files(&self.folder, &need).await {
                Ok(files) => files,
                Err(error) => return Response::Failed(error),
            };
            if let Some(Ok(engine)) = &mut *self.engine.borrow_mut() {
                for (name, bytes) in need.iter().zip(&files) {
                    if let Err(error) = engine.add(name, bytes) {
                        return Response::Failed(error.to_string());
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
        let engine = match fetch::opened(ENTRY, fetched).await {
            Ok(entry) => Engine::open(&entry).map_err(|e| e.to_string()),
            Err(error) => Err(error),
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
