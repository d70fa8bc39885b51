// --max-bytes / --max-nodes on the command line: every command that reads task sequences takes them, a bad value is
// a usage error, and the limit is the reader's own (a file one byte over is refused before it is read, one at the
// limit reads).
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cmts, ensureBuilt } from './helpers/cli-process.js';
import { FIXTURES_DIR } from './helpers/corpus.js';

const INPUT = readFileSync(join(FIXTURES_DIR, 'kb977203', 'refresh-2007-crlf', 'input.xml'));
const COMMANDS = ['inspect', 'lint', 'diff', 'convert', 'render', 'kb977203', 'transform'];

describe('--max-bytes and --max-nodes', { timeout: 120_000 }, () => {
  let dir: string;
  let file: string;
  beforeAll(() => {
    ensureBuilt();
    dir = mkdtempSync(join(tmpdir(), 'cmts-limits-'));
    file = join(dir, 'ts.xml');
    writeFileSync(file, INPUT);
  }, 300_000);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('a file one byte over --max-bytes is refused with INPUT_TOO_LARGE naming it (exit 1)', () => {
    const r = cmts(['inspect', file, '--max-bytes', String(INPUT.length - 1)]);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain(`INPUT_TOO_LARGE ${file} is ${INPUT.length} bytes; the limit is ${INPUT.length - 1} bytes.`);
    expect(r.stdout).toBe('');
  });

  it('a file exactly at --max-bytes reads, and so does standard input', () => {
    expect(cmts(['inspect', file, '--max-bytes', String(INPUT.length)]).status).toBe(0);
    expect(cmts(['lint', '-', '--max-bytes', String(INPUT.length)], { input: INPUT }).status).not.toBe(2);
    const over = cmts(['inspect', '-', '--max-bytes', String(INPUT.length - 1)], { input: INPUT });
    expect(over.status).toBe(1);
    expect(over.stderr).toMatch(/INPUT_TOO_LARGE \(standard input\) is over \d+ bytes/);
  });

  it('--max-nodes refuses a sequence with more markup items than it allows', () => {
    const r = cmts(['lint', file, '--max-nodes', '10']);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/INPUT_TOO_LARGE .*markup items.*the limit is 10/);
    expect(cmts(['inspect', file, '--max-nodes', '3000000']).status).toBe(0);
  });

  it('a value that is not a positive whole number is a usage error (exit 2) in every command', () => {
    for (const command of COMMANDS) {
      for (const bad of ['0', '-5', '10k', '1e3', '']) {
        const r = cmts([command, file, '--max-bytes', bad]);
        expect(r.status, `${command} --max-bytes '${bad}'`).toBe(2);
        // '-5' is refused by the parser itself (it looks like an option), the others by the check of the value.
        if (bad !== '-5') expect(r.stderr).toContain(`--max-bytes takes a positive whole number, not '${bad}'.`);
      }
      const r = cmts([command, file, '--max-nodes', 'many']);
      expect(r.status, `${command} --max-nodes`).toBe(2);
    }
  });

  it('every command that reads sequences lists the flags and their defaults in --help', () => {
    for (const command of COMMANDS) {
      const help = cmts([command, '--help']).stdout;
      expect(help, command).toMatch(/--max-bytes <n>\s+refuse .*67108864/);
      expect(help, command).toMatch(/--max-nodes <n>\s+refuse .*3000000/);
    }
  });
});
