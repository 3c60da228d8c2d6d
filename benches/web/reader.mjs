// Measures the reader as a phone would feel it: in headless Chromium with
// the CPU slowed down 4x, the time from navigation to the first list painted
// (the prerendered page), to the app being live (`<html data-live>`), the
// longest task until then (how long the page could not answer a tap while
// the app started), a cold search (the first query pasted whole, nothing of
// the index fetched yet) until its results are painted, and from each
// keystroke to its results painted (typing queries letter by letter, once
// live). Results count as painted once the list is no longer `aria-busy`
// (the engine's answer is in) and a frame has followed. It also reports what
// the page and its engine's worker fetched to start (the first visit's
// bytes: bodies as sent, headers included; the engine may still be loading
// when the page is live, and a search typed then waits for it) and for the cold
// search (bytes, files, and rounds: a request that starts once an earlier
// one of the search has come back begins a new round, which is telling on
// Slow 4G, where a round trip takes 150 ms), and the worker's
// memory once the queries are typed (its wasm memory and its JavaScript
// heap, read over the DevTools protocol). Then, on home, the newest three
// bars of the whole archive's timeline chosen in turn, each until its
// list is painted (`timeline_pick_ms`).
// Usage: node benches/web/reader.mjs <site URL> <label>
// A slow network is the server's to make (`cargo xtask bench --scale`
// serves one): Chromium's emulation would not slow the service worker,
// which fetches the index's files once it controls the page.
import { launch, openPage, VIEWPORTS } from '../../tests/e2e/browser.mjs';

const [url, label] = process.argv.slice(2);
const QUERIES = ['tokayev', 'kazakhstan fuel', 'kyrgyz jazz', 'putin -ukraine', 'nazarbaev'];

// In the page: the first time the list appears, and for each input event
// the time until the next frame is painted (an animation frame, plus a task
// so the paint has happened).
const INSTRUMENT = () => {
  let wentLive;
  window.__folio = { firstList: null, live: null, longestTask: 0, keystrokes: [], picks: [], wentLive: new Promise((resolve) => { wentLive = resolve; }) };
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
      wentLive();
    }
  }).observe(document, { childList: true, subtree: true, attributes: true, attributeFilter: ['data-live'] });
  // Yew renders in a microtask after the input event, so by the next frame
  // the list is busy (the engine works on it) or already shows the answer.
  // The same for a bar chosen on the timeline.
  const measure = (samples) => () => {
    const since = performance.now();
    const done = () => painted(since, (t) => samples.push(t));
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
  };
  document.addEventListener('input', measure(window.__folio.keystrokes), true);
  const picked = measure(window.__folio.picks);
  document.addEventListener('click', (event) => { if (event.target.closest('.timeline a')) picked(); }, true);
};

/// Every request that reaches the network from the context (the page, its
/// engine's worker, the service worker), once finished: when it started and
/// ended (ms since the epoch) and the bytes it took. A request the service
/// worker answers is not one: what the service worker itself fetched for
/// it is. `requests.settled()` waits for the sizes of those finished so far.
function recordRequests(context) {
  const requests = [];
  const reading = new Set();
  requests.settled = () => Promise.all(reading);
  const recorded = async (request) => {
    const response = await request.response();
    if (!response || response.fromServiceWorker()) return;
    const timing = request.timing();
    const sizes = await request.sizes();
    requests.push({
      url: request.url(),
      // Chromium names the service worker that made a request.
      bySW: Boolean(request.serviceWorker?.()),
      start: timing.startTime,
      end: timing.startTime + timing.responseEnd,
      bytes: sizes.responseBodySize + sizes.responseHeadersSize,
    });
  };
  context.on('requestfinished', (request) => {
    const read = recorded(request);
    reading.add(read);
    read.then(() => reading.delete(read));
  });
  return requests;
}

/// What `requests` (of one search) took: bytes, files and rounds.
function fetched(requests) {
  const sorted = [...requests].sort((a, b) => a.start - b.start);
  let rounds = 0;
  let firstBack = -Infinity;
  for (const request of sorted) {
    if (rounds === 0 || request.start >= firstBack) {
      rounds += 1;
      firstBack = Infinity;
    }
    firstBack = Math.min(firstBack, request.end);
  }
  const bytes = sorted.reduce((sum, request) => sum + request.bytes, 0);
  return { bytes, files: sorted.length, rounds };
}

/// A DevTools session into each dedicated worker the page starts, to read
/// its memory: `memory()` gives the bytes of its wasm memories plus its
/// JavaScript heap.
async function watchWorkers(cdp) {
  const sessions = [];
  const waiting = new Map();
  let next = 1;
  cdp.on('Target.attachedToTarget', (event) => {
    if (event.targetInfo.type === 'worker') sessions.push(event.sessionId);
  });
  cdp.on('Target.receivedMessageFromTarget', (event) => {
    const message = JSON.parse(event.message);
    waiting.get(message.id)?.(message.result);
    waiting.delete(message.id);
  });
  const call = (sessionId, method, params = {}) => new Promise((resolve) => {
    const id = next++;
    waiting.set(id, resolve);
    cdp.send('Target.sendMessageToTarget', { sessionId, message: JSON.stringify({ id, method, params }) });
  });
  await cdp.send('Target.setAutoAttach', { autoAttach: true, waitForDebuggerOnStart: false, flatten: false });
  return async () => {
    let bytes = 0;
    for (const session of sessions) {
      const prototype = await call(session, 'Runtime.evaluate', { expression: 'WebAssembly.Memory.prototype' });
      const memories = await call(session, 'Runtime.queryObjects', { prototypeObjectId: prototype.result.objectId });
      const wasm = await call(session, 'Runtime.callFunctionOn', {
        objectId: memories.objects.objectId,
        functionDeclaration: 'function () { return this.reduce((sum, memory) => sum + memory.buffer.byteLength, 0); }',
        returnByValue: true,
      });
      const heap = await call(session, 'Runtime.getHeapUsage');
      bytes += wasm.result.value + heap.usedSize;
    }
    return bytes;
  };
}

/// Waits for `condition` in the page; past two minutes, fails saying what
/// the page showed and what it still waited for, not only that it timed
/// out (two runs at 100,000 articles did, and were not seen again).
async function waitFor(page, condition, arg) {
  try {
    await page.waitForFunction(condition, arg, { timeout: 120_000 });
  } catch (error) {
    const status = await page.getByRole('status').allInnerTexts().catch(() => []);
    throw new Error(`${error.message}\nstatus: ${JSON.stringify(status)}\nproblems: ${JSON.stringify(page.problems)}\nawaiting: ${JSON.stringify([...page.pending])}`);
  }
}

const context = await launch();
try {
  const page = await openPage(context, VIEWPORTS.phone);
  const requests = recordRequests(context);
  const cdp = await page.context().newCDPSession(page);
  const workerMemory = await watchWorkers(cdp);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
  await page.addInitScript(INSTRUMENT);
  await page.goto(url);
  // Waited for over the DevTools protocol, so that nothing of the
  // benchmark runs in the page while the app starts: Playwright's own
  // waiting (`waitForFunction`) first evaluates its injected script there
  // (a task of 60 to 200 ms at 4x in traces), then polls every frame.
  // Interleaved runs measured the two ways alike (README, Benchmarks).
  await cdp.send('Runtime.evaluate', { expression: 'window.__folio.wentLive', awaitPromise: true });
  await waitFor(page, () => window.__folio.firstList > 0, null);
  const { firstList, live, longestTask } = await page.evaluate(() => {
    const { firstList, live, longestTask } = window.__folio;
    return { firstList, live, longestTask };
  });
  const search = page.getByRole('searchbox', { name: 'Search articles' });
  const searchedAt = Date.now();
  await search.fill(QUERIES[0]);
  await waitFor(page, () => window.__folio.keystrokes.length > 0, null);
  const [coldSearch] = await page.evaluate(() => window.__folio.keystrokes.splice(0));
  await requests.settled();
  // The search's own files: the service worker, installing meanwhile,
  // fetches the app's files and the index's entry.
  const searchFile = (request) => request.url.includes('/index/') && !request.url.endsWith('/index/entry');
  const cold = fetched(requests.filter((request) => request.start >= searchedAt && searchFile(request)));
  // The first visit: what the page and its engine fetched to start (the
  // engine's wasm and the index's entry may come after the page is live),
  // but not the files of that search, nor what the service worker fetched
  // to keep the app offline.
  const firstVisit = fetched(requests.filter((request) => !request.bySW && !searchFile(request)));
  for (const query of QUERIES) {
    await search.fill('');
    for (const letter of query) {
      const before = await page.evaluate(() => window.__folio.keystrokes.length);
      await search.press(letter === ' ' ? 'Space' : letter);
      await waitFor(page, (n) => window.__folio.keystrokes.length > n, before);
    }
  }
  const samples = (await page.evaluate(() => window.__folio.keystrokes)).sort((a, b) => a - b);
  // The timeline of the whole archive (home): its newest three bars chosen
  // in turn, each to its list painted.
  await search.fill('');
  await waitFor(page, () => document.querySelector('.timeline a') && document.querySelector('.results').getAttribute('aria-busy') !== 'true', null);
  const bars = page.locator('.timeline a');
  const timelineBars = await bars.count();
  for (let i = 1; i <= 3; i++) {
    const before = await page.evaluate(() => window.__folio.picks.length);
    await bars.nth(timelineBars - i).click();
    await waitFor(page, (n) => window.__folio.picks.length > n, before);
  }
  const picks = await page.evaluate(() => window.__folio.picks.map(Math.round));
  const at = (q) => samples[Math.round((samples.length - 1) * q)];
  console.log(JSON.stringify({
    label,
    first_list_ms: Math.round(firstList),
    live_ms: Math.round(live),
    first_visit_kb: +(firstVisit.bytes / 1e3).toFixed(1),
    longest_task_ms: Math.round(longestTask),
    cold_search_ms: Math.round(coldSearch),
    cold_rounds: cold.rounds,
    cold_files: cold.files,
    cold_kb: +(cold.bytes / 1e3).toFixed(1),
    keystrokes: samples.length,
    p50_ms: +at(0.5).toFixed(1),
    p95_ms: +at(0.95).toFixed(1),
    max_ms: +at(1).toFixed(1),
    timeline_bars: timelineBars,
    timeline_pick_ms: picks,
    worker_mb: +((await workerMemory()) / 1e6).toFixed(1),
  }));
} finally {
  await context.close();
}
