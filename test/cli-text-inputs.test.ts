// JSON and YAML files the commands read (--config, --options, a model to convert, YAML to build) in UTF-16 with a byte
// order mark, as Windows PowerShell writes them by default, are read; bytes that are not UTF-8 (or UTF-16 as marked)
// are refused naming the file and the byte (found by a review: a UTF-16 file was "not valid JSON: '�'").
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../lib/cli/main.js';
import { TaskSequenceError } from '../lib/errors.js';
import { memoryIo } from './helpers/memory-io.js';

const TS = readFileSync(resolve('examples/refresh-2007.xml'));
const YAML = readFileSync(resolve('examples/osd-as-code.yaml'), 'utf8');
const utf16le = (s: string) => Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(s, 'utf16le')]);
const utf16be = (s: string) => Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(s, 'utf16le').swap16()]);

describe('text inputs of the commands', () => {
  it('reads a --config file in UTF-16 (LE and BE) with a byte order mark as its UTF-8 twin', async () => {
    const config = '{ "certfixPackage": "ABC00010" }';
    const runs: string[] = [];
    for (const bytes of [Buffer.from(config), utf16le(config), utf16be(config)]) {
      const m = memoryIo({ 'ts.xml': TS, 'c.json': bytes });
      expect(await main(['kb977203', 'ts.xml', '--config', 'c.json', '--dry-run'], m.io), m.stderr).toBe(0);
      runs.push(m.stdout);
    }
    expect(runs[1]).toBe(runs[0]);
    expect(runs[2]).toBe(runs[0]);
  });

  it('converts a model and builds YAML written in UTF-16', async () => {
    const m = memoryIo({ 'ts.xml': TS });
    expect(await main(['convert', 'ts.xml', '--to', 'json', '-o', 'ts.json'], m.io)).toBe(0);
    const json = Buffer.from(m.fs.get('ts.json') as Uint8Array).toString('utf8');
    const back = memoryIo({ 'm.json': utf16le(json) });
    expect(await main(['convert', 'm.json', '--to', 'xml', '-o', 'out.xml'], back.io), back.stderr).toBe(0);
    expect(Buffer.from(back.fs.get('out.xml') as Uint8Array).equals(TS)).toBe(true);
    const y8 = memoryIo({ 'a.yaml': YAML });
    const y16 = memoryIo({ 'a.yaml': utf16le(YAML) });
    expect(await main(['build', 'a.yaml', '-o', 'a.xml'], y8.io)).toBe(0);
    expect(await main(['build', 'a.yaml', '-o', 'a.xml'], y16.io), y16.stderr).toBe(0);
    expect(Buffer.from(y16.fs.get('a.xml') as Uint8Array).equals(Buffer.from(y8.fs.get('a.xml') as Uint8Array))).toBe(true);
  });

  it('refuses bytes that are not UTF-8, naming the file and the byte, and writes nothing', async () => {
    const m = memoryIo({ 'ts.xml': TS, 'c.json': Buffer.from('{ "certfixPackage": "ABC\xe90010" }', 'latin1') });
    expect(await main(['kb977203', 'ts.xml', '--config', 'c.json', '-o', 'out.xml'], m.io)).not.toBe(0);
    expect(m.stderr).toMatch(/OPTIONS_INVALID c\.json is not UTF-8 text \(byte 0xE9 at offset 24\)/);
    expect(m.writes).toEqual([]);
    const odd = memoryIo({ 'a.yaml': Buffer.concat([utf16le('steps: []'), Buffer.from([0x41])]) });
    expect(await main(['build', 'a.yaml', '-o', 'a.xml'], odd.io)).not.toBe(0);
    expect(odd.stderr).toMatch(/a\.yaml is not UTF-16LE text/);
  });

  it('says of an options file over the limit that --max-bytes does not change it', async () => {
    const m = memoryIo({ 'ts.xml': TS });
    const read = m.io.readFile.bind(m.io);
    m.io.readFile = (path, maxBytes) => {
      if (path === 'big.json') throw new TaskSequenceError('INPUT_TOO_LARGE', 'big.json is over 67108864 bytes; the limit is 67108864 bytes (--max-bytes).', { file: path });
      return read(path, maxBytes);
    };
    expect(await main(['kb977203', 'ts.xml', '--config', 'big.json', '--dry-run', '--max-bytes', '100000000'], m.io)).not.toBe(0);
    expect(m.stderr).toMatch(/big\.json is larger than the 67108864 bytes an options file may have \(--max-bytes bounds the sequences read, not this file\)/);
  });
});
