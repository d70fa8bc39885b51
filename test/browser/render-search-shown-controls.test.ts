// A bidirectional control in a name shows as `<U+202E>` on the page, but the search text was lowered before the
// escape wrote that, so data-search held the upper-case `<U+202E>` and the lowered query never found it: typing what
// the page shows found nothing.
import { describe, expect, it } from 'vitest';
import { readTaskSequence } from '../../lib/index.js';
import { renderSequence } from '../../lib/render/render-sequence.js';
import { chromiumAvailable, pagesInBrowser } from './chromium.js';

const XML = `<sequence version="3.10"><step type="SMS_TaskSequence_RunCommandLineAction" name="\u202eRTLO &amp; Co"><action>cmd /c rem</action></step><step type="SMS_TaskSequence_RunCommandLineAction" name="Plain"><action>cmd /c rem</action></step></sequence>`;

describe('the search text of an item is in lower case after escaping', () => {
  it('holds <u+202e> where the page shows <U+202E>', () => {
    const html = renderSequence(readTaskSequence(XML), { lint: false });
    expect(html).toContain('<span class="name" dir="auto">&lt;U+202E&gt;RTLO &amp; Co</span>');
    expect(html).toMatch(/data-search="[^"]*&lt;u\+202e&gt;rtlo &amp; co/);
  });
});

describe.skipIf(!chromiumAvailable())('searching for a control as the page shows it, in headless Chromium', { timeout: 60_000 }, () => {
  const served = pagesInBrowser('cmts-render-search-controls-', () => ({ 'page.html': renderSequence(readTaskSequence(XML), { lint: false }) }));

  it('finds the step by <U+202E>, u+202e and &', async () => {
    const page = await served.browser.context.newPage();
    await page.goto(served.url['page.html'] as string);
    for (const words of ['<U+202E>', 'u+202e', '<u+202e>rtlo', '& co']) {
      await page.locator('#q').fill(words);
      expect(await page.locator('#matches').textContent(), words).toBe('1 step matches');
    }
    await page.close();
  });
});
