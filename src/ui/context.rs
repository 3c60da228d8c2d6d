//! What every component can reach: the index (read-only, shared, never
//! cloned deep), the site's base path and prerender limit, and the state
//! with its dispatcher.

use std::rc::Rc;

use yew::prelude::*;

use super::state::{Action, State};
use crate::route::Prerender;
use crate::search::Index;

#[derive(Clone)]
pub struct Ctx {
    pub index: Rc<Index>,
    /// The path the site is served under, `/` or `/news/`.
    pub base: AttrValue,
    /// Which articles have a page of their own (the not-found page says so).
    pub prerender: Prerender,
    pub state: UseReducerHandle<State>,
}

impl PartialEq for Ctx {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.index, &other.index)
            && self.base == other.base
            && self.prerender == other.prerender
            && self.state == other.state
    }
}

impl Ctx {
    pub fn dispatch(&self, action: Action) {
        self.state.dispatch(action);
    }

    /// A callback that dispatches `make(event)`.
    pub fn callback<E: 'static>(&self, make: impl Fn(E) -> Action + 'static) -> Callback<E> {
        let state = self.state.clone();
        Callback::from(move |event| state.dispatch(make(event)))
    }
}

/// The app context; every component is rendered inside [`super::Reader`].
#[hook]
pub fn use_ctx() -> Ctx {
    use_context::<Ctx>().expect("components render inside Reader")
}
