//! The split index as `dist/index/` holds it (each file gzipped), read
//! back natively the way the worker reads it over the network: the engine
//! asks for files ([`Step::Need`]), they are read from disk, and it is
//! asked again. The prerenderer reads the pages' answers through it, so a
//! build never holds the whole index (3.8 GB at 1,000,000 articles), and
//! the pages say what the worker will answer from the same files.

use std::cell::RefCell;
use std::io::Read as _;
use std::path::{Path, PathBuf};

use folio::engine::protocol::{Numbered, Request, Response};
use folio::engine::{answer, Engine, Receiver};
use folio::split::{self, Step, ENTRY};

use crate::archive::FOLDER;
use crate::run::Fail;

/// A split index on disk, with the files read so far.
pub struct OnDisk {
    folder: PathBuf,
    engine: RefCell<split::Engine>,
    receive: RefCell<Option<Receiver>>,
    /// The first file that could not be read, for [`OnDisk::failure`].
    failed: RefCell<Option<Fail>>,
}

impl OnDisk {
    /// The index in `dist`'s index folder, from its entry.
    pub fn open(dist: &Path) -> Result<OnDisk, Fail> {
        let folder = dist.join(FOLDER);
        let engine = split::Engine::open(&read(&folder, ENTRY)?).map_err(|e| Fail(e.to_string()))?;
        Ok(OnDisk {
            folder,
            engine: RefCell::new(engine),
            receive: RefCell::new(None),
            failed: RefCell::new(None),
        })
    }

    /// What `ask` answers, once the files it needs are read.
    pub fn read<T>(&self, ask: impl Fn(&split::Engine) -> Step<T>) -> Result<T, Fail> {
        loop {
            let need = match ask(&self.engine.borrow()) {
                Step::Done(done) => return Ok(done),
                Step::Need(need) => need,
            };
            let mut engine = self.engine.borrow_mut();
            for name in need {
                engine
                    .add(&name, &read(&self.folder, &name)?)
                    .map_err(|e| Fail(e.to_string()))?;
            }
        }
    }

    /// How many articles the index holds.
    pub fn len(&self) -> usize {
        self.engine.borrow().len()
    }

    /// Why an answer failed since the last call, if one did: [`Engine::send`]
    /// can only answer [`Response::Failed`], which a page must not show.
    pub fn failure(&self) -> Result<(), Fail> {
        self.failed.borrow_mut().take().map_or(Ok(()), Err)
    }
}

/// The file `name` of `folder`, gunzipped.
pub fn read(folder: &Path, name: &str) -> Result<Vec<u8>, Fail> {
    let path = folder.join(name);
    let fail = |e: std::io::Error| Fail(format!("{}: {e}", path.display()));
    let gzipped = std::fs::read(&path).map_err(fail)?;
    let mut bytes = Vec::new();
    flate2::read::GzDecoder::new(gzipped.as_slice())
        .read_to_end(&mut bytes)
        .map_err(fail)?;
    Ok(bytes)
}

impl Engine for OnDisk {
    fn on_answer(&self, receive: Receiver) {
        *self.receive.borrow_mut() = Some(receive);
    }

    fn send(&self, request: Numbered<Request>) {
        let body = self
            .read(|engine| answer(engine, &request.body))
            .unwrap_or_else(|fail| {
                let message = fail.0.clone();
                self.failed.borrow_mut().get_or_insert(fail);
                Response::Failed(message)
            });
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
