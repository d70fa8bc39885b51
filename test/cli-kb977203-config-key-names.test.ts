// A --config file's value that the preset refuses was said with the flag's name (`cfg.json: --drive must be a drive
// letter…`), which the file does not say: the administrator looked for --drive on a command line that had none. The
// file's fault is now said with its key, and placed there; a flag's own fault still names the flag.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from './helpers/run-cli.js';

const EXAMPLE = resolve('examples', 'refresh-2007.xml');

describe('a --config value the preset refuses', () => {
  const dir = mkdtempSync(join(tmpdir(), 'cmts-config-keys-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const config = (options: object) => {
    const file = join(dir, `c${Math.random().toString(36).slice(2)}.json`);
    writeFileSync(file, JSON.stringify({ certfixPackage: 'ABC00010', ...options }));
    return file;
  };

  it('is named by its key in the file, and the file is named', async () => {
    const file = config({ drive: 'QQ' });
    const r = await runCli(['kb977203', EXAMPLE, '--config', file, '--dry-run']);
    expect(r.status).toBe(1);
    // Placed at the key in the file, as a schema refusal and transform --options place theirs: the key "drive"
    // starts after {"certfixPackage":"ABC00010", (29 characters), column 30.
    expect(r.stderr).toContain(`${file}:1:30: INVALID_ARGUMENT The key "drive" must be a drive letter`);
    expect(r.stderr).not.toContain('--drive');
    const both = await runCli(['kb977203', EXAMPLE, '--config', config({ drive: 'D:', source: '\\\\server\\share\\Client' }), '--dry-run']);
    expect(both.stderr).toContain('the key "drive"');
    expect(both.stderr).toContain('the key "source"');
  });

  it('a flag given on the command line is still named by its flag', async () => {
    const r = await runCli(['kb977203', EXAMPLE, '--config', config({}), '--drive', 'QQ', '--dry-run']);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('--drive');
  });
});
