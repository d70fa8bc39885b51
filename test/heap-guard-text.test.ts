// The heap guard (xml/heap-guard.ts) for the texts other libraries parse: a YAML text form (fromYaml, `cmts build`)
// and a JSON model (`cmts convert --to xml`). Those parsers cannot be watched as they go, as the XML reader's parse
// is, so the text's cost is estimated from a count of its characters before it is parsed (text-cost.ts). Before this
// guard, a 2.3 MB text form of 8,000 steps aborted `cmts build` and fromYaml in a 64 MiB heap (exit 134, nothing said),
// as did a 1 MB JSON object of 100,000 keys `cmts convert --to xml`. Each test runs a process of its own, with the
// heap it is about.
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readTaskSequence } from '../lib/index.js';
import { toModelJson } from '../lib/model/json.js';
import { jsonCostOf, yamlCostOf } from '../lib/text-cost.js';
import { fromYaml, toYaml } from '../lib/text/index.js';
import { cmtsIn, expectRefusedIn, scriptIn, suggested } from './helpers/heap.js';
// @ts-expect-error: the bench's generator is plain JavaScript, with no types
import { generateSequence } from './bench/generate.mjs';

const dir = mkdtempSync(join(tmpdir(), 'cmts-heap-text-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The text form of 8,000 generated steps: 2.3 MB, which the YAML library needs well over 64 MiB to parse. */
const YAML_FILE = join(dir, 'steps.yaml');
const YAML_TEXT = toYaml(readTaskSequence(generateSequence(8000) as string));
writeFileSync(YAML_FILE, YAML_TEXT);

/** The model of a small real sequence, as `cmts convert --to json` writes it. */
writeFileSync(join(dir, 'small.json'), JSON.stringify(toModelJson(readTaskSequence(generateSequence(20) as string))));

/** One JSON object of 100,000 keys (1 MB): JSON.parse, the check for keys said twice and the schema's errors. */
const KEYS_FILE = join(dir, 'keys.json');
writeFileSync(KEYS_FILE, `{${Array.from({ length: 100_000 }, (_, i) => `"k${i}":0`).join(',')}}`);

/** fromYaml of `file` with the library's build in a process whose heap is `mib` MiB: its steps, or what it threw. */
const fromYamlIn = (mib: number, file: string) =>
  scriptIn<{ steps: number; code: string; message: string }>(
    mib,
    'dist/lib/api/text.js',
    `
    const { readFileSync } = await import('node:fs');
    try {
      const doc = lib.fromYaml(readFileSync(${JSON.stringify(file)}, 'utf8'));
      console.log(JSON.stringify({ steps: doc.steps().length }));
    } catch (e) {
      console.log(JSON.stringify({ code: e.code, message: e.message }));
    }`,
  );

describe('a YAML or JSON text the heap cannot parse is refused, typed, not left to abort the process', () => {
  it('fromYaml refuses a text form in a small heap with INPUT_TOO_LARGE, and builds it in the heap the refusal names', () => {
    const small = fromYamlIn(64, YAML_FILE);
    // Before the guard: exit 134, V8's heap-limit abort.
    const mib = expectRefusedIn(64, small);
    // The library counts no work after the read: that is its caller's.
    expect(small.out.message).toMatch(/^Reading this input would take about \d+ MiB more of the JavaScript heap; this process's heap is limited to/);
    const big = fromYamlIn(mib, YAML_FILE);
    expect(big.out.code).toBeUndefined();
    expect(big.out.steps).toBe(readTaskSequence(generateSequence(8000) as string).steps().length);
  }, 60_000);

  it('cmts build refuses it with exit status 1, writes nothing, and builds it in the heap it names', () => {
    const out = join(dir, 'built.xml');
    const r = cmtsIn(64, ['build', YAML_FILE, '-o', out]);
    expect(r.stderr).not.toMatch(/heap out of memory|FATAL/);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/^cmts build: .*steps\.yaml: INPUT_TOO_LARGE Reading this input would take about \d+ MiB more of the JavaScript heap;/);
    expect(existsSync(out)).toBe(false);
    const ok = cmtsIn(suggested(r.stderr), ['build', YAML_FILE, '-o', out]);
    expect(ok.stderr).toBe('');
    expect(ok.status).toBe(0);
    expect(readTaskSequence(readFileSync(out)).steps().length).toBe(readTaskSequence(generateSequence(8000) as string).steps().length);
  }, 60_000);

  it('cmts convert --to xml refuses a JSON text whose parse and check would not fit, before JSON.parse', () => {
    const r = cmtsIn(64, ['convert', KEYS_FILE, '--to', 'xml', '-o', join(dir, 'keys.xml')]);
    expect(r.stderr).not.toMatch(/heap out of memory|FATAL/);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/^cmts convert: .*keys\.json: INPUT_TOO_LARGE Reading this input would take about \d+ MiB more of the JavaScript heap;/);
    // In the heap it names, the text is parsed and judged: not a model (no format, keys the schema does not take).
    const ok = cmtsIn(suggested(r.stderr), ['convert', KEYS_FILE, '--to', 'xml', '-o', join(dir, 'keys.xml')]);
    expect(ok.stderr).not.toMatch(/heap out of memory|FATAL|INPUT_TOO_LARGE/);
    expect(ok.stderr).toMatch(/NOT_A_TASK_SEQUENCE/);
    expect(ok.status).toBe(1);
  }, 60_000);

  it('refuses, before decoding it, a text the heap cannot hold decoded, naming a heap that reads it', () => {
    // 24 MB: its decoded text and the reserve do not fit in 64 MiB, and its parse would need several times more.
    const file = join(dir, 'numbers.json');
    writeFileSync(file, `[${'0,'.repeat(12_000_000)}0]`);
    const r = cmtsIn(64, ['convert', file, '--to', 'xml', '-o', join(dir, 'numbers.xml')]);
    expect(r.stderr).not.toMatch(/heap out of memory|FATAL/);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/^cmts convert: .*numbers\.json: INPUT_TOO_LARGE Reading this input would take about \d+ MiB more/);
    // The suggestion counts the parse as well as the decoding: in that heap, the text is read and judged.
    const mib = suggested(r.stderr);
    expect(mib).toBeGreaterThan((jsonCostOf(readFileSync(file)) + 2 * 24_000_000) / 1024 / 1024);
    const ok = cmtsIn(mib, ['convert', file, '--to', 'xml', '-o', join(dir, 'numbers.xml')]);
    expect(ok.stderr).not.toMatch(/heap out of memory|FATAL|INPUT_TOO_LARGE/);
    expect(ok.stderr).toMatch(/NOT_A_TASK_SEQUENCE/);
  }, 60_000);
});

describe('the estimates of text-cost.ts', () => {
  it('count a text and its bytes alike, or more for the bytes (the guard counts bytes before decoding, the text after)', () => {
    const text = YAML_TEXT.slice(0, 200_000);
    expect(yamlCostOf(Buffer.from(text, 'utf8'))).toBe(yamlCostOf(text));
    const json = readFileSync(KEYS_FILE, 'utf8');
    expect(jsonCostOf(Buffer.from(json, 'utf8'))).toBe(jsonCostOf(json));
    // Other characters take more bytes than characters, and in UTF-16 a byte of one can read as a counted character
    // (U+3A2D holds ':' and '-'): the estimate from bytes is never the smaller.
    const other = `- name: Caf\u00e9 \u3a2d \u{1F600}\n  value: [a, "\u00fc"]\n`.repeat(1000);
    for (const bytes of [Buffer.from(other, 'utf8'), Buffer.from(other, 'utf16le')]) {
      expect(yamlCostOf(bytes)).toBeGreaterThanOrEqual(yamlCostOf(other));
      expect(jsonCostOf(bytes)).toBeGreaterThanOrEqual(jsonCostOf(other));
    }
  });
});

describe('what the estimates do not count', () => {
  it("the YAML library's errors take no stack traces, and the limit is set back: 300,000 lines of \" are a YAML error", () => {
    // Each line starts a quoted scalar the next one ends, wrongly indented: an error object each, 150,000 in all. With a
    // stack trace each (as the library makes them) they cost more than twice as much (1,400,000 lines: 852 MiB against
    // 326), past what the estimate counted. Refused in 64 MiB, the text is a YAML error in the heap the refusal names.
    const file = join(dir, 'quotes.yaml');
    writeFileSync(file, '"\n'.repeat(300_000));
    const r = fromYamlIn(64, file);
    const named = expectRefusedIn(64, r);
    const again = fromYamlIn(named, file);
    expect(again.stderr).not.toMatch(/heap out of memory|FATAL/);
    expect(again.out.code).toBe('TEXT_MALFORMED');
    expect(again.out.message).toMatch(/not valid YAML/);
    // In this process: the limit a caller set is what it is after fromYaml, which threw.
    const before = Error.stackTraceLimit;
    Error.stackTraceLimit = 17;
    try {
      expect(() => fromYaml('"\n"\n"\n"\n')).toThrow(/not valid YAML/);
      expect(Error.stackTraceLimit).toBe(17);
    } finally {
      Error.stackTraceLimit = before;
    }
  }, 60_000);

  it("a model's schema check stops at a number of problems: 1,000,000 children that are no nodes are refused in 128 MiB", () => {
    // ajv's validator (all errors, verbose) kept about ten problems for each, and aborted the process at any heap up to
    // 1 GiB. Past 2,000 nodes the model is checked a node at a time, and the check stops at 1,000 problems.
    const model = JSON.parse(readFileSync(join(dir, 'small.json'), 'utf8')) as { sequence: { children: unknown[] } };
    model.sequence.children = new Array(1_000_000).fill(1);
    const file = join(dir, 'ones.json');
    writeFileSync(file, JSON.stringify(model));
    const r = cmtsIn(128, ['convert', file, '--to', 'xml', '-o', join(dir, 'ones.xml')]);
    expect(r.stderr).not.toMatch(/heap out of memory|FATAL/);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/NOT_A_TASK_SEQUENCE .*sequence\.children\.0: must be object; .*the check stopped there, with values left unchecked\.$/m);
    // Then the problems the message names, each placed on a line of its own (ten at most).
    expect(r.stderr.split('\n').filter((l) => /ones\.json:1:\d+: NOT_A_TASK_SEQUENCE sequence\.children\.\d+: must be object$/.test(l))).toHaveLength(10);
  }, 60_000);

  it('a `]` or `}` out of place is an error of the YAML library each, and counted: 500,000 of them are refused in 64 MiB', () => {
    // Counted as 8 bytes a character, they were let through, and aborted the process (182 MiB needed).
    const file = join(dir, 'closers.yaml');
    writeFileSync(file, ']'.repeat(250_000) + '}'.repeat(250_000));
    const r = cmtsIn(64, ['build', file, '-o', join(dir, 'closers.xml')]);
    expect(r.stderr).not.toMatch(/heap out of memory|FATAL/);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/INPUT_TOO_LARGE Reading this input would take about \d+ MiB more of the JavaScript heap/);
  }, 60_000);

  it('a model node of no kind is checked apart from its children: six such levels, 321 bytes, are refused at once', () => {
    // ajv's one call checks the children of a node of no kind once for each of the eleven kinds it could be, at each
    // such level again: six levels made tens of millions of problems, and aborted the process in 256 MiB.
    const model = JSON.parse(readFileSync(join(dir, 'small.json'), 'utf8')) as { sequence: { children: unknown[] } };
    let node: unknown = { kind: 'text', value: 'x' };
    for (let i = 0; i < 6; i++) node = { children: [node] };
    model.sequence.children = [node];
    const file = join(dir, 'kindless.json');
    writeFileSync(file, JSON.stringify(model));
    const r = cmtsIn(256, ['convert', file, '--to', 'xml', '-o', join(dir, 'kindless.xml')]);
    expect(r.stderr).not.toMatch(/heap out of memory|FATAL/);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/NOT_A_TASK_SEQUENCE .*sequence\.children\.0: must have required property 'kind'/);
  }, 60_000);
});
