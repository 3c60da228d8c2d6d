// The first screen, in real Chromium at phone and desktop sizes: the bundled
// corpus's article count and titles, and no console errors.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, openPage, SITE, VIEWPORTS } from './browser.mjs';

const TITLES = [
  'The long-lasting conundrum in Tajikistan’s Pamir region',
  'Kazakhstan’s president says order restored after ‘coup attempt’',
  'Extortion of jewelry, cars and money',
  'Arrest of a fugitive driver',
  'Kazakh President Says Week Of Deadly Unrest Was ‘Attempted Coup,’ Without Citing Evidence',
  'CSTO Leaders To Discuss Kazakhstan Crisis In Videoconference',
  'Outrage After Kazakh Officials Portray Kyrgyz Jazz Musician As ‘Foreign Terrorist’',
  'Will The Crisis In Kazakhstan Affect Putin’s Plans For Ukraine?',
  'The contribution of police veterans in educating the younger generation',
];

let context;
before(async () => { context = await launch(); });
after(async () => { await context?.close(); });

for (const [name, viewport] of Object.entries(VIEWPORTS)) {
  test(`home shows the corpus titles (${name})`, async () => {
    const page = await openPage(context, viewport);
    await page.goto(SITE);
    await page.getByText('9 articles').waitFor();
    const titles = await page.getByRole('listitem').allTextContents();
    assert.deepEqual(titles, TITLES);
    assert.deepEqual(page.problems, []);
    await page.close();
  });
}
