// A plain static host for tests that need a server they can change: it
// serves a built site from one or more folders (the first that has the
// file) under `base` on 127.0.0.1 (any port). While `stallPages` is set it
// never answers for a page (a weak signal); while `holding` says so of an
// index file, that file waits until `release()`.
import fs from 'node:fs/promises';
import http from 'node:http';
import path from 'node:path';

const TYPES = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.wasm': 'application/wasm',
  '.css': 'text/css', '.svg': 'image/svg+xml', '.webmanifest': 'application/manifest+json',
};

export async function serveStatic(roots, base) {
  roots = [roots].flat();
  const waiting = [];
  const state = {
    stallPages: false,
    /// `(name) => bool`: whether the index file `name` waits for `release`.
    holding: null,
    /// Every path asked for, in order, and the index files held.
    asked: [],
    held: [],
    release() {
      state.holding = null;
      for (const go of waiting.splice(0)) go();
    },
  };
  const server = http.createServer(async (request, response) => {
    let file = decodeURIComponent(new URL(request.url, 'http://x').pathname);
    state.asked.push(file);
    if (!file.startsWith(base)) file = '/404.html';
    else file = file.slice(base.length - 1);
    if (file.endsWith('/')) file += 'index.html';
    if (state.stallPages && file.endsWith('.html')) return;
    const name = file.startsWith('/index/') ? file.slice('/index/'.length) : null;
    if (name && state.holding?.(name)) {
      state.held.push(name);
      await new Promise((go) => waiting.push(go));
    }
    for (const root of roots) {
      const full = path.join(root, path.normalize(file));
      const body = await fs.readFile(full).catch(() => null);
      if (body) {
        response.writeHead(200, { 'Content-Type': TYPES[path.extname(full)] ?? 'application/octet-stream' });
        response.end(body);
        return;
      }
    }
    response.writeHead(404, { 'Content-Type': TYPES['.html'] });
    response.end(await fs.readFile(path.join(roots[0], '404.html')));
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const close = () => {
    server.closeAllConnections();
    server.close();
  };
  return { url: `http://127.0.0.1:${server.address().port}/`, state, close };
}
