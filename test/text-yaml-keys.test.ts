// The keys of the text's mappings: a key twice in one mapping is refused at the second, found in time linear in the
// keys (the YAML library's own check compared each key with every key before it: 80,000 keys in one mapping, 1 MB
// of text, took over a minute, and a text within the byte limit could hold ten times as many).
import { describe, expect, it } from 'vitest';
import { fromYaml } from '../lib/api/text.js';
import { thrown } from './helpers/thrown.js';
import { cpuMs } from './helpers/cpu-time.js';

describe('keys of the text form', () => {
  it('a mapping of 100,000 distinct keys is read in linear time (refused by the schema, not minutes later)', () => {
    const text = `steps: []\nx:\n${Array.from({ length: 100_000 }, (_, i) => `  k${i}: 1\n`).join('')}`;
    const { ms, result: e } = cpuMs(() => thrown(() => fromYaml(text)));
    expect(e.code).toBe('NOT_A_TASK_SEQUENCE');
    expect(e.message).toContain('additional properties (x)');
    // Compared key by key, 100,000 keys cost (10/8)² of the minute 80,000 took: over 90 s. Linear, a second or two.
    expect(ms).toBeLessThan(20_000);
  }, 60_000);

  it('a key twice in one mapping is still refused at the second, block and flow', () => {
    const cases: [string, number, number][] = [
      ['steps: []\nattributes:\n  a: x\n  b: y\n  a: z\n', 5, 3],
      ['steps: []\nattributes: {a: x, "a": y}\n', 2, 20],
      ['{"steps": [], "attributes": {"a": "x", "\\u0061": "y"}}', 1, 40],
    ];
    for (const [text, line, col] of cases) {
      const e = thrown(() => fromYaml(text));
      expect(e.code, text).toBe('TEXT_MALFORMED');
      expect(e.message, text).toMatch(/Map keys must be unique|a second time/);
      expect(e.linePos, text).toEqual({ line, col });
    }
  });
});

describe('keys that differ in YAML but are one name in the text', () => {
  it('a key written plain and quoted, or through an alias, is refused at the second: the first value was dropped without a word', () => {
    const cases: [string, string, number, number][] = [
      ['container: sms-package\npackage: {true: a, "true": b}\nsteps: []\n', 'true', 2, 20],
      ['container: sms-package\npackage:\n  123: a\n  "123": b\nsteps: []\n', '123', 4, 3],
      ['container: sms-package\npackage: {&k Name: a, *k : b}\nsteps: []\n', 'Name', 2, 23],
      ['steps: []\nattributes: {~: a, "": b}\n', '', 2, 20],
    ];
    for (const [text, key, line, col] of cases) {
      const e = thrown(() => fromYaml(text));
      expect(e.code, text).toBe('TEXT_MALFORMED');
      expect(e.message, text).toContain(`${JSON.stringify(key)} is a second time in one mapping`);
      expect(e.linePos, text).toEqual({ line, col });
    }
  });

  it('a key that is a mapping or a list is refused where it is (the text form names its keys)', () => {
    for (const text of ['? [a]\n: 1\nsteps: []\n', 'steps: []\nattributes: {[a]: x}\n']) {
      const e = thrown(() => fromYaml(text));
      expect(e.code, text).toBe('TEXT_MALFORMED');
      expect(e.message, text).toContain('a key that is a mapping or a list');
      expect(e.linePos, text).toBeDefined();
    }
  });
});

describe('a text with no content', () => {
  it('empty, or only comments, is refused with a place (line 1, column 1) as any other text', () => {
    for (const text of ['', '# only a comment\n', '\n\n']) {
      const e = thrown(() => fromYaml(text));
      expect(e.code, JSON.stringify(text)).toBe('NOT_A_TASK_SEQUENCE');
      expect(e.linePos, JSON.stringify(text)).toEqual({ line: 1, col: 1 });
    }
  });
});
