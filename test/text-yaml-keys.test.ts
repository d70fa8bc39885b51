// The keys of the text's mappings: a key twice in one mapping is refused at the second, found in time linear in the
// keys (the YAML library's own check compared each key with every key before it: 80,000 keys in one mapping, 1 MB
// of text, took over a minute, and a text within the byte limit could hold ten times as many).
import { describe, expect, it } from 'vitest';
import { fromYaml } from '../lib/api/text.js';
import { thrown } from './helpers/thrown.js';

describe('keys of the text form', () => {
  it('a mapping of 50,000 distinct keys is read in linear time (refused by the schema, not a minute later)', () => {
    const text = `steps: []\nx:\n${Array.from({ length: 50_000 }, (_, i) => `  k${i}: 1\n`).join('')}`;
    const start = performance.now();
    const e = thrown(() => fromYaml(text));
    expect(e.code).toBe('NOT_A_TASK_SEQUENCE');
    expect(e.message).toContain('additional properties (x)');
    expect(performance.now() - start).toBeLessThan(5_000);
  }, 60_000);

  it('a key twice in one mapping is still refused at the second, block and flow', () => {
    const cases: [string, number, number][] = [
      ['steps: []\nattributes:\n  a: x\n  b: y\n  a: z\n', 5, 3],
      ['steps: []\nattributes: {a: x, "a": y}\n', 2, 20],
      ['{"steps": [], "attributes": {"a": "x", "\\u0061": "y"}}', 1, 40],
    ];
    for (const [text, line, col] of cases) {
      const e = thrown(() => fromYaml(text));
      expect(e.code, text).toBe('NOT_A_TASK_SEQUENCE');
      expect(e.message, text).toMatch(/Map keys must be unique|a second time/);
      expect(e.linePos, text).toEqual({ line, col });
    }
  });
});
