import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { patchFolder, scenarioFor } from '../examples/patch-folder.js';
import { main } from '../lib/cli/main.js';
import { applyKb977203, readTaskSequence, writeTaskSequence } from './helpers/api.js';
import { memoryIo } from './helpers/memory-io.js';

const EXAMPLES = resolve('examples');
const xmlFiles = readdirSync(EXAMPLES).filter((f) => f.endsWith('.xml')).sort();

describe('examples', () => {
  it('ships the four sample exports', () => {
    expect(xmlFiles).toEqual(['new-computer-bare-utf16le.xml', 'refresh-2007.xml', 'replace-capture-2007.xml', 'replace-restore.object.xml']);
  });

  for (const file of xmlFiles) {
    it(`${file} round-trips byte for byte`, () => {
      const bytes = readFileSync(join(EXAMPLES, file));
      expect(Buffer.from(writeTaskSequence(readTaskSequence(bytes))).equals(bytes)).toBe(true);
    });
  }

  it('patch-folder.ts patches every export through the API, each in its scenario, idempotently', () => {
    const out = mkdtempSync(join(tmpdir(), 'cmts-examples-'));
    const results = patchFolder(EXAMPLES, out, 'ABC00010');
    expect(results.map((r) => [r.file, r.ok])).toEqual(xmlFiles.map((f) => [f, true]));
    expect(results.find((r) => r.file === 'replace-capture-2007.xml')?.changes).toBe(1);
    // A Current Branch object.xml is not a ConfigMgr 2007 sequence: not applicable, not written.
    expect(results.find((r) => r.file === 'replace-restore.object.xml')?.message).toMatch(/^not applicable: .*Current Branch/);
    for (const file of xmlFiles.filter((f) => f !== 'replace-restore.object.xml')) {
      const doc = readTaskSequence(readFileSync(join(out, file)));
      expect(applyKb977203(doc, { certfixPackage: 'ABC00010', scenario: scenarioFor(file) }).changed).toBe(false);
    }
    const again = patchFolder(out, mkdtempSync(join(tmpdir(), 'cmts-examples-')), 'ABC00010');
    expect(again.every((r) => r.message === 'already patched')).toBe(true);
    expect(again.map((r) => r.file)).not.toContain('replace-restore.object.xml');
  });

  it("the README's walkthrough shows the diff the command really makes", async () => {
    const m = memoryIo({ 'examples/refresh-2007.xml': readFileSync(join(EXAMPLES, 'refresh-2007.xml')) });
    expect(await main(['kb977203', 'examples/refresh-2007.xml', '--certfix-package', 'CM100010', '--dry-run'], m.io)).toBe(0);
    const readme = readFileSync(resolve('README.md'), 'utf8');
    // The example is CR LF, and the patch keeps each line's CR (git apply needs it); the README shows the lines.
    const hunks = m.stdout.split(/\r?\n/).filter((l) => /^[-+] /.test(l));
    expect(hunks.length).toBeGreaterThan(10);
    for (const line of hunks) expect(readme).toContain(line);
  });
});

describe('README', () => {
  const readme = readFileSync(resolve('README.md'), 'utf8');
  it('starts with the two set-up commands', () => {
    const firstBlock = /```sh\n([\s\S]*?)```/.exec(readme)?.[1] ?? '';
    expect(firstBlock.split('\n').filter(Boolean).map((l) => l.split('#')[0]!.trim())).toEqual(['npm install', 'npm test']);
  });
  it('documents every error code in its table', async () => {
    const { ERROR_CODES } = await import('../lib/api/errors.js');
    for (const code of Object.keys(ERROR_CODES)) expect(readme).toMatch(new RegExp(`^\\| \`${code}\` \\|`, 'm'));
  });
});
