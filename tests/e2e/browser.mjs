// Shared set-up for the end-to-end tests: Debian's Chromium driven by
// playwright-core, the site under test at FOLIO_URL (served by `cargo xtask
// test` from the release dist/), and a record of every console error.
import { chromium } from 'playwright-core';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

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

/// A fresh browser with its own profile directory.
export async function launch() {
  return chromium.launchPersistentContext(mkdtempSync(join(tmpdir(), 'folio-e2e-')), {
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    args: FLAGS,
    headless: true,
  });
}

/// A page at `viewport` that collects console errors, page errors, failed
/// requests and HTTP errors into `page.problems`.
export async function openPage(context, viewport) {
  const page = await context.newPage();
  await page.setViewportSize(viewport);
  page.problems = [];
  page.on('console', (message) => {
    if (message.type() === 'error') page.problems.push(`console: ${message.text()}`);
  });
  page.on('pageerror', (error) => page.problems.push(`page error: ${error.message}`));
  page.on('requestfailed', (request) => page.problems.push(`request failed: ${request.url()}`));
  page.on('response', (response) => {
    if (response.status() >= 400) page.problems.push(`HTTP ${response.status()}: ${response.url()}`);
  });
  return page;
}
