// The search engine runs in a worker of its own: the page's wasm holds
// neither the index nor the corpus (nor does the worker's: the index is
// fetched), and without the worker the page cannot search. A prerendered page
// hydrates from the answers it carries, without waiting for the worker;
// where the worker cannot load, a search says why.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { holdBack, launch, launchBrowser, openPage, required, started, VIEWPORTS } from './browser.mjs';

const SITE = required('FOLIO_URL');
const url = (path) => new URL(path, SITE).href;

let context;
before(async () => { context = await launch(); });
after(async () => { await context?.close(); });

/// Two frames, for a render that would follow a change to show.
const twoFrames = (page) =>
  page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));

test('search runs in the engine’s worker, and no wasm holds the corpus', async () => {
  const page = await openPage(context, VIEWPORTS.desktop);
  await page.goto(url(''));
  await started(page);
  assert.equal(await page.evaluate(() => window.folioEngine?.worker instanceof Worker), true);
  const box = page.getByRole('searchbox', { name: 'Search articles' });
  await box.fill('Panjakent');
  await page.getByText('1 result for “Panjakent”').waitFor();

  // Without its worker, the page cannot search: the URL follows the new
  // query, but the list keeps the last answer.
  await page.evaluate(() => window.folioEngine.worker.terminate());
  await box.fill('Toqaev');
  await page.waitForURL((address) => address.searchParams.get('q') === 'Toqaev');
  await twoFrames(page);
  assert.equal(await page.getByRole('status').textContent(), '1 result for “Panjakent”');
  assert.equal(await page.locator('#results .card').count(), 1);

  // Neither wasm holds the corpus: it is in the index's files, which
  // `cargo xtask dist` stores gzipped (the seed's whole index in its
  // entry). The gazetteer's names (Astana's old name, which no seed
  // article has) are in the engine's wasm only. All are
  // found from the page's loader, as the browser found them.
  const sizes = await page.evaluate(async () => {
    const bytes = async (path) => (await fetch(path)).arrayBuffer();
    const text = (buffer) => new TextDecoder('latin1').decode(buffer);
    const gunzipped = async (buffer) =>
      new Response(new Blob([buffer]).stream().pipeThrough(new DecompressionStream('gzip'))).arrayBuffer();
    const loader = [...document.scripts].map((s) => s.textContent).join('\n');
    const pageWasm = loader.match(/folio-web-[0-9a-f]+_bg\.wasm/)[0];
    const engine = loader.match(/folio-worker-[0-9a-f]+\.js/)[0];
    const engineWasm = text(await bytes(engine)).match(/folio-worker-[0-9a-f]+_bg\.wasm/)[0];
    const holds = (buffer) => {
      const content = text(buffer);
      return { bytes: buffer.byteLength, corpus: content.includes('Toqaev'), places: content.includes('Tselinograd') };
    };
    return {
      page: holds(await bytes(pageWasm)),
      engine: holds(await bytes(engineWasm)),
      index: holds(await gunzipped(await bytes('index/entry'))),
    };
  });
  const held = ({ corpus, places }) => ({ corpus, places });
  assert.deepEqual(
    { page: held(sizes.page), engine: held(sizes.engine), index: sizes.index.corpus },
    { page: { corpus: false, places: false }, engine: { corpus: false, places: true }, index: true },
  );
  // The page's wasm is the app around the engine: Yew and the views.
  assert.ok(sizes.page.bytes < 400_000, `${sizes.page.bytes} bytes`);
  assert.deepEqual(page.problems, []);
  await page.close();
});

test('a prerendered page goes live before its engine has loaded, and a search typed meanwhile is answered once it has', async () => {
  const browser = await launchBrowser();
  try {
    const page = await openPage(await browser.newContext({ serviceWorkers: 'block' }), VIEWPORTS.phone);
    // The engine's script is held back until the page is live.
    const engine = await holdBack(page, /folio-worker-[0-9a-f]+\.js$/);
    await page.goto(url(''));
    await started(page);
    assert.equal(engine.asked(), true);
    // Hydrated from the answers the page carries: the list, its count and
    // its filters, live, with no engine yet.
    assert.equal(await page.getByRole('status').textContent(), '9 articles');
    assert.equal(await page.locator('#results .card').count(), 9);
    const box = page.getByRole('searchbox', { name: 'Search articles' });
    await box.fill('Toqaev');
    await page.waitForURL((address) => address.searchParams.get('q') === 'Toqaev');
    await twoFrames(page);
    assert.equal(await page.locator('.results').getAttribute('aria-busy'), 'true');
    assert.equal(await page.getByRole('status').textContent(), '9 articles');
    engine.release();
    await page.getByText('4 results for “Toqaev”').waitFor();
    assert.equal(await page.locator('#results .card').count(), 4);
    assert.deepEqual(page.problems, []);
  } finally {
    await browser.close();
  }
});

test('when the engine cannot be loaded, the page stays readable, a search says why, and nothing panics', async () => {
  const browser = await launchBrowser();
  try {
    const page = await openPage(await browser.newContext({ serviceWorkers: 'block' }), VIEWPORTS.phone);
    await page.route(/folio-worker-[0-9a-f]+\.js$/, (route) => route.fulfill({ status: 404, body: '' }));
    await page.goto(url(''));
    await started(page);
    assert.equal(await page.locator('#results .card').count(), 9);
    await page.getByRole('searchbox', { name: 'Search articles' }).fill('Toqaev');
    await page.getByText('The search could not be finished: The search engine could not be loaded.').waitFor();
    // The last list stays under the message.
    assert.equal(await page.locator('#results .card').count(), 9);
    // The refused engine is the only problem: no panic, no other error.
    const others = page.problems.filter((p) => !/folio-worker-[0-9a-f]+\.js|404|Not Found|module|import|Worker/i.test(p));
    assert.deepEqual(others, []);
  } finally {
    await browser.close();
  }
});
