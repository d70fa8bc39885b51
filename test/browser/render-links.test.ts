// The variable, package and finding tables link to steps; the search filter hides steps. A link to a step the filter
// hid led nowhere: the address changed, the page did not move, and the step stayed hidden. It is shown now, and
// scrolled to, by mouse and by keyboard; a link to a step the filter shows leaves the filter as it is.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readTaskSequence } from '../../lib/index.js';
import { renderSequence } from '../../lib/render/render-sequence.js';
import { chromiumAvailable, pagesInBrowser } from './chromium.js';

describe.skipIf(!chromiumAvailable())('links to steps in headless Chromium', { timeout: 60_000 }, () => {
  const served = pagesInBrowser('cmts-render-links-', () => ({ 'refresh.html': renderSequence(readTaskSequence(readFileSync(resolve('examples', 'refresh-2007.xml')))) }));


  it('show the step they lead to when the search filter hid it, clicked or followed with Enter', async () => {
    const page = await served.browser.context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(served.url['refresh.html'] as string);
    const links = page.locator('#variables a[href^="#"], #packages a[href^="#"], #findings a[href^="#"]');
    const count = await links.count();
    expect(count).toBeGreaterThan(2);
    for (let n = 0; n < count; n++) {
      const link = links.nth(n);
      const target = page.locator(`li.item${(await link.getAttribute('href')) ?? ''}`);
      await page.locator('#q').fill('no step is called this');
      expect(await target.isVisible()).toBe(false);
      if (n % 2) await link.click();
      else {
        await link.focus();
        await page.keyboard.press('Enter');
      }
      await expect.poll(() => target.isVisible()).toBe(true);
      expect(await target.evaluate((el) => (el as unknown as { getBoundingClientRect(): { top: number } }).getBoundingClientRect().top)).toBeLessThan(900);
    }
    expect(errors).toEqual([]);
  });

  it('leave the filter as it is when it shows the step', async () => {
    const page = await served.browser.context.newPage();
    await page.goto(served.url['refresh.html'] as string);
    const link = page.locator('#packages a[href^="#"]').first();
    const target = page.locator(`li.item${(await link.getAttribute('href')) ?? ''}`);
    const word = ((await target.locator('.name').first().textContent()) ?? '').split(/\s+/)[0] ?? '';
    await page.locator('#q').fill(word);
    const shown = await page.locator('li.step:visible').count();
    await link.click();
    expect(await page.locator('#q').inputValue()).toBe(word);
    expect(await page.locator('li.step:visible').count()).toBe(shown);
    expect(await target.isVisible()).toBe(true);
  });
});
