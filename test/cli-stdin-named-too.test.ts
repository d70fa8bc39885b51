// Standard input that is a file also named on the command line (`cmts lint - ts.xml < ts.xml`) was read twice: two
// results for one file, two records in --json, and `-o out.xml - ts.xml < ts.xml` refused as two inputs. A file named
// twice (`ts.xml ./ts.xml`, a symlink to it) is one input under the first name given; standard input is now one of
// its names too, told by the file it is (device and file number of descriptor 0 against the named file's): one
// input, under whichever of `-` and the name comes first. A pipe, or a file other than the named ones, stays an input
// of its own.
import { closeSync, mkdtempSync, openSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { spawnSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expandInputs } from '../lib/cli/inputs.js';
import { mainHelp } from '../lib/cli/main.js';
import { BIN, ensureBuilt } from './helpers/cli-process.js';
import { memoryIo } from './helpers/memory-io.js';

const XML = readFileSync(resolve('examples/refresh-2007.xml'));
let dir: string;

beforeAll(() => {
  ensureBuilt();
  dir = mkdtempSync(join(tmpdir(), 'cmts-stdin-named-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Runs cmts in `dir` with standard input opened on `file` (or given as a pipe when `file` is undefined). */
function withStdin(file: string | undefined, args: string[]) {
  const fd = file === undefined ? 'pipe' : openSync(join(dir, file), 'r');
  try {
    return spawnSync(process.execPath, [BIN, ...args], { cwd: dir, stdio: [fd, 'pipe', 'pipe'], encoding: 'utf8', ...(file === undefined && { input: XML }) });
  } finally {
    if (typeof fd === 'number') closeSync(fd);
  }
}

describe('expandInputs with standard input that is a named file', () => {
  const io = () => {
    const m = memoryIo({ 'ts.xml': 'x', 'other.xml': 'y' });
    const ids: Record<string, string> = { '-': '1:7', 'ts.xml': '1:7', 'other.xml': '1:8' };
    return { ...m.io, fileId: (p: string) => ids[p === '-' ? p : m.io.realPath(p)] };
  };
  it('keeps the first name given, - or the file', () => {
    expect(expandInputs(['-', 'ts.xml', 'other.xml'], io())).toEqual(['-', 'other.xml']);
    expect(expandInputs(['ts.xml', '-', 'other.xml'], io())).toEqual(['ts.xml', 'other.xml']);
    expect(expandInputs(['other.xml', './ts.xml', '-', 'ts.xml'], io())).toEqual(['other.xml', './ts.xml']);
  });
  it('keeps both when standard input is another file, or cannot be told (a pipe: no id)', () => {
    expect(expandInputs(['-', 'other.xml'], { ...io(), fileId: (p: string) => (p === '-' ? '1:9' : '1:8') })).toEqual(['-', 'other.xml']);
    expect(expandInputs(['-', 'ts.xml'], { ...io(), fileId: (p: string) => (p === '-' ? undefined : '1:7') })).toEqual(['-', 'ts.xml']);
  });
});

describe('cmts with - and the file standard input reads', () => {
  it('lint reads it once, under the first name given', () => {
    writeFileSync(join(dir, 'ts.xml'), XML);
    const json = (args: string[]) => JSON.parse(withStdin('ts.xml', args).stdout) as { results: { input: string }[]; summary: { inputs: number } };
    const first = json(['lint', '-', 'ts.xml', '--json']);
    expect(first.results.map((r) => r.input)).toEqual(['-']);
    expect(first.summary.inputs).toBe(1);
    expect(json(['lint', 'ts.xml', '-', '--json']).results.map((r) => r.input)).toEqual(['ts.xml']);
  });

  it('inspect prints one tree', () => {
    writeFileSync(join(dir, 'ts.xml'), XML);
    const r = withStdin('ts.xml', ['inspect', '-', 'ts.xml']);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout.match(/^\S.* — - \(/gm)).toHaveLength(1);
    expect(r.stdout).not.toMatch(/ — ts\.xml \(/);
  });

  it('kb977203 -o takes it as the one input it is', () => {
    writeFileSync(join(dir, 'ts.xml'), XML);
    const r = withStdin('ts.xml', ['kb977203', '-', 'ts.xml', '-o', 'out.xml', '--certfix-package', 'ABC00010']);
    expect(r.status, r.stderr).toBe(0);
    expect(readFileSync(join(dir, 'out.xml'), 'utf8')).toContain('KB977203');
    expect(readFileSync(join(dir, 'ts.xml')).equals(XML)).toBe(true);
  });

  it('kb977203 --in-place writes the named file once when it comes first, and refuses - first (standard input cannot be written back)', () => {
    writeFileSync(join(dir, 'ts.xml'), XML);
    const refused = withStdin('ts.xml', ['kb977203', '-', 'ts.xml', '--in-place', '--certfix-package', 'ABC00010']);
    expect(refused.status).toBe(2);
    expect(refused.stderr).toContain('--in-place cannot write back to standard input');
    expect(readFileSync(join(dir, 'ts.xml')).equals(XML)).toBe(true);
    const r = withStdin('ts.xml', ['kb977203', 'ts.xml', '-', '--in-place', '--certfix-package', 'ABC00010', '--json']);
    expect(r.status, r.stderr).toBe(0);
    expect((JSON.parse(r.stdout) as { results: { input: string }[] }).results.map((x) => x.input)).toEqual(['ts.xml']);
    expect(readFileSync(join(dir, 'ts.xml'), 'utf8')).toContain('KB977203');
    expect(readdirSync(dir).filter((n) => n.endsWith('.cmts-tmp'))).toEqual([]);
  });

  it('is said in cmts --help', () => {
    expect(mainHelp().replace(/\n\s+/g, ' ')).toContain('as - too (cmts lint - ts.xml < ts.xml), is one input, under the first name given');
  });

  it('a pipe is still an input of its own', () => {
    writeFileSync(join(dir, 'ts.xml'), XML);
    const r = withStdin(undefined, ['lint', '-', 'ts.xml', '--json']);
    expect((JSON.parse(r.stdout) as { results: { input: string }[] }).results.map((x) => x.input)).toEqual(['-', 'ts.xml']);
  });
});
