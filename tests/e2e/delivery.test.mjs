// Delivery: the site works as plain files under a sub-path, prerendered
// pages read without JavaScript and are taken over without moving, a strict
// Content-Security-Policy holds, and the site keeps working offline.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, launchBrowser, openPage, SITE, VIEWPORTS, started } from './browser.mjs';

const SLUG = 'csto-leaders-to-discuss-kazakhstan-crisis-in-videoconference';
const TITLE = 'CSTO Leaders To Discuss Kazakhstan Crisis In Videoconference';
const url = (path) => new URL(path, SITE).href;

let context;
before(async () => { context = await launch(); });
after(async () => { await context?.close(); });

test('prerendered pages are readable with JavaScript off', async () => {
  const browser = await launchBrowser();
  try {
    const page = await (await browser.newContext({ javaScriptEnabled: false })).newPage();
    await page.goto(url(''));
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
    await browser.close();
  }
});

test('the app takes over a prerendered page without moving it', async () => {
  for (const path of ['', `articles/${SLUG}/`]) {
    const page = await openPage(context, VIEWPORTS.phone);
    await page.addInitScript(() => {
      window.__shift = 0;
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries()) if (!entry.hadRecentInput) window.__shift += entry.value;
      }).observe({ type: 'layout-shift', buffered: true });
    });
    await page.goto(url(path));
    // Trunk sets wasmBindings once the app has started; give it two frames.
    await started(page);
    await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
    const shift = await page.evaluate(() => window.__shift);
    assert.ok(shift < 0.02, `cumulative layout shift ${shift} on ${path || 'home'}`);
    // And it is live: it answers a keystroke.
    await page.getByRole('searchbox', { name: 'Search articles' }).fill('jazz');
    await page.getByText('1 result for “jazz”').waitFor();
    assert.deepEqual(page.problems, []);
    await page.close();
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
    await page.evaluate(async () => {
      await navigator.serviceWorker.ready;
      if (!navigator.serviceWorker.controller) {
        await new Promise((resolve) => navigator.serviceWorker.addEventListener('controllerchange', resolve));
      }
    });
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
