import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { readTaskSequence } from '../../lib/index.js';
import { renderSequence } from '../../lib/render/render-sequence.js';
import { chromiumAvailable, launchChromium } from './chromium.js';

// The tests compile without the DOM library: what runs in the page reaches it through globalThis.
type PageGlobals = { document: { documentElement: { scrollWidth: number; clientWidth: number } } };

describe.skipIf(!chromiumAvailable())('a page of long names, descriptions and conditions in headless Chromium', { timeout: 60_000 }, () => {
  it('wraps them within the window instead of running off its right edge', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cmts-render-long-'));
    const browser = await launchChromium();
    try {
      const xml =
        `<sequence version="3.10"><group name="${'G'.repeat(300)}" description="${'D'.repeat(400)}">` +
        `<step type="SMS_TaskSequence_RunCommandLineAction" name="${'S'.repeat(300)}"><condition><expression type="SMS_TaskSequence_VariableConditionExpression">` +
        `<variable name="Operator">equals</variable><variable name="Value">${'Q'.repeat(300)}</variable><variable name="Variable">X</variable></expression></condition>` +
        '<action>cmd /c echo</action></step></group></sequence>';
      const file = join(dir, 'long.html');
      writeFileSync(file, renderSequence(readTaskSequence(xml)));
      const page = await browser.context.newPage();
      await page.setViewportSize({ width: 800, height: 600 });
      await page.goto(pathToFileURL(file).href);
      const { scrollWidth, clientWidth } = await page.evaluate(() => {
        const root = (globalThis as unknown as PageGlobals).document.documentElement;
        return { scrollWidth: root.scrollWidth, clientWidth: root.clientWidth };
      });
      expect(scrollWidth).toBe(clientWidth);
      expect(await page.locator('li.step .name').textContent()).toBe('S'.repeat(300));
    } finally {
      await browser.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
