// A folder holding a file whose name is not UTF-8 (a name written by a system with another code page): Node lists it
// with U+FFFD in place of its bytes, a name no file has, so it cannot be opened. The run says why, for that input
// only, and the others are processed.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cmts, ensureBuilt } from './helpers/cli-process.js';

describe('a file name that is not UTF-8', { timeout: 120_000 }, () => {
  let dir: string;
  let made = true;
  beforeAll(() => {
    ensureBuilt();
    dir = mkdtempSync(join(tmpdir(), 'cmts-names-'));
    const xml = readFileSync(resolve('examples', 'refresh-2007.xml'));
    writeFileSync(join(dir, 'ok.xml'), xml);
    try {
      // Latin-1 "é": a byte no UTF-8 name has alone.
      writeFileSync(Buffer.concat([Buffer.from(`${dir}/caf`), Buffer.from([0xe9]), Buffer.from('.xml')]), xml);
    } catch {
      made = false; // a file system that takes UTF-8 names only
    }
  }, 300_000);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('fails that input with the reason, and the others are read', (ctx) => {
    if (!made) ctx.skip();
    const r = cmts(['lint', dir]);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('IO_ERROR');
    expect(r.stderr).toMatch(/caf\uFFFD\.xml: no such file or folder \(a name whose bytes are not UTF-8 is listed with \uFFFD in their place/);
    expect(r.stdout).toContain('ok.xml');
    expect(r.stderr).toContain('1 could not be read');
  });
});
