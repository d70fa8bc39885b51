// A read-only target (a mode with no write bit for anyone: how Node shows Windows' read-only attribute too) is refused,
// as cp refuses it, instead of being replaced by the rename every atomic write ends with: IO_ERROR, nothing written, no
// temporary file left, and a batch goes on with its other inputs. The tests run as root, for whom access(W_OK) always
// succeeds, so the refusal has to come from the mode bits; every command that writes files goes through the same writer.
import { chmodSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve, relative } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { writeFileAtomic } from '../lib/cli/atomic-write.js';
import { cmts, ensureBuilt } from './helpers/cli-process.js';
import { thrown } from './helpers/thrown.js';

const EXAMPLE = resolve('examples/refresh-2007.xml');
const OTHER = resolve('examples/replace-capture-2007.xml');
const YAML = resolve('examples/osd-as-code.yaml');
const PATCH = ['--certfix-package', 'ABC00010'];
const OLD = 'hello\n';
const escaped = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** The message for a read-only `file`, as the command line prints it. */
const refused = (file: string) => new RegExp(`IO_ERROR Cannot write ${escaped(file)}: it is read-only; it is left as it was\\.`);

describe.skipIf(process.platform === 'win32')('a read-only target', { timeout: 120_000 }, () => {
  let root: string;
  let dir: string;
  let n = 0;
  const temps = () => readdirSync(dir).filter((f) => f.endsWith('.cmts-tmp'));
  /** A file in the test's folder holding `text`, with `mode`. */
  const file = (name: string, mode: number, text: string | Buffer = OLD) => {
    const path = join(dir, name);
    writeFileSync(path, text);
    chmodSync(path, mode);
    return path;
  };
  /** The file is as `file` made it: same bytes, same mode. */
  const untouched = (path: string, mode = 0o444, text: string | Buffer = OLD) => {
    expect(readFileSync(path).equals(Buffer.from(text))).toBe(true);
    expect(statSync(path).mode & 0o7777).toBe(mode);
  };

  beforeAll(() => {
    ensureBuilt();
    root = mkdtempSync(join(tmpdir(), 'cmts-ro-'));
  }, 300_000);
  afterAll(() => rmSync(root, { recursive: true, force: true }));
  beforeEach(() => {
    dir = join(root, `t${n++}`);
    mkdirSync(dir);
  });

  describe('writeFileAtomic', () => {
    it('refuses a file no one may write (0444, 0400, 0555), leaving it and its mode as they were', () => {
      for (const mode of [0o444, 0o400, 0o555, 0o000]) {
        const path = file(`ro-${mode.toString(8)}.xml`, mode);
        const e = thrown(() => writeFileAtomic(path, Buffer.from('new')));
        expect(e.code).toBe('IO_ERROR');
        expect(e.message).toBe(`Cannot write ${path}: it is read-only; it is left as it was.`);
        untouched(path, mode);
      }
      expect(temps()).toEqual([]);
    });

    it('writes a file anyone may write (0644, 0200, 0602) and a new one', () => {
      for (const mode of [0o644, 0o200, 0o602, 0o020]) {
        const path = file(`rw-${mode.toString(8)}.xml`, mode);
        writeFileAtomic(path, Buffer.from('new'));
        expect(readFileSync(path, 'utf8')).toBe('new');
        expect(statSync(path).mode & 0o7777).toBe(mode);
      }
      writeFileAtomic(join(dir, 'new.xml'), Buffer.from('new'));
      expect(readFileSync(join(dir, 'new.xml'), 'utf8')).toBe('new');
    });

    it('judges a symlink by the file it leads to: a link to a read-only file is refused, the link stays', () => {
      const real = file('real.xml', 0o444);
      symlinkSync('real.xml', join(dir, 'link.xml'));
      symlinkSync('link.xml', join(dir, 'link2.xml'));
      for (const link of ['link.xml', 'link2.xml']) {
        const e = thrown(() => writeFileAtomic(join(dir, link), Buffer.from('new')));
        expect(e.message).toBe(`Cannot write ${join(dir, link)}: it is read-only; it is left as it was.`);
        expect(lstatSync(join(dir, link)).isSymbolicLink()).toBe(true);
      }
      untouched(real);
      // A link to a writable file is written through, whatever the link's own mode.
      const rw = file('rw.xml', 0o644);
      symlinkSync('rw.xml', join(dir, 'rw-link.xml'));
      writeFileAtomic(join(dir, 'rw-link.xml'), Buffer.from('new'));
      expect(readFileSync(rw, 'utf8')).toBe('new');
      expect(temps()).toEqual([]);
    });
  });

  describe('the command line', () => {
    it('kb977203 -o onto a read-only file: exit 1, the message, the file as it was', () => {
      const out = file('ro.xml', 0o444);
      const r = cmts(['kb977203', ...PATCH, EXAMPLE, '-o', out]);
      expect(r.status, r.stderr).toBe(1);
      expect(r.stderr).toMatch(refused(out));
      expect(r.stderr).not.toMatch(/\n\s+at /);
      expect(r.stdout + r.stderr).not.toMatch(/wrote .*ro\.xml/);
      untouched(out);
      expect(temps()).toEqual([]);
    });

    it('kb977203 --in-place: the read-only input is refused, the batch goes on with the others, exit 1', () => {
      const input = readFileSync(EXAMPLE);
      const ro = file('a-ro.xml', 0o444, input);
      const rw = file('b-rw.xml', 0o644, input);
      const r = cmts(['kb977203', ...PATCH, ro, rw, '--in-place']);
      expect(r.status, r.stderr).toBe(1);
      expect(r.stderr).toMatch(refused(ro));
      expect(r.stderr).toMatch(/a-ro\.xml +FAILED +- +IO_ERROR/);
      untouched(ro, 0o444, input);
      expect(readFileSync(rw, 'utf8')).toContain('ABC00010;;CCMCertFix');
      // Through a symlink, the file it leads to is judged; the link stays a link.
      const viaLink = join(dir, 'c-link.xml');
      symlinkSync('a-ro.xml', viaLink);
      const linked = cmts(['kb977203', ...PATCH, viaLink, '--in-place']);
      expect(linked.status, linked.stderr).toBe(1);
      expect(linked.stderr).toMatch(refused(viaLink));
      expect(lstatSync(viaLink).isSymbolicLink()).toBe(true);
      untouched(ro, 0o444, input);
      expect(temps()).toEqual([]);
    });

    it('kb977203 --out-dir with a read-only file of that name there, and --report and --html onto read-only files', () => {
      const outDir = join(dir, 'out');
      mkdirSync(outDir);
      const ro = file(relative(dir, join(outDir, 'a.xml')), 0o444);
      const r = cmts(['kb977203', ...PATCH, file('a.xml', 0o644, readFileSync(EXAMPLE)), file('b.xml', 0o644, readFileSync(EXAMPLE)), '--out-dir', outDir]);
      expect(r.status, r.stderr).toBe(1);
      expect(r.stderr).toMatch(refused(ro));
      untouched(ro);
      expect(readFileSync(join(outDir, 'b.xml'), 'utf8')).toContain('ABC00010;;CCMCertFix');

      const report = file('fleet.csv', 0o444);
      const withReport = cmts(['kb977203', ...PATCH, EXAMPLE, '-o', join(dir, 'k.xml'), '--report', report]);
      expect(withReport.status, withReport.stderr).toBe(1);
      expect(withReport.stderr).toMatch(refused(report));
      untouched(report);

      const html = file('review.html', 0o444);
      const withHtml = cmts(['kb977203', ...PATCH, EXAMPLE, '--dry-run', '--html', html]);
      expect(withHtml.status, withHtml.stderr).toBe(1);
      expect(withHtml.stderr).toMatch(refused(html));
      untouched(html);
      expect(temps()).toEqual([]);
    });

    const others: [string, (out: string) => string[]][] = [
      ['transform -o', (out) => ['transform', 'add-reference', EXAMPLE, '--options', join(dir, 'ref.json'), '-o', out]],
      ['convert --to json -o', (out) => ['convert', EXAMPLE, '--to', 'json', '-o', out]],
      ['convert --to yaml -o', (out) => ['convert', EXAMPLE, '--to', 'yaml', '-o', out]],
      ['render -o', (out) => ['render', EXAMPLE, '-o', out]],
      ['render --compare -o', (out) => ['render', '--compare', EXAMPLE, OTHER, '-o', out]],
      ['build -o', (out) => ['build', YAML, '-o', out]],
    ];
    for (const [name, args] of others) {
      it(`${name} onto a read-only file: exit 1, the message, the file as it was`, () => {
        writeFileSync(join(dir, 'ref.json'), '{"packageId": "ABC00010"}');
        const out = file('ro.out', 0o444);
        const r = cmts(args(out));
        expect(r.status, r.stderr).toBe(1);
        expect(r.stderr).toMatch(refused(out));
        untouched(out);
        expect(temps()).toEqual([]);
      });
    }

    it('convert and transform --out-dir: the read-only one is refused, the others written', () => {
      writeFileSync(join(dir, 'ref.json'), '{"packageId": "ABC00010"}');
      const outDir = join(dir, 'out');
      mkdirSync(outDir);
      const ro = file(relative(dir, join(outDir, 'refresh-2007.json')), 0o444);
      const c = cmts(['convert', EXAMPLE, OTHER, '--to', 'json', '--out-dir', outDir]);
      expect(c.status, c.stderr).toBe(1);
      expect(c.stderr).toMatch(refused(ro));
      untouched(ro);
      expect(readdirSync(outDir).sort()).toEqual(['refresh-2007.json', 'replace-capture-2007.json']);

      const tDir = join(dir, 'tout');
      mkdirSync(tDir);
      const tro = file(relative(dir, join(tDir, 'refresh-2007.xml')), 0o444);
      const t = cmts(['transform', 'add-reference', EXAMPLE, OTHER, '--options', join(dir, 'ref.json'), '--out-dir', tDir]);
      expect(t.status, t.stderr).toBe(1);
      expect(t.stderr).toMatch(refused(tro));
      untouched(tro);
      expect(readdirSync(tDir).sort()).toEqual(['refresh-2007.xml', 'replace-capture-2007.xml']);
    });

    it('render --out-dir with a read-only page there: all or nothing, the folder as it was', () => {
      const outDir = join(dir, 'pages');
      mkdirSync(outDir);
      const ro = file(relative(dir, join(outDir, 'refresh-2007.html')), 0o444);
      const r = cmts(['render', EXAMPLE, OTHER, '--out-dir', outDir]);
      expect(r.status, r.stderr).toBe(1);
      expect(r.stderr).toMatch(refused(ro));
      untouched(ro);
      expect(readdirSync(outDir)).toEqual(['refresh-2007.html']);
    });
  });
});
