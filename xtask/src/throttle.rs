//! A slow network for the benchmarks, made by the server: every response
//! waits a round trip before it starts, and the bodies of all responses
//! share one link's bandwidth. Chromium's own emulation throttles only the
//! target it is set on: the page and its dedicated worker, but not the
//! service worker, which fetches the index's files for the engine once it
//! controls the page. A reader's real network slows them all.

use std::io::{self, Read};
use std::sync::{Arc, Mutex};
use std::thread::sleep;
use std::time::{Duration, Instant};

/// The bytes a response sends in one go: a few TCP segments, so that
/// responses sent side by side interleave on the link.
const CHUNK: usize = 4 * 1460;

/// A link to the server: its round trip and its bandwidth down.
pub struct Link {
    round_trip: Duration,
    bytes_per_second: f64,
    /// When the link has sent everything handed to it so far.
    free_at: Mutex<Instant>,
}

impl Link {
    /// Lighthouse's Slow 4G: 150 ms round trips, 1.6 Mbps down.
    pub fn slow_4g() -> Arc<Link> {
        Arc::new(Link {
            round_trip: Duration::from_millis(150),
            bytes_per_second: 1.6e6 * 1.024 * 1.024 / 8.0,
            free_at: Mutex::new(Instant::now()),
        })
    }

    /// Waits for the round trip before a response starts.
    pub fn wait_round_trip(&self) {
        sleep(self.round_trip);
    }

    /// Waits until `bytes` more have gone over the link, after what was
    /// handed to it before.
    fn send(&self, bytes: usize) {
        let sent = {
            let mut free_at = self.free_at.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
            let start = (*free_at).max(Instant::now());
            *free_at = start + Duration::from_secs_f64(bytes as f64 / self.bytes_per_second);
            *free_at
        };
        sleep(sent.saturating_duration_since(Instant::now()));
    }
}

/// A response's body, read out no faster than its link sends it.
pub struct Throttled<R> {
    body: R,
    link: Arc<Link>,
}

impl<R> Throttled<R> {
    pub fn new(body: R, link: Arc<Link>) -> Throttled<R> {
        Throttled { body, link }
    }
}

impl<R: Read> Read for Throttled<R> {
    fn read(&mut self, buffer: &mut [u8]) -> io::Result<usize> {
        let limit = buffer.len().min(CHUNK);
        let read = self.body.read(&mut buffer[..limit])?;
        self.link.send(read);
        Ok(read)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bodies_side_by_side_share_the_link() {
        let link = Arc::new(Link {
            round_trip: Duration::ZERO,
            bytes_per_second: 1e6,
            free_at: Mutex::new(Instant::now()),
        });
        let start = Instant::now();
        let readers: Vec<_> = (0..2)
            .map(|_| {
                let link = link.clone();
                std::thread::spawn(move || {
                    let mut body = Throttled::new(io::Cursor::new(vec![0; 100_000]), link);
                    io::copy(&mut body, &mut io::sink()).expect("read")
                })
            })
            .collect();
        for reader in readers {
            assert_eq!(reader.join().expect("a reader"), 100_000);
        }
        // 200 KB at 1 MB/s: 0.2 s, however the two interleave.
        let took = start.elapsed();
        assert!(took >= Duration::from_millis(195), "{took:?}");
    }
}
