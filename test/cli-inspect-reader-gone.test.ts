// `cmts inspect many | head -1`: once the reader of standard output went away, inspect stops at the next input and
// ends quietly, as lint and the kb977203 batch do. It went on reading every input for no one and reported a later
// input's failure on standard error, though the README promises a quiet end with nothing on standard error.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { CliIo } from '../lib/cli/io.js';
import { main } from '../lib/cli/main.js';
import { memoryIo } from './helpers/memory-io.js';

const SEQUENCE = readFileSync(resolve('examples', 'refresh-2007.xml'));

describe('inspect when the reader of standard output went away', () => {
  it('reads no input after the one whose tree found the reader gone, and says nothing on standard error', async () => {
    const m = memoryIo({ 'in/a.xml': SEQUENCE, 'in/b.xml': SEQUENCE, 'in/c.xml': 'not xml' });
    const read: string[] = [];
    let gone = false;
    const stdout = {
      write: () => ((gone = true), false),
      get readerGone() {
        return gone;
      },
    };
    const io: CliIo = { ...m.io, readFile: (path, max) => (read.push(path), m.io.readFile(path, max)), stdout };
    await main(['inspect', 'in'], io);
    expect(read).toEqual(['in/a.xml']);
    expect(m.stderr).toBe('');
  });

  it('a reader that reads everything gets every tree, and a failed input is still reported', async () => {
    const m = memoryIo({ 'in/a.xml': SEQUENCE, 'in/b.xml': SEQUENCE, 'in/c.xml': 'not xml' });
    expect(await main(['inspect', 'in'], m.io)).toBe(1);
    expect(m.stdout.split('\n').filter((l) => l.startsWith('Windows 7 Refresh'))).toHaveLength(2);
    expect(m.stderr).toContain('in/c.xml:1:1: XML_MALFORMED');
  });
});
