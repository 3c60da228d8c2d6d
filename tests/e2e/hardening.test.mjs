// Hostile input and nothing lost: every article of the corpus is reachable
// from the home page and shows every paragraph; odd URLs and corrupt stored
// data give a sensible page and never a panic (a panic is logged as
// "folio panic: …", which fails any test), and no payload in a URL runs (a
// dialog, a blocked script or a call of the canary fails any test too: see
// `openPage`).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { launch, openPage, required, started, VIEWPORTS } from './browser.mjs';

const SITE = required('FOLIO_URL');

const ARTICLES = JSON.parse(readFileSync(required('ARTICLES_JSON'), 'utf8'));
const url = (path) => new URL(path, SITE).href;

let context;
before(async () => { context = await launch(); });
after(async () => { await context?.close(); });

test('every article is reachable from home and shows every paragraph', async () => {
  assert.equal(ARTICLES.length, 9, 'the seed corpus, as the CLI reads it');
  const page = await openPage(context, VIEWPORTS.desktop);
  for (const article of ARTICLES) {
    await page.goto(url(''));
    await started(page);
    await page.getByText(`${ARTICLES.length} articles`).waitFor();
    await page.getByRole('link', { name: article.title, exact: true }).click();
    await page.getByRole('heading', { level: 1, name: article.title }).waitFor();
    const shown = await page.locator('article .body > *').evaluateAll((blocks) =>
      blocks.map((b) => ({ kind: b.tagName === 'H2' ? 'subheading' : 'paragraph', text: b.textContent })));
    assert.deepEqual(shown, article.blocks, article.title);
  }
  assert.deepEqual(page.problems, []);
  await page.close();
});

test('odd and hostile URLs give a sensible page', async () => {
  const page = await openPage(context, VIEWPORTS.phone, { expect404: true });
  const cases = [
    ['?q=%E0%A4%A&publisher=%ZZ&country=&month=99999-99', 'Search results'],
    [`?q=${'toqaev%20'.repeat(2000)}`, 'Search results'],
    ['?sort=sideways&saved=99999999999999999999&unknown=1&&=&embed=%00', 'Articles'],
    ['?q=%3Cscript%3Ealert(1)%3C%2Fscript%3E', 'Search results'],
    [`?q=${encodeURIComponent('<img src=x onerror="alert(5);folioCanary(\'q\')">')}`, 'Search results'],
    [`?publisher=${encodeURIComponent('"><svg onload=folioCanary(\'publisher\')>')}`, 'Articles'],
    [`articles/${encodeURIComponent('<img src=x onerror=folioCanary(1)>')}/`, 'Page not found'],
    ['articles/%00/', 'Page not found'],
    ['articles/..%2F..%2Fetc%2Fpasswd/', 'Page not found'],
    [`articles/${'x'.repeat(3000)}/`, 'Page not found'],
    ['articles/a/b/c/', 'Page not found'],
  ];
  for (const [path, heading] of cases) {
    await page.goto(url(path));
    await started(page);
    await page.getByRole('heading', { level: 1, name: heading }).waitFor();
    // Still a working app: the search answers (filters from the URL stay).
    await page.getByRole('searchbox', { name: 'Search articles' }).fill('jazz');
    await page.getByRole('status').filter({ hasText: 'for “jazz”' }).waitFor();
  }
  assert.deepEqual(page.problems, []);
  await page.close();
});

test('corrupt or foreign stored data is ignored', async () => {
  const page = await openPage(context, VIEWPORTS.desktop);
  const base = new URL(SITE).pathname;
  await page.addInitScript(({ base, origin }) => {
    // Firefox runs init scripts in the first about:blank too, whose storage is off limits.
    if (location.origin !== origin) return;
    localStorage.setItem(`folio:${base}:prefs`, '{"theme": "plaid", "text_size": 1e309, "shortcuts": "yes"');
    localStorage.setItem(`folio:${base}:library`, JSON.stringify({ read: 42, saved: [null, { a: 1 }, 'x'.repeat(100000)] }));
  }, { base, origin: new URL(SITE).origin });
  await page.goto(url(''));
  await started(page);
  await page.getByText('9 articles').waitFor();
  await page.getByRole('searchbox', { name: 'Search articles' }).fill('Toqaev');
  await page.getByText('4 results for “Toqaev”').waitFor();
  assert.deepEqual(page.problems, []);
  await page.evaluate((base) => { localStorage.removeItem(`folio:${base}:prefs`); localStorage.removeItem(`folio:${base}:library`); }, base);
  await page.close();
});
