// A schema refusal of an options file names the value at fault by a JSON pointer; the file's text is walked down it to
// give the error a line and column, as a syntax error has (a wrong type in --config was said with no place).
import { describe, expect, it } from 'vitest';
import { offsetOfPointer } from '../lib/cli/json-place.js';
import { main } from '../lib/cli/main.js';
import { memoryIo } from './helpers/memory-io.js';

const at = (text: string, pointer: string) => {
  const i = offsetOfPointer(text, pointer);
  return i === undefined ? undefined : text.slice(i, i + 8);
};

describe('offsetOfPointer', () => {
  const text = '\uFEFF{ "a": {"s": "}]\\"{[", "b": [1, {"c": true}, [2, 3]], "x/y": 1, "t~": {} }, "z": null }';
  it('finds a key, a nested key, an array element, and keys with "/" and "~" in them', () => {
    expect(at(text, '/a')).toBe('"a": {"s');
    expect(at(text, '/z')).toBe('"z": nul');
    expect(at(text, '/a/b')).toBe('"b": [1,');
    expect(at(text, '/a/b/0')).toBe('1, {"c":');
    expect(at(text, '/a/b/1/c')).toBe('"c": tru');
    expect(at(text, '/a/b/2/1')).toBe('3]], "x/');
    expect(at(text, '/a/x~1y')).toBe('"x/y": 1');
    expect(at(text, '/a/t~0')).toBe('"t~": {}');
  });
  it('finds nothing for the whole value, a missing key, an index past the end, or a step into a scalar', () => {
    for (const p of ['', '/q', '/a/b/3', '/a/b/01', '/a/b/-1', '/z/0', '/a/s/0', '/a/t~/x']) expect(offsetOfPointer(text, p), p).toBeUndefined();
  });
  it('walks nesting deeper than the call stack without recursion', () => {
    const deep = `${'['.repeat(20000)}7${']'.repeat(20000)}`;
    expect(offsetOfPointer(deep, '/0'.repeat(20000))).toBe(20000);
    const around = `{"a": ${deep}, "b": 1}`;
    expect(offsetOfPointer(around, '/b')).toBe(around.lastIndexOf('"b"'));
  });
});

describe('an options file the schema refuses', () => {
  it('--config: the error has the line and column of the key at fault, on stderr and in --json', async () => {
    const cfg = '{\n  "certfixPackage": "ABC00010",\n  "force": "yes"\n}\n';
    const m = memoryIo({ 'in.xml': '<sequence version="3.00"/>', 'cfg.json': cfg });
    expect(await main(['kb977203', 'in.xml', '--config', 'cfg.json', '--dry-run', '--json'], m.io)).toBe(1);
    const json = JSON.parse(m.stdout) as { results: { error: { code: string; line?: number; col?: number; file?: string } }[] };
    expect(json.results[0]?.error).toMatchObject({ code: 'OPTIONS_INVALID', line: 3, col: 3, file: 'cfg.json' });
    expect(m.stderr).toContain('cfg.json:3:3: OPTIONS_INVALID');
  });
  it('--config: an unknown key is placed at itself', async () => {
    const m = memoryIo({ 'in.xml': '<sequence version="3.00"/>', 'cfg.json': '{"certfixPackage": "ABC00010",\n "scenery": "refresh"}' });
    expect(await main(['kb977203', 'in.xml', '--config', 'cfg.json', '--dry-run'], m.io)).toBe(1);
    expect(m.stderr).toContain('cfg.json:2:2: OPTIONS_INVALID');
  });
  it('--config: a value out of the schema\'s choices is placed at its key', async () => {
    const both = memoryIo({ 'in.xml': '<sequence version="3.00"/>', 'cfg.json': '{"certfixPackage": "ABC00010",\n  "scenario": "upgrade"}' });
    expect(await main(['kb977203', 'in.xml', '--config', 'cfg.json', '--dry-run'], both.io)).toBe(1);
    expect(both.stderr).toContain('cfg.json:2:3: OPTIONS_INVALID');
  });
  it('transform --options: placed the same way', async () => {
    const m = memoryIo({ 'in.xml': '<sequence version="3.00"/>', 'o.json': '{\n\t"packageId": 5\n}' });
    expect(await main(['transform', 'add-reference', 'in.xml', '--options', 'o.json', '--check'], m.io)).toBe(1);
    expect(m.stderr).toContain('o.json:2:2: OPTIONS_INVALID');
  });
});
