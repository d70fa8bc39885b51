// Standard output and error of the real process: a full disk under `> out` is an IO_ERROR and a failed run, never a
// stack trace and never status 0; a file, a pipe and a terminal get the same bytes; stdout and stderr into one file keep
// the order they were written in.
import { spawnSync } from 'node:child_process';
import { closeSync, existsSync, openSync, readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { cliFiles } from './helpers/cli-files.js';
import { BIN, cmts } from './helpers/cli-process.js';

const EXAMPLE = resolve('examples/refresh-2007.xml');
const PATCH = ['--certfix-package', 'ABC00010'];
const files = cliFiles({ 'ref.json': '{"packageId": "ABC00010"}' });

/** Runs cmts with standard output (and, if given, error) opened on a path; what standard error said, and the status. */
function runInto(args: string[], stdoutPath: string, stderrPath?: string): { status: number | null; stderr: string } {
  const out = openSync(stdoutPath, 'w');
  const err = stderrPath === undefined ? 'pipe' : stderrPath === stdoutPath ? out : openSync(stderrPath, 'w');
  try {
    const r = spawnSync(process.execPath, [BIN, ...args], { stdio: ['ignore', out, err], encoding: 'utf8' });
    return { status: r.status, stderr: r.stderr ?? '' };
  } finally {
    closeSync(out);
    if (typeof err === 'number' && err !== out) closeSync(err);
  }
}

describe('standard streams of the cmts process', { timeout: 120_000 }, () => {
  // /dev/full is Linux's device on which every write fails with ENOSPC: a full disk under `> out.xml`.
  describe.runIf(existsSync('/dev/full'))('standard output on a full disk', () => {
    const cases: [string, string[] | (() => string[]), number][] = [
      ['inspect', ['inspect', EXAMPLE], 1],
      ['kb977203 -o -', ['kb977203', EXAMPLE, ...PATCH, '-o', '-'], 1],
      ['kb977203 --dry-run --json', ['kb977203', EXAMPLE, ...PATCH, '--dry-run', '--json'], 1],
      ['lint --json', ['lint', EXAMPLE, '--json'], 1],
      ['convert --to json', ['convert', EXAMPLE, '--to', 'json'], 1],
      ['convert --to yaml', ['convert', EXAMPLE, '--to', 'yaml'], 1],
      ['transform --check --json', () => ['transform', 'add-reference', EXAMPLE, '--options', files.at('ref.json'), '--check', '--json'], 1],
      ['render', ['render', EXAMPLE], 1],
      ['build -o -', ['build', resolve('examples/osd-as-code.yaml'), '-o', '-'], 1],
      ['completion bash', ['completion', 'bash'], 1],
      ['cmts --version', ['--version'], 1],
      ['transform --help', ['transform', '--help'], 1],
    ];
    for (const [name, args, status] of cases) {
      it(`${name}: IO_ERROR on standard error naming standard output, status ${status}, no stack trace`, () => {
        const r = runInto(typeof args === 'function' ? args() : args, '/dev/full');
        expect(r.status).toBe(status);
        expect(r.stderr).toMatch(/^cmts(?: [a-z0-9]+)?: \(standard output\): IO_ERROR Cannot write standard output: no space left on the device; what was written is incomplete\.$/m);
        expect(r.stderr).not.toMatch(/\n\s+at |Node\.js v|ENOSPC:/);
        // A result lost there is never reported as written.
        expect(r.stderr).not.toMatch(/wrote standard output/);
        // The only thing that went wrong: nothing else is reported.
        expect(r.stderr.match(/[A-Z][A-Z_]+_?[A-Z]+ /g)?.filter((c) => /ERROR|INVALID|MALFORMED/.test(c))).toEqual(['IO_ERROR ']);
      });
    }

    it('diff, whose 1 means differences, fails with 2 (trouble, as diff(1)) when the differences cannot be written', () => {
      const other = files.at('other.xml');
      writeFileSync(other, readFileSync(EXAMPLE, 'utf8').replace('Capture', 'Captured'));
      const differs = cmts(['diff', EXAMPLE, other]);
      expect(differs.status).toBe(1);
      expect(differs.stdout).not.toBe('');
      const r = runInto(['diff', EXAMPLE, other], '/dev/full');
      expect(r.status).toBe(2);
      expect(r.stderr).toContain('cmts diff: (standard output): IO_ERROR');
    });

    it('a command that already failed keeps its status; a run that writes nothing to standard output is not failed by it', () => {
      const bad = files.at('bad.xml');
      writeFileSync(bad, '<sequence><step></sequence>');
      const usage = runInto(['inspect', '--no-such-option'], '/dev/full');
      expect(usage.status).toBe(2);
      const failed = runInto(['kb977203', bad, ...PATCH, '-o', '-'], '/dev/full');
      expect(failed.status).toBe(1);
      expect(failed.stderr).toContain('XML_MALFORMED');
      // Written to a file, nothing goes to standard output: the full device is never written.
      const target = files.at('written.xml');
      const quiet = runInto(['kb977203', EXAMPLE, ...PATCH, '-o', target], '/dev/full');
      expect(quiet.status).toBe(0);
      expect(quiet.stderr).not.toContain('IO_ERROR');
      expect(existsSync(target)).toBe(true);
    });

    it('standard error on a full disk changes nothing: the status still says how the run went', () => {
      const out = files.at('out-with-full-stderr.xml');
      const r = runInto(['kb977203', EXAMPLE, ...PATCH, '-o', '-'], out, '/dev/full');
      expect(r.status).toBe(0);
      expect(readFileSync(out)).toEqual(cmts(['kb977203', EXAMPLE, ...PATCH, '-o', '-']).stdoutBytes);
    });
  });

  it('errors of a kb977203 batch go to standard error under --json too, as every command\'s do', () => {
    const bad = files.at('batch-bad.xml');
    writeFileSync(bad, '<sequence><step></sequence>');
    const r = cmts(['kb977203', EXAMPLE, bad, '--dry-run', '--json', ...PATCH]);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/^cmts kb977203: .*batch-bad\.xml:1:\d+: XML_MALFORMED /m);
    const report = JSON.parse(r.stdout) as { summary: { failed: number } };
    expect(report.summary.failed).toBe(1);
  });

  it('a file and a pipe get the same bytes; standard output and error in one file keep the order they were written in', () => {
    const piped = cmts(['kb977203', EXAMPLE, ...PATCH, '--dry-run']);
    expect(piped.status).toBe(0);
    const file = files.at('dry-run.txt');
    expect(runInto(['kb977203', EXAMPLE, ...PATCH, '--dry-run'], file).status).toBe(0);
    expect(readFileSync(file)).toEqual(piped.stdoutBytes);
    // `> log 2>&1`: the report (standard error) comes before the diff (standard output), as the command writes them.
    const both = files.at('both.txt');
    expect(runInto(['kb977203', EXAMPLE, ...PATCH, '--dry-run'], both, both).status).toBe(0);
    expect(readFileSync(both, 'utf8')).toBe(piped.stderr + piped.stdout);
  });

  // A terminal goes through Node's own stream (on Windows it wants UTF-16); script(1) gives the process one.
  const script = process.platform === 'linux' ? ['/usr/bin/script', '/bin/script'].find((p) => existsSync(p)) : undefined;
  const terminal = script !== undefined && spawnSync(script, ['-qec', 'true', '/dev/null']).status === 0;
  it.runIf(terminal)('a terminal gets what a pipe gets (its line ends as a terminal writes them)', () => {
    const piped = cmts(['inspect', EXAMPLE]);
    const line = [process.execPath, BIN, 'inspect', EXAMPLE].map((a) => `'${a}'`).join(' ');
    const r = spawnSync(script as string, ['-qec', line, '/dev/null'], { encoding: 'utf8' });
    expect(r.status).toBe(0);
    expect(r.stdout.replace(/\r\n/g, '\n')).toBe(piped.stdout);
  });
});

describe('writing a descriptor that is not ready', () => {
  it('waits while a non-blocking descriptor is full and writes every byte of a partial write', async () => {
    vi.resetModules();
    const written: number[] = [];
    let calls = 0;
    vi.doMock('node:fs', async (real) => ({
      ...(await real<typeof import('node:fs')>()),
      fstatSync: () => ({ isFile: () => true }),
      writeSync: (_fd: number, bytes: Uint8Array, offset: number, length: number) => {
        calls++;
        if (calls % 2 === 1) throw Object.assign(new Error('EAGAIN: resource temporarily unavailable, write'), { code: 'EAGAIN' });
        const n = Math.min(length, 3);
        written.push(...bytes.subarray(offset, offset + n));
        return n;
      },
    }));
    try {
      const { standardStream } = await import('../lib/cli/std-stream.js');
      const out = standardStream(1);
      expect(out.write('abcdefgh\u00e9')).toBe(true);
      expect(Buffer.from(written).toString('utf8')).toBe('abcdefgh\u00e9');
      expect(out.failure).toBeUndefined();
      expect(calls).toBe(8);
    } finally {
      vi.doUnmock('node:fs');
      vi.resetModules();
    }
  });

  it('stops quietly when the reader went away, but the status says the output was cut short; keeps any other failure without throwing', async () => {
    vi.resetModules();
    let error = 'EPIPE';
    let calls = 0;
    vi.doMock('node:fs', async (real) => ({
      ...(await real<typeof import('node:fs')>()),
      fstatSync: () => ({ isFile: () => true }),
      writeSync: () => {
        calls++;
        throw Object.assign(new Error(`${error}: failed, write`), { code: error });
      },
    }));
    try {
      const { checkWritten, settleStandardStreams, standardStream } = await import('../lib/cli/std-stream.js');
      const closed = standardStream(1);
      expect(closed.write('x')).toBe(false);
      expect(closed.write('y')).toBe(false);
      // Once the reader is gone, nothing more is written.
      expect(calls).toBe(1);
      expect(closed.failure).toBeUndefined();
      expect(closed.readerGone).toBe(true);
      const said: string[] = [];
      const err = { write: (c: string | Uint8Array) => said.push(String(c)) };
      // Not reported (| head is normal use), but never status 0: `set -o pipefail` sees the output was cut short.
      expect(() => checkWritten(closed)).not.toThrow();
      expect(settleStandardStreams(closed, err, 0, 'inspect')).toBe(1);
      expect(settleStandardStreams(closed, err, 1, 'lint')).toBe(1);
      expect(settleStandardStreams(closed, err, 2, 'inspect')).toBe(2);
      expect(settleStandardStreams(closed, err, 0, 'diff')).toBe(2);
      expect(settleStandardStreams(closed, err, 1, 'diff')).toBe(2);
      expect(said).toEqual([]);
      // Node's stream closed after the reader went: the same.
      error = 'ERR_STREAM_DESTROYED';
      const destroyed = standardStream(1);
      expect(destroyed.write('x')).toBe(false);
      expect(destroyed.failure).toBeUndefined();
      expect(settleStandardStreams(destroyed, err, 0, undefined)).toBe(1);
      expect(said).toEqual([]);
      // A standard output never written to a gone reader leaves the status alone.
      const fine = standardStream(1);
      expect(settleStandardStreams(fine, err, 0, 'inspect')).toBe(0);

      error = 'EIO';
      const broken = standardStream(1);
      expect(broken.write('x')).toBe(false);
      expect((broken.failure as NodeJS.ErrnoException).code).toBe('EIO');
      expect(settleStandardStreams(broken, err, 0, 'lint')).toBe(1);
      expect(settleStandardStreams(broken, err, 2, 'lint')).toBe(2);
      expect(settleStandardStreams(broken, err, 1, 'diff')).toBe(2);
      expect(said[0]).toBe('cmts lint: (standard output): IO_ERROR Cannot write standard output: EIO: failed, write; what was written is incomplete.\n');
      // A command that lost a result there reports it as that input's failure, once; the end of the run then says
      // nothing more, and only the status is settled.
      const lost = standardStream(1);
      lost.write('x');
      expect(() => checkWritten(lost)).toThrow(/IO_ERROR|Cannot write standard output/);
      expect(() => checkWritten(lost)).not.toThrow();
      const before = said.length;
      expect(settleStandardStreams(lost, err, 0, 'kb977203')).toBe(1);
      expect(said.length).toBe(before);
      expect(() => checkWritten({ write: () => true })).not.toThrow();
    } finally {
      vi.doUnmock('node:fs');
      vi.resetModules();
    }
  });
});
