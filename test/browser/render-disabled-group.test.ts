// The steps of a disabled group do not run; on the page they are greyed as a disabled step is (see
// test/render-disabled-group-contents.test.ts), which only a browser applying the page's style shows.
import { describe, expect, it } from 'vitest';
import { readTaskSequence } from '../../lib/index.js';
import { renderSequence } from '../../lib/render/render-sequence.js';
import { chromiumAvailable, pagesInBrowser } from './chromium.js';

/** What the test reads in the page (the project's types have no DOM). */
interface Box {
  parentElement: Box | null;
}
type PageGlobals = { getComputedStyle(el: Box): { opacity: string; color: string } };

const step = (name: string) => `<step type="SMS_TaskSequence_RunCommandLineAction" name="${name}"><action>cmd /c rem</action></step>`;

describe.skipIf(!chromiumAvailable())('a disabled group in headless Chromium', { timeout: 60_000 }, () => {
  const served = pagesInBrowser('cmts-render-disabled-', () => ({
    'page.html': renderSequence(readTaskSequence(`<sequence version="3.10">${step('Before')}<group name="Off" disable="true"><group name="Nested">${step('Deep')}</group></group>${step('After')}</sequence>`), { lint: false }),
  }));

  it('greys the heads of the steps and groups inside it, once each, and not those after it', async () => {
    const page = await served.browser.context.newPage();
    await page.goto(served.url['page.html'] as string);
    const shade = (name: string) =>
      page.locator('.name', { hasText: name }).first().evaluate((el) => {
        // The head's colour as drawn on the white page: its own times every opacity around it (what the eye gets).
        const g = globalThis as unknown as PageGlobals;
        let o = 1;
        for (let e: Box | null = el; e; e = e.parentElement) o *= Number(g.getComputedStyle(e).opacity);
        return (g.getComputedStyle(el).color.match(/[\d.]+/g) ?? []).slice(0, 3).map((v) => Math.round(Number(v) * o + 255 * (1 - o)));
      });
    const plain = await shade('Before');
    const grey = await shade('Off');
    expect(grey).not.toEqual(plain);
    // Nested in two disabled levels, no lighter than one.
    expect(await shade('Nested')).toEqual(grey);
    expect(await shade('Deep')).toEqual(grey);
    expect(await shade('After')).toEqual(plain);
  });
});
