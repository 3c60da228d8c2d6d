// Shared set-up for the end-to-end tests: Debian's Chromium driven by
// playwright-core, the site under test at FOLIO_URL (served by `cargo xtask
// test` from the release dist/), and a record of every console error.
import { chromium } from 'playwright-core';
import { mkdirSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

export const SITE = process.env.FOLIO_URL ?? 'http://127.0.0.1:8080/';

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

/// A fresh browser with its own profile directory.
export async function launch() {
  return chromium.launchPersistentContext(mkdtempSync(join(tmpdir(), 'folio-e2e-')), {
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    args: FLAGS,
    headless: true,
  });
}

/// A plain (not persistent) browser, for contexts with other settings
/// (JavaScript off, a fresh profile per test).
export async function launchBrowser() {
  return chromium.launch({ executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium', args: FLAGS, headless: true });
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
  // Content-Security-Policy violations, reported as errors (Chromium also logs them).
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => console.error(`CSP violation: ${e.violatedDirective} ${e.blockedURI}`));
  });
  page.on('requestfailed', (request) => page.problems.push(`request failed: ${request.url()}`));
  page.on('response', (response) => {
    const document = response.request().resourceType() === 'document';
    if (response.status() >= 400 && !(expect404 && document && response.status() === 404)) {
      page.problems.push(`HTTP ${response.status()}: ${response.url()}`);
    }
  });
  return page;
}

/// Waits until the app has taken over the (prerendered) page and moved to
/// the reader's real state (it then sets `<html data-live>`): only then do
/// links navigate inside the app and does leaving not abort its download.
export async function started(page) {
  await page.waitForFunction(() => document.documentElement.hasAttribute('data-live'));
}

/// Saves a screenshot as a test artifact (never committed) to look at.
export async function screenshot(page, name) {
  mkdirSync(ARTIFACTS, { recursive: true });
  await page.screenshot({ path: join(ARTIFACTS, `${name}.png`), fullPage: true });
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
