// The search box filters steps; typing a group's name showed that group open and empty ("0 steps match"), its steps
// hidden since none of them holds the group's name, though what is looked for is plainly that part of the sequence.
// A group the words match now shows with everything in it, and its steps are counted.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readTaskSequence } from '../../lib/index.js';
import { renderSequence } from '../../lib/render/render-sequence.js';
import { chromiumAvailable, pagesInBrowser } from './chromium.js';

describe.skipIf(!chromiumAvailable())('searching for a group in headless Chromium', { timeout: 60_000 }, () => {
  const served = pagesInBrowser('cmts-render-search-', () => {
    // A group inside a group, so that what a matched group shows is seen to reach every level.
    const xml = readFileSync(resolve('examples', 'refresh-2007.xml'), 'utf8').replace(/(<group name="Restore"[^>]*>)/, '$1<group name="Inner"><step type="SMS_TaskSequence_RunCommandLineAction" name="Deep step"><action>cmd /c rem</action></step></group>');
    return { 'refresh.html': renderSequence(readTaskSequence(xml)) };
  });


  it("shows every step of a group the words match, at every level, and counts them", async () => {
    const page = await served.browser.context.newPage();
    await page.goto(served.url['refresh.html'] as string);
    const groups = page.locator('li.group');
    const count = await groups.count();
    expect(count).toBeGreaterThan(2);
    for (let n = 0; n < count; n++) {
      const group = groups.nth(n);
      const name = (await group.locator(':scope > details > summary .name').textContent()) ?? '';
      await page.locator('#q').fill(name.toLowerCase());
      const inside = group.locator('li.step');
      const steps = await inside.count();
      expect(steps, name).toBeGreaterThan(0);
      for (let k = 0; k < steps; k++) expect(await inside.nth(k).isVisible(), `${name}: step ${k + 1}`).toBe(true);
      const shown = await page.locator('li.step:visible').count();
      expect(await page.locator('#matches').textContent(), name).toBe(`${shown} ${shown === 1 ? 'step matches' : 'steps match'}`);
    }
  });

  it('still hides the steps of a group the words do not match, and shows them all again when cleared', async () => {
    const page = await served.browser.context.newPage();
    await page.goto(served.url['refresh.html'] as string);
    const all = await page.locator('li.step:visible').count();
    await page.locator('#q').fill('restore user');
    expect(await page.locator('li.step:visible .name').allTextContents()).toEqual(['Restore User State']);
    await page.locator('#q').fill('');
    expect(await page.locator('li.step:visible').count()).toBe(all);
  });
});
