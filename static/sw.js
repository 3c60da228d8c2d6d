// folio's service worker. `cargo xtask` fills in the placeholders after the
// build: the base path, this build's cache name, and the app shell (the
// hashed files and the pages every visit needs).
const PREFIX = 'folio:@BASE@:';
const CACHE = PREFIX + '@VERSION@';
const SHELL = @SHELL@;
const BASE = new URL('@BASE@', self.location.origin).href;

self.addEventListener('install', (event) => {
  event.waitUntil(caches.open(CACHE).then((cache) => cache.addAll(SHELL)).then(() => self.skipWaiting()));
});

// Drop this site's older versions (other folio sites on the origin keep theirs).
self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches.keys()
      .then((keys) => Promise.all(keys.filter((k) => k.startsWith(PREFIX) && k !== CACHE).map((k) => caches.delete(k))))
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
