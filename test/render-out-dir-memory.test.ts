// `cmts render <many inputs> --out-dir` built every page's view before it wrote the first, so its memory grew with
// the sum of the inputs (1,200 inputs of 3,000 steps ran the process out of heap). Every input is still read and
// checked before anything is written (an input that cannot be read writes nothing), and then each page is made from
// its own read of its input just before it is written, so only one input's documents and one page are held at a time.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { CliIo } from '../lib/cli/io.js';
import { main } from '../lib/cli/main.js';
import { memoryIo } from './helpers/memory-io.js';

const SEQUENCE = readFileSync(resolve('examples', 'refresh-2007.xml'));

/** An io over an in-memory one that logs each read of an input and each write, in order. */
function logged(files: Record<string, Uint8Array | string>) {
  const m = memoryIo(files);
  const log: string[] = [];
  const io: CliIo = {
    ...m.io,
    readFile: (path, max) => (log.push(`read ${path}`), m.io.readFile(path, max)),
    writeFileAtomic: (path, bytes) => (log.push(`write ${path}`), m.io.writeFileAtomic(path, bytes)),
  };
  return { m, io, log };
}

describe('render --out-dir holds one page at a time', () => {
  it('reads every input first, then reads each again just before its page is written', async () => {
    const { m, io, log } = logged({ 'a.xml': SEQUENCE, 'b.xml': SEQUENCE, 'c.xml': SEQUENCE });
    expect(await main(['render', 'a.xml', 'b.xml', 'c.xml', '--out-dir', 'out'], io)).toBe(0);
    expect(log.filter((l) => !l.startsWith('read out/'))).toEqual([
      'read a.xml', 'read b.xml', 'read c.xml',
      'read a.xml', 'write out/a.html', 'read b.xml', 'write out/b.html', 'read c.xml', 'write out/c.html', 'write out/index.html',
    ]);
    expect(m.stderr).toContain('3 page(s) and index.html written');
    const index = Buffer.from(m.fs.get('out/index.html') as Uint8Array).toString('utf8');
    for (const page of ['a.html', 'b.html', 'c.html']) expect(index).toContain(`href="${page}"`);
  });

  it('an input that cannot be read, found on the first reading, writes nothing', async () => {
    const { m, io, log } = logged({ 'a.xml': SEQUENCE, 'b.xml': '<sequence', 'c.xml': SEQUENCE });
    expect(await main(['render', 'a.xml', 'b.xml', 'c.xml', '--out-dir', 'out'], io)).toBe(1);
    expect(log.filter((l) => l.startsWith('write'))).toEqual([]);
    expect(m.stderr).toContain('XML_MALFORMED');
  });

  it('a single page is made from the one reading of its input', async () => {
    const { m, io, log } = logged({ 'a.xml': SEQUENCE });
    expect(await main(['render', 'a.xml', '-o', 'a.html'], io)).toBe(0);
    expect(log).toEqual(['read a.xml', 'write a.html']);
    expect(Buffer.from(m.fs.get('a.html') as Uint8Array).toString('utf8')).toContain('<!DOCTYPE html>');
  });
});
