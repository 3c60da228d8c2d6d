//! What every part of the page renders from: the engine's answers and the
//! view they make, the site's base path and prerender limit, and the state
//! with its dispatcher.
//!
//! The parts are functions of `&Ctx`, not components, all but `Settings`
//! (which keeps a message of its own). Taking over a prerendered page costs
//! a component its scope, a pair of comment markers in the HTML and its own
//! lifecycle code, which the browser compiles on first call in the very
//! task that hydrates; they re-rendered on every change of the context
//! anyway, so being components saved no work.

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
