// `transform kb977203`: an options file the preset refuses beyond its schema (drive with source, a drive that is no
// drive letter) is said once, naming the options file, before any input is read, as `kb977203 --config` says it (it
// was one INVALID_ARGUMENT per input, each blamed on the task sequence). Each input's report is said as soon as that
// input is done, as kb977203 says it (they all came after the batch, so a run stopped by Ctrl-C told nothing of the
// files it had changed). Two output choices given are said as two, not as if none was.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../lib/cli/main.js';
import { FIXTURES_DIR } from './helpers/corpus.js';
import { memoryIo } from './helpers/memory-io.js';

const TS = readFileSync(new URL('../examples/refresh-2007.xml', import.meta.url));
const REF = readFileSync(join(FIXTURES_DIR, 'transforms', 'add-reference', 'adds-to-existing-list', 'input.xml'));

describe('transform kb977203: the options file refused once', () => {
  it.each([
    ['drive and source', '{"certfixPackage":"ABC00010","drive":"D:","source":"\\\\\\\\srv\\\\share"}'],
    ['a drive that is no drive letter', '{"certfixPackage":"ABC00010","drive":"DD"}'],
    ['a source that is no UNC path', '{"certfixPackage":"ABC00010","source":"notunc"}'],
  ])('%s: one error naming o.json, no input read', async (_what, options) => {
    const m = memoryIo({ 'a.xml': TS, 'b.xml': TS, 'o.json': options });
    expect(await main(['transform', 'kb977203', 'a.xml', 'b.xml', '--options', 'o.json', '--check', '--json'], m.io)).toBe(1);
    expect(m.reads).toEqual(['o.json']);
    expect(m.stderr.split('\n').filter(Boolean)).toHaveLength(1);
    expect(m.stderr).toMatch(/^cmts transform: o\.json(:\d+:\d+)?: \w+ /);
    expect(m.stderr).not.toMatch(/a\.xml|b\.xml/);
    const json = JSON.parse(m.stdout) as { results: { input: string; error: { file: string } }[] };
    expect(json.results).toHaveLength(1);
    expect(json.results[0]?.error.file).toBe('o.json');
  });

  it('the two keys are named as the file names them, placed at the key', async () => {
    const m = memoryIo({ 'a.xml': TS, 'o.json': '{"certfixPackage":"ABC00010","drive":"DD"}' });
    expect(await main(['transform', 'kb977203', 'a.xml', '--options', 'o.json', '--check'], m.io)).toBe(1);
    expect(m.stderr).toMatch(/^cmts transform: o\.json:1:\d+: /);
    expect(m.stderr).not.toMatch(/--drive/);
  });
});

describe('transform says each input as it goes', () => {
  it("the first input's report is on standard error before the second input is read", async () => {
    const m = memoryIo({ 'a.xml': REF, 'b.xml': REF, 'ref.json': '{"packageId": "ABC00010"}' });
    let before = '';
    const readFile = m.io.readFile.bind(m.io);
    m.io.readFile = (path, maxBytes) => {
      if (path === 'b.xml') before = m.stderr;
      return readFile(path, maxBytes);
    };
    expect(await main(['transform', 'add-reference', 'a.xml', 'b.xml', '--options', 'ref.json', '--out-dir', 'out'], m.io)).toBe(0);
    expect(before).toMatch(/^add-reference on a\.xml:\n {2}changed \(referenceList\): reference to package ABC00010/);
    expect(m.stderr).toMatch(/add-reference on b\.xml:/);
  });

  it('an error is said as soon as its input is done too', async () => {
    const m = memoryIo({ 'bad.xml': '<x', 'b.xml': REF, 'ref.json': '{"packageId": "ABC00010"}' });
    let before = '';
    const readFile = m.io.readFile.bind(m.io);
    m.io.readFile = (path, maxBytes) => {
      if (path === 'b.xml') before = m.stderr;
      return readFile(path, maxBytes);
    };
    expect(await main(['transform', 'add-reference', 'bad.xml', 'b.xml', '--options', 'ref.json', '--check', '--json'], m.io)).toBe(1);
    expect(before).toMatch(/^cmts transform: bad\.xml.*XML_MALFORMED/);
    expect((JSON.parse(m.stdout) as { summary: unknown }).summary).toEqual({ files: 2, changed: 1, failed: 1 });
  });
});

describe('transform usage: two output choices', () => {
  it.each([[['--check', '-o', 'q.xml']], [['--check', '--in-place']]])('%j is said as two given', async (extra) => {
    const m = memoryIo({ 'a.xml': REF, 'ref.json': '{"packageId": "ABC00010"}' });
    expect(await main(['transform', 'add-reference', 'a.xml', '--options', 'ref.json', ...extra], m.io)).toBe(2);
    expect(m.stderr).toMatch(/Give only one of -o <output>, --out-dir <folder>, --in-place or --check, not several\./);
  });
});
