//! What every component can reach: the engine's answers and the view they
//! make, the site's base path and prerender limit, and the state with its
//! dispatcher.

use yew::prelude::*;

use super::answers::{Answers, Shown};
use super::state::{Action, State};
use crate::route::Prerender;

#[derive(Clone, PartialEq)]
pub struct Ctx {
    pub answers: UseReducerHandle<Answers>,
    /// The view on the page (see [`Shown::of`]).
    pub shown: Shown,
    /// The path the site is served under, `/` or `/news/`.
    pub base: AttrValue,
    /// Which articles have a page of their own (the not-found page says so).
    pub prerender: Prerender,
    pub state: UseReducerHandle<State>,
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
