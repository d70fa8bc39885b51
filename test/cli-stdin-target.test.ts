// Standard input that is a regular file (`cmts … - -o ts.xml < ts.xml`) is an input: a target that is that file is
// refused (exit 2, nothing written), as a target that is a named input is, for every command that writes a result
// (found by a review of the command line as scripts use it: the input was overwritten).
import { closeSync, mkdtempSync, openSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { spawnSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BIN, ensureBuilt } from './helpers/cli-process.js';

let dir: string;
const XML = readFileSync(resolve('examples/refresh-2007.xml'));
const YAML = readFileSync(resolve('examples/osd-as-code.yaml'));

beforeAll(() => {
  ensureBuilt();
  dir = mkdtempSync(join(tmpdir(), 'cmts-stdin-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Runs cmts with standard input opened on `file`. */
function withStdin(file: string, args: string[]) {
  const fd = openSync(file, 'r');
  try {
    return spawnSync(process.execPath, [BIN, ...args], { cwd: dir, stdio: [fd, 'pipe', 'pipe'], encoding: 'utf8' });
  } finally {
    closeSync(fd);
  }
}

describe('a target that is the file standard input reads', () => {
  const cases: [string, Buffer, string[]][] = [
    ['convert', XML, ['convert', '-', '--to', 'json', '-o', 'in.txt']],
    ['render', XML, ['render', '-', '-o', 'in.txt']],
    ['kb977203', XML, ['kb977203', '-', '-o', 'in.txt', '--certfix-package', 'ABC00010']],
    ['build', YAML, ['build', '-', '-o', 'in.txt']],
    ['kb977203 --report', XML, ['kb977203', '-', '-o', 'out.xml', '--report', 'in.csv', '--certfix-package', 'ABC00010']],
  ];
  for (const [label, content, args] of cases) {
    it(`is refused by ${label}, exit 2, and the file is left as it was`, () => {
      const name = args.includes('--report') ? 'in.csv' : 'in.txt';
      const file = join(dir, name);
      writeFileSync(file, content);
      const r = withStdin(file, args);
      expect(r.status, r.stderr).toBe(2);
      expect(r.stderr).toMatch(new RegExp(`${name.replace('.', '\\.')} is the (file standard input reads|input - \\(the file standard input reads\\))`));
      expect(readFileSync(file).equals(content)).toBe(true);
    });
  }

  it('is not confused with another file: the result is written there', () => {
    const file = join(dir, 'in2.xml');
    writeFileSync(file, XML);
    const r = withStdin(file, ['kb977203', '-', '-o', 'other.xml', '--certfix-package', 'ABC00010']);
    expect(r.status, r.stderr).toBe(0);
    expect(readFileSync(join(dir, 'other.xml'), 'utf8')).toContain('KB977203');
    expect(readFileSync(file).equals(XML)).toBe(true);
  });
});
