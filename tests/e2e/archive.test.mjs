// A generated archive of a few thousand articles (`cargo xtask` builds it
// with `cargo xtask corpus`'s generator): its index is too large for the
// entry to hold, so the engine's worker fetches files a round at a time.
// The answers must be those of the index in memory (written by xtask to
// ARCHIVE_EXPECTED), no file is fetched twice in a visit, an article with
// no page of its own opens at its URL, a search says so when a file it
// needs cannot be had, and offline, with only part of the index kept, a
// search shows what is kept and says its results may be incomplete.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { controlled, launch, launchBrowser, openPage, required, VIEWPORTS, started } from './browser.mjs';
import { serveStatic } from './host.mjs';

const SITE = required('ARCHIVE_URL');
const EXPECTED = JSON.parse(readFileSync(required('ARCHIVE_EXPECTED'), 'utf8'));
const url = (path) => new URL(path, SITE).href;
const INDEX = url('index/');

let context;
before(async () => { context = await launch(); });
after(async () => { await context?.close(); });

/// A page that records every index file it asks for.
async function indexedPage(viewport, options) {
  const page = await openPage(context, viewport, options);
  page.indexFiles = [];
  page.on('request', (request) => {
    if (request.url().startsWith(INDEX)) page.indexFiles.push(request.url().slice(INDEX.length));
  });
  return page;
}

const resultsFor = (total, query) => `${total} result${total === 1 ? '' : 's'} for “${query}”`;

async function search(page, query) {
  await page.getByRole('searchbox', { name: 'Search articles' }).fill(query);
}

test('a large archive answers every search as the whole index would', async () => {
  const page = await indexedPage(VIEWPORTS.phone);
  await page.goto(url(''));
  await started(page);
  await page.getByText(`${EXPECTED.articles} articles`, { exact: true }).waitFor();
  for (const { query, total, titles } of EXPECTED.searches) {
    assert.ok(total > 0, `the generated archive has results for ${query}`);
    await search(page, query);
    await page.getByText(resultsFor(total, query), { exact: true }).waitFor();
    const shown = await page.locator('#results .card-title').allTextContents();
    assert.deepEqual(shown.slice(0, titles.length), titles, query);
  }
  // Nothing is fetched twice in one visit, and the entry once.
  const twice = page.indexFiles.filter((name, i) => page.indexFiles.indexOf(name) !== i);
  assert.deepEqual(twice, []);
  assert.equal(page.indexFiles.filter((name) => name === 'entry').length, 1);
  assert.ok(page.indexFiles.length > 1, 'the archive is not packed into its entry');
  assert.deepEqual(page.problems, []);
  await page.close();
});

test('the timeline draws a search’s matches per month, and a month chosen on it lists that month’s', async () => {
  const page = await indexedPage(VIEWPORTS.desktop);
  const { query, total, days } = EXPECTED.searches[0];
  await page.goto(url(`?q=${encodeURIComponent(query)}`));
  await started(page);
  await page.getByText(resultsFor(total, query), { exact: true }).waitFor();
  // The matches per month, from the index in memory's counts per day.
  const months = new Map();
  for (const [day, count] of days) months.set(day.slice(0, 7), (months.get(day.slice(0, 7)) ?? 0) + count);
  assert.ok(months.size > 12, `the matches span ${months.size} months`);
  const NAMES = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
  const named = ([key, n]) => `${NAMES[Number(key.slice(5)) - 1]} ${key.slice(0, 4)}: ${n} article${n === 1 ? '' : 's'}`;
  const chart = page.getByRole('list', { name: 'Articles per month' });
  const bars = await chart.getByRole('link').evaluateAll((links) => links.map((a) => a.getAttribute('aria-label')));
  assert.deepEqual(bars, [...months].map(named));
  // The busiest month, chosen: exactly its matches, its dates in the URL.
  const [key, count] = [...months].sort((a, b) => b[1] - a[1])[0];
  await chart.getByRole('link', { name: named([key, count]) }).click();
  await page.getByText(resultsFor(count, query), { exact: true }).waitFor();
  const last = new Date(Date.UTC(Number(key.slice(0, 4)), Number(key.slice(5)), 0)).getUTCDate();
  assert.equal(new URL(page.url()).searchParams.get('dates'), `${key}-01..${key}-${last}`);
  assert.deepEqual(page.problems, []);
  await page.close();
});

test('on a phone a search counts its filters’ values only once their panel is opened', async () => {
  const page = await indexedPage(VIEWPORTS.phone);
  await page.goto(url(''));
  await started(page);
  const { query, total } = EXPECTED.searches[0];
  await search(page, query);
  await page.getByText(resultsFor(total, query), { exact: true }).waitFor();
  const catalogue = () => page.indexFiles.filter((name) => name.startsWith('c'));
  assert.deepEqual(catalogue(), [], 'no catalogue shard for a list whose filters are not shown');
  await page.getByRole('button', { name: /^Filters/ }).click();
  const panel = page.locator('#filters');
  // Each publisher with its count for this search, once counted.
  await panel.locator('.facet label .count').first().waitFor();
  const counts = await panel.locator('.facet label .count').allTextContents();
  assert.ok(counts.every((count) => /^ \((about )?\d+\)$/.test(count)), counts.join());
  assert.equal(await panel.getByText('Counting…').count(), 0);
  assert.ok(catalogue().length > 0, 'counting reads the catalogue');
  // The list itself stayed as it was.
  await page.getByText(resultsFor(total, query), { exact: true }).waitFor();
  assert.deepEqual(page.problems, []);
  await page.close();
});

test('an article with no page of its own opens at its URL, from its group', async () => {
  const { slug, title } = EXPECTED.oldest;
  const page = await indexedPage(VIEWPORTS.desktop, { expect404: true });
  await page.goto(url(`articles/${slug}/`));
  await started(page);
  await page.getByRole('heading', { level: 1, name: title }).waitFor();
  // Newest first, the oldest article has a previous and no next.
  await page.getByRole('link', { name: /Previous/ }).waitFor();
  assert.equal(await page.getByRole('link', { name: /^Next/ }).count(), 0);
  assert.deepEqual(page.problems, []);
  await page.close();
});

test('a search whose files cannot be had says so, and what was fetched still answers', async () => {
  // xtask removed the files a search for EXPECTED.lost needs first, as a
  // host that lost them, or an offline copy without them, would have it.
  const [known] = EXPECTED.searches;
  const page = await indexedPage(VIEWPORTS.phone);
  await page.goto(url(''));
  await started(page);
  await search(page, known.query);
  await page.getByText(resultsFor(known.total, known.query), { exact: true }).waitFor();
  await search(page, EXPECTED.lost);
  await page.getByText(/^The search could not be finished: index file d[0-9a-f]+-\d+: HTTP 404$/).waitFor();
  // The last list stays, and the engine still answers from what it has.
  assert.equal(await page.locator('#results .card').count(), Math.min(known.total, 20));
  await search(page, known.query);
  await page.getByText(resultsFor(known.total, known.query), { exact: true }).waitFor();
  // The lost file's 404 is the test's doing; nothing else went wrong.
  assert.deepEqual(page.problems.filter((p) => !/^HTTP 404: .*\/index\/d[0-9a-f]+-\d+$/.test(p)), []);
  await page.close();
});

// The built site, and the files lost from it (put aside by xtask).
const DIST = required('ARCHIVE_DIST');
const LOST = required('ARCHIVE_LOST');

/// What the service worker was told keeping the archive downloads.
const ARCHIVE = JSON.parse(readFileSync(join(DIST, 'sw.js'), 'utf8').match(/^const ARCHIVE = (.*);$/m)[1]);

/// The manifest's files, `[name, size]`, in its order.
const MANIFEST = gunzipSync(readFileSync(join(DIST, 'index', ARCHIVE.manifest)))
  .toString().split('\n').filter(Boolean).map((line) => [line.split(' ')[0], Number(line.split(' ')[1])]);
const MANIFEST_BYTES = readFileSync(join(DIST, 'index', ARCHIVE.manifest)).length;

/// A size as the settings say it (`src/ui/offline.rs`).
function size(bytes) {
  if (bytes < 1000) return `${bytes} B`;
  if (bytes < 999_500) return `${Math.floor((bytes + 500) / 1000)} KB`;
  const tenths = Math.floor((bytes * 10 + 500_000) / 1_000_000);
  return `${Math.floor(tenths / 10)}.${tenths % 10} MB`;
}

test('the whole archive is kept offline on request: its size first, progress, cancel, reload, resume, offline search, remove', async () => {
  // The service worker told the manifest's number of files and bytes.
  assert.equal(ARCHIVE.files, MANIFEST.length);
  assert.equal(ARCHIVE.bytes, MANIFEST.reduce((sum, [, bytes]) => sum + bytes, 0) + MANIFEST_BYTES);
  // A host of its own (with the lost files back), which the test holds
  // mid-download and then takes away.
  const server = await serveStatic([DIST, LOST], new URL(SITE).pathname);
  const site = `${server.url}${new URL(SITE).pathname.slice(1)}`;
  const browser = await launchBrowser();
  try {
    const page = await openPage(await browser.newContext(), VIEWPORTS.phone);
    const offline = page.getByRole('group', { name: 'Offline' });
    const openSettings = async () => {
      await started(page);
      await page.getByRole('button', { name: 'Settings' }).click();
    };
    // Once the service worker controls the page (from its second load),
    // the index files a search fetches are kept in its cache. The first
    // screen fetches none but the entry: the page carries its answers.
    await page.goto(site);
    await controlled(page);
    await page.reload();
    await started(page);
    const beforeSearch = server.state.asked.length;
    const [known] = EXPECTED.searches;
    await search(page, known.query);
    await page.getByText(resultsFor(known.total, known.query), { exact: true }).waitFor();
    await openSettings();
    // Its size, before anything is fetched: the manifest is not asked for.
    const all = `${ARCHIVE.files} files`;
    await offline.getByText(`Search every article without a connection. This downloads ${size(ARCHIVE.bytes)} (${all}).`, { exact: true }).waitFor();
    assert.deepEqual(server.state.asked.filter((path) => path.includes('/index/manifest-')), []);

    // The files the search fetched are copied from the worker's cache,
    // first; of the rest, the host sends ten and holds the others.
    const indexFiles = (paths) => paths.filter((path) => path.includes('/index/') && !path.endsWith('/entry'))
      .map((path) => path.slice(path.lastIndexOf('/') + 1));
    const asked = (from) => indexFiles(server.state.asked.slice(from));
    assert.deepEqual(indexFiles(server.state.asked.slice(0, beforeSearch)), [], 'two first screens fetched nothing of the index but its entry');
    const cached = new Set(asked(beforeSearch));
    assert.ok(cached.size > 0, 'the search fetched some index files');
    const sent = new Set([...cached, ...MANIFEST.map(([name]) => name).filter((name) => !cached.has(name)).slice(0, 10)]);
    server.state.holding = (name) => ![ARCHIVE.manifest, 'entry'].includes(name) && !sent.has(name);
    const askedBefore = server.state.asked.length;
    await offline.getByRole('button', { name: 'Keep the whole archive offline' }).click();
    const sentBytes = MANIFEST_BYTES + MANIFEST.filter(([name]) => sent.has(name)).reduce((sum, [, bytes]) => sum + bytes, 0);
    const progress = `${sent.size} of ${all} (${size(sentBytes)} of ${size(ARCHIVE.bytes)})`;
    const bar = offline.getByRole('progressbar', { name: `Downloading the archive: ${progress}` });
    await bar.waitFor();
    assert.deepEqual(await bar.evaluate((el) => [el.value, el.max]), [sent.size, ARCHIVE.files]);

    // A reload midway: the download goes on.
    await page.reload();
    await openSettings();
    await bar.waitFor();

    // Cancelled, it stops where it stands, and says so after a reload too.
    await offline.getByRole('button', { name: 'Cancel' }).click();
    const partial = `${progress.replace(' (', ' kept offline (')}.`;
    await offline.getByText(partial, { exact: true }).waitFor();
    await page.reload();
    await openSettings();
    await offline.getByText(partial, { exact: true }).waitFor();

    // Resumed, it completes.
    server.state.release();
    await offline.getByRole('button', { name: 'Resume' }).click();
    await offline.getByText(`The whole archive is kept offline: ${all}, ${size(ARCHIVE.bytes)}.`, { exact: true }).waitFor();
    // The host was asked once for each file but those cached, and the
    // manifest; again for those it held when the download was cancelled.
    const download = asked(askedBefore);
    assert.equal(new Set(download).size, ARCHIVE.files - cached.size + 1);
    assert.ok(download.every((name) => !cached.has(name)));
    const again = download.filter((name, i) => download.indexOf(name) !== i);
    assert.ok(server.state.held.length > 0);
    assert.deepEqual(again.sort(), [...server.state.held].sort());

    // Offline, with the host gone: searches never made before answer.
    server.close();
    await page.context().setOffline(true);
    await page.reload();
    await started(page);
    for (const { query, total } of EXPECTED.searches) {
      await search(page, query);
      await page.getByText(resultsFor(total, query), { exact: true }).waitFor();
    }

    // Removed, the archive's cache is gone; the app's stays.
    await page.getByRole('button', { name: 'Settings' }).click();
    await offline.getByRole('button', { name: 'Remove the offline archive' }).click();
    await offline.getByRole('button', { name: 'Keep the whole archive offline' }).waitFor();
    const caches = await page.evaluate(() => caches.keys());
    assert.equal(caches.length, 1, caches.join());
    assert.match(caches[0], /^folio:\/news\/:[0-9a-f]{12}$/);
    assert.deepEqual(page.problems, []);
  } finally {
    await browser.close();
    server.close();
  }
});

test('offline, a search over an index kept in part shows what is kept and says its results may be incomplete', async () => {
  // xtask chose the files kept (what home and a page of the first two
  // searches read, but one article group of the first) and answered the
  // first from them, natively, as the worker answers offline.
  const { kept, query, total, titles, incomplete } = EXPECTED.offline;
  assert.equal(incomplete, true, `a search for ${query} reads a file that is not kept`);
  const complete = EXPECTED.searches[1];
  const server = await serveStatic([DIST, LOST], new URL(SITE).pathname);
  const site = `${server.url}${new URL(SITE).pathname.slice(1)}`;
  const index = `${site}index/`;
  const browser = await launchBrowser();
  try {
    const page = await openPage(await browser.newContext(), VIEWPORTS.desktop);
    // From its second load the service worker keeps the entry and the
    // index files fetched; its cache is then made to hold only `kept`, as
    // earlier searches would have left it (`adding` needs the host).
    await page.goto(site);
    await controlled(page);
    await page.reload();
    await started(page);
    const keepOnly = (adding) => page.evaluate(async ({ index, kept, adding }) => {
      const cache = await caches.open((await caches.keys()).find((name) => !name.endsWith(':archive')));
      if (adding) await cache.addAll(kept.map((name) => index + name));
      const names = (await cache.keys()).map((request) => request.url)
        .filter((url) => url.startsWith(index)).map((url) => url.slice(index.length));
      for (const name of names.filter((name) => name !== 'entry' && !kept.includes(name))) await cache.delete(index + name);
      return names.filter((name) => name === 'entry' || kept.includes(name)).sort();
    }, { index, kept, adding });
    await keepOnly(true);
    server.close();
    await page.context().setOffline(true);
    // Offline, nothing more can come into the cache.
    assert.deepEqual(await keepOnly(false), ['entry', ...kept].sort());
    await page.reload();
    await started(page);

    const note = 'Results may be incomplete: part of the archive is not kept offline.';
    await search(page, query);
    await page.getByText(`${resultsFor(total, query)}. ${note}`, { exact: true }).waitFor();
    assert.equal(await page.getByRole('status').filter({ hasText: note }).count(), 1);
    const shown = await page.locator('#results .card-title').allTextContents();
    assert.deepEqual(shown.slice(0, titles.length), titles);
    // Every file of this search is kept: the whole answer, and no note.
    await search(page, complete.query);
    await page.getByText(resultsFor(complete.total, complete.query), { exact: true }).waitFor();
    const all = await page.locator('#results .card-title').allTextContents();
    assert.deepEqual(all.slice(0, complete.titles.length), complete.titles);
    assert.equal(await page.getByText(note).count(), 0);
    // What could not be fetched offline failed as requests, and nothing else went wrong.
    assert.deepEqual(page.problems.filter((p) => !p.startsWith(`request failed: ${index}`)), []);
  } finally {
    await browser.close();
    server.close();
  }
});
