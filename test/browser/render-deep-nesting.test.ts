// An HTML parser nests elements only so deep (Chromium: 512), and each level of groups on a page is three elements
// (li, details, ol): a chain of some 170 groups, which the reader accepts by default (maxDepth 256), put the items
// below that depth, and everything after the chain, in the wrong place in the tree the browser built. The page now
// nests its lists NUMBER_LEVELS groups deep, as the Markdown does, and lists deeper items at that level.
import { describe, expect, it } from 'vitest';
import { readTaskSequence } from '../../lib/index.js';
import { renderSequence } from '../../lib/render/render-sequence.js';
import { NUMBER_LEVELS } from '../../lib/render/view-model.js';
import { chromiumAvailable, pagesInBrowser } from './chromium.js';

/** What the test reads in the page (the project's types have no DOM). */
interface El {
  id: string;
  parentElement: El | null;
  closest(selector: string): El | null;
  querySelector(selector: string): El | null;
  textContent: string | null;
}
type PageGlobals = { document: { getElementById(id: string): El | null; querySelector(selector: string): El | null; querySelectorAll(selector: string): { length: number } & Iterable<El> } };

const DEPTH = 200;
const step = (name: string) => `<step type="SMS_TaskSequence_RunCommandLineAction" name="${name}"><action>cmd /c rem</action></step>`;
const XML = `<sequence version="3.10">${'<group name="g">'.repeat(DEPTH)}${step('Deep')}${'</group>'.repeat(DEPTH)}${step('After')}</sequence>`;

describe.skipIf(!chromiumAvailable())('a chain of 200 groups in headless Chromium', { timeout: 60_000 }, () => {
  const served = pagesInBrowser('cmts-render-deep-', () => ({ 'page.html': renderSequence(readTaskSequence(XML), { lint: false }) }));

  it('builds the tree the page describes: the step after the chain at the top level, the tables in main, each item once', async () => {
    const page = await served.browser.context.newPage();
    await page.goto(served.url['page.html'] as string);
    const seen = await page.evaluate(() => {
      const doc = (globalThis as unknown as PageGlobals).document;
      const itemOf = (name: string) => [...doc.querySelectorAll('li.item .name')].find((n) => n.textContent === name)?.closest('li.item');
      const depthIn = (el: El | null | undefined) => {
        let n = 0;
        for (let e = el?.parentElement; e; e = e.parentElement) if (e.closest('li.item') === e) n++;
        return n;
      };
      const after = itemOf('After');
      const deep = itemOf('Deep');
      return {
        items: doc.querySelectorAll('li.item').length,
        afterAtTop: after?.parentElement === doc.querySelector('ol.tree'),
        deepNumber: deep?.querySelector('.num')?.textContent,
        deepListsAround: depthIn(deep),
        tablesInMain: ['variables', 'packages', 'findings'].map((id) => doc.getElementById(id)?.parentElement === doc.querySelector('main')),
      };
    });
    expect(seen).toEqual({
      items: DEPTH + 2,
      afterAtTop: true,
      // The number still says how deep the step is.
      deepNumber: `${'1.'.repeat(10)}(${DEPTH + 1 - NUMBER_LEVELS} more).${'1.'.repeat(9)}1`,
      deepListsAround: NUMBER_LEVELS,
      tablesInMain: [true, true, true],
    });
  });
});
