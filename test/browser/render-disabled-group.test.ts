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
type PageGlobals = { getComputedStyle(el: Box): { opacity: string } };

const step = (name: string) => `<step type="SMS_TaskSequence_RunCommandLineAction" name="${name}"><action>cmd /c rem</action></step>`;

describe.skipIf(!chromiumAvailable())('a disabled group in headless Chromium', { timeout: 60_000 }, () => {
  const served = pagesInBrowser('cmts-render-disabled-', () => ({
    'page.html': renderSequence(readTaskSequence(`<sequence version="3.10"><group name="Off" disable="true"><group name="Nested">${step('Deep')}</group></group>${step('After')}</sequence>`), { lint: false }),
  }));

  it('greys the heads of the steps and groups inside it, once each, and not those after it', async () => {
    const page = await served.browser.context.newPage();
    await page.goto(served.url['page.html'] as string);
    const opacity = (name: string) => page.locator('.name', { hasText: name }).first().evaluate((el) => {
      // The head's own opacity times that of every element around it: what the eye gets.
      let o = 1;
      for (let e: Box | null = el; e; e = e.parentElement) o *= Number((globalThis as unknown as PageGlobals).getComputedStyle(e).opacity);
      return o;
    });
    expect(await opacity('Deep')).toBeCloseTo(0.5);
    expect(await opacity('Nested')).toBeCloseTo(0.5);
    expect(await opacity('Off')).toBeCloseTo(0.5);
    expect(await opacity('After')).toBe(1);
  });
});
