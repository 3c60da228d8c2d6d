//! The page's side of the messages: the engine in its worker, or, where a
//! worker cannot be made, in the page.

use std::cell::RefCell;
use std::rc::Rc;

use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::JsFuture;

use super::codec::{decode, encode};
use super::port::{bytes_of, Endpoint};
use super::protocol::{Numbered, Request, Response};
use super::{Engine, Receiver};

/// The engine at the other end of an [`Endpoint`].
pub struct Remote {
    endpoint: Endpoint,
    receive: Rc<RefCell<Option<Receiver>>>,
    _handlers: [Closure<dyn Fn(JsValue)>; 2],
}

impl Remote {
    /// Talks to the engine at `endpoint`, which listens.
    fn new(endpoint: Endpoint) -> Remote {
        let receive: Rc<RefCell<Option<Receiver>>> = Rc::default();
        let deliver = {
            let receive = receive.clone();
            move |response: Numbered<Response>| {
                // Cloned out first: the receiver may send again.
                let receiver = receive.borrow().clone();
                if let Some(receiver) = receiver {
                    receiver(response);
                }
            }
        };
        let failed = deliver.clone();
        let onmessage = Closure::<dyn Fn(JsValue)>::new(move |event: JsValue| {
            if let Ok(response) = decode::<Response>(&bytes_of(&event)) {
                deliver(response);
            }
        });
        let onerror = Closure::<dyn Fn(JsValue)>::new(move |_| {
            failed(Numbered {
                number: 0,
                body: Response::Failed("The search engine stopped.".into()),
            })
        });
        endpoint.set_onmessage(Some(onmessage.as_ref().unchecked_ref()));
        endpoint.set_onerror(Some(onerror.as_ref().unchecked_ref()));
        Remote {
            endpoint,
            receive,
            _handlers: [onmessage, onerror],
        }
    }
}

impl Engine for Remote {
    fn on_answer(&self, receive: Receiver) {
        *self.receive.borrow_mut() = Some(receive);
    }

    fn send(&self, request: Numbered<Request>) {
        self.endpoint.post(&encode(&request));
    }
}

/// The engine, once it listens: in the worker the page's loader started
/// (`folioEngine.started`, see Trunk.toml, which resolves to the worker
/// once it listens), or, when there is none (a sandboxed frame has no
/// origin to start one from) or it failed to start (an error event), in
/// the page, through the loader's `folioEngine.inPage()`.
pub async fn connect() -> Result<Remote, String> {
    let hooks = js_sys::Reflect::get(&js_sys::global(), &JsValue::from_str("folioEngine")).unwrap_or_default();
    if let Some(worker) = settled(js_sys::Reflect::get(&hooks, &JsValue::from_str("started")).ok()).await {
        return Ok(Remote::new(worker));
    }
    let in_page = js_sys::Reflect::get(&hooks, &JsValue::from_str("inPage"))
        .ok()
        .and_then(|f| f.dyn_into::<js_sys::Function>().ok())
        .and_then(|f| f.call0(&hooks).ok());
    match settled(in_page).await {
        Some(port) => Ok(Remote::new(port)),
        None => Err("The search engine could not be loaded.".into()),
    }
}

/// What `promise` resolves to, if it is a promise of an endpoint.
async fn settled(promise: Option<JsValue>) -> Option<Endpoint> {
    let promise = promise?.dyn_into::<js_sys::Promise>().ok()?;
    let endpoint = JsFuture::from(promise).await.ok()?;
    endpoint.is_object().then(|| endpoint.unchecked_into())
}
