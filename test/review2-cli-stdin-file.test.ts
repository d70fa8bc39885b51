// Standard input over --max-bytes is refused with `file: "-"`, the name every other error about standard input gives
// it and its record's `input`: it was "(standard input)", so `cmts inspect - --json` printed a record whose input was
// "-" and whose error's file was another name (and stderr said `cmts inspect: (standard input): …`).
import { closeSync, mkdtempSync, openSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readInputFile } from '../lib/cli/bounded-read.js';
import { TaskSequenceError } from '../lib/index.js';
import { cmts } from './helpers/cli-process.js';

const EXAMPLE = readFileSync(resolve('examples/refresh-2007.xml'));

describe('standard input over --max-bytes', { timeout: 120_000 }, () => {
  it('is INPUT_TOO_LARGE about the file "-"', () => {
    const dir = mkdtempSync(join(tmpdir(), 'cmts-stdin-'));
    const path = join(dir, 'in.xml');
    writeFileSync(path, EXAMPLE);
    const fd = openSync(path, 'r');
    try {
      let thrown: unknown;
      try {
        readInputFile('-', fd, 100);
      } catch (e) {
        thrown = e;
      }
      expect(thrown).toBeInstanceOf(TaskSequenceError);
      expect((thrown as TaskSequenceError).code).toBe('INPUT_TOO_LARGE');
      expect((thrown as TaskSequenceError).file).toBe('-');
    } finally {
      closeSync(fd);
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('cmts inspect - --json: the record and its error name one input, -', () => {
    const r = cmts(['inspect', '-', '--max-bytes', '100', '--json'], { input: EXAMPLE });
    expect(r.status).toBe(1);
    const record = (JSON.parse(r.stdout) as { results: { input: string; error: { code: string; file: string } }[] }).results[0];
    expect(record?.input).toBe('-');
    expect(record?.error).toMatchObject({ code: 'INPUT_TOO_LARGE', file: '-' });
    expect(r.stderr).toMatch(/^cmts inspect: -: INPUT_TOO_LARGE \(standard input\) is over 100 bytes/);
  });
});
