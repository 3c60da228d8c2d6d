// Embedding: the example host page (examples/embed, served on another
// origin) puts folio in an iframe with its loader. The frame reports its
// height and the loader sizes it; messages from anyone else are ignored; a
// sandboxed frame with no storage still works.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, openPage, required, VIEWPORTS } from './browser.mjs';

const SITE = required('FOLIO_URL');

const HOST = required('EMBED_HOST_URL');
const FORGE = required('FORGE_URL');
const FRAME = 'iframe[title="News archive"]';

let context;
before(async () => { context = await launch({ typingInFrames: true }); });
after(async () => { await context?.close(); });

const host = (extra = '') => `${HOST}?folio=${encodeURIComponent(SITE)}${extra}`;

test('the host page shows folio sized to its content, with its options', async () => {
  const page = await openPage(context, VIEWPORTS.desktop);
  await page.addInitScript(() => {
    window.__registrations = 0;
    const register = ServiceWorkerContainer.prototype.register;
    ServiceWorkerContainer.prototype.register = function (...args) {
      window.__registrations += 1;
      return register.apply(this, args);
    };
  });
  await page.goto(host(`&forge=${encodeURIComponent(FORGE)}`));
  const frame = page.frameLocator(FRAME);
  await frame.getByText('4 results for “Toqaev”').waitFor();
  assert.equal(await frame.getByRole('button', { name: 'Settings' }).count(), 0, 'compact: no header');
  assert.equal(await frame.locator('html').getAttribute('data-theme'), 'dark', 'the host chose the theme');
  // Offline copies are for folio's own site, not for a frame in another's
  // (where Chromium refuses service workers anyway, so count the attempts).
  const attempts = await frame.locator('html[data-live]').evaluate(() => window.__registrations);
  assert.equal(attempts, 0, 'no service worker registered inside another site');
  const link = frame.locator('#results .card-title a').first();
  assert.equal(await link.getAttribute('target'), '_blank', 'articles open in a new tab');
  assert.ok(!(await link.getAttribute('href')).includes('embed='), 'on folio itself');
  // The frame's height follows its content: no inner scrollbar.
  const fits = async () => {
    const outer = await page.evaluate((selector) => document.querySelector(selector).getBoundingClientRect().height, FRAME);
    const inner = await frame.locator('html').evaluate((html) => html.scrollHeight);
    return Math.abs(outer - inner) <= 1 && inner > 600;
  };
  for (let tries = 0; !(await fits()); tries++) {
    assert.ok(tries < 100, 'the frame never fitted its content');
    await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(resolve)));
  }
  // Forged resize requests: from a third origin's frame, and from the host
  // page itself. Wait until several have arrived, then the size must hold.
  await page.evaluate(() => {
    window.__forged = 0;
    window.addEventListener('message', (e) => { if (e.data && e.data.height === 5) window.__forged += 1; });
    window.postMessage({ type: 'folio:height', height: 5 }, '*');
  });
  await page.waitForFunction(() => window.__forged >= 4);
  assert.ok(await fits(), 'forged messages were ignored');
  // Searching inside the frame resizes it again.
  await frame.getByRole('searchbox', { name: 'Search articles' }).fill('jazz');
  await frame.getByText('1 result for “jazz”').waitFor();
  for (let tries = 0; !(await fits()); tries++) {
    assert.ok(tries < 100, 'the frame did not follow its new content');
    await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(resolve)));
  }
  assert.deepEqual(page.problems, []);
  await page.close();
});

test('in a sandboxed frame, with no storage, folio still works', async () => {
  const page = await openPage(context, VIEWPORTS.phone);
  await page.goto(host('&sandbox=1'));
  const frame = page.frameLocator(FRAME);
  await frame.getByText('4 results for “Toqaev”').waitFor();
  await frame.getByRole('searchbox', { name: 'Search articles' }).fill('Panjakent');
  await frame.getByText('1 result for “Panjakent”').waitFor();
  assert.deepEqual(page.problems, []);
  await page.close();
});
