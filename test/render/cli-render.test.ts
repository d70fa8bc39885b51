import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../lib/cli/main.js';
import { listItems, readTaskSequence } from '../helpers/api.js';
import { corpusFiles } from '../helpers/corpus.js';
import { memoryIo } from '../helpers/memory-io.js';

const example = (f: string) => readFileSync(resolve('examples', f));
const text = (m: ReturnType<typeof memoryIo>, path: string) => Buffer.from(m.fs.get(path) ?? new Uint8Array()).toString('utf8');

describe('cmts render', { timeout: 60_000 }, () => {
  it('writes one self-contained page to -o, or to standard output', async () => {
    const m = memoryIo({ 'r.xml': example('refresh-2007.xml') });
    expect(await main(['render', 'r.xml', '-o', 'r.html'], m.io)).toBe(0);
    expect(text(m, 'r.html')).toMatch(/^<!DOCTYPE html>[\s\S]*<h1 dir="auto">Windows 7 Refresh<\/h1>/);
    const s = memoryIo({ 'r.xml': example('refresh-2007.xml') });
    expect(await main(['render', 'r.xml', '--format', 'md'], s.io)).toBe(0);
    expect(s.stdout).toMatch(/^# Windows 7 Refresh\n/);
    expect(s.writes).toEqual([]);
  });

  it('a folder gives a page per sequence (export .zip parts included) and an index linking them', async () => {
    const m = memoryIo({ 'in/refresh.xml': example('refresh-2007.xml'), 'in/restore.object.xml': example('replace-restore.object.xml'), 'in/notes.txt': 'x' });
    expect(await main(['render', 'in', '--out-dir', 'out'], m.io)).toBe(0);
    expect(m.writes.sort()).toEqual(['out/index.html', 'out/refresh.html', 'out/restore.object.html']);
    const index = text(m, 'out/index.html');
    expect(index).toContain('<a href="refresh.html" dir="auto">Windows 7 Refresh</a>');
    expect(index).toContain('<a href="restore.object.html" dir="auto">');
    expect(await main(['render', 'in', '--out-dir', 'md', '--format', 'md'], m.io)).toBe(0);
    expect(text(m, 'md/index.md')).toContain('| [Windows 7 Refresh](refresh.md) | in/refresh.xml |');
  });

  it('an export .zip and an .xml of one base name are no clash: the .zip\'s pages are named by package ID', async () => {
    const zip = readFileSync(resolve('test/fixtures/zip/export.zip'));
    const m = memoryIo({ 'in/export.zip': zip, 'in/export.xml': example('refresh-2007.xml') });
    expect(await main(['render', 'in', '--out-dir', 'out'], m.io), m.stderr).toBe(0);
    expect(m.writes.sort()).toEqual(['out/export-CM100031.html', 'out/export.html', 'out/index.html']);
  });

  it('several sequences without --out-dir is a usage error, and nothing is written', async () => {
    const m = memoryIo({ 'a.xml': example('refresh-2007.xml'), 'b.xml': example('refresh-2007.xml') });
    expect(await main(['render', 'a.xml', 'b.xml', '-o', 'x.html'], m.io)).toBe(2);
    expect(m.stderr).toContain('use --out-dir <folder>');
    expect(await main(['render', 'a.xml', 'b.xml'], m.io)).toBe(2);
    expect(m.stderr).toContain('The inputs hold 2 task sequences; give --out-dir <folder>');
    expect(m.stdout).toBe('');
    expect(m.writes).toEqual([]);
  });

  it('an unreadable input fails with its error and writes nothing at all', async () => {
    const m = memoryIo({ 'in/a.xml': example('refresh-2007.xml'), 'in/b.xml': '<sequence><step' });
    expect(await main(['render', 'in', '--out-dir', 'out'], m.io)).toBe(1);
    expect(m.stderr).toMatch(/^cmts render: in\/b\.xml:1:\d+: /);
    expect(m.writes).toEqual([]);
  });

  it('never writes a page onto an input, nor into a missing folder', async () => {
    for (const argv of [
      ['render', 'a.xml', '-o', 'a.xml'],
      ['render', '--compare', 'a.xml', 'b.xml', '-o', 'a.xml'],
      ['render', 'a.xml', '-o', 'missing/a.html'],
    ]) {
      const m = memoryIo({ 'a.xml': example('refresh-2007.xml'), 'b.xml': example('refresh-2007.xml') });
      expect(await main(argv, m.io), argv.join(' ')).toBe(2);
      expect(m.writes, argv.join(' ')).toEqual([]);
    }
  });

  it('reads standard input as -', async () => {
    const m = memoryIo({ '-': example('refresh-2007.xml') });
    expect(await main(['render', '-', '--format', 'md'], m.io)).toBe(0);
    expect(m.stdout).toMatch(/^# Windows 7 Refresh\n/);
  });

  it('has a man-page-like --help, and shell completion knows its options and formats', async () => {
    const m = memoryIo();
    expect(await main(['render', '--help'], m.io)).toBe(0);
    for (const section of ['NAME', 'SYNOPSIS', 'DESCRIPTION', 'OPTIONS', 'EXAMPLES', 'EXIT STATUS']) expect(m.stdout).toMatch(new RegExp(`^${section}$`, 'm'));
    const c = memoryIo();
    expect(await main(['completion', 'bash'], c.io)).toBe(0);
    expect(c.stdout).toContain('render) opts="--compare --format --help --max-bytes --max-depth --max-items --max-nodes --out-dir --output" ;;');
    expect(c.stdout).toMatch(/--format\)[^\n]*html md/);
  });

  it('refuses bad usage with status 2: unknown format, -o with --out-dir, --compare without two inputs', async () => {
    for (const argv of [
      ['render', 'a.xml', '--format', 'pdf'],
      ['render', 'a.xml', '-o', 'x', '--out-dir', 'y'],
      ['render', '--compare', 'a.xml'],
      ['render', '--compare', 'a.xml', 'b.xml', '--out-dir', 'y'],
      ['render'],
    ]) {
      const m = memoryIo({ 'a.xml': example('refresh-2007.xml'), 'b.xml': example('refresh-2007.xml') });
      expect(await main(argv, m.io), argv.join(' ')).toBe(2);
      expect(m.stderr).toContain("Run 'cmts render --help'");
    }
  });

  it('--compare shows the new sequence with the KB977203 changes highlighted', async () => {
    const m = memoryIo({ 'old.xml': example('refresh-2007.xml') });
    expect(await main(['kb977203', 'old.xml', '--certfix-package', 'ABC00010', '-o', 'new.xml'], m.io)).toBe(0);
    expect(await main(['render', '--compare', 'old.xml', 'new.xml', '-o', 'review.html'], m.io)).toBe(0);
    const html = text(m, 'review.html');
    expect(html).toContain('<span class="badge added">2 added</span>');
    expect(html).toMatch(/<li class="item step added" id="i\d+"[^>]*><div class="head"><span class="num">2\.3<\/span> <span class="name" dir="auto">Run CCMCertFix \(KB977203\)<\/span>/);
    expect(html).toMatch(/<li class="item step changed"[^>]*><div class="head"><span class="num">2\.2<\/span> <span class="name" dir="auto">Setup Windows and ConfigMgr/);
    expect(html).toContain('~ property DependentProgram: &quot;&quot; → &quot;<bdi>ABC00010;;CCMCertFix</bdi>&quot;');
  });

  it('renders every corpus file and lists every one of its steps and groups', async () => {
    for (const { name, bytes } of corpusFiles()) {
      if (name.includes('.not-well-formed.')) {
        // Refused by the reader by design: the page is not made, the error says what and where.
        const m = memoryIo({ [name]: bytes });
        expect(await main(['render', name], m.io), name).toBe(1);
        expect(m.stderr).toMatch(new RegExp(`^cmts render: ${name.replace(/\./g, '\\.')}:\\d+:\\d+: [A-Z_]+ `));
        expect(m.stdout).toBe('');
        continue;
      }
      const steps = listItems(readTaskSequence(bytes).sequence);
      for (const format of ['html', 'md']) {
        const m = memoryIo({ [name]: bytes });
        expect(await main(['render', name, '--format', format], m.io), `${name} ${format}`).toBe(0);
        if (format === 'html') {
          expect(m.stdout.match(/<li class="item /g)?.length ?? 0, name).toBe(steps.length);
          const names = [...m.stdout.matchAll(/<span class="name"(?: dir="auto")?>(.*?)<\/span> <span class="type">/g)].map((x) => x[1]);
          expect(names, name).toEqual(steps.map((s) => (s.node.attributes.name ?? '') === '' ? '<i>(no name)</i>' : escape(s.node.attributes.name ?? '')));
        } else expect(m.stdout.split('\n').filter((l) => /^\s*- [\d.]+ \*\*/.test(l)).length, name).toBe(steps.length);
      }
    }
  });
});

function escape(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string);
}
