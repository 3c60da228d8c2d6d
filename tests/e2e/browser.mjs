// Shared set-up for the end-to-end tests: Debian's Chromium or Firefox ESR
// (FOLIO_BROWSER) driven by playwright-core, the site under test at FOLIO_URL
// (served by `cargo xtask test` from the release dist/), and a record of
// every console error. The same tests run in both browsers.
import { chromium, firefox } from 'playwright-core';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createHash } from 'node:crypto';

/// An environment variable the tests need. Missing, it fails the run with
/// the way to run them: a test that skipped itself would pass having tested
/// nothing.
export function required(name) {
  const value = process.env[name];
  if (!value) {
    throw new Error(`${name} is not set: run the end-to-end tests with \`cargo xtask test\` (or \`cargo xtask e2e\`), which builds and serves the sites they test`);
  }
  return value;
}

/// `chromium` or `firefox`.
export const BROWSER = required('FOLIO_BROWSER');

export const VIEWPORTS = {
  phone: { width: 360, height: 740 },
  desktop: { width: 1280, height: 800 },
};

const FLAGS = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
  '--disable-dev-shm-usage',
];

const HERE = dirname(fileURLToPath(import.meta.url));
const ARTIFACTS = join(HERE, 'artifacts');

/// How each browser is started: Debian's own builds, never a download.
/// Firefox is driven over WebDriver BiDi (Playwright's `moz-` channels), so
/// the stock Firefox ESR works, without Playwright's patched build.
const ENGINES = {
  chromium: () => [chromium, { executablePath: required('CHROMIUM'), args: FLAGS, headless: true }],
  firefox: () => [firefox, { channel: 'moz-firefox', executablePath: required('FIREFOX'), headless: true }],
};

function engine() {
  const start = ENGINES[BROWSER];
  if (!start) throw new Error(`FOLIO_BROWSER is ${BROWSER}: it is chromium or firefox`);
  return start();
}

/// A fresh browser with its own profile directory. With `typingInFrames`,
/// the tests type into a frame from another origin: Playwright sends BiDi
/// input to the top-level page, which Firefox does not pass on into a
/// frame that runs in a process of its own, so for these tests Firefox
/// keeps every frame in the page's process (`fission.autostart`). What
/// folio does in the frame is the same; only the tool's keys arrive.
export async function launch({ typingInFrames = false } = {}) {
  const [type, options] = engine();
  if (BROWSER === 'firefox') {
    // Over BiDi, a persistent context never gets its session from Firefox
    // ESR 153 (it times out); one context of a plain browser keeps storage
    // and the service worker across a test file's pages just as well.
    const downloads = mkdtempSync(join(tmpdir(), 'folio-downloads-'));
    const firefoxUserPrefs = {
      'browser.download.dir': downloads,
      'browser.download.folderList': 2,
      ...(typingInFrames ? { 'fission.autostart': false } : {}),
    };
    const browser = await type.launch({ ...options, firefoxUserPrefs });
    const context = await browser.newContext();
    context.downloads = downloads;
    return closingItsBrowser(context, browser);
  }
  return type.launchPersistentContext(mkdtempSync(join(tmpdir(), 'folio-e2e-')), options);
}

/// The file that `action` makes the page download, as text. Over BiDi,
/// Firefox ESR 153 saves the file but Playwright never hears of it (no
/// `download` event), so there the file is read from the profile's
/// download directory once it is complete.
export async function downloaded(page, action) {
  if (BROWSER !== 'firefox') {
    const [download] = await Promise.all([page.waitForEvent('download'), action()]);
    return Buffer.concat(await (await download.createReadStream()).toArray()).toString();
  }
  const dir = page.context().downloads;
  const before = new Set(readdirSync(dir));
  await action();
  for (let tries = 0; tries < 100; tries++) {
    const done = readdirSync(dir).filter((name) => !before.has(name) && !name.endsWith('.part'));
    if (done.length > 0) return readFileSync(join(dir, done[0]), 'utf8');
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`no file was downloaded into ${dir} within 10 s`);
}

/// A plain (not persistent) browser, for contexts with other settings
/// (a fresh profile per test).
export async function launchBrowser() {
  const [type, options] = engine();
  return type.launch(options);
}

/// A browser context whose pages run no script, as a reader with
/// JavaScript turned off sees them. Over BiDi, Playwright has no switch for
/// it (`javaScriptEnabled` is ignored, and the page would quietly run), so
/// Firefox gets its own preference, which also makes `(scripting: none)`
/// match. Closing the context closes its browser.
export async function launchWithoutJavaScript() {
  const [type, options] = engine();
  const firefoxUserPrefs = BROWSER === 'firefox' ? { 'javascript.enabled': false } : undefined;
  const browser = await type.launch({ ...options, firefoxUserPrefs });
  return closingItsBrowser(await browser.newContext({ javaScriptEnabled: false }), browser);
}

/// `context`, whose `close` closes the browser it is the only context of.
function closingItsBrowser(context, browser) {
  const close = context.close.bind(context);
  context.close = async () => { await close(); await browser.close(); };
  return context;
}

/// A page at `viewport` that collects console errors, page errors, failed
/// requests and HTTP errors into `page.problems`. With `expect404`, the
/// not-found page's own 404 is expected and not a problem.
export async function openPage(context, viewport, { expect404 = false, colorScheme = 'light' } = {}) {
  const page = await context.newPage();
  await page.setViewportSize(viewport);
  await page.emulateMedia({ colorScheme });
  page.problems = [];
  const expected = (text) => expect404 && /status of 404/.test(text);
  page.on('console', (message) => {
    if (message.type() === 'error' && !expected(message.text())) page.problems.push(`console: ${message.text()}`);
  });
  page.on('pageerror', (error) => page.problems.push(`page error: ${error.message}`));
  // Anything by which a planted payload would show that it ran is a
  // problem: a dialog (alert, confirm, prompt), a Content-Security-Policy
  // violation (an inline script or handler that was blocked), or a call of
  // the canary that the hostile corpus and URLs carry in their payloads.
  page.on('dialog', (dialog) => {
    page.problems.push(`dialog: ${dialog.type()} ${dialog.message()}`);
    dialog.dismiss().catch(() => {});
  });
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => console.error(`CSP violation: ${e.violatedDirective} ${e.blockedURI}`));
    window.folioCanary = (what) => console.error(`payload ran: ${what}`);
  });
  page.on('requestfailed', (request) => page.problems.push(`request failed: ${request.url()}`));
  // Requests asked for and not yet answered, named when the app fails to start.
  page.pending = new Set();
  page.on('request', (request) => page.pending.add(request.url()));
  page.on('requestfinished', (request) => page.pending.delete(request.url()));
  page.on('requestfailed', (request) => page.pending.delete(request.url()));
  page.on('response', (response) => {
    const document = response.request().resourceType() === 'document';
    if (response.status() >= 400 && !(expect404 && document && response.status() === 404)) {
      page.problems.push(`HTTP ${response.status()}: ${response.url()}`);
    }
  });
  return page;
}

/// Holds back `page`'s requests matching `pattern` until `release()`;
/// `asked()` says whether one came meanwhile.
export async function holdBack(page, pattern) {
  let release;
  const held = new Promise((resolve) => { release = resolve; });
  let asked = false;
  await page.route(pattern, async (route) => {
    asked = true;
    await held;
    await route.continue();
  });
  return { release, asked: () => asked };
}

/// Waits until the app has taken over the (prerendered) page and moved to
/// the reader's real state (it then sets `<html data-live>`): only then do
/// links navigate inside the app and does leaving not abort its download.
export async function started(page) {
  try {
    await page.waitForFunction(() => document.documentElement.hasAttribute('data-live'));
  } catch (error) {
    const pending = [...(page.pending ?? [])].join(', ') || 'none';
    throw new Error(`the app did not start: ${error.message}\nrequests still pending: ${pending}\nproblems: ${JSON.stringify(page.problems ?? [])}`);
  }
}

/// Waits until the service worker is installed and controls `page`.
export async function controlled(page) {
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
    if (!navigator.serviceWorker.controller) {
      await new Promise((resolve) => navigator.serviceWorker.addEventListener('controllerchange', resolve));
    }
  });
}

/// Saves a screenshot as a test artifact (never committed) to look at.
export async function screenshot(page, name) {
  mkdirSync(ARTIFACTS, { recursive: true });
  // `caret: 'initial'`: hiding the caret means a style element, which the page's CSP rightly blocks in Firefox.
  const before = page.problems.length;
  await page.screenshot({ path: join(ARTIFACTS, `${name}.png`), fullPage: true, caret: 'initial' });
  if (BROWSER === 'firefox') await forgetScreenshotStyle(page, before);
}

/// Over BiDi, Playwright adds (and removes) a `<style>body {}</style>` before
/// each screenshot to sync animations, and the page's CSP blocks it, as it
/// must. That style is the test tool's, not the page's: its two reports, the
/// page error naming its hash and our listener's line, are dropped. Any
/// other problem stays.
const SCREENSHOT_STYLE = `'sha256-${createHash('sha256').update('body {}').digest('base64')}'`;

async function forgetScreenshotStyle(page, before) {
  const own = (problem) => problem.startsWith('page error:') && problem.includes(SCREENSHOT_STYLE);
  // Both reports arrive as events after the screenshot: give them a frame.
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve))));
  const fresh = page.problems.splice(before);
  let blocked = fresh.filter(own).length;
  page.problems.push(...fresh.filter((problem) => {
    if (own(problem)) return false;
    if (blocked > 0 && problem === 'console: CSP violation: style-src-elem inline') { blocked -= 1; return false; }
    return true;
  }));
}

const AXE = readFileSync(join(HERE, '../../node_modules/axe-core/axe.min.js'), 'utf8');

/// The WCAG 2.2 AA violations axe-core finds on the page, as "rule: targets".
export async function axeViolations(page) {
  await page.evaluate(AXE);
  const violations = await page.evaluate(async () => {
    const result = await window.axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'] },
    });
    return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')}`);
  });
  return violations;
}
