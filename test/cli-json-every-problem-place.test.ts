// A schema refusal of an options file (`transform --options`, `kb977203 --config`) or of a JSON model (`convert --to
// xml`) had the line and column of its first problem only; the others, named in the message, had none. Each problem
// is now placed at its own key or element: on standard error a line of its own for each the message names
// (`file:line:col: CODE problem`, as editors read it), in --json the error's `issues`, every one with `line` and
// `col`. The text is walked once for all of them, so thousands of problems cost the text once.
import { describe, expect, it } from 'vitest';
import { offsetOfPointer, offsetsOfPointers, placeInJson } from '../lib/cli/json-place.js';
import { main } from '../lib/cli/main.js';
import { LineCounter } from '../lib/errors.js';
import { fromModelJson } from '../lib/model/json.js';
import { validatorFor } from '../lib/schemas.js';
import { memoryIo } from './helpers/memory-io.js';
import { thrown } from './helpers/thrown.js';
import { placeOf } from './helpers/text-place.js';
import { cpuMs } from './helpers/cpu-time.js';


const REF = '{\n  "packageId": 5,\n  "packageName": 7,\n  "bogus": true\n}\n';

describe('every problem of an options file the schema refuses has its own place', () => {
  it('transform --options: one line for each problem, at its key, after the error\'s', async () => {
    const m = memoryIo({ 'ts.xml': '<sequence version="3.00"/>', 'o.json': REF });
    expect(await main(['transform', 'add-reference', 'ts.xml', '--options', 'o.json', '--check'], m.io)).toBe(1);
    const lines = m.stderr.trimEnd().split('\n');
    expect(lines[0]).toMatch(new RegExp(`^cmts transform: o\\.json:${placeOf(REF, '"bogus"')}: OPTIONS_INVALID Options of add-reference are invalid: `));
    expect(lines.slice(1)).toEqual([
      `cmts transform: o.json:${placeOf(REF, '"bogus"')}: OPTIONS_INVALID (top level): must NOT have additional properties (bogus)`,
      `cmts transform: o.json:${placeOf(REF, '"packageId"')}: OPTIONS_INVALID packageId: must be string`,
      `cmts transform: o.json:${placeOf(REF, '"packageName"')}: OPTIONS_INVALID packageName: must be string`,
    ]);
  });

  it('transform --options --json: the error\'s issues, each with its line, col and file', async () => {
    const m = memoryIo({ 'ts.xml': '<sequence version="3.00"/>', 'o.json': REF });
    expect(await main(['transform', 'add-reference', 'ts.xml', '--options', 'o.json', '--check', '--json'], m.io)).toBe(1);
    const json = JSON.parse(m.stdout) as { results: { error: { issues: { message: string; line: number; col: number; file: string }[] } }[] };
    expect(validatorFor('transform.report.schema.json')(json)).toBe(true);
    const at = (key: string) => placeOf(REF, key).split(':').map(Number);
    expect(json.results[0]?.error.issues.map((i) => [i.message, i.line, i.col, i.file])).toEqual([
      ['(top level): must NOT have additional properties (bogus)', ...at('"bogus"'), 'o.json'],
      ['packageId: must be string', ...at('"packageId"'), 'o.json'],
      ['packageName: must be string', ...at('"packageName"'), 'o.json'],
    ]);
  });

  it('kb977203 --config: the same, on standard error and in --json', async () => {
    const cfg = '{\n  "certfixPackage": "ABC00010",\n  "force": "yes",\n  "drive": 4\n}\n';
    const m = memoryIo({ 'in.xml': '<sequence version="3.00"/>', 'cfg.json': cfg });
    expect(await main(['kb977203', 'in.xml', '--config', 'cfg.json', '--dry-run', '--json'], m.io)).toBe(1);
    expect(m.stderr).toContain(`\ncmts kb977203: cfg.json:${placeOf(cfg, '"force"')}: OPTIONS_INVALID force: must be boolean\n`);
    expect(m.stderr).toContain(`\ncmts kb977203: cfg.json:${placeOf(cfg, '"drive"')}: OPTIONS_INVALID drive: `);
    const json = JSON.parse(m.stdout) as { results: { error: { issues: { line: number; col: number }[] } }[] };
    expect(validatorFor('kb977203.report.schema.json')(json)).toBe(true);
    expect(json.results[0]?.error.issues.map((i) => `${i.line}:${i.col}`).sort()).toEqual([placeOf(cfg, '"force"'), placeOf(cfg, '"drive"')].sort());
  });

  it('one problem alone is said on one line, as before', async () => {
    const m = memoryIo({ 'ts.xml': '<sequence version="3.00"/>', 'o.json': '{\n  "packageId": 5\n}\n' });
    expect(await main(['transform', 'add-reference', 'ts.xml', '--options', 'o.json', '--check'], m.io)).toBe(1);
    expect(m.stderr).toBe('cmts transform: o.json:2:3: OPTIONS_INVALID Options of add-reference are invalid: packageId: must be string.\n');
  });
});

const model = (children: unknown[]) => ({
  format: 'cmts.task-sequence',
  version: 1,
  container: 'sequence',
  encoding: { encoding: 'utf-8', bom: false },
  properties: {},
  sequence: { kind: 'sequence', tag: 'sequence', attributes: { version: '3.10' }, children },
});
const badStep = (name: unknown) => ({ kind: 'step', tag: 'step', attributes: { name }, children: [] });

describe('every problem of a JSON model convert --to xml refuses has its own place', () => {
  it('a line for each of the ten the message names, each at its own value', async () => {
    const text = JSON.stringify(model(Array.from({ length: 30 }, (_, i) => badStep(i))), null, 2);
    const m = memoryIo({ 'm.json': text });
    expect(await main(['convert', 'm.json', '--to', 'xml', '-o', 'out.xml'], m.io)).toBe(1);
    const lines = m.stderr.trimEnd().split('\n');
    expect(lines[0]).toMatch(/NOT_A_TASK_SEQUENCE .*; and 20 more \(each an issue of the error\)\.$/);
    expect(lines.slice(1)).toEqual(Array.from({ length: 10 }, (_, i) => `cmts convert: m.json:${placeOf(text, `"name": ${i}\n`)}: NOT_A_TASK_SEQUENCE sequence.children.${i}.attributes.name: must be string`));
  });

  it('every problem an issue at its own place, for 2,000 steps (all checked) and for 10,000 (the check stops, and says so)', () => {
    for (const n of [2000, 10000]) {
      const text = JSON.stringify(model(Array.from({ length: n }, (_, i) => badStep(i))), null, 2);
      const e = placeInJson(thrown(() => fromModelJson(JSON.parse(text))), text);
      const issues = e.issues.slice(1);
      if (n === 2000) expect(issues).toHaveLength(n);
      else {
        expect(issues.length).toBeGreaterThan(100);
        expect(e.message).toContain('the check stopped there, with values left unchecked');
      }
      const lines = new LineCounter(text);
      let at = 0;
      issues.forEach((issue, i) => {
        at = text.indexOf(`"name": ${i}\n`, at);
        expect({ line: issue.line, col: issue.col }, String(i)).toEqual(lines.linePos(at));
      });
    }
  });
});

describe('offsetsOfPointers', () => {
  it('gives what offsetOfPointer gives for each pointer, in one walk', () => {
    const text = '\uFEFF{ "a": {"s": "}]\\"{[", "b": [1, {"c": true}, [2, 3]], "x/y": 1, "t~": {}, "e\\u0301": [] }, "z": null }';
    const pointers = ['/a', '/z', '/a/b', '/a/b/0', '/a/b/1/c', '/a/b/2/1', '/a/x~1y', '/a/t~0', '/a/e\u0301', '', '/q', '/a/b/3', '/a/b/01', '/z/0', '/a/s/0', '/a/t~0/x', '/a'];
    expect(offsetsOfPointers(text, pointers)).toEqual(pointers.map((p) => offsetOfPointer(text, p)));
    expect(offsetsOfPointers(text, ['/a/e\u0301'])[0]).toBe(text.indexOf('"e\\u0301"'));
  });

  it('costs the text once for 100,000 pointers into 100,000 elements (each walked to alone, the whole text each time)', () => {
    const n = 100_000;
    const text = `{"steps": [${Array.from({ length: n }, (_, i) => `{"name": ${i}, "x": [${i}]}`).join(',\n')}]}`;
    const pointers = Array.from({ length: n }, (_, i) => `/steps/${i}/name`);
    // Walked to one at a time, the whole 3 MB text each time, this would take hours; in one walk, half a second.
    const { ms, result: offsets } = cpuMs(() => offsetsOfPointers(text, pointers));
    expect(ms).toBeLessThan(10_000);
    expect(offsets[0]).toBe(text.indexOf('"name": 0'));
    expect(offsets[n - 1]).toBe(text.indexOf(`"name": ${n - 1}`));
    expect(offsets.every((o, i) => o !== undefined && text.startsWith(`"name": ${i},`, o))).toBe(true);
  }, 60_000);
});
