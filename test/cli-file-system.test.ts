// The file-system promises, checked on real files with the built command line: a full disk never replaces a file
// with part of it, --in-place keeps mode, owner and symlinks, temporary files of killed runs are never inputs and are
// cleaned up, unbounded inputs are refused with bounded memory, and a closed pipe ends the run quietly but with a
// status that says the output was cut short.
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { chmodSync, chownSync, existsSync, linkSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, truncateSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIXTURES_DIR } from './helpers/corpus.js';
import { smallTmpfs } from './helpers/tmpfs.js';
import { BIN, cmts, ensureBuilt } from './helpers/cli-process.js';

const REFRESH = readFileSync(join(FIXTURES_DIR, 'kb977203', 'refresh-2007-crlf', 'input.xml'));
const PATCH = ['--certfix-package', 'ABC00010'];
/** The refresh fixture padded with a comment to about `kb` KiB. */
const padded = (kb: number) => Buffer.from(REFRESH.toString('utf8').replace('</SmsTaskSequencePackage>', `<!-- ${'x'.repeat(kb * 1024)} -->\r\n</SmsTaskSequencePackage>`), 'utf8');
const temps = (dir: string) => readdirSync(dir).filter((f) => f.endsWith('.cmts-tmp'));

describe('the command line on real files', { timeout: 120_000 }, () => {
  let dir: string;
  beforeAll(() => {
    ensureBuilt();
    dir = mkdtempSync(join(tmpdir(), 'cmts-fs-'));
  }, 300_000);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  describe('a full disk (a 1 MiB tmpfs)', () => {
    const disk = smallTmpfs('the full-disk tests');

    it('--in-place that does not fit: exit 1 with a clear message, the input byte for byte as it was, no temporary file left', (ctx) => {
      if (disk.why()) return ctx.skip(disk.why());
      const input = padded(600);
      const file = join(disk.path(), 'ts.xml');
      writeFileSync(file, input);
      const r = cmts(['kb977203', file, '--in-place', ...PATCH]);
      expect(r.status, r.stderr).toBe(1);
      expect(r.stderr).toMatch(/IO_ERROR Cannot write .*ts\.xml: no space left on the device; it is left as it was\./);
      expect(r.stderr).not.toMatch(/\n\s+at /);
      expect(readFileSync(file).equals(input)).toBe(true);
      expect(temps(disk.path())).toEqual([]);
      rmSync(file);
    });

    it('-o onto an existing file that does not fit: exit 1, the old file untouched', (ctx) => {
      if (disk.why()) return ctx.skip(disk.why());
      const input = join(dir, 'big.xml');
      writeFileSync(input, padded(600));
      writeFileSync(join(disk.path(), 'filler'), Buffer.alloc(500 * 1024, 1));
      const out = join(disk.path(), 'out.xml');
      writeFileSync(out, 'old content');
      const r = cmts(['kb977203', input, '-o', out, ...PATCH]);
      expect(r.status, r.stderr).toBe(1);
      expect(r.stderr).toMatch(/no space left on the device/);
      expect(readFileSync(out, 'utf8')).toBe('old content');
      expect(temps(disk.path())).toEqual([]);
      // With room, the same command succeeds: the failure was the disk, not the input.
      rmSync(join(disk.path(), 'filler'));
      expect(cmts(['kb977203', input, '-o', out, ...PATCH]).status).toBe(0);
      expect(statSync(out).size).toBeGreaterThan(600 * 1024);
    });
  });

  it('--in-place keeps a 0600 file 0600 and its owner', () => {
    const file = join(dir, 'secret.xml');
    writeFileSync(file, REFRESH);
    chmodSync(file, 0o600);
    const root = process.getuid?.() === 0;
    if (root) chownSync(file, 1234, 1234);
    const r = cmts(['kb977203', file, '--in-place', ...PATCH]);
    expect(r.status, r.stderr).toBe(0);
    const st = statSync(file);
    expect(st.mode & 0o777).toBe(0o600);
    if (root) expect([st.uid, st.gid]).toEqual([1234, 1234]);
    expect(readFileSync(file, 'utf8')).toContain('ABC00010;;CCMCertFix');
  });

  it('--in-place refuses, leaving the file as it was, when it cannot keep the owner (a user editing another user\'s file)', (ctx) => {
    if (process.getuid?.() !== 0) return ctx.skip('needs root to run cmts as another user');
    const sub = join(dir, 'shared');
    chmodSync(dir, 0o755);
    mkdirSync(sub);
    chmodSync(sub, 0o777);
    const file = join(sub, 'theirs.xml');
    writeFileSync(file, REFRESH);
    chmodSync(file, 0o666);
    chownSync(file, 4321, 4321);
    const r = spawnSync(process.execPath, [BIN, 'kb977203', file, '--in-place', ...PATCH], { uid: 1234, gid: 1234, encoding: 'utf8' });
    expect(r.status, r.stderr).toBe(1);
    expect(r.stderr).toMatch(/IO_ERROR Cannot write .*theirs\.xml: its owner 4321:4321 cannot be kept \(permission denied\); it is left as it was\./);
    expect(readFileSync(file).equals(REFRESH)).toBe(true);
    expect(statSync(file).uid).toBe(4321);
    expect(temps(sub)).toEqual([]);
  });

  it('--in-place on a symlink writes through to its target and keeps the link', () => {
    const sub = join(dir, 'links');
    mkdirSync(sub);
    writeFileSync(join(sub, 'real.xml'), REFRESH);
    symlinkSync('real.xml', join(sub, 'link.xml'));
    const r = cmts(['kb977203', join(sub, 'link.xml'), '--in-place', ...PATCH]);
    expect(r.status, r.stderr).toBe(0);
    expect(lstatSync(join(sub, 'link.xml')).isSymbolicLink()).toBe(true);
    expect(readFileSync(join(sub, 'real.xml'), 'utf8')).toContain('ABC00010;;CCMCertFix');
    expect(temps(sub)).toEqual([]);
  });

  it('--in-place on a hard link replaces that name only, as the README says: the other name keeps the old bytes', () => {
    const a = join(dir, 'hard-a.xml');
    const b = join(dir, 'hard-b.xml');
    writeFileSync(a, REFRESH);
    linkSync(a, b);
    expect(cmts(['kb977203', a, '--in-place', ...PATCH]).status).toBe(0);
    expect(readFileSync(a, 'utf8')).toContain('ABC00010;;CCMCertFix');
    expect(readFileSync(b).equals(REFRESH)).toBe(true);
  });

  it('-o or --report naming a hard link to the input is refused as the input under another name, and nothing is written', () => {
    const a = join(dir, 'linked-a.xml');
    const b = join(dir, 'linked-b.xml');
    writeFileSync(a, REFRESH);
    const report = join(dir, 'linked-a.json');
    linkSync(a, b);
    linkSync(a, report);
    for (const args of [['-o', b], ['-o', join(dir, 'new.xml'), '--report', report]]) {
      const r = cmts(['kb977203', a, ...args, ...PATCH]);
      expect(r.status, r.stderr).toBe(2);
      expect(r.stderr).toContain(`is the input ${a} under another name (a hard link to it)`);
      for (const name of [a, b, report]) expect(readFileSync(name).equals(REFRESH)).toBe(true);
      expect(statSync(b).ino).toBe(statSync(a).ino);
      expect(statSync(report).ino).toBe(statSync(a).ino);
    }
    expect(existsSync(join(dir, 'new.xml'))).toBe(false);
    // A file that merely has the same content is another file: it is written.
    const c = join(dir, 'linked-c.xml');
    writeFileSync(c, REFRESH);
    expect(cmts(['kb977203', a, '-o', c, ...PATCH]).status).toBe(0);
    expect(readFileSync(c, 'utf8')).toContain('ABC00010;;CCMCertFix');
  });

  it('temporary files of a killed run are never read as inputs and are removed by the next run that writes there', () => {
    const sub = join(dir, 'killed');
    mkdirSync(sub);
    writeFileSync(join(sub, 'ts.xml'), REFRESH);
    const dead = spawnSync(process.execPath, ['-e', '']).pid;
    const stale = `.ts.xml.${dead}.${Date.now().toString(36)}.cmts-tmp`;
    const live = `.ts.xml.${process.pid}.${Date.now().toString(36)}.cmts-tmp`;
    const fresh = `.ts.xml.${dead}.${(Date.now() + 1).toString(36)}.cmts-tmp`;
    writeFileSync(join(sub, stale), REFRESH.subarray(0, 100));
    writeFileSync(join(sub, live), REFRESH.subarray(0, 100));
    writeFileSync(join(sub, fresh), REFRESH.subarray(0, 100));
    // Killed two minutes ago; `fresh` was written just now (by a run this process cannot see, say).
    const past = new Date(Date.now() - 120_000);
    utimesSync(join(sub, stale), past, past);
    utimesSync(join(sub, live), past, past);
    const listed = cmts(['inspect', sub, '--json']);
    expect(listed.status, listed.stderr).toBe(0);
    expect((JSON.parse(listed.stdout) as { results: { input: string }[] }).results.map((x) => x.input)).toEqual([join(sub, 'ts.xml')]);
    expect(cmts(['lint', join(sub, '*')]).stderr).not.toContain('cmts-tmp');
    const named = cmts(['inspect', join(sub, stale)]);
    expect(named.status).toBe(2);
    expect(named.stderr).toMatch(/is a temporary file a cmts run left behind, not an input/);
    expect(cmts(['kb977203', join(sub, 'ts.xml'), '--in-place', ...PATCH]).status).toBe(0);
    // The dead run's file is gone; the one of a process still alive (this test), and a fresh one, are left alone.
    expect(temps(sub).sort()).toEqual([fresh, live].sort());
  });

  it('/dev/zero and an endless pipe are refused with INPUT_TOO_LARGE, not read forever', () => {
    const zero = cmts(['inspect', '/dev/zero']);
    expect(zero.status).toBe(1);
    expect(zero.stderr).toMatch(/^cmts inspect: \/dev\/zero: INPUT_TOO_LARGE \/dev\/zero is over 67108864 bytes/);
    const pipe = spawnSync('sh', ['-c', `yes '<a/>' | "${process.execPath}" "${BIN}" lint -`], { encoding: 'utf8', timeout: 60_000 });
    expect(pipe.status).toBe(1);
    expect(pipe.stderr).toMatch(/INPUT_TOO_LARGE \(standard input\) is over/);
  });

  it('a file over the limit is refused from its size, before it is read; an endless device costs at most the limit', () => {
    const huge = join(dir, 'huge.xml');
    writeFileSync(huge, '');
    truncateSync(huge, 3 * 1024 * 1024 * 1024);
    const measure = (path: string, pipe = false) => {
      const script = `import { readInputFile } from ${JSON.stringify(resolve('dist/lib/cli/bounded-read.js'))};
let code = ''; try { readInputFile(${JSON.stringify(path)}); } catch (e) { code = e.code; }
console.log(JSON.stringify({ code, maxRssMiB: process.resourceUsage().maxRSS / 1024 }));`;
      const out = pipe
        ? spawnSync('sh', ['-c', `yes '<a/>' | "${process.execPath}" --input-type=module -e "$SCRIPT"`], { env: { ...process.env, SCRIPT: script }, encoding: 'utf8' }).stdout
        : execFileSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8' });
      return JSON.parse(out) as { code: string; maxRssMiB: number };
    };
    const file = measure(huge);
    expect(file.code).toBe('INPUT_TOO_LARGE');
    expect(file.maxRssMiB).toBeLessThan(150);
    const device = measure('/dev/zero');
    expect(device.code).toBe('INPUT_TOO_LARGE');
    expect(device.maxRssMiB).toBeLessThan(64 + 150);
    const pipe = measure('-', true);
    expect(pipe.code).toBe('INPUT_TOO_LARGE');
    expect(pipe.maxRssMiB).toBeLessThan(64 + 150);
    console.log(`peak memory: 3 GiB sparse file refused at ${file.maxRssMiB.toFixed(0)} MiB, /dev/zero at ${device.maxRssMiB.toFixed(0)} MiB, an endless pipe at ${pipe.maxRssMiB.toFixed(0)} MiB`);
  });

  describe('a reader that goes away (| head)', () => {
    let many: string;
    let changed: string;
    beforeAll(() => {
      many = join(dir, 'many');
      changed = join(dir, 'many-changed');
      mkdirSync(many);
      mkdirSync(changed);
      const example = readFileSync(resolve('examples/refresh-2007.xml'), 'utf8');
      // Each command prints far more than a pipe holds (64 KiB), so the run is still writing when the reader goes.
      const long = 'x'.repeat(500);
      for (let i = 0; i < 200; i++) {
        const name = `ts${String(i).padStart(3, '0')}.xml`;
        writeFileSync(join(many, name), example);
        writeFileSync(join(changed, name), example.replace(/ name="([^"]+)"/g, ` name="$1 ${long}"`));
      }
      writeFileSync(join(dir, 'padded.xml'), padded(300));
    });
    /** `cmts …args | head -1` under bash's pipefail: how long it took, cmts's status (PIPESTATUS), the status of the pipeline, and standard error. */
    const piped = (args: string[], reader = 'head -1') => {
      const line = `set -o pipefail; "$NODE" "$BIN" ${args.map((a) => `'${a}'`).join(' ')} 2>"$ERR" | ${reader} >/dev/null; echo "\${PIPESTATUS[0]} $?"`;
      const err = join(dir, 'piped-stderr.txt');
      const started = Date.now();
      const r = spawnSync('bash', ['-c', line], { env: { ...process.env, NODE: process.execPath, BIN, ERR: err }, encoding: 'utf8', timeout: 60_000 });
      const [cmtsStatus, pipeline] = r.stdout.trim().split(' ').map(Number);
      return { ms: Date.now() - started, signal: r.signal, cmtsStatus, pipeline, stderr: readFileSync(err, 'utf8') };
    };

    it('ends the run quietly, with no EPIPE stack trace, but with status 1: the output was cut short', async () => {
      const child = spawn(process.execPath, [BIN, 'inspect', many], { stdio: ['ignore', 'pipe', 'pipe'] });
      let stderr = '';
      child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
      child.stdout.once('data', () => child.stdout.destroy());
      const status = await new Promise<number | null>((done) => child.on('close', (code) => done(code)));
      expect(stderr).toBe('');
      expect(status).toBe(1);
    });

    it('set -o pipefail sees it: inspect, lint and convert give 1, diff (whose 1 means differences) 2, with nothing on standard error', () => {
      for (const [args, status] of [
        [['inspect', many], 1],
        [['inspect', many, '--json'], 1],
        [['lint', many, changed, '--json'], 1],
        [['convert', join(dir, 'padded.xml'), '--to', 'json'], 1],
        [['diff', many, changed], 2],
      ] as [string[], number][]) {
        const r = piped(args, 'head -c 100');
        expect(r.signal, args.join(' ')).toBeNull();
        expect([r.cmtsStatus, r.pipeline], args.join(' ')).toEqual([status, status]);
        expect(r.stderr, args.join(' ')).toBe('');
      }
    });

    it('a batch that writes no file stops at once, in the process and on worker threads; one that writes files writes them all', () => {
      for (const jobs of ['1', '2']) {
        const r = piped(['kb977203', many, '--dry-run', '--certfix-package', 'ABC00010', '--jobs', jobs]);
        expect(r.signal).toBeNull();
        expect(r.cmtsStatus, r.stderr).toBe(1);
        expect(r.stderr).not.toMatch(/EPIPE|IO_ERROR|\n\s+at /);
        expect(r.ms).toBeLessThan(30_000);
        // A dry run writes no file: it stops there, rather than reading and processing the rest for no one, and says so.
        const stopped = /the batch stopped after (\d+) of 200 inputs/.exec(r.stderr);
        expect(stopped, r.stderr).not.toBeNull();
        expect(Number(stopped?.[1])).toBeLessThan(200);
      }
      const out = join(dir, 'many-out');
      const json = piped(['kb977203', many, '--out-dir', out, '--json', '--certfix-package', 'ABC00010', '--jobs', '2'], 'head -c 10');
      expect(json.cmtsStatus, json.stderr).toBe(1);
      expect(readdirSync(out)).toHaveLength(200);
      expect(readFileSync(join(out, 'ts199.xml'), 'utf8')).toContain('ABC00010;;CCMCertFix');
    });

    it('a reader that reads everything leaves the status as it was', () => {
      expect(piped(['inspect', many], 'cat').cmtsStatus).toBe(0);
      expect(piped(['diff', many, changed], 'cat').cmtsStatus).toBe(1);
    });
  });

  it('nothing is left behind when the output folder is missing or the input is bad', () => {
    expect(existsSync(join(dir, 'nope'))).toBe(false);
    const r = cmts(['kb977203', join(dir, 'secret.xml'), '-o', join(dir, 'nope', 'out.xml'), ...PATCH]);
    expect(r.status).toBe(2);
    expect(existsSync(join(dir, 'nope'))).toBe(false);
  });
});
