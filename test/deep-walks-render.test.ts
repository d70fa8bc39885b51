// The render and inspect walks at any nesting the reader accepts (issue 9): a caller may raise `maxDepth` far past the
// default, and the page, the Markdown, the comparison and the inspect tree each used to recurse once per level and
// threw RangeError a few thousand levels down. Each test works on a chain of groups deeper than that.
import { describe, expect, it } from 'vitest';
import { renderTree, TREE_INDENT_LEVELS } from '../lib/cli/inspect.js';
import { renderHtml } from '../lib/render/render-html.js';
import { renderMarkdown } from '../lib/render/render-markdown.js';
import { NUMBER_LEVELS } from '../lib/render/view-model.js';
import { buildComparisonView, readTaskSequence, renderComparison, renderSequence } from './helpers/api.js';

const DEPTH = 5_000;

const step = (name: string, command = 'cmd') =>
  `<step type="SMS_TaskSequence_RunCommandLineAction" name="${name}"><action>${command}</action>` +
  `<defaultVarList><variable name="CommandLine" property="CommandLine">${command}</variable></defaultVarList></step>`;

// DEPTH groups named g, one inside the other, with steps a and b at the bottom; a step after the chain at the top, so
// every group must be closed before it for it to land at the top level again.
const chain = (inner: string) => `<sequence version="3.00">${'<group name="g">'.repeat(DEPTH)}${inner}${'</group>'.repeat(DEPTH)}${step('after')}</sequence>`;
const read = (text: string) => readTaskSequence(text, { maxDepth: DEPTH + 20 });
const original = () => read(chain(step('a') + step('b')));

// Outline numbers: the innermost group is 1.1.….1 (DEPTH ones), its steps one level further. A page shows at most
// NUMBER_LEVELS levels of a number (the first and last ten, and how many are left out), and the Markdown list nests
// as deep and no deeper, so that neither grows with the square of the depth.
const ones = (levels: number, last: number) => (levels <= NUMBER_LEVELS ? `${'1.'.repeat(levels - 1)}${last}` : `${'1.'.repeat(10)}(${levels - NUMBER_LEVELS} more).${'1.'.repeat(9)}${last}`);
const innermost = (i: number) => ones(DEPTH + 1, i);
const indent = (depth: number) => '  '.repeat(Math.min(depth, NUMBER_LEVELS));
const count = (text: string, part: string) => text.split(part).length - 1;
// The page nests its lists NUMBER_LEVELS groups deep, as the Markdown does: a deeper group is closed before its
// contents, which follow it in the same list (an HTML parser nests only so deep).
const CLOSE_GROUP = '</ol></details></li>\n';
const CLOSE_FLAT_GROUP = '</details></li>\n';

// Each test reads and renders a 5,000-level document (and diffs two, or draws the inspect tree, whose lines carry
// their depth): seconds under coverage on a busy machine, so the limit is explicit.
describe('render and inspect walks at a depth past the call stack', { timeout: 120_000 }, () => {
  it('renderSequence writes the page: every item, numbered and id-ed in order, every group closed before the next item', () => {
    const html = renderSequence(original(), { lint: false });
    expect(count(html, '<li class="item ')).toBe(DEPTH + 3);
    expect(count(html, '<details open>')).toBe(DEPTH);
    expect(count(html, CLOSE_GROUP)).toBe(NUMBER_LEVELS);
    expect(count(html, CLOSE_FLAT_GROUP)).toBe(DEPTH);
    expect(html).toContain(`<p class="summary">3 steps in ${DEPTH} groups;`);
    // The bottom steps: ids after the DEPTH groups' (pre-order), numbers with DEPTH dots; then every nested list closes.
    const a = `<li class="item step" id="i${DEPTH + 1}" data-search="${innermost(1)} a run command line`;
    const b = `<li class="item step" id="i${DEPTH + 2}" data-search="${innermost(2)} b run command line`;
    expect(html).toContain(a);
    expect(html).toContain(b);
    expect(html.indexOf(a)).toBeLessThan(html.indexOf(b));
    expect(html).toContain(`<span class="num">${innermost(2)}</span> <span class="name" dir="auto">b</span>`);
    const afterB = html.indexOf('</li>\n', html.indexOf(b)) + '</li>\n'.length;
    expect(html.startsWith(`${CLOSE_GROUP.repeat(NUMBER_LEVELS)}<li class="item step" id="i${DEPTH + 3}" data-search="2 after `, afterB)).toBe(true);
    expect(html.endsWith('</html>\n')).toBe(true);
  });

  it('renderSequence writes the Markdown: one list line per item, indented a level per group down to NUMBER_LEVELS', () => {
    const md = renderSequence(original(), { lint: false, format: 'md' });
    const lines = md.split('\n');
    const items = lines.filter((l) => /^ *- [0-9.]+(\([0-9]+ more\)\.[0-9.]+)? \*\*/.test(l));
    expect(items).toHaveLength(DEPTH + 3);
    expect(items[0]).toBe('- 1 **g** (group)');
    expect(items[DEPTH - 1]).toBe(`${indent(DEPTH - 1)}- ${ones(DEPTH, 1)} **g** (group)`);
    expect(items[DEPTH]).toBe(`${indent(DEPTH)}- ${innermost(1)} **a** (Run Command Line)`);
    expect(items[DEPTH + 1]).toBe(`${indent(DEPTH)}- ${innermost(2)} **b** (Run Command Line)`);
    expect(items[DEPTH + 2]).toBe('- 2 **after** (Run Command Line)');
    expect(lines).toContain(`3 steps in ${DEPTH} groups; 0 variables, 0 packages.`);
  });

  it('buildComparisonView lays the changes over the deep tree and puts a removed step back at the bottom', () => {
    const edited = read(chain(step('a', 'cmd /c changed') + step('c', 'new')));
    const view = buildComparisonView(original(), edited, { lint: false });
    expect(view.changes?.summary).toStrictEqual({ added: 1, removed: 1, moved: 0, changed: 1 });

    const html = renderHtml(view);
    expect(count(html, '<li class="item ')).toBe(DEPTH + 4);
    expect(count(html, CLOSE_GROUP)).toBe(NUMBER_LEVELS);
    // At the bottom: a (changed), b put back where it was (removed, its old id and number, "was"), c (added), in order.
    const a = html.indexOf(`<li class="item step changed" id="i${DEPTH + 1}" data-search="${innermost(1)} a `);
    const b = html.indexOf(`<li class="item step removed" id="ri${DEPTH + 2}" data-search="was ${innermost(2)} b `);
    const c = html.indexOf(`<li class="item step added" id="i${DEPTH + 2}" data-search="${innermost(2)} c `);
    expect(a).toBeGreaterThan(0);
    expect(b).toBeGreaterThan(a);
    expect(c).toBeGreaterThan(b);
    expect(html.indexOf(`${CLOSE_GROUP.repeat(NUMBER_LEVELS)}<li class="item step" id="i${DEPTH + 3}"`)).toBeGreaterThan(c);

    const md = renderMarkdown(view).split('\n');
    const pad = indent(DEPTH);
    const at = md.indexOf(`${pad}- ${innermost(1)} **a** (Run Command Line) — **CHANGED**`);
    expect(at).toBeGreaterThan(0);
    // One edit, one change: the action line is its variable's rendering on both sides, so only the variable is listed.
    expect(md.slice(at + 1, at + 5)).toStrictEqual([
      `${pad}  - command line: cmd /c changed`,
      `${pad}  - changed variable CommandLine: cmd → cmd /c changed`,
      `${pad}- was ${innermost(2)} **~~b~~** (Run Command Line) — **REMOVED**`,
      `${pad}  - command line: cmd`,
    ]);
    expect(md[at + 5]).toBe(`${pad}- ${innermost(2)} **c** (Run Command Line) — **ADDED**`);
  });

  it('renderComparison puts a whole removed chain back, every level struck through and closed', () => {
    const html = renderComparison(original(), read(`<sequence version="3.00">${step('after')}</sequence>`));
    expect(count(html, '<li class="item group removed"')).toBe(DEPTH);
    expect(count(html, '<li class="item step removed"')).toBe(2);
    expect(count(html, CLOSE_GROUP)).toBe(NUMBER_LEVELS);
    expect(count(html, CLOSE_FLAT_GROUP)).toBe(DEPTH);
    expect(html).toContain(`<span class="badge removed">${DEPTH + 2} removed</span>`);
    // The copies keep the old numbers, after "was", and ids, prefixed with r; the kept step follows the closed chain.
    expect(html).toContain(`<li class="item step removed" id="ri${DEPTH + 2}" data-search="was ${innermost(2)} b `);
    expect(html).toContain(`${CLOSE_GROUP.repeat(NUMBER_LEVELS)}<li class="item step" id="i1" data-search="1 after `);

    const md = renderComparison(original(), read(`<sequence version="3.00">${step('after')}</sequence>`), { format: 'md' }).split('\n');
    expect(md).toContain(`${indent(DEPTH)}- was ${innermost(2)} **~~b~~** (Run Command Line) — **REMOVED**`);
    expect(md.filter((l) => l.endsWith('**~~g~~** (group) — **REMOVED**'))).toHaveLength(DEPTH);
  });

  // `cmts inspect` has no option to raise maxDepth (only --max-bytes and --max-nodes), so the CLI cannot read such a
  // document: the tree it prints is tested here through renderTree, the function the command calls.
  it('renderTree draws the inspect tree down to the bottom and back, indented to TREE_INDENT_LEVELS', () => {
    const lines = renderTree(original(), 'deep.xml').split('\n');
    expect(lines).toHaveLength(DEPTH + 8);
    expect(lines[0]).toBe('deep.xml (bare <sequence>, sequence version 3.00, UTF-8)');
    expect(lines[1]).toBe('├─ g  (group)');
    expect(lines[2]).toBe('│  └─ g  (group)');
    // Deeper than TREE_INDENT_LEVELS, an item is drawn at that level's column and says its own level.
    const bottom = `│  ${'   '.repeat(TREE_INDENT_LEVELS - 2)}`;
    expect(lines[TREE_INDENT_LEVELS + 1]).toBe(`${bottom}└─ [level ${TREE_INDENT_LEVELS + 1}] g  (group)`);
    expect(lines.slice(DEPTH + 1)).toStrictEqual([
      `${bottom}├─ [level ${DEPTH + 1}] a  (Run Command Line)`,
      `${bottom}│     command line: cmd`,
      `${bottom}└─ [level ${DEPTH + 1}] b  (Run Command Line)`,
      `${bottom}      command line: cmd`,
      '└─ after  (Run Command Line)',
      '      command line: cmd',
      '',
    ]);
  });
});
