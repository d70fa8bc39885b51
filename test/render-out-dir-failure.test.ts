// `cmts render --out-dir` writes its pages and its index as one set. Each file is atomic on its own, but a full disk
// on the third page used to leave the first two behind and no index, though status 1 promises that nothing is
// written then: now the pages this run wrote are removed, the files it replaced get their old content back, and
// only standard error tells of the failure. The index shares the folder with the pages, so it is checked like one.
import { chmodSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, readlinkSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { type CliIo, nodeIo } from '../lib/cli/io.js';
import { main } from '../lib/cli/main.js';
import { TaskSequenceError } from '../lib/errors.js';
import { memoryIo } from './helpers/memory-io.js';

const SEQUENCE = readFileSync(resolve('examples', 'refresh-2007.xml'));
const INPUTS = { 'a.xml': SEQUENCE, 'b.xml': SEQUENCE, 'c.xml': SEQUENCE };
const ARGS = ['render', 'a.xml', 'b.xml', 'c.xml', '--out-dir', 'out'];

type Memory = ReturnType<typeof memoryIo>;

/** The text of a file of an in-memory io, or undefined when there is none. */
const textOf = (m: Memory, path: string) => (m.fs.has(path) ? Buffer.from(m.fs.get(path) as Uint8Array).toString('utf8') : undefined);

/** The files of an in-memory io under `dir`, with their text. */
const filesUnder = (m: Memory, dir: string) => Object.fromEntries([...m.fs.keys()].filter((k) => k.startsWith(`${dir}/`)).sort().map((k) => [k, textOf(m, k)]));

/**
 * An io over `m` whose `n`th write fails as on a full disk (the writes after it, the undo's, succeed), and which can
 * remove a file, as the real one can.
 */
function fullAt(m: Memory, n: number): CliIo & { removeFile(path: string): void } {
  let writes = 0;
  return {
    ...m.io,
    writeFileAtomic(path, bytes) {
      if (++writes === n) throw new TaskSequenceError('IO_ERROR', `Cannot write ${path}: no space left on device; it is left as it was.`, { file: path });
      m.io.writeFileAtomic(path, bytes);
    },
    removeFile(path) {
      m.fs.delete(path);
    },
  };
}

describe('render --out-dir: all pages and the index, or none', () => {
  it('the third page not written: status 1, IO_ERROR, no page of this run left, a replaced page keeps its old content', async () => {
    const m = memoryIo({ ...INPUTS, 'out/b.html': 'old b', 'out/notes.txt': 'mine' });
    expect(await main(ARGS, fullAt(m, 3))).toBe(1);
    expect(m.stderr).toMatch(/^cmts render: out\/c\.html: IO_ERROR Cannot write out\/c\.html: no space left on device/);
    expect(m.stderr).not.toContain('written to');
    expect(m.stdout).toBe('');
    // Not vacuous: the first two pages were written before the third failed.
    expect(m.writes.slice(0, 2)).toEqual(['out/a.html', 'out/b.html']);
    expect(filesUnder(m, 'out')).toEqual({ 'out/b.html': 'old b', 'out/notes.txt': 'mine' });
    // The error names only the page that failed: what became of the pages written before it is said after it, or
    // b.html, replaced by this run before c.html failed, read as if it were the new page.
    expect(m.stderr.split('\n').slice(1)).toEqual([
      'cmts render: no file of this run is left in out: out/b.html was put back as it was; out/a.html, new in this run, was removed again.',
      '',
    ]);
  });

  it('the undo told for several pages put back, and for a set whose first page failed', async () => {
    const m = memoryIo({ ...INPUTS, 'out/a.html': 'old a', 'out/b.html': 'old b', 'out/c.html': 'old c' });
    expect(await main(ARGS, fullAt(m, 4))).toBe(1);
    expect(m.stderr.split('\n').slice(1)).toEqual(['cmts render: no file of this run is left in out: out/a.html, out/b.html and out/c.html were put back as they were.', '']);
    expect(filesUnder(m, 'out')).toEqual({ 'out/a.html': 'old a', 'out/b.html': 'old b', 'out/c.html': 'old c' });
    const first = memoryIo({ ...INPUTS, 'out/a.html': 'old a' });
    expect(await main(ARGS, fullAt(first, 1))).toBe(1);
    expect(first.stderr.split('\n').slice(1)).toEqual(['cmts render: no file of this run is left in out.', '']);
  });

  it('a run that fails before it writes (an input it cannot read) says nothing of an undo', async () => {
    const m = memoryIo({ 'a.xml': SEQUENCE, 'b.xml': '<not a sequence', 'c.xml': SEQUENCE, 'out/a.html': 'old a' });
    expect(await main(ARGS, fullAt(m, 0))).toBe(1);
    expect(m.stderr).toMatch(/^cmts render: b\.xml:.* XML_MALFORMED /);
    expect(m.stderr).not.toContain('of this run');
    expect(m.stderr.trimEnd().split('\n')).toHaveLength(1);
  });

  it('the index not written: every page put back too, the old index kept (Markdown as HTML)', async () => {
    for (const format of ['html', 'md']) {
      const m = memoryIo({ ...INPUTS, [`out/a.${format}`]: 'old a', [`out/index.${format}`]: 'old index' });
      expect(await main([...ARGS, '--format', format], fullAt(m, 4)), format).toBe(1);
      expect(m.stderr, format).toMatch(new RegExp(`^cmts render: out/index\\.${format}: IO_ERROR `));
      expect(filesUnder(m, 'out'), format).toEqual({ [`out/a.${format}`]: 'old a', [`out/index.${format}`]: 'old index' });
    }
  });

  it('a folder the run created is left empty', async () => {
    const m = memoryIo(INPUTS);
    expect(await main([...ARGS.slice(0, -1), 'big/rd'], fullAt(m, 3))).toBe(1);
    expect(filesUnder(m, 'big')).toEqual({});
    expect(m.io.kindOf('big/rd')).toBe('dir');
  });

  it('a file that cannot be put back is named on standard error, after the error that stopped the run', async () => {
    const m = memoryIo({ ...INPUTS, 'out/b.html': 'old b' });
    const io = fullAt(m, 3);
    io.removeFile = (path) => {
      throw new TaskSequenceError('IO_ERROR', `Cannot remove ${path}: permission denied.`, { file: path });
    };
    expect(await main(ARGS, io)).toBe(1);
    expect(m.stderr.split('\n')).toEqual([
      'cmts render: out/c.html: IO_ERROR Cannot write out/c.html: no space left on device; it is left as it was.',
      'cmts render: out/b.html was put back as it was.',
      "cmts render: out/a.html still holds this run's page: removing it failed (Cannot remove out/a.html: permission denied.)",
      '',
    ]);
    expect(textOf(m, 'out/b.html')).toBe('old b');
  });

  it('a successful run writes every page and the index, replacing the old ones', async () => {
    const m = memoryIo({ ...INPUTS, 'out/b.html': 'old b', 'out/index.html': 'old index' });
    expect(await main(ARGS, fullAt(m, 0))).toBe(0);
    expect(m.stderr).toBe('cmts render: 3 page(s) and index.html written to out.\n');
    expect(m.writes).toEqual(['out/a.html', 'out/b.html', 'out/c.html', 'out/index.html']);
    for (const page of ['a', 'b', 'c']) {
      expect(textOf(m, `out/${page}.html`)).toMatch(/^<!DOCTYPE html>[\s\S]*<h1 dir="auto">Windows 7 Refresh<\/h1>/);
      expect(textOf(m, 'out/index.html')).toContain(`<a href="${page}.html" dir="auto">Windows 7 Refresh</a>`);
    }
  });

  it('standard output is not affected: a page that cannot be printed is not an --out-dir set', async () => {
    const m = memoryIo(INPUTS);
    expect(await main(['render', 'a.xml'], fullAt(m, 1))).toBe(0);
    expect(m.stdout).toMatch(/^<!DOCTYPE html>/);
    expect(m.writes).toEqual([]);
  });
});

describe('render --out-dir on the real file system', () => {
  let dir = '';
  afterEach(() => {
    if (dir !== '') rmSync(dir, { recursive: true, force: true });
    dir = '';
  });

  /** Runs cmts in-process on the real file system (its own writer: what the command line uses), output collected. */
  async function run(argv: string[]): Promise<{ status: number; stderr: string }> {
    let stderr = '';
    const io: CliIo = { ...nodeIo(), stdout: { write: () => true }, stderr: { write: (c: string | Uint8Array) => (stderr += typeof c === 'string' ? c : Buffer.from(c).toString('utf8')) } };
    return { status: await main(argv, io), stderr };
  }

  it('a page that cannot be written: the pages before it removed (through a symlink too), a replaced one restored', async () => {
    dir = mkdtempSync(join(tmpdir(), 'cmts-render-set-'));
    for (const [name, bytes] of Object.entries(INPUTS)) writeFileSync(join(dir, name), bytes);
    const out = join(dir, 'out');
    mkdirSync(join(dir, 'elsewhere'));
    mkdirSync(out);
    // a.html is a dangling symlink: its page is written at the link's end, and removed from there.
    symlinkSync(join('..', 'elsewhere', 'a-page.html'), join(out, 'a.html'));
    writeFileSync(join(out, 'b.html'), 'old b');
    chmodSync(join(out, 'b.html'), 0o640);
    // A folder where the third page goes: it cannot be written (as root too, unlike a read-only file).
    mkdirSync(join(out, 'c.html'));
    const r = await run(['render', ...Object.keys(INPUTS).map((n) => join(dir, n)), '--out-dir', out]);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain(`IO_ERROR Cannot write ${join(out, 'c.html')}: it is not a regular file`);
    expect(readdirSync(out).sort()).toEqual(['a.html', 'b.html', 'c.html']);
    expect(readlinkSync(join(out, 'a.html'))).toBe(join('..', 'elsewhere', 'a-page.html'));
    expect(readdirSync(join(dir, 'elsewhere'))).toEqual([]);
    expect(readFileSync(join(out, 'b.html'), 'utf8')).toBe('old b');
    expect(statSync(join(out, 'b.html')).mode & 0o777).toBe(0o640);
    expect(lstatSync(join(out, 'c.html')).isDirectory()).toBe(true);
  });

  it('a replaced page is kept aside on disk, not in memory: put back as the very file it was, and no temporary file left', async () => {
    dir = mkdtempSync(join(tmpdir(), 'cmts-render-set-'));
    for (const [name, bytes] of Object.entries(INPUTS)) writeFileSync(join(dir, name), bytes);
    const out = join(dir, 'out');
    mkdirSync(out);
    writeFileSync(join(out, 'a.html'), 'old a');
    writeFileSync(join(out, 'b.html'), 'old b');
    const before = { a: statSync(join(out, 'a.html')).ino, b: statSync(join(out, 'b.html')).ino };
    let read: string[] = [];
    const io = nodeIo();
    const reading: CliIo = { ...io, stdout: { write: () => true }, stderr: { write: () => true }, readFile: (path, max) => (read.push(path), io.readFile(path, max)) };
    mkdirSync(join(out, 'c.html'));
    expect(await main(['render', ...Object.keys(INPUTS).map((n) => join(dir, n)), '--out-dir', out], reading)).toBe(1);
    // The old pages are the same files again (a rename back), which bytes kept in memory and written anew are not.
    expect({ a: statSync(join(out, 'a.html')).ino, b: statSync(join(out, 'b.html')).ino }).toEqual(before);
    expect(readFileSync(join(out, 'b.html'), 'utf8')).toBe('old b');
    expect(read.filter((p) => p.startsWith(out))).toEqual([]);
    expect(readdirSync(out).sort()).toEqual(['a.html', 'b.html', 'c.html']);
    rmSync(join(out, 'c.html'), { recursive: true });
    read = [];
    expect(await main(['render', ...Object.keys(INPUTS).map((n) => join(dir, n)), '--out-dir', out], reading)).toBe(0);
    expect(readdirSync(out).sort()).toEqual(['a.html', 'b.html', 'c.html', 'index.html']);
    expect(readFileSync(join(out, 'b.html'), 'utf8')).toMatch(/^<!DOCTYPE html>/);
    expect(read.filter((p) => p.startsWith(out))).toEqual([]);
  });

  it('two names of one file (a symlink to another page): the file is removed, not given the page the first name wrote', async () => {
    dir = mkdtempSync(join(tmpdir(), 'cmts-render-set-'));
    for (const [name, bytes] of Object.entries(INPUTS)) writeFileSync(join(dir, name), bytes);
    const out = join(dir, 'out');
    mkdirSync(out);
    symlinkSync('a.html', join(out, 'b.html'));
    mkdirSync(join(out, 'c.html'));
    const r = await run(['render', ...Object.keys(INPUTS).map((n) => join(dir, n)), '--out-dir', out]);
    expect(r.status).toBe(1);
    expect(readdirSync(out).sort()).toEqual(['b.html', 'c.html']);
    expect(readlinkSync(join(out, 'b.html'))).toBe('a.html');
  });

  it('an index that would land on an input (a symlink in the folder) is a usage error, and nothing is written', async () => {
    dir = mkdtempSync(join(tmpdir(), 'cmts-render-set-'));
    const input = join(dir, 'ts.xml');
    writeFileSync(input, SEQUENCE);
    const out = join(dir, 'out');
    mkdirSync(out);
    symlinkSync(input, join(out, 'index.html'));
    const r = await run(['render', input, '--out-dir', out]);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain(`--out-dir index ${join(out, 'index.html')} is the input ${input}`);
    expect(readFileSync(input)).toEqual(SEQUENCE);
    expect(readdirSync(out)).toEqual(['index.html']);
  });
});

describe('render --out-dir: a page named like the index', () => {
  it('an input named index.xml gets index-2.html, and the index links it', async () => {
    for (const format of ['html', 'md']) {
      const m = memoryIo({ 'in/index.xml': SEQUENCE, 'in/other.xml': SEQUENCE });
      expect(await main(['render', 'in', '--out-dir', 'out', '--format', format], m.io), format).toBe(0);
      expect(m.writes.sort(), format).toEqual([`out/index-2.${format}`, `out/index.${format}`, `out/other.${format}`]);
      expect(textOf(m, `out/index.${format}`), format).toContain(format === 'html' ? '<a href="index-2.html" dir="auto">' : '](index-2.md)');
      expect(textOf(m, `out/index-2.${format}`), format).toMatch(format === 'html' ? /^<!DOCTYPE html>/ : /^# Windows 7 Refresh\n/);
    }
  });

  it('the planner sees that name: an input already named index-2.xml is a second input for it (status 2, nothing written)', async () => {
    const m = memoryIo({ 'in/index.xml': SEQUENCE, 'in/index-2.xml': SEQUENCE });
    expect(await main(['render', 'in', '--out-dir', 'out'], m.io)).toBe(2);
    expect(m.stderr).toContain('would both be written to out/index-2.html');
    expect(m.writes).toEqual([]);
  });
});
