// Pagefind on folio's generated corpora (issue 12): the same articles as one
// HTML page each, indexed with Pagefind's Node API, then searched for the
// benchmark queries in headless Chromium on Slow 4G, as folio's split index
// is measured by `cargo xtask bench --scale`. Prints one markdown report.
//
// Usage: node benches/pagefind/run.mjs <corpus.txt> <query>...
// (`cargo xtask bench --scale` runs it with folio's benchmark queries, with
// FOLIO_BROWSER=chromium and CHROMIUM set as for the end-to-end tests.)
import { spawnSync } from 'node:child_process';
import { createServer } from 'node:http';
import { closeSync, mkdirSync, mkdtempSync, openSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, extname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import * as pagefind from 'pagefind';
import { launch } from '../../tests/e2e/browser.mjs';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '../..');
const [corpus, ...queries] = process.argv.slice(2);
if (!corpus || !queries.length) {
  throw new Error('usage: node benches/pagefind/run.mjs <corpus.txt> <query>...');
}

/// Chrome's Slow 4G as Lighthouse defines it: 150 ms round trip, 1.6 Mbps
/// down, 750 Kbps up (CDP wants bytes per second).
const SLOW_4G = { offline: false, latency: 150, downloadThroughput: 1.6e6 / 8, uploadThroughput: 750e3 / 8 };
/// A screenful of results, as folio's page of 10.
const SCREENFUL = 10;
/// How often Pagefind's binary has its memory read while it indexes.
const POLL_MS = 50;

/// The corpus's articles as folio parses them, through folio's CLI (its
/// JSON goes to a file: at 100,000 articles it is over 200 MB).
function readArticles(path, json) {
  const out = openSync(json, 'w');
  const dump = spawnSync('cargo', ['run', '--quiet', '--release', '--bin', 'folio', '--', 'dump', '--json', path], {
    cwd: ROOT,
    stdio: ['ignore', out, 'inherit'],
  });
  closeSync(out);
  if (dump.status !== 0) throw new Error(`folio dump --json ${path} failed (${dump.status ?? dump.signal})`);
  return JSON.parse(readFileSync(json, 'utf8'));
}

const escape = (text) => text.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]);

/// One page per article, `a/<n>.html`: the title as `<h1>`, paragraphs as
/// `<p>`, subheadings as `<h2>`, the publisher as a Pagefind filter. Only
/// the article is indexed (`data-pagefind-body`), as a real site's chrome
/// would not be.
function writeSite(articles, site) {
  mkdirSync(join(site, 'a'), { recursive: true });
  articles.forEach((article, n) => {
    const blocks = article.blocks
      .map((b) => (b.kind === 'subheading' ? `<h2>${escape(b.text)}</h2>` : `<p>${escape(b.text)}</p>`))
      .join('\n');
    const publisher = article.publisher
      ? `<meta data-pagefind-filter="publisher[content]" content="${escape(article.publisher)}">\n`
      : '';
    const page = `<!doctype html>\n<html lang="en"><head><meta charset="utf-8"><title>${escape(article.title)}</title></head>\n`
      + `<body><article data-pagefind-body>\n${publisher}<h1>${escape(article.title)}</h1>\n${blocks}\n</article></body></html>\n`;
    writeFileSync(join(site, 'a', `${n}.html`), page);
  });
  writeFileSync(join(site, 'bench.html'), '<!doctype html>\n<html lang="en"><head><meta charset="utf-8"><link rel="icon" href="data:,"><title>Pagefind</title></head><body></body></html>\n');
  return articles.length;
}

/// Indexes the site with the Node API and writes `site/pagefind/`. The API
/// runs Pagefind's own binary as a service in a child process, where all the
/// indexing happens; its peak memory is that process's high-water mark
/// (VmHWM in /proc), read every POLL_MS while it works and once more before
/// it is closed. (`/usr/bin/time` would report the larger of Node and the
/// binary, not the binary's own.) If the binary dies, the last reading is
/// its memory at the failure.
async function index(site) {
  const start = performance.now();
  const memory = { peakKb: 0, rssKb: 0, pid: null, gone: false };
  const poll = setInterval(() => readMemory(memory), POLL_MS);
  try {
    const { errors, index } = await pagefind.createIndex({ forceLanguage: 'en' });
    if (errors.length) throw new Error(`createIndex: ${errors.join('; ')}`);
    const added = await watched(index.addDirectory({ path: site, glob: 'a/*.html' }), memory);
    if (added.errors.length) throw new Error(`addDirectory: ${added.errors.join('; ')}`);
    const indexedMs = performance.now() - start;
    const write = await watched(index.writeFiles({ outputPath: join(site, 'pagefind') }), memory);
    if (write.errors.length) throw new Error(`writeFiles: ${write.errors.join('; ')}`);
    readMemory(memory);
    return { pages: added.page_count, indexedMs, totalMs: performance.now() - start, peakMb: memory.peakKb / 1024 };
  } finally {
    clearInterval(poll);
    await pagefind.close();
  }
}

/// A Pagefind call, failing (with the binary's memory) if the binary dies:
/// the Node API would otherwise wait for its answer for ever.
function watched(call, memory) {
  return new Promise((resolve, reject) => {
    const check = setInterval(() => {
      if (memory.gone) {
        clearInterval(check);
        reject(new Error(`Pagefind's binary (pid ${memory.pid}) died while indexing: ${(memory.rssKb / 1024).toFixed(0)} MB resident, peak ${(memory.peakKb / 1024).toFixed(0)} MB at the last reading`));
      }
    }, POLL_MS);
    call.then(resolve, reject).finally(() => clearInterval(check));
  });
}

/// Finds Pagefind's binary among this process's children, then reads its
/// resident and peak memory.
function readMemory(memory) {
  memory.pid ??= readdirSync('/proc').find((pid) => {
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      const [, name, rest] = stat.match(/^\d+ \((.*)\) (.*)$/s);
      return name.startsWith('pagefind') && Number(rest.split(' ')[1]) === process.pid;
    } catch {
      return false;
    }
  }) ?? null;
  if (!memory.pid) return;
  try {
    const status = readFileSync(`/proc/${memory.pid}/status`, 'utf8');
    const kb = (field) => Number(status.match(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm'))?.[1] ?? 0);
    memory.rssKb = kb('VmRSS');
    memory.peakKb = Math.max(memory.peakKb, kb('VmHWM'));
    if (status.match(/^State:\s+Z/m)) memory.gone = true;
  } catch {
    memory.gone = true;
  }
}

/// Every file under `dir`: its path (relative to `dir`) and size.
function files(dir) {
  return readdirSync(dir, { recursive: true })
    .map((name) => ({ name, stat: statSync(join(dir, name)) }))
    .filter(({ stat }) => stat.isFile())
    .map(({ name, stat }) => ({ name, bytes: stat.size }));
}

const isGzip = (bytes) => bytes[0] === 0x1f && bytes[1] === 0x8b;

const TYPES = { '.html': 'text/html', '.js': 'text/javascript', '.mjs': 'text/javascript', '.json': 'application/json', '.css': 'text/css' };

/// Serves the site as a static host would: gzipped, except Pagefind's index
/// files, which Pagefind writes gzipped already (and decompresses itself).
function serve(site) {
  const server = createServer((request, response) => {
    const path = join(site, decodeURIComponent(new URL(request.url, 'http://x').pathname));
    let body;
    try {
      body = readFileSync(path);
    } catch {
      response.writeHead(404).end();
      return;
    }
    const headers = { 'Content-Type': TYPES[extname(path)] ?? 'application/octet-stream', 'Cache-Control': 'no-store' };
    if (!isGzip(body)) {
      body = gzipSync(body);
      headers['Content-Encoding'] = 'gzip';
    }
    response.writeHead(200, { ...headers, 'Content-Length': body.length }).end(body);
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

/// Each query on a fresh page: Pagefind loaded and initialised, then the
/// search and the data of its first screenful.
async function searchAll(site, queries) {
  const server = await serve(site);
  const url = `http://127.0.0.1:${server.address().port}/bench.html`;
  const context = await launch();
  try {
    const results = [];
    for (const query of queries) results.push(await searchOnce(context, url, query));
    return results;
  } finally {
    await context.close();
    server.close();
  }
}

async function searchOnce(context, url, query) {
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  await cdp.send('Network.emulateNetworkConditions', SLOW_4G);
  await page.goto(url);
  const requests = new Map();
  let phase = 'init';
  cdp.on('Network.requestWillBeSent', (e) => requests.set(e.requestId, { phase, url: e.request.url, start: e.timestamp }));
  cdp.on('Network.loadingFinished', (e) => {
    const request = requests.get(e.requestId);
    if (request) Object.assign(request, { end: e.timestamp, bytes: e.encodedDataLength });
  });
  // Pagefind runs on the main thread here (`noWorker`): in its default web
  // worker, its fetches belong to the worker's own target, which this CDP
  // session neither sees nor throttles. The worker fetches the same files
  // (and its script besides). `init()` only starts loading; a no-op ranking
  // option waits, as a search would, until the index's metadata and wasm
  // are in.
  const initMs = await page.evaluate(async () => {
    const start = performance.now();
    window.pagefind = await import('/pagefind/pagefind.js');
    await window.pagefind.options({ noWorker: true });
    await window.pagefind.init();
    await window.pagefind.options({ ranking: {} });
    return performance.now() - start;
  });
  phase = 'search';
  const found = await page.evaluate(async ([query, screenful]) => {
    const start = performance.now();
    const search = await window.pagefind.search(query);
    await Promise.all(search.results.slice(0, screenful).map((r) => r.data()));
    return { ms: performance.now() - start, results: search.results.length };
  }, [query, SCREENFUL]);
  await page.close();
  const of = (wanted) => [...requests.values()].filter((r) => r.phase === wanted);
  const unfinished = [...requests.values()].filter((r) => r.end === undefined);
  if (unfinished.length) throw new Error(`${query}: unfinished requests ${unfinished.map((r) => r.url).join(', ')}`);
  return { query, initMs, init: totals(of('init')), ms: found.ms, results: found.results, search: totals(of('search')) };
}

/// Requests, encoded bytes (headers included, as transferred) and
/// sequential rounds. A request's round is one more than the deepest round
/// among the requests that had finished when it started (1 if none had):
/// a request can only depend on answers it had, so the deepest round is
/// the longest chain of round trips the page waited through, one after
/// another. Requests sent together (or while earlier ones of the same round
/// were still arriving) share a round.
function totals(requests) {
  const byStart = [...requests].sort((a, b) => a.start - b.start);
  for (const r of byStart) {
    r.round = 1 + Math.max(0, ...byStart.filter((o) => o !== r && o.end <= r.start).map((o) => o.round ?? 0));
  }
  return {
    requests: requests.length,
    bytes: requests.reduce((sum, r) => sum + r.bytes, 0),
    rounds: Math.max(0, ...byStart.map((r) => r.round)),
  };
}

function report(corpus, count, indexed, written, searched) {
  const kb = (bytes) => (bytes / 1e3).toFixed(1);
  const kinds = new Map();
  for (const { name, bytes } of written) {
    const kind = name.includes('/') ? `${dirname(name)}/` : `*${extname(name)}`;
    const sum = kinds.get(kind) ?? { count: 0, bytes: 0, largest: 0 };
    kinds.set(kind, { count: sum.count + 1, bytes: sum.bytes + bytes, largest: Math.max(sum.largest, bytes) });
  }
  const total = written.reduce((sum, f) => sum + f.bytes, 0);
  const lines = [
    `\n### Pagefind ${pagefindVersion()}: ${basename(corpus)}, ${count} articles`,
    '',
    `${indexed.pages} pages indexed in ${(indexed.totalMs / 1e3).toFixed(1)} s (addDirectory ${(indexed.indexedMs / 1e3).toFixed(1)} s, `
      + `writeFiles ${((indexed.totalMs - indexed.indexedMs) / 1e3).toFixed(1)} s); peak memory of Pagefind's binary ${indexed.peakMb.toFixed(0)} MB; `
      + `${written.length} files, ${(total / 1e6).toFixed(2)} MB (index files as written: gzipped)`,
    '',
    '| files | count | MB | largest KB |',
    '| --- | ---: | ---: | ---: |',
    ...[...kinds].sort(([, a], [, b]) => b.bytes - a.bytes)
      .map(([kind, k]) => `| ${kind} | ${k.count} | ${(k.bytes / 1e6).toFixed(2)} | ${kb(k.largest)} |`),
    '',
    `| query | results | init ms | init rounds | init requests | init KB | search rounds | search requests | search KB | ms to ${SCREENFUL} results |`,
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
    ...searched.map((s) => `| \`${s.query}\` | ${s.results} | ${s.initMs.toFixed(0)} | ${s.init.rounds} | ${s.init.requests} | ${kb(s.init.bytes)} | ${s.search.rounds} | ${s.search.requests} | ${kb(s.search.bytes)} | ${s.ms.toFixed(0)} |`),
  ];
  return lines.join('\n');
}

function pagefindVersion() {
  const here = dirname(fileURLToPath(import.meta.url));
  return JSON.parse(readFileSync(join(here, 'node_modules/pagefind/package.json'), 'utf8')).version;
}

const work = mkdtempSync(join(tmpdir(), 'folio-pagefind-'));
try {
  const site = join(work, 'site');
  const count = writeSite(readArticles(corpus, join(work, 'articles.json')), site);
  let indexed;
  try {
    indexed = await index(site);
  } catch (error) {
    // How Pagefind fails is the measurement (issue 12 expects it to run out
    // of memory on large sites), so it is reported, not thrown.
    console.log(`\n### Pagefind ${pagefindVersion()}: ${basename(corpus)}, ${count} articles\n\nindexing failed: ${error.message}`);
  }
  if (indexed) {
    const written = files(join(site, 'pagefind'));
    const searched = await searchAll(site, queries);
    console.log(report(corpus, count, indexed, written, searched));
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}
