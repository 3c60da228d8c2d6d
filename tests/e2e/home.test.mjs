// The first screen, in real Chromium at phone and desktop sizes: every
// article of the bundled corpus is listed, newest first, with no console
// errors.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, openPage, required, started, VIEWPORTS } from './browser.mjs';

const SITE = required('FOLIO_URL');

const NEWEST_FIRST = [
  'Kazakh President Says Week Of Deadly Unrest Was ‘Attempted Coup,’ Without Citing Evidence',
  'CSTO Leaders To Discuss Kazakhstan Crisis In Videoconference',
  'Outrage After Kazakh Officials Portray Kyrgyz Jazz Musician As ‘Foreign Terrorist’',
  'Will The Crisis In Kazakhstan Affect Putin’s Plans For Ukraine?',
  'The contribution of police veterans in educating the younger generation',
  'Arrest of a fugitive driver',
  'The long-lasting conundrum in Tajikistan’s Pamir region',
  'Kazakhstan’s president says order restored after ‘coup attempt’',
  'Extortion of jewelry, cars and money',
];

let context;
before(async () => { context = await launch(); });
after(async () => { await context?.close(); });

for (const [name, viewport] of Object.entries(VIEWPORTS)) {
  test(`home lists every article of the corpus (${name})`, async () => {
    const page = await openPage(context, viewport);
    await page.goto(SITE);
    await started(page);
    await page.getByText('9 articles').waitFor();
    const titles = await page.locator('#results .card-title').allTextContents();
    assert.deepEqual(titles, NEWEST_FIRST);
    assert.equal(await page.title(), 'Articles — folio');
    assert.deepEqual(page.problems, []);
    await page.close();
  });
}
