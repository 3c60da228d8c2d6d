// folio's service worker. `cargo xtask` fills in the placeholders after the
// build: the base path, this build's cache name, and the app shell (the
// hashed files and the pages every visit needs).
const PREFIX = 'folio:@BASE@:';
const CACHE = PREFIX + '@VERSION@';
const SHELL = @SHELL@;
const BASE = new URL('@BASE@', self.location.origin).href;
// What keeping the whole archive offline downloads: the index's manifest
// (its file's name), how many files it lists and their bytes with its own;
// `null` when the entry holds the whole index, which the shell keeps.
const ARCHIVE = @ARCHIVE@;
// The whole archive, kept at the reader's request: a cache of its own,
// which app updates keep and "Remove" deletes.
const KEPT = PREFIX + 'archive';

self.addEventListener('install', (event) => {
  event.waitUntil(caches.open(CACHE).then((cache) => cache.addAll(SHELL)).then(() => self.skipWaiting()));
});

// Drop this site's older versions (other folio sites on the origin keep
// theirs). The kept archive is not a version's: it outlives app updates.
self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches.keys()
      .then((keys) => Promise.all(keys.filter((k) => k.startsWith(PREFIX) && k !== CACHE && k !== KEPT).map((k) => caches.delete(k))))
      .then(() => self.clients.claim()),
  );
});

// How long a page may take from the network before a saved copy is shown
// instead: a phone on a weak signal can be connected and still get nothing.
const PATIENCE_MS = 3000;

// The split index (`cargo xtask dist`): its entry has a fixed name, every
// other file a name that changes with its content.
const INDEX = BASE + 'index/';
const ENTRY = INDEX + 'entry';

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET' || !request.url.startsWith(BASE)) return;
  if (request.mode === 'navigate') {
    event.respondWith(fresh(event, () => caches.match(BASE + '404.html')));
    return;
  }
  if (request.url === ENTRY) {
    event.respondWith(fresh(event, () => Promise.resolve(undefined)));
    return;
  }
  // Hashed files never change: the cache first. The index's files are
  // kept as they are fetched, so what a reader has searched stays offline.
  const keep = request.url.startsWith(INDEX);
  event.respondWith(caches.match(request).then((hit) => hit || fetch(request).then((response) => {
    if (keep && response.ok) {
      const copy = response.clone();
      event.waitUntil(caches.open(CACHE).then((cache) => cache.put(request, copy)));
    }
    return response;
  })));
});

// Pages and the index's entry: the network first, so a new version shows
// on the next visit, and each good copy is kept. Offline, on a server
// error, or when the network takes longer than PATIENCE_MS: the last good
// copy, or else `otherwise()` (for a page, the not-found page, which the
// app turns into the page the URL asks for).
function fresh(event, otherwise) {
  const request = event.request;
  const saved = () => caches.match(request).then((hit) => hit || otherwise());
  let stored = Promise.resolve();
  const network = fetch(request).then((response) => {
    if (response.ok) {
      const copy = response.clone();
      stored = caches.open(CACHE).then((cache) => cache.put(request, copy));
    }
    return response;
  });
  // A late answer from the network is still kept for the next visit.
  event.waitUntil(network.then(() => stored, () => {}));
  return new Promise((resolve) => {
    const timer = setTimeout(() => saved().then((hit) => hit && resolve(hit)), PATIENCE_MS);
    const fallback = (response) => saved().then((hit) => resolve(hit || response));
    network.then(
      (response) => {
        clearTimeout(timer);
        if (response.status >= 500) fallback(response);
        else resolve(response);
      },
      () => {
        clearTimeout(timer);
        fallback(Response.error());
      },
    );
  });
}

// "Keep the whole archive offline" (the settings panel): the page sends
// 'status', 'start', 'cancel' or 'remove', and every page of the site is
// told where the archive stands (`told`) as it changes. The download runs
// here, not in the page: a reload or a closed panel does not stop it, and
// the page's main thread only renders the progress. What is done is in the
// KEPT cache, so if the browser stops this worker midway, a status counts
// the files kept and the reader can resume. The sentences the page shows
// are made here too, which keeps number formatting out of the page's wasm.
let download = null;

self.addEventListener('message', (event) => {
  const keep = event.data;
  if (keep === 'start' && ARCHIVE && !download) {
    download = new Download();
    event.waitUntil(download.done.finally(() => { download = null; }).then(tell));
  } else if (keep === 'cancel' && download) {
    download.cancel();
  } else if (keep === 'remove') {
    // Once a download has stopped, so that it stores nothing more.
    const stopped = download ? (download.cancel(), download.done) : Promise.resolve();
    event.waitUntil(stopped.then(() => caches.delete(KEPT)).then(tell));
  } else if (keep === 'status') {
    event.waitUntil(told().then((message) => event.source && event.source.postMessage(message)));
  }
});

// Tells every page of the site where the archive stands.
async function tell() {
  const message = await told();
  for (const client of await self.clients.matchAll({ includeUncontrolled: true })) client.postMessage(message);
}

// Where the archive stands, for the page (`src/ui/browser/kept.rs`): the
// numbers that choose its buttons and its progress bar, and what it says.
async function told() {
  const s = await standing();
  const of = `${s.kept} of ${s.files} files`;
  const sizes = `(${size(s.keptBytes)} of ${size(s.bytes)})`;
  let say;
  if (s.files === 0) say = 'The whole archive is kept offline with the app.';
  else if (s.running) say = `Downloading the archive: ${of} ${sizes}`;
  else if (s.kept === s.files) say = `The whole archive is kept offline: ${s.files} files, ${size(s.bytes)}.`;
  else if (s.kept === 0 && s.failed === 0) {
    say = `Search every article without a connection. This downloads ${size(s.bytes)} (${s.files} files).`;
  } else say = `${of} kept offline ${sizes}.${s.failed ? ` ${s.failed} could not be downloaded.` : ''}`;
  return { kept: { files: s.files, kept: s.kept, running: s.running, failed: s.failed, say } };
}

// `bytes` as a reader reads a size: B, whole KB, or MB with one decimal
// (decimal units, as downloads are shown).
function size(bytes) {
  if (bytes < 1000) return `${bytes} B`;
  if (bytes < 999500) return `${Math.round(bytes / 1000)} KB`;
  return `${(Math.round(bytes / 100000) / 10).toFixed(1)} MB`;
}

// Where the archive stands: `files` and `bytes` to keep (0 files when the
// entry holds it all), how many are `kept` (and their `keptBytes`), whether
// a download is `running`, and how many files its last run could not have
// (`failed`). Without the manifest kept, nothing was asked for: the
// manifest is only fetched when the reader starts.
async function standing() {
  if (!ARCHIVE) return { files: 0, bytes: 0, kept: 0, keptBytes: 0, running: false, failed: 0 };
  const base = { files: ARCHIVE.files, bytes: ARCHIVE.bytes, running: !!download, failed: lastFailed };
  if (download && download.listed) return { ...base, kept: download.kept, keptBytes: download.keptBytes };
  // Opening the cache would make it: nothing kept, nothing made.
  const cache = (await caches.has(KEPT)) && (await caches.open(KEPT));
  const listed = cache && (await manifest(cache, false));
  if (!listed) return { ...base, kept: 0, keptBytes: 0 };
  const have = new Set((await cache.keys()).map((request) => request.url));
  const kept = listed.filter(([name]) => have.has(INDEX + name));
  return { ...base, kept: kept.length, keptBytes: ARCHIVE.bytes - sizeOf(listed) + sizeOf(kept) };
}

// How many files a download fetches at once: a browser's connections to
// one host, so the network stays busy and nothing waits in a long queue.
const AT_ONCE = 6;

// How many files the last download could not have (kept in memory only).
let lastFailed = 0;

// One run of keeping the archive: fetches the manifest (kept too), drops
// what an older index left in the cache, then keeps every file not kept
// yet, AT_ONCE at a time, telling the pages after each file. The files a
// search already fetched come first, copied from this version's cache.
class Download {
  constructor() {
    this.abort = new AbortController();
    this.listed = null;
    this.kept = 0;
    this.keptBytes = 0;
    this.done = this.run().catch(() => {});
  }

  cancel() {
    this.abort.abort();
    tell();
  }

  async run() {
    lastFailed = 0;
    const cache = await caches.open(KEPT);
    const listed = await manifest(cache, true, this.abort.signal).catch(() => null);
    if (!listed) {
      lastFailed = this.abort.signal.aborted ? 0 : ARCHIVE.files;
      return;
    }
    const wanted = new Set([INDEX + ARCHIVE.manifest, ...listed.map(([name]) => INDEX + name)]);
    const have = new Set();
    for (const request of await cache.keys()) {
      if (wanted.has(request.url)) have.add(request.url);
      else await cache.delete(request);
    }
    // Files a search already fetched first: they cost no network.
    const fetched = new Set((await (await caches.open(CACHE)).keys()).map((request) => request.url));
    const missing = listed.filter(([name]) => !have.has(INDEX + name));
    missing.sort((a, b) => fetched.has(INDEX + b[0]) - fetched.has(INDEX + a[0]));
    this.kept = listed.length - missing.length;
    this.keptBytes = ARCHIVE.bytes - sizeOf(missing);
    this.listed = listed;
    let failed = 0;
    for (let at = 0; at < missing.length && !this.abort.signal.aborted; at += AT_ONCE) {
      await Promise.all(missing.slice(at, at + AT_ONCE).map(async ([name, size]) => {
        if (await this.keep(cache, INDEX + name)) {
          this.kept += 1;
          this.keptBytes += size;
          await tell();
        } else if (!this.abort.signal.aborted) {
          failed += 1;
        }
      }));
    }
    lastFailed = failed;
  }

  // Keeps the file at `url`; false if it could not be had (or the
  // download was cancelled: then nothing more is stored).
  async keep(cache, url) {
    try {
      const response = (await caches.match(url)) || (await fetch(url, { signal: this.abort.signal }));
      if (!response.ok || this.abort.signal.aborted) return false;
      await cache.put(url, response);
      return !this.abort.signal.aborted;
    } catch {
      return false;
    }
  }
}

// The manifest's files as `[name, size]`, from the KEPT cache; when not
// there and `fetching`, fetched and kept first. `null` if not there.
async function manifest(cache, fetching, signal) {
  const url = INDEX + ARCHIVE.manifest;
  let response = await cache.match(url);
  if (!response && fetching) {
    const fetched = await fetch(url, { signal });
    if (!fetched.ok) return null;
    await cache.put(url, fetched);
    response = await cache.match(url);
  }
  if (!response) return null;
  // Stored gzipped, like every index file (see src/engine/fetch.rs); a
  // host that gzips it again is undone by the browser.
  let bytes = new Uint8Array(await response.arrayBuffer());
  if (bytes[0] === 0x1f && bytes[1] === 0x8b) {
    const gunzipped = new Blob([bytes]).stream().pipeThrough(new DecompressionStream('gzip'));
    bytes = new Uint8Array(await new Response(gunzipped).arrayBuffer());
  }
  const text = new TextDecoder().decode(bytes);
  return text.split('\n').filter(Boolean).map((line) => {
    const [name, size] = line.split(' ');
    return [name, Number(size)];
  });
}

const sizeOf = (files) => files.reduce((sum, [, size]) => sum + size, 0);
