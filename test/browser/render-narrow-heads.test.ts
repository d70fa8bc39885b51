// Heads in a window 768 px wide. A moved item's badge ("moved from" and its old path) kept to one line and ran past
// the item, which clips what overflows it (content-visibility): the path was cut off.
import { describe, expect, it } from 'vitest';
import { readTaskSequence } from '../../lib/index.js';
import { renderComparison } from '../../lib/render/render-sequence.js';
import { chromiumAvailable, pagesInBrowser } from './chromium.js';

/** What the test reads in the page (the project's types have no DOM). */
interface Rect {
  top: number;
  left: number;
  right: number;
}
interface El {
  closest(selector: string): El | null;
  querySelector(selector: string): El | null;
  getBoundingClientRect(): Rect;
  getClientRects(): ArrayLike<Rect>;
  scrollWidth: number;
  clientWidth: number;
}
type PageGlobals = { document: { querySelector(selector: string): El | null; documentElement: El } };

const LONG = 'Install the line of business applications for the finance department '.repeat(3).trim();
const step = (name: string) => `<step type="SMS_TaskSequence_RunCommandLineAction" name="${name}"><action>cmd /c rem</action></step>`;
const doc = (body: string) => readTaskSequence(`<sequence version="3.10">${body}</sequence>`);

describe.skipIf(!chromiumAvailable())('heads in a narrow window in headless Chromium', { timeout: 60_000 }, () => {
  const served = pagesInBrowser('cmts-render-narrow-', () => ({
    'moved.html': renderComparison(doc(`<group name="${LONG}">${step('Moved step')}${step('Keep')}</group><group name="Other">${step('Y')}</group>`), doc(`<group name="${LONG}">${step('Keep')}</group><group name="Other">${step('Y')}${step('Moved step')}</group>`), { lint: false }),
  }));

  const open = async (name: string) => {
    const page = await served.browser.context.newPage();
    await page.setViewportSize({ width: 768, height: 900 });
    await page.goto(served.url[name] as string);
    return page;
  };

  it('wraps a move badge within its item, old path and all', async () => {
    const page = await open('moved.html');
    await page.locator('li.item .badge.moved').scrollIntoViewIfNeeded();
    const box = await page.evaluate(() => {
      const doc = (globalThis as unknown as PageGlobals).document;
      const badge = doc.querySelector('li.item .badge.moved') as El;
      const item = badge.closest('ol.tree>li.item') as El;
      return { badgeRight: badge.getBoundingClientRect().right, itemRight: item.getBoundingClientRect().right, overflow: badge.scrollWidth - badge.clientWidth, page: doc.documentElement.scrollWidth - doc.documentElement.clientWidth };
    });
    expect(box.badgeRight).toBeLessThanOrEqual(box.itemRight);
    expect(box.overflow).toBeLessThanOrEqual(0);
    expect(box.page).toBe(0);
    expect(await page.locator('li.item .badge.moved').textContent()).toBe(`moved from ${LONG}/Moved step`);
  });
});
