// A page showed every item's full outline number ("1.1.….1.2", one part per level), indented each Markdown line by its
// depth and keyed its findings by every item's full path: on a chain of N groups all three grow with N² (5,000 levels:
// a 33 MB page; 10,000: 100 million characters of numbers alone). Numbers now show at most NUMBER_LEVELS levels
// (the first and last ten, and how many are left out), the Markdown list nests as deep and no deeper, and findings are
// matched through path ids. These pin what is shown and that it is the same as before wherever it was sensible.
import { describe, expect, it } from 'vitest';
import { lint } from '../lib/lint/index.js';
import { listItems } from '../lib/model/query.js';
import { buildSequenceView } from '../lib/render/build-sequence-view.js';
import { flattenItems, NUMBER_LEVELS, type ItemView } from '../lib/render/view-model.js';
import { readTaskSequence, renderSequence } from './helpers/api.js';

const step = (name: string, extra = '') =>
  `<step type="SMS_TaskSequence_RunCommandLineAction" name="${name}"${extra}><action>cmd</action><defaultVarList><variable name="CommandLine" property="CommandLine">cmd</variable></defaultVarList></step>`;

/** What a number with these parts shows: all of them up to NUMBER_LEVELS, else the first and last ten around a count. */
function shown(parts: number[]): string {
  if (parts.length <= NUMBER_LEVELS) return parts.join('.');
  return `${parts.slice(0, 10).join('.')}.(${parts.length - NUMBER_LEVELS} more).${parts.slice(-10).join('.')}`;
}

/**
 * A chain of `depth` groups; level i has (i mod 4) steps before its group, so that the numbers are not all ones, and
 * the bottom group holds steps a and b.
 */
function chain(depth: number): string {
  let open = '';
  for (let i = 0; i < depth; i++) open += `\n${Array.from({ length: i % 4 }, (_, k) => step(`s${i}.${k}`)).join('')}<group name="g${i}">`;
  return `<sequence version="3.10">${open}${step('a')}${step('b')}${'</group>'.repeat(depth)}</sequence>`;
}

describe('outline numbers and the Markdown list at depth', () => {
  it('numbers every item as its full number would be shown, past NUMBER_LEVELS with the first and last ten levels', () => {
    const depth = 60;
    const doc = readTaskSequence(chain(depth), { maxDepth: 100 });
    const view = buildSequenceView(doc, { lint: false });
    // The full numbers, made independently: each item's place among its group's items, from the top down.
    const full = new Map<ItemView, number[]>();
    const stack: [ItemView[], number[]][] = [[view.items, []]];
    for (let top = stack.pop(); top; top = stack.pop()) {
      const [list, above] = top;
      list.forEach((item, k) => {
        full.set(item, [...above, k + 1]);
        stack.push([item.children, [...above, k + 1]]);
      });
    }
    const all = flattenItems(view.items);
    expect(all).toHaveLength(depth + 2 + [...Array(depth).keys()].reduce((n, i) => n + (i % 4), 0));
    for (const item of all) expect(item.number).toBe(shown(full.get(item) as number[]));
    // Around the bound: 20 levels in full, 21 with one left out.
    const byLevels = (n: number) => all.find((i) => full.get(i)?.length === n && i.kind === 'group') as ItemView;
    expect(byLevels(NUMBER_LEVELS).number.split('.')).toHaveLength(NUMBER_LEVELS);
    expect(byLevels(NUMBER_LEVELS + 1).number).toBe(`${(full.get(byLevels(NUMBER_LEVELS + 1)) as number[]).slice(0, 10).join('.')}.(1 more).${(full.get(byLevels(NUMBER_LEVELS + 1)) as number[]).slice(-10).join('.')}`);
    expect(all.find((i) => i.name === 'b')?.number).toMatch(/^1\.2\.3\.4\.1\.2\.3\.4\.1\.2\.\(41 more\)\.4\.1\.2\.3\.4\.1\.2\.3\.4\.2$/);
  });

  it('gives every item the path the listing gives it, escapes and repeated names included', () => {
    const xml = `<sequence version="3.10"><group name="a/b">${step('x\\y')}<group>${step('')}</group></group><group name="a"><group name="b">${step('x\\y')}</group></group>${chain(150).replace(/^<sequence version="3.10">|<\/sequence>$/g, '')}</sequence>`;
    const doc = readTaskSequence(xml, { maxDepth: 200 });
    expect(flattenItems(buildSequenceView(doc, { lint: false }).items).map((i) => i.path)).toEqual(listItems(doc.sequence).map((l) => l.path));
  });

  it('puts each finding beside the item at its path and line, as the paths did: a / in a name is not a group', () => {
    const xml = `<sequence version="3.10">\n<group name="a/b">\n${step('x\\y', ' bogus="1"')}\n${step('x\\y', ' bogus="2"')}\n</group>\n<group name="a">\n<group name="b">\n${step('x\\y', ' bogus="3"')}\n</group>\n</group>\n</sequence>`;
    const doc = readTaskSequence(xml);
    const diagnostics = lint(doc).filter((d) => d.code === 'catalog/unknown-attribute');
    expect(diagnostics.map((d) => [d.path, d.line])).toEqual([
      ['a\\/b/x\\\\y', 3],
      ['a\\/b/x\\\\y', 4],
      ['a/b/x\\\\y', 8],
    ]);
    const steps = flattenItems(buildSequenceView(doc).items).filter((i) => i.kind === 'step');
    expect(steps.map((i) => i.findings.filter((f) => f.rule === 'catalog/unknown-attribute').map((f) => f.line))).toEqual([[3], [4], [8]]);
  });

  it('renders a chain of 10,000 groups with every number and line of bounded length', () => {
    const depth = 10_000;
    const doc = readTaskSequence(`<sequence version="3.10">${'<group name="g">'.repeat(depth)}${step('a')}${'</group>'.repeat(depth)}${step('after')}</sequence>`, { maxDepth: depth + 10 });
    const html = renderSequence(doc, { lint: false });
    const numbers = [...html.matchAll(/<span class="num">([^<]*)<\/span>/g)].map((m) => m[1] as string);
    expect(numbers).toHaveLength(depth + 2);
    expect(numbers[depth]).toBe(`${'1.'.repeat(10)}(${depth + 1 - NUMBER_LEVELS} more).${'1.'.repeat(9)}1`);
    expect(numbers[depth + 1]).toBe('2');
    expect(Math.max(...numbers.map((n) => n.length))).toBeLessThan(60);
    // Linear: what each item adds to the page is bounded (a full number alone was 20,000 characters here).
    expect(html.length).toBeLessThan(400 * depth);

    const md = renderSequence(doc, { lint: false, format: 'md' }).split('\n');
    expect(Math.max(...md.map((l) => l.length))).toBeLessThan(150);
    const items = md.filter((l) => /^ *- [0-9(]/.test(l));
    expect(items).toHaveLength(depth + 2);
    // Nested down to NUMBER_LEVELS levels, then listed at that level, in order.
    expect(items[NUMBER_LEVELS - 1]?.startsWith(`${'  '.repeat(NUMBER_LEVELS - 1)}- `)).toBe(true);
    expect(items[depth]).toBe(`${'  '.repeat(NUMBER_LEVELS)}- ${numbers[depth]} **a** (Run Command Line)`);
    expect(items[depth + 1]).toBe('- 2 **after** (Run Command Line)');
  });
});
