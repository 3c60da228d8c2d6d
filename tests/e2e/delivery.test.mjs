// Delivery: the site works as plain files under a sub-path, prerendered
// pages read without JavaScript and are taken over without moving, a strict
// Content-Security-Policy holds, the site keeps working offline, and a new
// version replaces the old on the next visit.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { controlled, holdBack, launch, launchBrowser, launchWithoutJavaScript, openPage, required, started, VIEWPORTS } from './browser.mjs';
import { serveStatic } from './host.mjs';

const SITE = required('FOLIO_URL');

const SLUG = 'csto-leaders-to-discuss-kazakhstan-crisis-in-videoconference';
const TITLE = 'CSTO Leaders To Discuss Kazakhstan Crisis In Videoconference';
const url = (path) => new URL(path, SITE).href;
const DIST = required('FOLIO_DIST');

let context;
before(async () => { context = await launch(); });
after(async () => { await context?.close(); });

test('prerendered pages are readable with JavaScript off', async () => {
  const context = await launchWithoutJavaScript();
  try {
    const page = await context.newPage();
    await page.goto(url(''));
    // The page itself knows it runs no script: nothing of the app can have helped.
    assert.equal(await page.evaluate(() => matchMedia('(scripting: none)').matches), true);
    assert.equal(await page.title(), 'Articles — folio');
    assert.equal(await page.locator('#results .card-title').count(), 9);
    await page.goto(url(`articles/${SLUG}/`));
    assert.equal(await page.title(), `${TITLE} — folio`);
    assert.equal(await page.locator('h1').textContent(), TITLE);
    assert.equal(await page.locator('article .body p').count(), 5);
    const head = await page.evaluate(() => ({
      description: document.querySelector('meta[name=description]').content,
      canonical: document.querySelector('link[rel=canonical]').getAttribute('href'),
      ogTitle: document.querySelector('meta[property="og:title"]').content,
      ogType: document.querySelector('meta[property="og:type"]').content,
    }));
    assert.ok(head.description.startsWith('Leaders of the Russian-led Collective Security Treaty Organization'));
    assert.equal(head.canonical, new URL(`articles/${SLUG}/`, SITE).href);
    assert.equal(head.ogTitle, `${TITLE} — folio`);
    assert.equal(head.ogType, 'article');
  } finally {
    await context.close();
  }
});

test('with JavaScript off, a page shows no control that needs it, and says why search is missing', async () => {
  const context = await launchWithoutJavaScript();
  try {
    for (const viewport of [{ width: 320, height: 640 }, VIEWPORTS.phone, VIEWPORTS.desktop]) {
      const page = await openPage(context, viewport, { expect404: true });
      for (const path of ['', `articles/${SLUG}/`, 'no/such/page']) {
        await page.goto(url(path));
        const where = `${path || 'home'} at ${viewport.width} px`;
        // Search, Settings, Filters, Sort, Save, Show more: all the app's.
        const controls = await page.locator('button, input, select, textarea').evaluateAll((all) =>
          all.filter((control) => control.checkVisibility()).map((control) => control.outerHTML.slice(0, 80)));
        assert.deepEqual(controls, [], where);
        assert.equal(await page.getByText('Search needs JavaScript.').isVisible(), true, where);
        // What works does: links home and to the articles.
        assert.equal(await page.getByRole('link', { name: 'folio' }).isVisible(), true, where);
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
        assert.equal(overflow, 0, `no horizontal scroll on ${where}`);
      }
      assert.deepEqual(page.problems, []);
      await page.close();
    }
  } finally {
    await context.close();
  }
});

test('the app takes over a prerendered page without moving it', async () => {
  // On a wide screen too, where the filters' values come in beside the list
  // once the app is live.
  for (const [size, path] of [['phone', ''], ['phone', `articles/${SLUG}/`], ['desktop', '']]) {
    const page = await openPage(context, VIEWPORTS[size]);
    await page.addInitScript(() => {
      window.__shift = 0;
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries()) if (!entry.hadRecentInput) window.__shift += entry.value;
      }).observe({ type: 'layout-shift', buffered: true });
    });
    await page.goto(url(path));
    // Once the app is live, give it two frames.
    await started(page);
    await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
    const shift = await page.evaluate(() => window.__shift);
    assert.equal(shift, 0, `cumulative layout shift on ${path || 'home'} at ${size} size`);
    // The note for readers without JavaScript never showed.
    assert.equal(await page.getByText('Search needs JavaScript.').isVisible(), false);
    // The page painted its content before the wasm was asked for.
    const { paint, wasm } = await page.evaluate(() => ({
      paint: performance.getEntriesByName('first-contentful-paint')[0]?.startTime,
      wasm: performance.getEntriesByType('resource').find((entry) => entry.name.endsWith('.wasm'))?.startTime,
    }));
    assert.ok(paint > 0 && wasm > paint, `first contentful paint at ${paint} ms, wasm requested at ${wasm} ms`);
    // And it is live: it answers a keystroke.
    await page.getByRole('searchbox', { name: 'Search articles' }).fill('jazz');
    await page.getByText('1 result for “jazz”').waitFor();
    assert.deepEqual(page.problems, []);
    await page.close();
  }
});

test('the app starts in a browser without paint timing', async () => {
  // The loader waits for the first contentful paint where it can, and for
  // two seconds where it cannot: here the timeline never has it.
  const page = await openPage(context, VIEWPORTS.phone);
  await page.addInitScript(() => {
    const entries = performance.getEntriesByName.bind(performance);
    performance.getEntriesByName = (name, type) => (name === 'first-contentful-paint' ? [] : entries(name, type));
  });
  await page.goto(url(''));
  await started(page);
  await page.getByRole('searchbox', { name: 'Search articles' }).fill('jazz');
  await page.getByText('1 result for “jazz”').waitFor();
  assert.deepEqual(page.problems, []);
  await page.close();
});

test('what a reader types before the app is live is searched when it is', async () => {
  // A first visit, with no service worker (it would answer the wasm request
  // before the route below could hold it back).
  const browser = await launchBrowser();
  try {
    const page = await openPage(await browser.newContext({ serviceWorkers: 'block' }), VIEWPORTS.phone);
    // Hold the wasm back until the reader has typed into the prerendered page.
    const wasm = await holdBack(page, '**/*.wasm');
    await page.goto(url(''));
    await page.getByRole('searchbox', { name: 'Search articles' }).fill('jazz');
    assert.equal(await page.locator('[aria-live]').first().textContent(), '9 articles', 'not live yet');
    wasm.release();
    await started(page);
    await page.getByText('1 result for “jazz”').waitFor();
    assert.equal(await page.getByRole('searchbox', { name: 'Search articles' }).inputValue(), 'jazz');
    assert.equal(new URL(page.url()).searchParams.get('q'), 'jazz');
    assert.deepEqual(page.problems, []);
  } finally {
    await browser.close();
  }
});

test('Enter before the app is live searches once it is', async () => {
  const browser = await launchBrowser();
  try {
    const page = await openPage(await browser.newContext({ serviceWorkers: 'block' }), VIEWPORTS.phone);
    // On the first page the app never starts: its glue reads the wasm (so
    // that leaving aborts no download), says so, and never finishes `init`.
    let first = true;
    await page.route('**/folio-web-*', (route) => {
      if (!first) return route.continue();
      return route.fulfill(route.request().url().endsWith('.wasm')
        ? { contentType: 'application/wasm', body: 'not wasm' }
        : {
          contentType: 'text/javascript',
          body: `export default async ({ module_or_path }) => {
            await (await module_or_path).arrayBuffer();
            document.documentElement.dataset.stuck = '';
            return new Promise(() => {});
          };`,
        });
    });
    await page.goto(url(`articles/${SLUG}/`));
    await page.waitForFunction(() => document.documentElement.hasAttribute('data-stuck'));
    first = false;
    await page.getByRole('searchbox', { name: 'Search articles' }).fill('jazz');
    await page.getByRole('searchbox', { name: 'Search articles' }).press('Enter');
    // The form goes home with the query, which the app then searches.
    await page.waitForURL(url('?q=jazz'));
    await started(page);
    await page.getByText('1 result for “jazz”').waitFor();
    assert.equal(await page.getByRole('searchbox', { name: 'Search articles' }).inputValue(), 'jazz');
    assert.deepEqual(page.problems, []);
  } finally {
    await browser.close();
  }
});

test('typing a search fetches nothing, not even the page icon again', async () => {
  // A first visit: no service worker yet to answer from its cache. Chromium
  // asks for the page's icon again whenever the address changes, and the
  // address follows every keystroke; behind a host that sends `no-cache`,
  // each of those requests is a round trip on the reader's network.
  const browser = await launchBrowser();
  try {
    const page = await openPage(await browser.newContext({ serviceWorkers: 'block' }), VIEWPORTS.phone);
    await page.goto(url(''));
    await started(page);
    // The engine's worker loads alongside the live page: once it listens,
    // it has asked for its wasm and the index's entry, which are its own,
    // not the search's.
    await page.evaluate(() => window.folioEngine.started);
    const requests = [];
    page.on('request', (request) => requests.push(request.url().slice(0, 100)));
    const box = page.getByRole('searchbox', { name: 'Search articles' });
    await box.pressSequentially('kazakhstan', { delay: 50 });
    await page.getByText('5 results for “kazakhstan”').waitFor();
    await box.press('Enter');
    await page.getByText('5 results for “kazakhstan”').waitFor();
    await box.fill('');
    await box.pressSequentially('Toqaev', { delay: 50 });
    await page.getByText('4 results for “Toqaev”').waitFor();
    assert.equal(new URL(page.url()).searchParams.get('q'), 'Toqaev');
    // Two frames for a late request to show.
    await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
    assert.deepEqual(requests, []);
    assert.deepEqual(page.problems, []);
  } finally {
    await browser.close();
  }
});

test('every page carries a strict Content-Security-Policy', async () => {
  const page = await openPage(context, VIEWPORTS.desktop, { expect404: true });
  for (const path of ['', `articles/${SLUG}/`, 'no/such/page']) {
    await page.goto(url(path));
    // Let the app start before leaving (leaving aborts its download).
    await started(page);
    const policy = await page.evaluate(() => document.querySelector('meta[http-equiv="Content-Security-Policy"]')?.content);
    assert.ok(policy, `a policy on ${path}`);
    assert.ok(!policy.includes('unsafe-inline') && !policy.includes("'unsafe-eval'"), policy);
    assert.match(policy, /script-src 'self' 'wasm-unsafe-eval' 'sha256-[A-Za-z0-9+/=]+'/);
    assert.match(policy, /style-src 'self';/);
  }
  // The app runs under it (any violation would be a problem).
  await page.goto(url(''));
  await page.getByRole('searchbox', { name: 'Search articles' }).fill('Toqaev');
  await page.getByText('4 results for “Toqaev”').waitFor();
  assert.deepEqual(page.problems, []);
  await page.close();
});

test('after one visit the site works offline', async () => {
  const browser = await launchBrowser();
  try {
    const offlineContext = await browser.newContext();
    const page = await offlineContext.newPage();
    page.problems = [];
    await page.goto(url(''));
    await controlled(page);
    const manifest = await page.evaluate(async () => (await fetch(document.querySelector('link[rel=manifest]').href)).json());
    assert.equal(manifest.name, 'folio');
    assert.ok(manifest.icons.length > 0);
    await offlineContext.setOffline(true);
    await page.reload();
    await page.getByText('9 articles').waitFor();
    await page.getByRole('link', { name: TITLE }).click();
    await page.getByRole('heading', { level: 1, name: TITLE }).waitFor();
    // A page never opened online: the not-found page the worker keeps turns
    // into it, from the data the app already has.
    await page.goto(url('articles/arrest-of-a-fugitive-driver/'));
    await page.getByRole('heading', { level: 1, name: 'Arrest of a fugitive driver' }).waitFor();
    await page.getByRole('searchbox', { name: 'Search articles' }).fill('Panjakent');
    await page.getByText('1 result for “Panjakent”').waitFor();
    const names = await page.evaluate(async () => ({ keys: await caches.keys(), base: new URL(document.baseURI).pathname }));
    assert.ok(names.keys.length > 0 && names.keys.every((name) => name.startsWith(`folio:${names.base}:`)), names.keys.join());
  } finally {
    await browser.close();
  }
});

test('a small archive says it is kept offline with the app, with nothing to download', async () => {
  const page = await openPage(context, VIEWPORTS.phone);
  await page.goto(url(''));
  await controlled(page);
  await started(page);
  await page.getByRole('button', { name: 'Settings' }).click();
  const offline = page.getByRole('group', { name: 'Offline' });
  await offline.getByText('The whole archive is kept offline with the app.', { exact: true }).waitFor();
  assert.equal(await offline.getByRole('button').count(), 0);
  assert.deepEqual(page.problems, []);
  await page.close();
});

test('a new version is picked up on the next visit', async () => {
  // A copy of the site that this test can change, as a deploy would.
  const root = await fs.mkdtemp(path.join(os.tmpdir(), 'folio-update-'));
  await fs.cp(DIST, root, { recursive: true });
  const server = await serveStatic(root, '/news/');
  const browser = await launchBrowser();
  try {
    const page = await (await browser.newContext()).newPage();
    const cacheNames = () => page.evaluate(() => caches.keys());
    await page.goto(`${server.url}news/`);
    await controlled(page);
    const worker = path.join(root, 'sw.js');
    const source = await fs.readFile(worker, 'utf8');
    const [, version] = source.match(/const CACHE = PREFIX \+ '([^']+)'/);
    assert.deepEqual(await cacheNames(), [`folio:/news/:${version}`]);
    // Deploy a new build: the worker's cache name changes with it.
    await fs.writeFile(worker, source.replace(`'${version}'`, `'${version}next'`));
    await page.reload();
    // The worker updates in the background; wait (up to 10 s) for it to swap caches.
    const next = [`folio:/news/:${version}next`];
    for (let tries = 0; tries < 100 && JSON.stringify(await cacheNames()) !== JSON.stringify(next); tries++) {
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    assert.deepEqual(await cacheNames(), next);
    // The new version is the one that works offline.
    await page.context().setOffline(true);
    await page.reload();
    await page.getByRole('searchbox', { name: 'Search articles' }).fill('Toqaev');
    await page.getByText('4 results for “Toqaev”').waitFor();
  } finally {
    await browser.close();
    server.close();
    await fs.rm(root, { recursive: true, force: true });
  }
});

test('on a network that never answers, pages come from the saved copies', async () => {
  const server = await serveStatic(DIST, '/news/');
  const browser = await launchBrowser();
  try {
    const page = await (await browser.newContext()).newPage();
    await page.goto(`${server.url}news/`);
    await controlled(page);
    await started(page);
    // Connected, but pages never arrive: after a few seconds the worker
    // shows the copy it keeps, and a page never visited comes from the app.
    server.state.stallPages = true;
    await page.reload();
    await page.getByText('9 articles').waitFor();
    await started(page);
    await page.goto(`${server.url}news/articles/${SLUG}/`);
    await page.getByRole('heading', { level: 1, name: TITLE }).waitFor();
    await started(page);
    await page.getByRole('searchbox', { name: 'Search articles' }).fill('Toqaev');
    await page.getByText('4 results for “Toqaev”').waitFor();
  } finally {
    await browser.close();
    server.close();
  }
});
