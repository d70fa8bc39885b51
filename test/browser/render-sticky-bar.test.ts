// The filter bar stays at the top of the window (position: sticky). A link from a table scrolled its step to the
// very top, under the bar, so the step in view below the bar was the next one; and keyboard focus moving up
// (Shift+Tab) could land on a group's head hidden under the bar (WCAG 2.4.11). The page keeps a scroll padding of
// the bar's height, so a target and the focused element land below it, whatever the window's width.
import { describe, expect, it } from 'vitest';
import { readTaskSequence } from '../../lib/index.js';
import { renderSequence } from '../../lib/render/render-sequence.js';
import { chromiumAvailable, pagesInBrowser } from './chromium.js';

/** What the test reads in the page (the project's types have no DOM). */
interface Rect {
  top: number;
  bottom: number;
}
interface El {
  getBoundingClientRect(): Rect;
}
type PageGlobals = { document: { getElementById(id: string): El | null; activeElement: El | null } };

const step = (n: number) =>
  `<step type="SMS_TaskSequence_SetVariableAction" name="Step ${n}"><action>tsenv.exe "V${n}=x"</action><defaultVarList><variable name="VariableName" property="VariableName">V${n}</variable><variable name="VariableValue" property="VariableValue">x</variable></defaultVarList></step>`;
const groups = Array.from({ length: 40 }, (_, g) => `<group name="Group ${g}">${step(g * 2)}${step(g * 2 + 1)}</group>`).join('');
const xml = `<sequence version="3.10">${groups}</sequence>`;

/** Where the target's head and the focused element are, against the bar's bottom edge. */
const place = (id: string | undefined) => {
  const d = (globalThis as unknown as PageGlobals).document;
  const bar = (d.getElementById('search') as El).getBoundingClientRect().bottom;
  const el = id === undefined ? d.activeElement : d.getElementById(id);
  return { bar, top: (el as El).getBoundingClientRect().top };
};

describe.skipIf(!chromiumAvailable())('the sticky filter bar in headless Chromium', { timeout: 60_000 }, () => {
  const served = pagesInBrowser('cmts-render-sticky-', () => ({ 'page.html': renderSequence(readTaskSequence(xml), { lint: false }) }));

  for (const width of [400, 1100]) {
    it(`at ${width} px, a table link's step lands below the bar, not under it`, async () => {
      const page = await served.browser.context.newPage();
      await page.setViewportSize({ width, height: 600 });
      await page.goto(served.url['page.html'] as string);
      const link = page.locator('#variables a[href^="#"]').nth(60);
      const id = ((await link.getAttribute('href')) ?? '').slice(1);
      await link.click();
      await page.waitForTimeout(100);
      const { bar, top } = await page.evaluate(place, id);
      expect(bar).toBeGreaterThan(30);
      expect(top).toBeGreaterThanOrEqual(bar - 1);
      await page.close();
    });
  }

  it('Shift+Tab up through the groups never leaves focus under the bar', async () => {
    const page = await served.browser.context.newPage();
    await page.setViewportSize({ width: 800, height: 500 });
    await page.goto(served.url['page.html'] as string);
    await page.locator('ol.tree > li.group summary').last().focus();
    const covered: number[] = [];
    for (let n = 0; n < 30; n++) {
      await page.keyboard.press('Shift+Tab');
      const { bar, top } = await page.evaluate(place, undefined);
      if (top < bar - 1) covered.push(n);
    }
    expect(covered).toEqual([]);
    await page.close();
  });
});
