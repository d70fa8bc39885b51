// A setting label of one long word (a vendor step's 200-character property) or of many words (Configure DNS's "dns
// server option enable netmask ordering" in a 400 px window) widened the label column of dl.settings past the item:
// the values were squeezed to a character a line, off to the right, where the item clips what overflows it
// (content-visibility), so none of the step's values could be seen. Labels wrap; values keep room and stay in view.
import { describe, expect, it } from 'vitest';
import { readTaskSequence } from '../../lib/index.js';
import { renderSequence } from '../../lib/render/render-sequence.js';
import { chromiumAvailable, pagesInBrowser } from './chromium.js';

/** What the test reads in the page (the project's types have no DOM). */
interface Rect {
  left: number;
  right: number;
  width: number;
}
interface El {
  closest(selector: string): El | null;
  getBoundingClientRect(): Rect;
  textContent: string | null;
}
type PageGlobals = { document: { querySelectorAll(selector: string): ArrayLike<El>; documentElement: { clientWidth: number } } };

const vendor = (property: string) =>
  `<step type="Vendor_X" name="Vendor"><action>v.exe</action><defaultVarList><variable name="${property}" property="${property}">VALUE_SHOULD_BE_VISIBLE</variable><variable name="Server" property="Server">srv01</variable></defaultVarList></step>`;
const xml = `<sequence version="3.10"><group name="G"><group name="H">${vendor('x'.repeat(200))}${vendor('DnsServerOptionEnableNetmaskOrderingAndRoundRobinForEveryZone')}</group></group></sequence>`;

describe.skipIf(!chromiumAvailable())('long setting labels in headless Chromium', { timeout: 60_000 }, () => {
  const served = pagesInBrowser('cmts-render-labels-', () => ({ 'labels.html': renderSequence(readTaskSequence(xml), { lint: false }) }));

  for (const width of [400, 1100]) {
    it(`at ${width} px, labels wrap within the item and every value is in view, wide enough to read`, async () => {
      const page = await served.browser.context.newPage();
      await page.setViewportSize({ width, height: 900 });
      await page.goto(served.url['labels.html'] as string);
      const boxes = await page.evaluate(() => {
        const d = (globalThis as unknown as PageGlobals).document;
        const view = d.documentElement.clientWidth;
        return Array.from(d.querySelectorAll('dl.settings > *'), (el) => {
          const r = el.getBoundingClientRect();
          const item = (el.closest('li.item') as El).getBoundingClientRect();
          return { text: el.textContent ?? '', right: r.right, width: r.width, itemRight: item.right, view };
        });
      });
      expect(boxes.length).toBe(8);
      for (const b of boxes) {
        expect(b.right, b.text).toBeLessThanOrEqual(Math.min(b.view, b.itemRight) + 1);
      }
      const values = boxes.filter((b) => b.text === 'VALUE_SHOULD_BE_VISIBLE' || b.text === 'srv01');
      expect(values.length).toBe(4);
      // Room for more than a few characters a line: at least half of what is left beside the labels.
      for (const v of values) expect(v.width, v.text).toBeGreaterThan(width === 400 ? 100 : 300);
      await page.close();
    });
  }
});
