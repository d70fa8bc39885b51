// Past NUMBER_LEVELS (20) levels of groups, a page lists a group's contents after it in the same list, and the search
// script took each item's group from the tree around it: typing the name of a group deeper than 20 levels showed it
// empty ("0 steps match"), and a step found there showed without the groups on its way. Each such item now names its
// group in data-up, which the script reads.
import { describe, expect, it } from 'vitest';
import { readTaskSequence } from '../../lib/index.js';
import { renderSequence } from '../../lib/render/render-sequence.js';
import { NUMBER_LEVELS } from '../../lib/render/view-model.js';
import { chromiumAvailable, pagesInBrowser } from './chromium.js';

const DEPTH = 25;
const two = (n: number) => String(n).padStart(2, '0');
const step = (n: number) => `<step type="SMS_TaskSequence_RunCommandLineAction" name="S${two(n)}"><action>cmd /c rem</action></step>`;
const XML = `<sequence version="3.10">${Array.from({ length: DEPTH }, (_, n) => `<group name="G${two(n)}">${step(n)}`).join('')}${'</group>'.repeat(DEPTH)}</sequence>`;

describe.skipIf(!chromiumAvailable())(`searching groups deeper than ${NUMBER_LEVELS} levels in headless Chromium`, { timeout: 60_000 }, () => {
  const served = pagesInBrowser('cmts-render-search-deep-', () => ({ 'deep.html': renderSequence(readTaskSequence(XML), { lint: false }) }));

  const search = async (words: string) => {
    const page = await served.browser.context.newPage();
    await page.goto(served.url['deep.html'] as string);
    await page.locator('#q').fill(words);
    const visible = await page.locator('li.item:visible > .head .name, li.item:visible > details > summary .name').allTextContents();
    const count = await page.locator('#matches').textContent();
    await page.close();
    return { visible, count };
  };

  it('a group found by its name past the limit shows with all its steps', async () => {
    expect(NUMBER_LEVELS).toBeLessThan(22);
    const { visible, count } = await search('g22');
    expect(count).toBe('3 steps match');
    expect(visible.filter((n) => n.startsWith('S'))).toEqual(['S22', 'S23', 'S24']);
  });

  it('a step found past the limit shows with every group on its way', async () => {
    const { visible, count } = await search('s23');
    expect(count).toBe('1 step matches');
    expect(visible).toEqual([...Array.from({ length: 24 }, (_, n) => `G${two(n)}`), 'S23']);
  });

  it('within the limit, as before', async () => {
    const { visible, count } = await search('g19');
    expect(count).toBe('6 steps match');
    expect(visible.filter((n) => n.startsWith('S'))).toEqual(['S19', 'S20', 'S21', 'S22', 'S23', 'S24']);
  });
});
