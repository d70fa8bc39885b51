// cmts kb977203 --check on a Current Branch export .zip must say what the apply would say of the archive's
// ReferencesInfo.xml (a new package listed with empty details), as --dry-run and a real run do: check agrees with apply.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../lib/cli/main.js';
import { readEntry, readZip } from './helpers/api.js';
import { FIXTURES_DIR } from './helpers/corpus.js';
import { memoryIo } from './helpers/memory-io.js';

const ZIP = readFileSync(join(FIXTURES_DIR, 'zip', 'export.zip'));
const ARGS = ['ts.zip', '--certfix-package', 'CM100010', '--scenario', 'replace-restore', '--force', '--json'];

async function codesOf(mode: string[]): Promise<{ status: number; codes: string[]; stdout: string }> {
  const m = memoryIo({ 'ts.zip': ZIP });
  const status = await main(['kb977203', ...ARGS, ...mode], m.io);
  const codes = [...m.stdout.matchAll(/"code": ?"(ZIP_[A-Z_]+)"/g)].map((x) => x[1] as string);
  return { status, codes, stdout: m.stdout };
}

describe('kb977203 --check on an export .zip', () => {
  it('gives the ReferencesInfo.xml notes that --dry-run gives, and leaves the archive as it was', async () => {
    const z = readZip(ZIP);
    const info = z.entries.find((e) => /ReferencesInfo\.xml$/.test(e.name) && !/App/.test(e.name));
    expect(info && Buffer.from(readEntry(z, info)).toString('utf8')).not.toContain('CM100010');
    const dry = await codesOf(['--dry-run']);
    expect(dry.codes).toContain('ZIP_REFERENCES_INFO_INCOMPLETE');
    const check = await codesOf(['--check']);
    expect(check.codes).toEqual(dry.codes);
  });

  it('with the package named, neither says anything of ReferencesInfo.xml', async () => {
    const named = ['--certfix-package-name', 'CCMCertFix', '--certfix-package-description', 'Repairs the certificate', '--certfix-package-version', '1.0'];
    expect((await codesOf(['--dry-run', ...named])).codes).toEqual([]);
    expect((await codesOf(['--check', ...named])).codes).toEqual([]);
  });
});
