// The variable and package tables let every cell wrap anywhere, so that a long value cannot run off the window; the
// browser then gave the "read by" column of a variable read by many steps nearly all the width, and broke the
// variable names and notes beside it mid-word ("_SMSTSMac|hineName", "not|e", "glob|al: 0") on a wide window. The
// name and note columns keep room for a usual name now, and a name too long for any column still wraps.
import { describe, expect, it } from 'vitest';
import { readTaskSequence } from '../../lib/index.js';
import { renderSequence } from '../../lib/render/render-sequence.js';
import { chromiumAvailable, pagesInBrowser } from './chromium.js';

// The tests compile without the DOM library: what runs in the page reaches it through globalThis.
type Doc = { createRange(): { selectNodeContents(n: unknown): void; getClientRects(): ArrayLike<{ top: number; width: number }> }; documentElement: { scrollWidth: number; clientWidth: number } };
type Cell = { textContent: string | null };

const LONG = `Long${'x'.repeat(300)}`;
const steps = Array.from({ length: 30 }, (_, i) => `<step type="SMS_TaskSequence_RunCommandLineAction" name="Install Language Packs Offline ${i + 1}"><action>cmd /c %DeployRoot%\\x %_SMSTSMachineName%</action></step>`).join('');
/** A sequence of steps that read two variables, with a global variable, and (`long`) a step reading a very long name. */
const xml = (long: boolean) =>
  `<sequence version="3.10"><group name="G">${steps}${long ? `<step type="SMS_TaskSequence_RunCommandLineAction" name="long"><action>cmd /c %${LONG}%</action></step>` : ''}</group><globalVarList><variable name="OSDAdapterCount" property="OSDAdapterCount">0</variable></globalVarList></sequence>`;

describe.skipIf(!chromiumAvailable())('the variable table in headless Chromium', { timeout: 60_000 }, () => {
  const served = pagesInBrowser('cmts-render-tables-', () => ({
    'usual.html': renderSequence(readTaskSequence(xml(false))),
    'long.html': renderSequence(readTaskSequence(xml(true))),
  }));


  /**
   * The lines each cell of `selector` takes, by its text: the different heights its boxes are drawn at (a value the
   * page isolates, `global: <bdi>0</bdi>`, is three boxes on one line).
   */
  async function lines(width: number, selector: string): Promise<Record<string, number>> {
    const page = await served.browser.context.newPage();
    await page.setViewportSize({ width, height: 800 });
    await page.goto(served.url['usual.html'] as string);
    const cells = page.locator(selector);
    const out: Record<string, number> = {};
    for (let n = 0; n < (await cells.count()); n++) {
      const [text, count] = await cells.nth(n).evaluate((el) => {
        const range = (globalThis as unknown as { document: Doc }).document.createRange();
        range.selectNodeContents(el);
        const tops = Array.from(range.getClientRects()).filter((r) => r.width > 0).map((r) => Math.round(r.top));
        return [(el as unknown as Cell).textContent ?? '', new Set(tops).size] as const;
      });
      out[text] = count;
    }
    await page.close();
    return out;
  }

  it('shows usual variable names and notes on one line beside a long list of steps', async () => {
    const names = await lines(1100, '#variables tbody th');
    expect(names).toEqual({ DeployRoot: 1, OSDAdapterCount: 1, _SMSTSMachineName: 1 });
    expect(await lines(1100, '#variables tbody td:last-child')).toEqual({ '': expect.any(Number), 'global: 0': 1 });
  });

  it('still wraps a name too long for any column within the window', async () => {
    for (const width of [1100, 600]) {
      const page = await served.browser.context.newPage();
      await page.setViewportSize({ width, height: 800 });
      await page.goto(served.url['long.html'] as string);
      const { scrollWidth, clientWidth } = await page.evaluate(() => (globalThis as unknown as { document: Doc }).document.documentElement);
      expect(scrollWidth, `${width}`).toBe(clientWidth);
      await page.close();
    }
  });
});
