// What grows with the square of the nesting is bounded, and past its bound refused with a typed error: a sequence read
// with a raised maxDepth (a library option, and `--max-depth` on the command line) could hold groups nested 20,000
// deep, and listing its items made `lint`, `diff` and `render` run out of heap and abort the process, while `inspect`,
// `convert` and `--json` output failed with "Invalid string length" or "Maximum call stack size exceeded".
import { describe, expect, it } from 'vitest';
import { readTaskSequence } from '../lib/index.js';
import { LIST_LIMITS, listItems } from '../lib/model/query.js';
import { deepJsonText, JSON_INDENT_LEVELS, jsonText } from '../lib/cli/json-text.js';
import { stringifyYaml } from '../lib/text/yaml-text.js';
import { cliFiles } from './helpers/cli-files.js';
import { cmts } from './helpers/cli-process.js';
import { verdict } from './helpers/thrown.js';

/** `depth` groups, one inside the next, each named `name` and its number, with one step at the bottom. */
function chain(depth: number, name = 'G'): string {
  const open = Array.from({ length: depth }, (_, i) => `<group name="${name}${i}">`).join('');
  return `<sequence version="3.10">${open}<step type="SMS_TaskSequence_RunCommandLineAction" name="S"><action>cmd</action></step>${'</group>'.repeat(depth)}</sequence>`;
}

describe('listing the items of a deeply nested sequence', () => {
  it('lists a chain of 5,000 groups, each item with every group above it and its whole path', () => {
    const doc = readTaskSequence(chain(5000), { maxDepth: 6000 });
    const items = listItems(doc.sequence);
    expect(items).toHaveLength(5001);
    const bottom = items[5000];
    expect(bottom?.groups).toHaveLength(5000);
    expect(bottom?.groups[4999]?.attributes.name).toBe('G4999');
    expect(bottom?.path.startsWith('G0/G1/G2/')).toBe(true);
    expect(bottom?.path.endsWith('/G4999/S')).toBe(true);
  });

  /** Runs `f` with the listing's bounds set to `limits`, then puts them back. */
  function withLimits<T>(limits: Partial<typeof LIST_LIMITS>, f: () => T): T {
    const saved = { ...LIST_LIMITS };
    Object.assign(LIST_LIMITS, limits);
    try {
      return f();
    } finally {
      Object.assign(LIST_LIMITS, saved);
    }
  }

  it('counts the groups arrays made: one per group that holds items, as long as its depth', () => {
    // A chain of 100 groups, each holding the next (or the step): arrays of 1 to 100 entries, 5,050 in all. Empty
    // groups at the bottom, 1,000 of them, need no array: they cost nothing.
    const empties = '<group name="e"/>'.repeat(1000);
    const xml = chain(100).replace('<step ', `${empties}<step `);
    const doc = readTaskSequence(xml);
    expect(withLimits({ groupEntries: 5050 }, () => listItems(doc.sequence))).toHaveLength(100 + 1000 + 1);
    expect(() => withLimits({ groupEntries: 5049 }, () => listItems(doc.sequence))).toThrow(
      'The steps and groups cannot be listed: the lists of the groups above each would hold over 5049 entries (LIST_LIMITS)',
    );
  });

  it('counts every path as long as it is read, and refuses past the bound', () => {
    const doc = readTaskSequence(chain(50, 'Name'));
    const total = listItems(doc.sequence).reduce((n, l) => n + l.path.length, 0);
    expect(withLimits({ pathCharacters: total }, () => listItems(doc.sequence))).toHaveLength(51);
    expect(verdict(() => withLimits({ pathCharacters: total - 1 }, () => listItems(doc.sequence)))).toBe('INPUT_TOO_LARGE');
  });

  it('refuses a chain of 20,000 groups by its own bounds, before the memory is spent', () => {
    const doc = readTaskSequence(chain(20000), { maxDepth: 30000 });
    expect(() => doc.steps()).toThrow(/cannot be listed: the lists of the groups above each would hold over 33554432 entries \(LIST_LIMITS\)/);
  });

  it('lists a wide sequence in full at the default bounds: 200,000 steps under five groups with long names', () => {
    // Paths of about 1,000 characters: 200 million in all, which is what reading every one would cost. (A bound of
    // 134 million refused this, and a real 44 MB export of 1.3 million steps five groups deep.)
    const names = Array.from({ length: 5 }, (_, i) => `${i} ${'a long group name '.repeat(11)}`);
    const steps = '<step type="x" name="0123456789"/>'.repeat(200000);
    const xml = `<sequence version="3.10">${names.map((n) => `<group name="${n}">`).join('')}${steps}${'</group>'.repeat(5)}</sequence>`;
    const items = listItems(readTaskSequence(xml).sequence);
    expect(items).toHaveLength(200005);
    expect(items[200004]?.path).toBe(`${names.join('/')}/0123456789`);
  });

  it('lists a wide sequence of many items at little depth in full', () => {
    const groups = Array.from({ length: 2000 }, (_, i) => `<group name="g${i}"><group name="h"><step type="SMS_TaskSequence_RunCommandLineAction" name="s"><action>cmd</action></step></group></group>`).join('');
    const items = listItems(readTaskSequence(`<sequence version="3.10">${groups}</sequence>`).sequence);
    expect(items).toHaveLength(6000);
    expect(items[5999]?.path).toBe('g1999/h/s');
  });
});

describe('jsonText: JSON.stringify(value, null, 2) at any depth', () => {
  const samples: unknown[] = [
    {},
    [],
    { a: 1, b: 'two', c: [true, false, null], d: { e: {}, f: [] } },
    [undefined, () => 1, Symbol('s'), Number.NaN, Number.POSITIVE_INFINITY, -0, 1e21, 'q"\\\n\u2028\ud800'],
    { skip: undefined, fn: () => 1, keep: 'k', 'key "quoted"\n': 1, 'é': ['ü'] },
    { date: new Date(0), boxed: [Object(1), Object('s'), Object(false)], nested: { toJSON: (key: string) => `key:${key}` } },
    'just a string',
    42,
    null,
    [[[[]]], [{}], [{ a: [{ b: [] }] }]],
    // Sparse, a function with toJSON, a prototype with no value slot, a Boolean whose valueOf lies, integer-like keys.
    [, 1, , 2],
    { fn: Object.assign(() => 1, { toJSON: () => 'fn' }) },
    { fake: Object.create(Number.prototype) as object },
    { lying: Object.assign(Object(false) as object, { valueOf: () => true }) },
    { b: 1, 2: 'two', a: 3, 1: 'one' },
  ];

  it('writes what JSON.stringify writes, by either way', () => {
    for (const value of samples) {
      const expected = JSON.stringify(value, null, 2);
      expect(jsonText(value)).toBe(expected);
      expect(deepJsonText(value)).toBe(expected);
    }
  });

  it('writes random plain data as JSON.stringify does (its explicit stack against the library)', () => {
    let seed = 7;
    const rand = (n: number) => ((seed = (seed * 1103515245 + 12345) % 2147483648) % n);
    const make = (depth: number): unknown => {
      const k = rand(depth > 5 ? 4 : 7);
      if (k === 0) return rand(1000) - 500;
      if (k === 1) return ['x', '', 'a\tb', '"', '\u0001'][rand(5)];
      if (k === 2) return [true, false, null, undefined][rand(4)];
      if (k === 3) return rand(2) ? 0.5 : -1e-7;
      if (k === 4 || k === 5) return Array.from({ length: rand(4) }, () => make(depth + 1));
      return Object.fromEntries(Array.from({ length: rand(4) }, (_, i) => [`k${i}${rand(3) ? '' : '"'}`, make(depth + 1)]));
    };
    for (let i = 0; i < 300; i++) {
      const value = make(0);
      expect(deepJsonText(value)).toBe(JSON.stringify(value, null, 2));
    }
  });

  it('writes a value nested deeper than JSON.stringify can go (7,000 lists), as JSON.stringify would to JSON_INDENT_LEVELS', () => {
    const depth = 7000;
    let deep: unknown = 0;
    for (let i = 0; i < depth; i++) deep = [deep];
    expect(() => JSON.stringify(deep, null, 2)).toThrow(RangeError);
    // What JSON.stringify writes for a list in a list: each level a line that opens and one that closes, two spaces in
    // (to JSON_INDENT_LEVELS: deeper lines are indented as that level).
    const pad = (level: number) => '  '.repeat(Math.min(level, JSON_INDENT_LEVELS));
    const opens = Array.from({ length: depth }, (_, i) => `${pad(i)}[`);
    const closes = Array.from({ length: depth }, (_, i) => `${pad(depth - 1 - i)}]`);
    expect(jsonText(deep)).toBe([...opens, `${pad(depth)}0`, ...closes].join('\n'));
    expect(deepJsonText(deep)).toBe([...opens.map((_, i) => `${'  '.repeat(i)}[`), `${'  '.repeat(depth)}0`, ...closes.map((_, i) => `${'  '.repeat(depth - 1 - i)}]`)].join('\n'));
  });

  it('refuses a text longer than its bound with INPUT_TOO_LARGE, by either way', () => {
    expect(verdict(() => jsonText({ a: 'x'.repeat(200) }, 100))).toBe('INPUT_TOO_LARGE');
    let deep: unknown = 0;
    for (let i = 0; i < 20000; i++) deep = [deep];
    expect(verdict(() => jsonText(deep, 1_000_000))).toBe('INPUT_TOO_LARGE');
    expect(jsonText({ a: 'x'.repeat(10) }, 100)).toBe(JSON.stringify({ a: 'x'.repeat(10) }, null, 2));
  });

  it('reads an array\'s length once, as JSON.stringify does, and refuses a BigInt object', () => {
    const grows: unknown[] = [1, { toJSON: () => (grows.push(9), 2) }];
    const expected = JSON.stringify([...grows], null, 2);
    grows.length = 2;
    expect(deepJsonText(grows)).toBe(expected);
    expect(() => deepJsonText({ big: Object(1n) })).toThrow(TypeError);
    expect(() => JSON.stringify({ big: Object(1n) })).toThrow(TypeError);
  });

  it('refuses a cycle as JSON.stringify does, rather than writing for ever', () => {
    const cycle: Record<string, unknown> = { a: 1 };
    cycle.self = { back: cycle };
    expect(() => deepJsonText(cycle)).toThrow(/circular/);
  });
});

describe('the YAML text form past the longest string', () => {
  it('refuses a text longer than its bound with INPUT_TOO_LARGE instead of failing to join it', () => {
    let deep: Record<string, unknown> = { step: 'bottom' };
    for (let i = 0; i < 300; i++) deep = { group: `G${i}`, steps: [deep] };
    const whole = stringifyYaml(deep);
    expect(stringifyYaml(deep, undefined, undefined, whole.length)).toBe(whole);
    expect(verdict(() => stringifyYaml(deep, undefined, undefined, whole.length - 1))).toBe('INPUT_TOO_LARGE');
  });
});

describe('the command line on 20,000 nested groups (--max-depth raised): a typed refusal, never a crash', { timeout: 240_000 }, () => {
  const files = cliFiles({ 'deep.xml': () => chain(20000) });

  const runs: [string, string[], number, string?][] = [
    ['inspect --json', ['inspect', '{file}', '--json'], 1],
    ['lint', ['lint', '{file}'], 1],
    ['diff', ['diff', '{file}', '{file}'], 2],
    ['render', ['render', '{file}'], 1],
    ['kb977203', ['kb977203', '{file}', '--certfix-package', 'ABC00010', '--dry-run', '--force'], 1],
  ];
  // YAML is refused for its depth before anything is listed: groups past MAX_YAML_GROUP_DEPTH.
  runs.push(['convert --to yaml', ['convert', '{file}', '--to', 'yaml'], 1, 'TEXT_TOO_DEEP']);
  for (const [label, argv, status, code = 'INPUT_TOO_LARGE'] of runs) {
    it(`${label}: ${code}, exit ${status}`, () => {
      const r = cmts([...argv.map((a) => a.replace('{file}', files.at('deep.xml'))), '--max-depth', '30000']);
      expect(r.stderr).toContain(code);
      expect(r.stderr).not.toMatch(/internal error|call stack|Invalid string length|heap/i);
      expect(r.status).toBe(status);
    });
  }

  // The tree and the model's JSON are indented to a fixed level (TREE_INDENT_LEVELS, JSON_INDENT_LEVELS), so they
  // grow with the items and are printed, not refused.
  for (const [label, argv, most] of [
    ['inspect', ['inspect', '{file}'], 5_000_000],
    ['convert --to json', ['convert', '{file}', '--to', 'json'], 60_000_000],
  ] as const) {
    it(`${label}: printed, exit 0, in text that grows with the items`, () => {
      const r = cmts([...argv.map((a) => a.replace('{file}', files.at('deep.xml'))), '--max-depth', '30000']);
      expect(r.stderr).toBe('');
      expect(r.status).toBe(0);
      expect(r.stdoutBytes.length).toBeLessThan(most);
    });
  }
});
