// `render -o notes.md` wrote HTML into notes.md without a word: the format is now taken from -o's extension when
// --format is not given, and a --format the name contradicts is a usage error. Several sequences without --out-dir
// is a usage error said as every other one is, with the line that points to --help.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { main } from '../lib/cli/main.js';
import { memoryIo } from './helpers/memory-io.js';

const TS = readFileSync(new URL('../examples/refresh-2007.xml', import.meta.url));
const text = (m: ReturnType<typeof memoryIo>, f: string) => Buffer.from(m.fs.get(f) as Uint8Array).toString('utf8');

describe('render: the format and the -o name', () => {
  it('-o x.md writes Markdown, -o x.html HTML, another name HTML', async () => {
    const m = memoryIo({ 'ts.xml': TS });
    expect(await main(['render', 'ts.xml', '-o', 'x.md'], m.io), m.stderr).toBe(0);
    expect(text(m, 'x.md')).not.toMatch(/<!DOCTYPE html>/i);
    expect(text(m, 'x.md')).toMatch(/^# /m);
    expect(await main(['render', 'ts.xml', '-o', 'x.html'], m.io)).toBe(0);
    expect(text(m, 'x.html')).toMatch(/^<!DOCTYPE html>/i);
    expect(await main(['render', 'ts.xml', '-o', 'x.page'], m.io)).toBe(0);
    expect(text(m, 'x.page')).toMatch(/^<!DOCTYPE html>/i);
    expect(await main(['render', 'ts.xml', '-o', 'y.md', '--format', 'md'], m.io)).toBe(0);
  });

  it('a --format the -o name contradicts is a usage error, nothing written', async () => {
    const m = memoryIo({ 'ts.xml': TS });
    expect(await main(['render', 'ts.xml', '-o', 'x.md', '--format', 'html'], m.io)).toBe(2);
    expect(m.stderr).toMatch(/--format html and -o x\.md disagree/);
    expect(m.writes).toEqual([]);
  });

  it('several sequences without --out-dir: a usage error with the --help line', async () => {
    const m = memoryIo({ 'a.xml': TS, 'b.xml': TS });
    expect(await main(['render', 'a.xml', 'b.xml'], m.io)).toBe(2);
    expect(m.stderr).toMatch(/^cmts render: The inputs hold 2 task sequences; give --out-dir <folder>/);
    expect(m.stderr).toMatch(/Run 'cmts render --help' for the options\./);
  });
});
