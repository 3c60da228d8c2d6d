//! The engine's first answers, carried in the page. Prerendering asks the
//! engine for what a page shows ([`Recorder`]), and writes the requests
//! and answers into the page as text ([`Recording::to_text`]). The app
//! hydrates from them ([`Replay`]) instead of waiting for its worker to
//! start, open the index and answer the same requests again.
//!
//! The messages keep the codec's bytes, so the page's wasm gains no
//! decoder: it already reads answers and writes requests.

use std::cell::RefCell;
use std::rc::Rc;

use super::codec::{decode, encode};
use super::protocol::{Numbered, Request, Response};
use super::{Engine, Receiver};
use crate::varint;

/// Requests and their answers, each as the codec writes it.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Recording {
    exchanges: Vec<(Vec<u8>, Vec<u8>)>,
}

/// The id of the element that carries a page's recording.
pub const CARRIED: &str = "folio-answers";

/// That element's type: a data block, which a browser never runs, so the
/// page's Content-Security-Policy need not allow it.
pub const DATA_TYPE: &str = "application/x-folio";

/// The first of the private-use characters that stand for one byte each
/// in [`Recording::to_text`]: U+E000 to U+E0FF.
const ESCAPE: u32 = 0xE000;

impl Recording {
    /// As text that an HTML parser gives back unchanged inside a data
    /// block (`<script type="application/x-folio">`): the bytes that are
    /// UTF-8 stay as they are, so the page's gzip still finds the titles
    /// and excerpts it already shows; every other byte, and the characters
    /// a parser would change or stop at (`<`, NUL, carriage return) or
    /// that stand for bytes here, become one private-use character per
    /// byte.
    pub fn to_text(&self) -> String {
        let mut bytes = Vec::new();
        for (request, response) in &self.exchanges {
            for message in [request, response] {
                varint::push(&mut bytes, message.len() as u64);
                bytes.extend_from_slice(message);
            }
        }
        let mut text = String::with_capacity(bytes.len());
        let escape = |text: &mut String, bytes: &[u8]| {
            text.extend(bytes.iter().filter_map(|&b| char::from_u32(ESCAPE + u32::from(b))));
        };
        for chunk in bytes.utf8_chunks() {
            for c in chunk.valid().chars() {
                if matches!(c, '<' | '\0' | '\r') || (ESCAPE..=ESCAPE + 0xFF).contains(&u32::from(c)) {
                    escape(&mut text, c.encode_utf8(&mut [0; 4]).as_bytes());
                } else {
                    text.push(c);
                }
            }
            escape(&mut text, chunk.invalid());
        }
        text
    }

    /// The element a prerendered page carries it in.
    pub fn element(&self) -> String {
        format!(
            r#"<script type="{DATA_TYPE}" id="{CARRIED}">{}</script>"#,
            self.to_text()
        )
    }

    /// What [`Recording::to_text`] wrote, if `text` is that.
    pub fn from_text(text: &str) -> Option<Recording> {
        let mut bytes = Vec::with_capacity(text.len());
        for c in text.chars() {
            match u32::from(c).checked_sub(ESCAPE) {
                Some(byte @ 0..=0xFF) => bytes.push(byte as u8),
                _ => bytes.extend_from_slice(c.encode_utf8(&mut [0; 4]).as_bytes()),
            }
        }
        let mut at = 0;
        let message = |at: &mut usize| {
            let length = usize::try_from(varint::read_strict(&bytes, at).ok()?).ok()?;
            let message = bytes.get(*at..at.checked_add(length)?)?.to_vec();
            *at += length;
            Some(message)
        };
        let mut exchanges = Vec::new();
        while at < bytes.len() {
            exchanges.push((message(&mut at)?, message(&mut at)?));
        }
        Some(Recording { exchanges })
    }
}

/// An engine that records what it is asked and what it answers, natively
/// (prerendering).
pub struct Recorder {
    engine: Rc<dyn Engine>,
    asked: Rc<RefCell<Vec<Numbered<Request>>>>,
    answered: Rc<RefCell<Vec<Numbered<Response>>>>,
}

impl Recorder {
    pub fn new(engine: Rc<dyn Engine>) -> Recorder {
        Recorder {
            engine,
            asked: Rc::default(),
            answered: Rc::default(),
        }
    }

    /// Each answer so far with the request it answers.
    pub fn recording(&self) -> Recording {
        let asked = self.asked.borrow();
        let exchanges = self
            .answered
            .borrow()
            .iter()
            .filter_map(|response| {
                let request = asked.iter().find(|r| r.number == response.number)?;
                Some((encode(request), encode(response)))
            })
            .collect();
        Recording { exchanges }
    }
}

impl Engine for Recorder {
    fn on_answer(&self, receive: Receiver) {
        let answered = self.answered.clone();
        self.engine.on_answer(Rc::new(move |response| {
            answered.borrow_mut().push(response.clone());
            receive(response);
        }));
    }

    fn send(&self, request: Numbered<Request>) {
        self.asked.borrow_mut().push(request.clone());
        self.engine.send(request);
    }
}

/// An engine that answers from a [`Recording`], at once: a request
/// recorded (the same words to the byte, and the same number) gets its
/// recorded answer; any other, a failure.
pub struct Replay {
    recording: Recording,
    receive: RefCell<Option<Receiver>>,
}

impl Replay {
    pub fn new(recording: Recording) -> Replay {
        Replay {
            recording,
            receive: RefCell::new(None),
        }
    }
}

impl Engine for Replay {
    fn on_answer(&self, receive: Receiver) {
        *self.receive.borrow_mut() = Some(receive);
    }

    fn send(&self, request: Numbered<Request>) {
        let asked = encode(&request);
        let answer = self
            .recording
            .exchanges
            .iter()
            .find(|(recorded, _)| *recorded == asked)
            .and_then(|(_, answer)| decode::<Response>(answer).ok());
        let answer = answer.unwrap_or(Numbered {
            number: request.number,
            body: Response::Failed("The page carries no answer to this request.".into()),
        });
        let receive = self.receive.borrow().clone();
        if let Some(receive) = receive {
            receive(answer);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::protocol::SearchRequest;
    use crate::engine::InProcess;
    use crate::search::Index;
    use crate::ui::answers::{gather_now, Answers};
    use crate::ui::library::Library;
    use crate::ui::prefs::Prefs;
    use crate::ui::state::State;

    fn recording(exchanges: &[(&[u8], &[u8])]) -> Recording {
        Recording {
            exchanges: exchanges.iter().map(|(q, a)| (q.to_vec(), a.to_vec())).collect(),
        }
    }

    #[test]
    fn every_byte_comes_back_from_the_text_and_none_that_a_parser_changes_is_in_it() {
        let every: Vec<u8> = (0..=255).collect();
        let utf8 = "Токаев <b> & \r\n \0 \u{E000}\u{E0FF}\u{E100}".as_bytes();
        let cut = &"Ж".as_bytes()[..1];
        let recorded = recording(&[(&every, utf8), (cut, b""), (b"</script>", "ü".as_bytes())]);
        let text = recorded.to_text();
        assert!(!text.contains(['<', '\0', '\r']), "{text:?}");
        assert_eq!(Recording::from_text(&text), Some(recorded));
        // Text stays text: gzip finds it next to the page's own.
        assert_eq!(
            recording(&[(b"Tokayev", "Токаев".as_bytes())]).to_text(),
            "\u{7}Tokayev\u{C}Токаев"
        );
    }

    #[test]
    fn text_that_is_no_recording_is_none() {
        // A length past the end, a request without its answer, a bad number.
        for text in ["\u{5}ab", "\u{1}a", "\u{E0FF}"] {
            assert_eq!(Recording::from_text(text), None, "{text:?}");
        }
        assert_eq!(Recording::from_text(""), Some(Recording::default()));
    }

    fn seed_state() -> State {
        State::new(Default::default(), Prefs::default(), Library::default())
    }

    /// What the seed's home shows, gathered from `engine`.
    fn gathered(engine: &dyn Engine) -> Result<Answers, String> {
        gather_now(engine, &seed_state())
    }

    #[test]
    fn a_replay_answers_what_was_recorded_as_the_engine_did() {
        let recorder = Recorder::new(Rc::new(InProcess::new(Index::new(crate::bundled::articles().unwrap()))));
        let answers = gathered(&recorder).unwrap();
        assert_eq!(answers.articles, 9);
        let text = recorder.recording().to_text();
        let replay = Replay::new(Recording::from_text(&text).unwrap());
        assert_eq!(gathered(&replay), Ok(answers));
    }

    #[test]
    fn a_replay_fails_what_was_not_recorded() {
        let recorder = Recorder::new(Rc::new(InProcess::new(Index::new(crate::bundled::articles().unwrap()))));
        gathered(&recorder).unwrap();
        let replay = Replay::new(recorder.recording());
        let answers = Rc::new(RefCell::new(Vec::new()));
        let into = answers.clone();
        replay.on_answer(Rc::new(move |answer| into.borrow_mut().push(answer)));
        let other = SearchRequest {
            limit: 11,
            ..Default::default()
        };
        replay.send(Numbered {
            number: 1,
            body: Request::Search(other),
        });
        assert_eq!(
            *answers.borrow(),
            [Numbered {
                number: 1,
                body: Response::Failed("The page carries no answer to this request.".into())
            }]
        );
    }
}
