//! The entry: the one file of a split index with a fixed name, which a
//! visit fetches first. It holds the directory, so a search needs no round
//! just to learn the files' names; and for a small archive it holds every
//! other file too, so the whole index comes in that one fetch (the seed's
//! search costs one file, as when the articles were in the app).

use super::engine::{Engine, FileError};
use super::format::{finished, seal, unseal, Kind};
use super::write::Split;

/// The entry's file name: fixed, so it is the one file a host may cache
/// only briefly (every other name changes with its content).
pub const ENTRY: &str = "entry";

/// The entry of `split`, with every other file inside when, all together,
/// they are at most `pack` bytes.
pub fn entry(split: &Split, pack: usize) -> Vec<u8> {
    let packed: &[(String, Vec<u8>)] = if is_packed(split, pack) { &split.files } else { &[] };
    seal(Kind::Entry, |out| {
        out.number(split.directory.len());
        out.0.extend_from_slice(&split.directory);
        out.list(packed, |out, (name, bytes)| {
            out.text(name);
            out.number(bytes.len());
            out.0.extend_from_slice(bytes);
        });
    })
}

/// Whether an entry holds every file of its index: then nothing else needs
/// fetching, or keeping offline.
pub fn is_packed(split: &Split, pack: usize) -> bool {
    split.files.iter().map(|(_, bytes)| bytes.len()).sum::<usize>() <= pack
}

impl Engine {
    /// An engine for the index whose entry is `entry`, with the files it packs.
    pub fn open(entry: &[u8]) -> Result<Engine, FileError> {
        let error = |error| FileError {
            name: "entry".into(),
            error,
        };
        let mut r = unseal(entry, Kind::Entry).map_err(error)?;
        let len = r.number().map_err(error)?;
        let directory = r.bytes(len).map_err(error)?;
        let mut engine = Engine::new(directory)?;
        let packed = r
            .list(|r| {
                let name = r.text()?;
                let len = r.number()?;
                Ok((name, r.bytes(len)?))
            })
            .map_err(error)?;
        finished(&r, ()).map_err(error)?;
        for (name, bytes) in packed {
            engine.add(&name, bytes)?;
        }
        Ok(engine)
    }
}
