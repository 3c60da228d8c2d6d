// The reader, as a reader uses it, in real Chromium at phone and desktop
// sizes: elements are found by role and label, as a screen reader would.
// Every test ends by checking that nothing was logged as an error.
import { test, before, after, describe } from 'node:test';
import assert from 'node:assert/strict';
import { axeViolations, downloaded, launch, launchBrowser, openPage, required, screenshot, started, VIEWPORTS } from './browser.mjs';

const SITE = required('FOLIO_URL');

const SLUG = 'will-the-crisis-in-kazakhstan-affect-putins-plans-for-ukraine';
const TITLE = 'Will The Crisis In Kazakhstan Affect Putin’s Plans For Ukraine?';
const TOQAEV = [
  'Kazakhstan’s president says order restored after ‘coup attempt’',
  'Kazakh President Says Week Of Deadly Unrest Was ‘Attempted Coup,’ Without Citing Evidence',
  'Outrage After Kazakh Officials Portray Kyrgyz Jazz Musician As ‘Foreign Terrorist’',
  TITLE,
];

const CSTO = 'CSTO Leaders To Discuss Kazakhstan Crisis In Videoconference';

let context;
before(async () => { context = await launch(); });
after(async () => { await context?.close(); });

const url = (path) => new URL(path, SITE).href;
const searchBox = (page) => page.getByRole('searchbox', { name: 'Search articles' });
const status = (page) => page.getByRole('status').first();
const heading = (page) => page.getByRole('heading', { level: 1 });
const resultTitles = (page) => page.locator('#results .card-title').allTextContents();

async function ready(page, path = '') {
  await page.goto(url(path));
  await heading(page).waitFor();
  await started(page);
}

async function openFilters(page, name) {
  if (name === 'phone') await page.getByRole('button', { name: /^Filters/ }).click();
}

for (const [name, viewport] of Object.entries(VIEWPORTS)) {
  describe(`reader at ${name} size (${viewport.width}x${viewport.height})`, () => {
    test('typing a query shows the right articles on every keystroke', async () => {
      const page = await openPage(context, viewport);
      await ready(page);
      await assert.equal(await status(page).textContent(), '9 articles');
      await screenshot(page, `${name}-home`);
      await searchBox(page).pressSequentially('Toqaev', { delay: 20 });
      await page.getByText('4 results for “Toqaev”').waitFor();
      assert.deepEqual((await resultTitles(page)).sort(), [...TOQAEV].sort());
      assert.equal(new URL(page.url()).searchParams.get('q'), 'Toqaev');
      // The first result wrote it Tokayev: the match is marked all the same.
      assert.ok((await page.locator('#results mark').allTextContents()).includes('Tokayev'));
      await screenshot(page, `${name}-results`);
      assert.deepEqual(page.problems, []);
      await page.close();
    });

    test('a search typed on an article page keeps every letter in the box', async () => {
      const page = await openPage(context, viewport);
      await ready(page, `articles/${SLUG}/`);
      // The first letter brings the list; the rest must follow it.
      await searchBox(page).pressSequentially('jazz', { delay: 20 });
      await page.getByText('1 result for “jazz”').waitFor();
      assert.equal(await searchBox(page).inputValue(), 'jazz');
      assert.equal(await page.evaluate(() => document.activeElement.id), 'search');
      assert.deepEqual(page.problems, []);
      await page.close();
    });

    test('a filter combines with a query, and its chip removes it', async () => {
      const page = await openPage(context, viewport);
      await ready(page, '?q=Toqaev');
      await page.getByText('4 results for “Toqaev”').waitFor();
      await openFilters(page, name);
      await page.getByRole('checkbox', { name: /^RFE\/RL/ }).check();
      await page.getByText('3 results for “Toqaev”').waitFor();
      if (name === 'phone') await page.getByRole('button', { name: 'Done' }).click();
      assert.equal(new URL(page.url()).searchParams.get('publisher'), 'RFE/RL');
      assert.equal((await resultTitles(page)).length, 3);
      await screenshot(page, `${name}-filtered`);
      await page.getByRole('button', { name: 'Remove filter RFE/RL' }).click();
      await page.getByText('4 results for “Toqaev”').waitFor();
      assert.deepEqual(page.problems, []);
      await page.close();
    });

    test('the people named are a filter with counts, kept in the URL, and a chip removes it', async () => {
      const page = await openPage(context, viewport);
      await ready(page, '?q=kazakhstan');
      await page.getByText('5 results for “kazakhstan”').waitFor();
      await openFilters(page, name);
      const people = page.getByRole('group', { name: 'People' });
      const labels = await people.locator('label').allTextContents();
      assert.deepEqual(labels.slice(0, 3), ['Qasym-Zhomart Toqaev (4)', 'Vladimir Putin (3)', 'Angela Stent (1)']);
      await people.getByRole('checkbox', { name: 'Vladimir Putin (3)' }).check();
      await page.getByText('3 results for “kazakhstan”').waitFor();
      if (name === 'phone') await page.getByRole('button', { name: 'Done' }).click();
      assert.equal(new URL(page.url()).searchParams.get('person'), 'Vladimir Putin');
      assert.deepEqual((await resultTitles(page)).sort(), [CSTO, TOQAEV[1], TITLE].sort());
      await page.reload();
      await page.getByText('3 results for “kazakhstan”').waitFor();
      await page.getByRole('button', { name: 'Remove filter Vladimir Putin' }).click();
      await page.getByText('5 results for “kazakhstan”').waitFor();
      assert.equal(new URL(page.url()).searchParams.get('person'), null);
      assert.deepEqual(page.problems, []);
      await page.close();
    });

    test('the timeline selects a day, a range by keyboard and by dragging, each a chip kept in the URL', async () => {
      const page = await openPage(context, viewport);
      await ready(page);
      const chart = page.getByRole('list', { name: 'Articles per day' });
      const bars = () => chart.getByRole('link').evaluateAll((links) => links.map((a) => a.getAttribute('aria-label')));
      const dates = () => new URL(page.url()).searchParams.get('dates');
      const shown = async (text) => {
        await page.getByRole('status').getByText(text, { exact: true }).waitFor();
      };
      // The seed's dated articles: one on 8 January 2022, five on the 10th.
      assert.deepEqual(await bars(), ['8 January 2022: 1 article', '10 January 2022: 5 articles']);
      const first = chart.getByRole('link', { name: '8 January 2022: 1 article' });
      const last = chart.getByRole('link', { name: '10 January 2022: 5 articles' });
      await first.click();
      await shown('1 article of 9');
      assert.equal(dates(), '2022-01-08');
      assert.deepEqual(await resultTitles(page), ['Arrest of a fugitive driver']);
      // The other bar is still there to choose: the timeline leaves out its own filter.
      assert.deepEqual(await bars(), ['8 January 2022: 1 article', '10 January 2022: 5 articles']);
      assert.equal(await first.getAttribute('aria-current'), 'true');
      assert.equal(await last.getAttribute('aria-current'), null);
      // By keyboard: the chosen bar is the one tab stop; the arrow moves on,
      // and Shift with Enter widens the dates to that bar.
      assert.deepEqual(await chart.getByRole('link').evaluateAll((links) => links.map((a) => a.getAttribute('tabindex'))), ['0', '-1']);
      await first.focus();
      await page.keyboard.press('ArrowRight');
      assert.equal(await page.evaluate(() => document.activeElement.getAttribute('aria-label')), '10 January 2022: 5 articles');
      await page.keyboard.press('Shift+Enter');
      await shown('6 articles of 9');
      assert.equal(dates(), '2022-01-08..2022-01-10');
      await page.getByRole('button', { name: 'Remove filter 8 January 2022 – 10 January 2022' }).click();
      await shown('9 articles');
      assert.equal(dates(), null);
      // Dragging from one bar to another selects both and the days between.
      const centre = async (bar) => {
        const box = await bar.locator('rect.slot').boundingBox();
        return [box.x + box.width / 2, box.y + box.height / 2];
      };
      await chart.scrollIntoViewIfNeeded();
      const [[x1, y1], [x2, y2]] = [await centre(first), await centre(last)];
      await page.mouse.move(x2, y2);
      await page.mouse.down();
      await page.mouse.move((x1 + x2) / 2, y1, { steps: 4 });
      await page.mouse.move(x1, y1, { steps: 4 });
      await page.mouse.up();
      await shown('6 articles of 9');
      assert.equal(dates(), '2022-01-08..2022-01-10');
      assert.ok(await page.getByRole('button', { name: 'Remove filter 8 January 2022 – 10 January 2022' }).isVisible());
      // The dates survive a reload, and Back undoes them.
      await page.reload();
      await shown('6 articles of 9');
      await page.goBack();
      await shown('9 articles');
      assert.deepEqual(page.problems, []);
      await page.close();
    });

    test('opening an article and going back returns to the same place', async () => {
      const page = await openPage(context, viewport);
      await ready(page, '?q=kazakhstan');
      await page.getByText('5 results for “kazakhstan”').waitFor();
      const link = page.getByRole('link', { name: TITLE });
      // In the middle of the window, so that the click does not scroll first.
      await link.evaluate((element) => element.scrollIntoView({ block: 'center' }));
      const scrolled = await page.evaluate(() => window.scrollY);
      assert.ok(scrolled > 0, 'the list is scrolled');
      await link.click();
      await page.getByRole('heading', { level: 1, name: TITLE }).waitFor();
      assert.equal(new URL(page.url()).pathname, new URL(`articles/${SLUG}/`, SITE).pathname);
      assert.equal(await page.evaluate(() => document.activeElement?.id), 'page-heading');
      assert.equal(await page.title(), `${TITLE} — folio`);
      assert.ok((await page.locator('article mark').count()) > 0, 'the search is highlighted');
      await screenshot(page, `${name}-article`);
      await page.goBack();
      await page.getByText('5 results for “kazakhstan”').waitFor();
      assert.equal(await searchBox(page).inputValue(), 'kazakhstan');
      const at = () => page.evaluate(() => window.scrollY);
      for (let tries = 0; Math.abs((await at()) - scrolled) >= 2; tries++) {
        assert.ok(tries < 100, `the list came back scrolled to ${await at()}, not ${scrolled}`);
        await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(resolve)));
      }
      await page.goForward();
      await page.getByRole('heading', { level: 1, name: TITLE }).waitFor();
      assert.deepEqual(page.problems, []);
      await page.close();
    });

    test('deep links to an article and to a search survive a reload', async () => {
      const page = await openPage(context, viewport);
      await ready(page, `articles/${SLUG}/`);
      assert.equal(await heading(page).textContent(), TITLE);
      await page.reload();
      await page.getByRole('heading', { level: 1, name: TITLE }).waitFor();
      // The heading is prerendered: wait for the app too, or leaving aborts its download.
      await started(page);
      await ready(page, '?q=kyrg&sort=newest');
      await page.getByText('4 results for “kyrg”').waitFor();
      await page.reload();
      await page.getByText('4 results for “kyrg”').waitFor();
      assert.equal(await page.getByRole('combobox', { name: 'Sort by' }).inputValue(), 'newest');
      assert.deepEqual(page.problems, []);
      await page.close();
    });

    test('an article names its people, each a search for that person', async () => {
      const page = await openPage(context, viewport);
      await ready(page, `articles/${SLUG}/`);
      const people = page.getByRole('region', { name: 'People in this article' });
      assert.deepEqual(await people.getByRole('link').allTextContents(), [
        'Vladimir Putin', 'Qasym-Zhomart Toqaev', 'Paul Stronski', 'Oleksandr Danylyuk',
        'Angela Stent', 'Marie Dumoulin', 'Sergei Ryabkov', 'Wendy Sherman',
      ]);
      // One person under every spelling: DPA writes Kassym-Jomart Tokayev.
      await people.getByRole('link', { name: 'Qasym-Zhomart Toqaev' }).click();
      await page.getByText('4 results for “Qasym-Zhomart Toqaev”').waitFor();
      assert.deepEqual((await resultTitles(page)).sort(), [...TOQAEV].sort());
      assert.equal(new URL(page.url()).searchParams.get('q'), 'Qasym-Zhomart Toqaev');
      await page.goBack();
      await page.getByRole('heading', { level: 1, name: TITLE }).waitFor();
      assert.deepEqual(page.problems, []);
      await page.close();
    });

    test('an article ends with what to read next, each opened in the reader’s list', async () => {
      const page = await openPage(context, viewport);
      await ready(page, `articles/${SLUG}/?q=kazakhstan`);
      const readNext = page.getByRole('region', { name: 'Read next' });
      assert.deepEqual(await readNext.getByRole('link').allTextContents(), [CSTO, TOQAEV[1], TOQAEV[2]]);
      await readNext.getByRole('link', { name: CSTO }).click();
      await page.getByRole('heading', { level: 1, name: CSTO }).waitFor();
      const at = new URL(page.url());
      assert.equal(at.pathname, new URL('articles/csto-leaders-to-discuss-kazakhstan-crisis-in-videoconference/', SITE).pathname);
      assert.equal(at.searchParams.get('q'), 'kazakhstan');
      assert.deepEqual(await readNext.getByRole('link').allTextContents(), [TITLE, TOQAEV[1], TOQAEV[0]]);
      await page.goBack();
      await page.getByRole('heading', { level: 1, name: TITLE }).waitFor();
      await page.getByRole('link', { name: '← Back to results' }).click();
      await page.getByText('5 results for “kazakhstan”').waitFor();
      assert.deepEqual(page.problems, []);
      await page.close();
    });

    test('Back steps through committed searches, not every letter', async () => {
      const page = await openPage(context, viewport);
      await ready(page);
      await searchBox(page).pressSequentially('putin');
      await searchBox(page).press('Enter');
      await searchBox(page).fill('');
      await searchBox(page).pressSequentially('jazz');
      await page.getByText('1 result for “jazz”').waitFor();
      await page.goBack();
      await page.getByText('3 results for “putin”').waitFor();
      await page.goBack();
      await page.getByText('9 articles').waitFor();
      assert.deepEqual(page.problems, []);
      await page.close();
    });

    test('the keyboard alone searches, moves, opens and goes back', async () => {
      const page = await openPage(context, viewport);
      await ready(page);
      await page.keyboard.press('/');
      assert.equal(await page.evaluate(() => document.activeElement?.id), 'search');
      await page.keyboard.type('Toqaev');
      await page.getByText('4 results for “Toqaev”').waitFor();
      await page.keyboard.press('Escape');
      await page.getByText('9 articles').waitFor();
      await page.keyboard.type('jazz');
      await page.getByText('1 result for “jazz”').waitFor();
      await page.locator('body').press('Tab');
      await page.evaluate(() => document.activeElement.blur());
      await page.keyboard.press('j');
      const focused = await page.evaluate(() => document.activeElement?.textContent);
      assert.equal(focused, 'Outrage After Kazakh Officials Portray Kyrgyz Jazz Musician As ‘Foreign Terrorist’');
      await page.keyboard.press('Enter');
      await page.getByRole('heading', { level: 1, name: focused }).waitFor();
      await page.keyboard.press('Escape');
      await page.getByText('1 result for “jazz”').waitFor();
      await page.keyboard.press('?');
      await page.getByRole('dialog', { name: 'Keyboard shortcuts' }).waitFor();
      await page.keyboard.press('Escape');
      assert.equal(await page.getByRole('dialog').count(), 0);
      assert.deepEqual(page.problems, []);
      await page.close();
    });

    test('theme and text size survive a reload', async () => {
      const page = await openPage(context, viewport);
      await ready(page);
      await page.getByRole('button', { name: 'Settings' }).click();
      await page.getByRole('radio', { name: 'Dark' }).check();
      await page.getByRole('button', { name: 'Larger text' }).click();
      await screenshot(page, `${name}-settings`);
      await page.reload();
      await heading(page).waitFor();
      await page.waitForFunction(() => document.documentElement.dataset.theme === 'dark');
      assert.equal(await page.evaluate(() => document.documentElement.dataset.textSize), '115');
      // Back to the defaults for the other tests (they share the profile).
      await page.getByRole('button', { name: 'Settings' }).click();
      await page.getByRole('radio', { name: 'Match system' }).check();
      await page.getByRole('button', { name: 'Smaller text' }).click();
      assert.deepEqual(page.problems, []);
      await page.close();
    });

    test('saved articles filter the list, and the library exports and imports', async () => {
      const page = await openPage(context, viewport);
      await ready(page);
      await page.getByRole('button', { name: `Save “${TITLE}”` }).click();
      assert.equal(await page.getByRole('button', { name: `Save “${TITLE}”` }).getAttribute('aria-pressed'), 'true');
      await openFilters(page, name);
      await page.getByRole('checkbox', { name: /^Saved only/ }).check();
      await page.getByText('1 article of 9').waitFor();
      if (name === 'phone') await page.getByRole('button', { name: 'Done' }).click();
      assert.deepEqual(await resultTitles(page), [TITLE]);
      await page.getByRole('button', { name: 'Settings' }).click();
      const exported = JSON.parse(await downloaded(page, () => page.getByRole('button', { name: 'Export…' }).click()));
      assert.deepEqual(exported.saved, [SLUG]);
      assert.equal(exported.folio, 1);
      // Unsave, then import the export back: the article is saved again.
      await page.getByRole('button', { name: 'Remove filter Saved only' }).click();
      await page.getByRole('button', { name: `Save “${TITLE}”` }).click();
      await page.locator('#import').setInputFiles({ name: 'folio-library.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(exported)) });
      await page.getByText('Imported').waitFor();
      assert.equal(await page.getByRole('button', { name: `Save “${TITLE}”` }).getAttribute('aria-pressed'), 'true');
      await page.locator('#import').setInputFiles({ name: 'bad.json', mimeType: 'application/json', buffer: Buffer.from('{"hello": 1}') });
      await page.getByText('Not imported: this file is not a folio export.').waitFor();
      await page.getByRole('button', { name: `Save “${TITLE}”` }).click();
      assert.deepEqual(page.problems, []);
      await page.close();
    });

    test('articles opened are marked read, however they are opened, unless turned off', async () => {
      // A profile of its own: the other tests open articles too.
      const browser = await launchBrowser();
      try {
        const page = await openPage(await browser.newContext(), viewport);
        const readBadge = (title) => page.locator('#results .card', { hasText: title }).getByText('Read', { exact: true });
        // Landing on an article from a link, not from the list.
        await ready(page, `articles/${SLUG}/`);
        assert.equal(await heading(page).textContent(), TITLE);
        await ready(page);
        await readBadge(TITLE).waitFor();
        assert.equal(await page.locator('#results .badge', { hasText: /^Read$/ }).count(), 1);
        // Opened from the list, with marking turned off: not read.
        await page.getByRole('button', { name: 'Settings' }).click();
        await page.getByRole('checkbox', { name: 'Mark articles read when opened' }).uncheck();
        await page.getByRole('button', { name: 'Settings' }).click();
        await page.getByRole('link', { name: TOQAEV[2] }).click();
        await heading(page).filter({ hasText: TOQAEV[2] }).waitFor();
        await page.goBack();
        await page.getByRole('link', { name: TOQAEV[2] }).waitFor();
        assert.equal(await readBadge(TOQAEV[2]).count(), 0);
        // Landing on one with marking off: not read either.
        await ready(page, 'articles/kazakhstans-president-says-order-restored-after-coup-attempt/');
        assert.equal(await heading(page).textContent(), TOQAEV[0]);
        await ready(page);
        await readBadge(TITLE).waitFor();
        assert.equal(await readBadge(TOQAEV[0]).count(), 0);
        assert.equal(await readBadge(TOQAEV[2]).count(), 0);
        assert.deepEqual(page.problems, []);
      } finally {
        await browser.close();
      }
    });

    test('an unknown address shows a page with the way home', async () => {
      const page = await openPage(context, viewport, { expect404: true });
      await page.goto(url('no/such/page'));
      await started(page);
      await page.getByRole('heading', { level: 1, name: 'Page not found' }).waitFor();
      await screenshot(page, `${name}-not-found`);
      await page.getByRole('link', { name: 'Go to all articles' }).click();
      await page.getByText('9 articles').waitFor();
      await ready(page, 'articles/no-such-article/');
      await page.getByRole('heading', { level: 1, name: 'Page not found' }).waitFor();
      assert.deepEqual(page.problems, []);
      await page.close();
    });

    test('the layout fits the screen and reads comfortably', async () => {
      const page = await openPage(context, viewport);
      await ready(page, `articles/${SLUG}/`);
      const layout = await page.evaluate(() => {
        const p = document.querySelector('article .body p');
        const style = getComputedStyle(p);
        const chars = p.getBoundingClientRect().width / (parseFloat(style.fontSize) * 0.5);
        return {
          overflow: document.documentElement.scrollWidth - document.documentElement.clientWidth,
          fontSize: parseFloat(style.fontSize),
          lineHeight: parseFloat(style.lineHeight) / parseFloat(style.fontSize),
          chars,
        };
      });
      assert.equal(layout.overflow, 0, 'no horizontal scroll');
      assert.ok(layout.fontSize >= 16, `body text ${layout.fontSize}px`);
      assert.ok(layout.lineHeight >= 1.5, `line height ${layout.lineHeight}`);
      assert.ok(layout.chars <= 80, `about ${Math.round(layout.chars)} characters a line`);
      const small = await page.evaluate(() =>
        [...document.querySelectorAll('button, a, input, select')]
          .filter((el) => el.offsetParent && !el.closest('.visually-hidden') && el.type !== 'checkbox' && el.type !== 'radio')
          .map((el) => [el.textContent.trim() || el.id, el.getBoundingClientRect().height])
          .filter(([, h]) => h < 44));
      assert.deepEqual(small, [], 'tap targets are 44px high');
      assert.deepEqual(page.problems, []);
      await page.close();
    });

    for (const theme of ['light', 'dark']) {
      test(`axe finds no violations in the ${theme} theme`, async () => {
        const page = await openPage(context, viewport, { colorScheme: theme });
        for (const [view, path] of [['home', ''], ['results', '?q=Toqaev'], ['filtered', '?q=Toqaev&publisher=RFE%2FRL'], ['dated', '?dates=2022-01-08..2022-01-09'], ['article', `articles/${SLUG}/?q=Toqaev`]]) {
          await ready(page, path);
          assert.deepEqual(await axeViolations(page), [], `${view} in ${theme}`);
        }
        assert.deepEqual(page.problems, []);
        await page.close();
      });
    }
  });
}

test('the filters’ values are rendered where they can be seen: beside the list, or in the open panel', async () => {
  const values = (page) => page.locator('#filters input[type=checkbox]').count();
  const valuesBecome = (page, n) => page.waitForFunction((n) => document.querySelectorAll('#filters input[type=checkbox]').length === n, n);
  // Saved only, 4 publishers, 10 countries, 1 month, 20 people.
  const ALL = 1 + 4 + 10 + 1 + 20;
  // A wide screen: beside the list, once the app is live.
  const wide = await openPage(context, VIEWPORTS.desktop);
  await ready(wide);
  assert.equal(await values(wide), ALL);
  assert.deepEqual(wide.problems, []);
  await wide.close();
  // A phone: only Saved only until the panel opens.
  const page = await openPage(context, VIEWPORTS.phone);
  await ready(page);
  assert.equal(await values(page), 1);
  await page.getByRole('button', { name: /^Filters/ }).click();
  await page.getByRole('checkbox', { name: /^RFE\/RL/ }).waitFor();
  assert.equal(await values(page), ALL);
  await page.getByRole('button', { name: 'Done' }).click();
  await valuesBecome(page, 1);
  // Turned sideways, past the breakpoint: beside the list; and back.
  await page.setViewportSize(VIEWPORTS.desktop);
  await valuesBecome(page, ALL);
  await page.setViewportSize(VIEWPORTS.phone);
  await valuesBecome(page, 1);
  assert.deepEqual(page.problems, []);
  await page.close();
});

test('the search box’s placeholder fits in it on narrow phones', async () => {
  for (const width of [320, 360]) {
    const page = await openPage(context, { width, height: 640 });
    await ready(page);
    // The browser's own measure: the placeholder's words as the field's
    // value (set without an input event, so the app does not search) scroll
    // if they do not fit beside the space Chromium keeps for its clear button.
    const fit = await searchBox(page).evaluate((input) => {
      input.value = input.placeholder;
      const fit = { placeholder: input.placeholder, needs: input.scrollWidth, has: input.clientWidth };
      input.value = '';
      return fit;
    });
    assert.ok(fit.placeholder.length > 0);
    assert.ok(fit.needs <= fit.has, `at ${width} px, “${fit.placeholder}” needs ${fit.needs} px of ${fit.has}`);
    assert.deepEqual(page.problems, []);
    await page.close();
  }
});

/// A stand-in for the browser's speech synthesis that records what it was
/// asked to say, speaks nothing, and starts each utterance when the test
/// says the one before has ended (`speechEnds`).
function speechStandIn() {
  window.said = [];
  let queue = [];
  let at = -1;
  const next = () => { at += 1; queue[at]?.onstart?.(); };
  window.SpeechSynthesisUtterance = class { constructor(text) { this.text = text; this.lang = ''; } };
  const synth = {
    paused: false,
    cancelled: 0,
    speak(utterance) { window.said.push({ text: utterance.text, lang: utterance.lang }); queue.push(utterance); if (at < 0) next(); },
    pause() { this.paused = true; },
    resume() { this.paused = false; },
    cancel() { queue = []; at = -1; this.cancelled += 1; },
    getVoices() { return []; },
  };
  Object.defineProperty(window, 'speechSynthesis', { value: synth, configurable: true });
  window.speechEnds = () => { queue[at]?.onend?.(); next(); };
}

test('Listen reads the title, then each paragraph in order, marks the one being read, and pauses, resumes and stops', async () => {
  const page = await openPage(context, VIEWPORTS.phone);
  await page.addInitScript(speechStandIn);
  await ready(page, `articles/${SLUG}/`);
  const button = (name) => page.getByRole('button', { name, exact: true });
  await button('Listen').click();
  const blocks = await page.locator('article .body > p, article .body > h2').allTextContents();
  const said = await page.evaluate(() => window.said);
  assert.deepEqual(said.map((s) => s.text), [TITLE, ...blocks]);
  assert.ok(blocks.length > 20, `${blocks.length} blocks`);
  assert.deepEqual([...new Set(said.map((s) => s.lang))], ['en-US']);
  const speaking = () => page.locator('article .speaking').allTextContents();
  assert.deepEqual(await speaking(), [TITLE]);
  // On to the twelfth block: marked alone, and scrolled into view (to the
  // pixel: the browser places it at fractions of one).
  for (let i = 0; i < 12; i++) await page.evaluate(() => window.speechEnds());
  assert.deepEqual(await speaking(), [blocks[11]]);
  await page.waitForFunction(() => {
    const box = document.querySelector('article .speaking').getBoundingClientRect();
    return box.top >= -1 && box.bottom <= window.innerHeight + 1;
  });
  await button('Pause').click();
  assert.equal(await page.evaluate(() => window.speechSynthesis.paused), true);
  await button('Resume').click();
  assert.equal(await page.evaluate(() => window.speechSynthesis.paused), false);
  const cancelled = await page.evaluate(() => window.speechSynthesis.cancelled);
  await button('Stop').click();
  assert.equal(await page.evaluate(() => window.speechSynthesis.cancelled), cancelled + 1);
  assert.deepEqual(await speaking(), []);
  await button('Listen').waitFor();
  assert.deepEqual(page.problems, []);
  await page.close();
});

test('a browser without speech synthesis shows no Listen control', async () => {
  const page = await openPage(context, VIEWPORTS.phone);
  await page.addInitScript(() => {
    Object.defineProperty(window, 'speechSynthesis', { value: undefined, configurable: true });
  });
  await ready(page, `articles/${SLUG}/`);
  await page.waitForFunction(() => document.querySelector('folio-listen')?.hidden === true);
  assert.equal(await page.getByRole('button', { name: 'Listen' }).count(), 0);
  assert.equal(await page.getByRole('button', { name: /^Save/ }).count(), 1);
  assert.deepEqual(page.problems, []);
  await page.close();
});

test('font, line width and line spacing change the article, and survive a reload', async () => {
  const page = await openPage(context, VIEWPORTS.desktop);
  await ready(page, `articles/${SLUG}/`);
  const paragraph = () => page.locator('article .body > p').first().evaluate((p) => {
    const style = getComputedStyle(p);
    return { font: style.fontFamily, size: parseFloat(style.fontSize), leading: parseFloat(style.lineHeight), measure: parseFloat(style.maxWidth) };
  });
  const settings = async (...choices) => {
    await page.getByRole('button', { name: 'Settings' }).click();
    for (const choice of choices) await page.getByRole('radio', { name: choice, exact: true }).check();
    await page.getByRole('button', { name: 'Close' }).click();
  };
  const serif = await paragraph();
  assert.match(serif.font, /^Georgia/);
  assert.ok(Math.abs(serif.leading / serif.size - 1.7) < 0.01, JSON.stringify(serif));
  await settings('Sans-serif');
  const sans = await paragraph();
  assert.match(sans.font, /^system-ui/);
  await settings('Wide', 'Loose');
  await page.reload();
  await heading(page).waitFor();
  await page.waitForFunction(() => document.documentElement.dataset.spacing === 'loose');
  const wide = await paragraph();
  assert.match(wide.font, /^system-ui/);
  assert.ok(Math.abs(wide.leading / wide.size - 2) < 0.01, JSON.stringify(wide));
  // 84 characters where there were 68, in the same font.
  assert.ok(Math.abs(wide.measure / sans.measure - 84 / 68) < 0.01, `${wide.measure} / ${sans.measure}`);
  // Back to the defaults for the other tests (they share the profile).
  await settings('Serif', 'Medium', 'Normal');
  assert.deepEqual(await paragraph(), serif);
  assert.deepEqual(page.problems, []);
  await page.close();
});
