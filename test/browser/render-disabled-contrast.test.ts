// Disabled steps, and everything in a disabled group, were greyed with opacity .5: their text came to 2.2–3.2:1
// against the page, under the 4.5:1 WCAG AA asks of text. They are now in the page's muted colour, which passes; the
// strike-through and the "disabled" / "in a disabled group" badges carry the meaning.
import { describe, expect, it } from 'vitest';
import { readTaskSequence } from '../../lib/index.js';
import { renderSequence } from '../../lib/render/render-sequence.js';
import { chromiumAvailable, pagesInBrowser } from './chromium.js';

/** What the test reads in the page (the project's types have no DOM). */
interface El {
  parentElement: El | null;
  childNodes: Iterable<{ nodeType: number; textContent: string | null }>;
  querySelectorAll(selector: string): Iterable<El>;
  textContent: string | null;
}
type PageGlobals = {
  document: { querySelectorAll(selector: string): Iterable<El> };
  getComputedStyle(el: El): { color: string; backgroundColor: string; opacity: string };
};

const step = (name: string, disabled = false) =>
  `<step type="SMS_TaskSequence_RunCommandLineAction" name="${name}" description="About ${name}"${disabled ? ' disable="true"' : ''}>` +
  '<condition><expression type="SMS_TaskSequence_VariableConditionExpression"><variable name="Operator">equals</variable><variable name="Value">x</variable><variable name="Variable">Y</variable></expression></condition>' +
  `<action>smsswd.exe /run: cmd /c rem</action><defaultVarList><variable name="CommandLine" property="CommandLine">cmd /c rem</variable><variable name="SMSTSRunCommandLineUserPassword" property="UserPassword">pw</variable></defaultVarList></step>`;
const XML = `<sequence version="3.10">${step('Off step', true)}<group name="Off group" disable="true">${step('Inside')}<group name="Nested">${step('Deep')}</group></group>${step('On')}</sequence>`;

describe.skipIf(!chromiumAvailable())('disabled items in headless Chromium', { timeout: 60_000 }, () => {
  const served = pagesInBrowser('cmts-render-contrast-', () => ({ 'page.html': renderSequence(readTaskSequence(XML)) }));

  it('show every text of a disabled item, and of the items in a disabled group, at 4.5:1 or more', async () => {
    const page = await served.browser.context.newPage();
    await page.goto(served.url['page.html'] as string);
    const texts = await page.evaluate(() => {
      const g = globalThis as unknown as PageGlobals;
      const rgba = (c: string) => {
        const [r = 0, gr = 0, b = 0, a = 1] = (c.match(/[\d.]+/g) ?? []).map(Number);
        return { c: [r, gr, b], a: c.startsWith('rgba') ? a : 1 };
      };
      const lum = (c: number[]) => {
        const f = (v: number) => ((v /= 255) <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4);
        return 0.2126 * f(c[0] as number) + 0.7152 * f(c[1] as number) + 0.0722 * f(c[2] as number);
      };
      const over = (fg: number[], a: number, bg: number[]) => fg.map((v, i) => v * a + (bg[i] as number) * (1 - a));
      const out: { text: string; contrast: number }[] = [];
      const heads = 'li.disabled>.head, li.disabled>details>summary, li.disabled>.body, li.disabled>details>.body, li.off>.head, li.off>details>summary, li.off>.body, li.off>details>.body';
      for (const part of g.document.querySelectorAll(heads)) {
        for (const el of [part, ...part.querySelectorAll('*')]) {
          const own = [...el.childNodes].filter((n) => n.nodeType === 3).map((n) => n.textContent ?? '').join('').trim();
          if (!own) continue;
          // The background drawn behind it: the nearest one that is not transparent (the page's is white).
          let bg = [255, 255, 255];
          for (let e: El | null = el; e; e = e.parentElement) {
            const b = rgba(g.getComputedStyle(e).backgroundColor);
            if (b.a > 0) {
              bg = b.c;
              break;
            }
          }
          // What the eye gets: the text's colour times its own alpha and every opacity around it.
          const fg = rgba(g.getComputedStyle(el).color);
          let alpha = fg.a;
          for (let e: El | null = el; e; e = e.parentElement) alpha *= Number(g.getComputedStyle(e).opacity);
          const [hi, lo] = [lum(over(fg.c, alpha, bg)), lum(bg)].sort((x, y) => y - x) as [number, number];
          out.push({ text: own, contrast: Math.round(((hi + 0.05) / (lo + 0.05)) * 100) / 100 });
        }
      }
      return out;
    });
    // Names, numbers, types, badges, descriptions, conditions, settings and findings of the four items.
    for (const name of ['Off step', 'Off group', 'Inside', 'Nested', 'Deep', 'disabled', 'in a disabled group', 'About Deep', 'command line', 'cmd /c rem']) expect(texts.map((t) => t.text)).toContain(name);
    expect(texts.filter((t) => t.contrast < 4.5)).toEqual([]);
  });

  it('still greys them: their names are lighter than those of the items that run', async () => {
    const page = await served.browser.context.newPage();
    await page.goto(served.url['page.html'] as string);
    // The name's colour as drawn on the white page: its own times every opacity around it.
    const shade = (name: string) =>
      page.locator('.name', { hasText: name }).first().evaluate((el) => {
        const g = globalThis as unknown as PageGlobals;
        let alpha = 1;
        for (let e: El | null = el; e; e = e.parentElement) alpha *= Number(g.getComputedStyle(e).opacity);
        const [r = 0, gr = 0, b = 0] = (g.getComputedStyle(el as unknown as El).color.match(/[\d.]+/g) ?? []).map(Number);
        return [r, gr, b].reduce((sum, v) => sum + v * alpha + 255 * (1 - alpha), 0);
      });
    const on = await shade('On');
    for (const name of ['Off step', 'Off group', 'Inside', 'Deep']) expect(await shade(name)).toBeGreaterThan(on + 100);
  });
});
