// The package's bin is the bundled command line (scripts/bundle-cli.mjs): a launcher that runs one bundle per command
// (main() and that command) with V8's code cache made for it, and main() alone for anything that names no command.
// Every path prints what the library's main() prints; the caches built with the package are ones this Node accepts;
// a cache that is missing or does not fit its bundle is ignored (the bundle is compiled as usual).
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { copyFileSync, cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { nodeIo } from '../lib/cli/io.js';
import { COMMANDS, main } from '../lib/cli/main.js';
import { BIN, cmts, ensureBuilt } from './helpers/cli-process.js';

const DIR = dirname(BIN);
const NAMES = Object.keys(COMMANDS);
const example = (f: string): string => resolve('examples', f);
const REFRESH = example('refresh-2007.xml');
const CAPTURE = example('replace-capture-2007.xml');

let tmp: string;
beforeAll(() => {
  ensureBuilt();
  tmp = mkdtempSync(join(tmpdir(), 'cmts-bundle-test-'));
  writeFileSync(join(tmp, 'reference.json'), '{"packageId": "ABC00010"}\n');
});
afterAll(() => {
  rmSync(tmp, { recursive: true, force: true });
});

/** What the library's main() prints for a command line, run in this process on the real file system. */
async function inProcess(argv: string[]): Promise<{ status: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const text = (c: string | Uint8Array): string => (typeof c === 'string' ? c : Buffer.from(c).toString('utf8'));
  const io = { ...nodeIo(), stdout: { write: (c: string | Uint8Array) => (stdout += text(c)) }, stderr: { write: (c: string | Uint8Array) => (stderr += text(c)) } };
  const status = await main(argv, io);
  return { status, stdout, stderr };
}

/** A run of a launcher as a process, in the shape of {@link inProcess}. */
function asProcess(argv: string[], bin = BIN): { status: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [bin, ...argv], { encoding: 'utf8', input: '' });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** Command lines of each command that only read (their output is the whole result). */
const RUNS: Record<string, string[][]> = {
  kb977203: [
    ['kb977203', REFRESH, '--certfix-package', 'ABC00010', '--dry-run'],
    ['kb977203', CAPTURE, '--certfix-package', 'ABC00010', '--check', '--json'],
  ],
  inspect: [['inspect', REFRESH]],
  lint: [['lint', REFRESH, '--json']],
  diff: [['diff', REFRESH, CAPTURE]],
  convert: [['convert', REFRESH, '--to', 'yaml']],
  transform: [['transform', 'add-reference', REFRESH, '--options', '<tmp>/reference.json', '--check']],
  render: [['render', CAPTURE, '--format', 'md']],
  completion: [['completion', 'bash']],
  build: [['build', example('osd-as-code.yaml')]],
};

describe('the bundled command line', { timeout: 120_000 }, () => {
  it('has a run for every command, so none is left untested here', () => {
    expect(Object.keys(RUNS).sort()).toEqual([...NAMES].sort());
  });

  it('runs every command from its own bundle as the library main() does: help, a usage error and real runs', async () => {
    for (const name of NAMES) {
      const runs = [[name, '--help'], ['help', name], [name, '--no-such-option'], ...(RUNS[name] ?? []).map((a) => a.map((x) => x.replace('<tmp>', tmp)))];
      for (const argv of runs) {
        const expected = await inProcess(argv);
        expect(asProcess(argv), argv.join(' ')).toEqual(expected);
      }
    }
  });

  it('runs main() alone for what names no command, as the library does: no command, --version, help, typos', async () => {
    const lines = [[], ['--help'], ['-h'], ['help'], ['--version'], ['--versoin'], ['kb97720'], ['help', 'lnt'], ['help', 'lint', 'diff'], ['constructor'], ['help', '__proto__'], ['-x', 'lint']];
    for (const argv of lines) {
      const expected = await inProcess(argv);
      expect(asProcess(argv), argv.join(' ')).toEqual(expected);
    }
    expect(cmts(['kb97720']).stderr).toMatch(/unknown command "kb97720"\. Did you mean kb977203\?/);
    expect(cmts(['constructor']).status).toBe(2);
    expect(cmts(['--versoin']).stderr).toMatch(/unknown option --versoin\. Did you mean --version\?/i);
    expect(cmts(['--version']).stdout.trim()).toBe((JSON.parse(readFileSync('package.json', 'utf8')) as { version: string }).version);
  });

  it('has, for every command, a bundle and a code cache this Node accepts, named in the launcher', () => {
    const launcher = readFileSync(BIN, 'utf8');
    const caches = NAMES.map((name) => {
      const cache = readdirSync(DIR).find((f) => new RegExp(`^cmd-${name}\\.[0-9a-f]{16}\\.cache$`).test(f));
      expect(cache, name).toBeDefined();
      expect(launcher).toContain(`"${name}":"${cache}"`);
      return [join(DIR, `cmd-${name}.cjs`), join(DIR, cache ?? '')];
    });
    const script = `const { readFileSync } = require('node:fs'); const vm = require('node:vm');
const rejected = ${JSON.stringify(caches)}.map(([file, cache]) => new vm.Script(readFileSync(file, 'latin1'), { filename: file, cachedData: readFileSync(cache) }).cachedDataRejected);
process.stdout.write(JSON.stringify(rejected));`;
    expect(JSON.parse(execFileSync(process.execPath, ['-e', script], { encoding: 'utf8' }))).toEqual(NAMES.map(() => false));
  });

  it("gives the library's build the batch worker's bundle too: one file, the same as the command line's", () => {
    const bundled = readFileSync(join(DIR, 'kb977203-worker.js'));
    expect(readFileSync(resolve('dist/lib/cli/kb977203-worker.js')).equals(bundled)).toBe(true);
    // One file: it imports no module of the project (packages and Node's own only).
    expect(bundled.toString('utf8')).not.toMatch(/from\s*["']\.\.?\//);
  });

  it("holds only its own command in each bundle: another command's is refused as not in it", () => {
    const script = `const { readFileSync } = require('node:fs'); const vm = require('node:vm'); const Module = require('node:module');
const file = ${JSON.stringify(join(DIR, 'cmd-lint.cjs'))};
const cli = { exports: {} };
new vm.Script(readFileSync(file, 'latin1'), { filename: file }).runInThisContext()(cli.exports, Module.createRequire(file), cli, file, ${JSON.stringify(DIR)});
cli.exports.main(['kb977203', '--help'], cli.exports.nodeIo()).then(() => process.stdout.write('loaded'), (e) => process.stdout.write(e.message));`;
    expect(execFileSync(process.execPath, ['-e', script], { encoding: 'utf8' })).toBe('cmts kb977203 is not in this bundle');
  });

  it('ignores a code cache that is missing, from another bundle, garbage or a folder, and prints the same', () => {
    // A copy of the built command line, with the project's packages beside it as an installed package has them.
    const copy = join(tmp, 'copy');
    cpSync(DIR, join(copy, 'cli'), { recursive: true });
    symlinkSync(resolve('node_modules'), join(copy, 'node_modules'), 'dir');
    const bin = join(copy, 'cli', 'cmts.cjs');
    const cacheOf = (name: string): string => join(copy, 'cli', readdirSync(join(copy, 'cli')).find((f) => f.startsWith(`cmd-${name}.`) && f.endsWith('.cache')) as string);
    const runs = { kb977203: RUNS.kb977203?.[0] as string[], lint: RUNS.lint?.[0] as string[], inspect: RUNS.inspect?.[0] as string[], diff: RUNS.diff?.[0] as string[] };
    const expected = Object.fromEntries(Object.entries(runs).map(([name, argv]) => [name, asProcess(argv)]));
    rmSync(cacheOf('kb977203'));
    copyFileSync(cacheOf('diff'), cacheOf('lint'));
    // Larger than its script (the launcher reads a cache into the script's buffer when it fits there).
    writeFileSync(cacheOf('inspect'), Buffer.alloc(4 << 20, 7));
    const diffCache = cacheOf('diff');
    rmSync(diffCache);
    mkdirSync(diffCache);
    for (const [name, argv] of Object.entries(runs)) expect(asProcess(argv, bin), name).toEqual(expected[name]);
    // The bundles really ran without their caches: V8 refuses the ones left in place.
    const script = `const { readFileSync } = require('node:fs'); const vm = require('node:vm');
const rejected = ${JSON.stringify(['lint', 'inspect'].map((n) => [join(copy, 'cli', `cmd-${n}.cjs`), cacheOf(n)]))}.map(([file, cache]) => new vm.Script(readFileSync(file, 'latin1'), { filename: file, cachedData: readFileSync(cache) }).cachedDataRejected);
process.stdout.write(JSON.stringify(rejected));`;
    expect(JSON.parse(execFileSync(process.execPath, ['-e', script], { encoding: 'utf8' }))).toEqual([true, true]);
  });

  it.runIf(process.platform !== 'win32')('ignores a named pipe in place of a code cache rather than waiting on it', () => {
    const copy = join(tmp, 'fifo');
    cpSync(DIR, join(copy, 'cli'), { recursive: true });
    symlinkSync(resolve('node_modules'), join(copy, 'node_modules'), 'dir');
    const cache = join(copy, 'cli', readdirSync(join(copy, 'cli')).find((f) => f.startsWith('cmd-kb977203.') && f.endsWith('.cache')) as string);
    rmSync(cache);
    execFileSync('mkfifo', [cache]);
    const argv = RUNS.kb977203?.[0] as string[];
    const expected = asProcess(argv);
    // Opened as it was (blocking, until a writer came), the command never ended: the timeout kills it.
    const r = spawnSync(process.execPath, [join(copy, 'cli', 'cmts.cjs'), ...argv], { encoding: 'utf8', input: '', timeout: 20_000 });
    expect(r.error).toBeUndefined();
    expect({ status: r.status, stdout: r.stdout, stderr: r.stderr }).toEqual(expected);
  });

  // A write lease (what a file server such as Samba takes for an oplock) makes an open that may not wait fail with
  // EAGAIN while the lease is broken; a blocking open waits for the holder to let go. The bundle must be read: a
  // launcher that gave up there failed the command. Taken with Python's fcntl, as Node has no F_SETLEASE.
  const leases = process.platform === 'linux' && spawnSync('python3', ['-c', 'import fcntl; fcntl.F_SETLEASE'], { stdio: 'ignore' }).status === 0;
  it.runIf(leases)('waits for a lease on its bundle to be given up rather than failing', async () => {
    const copy = join(tmp, 'lease');
    cpSync(DIR, join(copy, 'cli'), { recursive: true });
    symlinkSync(resolve('node_modules'), join(copy, 'node_modules'), 'dir');
    const argv = RUNS.kb977203?.[0] as string[];
    const expected = asProcess(argv);
    const holder = `import fcntl, os, signal, sys, time
fd = os.open(sys.argv[1], os.O_RDWR)
def release(*_):
    fcntl.fcntl(fd, fcntl.F_SETLEASE, fcntl.F_UNLCK)
    os.close(fd)
    sys.exit(0)
signal.signal(signal.SIGIO, release)
fcntl.fcntl(fd, fcntl.F_SETLEASE, fcntl.F_WRLCK)
print('held', flush=True)
time.sleep(30)
`;
    const lease = spawn('python3', ['-c', holder, join(copy, 'cli', 'cmd-kb977203.cjs')], { stdio: ['ignore', 'pipe', 'inherit'] });
    try {
      await new Promise<void>((done, fail) => {
        lease.stdout.once('data', () => done());
        lease.once('exit', (code) => fail(new Error(`the lease holder exited (${code}) before it held the lease`)));
      });
      const r = spawnSync(process.execPath, [join(copy, 'cli', 'cmts.cjs'), ...argv], { encoding: 'utf8', input: '', timeout: 20_000 });
      expect(r.error).toBeUndefined();
      expect({ status: r.status, stdout: r.stdout, stderr: r.stderr }).toEqual(expected);
    } finally {
      lease.kill();
    }
  });
});
