// `-o /dev/stdout` (and /dev/stderr, /dev/fd/1, /proc/self/fd/1): a result is written as a new file renamed over its
// target, which a descriptor's name cannot take. On a pipe the run failed once the input was done with "Cannot write
// /dev/stdout: no such file or folder"; with standard output a file, the rename replaced that file: what `>>` had
// appended to it was gone, and with --json the report went to the replaced file and was lost. Now such a name is a
// usage error (status 2, nothing read or written) that points at `-o -`.
import { spawnSync } from 'node:child_process';
import { closeSync, openSync, readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cliFiles } from './helpers/cli-files.js';
import { BIN } from './helpers/cli-process.js';

const EXAMPLE = readFileSync(resolve('examples/refresh-2007.xml'));
const PATCH = ['--certfix-package', 'ABC00010'];
const files = cliFiles({ 'ts.xml': EXAMPLE, 'ref.json': '{"packageId": "ABC00010"}', 'seq.yaml': readFileSync(resolve('examples/osd-as-code.yaml')) });

/** Runs cmts in the test folder with standard output appended to `log` (as `>> log`); the status and standard error. */
function appendingTo(log: string, args: string[]): { status: number | null; stderr: string } {
  const fd = openSync(log, 'a');
  try {
    const r = spawnSync(process.execPath, [BIN, ...args], { cwd: files.at(), stdio: ['ignore', fd, 'pipe'], encoding: 'utf8' });
    return { status: r.status, stderr: r.stderr };
  } finally {
    closeSync(fd);
  }
}

/** Runs cmts in the test folder with standard output a pipe. */
function piped(args: string[]): { status: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd: files.at(), encoding: 'utf8' });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe.skipIf(process.platform === 'win32')('-o naming a descriptor of the process', { timeout: 120_000 }, () => {
  it('-o /dev/stdout on a file opened with >>: a usage error, and the file keeps what was appended to it', () => {
    const log = files.at('run.log');
    writeFileSync(log, 'earlier runs\n');
    const r = appendingTo(log, ['kb977203', 'ts.xml', ...PATCH, '-o', '/dev/stdout']);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain("cmts kb977203: -o /dev/stdout names standard output, which cmts cannot write as a file: give -o - for standard output.");
    // Before: the log was replaced by the result (status 0, "wrote /dev/stdout").
    expect(readFileSync(log, 'utf8')).toBe('earlier runs\n');
    expect(readFileSync(files.at('ts.xml'))).toEqual(EXAMPLE);
  });

  it('with --json the report is not lost: it is the usage error report, on standard output', () => {
    const log = files.at('json.log');
    writeFileSync(log, '');
    const r = appendingTo(log, ['kb977203', 'ts.xml', ...PATCH, '-o', '/dev/stdout', '--json']);
    expect(r.status).toBe(2);
    const report = JSON.parse(readFileSync(log, 'utf8')) as { results: { error: { code: string; message: string } }[] };
    expect(report.results.map((x) => x.error.code)).toEqual(['USAGE_ERROR']);
    // -o - is refused with --json as well: the message points at a file.
    expect(report.results[0]?.error.message).toBe('-o /dev/stdout names standard output, which cmts cannot write as a file: give -o <file> (with --json, standard output holds the report).');
  });

  it('every spelling, every command that takes -o: status 2 before anything is read, a message naming -o -', () => {
    const spellings = [['/dev/stdout', 'standard output'], ['/dev/fd/1', 'standard output'], ['/proc/self/fd/1', 'standard output'], ['/dev/./stdout', 'standard output'], ['/dev/stderr', 'standard error'], ['/dev/fd/2', 'standard error']] as const;
    const cases: [string[], readonly (readonly [string, string])[]][] = [
      [['kb977203', 'ts.xml', ...PATCH, '-o'], spellings],
      [['convert', 'ts.xml', '--to', 'json', '-o'], spellings.slice(0, 1)],
      [['transform', 'add-reference', 'ts.xml', '--options', 'ref.json', '-o'], spellings.slice(0, 1)],
      [['render', 'ts.xml', '-o'], spellings.slice(0, 1)],
      [['build', 'seq.yaml', '-o'], spellings.slice(0, 1)],
    ];
    for (const [args, names] of cases) {
      for (const [name, what] of names) {
        const r = piped([...args, name]);
        expect(r.status, `${args.join(' ')} ${name}`).toBe(2);
        expect(r.stderr, `${args.join(' ')} ${name}`).toContain(`: -o ${name} names ${what}, which cmts cannot write as a file: give -o - for standard output.`);
        // Before, on a pipe: "IO_ERROR Cannot write /dev/stdout: no such file or folder" once the work was done.
        expect(r.stderr).not.toMatch(/IO_ERROR|no such file/);
        expect(r.stdout).toBe('');
      }
    }
  });

  it('--html naming a descriptor, and --in-place on /dev/stdin, are usage errors too', () => {
    const html = piped(['kb977203', 'ts.xml', ...PATCH, '--dry-run', '--html', '/dev/stderr']);
    expect(html.status).toBe(2);
    expect(html.stderr).toContain('--html /dev/stderr names standard error, which cmts cannot write as a file: give a file name.');
    const fd = openSync(files.at('ts.xml'), 'r');
    try {
      // Standard input a file: its rename would have replaced ts.xml, which was never named.
      const r = spawnSync(process.execPath, [BIN, 'kb977203', '/dev/stdin', ...PATCH, '--in-place'], { cwd: files.at(), stdio: [fd, 'pipe', 'pipe'], encoding: 'utf8' });
      expect(r.status).toBe(2);
      expect(r.stderr).toContain('--in-place /dev/stdin names standard input, which cmts cannot write as a file: use -o <file> or -o -.');
    } finally {
      closeSync(fd);
    }
    expect(readFileSync(files.at('ts.xml'))).toEqual(EXAMPLE);
  });

  it('-o - still writes standard output', () => {
    const r = piped(['kb977203', 'ts.xml', ...PATCH, '-o', '-']);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('CCMCertFix');
  });
});
