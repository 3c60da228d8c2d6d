//! The engine's requests follow the state, and its answers come back into
//! the page.

use std::rc::Rc;

use yew::prelude::*;

use crate::engine::Engine;
use crate::ui::answers::{needs, Answers, Asking};
use crate::ui::state::State;

/// Asks `engine` for what each new state needs, once (an answer it already
/// has is not asked again), and keeps each answer that is still wanted in
/// `answers`: one to a request since replaced (a keystroke ago) is dropped.
#[hook]
pub(crate) fn use_engine(engine: &Rc<dyn Engine>, state: &State, answers: &UseReducerHandle<Answers>) {
    let asking = {
        let answers = answers.clone();
        use_mut_ref(move || Asking::after(&answers))
    };
    {
        let engine = engine.clone();
        let asking = asking.clone();
        let keep = answers.dispatcher();
        use_effect_with((), move |_| {
            engine.on_answer(Rc::new(move |response| {
                let answer = asking.borrow().take(response);
                if let Some(answer) = answer {
                    keep.dispatch(answer);
                }
            }));
        });
    }
    let engine = engine.clone();
    use_effect_with(needs(state), move |needed| {
        // Numbered first, then sent: an engine may answer at once.
        let request = needed.clone().and_then(|request| asking.borrow_mut().ask(request));
        if let Some(request) = request {
            engine.send(request);
        }
    });
}
