//! Temporary files for a streamed build: a scratch directory removed when
//! done, records written one after another, and runs of keyed records,
//! each sorted by key, merged back in key order.

use std::fs::File;
use std::io::{BufReader, BufWriter, Read, Seek, SeekFrom, Write};
use std::path::{Path, PathBuf};

use crate::varint;

/// A directory of temporary files, removed with everything in it when dropped.
pub(super) struct Scratch(PathBuf);

impl Scratch {
    pub(super) fn new() -> std::io::Result<Scratch> {
        let nanos = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |d| d.as_nanos());
        let dir = std::env::temp_dir().join(format!("folio-split-{}-{nanos}", std::process::id()));
        std::fs::create_dir_all(&dir)?;
        Ok(Scratch(dir))
    }

    pub(super) fn path(&self, name: &str) -> PathBuf {
        self.0.join(name)
    }
}

impl Drop for Scratch {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

/// Records, each a length and its bytes, written one after another.
pub(super) struct Records {
    out: BufWriter<File>,
    at: u64,
}

impl Records {
    pub(super) fn create(path: &Path) -> std::io::Result<Records> {
        Ok(Records {
            out: BufWriter::with_capacity(1 << 16, File::create(path)?),
            at: 0,
        })
    }

    /// Writes a record; returns where it starts, for [`Records::read_at`].
    pub(super) fn push(&mut self, record: &[u8]) -> std::io::Result<u64> {
        let at = self.at;
        self.out.write_all(&(record.len() as u32).to_le_bytes())?;
        self.out.write_all(record)?;
        self.at += 4 + record.len() as u64;
        Ok(at)
    }

    pub(super) fn close(mut self) -> std::io::Result<()> {
        self.out.flush()
    }

    /// Reads the record at `at` of a file of records.
    pub(super) fn read_at(file: &mut File, at: u64, record: &mut Vec<u8>) -> std::io::Result<()> {
        file.seek(SeekFrom::Start(at))?;
        let mut len = [0; 4];
        file.read_exact(&mut len)?;
        record.resize(u32::from_le_bytes(len) as usize, 0);
        file.read_exact(record)
    }
}

/// Reads a file of records front to back.
pub(super) struct Reader(BufReader<File>);

impl Reader {
    pub(super) fn open(path: &Path) -> std::io::Result<Reader> {
        Ok(Reader(BufReader::with_capacity(1 << 16, File::open(path)?)))
    }

    /// The next record into `record`; false at the end.
    pub(super) fn next(&mut self, record: &mut Vec<u8>) -> std::io::Result<bool> {
        let mut len = [0; 4];
        match self.0.read_exact(&mut len) {
            Err(e) if e.kind() == std::io::ErrorKind::UnexpectedEof => return Ok(false),
            other => other?,
        }
        record.resize(u32::from_le_bytes(len) as usize, 0);
        self.0.read_exact(record)?;
        Ok(true)
    }
}

/// A keyed record: a key, two numbers and a list.
pub(super) struct Keyed {
    pub key: String,
    pub a: u32,
    pub b: u32,
    pub list: Vec<u8>,
}

impl Keyed {
    fn encode(key: &str, a: u32, b: u32, list: &[u8], out: &mut Vec<u8>) {
        out.clear();
        varint::push(out, key.len() as u64);
        out.extend_from_slice(key.as_bytes());
        varint::push(out, a);
        varint::push(out, b);
        out.extend_from_slice(list);
    }

    fn decode(bytes: &[u8]) -> Option<Keyed> {
        let mut at = 0;
        let len = varint::read(bytes, &mut at) as usize;
        let key = std::str::from_utf8(bytes.get(at..at + len)?).ok()?.to_string();
        at += len;
        let a = varint::read(bytes, &mut at);
        let b = varint::read(bytes, &mut at);
        Some(Keyed {
            key,
            a,
            b,
            list: bytes[at..].to_vec(),
        })
    }
}

/// Runs of keyed records, each written in key order.
pub(super) struct Runs {
    prefix: &'static str,
    paths: Vec<PathBuf>,
}

impl Runs {
    pub(super) fn new(prefix: &'static str) -> Runs {
        Runs {
            prefix,
            paths: Vec::new(),
        }
    }

    /// Writes the next run: `records` must be in key order.
    pub(super) fn write<'r>(
        &mut self,
        scratch: &Scratch,
        records: impl Iterator<Item = (&'r str, u32, u32, &'r [u8])>,
    ) -> std::io::Result<()> {
        let path = scratch.path(&format!("{}-{}", self.prefix, self.paths.len()));
        let mut out = Records::create(&path)?;
        let mut record = Vec::new();
        for (key, a, b, list) in records {
            Keyed::encode(key, a, b, list, &mut record);
            out.push(&record)?;
        }
        out.close()?;
        self.paths.push(path);
        Ok(())
    }

    /// Reads the runs back merged: each key once, with its records from
    /// every run that has it, in the order the runs were written.
    pub(super) fn merge(self) -> std::io::Result<Merge> {
        let mut merge = Merge {
            readers: Vec::new(),
            heads: Vec::new(),
            record: Vec::new(),
        };
        for path in &self.paths {
            merge.readers.push(Reader::open(path)?);
            merge.heads.push(None);
            let run = merge.readers.len() - 1;
            merge.advance(run)?;
        }
        Ok(merge)
    }
}

/// Runs being merged: with few runs (a few per gigabyte of postings), a
/// linear look for the least key beats a heap.
pub(super) struct Merge {
    readers: Vec<Reader>,
    heads: Vec<Option<Keyed>>,
    record: Vec<u8>,
}

impl Merge {
    fn advance(&mut self, run: usize) -> std::io::Result<()> {
        self.heads[run] = if self.readers[run].next(&mut self.record)? {
            let damaged = || std::io::Error::new(std::io::ErrorKind::InvalidData, "a damaged temporary file");
            Some(Keyed::decode(&self.record).ok_or_else(damaged)?)
        } else {
            None
        };
        Ok(())
    }

    /// The least key left and its records, in run order.
    pub(super) fn next(&mut self) -> std::io::Result<Option<Vec<Keyed>>> {
        let least = self
            .heads
            .iter()
            .flatten()
            .map(|h| h.key.as_str())
            .min()
            .map(str::to_string);
        let Some(least) = least else {
            return Ok(None);
        };
        let mut found = Vec::new();
        for run in 0..self.heads.len() {
            if self.heads[run].as_ref().is_some_and(|h| h.key == least) {
                found.push(self.heads[run].take().expect("a head"));
                self.advance(run)?;
            }
        }
        Ok(Some(found))
    }
}
