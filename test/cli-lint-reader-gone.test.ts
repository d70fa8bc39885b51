// `cmts lint many | head -1`: once the reader of standard output went away, lint stops at the next input and ends
// quietly, as the kb977203 batch does. It went on reading and checking every input for no one, and printed its
// summary line on standard error, though the README promises a quiet end.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { CliIo } from '../lib/cli/io.js';
import { main } from '../lib/cli/main.js';
import { memoryIo } from './helpers/memory-io.js';

const SEQUENCE = readFileSync(resolve('examples', 'refresh-2007.xml'));

describe('lint when the reader of standard output went away', () => {
  it('reads no input after the one whose finding found the reader gone, and says nothing on standard error', async () => {
    const m = memoryIo({ 'in/a.xml': SEQUENCE, 'in/b.xml': SEQUENCE, 'in/c.xml': SEQUENCE });
    const read: string[] = [];
    let gone = false;
    const stdout = {
      write: () => ((gone = true), false),
      get readerGone() {
        return gone;
      },
    };
    const io: CliIo = {
      ...m.io,
      readFile: (path, max) => (read.push(path), m.io.readFile(path, max)),
      stdout,
    };
    // (The status is settled where the real standard output is known: see cli-std-streams.test.ts.)
    await main(['lint', 'in'], io);
    expect(read).toEqual(['in/a.xml']);
    expect(m.stderr).toBe('');
  });

  it('a reader that reads everything gets every finding and the summary', async () => {
    const m = memoryIo({ 'in/a.xml': SEQUENCE, 'in/b.xml': SEQUENCE });
    expect(await main(['lint', 'in'], m.io)).toBe(0);
    expect(m.stdout.split('\n').filter((l) => l.includes('kb977203/fix-absent'))).toHaveLength(2);
    expect(m.stdout.split('\n').filter((l) => l.includes('kb977203/run-first'))).toHaveLength(2);
    expect(m.stderr).toBe('2 input(s): 0 error(s), 4 warning(s).\n');
  });
});
