// `build` given what it does not read says what the input is and what build reads: a folder is a usage error (2), as
// for every other command; an XML export, the JSON model convert --to json writes, and an empty text are named as
// such (each was a schema message, "(top level): must be object"). Bytes that are not text in their encoding are
// ENCODING_INVALID, as the README's table and the XML reader have it, for build and convert --to xml; a JSON model
// that is not JSON is TEXT_MALFORMED, which a script can tell from a model that is JSON but no task sequence.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { main } from '../lib/cli/main.js';
import { memoryIo } from './helpers/memory-io.js';

const TS = readFileSync(new URL('../examples/refresh-2007.xml', import.meta.url));
const YAML = readFileSync(new URL('../examples/osd-as-code.yaml', import.meta.url));

describe('build given the wrong kind of input', () => {
  it('a folder is a usage error, status 2', async () => {
    const m = memoryIo({ 'adir/a.yaml': YAML });
    expect(await main(['build', 'adir'], m.io)).toBe(2);
    expect(m.stderr).toMatch(/^cmts build: adir is a folder: build takes one YAML file/);
    expect(m.stderr).not.toMatch(/IO_ERROR/);
  });

  it('an XML export says it is XML and to convert it first', async () => {
    const m = memoryIo({ 'ts.xml': TS });
    expect(await main(['build', 'ts.xml', '-o', 'out.xml'], m.io)).toBe(1);
    expect(m.stderr).toBe('cmts build: ts.xml: NOT_A_TASK_SEQUENCE ts.xml is XML (a task sequence export?), not the YAML text form build reads: run cmts convert ts.xml --to yaml -o <file>.yaml and build that, or import the XML as it is.\n');
    expect(m.writes).toEqual([]);
    const utf16 = memoryIo({ 'ts.xml': Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(TS.toString('utf8').replace('encoding="utf-8"', 'encoding="utf-16"'), 'utf16le')]) });
    expect(await main(['build', 'ts.xml'], utf16.io)).toBe(1);
    expect(utf16.stderr).toMatch(/ts\.xml is XML/);
  });

  it('the JSON model says what it is and how to make XML of it', async () => {
    const c = memoryIo({ 'ts.xml': TS });
    expect(await main(['convert', 'ts.xml', '--to', 'json', '-o', 'ts.json'], c.io)).toBe(0);
    const m = memoryIo({ 'ts.json': c.fs.get('ts.json') as Uint8Array });
    expect(await main(['build', 'ts.json'], m.io)).toBe(1);
    expect(m.stderr).toMatch(/NOT_A_TASK_SEQUENCE ts\.json is the JSON model \(format cmts\.task-sequence, as convert --to json writes it\), not the YAML text form build reads: run cmts convert ts\.json --to xml/);
  });

  it('an empty text, or one of comments only, says it is empty', async () => {
    for (const [text, said] of [['', /a\.yaml is empty: build reads/], ['\n  \n', /a\.yaml is empty: build reads/], ['# just a note\n\n', /a\.yaml is empty \(comments only\)/]] as const) {
      const m = memoryIo({ 'a.yaml': text });
      expect(await main(['build', 'a.yaml'], m.io)).toBe(1);
      expect(m.stderr).toMatch(said);
      expect(m.stderr).not.toMatch(/must be object/);
    }
  });

  it('the YAML text form still builds (a text beginning with a comment included)', async () => {
    const m = memoryIo({ 'a.yaml': Buffer.concat([Buffer.from('# OSD\n'), YAML]) });
    expect(await main(['build', 'a.yaml', '-o', 'a.xml'], m.io), m.stderr).toBe(0);
  });
});

describe('codes a script can tell apart', () => {
  it('bytes that are not UTF-8 are ENCODING_INVALID for build and convert --to xml', async () => {
    const b = memoryIo({ 'latin.yaml': Buffer.from('steps:\n  - group: caf\xe9\n', 'latin1') });
    expect(await main(['build', 'latin.yaml'], b.io)).toBe(1);
    expect(b.stderr).toMatch(/latin\.yaml:2:\d+: ENCODING_INVALID latin\.yaml is not UTF-8 text/);
    const c = memoryIo({ 'latin.json': Buffer.from('{"a": "caf\xe9"}', 'latin1') });
    expect(await main(['convert', 'latin.json', '--to', 'xml'], c.io)).toBe(1);
    expect(c.stderr).toMatch(/ENCODING_INVALID latin\.json is not UTF-8 text/);
  });

  it('a JSON model that is not JSON, or has a key twice, is TEXT_MALFORMED; an empty one too', async () => {
    for (const text of ['{"a": 1, "a": 2}', '', '{"format": ']) {
      const m = memoryIo({ 'e.json': text });
      expect(await main(['convert', 'e.json', '--to', 'xml'], m.io)).toBe(1);
      expect(m.stderr).toMatch(/TEXT_MALFORMED e\.json/);
    }
  });

  it('XML given to convert --to xml says to use --to json or --to yaml', async () => {
    const m = memoryIo({ 'ts.xml': TS });
    expect(await main(['convert', 'ts.xml', '--to', 'xml'], m.io)).toBe(1);
    expect(m.stderr).toMatch(/NOT_A_TASK_SEQUENCE ts\.xml is XML, not the JSON model --to xml reads: for XML, use --to json or --to yaml\./);
  });
});
