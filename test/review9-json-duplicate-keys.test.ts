import { describe, expect, it } from 'vitest';
import { parseJsonInput } from '../lib/cli/json-input.js';
import { main } from '../lib/cli/main.js';
import { memoryIo } from './helpers/memory-io.js';
import { thrown } from './helpers/thrown.js';

/** The error parseJsonInput throws for `text` (the test fails when it takes it). */
const refusal = (text: string) => thrown(() => parseJsonInput(text, 'f.json', 'OPTIONS_INVALID'));

describe('JSON input with a key twice in one object (JSON.parse kept the last and dropped the first without a word)', () => {
  it('is refused at the second, however the key is spelt', () => {
    const cases: [string, number, number][] = [
      ['{"drive": "C:", "drive": "D:"}', 1, 17],
      ['{\n  "a": {"x": 1},\n  "b": [{"x": 1, "y": 2, "\\u0078": 3}]\n}', 3, 26],
      ['\uFEFF{"__proto__": 1, "__proto__": 2}', 1, 19],
    ];
    for (const [text, line, col] of cases) {
      const e = refusal(text);
      expect(e.code, text).toBe('OPTIONS_INVALID');
      expect(e.linePos, text).toEqual({ line, col });
      expect(e.message, text).toMatch(/^f\.json has the key "(drive|x|__proto__)" a second time in one object/);
    }
  });

  it('the same key in different objects, and an object closed before it, are fine', () => {
    expect(parseJsonInput('{"a": {"x": 1, "y": {}}, "b": {"x": 2}, "x": [{"x": 1}, {"x": 2}], "y": 3}', 'f.json', 'OPTIONS_INVALID')).toEqual({ a: { x: 1, y: {} }, b: { x: 2 }, x: [{ x: 1 }, { x: 2 }], y: 3 });
  });

  it('convert --to xml refuses a model whose group has its name twice, writing nothing', async () => {
    const json = '{"format":"cmts.task-sequence","version":1,"container":"sequence","encoding":{"encoding":"utf-8","bom":false},"properties":{},"sequence":{"kind":"sequence","tag":"sequence","attributes":{"version":"3.10"},"children":[{"kind":"group","tag":"group","attributes":{"name":"Old","name":"New"},"children":[]}]}}';
    const m = memoryIo({ 'm.json': json });
    expect(await main(['convert', 'm.json', '--to', 'xml', '-o', 'out.xml'], m.io)).toBe(1);
    expect(m.stderr).toMatch(/^cmts convert: m\.json:1:\d+: TEXT_MALFORMED m\.json has the key "name" a second time in one object/m);
    expect(m.writes).toEqual([]);
  });
});

describe('a key said twice that is long', () => {
  it('is shown as other values read as data are: cut after 40 characters, with its length', () => {
    const key = 'k'.repeat(100_000);
    const e = refusal(`{"${key}": 1, "${key}": 2}`);
    expect(e.message).toContain(`the key "${'k'.repeat(40)}…" (100000 characters) a second time`);
    expect(e.message.length).toBeLessThan(300);
  });
});
