//! The engine's side of the messages: in its worker (or, where no worker
//! can be made, in the page), it decodes and indexes the bundled corpus,
//! then answers each request in the order it came.

use std::cell::RefCell;
use std::rc::Rc;

use wasm_bindgen::prelude::*;

use super::codec::{decode, encode};
use super::port::{bytes_of, Endpoint};
use super::protocol::{Numbered, Request, Response};
use super::LocalEngine;
use crate::bundled;
use crate::corpus::bundle::BundleError;
use crate::search::{Index, Indexing};
use crate::tasks::next_task;

/// How long indexing may run before it yields, in milliseconds of the
/// reader's own device: in a worker this only lets requests be read
/// sooner; in the page (no worker) it keeps every task well under the
/// 50 ms that make it "long" (one that delays a tap).
const TASK_MS: f64 = 10.0;

/// Words indexed between looks at the clock: a fraction of a millisecond.
const WORDS_PER_STEP: usize = 1_000;

struct Server {
    endpoint: Endpoint,
    /// `None` while indexing; then the engine, or why there is none.
    engine: RefCell<Option<Result<LocalEngine, String>>>,
    /// Requests that came while indexing.
    waiting: RefCell<Vec<Numbered<Request>>>,
}

impl Server {
    fn receive(&self, request: Numbered<Request>) {
        if self.engine.borrow().is_none() {
            self.waiting.borrow_mut().push(request);
        } else {
            self.answer(request);
        }
    }

    fn answer(&self, request: Numbered<Request>) {
        let body = match &*self.engine.borrow() {
            Some(Ok(engine)) => engine.answer(&request.body),
            Some(Err(error)) => Response::Failed(error.clone()),
            None => return,
        };
        self.endpoint.post(&encode(&Numbered {
            number: request.number,
            body,
        }));
    }
}

/// Serves requests arriving at `endpoint`. An empty message says that it
/// listens (before that, a module worker may not have read its messages
/// yet); then the corpus is indexed, and requests that came meanwhile are
/// answered in order. A message that cannot be read is ignored.
pub fn serve(endpoint: Endpoint) {
    let server = Rc::new(Server {
        endpoint,
        engine: RefCell::new(None),
        waiting: RefCell::new(Vec::new()),
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
    wasm_bindgen_futures::spawn_local(async move {
        let engine = index_in_tasks().await.map(LocalEngine::new).map_err(|e| e.to_string());
        *server.engine.borrow_mut() = Some(engine);
        let waiting = std::mem::take(&mut *server.waiting.borrow_mut());
        for request in waiting {
            server.answer(request);
        }
    });
}

/// The bundled corpus, indexed in tasks of about [`TASK_MS`] each.
async fn index_in_tasks() -> Result<Index, BundleError> {
    let mut indexing = Indexing::new(bundled::articles()?);
    let mut task_start = js_sys::Date::now();
    while !indexing.step(WORDS_PER_STEP) {
        if js_sys::Date::now() - task_start > TASK_MS {
            next_task().await;
            task_start = js_sys::Date::now();
        }
    }
    Ok(indexing.finish())
}
