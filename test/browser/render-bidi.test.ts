// Right-to-left names beside other text on the page. Left to the Unicode bidirectional algorithm, a number that
// follows a Hebrew name with only a comma and a space between is drawn as part of its right-to-left run: in the "set
// by" cell "1 שלום, 2.1 B second" showed "2.1" left of "שלום", so the second step's number read as the first's, and
// the path "קבוצה/שלום" of a moved step showed its step left of its group. Each name is isolated now (<bdi>).
import { describe, expect, it } from 'vitest';
import { readTaskSequence } from '../../lib/index.js';
import { renderComparison } from '../../lib/render/render-sequence.js';
import { chromiumAvailable, pagesInBrowser } from './chromium.js';

const setVariable = (name: string, value: string) =>
  `<step type="SMS_TaskSequence_SetVariableAction" name="${name}"><defaultVarList><variable name="VariableName" property="VariableName">OSDComputerName</variable>` +
  `<variable name="VariableValue" property="VariableValue">${value}</variable></defaultVarList><action>tsenv.exe</action></step>`;
// The Hebrew step moves out of its group to the top, before it: "moved from קבוצה/שלום", and the variable's cell
// lists it first.
// A global variable's value changes from one Hebrew word to another: "אלף" → "בית".
const global = (value: string) => `<globalVarList><variable name="G" property="G">${value}</variable></globalVarList>`;
const before = `<sequence version="3.10"><group name="קבוצה">${setVariable('שלום', 'מחשב')}${setVariable('B second', 'x')}</group>${global('אלף')}</sequence>`;
const after = `<sequence version="3.10">${setVariable('שלום', 'מחשב')}<group name="קבוצה">${setVariable('B second', 'x')}</group>${global('בית')}</sequence>`;

// The tests compile without the DOM library: what runs in the page reaches it through globalThis.
interface Rect {
  left: number;
  right: number;
}

describe.skipIf(!chromiumAvailable())('right-to-left names in headless Chromium', { timeout: 60_000 }, () => {
  const served = pagesInBrowser('cmts-render-bidi-', () => ({ 'compare.html': renderComparison(readTaskSequence(before), readTaskSequence(after)) }));

  /** Where `text` (within one text node of the element `selector` finds) is drawn: the union of its boxes. */
  async function place(selector: string, text: string): Promise<Rect> {
    const page = served.browser.context.pages()[0] ?? (await served.browser.context.newPage());
    if (!page.url().startsWith('file:')) await page.goto(served.url['compare.html'] as string);
    return page.locator(selector).first().evaluate((el, wanted) => {
      type Node = { nodeType: number; nodeValue: string | null; childNodes: ArrayLike<Node> };
      type Range = { setStart(n: Node, o: number): void; setEnd(n: Node, o: number): void; getClientRects(): ArrayLike<Rect> };
      const doc = (globalThis as unknown as { document: { createRange(): Range } }).document;
      const stack: Node[] = [el];
      for (let n = stack.pop(); n; n = stack.pop()) {
        const at = n.nodeType === 3 ? (n.nodeValue ?? '').indexOf(wanted) : -1;
        if (at !== -1) {
          const range = doc.createRange();
          range.setStart(n, at);
          range.setEnd(n, at + wanted.length);
          const rects = Array.from(range.getClientRects()).filter((r) => r.right > r.left);
          return { left: Math.min(...rects.map((r) => r.left)), right: Math.max(...rects.map((r) => r.right)) };
        }
        for (let i = n.childNodes.length - 1; i >= 0; i--) stack.push(n.childNodes[i] as Node);
      }
      throw new Error(`no text ${wanted}`);
    }, text);
  }

  it('draws the number of the next step of a list after a right-to-left name, not before it', async () => {
    // The rows are in name order: G, then OSDComputerName, which two steps set.
    const cell = '#variables tbody tr:last-child td';
    const name = await place(cell, 'שלום');
    const next = await place(cell, '2.1');
    expect(next.left).toBeGreaterThanOrEqual(name.right);
    expect((await place(cell, '1')).right).toBeLessThanOrEqual(name.left);
  });

  it('draws a changed value before its arrow and the new value after it', async () => {
    const change = '#changes li';
    const arrow = await place(change, '→');
    expect((await place(change, 'אלף')).right).toBeLessThanOrEqual(arrow.left);
    expect((await place(change, 'בית')).left).toBeGreaterThanOrEqual(arrow.right);
  });

  it('draws a moved step\'s old path group first, step second, and its number before its name', async () => {
    const badge = 'li.moved .badge.moved';
    expect((await place(badge, 'קבוצה')).right).toBeLessThanOrEqual((await place(badge, 'שלום')).left);
    expect((await place('li.moved .num', '1')).right).toBeLessThanOrEqual((await place('li.moved .name', 'שלום')).left);
  });
});
