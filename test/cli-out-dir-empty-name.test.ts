// `--out-dir ''` (a script's empty variable) was refused as "'' names no file": --out-dir names a folder.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from './helpers/run-cli.js';

const dir = mkdtempSync(join(tmpdir(), 'cmts-out-dir-empty-'));
const ref = join(dir, 'ref.json');
writeFileSync(ref, '{"packageId": "ABC00010"}');
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("an empty --out-dir is refused as a folder's name", () => {
  for (const argv of [
    ['convert', 'ts.xml', '--to', 'json', '--out-dir', ''],
    ['transform', 'add-reference', 'ts.xml', '--options', ref, '--out-dir', ''],
  ]) {
    it(argv.slice(0, 1).join(' '), async () => {
      const r = await runCli(argv);
      expect(r.status).toBe(2);
      expect(r.stderr).toContain('--out-dir needs a name: "" names no folder.');
    });
  }

  it('-o still names a file', async () => {
    const r = await runCli(['convert', 'ts.xml', '--to', 'json', '-o', '']);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('-o needs a name: "" names no file.');
  });
});
