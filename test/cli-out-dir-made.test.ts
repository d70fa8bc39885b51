// A run that fails leaves no empty --out-dir it made (nothing is written on failure, a folder neither); a folder it
// made and wrote a result into, or one that was there, stays (found by a review of the command line).
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cmts } from './helpers/cli-process.js';

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'cmts-outdir-'));
  writeFileSync(join(dir, 'broken.xml'), '<sequence><step></sequence>');
  writeFileSync(join(dir, 'ts.xml'), readFileSync(resolve('examples/refresh-2007.xml')));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('an --out-dir the run made', () => {
  it('is removed, with the folders made above it, when the run fails before writing into it', () => {
    for (const args of [
      ['kb977203', 'broken.xml', '--out-dir', 'made/a/b', '--certfix-package', 'ABC00010'],
      ['convert', 'broken.xml', '--to', 'json', '--out-dir', 'made/a/b'],
      ['render', 'broken.xml', '--out-dir', 'made/a/b'],
    ]) {
      const r = cmts(args, { cwd: dir });
      expect(r.status, args.join(' ')).toBe(1);
      expect(existsSync(join(dir, 'made')), args.join(' ')).toBe(false);
    }
  });

  it('stays when a result was written into it, and a folder that was there stays empty', () => {
    const r = cmts(['kb977203', 'ts.xml', 'broken.xml', '--out-dir', 'some', '--certfix-package', 'ABC00010'], { cwd: dir });
    expect(r.status).toBe(1);
    expect(readdirSync(join(dir, 'some'))).toEqual(['ts.xml']);
    mkdirSync(join(dir, 'there'));
    expect(cmts(['kb977203', 'broken.xml', '--out-dir', 'there', '--certfix-package', 'ABC00010'], { cwd: dir }).status).toBe(1);
    expect(existsSync(join(dir, 'there'))).toBe(true);
  });
});
