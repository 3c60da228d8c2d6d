// A generated archive of a few thousand articles (`cargo xtask` builds it
// with `cargo xtask corpus`'s generator): its index is too large for the
// entry to hold, so the engine's worker fetches files a round at a time.
// The answers must be those of the index in memory (written by xtask to
// ARCHIVE_EXPECTED), no file is fetched twice in a visit, an article with
// no page of its own opens at its URL, and a search says so when a file it
// needs cannot be had.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { launch, openPage, required, VIEWPORTS, started } from './browser.mjs';

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
  await page.getByText(/^The search could not be finished: index file d[0-9a-f]+: HTTP 404$/).waitFor();
  // The last list stays, and the engine still answers from what it has.
  assert.equal(await page.locator('#results .card').count(), Math.min(known.total, 20));
  await search(page, known.query);
  await page.getByText(resultsFor(known.total, known.query), { exact: true }).waitFor();
  // The lost file's 404 is the test's doing; nothing else went wrong.
  assert.deepEqual(page.problems.filter((p) => !/^HTTP 404: .*\/index\/d[0-9a-f]+$/.test(p)), []);
  await page.close();
});
