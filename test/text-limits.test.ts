// fromYaml counts, before the YAML library sees a text, the places where a YAML item can start: the library's syntax
// tree costs 200-1,500 bytes a place (text-cost.ts), so a text within the byte limit (63 MiB of `- 0` lines) exhausted the heap and
// aborted `cmts build`. Past maxNodes the text is refused with INPUT_TOO_LARGE and its place, never an abort. A tag,
// an anchor or an alias is a node of the library's own too: `- &a !t 1` cost it over three times an item's memory.
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fromYaml } from '../lib/api/text.js';
import { cmts } from './helpers/cli-process.js';
import { thrown } from './helpers/thrown.js';

const EXAMPLE = readFileSync(join(import.meta.dirname, '..', 'examples', 'osd-as-code.yaml'), 'utf8');

/** The offsets of the characters where a YAML item can start, as fromYaml counts them. */
const places = (text: string): number[] => [...text.matchAll(/[\n,\-:?[{!&*]/g)].map((m) => m.index);

describe('the YAML item limit (maxNodes)', () => {
  it('a text with exactly maxNodes places builds; one fewer allowed is refused where the count passes it', () => {
    const at = places(EXAMPLE);
    expect(at.length).toBeGreaterThan(100);
    expect(fromYaml(EXAMPLE, { maxNodes: at.length }).sequence.children.length).toBeGreaterThan(0);
    const e = thrown(() => fromYaml(EXAMPLE, { maxNodes: at.length - 1 }));
    expect(e.code).toBe('INPUT_TOO_LARGE');
    expect(e.message).toContain(`more than ${at.length - 1} places`);
    // The place is the last counted character, as a line and column of the text.
    const last = at[at.length - 1] as number;
    const line = EXAMPLE.slice(0, last).split('\n').length;
    const col = last - EXAMPLE.lastIndexOf('\n', last - 1);
    expect(e.linePos).toEqual({ line, col });
    expect(e.range).toEqual([last, last]);
  });

  it('the default allows a real text form many times over, and refuses 1,500,001 places', () => {
    expect(fromYaml(EXAMPLE).sequence.children.length).toBeGreaterThan(0);
    // `x:` and its line end, then 749,999 lines of `- 0` and one more `- 0`: 2 + 2 × 749,999 + 1 places, one over.
    const lines = `x:\n${'- 0\n'.repeat(749_999)}- 0`;
    expect(places(lines).length).toBe(1_500_001);
    expect(thrown(() => fromYaml(lines)).code).toBe('INPUT_TOO_LARGE');
  });

  it('refuses a maxNodes that is not a positive whole number', () => {
    for (const bad of [0, -1, 1.5, Number.NaN]) expect(thrown(() => fromYaml(EXAMPLE, { maxNodes: bad })).code).toBe('INVALID_ARGUMENT');
  });

  it('cmts build refuses a flow list of a million items with INPUT_TOO_LARGE and its place, writing nothing (exit 1)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'cmts-text-limit-'));
    try {
      const input = join(dir, 'many.yaml');
      const output = join(dir, 'many.xml');
      // 2 MB; parsed whole, the library's tree of it took 722 MB.
      writeFileSync(input, `container: sequence\nsteps: []\nx: [${'0,'.repeat(1_600_000)}0]\n`);
      const r = cmts(['build', input, '-o', output]);
      expect(r.status).toBe(1);
      expect(r.stderr).toContain('INPUT_TOO_LARGE');
      expect(r.stderr).toContain(`${input}:3:`);
      expect(r.stderr).not.toMatch(/heap|RangeError|\n +at /);
      expect(existsSync(output)).toBe(false);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('the YAML item limit counts tags, anchors and aliases', () => {
  it('items with an anchor and a tag each are refused at a third of the items that plain ones are', () => {
    const items = (n: number, item: string) => `x:\n${`- ${item}\n`.repeat(n)}`;
    const plain = thrown(() => fromYaml(items(1000, '0'), { maxNodes: 2003 }));
    expect(plain.code).not.toBe('INPUT_TOO_LARGE');
    const tagged = thrown(() => fromYaml(items(1000, '&a !t 0'), { maxNodes: 2003 }));
    expect(tagged.code).toBe('INPUT_TOO_LARGE');
    expect(tagged.message).toContain('tag, anchor or alias');
    expect(places(items(1000, '&a !t 0')).length).toBe(4002);
    expect(thrown(() => fromYaml(items(1000, '*a'), { maxNodes: 2003 })).code).toBe('INPUT_TOO_LARGE');
  });

  // 200,000 items: past what a call's arguments can hold (a spread of them overflowed the call stack), and, each one a
  // problem, past what the schema's check did in hours (it copied every problem so far for each bad item).
  it('a flow list of 200,000 items that are no steps is a typed error, not an overflow of the call stack', { timeout: 120_000 }, () => {
    const e = thrown(() => fromYaml(`version: "3.10"\nsteps: [${Array(200_000).fill('1').join(',')}]\n`));
    expect(e.code).toMatch(/^[A-Z_]+$/);
    expect(e.message).not.toMatch(/call stack/i);
  });
});
