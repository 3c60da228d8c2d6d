// Measures the reader as a phone would feel it: in headless Chromium with
// the CPU slowed down 4x, the time from navigation to the first list painted
// (the prerendered page), to the app being live (`<html data-live>`), the
// longest task until then (how long the page could not answer a tap while
// the app started), a cold search (the first query pasted whole, nothing of
// the index fetched yet) until its results are painted, and from each
// keystroke to its results painted (typing queries letter by letter, once
// live). Results count as painted once the list is no longer `aria-busy`
// (the engine's answer is in) and a frame has followed.
// Usage: node benches/web/reader.mjs <site URL> <label>
// With FOLIO_NETWORK=slow4g, the network is Lighthouse's Slow 4G: 150 ms
// round trips, 1.6 Mbps down, 750 kbps up.
import { launch, openPage, VIEWPORTS } from '../../tests/e2e/browser.mjs';

const [url, label] = process.argv.slice(2);
const QUERIES = ['tokayev', 'kazakhstan fuel', 'kyrgyz jazz', 'putin -ukraine', 'nazarbaev'];

// In the page: the first time the list appears, and for each input event
// the time until the next frame is painted (an animation frame, plus a task
// so the paint has happened).
const INSTRUMENT = () => {
  window.__folio = { firstList: null, live: null, longestTask: 0, keystrokes: [] };
  new PerformanceObserver((list) => {
    for (const task of list.getEntries()) {
      if (window.__folio.live === null) window.__folio.longestTask = Math.max(window.__folio.longestTask, task.duration);
    }
  }).observe({ type: 'longtask', buffered: true });
  const painted = (since, done) => requestAnimationFrame(() => setTimeout(() => done(performance.now() - since)));
  new MutationObserver(() => {
    if (window.__folio.firstList === null && document.querySelector('#results .card')) {
      window.__folio.firstList = -1;
      painted(0, (t) => { window.__folio.firstList = t; });
    }
    if (window.__folio.live === null && document.documentElement.hasAttribute('data-live')) {
      window.__folio.live = performance.now();
    }
  }).observe(document, { childList: true, subtree: true, attributes: true, attributeFilter: ['data-live'] });
  // Yew renders in a microtask after the input event, so by the next frame
  // the list is busy (the engine works on it) or already shows the answer.
  document.addEventListener('input', () => {
    const since = performance.now();
    const done = () => painted(since, (t) => window.__folio.keystrokes.push(t));
    requestAnimationFrame(() => {
      const results = document.querySelector('.results');
      if (!results || results.getAttribute('aria-busy') !== 'true') return done();
      const watch = new MutationObserver(() => {
        if (results.getAttribute('aria-busy') !== 'true') {
          watch.disconnect();
          done();
        }
      });
      watch.observe(results, { attributes: true, attributeFilter: ['aria-busy'] });
    });
  }, true);
};

const context = await launch();
try {
  const page = await openPage(context, VIEWPORTS.phone);
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
  if (process.env.FOLIO_NETWORK === 'slow4g') {
    await cdp.send('Network.enable');
    await cdp.send('Network.emulateNetworkConditions', {
      offline: false,
      latency: 150,
      downloadThroughput: (1.6 * 1024 * 1024) / 8,
      uploadThroughput: (750 * 1024) / 8,
    });
  }
  await page.addInitScript(INSTRUMENT);
  await page.goto(url);
  await page.waitForFunction(() => window.__folio.firstList > 0, null, { timeout: 120_000 });
  await page.waitForFunction(() => window.__folio.live !== null, null, { timeout: 120_000 });
  const { firstList, live, longestTask } = await page.evaluate(() => window.__folio);
  const search = page.getByRole('searchbox', { name: 'Search articles' });
  await search.fill(QUERIES[0]);
  await page.waitForFunction(() => window.__folio.keystrokes.length > 0, null, { timeout: 120_000 });
  const [coldSearch] = await page.evaluate(() => window.__folio.keystrokes.splice(0));
  for (const query of QUERIES) {
    await search.fill('');
    for (const letter of query) {
      const before = await page.evaluate(() => window.__folio.keystrokes.length);
      await search.press(letter === ' ' ? 'Space' : letter);
      await page.waitForFunction((n) => window.__folio.keystrokes.length > n, before, { timeout: 120_000 });
    }
  }
  const samples = (await page.evaluate(() => window.__folio.keystrokes)).sort((a, b) => a - b);
  const at = (q) => samples[Math.round((samples.length - 1) * q)];
  console.log(JSON.stringify({
    label,
    first_list_ms: Math.round(firstList),
    live_ms: Math.round(live),
    longest_task_ms: Math.round(longestTask),
    cold_search_ms: Math.round(coldSearch),
    keystrokes: samples.length,
    p50_ms: +at(0.5).toFixed(1),
    p95_ms: +at(0.95).toFixed(1),
    max_ms: +at(1).toFixed(1),
  }));
} finally {
  await context.close();
}
