// A corpus of nasty cases (tests/hostile), built as its own site: markup and
// scripts stay text, no script runs, right-to-left and invisible characters
// and a 20,000-character word do not break the layout, and titles that fold
// to the same slug get their own pages.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, openPage, required, VIEWPORTS, started } from './browser.mjs';

const SITE = required('HOSTILE_URL');
const url = (path) => new URL(path, SITE).href;

let context;
before(async () => { context = await launch(); });
after(async () => { await context?.close(); });

async function visit(page, path) {
  await page.goto(url(path));
  await started(page);
}

for (const [name, viewport] of Object.entries(VIEWPORTS)) {
  test(`hostile corpus: markup is text, nothing runs, nothing overflows (${name})`, async () => {
    const page = await openPage(context, viewport);
    await visit(page, '');
    await page.getByText('6 articles').waitFor();
    const titles = await page.locator('#results .card-title').allTextContents();
    assert.ok(titles.includes('<script>alert(1)</script> Title With Script'), titles.join(' | '));
    const dom = await page.evaluate(() => ({
      scripts: document.querySelectorAll('script').length,
      images: document.querySelectorAll('img').length,
      frames: document.querySelectorAll('iframe').length,
      handlers: document.querySelectorAll('[onload], [onerror]').length,
      bold: document.querySelectorAll('main b').length,
      javascriptLinks: [...document.querySelectorAll('a')].filter((a) => a.href.startsWith('javascript:')).length,
      overflow: document.documentElement.scrollWidth - document.documentElement.clientWidth,
      slugs: [...document.querySelectorAll('#results .card-title a')].map((a) => a.getAttribute('href')),
    }));
    assert.equal(dom.scripts, 1, 'only the app loader');
    assert.deepEqual([dom.images, dom.frames, dom.handlers, dom.bold, dom.javascriptLinks, dom.overflow], [0, 0, 0, 0, 0, 0]);
    assert.equal(new Set(dom.slugs).size, 6, dom.slugs.join(' '));
    // Each colliding title has its own page.
    for (const title of ['News', 'news!', 'NEWS']) {
      await page.getByRole('link', { name: title, exact: true }).click();
      await page.getByRole('heading', { level: 1, name: title, exact: true }).waitFor();
      await page.goBack();
      await page.getByText('6 articles').waitFor();
    }
    // The script's own page shows it as text; the long word wraps.
    for (const title of ['<script>alert(1)</script> Title With Script', 'A very long line']) {
      await page.getByRole('link', { name: title, exact: true }).click();
      await page.getByRole('heading', { level: 1, name: title, exact: true }).waitFor();
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      assert.equal(overflow, 0, `no horizontal scroll on “${title}”`);
      await page.goBack();
      await page.getByText('6 articles').waitFor();
    }
    await page.getByRole('searchbox', { name: 'Search articles' }).fill('onerror');
    await page.getByText('1 result for “onerror”').waitFor();
    assert.equal(await page.locator('img').count(), 0);
    assert.deepEqual(page.problems, []);
    await page.close();
  });
}
