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

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET' || !request.url.startsWith(BASE)) return;
  if (request.mode === 'navigate') {
    // Pages: the network first, so a new version shows on the next visit;
    // offline, the last good copy, or the not-found page, which the app
    // turns into the page the URL asks for.
    event.respondWith(
      fetch(request)
        .then((response) => {
          if (response.ok) {
            const copy = response.clone();
            caches.open(CACHE).then((cache) => cache.put(request, copy));
          }
          return response;
        })
        .catch(() => caches.match(request).then((hit) => hit || caches.match(BASE + '404.html'))),
    );
    return;
  }
  // Hashed files never change: the cache first.
  event.respondWith(caches.match(request).then((hit) => hit || fetch(request)));
});
