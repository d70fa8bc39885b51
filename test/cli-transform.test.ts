// cmts transform <name>: any registered transform from the command line, options from a JSON file.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { HELP } from '../lib/cli/transform.js';
import { main } from '../lib/cli/main.js';
import { TRANSFORMS } from './helpers/api.js';
import { FIXTURES_DIR } from './helpers/corpus.js';
import { memoryIo } from './helpers/memory-io.js';

const at = (t: string, c: string, f: string) => readFileSync(join(FIXTURES_DIR, 'transforms', t, c, f));

describe('cmts transform', () => {
  it('applies a transform with options from a file and writes the reviewed output', async () => {
    const m = memoryIo({ 'ts.xml': at('add-reference', 'adds-to-existing-list', 'input.xml'), 'ref.json': '{"packageId": "ABC00010"}' });
    expect(await main(['transform', 'add-reference', 'ts.xml', '--options', 'ref.json', '-o', 'out.xml'], m.io)).toBe(0);
    expect(Buffer.from(m.fs.get('out.xml')!).equals(at('add-reference', 'adds-to-existing-list', 'output.xml'))).toBe(true);
    expect(m.stderr).toMatch(/changed \(referenceList\): reference to package ABC00010/);
  });

  it('an options file nested 10,000 levels deep is OPTIONS_INVALID naming it, not an internal error', async () => {
    const m = memoryIo({ 'ts.xml': at('add-reference', 'adds-to-existing-list', 'input.xml'), 'deep.json': `${'{"a":'.repeat(10_000)}1${'}'.repeat(10_000)}` });
    expect(await main(['transform', 'add-reference', 'ts.xml', '--options', 'deep.json', '--check'], m.io)).toBe(1);
    expect(m.stderr).toMatch(/^cmts transform: deep\.json: OPTIONS_INVALID The add-reference option a is nested more than 1000 levels deep/);
    expect(m.stderr).not.toMatch(/internal error|stack/i);
  });

  it('--json prints the one JSON shape: results (reports or errors) and a summary', async () => {
    const m = memoryIo({ 'a.xml': at('add-reference', 'adds-to-existing-list', 'input.xml'), 'bad.xml': '<x', 'ref.json': '{"packageId": "ABC00010"}' });
    expect(await main(['transform', 'add-reference', 'a.xml', 'bad.xml', '--options', 'ref.json', '--check', '--json'], m.io)).toBe(1);
    const json = JSON.parse(m.stdout) as { results: { input: string; error?: { code: string } }[]; summary: unknown };
    expect(json.results.map((r) => [r.input, r.error?.code])).toEqual([['a.xml', undefined], ['bad.xml', 'XML_MALFORMED']]);
    expect(json.summary).toEqual({ files: 2, changed: 1, failed: 1 });
  });

  it('--check writes nothing and exits 1 when something would change, 0 when nothing would', async () => {
    const m = memoryIo({ 'a.xml': at('add-reference', 'adds-to-existing-list', 'input.xml'), 'b.xml': at('add-reference', 'adds-to-existing-list', 'output.xml'), 'ref.json': '{"packageId": "ABC00010"}' });
    expect(await main(['transform', 'add-reference', 'a.xml', '--options', 'ref.json', '--check'], m.io)).toBe(1);
    expect(await main(['transform', 'add-reference', 'b.xml', '--options', 'ref.json', '--check'], m.io)).toBe(0);
    expect(m.writes).toEqual([]);
  });

  it('a refusal (options by schema or by meaning) exits 1, writes nothing, and says why', async () => {
    const input = at('set-dependent-program', 'sets-in-2007-export', 'input.xml');
    const m = memoryIo({ 'ts.xml': input, 'bad.json': '{"packageId": "ABC00010", "programName": "a;;b"}', 'schema.json': '{"packageId": "abc"}' });
    expect(await main(['transform', 'set-dependent-program', 'ts.xml', '--options', 'bad.json', '--in-place'], m.io)).toBe(1);
    expect(m.stderr).toMatch(/INVALID_ARGUMENT .*";"/);
    expect(await main(['transform', 'set-dependent-program', 'ts.xml', '--options', 'schema.json', '--in-place'], m.io)).toBe(1);
    expect(m.stderr).toMatch(/OPTIONS_INVALID/);
    expect(m.writes).toEqual([]);
  });

  it('an unknown transform or a missing --options is a usage error; --help lists every transform', async () => {
    const m = memoryIo({ 'ts.xml': '<sequence version="3.00"/>', 'o.json': '{}' });
    expect(await main(['transform', 'nope', 'ts.xml', '--options', 'o.json', '--check'], m.io)).toBe(2);
    expect(await main(['transform', 'add-reference', 'ts.xml', '--check'], m.io)).toBe(2);
    for (const name of [...Object.keys(TRANSFORMS), 'kb977203']) expect(HELP).toContain(name);
  });

  it('runs the KB977203 preset like any transform', async () => {
    const input = readFileSync(join(FIXTURES_DIR, 'kb977203', 'sp1-entry-on-sp2-replaced-in-place', 'input.xml'));
    const m = memoryIo({ 'ts.xml': input, 'kb.json': '{"certfixPackage": "ABC00010", "clientVersion": "sp2", "drive": "C:"}' });
    expect(await main(['transform', 'kb977203', 'ts.xml', '--options', 'kb.json', '--check'], m.io)).toBe(1);
    expect(await main(['transform', 'kb977203', 'ts.xml', '--options', 'kb.json', '--in-place'], m.io)).toBe(0);
    expect(Buffer.from(m.fs.get('ts.xml')!).equals(readFileSync(join(FIXTURES_DIR, 'kb977203', 'sp1-entry-on-sp2-replaced-in-place', 'output.xml')))).toBe(true);
  });
});
