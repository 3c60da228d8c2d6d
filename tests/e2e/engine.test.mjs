// The search engine runs in a worker of its own: the page's wasm holds
// neither the index nor the corpus, and without the worker the page cannot
// search. Where the worker cannot load, the reader sees why.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, launchBrowser, openPage, required, started, VIEWPORTS } from './browser.mjs';

const SITE = required('FOLIO_URL');
const url = (path) => new URL(path, SITE).href;

let context;
before(async () => { context = await launch(); });
after(async () => { await context?.close(); });

/// Two frames, for a render that would follow a change to show.
const twoFrames = (page) =>
  page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));

test('search runs in the engine’s worker, and the page’s wasm holds no corpus', async () => {
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

  // The corpus (its words, the gazetteer's names) is in the worker's wasm
  // only. Both are found from the page's loader, as the browser found them.
  const sizes = await page.evaluate(async () => {
    const text = async (path) => new TextDecoder('latin1').decode(await (await fetch(path)).arrayBuffer());
    const loader = [...document.scripts].map((s) => s.textContent).join('\n');
    const pageWasm = loader.match(/folio-web-[0-9a-f]+_bg\.wasm/)[0];
    const engine = loader.match(/folio-worker-[0-9a-f]+\.js/)[0];
    const engineWasm = (await text(engine)).match(/folio-worker-[0-9a-f]+_bg\.wasm/)[0];
    const holds = (bytes) => ({ bytes: bytes.length, corpus: bytes.includes('Toqaev'), places: bytes.includes('Nur-Sultan') });
    return { page: holds(await text(pageWasm)), engine: holds(await text(engineWasm)) };
  });
  assert.deepEqual(
    { page: { ...sizes.page, bytes: undefined }, engine: { ...sizes.engine, bytes: undefined } },
    { page: { bytes: undefined, corpus: false, places: false }, engine: { bytes: undefined, corpus: true, places: true } },
  );
  // The page's wasm is the app around the engine: Yew and the views.
  assert.ok(sizes.page.bytes < 400_000, `${sizes.page.bytes} bytes`);
  assert.deepEqual(page.problems, []);
  await page.close();
});

test('when the engine cannot be loaded, the reader is told, and nothing panics', async () => {
  const browser = await launchBrowser();
  try {
    const page = await openPage(await browser.newContext({ serviceWorkers: 'block' }), VIEWPORTS.phone);
    await page.route(/folio-worker-[0-9a-f]+\.js$/, (route) => route.fulfill({ status: 404, body: '' }));
    await page.goto(url(''));
    await page.getByRole('heading', { name: 'The articles could not be loaded' }).waitFor();
    assert.equal(await page.getByText('The search engine could not be loaded.').count(), 1);
    // The refused engine is the only problem: no panic, no other error.
    const others = page.problems.filter((p) => !/folio-worker-[0-9a-f]+\.js|404|Not Found|module|import|Worker/i.test(p));
    assert.deepEqual(others, []);
  } finally {
    await browser.close();
  }
});
