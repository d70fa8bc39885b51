// Heads in a window 768 px wide. A moved item's badge ("moved from" and its old path) kept to one line and ran past
// the item, which clips what overflows it (content-visibility): the path was cut off. A group with a long name had
// its head broken into lines of its own, the triangle on one, the number on the next, then the name and "group".
import { describe, expect, it } from 'vitest';
import { readTaskSequence } from '../../lib/index.js';
import { renderComparison, renderSequence } from '../../lib/render/render-sequence.js';
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
    'long.html': renderSequence(doc(`<group name="${LONG}">${step('S')}</group>`), { lint: false }),
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

  it('keeps a long-named group\'s triangle, number and the start of its name on the first line', async () => {
    const page = await open('long.html');
    const at = await page.evaluate(() => {
      const summary = (globalThis as unknown as PageGlobals).document.querySelector('li.group>details>summary') as El;
      const num = summary.querySelector('.num') as El;
      const name = summary.querySelector('.name') as El;
      return { summary: summary.getBoundingClientRect().top, num: num.getBoundingClientRect().top, name: (name.getClientRects()[0] as Rect).top, lines: name.getClientRects().length };
    });
    // One line is about 20 px; the number and the name's first line start within a few pixels of the head's top.
    expect(at.num - at.summary).toBeLessThan(5);
    expect(Math.abs(at.name - at.num)).toBeLessThan(5);
    // And the name wraps after them, within the window.
    expect(at.lines).toBeGreaterThan(1);
  });
});
