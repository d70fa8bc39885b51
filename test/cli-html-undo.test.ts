// kb977203 --html writes its review page before the result; when the result then cannot be written, the page (which
// describes a change that was not made) is removed, or given back what it held (found by a review: it stayed).
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../lib/cli/main.js';
import { TaskSequenceError } from '../lib/errors.js';
import { memoryIo } from './helpers/memory-io.js';

const TS = readFileSync(resolve('examples/refresh-2007.xml'));
const ARGS = ['--certfix-package', 'ABC00010'];

/** A memory io whose write of `failing` fails, as a read-only folder's would, and that can remove files. */
function withFailingWrite(files: Record<string, Uint8Array | string>, failing: string) {
  const m = memoryIo(files);
  const write = m.io.writeFileAtomic.bind(m.io);
  m.io.writeFileAtomic = (path, bytes) => {
    if (path === failing) throw new TaskSequenceError('IO_ERROR', `Cannot write ${path}: permission denied.`, { file: path });
    write(path, bytes);
  };
  m.io.removeFile = (path) => void m.fs.delete(path);
  return m;
}

describe('kb977203 --html when the result cannot be written', () => {
  it('removes the page it wrote', async () => {
    const m = withFailingWrite({ 'ts.xml': TS }, 'out.xml');
    expect(await main(['kb977203', 'ts.xml', '-o', 'out.xml', '--html', 'page.html', ...ARGS], m.io)).toBe(1);
    expect(m.stderr).toMatch(/IO_ERROR Cannot write out\.xml/);
    expect(m.fs.has('page.html')).toBe(false);
    expect(m.fs.has('out.xml')).toBe(false);
  });

  it('gives a page that was there its old content back', async () => {
    const m = withFailingWrite({ 'ts.xml': TS, 'page.html': 'OLD' }, 'out.xml');
    expect(await main(['kb977203', 'ts.xml', '-o', 'out.xml', '--html', 'page.html', ...ARGS], m.io)).toBe(1);
    expect(Buffer.from(m.fs.get('page.html') as Uint8Array).toString('utf8')).toBe('OLD');
  });

  it('keeps the page when the result is written', async () => {
    const m = withFailingWrite({ 'ts.xml': TS }, 'elsewhere.xml');
    expect(await main(['kb977203', 'ts.xml', '-o', 'out.xml', '--html', 'page.html', ...ARGS], m.io)).toBe(0);
    expect(Buffer.from(m.fs.get('page.html') as Uint8Array).toString('utf8')).toContain('<!DOCTYPE html>');
  });
});
