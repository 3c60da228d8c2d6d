// Drives the browser benchmark page in headless Chromium and prints its JSON
// report lines. Usage: node benches/web/run.mjs <page URL with ?corpora=…>
import { launch, openPage, VIEWPORTS } from '../../tests/e2e/browser.mjs';

const url = process.argv[2];
const context = await launch();
try {
  const page = await openPage(context, VIEWPORTS.desktop);
  await page.goto(url);
  await page.locator('#report[data-done]').waitFor({ timeout: 600_000 });
  console.log(await page.locator('#report').textContent());
  if (page.problems.length) console.error(page.problems.join('\n'));
} finally {
  await context.close();
}
